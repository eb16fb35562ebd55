"""The first-run wizard: a new PC with no station database is set up here, not at a prompt.

``app.run`` opens it instead of the sign-in window when the data folder has no database. It asks,
one page each, what ``onestop init`` takes, and checks it the way ``init`` does, as it is typed:

1. **Bắt đầu** — what is about to happen, the data folder; or "Mở xã mẫu (dữ liệu thử)", the
   demo commune of ``onestop demo`` (made in a background ``ui.workers.Worker`` with a
   progress bar), signed in as its admin;
2. **Đơn vị** — the commune's name and its unit code (``domain.codes.validate_unit_code``);
3. **Máy trạm** — the station number 1–9, with the rule that each PC of one commune takes its
   own (the number is the first digit of every dossier code it issues), and an example code;
4. **Quản trị viên** — the first admin: user name and password twice, the rules of
   ``services.users.validate_username`` / ``validate_password`` shown live;
5. **Danh mục thủ tục** — the starter catalogue shipped with the app, or the commune's own file
   (read and checked before going on);
6. **Giờ làm việc** — the business settings ``office_hours`` and ``same_day_cutoff`` (checked
   together, as the calendar uses them) and ``idle_lock_minutes``;
7. **Xác nhận** — a summary; "Khởi tạo" runs ``services.station.init_data_dir`` (the very call
   of ``onestop init``) in a worker, sets the chosen settings (audited, as the operator), then
   signs the admin in with ``services.users.sign_in``.

A fault (read-only folder, full disk, a refused argument) is shown in Vietnamese on the page it
happened on; every field keeps what was typed, so the clerk fixes one thing and tries again.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from onestop_desktop.errors import OneStopError, ValidationError
from onestop_desktop.paths import DataDir
from onestop_desktop.ui.i18n import error_text, fmt, translate_message, use_translated_edit_menu
from onestop_desktop.ui.workers import Job, Worker

if TYPE_CHECKING:
    from onestop_desktop.services.context import Session
    from onestop_desktop.services.settings import Definition, Invalid

log = logging.getLogger(__name__)

#: The demo commune's size, as the Quick start makes it.
DEMO_DOSSIERS = 2000
OK_MARK = "✓"
BAD_MARK = "✗"
ERROR_STYLE = "color: #b00020;"
OK_STYLE = "color: #1b5e20;"


@dataclass
class SetupPlan:
    """What the wizard's pages gathered, handed to the worker (plain values, no widgets)."""

    data: DataDir
    unit_code: str
    unit_name: str
    station: int
    admin: str
    password: str
    catalog: Path | Literal["starter"] = "starter"
    settings: dict[str, str] = field(default_factory=dict)
    """Business settings to set after init (only those not at their default)."""


def run_setup(job: Job, plan: SetupPlan) -> None:
    """The worker's task: ``onestop init`` with the plan, then its settings (as the operator).

    Runs on a pool thread; the store it opens is closed here, and the GUI thread opens its own
    to sign in.
    """
    from onestop_desktop.services import settings, station

    job.progress(0, 0)
    ctx = station.init_data_dir(
        plan.data,
        unit_code=plan.unit_code,
        unit_name=plan.unit_name,
        station=plan.station,
        admin=plan.admin,
        password=plan.password,
        catalog=plan.catalog,
    )
    try:
        for key, text in plan.settings.items():
            settings.set_setting(ctx, key, text)
    finally:
        ctx.store.close()


def run_demo(job: Job, data: DataDir, count: int) -> None:
    """The worker's task for "Mở xã mẫu": ``onestop demo --dossiers count`` into ``data``."""
    from onestop_desktop.services import demo

    job.progress(0, count)
    demo.fill(data, count, on_progress=lambda done, total: job.progress(done, total))


def _mark(label: QLabel, ok: bool, text: str) -> None:
    label.setText(f"{OK_MARK if ok else BAD_MARK} {text}")
    label.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)


def _message_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _line_edit(name: str, max_length: int = 200) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setMaxLength(max_length)
    use_translated_edit_menu(edit)
    return edit


