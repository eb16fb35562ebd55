"""WorklistModel: a valid Qt model, paged through the services, one column at a time."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from onestop_desktop.domain import clock
from onestop_desktop.domain.roles import Role
from onestop_desktop.domain.status import STATUS_LABELS, Status
from onestop_desktop.domain.text import fold
from onestop_desktop.errors import StorageError, ValidationError
from onestop_desktop.paths import DataDir
from onestop_desktop.services import search
from onestop_desktop.services.context import Actor, Session
from onestop_desktop.services.search import Filters
from onestop_desktop.services.views import DossierSummary, TimeLeft
from onestop_desktop.store.db import Store
from onestop_desktop.ui import labels
from onestop_desktop.ui.labels import STATUS_TEXTS
from onestop_desktop.ui.models.worklist import (
    LEGEND,
    OVERDUE_COLOR,
    TIME_LEFT_BATCH,
    WorklistModel,
    format_moment,
)

from .conftest import DEMO_DOSSIERS

DISPLAY = Qt.ItemDataRole.DisplayRole
HEADERS_VI = (
    "Mã hồ sơ",
    "Người nộp",
    "Thủ tục",
    "Ngày nhận",
    "Hẹn trả",
    "Trạng thái",
    "Thời hạn còn lại",
    "Lĩnh vực",
    "Người xử lý",
    "Số định danh",
    "Điện thoại",
)
MOMENT = re.compile(r"^\d\d/\d\d/\d{4} \d\d:\d\d$")


def fetch_all(model: WorklistModel) -> int:
    """Call fetchMore until the model says there is no more; the number of calls."""
    calls = 0
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        calls += 1
        assert calls < 1000
    return calls


def words_start_with(name: str, *prefixes: str) -> bool:
    words = fold(name).split()
    return all(any(w.startswith(p) for w in words) for p in prefixes)


# ------------------------------------------------------------------ Qt's model checks


@pytest.mark.parametrize("force_py", [False, True], ids=["qt-tester", "py-tester"])
def test_worklist_passes_the_model_tester(
    qtmodeltester: ModelTester, session: Session, force_py: bool
) -> None:
    model = WorklistModel(session)
    assert model.rowCount() == model.PAGE_SIZE
    qtmodeltester.check(model, force_py=force_py)
    # The tester pulls pages with fetchMore itself; the rows stay the fetched ones.
    assert model.rowCount() % model.PAGE_SIZE == 0 or not model.canFetchMore(QModelIndex())


def test_search_result_passes_the_model_tester(
    qtmodeltester: ModelTester, session: Session
) -> None:
    model = WorklistModel(session, page_size=2)
    model.set_query("nguyen van")
    assert model.rowCount() == 2
    qtmodeltester.check(model)
    qtmodeltester.check(model, force_py=True)


def test_empty_result_passes_the_model_tester(qtmodeltester: ModelTester, session: Session) -> None:
    model = WorklistModel(session)
    model.set_query("zzzzqqq")
    assert model.rowCount() == 0
    assert not model.canFetchMore(QModelIndex())
    qtmodeltester.check(model)


# ------------------------------------------------------------------ paging


def test_first_page_is_the_newest_page(session: Session) -> None:
    model = WorklistModel(session)
    expected = search.worklist_page(session, limit=100)
    assert model.dossiers() == tuple(expected)
    rids = [d.rid for d in model.dossiers()]
    assert rids == sorted(rids, reverse=True)
    assert model.canFetchMore(QModelIndex())


def test_fetch_more_appends_one_page_at_a_time(qtbot: QtBot, session: Session) -> None:
    model = WorklistModel(session)
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))

    with qtbot.waitSignal(model.rowsInserted, timeout=1000):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 200
    assert inserted == [(100, 199)]

    fetch_all(model)
    assert model.rowCount() == DEMO_DOSSIERS == search.count_all(session)
    assert inserted == [(100, 199), (200, 299)]
    assert not model.canFetchMore(QModelIndex())
    rids = [d.rid for d in model.dossiers()]
    assert len(set(rids)) == len(rids)
    assert rids == sorted(rids, reverse=True)

    model.fetchMore(QModelIndex())  # nothing more: no-op
    assert model.rowCount() == DEMO_DOSSIERS


def test_rows_never_exceed_what_was_fetched(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[int | None, int]] = []
    real = search.worklist_page

    def spy(
        ctx: Session,
        *,
        before_rid: int | None = None,
        limit: int = 100,
        filters: search.Filters | None = None,
    ) -> list:
        calls.append((before_rid, limit))
        return real(ctx, before_rid=before_rid, limit=limit, filters=filters)

    monkeypatch.setattr(search, "worklist_page", spy)
    model = WorklistModel(session)
    assert calls == [(None, 100)]
    assert model.rowCount() == 100

    model.fetchMore(QModelIndex())
    assert calls[-1] == (model.dossier(99).rid, 100)
    assert model.rowCount() == 200 == 100 * len(calls)
    # Never more than a page per request, never all rows at once.
    assert all(limit == 100 for _, limit in calls)


def test_search_pages_with_before_rid(session: Session) -> None:
    everything = search.search(session, "nguyen van", limit=1000)
    assert len(everything) > 2, "the demo data should have several Nguyễn Văn"
    model = WorklistModel(session, page_size=2)
    model.set_query("nguyen van")
    assert model.rowCount() == 2
    assert model.canFetchMore(QModelIndex())
    calls = fetch_all(model)
    assert calls >= (len(everything) - 2) // 2
    assert model.dossiers() == tuple(everything)
    assert all(words_start_with(d.applicant_name, "nguyen", "van") for d in model.dossiers())


def test_set_query_resets_and_empty_query_shows_the_worklist(
    qtbot: QtBot, session: Session
) -> None:
    model = WorklistModel(session)
    with qtbot.waitSignals([model.modelReset, model.queryChanged], timeout=1000):
        model.set_query("  Đức ")
    assert model.query() == "Đức"
    assert model.is_search()
    assert model.rowCount() > 0
    assert all(words_start_with(d.applicant_name, "duc") for d in model.dossiers())

    with qtbot.assertNotEmitted(model.modelReset):
        model.set_query("Đức")  # the same query: nothing to do

    with qtbot.waitSignal(model.modelReset, timeout=1000):
        model.set_query("")
    assert not model.is_search()
    assert model.dossiers() == tuple(search.worklist_page(session, limit=100))


def test_decomposed_query_is_normalised(session: Session) -> None:
    import unicodedata

    model = WorklistModel(session)
    model.set_query(unicodedata.normalize("NFD", "Đức"))
    assert model.query() == "Đức"


def test_exact_code_gives_that_dossier_alone(session: Session) -> None:
    target = search.worklist_page(session, limit=300)[-1]
    model = WorklistModel(session)
    model.set_query(target.code.lower())
    assert model.dossiers() == (target,)
    assert not model.canFetchMore(QModelIndex())
    assert model.row_of_code(target.code) == 0
    assert model.row_of_code(target.code.lower() + " ") == 0
    assert model.row_of_code("000.00.12.H29-000101-1001") is None


def test_service_error_stops_paging_and_is_reported(
    qtbot: QtBot, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = WorklistModel(session)

    def broken(*_args: object, **_kwargs: object) -> list[DossierSummary]:
        raise StorageError("Cơ sở dữ liệu đang bị một chương trình khác khóa, thử lại sau")

    monkeypatch.setattr(search, "worklist_page", broken)
    with qtbot.waitSignal(model.failed, timeout=1000) as blocker:
        model.fetchMore(QModelIndex())
    message = "Cơ sở dữ liệu đang bị một chương trình khác khóa, thử lại sau"
    assert blocker.args == [message]
    assert model.last_error() == message
    assert model.rowCount() == 100
    assert not model.canFetchMore(QModelIndex())
    # A refused first page leaves an empty table and says why.
    again = WorklistModel(session)
    assert again.rowCount() == 0
    assert again.last_error() == message


# ------------------------------------------------------------------ headers and cells


def test_headers_are_vietnamese(session: Session) -> None:
    model = WorklistModel(session)
    assert model.columnCount() == len(HEADERS_VI)
    got = tuple(
        model.headerData(c, Qt.Orientation.Horizontal, DISPLAY) for c in range(model.columnCount())
    )
    assert got == HEADERS_VI
    assert model.headerData(0, Qt.Orientation.Vertical, DISPLAY) is None
    assert model.headerData(len(HEADERS_VI), Qt.Orientation.Horizontal, DISPLAY) is None
    assert model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) is None


def test_headers_in_english(session: Session, english: None) -> None:
    model = WorklistModel(session)
    got = [model.headerData(c, Qt.Orientation.Horizontal, DISPLAY) for c in range(6)]
    assert got == ["Dossier code", "Applicant", "Procedure", "Received on", "Due on", "Status"]
    status = model.data(model.index(0, WorklistModel.COL_STATUS), DISPLAY)
    assert status not in STATUS_LABELS.values()


def test_display_text_per_column(session: Session) -> None:
    model = WorklistModel(session)
    for row in range(model.rowCount()):
        item = model.dossier(row)

        def cell(col: int, row: int = row) -> object:
            return model.data(model.index(row, col), DISPLAY)

        assert cell(WorklistModel.COL_CODE) == item.code
        assert cell(WorklistModel.COL_APPLICANT) == item.applicant_name
        assert cell(WorklistModel.COL_PROCEDURE) == item.procedure_name
        received = cell(WorklistModel.COL_RECEIVED)
        assert isinstance(received, str) and MOMENT.match(received)
        due = cell(WorklistModel.COL_DUE)
        assert due == ("" if item.due_at is None else format_moment(item.due_at))
        assert cell(WorklistModel.COL_STATUS) == item.status.label


def test_dates_are_day_month_year_then_time(session: Session) -> None:
    model = WorklistModel(session)
    item = model.dossier(0)
    local = item.received_at
    expected = f"{local:%d/%m/%Y %H:%M}"
    assert model.data(model.index(0, WorklistModel.COL_RECEIVED), DISPLAY) == expected
    assert format_moment(None) == ""
    assert format_moment(datetime.fromisoformat("2026-01-05T01:30:00+00:00")) == "05/01/2026 08:30"


def test_sort_role_gives_native_values(session: Session) -> None:
    model = WorklistModel(session)
    item = model.dossier(0)
    values = [model.data(model.index(0, c), WorklistModel.SortRole) for c in range(6)]
    assert values == [
        item.code,
        item.applicant_name,
        item.procedure_name,
        item.received_at,
        item.due_at,
        int(item.status),
    ]
    assert isinstance(values[3], datetime)
    assert isinstance(values[5], int)


def test_dossier_role_and_tooltip(session: Session) -> None:
    model = WorklistModel(session)
    for col in range(6):
        index = model.index(3, col)
        assert model.data(index, WorklistModel.DossierRole) is model.dossier(3)
        assert model.data(index, Qt.ItemDataRole.ToolTipRole) == model.dossier(3).procedure_name
    assert model.data(QModelIndex(), DISPLAY) is None
    assert model.data(model.index(3, 0), Qt.ItemDataRole.DecorationRole) is None


def test_cells_are_read_only(session: Session) -> None:
    model = WorklistModel(session)
    flags = model.flags(model.index(0, 0))
    assert flags & Qt.ItemFlag.ItemIsSelectable
    assert not flags & Qt.ItemFlag.ItemIsEditable


def test_overdue_rows_are_red(session: Session) -> None:
    model = WorklistModel(session)
    fetch_all(model)
    open_rows = [
        d for d in model.dossiers() if d.status in (Status.RECEIVED, Status.PROCESSING) and d.due_at
    ]
    closed_rows = [d for d in model.dossiers() if d.status is Status.RETURNED]
    assert open_rows and closed_rows
    latest_due = max(d.due_at for d in open_rows if d.due_at)

    late = WorklistModel(session, now=lambda: latest_due + timedelta(days=1))
    fetch_all(late)
    for row, item in enumerate(late.dossiers()):
        brush = late.data(late.index(row, WorklistModel.COL_CODE), Qt.ItemDataRole.ForegroundRole)
        if item in open_rows:
            assert isinstance(brush, QBrush)
            assert brush.color() == OVERDUE_COLOR
        else:
            # Other rows have the legend's other colours (paused, ready) or none; never red.
            assert brush is None or brush.color() != OVERDUE_COLOR, item

    earliest_due = min(d.due_at for d in open_rows if d.due_at)
    early = WorklistModel(session, now=lambda: earliest_due - timedelta(minutes=1))
    fetch_all(early)
    assert not any(early.is_overdue(d) for d in early.dossiers())


def test_status_texts_are_the_national_labels() -> None:
    assert dict(STATUS_LABELS) == STATUS_TEXTS
    assert labels.status_text(Status.PROCESSING) == "Đang xử lý"


def test_nested_fetch_more_does_not_duplicate_rows(session: Session) -> None:
    # Model testers and views may call fetchMore from a row-insertion handler.
    model = WorklistModel(session)
    model.rowsAboutToBeInserted.connect(lambda *_: model.fetchMore(QModelIndex()))
    model.rowsInserted.connect(lambda *_: model.fetchMore(QModelIndex()))
    model.fetchMore(QModelIndex())
    rids = [d.rid for d in model.dossiers()]
    assert len(rids) == len(set(rids))
    assert rids == sorted(rids, reverse=True)


# ------------------------------------------------------------------ filters (#9)

FIXED_NOW = datetime(2026, 12, 2, 10, 0, tzinfo=clock.VN_TZ)


def every_row(session: Session) -> list[DossierSummary]:
    """The whole demo worklist, unfiltered (the reference the filters are checked against)."""
    rows = search.worklist_page(session, limit=10 * DEMO_DOSSIERS)
    assert len(rows) == DEMO_DOSSIERS
    return rows


def officer(session: Session) -> Session:
    """The same store as the officer ``chuyenvien``, to whom the demo hands dossiers over."""
    return Session(
        session.store, session.station, Actor("chuyenvien", "Lê Văn Cường", Role.OFFICER)
    )


@pytest.fixture
def fixed_clock(session: Session, monkeypatch: pytest.MonkeyPatch) -> datetime:
    """Freeze the services' clock at a moment inside the demo's working days."""
    latest = max(d.received_at for d in every_row(session))
    now = clock.to_vn(latest) + timedelta(hours=2)
    monkeypatch.setattr(session.store, "now", lambda: now)
    return now


def expected_rows(
    rows: list[DossierSummary], filters: Filters, now: datetime, username: str
) -> list[str]:
    """The codes ``filters`` should keep, decided in Python from each row (newest first)."""
    today = clock.to_vn(now).date()
    keep = []
    for d in rows:
        due = clock.to_vn(d.due_at) if d.due_at else None
        received = clock.to_vn(d.received_at).date()
        if filters.group and d.status not in search.STATUS_GROUPS[filters.group]:
            continue
        if filters.supplement and d.status != Status.SUPPLEMENT_REQUESTED:
            continue
        if filters.overdue and not (
            d.status in (Status.RECEIVED, Status.PROCESSING) and due is not None and due < now
        ):
            continue
        if filters.due_today and not (
            d.status in search.DUE_TODAY_STATUSES and due is not None and due.date() == today
        ):
            continue
        if filters.mine and d.assignee != username:
            continue
        if filters.received_from and received < filters.received_from:
            continue
        if filters.received_to and received > filters.received_to:
            continue
        keep.append(d.code)
    return keep


def filter_cases(rows: list[DossierSummary]) -> list[Filters]:
    days = sorted({clock.to_vn(d.received_at).date() for d in rows})
    middle = days[len(days) // 2]
    return [
        *(Filters(group=g) for g in search.STATUS_GROUPS),
        Filters(due_today=True),
        Filters(overdue=True),
        Filters(supplement=True),
        Filters(mine=True),
        Filters(received_from=middle),
        Filters(received_to=middle),
        Filters(received_from=days[1], received_to=days[-2]),
        Filters(received_from=middle, received_to=middle),
        Filters(group="open", mine=True, received_from=days[1]),
        Filters(overdue=True, mine=True),
        Filters(due_today=True, group="result_ready"),
    ]


def test_each_filter_and_combination_keeps_exactly_the_matching_rows(
    session: Session, fixed_clock: datetime
) -> None:
    ctx = officer(session)
    rows = every_row(ctx)
    non_empty = 0
    for filters in filter_cases(rows):
        want = expected_rows(rows, filters, fixed_clock, "chuyenvien")
        got = [d.code for d in search.worklist_page(ctx, limit=1000, filters=filters)]
        assert got == want, filters
        assert search.count_matching(ctx, "", filters) == len(want), filters
        # Keyset paging through a filter gives the same rows, page by page.
        paged: list[str] = []
        before = None
        while True:
            page = search.worklist_page(ctx, limit=7, before_rid=before, filters=filters)
            paged.extend(d.code for d in page)
            if len(page) < 7:
                break
            before = page[-1].rid
        assert paged == want, filters
        non_empty += bool(want)
    assert non_empty >= 10, "the demo should give most filters something to show"


@pytest.mark.parametrize(
    ("few_rows", "surely_few"),
    [(search.FEW_ROWS, search.SURELY_FEW), (0, 0), (search.FEW_ROWS, 0)],
    ids=["row-check", "fts-walk", "fewer-of-the-two"],
)
def test_filters_combine_with_the_search_text(
    session: Session,
    fixed_clock: datetime,
    few_rows: int,
    surely_few: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(search, "SURELY_FEW", surely_few)
    # Both plans: the few rows a filter keeps, each checked for the words, and the FTS walk with the
    # filter checked on each match (what a filter keeping many rows uses).
    monkeypatch.setattr(search, "FEW_ROWS", few_rows)
    ctx = officer(session)
    rows = every_row(ctx)
    matching = {d.code for d in search.search(ctx, "nguyen", limit=1000)}
    assert 0 < len(matching) < len(rows)
    checked = 0
    for filters in filter_cases(rows):
        want = [c for c in expected_rows(rows, filters, fixed_clock, "chuyenvien") if c in matching]
        got = [d.code for d in search.search(ctx, "nguyen", limit=1000, filters=filters)]
        assert got == want, filters
        assert search.count_matching(ctx, "nguyen", filters) == len(want), filters
        checked += bool(want)
    assert checked >= 8


@pytest.mark.parametrize(
    "walk", [1, 30, search.WALK], ids=["fallback", "bounded-walk", "whole-walk"]
)
def test_long_words_walk_their_first_three_letters(
    session: Session, fixed_clock: datetime, walk: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Words longer than the FTS prefix index are searched by walking the matches of their
    first three letters and checking the whole words on each row (up to WALK matches), then by
    the whole-prefix MATCH if that walk was not enough: every way gives the rows and counts of
    the prefix rule, newest first, page after page."""
    monkeypatch.setattr(search, "WALK", walk)
    monkeypatch.setattr(search, "TEXT_COUNT_CAP", 40)
    ctx = officer(session)
    texts = {
        str(r["code"]): str(r["search_text"])
        for r in ctx.store.query("SELECT code, search_text FROM dossiers")
    }
    rows = every_row(ctx)
    queries = ["nguyen", "nguyen van", "nguy", "tran thi", "hoang", "le minh", "0912", "nguyet"]
    for text in queries:
        assert search._short_form(text) is not None or text == "le minh", text
        tokens = search.query_tokens(text)
        want_all = [d.code for d in rows if search.text_matches(texts[d.code], tokens)]
        for filters in (Filters(), Filters(group="returned"), Filters(group="open")):
            keep = set(expected_rows(rows, filters, fixed_clock, "chuyenvien"))
            want = [c for c in want_all if c in keep]
            got: list[str] = []
            before = None
            while True:
                page = search.search(ctx, text, limit=9, before_rid=before, filters=filters)
                got.extend(d.code for d in page)
                if len(page) < 9:
                    break
                before = page[-1].rid
            assert got == want, (text, filters)
            assert search.count_matching(ctx, text, filters) == min(len(want), 40), (text, filters)
    assert search.count_cap("nguyen") == 40
    assert search.count_cap("") == search.COUNT_CAP


