"""Idle lock, Ctrl+L, switch user, the language dialog, the crash path of slots (#9: 7, 8)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPointF, QSettings, Qt
from PySide6.QtGui import QKeySequence, QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QPushButton
from pytestqt.qtbot import QtBot

from onestop_desktop import app as app_module
from onestop_desktop.paths import DataDir
from onestop_desktop.services import demo, settings
from onestop_desktop.services.context import Session
from onestop_desktop.store.db import Store
from onestop_desktop.ui import i18n, msgbox, signin
from onestop_desktop.ui.language import LanguageDialog
from onestop_desktop.ui.lockscreen import IdleLock
from onestop_desktop.ui.mainwindow import MainWindow
from tests.helpers.typing import type_text


def ini(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


def set_idle(store: Store, minutes: str) -> None:
    settings.set_setting(Session.operator(store), "idle_lock_minutes", minutes)


def failures(store: Store, username: str) -> int:
    rows = store.query("SELECT failed_attempts FROM users WHERE username = ?", [username])
    return int(rows[0]["failed_attempts"])


@pytest.fixture
def make_window(qtbot: QtBot, session: Session, tmp_path: Path):  # type: ignore[no-untyped-def]
    def make() -> MainWindow:
        win = MainWindow(session, settings=ini(tmp_path))
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        return win

    return make


@pytest.fixture
def window(make_window) -> MainWindow:  # type: ignore[no-untyped-def]
    return make_window()


# ------------------------------------------------------------------ the setting


def test_idle_setting_defaults_to_ten_minutes_and_is_checked(store: Store) -> None:
    assert settings.value(store, settings.IDLE_LOCK_MINUTES) == 10
    assert settings.IDLE_LOCK_MINUTES.normalise(" 05 ") == "5"
    for bad in ("-1", "241", "mười", ""):
        with pytest.raises(settings.Invalid):
            settings.IDLE_LOCK_MINUTES.parse(bad)


def test_the_idle_timer_follows_the_setting(store: Store, make_window) -> None:  # type: ignore[no-untyped-def]
    set_idle(store, "1")
    window = make_window()
    idle: IdleLock = window.idle_lock
    assert idle.minutes() == 1
    assert idle.timer.isActive() and idle.timer.interval() == 60_000
    assert idle.timer.isSingleShot()


def test_zero_never_locks(store: Store, make_window) -> None:  # type: ignore[no-untyped-def]
    set_idle(store, "0")
    window = make_window()
    assert not window.idle_lock.timer.isActive()
    QTest.keyClick(window.search_box, Qt.Key.Key_A)
    assert not window.idle_lock.timer.isActive(), "input does not start a lock that is off"


# ------------------------------------------------------------------ locking


def test_input_restarts_the_timer_and_idleness_locks(
    qtbot: QtBot,
    store: Store,
    make_window,  # type: ignore[no-untyped-def]
) -> None:
    set_idle(store, "2")
    window = make_window()
    idle: IdleLock = window.idle_lock
    viewport = window.table.viewport()
    centre = QPointF(viewport.rect().center())
    # The events as the application delivers them (sendEvent passes the application's event
    # filter, which is what the idle lock watches); QTest's synthetic mouse moves depend on
    # where an earlier test left the cursor and on the window being exposed.
    for send in (
        lambda: QTest.keyClick(window.search_box, Qt.Key.Key_B),
        lambda: QApplication.sendEvent(
            viewport,
            QMouseEvent(
                QEvent.Type.MouseMove,
                centre,
                centre,
                Qt.MouseButton.NoButton,
                Qt.MouseButton.NoButton,
                Qt.KeyboardModifier.NoModifier,
            ),
        ),
        lambda: QTest.mouseClick(viewport, Qt.MouseButton.LeftButton),
    ):
        idle.timer.stop()
        send()
        assert idle.timer.isActive(), "any key or mouse use counts as activity"
    assert not idle.is_locked()
    with qtbot.waitSignal(idle.locked, timeout=2000):
        idle.timer.timeout.emit()  # the minutes have passed: driven, not waited for
    screen = idle.screen
    assert idle.is_locked() and screen.isVisible()
    assert screen.isWindow() and screen.windowModality() == Qt.WindowModality.ApplicationModal
    assert screen.geometry().size() == window.frameGeometry().size()
    assert screen.title_label.text() == "Máy đang khóa"
    who = screen.who_label.text()
    assert who.startswith("Đang đăng nhập: Nguyễn Thị Lan (tiepnhan), Cán bộ tiếp nhận")
    assert demo.DEMO_UNIT_NAME in who
    assert not idle.timer.isActive(), "no timer runs while locked"
    # Input while locked does not restart anything.
    QTest.keyClick(screen.password_edit, Qt.Key.Key_X)
    assert not idle.timer.isActive()


def test_wrong_password_counts_toward_the_lockout_and_the_right_one_unlocks(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    idle: IdleLock = window.idle_lock
    window.search_box.setFocus()
    window.actions_by_id["lock"].trigger()  # Ctrl+L
    screen = idle.screen
    assert idle.is_locked()
    assert window.actions_by_id["lock"].shortcut() == QKeySequence("Ctrl+L")
    type_text(screen.password_edit, "sai-mat-khau\n")
    assert screen.message() == (
        "Sai tên đăng nhập hoặc mật khẩu (nhập sai 5 lần liên tiếp thì tài khoản bị khóa 15 phút)"
    )
    assert failures(store, "tiepnhan") == 1, "counted as at the sign-in window"
    assert screen.password_edit.text() == "" and idle.is_locked()
    screen.unlock_button.click()
    assert screen.message() == "Chưa nhập mật khẩu"
    with qtbot.waitSignal(idle.unlocked, timeout=5000):
        type_text(screen.password_edit, demo.DEMO_PASSWORD + "\n")
    assert not idle.is_locked() and not screen.isVisible()
    assert failures(store, "tiepnhan") == 0
    assert idle.timer.isActive(), "watching again"
    assert window.focusWidget() is window.search_box, "the cursor goes back where it was"


def test_a_closed_window_is_never_covered(window: MainWindow) -> None:
    window.close()
    window.idle_lock.timer.timeout.emit()
    assert not window.idle_lock.is_locked()


def test_five_wrong_passwords_at_the_lock_lock_the_account(
    window: MainWindow, store: Store
) -> None:
    idle: IdleLock = window.idle_lock
    idle.lock()
    for _ in range(5):
        idle.screen.password_edit.setText("sai-mat-khau")
        assert not idle.screen.try_unlock()
    assert idle.screen.message() == "Sai mật khẩu 5 lần liên tiếp: tài khoản bị khóa 15 phút"
    idle.screen.password_edit.setText(demo.DEMO_PASSWORD)
    assert not idle.screen.try_unlock(), "locked out: even the right password waits"
    assert idle.screen.message().startswith("Tài khoản bị khóa do nhập sai mật khẩu 5 lần")
    assert idle.is_locked()


def test_a_dialog_open_under_the_lock_keeps_its_content(qtbot: QtBot, window: MainWindow) -> None:
    form = QDialog(window)
    qtbot.addWidget(form)
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout

    edit = QLineEdit(form)
    QVBoxLayout(form).addWidget(edit)
    form.show()
    type_text(edit, "Nguyễn Văn Đức")
    window.idle_lock.lock()
    assert form.isVisible(), "nothing is closed by the lock"
    assert window.idle_lock.screen.password_edit.text() == ""
    assert window.idle_lock.screen.try_unlock() is False
    window.idle_lock.screen.password_edit.setText(demo.DEMO_PASSWORD)
    assert window.idle_lock.screen.try_unlock()
    assert form.isVisible() and edit.text() == "Nguyễn Văn Đức"


# ------------------------------------------------------------------ switch user


def test_switch_user_from_the_lock_ends_the_session(qtbot: QtBot, window: MainWindow) -> None:
    window.idle_lock.lock()
    screen = window.idle_lock.screen
    assert screen.switch_button.text() == "Đăng nhập &người khác"
    screen.switch_button.click()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=2000)
    assert window.signed_out() and window.switched_user()
    assert not screen.isVisible()


def test_ctrl_shift_u_switches_user(qtbot: QtBot, window: MainWindow) -> None:
    assert window.actions_by_id["switch_user"].shortcut() == QKeySequence("Ctrl+Shift+U")
    window.actions_by_id["switch_user"].trigger()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=2000)
    assert window.signed_out() and window.switched_user()


def _quiet_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app_module.logging_setup, "configure", lambda *_a, **_k: None)
    monkeypatch.setenv(i18n.ENV_VAR, "vi")


@pytest.mark.parametrize("switch", [True, False], ids=["switch-user", "sign-out"])
def test_the_app_rebuilds_the_main_window_for_the_next_user(
    qtbot: QtBot,
    qapp: QApplication,
    demo_data: DataDir,
    monkeypatch: pytest.MonkeyPatch,
    switch: bool,
) -> None:
    _quiet_run(monkeypatch)
    dialogs: list[tuple[str, bool]] = []
    windows: list[MainWindow] = []
    accounts = ["tiepnhan", "chuyenvien"]

    def wait_for_session(dialog: signin.SignInDialog) -> Session | None:
        dialogs.append((dialog.username_edit.text(), dialog.switch_button.isVisibleTo(dialog)))
        if not accounts:
            return None
        name = accounts.pop(0)
        dialog.username_edit.setText(name)
        dialog.password_edit.setText(demo.DEMO_PASSWORD)
        assert dialog.try_sign_in(), dialog.message()
        return dialog.session()

    def fake_exec() -> int:
        (window,) = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        qtbot.addWidget(window)
        windows.append(window)
        if switch:
            window.switch_user()
        else:
            window.sign_out()
        return 0

    monkeypatch.setattr(signin.SignInDialog, "wait_for_session", wait_for_session)
    monkeypatch.setattr(qapp, "exec", fake_exec)
    assert app_module.run(demo_data, ["onestop"]) == 0
    assert [w.session().actor.username for w in windows] == ["tiepnhan", "chuyenvien"]
    assert windows[0] is not windows[1], "a new main window for the new user"
    if switch:
        assert dialogs == [("", False), ("", False), ("", False)], "the next user starts empty"
    else:
        # After a sign-out the last name is offered, with "Đăng nhập người khác" beside it.
        assert dialogs == [("", False), ("tiepnhan", True), ("chuyenvien", True)]


def test_sign_in_offers_another_user(qtbot: QtBot, store: Store) -> None:
    dialog = signin.SignInDialog(store, username="tiepnhan")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.switch_button.isVisible()
    assert dialog.switch_button.text() == "Đăng nhập người &khác"
    dialog.switch_button.click()
    assert dialog.username_edit.text() == "" and not dialog.switch_button.isVisible()
    assert dialog.focusWidget() is dialog.username_edit


# ------------------------------------------------------------------ language


def test_language_dialog_switches_live_and_is_kept(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(i18n.ENV_VAR, raising=False)
    assert window.actions_by_id["language"].shortcut() == QKeySequence("Ctrl+Alt+L")
    dialog = window.choose_language()
    assert isinstance(dialog, LanguageDialog)
    assert dialog.windowTitle() == "Ngôn ngữ / Language — OneStop Desktop"
    assert dialog.buttons_by_lang["vi"].isChecked()
    assert [b.text() for b in dialog.buttons_by_lang.values()] == ["Tiếng Việt", "English"]
    vietnamese_menu = window.menus["system"].title()
    dialog.buttons_by_lang["en"].setChecked(True)
    dialog.accept()
    assert i18n.current_language() == "en"
    assert ini(tmp_path).value(i18n.SETTINGS_KEY) == "en", "kept for the next start"
    qtbot.waitUntil(lambda: window.menus["system"].title() == "&System", timeout=2000)
    assert window.menus["system"].title() != vietnamese_menu
    # And back.
    dialog = window.choose_language()
    dialog.buttons_by_lang["vi"].setChecked(True)
    dialog.accept()
    assert i18n.current_language() == "vi"
    qtbot.waitUntil(lambda: window.menus["system"].title() == vietnamese_menu, timeout=2000)


def test_language_is_read_at_the_next_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(i18n.ENV_VAR, raising=False)
    from onestop_desktop.ui.language import save_language

    stored = ini(tmp_path)
    save_language("en", stored)
    assert i18n.normalise_language(stored.value(i18n.SETTINGS_KEY)) == "en"


def test_sign_in_window_has_the_language_key(qtbot: QtBot, store: Store) -> None:
    dialog = signin.SignInDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    chosen = dialog.choose_language()
    qtbot.addWidget(chosen)
    assert isinstance(chosen, LanguageDialog) and chosen.isVisible()
    chosen.reject()
    assert i18n.current_language() == "vi", "cancel changes nothing"


# ------------------------------------------------------------------ faults


@pytest.mark.qt_no_exception_capture
def test_a_bug_in_a_slot_opens_the_crash_dialog(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[msgbox.CrashDialog] = []

    def fake_exec(self: msgbox.CrashDialog) -> int:
        qtbot.addWidget(self)
        shown.append(self)
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(msgbox.CrashDialog, "exec", fake_exec)
    handler = msgbox.CrashHandler(tmp_path / "onestop.log")
    handler.install()
    try:
        button = QPushButton()
        qtbot.addWidget(button)

        def buggy() -> None:
            raise ZeroDivisionError("bug in a slot")

        button.clicked.connect(buggy)
        button.click()  # Qt calls the slot; PySide hands the exception to sys.excepthook
    finally:
        handler.uninstall()
    (dialog,) = shown
    assert "ZeroDivisionError: bug in a slot" in dialog.report
    assert "buggy" in dialog.report, "the traceback names the slot"
    assert sys.excepthook is not handler


@pytest.mark.parametrize(
    ("sqlite_says", "shown"),
    [
        (
            "attempt to write a readonly database",
            "Thư mục dữ liệu chỉ cho phép đọc, không ghi được",
        ),
        ("database or disk is full", "Ổ đĩa đã đầy, không ghi được dữ liệu"),
        ("database is locked", "Cơ sở dữ liệu đang bị một chương trình khác khóa, thử lại sau"),
    ],
)
def test_start_up_faults_are_plain_vietnamese(
    qapp: QApplication,
    demo_data: DataDir,
    monkeypatch: pytest.MonkeyPatch,
    sqlite_says: str,
    shown: str,
) -> None:
    import sqlite3

    _quiet_run(monkeypatch)
    seen: list[str] = []
    monkeypatch.setattr(
        msgbox, "show_error", lambda exc, parent=None, **_kw: seen.append(i18n.error_text(exc))
    )

    def refuse(*_a: object, **_k: object) -> sqlite3.Connection:
        raise sqlite3.OperationalError(sqlite_says)

    monkeypatch.setattr("onestop_desktop.store.db.sqlite3.connect", refuse)
    assert app_module.run(demo_data, ["onestop"]) == 1
    (text,) = seen
    assert text.startswith(shown), text


def test_a_database_held_by_another_program_is_said_plainly(
    qapp: QApplication, demo_data: DataDir, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    _quiet_run(monkeypatch)
    seen: list[str] = []
    monkeypatch.setattr(
        msgbox, "show_error", lambda exc, parent=None, **_kw: seen.append(i18n.error_text(exc))
    )
    monkeypatch.setattr("onestop_desktop.store.db.configure", _short_busy(monkeypatch))
    other = sqlite3.connect(str(demo_data.database), isolation_level=None)
    try:
        other.execute("PRAGMA locking_mode = EXCLUSIVE")
        other.execute("BEGIN EXCLUSIVE")
        other.execute("UPDATE settings SET value = value WHERE key = 'unit_code'")
        assert app_module.run(demo_data, ["onestop"]) != 0
    finally:
        other.close()
    (text,) = seen
    assert text.startswith("Cơ sở dữ liệu đang bị một chương trình khác khóa, thử lại sau"), text


def _short_busy(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """store.db.configure with a 200 ms busy timeout instead of 5 s (the test's patience)."""
    from onestop_desktop.store import db

    original = db.configure

    def configure(conn):  # type: ignore[no-untyped-def]
        original(conn)
        conn.execute("PRAGMA busy_timeout = 200")

    return configure


def test_an_unexpected_bug_at_start_up_opens_the_crash_dialog(
    qapp: QApplication, demo_data: DataDir, monkeypatch: pytest.MonkeyPatch
) -> None:
    _quiet_run(monkeypatch)
    reports: list[str] = []
    monkeypatch.setattr(
        msgbox.CrashDialog,
        "exec",
        lambda self: reports.append(self.report) or int(QDialog.DialogCode.Accepted),
    )

    def bug(_store: Store) -> None:
        raise RuntimeError("bug at start-up")

    monkeypatch.setattr("onestop_desktop.services.context.Station.load", bug)
    assert app_module.run(demo_data, ["onestop"]) == msgbox.CRASH_EXIT_CODE
    (report,) = reports
    assert "RuntimeError: bug at start-up" in report