def _help(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class _Page(QWizardPage):
    """A page that re-translates on ``LanguageChange``."""

    def _retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


# ------------------------------------------------------------------ 1. start


class IntroPage(_Page):
    """What is about to happen; or the demo commune."""

    demoRequested = Signal()

    def __init__(self, data: DataDir) -> None:
        super().__init__()
        self.setObjectName("introPage")
        self._data = data
        self.intro_label = _help()
        self.folder_label = _help()
        self.folder_label.setObjectName("folderLabel")
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.demo_help = _help()
        self.demo_button = QPushButton()
        self.demo_button.setObjectName("demoButton")
        self.demo_button.clicked.connect(self.demoRequested)
        self.progress = QProgressBar()
        self.progress.setObjectName("demoProgress")
        self.progress.hide()
        self.status_label = _help()
        self.status_label.setObjectName("demoStatus")
        self.message_label = _message_label("introMessage")

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addWidget(self.folder_label)
        layout.addSpacing(16)
        layout.addWidget(self.demo_help)
        row = QHBoxLayout()
        row.addWidget(self.demo_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.progress)
        layout.addWidget(self.status_label)
        layout.addWidget(self.message_label)
        layout.addStretch(1)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setTitle(self.tr("Thiết lập máy trạm mới"))
        self.setSubTitle(self.tr("Máy này chưa có dữ liệu của Bộ phận Một cửa."))
        self.intro_label.setText(
            self.tr(
                "Các bước sau tạo cơ sở dữ liệu của xã trên máy này: tên và mã định danh của "
                "đơn vị, số hiệu máy trạm, tài khoản quản trị đầu tiên, danh mục thủ tục và giờ "
                "làm việc. Xong là đăng nhập được ngay. Bấm «Tiếp» để bắt đầu."
            )
        )
        self.folder_label.setText(fmt(self.tr("Thư mục dữ liệu: %1"), self._data.root))
        self.demo_help.setText(
            self.tr(
                "Chỉ muốn xem thử hoặc tập huấn? Mở một xã mẫu với hồ sơ giả, các tài khoản mẫu "
                "dùng mật khẩu «onestop2025». Không dùng xã mẫu cho công việc thật."
            )
        )
        self.demo_button.setText(self.tr("Mở xã mẫu (dữ liệu thử)"))


# ------------------------------------------------------------------ 2. unit


class UnitPage(_Page):
    """The commune's name and its unit code, checked as typed."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("unitPage")
        self.name_edit = _line_edit("unitNameEdit")
        self.code_edit = _line_edit("unitCodeEdit", 32)
        self.code_edit.setPlaceholderText("000.00.12.H29")
        self.name_label = QLabel()
        self.name_label.setBuddy(self.name_edit)
        self.code_label = QLabel()
        self.code_label.setBuddy(self.code_edit)
        self.code_help = _help()
        self.code_state = _help()
        self.code_state.setObjectName("unitCodeState")
        form = QFormLayout()
        form.addRow(self.name_label, self.name_edit)
        form.addRow(self.code_label, self.code_edit)
        form.addRow("", self.code_state)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.code_help)
        layout.addStretch(1)
        self.name_edit.textChanged.connect(self._changed)
        self.code_edit.textChanged.connect(self._changed)
        self._retranslate()

    def unit_code(self) -> str | None:
        """The checked, upper-cased code; ``None`` while it is not one."""
        from onestop_desktop.domain.codes import validate_unit_code

        try:
            return validate_unit_code(self.code_edit.text())
        except ValidationError:
            return None

    def unit_name(self) -> str:
        return " ".join(self.name_edit.text().split())

    def code_problem(self) -> str:
        """Why the typed code is refused (empty when it is good or nothing is typed)."""
        from onestop_desktop.domain.codes import validate_unit_code

        if not self.code_edit.text().strip():
            return ""
        try:
            validate_unit_code(self.code_edit.text())
        except ValidationError as exc:
            return error_text(exc)
        return ""

    def isComplete(self) -> bool:
        return bool(self.unit_name()) and self.unit_code() is not None

    def _changed(self) -> None:
        problem = self.code_problem()
        if problem:
            _mark(self.code_state, False, problem)
        elif self.code_edit.text().strip():
            _mark(self.code_state, True, self.tr("Mã định danh đúng dạng"))
        else:
            self.code_state.clear()
        self.completeChanged.emit()

    def _retranslate(self) -> None:
        self.setTitle(self.tr("Đơn vị"))
        self.setSubTitle(self.tr("Tên và mã định danh của Ủy ban nhân dân xã."))
        self.name_label.setText(self.tr("&Tên đơn vị:"))
        self.name_edit.setPlaceholderText(self.tr("ví dụ: UBND xã Hòa Bình"))
        self.code_label.setText(self.tr("&Mã định danh:"))
        self.code_help.setText(
            self.tr(
                "Mã định danh điện tử của đơn vị, dạng LLL.KK.JJ.XNN (ví dụ 000.00.12.H29), in "
                "trong văn bản cấp mã của tỉnh. Mã này đứng đầu mọi mã hồ sơ và không đổi được "
                "sau khi khởi tạo."
            )
        )
        self._changed()


# ------------------------------------------------------------------ 3. station


class StationPage(_Page):
    """The station number, with the rule that each PC of one commune takes its own."""

    def __init__(self, unit: UnitPage) -> None:
        super().__init__()
        self.setObjectName("stationPage")
        from onestop_desktop.domain.codes import MAX_STATION

        self._unit = unit
        self.spin = QSpinBox()
        self.spin.setObjectName("stationSpin")
        self.spin.setRange(1, MAX_STATION)
        self.spin.setValue(1)
        self.spin_label = QLabel()
        self.spin_label.setBuddy(self.spin)
        self.rule_label = _help()
        self.rule_label.setObjectName("stationRule")
        self.example_label = _help()
        self.example_label.setObjectName("stationExample")
        form = QFormLayout()
        form.addRow(self.spin_label, self.spin)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.rule_label)
        layout.addWidget(self.example_label)
        layout.addStretch(1)
        self.spin.valueChanged.connect(self._update_example)
        self._retranslate()

    def station(self) -> int:
        return self.spin.value()

    def initializePage(self) -> None:
        self._update_example()

    def _update_example(self) -> None:
        from onestop_desktop.domain import clock
        from onestop_desktop.domain.codes import dossier_code

        code = self._unit.unit_code() or "000.00.12.H29"
        example = dossier_code(code, clock.now().date(), self.station(), 1)
        self.example_label.setText(
            fmt(self.tr("Hồ sơ đầu tiên trong ngày của máy này sẽ có mã: %1"), example)
        )

    def _retranslate(self) -> None:
        self.setTitle(self.tr("Máy trạm"))
        self.setSubTitle(self.tr("Số hiệu của máy tính này trong Bộ phận Một cửa của xã."))
        self.spin_label.setText(self.tr("&Số hiệu máy trạm:"))
        self.rule_label.setText(
            self.tr(
                "Mỗi máy tính của cùng một xã phải lấy một số hiệu riêng, từ 1 đến 9: máy thứ "
                "nhất là 1, máy thứ hai là 2… Số hiệu là chữ số đầu của số thứ tự trong mã hồ sơ, "
                "nhờ vậy các máy cấp mã không bao giờ trùng nhau, kể cả khi không nối mạng. Hai "
                "máy cùng số hiệu sẽ cấp trùng mã hồ sơ: hãy hỏi số hiệu của các máy đã cài trước."
            )
        )
        self._update_example()


# ------------------------------------------------------------------ 4. admin


class AdminPage(_Page):
    """The first admin account: user name, password twice, the rules shown live."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("adminPage")
        self.username_edit = _line_edit("adminUsernameEdit", 64)
        self.username_edit.setText("admin")
        self.password_edit = _line_edit("adminPasswordEdit", 256)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit = _line_edit("adminRepeatEdit", 256)
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.username_label = QLabel()
        self.username_label.setBuddy(self.username_edit)
        self.password_label = QLabel()
        self.password_label.setBuddy(self.password_edit)
        self.repeat_label = QLabel()
        self.repeat_label.setBuddy(self.repeat_edit)
        self.username_rule = _help()
        self.username_rule.setObjectName("usernameRule")
        self.password_rule = _help()
        self.password_rule.setObjectName("passwordRule")
        self.repeat_rule = _help()
        self.repeat_rule.setObjectName("repeatRule")
        self.note_label = _help()
        form = QFormLayout()
        form.addRow(self.username_label, self.username_edit)
        form.addRow("", self.username_rule)
        form.addRow(self.password_label, self.password_edit)
        form.addRow("", self.password_rule)
        form.addRow(self.repeat_label, self.repeat_edit)
        form.addRow("", self.repeat_rule)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note_label)
        layout.addStretch(1)
        for edit in (self.username_edit, self.password_edit, self.repeat_edit):
            edit.textChanged.connect(self._changed)
        self._retranslate()

    def username(self) -> str:
        return self.username_edit.text().strip().lower()

    def password(self) -> str:
        return self.password_edit.text()

    def problems(self) -> dict[str, str]:
        """What is wrong now, by field (``username``, ``password``, ``repeat``)."""
        from onestop_desktop.services.users import validate_password, validate_username

        found: dict[str, str] = {}
        try:
            validate_username(self.username_edit.text())
        except ValidationError as exc:
            found["username"] = error_text(exc)
        try:
            validate_password(self.password())
        except ValidationError as exc:
            found["password"] = error_text(exc)
        if self.repeat_edit.text() != self.password() or not self.password():
            found["repeat"] = self.tr("Hai lần nhập mật khẩu chưa giống nhau")
        return found

    def isComplete(self) -> bool:
        return not self.problems()

    def _changed(self) -> None:
        from onestop_desktop.services.users import MIN_PASSWORD

        found = self.problems()
        _mark(
            self.username_rule,
            "username" not in found,
            found.get("username", self.tr("Tên đăng nhập hợp lệ")),
        )
        _mark(
            self.password_rule,
            "password" not in found,
            found.get("password", fmt(self.tr("Mật khẩu đủ dài (ít nhất %1 ký tự)"), MIN_PASSWORD)),
        )
        _mark(
            self.repeat_rule,
            "repeat" not in found,
            found.get("repeat", self.tr("Hai lần nhập mật khẩu giống nhau")),
        )
        self.completeChanged.emit()

    def _retranslate(self) -> None:
        self.setTitle(self.tr("Quản trị viên"))
        self.setSubTitle(self.tr("Tài khoản quản trị đầu tiên của máy trạm."))
        self.username_label.setText(self.tr("&Tên đăng nhập:"))
        self.password_label.setText(self.tr("&Mật khẩu:"))
        self.repeat_label.setText(self.tr("&Nhập lại mật khẩu:"))
        self.note_label.setText(
            self.tr(
                "Quản trị viên thêm tài khoản cho cán bộ tiếp nhận, chuyên viên và lãnh đạo sau "
                "khi đăng nhập. Hãy ghi nhớ mật khẩu: không ai xem lại được mật khẩu đã đặt."
            )
        )
        self._changed()


