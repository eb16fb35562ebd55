"""ui/live_texts.py: a text set through LiveTexts is set again at each language change, on the
widget it belongs to, and the language dialog no longer says to reopen screens."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QStringListModel
from PySide6.QtWidgets import QApplication, QLabel, QListView, QWidget
from pytestqt.qtbot import QtBot

from onestop_desktop.ui import i18n
from onestop_desktop.ui.language import LanguageDialog
from onestop_desktop.ui.live_texts import LiveTexts


def test_a_setter_runs_now_and_at_each_language_change(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    label = QLabel(window)
    calls: list[str] = []
    live = LiveTexts(window)

    def setter() -> None:
        text = QCoreApplication.translate("DossierView", "Hồ sơ")
        calls.append(text)
        label.setText(text)

    live(setter)
    assert calls == ["Hồ sơ"]
    i18n.install("en")
    QApplication.processEvents()
    assert calls[-1] == label.text() != "Hồ sơ" and label.text().isascii()
    i18n.install("vi")
    QApplication.processEvents()
    assert calls[-1] == label.text() == "Hồ sơ"
    assert len(calls) == 3, "once per change, not once per child widget"


def test_views_are_asked_again_and_a_deleted_window_is_left_alone(qtbot: QtBot) -> None:
    window = QWidget()  # not given to qtbot: deleted below
    view = QListView(window)
    model = QStringListModel(["một", "hai"])
    view.setModel(model)
    live = LiveTexts(window)
    changed: list[int] = []
    model.dataChanged.connect(lambda a, b: changed.append(b.row() - a.row() + 1))
    live(lambda: None)
    i18n.install("en")
    QApplication.processEvents()
    assert changed == [2]
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    i18n.install("vi")  # the LiveTexts died with its window: nothing runs on a deleted widget
    QApplication.processEvents()
    assert changed == [2]


def test_the_language_dialog_promises_an_immediate_change(qtbot: QtBot) -> None:
    dialog = LanguageDialog()
    qtbot.addWidget(dialog)
    note = dialog.note_label.text()
    assert "ngay" in note and "at once" in note
    assert "mở lại" not in note and "opened again" not in note
