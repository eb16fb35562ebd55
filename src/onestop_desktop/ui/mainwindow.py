"""The main window: the shell every counter screen lives in.

- A menu bar and a toolbar built from the one shortcut table (``ui/shortcuts.py``); Help →
  "Phím tắt" lists that same table.
- A stacked area (:class:`QStackedWidget`) of screens; the worklist (``ui/worklist_screen.py``) is
  the first. :meth:`MainWindow.add_screen` and :meth:`MainWindow.show_screen` are how the intake,
  dossier, dashboard and admin screens of the next issues plug in.
- A status bar: who is signed in, their role, the station, the dossier count, and what the
  current screen shows.
- "Sao lưu ngay" runs the backup in a background worker (``ui/workers.py``) with a busy
  indicator, so the counter keeps working.
- If the background integrity check (``ui/integrity.py``) finds the database damaged, a red
  banner says so and what to do; writes are already blocked by the store.
- The window's size and place, and the worklist's columns, are remembered (QSettings).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop import __version__
from onestop_desktop.errors import OneStopError, StorageError
from onestop_desktop.paths import DataDir
from onestop_desktop.services import search
from onestop_desktop.services.context import Session
from onestop_desktop.services.views import DossierSummary
from onestop_desktop.ui import msgbox
from onestop_desktop.ui.dossier_view import DossierView  # dossier view (#9)
from onestop_desktop.ui.i18n import error_text, fmt
from onestop_desktop.ui.labels import role_text
from onestop_desktop.ui.models.worklist import WorklistModel
from onestop_desktop.ui.shortcuts import MENUS, SHORTCUTS, ShortcutsDialog, menu_title
from onestop_desktop.ui.workers import Job, Worker
from onestop_desktop.ui.worklist_screen import WorklistScreen

if TYPE_CHECKING:  # sign-in, lock, language (#9): loaded when first used
    from PySide6.QtWidgets import QDialog

    from onestop_desktop.ui.lockscreen import IdleLock

if TYPE_CHECKING:  # sync bundles (#12)
    from pathlib import Path

log = logging.getLogger(__name__)

# QSettings keys (UI state only; business settings live in the database).
GEOMETRY_KEY = "mainwindow/geometry"
STATE_KEY = "mainwindow/state"
WORKLIST_COLUMNS_KEY = "worklist/header"

# The size on first start, if the screen has room; never more than the screen offers.
PREFERRED_SIZE = QSize(1280, 760)
MINIMUM_SIZE = QSize(800, 560)
FRAME_ALLOWANCE = QSize(16, 48)


def data_folder(session: Session) -> DataDir:
    """The data folder of the session's database (the backup goes into its ``backups/``)."""
    database = session.store.path
    if database is None:
        raise StorageError("Cơ sở dữ liệu trong bộ nhớ không sao lưu được")
    return DataDir(database.parent)


def run_backup(job: Job) -> object:
    """The backup task (worker thread, own store): ``services.backup.backup_now``, the same
    verified copy into ``backups/`` as ``onestop backup``."""
    from onestop_desktop.services import backup

    job.progress(0, 0)
    return backup.backup_now(job.session, data_folder(job.session))


