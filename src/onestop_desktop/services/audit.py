"""Recording an event: the one way any service changes a dossier (and how admin acts are logged);
and reading the log back, page by page, in words (the admin's «Nhật ký» screen)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from onestop_desktop.domain import clock
from onestop_desktop.domain.events import Event
from onestop_desktop.domain.payloads import (
    KINDS,
    CalendarDayRemoved,
    CalendarDaySet,
    CatalogImported,
    Payload,
    SettingsChanged,
    StationInitialized,
    UserAdded,
    UserDeactivated,
    UserPasswordChanged,
    UserPasswordReset,
    UserRoleChanged,
    UserUnlocked,
    parse,
)
from onestop_desktop.domain.roles import Role
from onestop_desktop.errors import Conflict, ValidationError
from onestop_desktop.services.context import Session
from onestop_desktop.store import audit_log as log_rows
from onestop_desktop.store import events


def record(ctx: Session, payload: Payload, *, dossier_id: str | None = None) -> Event:
    """Append one event by the session's actor, now. Call inside ``ctx.store.atomic()``.

    The kind comes from the payload's class (``domain.payloads.KINDS``), and the stored JSON is
    its :meth:`~onestop_desktop.domain.payloads.Record.to_dict`, ``v`` included. A dossier kind
    needs the dossier's id; an admin kind must not have one.
    """
    if (dossier_id is not None) != payload.DOSSIER:
        raise Conflict(
            "Sự kiện loại «{kind}» ghi sai: thiếu hoặc thừa mã hồ sơ", kind=type(payload).KIND
        )
    return events.append(
        ctx.store,
        station_id=ctx.station.station_id,
        dossier_id=dossier_id,
        kind=type(payload).KIND,
        actor=ctx.actor.tag,
        at=clock.iso(ctx.now()),
        payload=payload.to_dict(),
    )


# ------------------------------------------------------------------ the admin's event log (#9)

LOG_PERMISSION = "users.manage"
"""Reading the whole log (every clerk's acts, every admin change) is for the admin."""

PAGE_SIZE = 100


@dataclass(frozen=True)
class LogQuery:
    """What the admin searches the log for; an empty field matches everything.

    ``user`` is a user name (matched as the staff member and as the CLI operator of that name);
    ``dossier`` a dossier code; ``start``/``end`` days, both included.
    """

    user: str = ""
    dossier: str = ""
    kinds: tuple[str, ...] = ()
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True)
class LogEntry:
    """One event of the log in words: who, when, what, on which dossier."""

    id: int
    station_id: int
    seq: int
    at: datetime
    kind: str
    actor: str
    actor_name: str
    action: str
    dossier_code: str | None
    details: str


@dataclass(frozen=True)
class LogPage:
    """A page of the log, newest first; ``next_before`` reads the next one (``None``: the end)."""

    entries: tuple[LogEntry, ...]
    next_before: int | None


_ADMIN_ACTIONS: dict[str, str] = {
    "station.initialized": "Khởi tạo máy trạm",
    "user.added": "Thêm tài khoản",
    "user.password_changed": "Đổi mật khẩu",
    "user.password_reset": "Đặt lại mật khẩu",
    "user.role_changed": "Đổi vai trò",
    "user.deactivated": "Vô hiệu hóa tài khoản",
    "user.unlocked": "Mở khóa tài khoản",
    "calendar.day_set": "Sửa lịch làm việc",
    "calendar.day_removed": "Bỏ một ngày khỏi lịch",
    "settings.changed": "Đổi thiết lập",
    "catalog.imported": "Nhập danh mục thủ tục",
    # Scanned files (not dossier events, but they name their dossier's code in the payload).
    "attachment.added": "Thêm tệp quét",
    "attachment.removed": "Bỏ tệp quét",
    "attachment.rotated": "Xoay trang quét",
    "attachment.reordered": "Sắp xếp lại tệp quét",
}

_DAY_KINDS = {"day_off": "ngày nghỉ", "workday": "ngày làm bù"}


def kind_label(kind: str) -> str:
    """The Vietnamese name of an event kind (the dossier actions' own names, admin acts here)."""
    from onestop_desktop.domain.status import ACTIONS

    if kind in ACTIONS:
        return ACTIONS[kind].label
    return _ADMIN_ACTIONS.get(kind, {"imported": "Nhập từ sổ theo dõi"}.get(kind, kind))


def log_kinds() -> list[tuple[str, str]]:
    """Every event kind the app writes and its name, for the filter list."""
    return [(kind, kind_label(kind)) for kind in KINDS]


def _role(value: str) -> str:
    try:
        return Role(value).label
    except ValueError:
        return value


