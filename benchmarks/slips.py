"""Printed slips (#10): how long the PDFs take.

* ``receipt``: one Mẫu 01 (both copies on one A4, QR code, fonts subset), warm (fonts
  registered, one slip already made), rendered from its data by ``slips.forms.render_receipt``;
  beside it, in the same rounds (interleaved, so a change of load hits them all alike),
  floors, also warm:

  - ``bare_canvas``: a reportlab canvas with one DejaVu Sans string (the issue's floor), as it
    was measured before: reportlab's own ``TTFont`` of the shipped file, its stock stream
    setting (ASCII85); ``bare_canvas_app`` is the same string with the app's font
    (``slips.fonts.SlipFont``) and binary streams;
  - ``same_text``: a canvas with the receipt's own text, no layout engine: the 31 text lines of
    one copy (read back from the slip itself) drawn with ``drawString`` into a form placed
    twice, as the slip does, plus each copy's "Liên" line, the upper-case lines in DejaVu Sans
    Bold and the others in DejaVu Sans, so the same two fonts are subset and embedded with the
    same glyphs. No tables' rules, no QR code. It is the cost of the PDF itself: what no layout
    could go below.

  Also the whole service call (``services.slips.receipt``: detail, timeline, ledger position,
  render). Target: ≤ 2× the bare canvas and under 50 ms. ``slip_before`` is the receipt as
  it was before wave 4, in the same rounds: its QR code a rectangle operator per run, its
  streams ASCII85-encoded, its fonts reportlab's own ``TTFont``.
* ``ledger``: Mẫu 06 of 10,000 rows (``slips.registers.render_ledger``).
* ``report06``: the Biểu 06 PDF of a demo folder (``--data DIR``, e.g. 1,000,000 dossiers made by
  ``onestop demo``), opened read-only, for a month and a year (``--periods``): the facts read
  alone, the counting (``services.reports.report06``), the rendering alone and the whole
  ``services.slips.report06_pdf``; ``--old`` also times the facts query as it was before.

    .venv/bin/python benchmarks/slips.py [--data DIR] [--periods month,year] [--old] [--rounds 20]

Figures are printed and written to ``benchmarks/out/slips.json``.
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from onestop_desktop.domain import clock
from onestop_desktop.resources_check import font_paths
from onestop_desktop.slips import base, forms, registers
from onestop_desktop.slips.model import (
    Applicant,
    DocumentLine,
    Layout,
    Ledger,
    LedgerLine,
    Letterhead,
    Receipt,
    Signer,
)

OUT = Path(__file__).resolve().parent / "out"
HEAD = Letterhead(("UBND XÃ TÂN THÀNH", "BỘ PHẬN MỘT CỬA"), "Tân Thành", date(2025, 7, 6))


CPU: list[float] = []
"""The CPU time of the last :func:`timed` run, per round: on a machine shared with other work,
wall time is mostly waiting for a core, CPU time is what the slip itself costs."""


def timed(fn: Any, rounds: int) -> list[float]:
    """``fn``'s wall times over ``rounds`` calls (CPU times in :data:`CPU`). Each call starts
    after a full garbage collection, so a collection the previous call's garbage triggers is
    not charged to the next one."""
    out = []
    CPU.clear()
    for _ in range(rounds):
        gc.collect()
        start, cpu = time.perf_counter(), time.process_time()
        fn()
        out.append(time.perf_counter() - start)
        CPU.append(time.process_time() - cpu)
    return out


def ms(values: list[float]) -> dict[str, float]:
    return {
        "median_ms": round(statistics.median(values) * 1000, 2),
        "min_ms": round(min(values) * 1000, 2),
        "max_ms": round(max(values) * 1000, 2),
    }


def receipt_slip() -> Receipt:
    return Receipt(
        head=HEAD,
        office="Bộ phận Một cửa UBND xã Tân Thành",
        code="000.00.12.H29-250706-1001",
        applicant=Applicant(
            "Nguyễn Thị Lan", "001190012345", "Thôn Đông, xã Tân Thành", "0912345678", None
        ),
        procedure="Cấp Giấy xác nhận tình trạng hôn nhân",
        documents=(
            DocumentLine("Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", "Bản chính", 1),
            DocumentLine("Giấy tờ tùy thân của người yêu cầu", "Bản sao", 1),
        ),
        sets_count=1,
        time_limit="3 ngày làm việc",
        received_at=datetime(2025, 7, 6, 9, 15, tzinfo=clock.VN_TZ),
        due_at=datetime(2025, 7, 9, 9, 15, tzinfo=clock.VN_TZ),
        result_place="Bộ phận Một cửa (nhận trực tiếp)",
        ledger_book="2025",
        ledger_entry=1,
        receiver=Signer("NGƯỜI TIẾP NHẬN HỒ SƠ", "Lê Thị Thu"),
        submitter=Signer("NGƯỜI NỘP HỒ SƠ", "Nguyễn Thị Lan"),
    )


STOCK_FONT = "DejaVuSans-stock"
"""The shipped DejaVu Sans loaded by reportlab's own ``TTFont`` (the floor's font; the slips'
``SlipFont`` measures and subsets the same file with less work)."""


def one_string(font: str) -> bytes:
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer)
    c.setFont(font, 11)
    c.drawString(72, 720, "Giấy tiếp nhận hồ sơ và hẹn trả kết quả")
    c.save()
    return buffer.getvalue()


def bare_canvas() -> bytes:
    """The issue's floor, as it was measured before: reportlab as it ships, its own
    ``TTFont`` of DejaVu Sans, its page stream ASCII85-encoded (``base.register_fonts`` turns
    that off for the app's own PDFs)."""
    if STOCK_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(STOCK_FONT, str(font_paths()["regular"])))
    kept = rl_config.useA85
    rl_config.useA85 = 1
    try:
        return one_string(STOCK_FONT)
    finally:
        rl_config.useA85 = kept


