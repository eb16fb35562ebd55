"""Search: by applicant name ignoring case and diacritics (đ folds to d), by ID number, phone or
dossier code; newest first, keyset-paged.

The query is folded exactly as the stored ``search_text`` is (``domain.text.fold``), each word
becomes a quoted FTS5 prefix term, and all words must match.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from onestop_desktop.domain import clock
from onestop_desktop.domain.codes import looks_like_dossier_code
from onestop_desktop.domain.payloads import Creation
from onestop_desktop.domain.status import IN_PROGRESS, OPEN, Status
from onestop_desktop.domain.text import fold
from onestop_desktop.errors import ValidationError
from onestop_desktop.services.context import Session
from onestop_desktop.services.views import DossierSummary, TimeLeft
from onestop_desktop.store import dossiers
from onestop_desktop.store.db import Store
from onestop_desktop.store.dossiers import PageFilter

MAX_QUERY = 200
_TOKEN = re.compile(r"[0-9a-z]+")
_NUMBERISH = re.compile(r"^[\d\s.+()-]+$")


def fts_expression(text: str) -> str | None:
    """The FTS5 MATCH expression for what was typed, or ``None`` if nothing searchable."""
    tokens = query_tokens(text)
    if not tokens:
        return None
    return " ".join(f'"{t}"*' for t in tokens)


def query_tokens(text: str) -> list[str]:
    """The folded words of what was typed, each a prefix that some word must start with."""
    folded = fold(text[:MAX_QUERY])
    if _NUMBERISH.match(folded):
        # "0912 345 678" or "001.090.012.345": one number, typed with separators.
        folded = "".join(ch for ch in folded if ch.isdigit())
        if folded.startswith("84") and len(folded) in (11, 12):
            folded = "0" + folded[2:]
    return list(_TOKEN.findall(folded))


def text_matches(search_text: str, tokens: list[str]) -> bool:
    """What the FTS5 prefix query of ``tokens`` says of one row's folded ``search_text``:
    every token starts some word (``unicode61`` splits the folded text as ``[0-9a-z]+``)."""
    words = _TOKEN.findall(search_text)
    return all(any(w.startswith(t) for w in words) for t in tokens)


# ------------------------------------------------------------------------- filters

STATUS_GROUPS: dict[str, frozenset[Status]] = {
    "open": OPEN,
    "supplement": frozenset({Status.SUPPLEMENT_REQUESTED, Status.FINANCIAL_OBLIGATION}),
    "result_ready": frozenset({Status.RESULT_READY}),
    "returned": frozenset({Status.RETURNED}),
    "refused": frozenset({Status.NOT_ACCEPTED}),
    "ended": frozenset({Status.WITHDRAWN, Status.STOPPED}),
    "online": frozenset({Status.REGISTERED_ONLINE}),
}
"""The worklist's status groups, in menu order: đang giải quyết (2, 4, 5, 6), chờ bổ sung hoặc
nghĩa vụ tài chính (5, 6), có kết quả chờ trả (9), đã trả (10), không tiếp nhận (3), rút hoặc
dừng (7, 8), đăng ký trực tuyến chờ tiếp nhận (1). The GUI names them (``ui/labels``)."""

DUE_TODAY_STATUSES = OPEN | {Status.RESULT_READY}
""""Due today": still owed (2, 4, 5, 6) or ready and waiting for the citizen (9)."""
OVERDUE_STATUSES = IN_PROGRESS
""""Overdue": the appointment has passed and the clock runs (2, 4); a dossier waiting for a
supplement or fees (5, 6) has its clock stopped, so it is not overdue (the same rule as the
worklist's red rows)."""

COUNT_CAP = 10_000
"""A count of the filters alone stops here ("hơn 10.000"; an index walk); the exact total is
:func:`count_all`."""

TEXT_COUNT_CAP = 1_000
"""A count that follows the typed words stops here ("hơn 1.000"): at a million dossiers a
common word matches hundreds of thousands of rows, and each counted match is a row read to
check the whole words (:func:`_fts_rows`); the count must fit, with the page, in the 50 ms a
keystroke may take."""

WALK = 5_000
"""How many matches of the words' first three letters a search reads (checking the whole
words on each row) before it asks FTS5 for the whole-prefix matches instead: see
:func:`_fts_rows`."""


def count_cap(text: str) -> int:
    """Where :func:`count_matching` stops for ``text`` (the worklist shows "hơn …" there)."""
    return TEXT_COUNT_CAP if fts_expression(text.strip()) is not None else COUNT_CAP


FEW_ROWS = 50_000
"""A filter that keeps at most this many dossiers (due today, overdue, mine, a small status
group…) is searched by reading those rows through the filter's index, newest first, and checking
the words on each (``store.dossiers._words_sql``, the FTS prefix rule); walking the FTS matches
of a common word to find the few that pass such a filter could read them all."""


@dataclass(frozen=True)
class Filters:
    """What the clerk narrowed the worklist to; all of them apply together, and with the
    search text.

    ``group`` is a key of :data:`STATUS_GROUPS`; ``mine`` means assigned to the signed-in user
    (the projection keeps the assignee of the last hand-over, not who received the dossier);
    ``received_from``/``received_to`` are whole days, both inclusive; ``unit`` is a commune's
    unit code (a district's worklist, :func:`commune_names`)."""

    group: str | None = None
    due_today: bool = False
    overdue: bool = False
    supplement: bool = False
    mine: bool = False
    received_from: date | None = None
    received_to: date | None = None
    unit: str | None = None

    def is_empty(self) -> bool:
        return self == Filters()


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, clock.VN_TZ)


