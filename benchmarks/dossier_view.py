"""Opening a dossier view at a million dossiers (#9: target < 100 ms).

    .venv/bin/python benchmarks/dossier_view.py DATA_DIR [--rounds 60]
    .venv/bin/python benchmarks/dossier_view.py DATA_DIR --dossiers 1000000   # builds it first
    .venv/bin/python benchmarks/dossier_view.py COPY_DIR --inflate-to 1000000 # see inflate()
    .venv/bin/python benchmarks/dossier_view.py DATA_DIR --read-only  # a shared, read-only demo

DATA_DIR is a demo data folder (``onestop demo --dossiers N``, as ``benchmarks/run.py --keep``
leaves one); when it has no database yet, one is made there with ``--dossiers`` (default one
million: 10–20 minutes) and kept for the next run.

What is timed, per dossier: ``DossierView.load(code)`` (the three service reads: detail,
timeline, allowed actions; filling every field, table and button) plus the event processing
until the view is laid out and painted (``processEvents`` twice: the layout requests, then
the paint of the shown window), in a 1024×768 window — what the clerk waits for between Enter and a
readable screen. The dossiers are drawn at random over the whole table, and again among
those with the longest histories (returned ones). The very first open (cold caches, first
layout) is reported on its own. On a shared machine the wall time counts the other
processes' turns too, so the process's own CPU time per open is given beside it (with the
load average). Figures go to stdout and to
``benchmarks/out/dossier_view-<N>.json``.

Wave 4 (#9) adds, per open and on the GUI thread's own CPU clock (``thread_time``):

* ``phases_cpu``: the service reads (detail, timeline, allowed actions), filling the widgets
  (the rest of ``load``), and the layout and paint (the two ``processEvents``);
* ``repaint_floor``: right after each open, the same window repainted with nothing changed
  (``update()`` then the same two ``processEvents``): what any frame of that window costs, the
  floor under the layout-and-paint phase;
* ``time_left``: the time left of the open dossiers (statuses 2, 4, 5, 6 with an appointment),
  the span computed as ``services.dossiers._time_left`` does, by
  ``services.calendar.working_hours_between`` (the calendar's running count) interleaved row by
  row with the day-by-day walk it replaced (kept below as ``walk_hours``, the floor of the old
  code), and ``services.search.time_left`` for pages of 30 open rows (what the worklist's paint
  asks at each keystroke); then single spans of 1 day to 10 years (an old overdue dossier),
  both ways.

``--read-only`` turns on the store's write watch (``Store.watch_writes``, which ``Store.open``
does), so the store keeps the calendar and the checklists as the app does; before wave 4 the
benchmark's read-only store kept nothing and rebuilt the calendar at every open (~1 ms).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

from onestop_desktop.domain.clock import to_vn

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
TARGET_MS = 100.0


def build(folder: Path, dossiers: int) -> None:
    """A demo station with ``dossiers`` dossiers in ``folder`` (the CLI's own ``demo``)."""
    print(f"building a demo with {dossiers:,} dossiers in {folder} …", flush=True)
    t0 = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "onestop_desktop",
            "--data-dir",
            str(folder),
            "demo",
            "--dossiers",
            str(dossiers),
            "--quiet",
        ],
        check=True,
    )
    print(f"built in {time.perf_counter() - t0:.0f} s", flush=True)


