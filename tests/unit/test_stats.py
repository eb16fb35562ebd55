"""Biểu 06 and the announced figures (reference §3–§4), including property tests over random
status histories: the consistency identity, and "a past period gives the numbers it gave then"."""

from __future__ import annotations

import itertools
import json
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from onestop_desktop.domain.clock import VN_TZ
from onestop_desktop.domain.stats import (
    COLUMNS,
    EXTRA_COLUMNS,
    STAT_OPEN,
    DossierFacts,
    Report06,
    Row06,
    announced,
    classify_resolution,
    on_time_rate,
    period_bounds,
    report,
)
from onestop_desktop.domain.status import ACTIONS, Status
from onestop_desktop.errors import ValidationError

S = Status


def at(day: int, hour: int = 9, minute: int = 0, month: int = 7) -> datetime:
    return datetime(2025, month, day, hour, minute, tzinfo=VN_TZ)


def dossier(
    status: Status,
    received: datetime,
    *,
    due: datetime | None = None,
    finished: datetime | None = None,
    returned: datetime | None = None,
    history: tuple[tuple[datetime, Status], ...] = (),
    due_history: tuple[tuple[datetime, datetime | None], ...] = (),
    field: str = "Hộ tịch",
    channel: str = "in_person",
    refusal: str | None = None,
    reschedules: tuple[datetime, ...] = (),
) -> DossierFacts:
    return DossierFacts(
        status=status,
        field=field,
        channel=channel,
        received_at=received,
        due_at=due,
        finished_at=finished,
        returned_at=returned,
        refusal_reason=refusal,
        history=history,
        due_history=due_history,
        reschedules=reschedules,
    )


# --- classify_resolution and the rate -------------------------------------------------------


@pytest.mark.parametrize(
    ("finished", "due", "expected"),
    [
        (at(3, 16), at(4, 8), "early"),
        (at(4, 16, 59), at(4, 8), "on_time"),  # same date, later hour: still on time
        (at(4, 7), at(4, 17), "on_time"),
        (at(5, 7, 30), at(4, 17), "late"),
        (at(5, 0, 1), at(4, 23, 59), "late"),
        (at(20), None, "on_time"),  # no appointment counts as on time
    ],
)
def test_classify_resolution_by_calendar_date(
    finished: datetime, due: datetime | None, expected: str
) -> None:
    assert classify_resolution(finished, due) == expected


def test_classify_resolution_uses_vietnamese_dates_not_utc() -> None:
    # 18:00 UTC on 1 July is 01:00 on 2 July in Vietnam: late for a 1 July appointment.
    finished = datetime(2025, 7, 1, 18, 0, tzinfo=timezone.utc)
    assert classify_resolution(finished, at(1, 17)) == "late"
    # 23:00 UTC on 30 June is 06:00 on 1 July in Vietnam: on time, though UTC dates differ.
    assert classify_resolution(datetime(2025, 6, 30, 23, tzinfo=timezone.utc), at(1)) == "on_time"


@pytest.mark.parametrize(
    ("on_time", "resolved", "rate"),
    [
        (26, 27, Decimal("96.3")),
        (77, 80, Decimal("96.3")),  # 96.25 rounds half up; banker's rounding would give 96.2
        (1, 3, Decimal("33.3")),
        (2, 3, Decimal("66.7")),
        (45, 45, Decimal("100.0")),
        (0, 5, Decimal("0.0")),
        (0, 0, None),
    ],
)
def test_on_time_rate(on_time: int, resolved: int, rate: Decimal | None) -> None:
    assert on_time_rate(on_time, resolved) == rate


# --- the centre's announcement: 52 received, 45 on time, 5 in progress, 2 refused ----------


