"""The working-calendar tables: ``calendar_days`` (exceptions to the Monday–Friday week) and
``calendar_years`` (years already seeded from the ``holidays`` package)."""

from __future__ import annotations

from dataclasses import dataclass

from onestop_desktop.store.db import Store


@dataclass(frozen=True)
class DayRow:
    """One row of ``calendar_days``: an ISO date, ``day_off``/``workday``, a note, its source."""

    day: str
    kind: str
    note: str
    source: str


def seeded_years(store: Store) -> set[int]:
    """The years whose holidays were already seeded (seeded once, then edited by hand)."""
    return {int(r[0]) for r in store.db.execute("SELECT year FROM calendar_years")}


def insert_seed(store: Store, day: str, kind: str, note: str, source: str = "seed") -> None:
    """A seeded day ("seed" or "official"), unless the day already has a row (a manual row always
    wins, and a concurrent seeding of the same year is harmless)."""
    store.db.execute(
        "INSERT OR IGNORE INTO calendar_days(day, kind, note, source) VALUES (?, ?, ?, ?)",
        [day, kind, note, source],
    )


def apply_official(store: Store, day: str, kind: str, note: str) -> None:
    """Set ``day`` to an official row unless an operator edited it by hand (upgrade of a year
    seeded before the official list had this day)."""
    store.db.execute(
        "INSERT INTO calendar_days(day, kind, note, source) VALUES (?, ?, ?, 'official') "
        "ON CONFLICT(day) DO UPDATE SET kind = excluded.kind, note = excluded.note, "
        "source = 'official' WHERE calendar_days.source != 'manual'",
        [day, kind, note],
    )


def mark_seeded(store: Store, year: int, stamp: str) -> None:
    """Remember that ``year`` was seeded, so it is never seeded again (first writer wins: two
    stations' first intakes at once, or every 1 January, must not fail on the year's key)."""
    store.db.execute(
        "INSERT OR IGNORE INTO calendar_years(year, seeded_at) VALUES (?, ?)", [year, stamp]
    )


def days(store: Store, start: str | None = None, end: str | None = None) -> list[DayRow]:
    """Rows of ``calendar_days`` by date, all or those with ``start <= day < end`` (ISO)."""
    if start is None or end is None:
        cur = store.db.execute("SELECT day, kind, note, source FROM calendar_days ORDER BY day")
    else:
        cur = store.db.execute(
            "SELECT day, kind, note, source FROM calendar_days WHERE day >= ? AND day < ? "
            "ORDER BY day",
            [start, end],
        )
    return [DayRow(str(d), str(k), str(n), str(s)) for d, k, n, s in cur.fetchall()]


def set_manual(store: Store, day: str, kind: str, note: str) -> None:
    """Set the row of ``day`` by hand (replacing a seeded or earlier manual row)."""
    store.db.execute(
        "INSERT INTO calendar_days(day, kind, note, source) VALUES (?, ?, ?, 'manual') "
        "ON CONFLICT(day) DO UPDATE SET kind = excluded.kind, note = excluded.note, "
        "source = 'manual'",
        [day, kind, note],
    )


def delete(store: Store, day: str) -> bool:
    """Remove the row of ``day``; whether there was one."""
    cur = store.db.execute("DELETE FROM calendar_days WHERE day = ?", [day])
    return cur.rowcount > 0
