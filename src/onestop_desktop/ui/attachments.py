"""The dossier's scanned pages (#11): drop files on the dossier or on one line of its checklist,
pick them with a file dialog, see the pages, zoom, turn, reorder, remove, and combine them.

Every change is one call to ``services.attachments`` (an event); the slow ones (checking and
storing a batch, writing the combined PDF) run in a :class:`~onestop_desktop.ui.workers.Worker`
with its own database connection, so the counter window keeps answering while a 20-page scan
is decoded. A refused file is shown with the service's message (the file and the reason).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop.errors import OneStopError
from onestop_desktop.services import attachments as service
from onestop_desktop.services.context import Session
from onestop_desktop.ui.i18n import fmt
from onestop_desktop.ui.workers import Job, Worker

PREVIEW_SIDE = 1200
"""The preview is rendered once at this size (cached) and scaled by the zoom."""


def dropped_files(mime: QMimeData) -> list[Path]:
    """The local files a drag carries (a browser's web links are not files)."""
    if not mime.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]


class _Narrow(QListWidget):
    """The thumbnail row: scrolls sideways rather than widening the dossier's column."""

    def sizeHint(self) -> QSize:
        return QSize(300, 140)


class _NarrowScroll(QScrollArea):
    """The preview: its picture scrolls rather than widening the dossier's column."""

    def sizeHint(self) -> QSize:
        return QSize(300, 300)


