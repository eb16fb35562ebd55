"""The scanner inbox (#11): a dock listing what the station's scanner folder holds, to be dragged
onto the open dossier (or assigned to it with a button).

The folder is polled on a timer by a :class:`~onestop_desktop.ui.workers.Worker` (a check
decodes the whole file, which must not freeze the window; the poll needs no database). A file
is listed once it stopped changing and opens whole; a refused one is listed with its reason.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, QTimer, QUrl
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop.errors import OneStopError
from onestop_desktop.services import scanner_watch
from onestop_desktop.services.context import Session
from onestop_desktop.ui.i18n import error_text, fmt
from onestop_desktop.ui.workers import Job, Worker

POLL_MS = 2000
"""How often the folder is looked at (a file needs two unchanged looks: about 4–6 s)."""


class _FileList(QListWidget):
    """The pending files, dragged out as file URLs (what the pages panel accepts)."""

    def mimeData(self, items: list[QListWidgetItem]) -> QMimeData:  # type: ignore[override]
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(i.data(Qt.ItemDataRole.UserRole))) for i in items])
        return mime

    def mimeTypes(self) -> list[str]:
        return ["text/uri-list"]


class InboxDock(QDockWidget):
    """«Bản quét chờ»: the scanner folder's pending files."""

    def __init__(
        self,
        session: Session,
        inbox: scanner_watch.ScannerInbox,
        target: Callable[[], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("scannerInbox")
        self._session = session
        self.inbox = inbox
        self._target = target
        self._poller: Worker[object] | None = None
        self.assigned: list[Path] = []

        self.list = _FileList()
        self.list.setObjectName("inboxList")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setDragEnabled(True)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.folder_label = QLabel()
        self.folder_label.setWordWrap(True)
        self.assign_button = QPushButton()
        self.assign_button.setObjectName("assignButton")
        self.assign_button.clicked.connect(lambda: self.assign_selected())
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.folder_label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.assign_button)
        self.setWidget(body)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Bản quét chờ"))
        self.folder_label.setText(fmt(self.tr("Thư mục máy quét: %1"), str(self.inbox.folder)))
        self.assign_button.setText(self.tr("Gán vào hồ sơ đang mở"))

    def start(self) -> None:
        self.timer.start()
        self.poll()

    def poll(self) -> Worker[object] | None:
        """Look at the folder in the background (skipped while the last look still runs)."""
        if self._poller is not None:
            return None

        def task(_job: Job) -> object:
            return self.inbox.poll()

        worker: Worker[object] = Worker(task, parent=self, show_errors=False)
        self._poller = worker
        worker.finished.connect(self._polled)
        return worker.start()

    def _polled(self) -> None:
        self._poller = None
        self.show_pending()

    def show_pending(self) -> None:
        self.list.clear()
        for p in self.inbox.pending():
            if p.waiting and p.error is not None:
                text = fmt(self.tr("%1 — đang chờ: %2"), p.name, error_text(p.error))
            elif p.error is not None:
                text = fmt(self.tr("%1 — không dùng được: %2"), p.name, error_text(p.error))
            else:
                text = fmt(self.tr("%1 (%2 trang)"), p.name, str(p.pages))
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, str(p.path))
            item.setToolTip(str(p.path))
            if p.error is not None:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsDragEnabled)
            self.list.addItem(item)

    def owns(self, path: Path) -> bool:
        return path.parent == self.inbox.folder

    def take(self, key: str, paths: list[Path], document: int | None = None) -> list[Path]:
        """Assign the given files that are this inbox's (moved to ``processed/`` once stored);
        returns the others, for the caller to attach as plain files."""
        mine = [p for p in paths if self.owns(p)]
        if mine:
            try:
                self.inbox.assign(self._session, key, mine, document)
            except OneStopError as exc:
                from onestop_desktop.ui import msgbox

                msgbox.open_error(exc, self)
            else:
                self.assigned.extend(mine)
            self.show_pending()
        return [p for p in paths if not self.owns(p)]

    def assign_selected(self) -> bool:
        key = self._target()
        paths = [Path(str(i.data(Qt.ItemDataRole.UserRole))) for i in self.list.selectedItems()]
        if key is None or not paths:
            return False
        before = len(self.assigned)
        self.take(key, paths)
        return len(self.assigned) > before
