"""The reads behind the public board and the citizen lookup (issue #13).

Only the columns the public view needs are read; the applicant's name is the one personal
column, and ``services.board`` masks it before anything leaves the service layer. The board reads
on a read-only connection of its own with a short busy timeout, so a clerk's long import holding
the write lock can delay one refresh by a fraction of a second and never freeze the screen.

Every read here is driven by an index (m006 added ``dossiers(updated_at)`` and the partial
``dossiers(returned_at)``), never a scan of the dossiers: at a million dossiers the board's
refresh costs milliseconds. ``tests/unit/test_board_reads.py`` checks each statement's
``EXPLAIN QUERY PLAN`` and compares its results with a plain reference query.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from onestop_desktop.store.db import Store, translated_errors
from onestop_desktop.store.reports import FactsRow

BUSY_TIMEOUT_MS = 300
"""How long a board read waits for a lock before giving up (the last good data stays shown)."""

_COLUMNS = (
    "code, applicant_name, procedure_name, field, status, received_at, due_at, finished_at, "
    "returned_at"
)

DAY_SQL = (
    f"SELECT * FROM (SELECT {_COLUMNS} FROM dossiers WHERE received_at >= :first "
    "AND received_at <= :last ORDER BY received_at DESC LIMIT :limit) "
    f"UNION SELECT * FROM (SELECT {_COLUMNS} FROM dossiers WHERE status = :ready "
    "ORDER BY rid DESC LIMIT :limit) "
    f"UNION SELECT * FROM (SELECT {_COLUMNS} FROM dossiers WHERE returned_at >= :first "
    "AND returned_at <= :last AND +status = :returned ORDER BY returned_at DESC LIMIT :limit)"
)
"""Today's dossiers for the lanes: received today (``dossiers_received``), every result
waiting for collection (``dossiers_status``) and those returned today (``dossiers_returned``)."""

_FACTS = (
    "id, updated_at, status, field, channel, received_at, due_at, finished_at, returned_at, "
    "refusal_reason, history, due_history, "
    "(SELECT json_group_array(r.at) FROM (SELECT e.at FROM events e "
    " WHERE e.dossier_id = dossiers.id AND e.kind = 'rescheduled' "
    " UNION ALL SELECT s.at FROM sync_events s "
    " WHERE s.dossier_id = dossiers.id AND s.kind = 'rescheduled' ORDER BY 1) r)"
)
# The same columns and reschedule list as store.reports.facts_rows (one definition of a fact).
# A unary "+" keeps a term off an index: the planner has no statistics (no ANALYZE) and would
# otherwise walk dossiers_received over every row received "by the end of today".


def _figures_sql(open_statuses: Iterable[int]) -> str:
    marks = ", ".join(str(int(s)) for s in sorted(open_statuses))
    return (
        f"SELECT {_FACTS} FROM dossiers WHERE updated_at >= :first AND +received_at <= :last "
        f"UNION ALL SELECT {_FACTS} FROM dossiers WHERE status IN ({marks}) "
        "AND +updated_at < :first AND +received_at <= :last"
    )


CHANGED_SQL = f"SELECT {_FACTS} FROM dossiers WHERE updated_at >= :since AND +received_at <= :last"
"""The dossiers changed since a moment (``dossiers_updated``): the board's figures follow a
write by re-reading only these."""


@dataclass(frozen=True)
class BoardRow:
    """One dossier as stored, for ``services.board`` to mask (never shown as it is)."""

    code: str
    applicant_name: str
    procedure_name: str
    field: str
    status: int
    received_at: str
    due_at: str | None
    finished_at: str | None
    returned_at: str | None


@dataclass(frozen=True)
class FigureRow:
    """One dossier's report facts as stored, with its id and last change (the board's figures
    cache keys on them)."""

    id: str
    updated_at: str
    facts: FactsRow


def _row(r: sqlite3.Row | tuple[object, ...]) -> BoardRow:
    return BoardRow(
        str(r[0]),
        str(r[1]),
        str(r[2]),
        str(r[3] or ""),
        int(str(r[4])),
        str(r[5]),
        str(r[6]) if r[6] else None,
        str(r[7]) if r[7] else None,
        str(r[8]) if r[8] else None,
    )


def _figure_row(r: sqlite3.Row | tuple[object, ...]) -> FigureRow:
    facts = FactsRow(
        int(str(r[2])),
        str(r[3]),
        str(r[4]),
        str(r[5]),
        str(r[6]) if r[6] else None,
        str(r[7]) if r[7] else None,
        str(r[8]) if r[8] else None,
        str(r[9]) if r[9] is not None else None,
        str(r[10]),
        str(r[11]),
        str(r[12] or "[]"),
    )
    return FigureRow(str(r[0]), str(r[1]), facts)


def open_reader(path: Path) -> Store:
    """A read-only store on ``path`` with a short busy timeout (no migration, no check: the
    counter's own window or CLI opened, checked and migrated the file)."""
    with translated_errors(path):
        conn = sqlite3.connect(
            f"file:{path}?mode=ro", uri=True, isolation_level=None, check_same_thread=False
        )
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return Store(sqlite_utils.Database(conn, execute_plugins=False), path)


def day_rows(
    store: Store, first: str, last: str, ready: int, returned: int, limit: int
) -> list[BoardRow]:
    """The dossiers of the day ``first``–``last`` (ISO moments): received that day, every
    result still waiting for collection (status ``ready``), and those returned that day
    (status ``returned``, by their return time). Each part newest first, at most ``limit``."""
    params = {"first": first, "last": last, "limit": limit, "ready": ready, "returned": returned}
    with translated_errors(store.path):
        cur = store.db.execute(DAY_SQL, params)
        return [_row(r) for r in cur.fetchall()]


def figures_sql(open_statuses: Iterable[int]) -> str:
    """The statement :func:`figure_rows` runs (for the plan test)."""
    return _figures_sql(open_statuses)


def figure_rows(
    store: Store, first: str, last: str, open_statuses: Iterable[int]
) -> list[FigureRow]:
    """Every dossier that can count in a period ``first``–``last`` (ISO moments): received by
    its end and either changed since its start (``dossiers_updated``) or still open (one of
    ``open_statuses``, ``dossiers_status``). The same set as ``store.reports.facts_rows`` — a
    dossier closed before the period began cannot count — read as two index ranges."""
    with translated_errors(store.path):
        cur = store.db.execute(_figures_sql(open_statuses), {"first": first, "last": last})
        return [_figure_row(r) for r in cur.fetchall()]


def changed_rows(store: Store, since: str, last: str) -> list[FigureRow]:
    """The dossiers received by ``last`` whose last change is at or after ``since``."""
    with translated_errors(store.path):
        cur = store.db.execute(CHANGED_SQL, {"since": since, "last": last})
        return [_figure_row(r) for r in cur.fetchall()]


def by_code(store: Store, code: str) -> BoardRow | None:
    """The dossier with this code, or ``None``."""
    with translated_errors(store.path):
        r = store.db.execute(f"SELECT {_COLUMNS} FROM dossiers WHERE code = ?", [code]).fetchone()
    return None if r is None else _row(r)


class BoardVersion:
    """``PRAGMA data_version`` for the board, on a read-only connection that never waits for
    a lock (``busy_timeout = 0``).

    The counter's own watch (``store.watch.DataVersion``) may wait a second for a lock; the
    board polls on its GUI thread every second, so a file locked against readers would stall it.
    Here a locked (or vanished) file is simply "no news yet": the next poll, or the board's
    retry, catches up."""

    def __init__(self, path: Path) -> None:
        self._conn = sqlite3.connect(
            f"file:{path}?mode=ro", uri=True, isolation_level=None, check_same_thread=False
        )
        self._conn.execute("PRAGMA busy_timeout = 0")
        self._last: int | None = self._read()

    def _read(self) -> int | None:
        try:
            return int(self._conn.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error:
            return None

    def changed(self) -> bool:
        """Whether another connection committed since the last successful look."""
        now = self._read()
        if now is None or now == self._last:
            return False
        self._last = now
        return True

    def close(self) -> None:
        self._conn.close()
