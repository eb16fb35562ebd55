"""Sign in to a demo station and show the worklist, offscreen, with the *installed* package.

Run by ``tests/e2e/test_wheel.py`` with the Python of a fresh virtual environment that has only
the built wheel and its dependencies, so everything here (the GUI modules, the fonts, the
compiled catalogues) comes from the wheel, never from the checkout::

    python wheel_smoke.py DATA_DIR USERNAME PASSWORD

Prints one JSON object: where the package was imported from, the English sign-in message for a
wrong password (the errors catalogue is in the wheel), and the worklist's row count.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path


def main(data_dir: str, username: str, password: str) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    import onestop_desktop
    from onestop_desktop import app as gui
    from onestop_desktop.paths import DataDir
    from onestop_desktop.store.db import Store
    from onestop_desktop.ui.mainwindow import MainWindow
    from onestop_desktop.ui.signin import SignInDialog

    qapp = QApplication([sys.argv[0]])
    lang = gui.configure_application(qapp, "en")
    font = gui.load_fonts()
    store = Store.open(DataDir(Path(data_dir)).database)
    try:
        dialog = SignInDialog(store)
        dialog.show()
        qapp.processEvents()
        dialog.username_edit.setText(username)
        dialog.password_edit.setText(password + "-wrong")
        refused = not dialog.try_sign_in()
        wrong_message = dialog.message()
        dialog.password_edit.setText(password)
        signed_in = dialog.try_sign_in()
        session = dialog.session()
        assert session is not None, dialog.message()
        window = MainWindow(session)
        window.show()
        for _ in range(20):
            qapp.processEvents()
        rows = window.model.rowCount()
        title = window.windowTitle()
        window.close()
        dialog.deleteLater()
        window.deleteLater()
        qapp.processEvents()
    finally:
        store.close()
    print(
        json.dumps(
            {
                "package": str(Path(onestop_desktop.__file__).resolve().parent),
                "language": lang,
                "font": font,
                "refused": refused,
                "wrong_password_message": wrong_message,
                "signed_in": signed_in,
                "user": session.actor.username,
                "worklist_rows": rows,
                "window_title": title,
            },
            ensure_ascii=False,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
