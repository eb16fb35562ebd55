"""The status bar's backup state and the GUI's automatic backups (#14, ui/backup_status.py)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from onestop_desktop.domain import clock
from onestop_desktop.paths import DataDir
from onestop_desktop.services import autobackup, backup
from onestop_desktop.services.context import Session
from onestop_desktop.store.db import Store
from onestop_desktop.ui.backup_status import BackupStatus
from onestop_desktop.ui.mainwindow import MainWindow


class Clock:
    """The session's clock, moved by the test."""

    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


def _data(session: Session) -> DataDir:
    assert session.store.path is not None
    return DataDir(session.store.path.parent)


def _wait_done(qtbot: QtBot, status: BackupStatus) -> None:
    qtbot.waitUntil(lambda: status.worker() is None, timeout=20000)


def test_last_good_backup_shown_then_a_warning_after_a_day(qtbot: QtBot, session: Session) -> None:
    data = _data(session)
    for old in backup.list_backups(data.backups):  # the demo's own, if any
        old.path.unlink()
    fake = Clock(datetime(2026, 3, 2, 9, 15, tzinfo=clock.VN_TZ))
    session.store.now = fake  # type: ignore[method-assign]
    status = BackupStatus(session, data, auto=False)
    qtbot.addWidget(status)
    assert status.text() == "Chưa có bản sao lưu nào" and status.is_warning()
    assert "color: #b00020" in status.styleSheet()

    autobackup.run(session, data)
    status.refresh()
    assert status.text() == "Sao lưu: 02/03/2026 09:15"
    assert status.toolTip().startswith("Sao lưu gần nhất: 02/03/2026 09:15\n")
    assert not status.is_warning() and status.styleSheet() == ""

    fake.moment += timedelta(hours=23)
    status.refresh()
    assert not status.is_warning()
    fake.moment += timedelta(hours=1, minutes=1)  # more than a day since
    status.refresh()
    assert status.is_warning()
    assert status.text() == "Chưa sao lưu từ 02/03/2026 09:15"
    assert status.toolTip().startswith("Đã hơn một ngày chưa sao lưu (lần cuối 02/03/2026 09:15)")


def test_the_poll_backs_up_when_due_and_when_the_stick_is_plugged_in(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    data = _data(session)
    stick = tmp_path / "usb"
    session.store.set_setting("backup_second_folder", str(stick))
    status = BackupStatus(session, data, poll_ms=50)
    qtbot.addWidget(status)
    with qtbot.waitSignal(status.ran, timeout=20000) as first:
        pass  # the first poll: nothing made today → the daily backup
    result = first.args[0]
    assert result.places[0].made is not None
    assert "USB chưa cắm" in status.describe(result)
    _wait_done(qtbot, status)
    assert status.poll() is None  # nothing due now (the stick is absent)
    assert not status.is_warning()

    stick.mkdir()  # plugged in
    with qtbot.waitSignal(status.ran, timeout=20000) as second:
        pass
    made = second.args[0].places[1].made
    assert made is not None and made.path.parent == stick
    backup.verify(made.path)
    assert status.describe(second.args[0]) == "Đã tự sao lưu và kiểm tra (1 nơi)"
    _wait_done(qtbot, status)
    status.stop()


def test_the_main_window_shows_it_and_signing_out_backs_up(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    data = _data(session)
    before = {b.path for b in backup.list_backups(data.backups)}
    win = MainWindow(
        session, settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(win)
    assert win.backup_status is not None
    assert win.backup_status.parent() is not None
    assert win.backup_status in win.statusBar().findChildren(BackupStatus)
    win.backup_status.timer.stop()  # this test drives the sign-out only
    win.sign_out()
    after = {b.path for b in backup.list_backups(data.backups)} - before
    assert len(after) == 1
    (made,) = after
    assert made.name.startswith("onestop-auto-")
    backup.verify(made)


def test_the_admin_backup_list_shows_the_second_place(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    from onestop_desktop.services import demo, users
    from onestop_desktop.ui.admin.backup import BackupScreen

    admin = users.sign_in(store, "admin", demo.DEMO_PASSWORD)
    stick = tmp_path / "usb"
    store.set_setting("backup_second_folder", str(stick))
    screen = BackupScreen(admin)
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: screen.worker() is None, timeout=10000)
    assert screen.place_box.count() == 2
    screen.place_box.setCurrentIndex(1)  # the stick is not plugged in
    assert screen.model.rowCount() == 0
    assert "USB chưa cắm" in screen.message.text()
    stick.mkdir()
    made = autobackup.run(admin, _data(admin)).places[1].made
    assert made is not None
    screen.place_box.setCurrentIndex(0)
    qtbot.waitUntil(lambda: screen.worker() is None, timeout=10000)
    screen.place_box.setCurrentIndex(1)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=10000)
    qtbot.waitUntil(lambda: screen.worker() is None, timeout=10000)
    row = screen.model.rows()[0]
    assert row.path == made.path and row.dossiers == made.dossiers
    assert str(stick) in screen.folder_label.text()


def test_a_backup_made_now_shows_in_the_status_bar_at_once(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    """Ctrl+B and the admin screen's «Sao lưu ngay» refresh the label without waiting for
    the next poll (it said «no backup yet» for up to 10 s after one was made)."""
    from onestop_desktop.services import demo, users

    admin = users.sign_in(store, "admin", demo.DEMO_PASSWORD)
    win = MainWindow(
        admin, settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(win)
    status = win.backup_status
    assert status is not None
    status.timer.stop()  # no poll: only the backups themselves may change the label
    _wait_done(qtbot, status)
    status.refresh()
    assert status.text() == "Chưa có bản sao lưu nào"
    worker = win.backup_now()
    assert worker is not None
    qtbot.waitUntil(lambda: win.backup_worker() is None, timeout=30000)
    assert status.text().startswith("Sao lưu: ")
    # The admin screen's own button: the label is refreshed from its signal.
    for made in backup.list_backups(_data(admin).backups):
        made.path.unlink()
    status.refresh()
    assert status.text() == "Chưa có bản sao lưu nào"
    screen = win.show_admin("admin_backup")
    assert screen is not None
    qtbot.waitUntil(lambda: screen.worker() is None, timeout=10000)  # type: ignore[attr-defined]
    with qtbot.waitSignal(screen.backed_up, timeout=30000):  # type: ignore[attr-defined]
        screen.backup_now()  # type: ignore[attr-defined]
    assert status.text().startswith("Sao lưu: ")
    qtbot.waitUntil(lambda: screen.worker() is None, timeout=10000)  # type: ignore[attr-defined]
