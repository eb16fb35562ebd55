"""Issue #7 item 8 (part): applicant limits — lengths, control characters, birth dates, email."""

from __future__ import annotations

from datetime import date

import pytest

from onestop_desktop.errors import ValidationError
from onestop_desktop.services.dossiers import Applicant, check_applicant


def _applicant(**kw: object) -> Applicant:
    base: dict[str, object] = {"name": "Nguyễn Văn An"}
    base.update(kw)
    return Applicant(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kw", "field"),
    [
        ({"name": "An " * 60}, "name"),
        ({"address": "x" * 301}, "address"),
        ({"address": "Thôn 1\x00 xã A"}, "address"),
        ({"address": "Thôn 1\u202e xã A"}, "address"),
        ({"email": "khong-phai-email"}, "email"),
        ({"email": "a@b"}, "email"),
        ({"birth_date": date(1899, 12, 31)}, "birth_date"),
        ({"birth_date": date(2999, 1, 1)}, "birth_date"),
    ],
)
def test_bad_applicant_fields_are_refused_with_their_field(
    kw: dict[str, object], field: str
) -> None:
    with pytest.raises(ValidationError) as err:
        check_applicant(_applicant(**kw))
    assert err.value.field == field


def test_good_applicant_passes() -> None:
    checked = check_applicant(
        _applicant(address="Thôn 1, xã A", email="An@Example.VN", birth_date=date(1990, 9, 5))
    )
    assert checked.data.email == "an@example.vn"
    assert checked.data.address == "Thôn 1, xã A"


def test_act_reasons_and_notes_are_bounded_and_without_control_characters() -> None:
    from onestop_desktop.services import dossiers

    missing = ValidationError("Chưa nhập lý do", field="reason")
    assert dossiers._required_text({"reason": " Thiếu  giấy "}, "reason", missing) == "Thiếu giấy"
    for bad in ("x" * (dossiers.MAX_ACT_TEXT + 1), "Thiếu\x1b[2J giấy"):
        with pytest.raises(ValidationError) as err:
            dossiers._required_text({"reason": bad}, "reason", missing)
        assert err.value.field == "reason"
        with pytest.raises(ValidationError) as err:
            dossiers._optional_text({"note": bad}, "note")
        assert err.value.field == "note"
    assert dossiers._optional_text({}, "note") is None
