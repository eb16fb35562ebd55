"""The SQL of sync bundles (#12): trusted keys, imported bundles, other units' events, acks.

Events imported from another unit's station live in ``sync_events``, keyed by
``(unit_code, station_id, seq)``: station numbers (1–9) repeat in every commune, so a district
holding 124 communes cannot keep them under the ``events`` table's ``(station, seq)`` key. The
rows are the events exactly as the station sealed them (same columns, same canonical payload),
so their hashes verify with :meth:`Event.compute_hash` like the station's own; the table is
append-only (triggers), like ``events``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from typing import Any

from onestop_desktop.domain.events import GENESIS, Event, canonical
from onestop_desktop.store.db import Store

_COLUMNS = "station_id, seq, dossier_id, kind, actor, at, payload, prev_hash, hash"


@dataclass(frozen=True)
class KeyRow:
    """A public key this database trusts."""

    unit_code: str
    station_id: int
    role: str
    public_key: str
    fingerprint: str
    unit_name: str
    registered_at: str
    registered_by: str


@dataclass(frozen=True)
class ImportRow:
    """One bundle imported (its manifest's SHA-256 makes a second import a no-op)."""

    manifest_sha256: str
    unit_code: str
    station_id: int
    first_seq: int
    last_seq: int
    last_hash: str
    created_at: str
    events: int
    file_name: str
    imported_at: str


@dataclass(frozen=True)
class AckRow:
    """An acknowledgement received back from the district."""

    station_id: int
    seq: int
    hash: str
    by_unit: str
    by_fingerprint: str
    acked_at: str
    imported_at: str


_KEY_COLUMNS = (
    "unit_code, station_id, role, public_key, fingerprint, unit_name, registered_at, registered_by"
)


def key_by_public(store: Store, public_key: str) -> KeyRow | None:
    row = store.db.execute(
        f"SELECT {_KEY_COLUMNS} FROM sync_keys WHERE public_key = ?", [public_key]
    ).fetchone()
    return None if row is None else KeyRow(*row)


def key_for(store: Store, unit_code: str, station_id: int, role: str) -> KeyRow | None:
    row = store.db.execute(
        f"SELECT {_KEY_COLUMNS} FROM sync_keys WHERE unit_code = ? AND station_id = ? AND role = ?",
        [unit_code, station_id, role],
    ).fetchone()
    return None if row is None else KeyRow(*row)


def keys(store: Store, role: str | None = None) -> list[KeyRow]:
    sql = f"SELECT {_KEY_COLUMNS} FROM sync_keys"
    params: list[Any] = []
    if role is not None:
        sql += " WHERE role = ?"
        params.append(role)
    rows = store.db.execute(sql + " ORDER BY unit_code, station_id", params).fetchall()
    return [KeyRow(*r) for r in rows]


def insert_key(store: Store, row: KeyRow) -> None:
    store.db.execute(
        f"INSERT INTO sync_keys ({_KEY_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            row.unit_code,
            row.station_id,
            row.role,
            row.public_key,
            row.fingerprint,
            row.unit_name,
            row.registered_at,
            row.registered_by,
        ],
    )


def replace_key(store: Store, row: KeyRow) -> None:
    """Put ``row``'s key in place of the one registered for its unit, station and role (the
    old one is kept as retired by the caller, see :func:`retire_key`)."""
    store.db.execute(
        "UPDATE sync_keys SET public_key = ?, fingerprint = ?, unit_name = ?, registered_at = ?, "
        "registered_by = ? WHERE unit_code = ? AND station_id = ? AND role = ?",
        [
            row.public_key,
            row.fingerprint,
            row.unit_name,
            row.registered_at,
            row.registered_by,
            row.unit_code,
            row.station_id,
            row.role,
        ],
    )


RETIRED_SETTING = "sync_retired_keys"
"""JSON list of the keys replaced by ``register --replace`` (#12 item 3), newest last. A
setting, not a table: ``sync_keys`` holds one key per unit, station and role, and a replaced
key is rare (a lost disk), so a short list beside it is enough and needs no migration."""


@dataclass(frozen=True)
class RetiredKey:
    """A key that was replaced: still good for the bundles it signed before (events up to
    ``since_seq``), never for anything after."""

    unit_code: str
    station_id: int
    role: str
    public_key: str
    fingerprint: str
    registered_at: str
    retired_at: str
    since_seq: int
    """The station's chain head when its new key was made: the last event the old key may
    carry."""
    signed: bool
    """The new key's card was signed by this old key (the old key was still there)."""
    replaced_by: str
    """The fingerprint of the key that replaced it."""


