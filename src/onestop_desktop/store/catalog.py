"""The ``procedures`` table: every version of every procedure (a version is never changed).

Rows come back as :class:`ProcedureRow` (the JSON ``data`` still text): turning them into
``domain.catalog.Procedure`` values is the catalogue service's job.
"""

from __future__ import annotations

from dataclasses import dataclass

from onestop_desktop.store.db import Store


@dataclass(frozen=True)
class ProcedureRow:
    """One stored version: code, version number, the canonical JSON, and the filter columns."""

    code: str
    version: int
    data: str
    search_text: str = ""
    published: bool = True


def _rows(store: Store, sql: str, params: list[object]) -> list[ProcedureRow]:
    cur = store.db.execute(sql, params)
    return [
        ProcedureRow(str(c), int(v), str(d), str(s), bool(p)) for c, v, d, s, p in cur.fetchall()
    ]


_COLS = "code, version, data, search_text, published"


def newest_matching(store: Store, code: str, national: str) -> ProcedureRow | None:
    """The newest version with exactly ``code``, else with the national code ``national``."""
    rows = _rows(
        store,
        f"SELECT {_COLS} FROM procedures WHERE code = ? OR substr(code, 1, 8) = ? "
        "ORDER BY (code = ?) DESC, version DESC LIMIT 1",
        [code, national, code],
    )
    return rows[0] if rows else None


def newest(store: Store, code: str) -> ProcedureRow | None:
    """The newest version of exactly ``code``."""
    rows = _rows(
        store,
        f"SELECT {_COLS} FROM procedures WHERE code = ? ORDER BY version DESC LIMIT 1",
        [code],
    )
    return rows[0] if rows else None


def version(store: Store, code: str, number: int) -> ProcedureRow | None:
    """Version ``number`` of ``code``."""
    rows = _rows(
        store, f"SELECT {_COLS} FROM procedures WHERE code = ? AND version = ?", [code, number]
    )
    return rows[0] if rows else None


def all_versions(store: Store, code: str) -> list[ProcedureRow]:
    """Every version of ``code``, oldest first."""
    return _rows(store, f"SELECT {_COLS} FROM procedures WHERE code = ? ORDER BY version", [code])


def current(store: Store) -> list[ProcedureRow]:
    """The newest version of every procedure, by field then name."""
    return _rows(
        store,
        "SELECT p.code, p.version, p.data, p.search_text, p.published FROM procedures p "
        "JOIN (SELECT code, max(version) AS v FROM procedures GROUP BY code) m "
        "ON p.code = m.code AND p.version = m.v ORDER BY p.field, p.name",
        [],
    )


def insert(
    store: Store,
    *,
    code: str,
    version: int,
    name: str,
    field: str,
    published: bool,
    data: str,
    search_text: str,
    stamp: str,
    actor: str,
) -> None:
    """Store a new version (the primary key refuses a version number used twice)."""
    store.db.execute(
        "INSERT INTO procedures(code, version, name, field, published, data, search_text, "
        "created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [code, version, name, field, int(published), data, search_text, stamp, actor],
    )


def is_empty(store: Store) -> bool:
    """Whether no procedure has been stored yet (a new station)."""
    return store.db.execute("SELECT 1 FROM procedures LIMIT 1").fetchone() is None


def count_current(store: Store) -> int:
    """How many procedures (codes) the catalogue holds."""
    return int(store.db.execute("SELECT count(DISTINCT code) FROM procedures").fetchone()[0])
