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
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QLabel

from onestop_desktop import __version__, logging_setup
from onestop_desktop.errors import OneStopError
from onestop_desktop.paths import DataDir
from onestop_desktop.ui import i18n

if TYPE_CHECKING:
    from onestop_desktop.services.context import Session
    from onestop_desktop.store.db import Store
    from onestop_desktop.ui import msgbox
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
    """Register the shipped DejaVu Sans faces with Qt; the family name, or ``None``.

    A face that is a file on disk (an installed or frozen app) is registered by its path, so Qt
    reads it itself instead of Python copying 1.4 MB into Qt first (start-up time, #9); a face
    inside an archive is read as bytes."""
    family: str | None = None
    folder = files(RESOURCES_PACKAGE).joinpath("fonts")
    for name in FONT_FILES:
        face = folder.joinpath(name)
        if isinstance(face, Path) and face.is_file():
            font_id = QFontDatabase.addApplicationFont(str(face))
        else:
            try:
                data = face.read_bytes()
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
    app.setWindowIcon(app_icon())
    return chosen


def app_icon() -> QIcon:
    """The app icon (resources/icons: the PNG sizes installer/make_icons.py draws), so every
    window and the task bar show it, frozen or from source."""
    icon = QIcon()
    folder = files(RESOURCES_PACKAGE).joinpath("icons")
    for size in (16, 24, 32, 48, 64, 128, 256):
        picture = folder.joinpath(f"onestop-{size}.png")
        if isinstance(picture, Path) and picture.is_file():
            # Decoded when a size is first drawn, not all seven before the first window.
            icon.addFile(str(picture), QSize(size, size))
            continue
        try:
            data = picture.read_bytes()
        except OSError:
            continue
        pixmap = QPixmap()
        if pixmap.loadFromData(data, "PNG"):
            icon.addPixmap(pixmap)
    if icon.isNull():
        log.warning("the app icon is missing from the package")
    return icon


def qt_probe() -> int:
    """``onestop qt-probe`` (used by self-check in a child process): start Qt, show Vietnamese."""
    app = QApplication.instance() or QApplication([sys.argv[0]])
    label = QLabel("Nguyễn Văn Đức")
    label.show()
    app.processEvents()
    label.close()
    print("qt ok", pyside_version)
    return 0


def needs_setup(data: DataDir) -> bool:
    """Whether ``data`` has no station yet, so the first-run wizard opens instead of sign-in.

    A stat of the database file only, before anything heavy is imported. A folder holding what
    a restore left (a journal, a staged copy, a kept old database) is *not* new: opening it
    settles the restore or says to restore, never to start again.
    """
    if data.database.exists():
        return False
    from onestop_desktop.store.backup import JOURNAL, STAGED

    db = data.database
    leftovers = [db.with_name(db.name + JOURNAL), db.with_name(db.name + STAGED)]
    if any(p.exists() for p in leftovers):
        return False
    return not (db.parent.is_dir() and any(db.parent.glob(db.name + ".replaced-*")))


def run(data: DataDir, argv: list[str], *, smoke_test: bool = False) -> int:
    """Run the GUI on the data folder ``data``; the process exit code.

    The sign-in window is shown first, before the database and the services are even imported,
    so it appears as fast as a bare Qt window; the store opens right after, while the clerk
    types. A folder with no station yet opens the first-run wizard instead
    (``ui/setup_wizard.py``), which ends signed in. ``smoke_test`` quits once the first window
    has painted (start-up benchmark, frozen-build smoke test) and prints which it was.
    """
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    lang = configure_application(app)
    if needs_setup(data):
        return _run_first_start(app, data, lang, smoke_test=smoke_test)
    from onestop_desktop.ui.signin import SignInDialog

    dialog = SignInDialog(None)
    dialog.show()
    app.processEvents()
    if smoke_test:
        dialog.close()
        print("sign-in window shown")
        return 0
    handler = _start_logging(data, lang)
    try:
        return _guarded(handler, data, lambda: _run_signed_in(app, data, dialog))
    finally:
        handler.uninstall()


def _guarded(handler: msgbox.CrashHandler, data: DataDir, body: Callable[[], int]) -> int:
    """Run ``body``; what escapes it is never a silent exit.

    An OS or SQLite error (a folder made read-only, a full disk, a database locked by another
    program, after the start-up checks) becomes the plain Vietnamese message of
    ``store.db.translate``; anything else is a bug: the crash dialog, exit code 70.
    """
    import sqlite3

    from onestop_desktop.ui import msgbox

    try:
        return body()
    except (OSError, sqlite3.Error) as exc:
        from onestop_desktop.store.db import translate

        error = translate(exc, data.database if isinstance(exc, sqlite3.Error) else data.root)
        log.exception("start-up failed")
        msgbox.show_error(error, title=msgbox.start_up_title())
        return error.exit_code
    except Exception:
        handler(*sys.exc_info())
        return msgbox.CRASH_EXIT_CODE


