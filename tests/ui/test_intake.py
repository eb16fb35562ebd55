"""The intake form (#9): keyboard-only khai sinh (with its keystroke count), the picker, live
checks, duplicates (all three ways), the draft, Esc, the paper fallback, and the models."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from onestop_desktop.domain import clock
from onestop_desktop.domain.status import Status
from onestop_desktop.services import dossiers, drafts
from onestop_desktop.services import intake as intake_service
from onestop_desktop.services.context import Session
from onestop_desktop.services.dossiers import Applicant, Intake
from onestop_desktop.store import events
from onestop_desktop.store.db import Store
from onestop_desktop.ui.intake import IntakeDialog
from onestop_desktop.ui.mainwindow import MainWindow
from onestop_desktop.ui.models.procedures import ChecklistModel, ProcedureListModel
from tests.helpers.typing import type_text

NOW = datetime(2026, 12, 2, 10, 0, tzinfo=clock.VN_TZ)  # a Wednesday, office hours
KHAI_SINH = "1.001193"


@pytest.fixture
def fixed_now(store: Store) -> datetime:
    """The services' clock pinned (the appointment shown and saved are then exact)."""
    store.now = lambda: NOW  # type: ignore[method-assign]
    return NOW


@pytest.fixture
def window(qtbot: QtBot, session: Session, tmp_path: Path, fixed_now: datetime) -> MainWindow:
    w = MainWindow(session, settings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.resize(1024, 720)
    w.show()
    qtbot.waitExposed(w)
    return w


def open_intake(qtbot: QtBot, window: MainWindow, *, paper: bool = False) -> IntakeDialog:
    dialog = window.new_paper_intake() if paper else window.new_intake()
    assert isinstance(dialog, IntakeDialog)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def line(dialog: QWidget, name: str) -> QLineEdit:
    edit = dialog.findChild(QLineEdit, name)
    assert edit is not None, name
    return edit


def message(dialog: QWidget, name: str) -> str:
    label = dialog.findChild(QLabel, name)
    assert label is not None, name
    return label.text() if label.isVisibleTo(dialog) else ""


def fill(dialog: IntakeDialog, name: str = "Nguyễn Thị Lan", id_number: str = "001190012345"):
    """Pick khai sinh and type an applicant (Vietnamese, per character)."""
    dialog.pick(KHAI_SINH)
    type_text(line(dialog, "applicantName"), name)
    type_text(line(dialog, "applicantId"), id_number)
    type_text(line(dialog, "applicantBirth"), "17/05/1990")


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def slip_dialogs() -> list[QWidget]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if w.objectName() == "slipDialog" and w.isVisible()
    ]


# ------------------------------------------------------------------------------ keyboard only


