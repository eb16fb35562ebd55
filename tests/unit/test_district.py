"""District mode (#12 items 5-6): the district's figures from bundles alone equal each station's
own, and downward catalogue/calendar bundles apply at a station without overwriting its edits."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from onestop_desktop.domain import clock
from onestop_desktop.errors import Conflict, ValidationError
from onestop_desktop.paths import DataDir
from onestop_desktop.services import calendar as calendar_service
from onestop_desktop.services import catalog, district, reports, search, station, sync
from onestop_desktop.services.context import Session
from onestop_desktop.sync.bundle import BundleError
from tests.unit.test_report_service import (
    WEEK1,
    WEEK2,
    Counter,
    act,
    announcement_week,
    receive,
    same_day_done,
)

from .conftest import FakeClock

UNIT_A = "000.00.12.H29"
UNIT_B = "000.00.13.H29"
DISTRICT = "000.00.00.H29"


def make_station(tmp: Path, name: str, unit: str, unit_name: str, fake: FakeClock) -> Session:
    ctx = station.init_data_dir(
        DataDir(tmp / name),
        unit_code=unit,
        unit_name=unit_name,
        station=1,
        admin="admin",
        password="admin-pass-1",
    )
    ctx.store.now = fake  # type: ignore[method-assign]
    catalog.ensure_starter(ctx)
    return ctx


def make_district(tmp: Path, fake: FakeClock, name: str = "district") -> Session:
    ctx = station.init_data_dir(
        DataDir(tmp / name),
        unit_code=DISTRICT,
        unit_name="UBND huyện Kim Bôi",
        station=1,
        admin="admin",
        password="admin-pass-1",
        catalog="none",
        district=True,
    )
    ctx.store.now = fake  # type: ignore[method-assign]
    return ctx


def ninety_six(ctx: Session, fake: FakeClock) -> None:
    """27 resolved in week 2, 26 on or before the appointment, 1 a day late: 96,3%."""
    people = Counter()
    for i in range(26):
        same_day_done(ctx, fake, people, f"2026-03-{9 + i % 5:02d}", 8 + i % 6)
    late = receive(ctx, fake, "2026-03-09T09:00:00", "1.004873", people.applicant())
    act(ctx, fake, "2026-03-13T10:00:00", late, "result_ready")


@dataclass
class World:
    a: Session
    b: Session
    district: Session
    sticks: Path


@pytest.fixture
def world(tmp_path: Path, fake_clock: FakeClock) -> Iterator[World]:
    a = make_station(tmp_path, "a", UNIT_A, "UBND xã Hòa Bình", fake_clock)
    b = make_station(tmp_path, "b", UNIT_B, "UBND xã Sơn Thủy", fake_clock)
    announcement_week(a, fake_clock)
    ninety_six(b, fake_clock)
    fake_clock.set("2026-03-20T09:00:00")
    dist = make_district(tmp_path, fake_clock)
    sticks = tmp_path / "usb"
    sticks.mkdir()
    for ctx in (a, b):
        card = sync.export_key(ctx, sticks)
        sync.register_key(dist, sticks / f"khoa-{card.unit_code}-may{card.station}.json")
    yield World(a, b, dist, sticks)
    for ctx in (a, b, dist):
        ctx.store.close()


def carry(w: World) -> None:
    for ctx in (w.a, w.b):
        out = sync.export_bundle(ctx, w.sticks)
        district.import_station_bundle(w.district, out.path, ack_to=w.sticks)


def figures(data: reports.Report06Data) -> dict[str, object]:
    return data.report.to_dict()


def test_district_biểu06_per_commune_equals_each_station(world: World) -> None:
    carry(world)
    for start, end in (WEEK1, WEEK2, (WEEK1[0], WEEK2[1])):
        own_a = reports.report06(world.a, start, end)
        own_b = reports.report06(world.b, start, end)
        at_a = district.report06_for(world.district, start, end, UNIT_A)
        at_b = district.report06_for(world.district, start, end, UNIT_B)
        assert figures(at_a) == figures(own_a)
        assert figures(at_b) == figures(own_b)
        assert at_a.station.unit_name == "UBND xã Hòa Bình"
        every = district.report06_units(world.district, start, end)  # one pass, all communes
        assert [(d.station.unit_code, figures(d)) for d in every] == [
            (UNIT_A, figures(own_a)),
            (UNIT_B, figures(own_b)),
        ]
        total = district.report06_for(world.district, start, end, None).report
        ta, tb = own_a.report.total, own_b.report.total
        assert total.total.received_total == ta.received_total + tb.received_total
        assert total.total.resolved_total == ta.resolved_total + tb.resolved_total
        assert total.announced.received == (
            own_a.report.announced.received + own_b.report.announced.received
        )


def test_seed_figures_reproduced_from_bundles_alone(world: World) -> None:
    carry(world)
    a = district.report06_for(world.district, *WEEK1, UNIT_A).report.announced
    assert (a.received, a.returned_on_time, a.in_progress, a.refused) == (52, 45, 5, 2)
    b = district.report06_for(world.district, *WEEK2, UNIT_B).report
    assert b.announced.on_time_rate == Decimal("96.3")
    assert (b.total.resolved_total, b.total.resolved_late) == (27, 1)
    lines, total = district.ontime_table(world.district, WEEK1[0], WEEK2[1])
    by_unit = {r.unit_code: r for r in lines}
    assert by_unit[UNIT_A].received == 52 and by_unit[UNIT_B].received == 27
    assert by_unit[UNIT_B].on_time_rate == Decimal("96.3")
    assert total.received == 79 and total.unit_name == "Toàn huyện"


def test_import_twice_and_refresh_change_nothing(world: World) -> None:
    carry(world)
    before = world.district.store.query("SELECT id, status, updated_at FROM dossiers ORDER BY id")
    assert len(before) == 52 + 27
    carry(world)  # nothing new: empty bundles are refused or import nothing
    assert district.refresh(world.district).dossiers == 0
    assert district.refresh(world.district, full=True).dossiers == 79
    after = world.district.store.query("SELECT id, status, updated_at FROM dossiers ORDER BY id")
    assert after == before


def test_incremental_bundle_updates_a_dossier(world: World, fake_clock: FakeClock) -> None:
    carry(world)
    row = world.a.store.query("SELECT code FROM dossiers WHERE status IN (2, 4) LIMIT 1")[0]
    fake_clock.set("2026-03-23T09:00:00")
    from onestop_desktop.services import dossiers

    dossiers.act(world.a, row["code"], "result_ready", {})
    out = sync.export_bundle(world.a, world.sticks)
    done = district.import_station_bundle(world.district, out.path)
    assert done.fold.dossiers == 1
    held = world.district.store.query("SELECT status FROM dossiers WHERE code = ?", [row["code"]])
    own = world.a.store.query("SELECT status FROM dossiers WHERE code = ?", [row["code"]])
    assert held == own


def test_search_and_list_across_communes(world: World) -> None:
    carry(world)
    units = district.units(world.district)
    assert [(u.unit_code, u.dossiers, [s.station_id for s in u.stations]) for u in units] == [
        (UNIT_A, 52, [1]),
        (UNIT_B, 27, [1]),
    ]
    assert all(u.stations[0].imports == 1 for u in units)
    first = world.b.store.query("SELECT applicant_name FROM dossiers LIMIT 1")[0]
    found = search.search(world.district, first["applicant_name"])
    assert found and {f.code.split("-")[0] if "-" in f.code else f.code for f in found}
    assert search.count_all(world.district) == 79


def _state(ctx: Session) -> list[dict[str, object]]:
    """The district's projection as a clerk reads it (every column but the local rowid)."""
    rows = ctx.store.query("SELECT * FROM dossiers ORDER BY id")
    return [{k: v for k, v in r.items() if k != "rid"} for r in rows]


