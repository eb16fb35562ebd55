"""The dossier slips, Mẫu 01–05 of Circular 01/2018/TT-VPCP, as PDF bytes (see docs/slips.md).

Each ``render_*`` takes the plain data of ``slips/model.py`` and a :class:`Layout` and returns a
PDF. Layout by paper:

* **Mẫu 01** on A4 with ``a4_two``: both copies (Liên 1: lưu; Liên 2: giao người nộp) on one
  A4 sheet, one per half, each shrunk to fit its half if the checklist is long; with
  ``a5_each`` (or paper A5): one A5 page per copy. On **80 mm** thermal paper: both copies one
  after the other on the roll, the page cut to the content's height.
* Mẫu 02–05 on A4 or A5 as set; on an 80 mm printer they print on A4 (a thermal roll is for
  the receipt only: these forms carry tables and seals).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepInFrame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

from onestop_desktop.domain import clock
from onestop_desktop.slips import base
from onestop_desktop.slips.base import Styles, labelled, para, text
from onestop_desktop.slips.model import (
    Apology,
    Applicant,
    Control,
    DocumentLine,
    DossierSlip,
    Layout,
    Receipt,
    Refusal,
    Supplement,
)

FORM_NAMES = {
    "receipt": "Mẫu số 01",
    "supplement": "Mẫu số 02",
    "refusal": "Mẫu số 03",
    "apology": "Mẫu số 04",
    "control": "Mẫu số 05",
    "ledger": "Mẫu số 06",
}
SOURCE = "ban hành kèm theo Thông tư số 01/2018/TT-VPCP ngày 23/11/2018"


def _doc(
    buffer: io.BytesIO, size: tuple[float, float], title: str, margin: float
) -> BaseDocTemplate:
    doc = BaseDocTemplate(
        buffer,
        pagesize=size,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=title,
        author="OneStop Desktop",
        subject=title,
        creator="OneStop Desktop",
        lang="vi",
    )
    return doc


def _single(
    story: list[Flowable], size: tuple[float, float], title: str, margin: float = 15 * mm
) -> bytes:
    """One frame per page, pages as many as the story needs."""
    buffer = io.BytesIO()
    doc = _doc(buffer, size, title, margin)
    frame = Frame(margin, margin, size[0] - 2 * margin, size[1] - 2 * margin, id="body")
    doc.addPageTemplates([PageTemplate("page", [frame])])
    doc.build(story)
    return buffer.getvalue()


def _notice_size(layout: Layout) -> tuple[tuple[float, float], float, float]:
    """Page, margin and body type size for Mẫu 02–05."""
    paper: base.Paper = "a5" if layout.paper == "a5" else "a4"
    margin = 12 * mm if paper == "a5" else 18 * mm
    return base.page_size(paper), margin, base.body_size(paper)


def _form_caption(kind: str, st: Styles) -> Paragraph:
    return Paragraph(
        f"<i>{text(FORM_NAMES[kind])} {text(SOURCE)}</i>",
        base.ParagraphStyle("cap", parent=st.right, fontSize=st.small.fontSize - 1),
    )


def _copy(copy: bool, printed_at: datetime | None, st: Styles) -> list[Flowable]:
    return [base.copy_mark(printed_at or clock.now(), st)] if copy else []


def _applicant_block(a: Applicant, st: Styles, *, id_label: bool = True) -> list[Flowable]:
    out: list[Flowable] = [labelled("Họ và tên", a.name, st.body)]
    if id_label and a.id_number:
        out.append(labelled("Số định danh cá nhân", a.id_number, st.body))
    out.append(labelled("Địa chỉ", a.address, st.body))
    out.append(
        Paragraph(
            f"Số điện thoại: <b>{text(a.phone or '…………………')}</b>&nbsp;&nbsp;&nbsp; "
            f"Thư điện tử: <b>{text(a.email or '…………………')}</b>",
            st.body,
        )
    )
    return out


def _documents_table(docs: tuple[DocumentLine, ...], width: float, st: Styles) -> Table:
    rows: list[list[object]] = [
        [i, d.name, d.form, "" if d.count is None else d.count] for i, d in enumerate(docs, 1)
    ]
    if not rows:
        rows = [["", "(Không có giấy tờ)", "", ""]]
    return base.grid(
        ["STT", "Tên giấy tờ", "Hình thức", "Số lượng"],
        rows,
        [width * 0.08, width * 0.57, width * 0.22, width * 0.13],
        st,
        centered=frozenset({0, 2, 3}),
    )


def _code_line(code: str, st: Styles) -> Paragraph:
    """ "Mã hồ sơ: <code>" centred under a form's title."""
    return Paragraph(f"Mã hồ sơ: <b>{text(code)}</b>", st.center)


