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

import csv
import io
import re
import warnings
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from onestop_desktop.domain.clock import VN_TZ, fmt_date, to_vn
from onestop_desktop.domain.codes import looks_like_dossier_code
from onestop_desktop.domain.identity import (
    check_identity_number,
    normalise_person_name,
    normalise_phone,
)
from onestop_desktop.domain.stats import RESOLVED, DossierFacts
from onestop_desktop.domain.status import Status, parse_status
from onestop_desktop.domain.text import fold, nfc
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


RawRow = tuple[int, Sequence[object]]


def _xlsx_rows(path: Path) -> list[RawRow]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with warnings.catch_warnings():
            # openpyxl warns about features it drops (data validation, styles): irrelevant here.
            warnings.simplefilter("ignore")
            workbook = load_workbook(path, data_only=True)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, InvalidFileException) as exc:
        raise ValidationError(
            "Không đọc được tệp Excel {file}: tệp hỏng hoặc không phải .xlsx",
            field="file",
            file=path.name,
            detail=f"{type(exc).__name__}: {exc}",
        ) from exc
    try:
        sheet = workbook.worksheets[0]
        return [(n, tuple(r)) for n, r in enumerate(sheet.iter_rows(values_only=True), start=1)]
    finally:
        workbook.close()


def _csv_text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError(
            "Tệp {file} không phải CSV mã UTF-8; hãy lưu lại bằng «CSV UTF-8» trong Excel",
            field="file",
            file=path.name,
            detail=str(exc),
        ) from exc


def _csv_rows(text: str, delimiter: str) -> Iterator[RawRow]:
    """Records with the line each starts on (a quoted cell may span lines)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 1
    for record in reader:
        yield start, record
        start = reader.line_num + 1


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


def _pick_csv_rows(text: str) -> list[RawRow]:
    """The rows with the delimiter that finds the most headers: ``,`` or ``;`` (Excel in a
    Vietnamese locale writes ``;``) or a tab."""
    best: list[RawRow] = []
    best_score = -1
    for delimiter in (",", ";", "\t"):
        rows = list(_csv_rows(text, delimiter))
        score = _header_score(rows)
        if score > best_score:
            best, best_score = rows, score
    return best


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
    return _text(value).upper()


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

    def raw(self, key: str) -> object:
        index = self.header.positions.get(key)
        if index is None or index >= len(self.cells):
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
        try:
            return _moment(value)
        except ValueError:
            shown = value if isinstance(value, str) else _text(value)
            self.error(
                key,
                f"Ngày «{shown}» không đọc được (dùng dd/mm/yyyy, dd/mm/yyyy HH:MM hoặc ISO 8601)",
            )
            return None

    def read(self, seen_codes: dict[str, int]) -> LedgerRow | None:
        for column in COLUMNS:
            if column.value_required and self.raw(column.key) is None:
                self.error(column.key, f"Thiếu {column.header}")

        code = _text(self.raw("dossier_code")).upper() or None
        procedure = _procedure_code(self.raw("procedure_code"))
        if procedure and not _PROCEDURE_CODE.fullmatch(procedure):
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
                status = parse_status(_text(raw_status))
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

        if code is not None:
            if code in seen_codes:
                self.error("dossier_code", f"Mã hồ sơ {code} trùng với dòng {seen_codes[code]}")
            else:
                seen_codes[code] = self.line
            if not looks_like_dossier_code(code):
                self.warn(
                    "dossier_code", f"Mã hồ sơ «{code}» không theo dạng <mã đơn vị>-YYMMDD-NNNN"
                )
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


def read_ledger(path: str | Path) -> LedgerParse:
    """Parse a ledger file (.xlsx: first sheet; .csv: UTF-8, BOM allowed, ``,``/``;``/tab).

    Raises :class:`NotFound` for a missing file and :class:`ValidationError` for a file that
    cannot be read at all (wrong type, corrupt workbook, not UTF-8). Everything else — missing
    headers, bad values — is reported in the result, each with its line and column.
    """
    path = Path(path)
    if not path.is_file():
        raise NotFound("Không tìm thấy tệp {path}", path=str(path))
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        raw_rows = _xlsx_rows(path)
    elif suffix == ".csv":
        raw_rows = _pick_csv_rows(_csv_text(path))
    else:
        raise ValidationError(
            "Chỉ đọc được sổ theo dõi dạng .xlsx hoặc .csv (tệp đã chọn: {file})",
            field="file",
            file=path.name,
        )

    result = LedgerParse()
    header = _find_header(raw_rows)
    if header is None:
        result.errors.append(
            RowError(
                1,
                "",
                "Không tìm thấy dòng tiêu đề trong "
                f"{HEADER_SEARCH_ROWS} dòng đầu (cần các cột "
                + ", ".join(f"«{c.header}»" for c in COLUMNS if c.header_required)
                + ")",
            )
        )
        return result
    for column in header.missing:
        result.errors.append(RowError(header.line, column.header, f"Thiếu cột «{column.header}»"))
    if result.errors:
        return result
    for key in header.duplicates:
        result.warnings.append(
            RowError(
                header.line,
                _BY_KEY[key].header,
                f"Cột «{_BY_KEY[key].header}» có hai lần; chỉ đọc cột đầu tiên",
            )
        )

    seen_codes: dict[str, int] = {}
    for line, cells in raw_rows:
        if line <= header.line or _is_blank(cells):
            continue
        reader = _RowReader(line, cells, header)
        row = reader.read(seen_codes)
        result.errors.extend(reader.errors)
        result.warnings.extend(reader.warnings)
        if row is not None:
            result.rows.append(row)
    return result
