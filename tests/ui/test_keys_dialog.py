"""Hệ thống → Khóa ký và tin cậy (#12): the station's card written out, trusted at the district
after the fingerprint question, a bundle then accepted; a new key made at the station, refused
as a plain registration and accepted as a replacement; the district's key trusted at the
station; admins only; the dialog in English."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from onestop_desktop.domain import clock
from onestop_desktop.domain.roles import Role
from onestop_desktop.errors import PermissionDenied
from onestop_desktop.services import sync
from onestop_desktop.services.context import Actor, Session, Station
from onestop_desktop.ui import i18n
from onestop_desktop.ui.keys_dialog import KeysDialog, KeysModel
from onestop_desktop.ui.mainwindow import MainWindow
from tests.unit.conftest import FakeClock
from tests.unit.test_district import UNIT_B, make_district, make_station, ninety_six


@pytest.fixture
def world(tmp_path: Path):  # type: ignore[no-untyped-def]
    fake = FakeClock(datetime(2026, 3, 2, 8, 0, tzinfo=clock.VN_TZ))
    commune = make_station(tmp_path, "b", UNIT_B, "UBND xã Sơn Thủy", fake)
    dist = make_district(tmp_path, fake)
    yield commune, dist, fake
    for ctx in (commune, dist):
        ctx.store.close()


def _dialog(qtbot: QtBot, ctx: Session, answers: list[bool]) -> tuple[KeysDialog, list[str]]:
    dialog = KeysDialog(ctx)
    qtbot.addWidget(dialog)
    asked: list[str] = []

    def ask(_title: str, text: str) -> bool:
        asked.append(text)
        return answers.pop(0)

    dialog.ask = ask
    return dialog, asked


def test_a_station_is_trusted_at_the_district_and_replaces_its_lost_key(
    qtbot: QtBot,
    world,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    commune, dist, fake = world
    usb = tmp_path / "usb"
    usb.mkdir()
    at_station, _ = _dialog(qtbot, commune, [False])
    old = sync.own_key_card(commune)
    assert old.fingerprint in at_station.own_label.text()
    assert "máy trạm 1" in at_station.own_label.text()
    card_path = at_station.export_card(usb)
    assert card_path is not None and card_path.is_file()
    assert sync.read_key_card(card_path).fingerprint == old.fingerprint
    assert old.fingerprint in at_station.message.text()

    at_district, asked = _dialog(qtbot, dist, [False, True])
    ModelTester(qtbot).check(at_district.model)
    assert at_district.model.rowCount() == 0
    assert at_district.register_card(card_path) is None  # the admin said no: nothing trusted
    assert old.fingerprint in asked[0] and sync.registered(dist) == []
    row = at_district.register_card(card_path)
    assert row is not None and row.fingerprint == old.fingerprint
    assert at_district.model.rowCount() == 1
    index = at_district.model.index(0, KeysModel.COL_FINGERPRINT)
    assert at_district.model.data(index) == old.fingerprint
    assert at_district.model.data(at_district.model.index(0, KeysModel.COL_WHO)) == "máy trạm 1"
    # Trusted: the station's bundle is now accepted and folded.
    ninety_six(commune, fake)
    first = sync.export_bundle(commune, usb).path
    assert sync.import_bundle(dist, first).inserted > 0

    # The station's key is lost: a new one, after the question.
    (commune.store.path.parent / "keys" / "station_ed25519.pem").unlink()  # type: ignore[union-attr]
    (usb / "new").mkdir()
    assert at_station.make_new_key(usb / "new") is None  # the admin said no: nothing made
    assert list((usb / "new").iterdir()) == []
    at_station.ask = lambda _t, _q: True
    made = at_station.make_new_key(usb / "new")
    assert made is not None and not made.signed_by_old
    assert made.card.fingerprint != old.fingerprint
    assert made.card.fingerprint in at_station.message.text()
    assert old.fingerprint in at_station.message.text()
    assert old.fingerprint in at_station.own_label.text()  # "replaces the old key …"

    # At the district a plain registration of the new card is refused, with the reason…
    at_district.ask = lambda _t, _q: True
    assert at_district.register_card(made.path) is None
    assert at_district.message.is_error() and "đã có khóa khác" in at_district.message.text()
    # …and the replacement is accepted: the new key is trusted, the old one retired.
    replaced = at_district.register_card(made.path, replace=True)
    assert replaced is not None and replaced.fingerprint == made.card.fingerprint
    assert "thôi dùng" in at_district.message.text()
    assert [k.fingerprint for k in sync.registered(dist)] == [made.card.fingerprint]
    second = sync.export_bundle(commune, usb / "new")
    assert second.manifest.fingerprint == made.card.fingerprint
    sync.import_bundle(dist, second.path)  # signed by the new key: accepted


def test_the_station_trusts_the_district_key(
    qtbot: QtBot,
    world,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    commune, dist, _fake = world
    at_district, _ = _dialog(qtbot, dist, [])
    assert "cấp huyện" in at_district.own_label.text()
    card = at_district.export_card(tmp_path)
    assert card is not None
    at_station, asked = _dialog(qtbot, commune, [True])
    row = at_station.register_card(card)
    assert row is not None and row.role == "district"
    assert "cấp huyện" in asked[0]
    cell = at_station.model.data(at_station.model.index(0, KeysModel.COL_WHO))
    assert cell == "cấp huyện"
    # A broken card is refused with the file's name, nothing trusted.
    bad = tmp_path / "hong.json"
    bad.write_text("{", encoding="utf-8")
    assert at_station.register_card(bad) is None
    assert at_station.message.is_error() and "hong.json" in at_station.message.text()
    assert len(sync.registered(commune)) == 1


def test_admins_only_and_the_window_command(
    qtbot: QtBot,
    world,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    commune, _dist, _fake = world
    clerk = Session(
        commune.store, Station.load(commune.store), Actor("tiepnhan", "Lê Thị Thu", Role.CLERK)
    )
    with pytest.raises(PermissionDenied):
        KeysDialog(clerk)
    assert not clerk.may(sync.PERMISSION)  # the window's literal is this permission
    for ctx, allowed in ((clerk, False), (commune, True)):
        win = MainWindow(
            ctx, settings=QSettings(str(tmp_path / f"{allowed}.ini"), QSettings.Format.IniFormat)
        )
        qtbot.addWidget(win)
        assert win.actions_by_id["sync_keys"].isEnabled() is allowed
        opened = win.show_sync_keys()
        assert (opened is not None) is allowed
        if opened is not None:
            assert isinstance(opened, KeysDialog)
            opened.close()


def test_the_dialog_in_english(qtbot: QtBot, world) -> None:  # type: ignore[no-untyped-def]
    commune, _dist, _fake = world
    dialog, _ = _dialog(qtbot, commune, [])
    assert dialog.windowTitle() == "Khóa ký và tin cậy"
    try:
        i18n.install("en")
        QApplication.processEvents()
        assert dialog.windowTitle().isascii() and dialog.windowTitle() != "Khóa ký và tin cậy"
        assert dialog.export_button.text() == "&Write the key card to a file…"
        own = dialog.own_label.text().replace("UBND xã Sơn Thủy", "")
        assert "station 1" in own and "fingerprint" in own
        assert not [c for c in own if c.isalpha() and not c.isascii()], own
    finally:
        i18n.install("vi")
