"""The worklist table: the station's dossiers newest first, or the results of a search, narrowed
by the filters (``services.search.Filters``).

Rows come from :mod:`onestop_desktop.services.search` a page at a time (keyset paging on
``rid``), through ``canFetchMore``/``fetchMore``: the view asks for the next page when the user
scrolls near the end, so the model never holds more rows than were shown, whatever the size of
the database. The "time left" column is computed only for the rows the view asks about
(``services.search.time_left``, the dossier view's own rule), a batch at a time, and cached until
the next reload. :meth:`WorklistModel.reload` re-reads what is shown after another process wrote,
keeping as many rows as were loaded.
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
from onestop_desktop.domain.payloads import Creation
from onestop_desktop.domain.status import Status
from onestop_desktop.errors import OneStopError
from onestop_desktop.services import search
from onestop_desktop.services.context import Session
from onestop_desktop.services.search import Filters
from onestop_desktop.services.views import DossierSummary, TimeLeft, fmt_amount
from onestop_desktop.ui.i18n import QT_TRANSLATE_NOOP, error_text, fmt
from onestop_desktop.ui.labels import status_text

log = logging.getLogger(__name__)

_Index = QModelIndex | QPersistentModelIndex

# Statuses in which a passed appointment makes the dossier overdue (shown in red).
OVERDUE_STATUSES = frozenset(search.OVERDUE_STATUSES)
OVERDUE_COLOR = QColor(176, 0, 32)
# Due today and still owed (or ready, waiting for the citizen): amber.
DUE_TODAY_COLOR = QColor(156, 84, 0)
# The clock stands still: waiting for a supplement or for the fees.
PAUSED_COLOR = QColor(70, 80, 150)
PAUSED_STATUSES = frozenset({Status.SUPPLEMENT_REQUESTED, Status.FINANCIAL_OBLIGATION})
# The result is ready and waits for the citizen.
READY_COLOR = QColor(0, 110, 50)

# The row colours in the order the legend lists them: key, colour, label (context WorklistModel).
LEGEND: tuple[tuple[str, QColor, str], ...] = (
    ("overdue", OVERDUE_COLOR, QT_TRANSLATE_NOOP("WorklistModel", "Quá hạn")),
    ("due_today", DUE_TODAY_COLOR, QT_TRANSLATE_NOOP("WorklistModel", "Đến hạn hôm nay")),
    ("paused", PAUSED_COLOR, QT_TRANSLATE_NOOP("WorklistModel", "Tạm dừng (chờ bổ sung, nộp phí)")),
    ("ready", READY_COLOR, QT_TRANSLATE_NOOP("WorklistModel", "Có kết quả, chờ trả")),
)
_COLORS = {key: color for key, color, _label in LEGEND}

# How many rows get their "time left" computed at once when the view first asks for one.
TIME_LEFT_BATCH = 40

# The roles as plain ints: a view asks data() ~10 roles × every visible cell at each paint, so
# the roles this model does not answer must cost as little as possible (#9: a keystroke's
# repaint was ~700 data() calls, a third of its CPU time).
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_SORT = int(Qt.ItemDataRole.UserRole) + 1
_DOSSIER = int(Qt.ItemDataRole.UserRole) + 2
_COLOUR_KEY = int(Qt.ItemDataRole.UserRole) + 3
_ANSWERED = frozenset({_DISPLAY, _TOOLTIP, _FOREGROUND, _SORT, _DOSSIER, _COLOUR_KEY})
_ROW_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)


_COUNCIL_PREFIXES = ("UBND ", "Ủy ban nhân dân ", "Uỷ ban nhân dân ")


def short_commune(name: str) -> str:
    """A commune's name for the district's narrow column: "UBND xã Hòa Bình" → "xã Hòa Bình"
    (every unit is a people's committee; the tooltip keeps the whole name)."""
    for prefix in _COUNCIL_PREFIXES:
        if name.startswith(prefix) and len(name) > len(prefix):
            return name[len(prefix) :]
    return name


def format_moment(moment: datetime | None) -> str:
    """dd/mm/yyyy HH:MM in Vietnamese time; empty for ``None``."""
    return "" if moment is None else clock.fmt_datetime(moment)


class WorklistModel(QAbstractTableModel):
    """The worklist or a search result, paged, newest first, filtered; read-only.

    Roles: ``DisplayRole`` (text as shown), ``SortRole`` (native values: ``str``, ``datetime``,
    ``int`` status, signed working hours left; ``None`` for a missing value), ``DossierRole``
    (the row's :class:`DossierSummary`), ``ToolTipRole`` (the full procedure name; the time left
    in full words), ``ForegroundRole`` (the legend's colours: red overdue, amber due today,
    blue paused, green ready), ``ColourKeyRole`` (the legend key of the row's colour, or None).
    """

    (
        COL_CODE,
        COL_APPLICANT,
        COL_PROCEDURE,
        COL_RECEIVED,
        COL_DUE,
        COL_STATUS,
        COL_TIME_LEFT,
        COL_FIELD,
        COL_ASSIGNEE,
        COL_ID_NUMBER,
        COL_PHONE,
    ) = range(11)
    HEADERS: tuple[str, ...] = (
        QT_TRANSLATE_NOOP("WorklistModel", "Mã hồ sơ"),
        QT_TRANSLATE_NOOP("WorklistModel", "Người nộp"),
        QT_TRANSLATE_NOOP("WorklistModel", "Thủ tục"),
        QT_TRANSLATE_NOOP("WorklistModel", "Ngày nhận"),
        QT_TRANSLATE_NOOP("WorklistModel", "Hẹn trả"),
        QT_TRANSLATE_NOOP("WorklistModel", "Trạng thái"),
        QT_TRANSLATE_NOOP("WorklistModel", "Thời hạn còn lại"),
        QT_TRANSLATE_NOOP("WorklistModel", "Lĩnh vực"),
        QT_TRANSLATE_NOOP("WorklistModel", "Người xử lý"),
        QT_TRANSLATE_NOOP("WorklistModel", "Số định danh"),
        QT_TRANSLATE_NOOP("WorklistModel", "Điện thoại"),
    )
    # Shown only when the clerk asks (header context menu): less needed at the counter.
    OPTIONAL_COLUMNS = frozenset({COL_RECEIVED, COL_FIELD, COL_ASSIGNEE, COL_ID_NUMBER, COL_PHONE})
    # Only in a district database (``services.search.commune_names``): each dossier's commune.
    COL_UNIT = len(HEADERS)
    UNIT_HEADER = QT_TRANSLATE_NOOP("WorklistModel", "Xã/phường")
    SortRole = Qt.ItemDataRole.UserRole + 1
    DossierRole = Qt.ItemDataRole.UserRole + 2
    ColourKeyRole = Qt.ItemDataRole.UserRole + 3

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
        self._filters = Filters()
        self._time_left: dict[str, TimeLeft | None] = {}
        # Per row, the texts shown (every column but the time left) and the legend key, made on
        # the first paint of the row; dropped with the rows, on tick() and on retranslate().
        self._texts: dict[int, tuple[str, ...]] = {}
        self._keys: dict[int, str | None] = {}
        self._brushes: dict[str, QBrush] = {}
        # One creation event per procedure version for the time left (services.search).
        self._creations: dict[search.LimitKey, Creation] = {}
        self._rows: list[DossierSummary] = []
        self._more = True
        self._fetching = False
        self._error = ""
        # A district's commune names by unit code (None at a station: no commune column).
        try:
            self._units = search.commune_names(session)
        except OneStopError as exc:
            log.warning("commune names failed: %s", exc)
            self._units = None
        self._columns = len(self.HEADERS) + (1 if self._units is not None else 0)
        self._reset_rows()

    # ------------------------------------------------------------------ public API

    @property
    def session(self) -> Session:
        return self._session

    @property
    def page_size(self) -> int:
        return self._page_size

    def communes(self) -> dict[str, str] | None:
        """A district's commune names by unit code; ``None`` at a station."""
        return None if self._units is None else dict(self._units)

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

    def filters(self) -> Filters:
        """The filters in force (empty: none)."""
        return self._filters

    def set_filters(self, filters: Filters) -> None:
        """Show the first page with ``filters`` (with the current query); same again: nothing."""
        if filters == self._filters:
            return
        self._filters = filters
        self.refresh()

    def is_filtered(self) -> bool:
        """Whether a search text or a filter narrows the rows."""
        return bool(self._query) or not self._filters.is_empty()

    def refresh(self) -> None:
        """Reload the first page of the current query (e.g. after a dossier changed)."""
        self.beginResetModel()
        self._reset_rows()
        self.endResetModel()
        self.queryChanged.emit(self._query)

    def reload(self) -> None:
        """Re-read what is shown (another process wrote): as many rows as were loaded, so the
        view can keep its scroll position; the screen puts the selection back by dossier id.
        Does not emit :attr:`queryChanged` (the query did not change)."""
        wanted = max(len(self._rows), self._page_size)
        self.beginResetModel()
        self._rows = []
        self._more = True
        self._error = ""
        self._now = self._clock()
        self._forget_cells()
        while self._more and len(self._rows) < wanted:
            before = self._rows[-1].rid if self._rows else None
            page = self._fetch(before)
            if not page:
                break
            self._rows.extend(page)
        self.endResetModel()

    def tick(self) -> None:
        """The clock moved on: recompute the time left and the colours of the loaded rows."""
        self._now = self._clock()
        self._forget_cells()
        self._all_changed()

    def retranslate(self) -> None:
        """The language changed: every text is made again in the new one."""
        self._texts = {}
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self._columns - 1)
        self._all_changed()

    def _all_changed(self) -> None:
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, self._columns - 1)
            )

    def _forget_cells(self) -> None:
        """Drop what was computed from the rows and the clock (not the creations: a procedure
        version's time limit never changes)."""
        self._time_left = {}
        self._texts = {}
        self._keys = {}

    def row_of_id(self, dossier_id: str) -> int | None:
        """The row of the dossier with this UUID, if fetched."""
        for row, item in enumerate(self._rows):
            if item.id == dossier_id:
                return row
        return None

    def time_left(self, row: int) -> TimeLeft | None:
        """The time left of the dossier on ``row`` (computed with its neighbours on first ask);
        ``None`` for a dossier not owed any more or without an appointment."""
        item = self._rows[row]
        if item.id not in self._time_left:
            batch = [
                i for i in self._rows[row : row + TIME_LEFT_BATCH] if i.id not in self._time_left
            ]
            try:
                found = search.time_left(
                    self._session, batch, now=self._now, creations=self._creations
                )
            except OneStopError as exc:
                log.warning("time left failed: %s", exc)
                found = {}
            for i in batch:
                self._time_left[i.id] = found.get(i.id)
        return self._time_left[item.id]

    def colour_key(self, item: DossierSummary) -> str | None:
        """The legend key of the row's colour: overdue, due_today, paused, ready or None."""
        if self.is_overdue(item):
            return "overdue"
        if item.status in PAUSED_STATUSES:
            return "paused"
        if (
            item.due_at is not None
            and item.status in search.DUE_TODAY_STATUSES
            and clock.to_vn(item.due_at).date() == clock.to_vn(self._now).date()
        ):
            return "due_today"
        if item.status == Status.RESULT_READY:
            return "ready"
        return None

    def is_complete(self) -> bool:
        """Whether every row of the query and filters is loaded (the last page came back short),
        so ``rowCount()`` is their exact number (the screen's count needs no query then)."""
        return not self._more and not self._error

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
        return 0 if parent.isValid() else self._columns

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _ROW_FLAGS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self._columns:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            title = self.UNIT_HEADER if section == self.COL_UNIT else self.HEADERS[section]
            return QCoreApplication.translate("WorklistModel", title)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The roles asked most and never answered go first, before any index call; an
        # invalid index has row -1 and fails the range check. Indexes of a table model have
        # no parent.
        if role not in _ANSWERED:
            return None
        row, col = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= col < self._columns):
            return None
        role = int(role)
        if role == _DISPLAY:
            if col == self.COL_TIME_LEFT:
                left = self.time_left(row)
                return "" if left is None else self.time_left_text(left)
            texts = self._texts.get(row)
            if texts is None:
                texts = self._texts[row] = self._row_texts(row, self._rows[row])
            return texts[col]
        if role == _FOREGROUND:
            key = self._colour_key_of(row)
            if key is None:
                return None
            brush = self._brushes.get(key)
            if brush is None:
                brush = self._brushes[key] = QBrush(_COLORS[key])
            return brush
        item = self._rows[row]
        if role == _SORT:
            return self._sort_value(row, item, col)
        if role == _DOSSIER:
            return item
        if role == _TOOLTIP:
            if col == self.COL_TIME_LEFT:
                left = self.time_left(row)
                return None if left is None else self.time_left_text(left, full=True)
            if col == self.COL_UNIT and self._units is not None:
                return self._units.get(item.unit_code, item.unit_code)
            return item.procedure_name
        return self._colour_key_of(row)  # _COLOUR_KEY

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
        self._forget_cells()
        self._rows = self._fetch(None)

    def _fetch(self, before_rid: int | None) -> list[DossierSummary]:
        """The next page after ``before_rid``; sets whether more may follow."""
        try:
            if self._query:
                page = search.search(
                    self._session,
                    self._query,
                    limit=self._page_size,
                    before_rid=before_rid,
                    filters=self._filters,
                )
            else:
                page = search.worklist_page(
                    self._session,
                    before_rid=before_rid,
                    limit=self._page_size,
                    filters=self._filters,
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

    def _colour_key_of(self, row: int) -> str | None:
        if row in self._keys:
            return self._keys[row]
        key = self._keys[row] = self.colour_key(self._rows[row])
        return key

    def _row_texts(self, row: int, item: DossierSummary) -> tuple[str, ...]:
        """Every column's text but the time left's (asked on its own, in batches)."""
        texts: list[str] = []
        for col in range(self._columns):
            if col == self.COL_TIME_LEFT:
                texts.append("")
            elif col in (self.COL_RECEIVED, self.COL_DUE):
                texts.append(format_moment(self._sort_value(row, item, col)))
            elif col == self.COL_STATUS:
                texts.append(status_text(item.status))
            elif col == self.COL_UNIT:
                texts.append(short_commune(str(self._sort_value(row, item, col))))
            else:
                value = self._sort_value(row, item, col)
                texts.append("" if value is None else str(value))
        return tuple(texts)

    @staticmethod
    def time_left_text(left: TimeLeft, *, full: bool = False) -> str:
        """ "Còn 2 ngày", "Quá hạn 3 giờ", "Đến hạn"; ``full``: with "làm việc" and the pause,
        as the dossier view says it."""
        amount = fmt_amount(left.amount)
        if left.overdue:
            texts = {
                "working_days": QCoreApplication.translate("WorklistModel", "Quá hạn %1 ngày"),
                "working_hours": QCoreApplication.translate("WorklistModel", "Quá hạn %1 giờ"),
                "calendar_days": QCoreApplication.translate("WorklistModel", "Quá hạn %1 ngày"),
            }
            full_texts = {
                "working_days": QCoreApplication.translate(
                    "WorklistModel", "Quá hạn %1 ngày làm việc"
                ),
                "working_hours": QCoreApplication.translate(
                    "WorklistModel", "Quá hạn %1 giờ làm việc"
                ),
                "calendar_days": QCoreApplication.translate("WorklistModel", "Quá hạn %1 ngày"),
            }
        else:
            texts = {
                "working_days": QCoreApplication.translate("WorklistModel", "Còn %1 ngày"),
                "working_hours": QCoreApplication.translate("WorklistModel", "Còn %1 giờ"),
                "calendar_days": QCoreApplication.translate("WorklistModel", "Còn %1 ngày"),
            }
            full_texts = {
                "working_days": QCoreApplication.translate("WorklistModel", "Còn %1 ngày làm việc"),
                "working_hours": QCoreApplication.translate("WorklistModel", "Còn %1 giờ làm việc"),
                "calendar_days": QCoreApplication.translate("WorklistModel", "Còn %1 ngày"),
            }
        if not left.overdue and left.amount == 0:
            text = QCoreApplication.translate("WorklistModel", "Đến hạn trả")
        else:
            text = fmt((full_texts if full else texts)[left.unit], amount)
        if left.paused:
            pattern = (
                QCoreApplication.translate("WorklistModel", "%1 (đang tạm dừng tính thời hạn)")
                if full
                else QCoreApplication.translate("WorklistModel", "%1 (tạm dừng)")
            )
            text = fmt(pattern, text)
        return text

    def _sort_value(self, row: int, item: DossierSummary, col: int) -> Any:
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
        if col == self.COL_STATUS:
            return int(item.status)
        if col == self.COL_TIME_LEFT:
            left = self.time_left(row)
            return None if left is None else left.working_hours
        if col == self.COL_FIELD:
            return item.field
        if col == self.COL_ASSIGNEE:
            return item.assignee
        if col == self.COL_ID_NUMBER:
            return item.applicant_id_number
        if col == self.COL_UNIT and self._units is not None:
            return self._units.get(item.unit_code, item.unit_code)
        return item.applicant_phone
