"""Biểu 06 and the announced figures built from dossiers that went through the services (intake and
every step with the fake clock), not from hand-made facts (reference §3–§4)."""

from __future__ import annotations

import itertools
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from onestop_desktop.domain import clock
from onestop_desktop.errors import Conflict, ValidationError
from onestop_desktop.reports import report06
from onestop_desktop.services import dossiers, reports, settings
from onestop_desktop.services.context import Session
from onestop_desktop.services.dossiers import Applicant, DuplicateFound, Intake
from onestop_desktop.services.views import DossierSummary
from tests.helpers.contracts import BIEU06_KEYS

from .conftest import FakeClock

FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi")
GIVEN = ("An", "Bình", "Cường", "Dũng", "Giang", "Hải", "Hương", "Lan", "Mai", "Nam")
NAMES = [f"{f} Văn {g}" for f, g in itertools.product(FAMILY, GIVEN)]

WEEK1 = (date(2026, 3, 2), date(2026, 3, 8))  # Monday 02/03 – Sunday 08/03/2026
WEEK2 = (date(2026, 3, 9), date(2026, 3, 15))


class Counter:
    """Hands out applicants with distinct names and valid 12-digit ID numbers."""

    def __init__(self) -> None:
        self.n = 0

    def applicant(self) -> Applicant:
        self.n += 1
        return Applicant(NAMES[self.n], f"001090{self.n:06d}", phone=f"0912{self.n:06d}")


def receive(
    ctx: Session,
    fake_clock: FakeClock,
    when: str,
    code: str,
    applicant: Applicant,
    **intake: object,
) -> DossierSummary:
    fake_clock.set(when)
    return dossiers.receive(ctx, Intake(code, applicant, **intake))  # type: ignore[arg-type]


def act(
    ctx: Session, fake_clock: FakeClock, when: str, d: DossierSummary, kind: str, **payload: object
) -> DossierSummary:
    fake_clock.set(when)
    return dossiers.act(ctx, d.code, kind, payload)


def same_day_done(
    ctx: Session, fake_clock: FakeClock, people: Counter, day: str, hour: int
) -> DossierSummary:
    """A chứng thực (same-day rule) received before 15:00, ready at 16:00, collected at 16:30."""
    d = receive(ctx, fake_clock, f"{day}T{hour:02d}:10:00", "2.000815", people.applicant())
    act(ctx, fake_clock, f"{day}T16:00:00", d, "result_ready")
    return act(ctx, fake_clock, f"{day}T16:30:00", d, "returned", collected_by="Người nộp")


def announcement_week(ctx: Session, fake_clock: FakeClock) -> list[DossierSummary]:
    """52 received: 45 returned on time, 5 in progress, 2 refused as duplicates."""
    people = Counter()
    days = ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"]
    for i in range(45):
        same_day_done(ctx, fake_clock, people, days[i % 5], 8 + i % 6)
    open_ = [
        receive(ctx, fake_clock, f"2026-03-06T{9 + i:02d}:00:00", "1.004873", people.applicant())
        for i in range(5)
    ]  # 3 working days: due Wednesday 11/03, in time at the end of the week
    for i, earlier in enumerate(open_[:2]):
        det = dossiers.detail(ctx, earlier.code)
        same = Applicant(det.applicant.name, det.applicant.id_number)
        fake_clock.set(f"2026-03-06T15:{10 + i}:00")
        with pytest.raises(DuplicateFound):
            dossiers.receive(ctx, Intake("1.004873", same))
        dossiers.receive(ctx, Intake("1.004873", same, refuse_as_duplicate_of=earlier.id))
    return open_


# --------------------------------------------------------------------------------------------------
# The centre's announcement


