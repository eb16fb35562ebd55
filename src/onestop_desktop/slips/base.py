"""What every printed form shares: the shipped font, paragraph styles, the letterhead with the
national motto, the place-and-date line, signature blocks, the QR code, paper sizes.

Only the DejaVu Sans files shipped in ``resources/fonts`` (licence beside them) are used, as
reportlab TrueType fonts: reportlab embeds a subset of each (only the glyphs a slip uses), so a
slip prints the same on any PC. The canvas' own default font is set to DejaVu Sans too, so no
base-14 Helvetica reference ever lands in a file. Every string goes through :func:`para`, which
NFC-normalises and escapes it: a name typed in decomposed Unicode prints as it should, and a
``<`` in a reason cannot break the markup.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from onestop_desktop.domain import clock
from onestop_desktop.domain.text import nfc
from onestop_desktop.resources_check import font_paths
from onestop_desktop.slips.fonts import SlipFont

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"

Paper = Literal["a4", "a5", "80mm"]
PAPERS: tuple[Paper, ...] = ("a4", "a5", "80mm")
ReceiptLayout = Literal["a4_two", "a5_each"]
RECEIPT_LAYOUTS: tuple[ReceiptLayout, ...] = ("a4_two", "a5_each")

THERMAL_WIDTH = 80 * mm
MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_2 = "Độc lập - Tự do - Hạnh phúc"

_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the shipped DejaVu Sans (regular and bold) with reportlab (as ``SlipFont``s:
    the same font, measured and subset with less work, ``slips/fonts.py``), once per process,
    make it the canvas' initial font (instead of Helvetica) and write streams binary."""
    global _registered
    with _lock:
        if _registered:
            return
        paths = font_paths()
        pdfmetrics.registerFont(SlipFont(FONT, str(paths["regular"])))
        pdfmetrics.registerFont(SlipFont(FONT_BOLD, str(paths["bold"])))
        pdfmetrics.registerFontFamily(
            FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
        )
        rl_config.canvas_basefontname = FONT
        # Streams are written binary (Flate only), not also ASCII85-encoded: the encoding
        # only makes a file 7-bit clean (a quarter larger), which no printer or viewer of
        # this app needs, and reportlab's pure-Python encoder was a twentieth of a receipt.
        rl_config.useA85 = 0
        _registered = True


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of one paper size (a thermal slip uses smaller type)."""

    body: ParagraphStyle
    small: ParagraphStyle
    bold: ParagraphStyle
    center: ParagraphStyle
    center_bold: ParagraphStyle
    title: ParagraphStyle
    right: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    head_cell: ParagraphStyle


def styles(size: float = 11.0) -> Styles:
    """Styles for body type of ``size`` points (11 on A4, 9.5 on A5, 8 on 80 mm)."""
    register_fonts()
    lead = size * 1.3
    body = ParagraphStyle(
        "body", fontName=FONT, fontSize=size, leading=lead, alignment=TA_JUSTIFY, spaceAfter=1
    )
    small = ParagraphStyle("small", parent=body, fontSize=size - 1.5, leading=(size - 1.5) * 1.3)
    return Styles(
        body=body,
        small=small,
        bold=ParagraphStyle("bold", parent=body, fontName=FONT_BOLD),
        center=ParagraphStyle("center", parent=body, alignment=TA_CENTER),
        center_bold=ParagraphStyle(
            "center_bold", parent=body, alignment=TA_CENTER, fontName=FONT_BOLD
        ),
        title=ParagraphStyle(
            "title",
            parent=body,
            alignment=TA_CENTER,
            fontName=FONT_BOLD,
            fontSize=size + 2,
            leading=(size + 2) * 1.3,
            spaceBefore=size * 0.6,
            spaceAfter=size * 0.4,
        ),
        right=ParagraphStyle("right", parent=body, alignment=TA_RIGHT),
        cell=ParagraphStyle("cell", parent=small, alignment=TA_LEFT, spaceAfter=0, wordWrap="LTR"),
        cell_center=ParagraphStyle("cell_center", parent=small, alignment=TA_CENTER, spaceAfter=0),
        head_cell=ParagraphStyle(
            "head_cell", parent=small, alignment=TA_CENTER, fontName=FONT_BOLD, spaceAfter=0
        ),
    )


def text(value: object) -> str:
    """``value`` as NFC text, markup-escaped, for a Paragraph (a newline breaks the line)."""
    return "<br/>".join(escape(nfc(line)) for line in str(value).split("\n"))


def wrap_text(value: str, width: float, size: float, font: str = FONT) -> str:
    """``value`` (NFC) broken into lines that fit ``width`` points at ``size``: at spaces, and
    inside a word too long for a line (a dossier code in a narrow column). For table cells of
    thousands of rows, where a Paragraph per cell would cost most of the rendering time."""
    register_fonts()
    out: list[str] = []
    line = ""
    for word in nfc(value).split(" "):
        candidate = f"{line} {word}" if line else word
        if pdfmetrics.stringWidth(candidate, font, size) <= width:
            line = candidate
            continue
        if line:
            out.append(line)
        line = ""
        while pdfmetrics.stringWidth(word, font, size) > width:
            cut = len(word)
            while cut > 1 and pdfmetrics.stringWidth(word[:cut], font, size) > width:
                cut -= 1
            joint = max(word.rfind("-", 0, cut), word.rfind(".", 0, cut))
            if joint > 0:  # a code breaks after a hyphen or a dot, never inside a number
                cut = joint + 1
            out.append(word[:cut])
            word = word[cut:]
        line = word
    if line:
        out.append(line)
    return "\n".join(out)


class Para(Paragraph):
    """A :class:`Paragraph` that breaks its lines once per width.

    A paragraph's lines depend only on the width it is given, but platypus asks again and again:
    a table wraps its cells to size its rows, again when it is placed and again to draw them, and
    a ``KeepInFrame`` wraps its whole story once to measure and once more to draw. A receipt's
    paragraphs were broken into lines four times each (most of its rendering time); the breaks
    of each width are kept here and handed back, so each paragraph is broken once per width.
    """

    _KEPT = ("blPara", "height", "_wrapWidths", "_width_max")
    """What :meth:`Paragraph.wrap` leaves on the paragraph for drawing and measuring."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        cache: dict[float, tuple[object, ...]] = self.__dict__.setdefault("_breaks", {})
        hit = cache.get(avail_width)
        if hit is None:
            width, height = super().wrap(avail_width, avail_height)
            if height != 0x7FFFFFFF:  # "cannot fit here": nothing to keep
                cache[avail_width] = tuple(getattr(self, name, None) for name in self._KEPT)
            return width, height
        self.width = avail_width
        for name, value in zip(self._KEPT, hit, strict=True):
            setattr(self, name, value)
        return avail_width, self.height


