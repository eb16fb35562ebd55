"""Staff accounts: argon2id, lock-out, deactivation, permissions in the services."""

from __future__ import annotations

from datetime import timedelta

import pytest

from onestop_desktop.errors import AuthError, Conflict, PermissionDenied, ValidationError
from onestop_desktop.services import users
from onestop_desktop.services.context import Session

from .conftest import FakeClock


def test_password_is_hashed_with_argon2id(ctx: Session) -> None:
    users.add_user(ctx, "tiepnhan", "clerk", "Nguyễn Thị Lan", "mat-khau-1")
    stored = ctx.store.query("SELECT password_hash FROM users WHERE username='tiepnhan'")[0]
    assert stored["password_hash"].startswith("$argon2id$")
    assert "mat-khau-1" not in stored["password_hash"]


def test_five_failures_lock_for_fifteen_minutes(ctx: Session, fake_clock: FakeClock) -> None:
    users.add_user(ctx, "tiepnhan", "clerk", "Nguyễn Thị Lan", "mat-khau-1")
    for i in range(4):
        with pytest.raises(AuthError, match=f"còn {4 - i} lần"):
            users.sign_in(ctx.store, "tiepnhan", "sai")
    with pytest.raises(AuthError, match="khóa 15 phút"):
        users.sign_in(ctx.store, "tiepnhan", "sai")
    with pytest.raises(AuthError, match="bị khóa"):
        users.sign_in(ctx.store, "tiepnhan", "mat-khau-1")  # even the right password
    fake_clock.moment += timedelta(minutes=14)
    with pytest.raises(AuthError, match="bị khóa"):
        users.sign_in(ctx.store, "tiepnhan", "mat-khau-1")
    fake_clock.moment += timedelta(minutes=2)
    session = users.sign_in(ctx.store, "TiepNhan ", "mat-khau-1")
    assert session.actor.username == "tiepnhan"
    assert session.actor.full_name == "Nguyễn Thị Lan"


def test_failures_reset_after_success(ctx: Session) -> None:
    users.add_user(ctx, "tiepnhan", "clerk", "Nguyễn Thị Lan", "mat-khau-1")
    for _ in range(4):
        with pytest.raises(AuthError):
            users.sign_in(ctx.store, "tiepnhan", "sai")
    users.sign_in(ctx.store, "tiepnhan", "mat-khau-1")
    with pytest.raises(AuthError, match="còn 4 lần"):
        users.sign_in(ctx.store, "tiepnhan", "sai")


def test_deactivated_never_deleted(ctx: Session) -> None:
    users.add_user(ctx, "tiepnhan", "clerk", "Nguyễn Thị Lan", "mat-khau-1")
    users.deactivate(ctx, "tiepnhan")
    with pytest.raises(AuthError, match="vô hiệu hóa"):
        users.sign_in(ctx.store, "tiepnhan", "mat-khau-1")
    listed = {u.username: u for u in users.list_users(ctx)}
    assert listed["tiepnhan"].active is False
    with pytest.raises(Conflict):
        users.deactivate(ctx, "tiepnhan")
    with pytest.raises(Conflict, match="quản trị cuối cùng"):
        users.deactivate(ctx, "admin")


def test_permissions_enforced_in_services(ctx: Session) -> None:
    users.add_user(ctx, "tiepnhan", "clerk", "Nguyễn Thị Lan", "mat-khau-1")
    users.add_user(ctx, "quantri", "admin", "Trần Quốc Bảo", "mat-khau-2")
    clerk = users.sign_in(ctx.store, "tiepnhan", "mat-khau-1")
    with pytest.raises(PermissionDenied):
        users.add_user(clerk, "x123", "admin", "X", "mat-khau-3")
    with pytest.raises(PermissionDenied):
        users.list_users(clerk)
    with pytest.raises(PermissionDenied):
        users.change_password(clerk, "quantri", "new-password")
    # A user changes their own password only with the old one.
    with pytest.raises(AuthError):
        users.change_password(clerk, "tiepnhan", "mat-khau-moi", old_password="sai")
    users.change_password(clerk, "tiepnhan", "mat-khau-moi", old_password="mat-khau-1")
    users.sign_in(ctx.store, "tiepnhan", "mat-khau-moi")
    admin = users.sign_in(ctx.store, "quantri", "mat-khau-2")
    users.change_password(admin, "tiepnhan", "mat-khau-khac")
    users.sign_in(ctx.store, "tiepnhan", "mat-khau-khac")


@pytest.mark.parametrize(
    ("username", "password"),
    [("ab", "long-enough"), ("Nguyễn", "long-enough"), ("ok_user", "short")],
)
def test_bad_account_input(ctx: Session, username: str, password: str) -> None:
    with pytest.raises(ValidationError):
        users.add_user(ctx, username, "clerk", "Tên", password)


def test_account_changes_are_audited(ctx: Session) -> None:
    users.add_user(ctx, "tiepnhan", "clerk", "Nguyễn Thị Lan", "mat-khau-1")
    users.deactivate(ctx, "tiepnhan")
    kinds = [r["kind"] for r in ctx.store.query("SELECT kind FROM events ORDER BY seq")]
    assert kinds[:2] == ["station.initialized", "user.added"]
    assert "user.deactivated" in kinds
    payloads = " ".join(r["payload"] for r in ctx.store.query("SELECT payload FROM events"))
    assert "argon2" not in payloads  # no password hash ever leaves in an event
