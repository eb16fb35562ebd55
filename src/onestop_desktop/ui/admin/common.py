"""What the admin screens share: a read-only table model over typed rows, an inline message line,
and the permission each screen needs.

Every admin screen is admin-only twice over: the main window hides the «Quản trị» menu and
disables its keys unless the session may do the screen's permission (``Session.may``, the rule
the services apply), and every service the screen calls checks it again (``ctx.require``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QWidget

from onestop_desktop.errors import OneStopError
from onestop_desktop.ui.i18n import error_text

R = TypeVar("R")

_Index = QModelIndex | QPersistentModelIndex

#: The permission that opens each admin screen (the screen's services check the same one).
SCREEN_PERMISSIONS: dict[str, str] = {
    "admin_users": "users.manage",
    "admin_catalog": "catalog.manage",
    "admin_calendar": "calendar.manage",
    "admin_settings": "calendar.manage",
    "admin_backup": "users.manage",
    "admin_audit": "users.manage",
}

MENU_PERMISSION = "users.manage"
"""The «Quản trị» menu is shown to whoever may manage accounts: the admin (and the operator)."""


class RowsModel(QAbstractTableModel, Generic[R]):
    """A read-only table over a list of immutable rows; subclasses say the headers and cells.

    ``headers()`` returns the (translated) column titles; ``cell(row, column)`` the text of one
    cell; ``align(column)`` its alignment. Rows are replaced whole with :meth:`set_rows` (the
    admin lists are short) or appended with :meth:`append_rows` (the paged audit log).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []

    # -- to override
    def headers(self) -> list[str]:
        raise NotImplementedError

    def cell(self, row: R, column: int) -> str:
        raise NotImplementedError

    def align(self, column: int) -> Qt.AlignmentFlag:
        return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

    def tooltip(self, row: R, column: int) -> str | None:
        return None

    # -- the rows
    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def append_rows(self, rows: Sequence[R]) -> None:
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def row_at(self, row: int) -> R | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rows(self) -> list[R]:
        return list(self._rows)

    # -- QAbstractTableModel
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(self.align(index.column()).value)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            titles = self.headers()
            return titles[section] if 0 <= section < len(titles) else None
        return section + 1


RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def table_view(
    model: QAbstractTableModel,
    name: str,
    *,
    stretch: int | None = None,
    widths: dict[int, int] | None = None,
) -> QTableView:
    """A read-only, whole-row-selecting table for ``model``; column ``stretch`` takes the room
    left (so nothing is cut off at 1024×768), the columns in ``widths`` start at that width
    (long texts, shown whole in their tooltip), the others fit their contents."""
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.setTabKeyNavigation(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    else:
        header.setStretchLastSection(True)
    for column, width in (widths or {}).items():
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, width)
    return view


class MessageLine(QLabel):
    """The line under a screen's buttons that says what the last action did, or why it was
    refused (an expected fault's message in the GUI language): no modal box to dismiss."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._error = False

    def done(self, text: str) -> None:
        self._error = False
        self.setStyleSheet("color: #1b5e20;")
        self.setText(text)

    def refused(self, exc: OneStopError) -> None:
        self._error = True
        self.setStyleSheet("color: #b00020;")
        self.setText(error_text(exc))

    def is_error(self) -> bool:
        return self._error


def attempt(line: MessageLine, action: Callable[[], str]) -> bool:
    """Run ``action`` (a service call returning what to say); an expected fault is shown on
    ``line`` instead. Whether it succeeded."""
    try:
        text = action()
    except OneStopError as exc:
        line.refused(exc)
        return False
    line.done(text)
    return True