def test_announcement_52_45_5_2(ctx: Session, fake_clock: FakeClock) -> None:
    announcement_week(ctx, fake_clock)
    result = reports.report06(ctx, *WEEK1).report
    a = result.announced
    assert (a.received, a.returned_on_time, a.in_progress, a.refused) == (52, 45, 5, 2)
    assert a.received == a.returned_on_time + a.in_progress + a.refused
    assert (a.returned_late, a.paused, a.withdrawn) == (0, 0, 0)
    assert a.on_time_rate == Decimal("100.0")
    assert a.to_dict() == {
        "received": 52,
        "returned_on_time": 45,
        "in_progress": 5,
        "refused": 2,
        "on_time_rate": 100.0,
    }
    # Biểu 06 leaves the two refusals (status 3) out of every column.
    t = result.total
    assert (t.received_total, t.carried_over, t.resolved_total) == (50, 0, 45)
    assert (t.in_progress_total, t.in_progress_in_time, t.in_progress_overdue) == (5, 5, 0)
    assert result.consistency_errors == []
    assert {r.field: r.received_total for r in result.rows} == {"Chứng thực": 45, "Hộ tịch": 5}
    refused = ctx.store.query("SELECT refusal_reason, duplicate_of FROM dossiers WHERE status = 3")
    assert len(refused) == 2 and all(r["refusal_reason"].startswith("Trùng hồ sơ") for r in refused)


def test_a_single_day_of_the_announcement_week(ctx: Session, fake_clock: FakeClock) -> None:
    announcement_week(ctx, fake_clock)
    friday = reports.report06(ctx, date(2026, 3, 6), date(2026, 3, 6)).report.announced
    assert (friday.received, friday.returned_on_time, friday.in_progress, friday.refused) == (
        16,
        9,
        5,
        2,
    )


def test_96_3_percent_on_time(ctx: Session, fake_clock: FakeClock) -> None:
    people = Counter()
    for i in range(26):
        same_day_done(ctx, fake_clock, people, f"2026-03-{9 + i % 5:02d}", 8 + i % 6)
    late = receive(ctx, fake_clock, "2026-03-09T09:00:00", "1.004873", people.applicant())
    assert late.due_at is not None and late.due_at.date() == date(2026, 3, 12)
    act(ctx, fake_clock, "2026-03-13T10:00:00", late, "result_ready")  # a day late
    result = reports.report06(ctx, *WEEK2).report
    t = result.total
    assert (t.resolved_total, t.resolved_early + t.resolved_on_time, t.resolved_late) == (27, 26, 1)
    assert result.announced.on_time_rate == Decimal("96.3")
    assert result.to_dict()["announced"]["on_time_rate"] == 96.3  # type: ignore[index]
    assert (result.announced.returned_on_time, result.announced.returned_late) == (26, 1)
    assert "96,3%" in report06.render_text(result, ctx.station)


def test_no_resolved_dossier_gives_no_rate(ctx: Session, fake_clock: FakeClock) -> None:
    receive(ctx, fake_clock, "2026-03-02T09:00:00", "1.004873", Counter().applicant())
    result = reports.report06(ctx, date(2026, 3, 2), date(2026, 3, 2)).report
    assert result.announced.on_time_rate is None
    assert result.to_dict()["announced"]["on_time_rate"] is None  # type: ignore[index]


# --------------------------------------------------------------------------------------------------
# A past period gives the numbers it gave then


def test_a_past_report_does_not_change_when_later_events_happen(
    ctx: Session, fake_clock: FakeClock
) -> None:
    open_ = announcement_week(ctx, fake_clock)
    people = Counter()
    people.n = 60
    # A dossier that waits for a supplement at the end of the week.
    paused = receive(ctx, fake_clock, "2026-03-04T09:00:00", "1.004873", people.applicant())
    act(ctx, fake_clock, "2026-03-04T10:00:00", paused, "supplement_requested", reason="Thiếu")
    before = reports.report06(ctx, *WEEK1).report.to_dict(extra=True)
    month_before = reports.report06(ctx, date(2026, 3, 1), date(2026, 3, 31)).report.to_dict()
    assert before["paused"] == 1

    # Week 2: everything open moves on, and new dossiers arrive.
    act(ctx, fake_clock, "2026-03-09T08:00:00", paused, "supplement_received")
    act(ctx, fake_clock, "2026-03-10T09:00:00", paused, "result_ready")
    act(ctx, fake_clock, "2026-03-10T10:00:00", open_[0], "result_ready")
    act(ctx, fake_clock, "2026-03-10T11:00:00", open_[0], "returned", collected_by="Người nộp")
    act(ctx, fake_clock, "2026-03-10T14:00:00", open_[1], "withdrawn", reason="Xin rút")
    act(
        ctx,
        fake_clock,
        "2026-03-11T08:00:00",
        open_[2],
        "rescheduled",
        new_due_at="2026-03-13T17:00:00+07:00",
        reason="Cần xác minh",
    )
    act(ctx, fake_clock, "2026-03-12T10:00:00", open_[3], "supplement_requested", reason="Thiếu")
    act(ctx, fake_clock, "2026-03-16T10:00:00", open_[4], "result_ready")  # late
    for i in range(3):
        same_day_done(ctx, fake_clock, people, "2026-03-10", 8 + i)

    after = reports.report06(ctx, *WEEK1).report.to_dict(extra=True)
    assert after == before
    assert json.dumps(after, sort_keys=True) == json.dumps(before, sort_keys=True)
    # The current month, which includes the later events, did change.
    assert (
        reports.report06(ctx, date(2026, 3, 1), date(2026, 3, 31)).report.to_dict() != month_before
    )
    week2 = reports.report06(ctx, *WEEK2).report
    assert week2.total.carried_over == 6  # five open at the end of week 1, plus the paused one
    assert week2.consistency_errors == []


