"""Ledger import hardening (#7 item 7): own-numbering codes, people who look alike, refused
cells with line and column, streaming with progress in bounded memory."""

from __future__ import annotations

import csv
import tracemalloc
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pytest
from openpyxl import Workbook

from onestop_desktop.errors import ValidationError
from onestop_desktop.services import dossiers, integrity, ledger, search
from onestop_desktop.services.context import Session
from onestop_desktop.services.dossiers import Applicant, Intake
from onestop_desktop.services.ledger_files import COLUMN_LIMITS, open_ledger, read_ledger
from onestop_desktop.store import counters

from .conftest import FakeClock

UNIT = "000.00.12.H29"
HEADERS = [
    "Mã hồ sơ",
    "Mã thủ tục",
    "Họ tên chủ hồ sơ",
    "Số định danh",
    "Địa chỉ",
    "Ngày nhận",
    "Ngày hẹn trả",
    "Ngày trả kết quả",
    "Trạng thái",
    "Ghi chú",
]


def row(**changes: object) -> dict[str, object]:
    """A valid row of a procedure of the starter catalogue (keyword: header, _ for a space)."""
    base: dict[str, object] = {
        "Mã hồ sơ": "",
        "Mã thủ tục": "2.000815",
        "Họ tên chủ hồ sơ": "Nguyễn Văn An",
        "Số định danh": "",
        "Địa chỉ": "Thôn Đông",
        "Ngày nhận": "03/03/2025 09:00",
        "Ngày hẹn trả": "04/03/2025",
        "Ngày trả kết quả": "04/03/2025 10:00",
        "Trạng thái": "Đã trả kết quả",
        "Ghi chú": "",
    }
    for key, value in changes.items():
        base[key.replace("_", " ")] = value
    return base


def write_csv(path: Path, rows: Sequence[dict[str, object]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADERS)
        for r in rows:
            writer.writerow([r.get(h, "") for h in HEADERS])
    return path


def count(ctx: Session) -> int:
    return int(ctx.store.query("SELECT count(*) AS n FROM dossiers")[0]["n"])


# --- own numbering --------------------------------------------------------------------------


def test_an_imported_code_of_todays_own_numbering_does_not_block_intake(
    ctx: Session, fake_clock: FakeClock, tmp_path: Path
) -> None:
    fake_clock.set("2026-03-02T09:00:00")
    # This station is 1: "…-260302-1001" is the code its first intake of today would get.
    rows = [
        row(
            Mã_hồ_sơ=f"{UNIT}-260302-1001",
            Ngày_nhận="02/03/2026 08:00",
            Ngày_hẹn_trả="05/03/2026",
            Ngày_trả_kết_quả="",
            Trạng_thái="Đang xử lý",
        ),
        row(
            Mã_hồ_sơ=f"{UNIT}-260302-1005",
            Họ_tên_chủ_hồ_sơ="Lê Thị Bình",
            Ngày_nhận="02/03/2026 08:10",
            Ngày_hẹn_trả="05/03/2026",
            Ngày_trả_kết_quả="",
            Trạng_thái="Đang xử lý",
        ),
    ]
    assert ledger.import_file(ctx, write_csv(tmp_path / "so.csv", rows)).imported == 2
    assert counters.current(ctx.store, "2026-03-02", 1) == 5
    codes = [
        dossiers.receive(ctx, Intake("2.000815", Applicant(name), acknowledge_duplicates=True)).code
        for name in ("Trần Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em")
    ]
    assert codes == [f"{UNIT}-260302-{n}" for n in (1006, 1007, 1008)]
    assert len(set(codes) | {r["Mã hồ sơ"] for r in rows}) == 5
    assert integrity.verify(ctx).ok


def test_a_rejected_import_reserves_nothing(
    ctx: Session, fake_clock: FakeClock, tmp_path: Path
) -> None:
    fake_clock.set("2026-03-02T09:00:00")
    rows = [
        row(
            Mã_hồ_sơ=f"{UNIT}-260302-1009",
            Ngày_nhận="02/03/2026",
            Ngày_hẹn_trả="05/03/2026",
            Ngày_trả_kết_quả="",
            Trạng_thái="Đang xử lý",
        ),
        row(Ngày_nhận="31/02/2025"),
    ]
    with pytest.raises(ledger.LedgerRejected):
        ledger.import_file(ctx, write_csv(tmp_path / "so.csv", rows))
    assert counters.current(ctx.store, "2026-03-02", 1) == 0
    assert dossiers.receive(ctx, Intake("2.000815", Applicant("Trần Văn Cường"))).code.endswith(
        "-1001"
    )


# --- people who look alike ------------------------------------------------------------------


def test_two_people_with_the_same_name_procedure_and_dates_are_both_imported(
    ctx: Session, tmp_path: Path
) -> None:
    # No ID column value, same name, procedure and dates: only the address tells them apart.
    rows = [row(Địa_chỉ="Thôn Đông"), row(Địa_chỉ="Thôn Tây")]
    path = write_csv(tmp_path / "so.csv", rows)
    report = ledger.import_file(ctx, path)
    assert (report.imported, report.already_present) == (2, 0)
    found = search.search(ctx, "nguyen van an")
    assert len(found) == 2 and len({f.code for f in found}) == 2
    again = ledger.import_file(ctx, path)
    assert (again.imported, again.already_present) == (0, 2)
    assert count(ctx) == 2


def test_rows_identical_in_every_cell_are_two_dossiers_and_reimport_adds_nothing(
    ctx: Session, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "so.csv", [row(), row(), row(Địa_chỉ="Thôn Tây")])
    report = ledger.import_file(ctx, path)
    assert report.imported == 3
    assert [(w.line, "giống hệt dòng 2" in w.reason_vi) for w in report.warnings] == [(3, True)]
    again = ledger.import_file(ctx, path)
    assert (again.imported, again.already_present) == (0, 3)
    assert count(ctx) == 3


# --- refused cells, with line and column ----------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "column", "words"),
    [
        ({"Họ tên chủ hồ sơ": "An " * 40}, "Họ tên chủ hồ sơ", "quá giới hạn 100"),
        ({"Ghi chú": "x" * 1001}, "Ghi chú", "quá giới hạn 1000"),
        ({"Địa chỉ": "Thôn\x00Đông"}, "Địa chỉ", "U+0000"),
        ({"Ghi chú": "xem \x1b[31m"}, "Ghi chú", "U+001B"),
        ({"Ngày nhận": "03/03/1899"}, "Ngày nhận", "1900–2100"),
        ({"Ngày hẹn trả": "04/03/2101"}, "Ngày hẹn trả", "1900–2100"),
        ({"Mã hồ sơ": "HS-2025-17"}, "Mã hồ sơ", "không phải mã hồ sơ"),
        ({"Mã hồ sơ": f"{UNIT}-251399-1001"}, "Mã hồ sơ", "không phải mã hồ sơ"),
        ({"Mã hồ sơ": "'; DROP TABLE dossiers; --"}, "Mã hồ sơ", "«'» không được phép"),
        ({"Mã thủ tục": "1.004873' OR '1'='1"}, "Mã thủ tục", "«'» không được phép"),
        ({"Mã hồ sơ": f"{UNIT}-250303-1001;"}, "Mã hồ sơ", "«;» không được phép"),
    ],
)
def test_bad_cells_are_refused_with_line_and_column(
    ctx: Session, tmp_path: Path, changes: dict[str, object], column: str, words: str
) -> None:
    path = write_csv(tmp_path / "so.csv", [row(Địa_chỉ="Thôn Nam"), {**row(), **changes}])
    with pytest.raises(ledger.LedgerRejected) as caught:
        ledger.import_file(ctx, path)
    (error,) = caught.value.errors
    assert (error.line, error.column) == (3, column)
    assert words in error.reason_vi
    assert count(ctx) == 0
    assert ctx.store.query("SELECT count(*) AS n FROM events WHERE kind = 'imported'")[0]["n"] == 0


