"""Procedure catalogue records: codes, documents, validation and the dict form."""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from onestop_desktop.domain.calendar import SAME_DAY, TimeLimit
from onestop_desktop.domain.catalog import (
    DOCUMENT_FORM_LABELS,
    Procedure,
    RequiredDocument,
    check_procedure_dict,
    format_documents,
    national_code,
    parse_bool,
    parse_document_form,
    parse_documents,
    procedure_from_dict,
    procedure_to_dict,
    validate_procedure_code,
)
from onestop_desktop.errors import ValidationError


def khai_sinh(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "code": "1.001193",
        "name": "Đăng ký khai sinh",
        "field": "Hộ tịch",
        "competent_body": "Ủy ban nhân dân cấp xã",
        "time_limit": {"value": 0, "unit": "same_day"},
        "fee_text": "Miễn lệ phí nếu đăng ký đúng hạn",
        "fee_amount": 0,
        "documents": [
            {"name": "Tờ khai đăng ký khai sinh", "form": "original", "count": 1},
            {"name": "Giấy chứng sinh", "form": "original", "count": 1},
        ],
        "result": "Giấy khai sinh (bản chính)",
        "legal_basis": "Luật Hộ tịch năm 2014; Nghị định 123/2015/NĐ-CP",
        "linked": False,
        "published": True,
    }
    data.update(changes)
    return data


# --------------------------------------------------------------------------------------------------
# Codes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.001193", "1.001193"),
        (" 2.000815 ", "2.000815"),
        ("1.001193.000.00.00.H56", "1.001193.000.00.00.H56"),
        ("1.001193.000.00.00.h56", "1.001193.000.00.00.H56"),
        ("2.000815.000.00.00.H55.02", "2.000815.000.00.00.H55.02"),
        ("3.000722", "3.000722"),
    ],
)
def test_valid_procedure_codes(text: str, expected: str) -> None:
    assert validate_procedure_code(text) == expected
    assert national_code(text) == expected[:8]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "1001193",
        "1.00119",
        "1.0011930",
        "12.001193",
        "1,001193",
        "1.001193.",
        "1.001193..H56",
        "1.001193-H56",
        "A.001193",
        "1.001193.000.00.00.H56 x",
        "1.001193." + "1" * 60,
    ],
)
def test_invalid_procedure_codes(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_procedure_code(text)
    assert info.value.field == "code"
    assert "Mã thủ tục" in info.value.message


# --------------------------------------------------------------------------------------------------
# Documents


def test_document_form_labels() -> None:
    assert DOCUMENT_FORM_LABELS == {
        "original": "Bản chính",
        "certified_copy": "Bản sao có chứng thực",
        "copy": "Bản sao",
    }
    assert RequiredDocument("Giấy chứng sinh").form_label == "Bản chính"
    assert RequiredDocument("CCCD", "certified_copy", 2).form_label == "Bản sao có chứng thực"


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("original", "original"),
        ("Bản chính", "original"),
        ("ban chinh", "original"),
        ("BẢN SAO CÓ CHỨNG THỰC", "certified_copy"),
        ("Bản sao chứng thực", "certified_copy"),
        ("certified_copy", "certified_copy"),
        ("Bản sao", "copy"),
        ("copy", "copy"),
    ],
)
def test_parse_document_form(text: str, form: str) -> None:
    assert parse_document_form(text) == form


def test_bad_documents() -> None:
    with pytest.raises(ValidationError, match="Hình thức"):
        parse_document_form("bản nháp")
    with pytest.raises(ValidationError, match="Số lượng"):
        RequiredDocument("Tờ khai", "original", 0)
    with pytest.raises(ValidationError):
        RequiredDocument("  ")


def test_documents_cell_round_trip_with_separators_in_names() -> None:
    docs = (
        RequiredDocument("Tờ khai đăng ký khai sinh"),
        RequiredDocument("Giấy chứng sinh; hoặc văn bản của người làm chứng", "copy", 2),
        RequiredDocument("Giấy tờ A|B \\ C", "certified_copy", 3),
    )
    cell = format_documents(docs)
    assert cell.startswith("Tờ khai đăng ký khai sinh|original|1;")
    assert parse_documents(cell) == docs
    vietnamese = format_documents(docs, vietnamese=True)
    assert "|Bản sao có chứng thực|3" in vietnamese
    assert parse_documents(vietnamese) == docs


def test_documents_cell_defaults_and_spacing() -> None:
    assert parse_documents(" Tờ khai ; Giấy chứng sinh | bản sao ;; ") == (
        RequiredDocument("Tờ khai", "original", 1),
        RequiredDocument("Giấy chứng sinh", "copy", 1),
    )
    assert parse_documents("") == ()
    with pytest.raises(ValidationError, match="Số lượng"):
        parse_documents("Tờ khai|original|hai")
    with pytest.raises(ValidationError, match="quá nhiều phần"):
        parse_documents("Tờ khai|original|1|x")


_NAMES = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=30
).filter(lambda s: unicodedata.normalize("NFC", s).strip() != "")


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.builds(
            RequiredDocument,
            _NAMES,
            st.sampled_from(["original", "certified_copy", "copy"]),
            st.integers(1, 99),
        ),
        max_size=5,
    ),
    st.booleans(),
)
def test_documents_cell_round_trip_property(docs: list[RequiredDocument], vi: bool) -> None:
    assert parse_documents(format_documents(docs, vietnamese=vi)) == tuple(docs)


# --------------------------------------------------------------------------------------------------
# Procedures