def _intersect(current: frozenset[int] | None, more: Iterable[int]) -> frozenset[int]:
    wanted = frozenset(int(s) for s in more)
    return wanted if current is None else current & wanted


def page_filter(filters: Filters, *, username: str, now: datetime) -> PageFilter | None:
    """The stored-value filter for ``filters`` at ``now``; ``None`` when no row can match
    (e.g. "overdue" together with the group "đã trả")."""
    if filters.group is not None and filters.group not in STATUS_GROUPS:
        raise ValidationError(
            "Nhóm trạng thái không hợp lệ: {value}", field="group", value=filters.group
        )
    if (
        filters.received_from is not None
        and filters.received_to is not None
        and filters.received_to < filters.received_from
    ):
        raise ValidationError(
            "Ngày nhận «đến» ({to}) phải không trước ngày «từ» ({start})",
            field="received_to",
            to=clock.fmt_date(filters.received_to),
            start=clock.fmt_date(filters.received_from),
        )
    statuses: frozenset[int] | None = None
    if filters.group is not None:
        statuses = _intersect(statuses, STATUS_GROUPS[filters.group])
    if filters.supplement:
        statuses = _intersect(statuses, {Status.SUPPLEMENT_REQUESTED})
    if filters.overdue:
        statuses = _intersect(statuses, OVERDUE_STATUSES)
    if filters.due_today:
        statuses = _intersect(statuses, DUE_TODAY_STATUSES)
    if statuses is not None and not statuses:
        return None
    due_from: str | None = None
    due_before: str | None = None
    today = clock.to_vn(now).date()
    if filters.due_today:
        due_from = clock.iso(_day_start(today))
        due_before = clock.iso(_day_start(today + timedelta(days=1)))
    if filters.overdue:
        moment = clock.iso(clock.to_vn(now))
        due_before = moment if due_before is None else min(due_before, moment)
    if due_from is not None and due_before is not None and due_before <= due_from:
        return None
    rid_from = rid_before = None
    if filters.received_from is not None:
        rid_from = dossiers.rid_for(clock.iso(_day_start(filters.received_from)))
    if filters.received_to is not None:
        rid_before = dossiers.rid_for(
            clock.iso(_day_start(filters.received_to + timedelta(days=1)))
        )
    return PageFilter(
        statuses=tuple(sorted(statuses)) if statuses is not None else (),
        due_from=due_from,
        due_before=due_before,
        assignee=username if filters.mine else None,
        rid_from=rid_from,
        rid_before=rid_before,
        unit_code=filters.unit or None,
    )


