"""The dossier view (#9 item 4): every field, the timeline in words, the actions a role and a
status allow, one form per action (recorded, or refused with the reason and the text kept),
and the main window's ways in (Enter, a scanned code, Ctrl+O) and out (Alt+Left)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from onestop_desktop.domain import clock
from onestop_desktop.domain.roles import Role
from onestop_desktop.domain.status import ACTIONS, CREATING_KINDS, Status
from onestop_desktop.services import actions, dossiers, settings
from onestop_desktop.services.context import Actor, Session, Station
from onestop_desktop.services.dossiers import Applicant, HandedIn, Intake
from onestop_desktop.store.db import Store
from onestop_desktop.ui.action_forms import FORMS, ActionForm
from onestop_desktop.ui.dossier_view import ACTION_BUTTONS, DossierView
from onestop_desktop.ui.mainwindow import MainWindow
from onestop_desktop.ui.models.timeline import TimelineModel
from tests.helpers.typing import type_text

PEOPLE = {
    "tiepnhan": ("Nguyễn Thị Lan", Role.CLERK),
    "chuyenvien": ("Phạm Minh Đức", Role.OFFICER),
    "lanhdao": ("Đặng Quang Vinh", Role.LEADER),
}


def as_user(store: Store, username: str) -> Session:
    full_name, role = PEOPLE[username]
    return Session(store, Station.load(store), Actor(username, full_name, role))


def receive(session: Session, **applicant: Any) -> str:
    """A fresh dossier (3 working days, two documents handed in): its id."""
    person = Applicant(
        name=applicant.get("name", "Trần Văn Bình"),
        id_number=applicant.get("id_number", "001090012345"),
        phone=applicant.get("phone", "0912345678"),
        address=applicant.get("address", "Thôn Đông, xã Hòa Bình"),
    )
    summary = dossiers.receive(
        session,
        Intake("1.004873", person, documents=[HandedIn(1)], note="Nộp thay cho bố mẹ"),
    )
    return summary.id


def open_view(qtbot: QtBot, session: Session, key: str) -> DossierView:
    view = DossierView(session)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    view.load(key)
    return view


def kinds_of(session: Session, key: str) -> list[str]:
    return [e.kind for e in dossiers.history(session, key)]


@pytest.fixture
def offered(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, bool]]:
    """Every slip the view offers (code, kind, copy), instead of the print preview."""
    calls: list[tuple[str, str, bool]] = []

    def offer(_parent: object, _session: Session, code: str, kind: str, *, copy: bool) -> None:
        calls.append((code, kind, copy))

    monkeypatch.setattr(DossierView, "slip_offerer", lambda _self: offer)
    return calls


# ------------------------------------------------------------------ what the view shows


def test_every_field_is_shown(qtbot: QtBot, session: Session) -> None:
    key = receive(session, name="Lê Thị Hồng Nhung")
    view = open_view(qtbot, session, key)
    d = dossiers.detail(session, key)
    assert view.code_label.text() == d.code
    assert view.value("code") == d.code
    assert view.value("status") == "Được tiếp nhận"
    assert view.value("status_history") == (f"Được tiếp nhận ({clock.fmt_datetime(d.received_at)})")
    assert view.value("channel") == "Trực tiếp"
    assert view.value("received_at") == clock.fmt_datetime(d.received_at)
    assert d.due_at is not None and view.value("due_at") == clock.fmt_datetime(d.due_at)
    assert d.time_left is not None
    assert view.value("time_left") == d.time_left.phrase
    assert view.time_left_label.text() == d.time_left.phrase
    assert view.value("note") == "Nộp thay cho bố mẹ"
    assert view.value("applicant.name") == "Lê Thị Hồng Nhung"
    assert view.value("applicant.id_number") == "001090012345"
    assert view.value("applicant.phone") == d.applicant.phone
    assert view.value("applicant.address") == "Thôn Đông, xã Hòa Bình"
    assert view.value("procedure.code") == "1.004873"
    assert view.value("procedure.name") == d.procedure.name
    assert view.value("procedure.time_limit") == "3 ngày làm việc"
    assert view.value("station") == f"{d.unit_code} · máy trạm {d.station_id}"
    # Rows that do not apply yet are hidden, not shown empty.
    for key_ in ("returned_at", "returned_to", "refusal_reason", "finished_at", "paused_since"):
        assert not view.field_visible(key_), key_
    assert not view.paper_label.isVisibleTo(view)
    # The numbered checklist: every line of the procedure version, handed in or not.
    assert view.checklist.rowCount() == len(d.documents) >= 2
    first = view.checklist.item(0, 0)
    assert first is not None and first.text() == "1"
    name = view.checklist.item(0, 1)
    assert name is not None and name.text() == d.documents[0].name
    given = view.checklist.item(1, 3)
    assert given is not None and given.text() == "Chưa nộp"
    # The appointment history.
    assert view.appointments.rowCount() == 1
    cause = view.appointments.item(0, 2)
    assert cause is not None and cause.text() == "Hẹn trả khi tiếp nhận"


def test_timeline_in_words_who_when_what(qtbot: QtBot, qtmodeltester: Any, store: Store) -> None:
    clerk = as_user(store, "tiepnhan")
    key = receive(clerk)
    dossiers.act(clerk, key, "handed_over", {"to": "chuyenvien", "note": "Cần xác minh"})
    view = open_view(qtbot, clerk, key)
    model = view.timeline_model
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    col = TimelineModel.COL_DETAILS
    assert model.data(model.index(1, TimelineModel.COL_ACTOR)) == "Nguyễn Thị Lan"
    assert model.data(model.index(1, TimelineModel.COL_ACTION)) == "Chuyển xử lý"
    assert model.data(model.index(1, col)) == "Chuyển cho Phạm Minh Đức: Cần xác minh"
    at = dossiers.history(clerk, key)[1].at
    assert model.data(model.index(1, TimelineModel.COL_AT)) == clock.fmt_datetime(
        clock.parse_iso(at)
    )
    sentence = model.sentences()[1]
    assert sentence.endswith(
        "Nguyễn Thị Lan: Chuyển xử lý (Chuyển cho Phạm Minh Đức: Cần xác minh)"
    )
    tip = model.data(model.index(1, 0), Qt.ItemDataRole.ToolTipRole)
    assert str(tip).endswith("\nTrạng thái sau đó: Đang xử lý")
    assert view.value("status_history").endswith(
        f"→ Đang xử lý ({clock.fmt_datetime(clock.parse_iso(at))})"
    )
    # Who is handling it now is shown by name.
    assert view.value("assignee") == "Phạm Minh Đức (chuyenvien)"


def test_timeline_model_empty_and_after_reset(qtmodeltester: Any) -> None:
    model = TimelineModel()
    qtmodeltester.check(model)
    assert model.rowCount() == 0
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Thời gian"


def test_paper_entry_is_marked(qtbot: QtBot, session: Session, monkeypatch: Any) -> None:
    key = receive(session)
    d = dossiers.detail(session, key)
    if not hasattr(d, "paper_entered_at"):
        pytest.skip("paper entry (helper D) not in DossierDetail yet")
    from dataclasses import replace

    entered = d.received_at + timedelta(hours=30)
    marked = replace(d, paper_entered_at=entered)  # type: ignore[call-arg]
    monkeypatch.setattr(dossiers, "detail", lambda _s, _k: marked)
    view = open_view(qtbot, session, key)
    assert view.paper_label.isVisibleTo(view)
    assert clock.fmt_datetime(entered) in view.paper_label.text()
    assert view.value("paper_entered_at") == clock.fmt_datetime(entered)


# ------------------------------------------------------------------ which actions


def test_a_receiving_clerk_does_not_see_the_specialists_actions(qtbot: QtBot, store: Store) -> None:
    clerk = as_user(store, "tiepnhan")
    key = receive(clerk)
    view = open_view(qtbot, clerk, key)
    shown = set(view.action_buttons())
    assert shown == {"refused", "handed_over", "supplement_requested", "withdrawn"}
    assert "result_ready" not in shown and "rescheduled" not in shown
    officer = open_view(qtbot, as_user(store, "chuyenvien"), key)
    assert set(officer.action_buttons()) == {
        "handed_over",
        "supplement_requested",
        "result_ready",
        "rescheduled",
    }
    assert [a.kind for a in actions.available_actions(clerk, key)] == [
        a.kind for a in actions.actions_for(clerk, Status.RECEIVED)
    ]


def test_a_final_dossier_offers_nothing_and_says_so(qtbot: QtBot, store: Store) -> None:
    clerk = as_user(store, "tiepnhan")
    key = receive(clerk)
    dossiers.act(clerk, key, "withdrawn", {"reason": "Công dân xin rút"})
    view = open_view(qtbot, clerk, key)
    assert view.action_buttons() == {}
    assert view.no_actions_label.isVisibleTo(view)
    assert view.value("refusal_reason") == "Công dân xin rút"


def test_every_action_has_a_form_and_unique_keys_where_offered_together() -> None:
    processing = {k for k in ACTIONS if k not in CREATING_KINDS}
    assert set(FORMS) == processing == set(ACTION_BUTTONS)
    menu_letters = {"h", "s", "c", "q", "g", "i", "p"}
    for status in Status:
        for role in Role:
            shown = [a.kind for a in ACTIONS.values() if status in a.sources and role in a.roles]
            letters = [ACTION_BUTTONS[k].split("&", 1)[1][0].lower() for k in shown]
            assert len(set(letters)) == len(letters), (status, role, shown)
            assert not set(letters) & menu_letters, (status, role)


# ------------------------------------------------------------------ each form


def submit(qtbot: QtBot, form: ActionForm) -> None:
    qtbot.waitExposed(form)
    form.ok_button.click()


def test_hand_over_form_lists_active_officers_and_records(
    qtbot: QtBot, store: Store, offered: list[Any]
) -> None:
    clerk = as_user(store, "tiepnhan")
    key = receive(clerk)
    view = open_view(qtbot, clerk, key)
    form = view.open_action("handed_over")
    names = [form.recipient.itemData(i) for i in range(form.recipient.count())]
    assert set(names) == {"chuyenvien", "chuyenvien2", "lanhdao"}
    assert "tiepnhan" not in names
    form.recipient.setCurrentIndex(names.index("chuyenvien2"))
    type_text(form.note, "Hồ sơ gấp, ưu tiên xử lý")
    with qtbot.waitSignal(view.changed):
        submit(qtbot, form)
    last = dossiers.history(clerk, key)[-1]
    assert last.kind == "handed_over"
    assert last.payload["to"] == "chuyenvien2"
    assert last.payload["note"] == "Hồ sơ gấp, ưu tiên xử lý"
    assert view.value("status") == "Đang xử lý"  # the view reloaded
    assert offered == []  # no slip for a hand-over


def test_supplement_form_picks_from_checklist_and_free_text_then_offers_mau_02(
    qtbot: QtBot, session: Session, offered: list[Any]
) -> None:
    key = receive(session)
    view = open_view(qtbot, session, key)
    form = view.open_action("supplement_requested")
    first = form.checklist.item(1)
    first.setCheckState(Qt.CheckState.Checked)
    type_text(form.other, "Giấy xác nhận cư trú")
    type_text(form.reason, "Thiếu giấy tờ theo quy định")
    submit(qtbot, form)
    last = dossiers.history(session, key)[-1]
    assert last.kind == "supplement_requested"
    wanted = dossiers.detail(session, key).documents[1].name
    assert last.payload["documents"] == [wanted, "Giấy xác nhận cư trú"]
    assert last.payload["reason"] == "Thiếu giấy tờ theo quy định"
    assert offered == [(view.value("code"), "supplement", False)]
    assert view.pauses.rowCount() == 1 and view.group_pauses.isVisibleTo(view)
    # Then the supplement comes in: a confirmation form.
    form = view.open_action("supplement_received")
    submit(qtbot, form)
    assert kinds_of(session, key)[-1] == "supplement_received"


def test_financial_form_reads_vietnamese_amounts(qtbot: QtBot, store: Store) -> None:
    clerk, officer = as_user(store, "tiepnhan"), as_user(store, "chuyenvien")
    key = receive(clerk)
    dossiers.act(clerk, key, "handed_over", {"to": "chuyenvien"})
    view = open_view(qtbot, officer, key)
    form = view.open_action("financial_requested")
    type_text(form.amount, "1.500.000 đ")
    type_text(form.note, "Lệ phí trước bạ")
    submit(qtbot, form)
    last = dossiers.history(officer, key)[-1]
    assert last.kind == "financial_requested"
    assert last.payload["amount"] == 1_500_000
    form = view.open_action("financial_done")
    submit(qtbot, form)
    assert kinds_of(officer, key)[-1] == "financial_done"


def test_financial_form_refuses_a_bad_amount_and_keeps_the_text(qtbot: QtBot, store: Store) -> None:
    clerk, officer = as_user(store, "tiepnhan"), as_user(store, "chuyenvien")
    key = receive(clerk)
    dossiers.act(clerk, key, "handed_over", {"to": "chuyenvien"})
    view = open_view(qtbot, officer, key)
    form = view.open_action("financial_requested")
    type_text(form.amount, "1,5 triệu")
    type_text(form.note, "Phí đo đạc")
    submit(qtbot, form)
    assert form.isVisible()
    assert "Số tiền «1,5 triệu» không hợp lệ" in form.error()
    assert form.amount.text() == "1,5 triệu" and form.note.text() == "Phí đo đạc"
    assert form.focusWidget() is form.amount
    assert kinds_of(officer, key)[-1] == "handed_over"


def test_result_and_return_forms(qtbot: QtBot, store: Store) -> None:
    clerk, officer = as_user(store, "tiepnhan"), as_user(store, "chuyenvien")
    key = receive(clerk)
    view = open_view(qtbot, officer, key)
    form = view.open_action("result_ready")
    type_text(form.note, "Đã cấp giấy xác nhận số 12/GXN")
    submit(qtbot, form)
    assert dossiers.history(officer, key)[-1].payload["note"] == "Đã cấp giấy xác nhận số 12/GXN"
    view = open_view(qtbot, clerk, key)
    assert set(view.action_buttons()) == {"returned"}
    form = view.open_action("returned")
    assert form.collector.text() == "Trần Văn Bình"  # the applicant, by default
    form.collector.clear()
    type_text(form.collector, "Trần Thị Mười")
    form.collector_id.clear()
    type_text(form.collector_id, "001190012345")
    QApplication.processEvents()
    form.ok_button.setFocus()
    qtbot.keyClick(form, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not form.isVisible()
    last = dossiers.history(clerk, key)[-1]
    assert last.kind == "returned"
    assert last.payload["collected_by"] == "Trần Thị Mười"
    assert last.payload["collected_by_id"] == "001190012345"
    assert view.value("returned_to") == "Trần Thị Mười"


def test_return_form_checks_the_id_number_and_keeps_the_content(qtbot: QtBot, store: Store) -> None:
    clerk = as_user(store, "tiepnhan")
    key = receive(clerk)
    dossiers.act(as_user(store, "chuyenvien"), key, "result_ready", {})
    view = open_view(qtbot, clerk, key)
    form = view.open_action("returned")
    form.collector.clear()
    type_text(form.collector, "Võ Thị Sáu")
    form.collector_id.clear()
    type_text(form.collector_id, "12345")
    submit(qtbot, form)
    assert form.isVisible()
    assert form.error().startswith("Số định danh của người nhận kết quả không hợp lệ")
    assert form.collector.text() == "Võ Thị Sáu" and form.collector_id.text() == "12345"
    assert form.focusWidget() is form.collector_id
    assert kinds_of(clerk, key)[-1] == "result_ready"


def test_refusal_needs_a_reason_then_offers_mau_03(
    qtbot: QtBot, session: Session, offered: list[Any]
) -> None:
    key = receive(session)
    view = open_view(qtbot, session, key)
    form = view.open_action("refused")
    submit(qtbot, form)
    assert form.error() == "Chưa nhập lý do từ chối"
    type_text(form.reason, "Hồ sơ không thuộc thẩm quyền của xã")
    submit(qtbot, form)
    assert not form.isVisible()
    assert dossiers.history(session, key)[-1].payload["reason"] == (
        "Hồ sơ không thuộc thẩm quyền của xã"
    )
    assert offered == [(view.value("code"), "refusal", False)]


def test_reschedule_form_mau_04_and_the_max_reschedules_setting(
    qtbot: QtBot, store: Store, offered: list[Any]
) -> None:
    settings.set_setting(Session.operator(store), "max_reschedules", "1")
    clerk, officer = as_user(store, "tiepnhan"), as_user(store, "chuyenvien")
    key = receive(clerk)
    view = open_view(qtbot, officer, key)
    form = view.open_action("rescheduled")
    assert form.ok_button.isEnabled()
    assert "tối đa 1 lần" in " ".join(
        w.text() for w in form.findChildren(type(form.error_label)) if w.objectName() == "formNote"
    )
    type_text(form.reason, "Cần xác minh thêm tại thôn")
    submit(qtbot, form)
    last = dossiers.history(officer, key)[-1]
    assert last.kind == "rescheduled" and last.payload["times"] == 1
    old = dossiers.history(officer, key)[0].payload["due_at"]
    assert clock.parse_iso(last.payload["new_due_at"]) - clock.parse_iso(old) < timedelta(
        days=1, minutes=1
    )
    assert offered == [(view.value("code"), "apology", False)]
    assert view.appointments.rowCount() == 2
    # The limit is reached: the form says so and does not submit.
    form = view.open_action("rescheduled")
    assert not form.ok_button.isEnabled()
    assert "đủ số lần tối đa" in form.error()
    assert form.submit() is False
    assert kinds_of(officer, key).count("rescheduled") == 1


def test_stop_by_a_leader_and_withdrawal_by_a_clerk(qtbot: QtBot, store: Store) -> None:
    clerk, leader = as_user(store, "tiepnhan"), as_user(store, "lanhdao")
    key = receive(clerk)
    dossiers.act(clerk, key, "handed_over", {"to": "chuyenvien"})
    view = open_view(qtbot, leader, key)
    assert "stopped" in view.action_buttons()
    form = view.open_action("stopped")
    type_text(form.reason, "Phát hiện giả mạo giấy tờ")
    submit(qtbot, form)
    assert kinds_of(leader, key)[-1] == "stopped"
    other = receive(clerk, name="Đỗ Văn Khánh", id_number="001090054321")
    view = open_view(qtbot, clerk, other)
    form = view.open_action("withdrawn")
    type_text(form.reason, "Công dân xin rút hồ sơ")
    submit(qtbot, form)
    assert kinds_of(clerk, other)[-1] == "withdrawn"


def test_accepting_an_online_filing(qtbot: QtBot, session: Session) -> None:
    summary = dossiers.register_online(
        session, Intake("1.004873", Applicant("Phan Thị Yến", "001190054321"))
    )
    view = open_view(qtbot, session, summary.id)
    assert view.value("due_at") == "Chưa có"
    form = view.open_action("accepted")
    submit(qtbot, form)
    assert kinds_of(session, summary.id)[-1] == "accepted"
    assert view.value("status") == "Được tiếp nhận"


def test_a_refusal_by_the_rules_keeps_the_form(qtbot: QtBot, store: Store) -> None:
    # Another window (or the CLI) withdrew the dossier while the hand-over form was open.
    clerk = as_user(store, "tiepnhan")
    key = receive(clerk)
    view = open_view(qtbot, clerk, key)
    form = view.open_action("handed_over")
    type_text(form.note, "Chuyển gấp trong ngày")
    dossiers.act(Session.operator(store), key, "withdrawn", {"reason": "Rút"})
    submit(qtbot, form)
    assert form.isVisible()
    assert form.error() == (
        "Không thể «Chuyển xử lý» khi hồ sơ đang ở trạng thái «Công dân yêu cầu rút hồ sơ»"
    )
    assert form.note.text() == "Chuyển gấp trong ngày"
    form.reject()


# ------------------------------------------------------------------ the main window


@pytest.fixture
def window(qtbot: QtBot, session: Session, tmp_path: Any) -> MainWindow:
    from PySide6.QtCore import QSettings

    win = MainWindow(
        session, settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(win)
    win.resize(1024, 720)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_enter_on_a_row_opens_it_and_alt_left_comes_back(qtbot: QtBot, window: MainWindow) -> None:
    window.select_row(3)
    chosen = window.current_dossier()
    assert chosen is not None
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    assert window.current_screen() == "dossier"
    assert window.dossier_view.value("code") == chosen.code
    qtbot.keyClick(window.dossier_view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_screen() == "worklist"
    assert window.current_dossier() == chosen


def test_ctrl_o_opens_a_scanned_code_or_says_it_is_unknown(
    qtbot: QtBot, window: MainWindow, session: Session
) -> None:
    key = receive(session)
    code = dossiers.detail(session, key).code
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    (dialog,) = window.findChildren(QInputDialog, "openByCodeDialog")
    type_text(dialog.findChild(type(window.search_box)), code + "\n")
    assert window.current_screen() == "dossier"
    assert window.dossier_view.value("code") == code
    window.back_to_worklist()
    dialog = window.open_by_code()
    assert isinstance(dialog, QInputDialog)
    type_text(dialog.findChild(type(window.search_box)), "000.00.12.H29-000000-9999\n")
    qtbot.waitUntil(lambda: any(b.isVisible() for b in window.findChildren(QMessageBox)))
    (box,) = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert box.text() == "Không tìm thấy hồ sơ «000.00.12.H29-000000-9999»"
    box.close()
    assert window.current_screen() == "worklist"


def test_ctrl_p_reprints_the_receipt_as_a_copy(
    qtbot: QtBot, window: MainWindow, session: Session, offered: list[Any]
) -> None:
    key = receive(session)
    assert window.open_dossier(key)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert offered == [(window.dossier_view.value("code"), "receipt", True)]


def test_an_action_refreshes_the_worklist(
    qtbot: QtBot, window: MainWindow, session: Session, offered: list[Any]
) -> None:
    key = receive(session)
    window.refresh()
    code = dossiers.detail(session, key).code
    assert window.open_dossier(code)
    form = window.dossier_view.open_action("handed_over")
    submit(qtbot, form)
    window.back_to_worklist()
    row = window.model.row_of_code(code)
    assert row is not None
    dossier = window.model.dossier(row)
    assert dossier.status is Status.PROCESSING
    assert window.current_dossier() == dossier


# ------------------------------------------------------------------ in English (#9)


def _foreign(text: str, typed: tuple[str, ...]) -> str:
    """The characters of ``text`` outside ASCII once the values typed by people (names,
    reasons, notes, the catalogue's procedure name) are taken out."""
    for value in sorted(typed, key=len, reverse=True):
        text = text.replace(value, "")
    return "".join(sorted({c for c in text if ord(c) > 127}))


def test_english_timeline_time_left_and_appointments_have_no_vietnamese(
    qtbot: QtBot, store: Store, english: None
) -> None:
    clerk, officer = as_user(store, "tiepnhan"), as_user(store, "chuyenvien")
    key = receive(clerk)
    dossiers.act(clerk, key, "handed_over", {"to": "chuyenvien", "note": "Cần xác minh"})
    dossiers.act(
        officer,
        key,
        "supplement_requested",
        {"documents": ["Giấy xác nhận cư trú"], "reason": "Thiếu giấy tờ"},
    )
    # While paused: the time left says so, in English.
    paused = open_view(qtbot, officer, key)
    assert "(time limit paused)" in paused.time_left_label.text()
    assert _foreign(paused.time_left_label.text(), ()) == ""
    assert paused.pauses.rowCount() == 1
    pause_cell = paused.pauses.item(0, 0)
    assert pause_cell is not None and pause_cell.text().startswith("Waiting for a supplement")
    dossiers.act(officer, key, "supplement_received", {})
    due_at = dossiers.detail(officer, key).due_at
    assert due_at is not None
    dossiers.act(
        officer,
        key,
        "rescheduled",
        {"new_due_at": clock.iso(due_at + timedelta(days=1)), "reason": "Chờ ý kiến thôn"},
    )
    d = dossiers.detail(officer, key)
    typed = (
        "Nguyễn Thị Lan",
        "Phạm Minh Đức",
        "Cần xác minh",
        "Giấy xác nhận cư trú",
        "Thiếu giấy tờ",
        "Chờ ý kiến thôn",
        "Nộp thay cho bố mẹ",
        "Trần Thị Mười",
        d.procedure.name,
    )
    view = open_view(qtbot, officer, key)
    assert d.time_left is not None and not d.time_left.paused
    label = view.time_left_label.text()
    assert label.endswith(("working days left", "working hours left")), label
    assert _foreign(label, ()) == "" and _foreign(view.value("time_left"), ()) == ""
    causes = [view.appointments.item(r, 2) for r in range(view.appointments.rowCount())]
    assert [c.text() for c in causes if c is not None] == [
        "Due date set at receipt",
        "Paused time added",
        "Rescheduled (time 1)",
    ]
    dossiers.act(officer, key, "result_ready", {})
    dossiers.act(
        clerk,
        key,
        "returned",
        {"collected_by": "Trần Thị Mười", "collected_by_id": "001190012345"},
    )
    view.reload()
    model = view.timeline_model
    assert [model.entry(r).kind for r in range(model.rowCount())] == [
        "received",
        "handed_over",
        "supplement_requested",
        "supplement_received",
        "rescheduled",
        "result_ready",
        "returned",
    ]
    for r in range(model.rowCount()):
        for c in range(model.columnCount()):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                text = str(model.data(model.index(r, c), role) or "")
                assert _foreign(text, typed) == "", (r, c, text)
    details = [model.data(model.index(r, TimelineModel.COL_DETAILS)) for r in range(7)]
    assert details[1] == "Handed over to Phạm Minh Đức: Cần xác minh"
    assert details[2] == "To supplement: Giấy xác nhận cư trú; reason: Thiếu giấy tờ"
    assert str(details[4]).startswith("Rescheduled (time 1): from ")
    assert details[6] == "Collected by: Trần Thị Mười (001190012345)"
    assert model.data(model.index(6, TimelineModel.COL_ACTION)) != "Trả kết quả"
    assert view.time_left_label.text() == "Completed on time"
    # The service itself still speaks Vietnamese (CLI, JSON, slips).
    words = dossiers.timeline(clerk, key)
    assert words[1].details == "Chuyển cho Phạm Minh Đức: Cần xác minh"
    assert words[6].to_json()["details"] == "Người nhận: Trần Thị Mười (001190012345)"


def test_the_timeline_follows_a_language_change(qtbot: QtBot, store: Store) -> None:
    from onestop_desktop.ui import i18n

    clerk = as_user(store, "tiepnhan")
    key = receive(clerk)
    dossiers.act(clerk, key, "handed_over", {"to": "chuyenvien"})
    view = open_view(qtbot, clerk, key)
    model = view.timeline_model
    assert model.data(model.index(1, TimelineModel.COL_DETAILS)) == "Chuyển cho Phạm Minh Đức"
    vi_left = view.time_left_label.text()
    assert vi_left.startswith("Còn ")
    i18n.install("en")
    QApplication.processEvents()
    assert model.data(model.index(1, TimelineModel.COL_DETAILS)) == "Handed over to Phạm Minh Đức"
    assert model.headerData(0, Qt.Orientation.Horizontal) != "Thời gian"
    assert view.time_left_label.text().endswith("left")
    assert model.sentences()[1].endswith("(Handed over to Phạm Minh Đức)")
    i18n.install("vi")
    QApplication.processEvents()
    assert view.time_left_label.text() == vi_left


def test_an_open_action_form_follows_a_language_change_and_keeps_the_text(
    qtbot: QtBot, store: Store
) -> None:
    from onestop_desktop.ui import i18n

    clerk, officer = as_user(store, "tiepnhan"), as_user(store, "chuyenvien")
    key = receive(clerk)
    view = open_view(qtbot, officer, key)
    form = view.open_action("supplement_requested")
    type_text(form.reason, "Thiếu giấy khai sinh")
    type_text(form.other, "Sổ hộ khẩu")
    form.checklist.item(0).setCheckState(Qt.CheckState.Checked)
    assert form.ok_button.text() == "&Ghi nhận"
    assert form.windowTitle().startswith("Yêu cầu bổ sung hồ sơ")
    form.reason.clear()
    assert form.submit() is False  # refused: no reason
    assert form.error().startswith("Chưa nhập lý do")
    type_text(form.reason, "Thiếu giấy khai sinh")
    i18n.install("en")
    QApplication.processEvents()
    assert form.ok_button.text() != "&Ghi nhận" and form.ok_button.text().isascii()
    assert not form.windowTitle().startswith("Yêu cầu")
    assert form.error() and form.error().isascii(), form.error()
    captions = [w.text() for w in form.findChildren(type(form.error_label)) if w.buddy()]
    assert captions and all(c.isascii() for c in captions), captions
    # What was typed and ticked is kept.
    assert form.reason.text() == "Thiếu giấy khai sinh"
    assert form.other.toPlainText() == "Sổ hộ khẩu"
    assert form.checklist.item(0).checkState() == Qt.CheckState.Checked
    i18n.install("vi")
    QApplication.processEvents()
    assert form.ok_button.text() == "&Ghi nhận"
    assert form.error().startswith("Chưa nhập lý do")
    form.reject()


def test_a_reused_view_shows_each_dossier_as_a_new_view_does(
    qtbot: QtBot, store: Store, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The view is built once and each open changes only what differs (#9: the tables keep
    their items). Opened one after another, dossiers of every status and shape (refused,
    paused, returned, with more or fewer checklist lines and appointments) must look exactly,
    pixel for pixel and cell for cell, as in a view made for that dossier alone."""
    moment = clock.now()
    monkeypatch.setattr(store, "now", lambda: moment)  # the same time left in both views
    codes = [
        str(r["code"])
        for r in store.query(
            "SELECT code, min(rid) FROM dossiers GROUP BY status, supplement_count > 0, "
            "reschedule_count > 0, procedure_code ORDER BY 2 LIMIT 14"
        )
    ]
    assert len(codes) >= 8
    reused = open_view(qtbot, session, codes[0])

    def settled(view: DossierView) -> None:
        for _ in range(4):  # the layout, then the tables' fit (a zero timer), then the paint
            QApplication.processEvents()

    def cells(view: DossierView) -> list[list[list[str]]]:
        out = []
        for table in (view.checklist, view.appointments, view.pauses):
            out.append(
                [
                    [
                        (item.text(), item.toolTip()) if (item := table.item(r, c)) else None
                        for c in range(table.columnCount())
                    ]
                    for r in range(table.rowCount())
                ]
            )
        return out  # type: ignore[return-value]

    for code in [*codes[1:], codes[0], *reversed(codes[1:-1])]:
        reused.load(code)
        settled(reused)
        fresh = open_view(qtbot, session, code)
        settled(fresh)
        assert cells(reused) == cells(fresh), code
        assert reused.shown_fields() == fresh.shown_fields(), code
        assert reused.grab().toImage() == fresh.grab().toImage(), code
        fresh.close()
        fresh.deleteLater()
