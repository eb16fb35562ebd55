"""Quản trị → Tài khoản (Ctrl+Alt+1): the staff accounts and what an admin does to them.

List (user name, full name, role, active, locked until), add, change role, reset password,
unlock, deactivate. Every action is one service call of ``services/users.py`` (permission
check, one transaction, an event); a refusal (the last admin, a short password) is said on the
screen's message line or in the dialog, whose fields are kept.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop.domain import clock
from onestop_desktop.domain.roles import STAFF_ROLES, Role
from onestop_desktop.errors import OneStopError, ValidationError
from onestop_desktop.services import users
from onestop_desktop.services.context import Session
from onestop_desktop.services.users import User
from onestop_desktop.ui.admin.common import MessageLine, RowsModel, attempt, table_view
from onestop_desktop.ui.i18n import error_text, fmt
from onestop_desktop.ui.labels import role_text
from onestop_desktop.ui.live_texts import LiveTexts


class UsersModel(RowsModel[User]):
    """The accounts, as ``users.list_users`` returns them."""

    COL_USERNAME, COL_NAME, COL_ROLE, COL_ACTIVE, COL_LOCKED = range(5)

    def headers(self) -> list[str]:
        return [
            self.tr("Tên đăng nhập"),
            self.tr("Họ tên"),
            self.tr("Vai trò"),
            self.tr("Trạng thái"),
            self.tr("Khóa đến"),
        ]

    def cell(self, row: User, column: int) -> str:
        if column == self.COL_USERNAME:
            return row.username
        if column == self.COL_NAME:
            return row.full_name
        if column == self.COL_ROLE:
            return role_text(row.role)
        if column == self.COL_ACTIVE:
            return self.tr("Đang hoạt động") if row.active else self.tr("Đã vô hiệu hóa")
        if column == self.COL_LOCKED:
            return clock.fmt_datetime(row.locked_until) if row.locked_until else ""
        return ""


def _role_box(current: Role | None = None) -> QComboBox:
    box = QComboBox()
    box.setObjectName("roleBox")
    for role in STAFF_ROLES:
        box.addItem(role_text(role), role.value)
    if current is not None and current in STAFF_ROLES:
        box.setCurrentIndex(STAFF_ROLES.index(current))
    return box


def _password_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class _FormDialog(QDialog):
    """A small form with OK/Cancel and an error line; OK runs :meth:`submit` and closes only
    when the service accepted it (the fields are kept on a refusal)."""

    def __init__(self, title: Callable[[], str], parent: QWidget | None = None) -> None:
        # The title is a function (as every text given to LiveTexts) so that it follows a
        # change of language while the dialog is open, like the rest of the form.
        super().__init__(parent)
        self.live = LiveTexts(self)
        self.live(lambda: self.setWindowTitle(title()))
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setObjectName("dialogError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.live(lambda: ok.setText(self.tr("Đồng ý")))
        ok.setObjectName("okButton")
        self.live(
            lambda: self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
                self.tr("Hủy")
            )
        )
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.result_text = ""

    def submit(self) -> str:
        raise NotImplementedError

    def _ok(self) -> None:
        try:
            self.result_text = self.submit()
        except OneStopError as exc:
            self.error.setText(error_text(exc))
            return
        self.accept()


def _same(first: QLineEdit, second: QLineEdit) -> str:
    if first.text() != second.text():
        raise ValidationError("Hai lần nhập mật khẩu không khớp", field="password")
    return first.text()


class AddUserDialog(_FormDialog):
    """Thêm tài khoản: user name, full name, role, password twice."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(lambda: self.tr("Thêm tài khoản"), parent)
        self.setObjectName("AddUserDialog")
        self._session = session
        self.username = QLineEdit()
        self.username.setObjectName("usernameEdit")
        self.full_name = QLineEdit()
        self.full_name.setObjectName("fullNameEdit")
        self.role = _role_box(Role.CLERK)
        self.password = _password_edit("passwordEdit")
        self.again = _password_edit("againEdit")
        self.form.addRow(
            self.live.label(lambda: self.tr("Tên đăng nhập:"), self.username), self.username
        )
        self.form.addRow(
            self.live.label(lambda: self.tr("Họ tên:"), self.full_name), self.full_name
        )
        self.form.addRow(self.live.label(lambda: self.tr("Vai trò:"), self.role), self.role)
        self.form.addRow(
            self.live.label(lambda: self.tr("Mật khẩu:"), self.password), self.password
        )
        self.form.addRow(
            self.live.label(lambda: self.tr("Nhập lại mật khẩu:"), self.again), self.again
        )

    def submit(self) -> str:
        password = _same(self.password, self.again)
        user = users.add_user(
            self._session,
            self.username.text(),
            str(self.role.currentData()),
            self.full_name.text(),
            password,
        )
        return fmt(self.tr("Đã thêm tài khoản %1 (%2)"), user.username, role_text(user.role))


