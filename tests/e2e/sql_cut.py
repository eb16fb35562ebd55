"""Run the ``onestop`` CLI with a power cut at the K-th write statement of SQLite.

    python tests/e2e/sql_cut.py K onestop-args…

``files.fault_point`` (``ONESTOP_FAULT_AT``) covers every copy, fsync and rename of the files the
app writes itself; what intake, act and import write goes through SQLite instead. This wrapper
counts the statements that change the database or end a transaction (BEGIN, INSERT, UPDATE,
DELETE, SAVEPOINT, RELEASE, COMMIT, and the first statement after each COMMIT, which is where an
acknowledged action stands before the process says so) and SIGKILLs itself just before the K-th,
through SQLite's own trace callback, so no application code knows it is being cut. K = 0 runs
uncut and prints the number of such statements on stderr as ``sql_cut: N``.
"""

from __future__ import annotations

import atexit
import os
import runpy
import signal
import sqlite3
import sys

_WRITES = ("BEGIN", "INSERT", "UPDATE", "DELETE", "REPLACE", "SAVEPOINT", "RELEASE", "COMMIT")


def main() -> None:
    target = int(sys.argv[1])
    seen = [0]
    after_commit = [False]

    def trace(statement: str) -> None:
        words = statement.lstrip().split(None, 1)
        word = words[0].upper() if words else ""
        if word.startswith(_WRITES) or after_commit[0]:
            after_commit[0] = word == "COMMIT"
            seen[0] += 1
            if seen[0] == target:
                os.kill(os.getpid(), signal.SIGKILL)

    real_connect = sqlite3.connect

    def connect(*args: object, **kwargs: object) -> sqlite3.Connection:
        conn = real_connect(*args, **kwargs)  # type: ignore[call-overload]
        conn.set_trace_callback(trace)
        return conn  # type: ignore[no-any-return]

    sqlite3.connect = connect  # type: ignore[assignment]
    if target == 0:
        atexit.register(lambda: print(f"sql_cut: {seen[0]}", file=sys.stderr))
    sys.argv = ["onestop", *sys.argv[2:]]
    runpy.run_module("onestop_desktop", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
