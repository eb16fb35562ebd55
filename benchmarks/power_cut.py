"""Power-cut runner for a release: ``python benchmarks/power_cut.py --cuts 1000``.

Each cut kills ``onestop restore`` or ``onestop backup`` with SIGKILL, either at a chosen fault
point (``ONESTOP_FAULT_AT=N``: each copy, fsync and rename) or after a random delay, then opens
the station as the app does and checks: a database is there (old or restored, never none), its
event chain verifies, the station key is unchanged, and no half-written backup is listed as
complete.

Intake (``dossier receive``), act (``dossier act … result_ready``) and ``ledger import`` write
through SQLite: they are killed before a random one of their write statements
(``tests/e2e/sql_cut.py``) or after a random delay, and then: ``verify`` and ``rebuild
--dry-run`` are clean, every action acknowledged before is there, the cut one is all there or
not at all (a 3-row ledger: 0 or 3 rows), and after a cut intake the next intake still gets a
fresh code. Prints tried / passed / failed per category. CI runs the short sample in
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
from typing import Any

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


SQL_CUT = Path(__file__).resolve().parents[1] / "tests" / "e2e" / "sql_cut.py"

STATE = """
import json, sys
from pathlib import Path
from onestop_desktop import paths
from onestop_desktop.cli.common import open_session
from onestop_desktop.services import integrity
ctx = open_session(paths.DataDir(Path(sys.argv[1])))
ok = integrity.verify(ctx).ok and integrity.rebuild(ctx, write=False).clean
rows = ctx.store.query("SELECT code, status, applicant_address FROM dossiers")
print(json.dumps({"ok": ok, "dossiers": {r["code"]: [r["status"], r["applicant_address"]]
                                         for r in rows}}))