def retired_keys(store: Store) -> list[RetiredKey]:
    raw = json.loads(store.setting(RETIRED_SETTING) or "[]")
    return [RetiredKey(**item) for item in raw if isinstance(item, dict)]


def retired_key(store: Store, public_key: str) -> RetiredKey | None:
    return next((k for k in retired_keys(store) if k.public_key == public_key), None)


def retire_key(store: Store, key: RetiredKey) -> None:
    held = [asdict(k) for k in retired_keys(store) if k.public_key != key.public_key]
    held.append(asdict(key))
    store.set_setting(RETIRED_SETTING, json.dumps(held, ensure_ascii=False, sort_keys=True))


# -- imports --------------------------------------------------------------------------------

_IMPORT_COLUMNS = (
    "manifest_sha256, unit_code, station_id, first_seq, last_seq, last_hash, created_at, events, "
    "file_name, imported_at"
)


def import_by_manifest(store: Store, manifest_sha256: str) -> ImportRow | None:
    row = store.db.execute(
        f"SELECT {_IMPORT_COLUMNS} FROM sync_imports WHERE manifest_sha256 = ?", [manifest_sha256]
    ).fetchone()
    return None if row is None else ImportRow(*row)


def newest_import(store: Store, unit_code: str, station_id: int) -> ImportRow | None:
    """The import whose bundle was *made* last at that station."""
    row = store.db.execute(
        f"SELECT {_IMPORT_COLUMNS} FROM sync_imports WHERE unit_code = ? AND station_id = ? "
        "ORDER BY created_at DESC, id DESC LIMIT 1",
        [unit_code, station_id],
    ).fetchone()
    return None if row is None else ImportRow(*row)


def imports(store: Store) -> list[ImportRow]:
    rows = store.db.execute(f"SELECT {_IMPORT_COLUMNS} FROM sync_imports ORDER BY id").fetchall()
    return [ImportRow(*r) for r in rows]


def insert_import(store: Store, row: ImportRow, imported_by: str) -> None:
    store.db.execute(
        f"INSERT INTO sync_imports ({_IMPORT_COLUMNS}, imported_by) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            row.manifest_sha256,
            row.unit_code,
            row.station_id,
            row.first_seq,
            row.last_seq,
            row.last_hash,
            row.created_at,
            row.events,
            row.file_name,
            row.imported_at,
            imported_by,
        ],
    )


# -- other units' events --------------------------------------------------------------------


def _event(row: tuple[Any, ...]) -> Event:
    payload = json.loads(row[6])
    return Event(
        station_id=int(row[0]),
        seq=int(row[1]),
        dossier_id=row[2],
        kind=str(row[3]),
        actor=str(row[4]),
        at=str(row[5]),
        payload=payload if isinstance(payload, dict) else {"_unreadable": str(row[6])},
        prev_hash=str(row[7]),
        hash=str(row[8]),
    )


def foreign_head(store: Store, unit_code: str, station_id: int) -> tuple[int, str]:
    """The last ``(seq, hash)`` held of another unit's station chain (``(0, GENESIS)``)."""
    row = store.db.execute(
        "SELECT seq, hash FROM sync_events WHERE unit_code = ? AND station_id = ? "
        "ORDER BY seq DESC LIMIT 1",
        [unit_code, station_id],
    ).fetchone()
    return (0, GENESIS) if row is None else (int(row[0]), str(row[1]))


def foreign_hash_at(store: Store, unit_code: str, station_id: int, seq: int) -> str | None:
    row = store.db.execute(
        "SELECT hash FROM sync_events WHERE unit_code = ? AND station_id = ? AND seq = ?",
        [unit_code, station_id, seq],
    ).fetchone()
    return None if row is None else str(row[0])


def foreign_range(
    store: Store, unit_code: str, station_id: int, first: int, last: int
) -> list[Event]:
    """Held events ``first``–``last`` of a chain (to write beside a conflicting bundle)."""
    rows = store.db.execute(
        f"SELECT {_COLUMNS} FROM sync_events WHERE unit_code = ? AND station_id = ? "
        "AND seq BETWEEN ? AND ? ORDER BY seq",
        [unit_code, station_id, first, last],
    ).fetchall()
    return [_event(r) for r in rows]