# --------------------------------------------------------------------------------------------------
# On-time rules


def test_a_reschedule_never_makes_a_late_dossier_on_time(
    ctx: Session, fake_clock: FakeClock
) -> None:
    """Mẫu 04 is an apology: judged against the first appointment by default (issue #8)."""
    people = Counter()
    moved = receive(ctx, fake_clock, "2026-03-02T09:00:00", "1.004873", people.applicant())
    early = receive(ctx, fake_clock, "2026-03-02T09:05:00", "1.004873", people.applicant())
    assert moved.due_at is not None and moved.due_at.date() == date(2026, 3, 5)
    # Before the appointment passes: Mẫu 04 apology with a new date.
    act(
        ctx,
        fake_clock,
        "2026-03-04T08:00:00",
        moved,
        "rescheduled",
        new_due_at="2026-03-10T17:00:00+07:00",
        reason="Cần xác minh thông tin tại nơi cư trú trước đây",
    )
    act(ctx, fake_clock, "2026-03-04T10:05:00", early, "result_ready")
    # At the end of week 1 the rescheduled one is overdue by its first appointment (05/03).
    w1 = reports.report06(ctx, *WEEK1).report.total
    assert (w1.in_progress_total, w1.in_progress_in_time, w1.in_progress_overdue) == (1, 0, 1)
    act(ctx, fake_clock, "2026-03-09T10:00:00", moved, "result_ready")
    w2 = reports.report06(ctx, *WEEK2).report.total
    assert (w2.resolved_early, w2.resolved_on_time, w2.resolved_late) == (0, 0, 1)
    # The setting on_time_basis = latest judges against the new appointment instead.
    settings.set_setting(ctx, "on_time_basis", "latest")
    latest = reports.report06(ctx, *WEEK2).report.total
    assert (latest.resolved_early, latest.resolved_late) == (1, 0)
    det = dossiers.detail(ctx, moved.code)
    assert det.reschedule_count == 1
    last = det.appointments[-1]
    assert (clock.iso(last.at), last.due_at and clock.iso(last.due_at)) == (
        "2026-03-04T08:00:00+07:00",
        "2026-03-10T17:00:00+07:00",
    )


def test_a_reschedule_after_the_appointment_passed_is_refused(
    ctx: Session, fake_clock: FakeClock
) -> None:
    d = receive(ctx, fake_clock, "2026-03-02T09:00:00", "1.004873", Counter().applicant())
    with pytest.raises(Conflict, match="Đã quá ngày hẹn trả 05/03/2026"):
        act(
            ctx,
            fake_clock,
            "2026-03-06T08:00:00",
            d,
            "rescheduled",
            new_due_at="2026-03-12T17:00:00+07:00",
            reason="Hẹn lại",
        )
    assert dossiers.detail(ctx, d.code).reschedule_count == 0
    act(ctx, fake_clock, "2026-03-09T10:00:00", d, "result_ready")
    t = reports.report06(ctx, *WEEK2).report.total
    assert (t.resolved_total, t.resolved_late) == (1, 1)


