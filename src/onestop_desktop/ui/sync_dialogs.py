"""The GUI face of sync bundles (#12): *Hệ thống → Xuất gói đồng bộ…* / *Nhập gói đồng bộ…*.

Both run the service in a :class:`~onestop_desktop.ui.workers.Worker` (its own database
connection, progress on the GUI thread) behind a progress dialog, and say what was done in a
message box. The import writes the district's acknowledgement beside the bundle (on the same
stick, to be carried back); a file that is itself an acknowledgement is recorded as one.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from onestop_desktop.domain.clock import fmt_int
from onestop_desktop.services import sync
from onestop_desktop.services.context import Session
from onestop_desktop.ui.i18n import fmt
from onestop_desktop.ui.workers import Job, Worker


class SyncRunner(QObject):
    """One export or import at a time, with its progress dialog; ``done`` carries the text
    shown to the clerk afterwards."""

    done = Signal(str)

    def __init__(self, session: Session, parent: QWidget) -> None:
        super().__init__(parent)
        self._session = session
        self._parent = parent
        self.worker: Worker[str] | None = None
        self.dialog: QProgressDialog | None = None

    # -- the two commands -------------------------------------------------------------
    def export_to(self, folder: Path) -> Worker[str] | None:
        """Write this station's bundle into ``folder`` in the background."""

        def task(job: Job) -> str:
            assert job.session is not None
            result = sync.export_bundle(job.session, folder, progress=job.progress)
            m = result.manifest
            return fmt(
                self.tr("Đã xuất và kiểm tra lại gói %1: %2 sự kiện. Dấu vân tay khóa: %3"),
                result.path.name,
                fmt_int(m.event_count),
                m.fingerprint,
            )

        return self._run(task, self.tr("Đang xuất gói đồng bộ…"))

    def import_file(self, path: Path) -> Worker[str] | None:
        """Import ``path`` (a station's bundle, or the district's acknowledgement)."""

        def task(job: Job) -> str:
            assert job.session is not None
            if sync.bundle_kind(path) == "ack":
                ack = sync.import_ack(job.session, path)
                return fmt(
                    self.tr("Cấp huyện xác nhận đã giữ đến sự kiện số %1."), fmt_int(ack.seq)
                )
            result = sync.import_bundle(
                job.session, path, ack_to=path.parent, progress=job.progress
            )
            if result.plan.already_imported and result.plan.imported_at:
                text = fmt(
                    self.tr("Gói %1 đã được nhập lúc %2; không thay đổi gì."),
                    path.name,
                    moment_text(result.plan.imported_at),
                )
            elif result.plan.already_imported:
                text = fmt(self.tr("Gói %1 đã được nhập trước đây; không thay đổi gì."), path.name)
            else:
                text = fmt(
                    self.tr("Đã nhập gói %1 của %2, máy trạm %3: %4 sự kiện mới."),
                    path.name,
                    result.plan.manifest.unit_code,
                    str(result.plan.manifest.station),
                    fmt_int(result.inserted),
                )
            if result.fold is not None and result.fold.dossiers:
                # A district folds what it imports in the same transaction (#12).
                text += "\n" + fmt(
                    self.tr("Đã cập nhật %1 hồ sơ của cấp huyện."), fmt_int(result.fold.dossiers)
                )
            if result.ack is not None:
                text += "\n" + fmt(
                    self.tr("Giấy xác nhận %1 đã ghi bên cạnh gói: mang về máy trạm."),
                    result.ack.name,
                )
            return text

        return self._run(task, self.tr("Đang kiểm tra và nhập gói đồng bộ…"))

    # -- machinery --------------------------------------------------------------------
    def _run(self, task: object, label: str) -> Worker[str] | None:
        if self.worker is not None:
            return None
        dialog = QProgressDialog(label, "", 0, 0, self._parent)
        dialog.setObjectName("syncProgress")
        dialog.setCancelButton(None)
        dialog.setWindowTitle(self.tr("Gói đồng bộ"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        self.dialog = dialog
        worker: Worker[str] = Worker(task, session=self._session, parent=self)  # type: ignore[arg-type]
        worker.progressed.connect(self._progress)
        worker.succeeded.connect(self._succeeded)
        worker.finished.connect(self._finished)
        self.worker = worker
        dialog.show()
        return worker.start()

    def _progress(self, done: int, total: int, _text: str) -> None:
        if self.dialog is not None and total > 0:
            self.dialog.setRange(0, total)
            self.dialog.setValue(min(done, total))

    def _succeeded(self, text: object) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Gói đồng bộ"), str(text))
        box.setParent(self._parent, box.windowFlags())
        # Not a standard button: Qt's own "OK" has no Vietnamese.
        close = box.addButton(self.tr("Đóng"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(close)
        box.setObjectName("syncDone")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.done.emit(str(text))

    def _finished(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        self.worker = None


def moment_text(stamp: str) -> str:
    """An ISO moment as the clerk reads it (dd/mm/yyyy hh:mm)."""
    from onestop_desktop.domain import clock

    try:
        return clock.fmt_datetime(clock.parse_iso(stamp))
    except ValueError:
        return stamp


def ask_export_folder(parent: QWidget) -> Path | None:
    """The folder to write the bundle to (the USB stick), or ``None`` when cancelled."""
    chosen = QFileDialog.getExistingDirectory(
        parent,
        QCoreApplication.translate("SyncDialogs", "Chọn thư mục ghi gói đồng bộ (ví dụ USB)"),
    )
    return Path(chosen) if chosen else None


def ask_import_file(parent: QWidget) -> Path | None:
    """The bundle (or acknowledgement) to import, or ``None`` when cancelled."""
    chosen, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("SyncDialogs", "Chọn gói đồng bộ cần nhập"),
        "",
        QCoreApplication.translate("SyncDialogs", "Gói đồng bộ (*.osb)"),
    )
    return Path(chosen) if chosen else None
