"""The dossiers projection table: write rows derived by ``domain.projection``, read pages.

Pages are keyset queries on ``rid`` (receipt order), so the worklist reads any page of a million
dossiers in the same few milliseconds and never holds more than it shows.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from onestop_desktop.domain import clock
from onestop_desktop.domain.projection import PROJECTED_COLUMNS, Row
from onestop_desktop.store.db import Store

_INSERT_COLS = ("rid", *PROJECTED_COLUMNS)
_INSERT_SQL = (
    f"INSERT INTO dossiers ({', '.join(_INSERT_COLS)}) "
    f"VALUES ({', '.join('?' for _ in _INSERT_COLS)})"
)
_UPDATE_SQL = (
    "UPDATE dossiers SET "
    + ", ".join(f"{c} = ?" for c in PROJECTED_COLUMNS if c != "id")
    + " WHERE id = ?"
)


def rid_for(received_at: str) -> int:
    """The natural sort key for a receipt moment: microseconds since the epoch."""
    return int(clock.parse_iso(received_at).timestamp()) * 1_000_000


def free_rid(store: Store, received_at: str) -> int:
    """A ``rid`` at the receipt moment, nudged past any dossier received the same second."""
    base = rid_for(received_at)
    row = store.db.execute(
        "SELECT max(rid) FROM dossiers WHERE rid >= ? AND rid < ?", [base, base + 1_000_000]
    ).fetchone()
    return base if row[0] is None else int(row[0]) + 1


def insert_rows(store: Store, rows: list[tuple[int, Row]]) -> None:
    """Insert new projection rows with their ``rid``."""
    store.db.conn.executemany(
        _INSERT_SQL, [(rid, *(row[c] for c in PROJECTED_COLUMNS)) for rid, row in rows]
    )


def insert(store: Store, row: Row) -> int:
    """Insert one new dossier row; its ``rid``."""
    rid = free_rid(store, str(row["received_at"]))
    insert_rows(store, [(rid, row)])
    return rid


def update(store: Store, row: Row) -> None:
    """Replace a dossier's projected columns."""
    store.db.execute(_UPDATE_SQL, [*(row[c] for c in PROJECTED_COLUMNS if c != "id"), row["id"]])


def get(store: Store, dossier_id: str) -> Row | None:
    """The row of one dossier by its UUID."""
    rows = store.query("SELECT * FROM dossiers WHERE id = ?", [dossier_id])
    return rows[0] if rows else None


def get_by_code(store: Store, code: str) -> Row | None:
    """The row of one dossier by its code (what the barcode reader types)."""
    rows = store.query("SELECT * FROM dossiers WHERE code = ?", [code.strip().upper()])
    return rows[0] if rows else None


LIST_COLUMNS = (
    "rid, id, code, applicant_name, applicant_id_number, applicant_phone, procedure_code, "
    "procedure_name, field, received_at, due_at, status, assignee, finished_at, returned_at"
)


def page(
    store: Store,
    *,
    before_rid: int | None = None,
    limit: int = 100,
    statuses: list[int] | None = None,
) -> list[dict[str, Any]]:
    """Up to ``limit`` rows newest first, strictly older than ``before_rid`` (keyset paging)."""
    where = []
    params: list[Any] = []
    if before_rid is not None:
        where.append("rid < ?")
        params.append(before_rid)
    if statuses:
        where.append(f"status IN ({', '.join('?' for _ in statuses)})")
        params.extend(statuses)
    sql = f"SELECT {LIST_COLUMNS} FROM dossiers"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY rid DESC LIMIT ?"
    params.append(limit)
    return store.query(sql, params)


def fts_page(
    store: Store, match: str, *, before_rid: int | None = None, limit: int = 50
) -> list[dict[str, Any]]:
    """Rows whose folded search text matches the FTS5 expression, newest first, keyset-paged.

    The FTS doclist is walked in descending rowid (= receipt order) and stops at ``limit``; no
    ``ORDER BY rank``, which would score every match (~80 ms at a million rows).
    """
    params: list[Any] = [match]
    sql = "SELECT rowid FROM dossier_fts WHERE dossier_fts MATCH ?"
    if before_rid is not None:
        sql += " AND rowid < ?"
        params.append(before_rid)
    sql += " ORDER BY rowid DESC LIMIT ?"
    params.append(limit)
    outer = f"SELECT {LIST_COLUMNS} FROM dossiers WHERE rid IN ({sql}) ORDER BY rid DESC"
    return store.query(outer, params)


def open_duplicates(
    store: Store,
    *,
    id_number: str | None,
    procedure_code: str,
    folded_name: str | None,
    birth_date: str | None,
    open_statuses: list[int],
) -> list[dict[str, Any]]:
    """Open dossiers of the same person for the same procedure (the duplicate check)."""
    marks = ", ".join("?" for _ in open_statuses)
    if id_number:
        return store.query(
            f"SELECT {LIST_COLUMNS} FROM dossiers WHERE applicant_id_number = ? "
            f"AND procedure_code = ? AND status IN ({marks}) ORDER BY rid DESC",
            [id_number, procedure_code, *open_statuses],
        )
    if folded_name and birth_date:
        quoted = " ".join(f'"{t}"' for t in folded_name.split())
        rows = store.query(
            f"SELECT {LIST_COLUMNS}, applicant_birth_date, search_text FROM dossiers WHERE rid IN "
            "(SELECT rowid FROM dossier_fts WHERE dossier_fts MATCH ?) "
            f"AND applicant_birth_date = ? AND procedure_code = ? AND status IN ({marks}) "
            "ORDER BY rid DESC",
            [quoted, birth_date, procedure_code, *open_statuses],
        )
        from onestop_desktop.domain.text import fold

        return [r for r in rows if fold(str(r["applicant_name"])) == folded_name]
    return []


def count(store: Store) -> int:
    """How many dossiers the projection holds."""
    return int(store.db.execute("SELECT count(*) FROM dossiers").fetchone()[0])


def count_by_status(store: Store) -> dict[int, int]:
    """How many dossiers are in each status (status number → count), lowest status first."""
    rows = store.db.execute("SELECT status, count(*) FROM dossiers GROUP BY status ORDER BY 1")
    return {int(r[0]): int(r[1]) for r in rows}


def ids_and_codes(store: Store) -> Iterator[tuple[str, str]]:
    """Every dossier's ``(id, code)``, streamed (rebuild looks for rows no event explains)."""
    for r in store.db.execute("SELECT id, code FROM dossiers"):
        yield str(r[0]), str(r[1])


def delete(store: Store, dossier_id: str) -> None:
    """Remove a projection row (only rebuild does, for a row without events)."""
    store.db.execute("DELETE FROM dossiers WHERE id = ?", [dossier_id])


def issued_codes(store: Store, station: int, unit_code: str) -> Iterator[tuple[str, str]]:
    """``(code, received_at)`` of every dossier of ``station`` with a code of ``unit_code``."""
    prefix = f"{unit_code}-"
    yield from (
        (str(r[0]), str(r[1]))
        for r in store.db.execute(
            "SELECT code, received_at FROM dossiers WHERE station_id = ? AND code >= ? "
            "AND code < ?",
            [station, prefix, prefix + "\uffff"],
        )
    )
