"""The business settings the reference leaves unconfirmed (docs/rules.md, «Quy tắc chưa xác nhận»).

Each setting is defined **once**, as a :class:`Definition`: its name, its type (a parser from the
stored text to a typed value and a formatter back), its default, its allowed values and its help
in Vietnamese. Services read a setting only through :func:`value` (or :func:`office_hours`, which
combines two), so no service ever re-parses the stored text or repeats a default:

    mode = settings.value(ctx.store, settings.SUPPLEMENT_MODE)   # "pause" | "restart"
    limit = settings.value(ctx.store, settings.MAX_RESCHEDULES)  # int | None (no limit)

Only an admin (or the operator) may change a setting; each change is one transaction that also
records the event ``settings.changed`` {key, old, new} (``None`` = default). Office hours and the
same-day cut-off are checked together (``domain.calendar.OfficeHours``) on the new value inside
the transaction: a pair the calendar would refuse is rolled back before anything is committed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import time
from typing import Generic, Literal, TypeVar, cast

from onestop_desktop.domain.calendar import DEFAULT_CUTOFF, DEFAULT_PERIODS, OfficeHours, Period
from onestop_desktop.domain.payloads import SettingsChanged
from onestop_desktop.domain.stats import ON_TIME_BASES, OnTimeBasis
from onestop_desktop.errors import Msg, PermissionDenied, ValidationError
from onestop_desktop.services.audit import record
from onestop_desktop.services.context import Session
from onestop_desktop.store import settings as setting_rows
from onestop_desktop.store.db import Store

MANAGE_PERMISSION = "calendar.manage"
"""The existing admin-only permission that also guards these settings (office hours are part of
the working calendar)."""

EVENT_KIND = "settings.changed"

SupplementMode = Literal["pause", "restart"]
SUPPLEMENT_MODES: tuple[SupplementMode, ...] = ("pause", "restart")

T = TypeVar("T")


class Invalid(Exception):
    """Raised by a parser: the text is not a value of the setting (``why`` says what is wrong)."""

    def __init__(self, why: Msg | None = None) -> None:
        super().__init__(str(why or ""))
        self.why = why


@dataclass(frozen=True)
class Definition(Generic[T]):
    """One business setting: everything the app knows about it, in one place."""

    name: str
    type_vi: Msg
    """The kind of value, for the help ("một trong các giá trị", "số nguyên", "giờ HH:MM")."""
    default: T
    parse: Callable[[str], T]
    """Stored or typed text → typed value; raises :class:`Invalid`."""
    format: Callable[[T], str]
    """Typed value → its canonical stored text (``parse(format(v)) == v``)."""
    help_vi: Msg
    accepted_vi: Msg
    """What the setting accepts, said to someone who typed a wrong value."""
    choices: tuple[str, ...] = field(default=())
    """The allowed values, when they are a fixed list."""

    @property
    def default_text(self) -> str:
        return self.format(self.default)

    def normalise(self, text: str) -> str:
        """The canonical text of ``text`` (:class:`Invalid` if it is not a value)."""
        return self.format(self.parse(text))


# ------------------------------------------------------------------------------------ parsers

_HM = re.compile(r"([0-9]{1,2}):([0-9]{1,2})")
_COUNT = re.compile(r"[0-9]{1,9}")


def _hm(value: time) -> str:
    return value.strftime("%H:%M")


def _parse_hm(text: str) -> time:
    match = _HM.fullmatch(text.strip())
    if match is None:
        raise Invalid(Msg("«{text}» không đúng dạng HH:MM", text=text.strip()))
    try:
        return time(int(match[1]), int(match[2]))
    except ValueError as exc:
        raise Invalid(Msg("«{text}» không phải một giờ trong ngày", text=text.strip())) from exc


def _parse_limit(text: str) -> int | None:
    stripped = text.strip()
    if not stripped:
        return None
    if not _COUNT.fullmatch(stripped) or int(stripped) < 1:
        raise Invalid()
    return int(stripped)


def _parse_periods(text: str) -> tuple[Period, ...]:
    if not text.strip():
        raise Invalid()
    pairs = [part.split("-") for part in text.split(",")]
    if any(len(pair) != 2 for pair in pairs):
        raise Invalid()
    periods = tuple((_parse_hm(a), _parse_hm(b)) for a, b in pairs)
    try:  # order and overlap, as the calendar checks them (the cut-off at closing is valid)
        OfficeHours(periods, max(end for _, end in periods))
    except ValidationError as exc:
        raise Invalid(exc.as_msg()) from exc
    return periods


def _format_periods(periods: tuple[Period, ...]) -> str:
    return ",".join(f"{_hm(a)}-{_hm(b)}" for a, b in periods)


# ------------------------------------------------------------------ kinds of setting, built once

C = TypeVar("C", bound=str)


def choice_setting(
    name: str, choices: tuple[C, ...], default: C, help_vi: Msg, accepted_vi: Msg
) -> Definition[C]:
    """A setting that is one of a fixed list of words (typed in any case, spaces around
    ignored); the admin screen offers the list."""

    def parse(text: str) -> C:
        word = text.strip().lower()
        for choice in choices:
            if choice == word:
                return choice
        raise Invalid()

    return Definition(
        name=name,
        type_vi=Msg("một trong các giá trị"),
        default=default,
        parse=parse,
        format=str,
        help_vi=help_vi,
        accepted_vi=accepted_vi,
        choices=choices,
    )


def count_setting(
    name: str, *, low: int, high: int, default: int, type_vi: Msg, help_vi: Msg, accepted_vi: Msg
) -> Definition[int]:
    """A whole number from ``low`` to ``high`` (ASCII digits only; the admin screen gives it a
    number box)."""

    def parse(text: str) -> int:
        stripped = text.strip()
        if not _COUNT.fullmatch(stripped) or not low <= int(stripped) <= high:
            raise Invalid()
        return int(stripped)

    return Definition(
        name=name,
        type_vi=type_vi,
        default=default,
        parse=parse,
        format=str,
        help_vi=help_vi,
        accepted_vi=accepted_vi,
    )


def _parse_folder(text: str) -> str:
    stripped = text.strip()
    if len(stripped) > 500 or any(ord(c) < 32 for c in stripped):
        raise Invalid()
    return stripped


def folder_setting(name: str, help_vi: Msg, accepted_vi: Msg) -> Definition[str]:
    """A folder path of this station (empty by default: the feature is off); at most 500
    characters, no control characters. Whether the folder exists is the feature's business."""
    return Definition(
        name=name,
        type_vi=Msg("đường dẫn thư mục"),
        default="",
        parse=_parse_folder,
        format=str,
        help_vi=help_vi,
        accepted_vi=accepted_vi,
    )


