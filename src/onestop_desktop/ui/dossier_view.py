"""The dossier view: everything about one dossier, and the actions the clerk may take on it.

Opened from the worklist (Enter or double-click), by a scanned or typed code (Ctrl+O, or the
code typed into the worklist's search box then Enter) — see ``MainWindow.open_dossier``.

- Left, in a scroll area: the dossier, the applicant and the submitter, the procedure as it was
  when received (snapshot), the numbered checklist with what was handed in, the appointment
  history and the pauses. Right, in a splitter: the actions, and the timeline in words (who,
  when, what). Nothing has a fixed size, so 1024×768 shows it all (scrolling where needed).
- The action buttons are those ``services.actions.actions_for`` allows for this user's role and
  the dossier's status. Each has its own Alt+letter (the underlined letter; two actions that can
  be offered together never share one) and opens its form (``ui/action_forms.py``). After an
  action the view reloads, :attr:`DossierView.changed` tells the window to refresh the worklist,
  and the action's slip is offered (Mẫu 02 / 03 / 04) through ``ui.printing.offer_slip``.
- "In lại" (Ctrl+P in the window) reprints the receipt, marked as a copy; "Phiếu kiểm soát" the
  control sheet. Alt+Left or "Quay lại" returns to the worklist.

Everything is read with one call each to ``services.dossiers.detail`` and ``timeline``
(milliseconds, on the GUI thread; ``benchmarks/dossier_view.py`` measures it at a million
dossiers).
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop.domain import clock
from onestop_desktop.domain.status import Action
from onestop_desktop.errors import OneStopError
from onestop_desktop.services import actions as action_service
from onestop_desktop.services import dossiers
from onestop_desktop.services.context import Session
from onestop_desktop.services.views import ApplicantView, DossierDetail, DossierSummary
from onestop_desktop.ui.action_forms import ActionForm, form_for
from onestop_desktop.ui.i18n import (
    QT_TRANSLATE_NOOP,
    error_text,
    fmt,
    translate_message,
    translate_template,
)
from onestop_desktop.ui.labels import channel_text, status_text
from onestop_desktop.ui.models.procedures import form_text
from onestop_desktop.ui.models.timeline import TimelineModel

log = logging.getLogger(__name__)

CONTEXT = "DossierView"

#: The button text of each action, with its Alt+letter. Letters of the menu bar (H, S, C, Q, G)
#: and of the view's own buttons (I, P) are not used; two actions that can be offered at the
#: same time never share a letter (``withdrawn`` and ``returned`` share R: a dossier that can
#: be returned can no longer be withdrawn). ``tests/ui/test_dossier_view.py`` checks it.
ACTION_BUTTONS: dict[str, str] = {
    "accepted": QT_TRANSLATE_NOOP("DossierView", "&Tiếp nhận hồ sơ trực tuyến"),
    "refused": QT_TRANSLATE_NOOP("DossierView", "Từ chối tiếp &nhận"),
    "handed_over": QT_TRANSLATE_NOOP("DossierView", "Chuyển &xử lý"),
    "supplement_requested": QT_TRANSLATE_NOOP("DossierView", "Yêu cầu &bổ sung hồ sơ"),
    "supplement_received": QT_TRANSLATE_NOOP("DossierView", "Nhận hồ sơ bổ s&ung"),
    "financial_requested": QT_TRANSLATE_NOOP(
        "DossierView", "&Yêu cầu thực hiện nghĩa vụ tài chính"
    ),
    "financial_done": QT_TRANSLATE_NOOP("DossierView", "Đã thực hiện nghĩa &vụ tài chính"),
    "stopped": QT_TRANSLATE_NOOP("DossierView", "&Dừng xử lý"),
    "result_ready": QT_TRANSLATE_NOOP("DossierView", "Có &kết quả"),
    "returned": QT_TRANSLATE_NOOP("DossierView", "T&rả kết quả"),
    "withdrawn": QT_TRANSLATE_NOOP("DossierView", "&Rút hồ sơ"),
    "rescheduled": QT_TRANSLATE_NOOP("DossierView", "Xin lỗi và hẹn &lại ngày trả"),
}

#: The slip each action leads to (``ui.printing.offer_slip`` kinds): Mẫu 02, 03, 04.
SLIP_AFTER: dict[str, str] = {
    "supplement_requested": "supplement",
    "refused": "refusal",
    "rescheduled": "apology",
}

SlipOfferer = Callable[..., Any]


def _dash(value: object) -> str:
    return "—" if value in (None, "") else str(value)


def _moment(value: Any) -> str:
    return clock.fmt_datetime(value) if value is not None else "—"


class _FitTable(QTableWidget):
    """A table as tall as its rows (it sits in the view's scroll area, so nothing scrolls
    twice). Its rows wrap, so their heights follow the width: the height is set again each
    time a row's height changes (the header measures lazily, after the layout)."""

    def __init__(self, rows: int, columns: int) -> None:
        super().__init__(rows, columns)
        # A child timer, not QTimer.singleShot(0, self.fit): it dies with the table, so a
        # fit queued just before the view is deleted never runs on a deleted widget.
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.fit)
        self.verticalHeader().sectionResized.connect(self._later)
        self.horizontalHeader().sectionResized.connect(self._later)

    def _later(self, *_args: object) -> None:
        if not self._fit_timer.isActive():
            self._fit_timer.start()

    def fit(self) -> None:
        height = self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
        height += self.verticalHeader().length()
        self.setFixedHeight(height + 2)


