"""The citizen lookup (#13): on the board's PC or a kiosk, a receipt's QR code is scanned (the
reader types the code and Enter; a full QR payload holding the code is accepted too) or the code
typed, and the dossier's status and appointment show, masked, for a few seconds, then clear.

The look-up is one indexed read of ``services.board.lookup`` on a read-only store of its own
(short busy timeout), so a clerk's import holding the write lock cannot freeze the kiosk.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from onestop_desktop.errors import OneStopError
from onestop_desktop.services import board as board_service
from onestop_desktop.services.context import Session


class LookupPanel(QWidget):
    """A code field and the answer, cleared after :attr:`SHOW_MS`."""

    SHOW_MS = 8000

    def __init__(self, session: Session, parent: QWidget | None = None, *, pixel: int = 28) -> None:
        super().__init__(parent)
        self.setObjectName("lookupPanel")
        self._session = session
        self._reader: Session | None = None
        layout = QVBoxLayout(self)
        self.prompt = QLabel(
            self.tr("Tra cứu hồ sơ: quét mã QR trên giấy hẹn hoặc nhập mã hồ sơ rồi nhấn Enter")
        )
        self.prompt.setWordWrap(True)
        self.field = QLineEdit()
        self.field.setObjectName("lookupField")
        self.field.setPlaceholderText(self.tr("Mã hồ sơ"))
        self.answer = QLabel()
        self.answer.setObjectName("lookupAnswer")
        self.answer.setWordWrap(True)
        self.answer.setTextFormat(Qt.TextFormat.RichText)
        for w, scale in ((self.prompt, 1.0), (self.field, 1.1), (self.answer, 1.3)):
            font = QFont(w.font())
            font.setPixelSize(int(pixel * scale))
            w.setFont(font)
            layout.addWidget(w)
        layout.addStretch(1)
        self._clear = QTimer(self)
        self._clear.setSingleShot(True)
        self._clear.setInterval(self.SHOW_MS)
        self._clear.timeout.connect(self.clear)
        self.field.returnPressed.connect(self.look_up)

    def _ctx(self) -> Session:
        """A read-only session of its own on a file database (the GUI's store otherwise)."""
        path = self._session.store.path
        if path is None:
            return self._session
        if self._reader is None:
            from onestop_desktop.store.board import open_reader

            store = open_reader(path)
            self._reader = Session(store, self._session.station, self._session.actor)
        return self._reader

    def look_up(self) -> None:
        """Look the typed or scanned text up and show the answer for a few seconds."""
        text = self.field.text()
        self.field.clear()
        try:
            found = board_service.lookup(self._ctx(), text)
        except OneStopError:
            self.answer.setText(self.tr("Chưa tra cứu được lúc này, xin thử lại sau ít phút."))
            self._clear.start()
            return
        if found is None:
            self.answer.setText(
                self.tr("Không tìm thấy hồ sơ có mã này. Xin kiểm tra lại mã trên giấy hẹn.")
            )
        else:
            appointment = found.appointment or self.tr("chưa có")
            self.answer.setText(
                "<p><b>{code}</b></p><p>{name}</p><p>{proc}</p>"
                "<p>{status_h}: <b>{status}</b></p><p>{appt_h}: <b>{appt}</b></p>".format(
                    code=_esc(found.code),
                    name=_esc(found.masked_name),
                    proc=_esc(found.procedure),
                    status_h=self.tr("Tình trạng"),
                    status=_esc(found.status_label),
                    appt_h=self.tr("Hẹn trả kết quả"),
                    appt=_esc(appointment),
                )
            )
        self._clear.start()

    def clear(self) -> None:
        """Forget the last answer (the next citizen must not see it)."""
        self.answer.clear()

    def close_reader(self) -> None:
        if self._reader is not None:
            self._reader.store.close()
            self._reader = None


def _esc(text: str) -> str:
    from html import escape

    return escape(text)
