"""The rule commands as a district script runs them: ``onestop catalog``, ``calendar``, ``report``
and ``ledger`` in real child processes on real data folders.

Self-contained on purpose (its own ``run_cli``), so it does not depend on ``tests/e2e/conftest.py``.
"""

from __future__ import annotations

import calendar as month_calendar
import csv
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from tests.helpers.contracts import BIEU06_KEYS, LEDGER_HEADERS

REPO = Path(__file__).resolve().parents[2]
STARTER = REPO / "resources" / "catalog" / "starter_catalog.json"
UNIT = "000.00.12.H29"
PASSWORD = "matkhau-2026"
TIMEOUT = 180

#: Letters only Vietnamese has: a Vietnamese message contains at least one of them.
VIETNAMESE = set("àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ")


Result = subprocess.CompletedProcess[str]


def run_cli(data_dir: Path, *args: object, input: str | None = None) -> Result:
    """``python -m onestop_desktop --data-dir DATA_DIR ARGS`` as a child process."""
    env = {k: v for k, v in os.environ.items() if k != "ONESTOP_DATA_DIR"}
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run(
        [sys.executable, "-m", "onestop_desktop", "--data-dir", str(data_dir), *map(str, args)],
        input=input,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=TIMEOUT,
        env=env,
        check=False,
    )


