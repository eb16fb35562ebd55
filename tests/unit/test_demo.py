"""The demo commune: every step through the event log, and never inside a real station."""

from __future__ import annotations

from pathlib import Path

import pytest

from onestop_desktop.errors import Conflict
from onestop_desktop.paths import DataDir
from onestop_desktop.services import demo, integrity, station
from onestop_desktop.services.context import Session
from onestop_desktop.store import events
from onestop_desktop.store.db import Store


def test_demo_refuses_a_real_station(tmp_path: Path) -> None:
    data = DataDir(tmp_path / "real")
    ctx = station.init_data_dir(
        data,
        unit_code="000.00.12.H29",
        unit_name="UBND xã Thật",
        station=1,
        admin="admin",
        password="admin-pass-1",
    )
    ctx.store.close()
    with pytest.raises(Conflict, match="dữ liệu thật"):
        demo.fill(data, 10)
    store = Store.open(data.database)
    assert store.query("SELECT count(*) AS n FROM dossiers")[0]["n"] == 0
    store.close()


def test_demo_is_built_from_events(tmp_path: Path) -> None:
    data = DataDir(tmp_path / "demo")
    result = demo.fill(data, 1500, seed=3)
    assert result.dossiers == 1500 and result.created_station
    assert {u for u, _, _ in result.accounts} >= {"admin", "tiepnhan", "chuyenvien", "lanhdao"}
    store = Store.open(data.database)
    ctx = Session.operator(store)
    assert events.verify(store)[1] is None
    assert integrity.rebuild(ctx, write=False).clean
    statuses = {r["status"] for r in store.query("SELECT DISTINCT status FROM dossiers")}
    assert {2, 3, 4, 9, 10} <= statuses or {3, 4, 10} <= statuses
    dup = store.query("SELECT count(*) AS n FROM dossiers WHERE duplicate_of IS NOT NULL")[0]
    late = store.query(
        "SELECT count(*) AS n FROM dossiers WHERE finished_at IS NOT NULL "
        "AND substr(finished_at, 1, 10) > substr(due_at, 1, 10)"
    )[0]
    assert dup["n"] > 0 and late["n"] > 0
    with pytest.raises(Conflict):
        demo.fill(data, 10)  # a demo folder with dossiers is not filled twice
    store.close()
