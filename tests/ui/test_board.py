"""The public board and the citizen lookup (#13): rotation, refresh when another connection
writes, masking, a busy database (no freeze, the last data kept) and no personal data shown."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from onestop_desktop.domain.privacy import mask_name
from onestop_desktop.errors import StorageError
from onestop_desktop.services import dossiers
from onestop_desktop.services.context import Session
from onestop_desktop.store.board import BUSY_TIMEOUT_MS, open_reader
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
    for _ in range(w.page_count()):
        w.next_page()
        pages += w.texts()
    assert_no_personal_data(texts + pages, secrets)
    assert any("Đúng hạn trong tháng" in t for t in texts)
    w.stop()


def test_pages_rotate_by_the_timer(qtbot: QtBot, operator: Session) -> None:
    w = _board(qtbot, operator, rotate_ms=50)
    assert w.page_count() >= 2
    start = w.current_page()
    qtbot.waitUntil(lambda: w.current_page() != start, timeout=3000)
    assert w.page_title.text() == w.page_titles()[w.current_page()]
    # driving the timer's slot by hand wraps around to the page it started from
    here = w.current_page()
    for _ in range(w.page_count()):
        w.next_page()
    assert w.current_page() == here
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


HOLD_LOCK = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")
conn.execute("UPDATE settings SET value = value WHERE key = 'unit_code'")
print("locked", flush=True)
sys.stdin.readline()
conn.execute(sys.argv[2])
"""
"""Another process: takes the write lock with BEGIN EXCLUSIVE, writes, and holds it until told
(then COMMIT or ROLLBACK)."""


def _hold_lock(path: Path, end: str = "COMMIT") -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(path), end],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    return holder


def _release(holder: subprocess.Popen[str]) -> None:
    assert holder.stdin is not None
    holder.stdin.write("\n")
    holder.stdin.close()
    assert holder.wait(10) == 0
    assert holder.stdout is not None
    holder.stdout.close()


class _Stall:
    """The longest gap between two ticks of a 10 ms timer: how long the GUI thread was held."""

    def __init__(self) -> None:
        self.last = time.perf_counter()
        self.worst = 0.0
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last)
        self.last = now


def test_a_write_lock_held_by_another_process_never_blocks_the_board(
    qtbot: QtBot, operator: Session
) -> None:
    """WAL (every store is WAL): a clerk's import holding BEGIN EXCLUSIVE well past the
    board's 300 ms busy timeout does not stop the board's reads at all."""
    w = _board(qtbot, operator)
    assert operator.store.path is not None
    holder = _hold_lock(operator.store.path)
    try:
        stall = _Stall()
        with qtbot.waitSignal(w.refreshed, timeout=10000):
            w.refresh()
        qtbot.wait(int(BUSY_TIMEOUT_MS * 2))  # the lock outlives the busy timeout
        with qtbot.waitSignal(w.refreshed, timeout=10000):
            w.refresh()
        assert w.last_error is None and w.status_note.text() == ""
        stall.timer.stop()
        assert stall.worst < 0.25
    finally:
        _release(holder)
    w.stop()


def _rollback_journal_copy(session: Session, target: Path) -> Session:
    """A copy of the demo database in rollback-journal mode, where a writer's lock does keep
    readers out (a file some other tool opened without WAL): the board's failure path."""
    assert session.store.path is not None
    source = sqlite3.connect(session.store.path)
    copy = sqlite3.connect(target)
    source.backup(copy)
    source.close()
    assert copy.execute("PRAGMA journal_mode = DELETE").fetchone()[0] == "delete"
    copy.close()
    reader = open_reader(target)
    return Session(reader, session.station, session.actor)


def test_a_lock_that_keeps_readers_out_keeps_the_last_data_quietly_and_catches_up(
    qtbot: QtBot, operator: Session, tmp_path: Path
) -> None:
    ctx = _rollback_journal_copy(operator, tmp_path / "journal.db")
    w = _board(qtbot, ctx)
    w._retry_ms = 300  # the first retry, sooner than on a real board
    shown, kept = w.ready_list.text(), w.snapshot()
    assert ctx.store.path is not None
    holder = _hold_lock(ctx.store.path, "ROLLBACK")  # no commit: only the retry catches up
    try:
        stall = _Stall()
        started = time.perf_counter()
        with qtbot.waitSignal(w.refresh_failed, timeout=10000):
            w.refresh()
            assert time.perf_counter() - started < 0.1  # the GUI thread only queued a read
        assert isinstance(w.last_error, StorageError)  # SQLite's "database is locked", real
        assert w.ready_list.text() == shown and w.snapshot() is kept
        assert w.status_note.text() == "Đang chờ cập nhật dữ liệu…"  # nothing alarming
        qtbot.wait(1500)  # the lock stays; the board retries, the watch polls, nothing stalls
        code, _name, _idn = _a_dossier(operator)
        _scan(qtbot, w, code)  # a citizen scans meanwhile: a calm "try again later"
        assert w.lookup_answer.text().startswith("Chưa tra cứu được lúc này")
        stall.timer.stop()
        assert stall.worst < 0.25, stall.worst
        assert w.ready_list.text() == shown
    finally:
        _release(holder)
    # the lock is gone: the board catches up by itself (its retry), the note goes
    with qtbot.waitSignal(w.refreshed, timeout=15000):
        pass
    error: BaseException | None = w.last_error
    assert error is None and w.status_note.text() == ""
    assert w.snapshot() is not kept
    w.stop()
    ctx.store.close()


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