def test_procedure_from_dict_normalises_text() -> None:
    nfd = unicodedata.normalize("NFD", "  Đăng ký   khai sinh ")
    procedure = procedure_from_dict(khai_sinh(name=nfd, code="1.001193.000.00.00.h56"))
    assert procedure.name == "Đăng ký khai sinh"
    assert unicodedata.is_normalized("NFC", procedure.name)
    assert procedure.code == "1.001193.000.00.00.H56"
    assert procedure.national_code == "1.001193"
    assert procedure.time_limit == SAME_DAY
    assert procedure.documents[1] == RequiredDocument("Giấy chứng sinh")
    assert procedure.version == 1
    assert procedure.note == ""


def test_procedure_dict_round_trip() -> None:
    procedure = procedure_from_dict(khai_sinh(note="ghi chú", version=3, linked=True))
    data = procedure_to_dict(procedure)
    assert data["time_limit"] == {"value": 0, "unit": "same_day"}
    assert data["documents"][0] == {  # type: ignore[index]
        "name": "Tờ khai đăng ký khai sinh",
        "form": "original",
        "count": 1,
    }
    assert procedure_from_dict(data) == procedure


@pytest.mark.parametrize(
    ("changes", "limit"),
    [
        ({"time_limit": "03 ngày làm việc"}, TimeLimit(3, "working_days")),
        ({"time_limit": {"value": "5", "unit": "ngày làm việc"}}, TimeLimit(5, "working_days")),
        (
            {"time_limit": None, "time_limit_value": 30, "time_limit_unit": "calendar_days"},
            TimeLimit(30, "calendar_days"),
        ),
        (
            {"time_limit": None, "time_limit_value": "", "time_limit_unit": "trong ngày"},
            SAME_DAY,
        ),
        (
            {"time_limit": None, "time_limit_value": "8 giờ làm việc", "time_limit_unit": ""},
            TimeLimit(8, "working_hours"),
        ),
    ],
)
def test_time_limit_forms(changes: dict[str, Any], limit: TimeLimit) -> None:
    assert procedure_from_dict(khai_sinh(**changes)).time_limit == limit


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("", None),
        (8000, 8000),
        ("8.000", 8000),
        ("8.000 đ", 8000),
        ("200,000 đồng", 200000),
        ("15000", 15000),
        (8000.0, 8000),
    ],
)
def test_fee_amount_forms(value: object, expected: int | None) -> None:
    assert procedure_from_dict(khai_sinh(fee_amount=value)).fee_amount == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (True, True),
        ("true", True),
        ("Có", True),
        ("x", True),
        ("1", True),
        (1, True),
        (False, False),
        ("không", False),
        ("FALSE", False),
        ("0", False),
    ],
)
def test_parse_bool(value: object, expected: bool) -> None:
    assert parse_bool(value, "linked", not expected) is expected


def test_blank_flags_take_defaults() -> None:
    procedure = procedure_from_dict(khai_sinh(linked="", published=None))
    assert procedure.linked is False
    assert procedure.published is True


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"code": "1001193"}, "code"),
        ({"name": "  "}, "name"),
        ({"field": None}, "field"),
        ({"competent_body": ""}, "competent_body"),
        ({"time_limit": "ba ngày"}, "time_limit"),
        ({"time_limit": None}, "time_limit_value"),
        ({"time_limit": None, "time_limit_value": 3}, "time_limit_unit"),
        ({"time_limit": None, "time_limit_value": 3, "time_limit_unit": "tuần"}, "time_limit_unit"),
        (
            {"time_limit": None, "time_limit_value": "ba", "time_limit_unit": "ngày"},
            "time_limit_value",
        ),
        ({"fee_amount": -5}, "fee_amount"),
        ({"fee_amount": "tám nghìn"}, "fee_amount"),
        ({"fee_amount": 8000.5}, "fee_amount"),
        ({"fee_amount": True}, "fee_amount"),
        ({"documents": [{"name": "Tờ khai", "form": "bản nháp"}]}, "documents"),
        ({"documents": 5}, "documents"),
        ({"linked": "có lẽ"}, "linked"),
        ({"published": "maybe"}, "published"),
        ({"version": 0}, "version"),
        ({"version": "hai"}, "version"),
        ({"result": "Giấy\x07 khai sinh"}, "result"),
    ],
)
def test_bad_fields_raise_naming_the_field(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as info:
        procedure_from_dict(khai_sinh(**changes))
    assert info.value.field == field
    assert info.value.message  # a Vietnamese sentence for the clerk


def test_check_collects_every_field_error() -> None:
    procedure, errors = check_procedure_dict(
        khai_sinh(code="x", name="", fee_amount="abc", linked="?")
    )
    assert procedure is None
    assert [error.field for error in errors] == ["code", "name", "fee_amount", "linked"]


def test_unknown_keys_are_ignored() -> None:
    assert procedure_from_dict(khai_sinh(stt=1, id="abc")).code == "1.001193"


def test_procedure_constructor_validates_too() -> None:
    with pytest.raises(ValidationError) as info:
        Procedure(
            "1.001193",
            "Đăng ký khai sinh",
            "Hộ tịch",
            "UBND xã",
            SAME_DAY,
            "",
            -1,
            (),
            "",
            "",
            False,
            True,
        )
    assert info.value.field == "fee_amount"
    procedure = Procedure(
        "1.001193",
        "Đăng ký khai sinh",
        "Hộ tịch",
        "UBND xã",
        SAME_DAY,
        "",
        None,
        [RequiredDocument("Tờ khai")],  # type: ignore[arg-type]
        "",
        "",
        False,
        True,
    )
    assert procedure.documents == (RequiredDocument("Tờ khai"),)
    assert hash(procedure)
