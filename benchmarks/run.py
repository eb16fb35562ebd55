"""OneStop Desktop benchmarks: prints the figures the issues ask for.

    .venv/bin/python benchmarks/run.py                      # 100,000 dossiers (about 1–2 min)
    .venv/bin/python benchmarks/run.py --dossiers 1000000   # the full set (about 10–15 min)

Sections (``--sections``): demo, commit, search, worklist, startup. A data folder made by an
earlier run can be reused with ``--reuse DIR`` (skips the demo step). Figures go to stdout and,
as JSON, to ``benchmarks/out/results-<N>.json``. Single runs on a shared machine: read them as
orders of magnitude, not as pass/fail (targets are printed beside each figure).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hải", "Hiếu", "Hùng", "Huy"]
QUERIES = [
    "nguyen",
    "nguyen van",
    "tran thi",
    "le",
    "pham minh",
    "duc",
    "hoang thu ha",
    "dang quang",
    "lan",
    "nguyen thi lan",
    "vo",
    "bui",
    "do",
    "huy",
    "trang",
    "ng",
    "tr",
    "nguyen van d",
]


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def section_demo(n: int, folder: Path, results: dict[str, Any]) -> None:
    t0 = time.perf_counter()
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "onestop_desktop",
            "--data-dir",
            str(folder),
            "demo",
            "--dossiers",
            str(n),
            "--quiet",
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    elapsed = time.perf_counter() - t0
    info = json.loads(proc.stdout)
    conn = sqlite3.connect(folder / "onestop.db")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    size = (folder / "onestop.db").stat().st_size
    results["demo"] = {
        "dossiers": n,
        "events": info["events"],
        "seconds": round(elapsed, 1),
        "db_bytes": size,
        "bytes_per_dossier": round(size / max(n, 1)),
    }
    print(
        f"demo: {n:,} dossiers, {info['events']:,} events in {elapsed:.1f} s; "
        f"database {size / 1e6:.0f} MB = {size / max(n, 1):,.0f} bytes per dossier"
    )


def section_commit(results: dict[str, Any], actions: int = 1000) -> None:
    """One clerk action (intake: duplicate check, catalogue, calendar, code, event, projection,
    FTS) per transaction with synchronous=FULL, beside a bare one-row insert."""
    from argon2 import PasswordHasher

    from onestop_desktop.paths import DataDir
    from onestop_desktop.services import catalog, dossiers, station, users
    from onestop_desktop.services.dossiers import Applicant, Intake

    users._HASHER = PasswordHasher(time_cost=1, memory_cost=1024)  # set-up speed only
    with tempfile.TemporaryDirectory(dir=HERE) as tmp:
        data = DataDir(Path(tmp) / "station")
        ctx = station.init_data_dir(
            data,
            unit_code="000.00.12.H29",
            unit_name="Bench",
            station=1,
            admin="admin",
            password="admin-pass",
        )
        catalog.ensure_starter(ctx)
        times = []
        for i in range(actions):
            person = f"{FAMILY[i % len(FAMILY)]} Văn {GIVEN[(i // len(FAMILY)) % len(GIVEN)]}"
            born = date(1950, 1, 1) + timedelta(days=i)  # unique: the duplicate check runs
            intake = Intake("2.000815", Applicant(person, None, born, "0912345678"))
            t0 = time.perf_counter()
            dossiers.receive(ctx, intake)
            times.append(time.perf_counter() - t0)
        ctx.store.close()
        bare = []
        conn = sqlite3.connect(Path(tmp) / "bare.db", isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
        for i in range(actions):
            t0 = time.perf_counter()
            conn.execute("BEGIN")
            conn.execute("INSERT INTO t(v) VALUES (?)", [f"row {i}"])
            conn.execute("COMMIT")
            bare.append(time.perf_counter() - t0)
        conn.close()
    results["commit"] = {
        "actions": actions,
        "intake_median_ms": statistics.median(times) * 1000,
        "intake_p95_ms": pct(times, 95) * 1000,
        "bare_median_ms": statistics.median(bare) * 1000,
        "bare_p95_ms": pct(bare, 95) * 1000,
    }
    print(
        f"commit (synchronous=FULL, {actions} actions): "
        f"intake median {ms(statistics.median(times))}, p95 {ms(pct(times, 95))}; "
        f"bare one-row insert median {ms(statistics.median(bare))}, p95 {ms(pct(bare, 95))}"
    )


def section_search(folder: Path, results: dict[str, Any], rounds: int = 5) -> None:
    from onestop_desktop.services import search
    from onestop_desktop.services.context import Session
    from onestop_desktop.store.db import Store, integrity_problems

    t0 = time.perf_counter()
    store = Store.open(folder / "onestop.db", integrity="none")
    opened = time.perf_counter() - t0
    t0 = time.perf_counter()
    problems = integrity_problems(store.db.conn)
    checked = time.perf_counter() - t0
    results["open"] = {"store_open_ms": opened * 1000, "quick_check_s": checked, "ok": not problems}
    print(
        f"open: store {ms(opened)}; PRAGMA quick_check {checked:.1f} s "
        "(the GUI runs it in a background thread while the clerk signs in)"
    )
    ctx = Session.operator(store)
    sample = store.query(
        "SELECT code, applicant_id_number, applicant_phone FROM dossiers "
        "WHERE rid IN (SELECT rid FROM dossiers ORDER BY random() LIMIT 4)"
    )
    queries = list(QUERIES)
    for r in sample:
        queries += [
            r["code"],
            r["applicant_id_number"],
            r["applicant_phone"],
            str(r["applicant_id_number"])[:6],
        ]
    svc, raw = [], []
    for _ in range(rounds):
        for q in queries:
            t0 = time.perf_counter()
            search.search(ctx, q, limit=50)
            svc.append(time.perf_counter() - t0)
            expr = search.fts_expression(q)
            if expr is None:
                continue
            t0 = time.perf_counter()
            store.db.execute(
                "SELECT rowid FROM dossier_fts WHERE dossier_fts MATCH ? "
                "ORDER BY rowid DESC LIMIT 50",
                [expr],
            ).fetchall()
            raw.append(time.perf_counter() - t0)
    store.close()
    results["search"] = {
        "queries": len(queries) * rounds,
        "service_median_ms": statistics.median(svc) * 1000,
        "service_p95_ms": pct(svc, 95) * 1000,
        "raw_fts_median_ms": statistics.median(raw) * 1000,
        "raw_fts_p95_ms": pct(raw, 95) * 1000,
    }
    print(
        f"search ({len(queries)} queries × {rounds}): service median {ms(statistics.median(svc))}, "
        f"p95 {ms(pct(svc, 95))} (target < 50 ms); raw FTS5 median {ms(statistics.median(raw))}, "
        f"p95 {ms(pct(raw, 95))}"
    )


def _child(code: str, *args: str) -> dict[str, Any]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    proc = subprocess.run(
        [sys.executable, str(HERE / code), *args],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=600,
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


def section_worklist(folder: Path, results: dict[str, Any]) -> None:
    figures = _child("worklist_probe.py", str(folder))
    results["worklist"] = figures
    print(
        f"worklist: first rows in {figures['first_rows_ms']:.1f} ms (target < 300 ms); "
        f"{figures['rows_loaded']} rows loaded; resident memory {figures['rss_mb']:.0f} MB "
        f"(target < 300 MB)"
    )


def section_startup(folder: Path, results: dict[str, Any], rounds: int = 5) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    app, bare = [], []
    for _ in range(rounds):
        t0 = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "onestop_desktop",
                "--data-dir",
                str(folder),
                "gui",
                "--smoke-test",
            ],
            env=env,
            check=True,
            capture_output=True,
            timeout=120,
        )
        app.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, str(HERE / "bare_window.py")],
            env=env,
            check=True,
            capture_output=True,
            timeout=120,
        )
        bare.append(time.perf_counter() - t0)
    a, b = statistics.median(app), statistics.median(bare)
    results["startup"] = {"app_median_s": a, "bare_median_s": b, "ratio": a / b}
    print(
        f"start-up to the sign-in window: {a:.2f} s, bare PySide6 window {b:.2f} s, "
        f"ratio {a / b:.2f} (target < 1.5)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dossiers", type=int, default=100_000)
    parser.add_argument("--sections", default="demo,commit,search,worklist,startup")
    parser.add_argument("--reuse", help="an existing demo data folder (skips the demo section)")
    parser.add_argument("--keep", action="store_true", help="keep the generated data folder")
    args = parser.parse_args()
    sections = set(args.sections.split(","))
    OUT.mkdir(exist_ok=True)
    results: dict[str, Any] = {"dossiers": args.dossiers, "python": sys.version.split()[0]}
    tmp = None
    if args.reuse:
        folder = Path(args.reuse)
    else:
        tmp = tempfile.mkdtemp(prefix="bench-", dir=OUT)
        folder = Path(tmp) / "data"
        if "demo" in sections:
            section_demo(args.dossiers, folder, results)
    if "commit" in sections:
        section_commit(results)
    if "search" in sections:
        section_search(folder, results)
    if "worklist" in sections:
        section_worklist(folder, results)
    if "startup" in sections:
        section_startup(folder, results)
    out = OUT / f"results-{args.dossiers}.json"
    if args.reuse and out.exists():  # keep the figures of sections not run this time
        results = {**json.loads(out.read_text(encoding="utf-8")), **results}
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"figures saved to {out}")
    if tmp and not args.keep:
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)
    elif tmp:
        print(f"data folder kept at {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
