"""The schema guard: a database is only opened when its schema is exactly the one our migrations
build. A backup is data, not code: a trigger or view someone added to a file (or a guard trigger
dropped from it) runs or stops running inside *our* writes, so such a file is refused before the
first write touches it.

The expected schema is built once per process and per set of applied migrations: the migrations
are applied to an in-memory database and its ``sqlite_master`` is read (type, name, table,
whitespace-normalised SQL). A database of an older schema is compared with the migrations *it*
has applied, before it is migrated forward.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from onestop_desktop.errors import Msg, StorageError
from onestop_desktop.store.migrations import MIGRATIONS

#: Tables SQLite itself may add (``ANALYZE`` statistics, AUTOINCREMENT counters): data, not code,
#: and never created by a statement an attacker can put in the file (names ``sqlite_`` are
#: reserved), so they are left out of the comparison.
_SQLITE_INTERNAL = re.compile(r"sqlite_(stat\d|sequence)$")

_KIND_LABELS: dict[str, Msg] = {
    "table": Msg("bảng"),
    "index": Msg("chỉ mục"),
    "trigger": Msg("trigger"),
    "view": Msg("khung nhìn (view)"),
}


@dataclass(frozen=True, order=True)
class SchemaObject:
    """One row of ``sqlite_master`` as compared: its SQL with whitespace collapsed."""

    type: str
    name: str
    tbl_name: str
    sql: str


@dataclass(frozen=True)
class SchemaDifference:
    """One object that is extra, missing or defined otherwise than our migrations make it."""

    change: str
    """``"extra"``, ``"missing"`` or ``"altered"``."""
    type: str
    name: str
    tbl_name: str

    def message(self) -> Msg:
        """The difference in words (Vietnamese, translated with the error)."""
        kind = _KIND_LABELS.get(self.type, Msg("đối tượng"))
        if self.change == "extra":
            return Msg(
                "thừa {kind} «{name}» (trên {table})",
                kind=kind,
                name=self.name,
                table=self.tbl_name,
            )
        if self.change == "missing":
            return Msg(
                "thiếu {kind} «{name}» (trên {table})",
                kind=kind,
                name=self.name,
                table=self.tbl_name,
            )
        return Msg(
            "{kind} «{name}» (trên {table}) bị sửa định nghĩa",
            kind=kind,
            name=self.name,
            table=self.tbl_name,
        )

    def technical(self) -> str:
        """One line for ``detail``: ``+``/``-``/``~`` type name ON table."""
        sign = {"extra": "+", "missing": "-"}.get(self.change, "~")
        return f"{sign} {self.type} {self.name} ON {self.tbl_name}"


def _normalise(sql: str | None) -> str:
    """Whitespace runs collapsed to one space (``str.split`` is ~10× faster than a regex)."""
    return " ".join((sql or "").split())


def read_schema(conn: sqlite3.Connection) -> frozenset[SchemaObject]:
    """The schema objects of the main database of ``conn`` (SQLite's internal stats left out)."""
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM main.sqlite_master").fetchall()
    return frozenset(
        SchemaObject(str(t), str(n), str(tb), _normalise(s))
        for t, n, tb, s in rows
        if not _SQLITE_INTERNAL.match(str(n))
    )


class _ScriptDatabase(sqlite_utils.Database):
    """An in-memory database whose ``executescript`` is SQLite's own: sqlite-utils splits a
    script statement by statement in Python (~60 ms for our migrations), SQLite takes ~2 ms.
    The stored SQL is the statements' text either way (a unit test compares the two)."""

    def executescript(self, sql: str) -> sqlite3.Cursor:
        return self.conn.executescript(sql)


@functools.lru_cache(maxsize=8)
def expected_schema(applied: tuple[str, ...]) -> frozenset[SchemaObject]:
    """The schema our migrations build when exactly those named in ``applied`` have run (in
    their registered order). Cached: built once per process for each set (~3 ms)."""
    names = set(applied)
    if not names:
        return frozenset()
    db = _ScriptDatabase(memory=True, execute_plugins=False)
    try:
        MIGRATIONS.ensure_migrations_table(db)
        for migration in MIGRATIONS._migrations:
            if migration.name in names:
                migration.fn(db)
        return read_schema(db.conn)
    finally:
        db.conn.close()


def applied_migrations(conn: sqlite3.Connection) -> tuple[str, ...]:
    """The names of our migrations recorded in the file (none in an empty database)."""
    has_table = conn.execute(
        "SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = ?",
        [MIGRATIONS.migrations_table],
    ).fetchone()
    if has_table is None:
        return ()
    rows = conn.execute(
        f"SELECT name FROM {MIGRATIONS.migrations_table} WHERE migration_set = ? ORDER BY rowid",
        [MIGRATIONS.name],
    ).fetchall()
    known = {m.name for m in MIGRATIONS._migrations}
    return tuple(sorted({str(r[0]) for r in rows} & known))


def differences(conn: sqlite3.Connection) -> list[SchemaDifference]:
    """How the file's schema differs from the one its applied migrations build (sorted)."""
    actual = read_schema(conn)
    applied = applied_migrations(conn)
    if not applied and not actual:
        return []  # a new, empty file: the migrations create everything
    expected = expected_schema(applied)
    by_key = {(o.type, o.name): o for o in expected}
    found = {(o.type, o.name): o for o in actual}
    diffs: list[SchemaDifference] = []
    for key, obj in found.items():
        want = by_key.get(key)
        if want is None:
            diffs.append(SchemaDifference("extra", obj.type, obj.name, obj.tbl_name))
        elif want != obj:
            diffs.append(SchemaDifference("altered", obj.type, obj.name, obj.tbl_name))
    for key, obj in by_key.items():
        if key not in found:
            diffs.append(SchemaDifference("missing", obj.type, obj.name, obj.tbl_name))
    order = {"trigger": 0, "view": 1, "table": 2, "index": 3}
    diffs.sort(key=lambda d: (order.get(d.type, 9), d.change, d.name))
    return diffs


def refuse_foreign_schema(conn: sqlite3.Connection, path: Path | None) -> None:
    """Raise :class:`StorageError` naming the differences when the schema is not ours."""
    diffs = differences(conn)
    if not diffs:
        return
    name = path.name if path is not None else ":memory:"
    raise StorageError(
        "Tệp {file} có cấu trúc khác cấu trúc do phần mềm tạo ra: {first} (tổng {count} khác "
        "biệt, xem chi tiết); không mở tệp này vì nó có thể chứa mã lạ chạy cùng dữ liệu",
        file=name,
        first=diffs[0].message(),
        count=len(diffs),
        detail="\n".join(d.technical() for d in diffs),
    )
