"""The sign-in dialog: user name, password, Enter signs in.

A wrong password shows the service's message (how many tries are left, or that the account is
now locked) under the fields, keeps the user name and puts the cursor back in the emptied
password field, so the clerk just types again.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QPaintEvent, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop.errors import OneStopError
from onestop_desktop.ui.i18n import error_text, use_translated_edit_menu

if TYPE_CHECKING:  # the services (and sqlite-utils) load after the window is on screen
    from onestop_desktop.services.context import Session
    from onestop_desktop.store.db import Store

log = logging.getLogger(__name__)


class SignInDialog(QDialog):
    """Ask for a user name and password and sign in with ``services.users.sign_in``.

    Use :meth:`ask` from application code (it runs the dialog); tests drive the widgets and
    call :meth:`try_sign_in` or press Enter, then read :meth:`session`.
    """

    # Emitted with the new :class:`Session` just before the dialog accepts.
    signedIn = Signal(object)

    def __init__(
        self, store: Store | None, parent: QWidget | None = None, *, username: str = ""
    ) -> None:
        """``store`` may be ``None`` at first: the window shows at once while the database opens
        (:meth:`set_store`); signing in waits for it."""
        super().__init__(parent)
        self._store: Store | None = None
        self._session: Session | None = None
        self._unit_name = ""

        self.setObjectName("SignInDialog")
        self.setModal(True)

        self.unit_label = QLabel(self._unit_name)
        self.unit_label.setObjectName("unitLabel")
        self.unit_label.setWordWrap(True)
        font = self.unit_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.unit_label.setFont(font)
        self.unit_label.setVisible(bool(self._unit_name))

        self.username_edit = QLineEdit(username)
        self.username_edit.setObjectName("usernameEdit")
        self.username_edit.setMaxLength(64)
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("passwordEdit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setMaxLength(256)

        self.username_label = QLabel()
        self.username_label.setBuddy(self.username_edit)
        self.password_label = QLabel()
        self.password_label.setBuddy(self.password_edit)

        form = QFormLayout()
        form.addRow(self.username_label, self.username_edit)
        form.addRow(self.password_label, self.password_edit)

        self.message_label = QLabel()
        self.message_label.setObjectName("messageLabel")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet("color: #b00020;")
        # Always in the layout, with room for MESSAGE_LINES lines from the start: a message
        # that appears (or wraps) never squeezes or moves the fields; a longer one makes the
        # window taller downwards (:meth:`_fit_message`).
        self.message_label.setFixedHeight(self._message_room())

        self.sign_in_button = QPushButton()
        self.sign_in_button.setObjectName("signInButton")
        self.sign_in_button.setDefault(True)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setAutoDefault(False)
        # After a sign-out or at the lock, the last user's name is filled in; this empties it.
        self.switch_button = QPushButton()
        self.switch_button.setObjectName("switchUserButton")
        self.switch_button.setAutoDefault(False)
        self.switch_button.clicked.connect(self.other_user)
        buttons = QDialogButtonBox()
        buttons.addButton(self.switch_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.addButton(self.sign_in_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.switch_button.setVisible(bool(username))  # after addButton(), which shows it
        buttons.accepted.connect(self.try_sign_in)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.unit_label)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self._language_shortcut = QShortcut(QKeySequence("Ctrl+Alt+L"), self)
        self._language_shortcut.activated.connect(self.choose_language)

        self._retranslate()
        (self.password_edit if username else self.username_edit).setFocus()
        self._finished = False
        if store is not None:
            self.set_store(store)
        else:
            self.sign_in_button.setEnabled(False)

    def _finish_setup(self) -> None:
        """What needs PySide6's ``Qt`` namespace (~35 ms to build: a third of what the app adds
        to a bare window's start-up, #9): the labels' alignment and the fields' translated
        context menus. Done once the window has painted (both labels are still empty, and no
        right-click can come sooner), or at once when a store or a message comes first."""
        if self._finished:
            return
        self._finished = True
        from PySide6.QtCore import Qt

        self.unit_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        for edit in (self.username_edit, self.password_edit):
            use_translated_edit_menu(edit)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._finished:
            QTimer.singleShot(0, self._finish_setup)

    def set_store(self, store: Store) -> None:
        """The opened station database: show the unit's name and allow signing in."""
        self._finish_setup()
        self._store = store
        self._unit_name = store.setting("unit_name", "") or ""
        self.unit_label.setText(self._unit_name)
        self.unit_label.setVisible(bool(self._unit_name))
        self.sign_in_button.setEnabled(True)

    # ------------------------------------------------------------------ public API

    @classmethod
    def ask(
        cls, store: Store, parent: QWidget | None = None, *, username: str = ""
    ) -> Session | None:
        """Run the dialog; the session, or ``None`` if the user gave up."""
        dialog = cls(store, parent, username=username)
        try:
            return dialog.wait_for_session()
        finally:
            dialog.deleteLater()

    def wait_for_session(self) -> Session | None:
        """Run this (already shown) dialog modally; the session, or ``None`` if cancelled."""
        if self.exec() == QDialog.DialogCode.Accepted:
            return self.session()
        return None

    def session(self) -> Session | None:
        """The session after a successful sign-in, else ``None``."""
        return self._session

    def message(self) -> str:
        """The message shown under the fields (empty when none)."""
        return self.message_label.text()

    def other_user(self) -> None:
        """ "Đăng nhập người khác": empty both fields, the cursor in the user name."""
        self.username_edit.clear()
        self.password_edit.clear()
        self._clear_message()
        self.switch_button.hide()
        self.username_edit.setFocus()  # the reason: OtherFocusReason

    def choose_language(self) -> QDialog:
        """Ctrl+Alt+L: the language dialog (applied at once, kept for the next start)."""
        from PySide6.QtCore import Qt

        from onestop_desktop.ui.language import LanguageDialog

        dialog = LanguageDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def try_sign_in(self) -> bool:
        """Sign in with what was typed; accept the dialog on success, else show why."""
        username = self.username_edit.text().strip()
        password = self.password_edit.text()
        if not username:
            self._show_message(self.tr("Chưa nhập tên đăng nhập"), self.username_edit)
            return False
        if not password:
            self._show_message(self.tr("Chưa nhập mật khẩu"), self.password_edit)
            return False
        if self._store is None:
            return False  # the database is still opening; the button is disabled meanwhile
        from PySide6.QtCore import Qt

        from onestop_desktop.services import users

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            session = users.sign_in(self._store, username, password)
        except OneStopError as exc:
            log.info("sign-in refused for %r: %s", username, exc.message)
            self.password_edit.clear()
            self._show_message(error_text(exc), self.password_edit)
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        log.info("signed in: %s (%s)", session.actor.username, session.actor.role.value)
        self._session = session
        self._clear_message()
        self.signedIn.emit(session)
        self.accept()
        return True

    # ------------------------------------------------------------------ internals

    MESSAGE_LINES = 3

    def _message_room(self) -> int:
        return self.message_label.fontMetrics().lineSpacing() * self.MESSAGE_LINES

    def _show_message(self, text: str, focus: QLineEdit) -> None:
        self._finish_setup()
        self.message_label.setText(text)
        self._fit_message()
        focus.setFocus()  # the reason: OtherFocusReason
        focus.selectAll()

    def _clear_message(self) -> None:
        self.message_label.clear()
        self._fit_message()

    def _fit_message(self) -> None:
        """Room for the whole message at the label's width (never less than the reserve)."""
        width = self.message_label.width()
        if width <= 0 or not self.isVisible():
            width = self.minimumWidth() - 2 * self.style().pixelMetric(
                self.style().PixelMetric.PM_LayoutLeftMargin
            )
        needed = self.message_label.heightForWidth(width) if self.message_label.text() else 0
        old = self.message_label.minimumHeight()
        new = max(self._message_room(), needed)
        # A fixed height: the label neither takes nor gives the fields' room as texts change.
        self.message_label.setFixedHeight(new)
        if self.isVisible() and new != old:
            # Grow (or shrink back) by exactly the difference, downwards: the fields stay put.
            self.resize(
                self.width(), max(self.height() + new - old, self.minimumSizeHint().height())
            )

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Đăng nhập — OneStop Desktop"))
        self.username_label.setText(self.tr("&Tên đăng nhập:"))
        self.password_label.setText(self.tr("&Mật khẩu:"))
        self.username_edit.setPlaceholderText(self.tr("ví dụ: tiepnhan"))
        self.sign_in_button.setText(self.tr("Đăng &nhập"))
        self.cancel_button.setText(self.tr("Thoát"))
        self.switch_button.setText(self.tr("Đăng nhập người &khác"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
