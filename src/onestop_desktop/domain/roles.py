"""Staff roles. Permissions are checked in the services layer; the GUI only hides what is denied."""

from __future__ import annotations

from enum import Enum

from onestop_desktop.errors import Msg


class Role(str, Enum):  # not StrEnum: Ubuntu 22.04 has Python 3.10
    """The four roles of a commune centre; ``OPERATOR`` is the OS account running the CLI."""

    CLERK = "clerk"
    OFFICER = "officer"
    LEADER = "leader"
    ADMIN = "admin"
    OPERATOR = "operator"

    @property
    def label(self) -> str:
        """The Vietnamese name shown to staff."""
        return _LABELS[self].template

    @property
    def label_msg(self) -> Msg:
        """The name as a translatable word of a message ("Tài khoản an (Quản trị)...")."""
        return _LABELS[self]


_LABELS: dict[Role, Msg] = {
    Role.CLERK: Msg("Cán bộ tiếp nhận"),
    Role.OFFICER: Msg("Chuyên viên xử lý"),
    Role.LEADER: Msg("Lãnh đạo"),
    Role.ADMIN: Msg("Quản trị"),
    Role.OPERATOR: Msg("Vận hành (dòng lệnh)"),
}

STAFF_ROLES = (Role.CLERK, Role.OFFICER, Role.LEADER, Role.ADMIN)


def parse_role(text: str) -> Role:
    """A staff role from its English key (``clerk``...); the operator is never a stored role."""
    for role in STAFF_ROLES:
        if role.value == text.strip().lower():
            return role
    from onestop_desktop.errors import ValidationError

    raise ValidationError(
        "Vai trò không hợp lệ: {value} (chọn clerk, officer, leader hoặc admin)",
        field="role",
        value=repr(text),
    )
