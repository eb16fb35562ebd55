"""Backups with SQLite's online backup API, verified before they count, and a restore that
verifies the backup before it replaces anything and keeps the file it replaced.

A backup is written to ``*.partial``, checked (``integrity_check``, our schema, the event chain),
fsynced and only then renamed: an interrupted backup never looks like a good one.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from onestop_desktop.domain import clock
from onestop_desktop.errors import StorageError
from onestop_desktop.files import fsync_dir, replace
from onestop_desktop.store.db import (
    Store,
    check_schema,
    integrity_problems,
    looks_like_sqlite,
    translate,
    translated_errors,
)


@dataclass(frozen=True)
class BackupInfo:
    """A verified backup file and what it holds."""

    path: Path
    events: int
    dossiers: int
    size: int
    last_event_at: str | None = None
    """When the newest event in the backup was recorded (ISO): how recent the copy is."""


PARTIAL = ".partial"


def _unused(path: Path) -> Path:
    """``path``, or ``path-2``, ``path-3``…: never overwrite a file we promised to keep."""
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.name}-{n}")
    return candidate


def verify_backup(path: Path) -> BackupInfo:
    """Open ``path`` read-only and check it is a whole, uncorrupted OneStop database."""
    if not path.is_file():
        raise StorageError("Không tìm thấy tệp sao lưu {path}", path=str(path))
    if path.name.endswith(PARTIAL):
        raise StorageError(
            "Tệp {file} là bản sao lưu chưa hoàn tất (bị ngắt giữa chừng), không dùng được",
            file=path.name,
        )
    return _verify_contents(path)


def _verify_contents(path: Path) -> BackupInfo:
    if not looks_like_sqlite(path):
        raise StorageError("Tệp {path} không phải bản sao lưu cơ sở dữ liệu SQLite", path=str(path))
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise translate(exc, path) from exc
    try:
        problems = integrity_problems(conn, full=True)
        if problems:
            raise StorageError(
                "Bản sao lưu {file} bị hỏng, không dùng được",
                file=path.name,
                detail="; ".join(problems[:3]),
            )
        import sqlite_utils

        db = sqlite_utils.Database(conn, execute_plugins=False)
        if not db["events"].exists() or not db["settings"].exists():
            raise StorageError("Tệp {file} không phải cơ sở dữ liệu OneStop", file=path.name)
        check_schema(db)
        from onestop_desktop.store import events

        store = Store(db, path)
        checked, broken = events.verify(store)
        if broken is not None:
            raise StorageError(
                "Bản sao lưu {file} có chuỗi sự kiện bị đứt tại máy trạm {station}, sự kiện số "
                "{seq}",
                file=path.name,
                station=broken.station_id,
                seq=broken.seq,
            )
        n_dossiers = int(conn.execute("SELECT count(*) FROM dossiers").fetchone()[0])
        created = conn.execute("SELECT max(at) FROM events").fetchone()[0]
        return BackupInfo(
            path, checked, n_dossiers, path.stat().st_size, str(created) if created else None
        )
    except sqlite3.Error as exc:
        raise StorageError(
            "Bản sao lưu {file} bị hỏng, không dùng được", file=path.name, detail=str(exc)
        ) from exc
    finally:
        conn.close()


def backup(store: Store, dest_dir: Path, *, name: str | None = None) -> BackupInfo:
    """Copy the live database into ``dest_dir`` with the online backup API, then verify it."""
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    final = dest_dir / (name or f"onestop-{stamp}.db")
    partial = final.with_name(final.name + PARTIAL)
    with translated_errors(dest_dir):
        dest_dir.mkdir(parents=True, exist_ok=True)
        if final.exists():
            raise StorageError("Đã có tệp {path}; không ghi đè", path=str(final))
        partial.unlink(missing_ok=True)
    try:
        target = sqlite3.connect(str(partial))
        try:
            store.db.conn.backup(target, pages=4096)
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        with partial.open("rb") as fh:
            os.fsync(fh.fileno())
        info = _verify_contents(partial)
        replace(partial, final)
        fsync_dir(dest_dir)
    except StorageError:
        partial.unlink(missing_ok=True)
        raise
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise translate(exc, dest_dir) from exc
    return BackupInfo(final, info.events, info.dossiers, final.stat().st_size, info.last_event_at)


def restore(backup_file: Path, database: Path) -> Path | None:
    """Replace ``database`` by a verified copy of ``backup_file``; the path the old file was kept
    under (``None`` if there was none). Nothing is touched unless the backup verifies."""
    verify_backup(backup_file)
    folder = database.parent
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    staged = folder / (database.name + ".restoring")
    kept: Path | None = None
    with translated_errors(folder):
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(backup_file, staged)
        with staged.open("rb") as fh:
            os.fsync(fh.fileno())
        verify_backup(staged)
        if database.exists():
            # Fold the WAL into the old file first, so the kept copy is whole on its own.
            try:
                conn = sqlite3.connect(str(database))
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                conn.close()
            except sqlite3.DatabaseError:
                pass  # a corrupt database is exactly what one restores over; keep it as is
            kept = _unused(folder / f"{database.name}.replaced-{stamp}")
            replace(database, kept)
            for suffix in ("-wal", "-shm"):
                side = database.with_name(database.name + suffix)
                if side.exists():
                    replace(side, kept.with_name(kept.name + suffix))
        replace(staged, database)
        fsync_dir(folder)
    return kept
