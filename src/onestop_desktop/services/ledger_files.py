"""Read a legacy Sổ theo dõi hồ sơ (Mẫu 06) kept in Excel or CSV, without touching the database.

Communes kept this ledger by hand for years; importing it lets the statistics cover the time before
the app. The reader is forgiving about layout (title rows above the header, columns in any order,
headers with or without diacritics, ``;`` or ``,`` CSV) and strict about content: every row is
checked, and a row with any error is left out of ``rows`` and reported with its line and column,
so the clerk can fix the file and read it again.

Date-only values (no time of day) are taken at 07:00 +07:00, the opening of the office day
(reference §3, office hours 07:00–11:30, 13:30–17:00): the statistics compare calendar dates only
(reference §3 on-time rule), so the hour never changes a figure, and 07:00 keeps a received
dossier inside office hours. ``LedgerRow.date_only`` says which columns had no time, and order
checks between two dates compare calendar days whenever one side has no time.
"""

from __future__ import annotations

import codecs
import csv
import re
import warnings
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import lru_cache
from itertools import chain, islice
from pathlib import Path
from xml.etree import ElementTree

from onestop_desktop.domain.clock import VN_TZ, fmt_date, fmt_int, to_vn
from onestop_desktop.domain.codes import code_day, looks_like_dossier_code
from onestop_desktop.domain.identity import (
    MAX_ADDRESS_LENGTH,
    MAX_NAME_LENGTH,
    check_identity_number,
    check_text,
    normalise_person_name,
    normalise_phone,
)
from onestop_desktop.domain.stats import RESOLVED, DossierFacts
from onestop_desktop.domain.status import Status, parse_status
from onestop_desktop.domain.text import fold, nfc, nfkc_code
from onestop_desktop.errors import NotFound, ValidationError

DATE_ONLY_TIME = time(7, 0)
"""The time given to a date without a time of day (see the module docstring)."""

HEADER_SEARCH_ROWS = 15
"""The header row is looked for in the first 15 rows: ledgers put titles and the unit above it."""


@dataclass(frozen=True)
class Column:
    """One ledger column: its key, the header printed on Mẫu 06 and other spellings seen."""

    key: str
    header: str
    header_required: bool
    value_required: bool
    aliases: tuple[str, ...] = ()


COLUMNS: tuple[Column, ...] = (
    Column("dossier_code", "Mã hồ sơ", False, False),
    Column("procedure_code", "Mã thủ tục", True, True),
    Column("applicant_name", "Họ tên chủ hồ sơ", True, True),
    Column(
        "id_number",
        "Số định danh",
        False,
        False,
        ("Số định danh cá nhân", "Số CCCD", "Số căn cước", "Số CMND/CCCD"),
    ),
    # Old ledgers often have no address, phone or ID number column: all three are optional.
    Column("address", "Địa chỉ", False, False),
    Column("phone", "Số điện thoại", False, False, ("Điện thoại", "SĐT")),
    Column("received", "Ngày nhận", True, True, ("Ngày nhận hồ sơ",)),
    # Required except on a row refused at the counter (Không được tiếp nhận): no appointment.
    Column("due", "Ngày hẹn trả", True, False, ("Ngày hẹn trả kết quả",)),
    Column("result", "Ngày có kết quả", False, False),
    Column("returned", "Ngày trả kết quả", False, False),
    Column("status", "Trạng thái", True, True),
    Column("note", "Ghi chú", True, False),
    Column("copies", "Số lượng (bộ)", False, False, ("Số lượng",)),
)
"""Every column the reader knows. A required header must be present; a required value must be
filled on every row (the note column must exist, but a note may be empty)."""

_BY_KEY = {c.key: c for c in COLUMNS}

MAX_NOTE_LENGTH = 1000
"""Longest note (Ghi chú) read from a ledger: the same bound as a note typed at intake."""

COLUMN_LIMITS: dict[str, int] = {
    "dossier_code": 40,
    "procedure_code": 40,
    "applicant_name": MAX_NAME_LENGTH,
    "id_number": 20,
    "address": MAX_ADDRESS_LENGTH,
    "phone": 20,
    "received": 40,
    "due": 40,
    "result": 40,
    "returned": 40,
    "status": 80,
    "note": MAX_NOTE_LENGTH,
    "copies": 6,
}
"""Longest text each column may hold (characters, after NFC). A longer cell is refused with its
line and column rather than cut: a cut name or note would be wrong without anyone noticing."""

