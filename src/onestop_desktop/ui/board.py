"""The public status board (#13): full screen on the waiting room's TV or second monitor.

Left, always visible and in large type: the results ready for collection ("Mời nhận kết quả").
Right, pages that rotate by themselves (a timer): dossiers received today, in progress,
returned today, and the published procedures. Top: the commune's name and a clock; bottom: the
day's and the month's figures and on-time rate (the dashboard's own, ``services.board``).

It reads only :class:`services.board.PublicBoard` (masked names, no personal data) in a
:class:`ui.workers.Worker` on a read-only store of its own with a short busy timeout. The
store is WAL, so a clerk's long import holding the write lock does not even delay a read; a lock
that does keep readers out makes a read fail after 300 ms in the worker: the last good data
stays, a quiet note says an update is awaited, and the board retries by itself (2 s, doubling to
a minute). New data is followed within a second or two by ``PRAGMA data_version`` on a
connection that never waits for a lock (:class:`BoardWatch`), or the main window's
``dataChanged``. The figures are kept per dossier (``services.board.FigureCache``): a refresh
re-reads only the dossiers that changed.

The citizen lookup is part of the board: a receipt's QR code scanned at any moment (a QR reader
types the code and Enter; a typed code works the same) shows that dossier's public view over the
board for a few seconds, then the board is back. ``onestop board --lookup`` is the kiosk with
the look-up alone (``ui.lookup``).

When a code newly reaches "results ready" the board calls it out in a banner with a beep
(``QApplication.beep``: QtMultimedia is not part of PySide6-Essentials, so no sound file).
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Sequence
from datetime import datetime
from html import escape
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QGuiApplication, QKeyEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop.domain import clock
from onestop_desktop.domain.formats import fmt_percent
from onestop_desktop.services import board as board_service
from onestop_desktop.services.board import PublicBoard, PublicDossier, PublicProcedure
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


def _read_board(
    session: Session, path: Path | None, cache: board_service.FigureCache | None = None
) -> PublicBoard:
    """The worker's task: the snapshot on a read-only store of its own (closed after)."""
    if path is None:
        return board_service.snapshot(session, cache=cache)
    from onestop_desktop.store.board import open_reader
    from onestop_desktop.store.db import translated_errors

    store = open_reader(path)
    try:
        # any read of the snapshot may meet a lock: a StorageError, never a crash
        with translated_errors(path):
            return board_service.snapshot(
                Session(store, session.station, session.actor), cache=cache
            )
    finally:
        store.close()


def _look_up(session: Session, path: Path | None, text: str) -> PublicDossier | None:
    """The worker's task for a scanned code: one indexed read on a read-only store."""
    if path is None:
        return board_service.lookup(session, text)
    from onestop_desktop.store.board import open_reader
    from onestop_desktop.store.db import translated_errors

    store = open_reader(path)
    try:
        with translated_errors(path):
            return board_service.lookup(Session(store, session.station, session.actor), text)
    finally:
        store.close()


