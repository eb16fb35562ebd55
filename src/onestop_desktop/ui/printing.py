"""Offer a printed slip after an action, or on request: preview, print, save as PDF (#10).

:func:`offer_slip` is what every screen calls (intake ends on the receipt; the dossier view
reprints with ``copy=True``). It renders the slip through ``services.slips`` (which checks the
permission), shows the pages, and offers:

* **In…** — Qt's print dialog, on the printer used last time (remembered in QSettings). The
  pages are drawn onto the printer as images at the printer's resolution, so what prints is
  what the preview shows.
* **Lưu thành PDF…** — the PDF as rendered.
* **Đóng**.

No printer installed, or a printer that fails, is a plain Vietnamese message, and the PDF is
kept in the data folder's ``slips/`` to print later. The action itself was committed before
the slip was offered, so nothing of it is lost whatever the printer does.

Pages are rasterised by Qt's own QtPdf when this PySide6 has it (PySide6-Addons), else by
pypdfium2, else by poppler's ``pdftoppm``; PySide6-Essentials alone has no PDF renderer.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QSettings, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop.errors import OneStopError, StorageError
from onestop_desktop.services.context import Session
from onestop_desktop.ui import i18n, msgbox
from onestop_desktop.ui.i18n import QT_TRANSLATE_NOOP

_CONTEXT = "Printing"
PRINTER_KEY = "printing/default_printer"
PREVIEW_DPI = 80.0
PRINT_DPI = 300.0


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


# --------------------------------------------------------------------------- rasterising


class RenderError(Exception):
    """No PDF renderer could draw the pages (none installed, or the PDF did not open)."""


def render_pages(pdf: bytes, dpi: float) -> list[QImage]:
    """The pages of ``pdf`` as images at ``dpi`` (QtPdf, pypdfium2 or pdftoppm, first found)."""
    for renderer in (_render_qtpdf, _render_pdfium, _render_pdftoppm):
        pages = renderer(pdf, dpi)
        if pages is not None:
            return pages
    raise RenderError("no PDF renderer")


def _render_qtpdf(pdf: bytes, dpi: float) -> list[QImage] | None:
    try:
        from PySide6.QtCore import QBuffer, QByteArray, QSize
        from PySide6.QtPdf import QPdfDocument  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QBuffer.OpenModeFlag.ReadOnly)
    doc = QPdfDocument()
    doc.load(buffer)
    out = []
    for i in range(doc.pageCount()):
        size = doc.pagePointSize(i)
        px = QSize(round(size.width() * dpi / 72), round(size.height() * dpi / 72))
        out.append(doc.render(i, px))
    return out


def _render_pdfium(pdf: bytes, dpi: float) -> list[QImage] | None:
    try:
        import pypdfium2  # type: ignore[import-untyped,unused-ignore]
    except ImportError:
        return None
    doc = pypdfium2.PdfDocument(pdf)
    out = []
    try:
        for i in range(len(doc)):
            page = doc[i]
            bitmap = page.render(scale=dpi / 72)
            pil = bitmap.to_pil().convert("RGB")
            data = pil.tobytes("raw", "RGB")
            image = QImage(data, pil.width, pil.height, pil.width * 3, QImage.Format.Format_RGB888)
            out.append(image.copy())  # own the pixels: ``data`` goes away
            page.close()
    finally:
        doc.close()
    return out


def _render_pdftoppm(pdf: bytes, dpi: float) -> list[QImage] | None:
    tool = shutil.which("pdftoppm")
    if tool is None:
        return None
    with tempfile.TemporaryDirectory(prefix="onestop-slip-") as tmp:
        source = Path(tmp) / "slip.pdf"
        source.write_bytes(pdf)
        subprocess.run(
            [tool, "-r", str(int(dpi)), "-png", str(source), str(Path(tmp) / "page")],
            check=True,
            capture_output=True,
            timeout=60,
        )
        return [QImage(str(p)) for p in sorted(Path(tmp).glob("page-*.png"))]


# ------------------------------------------------------------------------------ the dialog


class SlipDialog(QDialog):
    """The preview of one slip with Print, Save as PDF and Close."""

    def __init__(
        self,
        parent: QWidget | None,
        session: Session,
        code: str,
        kind: str,
        pdf: bytes,
        title: str,
        *,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("slipDialog")
        self.session = session
        self.code = code
        self.kind = kind
        self.pdf = pdf
        self.kept: Path | None = None
        """Where the PDF was kept for later printing (no printer, printer error)."""
        self.saved: Path | None = None
        self.printed = False
        self._settings = settings if settings is not None else QSettings()
        self.setWindowTitle(i18n.fmt(self.tr("%1 — OneStop Desktop"), title))
        self.resize(720, 820)
        layout = QVBoxLayout(self)
        self.pages = QWidget()
        self.pages.setObjectName("slipPages")
        pages_layout = QVBoxLayout(self.pages)
        pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        try:
            images = render_pages(pdf, PREVIEW_DPI)
        except (RenderError, OSError, subprocess.SubprocessError):
            images = []
        if not images:
            note = QLabel(
                self.tr(
                    "Không hiển thị được bản xem trước trên máy này; vẫn có thể in hoặc lưu "
                    "thành PDF."
                )
            )
            note.setWordWrap(True)
            pages_layout.addWidget(note)
        for image in images:
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setFrameShape(QLabel.Shape.Box)
            pages_layout.addWidget(label)
        self.page_count = len(images)
        scroll = QScrollArea()
        scroll.setWidget(self.pages)
        scroll.setWidgetResizable(True)
        layout.addWidget(scroll)
        buttons = QDialogButtonBox()
        self.print_button = QPushButton(self.tr("In…"))
        self.print_button.setObjectName("printButton")
        self.save_button = QPushButton(self.tr("Lưu thành PDF…"))
        self.save_button.setObjectName("savePdfButton")
        self.close_button = QPushButton(self.tr("Đóng"))
        self.close_button.setObjectName("closeButton")
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.print_button.clicked.connect(self.print_slip)
        self.save_button.clicked.connect(self.save_pdf)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.print_button.setDefault(True)

    # ---------------------------------------------------------------------- saving

    def ask_save_path(self) -> Path | None:
        """Ask where to save (a file dialog); ``None`` if the clerk cancelled."""
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Lưu phiếu thành PDF"),
            str(Path.home() / f"{self.code}-{self.kind}.pdf"),
            self.tr("Tệp PDF (*.pdf)"),
        )
        return Path(name) if name else None

    def save_pdf(self) -> Path | None:
        """Save the PDF where the clerk says; returns the path, ``None`` if cancelled."""
        path = self.ask_save_path()
        if path is None:
            return None
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        from onestop_desktop.services import slips

        try:
            slips.write(path, self.pdf)
        except OneStopError as exc:
            msgbox.open_error(exc, self)
            return None
        self.saved = path
        return path

    def keep_for_later(self) -> Path | None:
        """Keep the PDF in the data folder's ``slips/`` (to print once a printer works)."""
        from onestop_desktop.services import slips

        try:
            self.kept = slips.keep(self.session, self.code, self.kind, self.pdf)
        except OneStopError as exc:
            msgbox.open_error(exc, self)
            return None
        return self.kept

    # -------------------------------------------------------------------- printing

    def available_printers(self) -> list[QPrinterInfo]:
        return list(QPrinterInfo.availablePrinters())

    def choose_printer(self) -> QPrinter | None:
        """Qt's print dialog on the printer used last time; ``None`` if cancelled."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        remembered = str(self._settings.value(PRINTER_KEY, "") or "")
        names = {p.printerName() for p in self.available_printers()}
        if remembered in names:
            printer.setPrinterName(remembered)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("In phiếu"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return printer

    def print_slip(self) -> bool:
        """Print; on no printer or a printer error, keep the PDF and say where. True if sent."""
        if not self.available_printers():
            kept = self.keep_for_later()
            self._tell(
                self.tr("Chưa có máy in"),
                self.tr("Máy tính này chưa cài máy in nào. Phiếu đã được lưu để in sau tại:\n%1"),
                kept,
            )
            return False
        printer = self.choose_printer()
        if printer is None:
            return False
        try:
            self.draw(printer)
        except (RenderError, OSError, subprocess.SubprocessError, StorageError):
            kept = self.keep_for_later()
            self._tell(
                self.tr("Không in được"),
                self.tr(
                    "Máy in «%2» báo lỗi hoặc không sẵn sàng. Phiếu đã được lưu để in sau tại:\n%1"
                ),
                kept,
                printer.printerName(),
            )
            return False
        self._settings.setValue(PRINTER_KEY, printer.printerName())
        self.printed = True
        return True

    def draw(self, printer: QPrinter) -> None:
        """Draw every page onto ``printer`` as an image at its resolution (OSError if the
        printer cannot be opened or reports an error)."""
        dpi = float(min(printer.resolution(), int(PRINT_DPI))) or PRINT_DPI
        images = render_pages(self.pdf, dpi)
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError("printer did not open")
        try:
            for i, image in enumerate(images):
                if i and not printer.newPage():
                    raise OSError("printer refused a new page")
                target = painter.viewport()
                scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.setViewport(target.x(), target.y(), scaled.width(), scaled.height())
                painter.setWindow(image.rect())
                painter.drawImage(0, 0, image)
                painter.setViewport(target)
        finally:
            painter.end()
        if printer.printerState() == QPrinter.PrinterState.Error:
            raise OSError("printer error")

    def _tell(self, title: str, template: str, kept: Path | None, *more: str) -> None:
        where = str(kept) if kept is not None else self.tr("(không lưu được)")
        box = QMessageBox(self)
        box.setObjectName("printMessage")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(title)
        box.setText(i18n.fmt(template, where, *more))
        box.addButton(self.tr("Đóng"), QMessageBox.ButtonRole.AcceptRole)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()


def offer_slip(
    parent: QWidget, session: Session, dossier_code: str, kind: str, *, copy: bool = False
) -> None:
    """Render slip ``kind`` (receipt, supplement, refusal, apology, control) of
    ``dossier_code`` and show it with Print, Save as PDF and Close (window-modal, returns at
    once). ``copy``: a reprint, marked "BẢN IN LẠI". A refusal (permission, no such event) is
    shown as the app's error box.

    Mẫu 04 of a dossier never rescheduled (``slips.RescheduleFirst``): asked from the dossier
    view by a user who may reschedule it now, the reschedule form opens instead (the apology
    is offered as soon as the action is recorded); otherwise the message says who does what."""
    from onestop_desktop.services import slips

    try:
        pdf = slips.render(session, dossier_code, kind, copy=copy)
    except slips.RescheduleFirst as exc:
        if not _open_reschedule(parent):
            msgbox.open_error(exc, parent)
        return
    except OneStopError as exc:
        msgbox.open_error(exc, parent)
        return
    title = slips.KIND_LABELS.get(kind, kind)  # type: ignore[call-overload]
    show_pdf(parent, session, dossier_code, kind, pdf, title)


def _open_reschedule(parent: QWidget) -> bool:
    """Open the «Xin lỗi và hẹn lại ngày trả» form of the dossier view ``parent`` if its user
    may take that action on the dossier now (the view offers it); ``False`` otherwise.
    Duck-typed: the dossier view is another part's, imported nowhere here."""
    buttons = getattr(parent, "action_buttons", None)
    open_action = getattr(parent, "open_action", None)
    if not callable(buttons) or not callable(open_action) or "rescheduled" not in buttons():
        return False
    open_action("rescheduled")
    return True


