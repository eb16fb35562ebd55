"""What a new user meets first, end to end through the CLI: ``init`` with the starter catalogue
(defect 1), ``backup`` into the data folder's ``backups/`` (defect 3), ``user list`` showing a
locked account and ``user unlock`` (defect 4)."""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

from onestop_desktop.domain import clock
from tests.e2e.conftest import (
    ADMIN,
    PASSWORD,
    UNIT_CODE,
    UNIT_NAME,
    assert_refused,
    connect,
    ok,
    onestop,
    parse_json,
    query,
)


def _init(data: Path, *extra: object) -> str:
    result = ok(
        onestop(
            data, "init", "--unit-code", UNIT_CODE, "--unit-name", UNIT_NAME, "--station", 1,
            "--admin", ADMIN, "--password-stdin", *extra, input=PASSWORD + "\n",
        )
    )  # fmt: skip
    return result.stdout


def test_init_loads_the_starter_catalogue_and_says_so(tmp_path: Path) -> None:
    data = tmp_path / "data"
    out = _init(data)
    assert "Đã nạp danh mục thủ tục mẫu: 30 thủ tục." in out
    listed = parse_json(onestop(data, "catalog", "list", "--json"))
    assert len(listed) == 30
    # Recorded like any other catalogue import.
    kinds = [r["kind"] for r in query(data / "onestop.db", "SELECT kind FROM events ORDER BY id")]
    assert kinds.count("catalog.imported") == 1


def test_init_with_catalog_none_starts_empty(tmp_path: Path) -> None:
    data = tmp_path / "data"
    out = _init(data, "--catalog", "none")
    assert "Danh mục thủ tục đang trống" in out
    assert parse_json(onestop(data, "catalog", "list", "--json")) == []


def test_init_with_a_catalogue_file(tmp_path: Path) -> None:
    source = tmp_path / "source"
    _init(source)
    export = tmp_path / "danh-muc.json"
    ok(onestop(source, "catalog", "export", "--format", "json", "--out", export))
    doc = json.loads(export.read_text(encoding="utf-8"))
    doc["procedures"] = doc["procedures"][:3]
    export.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    data = tmp_path / "data"
    out = _init(data, "--catalog", export)
    assert "Đã nạp danh mục thủ tục từ danh-muc.json: 3 thủ tục." in out
    assert len(parse_json(onestop(data, "catalog", "list", "--json"))) == 3


def test_init_with_a_missing_catalogue_file_creates_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = onestop(
        data, "init", "--unit-code", UNIT_CODE, "--unit-name", UNIT_NAME, "--station", 1,
        "--admin", ADMIN, "--password-stdin", "--catalog", tmp_path / "khong-co.csv",
        input=PASSWORD + "\n",
    )  # fmt: skip
    assert_refused(result, "khong-co.csv")
    assert not (data / "onestop.db").exists()


def test_backup_without_to_goes_to_the_data_folders_backups(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _init(data)
    out = ok(onestop(data, "backup")).stdout
    made = sorted((data / "backups").glob("onestop-*.db"))
    assert len(made) == 1 and str(made[0]) in out and "Đã sao lưu và kiểm tra" in out
    listed = ok(onestop(data, "backup", "--list")).stdout.strip().splitlines()
    assert len(listed) == 1 and str(made[0]) in listed[0]
    assert re.match(r"\d\d/\d\d/\d{4} \d\d:\d\d ", listed[0])
    # The copy restores (and the replaced database is kept).
    out = ok(onestop(data, "restore", made[0])).stdout
    assert "Đã khôi phục" in out and "bản cũ giữ lại" in out


def test_user_list_shows_a_lock_and_unlock_lifts_it(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _init(data, "--catalog", "none")
    ok(
        onestop(
            data, "user", "add", "lan", "--role", "clerk", "--full-name", "Nguyễn Thị Lan",
            "--password-stdin", input="mat-khau-lan\n",
        )
    )  # fmt: skip
    until = (clock.now() + timedelta(minutes=12)).replace(second=0)
    conn = connect(data / "onestop.db")  # five failed sign-ins, as the GUI leaves them
    with conn:
        conn.execute("UPDATE users SET locked_until = ? WHERE username = 'lan'", [clock.iso(until)])
    conn.close()
    lines = ok(onestop(data, "user", "list")).stdout.splitlines()
    lan = next(line for line in lines if line.startswith("lan "))
    assert f"đang bị khóa đến {until:%d/%m/%Y %H:%M}" in lan
    users = {u["username"]: u for u in parse_json(onestop(data, "user", "list", "--json"))}
    assert users["lan"]["locked"] is True
    assert datetime.fromisoformat(users["lan"]["locked_until"]) == until
    assert users[ADMIN]["locked"] is False

    out = ok(onestop(data, "user", "unlock", "lan")).stdout
    assert "Đã mở khóa tài khoản lan" in out
    users = {u["username"]: u for u in parse_json(onestop(data, "user", "list", "--json"))}
    assert (users["lan"]["locked"], users["lan"]["locked_until"]) == (False, None)
    events = query(data / "onestop.db", "SELECT kind, payload FROM events ORDER BY id")
    unlocked = [json.loads(e["payload"]) for e in events if e["kind"] == "user.unlocked"]
    assert [p["username"] for p in unlocked] == ["lan"]
    assert_refused(onestop(data, "user", "unlock", "lan"), "không bị khóa")


def test_wal_settings_untouched(tmp_path: Path) -> None:
    """The backup copy is a standalone file (no -wal beside it), openable read-only."""
    data = tmp_path / "data"
    _init(data, "--catalog", "none")
    ok(onestop(data, "backup"))
    (made,) = (data / "backups").glob("onestop-*.db")
    assert not made.with_name(made.name + "-wal").exists()
    conn = sqlite3.connect(f"file:{made}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        conn.close()
