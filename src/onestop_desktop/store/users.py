"""The ``users`` table: staff account rows, read and written only here.

Services decide (who may, which password, when to lock); this module only runs the SQL. The
failed-attempt counter is incremented by one ``UPDATE ... RETURNING`` inside the caller's
write transaction, so two sign-in attempts at once (GUI and CLI) can never both read 4 and
both write 5: the count is exact and the fifth failure always locks.
"""

from __future__ import annotations

from dataclasses import dataclass

from onestop_desktop.store.db import Store


@dataclass(frozen=True)
class UserRow:
    """One row of ``users`` (the hash included: never hand this to a face of the app)."""

    username: str
    full_name: str
    role: str
    password_hash: str
    active: bool
    failed_attempts: int
    locked_until: str | None
    created_at: str
    updated_at: str


_COLUMNS = (
    "username, full_name, role, password_hash, active, failed_attempts, locked_until, "
    "created_at, updated_at"
)


def _to_row(values: tuple[object, ...]) -> UserRow:
    (username, full_name, role, password_hash, active, failed, locked, created, updated) = values
    return UserRow(
        username=str(username),
        full_name=str(full_name),
        role=str(role),
        password_hash=str(password_hash),
        active=bool(active),
        failed_attempts=int(str(failed or 0)),
        locked_until=str(locked) if locked else None,
        created_at=str(created),
        updated_at=str(updated),
    )


def get(store: Store, username: str) -> UserRow | None:
    """The row of ``username`` (already normalised by the caller), or ``None``."""
    row = store.db.execute(
        f"SELECT {_COLUMNS} FROM users WHERE username = ?", [username]
    ).fetchone()
    return None if row is None else _to_row(tuple(row))


def exists(store: Store, username: str) -> bool:
    """Whether an account named ``username`` exists (active or not)."""
    row = store.db.execute("SELECT 1 FROM users WHERE username = ?", [username]).fetchone()
    return row is not None


def list_all(store: Store) -> list[UserRow]:
    """Every account, ordered by user name (accounts are never deleted)."""
    rows = store.db.execute(f"SELECT {_COLUMNS} FROM users ORDER BY username").fetchall()
    return [_to_row(tuple(r)) for r in rows]


def insert(
    store: Store, *, username: str, full_name: str, role: str, password_hash: str, stamp: str
) -> None:
    """A new active account with no failed attempts."""
    store.db.execute(
        "INSERT INTO users(username, full_name, role, password_hash, active, failed_attempts, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, 1, 0, ?, ?)",
        [username, full_name, role, password_hash, stamp, stamp],
    )


def set_password(store: Store, username: str, password_hash: str, stamp: str) -> None:
    """A new password hash; a new password also clears failures and any lock."""
    store.db.execute(
        "UPDATE users SET password_hash = ?, failed_attempts = 0, locked_until = NULL, "
        "updated_at = ? WHERE username = ?",
        [password_hash, stamp, username],
    )


def set_active(store: Store, username: str, active: bool, stamp: str) -> None:
    """Activate or deactivate an account."""
    store.db.execute(
        "UPDATE users SET active = ?, updated_at = ? WHERE username = ?",
        [1 if active else 0, stamp, username],
    )


def update_fields(
    store: Store,
    username: str,
    stamp: str,
    *,
    full_name: str | None = None,
    role: str | None = None,
    active: bool | None = None,
) -> None:
    """Set the given fields of an account (``None`` leaves a field as it is)."""
    store.db.execute(
        "UPDATE users SET full_name = coalesce(?, full_name), role = coalesce(?, role), "
        "active = coalesce(?, active), updated_at = ? WHERE username = ?",
        [full_name, role, None if active is None else int(active), stamp, username],
    )


def count_active_admins(store: Store) -> int:
    """How many active admin accounts there are (the last one may not be deactivated)."""
    row = store.db.execute(
        "SELECT count(*) FROM users WHERE role = 'admin' AND active = 1"
    ).fetchone()
    return int(row[0])


def increment_failures(store: Store, username: str) -> int:
    """Add one failed attempt atomically and return the new count.

    Call inside ``store.atomic()`` (``BEGIN IMMEDIATE``), so the read-modify-write of the
    counter is a single statement under the write lock.
    """
    row = store.db.execute(
        "UPDATE users SET failed_attempts = failed_attempts + 1 WHERE username = ? "
        "RETURNING failed_attempts",
        [username],
    ).fetchone()
    return 0 if row is None else int(row[0])


def lock(store: Store, username: str, until: str) -> None:
    """Lock an account until ``until`` (ISO moment); the failure count starts afresh."""
    store.db.execute(
        "UPDATE users SET failed_attempts = 0, locked_until = ? WHERE username = ?",
        [until, username],
    )


def clear_failures(store: Store, username: str) -> None:
    """Forget failed attempts and any lock (a good sign-in, or an admin's unlock)."""
    store.db.execute(
        "UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE username = ?",
        [username],
    )
