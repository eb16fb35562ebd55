"""Intake and processing through the services: codes, appointments, transitions, roles, events."""

from __future__ import annotations

from datetime import date

import pytest

from onestop_desktop.domain import clock
from onestop_desktop.domain.status import Status
from onestop_desktop.errors import Conflict, PermissionDenied, ValidationError
from onestop_desktop.services import catalog as catalog_service
from onestop_desktop.services import dossiers, integrity, users
from onestop_desktop.services.context import Session
from onestop_desktop.services.dossiers import Applicant, DuplicateFound, HandedIn, Intake
from onestop_desktop.store import events

from .conftest import FakeClock

LAN = Applicant(
    name="Nguyễn Thị Lan",
    id_number="001190012345",
    birth_date=date(1990, 5, 17),
    phone="0912 345 678",
    address="Thôn Đông, xã Hòa Bình",
)


def staff(ctx: Session) -> dict[str, Session]:
    for name, role, full in (
        ("tiepnhan", "clerk", "Lê Thị Thu"),
        ("chuyenvien", "officer", "Phạm Minh Đức"),
        ("lanhdao", "leader", "Đặng Quang Vinh"),
        ("quantri", "admin", "Trần Quốc Bảo"),
    ):
        users.add_user(ctx, name, role, full, "password-123")
    return {
        n: users.sign_in(ctx.store, n, "password-123")
        for n in ("tiepnhan", "chuyenvien", "lanhdao", "quantri")
    }


def test_receive_assigns_code_due_and_event(ctx: Session, fake_clock: FakeClock) -> None:
    s = staff(ctx)
    fake_clock.set("2026-03-02T09:15:00")  # Monday
    d = dossiers.receive(s["tiepnhan"], Intake("1.001193", LAN))  # khai sinh: same-day rule
    assert d.code == "000.00.12.H29-260302-1001"
    assert d.status is Status.RECEIVED
    assert d.due_at == clock.parse_iso("2026-03-02T17:00:00+07:00")
    assert d.applicant_phone == "0912345678"
    d2 = dossiers.receive(
        s["tiepnhan"], Intake("2.000815", Applicant("Trần Văn Bình", "001090012345"))
    )
    assert d2.code.endswith("-1002")
    hist = dossiers.history(s["tiepnhan"], d.code)
    assert [e.kind for e in hist] == ["received"]
    assert hist[0].actor == "user:tiepnhan"
    assert hist[0].at == "2026-03-02T09:15:00+07:00"
    assert hist[0].payload["procedure"]["version"] == 1


def test_full_lifecycle_and_roles(ctx: Session, fake_clock: FakeClock) -> None:
    s = staff(ctx)
    d = dossiers.receive(s["tiepnhan"], Intake("1.004873", LAN))  # 3 working days
    with pytest.raises(PermissionDenied):
        dossiers.act(s["quantri"], d.code, "handed_over", {"to": "chuyenvien"})
    with pytest.raises(ValidationError):
        dossiers.act(s["tiepnhan"], d.code, "handed_over", {"to": "tiepnhan"})  # not an officer
    dossiers.act(s["tiepnhan"], d.code, "handed_over", {"to": "chuyenvien"})
    with pytest.raises(PermissionDenied):
        dossiers.act(s["tiepnhan"], d.code, "result_ready")  # clerks do not decide
    with pytest.raises(Conflict):
        dossiers.act(s["tiepnhan"], d.code, "returned", {"collected_by": "Lan"})  # not ready
    fake_clock.set("2026-03-03T10:00:00")
    done = dossiers.act(s["chuyenvien"], d.code, "result_ready")
    assert done.status is Status.RESULT_READY
    fake_clock.set("2026-03-04T08:00:00")
    with pytest.raises(ValidationError):
        dossiers.act(s["tiepnhan"], d.code, "returned", {})
    back = dossiers.act(s["tiepnhan"], d.code, "returned", {"collected_by": "Nguyễn Thị Lan"})
    assert back.status is Status.RETURNED
    det = dossiers.detail(s["tiepnhan"], d.code)
    assert det.returned_to == "Nguyễn Thị Lan"
    assert [h.status for h in det.status_history] == [2, 4, 9, 10]
    assert det.assignee == "chuyenvien" and det.assignee_name
    assert det.on_time is True and det.time_left is None
    assert integrity.rebuild(ctx).clean
    assert events.verify(ctx.store)[1] is None


