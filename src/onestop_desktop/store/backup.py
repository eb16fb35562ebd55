"""Backups with SQLite's online backup API, verified before they count, and a restore that
verifies the backup before it replaces anything and keeps the file it replaced.

A backup is written to ``*.partial``, checked (``integrity_check``, our schema, the event chain),
fsynced and only then renamed: an interrupted backup never looks like a good one.
"""

from __future__ import annotations

import json
import logging
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from onestop_desktop.domain import clock
from onestop_desktop.errors import Msg, StorageError
from onestop_desktop.files import (
    atomic_write,
    fault_point,
    fsync_dir,
    fsync_file,
    make_private,
    replace,
)
from onestop_desktop.store.db import (
    Store,
    check_schema,
    integrity_problems,
    looks_like_sqlite,
    translate,
    translated_errors,
)
from onestop_desktop.store.schema import refuse_foreign_schema


@dataclass(frozen=True)
class BackupInfo:
    """A verified backup file and what it holds."""

    path: Path
    events: int
    dossiers: int
    size: int
    last_event_at: str | None = None
    """When the newest event in the backup was recorded (ISO): how recent the copy is."""
    scans: int = 0
    """Scanned files the backup names (#11), all in the scans store beside it unless listed
    in ``scans_missing``."""
    scans_copied: int = 0
    """Of those, copied by this backup (the others were there from an earlier one)."""
    scans_copied_bytes: int = 0
    scans_missing: tuple[str, ...] = ()
    """Named by the database but absent (or damaged) in the data folder: not in the backup."""


PARTIAL = ".partial"
log = logging.getLogger(__name__)


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
        refuse_foreign_schema(conn, path)  # a backup is data, not code (no trigger of its own)
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
        make_private(partial)
        try:
            store.db.conn.backup(target, pages=4096)
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        fault_point("write", partial)
        fsync_file(partial)
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


JOURNAL = ".restore-journal"
"""Beside the database while a restore is replacing it: what was staged and where the old file
goes, so a restore cut at any step is completed or rolled back at the next start."""

STAGED = ".restoring"
SIDES = ("-wal", "-shm")


@dataclass(frozen=True)
class RecoveryOutcome:
    """What the start-up found of a restore cut short, and what it did."""

    action: str
    """``"completed"`` (the restored database is in place) or ``"rolled_back"`` (the old one)."""
    kept: Path | None
    message: Msg


def _journal(database: Path) -> Path:
    return database.with_name(database.name + JOURNAL)


def restore(backup_file: Path, database: Path) -> Path | None:
    """Replace ``database`` by a verified copy of ``backup_file``; the path the old file was kept
    under (``None`` if there was none). Nothing is touched unless the backup verifies.

    Crash-safe: the copy is staged and verified beside the database, then a journal naming the
    staged copy and the kept name is written (atomically) before the first rename. A cut before
    the journal leaves the old database untouched; a cut after it is finished by
    :func:`recover_restore` at the next open. The old database's ``-wal``/``-shm`` move with it
    *before* the new file takes the name, so a stale WAL is never applied to the restored file.
    """
    verify_backup(backup_file)
    folder = database.parent
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    staged = folder / (database.name + STAGED)
    with translated_errors(folder):
        folder.mkdir(parents=True, exist_ok=True)
        recover_restore(database)  # a restore cut earlier is settled before a new one starts
        shutil.copyfile(backup_file, staged)
        make_private(staged)
        fault_point("write", staged)
        fsync_file(staged)
        verify_backup(staged)
        kept: Path | None = None
        if database.exists():
            # Fold the WAL into the old file first, so the kept copy is whole on its own.
            try:
                conn = sqlite3.connect(str(database))
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                conn.close()
            except sqlite3.DatabaseError:
                pass  # a corrupt database is exactly what one restores over; keep it as is
            kept = _unused(folder / f"{database.name}.replaced-{stamp}")
        atomic_write(
            _journal(database),
            json.dumps({"staged": staged.name, "kept": kept.name if kept else None}),
            mode=0o600,
        )
        _finish(database, staged, kept)
    return kept


