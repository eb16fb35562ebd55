"""Quản trị → Danh mục thủ tục (Ctrl+Alt+2): browse the procedures, their versions and
documents, and import a catalogue file with every bad line listed.

The search ignores diacritics («khai sinh» finds «Đăng ký khai sinh», as ``services.catalog``
folds both). Importing is two steps, each in a :class:`~onestop_desktop.ui.workers.Worker`:
the file is read first (nothing stored) and its line-by-line error list is shown in a table;
the admin then imports the good procedures (the bad lines skipped) or gives up and fixes the
file. The import itself is ``catalog.import_file``, the same as ``onestop catalog import``, one
transaction and one ``catalog.imported`` event.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop.domain import clock
from onestop_desktop.domain.catalog import Procedure, RequiredDocument
from onestop_desktop.errors import OneStopError
from onestop_desktop.services import catalog
from onestop_desktop.services.catalog import ImportReport
from onestop_desktop.services.catalog_files import CatalogParse, RowError
from onestop_desktop.services.context import Session
from onestop_desktop.ui.admin.common import RIGHT, MessageLine, RowsModel, table_view
from onestop_desktop.ui.i18n import fmt, use_translated_edit_menu
from onestop_desktop.ui.live_texts import LiveTexts
from onestop_desktop.ui.workers import Job, Worker


def _fee(procedure: Procedure) -> str:
    if procedure.fee_amount is not None:
        return clock.fmt_money(procedure.fee_amount)
    return procedure.fee_text


class ProceduresModel(RowsModel[Procedure]):
    """The newest version of each procedure."""

    COL_CODE, COL_NAME, COL_FIELD, COL_VERSION, COL_PUBLISHED = range(5)

    def headers(self) -> list[str]:
        return [
            self.tr("Mã"),
            self.tr("Tên thủ tục"),
            self.tr("Lĩnh vực"),
            self.tr("Phiên bản"),
            self.tr("Đang áp dụng"),
        ]

    def cell(self, row: Procedure, column: int) -> str:
        if column == self.COL_CODE:
            return row.code
        if column == self.COL_NAME:
            return row.name
        if column == self.COL_FIELD:
            return row.field
        if column == self.COL_VERSION:
            return str(row.version)
        if column == self.COL_PUBLISHED:
            return self.tr("Có") if row.published else self.tr("Không")
        return ""

    def tooltip(self, row: Procedure, column: int) -> str | None:
        if column == self.COL_NAME:
            return row.name
        return row.field if column == self.COL_FIELD else None

    def align(self, column: int) -> Qt.AlignmentFlag:
        return RIGHT if column == self.COL_VERSION else super().align(column)


class VersionsModel(RowsModel[Procedure]):
    """Every version of the selected procedure, newest first."""

    COL_VERSION, COL_LIMIT, COL_FEE, COL_DOCUMENTS, COL_PUBLISHED = range(5)

    def headers(self) -> list[str]:
        return [
            self.tr("Phiên bản"),
            self.tr("Thời hạn"),
            self.tr("Lệ phí"),
            self.tr("Số giấy tờ"),
            self.tr("Đang áp dụng"),
        ]

    def cell(self, row: Procedure, column: int) -> str:
        if column == self.COL_VERSION:
            return str(row.version)
        if column == self.COL_LIMIT:
            return row.time_limit.label
        if column == self.COL_FEE:
            return _fee(row)
        if column == self.COL_DOCUMENTS:
            return str(len(row.documents))
        if column == self.COL_PUBLISHED:
            return self.tr("Có") if row.published else self.tr("Không")
        return ""


class DocumentsModel(RowsModel[RequiredDocument]):
    """The required documents (thành phần hồ sơ) of the selected version."""

    COL_NAME, COL_FORM, COL_COUNT = range(3)

    def headers(self) -> list[str]:
        return [self.tr("Giấy tờ"), self.tr("Hình thức"), self.tr("Số bản")]

    def cell(self, row: RequiredDocument, column: int) -> str:
        if column == self.COL_NAME:
            return row.name
        if column == self.COL_FORM:
            return row.form_label
        if column == self.COL_COUNT:
            return str(row.count)
        return ""

    def tooltip(self, row: RequiredDocument, column: int) -> str | None:
        return row.name if column == self.COL_NAME else None


class ImportErrorsModel(RowsModel[RowError]):
    """The catalogue file's bad lines: line, column, what is wrong."""

    COL_LINE, COL_COLUMN, COL_REASON = range(3)

    def headers(self) -> list[str]:
        return [self.tr("Dòng"), self.tr("Cột"), self.tr("Lỗi")]

    def cell(self, row: RowError, column: int) -> str:
        if column == self.COL_LINE:
            return str(row.line)
        if column == self.COL_COLUMN:
            return row.column
        if column == self.COL_REASON:
            return row.reason
        return ""

    def tooltip(self, row: RowError, column: int) -> str | None:
        return row.reason if column == self.COL_REASON else None

    def align(self, column: int) -> Qt.AlignmentFlag:
        return RIGHT if column == self.COL_LINE else super().align(column)


