"""Every command of the main window and its key, in one table.

:data:`SHORTCUTS` is the only place a window-wide key is defined. The main window builds its
menus, its toolbar and the Help → "Phím tắt" list from it, so a key shown to the clerk is always
the key that works, and two commands can never share a key (a test checks it). The screens of
the next issues (intake, dossier, dashboard, admin) add their rows here.

Each row: the action id (also the ``QAction``'s object name), the Vietnamese label (with its
``&`` accelerator; the source text of the translation, context ``Shortcuts``), the key sequence
in Qt's portable text, the name of the :class:`~onestop_desktop.ui.mainwindow.MainWindow` method
that handles it, the menu it belongs to, and whether the toolbar shows it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop.ui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "Shortcuts"


@dataclass(frozen=True)
class ActionSpec:
    """One command of the main window (see the module docstring)."""

    action_id: str
    label: str
    keys: str
    handler: str
    menu: str
    toolbar: bool = False

    def text(self) -> str:
        """The label in the GUI language, with its accelerator."""
        return QCoreApplication.translate(CONTEXT, self.label)

    def plain_text(self) -> str:
        """The label in the GUI language without the accelerator's ``&``."""
        return self.text().replace("&&", "\0").replace("&", "").replace("\0", "&")

    def key_sequence(self) -> QKeySequence:
        return QKeySequence(self.keys, QKeySequence.SequenceFormat.PortableText)


# The menus, in menu-bar order: id and title (context "Shortcuts").
MENUS: tuple[tuple[str, str], ...] = (
    ("system", QT_TRANSLATE_NOOP("Shortcuts", "&Hệ thống")),
    ("dossiers", QT_TRANSLATE_NOOP("Shortcuts", "Hồ &sơ")),
    ("reports", QT_TRANSLATE_NOOP("Shortcuts", "Báo &cáo")),
    ("admin", QT_TRANSLATE_NOOP("Shortcuts", "&Quản trị")),
    ("help", QT_TRANSLATE_NOOP("Shortcuts", "Trợ &giúp")),
)