def announcement_day() -> list[DossierFacts]:
    """14/07/2025 at a commune centre, with some dossiers that must not be counted."""
    day = 14
    items: list[DossierFacts] = []
    for i in range(45):  # returned early or on time (same-day procedures and earlier ones)
        received = at(day, 7 + i % 8, i % 60)
        if i % 3 == 0:  # result ready today, not yet picked up: the centre's part is done
            items.append(dossier(S.RESULT_READY, received, due=at(day, 17), finished=at(day, 16)))
        else:
            items.append(
                dossier(
                    S.RETURNED,
                    received,
                    due=at(day + 2, 17),
                    finished=at(day, 15),
                    returned=at(day, 16),
                    channel="online" if i % 5 == 0 else "in_person",
                )
            )
    for i in range(5):  # in progress, appointments later
        items.append(dossier(S.PROCESSING, at(day, 10, i), due=at(day + 3, 17), field="Đất đai"))
    for i in range(2):  # refused as duplicates (no national status: a reason under status 3)
        items.append(dossier(S.NOT_ACCEPTED, at(day, 11, i), refusal="Trùng hồ sơ"))
    # Not received that day: yesterday's dossier, tomorrow's, an online one not yet accepted.
    items.append(dossier(S.PROCESSING, at(day - 1), due=at(day + 5)))
    items.append(dossier(S.RECEIVED, at(day + 1), due=at(day + 5)))
    items.append(dossier(S.REGISTERED_ONLINE, at(day, 20), channel="online"))
    return items


def test_announcement_52_45_5_2() -> None:
    figures = announced(announcement_day(), date(2025, 7, 14), date(2025, 7, 14))
    assert (figures.received, figures.returned_on_time, figures.in_progress, figures.refused) == (
        52,
        45,
        5,
        2,
    )
    assert figures.on_time_rate == Decimal("100.0")
    assert figures.returned_late == figures.paused == figures.withdrawn == 0


def test_announcement_and_biểu_06_agree_on_the_same_day() -> None:
    result = report(announcement_day(), date(2025, 7, 14), date(2025, 7, 14))
    total = result.total
    # Refused dossiers are announced as received but are not in the Biểu 06 columns (§3).
    assert total.received_total == 50 == result.announced.received - result.announced.refused
    assert total.carried_over == 1
    assert total.resolved_total == 45
    assert total.resolved_early + total.resolved_on_time == 45
    assert total.in_progress_total == 6
    assert result.consistency_errors == []


def test_announcement_counts_late_paused_and_withdrawn_separately() -> None:
    items = [
        dossier(S.RETURNED, at(2), due=at(2, 17), finished=at(3, 8), returned=at(3, 9)),  # late
        dossier(S.SUPPLEMENT_REQUESTED, at(2), due=at(9)),
        dossier(S.WITHDRAWN, at(2), due=at(9), finished=at(3)),
        dossier(S.RETURNED, at(2), due=at(4), finished=at(3), returned=at(4)),  # early
    ]
    figures = announced(items, date(2025, 7, 1), date(2025, 7, 7))
    assert figures.received == 4
    assert (figures.returned_on_time, figures.returned_late) == (1, 1)
    assert (figures.paused, figures.withdrawn, figures.in_progress, figures.refused) == (1, 1, 0, 0)
    # Rate over the Biểu 06 resolved: early + withdrawn (on time) of 3 resolved.
    assert (figures.rate_on_time, figures.rate_resolved) == (2, 3)
    assert figures.on_time_rate == Decimal("66.7")


# --- 96.3 % ----------------------------------------------------------------------------------


def test_week_with_96_3_percent_on_time() -> None:
    items = []
    for i in range(10):
        items.append(
            dossier(S.RETURNED, at(7, 8 + i % 8), due=at(10), finished=at(8), returned=at(8))
        )
    for i in range(16):
        items.append(
            dossier(S.RETURNED, at(8, 8 + i % 8), due=at(9), finished=at(9), returned=at(9))
        )
    items.append(dossier(S.RESULT_READY, at(7), due=at(8), finished=at(11)))  # late
    result = report(items, date(2025, 7, 7), date(2025, 7, 13))
    total = result.total
    assert (total.resolved_total, total.resolved_early, total.resolved_on_time) == (27, 10, 16)
    assert total.resolved_late == 1
    assert result.announced.on_time_rate == Decimal("96.3")
    assert result.to_dict()["announced"]["on_time_rate"] == 96.3  # type: ignore[index]


def test_rate_rounds_half_up_over_80_resolved() -> None:
    items = [
        dossier(S.RETURNED, at(7), due=at(8), finished=at(8 if i < 77 else 9), returned=at(9))
        for i in range(80)
    ]
    assert announced(items, date(2025, 7, 7), date(2025, 7, 13)).on_time_rate == Decimal("96.3")


