"""Reports as data: the service builds them (permission, facts from the store, counting rules
from ``domain/stats.py``); ``reports/`` only renders and writes what it is given.

The GUI's report screen and the CLI call :func:`report06`, then hand the
:class:`Report06Data` to ``reports.report06.render``/``write``.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime

from onestop_desktop.domain import clock
from onestop_desktop.domain.stats import DossierFacts, Report06, report
from onestop_desktop.domain.status import Status
from onestop_desktop.errors import ValidationError
from onestop_desktop.services import settings
from onestop_desktop.services.context import Session, Station
from onestop_desktop.store import reports as report_rows

FINAL = (
    Status.NOT_ACCEPTED,
    Status.WITHDRAWN,
    Status.STOPPED,
    Status.RESULT_READY,
    Status.RETURNED,
)
"""Statuses after which a dossier no longer changes: closed before a period, it cannot count."""


@dataclass(frozen=True)
class Report06Data:
    """Everything the Biểu 06 renderers need: the figures and the unit they are for."""

    report: Report06
    station: Station


def facts(ctx: Session, start: date, end: date, unit: str | None = None) -> Iterator[DossierFacts]:
    """The counting facts of every dossier that can count in the days ``start``–``end``
    (streamed): what :func:`report06`, the dashboard and the public board count. ``unit``: only
    that unit's dossiers (a district database). No permission check: the callers make theirs."""
    first = f"{start.isoformat()}T00:00:00+07:00"
    last = f"{end.isoformat()}T23:59:59+07:00"
    for row in report_rows.facts_rows(ctx.store, first, last, FINAL, unit):
        yield fact(row)


_STATUS = {int(s): s for s in Status}
_VN = clock.VN_TZ
_naive = datetime.fromisoformat


def _moment(text: str) -> datetime:
    """A stored moment (``2025-07-01T08:30:00+07:00``) as an aware datetime in Vietnamese time.

    The same value as ``clock.parse_iso`` at a fraction of its cost for the stored form (a
    year's report parses millions): built on ``VN_TZ`` itself, so the statistics' own
    ``to_vn`` of it is free (``astimezone`` to the zone a datetime already has returns it)."""
    if len(text) == 25 and text.endswith("+07:00"):
        d = _naive(text[:19])
        return datetime(d.year, d.month, d.day, d.hour, d.minute, d.second, 0, _VN)
    return clock.parse_iso(text)


def fact(row: report_rows.FactsRow) -> DossierFacts:
    """The counting facts of one stored row (a moment that appears twice, as the receipt and
    the first status change do, is parsed once)."""
    seen: dict[str, datetime] = {}

    def at(text: str) -> datetime:
        moment = seen.get(text)
        if moment is None:
            moment = seen[text] = _moment(text)
        return moment

    return DossierFacts(
        status=_STATUS.get(row.status) or Status(row.status),
        field=row.field,
        channel=row.channel,
        received_at=at(row.received_at),
        due_at=at(row.due_at) if row.due_at else None,
        finished_at=at(row.finished_at) if row.finished_at else None,
        returned_at=at(row.returned_at) if row.returned_at else None,
        refusal_reason=row.refusal_reason,
        history=tuple(
            (at(t), _STATUS.get(int(s)) or Status(int(s))) for t, s in json.loads(row.history)
        ),
        due_history=tuple((at(t), at(d) if d else None) for t, d in json.loads(row.due_history)),
        reschedules=tuple(at(t) for t in json.loads(row.reschedules)),
    )


def report06_by_unit(
    ctx: Session, start: date, end: date, stations: Callable[[str], Station]
) -> list[Report06Data]:
    """Biểu 06 of every unit a (district) database holds, in one pass over the dossiers;
    ``stations`` names each unit. Each equals :func:`report06` with ``unit=``."""
    ctx.require("reports.view")
    if end < start:
        raise ValidationError("Ngày kết thúc kỳ báo cáo phải không trước ngày bắt đầu", field="to")
    basis = settings.value(ctx.store, settings.ON_TIME_BASIS)
    first = f"{start.isoformat()}T00:00:00+07:00"
    last = f"{end.isoformat()}T23:59:59+07:00"
    out: list[Report06Data] = []
    rows = report_rows.facts_rows_by_unit(ctx.store, first, last, FINAL)
    for code, group in itertools.groupby(rows, key=lambda pair: pair[0]):
        result = report((fact(r) for _, r in group), start, end, on_time_basis=basis)
        if result.consistency_errors:
            raise AssertionError("; ".join(result.consistency_errors))
        out.append(Report06Data(result, stations(code)))
    return out


def report06(ctx: Session, start: date, end: date, *, unit: Station | None = None) -> Report06Data:
    """Biểu 06 for the days ``start``–``end`` inclusive, as it stood at the end of ``end``.

    ``unit``: at a district database, only that commune's dossiers, titled with its name
    (``services/district.py``); without it, every dossier the database holds (a station's own,
    or a district's total)."""
    ctx.require("reports.view")
    if end < start:
        raise ValidationError("Ngày kết thúc kỳ báo cáo phải không trước ngày bắt đầu", field="to")
    basis = settings.value(ctx.store, settings.ON_TIME_BASIS)
    code = unit.unit_code if unit is not None else None
    result = report(facts(ctx, start, end, code), start, end, on_time_basis=basis)
    if result.consistency_errors:  # a bug, never a user error: fail loudly rather than publish
        raise AssertionError("; ".join(result.consistency_errors))
    return Report06Data(result, unit if unit is not None else ctx.station)
