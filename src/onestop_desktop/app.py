"""GUI bootstrap: the only module outside ``ui/`` that imports PySide6.

:func:`run` creates the QApplication (names, language, a font that covers Vietnamese), installs
the crash handler, opens the station database, asks the clerk to sign in and shows the main
window. Two error paths, as everywhere in the app: an expected fault of the environment
(:class:`~onestop_desktop.errors.OneStopError`, e.g. a read-only or corrupt database) becomes a
plain Vietnamese message box; anything else is a bug and reaches the crash dialog, with a
report the clerk can copy and the path of the log file.
"""

from __future__ import annotations

import logging
import sqlite3
import sys
import threading
import traceback
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop import __version__, logging_setup
from onestop_desktop.errors import OneStopError, StorageError
from onestop_desktop.paths import DataDir
from onestop_desktop.ui import i18n

if TYPE_CHECKING:
    from onestop_desktop.ui.signin import SignInDialog

log = logging.getLogger(__name__)

ORGANIZATION_NAME = "OneStop"
APPLICATION_NAME = "OneStopDesktop"  # the same names as paths.resolve()'s platform folder
DISPLAY_NAME = "OneStop Desktop"
DESKTOP_FILE = "onestop"
RESOURCES_PACKAGE = "onestop_desktop.resources"
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
MIN_POINT_SIZE = 10
CRASH_EXIT_CODE = 70

_Hook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


# ------------------------------------------------------------------ application set-up


def load_fonts() -> str | None:
    """Register the shipped DejaVu Sans faces with Qt; the family name, or ``None``."""
    family: str | None = None
    folder = files(RESOURCES_PACKAGE).joinpath("fonts")
    for name in FONT_FILES:
        try:
            data = folder.joinpath(name).read_bytes()
        except OSError:
            log.warning("font %s is missing from the package", name)
            continue
        font_id = QFontDatabase.addApplicationFontFromData(data)
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if not families:
            log.warning("font %s could not be loaded", name)
            continue
        family = family or families[0]
    return family


