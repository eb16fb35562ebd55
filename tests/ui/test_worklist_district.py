"""The district's worklist (#9 item 5, left by #12): dossiers of many communes, with a
"Xã/phường" column naming each one's commune (the name its station registered with its key)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from onestop_desktop.domain import clock
from onestop_desktop.services import district, search, sync
from onestop_desktop.services.context import Session
from onestop_desktop.services.search import Filters
from onestop_desktop.ui.models.worklist import WorklistModel
from onestop_desktop.ui.worklist_screen import WorklistScreen
from tests.unit.conftest import FakeClock
from tests.unit.test_district import (
    UNIT_A,
    UNIT_B,
    make_district,
    make_station,
    ninety_six,
)
from tests.unit.test_report_service import announcement_week

DISPLAY = Qt.ItemDataRole.DisplayRole
NAMES = {UNIT_A: "UBND xã Hòa Bình", UNIT_B: "UBND xã Sơn Thủy"}


@pytest.fixture
def district_session(tmp_path: Path) -> Iterator[tuple[Session, list[Session]]]:
    """A district holding the bundles of two communes (as tests/unit/test_district.py)."""
    from argon2 import PasswordHasher

    from onestop_desktop.services import users

    fake = FakeClock(datetime(2026, 3, 2, 8, 0, tzinfo=clock.VN_TZ))
    hasher = users._HASHER
    users._HASHER = PasswordHasher(time_cost=1, memory_cost=1024)
    try:
        a = make_station(tmp_path, "a", UNIT_A, NAMES[UNIT_A], fake)
        b = make_station(tmp_path, "b", UNIT_B, NAMES[UNIT_B], fake)
        announcement_week(a, fake)
        ninety_six(b, fake)
        fake.set("2026-03-20T09:00:00")
        dist = make_district(tmp_path, fake)
        sticks = tmp_path / "usb"
        sticks.mkdir()
        for ctx in (a, b):
            card = sync.export_key(ctx, sticks)
            sync.register_key(dist, sticks / f"khoa-{card.unit_code}-may{card.station}.json")
        for ctx in (a, b):
            out = sync.export_bundle(ctx, sticks)
            district.import_station_bundle(dist, out.path, ack_to=sticks)
    finally:
        users._HASHER = hasher
    yield dist, [a, b]
    for ctx in (a, b, dist):
        ctx.store.close()


def test_district_worklist_names_each_dossiers_commune(
    district_session: tuple[Session, list[Session]], qtmodeltester: ModelTester
) -> None:
    dist, stations = district_session
    model = WorklistModel(dist)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    held = sum(search.count_all(s) for s in stations)
    assert model.rowCount() == held > 0
    assert model.columnCount() == len(WorklistModel.HEADERS) + 1
    col = model.COL_UNIT
    assert model.headerData(col, Qt.Orientation.Horizontal) == "Xã/phường"
    seen = set()
    for row in range(model.rowCount()):
        item = model.dossier(row)
        name = NAMES[item.unit_code]
        assert model.data(model.index(row, col), DISPLAY) == name.removeprefix("UBND ")
        assert model.data(model.index(row, col), Qt.ItemDataRole.ToolTipRole) == name
        assert model.data(model.index(row, col), WorklistModel.SortRole) == name
        assert item.code.startswith(item.unit_code)
        seen.add(item.unit_code)
        # every other column still reads (the time left of a district's dossier too)
        for c in range(model.columnCount()):
            model.data(model.index(row, c), DISPLAY)
    assert seen == {UNIT_A, UNIT_B}
    qtmodeltester.check(model)


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("UBND xã Hòa Bình", "xã Hòa Bình"),
        ("Ủy ban nhân dân phường Sơn Thủy", "phường Sơn Thủy"),
        ("Thị trấn Bo", "Thị trấn Bo"),
        ("UBND ", "UBND "),
    ],
)
def test_short_commune_name(name: str, short: str) -> None:
    from onestop_desktop.ui.models.worklist import short_commune

    assert short_commune(name) == short


def test_station_worklist_has_no_commune_column(
    district_session: tuple[Session, list[Session]],
) -> None:
    _dist, stations = district_session
    model = WorklistModel(stations[0])
    assert model.columnCount() == len(WorklistModel.HEADERS)
    assert model.data(model.index(0, len(WorklistModel.HEADERS)), DISPLAY) is None


def test_district_filter_by_commune(
    district_session: tuple[Session, list[Session]], qtbot: QtBot
) -> None:
    dist, stations = district_session
    screen = WorklistScreen(dist)
    qtbot.addWidget(screen)
    assert not screen.table.isColumnHidden(WorklistModel.COL_UNIT), "shown by default"
    assert screen.unit_box.isVisible() or not screen.isVisible()
    assert [screen.unit_box.itemData(i) for i in range(screen.unit_box.count())] == [
        "",
        UNIT_A,
        UNIT_B,
    ]
    assert screen.unit_box.itemText(1) == NAMES[UNIT_A]
    for ctx in stations:
        unit = ctx.station.unit_code
        screen.set_filters(Filters(unit=unit))
        model = screen.model
        while model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())
        assert model.rowCount() == search.count_all(ctx)
        assert {d.unit_code for d in model.dossiers()} == {unit}
        assert search.count_matching(dist, "", Filters(unit=unit)) == search.count_all(ctx)
        name = ctx.store.query("SELECT applicant_name FROM dossiers LIMIT 1")[0]["applicant_name"]
        first = str(name).split()[0]
        found = search.search(dist, first, limit=1000, filters=Filters(unit=unit))
        assert found and {d.unit_code for d in found} == {unit}
    screen.clear_filters()
    assert screen.model.filters() == Filters()


def test_station_screen_has_no_commune_filter(
    district_session: tuple[Session, list[Session]], qtbot: QtBot
) -> None:
    _dist, stations = district_session
    screen = WorklistScreen(stations[0])
    qtbot.addWidget(screen)
    screen.show()
    assert not screen.unit_box.isVisible()