EARLIEST_YEAR, LATEST_YEAR = 1900, 2100
"""Dates outside these years are typing slips (0205 for 2025) or Excel's day 0, never a dossier."""

_CODE_CHARS = re.compile(r"[0-9A-Z.\-]*")
"""What a dossier or procedure code is made of. A code cell is the one place where text from the
file could look like an instruction (``'; DROP TABLE dossiers; --``): every SQL statement is
parameterised, so it could never run, but a code holding a quote, a semicolon or a space is no
code, and it is refused with its line and column, naming the first character not allowed. Free
text (names, addresses, notes) may hold such characters and is stored as typed."""


def _header_key(text: str) -> str:
    """Header text compared without case, diacritics or punctuation: "Số lượng (bộ)" = "so luong
    bo", "NGÀY NHẬN:" = "ngay nhan"."""
    return " ".join(re.findall(r"[a-z0-9]+", fold(text)))


_HEADER_LOOKUP: dict[str, str] = {
    _header_key(name): column.key for column in COLUMNS for name in (column.header, *column.aliases)
}


@dataclass(frozen=True)
class RowError:
    """A problem in the file: the line (Excel row or CSV line, from 1), the column header and the
    reason in Vietnamese. Also used for warnings."""

    line: int
    column: str
    reason_vi: str


@dataclass(frozen=True)
class LedgerRow:
    """One valid ledger row, typed: text in NFC, phone normalised, datetimes aware in +07:00."""

    line: int
    dossier_code: str | None
    procedure_code: str
    applicant_name: str
    id_number: str | None
    id_kind: str | None
    address: str | None
    phone: str | None
    received_at: datetime
    due_at: datetime | None
    """``None`` only for a dossier refused at the counter (it never had an appointment)."""
    result_at: datetime | None
    returned_at: datetime | None
    status: Status
    note: str
    copies: int | None
    date_only: frozenset[str] = frozenset()
    warnings: tuple[str, ...] = ()

    def to_facts(self, field_name: str, channel: str = "in_person") -> DossierFacts:
        """The row as statistics facts. The ledger has no field (lĩnh vực) or channel, so the
        caller supplies them (from the procedure catalogue); the status history is rebuilt from
        the dates, with the result date, or else the return date, as the end of processing."""
        finished = (self.result_at or self.returned_at) if self.status in RESOLVED else None
        return DossierFacts(
            status=self.status,
            field=field_name,
            channel=channel,
            received_at=self.received_at,
            due_at=self.due_at,
            finished_at=finished,
            returned_at=self.returned_at,
        )


