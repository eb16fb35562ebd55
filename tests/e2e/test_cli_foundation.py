"""The CLI's foundation, run as a real process: init, accounts, the event log, backup and restore,
verify/rebuild and self-check. The command forms are exactly the ones district scripts use."""

from __future__ import annotations

import getpass
import json
import re
import stat
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from onestop_desktop import __version__
from onestop_desktop.domain.formats import fmt_int
from tests.e2e.conftest import (
    ADMIN,
    DEMO_DOSSIERS,
    PASSWORD,
    UNIT_CODE,
    UNIT_NAME,
    assert_refused,
    connect,
    init_station,
    ok,
    onestop,
    parse_json,
    query,
    run_cli,
    run_command,
    sha256,
    snapshot,
)

VN = timezone(timedelta(hours=7))


def _backup(data_dir: Path, dest: Path) -> Path:
    """``onestop backup --to dest``; the one backup file it wrote."""
    ok(onestop(data_dir, "backup", "--to", dest))
    return _backup_file(dest)


# ------------------------------------------------------------------------------------- init


def test_init_creates_database_folders_and_private_key(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = init_station(data)
    assert ADMIN in result.stdout
    assert UNIT_CODE in result.stdout
    assert result.stderr == ""
    db = data / "onestop.db"
    assert db.is_file()
    assert db.read_bytes()[:16] == b"SQLite format 3\x00"
    for folder in ("attachments", "backups", "logs", "keys"):
        assert (data / folder).is_dir(), folder
    key = data / "keys" / "station_ed25519.pem"
    assert key.is_file()
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert b"PRIVATE KEY" in key.read_bytes()
    settings = {r["key"]: r["value"] for r in query(db, "SELECT key, value FROM settings")}
    assert settings["unit_code"] == UNIT_CODE
    assert settings["unit_name"] == UNIT_NAME
    assert settings["station_id"] == "1"
    ok(onestop(data, "verify"))


def test_version_from_module_and_console_script() -> None:
    expected = f"onestop {__version__}"
    result = ok(run_cli("--version"))
    assert result.stdout.strip() == expected
    script = Path(sys.executable).parent / "onestop"
    assert script.is_file(), f"console script missing at {script}"
    result = ok(run_command([str(script), "--version"]))
    assert result.stdout.strip() == expected


def test_second_init_is_refused_and_changes_nothing(station_copy: Path) -> None:
    db = station_copy / "onestop.db"
    key = station_copy / "keys" / "station_ed25519.pem"
    before, key_before = snapshot(db), sha256(key)
    result = onestop(
        station_copy,
        "init",
        "--unit-code",
        "000.00.99.H01",
        "--unit-name",
        "Khác",
        "--station",
        "2",
        "--admin",
        "khac",
        "--password-stdin",
        input=PASSWORD + "\n",
    )
    assert_refused(result, "đã có cơ sở dữ liệu")
    assert snapshot(db) == before
    assert sha256(key) == key_before
    settings = {r["key"]: r["value"] for r in query(db, "SELECT key, value FROM settings")}
    assert settings["unit_code"] == UNIT_CODE


def test_data_dir_from_environment_variable(tmp_path: Path) -> None:
    data = tmp_path / "from-env"
    env = {"ONESTOP_DATA_DIR": str(data)}
    ok(
        run_cli(
            "init",
            "--unit-code",
            UNIT_CODE,
            "--unit-name",
            UNIT_NAME,
            "--station",
            "3",
            "--admin",
            ADMIN,
            "--password-stdin",
            input=PASSWORD + "\n",
            env=env,
        )
    )
    assert (data / "onestop.db").is_file()
    assert (data / "keys" / "station_ed25519.pem").is_file()
    users = parse_json(run_cli("user", "list", "--json", env=env))
    assert [u["username"] for u in users] == [ADMIN]
    # --data-dir wins over the variable.
    other = tmp_path / "other"
    result = run_cli("--data-dir", other, "verify", env=env)
    assert_refused(result, str(other))
    assert not (other / "onestop.db").exists()


# ---------------------------------------------------------------------------------- accounts


def test_user_add_list_passwd_deactivate(station_copy: Path) -> None:
    db = station_copy / "onestop.db"
    result = ok(
        onestop(
            station_copy,
            "user",
            "add",
            "lan",
            "--role",
            "clerk",
            "--full-name",
            "Nguyễn Thị Lan",
            "--password-stdin",
            input="lan-mat-khau\n",
        )
    )
    assert "lan" in result.stdout
    ok(
        onestop(
            station_copy,
            "user",
            "add",
            "duc",
            "--role",
            "officer",
            "--full-name",
            "Phạm Minh Đức",
            "--password-stdin",
            input="duc-mat-khau\n",
        )
    )
    users = {u["username"]: u for u in parse_json(onestop(station_copy, "user", "list", "--json"))}
    assert set(users) == {ADMIN, "lan", "duc"}
    assert users["lan"] == {
        "username": "lan",
        "full_name": "Nguyễn Thị Lan",
        "role": "clerk",
        "active": True,
        "locked": False,
        "locked_until": None,
    }
    assert users["duc"]["role"] == "officer"
    assert users[ADMIN]["role"] == "admin"

    hash_before = query(db, "SELECT password_hash FROM users WHERE username = 'lan'")[0]
    ok(onestop(station_copy, "user", "passwd", "lan", "--password-stdin", input="mat-khau-moi\n"))
    hash_after = query(db, "SELECT password_hash FROM users WHERE username = 'lan'")[0]
    assert hash_after != hash_before
    assert "mat-khau-moi" not in hash_after["password_hash"]

    ok(onestop(station_copy, "user", "deactivate", "lan"))
    users = {u["username"]: u for u in parse_json(onestop(station_copy, "user", "list", "--json"))}
    assert set(users) == {ADMIN, "lan", "duc"}, "a deactivated account must stay listed"
    assert users["lan"]["active"] is False
    assert users["duc"]["active"] is True
    text = ok(onestop(station_copy, "user", "list")).stdout
    lan_line = next(line for line in text.splitlines() if line.startswith("lan "))
    assert "vô hiệu hóa" in lan_line

    # Deactivating twice, adding an existing name and disabling the last admin are refused.
    assert_refused(onestop(station_copy, "user", "deactivate", "lan"))
    assert_refused(
        onestop(
            station_copy,
            "user",
            "add",
            "lan",
            "--role",
            "clerk",
            "--full-name",
            "Trùng tên",
            "--password-stdin",
            input="mat-khau-khac\n",
        )
    )
    before = snapshot(db)
    assert_refused(onestop(station_copy, "user", "deactivate", ADMIN), "quản trị")
    assert_refused(onestop(station_copy, "user", "deactivate", "khongco"), "khongco")
    assert snapshot(db) == before
    ok(onestop(station_copy, "verify"))


def test_admin_and_operator_are_recorded_in_events(tmp_path: Path) -> None:
    data = tmp_path / "data"
    init_station(data)
    ok(
        onestop(
            data,
            "user",
            "add",
            "lan",
            "--role",
            "clerk",
            "--full-name",
            "Nguyễn Thị Lan",
            "--password-stdin",
            input="lan-mat-khau\n",
        )
    )
    ok(onestop(data, "user", "passwd", "lan", "--password-stdin", input="mat-khau-moi\n"))
    ok(onestop(data, "user", "deactivate", "lan"))
    operator = f"operator:{getpass.getuser()}"

    conn = connect(data / "onestop.db")
    try:
        rows = [dict(r) for r in conn.execute("SELECT * FROM events ORDER BY station_id, seq")]
    finally:
        conn.close()
    kinds = [r["kind"] for r in rows]
    assert kinds == [
        "station.initialized",
        "user.added",
        "user.added",
        "user.password_changed",
        "user.deactivated",
    ]
    assert [r["seq"] for r in rows] == list(range(1, len(rows) + 1))
    assert {r["station_id"] for r in rows} == {1}
    assert {r["actor"] for r in rows} == {operator}
    for r in rows:
        assert r["at"].endswith("+07:00"), r["at"]
        moment = datetime.fromisoformat(r["at"])
        assert abs(moment - datetime.now(VN)) < timedelta(minutes=10)
        assert "lan-mat-khau" not in r["payload"] and "mat-khau-moi" not in r["payload"]
        assert PASSWORD not in r["payload"]
    init_payload = json.loads(rows[0]["payload"])
    assert init_payload["unit_code"] == UNIT_CODE
    assert init_payload["station"] == 1
    added = [json.loads(r["payload"]) for r in rows if r["kind"] == "user.added"]
    assert added[0]["username"] == ADMIN and added[0]["role"] == "admin"
    assert added[1]["username"] == "lan" and added[1]["role"] == "clerk"
    assert added[1]["full_name"] == "Nguyễn Thị Lan"
    for r in query(data / "onestop.db", "SELECT created_at, updated_at FROM users"):
        assert r["created_at"].endswith("+07:00") and r["updated_at"].endswith("+07:00")
    assert "5 sự kiện" in ok(onestop(data, "verify")).stdout


# --------------------------------------------------------------------------- backup, restore


def test_backup_writes_a_verified_copy(demo_copy: Path, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    result = ok(onestop(demo_copy, "backup", "--to", usb))
    backup = _backup_file(usb)
    assert not list(usb.glob("*.partial"))
    assert str(backup.name) in result.stdout
    src_count = query(demo_copy / "onestop.db", "SELECT count(*) AS n FROM dossiers")[0]["n"]
    assert src_count == DEMO_DOSSIERS
    assert query(backup, "SELECT count(*) AS n FROM dossiers")[0]["n"] == src_count
    assert str(src_count) in result.stdout
    assert query(backup, "PRAGMA integrity_check")[0]["integrity_check"] == "ok"
    assert snapshot(backup) == snapshot(demo_copy / "onestop.db")
    # The backup is a whole file: no WAL beside it.
    assert not backup.with_name(backup.name + "-wal").exists()


def _backup_file(folder: Path) -> Path:
    files = sorted(folder.glob("onestop-*.db"))
    assert len(files) == 1, files
    return files[0]


def test_backup_message_names_the_real_file(demo_copy: Path, tmp_path: Path) -> None:
    """A script takes the path from the message; a comma in the folder must survive."""
    usb = tmp_path / "USB, ổ 2"
    result = ok(onestop(demo_copy, "backup", "--to", usb))
    backup = _backup_file(usb)
    match = re.search(r"Đã sao lưu và kiểm tra: (.+?) \(", result.stdout)
    assert match, result.stdout
    assert Path(match.group(1)).resolve() == backup.resolve(), result.stdout
    assert f"({DEMO_DOSSIERS} hồ sơ, " in result.stdout, result.stdout


def test_restore_replaces_database_and_keeps_the_old_one(
    demo_copy: Path, station_copy: Path, tmp_path: Path
) -> None:
    backup = _backup(demo_copy, tmp_path / "usb")
    db = station_copy / "onestop.db"
    old_hash, old_snapshot = sha256(db), snapshot(db)
    # #7: the demo is another installation's backup (another key): refused without the flag.
    result = ok(onestop(station_copy, "restore", backup, "--other-station"))
    kept = sorted(station_copy.glob("onestop.db.replaced-*"))
    kept_main = [k for k in kept if not k.name.endswith(("-wal", "-shm"))]
    assert len(kept_main) == 1, kept
    assert kept_main[0].name in result.stdout
    assert sha256(kept_main[0]) == old_hash
    assert snapshot(kept_main[0]) == old_snapshot
    assert snapshot(db) == snapshot(backup)
    assert query(db, "SELECT count(*) AS n FROM dossiers")[0]["n"] == DEMO_DOSSIERS
    ok(onestop(station_copy, "verify"))
    users = parse_json(onestop(station_copy, "user", "list", "--json"))
    assert "tiepnhan" in {u["username"] for u in users}
    assert not list(station_copy.glob("*.restoring"))


def test_restore_into_an_empty_data_dir(demo_copy: Path, tmp_path: Path) -> None:
    backup = _backup(demo_copy, tmp_path / "usb")
    fresh = tmp_path / "new-pc"
    result = ok(onestop(fresh, "restore", backup))
    assert "giữ lại" not in result.stdout
    assert not list(fresh.glob("onestop.db.replaced-*"))
    assert snapshot(fresh / "onestop.db") == snapshot(backup)
    ok(onestop(fresh, "verify"))


def test_restore_never_overwrites_a_previously_kept_database(
    demo_copy: Path, station_copy: Path, tmp_path: Path
) -> None:
    """Two restores in the same second must keep both replaced files.

    The kept name has a one-second timestamp. Files already holding the names of the next few
    seconds stand for the databases kept by earlier restores in the same second: none of them may
    be overwritten, and the database replaced now must be kept too.
    """
    backup = _backup(demo_copy, tmp_path / "usb")
    db = station_copy / "onestop.db"
    old_hash = sha256(db)
    now = datetime.now(VN)
    earlier: dict[Path, bytes] = {}
    for delta in range(-1, 15):
        stamp = (now + timedelta(seconds=delta)).strftime("%Y%m%d-%H%M%S")
        path = station_copy / f"onestop.db.replaced-{stamp}"
        content = f"database kept by an earlier restore at {stamp}".encode()
        path.write_bytes(content)
        earlier[path] = content
    ok(onestop(station_copy, "restore", backup, "--other-station"))  # another installation
    for path, content in earlier.items():
        assert path.read_bytes() == content, f"{path.name} was overwritten by the restore"
    kept = [
        p
        for p in station_copy.glob("onestop.db.replaced-*")
        if p not in earlier and not p.name.endswith(("-wal", "-shm"))
    ]
    assert len(kept) == 1, kept
    assert sha256(kept[0]) == old_hash


# ------------------------------------------------------------------- events are the truth


def test_verify_passes_on_demo_data(demo_copy: Path) -> None:
    result = ok(onestop(demo_copy, "verify"))
    n_events = query(demo_copy / "onestop.db", "SELECT count(*) AS n FROM events")[0]["n"]
    assert f"{fmt_int(n_events)} sự kiện" in result.stdout  # 1.266: Vietnamese grouping
    report = parse_json(onestop(demo_copy, "verify", "--json"))
    # #7: the report also carries anchors, table and projection checks (all empty here).
    assert {k: report[k] for k in ("ok", "checked", "broken")} == {
        "ok": True,
        "checked": n_events,
        "broken": None,
    }
    assert report["table_problems"] == [] and report["anchor_problems"] == []


def _tamper_payload(db: Path, new_payload: str | None = None) -> tuple[int, int]:
    """Change one event's payload in the middle of the log; its ``(station_id, seq)``."""
    conn = connect(db)
    try:
        conn.execute("DROP TRIGGER events_no_update")
        n = conn.execute("SELECT count(*) FROM events").fetchone()[0]
        row = conn.execute(
            "SELECT station_id, seq, payload FROM events WHERE kind = 'received' "
            "AND seq > ? ORDER BY seq LIMIT 1",
            (n // 2,),
        ).fetchone()
        station_id, seq = int(row["station_id"]), int(row["seq"])
        if new_payload is None:
            payload = json.loads(row["payload"])
            payload["applicant"]["name"] = "Người Khác"
            new_payload = json.dumps(
                payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False
            )
        conn.execute(
            "UPDATE events SET payload = ? WHERE station_id = ? AND seq = ?",
            (new_payload, station_id, seq),
        )
        # Put the guard back as it was: a database without it is refused at open (#7 item 2).
        conn.execute(
            "CREATE TRIGGER events_no_update BEFORE UPDATE ON events\n"
            "        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END"
        )
        conn.commit()
    finally:
        conn.close()
    return station_id, seq


def test_verify_names_the_edited_event(demo_copy: Path) -> None:
    station_id, seq = _tamper_payload(demo_copy / "onestop.db")
    result = onestop(demo_copy, "verify")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert f"máy trạm {station_id}" in result.stderr
    assert f"sự kiện số {seq}" in result.stderr
    report = json.loads(onestop(demo_copy, "verify", "--json").stdout)
    assert report["ok"] is False
    assert report["broken"]["station_id"] == station_id
    assert report["broken"]["seq"] == seq


def test_verify_names_an_event_whose_payload_is_not_json(demo_copy: Path) -> None:
    """Hand-edited garbage in the log is a broken chain, reported like any other edit."""
    _, seq = _tamper_payload(demo_copy / "onestop.db", new_payload="khong phai json")
    result = onestop(demo_copy, "verify")
    assert result.returncode not in (0, 70), result.stderr
    assert "lỗi không mong đợi" not in result.stderr
    assert "Traceback" not in result.stderr
    assert f"sự kiện số {seq}" in result.stderr, result.stderr
    check = onestop(demo_copy, "self-check")
    assert check.returncode == 1, check.stderr
    assert "lỗi không mong đợi" not in check.stderr
    assert "Chuỗi sự kiện" in check.stdout


def test_rebuild_of_untouched_demo_reports_no_difference(demo_copy: Path) -> None:
    result = ok(onestop(demo_copy, "rebuild"))
    assert "0 hồ sơ khác, 0 thiếu, 0 thừa" in result.stdout
    report = parse_json(onestop(demo_copy, "rebuild", "--json"))
    assert report["dossiers"] == DEMO_DOSSIERS
    assert (report["changed"], report["added"], report["removed"]) == (0, 0, 0)
    assert report["differences"] == []


def test_rebuild_reports_and_repairs_an_edited_dossier(demo_copy: Path) -> None:
    db = demo_copy / "onestop.db"
    target = query(db, "SELECT code, status FROM dossiers WHERE status = 10 ORDER BY rid LIMIT 1")[
        0
    ]
    conn = connect(db)
    conn.execute("UPDATE dossiers SET status = 4 WHERE code = ?", (target["code"],))
    conn.commit()
    conn.close()

    dry = parse_json(onestop(demo_copy, "rebuild", "--dry-run", "--json"))
    assert dry["changed"] == 1
    assert dry["differences"] == [
        {"code": target["code"], "column": "status", "stored": 4, "rebuilt": 10}
    ]
    assert query(db, "SELECT status FROM dossiers WHERE code = ?", (target["code"],)) == [
        {"status": 4}
    ], "--dry-run must not repair"

    result = ok(onestop(demo_copy, "rebuild"))
    assert "1 hồ sơ khác" in result.stdout
    assert target["code"] in result.stdout
    assert query(db, "SELECT status FROM dossiers WHERE code = ?", (target["code"],)) == [
        {"status": 10}
    ]
    again = ok(onestop(demo_copy, "rebuild"))
    assert "0 hồ sơ khác, 0 thiếu, 0 thừa" in again.stdout
    ok(onestop(demo_copy, "verify"))


def test_rebuild_restores_a_deleted_row_and_drops_a_stray_one(demo_copy: Path) -> None:
    db = demo_copy / "onestop.db"
    victim = query(db, "SELECT code, applicant_name FROM dossiers ORDER BY rid LIMIT 1 OFFSET 10")[
        0
    ]
    conn = connect(db)
    conn.execute("DELETE FROM dossiers WHERE code = ?", (victim["code"],))
    columns = [r[1] for r in conn.execute("PRAGMA table_info(dossiers)")]
    select = ", ".join(
        {"rid": "rid + 1", "id": "'stray-id'", "code": "'STRAY-CODE'"}.get(c, c) for c in columns
    )
    conn.execute(
        f"INSERT INTO dossiers ({', '.join(columns)}) SELECT {select} FROM dossiers "
        "ORDER BY rid LIMIT 1 OFFSET 20"
    )
    conn.commit()
    conn.close()
    assert not parse_json(onestop(demo_copy, "search", victim["code"], "--json"))

    report = parse_json(onestop(demo_copy, "rebuild", "--json"))
    assert (report["changed"], report["added"], report["removed"]) == (0, 1, 1)
    assert {d["code"] for d in report["differences"]} == {victim["code"], "STRAY-CODE"}
    found = parse_json(onestop(demo_copy, "search", victim["code"], "--json"))
    assert [r["code"] for r in found] == [victim["code"]]
    assert found[0]["applicant_name"] == victim["applicant_name"]
    assert query(db, "SELECT count(*) AS n FROM dossiers")[0]["n"] == DEMO_DOSSIERS
    assert "0 hồ sơ khác, 0 thiếu, 0 thừa" in ok(onestop(demo_copy, "rebuild")).stdout


# -------------------------------------------------------------------------------- self-check


@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
def test_self_check_exit_code_matches_its_verdict(demo_copy: Path, as_json: bool) -> None:
    args = ["self-check", "--json"] if as_json else ["self-check"]
    result = onestop(demo_copy, *args)
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
    if as_json:
        report = json.loads(result.stdout)
        assert report["ok"] is (result.returncode == 0)
        assert report["version"] == __version__
        checks = {c["name"]: c for c in report["checks"]}
        assert checks["Cơ sở dữ liệu"]["ok"] is True
        assert checks["Phông chữ tiếng Việt"]["ok"] is True
        failed = [c for c in report["checks"] if not c["ok"] and not c["warning"]]
        assert bool(failed) is (result.returncode == 1)
        return
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("OneStop Desktop")
    verdict = lines[-1]
    assert verdict in ("Kết quả: đạt", "Kết quả: KHÔNG ĐẠT"), verdict
    assert (verdict == "Kết quả: đạt") is (result.returncode == 0)
    assert any(line.startswith("[OK ] Cơ sở dữ liệu:") for line in lines), result.stdout
    assert any(line.startswith("[OK ] Phông chữ tiếng Việt:") for line in lines), result.stdout
    assert any(line.startswith("[OK ] Chuỗi sự kiện:") for line in lines), result.stdout
    failed = [line for line in lines[1:-1] if line.startswith("[LỖI]")]
    assert bool(failed) is (result.returncode == 1)
