"""The public view: the only data the waiting-room board, the citizen lookup and the published
files are given (issue #13).

:class:`PublicDossier` has no field for a full name, an ID number, a phone, an address or a
birth date: it is built here from the stored row with the name masked
(``domain.privacy.mask_name``), so no screen or file downstream *can* show personal data. The
figures are the dashboard's own (``services.dashboard.Figures`` over ``domain.stats.report``, the
same facts and on-time basis as Biểu 06): one source of truth.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from onestop_desktop.domain import clock
from onestop_desktop.domain.codes import looks_like_dossier_code
from onestop_desktop.domain.privacy import mask_name
from onestop_desktop.domain.stats import DossierFacts, OnTimeBasis, on_time_rate, report
from onestop_desktop.domain.status import Status
from onestop_desktop.domain.text import nfc
from onestop_desktop.services import catalog, settings
from onestop_desktop.services.context import Session
from onestop_desktop.services.dashboard import Figures, _could_count_on, month_of
from onestop_desktop.services.reports import FINAL as _REPORT_FINAL
from onestop_desktop.services.reports import fact as report_fact
from onestop_desktop.store import board as board_rows
from onestop_desktop.store.reports import FactsRow

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


FIGURE_FIELDS = (
    "received",
    "returned_on_time",
    "returned_late",
    "refused",
    "in_progress",
    "overdue",
    "rate_on_time",
    "rate_resolved",
)
"""What one dossier adds to a period's figures (the :class:`Figures` a board shows are sums of
these: ``domain.stats.report`` counts each dossier on its own, and the on-time rate is the ratio
of the last two sums)."""

_Tally = tuple[int, ...]
_ZERO: _Tally = (0,) * len(FIGURE_FIELDS)
OPEN_FOR_REPORTS = tuple(int(s) for s in Status if s not in _REPORT_FINAL)
"""The statuses in which a dossier closed long ago still counts (not final for the reports)."""


def _tally(fact: DossierFacts, start: date, end: date, basis: OnTimeBasis) -> _Tally:
    """The contribution of one dossier to the figures of ``start``–``end``."""
    result = report((fact,), start, end, on_time_basis=basis)
    a, total = result.announced, result.total
    return (
        a.received,
        a.returned_on_time,
        a.returned_late,
        a.refused,
        total.in_progress_total,
        total.in_progress_overdue,
        a.rate_on_time,
        a.rate_resolved,
    )


def _figures_of(start: date, end: date, sums: Sequence[int]) -> Figures:
    v = dict(zip(FIGURE_FIELDS, sums, strict=True))
    return Figures(
        start=start,
        end=end,
        received=v["received"],
        returned_on_time=v["returned_on_time"],
        returned_late=v["returned_late"],
        in_progress=v["in_progress"],
        overdue=v["overdue"],
        refused=v["refused"],
        on_time_rate=on_time_rate(v["rate_on_time"], v["rate_resolved"]),
    )


def _add(sums: list[int], tally: _Tally, sign: int) -> None:
    for i, n in enumerate(tally):
        sums[i] += sign * n


class FigureCache:
    """Today's and the month's figures, kept per dossier so a refresh re-reads only what changed.

    The first read of a day takes every dossier that can count in the month (two index ranges,
    ``store.board.figure_rows``) and keeps each one's contribution (:func:`_tally`); a later
    read takes only the dossiers whose ``updated_at`` moved (``store.board.changed_rows``, on
    the m006 index) and replaces their contributions, so at a million dossiers a refresh after a
    clerk's action costs milliseconds instead of a scan. Every contribution is the dashboard's
    own rule (``domain.stats.report`` of that one dossier), so the sums equal the dashboard's
    figures (a test compares them). The whole set is read again when the day or the on-time
    basis changes, and at least every :attr:`FULL_EVERY` (a restore that replaced the file, a
    change stamped earlier than the last one seen).

    One refresh at a time uses a cache (the board runs one worker at a time); a lock makes that
    safe anyway.
    """

    FULL_EVERY = timedelta(minutes=15)
    SLACK = timedelta(minutes=10)
    """Changes are re-read from this long before the newest one seen (clocks of two counters
    a little apart, events stamped to the second)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key: tuple[date, str] | None = None
        self._built: datetime | None = None
        self._tallies: dict[str, tuple[FactsRow, _Tally, _Tally]] = {}
        self._newest = ""
        self._today: list[int] = []
        self._month: list[int] = []
        self.last_read = 0
        """How many dossiers the last call read (a full read or only the changed ones)."""

    def figures(self, ctx: Session, day: date) -> tuple[Figures, Figures]:
        """Today's (``day``) and the month's figures up to the end of ``day``."""
        with self._lock:
            return self._figures(ctx, day)

    def _figures(self, ctx: Session, day: date) -> tuple[Figures, Figures]:
        basis: OnTimeBasis = settings.value(ctx.store, settings.ON_TIME_BASIS)
        start, _end = month_of(day)
        first = datetime.combine(start, time.min, clock.VN_TZ)
        last = datetime.combine(day, time.max, clock.VN_TZ)
        now = ctx.now()
        key = (day, str(basis))
        full = self._key != key or self._built is None or now - self._built > self.FULL_EVERY
        if full:
            rows = board_rows.figure_rows(
                ctx.store, clock.iso(first), clock.iso(last), OPEN_FOR_REPORTS
            )
            self._tallies = {}
            self._today = [0] * len(FIGURE_FIELDS)
            self._month = [0] * len(FIGURE_FIELDS)
            self._newest = clock.iso(first)  # every later change is stamped after this
            self._key, self._built = key, now
        else:
            since = clock.iso(clock.parse_iso(self._newest) - self.SLACK)
            rows = board_rows.changed_rows(ctx.store, since, clock.iso(last))
        self.last_read = len(rows)
        day_first = datetime.combine(day, time.min, clock.VN_TZ)
        for row in rows:
            known = self._tallies.get(row.id)
            if known is not None and known[0] == row.facts:
                continue  # the same facts (two changes can share a second: not the stamp)
            fact = report_fact(row.facts)
            month = _tally(fact, start, day, basis)
            today = (
                _tally(fact, day, day, basis) if _could_count_on(fact, day_first, last) else _ZERO
            )
            if known is not None:  # replace what it added before
                _add(self._today, known[1], -1)
                _add(self._month, known[2], -1)
            _add(self._today, today, 1)
            _add(self._month, month, 1)
            self._tallies[row.id] = (row.facts, today, month)
            if row.updated_at > self._newest:
                self._newest = row.updated_at
        today_sums, month_sums = self._today, self._month
        return _figures_of(day, day, today_sums), _figures_of(start, day, month_sums)


def figures(ctx: Session, day: date, cache: FigureCache | None = None) -> tuple[Figures, Figures]:
    """Today's and the month's figures, by the dashboard's rules (``domain.stats.report``);
    ``cache``: the board's own, so a refresh re-reads only the dossiers that changed."""
    return (cache or FigureCache()).figures(ctx, day)


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


def snapshot(
    ctx: Session, *, today: date | None = None, cache: FigureCache | None = None
) -> PublicBoard:
    """The whole board as of now (``today``: as of that day, for tests; ``cache``: the
    board's figures cache, see :class:`FigureCache`)."""
    now = ctx.now()
    day = today if today is not None else clock.to_vn(now).date()
    today_fig, month_fig = figures(ctx, day, cache)
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
