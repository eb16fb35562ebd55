"""Reading a legacy Sổ theo dõi hồ sơ (Mẫu 06) from .xlsx and .csv files built in tmp_path."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook

from onestop_desktop.domain.clock import VN_TZ
from onestop_desktop.domain.identity import CMND_WARNING
from onestop_desktop.domain.stats import report
from onestop_desktop.domain.status import Status
from onestop_desktop.errors import NotFound, ValidationError
from onestop_desktop.services.ledger_files import COLUMNS, LedgerParse, RowError, read_ledger

HEADERS = [
    "STT",
    "Mã hồ sơ",
    "Mã thủ tục",
    "Họ tên chủ hồ sơ",
    "Số định danh",
    "Địa chỉ",
    "Số điện thoại",
    "Ngày nhận",
    "Ngày hẹn trả",
    "Ngày có kết quả",
    "Ngày trả kết quả",
    "Trạng thái",
    "Ghi chú",
    "Số lượng (bộ)",
]


def good(**changes: object) -> dict[str, object]:
    """One valid ledger row keyed by header; keyword names use the header with _ for spaces."""
    row: dict[str, object] = {
        "STT": 1,
        "Mã hồ sơ": "000.00.12.H29-250701-1001",
        "Mã thủ tục": "1.001193",
        "Họ tên chủ hồ sơ": "Nguyễn Văn An",
        "Số định danh": "001090012345",
        "Địa chỉ": "Thôn 1, xã Yên Sơn",
        "Số điện thoại": "0912 345 678",
        "Ngày nhận": "01/07/2025 08:30",
        "Ngày hẹn trả": "01/07/2025",
        "Ngày có kết quả": "01/07/2025 15:00",
        "Ngày trả kết quả": "01/07/2025 16:00",
        "Trạng thái": "Đã trả kết quả",
        "Ghi chú": "",
        "Số lượng (bộ)": "1",
    }
    for key, value in changes.items():
        row[key.replace("_", " ")] = value
    return row


def write_csv(
    path: Path,
    rows: Sequence[dict[str, object]],
    headers: Sequence[str] = HEADERS,
    *,
    delimiter: str = ",",
    above: Sequence[Sequence[str]] = (),
    encoding: str = "utf-8-sig",
) -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        for line in above:
            writer.writerow(line)
        writer.writerow(headers)
        for row in rows:
            writer.writerow(["" if row.get(h) is None else row.get(h) for h in headers])
    return path


def write_xlsx(
    path: Path,
    rows: Sequence[dict[str, object]],
    headers: Sequence[str] = HEADERS,
    *,
    above: Sequence[Sequence[object]] = (),
) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Sổ theo dõi"
    for line in above:
        sheet.append(list(line))
    sheet.append(list(headers))
    for row in rows:
        sheet.append([row.get(h) for h in headers])
    workbook.create_sheet("Khác").append(["Mã thủ tục", "rác"])
    workbook.save(path)
    return path


def reasons(result: LedgerParse) -> list[tuple[int, str, str]]:
    return [(e.line, e.column, e.reason_vi) for e in result.errors]


# --- the happy paths -------------------------------------------------------------------------


def test_xlsx_with_title_rows_shuffled_columns_and_excel_dates(tmp_path: Path) -> None:
    headers = [
        "NGAY NHAN",  # upper case, no diacritics
        "Trạng thái",
        "Họ tên chủ hồ sơ",
        "Mã thủ tục",
        "Ghi chú",
        "Địa chỉ",
        "Số điện thoại",
        "Ngày hẹn trả",
        "ngày trả kết quả",
        "Số định danh",
    ]
    rows = [
        good(
            NGAY_NHAN=datetime(2025, 7, 1, 8, 30),  # a real Excel date-time cell
            Ngày_hẹn_trả=datetime(2025, 7, 3),  # a real Excel date cell (midnight)
            ngày_trả_kết_quả=date(2025, 7, 3),
            Trạng_thái=10,
        ),
        good(
            NGAY_NHAN="2025-07-02T09:15:00+07:00",
            Ngày_hẹn_trả="2025-07-09",
            Trạng_thái="dang xu ly",
            Họ_tên_chủ_hồ_sơ="Lò Thị Pá",
            Số_định_danh=None,
        ),
    ]
    path = write_xlsx(
        tmp_path / "so.xlsx",
        rows,
        headers,
        above=[["UBND XÃ YÊN SƠN"], ["SỔ THEO DÕI HỒ SƠ"], []],
    )
    result = read_ledger(path)
    assert result.errors == []
    assert result.ok
    first, second = result.rows
    assert first.line == 5 and second.line == 6  # Excel row numbers
    assert first.received_at == datetime(2025, 7, 1, 8, 30, tzinfo=VN_TZ)
    assert first.due_at == datetime(2025, 7, 3, 7, 0, tzinfo=VN_TZ)  # date only: 07:00
    assert first.returned_at == datetime(2025, 7, 3, 7, 0, tzinfo=VN_TZ)
    assert first.date_only == frozenset({"due", "returned"})
    assert first.status == Status.RETURNED
    assert first.id_number == "001090012345" and first.id_kind == "cccd"
    assert first.phone == "0912345678"
    assert first.dossier_code is None and first.copies is None and first.result_at is None
    assert second.status == Status.PROCESSING
    assert second.received_at.utcoffset() == timedelta(hours=7)
    assert second.applicant_name == "Lò Thị Pá"
    assert second.id_number is None


def test_csv_with_bom_and_semicolons(tmp_path: Path) -> None:
    rows = [good(), good(Mã_hồ_sơ="000.00.12.H29-250701-1002", Trạng_thái="4", Ngày_trả_kết_quả="")]
    result = read_ledger(write_csv(tmp_path / "so.csv", rows, delimiter=";"))
    assert result.errors == []
    assert [r.line for r in result.rows] == [2, 3]
    row = result.rows[0]
    assert row.dossier_code == "000.00.12.H29-250701-1001"
    assert row.procedure_code == "1.001193"
    assert row.address == "Thôn 1, xã Yên Sơn"  # the comma inside a ;-separated file survives
    assert row.received_at == datetime(2025, 7, 1, 8, 30, tzinfo=VN_TZ)
    assert row.result_at == datetime(2025, 7, 1, 15, 0, tzinfo=VN_TZ)
    assert row.copies == 1
    assert row.status == Status.RETURNED
    assert result.rows[1].status == Status.PROCESSING


def test_csv_without_bom_with_commas_and_a_multiline_note(tmp_path: Path) -> None:
    rows = [
        good(Ghi_chú="Dòng một\nDòng hai"),
        good(Mã_hồ_sơ="000.00.12.H29-250701-1002", Họ_tên_chủ_hồ_sơ="Trần Thị Bình"),
    ]
    result = read_ledger(write_csv(tmp_path / "so.csv", rows, encoding="utf-8"))
    assert result.errors == []
    assert result.rows[0].note == "Dòng một Dòng hai"
    assert [r.line for r in result.rows] == [2, 4]  # the quoted note spans lines 2–3


def test_csv_tab_separated_with_header_below_titles(tmp_path: Path) -> None:
    above = [["SỔ THEO DÕI HỒ SƠ"], ["Quyển số 1"]]
    path = write_csv(tmp_path / "so.csv", [good()], delimiter="\t", above=above)
    result = read_ledger(path)
    assert result.errors == []
    assert result.rows[0].line == 4


@pytest.mark.parametrize(
    ("typed", "expected", "date_only"),
    [
        ("01/07/2025", datetime(2025, 7, 1, 7, 0), True),
        ("1/7/2025", datetime(2025, 7, 1, 7, 0), True),
        ("01/07/2025 08:30", datetime(2025, 7, 1, 8, 30), False),
        ("01/07/2025 8:30:15", datetime(2025, 7, 1, 8, 30, 15), False),
        ("08:30 01/07/2025", datetime(2025, 7, 1, 8, 30), False),
        ("2025-07-01", datetime(2025, 7, 1, 7, 0), True),
        ("2025-07-01T08:30", datetime(2025, 7, 1, 8, 30), False),
        ("2025-07-01T01:30:00Z", datetime(2025, 7, 1, 8, 30), False),
        ("2025-07-01 08:30:00+07:00", datetime(2025, 7, 1, 8, 30), False),
    ],
)
def test_date_formats(tmp_path: Path, typed: str, expected: datetime, date_only: bool) -> None:
    row = good(
        Ngày_nhận=typed,
        Ngày_hẹn_trả="05/07/2025",
        Trạng_thái="2",
        Ngày_có_kết_quả="",
        Ngày_trả_kết_quả="",
    )
    result = read_ledger(write_csv(tmp_path / "so.csv", [row]))
    assert result.errors == []
    assert result.rows[0].received_at == expected.replace(tzinfo=VN_TZ)
    assert ("received" in result.rows[0].date_only) is date_only


def test_optional_columns_may_be_absent_and_blank_rows_are_skipped(tmp_path: Path) -> None:
    headers = [c.header for c in COLUMNS if c.header_required]
    rows = [good(Trạng_thái="Đang xử lý"), {}, good(Trạng_thái="2")]
    path = write_csv(tmp_path / "so.csv", rows, headers)
    result = read_ledger(path)
    assert result.errors == []
    assert [r.line for r in result.rows] == [2, 4]
    assert result.rows[0].id_number is None and result.rows[0].returned_at is None


# --- header problems --------------------------------------------------------------------------


def test_each_missing_required_header_is_one_error(tmp_path: Path) -> None:
    headers = [h for h in HEADERS if h not in ("Ngày hẹn trả", "Trạng thái")]
    result = read_ledger(write_xlsx(tmp_path / "so.xlsx", [good(), good()], headers, above=[["x"]]))
    assert result.rows == []
    assert reasons(result) == [
        (2, "Ngày hẹn trả", "Thiếu cột «Ngày hẹn trả»"),
        (2, "Trạng thái", "Thiếu cột «Trạng thái»"),
    ]


def test_address_phone_and_id_columns_are_optional(tmp_path: Path) -> None:
    """Old ledgers often lack them: the rows import with those fields empty."""
    headers = [h for h in HEADERS if h not in ("Địa chỉ", "Số điện thoại", "Số định danh")]
    result = read_ledger(write_xlsx(tmp_path / "so.xlsx", [good()], headers))
    assert result.errors == []
    (row,) = result.rows
    assert (row.address, row.phone, row.id_number) == (None, None, None)
    blank = read_ledger(
        write_xlsx(tmp_path / "trong.xlsx", [good(Địa_chỉ="", Số_điện_thoại="")], HEADERS)
    )
    assert blank.errors == [] and (blank.rows[0].address, blank.rows[0].phone) == (None, None)


def test_a_refused_row_needs_no_appointment(tmp_path: Path) -> None:
    refused = good(
        Mã_hồ_sơ="",
        Ngày_hẹn_trả="",
        Ngày_có_kết_quả="",
        Ngày_trả_kết_quả="",
        Trạng_thái="Không được tiếp nhận",
    )
    processing = good(
        Mã_hồ_sơ="",
        Ngày_hẹn_trả="",
        Ngày_có_kết_quả="",
        Ngày_trả_kết_quả="",
        Trạng_thái="Đang xử lý",
    )
    result = read_ledger(write_xlsx(tmp_path / "so.xlsx", [refused, processing], HEADERS))
    assert [r.due_at for r in result.rows] == [None]
    assert result.rows[0].status == Status.NOT_ACCEPTED
    assert [(e.line, e.column) for e in result.errors] == [(3, "Ngày hẹn trả")]


def test_no_header_row_at_all(tmp_path: Path) -> None:
    path = tmp_path / "so.csv"
    path.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    result = read_ledger(path)
    assert len(result.errors) == 1
    assert result.errors[0].reason_vi.startswith("Không tìm thấy dòng tiêu đề")


def test_header_below_row_15_is_not_found(tmp_path: Path) -> None:
    above = [[f"dòng {i}"] for i in range(15)]
    result = read_ledger(write_xlsx(tmp_path / "so.xlsx", [good()], above=above))
    assert result.rows == []
    assert "Không tìm thấy dòng tiêu đề" in result.errors[0].reason_vi


def test_duplicate_header_is_a_warning_and_the_first_column_wins(tmp_path: Path) -> None:
    headers = [*HEADERS, "Địa chỉ"]
    path = tmp_path / "so.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        writer.writerow([good()[h] for h in HEADERS] + ["Địa chỉ khác"])
    result = read_ledger(path)
    assert result.errors == []
    assert result.rows[0].address == "Thôn 1, xã Yên Sơn"
    assert result.warnings == [
        RowError(1, "Địa chỉ", "Cột «Địa chỉ» có hai lần; chỉ đọc cột đầu tiên")
    ]


# --- row validation ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "column", "fragment"),
    [
        ({"Mã_thủ_tục": ""}, "Mã thủ tục", "Thiếu Mã thủ tục"),
        ({"Họ_tên_chủ_hồ_sơ": " "}, "Họ tên chủ hồ sơ", "Thiếu Họ tên chủ hồ sơ"),
        ({"Họ_tên_chủ_hồ_sơ": "Nguyễn Văn 2"}, "Họ tên chủ hồ sơ", "chữ số"),
        ({"Số_điện_thoại": "0412 345 678"}, "Số điện thoại", "Đầu số 041"),
        ({"Số_định_danh": "099090012345"}, "Số định danh", "Mã tỉnh 099 không tồn tại"),
        ({"Số_định_danh": "00109001234"}, "Số định danh", "12 chữ số"),
        ({"Ngày_nhận": ""}, "Ngày nhận", "Thiếu Ngày nhận"),
        ({"Ngày_nhận": "31/02/2025"}, "Ngày nhận", "không đọc được"),
        ({"Ngày_nhận": "hôm qua"}, "Ngày nhận", "không đọc được"),
        ({"Ngày_hẹn_trả": "30/06/2025"}, "Ngày hẹn trả", "Ngày hẹn trả trước ngày nhận"),
        ({"Ngày_có_kết_quả": "01/07/2025 08:00"}, "Ngày có kết quả", "trước ngày nhận"),
        ({"Ngày_trả_kết_quả": "01/07/2025 14:00"}, "Ngày trả kết quả", "trước ngày có kết quả"),
        ({"Trạng_thái": "Đã duyệt"}, "Trạng thái", "Trạng thái không hợp lệ"),
        ({"Trạng_thái": "11"}, "Trạng thái", "Trạng thái không hợp lệ"),
        ({"Trạng_thái": ""}, "Trạng thái", "Thiếu Trạng thái"),
        ({"Ngày_trả_kết_quả": ""}, "Ngày trả kết quả", "cần có Ngày trả kết quả"),
        ({"Số_lượng_(bộ)": "0"}, "Số lượng (bộ)", "số nguyên dương"),
        ({"Số_lượng_(bộ)": "hai"}, "Số lượng (bộ)", "số nguyên dương"),
    ],
)
def test_row_errors_name_line_and_column(
    tmp_path: Path, changes: dict[str, object], column: str, fragment: str
) -> None:
    rows = [good(Mã_hồ_sơ="000.00.12.H29-250701-1000"), good(**changes)]
    result = read_ledger(write_csv(tmp_path / "so.csv", rows))
    assert [r.line for r in result.rows] == [2]  # the bad row is left out, the good one kept
    assert [(e.line, e.column) for e in result.errors] == [(3, column)]
    assert fragment in result.errors[0].reason_vi


def test_same_day_appointment_before_receipt_time_is_an_error_only_with_both_times(
    tmp_path: Path,
) -> None:
    rows = [
        good(Ngày_hẹn_trả="01/07/2025"),  # date only, same day: fine
        good(Mã_hồ_sơ="000.00.12.H29-250701-1002", Ngày_hẹn_trả="01/07/2025 08:00"),
    ]
    result = read_ledger(write_csv(tmp_path / "so.csv", rows))
    assert [r.line for r in result.rows] == [2]
    assert reasons(result) == [(3, "Ngày hẹn trả", "Ngày hẹn trả trước ngày nhận")]


def test_several_errors_on_one_row_are_all_reported(tmp_path: Path) -> None:
    row = good(Số_điện_thoại="12", Ngày_nhận="x", Trạng_thái="?")
    result = read_ledger(write_csv(tmp_path / "so.csv", [row]))
    assert {e.column for e in result.errors} == {"Số điện thoại", "Ngày nhận", "Trạng thái"}
    assert result.rows == []


def test_legacy_cmnd_is_a_warning_not_an_error(tmp_path: Path) -> None:
    result = read_ledger(write_csv(tmp_path / "so.csv", [good(Số_định_danh="171 234 567")]))
    assert result.errors == []
    row = result.rows[0]
    assert (row.id_number, row.id_kind) == ("171234567", "cmnd")
    assert row.warnings == (CMND_WARNING,)
    assert result.warnings == [RowError(2, "Số định danh", CMND_WARNING)]


def test_duplicate_dossier_code_and_code_warnings(tmp_path: Path) -> None:
    rows = [
        good(),
        good(),  # same code again
        good(Mã_hồ_sơ="000.00.12.H29-250702-1003"),  # date part differs from the receipt date
        # Not a dossier code: refused since #7 (it was a warning); an empty cell gets a code.
        good(Mã_hồ_sơ="HS/2025/17"),
    ]
    result = read_ledger(write_csv(tmp_path / "so.csv", rows))
    assert reasons(result)[0] == (
        3,
        "Mã hồ sơ",
        "Mã hồ sơ 000.00.12.H29-250701-1001 trùng với dòng 2",
    )
    assert [(line, column) for line, column, _ in reasons(result)] == [
        (3, "Mã hồ sơ"),
        (5, "Mã hồ sơ"),
    ]
    assert "«/» không được phép" in result.errors[1].reason_vi
    assert [(w.line, w.column) for w in result.warnings] == [(4, "Mã hồ sơ")]
    assert "không khớp ngày nhận 01/07/2025" in result.warnings[0].reason_vi
    assert [r.line for r in result.rows] == [2, 4]


def test_status_warnings(tmp_path: Path) -> None:
    rows = [
        good(Trạng_thái="Đang xử lý"),  # has a return date but is not returned
        good(
            Mã_hồ_sơ="000.00.12.H29-250701-1002",
            Trạng_thái="9",
            Ngày_có_kết_quả="",
            Ngày_trả_kết_quả="",
        ),
    ]
    result = read_ledger(write_csv(tmp_path / "so.csv", rows))
    assert result.errors == []
    assert [(w.line, w.column) for w in result.warnings] == [
        (2, "Ngày trả kết quả"),
        (3, "Ngày có kết quả"),
    ]


def test_numbers_that_excel_mangled(tmp_path: Path) -> None:
    rows = [
        good(
            Số_điện_thoại=912345678,  # leading 0 lost
            Số_định_danh=1090012345,  # "001090012345" as a number: two zeros lost
            Mã_thủ_tục=2.00072,  # "2.000720" typed into a number cell
            Trạng_thái=10.0,
        ),
    ]
    result = read_ledger(write_xlsx(tmp_path / "so.xlsx", rows))
    assert result.errors == []
    row = result.rows[0]
    assert row.phone == "0912345678"
    assert row.id_number == "001090012345"
    assert row.procedure_code == "2.000720"
    assert row.status == Status.RETURNED
    assert {w.column for w in result.warnings} == {"Số điện thoại", "Số định danh"}


def test_excel_serial_number_in_a_date_column(tmp_path: Path) -> None:
    # 45839 is 2025-07-01 in Excel's 1900 date system.
    rows = [
        good(
            Ngày_nhận=45839,
            Ngày_hẹn_trả=45841.5,
            Ngày_có_kết_quả=None,
            Trạng_thái=2,
            Ngày_trả_kết_quả=None,
        )
    ]
    result = read_ledger(write_xlsx(tmp_path / "so.xlsx", rows))
    assert result.errors == []
    assert result.rows[0].received_at == datetime(2025, 7, 1, 7, 0, tzinfo=VN_TZ)
    assert result.rows[0].due_at == datetime(2025, 7, 3, 12, 0, tzinfo=VN_TZ)


# --- files that cannot be read ------------------------------------------------------------------


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        read_ledger(tmp_path / "khong-co.xlsx")
    other = tmp_path / "so.xls"
    other.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ValidationError, match=r"\.xlsx hoặc \.csv"):
        read_ledger(other)
    broken = tmp_path / "hong.xlsx"
    broken.write_bytes(b"not a zip file")
    with pytest.raises(ValidationError, match="Không đọc được tệp Excel"):
        read_ledger(broken)
    legacy = tmp_path / "cu.csv"
    # Windows-1258 (Vietnamese ANSI) bytes, as an old Excel "CSV" writes them.
    legacy.write_bytes(b"T\xean;Ng\xe0y nh\xe2n\n")  # "Tên;Ngày nhân"
    with pytest.raises(ValidationError, match="UTF-8"):
        read_ledger(legacy)


# --- into the statistics ------------------------------------------------------------------------


def test_rows_feed_the_statistics(tmp_path: Path) -> None:
    rows = [
        good(),  # returned on its appointment day
        good(
            Mã_hồ_sơ="000.00.12.H29-250701-1002",
            Ngày_hẹn_trả="02/07/2025",
            Ngày_có_kết_quả="03/07/2025",
            Ngày_trả_kết_quả="03/07/2025",
        ),  # late
        good(
            Mã_hồ_sơ="000.00.12.H29-250701-1003",
            Trạng_thái="4",
            Ngày_hẹn_trả="10/07/2025",
            Ngày_có_kết_quả="",
            Ngày_trả_kết_quả="",
        ),
    ]
    result = read_ledger(write_csv(tmp_path / "so.csv", rows))
    assert result.errors == []
    facts = [r.to_facts("Hộ tịch") for r in result.rows]
    total = report(facts, date(2025, 7, 1), date(2025, 7, 5)).total
    assert (total.received_total, total.resolved_on_time, total.resolved_late) == (3, 1, 1)
    assert (total.in_progress_total, total.in_progress_in_time) == (1, 1)