@dataclass
class LedgerParse:
    """The valid rows, the errors (rows with an error are not in ``rows``) and the warnings."""

    rows: list[LedgerRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the whole file can be imported as is."""
        return not self.errors


# --------------------------------------------------------------------------------------------------
# Reading cells
#
# Both readers stream: a row is read, checked and handed on before the next is read, so a
# 1,000,000-row ledger needs the memory of one row (plus the 15 rows the header is looked for in).


RawRow = tuple[int, Sequence[object]]

MAX_LINE_BYTES = 1 << 20
"""Longest physical CSV line read (1 MiB): no ledger row comes near it, and a file without line
breaks (a binary dump renamed .csv) is refused at its first line instead of read whole."""

_XLSX_READ_ERRORS = (
    OSError,
    EOFError,
    KeyError,
    ValueError,
    TypeError,
    IndexError,
    zipfile.BadZipFile,
    zlib.error,
    ElementTree.ParseError,
)
"""What openpyxl raises on a damaged or truncated workbook, at opening or while streaming rows."""


def _xlsx_broken(path: Path, exc: Exception, line: int | None = None) -> ValidationError:
    detail = f"{type(exc).__name__}: {exc}"
    if line is None:
        return ValidationError(
            "Không đọc được tệp Excel {file}: tệp hỏng hoặc không phải .xlsx",
            field="file",
            file=path.name,
            detail=detail,
        )
    return ValidationError(
        "Không đọc được tệp Excel {file} từ dòng {line}: tệp hỏng hoặc bị cắt cụt",
        field="file",
        file=path.name,
        line=line,
        detail=detail,
    )


def _xlsx_rows(path: Path) -> Iterator[RawRow]:
    """The first sheet's rows, streamed (openpyxl read-only mode keeps one row in memory)."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with warnings.catch_warnings():
            # openpyxl warns about features it drops (data validation, styles): irrelevant here.
            warnings.simplefilter("ignore")
            workbook = load_workbook(path, read_only=True, data_only=True)
    except (*_XLSX_READ_ERRORS, InvalidFileException) as exc:
        raise _xlsx_broken(path, exc) from exc
    line = 0
    try:
        sheet = workbook.worksheets[0]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for line, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
                yield line, cells
    except _XLSX_READ_ERRORS as exc:
        raise _xlsx_broken(path, exc, line + 1) from exc
    finally:
        workbook.close()


def _csv_lines(path: Path) -> Iterator[str]:
    """The file's physical lines decoded as UTF-8 (BOM dropped), each checked on its own so a bad
    byte is reported at its line and column, and no line longer than :data:`MAX_LINE_BYTES`."""
    with path.open("rb") as handle:
        number = 0
        while True:
            raw = handle.readline(MAX_LINE_BYTES + 1)
            if not raw:
                return
            number += 1
            if len(raw) > MAX_LINE_BYTES:
                raise ValidationError(
                    "Tệp {file}, dòng {line}: dòng dài quá {limit} byte, không phải sổ theo dõi",
                    field="file",
                    file=path.name,
                    line=number,
                    limit=fmt_int(MAX_LINE_BYTES),
                )
            if number == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise ValidationError(
                    "Tệp {file} không phải CSV mã UTF-8 (dòng {line}, byte {column}); hãy lưu lại "
                    "bằng «CSV UTF-8» trong Excel",
                    field="file",
                    file=path.name,
                    line=number,
                    column=exc.start + 1,
                    detail=str(exc),
                ) from exc


def _csv_rows(path: Path, delimiter: str) -> Iterator[RawRow]:
    """Records with the line each starts on (a quoted cell may span lines), streamed."""
    reader = csv.reader(_csv_lines(path), delimiter=delimiter)
    start = 1
    try:
        for record in reader:
            yield start, record
            start = reader.line_num + 1
    except csv.Error as exc:
        # A cell over csv's field limit (131.072 characters) or a stray quote at the end.
        raise ValidationError(
            "Tệp {file}, dòng {line}: không đọc được dòng CSV (ô quá lớn hoặc dấu nháy kép lệch)",
            field="file",
            file=path.name,
            line=start,
            detail=str(exc),
        ) from exc


def _is_blank(cells: Sequence[object]) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


def _text(value: object) -> str:
    """A cell as NFC text; integral floats lose their ``.0`` (Excel stores numbers as floats)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    return nfc(str(value))


# --------------------------------------------------------------------------------------------------
# Header


@dataclass(frozen=True)
class _Header:
    line: int
    positions: dict[str, int]
    duplicates: tuple[str, ...]

    @property
    def missing(self) -> list[Column]:
        return [c for c in COLUMNS if c.header_required and c.key not in self.positions]


def _read_header(line: int, cells: Sequence[object]) -> _Header:
    positions: dict[str, int] = {}
    duplicates: list[str] = []
    for index, cell in enumerate(cells):
        if cell is None:
            continue
        key = _HEADER_LOOKUP.get(_header_key(_text(cell)))
        if key is None:
            continue
        if key in positions:
            duplicates.append(key)
        else:
            positions[key] = index
    return _Header(line, positions, tuple(duplicates))


def _find_header(rows: Sequence[RawRow]) -> _Header | None:
    """The first of the first rows that has every required header; else the closest one (for the
    error message), or None if no row has any known header."""
    best: _Header | None = None
    for line, cells in rows[:HEADER_SEARCH_ROWS]:
        header = _read_header(line, cells)
        if not header.missing:
            return header
        if header.positions and (best is None or len(header.missing) < len(best.missing)):
            best = header
    return best


def _header_score(rows: Sequence[RawRow]) -> int:
    header = _find_header(rows)
    return 0 if header is None else len(header.positions)


def _pick_csv_delimiter(path: Path) -> str:
    """The delimiter that finds the most headers in the first rows: ``,`` or ``;`` (Excel in a
    Vietnamese locale writes ``;``) or a tab."""
    best, best_score = ",", -1
    for delimiter in (",", ";", "\t"):
        score = _header_score(list(islice(_csv_rows(path, delimiter), HEADER_SEARCH_ROWS)))
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _raw_rows(path: Path) -> Iterator[RawRow]:
    """Every row of the file, streamed, as ``(line, cells)``."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _xlsx_rows(path)
    if suffix == ".csv":
        return _csv_rows(path, _pick_csv_delimiter(path))
    raise ValidationError(
        "Chỉ đọc được sổ theo dõi dạng .xlsx hoặc .csv (tệp đã chọn: {file})",
        field="file",
        file=path.name,
    )


# --------------------------------------------------------------------------------------------------
# Values


_DMY = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")
_HM = r"(\d{1,2})[:hg](\d{2})(?::(\d{2}))?"
_DMY_HM = re.compile(_DMY.pattern + r"\s+" + _HM)
_HM_DMY = re.compile(_HM + r"\s+" + _DMY.pattern)
_EXCEL_SERIALS = (20000, 80000)  # 1954–2119: a date column holding a bare Excel day number
_PROCEDURE_CODE = re.compile(r"\d\.\d{6}(\.[0-9A-Z.]+)?")


def _moment(value: object) -> tuple[datetime, bool]:
    """A cell as an aware datetime and whether it had a time of day; ValueError when unreadable."""
    if isinstance(value, datetime):
        if value.tzinfo is None and value.time() == time.min:
            return datetime.combine(value.date(), DATE_ONLY_TIME, VN_TZ), False
        return to_vn(value), True
    if isinstance(value, date):
        return datetime.combine(value, DATE_ONLY_TIME, VN_TZ), False
    if isinstance(value, int | float) and not isinstance(value, bool):
        if _EXCEL_SERIALS[0] <= value <= _EXCEL_SERIALS[1]:
            from openpyxl.utils.datetime import from_excel

            return _moment(from_excel(value))
        raise ValueError(value)
    text = _text(value)
    if match := _DMY.fullmatch(text):
        day, month, year = (int(g) for g in match.groups())
        return datetime.combine(date(year, month, day), DATE_ONLY_TIME, VN_TZ), False
    if match := _DMY_HM.fullmatch(text):
        day, month, year, hour, minute = (int(g) for g in match.groups()[:5])
        second = int(match[6] or 0)
        return datetime(year, month, day, hour, minute, second, tzinfo=VN_TZ), True
    if match := _HM_DMY.fullmatch(text):
        hour, minute = int(match[1]), int(match[2])
        second = int(match[3] or 0)
        day, month, year = int(match[4]), int(match[5]), int(match[6])
        return datetime(year, month, day, hour, minute, second, tzinfo=VN_TZ), True
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return datetime.combine(date.fromisoformat(text), DATE_ONLY_TIME, VN_TZ), False
    if re.match(r"\d{4}-\d{2}-\d{2}[T ]\d", text):
        return to_vn(datetime.fromisoformat(text.replace("Z", "+00:00"))), True
    raise ValueError(text)


def _not_before(later: tuple[datetime, bool], earlier: tuple[datetime, bool]) -> bool:
    """``later`` ≥ ``earlier``, by calendar day when either value has no time of day."""
    if later[1] and earlier[1]:
        return later[0] >= earlier[0]
    return later[0].date() >= earlier[0].date()


def _procedure_code(value: object) -> str:
    # Excel turns 2.000720 into the number 2.00072: give the six decimals back.
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.6f}"
    return nfkc_code(_text(value)).upper()


