"""Automatic backups (#14): daily and at sign-out, into the data folder's ``backups/`` and into
a second place (``backup_second_folder``: a second disk or a USB stick), verified, rotated,
owner-only.

One function, :func:`run`, is what the GUI's timer, its USB poll, sign-out and
``onestop backup auto`` all call, so each does the same thing: for each place, skip it when a
backup made today is already there (unless ``force``), make a verified copy
(``services.backup.backup_now``), then delete the automatic backups the rotation
(``domain.rotation.keep``: 7 daily, 4 weekly, 12 monthly) does not keep. Only files named
``onestop-auto-…`` are ever deleted: a backup someone made by hand, or the one taken before an
upgrade, stays until a person removes it. A place that is missing (the stick is not plugged in)
or cannot be written is reported with the reason and nothing else is touched.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from onestop_desktop.domain import clock, rotation
from onestop_desktop.errors import Msg, OneStopError
from onestop_desktop.paths import DataDir
from onestop_desktop.services import backup, settings
from onestop_desktop.services.context import Session
from onestop_desktop.store.backup import BackupInfo

AUTO_PREFIX = "onestop-auto-"
AUTO_NAME = re.compile(r"onestop-auto-(\d{8}-\d{6})(?:-(\d+))?\.db")
"""An automatic backup: ``onestop-auto-YYYYmmdd-HHMMSS.db`` (``-2``… if two in one second). The
time in the name (Vietnam time) is what rotation goes by: a FAT stick's mtimes are coarse."""


@dataclass(frozen=True)
class PlaceResult:
    """What :func:`run` did in one place."""

    folder: Path
    second: bool
    """The second place (``backup_second_folder``), not the data folder."""
    made: BackupInfo | None = None
    removed: tuple[Path, ...] = ()
    skipped: Msg | None = None
    """Why nothing was needed (a backup of today is already there)."""
    error: Msg | None = None
    """Why it could not be done (missing, read-only, full…): nothing was lost."""


@dataclass(frozen=True)
class AutoResult:
    places: list[PlaceResult] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(p.error is None for p in self.places)


def second_folder(ctx: Session) -> Path | None:
    """The second place as set by the admin, ``None`` when not set."""
    text = settings.value(ctx.store, settings.BACKUP_SECOND_FOLDER).strip()
    return Path(text).expanduser() if text else None


def _stamp(path: Path) -> datetime | None:
    match = AUTO_NAME.fullmatch(path.name)
    if match is None:
        return None
    at = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S").replace(tzinfo=clock.VN_TZ)
    # ``-2``, ``-3``: made later within the same second, so ordered after it.
    return at + timedelta(microseconds=int(match.group(2) or 1) - 1)


def last_good(folder: Path) -> datetime | None:
    """When the newest finished backup in ``folder`` was made (every finished backup was
    verified before it got its name); ``None`` when there is none or the folder is absent."""
    times = [
        _stamp(item.path) or item.modified for item in backup.list_backups(folder) if item.complete
    ]
    return max(times) if times else None


def last_good_anywhere(ctx: Session, data: DataDir) -> datetime | None:
    """The newest good backup in the data folder or the second place (the status bar)."""
    found = [t for t in (last_good(data.backups), _second_last(ctx)) if t is not None]
    return max(found) if found else None


def _second_last(ctx: Session) -> datetime | None:
    folder = second_folder(ctx)
    if folder is None:
        return None
    try:
        return last_good(folder)
    except OSError:
        return None


def is_due(ctx: Session, data: DataDir) -> bool:
    """Whether :func:`run` would copy anything now: a place without today's backup (the second
    place only when it is there to write to)."""
    now = ctx.now()
    if rotation.is_due(last_good(data.backups), now):
        return True
    folder = second_folder(ctx)
    if folder is None or not folder.is_dir():
        return False
    return rotation.is_due(_second_last(ctx), now)


def _auto_name(folder: Path, now: datetime) -> str:
    base = f"{AUTO_PREFIX}{now.strftime('%Y%m%d-%H%M%S')}"
    name, n = f"{base}.db", 1
    while (folder / name).exists() or (folder / (name + ".partial")).exists():
        n += 1
        name = f"{base}-{n}.db"
    return name


def rotate(folder: Path) -> tuple[Path, ...]:
    """Delete the automatic backups of ``folder`` that :func:`rotation.keep` does not keep (and
    their metadata files); the paths deleted."""
    autos = [(item.path, _stamp(item.path)) for item in backup.list_backups(folder)]
    dated = [(path, at) for path, at in autos if at is not None]
    kept = rotation.keep(dated)
    removed: list[Path] = []
    for path, _at in dated:
        if path in kept:
            continue
        path.unlink(missing_ok=True)
        backup.metadata_path(path).unlink(missing_ok=True)
        removed.append(path)
    return tuple(removed)


def _place(ctx: Session, data: DataDir, folder: Path, *, second: bool, force: bool) -> PlaceResult:
    now = ctx.now()
    if second:
        if not folder.is_dir():
            return PlaceResult(
                folder,
                second,
                error=Msg(
                    "không thấy nơi sao lưu thứ hai {folder} (USB chưa cắm hoặc ổ chưa gắn); "
                    "bản sao lưu trong thư mục dữ liệu vẫn còn, sẽ sao lưu khi cắm vào",
                    folder=str(folder),
                ),
            )
        if not os.access(folder, os.W_OK):
            return PlaceResult(
                folder,
                second,
                error=Msg(
                    "nơi sao lưu thứ hai {folder} chỉ cho phép đọc (USB bị khóa ghi?); không "
                    "ghi được bản sao lưu vào đó, không có gì bị xóa",
                    folder=str(folder),
                ),
            )
    if not force and not rotation.is_due(last_good(folder), now):
        return PlaceResult(folder, second, skipped=Msg("hôm nay đã có bản sao lưu"))
    try:
        info = backup.backup_now(ctx, data, folder, name=_auto_name(folder, now))
        removed = rotate(folder)
    except OneStopError as exc:
        return PlaceResult(
            folder,
            second,
            error=Msg(
                "không sao lưu được vào {folder}: {reason}; không có gì bị xóa",
                folder=str(folder),
                reason=exc.as_msg(),
            ),
        )
    except OSError as exc:
        return PlaceResult(
            folder,
            second,
            error=Msg(
                "không sao lưu được vào {folder}: lỗi ổ đĩa ({reason}); không có gì bị xóa",
                folder=str(folder),
                reason=exc.strerror or str(exc),
            ),
        )
    return PlaceResult(folder, second, made=info, removed=removed)


def run(ctx: Session, data: DataDir, *, force: bool = False) -> AutoResult:
    """The automatic backup: the data folder first, then the second place when one is set.
    ``force`` (sign-out) copies even when today's backup exists. Errors are reported per place,
    never raised: a missing stick must not stop the copy in the data folder, nor a sign-out."""
    ctx.require("dossiers.view")
    result = AutoResult()
    result.places.append(_place(ctx, data, data.backups, second=False, force=force))
    folder = second_folder(ctx)
    if folder is not None:
        result.places.append(_place(ctx, data, folder, second=True, force=force))
    return result
