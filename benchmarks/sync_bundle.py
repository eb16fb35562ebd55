"""Sync bundle export and import (#12) against a bare sqlite-utils insert of the same rows.

    .venv/bin/python benchmarks/sync_bundle.py --events 100000
    .venv/bin/python benchmarks/sync_bundle.py --station DATA_DIR   # a real (demo) station

With ``--station``: that station's real chain exported, imported and folded at a district, with
floors (see :func:`real_station`).

Builds a station with ``--events`` sealed events (inserted directly, as the demo data does),
then times: ``export_bundle`` (read the chain, write JSON lines into the zip, seal, fsync, read
back and verify, rename), ``check_bundle`` (what ``bundle verify`` does), ``import_bundle`` at a
district (verify, then one transaction that checks every event again as it streams), and
``sqlite_utils`` ``insert_all`` of the same rows into an empty table of the same shape (the
floor: no JSON parsing, no hashing, no signature). Wall and CPU time are both printed: on a
shared machine the wall time is mostly waiting.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import sqlite_utils

from onestop_desktop.domain.events import GENESIS, Event, canonical
from onestop_desktop.paths import DataDir
from onestop_desktop.services import station, sync
from onestop_desktop.store import events as event_rows

T = TypeVar("T")


def timed(label: str, n: int, fn: Callable[[], T]) -> T:
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"{label:<34} {wall:8.2f} s wall {cpu:8.2f} s CPU  {n / max(wall, 1e-9):>10,.0f} ev/s")
    return out


def build(root: Path, n: int) -> list[Event]:
    ctx = station.init_data_dir(
        DataDir(root / "station"),
        unit_code="000.00.12.H29",
        unit_name="UBND xã Hòa Bình",
        station=1,
        admin="admin",
        password="admin-pass-1",
        catalog="none",
    )
    seq, prev = event_rows.head(ctx.store, 1)
    made: list[Event] = []
    batch: list[Event] = []
    for i in range(n):
        seq += 1
        e = Event(
            1,
            seq,
            f"dossier-{i // 6:07d}",
            "received" if i % 6 == 0 else "acted",
            "clerk:an",
            "2026-03-02T08:00:00+07:00",
            {"code": f"H29.{i:07d}", "applicant": "Nguyễn Văn An", "note": "hồ sơ đủ"},
        ).sealed(prev)
        prev = e.hash
        batch.append(e)
        if len(batch) == 20000:
            with ctx.store.atomic():
                event_rows.insert(ctx.store, batch)
            made.extend(batch)
            batch = []
    with ctx.store.atomic():
        event_rows.insert(ctx.store, batch)
    made.extend(batch)
    ctx.store.close()
    return made


def real_station(station_dir: Path, root: Path) -> None:
    """#12 item 5: a real station's chain (a demo data folder: receipts, actions, results, with
    the events a clerk's work makes) exported, imported **and folded** at a district, beside
    the floors: the same rows inserted bare with sqlite-utils, the fold's SQL read and pure
    in-memory fold with nothing written, and the folded rows inserted bare.

    Reads ``station_dir`` only (the export writes its bundle into ``root``); never give it a
    database others use read-only (``/work/bench1m``): copy it first."""
    from onestop_desktop.services import district
    from onestop_desktop.services.context import Session
    from onestop_desktop.store import district as district_rows
    from onestop_desktop.store import sync as sync_rows
    from onestop_desktop.store.db import Store

    st = Session.operator(Store.open(DataDir(station_dir).database))
    total = event_rows.head(st.store, st.station.station_id)[0]
    dossiers = st.store.query("SELECT count(*) AS n FROM dossiers")[0]["n"]
    print(
        f"real station {st.station.unit_code} #{st.station.station_id}: {total:,} events, "
        f"{dossiers:,} dossiers ({station_dir})"
    )
    dist = station.init_data_dir(
        DataDir(root / "district"),
        unit_code="000.00.00.H29",
        unit_name="UBND huyện",
        station=1,
        admin="admin",
        password="admin-pass-1",
        catalog="none",
        district=True,
    )
    usb = root / "usb"
    usb.mkdir(exist_ok=True)
    sync.export_key(st, usb / "key.json")
    sync.register_key(dist, usb / "key.json")
    res = timed(
        "export --all (write, verify back)",
        total,
        lambda: sync.export_bundle(st, usb, everything=True),
    )
    print(f"  bundle {res.path.stat().st_size / 1e6:,.1f} MB")
    timed(
        "verify (bundle verify, full)", total, lambda: sync.check_bundle(dist, res.path, full=True)
    )
    out = timed(
        "import + fold at the district (1 tx)", total, lambda: sync.import_bundle(dist, res.path)
    )
    assert out.inserted == total and out.fold is not None
    print(f"  folded {out.fold.dossiers:,} dossiers")
    again = timed(
        "same bundle again (recognised)", total, lambda: sync.import_bundle(dist, res.path)
    )
    assert again.plan.recognised
    timed("refold every dossier (refresh --full)", total, lambda: district.refresh(dist, full=True))

    def read_and_fold() -> int:
        n = 0
        for _u, _d, evs in sync_rows.iter_foreign_by_dossier(dist.store):
            if district.fold_events(district.fold_order(evs)) is not None:
                n += 1
        return n

    folded = timed("floor: read + pure fold, no write", total, read_and_fold)
    assert folded == out.fold.dossiers
    events = list(sync_rows.iter_foreign(dist.store, st.station.unit_code, st.station.station_id))

    def bare_events() -> None:
        db = sqlite_utils.Database(root / "bare-events.db")
        db.conn.execute("PRAGMA journal_mode=WAL")
        db["sync_events"].insert_all(
            (
                {
                    "unit_code": st.station.unit_code,
                    "station_id": e.station_id,
                    "seq": e.seq,
                    "dossier_id": e.dossier_id,
                    "kind": e.kind,
                    "actor": e.actor,
                    "at": e.at,
                    "payload": canonical(e.payload),
                    "prev_hash": e.prev_hash,
                    "hash": e.hash,
                }
                for e in events
            ),
            batch_size=5000,
            pk=("unit_code", "station_id", "seq"),
        )
        db.close()

    timed("floor: bare insert of the events", total, bare_events)
    events.clear()  # the memory back before the next floor
    rows = dist.store.query("SELECT * FROM dossiers")

    def bare_dossiers() -> None:
        db = sqlite_utils.Database(root / "bare-dossiers.db")
        db.conn.execute("PRAGMA journal_mode=WAL")
        db["dossiers"].insert_all(rows, batch_size=5000, pk="id")
        db.close()

    timed("floor: bare insert of the folded rows", len(rows), bare_dossiers)
    assert district_rows.heads(dist.store)
    st.store.close()
    dist.store.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--keep", action="store_true")
    parser.add_argument(
        "--station",
        type=Path,
        default=None,
        help="a real station's data folder (a demo): export, import and fold its chain",
    )
    args = parser.parse_args()
    if args.station is not None:
        root = Path(tempfile.mkdtemp(prefix="sync-real-"))
        try:
            real_station(args.station, root)
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"peak RSS {peak:,.0f} MB (the floors hold the events and rows in memory)")
        finally:
            if not args.keep:
                shutil.rmtree(root, ignore_errors=True)
        return
    root = Path(tempfile.mkdtemp(prefix="sync-bench-"))
    try:
        print(f"{args.events:,} events in {root}")
        made = timed("build station (seal + insert)", args.events, lambda: build(root, args.events))
        from onestop_desktop.services.context import Session
        from onestop_desktop.store.db import Store

        st = Session.operator(Store.open(DataDir(root / "station").database))
        dist = station.init_data_dir(
            DataDir(root / "district"),
            unit_code="000.00.12.H00",
            unit_name="UBND huyện",
            station=1,
            admin="admin",
            password="admin-pass-1",
            catalog="none",
        )
        usb = root / "usb"
        usb.mkdir()
        sync.export_key(st, usb / "key.json")
        sync.register_key(dist, usb / "key.json")
        total = event_rows.head(st.store, 1)[0]
        res = timed("export (write, seal, verify back)", total, lambda: sync.export_bundle(st, usb))
        size = res.path.stat().st_size
        parts = res.manifest.part("events.jsonl")
        raw = parts.size if parts else 0
        print(f"  bundle {size / 1e6:,.1f} MB ({raw / 1e6:,.1f} MB of JSON lines)")
        timed("verify (bundle verify)", total, lambda: sync.check_bundle(dist, res.path))
        out = timed(
            "import (verify + 1 transaction)", total, lambda: sync.import_bundle(dist, res.path)
        )
        assert out.inserted == total
        timed("import again (no-op)", total, lambda: sync.import_bundle(dist, res.path))

        def bare() -> None:
            db = sqlite_utils.Database(root / "bare.db")
            db.conn.execute("PRAGMA journal_mode=WAL")
            db["events"].insert_all(
                (
                    {
                        "station_id": e.station_id,
                        "seq": e.seq,
                        "dossier_id": e.dossier_id,
                        "kind": e.kind,
                        "actor": e.actor,
                        "at": e.at,
                        "payload": canonical(e.payload),
                        "prev_hash": e.prev_hash,
                        "hash": e.hash,
                    }
                    for e in made
                ),
                batch_size=5000,
                pk=("station_id", "seq"),
            )
            db.close()

        timed("bare sqlite-utils insert_all", len(made), bare)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak RSS {peak:,.0f} MB (the event list the bare insert needs is in memory)")
        assert GENESIS
        st.store.close()
        dist.store.close()
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
