"""SQL for scanned attachments (#11): a dossier's attachment events, who holds a file, and every
file the log names (the start-up sweep).

The events are the only record: these queries read them through the two partial indexes of
migration ``m004_attachment_index`` (the expressions below must stay word for word those of the
indexes, or SQLite will not use them).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from onestop_desktop.domain.events import Event
from onestop_desktop.store.db import Store, translate
from onestop_desktop.store.events import _COLUMNS, _row_to_event


def for_dossier(store: Store, dossier_id: str) -> list[Event]:
    """Every attachment event of one dossier, in the order they were recorded here."""
    rows = store.db.execute(
        f"SELECT {_COLUMNS} FROM events WHERE kind GLOB 'attachment.*' "
        "AND json_extract(payload, '$.dossier') = ? ORDER BY id",
        [dossier_id],
    ).fetchall()
    return [_row_to_event(tuple(r)) for r in rows]


def dossiers_with(store: Store, sha256: str) -> list[str]:
    """The dossiers a file was ever added to (the caller folds each to see if it still is)."""
    rows = store.db.execute(
        "SELECT DISTINCT json_extract(payload, '$.dossier') FROM events "
        "WHERE kind = 'attachment.added' AND json_extract(payload, '$.sha256') = ?",
        [sha256],
    ).fetchall()
    return [str(r[0]) for r in rows]


def named_files(store: Store) -> dict[str, str]:
    """Every file an event names → the code of a dossier it was added to."""
    # No ORDER BY: sorting by id made SQLite scan the whole events table (12 s at 1,000,000
    # dossiers, on the GUI's start-up sweep) instead of walking the partial index of the
    # attachment events; the first dossier a file was added to is picked here by id instead.
    rows = store.db.execute(
        "SELECT json_extract(payload, '$.sha256'), json_extract(payload, '$.code'), id "
        "FROM events WHERE kind = 'attachment.added'"
    ).fetchall()
    first: dict[str, tuple[int, str]] = {}
    for sha, code, rowid in rows:
        key = str(sha)
        if key not in first or rowid < first[key][0]:
            first[key] = (int(rowid), str(code))
    return {sha: code for sha, (_id, code) in first.items()}


def unlinked_for_dossier(store: Store, dossier_id: str) -> list[Event]:
    """The attachment events of one dossier recorded before they carried ``dossier_id`` (the
    payload names the dossier; events are immutable, so the timeline reads these as well)."""
    rows = store.db.execute(
        f"SELECT {_COLUMNS} FROM events WHERE kind GLOB 'attachment.*' "
        "AND json_extract(payload, '$.dossier') = ? AND dossier_id IS NULL ORDER BY id",
        [dossier_id],
    ).fetchall()
    return [_row_to_event(tuple(r)) for r in rows]


def named_sizes(conn: sqlite3.Connection) -> dict[str, int]:
    """Every file an event names → its size in bytes, from any database connection (the live
    one, or a backup opened read-only): what a backup must carry and a restore bring back."""
    rows = conn.execute(
        "SELECT json_extract(payload, '$.sha256'), json_extract(payload, '$.size') FROM events "
        "WHERE kind = 'attachment.added'"
    ).fetchall()
    out: dict[str, int] = {}
    for sha, size in rows:
        if isinstance(sha, str) and len(sha) == 64:
            out.setdefault(sha, int(size) if isinstance(size, int) else 0)
    return out


def named_sizes_in_file(database: Path) -> dict[str, int]:
    """:func:`named_sizes` of a database file (a backup), opened read-only."""
    try:
        conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise translate(exc, database) from exc
    try:
        return named_sizes(conn)
    except sqlite3.Error as exc:
        raise translate(exc, database) from exc
    finally:
        conn.close()
