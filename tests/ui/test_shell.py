"""The main-window shell: one shortcut table behind the menus, toolbar and Help list; screens
and navigation; remembered size and columns; backup in the background; sign out; labels."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QSize
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from onestop_desktop import __version__
from onestop_desktop.domain.roles import Role
from onestop_desktop.domain.status import STATUS_LABELS, Status
from onestop_desktop.services import dossiers
from onestop_desktop.services.context import Session
from onestop_desktop.store import backup
from onestop_desktop.ui import labels, mainwindow
from onestop_desktop.ui.mainwindow import MainWindow
from onestop_desktop.ui.shortcuts import MENUS, SHORTCUTS, ShortcutsDialog
from onestop_desktop.ui.worklist_screen import WorklistScreen

from .conftest import DEMO_DOSSIERS


def ini(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot: QtBot, session: Session, tmp_path: Path) -> MainWindow:
    win = MainWindow(session, settings=ini(tmp_path))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=2000)
    return win


def press(window: MainWindow, keys: str) -> None:
    """Type ``keys`` (e.g. "Ctrl+1") on the window's focused widget, as the keyboard does."""
    combo = QKeySequence(keys)[0]
    target = window.focusWidget() or window
    QTest.keyClick(target, combo.key(), combo.keyboardModifiers())


# ------------------------------------------------------------------ the one table


def test_every_command_has_its_own_key_and_a_handler() -> None:
    ids = [s.action_id for s in SHORTCUTS]
    assert len(set(ids)) == len(ids)
    keys = [s.key_sequence() for s in SHORTCUTS]
    assert all(not k.isEmpty() for k in keys)
    assert len({k.toString() for k in keys}) == len(keys), "two commands share a key"
    menus = {menu_id for menu_id, _title in MENUS}
    for item in SHORTCUTS:
        assert item.menu in menus
        assert callable(getattr(MainWindow, item.handler)), item.handler
        assert item.label.count("&") == 1, "one accelerator per menu entry"


def test_menus_and_toolbar_are_built_from_the_table(window: MainWindow) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&Hệ thống", "Hồ &sơ", "Báo &cáo", "&Quản trị", "Trợ &giúp"]
    visible = [a.text() for a in window.menuBar().actions() if a.isVisible()]
    # The clerk of this fixture is no admin: the admin menu is not shown to them.
    assert visible == ["&Hệ thống", "Hồ &sơ", "Báo &cáo", "Trợ &giúp"]
    in_menus = {
        action.objectName(): menu_id
        for menu_id, menu in window.menus.items()
        for action in menu.actions()
    }
    assert in_menus == {s.action_id: s.menu for s in SHORTCUTS}
    toolbar = [a.objectName() for a in window.toolbar.actions()]
    assert toolbar == [s.action_id for s in SHORTCUTS if s.toolbar]
    for item in SHORTCUTS:
        action = window.actions_by_id[item.action_id]
        assert action.shortcut() == item.key_sequence()
        assert action.text() == item.label
    assert window.actions_by_id["backup"].text() == "&Sao lưu ngay"
    assert window.actions_by_id["refresh"].toolTip() == "Tải lại (F5)"


def test_help_lists_every_shortcut_of_the_table(qtbot: QtBot, window: MainWindow) -> None:
    press(window, "F1")
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, ShortcutsDialog)]
    qtbot.waitUntil(lambda: any(d.isVisible() for d in dialogs), timeout=2000)
    (dialog,) = [d for d in dialogs if d.isVisible()]
    assert dialog.windowTitle() == "Phím tắt — OneStop Desktop"
    rows = dialog.rows()
    assert [r[0] for r in rows] == [s.action_id for s in SHORTCUTS]
    as_listed = {action_id: (command, keys) for action_id, command, keys in rows}
    assert as_listed["backup"] == ("Sao lưu ngay", "Ctrl+B")
    assert as_listed["search"] == ("Tìm hồ sơ", "Ctrl+F")
    assert as_listed["shortcuts"] == ("Phím tắt", "F1")
    for item in SHORTCUTS:
        shown = as_listed[item.action_id]
        assert shown[1] == item.key_sequence().toString(QKeySequence.SequenceFormat.NativeText)
    dialog.accept()


def test_menus_in_english(window: MainWindow, english: None, qtbot: QtBot) -> None:
    qtbot.waitUntil(
        lambda: (
            [a.text() for a in window.menuBar().actions()]
            == ["&System", "&Dossiers", "&Reports", "&Administration", "&Help"]
        ),
        timeout=2000,
    )
    assert window.actions_by_id["backup"].text() == "&Back up now"
    assert window.actions_by_id["shortcuts"].text() == "&Keyboard shortcuts"


def test_about_says_version_and_station(window: MainWindow) -> None:
    box = window.show_about()
    assert box.isVisible()
    assert f"OneStop Desktop {__version__}" in box.text()
    assert "máy trạm 1" in box.text()
    assert [b.text() for b in box.buttons()] == ["Đóng"]
    box.close()


# ------------------------------------------------------------------ screens and navigation


def test_the_worklist_is_the_first_screen(window: MainWindow) -> None:
    assert window.screen_ids()[0] == "worklist"
    assert "dossier" in window.screen_ids()  # the dossier view (#9) is there from the start
    assert window.current_screen() == "worklist"
    assert isinstance(window.stack.currentWidget(), WorklistScreen)
    assert window.windowTitle().count("OneStop Desktop") == 1