SHORTCUTS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "worklist",
        QT_TRANSLATE_NOOP("Shortcuts", "&Danh sách hồ sơ"),
        "Ctrl+1",
        "show_worklist",
        "dossiers",
        toolbar=True,
    ),
    ActionSpec(
        "search",
        QT_TRANSLATE_NOOP("Shortcuts", "&Tìm hồ sơ"),
        "Ctrl+F",
        "focus_search",
        "dossiers",
        toolbar=True,
    ),
    # --- intake (#9)
    ActionSpec(
        "intake",
        QT_TRANSLATE_NOOP("Shortcuts", "Tiếp &nhận hồ sơ mới"),
        "Ctrl+N",
        "new_intake",
        "dossiers",
        toolbar=True,
    ),
    ActionSpec(
        "paper_intake",
        QT_TRANSLATE_NOOP("Shortcuts", "Nhập hồ sơ &giấy (khi mất điện)"),
        "Ctrl+Shift+N",
        "new_paper_intake",
        "dossiers",
    ),
    # --- end intake (#9)
    # --- worklist filters, dashboard (#9)
    ActionSpec(
        "filters",
        QT_TRANSLATE_NOOP("Shortcuts", "&Bộ lọc danh sách"),
        "Ctrl+Shift+F",
        "focus_filters",
        "dossiers",
    ),
    ActionSpec(
        "dashboard",
        QT_TRANSLATE_NOOP("Shortcuts", "&Tổng quan"),
        "Ctrl+2",
        "show_dashboard",
        "reports",
        toolbar=True,
    ),
    # --- end worklist filters, dashboard (#9)
    # --- printed ledger, Biểu 06 PDF, daily summary (#10)
    ActionSpec(
        "print_ledger",
        QT_TRANSLATE_NOOP("Shortcuts", "In &sổ theo dõi (Mẫu 06)…"),
        "Ctrl+Shift+P",
        "print_ledger",
        "reports",
    ),
    ActionSpec(
        "report06_pdf",
        QT_TRANSLATE_NOOP("Shortcuts", "Báo cáo &Biểu 06 (PDF)…"),
        "Ctrl+Shift+R",
        "report06_pdf",
        "reports",
    ),
    ActionSpec(
        "daily_summary",
        QT_TRANSLATE_NOOP("Shortcuts", "Bản tổng hợp trong &ngày"),
        "Ctrl+Shift+D",
        "daily_summary",
        "reports",
    ),
    # --- end printed ledger, Biểu 06 PDF, daily summary (#10)
    # --- public board (#13)
    ActionSpec(
        "public_board",
        QT_TRANSLATE_NOOP("Shortcuts", "Mở bảng &công khai"),
        "Ctrl+Alt+B",
        "open_public_board",
        "reports",
    ),
    # --- end public board (#13)
    ActionSpec(
        "clear_search",
        QT_TRANSLATE_NOOP("Shortcuts", "&Xóa ô tìm, xem tất cả hồ sơ"),
        "Esc",
        "clear_search",
        "dossiers",
    ),
    ActionSpec(
        "refresh",
        QT_TRANSLATE_NOOP("Shortcuts", "Tải &lại"),
        "F5",
        "refresh",
        "dossiers",
        toolbar=True,
    ),
    # --- dossier view (#9)
    ActionSpec(
        "open_dossier",
        QT_TRANSLATE_NOOP("Shortcuts", "&Mở hồ sơ theo mã"),
        "Ctrl+O",
        "open_by_code",
        "dossiers",
        toolbar=True,
    ),
    ActionSpec(
        "print_slip",
        QT_TRANSLATE_NOOP("Shortcuts", "&In lại phiếu của hồ sơ"),
        "Ctrl+P",
        "print_dossier_slip",
        "dossiers",
    ),
    ActionSpec(
        "back",
        QT_TRANSLATE_NOOP("Shortcuts", "&Quay lại danh sách"),
        "Alt+Left",
        "back_to_worklist",
        "dossiers",
    ),
    # --- end dossier view (#9)
    ActionSpec(
        "backup",
        QT_TRANSLATE_NOOP("Shortcuts", "&Sao lưu ngay"),
        "Ctrl+B",
        "backup_now",
        "system",
        toolbar=True,
    ),
    # --- sign-in, lock, language (#9)
    ActionSpec(
        "lock",
        QT_TRANSLATE_NOOP("Shortcuts", "&Khóa máy"),
        "Ctrl+L",
        "lock_now",
        "system",
    ),
    ActionSpec(
        "switch_user",
        QT_TRANSLATE_NOOP("Shortcuts", "Đăng nhập người &khác"),
        "Ctrl+Shift+U",
        "switch_user",
        "system",
    ),
    ActionSpec(
        "language",
        QT_TRANSLATE_NOOP("Shortcuts", "&Ngôn ngữ / Language"),
        "Ctrl+Alt+L",
        "choose_language",
        "system",
    ),
    # --- end (#9)
    # --- sync bundles (#12)
    ActionSpec(
        "sync_export",
        QT_TRANSLATE_NOOP("Shortcuts", "&Xuất gói đồng bộ…"),
        "Ctrl+Alt+E",
        "export_sync_bundle",
        "system",
    ),
    ActionSpec(
        "sync_import",
        QT_TRANSLATE_NOOP("Shortcuts", "Nhậ&p gói đồng bộ…"),
        "Ctrl+Alt+I",
        "import_sync_bundle",
        "system",
    ),
    ActionSpec(
        "sync_keys",
        QT_TRANSLATE_NOOP("Shortcuts", "&Khóa ký và tin cậy…"),
        "Ctrl+Alt+K",
        "show_sync_keys",
        "system",
    ),
    # --- end sync bundles (#12)
    ActionSpec(
        "sign_out",
        QT_TRANSLATE_NOOP("Shortcuts", "Đăng &xuất"),
        "Ctrl+Shift+L",
        "sign_out",
        "system",
    ),
    ActionSpec(
        "quit",
        QT_TRANSLATE_NOOP("Shortcuts", "&Thoát"),
        "Ctrl+Q",
        "close",
        "system",
    ),
    # --- admin screens (#9)
    ActionSpec(
        "admin_users",
        QT_TRANSLATE_NOOP("Shortcuts", "&Tài khoản cán bộ"),
        "Ctrl+Alt+1",
        "show_admin_users",
        "admin",
    ),
    ActionSpec(
        "admin_catalog",
        QT_TRANSLATE_NOOP("Shortcuts", "&Danh mục thủ tục"),
        "Ctrl+Alt+2",
        "show_admin_catalog",
        "admin",
    ),
    ActionSpec(
        "admin_calendar",
        QT_TRANSLATE_NOOP("Shortcuts", "&Lịch làm việc"),
        "Ctrl+Alt+3",
        "show_admin_calendar",
        "admin",
    ),
    ActionSpec(
        "admin_settings",
        QT_TRANSLATE_NOOP("Shortcuts", "&Thiết lập"),
        "Ctrl+Alt+4",
        "show_admin_settings",
        "admin",
    ),
    ActionSpec(
        "admin_backup",
        QT_TRANSLATE_NOOP("Shortcuts", "&Sao lưu / khôi phục"),
        "Ctrl+Alt+5",
        "show_admin_backup",
        "admin",
    ),
    ActionSpec(
        "admin_audit",
        QT_TRANSLATE_NOOP("Shortcuts", "&Nhật ký hoạt động"),
        "Ctrl+Alt+6",
        "show_admin_audit",
        "admin",
    ),
    # --- end admin screens (#9)
    ActionSpec(
        "shortcuts",
        QT_TRANSLATE_NOOP("Shortcuts", "&Phím tắt"),
        "F1",
        "show_shortcuts",
        "help",
    ),
    ActionSpec(
        "about",
        QT_TRANSLATE_NOOP("Shortcuts", "&Giới thiệu OneStop Desktop"),
        "Shift+F1",
        "show_about",
        "help",
    ),
)


