"""domain/rotation.py: which automatic backups are kept (7 daily, 4 weekly, 12 monthly)."""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from onestop_desktop.domain import clock, rotation

START = datetime(2024, 1, 1, tzinfo=clock.VN_TZ)

moments = st.lists(
    st.integers(min_value=0, max_value=3 * 365 * 24 * 60).map(
        lambda m: START + timedelta(minutes=m)
    ),
    max_size=120,
    unique=True,
)


def _items(times: list[datetime]) -> list[tuple[int, datetime]]:
    return list(enumerate(times))


@settings(max_examples=300, deadline=None)
@given(moments)
def test_keeps_a_subset_within_the_limit_and_always_the_newest(times: list[datetime]) -> None:
    items = _items(times)
    kept = rotation.keep(items)
    assert kept <= {k for k, _ in items}
    assert len(kept) <= rotation.DAILY + rotation.WEEKLY + rotation.MONTHLY
    if items:
        newest = max(items, key=lambda kv: kv[1])[0]
        assert newest in kept
    else:
        assert kept == set()


@settings(max_examples=300, deadline=None)
@given(moments)
def test_the_newest_of_each_recent_day_week_and_month_is_kept(times: list[datetime]) -> None:
    items = _items(times)
    kept = rotation.keep(items)
    for bucket, count in (
        (lambda t: t.date(), rotation.DAILY),
        (lambda t: tuple(t.isocalendar())[:2], rotation.WEEKLY),
        (lambda t: (t.year, t.month), rotation.MONTHLY),
    ):
        groups: dict[object, list[tuple[int, datetime]]] = {}
        for key, at in items:
            groups.setdefault(bucket(at), []).append((key, at))
        for b in sorted(groups, reverse=True)[:count]:  # type: ignore[type-var]
            assert max(groups[b], key=lambda kv: kv[1])[0] in kept


@settings(max_examples=200, deadline=None)
@given(moments)
def test_rotating_again_deletes_nothing_more(times: list[datetime]) -> None:
    items = _items(times)
    kept = rotation.keep(items)
    again = rotation.keep([(k, at) for k, at in items if k in kept])
    assert again == kept


def test_a_year_of_daily_backups_keeps_seven_days_four_weeks_twelve_months() -> None:
    items = [(i, START + timedelta(days=i, hours=8)) for i in range(400)]
    kept = rotation.keep(items)
    days = sorted(items[k][1].date() for k in kept)
    last = items[-1][1].date()
    assert [last - timedelta(days=n) for n in range(7)] == sorted(days, reverse=True)[:7]
    # 7 days + the Sundays of the 3 previous weeks + month ends: at most 23, at least 12 + 7.
    assert 19 <= len(kept) <= 23
    months = {(items[k][1].year, items[k][1].month) for k in kept}
    assert len(months) == 12


def test_due_on_the_first_start_of_each_day_and_stale_after_a_day() -> None:
    morning = datetime(2026, 3, 2, 7, 30, tzinfo=clock.VN_TZ)
    assert rotation.is_due(None, morning)
    assert rotation.is_due(morning - timedelta(hours=8), morning)  # yesterday evening
    assert not rotation.is_due(morning, morning + timedelta(hours=9))  # same day
    assert rotation.is_stale(None, morning)
    assert not rotation.is_stale(morning, morning + timedelta(hours=24))
    assert rotation.is_stale(morning, morning + timedelta(hours=24, seconds=1))
