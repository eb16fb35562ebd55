"""Defect 10: the integrity check never delays signing in; a failed check blocks writes and the
clerk is told to restore from the last backup."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from onestop_desktop import app as app_module
from onestop_desktop.errors import AuthError, StorageError
from onestop_desktop.paths import DataDir
from onestop_desktop.services import demo, users
from onestop_desktop.services.context import Session
from onestop_desktop.store.db import Store
from onestop_desktop.ui import i18n, integrity, signin
from onestop_desktop.ui.integrity import IntegrityCheck
from onestop_desktop.ui.mainwindow import MainWindow

PROBLEM = "*** in database main ***\nPage 42: btree cell count is wrong"
RESTORE = (
    "Cơ sở dữ liệu bị hỏng nên chương trình không ghi thêm thay đổi nào; "
    "hãy khôi phục từ bản sao lưu gần nhất (onestop restore)"
)

Opened = Callable[[sqlite3.Connection], None]


class SlowCheck:
    """A check that holds until released, then reports ``problems`` (the real one takes ~10 s
    at a million dossiers; the test decides when it ends)."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        self.started = threading.Event()
        self.release = threading.Event()

    def __call__(self, path: Path, opened: Opened) -> list[str]:
        self.started.set()
        assert self.release.wait(30), "the test never released the check"
        return list(self.problems)


def test_the_real_quick_check_passes_on_a_sound_database(qtbot: QtBot, store: Store) -> None:
    check = IntegrityCheck(store)
    with qtbot.waitSignal(check.done, timeout=30000) as done:
        check.start()
    assert done.args == [[]]
    assert check.problems() == [] and check.error() is None
    assert not store.write_guard.blocked


