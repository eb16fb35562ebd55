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

``--lang en`` takes the English screenshots (``*-en.png``) instead.
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
        window.close()
        (out / ".ui.ini").unlink(missing_ok=True)
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
