"""Every file of the bad-input corpus (tests/corpus/, made by make_corpus.py) through every file
importer of the CLI — ``ledger import`` and ``catalog import`` (``calendar`` has no file import) —
as a real process (about 3 minutes on 2 busy cores). Each is refused: exit non-zero, a first line
on stderr that is one clear Vietnamese reason naming the file or the line (and column), no
traceback, and nothing written: the database fingerprint (events and their chain head, dossiers,
procedures, counters, users) is the same before and after, and ``verify`` and ``rebuild
--dry-run`` stay clean."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.e2e.conftest import (
    VIETNAMESE_MARKS,
    CliResult,
    copy_data_dir,
    init_station,
    ok,
    onestop,
    query,
)

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
FILES = sorted(p for p in CORPUS.iterdir() if p.suffix in (".csv", ".xlsx", ".json"))
IMPORTERS = {
    "ledger": ("ledger", "import"),
    "catalog": ("catalog", "import"),
}

#: For the importer a file is made for, a fragment its reason must contain.
EXPECT: dict[str, str] = {
    "ledger_cp1258.csv": "UTF-8",
    "ledger_bom_only.csv": "tiêu đề",
    "ledger_empty.csv": "tiêu đề",
    "ledger_nul_bytes.csv": "tiêu đề",
    "ledger_no_newline.csv": "dòng 1",
    "ledger_bad_utf8_line3.csv": "dòng 3",
    "ledger_name_too_long.csv": "cột Họ tên chủ hồ sơ",
    "ledger_giant_cell.csv": "dòng 3",
    "ledger_formula_code.csv": "cột Mã hồ sơ",
    "ledger_formula_name.csv": "cột Họ tên chủ hồ sơ",
    "ledger_control_chars.csv": "U+0000",
    "ledger_sql_code.csv": "«'» không được phép",
    "ledger_sql_procedure.csv": "«'» không được phép",
    "ledger_year_1899.csv": "1900–2100",
    "ledger_year_2101.csv": "1900–2100",
    "ledger_not_a_code.csv": "không phải mã hồ sơ",
    "ledger_missing_columns.csv": "Thiếu cột",
    "ledger_unknown_procedure.csv": "không có trong danh mục",
    "ledger_stray_quote.csv": "dòng",
    "ledger_wrong_types.xlsx": "dòng 3",
    "ledger_truncated.xlsx": "Excel",
    "ledger_not_a_zip.xlsx": "Excel",
    "ledger_zip_not_workbook.xlsx": "Excel",
    "ledger_formula_cells.xlsx": "dòng 3",
    "catalog_deep.json": "lồng quá sâu",
    "catalog_empty.json": "JSON",
    "catalog_top_level_object.json": "danh sách thủ tục",
    "catalog_wrong_types.json": "Thủ tục 1.001193",
    "catalog_huge_number.json": "số quá lớn",
    "catalog_bidi.json": "U+202E",
    "catalog_too_many_documents.json": "quá giới hạn 60",
    "catalog_truncated.json": "JSON",
    "catalog_nul_bytes.json": "JSON",
    "catalog_cp1258.csv": "UTF-8",
    "catalog_control_chars.csv": "U+001B",
    "catalog_name_too_long.csv": "quá giới hạn 500",
    "catalog_formula_code.csv": "Mã thủ tục",
    "catalog_sql_code.csv": "Mã thủ tục",
    "catalog_bom_only.csv": "tiêu đề",
    "catalog_truncated.xlsx": "Excel",
}


def test_every_corpus_file_has_an_expectation() -> None:
    assert {p.name for p in FILES} == set(EXPECT)


@pytest.fixture(scope="module")
def station(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One station with the starter catalogue, shared by the module: nothing may change it."""
    template = tmp_path_factory.mktemp("corpus-template") / "data"
    init_station(template, catalog="starter")
    return copy_data_dir(template, tmp_path_factory.mktemp("corpus") / "data")


def fingerprint(data: Path) -> tuple[object, ...]:
    db = data / "onestop.db"
    events = query(db, "SELECT count(*) AS n, max(seq) AS seq FROM events")[0]
    head = query(db, "SELECT hash FROM events ORDER BY station_id DESC, seq DESC LIMIT 1")
    tables = tuple(
        query(db, f"SELECT count(*) AS n FROM {table}")[0]["n"]
        # Not settings: the first command of the day stamps its integrity check there.
        for table in ("dossiers", "procedures", "code_counters", "users")
    )
    counters = query(db, "SELECT day, station, last FROM code_counters ORDER BY 1, 2")
    digest = hashlib.sha256(repr(counters).encode()).hexdigest()
    return events["n"], events["seq"], head[0]["hash"] if head else None, tables, digest


def check_refusal(result: CliResult, file: Path) -> str:
    detail = (
        f"{file.name}: exit {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    )
    assert result.returncode not in (0, -9), detail
    assert "Traceback" not in result.stderr, detail
    assert "lỗi không mong đợi" not in result.stderr, detail
    line = result.stderr.strip().splitlines()[0] if result.stderr.strip() else ""
    assert line.startswith("onestop: lỗi: "), detail
    assert VIETNAMESE_MARKS & set(line.lower()), detail
    assert file.name in line or "dòng" in line, f"names neither the file nor a line\n{detail}"
    return line


@pytest.mark.parametrize("file", FILES, ids=[p.name for p in FILES])
def test_every_importer_refuses_the_file_and_writes_nothing(station: Path, file: Path) -> None:
    before = fingerprint(station)
    own = file.name.split("_", 1)[0]
    for name, command in IMPORTERS.items():
        result = onestop(station, *command, file)
        line = check_refusal(result, file)
        if name == own:
            assert EXPECT[file.name] in line, f"{EXPECT[file.name]!r} not in {line!r}"
        assert fingerprint(station) == before, f"{name} import of {file.name} wrote something"


def test_the_station_is_intact_after_the_whole_corpus(station: Path) -> None:
    for file in FILES[:3]:
        check_refusal(onestop(station, "ledger", "import", file), file)
    ok(onestop(station, "verify"))
    out = ok(onestop(station, "rebuild", "--dry-run"))
    assert "0 hồ sơ khác, 0 thiếu, 0 thừa" in out.stdout, out.stdout