def show_pdf(
    parent: QWidget | None, session: Session, code: str, kind: str, pdf: bytes, title: str
) -> SlipDialog:
    """Open the preview dialog on an already rendered PDF (ledger, reports, summary too)."""
    dialog = SlipDialog(parent, session, code, kind, pdf, title)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.open()
    return dialog


# ------------------------------------------------------------------ period documents


class PeriodDialog(QDialog):
    """From and to dates (dd/mm/yyyy), this month by default."""

    def __init__(self, parent: QWidget | None, title: str, today: date) -> None:
        super().__init__(parent)
        self.setObjectName("periodDialog")
        self.setWindowTitle(i18n.fmt(self.tr("%1 — OneStop Desktop"), title))
        form = QFormLayout(self)
        self.start = QDateEdit(QDate(today.year, today.month, 1))
        self.start.setObjectName("periodFrom")
        self.end = QDateEdit(QDate(today.year, today.month, today.day))
        self.end.setObjectName("periodTo")
        for edit in (self.start, self.end):
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setCalendarPopup(True)
        form.addRow(self.tr("Từ ngày:"), self.start)
        form.addRow(self.tr("Đến ngày:"), self.end)
        buttons = QDialogButtonBox()
        ok = buttons.addButton(self.tr("Xem"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setObjectName("periodOk")
        buttons.addButton(self.tr("Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def period(self) -> tuple[date, date]:
        return self.start.date().toPython(), self.end.date().toPython()  # type: ignore[return-value]


def ask_period(parent: QWidget, title: str) -> tuple[date, date] | None:
    """Ask for a period (modal); ``None`` if cancelled."""
    dialog = PeriodDialog(parent, title, date.today())
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.period()


PERIOD_TITLES = {
    "ledger": QT_TRANSLATE_NOOP("Printing", "Sổ theo dõi hồ sơ (Mẫu 06)"),
    "report06": QT_TRANSLATE_NOOP("Printing", "Báo cáo Biểu 06"),
    "daily": QT_TRANSLATE_NOOP("Printing", "Bản tổng hợp trong ngày"),
}


def offer_period(
    parent: QWidget, session: Session, kind: str, start: date, end: date
) -> SlipDialog | None:
    """Render the ledger (``ledger``), Biểu 06 (``report06``) or the daily summary (``daily``)
    for the period and open its preview; a refusal is the app's error box."""
    from onestop_desktop.services import slips

    try:
        if kind == "ledger":
            pdf = slips.ledger(session, start, end)
        elif kind == "report06":
            pdf = slips.report06_pdf(session, start, end)
        else:
            pdf = slips.daily_summary(session, start)
    except OneStopError as exc:
        msgbox.open_error(exc, parent)
        return None
    name = f"{kind}-{start.isoformat()}-{end.isoformat()}"
    title = QCoreApplication.translate(_CONTEXT, PERIOD_TITLES[kind])
    return show_pdf(parent, session, name, kind, pdf, title)
