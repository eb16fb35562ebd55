"""Content-addressed storage of scanned files under the data folder's ``attachments/``.

A file is stored under its SHA-256 (``attachments/ab/abcdef…``): the same page scanned twice is
one file, and a file's name can never point at other bytes. :func:`ContentStore.put` copies the
source into a temporary ``.partial`` name in the target's own folder while hashing it, fsyncs
it, renames it into place and fsyncs the folder, all *before* the caller commits the event that
names it. A power cut therefore leaves either no file (and no event), or a file with no event
yet (an orphan the sweep reports and keeps), never an event without its file.

Thumbnails are cached under ``attachments/thumbs/`` by hash, page, rotation and size.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from onestop_desktop import files

CHUNK = 1024 * 1024
_SHA = re.compile(r"[0-9a-f]{64}$")


@dataclass(frozen=True)
class Stored:
    """A file in the store: its hash, size and path; ``existed`` if it was there already."""

    sha256: str
    size: int
    path: Path
    existed: bool


class ContentStore:
    """The ``attachments/`` folder: files by hash, and their thumbnails."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @property
    def thumbs(self) -> Path:
        return self.root / "thumbs"

    def path_of(self, sha256: str) -> Path:
        """Where the file with this hash lives (whether or not it is there)."""
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path_of(sha256).is_file()

    def put(self, source: Path, *, unsynced: set[Path] | None = None) -> Stored:
        """Copy ``source`` in durably under its hash (see the module docstring).

        With ``unsynced`` (a batch, e.g. a backup's scans) the folders whose new entries still
        need an fsync are added to it instead of synced one file at a time; the caller calls
        :func:`sync_folders` on it before anything depends on the batch."""
        staging = self.root / "incoming"
        self._folder(staging, unsynced)
        digest = hashlib.sha256()
        size = 0
        fd, tmp_name = _mkstemp(staging)
        tmp = Path(tmp_name)
        renamed = False
        try:
            try:
                with os.fdopen(fd, "wb") as out:
                    try:
                        src = source.open("rb")
                    except OSError as exc:
                        raise _unreadable(source, exc) from exc
                    with src:
                        while True:
                            try:
                                chunk = src.read(CHUNK)
                            except OSError as exc:
                                raise _unreadable(source, exc) from exc
                            if not chunk:
                                break
                            digest.update(chunk)
                            out.write(chunk)
                            size += len(chunk)
                    out.flush()
                    os.fsync(out.fileno())
            except OSError as exc:  # writing the copy (the reads are told apart above)
                raise files.write_error(tmp, exc) from exc
            files.fault_point("fsync", tmp)
            sha = digest.hexdigest()
            final = self.path_of(sha)
            if final.is_file() and final.stat().st_size == size:
                return Stored(sha, size, final, existed=True)
            self._folder(final.parent, unsynced)
            try:
                files.replace(tmp, final)
            except OSError as exc:
                raise files.write_error(final, exc) from exc
            renamed = True
            if unsynced is None:
                files.fsync_dir(final.parent)
            else:
                unsynced.add(final.parent)
            files.make_private(final)
            return Stored(sha, size, final, existed=False)
        finally:
            if not renamed:
                with contextlib.suppress(OSError):
                    tmp.unlink()

    def _folder(self, folder: Path, unsynced: set[Path] | None = None) -> None:
        if folder.is_dir():
            return
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=files.PRIVATE_DIR)
        except OSError as exc:
            raise files.write_error(folder, exc) from exc
        files.make_private(folder, folder=True)
        if unsynced is None:
            files.fsync_dir(folder.parent)
        else:
            unsynced.add(folder.parent)

    def hashes(self) -> Iterator[str]:
        """Every stored file's hash (thumbnails and partial files left out)."""
        if not self.root.is_dir():
            return
        for sub in sorted(self.root.iterdir()):
            if not sub.is_dir() or len(sub.name) != 2:
                continue
            for f in sorted(sub.iterdir()):
                if _SHA.match(f.name) and f.name.startswith(sub.name):
                    yield f.name

    def partials(self) -> list[Path]:
        """Temporary files a power cut left behind (never named by an event; safe to remove)."""
        staging = self.root / "incoming"
        return sorted(staging.glob("*" + files.PARTIAL_SUFFIX)) if staging.is_dir() else []

    def thumb_path(self, sha256: str, page: int, rotation: int, side: int) -> Path:
        return self.thumbs / sha256[:2] / f"{sha256}-{page}-{rotation}-{side}.png"


def sync_folders(folders: set[Path]) -> None:
    """fsync each folder of a batch of :meth:`ContentStore.put` (deepest first, so a new
    sub-folder's own entries are durable before the entry that names it)."""
    for folder in sorted(folders, key=lambda f: len(f.parts), reverse=True):
        files.fsync_dir(folder)
    folders.clear()


def _unreadable(source: Path, exc: OSError) -> Exception:
    """A source that cannot be read (gone, held by the scanner…) is the file's fault, not the
    store's: the refusal names it as the content checks do (``scanning.check.unreadable``)."""
    from onestop_desktop.scanning import check

    return check.unreadable(source, exc)


def _mkstemp(folder: Path) -> tuple[int, str]:
    import tempfile

    fd, name = tempfile.mkstemp(prefix=".scan.", suffix=files.PARTIAL_SUFFIX, dir=str(folder))
    if hasattr(os, "fchmod"):
        os.fchmod(fd, files.PRIVATE_FILE)
    return fd, name


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