class Line(Flowable):
    """Text that fits on one line, drawn as a text object without the paragraph engine.

    Most of a slip is short lines ("Số điện thoại: 0912345678", a name under a signature, a
    cell of the checklist). A :class:`Paragraph` parses its markup with an HTML parser, breaks
    it into words and fits them into lines, for each of them: most of a receipt's rendering
    time. A ``Line`` measures its runs (plain text in one font each) against the width it is
    given; when they fit it draws them where the paragraph would have (same font, size,
    baseline and alignment, whitespace collapsed the same way), and when they do not (a long
    name, a narrow column, a 300-character reason) it hands over to the :class:`Para` of the
    same text, which wraps it. Either way the words and fonts on the page are the same.
    """

    def __init__(self, runs: tuple[tuple[str, str], ...], markup: str, style: ParagraphStyle):
        super().__init__()
        self.runs = runs
        """(font name, text) pairs, whitespace already collapsed as a paragraph would."""
        self.markup = markup
        """The same text as paragraph markup, for when it needs more than one line."""
        self.style = style
        self._size = float(style.fontSize)
        self._text_width = sum(pdfmetrics.stringWidth(t, f, self._size) for f, t in runs)
        self._para: Para | None = None
        self._wrapped = False

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        st = self.style
        room = avail_width - st.leftIndent - st.rightIndent - st.firstLineIndent
        self._wrapped = self._text_width > room
        if not self._wrapped:
            self.width, self.height = avail_width, float(st.leading)
            return self.width, self.height
        if self._para is None:
            self._para = Para(self.markup, st)
        self.width, self.height = self._para.wrap(avail_width, avail_height)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        if not self._wrapped or self._para is None:  # one line: it goes whole to the next frame
            return []
        parts: list[Flowable] = self._para.split(avail_width, avail_height)
        return parts

    def draw(self) -> None:
        if self._wrapped and self._para is not None:
            self._para.drawOn(self.canv, 0, 0)
            return
        st = self.style
        left = st.leftIndent + st.firstLineIndent
        if st.alignment == TA_CENTER:
            x = left + (self.width - left - st.rightIndent - self._text_width) / 2
        elif st.alignment == TA_RIGHT:
            x = self.width - st.rightIndent - self._text_width
        else:  # left, or justified: a paragraph's last (here only) line is not stretched
            x = left
        c = self.canv
        c.saveState()
        c.setFillColor(st.textColor)
        tx = c.beginText(x, self.height - self._size)
        for font, run in self.runs:
            tx.setFont(font, self._size, st.leading)
            tx.textOut(run)
        c.drawText(tx)
        c.restoreState()


