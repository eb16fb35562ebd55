"""Issue #7 item 6: no CSV or XLSX the app writes carries a formula.

Each writer (Biểu 06 CSV and XLSX, catalogue CSV and XLSX) is run with text that begins with every
risky character and read back: CSV cells start with the guarding apostrophe, XLSX cells are plain
strings (never data_type "f") with Excel's quote prefix."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from onestop_desktop.domain import cells

RISKY = ["=1+1", "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("http://x","y")']


@pytest.mark.parametrize("text", RISKY)
def test_csv_text_guards_every_risky_start(text: str) -> None:
    assert cells.csv_text(text) == "'" + text
    assert cells.unescape_csv_text("'" + text) == text


@pytest.mark.parametrize("value", ["Cấp bản sao", "1.001190", "", "'quoted", 5, -1, None])
def test_csv_text_leaves_safe_values(value: object) -> None:
    assert cells.csv_text(value) == value


def test_protect_xlsx_cell_turns_formula_into_text() -> None:
    from openpyxl import Workbook

    ws = Workbook().active
    ws["A1"] = "=1+1"
    assert ws["A1"].data_type == "f"  # what openpyxl does without the guard
    cells.protect_xlsx_sheet(ws)
    assert ws["A1"].data_type == "s"
    assert ws["A1"].quotePrefix


def _sample():  # type: ignore[no-untyped-def]
    import dataclasses

    from tests.unit.test_catalog_files import sample_procedures

    procs = sample_procedures()
    return [
        dataclasses.replace(procs[0], code=f"1.00{i:04d}", name=text, field=text)
        for i, text in enumerate(RISKY)
    ]


def test_catalog_csv_export_guards_formulas_and_reads_back(tmp_path: Path) -> None:
    from onestop_desktop.services.catalog_files import read_catalog, write_catalog

    procs = _sample()
    path = tmp_path / "dm.csv"
    write_catalog(procs, path, "csv")
    rows = list(csv.reader(io.StringIO(path.read_text("utf-8-sig"), newline="")))
    col = rows[0].index("name")
    names = [p.name for p in procs]  # as the Procedure normalised them (outer whitespace trimmed)
    assert all(cells.is_risky(n) for n in names)
    assert [r[col] for r in rows[1:]] == ["'" + n for n in names]
    assert [p.name for p in read_catalog(path).procedures] == names


def test_catalog_xlsx_export_has_no_formula(tmp_path: Path) -> None:
    from onestop_desktop.services.catalog_files import write_catalog

    path = tmp_path / "dm.xlsx"
    procs = _sample()
    write_catalog(procs, path, "xlsx")
    ws = load_workbook(path).active
    found = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert found and all(c.data_type == "s" for c in found)
    expected = [p.name for p in procs]
    names = [c.value for c in found if c.value in expected]
    assert set(names) == set(expected)  # name and field columns both hold them
    assert all(c.quotePrefix for c in found if c.value in expected)


def test_report06_xlsx_unit_name_is_text_not_formula(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import dataclasses
    from datetime import date

    from onestop_desktop.reports import report06
    from onestop_desktop.services import reports
    from onestop_desktop.services.context import Station

    data = reports.report06(ctx, date(2026, 1, 1), date(2026, 1, 31))
    evil = '=HYPERLINK("http://x","y")'
    data = dataclasses.replace(data, station=Station(unit_code="X", unit_name=evil, station_id=1))
    out = tmp_path / "b06.xlsx"
    report06.write(data, "xlsx", out)
    ws = load_workbook(out).active
    assert ws["A1"].value == evil
    assert ws["A1"].data_type == "s"
    assert not any(c.data_type == "f" for row in ws.iter_rows() for c in row)


def test_report06_csv_rows_pass_through_the_guard() -> None:
    # render_csv writes every row through cells.csv_row: a field "=…" comes out "'=…".
    assert cells.csv_row(["", "=cmd", 3, -1]) == ["", "'=cmd", 3, -1]


# Issue #7 item 8 (part): JSON nesting depth bounded for catalogue files.


def test_deeply_nested_catalogue_json_is_refused_not_crashed(tmp_path: Path) -> None:
    from onestop_desktop.services.catalog_files import read_catalog

    path = tmp_path / "sau.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    parse = read_catalog(path)
    assert not parse.ok
    assert parse.procedures == []
    assert "lồng quá sâu" in str(parse.errors[0])


def test_brackets_inside_strings_do_not_count_towards_depth(tmp_path: Path) -> None:
    import dataclasses
    import json

    from onestop_desktop.services.catalog_files import read_catalog, write_catalog
    from tests.unit.test_catalog_files import sample_procedures

    procs = [dataclasses.replace(sample_procedures()[0], name='Tên [[[[[[[[[[[[[[[[[[[[ \\" {{{{')]
    path = tmp_path / "dm.json"
    write_catalog(procs, path, "json")
    assert json.loads(path.read_text("utf-8"))
    assert read_catalog(path).procedures == procs
