"""MainWindow's worklist: search as you type, barcode + Enter, keys, status bar, English; and
the bootstrap in app.py (font, error box, crash dialog, run())."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from onestop_desktop import app as app_module
from onestop_desktop.domain.text import fold
from onestop_desktop.errors import StorageError
from onestop_desktop.paths import DataDir
from onestop_desktop.resources_check import VIETNAMESE_LETTERS
from onestop_desktop.services import demo, search
from onestop_desktop.services.context import Session
from onestop_desktop.ui import i18n, msgbox
from onestop_desktop.ui.labels import ROLE_TEXTS
from onestop_desktop.ui.mainwindow import MainWindow
from onestop_desktop.ui.models.worklist import WorklistModel
from tests.helpers.typing import commit_text, type_text

from .conftest import DEMO_DOSSIERS

# Ends with the display name, which Qt would otherwise append a second time.
TITLE = f"{demo.DEMO_UNIT_NAME} — OneStop Desktop"


@pytest.fixture
def window(qtbot: QtBot, session: Session, tmp_path: Path) -> MainWindow:
    win = MainWindow(
        session, settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=2000)
    return win


def names_match(model: WorklistModel, *prefixes: str) -> bool:
    """Every row's applicant has, for each prefix, a folded word starting with it."""
    for item in model.dossiers():
        words = fold(item.applicant_name).split()
        if not all(any(w.startswith(p) for w in words) for p in prefixes):
            return False
    return True


def wait_for_query(qtbot: QtBot, window: MainWindow, query: str) -> None:
    qtbot.waitUntil(lambda: window.model.query() == query, timeout=2000)
    assert not window.search_pending()


# ------------------------------------------------------------------ start


def test_start_state(window: MainWindow) -> None:
    assert window.windowTitle() == TITLE
    assert window.focusWidget() is window.search_box
    assert window.model.rowCount() == WorklistModel.PAGE_SIZE
    assert window.model.query() == ""
    assert window.count() == DEMO_DOSSIERS
    assert window.user_label.text() == "Cán bộ: Nguyễn Thị Lan (tiepnhan)"
    assert window.role_label.text() == "Vai trò: Cán bộ tiếp nhận"
    assert window.station_label.text() == "Máy trạm 1 · 000.00.12.H29"
    assert window.count_label.text() == "300 hồ sơ"
    header = window.table.model().headerData(0, Qt.Orientation.Horizontal)
    assert header == "Mã hồ sơ"


def test_count_uses_vietnamese_digit_grouping(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search, "count_all", lambda _ctx: 1234567)
    window.refresh_count()
    assert window.count_label.text() == "1.234.567 hồ sơ"


