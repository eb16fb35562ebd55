"""Choosing the GUI language (Ctrl+Alt+L, "Ngôn ngữ / Language"): Vietnamese or English.

The choice is kept in the user's QSettings (``ui/language``, read by ``i18n.choose_language``
at the next start) and applied at once with ``i18n.install``: every window that handles
``LanguageChange`` re-translates live: the main window's menus, toolbar and status bar, the
sign-in window, the lock screen, the setup wizard, the worklist, the dossier view and its
timeline, the dashboard, and (through ``ui/live_texts.py``) the intake window, the action forms
and the admin screens, each keeping what was typed in it. A message already shown (a status-bar
line, an answer under a form) stays in the language it was written in.
``ONESTOP_LANG`` in the environment wins over the setting at start-up; the dialog says that too.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop.ui import i18n

# Each language named in itself, so a clerk who cannot read the current one finds theirs.
LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}


def save_language(lang: str, settings: QSettings | None = None) -> None:
    """Keep ``lang`` for the next start (QSettings ``ui/language``)."""
    store = settings if settings is not None else QSettings()
    store.setValue(i18n.SETTINGS_KEY, lang)
    store.sync()


def apply_language(lang: str, settings: QSettings | None = None) -> str:
    """Keep ``lang`` and switch the running app to it; the language installed."""
    save_language(lang, settings)
    return i18n.install(lang)


class LanguageDialog(QDialog):
    """Two choices, named in their own language; OK applies and keeps the choice."""

    def __init__(self, parent: QWidget | None = None, *, settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setObjectName("LanguageDialog")
        # In both languages: whoever opens it may not read the current one.
        self.setWindowTitle("Ngôn ngữ / Language — OneStop Desktop")
        self.buttons_by_lang: dict[str, QRadioButton] = {}
        group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        current = i18n.current_language()
        for lang in i18n.LANGUAGES:
            button = QRadioButton(LANGUAGE_NAMES[lang])
            button.setObjectName(f"language_{lang}")
            button.setChecked(lang == current)
            group.addButton(button)
            self.buttons_by_lang[lang] = button
            layout.addWidget(button)
        self.note_label = QLabel(
            "Ngôn ngữ đổi ngay, nội dung đang nhập được giữ nguyên; thông báo đã hiện thì "
            "giữ ngôn ngữ cũ.\nThe language changes at once and what has been typed is kept; "
            "messages already shown stay as they were."
        )
        self.note_label.setObjectName("languageNote")
        self.note_label.setWordWrap(True)
        layout.addWidget(self.note_label)
        if os.environ.get(i18n.ENV_VAR):
            self.env_label = QLabel(
                i18n.fmt(
                    "Biến môi trường %1 đang đặt ngôn ngữ khi khởi động.\n"
                    "The environment variable %1 sets the language at start-up.",
                    i18n.ENV_VAR,
                )
            )
            self.env_label.setWordWrap(True)
            layout.addWidget(self.env_label)
        ok = QPushButton("OK")
        ok.setDefault(True)
        cancel = QPushButton("Hủy / Cancel")
        box = QDialogButtonBox()
        box.addButton(ok, QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.setMinimumWidth(380)

    def chosen(self) -> str:
        for lang, button in self.buttons_by_lang.items():
            if button.isChecked():
                return lang
        return i18n.current_language()

    def accept(self) -> None:
        apply_language(self.chosen(), self._settings)
        super().accept()
