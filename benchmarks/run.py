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
import random
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


def _wal_frames(wal: Path, before: int) -> float:
    """WAL frames written since the file had ``before`` bytes (page size 4096)."""
    return (wal.stat().st_size - before) / (4096 + 24)


def section_commit(
    results: dict[str, Any], actions: int = 1000, folder: Path | None = None
) -> None:
    """Saving an intake against a bare one-row INSERT + COMMIT on the same disk (#9: ≤ 2×).

    The intake is what the GUI's Ctrl+S calls: ``services.dossiers.receive`` with a signed-in
    clerk's session (its account re-read, duplicate check, kept catalogue and calendar, day
    code, event sealed in the hash chain, projection row, its indexes and FTS), one transaction,
    WAL and ``synchronous=FULL``. Half the applicants carry an ID number (the duplicate check
    uses its index), half not (a birth registration: folded name and birth date through the
    FTS). The floor is a bare table in WAL with ``synchronous=FULL`` in the same folder. The two
    are interleaved, one intake then one bare insert, so load on the machine hits both alike;
    CPU time (``time.thread_time``) is given beside the wall time, and the COMMIT's own wall
    time (between SQLite trace callbacks). WAL frames per transaction are counted on the first
    30 of each after a checkpoint. ``folder``: a data folder to write the intakes into (a COPY
    of a big demo, to measure deep B-trees); default a new station.
    """
    from argon2 import PasswordHasher

    from onestop_desktop.paths import DataDir
    from onestop_desktop.services import catalog, dossiers, station, users
    from onestop_desktop.services.context import Session
    from onestop_desktop.services.dossiers import Applicant, Intake
    from onestop_desktop.store.db import Store

    users._HASHER = PasswordHasher(time_cost=1, memory_cost=1024)  # set-up speed only
    with tempfile.TemporaryDirectory(dir=folder or HERE) as tmp:
        if folder is None:
            data = DataDir(Path(tmp) / "station")
            op = station.init_data_dir(
                data,
                unit_code="000.00.12.H29",
                unit_name="Bench",
                station=1,
                admin="admin",
                password="admin-pass",
            )
            catalog.ensure_starter(op)
            store = op.store
        else:
            data = DataDir(folder)
            store = Store.open(data.database, integrity="none")
            op = Session.operator(store)
        if not _has_user(store):
            users.add_user(op, "bench_clerk", "clerk", "Cán bộ đo", "bench-pass-1")
        ctx = users.sign_in(store, "bench_clerk", "bench-pass-1")
        conn = store.db.conn
        marks: dict[str, float] = {}

        def trace(sql: str) -> None:
            if sql.startswith("COMMIT"):
                marks["commit"] = time.perf_counter()

        conn.set_trace_callback(trace)
        plain = sqlite3.connect(Path(tmp) / "bare.db", isolation_level=None)
        plain.execute("PRAGMA journal_mode=WAL")
        plain.execute("PRAGMA synchronous=FULL")
        plain.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
        wal = data.database.with_name(data.database.name + "-wal")
        bare_wal = Path(tmp) / "bare.db-wal"
        stamp = int(time.time())
        # Birth dates of this run, away from an earlier run's on a reused copy (the same person
        # again is a duplicate: refused, so not counted).
        offset = random.Random(stamp).randrange(20000)
        times: list[float] = []
        cpu: list[float] = []
        commits: list[float] = []
        by_kind: dict[str, list[float]] = {"id_number": [], "name_birth": []}
        bare: list[float] = []
        bare_cpu: list[float] = []
        frames: list[float] = []
        bare_frames: list[float] = []
        for i in range(actions):
            if i % 1000 == 0:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            counted = i % 1000 < 30
            person = f"{FAMILY[i % len(FAMILY)]} Văn {GIVEN[(i // len(FAMILY)) % len(GIVEN)]}"
            born = date(1950, 1, 1) + timedelta(days=(offset + i) % 20000)
            century = 0 if born.year < 2000 else 2  # the 4th digit: a man of that century
            number = f"001{century}{born.year % 100:02d}{(stamp + i) % 1000000:06d}"  # Hà Nội
            who = Applicant(person, number if i % 2 == 0 else None, born, "0912345678")
            intake = Intake("2.000815", who, acknowledge_duplicates=False)
            size = wal.stat().st_size if counted and wal.exists() else 0
            c0, t0 = time.thread_time(), time.perf_counter()
            try:
                dossiers.receive(ctx, intake)
            except dossiers.DuplicateFound:  # a reused demo with this person: not counted
                continue
            t1, c1 = time.perf_counter(), time.thread_time()
            times.append(t1 - t0)
            cpu.append(c1 - c0)
            commits.append(t1 - marks["commit"])
            by_kind["id_number" if i % 2 == 0 else "name_birth"].append(t1 - t0)
            if counted:
                frames.append(_wal_frames(wal, size))
            size = bare_wal.stat().st_size if counted and bare_wal.exists() else 0
            c0, t0 = time.thread_time(), time.perf_counter()
            plain.execute("BEGIN")
            plain.execute("INSERT INTO t(v) VALUES (?)", [f"row {i}"])
            plain.execute("COMMIT")
            bare.append(time.perf_counter() - t0)
            bare_cpu.append(time.thread_time() - c0)
            if counted:
                bare_frames.append(_wal_frames(bare_wal, size))
        conn.set_trace_callback(None)
        plain.close()
        cache_pages = int(conn.execute("PRAGMA cache_size").fetchone()[0])
        rss_mb = _rss_mb()
        dossier_count = int(store.db.execute("SELECT count(*) FROM dossiers").fetchone()[0])
        store.close()

    def med(values: list[float]) -> float:
        return statistics.median(values) if values else float("nan")

    figures = {
        "actions": len(times),
        "dossiers_in_database": dossier_count,
        "intake_median_ms": med(times) * 1000,
        "intake_p95_ms": pct(times, 95) * 1000,
        "intake_cpu_median_ms": med(cpu) * 1000,
        "intake_commit_median_ms": med(commits) * 1000,
        "intake_with_id_number_median_ms": med(by_kind["id_number"]) * 1000,
        "intake_name_and_birth_median_ms": med(by_kind["name_birth"]) * 1000,
        "bare_median_ms": med(bare) * 1000,
        "bare_p95_ms": pct(bare, 95) * 1000,
        "bare_cpu_median_ms": med(bare_cpu) * 1000,
        "ratio_median": med(times) / med(bare),
        "wal_frames_intake": med(frames),
        "wal_frames_bare": med(bare_frames),
        "cache_size": cache_pages,
        "rss_mb_after": rss_mb,
    }
    results["commit"] = figures
    print(
        f"commit (synchronous=FULL, {len(times)} intakes interleaved with bare inserts, "
        f"database of {dossier_count:,} dossiers): intake median {ms(med(times))} "
        f"(CPU {ms(med(cpu))}, COMMIT {ms(med(commits))}), p95 {ms(pct(times, 95))}; "
        f"with ID number {ms(med(by_kind['id_number']))}, by name and birth date "
        f"{ms(med(by_kind['name_birth']))}; bare one-row insert median {ms(med(bare))} "
        f"(CPU {ms(med(bare_cpu))}), p95 {ms(pct(bare, 95))}; ratio {med(times) / med(bare):.1f}× "
        f"(target ≤ 2×); WAL frames per transaction {med(frames):.0f} vs {med(bare_frames):.0f}; "
        f"PRAGMA cache_size {cache_pages}, resident memory after the intakes {rss_mb:.0f} MB"
    )


