"""The start-up integrity check, in the background (defect 10).

``PRAGMA quick_check`` takes about 10 s at a million dossiers. The GUI must not make the clerk
wait for it, so it runs in a :class:`~onestop_desktop.ui.workers.Worker` on its own read-only
connection while the clerk signs in and starts working. If it finds a problem:

- the store's writes are blocked at once (:meth:`Store.block_writes`: every ``atomic()`` raises
  a :class:`StorageError` that says the database is damaged and to restore from the last
  backup), so nothing more is written into a damaged file;
- :attr:`IntegrityCheck.failed` carries that same error, for the main window to show.

Reading still works, so the clerk can look dossiers up and tell applicants where they stand
until the database is restored.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from onestop_desktop.errors import StorageError
from onestop_desktop.store.db import Store, integrity_problems
from onestop_desktop.ui.workers import Cancelled, Job, Worker

log = logging.getLogger(__name__)

#: How a check is run: the database file, and a function the check calls with its connection
#: (so :meth:`IntegrityCheck.cancel` can interrupt it); the problems found.
CheckFunction = Callable[[Path, Callable[[sqlite3.Connection], None]], list[str]]


def quick_check(path: Path, opened: Callable[[sqlite3.Connection], None]) -> list[str]:
    """``PRAGMA quick_check`` on a read-only connection of its own; the problems found."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return [str(exc)]
    try:
        opened(conn)
        return integrity_problems(conn)
    except sqlite3.OperationalError as exc:
        if "interrupt" in str(exc).lower():
            raise  # cancelled (IntegrityCheck.cancel), not a finding
        return [str(exc)]
    except sqlite3.DatabaseError as exc:  # "database disk image is malformed"
        return [str(exc)]
    finally:
        conn.close()


class IntegrityCheck(QObject):
    """The background ``quick_check`` of ``store``'s file; blocks its writes on a fault."""

    # The check found the database damaged: the StorageError writes now raise.
    failed = Signal(object)
    # The check ended (either way); the problems found (empty: sound).
    done = Signal(list)

    def __init__(
        self,
        store: Store,
        parent: QObject | None = None,
        *,
        check: CheckFunction | None = None,
    ) -> None:
        """``check`` defaults to :func:`quick_check` (looked up when the check starts)."""
        super().__init__(parent)
        if store.path is None:
            raise ValueError("an in-memory store has no file to check")
        self._store = store
        self._check = check
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self._problems: list[str] | None = None
        self._error: StorageError | None = None
        self._worker: Worker[list[str]] = Worker(
            self._run, database=store.path, parent=self, show_errors=False
        )
        self._worker.succeeded.connect(self._on_result)

    def start(self) -> IntegrityCheck:
        self._worker.start()
        return self

    def cancel(self) -> None:
        """Stop the check (the app is closing): interrupts the running statement."""
        self._worker.cancel()
        with self._lock:
            if self._conn is not None:
                self._conn.interrupt()

    def wait_finished(self, timeout: float | None = None) -> bool:
        """Block until the check's thread ended (the result is delivered by the event loop)."""
        return self._worker.wait_finished(timeout)

    def is_done(self) -> bool:
        """Whether the result reached the GUI thread."""
        return self._problems is not None

    def problems(self) -> list[str]:
        """What the check found (empty while it runs, or when the database is sound)."""
        return list(self._problems or [])

    def error(self) -> StorageError | None:
        """The error writes raise, once the check failed."""
        return self._error

    # ------------------------------------------------------------------ internals

    def _opened(self, conn: sqlite3.Connection) -> None:
        with self._lock:
            self._conn = conn
        if self._worker.job.cancelled():
            conn.interrupt()

    def _run(self, job: Job) -> list[str]:
        assert job.database is not None
        try:
            check = self._check or quick_check
            problems = check(job.database, self._opened)
        except sqlite3.Error as exc:
            if job.cancelled():
                raise Cancelled from exc
            problems = [str(exc)]
        finally:
            with self._lock:
                self._conn = None
        job.check()
        return problems

    def _on_result(self, problems: object) -> None:
        found = [str(p) for p in problems] if isinstance(problems, list) else [str(problems)]
        self._problems = found
        if found:
            log.error("integrity check failed: %s", "; ".join(found[:5]))
            self._store.block_writes("; ".join(found[:3]))
            try:
                self._store.write_guard.check()
            except StorageError as exc:
                self._error = exc
            self.failed.emit(self._error)
        else:
            log.info("integrity check passed")
        self.done.emit(found)
