"""Importing a legacy Sổ theo dõi hồ sơ (Mẫu 06) as dossiers: events, codes, re-import,
bad rows, search and statistics."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from onestop_desktop.domain import clock
from onestop_desktop.domain.status import Status
from onestop_desktop.errors import PermissionDenied, ValidationError
from onestop_desktop.services import dossiers, integrity, ledger, reports, search, users
from onestop_desktop.services.context import Session
from onestop_desktop.services.dossiers import Applicant, Intake
from onestop_desktop.store import events
from tests.helpers.contracts import LEDGER_HEADERS

from .conftest import FakeClock

UNIT = "000.00.12.H29"

# Shuffled, some headers without diacritics or in capitals, under a title (header on row 3).
TITLE = [["UBND XÃ YÊN SƠN (cũ)"], ["SỔ THEO DÕI HỒ SƠ NĂM 2025"]]

ROWS: list[dict[str, object]] = [
    {  # line 4: returned, result before the appointment → early
        "Trang thai": "Đã trả kết quả",
        "HỌ TÊN CHỦ HỒ SƠ": "Đinh Văn Tâm",
        "Mã thủ tục": "1.004873",
        "Ngay nhan": "03/03/2025 09:00",
        "Ngày hẹn trả": "06/03/2025",
        "Dia chi": "Thôn Đông",
        "So dien thoai": "0912 345 678",
        "Ngày có kết quả": "05/03/2025",
        "Ngày trả kết quả": "06/03/2025 10:00",
        "Số định danh": "001090012345",
    },
    {  # line 5: status as a number, Excel date-time cell, same day → on time
        "Trang thai": 10,
        "HỌ TÊN CHỦ HỒ SƠ": "Lò Thị Pá",
        "Mã thủ tục": "2.000815",
        "Ngay nhan": datetime(2025, 3, 4, 8, 30),
        "Ngày hẹn trả": "04/03/2025 17:00",
        "Dia chi": "Thôn Tây",
        "So dien thoai": "0987654321",
        "Ngày có kết quả": "04/03/2025 15:00",
        "Ngày trả kết quả": "04/03/2025 16:00",
        "Mã hồ sơ": "000.00.05.H29-250304-0007",  # the merged commune's own code
    },
    {  # line 6: still in progress, ISO dates, status without diacritics
        "Trang thai": "dang xu ly",
        "HỌ TÊN CHỦ HỒ SƠ": "Hà Văn Mạnh",
        "Mã thủ tục": "1.004222",
        "Ngay nhan": "2025-03-05",
        "Ngày hẹn trả": "2025-03-14",
        "Dia chi": "Bản Mường",
        "So dien thoai": "0356789012",
        "Ghi chú": "Chờ xác minh",
    },
    {  # line 7: result after the appointment → late
        "Trang thai": "Đã trả kết quả",
        "HỌ TÊN CHỦ HỒ SƠ": "Vi Thị Hoa",
        "Mã thủ tục": "1.004873",
        "Ngay nhan": "03/03/2025 14:00",
        "Ngày hẹn trả": "06/03/2025 14:00",
        "Dia chi": "Thôn Bắc",
        "So dien thoai": "0978123456",
        "Ngày có kết quả": "07/03/2025 09:00",
        "Ngày trả kết quả": "07/03/2025 10:00",
    },
    {  # line 8: withdrawn → on time in Biểu 06
        "Trang thai": "Công dân yêu cầu rút hồ sơ",
        "HỌ TÊN CHỦ HỒ SƠ": "Sầm Văn Lực",
        "Mã thủ tục": "1.004873",
        "Ngay nhan": "10/03/2025 08:00",
        "Ngày hẹn trả": "13/03/2025 08:00",
        "Dia chi": "Thôn Nam",
        "So dien thoai": "0945678123",
        "Ngày có kết quả": "11/03/2025 09:00",
    },
]


def write_xlsx(
    path: Path,
    rows: Sequence[dict[str, object]] = ROWS,
    headers: Sequence[str] = LEDGER_HEADERS,
    above: Sequence[Sequence[object]] = TITLE,
) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for line in above:
        sheet.append(list(line))
    sheet.append(list(headers))
    for row in rows:
        sheet.append([row.get(h) for h in headers])
    workbook.save(path)
    return path


def count(ctx: Session) -> int:
    return int(ctx.store.query("SELECT count(*) AS n FROM dossiers")[0]["n"])


def clerk(ctx: Session) -> Session:
    users.add_user(ctx, "tiepnhan", "clerk", "Lê Thị Thu", "password-123")
    return users.sign_in(ctx.store, "tiepnhan", "password-123")


# --------------------------------------------------------------------------------------------------
# The happy path


def test_a_ledger_becomes_dossiers(ctx: Session, tmp_path: Path) -> None:
    report = ledger.import_file(ctx, write_xlsx(tmp_path / "so.xlsx"))
    assert (report.imported, report.already_present, report.errors) == (5, 0, [])
    assert "Đã nhập 5 hồ sơ" in report.text()
    assert count(ctx) == 5
    # Rows without a code get one in station partition 0, counted per day of receipt.
    tam = search.search(ctx, "dinh van tam")[0]
    assert tam.code == f"{UNIT}-250303-0001"
    assert search.search(ctx, "vi thi hoa")[0].code == f"{UNIT}-250303-0002"
    assert search.search(ctx, "ha van manh")[0].code == f"{UNIT}-250305-0001"
    # A code from the ledger is kept as it is.
    pa = dossiers.detail(ctx, "000.00.05.H29-250304-0007")
    assert pa.applicant.name == "Lò Thị Pá"
    row = dossiers.detail(ctx, tam.code)
    assert row.status == Status.RETURNED
    assert row.applicant.phone == "0912345678"
    assert row.applicant.id_number == "001090012345"
    assert clock.iso(row.received_at) == "2025-03-03T09:00:00+07:00"
    assert row.due_at == clock.parse_iso("2025-03-06T07:00:00+07:00")  # no time: 07:00
    assert row.finished_at == clock.parse_iso("2025-03-05T07:00:00+07:00")
    assert row.procedure.version == 1 and row.procedure.field == "Hộ tịch"
    assert [h.status for h in row.status_history] == [2, 9, 10]
    manh = dossiers.detail(ctx, f"{UNIT}-250305-0001")
    assert manh.note == "Chờ xác minh" and manh.status == Status.PROCESSING


def test_each_row_is_one_imported_event_and_rebuild_agrees(ctx: Session, tmp_path: Path) -> None:
    ledger.import_file(ctx, write_xlsx(tmp_path / "so.xlsx"))
    kinds = [e.kind for e in events.for_dossier(ctx.store, search.search(ctx, "lo thi pa")[0].id)]
    assert kinds == ["imported"]
    imported = ctx.store.query("SELECT count(*) AS n FROM events WHERE kind = 'imported'")
    assert imported[0]["n"] == 5
    history = dossiers.history(ctx, "000.00.05.H29-250304-0007")[0]
    assert history.payload["source"] == {"file": "so.xlsx", "line": 5}
    assert integrity.rebuild(ctx).clean
    assert events.verify(ctx.store)[1] is None


def test_reimport_adds_nothing(ctx: Session, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "so.xlsx")
    ledger.import_file(ctx, path)
    n_events = ctx.store.query("SELECT count(*) AS n FROM events")[0]["n"]
    again = ledger.import_file(ctx, path)
    assert (again.imported, again.already_present) == (0, 5)
    assert count(ctx) == 5
    assert ctx.store.query("SELECT count(*) AS n FROM events")[0]["n"] == n_events


def test_a_csv_ledger_with_semicolons(ctx: Session, tmp_path: Path) -> None:
    path = tmp_path / "so.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["SỔ THEO DÕI HỒ SƠ"])
        headers = [h for h in LEDGER_HEADERS if h != "Ngày có kết quả"]
        writer.writerow(headers)
        for row in ROWS[2:4]:
            writer.writerow(["" if row.get(h) is None else row.get(h) for h in headers])
    report = ledger.import_file(ctx, path)
    assert report.imported == 2
    assert dossiers.detail(ctx, f"{UNIT}-250305-0001").status == Status.PROCESSING


def test_an_open_imported_dossier_can_be_processed_further(
    ctx: Session, fake_clock: FakeClock, tmp_path: Path
) -> None:
    ledger.import_file(ctx, write_xlsx(tmp_path / "so.xlsx"))
    code = f"{UNIT}-250305-0001"
    fake_clock.set("2026-03-02T10:00:00")
    done = dossiers.act(ctx, code, "result_ready")
    assert done.status is Status.RESULT_READY
    assert [e.kind for e in dossiers.history(ctx, code)] == ["imported", "result_ready"]
    assert integrity.rebuild(ctx).clean


# --------------------------------------------------------------------------------------------------
# Search and statistics


def test_imported_dossiers_are_searchable(ctx: Session, tmp_path: Path) -> None:
    ledger.import_file(ctx, write_xlsx(tmp_path / "so.xlsx"))
    assert [d.applicant_name for d in search.search(ctx, "LO THI PA")] == ["Lò Thị Pá"]
    assert [d.applicant_name for d in search.search(ctx, "0987 654 321")] == ["Lò Thị Pá"]
    assert [d.applicant_name for d in search.search(ctx, "000.00.05.H29-250304-0007")] == [
        "Lò Thị Pá"
    ]
    assert [d.applicant_name for d in search.search(ctx, "001090012345")] == ["Đinh Văn Tâm"]


def test_imported_dossiers_count_in_the_report_of_their_period(
    ctx: Session, tmp_path: Path
) -> None:
    ledger.import_file(ctx, write_xlsx(tmp_path / "so.xlsx"))
    march = reports.report06(ctx, date(2025, 3, 1), date(2025, 3, 31)).report
    total = march.total
    assert (total.received_total, total.received_in_person, total.carried_over) == (5, 5, 0)
    assert (total.resolved_early, total.resolved_on_time, total.resolved_late) == (1, 2, 1)
    assert total.withdrawn == 1  # inside the on-time column
    assert (total.in_progress_total, total.in_progress_overdue) == (1, 1)  # due 14/03 < 31/03
    assert march.consistency_errors == []
    assert {r.field for r in march.rows} == {"Hộ tịch", "Chứng thực", "Đăng ký, quản lý cư trú"}
    first_week = reports.report06(ctx, date(2025, 3, 3), date(2025, 3, 9)).report
    assert first_week.total.received_total == 4
    assert (first_week.total.in_progress_total, first_week.total.in_progress_in_time) == (1, 1)
    april = reports.report06(ctx, date(2025, 4, 1), date(2025, 4, 30)).report
    assert (april.total.received_total, april.total.carried_over) == (0, 1)
    assert reports.report06(ctx, date(2025, 2, 1), date(2025, 2, 28)).report.rows == ()


# --------------------------------------------------------------------------------------------------
# Bad rows


def with_bad_row() -> list[dict[str, object]]:
    bad = dict(ROWS[0], **{"HỌ TÊN CHỦ HỒ SƠ": "Mai Văn Bảy", "Ngay nhan": "31/02/2025"})
    return [*ROWS[:2], bad, *ROWS[2:]]  # the bad row is on line 6


def test_a_bad_row_imports_nothing(ctx: Session, tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as caught:
        ledger.import_file(ctx, write_xlsx(tmp_path / "loi.xlsx", with_bad_row()))
    message = caught.value.message
    assert "dòng 6" in message and "Ngày nhận" in message and "31/02/2025" in message
    assert "--skip-bad-rows" in message
    assert count(ctx) == 0


def test_skip_bad_rows_imports_the_others(ctx: Session, tmp_path: Path) -> None:
    report = ledger.import_file(
        ctx, write_xlsx(tmp_path / "loi.xlsx", with_bad_row()), skip_bad_rows=True
    )
    assert report.imported == 5
    assert [(e.line, e.column) for e in report.errors] == [(6, "Ngày nhận")]
    assert "dòng 6, cột Ngày nhận" in report.text()
    assert report.to_json()["errors"][0]["line"] == 6
    assert search.search(ctx, "mai van bay") == []


def test_a_procedure_missing_from_the_catalogue_is_a_row_error(
    ctx: Session, tmp_path: Path
) -> None:
    rows = [*ROWS, dict(ROWS[0], **{"Mã thủ tục": "1.999999", "HỌ TÊN CHỦ HỒ SƠ": "Mai Văn Bảy"})]
    path = write_xlsx(tmp_path / "so.xlsx", rows)
    with pytest.raises(ValidationError, match=r"dòng 9.*1\.999999"):
        ledger.import_file(ctx, path)
    assert count(ctx) == 0
    report = ledger.import_file(ctx, path, skip_bad_rows=True)
    assert report.imported == 5 and report.errors[0].line == 9


def test_a_missing_required_column(ctx: Session, tmp_path: Path) -> None:
    headers = [h for h in LEDGER_HEADERS if h != "Ngay nhan"]
    with pytest.raises(ValidationError, match="Ngày nhận"):
        ledger.import_file(ctx, write_xlsx(tmp_path / "so.xlsx", headers=headers))
    assert count(ctx) == 0


def test_only_an_admin_imports_a_ledger(ctx: Session, tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied, match="sổ theo dõi"):
        ledger.import_file(clerk(ctx), write_xlsx(tmp_path / "so.xlsx"))
    assert count(ctx) == 0


# --------------------------------------------------------------------------------------------------
# Dossier codes: a ledger of this very commune carries codes in the same unit's format


def own_code_rows(explicit_first: bool) -> list[dict[str, object]]:
    coded = dict(
        ROWS[2],
        **{"Mã hồ sơ": f"{UNIT}-250305-0001", "HỌ TÊN CHỦ HỒ SƠ": "Đào Thị Mến"},
    )
    uncoded = dict(ROWS[2], **{"Ngay nhan": "05/03/2025 10:00"})
    return [coded, uncoded] if explicit_first else [uncoded, coded]


@pytest.mark.parametrize("explicit_first", [True, False], ids=["coded-first", "uncoded-first"])
def test_generated_codes_never_take_a_code_the_ledger_uses(
    ctx: Session, tmp_path: Path, explicit_first: bool
) -> None:
    # Before the app the commune numbered its own dossiers <unit>-YYMMDD-0001, -0002…; a row
    # without a code received the same day must get a free code, and the ledger's own code
    # must stay with the row that carries it.
    path = write_xlsx(tmp_path / "so.xlsx", own_code_rows(explicit_first))
    report = ledger.import_file(ctx, path)
    assert (report.imported, report.errors) == (2, [])
    assert dossiers.detail(ctx, f"{UNIT}-250305-0001").applicant.name == "Đào Thị Mến"
    manh = search.search(ctx, "ha van manh")
    assert len(manh) == 1 and manh[0].code != f"{UNIT}-250305-0001"


def test_a_code_already_used_by_another_dossier_imports_nothing(
    ctx: Session, fake_clock: FakeClock, tmp_path: Path
) -> None:
    fake_clock.set("2026-03-02T09:00:00")
    live = dossiers.receive(ctx, Intake("2.000815", Applicant("Nguyễn Thị Lan")))
    assert live.code == f"{UNIT}-260302-1001"
    clash = dict(
        ROWS[2],
        **{"Mã hồ sơ": live.code, "Ngay nhan": "02/03/2026 08:00", "Ngày hẹn trả": "05/03/2026"},
    )
    path = write_xlsx(tmp_path / "so.xlsx", [ROWS[0], clash])
    # "A file with errors imports nothing unless told to skip them" (services/ledger.py).
    with pytest.raises(ValidationError, match=live.code):
        ledger.import_file(ctx, path)
    assert count(ctx) == 1
    report = ledger.import_file(ctx, path, skip_bad_rows=True)
    assert report.imported == 1
    assert [(e.line, e.column) for e in report.errors] == [(5, "Mã hồ sơ")]
    assert dossiers.detail(ctx, live.code).applicant.name == "Nguyễn Thị Lan"


def test_every_error_is_reported_not_only_the_first(ctx: Session, tmp_path: Path) -> None:
    """A rejected ledger carries all its errors, in file order (the CLI lists them all)."""
    rows = [dict(r) for r in ROWS]
    rows[0]["Ngay nhan"] = "31/02/2025"
    rows[2]["Mã thủ tục"] = "9.999999"
    with pytest.raises(ledger.LedgerRejected) as caught:
        ledger.import_file(ctx, write_xlsx(tmp_path / "so.xlsx", rows))
    lines = [e.line for e in caught.value.errors]
    assert lines == sorted(lines) and len(lines) == 2
    assert "2 lỗi" in caught.value.message
    assert [line.split(",")[0].strip() for line in caught.value.lines()] == [
        f"dòng {n}" for n in lines
    ]
    doc = caught.value.to_json()
    assert doc["imported"] == 0 and [e["line"] for e in doc["errors"]] == lines  # type: ignore[union-attr]
    assert count(ctx) == 0
