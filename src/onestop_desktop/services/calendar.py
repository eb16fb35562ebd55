"""The station's working calendar: seeded per year from the ``holidays`` package, then edited by
the admin from the official notice; office hours and the same-day cut-off are settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from onestop_desktop.domain import clock
from onestop_desktop.domain.calendar import (
    DEFAULT_CUTOFF,
    DEFAULT_PERIODS,
    CalendarEntry,
    OfficeHours,
    WorkCalendar,
    seed_year,
)
from onestop_desktop.errors import NotFound, ValidationError
from onestop_desktop.services.audit import record
from onestop_desktop.services.context import Session
from onestop_desktop.store.db import Store

SEED_SPAN = 1
"""Years around today seeded automatically (last year, this year, next year)."""


def _parse_hm(text: str, field: str) -> time:
    try:
        hh, mm = text.strip().split(":")
        return time(int(hh), int(mm))
    except ValueError as exc:
        raise ValidationError(f"Giờ «{text}» không đúng dạng HH:MM", field=field) from exc


def office_hours(store: Store) -> OfficeHours:
    """Office hours from the settings ``office_hours`` ("07:00-11:30,13:30-17:00") and
    ``same_day_cutoff`` ("15:00"), or the defaults."""
    raw = store.setting("office_hours")
    periods = DEFAULT_PERIODS
    if raw:
        pairs = [part.split("-") for part in raw.split(",")]
        if any(len(pair) != 2 for pair in pairs):
            raise ValidationError(
                f"Giờ làm việc «{raw}» không đúng dạng «07:00-11:30,13:30-17:00»",
                field="office_hours",
            )
        periods = tuple(
            (_parse_hm(a, "office_hours"), _parse_hm(b, "office_hours")) for a, b in pairs
        )
    cutoff_raw = store.setting("same_day_cutoff")
    cutoff = _parse_hm(cutoff_raw, "same_day_cutoff") if cutoff_raw else DEFAULT_CUTOFF
    return OfficeHours(periods, cutoff)


def ensure_seeded(store: Store, years: list[int]) -> None:
    """Seed each year of ``years`` once from the holidays package (never re-seed an edited year)."""
    done = {int(r["year"]) for r in store.query("SELECT year FROM calendar_years")}
    todo = [y for y in years if y not in done]
    if not todo:
        return
    with store.atomic():
        for year in todo:
            for entry in seed_year(year):
                store.db.execute(
                    "INSERT OR IGNORE INTO calendar_days(day, kind, note, source) "
                    "VALUES (?, ?, ?, 'seed')",
                    [entry.date.isoformat(), entry.kind, entry.note],
                )
            store.db.execute(
                "INSERT INTO calendar_years(year, seeded_at) VALUES (?, ?)",
                [year, clock.iso(store.now())],
            )


def load_calendar(store: Store, *, years: list[int] | None = None) -> WorkCalendar:
    """The working calendar, seeding the years around today (and ``years``) on first use."""
    this_year = store.now().year
    wanted = list(range(this_year - SEED_SPAN, this_year + SEED_SPAN + 1))
    ensure_seeded(store, sorted(set(wanted + (years or []))))
    entries = [
        CalendarEntry(date.fromisoformat(str(r["day"])), r["kind"], str(r["note"]), r["source"])
        for r in store.query("SELECT day, kind, note, source FROM calendar_days ORDER BY day")
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
    rows = ctx.store.query(
        "SELECT day, kind, note, source FROM calendar_days WHERE day >= ? AND day < ? ORDER BY day",
        [f"{year:04d}-01-01", f"{year + 1:04d}-01-01"],
    )
    return [
        CalendarDay(date.fromisoformat(r["day"]), r["kind"], r["note"], r["source"]) for r in rows
    ]


def set_day(ctx: Session, day: date, kind: str, note: str = "") -> None:
    """Mark ``day`` as a day off or a make-up working day (a manual row wins over the seed)."""
    ctx.require("calendar.manage")
    entry = CalendarEntry(day, kind, note, "manual")  # type: ignore[arg-type]
    ensure_seeded(ctx.store, [day.year])
    with ctx.store.atomic():
        ctx.store.db.execute(
            "INSERT INTO calendar_days(day, kind, note, source) VALUES (?, ?, ?, 'manual') "
            "ON CONFLICT(day) DO UPDATE SET kind = excluded.kind, note = excluded.note, "
            "source = 'manual'",
            [day.isoformat(), entry.kind, entry.note],
        )
        record(ctx, "calendar.day_set", {"day": day.isoformat(), "kind": kind, "note": entry.note})


def remove_day(ctx: Session, day: date) -> None:
    """Remove the row for ``day``: it becomes an ordinary weekday or weekend day again."""
    ctx.require("calendar.manage")
    ensure_seeded(ctx.store, [day.year])
    with ctx.store.atomic():
        cur = ctx.store.db.execute("DELETE FROM calendar_days WHERE day = ?", [day.isoformat()])
        if cur.rowcount == 0:
            raise NotFound(f"Ngày {clock.fmt_date(day)} không có trong bảng ngày nghỉ/làm bù")
        record(ctx, "calendar.day_removed", {"day": day.isoformat()})