def test_a_birth_registration_by_keyboard_alone_and_its_keystroke_count(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    """Ctrl+N, the data, and the keys between: every key goes to the widget that has the focus,
    as a clerk's keyboard would. The keys that are not data are counted."""
    extra = 0

    def key(widget: QWidget, k: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier):
        nonlocal extra
        extra += 1
        QTest.keyClick(widget, k, mod)

    window.activateWindow()
    key(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.intake_dialog
    assert isinstance(dialog, IntakeDialog)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.search)

    type_text(focused(), "khai sinh")  # the search words (data)
    key(focused(), Qt.Key.Key_Return)  # picks the first match
    assert dialog.procedure_code() == KHAI_SINH
    assert focused() is line(dialog, "applicantName")
    assert "Hẹn trả: 02/12/2026 17:00" in dialog.preview.text()
    assert "Miễn phí" in dialog.preview.text()
    type_text(focused(), "Hoàng Thị Ngọc Ánh")
    key(focused(), Qt.Key.Key_Tab)
    type_text(focused(), "001190012345")
    key(focused(), Qt.Key.Key_Tab)
    type_text(focused(), "17/05/1990")
    key(focused(), Qt.Key.Key_Tab)
    type_text(focused(), "0912345678")
    assert focused() is line(dialog, "applicantPhone")
    key(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    saved = dialog.result_summary
    assert saved is not None and not dialog.isVisible()
    detail = dossiers.detail(dialog._session, saved.code)
    assert detail.applicant.name == "Hoàng Thị Ngọc Ánh"
    assert detail.applicant.birth_date == date(1990, 5, 17)
    assert detail.applicant.phone == "0912345678"
    assert all(item.provided for item in detail.documents)  # the checklist, every line handed in
    assert detail.due_at == datetime(2026, 12, 2, 17, 0, tzinfo=clock.VN_TZ)
    # After the save: the status bar names the code, the worklist has it, the receipt is offered.
    assert saved.code in window.statusBar().currentMessage()
    assert window.current_dossier() is not None and window.current_dossier().code == saved.code
    qtbot.waitUntil(lambda: bool(slip_dialogs()))
    slip = slip_dialogs()[0]
    key(slip, Qt.Key.Key_Escape)  # close the receipt preview
    qtbot.waitUntil(lambda: not slip.isVisible())
    # Ctrl+N, Enter, Tab ×3, Ctrl+S, Esc (the slip): 7 keys beyond the typed data.
    assert extra == 7
    print(f"\nkeystrokes beyond the typed data (khai sinh): {extra}")


def test_the_picker_ignores_marks_and_moves_with_the_arrows(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = open_intake(qtbot, window)
    type_text(dialog.search, "ĐĂNG KÝ KHAI SINH")
    assert dialog.procedures.codes()[:2] == [KHAI_SINH, "1.004884"]
    dialog.search.clear()
    type_text(dialog.search, "dang ky khai sinh")
    assert dialog.procedures.codes()[:2] == [KHAI_SINH, "1.004884"]
    QTest.keyClick(dialog.search, Qt.Key.Key_Down)
    assert dialog.search.hasFocus()
    QTest.keyClick(dialog.search, Qt.Key.Key_Return)
    assert dialog.procedure_code() == "1.004884"
    dialog.search.clear()
    type_text(dialog.search, "không có thủ tục này")
    assert dialog.procedures.rowCount() == 0
    QTest.keyClick(dialog.search, Qt.Key.Key_Return)
    assert "Không có thủ tục nào khớp" in dialog.error.text()


def test_procedures_most_used_first_in_the_picker(qtbot: QtBot, window: MainWindow) -> None:
    counts = intake_service.usage_counts(window.session())
    dialog = open_intake(qtbot, window)
    shown = dialog.procedures.codes()
    used = [c for c in shown if counts.get(c)]
    assert used == sorted(used, key=lambda c: -counts[c])
    assert shown[: len(used)] == used


# ------------------------------------------------------------------------------ live checks


def test_id_birth_date_and_phone_are_checked_as_they_are_typed(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    dialog = open_intake(qtbot, window)
    dialog.pick(KHAI_SINH)
    type_text(line(dialog, "applicantName"), "Nguyễn Văn Đức")
    type_text(line(dialog, "applicantId"), "00109")
    assert message(dialog, "applicantIdMsg") == "Số định danh cá nhân có 12 chữ số (đã nhập 5)"
    type_text(line(dialog, "applicantId"), "0012345")
    assert message(dialog, "applicantIdMsg") == "✓ Số định danh hợp lệ"
    type_text(line(dialog, "applicantId"), "9")
    assert "12" in message(dialog, "applicantIdMsg")
    QTest.keyClick(line(dialog, "applicantId"), Qt.Key.Key_Backspace)
    type_text(line(dialog, "applicantBirth"), "31/02/1990")
    assert "31/02/1990" in message(dialog, "applicantBirthMsg")
    line(dialog, "applicantBirth").clear()
    type_text(line(dialog, "applicantBirth"), "17/05/1985")  # not the ID's year (1990)
    assert message(dialog, "applicantBirthMsg") == ""
    assert message(dialog, "applicantIdMsg") not in ("", "✓ Số định danh hợp lệ")
    type_text(line(dialog, "applicantPhone"), "12345")
    assert message(dialog, "applicantPhoneMsg") != ""
    before = dossiers_count(store)
    assert dialog.save() is None
    assert "xem dòng báo đỏ" in dialog.error.text()
    assert dossiers_count(store) == before  # nothing written
    line(dialog, "applicantBirth").clear()
    type_text(line(dialog, "applicantBirth"), "17/05/1990")
    assert message(dialog, "applicantIdMsg") == "✓ Số định danh hợp lệ"
    line(dialog, "applicantPhone").clear()
    type_text(line(dialog, "applicantPhone"), "0912 345 678")
    assert message(dialog, "applicantPhoneMsg") == ""
    assert dialog.save() is not None


def test_save_says_what_is_missing_on_its_field(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_intake(qtbot, window)
    assert dialog.save() is None
    assert "Chưa chọn thủ tục" in dialog.error.text() and dialog.search.hasFocus()
    dialog.pick(KHAI_SINH)
    assert dialog.save() is None
    assert "Chưa nhập họ tên" in dialog.error.text()
    assert line(dialog, "applicantName").hasFocus()
    dialog.submitter_same.setChecked(False)
    type_text(line(dialog, "applicantName"), "Lê Thị Hồng")
    assert dialog.save() is None
    assert "người nộp" in dialog.error.text() and line(dialog, "submitterName").hasFocus()
    type_text(line(dialog, "submitterName"), "Lê Văn Tám")
    type_text(line(dialog, "submitterId"), "001090012345")
    saved = dialog.save()
    assert saved is not None
    detail = dossiers.detail(window.session(), saved.code)
    assert detail.submitter is not None and detail.submitter.name == "Lê Văn Tám"


def test_unticked_documents_and_changed_forms_are_what_is_recorded(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = open_intake(qtbot, window)
    fill(dialog)
    model = dialog.checklist_model
    dialog.checklist.setFocus()
    dialog.checklist.setCurrentIndex(model.index(1, ChecklistModel.COL_NAME))
    QTest.keyClick(dialog.checklist, Qt.Key.Key_Space)  # unticks line 2
    assert [n for n, _, _ in model.handed_in()] == [1, 3, 4]
    model.setData(model.index(0, ChecklistModel.COL_FORM), "copy")
    model.setData(model.index(0, ChecklistModel.COL_COUNT), 2)
    saved = dialog.save()
    assert saved is not None
    items = dossiers.detail(window.session(), saved.code).documents
    assert [i.provided for i in items] == [True, False, True, True]
    assert (items[0].form, items[0].count) == ("copy", 2)


# ------------------------------------------------------------------------------ duplicates


@pytest.fixture
def earlier(session: Session, fixed_now: datetime) -> str:
    person = Applicant("Nguyễn Thị Lan", "001190012345", date(1990, 5, 17))
    return dossiers.receive(session, Intake(KHAI_SINH, person, acknowledge_duplicates=True)).code


def duplicate_warning(qtbot: QtBot, dialog: IntakeDialog):
    fill(dialog)
    assert dialog.save() is None
    warning = dialog.duplicates_dialog
    assert warning is not None
    qtbot.waitExposed(warning)
    return warning


def test_duplicate_open_it(qtbot: QtBot, window: MainWindow, earlier: str, store: Store) -> None:
    dialog = open_intake(qtbot, window)
    warning = duplicate_warning(qtbot, dialog)
    assert warning.table.item(0, 0).text() == earlier
    assert warning.table.item(0, 2).text() == "Được tiếp nhận"
    assert warning.table.item(0, 3).text() == "02/12/2026"
    before = dossiers_count(store)
    with qtbot.waitSignal(dialog.openDossierRequested) as opened:
        warning.open_button.click()
    assert opened.args == [earlier]
    assert not dialog.isVisible() and dossiers_count(store) == before
    assert drafts.load(window.session()) is not None  # kept, to come back to
    if hasattr(window, "open_dossier"):
        assert window.current_screen() == "dossier"


def test_duplicate_receive_anyway(
    qtbot: QtBot, window: MainWindow, earlier: str, store: Store
) -> None:
    dialog = open_intake(qtbot, window)
    warning = duplicate_warning(qtbot, dialog)
    warning.accept_button.click()
    qtbot.waitUntil(lambda: dialog.result_summary is not None)
    saved = dialog.result_summary
    assert saved is not None and saved.code != earlier and saved.status is Status.RECEIVED
    assert drafts.load(window.session()) is None


def test_duplicate_refuse_as_duplicate(
    qtbot: QtBot, window: MainWindow, earlier: str, store: Store
) -> None:
    dialog = open_intake(qtbot, window)
    warning = duplicate_warning(qtbot, dialog)
    warning.refuse_button.click()
    qtbot.waitUntil(lambda: dialog.result_summary is not None)
    saved = dialog.result_summary
    assert saved is not None and saved.status is Status.NOT_ACCEPTED
    detail = dossiers.detail(window.session(), saved.code)
    assert detail.duplicate_of_code == earlier
    assert [e.kind for e in events.for_dossier(store, saved.id)] == ["received", "refused"]


def test_duplicate_back_keeps_the_form(qtbot: QtBot, window: MainWindow, earlier: str) -> None:
    dialog = open_intake(qtbot, window)
    warning = duplicate_warning(qtbot, dialog)
    warning.back_button.click()
    assert dialog.isVisible() and line(dialog, "applicantName").text() == "Nguyễn Thị Lan"


# ------------------------------------------------------------------------------ draft and Esc


def test_the_draft_is_written_a_second_after_typing_and_offered_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = open_intake(qtbot, window)
    with qtbot.waitSignal(dialog.draftSaved, timeout=3000) as written:
        fill(dialog, name="Trần Thị Bích Ngọc")
    path = Path(written.args[0])
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["v"] == 1 and data["draft"]["applicant"]["name"] == "Trần Thị Bích Ngọc"
    assert path.name == "tiepnhan.json" and path.parent.name == "drafts"
    # The program closes the form (the app quitting): never refused, the draft stays.
    dialog.close()
    assert not dialog.isVisible() and path.exists()
    window.intake_dialog = None
    again = open_intake(qtbot, window)
    box = again.restore_box()
    assert box is not None and "Trần Thị Bích Ngọc" in box.text()
    restore = box.findChild(QWidget, "restoreDraft")
    assert restore is not None
    restore.click()  # type: ignore[attr-defined]
    assert line(again, "applicantName").text() == "Trần Thị Bích Ngọc"
    assert line(again, "applicantBirth").text() == "17/05/1990"
    assert again.procedure_code() == KHAI_SINH
    assert again.save() is not None
    assert not path.exists()  # a successful save removes it


def test_a_declined_draft_is_removed(qtbot: QtBot, window: MainWindow) -> None:
    drafts.save(window.session(), drafts.Draft(procedure_code=KHAI_SINH, note="dở dang"))
    dialog = open_intake(qtbot, window)
    box = dialog.restore_box()
    assert box is not None
    drop = box.findChild(QWidget, "dropDraft")
    drop.click()  # type: ignore[attr-defined]
    assert drafts.load(window.session()) is None
    assert dialog.procedure_code() is None


def test_the_next_start_offers_the_draft(
    qtbot: QtBot, session: Session, tmp_path: Path, fixed_now: datetime
) -> None:
    drafts.save(session, drafts.Draft(procedure_code=KHAI_SINH, note="mất điện"))
    w = MainWindow(session, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: isinstance(w.intake_dialog, IntakeDialog))
    dialog = w.intake_dialog
    assert isinstance(dialog, IntakeDialog) and dialog.restore_box() is not None


def test_esc_asks_before_discarding(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_intake(qtbot, window)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)  # nothing typed: closes at once
    assert not dialog.isVisible()
    window.intake_dialog = None
    dialog = open_intake(qtbot, window)
    fill(dialog)
    dialog.save_draft()
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    box = dialog.discard_box()
    assert box is not None and dialog.isVisible()
    box.findChild(QWidget, "keepEditing").click()  # type: ignore[union-attr]
    assert dialog.isVisible() and line(dialog, "applicantName").text() == "Nguyễn Thị Lan"
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    box = dialog.discard_box()
    assert box is not None
    box.findChild(QWidget, "confirmDiscard").click()  # type: ignore[union-attr]
    assert not dialog.isVisible()
    assert drafts.load(window.session()) is None


# ------------------------------------------------------------------------------ paper


def test_paper_intake_inside_the_window(qtbot: QtBot, window: MainWindow, store: Store) -> None:
    dialog = open_intake(qtbot, window, paper=True)
    assert "mất điện" in dialog.windowTitle()
    assert dialog.paper_time.hasFocus()
    type_text(dialog.paper_time, "30/11/2026 14:10")  # Monday, two working days back
    assert message(dialog, "paperMsg") == "✓ Tiếp nhận lúc 30/11/2026 14:10"
    dialog.pick("1.004873")  # 3 working days
    assert "Hẹn trả: 03/12/2026 14:10" in dialog.preview.text()
    type_text(line(dialog, "applicantName"), "Phạm Văn Đông")
    saved = dialog.save()
    assert saved is not None
    assert saved.code.split("-")[-2] == "261130"  # the real receipt day's numbering
    assert saved.received_at == datetime(2026, 11, 30, 14, 10, tzinfo=clock.VN_TZ)
    detail = dossiers.detail(window.session(), saved.code)
    assert detail.paper_entered_at == NOW
    (event,) = events.for_dossier(store, saved.id)
    assert event.payload["paper"] is True and event.at == clock.iso(NOW)


def test_paper_intake_outside_the_window_is_refused(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_intake(qtbot, window, paper=True)
    type_text(dialog.paper_time, "20/11/2026 09:00")  # 8 working days back
    assert "đã quá 3 ngày làm việc" in message(dialog, "paperMsg")
    dialog.pick("1.004873")
    type_text(line(dialog, "applicantName"), "Phạm Văn Đông")
    assert dialog.save() is None
    assert "đã quá 3 ngày làm việc" in dialog.error.text()
    assert dialog.paper_time.hasFocus()
    dialog.paper_time.clear()
    type_text(dialog.paper_time, "31/11/2026 09:00")
    assert "không có thật" in message(dialog, "paperMsg")


# ------------------------------------------------------------------------------ models


def test_the_procedure_model_passes_the_model_tester(
    qtmodeltester: ModelTester, session: Session
) -> None:
    model = ProcedureListModel(intake_service.procedures_by_use(session))
    qtmodeltester.check(model)
    model.set_query("khai sinh")
    qtmodeltester.check(model)
    assert model.rowCount() >= 1


def test_the_checklist_model_passes_the_model_tester(
    qtmodeltester: ModelTester, session: Session
) -> None:
    from onestop_desktop.services import catalog

    model = ChecklistModel()
    model.set_documents(catalog.current_procedure(session.store, KHAI_SINH).documents)
    qtmodeltester.check(model)
    assert model.rowCount() == 4 and model.columnCount() == 3
    assert not model.setData(model.index(0, ChecklistModel.COL_COUNT), 100)
    assert not model.setData(model.index(0, ChecklistModel.COL_FORM), "photo")


def dossiers_count(store: Store) -> int:
    return int(store.db.execute("SELECT count(*) FROM dossiers").fetchone()[0])


def test_the_intake_window_follows_a_language_change_and_keeps_what_was_typed(
    qtbot: QtBot, window: MainWindow
) -> None:
    from onestop_desktop.ui import i18n

    dialog = open_intake(qtbot, window)
    type_text(dialog.search, "khai sinh")
    QTest.keyClick(dialog.search, Qt.Key.Key_Return)
    assert dialog.procedure_code() == KHAI_SINH
    type_text(line(dialog, "applicantName"), "Hoàng Thị Ngọc Ánh")
    type_text(line(dialog, "applicantPhone"), "0912345678")
    assert dialog.save_button.text().startswith("&Lưu")
    assert dialog.preview.text().startswith("Hẹn trả:")
    picked = dialog.picked.text()
    assert picked.startswith("Đã chọn:")
    i18n.install("en")
    QApplication.processEvents()
    assert dialog.save_button.text().isascii() and not dialog.save_button.text().startswith("&Lưu")
    assert not dialog.preview.text().startswith("Hẹn trả:")
    assert dialog.picked.text() != picked and KHAI_SINH in dialog.picked.text()
    captions = [lbl.text() for lbl in dialog.findChildren(QLabel) if lbl.buddy() is not None]
    assert "Họ và tê&n:" not in captions and "Số điện thoại:" not in captions
    # What was typed and chosen stays.
    assert line(dialog, "applicantName").text() == "Hoàng Thị Ngọc Ánh"
    assert line(dialog, "applicantPhone").text() == "0912345678"
    assert dialog.procedure_code() == KHAI_SINH
    i18n.install("vi")
    QApplication.processEvents()
    assert dialog.save_button.text().startswith("&Lưu")
    assert "Họ và tê&n:" in [lbl.text() for lbl in dialog.findChildren(QLabel)]
    assert dialog.picked.text() == picked
