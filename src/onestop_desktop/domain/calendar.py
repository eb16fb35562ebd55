"""Working calendar, time limits and the appointment (ngày hẹn trả) of a dossier.

Pure rules, no I/O. They follow docs reference domain-vn.md §3 and §6:

* Durations are counted in **working hours** inside office hours (default 07:00–11:30 and
  13:30–17:00); one working day = ``OfficeHours.hours_per_day`` hours (8 by default). This is what a
  real provincial system does ([HV] ``CaculateTime.cs``), and it makes "3 ngày làm việc" from
  Friday 10:00 end at 10:00 three working days later.
* A receipt moment outside office hours is first moved to the next working moment: before 07:00 →
  07:00, at lunch → 13:30, after 17:00 or on a day off → 07:00 of the next working day.
* An appointment that lands exactly on the end of a period stays there (17:00 is a valid
  appointment; it never becomes 07:00 the next morning).
* Same-day procedures (hộ tịch, chứng thực): received before the 15:00 cut-off → 17:00 that day,
  otherwise 17:00 of the next working day.
* Weekends are Saturday and Sunday; an editable per-year table of :class:`CalendarEntry` rows adds
  days off (holidays) and make-up working days (ngày làm bù). :func:`seed_year` fills that table
  from the ``holidays`` package plus the official swaps (:class:`OfficialSwap`); the operator
  corrects it from the official notice each year.

Rules the reference does not confirm are parameters (:class:`DueRules`, ``seed_year`` keywords)
with documented defaults, never hard-coded.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import functools
import itertools
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal, get_args

from onestop_desktop.domain.clock import VN_TZ, fmt_date, fmt_int, to_vn
from onestop_desktop.domain.text import fold, nfc
from onestop_desktop.errors import ValidationError

DayKind = Literal["day_off", "workday"]
EntrySource = Literal["seed", "official", "manual"]
TimeUnit = Literal["working_days", "working_hours", "calendar_days", "same_day"]

DAY_KINDS: tuple[DayKind, ...] = get_args(DayKind)
ENTRY_SOURCES: tuple[EntrySource, ...] = get_args(EntrySource)
TIME_UNITS: tuple[TimeUnit, ...] = get_args(TimeUnit)

Period = tuple[time, time]

#: Office hours of a commune centre unless the admin sets others (domain-vn.md §3).
DEFAULT_PERIODS: tuple[Period, ...] = ((time(7, 0), time(11, 30)), (time(13, 30), time(17, 0)))
DEFAULT_CUTOFF = time(15, 0)

#: How far :meth:`WorkCalendar.next_working_day` looks before declaring the calendar broken.
_MAX_SCAN_DAYS = 3 * 366


def _hm(value: time) -> str:
    """07:00 style, as the messages show a time of day."""
    return f"{value:%H:%M}"


# --------------------------------------------------------------------------------------------------
# Office hours


@dataclass(frozen=True)
class OfficeHours:
    """The working periods of one day and the same-day cut-off.

    Periods are ``(start, end)`` pairs, ordered and non-overlapping (touching is allowed). The
    cut-off must fall within the day's working span, otherwise the same-day rule is meaningless.
    """

    periods: tuple[Period, ...] = DEFAULT_PERIODS
    same_day_cutoff: time = DEFAULT_CUTOFF

    def __post_init__(self) -> None:
        # Accept lists (from settings files) but store tuples so the value stays hashable.
        periods = tuple((start, end) for start, end in self.periods)
        object.__setattr__(self, "periods", periods)
        if not periods:
            raise ValidationError("Giờ làm việc phải có ít nhất một buổi.", field="periods")
        for start, end in periods:
            if not start < end:
                raise ValidationError(
                    "Buổi làm việc {start}–{end}: giờ bắt đầu phải trước giờ kết thúc.",
                    field="periods",
                    start=_hm(start),
                    end=_hm(end),
                )
        for (prev_start, prev_end), (next_start, next_end) in itertools.pairwise(periods):
            if next_start < prev_end:
                raise ValidationError(
                    "Các buổi làm việc phải theo thứ tự và không chồng lên nhau: "
                    "{first} và {second}.",
                    field="periods",
                    first=f"{_hm(prev_start)}–{_hm(prev_end)}",
                    second=f"{_hm(next_start)}–{_hm(next_end)}",
                )
        if not self.opening < self.same_day_cutoff <= self.closing:
            raise ValidationError(
                "Giờ chốt nhận hồ sơ trong ngày ({cutoff}) phải nằm trong giờ "
                "làm việc ({opening}–{closing}).",
                field="same_day_cutoff",
                cutoff=_hm(self.same_day_cutoff),
                opening=_hm(self.opening),
                closing=_hm(self.closing),
            )

    @property
    def opening(self) -> time:
        """When the counter opens (start of the first period)."""
        return self.periods[0][0]

    @property
    def closing(self) -> time:
        """When the counter closes (end of the last period): same-day results are due then."""
        return self.periods[-1][1]

    @property
    def day_length(self) -> timedelta:
        """Working time in one day, as an exact timedelta."""
        ref = date(2000, 1, 3)
        return sum(
            (
                datetime.combine(ref, end) - datetime.combine(ref, start)
                for start, end in self.periods
            ),
            timedelta(),
        )

    @property
    def hours_per_day(self) -> float:
        """One working day in hours (8.0 by default): the size of "1 ngày làm việc"."""
        return self.day_length / timedelta(hours=1)


DEFAULT_HOURS = OfficeHours()


# --------------------------------------------------------------------------------------------------
# Calendar entries and the working calendar


@dataclass(frozen=True)
class CalendarEntry:
    """One row of the editable per-year table: a day off on a weekday, or a make-up workday.

    ``source`` is "seed" for rows guessed by the ``holidays`` package (unconfirmed), "official" for
    rows from the shipped list of government-announced swaps (``resources/calendar/
    official_days.json``, each with its document) and "manual" for rows an operator typed. For the
    same date a manual row beats an official row, which beats a seed row.
    """

    date: _dt.date
    kind: DayKind
    note: str = ""
    source: EntrySource = "manual"

    def __post_init__(self) -> None:
        if isinstance(self.date, datetime) or not isinstance(self.date, _dt.date):
            raise ValidationError("Ngày trong lịch làm việc không hợp lệ.", field="date")
        if self.kind not in DAY_KINDS:
            raise ValidationError(
                "Loại ngày «{kind}» không hợp lệ (chỉ nhận day_off hoặc workday).",
                field="kind",
                kind=self.kind,
            )
        if self.source not in ENTRY_SOURCES:
            raise ValidationError(
                "Nguồn «{source}» không hợp lệ (chỉ nhận seed, official hoặc manual).",
                field="source",
                source=self.source,
            )
        object.__setattr__(self, "note", nfc(self.note))


_RANK: dict[EntrySource, int] = {"seed": 0, "official": 1, "manual": 2}


class WorkCalendar:
    """Which days are worked, and arithmetic in working time.

    Weekends (Saturday and Sunday by default) are off unless an entry marks them "workday"; a
    "day_off" entry removes any day. All returned moments are aware, in +07:00.
    """

    def __init__(
        self,
        entries: Iterable[CalendarEntry] = (),
        hours: OfficeHours | None = None,
        *,
        weekend: Iterable[int] = (5, 6),
    ) -> None:
        self.hours = hours if hours is not None else DEFAULT_HOURS
        self.weekend = frozenset(weekend)
        by_day: dict[date, CalendarEntry] = {}
        for entry in entries:
            current = by_day.get(entry.date)
            # manual > official > seed whatever the order; for equal sources the later row wins.
            if current is None or _RANK[entry.source] >= _RANK[current.source]:
                by_day[entry.date] = entry
        self._entries = by_day

    @property
    def entries(self) -> list[CalendarEntry]:
        """The effective table, one row per date, in date order."""
        return [self._entries[day] for day in sorted(self._entries)]

    def entry(self, day: date) -> CalendarEntry | None:
        """The table row for ``day``, if any (to show why a day is off)."""
        return self._entries.get(day)

    # -- days ---------------------------------------------------------------------------------

    def is_working_day(self, day: date) -> bool:
        """Whether the counter works on ``day`` (a datetime is read in +07:00)."""
        if isinstance(day, datetime):
            day = to_vn(day).date()
        found = self._entries.get(day)
        if found is not None:
            return found.kind == "workday"
        return day.weekday() not in self.weekend

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after ``day``."""
        if isinstance(day, datetime):
            day = to_vn(day).date()
        candidate = day
        for _ in range(_MAX_SCAN_DAYS):
            candidate += timedelta(days=1)
            if self.is_working_day(candidate):
                return candidate
        raise _no_working_day(day)

    def working_day_on_or_after(self, day: date) -> date:
        """``day`` itself if worked, else the next working day (where a deadline moves to)."""
        return day if self.is_working_day(day) else self.next_working_day(day)

    def opening(self, day: date) -> datetime:
        """Opening moment of ``day`` (07:00 by default)."""
        return datetime.combine(day, self.hours.opening, VN_TZ)

    def closing(self, day: date) -> datetime:
        """Closing moment of ``day`` (17:00 by default)."""
        return datetime.combine(day, self.hours.closing, VN_TZ)

    def periods_on(self, day: date) -> list[tuple[datetime, datetime]]:
        """The working periods of ``day`` as aware moments (whether or not the day is worked)."""
        return [
            (datetime.combine(day, start, VN_TZ), datetime.combine(day, end, VN_TZ))
            for start, end in self.hours.periods
        ]

    # -- moments ------------------------------------------------------------------------------

    def is_working_time(self, moment: datetime) -> bool:
        """Whether ``moment`` is on a working day inside a period, both ends included.

        The end is included because an appointment "by 17:00" is a working moment.
        """
        moment = to_vn(moment)
        if not self.is_working_day(moment.date()):
            return False
        return any(start <= moment <= end for start, end in self.periods_on(moment.date()))

    def working_moment(self, moment: datetime) -> datetime:
        """The receipt moment from which time counts (reference §3).

        Before opening → opening; at lunch → start of the afternoon; at or after closing, or on a
        day off → opening of the next working day. A moment inside a period is kept as is; the
        end of a period counts as outside (nothing can be processed at 17:00:00).
        """
        moment = to_vn(moment)
        day = moment.date()
        if self.is_working_day(day):
            for start, end in self.periods_on(day):
                if moment < start:
                    return start
                if moment < end:
                    return moment
        return self.opening(self.next_working_day(day))

    def add_working_hours(self, start: datetime, hours: float) -> datetime:
        """``hours`` of working time after the working moment of ``start``.

        The result lands inside office hours; landing exactly on the end of a period stays there
        (the earliest moment at which that much working time has passed). Computed from the
        calendar's running count of working time (:class:`WorkingTimeIndex`), not by walking
        the days: a 999-day limit costs what a 1-day one does.
        """
        if not (math.isfinite(hours) and hours >= 0):
            raise ValidationError(
                "Số giờ làm việc phải là số không âm (nhận được {value}).",
                field="hours",
                value=repr(hours),
            )
        cursor = self.working_moment(start)
        remaining = timedelta(hours=hours)
        if not remaining:
            # Nothing to add: a moment already in working time (an appointment at 17:00, say)
            # stays where it is; only a moment outside it moves to the next working moment.
            return to_vn(start) if self.is_working_time(start) else cursor
        return self.time_index.add(cursor, remaining // _ONE_US)

    def working_time_between(self, start: datetime, end: datetime) -> timedelta:
        """Working time from ``start`` to ``end`` (zero when ``end`` is not after ``start``):
        the part of every working period of every working day that lies between them.

        Two look-ups in :attr:`time_index` whatever the span, so the worklist's time-left
        column (one call per visible row, years for an old overdue dossier) does not grow
        with how long ago the appointment was."""
        if end <= start:
            return timedelta()
        index = self.time_index
        return _ONE_US * (index.before(end) - index.before(start))

    @functools.cached_property
    def time_index(self) -> WorkingTimeIndex:
        """The running count of working time, built on first use and kept with the calendar
        (the store keeps the calendar itself until a day or a setting changes)."""
        return WorkingTimeIndex(self)

    def add_working_days(self, start: datetime, days: float) -> datetime:
        """``days`` working days after ``start``: ``days × hours_per_day`` working hours."""
        if not (math.isfinite(days) and days >= 0):
            raise ValidationError(
                "Số ngày làm việc phải là số không âm (nhận được {value}).",
                field="days",
                value=repr(days),
            )
        return self.add_working_hours(start, days * self.hours.hours_per_day)


_ONE_US = timedelta(microseconds=1)
_US_PER_SECOND = 1_000_000


def _us_of_day(value: time) -> int:
    """Microseconds from midnight to ``value`` (a time of day, its tzinfo ignored)."""
    seconds = (value.hour * 60 + value.minute) * 60 + value.second
    return seconds * _US_PER_SECOND + value.microsecond


def _time_of_day(us: int) -> time:
    """The time of day ``us`` microseconds after midnight (the inverse of :func:`_us_of_day`)."""
    seconds, micro = divmod(us, _US_PER_SECOND)
    minutes, second = divmod(seconds, 60)
    hour, minute = divmod(minutes, 60)
    return time(hour, minute, second, micro)


class WorkingTimeIndex:
    """Working time as a running count, so that spans and sums cost the same whatever their
    length (#9: the worklist asks the time left of every visible row at each keystroke).

    ``before(m)`` is the working time, in microseconds, from 0001-01-01 to the moment ``m``:
    the working days before ``m``'s date times the day's length, plus the part of ``m``'s own
    day worked by then. The number of working days before a date is arithmetic: the weekdays
    that are not weekend days (whole weeks and a remainder), corrected by a prefix sum over the
    calendar's entries that differ from that default (a day off on a weekday, a make-up
    Saturday), found by bisection. Integers throughout, so the results equal the day-by-day
    walk to the microsecond (``tests/unit/test_calendar_index.py`` compares them).

    ``add`` inverts it: the earliest moment at which a given amount of working time has passed.
    A calendar with no working day for more than ``_MAX_SCAN_DAYS`` days (a broken table, or
    every weekday a weekend day) raises the same error the day-by-day walk raised, at the same
    day: such gaps are found once, when the index is built.
    """

    def __init__(self, cal: WorkCalendar) -> None:
        self._cal = cal
        weekend = cal.weekend
        self._weekend = weekend
        self._by_day = cal._entries  # the effective row of each date (the calendar never changes)
        self._week_prefix = [0]
        for weekday in range(7):
            self._week_prefix.append(self._week_prefix[-1] + (weekday not in weekend))
        self._per_week = self._week_prefix[7]
        starts, ends, before = [], [], []
        worked = 0
        for start, end in cal.hours.periods:
            starts.append(_us_of_day(start))
            ends.append(_us_of_day(end))
            before.append(worked)
            worked += ends[-1] - starts[-1]
        self._starts, self._ends, self._before = starts, ends, before
        self.day_us = worked
        """One working day, in microseconds."""
        ordinals: list[int] = []
        running = [0]
        for entry in cal.entries:
            default = entry.date.weekday() not in weekend
            worked_day = entry.kind == "workday"
            if worked_day != default:
                ordinals.append(entry.date.toordinal())
                running.append(running[-1] + (1 if worked_day else -1))
        self._corr_ordinals, self._corr_running = ordinals, running
        self._gap_from = self._long_gaps()

    # -- counting

    def days_before(self, ordinal: int) -> int:
        """How many working days have a date ordinal below ``ordinal``."""
        weeks, rest = divmod(ordinal - 1, 7)  # ordinal 1 (0001-01-01) is a Monday
        corrections = self._corr_running[bisect.bisect_left(self._corr_ordinals, ordinal)]
        return weeks * self._per_week + self._week_prefix[rest] + corrections

    def within_day(self, us: int) -> int:
        """Working time of a working day from midnight to ``us`` microseconds after it."""
        total = 0
        for start, end in zip(self._starts, self._ends, strict=True):
            if us <= start:
                break
            total += min(us, end) - start
        return total

    def before(self, moment: datetime) -> int:
        """Working time, in microseconds, from the start of the calendar to ``moment``."""
        # to_vn and is_working_day written out: this runs twice per visible row per keystroke.
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=VN_TZ)
        elif moment.tzinfo is not VN_TZ:
            moment = moment.astimezone(VN_TZ)
        day = moment.date()
        total = self.days_before(day.toordinal()) * self.day_us
        entry = self._by_day.get(day)
        if entry.kind == "workday" if entry is not None else day.weekday() not in self._weekend:
            seconds = (moment.hour * 60 + moment.minute) * 60 + moment.second
            total += self.within_day(seconds * _US_PER_SECOND + moment.microsecond)
        return total

    # -- adding

    def add(self, cursor: datetime, amount_us: int) -> datetime:
        """The earliest moment at which ``amount_us`` (> 0) microseconds of working time have
        passed since ``cursor``, a working moment (:meth:`WorkCalendar.working_moment`)."""
        cursor = to_vn(cursor)
        first = cursor.date().toordinal()
        target = self.before(cursor) + amount_us
        whole, rest = divmod(target, self.day_us)
        # The result is on the working day with ``days`` working days before it, ``offset``
        # into its working time (a whole number of days ends at that day's closing time).
        days, offset = (whole, rest) if rest else (whole - 1, self.day_us)
        gap = bisect.bisect_left(self._gap_from, first)
        if gap < len(self._gap_from):
            # The walk would stop at this gap's last working day unless it ends before it.
            high = self._gap_from[gap]
            if self.days_before(high + 1) <= days:
                raise _no_working_day(date.fromordinal(high))
        else:
            step, high = 8, first
            while self.days_before(high + 1) <= days:
                high = first + step
                step *= 2
                if high > date.max.toordinal():
                    raise OverflowError("date value out of range")
        low = first
        while low < high:  # the first day whose count, itself included, exceeds ``days``
            middle = (low + high) // 2
            if self.days_before(middle + 1) > days:
                high = middle
            else:
                low = middle + 1
        period = 0
        while self._before[period] + self._ends[period] - self._starts[period] < offset:
            period += 1
        us = self._starts[period] + offset - self._before[period]
        return datetime.combine(date.fromordinal(low), _time_of_day(us), VN_TZ)

    def _long_gaps(self) -> list[int]:
        """Each working day followed by no other within ``_MAX_SCAN_DAYS`` days, as date
        ordinals in date order.

        With at least one weekday worked a week, such a gap needs days off on every weekday of
        three years: a chain of day-off entries with no worked weekday between them, spanning
        nearly as long; only such chains are walked day by day. With every weekday a weekend
        day, the working days are the calendar's make-up days, and after the last one there is
        none."""
        cal = self._cal
        gap_from: list[int] = []
        if self._per_week == 0:
            worked = [e.date.toordinal() for e in cal.entries if e.kind == "workday"]
            for this, following in itertools.pairwise(worked):
                if following - this > _MAX_SCAN_DAYS:
                    gap_from.append(this)
            return gap_from + worked[-1:]  # after the last make-up day, none ever
        offs = [
            e.date.toordinal()
            for e in cal.entries
            if e.kind == "day_off" and e.date.weekday() not in cal.weekend
        ]
        chains: list[tuple[int, int]] = []
        for ordinal in offs:
            if chains and self._weekdays_between(chains[-1][1], ordinal) == 0:
                chains[-1] = (chains[-1][0], ordinal)
            else:
                chains.append((ordinal, ordinal))
        for low, high in chains:
            if high - low < _MAX_SCAN_DAYS - 14:
                continue
            previous: int | None = None
            for ordinal in range(low - 7, high + 8):
                if cal.is_working_day(date.fromordinal(ordinal)):
                    if previous is not None and ordinal - previous > _MAX_SCAN_DAYS:
                        gap_from.append(previous)
                    previous = ordinal
        return gap_from

    def _weekdays_between(self, low: int, high: int) -> int:
        """Weekdays that are not weekend days strictly between two date ordinals."""
        weeks, rest = divmod(high - 1, 7)
        upto = weeks * self._per_week + self._week_prefix[rest]  # ordinals below ``high``
        weeks, rest = divmod(low, 7)
        return upto - (weeks * self._per_week + self._week_prefix[rest])  # minus up to ``low``