def test_supplement_pause_extends_due(ctx: Session, fake_clock: FakeClock) -> None:
    s = staff(ctx)
    d = dossiers.receive(s["tiepnhan"], Intake("1.004873", LAN))  # Mon 08:00 + 3 wd
    assert d.due_at == clock.parse_iso("2026-03-05T08:00:00+07:00")
    dossiers.act(s["tiepnhan"], d.code, "handed_over", {"to": "chuyenvien"})
    fake_clock.set("2026-03-02T10:00:00")
    dossiers.act(
        s["chuyenvien"],
        d.code,
        "supplement_requested",
        {"documents": ["Giấy xác nhận cư trú"], "reason": "Thiếu giấy tờ"},
    )
    fake_clock.set("2026-03-03T10:00:00")  # one working day (8 h) later
    back = dossiers.act(s["tiepnhan"], d.code, "supplement_received")
    assert back.status is Status.PROCESSING
    assert back.due_at == clock.parse_iso("2026-03-06T08:00:00+07:00")
    ev = dossiers.history(s["tiepnhan"], d.code)[-1]
    assert ev.payload["mode"] == "pause"
    assert ev.payload["paused_since"] == "2026-03-02T10:00:00+07:00"


def test_supplement_restart_recomputes_from_resubmission(
    ctx: Session, fake_clock: FakeClock
) -> None:
    s = staff(ctx)
    ctx.store.set_setting("supplement_mode", "restart")
    d = dossiers.receive(s["tiepnhan"], Intake("1.004873", LAN))
    dossiers.act(
        s["tiepnhan"], d.code, "supplement_requested", {"documents": [], "reason": "Thiếu tờ khai"}
    )
    fake_clock.set("2026-03-04T14:00:00")
    back = dossiers.act(s["tiepnhan"], d.code, "supplement_received")
    assert back.due_at == clock.parse_iso("2026-03-09T14:00:00+07:00")


def test_duplicates_are_shown_never_silent(ctx: Session) -> None:
    s = staff(ctx)
    first = dossiers.receive(s["tiepnhan"], Intake("1.004873", LAN))
    with pytest.raises(DuplicateFound) as caught:
        dossiers.receive(s["tiepnhan"], Intake("1.004873", LAN))
    assert [d.code for d in caught.value.earlier] == [first.code]
    assert first.code in caught.value.message
    # Another procedure for the same person is not a duplicate.
    dossiers.receive(s["tiepnhan"], Intake("2.000815", LAN))
    # The clerk refuses the new one as a duplicate: it is received and refused, and counted.
    refused = dossiers.receive(
        s["tiepnhan"], Intake("1.004873", LAN, refuse_as_duplicate_of=first.id)
    )
    assert refused.status is Status.NOT_ACCEPTED
    det = dossiers.detail(s["tiepnhan"], refused.code)
    assert det.duplicate_of == first.id and det.duplicate_of_code == first.code
    assert det.refusal_reason and first.code in det.refusal_reason
    # Or receives it anyway, knowingly.
    again = dossiers.receive(s["tiepnhan"], Intake("1.004873", LAN, acknowledge_duplicates=True))
    assert again.status is Status.RECEIVED


def test_duplicate_without_id_uses_folded_name_and_birth_date(ctx: Session) -> None:
    s = staff(ctx)
    no_id = Applicant(name="Đỗ Thị Hoa", birth_date=date(1985, 1, 2))
    dossiers.receive(s["tiepnhan"], Intake("1.004873", no_id))
    with pytest.raises(DuplicateFound):
        dossiers.receive(
            s["tiepnhan"],
            Intake("1.004873", Applicant(name="đỗ thị  hoa", birth_date=date(1985, 1, 2))),
        )
    dossiers.receive(
        s["tiepnhan"], Intake("1.004873", Applicant(name="Đỗ Thị Hoa", birth_date=date(1986, 1, 2)))
    )