def test_one_reschedule_by_default(ctx: Session, fake_clock: FakeClock) -> None:
    d = receive(ctx, fake_clock, "2026-03-02T09:00:00", "1.004873", Counter().applicant())
    act(ctx, fake_clock, "2026-03-03T09:00:00", d, "rescheduled",
        new_due_at="2026-03-09T17:00:00+07:00", reason="Xác minh")  # fmt: skip
    with pytest.raises(Conflict, match="tối đa 1"):
        act(ctx, fake_clock, "2026-03-04T09:00:00", d, "rescheduled",
            new_due_at="2026-03-12T17:00:00+07:00", reason="Lần hai")  # fmt: skip


def test_a_withdrawal_counts_as_on_time_even_after_the_appointment(
    ctx: Session, fake_clock: FakeClock
) -> None:
    d = receive(ctx, fake_clock, "2026-03-02T09:00:00", "1.004873", Counter().applicant())
    act(ctx, fake_clock, "2026-03-09T10:00:00", d, "withdrawn", reason="Công dân xin rút")
    result = reports.report06(ctx, *WEEK2).report
    t = result.total
    assert (t.carried_over, t.resolved_total, t.resolved_on_time, t.resolved_late) == (1, 1, 1, 0)
    assert t.withdrawn == 1
    assert result.announced.on_time_rate == Decimal("100.0")
    # In the announcement of the week it was received it is neither returned nor in progress.
    month = reports.report06(ctx, date(2026, 3, 1), date(2026, 3, 31)).report.announced
    assert (month.received, month.returned_on_time, month.withdrawn) == (1, 0, 1)


def test_early_on_time_and_late_are_by_calendar_date(ctx: Session, fake_clock: FakeClock) -> None:
    people = Counter()
    early = receive(ctx, fake_clock, "2026-03-02T09:00:00", "1.004873", people.applicant())
    on_day = receive(ctx, fake_clock, "2026-03-02T09:01:00", "1.004873", people.applicant())
    late = receive(ctx, fake_clock, "2026-03-02T09:02:00", "1.004873", people.applicant())
    # Due Thursday 05/03 at about 09:00.
    act(ctx, fake_clock, "2026-03-04T16:00:00", early, "result_ready")
    act(ctx, fake_clock, "2026-03-05T16:59:00", on_day, "result_ready")  # hours after, same date
    act(ctx, fake_clock, "2026-03-06T07:30:00", late, "result_ready")
    t = reports.report06(ctx, *WEEK1).report.total
    assert (t.resolved_early, t.resolved_on_time, t.resolved_late) == (1, 1, 1)


def test_in_time_means_due_on_or_after_the_period_end_date(
    ctx: Session, fake_clock: FakeClock
) -> None:
    d = receive(ctx, fake_clock, "2026-03-02T09:00:00", "1.004873", Counter().applicant())
    assert d.due_at is not None
    on_due_day = reports.report06(ctx, date(2026, 3, 2), date(2026, 3, 5)).report.total
    assert (on_due_day.in_progress_in_time, on_due_day.in_progress_overdue) == (1, 0)
    day_after = reports.report06(ctx, date(2026, 3, 2), date(2026, 3, 6)).report.total
    assert (day_after.in_progress_in_time, day_after.in_progress_overdue) == (0, 1)


def test_paused_dossiers_balance_the_identity(ctx: Session, fake_clock: FakeClock) -> None:
    people = Counter()
    a = receive(ctx, fake_clock, "2026-03-02T09:00:00", "1.004873", people.applicant())
    b = receive(ctx, fake_clock, "2026-03-02T09:10:00", "1.001612", people.applicant())
    act(ctx, fake_clock, "2026-03-03T09:00:00", a, "supplement_requested", reason="Thiếu")
    act(ctx, fake_clock, "2026-03-03T10:00:00", b, "withdrawn", reason="Xin rút")
    result = reports.report06(ctx, *WEEK1).report
    t = result.total
    # Paused for a supplement: in (11), overdue or in time by its appointment (here 05/03 <
    # the period end 08/03: overdue).
    assert t.paused == 1 and t.in_progress_total == 1 and t.in_progress_overdue == 1
    assert t.to_resolve_total == t.resolved_total + t.in_progress_total == 2
    assert "paused" not in result.to_dict()  # not a column of the agreed JSON layout
    assert result.to_dict(extra=True)["paused"] == 1


