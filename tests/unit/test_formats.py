"""Vietnamese number formats (defect 8 of issue #6): dots group thousands, a comma marks
decimals, rounding is half up on the written value, zero is never negative."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest

from onestop_desktop.domain import formats


@pytest.mark.parametrize(
    "number, text",
    [
        (0, "0"),
        (7, "7"),
        (999, "999"),
        (1000, "1.000"),
        (8232, "8.232"),
        (1_000_000, "1.000.000"),
        (-8232, "-8.232"),
        (12_345_678_901_234, "12.345.678.901.234"),
    ],
)
def test_integers_group_thousands_with_dots(number: int, text: str) -> None:
    assert formats.fmt_int(number) == text


@pytest.mark.parametrize(
    "value, digits, text",
    [
        (6.6, 1, "6,6"),
        (0, 1, "0,0"),
        (6.55, 1, "6,6"),  # half up on the written value (the float is 6.5499…)
        (0.05, 1, "0,1"),
        (0.25, 1, "0,3"),
        (2.5, 0, "3"),
        (3.5, 0, "4"),
        (-0.04, 1, "0,0"),  # rounds to zero: no minus sign
        (-0.05, 1, "-0,1"),
        (-1234.56, 1, "-1.234,6"),
        (12345.678, 2, "12.345,68"),
        (1_000_000.0, 1, "1.000.000,0"),
        (Decimal("99.95"), 1, "100,0"),
        (7, 2, "7,00"),
        (8232, 0, "8.232"),
    ],
)
def test_decimals_use_a_comma(value: float, digits: int, text: str) -> None:
    assert formats.fmt_decimal(value, digits) == text


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf, Decimal("NaN")])
def test_a_non_number_is_refused_rather_than_printed(bad: float) -> None:
    with pytest.raises(ValueError):
        formats.fmt_decimal(bad)


def test_negative_digits_are_refused() -> None:
    with pytest.raises(ValueError):
        formats.fmt_decimal(1.0, -1)


@pytest.mark.parametrize(
    "percent, text",
    [(96.2, "96,2%"), (100, "100,0%"), (0, "0,0%"), (96.25, "96,3%"), (-3.14, "-3,1%")],
)
def test_percent(percent: float, text: str) -> None:
    assert formats.fmt_percent(percent) == text


def test_percent_with_no_decimals() -> None:
    assert formats.fmt_percent(96.5, 0) == "97%"


@pytest.mark.parametrize(
    "part, whole, text",
    [(962, 1000, "96,2%"), (1, 3, "33,3%"), (2, 3, "66,7%"), (0, 5, "0,0%"), (5, 5, "100,0%")],
)
def test_share_is_exact_decimal_arithmetic(part: int, whole: int, text: str) -> None:
    assert formats.fmt_share(part, whole) == text


def test_share_of_nothing_is_a_dash() -> None:
    assert formats.fmt_share(0, 0) == "—"


@pytest.mark.parametrize(
    "seconds, text",
    [
        (0, "0,0 giây"),
        (6.6, "6,6 giây"),
        (6.64, "6,6 giây"),
        (0.04, "0,0 giây"),
        (59.94, "59,9 giây"),
        (59.96, "1 phút"),  # would read 60,0 giây
        (60, "1 phút"),
        (125, "2 phút 5 giây"),
        (3599.4, "59 phút 59 giây"),
        (3600, "1 giờ"),
        (5400, "1 giờ 30 phút"),
        (90_000, "25 giờ"),
        (-6.6, "-6,6 giây"),
    ],
)
def test_durations_in_words(seconds: float, text: str) -> None:
    assert formats.fmt_duration(seconds) == text


@pytest.mark.parametrize(
    "size, text",
    [
        (0, "0 byte"),
        (512, "512 byte"),
        (1023, "1023 byte"),
        (1024, "1,0 KB"),
        (1536, "1,5 KB"),
        (12_900_000, "12,3 MB"),
        (1024**2 * 1023.99, "1,0 GB"),  # would read 1.024,0 MB
        (4 * 1024**3, "4,0 GB"),
        (5 * 1024**5, "5.120,0 TB"),
    ],
)
def test_sizes(size: float, text: str) -> None:
    assert formats.fmt_size(int(size)) == text


def test_a_negative_size_is_refused() -> None:
    with pytest.raises(ValueError):
        formats.fmt_size(-1)


@pytest.mark.parametrize(
    "amount, text", [(0, "0 đ"), (1_000_000, "1.000.000 đ"), (-50_000, "-50.000 đ")]
)
def test_money(amount: int, text: str) -> None:
    assert formats.fmt_money(amount) == text