def _scan(qtbot: QtBot, w: BoardWindow, text: str) -> None:
    """A QR reader is a keyboard: the characters (ASCII), then Enter, into the board."""
    with qtbot.waitSignal(w.looked_up, timeout=10000):
        qtbot.keyClicks(w, text)
        qtbot.keyClick(w, Qt.Key.Key_Return)


def _a_dossier(session: Session) -> tuple[str, str, str]:
    code, name, idn = session.store.db.execute(
        "SELECT code, applicant_name, applicant_id_number FROM dossiers "
        "WHERE applicant_id_number IS NOT NULL AND due_at IS NOT NULL ORDER BY rid LIMIT 1"
    ).fetchone()
    return str(code), str(name), str(idn)


def test_a_scanned_code_shows_the_lookup_over_the_board_then_it_goes(
    qtbot: QtBot, operator: Session
) -> None:
    w = _board(qtbot, operator)
    w._lookup_timer.setInterval(300)
    code, name, idn = _a_dossier(operator)
    _scan(qtbot, w, code)
    assert w.lookup_shown()
    answer = w.lookup_answer.text()
    assert code in answer and mask_name(name) in answer and "Hẹn trả kết quả" in answer
    assert name not in answer and idn not in answer
    assert operator.store.path is not None
    assert_no_personal_data(w.texts(), personal_data(operator.store.path))
    # it goes by itself, and the answer is cleared (the next citizen must not see it)
    qtbot.waitUntil(lambda: not w.lookup_shown(), timeout=3000)
    assert w.lookup_answer.text() == ""
    assert w.snapshot() is not None and w.ready_list.text()  # the board is back as it was
    w.stop()


def test_an_unknown_code_gets_a_plain_message(qtbot: QtBot, operator: Session) -> None:
    w = _board(qtbot, operator)
    _scan(qtbot, w, "000.00.12.H29-991231-9999")
    assert w.lookup_shown()
    assert w.lookup_answer.text().startswith("Không tìm thấy hồ sơ có mã này")
    _scan(qtbot, w, "not a code")
    assert w.lookup_answer.text().startswith("Không tìm thấy hồ sơ có mã này")
    w.stop()


def test_a_qr_payload_typed_while_the_pages_rotate(qtbot: QtBot, operator: Session) -> None:
    w = _board(qtbot, operator, rotate_ms=40)
    code, name, _idn = _a_dossier(operator)
    payload = f"https://tracuu.example.vn/ho-so?ma={code}"
    start = w.current_page()
    with qtbot.waitSignal(w.looked_up, timeout=10000):
        for ch in payload:  # a slow reader: the rotation timer fires between the keys
            qtbot.keyClick(w, ch)
            qtbot.wait(5)
        assert w.current_page() != start
        assert w.hint.text() == "Mã hồ sơ: " + payload
        qtbot.keyClick(w, Qt.Key.Key_Return)
    assert code in w.lookup_answer.text() and mask_name(name) in w.lookup_answer.text()
    assert w.hint.text().startswith("Tra cứu hồ sơ")
    w.stop()


def test_typing_by_hand_backspace_and_a_stray_key_forgotten(
    qtbot: QtBot, operator: Session
) -> None:
    w = _board(qtbot, operator)
    w._key_timer.setInterval(200)
    code, _name, _idn = _a_dossier(operator)
    qtbot.keyClicks(w, code + "X")
    qtbot.keyClick(w, Qt.Key.Key_Backspace)
    assert w.hint.text() == "Mã hồ sơ: " + code
    with qtbot.waitSignal(w.looked_up, timeout=10000):
        qtbot.keyClick(w, Qt.Key.Key_Enter)  # the keypad's Enter
    assert code in w.lookup_answer.text()
    # a key pressed by accident is forgotten after a pause: it never joins the next code
    qtbot.keyClick(w, "7")
    qtbot.waitUntil(lambda: w.hint.text().startswith("Tra cứu hồ sơ"), timeout=3000)
    _scan(qtbot, w, code)
    assert code in w.lookup_answer.text()
    w.stop()


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
    # Esc (close) and open again: a new board
    board.close()
    qtbot.waitUntil(lambda: not shiboken6.isValid(board), timeout=5000)
    forgotten: object = win._public_board
    assert forgotten is None
    action.trigger()
    again = win._public_board
    assert isinstance(again, BoardWindow) and again.isVisible()
    qtbot.waitUntil(lambda: again.snapshot() is not None, timeout=15000)
    # the board closes with the counter's window
    win.close()
    qtbot.waitUntil(lambda: not shiboken6.isValid(again), timeout=5000)
    assert win._public_board is None
