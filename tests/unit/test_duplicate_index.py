"""The duplicate check by folded name and birth date (no ID number) reads ``dossiers_birth``
(m007, #9): the same dossiers as a walk of the whole table, row for row, and a plan that never
scans the open dossiers or the FTS."""

from __future__ import annotations

import random
from datetime import date, timedelta

from onestop_desktop.domain.status import OPEN
from onestop_desktop.domain.text import fold
from onestop_desktop.services import dossiers
from onestop_desktop.services.context import Session
from onestop_desktop.services.dossiers import Applicant, Intake
from onestop_desktop.store import dossiers as dossier_rows

CODES = ("2.000635", "2.000815")
NAMES = ("Nguyễn Văn Đức", "NGUYỄN văn  đức", "Nguyễn Văn Đực", "Trần Thị Hoa", "trần thị hoa")
DAYS = tuple(date(2020, 1, 1) + timedelta(days=n) for n in range(3))


def walked(ctx: Session, code: str, name: str, born: date) -> list[str]:
    """The old meaning, by reading every row: open, same procedure, birth date, folded name,
    newest first."""
    open_statuses = {int(s) for s in OPEN}
    rows = ctx.store.query("SELECT * FROM dossiers ORDER BY rid DESC")
    return [
        str(r["id"])
        for r in rows
        if r["status"] in open_statuses
        and r["procedure_code"] == code
        and r["applicant_birth_date"] == born.isoformat()
        and fold(str(r["applicant_name"])) == fold(name)
    ]


def indexed(ctx: Session, code: str, name: str, born: date) -> list[str]:
    return [
        d.id
        for d in dossiers.find_duplicates(
            ctx, code, dossiers.check_applicant(Applicant(name, None, born)).data
        )
    ]


def test_the_index_finds_what_a_walk_of_every_row_finds(ctx: Session) -> None:
    rng = random.Random(9)
    saved = []
    for _ in range(60):
        who = Applicant(rng.choice(NAMES), None, rng.choice(DAYS))
        saved.append(
            dossiers.receive(ctx, Intake(rng.choice(CODES), who, acknowledge_duplicates=True))
        )
    # Some of them closed: a withdrawn dossier is no duplicate.
    for d in rng.sample(saved, 15):
        dossiers.act(ctx, d.code, "withdrawn", {"reason": "Người nộp rút"})
    found_any = 0
    for code in CODES:
        for name in NAMES:
            for born in (*DAYS, date(2020, 2, 1)):
                expected = walked(ctx, code, name, born)
                assert indexed(ctx, code, name, born) == expected
                found_any += bool(expected)
    assert found_any > 10  # the probes do meet earlier dossiers


def test_the_check_reads_the_birth_index_only(ctx: Session) -> None:
    """The statements the check runs: each planned on ``dossiers_birth``, with no scan (the
    open dossiers by status, or the FTS, were read before)."""
    dossiers.receive(ctx, Intake(CODES[0], Applicant("Lê Văn An", None, DAYS[0])))
    statements: list[str] = []
    conn = ctx.store.db.conn
    conn.set_trace_callback(statements.append)
    found = indexed(ctx, CODES[0], "le van an", DAYS[0])
    conn.set_trace_callback(None)
    assert len(found) == 1
    reads = [s for s in statements if "FROM dossiers" in s]
    assert len(reads) == 1
    # The traced text has its parameters filled in; the plan is the same.
    plan = [str(r[3]) for r in conn.execute("EXPLAIN QUERY PLAN " + reads[0])]
    assert any("USING INDEX dossiers_birth" in p for p in plan), plan
    assert not any(p.startswith("SCAN") for p in plan), plan
    assert "dossier_fts" not in reads[0]


def test_a_dossier_without_a_birth_date_is_left_out_of_the_index(ctx: Session) -> None:
    """The index is partial: rows without a birth date (most adults give an ID number and a
    birth date, some neither) are not in it, and the check never asks for them."""
    dossiers.receive(ctx, Intake(CODES[0], Applicant("Lê Văn An", "001090012345")))
    with_birth = dossiers.receive(ctx, Intake(CODES[0], Applicant("Lê Văn Bình", None, DAYS[1])))
    in_index = ctx.store.db.execute(
        "SELECT count(*) FROM dossiers INDEXED BY dossiers_birth "
        "WHERE applicant_birth_date IS NOT NULL"
    ).fetchone()[0]
    assert in_index == 1
    assert (
        dossier_rows.open_duplicates(
            ctx.store,
            id_number=None,
            procedure_code=CODES[0],
            folded_name="le van binh",
            birth_date=DAYS[1].isoformat(),
            open_statuses=[int(s) for s in OPEN],
        )[0]["id"]
        == with_birth.id
    )
