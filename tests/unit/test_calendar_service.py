"""The station's working calendar as a service: seeding, manual edits, office hours from the
settings, working hours between two moments, and who may edit it (reference §3, §6)."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from onestop_desktop.domain import clock
from onestop_desktop.domain.calendar import TimeLimit, due
from onestop_desktop.errors import NotFound, PermissionDenied, ValidationError
from onestop_desktop.services import calendar, dossiers, users
from onestop_desktop.services.context import Session
from onestop_desktop.services.dossiers import Applicant, Intake

from .conftest import FakeClock

THREE_DAYS = TimeLimit(3, "working_days")
SAME_DAY = TimeLimit(0, "same_day")


def vn(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=clock.VN_TZ)


def rows(ctx: Session, sql: str, params: list[object] | None = None) -> list[dict[str, object]]:
    return ctx.store.query(sql, params or [])


def clerk(ctx: Session) -> Session:
    users.add_user(ctx, "tiepnhan", "clerk", "Lê Thị Thu", "password-123")
    return users.sign_in(ctx.store, "tiepnhan", "password-123")


# --------------------------------------------------------------------------------------------------
# Seeding


def test_first_load_seeds_last_this_and_next_year_once(ctx: Session) -> None:
    calendar.load_calendar(ctx.store)  # the fake clock says 2026
    years = [r["year"] for r in rows(ctx, "SELECT year FROM calendar_years ORDER BY year")]
    assert years == [2025, 2026, 2027]
    count = rows(ctx, "SELECT count(*) AS n FROM calendar_days")[0]["n"]
    calendar.load_calendar(ctx.store)
    calendar.ensure_seeded(ctx.store, [2025, 2026, 2027])
    assert rows(ctx, "SELECT count(*) AS n FROM calendar_days")[0]["n"] == count
    assert len(rows(ctx, "SELECT year FROM calendar_years")) == 3


def test_tet_2026_is_seeded_as_days_off(ctx: Session) -> None:
    listed = {r.day: r for r in calendar.list_year(ctx, 2026)}
    for day in range(16, 21):
        entry = listed[date(2026, 2, day)]
        assert (entry.kind, entry.source) == ("day_off", "seed")
    assert date(2026, 2, 13) not in listed  # the Friday before Tết is worked
    cal = calendar.load_calendar(ctx.store)
    assert not cal.is_working_day(date(2026, 2, 18))
    assert cal.is_working_day(date(2026, 2, 23))


def test_list_year_seeds_a_year_on_first_look(ctx: Session) -> None:
    listed = calendar.list_year(ctx, 2030)
    assert date(2030, 1, 1) in {r.day for r in listed}
    assert rows(ctx, "SELECT 1 FROM calendar_years WHERE year = 2030")


def test_an_edited_seed_year_is_never_seeded_again(ctx: Session) -> None:
    calendar.load_calendar(ctx.store)
    calendar.remove_day(ctx, date(2026, 2, 20))  # the office decided to work on mùng 4
    calendar.ensure_seeded(ctx.store, [2026])
    calendar.load_calendar(ctx.store, years=[2026])
    assert date(2026, 2, 20) not in {r.day for r in calendar.list_year(ctx, 2026)}
    assert calendar.load_calendar(ctx.store).is_working_day(date(2026, 2, 20))


# --------------------------------------------------------------------------------------------------
# Manual rows


def test_manual_row_wins_over_the_seed_row(ctx: Session) -> None:
    received = vn(2026, 2, 13, 10)  # Friday before Tết
    before = due(received, THREE_DAYS, calendar.load_calendar(ctx.store))
    assert before == vn(2026, 2, 25, 10)
    calendar.set_day(ctx, date(2026, 2, 20), "workday", "Làm việc theo thông báo của tỉnh")
    entry = {r.day: r for r in calendar.list_year(ctx, 2026)}[date(2026, 2, 20)]
    assert (entry.kind, entry.source) == ("workday", "manual")
    after = due(received, THREE_DAYS, calendar.load_calendar(ctx.store))
    assert after == vn(2026, 2, 24, 10)  # one working day sooner


def test_make_up_saturday_and_extra_day_off(ctx: Session) -> None:
    received = vn(2026, 3, 6, 10)  # Friday
    assert due(received, THREE_DAYS, calendar.load_calendar(ctx.store)) == vn(2026, 3, 11, 10)
    calendar.set_day(ctx, date(2026, 3, 7), "workday", "Làm bù")
    assert due(received, THREE_DAYS, calendar.load_calendar(ctx.store)) == vn(2026, 3, 10, 10)
    calendar.set_day(ctx, date(2026, 3, 9), "day_off", "Nghỉ bầu cử")
    assert due(received, THREE_DAYS, calendar.load_calendar(ctx.store)) == vn(2026, 3, 11, 10)
    calendar.remove_day(ctx, date(2026, 3, 7))
    calendar.remove_day(ctx, date(2026, 3, 9))
    assert due(received, THREE_DAYS, calendar.load_calendar(ctx.store)) == vn(2026, 3, 11, 10)


def test_edits_are_recorded_in_the_event_log(ctx: Session) -> None:
    calendar.set_day(ctx, date(2026, 3, 9), "day_off", "Nghỉ bầu cử")
    calendar.remove_day(ctx, date(2026, 3, 9))
    kinds = [r["kind"] for r in rows(ctx, "SELECT kind FROM events ORDER BY seq")]
    assert kinds[-2:] == ["calendar.day_set", "calendar.day_removed"]


def test_removing_a_day_that_is_not_in_the_table(ctx: Session) -> None:
    with pytest.raises(NotFound, match="10/03/2026"):
        calendar.remove_day(ctx, date(2026, 3, 10))


def test_a_bad_kind_is_refused(ctx: Session) -> None:
    with pytest.raises(ValidationError):
        calendar.set_day(ctx, date(2026, 3, 10), "holiday")
    assert not rows(ctx, "SELECT 1 FROM calendar_days WHERE day = '2026-03-10'")


# --------------------------------------------------------------------------------------------------
# Working hours between two moments (how long a supplement paused the clock)


@pytest.mark.parametrize(
    ("start", "end", "hours"),
    [
        (vn(2026, 3, 2, 8), vn(2026, 3, 2, 10), 2.0),
        (vn(2026, 3, 2, 11), vn(2026, 3, 2, 14), 1.0),  # lunch 11:30–13:30 does not count
        (vn(2026, 3, 2, 7), vn(2026, 3, 2, 17), 8.0),  # one whole working day
        (vn(2026, 3, 2, 6), vn(2026, 3, 2, 20), 8.0),  # outside office hours does not count
        (vn(2026, 3, 6, 10), vn(2026, 3, 9, 10), 8.0),  # Friday 10:00 → Monday 10:00
        (vn(2026, 2, 13, 10), vn(2026, 2, 23, 10), 8.0),  # across the Tết break
        (vn(2026, 3, 2, 10), vn(2026, 3, 2, 10), 0.0),
        (vn(2026, 3, 3, 10), vn(2026, 3, 2, 10), 0.0),  # end before start
    ],
)
def test_working_hours_between(ctx: Session, start: datetime, end: datetime, hours: float) -> None:
    cal = calendar.load_calendar(ctx.store)
    assert calendar.working_hours_between(cal, start, end) == pytest.approx(hours)


def test_working_hours_between_counts_a_make_up_saturday(ctx: Session) -> None:
    calendar.set_day(ctx, date(2026, 3, 7), "workday", "Làm bù")
    cal = calendar.load_calendar(ctx.store)
    assert calendar.working_hours_between(cal, vn(2026, 3, 6, 10), vn(2026, 3, 9, 10)) == 16.0


# --------------------------------------------------------------------------------------------------
# Office hours from the settings


def test_default_office_hours(ctx: Session) -> None:
    hours = calendar.office_hours(ctx.store)
    assert hours.periods == ((time(7, 0), time(11, 30)), (time(13, 30), time(17, 0)))
    assert hours.same_day_cutoff == time(15, 0)
    assert hours.hours_per_day == 8.0


def test_office_hours_setting_changes_the_appointment(ctx: Session, fake_clock: FakeClock) -> None:
    received = vn(2026, 3, 2, 7, 15)  # Monday, before 07:30
    assert due(received, THREE_DAYS, calendar.load_calendar(ctx.store)) == vn(2026, 3, 5, 7, 15)
    ctx.store.set_setting("office_hours", "07:30-11:30,13:00-17:00")
    hours = calendar.office_hours(ctx.store)
    assert hours.periods == ((time(7, 30), time(11, 30)), (time(13, 0), time(17, 0)))
    assert hours.hours_per_day == 8.0
    cal = calendar.load_calendar(ctx.store)
    # Counted from 07:30: three whole days end on Wednesday at closing time.
    assert due(received, THREE_DAYS, cal) == vn(2026, 3, 4, 17)
    # A receipt at 13:10 is inside the new afternoon (it was lunch before).
    assert cal.working_moment(vn(2026, 3, 2, 13, 10)) == vn(2026, 3, 2, 13, 10)
    # And the service uses it for a real intake.
    fake_clock.set("2026-03-02T07:15:00")
    d = dossiers.receive(ctx, Intake("1.004873", Applicant("Nguyễn Thị Lan")))
    assert d.due_at == vn(2026, 3, 4, 17)


def test_same_day_cutoff_setting(ctx: Session) -> None:
    ctx.store.set_setting("same_day_cutoff", "14:00")
    cal = calendar.load_calendar(ctx.store)
    assert due(vn(2026, 3, 2, 14, 30), SAME_DAY, cal) == vn(2026, 3, 3, 17)
    assert due(vn(2026, 3, 2, 13, 59), SAME_DAY, cal) == vn(2026, 3, 2, 17)


@pytest.mark.parametrize("bad", ["7h30-11h30", "25:00-26:00", "17:00-07:00"])
def test_malformed_office_hours_setting_is_a_clear_error(ctx: Session, bad: str) -> None:
    ctx.store.set_setting("office_hours", bad)
    with pytest.raises(ValidationError):
        calendar.office_hours(ctx.store)


@pytest.mark.parametrize("bad", ["07:30-11:30;13:00-17:00", "07:30"])
def test_office_hours_setting_with_wrong_separators_is_a_clear_error(
    ctx: Session, bad: str
) -> None:
    # A ";" typed instead of "," (Vietnamese Excel habit), or a time without its range.
    ctx.store.set_setting("office_hours", bad)
    with pytest.raises(ValidationError):
        calendar.office_hours(ctx.store)


# --------------------------------------------------------------------------------------------------
# Permissions


def test_a_clerk_may_not_edit_the_calendar(ctx: Session) -> None:
    thu = clerk(ctx)
    with pytest.raises(PermissionDenied, match="lịch làm việc"):
        calendar.set_day(thu, date(2026, 3, 9), "day_off", "Nghỉ")
    calendar.set_day(ctx, date(2026, 3, 9), "day_off", "Nghỉ")
    with pytest.raises(PermissionDenied):
        calendar.remove_day(thu, date(2026, 3, 9))
    assert rows(ctx, "SELECT kind FROM calendar_days WHERE day = '2026-03-09'") == [
        {"kind": "day_off"}
    ]
    # Reading the calendar is open to every role.
    assert date(2026, 3, 9) in {r.day for r in calendar.list_year(thu, 2026)}


def test_an_admin_may_edit_the_calendar(ctx: Session) -> None:
    users.add_user(ctx, "quantri", "admin", "Trần Quốc Bảo", "password-123")
    admin = users.sign_in(ctx.store, "quantri", "password-123")
    calendar.set_day(admin, date(2026, 3, 9), "day_off", "Nghỉ")
    calendar.remove_day(admin, date(2026, 3, 9))


# --------------------------------------------------------------------------------------------------
# Official swaps (resources/calendar/official_days.json) and the upgrade of a seeded year


def test_official_swaps_are_seeded_with_their_document(ctx: Session) -> None:
    listed = {r.day: r for r in calendar.list_year(ctx, 2026)}
    off, worked = listed[date(2026, 1, 2)], listed[date(2026, 1, 10)]
    assert (off.kind, off.source) == ("day_off", "official")
    assert (worked.kind, worked.source) == ("workday", "official")
    assert "Công văn 12729/VPCP-KGVX ngày 25/12/2025" in off.document
    assert "chưa xác nhận" not in off.document
    # Days only the holidays package guesses stay marked as such.
    assert listed[date(2026, 8, 22)].source == "seed"
    assert "chưa xác nhận" in listed[date(2026, 8, 22)].document
    cal = calendar.load_calendar(ctx.store)
    assert not cal.is_working_day(date(2026, 1, 2)) and cal.is_working_day(date(2026, 1, 10))
    listed_2025 = {r.day: r for r in calendar.list_year(ctx, 2025)}
    assert (listed_2025[date(2025, 4, 26)].kind, listed_2025[date(2025, 4, 26)].source) == (
        "workday",
        "official",
    )


def test_upgrade_adds_official_rows_to_a_seeded_year_and_keeps_manual_edits(ctx: Session) -> None:
    calendar.load_calendar(ctx.store)
    # A year seeded by an older version: no official rows, a seed row and a manual edit.
    ctx.store.db.execute("DELETE FROM calendar_days WHERE source = 'official'")
    ctx.store.db.execute(
        "INSERT INTO calendar_days(day, kind, note, source) "
        "VALUES ('2025-05-02', 'day_off', 'cũ', 'seed')"
    )
    calendar.set_day(ctx, date(2026, 1, 10), "day_off", "Xã nghỉ theo quyết định riêng")
    calendar.set_day(ctx, date(2026, 3, 9), "day_off", "Nghỉ đột xuất")
    calendar.load_calendar(ctx.store)  # the upgrade happens on the next use
    listed = {r.day: r for r in calendar.list_year(ctx, 2026)}
    assert (listed[date(2026, 1, 2)].kind, listed[date(2026, 1, 2)].source) == (
        "day_off",
        "official",
    )
    assert (listed[date(2026, 1, 10)].kind, listed[date(2026, 1, 10)].source) == (
        "day_off",
        "manual",
    )
    assert listed[date(2026, 3, 9)].source == "manual"
    may2 = {r.day: r for r in calendar.list_year(ctx, 2025)}[date(2025, 5, 2)]
    assert may2.source == "official" and may2.note != "cũ"
    count = rows(ctx, "SELECT count(*) AS n FROM calendar_days")[0]["n"]
    calendar.load_calendar(ctx.store)
    assert rows(ctx, "SELECT count(*) AS n FROM calendar_days")[0]["n"] == count


def test_first_intakes_at_once_on_a_fresh_station_all_succeed(ctx: Session) -> None:
    """Issue #7 item 9: several first intakes at once used to fail on calendar_years' key."""
    import threading

    from onestop_desktop.store.db import Store

    path = ctx.store.path
    assert path is not None
    clerk(ctx)
    assert not rows(ctx, "SELECT 1 FROM calendar_years")
    workers = 6
    barrier = threading.Barrier(workers)
    errors: list[BaseException] = []
    codes: list[str] = []
    lock = threading.Lock()

    def first_intake() -> None:
        store = Store.open(path)
        try:
            session = users.sign_in(store, "tiepnhan", "password-123")
            barrier.wait()
            done = dossiers.receive(session, Intake("1.004873", Applicant("Nguyễn Thị Lan")))
            with lock:
                codes.append(done.code)
        except BaseException as exc:  # collected and asserted below
            with lock:
                errors.append(exc)
        finally:
            store.close()

    threads = [threading.Thread(target=first_intake) for _ in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    assert len(set(codes)) == workers
    assert len(rows(ctx, "SELECT year FROM calendar_years")) == 3
