"""Printed slips (#10): how long the PDFs take.

* ``receipt``: one Mẫu 01 (both copies on one A4, QR code, fonts subset), warm (fonts
  registered, one slip already made), rendered from its data by ``slips.forms.render_receipt``;
  beside it a bare reportlab canvas with one string in the same DejaVu Sans, also warm. Also the
  whole service call (``services.slips.receipt``: detail, timeline, ledger position, render).
  Target: ≤ 2× the bare canvas and under 50 ms.
* ``ledger``: Mẫu 06 of 10,000 rows (``slips.registers.render_ledger``).
* ``report06``: the Biểu 06 PDF of a demo folder (``--data DIR``, e.g. 1,000,000 dossiers made by
  ``onestop demo``): the whole ``services.slips.report06_pdf`` and, inside it, the counting
  (``services.reports.report06``) and the rendering alone.

    .venv/bin/python benchmarks/slips.py [--data DIR] [--rounds 20]

Figures are printed and written to ``benchmarks/out/slips.json``.
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path
from typing import Any

from reportlab.pdfgen import canvas

from onestop_desktop.domain import clock
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
    out = []
    CPU.clear()
    for _ in range(rounds):
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


def bare_canvas() -> bytes:
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer)
    c.setFont(base.FONT, 11)
    c.drawString(72, 720, "Giấy tiếp nhận hồ sơ và hẹn trả kết quả")
    c.save()
    return buffer.getvalue()


def section_receipt(rounds: int, results: dict[str, Any]) -> None:
    base.register_fonts()
    slip = receipt_slip()
    forms.render_receipt(slip, Layout())  # warm: fonts loaded, modules imported
    bare_canvas()
    slip_times = timed(lambda: forms.render_receipt(slip, Layout()), rounds)
    slip_cpu = list(CPU)
    bare_times = timed(bare_canvas, rounds)
    bare_cpu = list(CPU)
    ratio = statistics.median(slip_times) / statistics.median(bare_times)
    cpu_ratio = statistics.median(slip_cpu) / statistics.median(bare_cpu)
    results["receipt"] = {
        "slip": ms(slip_times),
        "bare_canvas": ms(bare_times),
        "slip_cpu": ms(slip_cpu),
        "bare_canvas_cpu": ms(bare_cpu),
        "ratio": round(ratio, 2),
        "cpu_ratio": round(cpu_ratio, 2),
        "bytes": len(forms.render_receipt(slip, Layout())),
    }
    print(
        f"receipt (render): {ms(slip_times)['median_ms']} ms; bare canvas "
        f"{ms(bare_times)['median_ms']} ms; ratio {ratio:.1f}× (target ≤ 2×, < 50 ms); CPU "
        f"{ms(slip_cpu)['median_ms']} ms vs {ms(bare_cpu)['median_ms']} ms ({cpu_ratio:.1f}×)"
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


def section_report06(folder: Path, results: dict[str, Any]) -> None:
    from onestop_desktop.services import reports, slips
    from onestop_desktop.services.context import Session
    from onestop_desktop.store.db import Store

    store = Store.open(folder / "onestop.db")
    try:
        ctx = Session.operator(store)
        count = store.db.execute("SELECT count(*) FROM dossiers").fetchone()[0]
        first, last = store.db.execute(
            "SELECT min(received_at), max(received_at) FROM dossiers"
        ).fetchone()
        start, end = clock.parse_iso(first).date(), clock.parse_iso(last).date()
        t0 = time.perf_counter()
        data = reports.report06(ctx, start, end)
        t1 = time.perf_counter()
        head = slips.letterhead(ctx, end)
        registers.render_report06(data.report, head, "UBND", slips.anchor_lines(ctx))
        t2 = time.perf_counter()
        slips.report06_pdf(ctx, start, end)
        t3 = time.perf_counter()
    finally:
        store.close()
    results["report06"] = {
        "dossiers": count,
        "period": [start.isoformat(), end.isoformat()],
        "count_seconds": round(t1 - t0, 2),
        "render_seconds": round(t2 - t1, 3),
        "total_seconds": round(t3 - t2, 2),
    }
    print(
        f"Biểu 06 PDF at {count:,} dossiers ({start} – {end}): {t3 - t2:.1f} s in all; counting "
        f"{t1 - t0:.1f} s, rendering {(t2 - t1) * 1000:.0f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="a demo data folder for the Biểu 06 figure")
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
        section_report06(Path(args.data), results)
    OUT.mkdir(exist_ok=True)
    out = OUT / "slips.json"
    if out.exists():
        results = {**json.loads(out.read_text(encoding="utf-8")), **results}
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"figures saved to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