def bare_canvas_app() -> bytes:
    """The same string with the app's font and streams (``SlipFont``, binary streams)."""
    return one_string(base.FONT)


def _rect_qr_draw(self: base.QrCode) -> None:
    """``base.QrCode.draw`` before wave 4: a filled rectangle operator per run of modules."""
    n = len(base.qr_matrix(self.value))
    unit = self.size / (n + 2 * self.QUIET)
    c = self.canv
    c.saveState()
    c.setFillColor(colors.black)
    for r, col, length in base.qr_runs(self.value):
        y = self.size - (r + 1 + self.QUIET) * unit
        c.rect((col + self.QUIET) * unit, y, length * unit, unit, stroke=0, fill=1)
    c.restoreState()


_STOCK: dict[str, Any] = {}


def receipt_before(slip: Receipt) -> bytes:
    """The receipt as it was rendered before wave 4 (see the module docstring)."""
    if not _STOCK:
        paths = font_paths()
        _STOCK[base.FONT] = TTFont(base.FONT, str(paths["regular"]))
        _STOCK[base.FONT_BOLD] = TTFont(base.FONT_BOLD, str(paths["bold"]))
    fonts = pdfmetrics._fonts  # the registry, swapped for the run (same names, stock fonts)
    kept_fonts = {name: fonts[name] for name in _STOCK}
    kept_draw, kept_a85 = base.QrCode.draw, rl_config.useA85
    base.QrCode.draw = _rect_qr_draw  # type: ignore[method-assign]
    rl_config.useA85 = 1
    fonts.update(_STOCK)
    try:
        return forms.render_receipt(slip, Layout())
    finally:
        fonts.update(kept_fonts)
        base.QrCode.draw = kept_draw  # type: ignore[method-assign]
        rl_config.useA85 = kept_a85


def receipt_lines(pdf: bytes) -> list[str]:
    """The text lines of one copy of a rendered receipt, read back from the PDF (pypdfium2)."""
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(pdf)[0]
    lines = [ln.strip() for ln in page.get_textpage().get_text_range().splitlines()]
    lines = [ln for ln in lines if ln]
    return lines[: len(lines) // 2 - 1]  # the first copy, without its "Liên" line


def same_text_canvas(lines: list[str]) -> bytes:
    """The receipt's text with no layout engine (see the module docstring)."""
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, initialFontName=base.FONT, lang="vi")
    width, height = c._pagesize
    c.beginForm("copy", 0, 0, width, height)
    y = height - 30
    for line in lines:
        c.setFont(base.FONT_BOLD if line.isupper() else base.FONT, 9)
        c.drawString(30, y, line)
        y -= 11
    c.endForm()
    for i, label in enumerate(forms.COPY_LABELS):
        c.saveState()
        c.translate(0, -i * height / 2)
        c.doForm("copy")
        c.restoreState()
        c.setFont(base.FONT, 9)
        c.drawCentredString(width / 2, height - 20 - i * height / 2, f"({label})")
    c.showPage()
    c.save()
    return buffer.getvalue()


