"""The idle lock: after some minutes without keyboard or mouse, the main window is covered.

A counter PC is often left while the clerk walks to the archive; anyone passing could then
receive or return a dossier in their name. :class:`IdleLock` watches the whole application's
input (an event filter on the QApplication) and, after the business setting
``idle_lock_minutes`` (default 10; 0: never) without any, shows :class:`LockScreen`:

- a window of its own, application-modal, laid exactly over the main window, so neither the
  main window nor any dialog opened from it (an intake form with its typed content) takes
  keys or clicks, and nothing is closed: unlocking gives everything back as it was;
- it says who is signed in and asks for *their* password, checked by
  ``services.users.sign_in``, so a wrong password counts toward the account's lock-out exactly
  as at the sign-in window (5 failures lock it for 15 minutes);
- "Đăng nhập người khác" ends this session: the main window closes and the sign-in window
  asks who comes next (the app rebuilds the main window for them).

Ctrl+L (the main window's "Khóa máy") locks at once.
"""

from __future__ import annotations

import contextlib
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop.errors import OneStopError
from onestop_desktop.ui.i18n import error_text, fmt, use_translated_edit_menu
from onestop_desktop.ui.labels import role_text

if TYPE_CHECKING:
    from onestop_desktop.services.context import Session

log = logging.getLogger(__name__)

#: The input that counts as "someone is using the PC".
ACTIVITY_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.InputMethod,
    }
)


def idle_minutes(session: Session) -> int:
    """The ``idle_lock_minutes`` setting of the session's station (0: never lock)."""
    from onestop_desktop.services import settings

    return settings.value(session.store, settings.IDLE_LOCK_MINUTES)


