"""Make the app icon: resources/icons/onestop.svg, PNGs 16..256 and onestop.ico.

    .venv/bin/python installer/make_icons.py [--check]

The icon is a door (the "one door" of *Bộ phận Một cửa*) on a blue rounded square, with a
yellow step. Its shapes are defined once, in a 256-unit square, and drawn twice from the same
numbers: written as SVG (for Linux desktops, which scale it) and painted with Pillow at 4x then
scaled down (the PNG sizes the hicolor theme and Windows want, and the .ico for the Windows
executable and shortcuts). The outputs are committed (a few kB each), so a build needs neither
this script nor Pillow's drawing to be run; ``--check`` exits 1 if the committed files differ
from what this script makes (tests/unit/test_windows_safety.py runs it).
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from PIL import Image, ImageDraw

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)
SCALE = 4  # paint at 1024 px, then scale down: smooth edges without an SVG renderer

BLUE = "#1F5FA8"
WHITE = "#FFFFFF"
YELLOW = "#F2B705"

# Shapes in a 256 x 256 square.
BACKGROUND = (8, 8, 248, 248, 48)  # x0, y0, x1, y1, corner radius
DOOR = (80, 64, 176, 212)  # x0, top of the arch, x1, bottom; the arch is a half circle
KNOB = (154, 146, 11)  # cx, cy, r
STEP = (52, 206, 204, 226, 8)  # x0, y0, x1, y1, corner radius


def svg() -> str:
    """The icon as SVG text (the same shapes as :func:`paint`)."""
    bx0, by0, bx1, by1, br = BACKGROUND
    dx0, dtop, dx1, dbottom = DOOR
    radius = (dx1 - dx0) // 2
    kx, ky, kr = KNOB
    sx0, sy0, sx1, sy1, sr = STEP
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">\n'
        "  <title>OneStop Desktop</title>\n"
        f'  <rect x="{bx0}" y="{by0}" width="{bx1 - bx0}" height="{by1 - by0}" rx="{br}" '
        f'fill="{BLUE}"/>\n'
        f'  <path d="M{dx0},{dbottom} V{dtop + radius} A{radius},{radius} 0 0 1 {dx1},'
        f'{dtop + radius} V{dbottom} Z" fill="{WHITE}"/>\n'
        f'  <circle cx="{kx}" cy="{ky}" r="{kr}" fill="{BLUE}"/>\n'
        f'  <rect x="{sx0}" y="{sy0}" width="{sx1 - sx0}" height="{sy1 - sy0}" rx="{sr}" '
        f'fill="{YELLOW}"/>\n'
        "</svg>\n"
    )


def paint() -> Image.Image:
    """The icon painted at 256 x SCALE pixels, transparent outside the rounded square."""
    size = 256 * SCALE
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)

    def s(*values: int) -> list[int]:
        return [v * SCALE for v in values]

    bx0, by0, bx1, by1, br = BACKGROUND
    draw.rounded_rectangle(s(bx0, by0, bx1, by1), radius=br * SCALE, fill=BLUE)
    dx0, dtop, dx1, dbottom = DOOR
    radius = (dx1 - dx0) // 2
    draw.pieslice(s(dx0, dtop, dx1, dtop + 2 * radius), 180, 360, fill=WHITE)
    draw.rectangle(s(dx0, dtop + radius, dx1, dbottom), fill=WHITE)
    kx, ky, kr = KNOB
    draw.ellipse(s(kx - kr, ky - kr, kx + kr, ky + kr), fill=BLUE)
    sx0, sy0, sx1, sy1, sr = STEP
    draw.rounded_rectangle(s(sx0, sy0, sx1, sy1), radius=sr * SCALE, fill=YELLOW)
    return image


def outputs() -> dict[str, bytes]:
    """File name -> content of every icon file this script makes."""
    big = paint()
    files: dict[str, bytes] = {"onestop.svg": svg().encode("utf-8")}
    images = {}
    for size in SIZES:
        images[size] = big.resize((size, size), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        images[size].save(buffer, format="PNG", optimize=True)
        files[f"onestop-{size}.png"] = buffer.getvalue()
    buffer = io.BytesIO()
    # Pillow's ICO writer scales the given image to each size; hand it the largest.
    images[256].save(buffer, format="ICO", sizes=[(n, n) for n in SIZES])
    files["onestop.ico"] = buffer.getvalue()
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    stale = []
    for name, data in outputs().items():
        path = ICONS / name
        if args.check:
            if not path.is_file() or path.read_bytes() != data:
                stale.append(name)
            continue
        ICONS.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"{path.relative_to(ICONS.parent.parent)}: {len(data)} bytes")
    if stale:
        print("make_icons.py: out of date: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
