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
from typing import cast

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QLabel, QWidget


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

    def label(self, text: Callable[[], str], buddy: QWidget | None = None) -> QLabel:
        """A caption whose text follows the language (a form row's label: ``&`` jumps to
        ``buddy``, as ``QFormLayout.addRow(str, widget)`` would do)."""
        caption = QLabel()
        if buddy is not None:
            caption.setBuddy(buddy)
        self(lambda: caption.setText(text()))
        return caption

    def retranslate(self) -> None:
        """Run every setter again (in the order they were given), then have every table and
        list of the window ask its model again: the admin models translate their headers and
        cells when asked (``ui.admin.common.RowsModel``), so a repaint is all they need."""
        for setter in self._setters:
            setter()
        for view in self._window.findChildren(QAbstractItemView):
            model = cast(QAbstractItemModel | None, view.model())  # None: a view without one
            if model is None:
                continue
            top = QModelIndex()  # some models' counts take their parent without a default
            rows = model.rowCount(top)
            # A list model's columnCount is private in Qt (always one column).
            columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(top)
            if columns > 0:
                model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)
            if rows > 0 and columns > 0:
                model.dataChanged.emit(model.index(0, 0), model.index(rows - 1, columns - 1))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False
