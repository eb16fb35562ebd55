"""The one end-to-end GUI test of the counter's day (#9): receive a dossier in the intake form
(Ctrl+N), open it from the worklist with Enter, hand it over, record the result as the officer
(in the officer's own window, the dossier opened by its scanned code), return it to a collector
with name and ID number, then check the event log and the worklist row.

Everything goes through the windows and their forms, the way a clerk does it; only the final
checks read the services."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from onestop_desktop.domain.roles import Role
from onestop_desktop.domain.status import Status
from onestop_desktop.services import dossiers
from onestop_desktop.services.context import Actor, Session, Station
from onestop_desktop.store.db import Store
from onestop_desktop.ui.mainwindow import MainWindow
from tests.helpers.typing import type_text


def make_window(qtbot: QtBot, session: Session, ini: Path) -> MainWindow:
    window = MainWindow(session, settings=QSettings(str(ini), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(1024, 720)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_receive_hand_over_result_return(
    qtbot: QtBot, store: Store, session: Session, tmp_path: Path
) -> None:
    clerk_window = make_window(qtbot, session, tmp_path / "clerk.ini")

    # 1. Receive (Ctrl+N): procedure, applicant typed in Vietnamese, save.
    intake = clerk_window.new_intake()  # the handler of Ctrl+N
    assert intake is not None
    intake.pick("1.004873")  # type: ignore[attr-defined]
    type_text(intake.findChild(QLineEdit, "applicantName"), "Lương Thị Thu Hương")
    type_text(intake.findChild(QLineEdit, "applicantId"), "001190067890")
    summary = intake.save()  # type: ignore[attr-defined]
    assert summary is not None, intake.findChild(QLineEdit, "applicantName").text()
    code = summary.code

    # 2. Open it from the worklist with Enter.
    clerk_window.refresh()
    row = clerk_window.model.row_of_code(code)
    assert row is not None
    clerk_window.select_row(row)
    clerk_window.table.setFocus()
    qtbot.keyClick(clerk_window.table, Qt.Key.Key_Return)
    assert clerk_window.current_screen() == "dossier"
    view = clerk_window.dossier_view
    assert view.value("applicant.name") == "Lương Thị Thu Hương"

    # 3. Hand it over to the officer (the form of "Chuyển xử lý").
    form = view.open_action("handed_over")
    qtbot.waitExposed(form)
    form.recipient.setCurrentIndex(form.recipient.findData("chuyenvien"))  # type: ignore[attr-defined]
    type_text(form.note, "Đề nghị xử lý trong ngày")  # type: ignore[attr-defined]
    form.ok_button.click()
    assert not form.isVisible()
    assert view.value("status") == "Đang xử lý"
    clerk_window.back_to_worklist()

    # 4. The officer, in their own window, scans the code and records the result.
    officer = Session(
        store, Station.load(store), Actor("chuyenvien", "Phạm Minh Đức", Role.OFFICER)
    )
    officer_window = make_window(qtbot, officer, tmp_path / "officer.ini")
    type_text(officer_window.search_box, code + "\n")
    assert officer_window.current_screen() == "dossier"
    officer_view = officer_window.dossier_view
    assert "result_ready" in officer_view.action_buttons()
    form = officer_view.open_action("result_ready")
    qtbot.waitExposed(form)
    type_text(form.note, "Đã ký giấy xác nhận tình trạng hôn nhân")  # type: ignore[attr-defined]
    form.ok_button.click()
    assert not form.isVisible()
    officer_window.close()

    # 5. Back at the counter: Enter on the row, return it to the collector.
    clerk_window.refresh()
    row = clerk_window.model.row_of_code(code)
    assert row is not None
    clerk_window.select_row(row)
    clerk_window.table.setFocus()
    qtbot.keyClick(clerk_window.table, Qt.Key.Key_Return)
    assert view.value("status") == "Đã xử lý xong"
    assert set(view.action_buttons()) == {"returned"}
    form = view.open_action("returned")
    qtbot.waitExposed(form)
    form.collector.clear()  # type: ignore[attr-defined]
    type_text(form.collector, "Lương Văn Tâm")  # type: ignore[attr-defined]
    form.collector_id.clear()  # type: ignore[attr-defined]
    type_text(form.collector_id, "001090067891")  # type: ignore[attr-defined]
    form.ok_button.click()
    assert not form.isVisible(), form.error()
    assert view.value("status") == "Đã trả kết quả"
    assert view.value("returned_to") == "Lương Văn Tâm"

    # 6. The event log and the worklist row.
    log = dossiers.history(session, code)
    assert [(e.kind, e.actor) for e in log] == [
        ("received", "user:tiepnhan"),
        ("handed_over", "user:tiepnhan"),
        ("result_ready", "user:chuyenvien"),
        ("returned", "user:tiepnhan"),
    ]
    assert log[1].payload["to"] == "chuyenvien"
    assert log[1].payload["note"] == "Đề nghị xử lý trong ngày"
    assert log[2].payload["note"] == "Đã ký giấy xác nhận tình trạng hôn nhân"
    assert log[3].payload["collected_by"] == "Lương Văn Tâm"
    assert log[3].payload["collected_by_id"] == "001090067891"
    words = [e.details for e in dossiers.timeline(session, code)]
    assert words[1] == "Chuyển cho Phạm Minh Đức: Đề nghị xử lý trong ngày"
    assert words[3] == "Người nhận: Lương Văn Tâm (001090067891)"
    clerk_window.back_to_worklist()
    assert clerk_window.current_screen() == "worklist"
    row = clerk_window.model.row_of_code(code)
    assert row is not None
    line = clerk_window.model.dossier(row)
    assert line.status is Status.RETURNED
    assert clerk_window.current_dossier() == line