def section_receipt(rounds: int, results: dict[str, Any]) -> None:
    base.register_fonts()
    slip = receipt_slip()
    lines = receipt_lines(forms.render_receipt(slip, Layout()))  # also warms the slip
    runs: dict[str, Any] = {
        "slip": lambda: forms.render_receipt(slip, Layout()),
        "slip_before": lambda: receipt_before(slip),
        "bare_canvas": bare_canvas,
        "bare_canvas_app": bare_canvas_app,
        "same_text": lambda: same_text_canvas(lines),
    }
    for fn in runs.values():
        fn()
    wall: dict[str, list[float]] = {k: [] for k in runs}
    cpu: dict[str, list[float]] = {k: [] for k in runs}
    for _ in range(rounds):  # interleaved: the three see the same load
        for name, fn in runs.items():
            wall[name] += timed(fn, 1)
            cpu[name] += CPU
    med = {k: statistics.median(v) for k, v in wall.items()}
    med_cpu = {k: statistics.median(v) for k, v in cpu.items()}
    results["receipt"] = {
        **{k: ms(v) for k, v in wall.items()},
        **{f"{k}_cpu": ms(v) for k, v in cpu.items()},
        "same_text_lines": len(lines),
        "cpu_ratio_before": round(med_cpu["slip_before"] / med_cpu["bare_canvas"], 2),
        "ratio": round(med["slip"] / med["bare_canvas"], 2),
        "cpu_ratio": round(med_cpu["slip"] / med_cpu["bare_canvas"], 2),
        "cpu_ratio_app": round(med_cpu["slip"] / med_cpu["bare_canvas_app"], 2),
        "ratio_same_text": round(med["slip"] / med["same_text"], 2),
        "cpu_ratio_same_text": round(med_cpu["slip"] / med_cpu["same_text"], 2),
        "bytes": len(forms.render_receipt(slip, Layout())),
    }
    r = results["receipt"]
    print(
        f"receipt (render): {r['slip']['median_ms']} ms wall, {r['slip_cpu']['median_ms']} ms "
        f"CPU (target ≤ 2× the floor, < 50 ms)\n"
        f"  before wave 4, same rounds: {r['slip_before']['median_ms']} ms wall, "
        f"{r['slip_before_cpu']['median_ms']} ms CPU ({r['cpu_ratio_before']}× the floor's CPU)\n"
        f"  vs bare canvas, one string: {r['bare_canvas']['median_ms']} ms / "
        f"{r['bare_canvas_cpu']['median_ms']} ms CPU: {r['ratio']}× wall, {r['cpu_ratio']}× CPU\n"
        f"  vs the same with binary streams: {r['bare_canvas_app']['median_ms']} ms / "
        f"{r['bare_canvas_app_cpu']['median_ms']} ms CPU: {r['cpu_ratio_app']}× CPU\n"
        f"  vs same text, no layout ({len(lines)} lines × 2 copies): "
        f"{r['same_text']['median_ms']} ms / {r['same_text_cpu']['median_ms']} ms CPU: "
        f"{r['ratio_same_text']}× wall, {r['cpu_ratio_same_text']}× CPU"
    )
    service_receipt(rounds, results)