def inflate(database: Path, target: int) -> None:
    """Copy the folder's dossiers (rows and their events, under new ids, codes and event
    numbers) until it holds ``target`` rows: a quick stand-in for a long ``demo`` run when only
    the size of the tables and their indexes matters (a dossier view reads one dossier by its
    code, its events by the dossier id). The copies' hash chain is not valid: never use such a
    folder for anything but this benchmark. The copies are not added to the search index (its
    insert trigger is dropped while copying, then put back; the view does not search)."""
    import sqlite3

    db = sqlite3.connect(database)
    (trigger,) = db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'dossiers_fts_ai'"
    ).fetchone()
    db.execute("DROP TRIGGER dossiers_fts_ai")
    total = int(db.execute("SELECT count(*) FROM dossiers").fetchone()[0])
    round_ = 0
    while total < target:
        round_ += 1
        low, high = (
            int(v) for v in db.execute("SELECT min(rid), max(rid) FROM dossiers").fetchone()
        )
        take = min(target - total, total)
        suffix = f"-c{round_}"
        print(f"copying {take:,} dossiers ({suffix}) …", flush=True)
        with db:
            db.execute(
                "CREATE TEMP TABLE pick AS SELECT id FROM dossiers WHERE rid <= ? "
                "ORDER BY rid LIMIT ?",
                [high, take],
            )
            cols = [r[1] for r in db.execute("PRAGMA table_info(dossiers)")]
            out = ", ".join(
                f"rid + {high - low + 1}"
                if c == "rid"
                else f"id || '{suffix}'"
                if c == "id"
                else f"code || '{suffix.upper()}'"  # codes are upper case
                if c == "code"
                else c
                for c in cols
            )
            db.execute(
                f"INSERT INTO dossiers ({', '.join(cols)}) SELECT {out} FROM dossiers "
                "WHERE id IN (SELECT id FROM pick)"
            )
            seq = int(db.execute("SELECT max(seq) FROM events").fetchone()[0])
            db.execute(
                "INSERT INTO events (station_id, seq, dossier_id, kind, actor, at, payload, "
                f"prev_hash, hash) SELECT station_id, seq + {seq}, dossier_id || '{suffix}', kind, "
                "actor, at, payload, prev_hash, hash FROM events "
                "WHERE dossier_id IN (SELECT id FROM pick)"
            )
            db.execute("DROP TABLE pick")
        total = int(db.execute("SELECT count(*) FROM dossiers").fetchone()[0])
    db.execute(trigger)  # the store refuses a schema that differs from its own
    db.commit()
    db.close()


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def summary(values: list[float]) -> dict[str, float]:
    return {
        "median_ms": statistics.median(values),
        "p95_ms": pct(values, 95),
        "max_ms": max(values),
    }


def walk_hours(cal: Any, start: Any, end: Any) -> float:
    """The day-by-day loop ``services.calendar.working_hours_between`` was before wave 4 (the
    reference its tests keep too): timed beside the running count, row by row."""
    if end <= start:
        return 0.0
    total = timedelta()
    day = to_vn(start).date()
    last = to_vn(end).date()
    while day <= last:
        if cal.is_working_day(day):
            for p_start, p_end in cal.periods_on(day):
                a, b = max(p_start, start), min(p_end, end)
                if b > a:
                    total += b - a
        day += timedelta(days=1)
    return total / timedelta(hours=1)


