"""Pages as pictures: thumbnails and previews (EXIF orientation and the clerk's rotation
applied), and one combined PDF of a dossier's pages for the district or the archive.

Memory: a JPEG is decoded through :meth:`PIL.Image.Image.draft` at the smallest scale that still
covers the requested size; a TIFF page is decoded alone (``seek``) and reduced at once; a PDF
page is rendered by pdfium at the scale asked for. The combined PDF is written page by page.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageOps

from onestop_desktop import files
from onestop_desktop.scanning.check import JPEG, PDF
from onestop_desktop.scanning.model import Attachment
from onestop_desktop.scanning.store import ContentStore


def page_image(path: Path, media_type: str, page: int, side: int, rotation: int = 0) -> Image.Image:
    """Page ``page`` (1-based) of a stored file, fitting in ``side``×``side``, upright."""
    if media_type == PDF:
        im = _pdf_page(path, page, side)
    else:
        with Image.open(path) as src:
            if page > 1:
                src.seek(page - 1)
            if media_type == JPEG:
                src.draft("RGB", (side, side))
            src.load()
            im = ImageOps.exif_transpose(src) if page == 1 else src.copy()
            if im is src:
                im = src.copy()
        if im.mode not in ("RGB", "L"):
            im = im.convert("RGB")
        im.thumbnail((side, side))
    if rotation:
        im = im.rotate(-rotation, expand=True)
    return im


def _pdf_page(path: Path, page: int, side: int) -> Image.Image:
    import pypdfium2 as pdfium  # type: ignore[import-untyped,unused-ignore]

    doc = pdfium.PdfDocument(str(path))
    try:
        pg = doc[page - 1]
        width, height = pg.get_size()
        scale = side / max(width, height, 1.0)
        bitmap = pg.render(scale=scale)
        out: Image.Image = bitmap.to_pil().convert("RGB")
        return out
    finally:
        doc.close()


def thumbnail(store: ContentStore, item: Attachment, page: int, side: int = 256) -> Path:
    """A cached PNG thumbnail of one page (made once, under ``attachments/thumbs/``)."""
    rotation = item.rotation_of(page)
    target = store.thumb_path(item.sha256, page, rotation, side)
    if target.is_file():
        return target
    im = page_image(store.path_of(item.sha256), item.media_type, page, side, rotation)
    buf = io.BytesIO()
    im.save(buf, "PNG")
    files.atomic_write(target, buf.getvalue())
    return target


COMBINED_DPI = 200
"""Resolution of image pages in the combined PDF (a scanner's 300 dpi page is kept at full
size if it is smaller; an archive copy at 200 dpi stays legible and small)."""


def combine(store: ContentStore, items: list[Attachment], dest: Path) -> int:
    """Write every page of ``items`` in order, each turned as shown, into one PDF at ``dest``;
    returns the number of pages."""
    import pypdf

    writer = pypdf.PdfWriter()
    count = 0
    for item in items:
        path = store.path_of(item.sha256)
        if item.media_type == PDF:
            reader = pypdf.PdfReader(path, strict=False)
            if reader.is_encrypted:
                reader.decrypt("")
            for number, pg in enumerate(reader.pages, start=1):
                added = writer.add_page(pg)
                turn = item.rotation_of(number)
                if turn:
                    added.rotate(turn)
                count += 1
            continue
        for number in range(1, item.pages + 1):
            im = _full_page(path, item.media_type, number)
            turn = item.rotation_of(number)
            if turn:
                im = im.rotate(-turn, expand=True)
            buf = io.BytesIO()
            dpi = float(im.info.get("dpi", (COMBINED_DPI, COMBINED_DPI))[0] or COMBINED_DPI)
            im.save(buf, "PDF", resolution=dpi)
            im.close()
            for pg in pypdf.PdfReader(io.BytesIO(buf.getvalue())).pages:
                writer.add_page(pg)
            count += 1

    def _write(tmp: Path) -> None:
        with tmp.open("wb") as fh:
            writer.write(fh)

    files.atomic_write_with(dest, _write)
    return count


def _full_page(path: Path, media_type: str, page: int) -> Image.Image:
    with Image.open(path) as src:
        if page > 1:
            src.seek(page - 1)
        src.load()
        dpi = src.info.get("dpi")
        im = ImageOps.exif_transpose(src) if media_type == JPEG else src.copy()
        if im is src:
            im = src.copy()
    if im.mode not in ("1", "RGB", "L"):  # a fax page stays 1-bit: small in the PDF
        im = im.convert("RGB")
    if dpi:
        im.info["dpi"] = dpi
    return im