def test_bundle_import_folds_like_district_import(
    world: World, tmp_path: Path, fake_clock: FakeClock
) -> None:
    """``onestop bundle import`` (and the GUI, which calls the same service) at a district folds
    in the same transaction as ``district import``: the two leave the same district."""
    other = make_district(tmp_path, fake_clock, "district-2")
    try:
        for ctx in (world.a, world.b):
            sync.register_key(other, world.sticks / f"khoa-{ctx.station.unit_code}-may1.json")
        for ctx in (world.a, world.b):
            out = sync.export_bundle(ctx, world.sticks)
            plain = sync.import_bundle(world.district, out.path)  # «bundle import»
            assert plain.fold is not None and plain.fold.dossiers > 0
            district.import_station_bundle(other, out.path)  # «district import»
        assert len(_state(world.district)) == 79
        assert _state(world.district) == _state(other)
        assert district.refresh(world.district).dossiers == 0  # nothing left to fold
        for unit in (UNIT_A, UNIT_B):
            assert figures(district.report06_for(world.district, *WEEK1, unit)) == figures(
                district.report06_for(other, *WEEK1, unit)
            )
        own = reports.report06(world.a, *WEEK1)
        assert figures(district.report06_for(world.district, *WEEK1, UNIT_A)) == figures(own)
    finally:
        other.store.close()


