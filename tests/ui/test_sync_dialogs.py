"""The GUI's sync bundle commands (#12): export in a worker with progress, import of the
district's acknowledgement, a refused file shown as an error with nothing recorded."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from onestop_desktop.domain.roles import Role
from onestop_desktop.paths import DataDir
from onestop_desktop.services import station, sync
from onestop_desktop.services.context import Actor, Session, Station
from onestop_desktop.store import sync as sync_rows
from onestop_desktop.store.db import Store
from onestop_desktop.ui.mainwindow import MainWindow
from onestop_desktop.ui.shortcuts import SHORTCUTS
from onestop_desktop.ui.sync_dialogs import SyncRunner


@pytest.fixture
def admin(store: Store) -> Session:
    return Session(store, Station.load(store), Actor("admin", "Quản trị viên", Role.ADMIN))


@pytest.fixture
def window(qtbot: QtBot, admin: Session, tmp_path: Path) -> MainWindow:
    win = MainWindow(
        admin, settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _close_boxes() -> list[str]:
    texts = []
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QMessageBox) and w.isVisible():
            texts.append(w.text())
            w.close()
    return texts


def test_menu_rows_use_their_keys() -> None:
    keys = {s.action_id: s.keys for s in SHORTCUTS}
    assert keys["sync_export"] == "Ctrl+Alt+E" and keys["sync_import"] == "Ctrl+Alt+I"


def test_export_then_ack_import(
    qtbot: QtBot, window: MainWindow, admin: Session, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    runner = window.sync_runner()
    assert isinstance(runner, SyncRunner)
    with qtbot.waitSignal(runner.done, timeout=60000) as done:
        assert window.export_sync_bundle(usb) is not None
    assert "Đã xuất" in str(done.args[0])
    bundles = list(usb.glob("onestop-*.osb"))
    assert len(bundles) == 1 and not list(usb.glob(".*partial"))
    qtbot.waitUntil(lambda: bool(_close_boxes()), timeout=5000)

    # the district (services, as its own program would) imports it and writes the ack
    dist = station.init_data_dir(
        DataDir(tmp_path / "district"),
        unit_code="000.00.12.H00",
        unit_name="UBND huyện",
        station=1,
        admin="admin",
        password="admin-pass-1",
        catalog="none",
    )
    dist.store.set_setting(sync.KIND_SETTING, "district")
    sync.export_key(admin, usb / "station.json")
    sync.register_key(dist, usb / "station.json")
    sync.export_key(dist, usb / "district.json")
    sync.register_key(admin, usb / "district.json", role="district")
    result = sync.import_bundle(dist, bundles[0], ack_to=usb)
    assert result.ack is not None
    dist.store.close()

    with qtbot.waitSignal(runner.done, timeout=60000) as done:
        window.import_sync_bundle(result.ack)
    assert "xác nhận" in str(done.args[0])
    assert sync_rows.last_ack(admin.store, 1) is not None
    qtbot.waitUntil(lambda: bool(_close_boxes()), timeout=5000)


def test_refused_file_shows_error_records_nothing(
    qtbot: QtBot,
    window: MainWindow,
    admin: Session,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown: list[str] = []
    from onestop_desktop.ui import workers

    monkeypatch.setattr(
        workers.msgbox, "open_error", lambda exc, parent=None, **_: shown.append(exc.message)
    )
    bad = tmp_path / "hong.osb"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    runner = window.sync_runner()
    assert isinstance(runner, SyncRunner)
    worker = window.import_sync_bundle(bad)
    assert worker is not None
    qtbot.waitUntil(lambda: runner.worker is None, timeout=30000)
    assert shown and "hong.osb" in shown[0]
    assert not sync_rows.imports(admin.store)


def test_gui_import_at_a_district_folds(qtbot: QtBot, tmp_path: Path) -> None:
    """*Nhập gói đồng bộ…* at a district imports and folds in one transaction (#12), as
    ``district import`` does: the communes' dossiers are there when the message shows."""
    from datetime import datetime

    from PySide6.QtWidgets import QWidget

    from onestop_desktop.domain import clock
    from tests.unit.conftest import FakeClock
    from tests.unit.test_district import UNIT_B, make_district, make_station, ninety_six

    fake = FakeClock(datetime(2026, 3, 2, 8, 0, tzinfo=clock.VN_TZ))
    commune = make_station(tmp_path, "b", UNIT_B, "UBND xã Sơn Thủy", fake)
    ninety_six(commune, fake)
    dist = make_district(tmp_path, fake)
    usb = tmp_path / "usb"
    usb.mkdir()
    sync.export_key(commune, usb / "b.json")
    sync.register_key(dist, usb / "b.json")
    bundle = sync.export_bundle(commune, usb).path
    host = QWidget()
    qtbot.addWidget(host)
    runner = SyncRunner(dist, host)
    with qtbot.waitSignal(runner.done, timeout=60000) as done:
        assert runner.import_file(bundle) is not None
    assert "27 hồ sơ của cấp huyện" in str(done.args[0])
    assert dist.store.query("SELECT count(*) AS n FROM dossiers")[0]["n"] == 27
    qtbot.waitUntil(lambda: runner.worker is None, timeout=5000)
    qtbot.waitUntil(lambda: bool(_close_boxes()), timeout=5000)
    with qtbot.waitSignal(runner.done, timeout=60000) as again:  # the same file again
        assert runner.import_file(bundle) is not None
    assert re.search(r"đã được nhập lúc \d\d/\d\d/2026 \d\d:\d\d", str(again.args[0]))
    qtbot.waitUntil(lambda: runner.worker is None, timeout=5000)
    qtbot.waitUntil(lambda: bool(_close_boxes()), timeout=5000)
    for ctx in (commune, dist):
        ctx.store.close()
