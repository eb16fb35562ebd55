"""Catalogue files: read and write the procedure list as CSV, XLSX or JSON, without a database.

Offices receive their catalogue as spreadsheets from the province and edit it in Excel, so import
is lenient (Vietnamese or English headers matched without diacritics, a title row above the header,
``;`` as Vietnamese Excel's list separator, numbers typed as numbers) and reports every bad cell
with its line, column and a Vietnamese reason instead of stopping at the first one.

Flat layout for CSV/XLSX, one row per procedure: code, name, field, competent_body,
time_limit_value, time_limit_unit, fee_text, fee_amount, documents (``name|form|count`` items
joined by ``;``), result, legal_basis, linked, published, then the optional version and note.
Line numbers are 1-based file lines (the header is line 1 unless title rows precede it); JSON
errors give the 1-based position of the item in the list as the line.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from onestop_desktop import files
from onestop_desktop.domain.calendar import UNIT_LABELS
from onestop_desktop.domain.catalog import (
    FIELD_LABELS,
    Procedure,
    check_procedure_dict,
    format_documents,
    procedure_to_dict,
    validate_procedure_code,
)
from onestop_desktop.domain.cells import csv_row, protect_xlsx_sheet, unescape_csv_text
from onestop_desktop.domain.clock import fmt_int
from onestop_desktop.domain.text import fold
from onestop_desktop.errors import NotFound, StorageError, ValidationError

CatalogFormat = Literal["csv", "xlsx", "json"]
HeaderStyle = Literal["keys", "vi"]
FORMATS: tuple[CatalogFormat, ...] = ("csv", "xlsx", "json")

#: Column order of the flat layout (CSV/XLSX).
COLUMNS: tuple[str, ...] = (
    "code",
    "name",
    "field",
    "competent_body",
    "time_limit_value",
    "time_limit_unit",
    "fee_text",
    "fee_amount",
    "documents",
    "result",
    "legal_basis",
    "linked",
    "published",
    "version",
    "note",
)
REQUIRED_COLUMNS: tuple[str, ...] = ("code", "name", "field", "competent_body", "time_limit_value")

#: Vietnamese headers written with ``headers="vi"`` (each is also accepted on import).
VI_HEADERS: dict[str, str] = {key: FIELD_LABELS[key] for key in COLUMNS}

# Other spellings seen in provincial lists, compared after :func:`_header_key`.
_ALIASES: dict[str, tuple[str, ...]] = {
    "code": ("ma", "ma tthc", "ma thu tuc hanh chinh", "ma so"),
    "name": ("ten", "ten tthc", "ten thu tuc hanh chinh"),
    "field": ("linh vuc thuc hien",),
    "competent_body": (
        "co quan giai quyet",
        "co quan thuc hien",
        "co quan tham quyen",
        "tham quyen giai quyet",
    ),
    "time_limit_value": (
        "time_limit",
        "thoi han",
        "thoi gian giai quyet",
        "so ngay",
        "gia tri thoi han",
    ),
    "time_limit_unit": ("don vi", "don vi tinh", "don vi thoi gian"),
    "fee_text": ("phi le phi", "le phi", "phi", "muc phi"),
    "fee_amount": ("so tien", "muc thu", "le phi dong", "so tien dong", "phi dong"),
    "documents": ("ho so", "giay to", "thanh phan so luong ho so"),
    "result": ("ket qua thuc hien", "ket qua giai quyet"),
    "legal_basis": ("can cu", "can cu phap ly cua thu tuc"),
    "linked": ("lien thong", "thu tuc lien thong"),
    "published": ("cong khai", "da cong khai", "cong bo"),
    "version": ("phien ban",),
    "note": ("ghi chu",),
}

_NON_WORD = re.compile(r"[^0-9a-z]+")


def _header_key(text: str) -> str:
    """Folded header without punctuation: "Phí, lệ phí" → "phi le phi"."""
    return " ".join(_NON_WORD.sub(" ", fold(text)).split())


_HEADER_MAP: dict[str, str] = {}
for _key in COLUMNS:
    for _spelling in (_key, VI_HEADERS[_key], FIELD_LABELS[_key], *_ALIASES.get(_key, ())):
        _HEADER_MAP.setdefault(_header_key(_spelling), _key)

#: How many leading rows may hold a title before the header row.
_HEADER_SEARCH_ROWS = 10


@dataclass(frozen=True)
class RowError:
    """A problem in one cell (or row) of a catalogue file."""

    line: int
    column: str
    reason: str

    def __str__(self) -> str:
        where = f"Dòng {self.line}" + (f", cột «{self.column}»" if self.column else "")
        return f"{where}: {self.reason}"


@dataclass
class CatalogParse:
    """What an import found: the good procedures and every problem, so nothing is half-known."""

    procedures: list[Procedure] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the whole file was read without a problem."""
        return not self.errors