# ------------------------------------------------------------------ 5. catalogue


class CataloguePage(_Page):
    """The starter catalogue, or the commune's own file (read and checked before going on)."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("cataloguePage")
        self.starter_radio = QRadioButton()
        self.starter_radio.setObjectName("starterRadio")
        self.starter_radio.setChecked(True)
        self.file_radio = QRadioButton()
        self.file_radio.setObjectName("fileRadio")
        group = QButtonGroup(self)
        group.addButton(self.starter_radio)
        group.addButton(self.file_radio)
        self.file_edit = _line_edit("catalogueFileEdit", 1000)
        self.browse_button = QPushButton()
        self.browse_button.setObjectName("browseButton")
        self.browse_button.clicked.connect(self.browse)
        self.help_label = _help()
        self.state_label = _help()
        self.state_label.setObjectName("catalogueState")
        self.message_label = _message_label("catalogueMessage")
        row = QHBoxLayout()
        row.addWidget(self.file_edit, 1)
        row.addWidget(self.browse_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.starter_radio)
        layout.addWidget(self.file_radio)
        layout.addLayout(row)
        layout.addWidget(self.help_label)
        layout.addWidget(self.state_label)
        layout.addWidget(self.message_label)
        layout.addStretch(1)
        self.file_radio.toggled.connect(self._changed)
        self.file_edit.textChanged.connect(self._changed)
        self._retranslate()
        self._changed()

    def choice(self) -> Path | Literal["starter"]:
        if self.file_radio.isChecked():
            return Path(self.file_edit.text().strip())
        return "starter"

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Chọn tệp danh mục thủ tục"),
            self.file_edit.text() or str(Path.home()),
            self.tr("Danh mục thủ tục (*.csv *.xlsx *.json);;Mọi tệp (*)"),
        )
        if path:
            self.file_radio.setChecked(True)
            self.file_edit.setText(path)

    def isComplete(self) -> bool:
        return self.starter_radio.isChecked() or bool(self.file_edit.text().strip())

    def validatePage(self) -> bool:
        """A file is read and checked here, as ``init`` will: its first fault stops the step."""
        choice = self.choice()
        if choice == "starter":
            return True
        from onestop_desktop.services.catalog_files import read_catalog

        try:
            parsed = read_catalog(choice)
        except OneStopError as exc:
            self.message_label.setText(error_text(exc))
            return False
        if parsed.errors:
            first = parsed.errors[0]
            self.message_label.setText(
                fmt(
                    self.tr("Tệp danh mục có %1 lỗi, chưa dùng được. Lỗi đầu tiên: %2"),
                    self.locale().toString(len(parsed.errors)),
                    str(first),
                )
            )
            return False
        if not parsed.procedures:
            self.message_label.setText(self.tr("Tệp danh mục không có thủ tục nào"))
            return False
        self.message_label.clear()
        _mark(
            self.state_label,
            True,
            fmt(
                self.tr("Đã đọc %1 thủ tục từ tệp %2"),
                self.locale().toString(len(parsed.procedures)),
                choice.name,
            ),
        )
        return True

    def _changed(self) -> None:
        on = self.file_radio.isChecked()
        self.file_edit.setEnabled(on)
        self.browse_button.setEnabled(on)
        self.message_label.clear()
        self.state_label.clear()
        self.completeChanged.emit()

    def _retranslate(self) -> None:
        self.setTitle(self.tr("Danh mục thủ tục"))
        self.setSubTitle(self.tr("Các thủ tục hành chính xã tiếp nhận."))
        self.starter_radio.setText(self.tr("Dùng danh mục &mẫu đi kèm phần mềm (khuyên dùng)"))
        self.file_radio.setText(self.tr("Dùng &tệp danh mục của xã (CSV, XLSX hoặc JSON):"))
        self.browse_button.setText(self.tr("&Chọn tệp…"))
        self.help_label.setText(
            self.tr(
                "Danh mục có thể nhập thêm hoặc cập nhật sau, trong Quản trị → Danh mục thủ tục."
            )
        )


# ------------------------------------------------------------------ 6. office hours


class HoursPage(_Page):
    """Office hours, same-day cut-off and the idle lock: three business settings."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("hoursPage")
        from onestop_desktop.services import settings

        self.hours_edit = _line_edit("officeHoursEdit", 100)
        self.hours_edit.setText(settings.OFFICE_HOURS.default_text)
        self.cutoff_edit = _line_edit("cutoffEdit", 5)
        self.cutoff_edit.setText(settings.SAME_DAY_CUTOFF.default_text)
        self.idle_spin = QSpinBox()
        self.idle_spin.setObjectName("idleSpin")
        self.idle_spin.setRange(0, 240)
        self.idle_spin.setValue(settings.IDLE_LOCK_MINUTES.default)
        self.hours_label = QLabel()
        self.hours_label.setBuddy(self.hours_edit)
        self.cutoff_label = QLabel()
        self.cutoff_label.setBuddy(self.cutoff_edit)
        self.idle_label = QLabel()
        self.idle_label.setBuddy(self.idle_spin)
        self.hours_help = _help()
        self.cutoff_help = _help()
        self.idle_help = _help()
        self.state_label = _message_label("hoursMessage")
        form = QFormLayout()
        form.addRow(self.hours_label, self.hours_edit)
        form.addRow("", self.hours_help)
        form.addRow(self.cutoff_label, self.cutoff_edit)
        form.addRow("", self.cutoff_help)
        form.addRow(self.idle_label, self.idle_spin)
        form.addRow("", self.idle_help)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.state_label)
        layout.addStretch(1)
        self.hours_edit.textChanged.connect(self._changed)
        self.cutoff_edit.textChanged.connect(self._changed)
        self._retranslate()

    def problem(self) -> str:
        """Why the typed hours are refused, as the settings service would say (empty: good)."""
        from onestop_desktop.domain.calendar import OfficeHours
        from onestop_desktop.services import settings

        try:
            periods = settings.OFFICE_HOURS.parse(self.hours_edit.text())
        except settings.Invalid as exc:
            return self._invalid(self.tr("Giờ làm việc"), settings.OFFICE_HOURS, exc)
        try:
            cutoff = settings.SAME_DAY_CUTOFF.parse(self.cutoff_edit.text())
        except settings.Invalid as exc:
            return self._invalid(self.tr("Giờ chốt trả trong ngày"), settings.SAME_DAY_CUTOFF, exc)
        try:
            OfficeHours(periods, cutoff)
        except ValidationError as exc:
            return error_text(exc)
        return ""

    def chosen_settings(self) -> dict[str, str]:
        """The settings to set: those whose canonical text differs from the default."""
        from onestop_desktop.services import settings

        wanted: list[tuple[settings.Definition[Any], str]] = [
            (settings.OFFICE_HOURS, self.hours_edit.text()),
            (settings.SAME_DAY_CUTOFF, self.cutoff_edit.text()),
            (settings.IDLE_LOCK_MINUTES, str(self.idle_spin.value())),
        ]
        chosen: dict[str, str] = {}
        for definition, text in wanted:
            try:
                canonical = definition.normalise(text)
            except settings.Invalid:
                continue  # said on the page, whose Next stays disabled; the set-up refuses it
            if canonical != definition.default_text:
                chosen[definition.name] = canonical
        return chosen

    def isComplete(self) -> bool:
        return not self.problem()

    def _invalid(self, what: str, definition: Definition[Any], exc: Invalid) -> str:
        text = fmt(
            self.tr("%1 không hợp lệ; cần %2"), what, translate_message(definition.accepted_vi)
        )
        if exc.why is None:
            return text
        return fmt(self.tr("%1 (%2)"), text, translate_message(exc.why))

    def _changed(self) -> None:
        self.state_label.setText(self.problem())
        self.completeChanged.emit()

    def _retranslate(self) -> None:
        self.setTitle(self.tr("Giờ làm việc"))
        self.setSubTitle(self.tr("Dùng để tính ngày hẹn trả kết quả; sửa được sau trong Quản trị."))
        self.hours_label.setText(self.tr("&Giờ làm việc:"))
        self.hours_help.setText(self.tr("Các buổi «giờ:phút-giờ:phút», cách nhau bằng dấu phẩy."))
        self.cutoff_label.setText(self.tr("Giờ &chốt trả trong ngày:"))
        self.cutoff_help.setText(
            self.tr("Hồ sơ trả trong ngày nhận trước giờ này thì trả ngay hôm đó.")
        )
        self.idle_label.setText(self.tr("Tự &khóa sau (phút):"))
        self.idle_help.setText(
            self.tr("Không dùng máy quá số phút này thì phải nhập lại mật khẩu; 0 là không khóa.")
        )
        self._changed()