# --- Biểu 06 definitions ----------------------------------------------------------------------

JULY = (date(2025, 7, 1), date(2025, 7, 31))
JUNE = (date(2025, 6, 1), date(2025, 6, 30))


def july(*items: DossierFacts) -> Row06:
    return report(items, *JULY).total


def test_received_by_channel() -> None:
    row = july(
        dossier(S.RECEIVED, at(2), channel="online"),
        dossier(S.RECEIVED, at(2), channel="in_person"),
        dossier(S.RECEIVED, at(2), channel="postal"),
    )
    assert (row.received_total, row.received_online, row.received_in_person) == (3, 1, 2)


def test_excluded_statuses_are_in_no_column() -> None:
    row = july(
        dossier(S.REGISTERED_ONLINE, at(2), channel="online"),
        dossier(S.NOT_ACCEPTED, at(2), refusal="Trùng hồ sơ"),
    )
    assert row.counts(extra=True) == dict.fromkeys(COLUMNS + EXTRA_COLUMNS, 0)


def test_carried_over_is_received_before_and_open_at_the_start() -> None:
    row = july(
        dossier(S.PROCESSING, at(20, month=6), due=at(10)),  # open: carried over
        dossier(
            S.RETURNED,
            at(20, month=6),
            due=at(25, month=6),
            finished=at(24, month=6),
            returned=at(25, month=6),
        ),  # done in June: not in July at all
        dossier(S.RETURNED, at(25, month=6), due=at(2), finished=at(3), returned=at(3)),
    )
    assert row.carried_over == 2
    assert row.received_total == 0
    assert (row.resolved_total, row.resolved_late, row.in_progress_total) == (1, 1, 1)
    assert row.consistency_errors() == []


def test_midnight_boundaries() -> None:
    start, end = period_bounds(*JULY)
    assert start == datetime(2025, 7, 1, 0, 0, tzinfo=VN_TZ)
    assert end.date() == date(2025, 7, 31) and end.hour == 23
    row = july(
        dossier(S.RECEIVED, datetime(2025, 7, 1, 0, 0, tzinfo=VN_TZ)),  # first instant: received
        dossier(S.RECEIVED, datetime(2025, 6, 30, 23, 59, 59, tzinfo=VN_TZ)),  # carried over
        dossier(S.RECEIVED, datetime(2025, 8, 1, 0, 0, tzinfo=VN_TZ)),  # next period: nothing
    )
    assert (row.received_total, row.carried_over, row.in_progress_total) == (1, 1, 2)


def test_resolved_early_on_time_late_and_withdrawn() -> None:
    row = july(
        dossier(S.RETURNED, at(2), due=at(10), finished=at(8), returned=at(9)),
        dossier(S.RETURNED, at(2), due=at(10, 8), finished=at(10, 16), returned=at(11)),
        dossier(S.RESULT_READY, at(2), due=at(10), finished=at(11)),
        dossier(S.WITHDRAWN, at(2), due=at(3), finished=at(20)),  # after its appointment
    )
    assert (row.resolved_early, row.resolved_on_time, row.resolved_late) == (1, 2, 1)
    assert row.withdrawn == 1  # counted in resolved_on_time, whatever the date (§3)
    assert row.resolved_total == 4


def test_finish_is_the_status_9_time_not_the_return() -> None:
    """Result ready in July, picked up in August: resolved (on time) in July."""
    item = dossier(S.RETURNED, at(2), due=at(31), finished=at(30), returned=at(5, month=8))
    assert july(item).resolved_on_time == 0
    assert july(item).resolved_early == 1
    only_return = dossier(S.RETURNED, at(2), due=at(31), returned=at(5, month=8))
    # The source gives only the August return: in progress at the July end, resolved in August.
    assert (july(only_return).in_progress_total, july(only_return).resolved_total) == (1, 0)
    assert report([only_return], date(2025, 8, 1), date(2025, 8, 31)).total.resolved_late == 1


def test_in_progress_in_time_when_due_on_or_after_the_end_date() -> None:
    row = july(
        dossier(S.PROCESSING, at(2), due=at(31, 8)),  # due on the last day: in time
        dossier(S.PROCESSING, at(2), due=at(5, month=8)),
        dossier(S.RECEIVED, at(2)),  # no appointment: in time
        dossier(S.PROCESSING, at(2), due=at(30, 17)),
    )
    assert (row.in_progress_in_time, row.in_progress_overdue, row.in_progress_total) == (3, 1, 4)