def _no_working_day(day: date) -> ValidationError:
    """What :meth:`WorkCalendar.next_working_day` raises when the table leaves no working day
    for ``_MAX_SCAN_DAYS`` days after ``day``."""
    return ValidationError(
        "Lịch làm việc không có ngày làm việc nào trong {days} ngày sau "
        "{date}: hãy kiểm tra bảng ngày nghỉ.",
        field="calendar",
        days=fmt_int(_MAX_SCAN_DAYS),
        date=fmt_date(day),
    )


# --------------------------------------------------------------------------------------------------
# Time limits

_UNIT_WORDS: dict[str, TimeUnit] = {
    "working_days": "working_days",
    "working_day": "working_days",
    "ngay lam viec": "working_days",
    "working_hours": "working_hours",
    "working_hour": "working_hours",
    "gio lam viec": "working_hours",
    # Procedure texts write "08 giờ" for working hours; there is no calendar-hour limit.
    "gio": "working_hours",
    "calendar_days": "calendar_days",
    "calendar_day": "calendar_days",
    "ngay": "calendar_days",
    "ngay lich": "calendar_days",
    "same_day": "same_day",
    "trong ngay": "same_day",
    "ngay trong ngay": "same_day",
}

#: The Vietnamese word for each unit, as catalogue files and forms write it.
UNIT_LABELS: dict[TimeUnit, str] = {
    "working_days": "ngày làm việc",
    "working_hours": "giờ làm việc",
    "calendar_days": "ngày",
    "same_day": "trong ngày",
}

