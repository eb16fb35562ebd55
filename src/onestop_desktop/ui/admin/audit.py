"""Quản trị → Nhật ký (Ctrl+Alt+6): the event log, searched by user, dossier, kind and dates.

Each row says who did what, when, on which dossier, in words (the dossier timeline's wording,
``services.audit.search_log``). The log may hold millions of events, so the model never loads
it whole: it reads keyset pages of 100, newest first, as the view scrolls
(``canFetchMore``/``fetchMore``), like the worklist.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop.domain import clock
from onestop_desktop.errors import OneStopError
from onestop_desktop.services import audit, users
from onestop_desktop.services.audit import LogEntry, LogPage, LogQuery
from onestop_desktop.services.context import Session
from onestop_desktop.ui.admin.common import MessageLine, RowsModel, table_view
from onestop_desktop.ui.i18n import (
    fmt,
    translate_message,
    translate_template,
    use_translated_edit_menu,
)
from onestop_desktop.ui.live_texts import LiveTexts
from onestop_desktop.ui.workers import Job, Worker

_Index = QModelIndex | QPersistentModelIndex


class AuditModel(RowsModel[LogEntry]):
    """The log matching one :class:`LogQuery`, paged from the newest event back.

    Each page is read in a :class:`~onestop_desktop.ui.workers.Worker` on its own connection:
    a filter that matches few events (one user's rare acts) walks much of the log before it
    has a page, and the window must keep answering meanwhile. One page is read at a time; a
    new search while a page is being read waits for it and then starts over (the stale page
    is dropped).
    """

    COL_AT, COL_ACTOR, COL_ACTION, COL_DOSSIER, COL_DETAILS = range(5)

    # A page arrived (or the search failed: see last_error()); the view may show the count.
    loaded = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._query = LogQuery()
        self._next: int | None = None
        self._more = False
        self._error: OneStopError | None = None
        self._worker: Worker[object] | None = None
        self._generation = 0
        self._loading = 0
        self._restart = False
        self.page_size = audit.PAGE_SIZE

    def headers(self) -> list[str]:
        return [
            self.tr("Thời gian"),
            self.tr("Người thực hiện"),
            self.tr("Việc"),
            self.tr("Hồ sơ"),
            self.tr("Chi tiết"),
        ]

    def cell(self, row: LogEntry, column: int) -> str:
        if column == self.COL_AT:
            return clock.fmt_datetime(row.at)
        if column == self.COL_ACTOR:
            return row.render_actor(translate_template)
        if column == self.COL_ACTION:
            return row.render_action(translate_template)
        if column == self.COL_DOSSIER:
            return row.dossier_code or ""
        if column == self.COL_DETAILS:
            return row.render_details(translate_template)
        return ""

    def tooltip(self, row: LogEntry, column: int) -> str | None:
        if column == self.COL_DETAILS:
            return row.render_details(translate_template)
        if column == self.COL_ACTOR:
            return row.actor
        return None

    def query(self) -> LogQuery:
        return self._query

    def last_error(self) -> OneStopError | None:
        return self._error

    def loading(self) -> bool:
        """Whether a page is being read."""
        return self._worker is not None

    def has_more(self) -> bool:
        """Whether older events may match (another page can be read)."""
        return self._more

    def search(self, query: LogQuery) -> None:
        """Start over with ``query``: the list empties and its first page is read."""
        self._query = query
        self._generation += 1
        self._next = None
        self._error = None
        self.set_rows([])
        self._more = True
        if self._worker is not None:
            self._restart = True  # once the page being read is in (and dropped)
            return
        self._load()

    def _load(self) -> None:
        query, before, limit = self._query, self._next, self.page_size
        self._loading = self._generation  # one page at a time: the one being read

        def task(job: Job) -> object:
            return audit.search_log(job.session, query, before=before, limit=limit)

        worker: Worker[object] = Worker(task, session=self._session, parent=self, show_errors=False)
        worker.succeeded.connect(self._arrived)
        worker.failed.connect(self._refused)
        worker.finished.connect(self._finished)
        self._worker = worker
        worker.start()

    def _arrived(self, page: object) -> None:
        if self._loading != self._generation:
            return
        assert isinstance(page, LogPage)
        self._next = page.next_before
        self._more = page.next_before is not None
        self.append_rows(page.entries)
        self.loaded.emit()

    def _refused(self, exc: object) -> None:
        if self._loading != self._generation:
            return
        assert isinstance(exc, OneStopError)
        self._error = exc
        self._more = False
        self.loaded.emit()

    def _finished(self) -> None:
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.deleteLater()
        if self._restart:
            self._restart = False
            self._load()

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more and self._worker is None

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._load()


class AuditScreen(QWidget):
    """The filters and the log (see the module docstring)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.live = LiveTexts(self)
        self.setObjectName("AdminAuditScreen")
        self._session = session
        today = session.now().date()

        title = QLabel()
        self.live(lambda: title.setText(self.tr("Nhật ký hoạt động")))
        title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.user_box = QComboBox()
        self.user_box.setObjectName("auditUser")
        self.user_box.setEditable(True)  # an operator's OS name (CLI acts) may be typed
        self.user_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.user_box.addItem(self.tr("Tất cả"), "")
        try:
            for user in users.list_users(session):
                self.user_box.addItem(f"{user.full_name} ({user.username})", user.username)
        except OneStopError:
            pass  # the search itself says why (the same permission)
        self.dossier_edit = QLineEdit()
        self.dossier_edit.setObjectName("auditDossier")
        self.live(lambda: self.dossier_edit.setPlaceholderText(self.tr("mã hồ sơ")))
        use_translated_edit_menu(self.dossier_edit)
        self.dossier_edit.returnPressed.connect(self.search)
        self.kind_box = QComboBox()
        self.kind_box.setObjectName("auditKind")
        self.kind_box.addItem(self.tr("Tất cả"), "")
        kinds = audit.log_kinds()
        for kind, _label in kinds:
            self.kind_box.addItem("", kind)

        def name_kinds() -> None:
            self.kind_box.setItemText(0, self.tr("Tất cả"))
            for i, (_kind, label) in enumerate(kinds, start=1):
                self.kind_box.setItemText(i, translate_message(label))

        self.live(name_kinds)
        self.dates_box = QCheckBox()
        self.live(lambda: self.dates_box.setText(self.tr("Từ ngày")))
        self.dates_box.setObjectName("auditDates")
        self.start_edit = QDateEdit(QDate(today.year, today.month, 1))
        self.start_edit.setObjectName("auditStart")
        self.end_edit = QDateEdit(QDate(today.year, today.month, today.day))
        self.end_edit.setObjectName("auditEnd")
        for edit in (self.start_edit, self.end_edit):
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setCalendarPopup(True)
            edit.setEnabled(False)
        self.dates_box.toggled.connect(self.start_edit.setEnabled)
        self.dates_box.toggled.connect(self.end_edit.setEnabled)
        self.search_button = QPushButton()
        self.live(lambda: self.search_button.setText(self.tr("&Tìm")))
        self.search_button.setObjectName("auditSearch")
        self.search_button.setDefault(True)
        self.search_button.clicked.connect(self.search)
        self.count_label = QLabel()
        self.count_label.setObjectName("auditCount")
        self.message = MessageLine("auditMessage")

        self.model = AuditModel(session, self)
        self.table = table_view(self.model, "auditTable", stretch=AuditModel.COL_DETAILS)
        self.model.loaded.connect(self._loaded)

        filters = QGridLayout()
        filters.addWidget(self.live.label(lambda: self.tr("Cán bộ:")), 0, 0)
        filters.addWidget(self.user_box, 0, 1)
        filters.addWidget(self.live.label(lambda: self.tr("Hồ sơ:")), 0, 2)
        filters.addWidget(self.dossier_edit, 0, 3)
        filters.addWidget(self.live.label(lambda: self.tr("Việc:")), 0, 4)
        filters.addWidget(self.kind_box, 0, 5)
        filters.addWidget(self.dates_box, 1, 0)
        filters.addWidget(self.start_edit, 1, 1)
        filters.addWidget(self.live.label(lambda: self.tr("đến ngày")), 1, 2)
        filters.addWidget(self.end_edit, 1, 3)
        filters.addWidget(self.search_button, 1, 5)
        filters.setColumnStretch(1, 2)
        filters.setColumnStretch(3, 2)
        filters.setColumnStretch(5, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.message)
        self.setFocusProxy(self.dossier_edit)
        self.search()

    def current_query(self) -> LogQuery:
        kind = str(self.kind_box.currentData() or "")
        start: date | None = None
        end: date | None = None
        if self.dates_box.isChecked():
            a, b = self.start_edit.date(), self.end_edit.date()
            start, end = date(a.year(), a.month(), a.day()), date(b.year(), b.month(), b.day())
        return LogQuery(
            user=self.chosen_user(),
            dossier=self.dossier_edit.text(),
            kinds=(kind,) if kind else (),
            start=start,
            end=end,
        )

    def chosen_user(self) -> str:
        """The user name to look for: the listed account chosen, or the name typed."""
        text = self.user_box.currentText().strip()
        index = self.user_box.findText(text)
        if index >= 0:
            return str(self.user_box.itemData(index) or "")
        return text

    def search(self) -> None:
        self.message.done("")
        self.count_label.setText(self.tr("Đang tìm…"))
        self.model.search(self.current_query())

    def _loaded(self) -> None:
        error = self.model.last_error()
        if error is not None:
            self.message.refused(error)
        self._update_count()

    def _update_count(self) -> None:
        shown = self.model.rowCount()
        if self.model.has_more():
            text = fmt(
                self.tr("%1 sự kiện mới nhất (cuộn xuống để xem thêm)"), clock.fmt_int(shown)
            )
        elif shown == 0:
            text = self.tr("Không có sự kiện nào khớp")
        else:
            text = fmt(self.tr("%1 sự kiện"), clock.fmt_int(shown))
        self.count_label.setText(text)