def test_paused_dossiers_are_in_column_11_by_their_appointment() -> None:
    row = july(
        dossier(S.SUPPLEMENT_REQUESTED, at(2), due=at(9)),  # overdue at the July end
        dossier(S.FINANCIAL_OBLIGATION, at(2), due=at(5, month=8)),  # in time
        dossier(S.SUPPLEMENT_REQUESTED, at(2)),  # no appointment: in time
    )
    assert (row.in_progress_total, row.in_progress_in_time, row.in_progress_overdue) == (3, 2, 1)
    assert row.paused == 3
    assert (row.to_resolve_total, row.received_total, row.carried_over) == (3, 3, 0)


def test_a_stopped_dossier_is_resolved_in_the_period_it_stops_and_then_leaves() -> None:
    stopped = dossier(
        S.STOPPED,
        at(10, month=6),
        history=((at(10, month=6), S.RECEIVED), (at(3), S.STOPPED)),
    )
    june = report([stopped], *JUNE).total
    assert (june.received_total, june.in_progress_total) == (1, 1)
    row = july(stopped)
    assert (row.carried_over, row.resolved_total, row.resolved_on_time) == (1, 1, 1)
    assert row.returned_unresolved == 1 and row.in_progress_total == 0
    later = report([stopped], date(2026, 1, 1), date(2026, 1, 31)).total
    assert later.counts(extra=True) == Row06("x").counts(extra=True)


def test_refused_after_receipt_counts_as_resolved_in_the_later_period() -> None:
    item = dossier(
        S.NOT_ACCEPTED,
        at(30, month=6),
        history=((at(30, month=6), S.RECEIVED), (at(2), S.NOT_ACCEPTED)),
    )
    assert report([item], *JUNE).total.in_progress_total == 1  # June, as it stood then
    row = july(item)  # it no longer vanishes: carried over, resolved (returned unresolved)
    assert (row.to_resolve_total, row.carried_over, row.resolved_total) == (1, 1, 1)
    assert (row.resolved_on_time, row.returned_unresolved) == (1, 1)
    # Refused at intake (3 only): in no column at all.
    at_intake = dossier(S.NOT_ACCEPTED, at(3), history=((at(3), S.NOT_ACCEPTED),))
    assert july(at_intake).counts(extra=True) == Row06("x").counts(extra=True)
    # A duplicate refused at the counter: "received" then "refused" in the same intake.
    dup = dossier(
        S.NOT_ACCEPTED,
        at(3),
        history=((at(3), S.RECEIVED), (at(3) + timedelta(seconds=1), S.NOT_ACCEPTED)),
    )
    assert july(dup).counts(extra=True) == Row06("x").counts(extra=True)
    # Received and refused in the same period: received and resolved in it.
    same = dossier(S.NOT_ACCEPTED, at(3), history=((at(3), S.RECEIVED), (at(4), S.NOT_ACCEPTED)))
    assert (july(same).received_total, july(same).resolved_total) == (1, 1)


def test_a_past_period_gives_the_numbers_it_gave_then() -> None:
    history = (
        (at(10, month=6), S.RECEIVED),
        (at(12, month=6), S.PROCESSING),
        (at(15, month=6), S.SUPPLEMENT_REQUESTED),
        (at(25, month=6), S.PROCESSING),
        (at(5), S.RESULT_READY),
        (at(6), S.RETURNED),
    )
    item = dossier(
        S.RETURNED,
        at(10, month=6),
        due=at(8),  # rescheduled on 1 July (Mẫu 04)
        due_history=((at(10, month=6), at(20, month=6)), (at(1), at(8))),
        history=history,
    )
    june = report([item], *JUNE).total
    assert (june.received_total, june.in_progress_total, june.in_progress_overdue) == (1, 1, 1)
    mid_june = report([item], date(2025, 6, 1), date(2025, 6, 18)).total
    assert (mid_june.paused, mid_june.in_progress_total) == (1, 1)
    row = july(item)
    assert (row.carried_over, row.resolved_total, row.resolved_early) == (1, 1, 1)
    snapshot = item.as_of(period_bounds(*JUNE)[1])
    assert snapshot is not None
    assert snapshot.status == S.PROCESSING
    assert snapshot.due_at == at(20, month=6)
    assert snapshot.finished_at is None and snapshot.returned_at is None


