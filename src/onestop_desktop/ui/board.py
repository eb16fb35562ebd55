"""The public status board (#13): full screen on the waiting room's TV or second monitor.

Left, always visible and in large type: the results ready for collection ("Mời nhận kết quả").
Right, pages that rotate by themselves (a timer): dossiers received today, in progress,
returned today, and the published procedures. Top: the commune's name and a clock; bottom: the
day's and the month's figures and on-time rate (the dashboard's own, ``services.board``).

It reads only :class:`services.board.PublicBoard` (masked names, no personal data) in a
:class:`ui.workers.Worker` on a read-only store of its own with a short busy timeout: a clerk's
long import holding the write lock delays a refresh, never freezes the screen, and the last
good data stays shown. New data is followed within a second or two by ``PRAGMA data_version``
(:class:`ui.datawatch.DataWatch`, or the main window's ``dataChanged``).

When a code newly reaches "results ready" the board calls it out in a banner with a beep
(``QApplication.beep``: QtMultimedia is not part of PySide6-Essentials, so no sound file).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from datetime import datetime
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop.domain import clock
from onestop_desktop.domain.formats import fmt_percent
from onestop_desktop.services import board as board_service
from onestop_desktop.services.board import PublicBoard, PublicDossier
from onestop_desktop.services.context import Session
from onestop_desktop.ui.workers import Job, Worker

log = logging.getLogger(__name__)


def _label(text: str = "", *, pixel: int, bold: bool = False, name: str = "") -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setPixelSize(max(8, pixel))
    font.setBold(bold)
    label.setFont(font)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


def _read_board(session: Session, path: Path | None) -> PublicBoard:
    """The worker's task: the snapshot on a read-only store of its own (closed after)."""
    if path is None:
        return board_service.snapshot(session)
    from onestop_desktop.store.board import open_reader

    store = open_reader(path)
    try:
        return board_service.snapshot(Session(store, session.station, session.actor))
    finally:
        store.close()


