"""The store: durability settings, schema guard, start-up checks, clear errors."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from onestop_desktop.errors import StorageError
from onestop_desktop.store.db import Store
from onestop_desktop.store.migrations import MIGRATIONS, SCHEMA_VERSION


def test_new_database_has_durable_settings(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "a.db", create=True)
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert {m.name for m in MIGRATIONS.applied(store.db)} == {
        m.name for m in MIGRATIONS._migrations
    }
    store.close()


def test_missing_database_is_not_created_unless_asked(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="onestop init"):
        Store.open(tmp_path / "missing.db")
    assert not (tmp_path / "missing.db").exists()


def test_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "onestop.db"
    path.write_text("Sổ theo dõi hồ sơ\n" * 100, encoding="utf-8")
    with pytest.raises(StorageError, match="không phải cơ sở dữ liệu SQLite"):
        Store.open(path)
    assert path.read_text(encoding="utf-8").startswith("Sổ theo dõi")  # untouched


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    Store.open(path, create=True).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(StorageError, match="phiên bản phần mềm mới hơn"):
        Store.open(path)


def test_unknown_migration_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    Store.open(path, create=True).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations(migration_set, name, applied_at) "
        "VALUES ('onestop', 'm999_from_the_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    with pytest.raises(StorageError, match="mới hơn"):
        Store.open(path)


def test_corrupt_database_is_caught_at_start_up(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    store = Store.open(path, create=True)
    store.db.execute("CREATE TABLE filler(x TEXT)")
    with store.atomic():
        for i in range(3000):
            store.db.execute("INSERT INTO filler VALUES (?)", [f"Nguyễn Văn Đức {i}" * 5])
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    raw = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page * 5, page * 8):
        raw[offset] = 0xA5
    path.write_bytes(bytes(raw))
    with pytest.raises(StorageError, match="hỏng"):
        Store.open(path)


def test_atomic_rolls_back_everything(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "a.db", create=True)
    with pytest.raises(RuntimeError), store.atomic():
        store.set_setting("a", "1")
        raise RuntimeError("power cut")
    assert store.setting("a") is None
    store.close()


def test_read_only_folder_gives_clear_message(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StorageError):
        Store.open(blocker / "sub" / "onestop.db", create=True)


def test_two_connections_never_half_write(tmp_path: Path) -> None:
    """A clerk action takes the write lock before it reads: a second process writing at the same
    time makes it wait (busy timeout), never fail between its read and its write."""
    path = tmp_path / "a.db"
    first = Store.open(path, create=True)
    second = Store.open(path)
    with first.atomic():
        first.set_setting("k", "1")
        second.db.conn.execute("PRAGMA busy_timeout = 50")
        with pytest.raises(StorageError, match="khóa"), second.atomic():
            second.set_setting("k", "2")  # never reached: BEGIN IMMEDIATE waits, then gives up
    assert second.setting("k") == "1"
    with second.atomic():
        assert second.setting("k") == "1"
        second.set_setting("k", "2")
    assert first.setting("k") == "2"
    first.close()
    second.close()
