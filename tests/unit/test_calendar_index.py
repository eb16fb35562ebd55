"""The calendar's running count of working time (#9) against the day-by-day walks it replaced.

``WorkCalendar.working_time_between`` and ``add_working_hours`` now read a running count
(``WorkingTimeIndex``) instead of walking every day of the span. The walks are kept here, as
they were, as the reference: over holidays, make-up days, lunch breaks, odd office hours and
weekends, spans across years, moments outside office hours and the due-date rules, both must
give the same result to the microsecond, or the same error.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from onestop_desktop.domain.calendar import (
    SAME_DAY,
    CalendarEntry,
    DueRules,
    OfficeHours,
    TimeLimit,
    WorkCalendar,
    due,
    seed_calendar,
)
from onestop_desktop.domain.clock import VN_TZ, to_vn
from onestop_desktop.errors import ValidationError
from onestop_desktop.services import calendar as calendar_service
from onestop_desktop.services.calendar import official_days

SEEDED = seed_calendar(range(2023, 2029), swaps=official_days())


# --------------------------------------------------------------------------------------------------
# The reference: the walks as they were before the index


def walk_between(cal: WorkCalendar, start: datetime, end: datetime) -> timedelta:
    """The old ``services.calendar.working_hours_between`` loop (as a timedelta)."""
    if end <= start:
        return timedelta()
    total = timedelta()
    day = to_vn(start).date()
    last = to_vn(end).date()
    while day <= last:
        if cal.is_working_day(day):
            for p_start, p_end in cal.periods_on(day):
                a, b = max(p_start, start), min(p_end, end)
                if b > a:
                    total += b - a
        day += timedelta(days=1)
    return total


def walk_add(cal: WorkCalendar, start: datetime, hours: float) -> datetime:
    """The old ``WorkCalendar.add_working_hours`` walk (the validation of ``hours`` aside)."""
    cursor = cal.working_moment(start)
    remaining = timedelta(hours=hours)
    if not remaining:
        return to_vn(start) if cal.is_working_time(start) else cursor
    day = cursor.date()
    day_length = cal.hours.day_length
    while True:
        if cursor <= cal.opening(day) and remaining > day_length:
            remaining -= day_length
        else:
            for p_start, p_end in cal.periods_on(day):
                if p_end <= cursor:
                    continue
                begin = max(cursor, p_start)
                available = p_end - begin
                if remaining <= available:
                    return begin + remaining
                remaining -= available
        day = cal.next_working_day(day)
        cursor = cal.opening(day)


def walk_due(received: datetime, limit: TimeLimit, cal: WorkCalendar, rules: DueRules) -> datetime:
    """``domain.calendar.due`` with the walk for working hours and days."""
    start = cal.working_moment(received)
    if limit.is_same_day:
        day = start.date()
        if start.time() >= cal.hours.same_day_cutoff:
            day = cal.next_working_day(day)
        return cal.closing(day)
    if limit.unit == "working_hours":
        return walk_add(cal, start, limit.value)
    if limit.unit == "working_days":
        return walk_add(cal, start, limit.value * cal.hours.hours_per_day)
    base = start if rules.calendar_days_from == "working_moment" else to_vn(received)
    last = base.date() + timedelta(days=limit.value)
    return cal.closing(cal.working_day_on_or_after(last))


def outcome(call: object, *args: object) -> object:
    """What ``call(*args)`` returns, or the error it raises (its class and message)."""
    assert callable(call)
    try:
        return call(*args)
    except ValidationError as exc:
        return ("error", type(exc), str(exc))


# --------------------------------------------------------------------------------------------------
# Strategies


def _clock_times() -> st.SearchStrategy[time]:
    return st.builds(
        time,
        st.integers(0, 23),
        st.sampled_from([0, 0, 15, 30, 45, 59]),
        st.sampled_from([0, 0, 0, 1, 59]),
        st.sampled_from([0, 0, 0, 1, 999_999]),
    )


@st.composite
def office_hours(draw: st.DrawFn) -> OfficeHours:
    """One to three periods (a lunch break or two), at any minute, second or microsecond."""
    bounds = sorted(draw(st.sets(_clock_times(), min_size=2, max_size=6)))
    count = len(bounds) // 2
    periods = tuple((bounds[2 * i], bounds[2 * i + 1]) for i in range(count))
    opening, closing = periods[0][0], periods[-1][1]
    ref = date(2000, 1, 3)
    span = datetime.combine(ref, closing) - datetime.combine(ref, opening)
    cutoff = (datetime.combine(ref, opening) + span * draw(st.floats(0.01, 1.0))).time()
    if not opening < cutoff <= closing:
        cutoff = closing
    return OfficeHours(periods, cutoff)


def _usable(hours: OfficeHours) -> bool:
    """Periods of ten minutes at least: a day of a few microseconds would make a 999-day limit
    fall beyond the year 9999 (an OverflowError both ways, after a walk of billions of days)."""
    ref = date(2000, 1, 3)
    return all(
        datetime.combine(ref, end) - datetime.combine(ref, start) >= timedelta(minutes=10)
        for start, end in hours.periods
    )


_DEFAULT_HOURS = OfficeHours()
_ALT_HOURS = OfficeHours(((time(7, 30), time(11, 45)), (time(13), time(16, 45))), time(14, 30))

_ENTRIES = st.lists(
    st.builds(
        CalendarEntry,
        st.dates(min_value=date(2022, 6, 1), max_value=date(2029, 6, 30)),
        st.sampled_from(["day_off", "workday"]),
        st.just("ngẫu nhiên"),
        st.sampled_from(["seed", "official", "manual"]),
    ),
    max_size=60,
)


@st.composite
def calendars(draw: st.DrawFn) -> WorkCalendar:
    """The seeded Vietnamese calendar (holidays, Tết, make-up Saturdays) with extra random rows,
    default or other office hours, and now and then another weekend."""
    base = draw(st.sampled_from([SEEDED.entries, []]))
    extra = draw(_ENTRIES)
    hours = draw(
        st.one_of(st.just(_DEFAULT_HOURS), st.just(_ALT_HOURS), office_hours().filter(_usable))
    )
    weekend = draw(
        st.one_of(
            st.just(frozenset({5, 6})),
            st.just(frozenset({6})),
            st.frozensets(st.integers(0, 6), max_size=6),
        )
    )
    return WorkCalendar([*base, *extra], hours, weekend=weekend)


_ZONES = st.sampled_from([VN_TZ, timezone.utc, timezone(timedelta(hours=-5))])
_MOMENTS = st.datetimes(
    min_value=datetime(2023, 1, 1), max_value=datetime(2028, 12, 31), timezones=_ZONES
)
_SPANS = st.one_of(
    st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=3)),
    st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=800)),
)


# --------------------------------------------------------------------------------------------------
# Working time between two moments


@settings(max_examples=400, deadline=None)
@given(cal=calendars(), start=_MOMENTS, span=_SPANS, backwards=st.booleans())
def test_working_time_between_equals_the_day_walk(
    cal: WorkCalendar, start: datetime, span: timedelta, backwards: bool
) -> None:
    end = start - span if backwards else start + span
    assert cal.working_time_between(start, end) == walk_between(cal, start, end)
    hours = calendar_service.working_hours_between(cal, start, end)
    assert hours == walk_between(cal, start, end) / timedelta(hours=1)


@settings(max_examples=200, deadline=None)
@given(cal=calendars(), day=st.dates(date(2023, 1, 1), date(2028, 12, 31)), data=st.data())
def test_moments_on_the_edges_of_periods(cal: WorkCalendar, day: date, data: st.DataObject) -> None:
    """Period starts and ends, a microsecond either side, midnight: where an off-by-one hides."""
    edges = [time(0), time(23, 59, 59, 999_999)]
    for start, end in cal.hours.periods:
        edges += [start, end]
    moments: list[datetime] = []
    for edge in edges:
        at = datetime.combine(day, edge, VN_TZ)
        moments += [at - timedelta(microseconds=1), at, at + timedelta(microseconds=1)]
    a = data.draw(st.sampled_from(moments))
    b = data.draw(st.sampled_from(moments)) + timedelta(days=data.draw(st.integers(0, 9)))
    assert cal.working_time_between(a, b) == walk_between(cal, a, b)


def test_a_span_of_years_costs_two_look_ups() -> None:
    """Twenty years of Vietnamese calendar, to the microsecond of the walk."""
    start = datetime(2010, 2, 3, 9, 17, 0, 5, tzinfo=VN_TZ)
    end = datetime(2030, 7, 1, 14, 0, tzinfo=VN_TZ)
    cal = seed_calendar(range(2010, 2031))
    assert cal.working_time_between(start, end) == walk_between(cal, start, end)


# --------------------------------------------------------------------------------------------------
# Adding working time (the appointment)


_HOURS = st.one_of(
    st.integers(0, 24).map(float),
    st.integers(0, 999 * 8).map(float),
    st.floats(0, 2_000, allow_nan=False, allow_infinity=False),
)


@settings(max_examples=400, deadline=None)
@given(cal=calendars(), start=_MOMENTS, hours=_HOURS)
def test_add_working_hours_equals_the_walk(
    cal: WorkCalendar, start: datetime, hours: float
) -> None:
    assert outcome(cal.add_working_hours, start, hours) == outcome(walk_add, cal, start, hours)


_LIMITS = st.one_of(
    st.just(SAME_DAY),
    st.builds(TimeLimit, st.integers(0, 999), st.just("working_days")),
    st.builds(TimeLimit, st.integers(0, 999), st.just("working_hours")),
    st.builds(TimeLimit, st.integers(0, 400), st.just("calendar_days")),
)
_RULES = st.builds(DueRules, st.sampled_from(["working_moment", "received"]))


@settings(max_examples=300, deadline=None)
@given(cal=calendars(), received=_MOMENTS, limit=_LIMITS, rules=_RULES)
def test_appointments_equal_the_walk(
    cal: WorkCalendar, received: datetime, limit: TimeLimit, rules: DueRules
) -> None:
    assert outcome(due, received, limit, cal, rules) == outcome(
        walk_due, received, limit, cal, rules
    )


@settings(max_examples=200, deadline=None)
@given(cal=calendars(), start=_MOMENTS, hours=_HOURS)
def test_what_was_added_is_what_lies_between(
    cal: WorkCalendar, start: datetime, hours: float
) -> None:
    """The two halves agree: the working time between a moment's working moment and the
    appointment it gets is the working time added."""
    end = cal.add_working_hours(start, hours)
    assert cal.working_time_between(cal.working_moment(start), end) in (
        timedelta(hours=hours),
        timedelta(),  # 0 hours from a moment at a period's end (it stays there)
    )


# --------------------------------------------------------------------------------------------------
# Broken calendars: no working day for three years


@st.composite
def broken_calendars(draw: st.DrawFn) -> WorkCalendar:
    """A block of days off longer (or just shorter) than the walk's three-year scan, with now
    and then a make-up day inside, or a calendar whose every weekday is a weekend day."""
    first = draw(st.dates(date(2024, 1, 1), date(2026, 1, 1)))
    length = draw(st.integers(1_085, 1_110))
    entries = [CalendarEntry(first + timedelta(days=i), "day_off", "nghỉ") for i in range(length)]
    for worked in draw(st.lists(st.integers(0, length - 1), max_size=2)):
        entries.append(CalendarEntry(first + timedelta(days=worked), "workday", "làm bù"))
    weekend = draw(
        st.sampled_from(
            [frozenset({5, 6}), frozenset({6}), frozenset(range(6)), frozenset(range(7))]
        )
    )
    if weekend == frozenset(range(7)):
        days = draw(st.lists(st.integers(-20, 1_500), min_size=1, max_size=4))
        entries = [CalendarEntry(first + timedelta(days=d), "workday", "làm bù") for d in days]
    return WorkCalendar(entries, weekend=weekend)


@settings(max_examples=150, deadline=None)
@given(
    cal=broken_calendars(),
    start=st.datetimes(datetime(2023, 10, 1), datetime(2026, 3, 1), timezones=st.just(VN_TZ)),
    hours=st.one_of(st.integers(0, 80).map(float), st.integers(0, 4_000).map(float)),
)
def test_a_broken_calendar_fails_where_the_walk_failed(
    cal: WorkCalendar, start: datetime, hours: float
) -> None:
    assert outcome(cal.add_working_hours, start, hours) == outcome(walk_add, cal, start, hours)


def test_no_working_day_for_three_years_is_an_error() -> None:
    entries = [
        CalendarEntry(date(2025, 3, 10) + timedelta(days=i), "day_off", "nghỉ")
        for i in range(1_200)
    ]
    cal = WorkCalendar(entries)
    with pytest.raises(ValidationError, match="07/03/2025"):
        cal.add_working_hours(datetime(2025, 3, 5, 9, tzinfo=VN_TZ), 40)
    # Within the days before the block it still works, to the walk's result.
    start = datetime(2025, 3, 5, 9, tzinfo=VN_TZ)
    assert cal.add_working_hours(start, 8) == walk_add(cal, start, 8)

    # Landing on the last working day before the block (its morning, its closing) is no error.
    for hours in (16.0, 22.0):
        assert cal.add_working_hours(start, hours) == walk_add(cal, start, hours)
    assert cal.add_working_hours(start, 22) == datetime(2025, 3, 7, 17, tzinfo=VN_TZ)


@pytest.mark.parametrize(("off_sundays", "fails"), [(155, False), (156, True)])
def test_the_gap_limit_is_the_walks_to_the_day(off_sundays: int, fails: bool) -> None:
    """Only Sundays worked, and ``off_sundays`` of them off in a row: 156 make a gap of
    1,099 days, one more than the walk's scan of 1,098 (the shortest run the index looks for)."""
    sunday = date(2025, 3, 2)
    entries = [
        CalendarEntry(sunday + timedelta(weeks=k), "day_off", "nghỉ")
        for k in range(1, off_sundays + 1)
    ]
    cal = WorkCalendar(entries, weekend=range(6))
    start = datetime(2025, 3, 2, 8, tzinfo=VN_TZ)
    got, expected = outcome(cal.add_working_hours, start, 30), outcome(walk_add, cal, start, 30)
    assert got == expected
    assert isinstance(got, tuple) is fails


@pytest.mark.parametrize(("gap", "fails"), [(1_098, False), (1_099, True)])
def test_make_up_days_only_fail_past_the_scan(gap: int, fails: bool) -> None:
    """Every weekday a weekend day: the working days are the make-up days alone."""
    first = date(2025, 1, 4)
    cal = WorkCalendar(
        [
            CalendarEntry(first, "workday", "làm bù"),
            CalendarEntry(first + timedelta(days=gap), "workday", "làm bù"),
        ],
        weekend=range(7),
    )
    start = datetime(2025, 1, 4, 8, tzinfo=VN_TZ)
    # 7 working hours are left on the first day, 8 on the second: 15 in all, then none ever.
    for hours in (4.0, 7.0, 12.0, 15.0, 16.0):
        got = outcome(cal.add_working_hours, start, hours)
        assert got == outcome(walk_add, cal, start, hours)
        assert isinstance(got, tuple) is (hours > 15 or (fails and hours > 7))
