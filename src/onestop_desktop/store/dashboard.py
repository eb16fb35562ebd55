"""The read behind the dashboard's overdue list: the dossiers Biểu 06 may count as overdue.

Biểu 06 counts a dossier in column (13), "đang giải quyết, quá hạn", when at the end of the day
it is being resolved (status 2, 4, 5 or 6: a pause for a supplement or fees included) and the
appointment it is judged against (``on_time_basis``: the first one by default, moved by pauses
but not by a Mẫu 04 apology) fell on an earlier day. The dashboard's card shows that number; its
list must show those very dossiers, so it needs their ids, which the report's facts do not carry.

This reads a small superset, by index, for the exact rule to decide on
(``services.dashboard``); the parts (``UNION ALL``, a dossier may come twice, the caller keeps
one):

* open now and due before the day began (``dossiers_status_due``);
* open now, due later, but rescheduled (``reschedule_count > 0``): judged against the first
  appointment it may be overdue while its new one is still ahead (the open dossiers only);
* changed after the day ended (``dossiers_updated``): its status or appointment then may differ
  from now (nothing, for today).

A dossier in none of them was open at the day's end with an appointment not yet passed, or not
open then at all: Biểu 06 cannot count it as overdue.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from onestop_desktop.store.db import Store
from onestop_desktop.store.reports import COLUMNS, FactsRow


def overdue_candidates(
    store: Store, day_start: str, day_end: str, open_statuses: Iterable[int]
) -> Iterator[tuple[str, FactsRow]]:
    """``(dossier id, facts row)`` of every dossier that may be overdue in Biểu 06 at the end
    of the day ``day_start``–``day_end`` (ISO moments), streamed; ids may repeat."""
    marks = ", ".join(str(int(s)) for s in open_statuses)
    sql = (
        f"SELECT id, {COLUMNS} FROM dossiers WHERE status IN ({marks}) AND due_at < :start "
        "AND due_at <> '' AND +received_at <= :end "
        f"UNION ALL SELECT id, {COLUMNS} FROM dossiers WHERE status IN ({marks}) "
        "AND +due_at >= :start AND +reschedule_count > 0 AND +received_at <= :end "
        f"UNION ALL SELECT id, {COLUMNS} FROM dossiers WHERE updated_at > :end "
        "AND +received_at <= :end"
    )
    make = FactsRow._make
    for row in store.db.execute(sql, {"start": day_start, "end": day_end}):
        yield str(row[0]), make(row[1:])
