"""The reads behind the printed ledger and the receipt's ledger entry number (#10)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from onestop_desktop.store.db import Store

LEDGER_COLUMNS = (
    "code, procedure_name, sets_count, applicant_name, applicant_address, applicant_phone, "
    "received_at, due_at, returned_at, status"
)


def entry_number(store: Store, first_rid: int, rid: int) -> int:
    """The place of the dossier ``rid`` among those received from ``first_rid`` on (the Sổ
    theo dõi's running number for the year): receipt order is ``rid`` order."""
    row = store.db.execute(
        "SELECT count(*) FROM dossiers WHERE rid >= ? AND rid <= ?", [first_rid, rid]
    ).fetchone()
    return int(row[0])


def rid_of(store: Store, dossier_id: str) -> int | None:
    """The receipt-order key of one dossier."""
    row = store.db.execute("SELECT rid FROM dossiers WHERE id = ?", [dossier_id]).fetchone()
    return None if row is None else int(row[0])


def ledger_rows(store: Store, first_rid: int, last_rid: int) -> Iterator[dict[str, Any]]:
    """The dossiers received between two receipt keys (inclusive), oldest first, streamed."""
    cur = store.db.execute(
        f"SELECT {LEDGER_COLUMNS} FROM dossiers WHERE rid >= ? AND rid <= ? ORDER BY rid",
        [first_rid, last_rid],
    )
    names = [d[0] for d in cur.description]
    for row in cur:
        yield dict(zip(names, row, strict=True))
