"""Working calendar and appointment rules (docs reference domain-vn.md §3 and §6)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from onestop_desktop.domain.calendar import (
    DEFAULT_HOURS,
    SAME_DAY,
    CalendarEntry,
    DueRules,
    OfficeHours,
    OfficialSwap,
    TimeLimit,
    WorkCalendar,
    due,
    parse_official_days,
    parse_time_limit,
    parse_time_unit,
    seed_calendar,
    seed_year,
)
from onestop_desktop.domain.clock import VN_TZ
from onestop_desktop.errors import ValidationError
from onestop_desktop.services.calendar import official_days

# One calendar for the whole module: seeding calls the holidays package. It has the shipped
# official swaps (resources/calendar/official_days.json), as a station has.
OFFICIAL = official_days()
CAL = seed_calendar([2024, 2025, 2026, 2027], swaps=OFFICIAL)
PLAIN = WorkCalendar()  # weekends only


def vn(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=VN_TZ)


WD = TimeLimit(1, "working_days")


# --------------------------------------------------------------------------------------------------
# Office hours


def test_default_office_hours() -> None:
    hours = OfficeHours()
    assert hours.periods == ((time(7), time(11, 30)), (time(13, 30), time(17)))
    assert hours.same_day_cutoff == time(15)
    assert hours.hours_per_day == 8.0
    assert hours.opening == time(7) and hours.closing == time(17)


def test_office_hours_accept_lists_and_derive_hours_per_day() -> None:
    hours = OfficeHours([[time(8), time(12)], [time(13), time(16, 30)]], time(14))  # type: ignore[arg-type]
    assert hours.periods == ((time(8), time(12)), (time(13), time(16, 30)))
    assert hours.hours_per_day == 7.5
    assert hash(hours)


@pytest.mark.parametrize(
    ("periods", "cutoff", "field"),
    [
        ((), time(15), "periods"),
        (((time(11), time(7)),), time(9), "periods"),
        (((time(7), time(7)),), time(7), "periods"),
        (((time(7), time(12)), (time(11), time(17))), time(15), "periods"),
        (((time(13), time(17)), (time(7), time(11))), time(15), "periods"),
        (((time(7), time(11, 30)), (time(13, 30), time(17))), time(18), "same_day_cutoff"),
        (((time(7), time(11, 30)), (time(13, 30), time(17))), time(6), "same_day_cutoff"),
    ],
)
def test_bad_office_hours_are_refused(
    periods: tuple[tuple[time, time], ...], cutoff: time, field: str
) -> None:
    with pytest.raises(ValidationError) as info:
        OfficeHours(periods, cutoff)
    assert info.value.field == field


def test_touching_periods_are_allowed() -> None:
    hours = OfficeHours(((time(7), time(12)), (time(12), time(16))), time(15))
    assert hours.hours_per_day == 9.0


# --------------------------------------------------------------------------------------------------
# Days


def test_weekends_are_off_and_weekdays_worked() -> None:
    assert PLAIN.is_working_day(date(2025, 3, 7))  # Friday
    assert not PLAIN.is_working_day(date(2025, 3, 8))  # Saturday
    assert not PLAIN.is_working_day(date(2025, 3, 9))  # Sunday
    assert PLAIN.next_working_day(date(2025, 3, 7)) == date(2025, 3, 10)
    assert PLAIN.next_working_day(date(2025, 3, 10)) == date(2025, 3, 11)


def test_entries_remove_weekdays_and_add_make_up_saturdays() -> None:
    cal = WorkCalendar(
        [
            CalendarEntry(date(2025, 3, 10), "day_off", "Nghỉ"),
            CalendarEntry(date(2025, 3, 8), "workday", "Làm bù"),
        ]
    )
    assert not cal.is_working_day(date(2025, 3, 10))
    assert cal.is_working_day(date(2025, 3, 8))
    assert cal.next_working_day(date(2025, 3, 7)) == date(2025, 3, 8)
    assert cal.next_working_day(date(2025, 3, 8)) == date(2025, 3, 11)


def test_manual_entry_beats_seed_entry_in_any_order() -> None:
    seed = CalendarEntry(date(2025, 3, 10), "day_off", "seed", "seed")
    manual = CalendarEntry(date(2025, 3, 10), "workday", "sửa tay", "manual")
    for order in ([seed, manual], [manual, seed]):
        cal = WorkCalendar(order)
        assert cal.is_working_day(date(2025, 3, 10))
        assert cal.entry(date(2025, 3, 10)) == manual
    later = CalendarEntry(date(2025, 3, 10), "day_off", "sửa lại", "manual")
    assert not WorkCalendar([manual, later]).is_working_day(date(2025, 3, 10))


def test_calendar_entry_validation_and_nfc() -> None:
    entry = CalendarEntry(date(2025, 1, 1), "day_off", "  Te\u0302\u0301t  Dương lịch ")
    assert entry.note == "Tết Dương lịch"
    with pytest.raises(ValidationError) as info:
        CalendarEntry(date(2025, 1, 1), "holiday")  # type: ignore[arg-type]
    assert info.value.field == "kind"
    with pytest.raises(ValidationError) as info:
        CalendarEntry(date(2025, 1, 1), "day_off", "", "import")  # type: ignore[arg-type]
    assert info.value.field == "source"


def test_a_calendar_without_working_days_fails_clearly() -> None:
    cal = WorkCalendar(weekend=range(7))
    with pytest.raises(ValidationError, match="không có ngày làm việc"):
        cal.next_working_day(date(2025, 1, 1))


# --------------------------------------------------------------------------------------------------
# Moments


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        (vn(2025, 3, 4, 6, 15), vn(2025, 3, 4, 7)),  # before opening
        (vn(2025, 3, 4, 7), vn(2025, 3, 4, 7)),
        (vn(2025, 3, 4, 9, 41, 7), vn(2025, 3, 4, 9, 41, 7)),
        (vn(2025, 3, 4, 11, 30), vn(2025, 3, 4, 13, 30)),  # lunch starts at 11:30
        (vn(2025, 3, 4, 12, 0), vn(2025, 3, 4, 13, 30)),
        (vn(2025, 3, 4, 16, 59, 59), vn(2025, 3, 4, 16, 59, 59)),
        (vn(2025, 3, 4, 17, 0), vn(2025, 3, 5, 7)),  # closing time is after hours
        (vn(2025, 3, 4, 21, 0), vn(2025, 3, 5, 7)),
        (vn(2025, 3, 7, 17, 30), vn(2025, 3, 10, 7)),  # Friday evening → Monday
        (vn(2025, 3, 8, 10, 0), vn(2025, 3, 10, 7)),  # Saturday
    ],
)
def test_working_moment(received: datetime, expected: datetime) -> None:
    assert CAL.working_moment(received) == expected


def test_working_moment_reads_other_offsets_and_naive_times_as_vietnam() -> None:
    utc = datetime(2025, 3, 4, 1, 0, tzinfo=timezone.utc)  # 08:00 in Vietnam
    assert CAL.working_moment(utc) == vn(2025, 3, 4, 8)
    assert CAL.working_moment(utc).utcoffset() == timedelta(hours=7)
    assert CAL.working_moment(datetime(2025, 3, 4, 12)) == vn(2025, 3, 4, 13, 30)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (vn(2025, 3, 4, 7), True),
        (vn(2025, 3, 4, 11, 30), True),
        (vn(2025, 3, 4, 12), False),
        (vn(2025, 3, 4, 17), True),
        (vn(2025, 3, 4, 17, 0, 1), False),
        (vn(2025, 3, 4, 6, 59), False),
        (vn(2025, 3, 8, 9), False),  # Saturday
        (vn(2025, 4, 26, 9), True),  # make-up Saturday
        (vn(2025, 4, 30, 9), False),  # holiday
    ],
)
def test_is_working_time(moment: datetime, expected: bool) -> None:
    assert CAL.is_working_time(moment) is expected


def test_working_hours_cross_lunch() -> None:
    assert CAL.add_working_hours(vn(2025, 3, 4, 10), 3) == vn(2025, 3, 4, 15)


def test_working_hours_cross_the_night_and_the_weekend() -> None:
    assert CAL.add_working_hours(vn(2025, 3, 7, 16), 2) == vn(2025, 3, 10, 8)


def test_landing_on_the_end_of_a_period_stays_there() -> None:
    assert CAL.add_working_hours(vn(2025, 3, 4, 7), 4.5) == vn(2025, 3, 4, 11, 30)
    assert CAL.add_working_hours(vn(2025, 3, 4, 7), 8) == vn(2025, 3, 4, 17)
    assert CAL.add_working_days(vn(2025, 3, 4, 7), 2) == vn(2025, 3, 5, 17)


def test_zero_hours_is_the_working_moment() -> None:
    assert CAL.add_working_hours(vn(2025, 3, 4, 12), 0) == vn(2025, 3, 4, 13, 30)


def test_many_working_days() -> None:
    # 20 working days from Monday 07:00 over plain weeks: four weeks later, Friday 17:00.
    assert PLAIN.add_working_days(vn(2025, 3, 3, 7), 20) == vn(2025, 3, 28, 17)


@pytest.mark.parametrize("bad", [-1, float("nan"), float("inf")])
def test_negative_or_odd_durations_are_refused(bad: float) -> None:
    with pytest.raises(ValidationError):
        CAL.add_working_hours(vn(2025, 3, 4, 8), bad)
    with pytest.raises(ValidationError):
        CAL.add_working_days(vn(2025, 3, 4, 8), bad)


# --------------------------------------------------------------------------------------------------
# Appointments


def test_receipt_after_hours_counts_from_next_morning() -> None:
    # Tuesday 17:30 → Wednesday 07:00; one working day ends Wednesday 17:00, not Thursday 07:00.
    assert due(vn(2025, 3, 4, 17, 30), WD, CAL) == vn(2025, 3, 5, 17)


def test_receipt_at_lunch_counts_from_afternoon() -> None:
    limit = parse_time_limit("8 giờ làm việc")
    assert due(vn(2025, 3, 4, 12), limit, CAL) == vn(2025, 3, 5, 11, 30)


def test_receipt_before_opening_counts_from_opening() -> None:
    assert due(vn(2025, 3, 4, 6, 15), TimeLimit(3, "working_hours"), CAL) == vn(2025, 3, 4, 10)


def test_working_days_keep_the_clock_time() -> None:
    limit = parse_time_limit("03 ngày làm việc")
    assert due(vn(2025, 3, 4, 9, 20), limit, CAL) == vn(2025, 3, 7, 9, 20)


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        (vn(2025, 3, 4, 7), vn(2025, 3, 4, 17)),
        (vn(2025, 3, 4, 14, 59, 59), vn(2025, 3, 4, 17)),  # just before the cut-off
        (vn(2025, 3, 4, 15, 0), vn(2025, 3, 5, 17)),  # at the cut-off → next working day
        (vn(2025, 3, 4, 16, 30), vn(2025, 3, 5, 17)),
        (vn(2025, 3, 4, 6, 30), vn(2025, 3, 4, 17)),  # before opening counts as 07:00
        (vn(2025, 3, 4, 12, 0), vn(2025, 3, 4, 17)),  # lunch counts as 13:30
        (vn(2025, 3, 4, 18, 0), vn(2025, 3, 5, 17)),
        (vn(2025, 3, 7, 15, 30), vn(2025, 3, 10, 17)),  # Friday after 15:00 → Monday
        (vn(2025, 3, 8, 9, 0), vn(2025, 3, 10, 17)),  # Saturday → Monday
    ],
)
def test_same_day_rule(received: datetime, expected: datetime) -> None:
    assert due(received, SAME_DAY, CAL) == expected


def test_zero_working_days_is_the_same_day_rule() -> None:
    zero = TimeLimit(0, "working_days")
    assert zero.is_same_day
    assert due(vn(2025, 3, 4, 14), zero, CAL) == vn(2025, 3, 4, 17)
    assert due(vn(2025, 3, 4, 15, 1), zero, CAL) == vn(2025, 3, 5, 17)


def test_same_day_cutoff_follows_office_hours() -> None:
    hours = OfficeHours(((time(8), time(12)), (time(13), time(16))), time(14, 30))
    cal = WorkCalendar(hours=hours)
    assert due(vn(2025, 3, 4, 14, 29), SAME_DAY, cal) == vn(2025, 3, 4, 16)
    assert due(vn(2025, 3, 4, 14, 30), SAME_DAY, cal) == vn(2025, 3, 5, 16)
    assert SAME_DAY.label_for(hours) == "Trong ngày (trước 14 giờ 30)"


def test_make_up_saturday_counts_as_a_working_day() -> None:
    # 26/4/2025 was worked in exchange for 2/5/2025 (reference §6).
    assert CAL.is_working_day(date(2025, 4, 26))
    # Friday 16:00 + 1 working day: 1 h on Friday, 7 h on the make-up Saturday.
    assert due(vn(2025, 4, 25, 16), WD, CAL) == vn(2025, 4, 26, 16)
    assert due(vn(2025, 4, 25, 15, 30), SAME_DAY, CAL) == vn(2025, 4, 26, 17)
    # The long weekend that follows: 28/4 Monday, 29/4 Tuesday, then 30/4–4/5 off.
    assert due(vn(2025, 4, 29, 10), WD, CAL) == vn(2025, 5, 5, 10)


def test_three_working_days_across_tet_2026() -> None:
    # Friday 13/02/2026 10:00: 5 h that day, then the break 14–22/02, then 23, 24, 25/02.
    limit = parse_time_limit("3 ngày làm việc")
    assert due(vn(2026, 2, 13, 10), limit, CAL) == vn(2026, 2, 25, 10)
    assert due(vn(2026, 2, 13, 15, 30), SAME_DAY, CAL) == vn(2026, 2, 23, 17)


def test_calendar_days_landing_on_a_weekend_move_to_next_working_day_closing() -> None:
    # Thursday 06/03/2025 + 30 days = Saturday 05/04; Monday 07/04 is Giỗ Tổ Hùng Vương.
    limit = parse_time_limit("30 ngày")
    assert due(vn(2025, 3, 6, 10), limit, CAL) == vn(2025, 4, 8, 17)


def test_calendar_days_landing_on_a_working_day_end_at_closing() -> None:
    assert due(vn(2025, 3, 4, 9), TimeLimit(30, "calendar_days"), CAL) == vn(2025, 4, 3, 17)


def test_calendar_days_rule_options() -> None:
    received = vn(2025, 3, 4, 18)  # Tuesday evening: the working moment is Wednesday 07:00
    limit = TimeLimit(2, "calendar_days")
    # Default (Civil Code art. 147): day 1 is the day after the date of receipt, whatever the hour.
    assert due(received, limit, CAL) == vn(2025, 3, 6, 17)
    assert DueRules().calendar_days_from == "received"
    legacy = DueRules(calendar_days_from="working_moment")
    assert due(received, limit, CAL, legacy) == vn(2025, 3, 7, 17)
    # A receipt on a day off counts from that date too.
    assert due(vn(2025, 3, 8, 9), limit, CAL) == vn(2025, 3, 10, 17)
    assert due(vn(2025, 3, 8, 9), limit, CAL, legacy) == vn(2025, 3, 12, 17)


def test_calendar_days_issue_example_friday_evening() -> None:
    # Friday 13/02/2026 18:30 (the eve of the Tết 2026 break) + 30 days = Sunday 15/03/2026,
    # a day off → Monday 16/03/2026 at closing time (art. 148(4)); not 25/03 (counting from
    # the first working moment after Tết).
    assert due(vn(2026, 2, 13, 18, 30), TimeLimit(30, "calendar_days"), CAL) == vn(2026, 3, 16, 17)


@pytest.mark.parametrize(
    ("received", "days", "expected"),
    [
        # Received on a day off (Sunday): counted from that Sunday.
        (vn(2025, 3, 9, 10), 1, vn(2025, 3, 10, 17)),
        # Received before opening: the same date counts, day 1 is tomorrow.
        (vn(2025, 3, 4, 6, 0), 1, vn(2025, 3, 5, 17)),
        # Last day on the official day off 02/01/2026 → the next working day, Monday 05/01.
        (vn(2025, 12, 3, 9), 30, vn(2026, 1, 5, 17)),
        # Last day on the official make-up Saturday 10/01/2026: a working day, so it stays.
        (vn(2025, 12, 11, 9), 30, vn(2026, 1, 10, 17)),
        # Last day in the Tết 2026 break (14–22/2) → Monday 23/02/2026.
        (vn(2026, 1, 15, 9), 30, vn(2026, 2, 23, 17)),
    ],
)
def test_calendar_days_follow_the_civil_code(
    received: datetime, days: int, expected: datetime
) -> None:
    assert due(received, TimeLimit(days, "calendar_days"), CAL) == expected


def test_due_is_aware_in_vietnam_time() -> None:
    result = due(datetime(2025, 3, 4, 2, 0, tzinfo=timezone.utc), WD, CAL)
    assert result == vn(2025, 3, 5, 9)
    assert result.utcoffset() == timedelta(hours=7)


# --------------------------------------------------------------------------------------------------
# Time limits


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3 working_days", TimeLimit(3, "working_days")),
        ("3 ngày làm việc", TimeLimit(3, "working_days")),
        ("03 NGÀY LÀM VIỆC", TimeLimit(3, "working_days")),
        ("3 ngay lam viec", TimeLimit(3, "working_days")),
        ("3 nga\u0300y la\u0300m vie\u0323\u0302c", TimeLimit(3, "working_days")),  # NFD
        ("8 giờ làm việc", TimeLimit(8, "working_hours")),
        ("8 working_hours", TimeLimit(8, "working_hours")),
        ("08 giờ", TimeLimit(8, "working_hours")),
        ("30 ngày", TimeLimit(30, "calendar_days")),
        ("30 calendar_days", TimeLimit(30, "calendar_days")),
        ("trong ngày", SAME_DAY),
        ("Trong ngày (trước 15 giờ)", SAME_DAY),
        ("Ngay trong ngày", SAME_DAY),
        ("same_day", SAME_DAY),
        ("0 working_days", TimeLimit(0, "working_days")),
    ],
)
def test_parse_time_limit(text: str, expected: TimeLimit) -> None:
    assert parse_time_limit(text) == expected


@pytest.mark.parametrize("text", ["", "  ", "ba ngày", "3 tuần", "3", "ngày làm việc", "-3 ngày"])
def test_parse_time_limit_refuses_nonsense(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_time_limit(text)
    assert info.value.field == "time_limit"
    assert "thời hạn" in info.value.message


@pytest.mark.parametrize(
    ("limit", "label"),
    [
        (TimeLimit(3, "working_days"), "03 ngày làm việc"),
        (TimeLimit(12, "working_days"), "12 ngày làm việc"),
        (TimeLimit(8, "working_hours"), "8 giờ làm việc"),
        (TimeLimit(30, "calendar_days"), "30 ngày"),
        (TimeLimit(5, "calendar_days"), "05 ngày"),
        (SAME_DAY, "Trong ngày (trước 15 giờ)"),
        (TimeLimit(0, "working_days"), "Trong ngày (trước 15 giờ)"),
    ],
)
def test_labels_read_back(limit: TimeLimit, label: str) -> None:
    assert limit.label == label == str(limit)
    assert parse_time_limit(label).is_same_day == limit.is_same_day
    assert parse_time_limit(limit.canonical) == limit


def test_same_day_ignores_a_value() -> None:
    assert TimeLimit(1, "same_day") == SAME_DAY
    assert SAME_DAY.canonical == "same_day"


@pytest.mark.parametrize(
    ("value", "unit", "field"),
    [
        (-1, "working_days", "time_limit_value"),
        (1000, "working_days", "time_limit_value"),
        (1.5, "working_days", "time_limit_value"),
        (True, "working_days", "time_limit_value"),
        (3, "weeks", "time_limit_unit"),
    ],
)
def test_bad_time_limits(value: object, unit: str, field: str) -> None:
    with pytest.raises(ValidationError) as info:
        TimeLimit(value, unit)  # type: ignore[arg-type]
    assert info.value.field == field


def test_parse_time_unit() -> None:
    assert parse_time_unit("Ngày làm việc") == "working_days"
    assert parse_time_unit("giờ làm việc") == "working_hours"
    assert parse_time_unit("ngày") == "calendar_days"
    assert parse_time_unit("Trong ngày") == "same_day"
    with pytest.raises(ValidationError):
        parse_time_unit("tuần")


# --------------------------------------------------------------------------------------------------
# Seeding from the holidays package


def _by_date(entries: list[CalendarEntry]) -> dict[date, CalendarEntry]:
    return {entry.date: entry for entry in entries}


def test_seed_2025_matches_the_package_plus_the_make_up_saturday() -> None:
    rows = _by_date(seed_year(2025))
    assert all(row.source == "seed" for row in rows.values())
    off = {day for day, row in rows.items() if row.kind == "day_off"}
    assert off == {
        date(2025, 1, 1),
        *(date(2025, 1, d) for d in range(27, 32)),
        date(2025, 2, 1),
        date(2025, 4, 7),
        date(2025, 4, 30),
        date(2025, 5, 1),
        date(2025, 5, 2),
        date(2025, 9, 1),
        date(2025, 9, 2),
    }
    assert rows[date(2025, 1, 1)].note == "Tết Dương lịch"
    assert rows[date(2025, 4, 7)].note == "Ngày Giỗ Tổ Hùng Vương"
    work = {day: row for day, row in rows.items() if row.kind == "workday"}
    assert set(work) == {date(2025, 4, 26)}
    assert "02/05/2025" in work[date(2025, 4, 26)].note


def test_tet_2025_break_is_off() -> None:
    # Reference §6: Tết 2025 ran 25/1–2/2.
    span = [date(2025, 1, 25) + timedelta(days=i) for i in range(9)]
    assert not any(CAL.is_working_day(day) for day in span)
    assert CAL.is_working_day(date(2025, 1, 24)) and CAL.is_working_day(date(2025, 2, 3))


def test_tet_2026_break_is_off() -> None:
    # Reference §6: Tết 2026 ran 14/2–22/2/2026, 9 days including the weekends.
    span = [date(2026, 2, 14) + timedelta(days=i) for i in range(9)]
    assert not any(CAL.is_working_day(day) for day in span)
    assert CAL.is_working_day(date(2026, 2, 13)) and CAL.is_working_day(date(2026, 2, 23))


def test_seed_2026_make_up_day_from_the_package_and_culture_day() -> None:
    rows = _by_date(seed_year(2026))
    assert rows[date(2026, 8, 31)].kind == "day_off"
    assert rows[date(2026, 8, 22)].kind == "workday"  # named by the package's swap label
    culture = rows[date(2026, 11, 24)]
    assert culture.kind == "day_off" and "chưa xác nhận" in culture.note
    without = _by_date(seed_year(2026, include_culture_day=False))
    assert date(2026, 11, 24) not in without
    assert not CAL.is_working_day(date(2026, 11, 24))


def test_make_up_days_named_across_the_new_year() -> None:
    # holidays: 02/01/2015 is off «thay cho ngày 27/12/2014», 31/12/2018 «… 05/01/2019».
    assert _by_date(seed_year(2014))[date(2014, 12, 27)].kind == "workday"
    assert _by_date(seed_year(2019))[date(2019, 1, 5)].kind == "workday"
    assert date(2019, 1, 5) not in _by_date(seed_year(2018))


def test_day_next_to_national_day_is_flagged_for_checking() -> None:
    rows = _by_date(seed_year(2025))
    assert rows[date(2025, 9, 2)].note == "Quốc khánh"
    assert rows[date(2025, 9, 1)].note.startswith("Quốc khánh (ngày liền kề")


def test_official_swaps_file_documents_its_sources() -> None:
    by_day = {swap.date: swap for swap in OFFICIAL}
    for swap in OFFICIAL:
        assert swap.document and swap.note
        assert swap.kind in ("day_off", "workday")
    # Every official swap of 2025 and 2026, with its document.
    assert {(d, s.kind) for d, s in by_day.items() if d.year in (2025, 2026)} == {
        (date(2025, 4, 26), "workday"),
        (date(2025, 5, 2), "day_off"),
        (date(2026, 1, 2), "day_off"),
        (date(2026, 1, 10), "workday"),
    }
    for day in (date(2026, 1, 2), date(2026, 1, 10)):
        assert by_day[day].document.startswith("Công văn 12729/VPCP-KGVX ngày 25/12/2025")
        assert by_day[day].confirmed
    rows = _by_date(seed_year(2025, swaps=()))
    assert rows[date(2025, 4, 26)].kind == "workday"  # the package label alone also gives it


def test_every_official_swap_is_applied_and_marked_official() -> None:
    for year in (2025, 2026):
        rows = _by_date(seed_year(year, swaps=OFFICIAL))
        for swap in OFFICIAL:
            if swap.date.year == year:
                assert rows[swap.date].kind == swap.kind
                assert rows[swap.date].source == "official"
                assert CAL.is_working_day(swap.date) == (swap.kind == "workday")
    # The 2026 New Year swap: Friday 02/01 off, Saturday 10/01 worked.
    assert not CAL.is_working_day(date(2026, 1, 2))
    assert CAL.is_working_day(date(2026, 1, 10))
    # 3 working days from Wednesday 31/12/2025 10:00: 01/01 and 02/01 are off → 05, 06, 07/01.
    assert due(vn(2025, 12, 31, 10), TimeLimit(3, "working_days"), CAL) == vn(2026, 1, 7, 10)
    # 26/04/2025 (Saturday) worked, 02/05/2025 off, as before.
    assert CAL.is_working_day(date(2025, 4, 26)) and not CAL.is_working_day(date(2025, 5, 2))


def test_guessed_days_stay_unconfirmed_seed_rows() -> None:
    rows = _by_date(seed_year(2026, swaps=OFFICIAL))
    assert rows[date(2026, 8, 22)].source == "seed"  # only the holidays package says so
    assert all(row.source == "seed" for row in seed_year(2027, swaps=OFFICIAL))


def test_precedence_manual_over_official_over_seed() -> None:
    day = date(2026, 1, 2)
    seed = CalendarEntry(day, "workday", "s", "seed")
    official = CalendarEntry(day, "day_off", "o", "official")
    manual = CalendarEntry(day, "workday", "m", "manual")
    for order in ([seed, official], [official, seed]):
        assert WorkCalendar(order).entry(day) == official
    for order in ([manual, official, seed], [seed, official, manual], [official, manual]):
        assert WorkCalendar(order).entry(day) == manual


def test_parse_official_days_refuses_bad_rows() -> None:
    good = {"date": "2026-01-02", "kind": "day_off", "note": "n", "document": "CV 1"}
    assert parse_official_days({"days": [good]}) == (
        OfficialSwap(date(2026, 1, 2), "day_off", "n", "CV 1", True),
    )
    for bad in (
        {"days": "x"},
        {"days": [{**good, "date": "02/01/2026"}]},
        {"days": [{**good, "kind": "holiday"}]},
        {"days": [{**good, "document": ""}]},
        {"days": [{**good, "note": ""}]},
        {"days": [good, good]},
        [],
    ):
        with pytest.raises(ValidationError):
            parse_official_days(bad)


def test_seed_year_rejects_absurd_years() -> None:
    with pytest.raises(ValidationError):
        seed_year(10)


# --------------------------------------------------------------------------------------------------
# Properties

_MOMENTS = st.datetimes(
    min_value=datetime(2025, 1, 1), max_value=datetime(2026, 10, 31), timezones=st.just(VN_TZ)
)
_LIMITS = st.one_of(
    st.just(SAME_DAY),
    st.builds(TimeLimit, st.integers(0, 40), st.just("working_days")),
    st.builds(TimeLimit, st.integers(0, 120), st.just("working_hours")),
    st.builds(TimeLimit, st.integers(0, 60), st.just("calendar_days")),
)
_RULES = st.builds(DueRules, st.sampled_from(["working_moment", "received"]))
_ALT_HOURS = OfficeHours(((time(7, 30), time(11, 45)), (time(13), time(16, 45))), time(14, 30))
_ENTRIES = st.lists(
    st.builds(
        CalendarEntry,
        st.dates(min_value=date(2025, 1, 1), max_value=date(2026, 12, 31)),
        st.sampled_from(["day_off", "workday"]),
        st.just("ngẫu nhiên"),
        st.just("manual"),
    ),
    max_size=40,
)
_CALENDARS = st.one_of(
    st.sampled_from([CAL, WorkCalendar(CAL.entries, _ALT_HOURS)]),
    _ENTRIES.map(lambda extra: WorkCalendar([*CAL.entries, *extra])),
)


@settings(max_examples=300, deadline=None)
@given(received=_MOMENTS, limit=_LIMITS, rules=_RULES, cal=_CALENDARS)
def test_appointment_is_working_time_on_a_working_day(
    received: datetime, limit: TimeLimit, rules: DueRules, cal: WorkCalendar
) -> None:
    result = due(received, limit, cal, rules)
    assert cal.is_working_day(result.date())
    assert cal.is_working_time(result)
    assert result >= received
    assert result.utcoffset() == timedelta(hours=7)


@settings(max_examples=300, deadline=None)
@given(
    first=_MOMENTS,
    gap=st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=20)),
    limit=_LIMITS,
    rules=_RULES,
    cal=_CALENDARS,
)
def test_a_later_receipt_never_gets_an_earlier_appointment(
    first: datetime, gap: timedelta, limit: TimeLimit, rules: DueRules, cal: WorkCalendar
) -> None:
    assert due(first, limit, cal, rules) <= due(first + gap, limit, cal, rules)


@settings(max_examples=200, deadline=None)
@given(received=_MOMENTS, hours=st.integers(0, 200), extra=st.integers(0, 200))
def test_working_hours_add_up(received: datetime, hours: int, extra: int) -> None:
    once = CAL.add_working_hours(received, hours + extra)
    twice = CAL.add_working_hours(CAL.add_working_hours(received, hours), extra)
    # Equal, except that a stop exactly at a period end restarts at the next period start.
    assert once == twice or (CAL.is_working_time(once) and CAL.working_moment(once) == twice)


@settings(max_examples=200, deadline=None)
@given(received=_MOMENTS)
def test_working_moment_is_idempotent_and_never_earlier(received: datetime) -> None:
    moment = CAL.working_moment(received)
    assert moment >= received
    assert CAL.working_moment(moment) == moment
    assert CAL.is_working_time(moment)


def test_default_hours_constant_is_the_default() -> None:
    assert OfficeHours() == DEFAULT_HOURS
