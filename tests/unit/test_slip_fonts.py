"""The slips' font (#10 receipt speed): ``slips.fonts.SlipFont`` measures and subsets the
shipped DejaVu Sans with less work than reportlab's ``TTFont``. It must write the same bytes:
the same subset file for any glyph set, the same widths, and the same whole receipt.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest
from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from onestop_desktop.resources_check import font_paths
from onestop_desktop.slips import base, forms
from onestop_desktop.slips.fonts import SlipFont
from onestop_desktop.slips.model import Layout

from .test_slip_lines import LONG, MANY, receipt

RECEIPT_TEXT = (
    "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ Nguyễn Thị Lan, Thôn Đông, xã Tân Thành "
    "0912345678 Cộng hòa xã hội chủ nghĩa Việt Nam – Độc lập - Tự do - Hạnh phúc …"
)


@pytest.fixture(params=["regular", "bold"])
def pair(request: pytest.FixtureRequest) -> tuple[TTFont, SlipFont]:
    path = str(font_paths()[request.param])
    return TTFont("stock", path), SlipFont("slip", path)


def test_subset_files_are_reportlabs_byte_for_byte(pair: tuple[TTFont, SlipFont]) -> None:
    stock, slip = pair
    codes = sorted(stock.face.charToGlyph)
    rng = random.Random(10)
    subsets = [list(range(128)) + sorted({ord(c) for c in RECEIPT_TEXT if ord(c) > 127})]
    subsets += [[0, *rng.sample(codes, rng.randint(1, 255))] for _ in range(60)]
    subsets.append([0, 0x10FFFF, 32])  # a code the font lacks maps to glyph 0
    composite = 0
    for subset in subsets:
        assert slip.face.makeSubset(subset) == stock.face.makeSubset(subset)
    for glyph in range(len(slip.face.glyphPos) - 1):
        composite += bool(slip.face._components(glyph)[0])
    assert composite > 100  # the precomposed Vietnamese letters are composite glyphs


def test_string_widths_are_the_same_floats(pair: tuple[TTFont, SlipFont]) -> None:
    stock, slip = pair
    rng = random.Random(11)
    codes = sorted(stock.face.charToGlyph)
    texts: list[str | bytes] = [RECEIPT_TEXT, "", "\U0010ffff missing", RECEIPT_TEXT.encode()]
    texts += ["".join(map(chr, rng.sample(codes, 40))) for _ in range(100)]
    for text in texts:
        for size in (8.0, 9.0, 9.5, 11.0, 13.3):
            assert slip.stringWidth(text, size) == stock.stringWidth(text, size)


@pytest.fixture
def invariant() -> Iterator[None]:
    """Files with a fixed date and ID, so two renderings can be compared byte for byte."""
    kept = rl_config.invariant
    rl_config.invariant = 1
    yield
    rl_config.invariant = kept


@pytest.mark.parametrize("layout", [Layout(), Layout("a5", "a5_each"), Layout("80mm")])
def test_receipt_is_the_same_file_with_reportlabs_fonts(invariant: None, layout: Layout) -> None:
    base.register_fonts()
    fonts = pdfmetrics._fonts
    assert isinstance(fonts[base.FONT], SlipFont)
    paths = font_paths()
    stock = {
        base.FONT: TTFont(base.FONT, str(paths["regular"])),
        base.FONT_BOLD: TTFont(base.FONT_BOLD, str(paths["bold"])),
    }
    for slip in (receipt(), receipt(LONG, MANY)):
        ours = forms.render_receipt(slip, layout)
        kept = {name: fonts[name] for name in stock}
        fonts.update(stock)
        try:
            theirs = forms.render_receipt(slip, layout)
        finally:
            fonts.update(kept)
        assert ours == theirs
