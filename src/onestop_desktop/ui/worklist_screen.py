"""The worklist screen: a search box over the station's dossiers, keyboard first.

The first screen of the main window's stacked area (``ui/mainwindow.py``).

- Typing searches as you type (after a short pause); Enter searches at once. When the text is
  exactly a dossier code (what a USB barcode reader types, followed by Enter) that dossier is
  selected and the code is selected in the box, so the next scan replaces it.
- Typing a letter while the table has the focus goes to the search box.
- Enter or a double-click on a row emits :attr:`WorklistScreen.dossierActivated` (the dossier
  view of the next issue opens from it).
- The filter bar (Ctrl+Shift+F) narrows the rows: a status group, due today, overdue, awaiting
  a supplement, mine (assigned to me), and a receipt date range; all combine with the search
  text, in SQL (``services.search.Filters``).
- Beside the search box, a count that follows the search and the filters ("12 / 1.000.000 hồ
  sơ"); under the table, the legend of the row colours; on an empty table, a message that names
  what narrowed it (or, on a new station, how to receive the first dossier).
- :meth:`WorklistScreen.data_changed` (the main window's ``dataChanged``, from
  ``ui/datawatch.py``) re-reads the rows when another process wrote, keeping the selected
  dossier and the scroll position.
- Columns: the important ones fit 1024×768; the others are hidden until asked for in the header's
  context menu; widths, order and hidden columns are remembered (the main window's QSettings).

The window-wide keys (Ctrl+F, Ctrl+Shift+F, Esc, F5) are in the main window's shortcut table.
"""

from __future__ import annotations

import logging
from datetime import date, datetime

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QItemSelectionModel,
    QLocale,
    QObject,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop.domain.status import Status
from onestop_desktop.errors import OneStopError
from onestop_desktop.services import search
from onestop_desktop.services.context import Session
from onestop_desktop.services.search import Filters
from onestop_desktop.services.views import DossierSummary
from onestop_desktop.ui.i18n import QT_TRANSLATE_NOOP, error_text, fmt, use_translated_edit_menu
from onestop_desktop.ui.labels import status_text
from onestop_desktop.ui.models.worklist import LEGEND, WorklistModel

log = logging.getLogger(__name__)

# The status groups of the filter bar, in services.search.STATUS_GROUPS order (context
# WorklistScreen); the first entry of the box is "every status".
GROUP_TEXTS: dict[str, str] = {
    "open": QT_TRANSLATE_NOOP("WorklistScreen", "Đang giải quyết"),
    "supplement": QT_TRANSLATE_NOOP("WorklistScreen", "Chờ bổ sung, nộp phí"),
    "result_ready": QT_TRANSLATE_NOOP("WorklistScreen", "Có kết quả chờ trả"),
    "returned": QT_TRANSLATE_NOOP("WorklistScreen", "Đã trả kết quả"),
    "refused": QT_TRANSLATE_NOOP("WorklistScreen", "Không tiếp nhận"),
    "ended": QT_TRANSLATE_NOOP("WorklistScreen", "Đã rút, dừng xử lý"),
    "online": QT_TRANSLATE_NOOP("WorklistScreen", "Trực tuyến chờ tiếp nhận"),
}

DATE_FORMAT = "%d/%m/%Y"


