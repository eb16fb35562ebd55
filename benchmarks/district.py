"""District benchmark (#12): search, worklist and Biểu 06 over a district of many communes.

    .venv/bin/python benchmarks/district.py                          # 124 communes × 800 (≈100k)
    .venv/bin/python benchmarks/district.py --per-unit 8000          # ≈1,000,000 dossiers
    .venv/bin/python benchmarks/district.py --reuse DIR              # time an existing folder

The generator writes the district's ``dossiers`` projection rows directly (in batches, in one
transaction per commune) with the columns a fold of real events would give: 124 communes, two
years of receipts on working hours, a mix of fields, statuses, due dates, early/on-time/late
results and refusals. It does not write the events behind them (``sync_events``), so the
fold of imported events is not measured here; the reads measured (search, worklist, Biểu 06)
read only the projection (Biểu 06 also looks up ``rescheduled`` events per dossier through the
``sync_events`` index, then empty).
Figures go to stdout and, as JSON, to ``benchmarks/out/district-<N>.json``; single runs on a
shared machine: orders of magnitude, not pass/fail.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE))

from run import FAMILY, GIVEN, QUERIES, ms, pct  # noqa: E402

FIELDS = [("Chứng thực", "2.000815", 0), ("Hộ tịch", "1.004873", 3), ("Đất đai", "1.003003", 10)]
MIDDLE = ["Văn", "Thị", "Minh", "Thu", "Quang", "Hữu"]


def unit_code(i: int) -> str:
    return f"000.{i // 100:02d}.{i % 100:02d}.H29"


def _moment(day: date, hour: int, minute: int) -> str:
    return f"{day.isoformat()}T{hour:02d}:{minute:02d}:00+07:00"


def generate(folder: Path, units: int, per_unit: int, seed: int = 7) -> dict[str, Any]:
    """A district data folder with ``units × per_unit`` dossier rows; timings of the build."""
    from onestop_desktop.domain.projection import PROJECTED_COLUMNS, search_text
    from onestop_desktop.paths import DataDir
    from onestop_desktop.services import station
    from onestop_desktop.store import dossiers as dossier_rows

    t0 = time.perf_counter()
    ctx = station.init_data_dir(
        DataDir(folder),
        unit_code="000.99.00.H29",
        unit_name="UBND huyện Thử Nghiệm",
        station=1,
        admin="admin",
        password="admin-pass-1",
        catalog="none",
        district=True,
    )
    store = ctx.store
    rng = random.Random(seed)
    start = date(2025, 1, 1)
    days = [start + timedelta(d) for d in range(730) if (start + timedelta(d)).weekday() < 5]
    now = datetime(2026, 12, 31, 17, 0)
    for u in range(units):
        code = unit_code(u)
        batch: list[tuple[int, dict[str, Any]]] = []
        picks = sorted(rng.choices(range(len(days)), k=per_unit))
        with store.atomic():
            for n, di in enumerate(picks):
                day = days[di]
                field, proc, limit = FIELDS[rng.randrange(3)]
                hour = 7 + rng.randrange(9)
                received = _moment(day, hour, rng.randrange(60))
                due_day = day + timedelta(days=limit + (2 if limit else 0))
                due = _moment(due_day, 16, 30)
                roll = rng.random()
                finished = returned = refusal = None
                if roll < 0.02:
                    status, refusal = 3, "Trùng hồ sơ"
                elif (
                    datetime.fromisoformat(received[:19]) > now - timedelta(days=10) or roll < 0.06
                ):
                    status = 2
                else:
                    late = rng.random() < 0.04
                    fin_day = due_day + timedelta(days=1) if late else day + timedelta(days=limit)
                    finished = _moment(fin_day, hour + 1, 0)
                    status = 10 if rng.random() < 0.9 else 9
                    returned = _moment(fin_day, 17, 30) if status == 10 else None
                history = [[received, 2]]
                if refusal:
                    history = [[received, 3]]
                if finished:
                    history.append([finished, 9])
                if returned:
                    history.append([returned, 10])
                name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
                row: dict[str, Any] = {c: None for c in PROJECTED_COLUMNS}
                row.update(
                    id=str(uuid.UUID(int=rng.getrandbits(128))),
                    code=f"{code}-{day.strftime('%y%m%d')}-{n + 1}",
                    station_id=1 + n % 2,
                    unit_code=code,
                    procedure_code=proc,
                    procedure_version=1,
                    procedure_name=f"Thủ tục {field.lower()}",
                    field=field,
                    channel="in_person",
                    sets_count=1,
                    applicant_name=name,
                    applicant_id_number=f"0{rng.randrange(10**10, 10**11)}",
                    applicant_phone=f"09{rng.randrange(10**7, 10**8)}",
                    received_at=received,
                    due_at=due,
                    status=status,
                    finished_at=finished,
                    returned_at=returned,
                    refusal_reason=refusal,
                    supplement_count=0,
                    reschedule_count=0,
                    documents="[]",
                    history=json.dumps(history),
                    due_history=json.dumps([[received, due]]),
                    last_station=1,
                    last_seq=n + 1,
                    updated_at=returned or finished or received,
                )
                row["search_text"] = search_text(row)
                batch.append((dossier_rows.rid_for(received) + u * per_unit + n, row))
                if len(batch) >= 5000:
                    dossier_rows.insert_rows(store, batch)
                    batch = []
            dossier_rows.insert_rows(store, batch)
    built = time.perf_counter() - t0
    store.db.execute("ANALYZE")
    store.close()
    return {"units": units, "per_unit": per_unit, "build_s": built}


def measure(folder: Path, units: int, rounds: int = 3) -> dict[str, Any]:
    from onestop_desktop.services import district, search
    from onestop_desktop.services.context import Session
    from onestop_desktop.store.db import Store

    store = Store.open(folder / "onestop.db", integrity="none")
    ctx = Session.operator(store)
    total = search.count_all(ctx)
    out: dict[str, Any] = {"dossiers": total}
    svc: list[float] = []
    for _ in range(rounds):
        for q in QUERIES:
            t0 = time.perf_counter()
            search.search(ctx, q, limit=50)
            svc.append(time.perf_counter() - t0)
    out["search"] = {
        "median_ms": statistics.median(svc) * 1000,
        "p95_ms": pct(svc, 95) * 1000,
        "queries": len(svc),
    }
    pages: list[float] = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        first = search.worklist_page(ctx, limit=200)
        pages.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        search.worklist_page(ctx, before_rid=first[-1].rid if first else None, limit=200)
        pages.append(time.perf_counter() - t0)
    out["worklist_page_200"] = {"median_ms": statistics.median(pages) * 1000}
    month = (date(2026, 11, 1), date(2026, 11, 30))
    t0 = time.perf_counter()
    district.report06_for(ctx, *month, None)
    out["report06_month_total_s"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    district.report06_for(ctx, *month, unit_code(0))
    out["report06_month_one_unit_s"] = time.perf_counter() - t0
    year = (date(2026, 1, 1), date(2026, 12, 31))
    t0 = time.perf_counter()
    district.report06_for(ctx, *year, None)
    out["report06_year_total_s"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    district.report06_units(ctx, *month)
    out["report06_month_every_unit_s"] = time.perf_counter() - t0
    store.close()
    return out


def unit_index(folder: Path, month: str, rounds: int = 5) -> dict[str, Any]:
    """#12 item 7: one commune's Biểu 06 read (the facts query ``report06_for(unit=…)`` runs)
    as it is, beside the same query allowed to use indexes on ``(unit_code, updated_at)`` and
    ``(unit_code, status)``, created on a *copy* of the database (the schema is not changed
    here: a migration is another helper's). Interleaved rounds; median wall and CPU."""
    import shutil
    import sqlite3

    from onestop_desktop.services.reports import FINAL
    from onestop_desktop.store.reports import facts_sql

    copy = folder.parent / (folder.name + "-unit-index.db")
    shutil.copy(folder / "onestop.db", copy)
    plain = sqlite3.connect(f"file:{folder / 'onestop.db'}?mode=ro", uri=True)
    indexed = sqlite3.connect(copy)
    indexed.executescript(
        "CREATE INDEX IF NOT EXISTS bench_unit_updated ON dossiers(unit_code, updated_at);"
        "CREATE INDEX IF NOT EXISTS bench_unit_status ON dossiers(unit_code, status);"
    )
    unit = plain.execute("SELECT unit_code FROM dossiers LIMIT 1").fetchone()[0]
    params = {"first": f"{month}-01T00:00:00+07:00", "last": f"{month}-31T23:59:59+07:00"}
    params["unit"] = unit
    cases = {
        "current": (plain, facts_sql(FINAL, where=" AND +unit_code = :unit")),
        "unit_indexes": (indexed, facts_sql(FINAL, where=" AND unit_code = :unit")),
    }
    times: dict[str, list[tuple[float, float, int]]] = {k: [] for k in cases}
    for _ in range(rounds):
        for name, (conn, sql) in cases.items():
            wall, cpu = time.perf_counter(), time.process_time()
            n = len(conn.execute(sql, params).fetchall())
            times[name].append((time.perf_counter() - wall, time.process_time() - cpu, n))
    plain.close()
    indexed.close()
    copy.unlink()
    out: dict[str, Any] = {"unit": unit, "month": month}
    for name, got in times.items():
        got.sort()
        wall, cpu, n = got[len(got) // 2]
        out[name] = {"wall_ms": wall * 1000, "cpu_ms": cpu * 1000, "rows": n}
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=124)
    parser.add_argument("--per-unit", type=int, default=800)
    parser.add_argument("--reuse", type=Path)
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    parser.add_argument(
        "--unit-index",
        metavar="YYYY-MM",
        help="also time one commune's facts read with and without unit_code indexes (a copy)",
    )
    args = parser.parse_args()
    results: dict[str, Any] = {}
    if args.reuse:
        folder = args.reuse
    else:
        folder = args.keep or Path(tempfile.mkdtemp(prefix="onestop-district-")) / "data"
        results["build"] = generate(folder, args.units, args.per_unit)
        b = results["build"]
        print(
            f"build: {b['units']} communes × {b['per_unit']:,} dossiers in {b['build_s']:.1f} s "
            "(rows written directly)"
        )
    m = measure(folder, args.units)
    results.update(m)
    print(f"dossiers: {m['dossiers']:,}")
    s = m["search"]
    print(
        f"search ({s['queries']} queries): median {ms(s['median_ms'] / 1000)}, "
        f"p95 {ms(s['p95_ms'] / 1000)}"
    )
    print(f"worklist page of 200: median {ms(m['worklist_page_200']['median_ms'] / 1000)}")
    print(
        f"Biểu 06: one month, whole district {m['report06_month_total_s']:.2f} s; one commune "
        f"{m['report06_month_one_unit_s']:.2f} s; every commune one by one "
        f"{m['report06_month_every_unit_s']:.1f} s; a year, whole district "
        f"{m['report06_year_total_s']:.1f} s"
    )
    if args.unit_index:
        u = unit_index(folder, args.unit_index)
        results["unit_index"] = u
        print(
            f"one commune's facts read, {u['month']}: as is {u['current']['wall_ms']:.1f} ms wall "
            f"/ {u['current']['cpu_ms']:.1f} ms CPU; with unit_code indexes "
            f"{u['unit_indexes']['wall_ms']:.1f} ms / {u['unit_indexes']['cpu_ms']:.1f} ms "
            f"({u['current']['rows']} rows both)"
        )
    OUT.mkdir(exist_ok=True)
    out = OUT / f"district-{m['dossiers']}.json"
    out.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"figures: {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
