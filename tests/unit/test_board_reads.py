"""The board's reads by index (#13): no statement scans the dossiers, "returned today" finds
every dossier returned today however old, and the figures (read once, then only what changed)
equal the dashboard's own figures before and after clerks' actions."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from onestop_desktop.domain import clock
from onestop_desktop.domain.status import Status
from onestop_desktop.paths import DataDir
from onestop_desktop.services import board as board_service
from onestop_desktop.services import dashboard, demo, dossiers
from onestop_desktop.services.context import Session
from onestop_desktop.services.dossiers import Applicant, Intake
from onestop_desktop.store import board as board_rows
from onestop_desktop.store.db import Store


@pytest.fixture(scope="module")
def ctx(tmp_path_factory: pytest.TempPathFactory) -> Session:
    root = tmp_path_factory.mktemp("board-reads") / "data"
    demo.fill(DataDir(root), 400)
    return Session.operator(Store.open(DataDir(root).database))


def _today(ctx: Session) -> date:
    return clock.to_vn(ctx.now()).date()


def _bounds(day: date) -> tuple[str, str]:
    first = datetime.combine(day, time.min, clock.VN_TZ)
    last = datetime.combine(day, time.max, clock.VN_TZ)
    return clock.iso(first), clock.iso(last)


def _plan(ctx: Session, sql: str, params: dict[str, object]) -> list[str]:
    return [str(r[3]) for r in ctx.store.db.execute("EXPLAIN QUERY PLAN " + sql, params)]


def test_no_read_scans_the_dossiers(ctx: Session) -> None:
    params: dict[str, object] = {
        "first": "2026-01-01",
        "last": "2026-01-02",
        "since": "2026-01-01",
        "limit": 5,
        "ready": 9,
        "returned": 10,
    }
    day = _plan(ctx, board_rows.DAY_SQL, params)
    figures = _plan(ctx, board_rows.figures_sql(board_service.OPEN_FOR_REPORTS), params)
    changed = _plan(ctx, board_rows.CHANGED_SQL, params)
    for plan in (day, figures, changed):
        assert not [d for d in plan if d.startswith("SCAN dossiers")], plan
    joined = " ".join(day)
    assert "dossiers_received" in joined and "dossiers_returned" in joined
    assert "dossiers_status" in joined
    assert "dossiers_updated" in " ".join(figures) and "dossiers_status" in " ".join(figures)
    assert "dossiers_updated" in " ".join(changed)


def _reference_day_codes(ctx: Session, day: date) -> set[str]:
    """What the lanes must hold, the plain way: a scan with the conditions spelled out."""
    first, last = _bounds(day)
    rows = ctx.store.db.execute(
        "SELECT code FROM dossiers WHERE (received_at BETWEEN ? AND ?) OR status = ? "
        "OR (status = ? AND returned_at BETWEEN ? AND ?)",
        [first, last, int(Status.RESULT_READY), int(Status.RETURNED), first, last],
    )
    return {str(r[0]) for r in rows}


def test_day_rows_equal_a_plain_query_and_find_old_dossiers_returned_today(ctx: Session) -> None:
    day = _today(ctx)
    first, last = _bounds(day)
    # the oldest dossier waiting for collection is collected today: it must be on the list
    found = ctx.store.db.execute(
        "SELECT code FROM dossiers WHERE status = ? ORDER BY received_at LIMIT 1",
        [int(Status.RESULT_READY)],
    ).fetchone()
    assert found is not None  # the demo's past days always leave results waiting (19 of 400 here)
    oldest = found[0]
    dossiers.act(ctx, oldest, "returned", {"collected_by": "Người nộp"})
    rows = board_rows.day_rows(
        ctx.store, first, last, int(Status.RESULT_READY), int(Status.RETURNED), 100_000
    )
    assert {r.code for r in rows} == _reference_day_codes(ctx, day)
    lanes = board_service.lanes(ctx, day)
    assert oldest in {d.code for d in lanes["returned"]}
    assert oldest not in {d.code for d in lanes["ready"]}


def _dashboard_figures(ctx: Session, day: date) -> tuple[dashboard.Figures, dashboard.Figures]:
    built = dashboard.build(ctx, today=day)
    return built.today, built.month


def test_figures_equal_the_dashboard_and_follow_changes(ctx: Session) -> None:
    day = _today(ctx)
    cache = board_service.FigureCache()
    assert cache.figures(ctx, day) == _dashboard_figures(ctx, day)
    full = cache.last_read
    assert full > 0
    # clerks act: one received (so the day always has a change to read, whatever the demo made
    # of it), a result ready, one collected, one withdrawn (where the demo has such dossiers)
    dossiers.receive(ctx, Intake("1.004873", Applicant("Nguyễn Thị Lan")))
    codes = {
        int(s): [
            str(r[0])
            for r in ctx.store.db.execute(
                "SELECT code FROM dossiers WHERE status = ? ORDER BY rid DESC LIMIT 2", [int(s)]
            )
        ]
        for s in (Status.PROCESSING, Status.RESULT_READY, Status.RECEIVED)
    }
    if codes[int(Status.PROCESSING)]:
        dossiers.act(ctx, codes[int(Status.PROCESSING)][0], "result_ready", {})
    if codes[int(Status.RESULT_READY)]:
        dossiers.act(ctx, codes[int(Status.RESULT_READY)][0], "returned", {"collected_by": "Lan"})
    dossiers.act(ctx, codes[int(Status.RECEIVED)][0], "withdrawn", {"reason": "Người nộp rút"})
    after = cache.figures(ctx, day)
    assert cache.last_read < full  # only the changed dossiers were read again
    assert after == _dashboard_figures(ctx, day)
    # the same read again: nothing changed, nothing recounted
    assert cache.figures(ctx, day) == after


def test_figures_of_another_day_are_read_whole(ctx: Session) -> None:
    day = _today(ctx)
    earlier = day.replace(day=1) if day.day > 1 else day
    cache = board_service.FigureCache()
    cache.figures(ctx, day)
    assert cache.figures(ctx, earlier) == _dashboard_figures(ctx, earlier)


def test_two_changes_in_the_same_second_are_both_counted(
    ctx: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cache compares a dossier's facts, not its ``updated_at`` stamp (to the second)."""
    day = _today(ctx)
    cache = board_service.FigureCache()
    cache.figures(ctx, day)
    # A dossier of its own in progress (the demo's open ones depend on the hour it is built).
    code = dossiers.receive(ctx, Intake("1.004873", Applicant("Trần Văn Bình"))).code
    dossiers.act(ctx, code, "handed_over", {"to": "chuyenvien"})
    cache.figures(ctx, day)
    moment = clock.now().replace(microsecond=0)
    monkeypatch.setattr(clock, "now", lambda: moment)
    dossiers.act(ctx, code, "supplement_requested", {"reason": "Thiếu giấy tờ"})
    before = cache.figures(ctx, day)
    assert before == _dashboard_figures(ctx, day)
    dossiers.act(ctx, code, "withdrawn", {"reason": "Người nộp rút"})  # the same second
    stamp = ctx.store.db.execute("SELECT updated_at FROM dossiers WHERE code = ?", [code])
    assert stamp.fetchone()[0] == clock.iso(moment)
    after = cache.figures(ctx, day)
    assert after == _dashboard_figures(ctx, day)
    assert after[1].in_progress == before[1].in_progress - 1  # the change did count
