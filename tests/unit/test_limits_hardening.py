"""Limits (#7 item 8, rest): the intake note, full-width dossier codes, catalogue texts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from onestop_desktop.domain.catalog import (
    FIELD_LIMITS,
    MAX_DOCUMENTS,
    check_procedure_dict,
    parse_documents,
)
from onestop_desktop.domain.codes import (
    code_day,
    code_partition,
    looks_like_dossier_code,
    parse_dossier_code,
)
from onestop_desktop.errors import ValidationError
from onestop_desktop.services import dossiers
from onestop_desktop.services.catalog_files import MAX_FILE_BYTES, read_catalog
from onestop_desktop.services.context import Session
from onestop_desktop.services.dossiers import MAX_INTAKE_NOTE, Applicant, Intake

WIDE = str.maketrans("0123456789.-", "０１２３４５６７８９．－")


# --- intake note ------------------------------------------------------------------------------


def test_an_intake_note_over_the_limit_is_refused_and_nothing_is_written(ctx: Session) -> None:
    before = ctx.store.query("SELECT count(*) AS n FROM events")[0]["n"]
    with pytest.raises(ValidationError) as caught:
        dossiers.receive(
            ctx, Intake("2.000815", Applicant("Nguyễn Văn An"), note="x" * (MAX_INTAKE_NOTE + 1))
        )
    assert caught.value.field == "note"
    assert ctx.store.query("SELECT count(*) AS n FROM events")[0]["n"] == before
    # At the limit it is accepted, and the counter was not used up by the refusal.
    ok = dossiers.receive(
        ctx, Intake("2.000815", Applicant("Nguyễn Văn An"), note="x" * MAX_INTAKE_NOTE)
    )
    assert ok.code.endswith("-1001")


def test_an_intake_note_with_a_control_character_is_refused(ctx: Session) -> None:
    with pytest.raises(ValidationError, match="U\\+001B"):
        dossiers.receive(ctx, Intake("2.000815", Applicant("Nguyễn Văn An"), note="xem \x1b[2J"))


# --- full-width codes -----------------------------------------------------------------------


def test_full_width_dossier_codes_read_as_ascii() -> None:
    code = "000.00.12.H29-260302-1001"
    wide = code.translate(WIDE).replace("H", "Ｈ")
    assert wide != code
    assert looks_like_dossier_code(wide)
    assert parse_dossier_code(wide) == ("000.00.12.H29", "260302", "1001")
    assert code_partition(wide) == code_partition(code)
    # Other scripts' digits are not ASCII digits: not a code.
    assert not looks_like_dossier_code("000.00.12.H29-٢٦٠٣٠٢-1001")


def test_code_day_and_partition() -> None:
    assert code_partition("000.00.12.H29-260302-21000") is not None
    day, station, count = code_partition("000.00.12.H29-260302-21000")  # type: ignore[misc]
    assert (day.isoformat(), station, count) == ("2026-03-02", 2, 1000)
    assert code_day("000.00.12.H29-261399-1001") is None
    assert code_day("HS/2025/17") is None


# --- catalogue texts ------------------------------------------------------------------------


def base(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "code": "1.001193",
        "name": "Đăng ký khai sinh",
        "field": "Hộ tịch",
        "competent_body": "UBND cấp xã",
        "time_limit": "03 ngày làm việc",
        "documents": "Tờ khai|Bản chính|1",
    }
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("key", "words"),
    [(key, f"quá giới hạn {limit:,}".replace(",", ".")) for key, limit in FIELD_LIMITS.items()],
)
def test_each_catalogue_text_has_a_limit(key: str, words: str) -> None:
    limit = FIELD_LIMITS[key]
    value: object = "Giấy " + "a" * limit if key == "documents" else "a" * (limit + 1)
    procedure, errors = check_procedure_dict(base(**{key: value}))
    assert procedure is None
    assert [e.field for e in errors] == [key]
    assert words in errors[0].message
    # At the limit it is accepted.
    procedure, errors = check_procedure_dict(base(**{key: "a" * limit}))
    assert errors == [] and procedure is not None


def test_too_many_documents() -> None:
    many = ";".join(f"Giấy {i}" for i in range(MAX_DOCUMENTS + 1))
    with pytest.raises(ValidationError, match=f"quá giới hạn {MAX_DOCUMENTS}"):
        parse_documents(many)
    _, errors = check_procedure_dict(base(documents=[{"name": f"G {i}"} for i in range(100)]))
    assert [e.field for e in errors] == ["documents"]
    assert len(parse_documents(";".join(f"Giấy {i}" for i in range(MAX_DOCUMENTS)))) == 60


@pytest.mark.parametrize("ch", ["\x00", "\x1b", "\u202e", "\u2066"])
def test_catalogue_control_and_bidi_characters_are_refused(ch: str) -> None:
    _, errors = check_procedure_dict(base(name=f"Đăng ký {ch}khai sinh"))
    assert [e.field for e in errors] == ["name"]
    assert f"U+{ord(ch):04X}" in errors[0].message


def test_zero_width_space_from_a_web_page_is_kept() -> None:
    procedure, errors = check_procedure_dict(base(name="Đăng ký\u200bkhai sinh"))
    assert errors == [] and procedure is not None


def test_catalogue_errors_name_the_procedure_code_and_field(tmp_path: Path) -> None:
    path = tmp_path / "dm.json"
    path.write_text(json.dumps([base(), base(code="1.004873", field="x" * 201)]), "utf-8")
    parse = read_catalog(path)
    ((line, column, reason),) = [(e.line, e.column, e.reason) for e in parse.errors]
    assert (line, column) == (2, "field")
    assert reason.startswith("Thủ tục 1.004873: Lĩnh vực dài 201 ký tự")


def test_a_huge_catalogue_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "dm.csv"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(ValidationError, match="quá giới hạn"):
        read_catalog(path)


def test_a_json_number_beyond_pythons_digit_limit_is_a_row_error(tmp_path: Path) -> None:
    path = tmp_path / "dm.json"
    path.write_text('[{"code": "1.001193", "fee_amount": ' + "9" * 5000 + "}]", "utf-8")
    parse = read_catalog(path)
    assert [e.line for e in parse.errors] == [1] and "số quá lớn" in parse.errors[0].reason