def _words(value: str) -> str:
    """``value`` with its whitespace collapsed, as a paragraph lays it out."""
    return " ".join(value.split())


def para(value: object, style: ParagraphStyle) -> Flowable:
    """Plain text (NFC, escaped) in ``style``: long words and names wrap, never overflow."""
    raw = str(value)
    words = _words(nfc(raw))
    if not words or "\n" in raw:  # a line break is the paragraph's <br/>
        return Para(text(value), style)
    return Line(((style.fontName, words),), text(value), style)


def labelled(label: str, value: object, style: ParagraphStyle) -> Flowable:
    """``Label: value`` with the label in plain type and the value in bold."""
    shown = text(value) if value not in (None, "") else "…………………………"
    markup = f"{text(label)}: <b>{shown}</b>"
    head = _words(nfc(label))
    body = _words(nfc(str(value))) if value not in (None, "") else "…………………………"
    if not head or not body or "\n" in str(value) or "\n" in label:
        return Para(markup, style)
    return Line(((style.fontName, f"{head}: "), (FONT_BOLD, body)), markup, style)


def place_date(place: str, day: date) -> str:
    """ "Tân Thành, ngày 06 tháng 7 năm 2025": the day padded to two digits, the month padded
    only for January and February, as Vietnamese administrative documents write it
    (Decree 30/2020/NĐ-CP, Appendix I)."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{nfc(place)}, ngày {day.day:02d} tháng {month} năm {day.year}"


def hour_date(moment: datetime) -> str:
    """ "14 giờ 30 phút, ngày 06/07/2025", as Mẫu 01 writes the receipt and appointment times."""
    local = clock.to_vn(moment)
    return f"{local.hour:02d} giờ {local.minute:02d} phút, ngày {clock.fmt_date(local)}"


def letterhead(
    unit_lines: tuple[str, ...], place: str, day: date, width: float, st: Styles
) -> Table:
    """The two-column head of every form: the unit (upper lines) on the left, the national
    motto with the place and date on the right. On a thermal slip (narrow), one column."""
    unit = [
        para(line, st.center_bold if i == len(unit_lines) - 1 else st.center)
        for i, line in enumerate(unit_lines)
    ]
    motto = [
        para(MOTTO, st.center_bold),
        para(MOTTO_2, st.center_bold),
        para(
            place_date(place, day),
            ParagraphStyle("pd", parent=st.center, fontSize=st.small.fontSize),
        ),
    ]
    if width < 100 * mm:
        table = Table([[unit], [motto]], colWidths=[width])
    else:
        table = Table([[unit, motto]], colWidths=[width * 0.42, width * 0.58])
    table.setStyle(
        base_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def base_style(commands: list[tuple[object, ...]]) -> TableStyle:
    """A table style whose plain-string cells use DejaVu Sans (reportlab's default cell font is
    Helvetica, which would put a base-14 font reference into the file)."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), *commands])


