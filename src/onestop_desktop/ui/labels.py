"""The names of statuses, roles and intake channels, in the GUI language, in one place.

The Vietnamese names are defined once, in the layers below (``domain/status.py``,
``domain/roles.py``, ``services/dossiers.py::CHANNELS``); they are repeated here only as
``QT_TRANSLATE_NOOP`` source texts, because ``pyside6-lupdate`` reads literals. A test checks
that each table here equals its source, so a renamed status cannot drift. Every screen (the
worklist, the main window, the intake and dossier screens to come) shows these through
:func:`status_text`, :func:`role_text` and :func:`channel_text`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from onestop_desktop.domain.roles import Role
from onestop_desktop.domain.status import STATUS_LABELS, Status
from onestop_desktop.ui.i18n import QT_TRANSLATE_NOOP

STATUS_CONTEXT = "Status"
ROLE_CONTEXT = "Role"
CHANNEL_CONTEXT = "Channel"

# The national status names (context "Status"): exactly ``domain.status.STATUS_LABELS``.
STATUS_TEXTS: dict[Status, str] = {
    Status.REGISTERED_ONLINE: QT_TRANSLATE_NOOP("Status", "Mới đăng ký"),
    Status.RECEIVED: QT_TRANSLATE_NOOP("Status", "Được tiếp nhận"),
    Status.NOT_ACCEPTED: QT_TRANSLATE_NOOP("Status", "Không được tiếp nhận"),
    Status.PROCESSING: QT_TRANSLATE_NOOP("Status", "Đang xử lý"),
    Status.SUPPLEMENT_REQUESTED: QT_TRANSLATE_NOOP("Status", "Yêu cầu bổ sung giấy tờ"),
    Status.FINANCIAL_OBLIGATION: QT_TRANSLATE_NOOP(
        "Status", "Yêu cầu thực hiện nghĩa vụ tài chính"
    ),
    Status.WITHDRAWN: QT_TRANSLATE_NOOP("Status", "Công dân yêu cầu rút hồ sơ"),
    Status.STOPPED: QT_TRANSLATE_NOOP("Status", "Dừng xử lý"),
    Status.RESULT_READY: QT_TRANSLATE_NOOP("Status", "Đã xử lý xong"),
    Status.RETURNED: QT_TRANSLATE_NOOP("Status", "Đã trả kết quả"),
}

# The role names (context "Role"): exactly ``Role.label``.
ROLE_TEXTS: dict[Role, str] = {
    Role.CLERK: QT_TRANSLATE_NOOP("Role", "Cán bộ tiếp nhận"),
    Role.OFFICER: QT_TRANSLATE_NOOP("Role", "Chuyên viên xử lý"),
    Role.LEADER: QT_TRANSLATE_NOOP("Role", "Lãnh đạo"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Role", "Quản trị"),
    Role.OPERATOR: QT_TRANSLATE_NOOP("Role", "Vận hành (dòng lệnh)"),
}

# The intake channels (context "Channel"): exactly ``services.dossiers.CHANNELS``, by key.
CHANNEL_TEXTS: dict[str, str] = {
    "in_person": QT_TRANSLATE_NOOP("Channel", "Trực tiếp"),
    "online": QT_TRANSLATE_NOOP("Channel", "Trực tuyến"),
    "postal": QT_TRANSLATE_NOOP("Channel", "Dịch vụ bưu chính"),
}


def status_text(status: Status) -> str:
    """The status name in the GUI language."""
    return QCoreApplication.translate(
        STATUS_CONTEXT, STATUS_TEXTS.get(status, STATUS_LABELS[status])
    )


def role_text(role: Role) -> str:
    """The role name in the GUI language."""
    return QCoreApplication.translate(ROLE_CONTEXT, ROLE_TEXTS.get(role, role.label))


def channel_text(channel: str) -> str:
    """The intake channel's name in the GUI language (an unknown key is shown as it is)."""
    source = CHANNEL_TEXTS.get(channel)
    return channel if source is None else QCoreApplication.translate(CHANNEL_CONTEXT, source)
