"""The station's working calendar: seeded per year from the ``holidays`` package, then edited by
the admin from the official notice; office hours and the same-day cut-off are settings.
"""

from __future__ import annotations

import functools
import importlib.resources
import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from onestop_desktop.domain import clock
from onestop_desktop.domain.calendar import (
    CalendarEntry,
    OfficeHours,
    OfficialSwap,
    WorkCalendar,
    parse_official_days,
    seed_year,
)
from onestop_desktop.domain.payloads import CalendarDayRemoved, CalendarDaySet, Day
from onestop_desktop.errors import NotFound, ValidationError
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


OFFICIAL_DAYS = "calendar/official_days.json"
"""The government-announced swaps shipped with the app (data with sources, not code)."""


@functools.cache
def official_days() -> tuple[OfficialSwap, ...]:
    """The shipped official swaps, read and checked once per process."""
    text = (
        importlib.resources.files("onestop_desktop.resources")
        .joinpath(OFFICIAL_DAYS)
        .read_text(encoding="utf-8")
    )
    try:
        data: object = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError(
            "Tệp ngày nghỉ chính thức bị hỏng.", field="days", detail=str(exc)
        ) from None
    return parse_official_days(data)


def official_by_day() -> dict[date, OfficialSwap]:
    """The official swaps by date (to show each row's document)."""
    return {swap.date: swap for swap in official_days()}


def ensure_seeded(store: Store, years: list[int]) -> None:
    """Seed each year of ``years`` once, and bring already seeded years up to date with the
    official list (an upgrade adds its new rows; rows an operator edited by hand are kept).

    The check is repeated inside the write transaction (``BEGIN IMMEDIATE``), and the inserts are
    insert-or-ignore, so several first intakes at once on a fresh station all succeed.
    """
    swaps = official_days()
    if not _needs_work(store, years, swaps):
        return
    # The holidays package is slow to import: compute the rows before taking the write lock.
    seeds = {year: seed_year(year, swaps=swaps) for year in years}
    with store.atomic():
        done = calendar_rows.seeded_years(store)
        for year in years:
            if year in done:
                continue
            for entry in seeds[year]:
                calendar_rows.insert_seed(
                    store, entry.date.isoformat(), entry.kind, entry.note, entry.source
                )
            calendar_rows.mark_seeded(store, year, clock.iso(store.now()))
        for swap in _stale_official(store, swaps):
            calendar_rows.apply_official(store, swap.date.isoformat(), swap.kind, swap.note)


def _stale_official(store: Store, swaps: tuple[OfficialSwap, ...]) -> list[OfficialSwap]:
    """Official swaps of seeded years whose row is missing or differs (manual rows excluded)."""
    done = calendar_rows.seeded_years(store)
    rows = {r.day: r for r in calendar_rows.days(store)}
    stale = []
    for swap in swaps:
        if swap.date.year not in done:
            continue
        row = rows.get(swap.date.isoformat())
        if row is None or (
            row.source != "manual"
            and (row.source, row.kind, row.note) != ("official", swap.kind, swap.note)
        ):
            stale.append(swap)
    return stale


def _needs_work(store: Store, years: list[int], swaps: tuple[OfficialSwap, ...]) -> bool:
    """Whether a year is unseeded or an official row is missing (read only, no lock)."""
    done = calendar_rows.seeded_years(store)
    return any(y not in done for y in years) or bool(_stale_official(store, swaps))


CALENDAR_TABLES = ("calendar_days", "calendar_years", "settings")
"""What a :class:`WorkCalendar` is built from: its days, the years seeded, the office hours."""


def load_calendar(store: Store, *, years: list[int] | None = None) -> WorkCalendar:
    """The working calendar, seeding the years around today (and ``years``) on first use.

    Kept by the store (:meth:`Store.cached`) until a day, a seeded year or a setting is
    written, here or by any other connection (an admin's edit in another window or process):
    building it costs about a millisecond, most of an intake's own CPU time (#9)."""
    this_year = store.now().year
    wanted = sorted(set(range(this_year - SEED_SPAN, this_year + SEED_SPAN + 1)) | set(years or []))

    def build() -> WorkCalendar:
        ensure_seeded(store, wanted)
        entries = [
            CalendarEntry(date.fromisoformat(r.day), r.kind, r.note, r.source)  # type: ignore[arg-type]
            for r in calendar_rows.days(store)
        ]
        return WorkCalendar(entries, office_hours(store))

    return store.cached(("calendar", tuple(wanted)), CALENDAR_TABLES, build)


def working_hours_between(cal: WorkCalendar, start: datetime, end: datetime) -> float:
    """Working hours elapsed from ``start`` to ``end`` (how long a supplement paused the clock,
    the time left of a dossier): 0 when ``end`` is not after ``start``.

    Two look-ups in the calendar's running count (:meth:`WorkCalendar.working_time_between`),
    whatever the span: the worklist asks it for every visible open row at each keystroke."""
    return cal.working_time_between(start, end) / _HOUR


_HOUR = timedelta(hours=1)  # made once: the constructor costs a microsecond a call


@dataclass(frozen=True)
class CalendarDay:
    """A row of ``onestop calendar list``."""

    day: date
    kind: str
    note: str
    source: str
    document: str = ""
    """Where the row comes from, for people: the official document, "thư viện holidays (chưa
    xác nhận)" or "nhập tay"."""


SOURCE_LABELS: dict[str, str] = {
    "seed": "thư viện holidays (ước tính, chưa xác nhận)",
    "manual": "nhập tay",
}


def _document(day: date, source: str) -> str:
    if source == "official":
        swap = official_by_day().get(day)
        return swap.source_label if swap is not None else "văn bản chính thức"
    return SOURCE_LABELS.get(source, source)


def list_year(ctx: Session, year: int) -> list[CalendarDay]:
    """Days off and make-up workdays of ``year`` (seeded on first look)."""
    ensure_seeded(ctx.store, [year])
    rows = calendar_rows.days(ctx.store, f"{year:04d}-01-01", f"{year + 1:04d}-01-01")
    result = []
    for r in rows:
        day = date.fromisoformat(r.day)
        result.append(CalendarDay(day, r.kind, r.note, r.source, _document(day, r.source)))
    return result


def set_day(
    ctx: Session, day: date, kind: str, note: str = "", *, require_note: bool = False
) -> None:
    """Mark ``day`` as a day off or a make-up working day (a manual row wins over the seed).

    ``require_note``: the admin screen asks the reason (the official notice) of every day it
    adds, so the log and the calendar say why; the CLI's ``--note`` stays optional.
    """
    ctx.require("calendar.manage")
    if require_note and not note.strip():
        raise ValidationError("Chưa nhập lý do cho ngày nghỉ/làm bù", field="note")
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
