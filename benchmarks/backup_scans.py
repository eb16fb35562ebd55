"""Backups that carry the scans (#11): what a backup costs with its scans, first and again.

A demo station (``onestop demo``) gets ``--jpegs`` phone photos attached, one per dossier. Then,
interleaved for ``--rounds`` rounds so the loaded machine treats every case alike:

* **db only** — ``store.backup.backup``: the database copy alone (online backup API, verify,
  fsync, rename): the floor of any backup;
* **scans floor** — reading, SHA-256 and a fsynced copy of the same scan files (what copying
  them cannot avoid);
* **first backup** — ``services.backup.backup_now`` into an empty folder: the database and every
  scan (the two floors together are its floor);
* **next backup** — ``backup_now`` again into the same folder: no new scan, so it should cost
  the database copy plus a look at each named file.

Wall and CPU (``time.process_time``) of each. With ``--db PATH`` it also times, read-only, the
one query every backup adds (every file the events name, ``store.attachments.named_sizes``) on
that database (e.g. the 1,000,000-dossier demo), with its query plan.

    .venv/bin/python benchmarks/backup_scans.py [--dossiers 2000] [--jpegs 50] [--rounds 3]
        [--db /work/bench1m/onestop.db]

Figures are printed and written to ``benchmarks/out/backup_scans.json``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent / "out" / "backup_scans.json"
sys.path.insert(0, str(Path(__file__).resolve().parent))


def timed(fn: Callable[[], object]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def query_at(db: Path) -> dict[str, Any]:
    from onestop_desktop.store import attachments as rows

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        plan = [
            str(r[-1])
            for r in conn.execute(
                "EXPLAIN QUERY PLAN SELECT json_extract(payload, '$.sha256'), "
                "json_extract(payload, '$.size') FROM events WHERE kind = 'attachment.added'"
            )
        ]
        events = int(conn.execute("SELECT max(rowid) FROM events").fetchone()[0] or 0)
        found: dict[str, int] = {}

        def run() -> None:
            found.update(rows.named_sizes(conn))

        run()  # warm the cache: a backup runs on a live station
        wall, cpu = timed(run)
    finally:
        conn.close()
    return {"db": str(db), "events": events, "files": len(found), "plan": plan,
            "wall_s": wall, "cpu_s": cpu}  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dossiers", type=int, default=2000)
    ap.add_argument("--jpegs", type=int, default=50)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--db", type=Path, default=None)
    args = ap.parse_args()

    from scan_ingest import floor, make_jpegs

    from onestop_desktop.paths import DataDir
    from onestop_desktop.services import attachments, backup
    from onestop_desktop.services.context import Session
    from onestop_desktop.store import backup as backup_store
    from onestop_desktop.store import dossiers
    from onestop_desktop.store.db import Store

    work = Path(tempfile.mkdtemp(prefix="onestop-bench-backup-"))
    try:
        data = DataDir(work / "data")
        subprocess.run(
            [sys.executable, "-m", "onestop_desktop", "--data-dir", str(data.root), "demo",
             "--dossiers", str(args.dossiers), "--quiet"],
            check=True,
        )  # fmt: skip
        (work / "photos").mkdir()
        photos = make_jpegs(work / "photos", args.jpegs)
        store = Store.open(data.database)
        ctx = Session.operator(store)
        codes = [str(c) for _i, c in dossiers.ids_and_codes(store)][: len(photos)]
        for code, photo in zip(codes, photos, strict=True):
            attachments.attach(ctx, code, [photo])
        scan_bytes = sum(p.stat().st_size for p in photos)
        cases: dict[str, list[tuple[float, float]]] = {
            "db only": [], "scans floor": [], "first backup": [], "next backup": []
        }  # fmt: skip
        for r in range(args.rounds):
            folder, dest, dbonly = work / f"round{r}", work / f"floor{r}", work / f"dbonly{r}"
            cases["db only"].append(
                timed(lambda d=dbonly: backup_store.backup(store, d, name="onestop-x.db"))
            )
            cases["scans floor"].append(timed(lambda d=dest: floor(photos, d)))
            cases["first backup"].append(
                timed(lambda f=folder: backup.backup_now(ctx, data, f, name="onestop-1.db"))
            )
            cases["next backup"].append(
                timed(lambda f=folder: backup.backup_now(ctx, data, f, name="onestop-2.db"))
            )
            for old in (dbonly, dest, folder):
                shutil.rmtree(old)
        db_size = data.database.stat().st_size
        store.close()
        result: dict[str, Any] = {
            "dossiers": args.dossiers,
            "scans": len(photos),
            "scan_bytes": scan_bytes,
            "db_bytes": db_size,
            "rounds": args.rounds,
            "cases": {
                name: {
                    "wall_s": min(w for w, _ in runs),
                    "cpu_s": min(c for _, c in runs),
                    "all": runs,
                }
                for name, runs in cases.items()
            },
        }
        live = query_at(data.database)
        result["query_demo"] = live
        if args.db is not None:
            result["query_db"] = query_at(args.db)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(
        f"{args.dossiers} dossiers ({db_size / 1e6:.1f} MB), {len(photos)} scans "
        f"({scan_bytes / 1e6:.1f} MB); best of {args.rounds} rounds, wall / CPU:"
    )
    for name, c in result["cases"].items():
        print(f"  {name:<13} {c['wall_s']:7.3f} s / {c['cpu_s']:7.3f} s")
    for key in ("query_demo", "query_db"):
        q = result.get(key)
        if q:
            print(
                f"  named-scans query on {q['events']:,} events ({q['files']} files): "
                f"{q['wall_s'] * 1000:.1f} ms / {q['cpu_s'] * 1000:.1f} ms CPU; plan {q['plan']}"
            )
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
