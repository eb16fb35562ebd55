"""The slips' fast text lines (#10 receipt speed): ``base.Line`` draws a short text without the
paragraph engine and ``base.Para`` breaks a paragraph once per width. Neither may change what
is printed: each form is rendered both ways and the pages compared pixel for pixel.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime

import pypdfium2
import pytest
from PIL import Image, ImageChops
from reportlab.platypus import Paragraph

from onestop_desktop.domain import clock
from onestop_desktop.services.board import PublicProcedure
from onestop_desktop.slips import base, forms, poster, registers
from onestop_desktop.slips.base import text
from onestop_desktop.slips.model import (
    Apology,
    Applicant,
    Control,
    DailySummary,
    DocumentLine,
    HandOver,
    Layout,
    Ledger,
    LedgerLine,
    Letterhead,
    Receipt,
    Refusal,
    Signer,
    SummaryFigure,
    Supplement,
)

HEAD = Letterhead(("UBND XÃ TÂN THÀNH", "BỘ PHẬN MỘT CỬA"), "Tân Thành", date(2025, 7, 6))
AT = datetime(2025, 7, 6, 9, 15, tzinfo=clock.VN_TZ)
DUE = datetime(2025, 7, 9, 9, 15, tzinfo=clock.VN_TZ)
LAN = Applicant("Nguyễn Thị Lan", "001190012345", "Thôn Đông, xã Tân Thành", "0912345678")
LONG = Applicant(
    "Nguyễn " * 20 + "Lan",  # ~140 characters: wraps on every paper
    "001190012345",
    "Thôn Đông, " * 12 + "xã Tân Thành",
    None,
    "lan.nguyen@example.vn",
)
DOCS = (
    DocumentLine("Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", "Bản chính", 1),
    DocumentLine("Giấy tờ tùy thân của người yêu cầu", "Bản sao", 1),
)
MANY = tuple(DocumentLine(f"Giấy tờ số {i} kèm theo " * 3, "Bản sao", i) for i in range(1, 21))
REASON = "Hồ sơ thiếu giấy tờ chứng minh nơi cư trú hợp pháp " * 6  # ~300 characters


def receipt(applicant: Applicant = LAN, docs: tuple[DocumentLine, ...] = DOCS) -> Receipt:
    return Receipt(
        head=HEAD,
        office="Bộ phận Một cửa UBND xã Tân Thành",
        code="000.00.12.H29-250706-1001",
        applicant=applicant,
        procedure="Cấp Giấy xác nhận tình trạng hôn nhân",
        documents=docs,
        sets_count=1,
        time_limit="3 ngày làm việc",
        received_at=AT,
        due_at=DUE,
        result_place="Bộ phận Một cửa (nhận trực tiếp)",
        ledger_book="2025",
        ledger_entry=1,
        receiver=Signer("NGƯỜI TIẾP NHẬN HỒ SƠ", "Lê Thị Thu"),
        submitter=Signer("NGƯỜI NỘP HỒ SƠ", ""),
    )


def paragraph_para(value: object, style: base.ParagraphStyle) -> Paragraph:
    """What ``base.para`` was before ``Line``: always the paragraph engine."""
    return Paragraph(text(value), style)


def paragraph_labelled(label: str, value: object, style: base.ParagraphStyle) -> Paragraph:
    shown = text(value) if value not in (None, "") else "…………………………"
    return Paragraph(f"{text(label)}: <b>{shown}</b>", style)


@pytest.fixture
def engine_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[bool], None]]:
    """A switch between the fast lines (False) and the paragraph engine for all text (True)."""
    fast = (base.para, base.labelled)

    def use(engine: bool) -> None:
        para, labelled = (paragraph_para, paragraph_labelled) if engine else fast
        for module in (base, forms, registers, poster):
            if hasattr(module, "para"):
                monkeypatch.setattr(module, "para", para)
            if hasattr(module, "labelled"):
                monkeypatch.setattr(module, "labelled", labelled)

    yield use


def pages(pdf: bytes) -> list[Image.Image]:
    doc = pypdfium2.PdfDocument(pdf)
    try:
        return [doc[i].render(scale=2).to_pil().convert("L") for i in range(len(doc))]
    finally:
        doc.close()


def ledger() -> Ledger:
    line = LedgerLine(
        "000.00.12.H29-250706-1001",
        "Chứng thực bản sao từ bản chính giấy tờ, văn bản",
        1,
        "Nguyễn Thị Lan",
        "Thôn Đông, xã Tân Thành",
        "0912345678",
        AT,
        DUE,
        None,
        "Đang xử lý",
    )
    return Ledger(HEAD, date(2025, 7, 1), date(2025, 7, 31), (line,) * 60)


FORMS: dict[str, Callable[[], bytes]] = {
    "receipt-a4": lambda: forms.render_receipt(receipt(), Layout()),
    "receipt-a5": lambda: forms.render_receipt(receipt(), Layout(paper="a5")),
    "receipt-80mm": lambda: forms.render_receipt(receipt(), Layout(paper="80mm")),
    "receipt-long-a4": lambda: forms.render_receipt(receipt(LONG, MANY), Layout()),
    "receipt-long-80mm": lambda: forms.render_receipt(receipt(LONG, MANY), Layout(paper="80mm")),
    "supplement": lambda: forms.render_supplement(
        Supplement(
            HEAD,
            "Bộ phận Một cửa UBND xã Tân Thành",
            "000.00.12.H29-250706-1001",
            LONG,
            "Cấp Giấy xác nhận tình trạng hôn nhân",
            AT,
            MANY,
            REASON,
            "bà Lê Thị Thu, số điện thoại 0912 345 678",
            Signer("NGƯỜI HƯỚNG DẪN", "Lê Thị Thu"),
        ),
        Layout(),
    ),
    "refusal-a5": lambda: forms.render_refusal(
        Refusal(
            HEAD,
            "Bộ phận Một cửa UBND xã Tân Thành",
            "000.00.12.H29-250706-1001",
            LAN,
            "Cấp Giấy xác nhận tình trạng hôn nhân",
            AT,
            REASON,
            "Bộ phận Một cửa",
            Signer("NGƯỜI NỘP HỒ SƠ"),
            Signer("NGƯỜI TIẾP NHẬN HỒ SƠ", "Lê Thị Thu"),
            copy=True,
            printed_at=DUE,
        ),
        Layout(paper="a5"),
    ),
    "apology": lambda: forms.render_apology(
        Apology(
            HEAD,
            "01/PXL",
            "UBND xã Tân Thành",
            "000.00.12.H29-250706-1001",
            LAN,
            "Cấp Giấy xác nhận tình trạng hôn nhân",
            AT,
            DUE,
            replace_day(DUE, 12),
            REASON,
            1,
            Signer("CHỦ TỊCH", "Trần Văn Bình"),
            "CHỦ TỊCH",
            ("Như trên", "Lưu: VT"),
        ),
        Layout(),
    ),
    "control": lambda: forms.render_control(
        Control(
            HEAD,
            "000.00.12.H29-250706-1001",
            "Nguyễn Thị Lan",
            AT,
            DUE,
            "Công chức Tư pháp - Hộ tịch",
            "Không",
            tuple(
                HandOver("Bộ phận Một cửa", "Công chức Tư pháp", AT, "Đúng hạn") for _ in range(30)
            ),
        ),
        Layout(),
    ),
    "ledger": lambda: registers.render_ledger(ledger()),
    "poster": lambda: poster.render_poster(procedures(), "UBND xã Tân Thành", "A4"),
    "booklet": lambda: poster.render_booklet(procedures(), "UBND xã Tân Thành"),
    "daily": lambda: registers.render_daily(
        DailySummary(
            HEAD,
            date(2025, 7, 6),
            (SummaryFigure("Hồ sơ tiếp nhận mới", "1.204"), SummaryFigure("Đúng hạn", "96,2%")),
            (("Hộ tịch", "812", "790"), ("Chứng thực, " * 8 + "bản sao", "392", "388")),
            ("Máy trạm 1: sự kiện số 8.232, mã băm 3f9a1c2b",),
            printed_at=DUE,
        )
    ),
}


def procedures() -> list[PublicProcedure]:
    return [
        PublicProcedure(
            f"1.00487{i}",
            "Cấp Giấy xác nhận tình trạng hôn nhân " * (1 + i % 3),
            "Hộ tịch",
            "3 ngày làm việc",
            "Miễn phí" if i % 2 else "15.000 đồng/bản",
            tuple(f"Giấy tờ số {j}" for j in range(i % 5)),
            "Bộ phận Một cửa UBND xã",
            "Giấy xác nhận",
        )
        for i in range(40)
    ]


def replace_day(moment: datetime, day: int) -> datetime:
    return moment.replace(day=day)


@pytest.mark.parametrize("name", sorted(FORMS))
def test_fast_lines_print_exactly_what_the_paragraph_engine_prints(
    name: str, engine_only: Callable[[bool], None]
) -> None:
    engine_only(True)
    reference = pages(FORMS[name]())
    engine_only(False)
    fast = pages(FORMS[name]())
    assert len(fast) == len(reference)
    for i, (a, b) in enumerate(zip(reference, fast, strict=True)):
        assert a.size == b.size
        assert ImageChops.difference(a, b).getbbox() is None, f"{name}: page {i + 1} differs"


def test_a_line_too_long_for_its_width_wraps_like_a_paragraph() -> None:
    st = base.styles(11.0)
    line = base.labelled("Họ và tên", "Nguyễn " * 30 + "Lan", st.body)
    assert isinstance(line, base.Line)
    _, narrow = line.wrap(80 * base.mm, 1000)
    assert narrow > 3 * st.body.leading  # wrapped onto several lines, not run off the edge
    _, wide = line.wrap(2000, 1000)
    assert wide == st.body.leading  # and on one line again where it fits
    short = base.para("Tân Thành", st.center)
    assert short.wrap(80 * base.mm, 1000) == (80 * base.mm, st.center.leading)


def test_texts_a_line_cannot_draw_go_to_the_paragraph_engine() -> None:
    st = base.styles(11.0)
    assert isinstance(base.para("dòng một\ndòng hai", st.body), base.Para)  # a line break
    assert isinstance(base.para(" ", st.center), base.Para)  # nothing to draw
    assert isinstance(base.labelled("Lý do", "một\nhai", st.body), base.Para)


def test_a_paragraph_is_broken_into_lines_once_per_width(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[float] = []
    original = Paragraph.breakLines

    def counting(self: Paragraph, widths: list[float]) -> object:
        calls.append(widths[0])
        return original(self, widths)

    monkeypatch.setattr(Paragraph, "breakLines", counting)
    st = base.styles(11.0)
    p = base.Para(text(REASON), st.body)
    first = p.wrap(300, 1000)
    assert p.wrap(300, 1000) == first
    assert len(calls) == 1
    wider = p.wrap(500, 1000)
    assert wider[1] < first[1] and len(calls) == 2
    assert p.wrap(300, 1000) == first and len(calls) == 2  # back to the first width: kept
    assert len(p.blPara.lines) * st.body.leading == first[1]  # the drawing state follows
