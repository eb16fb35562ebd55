"""The admin's «Sao lưu / khôi phục» list: each backup with its date, size, dossier count and
the scanned files it names (and how many of them the store beside it lacks).

``services/backup.py`` lists the files without opening them (fast, for the CLI); the screen
also wants what each holds, which :func:`overview` adds with a read-only peek per file
(``store/backup_peek.py``), in the screen's worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from onestop_desktop.domain import clock
from onestop_desktop.services import backup, backup_scans
from onestop_desktop.services.backup import BackupFile
from onestop_desktop.services.context import Session
from onestop_desktop.store.backup_peek import peek


@dataclass(frozen=True)
class BackupEntry:
    """One backup file as the admin screen lists it."""

    file: BackupFile
    dossiers: int | None
    """``None`` for an unfinished (``.partial``) or unreadable file."""
    last_event_at: datetime | None
    scans: int | None = None
    """The scanned files the backup names (``None``: the file could not be read)."""
    scans_missing: int = 0
    """How many of them are not in the scans store beside the backup (a restore could not bring
    them back). Counted by presence and size only; ``onestop backup verify`` re-hashes them."""

    @property
    def path(self) -> Path:
        return self.file.path


def overview(ctx: Session, folder: Path) -> list[BackupEntry]:
    """The backups in ``folder``, newest first, with what each holds (admin only: the list is
    the first step of a restore)."""
    ctx.require(backup.MANAGE_PERMISSION)
    out: list[BackupEntry] = []
    for item in backup.list_backups(folder):
        if not item.complete:
            out.append(BackupEntry(item, None, None))
            continue
        seen = peek(item.path)
        last = clock.parse_iso(seen.last_event_at) if seen.last_event_at else None
        scans: int | None = None
        missing = 0
        if seen.scans is not None:
            scans = len(seen.scans)
            missing = backup_scans.absent(seen.scans, backup_scans.shared_store(folder))
        out.append(BackupEntry(item, seen.dossiers, last, scans, missing))
    return out
