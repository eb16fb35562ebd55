"""Contracts the district's scripts rely on, written out by hand (never imported from src/), so a
change in the code that breaks them fails the tests."""

#: The Biểu 06 JSON keys of ``onestop report --format json``, in form order (columns 3–13).
#: Column (3) is the total to be resolved, (4) + (5) + (6) (issue #8); the JSON also keeps
#: ``received_total`` (new receipts, (4) + (5)) for scripts written before.
BIEU06_KEYS = (
    "to_resolve_total",
    "received_online",
    "received_in_person",
    "carried_over",
    "resolved_total",
    "resolved_early",
    "resolved_on_time",
    "resolved_late",
    "in_progress_total",
    "in_progress_in_time",
    "in_progress_overdue",
)

#: Ledger (Sổ theo dõi hồ sơ) headers as a commune typed them: shuffled, some without diacritics
#: or in capitals.
LEDGER_HEADERS = [
    "Trang thai",
    "HỌ TÊN CHỦ HỒ SƠ",
    "Mã thủ tục",
    "Ngay nhan",
    "Ngày hẹn trả",
    "Dia chi",
    "So dien thoai",
    "Ghi chú",
    "Ngày có kết quả",
    "Ngày trả kết quả",
    "Mã hồ sơ",
    "Số định danh",
]