def test_count_shown_reads_a_window_of_the_filters_newest_rows(
    session: Session, fixed_clock: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A filtered search checked row by row is counted on the filter's COUNT_WINDOW newest
    rows: exact when the window holds every row the filter keeps, else "at least" the
    matches in it; the other counts are count_matching's."""
    ctx = officer(session)
    filters = Filters(group="returned")
    rows = [d for d in every_row(ctx) if d.status == Status.RETURNED]
    texts = {
        str(r["code"]): str(r["search_text"])
        for r in ctx.store.query("SELECT code, search_text FROM dossiers")
    }
    tokens = search.query_tokens("nguyen")
    exact = search.count_matching(ctx, "nguyen", filters)
    assert search._few_rows(ctx, search._where(ctx, filters), '"nguyen"*')  # type: ignore[arg-type]
    assert search.count_shown(ctx, "nguyen", filters) == (exact, True)
    monkeypatch.setattr(search, "COUNT_WINDOW", 10)
    newest = rows[:10]
    in_window = sum(1 for d in newest if search.text_matches(texts[d.code], tokens))
    assert 0 < in_window < exact
    assert search.count_shown(ctx, "nguyen", filters) == (in_window, False)
    monkeypatch.setattr(search, "TEXT_COUNT_CAP", 2)
    assert search.count_shown(ctx, "nguyen", filters) == (2, False)
    everything = search.count_matching(ctx, "n")
    assert search.count_shown(ctx, "n") == (everything, everything < 2)


def test_contradicting_filters_show_nothing(session: Session, fixed_clock: datetime) -> None:
    ctx = officer(session)
    assert search.worklist_page(ctx, filters=Filters(overdue=True, group="returned")) == []
    assert search.search(ctx, "nguyen", filters=Filters(supplement=True, group="refused")) == []
    assert search.count_matching(ctx, "", Filters(overdue=True, group="returned")) == 0


def test_a_scanned_code_finds_its_dossier_whatever_the_filters(session: Session) -> None:
    returned = next(d for d in every_row(session) if d.status == Status.RETURNED)
    found = search.search(session, returned.code, filters=Filters(overdue=True))
    assert [d.code for d in found] == [returned.code]
    assert search.count_matching(session, returned.code, Filters(overdue=True)) == 1


def test_a_date_range_backwards_is_refused(session: Session) -> None:
    backwards = Filters(received_from=date(2026, 12, 2), received_to=date(2026, 12, 1))
    with pytest.raises(ValidationError) as caught:
        search.worklist_page(session, filters=backwards)
    assert caught.value.field == "received_to"
    assert "02/12/2026" in caught.value.message and "01/12/2026" in caught.value.message


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("nguyen", True),
        ("Nguyễn Văn", True),
        ("van ngu", True),
        ("nguyenx", False),
        ("0912", True),
        ("h29", True),
    ],
)
def test_text_matches_is_the_fts_prefix_rule(typed: str, words: bool) -> None:
    row = "nguyen van an 001090012345 0912345678 000.00.12.h29-261126-1004"
    assert search.text_matches(row, search.query_tokens(typed)) is words


