# ruff: noqa: TID251 - a GUI script: it drives the real widgets, so it imports PySide6.
"""Take the README screenshots of the real GUI on a demo data folder.

    .venv/bin/onestop --data-dir /tmp/uidemo demo --dossiers 3000
    xvfb-run -a -s "-screen 0 1366x768x24" \\
        env QT_QPA_PLATFORM=xcb .venv/bin/python docs/screenshots/make_screenshots.py \\
        --data-dir /tmp/uidemo

It sets the application up exactly as ``onestop`` does (``app.configure_application``: names,
language, the shipped DejaVu Sans), shows the sign-in dialog with a user name typed, signs in
programmatically, shows the main window, and types "nguyen van" into the search box the way a
keyboard does. Each state is saved with ``QWidget.grab()`` as a PNG:

- ``signin.png``   the sign-in dialog,
- ``worklist.png`` the main window on start (newest dossiers first),
- ``search.png``   the main window after typing "nguyen van",
- ``shortcuts.png`` Help → "Phím tắt" (F1), the one shortcut table.
- ``worklist-1024.png`` the worklist at 1024×768 with the "overdue" filter,
- ``intake.png``   the intake form (Ctrl+N) filled for a birth registration,
- ``dossier.png``  the dossier view of a dossier in progress, ``action.png`` its supplement form,
- ``dashboard.png`` the dashboard (Ctrl+2),
- ``slip.png``     the receipt slip's preview (Mẫu 01),
- ``admin-users.png``, ``admin-settings.png``, ``admin-audit.png`` three admin screens (signed in
  as the demo admin),
- ``lock.png``     the idle lock, ``wizard.png`` the first-run wizard on an empty folder.

``--lang en`` takes the English screenshots (``*-en.png``) of the worklist and dossier view.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from onestop_desktop import app as bootstrap
from onestop_desktop import paths
from onestop_desktop.services import users
from onestop_desktop.services.context import Session
from onestop_desktop.services.demo import DEMO_PASSWORD
from onestop_desktop.store.db import Store
from onestop_desktop.ui.mainwindow import MainWindow
from onestop_desktop.ui.signin import SignInDialog

HERE = Path(__file__).resolve().parent


def wait_until(predicate: Callable[[], bool], timeout: float = 5.0) -> None:
    """Run the event loop until ``predicate()`` holds (no fixed sleeps)."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("the GUI did not reach the expected state")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def settle(widget: QWidget) -> None:
    """Let the window be mapped, laid out and painted."""
    wait_until(widget.isVisible)
    for _ in range(10):
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def type_keys(widget: QWidget, text: str) -> None:
    """Type ``text`` one key at a time (Vietnamese-safe, unlike QTest.keyClicks)."""
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


def save(widget: QWidget, path: Path) -> None:
    if not widget.grab().save(str(path), "PNG"):
        raise OSError(f"could not write {path}")
    print(f"wrote {path} ({widget.width()}×{widget.height()})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", required=True, help="a data folder made by `onestop demo`")
    parser.add_argument("--out", default=str(HERE), help="folder for the PNG files")
    parser.add_argument("--lang", default="vi", choices=["vi", "en"])
    parser.add_argument("--user", default="tiepnhan")
    parser.add_argument("--password", default=DEMO_PASSWORD)
    args = parser.parse_args(argv)

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.lang == "vi" else f"-{args.lang}"
    data = paths.resolve(args.data_dir)

    app = QApplication([sys.argv[0]])
    bootstrap.configure_application(app, args.lang)
    store = Store.open(data.database)
    if args.lang == "vi":
        wizard_shot(out)
        admin_shots(store, out)
    try:
        dialog = SignInDialog(store, username=args.user)
        dialog.show()
        settle(dialog)
        type_keys(dialog.password_edit, args.password)
        settle(dialog)
        save(dialog, out / f"signin{suffix}.png")
        dialog.close()

        session = users.sign_in(store, args.user, args.password)
        window = MainWindow(
            session, settings=QSettings(str(out / ".ui.ini"), QSettings.Format.IniFormat)
        )
        window.resize(1366, 700)
        window.show()
        settle(window)
        save(window, out / f"worklist{suffix}.png")

        type_keys(window.search_box, "nguyen van")
        wait_until(lambda: window.model.query() == "nguyen van")
        settle(window)
        save(window, out / f"search{suffix}.png")

        dialog_keys = window.show_shortcuts()
        settle(dialog_keys)
        save(dialog_keys, out / f"shortcuts{suffix}.png")
        dialog_keys.close()
        window.clear_search()
        settle(window)

        more_shots(window, session, store, out, suffix, data.root)
        window.close()
        (out / ".ui.ini").unlink(missing_ok=True)
    finally:
        store.close()
    return 0


