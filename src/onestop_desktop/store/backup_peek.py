"""A quick look inside a backup file for the admin's list: how many dossiers, the newest event.

Not a verification (``store/backup.py::verify_backup`` walks the whole file and the event
chain; that is for the backup about to be restored). This opens the file read-only and asks two
cheap questions, and which scans it names, so a list of ten backups shows their contents in a
moment.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from onestop_desktop.store.attachments import named_sizes
from onestop_desktop.store.db import Store, translate


@dataclass(frozen=True)
class Peek:
    """What a backup appears to hold (``None``: it could not be read as a OneStop database)."""

    dossiers: int | None
    last_event_at: str | None
    scans: dict[str, int] | None = None
    """Every scanned file the backup names, with its size (``attachments.named_sizes``);
    ``None`` when that could not be read."""


def peek(path: Path) -> Peek:
    """The dossier count, the newest event time and the named scans of the database file
    ``path``."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return Peek(None, None)
    try:
        dossiers = int(conn.execute("SELECT count(*) FROM dossiers").fetchone()[0])
        row = conn.execute("SELECT at FROM events ORDER BY id DESC LIMIT 1").fetchone()
        last = None if row is None else str(row[0])
    except sqlite3.Error:
        return Peek(None, None)
    try:
        # On the same connection: the admin's list shows the scans each backup names (#11).
        return Peek(dossiers, last, named_sizes(conn))
    except sqlite3.Error:
        return Peek(dossiers, last)
    finally:
        conn.close()


def open_read_only(path: Path) -> Store:
    """A read-only store on ``path`` (a verified backup): what the GUI reads while its own
    database is being replaced by that backup, so no connection of the GUI holds the file the
    restore renames, and anything read meanwhile is what the restore brings back. A write
    through it fails as «chỉ cho phép đọc» instead of landing in a file about to be replaced."""
    import sqlite_utils

    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
    except sqlite3.Error as exc:
        raise translate(exc, path) from exc
    return Store(sqlite_utils.Database(conn, execute_plugins=False), path)
