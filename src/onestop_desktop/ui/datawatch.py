"""Rows that refresh by themselves: a timer that notices writes made by anyone else.

:class:`DataWatch` polls :class:`onestop_desktop.store.watch.DataVersion` (``PRAGMA
data_version`` on its own read-only connection) every second on the GUI thread; one poll costs
a few microseconds, so it needs no worker. When the number moves (the CLI received a dossier,
another window handed one over, a worker of this window wrote) it emits :attr:`changed` once;
the main window re-emits it as ``MainWindow.dataChanged`` and the worklist and the dashboard
reload what they show, keeping the selection and the scroll position.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from onestop_desktop.errors import OneStopError
from onestop_desktop.store.watch import DataVersion

log = logging.getLogger(__name__)


class DataWatch(QObject):
    """Polls the database at ``path`` every ``interval_ms`` and emits :attr:`changed`."""

    INTERVAL_MS = 1000

    # Another connection committed since the last poll.
    changed = Signal()

    def __init__(
        self, path: Path | None, parent: QObject | None = None, *, interval_ms: int = INTERVAL_MS
    ) -> None:
        super().__init__(parent)
        self._version: DataVersion | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(max(10, interval_ms))
        self._timer.timeout.connect(self.poll)
        if path is None:  # an in-memory store (tests): nobody else can write to it
            return
        try:
            self._version = DataVersion(path)
        except OneStopError as exc:
            log.warning("data watch unavailable: %s", exc)
            return
        self._timer.start()

    def active(self) -> bool:
        """Whether it is watching (a file database that could be opened)."""
        return self._version is not None and self._timer.isActive()

    def interval(self) -> int:
        return self._timer.interval()

    def poll(self) -> bool:
        """Look now; whether something changed (and :attr:`changed` was emitted)."""
        if self._version is None:
            return False
        try:
            moved = self._version.changed()
        except OneStopError as exc:  # the file went away or is locked for long: try again later
            log.warning("data watch poll failed: %s", exc)
            return False
        if moved:
            self.changed.emit()
        return moved

    def stop(self) -> None:
        """Stop polling and close the connection (the window is closing)."""
        self._timer.stop()
        if self._version is not None:
            self._version.close()
            self._version = None
