"""Child process of benchmarks/run.py: the worklist as the clerk sees it, from the main window
being made to its first rows painted, and each keystroke of a search, with every filter.

    python benchmarks/worklist_probe.py DATA_DIR              → one JSON line on stdout
    python benchmarks/worklist_probe.py DATA_DIR --filters    → also each filter × typed search
    python benchmarks/worklist_probe.py DATA_DIR --rounds 5   → windows opened (median, max)
    python benchmarks/worklist_probe.py DATA_DIR --read-only  → on a read-only connection
        (a shared benchmark database nobody may write to; nothing here writes anyway)

What is timed (#9: first rows < 300 ms, a keystroke < 50 ms, at a million dossiers):

* ``first_rows_ms``: ``MainWindow(session)`` (the worklist screen, its model's first page, the
  count in the search bar and in the status bar, the dossier view, menus, the data watch…),
  ``show()``, then the events until the worklist's viewport has painted rows: the time-left
  column and the row colours are computed by that paint. The modules are imported first
  (the app imports them while the clerk signs in; ``imports_ms`` says how long that takes
  here). Also the process's own CPU time for the same span (``first_rows_cpu_ms``): on a
  machine shared with other work the wall time counts their turns too.
* ``phases_ms``: the part of that span spent in each service read (first page, counts, time
  left, and ``sweep``: the scans' start-up check of #11, which the window runs on its GUI
  thread before the first paint), summed over the round (wall time).
* ``model_first_rows_ms``: the bare ``WorklistModel`` on a shown ``QTableView``, the figure
  this probe gave before wave 3 (it then also counted the first import of the time-left
  code: 100–400 ms of compiling without ``.pyc`` files, not the database).
* ``--filters``: for each filter of the bar, setting it (rows painted), then each key of
  ``TYPED`` typed into the main window's search box: ``apply_search`` (rows, the count) and
  the paint (time left of the visible rows, colours), wall and CPU per keystroke.
* ``rss_mb``: resident memory once the window shows its rows and the model has ten pages.

On a shared machine compare ``*_cpu_ms`` with the wall figures: the ratio says how much of the
wall time was other processes' turns.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSettings
from PySide6.QtWidgets import QApplication, QTableView

TYPED = ["nguyen van", "tran thi lan", "0912", "le"]


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))]


def ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


class Spans:
    """Wall time spent in named service functions (wrapped in their modules) while on."""

    def __init__(self) -> None:
        self.totals: dict[str, float] = {}

    def wrap(self, module: Any, name: str) -> None:
        real: Callable[..., Any] = getattr(module, name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return real(*args, **kwargs)
            finally:
                self.totals[name] = self.totals.get(name, 0.0) + time.perf_counter() - t0

        setattr(module, name, timed)

    def take(self) -> dict[str, float]:
        out = {k: ms(v) for k, v in sorted(self.totals.items())}
        self.totals = {}
        return out


class PaintWatch(QObject):
    """Notes the moment a viewport paints while its model has rows."""

    def __init__(self, has_rows: Callable[[], bool]) -> None:
        super().__init__()
        self._has_rows = has_rows
        self.painted_at: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.painted_at is None and self._has_rows():
            self.painted_at = time.perf_counter()
        return False


def wait_painted(app: QApplication, watch: PaintWatch, limit_s: float = 20.0) -> None:
    end = time.perf_counter() + limit_s
    while watch.painted_at is None and time.perf_counter() < end:
        app.processEvents()


def window_figures(app: QApplication, session: Any, rounds: int, spans: Spans) -> dict[str, Any]:
    """Open the main window ``rounds`` times; each time, the time to its first painted rows."""
    from onestop_desktop.ui.mainwindow import MainWindow

    walls: list[float] = []
    cpus: list[float] = []
    phases: list[dict[str, float]] = []
    counts: list[str] = []
    folder = Path(tempfile.mkdtemp(prefix="worklist-probe-"))
    for n in range(rounds):
        settings = QSettings(str(folder / f"w{n}.ini"), QSettings.Format.IniFormat)
        spans.take()
        t0, c0 = time.perf_counter(), time.process_time()
        window = MainWindow(session, settings=settings)
        watch = PaintWatch(lambda w=window: w.model.rowCount() > 0)
        window.table.viewport().installEventFilter(watch)
        window.resize(1008, 720)
        window.show()
        wait_painted(app, watch)
        cpu = time.process_time() - c0
        assert watch.painted_at is not None, "the worklist never painted rows"
        walls.append(watch.painted_at - t0)
        cpus.append(cpu)
        phases.append(spans.take())
        counts.append(window.worklist.count_text())
        window.table.viewport().removeEventFilter(watch)
        window.close()
        window.deleteLater()
        app.processEvents()
    return {
        "first_rows_ms": ms(statistics.median(walls)),
        "first_rows_max_ms": ms(max(walls)),
        "first_rows_cpu_ms": ms(statistics.median(cpus)),
        "first_rows_each_ms": [ms(w) for w in walls],
        "phases_ms": phases[len(phases) // 2],
        "count": counts[-1],
        "rounds": rounds,
    }


def filter_figures(app: QApplication, session: Any, spans: Spans) -> dict[str, Any]:
    """Each filter through the main window's worklist screen, as the clerk uses it."""
    from datetime import timedelta

    from onestop_desktop.services.search import STATUS_GROUPS, Filters
    from onestop_desktop.ui.mainwindow import MainWindow

    folder = Path(tempfile.mkdtemp(prefix="worklist-probe-"))
    window = MainWindow(
        session, settings=QSettings(str(folder / "f.ini"), QSettings.Format.IniFormat)
    )
    window.resize(1008, 720)
    window.show()
    app.processEvents()
    screen = window.worklist
    newest = screen.model.dossier(0).received_at.date() if screen.model.rowCount() else None
    cases: dict[str, Filters] = {"none": Filters()}
    cases.update({f"group:{g}": Filters(group=g) for g in STATUS_GROUPS})
    cases["due_today"] = Filters(due_today=True)
    cases["overdue"] = Filters(overdue=True)
    cases["supplement"] = Filters(supplement=True)
    cases["mine"] = Filters(mine=True)
    if newest is not None:
        cases["received_last_30_days"] = Filters(received_from=newest - timedelta(days=30))
        cases["received_one_day"] = Filters(received_from=newest, received_to=newest)
        cases["open_last_30_days"] = Filters(
            group="open", received_from=newest - timedelta(days=30)
        )
    out: dict[str, Any] = {}
    all_keys: list[float] = []
    all_cpu: list[float] = []
    for name, filters in cases.items():
        screen.search_box.setText("")
        screen.apply_search()
        app.processEvents()
        t0 = time.perf_counter()
        screen.set_filters(filters)
        app.processEvents()
        first = time.perf_counter() - t0
        keys: list[float] = []
        cpu: list[float] = []
        spans.take()
        for word in TYPED:
            for n in range(1, len(word) + 1):
                screen.search_box.setText(word[:n])
                t0, c0 = time.perf_counter(), time.process_time()
                screen.apply_search()  # rows, count, then the paint asks the time left
                app.processEvents()
                keys.append(time.perf_counter() - t0)
                cpu.append(time.process_time() - c0)
            screen.search_box.setText("")
            screen.apply_search()
        phases = spans.take()
        all_keys += keys
        all_cpu += cpu
        out[name] = {
            "first_rows_ms": ms(first),
            "rows": screen.model.rowCount(),
            "count": screen.count_text(),
            "keystroke_median_ms": ms(statistics.median(keys)),
            "keystroke_p95_ms": ms(pct(keys, 95)),
            "keystroke_max_ms": ms(max(keys)),
            "keystroke_cpu_median_ms": ms(statistics.median(cpu)),
            "keystroke_cpu_max_ms": ms(max(cpu)),
            "keystrokes": len(keys),
            "phases_per_key_ms": {k: round(v / len(keys), 2) for k, v in phases.items()},
        }
    window.close()
    out["all"] = {
        "keystrokes": len(all_keys),
        "keystroke_median_ms": ms(statistics.median(all_keys)),
        "keystroke_p95_ms": ms(pct(all_keys, 95)),
        "keystroke_cpu_median_ms": ms(statistics.median(all_cpu)),
        "keystroke_cpu_p95_ms": ms(pct(all_cpu, 95)),
        "over_50_ms_cpu": sum(1 for c in all_cpu if c > 0.05),
    }
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
    rounds = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 3
    app = QApplication(sys.argv[:1])
    t0 = time.perf_counter()
    from onestop_desktop.services import search
    from onestop_desktop.services.context import Session
    from onestop_desktop.store.db import Store
    from onestop_desktop.ui import i18n, mainwindow  # noqa: F401 - what sign-in has imported
    from onestop_desktop.ui.models.worklist import WorklistModel

    imports = time.perf_counter() - t0
    i18n.install("vi")
    if "--read-only" in sys.argv[2:]:
        from onestop_desktop.store.backup_peek import open_read_only

        store = open_read_only(data / "onestop.db")
    else:
        store = Store.open(data / "onestop.db", integrity="none")
    session = Session.operator(store)
    spans = Spans()
    for name in ("worklist_page", "search", "count_all", "count_matching", "time_left"):
        spans.wrap(search, name)
    from onestop_desktop.services import attachments

    spans.wrap(attachments, "sweep")  # the scans' start-up check (#11), on the GUI thread

    figures: dict[str, Any] = {"imports_ms": ms(imports), "load_average": os.getloadavg()}
    figures.update(window_figures(app, session, rounds, spans))

    # The bare model on a view (the figure of earlier waves), warm.
    view = QTableView()
    view.resize(1200, 700)
    t0 = time.perf_counter()
    model = WorklistModel(session)
    watch = PaintWatch(lambda: model.rowCount() > 0)
    view.viewport().installEventFilter(watch)
    view.setModel(model)
    view.show()
    wait_painted(app, watch)
    assert watch.painted_at is not None
    figures["model_first_rows_ms"] = ms(watch.painted_at - t0)
    figures["rows_first_page"] = model.rowCount()
    for _ in range(10):
        if model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())
    app.processEvents()
    figures["dossiers"] = store.db.execute("SELECT count(*) FROM dossiers").fetchone()[0]
    figures["rows_loaded"] = model.rowCount()
    figures["rss_mb"] = round(rss_mb(), 1)
    view.close()
    if "--filters" in sys.argv[2:]:
        figures["filters"] = filter_figures(app, session, spans)
        figures["poll"] = poll_figures(data / "onestop.db")
        figures["rss_mb_after_filters"] = round(rss_mb(), 1)
    figures["load_average_end"] = os.getloadavg()
    print(json.dumps(figures, ensure_ascii=False))
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
