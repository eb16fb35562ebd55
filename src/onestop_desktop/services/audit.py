"""Recording an event: the one way any service changes a dossier (and how admin acts are logged);
and reading the log back, page by page, in words (the admin's «Nhật ký» screen)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
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
from onestop_desktop.errors import Conflict, Msg, ValidationError
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
    """One event of the log in words: who, when, what, on which dossier.

    The words are translatable messages, as in the dossier timeline
    (:class:`~onestop_desktop.services.views.TimelineEntry`): the CLI gets the Vietnamese
    :attr:`action` and :attr:`details`, the GUI renders ``action_msg``, ``detail_parts`` and
    ``actor_words`` in its own language. ``note`` is the clerk's own words, never translated.
    ``actor_words`` is set when the actor is not a named staff member (the CLI operator, the
    citizen filing online), whose description is a phrase of ours, not a name.
    """

    id: int
    station_id: int
    seq: int
    at: datetime
    kind: str
    actor: str
    actor_name: str
    action_msg: Msg
    dossier_code: str | None
    detail_parts: tuple[Msg, ...]
    note: str | None = None
    actor_words: Msg | None = None

    @property
    def action(self) -> str:
        """What was done, in Vietnamese ("Chuyển xử lý")."""
        return str(self.action_msg)

    @property
    def details(self) -> str:
        """What it carried, in Vietnamese."""
        return self.render_details()

    def render_action(self, translate: Callable[[str], str] | None = None) -> str:
        return self.action_msg.render(translate)

    def render_details(self, translate: Callable[[str], str] | None = None) -> str:
        from onestop_desktop.services.views import details_text

        return details_text(self.detail_parts, self.note, translate)

    def render_actor(self, translate: Callable[[str], str] | None = None) -> str:
        """Who, in the language of ``translate`` (a staff member's name is never translated)."""
        return self.actor_words.render(translate) if self.actor_words else self.actor_name


@dataclass(frozen=True)
class LogPage:
    """A page of the log, newest first; ``next_before`` reads the next one (``None``: the end)."""

    entries: tuple[LogEntry, ...]
    next_before: int | None


_ADMIN_ACTIONS: dict[str, Msg] = {
    "station.initialized": Msg("Khởi tạo máy trạm"),
    "user.added": Msg("Thêm tài khoản"),
    "user.password_changed": Msg("Đổi mật khẩu"),
    "user.password_reset": Msg("Đặt lại mật khẩu"),
    "user.role_changed": Msg("Đổi vai trò"),
    "user.deactivated": Msg("Vô hiệu hóa tài khoản"),
    "user.unlocked": Msg("Mở khóa tài khoản"),
    "calendar.day_set": Msg("Sửa lịch làm việc"),
    "calendar.day_removed": Msg("Bỏ một ngày khỏi lịch"),
    "settings.changed": Msg("Đổi thiết lập"),
    "catalog.imported": Msg("Nhập danh mục thủ tục"),
    # Scanned files (not dossier events, but they name their dossier's code in the payload).
    "attachment.added": Msg("Thêm tệp quét"),
    "attachment.removed": Msg("Bỏ tệp quét"),
    "attachment.rotated": Msg("Xoay trang quét"),
    "attachment.reordered": Msg("Sắp xếp lại tệp quét"),
}

_DAY_KINDS = {"day_off": Msg("ngày nghỉ"), "workday": Msg("ngày làm bù")}
_IMPORTED = Msg("Nhập từ sổ theo dõi")


def kind_label_msg(kind: str) -> Msg:
    """The name of an event kind as a translatable word (the dossier actions' own names, admin
    acts here); an unknown kind is named by itself."""
    from onestop_desktop.domain.status import ACTIONS

    if kind in ACTIONS:
        return ACTIONS[kind].label_msg
    if kind == "imported":
        return _IMPORTED
    return _ADMIN_ACTIONS.get(kind) or Msg("{kind}", kind=kind)


def kind_label(kind: str) -> str:
    """The Vietnamese name of an event kind."""
    return str(kind_label_msg(kind))


def log_kinds() -> list[tuple[str, Msg]]:
    """Every event kind the app writes and its name, for the filter list (``str()`` of the name
    is the Vietnamese; the GUI renders it in its language)."""
    return [(kind, kind_label_msg(kind)) for kind in KINDS]


def _role(value: str) -> Msg | str:
    try:
        return Role(value).label_msg
    except ValueError:
        return value


def _admin_details(p: Payload) -> tuple[Msg, ...]:
    """What an admin act carried, in translatable words (never a password or a hash: events
    have none). The values (names, codes, typed notes) are filled in as typed."""
    if isinstance(p, StationInitialized):
        return (
            Msg(
                "Đơn vị {unit} ({code}), máy trạm {station}",
                unit=p.unit_name,
                code=p.unit_code,
                station=p.station,
            ),
        )
    if isinstance(p, UserAdded):
        return (
            Msg(
                "{username} — {name} ({role})",
                username=p.username,
                name=p.full_name,
                role=_role(p.role),
            ),
        )
    if isinstance(p, UserRoleChanged):
        return (
            Msg(
                "{username}: {old} → {new}",
                username=p.username,
                old=_role(p.old),
                new=_role(p.new),
            ),
        )
    if isinstance(p, UserPasswordChanged | UserPasswordReset | UserDeactivated | UserUnlocked):
        return (Msg("Tài khoản {username}", username=p.username),)
    if isinstance(p, CalendarDaySet):
        what: Msg | str = _DAY_KINDS.get(p.kind) or p.kind
        day = clock.fmt_date(date.fromisoformat(p.day))
        if p.note:
            return (Msg("{day}: {what} — {note}", day=day, what=what, note=p.note),)
        return (Msg("{day}: {what}", day=day, what=what),)
    if isinstance(p, CalendarDayRemoved):
        return (Msg("{day}", day=clock.fmt_date(date.fromisoformat(p.day))),)
    if isinstance(p, SettingsChanged):
        default = Msg("mặc định")
        old: Msg | str = default if p.old is None else f"«{p.old}»"
        new: Msg | str = default if p.new is None else f"«{p.new}»"
        return (Msg("{key}: {old} → {new}", key=p.key, old=old, new=new),)
    if isinstance(p, CatalogImported):
        return (
            Msg(
                "Tệp {file}: {added} thủ tục mới, {updated} thủ tục có phiên bản mới",
                file=p.source,
                added=clock.fmt_int(len(p.added)),
                updated=clock.fmt_int(len(p.updated)),
            ),
        )
    if type(p).KIND.startswith("attachment."):
        return _attachment_details(p)
    return ()


def _attachment_details(p: Payload) -> tuple[Msg, ...]:
    """A scanned file's event in words, read by attribute (the attachment kinds are #10's)."""
    kind = type(p).KIND
    if kind == "attachment.added":
        name, pages = getattr(p, "name", ""), getattr(p, "pages", 0)
        return (Msg("Tệp {name} ({pages} trang)", name=name, pages=clock.fmt_int(int(pages))),)
    if kind == "attachment.rotated":
        page = getattr(p, "page", None)
        degrees = getattr(p, "rotation", 0)
        if page:
            return (Msg("Xoay {degrees}°, trang {page}", degrees=degrees, page=page),)
        return (Msg("Xoay {degrees}°, mọi trang", degrees=degrees),)
    if kind == "attachment.reordered":
        count = clock.fmt_int(len(getattr(p, "order", ())))
        return (Msg("{count} tệp theo thứ tự mới", count=count),)
    return ()


def described_actor(tag: str) -> Msg | None:
    """The phrase that stands for an actor who has no staff account of its own: the CLI operator
    and the citizen filing online (``None`` for anyone else). ``services.dossiers`` names an
    actor by it when no full name is found; the GUI translates it."""
    what, _, who = tag.partition(":")
    if what == "operator":
        return Msg("Người vận hành máy ({who})", who=who)
    if tag == "user:congdan":
        return Msg("Công dân (nộp trực tuyến)")
    return None


def actor_words(tag: str, name: str) -> Msg | None:
    """The translatable phrase behind ``name``, the name ``services.dossiers`` resolved for
    ``tag``, when it is that phrase (``None``: a staff member's own name, shown as it is)."""
    words = described_actor(tag)
    return words if words is not None and name == str(words) else None


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
        note: str | None = None
        try:
            p = parse(ev.kind, ev.payload, station=ev.station_id, seq=ev.seq)
        except ValidationError:
            parts: tuple[Msg, ...] = (Msg("(nội dung sự kiện không đọc được)"),)
        else:
            if p.DOSSIER:
                parts, note = dossier_words._detail_parts(ctx, ev, p)
            else:
                parts = _admin_details(p)
        entries.append(
            LogEntry(
                id=row.id,
                station_id=ev.station_id,
                seq=ev.seq,
                at=clock.parse_iso(ev.at),
                kind=ev.kind,
                actor=ev.actor,
                actor_name=names[ev.actor],
                action_msg=kind_label_msg(ev.kind),
                dossier_code=row.dossier_code or _named_code(ev.payload),
                detail_parts=parts,
                note=note,
                actor_words=actor_words(ev.actor, names[ev.actor]),
            )
        )
    more = len(rows) == limit
    return LogPage(tuple(entries), rows[-1].id if more and rows else None)
