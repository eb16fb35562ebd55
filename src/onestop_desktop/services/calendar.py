"""The station's working calendar: seeded per year from the ``holidays`` package, then edited by
the admin from the official notice; office hours and the same-day cut-off are settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from onestop_desktop.domain import clock
from onestop_desktop.domain.calendar import (
    CalendarEntry,
    OfficeHours,
    WorkCalendar,
    seed_year,
)
from onestop_desktop.domain.payloads import CalendarDayRemoved, CalendarDaySet, Day
from onestop_desktop.errors import NotFound
from onestop_desktop.services import settings
from onestop_desktop.services.audit import record
from onestop_desktop.services.context import Session
from onestop_desktop.store import calendar as calendar_rows
from onestop_desktop.store.db import Store

SEED_SPAN = 1
"""Years around today seeded automatically (last year, this year, next year)."""


def office_hours(store: Store) -> OfficeHours:
    """Office hours and the same-day cut-off from the typed settings (or their defaults)."""
    return settings.office_hours(store)


def ensure_seeded(store: Store, years: list[int]) -> None:
    """Seed each year of ``years`` once from the holidays package (never re-seed an edited year)."""
    done = calendar_rows.seeded_years(store)
    todo = [y for y in years if y not in done]
    if not todo:
        return
    with store.atomic():
        for year in todo:
            for entry in seed_year(year):
                calendar_rows.insert_seed(store, entry.date.isoformat(), entry.kind, entry.note)
            calendar_rows.mark_seeded(store, year, clock.iso(store.now()))


def load_calendar(store: Store, *, years: list[int] | None = None) -> WorkCalendar:
    """The working calendar, seeding the years around today (and ``years``) on first use."""
    this_year = store.now().year
    wanted = list(range(this_year - SEED_SPAN, this_year + SEED_SPAN + 1))
    ensure_seeded(store, sorted(set(wanted + (years or []))))
    entries = [
        CalendarEntry(date.fromisoformat(r.day), r.kind, r.note, r.source)  # type: ignore[arg-type]
        for r in calendar_rows.days(store)
    ]
    return WorkCalendar(entries, office_hours(store))


def working_hours_between(cal: WorkCalendar, start: datetime, end: datetime) -> float:
    """Working hours elapsed from ``start`` to ``end`` (how long a supplement paused the clock)."""
    if end <= start:
        return 0.0
    total = timedelta()
    day = clock.to_vn(start).date()
    last = clock.to_vn(end).date()
    while day <= last:
        if cal.is_working_day(day):
            for p_start, p_end in cal.periods_on(day):
                a, b = max(p_start, start), min(p_end, end)
                if b > a:
                    total += b - a
        day += timedelta(days=1)
    return total / timedelta(hours=1)


@dataclass(frozen=True)
class CalendarDay:
    """A row of ``onestop calendar list``."""

    day: date
    kind: str
    note: str
    source: str


def list_year(ctx: Session, year: int) -> list[CalendarDay]:
    """Days off and make-up workdays of ``year`` (seeded on first look)."""
    ensure_seeded(ctx.store, [year])
    rows = calendar_rows.days(ctx.store, f"{year:04d}-01-01", f"{year + 1:04d}-01-01")
    return [CalendarDay(date.fromisoformat(r.day), r.kind, r.note, r.source) for r in rows]


def set_day(ctx: Session, day: date, kind: str, note: str = "") -> None:
    """Mark ``day`` as a day off or a make-up working day (a manual row wins over the seed)."""
    ctx.require("calendar.manage")
    entry = CalendarEntry(day, kind, note, "manual")  # type: ignore[arg-type]
    ensure_seeded(ctx.store, [day.year])
    with ctx.store.atomic():
        calendar_rows.set_manual(ctx.store, day.isoformat(), entry.kind, entry.note)
        record(ctx, CalendarDaySet(day=Day(day.isoformat()), kind=kind, note=entry.note))


def remove_day(ctx: Session, day: date) -> None:
    """Remove the row for ``day``: it becomes an ordinary weekday or weekend day again."""
    ctx.require("calendar.manage")
    ensure_seeded(ctx.store, [day.year])
    with ctx.store.atomic():
        if not calendar_rows.delete(ctx.store, day.isoformat()):
            raise NotFound(
                "Ngày {day} không có trong bảng ngày nghỉ/làm bù", day=clock.fmt_date(day)
            )
        record(ctx, CalendarDayRemoved(day=Day(day.isoformat())))