def search(
    ctx: Session,
    text: str,
    *,
    limit: int = 50,
    before_rid: int | None = None,
    filters: Filters | None = None,
) -> list[DossierSummary]:
    """Dossiers matching ``text`` (and ``filters``), newest first; pass the last ``rid`` to get
    the next page. A whole dossier code finds that dossier whatever the filters say: a scanned
    receipt must always open its dossier."""
    ctx.require("dossiers.view")
    limit = max(1, min(limit, 1000))
    query = text.strip()
    if looks_like_dossier_code(query) and before_rid is None:
        exact = dossiers.get_by_code(ctx.store, query)
        if exact is not None:
            return [DossierSummary.from_row(exact)]
    expr = fts_expression(query)
    if expr is None:
        return []
    where = _where(ctx, filters)
    if where is None:
        return []
    if _few_rows(ctx, where, expr):
        rows = dossiers.page(
            ctx.store,
            where=where,
            before_rid=before_rid,
            limit=limit,
            words=tuple(query_tokens(query)),
        )
    else:
        rows = _fts_rows(ctx, query, expr, where=where, before_rid=before_rid, limit=limit)
    return [DossierSummary.from_row(r) for r in rows]


def _short_form(text: str) -> tuple[str, tuple[str, ...]] | None:
    """For words longer than the FTS prefix index (:data:`dossiers.INDEXED_PREFIX`): the MATCH
    of every word cut to three letters, and the whole words to check on each row; ``None`` when
    every word is short (its own MATCH is already lazy)."""
    tokens = query_tokens(text)
    size = dossiers.INDEXED_PREFIX
    if all(len(t) <= size for t in tokens):
        return None
    return " ".join(f'"{t[:size]}"*' for t in tokens), tuple(t for t in tokens if len(t) > size)


def _fts_rows(
    ctx: Session,
    text: str,
    expr: str,
    *,
    where: PageFilter,
    before_rid: int | None,
    limit: int,
) -> list[dict[str, object]]:
    """The FTS walk of :func:`search`, newest first.

    ``"nguyen"*`` is longer than the prefix index, so FTS5 would merge in memory every
    doclist the prefix covers before the first row (~150 ms at 500,000 dossiers, ~300 ms at a
    million, each keystroke from the fourth letter). Instead the walk reads the matches of
    ``"ngu"*`` (indexed, lazy, newest first) and checks the whole words on each row, up to
    :data:`WALK` matches (:func:`dossiers.fts_bound`). Every row that has the words matches
    the short form too, so a full page found in that walk, or a walk that saw every match, is
    the exact answer. Otherwise the words are rare among the short form's matches, so few
    rows have them, and the whole-prefix MATCH (cheap when few match) gives the rest. Both give
    the same rows (tests/unit/test_search.py)."""
    short = _short_form(text)
    if short is None:
        return dossiers.fts_page(ctx.store, expr, before_rid=before_rid, limit=limit, where=where)
    match, words = short
    bound = dossiers.fts_bound(ctx.store, match, before_rid=before_rid, walk=WALK)
    rows = dossiers.fts_page(
        ctx.store,
        match,
        before_rid=before_rid,
        limit=limit,
        where=where,
        words=words,
        min_rid=bound,
    )
    if len(rows) >= limit or bound is None:
        return rows
    return dossiers.fts_page(ctx.store, expr, before_rid=before_rid, limit=limit, where=where)


def _fts_count(ctx: Session, text: str, expr: str, *, where: PageFilter, cap: int) -> int:
    """:func:`count_matching` through the FTS walk, as :func:`_fts_rows` reads it."""
    short = _short_form(text)
    if short is None:
        return dossiers.count_matching(ctx.store, match=expr, where=where, cap=cap)
    match, words = short
    bound = dossiers.fts_bound(ctx.store, match, before_rid=None, walk=max(WALK, cap))
    found = dossiers.count_matching(
        ctx.store, match=match, where=where, words=words, cap=cap, min_rid=bound
    )
    if found >= cap or bound is None:
        return found
    return dossiers.count_matching(ctx.store, match=expr, where=where, cap=cap)


SURELY_FEW = 1_000
"""Up to this many rows kept by a filter are always read directly (no FTS count first)."""


_PLANS: weakref.WeakKeyDictionary[Store, dict[tuple[PageFilter, str, int, int], bool]] = (
    weakref.WeakKeyDictionary()
)
MAX_PLANS = 256


