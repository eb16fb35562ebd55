"""The business settings the reference leaves unconfirmed (docs/rules.md, «Quy tắc chưa xác nhận»).

Four keys of the ``settings`` table, typed and validated here so that no face of the app writes a
value the services would misread: ``supplement_mode``, ``max_reschedules``, ``office_hours`` and
``same_day_cutoff``. Only an admin (or the operator) may change them; each change is one
transaction that also records the event ``settings.changed`` {key, old, new} (``None`` = default).

Office hours and the same-day cut-off are checked with the very parser the calendar uses
(:func:`onestop_desktop.services.calendar.office_hours`), on the new value inside the
transaction: a value the calendar would refuse is rolled back before anything is committed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time

from onestop_desktop.domain.calendar import DEFAULT_CUTOFF, DEFAULT_PERIODS
from onestop_desktop.errors import PermissionDenied, ValidationError
from onestop_desktop.services import calendar as calendar_service
from onestop_desktop.services.audit import record
from onestop_desktop.services.context import Session

MANAGE_PERMISSION = "calendar.manage"
"""The existing admin-only permission that also guards these settings (office hours are part of
the working calendar)."""

EVENT_KIND = "settings.changed"


@dataclass(frozen=True)
class Setting:
    """One business setting as shown to the admin: its effective value and its default."""

    key: str
    value: str
    default: str
    description_vi: str

    @property
    def is_default(self) -> bool:
        return self.value == self.default


@dataclass(frozen=True)
class _Spec:
    default: str
    description_vi: str
    accepted_vi: str


def _hm(value: time) -> str:
    return value.strftime("%H:%M")


SPECS: dict[str, _Spec] = {
    "supplement_mode": _Spec(
        "pause",
        "Khi nhận hồ sơ bổ sung: «pause» tạm dừng thời hạn (lùi ngày hẹn thêm đúng số giờ làm việc "
        "chờ bổ sung) hoặc «restart» tính lại thời hạn từ đầu kể từ lúc nhận bổ sung",
        "«pause» hoặc «restart»",
    ),
    "max_reschedules": _Spec(
        "",
        "Số lần tối đa được xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04) của một hồ sơ; để trống "
        "là không giới hạn",
        "để trống (không giới hạn) hoặc một số nguyên từ 1 trở lên, ví dụ «1»",
    ),
    "office_hours": _Spec(
        ",".join(f"{_hm(a)}-{_hm(b)}" for a, b in DEFAULT_PERIODS),
        "Giờ làm việc của Bộ phận Một cửa, các buổi cách nhau bằng dấu phẩy; dùng để tính ngày "
        "hẹn trả",
        "các buổi «HH:MM-HH:MM» theo thứ tự, không chồng lên nhau, cách nhau bằng dấu phẩy, "
        "ví dụ «07:00-11:30,13:30-17:00»",
    ),
    "same_day_cutoff": _Spec(
        _hm(DEFAULT_CUTOFF),
        "Giờ chốt nhận hồ sơ trả trong ngày: nhận trước giờ này thì trả trong ngày, sau giờ này "
        "thì trả ngày làm việc kế tiếp",
        "giờ «HH:MM» nằm trong giờ làm việc (sau giờ mở cửa, không muộn hơn giờ đóng cửa), "
        "ví dụ «15:00»",
    ),
}
"""Every business setting, in the order ``onestop settings list`` shows them."""

SUPPLEMENT_MODES = ("pause", "restart")
_MAX_RESCHEDULES = re.compile(r"[0-9]{1,9}")


def _spec(key: str) -> _Spec:
    spec = SPECS.get(key)
    if spec is None:
        raise ValidationError(
            f"Không có thiết lập «{key}»; các thiết lập nghiệp vụ: {', '.join(SPECS)}",
            field="key",
        )
    return spec


def _require_manage(ctx: Session) -> None:
    if not ctx.may(MANAGE_PERMISSION):
        raise PermissionDenied(
            f"Tài khoản {ctx.actor.username} ({ctx.actor.role.label}) không có quyền thay đổi "
            "thiết lập nghiệp vụ (chỉ quản trị viên)"
        )


def _bad(key: str, value: str, why: str = "") -> ValidationError:
    reason = f" ({why.rstrip('.')})" if why else ""
    return ValidationError(
        f"Giá trị «{value}» của thiết lập {key} không hợp lệ{reason}; "
        f"giá trị hợp lệ: {SPECS[key].accepted_vi}",
        field=key,
    )


def _normalise_plain(key: str, value: str) -> str:
    """Check and normalise the keys that need no calendar: the stored text."""
    text = value.strip()
    if key == "supplement_mode":
        mode = text.lower()
        if mode not in SUPPLEMENT_MODES:
            raise _bad(key, value)
        return mode
    if key == "max_reschedules":
        if not text:
            return ""
        if not _MAX_RESCHEDULES.fullmatch(text) or int(text) < 1:
            raise _bad(key, value)
        return str(int(text))
    return text


def _check_hours(ctx: Session, key: str, shown: str) -> None:
    """Parse the stored office hours and cut-off as the calendar will, and store the canonical
    text of ``key``; a refusal names ``key`` and what it accepts. Call inside the transaction."""
    try:
        hours = calendar_service.office_hours(ctx.store)
    except ValidationError as exc:
        if exc.field and exc.field != key and exc.field in SPECS:
            other = exc.field
            raise ValidationError(
                f"Không đặt được thiết lập {key} = «{shown}»: {exc.message.rstrip('.')} "
                f"(thiết lập {other} đang là «{ctx.store.setting(other) or SPECS[other].default}»; "
                f"đổi {other} trước nếu cần)",
                field=key,
            ) from exc
        raise _bad(key, shown, exc.message) from exc
    if key == "office_hours":
        canonical = ",".join(f"{_hm(a)}-{_hm(b)}" for a, b in hours.periods)
        if ctx.store.setting(key) is not None:
            ctx.store.set_setting(key, canonical)
    elif key == "same_day_cutoff" and ctx.store.setting(key) is not None:
        ctx.store.set_setting(key, _hm(hours.same_day_cutoff))


def _current(ctx: Session, key: str) -> Setting:
    spec = SPECS[key]
    stored = ctx.store.setting(key)
    return Setting(
        key, spec.default if stored is None else stored, spec.default, spec.description_vi
    )


def list_settings(ctx: Session) -> list[Setting]:
    """Every business setting with its effective value (the default when never set)."""
    ctx.require("dossiers.view")
    return [_current(ctx, key) for key in SPECS]


def get_setting(ctx: Session, key: str) -> Setting:
    """One business setting by key (:class:`ValidationError` for an unknown key)."""
    ctx.require("dossiers.view")
    _spec(key)
    return _current(ctx, key)


def _change(ctx: Session, key: str, new: str | None, shown: str) -> Setting:
    """Write ``new`` (``None``: back to the default), validate, record; one transaction."""
    with ctx.store.atomic():
        old = ctx.store.setting(key)
        if new is None:
            ctx.store.db.execute("DELETE FROM settings WHERE key = ?", [key])
        else:
            ctx.store.set_setting(key, new)
        if key in ("office_hours", "same_day_cutoff"):
            _check_hours(ctx, key, shown)
        stored = ctx.store.setting(key)
        if stored != old:
            record(ctx, EVENT_KIND, {"key": key, "old": old, "new": stored})
    return _current(ctx, key)


def set_setting(ctx: Session, key: str, value: str) -> Setting:
    """Set business setting ``key`` to ``value`` (checked and normalised); admin only.

    Setting the value already stored changes nothing and records nothing.
    """
    _require_manage(ctx)
    _spec(key)
    normalised = _normalise_plain(key, value)
    if key in ("office_hours", "same_day_cutoff") and not normalised:
        raise _bad(key, value)
    return _change(ctx, key, normalised, value)


def reset_setting(ctx: Session, key: str) -> Setting:
    """Put business setting ``key`` back to its default; admin only (no-op if already unset)."""
    _require_manage(ctx)
    spec = _spec(key)
    return _change(ctx, key, None, spec.default)