def test_rows_per_field_sorted_without_diacritics_and_a_total() -> None:
    result = report(
        [
            dossier(S.RECEIVED, at(2), field="Hộ tịch"),
            dossier(S.RECEIVED, at(2), field="Chứng thực"),
            dossier(S.RECEIVED, at(2), field="Đất đai"),
            dossier(S.RECEIVED, at(2), field="Đất đai"),
            dossier(S.RECEIVED, at(2), field=" "),
        ],
        *JULY,
    )
    assert [r.field for r in result.rows] == [
        "Chưa xác định lĩnh vực",
        "Chứng thực",
        "Đất đai",
        "Hộ tịch",
    ]
    assert result.total.field == "Tổng cộng"
    assert result.total.received_total == 5
    assert result.consistency_errors == []


def test_to_dict_layout_is_json() -> None:
    result = report(announcement_day(), date(2025, 7, 14), date(2025, 7, 14))
    data = result.to_dict()
    # Column (3) under its own key first; received_total kept for older scripts.
    assert list(data) == [*COLUMNS, "received_total", "by_field", "announced", "period"]
    assert COLUMNS[0] == "to_resolve_total"
    assert data["to_resolve_total"] == (
        data["received_online"] + data["received_in_person"] + data["carried_over"]
    )
    assert data["period"] == {"from": "2025-07-14", "to": "2025-07-14"}
    assert data["announced"] == {
        "received": 52,
        "returned_on_time": 45,
        "in_progress": 5,
        "refused": 2,
        "on_time_rate": 100.0,
    }
    by_field = data["by_field"]
    assert isinstance(by_field, list)
    assert [set(r) for r in by_field] == [{"field", "received_total", *COLUMNS}] * len(by_field)
    assert {r["field"] for r in by_field} == {"Hộ tịch", "Đất đai"}
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    extra = result.to_dict(extra=True)
    assert {"paused", "withdrawn"} <= set(extra)
    empty = report([], *JULY).to_dict()
    assert empty["announced"]["on_time_rate"] is None  # type: ignore[index]
    assert empty["by_field"] == []


def test_row06_attribute_names() -> None:
    names = {f for f in Row06.__dataclass_fields__} - {"field"}
    assert names == set(COLUMNS + EXTRA_COLUMNS)


# --- DossierFacts -----------------------------------------------------------------------------


def test_facts_validation_and_normalisation() -> None:
    with pytest.raises(ValidationError, match="Kênh tiếp nhận"):
        dossier(S.RECEIVED, at(2), channel="email")
    with pytest.raises(ValidationError, match="không khớp trạng thái cuối"):
        dossier(S.RETURNED, at(2), history=((at(2), S.RECEIVED),))
    naive = DossierFacts(S.RECEIVED, "Hộ tịch", "online", datetime(2025, 7, 2, 9))
    assert naive.received_at == at(2)
    utc = DossierFacts(S.RECEIVED, "x", "online", datetime(2025, 7, 2, 2, tzinfo=timezone.utc))
    assert utc.received_at.utcoffset() == timedelta(hours=7)
    with pytest.raises(ValidationError, match="Ngày bắt đầu kỳ báo cáo"):
        report([], date(2025, 7, 2), date(2025, 7, 1))


def test_timeline_rebuilt_without_history() -> None:
    item = dossier(S.RETURNED, at(2), finished=at(4), returned=at(6))
    assert item.timeline() == ((at(2), S.RECEIVED), (at(4), S.RESULT_READY), (at(6), S.RETURNED))
    assert item.status_at(at(3)) == S.RECEIVED
    assert item.status_at(at(1)) is None
    assert item.finished_as_of(at(5)) == at(4)
    only_return = dossier(S.RETURNED, at(2), returned=at(6))
    assert only_return.finished_as_of(at(30)) == at(6)
    history = ((at(2), S.RECEIVED), (at(4), S.RESULT_READY), (at(6), S.RETURNED))
    assert dossier(S.RETURNED, at(2), history=history).finished_as_of(at(30)) == at(4)