class PagesPanel(QGroupBox):
    """The scanned files of one dossier and a viewer for their pages."""

    changed = Signal()
    """Emitted after any change is recorded (attached, turned, reordered, removed)."""
    failed = Signal(object)
    """A refused batch or action: the :class:`OneStopError`."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pagesPanel")
        self._session = session
        self._key: str | None = None
        self._items: list[service.Attachment] = []
        self._workers: list[Worker[object]] = []
        self.show_errors = True
        self.assign_hook: Callable[[str, list[Path], int | None], list[Path]] | None = None
        """Set by the inbox: takes the dropped files that come from the scanner folder and
        assigns them through it (so they move to ``processed/``); returns the rest."""
        self.setAcceptDrops(True)

        self.list = _Narrow()
        self.list.setObjectName("pagesList")
        # A row of thumbnails in list mode (icon mode's drag only moves pictures around; list
        # mode's moves the row, which is the order recorded)
        self.list.setViewMode(QListWidget.ViewMode.ListMode)
        self.list.setFlow(QListWidget.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.list.setIconSize(QSize(96, 96))
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setMaximumHeight(150)
        self.list.currentRowChanged.connect(lambda _row: self._show_page())
        self.list.model().rowsMoved.connect(lambda *_a: self._moved())

        self.preview = QLabel()
        self.preview.setObjectName("pagePreview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_scroll = _NarrowScroll()
        self.preview_scroll.setWidget(self.preview)
        self.preview_scroll.setWidgetResizable(True)
        self.preview_scroll.setMinimumHeight(160)
        # the picture's size must not widen the dossier's column: the scroll area shows it
        ignored, expanding = QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding
        self.preview_scroll.setSizePolicy(ignored, expanding)
        self.list.setSizePolicy(ignored, QSizePolicy.Policy.Fixed)

        self.page_box = QSpinBox()
        self.page_box.setObjectName("pageNumber")
        self.page_box.setMinimum(1)
        self.page_box.valueChanged.connect(lambda _v: self._show_page())
        self.zoom = QSlider(Qt.Orientation.Horizontal)
        self.zoom.setObjectName("zoomSlider")
        self.zoom.setRange(10, 200)
        self.zoom.setValue(40)
        self.zoom.valueChanged.connect(lambda _v: self._show_page())

        self.add_button = QPushButton()
        self.add_button.setObjectName("addScanButton")
        self.add_button.clicked.connect(self.pick_files)
        self.left_button = QPushButton()
        self.left_button.setObjectName("rotateLeftButton")
        self.left_button.clicked.connect(lambda: self.rotate(-90))
        self.right_button = QPushButton()
        self.right_button.setObjectName("rotateRightButton")
        self.right_button.clicked.connect(lambda: self.rotate(90))
        self.up_button = QPushButton()
        self.up_button.setObjectName("moveUpButton")
        self.up_button.clicked.connect(lambda: self.move_by(-1))
        self.down_button = QPushButton()
        self.down_button.setObjectName("moveDownButton")
        self.down_button.clicked.connect(lambda: self.move_by(1))
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("removeScanButton")
        self.remove_button.clicked.connect(self.remove)
        self.combine_button = QPushButton()
        self.combine_button.setObjectName("combinePdfButton")
        self.combine_button.clicked.connect(lambda: self.combine())
        self.hint = QLabel()
        self.hint.setSizePolicy(ignored, QSizePolicy.Policy.Preferred)
        self.hint.setObjectName("pagesHint")
        self.hint.setWordWrap(True)

        tools = QGridLayout()  # three rows: the panel fits the dossier's left column at 1024 px
        for col, w in enumerate((self.add_button, self.left_button, self.right_button)):
            tools.addWidget(w, 0, col)
        tools.addWidget(self.combine_button, 2, 0, 1, 3)
        for col, w in enumerate((self.up_button, self.down_button, self.remove_button)):
            tools.addWidget(w, 1, col)
        view = QHBoxLayout()
        self.page_label = QLabel()
        self.zoom_label = QLabel()
        view.addWidget(self.page_label)
        view.addWidget(self.page_box)
        view.addWidget(self.zoom_label)
        view.addWidget(self.zoom, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.list)
        layout.addLayout(tools)
        layout.addLayout(view)
        layout.addWidget(self.preview_scroll, 1)
        self._retranslate()
        self._enable()

    def _retranslate(self) -> None:
        self.setTitle(self.tr("Bản quét"))
        self.hint.setText(
            self.tr(
                "Kéo thả tệp JPEG, PNG, TIFF hoặc PDF vào đây (hoặc vào một dòng của thành phần "
                "hồ sơ để nói đó là giấy tờ nào)."
            )
        )
        self.add_button.setText(self.tr("Thêm tệp…"))
        self.left_button.setText(self.tr("Xoay trái"))
        self.right_button.setText(self.tr("Xoay phải"))
        self.up_button.setText(self.tr("Lên"))
        self.down_button.setText(self.tr("Xuống"))
        self.remove_button.setText(self.tr("Gỡ bỏ"))
        self.combine_button.setText(self.tr("Gộp thành PDF"))
        self.page_label.setText(self.tr("Trang"))
        self.zoom_label.setText(self.tr("Thu phóng"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ state

    def set_dossier(self, key: str | None) -> None:
        """Show the files of dossier ``key`` (UUID or code); ``None`` empties the panel."""
        self._key = key
        self.refresh()

    def dossier(self) -> str | None:
        return self._key

    def items(self) -> list[service.Attachment]:
        return list(self._items)

    def current(self) -> service.Attachment | None:
        row = self.list.currentRow()
        return self._items[row] if 0 <= row < len(self._items) else None

    def refresh(self) -> None:
        """Read the dossier's files again and show them."""
        self._items = service.list_for(self._session, self._key) if self._key else []
        keep = self.list.currentRow()
        self.list.blockSignals(True)  # the view's own signals; the model's must reach the view
        self.list.clear()
        for a in self._items:
            item = QListWidgetItem(fmt(self.tr("%1 (%2 trang)"), a.name, str(a.pages)))
            item.setData(Qt.ItemDataRole.UserRole, a.sha256)
            item.setToolTip(a.name)
            # a missing file: the sweep reports it; the name is still listed
            with contextlib.suppress(OneStopError, OSError):
                item.setIcon(QIcon(QPixmap(str(service.thumbnail(self._session, a)))))
            self.list.addItem(item)
        self.list.blockSignals(False)
        if self._items:
            self.list.setCurrentRow(min(max(keep, 0), len(self._items) - 1))
        self._show_page()
        self._enable()

    def _enable(self) -> None:
        has_dossier, has_item = self._key is not None, self.current() is not None
        self.add_button.setEnabled(has_dossier)
        for b in (self.left_button, self.right_button, self.up_button, self.down_button):
            b.setEnabled(has_item)
        self.remove_button.setEnabled(has_item)
        self.combine_button.setEnabled(bool(self._items))

    def _show_page(self) -> None:
        item = self.current()
        self._enable()
        if item is None:
            self.preview.clear()
            self.page_box.setMaximum(1)
            return
        self.page_box.blockSignals(True)
        self.page_box.setMaximum(item.pages)
        self.page_box.blockSignals(False)
        try:
            path = service.thumbnail(self._session, item, self.page_box.value(), PREVIEW_SIDE)
        except (OneStopError, OSError):
            self.preview.setText(
                self.tr("Không đọc được tệp này (xem «onestop attachments --check»)")
            )
            return
        pixmap = QPixmap(str(path))
        scale = self.zoom.value() / 100
        self.preview.setPixmap(
            pixmap.scaled(
                max(1, int(pixmap.width() * scale)),
                max(1, int(pixmap.height() * scale)),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    # ------------------------------------------------------------------ actions

    def _act(self, call: Callable[[], object]) -> bool:
        try:
            call()
        except OneStopError as exc:
            self._failed(exc)
            return False
        self.refresh()
        self.changed.emit()
        return True

    def _failed(self, exc: OneStopError) -> None:
        self.failed.emit(exc)
        if self.show_errors:
            from onestop_desktop.ui import msgbox

            msgbox.open_error(exc, self)

    def rotate(self, turn: int) -> bool:
        """Turn the shown page by ``turn`` degrees (every page of a one-page file)."""
        item = self.current()
        if item is None or self._key is None:
            return False
        page = self.page_box.value() if item.pages > 1 else None
        now = item.rotation_of(page or 1)
        key = self._key
        return self._act(
            lambda: service.rotate(self._session, key, item.sha256, (now + turn) % 360, page)
        )

    def move_by(self, step: int) -> bool:
        """Move the selected file ``step`` places (-1 up, +1 down)."""
        row = self.list.currentRow()
        target = row + step
        if (
            self._key is None
            or not 0 <= row < len(self._items)
            or not 0 <= target < len(self._items)
        ):
            return False
        order = [a.sha256 for a in self._items]
        order.insert(target, order.pop(row))
        key = self._key
        ok = self._act(lambda: service.reorder(self._session, key, order))
        if ok:
            self.list.setCurrentRow(target)
        return ok

    def _moved(self) -> None:
        """A drag inside the list reordered it: record the order shown."""
        if self._key is None:
            return
        order = [
            str(self.list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.list.count())
        ]
        if order != [a.sha256 for a in self._items]:
            key = self._key
            self._act(lambda: service.reorder(self._session, key, order))

    def remove(self) -> bool:
        item = self.current()
        if item is None or self._key is None:
            return False
        key = self._key
        return self._act(lambda: service.remove(self._session, key, item.sha256))

    def pick_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Chọn bản quét"),
            "",
            self.tr("Bản quét (*.jpg *.jpeg *.png *.tif *.tiff *.pdf)"),
        )
        if names:
            self.ingest([Path(n) for n in names])

    def ingest(self, paths: list[Path], document: int | None = None) -> Worker[object] | None:
        """Check, store and attach ``paths`` in the background; ``None`` if nothing to do."""
        if self._key is None or not paths:
            return None
        key = self._key
        if self.assign_hook is not None:
            rest = self.assign_hook(key, paths, document)
            if len(rest) != len(paths):
                self.refresh()
                self.changed.emit()
            paths = rest
            if not paths:
                return None

        def task(job: Job) -> object:
            assert job.session is not None
            return service.attach(job.session, key, paths, document)

        return self._run(task)

    def combine(self, dest: Path | None = None) -> Worker[object] | None:
        """Write every page into one PDF (asks where when ``dest`` is not given)."""
        if self._key is None or not self._items:
            return None
        if dest is None:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Gộp thành PDF"), "", self.tr("Tệp PDF (*.pdf)")
            )
            if not name:
                return None
            dest = Path(name)
        key, target = self._key, dest

        def task(job: Job) -> object:
            assert job.session is not None
            return service.combine(job.session, key, target)

        return self._run(task, refresh=False)

    def _run(self, task: Callable[[Job], object], *, refresh: bool = True) -> Worker[object]:
        worker: Worker[object] = Worker(task, session=self._session, parent=self, show_errors=False)
        self._workers.append(worker)

        def done(_result: object) -> None:
            if refresh:
                self.refresh()
                self.changed.emit()

        worker.succeeded.connect(done)
        worker.failed.connect(self._failed)
        worker.finished.connect(lambda: self._workers.remove(worker))
        return worker.start()

    def busy(self) -> bool:
        return bool(self._workers)

    # ------------------------------------------------------------------ drops

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._key is not None and dropped_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = dropped_files(event.mimeData())
        if self._key is None or not files:
            event.ignore()
            return
        event.acceptProposedAction()
        self.ingest(files)

    def watch_checklist(self, table: QTableWidget, number_of: Callable[[int], int | None]) -> None:
        """Accept drops on the rows of ``table``: the files are that checklist line's document
        (``number_of(row)`` gives its number; ``None`` for a line outside the checklist)."""
        table.setAcceptDrops(True)
        table.viewport().setAcceptDrops(True)
        self._checklist = _ChecklistDrop(self, table, number_of)
        table.viewport().installEventFilter(self._checklist)


class _ChecklistDrop(QObject):
    """Event filter on the checklist's viewport: a drop on a row names its document."""

    def __init__(
        self, panel: PagesPanel, table: QTableWidget, number_of: Callable[[int], int | None]
    ) -> None:
        super().__init__(panel)
        self._panel = panel
        self._table = table
        self._number_of = number_of

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDragEnterEvent | QDropEvent)
            if self._panel.dossier() is not None and dropped_files(event.mimeData()):
                event.acceptProposedAction()
                return True
            return False
        if kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            files = dropped_files(event.mimeData())
            if not files or self._panel.dossier() is None:
                return False
            row = self._table.rowAt(int(event.position().y()))
            number = self._number_of(row) if row >= 0 else None
            event.acceptProposedAction()
            self._panel.ingest(files, number)
            return True
        return False