def register(*definitions: Definition[T], label_vi: Msg | None = None) -> None:
    """Add settings to :data:`DEFINITIONS` (after those there, in this order); ``label_vi`` is
    the admin screen's name for a single one (:data:`LABELS`)."""
    if label_vi is not None:
        (one,) = definitions  # a label names exactly one setting
        LABELS[one.name] = label_vi
    for definition in definitions:
        DEFINITIONS[definition.name] = cast("Definition[object]", definition)


# -------------------------------------------------------------------------------- definitions

SUPPLEMENT_MODE: Definition[SupplementMode] = choice_setting(
    "supplement_mode",
    SUPPLEMENT_MODES,
    "pause",
    help_vi=Msg(
        "Khi nhận hồ sơ bổ sung: «pause» tạm dừng thời hạn (lùi ngày hẹn thêm đúng số giờ làm "
        "việc chờ bổ sung) hoặc «restart» tính lại thời hạn từ đầu kể từ lúc nhận bổ sung"
    ),
    accepted_vi=Msg("«pause» hoặc «restart»"),
)

MAX_RESCHEDULES: Definition[int | None] = Definition(
    name="max_reschedules",
    type_vi=Msg("số nguyên dương, hoặc để trống"),
    # 1: the one-stop rules allow one new appointment (Mẫu 04); the text of Decree 118/2025
    # could not be read here, so the default is marked unconfirmed in docs/rules.md.
    default=1,
    parse=_parse_limit,
    format=lambda limit: "" if limit is None else str(limit),
    help_vi=Msg(
        "Số lần tối đa được xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04) của một hồ sơ; mặc định "
        "1 (chưa xác nhận với văn bản); để trống là không giới hạn"
    ),
    accepted_vi=Msg("để trống (không giới hạn) hoặc một số nguyên từ 1 trở lên, ví dụ «1»"),
)