# --------------------------------------------------------------------------------------------------
# Reading


def _format_of(path: Path, fmt: str | None) -> CatalogFormat:
    name = (fmt or path.suffix.lstrip(".")).lower()
    for known in FORMATS:
        if name == known:
            return known
    if fmt:
        raise ValidationError(
            "Không hỗ trợ định dạng của tệp «{file}» ({format}): chỉ nhận .csv, .xlsx hoặc .json.",
            field="path",
            file=path.name,
            format=fmt,
        )
    raise ValidationError(
        "Không hỗ trợ định dạng của tệp «{file}»: chỉ nhận .csv, .xlsx hoặc .json.",
        field="path",
        file=path.name,
    )


def read_catalog(
    path: str | os.PathLike[str], fmt: CatalogFormat | str | None = None
) -> CatalogParse:
    """Read a catalogue file (format from the extension unless ``fmt`` is given).

    Row problems are collected in ``errors``; only a file that cannot be read at all (missing,
    wrong format, not UTF-8, not a workbook) raises.
    """
    file = Path(path)
    kind = _format_of(file, fmt)
    if not file.is_file():
        raise NotFound("Không tìm thấy tệp danh mục «{file}».", file=str(file))
    if kind == "json":
        return _read_json(_read_text(file))
    if kind == "csv":
        return _read_rows(_csv_rows(_read_text(file)))
    return _read_rows(_xlsx_rows(file))


MAX_FILE_BYTES = 20 * 1024 * 1024
"""Largest catalogue file read (20 MB): the whole national catalogue of a commune is well under
1 MB; a bigger file is refused before it is read into memory."""


def _check_size(file: Path) -> None:
    try:
        size = file.stat().st_size
    except OSError as exc:
        raise StorageError("Không đọc được tệp «{file}».", file=str(file), detail=str(exc)) from exc
    if size > MAX_FILE_BYTES:
        raise ValidationError(
            "Tệp «{file}» lớn {size} byte, quá giới hạn {limit} byte của một tệp danh mục.",
            field="path",
            file=file.name,
            size=fmt_int(size),
            limit=fmt_int(MAX_FILE_BYTES),
        )


def _read_text(file: Path) -> str:
    _check_size(file)
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise StorageError("Không đọc được tệp «{file}».", file=str(file), detail=str(exc)) from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ValidationError(
            "Tệp «{file}» không phải văn bản UTF-8 (dòng {line}, byte {column}). Trong Excel "
            "hãy lưu lại bằng «CSV UTF-8 (Comma delimited)».",
            field="path",
            file=file.name,
            line=line,
            column=column,
        ) from None


# A row as read: (file line, cells). Cells are str for CSV; str/int/float/bool/None for XLSX.
Row = tuple[int, Sequence[object]]


def _sniff_delimiter(text: str) -> str:
    """The separator that best splits the header row into known columns.

    Vietnamese Excel writes ";" (the list separator of the Vietnamese locale); our own files use
    ",". Counting characters would be fooled by the ";" inside the documents column.
    """
    best, best_score = ",", 0
    for delimiter in (",", ";", "\t"):
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        try:
            for _, cells in zip(range(_HEADER_SEARCH_ROWS), reader, strict=False):
                score = len({_HEADER_MAP.get(_header_key(cell)) for cell in cells} - {None})
                if score > best_score:
                    best, best_score = delimiter, score
        except csv.Error:
            continue
    return best


def _csv_rows(text: str) -> Iterator[Row]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text))
    start = 1
    try:
        for cells in reader:
            # A cell we wrote as "'=…" (formula guard) reads back as "=…".
            yield start, [unescape_csv_text(c) for c in cells]
            start = reader.line_num + 1
    except csv.Error as exc:
        raise ValidationError(
            "Tệp CSV hỏng ở dòng {line}.", field="path", line=reader.line_num, detail=str(exc)
        ) from None