@lru_cache(maxsize=256)
def _status(text: str) -> Status:
    """:func:`parse_status`, remembered: a ledger uses a dozen spellings a million times, and
    each parse folds every status name."""
    return parse_status(text)


def _dossier_code_text(value: object) -> str:
    """A dossier code cell as the code: NFKC (full-width digits typed by an IME), upper case."""
    return nfkc_code(_text(value)).upper()


def _id_cell(value: object) -> tuple[str, bool]:
    """An ID cell; a number cell has lost the leading zeros every personal ID has (province codes
    start with 0), so 10–11 digits are padded to 12 and 8 digits to a 9-digit CMND."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        text = str(int(value))
        width = {8: 9, 10: 12, 11: 12}.get(len(text), len(text))
        return text.rjust(width, "0"), width != len(text)
    return _text(value), False


def _phone_cell(value: object) -> tuple[str, bool]:
    """A phone cell; a number cell has lost its leading 0, which is put back."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        text = str(int(value))
        if text.startswith(("0", "84")):
            return text, False
        return "0" + text, True
    return _text(value), False


class _RowReader:
    """Checks one data row, collecting every error and warning with its column."""

    def __init__(self, line: int, cells: Sequence[object], header: _Header) -> None:
        self.line = line
        self.cells = cells
        self.header = header
        self.errors: list[RowError] = []
        self.warnings: list[RowError] = []
        self.refused: set[str] = set()
        self._check_cells()

    def _check_cells(self) -> None:
        """Length and control characters of every text cell of a known column, first: a refused
        cell reads as absent afterwards, so it gives one error, not one per later check."""
        for key, index in self.header.positions.items():
            value = self.cells[index] if index < len(self.cells) else None
            if not isinstance(value, str):
                continue
            try:
                check_text(value, field=key, limit=COLUMN_LIMITS[key])
            except ValidationError as exc:
                self.error(key, exc.message)
                self.refused.add(key)

    def raw(self, key: str) -> object:
        index = self.header.positions.get(key)
        if index is None or index >= len(self.cells) or key in self.refused:
            return None
        value = self.cells[index]
        return None if isinstance(value, str) and not value.strip() else value

    def error(self, key: str, reason: str) -> None:
        self.errors.append(RowError(self.line, _BY_KEY[key].header, reason))

    def warn(self, key: str, reason: str) -> None:
        self.warnings.append(RowError(self.line, _BY_KEY[key].header, reason))

    def moment(self, key: str) -> tuple[datetime, bool] | None:
        value = self.raw(key)
        if value is None:
            return None
        shown = value if isinstance(value, str) else _text(value)
        try:
            moment = _moment(value)
        except (ValueError, OverflowError):
            self.error(
                key,
                f"Ngày «{shown}» không đọc được (dùng dd/mm/yyyy, dd/mm/yyyy HH:MM hoặc ISO 8601)",
            )
            return None
        if not EARLIEST_YEAR <= moment[0].year <= LATEST_YEAR:
            self.error(
                key, f"Ngày «{shown}» ngoài khoảng năm {EARLIEST_YEAR}–{LATEST_YEAR}, không hợp lệ"
            )
            return None
        return moment

    def code_chars(self, key: str, code: str) -> bool:
        """Whether ``code`` holds only code characters; else an error naming the first other."""
        bad = next((ch for ch in code if not _CODE_CHARS.fullmatch(ch)), None)
        if bad is None:
            return True
        shown = bad if bad.isprintable() and bad != " " else f"U+{ord(bad):04X}"
        self.error(
            key,
            f"{_BY_KEY[key].header} «{code}» có ký tự «{shown}» không được phép (mã chỉ gồm chữ "
            "cái không dấu, chữ số, dấu chấm và gạch ngang)",
        )
        return False

    def read(self, seen_code: SeenCode) -> LedgerRow | None:
        for column in COLUMNS:
            if (
                column.value_required
                and column.key not in self.refused
                and self.raw(column.key) is None
            ):
                self.error(column.key, f"Thiếu {column.header}")

        code = _dossier_code_text(self.raw("dossier_code")) or None
        procedure = _procedure_code(self.raw("procedure_code"))
        if procedure and not self.code_chars("procedure_code", procedure):
            procedure = ""
        elif procedure and not _PROCEDURE_CODE.fullmatch(procedure):
            self.warn(
                "procedure_code",
                f"Mã thủ tục «{procedure}» không theo dạng quốc gia N.NNNNNN (ví dụ 1.001193)",
            )

        name = ""
        if self.raw("applicant_name") is not None:
            try:
                name = normalise_person_name(_text(self.raw("applicant_name")))
            except ValidationError as exc:
                self.error("applicant_name", exc.message)

        id_number: str | None = None
        id_kind: str | None = None
        if self.raw("id_number") is not None:
            text, padded = _id_cell(self.raw("id_number"))
            if padded:
                self.warn("id_number", "Excel đã bỏ số 0 đầu của số định danh; đã thêm lại")
            try:
                checked = check_identity_number(text, allow_legacy=True)
            except ValidationError as exc:
                self.error("id_number", exc.message)
            else:
                id_number, id_kind = checked.number, checked.kind
                for message in checked.warnings:
                    self.warn("id_number", message)

        phone = ""
        if self.raw("phone") is not None:
            text, padded = _phone_cell(self.raw("phone"))
            if padded:
                self.warn("phone", "Excel đã bỏ số 0 đầu của số điện thoại; đã thêm lại")
            try:
                phone = normalise_phone(text)
            except ValidationError as exc:
                self.error("phone", exc.message)

        received = self.moment("received")
        due = self.moment("due") if self.raw("due") is not None else None
        result = self.moment("result")
        returned = self.moment("returned")
        if received and due and not _not_before(due, received):
            self.error("due", "Ngày hẹn trả trước ngày nhận")
        if received and result and not _not_before(result, received):
            self.error("result", "Ngày có kết quả trước ngày nhận")
        if received and returned and not _not_before(returned, received):
            self.error("returned", "Ngày trả kết quả trước ngày nhận")
        if result and returned and not _not_before(returned, result):
            self.error("returned", "Ngày trả kết quả trước ngày có kết quả")

        status: Status | None = None
        raw_status = self.raw("status")
        if raw_status is not None:
            try:
                status = _status(_text(raw_status))
            except ValidationError as exc:
                self.error("status", exc.message)
        if due is None and self.raw("due") is None and status not in (None, Status.NOT_ACCEPTED):
            self.error("due", "Thiếu Ngày hẹn trả (chỉ hồ sơ không được tiếp nhận mới không có)")
        if status == Status.RETURNED and self.raw("returned") is None:
            self.error("returned", "Trạng thái «Đã trả kết quả» cần có Ngày trả kết quả")
        if status is not None and status != Status.RETURNED and returned is not None:
            self.warn("returned", f"Có Ngày trả kết quả nhưng trạng thái là «{status.label}»")
        if status == Status.RESULT_READY and self.raw("result") is None:
            self.warn("result", "Trạng thái «Đã xử lý xong» nhưng thiếu Ngày có kết quả")

        copies: int | None = None
        if self.raw("copies") is not None:
            text = _text(self.raw("copies"))
            if text.isdigit() and int(text) >= 1:
                copies = int(text)
            else:
                self.error("copies", f"Số lượng (bộ) «{text}» phải là số nguyên dương")

        if code is not None and self.code_chars("dossier_code", code):
            if not looks_like_dossier_code(code) or code_day(code) is None:
                # Not a code: it cannot be searched or scanned. Left empty, a code is generated.
                self.error(
                    "dossier_code",
                    f"Mã hồ sơ «{code}» không phải mã hồ sơ (dạng <mã đơn vị>-YYMMDD-NNNN); "
                    "để trống ô này để phần mềm cấp mã",
                )
            elif (earlier := seen_code(code, self.line)) is not None:
                self.error("dossier_code", f"Mã hồ sơ {code} trùng với dòng {earlier}")
            elif received and code.split("-")[-2] != f"{received[0]:%y%m%d}":
                self.warn(
                    "dossier_code",
                    f"Mã hồ sơ {code} không khớp ngày nhận {fmt_date(received[0])}",
                )

        if self.errors or received is None or status is None:
            return None
        date_only = frozenset(
            key
            for key, value in (
                ("received", received),
                ("due", due),
                ("result", result),
                ("returned", returned),
            )
            if value is not None and not value[1]
        )
        return LedgerRow(
            line=self.line,
            dossier_code=code,
            procedure_code=procedure,
            applicant_name=name,
            id_number=id_number,
            id_kind=id_kind,
            address=_text(self.raw("address")) or None,
            phone=phone or None,
            received_at=received[0],
            due_at=due[0] if due else None,
            result_at=result[0] if result else None,
            returned_at=returned[0] if returned else None,
            status=status,
            note=_text(self.raw("note")),
            copies=copies,
            date_only=date_only,
            warnings=tuple(w.reason_vi for w in self.warnings),
        )