ON_TIME_BASIS: Definition[OnTimeBasis] = choice_setting(
    "on_time_basis",
    ON_TIME_BASES,
    "first",
    help_vi=Msg(
        "Hồ sơ được tính đúng hạn theo «first» ngày hẹn đầu tiên (mặc định: hẹn lại theo Mẫu 04 "
        "là xin lỗi, không làm hồ sơ thành đúng hạn) hoặc «latest» ngày hẹn sau cùng"
    ),
    accepted_vi=Msg("«first» hoặc «latest»"),
)

OFFICE_HOURS: Definition[tuple[Period, ...]] = Definition(
    name="office_hours",
    type_vi=Msg("các buổi HH:MM-HH:MM"),
    default=DEFAULT_PERIODS,
    parse=_parse_periods,
    format=_format_periods,
    help_vi=Msg(
        "Giờ làm việc của Bộ phận Một cửa, các buổi cách nhau bằng dấu phẩy; dùng để tính ngày "
        "hẹn trả"
    ),
    accepted_vi=Msg(
        "các buổi «HH:MM-HH:MM» theo thứ tự, không chồng lên nhau, cách nhau bằng dấu phẩy, "
        "ví dụ «07:00-11:30,13:30-17:00»"
    ),
)

SAME_DAY_CUTOFF: Definition[time] = Definition(
    name="same_day_cutoff",
    type_vi=Msg("giờ HH:MM"),
    default=DEFAULT_CUTOFF,
    parse=_parse_hm,
    format=_hm,
    help_vi=Msg(
        "Giờ chốt nhận hồ sơ trả trong ngày: nhận trước giờ này thì trả trong ngày, sau giờ này "
        "thì trả ngày làm việc kế tiếp"
    ),
    accepted_vi=Msg(
        "giờ «HH:MM» nằm trong giờ làm việc (sau giờ mở cửa, không muộn hơn giờ đóng cửa), "
        "ví dụ «15:00»"
    ),
)

DEFINITIONS: dict[str, Definition[object]] = {
    d.name: cast("Definition[object]", d)
    for d in (SUPPLEMENT_MODE, MAX_RESCHEDULES, ON_TIME_BASIS, OFFICE_HOURS, SAME_DAY_CUTOFF)
}
"""Every business setting, in the order ``onestop settings list`` shows them."""


# --- paper fallback (#9): added apart from the table above so other additions do not collide.


PAPER_ENTRY_DAYS: Definition[int] = count_setting(
    "paper_entry_days",
    low=1,
    high=30,
    default=3,
    type_vi=Msg("số nguyên dương"),
    help_vi=Msg(
        "Hồ sơ tiếp nhận trên giấy khi mất điện, hỏng máy được nhập vào phần mềm trong vòng bấy "
        "nhiêu ngày làm việc kể từ ngày tiếp nhận thật (mặc định 3); quá hạn này thì không nhập "
        "được nữa"
    ),
    accepted_vi=Msg("một số nguyên từ 1 đến 30, ví dụ «3»"),
)
register(PAPER_ENTRY_DAYS)


# --- idle lock (#9): added apart from the table above so other additions do not collide.


