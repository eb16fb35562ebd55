"""Soak test: drive the main window offscreen (search as typed, each filter, scroll, open a
dossier view and go back, the dashboard) in a loop for N minutes and print the resident memory
as it goes.

    .venv/bin/python benchmarks/soak.py DATA_DIR [--minutes 10] [--every 30] [--pause 0]

``--pause`` seconds of idle event loop between rounds (a clerk's pace, and a machine shared
with other work: the data watch and the clocks keep running meanwhile).

One JSON line per sample on stdout ({"t_s", "loops", "rss_mb"}), then a summary line with
the first, the peak and the last RSS and the growth over the second half of the run (a leak
shows as steady growth there; the first minutes include Qt's and SQLite's caches warming up).
Also the slope of a straight line fitted to the second half's samples (MB per hour): "not
growing" means about 0. Target: below 300 MB and not growing. Read-only: it never writes to
the database.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

WORDS = ["nguyen van", "tran thi", "le", "pham minh duc", "0912", "hoang"]


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--every", type=float, default=30.0, help="seconds between samples")
    parser.add_argument("--pause", type=float, default=0.0, help="idle seconds between rounds")
    args = parser.parse_args()

    app = QApplication(sys.argv[:1])
    from onestop_desktop.services.context import Session
    from onestop_desktop.services.search import STATUS_GROUPS, Filters
    from onestop_desktop.store.db import Store
    from onestop_desktop.ui import i18n
    from onestop_desktop.ui.dashboard import DashboardScreen
    from onestop_desktop.ui.mainwindow import MainWindow

    i18n.install("vi")
    store = Store.open(args.data_dir / "onestop.db", integrity="none")
    session = Session.operator(store)
    ini = Path(os.environ.get("TMPDIR", "/tmp")) / f"onestop-soak-{os.getpid()}.ini"
    window = MainWindow(session, settings=QSettings(str(ini), QSettings.Format.IniFormat))
    window.resize(1008, 720)
    window.show()
    app.processEvents()
    screen = window.worklist
    filters = [
        Filters(),
        *(Filters(group=g) for g in STATUS_GROUPS),
        Filters(due_today=True),
        Filters(overdue=True),
        Filters(supplement=True),
        Filters(mine=True),
    ]

    def settle(seconds: float = 0.0) -> None:
        end = time.monotonic() + seconds
        while True:
            app.processEvents()
            if time.monotonic() >= end:
                return
            time.sleep(0.01)

    start = time.monotonic()
    stop = start + args.minutes * 60
    next_sample = start
    loops = 0
    samples: list[tuple[float, float]] = []
    while True:
        now = time.monotonic()
        if now >= next_sample:
            sample = (round(now - start, 1), round(rss_mb(), 1))
            samples.append(sample)
            print(json.dumps({"t_s": sample[0], "loops": loops, "rss_mb": sample[1]}), flush=True)
            next_sample += args.every
        if now >= stop:
            break
        word = WORDS[loops % len(WORDS)]
        screen.set_filters(filters[loops % len(filters)])
        for n in range(1, len(word) + 1):  # typed a key at a time
            screen.search_box.setText(word[:n])
            screen.apply_search()
            settle()
        bar = window.table.verticalScrollBar()
        for _ in range(5):  # scroll down: fetchMore pages in
            bar.setValue(bar.maximum())
            settle()
        if window.model.rowCount():  # Enter on a row: its dossier view, then back
            window.open_dossier(window.model.dossier(loops % window.model.rowCount()).code)
            settle()
            window.back_to_worklist()
            settle()
        screen.clear_search()
        settle(args.pause)
        if loops % 5 == 0:
            dashboard = window.show_dashboard()
            assert isinstance(dashboard, DashboardScreen)
            deadline = time.monotonic() + 60
            while dashboard.worker() is not None and time.monotonic() < deadline:
                settle(0.05)
            window.show_worklist()
        loops += 1
    window.close()
    store.close()
    ini.unlink(missing_ok=True)
    half = [(t, r) for t, r in samples if t >= samples[-1][0] / 2]
    slope = None
    if len(half) >= 2:  # least squares, MB per hour
        mt = sum(t for t, _ in half) / len(half)
        mr = sum(r for _, r in half) / len(half)
        var = sum((t - mt) ** 2 for t, _ in half)
        if var > 0:
            slope = round(sum((t - mt) * (r - mr) for t, r in half) / var * 3600, 2)

    def at(minute: float) -> float | None:
        """The first sample at or after ``minute``."""
        later = [r for t, r in samples if t >= minute * 60]
        return later[0] if later else None

    print(
        json.dumps(
            {
                "minutes": args.minutes,
                "loops": loops,
                "rss_first_mb": samples[0][1],
                "rss_peak_mb": max(r for _t, r in samples),
                "rss_last_mb": samples[-1][1],
                "growth_second_half_mb": round(half[-1][1] - half[0][1], 1) if half else None,
                "slope_second_half_mb_per_h": slope,
                "rss_at_min": {m: at(m) for m in (0, 10, 30, 60) if m <= args.minutes},
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
