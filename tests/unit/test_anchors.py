"""Item 4 of #7: tampering the anchors would see. Chain heads kept outside the database, the
projection's tail, and the rule tables (users, settings, catalogue, calendar) checked against the
events that made them."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from onestop_desktop.domain import clock
from onestop_desktop.domain.events import Event, canonical
from onestop_desktop.errors import ValidationError
from onestop_desktop.paths import DataDir
from onestop_desktop.services import (
    anchors,
    backup,
    calendar,
    dossiers,
    integrity,
    settings,
    users,
)
from onestop_desktop.services.context import Session
from onestop_desktop.services.dossiers import Applicant, Intake
from onestop_desktop.services.views import DossierSummary
from onestop_desktop.store import events

GUARDS = (
    "CREATE TRIGGER events_no_update BEFORE UPDATE ON events\n"
    "        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END",
    "CREATE TRIGGER events_no_delete BEFORE DELETE ON events\n"
    "        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END",
)


def _without_guards(ctx: Session, *sql: str, params: tuple[object, ...] = ()) -> None:
    """What someone with the sqlite3 shell does: drop the guards, edit, put the guards back."""
    conn = ctx.store.db.conn
    conn.execute("DROP TRIGGER events_no_update")
    conn.execute("DROP TRIGGER events_no_delete")
    for statement in sql:
        conn.execute(statement, params)
    for guard in GUARDS:
        conn.execute(guard)


def _some_activity(ctx: Session) -> None:
    users.add_user(ctx, "tiepnhan", "clerk", "Nguyễn Thị Lan", "matkhau-2025")
    settings.set_setting(ctx, "max_reschedules", "2")
    calendar.set_day(ctx, date(2026, 3, 9), "day_off", "Nghỉ bù")


def _rehash_from(ctx: Session, seq: int) -> None:
    """Edit event ``seq``'s actor and re-seal every later event: a sound chain again."""
    evs = list(events.iter_station(ctx.store, ctx.station.station_id))
    prev = evs[seq - 2].hash if seq > 1 else "0" * 64
    fixed: list[Event] = []
    for ev in evs[seq - 1 :]:
        actor = "user:someone-else" if ev.seq == seq else ev.actor
        new = Event(ev.station_id, ev.seq, ev.dossier_id, ev.kind, actor, ev.at, ev.payload)
        sealed = new.sealed(prev)
        fixed.append(sealed)
        prev = sealed.hash
    statements = [f"DELETE FROM events WHERE station_id = 1 AND seq >= {seq}"]
    _without_guards(ctx, *statements)
    events.insert(ctx.store, fixed)


def _receive(ctx: Session) -> DossierSummary:
    """One birth registration received by the operator."""
    return dossiers.receive(ctx, Intake("1.004873", Applicant("Nguyễn Thị Lan")))


def test_chain_heads_and_their_printable_form(ctx: Session) -> None:
    (head,) = anchors.chain_heads(ctx)
    seq, digest = events.head(ctx.store, 1)
    assert (head.station, head.seq, head.hash) == (1, seq, digest)
    assert head.short == digest[:16] and head.token == f"{digest[:16]}@1:{seq}"
    assert head.label().startswith("Máy trạm 1, sự kiện số ")


def test_tokens_parse_and_bad_ones_are_refused() -> None:
    assert anchors.parse_token("A1B2C3D4E5F60718@12", default_station=3) == (
        3,
        12,
        "a1b2c3d4e5f60718",
    )
    assert anchors.parse_token(" a1b2c3d4e5f60718 @ 2:7 ", default_station=1)[:2] == (2, 7)
    for bad in ("abc@1", "a1b2c3d4e5f60718", "zzzzzzzzzzzzzzzz@1", "a1b2c3d4e5f60718@x"):
        with pytest.raises(ValidationError, match="không đúng dạng"):
            anchors.parse_token(bad, default_station=1)


