"""The period documents: the ledger (Mẫu 06, Sổ theo dõi hồ sơ), Biểu 06 as a PDF, and the
one-page daily summary for the notice board. A4 landscape for the two tables, A4 portrait for
the summary.

The ledger is drawn as one table per 40 rows (reportlab lays a table out in time quadratic in
its rows when it splits across pages; chunks keep 10,000 rows linear), headers repeated on
every page.
"""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

from onestop_desktop.domain import clock
from onestop_desktop.domain.formats import fmt_int, fmt_percent
from onestop_desktop.domain.stats import COLUMNS, Report06
from onestop_desktop.slips import base
from onestop_desktop.slips.base import Styles, para, text
from onestop_desktop.slips.forms import SOURCE
from onestop_desktop.slips.model import DailySummary, Ledger, Letterhead

LEDGER_CHUNK = 40
REPORT_TITLE = "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ"
REPORT_FORM = "Biểu số 06/VPCP/KSTT"
REPORT_HEADERS = (
    "Tổng số",
    "Trực tuyến",
    "Trực tiếp và dịch vụ bưu chính",
    "Từ kỳ trước",
    "Tổng số",
    "Trước hạn",
    "Đúng hạn",
    "Quá hạn",
    "Tổng số",
    "Trong hạn",
    "Quá hạn",
)


def _build(story: list[Flowable], size: tuple[float, float], title: str, margin: float) -> bytes:
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=size,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin + 4 * mm,
        title=title,
        author="OneStop Desktop",
        creator="OneStop Desktop",
        lang="vi",
    )
    frame = Frame(margin, margin + 4 * mm, size[0] - 2 * margin, size[1] - 2 * margin - 4 * mm)

    def number(canvas: object, d: BaseDocTemplate) -> None:
        c = canvas
        c.saveState()  # type: ignore[attr-defined]
        c.setFont(base.FONT, 8)  # type: ignore[attr-defined]
        c.drawCentredString(size[0] / 2, margin, f"Trang {d.page}")  # type: ignore[attr-defined]
        c.restoreState()  # type: ignore[attr-defined]

    doc.addPageTemplates([PageTemplate("page", [frame], onPage=number)])
    doc.build(story)
    return buffer.getvalue()


def _head(head: Letterhead, width: float, st: Styles) -> Flowable:
    return base.letterhead(head.unit_lines, head.place, head.day, width, st)


# --------------------------------------------------------------------------------- Mẫu 06


