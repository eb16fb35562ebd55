"""``onestop dossier`` and ``onestop settings`` as the counter would script them, in real child
processes on a real data folder.

A dossier's appointment depends on the moment of each step, so the scenario runs the CLI through a
tiny launcher (:data:`FROZEN_CLI`) that pins ``Store.now`` (the one clock services read) to the
moment in ``ONESTOP_TEST_NOW`` and then calls ``cli.main``: the same parser, handlers and error
handling as ``python -m onestop_desktop``. One test (:func:`test_real_clock_receive_show_history`)
uses the real entry point and the real clock.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import (
    UNIT_CODE,
    CliResult,
    assert_refused,
    init_station,
    ok,
    onestop,
    parse_json,
    query,
    run_command,
)

REPO = Path(__file__).resolve().parents[2]
STARTER = REPO / "resources" / "catalog" / "starter_catalog.json"
STAFF_PASSWORD = "matkhau-canbo-2026"

#: ``python -c FROZEN_CLI --data-dir … ARGS``: the CLI with the services' clock pinned.
FROZEN_CLI = """\
import os, sys
from datetime import datetime
from onestop_desktop.domain import clock
from onestop_desktop.store.db import Store
moment = datetime.fromisoformat(os.environ["ONESTOP_TEST_NOW"]).replace(tzinfo=clock.VN_TZ)
Store.now = lambda self: moment
from onestop_desktop.cli import main
sys.exit(main(sys.argv[1:]))
"""

DAY = "260302"  # Monday 02/03/2026, the scenario's first day
LAN = ("--name", "Nguyễn Thị Lan", "--id-number", "001190012345", "--birth-date", "17/05/1990")
BINH = ("--name", "Trần Văn Bình", "--id-number", "001090012345")

Result = CliResult


def person(name: str, id_number: str | None = None) -> tuple[str, ...]:
    return ("--name", name, *(("--id-number", id_number) if id_number else ()))


def flags(**options: object) -> list[str]:
    """``--some-flag VALUE`` from ``some_flag=VALUE``; ``True`` gives the bare flag."""
    out: list[str] = []
    for name, value in options.items():
        flag = "--" + name.replace("_", "-")
        out += [flag] if value is True else [flag, str(value)]
    return out


def at(moment: str, data: Path, *args: object) -> Result:
    """Run ``onestop --data-dir DATA ARGS`` with the services' clock at ``moment``
    (``YYYY-MM-DDTHH:MM``, Vietnamese time)."""
    return run_command(
        [sys.executable, "-c", FROZEN_CLI, "--data-dir", str(data), *map(str, args)],
        env={"ONESTOP_TEST_NOW": moment},
    )


def receive(data: Path, moment: str, procedure: str, *applicant: str, **options: object) -> Result:
    """``onestop dossier receive`` at ``moment``."""
    return at(
        moment, data, "dossier", "receive", "--procedure", procedure, *applicant, *flags(**options)
    )


def act(data: Path, moment: str, dossier: str, action: str, **options: object) -> Result:
    """``onestop dossier act DOSSIER ACTION`` at ``moment``."""
    return at(moment, data, "dossier", "act", dossier, action, *flags(**options))


def code(n: int, day: str = DAY) -> str:
    return f"{UNIT_CODE}-{day}-{n}"


def field(result: Result, label: str) -> str:
    """The value after ``label:`` on a line of the command's output."""
    match = re.search(rf"^{re.escape(label)}: (.+)$", result.stdout, re.MULTILINE)
    assert match, f"{label!r} missing from\n{result.stdout}"
    return match.group(1).strip()