# --- properties over random histories ---------------------------------------------------------

BASE = datetime(2025, 6, 1, tzinfo=VN_TZ)
moments = st.integers(0, 100 * 24 * 4).map(lambda q: BASE + timedelta(minutes=15 * q))
FIELDS = ["Hộ tịch", "Chứng thực", "Đất đai"]
CHANNELS = ["online", "in_person", "postal"]


@st.composite
def any_facts(draw: st.DrawFn) -> DossierFacts:
    """Anything at all, including histories the workflow would never produce."""
    history = sorted(
        draw(st.lists(st.tuples(moments, st.sampled_from(Status)), max_size=6)),
        key=lambda e: e[0],
    )
    status = history[-1][1] if history else draw(st.sampled_from(Status))
    return DossierFacts(
        status=status,
        field=draw(st.sampled_from(FIELDS)),
        channel=draw(st.sampled_from(CHANNELS)),
        received_at=draw(moments),
        due_at=draw(st.none() | moments),
        finished_at=draw(st.none() | moments),
        returned_at=draw(st.none() | moments),
        history=tuple(history),
        due_history=tuple(draw(st.lists(st.tuples(moments, st.none() | moments), max_size=3))),
    )


_NEXT: dict[Status, list[Status]] = {}
for _action in ACTIONS.values():
    for _source in _action.sources:
        if _action.target is not None and not (
            _action.kind == "refused" and _source == S.REGISTERED_ONLINE
        ):
            _NEXT.setdefault(_source, []).append(_action.target)


@st.composite
def workflow_facts(draw: st.DrawFn) -> DossierFacts:
    """Histories the clerk actions can produce, refusal after receipt (2 → 3) included."""
    received = draw(moments)
    channel = draw(st.sampled_from(CHANNELS))
    history: list[tuple[datetime, Status]] = []
    if channel == "online" and draw(st.booleans()):
        history.append((received - timedelta(hours=draw(st.integers(1, 72))), S.REGISTERED_ONLINE))
    first = S.NOT_ACCEPTED if draw(st.integers(0, 9)) == 0 else S.RECEIVED
    history.append((received, first))
    moment, status = received, first
    for _ in range(draw(st.integers(0, 6))):
        choices = _NEXT.get(status)
        if not choices:
            break
        moment += timedelta(minutes=15 * draw(st.integers(1, 20 * 24 * 4)))
        status = draw(st.sampled_from(choices))
        history.append((moment, status))
    due = draw(st.none() | st.integers(0, 30).map(lambda d: received + timedelta(days=d)))
    return DossierFacts(
        status=status,
        field=draw(st.sampled_from(FIELDS)),
        channel=channel,
        received_at=received,
        due_at=due,
        history=tuple(history),
    )


periods = st.tuples(st.integers(0, 95), st.integers(0, 40)).map(
    lambda p: (BASE.date() + timedelta(days=p[0]), BASE.date() + timedelta(days=p[0] + p[1]))
)


def check_identities(result: Report06) -> None:
    assert result.consistency_errors == []
    for row in (*result.rows, result.total):
        # The form's identities, for every field and the total.
        assert row.to_resolve_total == row.received_online + row.received_in_person + (
            row.carried_over
        )
        assert row.to_resolve_total == row.resolved_total + row.in_progress_total
        assert row.resolved_total == row.resolved_early + row.resolved_on_time + row.resolved_late
        assert row.in_progress_total == row.in_progress_in_time + row.in_progress_overdue
        assert row.received_total == row.received_online + row.received_in_person
        assert row.paused <= row.in_progress_total
    a = result.announced
    assert a.received == (
        a.returned_on_time + a.returned_late + a.in_progress + a.paused + a.withdrawn + a.refused
    )
    assert a.rate_resolved == result.total.resolved_total


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(items=st.lists(any_facts(), max_size=25), period=periods)
def test_identity_holds_for_any_history(
    items: list[DossierFacts], period: tuple[date, date]
) -> None:
    check_identities(report(items, *period))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(items=st.lists(any_facts(), max_size=25), period=periods)