# --------------------------------------------------------------------------------------------------
# Entry point


SeenCode = Callable[[str, int], int | None]
"""Given a dossier code and its line, the line of an earlier row of the file with that code
(``None`` the first time). :func:`read_ledger` keeps them in a dict; the import keeps them in the
database's temporary store, so a million codes are not held in memory."""


@dataclass(frozen=True)
class RowResult:
    """One data row read: the typed row (``None`` when it has an error) and its problems."""

    line: int
    row: LedgerRow | None
    errors: tuple[RowError, ...]
    warnings: tuple[RowError, ...]


@dataclass
class LedgerStream:
    """An opened ledger: problems with the file as a whole (no header, missing columns: then
    there are no rows), and :meth:`results`, the data rows read one at a time."""

    path: Path
    header: _Header | None
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)
    _rows: Iterator[RawRow] = field(default_factory=lambda: iter(()))

    def results(self, seen_code: SeenCode) -> Iterator[RowResult]:
        """Every non-blank row below the header, checked, in file order."""
        header = self.header
        if header is None or self.errors:
            return
        for line, cells in self._rows:
            if line <= header.line or _is_blank(cells):
                continue
            reader = _RowReader(line, cells, header)
            row = reader.read(seen_code)
            yield RowResult(line, row, tuple(reader.errors), tuple(reader.warnings))


