"""Issue #7 item 8 (part): codes and numbers are NFKC-normalised (full-width digits from an IME
or a PDF copy are the ASCII ones), names are not."""

from __future__ import annotations

from onestop_desktop.domain.catalog import validate_procedure_code
from onestop_desktop.domain.identity import (
    check_personal_id,
    normalise_person_name,
    normalise_phone,
)
from onestop_desktop.domain.text import nfkc_code


def test_full_width_procedure_code_is_the_ascii_code() -> None:
    assert validate_procedure_code("１.９９９０１９") == "1.999019"
    assert validate_procedure_code(" 1.001193 ") == "1.001193"


def test_full_width_phone_is_normalised() -> None:
    assert normalise_phone("０９１２ ３４５ ６７８") == "0912345678"


def test_nfkc_code_trims_and_folds_compatibility_forms() -> None:
    assert nfkc_code("  ＡＢ１２ ") == "AB12"


def test_names_keep_their_letters() -> None:
    assert normalise_person_name("Nguyễn Văn Ａn") == "Nguyễn Văn Ａn"


def test_full_width_id_number_is_the_ascii_number() -> None:
    from tests.unit.test_identity import TODAY

    assert check_personal_id("００１090012345", today=TODAY) == check_personal_id(
        "001090012345", today=TODAY
    )
