"""Identity fields typed at the counter: personal ID number, phone, person's name, birth date.

Each check returns the normalised value or raises :class:`ValidationError` with a Vietnamese message
that tells the clerk what to fix. The rules follow docs reference §7 (domain-vn.md): the 12-digit
personal ID has *no* check digit, only a structure (province, century/sex, two-digit birth year).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Literal

from onestop_desktop.domain.clock import fmt_date, now
from onestop_desktop.domain.text import fold, nfc, nfkc_code
from onestop_desktop.errors import Msg, ValidationError

# --------------------------------------------------------------------------------------------------
# Personal ID (số định danh cá nhân)

PROVINCES: dict[str, str] = {
    "001": "Hà Nội",
    "002": "Hà Giang",
    "004": "Cao Bằng",
    "006": "Bắc Kạn",
    "008": "Tuyên Quang",
    "010": "Lào Cai",
    "011": "Điện Biên",
    "012": "Lai Châu",
    "014": "Sơn La",
    "015": "Yên Bái",
    "017": "Hòa Bình",
    "019": "Thái Nguyên",
    "020": "Lạng Sơn",
    "022": "Quảng Ninh",
    "024": "Bắc Giang",
    "025": "Phú Thọ",
    "026": "Vĩnh Phúc",
    "027": "Bắc Ninh",
    "030": "Hải Dương",
    "031": "Hải Phòng",
    "033": "Hưng Yên",
    "034": "Thái Bình",
    "035": "Hà Nam",
    "036": "Nam Định",
    "037": "Ninh Bình",
    "038": "Thanh Hóa",
    "040": "Nghệ An",
    "042": "Hà Tĩnh",
    "044": "Quảng Bình",
    "045": "Quảng Trị",
    "046": "Thừa Thiên Huế",
    "048": "Đà Nẵng",
    "049": "Quảng Nam",
    "051": "Quảng Ngãi",
    "052": "Bình Định",
    "054": "Phú Yên",
    "056": "Khánh Hòa",
    "058": "Ninh Thuận",
    "060": "Bình Thuận",
    "062": "Kon Tum",
    "064": "Gia Lai",
    "066": "Đắk Lắk",
    "067": "Đắk Nông",
    "068": "Lâm Đồng",
    "070": "Bình Phước",
    "072": "Tây Ninh",
    "074": "Bình Dương",
    "075": "Đồng Nai",
    "077": "Bà Rịa–Vũng Tàu",
    "079": "TP Hồ Chí Minh",
    "080": "Long An",
    "082": "Tiền Giang",
    "083": "Bến Tre",
    "084": "Trà Vinh",
    "086": "Vĩnh Long",
    "087": "Đồng Tháp",
    "089": "An Giang",
    "091": "Kiên Giang",
    "092": "Cần Thơ",
    "093": "Hậu Giang",
    "094": "Sóc Trăng",
    "095": "Bạc Liêu",
    "096": "Cà Mau",
}
"""The 63 pre-2025 province codes (reference §7). Numbers already issued never change, so the table
stays valid after the 2025 mergers; codes issued after the mergers are unconfirmed (pass them in
``extra_codes``)."""

COUNTRY_CODES: dict[str, str] = {}
"""Digits 1–3 may be a *country* code for births registered abroad (reference §7 says so, without a
table). Left empty on purpose: the codes are unconfirmed, so the caller supplies them from the admin
configuration through ``extra_codes`` instead of the app guessing."""

IdKind = Literal["cccd", "cmnd"]
Sex = Literal["nam", "nữ"]

CMND_WARNING = "Chứng minh nhân dân 9 số không còn giá trị từ 01/01/2025; chỉ lưu làm thông tin cũ"

_ID_SEPARATORS = re.compile(r"[ .\u00a0]")
_ASCII_DIGITS = re.compile(r"[0-9]+")

_SEX_WORDS: dict[str, Sex] = {
    "nam": "nam",
    "m": "nam",
    "male": "nam",
    "trai": "nam",
    "nu": "nữ",
    "f": "nữ",
    "female": "nữ",
    "gai": "nữ",
}


@dataclass(frozen=True)
class IdCheck:
    """What an identity number says about its holder, once it has passed the checks.

    ``century`` is the first year of the century of birth (1900, 2000, …); ``birth_year_2digits``
    the two digits as written (``"05"``), so the leading zero is never lost. For a legacy CMND only
    ``number``, ``kind`` and ``warnings`` are known.
    """

    number: str
    kind: IdKind
    province: str | None
    century: int | None
    sex: Sex | None
    birth_year_2digits: str | None
    warnings: tuple[str, ...] = ()
    province_code: str | None = None

    @property
    def birth_year(self) -> int | None:
        """The full birth year the number encodes (century + two digits), when known."""
        if self.century is None or self.birth_year_2digits is None:
            return None
        return self.century + int(self.birth_year_2digits)


def _strip_id(number: str) -> str:
    """The number without the spaces and dots clerks type to group digits."""
    return _ID_SEPARATORS.sub("", nfkc_code(number))


def _parse_sex(sex: str) -> Sex:
    """The sex typed ("Nam"/"Nữ", M/F, male/female) as one of the two values the ID encodes."""
    key = fold(sex)
    if key not in _SEX_WORDS:
        raise ValidationError(
            "Giới tính không hợp lệ: «{sex}» (ghi «Nam» hoặc «Nữ»)", field="sex", sex=sex
        )
    return _SEX_WORDS[key]


#: The sex as a word inside a message ("dành cho giới tính nam").
_SEX_MSGS: dict[str, Msg] = {"nam": Msg("nam"), "nữ": Msg("nữ")}


def decode_century_digit(digit: int) -> tuple[int, Sex]:
    """Digit 4: even = male, odd = female; 0/1 → 1900s, 2/3 → 2000s … 8/9 → 2300s (reference §7)."""
    if not 0 <= digit <= 9:
        raise ValueError(digit)
    return 1900 + 100 * (digit // 2), ("nam" if digit % 2 == 0 else "nữ")


def check_personal_id(
    number: str,
    birth_date: date | None = None,
    sex: str | None = None,
    *,
    extra_codes: Mapping[str, str] | None = None,
    today: date | None = None,
) -> IdCheck:
    """Check a 12-digit personal ID against its structure and, when given, the holder's birth date
    and sex.

    There is no check digit, so a typo in digits 7–12 cannot be caught; what can be caught is a
    wrong province, a century/sex digit that contradicts the person, or a wrong birth year.
    ``extra_codes`` adds prefixes (country codes, post-merger codes) from the admin configuration.
    ``today`` only exists so tests can pin the date used to reject a birth year in the future.
    """
    raw = _strip_id(number)
    if not raw:
        raise ValidationError("Chưa nhập số định danh", field="id_number")
    if not _ASCII_DIGITS.fullmatch(raw):
        raise ValidationError("Số định danh chỉ được gồm chữ số", field="id_number")
    if len(raw) != 12:
        raise ValidationError(
            "Số định danh phải có đúng 12 chữ số (đã nhập {count} chữ số)",
            field="id_number",
            count=str(len(raw)),
        )

    code = raw[:3]
    known = dict(PROVINCES)
    known.update(COUNTRY_CODES)
    if extra_codes:
        known.update(extra_codes)
    if code not in known:
        raise ValidationError("Mã tỉnh {code} không tồn tại", field="id_number", code=code)

    digit4 = int(raw[3])
    century, encoded_sex = decode_century_digit(digit4)
    yy = raw[4:6]
    encoded_year = century + int(yy)

    if birth_date is not None:
        if birth_date > (today or now().date()):
            raise ValidationError(
                "Ngày sinh {date} nằm trong tương lai",
                field="birth_date",
                date=fmt_date(birth_date),
            )
        year = birth_date.year
        if year - year % 100 != century:
            raise ValidationError(
                "Chữ số thứ 4 (thế kỷ/giới tính) không khớp năm sinh {year}: "
                "số {digit} dành cho người sinh năm {first}–{last}",
                field="id_number",
                year=str(year),
                digit=str(digit4),
                first=str(century),
                last=str(century + 99),
            )
        if int(yy) != year % 100:
            raise ValidationError(
                "Chữ số thứ 5–6 ({digits}) không khớp năm sinh {year}: phải là {expected}",
                field="id_number",
                digits=yy,
                year=str(year),
                expected=f"{year % 100:02d}",
            )
    elif encoded_year > (today or now().date()).year:
        raise ValidationError(
            "Chữ số thứ 4–6 ({digits}) cho năm sinh {year}, là năm trong tương lai",
            field="id_number",
            digits=raw[3:6],
            year=str(encoded_year),
        )

    if sex is not None:
        wanted = _parse_sex(sex)
        if wanted != encoded_sex:
            raise ValidationError(
                "Chữ số thứ 4 (thế kỷ/giới tính) là {digit}, dành cho giới tính {encoded}, "
                "không khớp giới tính {wanted}",
                field="id_number",
                digit=str(digit4),
                encoded=_SEX_MSGS[encoded_sex],
                wanted=_SEX_MSGS[wanted],
            )

    return IdCheck(
        number=raw,
        kind="cccd",
        province=known[code],
        century=century,
        sex=encoded_sex,
        birth_year_2digits=yy,
        province_code=code,
    )


def check_identity_number(
    number: str,
    birth_date: date | None = None,
    allow_legacy: bool = True,
    *,
    sex: str | None = None,
    extra_codes: Mapping[str, str] | None = None,
    today: date | None = None,
) -> IdCheck:
    """A 12-digit personal ID, or (when ``allow_legacy``) a 9-digit CMND kept as old information.

    The CMND lost its validity on 01/01/2025 (Law on Identity 26/2023/QH15, reference §7) but data
    recorded from it stays valid, so old ledgers may still carry it; new intakes should pass
    ``allow_legacy=False``. Its province prefix is unconfirmed, so nothing else is checked.
    """
    raw = _strip_id(number)
    if raw and _ASCII_DIGITS.fullmatch(raw) and len(raw) == 9:
        if not allow_legacy:
            raise ValidationError(
                "Chứng minh nhân dân 9 số không còn giá trị từ 01/01/2025; "
                "hãy nhập số định danh cá nhân 12 số",
                field="id_number",
            )
        return IdCheck(
            number=raw,
            kind="cmnd",
            province=None,
            century=None,
            sex=None,
            birth_year_2digits=None,
            warnings=(CMND_WARNING,),
        )
    if raw and _ASCII_DIGITS.fullmatch(raw) and len(raw) != 12:
        if allow_legacy:
            raise ValidationError(
                "Số định danh phải có đúng 12 chữ số (hoặc 9 chữ số nếu là chứng minh nhân dân "
                "cũ); đã nhập {count} chữ số",
                field="id_number",
                count=str(len(raw)),
            )
        raise ValidationError(
            "Số định danh phải có đúng 12 chữ số; đã nhập {count} chữ số",
            field="id_number",
            count=str(len(raw)),
        )
    return check_personal_id(raw, birth_date, sex, extra_codes=extra_codes, today=today)


# --------------------------------------------------------------------------------------------------
# Phone numbers

_PHONE_SEPARATORS = re.compile(r"[ .\-()\u00a0]")
MOBILE_PREFIXES = frozenset("35789")
"""Second digit of a current 10-digit mobile number: 03x, 05x, 07x, 08x, 09x (since the 2018
renumbering of the 11-digit 01x numbers)."""


def normalise_phone(text: str) -> str:
    """A Vietnamese phone number as ``0xxxxxxxxx``: the one form stored, searched and printed.

    Accepts the spaces, dots, dashes and brackets people type and the ``+84``/``84`` country prefix.
    Mobiles have 10 digits (03x, 05x, 07x, 08x, 09x); landlines 11 digits starting 02.
    """
    compact = _PHONE_SEPARATORS.sub("", nfkc_code(text))
    if not compact:
        raise ValidationError("Chưa nhập số điện thoại", field="phone")
    if compact.startswith("+"):
        if not compact.startswith("+84"):
            raise ValidationError(
                "Số điện thoại {phone} không phải số Việt Nam (+84)",
                field="phone",
                phone=text.strip(),
            )
        compact = compact[3:]
        compact = compact if compact.startswith("0") else "0" + compact
    if not _ASCII_DIGITS.fullmatch(compact):
        raise ValidationError(
            "Số điện thoại chỉ được gồm chữ số (có thể có dấu cách, dấu chấm, dấu gạch ngang, +84)",
            field="phone",
        )
    if compact.startswith("84") and len(compact) in (11, 12):
        compact = "0" + compact[2:]
    if not compact.startswith("0"):
        raise ValidationError(
            "Số điện thoại {phone} phải bắt đầu bằng 0 hoặc +84", field="phone", phone=compact
        )
    if len(compact) < 3:
        raise ValidationError("Số điện thoại {phone} quá ngắn", field="phone", phone=compact)
    if compact.startswith("02"):
        if len(compact) != 11:
            raise ValidationError(
                "Số máy bàn phải có 11 chữ số (đã nhập {count} chữ số)",
                field="phone",
                count=str(len(compact)),
            )
        return compact
    if compact[1] in MOBILE_PREFIXES:
        if len(compact) != 10:
            raise ValidationError(
                "Số di động phải có 10 chữ số (đã nhập {count} chữ số)",
                field="phone",
                count=str(len(compact)),
            )
        return compact
    if compact.startswith("01") and len(compact) == 11:
        raise ValidationError(
            "Đầu số {prefix} đã đổi sang đầu số mới từ năm 2018; hãy nhập số 10 chữ số mới",
            field="phone",
            prefix=compact[:4],
        )
    raise ValidationError(
        "Đầu số {prefix} không phải đầu số điện thoại Việt Nam", field="phone", prefix=compact[:3]
    )


# --------------------------------------------------------------------------------------------------
# Names and birth dates

_NAME_PUNCTUATION = frozenset("'’-")


def normalise_person_name(text: str) -> str:
    """A person's name in NFC with single spaces, letters kept exactly as typed.

    Names are not re-cased: "Lê Thị Ánh" and ethnic-minority names such as "H'Hen Niê" or "Ksor
    Y'Kông" keep their spelling. Only letters, spaces, apostrophes and hyphens are allowed.
    """
    name = nfc(text)
    for ch in name:
        if ch.isdigit():
            raise ValidationError("Họ tên không được chứa chữ số", field="name")
        if ch == " " or ch in _NAME_PUNCTUATION:
            continue
        if not unicodedata.category(ch).startswith(("L", "M")):
            raise ValidationError("Họ tên chứa ký tự không hợp lệ: «{char}»", field="name", char=ch)
    letters = sum(1 for ch in name if unicodedata.category(ch).startswith("L"))
    if letters < 2:
        raise ValidationError("Họ tên phải có ít nhất 2 chữ cái", field="name")
    return name


_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
EARLIEST_BIRTH_YEAR = 1900
"""Digit 4 of the personal ID starts at the 1900s; earlier years are typing mistakes."""


def parse_birth_date(text: str, *, today: date | None = None) -> date:
    """A birth date typed as dd/mm/yyyy (d/m/yyyy too) or ISO yyyy-mm-dd; never in the future."""
    raw = nfc(text)
    if not raw:
        raise ValidationError("Chưa nhập ngày sinh", field="birth_date")
    match = _DMY.fullmatch(raw)
    if match:
        day, month, year = (int(g) for g in match.groups())
    else:
        match = _ISO_DATE.fullmatch(raw)
        if not match:
            raise ValidationError(
                "Ngày sinh «{text}» không đúng dạng ngày/tháng/năm (ví dụ 05/09/1990)",
                field="birth_date",
                text=raw,
            )
        year, month, day = (int(g) for g in match.groups())
    try:
        value = date(year, month, day)
    except ValueError:
        raise ValidationError(
            "Ngày sinh {text} không có thật", field="birth_date", text=raw
        ) from None
    limit = today or now().date()
    if value > limit:
        raise ValidationError(
            "Ngày sinh {date} nằm trong tương lai", field="birth_date", date=fmt_date(value)
        )
    if value.year < EARLIEST_BIRTH_YEAR:
        raise ValidationError(
            "Năm sinh {year} không hợp lệ (phải từ {earliest})",
            field="birth_date",
            year=str(value.year),
            earliest=str(EARLIEST_BIRTH_YEAR),
        )
    return value


MAX_NAME_LENGTH = 100
"""Longest person's name accepted: the national population database allows 100 characters."""
MAX_ADDRESS_LENGTH = 300
"""Longest address: a full Vietnamese address (house, hamlet, commune, district, province) fits."""
MAX_EMAIL_LENGTH = 254
"""RFC 5321's limit on a whole address."""
_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+")


