"""Child process of benchmarks/run.py: time from opening the worklist to its first rows, and the
process's resident memory once a view shows them and has scrolled ten pages.

    python benchmarks/worklist_probe.py DATA_DIR   → one JSON line on stdout
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QApplication, QTableView

from onestop_desktop.services.context import Session
from onestop_desktop.store.db import Store
from onestop_desktop.ui.models.worklist import WorklistModel


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


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
    print(
        json.dumps(
            {
                "dossiers": total,
                "first_rows_ms": first_rows * 1000,
                "rows_first_page": shown,
                "rows_loaded": model.rowCount(),
                "rss_mb": rss_mb(),
            }
        )
    )
    view.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
