"""The dashboard (Ctrl+2): today and this month at a glance, a chart by day and by field, and
the due-today and overdue lists, whose rows open their dossiers.

The figures come from ``services.dashboard.build`` (the Biểu 06 rules, no second formula); the
overdue list is the dossiers the "Quá hạn" card counts. It runs in a
:class:`~onestop_desktop.ui.workers.Worker` on its own connection (a month of facts at a million
dossiers takes a while), and again whenever the main window's ``dataChanged`` fires while the
dashboard is shown (or the next time it is shown). QtCharts is not part of the
PySide6 wheels this app ships, so the chart is a small painted bar chart (:class:`BarChart`).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop.domain import clock
from onestop_desktop.errors import OneStopError
from onestop_desktop.services import dashboard as dashboard_service
from onestop_desktop.services.context import Session
from onestop_desktop.services.dashboard import Dashboard, Figures
from onestop_desktop.services.views import DossierSummary
from onestop_desktop.ui.i18n import QT_TRANSLATE_NOOP, error_text, fmt
from onestop_desktop.ui.labels import status_text
from onestop_desktop.ui.workers import Job, Worker

log = logging.getLogger(__name__)

_Index = QModelIndex | QPersistentModelIndex

RECEIVED_COLOR = QColor(30, 90, 160)
RESOLVED_COLOR = QColor(0, 130, 70)


def percent_text(rate: Decimal | None) -> str:
    """96,2% in Vietnamese (the GUI locale's decimal mark); "—" when nothing was resolved."""
    if rate is None:
        return "—"
    return QLocale().toString(float(rate), "f", 1) + "%"


def build_task(job: Job) -> Dashboard:
    """The worker's task: the dashboard on the worker's own connection."""
    return dashboard_service.build(job.session)


# ---------------------------------------------------------------------------- the lists


class DossierListModel(QAbstractTableModel):
    """A short, fixed list of dossiers (due today or overdue): code, applicant, due, status."""

    COL_CODE, COL_APPLICANT, COL_DUE, COL_STATUS = range(4)
    HEADERS = (
        QT_TRANSLATE_NOOP("DossierListModel", "Mã hồ sơ"),
        QT_TRANSLATE_NOOP("DossierListModel", "Người nộp"),
        QT_TRANSLATE_NOOP("DossierListModel", "Hẹn trả"),
        QT_TRANSLATE_NOOP("DossierListModel", "Trạng thái"),
    )
    DossierRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[DossierSummary, ...] = ()
        self._judged: tuple[datetime, ...] = ()

    def set_rows(self, rows: Sequence[DossierSummary], judged: Sequence[datetime] = ()) -> None:
        """Show ``rows``; ``judged`` (the overdue list): the appointment each was judged late
        against, shown instead of the current one (a rescheduled dossier is late by its first)."""
        self.beginResetModel()
        self._rows = tuple(rows)
        self._judged = tuple(judged) if len(judged) == len(self._rows) else ()
        self.endResetModel()

    def _due(self, row: int) -> datetime | None:
        return self._judged[row] if self._judged else self._rows[row].due_at

    def dossier(self, row: int) -> DossierSummary:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.HEADERS)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.HEADERS)
        ):
            return QCoreApplication.translate("DossierListModel", self.HEADERS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        row, col = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= col < len(self.HEADERS)):
            return None
        item = self._rows[row]
        if role == self.DossierRole:
            return item
        if role == Qt.ItemDataRole.ToolTipRole:
            due = self._due(row)
            if col == self.COL_DUE and due is not None and item.due_at not in (None, due):
                assert item.due_at is not None
                return fmt(
                    QCoreApplication.translate(
                        "DossierListModel",
                        "Quá hạn so với hẹn trả %1 (Biểu 06); hẹn trả hiện tại %2 (đã hẹn lại)",
                    ),
                    clock.fmt_datetime(due),
                    clock.fmt_datetime(item.due_at),
                )
            return item.procedure_name
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == self.COL_CODE:
            return item.code
        if col == self.COL_APPLICANT:
            return item.applicant_name
        if col == self.COL_DUE:
            due = self._due(row)
            return clock.fmt_datetime(due) if due else ""
        return status_text(item.status)


# ---------------------------------------------------------------------------- the chart


@dataclass(frozen=True)
class Bar:
    """One group of the chart: its label and one value per series."""

    label: str
    values: tuple[int, ...]


