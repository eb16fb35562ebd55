"""Background tasks for the GUI: a thread pool, progress, cancel, and results on the GUI thread.

A clerk action that may take seconds (a backup, the integrity check, later an import or a
report) runs as a :class:`Worker` so the window keeps answering::

    worker = Worker(lambda job: backup.run(job.session, folder, progress=job.progress),
                    session=session, parent=self)
    worker.succeeded.connect(self._backup_done)
    worker.progressed.connect(self._show_progress)  # done, total, text
    worker.start()

Rules the class keeps, so no caller has to remember them:

- **Own connection.** SQLite connections belong to one thread. A task that needs the database
  gets ``job.session``: a :class:`Session` with the same station and actor on a store the worker
  opened itself, in its thread, on the same database file (closed when the task ends). It never
  touches the GUI thread's connection. The store shares the GUI store's :class:`WriteGuard`, so
  a failed integrity check blocks the worker's writes too.
- **Signals on the GUI thread.** The task runs on a :class:`QThreadPool` thread and reports
  through a queued connection to this ``QObject`` (which lives on the GUI thread); the public
  signals are emitted from there, so slots may touch widgets.
- **Two error paths.** A :class:`OneStopError` raised by the task is emitted as :attr:`failed`
  (and, unless ``show_errors=False``, shown with :func:`msgbox.open_error`); anything else is a
  bug, handed to ``sys.excepthook`` on the GUI thread (the crash dialog) and emitted as
  :attr:`crashed`.
- **Cooperative cancel.** :meth:`cancel` sets a flag; the task reads ``job.cancelled()`` or calls
  ``job.check()`` (raises :class:`Cancelled`) between steps. A cancelled task emits
  :attr:`cancelled`, never :attr:`succeeded`.

Exactly one of ``succeeded``, ``failed``, ``cancelled`` or ``crashed`` is emitted, then
``finished``.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QWidget

from onestop_desktop.errors import OneStopError
from onestop_desktop.ui import msgbox

if TYPE_CHECKING:
    from onestop_desktop.services.context import Session
    from onestop_desktop.store.db import Store

log = logging.getLogger(__name__)

T = TypeVar("T")

_ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


class Cancelled(Exception):
    """Raised by :meth:`Job.check` when the GUI asked the task to stop."""


class Job:
    """What a running task sees: its own session, progress reporting and the cancel flag.

    Created by :class:`Worker`; only the task's thread uses it (``cancel`` is the exception,
    a flag the GUI thread sets).
    """

    # Progress is reported at most this often (plus the first and the last step), so a task
    # that reports every row does not flood the GUI thread's event queue.
    PROGRESS_INTERVAL = 0.05

    def __init__(
        self,
        source: Session | None,
        database: Path | None,
        report: Callable[[int, int, str], None],
    ) -> None:
        self._source = source
        self._database = database if database is not None else _path_of(source)
        self._report = report
        self._cancel = threading.Event()
        self._session: Session | None = None
        self._store: Store | None = None
        self._last_report = 0.0

    @property
    def database(self) -> Path | None:
        """The database file the task works on (``None`` for a task without one)."""
        return self._database

    @property
    def session(self) -> Session:
        """A session like the GUI's (same station and actor) on this thread's own store.

        Opened on first use, in the worker thread, without the start-up integrity check (the
        GUI runs that once, in its own worker).
        """
        if self._session is None:
            if self._source is None or self._database is None:
                raise RuntimeError("this worker was started without a session")
            from onestop_desktop.services.context import Session
            from onestop_desktop.store.db import Store

            store = Store.open(self._database, integrity="none")
            store.write_guard = self._source.store.write_guard
            self._store = store
            self._session = Session(store, self._source.station, self._source.actor)
        return self._session

    def cancelled(self) -> bool:
        """Whether the GUI asked the task to stop."""
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` if the GUI asked the task to stop (call between steps)."""
        if self._cancel.is_set():
            raise Cancelled

    def progress(self, done: int, total: int, text: str = "") -> None:
        """Report ``done`` of ``total`` steps (``total`` 0: unknown), throttled."""
        now = time.monotonic()
        if done not in (0, total) and now - self._last_report < self.PROGRESS_INTERVAL:
            return
        self._last_report = now
        self._report(done, total, text)

    def _cancel_now(self) -> None:
        self._cancel.set()

    def _close(self) -> None:
        if self._store is not None:
            try:
                self._store.close()
            except Exception:  # closing must not hide the task's own outcome
                log.exception("closing the worker's store failed")
            self._store = None
            self._session = None


