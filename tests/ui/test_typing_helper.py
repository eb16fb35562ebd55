"""The Vietnamese typing helpers put exactly the given text into a widget."""

from __future__ import annotations

import unicodedata

import pytest
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from tests.helpers.typing import commit_text, type_text

NAME = "Nguyễn Văn Đức"


@pytest.fixture
def line_edit(qtbot: QtBot) -> QLineEdit:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    qtbot.waitExposed(edit)
    edit.setFocus()
    return edit


def test_name_is_nfc_and_not_ascii() -> None:
    # Guards the test data: the point is to type letters QTest.keyClicks cannot.
    assert unicodedata.is_normalized("NFC", NAME)
    assert len(NAME) == 14
    assert not NAME.isascii()


def test_type_text_types_vietnamese(line_edit: QLineEdit) -> None:
    edited: list[str] = []
    line_edit.textEdited.connect(edited.append)

    type_text(line_edit, NAME)

    assert line_edit.text() == NAME
    # One textEdited per character: it was typed, not set.
    assert len(edited) == len(NAME)
    assert edited[-1] == NAME


def test_type_text_appends_at_the_cursor(line_edit: QLineEdit) -> None:
    line_edit.setText("Ông ")
    type_text(line_edit, NAME)
    assert line_edit.text() == "Ông " + NAME


def test_type_text_return_submits(line_edit: QLineEdit, qtbot: QtBot) -> None:
    with qtbot.waitSignal(line_edit.returnPressed, timeout=1000):
        type_text(line_edit, NAME + "\n")
    assert line_edit.text() == NAME


def test_type_text_keeps_decomposed_input(line_edit: QLineEdit) -> None:
    nfd = unicodedata.normalize("NFD", NAME)
    type_text(line_edit, nfd)
    assert line_edit.text() == nfd
    assert unicodedata.normalize("NFC", line_edit.text()) == NAME


@pytest.mark.parametrize("preedit", [True, False], ids=["preedit", "commit-only"])
def test_commit_text_enters_vietnamese(line_edit: QLineEdit, preedit: bool) -> None:
    edited: list[str] = []
    line_edit.textEdited.connect(edited.append)

    commit_text(line_edit, NAME, preedit=preedit)

    assert line_edit.text() == NAME
    assert edited[-1] == NAME
    assert line_edit.cursorPosition() == len(NAME)


def test_commit_text_word_by_word(line_edit: QLineEdit) -> None:
    # An IME commits one word at a time; the space comes as a plain key.
    for i, word in enumerate(NAME.split(" ")):
        if i:
            type_text(line_edit, " ")
        commit_text(line_edit, word)
    assert line_edit.text() == NAME


def test_helpers_work_on_multiline_editors(qtbot: QtBot) -> None:
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    type_text(editor, NAME + "\n")
    commit_text(editor, "Đào")
    assert editor.toPlainText() == NAME + "\nĐào"
