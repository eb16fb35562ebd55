"""The intake form's two models: the procedure picker and the required-document checklist.

* :class:`ProcedureListModel` lists the published procedures most used first
  (``services.intake.procedures_by_use``) and filters them as the clerk types: every word of the
  query, folded like the search index (lower case, marks removed, đ→d: ``domain.text.fold``),
  must appear in the code or the name, so "khai sinh", "khai sính" and "KHAI SINH" find the same
  rows. The catalogue is a few hundred rows: filtering in memory is instant, and the usage
  counts are read once when the form opens.
* :class:`ChecklistModel` is the "Thành phần hồ sơ" of the picked procedure version: one row a
  document, with a check box (handed in or not), its name, the form handed in (bản chính, bản sao
  có chứng thực, bản sao) and the count; the ticked rows become ``services.dossiers.HandedIn``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from onestop_desktop.domain.catalog import DOCUMENT_FORM_LABELS, Procedure, RequiredDocument
from onestop_desktop.domain.text import fold
from onestop_desktop.ui.i18n import QT_TRANSLATE_NOOP

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
"""The procedure code of a picker row."""
USES_ROLE = Qt.ItemDataRole.UserRole + 2
"""How many recent dossiers had this procedure."""

FORM_CONTEXT = "DocumentForm"
FORM_TEXTS: dict[str, str] = {
    "original": QT_TRANSLATE_NOOP("DocumentForm", "Bản chính"),
    "certified_copy": QT_TRANSLATE_NOOP("DocumentForm", "Bản sao có chứng thực"),
    "copy": QT_TRANSLATE_NOOP("DocumentForm", "Bản sao"),
}
assert set(FORM_TEXTS) == set(DOCUMENT_FORM_LABELS)


def form_text(form: str) -> str:
    """A document form's name in the GUI language."""
    source = FORM_TEXTS.get(form)
    return form if source is None else QCoreApplication.translate(FORM_CONTEXT, source)


class ProcedureListModel(QAbstractListModel):
    """The procedures to pick from, most used first, narrowed by :meth:`set_query`."""

    def __init__(self, rows: list[tuple[Procedure, int]], parent: Any = None) -> None:
        super().__init__(parent)
        self._all = [(p, uses, fold(f"{p.code} {p.name}")) for p, uses in rows]
        self._shown = list(self._all)
        self._query = ""

    # ------------------------------------------------------------------ Qt

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._shown)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        procedure, uses, _ = self._shown[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{procedure.code} — {procedure.name}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{procedure.field}: {procedure.name}"
        if role == CODE_ROLE:
            return procedure.code
        if role == USES_ROLE:
            return uses
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # ------------------------------------------------------------------ API

    def set_query(self, text: str) -> None:
        """Show only the procedures whose folded code and name contain every folded word."""
        words = fold(text).split()
        if words == self._query.split():
            return
        self.beginResetModel()
        self._query = " ".join(words)
        self._shown = [row for row in self._all if all(w in row[2] for w in words)]
        self.endResetModel()

    def procedure(self, row: int) -> Procedure | None:
        return self._shown[row][0] if 0 <= row < len(self._shown) else None

    def row_of(self, code: str) -> int:
        """The row showing ``code`` (-1 when filtered out or unknown)."""
        for row, (p, _, _) in enumerate(self._shown):
            if p.code == code:
                return row
        return -1

    def find(self, code: str) -> Procedure | None:
        """The procedure with ``code``, shown or not."""
        return next((p for p, _, _ in self._all if p.code == code), None)

    def codes(self) -> list[str]:
        return [p.code for p, _, _ in self._shown]


@dataclass(frozen=True)
class ChecklistRow:
    """One line of the checklist as the form holds it."""

    document: RequiredDocument
    provided: bool
    form: str
    count: int


class ChecklistModel(QAbstractTableModel):
    """The picked procedure's required documents: tick, name, form handed in, count."""

    COL_NAME, COL_FORM, COL_COUNT = range(3)
    HEADERS = (
        QT_TRANSLATE_NOOP("ChecklistModel", "Giấy tờ (đánh dấu nếu đã nộp)"),
        QT_TRANSLATE_NOOP("ChecklistModel", "Hình thức"),
        QT_TRANSLATE_NOOP("ChecklistModel", "Số lượng"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ChecklistRow] = []

    # ------------------------------------------------------------------ Qt

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
            return QCoreApplication.translate("ChecklistModel", self.HEADERS[section])
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if col == self.COL_NAME:
            wanted = row.document
            if role == Qt.ItemDataRole.DisplayRole:
                return wanted.name
            if role == Qt.ItemDataRole.ToolTipRole:  # what the catalogue asks for
                return f"{wanted.name} ({form_text(wanted.form)}, {wanted.count})"
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if row.provided else Qt.CheckState.Unchecked
        elif col == self.COL_FORM:
            if role == Qt.ItemDataRole.DisplayRole:
                return form_text(row.form)
            if role == Qt.ItemDataRole.EditRole:
                return row.form
        elif col == self.COL_COUNT and role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.EditRole,
        ):
            return row.count
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.COL_NAME:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return False
        row = self._rows[index.row()]
        col = index.column()
        if col == self.COL_NAME and role == Qt.ItemDataRole.CheckStateRole:
            state = value.value if isinstance(value, Qt.CheckState) else int(value)
            new = replace(row, provided=state == Qt.CheckState.Checked.value)
        elif col == self.COL_FORM and role == Qt.ItemDataRole.EditRole:
            if value not in FORM_TEXTS:
                return False
            new = replace(row, form=str(value))
        elif col == self.COL_COUNT and role == Qt.ItemDataRole.EditRole:
            try:
                count = int(value)
            except (TypeError, ValueError):
                return False
            if not 1 <= count <= 99:
                return False
            new = replace(row, count=count)
        else:
            return False
        self._rows[index.row()] = new
        self.dataChanged.emit(index, index, [role, Qt.ItemDataRole.DisplayRole])
        return True

    # ------------------------------------------------------------------ API

    def set_documents(self, documents: tuple[RequiredDocument, ...]) -> None:
        """A new checklist, every line ticked with the form and count the procedure asks for
        (a one-stop counter receives a complete dossier; the clerk unticks what is missing)."""
        self.beginResetModel()
        self._rows = [ChecklistRow(d, True, d.form, d.count) for d in documents]
        self.endResetModel()

    def rows(self) -> list[ChecklistRow]:
        return list(self._rows)

    def set_row(self, number: int, *, provided: bool, form: str, count: int) -> None:
        """Set line ``number`` (1-based) as a draft had it; an unknown line is ignored."""
        i = number - 1
        if 0 <= i < len(self._rows) and form in FORM_TEXTS and 1 <= count <= 99:
            self._rows[i] = replace(self._rows[i], provided=provided, form=form, count=count)
            self.dataChanged.emit(self.index(i, 0), self.index(i, self.columnCount() - 1))

    def untick_all(self) -> None:
        for i in range(len(self._rows)):
            self.set_row(i + 1, provided=False, form=self._rows[i].form, count=self._rows[i].count)

    def handed_in(self) -> list[tuple[int, str, int]]:
        """``(line number, form, count)`` of every ticked line."""
        return [(i + 1, r.form, r.count) for i, r in enumerate(self._rows) if r.provided]
