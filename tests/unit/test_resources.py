"""The shipped fonts resolve through the package and cover every Vietnamese letter."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest
import reportlab

from onestop_desktop import resources_check
from onestop_desktop.resources_check import (
    FONT_FILES,
    FONT_LICENSE,
    VIETNAMESE_LETTERS,
    check_fonts,
    font_paths,
    missing_letters,
)

REPO_FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"
VERA = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"


def test_letter_list_is_complete_and_nfc() -> None:
    letters = VIETNAMESE_LETTERS
    assert unicodedata.is_normalized("NFC", letters)
    assert len(letters) == len(set(letters)) == 134
    assert all(ch.isalpha() for ch in letters)
    lower = {ch for ch in letters if ch.islower()}
    upper = {ch for ch in letters if ch.isupper()}
    assert len(lower) == len(upper) == 67
    assert {ch.upper() for ch in lower} == upper
    # The letters that plain Latin-1 fonts most often lack.
    assert set("ĂăĐđƠơƯưỹỸ") <= set(letters)


def test_font_paths_resolve_inside_the_package() -> None:
    paths = font_paths()
    assert set(paths) == {"regular", "bold"}
    for role, path in paths.items():
        assert path.name == FONT_FILES[role]
        assert path.is_file(), path
        assert path.stat().st_size > 100_000
        assert path.parent.name == "fonts"
    assert (paths["regular"].parent / FONT_LICENSE).is_file()


def test_font_paths_point_at_the_repository_files_when_run_from_source() -> None:
    if not REPO_FONTS.is_dir():  # pragma: no cover - tests run from a built tree
        pytest.skip("not running from a source checkout")
    for path in font_paths().values():
        assert path.read_bytes() == (REPO_FONTS / path.name).read_bytes()


def test_shipped_fonts_have_no_problems() -> None:
    assert check_fonts() == []


@pytest.mark.parametrize("role", sorted(FONT_FILES))
def test_every_vietnamese_letter_is_covered(role: str) -> None:
    assert missing_letters(font_paths()[role]) == ""


def test_missing_letters_detects_a_font_without_vietnamese() -> None:
    # reportlab's bundled Vera lacks about a hundred Vietnamese letters.
    missing = missing_letters(VERA)
    assert len(missing) > 50
    assert "ạ" in missing
    assert "a" not in missing_letters(VERA, "abc")


def test_missing_letters_accepts_decomposed_input() -> None:
    decomposed = unicodedata.normalize("NFD", "Nguyễn Văn Đức")
    assert missing_letters(font_paths()["regular"], decomposed) == ""


@pytest.fixture
def fake_fonts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in (*FONT_FILES.values(), FONT_LICENSE):
        shutil.copyfile(REPO_FONTS / name, tmp_path / name)
    monkeypatch.setattr(resources_check, "fonts_dir", lambda: tmp_path)
    return tmp_path


def test_fake_folder_starts_clean(fake_fonts: Path) -> None:
    assert check_fonts() == []


def test_check_reports_a_missing_font(fake_fonts: Path) -> None:
    (fake_fonts / FONT_FILES["bold"]).unlink()
    problems = check_fonts()
    assert len(problems) == 1
    assert problems[0].startswith("bold font missing")


def test_check_reports_a_missing_licence(fake_fonts: Path) -> None:
    (fake_fonts / FONT_LICENSE).unlink()
    assert check_fonts() == [f"font licence file missing: {fake_fonts / FONT_LICENSE}"]


def test_check_reports_a_font_without_vietnamese(fake_fonts: Path) -> None:
    shutil.copyfile(VERA, fake_fonts / FONT_FILES["regular"])
    problems = check_fonts()
    assert len(problems) == 1
    assert problems[0].startswith("regular font DejaVuSans.ttf lacks")
    assert "ạ" in problems[0]


@pytest.mark.parametrize("kind", ["empty", "garbage", "truncated"])
def test_check_reports_an_unreadable_font(fake_fonts: Path, kind: str) -> None:
    font = fake_fonts / FONT_FILES["regular"]
    content = {
        "empty": b"",
        "garbage": b"not a font at all" * 10,
        "truncated": font.read_bytes()[:5000],
    }[kind]
    font.write_bytes(content)
    problems = check_fonts()
    assert len(problems) == 1
    assert problems[0].startswith("regular font unreadable")
