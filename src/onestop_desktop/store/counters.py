"""The daily dossier-code counters (``code_counters``): one upsert for every writer.

The counters are a cache of the codes issued (``rebuild`` recomputes them), and the same upsert
serves intake (take the next count), the legacy ledger (partition 0), the demo's bulk write and
the rebuild (raise a counter to at least the highest count seen), so the rule "a counter never
goes down" lives in one statement.
"""

from __future__ import annotations

from collections.abc import Iterable

from onestop_desktop.store.db import Store

_RAISE_SQL = (
    "INSERT INTO code_counters(day, station, last) VALUES (?, ?, ?) "
    "ON CONFLICT(day, station) DO UPDATE SET last = max(last, excluded.last)"
)


def raise_to(store: Store, counts: Iterable[tuple[str, int, int]]) -> None:
    """Raise each ``(day, station)`` counter to at least ``last`` (never lowers one)."""
    store.db.conn.executemany(_RAISE_SQL, list(counts))


def current(store: Store, day: str, station: int) -> int:
    """The last count taken for ``station`` on ``day`` (0 when none)."""
    row = store.db.execute(
        "SELECT last FROM code_counters WHERE day = ? AND station = ?", [day, station]
    ).fetchone()
    return 0 if row is None else int(row[0])


def take_next(store: Store, day: str, station: int) -> int:
    """Take the next daily count for ``station`` (call inside the writing transaction): one
    upsert that returns the count it wrote (an intake's one round-trip for its code)."""
    row = store.db.conn.execute(
        "INSERT INTO code_counters(day, station, last) VALUES (?, ?, 1) "
        "ON CONFLICT(day, station) DO UPDATE SET last = last + 1 RETURNING last",
        [day, station],
    ).fetchone()
    return int(row[0])
