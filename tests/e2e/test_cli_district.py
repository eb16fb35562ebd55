"""District mode end to end (#12 items 5-6), every sync step as a real ``onestop`` process: two
communes' stations (their dossiers made with the services and the test clock: 52 = 45 + 5 + 2
at one, 96,3% at the other), key cards, a district made by ``init --district``, register,
export, import, Biểu 06 compared with each station's own ``onestop report``, the on-time
table, a downward calendar bundle applied at a station, and a forged one refused."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import PASSWORD, assert_refused, ok, onestop, parse_json
from tests.unit.conftest import FakeClock
from tests.unit.test_district import UNIT_A, UNIT_B, make_station, ninety_six
from tests.unit.test_report_service import announcement_week

DISTRICT = "000.00.00.H29"


@pytest.fixture(scope="module")
def stations(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    from datetime import datetime

    from onestop_desktop.domain import clock

    root = tmp_path_factory.mktemp("district-e2e")
    fake = FakeClock(datetime(2026, 3, 2, 8, 0, tzinfo=clock.VN_TZ))
    a = make_station(root, "a", UNIT_A, "UBND xã Hòa Bình", fake)
    b = make_station(root, "b", UNIT_B, "UBND xã Sơn Thủy", fake)
    announcement_week(a, fake)
    ninety_six(b, fake)
    a.store.close()
    b.store.close()
    yield root


@pytest.fixture(scope="module")
def district(stations: Path) -> Path:
    """The district after registering both stations and importing one bundle of each."""
    root = stations
    dist = root / "district"
    ok(
        onestop(
            dist,
            "init",
            "--district",
            "--unit-code",
            DISTRICT,
            "--unit-name",
            "UBND huyện Kim Bôi",
            "--catalog",
            "none",
            "--password-stdin",
            input=PASSWORD + "\n",
        )
    )
    usb = root / "usb"
    usb.mkdir()
    for name in ("a", "b"):
        card = ok(onestop(root / name, "bundle", "key", "--out", usb)).stdout
        key = next(usb.glob(f"khoa-*{UNIT_A if name == 'a' else UNIT_B}*.json"))
        reg = ok(onestop(dist, "district", "register", key)).stdout
        fingerprint = json.loads(key.read_text(encoding="utf-8"))["fingerprint"]
        assert fingerprint in card and fingerprint in reg
        ok(onestop(root / name, "bundle", "export", "--to", usb))
    for bundle in sorted(usb.glob("onestop-*")):
        out = ok(onestop(dist, "district", "import", bundle, "--ack-to", usb)).stdout
        assert "sự kiện mới" in out
    return dist


def _report(data: Path, *args: str) -> dict[str, object]:
    body = parse_json(ok(onestop(data, *args, "--format", "json")))
    assert isinstance(body, dict)
    body["unit"].pop("station")  # type: ignore[attr-defined]
    return body


def test_biểu06_per_commune_equals_the_station_and_total_adds_up(
    stations: Path, district: Path
) -> None:
    period = ("--from", "02/03/2026", "--to", "15/03/2026")
    own_a = _report(stations / "a", "report", *period)
    own_b = _report(stations / "b", "report", *period)
    at_a = _report(district, "district", "report", *period, "--unit", UNIT_A)
    at_b = _report(district, "district", "report", *period, "--unit", UNIT_B)
    assert at_a == own_a and at_b == own_b
    total = _report(district, "district", "report", *period)
    for key in ("received_total", "resolved_total", "in_progress_total"):
        assert total[key] == own_a[key] + own_b[key]  # type: ignore[operator]


def test_seed_figures_and_on_time_table(district: Path) -> None:
    week1 = ("--from", "02/03/2026", "--to", "08/03/2026")
    a = _report(district, "district", "report", *week1, "--unit", UNIT_A)["announced"]
    assert a == {  # type: ignore[comparison-overlap]
        "received": 52,
        "returned_on_time": 45,
        "in_progress": 5,
        "refused": 2,
        "on_time_rate": 100.0,
    }
    table = parse_json(
        ok(
            onestop(
                district,
                "district",
                "ontime",
                "--from",
                "09/03/2026",
                "--to",
                "15/03/2026",
                "--json",
            )
        )
    )
    b = next(r for r in table if r["unit_code"] == UNIT_B)
    assert b["on_time_rate"] == 96.3 and b["returned_late"] == 1
    text = ok(
        onestop(district, "district", "ontime", "--from", "09/03/2026", "--to", "15/03/2026")
    ).stdout
    assert "96,3%" in text and "Toàn huyện" in text
    listing = parse_json(ok(onestop(district, "district", "list", "--json")))
    assert [(u["unit_code"], u["dossiers"]) for u in listing] == [(UNIT_A, 52), (UNIT_B, 27)]


def test_search_at_the_district_finds_both_communes(district: Path) -> None:
    out = ok(onestop(district, "search", "Nguyễn Văn")).stdout
    assert UNIT_A in out and UNIT_B in out


def test_downward_calendar_applied_and_forgery_refused(stations: Path, district: Path) -> None:
    usb = stations / "usb"
    card_dir = stations / "card"
    card_dir.mkdir(exist_ok=True)
    ok(onestop(district, "bundle", "key", "--out", card_dir))
    card = next(card_dir.glob("*.json"))
    ok(onestop(stations / "a", "bundle", "trust-district", card))
    src = stations / "lich.csv"
    src.write_text("day,kind,note\n2027-10-15,day_off,Nghỉ lễ theo huyện\n", encoding="utf-8-sig")
    pub = ok(onestop(district, "district", "publish-calendar", src, "--to", usb)).stdout
    bundle = next(usb.glob("huyen-*-lich-1.zip"))
    assert bundle.name in pub
    forged = usb / "huyen-gia.zip"
    with zipfile.ZipFile(bundle) as zin, zipfile.ZipFile(forged, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "calendar.json":
                data = data.replace(b"2027-10-15", b"2027-10-18")
            zout.writestr(info.filename, data)
    assert_refused(onestop(stations / "a", "bundle", "import", forged), forged.name)
    days = parse_json(ok(onestop(stations / "a", "calendar", "list", "--year", "2027", "--json")))
    assert not any(d.get("date") == "2027-10-18" for d in days)
    out = ok(onestop(stations / "a", "bundle", "import", bundle)).stdout
    assert "Đã áp dụng gói lịch" in out
    days = parse_json(ok(onestop(stations / "a", "calendar", "list", "--year", "2027", "--json")))
    assert any(d.get("date") == "2027-10-15" for d in days)
    again = onestop(stations / "a", "bundle", "import", bundle)
    assert_refused(again, "không áp dụng lại")
