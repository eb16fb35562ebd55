"""What a scanned file is, judged by its content: the signature, then a full decode.

A scanner's file name says nothing (``scan0001.pdf`` may be a TIFF, a phone photo may be called
``IMG.HEIC.jpg``), and a network scanner writes in several passes, so a file seen early is cut
short. Every file is therefore read to its end before it is accepted:

* **JPEG** is decoded with :meth:`PIL.Image.Image.draft` at 1/8 scale: every entropy-coded byte is
  still read (a truncated or corrupt stream fails) but a 40 MB, 48-megapixel photo costs the
  memory of a 6-megapixel thumbnail, never its 144 MB of pixels.
* **PNG** and **TIFF** are decoded one page at a time (``seek`` then ``load``): a 20-page 300 dpi
  TIFF never has more than one page of pixels in memory. Group 4 fax pages are decoded by
  libtiff through Pillow.
* **PDF** is opened with pypdf: a file that needs a password to open is refused (the archive
  and the district must be able to read it), one without its ``%%EOF`` trailer is truncated, and
  every page's content is read.

Limits guard against a mistake and against a decompression bomb: the file's size, the pixels of
one page (:data:`PIL.Image.MAX_IMAGE_PIXELS` is set from the same limit while decoding) and the
number of pages.
"""

from __future__ import annotations

import errno
import stat
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from onestop_desktop.errors import Msg, ValidationError

JPEG = "image/jpeg"
PNG = "image/png"
TIFF = "image/tiff"
PDF = "application/pdf"

MEDIA_TYPES = (JPEG, PNG, TIFF, PDF)

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xd8\xff", JPEG),
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"II*\x00", TIFF),
    (b"MM\x00*", TIFF),
    (b"%PDF-", PDF),
)


@dataclass(frozen=True)
class Limits:
    """How big a scanned file may be. The defaults fit an A3 page at 600 dpi in colour and a
    phone camera of 2026 (50 MP), and a whole dossier's worth of pages in one file."""

    max_bytes: int = 80 * 1024 * 1024
    max_pixels: int = 80_000_000
    max_pages: int = 300


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class Checked:
    """A file that passed: what it is and how many pages it has."""

    path: Path
    media_type: str
    pages: int
    size: int


class BadFile(ValidationError):
    """A file refused, naming the file and the reason (``reason`` is a translatable word)."""

    def __init__(self, name: str, reason: Msg, detail: str | None = None) -> None:
        super().__init__(
            "Không nhận được tệp {name}: {reason}",
            field="file",
            name=name,
            reason=reason,
            detail=detail or "",
        )
        self.file_name = name
        self.reason = reason


class Locked(BadFile):
    """A file another program holds so it cannot be read now (a scanner still writing it: on
    Windows a sharing violation, ``PermissionError``). Not bad: the watcher tries again."""


LOCK_WINERRORS = frozenset({32, 33})
"""ERROR_SHARING_VIOLATION and ERROR_LOCK_VIOLATION: the file is open in another program."""
LOCK_ERRNOS = frozenset(
    {errno.EACCES, errno.EPERM, errno.EBUSY, errno.EAGAIN, getattr(errno, "ETXTBSY", errno.EBUSY)}
)
"""Read refused now, possibly not later: no permission yet (a scanner service that writes the
file under its own account, then hands it over), busy, would block."""


def is_locked(exc: OSError) -> bool:
    """Whether a failed read may succeed later (the file is held, not gone or broken)."""
    if getattr(exc, "winerror", None) in LOCK_WINERRORS:
        return True
    return isinstance(exc, PermissionError) or exc.errno in LOCK_ERRNOS


def unreadable(path: Path, exc: OSError) -> BadFile:
    """The refusal of a file whose reading failed with ``exc``, in words: gone, a folder,
    held by another program (:class:`Locked`), or simply unreadable."""
    name = path.name
    if isinstance(exc, FileNotFoundError):
        return BadFile(name, Msg("tệp không còn ở đó"), str(exc))
    if isinstance(exc, IsADirectoryError):
        return BadFile(name, Msg("đây là một thư mục, không phải tệp"), str(exc))
    if is_locked(exc):
        return Locked(
            name,
            Msg("tệp đang bị chương trình khác giữ (máy quét còn đang ghi?), chưa đọc được"),
            str(exc),
        )
    return BadFile(name, Msg("không đọc được tệp"), str(exc))


def sniff(head: bytes) -> str | None:
    """The media type the first bytes of a file announce, or ``None``."""
    for signature, media in _SIGNATURES:
        if head.startswith(signature):
            return media
    return None


