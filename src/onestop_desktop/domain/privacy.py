"""Masking personal data for what the public sees (the waiting-room board, the citizen lookup,
the published files).

A Vietnamese name is family name, middle name(s), given name: "Nguyễn Văn An". The public sees
the family name whole (it identifies nobody: four in ten people are Nguyễn) and only the
initials of every later word: "Nguyễn V. A.". Compound family names ("Tôn Nữ", "Công Tằng Tôn
Nữ", "Âu Dương") are kept whole, since showing only "Tôn" would be a worse hint, not a better
one. Foreign names ("John Smith", "María José García") follow the same rule on their first word,
so nothing but one word and initials is ever shown. A one-word name becomes its initial only:
a single word would otherwise be the whole name.
"""

from __future__ import annotations

import unicodedata

#: Compound family names kept whole (longest first so "Công Tằng Tôn Nữ" wins over "Tôn Nữ").
COMPOUND_FAMILY_NAMES: tuple[tuple[str, ...], ...] = tuple(
    sorted(
        (
            tuple(n.split())
            for n in (
                "Công Tằng Tôn Nữ",
                "Công Tôn Nữ",
                "Tôn Thất",
                "Tôn Nữ",
                "Âu Dương",
                "Hoàng Phủ",
                "Tư Mã",
                "Gia Cát",
                "Thượng Quan",
            )
        ),
        key=len,
        reverse=True,
    )
)


def _initial(word: str) -> str:
    """The first letter of ``word`` (with its diacritics: "Ư" stays "Ư") and a full stop; a
    word without any letter (a stray digit or dash) gives nothing."""
    for ch in word:
        if ch.isalpha():
            return ch.upper() + "."
    return ""


def _casefold(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(w.casefold() for w in words)


def mask_name(name: str | None) -> str:
    """The public form of a person's name: "Nguyễn Văn An" → "Nguyễn V. A.".

    Text is NFC first (a name typed on a Mac arrives decomposed); an empty name gives "".
    """
    text = unicodedata.normalize("NFC", name or "")
    words = tuple(w for w in text.replace(",", " ").split() if any(c.isalpha() for c in w))
    if not words:
        return ""
    if len(words) == 1:
        return _initial(words[0])
    head = 1
    folded = _casefold(words)
    for compound in COMPOUND_FAMILY_NAMES:
        if len(compound) < len(words) and folded[: len(compound)] == _casefold(compound):
            head = len(compound)
            break
    shown = " ".join(words[:head])
    initials = " ".join(i for i in (_initial(w) for w in words[head:]) if i)
    return f"{shown} {initials}".strip()


def mask_digits(value: str | None, keep: int = 3) -> str:
    """A number with all but its last ``keep`` digits hidden ("0912345678" → "•••••••678"),
    for a clerk-facing hint only; the public views never carry one at all."""
    text = "".join(ch for ch in unicodedata.normalize("NFC", value or "") if ch.isdigit())
    if not text:
        return ""
    keep = max(0, min(keep, len(text) // 3))
    return "•" * (len(text) - keep) + text[len(text) - keep :]
