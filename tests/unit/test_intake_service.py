"""Intake support (#9): the live preview is receive()'s appointment, procedures most used first,
the submitter, the paper fallback (window, real time, code day, marks) and the draft file."""

from __future__ import annotations

import json
import os
import stat
from datetime import date, datetime

import pytest

from onestop_desktop.domain import clock
from onestop_desktop.domain import payloads as pl
from onestop_desktop.errors import ValidationError
from onestop_desktop.services import dossiers, drafts, intake, integrity, settings
from onestop_desktop.services.context import Session
from onestop_desktop.services.dossiers import Applicant, Intake
from onestop_desktop.store import events

from .conftest import FakeClock

LAN = Applicant("Nguyễn Thị Lan", "001190012345", date(1990, 5, 17), "0912345678")
BINH = Applicant("Trần Văn Bình", "001090012345")


def vn(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=clock.VN_TZ)


# ------------------------------------------------------------------------------ preview


@pytest.mark.parametrize("code", ["1.001193", "1.004873", "1.004222", "2.000635"])
def test_the_preview_is_the_appointment_receive_writes(
    ctx: Session, fake_clock: FakeClock, code: str
) -> None:
    fake_clock.set("2026-03-06T15:40:00")  # Friday, after the same-day cut-off
    shown = intake.preview(ctx, code)
    saved = dossiers.receive(ctx, Intake(code, LAN, acknowledge_duplicates=True))
    assert saved.due_at == shown.appointment
    assert shown.appointment_text == clock.fmt_datetime(saved.due_at)


def test_the_preview_says_the_fee_the_vietnamese_way(ctx: Session) -> None:
    assert intake.preview(ctx, "2.000635").fee_text == "8.000 đ"
    assert intake.preview(ctx, "1.001193").fee_text == "Miễn phí"
    assert intake.preview(ctx, "1.004222").fee_text == "20.000 đ"
    khai_sinh = intake.preview(ctx, "1.001193", vn("2026-03-02T09:00:00"))
    assert khai_sinh.appointment == vn("2026-03-02T17:00:00")
    assert khai_sinh.time_limit_text.startswith("Trong ngày")


def test_procedures_come_most_used_first(ctx: Session) -> None:
    before = [p.code for p, _ in intake.procedures_by_use(ctx)]
    assert before[:2] == ["2.000815", "2.000884"]  # no use yet: the catalogue's own order
    for i in range(3):
        person = Applicant(f"Lê Văn Hùng {chr(65 + i)}", f"00109001234{i}")
        dossiers.receive(ctx, Intake("1.004222", person))
    dossiers.receive(ctx, Intake("2.000635", BINH))
    ranked = intake.procedures_by_use(ctx)
    assert [(p.code, n) for p, n in ranked[:2]] == [("1.004222", 3), ("2.000635", 1)]
    assert ranked[2][0].code == before[0] and ranked[2][1] == 0
    assert all(p.published for p, _ in ranked)


# ------------------------------------------------------------------------------ submitter


def test_the_submitter_is_checked_and_kept(ctx: Session) -> None:
    with pytest.raises(ValidationError) as err:
        dossiers.receive(
            ctx, Intake("1.001193", LAN, submitter=Applicant("Trần Văn Bình", "12345"))
        )
    assert err.value.field == "id_number"
    d = dossiers.receive(ctx, Intake("1.001193", LAN, submitter=BINH))
    detail = dossiers.detail(ctx, d.code)
    assert detail.submitter is not None and detail.submitter.name == "Trần Văn Bình"
    assert detail.to_json()["submitter"]["id_number"] == "001090012345"
    assert "người nộp Trần Văn Bình" in dossiers.timeline(ctx, d.code)[0].details


# ------------------------------------------------------------------------------ paper


def test_a_paper_dossier_keeps_its_real_time_code_day_and_appointment(
    ctx: Session, fake_clock: FakeClock
) -> None:
    fake_clock.set("2026-03-02T09:00:00")  # Monday: one dossier received normally
    dossiers.receive(ctx, Intake("1.001193", BINH))
    fake_clock.set("2026-03-04T10:30:00")  # Wednesday: the power is back
    today = dossiers.receive(ctx, Intake("2.000815", Applicant("Phạm Thu Hà")))
    real = vn("2026-03-02T14:20:00")
    d = dossiers.receive(ctx, Intake("1.004873", LAN, paper_received_at=real))
    # The code is Monday's next number, after the one Monday already had.
    assert d.code == "000.00.12.H29-260302-1002" and today.code.endswith("260304-1001")
    assert d.received_at == real
    assert d.due_at == intake.preview(ctx, "1.004873", real).appointment
    assert d.due_at == vn("2026-03-05T14:20:00")  # 3 working days from the paper time
    (event,) = events.for_dossier(ctx.store, d.id)
    assert event.at == "2026-03-04T10:30:00+07:00"  # the log says when it was entered
    assert event.payload["paper"] is True
    assert event.payload["entered_at"] == "2026-03-04T10:30:00+07:00"
    assert event.payload["received_at"] == "2026-03-02T14:20:00+07:00"
    detail = dossiers.detail(ctx, d.code)
    assert detail.paper_entered_at == vn("2026-03-04T10:30:00")
    assert detail.to_json()["paper"] is True
    assert "tiếp nhận trên giấy lúc 02/03/2026 14:20" in dossiers.timeline(ctx, d.code)[0].details
    normal = dossiers.detail(ctx, today.code)
    assert normal.paper_entered_at is None and normal.to_json()["paper"] is False
    report = integrity.rebuild(ctx, write=False)  # the fold gives the same rows back
    assert report.clean, report.differences