def test_a_refused_first_page_is_shown_in_the_status_bar(
    qtbot: QtBot, session: Session, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def locked(*_args: object, **_kwargs: object) -> list[object]:
        raise StorageError("Cơ sở dữ liệu đang bị một chương trình khác khóa, thử lại sau")

    monkeypatch.setattr(search, "worklist_page", locked)
    win = MainWindow(
        session, settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(win)
    assert win.model.rowCount() == 0
    assert win.statusBar().currentMessage() == (
        "Cơ sở dữ liệu đang bị một chương trình khác khóa, thử lại sau"
    )


# ------------------------------------------------------------------ search as you type


def test_typing_nguyen_van_filters_the_table(qtbot: QtBot, window: MainWindow) -> None:
    resets: list[None] = []
    window.model.modelReset.connect(lambda: resets.append(None))
    type_text(window.search_box, "nguyen van")
    assert window.search_pending(), "the search waits for a pause in typing"
    assert window.model.query() == ""
    wait_for_query(qtbot, window, "nguyen van")
    assert len(resets) == 1, "one search for the whole word, not one per key"
    expected = search.search(window.session(), "nguyen van", limit=100)
    assert window.model.dossiers() == tuple(expected)
    assert 0 < window.model.rowCount() < DEMO_DOSSIERS
    assert names_match(window.model, "nguyen", "van")
    assert any(d.applicant_name.startswith("Nguyễn Văn") for d in window.model.dossiers())


def test_typing_vietnamese_duc_finds_duc_and_folds_d(qtbot: QtBot, window: MainWindow) -> None:
    type_text(window.search_box, "Đức")
    assert window.search_box.text() == "Đức"
    wait_for_query(qtbot, window, "Đức")
    assert window.model.rowCount() > 0
    assert names_match(window.model, "duc")
    assert any("Đức" in d.applicant_name for d in window.model.dossiers())
    # Without diacritics the same dossiers come back (đ folds to d).
    window.search_box.clear()
    type_text(window.search_box, "duc")
    wait_for_query(qtbot, window, "duc")
    assert window.model.dossiers() == tuple(search.search(window.session(), "Đức", limit=100))


def test_input_method_commit_searches_too(qtbot: QtBot, window: MainWindow) -> None:
    # ibus/Unikey deliver a whole word as an input-method commit.
    commit_text(window.search_box, "Nguyễn")
    wait_for_query(qtbot, window, "Nguyễn")
    assert names_match(window.model, "nguyen")


def test_no_result_says_so(qtbot: QtBot, window: MainWindow) -> None:
    type_text(window.search_box, "zzqqxx")
    wait_for_query(qtbot, window, "zzqqxx")
    assert window.model.rowCount() == 0
    assert window.statusBar().currentMessage() == "Không tìm thấy hồ sơ nào"


# ------------------------------------------------------------------ barcode reader


def test_barcode_code_and_enter_selects_that_dossier(qtbot: QtBot, window: MainWindow) -> None:
    # A dossier far down the list (not in the first page), typed as a USB reader does.
    # Since #9 a code that matches exactly also opens its dossier view (deliberate change).
    target = search.worklist_page(window.session(), limit=DEMO_DOSSIERS)[250]
    assert window.model.row_of_code(target.code) is None
    type_text(window.search_box, target.code + "\n")
    assert not window.search_pending(), "Enter searches at once"
    assert window.current_dossier() == target
    assert window.current_screen() == "dossier"
    detail = window.dossier_view.detail()
    assert detail is not None and detail.code == target.code
    # Back (Alt+Left): the worklist, the row still selected, the code still in the box.
    window.back_to_worklist()
    assert window.current_screen() == "worklist"
    assert window.current_dossier() == target
    assert window.search_box.text() == target.code
    # A second scan replaces the first.
    window.focus_search()
    assert window.search_box.selectedText() == target.code, "the next scan replaces it"
    other = search.worklist_page(window.session(), limit=DEMO_DOSSIERS)[10]
    type_text(window.search_box, other.code + "\n")
    assert window.search_box.text() == other.code
    assert window.current_dossier() == other
    detail = window.dossier_view.detail()
    assert detail is not None and detail.code == other.code


def test_lower_case_code_is_found(window: MainWindow) -> None:
    target = window.model.dossier(42)
    type_text(window.search_box, target.code.lower() + "\n")
    assert window.current_dossier() == target


def test_unknown_code_selects_nothing(window: MainWindow) -> None:
    type_text(window.search_box, "000.00.12.H29-000101-1999\n")
    assert window.current_dossier() is None
    assert window.model.rowCount() == 0
    assert window.statusBar().currentMessage() == "Không tìm thấy hồ sơ nào"
    assert not window.select_code("000.00.12.H29-000101-1999")
    assert window.statusBar().currentMessage() == "Không có hồ sơ mã 000.00.12.H29-000101-1999"


def test_enter_on_a_row_activates_the_dossier(qtbot: QtBot, window: MainWindow) -> None:
    target = window.model.dossier(5)
    assert window.select_code(target.code)
    window.table.setFocus()
    with qtbot.waitSignal(window.dossierActivated, timeout=1000) as activated:
        QTest.keyClick(window.table, Qt.Key.Key_Return)
    assert activated.args == [target]


# ------------------------------------------------------------------ keyboard


def test_ctrl_f_focuses_search_and_escape_clears_it(qtbot: QtBot, window: MainWindow) -> None:
    type_text(window.search_box, "nguyen")
    wait_for_query(qtbot, window, "nguyen")
    window.table.setFocus()
    assert window.focusWidget() is window.table

    QTest.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.focusWidget() is window.search_box
    assert window.search_box.selectedText() == "nguyen"

    QTest.keyClick(window.search_box, Qt.Key.Key_Escape)
    assert window.search_box.text() == ""
    assert window.model.query() == ""
    assert window.model.rowCount() == WorklistModel.PAGE_SIZE
    assert window.focusWidget() is window.search_box


def test_typing_on_the_table_goes_to_the_search_box(qtbot: QtBot, window: MainWindow) -> None:
    window.table.setFocus()
    type_text(window.table, "Đức")
    assert window.focusWidget() is window.search_box
    assert window.search_box.text() == "Đức"
    wait_for_query(qtbot, window, "Đức")


def test_scrolling_to_the_end_fetches_more(qtbot: QtBot, window: MainWindow) -> None:
    window.table.setFocus()
    QTest.keyClick(window.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.model.rowCount() > WorklistModel.PAGE_SIZE, timeout=2000)
    assert window.model.rowCount() <= DEMO_DOSSIERS


# ------------------------------------------------------------------ languages


def test_english_translation_changes_headers_and_status_bar(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert i18n.install("en") == "en"
    assert i18n.current_language() == "en"
    model = window.table.model()
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Dossier code"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Applicant"
    # Qt posts LanguageChange to every window; the window re-translates when it arrives.
    qtbot.waitUntil(lambda: window.role_label.text() == "Role: Reception clerk", timeout=2000)
    assert window.count_label.text() == "300 dossiers"
    assert window.search_box.placeholderText().startswith("Search by name")
    assert window.windowTitle() == TITLE

    assert i18n.install("vi") == "vi"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Mã hồ sơ"
    qtbot.waitUntil(lambda: window.count_label.text() == "300 hồ sơ", timeout=2000)


def test_language_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(i18n.ENV_VAR, raising=False)
    assert i18n.choose_language("en_GB") == "en"
    assert i18n.choose_language("fr") == "vi"
    monkeypatch.setenv(i18n.ENV_VAR, "en")
    assert i18n.choose_language("vi") == "en"
    monkeypatch.setenv(i18n.ENV_VAR, "xx")
    assert i18n.choose_language(None) == "vi"


def test_language_from_the_user_settings(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(i18n.ENV_VAR, raising=False)
    QCoreApplication.setOrganizationName(app_module.ORGANIZATION_NAME)
    QCoreApplication.setApplicationName(app_module.APPLICATION_NAME)
    settings = QSettings()
    assert i18n.choose_language() == "vi"
    settings.setValue(i18n.SETTINGS_KEY, "en")
    settings.sync()
    assert i18n.choose_language() == "en"
    monkeypatch.setenv(i18n.ENV_VAR, "vi")
    assert i18n.choose_language() == "vi", "the environment wins over the setting"


def test_status_bar_says_what_the_table_shows(qtbot: QtBot, window: MainWindow) -> None:
    assert window.mode_label.text().startswith("Hồ sơ mới nhận ở trên cùng")
    type_text(window.search_box, "nguyen van")
    wait_for_query(qtbot, window, "nguyen van")
    assert window.mode_label.text() == "Kết quả tìm «nguyen van» · Esc: xem tất cả hồ sơ"


def test_role_texts_are_the_domain_labels() -> None:
    assert {role: text for role, text in ROLE_TEXTS.items()} == {r: r.label for r in ROLE_TEXTS}


def test_edit_menu_is_translated(window: MainWindow) -> None:
    # Qt has no Vietnamese catalogue: the search box's context menu is retitled by the app.
    window.search_box.setText("Nguyễn")
    menu = i18n.translate_edit_menu(window.search_box.createStandardContextMenu())
    texts = [a.text() for a in menu.actions() if a.text()]
    menu.deleteLater()
    assert texts[0] == "&Hoàn tác\tCtrl+Z"
    assert "&Sao chép\tCtrl+C" in texts
    assert "Chọ&n tất cả\tCtrl+A" in texts
    assert not [t for t in texts if re.search(r"Undo|Copy|Paste|Select", t)]
    assert window.search_box.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu


def test_edit_menu_in_english(window: MainWindow, english: None) -> None:
    menu = i18n.translate_edit_menu(window.search_box.createStandardContextMenu())
    texts = [a.text() for a in menu.actions() if a.text()]
    menu.deleteLater()
    assert texts[0] == "&Undo\tCtrl+Z"
    assert "Select &All\tCtrl+A" in texts


# ------------------------------------------------------------------ app.py bootstrap


def test_qt_calls_keep_none_references(qapp: QApplication) -> None:
    # PySide6 6.12.0 drops a reference to None on each void Qt call; on Python < 3.12 that
    # aborts the interpreter ("none_dealloc"). pyproject pins PySide6 below 6.12 for that.
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(2_000):
        probe.setObjectName("probe")
    assert sys.getrefcount(None) >= before - 10


def test_shipped_font_covers_vietnamese(qapp: QApplication) -> None:
    family = app_module.load_fonts()
    assert family == "DejaVu Sans"
    metrics = QFontMetrics(QFont(family, 10))
    missing = [ch for ch in VIETNAMESE_LETTERS if not metrics.inFontUcs4(ord(ch))]
    assert missing == []


def test_error_box_is_plain_vietnamese(qtbot: QtBot) -> None:
    exc = StorageError("Ổ đĩa đã đầy, không ghi được dữ liệu (/media/usb)", detail="errno 28")
    box = msgbox.message_box(exc, title=msgbox.start_up_title())
    qtbot.addWidget(box)
    assert box.text() == "Ổ đĩa đã đầy, không ghi được dữ liệu (/media/usb)"
    assert box.windowTitle() == "Không mở được OneStop Desktop"
    assert box.informativeText() == "Chi tiết kỹ thuật: errno 28"
    assert box.detailedText() == ""
    assert [b.text() for b in box.buttons()] == ["Đóng"]
    assert box.buttonRole(box.buttons()[0]) == QMessageBox.ButtonRole.AcceptRole


def test_crash_handler_shows_a_copyable_report(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[msgbox.CrashDialog] = []

    def fake_exec(self: msgbox.CrashDialog) -> int:
        qtbot.addWidget(self)
        shown.append(self)
        self.copy_report()
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(msgbox.CrashDialog, "exec", fake_exec)
    log_path = tmp_path / "onestop.log"
    handler = msgbox.CrashHandler(log_path)
    previous = sys.excepthook
    handler.install()
    try:
        assert sys.excepthook is handler
        try:
            raise ValueError("bug for the test")
        except ValueError as exc:
            handler(ValueError, exc, exc.__traceback__)
    finally:
        handler.uninstall()
    assert sys.excepthook is previous
    (dialog,) = shown
    assert "ValueError: bug for the test" in dialog.report
    assert "Traceback" in dialog.report
    assert str(log_path) in dialog.report
    assert dialog.log_label.text() == f"Tệp nhật ký: {log_path}"
    assert QGuiApplication.clipboard().text() == dialog.report
    assert dialog.copy_button.text() == "Đã sao chép"


def _quiet_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep run() from changing the shared test app's logging and language."""
    monkeypatch.setattr(app_module.logging_setup, "configure", lambda *_a, **_k: None)
    monkeypatch.setenv(i18n.ENV_VAR, "vi")


def test_run_without_a_database_shows_a_message(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _quiet_run(monkeypatch)
    shown: list[str] = []
    monkeypatch.setattr(
        msgbox, "show_error", lambda exc, parent=None, **_kw: shown.append(i18n.error_text(exc))
    )
    # (#9) An empty folder now opens the first-run wizard (tests/ui/test_setup_wizard.py); a
    # folder a restore left without its database still gets the message, never the wizard.
    data = DataDir(tmp_path / "empty")
    data.root.mkdir()
    (data.root / (data.database.name + ".replaced-20261202T010000")).write_bytes(b"")
    assert app_module.run(data, ["onestop"]) == 1
    assert len(shown) == 1
    assert shown[0].startswith("Chưa có cơ sở dữ liệu tại ")
    assert "còn bản cũ" in shown[0]
    assert QCoreApplication.applicationName() == app_module.APPLICATION_NAME


def test_run_signs_in_then_shows_the_main_window(
    qtbot: QtBot, qapp: QApplication, demo_data: DataDir, monkeypatch: pytest.MonkeyPatch
) -> None:
    _quiet_run(monkeypatch)
    from onestop_desktop.services import users
    from onestop_desktop.ui import signin

    windows: list[MainWindow] = []

    def wait_for_session(dialog: signin.SignInDialog) -> Session:
        assert dialog.sign_in_button.isEnabled()  # the store was handed to the open window
        return users.sign_in(dialog._store, "tiepnhan", demo.DEMO_PASSWORD)  # type: ignore[arg-type]

    def fake_exec() -> int:
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        windows.extend(w for w in found if w.isVisible())
        for w in found:
            qtbot.addWidget(w)
        return 0

    monkeypatch.setattr(signin.SignInDialog, "wait_for_session", wait_for_session)
    monkeypatch.setattr(qapp, "exec", fake_exec)
    assert app_module.run(demo_data, ["onestop"]) == 0
    assert len(windows) == 1
    assert windows[0].windowTitle() == TITLE


def test_run_returns_0_when_sign_in_is_cancelled(
    qapp: QApplication, demo_data: DataDir, monkeypatch: pytest.MonkeyPatch
) -> None:
    _quiet_run(monkeypatch)
    from onestop_desktop.ui import signin

    monkeypatch.setattr(signin.SignInDialog, "wait_for_session", lambda _dialog: None)
    assert app_module.run(demo_data, ["onestop"]) == 0
