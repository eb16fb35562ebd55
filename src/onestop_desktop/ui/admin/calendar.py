"""Quản trị → Lịch làm việc (Ctrl+Alt+3): a year's days off and make-up working days.

One list per year, each day with where it comes from: the government's official swaps (the
document that announced them, from ``resources/calendar/official_days.json``), the ``holidays``
package's estimate, or a row an admin entered. The admin adds a day off or a make-up working
day with its reason, or removes a row; both are ``services/calendar.py`` calls (one transaction,
one ``calendar.*`` event), and appointments computed afterwards follow the new calendar.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop.domain import clock
from onestop_desktop.errors import OneStopError
from onestop_desktop.services import calendar
from onestop_desktop.services.calendar import CalendarDay
from onestop_desktop.services.context import Session
from onestop_desktop.ui.admin.common import MessageLine, RowsModel, attempt, table_view
from onestop_desktop.ui.i18n import QT_TRANSLATE_NOOP, fmt, use_translated_edit_menu
from onestop_desktop.ui.live_texts import LiveTexts

WEEKDAYS = (
    QT_TRANSLATE_NOOP("CalendarModel", "Thứ Hai"),
    QT_TRANSLATE_NOOP("CalendarModel", "Thứ Ba"),
    QT_TRANSLATE_NOOP("CalendarModel", "Thứ Tư"),
    QT_TRANSLATE_NOOP("CalendarModel", "Thứ Năm"),
    QT_TRANSLATE_NOOP("CalendarModel", "Thứ Sáu"),
    QT_TRANSLATE_NOOP("CalendarModel", "Thứ Bảy"),
    QT_TRANSLATE_NOOP("CalendarModel", "Chủ nhật"),
)

KINDS = {
    "day_off": QT_TRANSLATE_NOOP("CalendarModel", "Ngày nghỉ"),
    "workday": QT_TRANSLATE_NOOP("CalendarModel", "Ngày làm bù"),
}

SOURCES = {
    "official": QT_TRANSLATE_NOOP("CalendarModel", "Văn bản chính thức"),
    "seed": QT_TRANSLATE_NOOP("CalendarModel", "Ước tính (thư viện holidays)"),
    "manual": QT_TRANSLATE_NOOP("CalendarModel", "Nhập tay"),
}


class CalendarModel(RowsModel[CalendarDay]):
    """The rows of one year, by date."""

    COL_DATE, COL_WEEKDAY, COL_KIND, COL_NOTE, COL_SOURCE, COL_DOCUMENT = range(6)

    def headers(self) -> list[str]:
        return [
            self.tr("Ngày"),
            self.tr("Thứ"),
            self.tr("Loại"),
            self.tr("Lý do"),
            self.tr("Nguồn"),
            self.tr("Căn cứ"),
        ]

    def cell(self, row: CalendarDay, column: int) -> str:
        if column == self.COL_DATE:
            return clock.fmt_date(row.day)
        if column == self.COL_WEEKDAY:
            return self.tr(WEEKDAYS[row.day.weekday()])
        if column == self.COL_KIND:
            return self.tr(KINDS[row.kind]) if row.kind in KINDS else row.kind
        if column == self.COL_NOTE:
            return row.note
        if column == self.COL_SOURCE:
            return self.tr(SOURCES[row.source]) if row.source in SOURCES else row.source
        if column == self.COL_DOCUMENT:
            return row.document
        return ""

    def tooltip(self, row: CalendarDay, column: int) -> str | None:
        if column == self.COL_NOTE:
            return row.note
        if column == self.COL_SOURCE:
            return self.cell(row, column)
        return row.document if column == self.COL_DOCUMENT else None


class CalendarScreen(QWidget):
    """One year's calendar rows and the form to add or remove one (see the module docstring)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.live = LiveTexts(self)
        self.setObjectName("AdminCalendarScreen")
        self._session = session
        today = session.now().date()

        title = QLabel()
        self.live(lambda: title.setText(self.tr("Lịch làm việc: ngày nghỉ và ngày làm bù")))
        title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.year_box = QSpinBox()
        self.year_box.setObjectName("yearBox")
        self.year_box.setRange(2000, 2100)
        self.year_box.setValue(today.year)
        self.year_box.valueChanged.connect(self.reload)
        self.summary = QLabel()
        self.summary.setObjectName("calendarSummary")
        self.model = CalendarModel(self)
        self.table = table_view(
            self.model,
            "calendarTable",
            stretch=CalendarModel.COL_NOTE,
            widths={CalendarModel.COL_SOURCE: 170, CalendarModel.COL_DOCUMENT: 200},
        )

        self.day_edit = QDateEdit()
        self.day_edit.setObjectName("dayEdit")
        self.day_edit.setDisplayFormat("dd/MM/yyyy")
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDate(QDate(today.year, today.month, today.day))
        self.kind_box = QComboBox()
        self.kind_box.setObjectName("kindBox")
        for kind, label in KINDS.items():
            self.kind_box.addItem(self.tr(label), kind)
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("reasonEdit")
        self.live(
            lambda: self.reason_edit.setPlaceholderText(
                self.tr("Lý do, ví dụ: nghỉ bù Quốc khánh theo thông báo")
            )
        )
        use_translated_edit_menu(self.reason_edit)
        self.add_button = QPushButton()
        self.live(lambda: self.add_button.setText(self.tr("&Thêm / sửa ngày")))
        self.add_button.setObjectName("addDayButton")
        self.add_button.clicked.connect(self.add_day)
        self.remove_button = QPushButton()
        self.live(lambda: self.remove_button.setText(self.tr("&Xóa ngày đã chọn")))
        self.remove_button.setObjectName("removeDayButton")
        self.remove_button.clicked.connect(self.remove_day)
        self.message = MessageLine("calendarMessage")
        self.source_label = QLabel()
        self.source_label.setObjectName("calendarSource")
        self.source_label.setWordWrap(True)
        self.source_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        note = QLabel()
        self.live(
            lambda: note.setText(
                self.tr(
                    "Thứ Bảy, Chủ nhật là ngày nghỉ, trừ ngày làm bù ghi ở đây. Các dòng «Văn bản "
                    "chính thức» lấy từ thông báo của Chính phủ kèm theo phần mềm; dòng «Ước tính» "
                    "cần kiểm tra lại theo thông báo hằng năm."
                )
            )
        )
        note.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Năm:")))
        top.addWidget(self.year_box)
        top.addWidget(self.summary, 1)
        form = QHBoxLayout()
        form.addWidget(QLabel(self.tr("Ngày:")))
        form.addWidget(self.day_edit)
        form.addWidget(self.kind_box)
        form.addWidget(self.reason_edit, 1)
        form.addWidget(self.add_button)
        form.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(top)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.source_label)
        layout.addLayout(form)
        layout.addWidget(self.message)
        self.setFocusProxy(self.table)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.reload()

    def year(self) -> int:
        return self.year_box.value()

    def reload(self) -> None:
        try:
            rows = calendar.list_year(self._session, self.year())
        except OneStopError as exc:
            self.message.refused(exc)
            rows = []
        self.model.set_rows(rows)
        off = sum(1 for r in rows if r.kind == "day_off")
        work = sum(1 for r in rows if r.kind == "workday")
        self.summary.setText(
            fmt(self.tr("%1 ngày nghỉ, %2 ngày làm bù trong năm %3"), off, work, self.year())
        )

    def _row_chosen(self) -> None:
        index = self.table.currentIndex()
        row = self.model.row_at(index.row()) if index.isValid() else None
        if row is None:
            self.source_label.clear()
            return
        self.source_label.setText(
            fmt(
                self.tr("%1 — %2. Nguồn: %3"),
                clock.fmt_date(row.day),
                row.note,
                row.document or self.model.cell(row, CalendarModel.COL_SOURCE),
            )
        )
        self.day_edit.setDate(QDate(row.day.year, row.day.month, row.day.day))
        self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(row.kind)))
        self.reason_edit.setText(row.note)

    def chosen_day(self) -> date:
        value = self.day_edit.date()
        return date(value.year(), value.month(), value.day())

    def add_day(self) -> bool:
        """Mark the chosen day as off or as a make-up working day, with its reason."""
        day, kind, reason = (
            self.chosen_day(),
            str(self.kind_box.currentData()),
            self.reason_edit.text(),
        )

        def act() -> str:
            calendar.set_day(self._session, day, kind, reason, require_note=True)
            return fmt(
                self.tr("Đã ghi %1 là %2"), clock.fmt_date(day), self.tr(KINDS.get(kind, kind))
            )

        ok = attempt(self.message, act)
        if ok:
            if day.year != self.year():
                self.year_box.setValue(day.year)  # reloads
            else:
                self.reload()
            self.select(day)
        return ok

    def remove_day(self) -> bool:
        index = self.table.currentIndex()
        row = self.model.row_at(index.row()) if index.isValid() else None
        if row is None:
            return False

        def act() -> str:
            calendar.remove_day(self._session, row.day)
            return fmt(self.tr("Đã xóa ngày %1 khỏi lịch"), clock.fmt_date(row.day))

        ok = attempt(self.message, act)
        self.reload()
        return ok

    def select(self, day: date) -> bool:
        for number, row in enumerate(self.model.rows()):
            if row.day == day:
                self.table.selectRow(number)
                self.table.scrollTo(self.model.index(number, 0))
                return True
        return False
