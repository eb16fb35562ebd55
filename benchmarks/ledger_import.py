"""Ledger import throughput and memory: ``benchmarks/ledger_import.py --rows 100000 1000000``.

For each size, writes a Sổ theo dõi CSV of that many rows (varied names, addresses, dates over two
years, every final and open status, procedures of the starter catalogue, no dossier codes), makes
a fresh station with ``onestop init`` and runs ``onestop ledger import FILE --progress`` as a child
process, as a clerk would. Prints rows/s (wall time of the import command, start-up included) and
the child's peak RSS (VmHWM, sampled from /proc), and the database size afterwards; every
minute a line on stderr gives the rows done so far and the RSS, so a long run shows its rate
and that the memory stays flat.
Figures go to stdout and, as JSON, to ``benchmarks/out/ledger-<N>.json``.

Everything happens in one temporary folder, removed at the end (``--keep`` keeps it). A 1,000,000
row import is one transaction: the WAL grows to about the size of the data imported (see
docs/benchmarks.md), so keep a few GB free.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"

HEADERS = [
    "STT",
    "Mã thủ tục",
    "Họ tên chủ hồ sơ",
    "Số định danh",
    "Địa chỉ",
    "Số điện thoại",
    "Ngày nhận",
    "Ngày hẹn trả",
    "Ngày có kết quả",
    "Ngày trả kết quả",
    "Trạng thái",
    "Ghi chú",
]
PROCEDURES = ["1.004873", "2.000815", "1.004222", "1.001193"]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Lò", "Hà"]
MIDDLE = ["Văn", "Thị", "Minh", "Thu", "Quang", "Ngọc", "Đức", "Thanh"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hải", "Hiếu", "Hùng", "Huy", "Lan", "Mai"]
PROVINCES = ["001", "079", "031", "040", "038"]  # Hà Nội, TP HCM, Hải Phòng, Nghệ An, Thanh Hóa
HAMLETS = ["Thôn Đông", "Thôn Tây", "Thôn Nam", "Thôn Bắc", "Bản Mường", "Xóm Chùa"]


def write_ledger(path: Path, rows: int, seed: int = 7) -> None:
    """A valid ledger of ``rows`` rows, streamed to disk (constant memory)."""
    rnd = random.Random(seed)
    start = date(2024, 1, 1)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["SỔ THEO DÕI HỒ SƠ (dữ liệu thử)"])
        writer.writerow(HEADERS)
        for i in range(rows):
            received = datetime.combine(
                start + timedelta(days=rnd.randrange(700)), datetime.min.time()
            ) + timedelta(hours=7 + rnd.randrange(9), minutes=rnd.randrange(60))
            due = received + timedelta(days=rnd.randrange(1, 15))
            kind = rnd.random()
            result = returned = ""
            if kind < 0.7:
                status = "Đã trả kết quả"
                done = received + timedelta(days=rnd.randrange(0, 16))
                result = f"{done:%d/%m/%Y}"
                returned = f"{done + timedelta(hours=2):%d/%m/%Y %H:%M}"
            elif kind < 0.85:
                status = "Đang xử lý"
            elif kind < 0.95:
                status = "Đã xử lý xong"
                result = f"{received + timedelta(days=rnd.randrange(0, 10)):%d/%m/%Y}"
            else:
                status = "Công dân yêu cầu rút hồ sơ"
            name = f"{rnd.choice(FAMILY)} {rnd.choice(MIDDLE)} {rnd.choice(GIVEN)}"
            writer.writerow(
                [
                    i + 1,
                    rnd.choice(PROCEDURES),
                    name,
                    f"{rnd.choice(PROVINCES)}{rnd.randrange(2)}{rnd.randrange(50, 100)}"
                    f"{rnd.randrange(10**6):06d}"
                    if rnd.random() < 0.6
                    else "",
                    f"Số {rnd.randrange(1, 400)}, {rnd.choice(HAMLETS)}",
                    f"09{rnd.randrange(10**8):08d}" if rnd.random() < 0.5 else "",
                    f"{received:%d/%m/%Y %H:%M}",
                    f"{due:%d/%m/%Y}",
                    result,
                    returned,
                    status,
                    "" if rnd.random() < 0.8 else "Bổ sung giấy tờ",
                ]
            )


def cli(data: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "onestop_desktop", "--data-dir", str(data), *args]
    return subprocess.run(cmd, input=stdin, text=True, capture_output=True, check=False)


PROGRESS = re.compile(r"([\d.]+)/[\d.]+ dòng")


def _memory(pid: int) -> tuple[int, int]:
    """``(VmRSS, VmHWM)`` of a live process in kB (0, 0 once it is gone)."""
    values = {"VmRSS:": 0, "VmHWM:": 0}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            parts = line.split()
            if parts and parts[0] in values:
                values[parts[0]] = int(parts[1])
    except (OSError, ValueError, IndexError):
        pass
    return values["VmRSS:"], values["VmHWM:"]


def run_one(rows: int, work: Path, sample_every: float = 60.0) -> dict[str, object]:
    folder = work / f"ledger-{rows}"
    folder.mkdir()
    ledger = folder / "so-theo-doi.csv"
    t0 = time.perf_counter()
    write_ledger(ledger, rows)
    generated = time.perf_counter() - t0
    data = folder / "data"
    init = cli(
        data,
        "init",
        "--unit-code",
        "000.00.12.H29",
        "--unit-name",
        "UBND xã Hòa Bình",
        "--station",
        "1",
        "--admin",
        "quantri",
        "--password-stdin",
        stdin="matkhau-2025\n",
    )
    if init.returncode != 0:
        raise SystemExit(f"init failed: {init.stderr}")
    t0 = time.perf_counter()
    cmd = [
        sys.executable,
        "-m",
        "onestop_desktop",
        "--data-dir",
        str(data),
        "ledger",
        "import",
        str(ledger),
        "--progress",
        "--json",
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    done = [0]
    errors: list[str] = []

    def follow() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            if m := PROGRESS.search(line):
                done[0] = int(m[1].replace(".", ""))
            else:
                errors.append(line.rstrip())

    reader = threading.Thread(target=follow, daemon=True)
    reader.start()
    peak_kb = 0
    samples: list[dict[str, float]] = []
    last_sample = 0.0
    while proc.poll() is None:
        rss_kb, hwm_kb = _memory(proc.pid)
        peak_kb = max(peak_kb, hwm_kb)
        elapsed = time.perf_counter() - t0
        if elapsed - last_sample >= sample_every:
            last_sample = elapsed
            samples.append({"s": round(elapsed), "rows": done[0], "rss_mb": round(rss_kb / 1024)})
            print(
                f"  … {elapsed:7.0f} s {done[0]:>9} rows {rss_kb / 1024:7.1f} MB RSS",
                file=sys.stderr,
                flush=True,
            )
        time.sleep(0.5)
    stdout = proc.stdout.read() if proc.stdout else ""
    seconds = time.perf_counter() - t0
    reader.join(timeout=5)
    if proc.returncode != 0:
        raise SystemExit(f"import failed with exit {proc.returncode}: {errors[:5]}")
    report = json.loads(stdout)
    db_bytes = sum(p.stat().st_size for p in data.glob("onestop.db*"))
    return {
        "rows": rows,
        "file_mb": round(ledger.stat().st_size / 1e6, 1),
        "generate_s": round(generated, 1),
        "import_s": round(seconds, 1),
        "rows_per_s": round(rows / seconds),
        "imported": report["imported"],
        # VmHWM of the import process, read from /proc every half second.
        "peak_rss_mb": round(peak_kb / 1024, 1),
        "samples": samples,
        "db_mb": round(db_bytes / 1e6, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="onestop-ledger-bench-"))
    try:
        print(f"{'rows':>10} {'file MB':>8} {'import s':>9} {'rows/s':>8} {'peak RSS MB':>12}")
        for rows in sorted(args.rows):
            result = run_one(rows, work)
            (OUT / f"ledger-{rows}.json").write_text(json.dumps(result, indent=2) + "\n")
            print(
                f"{rows:>10} {result['file_mb']:>8} {result['import_s']:>9} "
                f"{result['rows_per_s']:>8} {result['peak_rss_mb']:>12}",
                flush=True,
            )
            shutil.rmtree(work / f"ledger-{rows}" / "data", ignore_errors=not args.keep)
    finally:
        if args.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUTF8", "1")
    raise SystemExit(main())
