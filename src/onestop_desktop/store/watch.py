"""Noticing that another connection wrote: ``PRAGMA data_version`` on a connection of its own.

SQLite bumps a connection's ``data_version`` whenever *another* connection (another process: the
CLI, a second window; or another connection of this process) commits to the file. Asking costs a
read of the WAL index header, microseconds, so the GUI can poll it every second and refresh the
worklist and the dashboard by itself. The connection is read-only and never holds a transaction
open, so it never blocks a writer or a checkpoint.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from onestop_desktop.store.db import translated_errors


class DataVersion:
    """A read-only connection to ``path`` that answers whether anyone wrote since last asked."""

    def __init__(self, path: Path) -> None:
        with translated_errors(path):
            self._conn = sqlite3.connect(
                f"file:{path}?mode=ro", uri=True, isolation_level=None, check_same_thread=False
            )
            self._conn.execute("PRAGMA busy_timeout = 1000")
            self._last = self._read()

    def _read(self) -> int:
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def version(self) -> int:
        """The connection's current ``data_version`` (changes after another connection commits)."""
        with translated_errors():
            return self._read()

    def changed(self) -> bool:
        """Whether another connection committed since the last call (or since opening)."""
        now = self.version()
        if now == self._last:
            return False
        self._last = now
        return True

    def close(self) -> None:
        self._conn.close()