IDLE_LOCK_MINUTES: Definition[int] = count_setting(
    "idle_lock_minutes",
    low=0,
    high=240,
    default=10,
    type_vi=Msg("số phút"),
    help_vi=Msg(
        "Sau bấy nhiêu phút không dùng bàn phím, chuột, cửa sổ chính bị khóa và phải nhập lại mật "
        "khẩu (mặc định 10); 0 là không tự khóa"
    ),
    accepted_vi=Msg("một số nguyên từ 0 đến 240, ví dụ «10» (0: không tự khóa)"),
)
register(IDLE_LOCK_MINUTES)


# --- printed slips (#10): added apart from the table above so other additions do not collide.

MAX_SLIP_TEXT = 300


def _slip_text(text: str) -> str:
    """Free text printed on every slip: NFC, trimmed, one line, at most 300 characters."""
    from onestop_desktop.domain.text import nfc

    value = nfc(text.strip())
    if len(value) > MAX_SLIP_TEXT or any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise Invalid()
    return value


def _slip_setting(name: str, help_vi: Msg, default: str = "") -> Definition[str]:
    return Definition(
        name=name,
        type_vi=Msg("chữ (một dòng)"),
        default=default,
        parse=_slip_text,
        format=str,
        help_vi=help_vi,
        accepted_vi=Msg("một dòng chữ, tối đa 300 ký tự; để trống là dùng mặc định"),
    )


SLIP_UNIT_HEADER = _slip_setting(
    "slip_unit_header",
    Msg(
        "Các dòng tên đơn vị ở góc trái trên các phiếu in, cách nhau bằng dấu «|», ví dụ «UBND XÃ "
        "TÂN THÀNH|TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG»; để trống là tên đơn vị viết hoa và «BỘ "
        "PHẬN MỘT CỬA»"
    ),
)
SLIP_PLACE = _slip_setting(
    "slip_place",
    Msg(
        "Địa danh ở dòng ngày tháng của phiếu in («Tân Thành, ngày … tháng … năm …»); để trống là "
        "lấy từ tên đơn vị (bỏ «UBND xã», «UBND phường»)"
    ),
)
SLIP_OFFICE = _slip_setting(
    "slip_office",
    Msg("Tên bộ phận tiếp nhận in trong phiếu; để trống là «Bộ phận Một cửa» và tên đơn vị"),
)
SLIP_SIGNER_TITLE = _slip_setting(
    "slip_signer_title",
    Msg(
        "Chức danh người ký Phiếu xin lỗi và hẹn lại (Mẫu 04), ví dụ «KT. CHỦ TỊCH|PHÓ CHỦ "
        "TỊCH» (dấu «|» xuống dòng)"
    ),
    "CHỦ TỊCH",
)
SLIP_SIGNER_NAME = _slip_setting(
    "slip_signer_name",
    Msg("Họ tên người ký Phiếu xin lỗi và hẹn lại (Mẫu 04); để trống là ký và ghi tay"),
)
SLIP_CONTACT = _slip_setting(
    "slip_contact",
    Msg(
        "Nơi liên hệ in trên Phiếu yêu cầu bổ sung (Mẫu 02) và Phiếu từ chối (Mẫu 03), ví dụ "
        "«Bộ phận Một cửa, số điện thoại 0274 3 123 456»; để trống là tên bộ phận tiếp nhận"
    ),
)
SLIP_RESULT_PLACE = _slip_setting(
    "slip_result_place",
    Msg(
        "Nơi nhận kết quả in ở mục 6 của Giấy tiếp nhận (Mẫu 01) khi nhận trực tiếp; hồ sơ nộp "
        "qua bưu chính in «Qua dịch vụ bưu chính công ích»"
    ),
    "Bộ phận Một cửa (nhận trực tiếp)",
)
SLIP_PAPER: Definition[str] = choice_setting(
    "slip_paper",
    ("a4", "a5", "80mm"),
    "a4",
    help_vi=Msg(
        "Khổ giấy in phiếu: «a4», «a5» hoặc «80mm» (máy in nhiệt; chỉ Giấy tiếp nhận in trên "
        "khổ 80 mm, các phiếu khác in A4)"
    ),
    accepted_vi=Msg("«a4», «a5» hoặc «80mm»"),
)
SLIP_RECEIPT_LAYOUT: Definition[str] = choice_setting(
    "slip_receipt_layout",
    ("a4_two", "a5_each"),
    "a4_two",
    help_vi=Msg(
        "Cách in hai liên Giấy tiếp nhận (Mẫu 01) khi khổ giấy A4: «a4_two» hai liên trên một "
        "tờ A4 (cắt đôi), «a5_each» mỗi liên một tờ A5"
    ),
    accepted_vi=Msg("«a4_two» hoặc «a5_each»"),
)
register(
    SLIP_UNIT_HEADER,
    SLIP_PLACE,
    SLIP_OFFICE,
    SLIP_SIGNER_TITLE,
    SLIP_SIGNER_NAME,
    SLIP_CONTACT,
    SLIP_RESULT_PLACE,
    SLIP_PAPER,
    SLIP_RECEIPT_LAYOUT,
)

