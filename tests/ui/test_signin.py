"""SignInDialog: Enter signs in; a wrong password is explained inline and can be retyped."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from onestop_desktop.domain.roles import Role
from onestop_desktop.services import demo, users
from onestop_desktop.services.context import Session
from onestop_desktop.store.db import Store
from onestop_desktop.ui import signin
from onestop_desktop.ui.signin import SignInDialog
from tests.helpers.typing import type_text

PASSWORD = demo.DEMO_PASSWORD
WRONG = "Sai tên đăng nhập hoặc mật khẩu (nhập sai 5 lần liên tiếp thì tài khoản bị khóa 15 phút)"


@pytest.fixture
def make_dialog(qtbot: QtBot, store: Store) -> Callable[..., SignInDialog]:
    def make(**kwargs: str) -> SignInDialog:
        dialog = SignInDialog(store, **kwargs)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return make


@pytest.fixture
def dialog(make_dialog: Callable[..., SignInDialog]) -> SignInDialog:
    return make_dialog()


def fill(dialog: SignInDialog, username: str, password: str) -> None:
    dialog.username_edit.clear()
    dialog.password_edit.clear()
    type_text(dialog.username_edit, username)
    type_text(dialog.password_edit, password)


def press_enter(dialog: SignInDialog) -> None:
    QTest.keyClick(dialog.password_edit, Qt.Key.Key_Return)


def test_starts_empty_with_the_cursor_in_user_name(dialog: SignInDialog) -> None:
    assert dialog.windowTitle() == "Đăng nhập — OneStop Desktop"
    assert dialog.unit_label.text() == demo.DEMO_UNIT_NAME
    assert dialog.focusWidget() is dialog.username_edit
    assert dialog.password_edit.echoMode() == dialog.password_edit.EchoMode.Password
    assert dialog.sign_in_button.text() == "Đăng &nhập"
    assert dialog.message() == ""
    assert dialog.session() is None


def test_a_known_user_name_puts_the_cursor_in_password(
    make_dialog: Callable[..., SignInDialog],
) -> None:
    dialog = make_dialog(username="tiepnhan")
    assert dialog.focusWidget() is dialog.password_edit


def test_enter_signs_in_and_returns_a_session(qtbot: QtBot, dialog: SignInDialog) -> None:
    fill(dialog, "tiepnhan", PASSWORD)
    with (
        qtbot.waitSignal(dialog.accepted, timeout=5000),
        qtbot.waitSignal(dialog.signedIn, timeout=5000) as signed_in,
    ):
        press_enter(dialog)
    session = dialog.session()
    assert isinstance(session, Session)
    assert signed_in.args == [session]
    assert session.actor.username == "tiepnhan"
    assert session.actor.full_name == "Nguyễn Thị Lan"
    assert session.actor.role is Role.CLERK
    assert session.station.unit_name == demo.DEMO_UNIT_NAME
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_user_name_is_not_case_sensitive(qtbot: QtBot, dialog: SignInDialog) -> None:
    fill(dialog, " TiepNhan ", PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.sign_in_button.click()
    session = dialog.session()
    assert session is not None and session.actor.username == "tiepnhan"


def test_wrong_password_shows_the_message_and_keeps_the_user_name(
    qtbot: QtBot, dialog: SignInDialog
) -> None:
    fill(dialog, "tiepnhan", "sai-mat-khau")
    with qtbot.assertNotEmitted(dialog.accepted):
        press_enter(dialog)
    assert dialog.message() == WRONG
    assert dialog.message_label.isVisible()
    assert dialog.username_edit.text() == "tiepnhan"
    assert dialog.password_edit.text() == ""
    assert dialog.focusWidget() is dialog.password_edit
    assert dialog.session() is None
    assert dialog.isVisible()

    # Typing the right password now just works.
    type_text(dialog.password_edit, PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        press_enter(dialog)
    assert dialog.session() is not None


def test_unknown_user(dialog: SignInDialog) -> None:
    fill(dialog, "khongco", PASSWORD)
    press_enter(dialog)
    assert dialog.message() == WRONG  # the same words as a wrong password: no enumeration
    assert dialog.username_edit.text() == "khongco"


def test_empty_fields_are_caught_before_the_service(
    dialog: SignInDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    def must_not_run(*_args: object) -> Session:
        raise AssertionError("sign_in called with an empty field")

    monkeypatch.setattr(users, "sign_in", must_not_run)
    press_enter(dialog)
    assert dialog.message() == "Chưa nhập tên đăng nhập"
    assert dialog.focusWidget() is dialog.username_edit

    type_text(dialog.username_edit, "tiepnhan")
    press_enter(dialog)
    assert dialog.message() == "Chưa nhập mật khẩu"
    assert dialog.focusWidget() is dialog.password_edit


def test_five_wrong_passwords_lock_the_account(dialog: SignInDialog, store: Store) -> None:
    messages = []
    for _ in range(users.MAX_FAILED):
        type_text(dialog.password_edit, "sai-mat-khau")
        if not dialog.username_edit.text():
            type_text(dialog.username_edit, "tiepnhan2")
        press_enter(dialog)
        messages.append(dialog.message())
    assert messages[:4] == [WRONG] * 4
    assert messages[4] == "Sai mật khẩu 5 lần liên tiếp: tài khoản bị khóa 15 phút"

    # Locked: even the right password is refused, and the message says how long is left.
    type_text(dialog.password_edit, PASSWORD)
    press_enter(dialog)
    assert dialog.message() == (
        "Tài khoản bị khóa do nhập sai mật khẩu 5 lần liên tiếp; thử lại sau 15 phút"
    )
    assert dialog.session() is None
    assert dialog.isVisible()
    # Other accounts are not affected.
    assert users.sign_in(store, "tiepnhan", PASSWORD).actor.username == "tiepnhan"


def test_messages_in_english(dialog: SignInDialog, english: None) -> None:
    assert dialog.windowTitle() == "Sign in — OneStop Desktop"
    assert dialog.sign_in_button.text() == "&Sign in"
    fill(dialog, "tiepnhan", "wrong-password")
    press_enter(dialog)
    assert dialog.message() == (
        "Wrong user name or password (5 wrong tries in a row lock the account for 15 minutes)"
    )


def test_vietnamese_password_characters_are_typed_as_is(dialog: SignInDialog) -> None:
    # Passwords may contain Vietnamese letters; the field must not drop or decompose them.
    type_text(dialog.password_edit, "Mật khẩu Đúng")
    assert dialog.password_edit.text() == "Mật khẩu Đúng"


def test_ask_returns_the_session_or_none(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def accept_as_clerk(self: SignInDialog) -> int:
        qtbot.addWidget(self)
        fill(self, "tiepnhan", PASSWORD)
        self.try_sign_in()
        return int(self.result())

    monkeypatch.setattr(signin.SignInDialog, "exec", accept_as_clerk)
    session = SignInDialog.ask(store)
    assert session is not None and session.actor.role is Role.CLERK

    def give_up(self: SignInDialog) -> int:
        qtbot.addWidget(self)
        self.cancel_button.click()
        return int(self.result())

    monkeypatch.setattr(signin.SignInDialog, "exec", give_up)
    assert SignInDialog.ask(store) is None


# ------------------------------------------------------------------ layout (#9 item 7)

LONG = (
    "Không mở được cơ sở dữ liệu vì thư mục dữ liệu chỉ cho phép đọc, không ghi được; hãy nhờ "
    "cán bộ phụ trách công nghệ thông tin của xã cấp lại quyền ghi cho thư mục "
    "/home/canbo/.local/share/OneStop/OneStopDesktop rồi mở lại chương trình"
)


def _fields(dialog: SignInDialog) -> list[tuple[int, int, int, int]]:
    return [
        (w.x(), w.y(), w.width(), w.height()) for w in (dialog.username_edit, dialog.password_edit)
    ]


def _whole_message_shown(qtbot: QtBot, dialog: SignInDialog) -> None:
    label = dialog.message_label
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()), timeout=2000)
    inside = dialog.rect().contains(label.geometry())
    assert inside, (label.geometry(), dialog.rect())
    button_top = dialog.sign_in_button.mapTo(dialog, QPoint(0, 0)).y()
    assert button_top >= label.geometry().bottom(), "the buttons stay below the message"


def test_a_wrapping_message_neither_clips_nor_moves_the_fields(
    qtbot: QtBot, dialog: SignInDialog
) -> None:
    qtbot.wait(50)
    before = _fields(dialog)
    height = dialog.password_edit.height()
    fill(dialog, "tiepnhan", "sai-mat-khau")
    press_enter(dialog)
    assert dialog.message() == WRONG
    qtbot.wait(50)
    assert _fields(dialog) == before, "the fields do not jump"
    assert dialog.password_edit.height() == height, "nor are they squeezed"
    _whole_message_shown(qtbot, dialog)
    # A message longer than the room kept for it: the window grows downwards instead.
    dialog._show_message(LONG, dialog.password_edit)
    qtbot.wait(50)
    assert _fields(dialog) == before
    _whole_message_shown(qtbot, dialog)
    # Signing in clears it, with no jump either.
    fill(dialog, "tiepnhan", PASSWORD)
    press_enter(dialog)
    assert dialog.message() == ""


def test_the_window_shown_before_the_database_finishes_its_setup_after_painting(
    qtbot: QtBot, store: Store
) -> None:
    """Start-up (#9): the first window has no store and skips what needs the ``Qt`` namespace
    until it has painted; then the labels are aligned and the fields get their translated
    context menu, and a store set later finds it all done."""
    dialog = SignInDialog(None)
    qtbot.addWidget(dialog)
    assert dialog.username_edit.contextMenuPolicy() != Qt.ContextMenuPolicy.CustomContextMenu
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog._finished)
    for edit in (dialog.username_edit, dialog.password_edit):
        assert edit.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    assert dialog.unit_label.alignment() == Qt.AlignmentFlag.AlignCenter
    assert (
        dialog.message_label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    )
    dialog.set_store(store)
    assert dialog.sign_in_button.isEnabled()


def test_a_message_before_the_first_paint_is_laid_out_as_later(qtbot: QtBot) -> None:
    dialog = SignInDialog(None)
    qtbot.addWidget(dialog)
    dialog.try_sign_in()  # nothing typed: a message, before the window was ever shown
    assert dialog._finished
    assert dialog.message_label.alignment() == (
        Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft
    )
