"""The worklist screen of #9: the filter bar, the count, the empty states, the legend, the
columns at 1024×768, and rows that refresh by themselves when another connection or another
process (the real ``onestop`` CLI) writes, keeping the selection and the scroll position."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QHeaderView
from pytestqt.qtbot import QtBot

from onestop_desktop.paths import DataDir
from onestop_desktop.services import dossiers, search, station
from onestop_desktop.services.context import Session
from onestop_desktop.services.dossiers import Applicant, Intake
from onestop_desktop.services.search import Filters
from onestop_desktop.services.views import DossierSummary
from onestop_desktop.store.db import Store
from onestop_desktop.ui.datawatch import DataWatch
from onestop_desktop.ui.mainwindow import MainWindow
from onestop_desktop.ui.models.worklist import WorklistModel
from onestop_desktop.ui.worklist_screen import WorklistScreen, parse_day
from tests.helpers.typing import type_text

from .conftest import DEMO_DOSSIERS


@pytest.fixture
def window(qtbot: QtBot, session: Session, tmp_path: Path) -> MainWindow:
    win = MainWindow(
        session, settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(win)
    win.resize(1008, 720)  # a 1024×768 screen less the window frame
    win.show()
    qtbot.waitExposed(win)
    return win


def receive_elsewhere(data: DataDir, name: str = "Đỗ Thị Mới") -> DossierSummary:
    """A dossier received through a second Store on the same file (another window's write)."""
    other = Store.open(data.database, integrity="none")
    try:
        return dossiers.receive(
            Session.operator(other),
            Intake("2.000815", Applicant(name, None, date(1990, 1, 1), "0912000111")),
        )
    finally:
        other.close()


# ------------------------------------------------------------------ filter bar


def test_filter_bar_boxes_set_the_models_filters(qtbot: QtBot, window: MainWindow) -> None:
    screen = window.worklist
    screen.overdue_box.setChecked(True)
    assert window.model.filters() == Filters(overdue=True)
    want = search.count_matching(window.session(), "", Filters(overdue=True))
    assert window.model.rowCount() == min(want, WorklistModel.PAGE_SIZE)
    assert screen.count_text() == f"{want} / {DEMO_DOSSIERS} hồ sơ"
    assert window.mode_label.text() == "Đang lọc: Quá hạn"
    screen.group_box.setCurrentIndex(screen.group_box.findData("open"))
    assert window.model.filters() == Filters(group="open", overdue=True)
    assert window.mode_label.text() == "Đang lọc: Đang giải quyết · Quá hạn"
    assert screen.clear_filters_button.isEnabled()
    QTest.mouseClick(screen.clear_filters_button, Qt.MouseButton.LeftButton)
    assert window.model.filters() == Filters()
    assert screen.count_text() == f"{DEMO_DOSSIERS} hồ sơ"
    assert not screen.clear_filters_button.isEnabled()


def test_filters_combine_with_what_is_typed(qtbot: QtBot, window: MainWindow) -> None:
    screen = window.worklist
    type_text(window.search_box, "nguyen")
    qtbot.waitUntil(lambda: window.model.query() == "nguyen", timeout=2000)
    all_nguyen = search.count_matching(window.session(), "nguyen")
    assert screen.count_text() == f"{all_nguyen} / {DEMO_DOSSIERS} hồ sơ"
    screen.group_box.setCurrentIndex(screen.group_box.findData("returned"))
    want = search.search(window.session(), "nguyen", limit=100, filters=Filters(group="returned"))
    assert window.model.dossiers() == tuple(want)
    returned = search.count_matching(window.session(), "nguyen", Filters(group="returned"))
    assert 0 < returned < all_nguyen
    assert screen.count_text() == f"{returned} / {DEMO_DOSSIERS} hồ sơ"


def test_a_result_loaded_whole_is_counted_by_its_rows(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the first page holds every match, the count is its number of rows (no count
    query); a page that may have more asks count_matching."""
    screen = window.worklist
    asked: list[str] = []
    real = search.count_matching

    def spy(ctx: Session, text: str = "", filters: Filters | None = None, **kw: int) -> int:
        asked.append(text)
        return real(ctx, text, filters, **kw)

    monkeypatch.setattr(search, "count_matching", spy)
    screen.search_box.setText("nguyen van")
    screen.apply_search()
    few = window.model.rowCount()
    assert 0 < few < WorklistModel.PAGE_SIZE and window.model.is_complete()
    assert asked == []
    assert few == real(window.session(), "nguyen van")
    assert screen.count_text() == f"{few} / {DEMO_DOSSIERS} hồ sơ"
    screen.search_box.setText("n")
    screen.apply_search()
    assert not window.model.is_complete()
    assert asked == ["n"]
    assert screen.count_text() == f"{real(window.session(), 'n')} / {DEMO_DOSSIERS} hồ sơ"


def test_date_boxes_take_dd_mm_yyyy(qtbot: QtBot, window: MainWindow) -> None:
    screen = window.worklist
    newest = window.model.dossier(0).received_at.date()
    type_text(screen.from_box, newest.strftime("%d/%m/%Y"))
    assert window.model.filters().received_from == newest
    assert all(d.received_at.date() >= newest for d in window.model.dossiers())
    assert window.mode_label.text() == f"Đang lọc: nhận từ {newest.strftime('%d/%m/%Y')}"
    screen.from_box.clear()
    assert window.model.filters() == Filters()
    type_text(screen.to_box, "31/02/2026")  # no such day: the box turns red, nothing applies
    assert screen.to_box.property("invalid") is True
    assert window.model.filters() == Filters()
    assert parse_day("") is None
    assert parse_day(" 01/12/2026 ") == date(2026, 12, 1)
    with pytest.raises(ValueError):
        parse_day("2026-12-01")


def test_a_backwards_date_range_is_said_not_applied(qtbot: QtBot, window: MainWindow) -> None:
    screen = window.worklist
    screen.set_filters(Filters(received_from=date(2026, 12, 2)))
    type_text(screen.to_box, "01/12/2026")
    assert window.model.filters() == Filters(received_from=date(2026, 12, 2))
    assert "01/12/2026" in window.statusBar().currentMessage()


def test_ctrl_shift_f_goes_to_the_filter_bar(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    QTest.keyClick(
        window,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.focusWidget() is window.worklist.group_box


# ------------------------------------------------------------------ empty states, legend


def test_empty_result_names_the_search_and_the_filters(qtbot: QtBot, window: MainWindow) -> None:
    screen = window.worklist
    assert screen.empty_text() == ""
    assert not screen.empty_label.isVisible()
    screen.set_filters(Filters(overdue=True, group="returned"))
    assert window.model.rowCount() == 0
    assert screen.empty_text() == "Không có hồ sơ nào khớp: Đã trả kết quả · Quá hạn"
    assert screen.empty_label.isVisible()
    assert screen.count_text() == f"0 / {DEMO_DOSSIERS} hồ sơ"
    screen.clear_filters()
    type_text(window.search_box, "zzqqxx\n")
    assert screen.empty_text() == "Không có hồ sơ nào khớp: «zzqqxx»"
    window.worklist.clear_search()
    assert not screen.empty_label.isVisible()


def test_a_new_station_says_how_to_receive_the_first_dossier(qtbot: QtBot, tmp_path: Path) -> None:
    ctx = station.init_data_dir(
        DataDir(tmp_path / "new"),
        unit_code="000.00.12.H29",
        unit_name="Xã Mới",
        station=1,
        admin="admin",
        password="mat-khau-dai-1",
    )
    try:
        screen = WorklistScreen(ctx)
        qtbot.addWidget(screen)
        screen.show()
        assert screen.model.rowCount() == 0
        assert screen.empty_text() == "Chưa có hồ sơ — nhấn Ctrl+N để tiếp nhận"
        assert screen.count_text() == "0 hồ sơ"
        screen.overdue_box.setChecked(True)
        assert screen.empty_text() == "Không có hồ sơ nào khớp: Quá hạn"
    finally:
        ctx.store.close()


def test_legend_names_every_row_colour(window: MainWindow) -> None:
    labels = window.worklist.legend_labels
    assert [labels[k].text() for k in ("overdue", "due_today", "paused", "ready")] == [
        "■ Quá hạn",
        "■ Đến hạn hôm nay",
        "■ Tạm dừng (chờ bổ sung, nộp phí)",
        "■ Có kết quả, chờ trả",
    ]
    assert window.worklist.legend.isVisible()


# ------------------------------------------------------------------ columns at 1024×768


def test_important_columns_fit_1024_and_others_are_hidden(window: MainWindow) -> None:
    table = window.table
    shown = [c for c in range(window.model.columnCount()) if not table.isColumnHidden(c)]
    assert shown == [
        WorklistModel.COL_CODE,
        WorklistModel.COL_APPLICANT,
        WorklistModel.COL_PROCEDURE,
        WorklistModel.COL_DUE,
        WorklistModel.COL_STATUS,
        WorklistModel.COL_TIME_LEFT,
    ]
    used = sum(table.columnWidth(c) for c in shown)
    assert used <= table.viewport().width(), "no column off-screen at 1024×768"
    assert table.columnWidth(WorklistModel.COL_PROCEDURE) >= 100
    assert (
        table.horizontalHeader().sectionResizeMode(WorklistModel.COL_PROCEDURE)
        == QHeaderView.ResizeMode.Stretch
    )


def test_header_menu_shows_a_hidden_column_and_it_is_remembered(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    win = MainWindow(session, settings=settings)
    qtbot.addWidget(win)
    menu = win.worklist.column_menu()
    titles = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert titles[WorklistModel.COL_PHONE] == "Điện thoại"
    phone = menu.actions()[WorklistModel.COL_PHONE]
    assert not phone.isChecked()
    assert not menu.actions()[WorklistModel.COL_CODE].isEnabled()
    phone.trigger()
    assert not win.table.isColumnHidden(WorklistModel.COL_PHONE)
    win.close()
    again = MainWindow(
        session, settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(again)
    assert not again.table.isColumnHidden(WorklistModel.COL_PHONE)
    again.worklist.reset_columns()
    assert again.table.isColumnHidden(WorklistModel.COL_PHONE)
    again.close()


def test_a_header_state_of_the_old_six_columns_gives_the_defaults(
    qtbot: QtBot, session: Session
) -> None:
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QTableView

    old = QTableView()  # the worklist before #9: six columns
    qtbot.addWidget(old)
    old.setModel(QStandardItemModel(1, 6))
    state = old.horizontalHeader().saveState()
    screen = WorklistScreen(session)
    qtbot.addWidget(screen)
    screen.table.setColumnHidden(WorklistModel.COL_PHONE, False)
    assert not screen.restore_header_state(state)
    assert screen.table.isColumnHidden(WorklistModel.COL_PHONE)
    assert not screen.table.isColumnHidden(WorklistModel.COL_TIME_LEFT)
    assert not screen.restore_header_state(QByteArray())


# ------------------------------------------------------------------ refresh by itself


def test_datawatch_sees_another_connection_commit(qtbot: QtBot, demo_data: DataDir) -> None:
    watch = DataWatch(demo_data.database, interval_ms=50)
    try:
        assert watch.active()
        assert not watch.poll()
        with qtbot.waitSignal(watch.changed, timeout=3000):
            receive_elsewhere(demo_data)
        assert not watch.poll(), "one signal per change"
        # Opening a store (what each worker does) is not a change.
        Store.open(demo_data.database, integrity="none").close()
        assert not watch.poll()
    finally:
        watch.stop()
    assert not watch.active()
    assert not DataWatch(None).active()


def test_rows_refresh_when_another_window_writes_keeping_selection_and_scroll(
    qtbot: QtBot, window: MainWindow, demo_data: DataDir
) -> None:
    window.model.fetchMore(window.model.index(0, 0).parent())
    window.select_row(60)
    selected = window.current_dossier()
    assert selected is not None
    bar = window.table.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    scroll = bar.value()
    assert scroll > 0
    emitted: list[None] = []
    window.dataChanged.connect(lambda: emitted.append(None))
    made = receive_elsewhere(demo_data)
    qtbot.waitUntil(lambda: window.model.dossier(0).id == made.id, timeout=4000)  # no F5
    assert emitted
    assert window.current_dossier() == selected
    assert window.model.row_of_id(selected.id) == 61
    assert bar.value() == scroll
    assert window.worklist.count_text() == f"{DEMO_DOSSIERS + 1} hồ sơ"
    assert window.count() == DEMO_DOSSIERS + 1


def test_rows_refresh_when_the_onestop_cli_writes(
    qtbot: QtBot, window: MainWindow, demo_data: DataDir
) -> None:
    type_text(window.search_box, "Khuc\n")
    assert window.model.rowCount() == 0
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "onestop_desktop",
            "--data-dir",
            str(demo_data.root),
            "dossier",
            "receive",
            "--procedure",
            "2.000815",
            "--name",
            "Khúc Thị Hoa",
            "--birth-date",
            "02/03/1991",
            "--phone",
            "0912000222",
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=4000)
    assert window.model.dossier(0).applicant_name == "Khúc Thị Hoa"
    assert window.worklist.count_text() == f"1 / {DEMO_DOSSIERS + 1} hồ sơ"
    assert window.worklist.empty_text() == ""
