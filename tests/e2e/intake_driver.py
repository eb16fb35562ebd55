"""A driver for the power-cut test of the intake draft (#9): the real GUI, offscreen, in its own
process, so the test can SIGKILL it mid-intake as a power cut would.

    python tests/e2e/intake_driver.py DATA_DIR fill    # opens Ctrl+N, types, waits to be killed
    python tests/e2e/intake_driver.py DATA_DIR check   # starts again, answers the draft offer

``fill`` prints ``DRAFT <path>`` once the draft file has been written (a second after the last
keystroke) and then keeps the event loop running, typing nothing more, until it is killed.
``check`` starts the main window the way the app does after sign-in, waits for the intake form
that the start offers with "Khôi phục bản nháp?", prints what the offer said and, after
"Khôi phục", what the form holds, as one JSON line, and exits 0 (1 if nothing was offered).

The session is made directly for the demo clerk ``tiepnhan`` (signing in has its own tests).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QTimer  # noqa: TID251 (a GUI driver)
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton  # noqa: TID251

from onestop_desktop.domain.roles import Role
from onestop_desktop.services.context import Actor, Session, Station
from onestop_desktop.store.db import Store
from onestop_desktop.ui import i18n
from onestop_desktop.ui.intake import IntakeDialog
from onestop_desktop.ui.mainwindow import MainWindow

NAME = "Đỗ Thị Hương Giang"
ID_NUMBER = "001190012345"
BIRTH = "17/05/1990"
NOTE = "Mẹ nộp thay, mang bản chính giấy chứng sinh"
TIMEOUT_MS = 60_000


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main(data_dir: Path, mode: str) -> int:
    app = QApplication([sys.argv[0]])
    i18n.install("vi")
    store = Store.open(data_dir / "onestop.db")
    session = Session(store, Station.load(store), Actor("tiepnhan", "Nguyễn Thị Lan", Role.CLERK))
    settings = QSettings(str(data_dir / "driver.ini"), QSettings.Format.IniFormat)
    window = MainWindow(session, settings=settings)
    window.show()
    outcome = {"code": 1}
    QTimer.singleShot(TIMEOUT_MS, app.quit)  # never hang a test run

    if mode == "fill":

        def fill() -> None:
            dialog = window.new_intake()
            assert isinstance(dialog, IntakeDialog)
            dialog.draftSaved.connect(lambda path: say(f"DRAFT {path}"))
            dialog.search.setText("khai sinh")
            dialog.pick_current()
            for name, text in (
                ("applicantName", NAME),
                ("applicantId", ID_NUMBER),
                ("applicantBirth", BIRTH),
                ("note", NOTE),
            ):
                edit = dialog.findChild(QLineEdit, name)
                assert edit is not None
                edit.setText(text)
            say("FILLED")

        QTimer.singleShot(0, fill)
    else:

        def check() -> None:
            dialog = window.intake_dialog
            if not isinstance(dialog, IntakeDialog) or dialog.restore_box() is None:
                say(json.dumps({"offered": False}))
                app.quit()
                return
            box = dialog.restore_box()
            assert box is not None
            offer = box.text()
            button = box.findChild(QPushButton, "restoreDraft")
            assert button is not None
            button.click()
            fields = {
                name: edit.text()
                for name in ("applicantName", "applicantId", "applicantBirth", "note")
                if (edit := dialog.findChild(QLineEdit, name)) is not None
            }
            say(
                json.dumps(
                    {
                        "offered": True,
                        "offer": offer,
                        "procedure": dialog.procedure_code(),
                        "fields": fields,
                    },
                    ensure_ascii=False,
                )
            )
            outcome["code"] = 0
            app.quit()

        QTimer.singleShot(500, check)  # after the start's own offer (a zero-delay timer)
    app.exec()
    store.close()
    return outcome["code"]


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2]))
