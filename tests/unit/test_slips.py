"""Printed slips (#10): every PDF is read back.

Text is read with pypdfium2 (what a PDF viewer sees), fonts with pypdf (every font embedded,
none of the base-14 set), the QR code decoded with zxing-cpp from a 200 dpi rendering, and
wrapping checked on each character's box: nothing may lie outside the page.
"""

from __future__ import annotations

import io
import re
from datetime import date, datetime

import pypdf
import pypdfium2
import pytest
import zxingcpp

from onestop_desktop.domain import clock
from onestop_desktop.errors import Conflict, PermissionDenied, ValidationError
from onestop_desktop.services import dossiers, settings, slips, users
from onestop_desktop.services.context import Session
from onestop_desktop.services.dossiers import Applicant, HandedIn, Intake
from onestop_desktop.slips import forms, registers
from onestop_desktop.slips.base import place_date
from onestop_desktop.slips.model import (
    Applicant as SlipApplicant,
)
from onestop_desktop.slips.model import (
    DocumentLine,
    Layout,
    Ledger,
    LedgerLine,
    Letterhead,
    Receipt,
    Refusal,
    Signer,
)

from .conftest import FakeClock

LAN = Applicant(
    name="Nguyễn Thị Lan",
    id_number="001190012345",
    birth_date=date(1990, 5, 17),
    phone="0912 345 678",
    address="Thôn Đông, xã Hòa Bình",
    email="lan.nguyen@example.vn",
)


