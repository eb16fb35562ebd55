"""The admin screens (#9 item 6): admin only (menu hidden, keys off, services refuse), every
action recorded as an event, the catalogue import's error list, the restore's confirmation and
the reopened store, the paged audit log; qtmodeltester on every model."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from onestop_desktop.domain import clock
from onestop_desktop.errors import PermissionDenied
from onestop_desktop.paths import DataDir
from onestop_desktop.services import audit, backup, catalog, demo, search, settings, users
from onestop_desktop.services.context import Session
from onestop_desktop.store.db import Store
from onestop_desktop.ui import admin
from onestop_desktop.ui.admin.audit import AuditModel, AuditScreen
from onestop_desktop.ui.admin.backup import BackupScreen, RestoreDialog
from onestop_desktop.ui.admin.calendar import CalendarScreen
from onestop_desktop.ui.admin.catalog import CatalogScreen
from onestop_desktop.ui.admin.settings import SettingsScreen
from onestop_desktop.ui.admin.users import (
    AddUserDialog,
    ResetPasswordDialog,
    RoleDialog,
    UsersScreen,
)
from onestop_desktop.ui.mainwindow import MainWindow
from tests.helpers.typing import type_text

from .conftest import DEMO_DOSSIERS


@pytest.fixture
def admin_session(store: Store) -> Session:
    return users.sign_in(store, "admin", demo.DEMO_PASSWORD)


def kinds(store: Store, kind: str) -> list[dict[str, object]]:
    rows = store.query("SELECT actor, payload FROM events WHERE kind = ? ORDER BY id", [kind])
    return [{"actor": r["actor"], **json.loads(r["payload"])} for r in rows]


def window_for(qtbot: QtBot, session: Session, tmp_path: Path) -> MainWindow:
    win = MainWindow(
        session, settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


# ------------------------------------------------------------------ who may open them


def test_clerk_has_no_admin_menu_and_the_services_refuse(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    win = window_for(qtbot, session, tmp_path)
    assert not win.menus["admin"].menuAction().isVisible()
    for screen_id in admin.SCREEN_IDS:
        action = win.actions_by_id[screen_id]
        assert not action.isEnabled()
        action.trigger()  # a disabled action does nothing
        assert win.show_admin(screen_id) is None  # and the handler itself refuses
        assert screen_id not in win.screen_ids()
        with pytest.raises(PermissionDenied):
            admin.make_screen(session, screen_id)
    assert "không có quyền" in win.statusBar().currentMessage()
    assert win.current_screen() == "worklist"
    with pytest.raises(PermissionDenied):
        users.list_users(session)
    with pytest.raises(PermissionDenied):
        audit.search_log(session, audit.LogQuery())


def test_admin_menu_and_keys_open_each_screen(
    qtbot: QtBot, admin_session: Session, tmp_path: Path
) -> None:
    win = window_for(qtbot, admin_session, tmp_path)
    assert win.menus["admin"].menuAction().isVisible()
    ids = [a.objectName() for a in win.menus["admin"].actions()]
    assert ids[:6] == list(admin.SCREEN_IDS)
    keys = [win.actions_by_id[i].shortcut().toString() for i in admin.SCREEN_IDS]
    assert keys == [f"Ctrl+Alt+{n}" for n in range(1, 7)]
    for screen_id in admin.SCREEN_IDS:
        win.actions_by_id[screen_id].trigger()
        assert win.current_screen() == screen_id
    backup_screen = win.show_admin("admin_backup")
    assert isinstance(backup_screen, BackupScreen)
    qtbot.waitUntil(lambda: backup_screen.worker() is None, timeout=10000)


# ------------------------------------------------------------------ accounts


def test_users_screen_every_action_is_an_event(
    qtbot: QtBot, admin_session: Session, store: Store
) -> None:
    screen = UsersScreen(admin_session)
    qtbot.addWidget(screen)
    assert [u.username for u in screen.model.rows()] == [
        u.username for u in users.list_users(admin_session)
    ]

    dialog = screen.add_user()
    assert isinstance(dialog, AddUserDialog)
    type_text(dialog.username, "hoa")
    type_text(dialog.full_name, "Phạm Thị Hoà")
    dialog.role.setCurrentIndex(dialog.role.findData("officer"))
    type_text(dialog.password, "mat-khau-hoa")
    type_text(dialog.again, "mat-khau-khac")
    dialog.buttons.accepted.emit()
    assert dialog.isVisible() and "không khớp" in dialog.error.text()  # fields kept
    assert dialog.full_name.text() == "Phạm Thị Hoà"
    dialog.again.clear()
    type_text(dialog.again, "mat-khau-hoa")
    dialog.buttons.accepted.emit()
    assert not dialog.isVisible()
    assert kinds(store, "user.added")[-1]["username"] == "hoa"
    assert screen.current_user() is not None and screen.current_user().username == "hoa"
    assert "Đã thêm tài khoản hoa" in screen.message.text()

    role = screen.change_role()
    assert isinstance(role, RoleDialog)
    role.role.setCurrentIndex(role.role.findData("leader"))
    role.buttons.accepted.emit()
    assert kinds(store, "user.role_changed")[-1] == {
        "actor": "user:admin",
        "v": 1,
        "username": "hoa",
        "old": "officer",
        "new": "leader",
    }

    store.db.execute(  # five wrong passwords, as the sign-in window leaves them
        "UPDATE users SET locked_until = ? WHERE username = 'hoa'",
        [clock.iso(clock.now().replace(year=clock.now().year + 1))],
    )
    screen.reload()
    assert screen.unlock_button.isEnabled()
    assert screen.unlock()
    assert kinds(store, "user.unlocked")[-1]["username"] == "hoa"

    reset = screen.reset_password()
    assert isinstance(reset, ResetPasswordDialog)
    type_text(reset.password, "mat-khau-moi")
    type_text(reset.again, "mat-khau-moi")
    reset.buttons.accepted.emit()
    assert kinds(store, "user.password_reset")[-1] == {
        "actor": "user:admin",
        "v": 1,
        "username": "hoa",
    }
    assert users.sign_in(store, "hoa", "mat-khau-moi").actor.username == "hoa"

    box = screen.deactivate()
    assert isinstance(box, QMessageBox) and "hoa" in box.text()
    yes = next(b for b in box.buttons() if b.text() == "Vô hiệu hóa")
    yes.click()
    qtbot.waitUntil(lambda: bool(kinds(store, "user.deactivated")), timeout=2000)
    assert kinds(store, "user.deactivated")[-1]["username"] == "hoa"
    assert screen.current_user() is not None and not screen.current_user().active
    assert not screen.role_button.isEnabled()

    # A refusal is said on the screen: the last admin cannot be deactivated.
    screen.select("admin")
    assert not screen.confirm_deactivate("admin")
    assert screen.message.is_error() and "quản trị cuối cùng" in screen.message.text()


# ------------------------------------------------------------------ catalogue


def test_catalogue_search_ignores_diacritics(qtbot: QtBot, admin_session: Session) -> None:
    screen = CatalogScreen(admin_session)
    qtbot.addWidget(screen)
    everything = screen.procedures.rowCount()
    type_text(screen.search_box, "dang ky khai sinh")
    qtbot.waitUntil(lambda: screen.procedures.rowCount() < everything, timeout=2000)
    plain = [p.code for p in screen.procedures.rows()]
    screen.search_box.clear()
    type_text(screen.search_box, "Đăng ký khai sinh")
    screen.apply_search()
    assert [p.code for p in screen.procedures.rows()] == plain and plain
    assert screen.versions.rowCount() >= 1
    assert screen.documents.rowCount() == len(screen.versions.rows()[0].documents)


BAD_CATALOGUE = (
    "code,name,field,competent_body,time_limit,fee_text,documents\n"
    "1.900001,Thủ tục thử A,Hộ tịch,UBND xã,3 ngày làm việc,Miễn phí,Tờ khai|original|1\n"
    "khong-phai-ma,Thủ tục thử B,Hộ tịch,UBND xã,3 ngày làm việc,Miễn phí,Tờ khai|original|1\n"
    "1.900003,,Hộ tịch,UBND xã,3 ngày làm việc,Miễn phí,Tờ khai|original|1\n"
    "1.900004,Thủ tục thử D,Hộ tịch,UBND xã,không rõ,Miễn phí,Tờ khai|original|1\n"
)


def test_catalogue_import_shows_the_error_list_then_imports(
    qtbot: QtBot, admin_session: Session, store: Store, tmp_path: Path
) -> None:
    screen = CatalogScreen(admin_session)
    qtbot.addWidget(screen)
    screen.show()
    path = tmp_path / "danh-muc.csv"
    path.write_text(BAD_CATALOGUE, encoding="utf-8")
    before = len(kinds(store, "catalog.imported"))
    worker = screen.preview(path)
    assert worker is not None
    qtbot.waitUntil(lambda: screen.worker() is None, timeout=10000)
    assert screen.import_panel.isVisible() and screen.error_table.isVisible()
    lines = sorted({e.line for e in screen.errors.rows()})
    assert lines == [3, 4, 5]
    assert screen.errors.rowCount() == len(screen.errors.rows())
    assert screen.errors.data(screen.errors.index(0, 2)) == screen.errors.rows()[0].reason
    assert "3 dòng có lỗi" in screen.import_summary.text()
    assert screen.confirm_button.text() == "Nhập 1 thủ tục, bỏ qua 3 dòng lỗi"
    assert len(kinds(store, "catalog.imported")) == before  # nothing stored yet

    screen.confirm_import()
    qtbot.waitUntil(lambda: screen.worker() is None, timeout=10000)
    events = kinds(store, "catalog.imported")
    assert len(events) == before + 1
    assert events[-1]["added"] == ["1.900001"] and events[-1]["actor"] == "user:admin"
    assert not screen.import_panel.isVisible()
    assert "1 thủ tục mới" in screen.message.text()
    assert "1.900001" in [p.code for p in catalog.browse(admin_session, "thu tuc thu")]


# ------------------------------------------------------------------ calendar


def test_calendar_add_remove_and_sources(
    qtbot: QtBot, admin_session: Session, store: Store
) -> None:
    screen = CalendarScreen(admin_session)
    qtbot.addWidget(screen)
    screen.year_box.setValue(2026)
    official = [r for r in screen.model.rows() if r.source == "official"]
    assert official, "the shipped official swaps are listed"
    row = screen.model.rows().index(official[0])
    assert screen.model.data(screen.model.index(row, 4)) == "Văn bản chính thức"
    assert screen.model.data(screen.model.index(row, 5)) == official[0].document
    screen.select(official[0].day)
    assert official[0].document in screen.source_label.text()

    screen.day_edit.setDate(QDate(2026, 11, 20))
    screen.kind_box.setCurrentIndex(screen.kind_box.findData("day_off"))
    screen.reason_edit.clear()
    assert not screen.add_day()  # a reason is required
    assert screen.message.is_error()
    type_text(screen.reason_edit, "Nghỉ theo quyết định của UBND tỉnh")
    assert screen.add_day()
    assert kinds(store, "calendar.day_set")[-1] == {
        "actor": "user:admin",
        "v": 1,
        "day": "2026-11-20",
        "kind": "day_off",
        "note": "Nghỉ theo quyết định của UBND tỉnh",
    }
    added = next(r for r in screen.model.rows() if r.day == date(2026, 11, 20))
    assert added.source == "manual"
    assert screen.select(date(2026, 11, 20))
    assert screen.remove_day()
    assert kinds(store, "calendar.day_removed")[-1]["day"] == "2026-11-20"
    assert all(r.day != date(2026, 11, 20) for r in screen.model.rows())


# ------------------------------------------------------------------ settings


def test_settings_screen_shows_every_definition_and_saves_audited(
    qtbot: QtBot, admin_session: Session, store: Store
) -> None:
    screen = SettingsScreen(admin_session)
    qtbot.addWidget(screen)
    assert list(screen.rows) == list(settings.DEFINITIONS)
    row = screen.rows["max_reschedules"]
    row.editor.clear()  # type: ignore[attr-defined]
    type_text(row.editor, "2")
    assert row.save()
    assert kinds(store, "settings.changed")[-1] == {
        "actor": "user:admin",
        "v": 1,
        "key": "max_reschedules",
        "old": None,
        "new": "2",
    }
    assert row.reset_button.isEnabled() and "đã thay đổi" in row.help.text()
    assert row.reset()
    assert kinds(store, "settings.changed")[-1]["new"] is None

    hours = screen.rows["office_hours"]
    hours.editor.clear()  # type: ignore[attr-defined]
    type_text(hours.editor, "sáng 7 giờ")
    count = len(kinds(store, "settings.changed"))
    assert not hours.save()
    assert hours.message.is_error() and "không hợp lệ" in hours.message.text()
    assert hours.text() == "sáng 7 giờ"  # the refused value stays to be corrected
    assert len(kinds(store, "settings.changed")) == count

    mode = screen.rows["supplement_mode"]
    mode.set_text("restart")
    assert mode.save()
    assert settings.value(store, settings.SUPPLEMENT_MODE) == "restart"


# ------------------------------------------------------------------ backup and restore


def test_backup_now_lists_it_with_its_dossiers(
    qtbot: QtBot, admin_session: Session, store: Store
) -> None:
    screen = BackupScreen(admin_session)
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: screen.worker() is None, timeout=10000)
    before = screen.model.rowCount()
    screen.backup_now()
    qtbot.waitUntil(lambda: screen.model.rowCount() == before + 1, timeout=20000)
    qtbot.waitUntil(lambda: screen.worker() is None, timeout=10000)
    newest = screen.model.rows()[0]
    assert newest.dossiers == DEMO_DOSSIERS
    assert screen.model.data(screen.model.index(0, 3)) == clock.fmt_int(DEMO_DOSSIERS)
    assert newest.scans == 0 and screen.model.data(screen.model.index(0, 4)) == "0"
    assert "Đã sao lưu" in screen.message.text()
    # A backup whose scans the store beside it partly lacks says so, with why on hover.
    from dataclasses import replace

    from PySide6.QtCore import Qt

    screen.model.set_rows([replace(newest, scans=1234, scans_missing=2)])
    cell = screen.model.index(0, 4)
    assert screen.model.data(cell) == "1.234 (thiếu 2)"
    assert "không mang lại được" in str(screen.model.data(cell, Qt.ItemDataRole.ToolTipRole))


def test_restore_needs_the_typed_word_and_reopens_the_store(
    qtbot: QtBot, admin_session: Session, store: Store
) -> None:
    assert store.path is not None
    folder = DataDir(store.path.parent)
    made = backup.backup_now(admin_session, folder)
    users.add_user(admin_session, "sau", "clerk", "Người Thêm Sau", "mat-khau-sau")
    screen = BackupScreen(admin_session)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.worker() is None, timeout=10000)
    assert screen.current_entry() is not None and screen.current_entry().path == made.path
    assert made.path.parent == backup.default_folder(folder)

    screen.restore_selected()
    qtbot.waitUntil(lambda: screen.dialog is not None, timeout=20000)
    dialog = screen.dialog
    assert isinstance(dialog, RestoreDialog)
    text = dialog.consequences.text()
    assert made.path.name in text and clock.fmt_int(DEMO_DOSSIERS) in text
    assert "THAY TOÀN BỘ" in text and "onestop.db.replaced-" in text and "đăng xuất" in text
    assert not dialog.restore_button.isEnabled()
    type_text(dialog.confirm_edit, "khôi")
    dialog.accept()  # Enter before the whole word: nothing happens
    assert dialog.isVisible() and not dialog.restore_button.isEnabled()
    type_text(dialog.confirm_edit, " phục")
    assert dialog.restore_button.isEnabled()

    with qtbot.waitSignal(screen.restored, timeout=30000):
        dialog.restore_button.click()
    # The same Store object now reads the restored file: the account added after is gone.
    assert users.get_user(store, "admin").username == "admin"
    assert "sau" not in [u.username for u in users.list_users(admin_session)]
    assert search.count_all(admin_session) == DEMO_DOSSIERS
    assert screen.kept is not None and screen.kept.exists()
    assert screen.kept.name.startswith("onestop.db.replaced-")
    users.add_user(admin_session, "moi", "clerk", "Người Mới", "mat-khau-moi")  # writes work
    assert "Đã khôi phục" in screen.message.text()


def test_restore_dialog_warns_of_another_stations_backup(qtbot: QtBot, tmp_path: Path) -> None:
    from onestop_desktop.errors import Msg
    from onestop_desktop.services.backup import RestoreCheck
    from onestop_desktop.store.backup import StationIdentity
    from onestop_desktop.store.backup_peek import Peek

    theirs = StationIdentity("000.00.12.H29", "UBND xã Hòa Bình", 2, "ab" * 32)
    check = RestoreCheck(theirs, None, None, [Msg("bản sao lưu là của máy trạm 2")])
    dialog = RestoreDialog(tmp_path / "onestop-x.db", check, Peek(12, None), 300)
    qtbot.addWidget(dialog)
    assert dialog.other_station
    text = dialog.consequences.text()
    assert "CẢNH BÁO" in text and "bản sao lưu là của máy trạm 2" in text
    assert "máy trạm 2 của đơn vị 000.00.12.H29" in text and "12 hồ sơ" in text
    own = RestoreDialog(
        tmp_path / "onestop-x.db", RestoreCheck(theirs, None, None, []), Peek(12, None), 300
    )
    qtbot.addWidget(own)
    assert not own.other_station and "CẢNH BÁO" not in own.consequences.text()


def test_restore_signs_the_window_out(
    qtbot: QtBot, admin_session: Session, store: Store, tmp_path: Path
) -> None:
    win = window_for(qtbot, admin_session, tmp_path)
    screen = win.show_admin("admin_backup")
    assert isinstance(screen, BackupScreen)
    qtbot.waitUntil(lambda: screen.worker() is None, timeout=10000)
    screen.backup_now()
    qtbot.waitUntil(lambda: screen.model.rowCount() > 0 and screen.worker() is None, timeout=20000)
    screen.restore_selected()
    qtbot.waitUntil(lambda: screen.dialog is not None, timeout=20000)
    assert screen.dialog is not None
    type_text(screen.dialog.confirm_edit, "KHOI PHUC")
    screen.dialog.restore_button.click()
    qtbot.waitUntil(lambda: not win.isVisible(), timeout=30000)
    assert win.signed_out()


def test_restore_refused_to_a_clerk(session: Session, store: Store, tmp_path: Path) -> None:
    assert store.path is not None
    with pytest.raises(PermissionDenied):
        backup.restore(DataDir(store.path.parent), tmp_path / "x.db", session)


# ------------------------------------------------------------------ audit log


def searched(qtbot: QtBot, screen: AuditScreen) -> None:
    screen.search()
    qtbot.waitUntil(lambda: not screen.model.loading(), timeout=10000)


def test_audit_screen_filters_and_pages(qtbot: QtBot, admin_session: Session, store: Store) -> None:
    users.add_user(admin_session, "hoa", "clerk", "Phạm Thị Hoà", "mat-khau-hoa")
    screen = AuditScreen(admin_session)
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: not screen.model.loading(), timeout=10000)
    assert screen.model.rowCount() == audit.PAGE_SIZE and screen.model.canFetchMore()
    assert "cuộn xuống" in screen.count_label.text()
    first = screen.model.rows()[0]
    assert (first.kind, first.action) == ("user.added", "Thêm tài khoản")
    assert screen.model.data(screen.model.index(0, AuditModel.COL_ACTOR)) == "Trần Quốc Bảo"

    screen.user_box.setCurrentIndex(screen.user_box.findData("admin"))
    searched(qtbot, screen)
    assert [e.kind for e in screen.model.rows()] == ["user.added"]
    assert screen.count_label.text() == "1 sự kiện"

    screen.user_box.setEditText("")
    type_text(screen.user_box.lineEdit(), "tiepnhan")  # typed, as for a CLI operator's name
    assert screen.chosen_user() == "tiepnhan"
    searched(qtbot, screen)
    assert screen.model.rows() and all(e.actor == "user:tiepnhan" for e in screen.model.rows())

    screen.user_box.setCurrentIndex(0)
    assert screen.chosen_user() == ""
    code = store.query("SELECT code FROM dossiers ORDER BY rid DESC LIMIT 1")[0]["code"]
    type_text(screen.dossier_edit, code)
    searched(qtbot, screen)
    rows = screen.model.rows()
    assert rows and all(e.dossier_code == code for e in rows)
    assert rows[-1].kind in ("received", "registered_online", "imported")

    screen.dossier_edit.clear()
    screen.kind_box.setCurrentIndex(screen.kind_box.findData("handed_over"))
    searched(qtbot, screen)
    assert screen.model.rows() and all(e.kind == "handed_over" for e in screen.model.rows())
    assert all(e.details.startswith("Chuyển cho") for e in screen.model.rows())

    screen.kind_box.setCurrentIndex(0)
    screen.dates_box.setChecked(True)
    screen.start_edit.setDate(screen.end_edit.date().addDays(1))
    searched(qtbot, screen)
    assert screen.message.is_error() and "Khoảng ngày" in screen.message.text()
    assert screen.model.rowCount() == 0


def _values(parts: tuple[object, ...]) -> list[str]:
    """Every value filled into translatable parts (names, codes, reasons: data, not words of
    ours), through nested messages too."""
    from onestop_desktop.errors import Msg

    found: list[str] = []
    for part in parts:
        if isinstance(part, Msg):
            found += _values(tuple(part.args.values()))
        elif part is not None:
            found.append(str(part))
    return found


def test_audit_screen_in_english_has_no_vietnamese_words_of_ours(
    qtbot: QtBot, admin_session: Session, store: Store, english: None
) -> None:
    from onestop_desktop.services import calendar as calendar_service
    from onestop_desktop.ui.i18n import translate_template

    users.add_user(admin_session, "hoa", "clerk", "Phạm Thị Hoà", "mat-khau-hoa")
    users.change_role(admin_session, "hoa", "officer")
    users.reset_password(admin_session, "hoa", "mat-khau-moi-2")
    calendar_service.set_day(admin_session, date(2031, 3, 5), "day_off", "Bão số 3")
    settings.set_setting(admin_session, "idle_lock_minutes", "15")
    screen = AuditScreen(admin_session)
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: not screen.model.loading(), timeout=10000)
    # Every kind's name in the filter list is English.
    names = [screen.kind_box.itemText(i) for i in range(screen.kind_box.count())]
    assert names[0] == "All" and all(n.isascii() for n in names), names
    checked: set[str] = set()
    for i in range(1, screen.kind_box.count()):
        screen.kind_box.setCurrentIndex(i)
        searched(qtbot, screen)
        for r, entry in enumerate(screen.model.rows()[:5]):
            checked.add(entry.kind)
            cells = [
                str(screen.model.data(screen.model.index(r, c)))
                for c in (AuditModel.COL_ACTOR, AuditModel.COL_ACTION, AuditModel.COL_DETAILS)
            ]
            data = [entry.actor_name if entry.actor_words is None else ""]
            data += _values((*entry.detail_parts, entry.action_msg, entry.note))
            text = " ".join(cells)
            for value in sorted(data, key=len, reverse=True):
                text = text.replace(value, "")
            # no letter of Vietnamese left (arrows, dashes and guillemets are punctuation)
            assert not [c for c in text if c.isalpha() and not c.isascii()], (entry.kind, cells)
            # and the Vietnamese text is still what the CLI gets
            assert entry.details == entry.render_details()
            assert entry.render_action(translate_template) != entry.action or entry.action.isascii()
    for kind in (
        "user.added",
        "user.role_changed",
        "user.password_reset",
        "calendar.day_set",
        "settings.changed",
        "received",
        "handed_over",
    ):
        assert kind in checked, kind
    added = audit.search_log(admin_session, audit.LogQuery(kinds=("user.added",))).entries[0]
    assert "Phạm Thị Hoà" in added.render_details(translate_template)
    assert added.render_details(translate_template).endswith("(Reception clerk)")


def test_audit_model_fetches_pages_in_the_background(qtbot: QtBot, admin_session: Session) -> None:
    model = AuditModel(admin_session)
    model.page_size = 7
    model.search(audit.LogQuery())
    assert model.loading() and not model.canFetchMore()  # one page at a time
    qtbot.waitUntil(lambda: not model.loading(), timeout=10000)
    assert model.rowCount() == 7
    model.fetchMore()
    qtbot.waitUntil(lambda: not model.loading(), timeout=10000)
    assert model.rowCount() == 14
    ids = [e.id for e in model.rows()]
    assert ids == sorted(set(ids), reverse=True)
    # A new search while a page is read: the stale page is dropped, the new one shown.
    model.fetchMore()
    model.search(audit.LogQuery(user="tiepnhan"))
    qtbot.waitUntil(lambda: not model.loading(), timeout=10000)
    assert model.rows() and all(e.actor == "user:tiepnhan" for e in model.rows())


# ------------------------------------------------------------------ every model


def test_models_pass_the_model_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, admin_session: Session, tmp_path: Path
) -> None:
    users_screen = UsersScreen(admin_session)
    catalog_screen = CatalogScreen(admin_session)
    calendar_screen = CalendarScreen(admin_session)
    backup_screen = BackupScreen(admin_session)
    audit_model = AuditModel(admin_session)
    audit_model.page_size = 5
    audit_model.search(audit.LogQuery())
    qtbot.waitUntil(lambda: not audit_model.loading(), timeout=10000)
    bad = tmp_path / "bad.csv"
    bad.write_text(BAD_CATALOGUE, encoding="utf-8")
    for widget in (users_screen, catalog_screen, calendar_screen, backup_screen):
        qtbot.addWidget(widget)
    catalog_screen.preview(bad)
    qtbot.waitUntil(lambda: catalog_screen.worker() is None, timeout=10000)
    backup_screen.backup_now()
    qtbot.waitUntil(
        lambda: backup_screen.model.rowCount() > 0 and backup_screen.worker() is None,
        timeout=20000,
    )
    for model in (
        users_screen.model,
        catalog_screen.procedures,
        catalog_screen.versions,
        catalog_screen.documents,
        catalog_screen.errors,
        calendar_screen.model,
        backup_screen.model,
        audit_model,
    ):
        assert model.rowCount() > 0, type(model).__name__
        qtmodeltester.check(model, force_py=True)
    QApplication.processEvents()


def test_admin_screens_follow_a_language_change_and_keep_what_was_typed(
    qtbot: QtBot, admin_session: Session, tmp_path: Path
) -> None:
    """Each admin screen changes language at once (no reopening): its labels, buttons and
    table headers; the same screen, with what was typed in it."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractSpinBox,
        QComboBox,
        QLabel,
        QLineEdit,
        QTableView,
    )

    from onestop_desktop.ui import i18n

    win = window_for(qtbot, admin_session, tmp_path)
    screens = {}
    typed: dict[str, tuple[QLineEdit, str]] = {}
    before: dict[str, list[str]] = {}
    for sid in admin.SCREEN_IDS:
        screen = screens[sid] = win.show_admin(sid)
        QApplication.processEvents()  # a shown table takes the focus and picks its first row
        assert screen is not None
        edits = [
            e
            for e in screen.findChildren(QLineEdit)
            if not e.isReadOnly()
            and e.isEnabled()
            and not isinstance(e.parent(), QAbstractSpinBox | QComboBox)  # their own editors
        ]
        if edits:
            edits[0].setText("abc")
            typed[sid] = (edits[0], edits[0].text())
        texts = [
            w.text() for w in screen.findChildren(QLabel) + screen.findChildren(QAbstractButton)
        ]
        headers = [
            str(v.model().headerData(0, Qt.Orientation.Horizontal))
            for v in screen.findChildren(QTableView)
            if v.model() is not None and v.model().columnCount() > 0
        ]
        before[sid] = [t for t in texts + headers if not t.isascii()]
        assert before[sid], sid
    assert len(typed) >= 3, "most admin screens have a field to type in"
    i18n.install("en")
    QApplication.processEvents()
    for sid, screen in screens.items():
        texts = [
            w.text() for w in screen.findChildren(QLabel) + screen.findChildren(QAbstractButton)
        ]
        headers = [
            str(v.model().headerData(0, Qt.Orientation.Horizontal))
            for v in screen.findChildren(QTableView)
            if v.model() is not None and v.model().columnCount() > 0
        ]
        now = set(texts + headers)
        changed = [t for t in before[sid] if t not in now]
        assert len(changed) >= len(before[sid]) // 2, (sid, [t for t in before[sid] if t in now])
    for sid, (edit, text) in typed.items():
        assert edit.text() == text, sid
    for sid, screen in screens.items():
        assert win.show_admin(sid) is screen, "the same screen, not rebuilt"
    i18n.install("vi")
    QApplication.processEvents()
    for sid, screen in screens.items():
        texts = {
            w.text() for w in screen.findChildren(QLabel) + screen.findChildren(QAbstractButton)
        }
        assert set(before[sid]) & texts, sid
    backup_screen = screens["admin_backup"]
    assert isinstance(backup_screen, BackupScreen)
    qtbot.waitUntil(lambda: backup_screen.worker() is None, timeout=10000)


def test_an_open_account_dialog_follows_a_language_change(
    qtbot: QtBot, admin_session: Session
) -> None:
    from PySide6.QtWidgets import QLabel

    from onestop_desktop.ui import i18n

    dialog = AddUserDialog(admin_session)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.full_name, "Lê Văn Tám")
    captions = {lbl.text() for lbl in dialog.findChildren(QLabel) if lbl.buddy() is not None}
    assert "Họ tên:" in captions
    i18n.install("en")
    QApplication.processEvents()
    now = {lbl.text() for lbl in dialog.findChildren(QLabel) if lbl.buddy() is not None}
    assert "Họ tên:" not in now and all(t.isascii() for t in now), now
    assert dialog.full_name.text() == "Lê Văn Tám"
    assert dialog.windowTitle() == "Add account"
    i18n.install("vi")
    QApplication.processEvents()
    assert "Họ tên:" in {lbl.text() for lbl in dialog.findChildren(QLabel)}
    assert dialog.windowTitle() == "Thêm tài khoản"