def insert_foreign(store: Store, unit_code: str, events: Iterable[Event]) -> int:
    """Insert sealed events of ``unit_code``'s stations; the number inserted. Call inside
    ``store.atomic()``; a (unit, station, seq) already held raises (the caller skips those)."""
    rows = [
        (
            unit_code,
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
    ]
    store.db.conn.executemany(
        "INSERT INTO sync_events (unit_code, "
        + _COLUMNS
        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    return len(rows)


def foreign_chains(store: Store) -> list[tuple[str, int, int, str]]:
    """``(unit, station, head seq, head hash)`` of every other unit's chain held."""
    rows = store.db.execute(
        "SELECT e.unit_code, e.station_id, e.seq, e.hash FROM sync_events e JOIN "
        "(SELECT unit_code, station_id, max(seq) AS top FROM sync_events "
        "GROUP BY unit_code, station_id) h ON e.unit_code = h.unit_code "
        "AND e.station_id = h.station_id AND e.seq = h.top ORDER BY 1, 2"
    ).fetchall()
    return [(str(u), int(s), int(q), str(h)) for u, s, q, h in rows]


def iter_foreign(
    store: Store, unit_code: str, station_id: int, after: int = 0, batch: int = 20000
) -> Iterator[Event]:
    """A held chain in ``seq`` order after ``after``, in batches (memory stays flat)."""
    last = after
    while True:
        rows = store.db.execute(
            f"SELECT {_COLUMNS} FROM sync_events WHERE unit_code = ? AND station_id = ? "
            "AND seq > ? ORDER BY seq LIMIT ?",
            [unit_code, station_id, last, batch],
        ).fetchall()
        if not rows:
            return
        for r in rows:
            yield _event(r)
        last = int(rows[-1][1])


def iter_foreign_by_dossier(store: Store) -> Iterator[tuple[str, str, list[Event]]]:
    """Every imported dossier's events as ``(unit, dossier, events)``, each group in
    ``(station, seq)`` order: what a district projection folds (J2's district mode)."""
    cur = store.db.execute(
        "SELECT unit_code, " + _COLUMNS + " FROM sync_events WHERE dossier_id IS NOT NULL "
        "ORDER BY dossier_id, unit_code, station_id, seq"
    )
    key: tuple[str, str] | None = None
    batch: list[Event] = []
    for row in cur:
        this = (str(row[0]), str(row[3]))
        if this != key and batch:
            assert key is not None
            yield key[0], key[1], batch
            batch = []
        key = this
        batch.append(_event(row[1:]))
    if batch and key is not None:
        yield key[0], key[1], batch


def foreign_count(store: Store) -> int:
    return int(store.db.execute("SELECT count(*) FROM sync_events").fetchone()[0])


# -- acknowledgements (station side) --------------------------------------------------------


def insert_ack(store: Store, file_sha256: str, row: AckRow) -> bool:
    """Record an acknowledgement; ``False`` when that very file was recorded already."""
    cur = store.db.execute(
        "INSERT OR IGNORE INTO sync_acks (file_sha256, station_id, seq, hash, by_unit, "
        "by_fingerprint, acked_at, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            file_sha256,
            row.station_id,
            row.seq,
            row.hash,
            row.by_unit,
            row.by_fingerprint,
            row.acked_at,
            row.imported_at,
        ],
    )
    return bool(cur.rowcount)


def last_ack(store: Store, station_id: int) -> AckRow | None:
    """The highest acknowledged seq of ``station_id``'s chain (``None``: never acknowledged)."""
    row = store.db.execute(
        "SELECT station_id, seq, hash, by_unit, by_fingerprint, acked_at, imported_at "
        "FROM sync_acks WHERE station_id = ? ORDER BY seq DESC, id DESC LIMIT 1",
        [station_id],
    ).fetchone()
    return None if row is None else AckRow(*row)


def attachment_hashes_after(store: Store, station_id: int, seq: int) -> list[str]:
    """The SHA-256 of every scanned file an ``attachment.added`` event of ``station_id`` after
    ``seq`` names (what a bundle with scans carries)."""
    rows = store.db.execute(
        "SELECT DISTINCT json_extract(payload, '$.sha256') FROM events WHERE station_id = ? "
        "AND seq > ? AND kind = 'attachment.added' AND json_valid(payload)",
        [station_id, seq],
    ).fetchall()
    return sorted(str(r[0]) for r in rows if isinstance(r[0], str))
