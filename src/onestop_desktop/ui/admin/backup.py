"""Quản trị → Sao lưu / khôi phục (Ctrl+Alt+5): the backups, "Sao lưu ngay" and a restore.

The list (date, file, size, dossiers, scanned files) is ``services.backups_view.overview``,
read in a worker.
"Sao lưu ngay" is ``services.backup.backup_now``, the same verified copy as Ctrl+B.

Restoring replaces everything the station holds, so it asks twice: the chosen backup is first
verified in a worker (the whole file and the event chain) and the confirmation then says what
will happen with the backup's own figures — its date and dossier count against today's, that
everything recorded after it leaves the working data, where the current database is kept — and
the admin must type «khôi phục» to go on. A backup of another station (or whose key does not
match ``keys/``, ``services.backup.check_restore``) is said so in the same dialog, with what it
means, and is restored with ``other_station`` only after that confirmation.

How the open database is handled. ``services.backup.restore`` needs the caller to have closed
its store: the file is renamed under it (and on Windows an open file cannot be renamed). The
GUI's one :class:`~onestop_desktop.store.db.Store` object is shared by every screen, the sign-in
window and ``app.py``, so it is not replaced: its connection is. During the restore the store
reads the verified backup through a read-only connection (anything a screen reads meanwhile is
what the restore brings back; a write is refused as read-only, never lost in a file about to be
replaced); the restore runs in a worker with no connection of its own; then the store's
connection is reopened on the restored database (migrated, recovery settled) and the window
signs out, so everyone signs in again against the restored accounts and roles.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop.domain import clock
from onestop_desktop.domain.formats import fmt_size
from onestop_desktop.domain.text import fold
from onestop_desktop.errors import OneStopError, StorageError
from onestop_desktop.paths import DataDir
from onestop_desktop.services import backup, backups_view, search
from onestop_desktop.services.backup import RestoreCheck, RestoreResult
from onestop_desktop.services.backups_view import BackupEntry
from onestop_desktop.services.context import Session
from onestop_desktop.store.backup import BackupInfo
from onestop_desktop.store.backup_peek import Peek, peek
from onestop_desktop.ui.admin.common import RIGHT, MessageLine, RowsModel, table_view
from onestop_desktop.ui.i18n import error_text, fmt, translate_message
from onestop_desktop.ui.live_texts import LiveTexts
from onestop_desktop.ui.workers import Job, Worker

CONFIRM_WORD = "khoi phuc"
"""What the admin types to confirm a restore, folded («khôi phục», «KHOI PHUC» both match)."""


def data_dir(session: Session) -> DataDir:
    path = session.store.path
    if path is None:
        raise StorageError("Cơ sở dữ liệu trong bộ nhớ không sao lưu được")
    return DataDir(path.parent)


class BackupsModel(RowsModel[BackupEntry]):
    """The backup files, newest first."""

    COL_DATE, COL_FILE, COL_SIZE, COL_DOSSIERS, COL_SCANS = range(5)

    def headers(self) -> list[str]:
        return [
            self.tr("Ngày giờ"),
            self.tr("Tệp"),
            self.tr("Dung lượng"),
            self.tr("Số hồ sơ"),
            self.tr("Tệp quét"),
        ]

    def cell(self, row: BackupEntry, column: int) -> str:
        if column == self.COL_DATE:
            return clock.fmt_datetime(row.file.modified)
        if column == self.COL_FILE:
            if not row.file.complete:
                return fmt(self.tr("%1 (chưa hoàn tất, không dùng được)"), row.path.name)
            return row.path.name
        if column == self.COL_SIZE:
            return fmt_size(row.file.size)
        if column == self.COL_DOSSIERS:
            return "" if row.dossiers is None else clock.fmt_int(row.dossiers)
        if column == self.COL_SCANS:
            if row.scans is None:
                return ""
            if row.scans_missing:
                return fmt(
                    self.tr("%1 (thiếu %2)"),
                    clock.fmt_int(row.scans),
                    clock.fmt_int(row.scans_missing),
                )
            return clock.fmt_int(row.scans)
        return ""

    def tooltip(self, row: BackupEntry, column: int) -> str | None:
        if column == self.COL_SCANS and row.scans_missing:
            return fmt(
                self.tr(
                    "%1 tệp quét mà bản sao lưu này ghi tên không có trong kho tệp quét bên cạnh "
                    "nó: khôi phục bản này sẽ không mang lại được các tệp đó"
                ),
                clock.fmt_int(row.scans_missing),
            )
        return str(row.path) if column == self.COL_FILE else None

    def align(self, column: int) -> Qt.AlignmentFlag:
        if column in (self.COL_SIZE, self.COL_DOSSIERS, self.COL_SCANS):
            return RIGHT
        return super().align(column)


class RestoreDialog(QDialog):
    """The restore's confirmation: the consequences in words, and «khôi phục» to type.

    ``check`` is ``services.backup.check_restore``'s answer (the backup verified whole, and
    whether it is this station's own); ``peek`` what the backup holds.
    """

    def __init__(
        self,
        path: Path,
        check: RestoreCheck,
        peek: Peek,
        current_dossiers: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.live = LiveTexts(self)
        self.setObjectName("RestoreDialog")
        self.live(lambda: self.setWindowTitle(self.tr("Khôi phục từ bản sao lưu")))
        self.other_station = not check.same_station
        last = (
            clock.fmt_datetime(clock.parse_iso(peek.last_event_at))
            if peek.last_event_at
            else self.tr("không rõ")
        )
        now = (
            clock.fmt_int(current_dossiers) if current_dossiers is not None else self.tr("không rõ")
        )
        held = clock.fmt_int(peek.dossiers) if peek.dossiers is not None else self.tr("không rõ")
        text = fmt(
            self.tr(
                "Bản sao lưu %1 đã được kiểm tra: nguyên vẹn, %2 hồ sơ, ghi lần cuối lúc %3.\n\n"
                "Khôi phục sẽ THAY TOÀN BỘ dữ liệu đang dùng của máy trạm (hiện có %4 hồ sơ) "
                "bằng bản sao lưu này. Mọi hồ sơ, tài khoản, thiết lập và thay đổi ghi sau "
                "%3 sẽ không còn trong dữ liệu đang dùng.\n\n"
                "Cơ sở dữ liệu hiện tại không bị xóa: nó được giữ nguyên bên cạnh với tên "
                "onestop.db.replaced-… để có thể lấy lại.\n\n"
                "Sau khi khôi phục, chương trình đăng xuất; mọi người đăng nhập lại bằng tài "
                "khoản có trong bản sao lưu."
            ),
            path.name,
            held,
            last,
            now,
        )
        if self.other_station:
            reasons = "; ".join(translate_message(m) for m in check.problems)
            text += "\n\n" + fmt(
                self.tr(
                    "CẢNH BÁO: bản sao lưu này không phải của máy trạm này (%1). Nếu vẫn khôi "
                    "phục, máy này tiếp tục chuỗi sự kiện với tư cách máy trạm %2 của đơn vị %3; "
                    "khóa ký trong thư mục keys/ không ký được cho máy trạm đó (phải chép khóa "
                    "của máy trạm đó vào trước khi đồng bộ), và không được để hai máy cùng chạy "
                    "một số máy trạm."
                ),
                reasons,
                check.backup.station_id if check.backup.station_id is not None else "?",
                check.backup.unit_code or "?",
            )
        self.consequences = QLabel(text)
        self.consequences.setObjectName("restoreConsequences")
        self.consequences.setWordWrap(True)
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setObjectName("restoreConfirmEdit")
        self.live(lambda: self.confirm_edit.setPlaceholderText(self.tr("khôi phục")))
        self.buttons = QDialogButtonBox()
        self.restore_button = self.buttons.addButton(
            self.tr("Khôi phục"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setEnabled(False)
        cancel = self.buttons.addButton(self.tr("Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setDefault(True)
        self.restore_button.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.confirm_edit.textChanged.connect(self._check)
        layout = QVBoxLayout(self)
        layout.addWidget(self.consequences)
        layout.addWidget(QLabel(self.tr("Gõ «khôi phục» vào ô dưới đây để xác nhận:")))
        layout.addWidget(self.confirm_edit)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    def confirmed(self) -> bool:
        return fold(self.confirm_edit.text()).strip() == CONFIRM_WORD

    def _check(self) -> None:
        self.restore_button.setEnabled(self.confirmed())

    def accept(self) -> None:
        if self.confirmed():  # Enter in the field must not skip the typed word
            super().accept()


def _check(data: DataDir, path: Path) -> object:
    """The worker's part of the first step: verify the backup, say whose it is, peek inside."""
    return backup.check_restore(data, path), peek(path)


