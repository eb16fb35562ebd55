"""The reads behind the reports: the projection's columns the statistics need, nothing else.

A period's facts are the dossiers received by its end and not closed before its start. Read as
one ``WHERE received_at <= ? AND (updated_at >= ? OR status NOT IN (final))`` that is a walk of
the whole table at any period (the ``OR`` keeps every index out) with, for each row, a look-up of
its ``rescheduled`` events in ``events`` and ``sync_events``. It is read instead as two disjoint
halves the indexes serve, ``UNION ALL``:

* changed since the start (``dossiers_updated``, m006), received by the end;
* not changed since the start but still open (``dossiers_status``: only open statuses), received
  by the end.

A dossier closed before the start was last changed before it, so it is in neither half; every
other one is in exactly one. The reschedule moments are looked up only where the projection
counts a rescheduling (``reschedule_count > 0``: the fold of each ``rescheduled`` event adds one,
at a station and at a district alike), a few percent of the dossiers. Rows are streamed, never
all held. ``tests/unit/test_report_facts.py`` compares the result with the plain query.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import NamedTuple

from onestop_desktop.domain.status import Status
from onestop_desktop.store.db import Store


class FactsRow(NamedTuple):
    """The stored text of one dossier's report facts (parsed by ``services/reports.py``).

    A named tuple, not a dataclass: a year's Biểu 06 at a million dossiers makes half a million
    of them, straight from the cursor's tuples."""

    status: int
    field: str
    channel: str
    received_at: str
    due_at: str | None
    finished_at: str | None
    returned_at: str | None
    refusal_reason: str | None
    history: str
    due_history: str
    reschedules: str = "[]"
    """JSON list of the moments of this dossier's ``rescheduled`` (Mẫu 04) events."""


RESCHEDULES = (
    "CASE WHEN reschedule_count > 0 THEN "
    "(SELECT json_group_array(r.at) FROM (SELECT e.at FROM events e "
    " WHERE e.dossier_id = dossiers.id AND e.kind = 'rescheduled' "
    " UNION ALL SELECT s.at FROM sync_events s "
    " WHERE s.dossier_id = dossiers.id AND s.kind = 'rescheduled' ORDER BY 1) r) "
    "ELSE '[]' END"
)
"""The moments of a dossier's ``rescheduled`` events (its own station's and those imported
from others), oldest first, as a JSON list; looked up only where the projection counts one."""

COLUMNS = (
    "status, field, channel, received_at, NULLIF(due_at, ''), NULLIF(finished_at, ''), "
    f"NULLIF(returned_at, ''), refusal_reason, history, due_history, {RESCHEDULES}"
)
"""The columns of :class:`FactsRow`, in its order (an empty moment read as none)."""


def open_statuses(final_statuses: Iterable[int]) -> list[int]:
    """Every status not in ``final_statuses``: the ones a dossier can still leave."""
    final = {int(s) for s in final_statuses}
    return [int(s) for s in Status if int(s) not in final]


def facts_sql(final_statuses: Iterable[int], extra: str = "", where: str = "") -> str:
    """The two halves of a period's facts (see the module docstring), each selecting
    :data:`COLUMNS` and then ``extra`` columns, filtered further by ``where`` (``AND …``).
    Parameters ``:first`` and ``:last`` are the period's ISO moments. The unary ``+`` keeps a
    term off an index: with no statistics (no ANALYZE) the planner would otherwise walk
    ``dossiers_received`` over every dossier received "by the end"."""
    marks = ", ".join(str(s) for s in open_statuses(final_statuses))
    cols = f"{COLUMNS}{extra}"
    return (
        f"SELECT {cols} FROM dossiers WHERE updated_at >= :first AND +received_at <= :last"
        f"{where} UNION ALL "
        f"SELECT {cols} FROM dossiers WHERE status IN ({marks}) AND +updated_at < :first "
        f"AND +received_at <= :last{where}"
    )


def facts_rows(
    store: Store,
    first: str,
    last: str,
    final_statuses: Iterable[int],
    unit_code: str | None = None,
) -> Iterator[FactsRow]:
    """Every dossier that can count between ``first`` and ``last`` (ISO moments): received by
    the end and not already closed (one of ``final_statuses``) before the start. Rows are
    streamed, never all held at once. ``unit_code``: only that unit's dossiers (a district
    database holds every commune's; their events are in ``sync_events``, #12)."""
    params = {"first": first, "last": last, "unit": unit_code}
    where = " AND +unit_code = :unit" if unit_code is not None else ""
    make = FactsRow._make
    for row in store.db.execute(facts_sql(final_statuses, where=where), params):
        yield make(row)


def facts_rows_by_unit(
    store: Store, first: str, last: str, final_statuses: Iterable[int]
) -> Iterator[tuple[str, FactsRow]]:
    """:func:`facts_rows` of every unit in one pass, ``(unit_code, row)`` in unit order: a
    district's Biểu 06 for each of its communes without a scan per commune (#12)."""
    sql = facts_sql(final_statuses, extra=", unit_code") + " ORDER BY unit_code"
    make = FactsRow._make
    for row in store.db.execute(sql, {"first": first, "last": last}):
        yield str(row[11]), make(row[:11])
