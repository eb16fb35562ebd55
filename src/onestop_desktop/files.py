"""The one way the app writes a file: durable, atomic, and a failure explained as a problem with
*that file*, never as a database fault.

Every file the app writes (exports, reports, backups, keys, settings files, and later slips,
attachments and bundles) goes through :func:`atomic_write` or :func:`atomic_path`:

1. the bytes go to a temporary name in the *same folder* (a rename across file systems is not
   atomic, and a USB stick is another file system);
2. the file is flushed and ``fsync``-ed, so its contents are on the disk before it has its name;
3. it is renamed over the final name with :func:`os.replace` (atomic on POSIX and on Windows,
   retried briefly on Windows where a virus scanner or indexer may hold the old file open);
4. the folder is ``fsync``-ed (POSIX), so the rename itself survives a power cut.

A power cut or a pulled USB stick at any moment leaves either the old file or the new one under
the final name, never a half-written one; the temporary file (``.<name>.<random>.partial``) is
removed on failure and swept by whoever owns the folder.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from onestop_desktop.errors import Msg, StorageError

PARTIAL_SUFFIX = ".partial"

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
"""Every file the app writes holds personal data (applicants, ID numbers, phones): readable by
the station's OS account only, whatever the umask (item 5 of #7)."""


def make_private(path: Path, *, folder: bool = False) -> None:
    """Set ``path`` to 0600 (0700 for a folder); silently skipped where chmod means nothing
    (Windows, FAT on a USB stick) and for a file that is already gone."""
    with contextlib.suppress(OSError):
        os.chmod(path, PRIVATE_DIR if folder else PRIVATE_FILE)


FAULT_ENV = "ONESTOP_FAULT_AT"
"""Fault injection for the power-cut tests: ``ONESTOP_FAULT_AT=N`` kills this process with
SIGKILL at the N-th :func:`fault_point` (each rename, fsync and copy of a durable write), so a
test can cut the power at every step of a restore or a backup. Unset, it costs one ``None``
test per step."""

fault_hook: Callable[[str, Path], None] | None = None
"""Called as ``fault_hook(kind, path)`` at every fault point (``"rename"``, ``"fsync"``,
``"write"``); tests replace it to raise or to kill at a chosen step."""


def fault_point(kind: str, path: Path) -> None:
    """A step after which a power cut must leave the files consistent (see :data:`FAULT_ENV`)."""
    if fault_hook is not None:
        fault_hook(kind, path)


def _install_env_fault() -> None:
    """Arm :data:`fault_hook` from :data:`FAULT_ENV` (a child process of the power-cut suite)."""
    global fault_hook
    raw = os.environ.get(FAULT_ENV, "")
    if not raw.isdigit():
        return
    target, seen = int(raw), [0]

    def _kill_at(kind: str, path: Path) -> None:
        seen[0] += 1
        if seen[0] == target:
            if _ON_WINDOWS:  # no SIGKILL: end at once, without cleanup, like the power cut
                os._exit(137)
            else:
                import signal

                os.kill(os.getpid(), signal.SIGKILL)

    fault_hook = _kill_at


_REASONS: dict[int, Msg] = {
    errno.EROFS: Msg("ổ đĩa chỉ cho phép đọc"),
    errno.EACCES: Msg("không có quyền ghi"),
    errno.EPERM: Msg("không có quyền ghi"),
    errno.ENOSPC: Msg("ổ đĩa đã đầy"),
    errno.EFBIG: Msg("tệp quá lớn cho ổ đĩa này"),
    errno.ENOTDIR: Msg("đường dẫn đi qua một tệp, không phải thư mục"),
    errno.EISDIR: Msg("đó là một thư mục"),
    errno.EIO: Msg("lỗi đọc ghi ổ đĩa (USB bị rút hoặc ổ hỏng)"),
}

#: Windows: no folder fsync, and a replace may meet a file another program holds open.
_ON_WINDOWS = os.name == "nt"

