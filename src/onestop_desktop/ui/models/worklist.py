"""The worklist table: the station's dossiers newest first, or the results of a search.

Rows come from :mod:`onestop_desktop.services.search` a page at a time (keyset paging on
``rid``), through ``canFetchMore``/``fetchMore``: the view asks for the next page when the user
scrolls near the end, so the model never holds more rows than were shown, whatever the size of
the database.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from onestop_desktop.domain import clock
from onestop_desktop.domain.status import Status
from onestop_desktop.errors import OneStopError
from onestop_desktop.services import search
from onestop_desktop.services.context import Session
from onestop_desktop.services.views import DossierSummary
from onestop_desktop.ui.i18n import QT_TRANSLATE_NOOP, error_text
from onestop_desktop.ui.labels import status_text

log = logging.getLogger(__name__)

_Index = QModelIndex | QPersistentModelIndex

# Statuses in which a passed appointment makes the dossier overdue (shown in red).
OVERDUE_STATUSES = frozenset({Status.RECEIVED, Status.PROCESSING})
OVERDUE_COLOR = QColor(176, 0, 32)


def format_moment(moment: datetime | None) -> str:
    """dd/mm/yyyy HH:MM in Vietnamese time; empty for ``None``."""
    return "" if moment is None else clock.fmt_datetime(moment)


class WorklistModel(QAbstractTableModel):
    """The worklist or a search result, paged, newest first; read-only.

    Roles: ``DisplayRole`` (text as shown), ``SortRole`` (native values: ``str``, ``datetime``,
    ``int`` status; ``None`` for a missing appointment), ``DossierRole`` (the row's
    :class:`DossierSummary`), ``ToolTipRole`` (the full procedure name), ``ForegroundRole``
    (red for overdue dossiers).
    """

    COL_CODE, COL_APPLICANT, COL_PROCEDURE, COL_RECEIVED, COL_DUE, COL_STATUS = range(6)
    HEADERS: tuple[str, ...] = (
        QT_TRANSLATE_NOOP("WorklistModel", "Mã hồ sơ"),
        QT_TRANSLATE_NOOP("WorklistModel", "Người nộp"),
        QT_TRANSLATE_NOOP("WorklistModel", "Thủ tục"),
        QT_TRANSLATE_NOOP("WorklistModel", "Ngày nhận"),
        QT_TRANSLATE_NOOP("WorklistModel", "Hẹn trả"),
        QT_TRANSLATE_NOOP("WorklistModel", "Trạng thái"),
    )
    SortRole = Qt.ItemDataRole.UserRole + 1
    DossierRole = Qt.ItemDataRole.UserRole + 2

    PAGE_SIZE = 100

    # A service refused a page (message in the GUI language); paging stops until the next reset.
    failed = Signal(str)
    # The rows were replaced (a new query or a refresh); the argument is the query.
    queryChanged = Signal(str)

    def __init__(
        self,
        session: Session,
        parent: QObject | None = None,
        *,
        page_size: int = PAGE_SIZE,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._page_size = max(1, page_size)
        self._clock = now or session.now
        self._now = self._clock()
        self._query = ""
        self._rows: list[DossierSummary] = []
        self._more = True
        self._fetching = False
        self._error = ""
        self._reset_rows()

    # ------------------------------------------------------------------ public API

    @property
    def session(self) -> Session:
        return self._session

    @property
    def page_size(self) -> int:
        return self._page_size

    def query(self) -> str:
        """The search text in force (``""``: the whole worklist)."""
        return self._query

    def is_search(self) -> bool:
        return bool(self._query)

    def set_query(self, text: str) -> None:
        """Show the first page of the dossiers matching ``text`` (empty: the whole worklist).

        Leading/trailing spaces do not count; the same query again does nothing.
        """
        query = " ".join(unicodedata.normalize("NFC", text).split())
        if query == self._query:
            return
        self._query = query
        self.beginResetModel()
        self._reset_rows()
        self.endResetModel()
        self.queryChanged.emit(self._query)

    def refresh(self) -> None:
        """Reload the first page of the current query (e.g. after a dossier changed)."""
        self.beginResetModel()
        self._reset_rows()
        self.endResetModel()
        self.queryChanged.emit(self._query)

    def last_error(self) -> str:
        """The message of the last refused page since the last reset (empty if none)."""
        return self._error

    def dossier(self, row: int) -> DossierSummary:
        """The summary shown on ``row``."""
        return self._rows[row]

    def dossiers(self) -> tuple[DossierSummary, ...]:
        """Every row fetched so far, in order."""
        return tuple(self._rows)

    def row_of_code(self, code: str) -> int | None:
        """The row of the dossier whose code is exactly ``code`` (case-insensitive), if fetched."""
        wanted = code.strip().upper()
        for row, item in enumerate(self._rows):
            if item.code.upper() == wanted:
                return row
        return None

    def is_overdue(self, item: DossierSummary) -> bool:
        """Whether the appointment has passed and the dossier is still being processed."""
        return (
            item.status in OVERDUE_STATUSES and item.due_at is not None and item.due_at < self._now
        )

    # ------------------------------------------------------------------ Qt model API

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.HEADERS)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("WorklistModel", self.HEADERS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        row, col = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= col < len(self.HEADERS)):
            return None
        item = self._rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, col)
        if role == self.SortRole:
            return self._sort_value(item, col)
        if role == self.DossierRole:
            return item
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.procedure_name
        if role == Qt.ItemDataRole.ForegroundRole and self.is_overdue(item):
            return QBrush(OVERDUE_COLOR)
        return None

    def canFetchMore(self, parent: _Index) -> bool:
        return not parent.isValid() and self._more and not self._fetching

    def fetchMore(self, parent: _Index) -> None:
        # Views and model testers may call fetchMore again from a rowsAboutToBeInserted or
        # rowsInserted handler; a nested call would fetch the same page twice.
        if parent.isValid() or not self._more or self._fetching:
            return
        self._fetching = True
        try:
            before = self._rows[-1].rid if self._rows else None
            page = self._fetch(before)
            if not page:
                return
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()
        finally:
            self._fetching = False

    # ------------------------------------------------------------------ internals

    def _reset_rows(self) -> None:
        """Drop the rows and load the first page (call between begin/endResetModel)."""
        self._rows = []
        self._more = True
        self._error = ""
        self._now = self._clock()
        self._rows = self._fetch(None)

    def _fetch(self, before_rid: int | None) -> list[DossierSummary]:
        """The next page after ``before_rid``; sets whether more may follow."""
        try:
            if self._query:
                page = search.search(
                    self._session, self._query, limit=self._page_size, before_rid=before_rid
                )
            else:
                page = search.worklist_page(
                    self._session, before_rid=before_rid, limit=self._page_size
                )
        except OneStopError as exc:
            log.warning("worklist page failed: %s", exc)
            self._more = False
            self._error = error_text(exc)
            self.failed.emit(self._error)
            return []
        # An exact code match comes back alone; any short page is the last one.
        self._more = len(page) >= self._page_size
        return page

    def _display(self, item: DossierSummary, col: int) -> str:
        if col in (self.COL_RECEIVED, self.COL_DUE):
            return format_moment(self._sort_value(item, col))
        if col == self.COL_STATUS:
            return status_text(item.status)
        return str(self._sort_value(item, col))

    def _sort_value(self, item: DossierSummary, col: int) -> Any:
        if col == self.COL_CODE:
            return item.code
        if col == self.COL_APPLICANT:
            return item.applicant_name
        if col == self.COL_PROCEDURE:
            return item.procedure_name
        if col == self.COL_RECEIVED:
            return item.received_at
        if col == self.COL_DUE:
            return item.due_at
        return int(item.status)