def configure_application(app: QApplication, lang: str | None = None) -> str:
    """Names, translations and font for ``app``; the language chosen.

    The names come first: QSettings (which may hold the language) and QStandardPaths use them.
    """
    QCoreApplication.setOrganizationName(ORGANIZATION_NAME)
    QCoreApplication.setApplicationName(APPLICATION_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    QGuiApplication.setApplicationDisplayName(DISPLAY_NAME)
    QGuiApplication.setDesktopFileName(DESKTOP_FILE)
    chosen = i18n.install(lang)
    family = load_fonts()
    if family:
        font = QFont(app.font())
        font.setFamily(family)
        if font.pointSizeF() < MIN_POINT_SIZE:
            font.setPointSizeF(MIN_POINT_SIZE)
        app.setFont(font)
    return chosen


# ------------------------------------------------------------------ expected faults


def show_error(exc: OneStopError, parent: QWidget | None = None) -> QMessageBox:
    """A plain message box for an expected fault (modal; returns after it is closed)."""
    box = message_box(exc, parent)
    box.exec()
    return box


def message_box(exc: OneStopError, parent: QWidget | None = None) -> QMessageBox:
    """The (not yet shown) message box for ``exc``: translated message, details folded away."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("App", "Không mở được OneStop Desktop"))
    box.setText(i18n.error_text(exc))
    if exc.detail:
        # Not setDetailedText(): its "Show Details..." button is Qt's, which has no Vietnamese.
        box.setInformativeText(
            i18n.fmt(QCoreApplication.translate("App", "Chi tiết kỹ thuật: %1"), exc.detail)
        )
    close = box.addButton(
        QCoreApplication.translate("App", "Đóng"), QMessageBox.ButtonRole.AcceptRole
    )
    box.setDefaultButton(close)
    return box


# ------------------------------------------------------------------ bugs


def crash_report(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    log_path: Path | None = None,
) -> str:
    """A plain-text report for the support desk (technical, so not translated)."""
    import platform

    lines = [
        f"OneStop Desktop {__version__}",
        f"Python {platform.python_version()} ({sys.platform}); Qt {qVersion()}; "
        f"PySide6 {pyside_version}",
        f"OS: {platform.platform()}",
        f"Log: {log_path}" if log_path else "Log: (none)",
        "",
        "".join(traceback.format_exception(exc_type, exc, tb)).rstrip(),
    ]
    return "\n".join(lines)


class CrashDialog(QDialog):
    """Says that something unexpected happened, with a report to copy and the log path."""

    def __init__(
        self, report: str, log_path: Path | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("CrashDialog")
        self.setWindowTitle(self.tr("Lỗi không mong đợi — OneStop Desktop"))
        self.report = report

        intro = QLabel(
            self.tr(
                "Chương trình gặp lỗi không mong đợi. Dữ liệu đã lưu không bị mất.\n"
                "Hãy bấm «Sao chép báo cáo» và gửi nội dung cho bộ phận hỗ trợ kỹ thuật."
            )
        )
        intro.setWordWrap(True)
        self.log_label = QLabel(
            i18n.fmt(self.tr("Tệp nhật ký: %1"), log_path)
            if log_path
            else self.tr("Không ghi được tệp nhật ký.")
        )
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.log_label.setWordWrap(True)

        self.report_edit = QPlainTextEdit(report)
        self.report_edit.setReadOnly(True)
        self.report_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.report_edit.setFont(mono)
        i18n.use_translated_edit_menu(self.report_edit)

        self.copy_button = QPushButton(self.tr("Sao chép báo cáo"))
        self.copy_button.clicked.connect(self.copy_report)
        self.quit_button = QPushButton(self.tr("Thoát chương trình"))
        self.continue_button = QPushButton(self.tr("Tiếp tục làm việc"))
        buttons = QDialogButtonBox()
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.addButton(self.continue_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.continue_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.log_label)
        layout.addWidget(self.report_edit, 1)
        layout.addWidget(buttons)
        self.resize(760, 460)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report)
        self.copy_button.setText(self.tr("Đã sao chép"))


class CrashHandler:
    """``sys.excepthook`` for the GUI: log the bug, then show :class:`CrashDialog`.

    Re-entrant calls (a bug while the dialog is open) are only logged. Quitting from the dialog
    ends the event loop with exit code 70 (``EX_SOFTWARE``), as the CLI does for a bug.
    """

    def __init__(self, log_path: Path | None) -> None:
        self.log_path = log_path
        self.previous: _Hook = sys.excepthook
        self._showing = False
        self.last_report: str | None = None

    def install(self) -> None:
        self.previous = sys.excepthook
        sys.excepthook = self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self.previous

    def __call__(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self.previous(exc_type, exc, tb)
            return
        log.critical("unexpected error", exc_info=(exc_type, exc, tb))
        report = crash_report(exc_type, exc, tb, self.log_path)
        self.last_report = report
        if self._showing or QApplication.instance() is None:
            print(report, file=sys.stderr)
            return
        self._showing = True
        try:
            dialog = CrashDialog(report, self.log_path, QApplication.activeWindow())
            if dialog.exec() == QDialog.DialogCode.Rejected:
                QCoreApplication.exit(CRASH_EXIT_CODE)
            dialog.deleteLater()
        except Exception:  # the crash dialog must never crash the crash handler
            print(report, file=sys.stderr)
            traceback.print_exc()
        finally:
            self._showing = False


# ------------------------------------------------------------------ the GUI's main


class IntegrityCheck:
    """``PRAGMA quick_check`` on its own connection in a background thread, so a large database
    does not delay the sign-in window; the GUI polls :meth:`problems` and stops on a fault."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._result: list[str] | None = None
        self._thread = threading.Thread(target=self._run, name="integrity-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        from onestop_desktop.store.db import integrity_problems

        try:
            conn = sqlite3.connect(f"file:{self._path}?mode=ro", uri=True)
            try:
                self._result = integrity_problems(conn)
            finally:
                conn.close()
        except sqlite3.Error as exc:
            self._result = [str(exc)]

    def done(self) -> bool:
        return self._result is not None

    def problems(self) -> list[str]:
        """What the check found (empty while it runs or when the database is sound)."""
        return list(self._result or [])

    def wait(self, timeout: float | None = None) -> None:
        self._thread.join(timeout)


def _corrupt(problems: list[str]) -> int:
    log.error("integrity check failed: %s", "; ".join(problems[:5]))
    show_error(
        StorageError(
            "Cơ sở dữ liệu bị hỏng; hãy khôi phục từ bản sao lưu gần nhất (onestop restore)",
            detail="; ".join(problems[:3]),
        )
    )
    return 1


def qt_probe() -> int:
    """``onestop qt-probe`` (used by self-check in a child process): start Qt, show Vietnamese."""
    app = QApplication.instance() or QApplication([sys.argv[0]])
    label = QLabel("Nguyễn Văn Đức")
    label.show()
    app.processEvents()
    label.close()
    print("qt ok", pyside_version)
    return 0


def run(data: DataDir, argv: list[str], *, smoke_test: bool = False) -> int:
    """Run the GUI on the data folder ``data``; the process exit code.

    The sign-in window is shown first, before the database and the services are even imported,
    so it appears as fast as a bare Qt window; the store opens right after, while the clerk
    types. ``smoke_test`` quits once the window has painted (start-up benchmark, frozen-build
    smoke test).
    """
    from onestop_desktop.ui.signin import SignInDialog

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    lang = configure_application(app)
    dialog = SignInDialog(None)
    dialog.show()
    app.processEvents()
    if smoke_test:
        dialog.close()
        print("sign-in window shown")
        return 0
    log_path = logging_setup.configure(data.logs)
    log.info("GUI %s starting on %s (language %s)", __version__, data.root, lang)
    handler = CrashHandler(log_path)
    handler.install()
    try:
        return _run_signed_in(app, data, dialog)
    finally:
        handler.uninstall()


def _run_signed_in(app: QApplication, data: DataDir, dialog: SignInDialog) -> int:
    from onestop_desktop.services.context import Station
    from onestop_desktop.store.db import Store

    try:
        store = Store.open(data.database, integrity="none")
        check = IntegrityCheck(data.database)
    except OneStopError as exc:
        log.error("cannot open the database: %s", exc)
        dialog.close()
        show_error(exc)
        return 1
    try:
        try:
            Station.load(store)
        except OneStopError as exc:
            log.error("station not ready: %s", exc)
            dialog.close()
            show_error(exc)
            return 1
        dialog.set_store(store)
        session = dialog.wait_for_session()
        dialog.deleteLater()
        check.wait()
        if check.problems():
            return _corrupt(check.problems())
        if session is None:
            log.info("sign-in cancelled")
            return 0
        from onestop_desktop.ui.mainwindow import MainWindow

        window = MainWindow(session)
        window.show()
        code = app.exec()
        window.deleteLater()
        log.info("GUI closed (exit code %s)", code)
        return int(code)
    finally:
        store.close()