def _few_rows(ctx: Session, where: PageFilter, expr: str) -> bool:
    """Which way a filtered search reads the fewest rows: ``True`` to read the rows the filter
    keeps (its index, newest first) and check the words on each, ``False`` to walk the FTS
    matches and check the filter on each. Both counts are capped and cheap (an index, a
    doclist): the filter's rows (at most :data:`FEW_ROWS`) against the word's matches.

    A keystroke asks it twice (the page, then the count), and paging asks again: the choice is
    kept per store for the same filter and words. Both ways give the same rows, so a choice
    made before a write is at worst a little slower, never wrong."""
    if where.is_empty():
        return False
    plans = _PLANS.setdefault(ctx.store, {})
    key = (where, expr, FEW_ROWS, SURELY_FEW)
    choice = plans.get(key)
    if choice is None:
        if len(plans) >= MAX_PLANS:
            plans.clear()
        choice = plans[key] = _choose_few_rows(ctx, where, expr)
    return choice


def _choose_few_rows(ctx: Session, where: PageFilter, expr: str) -> bool:
    kept = dossiers.count_matching(ctx.store, where=where, cap=FEW_ROWS + 1)
    if kept > FEW_ROWS:
        return False
    if kept <= SURELY_FEW:
        return True  # reading them is cheaper than asking FTS how many match the word
    short = _short_form_of_expr(expr)
    # The short form's matches are at least the words' (an upper bound, read lazily).
    return dossiers.count_matching(ctx.store, match=short or expr, cap=kept + 1) > kept


def _short_form_of_expr(expr: str) -> str | None:
    """The MATCH of :func:`_short_form` for an expression :func:`fts_expression` made."""
    tokens = [t.strip('"*') for t in expr.split()]
    size = dossiers.INDEXED_PREFIX
    if all(len(t) <= size for t in tokens):
        return None
    return " ".join(f'"{t[:size]}"*' for t in tokens)


def _where(ctx: Session, filters: Filters | None) -> PageFilter | None:
    if filters is None or filters.is_empty():
        return PageFilter()
    return page_filter(filters, username=ctx.actor.username, now=ctx.now())


def worklist_page(
    ctx: Session,
    *,
    before_rid: int | None = None,
    limit: int = 100,
    statuses: list[int] | None = None,
    filters: Filters | None = None,
) -> list[DossierSummary]:
    """A page of the station's dossiers, newest first (the worklist's ``fetchMore``)."""
    ctx.require("dossiers.view")
    where = _where(ctx, filters)
    if where is None:
        return []
    rows = dossiers.page(
        ctx.store, before_rid=before_rid, limit=limit, statuses=statuses, where=where
    )
    return [DossierSummary.from_row(r) for r in rows]


def count_matching(
    ctx: Session, text: str = "", filters: Filters | None = None, *, cap: int | None = None
) -> int:
    """How many dossiers the worklist would list for ``text`` and ``filters`` (at most ``cap``,
    by default :func:`count_cap`; a whole dossier code counts the one dossier it names)."""
    if cap is None:
        cap = count_cap(text)
    ctx.require("dossiers.view")
    query = text.strip()
    if looks_like_dossier_code(query) and dossiers.get_by_code(ctx.store, query) is not None:
        return 1
    where = _where(ctx, filters)
    if where is None:
        return 0
    if not query:
        if where.is_empty():
            return min(dossiers.count(ctx.store), cap)
        return dossiers.count_matching(ctx.store, where=where, cap=cap)
    expr = fts_expression(query)
    if expr is None:
        return 0
    if _few_rows(ctx, where, expr):
        words = tuple(query_tokens(query))
        return dossiers.count_matching(ctx.store, where=where, words=words, cap=cap)
    return _fts_count(ctx, query, expr, where=where, cap=cap)


COUNT_WINDOW = 2_000
"""How many of a filter's newest rows :func:`count_shown` reads to count the typed words on
them, when the filter keeps more and the words are checked row by row: each row read is a
table row (~10 µs at a million dossiers), so counting a group of 30,000 for a word that 900 of
them have took 400 ms of CPU a keystroke."""


