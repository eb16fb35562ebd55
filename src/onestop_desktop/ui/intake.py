"""The intake form (Ctrl+N) and its paper fallback (Ctrl+Shift+N): receiving a dossier at the
counter with the keyboard alone.

* **Procedure picker.** Type to search (code or words of the name; case, marks and đ ignored);
  the list shows the procedures most used lately first. Up/Down move in the list without
  leaving the box, Enter picks, and the cursor goes on to the applicant's name.
* **Checklist.** The picked version's "Thành phần hồ sơ", every line ticked (a one-stop counter
  receives only a complete dossier): Space unticks a missing one, the form (bản chính, bản sao
  có chứng thực, bản sao) and count can be changed (F2). The ticked lines are the documents
  handed in (``services.dossiers.HandedIn``).
* **Applicant and submitter.** ID number (12 digits, checked by ``domain.identity``), birth date
  dd/mm/yyyy and phone are checked as they are typed; the message under each field says what is
  wrong, before Save. The submitter is the applicant unless the box is unticked.
* **Appointment and fee**, shown as soon as a procedure is picked, from
  ``services.intake.preview``: the same rule ``receive`` applies.
* **Save** (Ctrl+S or Ctrl+Enter) calls ``services.dossiers.receive``. A possible duplicate
  opens :class:`~onestop_desktop.ui.duplicates.DuplicatesDialog`. Any other refusal is shown in
  the form, on the field it names, and nothing typed is lost.
* **Draft.** A second after the last change the form is written to the clerk's draft file
  (``services.drafts``); a power cut loses at most that second. The next Ctrl+N, or the next
  start, offers it back; a successful save or a confirmed discard removes it.
* **Esc** asks before discarding what was typed.
* **Paper fallback.** Dossiers received on paper during an outage are entered afterwards with
  the real receipt time from the paper slip (``dd/mm/yyyy HH:MM``, within the
  ``paper_entry_days`` setting): the appointment and the code's day come from that time, and the
  dossier and its event say it was entered from paper.
"""

from __future__ import annotations

import itertools
import logging
import re
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeyEvent,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop.domain import clock, identity
from onestop_desktop.domain.text import nfc, nfkc_code
from onestop_desktop.errors import OneStopError, ValidationError
from onestop_desktop.services import dossiers as dossier_service
from onestop_desktop.services import drafts
from onestop_desktop.services import intake as intake_service
from onestop_desktop.services.context import Session
from onestop_desktop.services.views import DossierSummary
from onestop_desktop.ui import duplicates
from onestop_desktop.ui.i18n import error_text, fmt
from onestop_desktop.ui.labels import channel_text
from onestop_desktop.ui.live_texts import LiveTexts
from onestop_desktop.ui.models.procedures import (
    CODE_ROLE,
    FORM_TEXTS,
    ChecklistModel,
    ProcedureListModel,
    form_text,
)

log = logging.getLogger(__name__)

DRAFT_DELAY_MS = 1000
"""How long after the last change the draft is written (one fsync per pause, not per key)."""

#: The channels a counter receives through (an online filing is registered, not received).
INTAKE_CHANNELS = ("in_person", "postal")

_PAPER_TIME = re.compile(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})\s+(\d{1,2}):(\d{2})\s*")
OK_STYLE = "color: #1b5e20;"
BAD_STYLE = "color: #b00020;"


def parse_paper_time(text: str) -> datetime:
    """``dd/mm/yyyy HH:MM`` → a Vietnam-time moment; :class:`ValidationError` otherwise."""
    match = _PAPER_TIME.fullmatch(nfkc_code(text))
    if match is None:
        raise ValidationError(
            "Thời điểm «{text}» không đúng dạng dd/mm/yyyy HH:MM", field="received_at", text=text
        )
    d, m, y, hh, mm = (int(g) for g in match.groups())
    try:
        return datetime(y, m, d, hh, mm, tzinfo=clock.VN_TZ)
    except ValueError as exc:
        raise ValidationError(
            "Thời điểm «{text}» không có thật", field="received_at", text=text
        ) from exc