_HOURS_KEYS = (OFFICE_HOURS.name, SAME_DAY_CUTOFF.name)


# ------------------------------------------------------------------------------------ reading


def value(store: Store, definition: Definition[T]) -> T:
    """The typed value of ``definition`` (its default when never set).

    Stored text that does not parse (written by hand into the database) is a
    :class:`ValidationError` naming the setting, never a silent default.
    """
    stored = setting_rows.get(store, definition.name)
    if stored is None:
        return definition.default
    try:
        return definition.parse(stored)
    except Invalid as exc:
        raise _bad(definition, stored, exc.why) from exc


def office_hours(store: Store) -> OfficeHours:
    """The office hours and same-day cut-off together, as the calendar uses them."""
    return OfficeHours(value(store, OFFICE_HOURS), value(store, SAME_DAY_CUTOFF))


# ------------------------------------------------------------------------------ the admin's view


@dataclass(frozen=True)
class Setting:
    """One business setting as shown to the admin: its effective value and its default."""

    key: str
    value: str
    default: str
    description_vi: str
    accepted_vi: str = ""
    choices: tuple[str, ...] = ()

    @property
    def is_default(self) -> bool:
        return self.value == self.default


def _definition(key: str) -> Definition[object]:
    definition = DEFINITIONS.get(key)
    if definition is None:
        raise ValidationError(
            "Không có thiết lập «{key}»; các thiết lập nghiệp vụ: {keys}",
            field="key",
            key=key,
            keys=", ".join(DEFINITIONS),
        )
    return definition


def _require_manage(ctx: Session) -> None:
    if not ctx.may(MANAGE_PERMISSION):
        raise PermissionDenied(
            "Tài khoản {username} ({role}) không có quyền thay đổi thiết lập nghiệp vụ "
            "(chỉ quản trị viên)",
            username=ctx.actor.username,
            role=ctx.actor.role.label_msg,
        )


def _bad(definition: Definition[T], text: str, why: Msg | None = None) -> ValidationError:
    if why is not None:
        return ValidationError(
            "Giá trị «{value}» của thiết lập {key} không hợp lệ ({reason}); giá trị hợp lệ: "
            "{accepted}",
            field=definition.name,
            value=text,
            key=definition.name,
            reason=why,
            accepted=definition.accepted_vi,
        )
    return ValidationError(
        "Giá trị «{value}» của thiết lập {key} không hợp lệ; giá trị hợp lệ: {accepted}",
        field=definition.name,
        value=text,
        key=definition.name,
        accepted=definition.accepted_vi,
    )


