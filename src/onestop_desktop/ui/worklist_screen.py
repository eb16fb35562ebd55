"""The worklist screen: a search box over the station's dossiers, keyboard first.

The first screen of the main window's stacked area (``ui/mainwindow.py``).

- Typing searches as you type (after a short pause); Enter searches at once. When the text is
  exactly a dossier code (what a USB barcode reader types, followed by Enter) that dossier is
  selected and the code is selected in the box, so the next scan replaces it.
- Typing a letter while the table has the focus goes to the search box.
- Enter or a double-click on a row emits :attr:`WorklistScreen.dossierActivated` (the dossier
  view of the next issue opens from it).

The window-wide keys (Ctrl+F, Esc, F5) are in the main window's shortcut table.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, QEvent, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop.domain.status import Status
from onestop_desktop.services import search
from onestop_desktop.services.context import Session
from onestop_desktop.services.views import DossierSummary
from onestop_desktop.ui.i18n import fmt, use_translated_edit_menu
from onestop_desktop.ui.labels import status_text
from onestop_desktop.ui.models.worklist import WorklistModel

log = logging.getLogger(__name__)


class WorklistScreen(QWidget):
    """The worklist or a search result, for one signed-in :class:`Session`."""

    # Milliseconds of typing pause before the search runs.
    SEARCH_DELAY_MS = 200

    # Enter or double-click on a row: the :class:`DossierSummary` to open.
    dossierActivated = Signal(object)
    # A short message for the window's status bar: text, milliseconds (0: until replaced).
    message = Signal(str, int)
    # What the table shows changed (a new query, a refresh, the language).
    modeChanged = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.setObjectName("worklistScreen")

        self.search_box = QLineEdit()
        self.search_box.setObjectName("searchBox")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMaxLength(search.MAX_QUERY)
        use_translated_edit_menu(self.search_box)
        font = self.search_box.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.search_box.setFont(font)

        self.model = WorklistModel(session, self)
        self.table = QTableView()
        self.table.setObjectName("worklistTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setSortingEnabled(False)  # rows are paged newest first; sorting would lie
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)
        self.size_columns()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.addWidget(self.search_box)
        layout.addWidget(self.table, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(self.SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)

        self.search_box.textChanged.connect(self._on_text_changed)
        self.search_box.returnPressed.connect(self._on_return)
        self.table.activated.connect(self._on_activated)
        self.table.installEventFilter(self)
        self.model.queryChanged.connect(self._on_query_changed)
        self.setFocusProxy(self.search_box)
        self._retranslate()

    # ------------------------------------------------------------------ public API

    def focus_search(self) -> None:
        """Put the cursor in the search box with its text selected (Ctrl+F)."""
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def clear_search(self) -> None:
        """Empty the search box and show the whole worklist (Esc)."""
        self._search_timer.stop()
        self.search_box.clear()
        self.apply_search()
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def apply_search(self) -> None:
        """Run the search for the text in the box now (the debounce timer calls this)."""
        self._search_timer.stop()
        self.model.set_query(self.search_box.text())

    def search_pending(self) -> bool:
        """Whether typed text waits for the debounce timer."""
        return self._search_timer.isActive()

    def select_code(self, code: str) -> bool:
        """Show and select the dossier whose code is exactly ``code``; whether it was found."""
        self.search_box.setText(code.strip())
        self.apply_search()
        row = self.model.row_of_code(code)
        if row is None:
            self.message.emit(fmt(self.tr("Không có hồ sơ mã %1"), code.strip()), 5000)
            return False
        self.select_row(row)
        return True

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def current_dossier(self) -> DossierSummary | None:
        """The selected dossier, if any."""
        index = self.table.selectionModel().currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.dossier(index.row())

    def refresh(self) -> None:
        """Reload the first page of the current query (F5)."""
        self.model.refresh()

    def mode_text(self) -> str:
        """What the table shows, for the status bar."""
        query = self.model.query()
        if query:
            return fmt(self.tr("Kết quả tìm «%1» · Esc: xem tất cả hồ sơ"), query)
        return self.tr("Hồ sơ mới nhận ở trên cùng · gõ để tìm, quét mã để chọn")

    def header_state(self) -> QByteArray:
        """The columns' widths and order, to remember between runs."""
        return self.table.horizontalHeader().saveState()

    def restore_header_state(self, state: object) -> bool:
        """Columns as the clerk left them; whether ``state`` was usable."""
        if not isinstance(state, QByteArray) or state.isEmpty():
            return False
        header = self.table.horizontalHeader()
        if not header.restoreState(state) or header.count() != self.model.columnCount():
            self.size_columns()
            return False
        return True

    # ------------------------------------------------------------------ slots

    def _on_text_changed(self, _text: str) -> None:
        self._search_timer.start()

    def _on_return(self) -> None:
        text = self.search_box.text().strip()
        self.apply_search()
        if not text:
            return
        row = self.model.row_of_code(text)
        if row is not None:
            self.select_row(row)
            self.search_box.selectAll()  # the next scan replaces the code
        elif self.model.rowCount() == 0:
            self.message.emit(self.tr("Không tìm thấy hồ sơ nào"), 5000)

    def _on_activated(self, _index: object) -> None:
        dossier = self.current_dossier()
        if dossier is not None:
            self.dossierActivated.emit(dossier)

    def _on_query_changed(self, query: str) -> None:
        self.message.emit("", 0)
        self.modeChanged.emit()
        if query and self.model.rowCount() == 0:
            self.message.emit(self.tr("Không tìm thấy hồ sơ nào"), 5000)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Keyboard first: a letter or digit typed on the table goes to the search box.
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            text = event.text()
            mods = event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
            if (
                text
                and text.isprintable()
                and not text.isspace()
                and (
                    mods == Qt.KeyboardModifier.NoModifier
                    or mods == Qt.KeyboardModifier.KeypadModifier
                )
            ):
                self.search_box.setFocus(Qt.FocusReason.OtherFocusReason)
                self.search_box.end(False)
                QApplication.sendEvent(self.search_box, QKeyEvent(event))
                return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ look

    def size_columns(self) -> None:
        """Column widths for typical content in the current language (the user may resize).

        Fixed widths from sample texts, not ResizeToContents, which would measure every row
        fetched so far each time a page arrives. The procedure column takes the rest.
        """
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(60)
        cells = self.table.fontMetrics()
        titles = header.fontMetrics()
        pad = 24
        samples = {
            WorklistModel.COL_CODE: "000.00.12.H29-261126-1004",
            WorklistModel.COL_APPLICANT: "Nguyễn Thị Phương Quỳnh",
            WorklistModel.COL_RECEIVED: "28/11/2026 16:59",
            WorklistModel.COL_DUE: "28/11/2026 16:59",
            # Typical longest; "Yêu cầu thực hiện nghĩa vụ tài chính" is rare and elided.
            WorklistModel.COL_STATUS: status_text(Status.SUPPLEMENT_REQUESTED),
        }
        for col, sample in samples.items():
            title = str(self.model.headerData(col, Qt.Orientation.Horizontal))
            width = max(cells.horizontalAdvance(sample), titles.horizontalAdvance(title) + 12)
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(col, width + pad)
        header.setSectionResizeMode(WorklistModel.COL_PROCEDURE, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(cells.height() + 10)

    def _retranslate(self) -> None:
        self.search_box.setPlaceholderText(
            self.tr("Tìm theo tên, số định danh, số điện thoại hoặc mã hồ sơ (Ctrl+F)")
        )
        self.search_box.setToolTip(
            self.tr("Gõ tên không dấu cũng được; quét mã vạch biên nhận để chọn hồ sơ")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.size_columns()
            self.model.headerDataChanged.emit(
                Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1
            )
            if self.model.rowCount():
                self.model.dataChanged.emit(
                    self.model.index(0, 0),
                    self.model.index(self.model.rowCount() - 1, self.model.columnCount() - 1),
                )
            self.modeChanged.emit()
        super().changeEvent(event)
