"""Power-cut suite (short CI sample): a real SIGKILL of ``onestop restore`` at every fault point
(each copy, fsync and rename; ``files.FAULT_ENV``), then the next open must find either the old
database or the restored one, never none, and say whether it completed or rolled back; the
station key is never touched, and ``init`` refuses to run over what is left.

Intake, act and ledger import write through SQLite: they are cut before a sampled write
statement (``sql_cut.py``: the first write, the middle, the COMMIT, the statement after it) and
once at a random moment; every acknowledged action is there afterwards, an unacknowledged one is
all there or not at all, and ``verify`` and ``rebuild --dry-run`` stay clean.

``benchmarks/power_cut.py`` runs the same checks many more times with random SIGKILLs.
"""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import (
    CliResult,
    assert_refused,
    init_station,
    ok,
    onestop,
    run_command,
    sha256,
)

PROBE = """
import json, sys
from pathlib import Path
from onestop_desktop.store.db import Store
from onestop_desktop.store import events
store = Store.open(Path(sys.argv[1]))
n = store.db.execute("SELECT count(*) FROM dossiers").fetchone()[0]
checked, broken = events.verify(store)
o = store.restore_outcome
print(json.dumps({"dossiers": n, "broken": broken is not None,
                  "outcome": o.action if o else None}))
"""


def probe(data: Path) -> dict[str, object]:
    """Open the station as the app does (settling any cut restore) and describe it."""
    result = ok(run_command([sys.executable, "-c", PROBE, str(data / "onestop.db")]))
    value: dict[str, object] = json.loads(result.stdout)
    return value


def test_restore_killed_at_every_step_leaves_old_or_new(
    station_copy: Path, demo_backup: Path, tmp_path: Path
) -> None:
    key = station_copy / "keys" / "station_ed25519.pem"
    key_hash = sha256(key)
    outcomes: set[object] = set()
    step = 0
    while True:
        step += 1
        assert step < 40, "restore never finished"
        result = onestop(
            station_copy,
            "restore",
            demo_backup,
            "--other-station",  # #7: the demo is another installation's backup (its key)
            env={"ONESTOP_FAULT_AT": str(step)},
        )
        if result.returncode == 0:
            assert probe(station_copy)["dossiers"] == 300
            break
        assert result.returncode == -signal.SIGKILL, result.stderr
        # A clerk's next move after a crash: init must refuse, never replace the key.
        if not (station_copy / "onestop.db").exists():
            assert_refused(
                onestop(
                    station_copy,
                    "init",
                    "--unit-code",
                    "000.00.12.H29",
                    "--unit-name",
                    "X",
                    "--station",
                    "1",
                    "--admin",
                    "quantri",
                    "--password-stdin",
                    "--catalog",
                    "none",
                    input="matkhau-2025\n",
                ),
                "khôi phục",
            )
        if step == 1:
            # The next command after a cut is where the operator learns what happened to it.
            told = ok(onestop(station_copy, "verify"))
            assert "Lần khôi phục trước bị ngắt" in told.stderr, told.stderr
        seen = probe(station_copy)
        assert seen["broken"] is False
        assert seen["dossiers"] in (0, 300), seen
        outcomes.add(seen["outcome"])
        assert sha256(key) == key_hash
        # Back to the old database for the next cut (restore the station's own empty state).
        if seen["dossiers"] == 300:
            kept = sorted(station_copy.glob("onestop.db.replaced-*"))
            kept = [k for k in kept if not k.name.endswith(("-wal", "-shm"))]
            ok(onestop(station_copy, "restore", kept[-1], "--other-station"))
    assert step > 5  # every copy, fsync and rename was a fault point
    assert "completed" in outcomes and "rolled_back" in outcomes, outcomes
    assert sha256(key) == key_hash


def test_init_refuses_over_existing_key_or_database(station_copy: Path) -> None:
    key = station_copy / "keys" / "station_ed25519.pem"
    before = sha256(key)
    args = (
        "init",
        "--unit-code",
        "000.00.12.H29",
        "--unit-name",
        "X",
        "--station",
        "1",
        "--admin",
        "quantri",
        "--password-stdin",
        "--catalog",
        "none",
    )
    assert_refused(onestop(station_copy, *args, input="matkhau-2025\n"))
    (station_copy / "onestop.db").unlink()
    for side in ("onestop.db-wal", "onestop.db-shm"):
        (station_copy / side).unlink(missing_ok=True)
    assert_refused(onestop(station_copy, *args, input="matkhau-2025\n"), "khóa ký")
    assert sha256(key) == before


# --------------------------------------------------------------------------------------------------
# Intake, act and ledger import: a cut at SQLite writes (tests/e2e/sql_cut.py) and at a random time

SQL_CUT = Path(__file__).resolve().parent / "sql_cut.py"
RANDOM = random.Random(7)

STATE = """
import json, sys
from pathlib import Path
from onestop_desktop import paths
from onestop_desktop.cli.common import open_session
from onestop_desktop.services import integrity
ctx = open_session(paths.DataDir(Path(sys.argv[1])))
report = integrity.verify(ctx)
rebuilt = integrity.rebuild(ctx, write=False)
rows = ctx.store.query("SELECT code, status, applicant_address FROM dossiers")
print(json.dumps({"verify": report.ok, "rebuild_clean": rebuilt.clean,
                  "dossiers": {r["code"]: [r["status"], r["applicant_address"]] for r in rows}}))
"""


def state(data: Path) -> dict[str, Any]:
    """The station as the app opens it: ``verify``, ``rebuild --dry-run`` and every dossier."""
    result = ok(run_command([sys.executable, "-c", STATE, str(data)]))
    value: dict[str, Any] = json.loads(result.stdout)
    assert value["verify"], "verify failed after a cut"
    assert value["rebuild_clean"], "rebuild --dry-run found differences after a cut"
    return value


