"""The district database's reads and writes (#12 district mode): the imported chains'
dossiers to fold into the ``dossiers`` projection, the registered communes and stations, and
the fold watermark.

The district keeps other units' events in ``sync_events`` (written by ``store/sync.py``); the
worklist, search and reports read the ordinary ``dossiers`` projection, which this module fills
from those events. Dossier ids are UUIDs and codes carry the unit code, so the rows of 124
communes never collide in that one table.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from onestop_desktop.domain.events import Event
from onestop_desktop.store.db import Store

FOLDED_SETTING = "district_folded"
"""JSON ``{"unit/station": seq}``: how far each imported chain has been folded."""

_COLUMNS = "station_id, seq, dossier_id, kind, actor, at, payload, prev_hash, hash"


def _event(row: tuple[Any, ...]) -> Event:
    payload = json.loads(row[6])
    return Event(
        station_id=int(row[0]),
        seq=int(row[1]),
        dossier_id=row[2],
        kind=str(row[3]),
        actor=str(row[4]),
        at=str(row[5]),
        payload=payload if isinstance(payload, dict) else {},
        prev_hash=str(row[7]),
        hash=str(row[8]),
    )


def folded(store: Store) -> dict[tuple[str, int], int]:
    """The fold watermark per ``(unit, station)`` chain."""
    raw = json.loads(store.setting(FOLDED_SETTING) or "{}")
    result: dict[tuple[str, int], int] = {}
    for key, seq in raw.items():
        unit, _, station = str(key).rpartition("/")
        result[(unit, int(station))] = int(seq)
    return result


def set_folded(store: Store, marks: dict[tuple[str, int], int]) -> None:
    body = {f"{u}/{s}": q for (u, s), q in sorted(marks.items())}
    store.set_setting(FOLDED_SETTING, json.dumps(body, sort_keys=True))


def heads(store: Store) -> dict[tuple[str, int], int]:
    """The last seq held of every imported chain.

    Walked chain by chain on the primary key (two index seeks per chain), not with a
    ``GROUP BY`` that reads every row: the fold asks this at every import, and a district
    holds millions of events in a few hundred chains."""
    out: dict[tuple[str, int], int] = {}
    db = store.db
    row = db.execute(
        "SELECT unit_code, station_id FROM sync_events ORDER BY unit_code, station_id LIMIT 1"
    ).fetchone()
    while row is not None:
        unit, station = str(row[0]), int(row[1])
        top = db.execute(
            "SELECT max(seq) FROM sync_events WHERE unit_code = ? AND station_id = ?",
            [unit, station],
        ).fetchone()[0]
        out[(unit, station)] = int(top)
        row = db.execute(
            "SELECT unit_code, station_id FROM sync_events WHERE (unit_code, station_id) > (?, ?) "
            "ORDER BY unit_code, station_id LIMIT 1",
            [unit, station],
        ).fetchone()
    return out


def dossiers_after(store: Store, unit_code: str, station_id: int, seq: int) -> list[str]:
    """The dossiers that events of a chain after ``seq`` touch."""
    rows = store.db.execute(
        "SELECT DISTINCT dossier_id FROM sync_events WHERE unit_code = ? AND station_id = ? "
        "AND seq > ? AND dossier_id IS NOT NULL",
        [unit_code, station_id, seq],
    ).fetchall()
    return [str(r[0]) for r in rows]


def dossier_events(store: Store, unit_code: str, dossier_id: str) -> list[Event]:
    """A dossier's imported events in the order the station's own rebuild folds them
    (``at``, station, seq: a dossier may be touched at two counters of one commune)."""
    rows = store.db.execute(
        f"SELECT {_COLUMNS} FROM sync_events WHERE unit_code = ? AND dossier_id = ? "
        "ORDER BY at, station_id, seq",
        [unit_code, dossier_id],
    ).fetchall()
    return [_event(r) for r in rows]


def events_of_dossiers(
    store: Store, unit_code: str, dossier_ids: list[str]
) -> dict[str, list[Event]]:
    """:func:`dossier_events` of many dossiers of one unit in one query (the fold reads a
    first bundle's 100,000 dossiers in chunks, not one query each); same order per dossier.
    ``+unit_code`` keeps the planner on the dossier index: without statistics it otherwise
    walks the primary key over every event of the unit, once per chunk."""
    if not dossier_ids:
        return {}
    marks = ", ".join("?" * len(dossier_ids))
    rows = store.db.execute(
        f"SELECT {_COLUMNS} FROM sync_events WHERE dossier_id IN ({marks}) AND +unit_code = ? "
        "ORDER BY dossier_id, at, station_id, seq",
        [*dossier_ids, unit_code],
    ).fetchall()
    out: dict[str, list[Event]] = {}
    for r in rows:
        out.setdefault(str(r[2]), []).append(_event(r))
    return out


def projected_ids(store: Store, dossier_ids: list[str]) -> set[str]:
    """Which of ``dossier_ids`` the projection already holds."""
    if not dossier_ids:
        return set()
    marks = ", ".join("?" * len(dossier_ids))
    rows = store.db.execute(f"SELECT id FROM dossiers WHERE id IN ({marks})", dossier_ids)
    return {str(r[0]) for r in rows}


def delete_dossier(store: Store, dossier_id: str) -> None:
    store.db.execute("DELETE FROM dossiers WHERE id = ?", [dossier_id])


@dataclass(frozen=True)
class StationRow:
    """A registered station of a commune, with what the district holds of it."""

    unit_code: str
    unit_name: str
    station_id: int
    fingerprint: str
    registered_at: str
    held_seq: int
    imports: int
    last_import: str | None


def stations(store: Store) -> list[StationRow]:
    """Every registered station (``sync_keys`` role ``station``) and its held chain."""
    rows = store.db.execute(
        "SELECT k.unit_code, k.unit_name, k.station_id, k.fingerprint, k.registered_at, "
        "(SELECT max(seq) FROM sync_events e WHERE e.unit_code = k.unit_code "
        " AND e.station_id = k.station_id), "
        "(SELECT count(*) FROM sync_imports i WHERE i.unit_code = k.unit_code "
        " AND i.station_id = k.station_id), "
        "(SELECT max(imported_at) FROM sync_imports i WHERE i.unit_code = k.unit_code "
        " AND i.station_id = k.station_id) "
        "FROM sync_keys k WHERE k.role = 'station' ORDER BY k.unit_code, k.station_id"
    ).fetchall()
    return [
        StationRow(
            str(r[0]), str(r[1]), int(r[2]), str(r[3]), str(r[4]), int(r[5] or 0), int(r[6]), r[7]
        )
        for r in rows
    ]


def dossier_counts(store: Store) -> dict[str, int]:
    """How many dossiers the projection holds per unit."""
    rows = store.db.execute("SELECT unit_code, count(*) FROM dossiers GROUP BY unit_code")
    return {str(u): int(n) for u, n in rows}


def unit_names(store: Store) -> dict[str, str]:
    """The name each registered unit gave on its key card."""
    rows = store.db.execute(
        "SELECT unit_code, max(unit_name) FROM sync_keys WHERE role = 'station' GROUP BY 1"
    )
    return {str(u): str(n or "") for u, n in rows}


def units_with_dossiers(store: Store) -> list[str]:
    return [
        str(r[0]) for r in store.db.execute("SELECT DISTINCT unit_code FROM dossiers ORDER BY 1")
    ]


def iter_dossier_ids(store: Store) -> Iterator[tuple[str, str]]:
    """``(unit, dossier)`` of every imported dossier (a full refold)."""
    cur = store.db.execute(
        "SELECT DISTINCT unit_code, dossier_id FROM sync_events WHERE dossier_id IS NOT NULL"
    )
    for u, d in cur:
        yield str(u), str(d)


def has_unit(store: Store, unit_code: str) -> bool:
    """Whether the projection holds any dossier of ``unit_code``."""
    row = store.db.execute(
        "SELECT EXISTS (SELECT 1 FROM dossiers WHERE unit_code = ?)", [unit_code]
    ).fetchone()
    return bool(row[0])
