"""The timeline of one dossier as a read-only table: when, who, what, and what it carried.

Rows are the immutable :class:`~onestop_desktop.services.views.TimelineEntry` objects of
``services.dossiers.timeline`` (oldest first, as the event log has them). A dossier has a few
to a few dozen events, so the whole list is held; nothing is fetched lazily.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from onestop_desktop.domain import clock
from onestop_desktop.services.audit import actor_words
from onestop_desktop.services.views import TimelineEntry
from onestop_desktop.ui.i18n import QT_TRANSLATE_NOOP, translate_message, translate_template
from onestop_desktop.ui.labels import status_text

CONTEXT = "TimelineModel"

_Index = QModelIndex | QPersistentModelIndex


class TimelineModel(QAbstractTableModel):
    """A dossier's events, one row each."""

    COL_AT, COL_ACTOR, COL_ACTION, COL_DETAILS, COL_STATUS = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("TimelineModel", "Thời gian"),
        QT_TRANSLATE_NOOP("TimelineModel", "Người thực hiện"),
        QT_TRANSLATE_NOOP("TimelineModel", "Thao tác"),
        QT_TRANSLATE_NOOP("TimelineModel", "Nội dung"),
        QT_TRANSLATE_NOOP("TimelineModel", "Trạng thái sau đó"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[TimelineEntry] = []
        self._cells: list[tuple[str, ...]] = []

    def set_entries(self, entries: list[TimelineEntry]) -> None:
        """Show ``entries``; their texts are made once here, not at every ``data`` call (the
        view asks for each cell many times while it measures the wrapped rows)."""
        self.beginResetModel()
        self._entries = list(entries)
        self._cells = [self._texts(e) for e in self._entries]
        self.endResetModel()

    def _texts(self, entry: TimelineEntry) -> tuple[str, ...]:
        status = status_text(entry.status)
        action = entry.render_action(translate_template)
        details = entry.render_details(translate_template)
        what = f"{action}: {details}" if details else action
        # The status column's own header names the status after the step (it is translated:
        # a literal context, which lupdate reads; a sentence with the CONTEXT variable was not).
        after = QCoreApplication.translate("TimelineModel", self.HEADERS[self.COL_STATUS])
        tip = f"{what}\n{after}: {status}"
        return (
            clock.fmt_datetime(entry.at),
            _actor(entry),
            action,
            details,
            status,
            tip,
        )

    def entry(self, row: int) -> TimelineEntry:
        return self._entries[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
            return QCoreApplication.translate(CONTEXT, self.HEADERS[section])
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._entries):
            return str(section + 1)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[index.row()][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._cells[index.row()][-1]
        if role == Qt.ItemDataRole.UserRole:
            return self._entries[index.row()].kind
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def retranslate(self) -> None:
        """Make the cells again in the GUI language (after a ``LanguageChange``)."""
        if not self._entries:
            return
        self._cells = [self._texts(e) for e in self._entries]
        last = self.index(len(self._entries) - 1, self.columnCount() - 1)
        self.dataChanged.emit(self.index(0, 0), last)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def sentences(self) -> list[str]:
        """Each event as one sentence (who, when, what) in the GUI language: the text a screen
        reader or a copy to the clipboard gets."""
        out: list[str] = []
        for cells in self._cells:
            at, actor, action, details = cells[: self.COL_STATUS]
            out.append(f"{at} — {actor}: {action}" + (f" ({details})" if details else ""))
        return out


def _actor(entry: TimelineEntry) -> str:
    """Who did it, in the GUI language: a staff member's name as it is, the CLI operator and
    the citizen filing online described in words (``services.audit.actor_words``)."""
    words = actor_words(entry.actor, entry.actor_name)
    return translate_message(words) if words is not None else entry.actor_name