def test_bundle_import_at_a_station_does_not_fold(world: World, tmp_path: Path) -> None:
    """A station importing another unit's bundle (not a district) keeps the events only."""
    sync.register_key(world.b, world.sticks / f"khoa-{UNIT_A}-may1.json")
    out = sync.export_bundle(world.a, world.sticks)
    done = sync.import_bundle(world.b, out.path)
    assert done.fold is None and done.inserted > 0
    assert search.count_all(world.b) == 27  # its own dossiers only


def test_rebuild_at_a_district_restores_every_commune(world: World) -> None:
    """``onestop rebuild`` at a district folds the imported events too: one command restores
    Biểu 06 per commune (no ``district refresh --full`` after it)."""
    from onestop_desktop.services import integrity

    carry(world)
    before = {
        u: figures(district.report06_for(world.district, *WEEK1, u)) for u in (UNIT_A, UNIT_B)
    }
    state = _state(world.district)
    clean = integrity.rebuild(world.district, write=False)
    assert clean.clean and clean.dossiers == 79, clean.text()
    assert integrity.verify(world.district).ok, integrity.verify(world.district).text()
    store = world.district.store
    with store.atomic():  # damage: one row gone, one edited, the watermark lost
        gone = store.query("SELECT id FROM dossiers WHERE unit_code = ? LIMIT 1", [UNIT_A])[0]
        store.db.execute("DELETE FROM dossiers WHERE id = ?", [gone["id"]])
        store.db.execute(
            "UPDATE dossiers SET status = 2 WHERE id = (SELECT id FROM dossiers "
            "WHERE unit_code = ? AND status = 10 LIMIT 1)",
            [UNIT_B],
        )
        store.set_setting("district_folded", "{}")
    assert figures(district.report06_for(world.district, *WEEK1, UNIT_A)) != before[UNIT_A]
    found = integrity.verify(world.district).projection_problems  # the two damaged rows named
    assert len(found) == 2 and all("không khớp các sự kiện" in str(m) for m in found)
    done = integrity.rebuild(world.district)
    assert (done.added, done.changed, done.removed) == (1, 1, 0), done.text()
    assert integrity.verify(world.district).ok
    assert _state(world.district) == state
    for unit in (UNIT_A, UNIT_B):
        assert figures(district.report06_for(world.district, *WEEK1, unit)) == before[unit]
    assert district.refresh(world.district) == district.FoldResult(0, 0)  # watermark restored


def test_actions_before_their_creation_wait_for_it(world: World) -> None:
    """A replaced counter (new station number, #12 §6) may send its chain first: its actions on
    dossiers created in the old chain are held and folded once the creation arrives."""
    import dataclasses

    from onestop_desktop.store import events as event_rows
    from onestop_desktop.store import sync as sync_rows

    done = world.a.store.query("SELECT id FROM dossiers WHERE status = 10 LIMIT 1")[0]["id"]
    history = event_rows.for_dossier(world.a.store, done)
    first, later = history[0], history[1:]
    moved = [dataclasses.replace(e, station_id=2, seq=i + 1) for i, e in enumerate(later)]
    with world.district.store.atomic():
        sync_rows.insert_foreign(world.district.store, UNIT_A, moved)
    assert district.refresh(world.district).dossiers == 1
    assert world.district.store.query("SELECT id FROM dossiers") == []
    with world.district.store.atomic():  # then the old chain's creation comes in
        sync_rows.insert_foreign(world.district.store, UNIT_A, [first])
    assert district.refresh(world.district).dossiers == 1
    row = world.district.store.query("SELECT status FROM dossiers WHERE id = ?", [done])
    assert row == [{"status": 10}]


def test_district_commands_refused_at_a_station(world: World) -> None:
    with pytest.raises(ValidationError):
        district.refresh(world.a)


# ---------------------------------------------------------------------------- downward


@pytest.fixture
def trusted(world: World) -> World:
    card = sync.export_key(world.district, world.sticks)
    path = world.sticks / f"khoa-{card.unit_code}-may{card.station}.json"
    sync.register_key(world.a, path, role="district")
    return world