def _short(text: str, limit: int) -> str:
    """``text`` cut at a word before ``limit`` characters, with "…" when cut."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


class BoardWindow(QWidget):
    """The board itself (a plain widget: :func:`run` shows it full screen)."""

    ROTATE_MS = 12000
    """Each rotating page shows this long."""
    SAFETY_REFRESH_MS = 300000
    """A refresh at least this often (the day changes at midnight; a missed poll). Not more
    often: at a million dossiers one refresh costs the worker ~2–3 s of CPU."""
    BANNER_MS = 15000

    refreshed = Signal()
    """A new snapshot was put on screen."""
    refresh_failed = Signal()
    """A refresh could not read (the last good data stays)."""

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        height: int = 1080,
        watch: bool = True,
        rotate_ms: int = ROTATE_MS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("publicBoard")
        self.setWindowTitle(self.tr("Bảng công khai tình trạng hồ sơ"))
        self.setStyleSheet(
            "#publicBoard{background:#0b2545;} QLabel{color:#ffffff;}"
            "#readyPanel{background:#1b5e20;border-radius:8px;}"
            "#banner{background:#ffd54f;color:#000000;}"
        )
        self._session = session
        self._path = session.store.path
        self._px = max(14, height // 36)  # ~30 px at 1080, ~21 px at 768: readable from 3 m
        self._board: PublicBoard | None = None
        self._worker: Worker[PublicBoard] | None = None
        self._pending = False
        self.last_gui_ms = 0.0
        self.last_error: BaseException | None = None
        px = self._px
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.unit = _label(session.station.unit_name, pixel=int(px * 1.3), bold=True, name="unit")
        self.clock = _label(pixel=int(px * 1.3), bold=True, name="clock")
        self.clock.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.unit, 3)
        top.addWidget(self.clock, 1)
        outer.addLayout(top)
        self.banner = _label(pixel=int(px * 1.2), bold=True, name="banner")
        self.banner.hide()
        outer.addWidget(self.banner)
        middle = QHBoxLayout()
        self.ready_panel = QWidget()
        self.ready_panel.setObjectName("readyPanel")
        ready_layout = QVBoxLayout(self.ready_panel)
        self.ready_title = _label(
            self.tr("MỜI NHẬN KẾT QUẢ"), pixel=int(px * 1.4), bold=True, name="readyTitle"
        )
        self.ready_list = _label(pixel=int(px * 1.15), name="readyList")
        self.ready_list.setTextFormat(Qt.TextFormat.RichText)
        self.ready_list.setAlignment(Qt.AlignmentFlag.AlignTop)
        ready_layout.addWidget(self.ready_title)
        ready_layout.addWidget(self.ready_list, 1)
        middle.addWidget(self.ready_panel, 5)
        right = QVBoxLayout()
        self.page_title = _label(pixel=int(px * 1.2), bold=True, name="pageTitle")
        self.pages = QStackedWidget()
        right.addWidget(self.page_title)
        right.addWidget(self.pages, 1)
        middle.addLayout(right, 6)
        outer.addLayout(middle, 1)
        self.figures = _label(pixel=px, name="figures")
        self.figures.setTextFormat(Qt.TextFormat.RichText)
        outer.addWidget(self.figures)
        self.status_note = _label(pixel=int(px * 0.6), name="statusNote")
        outer.addWidget(self.status_note)
        self._titles: list[str] = []
        self._page_labels: list[QLabel] = []
        self._rows_per_page = max(4, (height - 8 * px) // int(px * 2.6))

        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._update_clock)
        self._tick.start()
        self.rotation = QTimer(self)
        self.rotation.setInterval(rotate_ms)
        self.rotation.timeout.connect(self.next_page)
        self.rotation.start()
        self._banner_timer = QTimer(self)
        self._banner_timer.setSingleShot(True)
        self._banner_timer.setInterval(self.BANNER_MS)
        self._banner_timer.timeout.connect(self.banner.hide)
        self._safety = QTimer(self)
        self._safety.setInterval(self.SAFETY_REFRESH_MS)
        self._safety.timeout.connect(self.refresh)
        self._safety.start()
        self.datawatch = None
        if watch and self._path is not None:
            from onestop_desktop.ui.datawatch import DataWatch

            self.datawatch = DataWatch(self._path, self)
            self.datawatch.changed.connect(self.refresh)
        self._update_clock()
        self.refresh()

    # ------------------------------------------------------------------ data

    def data_changed(self) -> None:
        """Slot for ``MainWindow.dataChanged``."""
        self.refresh()

    def refresh(self) -> None:
        """Read a new snapshot in a worker (one at a time; a request during a read queues one
        more read after it)."""
        if self._worker is not None and self._worker.is_running():
            self._pending = True
            return
        session, path = self._session, self._path

        def task(job: Job) -> PublicBoard:
            return _read_board(session, path)

        worker: Worker[PublicBoard] = Worker(task, parent=self, show_errors=False)
        worker.succeeded.connect(self._show)
        worker.failed.connect(self._failed)
        worker.finished.connect(self._after)
        self._worker = worker
        worker.start()

    def is_refreshing(self) -> bool:
        return self._worker is not None and self._worker.is_running()

    def _after(self) -> None:
        if self._pending:
            self._pending = False
            self.refresh()

    def _failed(self, exc: BaseException) -> None:
        log.info("board refresh failed, keeping the last data: %s", exc)
        self.last_error = exc
        self.status_note.setText(self.tr("Đang chờ cập nhật dữ liệu…"))
        self.refresh_failed.emit()

    def _show(self, snapshot: object) -> None:
        assert isinstance(snapshot, PublicBoard)
        started = time.perf_counter()
        self.apply(snapshot)
        self.last_gui_ms = (time.perf_counter() - started) * 1000
        self.refreshed.emit()

    def snapshot(self) -> PublicBoard | None:
        return self._board

    def apply(self, snapshot: PublicBoard) -> None:
        """Put ``snapshot`` on screen (GUI thread; the only place widgets are rebuilt)."""
        old = self._board
        self._board = snapshot
        self.last_error = None
        self.status_note.setText("")
        if snapshot.unit_name:
            self.unit.setText(snapshot.unit_name)
        ready = snapshot.lanes["ready"]
        self.ready_list.setText(self._rows_html(ready[: self._rows_per_page], ready=True))
        if old is not None:
            before = {d.code for d in old.lanes["ready"]}
            fresh = [d for d in ready if d.code not in before]
            if fresh:
                self.call(fresh)
        self._build_pages(snapshot)
        self.figures.setText(self._figures_html(snapshot))

    def call(self, dossiers: Sequence[PublicDossier]) -> None:
        """Call the codes whose results just became ready (banner and a beep)."""
        codes = ", ".join(d.code for d in dossiers[:3])
        self.banner.setText(
            self.tr("Mời công dân có hồ sơ {codes} đến nhận kết quả").replace("{codes}", codes)
        )
        self.banner.show()
        self._banner_timer.start()
        QApplication.beep()

    # ------------------------------------------------------------------ pages

    def _rows_html(self, rows: Sequence[PublicDossier], *, ready: bool = False) -> str:
        if not rows:
            return "<p>" + escape(self.tr("Chưa có hồ sơ")) + "</p>"
        cells = []
        for d in rows:
            code = escape(d.code)
            name = escape(d.masked_name)
            if ready:
                cells.append(f"<tr><td nowrap><b>{code}</b></td><td nowrap>&nbsp;{name}</td></tr>")
            else:
                appt = escape(self.tr("Hẹn trả")) + ": " + escape(d.appointment or "—")
                cells.append(
                    f"<tr><td><b>{code}</b>&nbsp;&nbsp;{name}<br>"
                    f'<span style="color:#c8d6e5">{escape(d.procedure)} · {appt}</span></td></tr>'
                )
        return '<table width="100%" cellspacing="4">' + "".join(cells) + "</table>"

    def _build_pages(self, snapshot: PublicBoard) -> None:
        """Fill the rotating pages. The page labels are reused (only their text changes):
        removing a page from a QStackedWidget re-lays it out, ~40 ms each at full HD."""
        titles = {
            "received": self.tr("Hồ sơ tiếp nhận hôm nay"),
            "in_progress": self.tr("Hồ sơ đang giải quyết"),
            "returned": self.tr("Đã trả kết quả hôm nay"),
        }
        pages: list[tuple[str, str]] = []
        n = self._rows_per_page
        for lane in ("received", "in_progress", "returned"):
            items = snapshot.lanes[lane]
            chunks = [items[i : i + n] for i in range(0, len(items), n)] or [()]
            for i, chunk in enumerate(chunks):
                suffix = f" ({i + 1}/{len(chunks)})" if len(chunks) > 1 else ""
                pages.append((titles[lane] + suffix, self._rows_html(chunk)))
        per = max(3, n // 2)
        procs = snapshot.procedures
        pchunks = [procs[i : i + per] for i in range(0, len(procs), per)]
        for i, pchunk in enumerate(pchunks):
            rows = "".join(
                f"<tr><td><b>{escape(p.name)}</b><br>{escape(p.code)} · {escape(p.field)} · "
                f"{escape(self.tr('Thời hạn'))}: {escape(p.time_limit)} · "
                f"{escape(self.tr('Phí'))}: {escape(_short(p.fee, 60))}</td></tr>"
                for p in pchunk
            )
            pages.append(
                (
                    self.tr("Thủ tục hành chính") + f" ({i + 1}/{len(pchunks)})",
                    '<table cellspacing="6">' + rows + "</table>",
                )
            )
        current = self.pages.currentIndex()
        while len(self._page_labels) < len(pages):
            label = _label(pixel=self._px)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setAlignment(Qt.AlignmentFlag.AlignTop)
            self.pages.addWidget(label)
            self._page_labels.append(label)
        while len(self._page_labels) > len(pages):
            extra = self._page_labels.pop()
            self.pages.removeWidget(extra)
            extra.deleteLater()
        for label, (_title, html) in zip(self._page_labels, pages, strict=True):
            if label.text() != html:
                label.setText(html)
        self._titles = [title for title, _html in pages]
        index = current if 0 <= current < self.pages.count() else 0
        self.pages.setCurrentIndex(index)
        self.page_title.setText(self._titles[index] if self._titles else "")

    def next_page(self) -> None:
        """Show the next rotating page (the rotation timer's slot)."""
        if not self.pages.count():
            return
        index = (self.pages.currentIndex() + 1) % self.pages.count()
        self.pages.setCurrentIndex(index)
        self.page_title.setText(self._titles[index])

    def page_titles(self) -> list[str]:
        return list(self._titles)

    # ------------------------------------------------------------------ figures, clock

    def _figures_html(self, s: PublicBoard) -> str:
        def rate(value: object) -> str:
            return "—" if value is None else fmt_percent(value)  # type: ignore[arg-type]

        t, m = s.today, s.month
        parts = [
            (self.tr("Hôm nay tiếp nhận"), str(t.received)),
            (self.tr("Trả kết quả"), str(t.returned_on_time + t.returned_late)),
            (self.tr("Đang giải quyết"), str(m.in_progress)),
            (self.tr("Tháng này tiếp nhận"), str(m.received)),
            (self.tr("Đúng hạn trong tháng"), rate(m.on_time_rate)),
        ]
        return " &nbsp;·&nbsp; ".join(f"{escape(k)}: <b>{escape(v)}</b>" for k, v in parts)

    def _update_clock(self) -> None:
        now = clock.to_vn(datetime.now(clock.VN_TZ))
        text = now.strftime("%H:%M  %d/%m/%Y")
        if text != self.clock.text():  # a repaint a minute, not a second (idle CPU)
            self.clock.setText(text)

    def texts(self) -> list[str]:
        """Every text the board shows now (the privacy test reads these)."""
        out = [w.text() for w in self.findChildren(QLabel)]
        return out

    def stop(self) -> None:
        """Stop the timers and the watch (closing)."""
        for timer in (self._tick, self.rotation, self._safety, self._banner_timer):
            timer.stop()
        if self.datawatch is not None:
            self.datawatch.stop()
        if self._worker is not None:
            self._worker.wait_finished(5)

    def closeEvent(self, event: object) -> None:
        self.stop()
        super().closeEvent(event)  # type: ignore[arg-type]


class LookupWindow(QWidget):
    """The kiosk: the lookup panel alone, full screen."""

    def __init__(self, session: Session, parent: QWidget | None = None, *, height: int = 1080):
        super().__init__(parent)
        from onestop_desktop.ui.lookup import LookupPanel

        self.setWindowTitle(self.tr("Tra cứu tình trạng hồ sơ"))
        layout = QVBoxLayout(self)
        self.panel = LookupPanel(session, self, pixel=max(16, height // 28))
        layout.addWidget(self.panel)


def place_on_screen(widget: QWidget, screen: int | None, *, windowed: bool = False) -> None:
    """Show ``widget`` full screen on monitor ``screen`` (the last one when not given: a
    second monitor is usually the TV)."""
    screens = QGuiApplication.screens()
    if screens:
        index = len(screens) - 1 if screen is None else max(0, min(screen, len(screens) - 1))
        target = screens[index]
        widget.setGeometry(target.geometry())
        handle = widget.windowHandle()
        if handle is not None:
            handle.setScreen(target)
    QShortcut(QKeySequence("Escape"), widget, widget.close)
    if windowed:
        widget.show()
    else:
        widget.showFullScreen()


def screen_height(screen: int | None) -> int:
    screens = QGuiApplication.screens()
    if not screens:
        return 1080
    index = len(screens) - 1 if screen is None else max(0, min(screen, len(screens) - 1))
    return screens[index].geometry().height()


def run(session: Session, *, screen: int | None, lookup: bool, windowed: bool = False) -> int:
    """``onestop board``: the board (or the lookup kiosk) until closed (Esc)."""
    app = QApplication.instance() or QApplication([])
    height = screen_height(screen)
    widget: QWidget = (
        LookupWindow(session, height=height) if lookup else BoardWindow(session, height=height)
    )
    place_on_screen(widget, screen, windowed=windowed)
    return int(app.exec())
