"""Where an intake's time goes (#9): ``services.dossiers.receive`` against a bare insert + fsync.

    .venv/bin/python benchmarks/intake_profile.py [--actions 500] [--profile]
    .venv/bin/python benchmarks/intake_profile.py --duplicates COPY   # the duplicate check alone
    .venv/bin/python benchmarks/intake_profile.py --cache-ab COPY     # cache_size 2 vs 32 MiB

Prints the median of each, their ratio (target ≤ 2×), the WAL pages one intake writes (what its
fsync has to carry: the event and its two indexes, the dossier row and its indexes, the FTS
segment, the day counter) against the bare insert's one, the time of the COMMIT alone (measured
between SQLite trace callbacks), and with ``--profile`` the cProfile of the intakes, by
cumulative time. Both run in a temporary folder beside this file (the same disk as a data
folder would be on), one transaction each, WAL and ``synchronous=FULL``.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sqlite3
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
NOTE = "COPY: a data folder's database to write into, never /work/bench1m itself"
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hải", "Hiếu", "Hùng", "Huy"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=500)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--duplicates", metavar="COPY", help=NOTE)
    parser.add_argument("--cache-ab", metavar="COPY", help=NOTE)
    args = parser.parse_args()
    if args.duplicates:
        return duplicates(Path(args.duplicates))
    if args.cache_ab:
        return cache_ab(Path(args.cache_ab))

    from argon2 import PasswordHasher

    from onestop_desktop.paths import DataDir
    from onestop_desktop.services import catalog, dossiers, station, users
    from onestop_desktop.services.dossiers import Applicant, Intake

    users._HASHER = PasswordHasher(time_cost=1, memory_cost=1024)  # set-up speed only
    profile = cProfile.Profile()
    with tempfile.TemporaryDirectory(dir=HERE) as tmp:
        data = DataDir(Path(tmp) / "station")
        ctx = station.init_data_dir(
            data, unit_code="000.00.12.H29", unit_name="Bench", station=1, admin="admin",
            password="admin-pass",
        )  # fmt: skip
        catalog.ensure_starter(ctx)
        conn = ctx.store.db.conn
        trace: list[tuple[float, str]] = []
        conn.set_trace_callback(lambda sql: trace.append((time.perf_counter(), sql[:6])))
        wal = data.database.with_name(data.database.name + "-wal")
        times, commits, frames = [], [], []
        for i in range(args.actions):
            person = f"{FAMILY[i % 10]} Văn {GIVEN[(i // 10) % 10]}"
            born = date(1950, 1, 1) + timedelta(days=i)  # unique: the duplicate check runs
            intake = Intake("2.000815", Applicant(person, None, born, "0912345678"))
            trace.clear()
            size = wal.stat().st_size if wal.exists() else 0
            if args.profile:
                profile.enable()
            t0 = time.perf_counter()
            dossiers.receive(ctx, intake)
            end = time.perf_counter()
            if args.profile:
                profile.disable()
            times.append(end - t0)
            starts = [t for t, sql in trace if sql == "COMMIT"]
            if starts:
                later = [t for t, _ in trace if t > starts[-1]]
                commits.append((later[0] if later else end) - starts[-1])
            grown = wal.stat().st_size - size
            if grown > 0:
                frames.append(grown / (4096 + 24))
        ctx.store.close()
        bare, bare_frames = [], []
        bare_db = Path(tmp) / "bare.db"
        plain = sqlite3.connect(bare_db, isolation_level=None)
        plain.execute("PRAGMA journal_mode=WAL")
        plain.execute("PRAGMA synchronous=FULL")
        plain.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
        bare_wal = bare_db.with_name("bare.db-wal")
        for i in range(args.actions):
            size = bare_wal.stat().st_size if bare_wal.exists() else 0
            t0 = time.perf_counter()
            plain.execute("BEGIN")
            plain.execute("INSERT INTO t(v) VALUES (?)", [f"row {i}"])
            plain.execute("COMMIT")
            bare.append(time.perf_counter() - t0)
            grown = bare_wal.stat().st_size - size
            if grown > 0:
                bare_frames.append(grown / (4096 + 24))
        plain.close()
    intake_ms = statistics.median(times) * 1000
    bare_ms = statistics.median(bare) * 1000
    commit_ms = statistics.median(commits) * 1000 if commits else float("nan")
    print(
        f"intake median {intake_ms:.2f} ms (of which COMMIT {commit_ms:.2f} ms); bare insert "
        f"median {bare_ms:.2f} ms; ratio {intake_ms / bare_ms:.1f}× (target ≤ 2×)"
    )
    if frames and bare_frames:
        print(
            f"WAL pages per transaction: intake {statistics.median(frames):.1f}, "
            f"bare {statistics.median(bare_frames):.1f}"
        )
    if args.profile:
        pstats.Stats(profile).sort_stats("cumulative").print_stats(30)
    return 0


def duplicates(path: Path, rounds: int = 300) -> int:
    """``services.dossiers.find_duplicates`` alone, by ID number and by folded name and birth
    date (none found: every save runs it to the end), wall and CPU medians."""
    from onestop_desktop.services import dossiers
    from onestop_desktop.services.context import Session
    from onestop_desktop.services.dossiers import Applicant
    from onestop_desktop.store.db import Store

    store = Store.open(path, integrity="none")
    ctx = Session.operator(store)
    kinds = {
        "ID number": lambda i: Applicant("Nguyễn Văn An", f"001090{i:06d}", date(1990, 1, 1)),
        "name and birth date": lambda i: Applicant(
            "Nguyễn Văn An", None, date(1950, 1, 1) + timedelta(days=7 * i)
        ),
    }
    for label, make in kinds.items():
        wall, cpu = [], []
        for i in range(rounds):
            data = dossiers.check_applicant(make(i)).data
            c0, t0 = time.thread_time(), time.perf_counter()
            dossiers.find_duplicates(ctx, "2.000815", data)
            wall.append(time.perf_counter() - t0)
            cpu.append(time.thread_time() - c0)
        print(
            f"duplicate check by {label}: median {statistics.median(wall) * 1e3:.3f} ms "
            f"(CPU {statistics.median(cpu) * 1e3:.3f} ms), p95 {_p95(wall) * 1e3:.3f} ms"
        )
    store.close()
    return 0


def cache_ab(path: Path, blocks: int = 16, per_block: int = 40) -> int:
    """Intakes into ``path`` in alternating blocks with SQLite's default page cache (2 MiB) and
    with 32 MiB, the first five of each block left out (the cache refills); a signed-in clerk
    ``bench_clerk`` / ``bench-pass-1`` (``run.py --commit-on`` adds one)."""
    from argon2 import PasswordHasher

    from onestop_desktop.services import dossiers, users
    from onestop_desktop.services.dossiers import Applicant, Intake
    from onestop_desktop.store.db import Store

    users._HASHER = PasswordHasher(time_cost=1, memory_cost=1024)
    store = Store.open(path, integrity="none")
    ctx = users.sign_in(store, "bench_clerk", "bench-pass-1")
    sizes = (2000, 32768)
    wall: dict[int, list[float]] = {k: [] for k in sizes}
    cpu: dict[int, list[float]] = {k: [] for k in sizes}
    stamp, i = int(time.time()), 0
    for block in range(blocks):
        size = sizes[block % 2]
        store.db.execute(f"PRAGMA cache_size = -{size}")
        for k in range(per_block):
            i += 1
            born = date(1950, 1, 1) + timedelta(days=(stamp // 7 + i) % 18000)
            century = 0 if born.year < 2000 else 2
            number = f"001{century}{born.year % 100:02d}{(stamp + i) % 1000000:06d}"
            who = Applicant(f"Hồ Văn {chr(65 + i % 26)}", None if i % 2 else number, born)
            c0, t0 = time.thread_time(), time.perf_counter()
            try:
                dossiers.receive(ctx, Intake("2.000815", who))
            except dossiers.DuplicateFound:
                continue
            if k >= 5:
                wall[size].append(time.perf_counter() - t0)
                cpu[size].append(time.thread_time() - c0)
    for size in sizes:
        print(
            f"cache_size {size} KiB: intake median {statistics.median(wall[size]) * 1e3:.3f} ms "
            f"(CPU {statistics.median(cpu[size]) * 1e3:.3f} ms), p95 {_p95(wall[size]) * 1e3:.3f}"
            f" ms, {len(wall[size])} intakes"
        )
    store.close()
    return 0


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


if __name__ == "__main__":
    raise SystemExit(main())
