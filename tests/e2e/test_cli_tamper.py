"""Items 2 and 4 of #7 through the CLI as a process: a copy of a demo station's database is
tampered with the sqlite3 module (what someone with the sqlite3 shell can do), then ``verify``
(or any command, for a schema change) must refuse or report each change."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from onestop_desktop.domain.events import Event, canonical

from .conftest import assert_refused, ok, onestop, parse_json

GUARDS = {
    "events_no_update": "CREATE TRIGGER events_no_update BEFORE UPDATE ON events\n"
    "        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END",
    "events_no_delete": "CREATE TRIGGER events_no_delete BEFORE DELETE ON events\n"
    "        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END",
}


def _sql(db: Path, *statements: str, params: tuple[object, ...] = ()) -> None:
    conn = sqlite3.connect(db)
    try:
        for statement in statements:
            conn.execute(statement, params)
        conn.commit()
    finally:
        conn.close()


def _unguarded(db: Path, *statements: str) -> None:
    """Drop the append-only guards, run ``statements``, put the guards back as they were."""
    _sql(
        db,
        "DROP TRIGGER events_no_update",
        "DROP TRIGGER events_no_delete",
        *statements,
        *GUARDS.values(),
    )


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _event(row: tuple[object, ...]) -> Event:
    station, seq, dossier, kind, actor, at, payload, prev, digest = row
    return Event(
        int(str(station)),
        int(str(seq)),
        None if dossier is None else str(dossier),
        str(kind),
        str(actor),
        str(at),
        json.loads(str(payload)),
        str(prev),
        str(digest),
    )


COLUMNS = "station_id, seq, dossier_id, kind, actor, at, payload, prev_hash, hash"


def _reinsert(db: Path, evs: list[Event]) -> None:
    conn = sqlite3.connect(db)
    try:
        conn.executemany(
            f"INSERT INTO events ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    e.station_id,
                    e.seq,
                    e.dossier_id,
                    e.kind,
                    e.actor,
                    e.at,
                    canonical(e.payload),
                    e.prev_hash,
                    e.hash,
                )
                for e in evs
            ],
        )
        conn.commit()
    finally:
        conn.close()


def _anchored(data: Path) -> None:
    """A backup: its chain heads go into the data folder's anchors (and beside the backup)."""
    ok(onestop(data, "backup", "--to", data.parent / "usb"))
    assert (data / "anchors" / "anchors.jsonl").is_file()


def _verify_fails(data: Path, *fragments: str) -> dict[str, object]:
    result = onestop(data, "verify", "--json")
    assert result.returncode == 1, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["ok"] is False
    found = "\n".join(
        str(p)
        for key in ("anchor_problems", "projection_problems", "table_problems")
        for p in report[key]  # type: ignore[attr-defined]
    )
    for fragment in fragments:
        assert fragment in found, found
    text = onestop(data, "verify")
    assert text.returncode == 1 and "Traceback" not in text.stderr
    return report


def test_the_untouched_demo_verifies_with_its_anchors(demo_copy: Path) -> None:
    _anchored(demo_copy)
    report = parse_json(onestop(demo_copy, "verify", "--json"))
    assert report["ok"] is True and report["anchors_checked"] == 1
    (head,) = report["heads"]
    listed = ok(onestop(demo_copy, "anchors", "list")).stdout
    assert head["token"] in listed and "backup" in listed


# ------------------------------------------------------------------------ schema (item 2)


@pytest.mark.parametrize(
    ("statement", "name"),
    [
        (
            "CREATE TRIGGER evil AFTER INSERT ON events BEGIN "
            "UPDATE users SET role = 'admin' WHERE username = 'tiepnhan'; END",
            "evil",
        ),
        ("DROP TRIGGER events_no_delete", "events_no_delete"),
        ("CREATE VIEW leak AS SELECT username, password_hash FROM users", "leak"),
    ],
)
def test_a_changed_schema_is_refused_by_every_command(
    demo_copy: Path, statement: str, name: str
) -> None:
    db = demo_copy / "onestop.db"
    _sql(db, statement)
    for command in (("verify",), ("search", "nguyen")):
        line = assert_refused(onestop(demo_copy, *command), "cấu trúc khác", name)
        assert "onestop.db" in line
    verbose = onestop(demo_copy, "-v", "verify")
    assert name in verbose.stderr and "chi tiết" in verbose.stderr


def test_a_backup_with_a_trigger_is_not_restored(demo_copy: Path, demo_backup: Path) -> None:
    bad = demo_copy.parent / "onestop-bad.db"
    shutil.copyfile(demo_backup, bad)
    _sql(bad, "CREATE TRIGGER evil AFTER INSERT ON dossiers BEGIN DELETE FROM users; END")
    before = (demo_copy / "onestop.db").read_bytes()
    assert_refused(onestop(demo_copy, "restore", bad), "evil")
    assert (demo_copy / "onestop.db").read_bytes() == before


def test_another_stations_backup_is_refused_without_the_flag(
    demo_copy: Path, station_copy: Path
) -> None:
    ok(onestop(station_copy, "backup", "--to", station_copy.parent / "usb2"))
    (theirs,) = (station_copy.parent / "usb2").glob("onestop-*.db")
    before = (demo_copy / "onestop.db").read_bytes()
    line = assert_refused(onestop(demo_copy, "restore", theirs), "--other-station", "khóa ký")
    assert "tiếp tục chuỗi sự kiện" in line
    assert (demo_copy / "onestop.db").read_bytes() == before
    assert "--other-station" in ok(onestop(demo_copy, "restore", "--help")).stdout
    key = (demo_copy / "keys" / "station_ed25519.pem").read_bytes()
    done = ok(onestop(demo_copy, "restore", theirs, "--other-station")).stdout
    assert "không phải của máy trạm này" in done and "máy khác" in done
    assert (demo_copy / "keys" / "station_ed25519.pem").read_bytes() == key  # never touched
    assert parse_json(onestop(demo_copy, "verify", "--json"))["ok"] is True