def _short(text: str, limit: int) -> str:
    """``text`` cut at a word before ``limit`` characters, with "…" when cut."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


class BoardWatch(QObject):
    """Follows other connections' commits for a board started alone (``onestop board``):
    ``store.board.BoardVersion`` polled every second, never waiting for a lock."""

    INTERVAL_MS = 1000
    changed = Signal()

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from onestop_desktop.store.board import BoardVersion

        self._version: BoardVersion | None = None
        try:
            self._version = BoardVersion(path)
        except sqlite3.Error as exc:  # no file to watch: the safety refresh still runs
            log.warning("board data watch unavailable: %s", exc)
        self._timer = QTimer(self)
        self._timer.setInterval(self.INTERVAL_MS)
        self._timer.timeout.connect(self.poll)
        if self._version is not None:
            self._timer.start()

    def poll(self) -> bool:
        if self._version is not None and self._version.changed():
            self.changed.emit()
            return True
        return False

    def active(self) -> bool:
        return self._timer.isActive()

    def stop(self) -> None:
        self._timer.stop()
        if self._version is not None:
            self._version.close()
            self._version = None


class BoardWindow(QWidget):
    """The board itself (a plain widget: :func:`run` shows it full screen)."""

    ROTATE_MS = 12000
    """Each rotating page shows this long."""
    SAFETY_REFRESH_MS = 300000
    """A refresh at least this often (the day changes at midnight; a missed poll). Not more
    often: at a million dossiers one refresh costs the worker ~2–3 s of CPU."""
    BANNER_MS = 15000
    RETRY_FIRST_MS = 2000
    """After a failed read (the database locked longer than the busy timeout) the board tries
    again this soon, then twice as long each time, up to :attr:`RETRY_MAX_MS`."""
    RETRY_MAX_MS = 60000
    LOOKUP_MS = 8000
    """A look-up's answer shows this long, then the board is back (the next citizen must not
    see it)."""
    KEY_GAP_MS = 4000
    """Keys further apart than this start a new code (a stray key press is forgotten)."""

    refreshed = Signal()
    """A new snapshot was put on screen."""
    refresh_failed = Signal()
    """A refresh could not read (the last good data stays)."""
    looked_up = Signal()
    """A look-up's answer (or its "not found") is on screen."""

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
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a QR reader types into the board
        self.setWindowTitle(self.tr("Bảng công khai tình trạng hồ sơ"))
        self.setStyleSheet(
            "#publicBoard{background:#0b2545;} QLabel{color:#ffffff;}"
            "#readyPanel{background:#1b5e20;border-radius:8px;}"
            "#banner{background:#ffd54f;color:#000000;}"
            "#lookupBox{background:#ffffff;border:6px solid #ffd54f;border-radius:12px;}"
            "#lookupBox QLabel{color:#0b2545;}"
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
        # One label shows the current page: only the page on screen is laid out (a stack of
        # ~40 procedure pages laid every one out at the first show, ~150–220 ms).
        self.page = _label(pixel=px, name="page")
        self.page.setTextFormat(Qt.TextFormat.RichText)
        self.page.setAlignment(Qt.AlignmentFlag.AlignTop)
        right.addWidget(self.page_title)
        right.addWidget(self.page, 1)
        middle.addLayout(right, 6)
        outer.addLayout(middle, 1)
        self.figures = _label(pixel=int(px * 0.85), name="figures")  # one line at 1366 too
        self.figures.setTextFormat(Qt.TextFormat.RichText)
        outer.addWidget(self.figures)
        bottom = QHBoxLayout()
        self.hint = _label(
            self.tr("Tra cứu hồ sơ: quét mã QR trên giấy hẹn"), pixel=int(px * 0.75), name="hint"
        )
        self.status_note = _label(pixel=int(px * 0.75), name="statusNote")
        self.status_note.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        bottom.addWidget(self.hint, 3)
        bottom.addWidget(self.status_note, 2)
        outer.addLayout(bottom)
        self._titles: list[str] = []
        self._pages: list[Sequence[PublicDossier] | Sequence[PublicProcedure]] = []
        self._index = 0
        self._figure_cache = board_service.FigureCache()
        self._retry_ms = self.RETRY_FIRST_MS
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self.refresh)
        self._build_lookup(px)
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
        self.datawatch: BoardWatch | None = None
        if watch and self._path is not None:
            self.datawatch = BoardWatch(self._path, self)
            self.datawatch.changed.connect(self.refresh)
        self._update_clock()
        # The frame (name, clock, titles) paints first; the data comes when the worker brings
        # it, so the first read never competes with the first paint.
        QTimer.singleShot(0, self.refresh)

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
        self._retry.stop()
        session, path, cache = self._session, self._path, self._figure_cache

        def task(job: Job) -> PublicBoard:
            return _read_board(session, path, cache)

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
        self._retry.start(self._retry_ms)  # catch up once the lock is gone
        self._retry_ms = min(self._retry_ms * 2, self.RETRY_MAX_MS)
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
        self._retry_ms = self.RETRY_FIRST_MS
        self.status_note.setText("")
        if snapshot.unit_name:
            self.unit.setText(snapshot.unit_name)
        ready = snapshot.lanes["ready"]
        self.ready_list.setText(self._rows_html(ready[: self._rows_per_page * 8 // 5], ready=True))
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
        budget = max(30, int(self.page.width() / (0.56 * self._px)))  # characters on a line
        cells = []
        for d in rows:
            code = escape(d.code)
            name = escape(d.masked_name)
            if ready:
                cells.append(f"<tr><td nowrap><b>{code}</b></td><td nowrap>&nbsp;{name}</td></tr>")
            else:
                # The appointment first, the procedure cut to the line: one row is two lines,
                # as many rows as the page was sized for (a long name wrapped to a third line
                # pushed the last row off the page).
                line = self.tr("Hẹn trả") + ": " + (d.appointment or "—") + " · " + d.procedure
                cells.append(
                    f"<tr><td><b>{code}</b>&nbsp;&nbsp;{name}<br>"
                    f'<span style="color:#c8d6e5">{escape(_short(line, budget))}</span></td></tr>'
                )
        return '<table width="100%" cellspacing="4">' + "".join(cells) + "</table>"

    def _build_pages(self, snapshot: PublicBoard) -> None:
        """Cut the rotating pages (titles and their rows; a page's text is made when it is
        shown, so a refresh formats one page, not every one)."""
        titles = {
            "received": self.tr("Hồ sơ tiếp nhận hôm nay"),
            "in_progress": self.tr("Hồ sơ đang giải quyết"),
            "returned": self.tr("Đã trả kết quả hôm nay"),
        }
        pages: list[tuple[str, Sequence[PublicDossier] | Sequence[PublicProcedure]]] = []
        n = self._rows_per_page
        for lane in ("received", "in_progress", "returned"):
            items = snapshot.lanes[lane]
            chunks = [items[i : i + n] for i in range(0, len(items), n)] or [()]
            for i, chunk in enumerate(chunks):
                suffix = f" ({i + 1}/{len(chunks)})" if len(chunks) > 1 else ""
                pages.append((titles[lane] + suffix, chunk))
        per = max(3, n // 2)
        procs = snapshot.procedures
        pchunks = [procs[i : i + per] for i in range(0, len(procs), per)]
        for i, pchunk in enumerate(pchunks):
            pages.append((self.tr("Thủ tục hành chính") + f" ({i + 1}/{len(pchunks)})", pchunk))
        self._pages = [rows for _title, rows in pages]
        self._titles = [title for title, _rows in pages]
        if not 0 <= self._index < len(self._pages):
            self._index = 0
        self._show_page()

    def _page_html(self, rows: Sequence[PublicDossier] | Sequence[PublicProcedure]) -> str:
        if rows and isinstance(rows[0], PublicProcedure):
            cells = "".join(
                f"<tr><td><b>{escape(p.name)}</b><br>{escape(p.code)} · {escape(p.field)} · "
                f"{escape(self.tr('Thời hạn'))}: {escape(p.time_limit)} · "
                f"{escape(self.tr('Phí'))}: {escape(_short(p.fee, 60))}</td></tr>"
                for p in rows
                if isinstance(p, PublicProcedure)
            )
            return '<table cellspacing="6">' + cells + "</table>"
        return self._rows_html([d for d in rows if isinstance(d, PublicDossier)])

    def _show_page(self) -> None:
        html = self._page_html(self._pages[self._index]) if self._pages else ""
        if self.page.text() != html:
            self.page.setText(html)
        self.page_title.setText(self._titles[self._index] if self._titles else "")

    def next_page(self) -> None:
        """Show the next rotating page (the rotation timer's slot)."""
        if not self._pages:
            return
        self._index = (self._index + 1) % len(self._pages)
        self._show_page()

    def page_count(self) -> int:
        return len(self._pages)

    def current_page(self) -> int:
        return self._index

    def page_titles(self) -> list[str]:
        return list(self._titles)

    # ------------------------------------------------------------------ citizen lookup

    def _build_lookup(self, px: int) -> None:
        """The look-up box: over the middle of the board, hidden until a code is scanned."""
        self._typed = ""
        self._lookup_worker: Worker[PublicDossier | None] | None = None
        self.lookup_box = QFrame(self)
        self.lookup_box.setObjectName("lookupBox")
        box = QVBoxLayout(self.lookup_box)
        box.setContentsMargins(px, px, px, px)
        self.lookup_title = _label(
            self.tr("Tra cứu hồ sơ"), pixel=int(px * 1.1), bold=True, name="lookupTitle"
        )
        self.lookup_answer = _label(pixel=int(px * 1.3), name="lookupAnswer")
        self.lookup_answer.setTextFormat(Qt.TextFormat.RichText)
        self.lookup_answer.setAlignment(Qt.AlignmentFlag.AlignTop)
        box.addWidget(self.lookup_title)
        box.addWidget(self.lookup_answer, 1)
        self.lookup_box.hide()
        self._lookup_timer = QTimer(self)
        self._lookup_timer.setSingleShot(True)
        self._lookup_timer.setInterval(self.LOOKUP_MS)
        self._lookup_timer.timeout.connect(self.hide_lookup)
        self._key_timer = QTimer(self)
        self._key_timer.setSingleShot(True)
        self._key_timer.setInterval(self.KEY_GAP_MS)
        self._key_timer.timeout.connect(self._forget_typed)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """A QR reader is a keyboard: the code's characters, then Enter. Typed by hand works
        the same way; the typed code shows in the hint line meanwhile."""
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            text, self._typed = self._typed, ""
            self._key_timer.stop()
            self._show_hint()
            if text.strip():
                self.look_up(text)
            return
        if key == Qt.Key.Key_Backspace:
            self._typed = self._typed[:-1]
        elif event.text() and event.text().isprintable():
            self._typed = (self._typed + event.text())[-200:]
        else:
            super().keyPressEvent(event)
            return
        self._key_timer.start()
        self._show_hint()

    def _forget_typed(self) -> None:
        self._typed = ""
        self._show_hint()

    def _show_hint(self) -> None:
        if self._typed:
            self.hint.setText(self.tr("Mã hồ sơ: {code}").replace("{code}", self._typed))
        else:
            self.hint.setText(self.tr("Tra cứu hồ sơ: quét mã QR trên giấy hẹn"))

    def look_up(self, text: str) -> None:
        """Look ``text`` (a code, or a QR payload holding one) up in a worker; the answer
        shows over the board for :attr:`LOOKUP_MS`. A newer scan replaces an older one."""
        session, path = self._session, self._path

        def task(job: Job) -> PublicDossier | None:
            return _look_up(session, path, text)

        worker: Worker[PublicDossier | None] = Worker(task, parent=self, show_errors=False)
        worker.succeeded.connect(lambda found, w=worker: self._answer(w, found))
        worker.failed.connect(lambda _exc, w=worker: self._answer_unavailable(w))
        self._lookup_worker = worker
        worker.start()

    def _answer(self, worker: Worker[PublicDossier | None], found: object) -> None:
        if worker is not self._lookup_worker:
            return  # a later scan's answer wins
        from onestop_desktop.ui.lookup import answer_html

        assert found is None or isinstance(found, PublicDossier)
        self._show_lookup(answer_html(found))

    def _answer_unavailable(self, worker: Worker[PublicDossier | None]) -> None:
        if worker is not self._lookup_worker:
            return
        from onestop_desktop.ui.lookup import unavailable_text

        self._show_lookup(escape(unavailable_text()))

    def _show_lookup(self, html: str) -> None:
        self.lookup_answer.setText(html)
        self._place_lookup()
        self.lookup_box.show()
        self.lookup_box.raise_()
        self._lookup_timer.start()
        self.looked_up.emit()

    def hide_lookup(self) -> None:
        """Back to the board: the answer is cleared, not only hidden."""
        self.lookup_box.hide()
        self.lookup_answer.setText("")

    def lookup_shown(self) -> bool:
        return not self.lookup_box.isHidden()

    def _place_lookup(self) -> None:
        w, h = self.width(), self.height()
        bw = int(w * 0.56)
        layout = self.lookup_box.layout()
        fit = layout.totalHeightForWidth(bw) if layout is not None else -1
        bh = min(int(h * 0.8), fit if fit > 0 else int(h * 0.6))
        self.lookup_box.setGeometry((w - bw) // 2, (h - bh) // 2, bw, bh)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_lookup()

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
        for timer in (
            self._tick,
            self.rotation,
            self._safety,
            self._banner_timer,
            self._retry,
            self._lookup_timer,
            self._key_timer,
        ):
            timer.stop()
        if self.datawatch is not None:
            self.datawatch.stop()
        for worker in (self._worker, self._lookup_worker):
            if worker is not None:
                worker.wait_finished(5)

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