_MAX_LIMIT = 999
_PUNCT = re.compile(r"[^\w\s]+")
_VALUE_UNIT = re.compile(r"(\d+)\s*(.*)")
_NEGATIVE = re.compile(r"\s*[-\u2212]")  # a leading minus sign (ASCII or U+2212)


def _folded_words(text: str) -> str:
    """Folded text without punctuation: "Trong ngày (trước 15 giờ)" → "trong ngay truoc 15 gio"."""
    return " ".join(_PUNCT.sub(" ", fold(text)).split())


def parse_time_unit(text: str) -> TimeUnit:
    """A unit from its key ("working_days") or its Vietnamese words ("ngày làm việc")."""
    words = _folded_words(text)
    unit = _UNIT_WORDS.get(words)
    if unit is None and words.startswith(("trong ngay", "ngay trong ngay")):
        unit = "same_day"
    if unit is None:
        raise ValidationError(
            "Không hiểu đơn vị thời hạn «{text}»: dùng «ngày làm việc», «giờ làm việc», "
            "«ngày» hoặc «trong ngày».",
            field="time_limit_unit",
            text=text,
        )
    return unit


@dataclass(frozen=True)
class TimeLimit:
    """A procedure's legal time limit (thời hạn giải quyết).

    ``same_day`` carries no number (its value is stored as 0). A value of 0 in any unit means the
    same-day rule, which is how DVCQG texts say "trả ngay trong ngày".
    """

    value: int
    unit: TimeUnit

    def __post_init__(self) -> None:
        if self.unit not in TIME_UNITS:
            raise ValidationError(
                "Đơn vị thời hạn «{unit}» không hợp lệ.", field="time_limit_unit", unit=self.unit
            )
        if self.unit == "same_day":
            object.__setattr__(self, "value", 0)
            return
        if type(self.value) is not int:
            raise ValidationError(
                "Thời hạn phải là số nguyên (nhận được {value}).",
                field="time_limit_value",
                value=repr(self.value),
            )
        if not 0 <= self.value <= _MAX_LIMIT:
            raise ValidationError(
                "Thời hạn phải từ 0 đến {limit} (nhận được {value}).",
                field="time_limit_value",
                limit=fmt_int(_MAX_LIMIT),
                value=fmt_int(self.value),
            )

    @property
    def is_same_day(self) -> bool:
        """Whether the same-day (15:00) rule applies."""
        return self.unit == "same_day" or self.value == 0

    @property
    def canonical(self) -> str:
        """Machine text that :func:`parse_time_limit` reads back: "3 working_days", "same_day"."""
        return "same_day" if self.unit == "same_day" else f"{self.value} {self.unit}"

    def label_for(self, hours: OfficeHours) -> str:
        """The Vietnamese label with the given cut-off: "Trong ngày (trước 15 giờ)"."""
        if self.is_same_day:
            cutoff = hours.same_day_cutoff
            when = f"{cutoff.hour} giờ" + (f" {cutoff.minute:02d}" if cutoff.minute else "")
            return f"Trong ngày (trước {when})"
        if self.unit == "working_hours":
            return f"{self.value} giờ làm việc"
        # Legal texts write day counts with two digits: "03 ngày làm việc", "05 ngày".
        return f"{self.value:02d} {UNIT_LABELS[self.unit]}"

    @property
    def label(self) -> str:
        """The label with the default office hours: "03 ngày làm việc", "30 ngày"."""
        return self.label_for(DEFAULT_HOURS)

    def __str__(self) -> str:
        return self.label


