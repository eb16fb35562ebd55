"""The public board at scale (#13): refresh time at a million dossiers, first show, idle CPU.

* worker read: ``services.board.snapshot`` on a read-only store, three ways, interleaved in
  the same run so the ratios are fair on a loaded machine: the figures as the dashboard reads
  them (``store.reports.facts_rows``, a scan, then ``domain.stats.report``: the floor the board
  used to pay), the board's figures cache read whole (the first refresh of a day: two index
  ranges, m006), and the cache's refresh after nothing or a little changed (only the dossiers
  whose ``updated_at`` moved). Wall and CPU time (``time.process_time``) for each.
* GUI thread: ``BoardWindow.apply`` of a snapshot plus the layout and paint it causes, at
  1920×1080 and 1366×768. Target: under 100 ms per refresh.
* first show: from ``BoardWindow(...)`` to its first paint done (the frame with the name and the
  clock; the data comes when the worker brings it), the first of the process (fonts loaded)
  and a later one; and the first ``apply`` of data into a new window. Target: 100 ms.
* idle: the board shown offscreen for ``--idle`` seconds with its timers running (clock,
  rotation, data watch polling); CPU from ``/proc/self/stat`` utime+stime. Target: under 2% of
  one core.

Usage: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/board.py --data DIR`` where DIR
is a demo data folder (opened read-only: never written); without it a demo of ``--dossiers`` is
generated first. ``--write`` (only on a copy you own) also times the cache's refresh after a
clerk's action (a result marked ready).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent / "out"


def cpu_seconds() -> float:
    """This process' user + system CPU time from ``/proc/self/stat``."""
    fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
    tick = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / tick


def timed(fn: Callable[[], object]) -> tuple[float, float]:
    """``fn()``'s wall and CPU milliseconds."""
    w0, c0 = time.perf_counter(), time.process_time()
    fn()
    return (time.perf_counter() - w0) * 1000, (time.process_time() - c0) * 1000


