"""Quản trị → Thiết lập (Ctrl+Alt+4): every business setting, with a fitting editor.

The screen knows no setting by name: it shows each entry of ``services.settings.entries`` (one
per ``Definition``, whoever added it — the slip settings appear without any change here) with
its Vietnamese label, help, current value and default, and an editor chosen by the definition's
kind: a list for a fixed set of values, a check box for yes/no, a number field, or a text field.
"Lưu" is ``settings.set_setting`` (validated by the service, one transaction, a
``settings.changed`` event); "Mặc định" is ``settings.reset_setting``. A refused value stays in
its editor with the reason under it.
"""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop.errors import OneStopError
from onestop_desktop.services import settings
from onestop_desktop.services.context import Session
from onestop_desktop.services.settings import SettingEntry
from onestop_desktop.ui.admin.common import MessageLine
from onestop_desktop.ui.i18n import fmt, translate_message, use_translated_edit_menu
from onestop_desktop.ui.live_texts import LiveTexts


class SettingRow(QFrame):
    """One setting: label, editor, save and default buttons, help and default, its message."""

    def __init__(
        self, session: Session, entry: SettingEntry, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.live = LiveTexts(self)
        self.setObjectName(f"setting_{entry.key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._session = session
        self.entry = entry
        self.label = QLabel(translate_message(entry.label))
        self.label.setStyleSheet("font-weight: bold;")
        self.label.setWordWrap(True)
        self.editor = self._make_editor(entry)
        self.editor.setObjectName(f"editor_{entry.key}")
        self.label.setBuddy(self.editor)
        self.save_button = QPushButton()
        self.live(lambda: self.save_button.setText(self.tr("Lưu")))
        self.save_button.setObjectName(f"save_{entry.key}")
        self.save_button.clicked.connect(self.save)
        self.reset_button = QPushButton()
        self.live(lambda: self.reset_button.setText(self.tr("Mặc định")))
        self.reset_button.setObjectName(f"reset_{entry.key}")
        self.reset_button.clicked.connect(self.reset)
        self.help = QLabel()
        self.help.setWordWrap(True)
        self.help.setStyleSheet("color: #555;")
        self.message = MessageLine(f"message_{entry.key}")
        self.message.hide()
        grid = QGridLayout(self)
        grid.addWidget(self.label, 0, 0)
        grid.addWidget(self.editor, 0, 1)
        grid.addWidget(self.save_button, 0, 2)
        grid.addWidget(self.reset_button, 0, 3)
        grid.addWidget(self.help, 1, 0, 1, 4)
        grid.addWidget(self.message, 2, 0, 1, 4)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        self._show(entry)

    # ------------------------------------------------------------------ editor

    def _make_editor(self, entry: SettingEntry) -> QWidget:
        if entry.editor == "choice":
            box = QComboBox()
            for choice in entry.choices:
                box.addItem(choice, choice)
            return box
        if entry.editor == "bool":
            return QCheckBox()
        edit = QLineEdit()
        use_translated_edit_menu(edit)
        if entry.editor == "int":
            pattern = r"[0-9]{0,9}" if entry.optional else r"[0-9]{1,9}"
            edit.setValidator(QRegularExpressionValidator(QRegularExpression(pattern), edit))
        if entry.optional:
            edit.setPlaceholderText(self.tr("để trống: không giới hạn"))
        return edit

    def text(self) -> str:
        """The editor's value as the service takes it (text)."""
        editor = self.editor
        if isinstance(editor, QComboBox):
            return str(editor.currentData())
        if isinstance(editor, QCheckBox):
            definition = settings.DEFINITIONS[self.entry.key]
            return definition.format(editor.isChecked())
        assert isinstance(editor, QLineEdit)
        return editor.text()

    def set_text(self, text: str) -> None:
        """Put ``text`` in the editor (as a person would choose or type it)."""
        editor = self.editor
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(text)))
        elif isinstance(editor, QCheckBox):
            definition = settings.DEFINITIONS[self.entry.key]
            editor.setChecked(text == definition.format(True))
        else:
            assert isinstance(editor, QLineEdit)
            editor.setText(text)

    def _show(self, entry: SettingEntry) -> None:
        self.entry = entry
        self.set_text(entry.value)
        state = self.tr("đang dùng mặc định") if not entry.is_set else self.tr("đã thay đổi")
        default = entry.default if entry.default else self.tr("(trống)")
        self.help.setText(
            fmt(
                self.tr("%1\nMặc định: %2 · Hiện tại: %3 · Giá trị hợp lệ: %4"),
                translate_message(entry.help),
                default,
                state,
                translate_message(entry.accepted),
            )
        )
        self.reset_button.setEnabled(entry.is_set)

    # ------------------------------------------------------------------ actions

    def save(self) -> bool:
        try:
            settings.set_setting(self._session, self.entry.key, self.text())
        except OneStopError as exc:
            self.message.refused(exc)
            self.message.show()
            return False
        self._refresh(self.tr("Đã lưu."))
        return True

    def reset(self) -> bool:
        try:
            settings.reset_setting(self._session, self.entry.key)
        except OneStopError as exc:
            self.message.refused(exc)
            self.message.show()
            return False
        self._refresh(self.tr("Đã trả về giá trị mặc định."))
        return True

    def _refresh(self, said: str) -> None:
        for entry in settings.entries(self._session):
            if entry.key == self.entry.key:
                self._show(entry)
        self.message.done(said)
        self.message.show()


class SettingsScreen(QWidget):
    """All the settings, one :class:`SettingRow` each, in a scrolling column."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.live = LiveTexts(self)
        self.setObjectName("AdminSettingsScreen")
        self._session = session
        title = QLabel()
        self.live(lambda: title.setText(self.tr("Thiết lập nghiệp vụ")))
        title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        intro = QLabel()
        self.live(
            lambda: intro.setText(
                self.tr(
                    "Các quy tắc văn bản pháp luật để cho đơn vị tự quyết định. Mỗi thay đổi "
                    "có hiệu lực ngay cho các hồ sơ tiếp nhận sau đó và được ghi vào nhật ký."
                )
            )
        )
        intro.setWordWrap(True)
        self.message = MessageLine("settingsMessage")
        self.rows: dict[str, SettingRow] = {}
        body = QWidget()
        self._column = QVBoxLayout(body)
        scroll = QScrollArea()
        scroll.setObjectName("settingsScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        self.reload()

    def reload(self) -> None:
        for row in self.rows.values():
            row.deleteLater()
        self.rows.clear()
        while self._column.count():
            self._column.takeAt(0)
        try:
            found = settings.entries(self._session)
        except OneStopError as exc:
            self.message.refused(exc)
            found = []
        for entry in found:
            row = SettingRow(self._session, entry)
            self.rows[entry.key] = row
            self._column.addWidget(row)
        self._column.addStretch(1)
        if found:
            self.setFocusProxy(self.rows[found[0].key].editor)