def test_count_stops_at_its_cap(session: Session) -> None:
    assert search.count_matching(session, "", Filters(group="returned"), cap=5) == 5
    assert search.count_matching(session, "nguyen", None, cap=3) == 3
    assert search.count_matching(session) == DEMO_DOSSIERS


def test_filtered_model_passes_the_model_tester(
    qtmodeltester: ModelTester, session: Session, fixed_clock: datetime
) -> None:
    model = WorklistModel(officer(session), page_size=5)
    model.set_filters(Filters(group="open"))
    assert model.rowCount() == 5
    qtmodeltester.check(model)
    assert all(d.status in search.STATUS_GROUPS["open"] for d in model.dossiers())
    model.set_query("nguyen")
    qtmodeltester.check(model)
    assert model.is_filtered()


def test_model_filters_reset_to_the_first_page(session: Session, fixed_clock: datetime) -> None:
    model = WorklistModel(session)
    resets: list[None] = []
    model.modelReset.connect(lambda: resets.append(None))
    model.set_filters(Filters(group="returned"))
    assert resets == [None]
    assert all(d.status == Status.RETURNED for d in model.dossiers())
    model.set_filters(Filters(group="returned"))
    assert resets == [None], "the same filters again do nothing"
    model.set_filters(Filters())
    assert model.rowCount() == model.PAGE_SIZE
    assert not model.is_filtered()


