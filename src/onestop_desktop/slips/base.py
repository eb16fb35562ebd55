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
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from onestop_desktop.domain import clock
from onestop_desktop.domain.text import nfc
from onestop_desktop.resources_check import font_paths

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
    """Register the shipped DejaVu Sans (regular and bold) with reportlab, once per process,
    and make it the canvas' initial font (instead of Helvetica)."""
    global _registered
    with _lock:
        if _registered:
            return
        paths = font_paths()
        pdfmetrics.registerFont(TTFont(FONT, str(paths["regular"])))
        pdfmetrics.registerFont(TTFont(FONT_BOLD, str(paths["bold"])))
        pdfmetrics.registerFontFamily(
            FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
        )
        rl_config.canvas_basefontname = FONT
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


def para(value: object, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text (NFC, escaped): long words and names wrap, never overflow."""
    return Paragraph(text(value), style)


def labelled(label: str, value: object, style: ParagraphStyle) -> Paragraph:
    """``Label: value`` with the label in plain type and the value in bold."""
    shown = text(value) if value not in (None, "") else "…………………………"
    return Paragraph(f"{text(label)}: <b>{shown}</b>", style)


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


class QrCode(Flowable):
    """A QR code drawn straight onto the canvas as filled runs of modules, with the four-module
    quiet zone the standard asks for."""

    QUIET = 4

    def __init__(self, value: str, size: float) -> None:
        super().__init__()
        self.value = value
        self.size = size
        self.width = self.height = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        matrix = qr_matrix(self.value)
        n = len(matrix)
        unit = self.size / (n + 2 * self.QUIET)
        c = self.canv
        c.saveState()
        c.setFillColor(colors.black)
        for r, row in enumerate(matrix):
            y = self.size - (r + 1 + self.QUIET) * unit
            col = 0
            while col < n:
                if not row[col]:
                    col += 1
                    continue
                run = col
                while run < n and row[run]:
                    run += 1
                c.rect((col + self.QUIET) * unit, y, (run - col) * unit, unit, stroke=0, fill=1)
                col = run
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