def check(path: Path, limits: Limits = DEFAULT_LIMITS) -> Checked:
    """Check ``path`` by its content; :class:`BadFile` names it and says why not."""
    name = path.name
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            # A folder, a FIFO (opening one would wait for a writer forever), a device.
            raise BadFile(
                name,
                Msg("đây là một thư mục, không phải tệp")
                if stat.S_ISDIR(st.st_mode)
                else Msg("không phải tệp thường (ống dẫn, thiết bị…)"),
            )
        size = st.st_size
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise unreadable(path, exc) from exc
    if size == 0:
        raise BadFile(name, Msg("tệp rỗng"))
    if size > limits.max_bytes:
        raise BadFile(
            name,
            Msg(
                "tệp quá lớn ({size} MB, tối đa {limit} MB)",
                size=_mb(size),
                limit=_mb(limits.max_bytes),
            ),
        )
    media = sniff(head)
    if media is None:
        raise BadFile(name, Msg("không phải ảnh JPEG, PNG, TIFF hay tệp PDF"))
    pages = _check_pdf(path, limits) if media == PDF else _check_image(path, media, limits)
    return Checked(path=path, media_type=media, pages=pages, size=size)


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", ",")


def _check_image(path: Path, media: str, limits: Limits) -> int:
    name = path.name
    old_limit = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = limits.max_pixels
    try:
        # Pillow warns about oddities it reads past (a short EXIF block): the full decode below
        # decides; only the decompression-bomb warning refuses the file.
        with warnings.catch_warnings(record=True):
            warnings.simplefilter("always")
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as im:
                pages = int(getattr(im, "n_frames", 1))
                if pages > limits.max_pages:
                    raise BadFile(
                        name,
                        Msg(
                            "tệp có {pages} trang, tối đa {limit} trang",
                            pages=pages,
                            limit=limits.max_pages,
                        ),
                    )
                for index in range(pages):
                    if index:
                        im.seek(index)
                    width, height = im.size
                    if width * height > limits.max_pixels:
                        raise BadFile(
                            name,
                            Msg(
                                "trang {page} quá lớn ({width}×{height} điểm ảnh)",
                                page=index + 1,
                                width=width,
                                height=height,
                            ),
                        )
                    if media == JPEG:
                        im.draft(im.mode, (max(1, width // 8), max(1, height // 8)))
                    im.load()
                return pages
    except BadFile:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise BadFile(name, Msg("ảnh quá lớn (nghi là tệp độc hại)"), str(exc)) from exc
    except OSError as exc:
        if exc.errno is not None or isinstance(exc, FileNotFoundError):
            raise unreadable(path, exc) from exc  # the OS refused a read: held, gone…
        raise BadFile(name, Msg("tệp bị hỏng hoặc chưa ghi xong"), str(exc)) from exc
    except Exception as exc:  # any failure to decode untrusted bytes (Pillow raises a dozen kinds)
        raise BadFile(name, Msg("tệp bị hỏng hoặc chưa ghi xong"), str(exc)) from exc
    finally:
        Image.MAX_IMAGE_PIXELS = old_limit


def _check_pdf(path: Path, limits: Limits) -> int:
    import pypdf

    name = path.name
    try:
        with path.open("rb") as fh:
            fh.seek(max(0, path.stat().st_size - 1024))
            tail = fh.read()
    except OSError as exc:
        raise unreadable(path, exc) from exc
    if b"%%EOF" not in tail:
        raise BadFile(name, Msg("tệp PDF bị cắt cụt (thiếu phần kết)"))
    try:
        reader = pypdf.PdfReader(path, strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise BadFile(name, Msg("tệp PDF có mật khẩu"))
        pages = len(reader.pages)
        if pages == 0:
            raise BadFile(name, Msg("tệp PDF không có trang nào"))
        if pages > limits.max_pages:
            raise BadFile(
                name,
                Msg(
                    "tệp có {pages} trang, tối đa {limit} trang",
                    pages=pages,
                    limit=limits.max_pages,
                ),
            )
        for page in reader.pages:
            page.get_contents()
            _ = page.mediabox
    except BadFile:
        raise
    except OSError as exc:
        if exc.errno is not None:
            raise unreadable(path, exc) from exc
        raise BadFile(name, Msg("tệp PDF bị hỏng"), str(exc)) from exc
    except Exception as exc:  # pypdf on a damaged file raises many kinds, PyPdfError among them
        raise BadFile(name, Msg("tệp PDF bị hỏng"), str(exc)) from exc
    return pages
