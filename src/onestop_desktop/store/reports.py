"""The reads behind the reports: the projection's columns the statistics need, nothing else."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from onestop_desktop.store.db import Store


@dataclass(frozen=True)
class FactsRow:
    """The stored text of one dossier's report facts (parsed by ``services/reports.py``)."""

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
    marks = ", ".join(str(int(s)) for s in final_statuses)
    where = f"received_at <= ? AND (updated_at >= ? OR status NOT IN ({marks}))"
    params: list[str] = [last, first]
    if unit_code is not None:
        where += " AND unit_code = ?"
        params.append(unit_code)
    cur = store.db.execute(
        "SELECT status, field, channel, received_at, due_at, finished_at, returned_at, "
        "refusal_reason, history, due_history, "
        "(SELECT json_group_array(r.at) FROM (SELECT e.at FROM events e "
        " WHERE e.dossier_id = dossiers.id AND e.kind = 'rescheduled' "
        " UNION ALL SELECT s.at FROM sync_events s "
        " WHERE s.dossier_id = dossiers.id AND s.kind = 'rescheduled' ORDER BY 1) r) "
        f"FROM dossiers WHERE {where}",
        params,
    )
    for row in cur:
        yield FactsRow(
            int(row[0]),
            str(row[1]),
            str(row[2]),
            str(row[3]),
            row[4] or None,
            row[5] or None,
            row[6] or None,
            row[7],
            str(row[8]),
            str(row[9]),
            str(row[10] or "[]"),
        )


def facts_rows_by_unit(
    store: Store, first: str, last: str, final_statuses: Iterable[int]
) -> Iterator[tuple[str, FactsRow]]:
    """:func:`facts_rows` of every unit in one pass, ``(unit_code, row)`` in unit order: a
    district's Biểu 06 for each of its communes without a scan per commune (#12)."""
    marks = ", ".join(str(int(s)) for s in final_statuses)
    cur = store.db.execute(
        "SELECT status, field, channel, received_at, due_at, finished_at, returned_at, "
        "refusal_reason, history, due_history, "
        "(SELECT json_group_array(r.at) FROM (SELECT e.at FROM events e "
        " WHERE e.dossier_id = dossiers.id AND e.kind = 'rescheduled' "
        " UNION ALL SELECT s.at FROM sync_events s "
        " WHERE s.dossier_id = dossiers.id AND s.kind = 'rescheduled' ORDER BY 1) r), "
        "unit_code FROM dossiers "
        f"WHERE received_at <= ? AND (updated_at >= ? OR status NOT IN ({marks})) "
        "ORDER BY unit_code",
        [last, first],
    )
    for row in cur:
        yield (
            str(row[11]),
            FactsRow(
                int(row[0]),
                str(row[1]),
                str(row[2]),
                str(row[3]),
                row[4] or None,
                row[5] or None,
                row[6] or None,
                row[7],
                str(row[8]),
                str(row[9]),
                str(row[10] or "[]"),
            ),
        )
