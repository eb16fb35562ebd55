"""Search: folded names (đ → d), NFD input, ID, phone, code; newest first; paged."""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta

import pytest

from onestop_desktop.domain.text import fold, nfc
from onestop_desktop.services import dossiers, search
from onestop_desktop.services.context import Session
from onestop_desktop.services.dossiers import Applicant, Intake

from .conftest import FakeClock

PEOPLE = [
    ("Nguyễn Văn Đức", "001090000001", "0912345678"),
    ("Nguyễn Văn An", "001090000002", "0987654321"),
    ("Trần Thị Đào", "001190000003", "0355555555"),
    ("Lê Minh Nguyên", "001090000004", "0777777777"),
    ("Đặng Đức Huy", "001090000005", "0366666666"),
]


@pytest.fixture
def filled(ctx: Session, fake_clock: FakeClock) -> Session:
    for name, idn, phone in PEOPLE:
        dossiers.receive(ctx, Intake("2.000815", Applicant(name, idn, date(1990, 1, 1), phone)))
        fake_clock.moment += timedelta(minutes=7)
    return ctx


def names(rows: list[search.DossierSummary]) -> list[str]:
    return [r.applicant_name for r in rows]


def test_fold() -> None:
    assert fold("Nguyễn Văn Đức") == "nguyen van duc"
    assert fold(unicodedata.normalize("NFD", "ĐẶNG  Thị")) == "dang thi"
    assert nfc(unicodedata.normalize("NFD", "Nguyễn")) == "Nguyễn"


def test_name_ignores_case_and_diacritics_newest_first(filled: Session) -> None:
    assert names(search.search(filled, "nguyen van")) == ["Nguyễn Văn An", "Nguyễn Văn Đức"]
    assert names(search.search(filled, "duc")) == ["Đặng Đức Huy", "Nguyễn Văn Đức"]
    assert names(search.search(filled, "DAO")) == ["Trần Thị Đào"]
    # Words match from their start: "ng" is in "Đặng" but does not start a word there.
    assert names(search.search(filled, "ng")) == [
        "Lê Minh Nguyên",
        "Nguyễn Văn An",
        "Nguyễn Văn Đức",
    ]


def test_nfd_query_finds_nfc_text(filled: Session) -> None:
    nfd = unicodedata.normalize("NFD", "Nguyễn Văn Đức")
    assert nfd != "Nguyễn Văn Đức"
    assert names(search.search(filled, nfd)) == ["Nguyễn Văn Đức"]


def test_id_phone_and_code(filled: Session) -> None:
    assert names(search.search(filled, "001190000003")) == ["Trần Thị Đào"]
    assert names(search.search(filled, "0912 345 678")) == ["Nguyễn Văn Đức"]
    assert names(search.search(filled, "+84 912.345.678")) == ["Nguyễn Văn Đức"]
    first = search.search(filled, "Lê Minh")[0]
    assert names(search.search(filled, first.code)) == ["Lê Minh Nguyên"]
    assert names(search.search(filled, first.code.lower())) == ["Lê Minh Nguyên"]


def test_paging_and_nothing(filled: Session) -> None:
    page1 = search.search(filled, "0", limit=2)  # every ID starts with 0
    page2 = search.search(filled, "0", limit=2, before_rid=page1[-1].rid)
    page3 = search.search(filled, "0", limit=2, before_rid=page2[-1].rid)
    all_rows = page1 + page2 + page3
    assert len(all_rows) == 5 and len({r.id for r in all_rows}) == 5
    assert [r.rid for r in all_rows] == sorted((r.rid for r in all_rows), reverse=True)
    assert search.search(filled, "xyz") == []
    assert search.search(filled, "  !!  ") == []
    assert names(search.search(filled, '"nguyen" OR *')) == []  # FTS syntax is not passed through


def test_total_count_is_kept_until_any_connection_writes(
    filled: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """count_all is asked at every start and after every write; the figure is kept until this
    connection changes a row or another one commits, and is then counted again."""
    from onestop_desktop.store import dossiers as rows
    from onestop_desktop.store.db import Store

    assert search.count_all(filled) == len(PEOPLE)
    counted: list[str] = []
    real_execute = filled.store.db.conn.execute

    class Spy:
        """The connection, noting each count(*) it is asked."""

        total_changes = property(lambda self: filled.store.db.conn.total_changes)

        def execute(self, sql: str, *args: object) -> object:
            if "count(*)" in sql:
                counted.append(sql)
            return real_execute(sql, *args)

    class Db:
        conn = Spy()

    class Wrapped:
        db = Db()

    wrapped = Wrapped()
    assert rows.count(wrapped) == len(PEOPLE)  # type: ignore[arg-type]
    assert rows.count(wrapped) == len(PEOPLE)  # type: ignore[arg-type]
    assert len(counted) == 1, "the second ask is answered from the kept figure"
    # This connection writes: counted again.
    dossiers.receive(filled, Intake("2.000815", Applicant("Mới Một", None, date(1990, 1, 1), None)))
    assert search.count_all(filled) == len(PEOPLE) + 1
    # Another connection commits: counted again.
    assert filled.store.path is not None
    other = Store.open(filled.store.path, integrity="none")
    try:
        other.now = filled.store.now  # type: ignore[method-assign]
        dossiers.receive(
            Session(other, filled.station, filled.actor),
            Intake("2.000815", Applicant("Mới Hai", None, date(1990, 1, 1), None)),
        )
    finally:
        other.close()
    assert search.count_all(filled) == len(PEOPLE) + 2
