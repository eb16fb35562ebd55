"""The event log table: append in the caller's transaction, read back, walk the chain."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from onestop_desktop.domain.events import GENESIS, ChainBreak, Event, canonical, verify_chain
from onestop_desktop.store.db import Store

_COLUMNS = "station_id, seq, dossier_id, kind, actor, at, payload, prev_hash, hash"


def _payload(text: Any) -> dict[str, Any]:
    """The stored payload; text that is not a JSON object (an edit with the sqlite3 shell) is
    kept raw, so its hash fails and ``verify`` names the event instead of crashing."""
    try:
        value = json.loads(text)
    except (TypeError, ValueError):
        return {"_unreadable": str(text)}
    return value if isinstance(value, dict) else {"_unreadable": str(text)}


def _row_to_event(row: tuple[Any, ...]) -> Event:
    return Event(
        station_id=int(row[0]),
        seq=int(row[1]),
        dossier_id=row[2],
        kind=str(row[3]),
        actor=str(row[4]),
        at=str(row[5]),
        payload=_payload(row[6]),
        prev_hash=str(row[7]),
        hash=str(row[8]),
    )


def head(store: Store, station_id: int) -> tuple[int, str]:
    """The last ``(seq, hash)`` of a station's chain, ``(0, GENESIS)`` when it is empty."""
    row = store.db.execute(
        "SELECT seq, hash FROM events WHERE station_id = ? ORDER BY seq DESC LIMIT 1", [station_id]
    ).fetchone()
    return (0, GENESIS) if row is None else (int(row[0]), str(row[1]))


def append(
    store: Store,
    *,
    station_id: int,
    dossier_id: str | None,
    kind: str,
    actor: str,
    at: str,
    payload: dict[str, Any],
) -> Event:
    """Seal and insert one event after the station's head. Call inside ``store.atomic()``."""
    seq, prev = head(store, station_id)
    event = Event(station_id, seq + 1, dossier_id, kind, actor, at, payload).sealed(prev)
    insert(store, [event])
    return event


def insert(store: Store, events: list[Event]) -> None:
    """Insert already sealed events (bulk demo data, and later sync import)."""
    store.db.conn.executemany(
        f"INSERT INTO events ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                e.station_id,
                e.seq,
                e.dossier_id,
                e.kind,
                e.actor,
                e.at,
                canonical(e.payload),
                e.prev_hash,
                e.hash,
            )
            for e in events
        ],
    )


def for_dossier(store: Store, dossier_id: str) -> list[Event]:
    """A dossier's history, oldest first (the audit trail the GUI shows)."""
    rows = store.db.execute(
        f"SELECT {_COLUMNS} FROM events WHERE dossier_id = ? ORDER BY at, station_id, seq",
        [dossier_id],
    ).fetchall()
    return [_row_to_event(r) for r in rows]


def iter_by_dossier(store: Store) -> Iterator[tuple[str, list[Event]]]:
    """Every dossier's events, grouped by dossier, each group in ``(station, seq)`` order.

    Streamed over the ``events_dossier`` index, so rebuild's memory stays flat at a million
    dossiers.
    """
    cur = store.db.execute(
        f"SELECT {_COLUMNS} FROM events WHERE dossier_id IS NOT NULL "
        "ORDER BY dossier_id, station_id, seq"
    )
    current: str | None = None
    batch: list[Event] = []
    for row in cur:
        if row[2] != current and batch:
            assert current is not None
            yield current, batch
            batch = []
        current = str(row[2])
        batch.append(_row_to_event(row))
    if batch and current is not None:
        yield current, batch


def iter_station(store: Store, station_id: int, batch: int = 20000) -> Iterator[Event]:
    """A station's events in ``seq`` order, read in batches so memory stays flat."""
    last = 0
    while True:
        rows = store.db.execute(
            f"SELECT {_COLUMNS} FROM events WHERE station_id = ? AND seq > ? ORDER BY seq LIMIT ?",
            [station_id, last, batch],
        ).fetchall()
        if not rows:
            return
        for r in rows:
            yield _row_to_event(r)
        last = int(rows[-1][1])


