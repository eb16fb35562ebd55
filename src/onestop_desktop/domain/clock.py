"""Time in the app: always aware, always Asia/Ho_Chi_Minh (+07:00, no DST).

Vietnam has had no daylight saving since 1975, so a fixed offset is exact and needs no tz database
(which a frozen Windows build may lack).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

VN_TZ = timezone(timedelta(hours=7), "ICT")


def now() -> datetime:
    """The current time in Vietnam, to the second."""
    return datetime.now(VN_TZ).replace(microsecond=0)


def to_vn(moment: datetime) -> datetime:
    """``moment`` in +07:00; a naive value is taken to be Vietnamese local time already."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=VN_TZ)
    return moment.astimezone(VN_TZ)


def iso(moment: datetime) -> str:
    """ISO 8601 with the +07:00 offset, as stored everywhere: ``2025-07-01T08:30:00+07:00``."""
    return to_vn(moment).isoformat(timespec="seconds")


def parse_iso(text: str) -> datetime:
    """The inverse of :func:`iso`; naive text is read as Vietnamese local time."""
    return to_vn(datetime.fromisoformat(text))


def fmt_date(value: date | datetime) -> str:
    """dd/mm/yyyy, the way every Vietnamese form writes a date."""
    if isinstance(value, datetime):
        value = to_vn(value)
    return value.strftime("%d/%m/%Y")


def fmt_datetime(value: datetime) -> str:
    """dd/mm/yyyy HH:MM in Vietnamese time: how the worklist and the CLI show a moment."""
    return to_vn(value).strftime("%d/%m/%Y %H:%M")


def fmt_int(number: int) -> str:
    """8.232: dots as thousands separators, as Vietnamese text writes a count."""
    return f"{number:,}".replace(",", ".")


def fmt_money(amount: int) -> str:
    """1.000.000 đ: dots as thousands separators, as Vietnamese forms write money."""
    return fmt_int(amount) + " đ"
