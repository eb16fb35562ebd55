"""ui/workers.py: results, errors, bugs, cancel and progress reach the GUI thread; a worker uses
its own store session, never the GUI's connection."""

from __future__ import annotations

import threading
from pathlib import Path
from types import TracebackType

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from onestop_desktop.errors import NotFound, StorageError
from onestop_desktop.services import search
from onestop_desktop.services.context import Session
from onestop_desktop.store.db import Store
from onestop_desktop.ui.workers import Job, Worker

from .conftest import DEMO_DOSSIERS


def on_gui_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def error_boxes() -> list[QMessageBox]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "errorBox" and w.isVisible()
    ]


def test_result_arrives_on_the_gui_thread_from_the_worker_s_own_session(
    qtbot: QtBot, session: Session
) -> None:
    seen: dict[str, object] = {}

    def task(job: Job) -> int:
        seen["thread"] = threading.current_thread()
        seen["conn"] = job.session.store.db.conn
        seen["actor"] = job.session.actor
        seen["station"] = job.session.station
        seen["path"] = job.session.store.path
        return search.count_all(job.session)

    worker: Worker[int] = Worker(task, session=session)
    delivered: list[bool] = []
    worker.succeeded.connect(lambda _value: delivered.append(on_gui_thread()))
    with (
        qtbot.waitSignal(worker.finished, timeout=10000),
        qtbot.waitSignal(worker.succeeded, timeout=10000) as result,
    ):
        worker.start()
    assert result.args == [DEMO_DOSSIERS]
    assert worker.result() == DEMO_DOSSIERS
    assert delivered == [True], "slots run on the GUI thread"
    assert seen["thread"] is not threading.main_thread()
    assert seen["conn"] is not session.store.db.conn, "never the GUI thread's connection"
    assert seen["path"] == session.store.path
    assert seen["actor"] == session.actor
    assert seen["station"] == session.station
    assert worker.is_done() and not worker.is_running()


