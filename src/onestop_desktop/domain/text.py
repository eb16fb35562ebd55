"""Vietnamese text at the boundary: NFC normalisation and the folded form used for search.

``unicode61 remove_diacritics`` never folds đ to d, so the app stores its own folded text and
folds queries the same way (see docs/architecture.md, "Search").
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def nfc(text: str) -> str:
    """Return ``text`` in NFC with runs of whitespace collapsed and the ends trimmed."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def fold(text: str) -> str:
    """Lowercase, strip diacritics and fold đ/Đ to d: "Nguyễn Văn Đức" -> "nguyen van duc"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.lower()).strip()


def nfkc_code(text: str) -> str:
    """A code or number as typed, in NFKC with the ends trimmed: full-width digits (U+FF11 …)
    (an IME or a PDF copy) becomes ``1.999019``. Only for codes, numbers and phones, never names:
    NFKC would change letters people chose."""
    return unicodedata.normalize("NFKC", text).strip()


def digits(text: str) -> str:
    """Only the digits of ``text`` (phone numbers and ID numbers typed with spaces or dots)."""
    return "".join(ch for ch in text if ch.isdigit())