class MainWindow(QMainWindow):
    """The counter's main window for one signed-in :class:`Session`."""

    # Enter or double-click on a worklist row: the :class:`DossierSummary` to open.
    dossierActivated = Signal(object)
    # The clerk chose "Đăng xuất": the window closes and the app asks who signs in next.
    signedOut = Signal()
    # The current screen changed; its id.
    screenChanged = Signal(str)
    # Someone (another process, another window, a worker) wrote to the database: screens that
    # show data re-read it (ui/datawatch.py polls PRAGMA data_version every second). (#9)
    dataChanged = Signal()

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._settings = settings if settings is not None else QSettings()
        self._count: int | None = None
        self._signing_out = False
        self._closed = False
        self._backup: Worker[object] | None = None
        self._screens: dict[str, QWidget] = {}
        self.setObjectName("MainWindow")

        # --- the stacked area, the worklist first
        self.stack = QStackedWidget()
        self.stack.setObjectName("screens")
        self.banner = QLabel()
        self.banner.setObjectName("integrityBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "background: #b00020; color: white; padding: 8px; font-weight: bold;"
        )
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.hide()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.worklist = WorklistScreen(session)
        self.add_screen("worklist", self.worklist)
        self.worklist.dossierActivated.connect(self.dossierActivated)
        self.worklist.message.connect(self._show_message)
        self.worklist.modeChanged.connect(self._update_mode)
        self.model.failed.connect(self._show_failure)
        # --- dossier view (#9)
        self.dossier_view = DossierView(session)
        self.add_screen("dossier", self.dossier_view)
        self.dossier_view.backRequested.connect(self.back_to_worklist)
        self.dossier_view.changed.connect(self._dossier_changed)
        self.dossier_view.message.connect(self._show_message)
        self.dossierActivated.connect(self._open_activated)
        self.search_box.returnPressed.connect(self._open_scanned_code)

        # --- status bar
        self.mode_label = QLabel()
        self.mode_label.setObjectName("modeLabel")
        self.mode_label.setContentsMargins(6, 0, 6, 0)
        self.user_label = QLabel()
        self.user_label.setObjectName("userLabel")
        self.role_label = QLabel()
        self.role_label.setObjectName("roleLabel")
        self.station_label = QLabel()
        self.station_label.setObjectName("stationLabel")
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.busy = QProgressBar()
        self.busy.setObjectName("busyIndicator")
        self.busy.setMaximumWidth(160)
        self.busy.setTextVisible(False)
        self.busy.hide()
        bar = self.statusBar()
        bar.addWidget(self.mode_label, 1)
        bar.addPermanentWidget(self.busy)
        for label in (self.user_label, self.role_label, self.station_label, self.count_label):
            label.setContentsMargins(8, 0, 8, 0)
            bar.addPermanentWidget(label)
        # --- backups (#14): the last good backup in the status bar, the daily automatic backups
        from onestop_desktop.ui import backup_status

        self.backup_status = backup_status.install(session, self, self._show_message)
        if self.backup_status is not None:
            bar.addPermanentWidget(self.backup_status)
        # --- end backups (#14)

        # --- menus and toolbar, from the one table
        self.actions_by_id: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        self._build_actions()
        # --- admin screens (#9)
        self._apply_admin_permissions()
        # --- end admin screens (#9)

        # --- worklist auto-refresh, dashboard (#9)
        self._setup_datawatch()
        # --- end worklist auto-refresh, dashboard (#9)
        self.stack.currentChanged.connect(self._on_screen_changed)
        self.setMinimumSize(MINIMUM_SIZE)
        self._restore_state()
        self.refresh_count()
        self._retranslate()
        if self.model.last_error():  # the first page was refused before we listened
            self._show_failure(self.model.last_error())
        self.search_box.setFocus(Qt.FocusReason.OtherFocusReason)
        # --- sign-in, lock, language (#9)
        self._switching_user = False
        self.idle_lock = self._make_idle_lock()
        # --- intake (#9): a draft left by a power cut is offered back once the window is up
        from PySide6.QtCore import QTimer

        self.intake_dialog: QWidget | None = None
        QTimer.singleShot(0, self._offer_draft_at_start)
        # --- end intake (#9)
        # --- scanner intake (#11): start-up sweep of attachments, the scanner inbox dock
        self.scanner_inbox: QWidget | None = None
        QTimer.singleShot(0, self._start_scanning)
        # --- end scanner intake (#11)

    # ------------------------------------------------------------------ screens

    def add_screen(self, screen_id: str, widget: QWidget) -> None:
        """Put a screen in the stacked area (shown with :meth:`show_screen`)."""
        if screen_id in self._screens:
            raise ValueError(f"screen {screen_id!r} is already there")
        widget.setProperty("screenId", screen_id)
        self._screens[screen_id] = widget
        self.stack.addWidget(widget)

    def show_screen(self, screen_id: str) -> QWidget:
        """Bring the screen ``screen_id`` to the front and give it the focus."""
        widget = self._screens[screen_id]
        self.stack.setCurrentWidget(widget)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return widget

    def current_screen(self) -> str:
        widget = self.stack.currentWidget()
        return str(widget.property("screenId")) if widget is not None else ""

    def screen_ids(self) -> list[str]:
        return list(self._screens)

    # ------------------------------------------------------------------ public API

    def session(self) -> Session:
        return self._session

    def count(self) -> int | None:
        """The station's dossier count shown in the status bar (``None`` if unknown)."""
        return self._count

    @property
    def model(self) -> WorklistModel:
        """The worklist's model (see :class:`WorklistScreen`)."""
        return self.worklist.model

    @property
    def search_box(self) -> QLineEdit:
        return self.worklist.search_box

    @property
    def table(self) -> QTableView:
        return self.worklist.table

    def search_pending(self) -> bool:
        return self.worklist.search_pending()

    def apply_search(self) -> None:
        self.worklist.apply_search()

    def select_code(self, code: str) -> bool:
        return self.worklist.select_code(code)

    def select_row(self, row: int) -> None:
        self.worklist.select_row(row)

    def current_dossier(self) -> DossierSummary | None:
        return self.worklist.current_dossier()

    def refresh_count(self) -> None:
        try:
            self._count = search.count_all(self._session)
        except OneStopError as exc:
            log.warning("count failed: %s", exc)
            self._count = None
            self._show_failure(error_text(exc))
        self._update_status()

    # ------------------------------------------------------------------ commands (the table)

    def show_worklist(self) -> None:
        """Ctrl+1: the worklist screen."""
        self.show_screen("worklist")

    def focus_search(self) -> None:
        """Ctrl+F: the worklist, cursor in the search box, its text selected."""
        self.show_screen("worklist")
        self.worklist.focus_search()

    def clear_search(self) -> None:
        """Esc: empty the search box and show the whole worklist."""
        if self.current_screen() == "worklist":
            self.worklist.clear_search()

    def refresh(self) -> None:
        """F5: reload the rows and the count."""
        self.worklist.refresh()
        self.refresh_count()

    def backup_now(self) -> Worker[object] | None:
        """Ctrl+B: a verified backup into ``backups/``, in the background; the worker."""
        if self._backup is not None:
            self._show_message(self.tr("Đang sao lưu, xin chờ…"), 5000)
            return None
        worker: Worker[object] = Worker(run_backup, session=self._session, parent=self)
        worker.succeeded.connect(self._backup_succeeded)
        worker.progressed.connect(self._backup_progress)
        worker.finished.connect(self._backup_finished)
        self._backup = worker
        self.actions_by_id["backup"].setEnabled(False)
        self.busy.setRange(0, 0)
        self.busy.show()
        self._show_message(self.tr("Đang sao lưu cơ sở dữ liệu…"), 0)
        return worker.start()

    def _backup_made(self) -> None:
        """A backup was just written: the status bar's «Sao lưu: …» says so now, not at its
        next poll (up to 10 s later, still «Chưa có bản sao lưu nào» meanwhile)."""
        if self.backup_status is not None:
            self.backup_status.refresh()

    def backup_worker(self) -> Worker[object] | None:
        """The running backup, if any."""
        return self._backup

    def sign_out(self) -> None:
        """Ctrl+Shift+L: close the window; the app shows the sign-in window again."""
        self._signing_out = True
        self._backup_at_sign_out()  # backups (#14)
        if not self.close():
            self._signing_out = False

    def signed_out(self) -> bool:
        """Whether the window closed because the clerk signed out (not quit)."""
        return self._signing_out

    def show_shortcuts(self) -> ShortcutsDialog:
        """F1: every command and its key."""
        dialog = ShortcutsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_about(self) -> QMessageBox:
        """Shift+F1: what this program is, its version and the station."""
        box = QMessageBox(self)
        box.setObjectName("aboutBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Giới thiệu — OneStop Desktop"))
        station = self._session.station
        box.setText(
            fmt(
                self.tr(
                    "OneStop Desktop %1\n"
                    "Phần mềm Bộ phận Một cửa cấp xã, chạy được khi không có mạng.\n"
                    "Đơn vị: %2 (%3), máy trạm %4."
                ),
                __version__,
                station.unit_name or station.unit_code,
                station.unit_code,
                station.station_id,
            )
        )
        close = box.addButton(self.tr("Đóng"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(close)
        box.open()
        return box

    # ------------------------------------------------------------------ integrity (defect 10)

    def show_integrity_problem(self, error: StorageError) -> None:
        """The background check found the database damaged: say so and what to do."""
        self.banner.setText(error_text(error))
        self.banner.show()
        msgbox.open_error(error, self, title=self.tr("Cơ sở dữ liệu bị hỏng — OneStop Desktop"))

    # ------------------------------------------------------------------ slots

    def _backup_progress(self, done: int, total: int, _text: str) -> None:
        if total > 0:
            self.busy.setRange(0, total)
            self.busy.setValue(done)

    def _backup_succeeded(self, info: object) -> None:
        from onestop_desktop.store.backup import BackupInfo

        assert isinstance(info, BackupInfo)
        log.info("backup written: %s", info.path)
        self._backup_made()
        # The file name only: a whole path does not fit the status bar at 1024×768 (the
        # folder is always the data folder's backups/, and the log has the full path).
        self._show_message(
            fmt(
                self.tr("Đã sao lưu %1 hồ sơ vào tệp %2 (thư mục backups)"),
                self.locale().toString(info.dossiers),
                info.path.name,
            ),
            0,
        )

    def _backup_finished(self) -> None:
        worker, self._backup = self._backup, None
        self.busy.hide()
        self.actions_by_id["backup"].setEnabled(True)
        if worker is not None:
            if worker.error() is not None:
                self._show_message(self.tr("Sao lưu không thành công"), 10000)
            worker.deleteLater()

    def _on_screen_changed(self, _index: int) -> None:
        self._update_mode()
        self.screenChanged.emit(self.current_screen())

    def _update_mode(self) -> None:
        if self.current_screen() == "worklist":
            self.mode_label.setText(self.worklist.mode_text())
        else:
            self.mode_label.clear()

    def _show_message(self, text: str, timeout: int) -> None:
        if text:
            self.statusBar().showMessage(text, timeout)
        else:
            self.statusBar().clearMessage()

    def _show_failure(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._backup is not None and self._backup.is_running():
            # The backup holds its own connection; let it finish rather than cut it off.
            self._show_message(self.tr("Đang sao lưu, xin chờ sao lưu xong rồi thoát"), 5000)
            event.ignore()
            return
        self._save_state()
        self._closed = True
        self.datawatch.stop()  # worklist auto-refresh (#9): its read connection closes
        if self.backup_status is not None:  # backups (#14): no automatic backup left running
            self.backup_status.stop()
        self._close_public_board()  # public board (#13): it closes with the counter's window
        super().closeEvent(event)

    # ------------------------------------------------------------------ build and look

    def _build_actions(self) -> None:
        menubar = self.menuBar()
        for menu_id, _title in MENUS:
            menu = menubar.addMenu("")
            menu.setObjectName(f"menu_{menu_id}")
            self.menus[menu_id] = menu
        for item in SHORTCUTS:
            action = QAction(self)
            action.setObjectName(item.action_id)
            action.setShortcut(item.key_sequence())
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(getattr(self, item.handler))
            self.addAction(action)  # the key works even with the menu bar hidden
            self.menus[item.menu].addAction(action)
            if item.toolbar:
                self.toolbar.addAction(action)
            self.actions_by_id[item.action_id] = action

    def _retranslate_actions(self) -> None:
        for menu_id, menu in self.menus.items():
            menu.setTitle(menu_title(menu_id))
        for item in SHORTCUTS:
            action = self.actions_by_id[item.action_id]
            action.setText(item.text())
            keys = item.key_sequence().toString()
            action.setToolTip(fmt(self.tr("%1 (%2)"), item.plain_text(), keys))
            action.setIconText(item.plain_text())

    def _restore_state(self) -> None:
        geometry = self._settings.value(GEOMETRY_KEY)
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self.resize(self._first_size())
        state = self._settings.value(STATE_KEY)
        if isinstance(state, QByteArray):
            self.restoreState(state)
        self.worklist.restore_header_state(self._settings.value(WORKLIST_COLUMNS_KEY))

    def _first_size(self) -> QSize:
        screen = self.screen()
        # Leave room for the window manager's frame and title bar (Qt sizes the inside): at
        # 1024×768 a window as tall as the screen would hide its status bar.
        room = screen.availableGeometry().size() - FRAME_ALLOWANCE
        return PREFERRED_SIZE.boundedTo(room).expandedTo(MINIMUM_SIZE.boundedTo(room))

    def _save_state(self) -> None:
        self._settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self._settings.setValue(STATE_KEY, self.saveState())
        self._settings.setValue(WORKLIST_COLUMNS_KEY, self.worklist.header_state())
        self._settings.sync()

    def _update_status(self) -> None:
        actor = self._session.actor
        station = self._session.station
        self.user_label.setText(fmt(self.tr("Cán bộ: %1 (%2)"), actor.full_name, actor.username))
        self.role_label.setText(fmt(self.tr("Vai trò: %1"), role_text(actor.role)))
        self.station_label.setText(
            fmt(self.tr("Máy trạm %1 · %2"), station.station_id, station.unit_code)
        )
        if self._count is None:
            self.count_label.setText(self.tr("Không đếm được hồ sơ"))
        else:
            self.count_label.setText(self.tr("%Ln hồ sơ", "", self._count))
        self._update_mode()

    def _retranslate(self) -> None:
        unit = self._session.station.unit_name or self._session.station.unit_code
        # Qt appends the application's display name ("OneStop Desktop") to a title that does
        # not end with it; ending with it here shows the name once.
        self.setWindowTitle(fmt(self.tr("%1 — OneStop Desktop"), unit))
        self._retranslate_actions()
        self._update_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # --- sign-in, lock, language (#9)

    def _make_idle_lock(self) -> IdleLock:
        """The idle lock with the station's ``idle_lock_minutes`` (see ``ui/lockscreen.py``)."""
        from onestop_desktop.services.settings import IDLE_LOCK_MINUTES
        from onestop_desktop.ui.lockscreen import IdleLock, idle_minutes

        try:
            minutes = idle_minutes(self._session)
        except OneStopError as exc:  # a hand-edited value: lock at the default, say why
            log.warning("idle_lock_minutes unreadable: %s", exc)
            minutes = IDLE_LOCK_MINUTES.default
        lock = IdleLock(self, self._session, minutes)
        lock.switchUserRequested.connect(self.switch_user)
        return lock

    def lock_now(self) -> None:
        """Ctrl+L: cover the window at once; the clerk's password opens it again."""
        self.idle_lock.lock()

    def switch_user(self) -> None:
        """Ctrl+Shift+U: end this session; the app asks who signs in and rebuilds the window."""
        self._switching_user = True
        self.idle_lock.screen.hide()
        self.sign_out()
        if not self._signing_out:  # the close was refused (a backup still running)
            self._switching_user = False

    def switched_user(self) -> bool:
        """Whether the window closed for "Đăng nhập người khác" (the next sign-in starts empty)."""
        return self._switching_user

    def choose_language(self) -> QDialog:
        """Ctrl+Alt+L: Vietnamese or English, kept in QSettings and applied at once."""
        from onestop_desktop.ui.language import LanguageDialog

        dialog = LanguageDialog(self, settings=self._settings)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # --- end (#9)

    # --- sync bundles (#12)

    def sync_runner(self) -> object:
        """The export/import runner of this window (made on first use)."""
        from onestop_desktop.ui.sync_dialogs import SyncRunner

        runner = getattr(self, "_sync_runner", None)
        if runner is None:
            runner = SyncRunner(self._session, self)
            self._sync_runner = runner
        return runner

    def export_sync_bundle(self, folder: Path | None = None) -> object:
        """Ctrl+Alt+E: this station's events not yet acknowledged, to a folder (the stick)."""
        from onestop_desktop.ui.sync_dialogs import SyncRunner, ask_export_folder

        folder = folder or ask_export_folder(self)
        runner = self.sync_runner()
        assert isinstance(runner, SyncRunner)
        return runner.export_to(folder) if folder is not None else None

    def import_sync_bundle(self, path: Path | None = None) -> object:
        """Ctrl+Alt+I: import a station's bundle (the ack goes beside it) or an ack."""
        from onestop_desktop.ui.sync_dialogs import SyncRunner, ask_import_file

        path = path or ask_import_file(self)
        runner = self.sync_runner()
        assert isinstance(runner, SyncRunner)
        return runner.import_file(path) if path is not None else None

    def show_sync_keys(self) -> QWidget | None:
        """Ctrl+Alt+K: this machine's signing key and the keys it trusts (admins); ``None``
        (and the refusal in the status bar) for anyone else."""
        from onestop_desktop.ui.keys_dialog import KeysDialog

        try:
            dialog = KeysDialog(self._session, self)
        except OneStopError as exc:
            self._show_failure(error_text(exc))
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # --- end sync bundles (#12)

    # --- scanner intake (#11)

    def _start_scanning(self) -> None:
        """Compare the stored scans with the event log (logged: ``onestop attachments
        --check`` says the same) and, when this station has a scanner folder, dock its inbox."""
        from onestop_desktop.errors import OneStopError
        from onestop_desktop.services import attachments, scanner_watch

        if self._closed or not self._session.store.is_open:
            return  # closed before the event loop came round to it
        try:
            report = attachments.sweep(self._session)
            if not report.clean:
                log.warning(
                    "attachments: %d file(s) with no event, %d missing",
                    len(report.unreferenced),
                    len(report.missing),
                )
            inbox = scanner_watch.ScannerInbox.for_station(self._session)
        except OneStopError as exc:
            log.warning("scanner intake not started: %s", exc)
            return
        if inbox is None:
            return
        from onestop_desktop.ui.inbox import InboxDock

        dock = InboxDock(self._session, inbox, self._open_dossier_id, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.dossier_view.pages.assign_hook = dock.take
        dock.start()
        self.scanner_inbox = dock

    def _open_dossier_id(self) -> str | None:
        """The dossier shown at the counter now (the inbox assigns to it), if any."""
        if self.stack.currentWidget() is not self.dossier_view:
            return None
        detail = self.dossier_view.detail()
        return detail.id if detail is not None else None

    # --- end scanner intake (#11)

    # --- dossier view (#9)

    def open_dossier(self, key: str) -> bool:
        """Show the dossier view of ``key`` (a code, as scanned, or a UUID); whether it opened.
        A code that matches no dossier says so in the status bar and changes nothing."""
        try:
            self.dossier_view.load(key.strip())
        except OneStopError as exc:
            self._show_message(error_text(exc), 8000)
            return False
        self.show_screen("dossier")
        return True

    def open_by_code(self) -> QWidget:
        """Ctrl+O: ask for a code (a barcode or QR reader types it, then Enter) and open it."""
        from PySide6.QtWidgets import QInputDialog

        dialog = QInputDialog(self)
        dialog.setObjectName("openByCodeDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowTitle(self.tr("Mở hồ sơ theo mã — OneStop Desktop"))
        dialog.setLabelText(self.tr("Mã hồ sơ (gõ hoặc quét mã vạch, mã QR trên giấy tiếp nhận):"))
        dialog.setOkButtonText(self.tr("Mở"))
        dialog.setCancelButtonText(self.tr("Hủy"))
        dialog.textValueSelected.connect(self._open_code_from_dialog)
        dialog.open()
        return dialog

    def _open_code_from_dialog(self, text: str) -> None:
        if not text.strip():
            return
        try:
            self.dossier_view.load(text.strip())
        except OneStopError as exc:
            msgbox.open_error(exc, self)
            return
        self.show_screen("dossier")

    def back_to_worklist(self) -> None:
        """Alt+Left / "Quay lại": the worklist again, the dossier just seen selected."""
        if self.current_screen() != "dossier":
            return
        self.show_screen("worklist")
        detail = self.dossier_view.detail()
        if detail is not None:
            row = self.model.row_of_code(detail.code)
            if row is not None:
                self.select_row(row)
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def print_dossier_slip(self) -> bool:
        """Ctrl+P: reprint the receipt of the open dossier (or of the selected row), as a copy."""
        if self.current_screen() != "dossier":
            dossier = self.current_dossier()
            if dossier is None or not self.open_dossier(dossier.id):
                self._show_message(self.tr("Chọn một hồ sơ để in lại phiếu"), 5000)
                return False
        return self.dossier_view.print_slip("receipt", copy=True)

    def _open_activated(self, dossier: object) -> None:
        if isinstance(dossier, DossierSummary):
            self.open_dossier(dossier.id)

    def _open_scanned_code(self) -> None:
        """Enter in the search box on text that is exactly a dossier's code opens it (the
        worklist has just selected that row)."""
        text = self.search_box.text().strip()
        current = self.current_dossier()
        if text and current is not None and current.code.upper() == text.upper():
            self.open_dossier(current.id)

    def _dossier_changed(self, _summary: object) -> None:
        """An action was recorded in the dossier view: the worklist and the count follow."""
        self.refresh()

    # --- end dossier view (#9)

    # --- admin screens (#9)

    def _apply_admin_permissions(self) -> None:
        """The «Quản trị» menu and its keys exist only for whoever the services let manage
        accounts (``Session.may``, the services' own rule); each screen's key also needs its
        screen's permission. Hidden *and* disabled: a disabled action's key does nothing."""
        from onestop_desktop.ui import admin

        allowed = self._session.may(admin.MENU_PERMISSION)
        self.menus["admin"].menuAction().setVisible(allowed)
        for screen_id in admin.SCREEN_IDS:
            action = self.actions_by_id.get(screen_id)
            if action is not None:
                action.setEnabled(allowed and admin.may_open(self._session, screen_id))
        keys = self.actions_by_id.get("sync_keys")
        if keys is not None:
            # services.sync.PERMISSION, named here so the window does not import the signing
            # code (cryptography) before it is used; tests/ui/test_keys_dialog.py checks both.
            keys.setEnabled(self._session.may("sync.manage"))

    def show_admin(self, screen_id: str) -> QWidget | None:
        """Bring an admin screen to the front, made on first use; ``None`` (and the service's
        refusal in the status bar) for a session that may not open it."""
        from onestop_desktop.ui import admin

        # Made once: an admin screen follows a language change by itself (ui/live_texts.py),
        # so what was typed or searched in it is kept.
        if screen_id not in self._screens:
            try:
                widget = admin.make_screen(self._session, screen_id)
            except OneStopError as exc:
                self._show_failure(error_text(exc))
                return None
            self.add_screen(screen_id, widget)
            restored = getattr(widget, "restored", None)
            if restored is not None:  # the backup screen: a restore signs everyone out
                restored.connect(self._admin_restored)
            backed_up = getattr(widget, "backed_up", None)
            if backed_up is not None:  # and its «Sao lưu ngay» is a backup like Ctrl+B's
                backed_up.connect(self._backup_made)
        return self.show_screen(screen_id)

    def show_admin_users(self) -> QWidget | None:
        """Ctrl+Alt+1: staff accounts."""
        return self.show_admin("admin_users")

    def show_admin_catalog(self) -> QWidget | None:
        """Ctrl+Alt+2: the procedure catalogue."""
        return self.show_admin("admin_catalog")

    def show_admin_calendar(self) -> QWidget | None:
        """Ctrl+Alt+3: days off and make-up working days."""
        return self.show_admin("admin_calendar")

    def show_admin_settings(self) -> QWidget | None:
        """Ctrl+Alt+4: the business settings."""
        return self.show_admin("admin_settings")

    def show_admin_backup(self) -> QWidget | None:
        """Ctrl+Alt+5: backups and restore."""
        return self.show_admin("admin_backup")

    def show_admin_audit(self) -> QWidget | None:
        """Ctrl+Alt+6: the event log."""
        return self.show_admin("admin_audit")

    def _admin_restored(self) -> None:
        """The database was replaced by a backup and reopened: sign out, so everyone signs in
        again against the restored accounts (the app shows the sign-in window; the
        confirmation said it would)."""
        log.info("database restored from a backup: signing out")
        self.sign_out()

    # --- end admin screens (#9)

    # --- worklist auto-refresh, filters, dashboard (#9)

    def _setup_datawatch(self) -> None:
        """Poll the database for writes by others; the worklist and the count follow them."""
        from onestop_desktop.ui.datawatch import DataWatch

        self._dashboard: QWidget | None = None
        self.datawatch = DataWatch(self._session.store.path, self)
        self.datawatch.changed.connect(self.dataChanged)
        self.dataChanged.connect(self.worklist.data_changed)
        self.dataChanged.connect(self.refresh_count)

    def focus_filters(self) -> None:
        """Ctrl+Shift+F: the worklist, cursor in its filter bar."""
        self.show_screen("worklist")
        self.worklist.focus_filters()

    def show_dashboard(self) -> QWidget:
        """Ctrl+2: today's and this month's figures, the due-today and overdue lists."""
        if self._dashboard is None:
            from onestop_desktop.ui.dashboard import DashboardScreen

            dashboard = DashboardScreen(self._session)
            dashboard.dossierRequested.connect(self._open_from_dashboard)
            self.dataChanged.connect(dashboard.data_changed)
            self.add_screen("dashboard", dashboard)
            self._dashboard = dashboard
        return self.show_screen("dashboard")

    def _open_from_dashboard(self, dossier: object) -> None:
        """A row of the dashboard's lists: its dossier view, else its row in the worklist."""
        if not isinstance(dossier, DossierSummary):
            return
        opener = getattr(self, "open_dossier", None)
        if callable(opener) and opener(dossier.id):
            return
        self.show_screen("worklist")
        self.worklist.clear_search()
        self.select_code(dossier.code)

    # --- end worklist auto-refresh, filters, dashboard (#9)

    # --- intake (#9)

    def new_intake(self) -> QWidget | None:
        """Ctrl+N: the intake form (``ui/intake.py``); a saved draft is offered back first."""
        return self._open_intake(paper=False)

    def new_paper_intake(self) -> QWidget | None:
        """Ctrl+Shift+N: enter a dossier received on paper during an outage, with its real
        receipt time."""
        return self._open_intake(paper=True)

    def _open_intake(self, *, paper: bool) -> QWidget | None:
        from onestop_desktop.services import drafts
        from onestop_desktop.ui.intake import IntakeDialog

        if not self._session.may("received"):
            self._show_message(self.tr("Tài khoản này không có quyền tiếp nhận hồ sơ"), 10000)
            return None
        if self.intake_dialog is not None:
            self.intake_dialog.raise_()
            self.intake_dialog.activateWindow()
            return self.intake_dialog
        draft = drafts.load(self._session)
        if draft is not None:
            paper = draft.paper  # the draft reopens in the form it was typed in
        try:
            dialog = IntakeDialog(self._session, self, paper=paper)
        except OneStopError as exc:
            msgbox.open_error(exc, self)
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._intake_saved)
        dialog.openDossierRequested.connect(self._intake_open_dossier)
        dialog.finished.connect(self._intake_finished)
        self.intake_dialog = dialog
        dialog.open()
        if draft is not None:
            dialog.offer_draft(draft)
        return dialog

    def _offer_draft_at_start(self) -> None:
        """At start: a draft left behind (power cut, crash) opens the intake and offers it."""
        from onestop_desktop.services import drafts

        wanted = self.intake_dialog is None and self._session.may("received")
        if wanted and drafts.load(self._session) is not None:
            self._open_intake(paper=False)

    def _intake_finished(self, _result: int) -> None:
        self.intake_dialog = None

    def _intake_saved(self, summary: object) -> None:
        """After a save: the worklist shows it, the status bar says its code, the receipt slip
        is offered (``ui/printing.py``, when this build has it)."""
        if not isinstance(summary, DossierSummary):
            return
        self.refresh()
        self.select_code(summary.code)
        due = summary.due_at.strftime("%d/%m/%Y %H:%M") if summary.due_at else "—"
        self._show_message(fmt(self.tr("Đã tiếp nhận hồ sơ %1, hẹn trả %2"), summary.code, due), 0)
        try:
            from onestop_desktop.ui import printing
        except ImportError:  # a build without the slips module: nothing to offer
            return
        printing.offer_slip(self, self._session, summary.code, "receipt")

    def _intake_open_dossier(self, code: str) -> None:
        """The duplicate warning's "Mở hồ sơ đó": the earlier dossier's view."""
        opener = getattr(self, "open_dossier", None)
        if callable(opener) and opener(code):
            return
        self.show_screen("worklist")
        self.select_code(code)

    # --- end intake (#9)

    # --- printed ledger, Biểu 06 PDF, daily summary (#10)
    def print_ledger(self) -> None:
        """Reports → "In sổ theo dõi (Mẫu 06)…": a period, then the ledger's preview."""
        from onestop_desktop.ui import printing

        period = printing.ask_period(self, self.tr("In sổ theo dõi hồ sơ (Mẫu 06)"))
        if period is not None:
            printing.offer_period(self, self._session, "ledger", *period)

    def report06_pdf(self) -> None:
        """Reports → "Báo cáo Biểu 06 (PDF)…": a period, then Biểu 06's preview."""
        from onestop_desktop.ui import printing

        period = printing.ask_period(self, self.tr("Báo cáo Biểu 06 (PDF)"))
        if period is not None:
            printing.offer_period(self, self._session, "report06", *period)

    def daily_summary(self) -> None:
        """Reports → "Bản tổng hợp trong ngày": today's notice-board page."""
        from onestop_desktop.ui import printing

        today = self._session.now().date()
        printing.offer_period(self, self._session, "daily", today, today)

    # --- end printed ledger, Biểu 06 PDF, daily summary (#10)

    # --- public board (#13)

    def open_public_board(self) -> object:
        """Reports → "Mở bảng công khai": the waiting-room board, full screen on the last
        monitor (the TV), following this window's ``dataChanged``; Esc closes it."""
        from onestop_desktop.ui.board import BoardWindow, place_on_screen, screen_height

        old = getattr(self, "_public_board", None)
        if old is not None and old.isVisible():
            old.raise_()
            return old
        board = BoardWindow(self._session, height=screen_height(None), watch=False)
        board.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dataChanged.connect(board.data_changed)
        board.destroyed.connect(self._public_board_gone)  # closed (Esc): forget it
        place_on_screen(board, None)
        self._public_board: QWidget | None = board
        return board

    def _public_board_gone(self) -> None:
        self._public_board = None

    def _close_public_board(self) -> None:
        """The board opened from this window closes with it (a board started alone with
        ``onestop board`` is another process and runs on)."""
        board = getattr(self, "_public_board", None)
        if board is not None:
            self._public_board = None
            board.close()

    # --- end public board (#13)

    # --- backups (#14)

    def _backup_at_sign_out(self) -> None:
        """Sign-out makes a verified backup into the data folder and the second place (a
        failure is logged and shown, never a reason to refuse signing out)."""
        if self.backup_status is None:
            return
        from PySide6.QtWidgets import QApplication

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.backup_status.backup_at_sign_out()
        finally:
            QApplication.restoreOverrideCursor()

    # --- end backups (#14)
