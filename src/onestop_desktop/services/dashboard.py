"""The dashboard's data: today's and this month's figures, a chart by day and by field, and the
due-today and overdue lists.

No second formula: every figure comes from ``domain.stats.report`` over the same facts
``services.reports.report06`` reads (the same on-time basis setting), so the dashboard and Biểu
06 for the same days always agree (a test checks it on the demo database):

* received, returned on time, refused and the on-time rate are the *announced* figures
  (``Report06.announced``: dossiers received in the period; the rate is the Biểu 06 rate);
* in progress and overdue are Biểu 06 columns (11) and (13) of the total as of the period's end
  (every dossier still being resolved, carried over included; overdue by the appointment date).

The two lists are worklist rows (:class:`DossierSummary`), so a row opens its dossier:

* due today: the worklist's "due today" filter (``services.search``);
* overdue: exactly the dossiers the "Quá hạn" card counts, Biểu 06 column (13) as of the
  day's end (:func:`overdue_list`). The centre's head reads the card as the figure that goes
  into the report and the list as "which ones are they", so the two must be the same dossiers,
  and the card must stay the official figure. The worklist's own "Quá hạn" filter is a
  different, counter-side question (the appointment hour has passed and the clock runs now:
  a dossier paused for a supplement is not late for the clerk, and one due at 08:00 today is
  late at 10:00), so it may show other dossiers; the dashboard's list says which rule it uses.
"""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from onestop_desktop.domain import clock
from onestop_desktop.domain.stats import (
    PAUSED_IN_11,
    DossierFacts,
    OnTimeBasis,
    Report06,
    period_bounds,
    report,
)
from onestop_desktop.domain.status import IN_PROGRESS
from onestop_desktop.errors import ValidationError
from onestop_desktop.services import reports as report_service
from onestop_desktop.services import search, settings
from onestop_desktop.services.context import Session
from onestop_desktop.services.reports import FINAL
from onestop_desktop.services.reports import facts as report_facts
from onestop_desktop.services.search import Filters
from onestop_desktop.services.views import DossierSummary
from onestop_desktop.store import dashboard as dashboard_rows
from onestop_desktop.store import dossiers as dossier_rows

CHART_DAYS = 30
"""The chart by day shows this many days up to today (a month-to-date chart would show one bar
on the 1st)."""

LIST_LIMIT = 200
"""At most this many rows in each list (the count beside it says how many there are)."""


@dataclass(frozen=True)
class Figures:
    """The headline figures of one period (see the module docstring for where each comes from)."""

    start: date
    end: date
    received: int
    returned_on_time: int
    returned_late: int
    in_progress: int
    overdue: int
    refused: int
    on_time_rate: Decimal | None

    @classmethod
    def of(cls, result: Report06) -> Figures:
        announced = result.announced
        return cls(
            start=result.start,
            end=result.end,
            received=announced.received,
            returned_on_time=announced.returned_on_time,
            returned_late=announced.returned_late,
            in_progress=result.total.in_progress_total,
            overdue=result.total.in_progress_overdue,
            refused=announced.refused,
            on_time_rate=announced.on_time_rate,
        )


@dataclass(frozen=True)
class DayBar:
    """One day of the chart: dossiers received (announced), and resolved (Biểu 06 column 7)."""

    day: date
    received: int
    resolved: int


@dataclass(frozen=True)
class FieldBar:
    """One field (lĩnh vực) of the month's chart (Biểu 06 row of that field)."""

    field: str
    received: int
    resolved: int
    in_progress: int
    overdue: int


@dataclass(frozen=True)
class Dashboard:
    """Everything the dashboard shows, as of :attr:`at`."""

    at: datetime
    today: Figures
    month: Figures
    by_day: tuple[DayBar, ...]
    by_field: tuple[FieldBar, ...]
    due_today: tuple[DossierSummary, ...]
    due_today_count: int
    overdue: tuple[DossierSummary, ...]
    overdue_count: int
    overdue_judged: tuple[datetime, ...] = ()
    """For each row of :attr:`overdue`, the appointment Biểu 06 judged it against (the first
    one when a Mẫu 04 apology moved it: ``on_time_basis``), which may be earlier than the
    dossier's current ``due_at``."""