def test_sql_looking_free_text_is_stored_as_typed(ctx: Session, tmp_path: Path) -> None:
    note = "'; DROP TABLE dossiers; -- (ghi chú lạ nhưng là chữ)"
    ledger.import_file(ctx, write_csv(tmp_path / "so.csv", [row(Ghi_chú=note)]))
    (found,) = search.search(ctx, "nguyen van an")
    assert dossiers.detail(ctx, found.code).note == note
    assert count(ctx) == 1


def test_full_width_codes_are_read_as_ascii(ctx: Session, tmp_path: Path) -> None:
    wide = "０００.００.１２.Ｈ２９-２５０３０３-０００７".replace(".", "．")
    report = ledger.import_file(ctx, write_csv(tmp_path / "so.csv", [row(Mã_hồ_sơ=wide)]))
    assert report.imported == 1
    assert dossiers.detail(ctx, f"{UNIT}-250303-0007").applicant.name == "Nguyễn Văn An"


def test_column_limits_cover_every_column() -> None:
    from onestop_desktop.services.ledger_files import COLUMNS

    assert set(COLUMN_LIMITS) == {c.key for c in COLUMNS}


# --- files that break half-way --------------------------------------------------------------


def test_bad_utf8_is_reported_at_its_line(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "so.csv", [row(), row()])
    data = path.read_bytes().replace("Thôn Đông".encode(), b"Th\xf4n \xd0\xf4ng", 1)
    path.write_bytes(data)
    with pytest.raises(ValidationError, match=r"UTF-8 \(dòng 2, byte \d+\)"):
        read_ledger(path)


def test_a_truncated_workbook_is_refused(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(HEADERS)
    for _ in range(2000):
        sheet.append([row().get(h) for h in HEADERS])
    full = tmp_path / "full.xlsx"
    workbook.save(full)
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(full.read_bytes()[: full.stat().st_size // 2])
    with pytest.raises(ValidationError, match="Không đọc được tệp Excel"):
        read_ledger(cut)
    assert zipfile.is_zipfile(full)


def test_a_cell_bigger_than_csv_allows_is_refused_with_its_line(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "so.csv", [row(), row(Ghi_chú="x" * 200_000)])
    with pytest.raises(ValidationError, match="dòng 3"):
        read_ledger(path)


# --- streaming ----------------------------------------------------------------------------------


def big_csv(path: Path, n: int) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADERS)
        for i in range(n):
            writer.writerow([row(Địa_chỉ=f"Số nhà {i}, thôn Đông").get(h, "") for h in HEADERS])
    return path


def test_reading_streams_in_bounded_memory(tmp_path: Path) -> None:
    path = big_csv(tmp_path / "so.csv", 4_000)
    assert path.stat().st_size > 400_000
    stream = open_ledger(path)
    tracemalloc.start()
    try:
        n = sum(1 for item in stream.results(lambda code, line: None) if item.row is not None)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert n == 4_000
    assert peak < 300_000, peak  # the file is 400 kB; read whole it would be several times that


def test_progress_is_reported_up_to_the_total(ctx: Session, tmp_path: Path) -> None:
    path = big_csv(tmp_path / "so.csv", 1_200)
    calls: list[tuple[int, int]] = []
    report = ledger.import_file(ctx, path, progress=lambda d, t, _text: calls.append((d, t)))
    assert report.imported == 1_200
    assert calls[0] == (0, 1_200) and calls[-1] == (1_200, 1_200)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls) and len(calls) >= 4
