"""Service errors shown in the GUI: English from the errors catalogue, Vietnamese as raised.

The GUI translates an error's *template* through Qt (context ``OneStopError``, catalogue
``errors_en.qm``) and fills in its arguments afterwards; nothing parses rendered text. The
catalogue's completeness is checked without Qt in ``tests/unit/test_error_catalogue.py``.
"""

from __future__ import annotations

import sqlite3
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from onestop_desktop.domain.status import Status, next_status
from onestop_desktop.errors import Msg, OneStopError, StorageError
from onestop_desktop.paths import DataDir
from onestop_desktop.services import dossiers, users
from onestop_desktop.services.context import Session
from onestop_desktop.store import db as store_db
from onestop_desktop.store.db import Store
from onestop_desktop.ui import i18n, msgbox

REPO = Path(__file__).resolve().parents[2]
TS_FILE = REPO / "resources" / "translations" / "errors_en.ts"
QM_FILE = REPO / "resources" / "translations" / "errors_en.qm"


def _raised(call: object) -> OneStopError:
    assert callable(call)
    with pytest.raises(OneStopError) as info:
        call()
    return info.value


def test_qm_is_compiled_from_the_current_ts(qapp: QApplication) -> None:
    translator = QTranslator()
    assert translator.load(str(QM_FILE))
    count = 0
    for message in ET.parse(TS_FILE).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") == "unfinished":
            continue
        assert translator.translate("OneStopError", source) == translation.text, source
        count += 1
    assert count > 150


def test_install_loads_the_errors_catalogue(english: None) -> None:
    assert i18n.translate_template("ổ đĩa đã đầy") == "the disk is full"
    i18n.install("vi")
    assert i18n.translate_template("ổ đĩa đã đầy") == "ổ đĩa đã đầy"


def test_wrong_password(store: Store, english: None) -> None:
    exc = _raised(lambda: users.sign_in(store, "tiepnhan", "sai-mat-khau"))
    assert i18n.error_text(exc) == (
        "Wrong user name or password "
        f"({users.MAX_FAILED} wrong tries in a row lock the account for {users.LOCK_MINUTES} "
        "minutes)"
    )
    i18n.install("vi")
    assert i18n.error_text(exc) == exc.message
    assert exc.message.startswith("Sai tên đăng nhập hoặc mật khẩu (nhập sai 5 lần")


def test_dossier_not_found(session: Session, english: None) -> None:
    key = "000.00.12.H29-260302-1999"
    exc = _raised(lambda: dossiers.summary(session, key))
    assert i18n.error_text(exc) == f"Dossier «{key}» not found"
    i18n.install("vi")

    assert i18n.error_text(exc) == exc.message


def test_read_only_data_folder_in_a_message_box(
    qtbot: QtBot, demo_data: DataDir, english: None
) -> None:
    path = demo_data.database
    exc = store_db.translate(sqlite3.OperationalError("attempt to write a readonly database"), path)
    box = msgbox.message_box(exc)
    qtbot.addWidget(box)
    assert box.text() == f"The data folder is read-only; nothing can be written ({path})"
    assert "attempt to write a readonly database" in box.informativeText()
    i18n.install("vi")
    box = msgbox.message_box(exc)
    qtbot.addWidget(box)
    assert box.text() == f"Thư mục dữ liệu chỉ cho phép đọc, không ghi được ({path})"


def test_nested_words_are_translated(english: None) -> None:
    exc = _raised(lambda: next_status(Status.RETURNED, "returned"))
    assert i18n.error_text(exc) == (
        "Cannot «Return the result» while the dossier is in the status «Result returned»"
    )
    disk = StorageError(
        "Không ghi được tệp {path}: {reason}", path="/media/usb/a.csv", reason=Msg("ổ đĩa đã đầy")
    )
    assert i18n.error_text(disk) == "Cannot write the file /media/usb/a.csv: the disk is full"
    assert i18n.translate_message(Msg("ổ đĩa đã đầy")) == "the disk is full"


def test_an_unknown_template_is_shown_as_raised(english: None) -> None:
    exc = StorageError("Một thông báo mới chưa dịch: {x}", x="42")
    assert i18n.error_text(exc) == "Một thông báo mới chưa dịch: 42"