def _check_hours(ctx: Session, key: str, shown: str) -> None:
    """Check office hours and cut-off together, as the calendar will; a refusal names ``key``
    and what it accepts (or the other setting that conflicts). Call inside the transaction."""
    definition = DEFINITIONS[key]
    try:
        office_hours(ctx.store)
    except ValidationError as exc:
        other = exc.field if exc.field in _HOURS_KEYS and exc.field != key else None
        if other is not None:
            raise ValidationError(
                "Không đặt được thiết lập {key} = «{value}»: {reason} (thiết lập {other} đang là "
                "«{current}»; đổi {other} trước nếu cần)",
                field=key,
                key=key,
                value=shown,
                reason=exc.as_msg(),
                other=other,
                current=setting_rows.get(ctx.store, other) or DEFINITIONS[other].default_text,
            ) from exc
        raise _bad(definition, shown, exc.as_msg()) from exc


def _current(ctx: Session, key: str) -> Setting:
    definition = DEFINITIONS[key]
    stored = setting_rows.get(ctx.store, key)
    return Setting(
        key=key,
        value=definition.default_text if stored is None else stored,
        default=definition.default_text,
        description_vi=str(definition.help_vi),
        accepted_vi=str(definition.accepted_vi),
        choices=definition.choices,
    )


def list_settings(ctx: Session) -> list[Setting]:
    """Every business setting with its effective value (the default when never set)."""
    ctx.require("dossiers.view")
    return [_current(ctx, key) for key in DEFINITIONS]


def get_setting(ctx: Session, key: str) -> Setting:
    """One business setting by key (:class:`ValidationError` for an unknown key)."""
    ctx.require("dossiers.view")
    _definition(key)
    return _current(ctx, key)


def _change(ctx: Session, key: str, new: str | None, shown: str) -> Setting:
    """Write ``new`` (``None``: back to the default), validate, record; one transaction."""
    with ctx.store.atomic():
        old = setting_rows.get(ctx.store, key)
        if new is None:
            setting_rows.delete(ctx.store, key)
        else:
            setting_rows.put(ctx.store, key, new)
        if key in _HOURS_KEYS:
            _check_hours(ctx, key, shown)
        stored = setting_rows.get(ctx.store, key)
        if stored != old:
            record(ctx, SettingsChanged(key=key, old=old, new=stored))
    return _current(ctx, key)


def set_setting(ctx: Session, key: str, text: str) -> Setting:
    """Set business setting ``key`` to ``text`` (checked and stored canonical); admin only.

    Setting the value already stored changes nothing and records nothing.
    """
    _require_manage(ctx)
    definition = _definition(key)
    try:
        canonical = definition.normalise(text)
    except Invalid as exc:
        raise _bad(definition, text, exc.why) from exc
    return _change(ctx, key, canonical, text)


def reset_setting(ctx: Session, key: str) -> Setting:
    """Put business setting ``key`` back to its default; admin only (no-op if already unset)."""
    _require_manage(ctx)
    definition = _definition(key)
    return _change(ctx, key, None, definition.default_text)


# --- the admin's settings screen (#9): every Definition, generically, with its label and editor.

LABELS: dict[str, Msg] = {
    "supplement_mode": Msg("Cách tính thời hạn khi bổ sung hồ sơ"),
    "max_reschedules": Msg("Số lần hẹn lại tối đa"),
    "on_time_basis": Msg("Tính đúng hạn theo ngày hẹn"),
    "office_hours": Msg("Giờ làm việc"),
    "same_day_cutoff": Msg("Giờ chốt trả trong ngày"),
    "paper_entry_days": Msg("Hạn nhập hồ sơ tiếp nhận trên giấy (ngày làm việc)"),
    "idle_lock_minutes": Msg("Tự khóa màn hình sau (phút)"),
    "slip_unit_header": Msg("Tên đơn vị trên phiếu in"),
    "slip_place": Msg("Địa danh trên phiếu in"),
    "slip_office": Msg("Tên bộ phận tiếp nhận trên phiếu"),
    "slip_signer_title": Msg("Chức danh người ký Phiếu xin lỗi (Mẫu 04)"),
    "slip_signer_name": Msg("Họ tên người ký Phiếu xin lỗi (Mẫu 04)"),
    "slip_contact": Msg("Nơi liên hệ trên Mẫu 02 và Mẫu 03"),
    "slip_result_place": Msg("Nơi nhận kết quả trên Giấy tiếp nhận"),
    "slip_paper": Msg("Khổ giấy in phiếu"),
    "slip_receipt_layout": Msg("Cách in hai liên Giấy tiếp nhận"),
}
"""The short Vietnamese name of each setting on the admin screen; a definition without one here
(or a ``label_vi`` attribute of its own) is shown by its key."""

