"""The slips' TrueType font: reportlab's ``TTFont`` with its per-document work done once per
process where it does not depend on the document, and the same bytes written.

Every slip measures its texts (``stringWidth``, a couple of hundred calls a receipt) and embeds
a subset of each font it uses (``makeSubset``). reportlab does both in pure Python (its C
accelerator is an optional package), and a receipt spent about a quarter of its time there:

* ``stringWidth`` walked the text with a generator, an ``ord`` and a dict look-up per
  character. :class:`SlipFont` looks the characters up in a table keyed by the character
  itself, by ``map``: the same widths, added in the same order, so the same float.
* ``makeSubset`` re-read the composite glyphs' component lists from the file by seeks and
  two-byte reads every time, copied each table out of the font again and checksummed it. What
  depends only on the font (each glyph's bytes and its components, the copied tables and their
  checksums) is kept on the face after its first use (:class:`SlipFontFace`); what depends on
  the glyphs of the subset (glyph order, metrics, cmap, glyf, loca) is built for each subset as
  before. The file is the one reportlab writes, byte for byte
  (``tests/unit/test_slip_fonts.py`` compares them).
* Each subset's ``/Widths`` array (a couple of hundred numbers a receipt, the 128 ASCII codes
  of the first subset included) was formatted number by number with ``fp_str`` when the file
  was written: the numbers are formatted once per character and handed to the array as the
  bytes it would have written.
"""

from __future__ import annotations

from itertools import repeat
from struct import pack, unpack_from
from typing import Any

from reportlab import rl_config
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.ttfonts import (
    GF_ARG_1_AND_2_ARE_WORDS,
    GF_MORE_COMPONENTS,
    GF_WE_HAVE_A_SCALE,
    GF_WE_HAVE_A_TWO_BY_TWO,
    GF_WE_HAVE_AN_X_AND_Y_SCALE,
    TTFont,
    TTFontFace,
    makeToUnicodeCMap,
)
from reportlab.pdfbase.ttfonts import SUBSETN as SUBSET_NAME

COPIED = ("name", "OS/2", "cvt ", "fpgm", "prep")
"""The tables ``makeSubset`` copies from the font unchanged (the optional ones may be absent)."""


def _checksum(data: bytes) -> int:
    """A TrueType table checksum (the sum of its big-endian 32-bit words, zero-padded), as
    reportlab's ``calcChecksum`` computes it."""
    if len(data) & 3:
        data = data + (4 - (len(data) & 3)) * b"\0"
    return sum(unpack_from(f">{len(data) >> 2}L", data)) & 0xFFFFFFFF