def test_bad_applicant_data_is_refused(ctx: Session) -> None:
    s = staff(ctx)
    with pytest.raises(ValidationError, match="12 chữ số"):
        dossiers.receive(s["tiepnhan"], Intake("1.001193", Applicant("Lê Văn A", "12345")))
    with pytest.raises(ValidationError):
        dossiers.receive(s["tiepnhan"], Intake("1.001193", Applicant("Lê Văn A", phone="12")))
    assert ctx.store.query("SELECT count(*) AS n FROM dossiers")[0]["n"] == 0


def test_reschedule_with_apology_and_limit(ctx: Session, fake_clock: FakeClock) -> None:
    s = staff(ctx)
    ctx.store.set_setting("max_reschedules", "1")
    d = dossiers.receive(s["tiepnhan"], Intake("1.004873", LAN))
    with pytest.raises(PermissionDenied):
        dossiers.act(
            s["tiepnhan"],
            d.code,
            "rescheduled",
            {"new_due_at": "2026-03-10T17:00:00+07:00", "reason": "x"},
        )
    with pytest.raises(ValidationError, match="sau ngày hẹn cũ"):
        dossiers.act(
            s["lanhdao"],
            d.code,
            "rescheduled",
            {"new_due_at": "2026-03-01T17:00:00+07:00", "reason": "Cần xác minh"},
        )
    r = dossiers.act(
        s["lanhdao"],
        d.code,
        "rescheduled",
        {"new_due_at": "2026-03-10T17:00:00+07:00", "reason": "Cần xác minh"},
    )
    assert r.due_at == clock.parse_iso("2026-03-10T17:00:00+07:00")
    ev = dossiers.history(s["lanhdao"], d.code)[-1]
    assert ev.payload["times"] == 1
    assert ev.payload["old_due_at"] == "2026-03-05T08:00:00+07:00"
    with pytest.raises(Conflict, match="tối đa 1"):
        dossiers.act(
            s["lanhdao"],
            d.code,
            "rescheduled",
            {"new_due_at": "2026-03-12T17:00:00+07:00", "reason": "Lần hai"},
        )


def test_withdraw_stop_refuse(ctx: Session) -> None:
    s = staff(ctx)
    a = dossiers.receive(s["tiepnhan"], Intake("1.004873", LAN))
    assert dossiers.act(s["tiepnhan"], a.code, "withdrawn", {"reason": "Xin rút"}).status == 7
    with pytest.raises(Conflict):
        dossiers.act(s["tiepnhan"], a.code, "handed_over", {"to": "chuyenvien"})
    b = dossiers.receive(s["tiepnhan"], Intake("2.000815", LAN))
    dossiers.act(s["tiepnhan"], b.code, "handed_over", {"to": "chuyenvien"})
    with pytest.raises(PermissionDenied):
        dossiers.act(s["chuyenvien"], b.code, "stopped", {"reason": "Tranh chấp"})
    assert dossiers.act(s["lanhdao"], b.code, "stopped", {"reason": "Tranh chấp"}).status == 8
    c = dossiers.receive(s["tiepnhan"], Intake("1.001193", LAN))
    with pytest.raises(ValidationError):
        dossiers.act(s["tiepnhan"], c.code, "refused", {"reason": "  "})
    assert dossiers.act(s["tiepnhan"], c.code, "refused", {"reason": "Sai thẩm quyền"}).status == 3


