"""Item 2 of #7: a backup is data, not code. Every database the app opens, and every backup it
restores, must have exactly the schema our migrations build (for the migrations it has run)."""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path

import pytest
import sqlite_utils

from onestop_desktop.errors import Conflict, StorageError
from onestop_desktop.paths import DataDir
from onestop_desktop.services import backup
from onestop_desktop.services.context import Session
from onestop_desktop.services.station import init_data_dir
from onestop_desktop.store import schema
from onestop_desktop.store.db import Store
from onestop_desktop.store.migrations import MIGRATIONS, SCHEMA_VERSION

FIXTURES = sorted((Path(__file__).parent.parent / "fixtures" / "schema").glob("v*.db"))
ALL = tuple(m.name for m in MIGRATIONS._migrations)


def _station(tmp_path: Path, name: str = "station", station: int = 1) -> tuple[DataDir, Session]:
    data = DataDir(tmp_path / name)
    ctx = init_data_dir(
        data,
        unit_code="000.00.12.H29",
        unit_name="UBND xã Hòa Bình",
        station=station,
        admin="quantri",
        password="matkhau-2025",
        catalog="none",
    )
    return data, ctx


def _tamper(path: Path, *sql: str) -> None:
    conn = sqlite3.connect(path)
    for statement in sql:
        conn.execute(statement)
    conn.commit()
    conn.close()


def test_fast_expected_schema_equals_the_real_migrations() -> None:
    """The cached builder uses SQLite's executescript; the real path is sqlite-utils'."""
    db = sqlite_utils.Database(memory=True)
    MIGRATIONS.apply(db)
    assert schema.expected_schema(ALL) == schema.read_schema(db.conn)
    assert any(o.name == "events_no_update" for o in schema.expected_schema(ALL))


def test_every_released_fixture_matches_its_schema(tmp_path: Path) -> None:
    for fixture in FIXTURES:
        conn = sqlite3.connect(fixture)
        try:
            assert schema.differences(conn) == [], fixture.name
        finally:
            conn.close()


def test_a_clean_station_opens(tmp_path: Path) -> None:
    data, ctx = _station(tmp_path)
    ctx.store.close()
    Store.open(data.database).close()


@pytest.mark.parametrize(
    ("sql", "name", "change"),
    [
        (
            "CREATE TRIGGER evil AFTER INSERT ON events BEGIN UPDATE users SET role = 'admin'; END",
            "evil",
            "extra",
        ),
        ("DROP TRIGGER events_no_delete", "events_no_delete", "missing"),
        ("CREATE VIEW peek AS SELECT username, password_hash FROM users", "peek", "extra"),
        ("CREATE TABLE smuggled (x TEXT)", "smuggled", "extra"),
        ("CREATE INDEX users_role ON users(role)", "users_role", "extra"),
        ("DROP INDEX dossiers_status", "dossiers_status", "missing"),
    ],
)
def test_a_foreign_schema_is_refused_at_open(
    tmp_path: Path, sql: str, name: str, change: str
) -> None:
    data, ctx = _station(tmp_path)
    ctx.store.close()
    _tamper(data.database, sql)
    with pytest.raises(StorageError, match="cấu trúc khác") as info:
        Store.open(data.database)
    assert name in info.value.message
    sign = {"extra": "+", "missing": "-"}[change]
    assert f"{sign} " in info.value.detail and name in info.value.detail


def test_an_altered_guard_trigger_is_refused(tmp_path: Path) -> None:
    """Same name, weaker body: the normalised SQL differs."""
    data, ctx = _station(tmp_path)
    ctx.store.close()
    _tamper(
        data.database,
        "DROP TRIGGER events_no_update",
        "CREATE TRIGGER events_no_update BEFORE UPDATE ON events WHEN 0 "
        "BEGIN SELECT RAISE(ABORT, 'events are append-only'); END",
    )
    with pytest.raises(StorageError) as info:
        Store.open(data.database)
    assert "events_no_update" in info.value.message
    assert "~ trigger events_no_update" in info.value.detail


def test_whitespace_alone_is_not_a_difference(tmp_path: Path) -> None:
    data, ctx = _station(tmp_path)
    ctx.store.close()
    _tamper(
        data.database,
        "DROP TRIGGER events_no_delete",
        "CREATE TRIGGER events_no_delete BEFORE DELETE ON events\n\n   BEGIN SELECT "
        "RAISE(ABORT, 'events are append-only');   END",
    )
    Store.open(data.database).close()


def test_the_refusal_comes_before_any_write(tmp_path: Path) -> None:
    """A trigger on settings would fire on the start-up check's stamp: it must never run."""
    data, ctx = _station(tmp_path)
    ctx.store.close()
    _tamper(
        data.database,
        "CREATE TABLE IF NOT EXISTS loot (x TEXT)",
        "CREATE TRIGGER steal AFTER UPDATE ON settings BEGIN "
        "INSERT INTO loot SELECT password_hash FROM users; END",
    )
    with pytest.raises(StorageError):
        Store.open(data.database)
    conn = sqlite3.connect(data.database)
    assert conn.execute("SELECT count(*) FROM loot").fetchone()[0] == 0
    conn.close()


