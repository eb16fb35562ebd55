"""The public view: the only data the waiting-room board, the citizen lookup and the published
files are given (issue #13).

:class:`PublicDossier` has no field for a full name, an ID number, a phone, an address or a
birth date: it is built here from the stored row with the name masked
(``domain.privacy.mask_name``), so no screen or file downstream *can* show personal data. The
figures are the dashboard's own (``services.dashboard.Figures`` over ``domain.stats.report``, the
same facts and on-time basis as Biểu 06): one source of truth.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from onestop_desktop.domain import clock
from onestop_desktop.domain.codes import looks_like_dossier_code
from onestop_desktop.domain.privacy import mask_name
from onestop_desktop.domain.stats import report
from onestop_desktop.domain.status import Status
from onestop_desktop.domain.text import nfc
from onestop_desktop.services import catalog, settings
from onestop_desktop.services.context import Session
from onestop_desktop.services.dashboard import Figures, _could_count_on, month_of
from onestop_desktop.services.reports import _facts as report_facts
from onestop_desktop.store import board as board_rows

LANE_LIMIT = 300
"""At most this many dossiers per lane (the board pages through them)."""

LANES: tuple[str, ...] = ("received", "in_progress", "ready", "returned")
_IN_PROGRESS = (Status.PROCESSING, Status.SUPPLEMENT_REQUESTED, Status.FINANCIAL_OBLIGATION)
_RECEIVED = (Status.REGISTERED_ONLINE, Status.RECEIVED)


@dataclass(frozen=True)
class PublicDossier:
    """A dossier as the public may see it: by construction no personal data beyond the
    masked name."""

    code: str
    masked_name: str
    procedure: str
    status: int
    status_label: str
    appointment: str
    """The appointment as dd/mm/yyyy hh:mm ("" when there is none)."""


@dataclass(frozen=True)
class PublicProcedure:
    """One published procedure as the list shows it."""

    code: str
    name: str
    field: str
    time_limit: str
    fee: str
    documents: tuple[str, ...]
    where: str
    result: str


@dataclass(frozen=True)
class PublicBoard:
    """Everything the board shows, as of :attr:`at` (built in a worker, shown on the GUI
    thread)."""

    at: datetime
    unit_name: str
    lanes: dict[str, tuple[PublicDossier, ...]]
    today: Figures
    month: Figures
    procedures: tuple[PublicProcedure, ...]


def public_dossier(row: board_rows.BoardRow) -> PublicDossier:
    """The public view of one stored row (the only constructor the services use)."""
    status = Status(row.status)
    appointment = ""
    if row.due_at:
        appointment = clock.fmt_datetime(clock.to_vn(clock.parse_iso(row.due_at)))
    return PublicDossier(
        code=row.code,
        masked_name=mask_name(row.applicant_name),
        procedure=nfc(row.procedure_name),
        status=int(status),
        status_label=status.label,
        appointment=appointment,
    )


def figures(ctx: Session, day: date) -> tuple[Figures, Figures]:
    """Today's and the month's figures, by the dashboard's rules (``domain.stats.report``)."""
    basis = settings.value(ctx.store, settings.ON_TIME_BASIS)
    start, _end = month_of(day)
    facts = tuple(report_facts(ctx, start, day))
    month = report(facts, start, day, on_time_basis=basis)
    first = datetime.combine(day, time.min, clock.VN_TZ)
    last = datetime.combine(day, time.max, clock.VN_TZ)
    part = [f for f in facts if _could_count_on(f, first, last)]
    today = report(part, day, day, on_time_basis=basis)
    return Figures.of(today), Figures.of(month)


def procedures(ctx: Session) -> tuple[PublicProcedure, ...]:
    """The published procedures (newest version of each), in code order."""
    from onestop_desktop.services.slips import office

    where = office(ctx)
    out = []
    for p in catalog.current_procedures(ctx.store, published_only=True):
        if p.fee_text:
            fee = p.fee_text
        elif p.fee_amount:
            fee = clock.fmt_money(p.fee_amount)
        else:
            fee = "Không thu phí"
        out.append(
            PublicProcedure(
                code=p.code,
                name=p.name,
                field=p.field,
                time_limit=p.time_limit.label,
                fee=fee,
                documents=tuple(f"{d.name} ({d.form_label}, {d.count} bản)" for d in p.documents),
                where=where,
                result=p.result,
            )
        )
    return tuple(sorted(out, key=lambda p: p.code))


def lanes(ctx: Session, day: date) -> dict[str, tuple[PublicDossier, ...]]:
    """The day's dossiers by lane: received, in progress, results ready, returned."""
    first = datetime.combine(day, time.min, clock.VN_TZ)
    last = datetime.combine(day, time.max, clock.VN_TZ)
    rows = board_rows.day_rows(
        ctx.store,
        clock.iso(first),
        clock.iso(last),
        int(Status.RESULT_READY),
        int(Status.RETURNED),
        LANE_LIMIT,
    )
    out: dict[str, list[PublicDossier]] = {lane: [] for lane in LANES}
    today_first = clock.iso(first)
    for row in sorted(rows, key=lambda r: r.received_at, reverse=True):
        status = Status(row.status)
        received_today = today_first <= row.received_at <= clock.iso(last)
        if status is Status.RESULT_READY:
            out["ready"].append(public_dossier(row))
        elif status is Status.RETURNED and (row.returned_at or "") >= today_first:
            out["returned"].append(public_dossier(row))
        elif received_today and status in _IN_PROGRESS:
            out["in_progress"].append(public_dossier(row))
        elif received_today and status in _RECEIVED:
            out["received"].append(public_dossier(row))
    return {lane: tuple(items[:LANE_LIMIT]) for lane, items in out.items()}


def snapshot(ctx: Session, *, today: date | None = None) -> PublicBoard:
    """The whole board as of now (``today``: as of that day, for tests)."""
    now = ctx.now()
    day = today if today is not None else clock.to_vn(now).date()
    today_fig, month_fig = figures(ctx, day)
    name = ctx.station.unit_name.strip() or ctx.station.unit_code
    return PublicBoard(now, name, lanes(ctx, day), today_fig, month_fig, procedures(ctx))


def normalise_code(text: str) -> str:
    """The dossier code out of what a reader typed: the code itself, or a QR payload that
    contains it (a URL or text with the code as its last token). "" when there is none."""
    value = nfc(text).strip().upper()
    for token in reversed(value.replace("/", " ").replace("=", " ").replace("?", " ").split()):
        if looks_like_dossier_code(token):
            return token
    return ""


def lookup(ctx: Session, text: str) -> PublicDossier | None:
    """The public view of the dossier a citizen scanned or typed, or ``None``."""
    code = normalise_code(text)
    if not code:
        return None
    row = board_rows.by_code(ctx.store, code)
    return None if row is None else public_dossier(row)
