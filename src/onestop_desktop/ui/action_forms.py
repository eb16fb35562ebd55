"""One small form per dossier action: what the clerk must give, and the rules' answer.

Each form is a :class:`QDialog` opened by the dossier view (``ui/dossier_view.py``) for one
dossier (:class:`DossierDetail`) and one action (``domain.status.Action``). "Ghi nhận" (Enter,
or Ctrl+Enter from a multi-line box) calls ``services.actions.perform``, the same
``services.dossiers.act`` the command line uses; the call takes milliseconds, so it runs here,
on the GUI thread. When the rules refuse (an :class:`OneStopError`), the form stays open with
the Vietnamese reason under the fields, the clerk's text kept, and the cursor on the field the
error names. On success :attr:`ActionForm.outcome` holds the dossier's new worklist line.

:func:`form_for` picks the form of an action kind; every kind of the status machine that is
not an intake kind has one.

Every text follows a language change at once (``ui.live_texts``): a form left open while the
clerk switches language keeps what was typed and shows its labels, notes and the refusal in the
new language.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import ClassVar

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop.domain import clock
from onestop_desktop.domain.status import Action
from onestop_desktop.errors import OneStopError, ValidationError
from onestop_desktop.services import actions
from onestop_desktop.services.context import Session
from onestop_desktop.services.views import DossierDetail, DossierSummary
from onestop_desktop.ui.i18n import error_text, fmt, translate_message, use_translated_edit_menu
from onestop_desktop.ui.labels import role_text
from onestop_desktop.ui.live_texts import LiveTexts

Payload = dict[str, object]
Text = Callable[[], str]
"""A text made again at each language change (a lambda around ``self.tr(...)``)."""


def _text_box(lines: int = 3) -> QPlainTextEdit:
    """A multi-line box where Tab moves on (keyboard first) and Ctrl+Enter submits."""
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    use_translated_edit_menu(box)
    return box


def _line(max_length: int = 1000) -> QLineEdit:
    edit = QLineEdit()
    edit.setMaxLength(max_length)
    use_translated_edit_menu(edit)
    return edit


def _qt_moment(moment: datetime) -> QDateTime:
    """A Vietnamese local time for a date-time editor (to the minute)."""
    local = clock.to_vn(moment)
    return QDateTime(local.year, local.month, local.day, local.hour, local.minute, 0)


class ActionForm(QDialog):
    """The common part: title, fields, the refusal message, "Ghi nhận" and "Hủy"."""

    kinds: ClassVar[tuple[str, ...]] = ()

    def __init__(
        self,
        session: Session,
        detail: DossierDetail,
        action: Action,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.detail = detail
        self.action = action
        self.outcome: DossierSummary | None = None
        self.fields: dict[str, QWidget] = {}
        self.live = LiveTexts(self)
        self._refusal: Text | None = None
        self.setObjectName(f"actionForm_{action.kind}")
        self.live(
            lambda: self.setWindowTitle(
                fmt(self.tr("%1 — hồ sơ %2"), translate_message(action.label_msg), detail.code)
            )
        )
        self.setModal(True)

        heading = QLabel()
        self.live(
            lambda: heading.setText(
                fmt(
                    self.tr("<b>%1</b><br>Hồ sơ %2 · %3"),
                    translate_message(action.label_msg),
                    detail.code,
                    detail.applicant.name,
                )
            )
        )
        heading.setObjectName("formHeading")
        heading.setTextFormat(Qt.TextFormat.RichText)
        heading.setWordWrap(True)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)

        self.error_label = QLabel()
        self.error_label.setObjectName("formError")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error_label.hide()

        self.ok_button = QPushButton()
        self.live(lambda: self.ok_button.setText(self.tr("&Ghi nhận")))
        self.ok_button.setObjectName("submitButton")
        self.ok_button.setDefault(True)
        self.ok_button.setAutoDefault(True)
        cancel = QPushButton()
        self.live(lambda: cancel.setText(self.tr("Hủy")))
        cancel.setObjectName("cancelButton")
        cancel.setAutoDefault(False)
        buttons = QDialogButtonBox()
        buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.clicked.connect(self.submit)
        cancel.clicked.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.submit)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.build()
        # The refusal last: its text may name things the fields above set up.
        self.live(self._show_refusal)
        self.setMinimumWidth(560)

    # ------------------------------------------------------------------ for subclasses

    def build(self) -> None:
        """Add the fields (``self.add_row``)."""

    def payload(self) -> Payload:
        """What the clerk gave, as ``services.dossiers.act`` takes it."""
        return {}

    def add_row(self, label: Text, widget: QWidget, field: str | None = None) -> QWidget:
        """A labelled field; the label's ``&`` letter jumps to it; ``field`` is the name an
        error from the service uses for it."""
        caption = QLabel()
        self.live(lambda: caption.setText(label()))
        caption.setBuddy(widget)
        self.form.addRow(caption, widget)
        if field is not None:
            widget.setObjectName(field)
            self.fields[field] = widget
        return widget

    def add_note(self, text: Text) -> QLabel:
        """A line of explanation across the form."""
        label = QLabel()
        self.live(lambda: label.setText(text()))
        label.setWordWrap(True)
        label.setObjectName("formNote")
        self.form.addRow(label)
        return label

    def refuse(self, text: Text) -> None:
        """Show why the action cannot be taken now (the form stays as typed)."""
        self._refusal = text
        self._show_refusal()

    def _show_refusal(self) -> None:
        if self._refusal is not None:
            self.error_label.setText(self._refusal())
            self.error_label.show()

    # ------------------------------------------------------------------ submit

    def error(self) -> str:
        """The refusal shown, or ``""``."""
        return self.error_label.text() if self.error_label.isVisible() else ""

    def submit(self) -> bool:
        """Take the action; whether it was recorded (else the reason is shown)."""
        if not self.ok_button.isEnabled():
            return False
        try:
            self.outcome = actions.perform(
                self.session, self.detail.id, self.action.kind, self.payload()
            )
        except OneStopError as exc:
            error = exc
            self.refuse(lambda: error_text(error))
            field = exc.field if isinstance(exc, ValidationError) else ""
            widget = self.fields.get(field)
            if widget is not None:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        self._refusal = None
        self.error_label.hide()
        self.accept()
        return True


class ConfirmForm(ActionForm):
    """An action that needs nothing but a confirmation: what the service will compute."""

    kinds = ("accepted", "supplement_received", "financial_done")

    def build(self) -> None:
        texts: dict[str, Callable[[], str]] = {
            "accepted": lambda: self.tr(
                "Tiếp nhận hồ sơ nộp trực tuyến: ngày hẹn trả được tính từ bây giờ theo thời "
                "hạn của thủ tục."
            ),
            "supplement_received": lambda: self.tr(
                "Công dân đã nộp đủ giấy tờ bổ sung: hồ sơ tiếp tục được xử lý, ngày hẹn trả "
                "được tính lại theo thiết lập của đơn vị."
            ),
            "financial_done": lambda: self.tr(
                "Công dân đã thực hiện nghĩa vụ tài chính: hồ sơ tiếp tục được xử lý, ngày hẹn "
                "trả được lùi thêm đúng thời gian chờ."
            ),
        }
        self.add_note(texts[self.action.kind])


class ReasonForm(ActionForm):
    """Refusal, stop, withdrawal: a reason the citizen will read."""

    kinds = ("refused", "stopped", "withdrawn")

    def build(self) -> None:
        if self.action.kind == "refused":
            self.add_note(
                lambda: self.tr("Phiếu từ chối tiếp nhận (Mẫu 03) được in sau khi ghi nhận.")
            )
        self.reason = _text_box()
        self.add_row(lambda: self.tr("&Lý do:"), self.reason, "reason")

    def payload(self) -> Payload:
        return {"reason": self.reason.toPlainText()}


class HandOverForm(ActionForm):
    """Chuyển xử lý: to an active officer or leader, with a note."""

    kinds = ("handed_over",)

    def build(self) -> None:
        self.recipient = QComboBox()
        self.recipients = actions.recipients(self.session)
        for person in self.recipients:
            self.recipient.addItem("", person.username)
        self.live(self._name_recipients)
        if self.detail.assignee:
            at = self.recipient.findData(self.detail.assignee)
            if at >= 0 and self.recipient.count() > 1:
                self.recipient.setCurrentIndex((at + 1) % self.recipient.count())
        self.add_row(lambda: self.tr("Chuyển &cho:"), self.recipient, "to")
        self.note = _line()
        self.add_row(lambda: self.tr("&Ghi chú:"), self.note, "note")
        if not self.recipients:
            self.ok_button.setEnabled(False)
            self.refuse(
                lambda: self.tr("Chưa có chuyên viên xử lý hoặc lãnh đạo nào đang hoạt động.")
            )

    def _name_recipients(self) -> None:
        for index, person in enumerate(self.recipients):
            self.recipient.setItemText(
                index,
                fmt(
                    self.tr("%1 (%2) — %3"),
                    person.full_name,
                    person.username,
                    role_text(person.role),
                ),
            )

    def payload(self) -> Payload:
        return {"to": self.recipient.currentData() or "", "note": self.note.text()}


class SupplementForm(ActionForm):
    """Yêu cầu bổ sung: the missing items (from the checklist and in words) and why."""

    kinds = ("supplement_requested",)

    def build(self) -> None:
        self.checklist = QListWidget()
        self.checklist.setObjectName("documents")
        for item in self.detail.documents:
            prefix = f"{item.number}. " if item.number is not None else "• "
            row = QListWidgetItem(prefix + item.name)
            row.setData(Qt.ItemDataRole.UserRole, item.name)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Unchecked)
            self.checklist.addItem(row)
        self.checklist.setMinimumHeight(90)
        self.checklist.setWordWrap(True)
        self.checklist.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.add_row(lambda: self.tr("Cần &bổ sung:"), self.checklist)
        self.fields["documents"] = self.checklist
        self.live(
            lambda: self.checklist.setToolTip(self.tr("Phím cách để chọn hoặc bỏ chọn một giấy tờ"))
        )
        self.other = _text_box(2)
        self.live(lambda: self.other.setPlaceholderText(self.tr("mỗi dòng một loại giấy tờ")))
        self.add_row(lambda: self.tr("Giấy tờ &khác:"), self.other, "other")
        self.reason = _line()
        self.add_row(lambda: self.tr("&Lý do:"), self.reason, "reason")
        self.add_note(
            lambda: self.tr(
                "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02) được in sau khi ghi nhận."
            )
        )

    def documents(self) -> list[str]:
        picked = [
            str(self.checklist.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.checklist.count())
            if self.checklist.item(i).checkState() == Qt.CheckState.Checked
        ]
        extra = [line.strip() for line in self.other.toPlainText().splitlines() if line.strip()]
        return picked + extra

    def payload(self) -> Payload:
        return {"documents": self.documents(), "reason": self.reason.text()}


class FinancialForm(ActionForm):
    """Yêu cầu thực hiện nghĩa vụ tài chính: the amount and a note."""

    kinds = ("financial_requested",)

    def build(self) -> None:
        self.amount = _line(20)
        self.live(lambda: self.amount.setPlaceholderText(self.tr("ví dụ 1.500.000")))
        self.add_row(lambda: self.tr("&Số tiền (đồng):"), self.amount, "amount")
        self.note = _line()
        self.add_row(lambda: self.tr("&Ghi chú:"), self.note, "note")

    def payload(self) -> Payload:
        return {"amount": self.amount.text(), "note": self.note.text()}


class ResultForm(ActionForm):
    """Có kết quả: the result recorded, with a note (the number of the paper issued…)."""

    kinds = ("result_ready",)

    def build(self) -> None:
        self.note = _text_box()
        self.add_row(lambda: self.tr("&Kết quả, ghi chú:"), self.note, "note")

    def payload(self) -> Payload:
        return {"note": self.note.toPlainText()}


class ReturnForm(ActionForm):
    """Trả kết quả: who collects it and their ID number (checked)."""

    kinds = ("returned",)

    def build(self) -> None:
        self.collector = _line(100)
        self.collector.setText(self.detail.applicant.name)
        self.add_row(lambda: self.tr("&Người nhận kết quả:"), self.collector, "collected_by")
        self.collector_id = _line(20)
        self.collector_id.setText(self.detail.applicant.id_number or "")
        self.live(
            lambda: self.collector_id.setPlaceholderText(self.tr("số định danh cá nhân 12 số"))
        )
        self.add_row(lambda: self.tr("Số định &danh:"), self.collector_id, "collected_by_id")
        self.note = _line()
        self.add_row(lambda: self.tr("&Ghi chú:"), self.note, "note")

    def payload(self) -> Payload:
        return {
            "collected_by": self.collector.text(),
            "collected_by_id": self.collector_id.text(),
            "note": self.note.text(),
        }


class RescheduleForm(ActionForm):
    """Xin lỗi và hẹn lại (Mẫu 04): the new appointment and the reason, within the setting
    ``max_reschedules``."""

    kinds = ("rescheduled",)

    def build(self) -> None:
        old = self.detail.due_at
        allowance = actions.reschedule_allowance(self.session, self.detail.reschedule_count)
        self.allowance = allowance
        if old is not None:
            self.add_note(
                lambda: fmt(self.tr("Ngày hẹn trả hiện tại: %1"), clock.fmt_datetime(old))
            )
        start = clock.to_vn(old if old is not None else self.session.now()) + timedelta(days=1)
        self.new_due = QDateTimeEdit()
        self.new_due.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.new_due.setCalendarPopup(True)
        self.new_due.setDateTime(_qt_moment(start))
        if old is not None:
            floor = clock.to_vn(old)
            self.new_due.setMinimumDateTime(_qt_moment(floor))
        self.add_row(lambda: self.tr("Ngày hẹn &mới:"), self.new_due, "new_due_at")
        self.reason = _text_box()
        self.add_row(lambda: self.tr("&Lý do:"), self.reason, "reason")
        self.add_note(self._allowance_note)
        if allowance.exhausted:
            self.ok_button.setEnabled(False)
            self.refuse(
                lambda: self.tr("Hồ sơ đã hẹn lại đủ số lần tối đa; không hẹn lại được nữa.")
            )

    def _allowance_note(self) -> str:
        allowance = self.allowance
        if allowance.limit is None:
            said = fmt(
                self.tr("Đã hẹn lại %1 lần (không giới hạn số lần)."),
                clock.fmt_int(allowance.times),
            )
        else:
            said = fmt(
                self.tr("Đã hẹn lại %1 lần, tối đa %2 lần."),
                clock.fmt_int(allowance.times),
                clock.fmt_int(allowance.limit),
            )
        return (
            said
            + " "
            + self.tr("Phiếu xin lỗi và hẹn lại ngày trả (Mẫu 04) được in sau khi ghi nhận.")
        )

    def new_due_at(self) -> datetime:
        value = self.new_due.dateTime()
        moment = datetime(
            value.date().year(),
            value.date().month(),
            value.date().day(),
            value.time().hour(),
            value.time().minute(),
        )
        return clock.to_vn(moment)

    def payload(self) -> Payload:
        return {"new_due_at": self.new_due_at(), "reason": self.reason.toPlainText()}


FORMS: dict[str, type[ActionForm]] = {
    kind: cls
    for cls in (
        ConfirmForm,
        ReasonForm,
        HandOverForm,
        SupplementForm,
        FinancialForm,
        ResultForm,
        ReturnForm,
        RescheduleForm,
    )
    for kind in cls.kinds
}
"""The form of each processing action kind."""


def form_for(
    session: Session, detail: DossierDetail, action: Action, parent: QWidget | None = None
) -> ActionForm:
    """The (not yet shown) form for ``action`` on ``detail``."""
    return FORMS[action.kind](session, detail, action, parent)