def _older_database(path: Path) -> None:
    """A database of schema 1 (only m001 run), as the first release wrote it."""
    db = sqlite_utils.Database(path)
    MIGRATIONS.apply(db, stop_before=ALL[1])
    db.execute("PRAGMA user_version = 1")
    db.conn.commit()
    db.close()


def test_an_older_schema_is_compared_with_its_own_version_then_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _older_database(path)
    conn = sqlite3.connect(path)
    assert schema.applied_migrations(conn) == (ALL[0],)
    assert schema.differences(conn) == []
    conn.close()
    store = Store.open(path)
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert not MIGRATIONS.pending(store.db)
    store.close()


def test_an_older_schema_with_extra_objects_is_refused_before_migrating(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _older_database(path)
    # m002's table created by hand but m002 not recorded: not what schema 1 is.
    _tamper(path, "CREATE TABLE calendar_years (year INTEGER PRIMARY KEY, seeded_at TEXT)")
    with pytest.raises(StorageError, match="calendar_years"):
        Store.open(path)
    conn = sqlite3.connect(path)
    assert schema.applied_migrations(conn) == (ALL[0],)  # nothing migrated
    conn.close()


def test_a_newer_database_is_still_refused_as_newer(tmp_path: Path) -> None:
    data, ctx = _station(tmp_path)
    ctx.store.close()
    _tamper(data.database, f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StorageError, match="mới hơn"):
        Store.open(data.database)


def test_a_backup_with_a_trigger_is_not_restored(tmp_path: Path) -> None:
    data, ctx = _station(tmp_path)
    info = backup.backup_now(ctx, data)
    ctx.store.close()
    bad = tmp_path / "onestop-bad.db"
    shutil.copyfile(info.path, bad)
    _tamper(bad, "CREATE TRIGGER evil AFTER INSERT ON dossiers BEGIN DELETE FROM users; END")
    before = data.database.read_bytes()
    with pytest.raises(StorageError, match="evil"):
        backup.restore(data, bad)
    assert data.database.read_bytes() == before
    with pytest.raises(StorageError, match="evil"):
        backup.verify(bad)


def test_another_stations_backup_needs_the_flag(tmp_path: Path) -> None:
    data, ctx = _station(tmp_path)
    ctx.store.close()
    other, octx = _station(tmp_path, "other", station=2)
    info = backup.backup_now(octx, other)
    octx.store.close()
    check = backup.check_restore(data, info.path)
    assert not check.same_station and len(check.problems) == 2  # station number and key
    before = data.database.read_bytes()
    with pytest.raises(Conflict, match="--other-station") as refused:
        backup.restore_station(data, info.path)
    assert "máy trạm 2" in refused.value.message
    assert data.database.read_bytes() == before
    from onestop_desktop.services.station import KEY_FILE

    old_key = (data.keys / KEY_FILE).read_bytes()
    result = backup.restore_station(data, info.path, other_station=True)
    assert result.kept is not None and result.kept.read_bytes() == before
    assert (data.keys / KEY_FILE).read_bytes() == old_key  # the key is never touched
    assert result.check.key_public != result.check.backup.public_key  # and it is said so
    store = Store.open(data.database)
    assert store.setting("station_id") == "2"
    store.close()


def test_a_backup_whose_key_differs_from_keys_is_refused(tmp_path: Path) -> None:
    """Same unit and station number, but made by another installation (another key)."""
    data, ctx = _station(tmp_path)
    ctx.store.close()
    twin, tctx = _station(tmp_path, "twin", station=1)
    info = backup.backup_now(tctx, twin)
    tctx.store.close()
    check = backup.check_restore(data, info.path)
    assert [str(p) for p in check.problems] == [
        "khóa ký của máy trạm trong thư mục keys/ không khớp khóa công khai ghi trong bản sao lưu"
    ]
    with pytest.raises(Conflict, match="khóa ký"):
        backup.restore(data, info.path)


def test_own_backup_restores_without_the_flag(tmp_path: Path) -> None:
    data, ctx = _station(tmp_path)
    info = backup.backup_now(ctx, data)
    ctx.store.close()
    assert backup.check_restore(data, info.path).same_station
    result = backup.restore_station(data, info.path)
    assert result.kept is not None and not result.check.problems


def test_schema_check_cost_at_open_is_small(tmp_path: Path) -> None:
    """Built once per process (cached), then a read of sqlite_master: a few ms at most."""
    _data, ctx = _station(tmp_path)
    conn = ctx.store.db.conn
    schema.expected_schema.cache_clear()
    t0 = time.perf_counter()
    assert schema.differences(conn) == []
    first = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _ in range(20):
        schema.differences(conn)
    cached = (time.perf_counter() - t0) / 20
    ctx.store.close()
    assert cached < 0.02 and first < 0.25, (first, cached)
