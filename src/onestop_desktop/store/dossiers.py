"""The dossiers projection table: write rows derived by ``domain.projection``, read pages.

Pages are keyset queries on ``rid`` (receipt order), so the worklist reads any page of a million
dossiers in the same few milliseconds and never holds more than it shows.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from onestop_desktop.domain import clock
from onestop_desktop.domain.projection import PROJECTED_COLUMNS, Row
from onestop_desktop.store.db import Store, translated_errors

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
    "procedure_name, field, received_at, due_at, status, assignee, finished_at, returned_at, "
    "unit_code"
)


@dataclass(frozen=True)
class PageFilter:
    """The worklist's filters as stored values (``services/search.py`` builds it).

    Every field narrows the rows (AND); ``None`` or empty means "no restriction". Times are ISO
    text as the projection stores them (always ``+07:00``, so text order is time order).

    * ``statuses``: the status is one of these.
    * ``due_from``/``due_before``: the appointment is in ``[due_from, due_before)``.
    * ``assignee``: the dossier is assigned to this user name.
    * ``rid_from``/``rid_before``: received in ``[rid_from, rid_before)`` (``rid`` is the receipt
      moment in microseconds, so a date range is a primary-key range).
    * ``unit_code``: the dossier is of this commune (a district's worklist).
    """

    statuses: tuple[int, ...] = ()
    due_from: str | None = None
    due_before: str | None = None
    assignee: str | None = None
    rid_from: int | None = None
    rid_before: int | None = None
    unit_code: str | None = None

    def is_empty(self) -> bool:
        return self == PageFilter()


def _filter_sql(flt: PageFilter | None, alias: str = "") -> tuple[list[str], list[Any]]:
    """The WHERE terms and parameters of ``flt`` for the ``dossiers`` table (as ``alias``)."""
    where: list[str] = []
    params: list[Any] = []
    if flt is None:
        return where, params
    col = f"{alias}." if alias else ""
    if flt.statuses:
        where.append(f"{col}status IN ({', '.join('?' for _ in flt.statuses)})")
        params.extend(flt.statuses)
    if flt.due_from is not None:
        where.append(f"{col}due_at >= ?")
        params.append(flt.due_from)
    if flt.due_before is not None:
        where.append(f"{col}due_at < ?")
        params.append(flt.due_before)
    if flt.assignee is not None:
        where.append(f"{col}assignee = ?")
        params.append(flt.assignee)
    if flt.rid_from is not None:
        where.append(f"{col}rid >= ?")
        params.append(flt.rid_from)
    if flt.rid_before is not None:
        where.append(f"{col}rid < ?")
        params.append(flt.rid_before)
    if flt.unit_code is not None:
        where.append(f"{col}unit_code = ?")
        params.append(flt.unit_code)
    return where, params


def _words_sql(words: tuple[str, ...], alias: str = "") -> tuple[list[str], list[Any]]:
    """Each folded word must start a word of ``search_text``: the FTS5 prefix rule checked on
    the row itself, for a filter that keeps few rows (walking the FTS matches of a common word
    to find them could read them all). Words are ``[0-9a-z]+``, so they are safe in a GLOB;
    ``[^0-9a-z]`` is any separator, as ``unicode61`` splits the folded text."""
    col = f"{alias}." if alias else ""
    return (
        [f"(' ' || {col}search_text) GLOB ?" for _ in words],
        [f"*[^0-9a-z]{w}*" for w in words],
    )


def page(
    store: Store,
    *,
    before_rid: int | None = None,
    limit: int = 100,
    statuses: list[int] | None = None,
    where: PageFilter | None = None,
    words: tuple[str, ...] = (),
) -> list[dict[str, Any]]:
    """Up to ``limit`` rows newest first, strictly older than ``before_rid`` (keyset paging),
    narrowed by ``where`` (and ``statuses``, the older spelling of ``where.statuses``) and by
    ``words`` (see :func:`_words_sql`)."""
    terms, params = _filter_sql(where)
    more, extra = _words_sql(words)
    terms += more
    params += extra
    if before_rid is not None:
        terms.append("rid < ?")
        params.append(before_rid)
    if statuses:
        terms.append(f"status IN ({', '.join('?' for _ in statuses)})")
        params.extend(statuses)
    sql = f"SELECT {LIST_COLUMNS} FROM dossiers"
    if terms:
        sql += " WHERE " + " AND ".join(terms)
    sql += " ORDER BY rid DESC LIMIT ?"
    params.append(limit)
    return store.query(sql, params)


INDEXED_PREFIX = 3
"""The longest prefix the FTS table indexes (``prefix='1 2 3'``, m001). A query term of up to
three letters reads its own doclist lazily, newest first; a longer prefix (``"nguyen"*``) makes
FTS5 merge the doclists of every term it covers in memory before the first row: ~150 ms at
500,000 dossiers for "nguyen", a third of them (see ``services.search._fts_rows``)."""


def fts_bound(store: Store, match: str, *, before_rid: int | None, walk: int) -> int | None:
    """The ``rowid`` of the ``walk``-th newest match of ``match`` (older than ``before_rid``),
    or ``None`` when there are fewer: a lower bound that keeps a walk over the matches to
    ``walk`` of them. Reads only the doclist (no row)."""
    sql = "SELECT rowid FROM dossier_fts WHERE dossier_fts MATCH ?"
    params: list[Any] = [match]
    if before_rid is not None:
        sql += " AND rowid < ?"
        params.append(before_rid)
    sql += " ORDER BY rowid DESC LIMIT 1 OFFSET ?"
    params.append(walk - 1)
    with translated_errors(store.path):
        row = store.db.execute(sql, params).fetchone()
    return None if row is None else int(row[0])


def fts_page(
    store: Store,
    match: str,
    *,
    before_rid: int | None = None,
    limit: int = 50,
    where: PageFilter | None = None,
    words: tuple[str, ...] = (),
    min_rid: int | None = None,
) -> list[dict[str, Any]]:
    """Rows whose folded search text matches the FTS5 expression, newest first, keyset-paged,
    narrowed by ``where``.

    The FTS doclist is walked in descending rowid (= receipt order) and stops at ``limit``; no
    ``ORDER BY rank``, which would score every match (~80 ms at a million rows). With filters the
    walk joins each match to its row and checks the filters as it goes, so it still stops at
    ``limit`` rows that pass. ``CROSS JOIN`` keeps the FTS walk outside: left to itself the
    planner drives from the status index and runs the MATCH once per row (a second per keystroke
    at 3,000 dossiers). For a filter that keeps only a few rows the service matches those rows
    in Python instead (``services.search``).

    ``words`` are checked on each matched row as well (:func:`_words_sql`), and ``min_rid``
    stops the walk at that ``rowid``: the service walks a short prefix's matches and checks the
    whole words on the rows (see :data:`INDEXED_PREFIX`).
    """
    params: list[Any] = [match]
    if (where is None or where.is_empty()) and not words and min_rid is None:
        sql = "SELECT rowid FROM dossier_fts WHERE dossier_fts MATCH ?"
        if before_rid is not None:
            sql += " AND rowid < ?"
            params.append(before_rid)
        sql += " ORDER BY rowid DESC LIMIT ?"
        params.append(limit)
        outer = f"SELECT {LIST_COLUMNS} FROM dossiers WHERE rid IN ({sql}) ORDER BY rid DESC"
        return store.query(outer, params)
    terms, extra = _filter_sql(where, "d")
    more, checked = _words_sql(words, "d")
    terms += more
    extra += checked
    cols = ", ".join(f"d.{c.strip()}" for c in LIST_COLUMNS.split(","))
    sql = (
        f"SELECT {cols} FROM dossier_fts f CROSS JOIN dossiers d ON d.rid = f.rowid "
        "WHERE dossier_fts MATCH ?"
    )
    if before_rid is not None:
        sql += " AND f.rowid < ?"
        params.append(before_rid)
    if min_rid is not None:
        sql += " AND f.rowid >= ?"
        params.append(min_rid)
    sql += "".join(f" AND {t}" for t in terms) + " ORDER BY f.rowid DESC LIMIT ?"
    return store.query(sql, [*params, *extra, limit])


def filter_bound(store: Store, where: PageFilter, *, walk: int) -> int | None:
    """The ``rid`` of the ``walk``-th newest row ``where`` keeps, or ``None`` when it keeps
    fewer: a window of the newest rows (read through the filter's index, rows not read)."""
    terms, params = _filter_sql(where)
    sql = "SELECT rid FROM dossiers"
    if terms:
        sql += " WHERE " + " AND ".join(terms)
    sql += " ORDER BY rid DESC LIMIT 1 OFFSET ?"
    with translated_errors(store.path):
        row = store.db.execute(sql, [*params, walk - 1]).fetchone()
    return None if row is None else int(row[0])


def count_matching(
    store: Store,
    *,
    match: str | None = None,
    where: PageFilter | None = None,
    words: tuple[str, ...] = (),
    cap: int,
    min_rid: int | None = None,
) -> int:
    """How many rows match ``match`` (an FTS5 expression, or ``None``: every row), ``where``
    and ``words`` (:func:`_words_sql`), counting no further than ``cap`` (so a count per
    keystroke stays cheap at a million rows); ``min_rid`` stops an FTS walk at that ``rowid``
    (:func:`fts_bound`)."""
    terms, params = _filter_sql(where, "d")
    more, extra = _words_sql(words, "d")
    terms += more
    params += extra
    if match is not None and min_rid is not None:
        terms.append("f.rowid >= ?")
        params.append(min_rid)
    if match is not None and not terms:
        inner = "SELECT 1 FROM dossier_fts WHERE dossier_fts MATCH ?"
        params.insert(0, match)
    elif match is not None:
        inner = (
            "SELECT 1 FROM dossier_fts f CROSS JOIN dossiers d ON d.rid = f.rowid "
            "WHERE dossier_fts MATCH ?"
        )
        params.insert(0, match)
    else:
        inner = "SELECT 1 FROM dossiers d WHERE 1"
    inner += "".join(f" AND {t}" for t in terms)
    sql = f"SELECT count(*) FROM ({inner} LIMIT ?)"
    with translated_errors(store.path):
        return int(store.db.execute(sql, [*params, cap]).fetchone()[0])


def time_left_rows(store: Store, ids: list[str]) -> list[dict[str, Any]]:
    """The columns the "time left" of these dossiers needs (only the rows on screen ask)."""
    if not ids:
        return []
    marks = ", ".join("?" for _ in ids)
    return store.query(
        "SELECT id, status, due_at, paused_since, unit_code, procedure_code, "
        f"procedure_version FROM dossiers WHERE id IN ({marks})",
        ids,
    )


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
        # The dossiers of that birth date and procedure by ``dossiers_birth`` (m007): a handful
        # at 1,000,000 dossiers, whatever the history or the backlog; the status and then the
        # folded name are checked on them.
        rows = store.query(
            f"SELECT {LIST_COLUMNS}, applicant_birth_date FROM dossiers INDEXED BY dossiers_birth "
            f"WHERE applicant_birth_date = ? AND procedure_code = ? AND status IN ({marks}) "
            "ORDER BY rid DESC",
            [birth_date, procedure_code, *open_statuses],
        )
        from onestop_desktop.domain.text import fold

        return [r for r in rows if fold(str(r["applicant_name"])) == folded_name]
    return []


_COUNTS: weakref.WeakKeyDictionary[Store, tuple[tuple[int, int], int]] = weakref.WeakKeyDictionary()


def count(store: Store) -> int:
    """How many dossiers the projection holds.

    ``count(*)`` walks a whole index: ~50 ms at a million rows, asked by the worklist's count
    and the status bar at every start and after every write. So the figure is kept with the
    connection's ``(PRAGMA data_version, total_changes)``: the first moves when another
    connection commits, the second when this one changes any row; either means count again
    (never a stale figure; at worst a recount after an unrelated write)."""
    conn = store.db.conn
    stamp = (int(conn.execute("PRAGMA data_version").fetchone()[0]), conn.total_changes)
    kept = _COUNTS.get(store)
    if kept is not None and kept[0] == stamp:
        return kept[1]
    total = int(conn.execute("SELECT count(*) FROM dossiers").fetchone()[0])
    _COUNTS[store] = (stamp, total)
    return total


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


def procedure_usage(store: Store, latest: int) -> dict[str, int]:
    """Procedure code → how many of the ``latest`` newest dossiers (by ``rid``) have it: the
    intake picker's "most used first", read from a keyset slice, never the whole table."""
    rows = store.db.execute(
        "SELECT procedure_code, count(*) FROM "
        "(SELECT procedure_code FROM dossiers ORDER BY rid DESC LIMIT ?) GROUP BY procedure_code",
        [latest],
    )
    return {str(r[0]): int(r[1]) for r in rows}