def _opening(slip: DossierSlip, width: float, st: Styles) -> list[Flowable]:
    """What every dossier slip starts with: the reprint mark if it is a copy, then the
    letterhead (unit, national motto, place and date)."""
    return [
        *_copy(slip.copy, slip.printed_at, st),
        base.letterhead(slip.head.unit_lines, slip.head.place, slip.head.day, width, st),
    ]


def _intake_lines(slip: Supplement | Refusal, st: Styles) -> list[Flowable]:
    """Mẫu 02's and 03's account of the intake: the dossier code, who handed it in to which
    office, for what, and when."""
    return [
        _code_line(slip.code, st),
        Spacer(1, 4),
        para(f"{slip.office} tiếp nhận hồ sơ của Ông/Bà:", st.body),
        *_applicant_block(slip.applicant, st),
        labelled("Nội dung yêu cầu giải quyết", slip.procedure, st.body),
        labelled("Ngày tiếp nhận", base.hour_date(slip.received_at), st.body),
    ]


# ------------------------------------------------------------------------------- Mẫu 01


class CopyLabel(Flowable):
    """The "(Liên 1: …)" line. The copy is drawn once into a PDF form (XObject) that each copy
    places, so this flowable draws nothing there: it records where it landed (page position
    and scale, after any shrinking) and :meth:`stamp` writes each copy's own line."""

    def __init__(self, st: Styles) -> None:
        super().__init__()
        self.size = st.center.fontSize
        self.height = st.center.leading
        self.at = (0.0, 0.0)
        self.scale = 1.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.height

    def draw(self) -> None:
        x0, y0 = self.canv.absolutePosition(0, 0)
        x1, _ = self.canv.absolutePosition(1, 0)
        self.at, self.scale = (x0, y0), x1 - x0

    def stamp(self, c: Canvas, text_: str, dy: float) -> None:
        """Write ``text_`` where the line landed, shifted up by ``dy`` (that copy's place)."""
        size = self.size * self.scale
        c.setFont(base.FONT, size)
        x, y = self.at
        c.drawCentredString(
            x + self.width * self.scale / 2, y + dy + (self.height - self.size) * self.scale, text_
        )