class _FormDelegate(QStyledItemDelegate):
    """A combo box for the checklist's "Hình thức" column (the other columns: Qt's own)."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        if index.column() != ChecklistModel.COL_FORM:
            return super().createEditor(parent, option, index)
        box = QComboBox(parent)
        for key in FORM_TEXTS:
            box.addItem(form_text(key), key)
        return box

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))
        else:
            super().setEditorData(editor, index)

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


class PersonFields(QObject):
    """Name, ID number, birth date, phone (and address) of one person, with live checks."""

    changed = Signal()

    def __init__(self, prefix: str, *, with_birth: bool, with_address: bool) -> None:
        super().__init__()
        self.name = QLineEdit()
        self.name.setObjectName(f"{prefix}Name")
        self.id_number = QLineEdit()
        self.id_number.setObjectName(f"{prefix}Id")
        self.id_number.setMaxLength(20)
        self.birth = QLineEdit() if with_birth else None
        self.phone = QLineEdit()
        self.phone.setObjectName(f"{prefix}Phone")
        self.phone.setMaxLength(20)
        self.address = QLineEdit() if with_address else None
        self.id_msg = self._message(f"{prefix}IdMsg")
        self.birth_msg = self._message(f"{prefix}BirthMsg")
        self.phone_msg = self._message(f"{prefix}PhoneMsg")
        if self.birth is not None:
            self.birth.setObjectName(f"{prefix}Birth")
            self.birth.setMaxLength(10)
            self.birth.textChanged.connect(self._check_birth)
            self.birth.textChanged.connect(self._check_id)
            self.birth.textChanged.connect(self.changed)
        if self.address is not None:
            self.address.setObjectName(f"{prefix}Address")
            self.address.textChanged.connect(self.changed)
        self.id_number.textChanged.connect(self._check_id)
        self.phone.textChanged.connect(self._check_phone)
        for edit in (self.name, self.id_number, self.phone):
            edit.textChanged.connect(self.changed)

    @staticmethod
    def _message(name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.hide()
        return label

    def add_to(self, form: QFormLayout, live: LiveTexts) -> None:
        """The fields into ``form``; their captions follow the language through ``live`` (the
        dialog's)."""

        # The labels belong to the intake dialog (context IntakeDialog), where they are shown.
        # Alt+N reaches the applicant's name (Alt+T is the procedure box's).
        def name_caption() -> str:
            return (
                QCoreApplication.translate("IntakeDialog", "Họ và tê&n:")
                if self.birth is not None
                else QCoreApplication.translate("IntakeDialog", "Họ và tên:")
            )

        form.addRow(live.label(name_caption, self.name), self.name)
        form.addRow(
            live.label(
                lambda: QCoreApplication.translate("IntakeDialog", "Số định danh cá nhân (12 số):"),
                self.id_number,
            ),
            self.id_number,
        )
        form.addRow("", self.id_msg)
        if self.birth is not None:
            self.birth.setPlaceholderText("dd/mm/yyyy")
            form.addRow(
                live.label(
                    lambda: QCoreApplication.translate("IntakeDialog", "Ngày sinh:"), self.birth
                ),
                self.birth,
            )
            form.addRow("", self.birth_msg)
        form.addRow(
            live.label(
                lambda: QCoreApplication.translate("IntakeDialog", "Số điện thoại:"), self.phone
            ),
            self.phone,
        )
        form.addRow("", self.phone_msg)
        if self.address is not None:
            address = self.address
            form.addRow(
                live.label(lambda: QCoreApplication.translate("IntakeDialog", "Địa chỉ:"), address),
                address,
            )

    def widgets(self) -> list[QWidget]:
        """In Tab order."""
        out: list[QWidget] = [self.name, self.id_number]
        if self.birth is not None:
            out.append(self.birth)
        out.append(self.phone)
        if self.address is not None:
            out.append(self.address)
        return out

    def set_enabled(self, on: bool) -> None:
        for w in self.widgets():
            w.setEnabled(on)

    # ------------------------------------------------------------------ checks

    @staticmethod
    def _show(label: QLabel, ok: bool | None, text: str) -> None:
        label.setText(text)
        label.setStyleSheet(OK_STYLE if ok else BAD_STYLE)
        label.setVisible(bool(text))

    def birth_date(self) -> date | None:
        """The birth date typed, if it is a valid one."""
        if self.birth is None or not self.birth.text().strip():
            return None
        try:
            return identity.parse_birth_date(self.birth.text().strip())
        except ValidationError:
            return None

    def check_id(self) -> tuple[bool | None, str]:
        """(valid?, message) for the ID number as typed; ``None``: nothing typed."""
        raw = self.id_number.text().strip()
        if not raw:
            return None, ""
        compact = re.sub(r"[ .\u00a0]", "", nfkc_code(raw))
        if compact.isdigit() and len(compact) < 12 and len(compact) != 9:
            return False, fmt(
                self.tr("Số định danh cá nhân có 12 chữ số (đã nhập %1)"), len(compact)
            )
        try:
            checked = identity.check_identity_number(raw, birth_date=self.birth_date())
        except ValidationError as exc:
            return False, error_text(exc)
        if checked.warnings:
            return True, "; ".join(checked.warnings)
        return True, self.tr("✓ Số định danh hợp lệ")

    def check_birth(self) -> tuple[bool | None, str]:
        if self.birth is None or not self.birth.text().strip():
            return None, ""
        try:
            identity.parse_birth_date(self.birth.text().strip())
        except ValidationError as exc:
            return False, error_text(exc)
        return True, ""

    def check_phone(self) -> tuple[bool | None, str]:
        raw = self.phone.text().strip()
        if not raw:
            return None, ""
        try:
            identity.normalise_phone(raw)
        except ValidationError as exc:
            return False, error_text(exc)
        return True, ""

    def _check_id(self) -> None:
        self._show(self.id_msg, *self.check_id())

    def _check_birth(self) -> None:
        self._show(self.birth_msg, *self.check_birth())

    def _check_phone(self) -> None:
        self._show(self.phone_msg, *self.check_phone())

    def first_invalid(self) -> QWidget | None:
        """The first field whose check fails (what Save focuses)."""
        for widget, (ok, _text) in (
            (self.id_number, self.check_id()),
            (self.birth, self.check_birth()),
            (self.phone, self.check_phone()),
        ):
            if ok is False and widget is not None:
                return widget
        return None

    # ------------------------------------------------------------------ values

    def applicant(self) -> dossier_service.Applicant:
        return dossier_service.Applicant(
            name=nfc(self.name.text().strip()),
            id_number=self.id_number.text().strip() or None,
            birth_date=self.birth_date(),
            phone=self.phone.text().strip() or None,
            address=(
                nfc(self.address.text().strip()) or None if self.address is not None else None
            ),
        )

    def draft(self) -> drafts.DraftPerson:
        return drafts.DraftPerson(
            name=self.name.text(),
            id_number=self.id_number.text(),
            birth_date=self.birth.text() if self.birth is not None else "",
            phone=self.phone.text(),
            address=self.address.text() if self.address is not None else "",
        )

    def restore(self, person: drafts.DraftPerson) -> None:
        self.name.setText(person.name)
        self.id_number.setText(person.id_number)
        if self.birth is not None:
            self.birth.setText(person.birth_date)
        self.phone.setText(person.phone)
        if self.address is not None:
            self.address.setText(person.address)

    def is_empty(self) -> bool:
        return self.draft().is_empty()


class IntakeDialog(QDialog):
    """Receive one dossier (``paper=True``: one received on paper during an outage)."""

    # The dossier received (a DossierSummary), after the save committed.
    saved = Signal(object)
    # "Mở hồ sơ đó" in the duplicate warning: the earlier dossier's code.
    openDossierRequested = Signal(str)
    # The draft file was written (its path as text).
    draftSaved = Signal(str)

    def __init__(
        self, session: Session, parent: QWidget | None = None, *, paper: bool = False
    ) -> None:
        super().__init__(parent)
        self.live = LiveTexts(self)
        self._session = session
        self.paper = paper
        self._procedure_code: str | None = None
        self._closing = False
        self._restoring = False
        self._discard_box: QMessageBox | None = None
        self._restore_box: QMessageBox | None = None
        self.duplicates_dialog: duplicates.DuplicatesDialog | None = None
        self.result_summary: DossierSummary | None = None
        self.setObjectName("IntakeDialog")
        self.setWindowTitle(
            self.tr("Nhập hồ sơ giấy (khi mất điện) — OneStop Desktop")
            if paper
            else self.tr("Tiếp nhận hồ sơ — OneStop Desktop")
        )

        # --- paper receipt time (paper mode only)
        self.paper_time = QLineEdit()
        self.paper_time.setObjectName("paperReceivedAt")
        self.paper_time.setPlaceholderText("dd/mm/yyyy HH:MM")
        self.paper_time.setMaxLength(16)
        self.paper_msg = PersonFields._message("paperMsg")
        paper_box = QGroupBox()
        self.live(lambda: paper_box.setTitle(self.tr("Hồ sơ tiếp nhận trên giấy")))
        paper_box.setObjectName("paperBox")
        paper_form = QFormLayout(paper_box)
        paper_form.addRow(
            self.live.label(
                lambda: self.tr("Thời điểm tiếp nhận ghi trên &phiếu:"), self.paper_time
            ),
            self.paper_time,
        )
        paper_form.addRow("", self.paper_msg)
        paper_box.setVisible(paper)

        # --- procedure picker
        self.procedures = ProcedureListModel(intake_service.procedures_by_use(session), self)
        self.search = QLineEdit()
        self.search.setObjectName("procedureSearch")
        self.live(
            lambda: self.search.setPlaceholderText(
                self.tr("Gõ tên hoặc mã thủ tục, ví dụ «khai sinh», rồi Enter")
            )
        )
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)
        self.list = QListView()
        self.list.setObjectName("procedureList")
        self.list.setModel(self.procedures)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setMinimumHeight(110)
        self.list.activated.connect(self._pick_index)
        self.picked = QLabel()
        self.live(self._show_picked)
        self.picked.setObjectName("pickedProcedure")
        self.picked.setWordWrap(True)
        self.preview = QLabel()
        self.preview.setObjectName("preview")
        self.preview.setWordWrap(True)
        self.preview.setStyleSheet("font-weight: bold;")
        self.search.textChanged.connect(self._filter)

        # --- checklist
        self.checklist_model = ChecklistModel(self)
        self.checklist = QTableView()
        self.checklist.setObjectName("checklist")
        self.checklist.setModel(self.checklist_model)
        self.checklist.setItemDelegate(_FormDelegate(self.checklist))
        self.checklist.setTabKeyNavigation(False)
        self.checklist.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.checklist.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.checklist.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.checklist.setWordWrap(True)
        self.checklist.verticalHeader().setDefaultSectionSize(26)
        header = self.checklist.horizontalHeader()
        header.setSectionResizeMode(ChecklistModel.COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ChecklistModel.COL_FORM, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(
            ChecklistModel.COL_COUNT, QHeaderView.ResizeMode.ResizeToContents
        )
        self.checklist.setColumnWidth(ChecklistModel.COL_FORM, 150)
        # Long document names wrap: their rows grow when the column does (1024 → 1366 wide).
        self.checklist.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.checklist_model.dataChanged.connect(self._changed)
        self.checklist_model.modelReset.connect(self._changed)

        # --- people
        self.applicant = PersonFields("applicant", with_birth=True, with_address=True)
        self.applicant.changed.connect(self._changed)
        self.submitter_same = QCheckBox()
        self.live(lambda: self.submitter_same.setText(self.tr("Người nộp là chủ hồ sơ")))
        self.submitter_same.setObjectName("submitterSame")
        self.submitter_same.setChecked(True)
        self.submitter = PersonFields("submitter", with_birth=False, with_address=False)
        self.submitter.changed.connect(self._changed)
        self.submitter.set_enabled(False)
        self.submitter_same.toggled.connect(lambda same: self.submitter.set_enabled(not same))
        self.submitter_same.toggled.connect(self._changed)

        # --- the rest
        self.channel = QComboBox()
        self.channel.setObjectName("channel")
        for key in INTAKE_CHANNELS:
            self.channel.addItem(channel_text(key), key)
        self.channel.currentIndexChanged.connect(self._changed)
        self.sets = QSpinBox()
        self.sets.setObjectName("setsCount")
        self.sets.setRange(1, 99)
        self.sets.valueChanged.connect(self._changed)
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.note.setMaxLength(dossier_service.MAX_ACT_TEXT)
        self.note.textChanged.connect(self._changed)

        self.error = QLabel()
        self.error.setObjectName("intakeError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(BAD_STYLE + " font-weight: bold;")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        self.draft_label = QLabel()
        self.draft_label.setObjectName("draftStatus")
        self.save_button = QPushButton()
        self.live(lambda: self.save_button.setText(self.tr("&Lưu và tiếp nhận (Ctrl+S)")))
        self.save_button.setObjectName("saveIntake")
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton()
        self.live(lambda: self.close_button.setText(self.tr("Đóng (Esc)")))
        self.close_button.setObjectName("closeIntake")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)

        # --- layout: picker and checklist on the left, people and the rest on the right
        left = QVBoxLayout()
        left.addWidget(paper_box)
        proc_label = QLabel()
        self.live(lambda: proc_label.setText(self.tr("&Thủ tục:")))
        proc_label.setBuddy(self.search)
        left.addWidget(proc_label)
        left.addWidget(self.search)
        left.addWidget(self.list, 2)
        left.addWidget(self.picked)
        left.addWidget(self.preview)
        docs_label = QLabel()
        self.live(
            lambda: docs_label.setText(
                self.tr("Thành phần &hồ sơ (Space: đánh dấu / bỏ; F2: sửa):")
            )
        )
        docs_label.setBuddy(self.checklist)
        left.addWidget(docs_label)
        left.addWidget(self.checklist, 3)

        applicant_box = QGroupBox()
        self.live(lambda: applicant_box.setTitle(self.tr("Chủ hồ sơ")))
        applicant_form = QFormLayout(applicant_box)
        self.applicant.add_to(applicant_form, self.live)
        submitter_box = QGroupBox()
        self.live(lambda: submitter_box.setTitle(self.tr("Người nộp hồ sơ")))
        submitter_layout = QVBoxLayout(submitter_box)
        submitter_layout.addWidget(self.submitter_same)
        submitter_form = QFormLayout()
        self.submitter.add_to(submitter_form, self.live)
        submitter_layout.addLayout(submitter_form)
        other_form = QFormLayout()
        other_form.addRow(
            self.live.label(lambda: self.tr("&Kênh tiếp nhận:"), self.channel), self.channel
        )
        other_form.addRow(self.live.label(lambda: self.tr("Số &bộ hồ sơ:"), self.sets), self.sets)
        other_form.addRow(self.live.label(lambda: self.tr("&Ghi chú:"), self.note), self.note)
        right = QVBoxLayout()
        right.addWidget(applicant_box)
        right.addWidget(submitter_box)
        right.addLayout(other_form)
        right.addStretch(1)

        columns = QHBoxLayout()
        columns.addLayout(left, 5)
        columns.addLayout(right, 4)
        content = QWidget()
        content.setObjectName("intakeContent")
        content.setLayout(columns)
        scroll = QScrollArea()
        scroll.setObjectName("intakeScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        buttons = QHBoxLayout()
        buttons.addWidget(self.draft_label, 1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.save_button)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        # --- scanned pages (#11): files dropped here are checked now, attached once received
        self.scans: list[Path] = []
        self.scans_label = QLabel()
        self.live(self._show_scans)
        self.scans_label.setObjectName("intakeScans")
        self.scans_label.setWordWrap(True)
        self.setAcceptDrops(True)
        outer.addWidget(self.scans_label)
        outer.addWidget(self.error)
        outer.addLayout(buttons)

        # --- keys: Ctrl+S and Ctrl+Enter save (Esc is QDialog's reject, which asks)
        for keys in ("Ctrl+S", "Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(self.save)

        # --- Tab order: (paper time) → search → list → checklist → applicant → submitter → rest
        chain: list[QWidget] = []
        if paper:
            chain.append(self.paper_time)
        chain += [self.search, self.list, self.checklist, *self.applicant.widgets()]
        chain += [self.submitter_same, *self.submitter.widgets()]
        chain += [self.channel, self.sets, self.note, self.save_button, self.close_button]
        for a, b in itertools.pairwise(chain):
            QWidget.setTabOrder(a, b)

        self.paper_time.textChanged.connect(self._paper_time_changed)
        self.paper_time.textChanged.connect(self._changed)

        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.save_draft)

        self._fit_screen()
        if self.procedures.rowCount():
            self.list.setCurrentIndex(self.procedures.index(0, 0))
        # Made from what was chosen: shown again in a new language, the choice kept.
        self.live(self.update_preview)
        (self.paper_time if paper else self.search).setFocus(Qt.FocusReason.OtherFocusReason)

    def _fit_screen(self) -> None:
        """As big as is useful, never more than the screen (1024×768 included)."""
        screen = self.screen().availableGeometry()
        self.resize(min(1100, screen.width() - 24), min(720, screen.height() - 48))

    # ------------------------------------------------------------------ picker

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                self._move_in_list(key)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                self.pick_current()
                return True
        return super().eventFilter(watched, event)

    def _move_in_list(self, key: int) -> None:
        count = self.procedures.rowCount()
        if not count:
            return
        row = self.list.currentIndex().row()
        step = {
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_PageDown: 5,
            Qt.Key.Key_PageUp: -5,
        }[Qt.Key(key)]
        row = max(0, min(count - 1, (row if row >= 0 else -1) + step))
        self.list.setCurrentIndex(self.procedures.index(row, 0))

    def _filter(self, text: str) -> None:
        self.procedures.set_query(text)
        if self.procedures.rowCount():
            self.list.setCurrentIndex(self.procedures.index(0, 0))

    def pick_current(self) -> bool:
        """Enter in the search box: pick the highlighted procedure (the first one shown)."""
        index = self.list.currentIndex()
        if not index.isValid() and self.procedures.rowCount():
            index = self.procedures.index(0, 0)
        if not index.isValid():
            self._show_error(self.tr("Không có thủ tục nào khớp với chữ đã gõ"))
            return False
        self._pick_index(index)
        return True

    def _pick_index(self, index: QModelIndex) -> None:
        code = index.data(CODE_ROLE)
        if code:
            self.pick(str(code))
            self.applicant.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_picked(self) -> None:
        """The procedure chosen, in the GUI language (again at a language change)."""
        code = getattr(self, "_procedure_code", None)
        procedure = self.procedures.find(code) if code else None
        if procedure is None:
            self.picked.setText(self.tr("Chưa chọn thủ tục"))
        else:
            self.picked.setText(fmt(self.tr("Đã chọn: %1 — %2"), procedure.code, procedure.name))

    def pick(self, code: str) -> None:
        """Choose the procedure ``code``: its checklist, appointment and fee."""
        procedure = self.procedures.find(code)
        if procedure is None:
            self._show_error(fmt(self.tr("Không có thủ tục mã %1 để tiếp nhận"), code))
            return
        self._procedure_code = procedure.code
        self._show_picked()
        self.checklist_model.set_documents(procedure.documents)
        self.checklist.resizeRowsToContents()
        self._clear_error()
        self.update_preview()
        self._changed()

    def procedure_code(self) -> str | None:
        return self._procedure_code

    def update_preview(self) -> None:
        """The appointment and fee of the picked procedure (at the paper time, in paper mode)."""
        if self._procedure_code is None:
            self.preview.clear()
            return
        at: datetime | None = None
        if self.paper:
            try:
                at = parse_paper_time(self.paper_time.text())
            except ValidationError:
                self.preview.setText(self.tr("Nhập thời điểm tiếp nhận để tính ngày hẹn trả"))
                return
        try:
            shown = intake_service.preview(self._session, self._procedure_code, at)
        except OneStopError as exc:
            self.preview.setText(error_text(exc))
            return
        self.preview.setText(
            fmt(
                self.tr("Hẹn trả: %1 · Lệ phí: %2 · Thời hạn: %3"),
                shown.appointment_text,
                shown.fee_text,
                shown.time_limit_text,
            )
        )

    # ------------------------------------------------------------------ paper time

    def check_paper_time(self) -> tuple[bool | None, str]:
        if not self.paper:
            return None, ""
        text = self.paper_time.text().strip()
        if not text:
            return False, self.tr("Chưa nhập thời điểm tiếp nhận ghi trên phiếu giấy")
        try:
            at = intake_service.check_paper(self._session, parse_paper_time(text))
        except OneStopError as exc:
            return False, error_text(exc)
        return True, fmt(self.tr("✓ Tiếp nhận lúc %1"), clock.fmt_datetime(at))

    def _paper_time_changed(self) -> None:
        ok, text = self.check_paper_time()
        PersonFields._show(self.paper_msg, ok, text)
        self.update_preview()

    # ------------------------------------------------------------------ save

    def intake(self) -> dossier_service.Intake:
        """What the form holds, as the service takes it."""
        submitter = None
        if not self.submitter_same.isChecked() and not self.submitter.is_empty():
            submitter = self.submitter.applicant()
        return dossier_service.Intake(
            procedure_code=self._procedure_code or "",
            applicant=self.applicant.applicant(),
            channel=str(self.channel.currentData()),
            sets_count=self.sets.value(),
            documents=[
                dossier_service.HandedIn(item=n, form=form, count=count)
                for n, form, count in self.checklist_model.handed_in()
            ],
            note=nfc(self.note.text().strip()) or None,
            submitter=submitter,
            paper_received_at=(parse_paper_time(self.paper_time.text()) if self.paper else None),
        )

    def _problem(self) -> tuple[QWidget, str] | None:
        """The first thing that stops a save, and where the cursor goes."""
        if self.paper:
            ok, text = self.check_paper_time()
            if ok is False:
                return self.paper_time, text
        if self._procedure_code is None:
            return self.search, self.tr("Chưa chọn thủ tục: gõ tên thủ tục rồi Enter")
        if not self.applicant.name.text().strip():
            return self.applicant.name, self.tr("Chưa nhập họ tên chủ hồ sơ")
        bad = self.applicant.first_invalid()
        if bad is not None:
            return bad, self.tr("Thông tin chủ hồ sơ chưa đúng: xem dòng báo đỏ")
        if not self.submitter_same.isChecked():
            if not self.submitter.name.text().strip():
                return self.submitter.name, self.tr("Chưa nhập họ tên người nộp hồ sơ")
            bad = self.submitter.first_invalid()
            if bad is not None:
                return bad, self.tr("Thông tin người nộp chưa đúng: xem dòng báo đỏ")
        return None

    def save(self) -> DossierSummary | None:
        """Ctrl+S / Ctrl+Enter: receive the dossier (or say what stops it, on that field)."""
        problem = self._problem()
        if problem is not None:
            widget, text = problem
            self._show_error(text)
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            return None
        return self._receive(self.intake())

    def _receive(self, intake: dossier_service.Intake) -> DossierSummary | None:
        try:
            summary = dossier_service.receive(self._session, intake)
        except dossier_service.DuplicateFound as exc:
            self._ask_duplicates(intake, exc.earlier)
            return None
        except OneStopError as exc:
            self._show_error(error_text(exc))
            self._focus_field(exc)
            return None
        self.result_summary = summary
        self._attach_scans(summary)
        self._draft_timer.stop()
        drafts.discard(self._session)
        self._closing = True
        self.saved.emit(summary)
        self.accept()
        return summary

    # --- scanned pages (#11)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        from onestop_desktop.ui.attachments import dropped_files

        if dropped_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        """Check the dropped files by content now (a bad one is named at once, not after the
        dossier is received) and keep them to attach when it is."""
        from onestop_desktop.scanning import check
        from onestop_desktop.ui.attachments import dropped_files

        files = dropped_files(event.mimeData())
        if not files:
            event.ignore()
            return
        event.acceptProposedAction()
        try:
            for f in files:
                check.check(f)
        except OneStopError as exc:
            self._show_error(error_text(exc))
            return
        self.scans += [f for f in files if f not in self.scans]
        self._show_scans()

    def _show_scans(self) -> None:
        """The scans to attach, or where to drop them (again at a language change)."""
        if not self.scans:
            self.scans_label.setText(self.tr("Kéo thả bản quét vào đây để đính kèm khi tiếp nhận"))
            return
        self.scans_label.setText(
            fmt(
                self.tr("Bản quét sẽ đính kèm (%1 tệp): %2"),
                str(len(self.scans)),
                ", ".join(f.name for f in self.scans),
            )
        )

    def _attach_scans(self, summary: DossierSummary) -> None:
        if not self.scans:
            return
        from onestop_desktop.services import attachments

        try:
            attachments.attach(self._session, summary.id, self.scans)
        except OneStopError as exc:  # the dossier is received; say why its pages are not
            from onestop_desktop.ui import msgbox

            msgbox.open_error(exc, self.parentWidget())

    def _focus_field(self, exc: OneStopError) -> None:
        field = getattr(exc, "field", None)
        target = {
            "name": self.applicant.name,
            "id_number": self.applicant.id_number,
            "birth_date": self.applicant.birth,
            "phone": self.applicant.phone,
            "address": self.applicant.address,
            "note": self.note,
            "received_at": self.paper_time,
            "documents": self.checklist,
            "sets_count": self.sets,
        }.get(str(field))
        if target is not None and target.isVisible():
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _ask_duplicates(
        self, intake: dossier_service.Intake, earlier: list[DossierSummary]
    ) -> None:
        dialog = duplicates.DuplicatesDialog(earlier, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.chosen.connect(lambda choice, d: self._duplicate_chosen(intake, choice, d))
        dialog.destroyed.connect(lambda: setattr(self, "duplicates_dialog", None))
        self.duplicates_dialog = dialog
        dialog.open()

    def _duplicate_chosen(
        self, intake: dossier_service.Intake, choice: str, earlier: DossierSummary
    ) -> None:
        if choice == duplicates.OPEN:
            # The draft stays: the clerk may come back to it with Ctrl+N.
            self.save_draft()
            self._closing = True
            self.openDossierRequested.emit(earlier.code)
            self.reject()
        elif choice == duplicates.ACCEPT:
            intake.acknowledge_duplicates = True
            QTimer.singleShot(0, lambda: self._receive(intake))
        elif choice == duplicates.REFUSE:
            intake.refuse_as_duplicate_of = earlier.id
            QTimer.singleShot(0, lambda: self._receive(intake))

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _clear_error(self) -> None:
        self.error.clear()
        self.error.hide()

    # ------------------------------------------------------------------ draft

    def has_content(self) -> bool:
        return not self.draft().is_empty()

    def _changed(self) -> None:
        if self._restoring or self._closing:
            return
        self._draft_timer.start()

    def draft(self) -> drafts.Draft:
        """The form as a draft."""
        return drafts.Draft(
            procedure_code=self._procedure_code or "",
            applicant=self.applicant.draft(),
            submitter_is_applicant=self.submitter_same.isChecked(),
            submitter=self.submitter.draft(),
            channel=str(self.channel.currentData()),
            sets_count=self.sets.value(),
            documents=tuple(
                drafts.DraftDocument(item=i + 1, form=r.form, count=r.count)
                for i, r in enumerate(self.checklist_model.rows())
                if r.provided
            ),
            note=self.note.text(),
            paper=self.paper,
            paper_received_at=self.paper_time.text(),
        )

    def save_draft(self) -> None:
        """Write the draft now (the timer calls it a second after the last change)."""
        self._draft_timer.stop()
        draft = self.draft()
        if draft.is_empty():
            drafts.discard(self._session)
            return
        try:
            path = drafts.save(self._session, draft)
        except OneStopError as exc:
            # A full disk must not stop the intake: say so, keep going (the form holds it all).
            log.warning("intake draft not saved: %s", exc)
            self.draft_label.setText(fmt(self.tr("Không lưu được bản nháp: %1"), error_text(exc)))
            return
        self.draft_label.setText(
            fmt(
                self.tr("Đã lưu nháp lúc %1"), clock.to_vn(self._session.now()).strftime("%H:%M:%S")
            )
        )
        self.draftSaved.emit(str(path))

    def draft_pending(self) -> bool:
        return self._draft_timer.isActive()

    def restore(self, draft: drafts.Draft) -> None:
        """Fill the form from ``draft`` (what "Khôi phục bản nháp" does)."""
        self._restoring = True
        try:
            if self.paper:
                self.paper_time.setText(draft.paper_received_at)
            if draft.procedure_code and self.procedures.find(draft.procedure_code) is not None:
                self.pick(draft.procedure_code)
                ticked = {d.item: d for d in draft.documents}
                for i, row in enumerate(self.checklist_model.rows(), start=1):
                    doc = ticked.get(i)
                    self.checklist_model.set_row(
                        i,
                        provided=doc is not None,
                        form=doc.form if doc is not None else row.form,
                        count=doc.count if doc is not None else row.count,
                    )
            self.applicant.restore(draft.applicant)
            self.submitter_same.setChecked(draft.submitter_is_applicant)
            self.submitter.restore(draft.submitter)
            index = self.channel.findData(draft.channel)
            self.channel.setCurrentIndex(max(0, index))
            self.sets.setValue(max(1, min(99, draft.sets_count)))
            self.note.setText(draft.note)
        finally:
            self._restoring = False
        self.draft_label.setText(self.tr("Đã khôi phục bản nháp"))
        focus = self.applicant.name if self._procedure_code else self.search
        focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def offer_draft(self, draft: drafts.Draft) -> QMessageBox:
        """Ask "Khôi phục bản nháp?" (window-modal, returns at once): Restore fills the form,
        the other button discards the draft."""
        box = QMessageBox(self)
        box.setObjectName("restoreDraftBox")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Khôi phục bản nháp? — OneStop Desktop"))
        saved = clock.fmt_datetime(clock.parse_iso(draft.saved_at)) if draft.saved_at else "?"
        who = draft.applicant.name or self.tr("(chưa có tên)")
        box.setText(
            fmt(
                self.tr(
                    "Có một hồ sơ đang nhập dở (%1, lưu lúc %2), có thể do mất điện hoặc "
                    "phần mềm bị tắt. Khôi phục bản nháp?"
                ),
                who,
                saved,
            )
        )
        restore = box.addButton(self.tr("&Khôi phục"), QMessageBox.ButtonRole.AcceptRole)
        restore.setObjectName("restoreDraft")
        fresh = box.addButton(self.tr("&Bỏ bản nháp, nhập mới"), QMessageBox.ButtonRole.RejectRole)
        fresh.setObjectName("dropDraft")
        box.setDefaultButton(restore)
        box.setEscapeButton(restore)  # Esc never throws a draft away

        def answered() -> None:
            if box.clickedButton() is fresh:
                drafts.discard(self._session)
            else:
                self.restore(draft)
            self._restore_box = None

        box.finished.connect(lambda _r: answered())
        box.setWindowModality(Qt.WindowModality.WindowModal)
        self._restore_box = box
        box.open()
        return box

    # ------------------------------------------------------------------ closing

    def reject(self) -> None:
        """Esc / Đóng: with something typed, ask first; discarding removes the draft."""
        if self._closing or not self.has_content():
            if not self._closing:
                self._draft_timer.stop()
                drafts.discard(self._session)
            self._closing = True
            super().reject()
            return
        if self._discard_box is not None:
            return
        box = QMessageBox(self)
        box.setObjectName("discardBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Bỏ hồ sơ đang nhập? — OneStop Desktop"))
        box.setText(self.tr("Hồ sơ này chưa được lưu. Bỏ những gì đã nhập?"))
        discard = box.addButton(self.tr("&Bỏ hồ sơ đang nhập"), QMessageBox.ButtonRole.AcceptRole)
        discard.setObjectName("confirmDiscard")
        keep = box.addButton(self.tr("&Tiếp tục nhập"), QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName("keepEditing")
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)

        def answered() -> None:
            self._discard_box = None
            if box.clickedButton() is discard:
                self._draft_timer.stop()
                drafts.discard(self._session)
                self._closing = True
                super(IntakeDialog, self).reject()

        box.finished.connect(lambda _r: answered())
        box.setWindowModality(Qt.WindowModality.WindowModal)
        self._discard_box = box
        box.open()

    def discard_box(self) -> QMessageBox | None:
        return self._discard_box

    def restore_box(self) -> QMessageBox | None:
        return self._restore_box

    def closeEvent(self, event: QCloseEvent) -> None:
        """The window's close button asks, as Esc does. A close the program itself makes (the
        app quitting, the session ending) is never refused: the draft is written first, so the
        next start offers it back."""
        if self._closing:
            super().closeEvent(event)
            return
        if event.spontaneous():
            event.ignore()
            self.reject()
            return
        if self.has_content():
            self.save_draft()
        self._closing = True
        super().closeEvent(event)