def stations(store: Store) -> list[int]:
    """Every station that has events in this database."""
    return [
        int(r[0]) for r in store.db.execute("SELECT DISTINCT station_id FROM events ORDER BY 1")
    ]


def verify(store: Store) -> tuple[int, ChainBreak | None]:
    """Walk every station's chain; the number of sound events before the first break (or of
    all events) and that break, if any."""
    checked = 0
    for station_id in stations(store):
        prev = GENESIS
        expected = 1
        chunk: list[Event] = []
        for ev in iter_station(store, station_id):
            chunk.append(ev)
            if len(chunk) >= 20000:
                broken = verify_chain(chunk, prev, expected)
                if broken:
                    return checked + broken.seq - expected, broken
                checked += len(chunk)
                prev, expected = chunk[-1].hash, chunk[-1].seq + 1
                chunk = []
        broken = verify_chain(chunk, prev, expected)
        if broken:
            return checked + broken.seq - expected, broken
        checked += len(chunk)
    return checked, None


def of_kinds(store: Store, kinds: list[str]) -> list[Event]:
    """Every event of the given kinds (the admin kinds are few), in ``(station, seq)`` order."""
    marks = ", ".join("?" for _ in kinds)
    rows = store.db.execute(
        f"SELECT {_COLUMNS} FROM events WHERE kind IN ({marks}) ORDER BY station_id, seq",
        kinds,
    ).fetchall()
    return [_row_to_event(r) for r in rows]


def procedure_snapshots(store: Store) -> list[tuple[str, int, str]]:
    """``(code, version, snapshot JSON)`` of every distinct procedure snapshot the creation
    events carry: what each catalogue version looked like when a dossier was received."""
    rows = store.db.execute(
        "SELECT DISTINCT json_extract(payload, '$.procedure.code'), "
        "json_extract(payload, '$.procedure.version'), json_extract(payload, '$.procedure') "
        "FROM events WHERE kind IN ('received', 'registered_online', 'imported') "
        "AND json_valid(payload) AND json_extract(payload, '$.procedure.version') IS NOT NULL"
    ).fetchall()
    return [(str(c), int(v), str(p)) for c, v, p in rows]


def by_dossier_touched_after(
    store: Store, station_id: int, seq: int
) -> Iterator[tuple[str, list[Event]]]:
    """Every event of each dossier that an event of ``station_id`` after ``seq`` belongs to,
    grouped by dossier in ``(station, seq)`` order: one query for ``verify``'s tail fold."""
    cur = store.db.execute(
        f"SELECT {_COLUMNS} FROM events WHERE dossier_id IN (SELECT dossier_id FROM events "
        "WHERE station_id = ? AND seq > ? AND dossier_id IS NOT NULL) "
        "ORDER BY dossier_id, station_id, seq",
        [station_id, seq],
    )
    current: str | None = None
    batch: list[Event] = []
    for row in cur:
        if row[2] != current and batch:
            assert current is not None
            yield current, batch
            batch = []
        current = str(row[2])
        batch.append(_row_to_event(row))
    if batch and current is not None:
        yield current, batch


def iter_station_after(
    store: Store, station_id: int, after: int, batch: int = 20000
) -> Iterator[Event]:
    """A station's events after seq ``after``, in ``seq`` order, in batches (sync export, #12)."""
    last = after
    while True:
        rows = store.db.execute(
            f"SELECT {_COLUMNS} FROM events WHERE station_id = ? AND seq > ? ORDER BY seq LIMIT ?",
            [station_id, last, batch],
        ).fetchall()
        if not rows:
            return
        for r in rows:
            yield _row_to_event(r)
        last = int(rows[-1][1])