def test_navigation_between_screens_by_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    other = QLineEdit()
    other.setObjectName("otherScreen")
    window.add_screen("other", other)
    changes: list[str] = []
    window.screenChanged.connect(changes.append)

    window.show_screen("other")
    assert window.current_screen() == "other"
    assert window.focusWidget() is other
    assert window.mode_label.text() == ""

    press(window, "Ctrl+1")
    assert window.current_screen() == "worklist"
    assert window.focusWidget() is window.search_box
    assert window.mode_label.text().startswith("Hồ sơ mới nhận ở trên cùng")

    window.show_screen("other")
    press(window, "Ctrl+F")  # search works from any screen
    assert window.current_screen() == "worklist"
    assert window.focusWidget() is window.search_box
    assert changes == ["other", "worklist", "other", "worklist"]
    with pytest.raises(ValueError):
        window.add_screen("other", QLineEdit())


def test_refresh_key_reloads_rows_and_count(window: MainWindow, session: Session) -> None:
    resets: list[None] = []
    window.model.modelReset.connect(lambda: resets.append(None))
    intake = dossiers.Intake(
        procedure_code=window.model.dossier(0).procedure_code,
        applicant=dossiers.Applicant(name="Trần Văn Mới"),
        acknowledge_duplicates=True,
    )
    dossiers.receive(session, intake)
    assert window.count() == DEMO_DOSSIERS
    press(window, "F5")
    assert resets == [None]
    assert window.count() == DEMO_DOSSIERS + 1
    assert window.model.dossier(0).applicant_name == "Trần Văn Mới"


# ------------------------------------------------------------------ size and columns


def test_first_size_fits_a_1024x768_screen(window: MainWindow) -> None:
    room = window.screen().availableGeometry().size()
    assert window.width() <= room.width() and window.height() <= room.height()
    assert window.minimumSize().width() <= 1024 and window.minimumSize().height() <= 768
    assert mainwindow.MINIMUM_SIZE.boundedTo(QSize(1024, 768)) == mainwindow.MINIMUM_SIZE


def test_size_and_columns_are_remembered(qtbot: QtBot, session: Session, tmp_path: Path) -> None:
    first = MainWindow(session, settings=ini(tmp_path))
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    # The offscreen screen is 800×600: a size inside it that is not the first size.
    assert first.size() != QSize(800, 570)
    first.resize(800, 570)
    first.table.setColumnWidth(0, 321)
    assert first.close()

    second = MainWindow(session, settings=ini(tmp_path))
    qtbot.addWidget(second)
    assert second.size() == QSize(800, 570)
    assert second.table.columnWidth(0) == 321


# ------------------------------------------------------------------ backup, sign out


def test_backup_now_runs_in_the_background_and_says_where(
    qtbot: QtBot, window: MainWindow, session: Session
) -> None:
    assert session.store.path is not None
    folder = session.store.path.parent / "backups"
    press(window, "Ctrl+B")
    worker = window.backup_worker()
    assert worker is not None
    assert not window.actions_by_id["backup"].isEnabled(), "one backup at a time"
    assert window.busy.isVisible()
    with qtbot.waitSignal(worker.finished, timeout=30000):
        pass
    (made,) = sorted(folder.glob("onestop-*.db"))
    info = backup.verify_backup(made)
    assert info.dossiers == DEMO_DOSSIERS
    assert window.statusBar().currentMessage() == (
        f"Đã sao lưu 300 hồ sơ vào tệp {made.name} (thư mục backups)"
    )
    assert window.actions_by_id["backup"].isEnabled()
    assert not window.busy.isVisible()
    assert window.backup_worker() is None


def test_a_failed_backup_is_shown_as_a_message(
    qtbot: QtBot, window: MainWindow, session: Session
) -> None:
    assert session.store.path is not None
    backups = session.store.path.parent / "backups"
    shutil.rmtree(backups, ignore_errors=True)
    backups.write_text("not a folder")  # the backup cannot make its folder
    worker = window.backup_now()
    assert worker is not None
    with qtbot.waitSignal(worker.failed, timeout=30000):
        pass
    boxes = [w for w in window.findChildren(QMessageBox) if w.objectName() == "errorBox"]
    qtbot.waitUntil(lambda: any(b.isVisible() for b in boxes), timeout=2000)
    assert window.statusBar().currentMessage() == "Sao lưu không thành công"
    for box in boxes:
        box.close()


def test_sign_out_closes_the_window(qtbot: QtBot, window: MainWindow) -> None:
    assert not window.signed_out()
    press(window, "Ctrl+Shift+L")
    assert not window.isVisible()
    assert window.signed_out()


def test_quit_closes_without_signing_out(window: MainWindow) -> None:
    press(window, "Ctrl+Q")
    assert not window.isVisible()
    assert not window.signed_out()


# ------------------------------------------------------------------ labels


def test_labels_equal_their_sources() -> None:
    assert dict(STATUS_LABELS) == labels.STATUS_TEXTS
    assert {r: r.label for r in Role} == labels.ROLE_TEXTS
    assert dict(dossiers.CHANNELS) == labels.CHANNEL_TEXTS


def test_labels_in_english(english: None) -> None:
    assert labels.status_text(Status.RETURNED) == "Result returned"
    assert labels.role_text(Role.CLERK) == "Reception clerk"
    assert labels.channel_text("postal") == "Postal service"
    assert labels.channel_text("fax") == "fax"


def test_the_app_has_its_icon(qapp: QApplication) -> None:
    from onestop_desktop import app as bootstrap

    icon = bootstrap.app_icon()
    assert not icon.isNull()
    sizes = {(s.width(), s.height()) for s in icon.availableSizes()}
    assert {(16, 16), (32, 32), (256, 256)} <= sizes