SAME_DAY = TimeLimit(0, "same_day")


def parse_time_limit(text: str) -> TimeLimit:
    """Read "3 working_days", "03 ngày làm việc", "8 giờ làm việc", "30 ngày", "trong ngày"…

    Folded matching, so text without diacritics ("3 ngay lam viec") is read too.
    """
    if not text.strip():
        raise ValidationError(
            "Chưa nhập thời hạn giải quyết (ví dụ «3 ngày làm việc», «8 giờ làm việc», "
            "«30 ngày», «trong ngày»).",
            field="time_limit",
        )
    words = "" if _NEGATIVE.match(text) else _folded_words(text)
    if words in ("same_day", "same day") or words.startswith(("trong ngay", "ngay trong ngay")):
        return SAME_DAY
    match = _VALUE_UNIT.fullmatch(words)
    unit = _UNIT_WORDS.get(match.group(2)) if match else None
    if match is None or unit is None:
        raise ValidationError(
            "Không hiểu thời hạn giải quyết «{text}» (ví dụ «3 ngày làm việc», «8 giờ làm việc», "
            "«30 ngày», «trong ngày»).",
            field="time_limit",
            text=nfc(text),
        )
    return TimeLimit(int(match.group(1)), unit)


# --------------------------------------------------------------------------------------------------
# The appointment


