"""Backup and restore as clerk/admin actions, so the GUI calls the same code as the CLI.

* :func:`backup_now` copies the live database (SQLite's online backup API) into the data
  folder's ``backups/`` (or a folder the admin chose, a USB stick), verified before it counts.
* :func:`list_backups` lists the backups in a folder, newest first, without opening them.
* :func:`verify` checks one file (integrity, schema, the event chain).
* :func:`restore_station` replaces the station's database by a verified backup of *this*
  station (unit, station number, key in ``keys/``), keeping the old file; another station's
  backup only with ``other_station=True`` (:func:`check_restore` tells the GUI beforehand).
* Each backup gets ``<backup>.json`` beside it with the chain heads (anchors, see
  ``services.anchors``), and the heads are added to the data folder's anchors.
* The scanned pages travel with it (#11): every backup folder holds one content-addressed
  store of them, ``attachments/`` (``services.backup_scans``); a backup copies the ones it names
  that are not there yet, a restore brings back the ones the data folder lacks.

The verify-then-rename work is ``store/backup.py``; this layer decides where backups go and who
may make or restore one.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from onestop_desktop import files
from onestop_desktop.domain import clock
from onestop_desktop.errors import Conflict, Msg
from onestop_desktop.paths import DataDir
from onestop_desktop.scanning.store import ContentStore
from onestop_desktop.services import anchors, backup_scans
from onestop_desktop.services.anchors import Anchor
from onestop_desktop.services.context import Session
from onestop_desktop.store import backup as backup_store
from onestop_desktop.store.backup import PARTIAL, StationIdentity
from onestop_desktop.store.backup import BackupInfo as BackupInfo  # the CLI's type (re-exported)
from onestop_desktop.store.db import translated_errors

META_SUFFIX = ".json"
"""``onestop-….db.json`` beside each backup: the chain heads at the time (anchors)."""

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


def backup_now(
    ctx: Session, data: DataDir, dest: Path | None = None, *, name: str | None = None
) -> BackupInfo:
    """A verified copy of the station database in ``dest`` (default: the data folder's
    ``backups/``). Any signed-in staff member may make one: a backup loses nothing.

    The chain heads go into a metadata file beside the backup (``<backup>.json``) and into the
    data folder's anchors (source ``backup``): a copy on a USB stick is then an anchor the
    station's own file cannot rewrite."""
    ctx.require("dossiers.view")
    folder = default_folder(data) if dest is None else dest
    info = _with_scans(ctx, data, folder, name)
    heads = anchors.keep_heads(ctx.store, "backup")
    meta = {
        "database": info.path.name,
        "written_at": clock.iso(ctx.now()),
        "unit_code": ctx.station.unit_code,
        "station": ctx.station.station_id,
        "events": info.events,
        "dossiers": info.dossiers,
        "scans": {
            "folder": backup_scans.FOLDER,
            "named": info.scans,
            "copied": info.scans_copied,
            "copied_bytes": info.scans_copied_bytes,
            "missing": list(info.scans_missing),
        },
        "chain_heads": [
            {"station": h.station, "seq": h.seq, "hash": h.hash, "token": h.token} for h in heads
        ],
    }
    files.atomic_write(
        metadata_path(info.path), json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    files.make_private(metadata_path(info.path))  # the chain heads and counts: owner only (#14)
    return info


def _database_bytes(data: DataDir) -> int:
    """What a copy of the live database takes on disk, about (the file and its WAL)."""
    total = 0
    for path in (data.database, data.database.with_name(data.database.name + "-wal")):
        with contextlib.suppress(OSError):
            total += path.stat().st_size
    return total


def _with_scans(ctx: Session, data: DataDir, folder: Path, name: str | None) -> BackupInfo:
    """The database copy and the scans it names (#11), into ``folder`` and its scans store.

    Free space for both is checked before anything is written. The scans the live database
    names are copied first, then the database; then any scan the copy names that was added in
    between. So a finished backup names no scan its folder lacks, unless the data folder
    itself lacks it (listed in ``scans_missing``, logged, and reported by ``backup verify``)."""
    source = ContentStore(data.attachments)
    dest = backup_scans.shared_store(folder)
    names = backup_scans.named_in_store(ctx.store)
    need = _database_bytes(data) + backup_scans.missing_bytes(names, dest)
    backup_scans.check_space(folder, need, what=Msg("sao lưu"))
    with translated_errors(folder):
        first = backup_scans.copy_missing(names, source, dest)
    info = backup_store.backup(ctx.store, folder, name=name)
    named = backup_scans.named_in_file(info.path)
    later = {sha: size for sha, size in named.items() if sha not in names}
    with translated_errors(folder):
        second = backup_scans.copy_missing(later, source, dest)
    lost = tuple(sorted({*first.missing, *first.damaged, *second.missing, *second.damaged}))
    return replace(
        info,
        scans=len(named),
        scans_copied=first.copied + second.copied,
        scans_copied_bytes=first.copied_bytes + second.copied_bytes,
        scans_missing=lost,
    )


def metadata_path(backup_file: Path) -> Path:
    """The metadata file beside a backup: its chain heads (anchors) and what it holds."""
    return backup_file.with_name(backup_file.name + META_SUFFIX)


def read_metadata_anchors(backup_file: Path) -> list[Anchor]:
    """The chain heads written beside ``backup_file`` when it was made, as anchors (none when
    the file is absent or unreadable)."""
    try:
        meta = json.loads(metadata_path(backup_file).read_text(encoding="utf-8"))
        heads = meta["chain_heads"]
        return [
            Anchor(
                str(meta["written_at"]), int(h["station"]), int(h["seq"]), str(h["hash"]), "backup"
            )
            for h in heads
        ]
    except (OSError, ValueError, KeyError, TypeError):
        return []


def list_backups(folder: Path) -> list[BackupFile]:
    """The backup files in ``folder``, newest first (an absent folder has none)."""
    if not folder.is_dir():
        return []
    found: list[BackupFile] = []
    for path in folder.glob(BACKUP_PATTERN):
        if not path.is_file() or path.name.endswith(("-wal", "-shm", META_SUFFIX)):
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


def verify_scans(path: Path) -> backup_scans.ScanCheck:
    """Check that every scan the backup ``path`` names is in the store beside it, whole
    (re-hashed); the database itself is checked by :func:`verify`."""
    return backup_scans.verify_scans(path)


@dataclass(frozen=True)
class RestoreCheck:
    """Whose backup a file is, against this station (its database and its ``keys/`` key)."""

    backup: StationIdentity
    current: StationIdentity | None
    key_public: str | None
    """The public key of ``keys/station_ed25519.pem`` (hex), ``None`` when there is no key."""
    problems: list[Msg]
    """Why the backup is not this station's (empty: it is, or there is nothing to compare)."""

    @property
    def same_station(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did: where the old database went, whose backup it was, the anchors set
    aside."""

    kept: Path | None
    check: RestoreCheck
    anchors_set_aside: list[Anchor]
    """Anchors the restored chain does not satisfy (events after the backup are lost, or it is
    another station's chain), moved to ``anchors/superseded-*.jsonl``."""
    scans: backup_scans.ScanCopy | None = None
    """The scans the restored database names, copied back from the store beside the backup
    (``missing``/``damaged``: not there, the pages of those files cannot be shown)."""


def _key_public(data: DataDir) -> str | None:
    """The public half of the station key in ``keys/`` (hex), ``None`` when absent or unreadable."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from onestop_desktop.services.station import KEY_FILE

    path = data.keys / KEY_FILE
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (OSError, ValueError, TypeError):
        return None
    if not isinstance(key, Ed25519PrivateKey):
        return None
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return raw.hex()


def check_restore(data: DataDir, backup_file: Path) -> RestoreCheck:
    """Verify ``backup_file`` and say whether it is this station's own (the GUI shows the
    problems and asks before calling :func:`restore_station` with ``other_station=True``).

    Compared: the unit and station number with the current database (when it can still be
    read), and the backup's public key with the key in ``keys/`` (when there is one)."""
    backup_store.verify_backup(backup_file)
    theirs = backup_store.read_identity(backup_file)
    if theirs is None:
        theirs = backup_store.StationIdentity(None, None, None, None)
    ours = backup_store.read_identity(data.database)
    key = _key_public(data)
    problems: list[Msg] = []
    if (
        ours is not None
        and ours.unit_code is not None
        and ((ours.unit_code, ours.station_id) != (theirs.unit_code, theirs.station_id))
    ):
        problems.append(
            Msg(
                "bản sao lưu là của máy trạm {their_station} đơn vị {their_unit}, máy này là máy "
                "trạm {our_station} đơn vị {our_unit}",
                their_station=theirs.station_id if theirs.station_id is not None else "?",
                their_unit=theirs.unit_code or "?",
                our_station=ours.station_id if ours.station_id is not None else "?",
                our_unit=ours.unit_code,
            )
        )
    if key is not None and key != theirs.public_key:
        problems.append(
            Msg(
                "khóa ký của máy trạm trong thư mục keys/ không khớp khóa công khai ghi trong "
                "bản sao lưu"
            )
        )
    return RestoreCheck(theirs, ours, key, problems)


def restore_station(
    data: DataDir,
    backup_file: Path,
    ctx: Session | None = None,
    *,
    other_station: bool = False,
) -> RestoreResult:
    """Replace the station database by ``backup_file`` once it verifies and is this station's
    own; with ``other_station`` a backup of another station (or whose key does not match
    ``keys/``) is restored too. The key in ``keys/`` is never touched (it may be the only copy
    of this PC's station key): it cannot sign for the restored station, and the operator is told
    to put that station's key in its place before syncing (``RestoreResult.check``).

    With a session (the GUI) the actor must be an admin; the CLI runs as the operator, who owns
    the data folder, without one (a corrupt database cannot be opened to sign in, and restoring
    it is exactly what the operator needs then). The caller closes its store first: the file is
    replaced under it."""
    if ctx is not None:
        ctx.require(MANAGE_PERMISSION)
    check = check_restore(data, backup_file)
    if check.problems and not other_station:
        raise Conflict(
            "Không khôi phục: {reason}. Nếu thật sự muốn dùng bản sao lưu này, chạy lại với "
            "--other-station: máy này sẽ tiếp tục chuỗi sự kiện với tư cách máy trạm "
            "{station} của đơn vị {unit}, khóa ký trong keys/ không ký được cho máy trạm đó "
            "(cất khóa này đi rồi chép khóa của máy trạm đó vào keys/ trước khi đồng bộ), và "
            "không được để hai máy cùng chạy một số máy trạm",
            reason=check.problems[0],
            station=check.backup.station_id if check.backup.station_id is not None else "?",
            unit=check.backup.unit_code or "?",
            detail="; ".join(str(p) for p in check.problems),
        )
    # The scans first (#11): once the restored database is in place, every page it names is.
    size = backup_file.stat().st_size if backup_file.is_file() else 0
    scans = backup_scans.restore_scans(backup_file, data.attachments, extra=size)
    kept = backup_store.restore(backup_file, data.database)
    from onestop_desktop.store.db import Store

    store = Store.open(data.database, integrity="none")
    try:
        set_aside = anchors.set_aside_disagreeing(store)
        anchors.keep_heads(store, "restore")
    finally:
        store.close()
    return RestoreResult(kept, check, set_aside, scans)


def restore(
    data: DataDir, backup_file: Path, ctx: Session | None = None, *, other_station: bool = False
) -> Path | None:
    """:func:`restore_station`, returning only the path the old database was kept under."""
    return restore_station(data, backup_file, ctx, other_station=other_station).kept