def test_anchors_file_is_append_only_json_lines_outside_the_database(ctx: Session) -> None:
    folder = anchors.folder_of(ctx.store)
    assert folder is not None and folder.parent == ctx.store.path.parent  # type: ignore[union-attr]
    anchors.record_heads(ctx, "report")
    anchors.record_heads(ctx, "summary")  # same head: not written twice
    _some_activity(ctx)
    anchors.record_heads(ctx, "report")
    lines = (folder / anchors.FILE).read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    first = json.loads(lines[0])
    assert set(first) == {"at", "station", "seq", "hash", "source"}
    assert first["source"] == "report" and len(first["hash"]) == 64
    assert [a.seq for a in anchors.list_anchors(ctx)] == [first["seq"], first["seq"] + 3]


def test_a_clean_station_verifies_against_its_anchors(ctx: Session) -> None:
    _some_activity(ctx)
    anchors.record_heads(ctx, "report")
    report = integrity.verify(ctx)
    assert report.ok, report.text()
    assert report.anchors_checked == 1
    assert "khớp" in report.text()


def test_a_rehashed_chain_is_caught_by_an_earlier_anchor(ctx: Session) -> None:
    _some_activity(ctx)
    anchors.record_heads(ctx, "backup")
    _rehash_from(ctx, 2)
    assert events.verify(ctx.store)[1] is None  # the chain alone looks sound
    report = integrity.verify(ctx)
    assert not report.ok
    assert any("băm lại" in str(p) for p in report.anchor_problems), report.text()


def test_deleted_last_events_are_caught(ctx: Session) -> None:
    _some_activity(ctx)
    anchors.record_heads(ctx, "summary")
    top = events.head(ctx.store, 1)[0]
    _without_guards(ctx, f"DELETE FROM events WHERE seq > {top - 2}")
    report = integrity.verify(ctx)
    assert any("ít hơn mốc" in str(p) for p in report.anchor_problems), report.text()


def test_a_wiped_log_is_caught_even_without_anchors(ctx: Session) -> None:
    _without_guards(ctx, "DELETE FROM events")
    report = integrity.verify(ctx)
    assert not report.ok and report.checked == 0
    text = report.text()
    assert "không có sự kiện khởi tạo máy trạm" in text
    assert "không có sự kiện tạo tài khoản" in text


def test_a_typed_in_anchor_is_checked(ctx: Session) -> None:
    (head,) = anchors.chain_heads(ctx)
    assert anchors.add_manual(ctx, head.token).source == "manual"
    assert integrity.verify(ctx).ok
    wrong = anchors.Anchor(clock.iso(ctx.now()), 1, head.seq, "0" * 16, "manual")
    report = integrity.verify(ctx, extra_anchors=[wrong])
    assert len(report.anchor_problems) == 1


def test_an_unreadable_anchor_line_is_reported(ctx: Session) -> None:
    anchors.record_heads(ctx, "report")
    folder = anchors.folder_of(ctx.store)
    assert folder is not None
    with (folder / anchors.FILE).open("a", encoding="utf-8") as fh:
        fh.write("{not json\n")
    report = integrity.verify(ctx)
    assert any("dòng 2" in str(p) for p in report.anchor_problems)


@pytest.mark.parametrize(
    ("kind", "payload", "fragment"),
    [
        ("handed_over", {"to": "admin", "v": 1}, "không khớp các sự kiện"),
        ("returned", {"collected_by": "Người lạ", "v": 1}, "không dựng lại được"),
    ],
)
def test_a_forged_appended_dossier_event_is_caught_by_the_tail_fold(
    ctx: Session, kind: str, payload: dict[str, object], fragment: str
) -> None:
    dossier = _receive(ctx)
    seq, prev = events.head(ctx.store, 1)
    forged = Event(
        1, seq + 1, dossier.id, kind, "user:admin", clock.iso(ctx.now()), payload
    ).sealed(prev)
    events.insert(ctx.store, [forged])
    assert events.verify(ctx.store)[1] is None  # correctly hashed: the chain is sound
    report = integrity.verify(ctx)
    assert any(fragment in str(p) for p in report.projection_problems), report.text()