class RoleDialog(_FormDialog):
    """Đổi vai trò of one account."""

    def __init__(self, session: Session, user: User, parent: QWidget | None = None) -> None:
        super().__init__(lambda: fmt(self.tr("Đổi vai trò — %1"), user.username), parent)
        self.setObjectName("RoleDialog")
        self._session = session
        self._user = user
        self.role = _role_box(user.role)
        self.form.addRow(
            self.live.label(lambda: fmt(self.tr("Vai trò mới của %1:"), user.full_name), self.role),
            self.role,
        )

    def submit(self) -> str:
        user = users.change_role(self._session, self._user.username, str(self.role.currentData()))
        return fmt(self.tr("Đã đổi vai trò của %1 thành %2"), user.username, role_text(user.role))


class ResetPasswordDialog(_FormDialog):
    """Đặt lại mật khẩu for a colleague who forgot theirs (no old password asked)."""

    def __init__(self, session: Session, user: User, parent: QWidget | None = None) -> None:
        super().__init__(lambda: fmt(self.tr("Đặt lại mật khẩu — %1"), user.username), parent)
        self.setObjectName("ResetPasswordDialog")
        self._session = session
        self._user = user
        self.password = _password_edit("passwordEdit")
        self.again = _password_edit("againEdit")
        note = QLabel()
        self.live(
            lambda: note.setText(
                self.tr("Báo mật khẩu mới cho cán bộ; tài khoản đang bị khóa sẽ được mở khóa.")
            )
        )
        note.setWordWrap(True)
        self.form.addRow(note)
        self.form.addRow(
            self.live.label(lambda: self.tr("Mật khẩu mới:"), self.password), self.password
        )
        self.form.addRow(
            self.live.label(lambda: self.tr("Nhập lại mật khẩu:"), self.again), self.again
        )

    def submit(self) -> str:
        password = _same(self.password, self.again)
        user = users.reset_password(self._session, self._user.username, password)
        return fmt(self.tr("Đã đặt lại mật khẩu của %1"), user.username)