class BackupScreen(QWidget):
    """The backups list and its three actions (see the module docstring)."""

    # The database was restored and reopened; the window signs out.
    restored = Signal()
    # «Sao lưu ngay» wrote a backup (the window's status bar shows it at once).
    backed_up = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.live = LiveTexts(self)
        self.setObjectName("AdminBackupScreen")
        self._session = session
        self._worker: Worker[object] | None = None
        self.dialog: RestoreDialog | None = None
        self.progress: QProgressDialog | None = None
        self.kept: Path | None = None
        self._checking: Path | None = None
        self._pending_reload = False

        title = QLabel()
        self.live(lambda: title.setText(self.tr("Sao lưu và khôi phục")))
        title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.folder_label = QLabel()
        self.folder_label.setObjectName("backupFolder")
        self.folder_label.setWordWrap(True)
        self.model = BackupsModel(self)
        self.table = table_view(self.model, "backupsTable", stretch=BackupsModel.COL_FILE)
        self.backup_button = QPushButton()
        self.live(lambda: self.backup_button.setText(self.tr("&Sao lưu ngay")))
        self.backup_button.setObjectName("backupNowButton")
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button = QPushButton()
        self.live(lambda: self.restore_button.setText(self.tr("&Khôi phục bản đã chọn…")))
        self.restore_button.setObjectName("restoreSelectedButton")
        self.restore_button.clicked.connect(self.restore_selected)
        self.reload_button = QPushButton()
        self.live(lambda: self.reload_button.setText(self.tr("Tải &lại danh sách")))
        self.reload_button.setObjectName("reloadBackupsButton")
        self.reload_button.clicked.connect(self.reload)
        self.message = MessageLine("backupMessage")
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.reload_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.folder_label)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.setFocusProxy(self.table)
        try:
            self._folder: Path | None = backup.default_folder(data_dir(session))
            self.live(
                lambda: self.folder_label.setText(fmt(self.tr("Thư mục sao lưu: %1"), self._folder))
            )
        except OneStopError as exc:
            self._folder = None
            self.message.refused(exc)
        self._add_place_choice(buttons)  # automatic backups (#14)
        self.reload()

    # --- automatic backups (#14): the list can show the second place's backups too

    def _add_place_choice(self, buttons: QHBoxLayout) -> None:
        """A choice between the data folder's ``backups/`` and the second place
        (``backup_second_folder``), when one is set: restoring from the stick picks from its
        list, with the same date, size and counts."""
        from PySide6.QtWidgets import QComboBox

        from onestop_desktop.services import autobackup

        self.place_box = QComboBox()
        self.place_box.setObjectName("backupPlace")
        second = autobackup.second_folder(self._session)
        if self._folder is None or second is None:
            self.place_box.hide()
            return
        self.place_box.addItem(self.tr("Thư mục dữ liệu"), str(self._folder))
        self.place_box.addItem(self.tr("Nơi sao lưu thứ hai"), str(second))
        self.place_box.currentIndexChanged.connect(self._place_changed)
        buttons.insertWidget(buttons.count() - 1, self.place_box)

    def _place_changed(self, index: int) -> None:
        folder = Path(str(self.place_box.itemData(index)))
        self._folder = folder
        self.folder_label.setText(fmt(self.tr("Thư mục sao lưu: %1"), folder))
        if not folder.is_dir():
            self.model.set_rows([])
            self.message.done(self.tr("Không thấy thư mục này (USB chưa cắm?)"))
            return
        if self.reload() is None:
            self._pending_reload = True

    # --- end automatic backups (#14)

    # ------------------------------------------------------------------ workers

    def worker(self) -> Worker[object] | None:
        return self._worker

    def _start(
        self,
        task: Callable[[Job], object],
        on_success: Callable[[object], None],
        *,
        session: bool = True,
    ) -> Worker[object] | None:
        if self._worker is not None:
            self.message.done(self.tr("Đang làm việc khác, xin chờ…"))
            return None
        worker: Worker[object] = Worker(
            task,
            session=self._session if session else None,
            parent=self,
            show_errors=False,
        )
        worker.succeeded.connect(on_success)
        worker.failed.connect(self.message.refused)
        worker.finished.connect(self._finished)
        self._worker = worker
        for button in (self.backup_button, self.restore_button, self.reload_button):
            button.setEnabled(False)
        return worker.start()

    def _finished(self) -> None:
        worker, self._worker = self._worker, None
        for button in (self.backup_button, self.restore_button, self.reload_button):
            button.setEnabled(True)
        if worker is not None:
            worker.deleteLater()
        if self._pending_reload:
            self._pending_reload = False
            self.reload()

    # ------------------------------------------------------------------ list and backup

    def reload(self) -> Worker[object] | None:
        folder = self._folder
        if folder is None:
            return None

        def task(job: Job) -> object:
            return backups_view.overview(job.session, folder)

        return self._start(task, self._listed)

    def _listed(self, rows: object) -> None:
        assert isinstance(rows, list)
        self.model.set_rows(rows)
        if rows:
            self.table.selectRow(0)

    def backup_now(self) -> Worker[object] | None:
        self.message.done(self.tr("Đang sao lưu…"))

        def task(job: Job) -> object:
            return backup.backup_now(job.session, data_dir(job.session))

        return self._start(task, self._backed_up)

    def _backed_up(self, info: object) -> None:
        assert isinstance(info, BackupInfo)
        self.message.done(
            fmt(
                self.tr("Đã sao lưu %1 hồ sơ vào tệp %2"),
                clock.fmt_int(info.dossiers),
                info.path.name,
            )
        )
        self._pending_reload = True  # listed again once this worker has finished
        self.backed_up.emit()

    # ------------------------------------------------------------------ restore

    def current_entry(self) -> BackupEntry | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def restore_selected(self) -> Worker[object] | None:
        """Verify the chosen backup (in a worker), then ask with :class:`RestoreDialog`."""
        entry = self.current_entry()
        if entry is None:
            return None
        try:
            self._session.require(backup.MANAGE_PERMISSION)
        except OneStopError as exc:
            self.message.refused(exc)
            return None
        try:
            data = data_dir(self._session)
        except OneStopError as exc:
            self.message.refused(exc)
            return None
        self.message.done(fmt(self.tr("Đang kiểm tra bản sao lưu %1…"), entry.path.name))
        path = entry.path
        self._checking = path
        return self._start(lambda _job: _check(data, path), self._verified, session=False)

    def _verified(self, found: object) -> None:
        assert isinstance(found, tuple) and self._checking is not None
        check, seen = found
        path = self._checking
        try:
            current: int | None = search.count_all(self._session)
        except OneStopError:
            current = None
        self.message.done("")
        if self.dialog is not None:  # kept until the next one (PySide6 and closures)
            self.dialog.deleteLater()
        dialog = RestoreDialog(path, check, seen, current, self)
        dialog.accepted.connect(lambda: self.restore(path, other_station=dialog.other_station))
        self.dialog = dialog
        dialog.open()

    def restore(self, path: Path, *, other_station: bool = False) -> Worker[object] | None:
        """Replace the database by the verified backup ``path`` (after the confirmation;
        ``other_station`` when the admin confirmed a backup that is not this station's)."""
        try:
            self._session.require(backup.MANAGE_PERMISSION)
            data = data_dir(self._session)
        except OneStopError as exc:
            self.message.refused(exc)
            return None
        from onestop_desktop.store.backup_peek import open_read_only

        store = self._session.store
        try:
            stand_in = open_read_only(path)
        except OneStopError as exc:
            self.message.refused(exc)
            return None
        store.db.conn.close()
        store.db = stand_in.db
        self.progress = QProgressDialog(
            self.tr("Đang khôi phục dữ liệu, xin đừng tắt máy…"), "", 0, 0, self
        )
        self.progress.setObjectName("restoreProgress")
        self.progress.setCancelButton(None)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.show()

        def task(_job: Job) -> object:
            return backup.restore_station(data, path, other_station=other_station)

        worker = self._start(task, self._restored, session=False)
        if worker is not None:
            worker.failed.connect(self._reopen)
            worker.crashed.connect(self._reopen)
        return worker

    def _reopen(self) -> bool:
        """Put the store's connection back on the station database (restored or not)."""
        from onestop_desktop.store.db import Store, WriteGuard

        store = self._session.store
        assert store.path is not None
        if self.progress is not None:
            self.progress.close()
            self.progress = None
        try:
            fresh = Store.open(store.path, integrity="none")
        except OneStopError as exc:
            self.message.setText(
                fmt(
                    self.tr(
                        "Không mở lại được cơ sở dữ liệu: %1. Hãy đóng và mở lại chương trình."
                    ),
                    error_text(exc),
                )
            )
            return False
        store.db.conn.close()
        store.db = fresh.db
        store.restore_outcome = fresh.restore_outcome
        store.write_guard = WriteGuard()  # the restored file verified whole
        return True

    def _restored(self, result: object) -> None:
        assert isinstance(result, RestoreResult)
        self.kept = result.kept
        if not self._reopen():
            return
        where = self.kept.name if self.kept is not None else self.tr("(không có bản cũ)")
        self.message.done(
            fmt(
                self.tr("Đã khôi phục. Cơ sở dữ liệu cũ được giữ tại %1. Hãy đăng nhập lại."), where
            )
        )
        self.restored.emit()
