"""The receipt's QR code as one path (#10 receipt speed): ``base.QrCode`` fills one path of
module runs in module units instead of a rectangle operator per run. The code on paper must be
the same: rendered both ways at 144 dpi, every module's centre has the same colour, the pages
differ nowhere outside the code's box, and the new one decodes to the dossier code.
"""

from __future__ import annotations

import io

import pypdfium2
import zxingcpp
from PIL import Image, ImageChops
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from onestop_desktop.slips import base

CODE = "000.00.12.H29-250706-1001"
SIZE = 24 * mm
AT = (100.0, 500.0)
DPI = 144


class RectQr(base.QrCode):
    """The QR code as it was drawn before: one filled rectangle operator per run."""

    def draw(self) -> None:
        n = len(base.qr_matrix(self.value))
        unit = self.size / (n + 2 * self.QUIET)
        c = self.canv
        c.saveState()
        c.setFillColor(colors.black)
        for r, col, length in base.qr_runs(self.value):
            y = self.size - (r + 1 + self.QUIET) * unit
            c.rect((col + self.QUIET) * unit, y, length * unit, unit, stroke=0, fill=1)
        c.restoreState()


def page(qr: base.QrCode) -> Image.Image:
    base.register_fonts()
    buffer = io.BytesIO()
    c = Canvas(buffer, initialFontName=base.FONT)
    qr.wrapOn(c, SIZE, SIZE)
    qr.drawOn(c, *AT)
    c.showPage()
    c.save()
    rendered = pypdfium2.PdfDocument(buffer.getvalue())[0].render(scale=DPI / 72).to_pil()
    return rendered.convert("L")


def test_qr_path_prints_the_same_modules_as_the_rectangles() -> None:
    new, old = page(base.QrCode(CODE, SIZE)), page(RectQr(CODE, SIZE))
    matrix = base.qr_matrix(CODE)
    n = len(matrix)
    scale = DPI / 72
    unit = SIZE / (n + 2 * base.QrCode.QUIET)
    height = new.height
    for r in range(-base.QrCode.QUIET, n + base.QrCode.QUIET):
        for col in range(-base.QrCode.QUIET, n + base.QrCode.QUIET):
            dark = 0 <= r < n and 0 <= col < n and matrix[r][col]
            x = (AT[0] + (col + base.QrCode.QUIET + 0.5) * unit) * scale
            y = height - (AT[1] + SIZE - (r + base.QrCode.QUIET + 0.5) * unit) * scale
            for img in (new, old):
                assert (int(img.getpixel((int(x), int(y))) or 0) < 128) == dark, (r, col)
    diff = ImageChops.difference(new, old).getbbox()
    box = (
        int(AT[0] * scale) - 1,
        int(height - (AT[1] + SIZE) * scale) - 1,
        int((AT[0] + SIZE) * scale) + 2,
        int(height - AT[1] * scale) + 2,
    )
    if diff is not None:  # only anti-aliased module edges may differ, inside the code's box
        assert box[0] <= diff[0] and box[1] <= diff[1] and diff[2] <= box[2] and diff[3] <= box[3]
    decoded = zxingcpp.read_barcodes(new)
    assert [d.text for d in decoded] == [CODE]


def test_qr_path_is_one_fill_of_integer_runs() -> None:
    path = base.qr_path(CODE).splitlines()
    matrix = base.qr_matrix(CODE)
    runs = 0
    for row in matrix:
        runs += sum(1 for i, dark in enumerate(row) if dark and (i == 0 or not row[i - 1]))
    assert len(path) == runs
    assert all(line.endswith(" re") and line[:-3].replace(" ", "").isdigit() for line in path)
