"""Which automatic backups to keep (#14): the newest of each of the last 7 days, 4 weeks and
12 months that have one (grandfather-father-son), and when the next one is due.

Pure: the caller lists the backups with their times and deletes what is not returned. A day,
week (ISO, Monday first) or month counts only when it *has* a backup, so a station switched off
for a month still keeps its 7 most recent days, not 7 empty calendar days.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from datetime import datetime, timedelta
from typing import TypeVar

K = TypeVar("K", bound=Hashable)

DAILY = 7
WEEKLY = 4
MONTHLY = 12

STALE_AFTER = timedelta(days=1)
"""The status bar warns when the last good backup is older than this."""


def _day(at: datetime) -> tuple[int, ...]:
    return (at.year, at.month, at.day)


def _week(at: datetime) -> tuple[int, ...]:
    iso = at.isocalendar()
    return (iso.year, iso.week)


def _month(at: datetime) -> tuple[int, ...]:
    return (at.year, at.month)


def _newest_per_bucket(
    items: Sequence[tuple[K, datetime]], bucket: Callable[[datetime], tuple[int, ...]], count: int
) -> set[K]:
    """The newest item of each of the ``count`` most recent buckets that hold any item."""
    newest: dict[tuple[int, ...], tuple[datetime, str, K]] = {}
    for key, at in items:
        b = bucket(at)
        candidate = (at, repr(key), key)
        held = newest.get(b)
        if held is None or candidate[:2] > held[:2]:
            newest[b] = candidate
    recent = sorted(newest, reverse=True)[:count]
    return {newest[b][2] for b in recent}


def keep(
    items: Sequence[tuple[K, datetime]],
    *,
    daily: int = DAILY,
    weekly: int = WEEKLY,
    monthly: int = MONTHLY,
) -> set[K]:
    """The keys of the backups to keep among ``items`` (key, when it was made); the others may
    be deleted. The newest backup is always kept (it is the newest of its day)."""
    if not items:
        return set()
    return (
        _newest_per_bucket(items, _day, daily)
        | _newest_per_bucket(items, _week, weekly)
        | _newest_per_bucket(items, _month, monthly)
    )


def is_due(last: datetime | None, now: datetime) -> bool:
    """Whether the daily backup is due: none yet, or none made on today's date (``now``'s
    calendar day, in the same time zone as ``last``)."""
    return last is None or last.date() < now.date()


def is_stale(last: datetime | None, now: datetime) -> bool:
    """Whether the status bar should warn: no good backup, or none for more than a day."""
    return last is None or now - last > STALE_AFTER
