"""The public board at scale (#13): refresh time at a million dossiers and CPU while idle.

* refresh: the worker's read (``services.board.snapshot`` on a read-only store) and, separately,
  the GUI-thread part (``BoardWindow.apply``: the widgets rebuilt from the snapshot). Target:
  under 100 ms of GUI-thread time per refresh.
* idle: the board shown offscreen for ``--idle`` seconds with its timers running (clock, rotation,
  data watch polling); CPU from ``/proc/self/stat`` utime+stime. Target: under 2% of one core.

Usage: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/board.py --data DIR`` where DIR is
a demo data folder (the 1M one of ``benchmarks/run.py --keep`` or any other); without it a demo
of ``--dossiers`` is generated first.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent / "out"


def cpu_seconds() -> float:
    """This process' user + system CPU time from ``/proc/self/stat``."""
    fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
    tick = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / tick


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="an existing demo data folder")
    parser.add_argument("--dossiers", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--idle", type=float, default=60.0)
    args = parser.parse_args()

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from onestop_desktop.paths import DataDir
    from onestop_desktop.services import board as board_service
    from onestop_desktop.services import demo
    from onestop_desktop.services.context import Session
    from onestop_desktop.store import board as board_rows
    from onestop_desktop.ui.board import BoardWindow

    if args.data:
        data = DataDir(Path(args.data))
    else:
        data = DataDir(Path(tempfile.mkdtemp(prefix="board-", dir=OUT)) / "data")
        demo.fill(data, args.dossiers)
    app = QApplication.instance() or QApplication([])
    store = board_rows.open_reader(data.database)
    ctx = Session.operator(store)
    count = int(store.db.execute("SELECT count(*) FROM dossiers").fetchone()[0])
    results: dict[str, Any] = {"dossiers": count, "load_1min": os.getloadavg()[0]}

    reads, parts = [], {"lanes": [], "figures": [], "procedures": []}
    snap = None
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        snap = board_service.snapshot(ctx)
        reads.append((time.perf_counter() - t0) * 1000)
        day = snap.at.date()
        for name, fn in (
            ("lanes", lambda day=day: board_service.lanes(ctx, day)),
            ("figures", lambda day=day: board_service.figures(ctx, day)),
            ("procedures", lambda: board_service.procedures(ctx)),
        ):
            t0 = time.perf_counter()
            fn()
            parts[name].append((time.perf_counter() - t0) * 1000)
    assert snap is not None
    results["worker_read_ms"] = {"median": statistics.median(reads), "max": max(reads)}
    results["worker_parts_median_ms"] = {k: statistics.median(v) for k, v in parts.items()}
    results["lanes"] = {k: len(v) for k, v in snap.lanes.items()}

    for height, width in ((1080, 1920), (768, 1366)):
        w = BoardWindow(ctx, height=height, watch=False)
        w.resize(width, height)
        w.show()
        gui = []
        for _ in range(args.rounds):
            t0 = time.perf_counter()
            w.apply(snap)
            app.processEvents()  # layout and paint of what apply changed
            gui.append((time.perf_counter() - t0) * 1000)
        results[f"gui_apply_ms_{height}"] = {"median": statistics.median(gui), "max": max(gui)}
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
    QTimer.singleShot(120_000, loop.quit)
    loop.exec()  # the first refresh
    c0, t0 = cpu_seconds(), time.monotonic()
    QTimer.singleShot(int(args.idle * 1000), app.quit)
    app.exec()
    cpu, wall = cpu_seconds() - c0, time.monotonic() - t0
    results["idle"] = {"seconds": wall, "cpu_seconds": cpu, "percent_of_one_core": 100 * cpu / wall}
    board.stop()
    OUT.mkdir(exist_ok=True)
    out = OUT / f"board-{count}.json"
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    print(json.dumps(results, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
