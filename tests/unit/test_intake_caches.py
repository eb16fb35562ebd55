"""The calendar and catalogue an intake uses are kept by the store (#9 speed) and rebuilt after
any change: by this connection, by another Store on the same file, by another process, by a
write that was rolled back. A cache that served a stale calendar would give a wrong appointment."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from onestop_desktop.domain import clock
from onestop_desktop.services import calendar as calendar_service
from onestop_desktop.services import catalog, dossiers, intake, settings
from onestop_desktop.services.context import Session
from onestop_desktop.services.dossiers import Applicant, Intake
from onestop_desktop.store import calendar as calendar_rows
from onestop_desktop.store.db import Store

from .conftest import FakeClock

CODE = "2.000635"


def person(n: int) -> Applicant:
    return Applicant(f"Phạm Thị Hoa {chr(65 + n)}", f"00119001230{n}")


@pytest.fixture
def other(ctx: Session, fake_clock: FakeClock) -> Iterator[Session]:
    """The admin's window beside the counter: a second Store (connection) on the same file."""
    assert ctx.store.path is not None
    store = Store.open(ctx.store.path, integrity="none")
    store.now = fake_clock  # type: ignore[method-assign]
    yield Session.operator(store)
    store.close()


def first_due(ctx: Session) -> date:
    """The appointment day an intake gets now (and the cache is warm after it)."""
    saved = dossiers.receive(ctx, Intake(CODE, person(0), acknowledge_duplicates=True))
    assert saved.due_at is not None
    return saved.due_at.date()


def test_a_kept_calendar_is_served_without_reading_the_tables(ctx: Session) -> None:
    calendar_service.load_calendar(ctx.store)  # seeds the years: a write, so built again once
    first = calendar_service.load_calendar(ctx.store)
    statements: list[str] = []
    ctx.store.db.conn.set_trace_callback(statements.append)
    again = calendar_service.load_calendar(ctx.store)
    ctx.store.db.conn.set_trace_callback(None)
    assert again is first
    assert statements == ["PRAGMA data_version"]
    assert intake.procedure(ctx, CODE) is intake.procedure(ctx, CODE)


def test_a_day_off_set_in_another_store_moves_the_next_appointment(
    ctx: Session, other: Session
) -> None:
    due_day = first_due(ctx)
    calendar_service.set_day(other, due_day, "day_off", "Nghỉ đột xuất")
    saved = dossiers.receive(ctx, Intake(CODE, person(1), acknowledge_duplicates=True))
    assert saved.due_at is not None
    assert saved.due_at.date() > due_day
    assert calendar_service.load_calendar(ctx.store).is_working_day(due_day) is False


def test_a_day_off_set_on_the_same_connection_moves_the_next_appointment(ctx: Session) -> None:
    due_day = first_due(ctx)
    calendar_service.set_day(ctx, due_day, "day_off", "Nghỉ đột xuất")
    saved = dossiers.receive(ctx, Intake(CODE, person(1), acknowledge_duplicates=True))
    assert saved.due_at is not None and saved.due_at.date() > due_day
    calendar_service.remove_day(ctx, due_day)
    again = dossiers.receive(ctx, Intake(CODE, person(2), acknowledge_duplicates=True))
    assert again.due_at is not None and again.due_at.date() == due_day


def test_office_hours_changed_in_another_store_reach_the_kept_calendar(
    ctx: Session, other: Session
) -> None:
    before = calendar_service.load_calendar(ctx.store)
    settings.set_setting(other, "same_day_cutoff", "10:30")
    after = calendar_service.load_calendar(ctx.store)
    assert after is not before
    assert after.hours.same_day_cutoff.strftime("%H:%M") == "10:30"
    assert before.hours.same_day_cutoff.strftime("%H:%M") != "10:30"


def test_a_day_off_set_by_another_process_moves_the_next_appointment(
    ctx: Session, fake_clock: FakeClock
) -> None:
    due_day = first_due(ctx)
    assert ctx.store.path is not None
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "onestop_desktop",
            "--data-dir",
            str(ctx.store.path.parent),
            "calendar",
            "add-day-off",
            due_day.strftime("%d/%m/%Y"),
            "--note",
            "Nghỉ theo quyết định của tỉnh",
        ],
        check=True,
        capture_output=True,
        env=env,
        timeout=120,
    )
    saved = dossiers.receive(ctx, Intake(CODE, person(1), acknowledge_duplicates=True))
    assert saved.due_at is not None and saved.due_at.date() > due_day


def test_a_new_catalogue_version_from_another_store_is_the_one_received(
    ctx: Session, other: Session
) -> None:
    kept = intake.procedure(ctx, CODE)
    first_due(ctx)
    changed = dataclasses.replace(
        catalog.current_procedure(other.store, CODE), fee_amount=(kept.fee_amount or 0) + 1000
    )
    catalog.save(other, [changed], source="test")
    fresh = intake.procedure(ctx, CODE)
    assert fresh.version == kept.version + 1
    assert fresh.fee_amount == (kept.fee_amount or 0) + 1000
    assert intake.preview(ctx, CODE).fee_amount == fresh.fee_amount
    saved = dossiers.receive(ctx, Intake(CODE, person(1), acknowledge_duplicates=True))
    row = ctx.store.query("SELECT procedure_version FROM dossiers WHERE id = ?", [saved.id])
    assert row[0]["procedure_version"] == fresh.version