def test_the_worker_s_store_is_closed_in_its_thread_when_the_task_ends(
    qtbot: QtBot, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    closed: list[tuple[object, bool]] = []
    real_close = Store.close

    def spy(store: Store) -> None:
        closed.append((store, on_gui_thread()))
        real_close(store)

    monkeypatch.setattr(Store, "close", spy)
    stores: list[Store] = []
    worker: Worker[None] = Worker(lambda job: stores.append(job.session.store), session=session)
    with qtbot.waitSignal(worker.finished, timeout=10000):
        worker.start()
    assert closed == [(stores[0], False)], "closed once, on the worker's thread"
    session.store.db.conn.execute("SELECT 1")  # the GUI's own store is untouched


def test_an_expected_fault_reaches_the_gui_as_that_error_and_is_shown(
    qtbot: QtBot, session: Session
) -> None:
    def task(job: Job) -> None:
        raise NotFound("Không tìm thấy hồ sơ «{key}»", key="X-1")

    worker: Worker[None] = Worker(task, session=session)
    with qtbot.waitSignal(worker.failed, timeout=10000) as failed:
        worker.start()
    (error,) = failed.args
    assert isinstance(error, NotFound)
    assert error.message == "Không tìm thấy hồ sơ «X-1»"
    assert worker.error() is error
    qtbot.waitUntil(lambda: len(error_boxes()) == 1, timeout=2000)
    (box,) = error_boxes()
    assert box.text() == "Không tìm thấy hồ sơ «X-1»"
    assert box.windowTitle() == "Không thực hiện được — OneStop Desktop"
    box.close()


def test_an_error_box_can_be_left_to_the_caller(qtbot: QtBot, session: Session) -> None:
    def task(job: Job) -> None:
        raise StorageError("Ổ đĩa đã đầy, không ghi được dữ liệu")

    worker: Worker[None] = Worker(task, session=session, show_errors=False)
    with qtbot.waitSignal(worker.finished, timeout=10000):
        worker.start()
    assert isinstance(worker.error(), StorageError)
    assert error_boxes() == []


def test_a_bug_reaches_the_crash_path_on_the_gui_thread(
    qtbot: QtBot, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    hooked: list[tuple[type[BaseException], BaseException, bool]] = []

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        assert tb is not None, "the traceback comes along for the crash report"
        hooked.append((exc_type, exc, on_gui_thread()))

    monkeypatch.setattr("sys.excepthook", hook)

    def task(job: Job) -> None:
        raise ZeroDivisionError("a bug")

    worker: Worker[None] = Worker(task)
    succeeded: list[object] = []
    worker.succeeded.connect(succeeded.append)
    with qtbot.waitSignal(worker.crashed, timeout=10000) as crashed:
        worker.start()
    (exc,) = crashed.args
    assert isinstance(exc, ZeroDivisionError)
    assert hooked == [(ZeroDivisionError, exc, True)]
    assert succeeded == []
    assert error_boxes() == [], "a bug is not shown as an expected fault"


def test_cancel_stops_a_running_task(qtbot: QtBot) -> None:
    started = threading.Event()
    steps: list[int] = []

    def task(job: Job) -> str:
        started.set()
        for step in range(1000):
            job.check()
            steps.append(step)
            threading.Event().wait(0.01)
        return "finished"

    worker: Worker[str] = Worker(task)
    succeeded: list[object] = []
    worker.succeeded.connect(succeeded.append)
    worker.start()
    assert started.wait(5)
    with qtbot.waitSignal(worker.cancelled, timeout=10000):
        worker.cancel()
    assert succeeded == []
    assert worker.result() is None
    assert len(steps) < 1000


def test_cancel_before_the_task_starts_never_runs_it(qtbot: QtBot) -> None:
    ran: list[bool] = []
    worker: Worker[None] = Worker(lambda job: ran.append(True))
    worker.cancel()
    with qtbot.waitSignal(worker.cancelled, timeout=10000):
        worker.start()
    assert ran == []


def test_progress_arrives_on_the_gui_thread_first_and_last_step_included(qtbot: QtBot) -> None:
    received: list[tuple[int, int, str, bool]] = []

    def task(job: Job) -> None:
        for done in range(0, 2001):
            job.progress(done, 2000, "bước")

    worker: Worker[None] = Worker(task)
    worker.progressed.connect(lambda d, t, x: received.append((d, t, x, on_gui_thread())))
    with qtbot.waitSignal(worker.finished, timeout=10000):
        worker.start()
    assert received[0] == (0, 2000, "bước", True)
    assert received[-1] == (2000, 2000, "bước", True)
    assert all(gui for *_rest, gui in received)
    assert len(received) < 2001, "throttled: not one event per step"
    assert [d for d, *_ in received] == sorted(d for d, *_ in received)


def test_a_worker_runs_once(qtbot: QtBot) -> None:
    worker: Worker[int] = Worker(lambda job: 1)
    with qtbot.waitSignal(worker.finished, timeout=10000):
        worker.start()
    with pytest.raises(RuntimeError):
        worker.start()


def test_a_task_without_a_session_has_none(qtbot: QtBot, tmp_path: Path) -> None:
    def task(job: Job) -> object:
        return job.session

    worker: Worker[object] = Worker(task, database=tmp_path / "x.db")
    with (
        qtbot.waitSignal(worker.crashed, timeout=10000) as crashed,
        pytest.MonkeyPatch.context() as mp,
    ):
        mp.setattr("sys.excepthook", lambda *_a: None)
        worker.start()
        qtbot.waitUntil(worker.is_done, timeout=10000)
    assert isinstance(crashed.args[0], RuntimeError)


def test_blocked_writes_are_blocked_in_the_worker_too(qtbot: QtBot, session: Session) -> None:
    session.store.block_writes("*** in database main *** Page 7: btree corrupt")

    def task(job: Job) -> None:
        with job.session.store.atomic():
            pass

    worker: Worker[None] = Worker(task, session=session, show_errors=False)
    with qtbot.waitSignal(worker.failed, timeout=10000) as failed:
        worker.start()
    (error,) = failed.args
    assert isinstance(error, StorageError)
    assert "khôi phục từ bản sao lưu" in error.message