def _admin_details(p: Payload) -> str:
    """What an admin act carried, in words (never a password or a hash: events have none)."""
    if isinstance(p, StationInitialized):
        return f"Đơn vị {p.unit_name} ({p.unit_code}), máy trạm {p.station}"
    if isinstance(p, UserAdded):
        return f"{p.username} — {p.full_name} ({_role(p.role)})"
    if isinstance(p, UserRoleChanged):
        return f"{p.username}: {_role(p.old)} → {_role(p.new)}"
    if isinstance(p, UserPasswordChanged | UserPasswordReset | UserDeactivated | UserUnlocked):
        return f"Tài khoản {p.username}"
    if isinstance(p, CalendarDaySet):
        what = _DAY_KINDS.get(p.kind, p.kind)
        day = clock.fmt_date(date.fromisoformat(p.day))
        return f"{day}: {what}" + (f" — {p.note}" if p.note else "")
    if isinstance(p, CalendarDayRemoved):
        return clock.fmt_date(date.fromisoformat(p.day))
    if isinstance(p, SettingsChanged):
        old = "mặc định" if p.old is None else f"«{p.old}»"
        new = "mặc định" if p.new is None else f"«{p.new}»"
        return f"{p.key}: {old} → {new}"
    if isinstance(p, CatalogImported):
        return (
            f"Tệp {p.source}: {clock.fmt_int(len(p.added))} thủ tục mới, "
            f"{clock.fmt_int(len(p.updated))} thủ tục có phiên bản mới"
        )
    if type(p).KIND.startswith("attachment."):
        return _attachment_details(p)
    return ""


def _attachment_details(p: Payload) -> str:
    """A scanned file's event in words, read by attribute (the attachment kinds are #10's)."""
    kind = type(p).KIND
    if kind == "attachment.added":
        name, pages = getattr(p, "name", ""), getattr(p, "pages", 0)
        return f"Tệp {name} ({clock.fmt_int(int(pages))} trang)"
    if kind == "attachment.rotated":
        page = getattr(p, "page", None)
        turned = f"Xoay {getattr(p, 'rotation', 0)}°"
        return turned + (f", trang {page}" if page else ", mọi trang")
    if kind == "attachment.reordered":
        return f"{clock.fmt_int(len(getattr(p, 'order', ())))} tệp theo thứ tự mới"
    return ""


def _filter(ctx: Session, query: LogQuery) -> log_rows.LogFilter | None:
    """The store filter of ``query``; ``None`` when nothing can match (an unknown dossier)."""
    from onestop_desktop.store import dossiers as dossier_rows

    user = query.user.strip().lower()
    actors = (f"user:{user}", f"operator:{user}") if user else ()
    dossier_id: str | None = None
    if query.dossier.strip():
        row = dossier_rows.get_by_code(ctx.store, query.dossier)
        if row is None:
            return None
        dossier_id = str(row["id"])
    if query.start and query.end and query.end < query.start:
        raise ValidationError(
            "Khoảng ngày không hợp lệ: từ ngày {start} đến ngày {end}",
            field="end",
            start=clock.fmt_date(query.start),
            end=clock.fmt_date(query.end),
        )
    since = clock.iso(datetime.combine(query.start, time(), clock.VN_TZ)) if query.start else None
    until = (
        clock.iso(datetime.combine(query.end + timedelta(days=1), time(), clock.VN_TZ))
        if query.end
        else None
    )
    return log_rows.LogFilter(
        actors=actors, dossier_id=dossier_id, kinds=query.kinds, since=since, until=until
    )


def _named_code(payload: Mapping[str, object]) -> str | None:
    """The dossier code an admin-kind event names in its payload (a scanned file's), if any."""
    code = payload.get("code")
    return code if isinstance(code, str) and code else None


def search_log(
    ctx: Session, query: LogQuery, *, before: int | None = None, limit: int = PAGE_SIZE
) -> LogPage:
    """A page of the event log matching ``query``, newest first, each event in words (admin).

    Pass the previous page's ``next_before`` to read on; no query ever counts or sorts the
    whole log (see ``store/audit_log.py``).
    """
    from onestop_desktop.services import dossiers as dossier_words

    ctx.require(LOG_PERMISSION)
    flt = _filter(ctx, query)
    if flt is None:
        return LogPage((), None)
    rows = log_rows.page(ctx.store, flt, before=before, limit=limit)
    names: dict[str, str] = {}
    entries: list[LogEntry] = []
    for row in rows:
        ev = row.event
        if ev.actor not in names:
            names[ev.actor] = dossier_words._actor_name(ctx, ev.actor)
        try:
            p = parse(ev.kind, ev.payload, station=ev.station_id, seq=ev.seq)
        except ValidationError:
            details = "(nội dung sự kiện không đọc được)"
        else:
            details = dossier_words._details(ctx, ev, p) if p.DOSSIER else _admin_details(p)
        entries.append(
            LogEntry(
                id=row.id,
                station_id=ev.station_id,
                seq=ev.seq,
                at=clock.parse_iso(ev.at),
                kind=ev.kind,
                actor=ev.actor,
                actor_name=names[ev.actor],
                action=kind_label(ev.kind),
                dossier_code=row.dossier_code or _named_code(ev.payload),
                details=details,
            )
        )
    more = len(rows) == limit
    return LogPage(tuple(entries), rows[-1].id if more and rows else None)
