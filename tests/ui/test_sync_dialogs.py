"""The GUI's sync bundle commands (#12): export in a worker with progress, import of the
district's acknowledgement, a refused file shown as an error with nothing recorded."""

from __future__ import annotations

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
