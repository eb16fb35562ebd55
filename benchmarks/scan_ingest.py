"""Scanner intake (#11): what attaching costs against the floor of hashing and copying the bytes.

Two batches, generated here:

* a 20-page A4 TIFF at 300 dpi (2480×3508, 8-bit grey, LZW), as a sheet-fed scanner writes it;
* 100 phone-camera JPEGs (4000×3000, quality 85, noisy enough to be photo-sized).

For each: ``services.attachments.attach`` into a fresh station (content check by full decode,
content-addressed store with fsync, one transaction of events), against the floor: reading the
same bytes, hashing them with SHA-256 and writing a copy with fsync. Peak memory is measured
twice: Python allocations (``tracemalloc``; it does not see Pillow's pixel buffers, which Pillow
allocates in its own arena) and the process's peak resident set (``ru_maxrss``, which does), each
case in a fresh child process so one case does not hide another.

    .venv/bin/python benchmarks/scan_ingest.py [--jpegs 100] [--pages 20]

Figures are printed and written to ``benchmarks/out/scan_ingest.json``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent / "out" / "scan_ingest.json"


def make_tiff(folder: Path, pages: int) -> list[Path]:
    from PIL import Image, ImageDraw

    frames = []
    for i in range(pages):
        im = Image.effect_noise((2480, 3508), 12).point(lambda v: 235 if v > 120 else 40)
        draw = ImageDraw.Draw(im)
        draw.rectangle([200, 200, 2280, 400], fill=0)
        draw.text((300, 600), f"trang {i + 1}", fill=0)
        frames.append(im.convert("L"))
    path = folder / "hop-dong-20-trang.tif"
    frames[0].save(
        path,
        "TIFF",
        save_all=True,
        append_images=frames[1:],
        compression="tiff_lzw",
        dpi=(300, 300),
    )
    return [path]


def make_jpegs(folder: Path, count: int) -> list[Path]:
    """12-megapixel photos of about 3 MB each (a phone camera's), every one different."""
    from PIL import Image, ImageDraw

    base = Image.merge(
        "RGB", [Image.effect_noise((1000, 750), 30 + 10 * c) for c in range(3)]
    ).resize((4000, 3000), Image.Resampling.BICUBIC)
    out = []
    for i in range(count):
        path = folder / f"IMG_{i:04d}.jpg"
        im = base.copy()
        ImageDraw.Draw(im).text((100 + i, 100), f"anh {i}", fill=(255, 255, 255))
        exif = Image.Exif()
        exif[0x0112] = 6 if i % 3 == 0 else 1
        im.save(path, "JPEG", quality=90, exif=exif.tobytes())
        out.append(path)
    return out


def floor(paths: list[Path], dest: Path) -> None:
    """Read, SHA-256 and write a fsynced copy of every file: the least any ingest must do."""
    dest.mkdir(parents=True, exist_ok=True)
    for p in paths:
        digest = hashlib.sha256()
        with p.open("rb") as src, (dest / p.name).open("wb") as out:
            while chunk := src.read(1024 * 1024):
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())


def ingest(paths: list[Path], work: Path) -> None:
    from onestop_desktop import paths as pathmod
    from onestop_desktop.services import attachments, catalog, dossiers, station
    from onestop_desktop.services.dossiers import Applicant, Intake

    data = pathmod.DataDir(work / "station")
    ctx = station.init_data_dir(
        data,
        unit_code="000.00.12.H29",
        unit_name="UBND xã Hòa Bình",
        station=1,
        admin="admin",
        password="admin-pass-1",
    )
    catalog.ensure_starter(ctx)
    code = dossiers.receive(ctx, Intake("1.004873", Applicant(name="Nguyễn Văn A"))).code
    attachments.attach(ctx, code, paths)
    ctx.store.close()


def _vm_hwm() -> int:
    """This process's peak resident set in bytes (``VmHWM``: unlike ``ru_maxrss``, not
    inherited from the parent that generated the images)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def child(case: str, kind: str, folder: Path) -> dict[str, Any]:
    """One measured run in this (fresh) process."""
    paths = sorted(p for p in folder.iterdir() if p.is_file())
    work = Path(tempfile.mkdtemp(prefix="scan-bench-"))
    if case == "ingest":  # imports and a first small attach: not what is measured
        from PIL import Image

        Image.new("L", (200, 280), 255).save(work / "warm.png")
        ingest([work / "warm.png"], work / "warm")
    rss_before = _vm_hwm()
    tracemalloc.start()
    t0, c0 = time.perf_counter(), time.process_time()
    if case == "floor":
        floor(paths, work / "copy")
    else:
        ingest(paths, work / "run")
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = _vm_hwm()
    return {
        "case": case,
        "kind": kind,
        "files": len(paths),
        "bytes": sum(p.stat().st_size for p in paths),
        "wall_s": wall,
        "cpu_s": cpu,
        "tracemalloc_peak": peak,
        "rss_peak": rss,
        "rss_before": rss_before,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--jpegs", type=int, default=100)
    ap.add_argument("--pages", type=int, default=20)
    ap.add_argument("--child", nargs=3, metavar=("CASE", "KIND", "FOLDER"))
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.child[0], args.child[1], Path(args.child[2]))))
        return
    root = Path(tempfile.mkdtemp(prefix="scan-input-"))
    (root / "tiff").mkdir()
    (root / "jpeg").mkdir()
    make_tiff(root / "tiff", args.pages)
    make_jpegs(root / "jpeg", args.jpegs)
    results = []
    for kind in ("tiff", "jpeg"):
        for case in ("floor", "ingest"):
            out = subprocess.run(
                [sys.executable, __file__, "--child", case, kind, str(root / kind)],
                capture_output=True,
                text=True,
                check=True,
            )
            r = json.loads(out.stdout.strip().splitlines()[-1])
            results.append(r)
            print(
                f"{kind:5} {case:6} {r['files']:4} files {r['bytes'] / 2**20:8.1f} MB "
                f"wall {r['wall_s']:7.2f} s cpu {r['cpu_s']:7.2f} s "
                f"tracemalloc {r['tracemalloc_peak'] / 2**20:7.1f} MB "
                f"RSS peak {r['rss_peak'] / 2**20:7.1f} MB (before {r['rss_before'] / 2**20:.1f})"
            )
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