def render_ledger(ledger: Ledger) -> bytes:
    """Mẫu 06 for the period: one row per dossier received, in receipt order."""
    size = landscape(A4)
    margin = 10 * mm
    width = size[0] - 2 * margin
    st = base.styles(9.0)
    period = f"Từ ngày {clock.fmt_date(ledger.start)} đến ngày {clock.fmt_date(ledger.end)}"
    story: list[Flowable] = [
        Paragraph(f"<i>Mẫu số 06 {text(SOURCE)}</i>", st.right),
        _head(ledger.head, width, st),
        para("SỔ THEO DÕI HỒ SƠ", st.title),
        para(period, st.center),
        Spacer(1, 4),
    ]
    cols = [0.03, 0.135, 0.135, 0.04, 0.11, 0.115, 0.07, 0.065, 0.065, 0.065, 0.045, 0.045, 0.08]
    widths = [width * c for c in cols]
    header = [
        ["STT", "Mã hồ sơ", "Nội dung hồ sơ", "Số lượng (bộ)", "Họ tên chủ hồ sơ", "Địa chỉ",
         "Số điện thoại", "Ngày, tháng, năm", "", "Trả kết quả", "", "", "Ghi chú"],
        ["", "", "", "", "", "", "", "Nhận hồ sơ", "Hẹn trả kết quả", "Ngày nhận kết quả",
         "Bên giao ký", "Bên nhận ký", ""],
    ]  # fmt: skip
    spans = [
        ("SPAN", (7, 0), (8, 0)),
        ("SPAN", (9, 0), (11, 0)),
        *[("SPAN", (c, 0), (c, 1)) for c in (0, 1, 2, 3, 4, 5, 6, 12)],
    ]
    head_rows = [[para(h, st.head_cell) for h in row] for row in header]
    style = base.base_style(
        [
            ("GRID", (0, 0), (-1, -1), 0.4, base.colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ("BACKGROUND", (0, 0), (-1, 1), base.colors.Color(0.92, 0.92, 0.92)),
            *spans,
        ]
    )
    size_pt = st.cell.fontSize
    body_style = base.base_style(
        [
            ("FONTSIZE", (0, 0), (-1, -1), size_pt),
            ("LEADING", (0, 0), (-1, -1), st.cell.leading),
            ("GRID", (0, 0), (-1, -1), 0.4, base.colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("ALIGN", (0, 0), (0, -1), "CENTER"),
            ("ALIGN", (3, 0), (3, -1), "CENTER"),
            ("ALIGN", (7, 0), (9, -1), "CENTER"),
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ]
    )
    head_table = Table(head_rows, colWidths=widths)
    head_table.setStyle(style)
    story.append(head_table)
    if not ledger.lines:
        story.append(para("Không có hồ sơ nào được tiếp nhận trong kỳ.", st.center))
    inner = [w - 4 for w in widths]  # the cells' padding

    def lines(value: str, col: int) -> str:
        return base.wrap_text(value, inner[col], size_pt)

    for start in range(0, len(ledger.lines), LEDGER_CHUNK):
        chunk = ledger.lines[start : start + LEDGER_CHUNK]
        rows = []
        for i, line in enumerate(chunk, start + 1):
            rows.append(
                [
                    str(i),
                    lines(line.code, 1),
                    lines(line.procedure, 2),
                    str(line.sets_count),
                    lines(line.applicant, 4),
                    lines(line.address, 5),
                    lines(line.phone, 6),
                    clock.fmt_date(line.received_at),
                    clock.fmt_date(line.due_at) if line.due_at else "",
                    clock.fmt_date(line.returned_at) if line.returned_at else "",
                    "",
                    "",
                    lines(line.note, 12),
                ]
            )
        table = Table(rows, colWidths=widths)
        table.setStyle(body_style)
        story.append(table)
    story.append(Spacer(1, 4))
    story.append(para(f"Tổng số hồ sơ tiếp nhận trong kỳ: {fmt_int(len(ledger.lines))}", st.bold))
    return _build(story, size, f"Sổ theo dõi hồ sơ, {period.lower()}", margin)


# --------------------------------------------------------------------------------- Biểu 06


def render_report06(
    result: Report06,
    head: Letterhead,
    unit: str,
    anchors: tuple[str, ...] = (),
    signers: tuple[tuple[str, str], ...] = (),
) -> bytes:
    """Biểu số 06/VPCP/KSTT as a PDF: the 13 columns by field, the total, the announced
    figures, and (when the station has them) the event-chain heads the figures rest on."""
    size = landscape(A4)
    margin = 12 * mm
    width = size[0] - 2 * margin
    st = base.styles(9.5)
    period = (
        f"Kỳ báo cáo: từ ngày {clock.fmt_date(result.start)} đến ngày {clock.fmt_date(result.end)}"
    )
    story: list[Flowable] = [
        Paragraph(f"<b>{text(REPORT_FORM)}</b>", st.right),
        _head(head, width, st),
        para(REPORT_TITLE, st.title),
        para(f"Đơn vị: {unit}", st.center),
        para(period, st.center),
        para("Đơn vị tính: số hồ sơ thủ tục hành chính", st.right),
        Spacer(1, 3),
    ]
    header = [
        ["STT", "Lĩnh vực giải quyết", "Số hồ sơ nhận giải quyết", "", "", "",
         "Kết quả giải quyết", "", "", "", "", "", ""],
        ["", "", "Tổng số", "Trong kỳ", "", "Từ kỳ trước", "Số hồ sơ đã giải quyết", "", "", "",
         "Số hồ sơ đang giải quyết", "", ""],
        ["", "", "", "Trực tuyến", "Trực tiếp và dịch vụ bưu chính", "", "Tổng số", "Trước hạn",
         "Đúng hạn", "Quá hạn", "Tổng số", "Trong hạn", "Quá hạn"],
        [f"({i})" for i in range(1, 14)],
    ]  # fmt: skip
    rows: list[list[Flowable | str]] = [[para(h, st.head_cell) for h in r] for r in header]
    numbered = [(str(i), row.field, row) for i, row in enumerate(result.rows, 1)]
    for no, field, row in [*numbered, ("", "Tổng cộng", result.total)]:
        counts = row.counts()
        rows.append(
            [para(no, st.cell_center), para(field, st.bold if not no else st.cell)]
            + [Paragraph(fmt_int(counts[c]), st.cell_center) for c in COLUMNS]
        )
    widths = [width * 0.04, width * 0.24] + [width * 0.72 / 11] * 11
    table = Table(rows, colWidths=widths, repeatRows=4)
    table.setStyle(
        base.base_style(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, base.colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BACKGROUND", (0, 0), (-1, 3), base.colors.Color(0.92, 0.92, 0.92)),
                ("SPAN", (0, 0), (0, 2)),
                ("SPAN", (1, 0), (1, 2)),
                ("SPAN", (2, 0), (5, 0)),
                ("SPAN", (6, 0), (12, 0)),
                ("SPAN", (2, 1), (2, 2)),
                ("SPAN", (3, 1), (4, 1)),
                ("SPAN", (5, 1), (5, 2)),
                ("SPAN", (6, 1), (9, 1)),
                ("SPAN", (10, 1), (12, 1)),
            ]
        )
    )
    story.append(table)
    a = result.announced
    rate = "—" if a.on_time_rate is None else fmt_percent(a.on_time_rate)
    story += [
        Spacer(1, 6),
        para("Số liệu công khai:", st.bold),
        para(
            f"Tiếp nhận {fmt_int(a.received)} hồ sơ; trả đúng hạn {fmt_int(a.returned_on_time)}; "
            f"trả quá hạn {fmt_int(a.returned_late)}; đang giải quyết {fmt_int(a.in_progress)}; "
            f"tạm dừng {fmt_int(a.paused)}; rút hồ sơ {fmt_int(a.withdrawn)}; từ chối "
            f"{fmt_int(a.refused)}; tỷ lệ đúng hạn {rate}.",
            st.body,
        ),
    ]
    story += _anchors(anchors, st)
    if signers:
        story += [Spacer(1, 6), base.signatures(list(signers), width, st)]
    return _build(story, size, f"{REPORT_FORM}, {period.lower()}", margin)


def _anchors(anchors: tuple[str, ...], st: Styles) -> list[Flowable]:
    if not anchors:
        return []
    out: list[Flowable] = [
        Spacer(1, 4),
        para("Mốc chuỗi sự kiện (để đối chiếu số liệu):", st.bold),
    ]
    out += [para(a, st.small) for a in anchors]
    return out


# --------------------------------------------------------------------------- daily summary


def render_daily(summary: DailySummary) -> bytes:
    """One A4 page for the notice board: the day's big numbers and the fields worked on."""
    size = A4
    margin = 18 * mm
    width = size[0] - 2 * margin
    st = base.styles(11.0)
    story: list[Flowable] = [
        _head(summary.head, width, st),
        para("BẢN TỔNG HỢP TÌNH HÌNH TIẾP NHẬN VÀ TRẢ KẾT QUẢ", st.title),
        para(f"Ngày {clock.fmt_date(summary.day)}", st.center_bold),
        Spacer(1, 8),
    ]
    big = base.ParagraphStyle("big", parent=st.center_bold, fontSize=26, leading=32, spaceAfter=0)
    cells = [[para(f.value, big), para(f.label, st.center)] for f in summary.figures]
    grid_rows: list[list[object]] = []
    for i in range(0, len(cells), 3):
        row: list[object] = list(cells[i : i + 3])
        row += [""] * (3 - len(row))  # an empty cell (a list of strings is no table cell)
        grid_rows.append(row)
    table = Table(grid_rows, colWidths=[width / 3] * 3)
    table.setStyle(
        base.base_style(
            [
                ("BOX", (0, 0), (-1, -1), 0.6, base.colors.black),
                ("INNERGRID", (0, 0), (-1, -1), 0.4, base.colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    story += [table, Spacer(1, 10)]
    if summary.by_field:
        story.append(para("Theo lĩnh vực", st.bold))
        story.append(
            base.grid(
                ["Lĩnh vực", "Tiếp nhận mới", "Đã giải quyết"],
                [list(r) for r in summary.by_field],
                [width * 0.6, width * 0.2, width * 0.2],
                st,
                centered=frozenset({1, 2}),
            )
        )
    story += _anchors(summary.anchors, st)
    if summary.printed_at is not None:
        story += [
            Spacer(1, 8),
            para(f"In lúc {clock.fmt_datetime(summary.printed_at)}", st.right),
        ]
    return _build(story, size, f"Bản tổng hợp ngày {clock.fmt_date(summary.day)}", margin)