@dataclass(frozen=True)
class DueRules:
    """How a calendar-day limit ("30 ngày") is counted.

    ``calendar_days_from``: "received" (default, the law) counts from the **date of receipt**,
    whatever the hour and whether or not that date is a working day: day 1 is the day after it
    (Civil Code 2015, art. 147(1): a period in days starts on the day after the event). The
    "working_moment" option (count from the date of the moment the receipt is moved to, e.g. a
    Friday 18:30 receipt counts from Monday) is kept only to reproduce appointments issued by
    older versions; it is not the legal rule.

    The end is fixed, not a parameter: the last day is receipt date + N; if it is a day off the
    period ends on the next working day (art. 148(4)); the appointment carries the **closing time**
    of that day (17:00 by default). Art. 148(5) ends a period at 24:00 of its last day, but a
    result can only be handed over while the counter is open, so the closing time is the last
    moment the applicant can actually collect it.
    """

    calendar_days_from: Literal["received", "working_moment"] = "received"


DEFAULT_RULES = DueRules()


def due(
    received: datetime,
    limit: TimeLimit,
    cal: WorkCalendar,
    rules: DueRules = DEFAULT_RULES,
) -> datetime:
    """The appointment (ngày, giờ hẹn trả) for a dossier received at ``received``.

    * same day (or value 0): if the normalised receipt moment is before the cut-off, closing time
      that day; otherwise closing time of the next working day. A receipt before opening or at
      lunch is normalised first, so 06:30 and 12:00 still get the same day.
    * working days / hours: working hours added to the normalised receipt moment.
    * calendar days: the date of receipt + N days (Civil Code art. 147–148), moved to the next
      working day if that day is off, at closing time; see :class:`DueRules`.
    """
    start = cal.working_moment(received)
    if limit.is_same_day:
        day = start.date()
        if start.time() >= cal.hours.same_day_cutoff:
            day = cal.next_working_day(day)
        return cal.closing(day)
    if limit.unit == "working_hours":
        return cal.add_working_hours(start, limit.value)
    if limit.unit == "working_days":
        return cal.add_working_days(start, limit.value)
    base = start if rules.calendar_days_from == "working_moment" else to_vn(received)
    last = base.date() + timedelta(days=limit.value)
    return cal.closing(cal.working_day_on_or_after(last))


