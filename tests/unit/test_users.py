"""Staff accounts: argon2id, lock-out, deactivation, permissions in the services."""

from __future__ import annotations

from datetime import timedelta

import pytest

from onestop_desktop.errors import AuthError, Conflict, PermissionDenied, ValidationError
from onestop_desktop.services import users
from onestop_desktop.services.context import Session
from onestop_desktop.store import users as user_rows

from .conftest import FakeClock


def test_password_is_hashed_with_argon2id(ctx: Session) -> None:
    users.add_user(ctx, "tiepnhan", "clerk", "Nguyễn Thị Lan", "mat-khau-1")
    stored = ctx.store.query("SELECT password_hash FROM users WHERE username='tiepnhan'")[0]
    assert stored["password_hash"].startswith("$argon2id$")
    assert "mat-khau-1" not in stored["password_hash"]


def test_five_failures_lock_for_fifteen_minutes(ctx: Session, fake_clock: FakeClock) -> None:
    users.add_user(ctx, "tiepnhan", "clerk", "Nguyễn Thị Lan", "mat-khau-1")
    for _ in range(4):
        with pytest.raises(AuthError, match="Sai tên đăng nhập hoặc mật khẩu"):
            users.sign_in(ctx.store, "tiepnhan", "sai")
    with pytest.raises(AuthError, match="khóa 15 phút"):
        users.sign_in(ctx.store, "tiepnhan", "sai")
    with pytest.raises(AuthError, match="thử lại sau 15 phút") as locked:
        users.sign_in(ctx.store, "tiepnhan", "mat-khau-1")  # even the right password
    assert locked.value.params["minutes"] == 15
    fake_clock.moment += timedelta(minutes=3, seconds=30)
    with pytest.raises(AuthError) as later:
        users.sign_in(ctx.store, "tiepnhan", "mat-khau-1")
    # Minutes left, rounded up; never a clock time (which would be in the station's zone).
    assert later.value.message.endswith("thử lại sau 12 phút")
    assert ":" not in later.value.message
    fake_clock.moment += timedelta(minutes=10, seconds=30)
    with pytest.raises(AuthError, match="thử lại sau 1 phút"):
        users.sign_in(ctx.store, "tiepnhan", "mat-khau-1")
    fake_clock.moment += timedelta(minutes=2)
    session = users.sign_in(ctx.store, "TiepNhan ", "mat-khau-1")
    assert session.actor.username == "tiepnhan"
    assert session.actor.full_name == "Nguyễn Thị Lan"


def test_unknown_user_and_wrong_password_read_the_same(ctx: Session) -> None:
    """No account enumeration: the same template and arguments for both."""
    users.add_user(ctx, "tiepnhan", "clerk", "Nguyễn Thị Lan", "mat-khau-1")
    with pytest.raises(AuthError) as wrong:
        users.sign_in(ctx.store, "tiepnhan", "sai-mat-khau")
    with pytest.raises(AuthError) as unknown:
        users.sign_in(ctx.store, "khongco", "sai-mat-khau")
    assert wrong.value.template == unknown.value.template
    assert wrong.value.params == unknown.value.params
    assert wrong.value.message == unknown.value.message
    assert "tiepnhan" not in wrong.value.message and "khongco" not in unknown.value.message


def test_deactivated_account_told_only_with_the_right_password(ctx: Session) -> None:
    users.add_user(ctx, "tiepnhan", "clerk", "Nguyễn Thị Lan", "mat-khau-1")
    users.deactivate(ctx, "tiepnhan")
    with pytest.raises(AuthError) as wrong:
        users.sign_in(ctx.store, "tiepnhan", "sai-mat-khau")
    assert "vô hiệu hóa" not in wrong.value.message


def test_failure_count_is_incremented_in_the_database(ctx: Session) -> None:
    """Each failure adds one to the stored count (one UPDATE, not a value read earlier)."""
    users.add_user(ctx, "tiepnhan", "clerk", "Nguyễn Thị Lan", "mat-khau-1")
    ctx.store.db.execute("UPDATE users SET failed_attempts = 3 WHERE username = 'tiepnhan'")
    with pytest.raises(AuthError):
        users.sign_in(ctx.store, "tiepnhan", "sai")
    assert user_rows.get(ctx.store, "tiepnhan").failed_attempts == 4  # type: ignore[union-attr]
    with pytest.raises(AuthError, match="khóa 15 phút"):
        users.sign_in(ctx.store, "tiepnhan", "sai")


def test_locked_account_listed_and_unlocked_by_admin(ctx: Session, fake_clock: FakeClock) -> None:
    users.add_user(ctx, "tiepnhan", "clerk", "Nguyễn Thị Lan", "mat-khau-1")
    for _ in range(5):
        with pytest.raises(AuthError):
            users.sign_in(ctx.store, "tiepnhan", "sai")
    listed = {u.username: u for u in users.list_users(ctx)}
    assert listed["tiepnhan"].locked
    assert listed["tiepnhan"].locked_until == fake_clock.moment + timedelta(minutes=15)
    assert not listed["admin"].locked
    admin = users.sign_in(ctx.store, "admin", "admin-pass-1")
    users.add_user(ctx, "canbo2", "clerk", "Lê Văn Hùng", "mat-khau-2")
    other = users.sign_in(ctx.store, "canbo2", "mat-khau-2")
    with pytest.raises(PermissionDenied):
        users.unlock(other, "tiepnhan")
    unlocked = users.unlock(admin, "tiepnhan")
    assert not unlocked.locked
    assert users.sign_in(ctx.store, "tiepnhan", "mat-khau-1").actor.username == "tiepnhan"
    with pytest.raises(Conflict, match="không bị khóa"):
        users.unlock(ctx, "tiepnhan")
    kinds = [r["kind"] for r in ctx.store.query("SELECT kind FROM events ORDER BY seq")]
    assert "user.unlocked" in kinds


def test_expired_lock_lists_as_unlocked(ctx: Session, fake_clock: FakeClock) -> None:
    users.add_user(ctx, "tiepnhan", "clerk", "Nguyễn Thị Lan", "mat-khau-1")
    for _ in range(5):
        with pytest.raises(AuthError):
            users.sign_in(ctx.store, "tiepnhan", "sai")
    fake_clock.moment += timedelta(minutes=16)
    listed = {u.username: u for u in users.list_users(ctx)}
    assert listed["tiepnhan"].locked_until is None
    # An expired lock starts the count afresh: four more failures do not lock.
    for _ in range(4):
        with pytest.raises(AuthError, match="Sai tên đăng nhập"):
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
