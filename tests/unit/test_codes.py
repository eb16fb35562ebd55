"""Unit codes and dossier codes."""

from __future__ import annotations

from datetime import date

import pytest

from onestop_desktop.domain.codes import (
    dossier_code,
    looks_like_dossier_code,
    parse_dossier_code,
    validate_station,
    validate_unit_code,
)
from onestop_desktop.errors import ValidationError


@pytest.mark.parametrize(
    "code", ["000.00.12.H29", "000.17.22.H56", "000.00.06.h56", "G01.00.00.G12"]
)
def test_valid_unit_codes(code: str) -> None:
    assert validate_unit_code(code) == code.upper()


@pytest.mark.parametrize(
    "code",
    [
        "",
        "12.H29",
        "000.00.12.29",
        "000.00.12.H2",
        "000-00-12-H29",
        "000.00.12.H29.1",
        "0000.00.12.H29",
    ],
)
def test_malformed_unit_codes(code: str) -> None:
    with pytest.raises(ValidationError, match=r"LLL\.KK\.JJ\.XNN"):
        validate_unit_code(code)


def test_dossier_code_format_and_station_partition() -> None:
    day = date(2026, 11, 26)
    assert dossier_code("000.00.12.H29", day, 1, 1) == "000.00.12.H29-261126-1001"
    assert dossier_code("000.00.12.H29", day, 2, 5) == "000.00.12.H29-261126-2005"
    assert dossier_code("000.00.12.H29", day, 1, 1000) == "000.00.12.H29-261126-11000"
    codes = {dossier_code("U", day, s, n) for s in range(1, 10) for n in range(1, 1500)}
    assert len(codes) == 9 * 1499  # no two stations, no two counts, ever share a code


def test_dossier_code_parse() -> None:
    assert looks_like_dossier_code("000.00.12.H29-261126-1001")
    assert not looks_like_dossier_code("Nguyễn Văn A")
    assert parse_dossier_code("000.00.12.h29-261126-1001") == ("000.00.12.H29", "261126", "1001")


@pytest.mark.parametrize("bad", [0, 10, "x", -1])
def test_station_range(bad: object) -> None:
    with pytest.raises(ValidationError):
        validate_station(bad)  # type: ignore[arg-type]


def test_actions_offered_follow_status_and_role() -> None:
    from onestop_desktop.domain.roles import Role
    from onestop_desktop.domain.status import Status, allowed_actions

    def kinds(status: Status, role: Role) -> set[str]:
        return {a.kind for a in allowed_actions(status, role)}

    assert kinds(Status.RESULT_READY, Role.CLERK) == {"returned"}
    assert "result_ready" in kinds(Status.PROCESSING, Role.OFFICER)
    assert "result_ready" not in kinds(Status.PROCESSING, Role.CLERK)
    assert kinds(Status.RETURNED, Role.LEADER) == set()
    assert kinds(Status.PROCESSING, Role.ADMIN) == set()