def ok(result: Result) -> Result:
    assert result.returncode == 0, (
        f"exit {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    )
    return result


def refused(result: Result, *fragments: str) -> str:
    """Non-zero exit with one clear Vietnamese line on stderr (no traceback); the line."""
    detail = f"exit {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    assert result.returncode != 0, detail
    assert "Traceback" not in result.stderr and "không mong đợi" not in result.stderr, detail
    line = result.stderr.strip()
    assert line.startswith("onestop: lỗi: ") and "\n" not in line, detail
    assert VIETNAMESE & set(line.lower()), detail
    for fragment in fragments:
        assert fragment in line, f"{fragment!r} not in the message\n{detail}"
    return line


def as_json(result: Result) -> Any:
    return json.loads(ok(result).stdout)


def init(data_dir: Path, catalog: str = "none") -> None:
    """``onestop init``; these tests load (or leave out) the catalogue themselves."""
    ok(
        run_cli(
            data_dir,
            "init",
            "--catalog",
            catalog,
            "--unit-code",
            UNIT,
            "--unit-name",
            "UBND xã Hòa Bình",
            "--station",
            1,
            "--admin",
            "admin",
            "--password-stdin",
            input=PASSWORD + "\n",
        )
    )


def db_rows(data_dir: Path, sql: str, params: tuple[object, ...] = ()) -> list[dict[str, Any]]:
    conn = sqlite3.connect(f"file:{data_dir / 'onestop.db'}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


# --------------------------------------------------------------------------------------------------
# Fixtures


@pytest.fixture(scope="module")
def station_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An initialised station with the starter catalogue loaded by ``catalog import``."""
    data = tmp_path_factory.mktemp("rules-station") / "data"
    init(data)
    out = ok(run_cli(data, "catalog", "import", STARTER)).stdout
    assert "30 thủ tục mới" in out
    return data


@pytest.fixture
def station(station_template: Path, tmp_path: Path) -> Path:
    """A private copy of the station (tests here change it)."""
    return Path(shutil.copytree(station_template, tmp_path / "station"))


@pytest.fixture
def empty_station(tmp_path: Path) -> Path:
    """A station with an empty catalogue."""
    data = tmp_path / "empty"
    init(data)
    return data


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("rules-demo") / "data"
    ok(run_cli(data, "demo", "--dossiers", 400, "--quiet"))
    return data


# --------------------------------------------------------------------------------------------------
# Catalogue


def test_catalog_import_export_and_reimport_unchanged(empty_station: Path, tmp_path: Path) -> None:
    data = empty_station
    assert as_json(run_cli(data, "catalog", "list", "--json")) == []
    out = ok(run_cli(data, "catalog", "import", STARTER)).stdout
    assert "30 thủ tục mới, 0 thủ tục có phiên bản mới, 0 không đổi" in out
    listed = as_json(run_cli(data, "catalog", "list", "--json"))
    assert len(listed) == 30 and {p["version"] for p in listed} == {1}
    for fmt in ("csv", "xlsx", "json"):
        path = tmp_path / f"danh-muc.{fmt}"
        out = ok(run_cli(data, "catalog", "export", "--format", fmt, "--out", path)).stdout
        assert "Đã xuất 30 thủ tục" in out and path.is_file()
        out = ok(run_cli(data, "catalog", "import", path)).stdout
        assert "0 thủ tục mới, 0 thủ tục có phiên bản mới, 30 không đổi" in out, (fmt, out)
    assert as_json(run_cli(data, "catalog", "list", "--json")) == listed
    # The exports are ordinary files: a CSV with a BOM for Excel, a workbook, a JSON document.
    csv_bytes = (tmp_path / "danh-muc.csv").read_bytes()
    assert csv_bytes.startswith(b"\xef\xbb\xbf")
    # One header row, in Vietnamese only (no second row of machine keys).
    header, first = csv_bytes.decode("utf-8-sig").splitlines()[:2]
    assert header.startswith("Mã thủ tục,Tên thủ tục") and "code" not in header.split(",")
    assert first[:1].isdigit()
    workbook = load_workbook(tmp_path / "danh-muc.xlsx", read_only=True)
    try:  # read-only mode keeps the file open until closed
        table = list(workbook.worksheets[0].iter_rows(values_only=True))
    finally:
        workbook.close()
    assert table[0][0] == "Mã thủ tục" and len(table) == 31  # Vietnamese headers for people
    assert {row[0] for row in table[1:]} == {p["code"] for p in listed}
    doc = json.loads((tmp_path / "danh-muc.json").read_text(encoding="utf-8"))
    assert len(doc["procedures"]) == 30
    assert db_rows(data, "SELECT count(*) AS n FROM procedures")[0]["n"] == 30


BAD_CSV = [
    "Mã thủ tục,Tên thủ tục,Lĩnh vực,Cơ quan có thẩm quyền,Thời hạn giải quyết,Mức thu (đồng)",
    "1.001193,Đăng ký khai sinh,Hộ tịch,Ủy ban nhân dân cấp xã,trong ngày,0",
    "1.00119X,Đăng ký kết hôn,Hộ tịch,Ủy ban nhân dân cấp xã,trong ngày,0",
    "1.004873,Xác nhận tình trạng hôn nhân,Hộ tịch,Ủy ban nhân dân cấp xã,ba ngày,",
    "2.000815,Chứng thực bản sao,Chứng thực,Ủy ban nhân dân cấp xã,trong ngày,2.000",
]


def test_catalog_csv_with_bad_rows(empty_station: Path, tmp_path: Path) -> None:
    data = empty_station
    path = tmp_path / "danh-muc-loi.csv"
    path.write_text("\n".join(BAD_CSV) + "\n", encoding="utf-8")
    line = refused(run_cli(data, "catalog", "import", path), "dòng 3", "cột Mã thủ tục")
    assert "1 lỗi khác" in line and "--skip-bad-rows" in line
    assert as_json(run_cli(data, "catalog", "list", "--json")) == []  # nothing imported

    out = ok(run_cli(data, "catalog", "import", path, "--skip-bad-rows")).stdout
    assert "2 thủ tục mới" in out
    assert "Bỏ qua 2 dòng lỗi" in out
    assert "dòng 3, cột Mã thủ tục" in out
    assert "dòng 4, cột Thời hạn giải quyết" in out
    listed = as_json(run_cli(data, "catalog", "list", "--json"))
    assert {p["code"]: p["fee_amount"] for p in listed} == {"1.001193": 0, "2.000815": 2000}


def test_catalog_file_of_unknown_type_is_named_in_the_message(
    empty_station: Path, tmp_path: Path
) -> None:
    path = tmp_path / "danh-muc"  # saved without an extension
    path.write_text(BAD_CSV[0] + "\n", encoding="utf-8")
    line = refused(run_cli(empty_station, "catalog", "import", path), ".csv", ".xlsx", ".json")
    assert "None" not in line  # the message must not show Python's None for a missing extension


def receive_in_process(data_dir: Path, code: str, name: str) -> str:
    """Receive one dossier through the Python API as the operator; its code."""
    from onestop_desktop.services import dossiers
    from onestop_desktop.services.context import Session
    from onestop_desktop.store.db import Store

    store = Store.open(data_dir / "onestop.db")
    try:
        ctx = Session.operator(store)
        return dossiers.receive(ctx, dossiers.Intake(code, dossiers.Applicant(name))).code
    finally:
        store.close()


def test_catalog_edit_is_version_2_and_an_older_dossier_keeps_version_1(
    station: Path, tmp_path: Path
) -> None:
    before = receive_in_process(station, "2.000815", "Nguyễn Thị Lan")
    export = tmp_path / "danh-muc.json"
    ok(run_cli(station, "catalog", "export", "--format", "json", "--out", export))
    doc = json.loads(export.read_text(encoding="utf-8"))
    for item in doc["procedures"]:
        if item["code"] == "2.000815":
            item["fee_amount"] = 3000
            item["fee_text"] = "3.000 đồng/trang"
    edited = tmp_path / "danh-muc-sua.json"
    edited.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    out = ok(run_cli(station, "catalog", "import", edited)).stdout
    assert "0 thủ tục mới, 1 thủ tục có phiên bản mới, 29 không đổi" in out
    listed = {p["code"]: p for p in as_json(run_cli(station, "catalog", "list", "--json"))}
    assert (listed["2.000815"]["version"], listed["2.000815"]["fee_amount"]) == (2, 3000)
    assert {p["version"] for c, p in listed.items() if c != "2.000815"} == {1}
    text = ok(run_cli(station, "catalog", "list", "chung thuc ban sao")).stdout
    assert "2.000815  v2" in text
    # Re-importing the edited file changes nothing more.
    assert "30 không đổi" in ok(run_cli(station, "catalog", "import", edited)).stdout

    after = receive_in_process(station, "2.000815", "Trần Văn Bình")
    versions = {
        r["code"]: r["procedure_version"]
        for r in db_rows(station, "SELECT code, procedure_version FROM dossiers")
    }
    assert versions == {before: 1, after: 2}
    snapshots = {
        r["code"]: json.loads(r["payload"])["procedure"]["fee_amount"]
        for r in db_rows(
            station,
            "SELECT d.code, e.payload FROM events e JOIN dossiers d ON d.id = e.dossier_id "
            "WHERE e.kind = 'received'",
        )
    }
    assert snapshots == {before: 2000, after: 3000}


# --------------------------------------------------------------------------------------------------
# Calendar


def test_calendar_list_2026_has_tet_as_days_off(station: Path) -> None:
    rows = as_json(run_cli(station, "calendar", "list", "--year", 2026, "--json"))
    off = {r["date"] for r in rows if r["kind"] == "day_off"}
    assert {f"2026-02-{d}" for d in range(16, 21)} <= off
    assert "2026-02-13" not in off and "2026-02-23" not in off
    assert {"2026-01-01", "2026-04-30", "2026-05-01", "2026-09-02"} <= off
    by_date = {r["date"]: r for r in rows}
    # The official New Year swap (Công văn 12729/VPCP-KGVX), shown with its document.
    assert (by_date["2026-01-02"]["kind"], by_date["2026-01-02"]["source"]) == (
        "day_off",
        "official",
    )
    assert (by_date["2026-01-10"]["kind"], by_date["2026-01-10"]["source"]) == (
        "workday",
        "official",
    )
    assert "12729/VPCP-KGVX" in by_date["2026-01-10"]["document"]
    # Days only the holidays package guesses are marked unconfirmed.
    assert by_date["2026-08-22"]["source"] == "seed"
    assert "chưa xác nhận" in by_date["2026-08-22"]["document"]
    text = ok(run_cli(station, "calendar", "list", "--year", 2026)).stdout
    assert re.search(r"^17/02/2026\s+nghỉ\s+Tết Nguyên Đán", text, re.MULTILINE)
    assert re.search(r"^10/01/2026\s+làm bù\s+.*nguồn: Công văn 12729/VPCP-KGVX", text, re.M)


@pytest.fixture(scope="module")
def due_station(station_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A station copy for appointment look-ups (they only seed the calendar)."""
    return Path(shutil.copytree(station_template, tmp_path_factory.mktemp("due") / "station"))


@pytest.mark.parametrize(
    ("procedure", "received", "expected"),
    [
        # 3 working days from Friday before Tết: 16–20/02 off, weekends off.
        ("1.004873", "2026-02-13 10:00", "2026-02-25 10:00"),
        # Same-day rule: before 15:00 → 17:00 that day; after → 17:00 next working day.
        ("2.000815", "2026-03-02 14:59", "2026-03-02 17:00"),
        ("2.000815", "2026-03-02 15:01", "2026-03-03 17:00"),
        ("1.001193", "2026-03-06 15:30", "2026-03-09 17:00"),  # Friday after 15:00 → Monday
        # Received on Saturday: counted from Monday 07:00.
        ("2.000815", "2026-03-07 09:00", "2026-03-09 17:00"),
        ("1.004873", "2026-03-07 09:00", "2026-03-11 17:00"),
        # After hours → next morning; at lunch → 13:30; before opening → 07:00.
        ("1.004873", "2026-03-02 17:30", "2026-03-05 17:00"),
        ("1.004873", "2026-03-02 12:00", "2026-03-05 11:30"),
        ("2.000815", "2026-03-02 12:00", "2026-03-02 17:00"),
        ("1.004873", "2026-03-02 06:30", "2026-03-04 17:00"),
        # 30 calendar days landing in Tết move to the next working day's closing time.
        ("2.001263", "2026-01-20 09:00", "2026-02-23 17:00"),
        # Civil Code art. 147–148: counted from the day after the date of receipt, whatever the
        # hour (Friday 13/02 18:30 + 30 = Sunday 15/03 → Monday 16/03), not from after Tết.
        ("2.001263", "2026-02-13 18:30", "2026-03-16 17:00"),
        # Other spellings of the moment.
        ("1.004873", "13/02/2026 10:00", "2026-02-25 10:00"),
        ("1.004873", "2026-02-13T10:00", "2026-02-25 10:00"),
    ],
)
def test_calendar_due(due_station: Path, procedure: str, received: str, expected: str) -> None:
    result = run_cli(
        due_station, "calendar", "due", "--procedure", procedure, "--received", received
    )
    assert ok(result).stdout.strip() == expected


def test_calendar_due_json(due_station: Path) -> None:
    data = as_json(
        run_cli(
            due_station,
            "calendar",
            "due",
            "--procedure",
            "1.004873",
            "--received",
            "2026-02-13 10:00",
            "--json",
        )
    )
    assert data == {
        "procedure": "1.004873",
        "time_limit": "03 ngày làm việc",
        "received": "2026-02-13 10:00",
        "due": "2026-02-25 10:00",
        "due_iso": "2026-02-25T10:00:00+07:00",
    }


def due(data: Path, procedure: str, received: str) -> str:
    result = run_cli(data, "calendar", "due", "--procedure", procedure, "--received", received)
    return ok(result).stdout.strip()


def test_make_up_saturday_counts(station: Path) -> None:
    friday = "2026-03-06 10:00"
    assert due(station, "1.004873", friday) == "2026-03-11 10:00"
    out = ok(run_cli(station, "calendar", "add-workday", "2026-03-07", "--note", "Làm bù")).stdout
    assert "07/03/2026" in out
    assert due(station, "1.004873", friday) == "2026-03-10 10:00"  # Saturday counted
    rows = as_json(run_cli(station, "calendar", "list", "--year", 2026, "--json"))
    assert {
        "date": "2026-03-07",
        "kind": "workday",
        "note": "Làm bù",
        "source": "manual",
        "document": "nhập tay",
    } in rows
    ok(run_cli(station, "calendar", "remove", "2026-03-07"))
    assert due(station, "1.004873", friday) == "2026-03-11 10:00"


def test_add_day_off_then_remove(station: Path) -> None:
    monday = "2026-03-09 10:00"
    assert due(station, "1.004873", monday) == "2026-03-12 10:00"
    out = ok(run_cli(station, "calendar", "add-day-off", "10/03/2026", "--note", "Bầu cử")).stdout
    assert "10/03/2026" in out and "ngày nghỉ" in out
    assert due(station, "1.004873", monday) == "2026-03-13 10:00"
    rows = as_json(run_cli(station, "calendar", "list", "--year", 2026, "--json"))
    assert {
        "date": "2026-03-10",
        "kind": "day_off",
        "note": "Bầu cử",
        "source": "manual",
        "document": "nhập tay",
    } in rows
    ok(run_cli(station, "calendar", "remove", "2026-03-10"))
    assert due(station, "1.004873", monday) == "2026-03-12 10:00"
    refused(run_cli(station, "calendar", "remove", "2026-03-10"), "10/03/2026")
    # A seeded holiday can be removed too (the office works that day after all).
    ok(run_cli(station, "calendar", "remove", "2026-02-20"))
    assert due(station, "1.004873", "2026-02-13 10:00") == "2026-02-24 10:00"


@pytest.mark.parametrize(
    "args",
    [
        ("calendar", "add-day-off", "2026-02-30"),
        ("calendar", "add-workday", "31/04/2026"),
        ("calendar", "add-day-off", "ngày mai"),
        ("calendar", "remove", "2026/03/07"),
        ("calendar", "due", "--procedure", "1.004873", "--received", "2026-03-02 25:00"),
        ("calendar", "due", "--procedure", "1.004873", "--received", "hôm qua"),
    ],
)
def test_bad_dates_are_refused_clearly(station: Path, args: tuple[str, ...]) -> None:
    line = refused(run_cli(station, *args))
    assert "không đúng dạng" in line
    assert not [
        r for r in db_rows(station, "SELECT * FROM calendar_days") if r["source"] == "manual"
    ]


def test_unknown_procedure_is_refused_clearly(station: Path) -> None:
    args = ("calendar", "due", "--procedure", "9.999999", "--received", "2026-03-02 09:00")
    refused(run_cli(station, *args), "9.999999")


# --------------------------------------------------------------------------------------------------
# Report (Biểu 06) on demo data


def parse_moment(text: str) -> datetime:
    return datetime.fromisoformat(text)


def status_at(history: list[list[Any]], moment: datetime) -> int | None:
    current = None
    for when, status in sorted(history, key=lambda h: parse_moment(h[0])):
        if parse_moment(when) > moment:
            break
        current = int(status)
    return current


def periods(demo: Path) -> list[tuple[str, date, date]]:
    last = parse_moment(db_rows(demo, "SELECT max(received_at) AS m FROM dossiers")[0]["m"]).date()
    monday = last - timedelta(days=last.weekday())
    earlier = (last.replace(day=1) - timedelta(days=40)).replace(day=1)
    end_of = month_calendar.monthrange(earlier.year, earlier.month)[1]
    return [
        ("day", last, last),
        ("week", monday, monday + timedelta(days=6)),
        ("month", last.replace(day=1), last),
        ("earlier month", earlier, earlier.replace(day=end_of)),
        ("year", date(last.year, 1, 1), date(last.year, 12, 31)),
    ]


PERIOD_NAMES = ["day", "week", "month", "earlier month", "year"]


@pytest.fixture(scope="module")
def demo_periods(demo: Path) -> dict[str, tuple[date, date]]:
    return {name: (start, end) for name, start, end in periods(demo)}


def independent_counts(demo: Path, start: date, end: date) -> dict[str, int]:
    """Received, in progress and paused at the period end, straight from the database rows.

    Issue #8 rules: (11) holds 2, 4 and the paused 5, 6; a dossier refused (3) or stopped (8)
    after receipt is resolved, so it counts as received; a refusal at intake (3 right after the
    receipt, within a minute) and an online filing (1) count nowhere."""
    tz = parse_moment(db_rows(demo, "SELECT received_at FROM dossiers LIMIT 1")[0]["received_at"])
    first = datetime.combine(start, datetime.min.time(), tz.tzinfo)
    last = datetime.combine(end, datetime.max.time(), tz.tzinfo)
    counts = {"received_total": 0, "in_progress_total": 0, "paused": 0}
    for row in db_rows(demo, "SELECT received_at, history FROM dossiers"):
        received = parse_moment(row["received_at"])
        if received > last:
            continue
        history = json.loads(row["history"])
        status = status_at(history, last)
        if status is None or status == 1:
            continue
        if status == 3:
            refused_at = max(parse_moment(t) for t, s in history if s == 3)
            later = [s for t, s in history if parse_moment(t) < refused_at and s in (4, 5, 6)]
            if not later and (refused_at - received).total_seconds() <= 60:
                continue  # refused at intake
        if received >= first:
            counts["received_total"] += 1
        if status in (2, 4, 5, 6):
            counts["in_progress_total"] += 1
        if status in (5, 6):
            counts["paused"] += 1
    return counts


@pytest.mark.parametrize("name", PERIOD_NAMES)
def test_report_json_is_consistent(
    demo: Path, demo_periods: dict[str, tuple[date, date]], name: str
) -> None:
    start, end = demo_periods[name]
    result = ok(run_cli(demo, "report", "--from", start, "--to", end, "--format", "json"))
    data = json.loads(result.stdout)
    assert set(BIEU06_KEYS) <= set(data) and {"by_field", "announced"} <= set(data)
    independent = independent_counts(demo, start, end)
    assert data["received_total"] == independent["received_total"]
    assert data["in_progress_total"] == independent["in_progress_total"]
    assert data["received_total"] + data["carried_over"] == data["to_resolve_total"]
    for row in [data, *data["by_field"]]:  # the form's identities, every field and the total
        assert row["to_resolve_total"] == (
            row["received_online"] + row["received_in_person"] + row["carried_over"]
        )
        assert row["to_resolve_total"] == row["resolved_total"] + row["in_progress_total"]
    for row in [data, *data["by_field"]]:
        assert row["resolved_total"] == (
            row["resolved_early"] + row["resolved_on_time"] + row["resolved_late"]
        )
        assert row["in_progress_total"] == row["in_progress_in_time"] + row["in_progress_overdue"]
        assert row["received_total"] == row["received_online"] + row["received_in_person"]
    for column in BIEU06_KEYS:
        assert data[column] == sum(row[column] for row in data["by_field"]), column
    assert len({row["field"] for row in data["by_field"]}) == len(data["by_field"])
    announced = data["announced"]
    assert set(announced) == {
        "received",
        "returned_on_time",
        "in_progress",
        "refused",
        "on_time_rate",
    }
    assert announced["received"] >= announced["returned_on_time"] + announced["in_progress"]
    assert announced["received"] >= announced["refused"]
    if data["resolved_total"]:
        expected = (
            (data["resolved_early"] + data["resolved_on_time"]) * 100 / data["resolved_total"]
        )
        assert abs(announced["on_time_rate"] - expected) <= 0.05 + 1e-9
        # One decimal, written as such in the JSON text.
        assert re.search(r'"on_time_rate": \d{1,3}\.\d\b', result.stdout)
        assert round(announced["on_time_rate"], 1) == announced["on_time_rate"]
    else:
        assert announced["on_time_rate"] is None


@pytest.mark.parametrize("name", ["week", "month", "year"])
def test_report_csv_and_xlsx_agree_with_json(
    demo: Path, demo_periods: dict[str, tuple[date, date]], name: str, tmp_path: Path
) -> None:
    start, end = demo_periods[name]
    period = ("report", "--from", start.isoformat(), "--to", end.isoformat())
    data = as_json(run_cli(demo, *period, "--format", "json"))
    expected = [[r["field"], *(r[c] for c in BIEU06_KEYS)] for r in data["by_field"]]
    expected.append(["Tổng cộng", *(data[c] for c in BIEU06_KEYS)])

    table = list(csv.reader(io.StringIO(ok(run_cli(demo, *period, "--format", "csv")).stdout)))
    # One language per header row: the form's Vietnamese headers (machine keys are in JSON only).
    assert table[0][:4] == ["STT", "Lĩnh vực", "Tổng số", "Trực tuyến"]
    assert len(table[0]) == 13 and not set(table[0]) & set(BIEU06_KEYS)
    assert table[1] == [f"({i})" for i in range(1, 14)]
    assert [[r[1], *map(int, r[2:])] for r in table[2:]] == expected
    assert [r[0] for r in table[2:]] == [str(i) for i in range(1, len(expected))] + [""]

    out = tmp_path / "bieu06.xlsx"
    assert "Đã ghi báo cáo" in ok(run_cli(demo, *period, "--format", "xlsx", "--out", out)).stdout
    sheet = load_workbook(out, data_only=True).active
    assert sheet is not None
    cells = [list(r) for r in sheet.iter_rows(min_row=1, values_only=True)]
    assert cells[5][2:13] == [
        "Tổng số",
        "Trực tuyến",
        "Trực tiếp và bưu chính",
        "Từ kỳ trước",
        "Tổng số đã giải quyết",
        "Trước hạn",
        "Đúng hạn",
        "Quá hạn",
        "Tổng số đang giải quyết",
        "Trong hạn",
        "Quá hạn",
    ]
    body = cells[7 : 7 + len(expected)]
    assert [[r[1], *r[2:13]] for r in body] == expected
    labels = {r[0]: r[2] for r in cells[7 + len(expected) :] if r[0]}
    announced = data["announced"]
    assert labels["Tiếp nhận"] == announced["received"]
    assert labels["Trả kết quả đúng hạn"] == announced["returned_on_time"]
    assert labels["Đang giải quyết"] == announced["in_progress"]
    assert labels["Từ chối tiếp nhận"] == announced["refused"]
    assert labels["Tỷ lệ đúng hạn (%)"] == announced["on_time_rate"]

    text = ok(run_cli(demo, *period)).stdout
    assert "Biểu số 06/VPCP/KSTT" in text
    assert f"Tiếp nhận: {announced['received']} hồ sơ" in text
    if announced["on_time_rate"] is not None:
        rate = f"{announced['on_time_rate']:.1f}".replace(".", ",")
        assert f"Tỷ lệ giải quyết đúng hạn: {rate}%" in text


def test_report_arguments_are_checked(demo: Path, tmp_path: Path) -> None:
    refused(run_cli(demo, "report", "--from", "2026-03-08", "--to", "2026-03-02"))
    refused(run_cli(demo, "report", "--from", "2026-02-30", "--to", "2026-03-02"), "2026-02-30")
    refused(
        run_cli(demo, "report", "--from", "2026-03-01", "--to", "2026-03-02", "--format", "xlsx"),
        "--out",
    )
    # dd/mm/yyyy is accepted too.
    a = as_json(
        run_cli(demo, "report", "--from", "01/03/2026", "--to", "31/03/2026", "--format", "json")
    )
    b = as_json(
        run_cli(demo, "report", "--from", "2026-03-01", "--to", "2026-03-31", "--format", "json")
    )
    assert a == b


def test_report_into_a_missing_folder_is_not_called_a_database_error(
    demo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "missing" / "bc.csv"
    args = ("report", "--from", "2026-03-01", "--to", "2026-03-31", "--format", "csv")
    result = run_cli(demo, *args, "--out", out)
    if result.returncode == 0:  # creating the folder, as `catalog export` does, is fine too
        assert out.is_file()
        assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # a CSV file for Excel has a BOM
        return
    line = refused(result, "missing")
    # The database is fine: the message must be about the report file, not the database.
    assert "cơ sở dữ liệu" not in line and "Thư mục dữ liệu" not in line


# --------------------------------------------------------------------------------------------------
# Legacy ledger


LEDGER_ROWS: list[dict[str, object]] = [
    {
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
    {
        "Trang thai": 10,
        "HỌ TÊN CHỦ HỒ SƠ": "Lò Thị Pá",
        "Mã thủ tục": "2.000815",
        "Ngay nhan": datetime(2025, 3, 4, 8, 30),
        "Ngày hẹn trả": "04/03/2025 17:00",
        "Dia chi": "Thôn Tây",
        "So dien thoai": "0987654321",
        "Ngày có kết quả": "04/03/2025 15:00",
        "Ngày trả kết quả": "04/03/2025 16:00",
        "Mã hồ sơ": "000.00.05.H29-250304-0007",
    },
    {
        "Trang thai": "dang xu ly",
        "HỌ TÊN CHỦ HỒ SƠ": "Hà Văn Mạnh",
        "Mã thủ tục": "1.004222",
        "Ngay nhan": "2025-03-05",
        "Ngày hẹn trả": "2025-03-14",
        "Dia chi": "Bản Mường",
        "So dien thoai": "0356789012",
        "Ghi chú": "Chờ xác minh",
    },
    {
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
]


def write_ledger(path: Path, rows: list[dict[str, object]]) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["UBND XÃ YÊN SƠN (cũ)"])
    sheet.append(["SỔ THEO DÕI HỒ SƠ NĂM 2025"])
    sheet.append(LEDGER_HEADERS)  # the header is on row 3
    for row in rows:
        sheet.append([row.get(h) for h in LEDGER_HEADERS])
    workbook.save(path)
    return path


def search(data: Path, text: str) -> list[dict[str, Any]]:
    return list(as_json(run_cli(data, "search", text, "--json")))


def test_ledger_import_reimport_search_and_report(station: Path, tmp_path: Path) -> None:
    path = write_ledger(tmp_path / "so-theo-doi.xlsx", LEDGER_ROWS)
    out = ok(run_cli(station, "ledger", "import", path)).stdout
    assert "Đã nhập 4 hồ sơ" in out
    again = as_json(run_cli(station, "ledger", "import", path, "--json"))
    assert (again["imported"], again["already_present"], again["errors"]) == (0, 4, [])
    assert db_rows(station, "SELECT count(*) AS n FROM dossiers")[0]["n"] == 4

    tam = search(station, "dinh van tam")
    assert [(d["applicant_name"], d["code"], d["status"]) for d in tam] == [
        ("Đinh Văn Tâm", f"{UNIT}-250303-0001", 10)
    ]
    assert [d["applicant_name"] for d in search(station, "000.00.05.H29-250304-0007")] == [
        "Lò Thị Pá"
    ]
    assert [d["applicant_name"] for d in search(station, "0356 789 012")] == ["Hà Văn Mạnh"]

    march = as_json(
        run_cli(station, "report", "--from", "2025-03-01", "--to", "2025-03-31", "--format", "json")
    )
    assert (march["received_total"], march["carried_over"]) == (4, 0)
    assert (march["resolved_early"], march["resolved_on_time"], march["resolved_late"]) == (1, 1, 1)
    assert (march["in_progress_total"], march["in_progress_overdue"]) == (1, 1)
    assert march["announced"]["received"] == 4
    april = as_json(
        run_cli(station, "report", "--from", "2025-04-01", "--to", "2025-04-30", "--format", "json")
    )
    assert (april["received_total"], april["carried_over"], april["in_progress_total"]) == (0, 1, 1)


def test_ledger_with_a_bad_row(station: Path, tmp_path: Path) -> None:
    bad = dict(LEDGER_ROWS[0], **{"HỌ TÊN CHỦ HỒ SƠ": "Mai Văn Bảy", "Ngay nhan": "31/02/2025"})
    path = write_ledger(tmp_path / "so-loi.xlsx", [*LEDGER_ROWS[:2], bad, *LEDGER_ROWS[2:]])
    result = run_cli(station, "ledger", "import", path)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    first, *listed = result.stderr.strip().splitlines()
    assert first.startswith("onestop: lỗi: ") and "--skip-bad-rows" in first
    assert "dòng 6" in first and "31/02/2025" in first
    assert listed == [line for line in listed if line.startswith("  dòng 6, cột Ngày nhận")]
    assert len(listed) == 1
    assert db_rows(station, "SELECT count(*) AS n FROM dossiers")[0]["n"] == 0
    assert search(station, "dinh van tam") == []

    report = as_json(run_cli(station, "ledger", "import", path, "--skip-bad-rows", "--json"))
    assert report["imported"] == 4
    assert [(e["line"], e["column"]) for e in report["errors"]] == [(6, "Ngày nhận")]
    assert search(station, "mai van bay") == []
    assert len(search(station, "dinh van tam")) == 1


def test_ledger_without_the_catalogue_procedure(empty_station: Path, tmp_path: Path) -> None:
    path = write_ledger(tmp_path / "so.xlsx", LEDGER_ROWS)
    result = run_cli(empty_station, "ledger", "import", path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    first, *listed = result.stderr.strip().splitlines()
    assert "4 lỗi" in first and "dòng 4" in first
    # Every error is listed, one line each, not only the first.
    assert [line.split(",")[0].strip() for line in listed] == [
        "dòng 4",
        "dòng 5",
        "dòng 6",
        "dòng 7",
    ]
    assert all("không có trong danh mục" in line for line in listed)
    assert db_rows(empty_station, "SELECT count(*) AS n FROM dossiers")[0]["n"] == 0
    as_json_out = run_cli(empty_station, "ledger", "import", path, "--json")
    assert as_json_out.returncode == 2
    doc = json.loads(as_json_out.stdout)
    assert doc["imported"] == 0 and [e["line"] for e in doc["errors"]] == [4, 5, 6, 7]
    assert all(e["column"] == "Mã thủ tục" for e in doc["errors"])


def _old_ledger(path: Path, rows: list[list[object]]) -> Path:
    """A ledger with only the columns old ledgers have: no address, phone or ID number."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(
        ["Mã thủ tục", "Họ tên chủ hồ sơ", "Ngày nhận", "Ngày hẹn trả", "Trạng thái", "Ghi chú"]
    )
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def test_ledger_without_address_phone_or_id_columns_and_a_refused_row(
    station: Path, tmp_path: Path
) -> None:
    """Old ledgers lack address, phone and ID columns; a refused row has no appointment."""
    path = _old_ledger(
        tmp_path / "so-cu.xlsx",
        [
            ["1.001193", "Nông Văn Dũng", "03/03/2025 08:00", "03/03/2025 17:00", "Đang xử lý"],
            ["1.001193", "Hoàng Thị Én", "04/03/2025 09:00", None, "Không được tiếp nhận"],
        ],
    )
    report = as_json(run_cli(station, "ledger", "import", path, "--json"))
    assert (report["imported"], report["errors"]) == (2, [])
    rows = db_rows(
        station,
        "SELECT applicant_name, status, due_at, applicant_phone FROM dossiers ORDER BY rid",
    )
    assert [(r["applicant_name"], r["status"], r["due_at"] is None) for r in rows] == [
        ("Nông Văn Dũng", 4, False),
        ("Hoàng Thị Én", 3, True),
    ]
    assert all(r["applicant_phone"] in (None, "") for r in rows)


def test_ledger_row_in_progress_without_appointment_is_an_error(
    station: Path, tmp_path: Path
) -> None:
    path = _old_ledger(
        tmp_path / "so-thieu.xlsx",
        [["1.001193", "Lý Văn Phúc", "05/03/2025 09:00", None, "Đang xử lý"]],
    )
    result = run_cli(station, "ledger", "import", path, "--json")
    assert result.returncode == 2
    doc = json.loads(result.stdout)
    assert [(e["line"], e["column"]) for e in doc["errors"]] == [(2, "Ngày hẹn trả")]