def _could_count_on(fact: DossierFacts, first: datetime, last: datetime) -> bool:
    """A cheap superset of the dossiers ``report`` can count for the day ``first``–``last``:
    received by its end, and not already in a status that never changes again (3, 7, 8, 9, 10)
    since before it began. ``report`` then applies the exact rules to what is left."""
    if fact.received_at > last:
        return False
    return not (fact.status in FINAL and fact.history and fact.history[-1][0] < first)


def month_of(day: date) -> tuple[date, date]:
    """The first and the last day of ``day``'s month."""
    return day.replace(day=1), day.replace(day=monthrange(day.year, day.month)[1])


def overdue_list(ctx: Session, day: date, basis: OnTimeBasis) -> list[tuple[datetime, str]]:
    """``(judged appointment, dossier id)`` of every dossier Biểu 06 counts as overdue at the
    end of ``day`` (column 13), most overdue first: what the dashboard's card counts.

    The rule is not written again here: each candidate (``store.dashboard``) is put through
    ``domain.stats.report`` for that one day, the very function the card's figure comes from.
    """
    first, last = period_bounds(day, day)
    open_now = sorted(int(s) for s in IN_PROGRESS | PAUSED_IN_11)
    seen: set[str] = set()
    out: list[tuple[datetime, str]] = []
    for dossier_id, row in dashboard_rows.overdue_candidates(
        ctx.store, clock.iso(first), clock.iso(last), open_now
    ):
        if dossier_id in seen:
            continue
        seen.add(dossier_id)
        fact = report_service.fact(row)
        if report((fact,), day, day, on_time_basis=basis).total.in_progress_overdue:
            judged = fact.judged_due(last, basis)
            assert judged is not None  # overdue means an appointment passed
            out.append((judged, dossier_id))
    out.sort()
    return out


def build(ctx: Session, *, today: date | None = None, list_limit: int = LIST_LIMIT) -> Dashboard:
    """The dashboard as of now (``today``: as of the end of that day, for tests and reruns)."""
    ctx.require("reports.view")
    now = ctx.now()
    day = today if today is not None else clock.to_vn(now).date()
    if day > clock.to_vn(now).date():
        raise ValidationError(
            "Ngày xem tổng quan ({day}) chưa tới", field="today", day=clock.fmt_date(day)
        )
    basis = settings.value(ctx.store, settings.ON_TIME_BASIS)
    start, _end = month_of(day)
    chart_start = day - timedelta(days=CHART_DAYS - 1)
    # One read of the facts; the month's and today's figures and each day's bar are the same
    # rule (domain.stats.report) over the part of them that can count.
    facts = tuple(report_facts(ctx, min(start, chart_start), day))
    month = report(facts, start, day, on_time_basis=basis)
    bars: list[DayBar] = []
    today_report = month
    current = chart_start
    while current <= day:
        first = datetime.combine(current, time.min, clock.VN_TZ)
        last = datetime.combine(current, time.max, clock.VN_TZ)
        part = [f for f in facts if _could_count_on(f, first, last)]
        result = report(part, current, current, on_time_basis=basis)
        bars.append(DayBar(current, result.announced.received, result.total.resolved_total))
        if current == day:
            today_report = result
        current += timedelta(days=1)
    by_field = tuple(
        FieldBar(
            row.field,
            row.received_total,
            row.resolved_total,
            row.in_progress_total,
            row.in_progress_overdue,
        )
        for row in month.rows
    )
    due = search.worklist_page(ctx, limit=list_limit, filters=Filters(due_today=True))
    overdue = overdue_list(ctx, day, basis)
    late: list[DossierSummary] = []
    judged_at: list[datetime] = []
    for judged, dossier_id in overdue[:list_limit]:
        found = dossier_rows.get(ctx.store, dossier_id)
        if found is not None:
            late.append(DossierSummary.from_row(found))
            judged_at.append(judged)
    return Dashboard(
        at=now,
        today=Figures.of(today_report),
        month=Figures.of(month),
        by_day=tuple(bars),
        by_field=by_field,
        due_today=tuple(due),
        due_today_count=search.count_matching(ctx, "", Filters(due_today=True)),
        overdue=tuple(late),
        overdue_count=len(overdue),
        overdue_judged=tuple(judged_at),
    )
