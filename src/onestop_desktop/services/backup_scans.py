"""Scanned pages in backups (#11): every backup folder keeps one content-addressed store of the
scans beside its database copies, ``<backup folder>/attachments/ab/abcdef…`` (the layout of the
data folder's own ``attachments/``).

A scan never changes once stored (its name is its SHA-256), so a backup copies only the files
its database names that the folder's store does not have yet, each hashed while it is copied
(``ContentStore.put``: temporary name, fsync, rename) and kept only if the hash is the one the
event names. Every backup in the folder shares the store, so the second backup of a day costs
the new scans only. Nothing is ever deleted from it: events are never deleted, so every newer
backup names every older scan, and the rotation of old database copies leaves the store alone
(it can never take a file a kept backup names).

A restore copies back every file the restored database names that the data folder lacks, from
the store beside the backup file, before the database is replaced; ``backup verify`` re-hashes
every file a backup names and reports the missing and damaged ones.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from onestop_desktop.domain.formats import fmt_size
from onestop_desktop.errors import Msg, OneStopError, StorageError, ValidationError
from onestop_desktop.scanning.store import ContentStore, file_sha256, sync_folders
from onestop_desktop.store import attachments as rows
from onestop_desktop.store.db import Store, translate

log = logging.getLogger(__name__)

FOLDER = "attachments"
"""The shared store's folder name inside a backup folder."""

SPACE_MARGIN = 16 * 1024 * 1024
"""Left free on the target beyond what the copy needs (the file system and the OS need room)."""


def shared_store(backup_folder: Path) -> ContentStore:
    """The scans store of a backup folder (beside its ``onestop-*.db`` copies)."""
    return ContentStore(backup_folder / FOLDER)


def named_in_store(store: Store) -> dict[str, int]:
    """Every scan the live database names, with its size."""
    return rows.named_sizes(store.db.conn)


def named_in_file(database: Path) -> dict[str, int]:
    """Every scan a database file (a backup) names, with its size; opened read-only."""
    return rows.named_sizes_in_file(database)


@dataclass(frozen=True)
class ScanCopy:
    """What a copy of scans did: the files named, copied now, already there, and those that
    could not be copied because the source lacks them or holds other bytes under their name."""

    named: int
    copied: int
    copied_bytes: int
    present: int
    missing: tuple[str, ...] = ()
    damaged: tuple[str, ...] = ()

    @property
    def complete(self) -> bool:
        return not self.missing and not self.damaged


def _lacking(names: Mapping[str, int], store: ContentStore) -> list[int]:
    """The sizes of the files of ``names`` that ``store`` lacks (or holds at another size)."""
    return [size for sha, size in names.items() if not _present(store, sha, size)]


def missing_bytes(names: Mapping[str, int], dest: ContentStore) -> int:
    """The bytes a copy of ``names`` into ``dest`` will write (the files it lacks)."""
    return sum(_lacking(names, dest))


def absent(names: Mapping[str, int], store: ContentStore) -> int:
    """How many of ``names`` ``store`` lacks: the files a restore from it could not bring back."""
    return len(_lacking(names, store))


def _present(store: ContentStore, sha: str, size: int) -> bool:
    path = store.path_of(sha)
    try:
        return path.is_file() and (size <= 0 or path.stat().st_size == size)
    except OSError:
        return False


def _free_space(folder: Path) -> int | None:
    """Free bytes on the disk of ``folder`` (its nearest existing parent); ``None`` if unknown."""
    probe = folder
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    try:
        return shutil.disk_usage(probe).free
    except OSError:
        return None


def check_space(folder: Path, need: int, *, what: Msg) -> None:
    """Refuse before anything is written when ``folder``'s disk has less than ``need`` bytes
    (plus :data:`SPACE_MARGIN`) free: a half-written backup on a full stick helps nobody."""
    free = _free_space(folder)
    if free is None or free >= need + SPACE_MARGIN:
        return
    raise StorageError(
        "Không đủ chỗ trống ở {folder} để {action}: cần khoảng {need}, chỉ còn {free}; chưa "
        "ghi gì. Hãy giải phóng chỗ trống hoặc chọn ổ khác",
        folder=str(folder),
        action=what,
        need=fmt_size(need + SPACE_MARGIN),
        free=fmt_size(free),
    )


def copy_missing(names: Mapping[str, int], source: ContentStore, dest: ContentStore) -> ScanCopy:
    """Copy into ``dest`` every file of ``names`` it lacks, from ``source``, each verified by
    hash (a file whose bytes do not hash to its name is not kept under it: reported damaged).
    A file ``source`` lacks is reported missing; copying goes on with the others. The folders
    are fsynced once each after the batch (not after every file), before this returns."""
    copied = copied_bytes = present = 0
    missing: list[str] = []
    damaged: list[str] = []
    unsynced: set[Path] = set()
    try:
        for sha, size in sorted(names.items()):
            if _present(dest, sha, size):
                present += 1
                continue
            origin = source.path_of(sha)
            if not origin.is_file():
                missing.append(sha)
                continue
            try:
                stored = dest.put(origin, unsynced=unsynced)
            except ValidationError:  # the file gone or held between the look and the copy
                missing.append(sha)
                continue
            if stored.sha256 != sha:
                if not stored.existed:
                    with contextlib.suppress(OSError):
                        stored.path.unlink()
                damaged.append(sha)
                continue
            copied += 1
            copied_bytes += stored.size
    finally:
        sync_folders(unsynced)
    for sha in missing:
        log.error("backup: scan %s is named by an event but missing in %s", sha, source.root)
    for sha in damaged:
        log.error("backup: scan %s in %s does not match its hash", sha, source.root)
    return ScanCopy(len(names), copied, copied_bytes, present, tuple(missing), tuple(damaged))


@dataclass(frozen=True)
class ScanCheck:
    """``backup verify`` of a backup's scans: how many it names, and which are absent or hold
    other bytes in the store beside it."""

    folder: Path
    named: int
    missing: tuple[str, ...]
    damaged: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.missing and not self.damaged


def verify_scans(backup_file: Path) -> ScanCheck:
    """Re-hash every scan ``backup_file`` names in the store beside it."""
    store = shared_store(backup_file.parent)
    names = named_in_file(backup_file)
    missing: list[str] = []
    damaged: list[str] = []
    for sha in sorted(names):
        path = store.path_of(sha)
        if not path.is_file():
            missing.append(sha)
            continue
        try:
            if file_sha256(path) != sha:
                damaged.append(sha)
        except OSError:
            damaged.append(sha)
    return ScanCheck(store.root, len(names), tuple(missing), tuple(damaged))


def restore_scans(backup_file: Path, data_attachments: Path, *, extra: int = 0) -> ScanCopy:
    """Bring back into the data folder every scan ``backup_file`` names that it lacks, from the
    store beside the backup. Free space is checked first for those files plus ``extra`` bytes
    (the database copy the restore stages next to the old one)."""
    names = named_in_file(backup_file)
    dest = ContentStore(data_attachments)
    check_space(data_attachments, missing_bytes(names, dest) + extra, what=Msg("khôi phục"))
    try:
        return copy_missing(names, shared_store(backup_file.parent), dest)
    except OneStopError:
        raise
    except OSError as exc:
        raise translate(exc, data_attachments) from exc