#: How long a Windows replace is retried while another program holds the target open.
_REPLACE_RETRY_SECONDS = 2.0


def reason(exc: OSError) -> Msg:
    """Why an OS call failed, in words a clerk understands."""
    known = _REASONS.get(exc.errno or 0)
    if known is not None:
        return known
    return Msg("{error}", error=exc.strerror or str(exc))


def write_error(path: Path, exc: OSError) -> StorageError:
    """The :class:`StorageError` for a failed write of ``path``."""
    return StorageError(
        "Không ghi được tệp {path}: {reason}", path=str(path), reason=reason(exc), detail=str(exc)
    )


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in ``folder`` durable (no-op where folders cannot be opened,
    as on Windows, whose NTFS journals the rename itself)."""
    fault_point("fsync", folder)
    if _ON_WINDOWS:
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems (network shares, FAT on Linux) refuse a folder fsync
    finally:
        os.close(fd)


def replace(src: Path, dst: Path) -> None:
    """``os.replace`` that survives the brief locks Windows programs take on files."""
    fault_point("rename", dst)
    deadline = time.monotonic() + _REPLACE_RETRY_SECONDS
    while True:
        try:
            os.replace(src, dst)
            fault_point("renamed", dst)
            return
        except PermissionError:
            if not _ON_WINDOWS or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _temporary(path: Path, mode: int | None) -> tuple[int, Path]:
    fd, name = tempfile.mkstemp(
        prefix=f".{path.name}.", suffix=PARTIAL_SUFFIX, dir=str(path.parent)
    )
    if hasattr(os, "fchmod"):  # set before the first byte: never readable by others, even briefly
        os.fchmod(fd, PRIVATE_FILE if mode is None else mode)
    return fd, Path(name)


@contextlib.contextmanager
def atomic_path(path: Path, *, mode: int | None = None) -> Iterator[Path]:
    """Yield a temporary path beside ``path`` for a library that writes by file name (SQLite's
    backup, openpyxl); when the block ends, the file is fsynced and renamed into place.

    ``mode`` sets the permission bits (``0o600`` for keys) before any byte is written.
    """
    tmp: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = _temporary(path, mode)
        os.close(fd)
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        fault_point("fsync", tmp)
        replace(tmp, path)
        tmp = None
        fsync_dir(path.parent)
    except OSError as exc:
        raise write_error(path, exc) from exc
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()


@contextlib.contextmanager
def atomic_stream(path: Path, *, mode: int | None = None) -> Iterator[BinaryIO]:
    """Yield a binary file object to write ``path`` in pieces (large exports, bundles)."""
    with atomic_path(path, mode=mode) as tmp, open(tmp, "wb") as fh:
        yield fh
        fh.flush()


def atomic_write(
    path: Path,
    data: bytes | str,
    *,
    encoding: str = "utf-8",
    mode: int | None = None,
) -> Path:
    """Write ``data`` to ``path`` durably and atomically; returns ``path``.

    Text is encoded with ``encoding`` (``"utf-8-sig"`` for CSV that Excel must read right).
    """
    raw = data.encode(encoding) if isinstance(data, str) else data
    with atomic_stream(path, mode=mode) as fh:
        fh.write(raw)
    return path


def atomic_write_with(
    path: Path, writer: Callable[[Path], None], *, mode: int | None = None
) -> Path:
    """Run ``writer(tmp)`` (a library call that writes a file by name), then put the result in
    place durably; returns ``path``."""
    with atomic_path(path, mode=mode) as tmp:
        writer(tmp)
    return path


def fsync_file(path: Path) -> None:
    """Flush ``path``'s bytes to the disk (a fault point: the power may go right after)."""
    with path.open("rb") as fh:
        os.fsync(fh.fileno())
    fault_point("fsync", path)


_install_env_fault()


@contextlib.contextmanager
def writing(path: Path) -> Iterator[Path]:
    """Compatibility name for :func:`atomic_path` (the earlier writer of reports and exports)."""
    with atomic_path(path) as tmp:
        yield tmp
