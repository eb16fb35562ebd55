"""Child process of benchmarks/run.py: time from opening the worklist to its first rows, and the
process's resident memory once a view shows them and has scrolled ten pages.

    python benchmarks/worklist_probe.py DATA_DIR            → one JSON line on stdout
    python benchmarks/worklist_probe.py DATA_DIR --filters  → also, for each filter of the
        worklist screen (#9): first rows, and each keystroke of a typed search with that filter
        on (rows + count + the visible rows' time left + paint), and the data_version poll cost

The plain figures keep their keys (``first_rows_ms``, ``rows_loaded``, ``rss_mb``…); the
filter figures are under ``filters`` and ``poll``.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QApplication, QTableView

from onestop_desktop.services.context import Session
from onestop_desktop.store.db import Store
from onestop_desktop.ui.models.worklist import WorklistModel

TYPED = ["nguyen van", "tran thi lan", "0912", "le"]


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))]


def filter_figures(app: QApplication, session: Session) -> dict[str, Any]:
    """Each filter through the real worklist screen, as the clerk uses it."""
    from onestop_desktop.services.search import STATUS_GROUPS, Filters
    from onestop_desktop.ui.worklist_screen import WorklistScreen

    screen = WorklistScreen(session)
    screen.resize(1008, 600)
    screen.show()
    app.processEvents()
    newest = screen.model.dossier(0).received_at.date() if screen.model.rowCount() else None
    cases: dict[str, Filters] = {"none": Filters()}
    cases.update({f"group:{g}": Filters(group=g) for g in STATUS_GROUPS})
    cases["due_today"] = Filters(due_today=True)
    cases["overdue"] = Filters(overdue=True)
    cases["supplement"] = Filters(supplement=True)
    cases["mine"] = Filters(mine=True)
    if newest is not None:
        from datetime import timedelta

        cases["received_last_30_days"] = Filters(received_from=newest - timedelta(days=30))
        cases["received_one_day"] = Filters(received_from=newest, received_to=newest)
    out: dict[str, Any] = {}
    for name, filters in cases.items():
        screen.search_box.setText("")
        screen.apply_search()
        t0 = time.perf_counter()
        screen.set_filters(filters)
        app.processEvents()
        first = time.perf_counter() - t0
        keys: list[float] = []
        for word in TYPED:
            for n in range(1, len(word) + 1):
                screen.search_box.setText(word[:n])
                t0 = time.perf_counter()
                screen.apply_search()  # rows, count, then the paint asks the time left
                app.processEvents()
                keys.append(time.perf_counter() - t0)
            screen.search_box.setText("")
            screen.apply_search()
        out[name] = {
            "first_rows_ms": round(first * 1000, 2),
            "rows": screen.model.rowCount(),
            "count": screen.count_text(),
            "keystroke_median_ms": round(statistics.median(keys) * 1000, 2),
            "keystroke_p95_ms": round(pct(keys, 95) * 1000, 2),
            "keystroke_max_ms": round(max(keys) * 1000, 2),
        }
    screen.close()
    return out


def poll_figures(database: Path) -> dict[str, Any]:
    """What one ``PRAGMA data_version`` poll costs (the data watch runs it every second)."""
    from onestop_desktop.store.watch import DataVersion

    watch = DataVersion(database)
    times = []
    for _ in range(2000):
        t0 = time.perf_counter()
        watch.changed()
        times.append(time.perf_counter() - t0)
    watch.close()
    return {
        "polls": len(times),
        "median_us": round(statistics.median(times) * 1e6, 1),
        "p99_us": round(pct(times, 99) * 1e6, 1),
    }


def main() -> int:
    data = Path(sys.argv[1])
    app = QApplication(sys.argv[:1])
    store = Store.open(data / "onestop.db", integrity="none")
    session = Session.operator(store)
    view = QTableView()
    view.resize(1200, 700)
    t0 = time.perf_counter()
    model = WorklistModel(session)
    view.setModel(model)
    view.show()
    app.processEvents()
    first_rows = time.perf_counter() - t0
    shown = model.rowCount()
    for _ in range(10):
        if model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())
    app.processEvents()
    total = store.db.execute("SELECT count(*) FROM dossiers").fetchone()[0]
    figures: dict[str, Any] = {
        "dossiers": total,
        "first_rows_ms": first_rows * 1000,
        "rows_first_page": shown,
        "rows_loaded": model.rowCount(),
        "rss_mb": rss_mb(),
    }
    view.close()
    if "--filters" in sys.argv[2:]:
        figures["filters"] = filter_figures(app, session)
        figures["poll"] = poll_figures(data / "onestop.db")
        figures["rss_mb_after_filters"] = rss_mb()
    print(json.dumps(figures, ensure_ascii=False))
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
