"""Biểu số 06/VPCP/KSTT (Circular 01/2020/TT-VPCP) and the announced figures, for any period.

The counting rules live in ``domain.stats`` and the data comes from ``services.reports`` (which
checks the permission and reads the store); this module only renders what it is given, as text,
JSON, CSV or XLSX, and writes files through ``files.atomic_*``.

CSV is for a person opening it in Excel: UTF-8 with a BOM, and one language per header row: the
first row is the form's Vietnamese column headers, the second the form's column numbers
(1)…(13) as Biểu 06 prints them. The machine keys (``received_total``…) are in the JSON only,
which is the documented contract for scripts.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from onestop_desktop import files
from onestop_desktop.domain import cells, clock
from onestop_desktop.domain.formats import fmt_int, fmt_percent
from onestop_desktop.domain.stats import COLUMNS, Report06, Row06
from onestop_desktop.errors import ValidationError
from onestop_desktop.services.context import Station
from onestop_desktop.services.reports import Report06Data

if TYPE_CHECKING:
    from onestop_desktop.services.anchors import ChainHead

ANCHOR_TITLE = "Mốc chuỗi sự kiện (đối chiếu bằng «onestop verify --anchor»)"
"""The heading of the chain-head lines a printed or filed report carries (``services.anchors``):
a copy kept outside the database that ``verify`` can later check the chain against."""

TITLE = "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ"
FORM = "Biểu số 06/VPCP/KSTT"
HEADERS = {
    "to_resolve_total": "Tổng số",
    "received_online": "Trực tuyến",
    "received_in_person": "Trực tiếp và bưu chính",
    "carried_over": "Từ kỳ trước",
    "resolved_total": "Tổng số đã giải quyết",
    "resolved_early": "Trước hạn",
    "resolved_on_time": "Đúng hạn",
    "resolved_late": "Quá hạn",
    "in_progress_total": "Tổng số đang giải quyết",
    "in_progress_in_time": "Trong hạn",
    "in_progress_overdue": "Quá hạn",
}


def to_json(result: Report06, station: Station) -> dict[str, Any]:
    data = result.to_dict()
    data["unit"] = {
        "code": station.unit_code,
        "name": station.unit_name,
        "station": station.station_id,
    }
    return data


def _rows(result: Report06) -> list[tuple[str, str, Row06]]:
    out = [(str(i), row.field, row) for i, row in enumerate(result.rows, 1)]
    out.append(("", "Tổng cộng", result.total))
    return out


def render_text(result: Report06, station: Station, heads: Sequence[ChainHead] = ()) -> str:
    a = result.announced
    lines = [
        FORM,
        TITLE,
        f"Đơn vị: {station.unit_name} ({station.unit_code})",
        f"Kỳ báo cáo: từ {clock.fmt_date(result.start)} đến {clock.fmt_date(result.end)}",
        "",
    ]
    widths = [4, 46] + [6] * len(COLUMNS)
    head = ["STT", "Lĩnh vực"] + [f"({i})" for i in range(3, 14)]
    lines.append(" ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)))
    for no, field, row in _rows(result):
        cells = [no, field[:46]] + [fmt_int(v) for v in row.counts().values()]
        lines.append(" ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)))
    lines.append("")
    lines += [f"({i}) {HEADERS[c]}" for i, c in enumerate(COLUMNS, 3)]
    rate = "—" if a.on_time_rate is None else fmt_percent(a.on_time_rate)
    lines += [
        "",
        "Số liệu công bố:",
        f"  Tiếp nhận: {fmt_int(a.received)} hồ sơ; trả đúng hạn: {fmt_int(a.returned_on_time)}; "
        f"đang giải quyết: {fmt_int(a.in_progress)}; từ chối: {fmt_int(a.refused)}",
        f"  Tỷ lệ giải quyết đúng hạn: {rate}",
    ]
    if heads:
        lines += ["", ANCHOR_TITLE + ":"]
        lines += [f"  {h.label()} — mốc {h.token}" for h in heads]
    return "\n".join(lines) + "\n"


CSV_HEADER = ["STT", "Lĩnh vực", *(HEADERS[c] for c in COLUMNS)]
"""The CSV's first row: Biểu 06's own column headers, in Vietnamese only."""


def render_csv(result: Report06, heads: Sequence[ChainHead] = ()) -> str:
    """The table; with ``heads``, an empty row then one row per chain head below it (a filed
    copy of the report is then an anchor)."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(cells.csv_row(list(CSV_HEADER)))
    writer.writerow(["(1)", "(2)", *(f"({i})" for i in range(3, 14))])
    for no, field, row in _rows(result):
        writer.writerow(cells.csv_row([no, field, *row.counts().values()]))
    if heads:
        writer.writerow([])
        for h in heads:
            writer.writerow(cells.csv_row(["", ANCHOR_TITLE, h.token, h.label()]))
    return buf.getvalue()