# ------------------------------------------------------------------ the chain (item 4)


def test_a_rehashed_chain_is_caught_by_the_anchor(demo_copy: Path) -> None:
    _anchored(demo_copy)
    db = demo_copy / "onestop.db"
    evs = [_event(r) for r in _rows(db, f"SELECT {COLUMNS} FROM events ORDER BY seq")]
    cut = len(evs) // 2
    prev = evs[cut - 1].hash
    resealed: list[Event] = []
    for ev in evs[cut:]:
        actor = "user:ke_gian" if ev.seq == cut + 1 else ev.actor
        new = Event(ev.station_id, ev.seq, ev.dossier_id, ev.kind, actor, ev.at, ev.payload)
        resealed.append(new.sealed(prev))
        prev = resealed[-1].hash
    _unguarded(db, f"DELETE FROM events WHERE seq > {cut}")
    _reinsert(db, resealed)
    _verify_fails(demo_copy, "băm lại")


def test_deleted_last_events_are_caught(demo_copy: Path) -> None:
    _anchored(demo_copy)
    db = demo_copy / "onestop.db"
    _unguarded(db, "DELETE FROM events WHERE seq > (SELECT max(seq) - 5 FROM events)")
    report = _verify_fails(demo_copy, "ít hơn mốc")
    assert report["broken"] is None  # the chain that is left is sound


def test_deleted_last_events_are_caught_without_an_anchor(demo_copy: Path) -> None:
    """The projection still remembers folding events the chain no longer has."""
    db = demo_copy / "onestop.db"
    _unguarded(db, "DELETE FROM events WHERE seq > (SELECT max(seq) - 5 FROM events)")
    _verify_fails(demo_copy, "sự kiện cuối đã bị xóa")


def test_a_forged_appended_event_is_caught(demo_copy: Path) -> None:
    _anchored(demo_copy)
    db = demo_copy / "onestop.db"
    (row,) = _rows(db, f"SELECT {COLUMNS} FROM events ORDER BY seq DESC LIMIT 1")
    head = _event(row)
    (dossier,) = _rows(db, "SELECT id FROM dossiers WHERE status IN (2, 4) ORDER BY status LIMIT 1")
    forged = Event(
        1,
        head.seq + 1,
        str(dossier[0]),
        "handed_over",
        "user:admin",
        head.at,
        {"to": "lanhdao", "v": 1},
    ).sealed(head.hash)
    _reinsert(db, [forged])
    report = _verify_fails(demo_copy, "không khớp các sự kiện")
    assert report["broken"] is None  # correctly hashed: only the fold sees it


def test_a_forged_appended_admin_event_is_caught(demo_copy: Path) -> None:
    db = demo_copy / "onestop.db"
    (row,) = _rows(db, f"SELECT {COLUMNS} FROM events ORDER BY seq DESC LIMIT 1")
    head = _event(row)
    forged = Event(
        1,
        head.seq + 1,
        None,
        "user.added",
        "operator:root",
        head.at,
        {"username": "ke_gian", "full_name": "Kẻ gian", "role": "admin", "v": 1},
    ).sealed(head.hash)
    _reinsert(db, [forged])
    _verify_fails(demo_copy, "ke_gian")


def test_a_wiped_log_is_caught(demo_copy: Path) -> None:
    _anchored(demo_copy)
    _unguarded(demo_copy / "onestop.db", "DELETE FROM events")
    report = _verify_fails(demo_copy, "ít hơn mốc", "không có sự kiện khởi tạo máy trạm")
    assert report["checked"] == 0


def test_a_wrong_typed_anchor_is_reported(demo_copy: Path) -> None:
    bad = "0123456789abcdef@1:5"
    ok(onestop(demo_copy, "anchors", "add", bad))
    _verify_fails(demo_copy, "0123456789abcdef")
    assert_refused(onestop(demo_copy, "anchors", "add", "xyz@1"), "không đúng dạng")


# ------------------------------------------------------------ rule tables (item 4)


@pytest.mark.parametrize(
    ("statement", "fragment"),
    [
        ("UPDATE users SET role = 'admin' WHERE username = 'tiepnhan'", "tiepnhan"),
        ("INSERT INTO settings(key, value) VALUES ('max_reschedules', '99')", "max_reschedules"),
        (
            "UPDATE procedures SET data = json_set(data, '$.time_limit.value', 99) "
            "WHERE (code, version) IN (SELECT json_extract(payload, '$.procedure.code'), "
            "json_extract(payload, '$.procedure.version') FROM events WHERE kind = 'received' "
            "LIMIT 1)",
            "time_limit",
        ),
        ("UPDATE procedures SET name = 'Thủ tục khác' WHERE rowid IN (1)", "cột name"),
    ],
)
def test_direct_edits_of_rule_tables_are_reported(
    demo_copy: Path, statement: str, fragment: str
) -> None:
    db = demo_copy / "onestop.db"
    if "rowid" in statement:  # procedures is WITHOUT ROWID: name one row by its key
        (code,) = _rows(db, "SELECT code FROM procedures LIMIT 1")[0]
        statement = f"UPDATE procedures SET name = 'Thủ tục khác' WHERE code = '{code}'"
    _sql(db, statement)
    _verify_fails(demo_copy, fragment)