class LockScreen(QWidget):
    """The cover over a locked main window: who is signed in, their password, or switch user."""

    unlocked = Signal()
    switchUserRequested = Signal()

    def __init__(self, session: Session, parent: QWidget) -> None:
        # A window of its own (child of the main window, so it goes with it), frameless and
        # application-modal: dialogs of the main window are blocked too, and kept.
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self._session = session
        self.setObjectName("LockScreen")
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setAutoFillBackground(True)
        self.setStyleSheet("#LockScreen { background: #263238; } #lockCard { background: white; }")

        card = QFrame()
        card.setObjectName("lockCard")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setMinimumWidth(440)
        card.setMaximumWidth(560)

        self.title_label = QLabel()
        self.title_label.setObjectName("lockTitle")
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.title_label.setFont(font)
        self.who_label = QLabel()
        self.who_label.setObjectName("lockWho")
        self.who_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.who_label.setWordWrap(True)

        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("lockPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setMaxLength(256)
        use_translated_edit_menu(self.password_edit)
        self.password_edit.returnPressed.connect(self.try_unlock)
        self.password_label = QLabel()
        self.password_label.setBuddy(self.password_edit)
        form = QFormLayout()
        form.addRow(self.password_label, self.password_edit)

        self.message_label = QLabel()
        self.message_label.setObjectName("lockMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet("color: #b00020;")
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Room for three lines kept from the start, so a message never moves the fields.
        self.message_label.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.unlock_button = QPushButton()
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.switch_button = QPushButton()
        self.switch_button.setObjectName("switchUserButton")
        self.switch_button.clicked.connect(self._switch_user)
        buttons = QHBoxLayout()
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)

        inner = QVBoxLayout(card)
        inner.setContentsMargins(24, 20, 24, 20)
        inner.addWidget(self.title_label)
        inner.addWidget(self.who_label)
        inner.addSpacing(8)
        inner.addLayout(form)
        inner.addWidget(self.message_label)
        inner.addLayout(buttons)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 2)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)
        self._retranslate()

    # ------------------------------------------------------------------ public API

    def cover(self) -> None:
        """Lay the lock over its main window and take the keyboard."""
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.frameGeometry() if parent.isVisible() else parent.geometry())
        self.password_edit.clear()
        self.message_label.clear()
        self.show()  # a new window comes on top (raise_() is not on every platform)
        self.activateWindow()
        self.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def message(self) -> str:
        return self.message_label.text()

    def try_unlock(self) -> bool:
        """Check the signed-in user's password; unlock on success, else say why."""
        password = self.password_edit.text()
        if not password:
            self._show_message(self.tr("Chưa nhập mật khẩu"))
            return False
        from onestop_desktop.services import users

        username = self._session.actor.username
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            # The same check as the sign-in window: failures count toward the lock-out.
            users.sign_in(self._session.store, username, password)
        except OneStopError as exc:
            log.info("unlock refused for %r: %s", username, exc.message)
            self.password_edit.clear()
            self._show_message(error_text(exc))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        log.info("unlocked: %s", username)
        self.password_edit.clear()
        self.message_label.clear()
        self.hide()
        self.unlocked.emit()
        return True

    # ------------------------------------------------------------------ internals

    def _switch_user(self) -> None:
        self.hide()
        self.switchUserRequested.emit()

    def _show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _retranslate(self) -> None:
        actor = self._session.actor
        station = self._session.station
        self.setWindowTitle(self.tr("Đã khóa — OneStop Desktop"))
        self.title_label.setText(self.tr("Máy đang khóa"))
        self.who_label.setText(
            fmt(
                self.tr("Đang đăng nhập: %1 (%2), %3\n%4, máy trạm %5"),
                actor.full_name,
                actor.username,
                role_text(actor.role),
                station.unit_name or station.unit_code,
                station.station_id,
            )
        )
        self.password_label.setText(self.tr("&Mật khẩu:"))
        self.unlock_button.setText(self.tr("&Mở khóa"))
        self.switch_button.setText(self.tr("Đăng nhập &người khác"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class IdleLock(QObject):
    """Locks ``window`` after ``minutes`` without input anywhere in the app (0: never).

    The timer is a single-shot :class:`QTimer` restarted by every key, click, wheel or mouse
    move; tests drive it (``idle.timer.timeout.emit()``) instead of waiting.
    """

    locked = Signal()
    unlocked = Signal()
    switchUserRequested = Signal()

    def __init__(self, window: QWidget, session: Session, minutes: int) -> None:
        super().__init__(window)
        self._window = window
        self._session = session
        self._minutes = minutes
        self.screen = LockScreen(session, window)
        self.screen.hide()
        self.screen.unlocked.connect(self._on_unlocked)
        self.screen.switchUserRequested.connect(self.switchUserRequested)
        self.timer = QTimer(self)
        self.timer.setObjectName("idleTimer")
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self._focus: QWidget | None = None
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._restart()

    def minutes(self) -> int:
        return self._minutes

    def is_locked(self) -> bool:
        return self.screen.isVisible()

    def lock(self) -> None:
        """Cover the window now (Ctrl+L, or the idle timer)."""
        if self.is_locked() or not self._window.isVisible():
            return  # (a closed window is never covered; a minimised one still counts as shown)
        self.timer.stop()
        focus = QApplication.focusWidget()
        self._focus = focus if focus is not None and focus is not self.screen else None
        log.info("locked: %s", self._session.actor.username)
        self.screen.cover()
        self.locked.emit()

    def stop(self) -> None:
        """Stop watching (the window is closing)."""
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.screen.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY_EVENTS and not self.is_locked():
            self._restart()
        return False

    def _restart(self) -> None:
        if self._minutes > 0:
            self.timer.start(self._minutes * 60_000)

    def _on_unlocked(self) -> None:
        focus, self._focus = self._focus, None
        if focus is not None:
            # RuntimeError: the widget was deleted while locked (its dialog closed).
            with contextlib.suppress(RuntimeError):
                focus.setFocus(Qt.FocusReason.OtherFocusReason)
        self._restart()
        self.unlocked.emit()
