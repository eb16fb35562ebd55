"""The first-run wizard: every page checks as init does; the set-up, the demo and the faults."""

from __future__ import annotations

import errno
import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot

from onestop_desktop import app as app_module
from onestop_desktop import files
from onestop_desktop.domain.roles import Role
from onestop_desktop.paths import DataDir
from onestop_desktop.services import settings
from onestop_desktop.services.context import Session
from onestop_desktop.ui import i18n
from onestop_desktop.ui.mainwindow import MainWindow
from onestop_desktop.ui.setup_wizard import SetupWizard
from tests.helpers.typing import type_text

UNIT_NAME = "UBND xã Tân Phú"
PASSWORD = "matkhau-2026"
TIMEOUT = 60_000  # argon2 and the starter catalogue on a machine shared by several test runs


@pytest.fixture
def data(tmp_path: Path) -> DataDir:
    return DataDir(tmp_path / "new-station")


@pytest.fixture
def wizard(qtbot: QtBot, data: DataDir) -> SetupWizard:
    w = SetupWizard(data, demo_dossiers=12)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def close_session(w: SetupWizard) -> None:
    session = w.session()
    if session is not None:
        session.store.close()


def fill_all(w: SetupWizard, *, code: str = "000.00.12.H29") -> None:
    """Walk the pages as a clerk would, typing Vietnamese per character."""
    assert w.currentId() == SetupWizard.PAGE_INTRO
    w.next()
    type_text(w.unit.name_edit, UNIT_NAME)
    type_text(w.unit.code_edit, code)
    w.next()
    w.station.spin.setValue(3)
    w.next()
    type_text(w.admin.password_edit, PASSWORD)
    type_text(w.admin.repeat_edit, PASSWORD)
    w.next()
    w.next()  # the starter catalogue
    w.hours.cutoff_edit.setText("14:30")
    w.next()
    assert w.currentId() == SetupWizard.PAGE_CONFIRM


def next_enabled(w: SetupWizard) -> bool:
    return w.button(QWizard.WizardButton.NextButton).isEnabled()


# ------------------------------------------------------------------ the pages


def test_buttons_and_first_page_are_vietnamese(wizard: SetupWizard, data: DataDir) -> None:
    assert wizard.windowTitle() == "Thiết lập ban đầu — OneStop Desktop"
    assert wizard.button(QWizard.WizardButton.NextButton).text() == "&Tiếp >"
    assert wizard.button(QWizard.WizardButton.CancelButton).text() == "Thoát"
    assert wizard.intro.demo_button.text() == "Mở xã mẫu (dữ liệu thử)"
    assert str(data.root) in wizard.intro.folder_label.text()
    assert not data.root.exists(), "nothing is created before the clerk asks"


def test_unit_page_checks_the_code_as_init_does(wizard: SetupWizard) -> None:
    wizard.next()
    assert wizard.currentId() == SetupWizard.PAGE_UNIT
    assert not next_enabled(wizard)
    type_text(wizard.unit.name_edit, UNIT_NAME)
    type_text(wizard.unit.code_edit, "000.00.12.h2")
    assert not next_enabled(wizard)
    assert wizard.unit.code_state.text() == (
        "✗ Mã định danh đơn vị «000.00.12.h2» không đúng dạng LLL.KK.JJ.XNN (ví dụ 000.00.12.H29)"
    )
    type_text(wizard.unit.code_edit, "9")
    assert next_enabled(wizard)
    assert wizard.unit.unit_code() == "000.00.12.H29"
    assert wizard.unit.code_state.text() == "✓ Mã định danh đúng dạng"
    wizard.unit.name_edit.setText("   ")
    assert not next_enabled(wizard), "a blank name is no name"


def test_station_page_explains_the_rule_and_shows_an_example_code(wizard: SetupWizard) -> None:
    wizard.next()
    wizard.unit.name_edit.setText(UNIT_NAME)
    wizard.unit.code_edit.setText("000.00.12.H29")
    wizard.next()
    assert wizard.currentId() == SetupWizard.PAGE_STATION
    rule = wizard.station.rule_label.text()
    assert "Mỗi máy tính của cùng một xã phải lấy một số hiệu riêng, từ 1 đến 9" in rule
    assert "trùng mã hồ sơ" in rule
    assert (wizard.station.spin.minimum(), wizard.station.spin.maximum()) == (1, 9)
    wizard.station.spin.setValue(4)
    example = wizard.station.example_label.text()
    assert example.startswith("Hồ sơ đầu tiên trong ngày của máy này sẽ có mã: 000.00.12.H29-")
    assert example.endswith("-4001")