"""

RECEIVE = ["dossier", "receive", "--procedure", "2.000815", "--json"]


def run(argv: list[str], *, kill_after: float | None = None) -> tuple[int, str, str]:
    """``(exit code, stdout, stderr)`` of a child; SIGKILLed after ``kill_after`` seconds."""
    proc = subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True
    )
    try:
        out, err = proc.communicate(timeout=kill_after)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
    return proc.returncode, out, err


def sql_cut(data: Path, k: int, *args: str) -> tuple[int, str, str]:
    return run([sys.executable, str(SQL_CUT), str(k), "--data-dir", str(data), *args])


FAILURES: list[str] = []
"""Why cuts failed (the first few are printed under the table)."""


def state(data: Path) -> dict[str, Any] | None:
    """Verify, rebuild --dry-run and the dossiers, as the app opens the station; None if broken."""
    code, out, err = run([sys.executable, "-c", STATE, str(data)])
    if code != 0:
        FAILURES.append(f"state probe exit {code}: {err.strip().splitlines()[-1:]}")
        return None
    value: dict[str, Any] = json.loads(out)
    if not value["ok"]:
        FAILURES.append("verify or rebuild --dry-run not clean")
        return None
    return value


def ledger_file(path: Path, tag: str) -> Path:
    header = "Mã thủ tục,Họ tên chủ hồ sơ,Địa chỉ,Ngày nhận,Ngày hẹn trả,Trạng thái,Ghi chú\n"
    rows = "".join(
        f"2.000815,Hoàng Văn An,{tag}-{i},03/03/2025 09:00,04/03/2025,Đang xử lý,\n"
        for i in range(3)
    )
    path.write_text(header + rows, encoding="utf-8")
    return path


def writes(stderr: str) -> int:
    return int(stderr.rsplit("sql_cut:", 1)[1].split()[0])


class WriteCuts:
    """Intake, act and import cuts on a copy of a station holding a few received dossiers."""

    def __init__(self, work: Path, rng: random.Random) -> None:
        self.work = work
        self.rng = rng
        self.pristine = work / "busy-pristine"
        assert (
            cli(
                self.pristine,
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
                input="matkhau-2025\n",
            )
            == 0
        )
        for name in ("Nguyễn Văn An", "Trần Thị Bình"):
            rc, _, _ = sql_cut(self.pristine, 0, *RECEIVE, "--name", name)
            assert rc == 0
        before = state(self.pristine)
        assert before is not None
        self.open_code = sorted(before["dossiers"])[0]
        self.received = before["dossiers"][self.open_code][0]
        # How many write statements each command makes (a cut goes before a random one).
        scratch = work / "busy-scratch"
        shutil.copytree(self.pristine, scratch)
        self.max_k = {
            "intake": writes(sql_cut(scratch, 0, *RECEIVE, "--name", "Lê Văn Cường")[2]),
            "act": writes(sql_cut(scratch, 0, "dossier", "act", self.open_code, "result_ready")[2]),
            "import": writes(
                sql_cut(scratch, 0, "ledger", "import", str(ledger_file(work / "s.csv", "s")))[2]
            ),
        }
        shutil.rmtree(scratch)
        self.station = work / "busy"

    def args(self, kind: str, n: int) -> list[str]:
        if kind == "intake":
            return [*RECEIVE, "--name", "Phạm Văn Dũng", "--address", f"cut-{n}"]
        if kind == "act":
            return ["dossier", "act", self.open_code, "result_ready"]
        return ["ledger", "import", str(ledger_file(self.work / f"cut-{n}.csv", f"cut-{n}"))]

    def one(self, category: str, n: int) -> bool:
        """One cut of ``intake|act|import`` / ``sql-cut|random-kill``; whether every check held."""
        kind, how = category.split("/")
        shutil.rmtree(self.station, ignore_errors=True)
        shutil.copytree(self.pristine, self.station)
        before = state(self.station)
        if before is None:
            return False
        args = self.args(kind, n)
        if how == "sql-cut":
            rc, out, _ = sql_cut(self.station, self.rng.randint(1, self.max_k[kind]), *args)
        else:
            argv = [sys.executable, "-m", "onestop_desktop", "--data-dir", str(self.station)]
            rc, out, _ = run([*argv, *args], kill_after=self.rng.uniform(0.2, 2.0))
        if rc not in (0, -signal.SIGKILL):
            return False
        acknowledged = rc == 0
        after = state(self.station)
        if after is None or not set(before["dossiers"]) <= set(after["dossiers"]):
            return False
        seen = after["dossiers"]
        if kind == "intake":
            new = set(seen) - set(before["dossiers"])
            if len(new) > 1 or (acknowledged and json.loads(out)["code"] not in new):
                return False
            # The day's counter is not left behind a used code: the next intake works.
            rc, _, _ = sql_cut(self.station, 0, *RECEIVE, "--name", "Vũ Thị Em")
            return rc == 0
        if kind == "act":
            status = seen[self.open_code][0]
            return status != self.received if acknowledged else True
        rows = sum(1 for _, address in seen.values() if str(address).startswith(f"cut-{n}-"))
        return rows == 3 if acknowledged else rows in (0, 3)


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
    parser.add_argument(
        "--minutes", type=float, default=0, help="stop after this long (0: run every cut)"
    )
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
        writes_cuts = WriteCuts(work, rng)
        started = time.monotonic()
        for n in range(args.cuts):
            if args.minutes and time.monotonic() - started > args.minutes * 60:
                print(f"stopped after {n} cuts ({args.minutes} min)", file=sys.stderr)
                break
            category = rng.choice(
                [
                    "restore/fault-point",
                    "restore/random-kill",
                    "backup/fault-point",
                    "backup/random-kill",
                    "intake/sql-cut",
                    "intake/random-kill",
                    "act/sql-cut",
                    "act/random-kill",
                    "import/sql-cut",
                    "import/random-kill",
                ]
            )
            if category.split("/")[0] in ("intake", "act", "import"):
                good = writes_cuts.one(category, n)
                tried[category] += 1
                passed[category] += int(good)
                continue
            shutil.rmtree(station)
            shutil.copytree(pristine, station)
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
        for reason in FAILURES[:5]:
            print(f"  failure: {reason}")
        return 0 if ok == total else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
