"""Real scanned files for the tests, made on the spot: JPEG (with an EXIF orientation), PNG,
multi-page TIFF, Group 4 fax TIFF, PDF (reportlab) and a password-protected PDF (pypdf)."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw


def page(width: int = 400, height: int = 560, mode: str = "RGB", mark: int = 0) -> Image.Image:
    """A page with a dark bar across its top (so a rotation is visible) and a mark."""
    im = Image.new(mode, (width, height), "white" if mode != "1" else 1)
    draw = ImageDraw.Draw(im)
    draw.rectangle([0, 0, width, height // 8], fill="black" if mode != "1" else 0)
    draw.text((20, height // 2), f"trang {mark}", fill="black" if mode != "1" else 0)
    return im


def jpeg(path: Path, *, orientation: int | None = None, size: tuple[int, int] = (400, 560)) -> Path:
    im = page(*size)
    exif = Image.Exif()
    if orientation is not None:
        exif[0x0112] = orientation
    im.save(path, "JPEG", quality=85, exif=exif.tobytes())
    return path


def png(path: Path) -> Path:
    page().save(path, "PNG")
    return path


def tiff(path: Path, pages: int = 3, *, size: tuple[int, int] = (400, 560)) -> Path:
    frames = [page(*size, mark=i + 1) for i in range(pages)]
    frames[0].save(path, "TIFF", save_all=True, append_images=frames[1:], compression="tiff_lzw")
    return path


def g4_tiff(path: Path, pages: int = 2) -> Path:
    frames = [page(mode="1", mark=i + 1) for i in range(pages)]
    frames[0].save(
        path, "TIFF", save_all=True, append_images=frames[1:], compression="group4", dpi=(300, 300)
    )
    return path


def pdf_bytes(pages: int = 2) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for i in range(pages):
        c.drawString(72, 720, f"Trang {i + 1}")
        c.showPage()
    c.save()
    return buf.getvalue()


def pdf(path: Path, pages: int = 2) -> Path:
    path.write_bytes(pdf_bytes(pages))
    return path


def encrypted_pdf(path: Path) -> Path:
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(pdf_bytes(1)))
    writer = pypdf.PdfWriter()
    for p in reader.pages:
        writer.add_page(p)
    writer.encrypt("mat-khau")
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def truncated(source: Path, path: Path, keep: float = 0.6) -> Path:
    data = source.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])
    return path
