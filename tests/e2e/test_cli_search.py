"""``onestop search`` on a realistic commune (500 demo dossiers): names without diacritics (đ → d),
NFD input, ID numbers, phones typed with spaces, dossier codes; newest first."""

from __future__ import annotations

import json
import sys
import unicodedata
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from onestop_desktop.domain.text import fold
from tests.e2e.conftest import UNIT_CODE, ok, onestop, parse_json, query, run_command

N_DOSSIERS = 500


@pytest.fixture(scope="module")
def commune(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo commune for the whole module; searches only read it."""
    data = tmp_path_factory.mktemp("search") / "data"
    ok(onestop(data, "demo", "--dossiers", N_DOSSIERS, "--seed", "7", "--quiet"))
    return data


def search(data: Path, text: str, *extra: str) -> list[dict[str, Any]]:
    rows = parse_json(onestop(data, "search", text, "--json", *extra))
    assert isinstance(rows, list)
    return rows


def _newest_first(rows: list[dict[str, Any]]) -> None:
    moments = [datetime.fromisoformat(r["received_at"]) for r in rows]
    assert moments == sorted(moments, reverse=True), [r["received_at"] for r in rows]


def _all_names(data: Path) -> list[str]:
    return [
        r["applicant_name"]
        for r in query(data / "onestop.db", "SELECT applicant_name FROM dossiers")
    ]


def _matches(name: str, query: str) -> bool:
    """The documented rule: every typed word starts some word of the name, in any order
    (clerks type "nguyen duc" for Nguyễn Văn Đức, skipping the middle name)."""
    words = fold(name).split()
    return all(any(w.startswith(q) for w in words) for q in fold(query).split())


def test_name_without_diacritics_finds_names_with_those_words(commune: Path) -> None:
    rows = search(commune, "nguyen van")
    assert rows, "the demo has people called Nguyễn Văn …"
    assert len(rows) <= 20  # the default limit
    wrong = [r["applicant_name"] for r in rows if not _matches(r["applicant_name"], "nguyen van")]
    assert not wrong, f"«nguyen van» returned names without those words: {wrong}"
    _newest_first(rows)


def test_name_search_finds_every_match_newest_first(commune: Path) -> None:
    rows = search(commune, "nguyen van", "--limit", "1000")
    expected = sum(1 for n in _all_names(commune) if _matches(n, "nguyen van"))
    assert len(rows) == expected
    assert all(_matches(r["applicant_name"], "nguyen van") for r in rows)
    _newest_first(rows)


def test_d_finds_the_vietnamese_letter_dd(commune: Path) -> None:
    rows = search(commune, "duc", "--limit", "1000")
    expected = sum(
        1 for n in _all_names(commune) if any(w.startswith("duc") for w in fold(n).split())
    )
    assert rows and len(rows) == expected
    assert all("Đức" in r["applicant_name"] or "Dục" in r["applicant_name"] for r in rows), [
        r["applicant_name"] for r in rows
    ]
    assert any("Đức" in r["applicant_name"] for r in rows)
    _newest_first(rows)
    # Typed with the letter itself, or in capitals: the same dossiers.
    assert search(commune, "Đức", "--limit", "1000") == rows
    assert search(commune, "DUC", "--limit", "1000") == rows


def test_nfd_query_gives_the_same_results_as_nfc(commune: Path) -> None:
    nfc = unicodedata.normalize("NFC", "Nguyễn Văn")
    nfd = unicodedata.normalize("NFD", "Nguyễn Văn")
    assert nfc != nfd
    by_nfc = search(commune, nfc)
    assert by_nfc
    assert search(commune, nfd) == by_nfc
    assert search(commune, "nguyen van") == by_nfc


def test_id_number_from_a_result_finds_that_dossier(commune: Path) -> None:
    some = search(commune, "nguyen")[5]
    id_number = some["applicant_id_number"]
    assert id_number and len(id_number) == 12
    rows = search(commune, id_number)
    assert some["id"] in {r["id"] for r in rows}
    assert all(r["applicant_id_number"] == id_number for r in rows)
    # Typed with dots, as on a printed form.
    dotted = f"{id_number[:3]}.{id_number[3:6]}.{id_number[6:9]}.{id_number[9:]}"
    assert search(commune, dotted) == rows


def test_phone_typed_with_spaces_finds_the_dossier(commune: Path) -> None:
    some = search(commune, "tran")[2]
    phone = some["applicant_phone"]
    assert phone and len(phone) == 10
    spaced = f"{phone[:4]} {phone[4:7]} {phone[7:]}"
    rows = search(commune, spaced)
    assert some["id"] in {r["id"] for r in rows}
    assert all(r["applicant_phone"] == phone for r in rows)
    assert search(commune, phone) == rows
    assert search(commune, "+84 " + phone[1:]) == rows


def test_full_dossier_code_finds_exactly_that_dossier(commune: Path) -> None:
    some = search(commune, "le")[3]
    code = some["code"]
    rows = search(commune, code)
    assert [r["code"] for r in rows] == [code]
    assert rows[0] == some
    assert [r["code"] for r in search(commune, code.lower())] == [code]
    assert [r["code"] for r in search(commune, f"  {code} ")] == [code]


def test_limit(commune: Path) -> None:
    rows = search(commune, "nguyen", "--limit", "5")
    assert len(rows) == 5
    _newest_first(rows)
    assert rows == search(commune, "nguyen")[:5]


@pytest.mark.parametrize("text", ["zzqqxx", "Nguyễn Văn Zzqq", "0000 000 000", "!!!"])
def test_no_match_is_an_empty_list_and_exit_0(commune: Path, text: str) -> None:
    result = ok(onestop(commune, "search", text, "--json"))
    assert json.loads(result.stdout) == []
    assert "Traceback" not in result.stderr


def test_text_output_one_line_per_dossier(commune: Path) -> None:
    rows = search(commune, "nguyen van")
    result = ok(onestop(commune, "search", "nguyen van"))
    lines = result.stdout.strip().splitlines()
    assert [line.split()[0] for line in lines] == [r["code"] for r in rows]
    empty = ok(onestop(commune, "search", "zzqqxx"))
    assert empty.stdout == ""
    assert "Không tìm thấy" in empty.stderr


def test_output_cut_short_by_a_pipe_is_not_a_database_error(commune: Path) -> None:
    """``onestop search … | head -1``: the reader going away is not a fault of the database."""
    result = run_command(
        [
            sys.executable,
            "-c",
            _READ_ONE_LINE,
            sys.executable,
            "--data-dir",
            str(commune),
            "search",
            UNIT_CODE,
            "--limit",
            "1000",
            "--json",
        ],  # every dossier: ~300 kB of JSON
    )
    ok(result)
    child_rc, child_err = json.loads(result.stdout)
    assert "cơ sở dữ liệu" not in child_err, child_err
    assert "Traceback" not in child_err, child_err
    assert child_rc in (0, 1, 141, -13), (child_rc, child_err)


# Runs the CLI with its stdout on a pipe, reads one line and closes the pipe (like `head -1`).
_READ_ONE_LINE = """
import json, subprocess, sys
p = subprocess.Popen([sys.argv[1], "-m", "onestop_desktop", *sys.argv[2:]],
                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
p.stdout.readline()
p.stdout.close()
err = p.stderr.read().decode("utf-8", "replace")
print(json.dumps([p.wait(), err]))
"""
