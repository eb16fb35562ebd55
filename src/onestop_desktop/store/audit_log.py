"""Reading the event log page by page, filtered (the admin's «Nhật ký» screen).

The log can hold millions of rows, so nothing here counts or sorts the whole table: a page is a
keyset query on the rowid, newest first (``WHERE id < ? ORDER BY id DESC LIMIT ?``), which walks
the table (or, for one dossier, the ``events_dossier`` index) backwards and stops as soon as it
has a page. The caller passes back the last id it got to read the next page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from onestop_desktop.domain.events import Event
from onestop_desktop.store.db import Store, translated_errors
from onestop_desktop.store.events import _payload


@dataclass(frozen=True)
class LogFilter:
    """What to look for; every field left empty matches everything.

    ``actors`` are actor tags (``user:lan``, ``operator:root``); ``since``/``until`` are ISO
    moments, ``since`` inclusive and ``until`` exclusive (events are stamped in +07:00, so the
    text compares as the time does).
    """

    actors: tuple[str, ...] = ()
    dossier_id: str | None = None
    kinds: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None


@dataclass(frozen=True)
class LogRow:
    """One event as the log lists it: the event and its dossier's code (``None``: admin act)."""

    id: int
    event: Event
    dossier_code: str | None


def _where(flt: LogFilter, before: int | None) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if before is not None:
        clauses.append("e.id < ?")
        params.append(before)
    if flt.actors:
        clauses.append(f"e.actor IN ({', '.join('?' for _ in flt.actors)})")
        params.extend(flt.actors)
    if flt.dossier_id is not None:
        clauses.append("e.dossier_id = ?")
        params.append(flt.dossier_id)
    if flt.kinds:
        clauses.append(f"e.kind IN ({', '.join('?' for _ in flt.kinds)})")
        params.extend(flt.kinds)
    if flt.since is not None:
        clauses.append("e.at >= ?")
        params.append(flt.since)
    if flt.until is not None:
        clauses.append("e.at < ?")
        params.append(flt.until)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def page(
    store: Store, flt: LogFilter, *, before: int | None = None, limit: int = 100
) -> list[LogRow]:
    """Up to ``limit`` events matching ``flt``, newest first, with ids below ``before``."""
    where, params = _where(flt, before)
    sql = (
        "SELECT e.id, e.station_id, e.seq, e.dossier_id, e.kind, e.actor, e.at, e.payload, "
        "e.prev_hash, e.hash, d.code FROM events e LEFT JOIN dossiers d ON d.id = e.dossier_id"
        f"{where} ORDER BY e.id DESC LIMIT ?"
    )
    with translated_errors(store.path):
        rows = store.db.execute(sql, [*params, int(limit)]).fetchall()
    return [
        LogRow(
            id=int(r[0]),
            event=Event(
                station_id=int(r[1]),
                seq=int(r[2]),
                dossier_id=r[3],
                kind=str(r[4]),
                actor=str(r[5]),
                at=str(r[6]),
                payload=_payload(r[7]),
                prev_hash=str(r[8]),
                hash=str(r[9]),
            ),
            dossier_code=None if r[10] is None else str(r[10]),
        )
        for r in rows
    ]
