"""GUI bootstrap: creates the QApplication and runs sign-in → main window.

:func:`run` sets the application up (names, language, a font that covers Vietnamese), installs
the crash handler, opens the station database, asks the clerk to sign in and shows the main
window; signing out shows the sign-in window again. The message boxes and the crash dialog are
in ``ui/msgbox.py``; the background integrity check in ``ui/integrity.py`` (it never delays
signing in; a fault blocks writes and the main window says what to do).
"""

from __future__ import annotations

import logging
import sys
from importlib.resources import files
from typing import TYPE_CHECKING

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel

from onestop_desktop import __version__, logging_setup
from onestop_desktop.errors import OneStopError
from onestop_desktop.paths import DataDir
from onestop_desktop.ui import i18n, msgbox

if TYPE_CHECKING:
    from onestop_desktop.services.context import Session
    from onestop_desktop.store.db import Store
    from onestop_desktop.ui.integrity import IntegrityCheck
    from onestop_desktop.ui.signin import SignInDialog

log = logging.getLogger(__name__)

ORGANIZATION_NAME = "OneStop"
APPLICATION_NAME = "OneStopDesktop"  # the same names as paths.resolve()'s platform folder
DISPLAY_NAME = "OneStop Desktop"
DESKTOP_FILE = "onestop"
RESOURCES_PACKAGE = "onestop_desktop.resources"
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
MIN_POINT_SIZE = 10


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
    handler = msgbox.CrashHandler(log_path)
    handler.install()
    try:
        return _run_signed_in(app, data, dialog)
    finally:
        handler.uninstall()


def _run_signed_in(app: QApplication, data: DataDir, dialog: SignInDialog) -> int:
    from onestop_desktop.services.context import Station
    from onestop_desktop.store.db import Store
    from onestop_desktop.ui.integrity import IntegrityCheck

    try:
        store = Store.open(data.database, integrity="none")
    except OneStopError as exc:
        log.error("cannot open the database: %s", exc)
        dialog.close()
        msgbox.show_error(exc, title=msgbox.start_up_title())
        return 1
    check: IntegrityCheck | None = None
    try:
        try:
            Station.load(store)
        except OneStopError as exc:
            log.error("station not ready: %s", exc)
            dialog.close()
            msgbox.show_error(exc, title=msgbox.start_up_title())
            return 1
        # In the background: signing in never waits for it (defect 10).
        check = IntegrityCheck(store).start()
        dialog.set_store(store)
        while True:
            session = dialog.wait_for_session()
            username = dialog.username_edit.text()
            dialog.deleteLater()
            if session is None:
                log.info("sign-in cancelled")
                return 0
            code, signed_out = _run_main_window(app, session, check)
            if not signed_out:
                return code
            log.info("signed out: %s", session.actor.username)
            dialog = _sign_in_again(store, username)
    finally:
        if check is not None:
            check.cancel()
            check.wait_finished(5.0)
        store.close()


def _run_main_window(
    app: QApplication, session: Session, check: IntegrityCheck
) -> tuple[int, bool]:
    """Show the main window until it closes; the exit code and whether the clerk signed out."""
    from onestop_desktop.ui.mainwindow import MainWindow

    window = MainWindow(session)
    error = check.error()
    if error is not None:
        window.show_integrity_problem(error)
    else:
        check.failed.connect(window.show_integrity_problem)
    window.show()
    code = int(app.exec())
    signed_out = window.signed_out()
    if error is None:
        check.failed.disconnect(window.show_integrity_problem)
    window.deleteLater()
    log.info("main window closed (exit code %s, signed out %s)", code, signed_out)
    return code, signed_out


def _sign_in_again(store: Store, username: str) -> SignInDialog:
    from onestop_desktop.ui.signin import SignInDialog

    dialog = SignInDialog(store)
    dialog.show()
    return dialog
