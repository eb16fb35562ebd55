"""The main window: a search box over the worklist, keyboard first.

- The search box has the focus on start; typing searches as you type (after a short pause).
- Enter searches at once; when the text is exactly a dossier code (what a USB barcode reader
  types, followed by Enter) that dossier is selected and the code is selected in the box, so
  the next scan replaces it.
- Typing a letter while the table has the focus goes to the search box.
- Ctrl+F focuses the search box, Esc clears it (back to the whole worklist), F5 reloads.
- The status bar shows who is signed in, their role, the station and the dossier count.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop.domain.roles import Role
from onestop_desktop.domain.status import Status
from onestop_desktop.errors import OneStopError
from onestop_desktop.services import search
from onestop_desktop.services.context import Session
from onestop_desktop.services.views import DossierSummary
from onestop_desktop.ui.i18n import (
    QT_TRANSLATE_NOOP,
    error_text,
    fmt,
    use_translated_edit_menu,
)
from onestop_desktop.ui.models.worklist import WorklistModel, status_text

log = logging.getLogger(__name__)

# The role names, marked for translation (context "Role"); the source texts are exactly
# ``domain.roles``' labels (a test checks that).
ROLE_TEXTS: dict[Role, str] = {
    Role.CLERK: QT_TRANSLATE_NOOP("Role", "Cán bộ tiếp nhận"),
    Role.OFFICER: QT_TRANSLATE_NOOP("Role", "Chuyên viên xử lý"),
    Role.LEADER: QT_TRANSLATE_NOOP("Role", "Lãnh đạo"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Role", "Quản trị"),
    Role.OPERATOR: QT_TRANSLATE_NOOP("Role", "Vận hành (dòng lệnh)"),
}


def role_text(role: Role) -> str:
    """The role's name in the GUI language."""
    return QCoreApplication.translate("Role", ROLE_TEXTS.get(role, role.label))


class MainWindow(QMainWindow):
    """The counter's main window for one signed-in :class:`Session`."""

    # Milliseconds of typing pause before the search runs.
    SEARCH_DELAY_MS = 200

    # Enter or double-click on a row: the :class:`DossierSummary` to open.
    dossierActivated = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._count: int | None = None
        self.setObjectName("MainWindow")

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
        self._size_columns()

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.addWidget(self.search_box)
        layout.addWidget(self.table, 1)
        self.setCentralWidget(central)

        self.user_label = QLabel()
        self.user_label.setObjectName("userLabel")
        self.role_label = QLabel()
        self.role_label.setObjectName("roleLabel")
        self.station_label = QLabel()
        self.station_label.setObjectName("stationLabel")
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.mode_label = QLabel()
        self.mode_label.setObjectName("modeLabel")
        self.mode_label.setContentsMargins(6, 0, 6, 0)
        bar = self.statusBar()
        bar.addWidget(self.mode_label, 1)
        for label in (self.user_label, self.role_label, self.station_label, self.count_label):
            label.setContentsMargins(10, 0, 10, 0)
            bar.addPermanentWidget(label)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(self.SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)

        self.search_box.textChanged.connect(self._on_text_changed)
        self.search_box.returnPressed.connect(self._on_return)
        self.table.activated.connect(self._on_activated)
        self.table.installEventFilter(self)
        self.model.failed.connect(self._show_failure)
        self.model.queryChanged.connect(self._on_query_changed)

        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.activated.connect(self.focus_search)
        clear = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        clear.activated.connect(self.clear_search)
        reload = QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self)
        reload.activated.connect(self.refresh)

        self.resize(1280, 720)
        self.refresh_count()
        self._retranslate()
        if self.model.last_error():  # the first page was refused before we listened
            self._show_failure(self.model.last_error())
        self.search_box.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------------ public API

    def session(self) -> Session:
        return self._session

    def count(self) -> int | None:
        """The station's dossier count shown in the status bar (``None`` if unknown)."""
        return self._count

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
            self.statusBar().showMessage(fmt(self.tr("Không có hồ sơ mã %1"), code.strip()), 5000)
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
        """Reload the rows and the count (F5)."""
        self.model.refresh()
        self.refresh_count()

    def refresh_count(self) -> None:
        try:
            self._count = search.count_all(self._session)
        except OneStopError as exc:
            log.warning("count failed: %s", exc)
            self._count = None
            self._show_failure(error_text(exc))
        self._update_status()

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
            self.statusBar().showMessage(self.tr("Không tìm thấy hồ sơ nào"), 5000)

    def _on_activated(self, index: object) -> None:
        dossier = self.current_dossier()
        if dossier is not None:
            self.dossierActivated.emit(dossier)

    def _on_query_changed(self, query: str) -> None:
        self.statusBar().clearMessage()
        self._update_mode()
        if query and self.model.rowCount() == 0:
            self.statusBar().showMessage(self.tr("Không tìm thấy hồ sơ nào"), 5000)

    def _update_mode(self) -> None:
        query = self.model.query()
        if query:
            text = fmt(self.tr("Kết quả tìm «%1» · Esc: xem tất cả hồ sơ"), query)
        else:
            text = self.tr("Hồ sơ mới nhận ở trên cùng · gõ để tìm, quét mã để chọn")
        self.mode_label.setText(text)

    def _show_failure(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)

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

    def _size_columns(self) -> None:
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

    def _update_status(self) -> None:
        actor = self._session.actor
        station = self._session.station
        self.user_label.setText(fmt(self.tr("Cán bộ: %1 (%2)"), actor.full_name, actor.username))
        self.role_label.setText(fmt(self.tr("Vai trò: %1"), role_text(actor.role)))
        self.station_label.setText(
            fmt(self.tr("Máy trạm %1 · %2"), station.station_id, station.unit_code)
        )
        if self._count is None:
            self.count_label.setText(self.tr("Không đếm được hồ sơ"))
        else:
            self.count_label.setText(self.tr("%Ln hồ sơ", "", self._count))
        self._update_mode()

    def _retranslate(self) -> None:
        unit = self._session.station.unit_name or self._session.station.unit_code
        self.setWindowTitle(fmt(self.tr("OneStop Desktop — %1"), unit))
        self.search_box.setPlaceholderText(
            self.tr("Tìm theo tên, số định danh, số điện thoại hoặc mã hồ sơ (Ctrl+F)")
        )
        self.search_box.setToolTip(
            self.tr("Gõ tên không dấu cũng được; quét mã vạch biên nhận để chọn hồ sơ")
        )
        self._update_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._size_columns()
            self.model.headerDataChanged.emit(
                Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1
            )
            if self.model.rowCount():
                self.model.dataChanged.emit(
                    self.model.index(0, 0),
                    self.model.index(self.model.rowCount() - 1, self.model.columnCount() - 1),
                )
        super().changeEvent(event)
