"""A scratch table for one ledger import: which row contents and codes the file has shown so far.

A ledger can have a million rows. Remembering each row's key in Python would grow with the file;
a ``TEMP`` table lives in SQLite's temporary store (on disk past its cache), inside the import's
own connection, and vanishes with it. It is never part of the station's database file.
"""

from __future__ import annotations

from onestop_desktop.store.db import Store

_CREATE = (
    "CREATE TEMP TABLE IF NOT EXISTS ledger_seen "
    "(key BLOB PRIMARY KEY, first_line INTEGER NOT NULL, n INTEGER NOT NULL) WITHOUT ROWID"
)


def begin(store: Store) -> None:
    """Start with an empty table (call inside the import's transaction)."""
    store.db.execute(_CREATE)
    store.db.execute("DELETE FROM temp.ledger_seen")


def bump(store: Store, key: bytes, line: int) -> tuple[int, int]:
    """Note one more row with ``key``: ``(how many came before it, line of the first)``."""
    row = store.db.execute(
        "SELECT first_line, n FROM temp.ledger_seen WHERE key = ?", [key]
    ).fetchone()
    if row is None:
        store.db.execute("INSERT INTO temp.ledger_seen VALUES (?, ?, 1)", [key, line])
        return 0, line
    store.db.execute("UPDATE temp.ledger_seen SET n = n + 1 WHERE key = ?", [key])
    return int(row[1]), int(row[0])


def end(store: Store) -> None:
    """Drop the table."""
    store.db.execute("DROP TABLE IF EXISTS temp.ledger_seen")