def open_ledger(path: str | Path) -> LedgerStream:
    """Open a ledger file (.xlsx: first sheet; .csv: UTF-8, BOM allowed, ``,``/``;``/tab) and
    find its header; the rows are read only as :meth:`LedgerStream.results` is iterated.

    Raises :class:`NotFound` for a missing file and :class:`ValidationError` for a file that
    cannot be read at all (wrong type, corrupt or truncated workbook, not UTF-8 — with the line).
    """
    path = Path(path)
    if not path.is_file():
        raise NotFound("Không tìm thấy tệp {path}", path=str(path))
    rows = _raw_rows(path)
    head = list(islice(rows, HEADER_SEARCH_ROWS))
    header = _find_header(head)
    stream = LedgerStream(path, header, _rows=chain(head, rows))
    if header is None:
        stream.errors.append(
            RowError(
                1,
                "",
                "Không tìm thấy dòng tiêu đề trong "
                f"{HEADER_SEARCH_ROWS} dòng đầu (cần các cột "
                + ", ".join(f"«{c.header}»" for c in COLUMNS if c.header_required)
                + ")",
            )
        )
        return stream
    for column in header.missing:
        stream.errors.append(RowError(header.line, column.header, f"Thiếu cột «{column.header}»"))
    for key in header.duplicates:
        stream.warnings.append(
            RowError(
                header.line,
                _BY_KEY[key].header,
                f"Cột «{_BY_KEY[key].header}» có hai lần; chỉ đọc cột đầu tiên",
            )
        )
    return stream