def _path_of(session: Session | None) -> Path | None:
    return None if session is None else session.store.path


class _Runnable(QRunnable):
    """The part that runs on the pool thread; talks back only through queued signals."""

    def __init__(
        self,
        job: Job,
        task: Callable[[Job], object],
        emit: Callable[[str, object], None],
        done: threading.Event,
    ) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._job = job
        self._task = task
        self._emit = emit
        self._done = done

    def run(self) -> None:
        job, emit = self._job, self._emit
        outcome: tuple[str, object]
        try:
            if job.cancelled():
                outcome = ("cancelled", None)
            else:
                result = self._task(job)
                outcome = ("cancelled", None) if job.cancelled() else ("succeeded", result)
        except Cancelled:
            outcome = ("cancelled", None)
        except OneStopError as exc:
            outcome = ("failed", exc)
        except BaseException:  # a bug: the crash path, on the GUI thread
            outcome = ("crashed", sys.exc_info())
        finally:
            job._close()  # before the GUI hears of the outcome: the file is free again
        self._done.set()
        try:
            emit(*outcome)
        except RuntimeError:
            # The Worker (and the screen that owned it) was deleted while the task ran: nobody
            # is left to hear the outcome, and the task's own work is already committed or not.
            log.debug("worker outcome dropped: its Worker was deleted")


class Worker(QObject, Generic[T]):
    """One background task and its outcome (see the module docstring)."""

    # done, total (0: unknown), text
    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)  # the OneStopError
    cancelled = Signal()
    crashed = Signal(object)  # the exception (already handed to sys.excepthook)
    finished = Signal()

    # From the pool thread; connected with a queued connection to a slot of this object.
    _outcome = Signal(str, object)
    _progress = Signal(int, int, str)

    def __init__(
        self,
        task: Callable[[Job], T],
        *,
        session: Session | None = None,
        database: Path | None = None,
        parent: QObject | None = None,
        show_errors: bool = True,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self._task = task
        self._pool = pool or QThreadPool.globalInstance()
        self._show_errors = show_errors
        self.job = Job(session, database, self._progress.emit)
        self._state = "new"  # new → running → done
        self._done = threading.Event()
        self._result: T | None = None
        self._error: BaseException | None = None
        self._outcome.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)

    # ------------------------------------------------------------------ public API

    def start(self) -> Worker[T]:
        """Queue the task on the pool (once); returns ``self`` for chaining."""
        if self._state != "new":
            raise RuntimeError("a worker runs once")
        self._state = "running"
        self._pool.start(_Runnable(self.job, self._task, self._outcome.emit, self._done))
        return self

    def cancel(self) -> None:
        """Ask the task to stop at its next :meth:`Job.check` (or before it starts)."""
        self.job._cancel_now()

    def is_running(self) -> bool:
        """Started and its outcome not yet delivered to the GUI thread."""
        return self._state == "running"

    def is_done(self) -> bool:
        return self._state == "done"

    def result(self) -> T | None:
        """The task's value after :attr:`succeeded` (``None`` before or otherwise)."""
        return self._result

    def error(self) -> BaseException | None:
        """The error after :attr:`failed` or :attr:`crashed`."""
        return self._error

    def wait_finished(self, timeout: float | None = None) -> bool:
        """Block until the task's thread has finished (not until the signals were delivered);
        for shutting down. Whether it finished within ``timeout`` seconds."""
        return self._done.wait(timeout)

    # ------------------------------------------------------------------ GUI thread

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, text: str) -> None:
        if self._state == "running":
            self.progressed.emit(done, total, text)

    @Slot(str, object)
    def _deliver(self, outcome: str, value: object) -> None:
        self._state = "done"
        if outcome == "succeeded":
            self._result = value  # type: ignore[assignment]
            self.succeeded.emit(value)
        elif outcome == "failed":
            assert isinstance(value, OneStopError)
            self._error = value
            log.info("background task refused: %s", value)
            self.failed.emit(value)
            if self._show_errors:
                parent = self.parent()
                msgbox.open_error(value, parent if isinstance(parent, QWidget) else None)
        elif outcome == "crashed":
            assert isinstance(value, tuple)
            info: _ExcInfo = value
            self._error = info[1]
            sys.excepthook(*info)
            self.crashed.emit(info[1])
        else:
            self.cancelled.emit()
        self.finished.emit()