def pdf_text(data: bytes) -> list[str]:
    """The text of each page, as a viewer extracts it."""
    doc = pypdfium2.PdfDocument(data)
    try:
        return [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    finally:
        doc.close()


def flat(data: bytes) -> str:
    """All pages' text with whitespace and line breaks collapsed (wrapped text rejoins)."""
    return re.sub(r"\s+", " ", " ".join(pdf_text(data)))


def fonts(data: bytes) -> list[tuple[str, bool]]:
    """(base font name, embedded) of every font the pages use."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    out = []
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            name = str(font["/BaseFont"])
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            desc = target.get("/FontDescriptor")
            embedded = bool(
                desc
                and any(k in desc.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            )
            out.append((name, embedded))
    return out


def assert_fonts_ok(data: bytes) -> None:
    used = fonts(data)
    assert used
    for name, embedded in used:
        assert embedded, name
        assert "DejaVu" in name, name  # subset prefix + DejaVuSans; no Helvetica
    assert b"Helvetica" not in data


def page_sizes(data: bytes) -> list[tuple[float, float]]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]


def chars_inside(data: bytes) -> None:
    """Every character box lies inside its page (a line that overflows would not)."""
    doc = pypdfium2.PdfDocument(data)
    try:
        for i in range(len(doc)):
            page = doc[i]
            w, h = page.get_size()
            tp = page.get_textpage()
            for c in range(tp.count_chars()):
                left, bottom, right, top = tp.get_charbox(c)
                if right - left <= 0:  # generated spaces and line breaks have no box
                    continue
                assert left >= -0.5 and right <= w + 0.5, (i, c, left, right, w)
                assert bottom >= -0.5 and top <= h + 0.5, (i, c, bottom, top, h)
    finally:
        doc.close()


def qr_values(data: bytes, page: int = 0) -> list[str]:
    doc = pypdfium2.PdfDocument(data)
    try:
        image = doc[page].render(scale=200 / 72).to_pil()
    finally:
        doc.close()
    return [
        r.text for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.BarcodeFormat.QRCode
    ]


# ------------------------------------------------------------------------------ fixtures


@pytest.fixture
def staff(ctx: Session) -> dict[str, Session]:
    for name, role, full in (
        ("tiepnhan", "clerk", "Lê Thị Thu"),
        ("chuyenvien", "officer", "Phạm Minh Đức"),
        ("lanhdao", "leader", "Đặng Quang Vinh"),
    ):
        users.add_user(ctx, name, role, full, "password-123")
    return {
        n: users.sign_in(ctx.store, n, "password-123")
        for n in ("tiepnhan", "chuyenvien", "lanhdao")
    }


@pytest.fixture
def code(staff: dict[str, Session], fake_clock: FakeClock) -> str:
    fake_clock.set("2026-03-02T09:15:00")
    d = dossiers.receive(
        staff["tiepnhan"],
        Intake("1.004873", LAN, sets_count=1, documents=[HandedIn(1), HandedIn(2, "copy", 2)]),
    )
    return d.code


# ------------------------------------------------------------------------------ Mẫu 01


def test_place_date_line_pads_the_day_and_only_january_february() -> None:
    assert place_date("Tân Thành", date(2025, 7, 6)) == "Tân Thành, ngày 06 tháng 7 năm 2025"
    assert place_date("Tân Thành", date(2025, 2, 16)) == "Tân Thành, ngày 16 tháng 02 năm 2025"
    assert place_date("Tân Thành", date(2025, 12, 1)) == "Tân Thành, ngày 01 tháng 12 năm 2025"


def test_receipt_carries_every_field_exactly(staff: dict[str, Session], code: str) -> None:
    pdf = slips.render(staff["tiepnhan"], code, "receipt")
    text = flat(pdf)
    d = dossiers.detail(staff["tiepnhan"], code)
    for expected in (
        "UBND XÃ HÒA BÌNH",
        "BỘ PHẬN MỘT CỬA",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Hòa Bình, ngày 02 tháng 3 năm 2026",
        "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        f"Mã hồ sơ: {code}",
        "Liên 1: Lưu tại Bộ phận Một cửa",
        "Liên 2: Giao người nộp hồ sơ",
        "Tiếp nhận hồ sơ của: Nguyễn Thị Lan",
        "Số định danh cá nhân: 001190012345",
        "Địa chỉ: Thôn Đông, xã Hòa Bình",
        "Số điện thoại: 0912345678",
        "Thư điện tử: lan.nguyen@example.vn",
        f"Nội dung yêu cầu giải quyết: {d.procedure.name}",
        d.documents[0].name,
        d.documents[1].name,
        "Bản sao",
        "2. Số lượng hồ sơ: 1 (bộ)",
        "3. Thời gian giải quyết hồ sơ theo quy định: 3 ngày làm việc",
        "4. Thời gian nhận hồ sơ: 09 giờ 15 phút, ngày 02/03/2026",
        "5. Thời gian trả kết quả giải quyết hồ sơ: 09 giờ 15 phút, ngày 05/03/2026",
        "6. Đăng ký nhận kết quả tại: Bộ phận Một cửa (nhận trực tiếp)",
        "Vào Sổ theo dõi hồ sơ, Quyển số: 2026, Số thứ tự: 1",
        "NGƯỜI NỘP HỒ SƠ",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
        "Lê Thị Thu",
    ):
        assert text.count(expected) == 2 or expected.startswith("Liên"), expected
    assert "BẢN IN LẠI" not in text
    assert_fonts_ok(pdf)
    assert page_sizes(pdf) == [pytest.approx((595.27, 841.89), abs=0.1)]  # both copies, one A4


def test_receipt_qr_decodes_to_the_dossier_code(staff: dict[str, Session], code: str) -> None:
    pdf = slips.render(staff["tiepnhan"], code, "receipt")
    assert qr_values(pdf) == [code, code]  # one per copy


def test_receipt_entry_number_counts_the_year_in_receipt_order(
    staff: dict[str, Session], code: str, fake_clock: FakeClock
) -> None:
    fake_clock.set("2026-03-02T10:00:00")
    second = dossiers.receive(
        staff["tiepnhan"], Intake("1.004873", LAN.__class__(name="Trần Văn Bình"))
    )
    assert "Quyển số: 2026, Số thứ tự: 2" in flat(
        slips.render(staff["tiepnhan"], second.code, "receipt")
    )


def test_receipt_layouts_a5_each_and_thermal(
    ctx: Session, staff: dict[str, Session], code: str
) -> None:
    settings.set_setting(ctx, "slip_receipt_layout", "a5_each")
    pdf = slips.render(staff["tiepnhan"], code, "receipt")
    assert page_sizes(pdf) == [pytest.approx((419.53, 595.27), abs=0.1)] * 2
    pages = pdf_text(pdf)
    assert "Liên 1" in pages[0] and "Liên 2" in pages[1]
    settings.set_setting(ctx, "slip_paper", "80mm")
    thermal = slips.render(staff["tiepnhan"], code, "receipt")
    sizes = page_sizes(thermal)
    assert all(w == pytest.approx(226.77, abs=0.1) for w, _ in sizes)
    assert sizes[0][1] < 841  # cut to its content
    assert f"Mã hồ sơ: {code}" in flat(thermal)
    assert qr_values(thermal, 0) == [code]
    chars_inside(thermal)
    assert_fonts_ok(thermal)


def test_a_reprint_is_marked_as_a_copy(staff: dict[str, Session], code: str) -> None:
    assert (
        flat(slips.render(staff["tiepnhan"], code, "receipt", copy=True)).count("BẢN IN LẠI") == 2
    )


def test_settings_change_the_header_place_and_result_place(
    ctx: Session, staff: dict[str, Session], code: str
) -> None:
    settings.set_setting(
        ctx, "slip_unit_header", "UBND XÃ TÂN THÀNH|TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG"
    )
    settings.set_setting(ctx, "slip_place", "Tân Thành")
    settings.set_setting(ctx, "slip_result_place", "Quầy số 2, Trung tâm phục vụ hành chính công")
    text = flat(slips.render(staff["tiepnhan"], code, "receipt"))
    assert "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG" in text
    assert "Tân Thành, ngày 02 tháng 3 năm 2026" in text
    assert "6. Đăng ký nhận kết quả tại: Quầy số 2, Trung tâm phục vụ hành chính công" in text
    with pytest.raises(ValidationError):
        settings.set_setting(ctx, "slip_paper", "letter")
    with pytest.raises(ValidationError):
        settings.set_setting(ctx, "slip_place", "x" * 301)


def _letterhead() -> Letterhead:
    return Letterhead(("UBND XÃ TÂN THÀNH", "BỘ PHẬN MỘT CỬA"), "Tân Thành", date(2025, 7, 6))


LONG_NAME = "Tôn Nữ Thị " + "Hoàng Phương Khánh Linh " * 4 + "Nguyễn Phước Bửu Chánh"
REASON = ("Hồ sơ không thuộc thẩm quyền giải quyết của Ủy ban nhân dân xã; " * 6)[:300]


@pytest.mark.parametrize(
    "layout", [Layout("a4", "a4_two"), Layout("a4", "a5_each"), Layout("80mm")]
)
def test_long_name_and_twenty_documents_wrap_inside_the_page(layout: Layout) -> None:
    docs = tuple(
        DocumentLine(
            f"Giấy tờ số {i}: bản sao giấy chứng nhận quyền sử dụng đất có chứng thực", "Bản sao", 1
        )
        for i in range(1, 21)
    )
    slip = Receipt(
        head=_letterhead(),
        office="Bộ phận Một cửa UBND xã Tân Thành",
        code="000.00.12.H29-250706-1001",
        applicant=SlipApplicant(LONG_NAME, "001190012345", "Thôn Đông " * 20, "0912345678", None),
        procedure="Đăng ký đất đai " * 12,
        documents=docs,
        sets_count=1,
        time_limit="15 ngày làm việc",
        received_at=datetime(2025, 7, 6, 9, 15, tzinfo=clock.VN_TZ),
        due_at=datetime(2025, 7, 28, 9, 15, tzinfo=clock.VN_TZ),
        result_place="Bộ phận Một cửa",
        ledger_book="2025",
        ledger_entry=12,
        receiver=Signer("NGƯỜI TIẾP NHẬN HỒ SƠ", "Lê Thị Thu"),
        submitter=Signer("NGƯỜI NỘP HỒ SƠ", LONG_NAME),
    )
    pdf = forms.render_receipt(slip, layout)
    chars_inside(pdf)
    text = flat(pdf)
    assert "Giấy tờ số 20" in text
    assert re.sub(r"\s+", "", LONG_NAME) in re.sub(r"\s+", "", text)


def test_three_hundred_character_reason_wraps() -> None:
    assert len(REASON) == 300
    slip = Refusal(
        head=_letterhead(),
        office="Bộ phận Một cửa UBND xã Tân Thành",
        code="000.00.12.H29-250706-1001",
        applicant=SlipApplicant(LONG_NAME),
        procedure="Cấp giấy phép xây dựng",
        received_at=datetime(2025, 7, 6, 9, 15, tzinfo=clock.VN_TZ),
        reason=REASON,
        contact="Bộ phận Một cửa",
        submitter=Signer("NGƯỜI NỘP HỒ SƠ", LONG_NAME),
        refuser=Signer("NGƯỜI TỪ CHỐI", "Lê Thị Thu"),
    )
    for layout in (Layout("a4"), Layout("a5")):
        pdf = forms.render_refusal(slip, layout)
        chars_inside(pdf)
        assert re.sub(r"\s+", "", REASON) in re.sub(r"\s+", "", flat(pdf))


def test_decomposed_input_prints_as_nfc() -> None:
    import unicodedata

    name = unicodedata.normalize("NFD", "Nguyễn Thị Lan")
    slip = Refusal(
        head=_letterhead(),
        office="Bộ phận Một cửa",
        code="C-1",
        applicant=SlipApplicant(name),
        procedure="Thủ tục",
        received_at=datetime(2025, 7, 6, 9, 15, tzinfo=clock.VN_TZ),
        reason="Lý do <b>&",
        contact="Bộ phận Một cửa",
        submitter=Signer("NGƯỜI NỘP HỒ SƠ", name),
        refuser=Signer("NGƯỜI TỪ CHỐI"),
    )
    text = flat(forms.render_refusal(slip, Layout()))
    assert "Nguyễn Thị Lan" in text  # NFC: a decomposed name would not match
    assert "Lý do <b>&" in text


# ------------------------------------------------------------------------- Mẫu 02–05


def test_supplement_refusal_apology_and_control(
    staff: dict[str, Session], code: str, fake_clock: FakeClock
) -> None:
    clerk, officer = staff["tiepnhan"], staff["chuyenvien"]
    with pytest.raises(ValidationError):
        slips.render(clerk, code, "supplement")  # nothing requested yet
    dossiers.act(clerk, code, "handed_over", {"to": "chuyenvien", "note": "hồ sơ đủ"})
    fake_clock.set("2026-03-02T14:00:00")
    d = dossiers.detail(clerk, code)
    missing = d.documents[0].name
    dossiers.act(
        officer,
        code,
        "supplement_requested",
        {"documents": [missing], "reason": "Tờ khai thiếu chữ ký"},
    )
    sup = flat(slips.render(clerk, code, "supplement"))
    for expected in (
        "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
        f"Mã hồ sơ: {code}",
        missing,
        "Lý do: Tờ khai thiếu chữ ký",
        "NGƯỜI HƯỚNG DẪN",
        "Phạm Minh Đức",
        "Hòa Bình, ngày 02 tháng 3 năm 2026",
        "Mẫu số 02",
    ):
        assert expected in sup, expected
    fake_clock.set("2026-03-03T08:00:00")
    dossiers.act(officer, code, "supplement_received")
    fake_clock.set("2026-03-03T09:00:00")
    new_due = clock.parse_iso("2026-03-12T16:00:00+07:00")
    dossiers.act(
        officer, code, "rescheduled", {"new_due_at": new_due, "reason": "Cần xác minh thực địa"}
    )
    apo = flat(slips.render(clerk, code, "apology"))
    for expected in (
        "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
        f"Số: {code}-01/PXL",
        "Kính gửi: Nguyễn Thị Lan",
        "Lý do: Cần xác minh thực địa",
        "(hẹn lại lần thứ 1): 16 giờ 00 phút, ngày 12/03/2026",
        "CHỦ TỊCH",
    ):
        assert expected in apo, expected
    fake_clock.set("2026-03-04T10:00:00")
    dossiers.act(officer, code, "result_ready")
    fake_clock.set("2026-03-05T08:00:00")
    dossiers.act(clerk, code, "returned", {"collected_by": "Nguyễn Thị Lan"})
    pdf = slips.render(clerk, code, "control")
    ctl = flat(pdf)
    for expected in (
        "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
        "Kèm theo hồ sơ của: Nguyễn Thị Lan",
        "1. Giao: Bộ phận TN&TKQ (Lê Thị Thu) 2. Nhận: Phạm Minh Đức",
        "1. Giao: Phạm Minh Đức 2. Nhận: Bộ phận TN&TKQ",
        "Trước hạn",
        "1. Giao: Bộ phận TN&TKQ 2. Nhận: Nguyễn Thị Lan",
        "Đã trả kết quả",
        "hồ sơ đủ",
    ):
        assert expected in ctl, expected
    assert_fonts_ok(pdf)
    with pytest.raises(ValidationError):
        slips.render(clerk, code, "refusal")
    with pytest.raises(ValidationError):
        slips.render(clerk, code, "bogus")


def test_apology_for_a_dossier_never_rescheduled_says_to_reschedule_first(
    staff: dict[str, Session], code: str, fake_clock: FakeClock
) -> None:
    """Mẫu 04 carries the new appointment and the reason, which only the rescheduling action
    records: asked before it, the refusal says who takes that action and how (the GUI opens
    its form on this error, the CLI user reads the command)."""
    clerk, officer = staff["tiepnhan"], staff["chuyenvien"]
    fake_clock.set("2026-03-04T09:00:00")  # will be late: the appointment is tomorrow morning
    with pytest.raises(slips.RescheduleFirst) as caught:
        slips.render(clerk, code, "apology")
    message = caught.value.message
    assert f"Hồ sơ {code} chưa được hẹn lại ngày trả kết quả" in message
    assert "«Xin lỗi và hẹn lại ngày trả»" in message
    assert f"onestop dossier act {code} rescheduled --reason" in message
    assert '--new-due "YYYY-MM-DD HH:MM"' in message
    assert caught.value.field == "kind"
    # Once rescheduled, the same request prints the letter with the new appointment.
    dossiers.act(
        officer,
        code,
        "rescheduled",
        {"new_due_at": clock.parse_iso("2026-03-13T16:00:00+07:00"), "reason": "Chờ xác minh"},
    )
    assert "(hẹn lại lần thứ 1): 16 giờ 00 phút, ngày 13/03/2026" in flat(
        slips.render(clerk, code, "apology")
    )


def test_apology_for_a_dossier_already_late_and_never_rescheduled_says_why_not(
    staff: dict[str, Session], code: str, fake_clock: FakeClock
) -> None:
    """Past its appointment the dossier can no longer be rescheduled (issue #8: the new
    appointment is set before the old one passes), so the refusal does not send the clerk to
    that action: it says the dossier counts as late."""
    fake_clock.set("2026-03-10T09:00:00")  # the appointment was 05/03/2026 09:15
    with pytest.raises(ValidationError) as caught:
        slips.render(staff["tiepnhan"], code, "apology")
    assert not isinstance(caught.value, slips.RescheduleFirst)
    assert caught.value.message == (
        f"Hồ sơ {code} đã quá ngày hẹn trả 05/03/2026 09:15 mà chưa được hẹn lại: Phiếu xin lỗi "
        "và hẹn lại ngày trả kết quả (Mẫu 04) ghi ngày hẹn mới, và ngày hẹn mới chỉ đặt được "
        "trước khi ngày hẹn cũ qua đi. Hồ sơ được tính là quá hạn; kết quả được trả ngay khi có"
    )
    with pytest.raises(Conflict, match="không thể hẹn lại nữa"):  # as the message says
        dossiers.act(
            staff["chuyenvien"],
            code,
            "rescheduled",
            {"new_due_at": clock.parse_iso("2026-03-13T16:00:00+07:00"), "reason": "Chậm"},
        )


def test_apology_for_a_closed_dossier_never_rescheduled_cannot_exist(
    staff: dict[str, Session], code: str
) -> None:
    clerk = staff["tiepnhan"]
    dossiers.act(clerk, code, "withdrawn", {"reason": "Công dân xin rút"})
    with pytest.raises(ValidationError) as caught:
        slips.render(clerk, code, "apology")
    assert not isinstance(caught.value, slips.RescheduleFirst)  # nothing to open: no form
    assert caught.value.message == (
        f"Hồ sơ {code} chưa từng được hẹn lại ngày trả kết quả và ở trạng thái «Công dân yêu "
        "cầu rút hồ sơ» không còn hẹn lại được, nên không có Phiếu xin lỗi và hẹn lại ngày trả "
        "kết quả (Mẫu 04)"
    )


def test_refusal_slip_from_intake_refusal(staff: dict[str, Session], fake_clock: FakeClock) -> None:
    d = dossiers.receive(staff["tiepnhan"], Intake("1.004873", LAN))
    dossiers.act(staff["tiepnhan"], d.code, "refused", {"reason": REASON})
    pdf = slips.render(staff["tiepnhan"], d.code, "refusal")
    text = re.sub(r"\s+", "", flat(pdf))
    assert re.sub(r"\s+", "", REASON) in text
    assert "NGƯỜITỪCHỐI" in text
    chars_inside(pdf)


def test_slips_need_the_view_permission(ctx: Session, code: str) -> None:
    users.add_user(ctx, "quantri", "admin", "Trần Quốc Bảo", "password-123")
    admin = users.sign_in(ctx.store, "quantri", "password-123")
    users.deactivate(ctx, "quantri")
    with pytest.raises(Exception) as info:
        slips.render(admin, code, "receipt")
    assert isinstance(info.value, PermissionDenied) or "vô hiệu" in str(info.value)


# ---------------------------------------------------------------- period documents


def test_ledger_lists_the_period_in_order(
    staff: dict[str, Session], code: str, fake_clock: FakeClock
) -> None:
    fake_clock.set("2026-03-03T08:30:00")
    other = dossiers.receive(
        staff["tiepnhan"], Intake("1.004873", Applicant(name="Trần Văn Bình", address="Xóm Mới"))
    )
    pdf = slips.ledger(staff["tiepnhan"], date(2026, 3, 1), date(2026, 3, 31))
    text = flat(pdf)
    joined = re.sub(r"\s+", "", text)
    assert "SỔ THEO DÕI HỒ SƠ" in text
    assert "Từ ngày 01/03/2026 đến ngày 31/03/2026" in text
    assert joined.index(code) < joined.index(other.code)
    assert "Trần Văn Bình" in text and "Xóm Mới" in text and "02/03/2026" in text
    assert "Tổng số hồ sơ tiếp nhận trong kỳ: 2" in text
    only_3rd = re.sub(
        r"\s+", "", flat(slips.ledger(staff["tiepnhan"], date(2026, 3, 3), date(2026, 3, 3)))
    )
    assert other.code in only_3rd and code not in only_3rd
    assert_fonts_ok(pdf)
    with pytest.raises(ValidationError):
        slips.ledger(staff["tiepnhan"], date(2026, 3, 3), date(2026, 3, 1))


def test_ledger_of_many_rows_spans_pages_with_numbers() -> None:
    lines = tuple(
        LedgerLine(
            f"000.00.12.H29-250706-{i:04d}", "Chứng thực bản sao", 1, f"Người thứ {i}", "Thôn Đông",
            "0912345678", datetime(2025, 7, 6, 8, tzinfo=clock.VN_TZ), None, None, "Đang xử lý",
        )
        for i in range(1, 301)
    )  # fmt: skip
    pdf = registers.render_ledger(Ledger(_letterhead(), date(2025, 7, 1), date(2025, 7, 31), lines))
    pages = pdf_text(pdf)
    assert len(pages) > 5
    assert "Trang 2" in pages[1]
    assert "Người thứ 300" in flat(pdf)
    chars_inside(pdf)


def test_report06_pdf_and_daily_summary(staff: dict[str, Session], code: str) -> None:
    from onestop_desktop.services import reports

    data = reports.report06(staff["tiepnhan"], date(2026, 3, 1), date(2026, 3, 31))
    pdf = slips.report06_pdf(staff["tiepnhan"], date(2026, 3, 1), date(2026, 3, 31))
    text = flat(pdf)
    assert "Biểu số 06/VPCP/KSTT" in text
    assert "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ" in text
    assert "Kỳ báo cáo: từ ngày 01/03/2026 đến ngày 31/03/2026" in text
    assert "Đơn vị: UBND xã Hòa Bình (000.00.12.H29)" in text
    assert data.report.rows[0].field in text
    assert "Tổng cộng" in text and "(13)" in text
    assert_fonts_ok(pdf)
    day = flat(slips.daily_summary(staff["tiepnhan"], date(2026, 3, 2)))
    assert "BẢN TỔNG HỢP TÌNH HÌNH TIẾP NHẬN VÀ TRẢ KẾT QUẢ" in day
    assert "Ngày 02/03/2026" in day
    assert "1 Hồ sơ tiếp nhận mới" in day
    heads = slips.anchor_lines(staff["tiepnhan"])
    if heads:  # services/anchors (#7) present: the chain head is printed on both
        assert heads[0] in day and heads[0] in text
        assert re.fullmatch(r"Máy trạm 1: sự kiện số [0-9.]+, mã băm [0-9a-f]{16}", heads[0])


def test_write_and_keep_are_atomic_files(
    ctx: Session, staff: dict[str, Session], code: str
) -> None:
    pdf = slips.render(staff["tiepnhan"], code, "receipt")
    kept = slips.keep(staff["tiepnhan"], code, "receipt", pdf)
    assert kept.parent == ctx.store.path.parent / "slips"  # type: ignore[union-attr]
    assert kept.read_bytes() == pdf
    assert kept.name.startswith(code + "-receipt-")


def test_wrap_text_fits_every_line_and_breaks_codes_at_hyphens() -> None:
    from reportlab.pdfbase import pdfmetrics

    from onestop_desktop.slips.base import FONT, wrap_text

    wrapped = wrap_text("000.00.12.H29-250706-1001", 60, 7.5)
    assert wrapped.split("\n")[0].endswith(("-", "."))
    assert wrapped.replace("\n", "") == "000.00.12.H29-250706-1001"
    text = "Thôn Đông " * 30 + "Nguyễn" * 12
    lines = wrap_text(text, 80, 7.5).split("\n")
    assert all(pdfmetrics.stringWidth(line, FONT, 7.5) <= 80 for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
