"""WorklistModel: a valid Qt model, paged through the services, one column at a time."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from onestop_desktop.domain.status import STATUS_LABELS, Status
from onestop_desktop.domain.text import fold
from onestop_desktop.errors import StorageError
from onestop_desktop.services import search
from onestop_desktop.services.context import Session
from onestop_desktop.services.views import DossierSummary
from onestop_desktop.ui import labels
from onestop_desktop.ui.labels import STATUS_TEXTS
from onestop_desktop.ui.models.worklist import (
    OVERDUE_COLOR,
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