def check_text(text: str, *, field: str, limit: int) -> str:
    """Free text (an address, a note, a reason) in NFC, at most ``limit`` characters, with no
    control characters (a pasted NUL, escape or bidi control hides text from the clerk)."""
    value = nfc(text)
    for ch in value:
        if unicodedata.category(ch) in ("Cc", "Cf"):
            raise ValidationError(
                "Nội dung có ký tự điều khiển (mã U+{code}), không được phép",
                field=field,
                code=f"{ord(ch):04X}",
            )
    if len(value) > limit:
        raise ValidationError(
            "Nội dung dài {length} ký tự, quá giới hạn {limit} ký tự",
            field=field,
            length=str(len(value)),
            limit=str(limit),
        )
    return value


def check_birth_date(value: date, *, today: date | None = None) -> date:
    """A birth date given as a date (not typed): not in the future, not before 1900."""
    return parse_birth_date(value.isoformat(), today=today)


def check_email(text: str) -> str:
    """An email address, NFC and lower-cased, of the form name@domain.tld."""
    value = check_text(text, field="email", limit=MAX_EMAIL_LENGTH).lower()
    if not _EMAIL.fullmatch(value):
        raise ValidationError("Địa chỉ email «{email}» không đúng dạng", field="email", email=value)
    return value
