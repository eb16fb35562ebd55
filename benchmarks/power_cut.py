"""Power-cut runner for a release: ``python benchmarks/power_cut.py --cuts 1000``.

Each cut kills ``onestop restore`` or ``onestop backup`` with SIGKILL, either at a chosen fault
point (``ONESTOP_FAULT_AT=N``: each copy, fsync and rename) or after a random delay, then opens
the station as the app does and checks: a database is there (old or restored, never none), its
event chain verifies, the station key is unchanged, and no half-written backup is listed as
complete. Prints tried / passed / failed per category. CI runs the short sample in
``tests/e2e/test_power_cut.py``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

PROBE = """
import json, sys
from pathlib import Path
from onestop_desktop.store.db import Store
from onestop_desktop.store import events
store = Store.open(Path(sys.argv[1]))
n = store.db.execute("SELECT count(*) FROM dossiers").fetchone()[0]
checked, broken = events.verify(store)
from onestop_desktop.store.backup import verify_backup
bad = 0
for b in (Path(sys.argv[1]).parent / "backups").glob("onestop-*.db"):
    try:
        verify_backup(b)
    except Exception:
        bad += 1
print(json.dumps({"dossiers": n, "broken": broken is not None or bad > 0}))
"""


def cli(
    data: Path,
    *args: str,
    env: dict[str, str] | None = None,
    input: str | None = None,
    kill_after: float | None = None,
) -> int:
    cmd = [sys.executable, "-m", "onestop_desktop", "--data-dir", str(data), *args]
    full = {**os.environ, **(env or {})}
    proc = subprocess.Popen(
        cmd,
        env=full,
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    if kill_after is not None:
        time.sleep(kill_after)
        proc.send_signal(signal.SIGKILL)
    proc.communicate(input)
    return proc.returncode


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check(data: Path, key_hash: str, allowed: tuple[int, ...]) -> bool:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(data / "onestop.db")],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        return False
    seen = json.loads(result.stdout)
    return (
        not seen["broken"]
        and seen["dossiers"] in allowed
        and digest(data / "keys" / "station_ed25519.pem") == key_hash
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cuts", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="onestop-powercut-"))
    try:
        demo = work / "demo"
        assert cli(demo, "demo", "--dossiers", "300", "--quiet") == 0
        assert cli(demo, "backup", "--to", str(work / "usb")) == 0
        (backup,) = (work / "usb").glob("onestop-*.db")
        station = work / "station"
        assert (
            cli(
                station,
                "init",
                "--unit-code",
                "000.00.12.H29",
                "--unit-name",
                "UBND xã A",
                "--station",
                "1",
                "--admin",
                "quantri",
                "--password-stdin",
                "--catalog",
                "none",
                input="matkhau-2025\n",
            )
            == 0
        )
        pristine = work / "pristine"
        shutil.copytree(station, pristine)
        key_hash = digest(station / "keys" / "station_ed25519.pem")
        tried: Counter[str] = Counter()
        passed: Counter[str] = Counter()
        for _ in range(args.cuts):
            shutil.rmtree(station)
            shutil.copytree(pristine, station)
            category = rng.choice(
                [
                    "restore/fault-point",
                    "restore/random-kill",
                    "backup/fault-point",
                    "backup/random-kill",
                ]
            )
            # The demo is another installation's backup (#7: refused without --other-station).
            restore = ["restore", str(backup), "--other-station"]
            command = restore if category.startswith("restore") else ["backup"]
            if category.endswith("fault-point"):
                cli(station, *command, env={"ONESTOP_FAULT_AT": str(rng.randint(1, 12))})
            else:
                cli(station, *command, kill_after=rng.uniform(0.05, 0.6))
            allowed = (0, 300) if category.startswith("restore") else (0,)
            # Also: every backup under its final name verifies (a cut one is only .partial).
            good = check(station, key_hash, allowed)
            tried[category] += 1
            passed[category] += int(good)
        print(f"{'category':24} {'tried':>6} {'passed':>7} {'failed':>7}")
        for cat in sorted(tried):
            print(f"{cat:24} {tried[cat]:6} {passed[cat]:7} {tried[cat] - passed[cat]:7}")
        total, ok = sum(tried.values()), sum(passed.values())
        print(f"{'total':24} {total:6} {ok:7} {total - ok:7}")
        return 0 if ok == total else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