def test_the_real_quick_check_finds_a_damaged_file(tmp_path: Path, demo_data: DataDir) -> None:
    damaged = tmp_path / "damaged.db"
    shutil.copyfile(demo_data.database, damaged)
    with damaged.open("r+b") as fh:  # overwrite pages in the middle of the file
        size = fh.seek(0, 2)
        fh.seek(size // 2)
        fh.write(b"\xff" * 16384)
    assert integrity.quick_check(damaged, lambda _conn: None) != []


def test_signing_in_completes_while_the_check_still_runs(qtbot: QtBot, store: Store) -> None:
    slow = SlowCheck([])
    check = IntegrityCheck(store, check=slow).start()
    assert slow.started.wait(10)
    dialog = signin.SignInDialog(store, username="tiepnhan")
    qtbot.addWidget(dialog)
    dialog.password_edit.setText(demo.DEMO_PASSWORD)
    assert dialog.try_sign_in()
    assert dialog.session() is not None
    assert not check.is_done(), "the check was still running"
    slow.release.set()
    qtbot.waitUntil(check.is_done, timeout=10000)
    assert not store.write_guard.blocked


def test_a_failed_check_blocks_writes_and_says_what_to_do(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    window = MainWindow(
        session, settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(window)
    check = IntegrityCheck(session.store, check=lambda _path, _opened: [PROBLEM])
    check.failed.connect(window.show_integrity_problem)
    with qtbot.waitSignal(check.failed, timeout=10000) as failed:
        check.start()
    (error,) = failed.args
    assert isinstance(error, StorageError)
    assert error.message == RESTORE
    assert PROBLEM in error.detail

    # A write through a service is refused with that message, and nothing is written.
    with pytest.raises(StorageError) as refused:
        users.sign_in(session.store, "tiepnhan", "wrong-password")
    assert refused.value.message == RESTORE
    failed_attempts = session.store.query(
        "SELECT failed_attempts FROM users WHERE username = 'tiepnhan'"
    )[0]["failed_attempts"]
    assert failed_attempts == 0
    # Reading still works: the clerk can look dossiers up.
    assert window.model.rowCount() > 0
    window.refresh()
    assert window.count() is not None

    # The clerk is told plainly, in the window and in a box.
    assert window.banner.isVisibleTo(window)
    assert window.banner.text() == RESTORE
    boxes = [b for b in window.findChildren(QMessageBox) if b.objectName() == "errorBox"]
    assert [b.text() for b in boxes] == [RESTORE]
    assert boxes[0].windowTitle() == "Cơ sở dữ liệu bị hỏng — OneStop Desktop"
    boxes[0].close()


def test_cancel_interrupts_a_running_check(qtbot: QtBot, store: Store) -> None:
    interrupted = threading.Event()

    def endless(path: Path, opened: Opened) -> list[str]:
        conn = sqlite3.connect(str(path))
        opened(conn)
        try:
            # A query that runs until interrupted.
            conn.execute(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
                "SELECT count(*) FROM n"
            ).fetchone()
        except sqlite3.OperationalError:
            interrupted.set()
            raise
        finally:
            conn.close()
        return []

    check = IntegrityCheck(store, check=endless).start()
    qtbot.wait(100)
    check.cancel()
    assert check.wait_finished(10)
    assert interrupted.is_set()
    assert not store.write_guard.blocked


# ------------------------------------------------------------------ through app.run()


def _quiet_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app_module.logging_setup, "configure", lambda *_a, **_k: None)
    monkeypatch.setenv(i18n.ENV_VAR, "vi")


def test_run_signs_in_before_the_check_ends_then_blocks_writes(
    qtbot: QtBot, qapp: QApplication, demo_data: DataDir, monkeypatch: pytest.MonkeyPatch
) -> None:
    _quiet_run(monkeypatch)
    slow = SlowCheck([PROBLEM])
    monkeypatch.setattr(integrity, "quick_check", slow)
    seen: dict[str, object] = {}

    def wait_for_session(dialog: signin.SignInDialog) -> Session:
        assert slow.started.wait(10)
        session = users.sign_in(dialog._store, "tiepnhan", demo.DEMO_PASSWORD)  # type: ignore[arg-type]
        seen["signed in while checking"] = not slow.release.is_set()
        return session

    def fake_exec() -> int:
        (window,) = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        qtbot.addWidget(window)
        assert not window.banner.isVisibleTo(window), "no fault known yet"
        slow.release.set()
        qtbot.waitUntil(lambda: window.banner.isVisibleTo(window), timeout=10000)
        seen["banner"] = window.banner.text()
        with pytest.raises(StorageError) as refused, window.session().store.atomic():
            pass
        seen["write"] = refused.value.message
        for box in window.findChildren(QMessageBox):
            box.close()
        return 0

    monkeypatch.setattr(signin.SignInDialog, "wait_for_session", wait_for_session)
    monkeypatch.setattr(qapp, "exec", fake_exec)
    assert app_module.run(demo_data, ["onestop"]) == 0
    assert seen == {"signed in while checking": True, "banner": RESTORE, "write": RESTORE}


def test_run_shows_the_sign_in_window_again_after_signing_out(
    qtbot: QtBot, qapp: QApplication, demo_data: DataDir, monkeypatch: pytest.MonkeyPatch
) -> None:
    _quiet_run(monkeypatch)
    dialogs: list[signin.SignInDialog] = []

    def wait_for_session(dialog: signin.SignInDialog) -> Session | None:
        dialogs.append(dialog)
        if len(dialogs) == 1:
            return users.sign_in(dialog._store, "tiepnhan", demo.DEMO_PASSWORD)  # type: ignore[arg-type]
        return None  # the second time, the clerk closes the sign-in window

    def fake_exec() -> int:
        (window,) = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        qtbot.addWidget(window)
        window.sign_out()
        return 0

    monkeypatch.setattr(signin.SignInDialog, "wait_for_session", wait_for_session)
    monkeypatch.setattr(qapp, "exec", fake_exec)
    assert app_module.run(demo_data, ["onestop"]) == 0
    assert len(dialogs) == 2


def test_wrong_password_still_counts_when_the_database_is_sound(store: Store) -> None:
    with pytest.raises(AuthError):
        users.sign_in(store, "tiepnhan", "wrong-password")
    row = store.query("SELECT failed_attempts FROM users WHERE username = 'tiepnhan'")[0]
    assert row["failed_attempts"] == 1