def summary(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {
        "median": round(statistics.median(ordered), 2),
        "p95": round(p95, 2),
        "max": round(ordered[-1], 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="an existing demo data folder (read-only)")
    parser.add_argument("--dossiers", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--gui-rounds", type=int, default=30)
    parser.add_argument("--idle", type=float, default=60.0)
    parser.add_argument("--write", action="store_true", help="also time a refresh after a write")
    args = parser.parse_args()

    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from onestop_desktop.domain import clock
    from onestop_desktop.domain.stats import report
    from onestop_desktop.paths import DataDir
    from onestop_desktop.services import board as board_service
    from onestop_desktop.services import demo, reports, settings
    from onestop_desktop.services.context import Session
    from onestop_desktop.services.dashboard import month_of
    from onestop_desktop.store import board as board_rows
    from onestop_desktop.store import reports as report_rows
    from onestop_desktop.ui.board import BoardWindow

    if args.data:
        data = DataDir(Path(args.data))
    else:
        data = DataDir(Path(tempfile.mkdtemp(prefix="board-", dir=OUT)) / "data")
        demo.fill(data, args.dossiers)
    app = QApplication.instance() or QApplication([])

    class Painted(QObject):
        """Notes the first paint of the watched widget."""

        def __init__(self) -> None:
            super().__init__()
            self.done = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.done = True
            return False

    def first_show(ctx: Session, width: int, height: int) -> tuple[float, float, BoardWindow]:
        painted = Painted()
        w0, c0 = time.perf_counter(), time.process_time()
        w = BoardWindow(ctx, height=height, watch=False)
        w.installEventFilter(painted)
        w.resize(width, height)
        w.show()
        while not painted.done:
            app.processEvents()
        return (time.perf_counter() - w0) * 1000, (time.process_time() - c0) * 1000, w

    store = board_rows.open_reader(data.database)
    ctx = Session.operator(store)
    count = int(store.db.execute("SELECT count(*) FROM dossiers").fetchone()[0])
    results: dict[str, Any] = {
        "dossiers": count,
        "load_1min_start": round(os.getloadavg()[0], 2),
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }

    # First show, before anything else has laid out text in this process (fonts cold).
    cold_wall, cold_cpu, cold = first_show(ctx, 1920, 1080)
    results["first_show_cold_ms"] = {"wall": round(cold_wall, 1), "cpu": round(cold_cpu, 1)}
    cold.stop()
    cold.close()

    day = clock.to_vn(ctx.now()).date()
    start, _end = month_of(day)
    first, last = f"{start.isoformat()}T00:00:00+07:00", f"{day.isoformat()}T23:59:59+07:00"
    basis = settings.value(ctx.store, settings.ON_TIME_BASIS)

    def dashboard_way() -> None:  # the floor: the scan every report makes today
        facts = [reports.fact(r) for r in report_rows.facts_rows(store, first, last, reports.FINAL)]
        report(facts, start, day, on_time_basis=basis)

    warm_cache = board_service.FigureCache()
    warm_cache.figures(ctx, day)
    keys = ("dashboard_scan", "cache_full", "cache_refresh", "snapshot_refresh")
    walls: dict[str, list[float]] = {k: [] for k in keys}
    cpus: dict[str, list[float]] = {k: [] for k in keys}
    rows_read: dict[str, int] = {}
    for _ in range(args.rounds):  # interleaved: each round runs every way once
        for key, fn in (
            ("dashboard_scan", dashboard_way),
            ("cache_full", lambda: board_service.FigureCache().figures(ctx, day)),
            ("cache_refresh", lambda: warm_cache.figures(ctx, day)),
            ("snapshot_refresh", lambda: board_service.snapshot(ctx, cache=warm_cache)),
        ):
            wall, cpu = timed(fn)
            walls[key].append(wall)
            cpus[key].append(cpu)
        rows_read["cache_refresh"] = warm_cache.last_read
    full = board_service.FigureCache()
    full.figures(ctx, day)
    rows_read["cache_full"] = full.last_read
    results["figures_ms"] = {k: {"wall": summary(walls[k]), "cpu": summary(cpus[k])} for k in keys}
    results["figures_rows_read"] = rows_read
    assert full.figures(ctx, day) == warm_cache.figures(ctx, day)
    snap = board_service.snapshot(ctx, cache=warm_cache)
    parts: dict[str, list[float]] = {"lanes": [], "procedures": []}
    for _ in range(args.rounds):
        parts["lanes"].append(timed(lambda: board_service.lanes(ctx, day))[0])
        parts["procedures"].append(timed(lambda: board_service.procedures(ctx))[0])
    results["snapshot_parts_wall_ms"] = {k: summary(v) for k, v in parts.items()}
    results["lanes"] = {k: len(v) for k, v in snap.lanes.items()}

    if args.write:  # a clerk's action on this copy, then the cache's refresh
        from onestop_desktop.services import dossiers
        from onestop_desktop.store.db import Store

        writer = Store.open(data.database)
        wctx = Session.operator(writer)
        after: list[float] = []
        for _ in range(args.rounds):
            code = writer.db.execute(
                "SELECT code FROM dossiers WHERE status = 4 ORDER BY rid DESC LIMIT 1"
            ).fetchone()[0]
            dossiers.act(wctx, code, "result_ready", {})
            after.append(timed(lambda: board_service.snapshot(ctx, cache=warm_cache))[0])
        writer.close()
        results["snapshot_after_one_write_wall_ms"] = summary(after)
        assert board_service.FigureCache().figures(ctx, day) == warm_cache.figures(ctx, day)

    import dataclasses

    from onestop_desktop.ui.lookup import answer_html

    ready = snap.lanes["ready"]
    found = board_service.lookup(ctx, ready[0].code) if ready else None
    # a refresh whose data changed: a snapshot with one ready dossier fewer and other
    # figures, every other round (the ready list, a call-out and the figures line redrawn)
    other = dataclasses.replace(
        snap,
        lanes={**snap.lanes, "ready": ready[1:]},
        today=dataclasses.replace(snap.today, received=snap.today.received + 1),
    )

    def gui(fn: Callable[[], object]) -> tuple[float, float]:
        return timed(lambda: (fn(), app.processEvents()))  # with the layout and paint

    def both(values: list[tuple[float, float]]) -> dict[str, dict[str, float]]:
        return {"wall": summary([v[0] for v in values]), "cpu": summary([v[1] for v in values])}

    def measure_gui(w: BoardWindow, rounds: int) -> dict[str, Any]:
        first_apply = gui(lambda: w.apply(snap))
        same = [gui(lambda: w.apply(snap)) for _ in range(9)]
        changed = [gui(lambda i=i: w.apply(other if i % 2 else snap)) for i in range(rounds)]
        rotate = [gui(w.next_page) for _ in range(rounds)]
        lookup = []
        for _ in range(rounds):
            lookup.append(gui(lambda: w._show_lookup(answer_html(found))))
            w.hide_lookup()
            app.processEvents()
        return {
            "first_apply": {"wall": round(first_apply[0], 1), "cpu": round(first_apply[1], 1)},
            "apply_unchanged": both(same),
            "apply_changed": both(changed),
            "rotate": both(rotate),
            "lookup_panel": both(lookup),
        }

    for height, width in ((1080, 1920), (768, 1366)):
        wall, cpu, w = first_show(ctx, width, height)
        results[f"gui_{width}x{height}_ms"] = {
            "first_show": {"wall": round(wall, 1), "cpu": round(cpu, 1)},
            **measure_gui(w, args.gui_rounds),
        }
        w.stop()
        w.close()
        w.deleteLater()
        app.processEvents()

    # Idle: the board as it runs (clock, rotation, data watch at 1 s), nothing written.
    store.close()
    reader = board_rows.open_reader(data.database)
    idle_ctx = Session.operator(reader)
    board = BoardWindow(idle_ctx, height=1080)
    board.resize(1920, 1080)
    board.show()
    loop = QEventLoop()
    board.refreshed.connect(loop.quit)
    QTimer.singleShot(300_000, loop.quit)
    loop.exec()  # the first refresh
    c0, t0 = cpu_seconds(), time.monotonic()
    QTimer.singleShot(int(args.idle * 1000), app.quit)
    app.exec()
    cpu, wall = cpu_seconds() - c0, time.monotonic() - t0
    results["idle"] = {
        "seconds": round(wall, 1),
        "cpu_seconds": round(cpu, 3),
        "percent_of_one_core": round(100 * cpu / wall, 3),
    }
    board.stop()
    reader.close()
    results["load_1min_end"] = round(os.getloadavg()[0], 2)
    OUT.mkdir(exist_ok=True)
    out = OUT / f"board-{count}.json"
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    print(json.dumps(results, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