def refused_with(result: Result, exit_code: int, *fragments: str) -> str:
    """Refused with ``exit_code``: the last stderr line is the one Vietnamese reason."""
    assert result.returncode == exit_code, (
        f"exit {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    )
    return assert_refused(result, *fragments)


def show(data: Path, dossier: str) -> dict[str, Any]:
    row = parse_json(onestop(data, "dossier", "show", dossier, "--json"))
    assert isinstance(row, dict)
    return row


def history(data: Path, dossier: str) -> list[dict[str, Any]]:
    rows = parse_json(onestop(data, "dossier", "history", dossier, "--json"))
    assert isinstance(rows, list)
    return rows


def settings_of(data: Path) -> dict[str, str]:
    return {s["key"]: s["value"] for s in parse_json(onestop(data, "settings", "list", "--json"))}


def settings_events(data: Path) -> list[dict[str, Any]]:
    rows = query(
        data / "onestop.db",
        "SELECT payload FROM events WHERE kind = 'settings.changed' ORDER BY seq",
    )
    return [json.loads(r["payload"]) for r in rows]


def dossier_count(data: Path) -> int:
    return int(query(data / "onestop.db", "SELECT count(*) AS n FROM dossiers")[0]["n"])


# --------------------------------------------------------------------------------------------------
# Fixtures


@pytest.fixture(scope="module")
def station_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A station with the starter catalogue (``catalog import``) and three staff accounts."""
    data = tmp_path_factory.mktemp("dossier-station") / "data"
    init_station(data)
    assert "30 thủ tục mới" in ok(onestop(data, "catalog", "import", STARTER)).stdout
    for username, role, full_name in (
        ("tiepnhan", "clerk", "Lê Thị Thu"),
        ("chuyenvien", "officer", "Phạm Minh Đức"),
        ("lanhdao", "leader", "Đặng Quang Vinh"),
    ):
        add = ("user", "add", username, "--role", role, "--full-name", full_name)
        ok(onestop(data, *add, "--password-stdin", input=STAFF_PASSWORD + "\n"))
    assert (data / "onestop.db").is_file()
    return data


@pytest.fixture
def station(station_template: Path, tmp_path: Path) -> Path:
    """A private copy of the station (every test here changes it)."""
    return Path(shutil.copytree(station_template, tmp_path / "station"))


# --------------------------------------------------------------------------------------------------
# The week at the counter


def test_a_week_at_the_counter(station: Path) -> None:
    data = station
    proc = "1.004873"  # 3 working days

    # ---- Mon 02/03 08:00: D1 received (→ Thu 05/03 08:00) and handed over.
    r = ok(
        receive(
            data,
            "2026-03-02T08:00",
            proc,
            *LAN,
            phone="0912 345 678",
            address="Thôn Đông, xã Hòa Bình",
            sets=2,
            note="Nộp tại quầy",
        )
    )
    d1 = code(1001)
    assert field(r, "Mã hồ sơ") == d1
    assert field(r, "Ngày hẹn trả") == "05/03/2026 08:00"
    assert field(r, "Trạng thái") == "Được tiếp nhận"
    assert r.stderr == ""
    r = ok(
        act(
            data,
            "2026-03-02T08:30",
            d1,
            "handed_over",
            to="chuyenvien",
            note="Chuyển chuyên viên hộ tịch",
        )
    )
    assert field(r, "Trạng thái") == "Đang xử lý"
    assert field(r, "Ngày hẹn trả") == "05/03/2026 08:00"

    # ---- 09:00: D2 received; 09:30 the same person again → the earlier dossier is shown.
    d2 = code(1002)
    assert field(ok(receive(data, "2026-03-02T09:00", proc, *BINH)), "Mã hồ sơ") == d2
    before = dossier_count(data)
    r = receive(data, "2026-03-02T09:30", proc, *BINH)
    assert r.returncode == 5, r  # Conflict
    assert "Traceback" not in r.stderr and r.stdout == ""
    assert d2 in r.stderr and "Trần Văn Bình" in r.stderr
    assert "--accept-duplicate" in r.stderr and "--refuse-as-duplicate-of" in r.stderr
    assert r.stderr.strip().splitlines()[-1].startswith("onestop: lỗi: Có thể trùng hồ sơ " + d2)
    assert dossier_count(data) == before
    # The clerk refuses it as a duplicate: received and refused at once, and counted.
    r = ok(receive(data, "2026-03-02T09:30", proc, *BINH, refuse_as_duplicate_of=d2))
    d3 = code(1003)
    assert field(r, "Mã hồ sơ") == d3
    assert field(r, "Trạng thái") == "Không được tiếp nhận"
    row3 = show(data, d3)
    assert row3["status"] == 3 and row3["duplicate_of"] == show(data, d2)["id"]
    assert d2 in row3["refusal_reason"]
    assert [e["kind"] for e in history(data, d3)] == ["received", "refused"]
    # Or receives it anyway, knowingly.
    r = ok(receive(data, "2026-03-02T09:45", proc, *BINH, accept_duplicate=True, json=True))
    d4 = code(1004)
    d4_json = json.loads(r.stdout)
    assert d4_json["code"] == d4 and d4_json["status"] == 2
    assert d4_json["due_at"] == "2026-03-05T09:45:00+07:00"
    assert d4_json["due_at_text"] == "05/03/2026 09:45"

    # ---- 10:00: supplement asked for D1.
    r = ok(
        act(
            data,
            "2026-03-02T10:00",
            d1,
            "supplement_requested",
            reason="Thiếu giấy xác nhận cư trú",
            documents="Giấy xác nhận cư trú; Tờ khai ;",
        )
    )
    assert field(r, "Trạng thái") == "Yêu cầu bổ sung giấy tờ"

    # ---- 10:15: D5 with a legacy 9-digit CMND: received, with a warning on stderr; a same-day
    # procedure received before 15:00 is due at 17:00, and is returned in time.
    r = ok(receive(data, "2026-03-02T10:15", "2.000815", *person("Lê Văn Cường", "123456789")))
    d5 = code(1005)
    assert field(r, "Mã hồ sơ") == d5
    assert field(r, "Ngày hẹn trả") == "02/03/2026 17:00"
    assert "onestop: cảnh báo: Chứng minh nhân dân 9 số" in r.stderr
    ok(act(data, "2026-03-02T16:00", d5, "result_ready"))
    ok(act(data, "2026-03-02T16:30", d5, "returned", collected_by="Lê Văn Cường"))

    # ---- 14:00: D6 received (→ Thu 05/03 14:00); at most one rescheduling (the default, #8).
    r = ok(receive(data, "2026-03-02T14:00", proc, *person("Phạm Thị Dung", "001185012345")))
    d6 = code(1006)
    assert field(r, "Ngày hẹn trả") == "05/03/2026 14:00"
    r = ok(at("2026-03-02T14:30", data, "settings", "set", "max_reschedules", "1"))
    assert "max_reschedules đã là 1" in r.stdout
    r = ok(
        act(
            data,
            "2026-03-02T14:35",
            d6,
            "rescheduled",
            reason="Cần xác minh thêm",
            new_due="2026-03-10 17:00",
        )
    )
    assert field(r, "Ngày hẹn trả") == "10/03/2026 17:00"
    second = act(
        data, "2026-03-02T14:40", d6, "rescheduled", reason="Lần hai", new_due="12/03/2026 17:00"
    )
    refused_with(second, 5, "tối đa 1")
    assert show(data, d6)["reschedule_count"] == 1

    # ---- 15:00: bad settings are refused and change nothing.
    before_settings = settings_of(data)
    for key, value in (
        ("supplement_mode", "tamdung"),
        ("max_reschedules", "0"),
        ("office_hours", "07:00-11:30;13:30-17:00"),
        ("same_day_cutoff", "18:00"),
    ):
        refused_with(at("2026-03-02T15:00", data, "settings", "set", key, value), 2, key)
    assert settings_of(data) == before_settings

    # ---- 16:00: D7 received (→ Thu 05/03 16:00); supplement asked at 16:30.
    r = ok(receive(data, "2026-03-02T16:00", proc, *person("Hoàng Văn Em", "001095012345")))
    d7 = code(1007)
    assert field(r, "Ngày hẹn trả") == "05/03/2026 16:00"
    ok(act(data, "2026-03-02T16:30", d7, "supplement_requested", reason="Thiếu tờ khai"))

    # ---- Tue 03/03 10:00: D1's supplement arrives. pause: 8 working hours waited → +8 h.
    r = ok(act(data, "2026-03-03T10:00", d1, "supplement_received"))
    assert field(r, "Trạng thái") == "Đang xử lý"
    assert field(r, "Ngày hẹn trả") == "06/03/2026 08:00"
    ok(at("2026-03-03T10:30", data, "settings", "set", "supplement_mode", "restart"))
    assert settings_of(data)["supplement_mode"] == "restart"

    # ---- Wed 04/03 14:00: D7's supplement arrives. restart: three working days from now
    # (pausing would have given Mon 09/03 11:30).
    r = ok(act(data, "2026-03-04T14:00", d7, "supplement_received"))
    assert field(r, "Ngày hẹn trả") == "09/03/2026 14:00"
    assert history(data, d7)[-1]["payload"]["mode"] == "restart"

    # ---- Thu 05/03: D1's result is ready at 09:00 and collected at 14:00.
    r = ok(act(data, "2026-03-05T09:00", d1, "result_ready", note="Đã ký"))
    assert field(r, "Trạng thái") == "Đã xử lý xong"
    r = ok(
        act(
            data,
            "2026-03-05T14:00",
            d1,
            "returned",
            collected_by="Nguyễn Thị Lan",
            collected_by_id="001190012345",
        )
    )
    assert field(r, "Trạng thái") == "Đã trả kết quả"

    # ---- Tue 10/03 10:00: D6's result, before its new appointment.
    ok(act(data, "2026-03-10T10:00", d6, "result_ready"))

    # ---- D1 as the dossier view shows it.
    row = show(data, d1)
    assert row["status"] == 10 and row["status_label"] == "Đã trả kết quả"
    assert row["applicant"]["name"] == "Nguyễn Thị Lan"
    assert row["applicant"]["phone"] == "0912345678"
    assert row["applicant"]["birth_date"] == "1990-05-17"
    assert row["sets_count"] == 2 and row["assignee"] == "chuyenvien"
    assert row["returned_to"] == "Nguyễn Thị Lan"
    assert row["due_at"] == "2026-03-06T08:00:00+07:00"
    assert row["assignee_name"] == "Phạm Minh Đức"
    assert row["procedure"]["code"] == "1.004873" and row["procedure"]["version"] == 1
    assert row["on_time"] is True and row["time_left"] is None
    assert [h["status"] for h in row["status_history"]] == [2, 4, 5, 4, 9, 10]
    assert row["status_history"][2] == {
        "at": "2026-03-02T10:00:00+07:00",
        "status": 5,
        "label": "Yêu cầu bổ sung giấy tờ",
    }
    (pause,) = row["pauses"]
    assert (pause["kind"], pause["since"], pause["until"]) == (
        "supplement",
        "2026-03-02T10:00:00+07:00",
        "2026-03-03T10:00:00+07:00",
    )
    assert pause["documents"] == ["Giấy xác nhận cư trú", "Tờ khai"]
    assert [d["due_at"] for d in row["appointments"]] == [
        "2026-03-05T08:00:00+07:00",
        "2026-03-06T08:00:00+07:00",
    ]
    text = ok(onestop(data, "dossier", "show", d1)).stdout
    for fragment in (
        "Đã trả kết quả (10)",
        "Nguyễn Thị Lan",
        "06/03/2026 08:00",
        "1.004873 (phiên bản 1)",
        "Lịch sử trạng thái:",
        "02/03/2026 10:00  Yêu cầu bổ sung giấy tờ",
        "05/03/2026 14:00  Đã trả kết quả",
    ):
        assert fragment in text, (fragment, text)

    events = history(data, d1)
    assert [e["kind"] for e in events] == [
        "received",
        "handed_over",
        "supplement_requested",
        "supplement_received",
        "result_ready",
        "returned",
    ]
    assert [e["time"] for e in events] == [
        "02/03/2026 08:00",
        "02/03/2026 08:30",
        "02/03/2026 10:00",
        "03/03/2026 10:00",
        "05/03/2026 09:00",
        "05/03/2026 14:00",
    ]
    assert events[1]["label"] == "Chuyển xử lý"
    assert events[1]["payload"]["to"] == "chuyenvien"
    assert events[2]["payload"]["documents"] == ["Giấy xác nhận cư trú", "Tờ khai"]
    assert events[1]["actor_name"].startswith("Người vận hành")
    assert events[1]["details"] == "Chuyển cho Phạm Minh Đức: Chuyển chuyên viên hộ tịch"
    assert events[3]["payload"] == {
        "v": 1,
        "mode": "pause",
        "due_at": "2026-03-06T08:00:00+07:00",
        "paused_since": "2026-03-02T10:00:00+07:00",
    }
    assert events[5]["payload"]["collected_by_id"] == "001190012345"
    assert all(e["actor"].startswith("operator:") for e in events)
    lines = ok(onestop(data, "dossier", "history", d1)).stdout.splitlines()
    assert len(lines) == 6
    assert lines[1].startswith("02/03/2026 08:30  ")
    assert "Chuyển xử lý" in lines[1] and "Chuyển cho Phạm Minh Đức" in lines[1]
    assert "Nhận hồ sơ bổ sung" in lines[3] and "06/03/2026 08:00" in lines[3]
    assert "Trả kết quả" in lines[5] and "Nguyễn Thị Lan" in lines[5]

    # ---- The settings changes are audited, one event each.
    assert settings_events(data) == [
        {"v": 1, "key": "max_reschedules", "old": None, "new": "1"},
        {"v": 1, "key": "supplement_mode", "old": None, "new": "restart"},
    ]

    # ---- The log and the rows agree, and the report counts the week.
    assert parse_json(onestop(data, "verify", "--json"))["ok"] is True
    rebuilt = parse_json(onestop(data, "rebuild", "--json"))
    assert (rebuilt["dossiers"], rebuilt["changed"], rebuilt["added"], rebuilt["removed"]) == (
        7,
        0,
        0,
        0,
    )
    report = parse_json(
        onestop(data, "report", "--from", "2026-03-01", "--to", "2026-03-31", "--format", "json")
    )
    # Received: D1, D2, D4, D5, D6, D7 (D3 was not accepted). Resolved: D1, D5, D6. Still in
    # progress on 31/03: D2, D4 (received) and D7 (processing), all past their appointments.
    # D6 is late: judged against its first appointment, its Mẫu 04 apology does not hide it (#8).
    assert report["received_total"] == 6
    assert report["received_in_person"] == 6 and report["received_online"] == 0
    assert report["carried_over"] == 0
    assert report["resolved_total"] == 3 and report["resolved_late"] == 1
    assert report["in_progress_total"] == 3 and report["in_progress_overdue"] == 3
    assert report["announced"]["refused"] == 1


# --------------------------------------------------------------------------------------------------
# Settings


RULE_KEYS = (
    "supplement_mode",
    "max_reschedules",
    "on_time_basis",
    "office_hours",
    "same_day_cutoff",
)


def test_settings_list_set_reset(station: Path) -> None:
    data = station
    text = ok(onestop(data, "settings", "list")).stdout
    for key in ("supplement_mode", "max_reschedules", "office_hours", "same_day_cutoff"):
        assert key in text
    assert "không giới hạn" in text
    rows = parse_json(onestop(data, "settings", "list", "--json"))
    # The rules of #8 first, in this order; the settings of #9/#10 (paper fallback, idle lock,
    # slips…) follow and have their own tests.
    listed = [(r["key"], r["value"], r["is_default"]) for r in rows]
    assert ("paper_entry_days", "3", True) in listed
    assert listed[:5] == [
        ("supplement_mode", "pause", True),
        ("max_reschedules", "1", True),
        ("on_time_basis", "first", True),
        ("office_hours", "07:00-11:30,13:30-17:00", True),
        ("same_day_cutoff", "15:00", True),
    ]
    assert all(r["description"] for r in rows)

    out = ok(onestop(data, "settings", "set", "office_hours", " 7:30-11:30, 13:00-17:00")).stdout
    assert "07:30-11:30,13:00-17:00" in out and "trước đó: 07:00-11:30,13:30-17:00" in out
    ok(onestop(data, "settings", "set", "same_day_cutoff", "14:00"))
    ok(onestop(data, "settings", "set", "max_reschedules", "2"))
    out = ok(onestop(data, "settings", "set", "max_reschedules", "2")).stdout
    assert "không thay đổi" in out
    assert {k: v for k, v in settings_of(data).items() if k in RULE_KEYS} == {
        "supplement_mode": "pause",
        "max_reschedules": "2",
        "on_time_basis": "first",
        "office_hours": "07:30-11:30,13:00-17:00",
        "same_day_cutoff": "14:00",
    }
    # The calendar reads them: 14:30 is now past the same-day cut-off.
    due = onestop(
        data, "calendar", "due", "--procedure", "2.000815", "--received", "2026-03-02 14:30"
    )
    assert ok(due).stdout.strip() == "2026-03-03 17:00"

    out = ok(onestop(data, "settings", "set", "max_reschedules", "")).stdout
    assert "không giới hạn" in out
    out = ok(onestop(data, "settings", "reset", "office_hours")).stdout
    assert "mặc định: 07:00-11:30,13:30-17:00" in out
    ok(onestop(data, "settings", "reset", "same_day_cutoff"))
    listed = parse_json(onestop(data, "settings", "list", "--json"))
    # Only max_reschedules differs: empty (no limit) is not its default 1 any more (#8).
    assert [r["key"] for r in listed if not r["is_default"]] == ["max_reschedules"]
    assert [(e["key"], e["new"]) for e in settings_events(data)] == [
        ("office_hours", "07:30-11:30,13:00-17:00"),
        ("same_day_cutoff", "14:00"),
        ("max_reschedules", "2"),
        ("max_reschedules", ""),
        ("office_hours", None),
        ("same_day_cutoff", None),
    ]
    assert parse_json(onestop(data, "verify", "--json"))["ok"] is True


@pytest.mark.parametrize(
    ("key", "value", "fragment"),
    [
        ("supplement_mode", "stop", "«pause» hoặc «restart»"),
        ("max_reschedules", "0", "số nguyên từ 1"),
        ("max_reschedules", "hai", "số nguyên từ 1"),
        ("office_hours", "07:00-11:30;13:30-17:00", "07:00-11:30,13:30-17:00"),
        ("office_hours", "11:30-07:00", "giờ bắt đầu phải trước giờ kết thúc"),
        ("office_hours", "07:00-11:30", "same_day_cutoff"),  # 15:00 would be outside
        ("same_day_cutoff", "17:30", "nằm trong giờ làm việc"),
        ("same_day_cutoff", "3 giờ chiều", "HH:MM"),
    ],
)
def test_bad_setting_values_are_refused(station: Path, key: str, value: str, fragment: str) -> None:
    refused_with(onestop(station, "settings", "set", key, value), 2, key, fragment)
    assert all(r["is_default"] for r in parse_json(onestop(station, "settings", "list", "--json")))
    assert settings_events(station) == []


def test_unknown_setting_is_refused(station: Path) -> None:
    refused_with(onestop(station, "settings", "set", "unit_code", "x"), 2, "supplement_mode")
    refused_with(onestop(station, "settings", "reset", "giờ"), 2, "«giờ»")


# --------------------------------------------------------------------------------------------------
# Every action and its flags


def test_every_action_maps_its_flags(station: Path) -> None:
    data = station
    # Online filing: code now, appointment when accepted.
    r = ok(receive(data, "2026-03-02T08:00", "1.004873", *LAN, online=True))
    online = code(1001)
    assert field(r, "Trạng thái") == "Mới đăng ký"
    assert field(r, "Ngày hẹn trả").startswith("chưa có")
    r = ok(act(data, "2026-03-03T09:00", online, "accepted"))
    assert field(r, "Trạng thái") == "Được tiếp nhận"
    assert field(r, "Ngày hẹn trả") == "06/03/2026 09:00"
    ok(act(data, "2026-03-03T09:10", online, "handed_over", to="lanhdao"))
    ok(
        act(
            data,
            "2026-03-03T09:20",
            online,
            "financial_requested",
            amount="150.000",
            note="Lệ phí cấp bản sao",
        )
    )
    r = ok(act(data, "2026-03-03T10:20", online, "financial_done", json=True))
    assert json.loads(r.stdout)["due_at"] == "2026-03-06T10:00:00+07:00"  # paused one hour
    r = ok(act(data, "2026-03-03T11:00", online, "stopped", reason="Tranh chấp, chờ tòa án"))
    assert field(r, "Trạng thái") == "Dừng xử lý"
    events = history(data, online)
    assert [e["kind"] for e in events] == [
        "registered_online",
        "accepted",
        "handed_over",
        "financial_requested",
        "financial_done",
        "stopped",
    ]
    assert events[0]["label"] == "Đăng ký trực tuyến"
    assert events[3]["payload"] == {"v": 1, "amount": 150000, "note": "Lệ phí cấp bản sao"}
    assert events[3]["details"] == "Số tiền: 150.000 đ: Lệ phí cấp bản sao"
    assert "150.000 đ" in events[3]["details"]
    assert events[5]["payload"] == {"v": 1, "reason": "Tranh chấp, chờ tòa án"}
    assert show(data, online)["channel"] == "online"

    # Withdrawn and refused (both need a reason); the postal channel.
    withdrawn, refused = code(1001, "260304"), code(1002, "260304")
    ok(receive(data, "2026-03-04T08:00", "2.000815", *BINH, channel="postal"))
    r = ok(act(data, "2026-03-04T08:10", withdrawn, "withdrawn", reason="Công dân xin rút"))
    assert field(r, "Trạng thái") == "Công dân yêu cầu rút hồ sơ"
    assert show(data, withdrawn)["channel"] == "postal"
    ok(receive(data, "2026-03-04T08:20", "1.001193", *person("Đỗ Thị Hoa")))
    r = ok(act(data, "2026-03-04T08:30", refused, "refused", reason="Không thuộc thẩm quyền"))
    assert field(r, "Trạng thái") == "Không được tiếp nhận"
    assert show(data, refused)["refusal_reason"] == "Không thuộc thẩm quyền"
    assert parse_json(onestop(data, "verify", "--json"))["ok"] is True
    assert parse_json(onestop(data, "rebuild", "--json"))["changed"] == 0


def test_act_refusals_are_clear(station: Path) -> None:
    data = station
    ok(receive(data, "2026-03-02T08:00", "1.004873", *LAN))
    d = code(1001)
    before = history(data, d)
    nine = "2026-03-02T09:00"
    # A flag the action does not read, an unknown action, missing or bad values: exit 2.
    for result, fragments in (
        (act(data, nine, d, "returned", to="lanhdao", collected_by="Lan"), ("--to", "Trả kết quả")),
        (act(data, nine, d, "received"), ("handed_over",)),
        (act(data, nine, d, "xoa"), ("«xoa»",)),
        (act(data, nine, d, "withdrawn"), ("lý do",)),
        (act(data, nine, d, "handed_over", to="tiepnhan"), ("chuyên viên",)),
        (act(data, nine, d, "financial_requested", amount="-5"), ("--amount",)),
        (act(data, nine, d, "rescheduled", reason="x", new_due="mai"), ("YYYY-MM-DD HH:MM",)),
        (
            act(data, nine, d, "rescheduled", reason="x", new_due="2026-03-04 17:00"),
            ("sau ngày hẹn cũ",),
        ),
    ):
        refused_with(result, 2, *fragments)
    # Not allowed in this status: Conflict (5). Unknown dossier: NotFound (4).
    refused_with(act(data, nine, d, "returned", collected_by="Lan"), 5, "Được tiếp nhận")
    refused_with(onestop(data, "dossier", "show", code(9999)), 4, "9999")
    refused_with(onestop(data, "dossier", "history", "khong-co"), 4, "khong-co")
    assert history(data, d) == before


def test_receive_refusals_write_nothing(station: Path) -> None:
    data = station
    eight = "2026-03-02T08:00"
    lan_a = person("Lê Văn A")
    for result, exit_code, fragment in (
        (receive(data, eight, "1.004873", *person("Lê Văn A", "12345")), 2, "12 chữ số"),
        (receive(data, eight, "1.004873", *lan_a, phone="12"), 2, "Số điện thoại"),
        (receive(data, eight, "9.999999", *lan_a), 4, "9.999999"),
        (receive(data, eight, "1.004746", *lan_a), 5, "chưa được công bố"),
        (receive(data, eight, "1.004873", *lan_a, sets=0), 2, "--sets"),
        (receive(data, eight, "1.004873", *lan_a, birth_date="31/02/1990"), 2, "31/02/1990"),
        (receive(data, eight, "1.004873", *lan_a, refuse_as_duplicate_of=code(9999)), 4, "9999"),
    ):
        refused_with(result, exit_code, fragment)
    assert dossier_count(data) == 0


# --------------------------------------------------------------------------------------------------
# The real entry point and the real clock


def test_real_clock_receive_show_history(station: Path) -> None:
    data = station
    r = ok(onestop(data, "dossier", "receive", "--procedure", "1.004873", *LAN))
    dossier = field(r, "Mã hồ sơ")
    assert re.fullmatch(rf"{re.escape(UNIT_CODE)}-\d{{6}}-1001", dossier)
    row = show(data, dossier)
    received = datetime.fromisoformat(row["received_at"])
    due_at = datetime.fromisoformat(row["due_at"])
    assert field(r, "Ngày hẹn trả") == due_at.strftime("%d/%m/%Y %H:%M")
    # The appointment is the calendar's, for the moment it was received.
    args = ("calendar", "due", "--procedure", "1.004873", "--received", row["received_at"])
    assert ok(onestop(data, *args)).stdout.strip() == due_at.strftime("%Y-%m-%d %H:%M")
    (event,) = history(data, dossier)
    assert event["kind"] == "received" and event["label"] == "Tiếp nhận hồ sơ"
    assert event["time"] == received.strftime("%d/%m/%Y %H:%M")
    line = ok(onestop(data, "dossier", "history", dossier)).stdout.strip()
    assert line.startswith(received.strftime("%d/%m/%Y %H:%M"))
    assert "Tiếp nhận hồ sơ" in line and "1.004873" in line


# --------------------------------------------------------------------------------------------------
# Defect 6: the documents handed in, and --json for every outcome of receive


def test_receive_records_the_documents_handed_in(station: Path) -> None:
    data = station
    r = onestop(
        data,
        "dossier",
        "receive",
        "--procedure",
        "1.004873",
        *LAN,
        "--document",
        "1",
        "--document",
        "2:copy:2",
        "--json",
    )
    got = parse_json(ok(r))
    assert got["duplicate"] is False
    given = [d for d in got["documents"] if d["provided"]]
    assert [(d["number"], d["form"], d["count"]) for d in given][1] == (2, "copy", 2)
    assert given[0]["number"] == 1 and given[0]["form"] == given[0]["required_form"]
    row = show(data, got["code"])
    assert [d["number"] for d in row["documents"] if d["provided"]] == [1, 2]
    text = ok(onestop(data, "dossier", "show", got["code"])).stdout
    assert "2. " in text and "bản sao, 2 bản, đã nộp" in text
    # The same person again, as JSON: the earlier dossier listed, the duplicate exit code.
    again = onestop(data, "dossier", "receive", "--procedure", "1.004873", *LAN, "--json")
    assert again.returncode == 5
    dup = json.loads(again.stdout)
    assert dup["duplicate"] is True and [d["code"] for d in dup["earlier"]] == [got["code"]]


@pytest.mark.parametrize(
    ("document", "words"),
    [
        ("99", "Giấy tờ số 99 không có trong thành phần hồ sơ"),
        ("1:photo", "Hình thức giấy tờ «photo» không hợp lệ"),
        ("1:copy:0", "--document: «0» không phải số nguyên hợp lệ"),
        ("x", "--document: «x» không phải số nguyên hợp lệ"),
    ],
)
def test_a_bad_document_is_refused_naming_it(station: Path, document: str, words: str) -> None:
    r = onestop(
        station, "dossier", "receive", "--procedure", "1.004873", *LAN, "--document", document
    )
    assert r.returncode == 2, r.stderr
    assert words in r.stderr
    assert "Mã hồ sơ" not in r.stdout
