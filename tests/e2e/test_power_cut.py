"""Power-cut suite (short CI sample): a real SIGKILL of ``onestop restore`` at every fault point
(each copy, fsync and rename; ``files.FAULT_ENV``), then the next open must find either the old
database or the restored one, never none, and say whether it completed or rolled back; the
station key is never touched, and ``init`` refuses to run over what is left.

``benchmarks/power_cut.py`` runs the same checks many more times with random SIGKILLs.
"""

from __future__ import annotations

import json
import signal
import sys
from pathlib import Path

from tests.e2e.conftest import assert_refused, ok, onestop, run_command, sha256

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
        result = onestop(station_copy, "restore", demo_backup, env={"ONESTOP_FAULT_AT": str(step)})
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
            ok(onestop(station_copy, "restore", kept[-1]))
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
