"""The national dossier statuses (DVCQG 1–10), the clerk actions that move between them, and who
may take each action.

The status numbers are those the national portal syncs; "duplicate" is not a status but a refusal
reason under status 3 (see docs/rules.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from onestop_desktop.domain.roles import Role
from onestop_desktop.errors import Msg


class Status(IntEnum):
    """DVCQG status codes."""

    REGISTERED_ONLINE = 1
    RECEIVED = 2
    NOT_ACCEPTED = 3
    PROCESSING = 4
    SUPPLEMENT_REQUESTED = 5
    FINANCIAL_OBLIGATION = 6
    WITHDRAWN = 7
    STOPPED = 8
    RESULT_READY = 9
    RETURNED = 10

    @property
    def label(self) -> str:
        """The national Vietnamese name."""
        return STATUS_LABELS[self]

    @property
    def label_msg(self) -> Msg:
        """The national name as a translatable word of a message."""
        return STATUS_MSGS[self]


#: The national names, as translatable words of a message.
STATUS_MSGS: dict[Status, Msg] = {
    Status.REGISTERED_ONLINE: Msg("Mới đăng ký"),
    Status.RECEIVED: Msg("Được tiếp nhận"),
    Status.NOT_ACCEPTED: Msg("Không được tiếp nhận"),
    Status.PROCESSING: Msg("Đang xử lý"),
    Status.SUPPLEMENT_REQUESTED: Msg("Yêu cầu bổ sung giấy tờ"),
    Status.FINANCIAL_OBLIGATION: Msg("Yêu cầu thực hiện nghĩa vụ tài chính"),
    Status.WITHDRAWN: Msg("Công dân yêu cầu rút hồ sơ"),
    Status.STOPPED: Msg("Dừng xử lý"),
    Status.RESULT_READY: Msg("Đã xử lý xong"),
    Status.RETURNED: Msg("Đã trả kết quả"),
}

#: The national names (the Vietnamese text of :data:`STATUS_MSGS`).
STATUS_LABELS: dict[Status, str] = {status: msg.template for status, msg in STATUS_MSGS.items()}

# Report groups (reference §3, from a provincial system's report constants).
IN_PROGRESS = frozenset({Status.RECEIVED, Status.PROCESSING})
DONE = frozenset({Status.RESULT_READY, Status.RETURNED})
PAUSED = frozenset({Status.SUPPLEMENT_REQUESTED, Status.FINANCIAL_OBLIGATION, Status.STOPPED})
EXCLUDED = frozenset({Status.REGISTERED_ONLINE, Status.NOT_ACCEPTED})
OPEN = frozenset(
    {
        Status.RECEIVED,
        Status.PROCESSING,
        Status.SUPPLEMENT_REQUESTED,
        Status.FINANCIAL_OBLIGATION,
    }
)
"""Statuses in which the counter still owes the citizen something (duplicate check, worklist)."""
FINAL = frozenset({Status.NOT_ACCEPTED, Status.WITHDRAWN, Status.STOPPED, Status.RETURNED})


def parse_status(text: str | int) -> Status:
    """A status from its number (``"4"``) or its national name, ignoring case and diacritics."""
    from onestop_desktop.domain.text import fold
    from onestop_desktop.errors import ValidationError

    raw = str(text).strip()
    if raw.isdigit() and 1 <= int(raw) <= 10:
        return Status(int(raw))
    folded = fold(raw)
    for status, label in STATUS_LABELS.items():
        if fold(label) == folded:
            return status
    raise ValidationError("Trạng thái không hợp lệ: {value}", field="status", value=repr(raw))


@dataclass(frozen=True)
class Action:
    """One clerk action on a dossier: its event kind, where it may start, where it leads."""

    kind: str
    label_msg: Msg  # the name, a translatable word of a message
    sources: frozenset[Status]
    target: Status | None  # None: the status does not change (hand-over, rescheduling)
    roles: frozenset[Role]

    @property
    def label(self) -> str:
        """The Vietnamese name of the action ("Tiếp nhận hồ sơ")."""
        return self.label_msg.template


_ALL_STAFF_ON_DOSSIERS = frozenset({Role.CLERK, Role.OFFICER, Role.LEADER})


def _a(
    kind: str, label: Msg, sources: set[Status], target: Status | None, roles: set[Role]
) -> Action:
    return Action(kind, label, frozenset(sources), target, frozenset(roles | {Role.OPERATOR}))


ACTIONS: dict[str, Action] = {
    a.kind: a
    for a in (
        _a(
            "registered_online",
            Msg("Đăng ký trực tuyến"),
            set(),
            Status.REGISTERED_ONLINE,
            {Role.CLERK, Role.LEADER},
        ),
        _a("received", Msg("Tiếp nhận hồ sơ"), set(), Status.RECEIVED, {Role.CLERK, Role.LEADER}),
        _a(
            "accepted",
            Msg("Tiếp nhận hồ sơ trực tuyến"),
            {Status.REGISTERED_ONLINE},
            Status.RECEIVED,
            {Role.CLERK, Role.LEADER},
        ),
        _a(
            "refused",
            Msg("Từ chối tiếp nhận"),
            {Status.REGISTERED_ONLINE, Status.RECEIVED},
            Status.NOT_ACCEPTED,
            {Role.CLERK, Role.LEADER},
        ),
        _a(
            "handed_over",
            Msg("Chuyển xử lý"),
            {Status.RECEIVED, Status.PROCESSING},
            Status.PROCESSING,
            set(_ALL_STAFF_ON_DOSSIERS),
        ),
        _a(
            "supplement_requested",
            Msg("Yêu cầu bổ sung hồ sơ"),
            {Status.RECEIVED, Status.PROCESSING},
            Status.SUPPLEMENT_REQUESTED,
            set(_ALL_STAFF_ON_DOSSIERS),
        ),
        _a(
            "supplement_received",
            Msg("Nhận hồ sơ bổ sung"),
            {Status.SUPPLEMENT_REQUESTED},
            Status.PROCESSING,
            set(_ALL_STAFF_ON_DOSSIERS),
        ),
        _a(
            "financial_requested",
            Msg("Yêu cầu thực hiện nghĩa vụ tài chính"),
            {Status.PROCESSING},
            Status.FINANCIAL_OBLIGATION,
            {Role.OFFICER, Role.LEADER},
        ),
        _a(
            "financial_done",
            Msg("Đã thực hiện nghĩa vụ tài chính"),
            {Status.FINANCIAL_OBLIGATION},
            Status.PROCESSING,
            set(_ALL_STAFF_ON_DOSSIERS),
        ),
        _a(
            "stopped",
            Msg("Dừng xử lý"),
            {Status.PROCESSING, Status.SUPPLEMENT_REQUESTED, Status.FINANCIAL_OBLIGATION},
            Status.STOPPED,
            {Role.LEADER},
        ),
        _a(
            "result_ready",
            Msg("Có kết quả"),
            {Status.RECEIVED, Status.PROCESSING},
            Status.RESULT_READY,
            {Role.OFFICER, Role.LEADER},
        ),
        _a(
            "returned",
            Msg("Trả kết quả"),
            {Status.RESULT_READY},
            Status.RETURNED,
            {Role.CLERK, Role.LEADER},
        ),
        _a(
            "withdrawn",
            Msg("Rút hồ sơ"),
            {
                Status.RECEIVED,
                Status.PROCESSING,
                Status.SUPPLEMENT_REQUESTED,
                Status.FINANCIAL_OBLIGATION,
            },
            Status.WITHDRAWN,
            {Role.CLERK, Role.LEADER},
        ),
        _a(
            "rescheduled",
            Msg("Xin lỗi và hẹn lại ngày trả"),
            {
                Status.RECEIVED,
                Status.PROCESSING,
                Status.SUPPLEMENT_REQUESTED,
                Status.FINANCIAL_OBLIGATION,
                Status.RESULT_READY,
            },
            None,
            {Role.OFFICER, Role.LEADER},
        ),
    )
}
"""Every action by event kind. ``received``/``registered_online``/``imported`` create a dossier."""

CREATING_KINDS = frozenset({"received", "registered_online", "imported"})


def can(role: Role, kind: str) -> bool:
    """Whether ``role`` may take the action ``kind`` at all (state aside)."""
    action = ACTIONS.get(kind)
    return action is not None and role in action.roles


def next_status(current: Status, kind: str) -> Status:
    """The status after action ``kind`` from ``current``; :class:`Conflict` if not allowed."""
    from onestop_desktop.errors import Conflict

    action = ACTIONS[kind]
    if current not in action.sources:
        raise Conflict(
            "Không thể «{action}» khi hồ sơ đang ở trạng thái «{status}»",
            action=action.label_msg,
            status=current.label_msg,
        )

    return action.target if action.target is not None else current


def allowed_actions(current: Status, role: Role) -> list[Action]:
    """Actions ``role`` may take on a dossier in ``current``: what the GUI offers."""
    return [a for a in ACTIONS.values() if current in a.sources and role in a.roles]
