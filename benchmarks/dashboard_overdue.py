"""The dashboard's overdue list by the Biểu 06 rule (#9), against what it replaced.

The dashboard's "Quá hạn" card is Biểu 06 column (13); its list now holds exactly those dossiers
(``services.dashboard.overdue_list``: candidates read by index, ``store/dashboard.py``, each put
through ``domain.stats.report``). Before, the list was the worklist's "Quá hạn" filter (a page
of ``search.worklist_page`` and its ``count_matching``), which could name other dossiers. This
prints, interleaved in one run so the machine's load is shared fairly:

* the new list (all of it, plus the rows of its first page), wall and CPU ms;
* the old list (page + count), wall and CPU ms;
* the whole ``dashboard.build`` (figures, charts and both lists), wall and CPU ms;
* how many dossiers each rule names, and the card's figure (they must be equal for the new one).

Usage: ``python benchmarks/dashboard_overdue.py DATA_DIR [--rounds 5] [--read-only]``.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path


def timed(fn: Callable[[], object]) -> tuple[float, float, object]:
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--read-only", action="store_true", help="a shared database")
    args = parser.parse_args()

    from onestop_desktop.domain import clock
    from onestop_desktop.services import dashboard, search, settings
    from onestop_desktop.services.context import Session
    from onestop_desktop.services.search import Filters
    from onestop_desktop.store import dossiers as dossier_rows
    from onestop_desktop.store.db import Store

    database = args.data_dir / "onestop.db"
    if args.read_only:
        from onestop_desktop.store.backup_peek import open_read_only

        store = open_read_only(database)
    else:
        store = Store.open(database, integrity="none")
    session = Session.operator(store)
    total = int(store.db.execute("SELECT count(*) FROM dossiers").fetchone()[0])
    day = clock.to_vn(session.now()).date()
    basis = settings.value(store, settings.ON_TIME_BASIS)

    def new() -> int:
        found = dashboard.overdue_list(session, day, basis)
        for _judged, dossier_id in found[: dashboard.LIST_LIMIT]:
            dossier_rows.get(store, dossier_id)
        return len(found)

    def old() -> int:
        flt = Filters(overdue=True)
        search.worklist_page(session, limit=dashboard.LIST_LIMIT, filters=flt)
        return search.count_matching(session, "", flt)

    def build() -> int:
        return dashboard.build(session).today.overdue

    results: dict[str, list[tuple[float, float]]] = {"new": [], "old": [], "build": []}
    counts: dict[str, object] = {}
    for _ in range(args.rounds):
        for name, fn in (("new", new), ("old", old), ("build", build)):
            wall, cpu, out = timed(fn)
            results[name].append((wall, cpu))
            counts[name] = out
    print(f"dossiers: {total:,}; day {day.isoformat()}; rounds {args.rounds}")
    for name, label in (
        ("new", "overdue list, Biểu 06 rule (all + first page rows)"),
        ("old", "overdue list, worklist filter (page + count)"),
        ("build", "whole dashboard.build"),
    ):
        walls = [w for w, _ in results[name]]
        cpus = [c for _, c in results[name]]
        print(
            f"{label}: median {statistics.median(walls):.0f} ms wall, "
            f"{statistics.median(cpus):.0f} ms CPU (min {min(walls):.0f} ms)"
        )
    print(
        f"named: Biểu 06 rule {counts['new']}, worklist filter {counts['old']}, "
        f"card {counts['build']}"
    )


if __name__ == "__main__":
    main()
