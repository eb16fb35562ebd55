"""Start-up of the frozen app against the app run from source (#14).

    .venv/bin/python benchmarks/frozen_startup.py [--app dist/onestop-desktop] [--runs 7]

Both run ``onestop --data-dir D gui --smoke-test`` (offscreen Qt: start, open the database,
show the sign-in window, quit) on the same demo station, interleaved (frozen, source, frozen,
…) so a busy machine slows both alike. For each run: the wall time until the app prints
``sign-in window shown`` (the window is up), the wall time to exit, and the CPU time the child
used (user + system, from ``RUSAGE_CHILDREN``), which a loaded machine disturbs far less than
wall time. Prints the medians and the frozen/source ratios. Needs a built folder
(``bash installer/build.sh``); the figures go in docs/install.md.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHOWN = "sign-in window shown"


def child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """(seconds to the sign-in window, seconds to exit, CPU seconds) of one start."""
    cpu_before = child_cpu()
    started = time.perf_counter()
    proc = subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
    )
    assert proc.stdout is not None
    shown = None
    for line in proc.stdout:
        if SHOWN in line and shown is None:
            shown = time.perf_counter() - started
    code = proc.wait()
    ended = time.perf_counter() - started
    if code != 0 or shown is None:
        raise SystemExit(f"{argv[0]}: exit {code}, sign-in window shown: {shown is not None}")
    return shown, ended, child_cpu() - cpu_before


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--app", type=Path, default=ROOT / "dist" / "onestop-desktop")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    exe = args.app / ("onestop.exe" if os.name == "nt" else "onestop")
    source = ROOT / ".venv" / "bin" / "onestop"
    if not exe.is_file():
        raise SystemExit(f"no frozen app at {exe}: run bash installer/build.sh")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with tempfile.TemporaryDirectory() as tmp:
        data = str(Path(tmp) / "data")
        subprocess.run(
            [str(source), "--data-dir", data, "demo", "--dossiers", "5", "--quiet"],
            check=True,
            env=env,
            capture_output=True,
        )
        sides = {"frozen": [str(exe)], "source": [str(source)]}
        results: dict[str, list[tuple[float, float, float]]] = {name: [] for name in sides}
        for argv in sides.values():  # one untimed start each: the disk cache
            run_once([*argv, "--data-dir", data, "gui", "--smoke-test"], env)
        for _ in range(args.runs):
            for name, argv in sides.items():
                results[name].append(
                    run_once([*argv, "--data-dir", data, "gui", "--smoke-test"], env)
                )
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"gui --smoke-test, {args.runs} interleaved runs each, load average {load:.1f}")
    medians: dict[str, tuple[float, float, float]] = {}
    for name, rows in results.items():
        medians[name] = (
            statistics.median(r[0] for r in rows),
            statistics.median(r[1] for r in rows),
            statistics.median(r[2] for r in rows),
        )
        shown, ended, cpu = medians[name]
        print(f"  {name:6}  window {shown:.2f} s   exit {ended:.2f} s   CPU {cpu:.2f} s (medians)")
    f, s = medians["frozen"], medians["source"]
    print(
        f"  frozen/source: window {f[0] / s[0]:.2f}, exit {f[1] / s[1]:.2f}, CPU {f[2] / s[2]:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
