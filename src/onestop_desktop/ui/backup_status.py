"""The status bar's backup state and the GUI's automatic backups (#14).

A label in the main window's status bar says when the last good backup was (in the data folder
or the second place) and turns red after a day without one. A timer polls every ~10 s: it
refreshes the label, and when a backup is due (none made today in the data folder, or none today
on the second place now that it is there: a USB stick just plugged in) it runs
``services.autobackup.run`` in a worker, so a large database never freezes the counter. The
first poll comes a few seconds after the window opens: that is the "first start of the day"
backup. Sign-out makes one more, in the GUI thread (:meth:`BackupStatus.backup_at_sign_out`),
since the window is closing anyway.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from onestop_desktop.domain import clock, rotation
from onestop_desktop.errors import OneStopError
from onestop_desktop.paths import DataDir
from onestop_desktop.services import autobackup
from onestop_desktop.services.autobackup import AutoResult
from onestop_desktop.services.context import Session
from onestop_desktop.ui.i18n import error_text, fmt, translate_message
from onestop_desktop.ui.workers import Job, Worker

log = logging.getLogger(__name__)

POLL_MS = 10_000
"""How often the second place's presence and the due time are checked."""

WARN_STYLE = "color: #b00020; font-weight: bold;"


def _run_auto(job: Job) -> object:
    """The worker's task: the automatic backup on the worker's own store."""
    session = job.session
    assert session.store.path is not None
    return autobackup.run(session, DataDir(session.store.path.parent))


class BackupStatus(QLabel):
    """«Sao lưu gần nhất: …» in the status bar, and the timer that makes the daily backups."""

    # A run finished: what it did (``AutoResult``), for the main window's message line.
    ran = Signal(object)

    def __init__(
        self,
        session: Session,
        data: DataDir,
        parent: QWidget | None = None,
        *,
        poll_ms: int = POLL_MS,
        auto: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("backupStatus")
        self.setContentsMargins(8, 0, 8, 0)
        self._session = session
        self._data = data
        self._worker: Worker[object] | None = None
        self._auto = auto
        self.last_result: AutoResult | None = None
        self.timer = QTimer(self)
        self.timer.setObjectName("backupPoll")
        self.timer.setInterval(poll_ms)
        self.timer.timeout.connect(self.poll)
        self.refresh()
        if auto:
            self.timer.start()

    # ------------------------------------------------------------------ state

    def now(self) -> datetime:
        """The session's clock (the one every service reads; tests drive it)."""
        return clock.to_vn(self._session.now())

    def last_good(self) -> datetime | None:
        try:
            return autobackup.last_good_anywhere(self._session, self._data)
        except (OSError, OneStopError):
            return None

    def is_warning(self) -> bool:
        """Whether the label warns: no good backup for more than a day (or none at all)."""
        return rotation.is_stale(self.last_good(), self.now())

    def refresh(self) -> None:
        """Re-read when the last good backup was and say it (red after a day without one)."""
        # Short in the bar (it shares 1024 px with the user, role, station and count); the whole
        # sentence in the tooltip.
        last = self.last_good()
        if last is None:
            text = self.tr("Chưa có bản sao lưu nào")
            detail = text
        elif rotation.is_stale(last, self.now()):
            text = fmt(self.tr("Chưa sao lưu từ %1"), clock.fmt_datetime(last))
            detail = fmt(
                self.tr("Đã hơn một ngày chưa sao lưu (lần cuối %1)"), clock.fmt_datetime(last)
            )
        else:
            text = fmt(self.tr("Sao lưu: %1"), clock.fmt_datetime(last))
            detail = fmt(self.tr("Sao lưu gần nhất: %1"), clock.fmt_datetime(last))
        self.setText(text)
        self.setStyleSheet(WARN_STYLE if rotation.is_stale(last, self.now()) else "")
        self.setToolTip(
            detail
            + "\n"
            + self.tr(
                "Chương trình tự sao lưu mỗi ngày và khi đăng xuất, vào thư mục dữ liệu và nơi "
                "sao lưu thứ hai (nếu đã đặt trong Quản trị → Thiết lập)"
            )
        )

    # ------------------------------------------------------------------ runs

    def worker(self) -> Worker[object] | None:
        """The running automatic backup, if any."""
        return self._worker

    def poll(self) -> Worker[object] | None:
        """One poll: refresh the label; start a backup when one is due (the worker)."""
        self.refresh()
        if self._worker is not None or self._session.store.write_guard.blocked:
            return None
        try:
            due = autobackup.is_due(self._session, self._data)
        except (OSError, OneStopError) as exc:
            log.warning("backup due check failed: %s", exc)
            return None
        return self.start_run() if due else None

    def start_run(self) -> Worker[object]:
        """Run the automatic backup in the background now."""
        worker: Worker[object] = Worker(
            _run_auto, session=self._session, parent=self, show_errors=False
        )
        worker.succeeded.connect(self._succeeded)
        worker.failed.connect(self._failed)
        worker.finished.connect(self._finished)
        self._worker = worker
        return worker.start()

    def backup_at_sign_out(self) -> AutoResult | None:
        """The sign-out backup, in the GUI thread (always a copy; errors logged, never raised:
        a full stick must not keep a clerk from signing out)."""
        if self._worker is not None and self._worker.is_running():
            self._worker.wait_finished(60)
        if self._session.store.write_guard.blocked:
            return None
        try:
            result = autobackup.run(self._session, self._data, force=True)
        except OneStopError as exc:
            log.warning("sign-out backup refused: %s", exc)
            return None
        self._record(result)
        return result

    def describe(self, result: AutoResult) -> str:
        """One line for the status bar: what the run made, or why a place failed."""
        problems = [translate_message(p.error) for p in result.places if p.error is not None]
        made = [p for p in result.places if p.made is not None]
        if problems:
            return fmt(self.tr("Sao lưu tự động: %1"), "; ".join(problems))
        if made:
            return fmt(
                self.tr("Đã tự sao lưu và kiểm tra (%1 nơi)"), self.locale().toString(len(made))
            )
        return ""

    def _record(self, result: AutoResult) -> None:
        self.last_result = result
        for place in result.places:
            if place.error is not None:
                log.warning("automatic backup to %s: %s", place.folder, place.error)
            elif place.made is not None:
                log.info("automatic backup written: %s", place.made.path)
        self.refresh()
        self.ran.emit(result)

    def _succeeded(self, result: object) -> None:
        assert isinstance(result, AutoResult)
        self._record(result)

    def _failed(self, error: object) -> None:
        if isinstance(error, OneStopError):
            log.warning("automatic backup failed: %s", error_text(error))

    def _finished(self) -> None:
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.deleteLater()

    def stop(self) -> None:
        """Stop polling and wait for a running backup (the window is closing)."""
        self.timer.stop()
        if self._worker is not None:
            self._worker.wait_finished(60)


def install(
    session: Session, parent: QWidget, show: Callable[[str, int], None]
) -> BackupStatus | None:
    """The status widget for a window on a database file (``None`` for an in-memory one):
    its run summaries go to ``show`` (the window's message line)."""
    path = session.store.path
    if path is None:
        return None
    status = BackupStatus(session, DataDir(path.parent), parent)

    def said(result: object) -> None:
        assert isinstance(result, AutoResult)
        text = status.describe(result)
        if text:
            show(text, 10000)

    status.ran.connect(said)
    return status