def _finish(database: Path, staged: Path, kept: Path | None) -> None:
    """The renames of a journaled restore, each safe to repeat after a cut."""
    folder = database.parent
    if kept is not None:
        for suffix in SIDES:
            side = database.with_name(database.name + suffix)
            if side.exists():
                replace(side, kept.with_name(kept.name + suffix))
        if database.exists():
            replace(database, kept)
    for suffix in SIDES:  # never let a WAL of another file meet the restored database
        database.with_name(database.name + suffix).unlink(missing_ok=True)
    replace(staged, database)
    fsync_dir(folder)
    _journal(database).unlink(missing_ok=True)
    fsync_dir(folder)


def recover_restore(database: Path) -> RecoveryOutcome | None:
    """Settle a restore cut short (called on every open): complete it when its verified staged
    copy is still there, else roll back to the kept database. ``None`` when there was none.

    A staged copy without a journal is the leftover of a restore cut while copying, before
    anything was touched: it is removed and the database stays as it was.
    """
    journal = _journal(database)
    staged = database.with_name(database.name + STAGED)
    if not journal.exists():
        if staged.exists():
            staged.unlink()
            return RecoveryOutcome(
                "rolled_back",
                None,
                Msg("Lần khôi phục trước bị ngắt khi đang chép; cơ sở dữ liệu cũ giữ nguyên"),
            )
        return None
    try:
        plan = json.loads(journal.read_text(encoding="utf-8"))
        kept_name = plan.get("kept")
        kept = database.with_name(str(kept_name)) if kept_name else None
    except (ValueError, OSError, AttributeError):
        # The journal is written atomically: unreadable means it never fully existed.
        journal.unlink(missing_ok=True)
        return recover_restore(database)
    log.warning("restore journal found beside %s: settling it", database.name)
    if staged.exists():
        try:
            verify_backup(staged)
            good = True
        except StorageError:
            good = False
        if good:
            _finish(database, staged, kept)
            return RecoveryOutcome(
                "completed",
                kept,
                Msg(
                    "Lần khôi phục trước bị ngắt giữa chừng; đã hoàn tất khôi phục (bản cũ giữ "
                    "tại {kept})",
                    kept=str(kept) if kept else "-",
                ),
            )
        staged.unlink()
        if kept is not None and kept.exists() and not database.exists():
            for suffix in SIDES:
                side = kept.with_name(kept.name + suffix)
                if side.exists():
                    replace(side, database.with_name(database.name + suffix))
            replace(kept, database)
        fsync_dir(database.parent)
        journal.unlink(missing_ok=True)
        fsync_dir(database.parent)
        return RecoveryOutcome(
            "rolled_back",
            None,
            Msg("Lần khôi phục trước bị ngắt giữa chừng; đã quay lại cơ sở dữ liệu cũ"),
        )
    # No staged copy: its rename to the database was the last step; only the journal remained.
    journal.unlink(missing_ok=True)
    fsync_dir(database.parent)
    return RecoveryOutcome(
        "completed",
        kept,
        Msg("Lần khôi phục trước bị ngắt ở bước cuối; bản khôi phục đã được dùng"),
    )


@dataclass(frozen=True)
class StationIdentity:
    """Who a database belongs to: the unit, the station number and its public signing key."""

    unit_code: str | None
    unit_name: str | None
    station_id: int | None
    public_key: str | None


def read_identity(path: Path) -> StationIdentity | None:
    """The identity stored in the database at ``path`` (read only, nothing written); ``None``
    when the file is absent or cannot be read as an OneStop database (a damaged file is exactly
    what one restores over)."""
    if not path.is_file() or not looks_like_sqlite(path):
        return None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        rows = conn.execute(
            "SELECT key, value FROM settings WHERE key IN "
            "('unit_code', 'unit_name', 'station_id', 'station_public_key')"
        ).fetchall()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    values = {str(k): str(v) for k, v in rows}
    station = values.get("station_id")
    return StationIdentity(
        unit_code=values.get("unit_code"),
        unit_name=values.get("unit_name"),
        station_id=int(station) if station is not None and station.isdigit() else None,
        public_key=values.get("station_public_key"),
    )
