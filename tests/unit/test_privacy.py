"""mask_name: what the public board, the lookup and the published files show of a name (#13)."""

from __future__ import annotations

import unicodedata

import pytest

from onestop_desktop.domain.privacy import mask_digits, mask_name


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("Nguyễn Văn An", "Nguyễn V. A."),
        ("Trần Thị Ngọc Ánh", "Trần T. N. Á."),
        ("An", "A."),  # one word: its initial only, never the whole name
        ("Ư", "Ư."),
        ("Tôn Nữ Thị Hà", "Tôn Nữ T. H."),
        ("Công Tằng Tôn Nữ Minh Châu", "Công Tằng Tôn Nữ M. C."),
        ("Âu Dương Phong", "Âu Dương P."),
        ("Tôn Nữ", "Tôn N."),  # a compound family name alone is not kept whole
        ("John Smith", "John S."),
        ("María José García", "María J. G."),
        ("  nguyễn   thị  ư ", "nguyễn T. Ư."),
        ("Lê-Văn Đức", "Lê-Văn Đ."),
        ("", ""),
        ("   ", ""),
        (None, ""),
        ("123", ""),
    ],
)
def test_mask_name(name: str | None, masked: str) -> None:
    assert mask_name(name) == masked


def test_mask_name_normalises_decomposed_text() -> None:
    decomposed = unicodedata.normalize("NFD", "Nguyễn Văn Ánh")
    assert mask_name(decomposed) == "Nguyễn V. Á."
    assert unicodedata.is_normalized("NFC", mask_name(decomposed))


def test_masked_name_never_contains_a_later_word_whole() -> None:
    for name in ("Nguyễn Văn An", "Phạm Thị Bích Ngọc", "John Ronald Reuel Tolkien"):
        words = name.split()
        shown = mask_name(name)
        for word in words[1:]:
            assert word not in shown.split()


def test_mask_digits_keeps_only_a_tail() -> None:
    assert mask_digits("0912345678") == "•••••••678"
    assert mask_digits("12") == "••"
    assert mask_digits("") == ""
