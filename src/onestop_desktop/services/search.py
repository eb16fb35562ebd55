"""Search: by applicant name ignoring case and diacritics (đ folds to d), by ID number, phone or
dossier code; newest first, keyset-paged.

The query is folded exactly as the stored ``search_text`` is (``domain.text.fold``), each word
becomes a quoted FTS5 prefix term, and all words must match.
"""

from __future__ import annotations

import re

from onestop_desktop.domain.codes import looks_like_dossier_code
from onestop_desktop.domain.text import fold
from onestop_desktop.services.context import Session
from onestop_desktop.services.views import DossierSummary
from onestop_desktop.store import dossiers

MAX_QUERY = 200
_TOKEN = re.compile(r"[0-9a-z]+")
_NUMBERISH = re.compile(r"^[\d\s.+()-]+$")


def fts_expression(text: str) -> str | None:
    """The FTS5 MATCH expression for what was typed, or ``None`` if nothing searchable."""
    folded = fold(text[:MAX_QUERY])
    if _NUMBERISH.match(folded):
        # "0912 345 678" or "001.090.012.345": one number, typed with separators.
        folded = "".join(ch for ch in folded if ch.isdigit())
        if folded.startswith("84") and len(folded) in (11, 12):
            folded = "0" + folded[2:]
    tokens = _TOKEN.findall(folded)
    if not tokens:
        return None
    return " ".join(f'"{t}"*' for t in tokens)


def search(
    ctx: Session, text: str, *, limit: int = 50, before_rid: int | None = None
) -> list[DossierSummary]:
    """Dossiers matching ``text``, newest first; pass the last ``rid`` to get the next page."""
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
    rows = dossiers.fts_page(ctx.store, expr, before_rid=before_rid, limit=limit)
    return [DossierSummary.from_row(r) for r in rows]


def worklist_page(
    ctx: Session,
    *,
    before_rid: int | None = None,
    limit: int = 100,
    statuses: list[int] | None = None,
) -> list[DossierSummary]:
    """A page of the station's dossiers, newest first (the worklist's ``fetchMore``)."""
    ctx.require("dossiers.view")
    rows = dossiers.page(ctx.store, before_rid=before_rid, limit=limit, statuses=statuses)
    return [DossierSummary.from_row(r) for r in rows]


def count_all(ctx: Session) -> int:
    """How many dossiers the station holds (for the status bar)."""
    ctx.require("dossiers.view")
    return dossiers.count(ctx.store)