def service_receipt(rounds: int, results: dict[str, Any]) -> None:
    """The whole service call on a fresh station with one dossier."""
    from onestop_desktop.paths import DataDir
    from onestop_desktop.services import catalog, dossiers, slips, station
    from onestop_desktop.services.dossiers import Applicant as Person
    from onestop_desktop.services.dossiers import HandedIn, Intake

    with tempfile.TemporaryDirectory() as tmp:
        ctx = station.init_data_dir(
            DataDir(Path(tmp) / "data"),
            unit_code="000.00.12.H29",
            unit_name="UBND xã Tân Thành",
            station=1,
            admin="admin",
            password="admin-pass-1",
        )
        catalog.ensure_starter(ctx)
        d = dossiers.receive(
            ctx,
            Intake("1.004873", Person(name="Nguyễn Thị Lan"), documents=[HandedIn(1)]),
        )
        slips.receipt(ctx, d.code)
        times = timed(lambda: slips.receipt(ctx, d.code), rounds)
        cpu = list(CPU)
        ctx.store.close()
    results["receipt"]["service"] = ms(times)
    results["receipt"]["service_cpu"] = ms(cpu)
    print(
        f"receipt (service: data + render): {ms(times)['median_ms']} ms "
        f"(CPU {ms(cpu)['median_ms']} ms)"
    )


def section_ledger(rows: int, results: dict[str, Any]) -> None:
    lines = tuple(
        LedgerLine(
            f"000.00.12.H29-250706-{i % 10000:04d}",
            "Chứng thực bản sao từ bản chính giấy tờ, văn bản",
            1,
            "Nguyễn Thị Lan",
            "Thôn Đông, xã Tân Thành",
            "0912345678",
            datetime(2025, 7, 6, 8, tzinfo=clock.VN_TZ),
            datetime(2025, 7, 9, 8, tzinfo=clock.VN_TZ),
            None,
            "Đang xử lý",
        )
        for i in range(rows)
    )
    ledger = Ledger(HEAD, date(2025, 7, 1), date(2025, 7, 31), lines)
    start, cpu = time.perf_counter(), time.process_time()
    pdf = registers.render_ledger(ledger)
    took, took_cpu = time.perf_counter() - start, time.process_time() - cpu
    pages = pdf.count(b"/Type /Page\n") or pdf.count(b"/Type /Page")
    results["ledger"] = {
        "rows": rows,
        "seconds": round(took, 2),
        "cpu_seconds": round(took_cpu, 2),
        "bytes": len(pdf),
    }
    print(
        f"ledger of {rows:,} rows: {took:.1f} s (CPU {took_cpu:.1f} s), {len(pdf) / 1e6:.1f} MB "
        f"({pages} page objects)"
    )


OLD_FACTS_SQL = (
    "SELECT status, field, channel, received_at, due_at, finished_at, returned_at, "
    "refusal_reason, history, due_history, "
    "(SELECT json_group_array(r.at) FROM (SELECT e.at FROM events e "
    " WHERE e.dossier_id = dossiers.id AND e.kind = 'rescheduled' "
    " UNION ALL SELECT s.at FROM sync_events s "
    " WHERE s.dossier_id = dossiers.id AND s.kind = 'rescheduled' ORDER BY 1) r) "
    "FROM dossiers WHERE received_at <= ? AND (updated_at >= ? OR status NOT IN ({final}))"
)
"""The facts query before #10's wave 3 (one scan, a reschedule look-up per row): the floor's
counterpart, timed in the same run with ``--old``."""


def read_only_session(db: Path) -> Any:
    """The operator's session on ``db`` opened read-only (``mode=ro``): the 1,000,000-dossier
    demo is shared and must never be written, and ``Store.open`` would stamp its daily check."""
    import sqlite3

    import sqlite_utils

    from onestop_desktop.services.context import Session
    from onestop_desktop.store.db import Store

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, isolation_level=None)
    return Session.operator(Store(sqlite_utils.Database(conn, execute_plugins=False), None))


def _clock() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def _since(t: tuple[float, float]) -> dict[str, float]:
    return {
        "wall_s": round(time.perf_counter() - t[0], 2),
        "cpu_s": round(time.process_time() - t[1], 2),
    }


