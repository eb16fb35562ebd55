"""Backup and restore as clerk/admin actions, so the GUI calls the same code as the CLI.

* :func:`backup_now` copies the live database (SQLite's online backup API) into the data
  folder's ``backups/`` (or a folder the admin chose, a USB stick), verified before it counts.
* :func:`list_backups` lists the backups in a folder, newest first, without opening them.
* :func:`verify` checks one file (integrity, schema, the event chain).
* :func:`restore` replaces the station's database by a verified backup, keeping the old file.

The verify-then-rename work is ``store/backup.py``; this layer decides where backups go and who
may make or restore one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from onestop_desktop.domain import clock
from onestop_desktop.paths import DataDir
from onestop_desktop.services.context import Session
from onestop_desktop.store import backup as backup_store
from onestop_desktop.store.backup import PARTIAL, BackupInfo

BACKUP_PATTERN = "onestop-*.db*"
"""The names :func:`backup_store.backup` gives (``onestop-YYYYmmdd-HHMMSS.db``, ``-2``…)."""

MANAGE_PERMISSION = "users.manage"
"""Restoring replaces every record of the station: admin only (and the operator)."""


@dataclass(frozen=True)
class BackupFile:
    """A backup as listed (not opened): its path, size and when it was written."""

    path: Path
    size: int
    modified: datetime
    complete: bool
    """``False`` for a ``*.partial`` left by an interrupted backup (never restorable)."""


def default_folder(data: DataDir) -> Path:
    """Where ``onestop backup`` writes without ``--to``: the data folder's ``backups/``."""
    return data.backups


def backup_now(ctx: Session, data: DataDir, dest: Path | None = None) -> BackupInfo:
    """A verified copy of the station database in ``dest`` (default: the data folder's
    ``backups/``). Any signed-in staff member may make one: a backup loses nothing."""
    ctx.require("dossiers.view")
    folder = default_folder(data) if dest is None else dest
    return backup_store.backup(ctx.store, folder)


def list_backups(folder: Path) -> list[BackupFile]:
    """The backup files in ``folder``, newest first (an absent folder has none)."""
    if not folder.is_dir():
        return []
    found: list[BackupFile] = []
    for path in folder.glob(BACKUP_PATTERN):
        if not path.is_file() or path.name.endswith(("-wal", "-shm")):
            continue
        stat = path.stat()
        found.append(
            BackupFile(
                path=path,
                size=stat.st_size,
                modified=clock.to_vn(datetime.fromtimestamp(stat.st_mtime, tz=clock.VN_TZ)),
                complete=not path.name.endswith(PARTIAL),
            )
        )
    found.sort(key=lambda b: (b.modified, b.path.name), reverse=True)
    return found


def verify(path: Path) -> BackupInfo:
    """Check that ``path`` is a whole, uncorrupted OneStop backup (``StorageError`` if not)."""
    return backup_store.verify_backup(path)


def restore(data: DataDir, backup_file: Path, ctx: Session | None = None) -> Path | None:
    """Replace the station database by ``backup_file`` once it verifies; the path the old
    database was kept under. With a session (the GUI) the actor must be an admin; the CLI runs
    as the operator, who owns the data folder, without one (a corrupt database cannot be
    opened to sign in, and restoring it is exactly what the operator needs then). The caller
    closes its store first: the file is replaced under it."""
    if ctx is not None:
        ctx.require(MANAGE_PERMISSION)
    return backup_store.restore(backup_file, data.database)