def count_shown(ctx: Session, text: str = "", filters: Filters | None = None) -> tuple[int, bool]:
    """What the worklist's count shows for ``text`` and ``filters``: ``(n, exact)``; when not
    ``exact``, at least ``n`` match (``n`` is :func:`count_cap` when the cap was reached, else
    what the :data:`COUNT_WINDOW` newest rows of the filter hold).

    Only a filtered search whose words are checked on the rows (:func:`_few_rows`) is counted
    on a window; every other count is :func:`count_matching`'s."""
    cap = count_cap(text)
    query = text.strip()
    where = _where(ctx, filters) if query else None
    expr = fts_expression(query) if query else None
    if (
        where is None
        or expr is None
        or where.is_empty()
        or (looks_like_dossier_code(query) and dossiers.get_by_code(ctx.store, query) is not None)
        or not _few_rows(ctx, where, expr)
    ):
        n = count_matching(ctx, text, filters, cap=cap)
        return n, n < cap
    ctx.require("dossiers.view")
    words = tuple(query_tokens(query))
    bound = dossiers.filter_bound(ctx.store, where, walk=COUNT_WINDOW)
    if bound is not None:
        start = bound if where.rid_from is None else max(bound, where.rid_from)
        where = replace(where, rid_from=start)
    n = dossiers.count_matching(ctx.store, where=where, words=words, cap=cap)
    return n, bound is None and n < cap


LimitKey = tuple[str, str, int]
"""``(unit_code, procedure_code, procedure_version)``: a procedure version's snapshot, the same
in every dossier received under it (a catalogue version is never edited, only superseded)."""


def time_left(
    ctx: Session,
    items: Iterable[DossierSummary],
    *,
    now: datetime | None = None,
    creations: dict[LimitKey, Creation] | None = None,
) -> dict[str, TimeLeft]:
    """The time left of each dossier still owed (2, 4, 5, 6) that has an appointment, by id:
    the very rule of the dossier view (``services.dossiers.detail``), asked only for the rows
    on screen.

    The rule reads only the procedure's time limit from the dossier's creation event; pass
    ``creations`` (kept by the caller, e.g. the worklist model) to read one creation per
    procedure version instead of one per row: the rows of a screen share a few versions."""
    from onestop_desktop.services import calendar as calendar_service
    from onestop_desktop.services import dossiers as dossier_service

    ctx.require("dossiers.view")
    wanted = [i.id for i in items if i.status in OPEN and i.due_at is not None]
    if not wanted:
        return {}
    moment = now if now is not None else ctx.now()
    cal = calendar_service.load_calendar(ctx.store)
    kept = creations if creations is not None else {}
    out: dict[str, TimeLeft] = {}
    for row in dossiers.time_left_rows(ctx.store, wanted):
        version = row.get("procedure_version")
        key = (
            None
            if version is None
            else (str(row["unit_code"]), str(row["procedure_code"]), int(version))
        )
        created = kept.get(key) if key is not None else None
        if created is None:
            created = _creation_of(ctx, str(row["id"]), str(row["unit_code"]))
            if created is None:
                continue  # no creation held (cannot be at a station; a district folds none)
            if key is not None and len(kept) < MAX_KEPT_CREATIONS:
                kept[key] = created
        left = dossier_service._time_left(row, created, cal, moment)
        if left is not None:
            out[str(row["id"])] = left
    return out


def _creation_of(ctx: Session, dossier_id: str, unit_code: str) -> Creation | None:
    """The event that created the dossier: in the station's own log, or at a district in the
    events imported from the commune (``sync_events``: a district's own log has none)."""
    from onestop_desktop.domain.projection import parse_event
    from onestop_desktop.store import district as district_rows
    from onestop_desktop.store import events

    history = events.for_dossier(ctx.store, dossier_id) or district_rows.dossier_events(
        ctx.store, unit_code, dossier_id
    )
    for event in history:
        created = parse_event(event)
        if isinstance(created, Creation):
            return created
    return None


MAX_KEPT_CREATIONS = 2_000
"""A bound on :func:`time_left`'s ``creations`` (a commune's catalogue has a few hundred
procedure versions; a district's, some thousands), so a long session's memory stays flat."""


def commune_names(ctx: Session) -> dict[str, str] | None:
    """In a district database, each commune's name by unit code (the name its stations gave
    with their keys), for the worklist's "Xã/phường" column and filter; ``None`` at a station
    (it holds only its own dossiers)."""
    from onestop_desktop.services import district
    from onestop_desktop.store import district as district_rows

    ctx.require("dossiers.view")
    if not district.is_district(ctx):
        return None
    return {code: name or code for code, name in district_rows.unit_names(ctx.store).items()}


def count_all(ctx: Session) -> int:
    """How many dossiers the station holds (for the status bar)."""
    ctx.require("dossiers.view")
    return dossiers.count(ctx.store)
