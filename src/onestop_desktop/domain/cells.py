"""Spreadsheet-cell safety shared by every CSV and XLSX writer (issue #7, item 6).

Excel, LibreOffice and Google Sheets read a cell whose text begins with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return as a formula (CSV/formula injection: ``=HYPERLINK(...)``,
``=cmd|' /C calc'!A0``). A procedure name, a unit name or an imported field is data typed by
someone else, so every writer passes its text through here. Pure: no files, no openpyxl import.

- CSV has no cell types, so risky text gets a leading apostrophe (the OWASP advice); spreadsheets
  show it as text and our own importers drop that apostrophe again (:func:`unescape_csv_text`).
- XLSX has types: :func:`protect_xlsx_sheet` stores every text cell as a plain string (and risky
  ones with Excel's quote prefix), so it is never a formula and is shown unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final, Protocol


class XlsxCell(Protocol):
    """What this module needs of an openpyxl cell (kept as a protocol to stay pure)."""

    value: object
    data_type: str
    quotePrefix: bool  # noqa: N815 - openpyxl's name


class XlsxSheet(Protocol):
    """What this module needs of an openpyxl worksheet."""

    def iter_rows(self) -> Iterable[Iterable[XlsxCell]]: ...


RISKY_FIRST: Final = frozenset("=+-@\t\r")
"""First characters that make a spreadsheet read a cell as a formula."""


def is_risky(text: str) -> bool:
    """True when ``text`` would be read as a formula by a spreadsheet."""
    return bool(text) and text[0] in RISKY_FIRST


def csv_text(value: object) -> object:
    """The value to hand to ``csv.writer``: risky text prefixed with ``'``, anything else as is.

    Numbers (int, float) are left alone: a count of -1 is a number, not a formula."""
    if isinstance(value, str) and is_risky(value):
        return "'" + value
    return value


def csv_row(values: list[object]) -> list[object]:
    """:func:`csv_text` over a whole row."""
    return [csv_text(v) for v in values]


def unescape_csv_text(text: str) -> str:
    """Undo :func:`csv_text` for a cell read back from a CSV this app (or Excel) wrote."""
    if len(text) >= 2 and text[0] == "'" and text[1] in RISKY_FIRST:
        return text[1:]
    return text


def protect_xlsx_cell(cell: XlsxCell) -> None:
    """Make an openpyxl cell holding text a plain string, never a formula.

    openpyxl turns any string beginning with ``=`` into a formula (``data_type "f"``); this sets
    the type back to a string and, for risky text, Excel's quote prefix so that editing the cell in
    Excel keeps it text.
    """
    value = cell.value
    if isinstance(value, str):
        cell.data_type = "s"
        if is_risky(value):
            cell.quotePrefix = True


def protect_xlsx_sheet(sheet: XlsxSheet) -> None:
    """:func:`protect_xlsx_cell` over every cell of an openpyxl worksheet (call before saving)."""
    for row in sheet.iter_rows():
        for cell in row:
            protect_xlsx_cell(cell)