def test_online_filing_waits_for_acceptance(ctx: Session, fake_clock: FakeClock) -> None:
    s = staff(ctx)
    fake_clock.set("2026-03-02T08:00:00")
    d = dossiers.register_online(s["tiepnhan"], Intake("1.004873", LAN))
    assert d.status is Status.REGISTERED_ONLINE and d.due_at is None
    fake_clock.set("2026-03-03T09:00:00")
    accepted = dossiers.act(s["tiepnhan"], d.code, "accepted")
    assert accepted.status is Status.RECEIVED
    assert accepted.received_at == clock.parse_iso("2026-03-03T09:00:00+07:00")
    assert accepted.due_at == clock.parse_iso("2026-03-06T09:00:00+07:00")
    det = dossiers.detail(s["tiepnhan"], d.code)
    assert det.channel == "online" and det.channel_label == "Trực tuyến"
    assert integrity.rebuild(ctx).clean


def test_a_pause_outside_office_hours_keeps_the_appointment(
    ctx: Session, fake_clock: FakeClock
) -> None:
    s = staff(ctx)
    fake_clock.set("2026-03-02T10:00:00")
    d = dossiers.receive(s["tiepnhan"], Intake("2.000815", LAN))  # same day: due 17:00
    assert d.due_at == clock.parse_iso("2026-03-02T17:00:00+07:00")
    fake_clock.set("2026-03-02T17:20:00")  # asked after closing...
    dossiers.act(s["tiepnhan"], d.code, "supplement_requested", {"reason": "Thiếu bản chính"})
    fake_clock.set("2026-03-03T06:50:00")  # ...brought back before opening: no working time
    back = dossiers.act(s["tiepnhan"], d.code, "supplement_received")
    assert back.due_at == clock.parse_iso("2026-03-02T17:00:00+07:00")


def test_a_duplicate_refused_on_the_spot_gets_no_appointment(ctx: Session) -> None:
    s = staff(ctx)
    first = dossiers.receive(s["tiepnhan"], Intake("1.004873", LAN))
    refused = dossiers.receive(
        s["tiepnhan"], Intake("1.004873", LAN, refuse_as_duplicate_of=first.id)
    )
    assert refused.due_at is None


def test_detail_and_timeline_tell_the_whole_story(ctx: Session, fake_clock: FakeClock) -> None:
    s = staff(ctx)
    procedure = catalog_service.current_procedure(ctx.store, "1.004873")
    assert len(procedure.documents) >= 2
    intake = Intake("1.004873", LAN, documents=[HandedIn(1), HandedIn(2, form="copy", count=2)])
    d = dossiers.receive(s["tiepnhan"], intake)  # Mon 08:00 + 3 working days
    dossiers.act(s["tiepnhan"], d.code, "handed_over", {"to": "chuyenvien", "note": "Gấp"})
    fake_clock.set("2026-03-02T10:00:00")
    dossiers.act(
        s["chuyenvien"],
        d.code,
        "supplement_requested",
        {"documents": ["Tờ khai"], "reason": "Thiếu"},
    )
    fake_clock.set("2026-03-03T10:00:00")
    dossiers.act(s["tiepnhan"], d.code, "supplement_received")
    fake_clock.set("2026-03-04T08:00:00")  # two working days before the moved appointment

    det = dossiers.detail(s["tiepnhan"], d.code)
    assert det.procedure.code == "1.004873" and det.procedure.time_limit is not None
    first, second = det.documents[0], det.documents[1]
    assert (first.number, first.provided, first.form) == (1, True, procedure.documents[0].form)
    assert (second.number, second.form, second.count) == (2, "copy", 2)
    assert all(not item.provided for item in det.documents[2:])
    assert det.assignee_name == "Phạm Minh Đức"
    (pause,) = det.pauses
    assert pause.kind == "supplement" and pause.documents == ("Tờ khai",)
    assert pause.until == clock.parse_iso("2026-03-03T10:00:00+07:00")
    assert pause.working_hours == pytest.approx(8.0)
    assert [clock.iso(a.due_at) for a in det.appointments if a.due_at] == [
        "2026-03-05T08:00:00+07:00",
        "2026-03-06T08:00:00+07:00",
    ]
    assert det.time_left is not None and not det.time_left.overdue
    assert det.time_left.unit == "working_days"
    assert det.time_left.amount == pytest.approx(2.0)
    assert det.time_left.phrase == "Còn 2 ngày làm việc"
    fake_clock.set("2026-03-06T13:30:00")  # past the appointment by half a working day
    late = dossiers.detail(s["tiepnhan"], d.code).time_left
    assert late is not None and late.overdue and late.working_hours < 0
    assert late.phrase.startswith("Quá hạn ")

    line = dossiers.timeline(s["tiepnhan"], d.code)
    assert [e.kind for e in line] == [
        "received",
        "handed_over",
        "supplement_requested",
        "supplement_received",
    ]
    assert line[1].actor == "user:tiepnhan" and line[1].actor_name == "Lê Thị Thu"
    assert line[1].action == "Chuyển xử lý"
    assert line[1].details == "Chuyển cho Phạm Minh Đức: Gấp"
    assert line[2].status is Status.SUPPLEMENT_REQUESTED
    assert "Hẹn trả mới 06/03/2026 08:00" in line[3].details
    assert line[0].to_json()["payload"]["v"] == 2  # received: v2 since #9 (paper, submitter)