class BarChart(QWidget):
    """A grouped bar chart painted with QPainter: a few series, labels under the groups, a
    legend on top. Enough for "received / resolved by day or by field", no dependency."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: tuple[Bar, ...] = ()
        self._series: tuple[tuple[str, QColor], ...] = ()
        self._label_every = 1
        self.setMinimumHeight(150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(
        self,
        bars: Sequence[Bar],
        series: Sequence[tuple[str, QColor]],
        *,
        label_every: int = 1,
    ) -> None:
        self._bars = tuple(bars)
        self._series = tuple(series)
        self._label_every = max(1, label_every)
        self.setToolTip("\n".join(f"{b.label}: {', '.join(map(str, b.values))}" for b in bars))
        self.update()

    def bars(self) -> tuple[Bar, ...]:
        return self._bars

    def sizeHint(self) -> QSize:
        return QSize(420, 200)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        metrics = self.fontMetrics()
        line = metrics.height()
        rect = self.rect().adjusted(4, 4, -4, -4)
        # Legend on top.
        x = rect.left()
        for name, color in self._series:
            painter.fillRect(QRectF(x, rect.top() + 3, 10, 10), color)
            painter.setPen(self.palette().windowText().color())
            painter.drawText(int(x + 14), rect.top() + line - 3, name)
            x += 24 + metrics.horizontalAdvance(name)
        top = rect.top() + line + 4
        bottom = rect.bottom() - line - 2
        if not self._bars or bottom - top < 20:
            painter.end()
            return
        peak = max((v for b in self._bars for v in b.values), default=0) or 1
        painter.setPen(self.palette().mid().color())
        painter.drawText(rect.left(), top + line - 2, QLocale().toString(peak))
        left = rect.left() + metrics.horizontalAdvance(QLocale().toString(peak)) + 6
        painter.drawLine(left, bottom, rect.right(), bottom)
        group = (rect.right() - left) / len(self._bars)
        n = max(1, len(self._series))
        width = max(1.0, (group * 0.8) / n)
        for i, bar in enumerate(self._bars):
            gx = left + i * group + group * 0.1
            for j, value in enumerate(bar.values):
                h = (bottom - top) * value / peak
                color = self._series[j][1] if j < len(self._series) else QColor(120, 120, 120)
                painter.fillRect(QRectF(gx + j * width, bottom - h, width - 1, h), color)
            if i % self._label_every == 0:
                painter.setPen(self.palette().windowText().color())
                label = metrics.elidedText(
                    bar.label, Qt.TextElideMode.ElideRight, int(group * self._label_every)
                )
                painter.drawText(int(gx), bottom + line, label)
        painter.end()


# ---------------------------------------------------------------------------- the screen


FIGURES: tuple[tuple[str, str], ...] = (
    ("received", QT_TRANSLATE_NOOP("DashboardScreen", "Tiếp nhận")),
    ("returned_on_time", QT_TRANSLATE_NOOP("DashboardScreen", "Giải quyết đúng hạn")),
    ("in_progress", QT_TRANSLATE_NOOP("DashboardScreen", "Đang giải quyết")),
    ("overdue", QT_TRANSLATE_NOOP("DashboardScreen", "Quá hạn")),
    ("refused", QT_TRANSLATE_NOOP("DashboardScreen", "Từ chối tiếp nhận")),
    ("on_time_rate", QT_TRANSLATE_NOOP("DashboardScreen", "Tỉ lệ đúng hạn")),
)
"""The figure cards, in order: the :class:`Figures` field and its label."""


class DashboardScreen(QWidget):
    """Today and this month for the signed-in :class:`Session`; refreshes on data changes."""

    # A row of the due-today or overdue list was activated: its DossierSummary.
    dossierRequested = Signal(object)
    # The figures on screen were replaced (after a load).
    loaded = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardScreen")
        self._session = session
        self._data: Dashboard | None = None
        self._worker: Worker[Dashboard] | None = None
        self._stale = True

        self.title = QLabel()
        self.title.setObjectName("dashboardTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.status_label = QLabel()
        self.status_label.setObjectName("dashboardStatus")

        self.figure_labels: dict[tuple[str, str], QLabel] = {}
        self.period_boxes: dict[str, QGroupBox] = {}
        periods = QHBoxLayout()
        for period in ("today", "month"):
            box = QGroupBox()
            box.setObjectName(f"dashboard_{period}")
            grid = QGridLayout(box)
            grid.setContentsMargins(8, 4, 8, 6)
            grid.setHorizontalSpacing(12)
            grid.setVerticalSpacing(2)
            for i, (key, _label) in enumerate(FIGURES):
                caption = QLabel()
                caption.setObjectName(f"caption_{key}")
                value = QLabel("—")
                value.setObjectName(f"{period}_{key}")
                vfont = value.font()
                vfont.setPointSizeF(vfont.pointSizeF() * 1.5)
                vfont.setBold(True)
                value.setFont(vfont)
                grid.addWidget(caption, (i // 3) * 2, i % 3)
                grid.addWidget(value, (i // 3) * 2 + 1, i % 3)
                self.figure_labels[(period, key)] = value
                self.figure_labels[(period, "caption_" + key)] = caption
            self.period_boxes[period] = box
            periods.addWidget(box, 1)

        self.day_chart = BarChart()
        self.day_chart.setObjectName("chartByDay")
        self.field_chart = BarChart()
        self.field_chart.setObjectName("chartByField")
        self.day_box = QGroupBox()
        QVBoxLayout(self.day_box).addWidget(self.day_chart)
        self.field_box = QGroupBox()
        QVBoxLayout(self.field_box).addWidget(self.field_chart)
        charts = QHBoxLayout()
        charts.addWidget(self.day_box, 3)
        charts.addWidget(self.field_box, 2)

        self.due_model = DossierListModel(self)
        self.overdue_model = DossierListModel(self)
        self.due_view = self._list_view("dueTodayList", self.due_model)
        self.overdue_view = self._list_view("overdueList", self.overdue_model)
        self.due_box = QGroupBox()
        QVBoxLayout(self.due_box).addWidget(self.due_view)
        self.overdue_box = QGroupBox()
        QVBoxLayout(self.overdue_box).addWidget(self.overdue_view)
        lists = QHBoxLayout()
        lists.addWidget(self.due_box, 1)
        lists.addWidget(self.overdue_box, 1)

        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.status_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addLayout(head)
        layout.addLayout(periods)
        layout.addLayout(charts, 2)
        layout.addLayout(lists, 3)
        self._retranslate()

    # ------------------------------------------------------------------ public API

    def data(self) -> Dashboard | None:
        """What the screen shows (``None`` before the first load)."""
        return self._data

    def figure_text(self, period: str, key: str) -> str:
        """The text of a figure card ("today"/"month", a :data:`FIGURES` key)."""
        return self.figure_labels[(period, key)].text()

    def worker(self) -> Worker[Dashboard] | None:
        """The load in progress, if any."""
        return self._worker

    def reload(self) -> None:
        """Rebuild the figures: in a worker for a file database, at once for one in memory."""
        self._stale = False
        if self._session.store.path is None:
            try:
                self._show(dashboard_service.build(self._session))
            except OneStopError as exc:
                self._failed(exc)
            return
        if self._worker is not None:
            self._stale = True  # one more load after this one
            return
        worker: Worker[Dashboard] = Worker(
            build_task, session=self._session, parent=self, show_errors=False
        )
        worker.succeeded.connect(self._show)
        worker.failed.connect(self._failed)
        worker.finished.connect(self._finished)
        self._worker = worker
        self.status_label.setText(self.tr("Đang tính…"))
        worker.start()

    def data_changed(self) -> None:
        """Someone wrote: reload now if shown, else at the next show."""
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    # ------------------------------------------------------------------ internals

    def _list_view(self, name: str, model: DossierListModel) -> QTableView:
        view = QTableView()
        view.setObjectName(name)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(False)
        view.setTabKeyNavigation(False)
        view.verticalHeader().hide()
        view.setFrameShape(QFrame.Shape.NoFrame)
        header = view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(DossierListModel.COL_APPLICANT, QHeaderView.ResizeMode.Stretch)
        metrics = view.fontMetrics()
        view.setColumnWidth(
            DossierListModel.COL_CODE, metrics.horizontalAdvance("000.00.12.H29-261126-1004") + 14
        )
        view.setColumnWidth(
            DossierListModel.COL_DUE, metrics.horizontalAdvance("28/11/2026 16:59") + 14
        )
        view.setColumnWidth(
            DossierListModel.COL_STATUS, metrics.horizontalAdvance("Được tiếp nhận") + 14
        )
        view.activated.connect(lambda index, m=model: self._activated(m, index))
        view.doubleClicked.connect(lambda index, m=model: self._activated(m, index))
        return view

    def _activated(self, model: DossierListModel, index: QModelIndex) -> None:
        if index.isValid():
            self.dossierRequested.emit(model.dossier(index.row()))

    def _show(self, data: object) -> None:
        assert isinstance(data, Dashboard)
        self._data = data
        locale = QLocale()
        for period, figures in (("today", data.today), ("month", data.month)):
            for key, _label in FIGURES:
                self.figure_labels[(period, key)].setText(self._figure(figures, key, locale))
        self.day_chart.set_data(
            [Bar(clock.fmt_date(b.day)[:5], (b.received, b.resolved)) for b in data.by_day],
            self._series(),
            label_every=5,
        )
        self.field_chart.set_data(
            [Bar(f.field, (f.received, f.resolved)) for f in data.by_field],
            self._series(),
        )
        self.due_model.set_rows(data.due_today)
        self.overdue_model.set_rows(data.overdue, data.overdue_judged)
        self._retranslate_counts()
        self.status_label.setText(
            fmt(self.tr("Cập nhật lúc %1"), clock.to_vn(data.at).strftime("%H:%M:%S"))
        )
        self.loaded.emit()

    @staticmethod
    def _figure(figures: Figures, key: str, locale: QLocale) -> str:
        if key == "on_time_rate":
            return percent_text(figures.on_time_rate)
        return locale.toString(int(getattr(figures, key)))

    def _series(self) -> list[tuple[str, QColor]]:
        return [
            (self.tr("Tiếp nhận"), RECEIVED_COLOR),
            (self.tr("Đã giải quyết"), RESOLVED_COLOR),
        ]

    def _failed(self, exc: object) -> None:
        text = error_text(exc) if isinstance(exc, OneStopError) else str(exc)
        self.status_label.setText(fmt(self.tr("Không tính được: %1"), text))

    def _finished(self) -> None:
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.deleteLater()
        if self._stale and self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale or self._data is None:
            self.reload()

    def _retranslate_counts(self) -> None:
        data = self._data
        locale = QLocale()
        due = locale.toString(data.due_today_count) if data else "—"
        late = locale.toString(data.overdue_count) if data else "—"
        self.due_box.setTitle(fmt(self.tr("Đến hạn hôm nay (%1) — Enter để mở"), due))
        self.overdue_box.setTitle(fmt(self.tr("Đang quá hạn hẹn trả (%1) — Enter để mở"), late))

    def _retranslate(self) -> None:
        self.title.setText(self.tr("Tổng quan"))
        self.period_boxes["today"].setTitle(self.tr("Hôm nay"))
        self.period_boxes["month"].setTitle(self.tr("Tháng này"))
        for period in ("today", "month"):
            for key, label in FIGURES:
                caption = self.figure_labels[(period, "caption_" + key)]
                caption.setText(QCoreApplication.translate("DashboardScreen", label))
            self.figure_labels[(period, "caption_overdue")].setToolTip(
                self.tr(
                    "Theo Biểu 06: hồ sơ đang giải quyết (kể cả đang tạm dừng) có ngày hẹn "
                    "trả trước ngày cuối kỳ"
                )
            )
        # The list is the card's dossiers (services.dashboard.overdue_list), not the worklist's
        # "Quá hạn" filter: say so where the clerk may compare the two.
        self.overdue_box.setToolTip(
            self.tr(
                "Đúng những hồ sơ mà ô «Quá hạn» đếm (Biểu 06): đang giải quyết, kể cả đang tạm "
                "dừng, có ngày hẹn trả trước hôm nay (hẹn đầu tiên nếu đã xin lỗi hẹn lại, theo "
                "thiết lập). Bộ lọc «Quá hạn» của danh sách hồ sơ thì tính theo giờ hẹn và bỏ "
                "qua hồ sơ đang tạm dừng."
            )
        )
        self.day_box.setTitle(self.tr("Theo ngày (30 ngày gần nhất)"))
        self.field_box.setTitle(self.tr("Theo lĩnh vực (tháng này)"))
        self._retranslate_counts()
        if self._data is not None:
            self._show(self._data)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