def test_paper_entry_is_refused_outside_the_window(ctx: Session, fake_clock: FakeClock) -> None:
    fake_clock.set("2026-03-06T16:00:00")  # Friday
    # Monday 2/3 is 4 working days back (Tue, Wed, Thu, Fri): over the default 3.
    with pytest.raises(ValidationError) as err:
        dossiers.receive(ctx, Intake("1.001193", LAN, paper_received_at=vn("2026-03-02T08:30")))
    assert err.value.field == "received_at"
    assert "đã quá 3 ngày làm việc" in err.value.message and "02/03/2026" in err.value.message
    # Tuesday is exactly 3 back: accepted.
    ok = dossiers.receive(ctx, Intake("1.001193", LAN, paper_received_at=vn("2026-03-03T08:30")))
    assert ok.code.endswith("260303-1001")
    with pytest.raises(ValidationError, match="chưa tới"):
        dossiers.receive(ctx, Intake("1.001193", BINH, paper_received_at=vn("2026-03-06T16:30")))
    nothing_written = [e.kind for e in events.for_dossier(ctx.store, ok.id)]
    assert nothing_written == ["received"]


def test_the_window_counts_working_days_and_follows_the_setting(
    ctx: Session, fake_clock: FakeClock
) -> None:
    fake_clock.set("2026-03-09T08:00:00")  # Monday; Saturday and Sunday do not count
    friday = vn("2026-03-04T09:00:00")  # Wednesday: Thu, Fri, Mon = 3 working days
    dossiers.receive(ctx, Intake("1.001193", LAN, paper_received_at=friday))
    settings.set_setting(ctx, "paper_entry_days", "1")
    assert settings.value(ctx.store, settings.PAPER_ENTRY_DAYS) == 1
    with pytest.raises(ValidationError, match="đã quá 1 ngày làm việc"):
        dossiers.receive(ctx, Intake("1.001193", BINH, paper_received_at=vn("2026-03-05T09:00")))
    dossiers.receive(ctx, Intake("1.001193", BINH, paper_received_at=vn("2026-03-06T09:00")))
    with pytest.raises(ValidationError):
        settings.set_setting(ctx, "paper_entry_days", "0")


def test_an_online_registration_cannot_be_a_paper_entry(ctx: Session) -> None:
    with pytest.raises(ValidationError) as err:
        dossiers.register_online(ctx, Intake("1.001193", LAN, paper_received_at=ctx.now()))
    assert err.value.field == "received_at"


def test_old_received_events_without_the_new_fields_still_read() -> None:
    old = {
        "code": "000.00.12.H29-260302-1001",
        "unit_code": "000.00.12.H29",
        "procedure": {"code": "1.001193", "name": "Đăng ký khai sinh"},
        "applicant": {"name": "Nguyễn Thị Lan"},
    }
    p = pl.parse("received", old)
    assert isinstance(p, pl.Received)
    assert (p.v, p.paper, p.entered_at, p.submitter) == (1, False, None, None)


# ------------------------------------------------------------------------------ drafts


def a_draft() -> drafts.Draft:
    return drafts.Draft(
        procedure_code="1.001193",
        applicant=drafts.DraftPerson(name="Nguyễn Thị Lan", id_number="0011900"),
        documents=(drafts.DraftDocument(1, "original", 1),),
        note="Ghi chú đang gõ",
    )


def test_a_draft_is_saved_privately_and_read_back(ctx: Session) -> None:
    path = drafts.save(ctx, a_draft())
    assert path == ctx.store.path.parent / "drafts" / f"{ctx.actor.username}.json"  # type: ignore[union-attr]
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["v"] == 1 and data["draft"]["saved_at"] == clock.iso(ctx.now())
    back = drafts.load(ctx)
    assert back is not None
    assert back.applicant.name == "Nguyễn Thị Lan" and back.documents == a_draft().documents
    assert back.saved_at == clock.iso(ctx.now())
    drafts.discard(ctx)
    assert not path.exists() and drafts.load(ctx) is None
    drafts.discard(ctx)  # nothing there: no error


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        '{"draft": {}}',
        '{"v": 9, "draft": {}}',
        '{"v": 1, "draft": {"sets_count": "two"}}',
        '{"v": 1, "draft": {"documents": [1]}}',
        "[]",
        b"\xff\xfe\x00garbage",
    ],
)
def test_a_bad_draft_file_is_ignored_with_a_log_line(
    ctx: Session, content: str | bytes, caplog: pytest.LogCaptureFixture
) -> None:
    path = drafts.draft_path(ctx)
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with caplog.at_level("WARNING", logger="onestop_desktop.services.drafts"):
        assert drafts.load(ctx) is None
    assert f"intake draft {ctx.actor.username}.json ignored" in caplog.text


def test_an_empty_draft_is_not_offered(ctx: Session) -> None:
    drafts.save(ctx, drafts.Draft())
    assert drafts.load(ctx) is None


def test_drafts_are_per_user_and_names_are_made_safe(ctx: Session) -> None:
    assert drafts.draft_path(ctx, "../Evil").name == ".._evil.json"
    assert drafts.draft_path(ctx, "../Evil").parent.name == "drafts"
    assert drafts.draft_path(ctx, "tiepnhan") != drafts.draft_path(ctx, "tiepnhan2")


def test_an_in_memory_store_has_no_drafts_and_says_so_only_when_saving(ctx: Session) -> None:
    from onestop_desktop.errors import StorageError

    memory = Session(ctx.store, ctx.station, ctx.actor)
    real_path = ctx.store.path
    try:
        ctx.store.path = None  # type: ignore[misc]
        assert drafts.load(memory) is None
        drafts.discard(memory)
        with pytest.raises(StorageError):
            drafts.save(memory, a_draft())
    finally:
        ctx.store.path = real_path  # type: ignore[misc]