def cut(data: Path, k: int, *args: object) -> CliResult:
    """``onestop --data-dir data args…`` killed before its k-th write statement (0: uncut)."""
    return run_command([sys.executable, str(SQL_CUT), str(k), "--data-dir", str(data), *args])


def kill_later(data: Path, seconds: float, *args: object) -> CliResult:
    """``onestop`` SIGKILLed after ``seconds`` if still running (a cut at a random moment)."""
    argv = [sys.executable, "-m", "onestop_desktop", "--data-dir", str(data)]
    try:
        return run_command([*argv, *(str(a) for a in args)], timeout=seconds)
    except subprocess.TimeoutExpired:  # run() has SIGKILLed the child
        return CliResult(argv, -signal.SIGKILL, "", "")


def attempt(data: Path, k: int, *args: object) -> CliResult:
    """Cut before the k-th write statement, or at a random moment for k < 0."""
    return kill_later(data, RANDOM.uniform(0.3, 1.5), *args) if k < 0 else cut(data, k, *args)


def writes(result: CliResult) -> int:
    """How many write statements an uncut run (k = 0) made."""
    return int(result.stderr.rsplit("sql_cut:", 1)[1].split()[0])


def cut_points(n: int) -> list[int]:
    """A short sample for CI across the transaction: the first write, the middle, the COMMIT
    and the statement after it. ``benchmarks/power_cut.py`` tries every point many times."""
    return sorted({1, max(1, n // 2), max(1, n - 1), n})


def killed(result: CliResult) -> bool:
    assert result.returncode in (0, -signal.SIGKILL), result.stderr
    return result.returncode != 0


RECEIVE = ("dossier", "receive", "--procedure", "2.000815", "--json")


@pytest.fixture(scope="module")
def busy_station(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A station with the starter catalogue (for intakes, acts and ledger rows)."""
    data = tmp_path_factory.mktemp("power-cut-work") / "data"
    init_station(data, catalog="starter")
    return data


def test_intake_cut_at_every_sampled_write_keeps_every_acknowledged_dossier(
    busy_station: Path,
) -> None:
    data = busy_station
    first = ok(cut(data, 0, *RECEIVE, "--name", "Nguyễn Văn An", "--address", "cut-0"))
    acknowledged = {json.loads(first.stdout)["code"]}
    tries = [*cut_points(writes(first)), -1]
    for n, k in enumerate(tries, start=1):
        args = (*RECEIVE, "--name", f"Trần Văn {'ABCDEFGH'[n]}", "--address", f"cut-{n}")
        result = attempt(data, k, *args)
        if not killed(result):
            acknowledged.add(json.loads(result.stdout)["code"])
        seen = state(data)["dossiers"]
        assert acknowledged <= set(seen), "an acknowledged intake was lost"
        assert len(seen) <= len(acknowledged) + n
    # The next intake gets a fresh code: no cut left the day's counter behind a used code.
    after = json.loads(ok(onestop(data, *RECEIVE, "--name", "Lê Thị Bình")).stdout)["code"]
    assert after not in acknowledged


def test_act_cut_at_every_sampled_write_is_all_or_nothing(busy_station: Path) -> None:
    data = busy_station

    def fresh(n: int) -> str:
        result = ok(onestop(data, *RECEIVE, "--name", f"Phạm Thị {'ABCDEFGH'[n]}"))
        return str(json.loads(result.stdout)["code"])

    code = fresh(0)
    received = state(data)["dossiers"][code][0]
    first = ok(cut(data, 0, "dossier", "act", code, "result_ready"))
    done = {code}
    ready = state(data)["dossiers"][code][0]
    for n, k in enumerate([*cut_points(writes(first)), -1], start=1):
        target = fresh(n)
        args = ("dossier", "act", target, "result_ready")
        result = attempt(data, k, *args)
        if not killed(result):
            done.add(target)
        seen = state(data)["dossiers"]
        ready = seen[code][0]
        assert all(seen[c][0] == ready for c in done), "an acknowledged act was lost"
        assert seen[target][0] in (received, ready)
    assert ready != received


def _ledger(path: Path, tag: str) -> Path:
    header = "Mã thủ tục,Họ tên chủ hồ sơ,Địa chỉ,Ngày nhận,Ngày hẹn trả,Trạng thái,Ghi chú\n"
    rows = "".join(
        f"2.000815,Hoàng Văn An,{tag}-{i},03/03/2025 09:00,04/03/2025,Đang xử lý,\n"
        for i in range(3)
    )
    path.write_text(header + rows, encoding="utf-8")
    return path


def test_ledger_import_cut_at_every_sampled_write_is_all_or_nothing(
    busy_station: Path, tmp_path: Path
) -> None:
    data = busy_station
    first = ok(cut(data, 0, "ledger", "import", _ledger(tmp_path / "so-0.csv", "so-0")))
    acknowledged = {"so-0"}
    for n, k in enumerate([*cut_points(writes(first)), -1], start=1):
        tag = f"so-{n}"
        path = _ledger(tmp_path / f"{tag}.csv", tag)
        result = attempt(data, k, "ledger", "import", path)
        if not killed(result):
            acknowledged.add(tag)
        seen = state(data)["dossiers"]
        for t in {f"so-{i}" for i in range(n + 1)}:
            rows = sum(1 for _, address in seen.values() if str(address).startswith(f"{t}-"))
            assert rows in (0, 3), f"{t}: {rows} of 3 rows after a cut"
            assert rows == 3 or t not in acknowledged, f"acknowledged import {t} lost"