# --------------------------------------------------------------------------------------------------
# Seeding the per-year table


@dataclass(frozen=True)
class OfficialSwap:
    """A government-announced day off or make-up working day, with the document that announced it.

    The list lives in ``resources/calendar/official_days.json`` (data, not code); the service reads
    it and :func:`parse_official_days` checks it. ``confirmed`` is False when the document was not
    seen (the row is still applied, and ``calendar list`` says it is unconfirmed).
    """

    date: _dt.date
    kind: DayKind
    note: str
    document: str
    confirmed: bool = True

    @property
    def source_label(self) -> str:
        """What ``calendar list`` shows as the row's source."""
        mark = "" if self.confirmed else " (chưa xác nhận văn bản)"
        return self.document + mark


def parse_official_days(data: object) -> tuple[OfficialSwap, ...]:
    """The swaps of the shipped JSON document ``{"days": [{date, kind, note, document,
    confirmed}]}``, checked: one row per date, a known kind, a note and a document on every row."""
    days = data.get("days") if isinstance(data, dict) else None
    if not isinstance(days, list):
        raise ValidationError("Tệp ngày nghỉ chính thức thiếu danh sách «days».", field="days")
    found: dict[date, OfficialSwap] = {}
    for index, row in enumerate(days, start=1):
        if not isinstance(row, dict):
            raise ValidationError(
                "Dòng {row} của tệp ngày nghỉ chính thức không hợp lệ.",
                field="days",
                row=fmt_int(index),
            )
        try:
            day = date.fromisoformat(str(row.get("date", "")))
        except ValueError:
            raise ValidationError(
                "Dòng {row} của tệp ngày nghỉ chính thức có ngày không hợp lệ.",
                field="date",
                row=fmt_int(index),
            ) from None
        kind = row.get("kind")
        note, document = row.get("note"), row.get("document")
        confirmed = row.get("confirmed", True)
        if kind not in DAY_KINDS or not isinstance(confirmed, bool):
            raise ValidationError(
                "Dòng {row} của tệp ngày nghỉ chính thức có loại ngày không hợp lệ.",
                field="kind",
                row=fmt_int(index),
            )
        if not (isinstance(note, str) and note.strip() and isinstance(document, str)):
            raise ValidationError(
                "Dòng {row} của tệp ngày nghỉ chính thức thiếu ghi chú hoặc văn bản.",
                field="document",
                row=fmt_int(index),
            )
        if not document.strip() or day in found:
            raise ValidationError(
                "Dòng {row} của tệp ngày nghỉ chính thức: thiếu văn bản hoặc trùng ngày {date}.",
                field="document",
                row=fmt_int(index),
                date=fmt_date(day),
            )
        found[day] = OfficialSwap(day, kind, nfc(note), nfc(document), confirmed)
    return tuple(found[day] for day in sorted(found))


