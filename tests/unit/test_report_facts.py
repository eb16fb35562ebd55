"""The report facts read (#10, Biểu 06 at a million dossiers): ``store.reports.facts_rows`` reads
a period as two index-driven halves and looks reschedules up only where the projection counts
one; ``services.reports.fact`` parses stored moments on a fast path. Both must give exactly
what the plain query and the plain parse give: on a demo station (with reschedules, refusals,
withdrawals, open and closed dossiers) and on a district holding its events in ``sync_events``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

import pytest

from onestop_desktop.domain import clock
from onestop_desktop.domain.stats import DossierFacts, report
from onestop_desktop.domain.status import Status
from onestop_desktop.paths import DataDir
from onestop_desktop.services import demo, district, reports, settings, sync
from onestop_desktop.services.context import Session
from onestop_desktop.store import reports as report_rows
from onestop_desktop.store.db import Store
from tests.unit.test_district import make_district

from .conftest import FakeClock

REFERENCE_SQL = (
    "SELECT status, field, channel, received_at, due_at, finished_at, returned_at, "
    "refusal_reason, history, due_history, "
    "(SELECT json_group_array(r.at) FROM (SELECT e.at FROM events e "
    " WHERE e.dossier_id = dossiers.id AND e.kind = 'rescheduled' "
    " UNION ALL SELECT s.at FROM sync_events s "
    " WHERE s.dossier_id = dossiers.id AND s.kind = 'rescheduled' ORDER BY 1) r), unit_code "
    "FROM dossiers WHERE received_at <= ? AND (updated_at >= ? OR status NOT IN ({final}))"
)
"""The straightforward query the report read before: one scan, a look-up per row."""


def reference_rows(store: Store, first: str, last: str) -> list[tuple[str, tuple[object, ...]]]:
    final = ", ".join(str(int(s)) for s in reports.FINAL)
    out = []
    for row in store.db.execute(REFERENCE_SQL.format(final=final), [last, first]):
        values = (*row[:4], row[4] or None, row[5] or None, row[6] or None, *row[7:10])
        out.append((str(row[11]), (*values, str(row[10] or "[]"))))
    return sorted(out, key=repr)


def reference_fact(row: report_rows.FactsRow) -> DossierFacts:
    """The plain parse (``clock.parse_iso``, ``Status(...)``) the fast one must equal."""
    return DossierFacts(
        status=Status(row.status),
        field=row.field,
        channel=row.channel,
        received_at=clock.parse_iso(row.received_at),
        due_at=clock.parse_iso(row.due_at) if row.due_at else None,
        finished_at=clock.parse_iso(row.finished_at) if row.finished_at else None,
        returned_at=clock.parse_iso(row.returned_at) if row.returned_at else None,
        refusal_reason=row.refusal_reason,
        history=tuple((clock.parse_iso(t), Status(int(s))) for t, s in json.loads(row.history)),
        due_history=tuple(
            (clock.parse_iso(t), clock.parse_iso(d) if d else None)
            for t, d in json.loads(row.due_history)
        ),
        reschedules=tuple(clock.parse_iso(t) for t in json.loads(row.reschedules)),
    )


@dataclass
class Places:
    station: Session
    district: Session
    first_day: date
    last_day: date


@pytest.fixture(scope="module")
def places(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Places]:
    tmp = tmp_path_factory.mktemp("facts")
    demo.fill(DataDir(tmp / "station"), 1200, seed=7)
    station = Session.operator(Store.open(tmp / "station" / "onestop.db"))
    fake = FakeClock(clock.now())
    dist = make_district(tmp, fake)
    sticks = tmp / "usb"
    sticks.mkdir()
    card = sync.export_key(station, sticks)
    sync.register_key(dist, sticks / f"khoa-{card.unit_code}-may{card.station}.json")
    bundle = sync.export_bundle(station, sticks)
    district.import_station_bundle(dist, bundle.path, ack_to=sticks)
    first, last = station.store.db.execute(
        "SELECT min(received_at), max(received_at) FROM dossiers"
    ).fetchone()
    yield Places(station, dist, clock.parse_iso(first).date(), clock.parse_iso(last).date())
    station.store.close()
    dist.store.close()


def periods(p: Places) -> list[tuple[date, date]]:
    """A day, weeks, months, a quarter, the whole range, and periods before and after it."""
    span = (p.last_day - p.first_day).days
    middle = p.first_day + timedelta(days=span // 2)
    return [
        (middle, middle),
        (middle, middle + timedelta(days=6)),
        (p.first_day, p.first_day + timedelta(days=30)),
        (middle - timedelta(days=30), middle),
        (p.last_day - timedelta(days=90), p.last_day),
        (p.first_day, p.last_day),
        (p.first_day - timedelta(days=60), p.first_day - timedelta(days=1)),
        (p.last_day + timedelta(days=1), p.last_day + timedelta(days=40)),
    ]


def moments(start: date, end: date) -> tuple[str, str]:
    return f"{start.isoformat()}T00:00:00+07:00", f"{end.isoformat()}T23:59:59+07:00"


def test_the_demo_has_what_the_comparison_needs(places: Places) -> None:
    for ctx, table in ((places.station, "events"), (places.district, "sync_events")):
        rescheduled = ctx.store.db.execute(
            f"SELECT count(*) FROM {table} WHERE kind = 'rescheduled'"
        ).fetchone()[0]
        assert rescheduled > 5
        statuses = {r[0] for r in ctx.store.db.execute("SELECT DISTINCT status FROM dossiers")}
        assert statuses & {int(s) for s in reports.FINAL} and statuses - set(
            map(int, reports.FINAL)
        )


@pytest.mark.parametrize("where", ["station", "district"])
def test_facts_rows_equal_the_plain_query(places: Places, where: str) -> None:
    ctx = places.station if where == "station" else places.district
    unit = ctx.store.db.execute("SELECT unit_code FROM dossiers LIMIT 1").fetchone()[0]
    counted = 0
    pairs = [moments(start, end) for start, end in periods(places)]
    final = ", ".join(str(int(s)) for s in reports.FINAL)
    for status_test in (f"status IN ({final})", f"status NOT IN ({final})"):
        # A period starting at the very moment a dossier was last changed (closed or open):
        # the halves' bounds (>= and <) must neither lose nor double it.
        # The middle one of the group: how many demo dossiers are still open depends on the
        # hour the demo is built (a fixed OFFSET 20 found none late on a Wednesday).
        row = ctx.store.db.execute(
            f"SELECT updated_at FROM dossiers WHERE {status_test} ORDER BY rid LIMIT 1 "
            f"OFFSET (SELECT count(*) / 2 FROM dossiers WHERE {status_test})"
        ).fetchone()
        assert row is not None, status_test  # 1,200 dossiers: some closed, some still open
        pairs.append((row[0], f"{places.last_day.isoformat()}T23:59:59+07:00"))
    for first, last in pairs:
        expected = reference_rows(ctx.store, first, last)
        got = sorted(
            (
                (unit, tuple(r))
                for r in report_rows.facts_rows(ctx.store, first, last, reports.FINAL)
            ),
            key=repr,
        )
        assert got == expected, (first, last)
        of_unit = sorted(
            (
                (unit, tuple(r))
                for r in report_rows.facts_rows(ctx.store, first, last, reports.FINAL, unit)
            ),
            key=repr,
        )
        assert of_unit == expected
        by_unit = list(report_rows.facts_rows_by_unit(ctx.store, first, last, reports.FINAL))
        assert sorted(((u, tuple(r)) for u, r in by_unit), key=repr) == expected
        counted += len(expected)
    assert counted > 1000  # the periods together hold many dossiers, reschedules among them
    whole = reference_rows(ctx.store, *moments(places.first_day, places.last_day))
    assert sum(r[1][10] != "[]" for r in whole) > 5


def test_fast_fact_parse_equals_the_plain_parse(places: Places) -> None:
    first, last = moments(places.first_day, places.last_day)
    rows = list(report_rows.facts_rows(places.district.store, first, last, reports.FINAL))
    assert rows
    for row in rows:
        fast, plain = reports.fact(row), reference_fact(row)
        assert fast == plain
        assert fast.received_at.utcoffset() == timedelta(hours=7)
    odd = rows[0]._replace(  # a moment not in the stored form takes the plain path
        received_at="2025-07-01T01:30:00+00:00", due_at="2025-07-04T08:30:00.250000+07:00"
    )
    assert reports.fact(odd).received_at == clock.parse_iso("2025-07-01T08:30:00+07:00")
    assert reports.fact(odd) == reference_fact(odd)


def test_report06_is_unchanged_by_the_fast_read(places: Places) -> None:
    ctx = places.station
    for start, end in periods(places)[:6]:
        fast = reports.report06(ctx, start, end).report.to_dict()
        first, last = moments(start, end)
        plain_rows = [
            report_rows.FactsRow(*values) for _, values in reference_rows(ctx.store, first, last)
        ]
        basis = settings.value(ctx.store, settings.ON_TIME_BASIS)
        plain = report((reference_fact(r) for r in plain_rows), start, end, on_time_basis=basis)
        assert fast == plain.to_dict()


def test_each_half_of_the_read_uses_its_index(places: Places) -> None:
    sql = report_rows.facts_sql(reports.FINAL)
    plan = " | ".join(
        str(r[-1])
        for r in places.station.store.db.execute(
            "EXPLAIN QUERY PLAN " + sql, {"first": "2026-01-01", "last": "2026-01-31"}
        )
    )
    assert "USING INDEX dossiers_updated" in plan
    assert "USING INDEX dossiers_status" in plan
    assert "SCAN dossiers" not in plan


def test_open_statuses_are_every_status_but_the_final_ones() -> None:
    opened = report_rows.open_statuses(reports.FINAL)
    assert set(opened) | {int(s) for s in reports.FINAL} == {int(s) for s in Status}
    assert not set(opened) & {int(s) for s in reports.FINAL}
