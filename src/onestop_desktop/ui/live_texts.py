"""Texts that follow a language change at once, in screens built in one go.

The main window and the worklist re-translate in ``changeEvent`` through a ``_retranslate``
method that sets every text again. The intake window, the action forms and the admin screens
set their texts where they build each widget; rather than repeat every ``tr()`` call in a second
method (two lists that drift), each text is set through a :class:`LiveTexts` of its window::

    live = LiveTexts(self)
    live(lambda: self.ok_button.setText(self.tr("&Ghi nhận")))

The function runs at once and again at every ``LanguageChange`` the window receives (Qt sends
one to every widget when a translator is installed or removed, ``ui.i18n.install``). Only texts
are set again: what the clerk typed, the choices made and the focus stay as they are. lupdate
still finds each ``self.tr("…")`` literal inside the lambdas.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class LiveTexts(QObject):
    """The text setters of one window, run again when its language changes.

    A child of the window (and its event filter): it lives and dies with it, so a setter never
    runs on a deleted widget.
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._setters: list[Callable[[], object]] = []
        window.installEventFilter(self)

    def __call__(self, setter: Callable[[], object]) -> None:
        """Run ``setter`` now and after each language change."""
        setter()
        self._setters.append(setter)

    def retranslate(self) -> None:
        """Run every setter again (in the order they were given)."""
        for setter in self._setters:
            setter()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False
