"""Numbers as Vietnamese text writes them: 8.232 hồ sơ; 6,6 giây; 96,2%; 1.000.000 đ; 12,3 MB.

A dot groups thousands and a comma marks decimals (TCVN and every Vietnamese form), the reverse
of English. Whatever a person reads — CLI text, the GUI, reports, slips — goes through here;
JSON and CSV cells meant for programs keep plain numbers. Dates and moments are in
:mod:`onestop_desktop.domain.clock` (``fmt_date``, ``fmt_datetime``), which also holds the
integer and money forms this module re-exports, so there is one implementation of each.

Rounding is half up on the decimal value a person would write (``0,05`` → ``0,1``), not Python's
round-half-even on the binary float, and a value that rounds to zero never shows a minus sign.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

from onestop_desktop.domain.clock import fmt_int, fmt_money

__all__ = [
    "fmt_decimal",
    "fmt_duration",
    "fmt_int",
    "fmt_money",
    "fmt_percent",
    "fmt_share",
    "fmt_size",
]

Number = int | float | Decimal


def _decimal(value: Number) -> Decimal:
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"not a finite number: {value!r}")
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"not a finite number: {value!r}")
        return value
    # str() of a float is its shortest exact-looking form (0.05, not 0.05000000000000000277),
    # which is the number a person means and rounds the way they expect.
    return Decimal(str(value))


def fmt_decimal(value: Number, digits: int = 1) -> str:
    """``6,6``; ``12.345,7``; ``-0,5``; with ``digits=0`` a rounded whole number (``8.232``)."""
    if digits < 0:
        raise ValueError(f"digits must be zero or more, not {digits}")
    rounded = _decimal(value).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    sign = "-" if rounded < 0 else ""
    whole, _, fraction = f"{abs(rounded):f}".partition(".")
    text = sign + fmt_int(int(whole))
    return f"{text},{fraction}" if digits else text


def fmt_percent(percent: Number, digits: int = 1) -> str:
    """``96,2%`` for ``96.2`` (the value is already a percentage, not a fraction)."""
    return fmt_decimal(percent, digits) + "%"


def fmt_share(part: int, whole: int, digits: int = 1) -> str:
    """``part`` as a percentage of ``whole`` (``fmt_share(962, 1000)`` → ``96,2%``); ``—`` when
    ``whole`` is zero, as a report writes a rate that cannot be computed."""
    if whole == 0:
        return "—"
    return fmt_percent(Decimal(part) * 100 / Decimal(whole), digits)


def fmt_duration(seconds: Number) -> str:
    """A time span in words: ``6,6 giây`` under a minute, ``2 phút 5 giây`` under an hour,
    ``1 giờ 30 phút`` beyond (the finer unit dropped once it no longer matters)."""
    value = _decimal(seconds)
    if value < 0:
        return "-" + fmt_duration(-value)
    tenths = value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    if tenths < 60:
        return fmt_decimal(tenths, 1) + " giây"
    whole = int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    if whole < 3600:
        minutes, secs = divmod(whole, 60)
        return f"{minutes} phút" + (f" {secs} giây" if secs else "")
    minutes = int((value / 60).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    hours, mins = divmod(minutes, 60)
    return f"{fmt_int(hours)} giờ" + (f" {mins} phút" if mins else "")


_UNITS = ("KB", "MB", "GB", "TB")


def fmt_size(size: int) -> str:
    """A file or disk size: ``512 byte``, ``1,5 KB``, ``12,3 MB``, ``4,0 GB`` (1 KB = 1.024
    byte, as the operating system shows it)."""
    if size < 0:
        raise ValueError(f"a size is not negative: {size}")
    if size < 1024:
        return f"{size} byte"
    value = Decimal(size) / 1024
    unit = 0
    # Move up a unit once the rounded value would read 1.024 of this one.
    while value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP) >= 1024 and unit < 3:
        value /= 1024
        unit += 1
    return f"{fmt_decimal(value, 1)} {_UNITS[unit]}"