def spec(action_id: str) -> ActionSpec:
    """The row of ``action_id``."""
    for row in SHORTCUTS:
        if row.action_id == action_id:
            return row
    raise KeyError(action_id)


def menu_title(menu_id: str) -> str:
    """The menu's title in the GUI language."""
    return QCoreApplication.translate(CONTEXT, dict(MENUS)[menu_id])


class ShortcutsDialog(QDialog):
    """Help → "Phím tắt": every command and its key, read from :data:`SHORTCUTS`."""

    COL_COMMAND, COL_KEYS = range(2)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ShortcutsDialog")
        self.setWindowTitle(self.tr("Phím tắt — OneStop Desktop"))
        self.table = QTableWidget(len(SHORTCUTS), 2)
        self.table.setObjectName("shortcutsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Lệnh"), self.tr("Phím")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        for row, item in enumerate(SHORTCUTS):
            command = QTableWidgetItem(item.plain_text())
            command.setData(Qt.ItemDataRole.UserRole, item.action_id)
            self.table.setItem(row, self.COL_COMMAND, command)
            keys = item.key_sequence().toString(QKeySequence.SequenceFormat.NativeText)
            self.table.setItem(row, self.COL_KEYS, QTableWidgetItem(keys))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.COL_COMMAND, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.COL_KEYS, QHeaderView.ResizeMode.ResizeToContents)

        close = QPushButton(self.tr("Đóng"))
        close.setDefault(True)
        buttons = QDialogButtonBox()
        buttons.addButton(close, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(520, 380)

    def rows(self) -> list[tuple[str, str, str]]:
        """(action id, command, keys) as listed."""
        out = []
        for row in range(self.table.rowCount()):
            command = self.table.item(row, self.COL_COMMAND)
            keys = self.table.item(row, self.COL_KEYS)
            assert command is not None and keys is not None
            out.append((str(command.data(Qt.ItemDataRole.UserRole)), command.text(), keys.text()))
        return out
