"""The station's watched scanner folder and its inbox (#11).

The folder is the ``scanner_folder`` setting of this station. :class:`ScannerInbox` polls it
(``scanning.watch``): a file that stopped changing and opens whole is *pending* until a clerk
assigns it to a dossier (or the GUI assigns it to the dossier open at the counter); only once
it is stored and its event committed is it moved to ``processed/``. A file the scanner still
holds open waits in the folder, tried at every poll, and shows in the inbox as waiting (with
the reason) once it has been held for a while. A crash at any point leaves
the file in the scanner folder (offered again) or stored with its event (and maybe not moved
yet: the content store recognises it, so the next assignment names the dossier that has it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from onestop_desktop.errors import OneStopError
from onestop_desktop.scanning import watch
from onestop_desktop.services import attachments
from onestop_desktop.services import settings as settings_service
from onestop_desktop.services.context import Session


@dataclass(frozen=True)
class Pending:
    """A scanned file waiting in the inbox: where it is, what it is (or why it is refused)."""

    path: Path
    media_type: str | None
    pages: int
    size: int
    error: OneStopError | None = None
    """Why the file cannot be attached (it stays in the folder for someone to look at)."""
    waiting: bool = False
    """Held by another program (the scanner): not bad, tried again at every poll; it becomes
    an ordinary pending file once it can be read."""

    @property
    def name(self) -> str:
        return self.path.name


def folder(ctx: Session) -> Path | None:
    """This station's scanner folder, or ``None`` when none is set."""
    text = settings_service.value(ctx.store, settings_service.SCANNER_FOLDER)
    return Path(text) if text else None


@dataclass
class ScannerInbox:
    """The scanner folder's pending files, kept between polls."""

    folder: Path
    stable_polls: int = 2
    _watcher: watch.FolderWatcher = field(init=False)
    _pending: dict[Path, Pending] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        self._watcher = watch.FolderWatcher(self.folder, stable_polls=self.stable_polls)

    @classmethod
    def for_station(cls, ctx: Session) -> ScannerInbox | None:
        where = folder(ctx)
        return cls(where) if where is not None else None

    def poll(self) -> list[Pending]:
        """Look at the folder; returns the files that became pending at this poll."""
        new: list[Pending] = []
        for found in self._watcher.poll():
            if isinstance(found, watch.Ready):
                c = found.checked
                item = Pending(found.path, c.media_type, c.pages, c.size)
            elif isinstance(found, watch.Waiting):
                item = Pending(found.path, None, 0, 0, error=found.error, waiting=True)
            else:
                item = Pending(found.path, None, 0, 0, error=found.error)
            self._pending[found.path] = item
            new.append(item)
        for path in [p for p in self._pending if not p.exists()]:
            del self._pending[path]
        return new

    def pending(self) -> list[Pending]:
        """Every file waiting, oldest name first (the scanner numbers its files)."""
        return sorted(self._pending.values(), key=lambda p: p.path.name)

    def assign(
        self, ctx: Session, key: str, paths: list[Path], document: int | None = None
    ) -> list[attachments.Attachment]:
        """Attach pending files to a dossier, then move them to ``processed/``. A refusal
        (bad file, duplicate) leaves every file where it was, still pending."""
        result = attachments.attach(ctx, key, paths, document)
        for path in paths:
            watch.move_processed(path)
            self._pending.pop(path, None)
            self._watcher.release(path)
        return result
