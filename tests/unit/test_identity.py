"""Identity checks: personal ID structure (reference §7), legacy CMND, phone, name, birth date."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from onestop_desktop.domain.identity import (
    CMND_WARNING,
    PROVINCES,
    check_identity_number,
    check_personal_id,
    decode_century_digit,
    normalise_person_name,
    normalise_phone,
    parse_birth_date,
)
from onestop_desktop.errors import ValidationError

TODAY = date(2026, 3, 1)


def make_id(province: str, birth: date, female: bool, tail: str = "012345") -> str:
    """A structurally valid personal ID for a person (the reverse of the checks)."""
    digit4 = 2 * ((birth.year - 1900) // 100) + (1 if female else 0)
    return f"{province}{digit4}{birth.year % 100:02d}{tail}"


# --- personal ID ------------------------------------------------------------------------------


def test_valid_id_with_separators_decodes_everything() -> None:
    checked = check_personal_id("001 090.012 345", date(1990, 5, 1), "Nam", today=TODAY)
    assert checked.number == "001090012345"
    assert checked.kind == "cccd"
    assert checked.province == "Hà Nội"
    assert checked.province_code == "001"
    assert checked.century == 1900
    assert checked.sex == "nam"
    assert checked.birth_year_2digits == "90"
    assert checked.birth_year == 1990
    assert checked.warnings == ()


def test_leading_zero_of_birth_year_is_kept() -> None:
    checked = check_personal_id("038305000123", date(2005, 1, 2), "nữ", today=TODAY)
    assert checked.birth_year_2digits == "05"
    assert checked.sex == "nữ"
    assert checked.province == "Thanh Hóa"


@pytest.mark.parametrize("number", ["00109001234", "0010900123456", "", "   "])
def test_wrong_length(number: str) -> None:
    with pytest.raises(ValidationError) as err:
        check_personal_id(number, today=TODAY)
    assert err.value.field == "id_number"
    if number.strip():
        assert err.value.message.startswith("Số định danh phải có đúng 12 chữ số")


# Full-width digits are no longer refused: NFKC makes them ASCII (issue #7 item 8, test_nfkc_codes).
@pytest.mark.parametrize("number", ["00109001234A", "001-090-012345"])
def test_only_ascii_digits_spaces_and_dots(number: str) -> None:
    with pytest.raises(ValidationError, match="chỉ được gồm chữ số"):
        check_personal_id(number, today=TODAY)


@pytest.mark.parametrize("code", ["000", "003", "097", "099", "100", "999"])
def test_unknown_province_code(code: str) -> None:
    with pytest.raises(ValidationError) as err:
        check_personal_id(f"{code}090012345", today=TODAY)
    assert err.value.message == f"Mã tỉnh {code} không tồn tại"


def test_extra_codes_from_configuration_are_accepted() -> None:
    checked = check_personal_id("099090012345", extra_codes={"099": "Mã cấu hình"}, today=TODAY)
    assert checked.province == "Mã cấu hình"


def test_province_table_is_the_63_pre_2025_provinces() -> None:
    assert len(PROVINCES) == 63
    assert len(set(PROVINCES.values())) == 63
    for code, name in PROVINCES.items():
        assert len(code) == 3 and code.isdigit() and code.startswith("0")
        assert unicodedata.is_normalized("NFC", name)
    assert PROVINCES["001"] == "Hà Nội"
    assert PROVINCES["038"] == "Thanh Hóa"
    assert PROVINCES["079"] == "TP Hồ Chí Minh"
    assert PROVINCES["096"] == "Cà Mau"
    assert min(PROVINCES) == "001" and max(PROVINCES) == "096"
    # The gaps are real: 003, 005, 007 ... are not province codes.
    assert not {"003", "005", "007", "009", "013", "090"} & PROVINCES.keys()


@pytest.mark.parametrize("code", sorted(PROVINCES))
def test_every_province_code_is_accepted(code: str) -> None:
    assert check_personal_id(f"{code}185000001", today=TODAY).province == PROVINCES[code]


@pytest.mark.parametrize(
    ("digit", "century", "sex"),
    [
        (0, 1900, "nam"),
        (1, 1900, "nữ"),
        (2, 2000, "nam"),
        (3, 2000, "nữ"),
        (4, 2100, "nam"),
        (5, 2100, "nữ"),
        (6, 2200, "nam"),
        (7, 2200, "nữ"),
        (8, 2300, "nam"),
        (9, 2300, "nữ"),
    ],
)
def test_century_digit_0_to_9(digit: int, century: int, sex: str) -> None:
    assert decode_century_digit(digit) == (century, sex)
    birth = date(century + 5, 6, 1)
    number = f"001{digit}05123456"
    # Checked on a day when such a person can exist, every digit decodes and matches.
    checked = check_personal_id(number, birth, sex, today=date(century + 50, 1, 1))
    assert (checked.century, checked.sex, checked.birth_year) == (century, sex, century + 5)
    if century > 2000:
        # Today nobody is born in the 2100s or later: the digit alone is already wrong.
        with pytest.raises(ValidationError, match="năm trong tương lai"):
            check_personal_id(number, today=TODAY)


def test_century_digit_contradicts_birth_year() -> None:
    with pytest.raises(ValidationError) as err:
        check_personal_id("001290012345", date(1990, 5, 1), today=TODAY)
    assert err.value.message.startswith("Chữ số thứ 4 (thế kỷ/giới tính) không khớp năm sinh 1990")


def test_birth_year_digits_contradict_birth_year() -> None:
    with pytest.raises(ValidationError) as err:
        check_personal_id("001091012345", date(1990, 5, 1), today=TODAY)
    assert err.value.message.startswith("Chữ số thứ 5–6 (91) không khớp năm sinh 1990")


@pytest.mark.parametrize(
    ("number", "sex"),
    [("001090012345", "Nữ"), ("001190012345", "Nam"), ("038205000123", "F"), ("038305000123", "m")],
)
def test_sex_mismatch(number: str, sex: str) -> None:
    with pytest.raises(ValidationError, match=r"không khớp giới tính"):
        check_personal_id(number, sex=sex, today=TODAY)


@pytest.mark.parametrize(
    "sex", ["Nữ", "nu", "NỮ", "F", "female", unicodedata.normalize("NFD", "Nữ")]
)
def test_sex_spellings(sex: str) -> None:
    assert check_personal_id("001190012345", sex=sex, today=TODAY).sex == "nữ"


def test_unknown_sex_word() -> None:
    with pytest.raises(ValidationError, match="Giới tính không hợp lệ"):
        check_personal_id("001190012345", sex="khác", today=TODAY)


def test_future_birth_date_is_rejected() -> None:
    with pytest.raises(ValidationError, match="tương lai"):
        check_personal_id("001226012345", date(2026, 5, 1), today=TODAY)


def test_no_check_digit() -> None:
    """Digits 7–12 are random: every last digit passes (repos claiming a check digit are wrong)."""
    for last in "0123456789":
        check_personal_id(f"00109001234{last}", date(1990, 1, 1), today=TODAY)


@given(
    province=st.sampled_from(sorted(PROVINCES)),
    birth=st.dates(min_value=date(1900, 1, 1), max_value=TODAY),
    female=st.booleans(),
    tail=st.from_regex(r"[0-9]{6}", fullmatch=True),
)
def test_any_well_formed_id_round_trips(
    province: str, birth: date, female: bool, tail: str
) -> None:
    number = make_id(province, birth, female, tail)
    sex = "Nữ" if female else "Nam"
    checked = check_personal_id(number, birth, sex, today=TODAY)
    assert checked.birth_year == birth.year
    assert checked.province == PROVINCES[province]
    assert checked.sex == ("nữ" if female else "nam")


# --- legacy CMND and the combined entry point -------------------------------------------------


def test_nine_digit_cmnd_is_accepted_as_legacy_with_a_warning() -> None:
    checked = check_identity_number("171 234 567")
    assert checked.kind == "cmnd"
    assert checked.number == "171234567"
    assert checked.warnings == (CMND_WARNING,)
    assert CMND_WARNING == (
        "Chứng minh nhân dân 9 số không còn giá trị từ 01/01/2025; chỉ lưu làm thông tin cũ"
    )
    assert checked.province is None and checked.century is None


def test_nine_digit_cmnd_refused_when_legacy_not_allowed() -> None:
    with pytest.raises(ValidationError, match="không còn giá trị"):
        check_identity_number("171234567", allow_legacy=False)


def test_twelve_digits_go_through_the_personal_id_checks() -> None:
    assert check_identity_number("001090012345", date(1990, 1, 1)).kind == "cccd"
    with pytest.raises(ValidationError, match="Mã tỉnh 099"):
        check_identity_number("099090012345")
    with pytest.raises(ValidationError, match="không khớp năm sinh"):
        check_identity_number("001090012345", date(2090, 1, 1), today=date(2095, 1, 1))


@pytest.mark.parametrize("number", ["12345678", "1234567890", "12345678901", "1234567890123"])
def test_other_lengths(number: str) -> None:
    with pytest.raises(ValidationError) as err:
        check_identity_number(number)
    assert "12 chữ số" in err.value.message
    assert "9 chữ số" in err.value.message


# --- phones -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("0912345678", "0912345678"),
        ("0912 345 678", "0912345678"),
        ("0912.345.678", "0912345678"),
        ("091-234-5678", "0912345678"),
        ("+84 912 345 678", "0912345678"),
        ("+84912345678", "0912345678"),
        ("84912345678", "0912345678"),
        ("+84 (0) 912 345 678", "0912345678"),
        ("0321234567", "0321234567"),
        ("0561234567", "0561234567"),
        ("0701234567", "0701234567"),
        ("0812345678", "0812345678"),
        ("024 3825 1234", "02438251234"),
        ("(0237) 385 1234", "02373851234"),
        ("+84 24 3825 1234", "02438251234"),
        ("842438251234", "02438251234"),
    ],
)
def test_phone_normalised(typed: str, stored: str) -> None:
    assert normalise_phone(typed) == stored


@pytest.mark.parametrize(
    ("typed", "fragment"),
    [
        ("", "Chưa nhập"),
        ("0912345", "10 chữ số"),
        ("09123456789", "10 chữ số"),
        ("0243825123", "11 chữ số"),
        ("0412345678", "Đầu số 041"),
        ("0612345678", "Đầu số 061"),
        ("01234567890", "2018"),
        ("0912abc678", "chỉ được gồm chữ số"),
        ("+1 555 123 4567", "+84"),
        ("912345678", "bắt đầu bằng 0"),
        ("0", "quá ngắn"),
    ],
)
def test_phone_rejected(typed: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as err:
        normalise_phone(typed)
    assert fragment in err.value.message
    assert err.value.field == "phone"


# --- names ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("  Nguyễn   Văn  Đức ", "Nguyễn Văn Đức"),
        ("nguyễn văn a", "nguyễn văn a"),
        ("NGUYỄN THỊ ÁNH", "NGUYỄN THỊ ÁNH"),
        ("H'Hen Niê", "H'Hen Niê"),
        ("Ksor Y’Kông", "Ksor Y’Kông"),
        ("Lê-Hoàng Anh", "Lê-Hoàng Anh"),
        ("Lò\tVăn\nPá", "Lò Văn Pá"),
    ],
)
def test_names_kept_as_typed(typed: str, stored: str) -> None:
    assert normalise_person_name(typed) == stored


def test_decomposed_name_becomes_nfc() -> None:
    typed = unicodedata.normalize("NFD", "Nguyễn Thị Đào")
    assert normalise_person_name(typed) == unicodedata.normalize("NFC", "Nguyễn Thị Đào")


@pytest.mark.parametrize(
    ("typed", "fragment"),
    [
        ("Nguyễn Văn 2", "chữ số"),
        ("Trần@Văn", "«@»"),
        ("Nguyễn, Văn", "«,»"),
        ("Lê (ủy quyền)", "«(»"),
        ("A", "ít nhất 2 chữ cái"),
        ("' -", "ít nhất 2 chữ cái"),
        ("", "ít nhất 2 chữ cái"),
    ],
)
def test_names_rejected(typed: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as err:
        normalise_person_name(typed)
    assert fragment in err.value.message


# --- birth dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("05/09/1990", date(1990, 9, 5)),
        ("5/9/1990", date(1990, 9, 5)),
        (" 1990-09-05 ", date(1990, 9, 5)),
        ("01/03/2026", TODAY),
    ],
)
def test_birth_date_formats(typed: str, value: date) -> None:
    assert parse_birth_date(typed, today=TODAY) == value


@pytest.mark.parametrize(
    ("typed", "fragment"),
    [
        ("02/03/2026", "tương lai"),
        ("2030-01-01", "tương lai"),
        ("31/02/2000", "không có thật"),
        ("1990/09/05", "không đúng dạng"),
        ("05-09-1990", "không đúng dạng"),
        ("", "Chưa nhập"),
        ("01/01/1899", "Năm sinh 1899"),
    ],
)
def test_birth_date_rejected(typed: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as err:
        parse_birth_date(typed, today=TODAY)
    assert fragment in err.value.message
