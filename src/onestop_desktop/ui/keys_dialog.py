"""Hệ thống → Khóa ký và tin cậy (Ctrl+Alt+K): the signing keys behind the sync bundles (#12).

Before a district imports a station's bundle it must trust the station's key, and a station
checks the district's acknowledgements with the district's key. Until now each step was a
command (``bundle key``, ``district register``, ``bundle trust-district``, ``bundle key --new``,
``register --replace``); this dialog does the same through the same services
(``services/sync.py``):

* this machine's key: unit, station, role and fingerprint, written to a card file for the
  other side («Ghi thẻ khóa ra tệp…»), or replaced by a new key when the old one was lost or
  must not be used («Tạo khóa mới…», with its own confirmation: the chain goes on, the old key
  file is set aside in ``keys/retired/``);
* the keys this machine trusts, and registering a card brought on the stick («Đăng ký thẻ
  khóa…») or a card that replaces a registered key («Thay khóa đã đăng ký…»). Each asks the
  admin to compare the fingerprint with the one printed on the other machine before it is
  trusted: that comparison is the proof of a first key (docs/bundle-format.md §6).

Every refusal is the service's message in the GUI language, shown under the buttons.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop.domain import clock
from onestop_desktop.errors import OneStopError
from onestop_desktop.services import sync
from onestop_desktop.services.context import Session
from onestop_desktop.store.sync import KeyRow
from onestop_desktop.ui.admin.common import MessageLine, RowsModel, table_view
from onestop_desktop.ui.i18n import fmt, translate_message
from onestop_desktop.ui.live_texts import LiveTexts
from onestop_desktop.ui.sync_dialogs import moment_text

#: Ask the admin a yes/no question (title, text) -> yes. Tests replace it on the instance.
Ask = Callable[[str, str], bool]


def _role_word(role: str) -> str:
    return translate_message(sync.ROLE_LABELS[role])


class KeysModel(RowsModel[KeyRow]):
    """The keys this machine trusts, as ``sync.registered`` lists them."""

    COL_UNIT, COL_NAME, COL_WHO, COL_FINGERPRINT, COL_AT = range(5)

    def headers(self) -> list[str]:
        return [
            self.tr("Mã đơn vị"),
            self.tr("Tên đơn vị"),
            self.tr("Máy"),
            self.tr("Dấu vân tay"),
            self.tr("Ngày đăng ký"),
        ]

    def cell(self, row: KeyRow, column: int) -> str:
        if column == self.COL_UNIT:
            return row.unit_code
        if column == self.COL_NAME:
            return row.unit_name
        if column == self.COL_WHO:
            if row.role == "district":
                return _role_word("district")
            return fmt(self.tr("máy trạm %1"), str(row.station_id))
        if column == self.COL_FINGERPRINT:
            return row.fingerprint
        if column == self.COL_AT:
            return moment_text(row.registered_at)
        return ""


class KeysDialog(QDialog):
    """This machine's key and the keys it trusts (see the module docstring)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        session.require(sync.PERMISSION)  # admins only, as the CLI's commands
        self.setObjectName("KeysDialog")
        self._session = session
        self.live = LiveTexts(self)
        self.live(lambda: self.setWindowTitle(self.tr("Khóa ký và tin cậy")))
        self.ask: Ask = self._ask_box
        self.resize(860, 520)

        own = QGroupBox()
        self.live(lambda: own.setTitle(self.tr("Khóa ký của máy này")))
        self.own_label = QLabel()
        self.own_label.setObjectName("ownKey")
        self.own_label.setWordWrap(True)
        self.own_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportKey")
        self.live(lambda: self.export_button.setText(self.tr("&Ghi thẻ khóa ra tệp…")))
        self.export_button.clicked.connect(lambda: self.export_card())
        self.new_button = QPushButton()
        self.new_button.setObjectName("newKey")
        self.live(lambda: self.new_button.setText(self.tr("Tạo khóa &mới…")))
        self.new_button.clicked.connect(lambda: self.make_new_key())
        own_buttons = QHBoxLayout()
        own_buttons.addWidget(self.export_button)
        own_buttons.addWidget(self.new_button)
        own_buttons.addStretch(1)
        own_layout = QVBoxLayout(own)
        own_layout.addWidget(self.own_label)
        own_layout.addLayout(own_buttons)

        trusted = QGroupBox()
        self.live(lambda: trusted.setTitle(self.tr("Khóa máy này tin cậy")))
        self.model = KeysModel(self)
        self.table = table_view(self.model, "keysTable", stretch=KeysModel.COL_FINGERPRINT)
        self.register_button = QPushButton()
        self.register_button.setObjectName("registerKey")
        self.live(lambda: self.register_button.setText(self.tr("Đăng &ký thẻ khóa…")))
        self.register_button.clicked.connect(lambda: self.register_card())
        self.replace_button = QPushButton()
        self.replace_button.setObjectName("replaceKey")
        self.live(lambda: self.replace_button.setText(self.tr("&Thay khóa đã đăng ký…")))
        self.replace_button.clicked.connect(lambda: self.register_card(replace=True))
        trusted_buttons = QHBoxLayout()
        trusted_buttons.addWidget(self.register_button)
        trusted_buttons.addWidget(self.replace_button)
        trusted_buttons.addStretch(1)
        trusted_layout = QVBoxLayout(trusted)
        trusted_layout.addWidget(self.table, 1)
        trusted_layout.addLayout(trusted_buttons)

        self.message = MessageLine("keysMessage")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close_button = close.button(QDialogButtonBox.StandardButton.Close)
        self.live(lambda: close_button.setText(self.tr("Đóng")))
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(own)
        layout.addWidget(trusted, 1)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self._card: sync.KeyCard | None = None
        self.reload()
        self.live(self._show_own)
        self.export_button.setFocus()

    # ------------------------------------------------------------------ reading

    def reload(self) -> None:
        """Read this machine's card and the trusted keys again."""
        self._card = None
        try:
            self._card = sync.own_key_card(self._session)
        except OneStopError as exc:
            self.message.refused(exc)
        try:
            self.model.set_rows(sync.registered(self._session))
        except OneStopError as exc:
            self.message.refused(exc)
        self._show_own()

    def _show_own(self) -> None:
        """This machine's key in words (again after a change of language: nothing is read)."""
        card = self._card
        if card is None:
            self.own_label.setText("")
            return
        text = fmt(
            self.tr("%1 (%2), %3 — dấu vân tay: %4"),
            card.unit_name,
            card.unit_code,
            _role_word(card.role)
            if card.role == "district"
            else fmt(self.tr("máy trạm %1"), str(card.station)),
            card.fingerprint,
        )
        if card.replaces is not None:
            text += "\n" + fmt(
                self.tr("Khóa này thay khóa cũ có dấu vân tay %1 (từ sự kiện số %2)."),
                card.replaces.fingerprint,
                clock.fmt_int(card.replaces.since_seq),
            )
        self.own_label.setText(text)

    # ------------------------------------------------------------------ this machine's key

    def export_card(self, folder: Path | None = None) -> Path | None:
        """Write this machine's key card into ``folder`` (asked when not given)."""
        folder = folder or self._ask_folder(self.tr("Chọn thư mục ghi thẻ khóa (ví dụ USB)"))
        if folder is None:
            return None
        try:
            card = sync.export_key(self._session, folder)
        except OneStopError as exc:
            self.message.refused(exc)
            return None
        path = sync.card_path(folder, card)
        self.message.done(
            fmt(
                self.tr("Đã ghi thẻ khóa %1. Dấu vân tay: %2 — đọc cho máy kia so khi đăng ký."),
                path.name,
                card.fingerprint,
            )
        )
        return path

    def make_new_key(self, folder: Path | None = None) -> sync.NewKey | None:
        """A new signing key for this machine (the old one lost or not to be used), after a
        confirmation that says what it does; its card goes into ``folder``."""
        question = self.tr(
            "Tạo khóa ký mới cho máy này?\n\n"
            "Chỉ làm khi khóa cũ bị mất (hỏng ổ đĩa, khôi phục bản sao lưu không có thư mục "
            "keys) hoặc không được dùng nữa. Chuỗi sự kiện giữ nguyên; tệp khóa cũ được cất "
            "vào keys/retired. Sau đó phải mang thẻ khóa mới lên cấp huyện để đăng ký thay "
            "khóa cũ, trước khi gói mới được nhận."
        )
        if not self.ask(self.tr("Tạo khóa mới"), question):
            return None
        folder = folder or self._ask_folder(self.tr("Chọn thư mục ghi thẻ khóa mới (ví dụ USB)"))
        if folder is None:
            return None
        try:
            made = sync.new_key(self._session, folder)
        except OneStopError as exc:
            self.message.refused(exc)
            return None
        text = fmt(
            self.tr(
                "Đã tạo khóa mới; thẻ khóa: %1.\nDấu vân tay khóa MỚI: %2\nDấu vân tay khóa CŨ: %3"
            ),
            made.path.name,
            made.card.fingerprint,
            made.old_fingerprint,
        )
        if made.signed_by_old:
            text += "\n" + self.tr("Khóa cũ đã ký xác nhận việc đổi khóa.")
        else:
            text += "\n" + self.tr(
                "Khóa cũ đã mất nên thẻ không có chữ ký của nó: hãy đọc cả hai dấu vân tay cho "
                "cấp huyện qua điện thoại."
            )
        self.message.done(text)
        self.reload()
        return made

    # ------------------------------------------------------------------ trusted keys

    def register_card(self, path: Path | None = None, *, replace: bool = False) -> KeyRow | None:
        """Trust the key card ``path`` (asked when not given) after the admin has compared its
        fingerprint with the other machine's; ``replace``: it takes over from a registered key
        (the other machine made a new key)."""
        path = path or self._ask_card()
        if path is None:
            return None
        try:
            card = sync.read_key_card(path)
        except OneStopError as exc:
            self.message.refused(exc)
            return None
        who = (
            fmt(self.tr("cấp huyện %1"), card.unit_code)
            if card.role == "district"
            else fmt(self.tr("%1, máy trạm %2"), card.unit_code, str(card.station))
        )
        question = fmt(
            self.tr(
                "Tin cậy khóa của %1 (%2)?\n\nDấu vân tay: %3\n\nChỉ đồng ý khi dấu vân tay này "
                "trùng với dấu vân tay máy kia in ra hoặc đọc qua điện thoại."
            ),
            who,
            card.unit_name,
            card.fingerprint,
        )
        if replace and card.replaces is not None:
            question += "\n" + fmt(
                self.tr("Khóa này thay khóa cũ có dấu vân tay %1."), card.replaces.fingerprint
            )
        if not self.ask(self.tr("Đăng ký thẻ khóa"), question):
            return None
        try:
            if replace:
                done = sync.replace_key(self._session, path, card, card.role)
                row = done.row
                text = fmt(self.tr("Đã đăng ký khóa mới của %1."), who)
                if done.old is not None:
                    text += " " + fmt(
                        self.tr(
                            "Khóa cũ (%1) thôi dùng: gói ký bằng nó vẫn được nhận cho các sự "
                            "kiện đến số %2."
                        ),
                        done.old.fingerprint,
                        clock.fmt_int(done.old.since_seq),
                    )
            else:
                row = sync.register_key(self._session, path, role=card.role)
                text = fmt(self.tr("Đã đăng ký khóa của %1. Dấu vân tay: %2"), who, row.fingerprint)
        except OneStopError as exc:
            self.message.refused(exc)
            return None
        self.message.done(text)
        self.reload()
        return row

    # ------------------------------------------------------------------ asking

    def _ask_box(self, title: str, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        # Not the standard buttons: Qt's own "Yes"/"No" have no Vietnamese.
        yes = box.addButton(self.tr("Đồng ý"), QMessageBox.ButtonRole.AcceptRole)
        no = box.addButton(self.tr("Hủy"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no)
        box.exec()
        return box.clickedButton() is yes

    def _ask_folder(self, caption: str) -> Path | None:
        chosen = QFileDialog.getExistingDirectory(self, caption)
        return Path(chosen) if chosen else None

    def _ask_card(self) -> Path | None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Chọn thẻ khóa"),
            "",
            self.tr("Thẻ khóa OneStop (*.json)"),
        )
        return Path(chosen) if chosen else None