def _xlsx_rows(file: Path) -> Iterator[Row]:
    from openpyxl import load_workbook

    _check_size(file)
    try:
        workbook = load_workbook(file, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken or foreign file
        raise ValidationError(
            "Không mở được tệp Excel «{file}» (tệp hỏng hoặc không phải .xlsx).",
            field="path",
            file=file.name,
            detail=str(exc),
        ) from None
    line = 0
    try:
        sheet = workbook.worksheets[0]
        for line, cells in enumerate(sheet.iter_rows(min_row=1, values_only=True), start=1):
            yield line, cells
    except Exception as exc:  # a truncated or damaged sheet fails while streaming its rows
        raise ValidationError(
            "Không đọc được tệp Excel «{file}» từ dòng {line} (tệp hỏng hoặc bị cắt cụt).",
            field="path",
            file=file.name,
            line=line + 1,
            detail=f"{type(exc).__name__}: {exc}",
        ) from None
    finally:
        workbook.close()


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _find_header(rows: Iterator[Row]) -> tuple[int, dict[int, str], list[str]] | None:
    """The header row: the first of the leading rows naming at least two known columns."""
    for _ in range(_HEADER_SEARCH_ROWS):
        row = next(rows, None)
        if row is None:
            return None
        line, cells = row
        names = ["" if _blank(cell) else str(cell).strip() for cell in cells]
        mapping = {
            index: _HEADER_MAP[_header_key(name)]
            for index, name in enumerate(names)
            if name and _header_key(name) in _HEADER_MAP
        }
        if len(set(mapping.values())) >= 2:
            return line, mapping, names
    return None


def _cell(value: object, key: str) -> object:
    """Undo what spreadsheets do to typed values."""
    if isinstance(value, str):
        return value
    if key == "code" and isinstance(value, float):
        # 1.001190 typed as a number comes back as 1.00119: restore the six decimals.
        return f"{value:.6f}"
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if value is None or isinstance(value, (bool, int, float)):
        return value
    return str(value)


def _read_rows(rows: Iterator[Row]) -> CatalogParse:
    parse = CatalogParse()
    header = _find_header(rows)
    if header is None:
        parse.errors.append(
            RowError(1, "", "Không tìm thấy dòng tiêu đề (ví dụ: «Mã thủ tục», «Tên thủ tục»…).")
        )
        return parse
    header_line, mapping, names = header
    columns: dict[str, int] = {}
    for index, key in mapping.items():
        if key in columns:
            parse.errors.append(
                RowError(header_line, names[index], f"Cột trùng với cột «{names[columns[key]]}».")
            )
        else:
            columns[key] = index
    for key in REQUIRED_COLUMNS:
        if key not in columns:
            parse.errors.append(
                RowError(header_line, VI_HEADERS[key], f"Thiếu cột bắt buộc «{VI_HEADERS[key]}».")
            )
    if parse.errors:
        return parse
    seen: dict[str, int] = {}

    def column_of(key: str) -> str:
        index = columns.get(key, columns["time_limit_value"])
        return names[index]

    for line, cells in rows:
        if all(_blank(cell) for cell in cells):
            continue
        extra = [i for i in range(len(names), len(cells)) if not _blank(cells[i])]
        if extra:
            parse.errors.append(
                RowError(
                    line,
                    f"cột thứ {extra[0] + 1}",
                    "Dòng có nhiều ô hơn số cột tiêu đề (có thể do dấu phân cách trong nội dung "
                    "chưa được đặt trong ngoặc kép).",
                )
            )
            continue
        data = {
            key: _cell(cells[index], key) if index < len(cells) else None
            for key, index in columns.items()
        }
        _collect(parse, line, data, column_of, seen)
    return parse


def _code_of(data: Mapping[str, object]) -> str:
    """The row's procedure code when it is one (named in each error of the row), else ""."""
    raw = data.get("code")
    if not isinstance(raw, str):
        return ""
    try:
        return validate_procedure_code(raw)
    except ValidationError:
        return ""


def _collect(
    parse: CatalogParse,
    line: int,
    data: Mapping[str, object],
    column_of: Callable[[str], str],
    seen: dict[str, int],
) -> None:
    procedure, errors = check_procedure_dict(data)
    code = _code_of(data)
    for error in errors:
        # The procedure's code with the reason: a catalogue is read by code, not by line.
        named = code and error.field != "code"
        reason = f"Thủ tục {code}: {error.message}" if named else error.message
        parse.errors.append(RowError(line, column_of(error.field), reason))
    if procedure is None:
        return
    if procedure.code in seen:
        parse.errors.append(
            RowError(
                line,
                column_of("code"),
                f"Mã thủ tục {procedure.code} trùng với dòng {seen[procedure.code]}.",
            )
        )
        return
    seen[procedure.code] = line
    parse.procedures.append(procedure)


def _read_json(text: str) -> CatalogParse:
    parse = CatalogParse()
    too_deep = _json_too_deep(text, MAX_JSON_DEPTH)
    if too_deep is not None:
        parse.errors.append(
            RowError(
                too_deep,
                "",
                f"Tệp JSON lồng quá sâu (quá {MAX_JSON_DEPTH} cấp, ở dòng {too_deep}): "
                "không phải một danh mục thủ tục.",
            )
        )
        return parse
    try:
        document: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        parse.errors.append(
            RowError(exc.lineno, "", f"Tệp JSON không hợp lệ (dòng {exc.lineno}, cột {exc.colno}).")
        )
        return parse
    except (ValueError, RecursionError):
        # A number of more than 4.300 digits (Python's int limit) is not a catalogue value.
        parse.errors.append(RowError(1, "", "Tệp JSON có số quá lớn, không phải danh mục."))
        return parse
    items = document.get("procedures") if isinstance(document, dict) else document
    if not isinstance(items, list):
        parse.errors.append(
            RowError(1, "", "Tệp JSON phải là một danh sách thủ tục, hoặc có khóa «procedures».")
        )
        return parse
    seen: dict[str, int] = {}
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            parse.errors.append(
                RowError(number, "", f"Mục thứ {number} không phải là một đối tượng.")
            )
            continue
        _collect(parse, number, item, _json_column, seen)
    return parse


MAX_JSON_DEPTH = 16
"""Deepest nesting of ``[``/``{`` a catalogue file may have: a real one needs 4 (file, list,
procedure, documents, document); without a bound a crafted file crashes json with RecursionError."""


def _json_too_deep(text: str, limit: int) -> int | None:
    """The line where nesting first exceeds ``limit``, or None; a linear scan before ``json.loads``
    so that no recursion happens on hostile input."""
    depth, line, in_string, escaped = 0, 1, False, False
    for char in text:
        if char == "\n":
            line += 1
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > limit:
                return line
        elif char in "]}":
            depth -= 1
    return None


def _json_column(key: str) -> str:
    return "time_limit" if key.startswith("time_limit") else key


# --------------------------------------------------------------------------------------------------
# Writing


def _flat_row(procedure: Procedure, headers: HeaderStyle) -> dict[str, object]:
    """One procedure as flat cell values (XLSX keeps numbers and booleans typed)."""
    vietnamese = headers == "vi"
    limit = procedure.time_limit
    return {
        "code": procedure.code,
        "name": procedure.name,
        "field": procedure.field,
        "competent_body": procedure.competent_body,
        "time_limit_value": limit.value,
        "time_limit_unit": UNIT_LABELS[limit.unit] if vietnamese else limit.unit,
        "fee_text": procedure.fee_text,
        "fee_amount": procedure.fee_amount,
        "documents": format_documents(procedure.documents, vietnamese=vietnamese),
        "result": procedure.result,
        "legal_basis": procedure.legal_basis,
        "linked": procedure.linked,
        "published": procedure.published,
        "version": procedure.version,
        "note": procedure.note,
    }


def _csv_text(value: object, vietnamese: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        if vietnamese:
            return "có" if value else "không"
        return "true" if value else "false"
    return str(value)


def write_catalog(
    procedures: Iterable[Procedure],
    path: str | os.PathLike[str],
    fmt: CatalogFormat | str | None = None,
    *,
    headers: HeaderStyle = "keys",
) -> None:
    """Write ``procedures`` so that :func:`read_catalog` gives them back equal.

    ``headers="vi"`` writes Vietnamese headers, units and document forms for hand editing. CSV is
    written with a UTF-8 BOM so that Excel shows the diacritics. The file is replaced atomically.
    """
    file = Path(path)
    kind = _format_of(file, fmt)
    items = list(procedures)
    if kind == "json":
        payload = {"procedures": [procedure_to_dict(p) for p in items]}
        data = (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    elif kind == "csv":
        data = _csv_bytes(items, headers)
    else:
        data = _xlsx_bytes(items, headers)
    files.atomic_write(file, data)


def _header_row(headers: HeaderStyle) -> list[str]:
    return [VI_HEADERS[key] if headers == "vi" else key for key in COLUMNS]


def _csv_bytes(items: Sequence[Procedure], headers: HeaderStyle) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(_header_row(headers))
    for procedure in items:
        row = _flat_row(procedure, headers)
        writer.writerow(csv_row([_csv_text(row[key], headers == "vi") for key in COLUMNS]))
    return buffer.getvalue().encode("utf-8-sig")


def _xlsx_bytes(items: Sequence[Procedure], headers: HeaderStyle) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Danh mục TTHC"
    sheet.append(_header_row(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for procedure in items:
        row = _flat_row(procedure, headers)
        sheet.append([row[key] for key in COLUMNS])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                # Text stays text: "1.001190" not a number.
                cell.number_format = "@"
    widths = {"name": 60, "documents": 60, "legal_basis": 40, "fee_text": 30, "result": 30}
    for index, key in enumerate(COLUMNS, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = widths.get(key, 16)
    protect_xlsx_sheet(sheet)  # "=…" stays text, never a formula (issue #7 item 6)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
