"""Every released schema, kept as a small database, opens and migrates forward intact.

When a migration is added, keep the database the previous release wrote here (``demo --dossiers
60`` is enough) under ``v<N>-<last migration>.db``: this test then proves the upgrade path.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from onestop_desktop.services import integrity, search
from onestop_desktop.services.context import Session
from onestop_desktop.store import events
from onestop_desktop.store.db import Store
from onestop_desktop.store.migrations import MIGRATIONS, SCHEMA_VERSION

FIXTURES = sorted((Path(__file__).parent.parent / "fixtures" / "schema").glob("v*.db"))


def test_there_is_a_fixture_for_the_current_schema() -> None:
    versions = {int(p.name.split("-")[0][1:]) for p in FIXTURES}
    assert SCHEMA_VERSION in versions, "save a database of the new schema in tests/fixtures/schema"


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
def test_released_schema_migrates_forward(fixture: Path, tmp_path: Path) -> None:
    path = tmp_path / "onestop.db"
    shutil.copyfile(fixture, path)
    before = sqlite3.connect(path)
    n_events = before.execute("SELECT count(*) FROM events").fetchone()[0]
    n_dossiers = before.execute("SELECT count(*) FROM dossiers").fetchone()[0]
    before.close()
    store = Store.open(path)
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert not MIGRATIONS.pending(store.db)
    checked, broken = events.verify(store)
    assert broken is None and checked == n_events
    ctx = Session.operator(store)
    assert integrity.rebuild(ctx, write=False).clean
    assert search.count_all(ctx) == n_dossiers
    assert search.search(ctx, "nguyen", limit=5)
    store.close()