def _rss_mb() -> float:
    """This process's resident memory now (VmRSS), in MB: the intakes' page cache included."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _has_user(store: Any) -> bool:
    return bool(store.db.execute("SELECT 1 FROM users WHERE username = 'bench_clerk'").fetchone())


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


def section_startup(folder: Path, results: dict[str, Any], rounds: int = 7) -> None:
    """Start-up to the sign-in window (``onestop gui --smoke-test``: shown, painted, quit)
    against a bare PySide6 window (``bare_window.py``), target ≤ 1.5×.

    Both run as new processes, interleaved, after one warm-up round of each (the OS file cache,
    and the bytecode: the children write theirs to a temporary ``PYTHONPYCACHEPREFIX``, as an
    installed or frozen app has its ``.pyc``, even where ``PYTHONDONTWRITEBYTECODE`` is set).
    The CPU time of each child (user + system, ``RUSAGE_CHILDREN``) is given beside the wall
    time: on a loaded machine it is the steadier ratio. The sign-in window never opens the
    database, so the size of ``folder`` does not matter."""
    import resource

    with tempfile.TemporaryDirectory() as cache:
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = cache
        commands = {
            "app": [
                sys.executable,
                "-m",
                "onestop_desktop",
                "--data-dir",
                str(folder),
                "gui",
                "--smoke-test",
            ],
            "bare": [sys.executable, str(HERE / "bare_window.py")],
        }
        wall: dict[str, list[float]] = {k: [] for k in commands}
        cpu: dict[str, list[float]] = {k: [] for k in commands}
        for n in range(rounds + 1):
            for name, command in commands.items():
                r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
                t0 = time.perf_counter()
                subprocess.run(command, env=env, check=True, capture_output=True, timeout=120)
                t1 = time.perf_counter()
                r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
                if n == 0:
                    continue  # the warm-up round
                wall[name].append(t1 - t0)
                cpu[name].append(r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime)
    med = statistics.median
    a, b = med(wall["app"]), med(wall["bare"])
    ac, bc = med(cpu["app"]), med(cpu["bare"])
    results["startup"] = {
        "rounds": rounds,
        "app_median_s": a,
        "bare_median_s": b,
        "ratio": a / b,
        "app_cpu_median_s": ac,
        "bare_cpu_median_s": bc,
        "cpu_ratio": ac / bc,
    }
    print(
        f"start-up to the sign-in window ({rounds} rounds): {a:.2f} s (CPU {ac:.3f} s), bare "
        f"PySide6 window {b:.2f} s (CPU {bc:.3f} s); ratio {a / b:.2f} wall, {ac / bc:.2f} CPU "
        "(target ≤ 1.5)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dossiers", type=int, default=100_000)
    parser.add_argument("--sections", default="demo,commit,search,worklist,startup")
    parser.add_argument("--reuse", help="an existing demo data folder (skips the demo section)")
    parser.add_argument("--keep", action="store_true", help="keep the generated data folder")
    parser.add_argument(
        "--commit-on",
        help="a data folder the commit section writes its intakes into (a COPY of a big demo, "
        "never the original); default a new station",
    )
    parser.add_argument("--commit-actions", type=int, default=1000)
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
        section_commit(
            results,
            args.commit_actions,
            Path(args.commit_on) if args.commit_on else None,
        )
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
