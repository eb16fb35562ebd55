"""Staff roles. Permissions are checked in the services layer; the GUI only hides what is denied."""

from __future__ import annotations

from enum import Enum


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
        return _LABELS[self]


_LABELS = {
    Role.CLERK: "Cán bộ tiếp nhận",
    Role.OFFICER: "Chuyên viên xử lý",
    Role.LEADER: "Lãnh đạo",
    Role.ADMIN: "Quản trị",
    Role.OPERATOR: "Vận hành (dòng lệnh)",
}

STAFF_ROLES = (Role.CLERK, Role.OFFICER, Role.LEADER, Role.ADMIN)


def parse_role(text: str) -> Role:
    """A staff role from its English key (``clerk``...); the operator is never a stored role."""
    for role in STAFF_ROLES:
        if role.value == text.strip().lower():
            return role
    from onestop_desktop.errors import ValidationError

    raise ValidationError(
        f"Vai trò không hợp lệ: {text!r} (chọn clerk, officer, leader hoặc admin)", field="role"
    )
