"""The duplicate warning at intake: the same person already has an open dossier for this
procedure (``services.dossiers.DuplicateFound``), and the clerk must choose.

It lists the earlier dossier(s) (code, applicant, status, receipt date, appointment) and offers
three ways on, each with its accelerator so the keyboard is enough:

* **Mở hồ sơ đó** — look at the earlier dossier (the intake keeps its draft);
* **Vẫn tiếp nhận** — receive anyway (``acknowledge_duplicates``);
* **Từ chối vì trùng** — receive and refuse at once as a duplicate of the selected dossier
  (``refuse_as_duplicate_of``), so the refusal is on record with its own code;

or **Quay lại** (Esc) to go back to the form unchanged.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop.domain import clock
from onestop_desktop.services.views import DossierSummary
from onestop_desktop.ui.i18n import fmt
from onestop_desktop.ui.labels import status_text

OPEN, ACCEPT, REFUSE = "open", "accept", "refuse"


class DuplicatesDialog(QDialog):
    """The earlier dossier(s) and the three choices; :attr:`chosen` carries the choice."""

    # (OPEN | ACCEPT | REFUSE, the selected earlier DossierSummary)
    chosen = Signal(str, object)

    COLUMNS = 5

    def __init__(self, earlier: list[DossierSummary], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DuplicatesDialog")
        self.setWindowTitle(self.tr("Có thể trùng hồ sơ — OneStop Desktop"))
        self._earlier = list(earlier)
        self.choice: str | None = None

        intro = QLabel(
            self.tr(
                "Người này đang có hồ sơ cùng thủ tục chưa giải quyết xong. Kiểm tra trước khi "
                "tiếp nhận:"
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self._earlier), self.COLUMNS)
        self.table.setObjectName("earlierTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Mã hồ sơ"),
                self.tr("Chủ hồ sơ"),
                self.tr("Trạng thái"),
                self.tr("Ngày tiếp nhận"),
                self.tr("Hẹn trả"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        for row, d in enumerate(self._earlier):
            cells = (
                d.code,
                d.applicant_name,
                status_text(d.status),
                clock.fmt_date(d.received_at),
                clock.fmt_datetime(d.due_at) if d.due_at else self.tr("chưa có"),
            )
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        if self._earlier:
            self.table.selectRow(0)

        self.open_button = QPushButton(self.tr("&Mở hồ sơ đó"))
        self.open_button.setObjectName("openEarlier")
        self.accept_button = QPushButton(self.tr("&Vẫn tiếp nhận"))
        self.accept_button.setObjectName("receiveAnyway")
        self.refuse_button = QPushButton(self.tr("&Từ chối vì trùng"))
        self.refuse_button.setObjectName("refuseDuplicate")
        self.back_button = QPushButton(self.tr("&Quay lại"))
        self.back_button.setObjectName("backToForm")
        buttons = QDialogButtonBox()
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.accept_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.refuse_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.back_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.open_button.clicked.connect(lambda: self._choose(OPEN))
        self.accept_button.clicked.connect(lambda: self._choose(ACCEPT))
        self.refuse_button.clicked.connect(lambda: self._choose(REFUSE))
        self.back_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        hint = QLabel(
            fmt(
                self.tr("%1 hồ sơ đang giải quyết. Alt+M mở, Alt+V vẫn tiếp nhận, Alt+T từ chối."),
                len(self._earlier),
            )
        )
        hint.setObjectName("duplicateHint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(880, 320)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def selected(self) -> DossierSummary:
        """The earlier dossier the clerk selected (the newest when none is)."""
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].row() if rows else 0
        return self._earlier[row]

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.chosen.emit(choice, self.selected())
        self.accept()