# ------------------------------------------------------------------ time left (#9)


def left(amount: float, unit: str, *, overdue: bool = False, paused: bool = False) -> TimeLeft:
    return TimeLeft(FIXED_NOW, overdue, unit, amount, -amount if overdue else amount, paused)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "short", "full"),
    [
        (left(2, "working_days"), "Còn 2 ngày", "Còn 2 ngày làm việc"),
        (left(2.5, "working_days"), "Còn 2,5 ngày", "Còn 2,5 ngày làm việc"),
        (left(3, "working_hours", overdue=True), "Quá hạn 3 giờ", "Quá hạn 3 giờ làm việc"),
        (left(4, "calendar_days", overdue=True), "Quá hạn 4 ngày", "Quá hạn 4 ngày"),
        (left(0, "working_days"), "Đến hạn trả", "Đến hạn trả"),
        (
            left(1.5, "working_days", paused=True),
            "Còn 1,5 ngày (tạm dừng)",
            "Còn 1,5 ngày làm việc (đang tạm dừng tính thời hạn)",
        ),
    ],
)
def test_time_left_text(value: TimeLeft, short: str, full: str) -> None:
    assert WorklistModel.time_left_text(value) == short
    assert WorklistModel.time_left_text(value, full=True) == full
    assert full == value.phrase, "the words of the dossier view"


