"""The SQL behind chain-head anchors and the checks ``verify`` runs beside the hash chain."""

from __future__ import annotations

from onestop_desktop.store.db import Store


def chain_heads(store: Store) -> list[tuple[int, int, str]]:
    """``(station, seq, hash)`` of the newest event of every station's chain, by station."""
    rows = store.db.execute(
        "SELECT e.station_id, e.seq, e.hash FROM events e "
        "JOIN (SELECT station_id, max(seq) AS top FROM events GROUP BY station_id) h "
        "ON e.station_id = h.station_id AND e.seq = h.top ORDER BY e.station_id"
    ).fetchall()
    return [(int(s), int(q), str(h)) for s, q, h in rows]


def hash_at(store: Store, station: int, seq: int) -> str | None:
    """The hash of event ``seq`` of ``station``'s chain (``None`` when there is no such event)."""
    row = store.db.execute(
        "SELECT hash FROM events WHERE station_id = ? AND seq = ?", [station, seq]
    ).fetchone()
    return None if row is None else str(row[0])


def projection_tops(store: Store) -> list[tuple[int, int]]:
    """``(station, highest seq)`` the dossier projection says it has folded, per station: a
    projection ahead of the chain means events were deleted from its end."""
    rows = store.db.execute(
        "SELECT last_station, max(last_seq) FROM dossiers GROUP BY last_station ORDER BY 1"
    ).fetchall()
    return [(int(s), int(q)) for s, q in rows]


def procedure_rows(store: Store) -> list[tuple[str, int, str, str, str, str, str]]:
    """Every catalogue row: ``(code, version, name, field, data, search_text, created_by)``."""
    rows = store.db.execute(
        "SELECT code, version, name, field, data, search_text, created_by FROM procedures "
        "ORDER BY code, version"
    ).fetchall()
    return [
        (str(a), int(b), str(c), str(d), str(e), str(f), str(g)) for a, b, c, d, e, f, g in rows
    ]