def test_a_rolled_back_write_never_leaves_its_calendar_kept(ctx: Session) -> None:
    """A calendar built inside a transaction that then rolled back must not survive it, even
    when a later committed write brings the tables to the same number of changes."""
    day_x, day_y = date(2026, 3, 10), date(2026, 3, 11)
    calendar_service.load_calendar(ctx.store)
    with pytest.raises(RuntimeError), ctx.store.atomic():
        calendar_rows.set_manual(ctx.store, day_x.isoformat(), "day_off", "thử")
        inside = calendar_service.load_calendar(ctx.store)
        assert not inside.is_working_day(day_x)
        raise RuntimeError("rolled back")
    with ctx.store.atomic():
        calendar_rows.set_manual(ctx.store, day_y.isoformat(), "day_off", "thật")
    after = calendar_service.load_calendar(ctx.store)
    assert after.is_working_day(day_x)
    assert not after.is_working_day(day_y)


def test_the_seeded_years_follow_the_clock(ctx: Session, fake_clock: FakeClock) -> None:
    """The kept calendar is per set of years: on a new year the next year gets seeded."""
    calendar_service.load_calendar(ctx.store)
    assert 2028 not in calendar_rows.seeded_years(ctx.store)
    fake_clock.moment = fake_clock.moment.replace(year=2027)
    calendar_service.load_calendar(ctx.store)
    assert 2028 in calendar_rows.seeded_years(ctx.store)


def test_a_store_that_does_not_watch_its_writes_does_not_cache(ctx: Session) -> None:
    bare = Store(ctx.store.db, ctx.store.path)  # as the read-only openers build theirs
    calls: list[int] = []

    def load() -> int:
        calls.append(1)
        return len(calls)

    assert bare.cached("k", ("settings",), load) == 1
    assert bare.cached("k", ("settings",), load) == 2
    assert ctx.store.cached("k", ("settings",), load) == 3
    assert ctx.store.cached("k", ("settings",), load) == 3
    with pytest.raises(ValueError):
        ctx.store.cached("k", ("dossiers",), load)


def test_an_unknown_procedure_is_not_kept(ctx: Session, other: Session) -> None:
    """A code not in the catalogue yet is looked up again next time (it may be imported)."""
    from onestop_desktop.errors import NotFound

    with pytest.raises(NotFound):
        intake.procedure(ctx, "9.999999")
    base = catalog.current_procedure(other.store, CODE)
    catalog.save(other, [dataclasses.replace(base, code="9.999999")], source="test")
    assert intake.procedure(ctx, "9.999999").code == "9.999999"


def test_receive_returns_the_row_it_wrote(ctx: Session) -> None:
    """The summary is built from the row just written (no read-back): it equals a fresh read."""
    saved = dossiers.receive(ctx, Intake(CODE, person(3)))
    assert saved == dossiers.summary(ctx, saved.id)
    assert saved.received_at == ctx.now()
    assert saved.due_at is not None and saved.due_at > ctx.now() - timedelta(minutes=1)
    assert clock.iso(saved.received_at).endswith("+07:00")


def test_a_store_opens_without_its_write_watch(
    ctx: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The watch is an optimisation: if SQLite refuses its TEMP triggers the store still opens,
    and simply keeps nothing."""
    import sqlite3

    def refuse(self: Store) -> None:
        raise sqlite3.OperationalError("no temp schema")

    monkeypatch.setattr(Store, "watch_writes", refuse)
    assert ctx.store.path is not None
    store = Store.open(ctx.store.path, integrity="none")
    try:
        assert store.cached("k", ("settings",), object) is not store.cached(
            "k", ("settings",), object
        )
    finally:
        store.close()


def test_the_duplicate_by_name_and_birth_date_is_found(ctx: Session) -> None:
    """The same earlier dossier, diacritics and case ignored, and not a closed one (read by
    ``dossiers_birth``, m007; ``test_duplicate_index`` compares it with a walk of every row)."""
    born = date(2026, 1, 5)
    first = dossiers.receive(ctx, Intake(CODE, Applicant("Nguyễn Văn Đức", None, born)))
    other = dossiers.receive(ctx, Intake(CODE, Applicant("Nguyễn Văn Đức", None, date(2026, 1, 6))))
    with pytest.raises(dossiers.DuplicateFound) as found:
        dossiers.receive(ctx, Intake(CODE, Applicant("NGUYỄN văn  đức", None, born)))
    assert [d.id for d in found.value.earlier] == [first.id]
    dossiers.act(ctx, other.code, "withdrawn", {"reason": "Người nộp rút"})
    again = dossiers.receive(ctx, Intake(CODE, Applicant("Nguyễn Văn Đức", None, date(2026, 1, 6))))
    assert again.id != other.id  # a withdrawn dossier is no duplicate