def test_time_left_column_is_the_dossier_views_time_left(
    session: Session, fixed_clock: datetime
) -> None:
    from onestop_desktop.services import dossiers

    model = WorklistModel(session, now=lambda: fixed_clock)
    fetch_all(model)
    seen = 0
    for row, item in enumerate(model.dossiers()):
        text = model.data(model.index(row, WorklistModel.COL_TIME_LEFT), DISPLAY)
        tip = model.data(model.index(row, WorklistModel.COL_TIME_LEFT), Qt.ItemDataRole.ToolTipRole)
        detail = dossiers.detail(session, item.id)
        if detail.time_left is None or item.status not in search.STATUS_GROUPS["open"]:
            assert text == "", item
            continue
        assert text == WorklistModel.time_left_text(detail.time_left), item
        assert tip == detail.time_left.phrase
        sort = model.data(model.index(row, WorklistModel.COL_TIME_LEFT), WorklistModel.SortRole)
        assert sort == detail.time_left.working_hours
        seen += 1
    # The demo is made for today's date: 9 to 12 of its 300 dossiers are open with an
    # appointment, depending on the day (9 on 02/12/2026). Enough to compare the rule.
    assert seen >= 5


def test_time_left_is_computed_only_for_rows_asked(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[int] = []
    real = search.time_left

    def spy(ctx: Session, items: list[DossierSummary], **kw: object) -> dict[str, TimeLeft]:
        asked.append(len(list(items)))
        return real(ctx, items, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(search, "time_left", spy)
    model = WorklistModel(session)
    fetch_all(model)
    assert asked == [], "nothing computed before a cell is shown"
    model.data(model.index(0, WorklistModel.COL_TIME_LEFT), DISPLAY)
    model.data(model.index(1, WorklistModel.COL_TIME_LEFT), DISPLAY)
    assert asked == [TIME_LEFT_BATCH], "one batch for the rows around the first asked"
    model.data(model.index(DEMO_DOSSIERS - 1, WorklistModel.COL_TIME_LEFT), DISPLAY)
    assert asked == [TIME_LEFT_BATCH, 1]


def test_time_left_reads_one_creation_per_procedure_version(
    session: Session, fixed_clock: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rule needs only the procedure's time limit: the model keeps one creation event per
    procedure version, and the texts are those of the per-row reading."""
    reads: list[str] = []
    real = search._creation_of

    def counting(ctx: Session, dossier_id: str, unit_code: str) -> object:
        reads.append(dossier_id)
        return real(ctx, dossier_id, unit_code)

    model = WorklistModel(session, now=lambda: fixed_clock)
    fetch_all(model)
    items = [
        d
        for d in model.dossiers()
        if d.status in search.STATUS_GROUPS["open"] and d.due_at is not None
    ]
    assert len(items) >= 5
    plain = search.time_left(session, items, now=fixed_clock)
    assert len(plain) == len(items)
    monkeypatch.setattr(search, "_creation_of", counting)
    kept: dict[search.LimitKey, object] = {}
    shared = search.time_left(session, items, now=fixed_clock, creations=kept)  # type: ignore[arg-type]
    assert shared == plain
    assert len(reads) == len(kept), "one read per (unit, procedure, version)"
    assert len(kept) >= len({d.procedure_code for d in items})
    assert len(reads) < len(items), "rows of one version share its creation"
    reads.clear()
    assert search.time_left(session, items, now=fixed_clock, creations=kept) == plain  # type: ignore[arg-type]
    assert reads == [], "kept between calls"


def test_texts_follow_the_clock_and_the_language(
    session: Session, fixed_clock: datetime, qtbot: QtBot
) -> None:
    """The model keeps each row's texts; tick() and retranslate() make them again."""
    now = [fixed_clock]
    model = WorklistModel(session, now=lambda: now[0])
    row = next(
        r
        for r, d in enumerate(model.dossiers())
        if d.status in search.STATUS_GROUPS["open"] and d.due_at is not None
    )
    before = model.data(model.index(row, WorklistModel.COL_TIME_LEFT), DISPLAY)
    status = model.data(model.index(row, WorklistModel.COL_STATUS), DISPLAY)
    now[0] = fixed_clock + timedelta(days=30)
    with qtbot.waitSignal(model.dataChanged):
        model.tick()
    after = model.data(model.index(row, WorklistModel.COL_TIME_LEFT), DISPLAY)
    assert after != before and after.startswith("Quá hạn")
    from onestop_desktop.ui import i18n

    try:
        i18n.install("en")
        with qtbot.waitSignal(model.headerDataChanged):
            model.retranslate()
        english = model.data(model.index(row, WorklistModel.COL_STATUS), DISPLAY)
        assert english != status
        assert model.headerData(0, Qt.Orientation.Horizontal) != HEADERS_VI[0]
    finally:
        i18n.install("vi")
    model.retranslate()
    assert model.data(model.index(row, WorklistModel.COL_STATUS), DISPLAY) == status


def test_unanswered_roles_and_bad_indexes_give_none(session: Session) -> None:
    model = WorklistModel(session)
    for role in (Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.FontRole, 999):
        assert model.data(model.index(0, 0), role) is None
    assert model.data(QModelIndex(), DISPLAY) is None
    assert model.data(model.index(0, 0), DISPLAY) == model.dossier(0).code
    assert model.data(model.index(0, 0), WorklistModel.DossierRole) == model.dossier(0)


def test_row_colours_follow_the_legend(session: Session, fixed_clock: datetime) -> None:
    model = WorklistModel(session, now=lambda: fixed_clock)
    fetch_all(model)
    colours = {key: colour for key, colour, _label in LEGEND}
    seen = set()
    today = clock.to_vn(fixed_clock).date()
    for row, item in enumerate(model.dossiers()):
        key = model.data(model.index(row, 0), WorklistModel.ColourKeyRole)
        brush = model.data(model.index(row, 3), Qt.ItemDataRole.ForegroundRole)
        if key is None:
            assert brush is None
            continue
        seen.add(key)
        assert brush.color() == colours[key]
        if key == "paused":
            assert item.status in (Status.SUPPLEMENT_REQUESTED, Status.FINANCIAL_OBLIGATION)
        if key == "due_today":
            assert item.due_at is not None and clock.to_vn(item.due_at).date() == today
        if key == "ready":
            assert item.status == Status.RESULT_READY
    assert {"paused", "ready"} <= seen
    later = WorklistModel(session, now=lambda: fixed_clock + timedelta(days=7))
    fetch_all(later)
    keys = {later.colour_key(d) for d in later.dossiers()}
    assert "overdue" in keys and "due_today" not in keys


# ------------------------------------------------------------------ reload (#9)


def test_reload_sees_another_connections_write_and_keeps_the_loaded_rows(
    session: Session, demo_data: DataDir
) -> None:
    from onestop_desktop.services import dossiers
    from onestop_desktop.services.dossiers import Applicant, Intake

    model = WorklistModel(session)
    model.fetchMore(QModelIndex())
    loaded = model.rowCount()
    assert loaded == 2 * model.PAGE_SIZE
    other = Store.open(demo_data.database, integrity="none")
    try:
        made = dossiers.receive(
            Session.operator(other),
            Intake("2.000815", Applicant("Đỗ Thị Mới", None, date(1990, 1, 1), "0912000111")),
        )
    finally:
        other.close()
    assert model.row_of_id(made.id) is None
    model.reload()
    assert model.dossier(0).id == made.id
    assert model.rowCount() == loaded, "as many rows as were loaded (the new one on top)"