def signatures(signers: list[tuple[str, str]], width: float, st: Styles) -> Table:
    """Signature columns: each a title in bold, "(Ký và ghi rõ họ tên)", room to sign, the
    name. ``signers`` are (title, name) pairs; an empty name leaves the line for handwriting."""
    cols = []
    for title, name in signers:
        cols.append(
            [
                para(title, st.center_bold),
                para(
                    "(Ký và ghi rõ họ tên)",
                    ParagraphStyle("sig", parent=st.center, fontSize=st.small.fontSize),
                ),
                Spacer(1, 16 * mm if width > 100 * mm else 12 * mm),
                para(name, st.center_bold) if name else para(" ", st.center),
            ]
        )
    if width < 100 * mm:
        table = Table([[c] for c in cols], colWidths=[width])
    else:
        table = Table([cols], colWidths=[width / len(cols)] * len(cols))
    table.setStyle(base_style([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def grid(
    header: list[str],
    rows: list[list[object]],
    widths: list[float],
    st: Styles,
    *,
    centered: frozenset[int] = frozenset(),
    repeat: int = 1,
) -> Table:
    """A ruled table whose every cell is a wrapping paragraph (a 300-character name wraps in
    its column instead of running off the page)."""
    data: list[list[object]] = [[para(h, st.head_cell) for h in header]]
    for row in rows:
        data.append(
            [
                para("" if v is None else v, st.cell_center if i in centered else st.cell)
                for i, v in enumerate(row)
            ]
        )
    table = Table(data, colWidths=widths, repeatRows=repeat)
    table.setStyle(
        base_style(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


@functools.lru_cache(maxsize=64)
def qr_matrix(value: str) -> tuple[tuple[bool, ...], ...]:
    """The modules of a QR code of ``value`` (error correction M), dark = True.

    Encoded with reportlab's own QR encoder, at mask pattern 0: any mask is valid and decodes
    the same; reportlab's search for the "best" one costs nine encodings (most of a slip's
    rendering time) for a code a counter's reader reads either way (the tests decode it).
    Cached: the receipt draws the same code on both copies, and a reprint draws it again.
    """
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(value)
    code.version = code.calculate_version()
    code.makeImpl(False, 0)
    n = code.getModuleCount()
    return tuple(tuple(bool(code.isDark(r, c)) for c in range(n)) for r in range(n))


@functools.lru_cache(maxsize=64)
def qr_path(value: str) -> str:
    """The dark modules of :func:`qr_matrix` as one PDF path, in module units with the origin
    at the code's lower left corner (quiet zone excluded): a rectangle for each horizontal run
    of dark modules, filled once by the caller.

    Integer coordinates need no number formatting (reportlab's ``fp_str`` per number was
    most of the QR code's cost), and one fill for the whole code leaves no seams between
    rows where a viewer anti-aliases each rectangle on its own.
    """
    n = len(qr_matrix(value))
    return "\n".join(f"{col} {n - 1 - r} {length} 1 re" for r, col, length in qr_runs(value))


def qr_runs(value: str) -> Iterator[tuple[int, int, int]]:
    """The horizontal runs of dark modules of :func:`qr_matrix`, top row first: (row, first
    column, length). What :func:`qr_path` draws (and what the earlier rectangle-per-run
    drawing drew, kept in the tests and the benchmark as the reference)."""
    for r, row in enumerate(qr_matrix(value)):
        n = len(row)
        col = 0
        while col < n:
            if not row[col]:
                col += 1
                continue
            run = col
            while run < n and row[run]:
                run += 1
            yield r, col, run - col
            col = run


class QrCode(Flowable):
    """A QR code drawn straight onto the canvas as one filled path of module runs, with the
    four-module quiet zone the standard asks for."""

    QUIET = 4

    def __init__(self, value: str, size: float) -> None:
        super().__init__()
        self.value = value
        self.size = size
        self.width = self.height = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        n = len(qr_matrix(self.value))
        unit = self.size / (n + 2 * self.QUIET)
        c = self.canv
        c.saveState()
        c.setFillColor(colors.black)
        c.transform(unit, 0, 0, unit, self.QUIET * unit, self.QUIET * unit)
        c.addLiteral(f"{qr_path(self.value)}\nf")
        c.restoreState()


def qr_code(value: str, size: float) -> QrCode:
    """A QR code of ``value`` (the dossier code: a reader at the counter opens the dossier),
    ``size`` points square, quiet zone included."""
    return QrCode(value, size)


def copy_mark(printed_at: datetime, st: Styles) -> Paragraph:
    """The mark on a reprint: "BẢN IN LẠI", with when it was printed."""
    return Paragraph(
        f"<b>BẢN IN LẠI</b> – in lúc {text(clock.fmt_datetime(printed_at))}",
        ParagraphStyle("copy", parent=st.right, fontSize=st.small.fontSize),
    )


def page_size(paper: Paper) -> tuple[float, float]:
    """The page of ``paper`` (portrait); 80 mm gets its height from its content."""
    if paper == "a5":
        return A5
    if paper == "80mm":
        return (THERMAL_WIDTH, A4[1])
    return A4


def body_size(paper: Paper) -> float:
    """The body type size for ``paper``."""
    return {"a4": 11.0, "a5": 9.5, "80mm": 8.0}[paper]


def measure(story: list[Flowable], width: float) -> float:
    """The height ``story`` takes at ``width`` (for a thermal slip cut to its content)."""
    total = 0.0
    for flow in story:
        _, h = flow.wrap(width, 10_000 * mm)
        total += h + flow.getSpaceBefore() + flow.getSpaceAfter()
    return total
