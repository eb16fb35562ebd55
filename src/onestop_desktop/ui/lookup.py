"""The citizen lookup (#13): on the board's PC or a kiosk, a receipt's QR code is scanned (the
reader types the code and Enter; a full QR payload holding the code is accepted too) or the code
typed, and the dossier's status and appointment show, masked, for a few seconds, then clear.

The look-up is one indexed read of ``services.board.lookup`` on a read-only store of its own
(short busy timeout), so a clerk's import holding the write lock cannot freeze the kiosk.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from onestop_desktop.errors import OneStopError
from onestop_desktop.services import board as board_service
from onestop_desktop.services.board import PublicDossier
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
            self.answer.setText(unavailable_text())
            self._clear.start()
            return
        self.answer.setText(answer_html(found))
        self._clear.start()

    def clear(self) -> None:
        """Forget the last answer (the next citizen must not see it)."""
        self.answer.clear()

    def close_reader(self) -> None:
        if self._reader is not None:
            self._reader.store.close()
            self._reader = None


def unavailable_text() -> str:
    """What a citizen reads when the database could not be read (busy): nothing alarming."""
    return QCoreApplication.translate(
        "LookupPanel", "Chưa tra cứu được lúc này, xin thử lại sau ít phút."
    )


def answer_html(found: PublicDossier | None) -> str:
    """The answer to one look-up as rich text: the public view only (code, masked name,
    procedure, status, appointment), or a plain "not found" for an unknown code."""
    if found is None:
        return escape(
            QCoreApplication.translate(
                "LookupPanel", "Không tìm thấy hồ sơ có mã này. Xin kiểm tra lại mã trên giấy hẹn."
            )
        )
    appointment = found.appointment or QCoreApplication.translate("LookupPanel", "chưa có")
    return (
        "<p><b>{code}</b></p><p>{name}</p><p>{proc}</p>"
        "<p>{status_h}: <b>{status}</b></p><p>{appt_h}: <b>{appt}</b></p>".format(
            code=escape(found.code),
            name=escape(found.masked_name),
            proc=escape(found.procedure),
            status_h=escape(QCoreApplication.translate("LookupPanel", "Tình trạng")),
            status=escape(found.status_label),
            appt_h=escape(QCoreApplication.translate("LookupPanel", "Hẹn trả kết quả")),
            appt=escape(appointment),
        )
    )