def _catalog_file(ctx: Session, tmp: Path, rename: dict[str, str]) -> Path:
    out = tmp / "danhmuc.json"
    catalog.export_file(ctx, "json", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    items = data if isinstance(data, list) else data["procedures"]
    for item in items:
        if item["code"] in rename:
            item["name"] = rename[item["code"]]
    out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return out


def test_downward_catalog_applies_and_keeps_station_edits(trusted: World, tmp_path: Path) -> None:
    w = trusted
    first = _catalog_file(w.a, tmp_path, {"1.004873": "Đăng ký khai sinh (huyện sửa lần 1)"})
    pub = district.publish(w.district, "catalog", first, w.sticks)
    applied = district.apply_downward(w.a, pub.path)
    assert applied.applied == ["1.004873"] and not applied.kept
    assert catalog.current_procedure(w.a.store, "1.004873").name.endswith("lần 1)")
    versions = [p.version for p in catalog.versions(w.a.store, "1.004873")]
    assert versions == [1, 2]
    # The station edits the procedure itself; the district's next update leaves it.
    mine = catalog.current_procedure(w.a.store, "1.004873")
    import dataclasses

    catalog.save(w.a, [dataclasses.replace(mine, name="Đăng ký khai sinh (xã sửa)")], source="tay")
    second = _catalog_file(w.a, tmp_path, {"1.004873": "Đăng ký khai sinh (huyện sửa lần 2)"})
    # (the exported file carries the station's edit; the district's file renames it again)
    pub2 = district.publish(w.district, "catalog", second, w.sticks)
    again = district.apply_downward(w.a, pub2.path)
    assert again.kept == ["1.004873"]
    assert catalog.current_procedure(w.a.store, "1.004873").name == "Đăng ký khai sinh (xã sửa)"
    with pytest.raises(Conflict):  # a replay of the older bundle
        district.apply_downward(w.a, pub.path)


def test_downward_calendar_keeps_manual_days(trusted: World, tmp_path: Path) -> None:
    w = trusted
    calendar_service.set_day(w.a, date(2027, 5, 3), "day_off", "Nghỉ bù của xã")
    src = tmp_path / "lich.csv"
    src.write_text(
        "day,kind,note\n03/05/2027,workday,Làm bù\n2027-05-10,day_off,Nghỉ theo huyện\n",
        encoding="utf-8-sig",
    )
    pub = district.publish(w.district, "calendar", src, w.sticks)
    msg = sync.import_other(w.a, pub.path, "calendar")
    assert "1 giữ bản sửa" in msg
    days = {d.day: d for d in calendar_service.list_year(w.a, 2027)}
    assert days[date(2027, 5, 3)].kind == "day_off" and days[date(2027, 5, 3)].source == "manual"
    assert days[date(2027, 5, 10)].kind == "day_off"
    assert days[date(2027, 5, 10)].note == "Nghỉ theo huyện"


def _rewrite(src: Path, dst: Path, edit: dict[str, bytes]) -> None:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, edit.get(info.filename, zin.read(info.filename)))


def test_forged_downward_bundles_refused(trusted: World, tmp_path: Path) -> None:
    w = trusted
    src = tmp_path / "lich.json"
    src.write_text(json.dumps([{"day": "2027-06-01", "kind": "day_off", "note": "x"}]))
    pub = district.publish(w.district, "calendar", src, w.sticks)
    part = json.dumps({"days": [{"day": "2027-06-02", "kind": "day_off", "note": "giả"}]})
    edited = tmp_path / "sua.zip"
    _rewrite(pub.path, edited, {"calendar.json": part.encode()})
    with pytest.raises(BundleError, match="bị sửa"):
        district.apply_downward(w.a, edited)
    manifest = json.loads(zipfile.ZipFile(pub.path).read("manifest.json"))
    manifest["sequence"] = 99
    forged = tmp_path / "gia.zip"
    _rewrite(pub.path, forged, {"manifest.json": json.dumps(manifest).encode()})
    with pytest.raises(BundleError, match="chữ ký"):
        district.apply_downward(w.a, forged)
    # Signed by another district's key (a station B key is not this station's district).
    other = make_district(tmp_path / "khac", FakeClock(datetime(2026, 3, 20, tzinfo=clock.VN_TZ)))
    alien = district.publish(other, "calendar", src, tmp_path)
    with pytest.raises(BundleError, match="chưa đăng ký"):
        district.apply_downward(w.a, alien.path)
    other.store.close()
    assert calendar_service.list_year(w.a, 2027) == [
        d for d in calendar_service.list_year(w.a, 2027) if d.day.isoformat() != "2027-06-02"
    ]
    assert district.apply_downward(w.a, pub.path).applied == ["2027-06-01"]