def section_report06(
    db: Path, periods: list[str], old: bool, whole: bool, results: dict[str, Any]
) -> None:
    """Biểu 06 as PDF for each period (``month``: the last full month of the data, ``year``:
    the twelve months before it, ``all``: every day of the data), on ``db`` read-only: the
    facts read alone (rows streamed, nothing parsed), the counting (``reports.report06``,
    which reads them again), the PDF rendering alone; the whole is their sum, or with
    ``whole`` the ``slips.report06_pdf`` call timed again on its own."""
    from onestop_desktop.services import reports, slips
    from onestop_desktop.store import reports as report_rows

    ctx = read_only_session(db)
    store = ctx.store
    out: dict[str, Any] = {
        "dossiers": store.db.execute("SELECT count(*) FROM dossiers").fetchone()[0]
    }
    first, last = store.db.execute(
        "SELECT min(received_at), max(received_at) FROM dossiers"
    ).fetchone()
    lo, hi = clock.parse_iso(first).date(), clock.parse_iso(last).date()
    month_end = hi.replace(day=1) - timedelta(days=1)
    spans = {
        "month": (month_end.replace(day=1), month_end),
        "year": ((month_end + timedelta(days=1)).replace(year=month_end.year - 1), month_end),
        "all": (lo, hi),
    }
    for name in periods:
        start, end = spans[name]
        a, b = f"{start.isoformat()}T00:00:00+07:00", f"{end.isoformat()}T23:59:59+07:00"
        fig: dict[str, Any] = {"period": [start.isoformat(), end.isoformat()]}
        t = _clock()
        fig["rows"] = sum(1 for _ in report_rows.facts_rows(store, a, b, reports.FINAL))
        fig["read"] = _since(t)
        if old:
            final = ", ".join(str(int(s)) for s in reports.FINAL)
            t = _clock()
            fig["old_rows"] = sum(
                1 for _ in store.db.execute(OLD_FACTS_SQL.format(final=final), [b, a])
            )
            fig["old_read"] = _since(t)
        t = _clock()
        data = reports.report06(ctx, start, end)
        fig["count"] = _since(t)
        t = _clock()
        pdf = registers.render_report06(
            data.report, slips.letterhead(ctx, end), "UBND", slips.anchor_lines(ctx)
        )
        fig["render"] = _since(t)
        if whole:  # the service call as the CLI makes it (counts the period again)
            t = _clock()
            pdf = slips.report06_pdf(ctx, start, end)
            fig["total"] = _since(t)
        else:
            fig["total"] = {k: round(fig["count"][k] + fig["render"][k], 2) for k in fig["count"]}
        fig["bytes"] = len(pdf)
        out[name] = fig
        old_text = (
            f"; the old query {fig['old_read']['wall_s']} s ({fig['old_read']['cpu_s']} s CPU)"
            if old
            else ""
        )
        print(
            f"Biểu 06 PDF, {name} {start} – {end} at {out['dossiers']:,} dossiers: "
            f"{fig['total']['wall_s']} s wall, {fig['total']['cpu_s']} s CPU in all; facts read "
            f"{fig['read']['wall_s']} s ({fig['read']['cpu_s']} s CPU, {fig['rows']:,} rows)"
            f"{old_text}; "
            f"counting {fig['count']['wall_s']} s ({fig['count']['cpu_s']} s CPU); rendering "
            f"{fig['render']['wall_s']} s",
            flush=True,
        )
    store.close()
    results["report06"] = out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="a demo data folder for the Biểu 06 figure (read-only)")
    parser.add_argument(
        "--periods",
        default="month,year",
        help="Biểu 06 periods: month, year, all (comma-separated)",
    )
    parser.add_argument("--old", action="store_true", help="also time the old facts query")
    parser.add_argument("--whole", action="store_true", help="also time slips.report06_pdf whole")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--ledger-rows", type=int, default=10_000)
    parser.add_argument("--sections", default="receipt,ledger,report06")
    args = parser.parse_args()
    sections = set(args.sections.split(","))
    results: dict[str, Any] = {"python": sys.version.split()[0]}
    if "receipt" in sections:
        section_receipt(args.rounds, results)
    if "ledger" in sections:
        section_ledger(args.ledger_rows, results)
    if "report06" in sections and args.data:
        section_report06(
            Path(args.data) / "onestop.db", args.periods.split(","), args.old, args.whole, results
        )
    OUT.mkdir(exist_ok=True)
    out = OUT / "slips.json"
    if out.exists():
        results = {**json.loads(out.read_text(encoding="utf-8")), **results}
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"figures saved to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