def time_left_figures(session: Any, rounds: int = 20) -> dict[str, Any]:
    """The time left of every open dossier with an appointment: the span as ``_time_left``
    computes it, by the running count and by the old walk, interleaved (thread CPU time), and
    ``services.search.time_left`` for pages of ``PAGE`` rows."""
    from onestop_desktop.domain.clock import parse_iso
    from onestop_desktop.services import calendar as calendar_service
    from onestop_desktop.services import search
    from onestop_desktop.services.views import DossierSummary

    store = session.store
    rows = store.query("SELECT * FROM dossiers WHERE status IN (2, 4, 5, 6) AND due_at IS NOT NULL")
    cal = calendar_service.load_calendar(store)
    now = session.now()
    spans = []
    for row in rows:
        due_at = parse_iso(str(row["due_at"]))
        start = parse_iso(str(row["paused_since"])) if row.get("paused_since") else now
        spans.append((due_at, start) if start > due_at else (start, due_at))
    fast: list[float] = []
    slow: list[float] = []
    same = True
    for _ in range(rounds):
        c0 = time.thread_time()
        got = [calendar_service.working_hours_between(cal, a, b) for a, b in spans]
        c1 = time.thread_time()
        want = [walk_hours(cal, a, b) for a, b in spans]
        c2 = time.thread_time()
        same = same and got == want
        fast.append(c1 - c0)
        slow.append(c2 - c1)
    items = [DossierSummary.from_row(r) for r in rows]
    pages = [items[i : i + PAGE] for i in range(0, len(items), PAGE)] or [[]]
    creations: dict[Any, Any] = {}
    search.time_left(
        session, pages[0], creations=creations
    )  # the creations kept, as the model does
    page_cpu = []
    for page in pages * max(1, 60 // len(pages)):
        c0 = time.thread_time()
        search.time_left(session, page, creations=creations)
        page_cpu.append((time.thread_time() - c0) * 1000)
    # Spans of a day to ten years (an old overdue dossier): the walk grows, the count does not.
    by_span: dict[str, dict[str, float]] = {}
    start = now
    for days in (1, 10, 100, 1000, 3650):
        end = start + timedelta(days=days)
        runs = max(3, 2000 // days)
        c0 = time.thread_time()
        for _ in range(runs):
            hours = calendar_service.working_hours_between(cal, start, end)
        c1 = time.thread_time()
        for _ in range(runs):
            walked = walk_hours(cal, start, end)
        c2 = time.thread_time()
        by_span[f"{days}_days"] = {
            "count_us": (c1 - c0) / runs * 1e6,
            "walk_us": (c2 - c1) / runs * 1e6,
            "same": float(hours == walked),
        }
    n = max(1, len(spans))
    return {
        "by_span": by_span,
        "rows": len(spans),
        "per_row_us": statistics.median(fast) / n * 1e6,
        "walk_per_row_us": statistics.median(slow) / n * 1e6,
        "same_hours": same,
        "page_rows": PAGE,
        "page": summary(page_cpu),
    }


PAGE = 30


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--rounds", type=int, default=60)
    parser.add_argument("--dossiers", type=int, default=1_000_000)
    parser.add_argument(
        "--inflate-to",
        type=int,
        help="copy the folder's dossiers until it has this many (benchmark-only folder)",
    )
    parser.add_argument(
        "--read-only",
        action="store_true",
        help="open the database read-only (a shared benchmark database; the view only reads)",
    )
    args = parser.parse_args()
    database = args.data_dir / "onestop.db"
    if not database.exists():
        build(args.data_dir, args.dossiers)
    if args.inflate_to:
        inflate(database, args.inflate_to)

    from PySide6.QtWidgets import QApplication, QMainWindow

    from onestop_desktop.services.context import Session
    from onestop_desktop.store.db import Store
    from onestop_desktop.ui.dossier_view import DossierView

    app = QApplication(sys.argv[:1])
    if args.read_only:
        from onestop_desktop.store.backup_peek import open_read_only

        store = open_read_only(database)
        store.watch_writes()  # as Store.open does: the calendar and checklists are kept
    else:
        store = Store.open(database, integrity="none")
    session = Session.operator(store)
    total = int(store.db.execute("SELECT count(*) FROM dossiers").fetchone()[0])
    # Spread over the whole table: one seek per point of the rowid range (no ORDER BY random()
    # over a million rows).
    low, high = (
        int(v) for v in store.db.execute("SELECT min(rowid), max(rowid) FROM dossiers").fetchone()
    )
    points = [low + (high - low) * i // args.rounds for i in range(args.rounds + 1)]

    def pick(extra: str) -> list[str]:
        codes: list[str] = []
        for point in points:
            row = store.db.execute(
                f"SELECT code FROM dossiers WHERE rowid >= ? {extra} ORDER BY rowid LIMIT 1",
                [point],
            ).fetchone()
            if row is not None and str(row[0]) not in codes:
                codes.append(str(row[0]))
        return codes

    spread = pick("")
    returned = pick("AND status = 10")

    window = QMainWindow()
    view = DossierView(session)
    window.setCentralWidget(view)
    window.resize(1024, 740)
    window.show()
    app.processEvents()

    cpu: list[float] = []
    phases: dict[str, list[float]] = {"service": [], "fill": [], "layout_paint": []}
    floor: list[float] = []
    from onestop_desktop.services import actions as action_service
    from onestop_desktop.services import dossiers

    service_cpu = [0.0]

    def timed(module: Any, name: str) -> None:
        real = getattr(module, name)

        def call(*args: Any, **kwargs: Any) -> Any:
            c0 = time.thread_time()
            try:
                return real(*args, **kwargs)
            finally:
                service_cpu[0] += time.thread_time() - c0

        setattr(module, name, call)

    for module, name in (
        (dossiers, "detail"),
        (dossiers, "timeline"),
        (action_service, "actions_for"),
    ):
        timed(module, name)

    def open_once(code: str) -> float:
        service_cpu[0] = 0.0
        t0, c0, p0 = time.perf_counter(), time.thread_time(), time.process_time()
        view.load(code)
        c1 = time.thread_time()
        app.processEvents()  # layout, then the paint of the shown window
        app.processEvents()
        c2 = time.thread_time()
        wall = (time.perf_counter() - t0) * 1000
        cpu.append((c2 - c0) * 1000)
        process_cpu.append((time.process_time() - p0) * 1000)
        phases["service"].append(service_cpu[0] * 1000)
        phases["fill"].append((c1 - c0 - service_cpu[0]) * 1000)
        phases["layout_paint"].append((c2 - c1) * 1000)
        # The floor: the same window repainted with nothing changed.
        f0 = time.thread_time()
        window.update()
        view.update()
        app.processEvents()
        app.processEvents()
        floor.append((time.thread_time() - f0) * 1000)
        return wall

    process_cpu: list[float] = []
    first_ms = open_once(spread[0])
    cpu.clear()
    process_cpu.clear()
    floor.clear()
    for values in phases.values():
        values.clear()
    timings = {
        "any": [open_once(c) for c in spread[1:]],
        "returned": [open_once(c) for c in returned],
    }
    # The service part alone (detail + timeline), for comparison with the whole open.
    service = []
    for code in spread[1:]:
        t0 = time.perf_counter()
        d = dossiers.detail(session, code)
        dossiers.timeline(session, d.id)
        service.append((time.perf_counter() - t0) * 1000)
    time_left = time_left_figures(session)
    load = os.getloadavg()[0]

    copies = int(
        store.db.execute("SELECT count(*) FROM dossiers WHERE id LIKE '%-c_'").fetchone()[0]
    )
    results: dict[str, Any] = {
        "dossiers": total,
        "of_which_copies": copies,
        "python": sys.version.split()[0],
        "window": "1024x740",
        "first_open_ms": first_ms,
        "open_any": summary(timings["any"]) | {"n": len(timings["any"])},
        "open_returned": summary(timings["returned"]) | {"n": len(timings["returned"])},
        "open_cpu": summary(cpu),
        "open_process_cpu": summary(process_cpu),
        "phases_cpu": {name: summary(values) for name, values in phases.items()},
        "repaint_floor_cpu": summary(floor),
        "service_reads": summary(service),
        "time_left": time_left,
        "load_average_1min": load,
        "cpus": os.cpu_count(),
        "target_ms": TARGET_MS,
    }
    worst = max(results["open_any"]["p95_ms"], results["open_returned"]["p95_ms"])
    results["p95_over_target"] = worst / TARGET_MS
    print(
        f"dossiers: {total:,}" + (f" ({copies:,} of them copies, --inflate-to)" if copies else "")
    )
    print(f"first open (cold):        {first_ms:7.1f} ms")
    rows = [(name, results[name]) for name in ("open_any", "open_returned", "open_cpu")]
    rows += [(f"  cpu: {name}", r) for name, r in results["phases_cpu"].items()]
    rows += [("repaint floor (cpu)", results["repaint_floor_cpu"])]
    rows += [("service_reads", results["service_reads"])]
    for name, r in rows:
        print(
            f"{name:24s}  median {r['median_ms']:6.2f} ms   p95 {r['p95_ms']:6.2f} ms   "
            f"max {r['max_ms']:6.2f} ms"
        )
    tl = results["time_left"]
    print(
        f"time left, {tl['rows']} open rows: per row {tl['per_row_us']:.1f} µs "
        f"(day walk {tl['walk_per_row_us']:.1f} µs), same hours: {tl['same_hours']}; "
        f"a page of {tl['page_rows']}: median {tl['page']['median_ms']:.2f} ms CPU"
    )
    for name, r in tl["by_span"].items():
        print(
            f"  one span of {name.replace('_', ' ')}: running count {r['count_us']:8.1f} µs, "
            f"day walk {r['walk_us']:8.1f} µs, same hours: {bool(r['same'])}"
        )
    print(f"p95 / target ({TARGET_MS:.0f} ms): {results['p95_over_target']:.2f}")
    print(f"machine: {os.cpu_count()} CPUs, load average {load:.1f} during the run")
    OUT.mkdir(exist_ok=True)
    out = OUT / f"dossier_view-{total}.json"
    out.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"figures saved to {out}")
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