def test_admin_page_shows_the_password_rules_live(wizard: SetupWizard) -> None:
    wizard.next()
    wizard.unit.name_edit.setText(UNIT_NAME)
    wizard.unit.code_edit.setText("000.00.12.H29")
    wizard.next()
    wizard.next()
    assert wizard.currentId() == SetupWizard.PAGE_ADMIN
    page = wizard.admin
    assert page.username_rule.text() == "✓ Tên đăng nhập hợp lệ"
    assert page.password_rule.text() == "✗ Mật khẩu phải có ít nhất 8 ký tự"
    type_text(page.password_edit, "abc")
    assert page.password_rule.text() == "✗ Mật khẩu phải có ít nhất 8 ký tự"
    type_text(page.password_edit, "defgh")
    assert page.password_rule.text() == "✓ Mật khẩu đủ dài (ít nhất 8 ký tự)"
    assert page.repeat_rule.text() == "✗ Hai lần nhập mật khẩu chưa giống nhau"
    assert not next_enabled(wizard)
    type_text(page.repeat_edit, "abcdefgh")
    assert page.repeat_rule.text() == "✓ Hai lần nhập mật khẩu giống nhau"
    assert next_enabled(wizard)
    page.username_edit.setText("Quản trị")
    assert page.username_rule.text().startswith("✗ Tên đăng nhập phải dài 3–32 ký tự")
    assert not next_enabled(wizard)


