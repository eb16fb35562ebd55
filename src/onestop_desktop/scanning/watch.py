"""Watching a scanner's folder by polling (no Qt, no threads: the caller polls on a timer).

Why polling: the folder is often a network share (SMB) written by a network scanner, where
file-system notifications do not arrive at all or arrive early. And a scanner writes a file in
several passes (a page at a time, then the header), so a file is taken only when

1. its size and modification time have not changed for ``stable_polls`` polls in a row, and
2. it opens and decodes whole (``scanning.check``): a half-written TIFF or PDF fails and is
   waited for again; one that still fails after ``give_up_polls`` stable polls is reported bad.

A file another program holds (the scanner still has it open: on Windows a sharing violation,
``PermissionError``) is not bad: it is tried again at every poll, for as long as it takes, and
after ``locked_report_polls`` refused reads it is reported once as :class:`Waiting` (the inbox
shows it with the reason) while the tries go on. A folder or a FIFO with a scanner's file name is
never opened. A file that vanishes (moved away, deleted by the scanner's retry) is forgotten. A
file is moved
to ``processed/`` only by :func:`move_processed`, called after it is stored and its event is
committed; until then it stays where the scanner put it, so nothing is lost to a crash.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from onestop_desktop import files
from onestop_desktop.errors import Msg
from onestop_desktop.scanning import check as checks

PROCESSED = "processed"
SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".tif", ".tiff", ".pdf"})
"""What a scanner writes; other files in the folder (a scanner's .tmp, a desktop.ini) are not
looked at. The suffix only picks candidates: the content decides (``scanning.check``)."""


@dataclass
class _Seen:
    size: int
    mtime_ns: int
    stable: int = 0
    failures: int = 0
    locked: int = 0
    """Reads refused in a row because another program holds the file."""


@dataclass(frozen=True)
class Ready:
    """A file that stopped changing and opened whole."""

    path: Path
    checked: checks.Checked


@dataclass(frozen=True)
class Refused:
    """A file that stopped changing but still does not decode (or is too big, locked…)."""

    path: Path
    error: checks.BadFile


@dataclass(frozen=True)
class Waiting:
    """A file another program has held for ``tries`` polls: still where it was, still tried."""

    path: Path
    error: checks.BadFile
    tries: int


@dataclass
class FolderWatcher:
    """Polls one folder; :meth:`poll` says what became ready (or hopeless) since the last."""

    folder: Path
    stable_polls: int = 2
    give_up_polls: int = 5
    locked_report_polls: int = 10
    """After this many refused reads of a held file, report it (:class:`Waiting`) once."""
    limits: checks.Limits = checks.DEFAULT_LIMITS
    _seen: dict[Path, _Seen] = field(default_factory=dict)
    _done: dict[Path, tuple[int, int]] = field(default_factory=dict)
    """Files already reported, with the size and time they had (a change looks again)."""

    def poll(self) -> list[Ready | Refused | Waiting]:
        """One look at the folder."""
        out: list[Ready | Refused | Waiting] = []
        present: set[Path] = set()
        try:
            entries = list(os.scandir(self.folder))
        except OSError:
            return out  # the share is unreachable now: try again at the next poll
        for entry in entries:
            path = Path(entry.path)
            if entry.name.startswith(".") or Path(entry.name).suffix.lower() not in SUFFIXES:
                continue
            try:
                if not entry.is_file():
                    continue
                st = entry.stat()
            except OSError:
                continue
            present.add(path)
            if self._done.get(path) == (st.st_size, st.st_mtime_ns):
                continue
            self._done.pop(path, None)
            seen = self._seen.get(path)
            if seen is None or (seen.size, seen.mtime_ns) != (st.st_size, st.st_mtime_ns):
                self._seen[path] = _Seen(st.st_size, st.st_mtime_ns)
                continue
            seen.stable += 1
            if seen.stable < self.stable_polls or st.st_size == 0:
                continue
            try:
                checked = checks.check(path, self.limits)
            except checks.Locked as exc:
                # Held by the scanner: never given up on, never moved; said once after a while.
                seen.locked += 1
                if seen.locked == self.locked_report_polls:
                    out.append(Waiting(path, _still_held(path, seen.locked, exc), seen.locked))
                continue
            except checks.BadFile as exc:
                if not path.exists():
                    continue  # vanished while being read
                seen.failures += 1
                if seen.stable >= self.give_up_polls:
                    self._done[path] = (st.st_size, st.st_mtime_ns)
                    out.append(Refused(path, exc))
                continue
            try:
                after = path.stat()
            except OSError:
                continue  # vanished while being read
            if (after.st_size, after.st_mtime_ns) != (st.st_size, st.st_mtime_ns):
                self._seen[path] = _Seen(after.st_size, after.st_mtime_ns)
                continue  # written to while being checked: what was checked is not the file
            seen.locked = 0
            self._done[path] = (st.st_size, st.st_mtime_ns)
            out.append(Ready(path, checked))
        for gone in set(self._seen) - present:
            del self._seen[gone]
        for gone in set(self._done) - present:
            del self._done[gone]
        return out

    def waiting(self) -> list[Path]:
        """The files held by another program at the last poll (tried again at the next)."""
        return sorted(p for p, seen in self._seen.items() if seen.locked)

    def release(self, path: Path) -> None:
        """Look at ``path`` again (an assignment failed and the file should be offered again)."""
        self._done.pop(path, None)
        self._seen.pop(path, None)


def _still_held(path: Path, tries: int, exc: checks.Locked) -> checks.BadFile:
    return checks.Locked(
        path.name,
        Msg(
            "tệp vẫn bị chương trình khác giữ sau {tries} lần thử (máy quét còn đang ghi?); "
            "tệp để nguyên trong thư mục, sẽ tiếp tục thử",
            tries=tries,
        ),
        exc.detail or None,
    )


def move_processed(path: Path) -> Path:
    """Move a stored file into ``processed/`` beside it (a new name if one is taken); returns
    where it went. Call only after its event is committed."""
    target_dir = path.parent / PROCESSED
    target_dir.mkdir(exist_ok=True)
    target = target_dir / path.name
    n = 1
    while target.exists():
        target = target_dir / f"{path.stem} ({n}){path.suffix}"
        n += 1
    try:
        files.replace(path, target)
    except OSError as exc:
        raise files.write_error(target, exc) from exc
    with contextlib.suppress(OSError):
        files.fsync_dir(target_dir)
    return target