class DossierView(QWidget):
    """One dossier, for one signed-in :class:`Session`."""

    # Alt+Left / "Quay lại": back to the worklist.
    backRequested = Signal()
    # An action was recorded: the dossier's new worklist line.
    changed = Signal(object)
    # A short message for the window's status bar: text, milliseconds.
    message = Signal(str, int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._detail: DossierDetail | None = None
        self._values: dict[str, QLabel] = {}
        self._rows: dict[str, tuple[QFormLayout, QLabel]] = {}
        self._buttons: dict[str, QPushButton] = {}
        self._form: ActionForm | None = None
        self._shown_once = False
        self.setObjectName("dossierView")

        # --- header: code, status, time left; back and print
        self.back_button = QPushButton()
        self.back_button.setObjectName("backButton")
        self.back_button.clicked.connect(self.backRequested)
        self.code_label = QLabel()
        self.code_label.setObjectName("codeLabel")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.code_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.code_label.setFont(font)
        self.status_label = QLabel()
        self.status_label.setObjectName("statusLabel")
        self.time_left_label = QLabel()
        self.time_left_label.setObjectName("timeLeftLabel")
        self.time_left_label.setWordWrap(True)
        self.paper_label = QLabel()
        self.paper_label.setObjectName("paperLabel")
        self.paper_label.setStyleSheet("color: #8a4b00; font-weight: bold;")
        self.paper_label.setWordWrap(True)
        self.reprint_button = QPushButton()
        self.reprint_button.setObjectName("reprintButton")
        self.reprint_button.clicked.connect(lambda: self.print_slip("receipt", copy=True))
        self.control_button = QPushButton()
        self.control_button.setObjectName("controlSheetButton")
        self.control_button.clicked.connect(lambda: self.print_slip("control", copy=False))
        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addWidget(self.code_label)
        header.addWidget(self.status_label)
        header.addStretch(1)
        header.addWidget(self.reprint_button)
        header.addWidget(self.control_button)
        subheader = QHBoxLayout()
        subheader.addWidget(self.time_left_label, 1)
        subheader.addWidget(self.paper_label)

        # --- left: every field, in a scroll area
        self.info = QWidget()
        self.info.setObjectName("dossierInfo")
        info_layout = QVBoxLayout(self.info)
        info_layout.setContentsMargins(0, 0, 6, 0)
        self.group_dossier, self.form_dossier = self._group(info_layout)
        self.group_applicant, self.form_applicant = self._group(info_layout)
        self.group_submitter, self.form_submitter = self._group(info_layout)
        self.group_procedure, self.form_procedure = self._group(info_layout)
        self.group_checklist = QGroupBox()
        self.checklist = self._table(4, "checklistTable", stretch=1)
        QVBoxLayout(self.group_checklist).addWidget(self.checklist)
        info_layout.addWidget(self.group_checklist)
        # --- scanned pages (#11): drop on the view or on a checklist line, the page viewer
        from onestop_desktop.ui.attachments import PagesPanel

        self.pages = PagesPanel(session, self.info)
        self.pages.setMinimumHeight(480)
        info_layout.addWidget(self.pages)
        self.pages.watch_checklist(self.checklist, self._checklist_number)
        self.setAcceptDrops(True)
        self.group_appointments = QGroupBox()
        self.appointments = self._table(4, "appointmentsTable", stretch=2)
        QVBoxLayout(self.group_appointments).addWidget(self.appointments)
        info_layout.addWidget(self.group_appointments)
        self.group_pauses = QGroupBox()
        self.pauses = self._table(3, "pausesTable", stretch=2)
        QVBoxLayout(self.group_pauses).addWidget(self.pauses)
        info_layout.addWidget(self.group_pauses)
        info_layout.addStretch(1)
        self._add_fields()
        scroll = QScrollArea()
        scroll.setObjectName("infoScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.info)
        self.info_scroll = scroll

        # --- right: actions, then the timeline
        self.group_actions = QGroupBox()
        self.group_actions.setObjectName("actionsBox")
        self.actions_grid = QGridLayout(self.group_actions)
        self.no_actions_label = QLabel()
        self.no_actions_label.setObjectName("noActionsLabel")
        self.no_actions_label.setWordWrap(True)
        self.group_timeline = QGroupBox()
        self.timeline_model = TimelineModel(self)
        self.timeline = QTableView()
        self.timeline.setObjectName("timelineTable")
        self.timeline.setModel(self.timeline_model)
        self.timeline.setWordWrap(True)
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline.setTabKeyNavigation(False)
        self.timeline.verticalHeader().hide()
        th = self.timeline.horizontalHeader()
        th.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        th.setSectionResizeMode(TimelineModel.COL_DETAILS, QHeaderView.ResizeMode.Stretch)
        metrics = self.timeline.fontMetrics()
        for col, sample in (
            (TimelineModel.COL_AT, "30/11/2026 16:59"),
            (TimelineModel.COL_ACTOR, "Nguyễn Thị Lan"),
            (TimelineModel.COL_ACTION, "Yêu cầu bổ sung"),
        ):
            self.timeline.setColumnWidth(col, metrics.horizontalAdvance(sample) + 16)
        # The status after each step is in the row's tooltip: the details need the width.
        self.timeline.setColumnHidden(TimelineModel.COL_STATUS, True)
        self.timeline.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.timeline.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.timeline.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        QVBoxLayout(self.group_timeline).addWidget(self.timeline)
        right = QSplitter(Qt.Orientation.Vertical)
        right.setObjectName("rightSplitter")
        right.setChildrenCollapsible(False)
        right.addWidget(self.group_actions)
        right.addWidget(self.group_timeline)
        right.setStretchFactor(0, 0)
        right.setStretchFactor(1, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("dossierSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 4)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addLayout(header)
        layout.addLayout(subheader)
        layout.addWidget(self.splitter, 1)
        self._retranslate()

    # ------------------------------------------------------------------ building

    def _group(self, into: QVBoxLayout) -> tuple[QGroupBox, QFormLayout]:
        box = QGroupBox()
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        into.addWidget(box)
        return box, form

    def _table(self, columns: int, name: str, *, stretch: int) -> QTableWidget:
        """A small read-only table inside the scroll area: column ``stretch`` takes the width
        left and wraps, so nothing is cut off or scrolls sideways at 1024×768."""
        table = _FitTable(0, columns)
        table.setObjectName(name)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setTabKeyNavigation(False)
        table.setWordWrap(True)
        table.setTextElideMode(Qt.TextElideMode.ElideNone)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return table

    # (field key, form) in display order; the captions are in _retranslate.
    _FIELDS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("code", "dossier"),
        ("status", "dossier"),
        ("status_history", "dossier"),
        ("channel", "dossier"),
        ("sets_count", "dossier"),
        ("received_at", "dossier"),
        ("paper_entered_at", "dossier"),
        ("due_at", "dossier"),
        ("time_left", "dossier"),
        ("assignee", "dossier"),
        ("finished_at", "dossier"),
        ("on_time", "dossier"),
        ("returned_at", "dossier"),
        ("returned_to", "dossier"),
        ("refusal_reason", "dossier"),
        ("duplicate_of", "dossier"),
        ("supplement_count", "dossier"),
        ("paused_since", "dossier"),
        ("reschedule_count", "dossier"),
        ("note", "dossier"),
        ("station", "dossier"),
        ("updated_at", "dossier"),
        ("applicant.name", "applicant"),
        ("applicant.id_number", "applicant"),
        ("applicant.birth_date", "applicant"),
        ("applicant.phone", "applicant"),
        ("applicant.address", "applicant"),
        ("applicant.email", "applicant"),
        ("submitter.name", "submitter"),
        ("submitter.id_number", "submitter"),
        ("submitter.birth_date", "submitter"),
        ("submitter.phone", "submitter"),
        ("submitter.address", "submitter"),
        ("submitter.email", "submitter"),
        ("procedure.code", "procedure"),
        ("procedure.name", "procedure"),
        ("procedure.version", "procedure"),
        ("procedure.field", "procedure"),
        ("procedure.time_limit", "procedure"),
        ("procedure.fee", "procedure"),
    )

    _WRAPPED: ClassVar[frozenset[str]] = frozenset(
        {
            "note",
            "status_history",
            "refusal_reason",
            "returned_to",
            "assignee",
            "applicant.name",
            "applicant.address",
            "submitter.name",
            "submitter.address",
            "procedure.name",
        }
    )

    def _add_fields(self) -> None:
        forms = {
            "dossier": self.form_dossier,
            "applicant": self.form_applicant,
            "submitter": self.form_submitter,
            "procedure": self.form_procedure,
        }
        for key, form_id in self._FIELDS:
            form = forms[form_id]
            caption = QLabel()
            value = QLabel()
            value.setObjectName("value_" + key.replace(".", "_"))
            # Only free text wraps: a wrapped label costs a height-for-width pass at each
            # layout, and dates, numbers and codes never need one.
            value.setWordWrap(key in self._WRAPPED)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(caption, value)
            self._values[key] = value
            self._rows[key] = (form, caption)

    # ------------------------------------------------------------------ public API

    def session(self) -> Session:
        return self._session

    def detail(self) -> DossierDetail | None:
        """The dossier shown (``None`` before the first :meth:`load`)."""
        return self._detail

    def load(self, key: str) -> DossierDetail:
        """Show the dossier ``key`` (UUID or code); :class:`OneStopError` if it cannot be read
        (the view then keeps what it showed)."""
        detail = dossiers.detail(self._session, key)
        entries = dossiers.timeline(self._session, detail.id)
        offered = action_service.actions_for(self._session, detail.status)
        self._detail = detail
        self._show(detail)
        self.timeline_model.set_entries(entries)
        self._show_actions(offered)
        self.pages.set_dossier(detail.id)
        self.info_scroll.verticalScrollBar().setValue(0)
        return detail

    def _checklist_number(self, row: int) -> int | None:
        """The checklist number of ``row`` of the checklist table (#11: a drop names it)."""
        docs = self._detail.documents if self._detail is not None else ()
        return docs[row].number if 0 <= row < len(docs) else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Files dropped anywhere on the dossier go to its scanned pages (#11)."""
        self.pages.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.pages.dropEvent(event)

    def reload(self) -> DossierDetail | None:
        """Read the shown dossier again (after an action, or F5)."""
        if self._detail is None:
            return None
        return self.load(self._detail.id)

    def value(self, key: str) -> str:
        """The text shown for field ``key`` ("applicant.name", "due_at"…)."""
        return self._values[key].text()

    def field_visible(self, key: str) -> bool:
        """Whether the row of ``key`` is shown (rows that do not apply are hidden)."""
        return not self._values[key].isHidden()

    def shown_fields(self) -> dict[str, str]:
        """Every field the view shows now, with its text (hidden rows left out)."""
        return {key: label.text() for key, label in self._values.items() if not label.isHidden()}

    def action_buttons(self) -> dict[str, QPushButton]:
        """The action buttons offered now, by action kind."""
        return dict(self._buttons)

    def open_action(self, kind: str) -> ActionForm:
        """Open the form of action ``kind`` (window-modal; :meth:`current_form` until closed)."""
        assert self._detail is not None
        action = next(
            a
            for a in action_service.actions_for(self._session, self._detail.status)
            if a.kind == kind
        )
        form = form_for(self._session, self._detail, action, self)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.accepted.connect(lambda: self._action_done(form))
        form.finished.connect(lambda _r: self._form_closed(form))
        self._form = form
        form.open()
        return form

    def current_form(self) -> ActionForm | None:
        return self._form

    def print_slip(self, kind: str = "receipt", *, copy: bool = True) -> bool:
        """Offer the slip ``kind`` of the shown dossier (Ctrl+P: the receipt, as a copy)."""
        if self._detail is None:
            return False
        return self._offer(kind, copy=copy)

    # ------------------------------------------------------------------ actions

    def _action_done(self, form: ActionForm) -> None:
        summary: DossierSummary | None = form.outcome
        kind = form.action.kind
        try:
            self.reload()
        except OneStopError as exc:
            self.message.emit(error_text(exc), 10000)
        self.message.emit(
            fmt(
                self.tr("Đã ghi nhận «%1» cho hồ sơ %2"),
                translate_template(form.action.label),
                form.detail.code,
            ),
            8000,
        )
        self.changed.emit(summary)
        slip = SLIP_AFTER.get(kind)
        if slip is not None:
            self._offer(slip, copy=False)

    def _form_closed(self, form: ActionForm) -> None:
        if self._form is form:
            self._form = None
        kind = form.action.kind
        button = self._buttons.get(kind)
        (button if button is not None else self).setFocus(Qt.FocusReason.OtherFocusReason)

    def slip_offerer(self) -> SlipOfferer | None:
        """``ui.printing.offer_slip`` (the printed slips, another part), or ``None`` when that
        module is not there: imported only when needed, so its absence breaks nothing here."""
        try:
            module = importlib.import_module("onestop_desktop.ui.printing")
        except ImportError:
            return None
        offer = getattr(module, "offer_slip", None)
        return offer if callable(offer) else None

    def _offer(self, kind: str, *, copy: bool) -> bool:
        assert self._detail is not None
        offer = self.slip_offerer()
        if offer is None:
            self.message.emit(self.tr("Chưa có chức năng in phiếu trên máy này"), 8000)
            return False
        try:
            offer(self, self._session, self._detail.code, kind, copy=copy)
        except OneStopError as exc:
            self.message.emit(error_text(exc), 10000)
            return False
        return True

    # ------------------------------------------------------------------ showing

    def _set(self, key: str, text: str | None) -> None:
        """Show ``text`` for ``key``; ``None`` hides the row (a field that does not apply)."""
        form, _caption = self._rows[key]
        label = self._values[key]
        # Only what changed: each change costs a relayout of the form.
        if text is None:
            if not label.isHidden():
                label.clear()
                form.setRowVisible(label, False)
                label.setHidden(True)
        else:
            if label.text() != text:
                label.setText(text)
            if label.isHidden():
                label.setHidden(False)
                form.setRowVisible(label, True)

    def _person(self, prefix: str, person: ApplicantView | None) -> None:
        for part in ("name", "id_number", "birth_date", "phone", "address", "email"):
            value = getattr(person, part) if person is not None else None
            if part == "birth_date" and value is not None:
                value = clock.fmt_date(value)
            self._set(
                f"{prefix}.{part}", None if value in (None, "") and part != "name" else _dash(value)
            )
        if person is None:
            self._set(f"{prefix}.name", None)

    def _show(self, d: DossierDetail) -> None:
        self.code_label.setText(d.code)
        self.status_label.setText(fmt(self.tr("· %1"), status_text(d.status)))
        paper_at = getattr(d, "paper_entered_at", None)
        if paper_at is not None:
            self.paper_label.setText(
                fmt(self.tr("Hồ sơ nhập lại từ giấy (nhập lúc %1)"), clock.fmt_datetime(paper_at))
            )
            self.paper_label.show()
        else:
            self.paper_label.hide()
        time_left = translate_message(d.time_left.phrase_msg) if d.time_left is not None else None
        if d.time_left is not None:
            self.time_left_label.setText(time_left or "")
            colour = "#b00020" if d.time_left.overdue else "#1b5e20"
            self.time_left_label.setStyleSheet(f"color: {colour}; font-weight: bold;")
        elif d.on_time is not None:
            self.time_left_label.setText(
                self.tr("Giải quyết đúng hạn") if d.on_time else self.tr("Giải quyết quá hạn")
            )
            self.time_left_label.setStyleSheet("")
        else:
            self.time_left_label.setText("")
            self.time_left_label.setStyleSheet("")

        yes, no = self.tr("Có"), self.tr("Không")
        self._set("code", d.code)
        self._set("status", status_text(d.status))
        self._set(
            "status_history",
            " → ".join(
                fmt(self.tr("%1 (%2)"), status_text(step.status), clock.fmt_datetime(step.at))
                for step in d.status_history
            )
            or None,
        )
        self._set("channel", channel_text(d.channel))
        self._set("sets_count", clock.fmt_int(d.sets_count))
        self._set("received_at", _moment(d.received_at))
        self._set("paper_entered_at", _moment(paper_at) if paper_at is not None else None)
        self._set("due_at", _moment(d.due_at) if d.due_at is not None else self.tr("Chưa có"))
        self._set("time_left", time_left)
        if d.assignee:
            self._set(
                "assignee", fmt(self.tr("%1 (%2)"), d.assignee_name or d.assignee, d.assignee)
            )
        else:
            self._set("assignee", None)
        self._set("finished_at", _moment(d.finished_at) if d.finished_at else None)
        self._set("on_time", None if d.on_time is None else (yes if d.on_time else no))
        self._set("returned_at", _moment(d.returned_at) if d.returned_at else None)
        self._set("returned_to", d.returned_to or None)
        self._set("refusal_reason", d.refusal_reason or None)
        self._set("duplicate_of", (d.duplicate_of_code or d.duplicate_of) or None)
        self._set("supplement_count", clock.fmt_int(d.supplement_count))
        self._set("paused_since", _moment(d.paused_since) if d.paused_since else None)
        self._set("reschedule_count", clock.fmt_int(d.reschedule_count))
        self._set("note", d.note or None)
        self._set("station", fmt(self.tr("%1 · máy trạm %2"), d.unit_code, d.station_id))
        self._set("updated_at", _moment(d.updated_at))

        self._person("applicant", d.applicant)
        submitter = getattr(d, "submitter", None)
        self._person("submitter", submitter)
        self.group_submitter.setVisible(submitter is not None)

        p = d.procedure
        self._set("procedure.code", p.code)
        self._set("procedure.name", p.name)
        self._set("procedure.version", _dash(p.version))
        self._set("procedure.field", p.field or None)
        if p.time_limit is not None:
            units = {
                "working_days": self.tr("ngày làm việc"),
                "working_hours": self.tr("giờ làm việc"),
                "calendar_days": self.tr("ngày"),
                "same_day": self.tr("trong ngày"),
            }
            unit = units.get(p.time_limit.unit, p.time_limit.unit)
            self._set(
                "procedure.time_limit",
                unit
                if p.time_limit.unit == "same_day"
                else fmt(self.tr("%1 %2"), clock.fmt_int(p.time_limit.value), unit),
            )
        else:
            self._set("procedure.time_limit", self.tr("Không ghi"))
        self._set(
            "procedure.fee",
            self._money(p.fee_amount) if p.fee_amount else self.tr("Không thu phí"),
        )

        self._fill(
            self.checklist,
            [
                (
                    _dash(item.number),
                    item.name,
                    fmt(
                        self.tr("%1 × %2"),
                        form_text(item.required_form) if item.required_form else "—",
                        _dash(item.required_count),
                    )
                    if item.number is not None
                    else self.tr("Ngoài danh mục"),
                    fmt(
                        self.tr("%1 × %2"),
                        form_text(item.form) if item.form else "—",
                        _dash(item.count),
                    )
                    if item.provided
                    else self.tr("Chưa nộp"),
                )
                for item in d.documents
            ],
        )
        self._fill(
            self.appointments,
            [
                (
                    _moment(a.at),
                    _moment(a.due_at) if a.due_at is not None else self.tr("Bỏ hẹn"),
                    translate_message(a.cause_msg),
                    a.reason or "",
                )
                for a in d.appointments
            ],
        )
        self._fill(
            self.pauses,
            [
                (
                    fmt(
                        self.tr("%1\n%2 giờ làm việc"),
                        translate_message(p_.label_msg),
                        f"{p_.working_hours:.1f}".replace(".", ","),
                    ),
                    fmt(
                        self.tr("%1\nđến %2"),
                        _moment(p_.since),
                        _moment(p_.until) if p_.until else self.tr("nay (đang chờ)"),
                    ),
                    "; ".join(
                        part
                        for part in (
                            p_.reason or "",
                            ", ".join(p_.documents),
                            self._money(p_.amount) if p_.amount else "",
                        )
                        if part
                    ),
                )
                for p_ in d.pauses
            ],
        )
        self.group_pauses.setVisible(bool(d.pauses))
        self.group_checklist.setTitle(
            fmt(self.tr("Thành phần hồ sơ (%1 giấy tờ)"), clock.fmt_int(len(d.documents)))
        )

    def _money(self, amount: int) -> str:
        """1.000.000 đ in Vietnamese, 1.000.000 VND in English (the dots as the forms write)."""
        return fmt(self.tr("%1 đ"), clock.fmt_int(amount))

    def _fill(self, table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
        """Show ``rows`` in ``table``, keeping the items the dossier shown before left there
        and changing only the texts that differ: a new item per cell at every open cost more
        than the texts (each ``setItem`` tells the view and its headers); the rows are then
        measured once, with the widths the view already has."""
        table.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                item = table.item(r, c)
                if item is None:
                    item = QTableWidgetItem(text)
                    item.setToolTip(text)
                    table.setItem(r, c, item)
                elif item.text() != text:
                    item.setText(text)
                    item.setToolTip(text)
        assert isinstance(table, _FitTable)
        table.resizeRowsToContents()
        table.fit()

    def _show_actions(self, offered: list[Action]) -> None:
        if [a.kind for a in offered] == list(self._buttons) and (offered or self._shown_once):
            return  # the same buttons as for the dossier before: nothing to rebuild
        self._shown_once = True
        for button in self._buttons.values():
            self.actions_grid.removeWidget(button)
            button.deleteLater()
        self._buttons = {}
        self.actions_grid.removeWidget(self.no_actions_label)
        for n, action in enumerate(offered):
            button = QPushButton(QCoreApplication.translate(CONTEXT, ACTION_BUTTONS[action.kind]))
            button.setObjectName("action_" + action.kind)
            button.setToolTip(translate_template(action.label))
            button.clicked.connect(lambda _c=False, k=action.kind: self.open_action(k))
            self.actions_grid.addWidget(button, n // 2, n % 2)
            self._buttons[action.kind] = button
        if not offered:
            self.actions_grid.addWidget(self.no_actions_label, 0, 0, 1, 2)
            self.no_actions_label.show()
        else:
            self.no_actions_label.hide()

    # ------------------------------------------------------------------ text

    _CAPTIONS: ClassVar[dict[str, str]] = {
        "code": QT_TRANSLATE_NOOP("DossierView", "Mã hồ sơ:"),
        "status": QT_TRANSLATE_NOOP("DossierView", "Trạng thái:"),
        "status_history": QT_TRANSLATE_NOOP("DossierView", "Các bước trạng thái:"),
        "channel": QT_TRANSLATE_NOOP("DossierView", "Hình thức nộp:"),
        "sets_count": QT_TRANSLATE_NOOP("DossierView", "Số bộ hồ sơ:"),
        "received_at": QT_TRANSLATE_NOOP("DossierView", "Tiếp nhận lúc:"),
        "paper_entered_at": QT_TRANSLATE_NOOP("DossierView", "Nhập từ phiếu giấy lúc:"),
        "due_at": QT_TRANSLATE_NOOP("DossierView", "Hẹn trả:"),
        "time_left": QT_TRANSLATE_NOOP("DossierView", "Thời gian còn lại:"),
        "assignee": QT_TRANSLATE_NOOP("DossierView", "Cán bộ đang xử lý:"),
        "finished_at": QT_TRANSLATE_NOOP("DossierView", "Xử lý xong lúc:"),
        "on_time": QT_TRANSLATE_NOOP("DossierView", "Đúng hạn:"),
        "returned_at": QT_TRANSLATE_NOOP("DossierView", "Trả kết quả lúc:"),
        "returned_to": QT_TRANSLATE_NOOP("DossierView", "Người nhận kết quả:"),
        "refusal_reason": QT_TRANSLATE_NOOP("DossierView", "Lý do:"),
        "duplicate_of": QT_TRANSLATE_NOOP("DossierView", "Trùng với hồ sơ:"),
        "supplement_count": QT_TRANSLATE_NOOP("DossierView", "Số lần yêu cầu bổ sung:"),
        "paused_since": QT_TRANSLATE_NOOP("DossierView", "Tạm dừng từ:"),
        "reschedule_count": QT_TRANSLATE_NOOP("DossierView", "Số lần hẹn lại:"),
        "note": QT_TRANSLATE_NOOP("DossierView", "Ghi chú:"),
        "station": QT_TRANSLATE_NOOP("DossierView", "Đơn vị, máy trạm:"),
        "updated_at": QT_TRANSLATE_NOOP("DossierView", "Cập nhật lần cuối:"),
        "name": QT_TRANSLATE_NOOP("DossierView", "Họ và tên:"),
        "id_number": QT_TRANSLATE_NOOP("DossierView", "Số định danh:"),
        "birth_date": QT_TRANSLATE_NOOP("DossierView", "Ngày sinh:"),
        "phone": QT_TRANSLATE_NOOP("DossierView", "Điện thoại:"),
        "address": QT_TRANSLATE_NOOP("DossierView", "Địa chỉ:"),
        "email": QT_TRANSLATE_NOOP("DossierView", "Thư điện tử:"),
        "procedure.code": QT_TRANSLATE_NOOP("DossierView", "Mã thủ tục:"),
        "procedure.name": QT_TRANSLATE_NOOP("DossierView", "Tên thủ tục:"),
        "procedure.version": QT_TRANSLATE_NOOP("DossierView", "Phiên bản:"),
        "procedure.field": QT_TRANSLATE_NOOP("DossierView", "Lĩnh vực:"),
        "procedure.time_limit": QT_TRANSLATE_NOOP("DossierView", "Thời hạn giải quyết:"),
        "procedure.fee": QT_TRANSLATE_NOOP("DossierView", "Lệ phí:"),
    }

    def _retranslate(self) -> None:
        self.back_button.setText(self.tr("← Quay lại"))
        self.back_button.setToolTip(self.tr("Về danh sách hồ sơ (Alt+←)"))
        self.reprint_button.setText(self.tr("&In lại giấy tiếp nhận"))
        self.reprint_button.setToolTip(
            self.tr("In lại giấy tiếp nhận và hẹn trả kết quả, ghi là bản sao (Ctrl+P)")
        )
        self.control_button.setText(self.tr("In &phiếu kiểm soát"))
        self.group_dossier.setTitle(self.tr("Hồ sơ"))
        self.group_applicant.setTitle(self.tr("Chủ hồ sơ"))
        self.group_submitter.setTitle(self.tr("Người nộp hồ sơ"))
        self.group_procedure.setTitle(self.tr("Thủ tục (khi tiếp nhận)"))
        self.group_checklist.setTitle(self.tr("Thành phần hồ sơ"))
        self.group_appointments.setTitle(self.tr("Lịch sử hẹn trả"))
        self.group_pauses.setTitle(self.tr("Thời gian tạm dừng"))
        self.group_actions.setTitle(self.tr("Thao tác"))
        self.group_timeline.setTitle(self.tr("Quá trình xử lý"))
        self.no_actions_label.setText(
            self.tr("Không có thao tác nào mà vai trò của bạn được làm ở trạng thái này.")
        )
        self.checklist.setHorizontalHeaderLabels(
            [self.tr("Số"), self.tr("Giấy tờ"), self.tr("Yêu cầu"), self.tr("Đã nộp")]
        )
        self.appointments.setHorizontalHeaderLabels(
            [self.tr("Lúc"), self.tr("Hẹn trả"), self.tr("Vì sao"), self.tr("Lý do")]
        )
        self.pauses.setHorizontalHeaderLabels(
            [self.tr("Chờ gì, bao lâu"), self.tr("Từ – đến"), self.tr("Nội dung")]
        )
        for key, (_form, caption) in self._rows.items():
            source = self._CAPTIONS.get(key) or self._CAPTIONS[key.split(".", 1)[1]]
            caption.setText(QCoreApplication.translate(CONTEXT, source))
        for kind, button in self._buttons.items():
            button.setText(QCoreApplication.translate(CONTEXT, ACTION_BUTTONS[kind]))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.timeline_model.retranslate()
            if self._detail is not None:
                self._show(self._detail)
        super().changeEvent(event)