def _start_logging(data: DataDir, lang: str) -> msgbox.CrashHandler:
    """The log file and the crash handler (after the first window is on screen)."""
    from onestop_desktop.ui import msgbox

    log_path = logging_setup.configure(data.logs)
    log.info("GUI %s starting on %s (language %s)", __version__, data.root, lang)
    handler = msgbox.CrashHandler(log_path)
    handler.install()
    return handler


def _run_first_start(app: QApplication, data: DataDir, lang: str, *, smoke_test: bool) -> int:
    """No station in ``data``: the setup wizard, then the main window signed in."""
    from onestop_desktop.ui import msgbox
    from onestop_desktop.ui.setup_wizard import SetupWizard

    wizard = SetupWizard(data)
    wizard.show()
    app.processEvents()
    if smoke_test:
        wizard.close()
        print("setup wizard shown")
        return 0
    # No log folder yet (the wizard creates the data folder): the log goes there afterwards;
    # until then the crash handler still shows its dialog, with "no log file".
    handler = msgbox.CrashHandler(None)
    handler.install()
    try:
        session = wizard.wait_for_session()
        username = wizard.admin_username()
        wizard.deleteLater()
        if session is None:
            log.info("first-run setup cancelled")
            return 0
        handler.uninstall()
        handler = _start_logging(data, lang)
        log.info("station set up by the wizard; signed in: %s", session.actor.username)
        return _guarded(
            handler, data, lambda: _run_with_store(app, session.store, session, username)
        )
    finally:
        handler.uninstall()


def _run_signed_in(app: QApplication, data: DataDir, dialog: SignInDialog) -> int:
    from onestop_desktop.services.context import Station
    from onestop_desktop.store.db import Store
    from onestop_desktop.ui import msgbox

    try:
        store = Store.open(data.database, integrity="none")
    except OneStopError as exc:
        log.error("cannot open the database: %s", exc)
        dialog.close()
        msgbox.show_error(exc, title=msgbox.start_up_title())
        return 1
    try:
        initialised = store.setting("unit_code") is not None
    except OneStopError as exc:
        store.close()
        log.error("cannot read the database: %s", exc)
        dialog.close()
        msgbox.show_error(exc, title=msgbox.start_up_title())
        return 1
    if not initialised:
        # An empty database (an init cut short): set the station up here, as on a new PC.
        store.close()
        dialog.close()
        dialog.deleteLater()
        log.info("database not initialised: first-run setup")
        return _run_first_start(app, data, i18n.current_language(), smoke_test=False)
    try:
        Station.load(store)
    except OneStopError as exc:
        store.close()
        log.error("station not ready: %s", exc)
        dialog.close()
        msgbox.show_error(exc, title=msgbox.start_up_title())
        return 1
    return _run_with_store(app, store, None, "", dialog)


def _run_with_store(
    app: QApplication,
    store: Store,
    session: Session | None,
    username: str,
    dialog: SignInDialog | None = None,
) -> int:
    """Sign in (unless ``session`` is given), main window, sign out or switch user, again."""
    from onestop_desktop.ui.integrity import IntegrityCheck

    check: IntegrityCheck | None = None
    try:
        # In the background: signing in never waits for it (defect 10).
        check = IntegrityCheck(store).start()
        if session is None:
            assert dialog is not None
            dialog.set_store(store)
            session, username = _wait_for_sign_in(dialog)
        while True:
            if session is None:
                log.info("sign-in cancelled")
                return 0
            code, signed_out, switched = _run_main_window(app, session, check)
            if not signed_out:
                return code
            log.info(
                "%s: %s", "switched user" if switched else "signed out", session.actor.username
            )
            session, username = _wait_for_sign_in(
                _sign_in_again(store, "" if switched else username)
            )
    finally:
        if check is not None:
            check.cancel()
            check.wait_finished(5.0)
        store.close()


def _wait_for_sign_in(dialog: SignInDialog) -> tuple[Session | None, str]:
    session = dialog.wait_for_session()
    username = dialog.username_edit.text()
    dialog.deleteLater()
    return session, username


def _run_main_window(
    app: QApplication, session: Session, check: IntegrityCheck
) -> tuple[int, bool, bool]:
    """Show the main window until it closes: the exit code, whether the clerk signed out, and
    whether it was to let another user sign in."""
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
    switched = signed_out and window.switched_user()
    if error is None:
        check.failed.disconnect(window.show_integrity_problem)
    window.idle_lock.stop()
    window.deleteLater()
    log.info("main window closed (exit code %s, signed out %s)", code, signed_out)
    return code, signed_out, switched


def _sign_in_again(store: Store, username: str) -> SignInDialog:
    """The sign-in window after a sign-out (the last user's name filled in) or a switch of
    user (empty)."""
    from onestop_desktop.ui.signin import SignInDialog

    dialog = SignInDialog(store, username=username)
    dialog.show()
    return dialog
