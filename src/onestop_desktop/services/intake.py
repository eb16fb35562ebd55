"""What the intake form shows before it saves: the appointment and fee of a procedure picked now
(or at a paper receipt's real time), the procedures most used first, and the paper-fallback
window.

Why a module of its own: the form asks for the appointment at every pick and every change of a
paper receipt's time, and it must be the very appointment ``services.dossiers.receive`` will
write. Both call :func:`appointment` here, so the rule lives in one place (``domain.calendar.due``
over the station's working calendar).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from onestop_desktop.domain import clock
from onestop_desktop.domain.calendar import WorkCalendar, due
from onestop_desktop.domain.catalog import Procedure
from onestop_desktop.errors import ValidationError
from onestop_desktop.services import calendar as calendar_service
from onestop_desktop.services import catalog as catalog_service
from onestop_desktop.services import settings
from onestop_desktop.services.context import Session
from onestop_desktop.store import dossiers as dossier_rows

USAGE_SAMPLE = 5000
"""How many of the latest dossiers "most used" counts over: what this counter receives now,
read in a few milliseconds even at a million dossiers (a keyset slice of the newest rows)."""


def procedure(ctx: Session, code: str) -> Procedure:
    """The newest version of procedure ``code`` (``services.catalog.current_procedure``), kept
    by the store until the catalogue is written here or by any other connection
    (:meth:`Store.cached`): parsing and checking a version's JSON at every save and every pick
    was a third of an intake's own CPU time (#9). The key is the code as typed; an unknown
    code is never kept (its :class:`NotFound` is raised each time)."""
    return ctx.store.cached(
        ("intake.procedure", code),
        ("procedures",),
        lambda: catalog_service.current_procedure(ctx.store, code),
    )


def appointment(procedure: Procedure, received: datetime, cal: WorkCalendar) -> datetime:
    """The appointment of a dossier of ``procedure`` received at ``received`` (the one rule)."""
    return due(received, procedure.time_limit, cal)


@dataclass(frozen=True)
class Preview:
    """What the form shows live once a procedure is picked."""

    procedure_code: str
    procedure_name: str
    received_at: datetime
    appointment: datetime
    appointment_text: str
    """``dd/mm/yyyy HH:MM``."""
    fee_amount: int | None
    fee_text: str
    """The amount written the Vietnamese way (``8.000 đ``, ``Miễn phí``) or the catalogue's own
    words when the fee is set elsewhere (HĐND tỉnh)."""
    time_limit_text: str


def fee_text(procedure: Procedure) -> str:
    """The fee as the form and the receipt say it."""
    if procedure.fee_amount is None:
        return procedure.fee_text or "Theo quy định"
    if procedure.fee_amount == 0:
        return "Miễn phí"
    return clock.fmt_money(procedure.fee_amount)


def preview(ctx: Session, procedure_code: str, at: datetime | None = None) -> Preview:
    """The appointment and fee for ``procedure_code`` received at ``at`` (default: now)."""
    ctx.require("dossiers.view")
    picked = procedure(ctx, procedure_code)
    received = at if at is not None else ctx.now()
    cal = calendar_service.load_calendar(ctx.store, years=[received.year])
    when = appointment(picked, received, cal)
    limit = picked.time_limit
    return Preview(
        procedure_code=picked.code,
        procedure_name=picked.name,
        received_at=received,
        appointment=when,
        appointment_text=clock.fmt_datetime(when),
        fee_amount=picked.fee_amount,
        fee_text=fee_text(picked),
        time_limit_text=limit.label_for(cal.hours),
    )


def usage_counts(ctx: Session) -> dict[str, int]:
    """Procedure code → how many of the latest :data:`USAGE_SAMPLE` dossiers it had."""
    ctx.require("dossiers.view")
    return dossier_rows.procedure_usage(ctx.store, USAGE_SAMPLE)


def procedures_by_use(ctx: Session) -> list[tuple[Procedure, int]]:
    """The published procedures, most used first (then by field and name, the catalogue's own
    order), each with its count: the intake picker's list."""
    counts = usage_counts(ctx)
    listed = catalog_service.current_procedures(ctx.store, published_only=True)
    order = {p.code: i for i, p in enumerate(listed)}
    listed.sort(key=lambda p: (-counts.get(p.code, 0), order[p.code]))
    return [(p, counts.get(p.code, 0)) for p in listed]


# ------------------------------------------------------------------------ paper fallback


def working_days_since(cal: WorkCalendar, day: date, today: date) -> int:
    """Working days after ``day`` up to and including ``today`` (0 for today itself)."""
    count = 0
    current = day + timedelta(days=1)
    while current <= today:
        if cal.is_working_day(current):
            count += 1
        current += timedelta(days=1)
    return count


def check_paper_time(ctx: Session, received: datetime, cal: WorkCalendar) -> datetime:
    """A paper receipt's real time, checked: not in the future, and no more working days ago
    than the ``paper_entry_days`` setting allows. Returns it in Vietnam time."""
    received = clock.to_vn(received)
    now = ctx.now()
    if received > now:
        raise ValidationError(
            "Thời điểm tiếp nhận trên giấy ({when}) chưa tới: hãy nhập đúng ngày giờ ghi trên "
            "phiếu",
            field="received_at",
            when=clock.fmt_datetime(received),
        )
    limit = settings.value(ctx.store, settings.PAPER_ENTRY_DAYS)
    elapsed = working_days_since(cal, received.date(), clock.to_vn(now).date())
    if elapsed > limit:
        raise ValidationError(
            "Hồ sơ giấy tiếp nhận ngày {day} đã quá {limit} ngày làm việc (đã qua {elapsed} "
            "ngày), không nhập bổ sung được nữa; hỏi quản trị nếu cần đổi thiết lập "
            "paper_entry_days",
            field="received_at",
            day=clock.fmt_date(received),
            limit=limit,
            elapsed=elapsed,
        )
    return received


def check_paper(ctx: Session, received: datetime) -> datetime:
    """:func:`check_paper_time` with the station's calendar: what the form checks live, the
    same check ``receive`` makes."""
    ctx.require("dossiers.view")
    cal = calendar_service.load_calendar(ctx.store, years=[received.year])
    return check_paper_time(ctx, received, cal)