#: How ``holidays`` (language "vi") names a weekday given off in exchange for a worked Saturday.
_SUBSTITUTED = re.compile(r"thay cho ngày (\d{1,2})/(\d{1,2})/(\d{4})")

#: Vietnam Culture Day (24/11), in ``holidays`` from 2026; legal force for 2026 is unconfirmed.
_CULTURE_DAY = (11, 24)
_CULTURE_DAY_NOTE = " (chưa xác nhận hiệu lực — Nghị quyết 80-NQ/TW, chờ sửa Bộ luật Lao động)"


#: The package guesses the day next to 2/9 by weekday; the Prime Minister fixes it each year.
_NATIONAL_DAY = "Quốc khánh"
_ADJACENT_NOTE = " (ngày liền kề do thư viện holidays ước tính — đối chiếu thông báo chính thức)"


def _package_holidays(years: Sequence[int]) -> dict[date, str]:
    import holidays  # heavy import, only needed when seeding

    found = holidays.country_holidays("VN", years=list(years), language="vi")
    return {day: str(name) for day, name in found.items()}


def seed_year(
    year: int,
    *,
    include_culture_day: bool = True,
    swaps: Sequence[OfficialSwap] = (),
) -> list[CalendarEntry]:
    """Seed rows for ``year``: the operator reviews and corrects them from the official notice.

    * every holiday of ``holidays.country_holidays("VN", language="vi")`` becomes a "day_off" row
      (note = holiday name), weekends included so the table shows them;
    * every Saturday that the package names as swapped ("thay cho ngày dd/mm/yyyy") becomes a
      "workday" row: the package gives the day off but does not mark the Saturday as worked;
    * ``swaps`` (the official list, see :class:`OfficialSwap`) of that year override the above
      with source "official".

    The day next to 2/9 is the package's guess by weekday (reference §6), so its note says to
    check it against the official notice.

    ``include_culture_day`` (default True): 24/11 "Ngày Văn hóa Việt Nam" is a day off in the
    package from 2026, but the reference cannot confirm it is in force; the default follows the
    package (the safer error: no appointment set on a day the office may be shut) and the row's
    note says it is unconfirmed.
    """
    if not 1900 <= year <= 2200:
        raise ValidationError("Năm {year} nằm ngoài khoảng hỗ trợ.", field="year", year=str(year))

    around = _package_holidays((year - 1, year, year + 1))
    rows: dict[date, CalendarEntry] = {}
    for day, name in sorted(around.items()):
        if day.year != year:
            continue
        note = name
        if (day.month, day.day) == _CULTURE_DAY and day.year >= 2026:
            if not include_culture_day:
                continue
            note += _CULTURE_DAY_NOTE
        elif name == _NATIONAL_DAY and (day.month, day.day) != (9, 2):
            note += _ADJACENT_NOTE
        rows[day] = CalendarEntry(day, "day_off", note, "seed")
    # A make-up Saturday may be named by a holiday of the next or previous year (27/12/2014).
    for day_off, name in sorted(around.items()):
        for match in _SUBSTITUTED.finditer(name):
            worked = date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
            if worked.year == year and worked not in rows:
                note = f"Làm bù cho ngày nghỉ {fmt_date(day_off)} (theo dữ liệu thư viện holidays)"
                rows[worked] = CalendarEntry(worked, "workday", note, "seed")
    for swap in swaps:
        if swap.date.year == year:
            rows[swap.date] = CalendarEntry(swap.date, swap.kind, swap.note, "official")
    return [rows[day] for day in sorted(rows)]


def seed_calendar(
    years: Iterable[int],
    hours: OfficeHours | None = None,
    *,
    include_culture_day: bool = True,
    swaps: Sequence[OfficialSwap] = (),
) -> WorkCalendar:
    """A calendar with the seed rows of ``years`` (tests and first run)."""
    entries: list[CalendarEntry] = []
    for year in years:
        entries.extend(seed_year(year, include_culture_day=include_culture_day, swaps=swaps))
    return WorkCalendar(entries, hours)
