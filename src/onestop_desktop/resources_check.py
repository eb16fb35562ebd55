"""Locate the fonts shipped with the app and check that they can print Vietnamese.

The top-level ``resources/`` folder of the repository is installed as the package
``onestop_desktop.resources`` (see ``[tool.setuptools]`` in pyproject.toml, and the
same mapping in ``build.spec`` for the frozen app), so one lookup through
:mod:`importlib.resources` works from a source checkout, an editable install, a wheel and
a PyInstaller build alike. reportlab needs real file paths for TrueType fonts: the
package is always installed as plain files, so the traversables are real paths.

This module must not import Qt: ``self-check`` and the slip printer use it headless.
"""

from __future__ import annotations

import struct
import unicodedata
from importlib.resources import files
from pathlib import Path

from reportlab.pdfbase.ttfonts import TTFError, TTFontFile

RESOURCES_PACKAGE = "onestop_desktop.resources"

#: Font role -> file name inside ``resources/fonts/``.
FONT_FILES: dict[str, str] = {
    "regular": "DejaVuSans.ttf",
    "bold": "DejaVuSans-Bold.ttf",
}

#: Licence text that must travel with the font files.
FONT_LICENSE = "LICENSE-DejaVu.txt"

#: Every precomposed letter of Vietnamese (67 lower case, 67 upper case), in NFC.
VIETNAMESE_LETTERS = (
    "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯư"
    "ẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộ"
    "ỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ"
)


def fonts_dir() -> Path:
    """Return the folder that holds the shipped fonts."""
    return Path(str(files(RESOURCES_PACKAGE).joinpath("fonts")))


def font_paths() -> dict[str, Path]:
    """Return the path of each shipped font by role (``"regular"``, ``"bold"``).

    The paths are returned whether or not the files exist; :func:`check_fonts` says
    which are missing.
    """
    folder = fonts_dir()
    return {role: folder / name for role, name in FONT_FILES.items()}


def missing_letters(font_path: Path, letters: str = VIETNAMESE_LETTERS) -> str:
    """Return the letters of ``letters`` (in order, once each) that the font has no glyph for.

    Reads the font's cmap with reportlab, the library that embeds the fonts in PDFs.
    Raises :class:`OSError`, reportlab's ``TTFError`` or :class:`struct.error` (a
    truncated file) if the font cannot be read.
    """
    face = TTFontFile(str(font_path))
    cmap: dict[int, int] = face.charToGlyph
    wanted = dict.fromkeys(unicodedata.normalize("NFC", letters))
    return "".join(ch for ch in wanted if not cmap.get(ord(ch)))


def check_fonts() -> list[str]:
    """Return the problems with the shipped fonts, or an empty list if they are fine.

    A problem is a missing font or licence file, a font that cannot be read, or a font
    without a glyph for one of the Vietnamese letters.
    """
    problems: list[str] = []
    licence = fonts_dir() / FONT_LICENSE
    if not licence.is_file():
        problems.append(f"font licence file missing: {licence}")
    for role, path in font_paths().items():
        if not path.is_file():
            problems.append(f"{role} font missing: {path}")
            continue
        try:
            missing = missing_letters(path)
        except (OSError, TTFError, struct.error, ValueError, KeyError, IndexError) as exc:
            problems.append(f"{role} font unreadable: {path}: {exc}")
            continue
        if missing:
            problems.append(
                f"{role} font {path.name} lacks {len(missing)} Vietnamese letter(s): {missing}"
            )
    return problems
