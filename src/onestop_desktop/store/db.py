"""Opening the station's SQLite file safely.

WAL, ``synchronous=FULL`` and foreign keys on every connection; schema only from migrations; a file
from a newer app refused; a file whose schema is not exactly what our migrations build refused
before anything is written to it (``store.schema``); an integrity check at start-up; SQLite's
own error codes turned into messages a clerk can act on (read-only folder, full disk, not a
database, corrupt).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from collections.abc import Callable, Hashable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import sqlite_utils

from onestop_desktop.domain import clock
from onestop_desktop.errors import Msg, OneStopError, StorageError
from onestop_desktop.store.migrations import MIGRATIONS, SCHEMA_VERSION
from onestop_desktop.store.schema import refuse_foreign_schema

SQLITE_HEADER = b"SQLite format 3\x00"
log = logging.getLogger(__name__)
T = TypeVar("T")

WATCHED_TABLES = ("settings", "calendar_days", "calendar_years", "procedures", "users")
"""The small tables whose contents a :meth:`Store.cached` value may be built from (the
calendar, office hours, the catalogue, accounts): this connection counts its own writes to
them, so a cached value is rebuilt after any change, whoever made it."""


def translate(exc: BaseException, path: Path | None = None) -> StorageError:
    """A plain Vietnamese message for an SQLite or OS error caused by the environment."""
    text = str(exc).lower()
    # The path in brackets (no words to translate), appended to the message.
    where = f" ({path})" if path else ""
    if "readonly" in text or "read-only" in text or isinstance(exc, PermissionError):
        return StorageError(
            "Thư mục dữ liệu chỉ cho phép đọc, không ghi được{where}", where=where, detail=str(exc)
        )
    if "disk is full" in text or "no space" in text or getattr(exc, "errno", None) == 28:
        return StorageError(
            "Ổ đĩa đã đầy, không ghi được dữ liệu{where}", where=where, detail=str(exc)
        )
    if "disk i/o error" in text or getattr(exc, "errno", None) in (5, 27):
        return StorageError(
            "Không ghi được xuống ổ đĩa (ổ đầy, tệp quá lớn, USB bị rút hoặc ổ hỏng){where}",
            where=where,
            detail=str(exc),
        )
    if (
        "not a database" in text
        or "malformed" in text
        or "corrupt" in text
        or "vtable constructor failed" in text
        or "could not decode" in text
    ):
        return StorageError(
            "Tệp cơ sở dữ liệu bị hỏng hoặc không phải cơ sở dữ liệu SQLite{where}",
            where=where,
            detail=str(exc),
        )
    if "locked" in text or "busy" in text:
        return StorageError(
            "Cơ sở dữ liệu đang bị một chương trình khác khóa, thử lại sau{where}",
            where=where,
            detail=str(exc),
        )
    if "unable to open" in text:
        folder = path.parent if path is not None and path.suffix else path
        if folder is not None and folder.is_dir() and not os.access(folder, os.W_OK):
            return StorageError(
                "Thư mục dữ liệu chỉ cho phép đọc, không ghi được{where}",
                where=where,
                detail=str(exc),
            )
        return StorageError("Không mở được cơ sở dữ liệu{where}", where=where, detail=str(exc))
    return StorageError("Lỗi cơ sở dữ liệu{where}", where=where, detail=str(exc))


@contextlib.contextmanager
def translated_errors(path: Path | None = None) -> Iterator[None]:
    """Turn sqlite3/OS errors inside the block into :class:`StorageError`."""
    try:
        yield
    except (sqlite3.DatabaseError, OSError) as exc:
        raise translate(exc, path) from exc


def looks_like_sqlite(path: Path) -> bool:
    """Whether ``path`` starts with the SQLite header (an empty file is not a database)."""
    try:
        with path.open("rb") as fh:
            return fh.read(16) == SQLITE_HEADER
    except OSError:
        return False


def configure(conn: sqlite3.Connection) -> None:
    """The durability settings every connection must have."""
    conn.execute("PRAGMA busy_timeout = 5000")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise StorageError("Không bật được chế độ ghi nhật ký WAL cho cơ sở dữ liệu")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")


def _make_private(path: Path) -> None:
    """The database and its WAL/SHM are 0600 whatever the umask (they hold personal data)."""
    from onestop_desktop.files import make_private

    for name in (path.name, path.name + "-wal", path.name + "-shm"):
        make_private(path.with_name(name))


def check_schema(db: sqlite_utils.Database) -> None:
    """Refuse a database written by a newer app (unknown migrations or a higher user_version)."""
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    applied = {m.name for m in MIGRATIONS.applied(db)}
    known = {m.name for m in MIGRATIONS._migrations}
    unknown = sorted(applied - known)
    if version > SCHEMA_VERSION or unknown:
        raise StorageError(
            "Cơ sở dữ liệu thuộc phiên bản phần mềm mới hơn; hãy cập nhật OneStop Desktop "
            "trước khi mở",
            detail=f"schema {version} > {SCHEMA_VERSION}; {', '.join(unknown)}",
        )


def integrity_problems(conn: sqlite3.Connection, *, full: bool = False) -> list[str]:
    """Rows of ``PRAGMA quick_check`` (or ``integrity_check``) other than ``ok``."""
    pragma = "integrity_check" if full else "quick_check"
    rows = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
    return [] if rows == ["ok"] else rows


def _rollback(conn: sqlite3.Connection) -> None:
    """Roll back if a transaction is still open (an error may already have ended it)."""
    if conn.in_transaction:
        conn.execute("ROLLBACK")


class WriteGuard:
    """Whether this process may still write to a database.

    A failed integrity check found after the store opened (the GUI runs ``quick_check`` in the
    background, so signing in does not wait 10 s at a million dossiers) blocks every later
    write: :meth:`Store.atomic` calls :meth:`check` first. One guard is shared by the GUI's
    store and the stores its background workers open on the same file, so they stop together.
    """

    def __init__(self) -> None:
        self._detail: str | None = None

    def block(self, detail: str) -> None:
        """Refuse every write from now on; ``detail`` says what the check found (technical)."""
        self._detail = detail

    @property
    def blocked(self) -> bool:
        return self._detail is not None

    def check(self) -> None:
        """Raise :class:`StorageError` (what to do, in Vietnamese) if writes are blocked."""
        if self._detail is not None:
            raise StorageError(
                "Cơ sở dữ liệu bị hỏng nên chương trình không ghi thêm thay đổi nào; "
                "hãy khôi phục từ bản sao lưu gần nhất (onestop restore)",
                detail=self._detail,
            )


class Store:
    """The station database: one sqlite-utils ``Database`` bound to one thread."""

    def __init__(self, db: sqlite_utils.Database, path: Path | None) -> None:
        self.db = db
        self.path = path
        self.write_guard = WriteGuard()
        self.restore_outcome: Any = None
        """What opening found of a restore cut short (``store.backup.RecoveryOutcome``)."""
        self._writes: dict[str, int] | None = None
        """Writes this connection made to each of :data:`WATCHED_TABLES` (``None``: not
        watched, so :meth:`cached` does not cache)."""
        self._cache: dict[Hashable, tuple[tuple[int, ...], Any]] = {}

    def block_writes(self, detail: str) -> None:
        """Make every later :meth:`atomic` raise (see :class:`WriteGuard`)."""
        self.write_guard.block(detail)

    @classmethod
    def memory(cls) -> Store:
        """A migrated in-memory store, for tests."""
        db = sqlite_utils.Database(memory=True, execute_plugins=False)
        db.execute("PRAGMA foreign_keys = ON")
        MIGRATIONS.apply(db)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        store = cls(db, None)
        store.watch_writes()
        return store

    @classmethod
    def open(cls, path: Path, *, create: bool = False, integrity: str = "quick") -> Store:
        """Open (or with ``create`` make) the database at ``path`` and migrate it forward.

        ``integrity`` is ``"quick"`` (``PRAGMA quick_check`` now), ``"daily"`` (only when the last
        good check is more than a day old, for fast CLI look-ups) or ``"none"``.

        A restore cut short is settled first (completed or rolled back, see
        ``store.backup.recover_restore``); what was done is in :attr:`restore_outcome`.
        """
        from onestop_desktop.store.backup import recover_restore

        with translated_errors(path):
            outcome = recover_restore(path) if path.parent.is_dir() else None
        if not path.exists():
            kept = [] if create else sorted(path.parent.glob(path.name + ".replaced-*"))
            if kept:
                raise StorageError(
                    "Chưa có cơ sở dữ liệu tại {path} nhưng còn bản cũ {kept} của một lần khôi "
                    "phục; hãy khôi phục lại (onestop restore), đừng khởi tạo lại",
                    path=str(path),
                    kept=str(kept[-1]),
                )
            if not create:
                raise StorageError(
                    "Chưa có cơ sở dữ liệu tại {path}; hãy chạy «onestop init» trước",
                    path=str(path),
                )

            with translated_errors(path):
                path.parent.mkdir(parents=True, exist_ok=True)
        elif not path.is_file() or (path.stat().st_size > 0 and not looks_like_sqlite(path)):
            raise StorageError(
                "Tệp {path} không phải cơ sở dữ liệu SQLite của OneStop", path=str(path)
            )

        try:
            conn = sqlite3.connect(str(path), isolation_level=None)
        except sqlite3.Error as exc:
            raise translate(exc, path) from exc
        try:
            configure(conn)
            _make_private(path)
            db = sqlite_utils.Database(conn, execute_plugins=False)
            check_schema(db)
            store = cls(db, path)
            store.restore_outcome = outcome
            run_check = integrity != "none" and (integrity != "daily" or store.needs_daily_check())
            if run_check:
                store._integrity_or_raise()
            # Before the first write (the check's stamp, the migrations): a trigger someone put
            # in the file would run inside our own statements.
            refuse_foreign_schema(conn, path)
            if run_check and db["settings"].exists():
                store.set_setting("last_integrity_check", clock.iso(clock.now()))
            before_upgrade = store._backup_before_upgrade()
        except StorageError:
            conn.close()
            raise
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise translate(exc, path) from exc
        if before_upgrade is None:
            try:
                store.migrate()
            except StorageError:
                conn.close()
                raise
            except sqlite3.DatabaseError as exc:
                conn.close()
                raise translate(exc, path) from exc
        else:
            store._upgrade_or_restore(before_upgrade)
        try:
            store.watch_writes()
        except sqlite3.DatabaseError:  # an optimisation only: without it nothing is kept
            log.warning("cannot watch writes on %s: no caches", path, exc_info=True)
        return store

    # --- caches of small tables (#9: an intake must not re-read the calendar and catalogue)
    def watch_writes(self) -> None:
        """Count this connection's writes to :data:`WATCHED_TABLES`, so :meth:`cached` can
        tell when a value it keeps is out of date.

        TEMP triggers (they live only in this connection, never in the file, so the schema
        check and backups see nothing) call a Python function per written row. Python counts,
        not a table: a rolled-back write still counts (a spurious rebuild, never a stale
        value). Writes by other connections, in this process or another, show in ``PRAGMA
        data_version``. Called after the migrations (a migration that rebuilt a table would
        drop its triggers).
        """
        if self._writes is not None:
            return
        conn = self.db.conn
        writes = dict.fromkeys(WATCHED_TABLES, 0)

        def wrote(table: str) -> None:
            writes[table] += 1

        conn.create_function("onestop_wrote", 1, wrote)
        present = {
            str(r[0])
            for r in conn.execute("SELECT name FROM main.sqlite_master WHERE type = 'table'")
        }
        for table in WATCHED_TABLES:
            if table not in present:
                continue
            for op in ("INSERT", "UPDATE", "DELETE"):
                conn.execute(
                    f"CREATE TEMP TRIGGER IF NOT EXISTS onestop_watch_{table}_{op.lower()} "
                    f"AFTER {op} ON main.{table} BEGIN SELECT onestop_wrote('{table}'); END"
                )
        self._writes = writes

    def _stamp(self, tables: tuple[str, ...]) -> tuple[int, ...] | None:
        """What must be unchanged for a value built from ``tables`` to still hold: the
        connection's ``data_version`` (other connections' commits) and its own write counts."""
        if self._writes is None:
            return None
        version = int(self.db.conn.execute("PRAGMA data_version").fetchone()[0])
        return (version, *(self._writes[t] for t in tables))

    def cached(self, key: Hashable, tables: tuple[str, ...], load: Callable[[], T]) -> T:
        """``load()``, kept while nothing was written to ``tables`` (any of
        :data:`WATCHED_TABLES`) by this or any other connection.

        The stamp is taken before loading, so a write during the load makes the next call load
        again. Another connection's commit to any table invalidates (``data_version`` does not
        say which): the price is an occasional re-read, never a stale value. Values must be
        immutable: every caller shares the one kept.
        """
        unknown = set(tables) - set(WATCHED_TABLES)
        if unknown:
            raise ValueError(f"not a watched table: {sorted(unknown)}")
        stamp = self._stamp(tables)
        if stamp is None:
            return load()
        kept = self._cache.get(key)
        if kept is not None and kept[0] == stamp:
            return kept[1]  # type: ignore[no-any-return]
        value = load()
        self._cache[key] = (stamp, value)
        return value

    # --- upgrades (#14): a verified backup before migrating an older database, restored on failure
    def _backup_before_upgrade(self) -> tuple[int, Path] | None:
        """When this file has applied some but not all of our migrations (an older version
        wrote it), a verified copy in the data folder's ``backups/`` named
        ``onestop-before-upgrade-vX-to-vY-<time>.db`` (X, Y: schema versions), so a migration
        that fails half-way can give the clerk their data back. ``None`` when nothing is due
        (a new file, or one already current)."""
        if self.path is None:
            return None
        applied = MIGRATIONS.applied(self.db) if self.db["_sqlite_migrations"].exists() else []
        if not applied or not MIGRATIONS.pending(self.db):
            return None
        from onestop_desktop.store.backup import backup

        old = len(applied)
        stamp = clock.now().strftime("%Y%m%d-%H%M%S")
        folder = self.path.parent / "backups"
        base = f"onestop-before-upgrade-v{old}-to-v{SCHEMA_VERSION}-{stamp}"
        name, n = f"{base}.db", 1
        while (folder / name).exists():  # a second try within the same second
            n += 1
            name = f"{base}-{n}.db"
        try:
            info = backup(self, folder, name=name)
        except StorageError as exc:
            raise StorageError(
                "Không nâng cấp cơ sở dữ liệu từ phiên bản {old} lên {new}: không tạo được bản "
                "sao lưu trước khi nâng cấp ({reason}); dữ liệu chưa bị thay đổi",
                old=old,
                new=SCHEMA_VERSION,
                reason=exc.as_msg(),
                detail=exc.detail,
            ) from exc
        return old, info.path

    def _upgrade_or_restore(self, before: tuple[int, Path]) -> None:
        """Migrate forward; on any failure close the file, put the verified pre-upgrade copy
        back (``store.backup.restore``: journaled, the half-migrated file kept beside it) and
        say so, in a message that names the copy."""
        old, copy = before
        try:
            self.migrate()
            return
        except Exception as exc:  # any failure of a migration: the data comes back first
            failure: BaseException = exc
        self.close()
        assert self.path is not None
        from onestop_desktop.store.backup import restore

        log.error("migration from schema %s failed, restoring %s", old, copy, exc_info=failure)
        reason = (
            failure.as_msg()
            if isinstance(failure, OneStopError)
            else Msg("lỗi kỹ thuật, chi tiết ghi trong nhật ký")
        )
        try:
            restore(copy, self.path)
        except Exception as exc:
            raise StorageError(
                "Nâng cấp cơ sở dữ liệu từ phiên bản {old} lên {new} bị lỗi ({reason}) và không "
                "tự khôi phục được; bản sao lưu trước khi nâng cấp nằm ở {copy}: hãy khôi phục "
                "bằng «onestop restore {copy}» với phiên bản phần mềm cũ",
                old=old,
                new=SCHEMA_VERSION,
                reason=reason,
                copy=str(copy),
                detail=f"{failure!r}; restore: {exc!r}",
            ) from exc
        raise StorageError(
            "Nâng cấp cơ sở dữ liệu từ phiên bản {old} lên {new} bị lỗi ({reason}); đã khôi "
            "phục lại bản sao lưu trước khi nâng cấp ({copy}), dữ liệu giữ nguyên như trước "
            "khi nâng cấp. Hãy dùng lại phiên bản phần mềm cũ và báo cho người hỗ trợ kỹ thuật",
            old=old,
            new=SCHEMA_VERSION,
            reason=reason,
            copy=str(copy),
            detail=repr(failure),
        ) from failure

    def _integrity_or_raise(self) -> None:
        """``PRAGMA quick_check`` (read only); :class:`StorageError` when the file is damaged."""
        problems = integrity_problems(self.db.conn)
        if problems:
            raise StorageError(
                "Cơ sở dữ liệu bị hỏng; hãy khôi phục từ bản sao lưu gần nhất (onestop restore)",
                detail="; ".join(problems[:3]),
            )

    def needs_daily_check(self) -> bool:
        """Whether the last good integrity check is missing or more than a day old."""
        if not self.db["settings"].exists():
            return True
        last = self.setting("last_integrity_check")
        return last is None or clock.parse_iso(last) < clock.now() - timedelta(days=1)

    def migrate(self) -> None:
        """Apply pending migrations, each in its own transaction."""
        MIGRATIONS.apply(self.db)
        # Written only when it changes: writing it is a commit, which every other connection's
        # PRAGMA data_version sees, so a worker opening its store would make the GUI's data
        # watch (ui/datawatch.py) reload forever.
        if self.db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def close(self) -> None:
        """Close the connection (a WAL checkpoint happens on the last close)."""
        self.db.conn.close()
        self._closed = True

    @property
    def is_open(self) -> bool:
        """Whether :meth:`close` has not been called: a GUI timer that fires after the app
        closed its store checks this instead of failing on a closed connection."""
        return not getattr(self, "_closed", False)

    @contextlib.contextmanager
    def atomic(self) -> Iterator[sqlite_utils.Database]:
        """One transaction: everything inside commits together or not at all.

        The outermost level is ``BEGIN IMMEDIATE``: the write lock is taken before the first
        read, so a clerk action that reads then writes never fails half-way because another
        process (the CLI beside the GUI) wrote in between; it waits (busy timeout) instead.
        Nested levels are savepoints (sqlite-utils). Raises :class:`StorageError` before
        anything starts if writes are blocked (:meth:`block_writes`).
        """
        self.write_guard.check()
        conn = self.db.conn
        try:
            if conn.in_transaction:
                with self.db.atomic() as db:
                    yield db
                return
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                _rollback(conn)
                raise
            conn.execute("COMMIT")
        except (sqlite3.DatabaseError, OSError) as exc:
            _rollback(conn)
            raise translate(exc, self.path) from exc

    # -- settings: business configuration lives in the database, so one file holds it all --
    def setting(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return default if row is None else str(row[0])

    def set_setting(self, key: str, value: str) -> None:
        self.db.execute(
            "INSERT INTO settings(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )

    def query(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        """Rows as dicts (for the few read-only queries that services build)."""
        with translated_errors(self.path):
            cur = self.db.execute(sql, params)
            cols = [c[0] for c in cur.description]
            return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]

    def now(self) -> datetime:
        """The clock every service uses (one place to fake it in tests)."""
        return clock.now()
