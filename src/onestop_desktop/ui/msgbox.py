"""Every message box of the app: the two error paths and the crash dialog.

Two kinds of fault, as everywhere in the app:

- an expected fault of the input or the environment (:class:`~onestop_desktop.errors.OneStopError`:
  a read-only folder, a full disk, a corrupt database) becomes a plain message box in the GUI
  language (:func:`message_box`, :func:`show_error` which waits, :func:`open_error` which does
  not);
- anything else is a bug: :class:`CrashHandler` (``sys.excepthook``) logs it and shows
  :class:`CrashDialog`, with a report the clerk can copy and the path of the log file.

Moved out of ``app.py`` so the screens and the background workers (``ui/workers.py``) show
faults the same way as the start-up does.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop import __version__
from onestop_desktop.errors import OneStopError
from onestop_desktop.ui import i18n

log = logging.getLogger(__name__)

CRASH_EXIT_CODE = 70  # EX_SOFTWARE, as the CLI exits for a bug
_CONTEXT = "MessageBox"

Hook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


# ------------------------------------------------------------------ expected faults


def start_up_title() -> str:
    """The title of a fault that stops the app from opening."""
    return QCoreApplication.translate(_CONTEXT, "Không mở được OneStop Desktop")


def message_box(
    exc: OneStopError, parent: QWidget | None = None, *, title: str | None = None
) -> QMessageBox:
    """The (not yet shown) message box for ``exc``: translated message, details folded away.

    ``title`` defaults to "could not be done", the title for a clerk action that failed.
    """
    box = QMessageBox(parent)
    box.setObjectName("errorBox")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(
        title
        if title is not None
        else QCoreApplication.translate(_CONTEXT, "Không thực hiện được — OneStop Desktop")
    )
    box.setText(i18n.error_text(exc))
    if exc.detail:
        # Not setDetailedText(): its "Show Details..." button is Qt's, which has no Vietnamese.
        box.setInformativeText(
            i18n.fmt(QCoreApplication.translate(_CONTEXT, "Chi tiết kỹ thuật: %1"), exc.detail)
        )
    close = box.addButton(
        QCoreApplication.translate(_CONTEXT, "Đóng"), QMessageBox.ButtonRole.AcceptRole
    )
    box.setDefaultButton(close)
    return box


def show_error(
    exc: OneStopError, parent: QWidget | None = None, *, title: str | None = None
) -> QMessageBox:
    """Show the message box for ``exc`` modally; returns after the clerk closed it."""
    box = message_box(exc, parent, title=title)
    box.exec()
    return box


def open_error(
    exc: OneStopError, parent: QWidget | None = None, *, title: str | None = None
) -> QMessageBox:
    """Show the message box for ``exc`` without waiting (window-modal on ``parent``).

    For faults that arrive in a signal handler (a background task that failed): no nested
    event loop, and the box deletes itself when closed.
    """
    box = message_box(exc, parent, title=title)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if parent is None:
        # Nothing else owns a box without a parent: keep it alive until it is closed.
        box.setWindowModality(Qt.WindowModality.ApplicationModal)
        _open_boxes.add(box)
        box.finished.connect(lambda _result: _open_boxes.discard(box))
    else:
        box.setWindowModality(Qt.WindowModality.WindowModal)
    box.open()
    return box


_open_boxes: set[QMessageBox] = set()


# ------------------------------------------------------------------ bugs


def crash_report(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    log_path: Path | None = None,
) -> str:
    """A plain-text report for the support desk (technical, so not translated)."""
    import platform

    lines = [
        f"OneStop Desktop {__version__}",
        f"Python {platform.python_version()} ({sys.platform}); Qt {qVersion()}; "
        f"PySide6 {pyside_version}",
        f"OS: {platform.platform()}",
        f"Log: {log_path}" if log_path else "Log: (none)",
        "",
        "".join(traceback.format_exception(exc_type, exc, tb)).rstrip(),
    ]
    return "\n".join(lines)


class CrashDialog(QDialog):
    """Says that something unexpected happened, with a report to copy and the log path."""

    def __init__(
        self, report: str, log_path: Path | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("CrashDialog")
        self.setWindowTitle(self.tr("Lỗi không mong đợi — OneStop Desktop"))
        self.report = report

        intro = QLabel(
            self.tr(
                "Chương trình gặp lỗi không mong đợi. Dữ liệu đã lưu không bị mất.\n"
                "Hãy bấm «Sao chép báo cáo» và gửi nội dung cho bộ phận hỗ trợ kỹ thuật."
            )
        )
        intro.setWordWrap(True)
        self.log_label = QLabel(
            i18n.fmt(self.tr("Tệp nhật ký: %1"), log_path)
            if log_path
            else self.tr("Không ghi được tệp nhật ký.")
        )
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.log_label.setWordWrap(True)

        self.report_edit = QPlainTextEdit(report)
        self.report_edit.setReadOnly(True)
        self.report_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.report_edit.setFont(mono)
        i18n.use_translated_edit_menu(self.report_edit)

        self.copy_button = QPushButton(self.tr("Sao chép báo cáo"))
        self.copy_button.clicked.connect(self.copy_report)
        self.quit_button = QPushButton(self.tr("Thoát chương trình"))
        self.continue_button = QPushButton(self.tr("Tiếp tục làm việc"))
        buttons = QDialogButtonBox()
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.addButton(self.continue_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.continue_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.log_label)
        layout.addWidget(self.report_edit, 1)
        layout.addWidget(buttons)
        # Fits a 1024×768 screen with room for the window frame.
        self.resize(720, 440)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report)
        self.copy_button.setText(self.tr("Đã sao chép"))


class CrashHandler:
    """``sys.excepthook`` for the GUI: log the bug, then show :class:`CrashDialog`.

    Re-entrant calls (a bug while the dialog is open) are only logged. Quitting from the dialog
    ends the event loop with exit code 70 (``EX_SOFTWARE``), as the CLI does for a bug.
    Background workers hand their bugs to ``sys.excepthook`` on the GUI thread, so they end
    here too.
    """

    def __init__(self, log_path: Path | None) -> None:
        self.log_path = log_path
        self.previous: Hook = sys.excepthook
        self._showing = False
        self.last_report: str | None = None

    def install(self) -> None:
        self.previous = sys.excepthook
        sys.excepthook = self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self.previous

    def __call__(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self.previous(exc_type, exc, tb)
            return
        log.critical("unexpected error", exc_info=(exc_type, exc, tb))
        report = crash_report(exc_type, exc, tb, self.log_path)
        self.last_report = report
        if self._showing or QApplication.instance() is None:
            print(report, file=sys.stderr)
            return
        self._showing = True
        try:
            dialog = CrashDialog(report, self.log_path, QApplication.activeWindow())
            if dialog.exec() == QDialog.DialogCode.Rejected:
                QCoreApplication.exit(CRASH_EXIT_CODE)
            dialog.deleteLater()
        except Exception:  # the crash dialog must never crash the crash handler
            print(report, file=sys.stderr)
            traceback.print_exc()
        finally:
            self._showing = False
