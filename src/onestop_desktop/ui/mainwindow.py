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
from onestop_desktop.ui.i18n import error_text, fmt
from onestop_desktop.ui.labels import role_text
from onestop_desktop.ui.models.worklist import WorklistModel
from onestop_desktop.ui.shortcuts import MENUS, SHORTCUTS, ShortcutsDialog, menu_title
from onestop_desktop.ui.workers import Job, Worker
from onestop_desktop.ui.worklist_screen import WorklistScreen

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

        self.stack.currentChanged.connect(self._on_screen_changed)
        self.setMinimumSize(MINIMUM_SIZE)
        self._restore_state()
        self.refresh_count()
        self._retranslate()
        if self.model.last_error():  # the first page was refused before we listened
            self._show_failure(self.model.last_error())
        self.search_box.setFocus(Qt.FocusReason.OtherFocusReason)

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

    def backup_worker(self) -> Worker[object] | None:
        """The running backup, if any."""
        return self._backup

    def sign_out(self) -> None:
        """Ctrl+Shift+L: close the window; the app shows the sign-in window again."""
        self._signing_out = True
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

    def show_admin(self, screen_id: str) -> QWidget | None:
        """Bring an admin screen to the front, made on first use; ``None`` (and the service's
        refusal in the status bar) for a session that may not open it."""
        from onestop_desktop.ui import admin

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
