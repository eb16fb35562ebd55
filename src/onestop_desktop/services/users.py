"""Staff accounts: add, list, change password, change role, reset a password, deactivate (never
delete), unlock, sign in.

Passwords are hashed with argon2id. Five wrong passwords in a row lock the account for fifteen
minutes, so a shared counter PC cannot be used to guess a colleague's password. Sign-in answers
an unknown user name exactly as it answers a wrong password (same words, same argon2 cost), so
the sign-in window cannot be used to find out which accounts exist.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from onestop_desktop.domain import clock
from onestop_desktop.domain.payloads import (
    UserAdded,
    UserDeactivated,
    UserPasswordChanged,
    UserPasswordReset,
    UserRoleChanged,
    UserUnlocked,
)
from onestop_desktop.domain.roles import STAFF_ROLES, Role, parse_role
from onestop_desktop.domain.text import nfc
from onestop_desktop.errors import AuthError, Conflict, NotFound, ValidationError
from onestop_desktop.services.audit import record
from onestop_desktop.services.context import Actor, Session, Station
from onestop_desktop.store import users as user_rows
from onestop_desktop.store.db import Store
from onestop_desktop.store.users import UserRow

MAX_FAILED = 5
LOCK_MINUTES = 15
MIN_PASSWORD = 8
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{2,31}$")
_HASHER = PasswordHasher()
#: Verified against when the user name is unknown, so that answer costs what a real check
#: costs; made on first use (hashing at import would slow the GUI's start-up).
_dummy: dict[PasswordHasher, str] = {}


@dataclass(frozen=True)
class User:
    """A staff account as the GUI and CLI list it (never the hash).

    ``locked_until`` is set only while the account *is* locked (an expired lock is ``None``).
    """

    username: str
    full_name: str
    role: Role
    active: bool
    locked_until: datetime | None

    @property
    def locked(self) -> bool:
        return self.locked_until is not None


def validate_username(name: str) -> str:
    value = name.strip().lower()
    if not _USERNAME.match(value):
        raise ValidationError(
            "Tên đăng nhập phải dài 3–32 ký tự, chỉ gồm chữ thường không dấu, số, dấu chấm, "
            "gạch ngang hoặc gạch dưới",
            field="username",
        )
    return value


def validate_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise ValidationError(
            "Mật khẩu phải có ít nhất {count} ký tự", field="password", count=MIN_PASSWORD
        )
    return password


def hash_password(password: str) -> str:
    return _HASHER.hash(validate_password(password))


def _row(store: Store, username: str) -> UserRow:
    row = user_rows.get(store, username.strip().lower())
    if row is None:
        raise NotFound("Không có tài khoản «{username}»", username=username)
    return row


def _lock_end(row: UserRow, now: datetime) -> datetime | None:
    """When the lock of ``row`` ends, if it is locked at ``now``."""
    if row.locked_until is None:
        return None
    until = clock.parse_iso(row.locked_until)
    return until if until > now else None


def create_user(
    store: Store, username: str, role: Role, full_name: str, password: str
) -> dict[str, str]:
    """Insert the account row (the caller records the event, inside its transaction)."""
    name = validate_username(username)
    full = nfc(full_name)
    if not full:
        raise ValidationError("Chưa nhập họ tên cán bộ", field="full_name")
    if user_rows.exists(store, name):
        raise Conflict("Tài khoản «{username}» đã có", username=name)
    user_rows.insert(
        store,
        username=name,
        full_name=full,
        role=role.value,
        password_hash=hash_password(password),
        stamp=clock.iso(store.now()),
    )
    return {"username": name, "full_name": full, "role": role.value}


def add_user(ctx: Session, username: str, role: str | Role, full_name: str, password: str) -> User:
    """A new active account."""
    ctx.require("users.manage")
    the_role = role if isinstance(role, Role) else parse_role(role)
    with ctx.store.atomic():
        info = create_user(ctx.store, username, the_role, full_name, password)
        record(ctx, UserAdded.of(info))
    return get_user(ctx.store, info["username"])


def _user(row: UserRow, now: datetime) -> User:
    return User(
        username=row.username,
        full_name=row.full_name,
        role=Role(row.role),
        active=row.active,
        locked_until=_lock_end(row, now),
    )


def get_user(store: Store, username: str) -> User:
    return _user(_row(store, username), store.now())


def list_users(ctx: Session) -> list[User]:
    """Every account, active or not (accounts are never deleted), locks as of now."""
    ctx.require("users.manage")
    now = ctx.now()
    return [_user(row, now) for row in user_rows.list_all(ctx.store)]


def change_password(
    ctx: Session, username: str, new_password: str, old_password: str | None = None
) -> None:
    """Set a new password: one's own with the old one, anyone's as admin or operator."""
    name = username.strip().lower()
    own = name == ctx.actor.username and ctx.actor.role is not Role.OPERATOR
    if own and not ctx.may("users.manage"):
        row = _row(ctx.store, name)
        if old_password is None or not _verify(row.password_hash, old_password):
            raise AuthError("Mật khẩu hiện tại không đúng")
    elif not own:
        ctx.require("users.manage")
    _row(ctx.store, name)
    new_hash = hash_password(new_password)
    with ctx.store.atomic():
        user_rows.set_password(ctx.store, name, new_hash, clock.iso(ctx.now()))
        record(ctx, UserPasswordChanged(username=name))


def deactivate(ctx: Session, username: str) -> None:
    """Stop an account signing in; its name stays in every event it made."""
    ctx.require("users.manage")
    row = _row(ctx.store, username)
    name = row.username
    if not row.active:
        raise Conflict("Tài khoản «{username}» đã bị vô hiệu hóa từ trước", username=name)
    with ctx.store.atomic():
        if row.role == Role.ADMIN.value and user_rows.count_active_admins(ctx.store) <= 1:
            raise Conflict("Không thể vô hiệu hóa tài khoản quản trị cuối cùng")
        user_rows.set_active(ctx.store, name, False, clock.iso(ctx.now()))
        record(ctx, UserDeactivated(username=name))


def unlock(ctx: Session, username: str) -> User:
    """Lift a lock-out before its fifteen minutes are up (an admin who knows the clerk)."""
    ctx.require("users.manage")
    row = _row(ctx.store, username)
    if _lock_end(row, ctx.now()) is None:
        raise Conflict("Tài khoản «{username}» không bị khóa", username=row.username)
    with ctx.store.atomic():
        user_rows.clear_failures(ctx.store, row.username)
        record(ctx, UserUnlocked(username=row.username))
    return get_user(ctx.store, row.username)


def change_role(ctx: Session, username: str, role: str | Role) -> User:
    """Give an account another role (admin screen «Tài khoản», ``onestop user role``).

    The account's open sessions are refused at their next action (``Session.revalidate``), so
    the new role applies at once. The last active admin cannot be made something else: the
    station would be left with nobody to manage it.
    """
    ctx.require("users.manage")
    the_role = role if isinstance(role, Role) else parse_role(role)
    if the_role not in STAFF_ROLES:
        raise ValidationError(
            "Vai trò không hợp lệ: {value} (chọn clerk, officer, leader hoặc admin)",
            field="role",
            value=repr(the_role.value),
        )
    with ctx.store.atomic():
        row = _row(ctx.store, username)
        if row.role == the_role.value:
            raise Conflict(
                "Tài khoản «{username}» đã có vai trò {role}",
                username=row.username,
                role=the_role.label_msg,
            )
        if (
            row.role == Role.ADMIN.value
            and row.active
            and user_rows.count_active_admins(ctx.store) <= 1
        ):
            raise Conflict("Không thể đổi vai trò của tài khoản quản trị cuối cùng")
        user_rows.update_fields(ctx.store, row.username, clock.iso(ctx.now()), role=the_role.value)
        record(ctx, UserRoleChanged(username=row.username, old=row.role, new=the_role.value))
    return get_user(ctx.store, row.username)


def reset_password(ctx: Session, username: str, new_password: str) -> User:
    """An admin sets a new password for a colleague who forgot theirs (admin only).

    Unlike :func:`change_password` no old password is asked, and the event is
    ``user.password_reset`` (who reset whose password shows in the log). A new password also
    lifts a lock-out. One's own password is changed with :func:`change_password`.
    """
    ctx.require("users.manage")
    row = _row(ctx.store, username)
    if row.username == ctx.actor.username and ctx.actor.role is not Role.OPERATOR:
        raise Conflict(
            "Không đặt lại mật khẩu của chính mình; hãy dùng «Đổi mật khẩu» (cần mật khẩu cũ)"
        )
    new_hash = hash_password(new_password)
    with ctx.store.atomic():
        user_rows.set_password(ctx.store, row.username, new_hash, clock.iso(ctx.now()))
        record(ctx, UserPasswordReset(username=row.username))
    return get_user(ctx.store, row.username)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _minutes_left(until: datetime, now: datetime) -> int:
    """Whole minutes until ``until``, rounded up (a lock never reads «0 phút»)."""
    return max(1, math.ceil((until - now).total_seconds() / 60))


def _locked_error(until: datetime, now: datetime) -> AuthError:
    return AuthError(
        "Tài khoản bị khóa do nhập sai mật khẩu {count} lần liên tiếp; thử lại sau {minutes} phút",
        count=MAX_FAILED,
        minutes=_minutes_left(until, now),
    )


def _wrong_credentials() -> AuthError:
    """The one answer for an unknown user name and a wrong password."""
    return AuthError(
        "Sai tên đăng nhập hoặc mật khẩu (nhập sai {count} lần liên tiếp thì tài khoản bị khóa "
        "{minutes} phút)",
        count=MAX_FAILED,
        minutes=LOCK_MINUTES,
    )


def sign_in(store: Store, username: str, password: str) -> Session:
    """A session for a staff member, or :class:`AuthError` with the reason.

    Failed attempts are committed even though sign-in fails, so a restart does not reset them;
    the count is incremented by one statement inside the write transaction, so attempts from
    two programs at once are all counted.
    """
    name = username.strip().lower()
    row = user_rows.get(store, name)
    if row is None:
        dummy = _dummy.get(_HASHER) or _dummy.setdefault(_HASHER, _HASHER.hash("-"))
        _verify(dummy, password)  # the same cost as a real check: no timing difference
        raise _wrong_credentials()
    now = store.now()
    until = _lock_end(row, now)
    if until is not None:
        raise _locked_error(until, now)
    if not _verify(row.password_hash, password):
        with store.atomic():
            current = user_rows.get(store, name)
            if current is not None and current.locked_until is not None:
                held = _lock_end(current, now)
                if held is not None:  # another program locked it meanwhile
                    raise _locked_error(held, now)
                user_rows.clear_failures(store, name)  # an expired lock starts afresh
            failed = user_rows.increment_failures(store, name)
            if failed >= MAX_FAILED:
                user_rows.lock(store, name, clock.iso(now + timedelta(minutes=LOCK_MINUTES)))
        if failed >= MAX_FAILED:
            raise AuthError(
                "Sai mật khẩu {count} lần liên tiếp: tài khoản bị khóa {minutes} phút",
                count=MAX_FAILED,
                minutes=LOCK_MINUTES,
            )
        raise _wrong_credentials()
    if not row.active:
        # Said only to someone who knows the password: it reveals nothing to a guesser.
        raise AuthError("Tài khoản «{username}» đã bị vô hiệu hóa", username=name)
    if row.failed_attempts or row.locked_until:
        with store.atomic():
            user_rows.clear_failures(store, name)
    return Session(
        store, Station.load(store), Actor(name, row.full_name, Role(row.role)), signed_in=True
    )