def parse_day(text: str) -> date | None:
    """A dd/mm/yyyy date typed in a filter box; ``None`` for an empty box.

    Raises ``ValueError`` for anything else (the box turns red and the filter is not applied).
    """
    text = text.strip()
    if not text:
        return None
    return datetime.strptime(text, DATE_FORMAT).date()


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

        self.count_label = QLabel()
        self.count_label.setObjectName("worklistCount")
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self._build_filter_bar()

        self.model = WorklistModel(session, self)
        communes = self.model.communes()
        for code, name in sorted((communes or {}).items(), key=lambda kv: (kv[1], kv[0])):
            self.unit_box.addItem(name, code)
            self.unit_box.setItemData(self.unit_box.count() - 1, code, Qt.ItemDataRole.ToolTipRole)
        self.unit_box.setVisible(communes is not None)
        self.unit_box.currentIndexChanged.connect(self.apply_filters)
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
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.size_columns()
        self.hide_optional_columns()
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self.show_column_menu)

        self.empty_label = QLabel(self.table.viewport())
        self.empty_label.setObjectName("worklistEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: palette(mid); font-size: 13pt; padding: 24px;")
        self.empty_label.hide()
        self.table.viewport().installEventFilter(self)

        self.legend = QWidget()
        self.legend.setObjectName("worklistLegend")
        legend_layout = QHBoxLayout(self.legend)
        legend_layout.setContentsMargins(0, 2, 0, 4)
        self.legend_title = QLabel()
        legend_layout.addWidget(self.legend_title)
        self.legend_labels: dict[str, QLabel] = {}
        for key, color, _text in LEGEND:
            label = QLabel()
            label.setObjectName(f"legend_{key}")
            label.setStyleSheet(f"color: {color.name()};")
            legend_layout.addWidget(label)
            self.legend_labels[key] = label
        legend_layout.addStretch(1)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.search_box, 1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.addLayout(top)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.legend)

        self._total: int | None = None
        self._matching: int | None = None

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(self.SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)

        self.search_box.textChanged.connect(self._on_text_changed)
        self.search_box.returnPressed.connect(self._on_return)
        self.table.activated.connect(self._on_activated)
        self.table.installEventFilter(self)
        self.model.queryChanged.connect(self._on_query_changed)
        self.model.modelReset.connect(self._update_empty_state)
        self.model.rowsInserted.connect(self._update_empty_state)
        self.setFocusProxy(self.search_box)

        # The time left moves with the clock even when nobody writes.
        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(60_000)
        self._clock_timer.timeout.connect(self.model.tick)
        self._clock_timer.start()

        self._retranslate()
        self.refresh_total()

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
        self.refresh_total()

    def data_changed(self) -> None:
        """Another process (or window) wrote: re-read the rows shown, keep the selection and the
        scroll position, update the count."""
        selected = self.current_dossier()
        bar = self.table.verticalScrollBar()
        scroll = bar.value()
        hscroll = self.table.horizontalScrollBar().value()
        self.model.reload()
        if selected is not None:
            row = self.model.row_of_id(selected.id)
            if row is not None:
                self.table.selectionModel().setCurrentIndex(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
        bar.setValue(scroll)
        self.table.horizontalScrollBar().setValue(hscroll)
        self.refresh_total()

    # ------------------------------------------------------------------ filters

    def focus_filters(self) -> None:
        """Ctrl+Shift+F: the cursor to the filter bar (its first box)."""
        self.group_box.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def filters(self) -> Filters:
        """The filters the bar shows (dates that do not parse are left out, the box is red)."""
        group = self.group_box.currentData()
        return Filters(
            group=str(group) if group else None,
            due_today=self.due_today_box.isChecked(),
            overdue=self.overdue_box.isChecked(),
            supplement=self.supplement_box.isChecked(),
            mine=self.mine_box.isChecked(),
            received_from=self._date_of(self.from_box),
            received_to=self._date_of(self.to_box),
            unit=str(self.unit_box.currentData() or "") or None,
        )

    def set_filters(self, filters: Filters) -> None:
        """Show ``filters`` in the bar and apply them (tests, the dashboard's links)."""
        self._applying = True
        try:
            index = self.group_box.findData(filters.group or "")
            self.group_box.setCurrentIndex(max(0, index))
            self.due_today_box.setChecked(filters.due_today)
            self.overdue_box.setChecked(filters.overdue)
            self.supplement_box.setChecked(filters.supplement)
            self.mine_box.setChecked(filters.mine)
            self.unit_box.setCurrentIndex(max(0, self.unit_box.findData(filters.unit or "")))
            for box, day in (
                (self.from_box, filters.received_from),
                (self.to_box, filters.received_to),
            ):
                box.setText(day.strftime(DATE_FORMAT) if day else "")
        finally:
            self._applying = False
        self.apply_filters()

    def clear_filters(self) -> None:
        """Every filter off (the search text stays)."""
        self.set_filters(Filters())

    def apply_filters(self) -> None:
        """Apply what the bar shows now (each box calls this when it changes)."""
        if self._applying:
            return
        filters = self.filters()
        self.clear_filters_button.setEnabled(not filters.is_empty())
        try:  # e.g. "to" before "from": say so, keep the rows as they are
            search.page_filter(
                filters, username=self._session.actor.username, now=self._session.now()
            )
        except OneStopError as exc:
            self.message.emit(error_text(exc), 8000)
            return
        self.model.set_filters(filters)
        self._update_count()
        self.modeChanged.emit()

    def filter_names(self) -> list[str]:
        """The filters in force, in words (the empty-state message and the status bar)."""
        f = self.model.filters()
        names: list[str] = []
        if f.unit:
            names.append(self.unit_box.itemText(max(0, self.unit_box.findData(f.unit))))
        if f.group:
            names.append(self.group_box.itemText(max(0, self.group_box.findData(f.group))))
        for on, box in (
            (f.due_today, self.due_today_box),
            (f.overdue, self.overdue_box),
            (f.supplement, self.supplement_box),
            (f.mine, self.mine_box),
        ):
            if on:
                names.append(box.text().replace("&", ""))
        if f.received_from and f.received_to:
            names.append(
                fmt(
                    self.tr("nhận từ %1 đến %2"),
                    f.received_from.strftime(DATE_FORMAT),
                    f.received_to.strftime(DATE_FORMAT),
                )
            )
        elif f.received_from:
            names.append(fmt(self.tr("nhận từ %1"), f.received_from.strftime(DATE_FORMAT)))
        elif f.received_to:
            names.append(fmt(self.tr("nhận đến %1"), f.received_to.strftime(DATE_FORMAT)))
        return names

    # ------------------------------------------------------------------ count, empty state

    def refresh_total(self) -> None:
        """Recount the station's dossiers and those the search and filters match."""
        try:
            self._total = search.count_all(self._session)
        except OneStopError as exc:
            log.warning("count failed: %s", exc)
            self._total = None
        self._update_count()

    def count_text(self) -> str:
        """ "12 / 1.000.000 hồ sơ" when narrowed, "1.000.000 hồ sơ" when not."""
        return self.count_label.text()

    def empty_text(self) -> str:
        """The message shown over an empty table (empty when the table has rows)."""
        return self.empty_label.text() if self.model.rowCount() == 0 else ""

    def _update_count(self) -> None:
        locale = QLocale()
        if self._total is None:
            self.count_label.setText(self.tr("Không đếm được hồ sơ"))
            self._update_empty_state()
            return
        total = locale.toString(self._total)
        if not self.model.is_filtered():
            self._matching = self._total
            self.count_label.setText(fmt(self.tr("%1 hồ sơ"), total))
        else:
            exact = True
            if self.model.is_complete():
                # The rows shown are all there are: their number is the count (no second
                # query through the same filter and words).
                self._matching = self.model.rowCount()
            else:
                try:
                    self._matching, exact = search.count_shown(
                        self._session, self.model.query(), self.model.filters()
                    )
                except OneStopError as exc:
                    log.warning("count failed: %s", exc)
                    self._matching = None
            if self._matching is None:
                shown = "?"
            elif exact:
                shown = locale.toString(self._matching)
            elif self._matching >= search.count_cap(self.model.query()):
                shown = fmt(self.tr("hơn %1"), locale.toString(self._matching))
            else:  # counted on the filter's newest rows only
                shown = fmt(self.tr("ít nhất %1"), locale.toString(self._matching))
            self.count_label.setText(fmt(self.tr("%1 / %2 hồ sơ"), shown, total))
        self._update_empty_state()

    def _update_empty_state(self) -> None:
        if self.model.rowCount() > 0:
            self.empty_label.hide()
            return
        if self.model.last_error():
            text = self.model.last_error()
        elif not self.model.is_filtered() and self._total == 0:
            text = self.tr("Chưa có hồ sơ — nhấn Ctrl+N để tiếp nhận")
        else:
            parts = []
            if self.model.query():
                parts.append(fmt(self.tr("«%1»"), self.model.query()))
            parts.extend(self.filter_names())
            text = self.tr("Không có hồ sơ nào khớp")
            if parts:
                text = fmt(self.tr("%1: %2"), text, " · ".join(parts))
        self.empty_label.setText(text)
        self.empty_label.setGeometry(self.table.viewport().rect())
        self.empty_label.show()
        self.empty_label.raise_()

    # ------------------------------------------------------------------ columns

    def hide_optional_columns(self) -> None:
        """The default: only the columns a counter needs most (the rest via the header menu)."""
        for col in range(self.model.columnCount()):
            self.table.setColumnHidden(col, col in WorklistModel.OPTIONAL_COLUMNS)

    def column_menu(self) -> QMenu:
        """The header's context menu: one check per column (the code column always shows)."""
        menu = QMenu(self)
        menu.setObjectName("worklistColumnMenu")
        for col in range(self.model.columnCount()):
            title = str(self.model.headerData(col, Qt.Orientation.Horizontal))
            action = QAction(title, menu)
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(col))
            action.setEnabled(col != WorklistModel.COL_CODE)
            action.toggled.connect(lambda on, c=col: self.set_column_visible(c, on))
            menu.addAction(action)
        menu.addSeparator()
        reset = menu.addAction(self.tr("Cột mặc định"))
        reset.triggered.connect(self.reset_columns)
        return menu

    def show_column_menu(self, pos: QPoint) -> None:
        header = self.table.horizontalHeader()
        self.column_menu().popup(header.mapToGlobal(pos))

    def set_column_visible(self, col: int, visible: bool) -> None:
        self.table.setColumnHidden(col, not visible)
        if visible and self.table.columnWidth(col) < 40:
            self.size_columns()

    def reset_columns(self) -> None:
        """Default widths, order and visible columns."""
        header = self.table.horizontalHeader()
        for visual in range(header.count()):
            logical = header.logicalIndex(visual)
            if logical != visual:
                header.moveSection(visual, header.visualIndex(visual))
        self.size_columns()
        self.hide_optional_columns()

    def mode_text(self) -> str:
        """What the table shows, for the status bar."""
        query = self.model.query()
        if query:
            return fmt(self.tr("Kết quả tìm «%1» · Esc: xem tất cả hồ sơ"), query)
        if not self.model.filters().is_empty():
            return fmt(self.tr("Đang lọc: %1"), " · ".join(self.filter_names()))
        return self.tr("Hồ sơ mới nhận ở trên cùng · gõ để tìm, quét mã để chọn")

    def header_state(self) -> QByteArray:
        """The columns' widths, order and hidden ones, to remember between runs; tagged with
        the number of columns, since Qt would apply a state saved for other columns half-way."""
        state = QByteArray(self._state_tag())
        state.append(self.table.horizontalHeader().saveState())
        return state

    def _state_tag(self) -> bytes:
        return f"worklist-{self.model.columnCount()}:".encode()

    def restore_header_state(self, state: object) -> bool:
        """Columns as the clerk left them; whether ``state`` was usable (else the defaults)."""
        tag = self._state_tag()
        header = self.table.horizontalHeader()
        if (
            not isinstance(state, QByteArray)
            or not bytes(state.data()).startswith(tag)
            or not header.restoreState(state.mid(len(tag)))
            or header.count() != self.model.columnCount()
        ):
            # A state from before the columns changed, or damaged: the defaults.
            self.size_columns()
            self.hide_optional_columns()
            return False
        header.setSectionResizeMode(WorklistModel.COL_PROCEDURE, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnHidden(WorklistModel.COL_CODE, False)
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
        self._update_count()
        self.modeChanged.emit()
        if query and self.model.rowCount() == 0:
            self.message.emit(self.tr("Không tìm thấy hồ sơ nào"), 5000)

    def _date_of(self, box: QLineEdit) -> date | None:
        try:
            day = parse_day(box.text())
        except ValueError:
            box.setProperty("invalid", True)
            box.setStyleSheet("border: 1px solid #b00020;")
            return None
        box.setProperty("invalid", False)
        box.setStyleSheet("")
        return day

    def _build_filter_bar(self) -> None:
        self._applying = False
        self.filter_bar = QWidget()
        self.filter_bar.setObjectName("filterBar")
        bar = QHBoxLayout(self.filter_bar)
        bar.setContentsMargins(0, 4, 0, 4)
        bar.setSpacing(6)
        self.group_box = QComboBox()
        self.group_box.setObjectName("filterGroup")
        self.group_box.addItem("", "")
        for key in search.STATUS_GROUPS:
            self.group_box.addItem("", key)
        self.group_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.group_box.currentIndexChanged.connect(self.apply_filters)
        bar.addWidget(self.group_box)
        # A district's communes (services.search.commune_names); hidden at a station.
        self.unit_box = QComboBox()
        self.unit_box.setObjectName("filterUnit")
        self.unit_box.addItem("", "")
        self.unit_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        bar.addWidget(self.unit_box)
        self.due_today_box = QCheckBox()
        self.due_today_box.setObjectName("filterDueToday")
        self.overdue_box = QCheckBox()
        self.overdue_box.setObjectName("filterOverdue")
        self.supplement_box = QCheckBox()
        self.supplement_box.setObjectName("filterSupplement")
        self.mine_box = QCheckBox()
        self.mine_box.setObjectName("filterMine")
        for box in (self.due_today_box, self.overdue_box, self.supplement_box, self.mine_box):
            box.toggled.connect(self.apply_filters)
            bar.addWidget(box)
        bar.addSpacing(6)
        self.from_label = QLabel()
        bar.addWidget(self.from_label)
        self.from_box = QLineEdit()
        self.from_box.setObjectName("filterFrom")
        self.to_label = QLabel()
        self.to_box = QLineEdit()
        self.to_box.setObjectName("filterTo")
        width = self.from_box.fontMetrics().horizontalAdvance("00/00/00000") + 16
        for label, edit in ((None, self.from_box), (self.to_label, self.to_box)):
            if label is not None:
                bar.addWidget(label)
            edit.setPlaceholderText("dd/mm/yyyy")
            edit.setMaxLength(10)
            edit.setFixedWidth(width)
            edit.setClearButtonEnabled(False)
            edit.editingFinished.connect(self.apply_filters)
            edit.textChanged.connect(self._on_date_text)
            use_translated_edit_menu(edit)
            bar.addWidget(edit)
        self.clear_filters_button = QToolButton()
        self.clear_filters_button.setObjectName("filterClear")
        self.clear_filters_button.setEnabled(False)
        self.clear_filters_button.clicked.connect(self.clear_filters)
        bar.addWidget(self.clear_filters_button)
        bar.addStretch(1)

    def _on_date_text(self, text: str) -> None:
        # A whole date or an emptied box applies at once; a half-typed one waits for Enter.
        if not text.strip() or len(text.strip()) == 10:
            self.apply_filters()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.empty_label.setGeometry(self.table.viewport().rect())
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
        pad = 18
        samples = {
            WorklistModel.COL_CODE: "000.00.12.H29-261126-1004",
            WorklistModel.COL_APPLICANT: "Nguyễn Thị Phương Quỳnh",
            WorklistModel.COL_RECEIVED: "28/11/2026 16:59",
            WorklistModel.COL_DUE: "28/11/2026 16:59",
            # Typical longest; "Yêu cầu thực hiện nghĩa vụ tài chính" is rare and elided.
            WorklistModel.COL_STATUS: status_text(Status.SUPPLEMENT_REQUESTED),
            WorklistModel.COL_TIME_LEFT: fmt(self.tr("Quá hạn %1 ngày"), "12,5"),
            WorklistModel.COL_FIELD: "Hộ tịch, chứng thực",
            WorklistModel.COL_ASSIGNEE: "chuyenvien2",
            WorklistModel.COL_ID_NUMBER: "001090012345",
            WorklistModel.COL_PHONE: "0912 345 678",
        }
        if self.model.columnCount() > WorklistModel.COL_UNIT:
            samples[WorklistModel.COL_UNIT] = "phường Hòa Bình"
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
        self.group_box.setItemText(0, self.tr("Mọi trạng thái"))
        self.unit_box.setItemText(0, self.tr("Mọi xã/phường"))
        self.unit_box.setToolTip(self.tr("Lọc theo xã/phường gửi hồ sơ lên huyện"))
        for i, key in enumerate(search.STATUS_GROUPS, start=1):
            self.group_box.setItemText(i, self.tr(GROUP_TEXTS[key]))
        self.group_box.setToolTip(self.tr("Lọc theo nhóm trạng thái (Ctrl+Shift+F)"))
        self.due_today_box.setText(self.tr("Đến hạn hôm nay"))
        self.overdue_box.setText(self.tr("Quá hạn"))
        self.supplement_box.setText(self.tr("Chờ bổ sung"))
        self.mine_box.setText(self.tr("Của tôi"))
        self.mine_box.setToolTip(self.tr("Hồ sơ đang được chuyển cho tôi xử lý"))
        self.from_label.setText(self.tr("Nhận từ"))
        self.to_label.setText(self.tr("đến"))
        self.clear_filters_button.setText(self.tr("Bỏ lọc"))
        self.legend_title.setText(self.tr("Màu dòng:"))
        for key, _color, text in LEGEND:
            self.legend_labels[key].setText("■ " + QApplication.translate("WorklistModel", text))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.size_columns()
            self.model.retranslate()
            self._update_count()
            self.modeChanged.emit()
        super().changeEvent(event)