class CatalogScreen(QWidget):
    """Browse and import (see the module docstring)."""

    SEARCH_DELAY_MS = 150

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.live = LiveTexts(self)
        self.setObjectName("AdminCatalogScreen")
        self._session = session
        self._worker: Worker[object] | None = None
        self._file: Path | None = None
        self._parsed: CatalogParse | None = None

        title = QLabel()
        self.live(lambda: title.setText(self.tr("Danh mục thủ tục hành chính")))
        title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.search_box = QLineEdit()
        self.search_box.setObjectName("catalogSearch")
        self.live(
            lambda: self.search_box.setPlaceholderText(
                self.tr("Tìm theo mã, tên hoặc lĩnh vực (gõ không dấu cũng được)")
            )
        )
        self.search_box.setClearButtonEnabled(True)
        use_translated_edit_menu(self.search_box)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(self.SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search_box.textChanged.connect(self._search_timer.start)
        self.count_label = QLabel()
        self.count_label.setObjectName("catalogCount")
        self.import_button = QPushButton()
        self.live(lambda: self.import_button.setText(self.tr("&Nhập tệp danh mục…")))
        self.import_button.setObjectName("importButton")
        self.import_button.clicked.connect(self.choose_file)

        self.procedures = ProceduresModel(self)
        self.procedure_table = table_view(
            self.procedures,
            "proceduresTable",
            stretch=ProceduresModel.COL_NAME,
            widths={ProceduresModel.COL_FIELD: 150},
        )
        self.procedure_table.selectionModel().currentRowChanged.connect(self._show_versions)
        self.versions = VersionsModel(self)
        self.version_table = table_view(
            self.versions, "versionsTable", stretch=VersionsModel.COL_LIMIT
        )
        self.version_table.selectionModel().currentRowChanged.connect(self._show_documents)
        self.documents = DocumentsModel(self)
        self.document_table = table_view(
            self.documents, "documentsTable", stretch=DocumentsModel.COL_NAME
        )

        # The import panel: shown once a file was read.
        self.import_summary = QLabel()
        self.import_summary.setObjectName("importSummary")
        self.import_summary.setWordWrap(True)
        self.errors = ImportErrorsModel(self)
        self.error_table = table_view(
            self.errors, "importErrorsTable", stretch=ImportErrorsModel.COL_REASON
        )
        self.confirm_button = QPushButton()
        self.confirm_button.setObjectName("confirmImportButton")
        self.confirm_button.clicked.connect(self.confirm_import)
        self.cancel_button = QPushButton()
        self.live(lambda: self.cancel_button.setText(self.tr("Bỏ, không nhập")))
        self.cancel_button.setObjectName("cancelImportButton")
        self.cancel_button.clicked.connect(self.close_import)
        self.import_panel = QWidget()
        self.import_panel.setObjectName("importPanel")
        panel = QVBoxLayout(self.import_panel)
        panel.setContentsMargins(0, 0, 0, 0)
        panel.addWidget(self.import_summary)
        panel.addWidget(self.error_table, 1)
        row = QHBoxLayout()
        row.addWidget(self.confirm_button)
        row.addWidget(self.cancel_button)
        row.addStretch(1)
        panel.addLayout(row)
        self.import_panel.hide()
        self.message = MessageLine("catalogMessage")

        top = QHBoxLayout()
        top.addWidget(self.search_box, 1)
        top.addWidget(self.count_label)
        top.addWidget(self.import_button)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(QLabel(self.tr("Các phiên bản:")))
        detail_layout.addWidget(self.version_table, 1)
        detail_layout.addWidget(QLabel(self.tr("Thành phần hồ sơ của phiên bản đã chọn:")))
        detail_layout.addWidget(self.document_table, 2)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("catalogSplitter")
        splitter.addWidget(self.procedure_table)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(top)
        layout.addWidget(splitter, 3)
        layout.addWidget(self.import_panel, 2)
        layout.addWidget(self.message)
        self.setFocusProxy(self.search_box)
        self.apply_search()

    # ------------------------------------------------------------------ browse

    def apply_search(self) -> None:
        self._search_timer.stop()
        try:
            found = catalog.browse(self._session, self.search_box.text())
        except OneStopError as exc:
            self.message.refused(exc)
            found = []
        self.procedures.set_rows(found)
        self.count_label.setText(self.tr("%Ln thủ tục", "", len(found)))
        if found:
            self.procedure_table.selectRow(0)
        else:
            self.versions.set_rows([])
            self.documents.set_rows([])

    def _show_versions(self) -> None:
        index = self.procedure_table.currentIndex()
        procedure = self.procedures.row_at(index.row()) if index.isValid() else None
        if procedure is None:
            self.versions.set_rows([])
            self.documents.set_rows([])
            return
        try:
            found = list(reversed(catalog.history(self._session, procedure.code)))
        except OneStopError as exc:
            self.message.refused(exc)
            found = []
        self.versions.set_rows(found)
        if found:
            self.version_table.selectRow(0)
        else:
            self.documents.set_rows([])

    def _show_documents(self) -> None:
        index = self.version_table.currentIndex()
        version = self.versions.row_at(index.row()) if index.isValid() else None
        self.documents.set_rows(list(version.documents) if version is not None else [])

    # ------------------------------------------------------------------ import

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Chọn tệp danh mục thủ tục"),
            "",
            self.tr("Tệp danh mục (*.csv *.xlsx *.json);;Mọi tệp (*)"),
        )
        if path:
            self.preview(Path(path))

    def busy(self) -> bool:
        return self._worker is not None

    def worker(self) -> Worker[object] | None:
        return self._worker

    def preview(self, path: Path) -> Worker[object] | None:
        """Read ``path`` in the background and show what it holds and every bad line."""
        if self._worker is not None:
            return None
        self._file = path
        self._parsed = None
        self.message.done(fmt(self.tr("Đang đọc tệp %1…"), path.name))

        def task(job: Job) -> object:
            return catalog.preview_file(job.session, path)

        return self._start(task, self._previewed)

    def _previewed(self, parsed: object) -> None:
        assert isinstance(parsed, CatalogParse) and self._file is not None
        self._parsed = parsed
        self.errors.set_rows(parsed.errors)
        bad_lines = len({e.line for e in parsed.errors})
        good = len(parsed.procedures)
        if parsed.errors:
            self.import_summary.setText(
                fmt(
                    self.tr(
                        "Tệp %1: %2 thủ tục đọc được, %3 dòng có lỗi (liệt kê dưới đây). "
                        "Sửa tệp rồi nhập lại, hoặc nhập các thủ tục đúng và bỏ qua các dòng lỗi."
                    ),
                    self._file.name,
                    clock.fmt_int(good),
                    clock.fmt_int(bad_lines),
                )
            )
            self.confirm_button.setText(
                fmt(self.tr("Nhập %1 thủ tục, bỏ qua %2 dòng lỗi"), good, bad_lines)
            )
            self.error_table.show()
        else:
            self.import_summary.setText(
                fmt(
                    self.tr("Tệp %1: %2 thủ tục, không có lỗi."),
                    self._file.name,
                    clock.fmt_int(good),
                )
            )
            self.confirm_button.setText(fmt(self.tr("Nhập %1 thủ tục"), good))
            self.error_table.hide()
        self.confirm_button.setEnabled(good > 0)
        self.import_panel.show()
        self.message.done("")

    def confirm_import(self) -> Worker[object] | None:
        """Import the file read by :meth:`preview` (its bad lines skipped)."""
        if self._worker is not None or self._file is None or self._parsed is None:
            return None
        path, skip = self._file, bool(self._parsed.errors)

        def task(job: Job) -> object:
            return catalog.import_file(job.session, path, skip_bad_rows=skip)

        return self._start(task, self._imported)

    def _imported(self, report: object) -> None:
        assert isinstance(report, ImportReport)
        self.close_import()
        self.message.done(
            fmt(
                self.tr(
                    "Đã nhập danh mục: %1 thủ tục mới, %2 thủ tục có phiên bản mới, %3 không đổi, "
                    "bỏ qua %4 dòng lỗi."
                ),
                len(report.added),
                len(report.updated),
                len(report.unchanged),
                report.skipped_rows,
            )
        )
        self.apply_search()

    def close_import(self) -> None:
        self.import_panel.hide()
        self.errors.set_rows([])
        self._parsed = None

    def _start(
        self, task: Callable[[Job], object], on_success: Callable[[object], None]
    ) -> Worker[object]:
        worker: Worker[object] = Worker(
            task,
            session=self._session,
            parent=self,
            show_errors=False,
        )
        worker.succeeded.connect(on_success)
        worker.failed.connect(self.message.refused)
        worker.finished.connect(self._finished)
        self._worker = worker
        self.import_button.setEnabled(False)
        self.confirm_button.setEnabled(False)
        return worker.start()

    def _finished(self) -> None:
        worker, self._worker = self._worker, None
        self.import_button.setEnabled(True)
        if self._parsed is not None:
            self.confirm_button.setEnabled(bool(self._parsed.procedures))
        if worker is not None:
            worker.deleteLater()