class UsersScreen(QWidget):
    """The accounts list and its actions (see the module docstring)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.live = LiveTexts(self)
        self.setObjectName("AdminUsersScreen")
        self._session = session
        self.dialog: _FormDialog | None = None
        self.confirm: QMessageBox | None = None
        self.model = UsersModel(self)
        self.table = table_view(self.model, "usersTable", stretch=UsersModel.COL_NAME)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)

        title = QLabel()
        self.live(lambda: title.setText(self.tr("Tài khoản cán bộ")))
        title.setObjectName("screenTitle")
        title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.add_button = QPushButton()
        self.live(lambda: self.add_button.setText(self.tr("&Thêm tài khoản…")))
        self.add_button.setObjectName("addUserButton")
        self.role_button = QPushButton()
        self.live(lambda: self.role_button.setText(self.tr("Đổi &vai trò…")))
        self.role_button.setObjectName("roleButton")
        self.reset_button = QPushButton()
        self.live(lambda: self.reset_button.setText(self.tr("Đặt lại &mật khẩu…")))
        self.reset_button.setObjectName("resetPasswordButton")
        self.unlock_button = QPushButton()
        self.live(lambda: self.unlock_button.setText(self.tr("Mở &khóa")))
        self.unlock_button.setObjectName("unlockButton")
        self.deactivate_button = QPushButton()
        self.live(lambda: self.deactivate_button.setText(self.tr("Vô &hiệu hóa…")))
        self.deactivate_button.setObjectName("deactivateButton")
        self.add_button.clicked.connect(self.add_user)
        self.role_button.clicked.connect(self.change_role)
        self.reset_button.clicked.connect(self.reset_password)
        self.unlock_button.clicked.connect(self.unlock)
        self.deactivate_button.clicked.connect(self.deactivate)
        self.message = MessageLine("usersMessage")

        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.role_button,
            self.reset_button,
            self.unlock_button,
            self.deactivate_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.setFocusProxy(self.table)
        self.reload()

    # ------------------------------------------------------------------ data

    def reload(self) -> None:
        """Read the accounts again, keeping the selected one selected."""
        current = self.current_user()
        try:
            rows = users.list_users(self._session)
        except OneStopError as exc:
            self.message.refused(exc)
            rows = []
        self.model.set_rows(rows)
        if current is not None:
            self.select(current.username)
        elif rows:
            self.table.selectRow(0)
        self._update_buttons()

    def select(self, username: str) -> bool:
        for row, user in enumerate(self.model.rows()):
            if user.username == username:
                self.table.selectRow(row)
                return True
        return False

    def current_user(self) -> User | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _update_buttons(self) -> None:
        user = self.current_user()
        for button in (self.role_button, self.reset_button, self.deactivate_button):
            button.setEnabled(user is not None and user.active)
        self.unlock_button.setEnabled(user is not None and user.locked)

    # ------------------------------------------------------------------ actions

    def _run(self, dialog: _FormDialog, select: Callable[[], str] | None = None) -> _FormDialog:
        """Open ``dialog``; once the service accepted it, say so and list again (selecting the
        account ``select`` names, else keeping the selection). The dialog is kept until the
        next one opens (not deleted on close: PySide6 crashes deleting a dialog whose signals
        still hold Python closures)."""
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog

        def done() -> None:
            self.message.done(dialog.result_text)
            self.reload()
            if select is not None:
                self.select(select())

        dialog.accepted.connect(done)
        dialog.open()
        return dialog

    def add_user(self) -> _FormDialog:
        dialog = AddUserDialog(self._session, self)
        return self._run(dialog, lambda: dialog.username.text().strip().lower())

    def change_role(self) -> _FormDialog | None:
        user = self.current_user()
        return None if user is None else self._run(RoleDialog(self._session, user, self))

    def reset_password(self) -> _FormDialog | None:
        user = self.current_user()
        return None if user is None else self._run(ResetPasswordDialog(self._session, user, self))

    def unlock(self) -> bool:
        user = self.current_user()
        if user is None:
            return False

        def act() -> str:
            users.unlock(self._session, user.username)
            return fmt(self.tr("Đã mở khóa tài khoản %1"), user.username)

        ok = attempt(self.message, act)
        self.reload()
        return ok

    def deactivate(self) -> QMessageBox | None:
        """Ask first (an account is never deleted, but a deactivated one cannot sign in)."""
        user = self.current_user()
        if user is None:
            return None
        if self.confirm is not None:
            self.confirm.deleteLater()
        box = QMessageBox(self)
        box.setObjectName("deactivateConfirm")
        self.confirm = box  # kept, not deleted on close (see _run)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Vô hiệu hóa tài khoản"))
        box.setText(
            fmt(
                self.tr(
                    "Vô hiệu hóa tài khoản %1 (%2)? Cán bộ này sẽ không đăng nhập được nữa; "
                    "tên của họ vẫn giữ trong nhật ký và các hồ sơ đã xử lý."
                ),
                user.username,
                user.full_name,
            )
        )
        yes = box.addButton(self.tr("Vô hiệu hóa"), QMessageBox.ButtonRole.DestructiveRole)
        no = box.addButton(self.tr("Hủy"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no)

        def answered() -> None:
            if box.clickedButton() is yes:
                self.confirm_deactivate(user.username)

        box.finished.connect(answered)
        box.open()
        return box

    def confirm_deactivate(self, username: str) -> bool:
        def act() -> str:
            users.deactivate(self._session, username)
            return fmt(self.tr("Đã vô hiệu hóa tài khoản %1"), username)

        ok = attempt(self.message, act)
        self.reload()
        return ok