# ------------------------------------------------------------------ 7. confirm


class ConfirmPage(_Page):
    """The summary; "Khởi tạo" runs init in a worker, then the admin is signed in."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("confirmPage")
        self.summary_label = _help()
        self.summary_label.setObjectName("summaryLabel")
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.progress.setObjectName("setupProgress")
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.message_label = _message_label("confirmMessage")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.message_label)
        layout.addStretch(1)
        self.setFinalPage(True)
        self._busy = False
        self._retranslate()

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.progress.setVisible(busy)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self._busy

    def initializePage(self) -> None:
        self.message_label.clear()
        wizard = self.wizard()
        if isinstance(wizard, SetupWizard):
            self.summary_label.setText(wizard.summary())

    def validatePage(self) -> bool:
        """Finish: start the set-up; the wizard accepts when it has signed in."""
        wizard = self.wizard()
        if not isinstance(wizard, SetupWizard):
            return False
        if wizard.session() is not None:  # signed in: QWizard.accept() validates once more
            return True
        if not self._busy:
            wizard.start_setup()
        return False

    def _retranslate(self) -> None:
        self.setTitle(self.tr("Xác nhận"))
        self.setSubTitle(self.tr("Bấm «Khởi tạo» để tạo cơ sở dữ liệu và đăng nhập."))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Khởi tạo"))


# ------------------------------------------------------------------ the wizard


class SetupWizard(QWizard):
    """The first-run wizard for the data folder ``data`` (see the module docstring).

    :meth:`wait_for_session` runs it; tests drive the pages and call :meth:`start_setup` or
    :meth:`start_demo`, then wait for :attr:`signedIn`.
    """

    signedIn = Signal(object)
    # A background step failed (the message is on the page).
    setupFailed = Signal(str)

    PAGE_INTRO, PAGE_UNIT, PAGE_STATION, PAGE_ADMIN, PAGE_CATALOGUE, PAGE_HOURS, PAGE_CONFIRM = (
        range(7)
    )

    def __init__(
        self, data: DataDir, parent: QWidget | None = None, *, demo_dossiers: int = DEMO_DOSSIERS
    ) -> None:
        super().__init__(parent)
        self.setObjectName("SetupWizard")
        self._data = data
        self._demo_dossiers = demo_dossiers
        self._session: Session | None = None
        self._worker: Worker[None] | None = None
        self._admin = ""
        self.intro = IntroPage(data)
        self.unit = UnitPage()
        self.station = StationPage(self.unit)
        self.admin = AdminPage()
        self.catalogue = CataloguePage()
        self.hours = HoursPage()
        self.confirm = ConfirmPage()
        for page_id, page in enumerate(
            (
                self.intro,
                self.unit,
                self.station,
                self.admin,
                self.catalogue,
                self.hours,
                self.confirm,
            )
        ):
            self.setPage(page_id, page)
        self.intro.demoRequested.connect(self.start_demo)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        # Fits 1024×768 with the window frame and a taskbar.
        self.resize(760, 560)
        self._retranslate()

    # ------------------------------------------------------------------ public API

    def wait_for_session(self) -> Session | None:
        """Run the wizard modally; the admin's session, or ``None`` if the clerk gave up."""
        if self.exec() == QDialog.DialogCode.Accepted:
            return self._session
        return None

    def session(self) -> Session | None:
        return self._session

    def admin_username(self) -> str:
        return self._admin

    def worker(self) -> Worker[None] | None:
        """The background step under way (init or demo), if any."""
        return self._worker

    def is_busy(self) -> bool:
        return self._worker is not None

    def plan(self) -> SetupPlan:
        """What the pages hold now, as the worker takes it."""
        return SetupPlan(
            data=self._data,
            unit_code=self.unit.unit_code() or self.unit.code_edit.text(),
            unit_name=self.unit.unit_name(),
            station=self.station.station(),
            admin=self.admin.username(),
            password=self.admin.password(),
            catalog=self.catalogue.choice(),
            settings=self.hours.chosen_settings(),
        )

    def summary(self) -> str:
        plan = self.plan()
        catalogue = (
            self.tr("danh mục mẫu đi kèm phần mềm")
            if plan.catalog == "starter"
            else fmt(self.tr("tệp %1"), plan.catalog)
        )
        lines = [
            fmt(self.tr("Đơn vị: %1 (%2)"), plan.unit_name, plan.unit_code),
            fmt(self.tr("Máy trạm số %1"), plan.station),
            fmt(self.tr("Quản trị viên: %1"), plan.admin),
            fmt(self.tr("Danh mục thủ tục: %1"), catalogue),
            fmt(
                self.tr("Giờ làm việc: %1; chốt trả trong ngày %2; tự khóa sau %3 phút"),
                self.hours.hours_edit.text().strip(),
                self.hours.cutoff_edit.text().strip(),
                self.hours.idle_spin.value(),
            ),
            fmt(self.tr("Thư mục dữ liệu: %1"), self._data.root),
        ]
        return "\n".join(lines)

    def start_setup(self) -> Worker[None] | None:
        """Create the station (``onestop init``) in the background, then sign the admin in."""
        if self._worker is not None:
            return None
        for page in (self.unit, self.admin, self.catalogue, self.hours):
            if not page.isComplete():  # reachable only by code: the pages' Next is disabled
                self.confirm.message_label.setText(
                    fmt(self.tr("Trang «%1» chưa điền đủ hoặc chưa đúng"), page.title())
                )
                return None
        plan = self.plan()
        self._admin = plan.admin
        self.confirm.message_label.clear()
        self.confirm.set_busy(True)
        worker: Worker[None] = Worker(
            lambda job: run_setup(job, plan), parent=self, show_errors=False
        )
        worker.succeeded.connect(lambda _r: self._sign_in(plan.admin, plan.password, self.confirm))
        worker.failed.connect(lambda exc: self._failed(exc, self.confirm))
        worker.finished.connect(self._finished)
        self._set_busy(worker)
        log.info("first-run setup: unit %s, station %s", plan.unit_code, plan.station)
        return worker.start()

    def start_demo(self) -> Worker[None] | None:
        """ "Mở xã mẫu": the demo commune in the background, then its admin signed in."""
        if self._worker is not None:
            return None
        from onestop_desktop.services.demo import DEMO_PASSWORD

        count = self._demo_dossiers
        self._admin = "admin"
        self.intro.message_label.clear()
        self.intro.progress.setRange(0, max(count, 1))
        self.intro.progress.setValue(0)
        self.intro.progress.show()
        self.intro.status_label.setText(
            fmt(self.tr("Đang tạo xã mẫu với %1 hồ sơ…"), self.locale().toString(count))
        )
        worker: Worker[None] = Worker(
            lambda job: run_demo(job, self._data, count), parent=self, show_errors=False
        )
        worker.progressed.connect(self._demo_progress)
        worker.succeeded.connect(lambda _r: self._sign_in("admin", DEMO_PASSWORD, self.intro))
        worker.failed.connect(lambda exc: self._failed(exc, self.intro))
        worker.finished.connect(self._finished)
        self._set_busy(worker)
        log.info("first-run: demo commune with %s dossiers", count)
        return worker.start()

    # ------------------------------------------------------------------ internals

    def _set_busy(self, worker: Worker[None]) -> None:
        self._worker = worker
        self.intro.demo_button.setEnabled(False)
        for which in (
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.NextButton,
            QWizard.WizardButton.CancelButton,
        ):
            self.button(which).setEnabled(False)

    def _finished(self) -> None:
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.deleteLater()
        if self._session is not None:
            return
        self.intro.demo_button.setEnabled(True)
        self.intro.progress.hide()
        self.confirm.set_busy(False)
        for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.CancelButton):
            self.button(which).setEnabled(True)
        self.button(QWizard.WizardButton.NextButton).setEnabled(
            self.currentPage() is not None and self.currentPage().isComplete()
        )

    def _demo_progress(self, done: int, total: int, _text: str) -> None:
        if total > 0:
            self.intro.progress.setRange(0, total)
            self.intro.progress.setValue(done)
            self.intro.status_label.setText(
                fmt(
                    self.tr("Đang tạo xã mẫu: %1/%2 hồ sơ…"),
                    self.locale().toString(done),
                    self.locale().toString(total),
                )
            )

    def _failed(self, exc: object, page: IntroPage | ConfirmPage) -> None:
        assert isinstance(exc, OneStopError)
        log.warning("first-run setup failed: %s", exc)
        text = error_text(exc)
        page.message_label.setText(text)
        if isinstance(page, IntroPage):
            page.status_label.clear()
        self.setupFailed.emit(text)

    def _sign_in(self, username: str, password: str, page: IntroPage | ConfirmPage) -> None:
        """The station exists: open it on this thread and sign the admin in."""
        from onestop_desktop.services import users
        from onestop_desktop.store.db import Store

        try:
            store = Store.open(self._data.database, integrity="none")
        except OneStopError as exc:
            self._failed(exc, page)
            return
        try:
            session = users.sign_in(store, username, password)
        except OneStopError as exc:
            store.close()
            self._failed(exc, page)
            return
        log.info("first-run: signed in as %s", username)
        self._session = session
        self.accept()
        self.signedIn.emit(session)

    def reject(self) -> None:
        if self._worker is not None:  # init or demo under way: let it finish
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._worker is not None:
            event.ignore()
            return
        super().closeEvent(event)

    def _retranslate(self) -> None:
        # Qt has no Vietnamese for its own wizard buttons: every one gets our text.
        self.setWindowTitle(self.tr("Thiết lập ban đầu — OneStop Desktop"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Quay lại"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Tiếp >"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Khởi tạo"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Thoát"))
        self.setButtonText(QWizard.WizardButton.HelpButton, self.tr("Trợ giúp"))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Đồng ý"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
