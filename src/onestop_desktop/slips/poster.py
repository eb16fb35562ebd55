"""The printed procedure list (#13): a poster (A4 or A3, landscape, a table of every published
procedure: name, code, field, time limit, fee) for the waiting-room wall, and a booklet (A5
pages, every detail: documents, result, where to submit) for the counter's desk.

Uses the shipped DejaVu fonts and the paragraph helpers of ``slips.base``; the data is
:class:`services.board.PublicProcedure` only (no dossier, no person). Files are written
atomically.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.pagesizes import A3, A4, A5, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, SimpleDocTemplate, Spacer, Table

from onestop_desktop import files
from onestop_desktop.slips import base

if TYPE_CHECKING:
    from onestop_desktop.services.board import PublicProcedure
    from onestop_desktop.services.context import Session


def _doc(
    size: tuple[float, float], title: str, margin: float
) -> tuple[SimpleDocTemplate, io.BytesIO]:
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=size,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=title,
        author="OneStop Desktop",
    )
    return doc, buf


def render_poster(items: Sequence[PublicProcedure], unit: str, size: str = "A3") -> bytes:
    """The poster: one table, repeated header on every page."""
    page = landscape(A3 if size == "A3" else A4)
    body = 12.0 if size == "A3" else 9.0
    st = base.styles(body)
    margin = 12 * mm
    doc, buf = _doc(page, "Danh mục thủ tục hành chính", margin)
    width = page[0] - 2 * margin
    cols = [0.08, 0.42, 0.15, 0.15, 0.20]
    head = ["Mã", "Tên thủ tục", "Lĩnh vực", "Thời hạn", "Phí, lệ phí"]
    rows: list[list[object]] = [[base.para(h, st.head_cell) for h in head]]
    for p in items:
        rows.append([base.para(v, st.cell) for v in (p.code, p.name, p.field, p.time_limit, p.fee)])
    table = Table(rows, colWidths=[c * width for c in cols], repeatRows=1)
    table.setStyle(base.base_style([("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0))]))
    title = base.styles(body + 8).title
    story: list[Flowable] = [
        base.para("DANH MỤC THỦ TỤC HÀNH CHÍNH", title),
        base.para(f"{unit} — {len(items)} thủ tục", st.center_bold),
        Spacer(1, 4 * mm),
        table,
    ]
    doc.build(story)
    return buf.getvalue()


def render_booklet(items: Sequence[PublicProcedure], unit: str) -> bytes:
    """The booklet: A5 pages, one block per procedure with every detail."""
    st = base.styles(9.5)
    margin = 12 * mm
    doc, buf = _doc(A5, "Danh mục thủ tục hành chính (cuốn)", margin)
    story: list[Flowable] = [
        base.para("DANH MỤC THỦ TỤC HÀNH CHÍNH", st.title),
        base.para(unit, st.center_bold),
        Spacer(1, 4 * mm),
    ]
    for p in items:
        block: list[Flowable] = [
            base.para(p.name, st.bold),
            base.labelled("Mã thủ tục", p.code, st.small),
            base.labelled("Lĩnh vực", p.field, st.small),
            base.labelled("Thời hạn giải quyết", p.time_limit, st.small),
            base.labelled("Phí, lệ phí", p.fee, st.small),
            base.para("Thành phần hồ sơ:", st.small),
            *[base.para(f"– {d}", st.small) for d in p.documents],
            base.labelled("Kết quả", p.result, st.small),
            base.labelled("Nơi nộp hồ sơ", p.where, st.small),
            Spacer(1, 3 * mm),
        ]
        story.append(KeepTogether(block))
    doc.build(story)
    return buf.getvalue()


def _unit(ctx: Session) -> str:
    return ctx.station.unit_name.strip() or ctx.station.unit_code


def write_poster(ctx: Session, path: Path, *, size: str = "A3") -> Path:
    """Write the poster of the published procedures to ``path``."""
    from onestop_desktop.services.board import procedures

    ctx.require("reports.view")
    files.atomic_write(path, render_poster(procedures(ctx), _unit(ctx), size))
    return path


def write_booklet(ctx: Session, path: Path) -> Path:
    """Write the booklet of the published procedures to ``path``."""
    from onestop_desktop.services.board import procedures

    ctx.require("reports.view")
    files.atomic_write(path, render_booklet(procedures(ctx), _unit(ctx)))
    return path