def test_catalogue_file_is_checked_before_going_on(
    wizard: SetupWizard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = wizard.catalogue
    assert page.choice() == "starter"
    assert not page.file_edit.isEnabled()
    page.file_radio.setChecked(True)
    assert not page.isComplete(), "a file must be named"
    missing = tmp_path / "khong-co.csv"
    page.file_edit.setText(str(missing))
    assert page.isComplete()
    assert not page.validatePage()
    assert page.message_label.text() == f"Không tìm thấy tệp danh mục «{missing}»."
    bad = tmp_path / "danh-muc.csv"
    bad.write_text("ma_tthc,ten\nabc,\n", encoding="utf-8")
    page.file_edit.setText(str(bad))
    assert not page.validatePage()
    assert page.message_label.text().startswith("Tệp danh mục có ")
    assert "Lỗi đầu tiên: Dòng " in page.message_label.text()
    # The browse button fills the path (the file dialog itself is Qt's).
    from onestop_desktop.services import catalog

    starter = catalog.starter_path()
    monkeypatch.setattr(
        "onestop_desktop.ui.setup_wizard.QFileDialog.getOpenFileName",
        lambda *_a, **_k: (str(starter), ""),
    )
    page.starter_radio.setChecked(True)
    page.browse()
    assert page.file_radio.isChecked() and page.file_edit.text() == str(starter)
    assert page.validatePage()
    assert page.state_label.text().startswith("✓ Đã đọc ")


def test_hours_page_checks_hours_and_cut_off_together(wizard: SetupWizard) -> None:
    page = wizard.hours
    assert page.hours_edit.text() == "07:00-11:30,13:30-17:00"
    assert page.cutoff_edit.text() == "15:00"
    assert page.idle_spin.value() == 10
    assert page.isComplete() and page.chosen_settings() == {}
    page.cutoff_edit.setText("18:00")
    assert not page.isComplete()
    assert page.state_label.text() == (
        "Giờ chốt nhận hồ sơ trong ngày (18:00) phải nằm trong giờ làm việc (07:00–17:00)."
    )
    page.cutoff_edit.setText("15:00")
    page.hours_edit.setText("7h-11h")
    assert page.state_label.text().startswith("Giờ làm việc không hợp lệ; cần các buổi")
    page.hours_edit.setText("07:30-11:30, 13:00-17:00")
    page.idle_spin.setValue(5)
    assert page.isComplete()
    assert page.chosen_settings() == {
        "office_hours": "07:30-11:30,13:00-17:00",
        "idle_lock_minutes": "5",
    }


# ------------------------------------------------------------------ the set-up


def test_setup_creates_the_station_and_ends_signed_in(
    qtbot: QtBot, wizard: SetupWizard, data: DataDir
) -> None:
    fill_all(wizard)
    assert "UBND xã Tân Phú (000.00.12.H29)" in wizard.confirm.summary_label.text()
    assert "Máy trạm số 3" in wizard.confirm.summary_label.text()
    assert wizard.button(QWizard.WizardButton.FinishButton).text() == "&Khởi tạo"
    with qtbot.waitSignal(wizard.signedIn, timeout=TIMEOUT) as signed:
        wizard.button(QWizard.WizardButton.FinishButton).click()
        assert wizard.is_busy()
        assert wizard.confirm.progress.isVisible()
    session = signed.args[0]
    try:
        assert isinstance(session, Session)
        assert session is wizard.session()
        assert wizard.result() == int(QWizard.DialogCode.Accepted)
        assert (session.actor.username, session.actor.role) == ("admin", Role.ADMIN)
        station = session.station
        assert (station.unit_code, station.unit_name, station.station_id) == (
            "000.00.12.H29",
            UNIT_NAME,
            3,
        )
        assert settings.value(session.store, settings.SAME_DAY_CUTOFF).strftime("%H:%M") == "14:30"
        rows = session.store.query(
            "SELECT actor, payload FROM events WHERE kind = ?", ["settings.changed"]
        )
        assert [json.loads(r["payload"])["key"] for r in rows] == ["same_day_cutoff"]
        assert rows[0]["actor"].startswith("operator:"), "as `onestop init` would be followed"
        procedures = session.store.query("SELECT COUNT(*) AS n FROM procedures")[0]["n"]
        assert procedures > 0, "the starter catalogue"
        assert (data.keys / "station_ed25519.pem").is_file()
    finally:
        close_session(wizard)


def test_demo_commune_is_made_in_the_background_then_signed_in(
    qtbot: QtBot, wizard: SetupWizard
) -> None:
    seen: list[tuple[int, int]] = []
    with qtbot.waitSignal(wizard.signedIn, timeout=TIMEOUT):
        wizard.intro.demo_button.click()
        worker = wizard.worker()
        assert worker is not None
        worker.progressed.connect(lambda done, total, _t: seen.append((done, total)))
        assert not wizard.intro.demo_button.isEnabled()
        assert wizard.intro.progress.isVisible()
        assert wizard.intro.status_label.text() == "Đang tạo xã mẫu với 12 hồ sơ…"
        wizard.reject()  # refused while the demo is being made
        assert wizard.isVisible()
    session = wizard.session()
    assert session is not None
    try:
        assert wizard.result() == int(QWizard.DialogCode.Accepted)
        assert session.actor.username == "admin"
        assert session.store.query("SELECT COUNT(*) AS n FROM dossiers")[0]["n"] == 12
        assert seen and seen[-1] == (12, 12)
    finally:
        close_session(wizard)


def test_read_only_folder_is_said_on_the_page_and_the_typed_content_kept(
    qtbot: QtBot, wizard: SetupWizard, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill_all(wizard)

    def read_only(_self: DataDir) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    with monkeypatch.context() as patched:
        patched.setattr(DataDir, "ensure", read_only)
        with qtbot.waitSignal(wizard.setupFailed, timeout=TIMEOUT) as failed:
            wizard.start_setup()
        qtbot.waitUntil(lambda: not wizard.is_busy())
    assert failed.args[0].startswith("Thư mục dữ liệu chỉ cho phép đọc, không ghi được")
    assert wizard.confirm.message_label.text() == failed.args[0]
    assert wizard.currentId() == SetupWizard.PAGE_CONFIRM and wizard.isVisible()
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert wizard.unit.name_edit.text() == UNIT_NAME
    assert wizard.admin.password_edit.text() == PASSWORD
    # Fixed (the folder is writable again): the same content sets the station up.
    with qtbot.waitSignal(wizard.signedIn, timeout=TIMEOUT):
        wizard.start_setup()
    close_session(wizard)


def test_full_disk_is_said_on_the_page_and_init_can_run_again(
    qtbot: QtBot, wizard: SetupWizard, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill_all(wizard)

    def full(kind: str, path: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files, "fault_hook", full)
    with qtbot.waitSignal(wizard.setupFailed, timeout=TIMEOUT) as failed:
        wizard.start_setup()
    qtbot.waitUntil(lambda: not wizard.is_busy())
    assert "ổ đĩa đã đầy" in failed.args[0].lower(), failed.args[0]
    assert wizard.unit.code_edit.text() == "000.00.12.H29"
    monkeypatch.setattr(files, "fault_hook", None)
    with qtbot.waitSignal(wizard.signedIn, timeout=TIMEOUT):
        wizard.start_setup()
    close_session(wizard)


# ------------------------------------------------------------------ through app.run()


def test_run_on_an_empty_folder_opens_the_wizard_then_the_main_window(
    qtbot: QtBot, qapp: QApplication, data: DataDir, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app_module.logging_setup, "configure", lambda *_a, **_k: None)
    monkeypatch.setenv(i18n.ENV_VAR, "vi")
    wizards: list[SetupWizard] = []
    windows: list[MainWindow] = []

    def wait_for_session(w: SetupWizard) -> Session | None:
        qtbot.addWidget(w)
        wizards.append(w)
        assert w.isVisible()
        fill_all(w)
        with qtbot.waitSignal(w.signedIn, timeout=TIMEOUT):
            w.start_setup()
        return w.session()

    def fake_exec() -> int:
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        windows.extend(w for w in found if w.isVisible())
        for w in found:
            qtbot.addWidget(w)
        return 0

    monkeypatch.setattr(SetupWizard, "wait_for_session", wait_for_session)
    monkeypatch.setattr(qapp, "exec", fake_exec)
    assert app_module.needs_setup(data)
    assert app_module.run(data, ["onestop"]) == 0
    assert len(wizards) == 1 and len(windows) == 1
    assert windows[0].session().actor.username == "admin"
    assert windows[0].windowTitle() == f"{UNIT_NAME} — OneStop Desktop"
    assert not app_module.needs_setup(data), "the next start signs in"


def test_a_folder_left_by_a_restore_is_not_a_new_station(data: DataDir) -> None:
    data.root.mkdir(parents=True)
    assert app_module.needs_setup(data)
    kept = data.database.with_name(data.database.name + ".replaced-20261202T010000")
    kept.write_bytes(b"")
    assert not app_module.needs_setup(data), "it says to restore, never to start again"


def test_an_empty_database_left_by_a_cut_init_opens_the_wizard(
    qapp: QApplication, data: DataDir, monkeypatch: pytest.MonkeyPatch
) -> None:
    from onestop_desktop.store.db import Store

    monkeypatch.setattr(app_module.logging_setup, "configure", lambda *_a, **_k: None)
    monkeypatch.setenv(i18n.ENV_VAR, "vi")
    data.ensure()
    Store.open(data.database, create=True).close()  # a database, but no station in it
    assert not app_module.needs_setup(data), "a file is there: the sign-in path opens it"
    opened: list[SetupWizard] = []

    def wait_for_session(w: SetupWizard) -> Session | None:
        opened.append(w)
        return None  # the clerk closes the wizard

    monkeypatch.setattr(SetupWizard, "wait_for_session", wait_for_session)
    assert app_module.run(data, ["onestop"]) == 0
    assert len(opened) == 1, "set up here, not «run onestop init»"


def test_setup_refuses_a_page_left_wrong(wizard: SetupWizard, data: DataDir) -> None:
    for _ in range(6):
        wizard.next()  # by code, past pages whose Next is disabled
    assert wizard.currentId() == SetupWizard.PAGE_CONFIRM
    assert wizard.start_setup() is None
    assert wizard.confirm.message_label.text() == "Trang «Đơn vị» chưa điền đủ hoặc chưa đúng"
    assert not data.root.exists()
