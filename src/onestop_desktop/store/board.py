"""The reads behind the public board and the citizen lookup (issue #13).

Only the columns the public view needs are read; the applicant's name is the one personal
column, and ``services.board`` masks it before anything leaves the service layer. The board reads
on a read-only connection of its own with a short busy timeout, so a clerk's long import holding
the write lock can delay one refresh by a fraction of a second and never freeze the screen.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from onestop_desktop.store.db import Store, translated_errors

BUSY_TIMEOUT_MS = 300
"""How long a board read waits for a lock before giving up (the last good data stays shown)."""

RETURNED_SCAN = 5000
"""How many of the newest returned dossiers are looked at for "returned today" (a commune
returns far fewer a day; a result collected today of a dossier older than the newest 5,000
returned ones is left off the board's list, never off the figures)."""

_COLUMNS = (
    "code, applicant_name, procedure_name, field, status, received_at, due_at, finished_at, "
    "returned_at"
)


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
    (status ``returned``: looked for among the :data:`RETURNED_SCAN` most recently received
    returned dossiers, on the ``(status, rid)`` index; the projection has no
    index on ``returned_at`` and a full scan of status 10 costs ~1.5 s at 500,000 rows).
    Newest first, at most ``limit`` of each."""
    with translated_errors(store.path):
        sql = (
            f"SELECT * FROM (SELECT {_COLUMNS} FROM dossiers WHERE received_at >= ? "
            "AND received_at <= ? ORDER BY received_at DESC LIMIT ?) "
            f"UNION SELECT * FROM (SELECT {_COLUMNS} FROM dossiers WHERE status = ? "
            "ORDER BY rid DESC LIMIT ?) "
            f"UNION SELECT * FROM (SELECT * FROM (SELECT {_COLUMNS} FROM dossiers "
            "WHERE status = ? ORDER BY rid DESC LIMIT ?) "
            "WHERE returned_at >= ? LIMIT ?)"
        )
        cur = store.db.execute(
            sql, [first, last, limit, ready, limit, returned, RETURNED_SCAN, first, limit]
        )
        return [_row(r) for r in cur.fetchall()]


def by_code(store: Store, code: str) -> BoardRow | None:
    """The dossier with this code, or ``None``."""
    with translated_errors(store.path):
        r = store.db.execute(f"SELECT {_COLUMNS} FROM dossiers WHERE code = ?", [code]).fetchone()
    return None if r is None else _row(r)
