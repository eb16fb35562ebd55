"""Agency codes (mã định danh điện tử) and dossier codes (mã hồ sơ).

Dossier code = ``<unit code>-<YYMMDD>-<NNNN>``. Several stations of one unit work offline and must
never hand out the same code, so the daily sequence is partitioned by station: the first digit of
NNNN is the station number (1–9) and the rest is that station's count for the day, at least three
digits: station 2's fifth dossier on 26/11/2026 is ``…-261126-2005``. Past 999 in a day the count
simply grows (``…-2-1000`` → ``21000``); the station digit keeps every code distinct.
"""

from __future__ import annotations

import re
from datetime import date

from onestop_desktop.domain.text import nfkc_code
from onestop_desktop.errors import ValidationError

# The 13-character state agency form LLL.KK.JJ.XNN read right to left (Decision 20/2020/QĐ-TTg):
# X = G (central) or H (province) with its 2-digit number, then levels 2, 3 and 4.
_STATE_AGENCY = re.compile(r"^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z]\d{2}$")

MAX_STATION = 9


def validate_unit_code(text: str) -> str:
    """The unit's electronic agency code, upper-cased; a clear message when malformed."""
    code = text.strip().upper()
    if _STATE_AGENCY.match(code):
        return code
    raise ValidationError(
        "Mã định danh đơn vị «{code}» không đúng dạng LLL.KK.JJ.XNN (ví dụ 000.00.12.H29)",
        field="unit_code",
        code=text,
    )


def validate_station(number: int | str) -> int:
    """A station number 1–9 (one digit of the daily sequence, see the module docstring)."""
    try:
        value = int(number)
    except (TypeError, ValueError):
        value = -1
    if not 1 <= value <= MAX_STATION:
        raise ValidationError(
            "Số hiệu máy trạm phải từ 1 đến {limit} (nhận được {value})",
            field="station",
            limit=str(MAX_STATION),
            value=repr(number),
        )
    return value


def dossier_code(unit_code: str, day: date, station: int, count: int) -> str:
    """The national-format code for a station's ``count``-th dossier (from 1) of ``day``."""
    if count < 1:
        raise ValueError("count starts at 1")
    return f"{unit_code}-{day:%y%m%d}-{station}{count:03d}"


_CODE = re.compile(r"^(?P<unit>[0-9A-Z.]+)-(?P<day>\d{6})-(?P<seq>\d{4,})$", re.ASCII)


def _code_text(text: str) -> str:
    """A code as typed, NFKC (full-width digits U+FF10–U+FF19, dots U+FF0E and hyphens from an
    IME or a PDF copy become ASCII) and upper-cased: the same code whatever keyboard typed it."""
    return nfkc_code(text).replace("\u2010", "-").replace("\u2011", "-").upper()


def looks_like_dossier_code(text: str) -> bool:
    """Whether ``text`` is a whole dossier code (what a barcode reader types), full-width
    characters read as their ASCII forms."""
    return bool(_CODE.match(_code_text(text)))


def parse_dossier_code(text: str) -> tuple[str, str, str]:
    """``(unit code, YYMMDD, sequence)`` of a dossier code (NFKC: full-width digits accepted)."""
    m = _CODE.match(_code_text(text))
    if not m:
        raise ValidationError("Mã hồ sơ «{code}» không đúng dạng", field="code", code=text)

    return m["unit"], m["day"], m["seq"]


def code_day(text: str) -> date | None:
    """The day a dossier code was issued (its YYMMDD, years 2000–2099), ``None`` when ``text`` is
    not a code or its six digits are no calendar date (``…-251399-…``)."""
    m = _CODE.match(_code_text(text))
    if not m:
        return None
    day = m["day"]
    try:
        return date(2000 + int(day[:2]), int(day[2:4]), int(day[4:]))
    except ValueError:
        return None


def code_partition(text: str) -> tuple[date, int, int] | None:
    """``(day, station partition, count)`` of a code in the numbering of :func:`dossier_code`
    (first digit of the sequence the station, 0 for the legacy ledger; the rest its count), or
    ``None`` when ``text`` is not such a code."""
    day = code_day(text)
    m = _CODE.match(_code_text(text))
    if day is None or m is None:
        return None
    seq = m["seq"]
    return day, int(seq[0]), int(seq[1:])


def code_unit(text: str) -> str | None:
    """The unit part of a dossier code, ``None`` when ``text`` is not a code."""
    m = _CODE.match(_code_text(text))
    return m["unit"] if m else None