def receipt_story(slip: Receipt, label: Flowable, width: float, st: Styles) -> list[Flowable]:
    """One copy (liên) of Mẫu 01 at ``width``; ``label`` is its "(Liên …)" line."""
    narrow = width < 100 * mm
    qr_size = (20 if narrow else 24) * mm
    story = _opening(slip, width, st)
    story.append(para("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", st.title))
    code_lines = [_code_line(slip.code, st), label]
    qr = base.qr_code(slip.code, qr_size)
    if narrow:
        qr_row = Table([[qr]], colWidths=[width])
        qr_row.setStyle(base.base_style([("ALIGN", (0, 0), (-1, -1), "CENTER")]))
        story += [*code_lines, qr_row]
    else:
        head = Table([[code_lines, qr]], colWidths=[width - qr_size - 4, qr_size + 4])
        head.setStyle(
            base.base_style(
                [("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (1, 0), (1, 0), "RIGHT")]
            )
        )
        story.append(head)
    story.append(para(f"{slip.office}", st.body))
    story.append(labelled("Tiếp nhận hồ sơ của", slip.applicant.name, st.body))
    if slip.applicant.id_number:
        story.append(labelled("Số định danh cá nhân", slip.applicant.id_number, st.body))
    story.append(labelled("Địa chỉ", slip.applicant.address, st.body))
    story.append(labelled("Số điện thoại", slip.applicant.phone, st.body))
    story.append(labelled("Thư điện tử", slip.applicant.email, st.body))
    story.append(labelled("Nội dung yêu cầu giải quyết", slip.procedure, st.body))
    story.append(para("1. Thành phần hồ sơ nộp gồm:", st.body))
    story.append(_documents_table(slip.documents, width, st))
    story.append(Spacer(1, 2))
    story.append(labelled("2. Số lượng hồ sơ", f"{slip.sets_count} (bộ)", st.body))
    story.append(labelled("3. Thời gian giải quyết hồ sơ theo quy định", slip.time_limit, st.body))
    story.append(labelled("4. Thời gian nhận hồ sơ", base.hour_date(slip.received_at), st.body))
    story.append(
        labelled(
            "5. Thời gian trả kết quả giải quyết hồ sơ",
            base.hour_date(slip.due_at) if slip.due_at else "Không hẹn",
            st.body,
        )
    )
    story.append(labelled("6. Đăng ký nhận kết quả tại", slip.result_place, st.body))
    story.append(
        Paragraph(
            f"Vào Sổ theo dõi hồ sơ, Quyển số: <b>{text(slip.ledger_book)}</b>, "
            f"Số thứ tự: <b>{slip.ledger_entry}</b>",
            st.body,
        )
    )
    story.append(Spacer(1, 3))
    story.append(
        base.signatures(
            [
                (slip.submitter.title, slip.submitter.name),
                (slip.receiver.title, slip.receiver.name),
            ],
            width,
            st,
        )
    )
    return story


COPY_LABELS = ("Liên 1: Lưu tại Bộ phận Một cửa", "Liên 2: Giao người nộp hồ sơ")


def render_receipt(slip: Receipt, layout: Layout) -> bytes:
    """Mẫu 01 in both copies, laid out for ``layout`` (see the module docstring).

    The copy is laid out once and drawn twice (its "Liên" line changed in between): on the two
    halves of one A4 sheet, or on two pages (A5, 80 mm). Each copy is kept to its half or its
    page, shrunk if a long checklist needs it (an 80 mm page is cut to the copy's height).
    """
    title = f"Giấy tiếp nhận hồ sơ và hẹn trả kết quả {slip.code}"
    if layout.paper == "80mm":
        st, margin, size = base.styles(base.body_size("80mm")), 3 * mm, base.page_size("80mm")
        two = False
    elif layout.paper == "a5" or layout.receipt == "a5_each":
        st, margin, size = base.styles(base.body_size("a5")), 10 * mm, base.page_size("a5")
        two = False
    else:
        st, margin, size = base.styles(9.0), 9 * mm, base.page_size("a4")
        two = True
    width = size[0] - 2 * margin
    box = (size[1] - 2 * margin) / 2 - 8 * mm if two else size[1] - 2 * margin
    buffer = io.BytesIO()
    c = Canvas(buffer, pagesize=size, initialFontName=base.FONT, lang="vi")
    c.setTitle(title)
    c.setSubject(title)
    c.setAuthor("OneStop Desktop")
    c.setCreator("OneStop Desktop")
    label = CopyLabel(st)
    story = receipt_story(slip, label, width, st)
    if layout.paper == "80mm":
        height = base.measure(story, width)
        size = (size[0], height + 2 * margin)
        box = height + 1
        story = receipt_story(slip, label, width, st)
        c.setPageSize(size)
    fitted = KeepInFrame(width, box, story, mode="shrink")
    _, h = fitted.wrapOn(c, width, box)
    # Drawn once, into a form that both copies place (half the drawing, half the file).
    first_top = size[1] - margin
    c.beginForm("copy", 0, 0, size[0], size[1])
    fitted.drawOn(c, margin, first_top - h)
    c.endForm()
    for i, copy_label in enumerate(COPY_LABELS):
        if two:
            top = first_top if i == 0 else size[1] / 2 - 4 * mm  # clear of the cut
        else:
            if i:
                c.showPage()
                c.setPageSize(size)
            top = first_top
        c.saveState()
        c.translate(0, top - first_top)
        c.doForm("copy")
        c.restoreState()
        label.stamp(c, f"({copy_label})", top - first_top)
    if two:
        _cut_line(c, size, margin)
    c.showPage()
    c.save()
    return buffer.getvalue()


def _cut_line(c: Canvas, size: tuple[float, float], margin: float) -> None:
    """A dashed line where the A4 sheet is cut into its two copies."""
    y = size[1] / 2
    c.saveState()
    c.setDash(3, 3)
    c.setLineWidth(0.4)
    c.line(margin, y, size[0] - margin, y)
    c.restoreState()


# ------------------------------------------------------------------------------- Mẫu 02


def _notice(
    kind: str,
    layout: Layout,
    build: Callable[[float, Styles], list[Flowable]],
    title: str,
) -> bytes:
    size, margin, body = _notice_size(layout)
    st = base.styles(body)
    width = size[0] - 2 * margin
    story = [_form_caption(kind, st), *build(width, st)]
    return _single(story, size, title, margin)


def render_supplement(slip: Supplement, layout: Layout) -> bytes:
    """Mẫu 02: the items to add or complete, the reason, who guided and how to reach them."""

    def build(width: float, st: Styles) -> list[Flowable]:
        story = _opening(slip, width, st)
        story.append(para("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", st.title))
        story += _intake_lines(slip, st)
        story.append(
            para(
                "Sau khi xem xét, yêu cầu Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:",
                st.body,
            )
        )
        story.append(_documents_table(slip.missing, width, st))
        story.append(Spacer(1, 3))
        story.append(labelled("Lý do", slip.reason, st.body))
        story.append(
            para(
                "Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ với "
                f"{slip.contact} để được hướng dẫn.",
                st.body,
            )
        )
        story.append(Spacer(1, 6))
        story.append(base.signatures([(slip.guide.title, slip.guide.name)], width, st))
        return story

    return _notice("supplement", layout, build, f"Phiếu yêu cầu bổ sung hồ sơ {slip.code}")


# ------------------------------------------------------------------------------- Mẫu 03


def render_refusal(slip: Refusal, layout: Layout) -> bytes:
    """Mẫu 03: the refusal with its reason."""

    def build(width: float, st: Styles) -> list[Flowable]:
        story = _opening(slip, width, st)
        story.append(para("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", st.title))
        story += _intake_lines(slip, st)
        story.append(
            para(
                f"Qua xem xét, {slip.office} thông báo không tiếp nhận, giải quyết hồ sơ này "
                "với lý do cụ thể như sau:",
                st.body,
            )
        )
        story.append(para(slip.reason, base.ParagraphStyle("reason", parent=st.bold, leftIndent=8)))
        story.append(para("Xin thông báo cho Ông/Bà được biết và thực hiện.", st.body))
        story.append(para(f"Mọi thắc mắc xin liên hệ: {slip.contact}.", st.body))
        story.append(Spacer(1, 6))
        story.append(
            base.signatures(
                [
                    (slip.submitter.title, slip.submitter.name),
                    (slip.refuser.title, slip.refuser.name),
                ],
                width,
                st,
            )
        )
        return story

    return _notice("refusal", layout, build, f"Phiếu từ chối tiếp nhận hồ sơ {slip.code}")


# ------------------------------------------------------------------------------- Mẫu 04


def render_apology(slip: Apology, layout: Layout) -> bytes:
    """Mẫu 04: the apology and the new appointment, with its number and reason."""

    def build(width: float, st: Styles) -> list[Flowable]:
        story = _opening(slip, width, st)
        story.append(Paragraph(f"Số: <b>{text(slip.number)}</b>", st.body))
        story.append(para("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", st.title))
        story.append(Paragraph(f"Kính gửi: <b>{text(slip.applicant.name)}</b>", st.center))
        story.append(Spacer(1, 4))
        story.append(
            Paragraph(
                f"Ngày {text(clock.fmt_date(slip.received_at))}, {text(slip.agency)} tiếp nhận "
                f"giải quyết hồ sơ của Ông/Bà, mã hồ sơ <b>{text(slip.code)}</b>, về việc "
                f"<b>{text(slip.procedure)}</b>.",
                st.body,
            )
        )
        old = base.hour_date(slip.old_due_at) if slip.old_due_at else "không có"
        story.append(labelled("Thời gian hẹn trả kết quả giải quyết hồ sơ", old, st.body))
        story.append(
            para(
                "Tuy nhiên đến nay, hồ sơ của Ông/Bà chưa được giải quyết đúng thời hạn như đã "
                "hẹn.",
                st.body,
            )
        )
        story.append(labelled("Lý do", slip.reason, st.body))
        story.append(
            para(
                f"Sự chậm trễ này đã gây phiền hà cho Ông/Bà; {slip.agency} xin lỗi Ông/Bà "
                "và hẹn lại thời gian trả kết quả như sau:",
                st.body,
            )
        )
        story.append(
            labelled(
                f"Thời gian trả kết quả (hẹn lại lần thứ {slip.times})",
                base.hour_date(slip.new_due_at),
                st.body,
            )
        )
        story.append(para("Rất mong nhận được sự thông cảm của Ông/Bà.", st.body))
        story.append(Spacer(1, 6))
        recipients = [para("Nơi nhận:", st.bold)] + [
            para(f"- {r};", st.small) for r in slip.recipients
        ]
        sign = [
            para(slip.signer_role, st.center_bold),
            para("(Ký, ghi rõ họ tên và đóng dấu)", st.center),
            Spacer(1, 18 * mm),
            para(slip.signer.name or " ", st.center_bold),
        ]
        table = Table([[recipients, sign]], colWidths=[width * 0.45, width * 0.55])
        table.setStyle(base.base_style([("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story.append(table)
        return story

    return _notice("apology", layout, build, f"Phiếu xin lỗi và hẹn lại {slip.code}")


# ------------------------------------------------------------------------------- Mẫu 05


def render_control(slip: Control, layout: Layout) -> bytes:
    """Mẫu 05: the control sheet, one hand-over row per event of the dossier."""

    def build(width: float, st: Styles) -> list[Flowable]:
        story = _opening(slip, width, st)
        story.append(para("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", st.title))
        story.append(labelled("Kèm theo hồ sơ của", slip.applicant, st.body))
        story.append(labelled("Mã hồ sơ", slip.code, st.body))
        story.append(labelled("Ngày, giờ nhận", base.hour_date(slip.received_at), st.body))
        due = base.hour_date(slip.due_at) if slip.due_at else "Không hẹn"
        story.append(labelled("Ngày, giờ hẹn trả", due, st.body))
        story.append(labelled("Cơ quan (bộ phận) giải quyết", slip.handler, st.body))
        story.append(labelled("Cơ quan phối hợp giải quyết", slip.partners, st.body))
        story.append(Spacer(1, 4))
        rows: list[list[object]] = []
        for r in slip.rows:
            rows.append(
                [
                    f"1. Giao: {r.giver}\n2. Nhận: {r.receiver}",
                    base.hour_date(r.at),
                    r.result,
                    r.note,
                ]
            )
        table = base.grid(
            ["TÊN CƠ QUAN", "THỜI GIAN GIAO, NHẬN HỒ SƠ", "KẾT QUẢ GIẢI QUYẾT HỒ SƠ", "GHI CHÚ"],
            rows,
            [width * 0.34, width * 0.24, width * 0.18, width * 0.24],
            st,
            centered=frozenset({1, 2}),
        )
        story.append(table)
        story.append(Spacer(1, 3))
        story.append(
            para(
                "Mỗi lần giao, nhận hồ sơ: người giao và người nhận ký vào cột «Thời gian giao, "
                "nhận hồ sơ».",
                st.small,
            )
        )
        return story

    return _notice("control", layout, build, f"Phiếu kiểm soát quá trình giải quyết {slip.code}")
