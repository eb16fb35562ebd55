"""Type Vietnamese text into Qt widgets in tests.

Never use ``qtbot.keyClicks`` (or ``QTest.keyClicks``) with non-ASCII text: QTest only
accepts ASCII key text and a letter such as "ễ" ABORTS THE WHOLE TEST PROCESS (an
assertion in qasciikey.cpp), which pytest reports as a crashed worker, not a failure.

Two ways that work, for two kinds of keyboard:

- :func:`type_text` sends one key press/release per character, with the character as the
  event's text, the way a keyboard layout that produces precomposed letters does.
- :func:`commit_text` sends :class:`QInputMethodEvent` objects, the way a Vietnamese input
  method (Unikey, ibus-unikey, fcitx5-unikey, the macOS/Windows Vietnamese keyboards)
  delivers text: an optional preedit (the word being composed, shown underlined) and then
  a commit string.

Both deliver the text exactly as given (no normalisation), so tests can also feed NFD text
and check that the application normalises it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

__all__ = ["commit_text", "type_text"]


def type_text(widget: QWidget, text: str, *, delay_ms: int = -1) -> None:
    """Type ``text`` into ``widget`` one character at a time, as key clicks.

    Each character becomes a key press and release with ``Qt.Key.Key_unknown`` and the
    character as the event text, which ``QLineEdit``/``QTextEdit`` insert as typed.
    "\\n" is sent as Return and "\\t" as Tab, so forms can be filled and submitted.
    """
    for ch in text:
        if ch == "\n":
            QTest.keyClick(widget, Qt.Key.Key_Return)
        elif ch == "\t":
            QTest.keyClick(widget, Qt.Key.Key_Tab)
        else:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click,
                widget,
                Qt.Key.Key_unknown,
                ch,
                Qt.KeyboardModifier.NoModifier,
                delay_ms,
            )


def commit_text(widget: QWidget, text: str, *, preedit: bool = True) -> None:
    """Deliver ``text`` to ``widget`` as an input method commit.

    With ``preedit`` (the default) the text is first shown as preedit, then committed with
    the preedit cleared, as ibus/fcitx do at the end of a word. The widget must accept input
    method events (``QLineEdit``, ``QTextEdit`` and ``QPlainTextEdit`` do).
    """
    if preedit:
        composing = QInputMethodEvent(text, [])
        QApplication.sendEvent(widget, composing)
    commit = QInputMethodEvent()
    commit.setCommitString(text)
    QApplication.sendEvent(widget, commit)