def in_progress_code(session: Session) -> str:
    """A demo dossier being processed (status 2), the view with the most to show."""
    from onestop_desktop.services import search

    for row in search.worklist_page(session, limit=200):
        if row.status == 2:
            return row.code
    return search.worklist_page(session, limit=1)[0].code


def more_shots(
    window: MainWindow, session: Session, store: Store, out: Path, suffix: str, root: Path
) -> None:
    """The counter screens of issue #9 and the slip preview of #10."""
    from onestop_desktop.services.search import Filters
    from onestop_desktop.ui import printing
    from onestop_desktop.ui.intake import IntakeDialog

    code = in_progress_code(session)
    window.resize(1366, 700)
    window.open_dossier(code)
    settle(window)
    save(window, out / f"dossier{suffix}.png")
    if suffix:
        window.back_to_worklist()
        window.resize(1008, 700)
        settle(window)
        save(window, out / f"worklist-1024{suffix}.png")
        return
    form = window.dossier_view.open_action("supplement_requested")
    settle(form)
    save(form, out / "action.png")
    form.reject()
    window.back_to_worklist()

    window.resize(1008, 700)
    window.worklist.set_filters(Filters(overdue=True))
    settle(window)
    save(window, out / "worklist-1024.png")
    window.worklist.set_filters(Filters())
    window.resize(1366, 700)

    intake = IntakeDialog(session, window)
    intake.show()
    settle(intake)
    type_keys(intake.search, "khai sinh")
    settle(intake)
    intake.pick_current()
    for name, text in (
        ("applicantName", "Lê Thị Hồng"),
        ("applicantId", "001190012345"),
        ("applicantBirth", "12/03/1990"),
        ("applicantPhone", "0912345678"),
    ):
        edit = intake.findChild(QWidget, name)
        if edit is not None:
            type_keys(edit, text)
    settle(intake)
    save(intake, out / "intake.png")
    intake.hide()

    loaded: list[int] = []
    dashboard = window.show_dashboard()
    dashboard.loaded.connect(lambda: loaded.append(1))  # it reads in a worker
    wait_until(lambda: bool(loaded), timeout=60)
    settle(window)
    save(window, out / "dashboard.png")
    window.show_worklist()

    printing.offer_slip(window, session, code, "receipt", copy=False)
    settle(window)
    slip = window.findChild(printing.SlipDialog)
    if slip is not None:
        settle(slip)
        save(slip, out / "slip.png")
        slip.close()

    window.lock_now()
    for _ in range(10):
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    screen = QApplication.primaryScreen()
    screen.grabWindow(0).save(str(out / "lock.png"), "PNG")
    print(f"wrote {out / 'lock.png'}")


def admin_shots(store: Store, out: Path) -> None:
    """The admin screens and the signing keys dialog, signed in as the demo admin."""
    session = users.sign_in(store, "admin", DEMO_PASSWORD)
    window = MainWindow(
        session, settings=QSettings(str(out / ".ui.ini"), QSettings.Format.IniFormat)
    )
    window.resize(1366, 700)
    window.show()
    settle(window)
    for screen_id, name in (
        ("admin_users", "admin-users"),
        ("admin_settings", "admin-settings"),
        ("admin_audit", "admin-audit"),
    ):
        screen = window.show_admin(screen_id)
        model = getattr(screen, "model", None)
        if model is not None and hasattr(model, "loading"):
            wait_until(lambda m=model: not m.loading(), timeout=20)
        settle(window)
        save(window, out / f"{name}.png")
    backup_screen = window.show_admin("admin_backup")
    worker = getattr(backup_screen, "worker", None)
    if worker is not None:
        wait_until(lambda: worker() is None, timeout=20)
        if backup_screen.model.rowCount() == 0:  # type: ignore[union-attr]
            backup_screen.backup_now()  # type: ignore[union-attr]
            wait_until(lambda: backup_screen.model.rowCount() > 0, timeout=60)  # type: ignore[union-attr]
            wait_until(lambda: worker() is None, timeout=20)
    settle(window)
    save(window, out / "admin-backup.png")
    keys = window.show_sync_keys()
    if keys is not None:
        settle(keys)
        save(keys, out / "keys.png")
        keys.close()
    window.close()


def wizard_shot(out: Path) -> None:
    """The first-run wizard on an empty folder (its first page after the welcome)."""
    import tempfile

    from onestop_desktop.paths import DataDir
    from onestop_desktop.ui.setup_wizard import SetupWizard

    with tempfile.TemporaryDirectory() as empty:
        wizard = SetupWizard(DataDir(Path(empty)))
        wizard.show()
        settle(wizard)
        wizard.next()
        settle(wizard)
        save(wizard, out / "wizard.png")
        wizard.close()


if __name__ == "__main__":
    sys.exit(main())