def test_past_report_equals_report_from_facts_known_then(
    items: list[DossierFacts], period: tuple[date, date]
) -> None:
    end = period_bounds(*period)[1]
    snapshots = [s for s in (f.as_of(end) for f in items) if s is not None]
    assert report(items, *period) == report(snapshots, *period)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(items=st.lists(workflow_facts(), max_size=25), period=periods, gap=st.integers(0, 30))
def test_workflow_histories_match_the_reference_definitions(
    items: list[DossierFacts], period: tuple[date, date], gap: int
) -> None:
    result = report(items, *period)
    check_identities(result)
    first, last = period_bounds(*period)
    just_before = first - timedelta(microseconds=1)
    # §4: carried over = received before the start and open ({2,4,5,6,8}) at the start.
    assert result.total.carried_over == sum(
        1 for f in items if f.received_at < first and f.status_at(just_before) in STAT_OPEN
    )

    # Received = handed in during the period and not excluded at the period end (1, or 3 at
    # intake); a dossier refused after receipt is received (and resolved).
    def counted(f: DossierFacts) -> bool:
        status = f.status_at(last)
        if status in (None, S.REGISTERED_ONLINE):
            return False
        return status != S.NOT_ACCEPTED or f.was_received_before_closing(last)

    assert result.total.received_total == sum(
        1 for f in items if first <= f.received_at <= last and counted(f)
    )
    refused_at_intake = sum(
        1
        for f in items
        if first <= f.received_at <= last
        and f.status_at(last) == S.NOT_ACCEPTED
        and not f.was_received_before_closing(last)
    )
    assert result.announced.received == result.total.received_total + refused_at_intake
    # What is open at one period end is exactly what the next period carries over.
    following = (period[1] + timedelta(days=1), period[1] + timedelta(days=1 + gap))
    nxt = report(items, *following).total
    assert nxt.carried_over == result.total.in_progress_total


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(
    items=st.lists(workflow_facts(), max_size=25),
    period=periods,
    cuts=st.lists(st.integers(0, 40), max_size=4),
)
def test_identities_hold_over_any_period_split(
    items: list[DossierFacts], period: tuple[date, date], cuts: list[int]
) -> None:
    """Any sequence of lifecycle actions, any split of a period into consecutive parts: every
    part satisfies the form's identities, each part carries over what the previous left in (11),
    and receipts and resolutions add up to those of the whole period."""
    start, end = period
    days = (end - start).days
    bounds = sorted({c for c in cuts if c < days})
    parts: list[tuple[date, date]] = []
    first_day = start
    for cut in bounds:
        last_day = start + timedelta(days=cut)
        if last_day >= first_day:
            parts.append((first_day, last_day))
            first_day = last_day + timedelta(days=1)
    parts.append((first_day, end))
    whole = report(items, start, end).total
    results = [report(items, *part) for part in parts]
    for result in results:
        check_identities(result)
    for before, after in itertools.pairwise(results):
        assert after.total.carried_over == before.total.in_progress_total
    assert results[0].total.carried_over == whole.carried_over
    assert results[-1].total.in_progress_total == whole.in_progress_total
    for name in (
        "received_total",
        "received_online",
        "received_in_person",
        "resolved_total",
        "resolved_early",
        "resolved_on_time",
        "resolved_late",
    ):
        assert sum(getattr(r.total, name) for r in results) == getattr(whole, name), name


def test_judged_due_ignores_apologies_but_keeps_supplement_shifts() -> None:
    # First appointment 10/07; a supplement pause moves it to 12/07 (+2 days); Mẫu 04 moves it to
    # 20/07; another pause moves it one more day (21/07). Judged: 10/07 + 2 + 1 = 13/07.
    item = dossier(
        S.RESULT_READY,
        at(1),
        due=at(21),
        finished=at(15),
        history=((at(1), S.RECEIVED), (at(15), S.RESULT_READY)),
        due_history=((at(1), at(10)), (at(5), at(12)), (at(8), at(20)), (at(9), at(21))),
        reschedules=(at(8),),
    )
    assert item.judged_due(at(15)) == at(13)
    assert item.judged_due(at(15), "latest") == at(21)
    assert july(item).resolved_late == 1
    assert (
        report(
            [item], date(2025, 7, 1), date(2025, 7, 31), on_time_basis="latest"
        ).total.resolved_early
        == 1
    )
