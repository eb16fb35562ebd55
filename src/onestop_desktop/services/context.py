"""Who is acting, on which station: the first argument of every service function.

The GUI gets a :class:`Session` only by signing in (``users.sign_in``); the CLI acts as the
station's operator (the OS account that owns the data folder), recorded as ``operator:<name>``.
Every permission check lives here, so no face of the app can skip it.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from datetime import datetime

from onestop_desktop.domain.roles import Role
from onestop_desktop.domain.status import ACTIONS, can
from onestop_desktop.errors import AuthError, Msg, PermissionDenied, StorageError
from onestop_desktop.store.db import Store


@dataclass(frozen=True)
class Station:
    """This station's identity, from the settings written by ``onestop init``."""

    unit_code: str
    unit_name: str
    station_id: int

    @classmethod
    def load(cls, store: Store) -> Station:
        unit_code = store.setting("unit_code")
        if unit_code is None:
            raise StorageError("Cơ sở dữ liệu chưa được khởi tạo; hãy chạy «onestop init»")
        return cls(
            unit_code=unit_code,
            unit_name=store.setting("unit_name", "") or "",
            station_id=int(store.setting("station_id", "1") or 1),
        )


@dataclass(frozen=True)
class Actor:
    """A signed-in staff member, or the operator."""

    username: str
    full_name: str
    role: Role

    @property
    def tag(self) -> str:
        """How the event log names this actor."""
        prefix = "operator" if self.role is Role.OPERATOR else "user"
        return f"{prefix}:{self.username}"


# Non-dossier permissions (dossier actions are in domain.status.ACTIONS).
ADMIN_ACTIONS = {
    "users.manage": {Role.ADMIN},
    "catalog.manage": {Role.ADMIN},
    "calendar.manage": {Role.ADMIN},
    "sync.manage": {Role.ADMIN},
    "reports.view": {Role.CLERK, Role.OFFICER, Role.LEADER, Role.ADMIN},
    "dossiers.view": {Role.CLERK, Role.OFFICER, Role.LEADER, Role.ADMIN},
    "legacy.import": {Role.ADMIN},
}

# What each admin permission allows, as the end of "không có quyền …".
_LABELS: dict[str, Msg] = {
    "users.manage": Msg("quản lý tài khoản"),
    "catalog.manage": Msg("quản lý danh mục thủ tục"),
    "calendar.manage": Msg("quản lý lịch làm việc"),
    "sync.manage": Msg("đồng bộ dữ liệu"),
    "reports.view": Msg("xem báo cáo"),
    "dossiers.view": Msg("xem hồ sơ"),
    "legacy.import": Msg("nhập sổ theo dõi cũ"),
}


@dataclass
class Session:
    """A store, a station and an actor: what a service needs to act and to record the act."""

    store: Store
    station: Station
    actor: Actor
    signed_in: bool = False
    """Made by ``users.sign_in``: its account row is re-read at every :meth:`require`."""

    @classmethod
    def operator(cls, store: Store) -> Session:
        """The CLI's session: trusted like the database file itself."""
        try:
            name = getpass.getuser()
        except (KeyError, OSError):
            name = "operator"
        return cls(store, Station.load(store), Actor(name, name, Role.OPERATOR))

    def now(self) -> datetime:
        return self.store.now()

    def revalidate(self) -> None:
        """Raise :class:`AuthError` if this staff session's account is gone, inactive or has
        another role now (the operator is trusted like the file and is not checked)."""
        if self.actor.role is Role.OPERATOR or not self.signed_in:
            return
        from onestop_desktop.store import users as user_rows

        row = user_rows.get(self.store, self.actor.username)
        if row is None or not row.active:
            raise AuthError(
                "Tài khoản {user} đã bị vô hiệu hóa; phiên làm việc này đã kết thúc",
                user=self.actor.username,
            )
        if row.role != self.actor.role.value:
            raise AuthError(
                "Vai trò của tài khoản {user} đã thay đổi; hãy đăng nhập lại",
                user=self.actor.username,
            )

    def may(self, permission: str) -> bool:
        """Whether the actor may do ``permission`` (an admin permission or a dossier action)."""
        role = self.actor.role
        if role is Role.OPERATOR:
            return True
        if permission in ADMIN_ACTIONS:
            return role in ADMIN_ACTIONS[permission]
        return can(role, permission)

    def require(self, permission: str) -> None:
        """Raise :class:`PermissionDenied` unless the actor may do ``permission``.

        A signed-in session is checked against its account row first, at every action: an
        account deactivated, or given another role, since signing in is refused until it signs
        in again (an open GUI session must not outlive an admin's decision).
        """
        self.revalidate()
        if self.may(permission):
            return
        user, role = self.actor.username, self.actor.role.label_msg
        if permission in ACTIONS:
            raise PermissionDenied(
                "Tài khoản {user} ({role}) không có quyền «{action}»",
                user=user,
                role=role,
                action=ACTIONS[permission].label_msg,
            )
        raise PermissionDenied(
            "Tài khoản {user} ({role}) không có quyền {what}",
            user=user,
            role=role,
            what=_LABELS.get(permission, Msg("{permission}", permission=permission)),
        )
