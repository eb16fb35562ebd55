"""offer_slip and the Reports menu's printed documents (#10): preview, save as PDF, and the
no-printer path that keeps the PDF in the data folder's ``slips/``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pypdfium2
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from onestop_desktop.services.context import Session
from onestop_desktop.store import dossiers as dossier_rows
from onestop_desktop.store.db import Store
from onestop_desktop.ui import printing
from onestop_desktop.ui.shortcuts import SHORTCUTS
from tests.ui.test_dossier_view import as_user, open_view, receive


def _text(pdf: bytes) -> str:
    doc = pypdfium2.PdfDocument(pdf)
    try:
        return " ".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.resize(800, 600)
    widget.show()
    return widget


def _received_code(session: Session) -> str:
    rows = dossier_rows.page(session.store, limit=1, statuses=[2, 4])
    assert rows, "no received dossier in the demo"
    return str(rows[0]["code"])


def _dialog(parent: QWidget, qtbot: QtBot) -> printing.SlipDialog:
    found: list[printing.SlipDialog] = []

    def shown() -> bool:
        found[:] = parent.findChildren(printing.SlipDialog)
        return bool(found)

    qtbot.waitUntil(shown, timeout=5000)
    return found[-1]


def test_offer_slip_previews_and_saves_as_pdf(
    parent: QWidget, session: Session, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code = _received_code(session)
    printing.offer_slip(parent, session, code, "receipt", copy=True)
    dialog = _dialog(parent, qtbot)
    assert dialog.page_count == 1  # two copies on one A4 sheet
    assert dialog.print_button.text() == "In…"
    target = tmp_path / "phieu"
    monkeypatch.setattr(dialog, "ask_save_path", lambda: target)
    saved = dialog.save_pdf()
    assert saved == tmp_path / "phieu.pdf"
    text = _text(saved.read_bytes())
    assert code in text and "BẢN IN LẠI" in text


def test_no_printer_keeps_the_pdf_in_slips_folder(
    parent: QWidget, session: Session, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    code = _received_code(session)
    printing.offer_slip(parent, session, code, "receipt")
    dialog = _dialog(parent, qtbot)
    monkeypatch.setattr(dialog, "available_printers", lambda: [])
    assert dialog.print_slip() is False
    assert dialog.kept is not None and dialog.kept.parent.name == "slips"
    assert dialog.kept.parent.parent == session.store.path.parent  # type: ignore[union-attr]
    assert dialog.kept.read_bytes() == dialog.pdf
    box = dialog.findChild(QMessageBox, "printMessage")
    assert box is not None and "Máy tính này chưa cài máy in nào" in box.text()
    assert str(dialog.kept) in box.text()
    box.close()


def test_printer_error_keeps_the_pdf(
    parent: QWidget, session: Session, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from PySide6.QtPrintSupport import QPrinter

    code = _received_code(session)
    printing.offer_slip(parent, session, code, "receipt")
    dialog = _dialog(parent, qtbot)
    dialog._settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    printer = QPrinter()
    monkeypatch.setattr(dialog, "available_printers", lambda: ["máy in giả"])
    monkeypatch.setattr(dialog, "choose_printer", lambda: printer)

    def fail(_printer: QPrinter) -> None:
        raise OSError("printer error")

    monkeypatch.setattr(dialog, "draw", fail)
    assert dialog.print_slip() is False
    assert dialog.kept is not None and dialog.kept.exists()
    assert dialog._settings.value(printing.PRINTER_KEY) is None  # a failed printer is not kept
    box = dialog.findChild(QMessageBox, "printMessage")
    assert box is not None and "báo lỗi" in box.text()
    box.close()


def test_printing_to_a_pdf_printer_remembers_it(
    parent: QWidget, session: Session, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from PySide6.QtPrintSupport import QPrinter

    code = _received_code(session)
    printing.offer_slip(parent, session, code, "receipt")
    dialog = _dialog(parent, qtbot)
    dialog._settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    printer.setPrinterName("")
    monkeypatch.setattr(dialog, "available_printers", lambda: ["pdf"])
    monkeypatch.setattr(dialog, "choose_printer", lambda: printer)
    assert dialog.print_slip() is True
    assert out.stat().st_size > 10_000  # the page image went to the printer
    assert dialog._settings.value(printing.PRINTER_KEY) == ""


def test_an_impossible_slip_is_an_error_box(
    parent: QWidget, session: Session, qtbot: QtBot
) -> None:
    code = _received_code(session)
    printing.offer_slip(parent, session, code, "apology")  # never rescheduled
    qtbot.waitUntil(lambda: parent.findChild(QMessageBox, "errorBox") is not None, timeout=3000)
    box = parent.findChild(QMessageBox, "errorBox")
    assert (
        "chưa" in box.text() and "Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)" in box.text()
    )
    assert parent.findChild(printing.SlipDialog) is None
    box.close()


def test_apology_before_any_rescheduling_opens_the_reschedule_form(
    store: Store, qtbot: QtBot
) -> None:
    """Mẫu 04 asked from the dossier view of a dossier never rescheduled: an officer gets the
    «Xin lỗi và hẹn lại ngày trả» form (the slip follows the action); a receiving clerk, who
    may not reschedule, the message that says who does and how."""
    clerk, officer = as_user(store, "tiepnhan"), as_user(store, "chuyenvien")
    key = receive(clerk)
    view = open_view(qtbot, officer, key)
    printing.offer_slip(view, officer, view.value("code"), "apology")
    form = view.current_form()
    assert form is not None and form.action.kind == "rescheduled"
    assert view.findChild(QMessageBox, "errorBox") is None
    assert view.findChild(printing.SlipDialog) is None
    form.close()
    at_counter = open_view(qtbot, clerk, key)
    printing.offer_slip(at_counter, clerk, at_counter.value("code"), "apology")
    qtbot.waitUntil(lambda: at_counter.findChild(QMessageBox, "errorBox") is not None, timeout=3000)
    box = at_counter.findChild(QMessageBox, "errorBox")
    assert "«Xin lỗi và hẹn lại ngày trả»" in box.text()
    assert "onestop dossier act" in box.text() and at_counter.current_form() is None
    box.close()


@pytest.mark.parametrize("kind", ["ledger", "report06", "daily"])
def test_reports_menu_documents(parent: QWidget, session: Session, qtbot: QtBot, kind: str) -> None:
    today = session.now().date()
    dialog = printing.offer_period(parent, session, kind, date(today.year, 1, 1), today)
    assert dialog is not None and dialog.page_count >= 1
    text = _text(dialog.pdf)
    expected = {
        "ledger": "SỔ THEO DÕI HỒ SƠ",
        "report06": "Biểu số 06/VPCP/KSTT",
        "daily": "BẢN TỔNG HỢP",
    }[kind]
    assert expected in text
    dialog.close()


def test_reports_menu_rows_and_keys() -> None:
    from onestop_desktop.ui.mainwindow import MainWindow

    rows = {s.action_id: s for s in SHORTCUTS}
    for ident, key, handler in (
        ("print_ledger", "Ctrl+Shift+P", "print_ledger"),
        ("report06_pdf", "Ctrl+Shift+R", "report06_pdf"),
        ("daily_summary", "Ctrl+Shift+D", "daily_summary"),
    ):
        assert rows[ident].keys == key
        assert rows[ident].handler == handler
        assert rows[ident].menu == "reports"
        assert callable(getattr(MainWindow, handler))
