"""The event log: append-only, hash-chained, verified; the projection rebuilt from it."""

from __future__ import annotations

import itertools
import sqlite3
from datetime import date

import pytest

from onestop_desktop.domain.events import GENESIS, Event, verify_chain
from onestop_desktop.services import dossiers, integrity
from onestop_desktop.services.context import Session
from onestop_desktop.services.dossiers import Applicant, Intake
from onestop_desktop.store import events


def _fill(ctx: Session, n: int = 5) -> list[str]:
    codes = []
    for i in range(n):
        d = dossiers.receive(
            ctx,
            Intake(
                "2.000815",
                Applicant(f"Nguyễn Văn Đức {chr(65 + i)}", birth_date=date(1990, 1, 1 + i)),
            ),
        )
        codes.append(d.code)
    return codes


def test_chain_links_every_event(ctx: Session) -> None:
    _fill(ctx)
    evs = list(events.iter_station(ctx.store, 1))
    assert evs[0].prev_hash == GENESIS
    for a, b in itertools.pairwise(evs):
        assert b.prev_hash == a.hash and b.seq == a.seq + 1
    assert all(e.at.endswith("+07:00") for e in evs)
    assert verify_chain(evs) is None


def test_updates_and_deletes_are_refused_by_the_database(ctx: Session) -> None:
    _fill(ctx, 1)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        ctx.store.db.execute("UPDATE events SET actor = 'x' WHERE seq = 1")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        ctx.store.db.execute("DELETE FROM events WHERE seq = 1")


def test_edit_with_sqlite_shell_is_caught(ctx: Session) -> None:
    _fill(ctx)
    ctx.store.db.execute("DROP TRIGGER events_no_update")
    ctx.store.db.execute(
        "UPDATE events SET payload = replace(payload, 'Nguyễn Văn Đức B', 'Nguyễn Văn Đức Z') "
        "WHERE seq = (SELECT min(seq) FROM events WHERE payload LIKE '%Đức B%')"
    )
    seq = ctx.store.query("SELECT seq FROM events WHERE payload LIKE '%Đức Z%'")[0]["seq"]
    _, broken = events.verify(ctx.store)
    assert broken is not None
    assert (broken.station_id, broken.seq) == (1, seq)
    assert "sửa" in broken.reason
    assert "máy trạm 1, sự kiện số" in integrity.verify(ctx).text()


def test_rehashed_edit_breaks_the_next_link(ctx: Session) -> None:
    _fill(ctx)
    evs = list(events.iter_station(ctx.store, 1))
    target = evs[3]
    forged = Event(
        target.station_id,
        target.seq,
        target.dossier_id,
        target.kind,
        "user:x",
        target.at,
        target.payload,
    ).sealed(target.prev_hash)
    broken = verify_chain([*evs[:3], forged, *evs[4:]])
    assert broken is not None and broken.seq == target.seq + 1


def test_missing_event_is_a_gap(ctx: Session) -> None:
    _fill(ctx)
    evs = list(events.iter_station(ctx.store, 1))
    broken = verify_chain(evs[:2] + evs[3:])
    assert broken is not None and broken.seq == 3 and "thiếu" in broken.reason


def test_rebuild_reports_and_repairs_differences(ctx: Session) -> None:
    codes = _fill(ctx)
    assert integrity.rebuild(ctx).clean
    ctx.store.db.execute(
        "UPDATE dossiers SET status = 10, applicant_name = 'X' WHERE code = ?", [codes[1]]
    )
    ctx.store.db.execute("DELETE FROM dossiers WHERE code = ?", [codes[2]])
    report = integrity.rebuild(ctx, write=False)
    assert (report.changed, report.added, report.removed) == (1, 1, 0)
    assert {d["column"] for d in report.differences if d["code"] == codes[1]} == {
        "status",
        "applicant_name",
    }
    fixed = integrity.rebuild(ctx)
    assert not fixed.clean
    assert integrity.rebuild(ctx).clean
    assert dossiers.detail(ctx, codes[1]).applicant.name == "Nguyễn Văn Đức B"
