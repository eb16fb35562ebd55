"""The public board and the citizen lookup (#13): rotation, refresh when another connection
writes, masking, a busy database (no freeze, the last data kept) and no personal data shown."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from onestop_desktop.domain.privacy import mask_name
from onestop_desktop.errors import StorageError
from onestop_desktop.services import dossiers
from onestop_desktop.services.context import Session
from onestop_desktop.store.db import translate
from onestop_desktop.ui.board import BoardWindow
from onestop_desktop.ui.lookup import LookupPanel
from tests.unit.test_publish import assert_no_personal_data, personal_data


def _board(qtbot: QtBot, session: Session, **kw: object) -> BoardWindow:
    w = BoardWindow(session, height=768, **kw)  # type: ignore[arg-type]
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.refreshed, timeout=15000):
        pass
    return w


@pytest.fixture
def operator(session: Session) -> Session:
    """The board runs as the operator (read-only public view)."""
    return Session.operator(session.store)


def test_board_shows_ready_masked_and_no_personal_data(qtbot: QtBot, operator: Session) -> None:
    w = _board(qtbot, operator)
    snap = w.snapshot()
    assert snap is not None and snap.lanes["ready"]
    first = snap.lanes["ready"][0]
    full = operator.store.db.execute(
        "SELECT applicant_name FROM dossiers WHERE code = ?", [first.code]
    ).fetchone()[0]
    assert first.masked_name == mask_name(full)
    texts = w.texts()
    assert any(first.code in t and first.masked_name in t for t in texts)
    assert operator.store.path is not None
    secrets = personal_data(operator.store.path)
    # every rotating page, not only the one shown
    pages = []
    for _ in range(w.pages.count()):
        w.next_page()
        pages += w.texts()
    assert_no_personal_data(texts + pages, secrets)
    assert any("Đúng hạn trong tháng" in t for t in texts)
    w.stop()


def test_pages_rotate_by_the_timer(qtbot: QtBot, operator: Session) -> None:
    w = _board(qtbot, operator, rotate_ms=50)
    assert w.pages.count() >= 2
    start = w.pages.currentIndex()
    qtbot.waitUntil(lambda: w.pages.currentIndex() != start, timeout=3000)
    assert w.page_title.text() == w.page_titles()[w.pages.currentIndex()]
    # driving the timer's slot by hand wraps around
    for _ in range(w.pages.count()):
        w.next_page()
    assert w.pages.currentIndex() != -1
    assert any(t.startswith("Thủ tục hành chính") for t in w.page_titles())
    w.stop()


def test_follows_a_write_by_another_connection(qtbot: QtBot, operator: Session) -> None:
    w = _board(qtbot, operator)
    snap = w.snapshot()
    assert snap is not None
    candidates = list(snap.lanes["in_progress"])
    assert candidates, "the demo has dossiers in progress today"
    target = candidates[0]
    assert target.code not in {d.code for d in snap.lanes["ready"]}
    # the operator's own store is another connection than the board's reader
    dossiers.act(operator, target.code, "result_ready", {})

    def ready() -> bool:
        s = w.snapshot()
        return s is not None and target.code in {d.code for d in s.lanes["ready"]}

    qtbot.waitUntil(ready, timeout=8000)
    assert w.banner.isVisible() or not w.isVisible()
    assert target.code in w.banner.text()
    assert target.code in w.ready_list.text()
    w.stop()


def test_busy_database_never_freezes_and_keeps_the_last_data(
    qtbot: QtBot, operator: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = _board(qtbot, operator)
    assert w.snapshot() is not None and operator.store.path is not None
    holder = sqlite3.connect(operator.store.path, isolation_level=None)
    holder.execute("PRAGMA busy_timeout = 100")
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("UPDATE settings SET value = value WHERE key = 'unit_code'")
    try:
        started = time.perf_counter()
        w.refresh()
        assert time.perf_counter() - started < 0.1  # the GUI thread only queued a read
        with qtbot.waitSignals([w.refreshed], timeout=10000):
            pass  # WAL readers are not blocked by the writer: the read completes
        assert w.snapshot() is not None
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    # a read that fails (the lock outlived the board's short busy timeout: SQLite says
    # "database is locked"): the GUI thread is never blocked, the last good data stays
    shown = w.ready_list.text()
    kept = w.snapshot()

    def locked(path: Path) -> object:
        raise translate(sqlite3.OperationalError("database is locked"), path)

    monkeypatch.setattr("onestop_desktop.store.board.open_reader", locked)
    started = time.perf_counter()
    with qtbot.waitSignal(w.refresh_failed, timeout=10000):
        w.refresh()
        assert time.perf_counter() - started < 0.1
    assert isinstance(w.last_error, StorageError)
    assert w.ready_list.text() == shown
    assert w.snapshot() is kept
    assert "Đang chờ" in w.status_note.text()
    w.stop()


def test_lookup_shows_masked_status_then_clears(qtbot: QtBot, operator: Session) -> None:
    panel = LookupPanel(operator)
    qtbot.addWidget(panel)
    panel._clear.setInterval(200)
    code, name, idn = operator.store.db.execute(
        "SELECT code, applicant_name, applicant_id_number FROM dossiers "
        "WHERE applicant_id_number IS NOT NULL LIMIT 1"
    ).fetchone()
    qtbot.keyClicks(panel.field, code)  # ASCII only: a barcode reader's keystrokes
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    text = panel.answer.text()
    assert code in text and mask_name(name) in text
    assert name not in text and idn not in text
    assert panel.field.text() == ""
    qtbot.waitUntil(lambda: panel.answer.text() == "", timeout=3000)
    qtbot.keyClicks(panel.field, "000.00.12.H29-991231-9999")
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert "Không tìm thấy" in panel.answer.text()
    panel.close_reader()


def test_menu_command_opens_the_board_following_the_window(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    from PySide6.QtCore import QSettings

    from onestop_desktop.ui.mainwindow import MainWindow

    win = MainWindow(
        session, settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(win)
    action = win.actions_by_id["public_board"]
    assert action.shortcut().toString() == "Ctrl+Alt+B"
    assert "bảng" in action.text()
    action.trigger()
    board = win._public_board
    assert isinstance(board, BoardWindow)
    qtbot.waitUntil(lambda: board.snapshot() is not None, timeout=15000)
    assert board.datawatch is None  # it follows the window's dataChanged instead
    shown = board.snapshot()
    win.dataChanged.emit()
    qtbot.waitUntil(lambda: board.snapshot() is not shown, timeout=15000)
    board.close()
    win.datawatch.stop()