EditorKind = Literal["bool", "int", "choice", "text"]


@dataclass(frozen=True)
class SettingEntry:
    """One setting as the admin screen shows and edits it (see :func:`entries`)."""

    key: str
    label: Msg
    editor: EditorKind
    value: str
    """The effective value's text (the default's when never set)."""
    default: str
    is_set: bool
    """Whether a value is stored (``False``: the default applies)."""
    help: Msg
    accepted: Msg
    choices: tuple[str, ...] = ()
    optional: bool = False
    """Whether an empty text is a value (``max_reschedules``: no limit)."""


def _editor(definition: Definition[object]) -> tuple[EditorKind, bool]:
    try:
        optional = definition.parse("") is None
    except Invalid:
        optional = False
    default = definition.default
    if definition.choices:
        return "choice", optional
    if isinstance(default, bool):
        return "bool", optional
    if isinstance(default, int) or (default is None and optional):
        return "int", optional
    return "text", optional


def label(definition: Definition[object]) -> Msg:
    """The setting's short name for people (its key when it has none)."""
    own = getattr(definition, "label_vi", None)
    if isinstance(own, Msg):
        return own
    return LABELS.get(definition.name, Msg("{key}", key=definition.name))


def entries(ctx: Session) -> list[SettingEntry]:
    """Every business setting (each :data:`DEFINITIONS` entry, whoever added it) with its
    label, editor kind, value and default: the admin's settings screen. Admin only."""
    _require_manage(ctx)
    out: list[SettingEntry] = []
    for key, definition in DEFINITIONS.items():
        stored = setting_rows.get(ctx.store, key)
        editor, optional = _editor(definition)
        out.append(
            SettingEntry(
                key=key,
                label=label(definition),
                editor=editor,
                value=definition.default_text if stored is None else stored,
                default=definition.default_text,
                is_set=stored is not None,
                help=definition.help_vi,
                accepted=definition.accepted_vi,
                choices=definition.choices,
                optional=optional,
            )
        )
    return out


# --- scanner intake (#11): added apart from the tables above so other additions do not collide.


SCANNER_FOLDER: Definition[str] = folder_setting(
    "scanner_folder",
    help_vi=Msg(
        "Thư mục máy quét của máy trạm này ghi bản quét vào (có thể là thư mục dùng chung trên "
        "mạng); bản quét mới hiện trong ô «Bản quét chờ» để gán vào hồ sơ, rồi được chuyển vào "
        "thư mục con «processed». Để trống: không theo dõi"
    ),
    accepted_vi=Msg("một đường dẫn thư mục, ví dụ «\\\\may-quet\\scan» hoặc «D:\\Scan»"),
)
register(SCANNER_FOLDER, label_vi=Msg("Thư mục máy quét"))

# --- automatic backups (#14): the second place, added apart from the tables above.

BACKUP_SECOND_FOLDER: Definition[str] = folder_setting(
    "backup_second_folder",
    help_vi=Msg(
        "Nơi thứ hai nhận bản sao lưu tự động mỗi ngày và khi đăng xuất, ngoài thư mục dữ liệu: "
        "một thư mục trên ổ đĩa thứ hai hoặc trên USB. Khi USB được cắm vào, chương trình tự "
        "sao lưu nếu hôm nay chưa có bản nào ở đó. Để trống: chỉ sao lưu trong thư mục dữ liệu"
    ),
    accepted_vi=Msg("một đường dẫn thư mục, ví dụ «E:\\SaoLuu» hoặc «/media/usb/saoluu»"),
)
register(BACKUP_SECOND_FOLDER, label_vi=Msg("Nơi sao lưu thứ hai"))
