"""The published procedure list as a static HTML folder (``onestop publish --out DIR``, #13).

For the commune's web page or a USB stick: plain HTML5 in UTF-8, inline CSS, relative links
only (opens from ``file://`` with no server and no network), an index page with every
procedure by field and one page per field with the full details (documents, time limit, fee,
where to submit). A small inline script filters the index as one types; without JavaScript the
page is whole. Only :class:`services.board.PublicProcedure` is read: no dossier, no person.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from onestop_desktop import files
from onestop_desktop.domain import clock
from onestop_desktop.domain.text import fold
from onestop_desktop.services.board import PublicProcedure, procedures
from onestop_desktop.services.context import Session

_CSS = (
    "body{font-family:'DejaVu Sans',Arial,sans-serif;margin:0 auto;max-width:60em;padding:1em;"
    "color:#111;line-height:1.45}h1{font-size:1.6em;color:#8b0000}h2{border-bottom:2px solid "
    "#8b0000;padding-bottom:.2em}table{border-collapse:collapse;width:100%}td,th{border:1px solid "
    "#999;padding:.35em;vertical-align:top;text-align:left}th{background:#f3e6e6}"
    ".proc{border:1px solid #ccc;border-radius:6px;padding:.6em 1em;margin:1em 0}"
    "input{font-size:1.1em;padding:.3em;width:100%;box-sizing:border-box}"
    "footer{margin-top:2em;color:#555;font-size:.9em}"
)

_SCRIPT = (
    "function fold(s){return s.normalize('NFD').replace(/[\\u0300-\\u036f]/g,'')"
    ".replace(/đ/g,'d').replace(/Đ/g,'D').toLowerCase();}"
    "document.getElementById('q').addEventListener('input',function(){"
    "var q=fold(this.value.trim());"
    "document.querySelectorAll('tr[data-search]').forEach(function(r){"
    "r.hidden=q!==''&&r.getAttribute('data-search').indexOf(q)<0;});});"
)


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _page(title: str, body: str, unit: str, stamp: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f"{body}\n<footer>{_e(unit)} — cập nhật ngày {_e(stamp)}</footer>\n</body>\n</html>\n"
    )


def field_pages(items: Sequence[PublicProcedure]) -> dict[str, str]:
    """Each field's page name (``linh-vuc-01.html`` …, ASCII so any file system keeps it)."""
    fields = sorted({p.field for p in items}, key=fold)
    return {f: f"linh-vuc-{i:02d}.html" for i, f in enumerate(fields, start=1)}


def _procedure_block(p: PublicProcedure) -> str:
    docs = "".join(f"<li>{_e(d)}</li>" for d in p.documents) or "<li>Không yêu cầu</li>"
    return (
        f'<section class="proc" id="tt-{_e(p.code)}">\n<h3>{_e(p.name)}</h3>\n<table>\n'
        f"<tr><th>Mã thủ tục</th><td>{_e(p.code)}</td></tr>\n"
        f"<tr><th>Lĩnh vực</th><td>{_e(p.field)}</td></tr>\n"
        f"<tr><th>Thời hạn giải quyết</th><td>{_e(p.time_limit)}</td></tr>\n"
        f"<tr><th>Phí, lệ phí</th><td>{_e(p.fee)}</td></tr>\n"
        f"<tr><th>Thành phần hồ sơ</th><td><ul>{docs}</ul></td></tr>\n"
        f"<tr><th>Kết quả</th><td>{_e(p.result)}</td></tr>\n"
        f"<tr><th>Nơi nộp hồ sơ</th><td>{_e(p.where)}</td></tr>\n</table>\n</section>"
    )


def render(items: Sequence[PublicProcedure], unit: str, stamp: str) -> dict[str, str]:
    """The folder's pages by file name (``index.html`` and one per field)."""
    pages = field_pages(items)
    rows = []
    for p in sorted(items, key=lambda p: (fold(p.field), p.code)):
        link = f"{pages[p.field]}#tt-{p.code}"
        key = fold(f"{p.code} {p.name} {p.field}")
        rows.append(
            f'<tr data-search="{_e(key)}"><td>{_e(p.code)}</td>'
            f'<td><a href="{_e(link)}">{_e(p.name)}</a></td><td>{_e(p.field)}</td>'
            f"<td>{_e(p.time_limit)}</td><td>{_e(p.fee)}</td></tr>"
        )
    nav = "".join(f'<li><a href="{_e(n)}">{_e(f)}</a></li>' for f, n in pages.items())
    index_body = (
        f"<h1>Danh mục thủ tục hành chính — {_e(unit)}</h1>\n"
        f"<p>{len(items)} thủ tục. Các lĩnh vực:</p>\n<ul>{nav}</ul>\n"
        '<p><label for="q">Tìm thủ tục (tên, mã, lĩnh vực):</label>\n'
        '<input id="q" type="search" autocomplete="off"></p>\n'
        "<table>\n<thead><tr><th>Mã</th><th>Tên thủ tục</th><th>Lĩnh vực</th>"
        "<th>Thời hạn</th><th>Phí, lệ phí</th></tr></thead>\n<tbody>\n"
        + "\n".join(rows)
        + f"\n</tbody>\n</table>\n<script>{_SCRIPT}</script>"
    )
    out = {"index.html": _page(f"Danh mục thủ tục — {unit}", index_body, unit, stamp)}
    for field, name in pages.items():
        blocks = "\n".join(_procedure_block(p) for p in items if p.field == field)
        body = (
            '<p><a href="index.html">← Danh mục thủ tục</a></p>\n'
            f"<h1>Lĩnh vực: {_e(field)}</h1>\n{blocks}"
        )
        out[name] = _page(f"{field} — {unit}", body, unit, stamp)
    return out


def publish(ctx: Session, out: Path) -> list[Path]:
    """Write the folder ``out`` (created if needed); the files written."""
    ctx.require("reports.view")
    unit = ctx.station.unit_name.strip() or ctx.station.unit_code
    stamp = clock.fmt_date(clock.to_vn(ctx.now()))
    written = []
    out.mkdir(parents=True, exist_ok=True)
    for name, text in render(procedures(ctx), unit, stamp).items():
        path = out / name
        files.atomic_write(path, text, encoding="utf-8")
        written.append(path)
    return written


def write_poster(ctx: Session, out: Path, *, size: str = "A3") -> Path:
    """The poster (A4/A3) of the published procedures, as PDF (``slips.poster``)."""
    from onestop_desktop.slips import poster

    return poster.write_poster(ctx, out, size=size)


def write_booklet(ctx: Session, out: Path) -> Path:
    """The booklet (A5 pages) of the published procedures, as PDF (``slips.poster``)."""
    from onestop_desktop.slips import poster

    return poster.write_booklet(ctx, out)