def scan_codes(path: str | Path) -> Iterator[tuple[int, str | None]]:
    """``(line, dossier code or None)`` of every non-blank row below the header, the code read as
    the row reader would, nothing else checked: the import's first pass, which counts the rows
    (the progress total) and reserves the file's own-numbering codes before any code is
    generated (see ``services.ledger``). Nothing for a file without a usable header."""
    stream = open_ledger(path)
    header = stream.header
    if header is None or stream.errors:
        return
    index = header.positions.get("dossier_code")
    for line, cells in stream._rows:
        if line <= header.line or _is_blank(cells):
            continue
        cell = cells[index] if index is not None and index < len(cells) else None
        yield line, (_dossier_code_text(cell) or None) if cell is not None else None


def read_ledger(path: str | Path) -> LedgerParse:
    """Parse a whole ledger file into memory (previews and tests; the import streams with
    :func:`open_ledger`). Missing headers and bad values are reported in the result, each with
    its line and column; see :func:`open_ledger` for what raises."""
    stream = open_ledger(path)
    result = LedgerParse(errors=list(stream.errors), warnings=list(stream.warnings))
    seen: dict[str, int] = {}

    def seen_code(code: str, line: int) -> int | None:
        earlier = seen.get(code)
        if earlier is None:
            seen[code] = line
        return earlier

    for item in stream.results(seen_code):
        result.errors.extend(item.errors)
        result.warnings.extend(item.warnings)
        if item.row is not None:
            result.rows.append(item.row)
    return result
