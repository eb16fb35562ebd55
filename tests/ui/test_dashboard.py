"""The dashboard (Ctrl+2): its figures are Biểu 06's for the same days (one source of truth),
its lists open their dossiers, it reloads when the data change, and its list model is valid."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from onestop_desktop.domain import clock
from onestop_desktop.paths import DataDir
from onestop_desktop.services import dashboard, dossiers, reports, search
from onestop_desktop.services.context import Session
from onestop_desktop.services.dashboard import Figures
from onestop_desktop.services.dossiers import Applicant, Intake
from onestop_desktop.services.search import Filters
from onestop_desktop.store.db import Store
from onestop_desktop.ui.dashboard import DashboardScreen, DossierListModel, percent_text
from onestop_desktop.ui.mainwindow import MainWindow


@pytest.fixture
def leader(session: Session) -> Session:
    from onestop_desktop.domain.roles import Role
    from onestop_desktop.services.context import Actor

    return Session(session.store, session.station, Actor("lanhdao", "Phạm Văn Dũng", Role.LEADER))


@pytest.fixture
def days_later(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every store's clock (workers' too) five days on, so the demo has overdue dossiers."""
    moment = clock.now() + timedelta(days=5)
    monkeypatch.setattr(Store, "now", lambda _self: moment)


@pytest.mark.parametrize("later", [False, True], ids=["now", "five-days-on"])
def test_figures_equal_bieu_06_for_the_same_days(
    leader: Session, later: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if later:
        moment = clock.now() + timedelta(days=5)
        monkeypatch.setattr(Store, "now", lambda _self: moment)
    data = dashboard.build(leader)
    today = clock.to_vn(data.at).date()
    start = today.replace(day=1)
    assert data.today == Figures.of(reports.report06(leader, today, today).report)
    assert data.month == Figures.of(reports.report06(leader, start, today).report)
    assert data.month.received > 0 or today.day == 1
    assert len(data.by_day) == dashboard.CHART_DAYS
    assert data.by_day[-1].day == today
    for bar in data.by_day:
        day = reports.report06(leader, bar.day, bar.day).report
        assert (bar.received, bar.resolved) == (day.announced.received, day.total.resolved_total)
    month = reports.report06(leader, start, today).report
    assert [(f.field, f.received, f.resolved) for f in data.by_field] == [
        (r.field, r.received_total, r.resolved_total) for r in month.rows
    ]
    assert sum(b.received for b in data.by_day) > 0


def test_a_past_day_gives_that_days_figures(leader: Session) -> None:
    busy = max(dashboard.build(leader).by_day, key=lambda b: b.received).day
    data = dashboard.build(leader, today=busy)
    assert data.today == Figures.of(reports.report06(leader, busy, busy).report)
    assert data.today.received > 0
    assert data.month == Figures.of(reports.report06(leader, busy.replace(day=1), busy).report)


def test_the_overdue_list_is_what_the_card_counts(leader: Session, days_later: None) -> None:
    data = dashboard.build(leader)
    due = search.worklist_page(leader, limit=dashboard.LIST_LIMIT, filters=Filters(due_today=True))
    assert data.due_today == tuple(due)
    # One rule: the list holds exactly the dossiers of the "Quá hạn" card (Biểu 06 column 13).
    assert data.overdue_count == data.today.overdue == data.month.overdue
    assert len(data.overdue) == min(data.overdue_count, dashboard.LIST_LIMIT)
    assert data.overdue, "the demo has overdue dossiers"
    assert len({d.id for d in data.overdue}) == len(data.overdue)


def test_a_past_days_list_is_that_days_card(leader: Session, days_later: None) -> None:
    day = clock.to_vn(clock.now()).date() + timedelta(days=2)
    data = dashboard.build(leader, today=day)
    assert (
        data.overdue_count
        == data.today.overdue
        == reports.report06(leader, day, day).report.total.in_progress_overdue
    )


def test_card_and_list_agree_where_the_worklist_rule_differs(
    session: Session, leader: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Three dossiers the two rules used to split: one overdue but paused for a supplement
    (Biểu 06 counts it, the worklist's clock is stopped), one whose first appointment passed
    but that was rescheduled to later (Biểu 06 judges against the first), one due an hour ago
    today (late for the counter, not yet a late day for Biểu 06)."""
    start = clock.now()
    moment = [start]
    monkeypatch.setattr(Store, "now", lambda _self: moment[0])

    def person(n: int) -> Applicant:
        return Applicant(name="Đỗ Thị Hạnh", id_number=f"00119005432{n}", phone="0912000111")

    paused = dossiers.receive(session, Intake("1.004873", person(1)))
    moved = dossiers.receive(session, Intake("1.004873", person(2)))
    assert moved.due_at is not None
    dossiers.act(
        leader,
        moved.id,
        "rescheduled",
        {"new_due_at": clock.iso(moved.due_at + timedelta(days=40)), "reason": "Chờ xác minh"},
    )
    moment[0] = start + timedelta(days=8)
    dossiers.act(
        leader, paused.id, "supplement_requested", {"documents": ["Tờ khai"], "reason": "Thiếu"}
    )
    late_today = dossiers.receive(session, Intake("1.004873", person(3)))
    assert late_today.due_at is not None
    moment[0] = late_today.due_at + timedelta(minutes=1)
    assert clock.to_vn(moment[0]).date() == clock.to_vn(late_today.due_at).date()

    data = dashboard.build(leader, list_limit=100_000)
    listed = {d.id for d in data.overdue}
    assert data.overdue_count == data.today.overdue == len(listed)
    assert paused.id in listed and moved.id in listed
    assert late_today.id not in listed
    # The rescheduled one is late by its first appointment: the list shows that one, and says
    # which appointment is current.
    row = [d.id for d in data.overdue].index(moved.id)
    assert data.overdue_judged[row] == moved.due_at
    model = DossierListModel()
    model.set_rows(data.overdue, data.overdue_judged)
    cell = model.index(row, DossierListModel.COL_DUE)
    assert model.data(cell) == clock.fmt_datetime(moved.due_at)
    tip = str(model.data(cell, Qt.ItemDataRole.ToolTipRole))
    assert clock.fmt_datetime(moved.due_at + timedelta(days=40)) in tip
    # The worklist's own "Quá hạn" filter answers another question, and differs on all three.
    worklist = {
        d.id for d in search.worklist_page(leader, limit=100_000, filters=Filters(overdue=True))
    }
    assert late_today.id in worklist
    assert paused.id not in worklist and moved.id not in worklist


def test_percent_text_is_vietnamese() -> None:
    from decimal import Decimal

    assert percent_text(Decimal("96.2")) == "96,2%"
    assert percent_text(None) == "—"


def test_list_model_passes_the_model_tester(
    qtmodeltester: ModelTester, leader: Session, days_later: None
) -> None:
    model = DossierListModel()
    model.set_rows(dashboard.build(leader).overdue)
    assert model.rowCount() > 0
    qtmodeltester.check(model)
    assert model.data(model.index(0, 0)) == model.dossier(0).code


@pytest.fixture
def window(qtbot: QtBot, leader: Session, tmp_path: Path) -> MainWindow:
    win = MainWindow(
        leader, settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(win)
    win.resize(1008, 720)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=2000)
    return win


def wait_loaded(qtbot: QtBot, screen: DashboardScreen) -> None:
    qtbot.waitUntil(lambda: screen.data() is not None and screen.worker() is None, timeout=10000)


def test_ctrl_2_shows_the_figures(qtbot: QtBot, window: MainWindow, leader: Session) -> None:
    QTest.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_screen() == "dashboard"
    screen = window.stack.currentWidget()
    assert isinstance(screen, DashboardScreen)
    wait_loaded(qtbot, screen)
    data = screen.data()
    assert data is not None
    assert data.month == dashboard.build(leader).month
    assert screen.figure_text("month", "received") == f"{data.month.received:,}".replace(",", ".")
    assert screen.figure_text("month", "on_time_rate") == percent_text(data.month.on_time_rate)
    assert screen.overdue_model.rowCount() == len(data.overdue)
    assert screen.overdue_box.title().startswith(f"Đang quá hạn hẹn trả ({data.overdue_count})")
    assert len(screen.day_chart.bars()) == dashboard.CHART_DAYS
    assert "dashboard" in [a.objectName() for a in window.toolbar.actions()]


def test_a_list_row_opens_its_dossier(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, days_later: None
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(window, "open_dossier", lambda key: opened.append(key) or True)
    screen = window.show_dashboard()
    assert isinstance(screen, DashboardScreen)
    wait_loaded(qtbot, screen)
    view = screen.overdue_view
    view.setFocus()
    view.setCurrentIndex(screen.overdue_model.index(0, 0))
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert opened == [screen.overdue_model.dossier(0).id]


def test_without_a_dossier_view_the_row_is_selected_in_the_worklist(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, days_later: None
) -> None:
    monkeypatch.setattr(window, "open_dossier", None)
    screen = window.show_dashboard()
    assert isinstance(screen, DashboardScreen)
    wait_loaded(qtbot, screen)
    target = screen.overdue_model.dossier(0)
    screen.dossierRequested.emit(target)
    assert window.current_screen() == "worklist"
    assert window.current_dossier() == target


def test_the_dashboard_reloads_when_someone_writes(
    qtbot: QtBot, window: MainWindow, demo_data: DataDir
) -> None:
    screen = window.show_dashboard()
    assert isinstance(screen, DashboardScreen)
    wait_loaded(qtbot, screen)
    before = screen.data()
    assert before is not None
    other = Store.open(demo_data.database, integrity="none")
    try:
        dossiers.receive(
            Session.operator(other),
            Intake("2.000815", Applicant("Đỗ Thị Mới", None, date(1990, 1, 1), "0912000111")),
        )
    finally:
        other.close()
    qtbot.waitUntil(
        lambda: (
            screen.data() is not None and screen.data().today.received == before.today.received + 1
        ),  # type: ignore[union-attr]
        timeout=10000,
    )
    assert screen.figure_text("today", "received") == str(before.today.received + 1)
    # No reload loop: once settled, nothing runs again by itself.
    wait_loaded(qtbot, screen)
    settled = screen.data()
    QTest.qWait(2500)
    assert screen.data() is settled and screen.worker() is None


def test_a_day_in_the_future_is_refused(leader: Session) -> None:
    from onestop_desktop.errors import ValidationError

    with pytest.raises(ValidationError):
        dashboard.build(leader, today=clock.to_vn(leader.now()).date() + timedelta(days=1))