def render(data: Report06Data, fmt: str, heads: Sequence[ChainHead] = ()) -> str:
    """The report as text for stdout: ``text``, ``json`` or ``csv``; ``heads`` (the chain heads,
    ``services.anchors.record_heads(ctx, "report")``) are printed below it (JSON: ``anchors``)."""
    result, station = data.report, data.station
    if fmt == "text":
        return render_text(result, station, heads)
    if fmt == "json":
        out = to_json(result, station)
        if heads:
            out["anchors"] = [
                {"station": h.station, "seq": h.seq, "hash": h.hash, "token": h.token}
                for h in heads
            ]
        return json.dumps(out, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return render_csv(result, heads)
    raise ValidationError("Định dạng báo cáo không hỗ trợ: {format}", field="format", format=fmt)


def write_xlsx(
    result: Report06, path: Path, station: Station, heads: Sequence[ChainHead] = ()
) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    wb = Workbook()
    ws = wb.active
    ws.title = "Biểu 06"
    bold = Font(bold=True)
    ws["A1"] = station.unit_name
    ws["J1"] = FORM
    ws["A2"] = TITLE
    ws["A2"].font = Font(bold=True, size=12)
    ws["A3"] = f"Kỳ báo cáo: từ {clock.fmt_date(result.start)} đến {clock.fmt_date(result.end)}"
    ws["A4"] = "Đơn vị tính: số hồ sơ TTHC"
    groups = [("A5", "A6", "STT"), ("B5", "B6", "Lĩnh vực giải quyết")]
    for top, bottom, text in groups:
        ws[top] = text
        ws.merge_cells(f"{top}:{bottom}")
    for start_col, end_col, text in (
        ("C", "F", "Số hồ sơ nhận giải quyết"),
        ("G", "J", "Kết quả giải quyết: đã giải quyết"),
        ("K", "M", "Đang giải quyết"),
    ):
        ws[f"{start_col}5"] = text
        ws.merge_cells(f"{start_col}5:{end_col}5")
    for i, key in enumerate(COLUMNS):
        ws.cell(row=6, column=3 + i, value=HEADERS[key])
    for i in range(13):
        ws.cell(row=7, column=1 + i, value=f"({i + 1})")
    r = 8
    for no, field, row in _rows(result):
        ws.cell(row=r, column=1, value=no)
        ws.cell(row=r, column=2, value=field)
        for i, v in enumerate(row.counts().values()):
            ws.cell(row=r, column=3 + i, value=v)
        if not no:
            for c in range(1, 14):
                ws.cell(row=r, column=c).font = bold
        r += 1
    thin = Side(style="thin")
    for row_cells in ws.iter_rows(min_row=5, max_row=r - 1, max_col=13):
        for cell in row_cells:
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for c in range(5, 8):
        for cell in ws[c]:
            cell.font = bold
    ws.column_dimensions["B"].width = 36
    for letter in "CDEFGHIJKLM":
        ws.column_dimensions[letter].width = 12
    a = result.announced
    ws.cell(row=r + 1, column=1, value="Số liệu công bố")
    ws.cell(row=r + 2, column=1, value="Tiếp nhận")
    ws.cell(row=r + 2, column=3, value=a.received)
    ws.cell(row=r + 3, column=1, value="Trả kết quả đúng hạn")
    ws.cell(row=r + 3, column=3, value=a.returned_on_time)
    ws.cell(row=r + 4, column=1, value="Đang giải quyết")
    ws.cell(row=r + 4, column=3, value=a.in_progress)
    ws.cell(row=r + 5, column=1, value="Từ chối tiếp nhận")
    ws.cell(row=r + 5, column=3, value=a.refused)
    ws.cell(row=r + 6, column=1, value="Tỷ lệ đúng hạn (%)")
    ws.cell(row=r + 6, column=3, value=None if a.on_time_rate is None else float(a.on_time_rate))
    if heads:
        ws.cell(row=r + 8, column=1, value=ANCHOR_TITLE)
        for i, h in enumerate(heads):
            ws.cell(row=r + 9 + i, column=2, value=h.label())
            ws.cell(row=r + 9 + i, column=3, value=h.token)
    cells.protect_xlsx_sheet(ws)  # a unit name or field "=…" stays text (issue #7 item 6)
    files.atomic_write_with(path, wb.save)


def write(data: Report06Data, fmt: str, path: Path, heads: Sequence[ChainHead] = ()) -> Path:
    """Write the report to ``path`` durably (folder created; a temp file renamed into place),
    with the chain heads below it when given.

    CSV gets a BOM (``utf-8-sig``) so that Excel reads the Vietnamese text right."""
    if fmt == "xlsx":
        write_xlsx(data.report, path, data.station, heads)
        return path
    encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
    return files.atomic_write(path, render(data, fmt, heads), encoding=encoding)
