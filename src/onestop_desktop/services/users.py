"""Staff accounts: add, list, change password, deactivate (never delete), sign in.

Passwords are hashed with argon2id. Five wrong passwords in a row lock the account for fifteen
minutes, so a shared counter PC cannot be used to guess a colleague's password.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from onestop_desktop.domain import clock
from onestop_desktop.domain.roles import Role, parse_role
from onestop_desktop.domain.text import nfc
from onestop_desktop.errors import AuthError, Conflict, NotFound, ValidationError
from onestop_desktop.services.audit import record
from onestop_desktop.services.context import Actor, Session, Station
from onestop_desktop.store.db import Store

MAX_FAILED = 5
LOCK_MINUTES = 15
MIN_PASSWORD = 8
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{2,31}$")
_HASHER = PasswordHasher()


@dataclass(frozen=True)
class User:
    """A staff account as the GUI and CLI list it (never the hash)."""

    username: str
    full_name: str
    role: Role
    active: bool
    locked_until: str | None


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
        raise ValidationError(f"Mật khẩu phải có ít nhất {MIN_PASSWORD} ký tự", field="password")
    return password


def hash_password(password: str) -> str:
    return _HASHER.hash(validate_password(password))


def _row(store: Store, username: str) -> dict[str, object]:
    rows = store.query("SELECT * FROM users WHERE username = ?", [username.strip().lower()])
    if not rows:
        raise NotFound(f"Không có tài khoản «{username}»")
    return rows[0]


def create_user(
    store: Store, username: str, role: Role, full_name: str, password: str
) -> dict[str, str]:
    """Insert the account row (the caller records the event, inside its transaction)."""
    name = validate_username(username)
    full = nfc(full_name)
    if not full:
        raise ValidationError("Chưa nhập họ tên cán bộ", field="full_name")
    if store.query("SELECT 1 FROM users WHERE username = ?", [name]):
        raise Conflict(f"Tài khoản «{name}» đã có")
    stamp = clock.iso(store.now())
    store.db.execute(
        "INSERT INTO users(username, full_name, role, password_hash, active, failed_attempts, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, 1, 0, ?, ?)",
        [name, full, role.value, hash_password(password), stamp, stamp],
    )
    return {"username": name, "full_name": full, "role": role.value}


def add_user(ctx: Session, username: str, role: str | Role, full_name: str, password: str) -> User:
    """A new active account."""
    ctx.require("users.manage")
    the_role = role if isinstance(role, Role) else parse_role(role)
    with ctx.store.atomic():
        info = create_user(ctx.store, username, the_role, full_name, password)
        record(ctx, "user.added", info)
    return get_user(ctx.store, info["username"])


def get_user(store: Store, username: str) -> User:
    row = _row(store, username)
    return User(
        username=str(row["username"]),
        full_name=str(row["full_name"]),
        role=Role(str(row["role"])),
        active=bool(row["active"]),
        locked_until=str(row["locked_until"]) if row["locked_until"] else None,
    )


def list_users(ctx: Session) -> list[User]:
    """Every account, active or not (accounts are never deleted)."""
    ctx.require("users.manage")
    names = [r["username"] for r in ctx.store.query("SELECT username FROM users ORDER BY username")]
    return [get_user(ctx.store, str(n)) for n in names]


def change_password(
    ctx: Session, username: str, new_password: str, old_password: str | None = None
) -> None:
    """Set a new password: one's own with the old one, anyone's as admin or operator."""
    name = username.strip().lower()
    own = name == ctx.actor.username and ctx.actor.role is not Role.OPERATOR
    if own and not ctx.may("users.manage"):
        row = _row(ctx.store, name)
        if old_password is None or not _verify(str(row["password_hash"]), old_password):
            raise AuthError("Mật khẩu hiện tại không đúng")
    elif not own:
        ctx.require("users.manage")
    _row(ctx.store, name)
    new_hash = hash_password(new_password)
    with ctx.store.atomic():
        ctx.store.db.execute(
            "UPDATE users SET password_hash = ?, failed_attempts = 0, locked_until = NULL, "
            "updated_at = ? WHERE username = ?",
            [new_hash, clock.iso(ctx.now()), name],
        )
        record(ctx, "user.password_changed", {"username": name})


def deactivate(ctx: Session, username: str) -> None:
    """Stop an account signing in; its name stays in every event it made."""
    ctx.require("users.manage")
    row = _row(ctx.store, username)
    name = str(row["username"])
    if not row["active"]:
        raise Conflict(f"Tài khoản «{name}» đã bị vô hiệu hóa từ trước")
    if row["role"] == Role.ADMIN.value:
        admins = ctx.store.query(
            "SELECT count(*) AS n FROM users WHERE role = 'admin' AND active = 1"
        )[0]["n"]
        if int(admins) <= 1:
            raise Conflict("Không thể vô hiệu hóa tài khoản quản trị cuối cùng")
    with ctx.store.atomic():
        ctx.store.db.execute(
            "UPDATE users SET active = 0, updated_at = ? WHERE username = ?",
            [clock.iso(ctx.now()), name],
        )
        record(ctx, "user.deactivated", {"username": name})


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def sign_in(store: Store, username: str, password: str) -> Session:
    """A session for a staff member, or :class:`AuthError` with the reason.

    Failed attempts are committed even though sign-in fails, so a restart does not reset them.
    """
    name = username.strip().lower()
    rows = store.query("SELECT * FROM users WHERE username = ?", [name])
    if not rows:
        raise AuthError("Sai tên đăng nhập hoặc mật khẩu")
    row = rows[0]
    now = store.now()
    if not row["active"]:
        raise AuthError(f"Tài khoản «{name}» đã bị vô hiệu hóa")
    locked = row["locked_until"]
    if locked and clock.parse_iso(str(locked)) > now:
        until = clock.parse_iso(str(locked))
        raise AuthError(
            f"Tài khoản bị khóa do nhập sai mật khẩu {MAX_FAILED} lần; thử lại sau {until:%H:%M}"
        )
    failed = 0 if locked else int(row["failed_attempts"])  # an expired lock starts afresh
    if not _verify(str(row["password_hash"]), password):
        failed += 1
        lock_until = (
            clock.iso(now + timedelta(minutes=LOCK_MINUTES)) if failed >= MAX_FAILED else None
        )
        with store.atomic():
            store.db.execute(
                "UPDATE users SET failed_attempts = ?, locked_until = ? WHERE username = ?",
                [0 if lock_until else failed, lock_until, name],
            )
        if lock_until:
            raise AuthError(f"Sai mật khẩu {MAX_FAILED} lần: tài khoản bị khóa {LOCK_MINUTES} phút")
        raise AuthError(
            f"Sai tên đăng nhập hoặc mật khẩu (còn {MAX_FAILED - failed} lần thử trước khi khóa)"
        )
    if row["failed_attempts"] or row["locked_until"]:
        with store.atomic():
            store.db.execute(
                "UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE username = ?",
                [name],
            )
    return Session(
        store, Station.load(store), Actor(name, str(row["full_name"]), Role(str(row["role"])))
    )