@pytest.mark.parametrize(
    ("sql", "fragment"),
    [
        ("UPDATE users SET role = 'admin' WHERE username = 'tiepnhan'", "cột role"),
        ("UPDATE users SET role = 'clerk' WHERE username = 'lan'", "cột role"),
        ("UPDATE users SET active = 1", "đang hoạt động"),
        (
            "INSERT INTO users VALUES ('ke_gian', 'Kẻ gian', 'admin', 'x', 1, 0, NULL, 'a', 'a')",
            "ke_gian",
        ),
        ("UPDATE settings SET value = '9' WHERE key = 'max_reschedules'", "max_reschedules"),
        ("INSERT INTO settings VALUES ('supplement_mode', 'restart')", "supplement_mode"),
        ("UPDATE settings SET value = '9' WHERE key = 'station_id'", "station_id"),
        ("UPDATE calendar_days SET kind = 'workday' WHERE day = '2026-03-09'", "09/03/2026"),
        (
            "INSERT INTO calendar_days VALUES ('2026-03-10', 'day_off', 'Nghỉ', 'manual')",
            "10/03/2026",
        ),
        ("DELETE FROM calendar_days WHERE source != 'manual'", "lịch gốc"),
    ],
)
def test_direct_table_edits_are_reported(ctx: Session, sql: str, fragment: str) -> None:
    _some_activity(ctx)
    users.add_user(ctx, "lan", "clerk", "Trần Văn Lan", "matkhau-2025")
    users.change_role(ctx, "lan", "officer")  # a recorded change folds in: not a problem
    users.deactivate(ctx, "tiepnhan")
    assert integrity.verify(ctx).ok, integrity.verify(ctx).text()
    ctx.store.db.conn.execute(sql)
    report = integrity.verify(ctx)
    assert not report.ok
    assert any(fragment in str(p) for p in report.table_problems), report.text()


def test_procedure_edits_are_reported(ctx: Session) -> None:
    dossier = _receive(ctx)
    row = ctx.store.query(
        "SELECT code, version, data FROM procedures WHERE code = ? ORDER BY version DESC",
        [dossier.procedure_code],
    )[0]
    assert integrity.verify(ctx).ok
    data = json.loads(row["data"])
    data["time_limit"] = {"value": 99, "unit": "working_days"}
    ctx.store.db.conn.execute(
        "UPDATE procedures SET data = ? WHERE code = ? AND version = ?",
        [canonical(data), row["code"], row["version"]],
    )
    report = integrity.verify(ctx)
    assert any("time_limit" in str(p) for p in report.table_problems), report.text()
    ctx.store.db.conn.execute(
        "UPDATE procedures SET name = 'Tên khác' WHERE code = ?", [row["code"]]
    )
    report = integrity.verify(ctx)
    assert any("cột name" in str(p) for p in report.table_problems), report.text()
    ctx.store.db.conn.execute(
        "INSERT INTO procedures SELECT code, version + 10, name, field, published, data, "
        "search_text, created_at, created_by FROM procedures WHERE code = ?",
        [row["code"]],
    )
    report = integrity.verify(ctx)
    assert any("không có sự kiện nhập danh mục" in str(p) for p in report.table_problems)


def test_each_backup_keeps_its_chain_heads(ctx: Session, tmp_path: Path) -> None:
    data = DataDir(ctx.store.path.parent)  # type: ignore[union-attr]
    info = backup.backup_now(ctx, data)
    meta = json.loads(backup.metadata_path(info.path).read_text(encoding="utf-8"))
    (head,) = anchors.chain_heads(ctx)
    assert meta["chain_heads"] == [
        {"station": 1, "seq": head.seq, "hash": head.hash, "token": head.token}
    ]
    assert [a.source for a in anchors.list_anchors(ctx)] == ["backup"]
    assert [a.seq for a in backup.read_metadata_anchors(info.path)] == [head.seq]
    assert [b.path for b in backup.list_backups(data.backups)] == [info.path]  # not the .json


def test_restoring_an_older_backup_sets_later_anchors_aside(ctx: Session) -> None:
    data = DataDir(ctx.store.path.parent)  # type: ignore[union-attr]
    info = backup.backup_now(ctx, data)
    _some_activity(ctx)
    anchors.record_heads(ctx, "report")
    ctx.store.close()
    result = backup.restore_station(data, info.path)
    assert len(result.anchors_set_aside) == 1
    assert list((data.root / anchors.FOLDER).glob("superseded-*.jsonl"))
    from onestop_desktop.store.db import Store

    store = Store.open(data.database)
    try:
        report = integrity.verify(Session.operator(store))
        assert report.ok, report.text()
    finally:
        store.close()
    ctx.store = Store.open(data.database)  # so the fixture can close it
