"""Upgrading an older database (#14): a verified backup first, migrate, restore on failure.

Every released schema fixture is upgraded from a data folder and must leave its
``before-upgrade`` backup in ``backups/``; a migration made to fail half-way (the next
migration after the fixture's own ones, monkeypatched to raise after it has changed the file)
must leave the database exactly as it was and say so.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from onestop_desktop.errors import StorageError
from onestop_desktop.store import backup as backup_store
from onestop_desktop.store.db import Store
from onestop_desktop.store.migrations import MIGRATIONS, SCHEMA_VERSION

FIXTURES = sorted((Path(__file__).parent.parent / "fixtures" / "schema").glob("v*.db"))
OLDER = [p for p in FIXTURES if int(p.name.split("-")[0][1:]) < SCHEMA_VERSION]


def _version(fixture: Path) -> int:
    return int(fixture.name.split("-")[0][1:])


def _dump(path: Path) -> tuple[int, list[str]]:
    """The user_version and every statement that rebuilds the file: its whole content (but the
    stamp of the start-up integrity check, which opening writes before the backup is taken)."""
    conn = sqlite3.connect(path)
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        return version, [s for s in conn.iterdump() if "last_integrity_check" not in s]
    finally:
        conn.close()


def _station(tmp_path: Path, fixture: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "onestop.db"
    shutil.copyfile(fixture, path)
    return path


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
def test_every_released_schema_upgrades_with_a_verified_backup_first(
    fixture: Path, tmp_path: Path
) -> None:
    path = _station(tmp_path, fixture)
    old = _dump(path)
    store = Store.open(path)
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert not MIGRATIONS.pending(store.db)
    store.close()
    made = sorted((path.parent / "backups").glob("onestop-before-upgrade-*.db"))
    if _version(fixture) == SCHEMA_VERSION:
        assert made == []  # nothing to upgrade, nothing copied
        return
    assert len(made) == 1
    assert f"before-upgrade-v{_version(fixture)}-to-v{SCHEMA_VERSION}-" in made[0].name
    info = backup_store.verify_backup(made[0])  # verified, and still the old schema
    assert info.events > 0
    # The copy holds exactly what the old file held.
    assert _dump(made[0]) == old
    assert made[0].stat().st_mode & 0o077 == 0


@pytest.mark.parametrize("fixture", OLDER, ids=lambda p: p.name)
def test_a_failing_migration_puts_the_old_database_back_and_says_so(
    fixture: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _station(tmp_path, fixture)
    before = _dump(path)
    version = _version(fixture)
    migrations = list(MIGRATIONS._migrations)
    # The last pending migration fails after the earlier ones committed and after it changed
    # the file itself: the half-upgraded file must not survive.
    target = migrations[-1]
    original = target.fn

    def failing(db: object) -> None:
        original(db)  # type: ignore[arg-type]
        raise sqlite3.OperationalError("injected failure")

    monkeypatch.setattr(target, "fn", failing)
    with pytest.raises(StorageError) as caught:
        Store.open(path)
    text = str(caught.value)
    assert f"từ phiên bản {version} lên {SCHEMA_VERSION} bị lỗi" in text
    assert "đã khôi phục lại bản sao lưu trước khi nâng cấp" in text
    assert "dữ liệu giữ nguyên" in text
    assert _dump(path) == before  # exactly as it was
    # The half-migrated file is kept aside (restore's rule), the restore journal is gone.
    assert list(path.parent.glob("onestop.db.replaced-*"))
    assert not (path.parent / "onestop.db.restore-journal").exists()
    monkeypatch.setattr(target, "fn", original)
    store = Store.open(path)  # fixed software: the same file now upgrades
    assert not MIGRATIONS.pending(store.db)
    store.close()


def test_no_backup_possible_means_no_upgrade(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _station(tmp_path, OLDER[0])
    before = _dump(path)
    (path.parent / "backups").write_text("not a folder", encoding="utf-8")
    with pytest.raises(StorageError) as caught:
        Store.open(path)
    assert "không tạo được bản sao lưu trước khi nâng cấp" in str(caught.value)
    assert "dữ liệu chưa bị thay đổi" in str(caught.value)
    version, dump = _dump(path)
    assert (version, dump) == before


def test_a_database_from_a_newer_version_is_still_refused(tmp_path: Path) -> None:
    path = _station(tmp_path, FIXTURES[-1])
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StorageError, match="phiên bản phần mềm mới hơn"):
        Store.open(path)
    assert not (path.parent / "backups").exists()