@pytest.mark.parametrize(
    ("handed_in", "words"),
    [
        (HandedIn(99), "Giấy tờ số 99 không có trong thành phần hồ sơ"),
        (HandedIn(1, form="photo"), "Hình thức của giấy tờ số 1"),
        (HandedIn(1, count=0), "Số lượng của giấy tờ số 1"),
    ],
)
def test_a_bad_document_is_refused_and_nothing_written(
    ctx: Session, handed_in: HandedIn, words: str
) -> None:
    s = staff(ctx)
    before = events.head(ctx.store, ctx.station.station_id)
    with pytest.raises(ValidationError) as err:
        dossiers.receive(s["tiepnhan"], Intake("1.004873", LAN, documents=[handed_in]))
    assert words in err.value.message and err.value.field == "documents"
    assert events.head(ctx.store, ctx.station.station_id) == before


def test_the_same_document_twice_is_refused(ctx: Session) -> None:
    s = staff(ctx)
    with pytest.raises(ValidationError, match="hai lần"):
        dossiers.receive(s["tiepnhan"], Intake("1.004873", LAN, documents=[HandedIn(1)] * 2))


def test_the_detail_keeps_a_versions_checklist_until_the_catalogue_is_written(
    ctx: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The dossier view reads the checklist of the version received once (#9), and again
    after any write to the catalogue: the same items as a read that keeps nothing."""
    s = staff(ctx)
    d = dossiers.receive(s["tiepnhan"], Intake("1.004873", LAN))
    first = dossiers.detail(s["tiepnhan"], d.code).documents
    assert first and all(item.number is not None for item in first)
    reads: list[tuple[str, int]] = []
    real = catalog_service.procedure_version

    def counted(store: object, code: str, version: int) -> object:
        reads.append((code, version))
        return real(store, code, version)  # type: ignore[arg-type]

    monkeypatch.setattr(catalog_service, "procedure_version", counted)
    assert dossiers.detail(s["tiepnhan"], d.code).documents == first
    assert reads == []  # kept
    # Any write to the catalogue: read again (here the version's first line is renamed).
    (data,) = ctx.store.db.execute(
        "SELECT data FROM procedures WHERE code = '1.004873' AND version = 1"
    ).fetchone()
    ctx.store.db.execute(
        "UPDATE procedures SET data = ? WHERE code = '1.004873' AND version = 1",
        [data.replace(first[0].name, "Tờ khai đã sửa", 1)],
    )
    again = dossiers.detail(s["tiepnhan"], d.code).documents
    assert reads == [("1.004873", 1)]
    assert again[0].name == "Tờ khai đã sửa" and again[1:] == first[1:]
    # A store that keeps nothing (not watched) reads the same items every time.
    ctx.store._writes = None
    assert dossiers.detail(s["tiepnhan"], d.code).documents == again
    assert reads == [("1.004873", 1), ("1.004873", 1)]
