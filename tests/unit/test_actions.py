"""services/actions.py: what the dossier view offers and the checks its forms add (#9)."""

from __future__ import annotations

import pytest

from onestop_desktop.domain.roles import Role
from onestop_desktop.domain.status import Status
from onestop_desktop.errors import ValidationError
from onestop_desktop.services import actions, dossiers, settings, users
from onestop_desktop.services.context import Actor, Session
from onestop_desktop.services.dossiers import Applicant, Intake


def staff(ctx: Session) -> None:
    users.add_user(ctx, "tiepnhan", "clerk", "Nguyễn Thị Lan", "mat-khau-dai-1")
    users.add_user(ctx, "chuyenvien", "officer", "Phạm Minh Đức", "mat-khau-dai-1")
    users.add_user(ctx, "cv2", "officer", "Hoàng Thu Hà", "mat-khau-dai-1")
    users.add_user(ctx, "lanhdao", "leader", "Đặng Quang Vinh", "mat-khau-dai-1")


def as_role(ctx: Session, username: str, role: Role) -> Session:
    return Session(ctx.store, ctx.station, Actor(username, username, role))


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("1500000", 1_500_000),
        ("1.500.000", 1_500_000),
        ("1 500 000 đ", 1_500_000),
        ("  250.000 VNĐ ", 250_000),
        ("0", 0),
        ("12.000đồng", 12_000),
    ],
)
def test_amounts_as_typed(text: str, amount: int) -> None:
    assert actions.parse_amount(text) == amount


@pytest.mark.parametrize("text", ["1,5", "1.5", "1.50.000", "-100", "mười nghìn", "", "đ"])
def test_bad_amounts_are_refused_naming_the_field(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        actions.parse_amount(text)
    assert caught.value.field == "amount"


def test_too_large_an_amount() -> None:
    with pytest.raises(ValidationError, match="Số tiền quá lớn"):
        actions.parse_amount("10.000.000.001")


def test_collector_id_is_a_real_id_number() -> None:
    assert actions.check_collector_id("  ") is None
    assert actions.check_collector_id("001090012345") == "001090012345"
    with pytest.raises(ValidationError) as caught:
        actions.check_collector_id("123456789")  # a CMND is no longer valid at the counter
    assert caught.value.field == "collected_by_id"
    assert caught.value.message.startswith("Số định danh của người nhận kết quả không hợp lệ")


def test_recipients_are_active_officers_then_leaders(ctx: Session) -> None:
    staff(ctx)
    users.deactivate(ctx, "cv2")
    got = actions.recipients(ctx)
    assert [(r.username, r.role) for r in got] == [
        ("chuyenvien", Role.OFFICER),
        ("lanhdao", Role.LEADER),
    ]
    assert got[0].full_name == "Phạm Minh Đức"


def test_available_actions_follow_role_and_status(ctx: Session) -> None:
    staff(ctx)
    clerk = as_role(ctx, "tiepnhan", Role.CLERK)
    officer = as_role(ctx, "chuyenvien", Role.OFFICER)
    d = dossiers.receive(ctx, Intake("1.004873", Applicant("Trần Văn Bình", "001090012345")))
    assert [a.kind for a in actions.available_actions(clerk, d.code)] == [
        "refused",
        "handed_over",
        "supplement_requested",
        "withdrawn",
    ]
    assert [a.kind for a in actions.available_actions(officer, d.code)] == [
        "handed_over",
        "supplement_requested",
        "result_ready",
        "rescheduled",
    ]
    admin = as_role(ctx, "admin", Role.ADMIN)
    assert actions.actions_for(admin, Status.RECEIVED) == []
    # Intake kinds are never offered on a dossier, even to the operator.
    kinds = {a.kind for s in Status for a in actions.actions_for(ctx, s)}
    assert not kinds & {"received", "registered_online", "imported"}


def test_reschedule_allowance_reads_the_setting(ctx: Session) -> None:
    settings.set_setting(ctx, "max_reschedules", "2")
    allowance = actions.reschedule_allowance(ctx, 1)
    assert (allowance.limit, allowance.left, allowance.exhausted) == (2, 1, False)
    assert actions.reschedule_allowance(ctx, 2).exhausted
    settings.set_setting(ctx, "max_reschedules", "")
    unlimited = actions.reschedule_allowance(ctx, 9)
    assert unlimited.limit is None and not unlimited.exhausted and unlimited.left is None


def test_perform_checks_the_collector_and_parses_the_amount(ctx: Session) -> None:
    staff(ctx)
    d = dossiers.receive(ctx, Intake("1.004873", Applicant("Trần Văn Bình", "001090012345")))
    dossiers.act(ctx, d.id, "handed_over", {"to": "chuyenvien"})
    actions.perform(ctx, d.id, "financial_requested", {"amount": "2.000.000", "note": ""})
    assert dossiers.history(ctx, d.id)[-1].payload["amount"] == 2_000_000
    actions.perform(ctx, d.id, "financial_done", {})
    actions.perform(ctx, d.id, "result_ready", {})
    with pytest.raises(ValidationError):
        actions.perform(ctx, d.id, "returned", {"collected_by": "Bình", "collected_by_id": "1"})
    assert dossiers.summary(ctx, d.id).status is Status.RESULT_READY
    actions.perform(
        ctx,
        d.id,
        "returned",
        {"collected_by": "Trần Văn Bình", "collected_by_id": " 001090012345 "},
    )
    assert dossiers.history(ctx, d.id)[-1].payload["collected_by_id"] == "001090012345"