def test_refused_during_processing_counts_as_resolved_later(
    ctx: Session, fake_clock: FakeClock
) -> None:
    people = Counter()
    d = receive(ctx, fake_clock, "2026-03-02T09:00:00", "1.004873", people.applicant())
    act(ctx, fake_clock, "2026-03-10T09:00:00", d, "refused", reason="Không thuộc thẩm quyền")
    first = reports.report06(ctx, *WEEK1).report.total
    assert (first.received_total, first.in_progress_total) == (1, 1)
    later = reports.report06(ctx, date(2026, 3, 9), date(2026, 3, 15)).report.total
    assert (later.carried_over, later.resolved_total, later.resolved_on_time) == (1, 1, 1)
    assert later.returned_unresolved == 1 and later.in_progress_total == 0


def test_online_dossiers_are_counted_in_their_column(ctx: Session, fake_clock: FakeClock) -> None:
    people = Counter()
    receive(
        ctx, fake_clock, "2026-03-02T09:00:00", "2.000815", people.applicant(), channel="online"
    )
    receive(
        ctx, fake_clock, "2026-03-02T09:05:00", "2.000815", people.applicant(), channel="postal"
    )
    receive(ctx, fake_clock, "2026-03-02T09:10:00", "2.000815", people.applicant())
    t = reports.report06(ctx, *WEEK1).report.total
    assert (t.received_total, t.received_online, t.received_in_person) == (3, 1, 2)


def test_a_period_ending_before_it_starts_is_refused(ctx: Session) -> None:
    with pytest.raises(ValidationError):
        reports.report06(ctx, date(2026, 3, 8), date(2026, 3, 2))


def test_renderings_agree(ctx: Session, fake_clock: FakeClock) -> None:
    announcement_week(ctx, fake_clock)
    built = reports.report06(ctx, *WEEK1)
    data = json.loads(report06.render(built, "json"))
    assert data["to_resolve_total"] == 50 and data["unit"]["code"] == "000.00.12.H29"
    assert data["to_resolve_total"] == (
        data["received_online"] + data["received_in_person"] + data["carried_over"]
    )
    lines = report06.render(built, "csv").splitlines()
    assert lines[-1].split(",")[1:] == ["Tổng cộng", *(str(data[k]) for k in BIEU06_KEYS)]


def test_csv_file_opens_right_in_excel(ctx: Session, fake_clock: FakeClock, tmp_path: Path) -> None:
    """UTF-8 with a BOM; one language per header row (Vietnamese, then the form's numbers)."""
    import csv

    announcement_week(ctx, fake_clock)
    out = report06.write(reports.report06(ctx, *WEEK1), "csv", tmp_path / "bao-cao" / "b06.csv")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    header, numbers, *_ = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert header == [
        "STT", "Lĩnh vực", "Tổng số", "Trực tuyến", "Trực tiếp và bưu chính",
        "Từ kỳ trước", "Tổng số đã giải quyết", "Trước hạn", "Đúng hạn", "Quá hạn",
        "Tổng số đang giải quyết", "Trong hạn", "Quá hạn",
    ]  # fmt: skip
    assert not set(header) & set(BIEU06_KEYS)  # no machine keys mixed in
    assert numbers == [f"({i})" for i in range(1, 14)]
    assert list(tmp_path.joinpath("bao-cao").iterdir()) == [out]  # no temporary left behind


def test_an_online_filing_counts_when_the_centre_accepts_it(
    ctx: Session, fake_clock: FakeClock
) -> None:
    people = Counter()
    fake_clock.set("2026-03-01T20:00:00")  # Sunday evening, on the portal
    filed = dossiers.register_online(ctx, Intake("1.004873", people.applicant()))
    assert filed.due_at is None
    sunday = reports.report06(ctx, date(2026, 3, 1), date(2026, 3, 1)).report
    assert sunday.rows == () and sunday.announced.received == 0  # status 1 is not received
    accepted = act(ctx, fake_clock, "2026-03-02T08:00:00", filed, "accepted")
    assert accepted.due_at is not None and accepted.due_at.date() == date(2026, 3, 5)
    monday = reports.report06(ctx, date(2026, 3, 2), date(2026, 3, 2)).report.total
    assert (monday.received_total, monday.received_online, monday.carried_over) == (1, 1, 0)
    week = reports.report06(ctx, *WEEK1).report
    assert week.announced.received == 1 and week.total.received_online == 1