class SlipFontFace(TTFontFace):
    """A ``TTFontFace`` whose ``makeSubset`` keeps what is fixed per font (see the module
    docstring). Only the class of a loaded face is changed to this one (:class:`SlipFont`)."""

    _glyf: bytes
    _parts: dict[int, tuple[tuple[int, ...], tuple[int, ...]]]
    _fixed: list[tuple[str, bytes, int]]

    def _prepare(self) -> None:
        """Read once what every subset of this font shares."""
        self._glyf = self.get_table("glyf")
        self._parts = {}
        fixed: list[tuple[str, bytes, int]] = []
        for tag in COPIED:
            try:
                data = self.get_table(tag)
            except KeyError:  # cvt, fpgm and prep are optional (as reportlab allows)
                continue
            fixed.append((tag, data, _checksum(data)))
        post = b"\x00\x03\x00\x00" + self.get_table("post")[4:16] + b"\x00" * 16
        fixed.append(("post", post, _checksum(post)))
        self._fixed = fixed
        self._hhea = self.get_table("hhea")
        self._maxp = self.get_table("maxp")
        head = self.get_table("head")
        self._head = head[:8] + b"\0\0\0\0" + head[12:]  # checkSumAdjustment zeroed, as add()

    def _components(self, glyph: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """A composite glyph's component glyphs and where each is named in its bytes (both
        empty for a simple or empty glyph), read as ``makeSubset`` reads them."""
        hit = self._parts.get(glyph)
        if hit is not None:
            return hit
        start = self.glyphPos[glyph]
        end = self.glyphPos[glyph + 1]
        data = self._glyf
        glyphs: list[int] = []
        places: list[int] = []
        if end - start > 2 and unpack_from(">h", data, start)[0] < 0:
            pos = 10
            flags = GF_MORE_COMPONENTS
            while flags & GF_MORE_COMPONENTS:
                flags, idx = unpack_from(">HH", data, start + pos)
                glyphs.append(idx)
                places.append(pos + 2)
                pos += 4
                pos += 4 if flags & GF_ARG_1_AND_2_ARE_WORDS else 2
                if flags & GF_WE_HAVE_A_SCALE:
                    pos += 2
                elif flags & GF_WE_HAVE_AN_X_AND_Y_SCALE:
                    pos += 4
                elif flags & GF_WE_HAVE_A_TWO_BY_TWO:
                    pos += 8
        hit = (tuple(glyphs), tuple(places))
        self._parts[glyph] = hit
        return hit

    def makeSubset(self, subset: list[int]) -> bytes:  # noqa: N802 (reportlab's name)
        """The TrueType file of ``subset`` (character codes, in the subset's order), the same
        bytes as ``TTFontFile.makeSubset`` writes."""
        if "_fixed" not in self.__dict__:
            self._prepare()
        char_to_glyph = self.charToGlyph
        glyph_map = [0]  # new glyph index -> old glyph index
        glyph_set = {0: 0}  # old glyph index -> new glyph index
        code_to_glyph = {}
        for code in subset:
            old = char_to_glyph.get(code, 0)
            if old not in glyph_set:
                glyph_set[old] = len(glyph_map)
                glyph_map.append(old)
            code_to_glyph[code] = glyph_set[old]
        n = 0
        while n < len(glyph_map):  # components of composite glyphs join the subset
            for part in self._components(glyph_map[n])[0]:
                if part not in glyph_set:
                    glyph_set[part] = len(glyph_map)
                    glyph_map.append(part)
            n += 1
        tables: list[tuple[str, bytes, int | None]] = [(t, d, c) for t, d, c in self._fixed]
        count = len(glyph_map)

        hmetrics = self.hmetrics
        hmtx: list[int] = []
        for old in glyph_map:
            aw, lsb = hmetrics[old]
            hmtx.append(int(aw))
            hmtx.append(int(lsb))
        n = len(hmtx) - 2
        while n and hmtx[n] == hmtx[n - 2]:
            n -= 2
        n += 2
        full_pairs = n >> 1
        hmtx = hmtx[:n] + hmtx[n + 1 :: 2]
        tables.append(("hmtx", pack(f">{len(hmtx)}H", *hmtx), None))
        hhea = self._hhea
        tables.append(("hhea", hhea[:34] + pack(">H", full_pairs) + hhea[36:], None))
        maxp = self._maxp
        tables.append(("maxp", maxp[:4] + pack(">H", count) + maxp[6:], None))
        cmap = [0, 1, 1, 0, 0, 12, 6, 10 + len(subset) * 2, 0, 0, len(subset)]
        cmap += [code_to_glyph[code] for code in subset]
        tables.append(("cmap", pack(f">{len(cmap)}H", *cmap), None))

        data = self._glyf
        positions = self.glyphPos
        offsets: list[int] = []
        glyf: list[bytes] = []
        pos = 0
        for old in glyph_map:
            offsets.append(pos)
            start = positions[old]
            length = positions[old + 1] - start
            glyph = data[start : start + length]
            parts, places = self._components(old)
            if places:  # the components' numbers in the subset
                patched = bytearray(glyph)
                for part, place in zip(parts, places, strict=True):
                    patched[place : place + 2] = pack(">H", glyph_set[part])
                glyph = bytes(patched)
            glyf.append(glyph)
            pos += length
            if pos % 4:
                glyf.append(b"\0" * (4 - pos % 4))
                pos += 4 - pos % 4
        offsets.append(pos)
        tables.append(("glyf", b"".join(glyf), None))
        if (pos + 1) >> 1 > 0xFFFF:
            loc_format = 1
            loca = pack(f">{len(offsets)}L", *offsets)
        else:
            loc_format = 0
            loca = pack(f">{len(offsets)}H", *(o >> 1 for o in offsets))
        tables.append(("loca", loca, None))
        head = self._head
        tables.append(("head", head[:50] + pack(">H", loc_format) + head[52:], None))
        return _stream(tables)


def _stream(tables: list[tuple[str, bytes, int | None]]) -> bytes:
    """The font file of ``tables`` (tag, bytes, checksum if known), as reportlab's
    ``TTFontMaker.makeStream`` writes it: tables sorted by tag, each padded to four bytes, and
    the head table's checkSumAdjustment set from the whole file's checksum, here summed from
    the parts' checksums (every part starts on a four-byte boundary, so the sums agree)."""
    tables = sorted(tables, key=lambda t: t[0])
    count = len(tables)
    search = 1
    selector = 0
    while search * 2 <= count:
        search *= 2
        selector += 1
    search *= 16
    parts = [pack(">lHHHH", 0x00010000, count, search, selector, count * 16 - search)]
    offset = 12 + count * 16
    total = 0
    head_at = 0
    body: list[bytes] = []
    for tag, data, checksum in tables:
        if checksum is None:
            checksum = _checksum(data)
        if tag == "head":
            head_at = offset
        parts.append(tag.encode("latin1") + pack(">LLL", checksum, offset, len(data)))
        total += checksum
        padded = (len(data) + 3) & ~3
        body.append(data + b"\0" * (padded - len(data)))
        offset += padded
    directory = b"".join(parts)
    total = (total + _checksum(directory)) & 0xFFFFFFFF
    out = bytearray(directory + b"".join(body))
    out[head_at + 8 : head_at + 12] = pack(">L", (0xB1B0AFBA - total) & 0xFFFFFFFF)
    return bytes(out)


class Widths(pdfdoc.PDFArray):
    """A ``/Widths`` array of numbers already formatted: written as ``PDFArray.format`` writes
    it (one line, a break every ten numbers), without formatting each element again."""

    def format(self, document: Any, IND: bytes = b"\n ") -> bytes:  # noqa: N803 (reportlab's)
        if self.multiline and rl_config.pdfMultiLine:
            return super().format(document, IND)
        items: list[bytes] = self.sequence
        if len(items) > 10:
            lines = [b" ".join(items[i : i + 10]) for i in range(0, len(items), 10)]
            return b"[ " + b" \n  ".join(lines) + b" ]"
        return b"[ " + b" ".join(items) + b" ]"


class SlipFont(TTFont):
    """reportlab's ``TTFont`` with a table-driven ``stringWidth`` and a :class:`SlipFontFace`
    (see the module docstring)."""

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        self.face.__class__ = SlipFontFace
        face: Any = self.face
        self._widths = {chr(code): width for code, width in face.charWidths.items()}
        self._default = face.defaultWidth
        self._formatted: dict[int, bytes] = {}

    def _width_bytes(self, code: int) -> bytes:
        """The width of ``code`` as the PDF writer formats a number in an array."""
        hit = self._formatted.get(code)
        if hit is None:
            hit = self._formatted[code] = fp_str(self.face.getCharWidth(code)).encode("ascii")
        return hit

    def addObjects(self, doc: Any) -> None:  # noqa: N802 (reportlab's name)
        """reportlab's ``TTFont.addObjects`` (the font, ToUnicode and descriptor objects of each
        subset) with the widths formatted once per character (see the module docstring)."""
        try:
            state = self.state[doc]
        except KeyError:
            state = self.state[doc] = TTFont.State(self._asciiReadable)
        state.frozen = 1
        face: Any = self.face
        for n, subset in enumerate(state.subsets):
            internal = self.getSubsetInternalName(n, doc)[1:]
            base_name = (b"".join((SUBSET_NAME(n), b"+", face.name, face.subfontNameX))).decode(
                "pdfdoc"
            )
            font = pdfdoc.PDFTrueTypeFont()
            font.__Comment__ = f"Font {self.fontName} subset {n}"
            font.Name = internal
            font.BaseFont = base_name
            font.FirstChar = 0
            font.LastChar = len(subset) - 1
            font.Widths = Widths([self._width_bytes(code) for code in subset])
            cmap = pdfdoc.PDFStream()
            cmap.content = makeToUnicodeCMap(base_name, subset)
            if doc.compression:
                cmap.filters = [pdfdoc.PDFZCompress]
            font.ToUnicode = doc.Reference(cmap, "toUnicodeCMap:" + base_name)
            font.FontDescriptor = face.addSubsetObjects(doc, base_name, subset)
            doc.Reference(font, internal)
            doc.idToObject["BasicFonts"].dict[internal] = font
        del self.state[doc]

    def stringWidth(self, text: str | bytes, size: float, encoding: str = "utf8") -> float:  # noqa: N802
        """The width of ``text`` at ``size`` points: the sum of its characters' widths in the
        order reportlab adds them (so the very same float)."""
        if not isinstance(text, str):
            text = text.decode(encoding or "utf8")
        return 0.001 * size * sum(map(self._widths.get, text, repeat(self._default)))
