"""The dossier projection: a pure fold of events into the row the worklist reads.

The services write events and this function derives the row, so ``onestop rebuild`` recomputes
exactly what intake and processing wrote (nothing in the row is set any other way).
"""

from __future__ import annotations

import json
from typing import Any

from onestop_desktop.domain.events import Event
from onestop_desktop.domain.status import CREATING_KINDS, Status, next_status
from onestop_desktop.domain.text import fold

Row = dict[str, Any]

PROJECTED_COLUMNS = (
    "id",
    "code",
    "station_id",
    "unit_code",
    "procedure_code",
    "procedure_version",
    "procedure_name",
    "field",
    "channel",
    "sets_count",
    "applicant_name",
    "applicant_id_number",
    "applicant_birth_date",
    "applicant_phone",
    "applicant_address",
    "applicant_email",
    "received_at",
    "due_at",
    "status",
    "assignee",
    "finished_at",
    "returned_at",
    "returned_to",
    "refusal_reason",
    "duplicate_of",
    "supplement_count",
    "paused_since",
    "reschedule_count",
    "note",
    "documents",
    "history",
    "due_history",
    "last_station",
    "last_seq",
    "updated_at",
    "search_text",
)


def search_text(row: Row) -> str:
    """The folded text FTS indexes: name, ID number, phone and dossier code."""
    parts = [
        fold(str(row.get("applicant_name") or "")),
        str(row.get("applicant_id_number") or ""),
        str(row.get("applicant_phone") or ""),
        fold(str(row.get("code") or "")),
    ]
    return " ".join(p for p in parts if p)


def _history(row: Row) -> list[list[Any]]:
    value = row.get("history") or "[]"
    return list(json.loads(value)) if isinstance(value, str) else list(value)


def apply(row: Row | None, event: Event) -> Row:
    """The dossier row after ``event``. Raises ``Conflict`` on a transition the law forbids."""
    p = event.payload
    if event.kind in CREATING_KINDS:
        if row is not None:
            raise ValueError(f"dossier {event.dossier_id} created twice")
        return _create(event)
    if row is None:
        raise ValueError(f"event {event.kind} for unknown dossier {event.dossier_id}")
    new = dict(row)
    current = Status(int(row["status"]))
    status = next_status(current, event.kind)
    kind = event.kind
    if current is Status.REGISTERED_ONLINE and kind in ("accepted", "refused"):
        # An online filing counts as received when the centre accepts or refuses it (the
        # provincial system's NgayTiepNhan), not when the citizen submitted it.
        new["received_at"] = event.at
    if kind == "accepted":
        new["due_at"] = p["due_at"]
    elif kind == "refused":
        new["refusal_reason"] = p.get("reason")
        new["duplicate_of"] = p.get("duplicate_of")
        new["due_at"] = None  # a refused dossier has no appointment to keep
    elif kind == "handed_over":
        new["assignee"] = p.get("to")
    elif kind == "supplement_requested":
        new["supplement_count"] = int(row["supplement_count"]) + 1
        new["paused_since"] = event.at
    elif kind == "supplement_received":
        new["paused_since"] = None
        if p.get("due_at"):
            new["due_at"] = p["due_at"]
    elif kind == "financial_requested":
        new["paused_since"] = event.at
    elif kind == "financial_done":
        new["paused_since"] = None
        if p.get("due_at"):
            new["due_at"] = p["due_at"]
    elif kind == "result_ready":
        new["finished_at"] = event.at
    elif kind == "returned":
        new["returned_at"] = event.at
        new["returned_to"] = p.get("collected_by")
        if not new.get("finished_at"):
            new["finished_at"] = event.at
    elif kind == "rescheduled":
        new["due_at"] = p["new_due_at"]
        new["reschedule_count"] = int(row["reschedule_count"]) + 1
    elif kind in ("stopped", "withdrawn"):
        new["refusal_reason"] = p.get("reason")
        new["paused_since"] = None
    if p.get("note"):
        new["note"] = p["note"]
    if new.get("due_at") != row.get("due_at"):
        dues = json.loads(row.get("due_history") or "[]")
        dues.append([event.at, new["due_at"]])
        new["due_history"] = json.dumps(dues)
    if status != current:
        history = _history(row)
        history.append([event.at, int(status)])
        new["history"] = json.dumps(history)
    new["status"] = int(status)
    new["last_station"] = event.station_id
    new["last_seq"] = event.seq
    new["updated_at"] = event.at
    return new


def _create(event: Event) -> Row:
    p = event.payload
    proc = p["procedure"]
    applicant = p["applicant"]
    status = Status(int(p.get("status", _CREATED_STATUS[event.kind])))
    received_at = p.get("received_at") or event.at
    history = p.get("history") or [[received_at, int(status)]]
    row: Row = {
        "id": event.dossier_id,
        "code": p["code"],
        "station_id": event.station_id,
        "unit_code": p["unit_code"],
        "procedure_code": proc["code"],
        "procedure_version": proc.get("version"),
        "procedure_name": proc["name"],
        "field": proc.get("field") or "",
        "channel": p.get("channel") or "in_person",
        "sets_count": int(p.get("sets_count") or 1),
        "applicant_name": applicant["name"],
        "applicant_id_number": applicant.get("id_number") or None,
        "applicant_birth_date": applicant.get("birth_date") or None,
        "applicant_phone": applicant.get("phone") or None,
        "applicant_address": applicant.get("address") or None,
        "applicant_email": applicant.get("email") or None,
        "received_at": received_at,
        "due_at": p.get("due_at"),
        "status": int(status),
        "assignee": None,
        "finished_at": p.get("finished_at"),
        "returned_at": p.get("returned_at"),
        "returned_to": p.get("returned_to"),
        "refusal_reason": p.get("refusal_reason"),
        "duplicate_of": p.get("duplicate_of"),
        "supplement_count": 0,
        "paused_since": None,
        "reschedule_count": 0,
        "note": p.get("note") or None,
        "documents": json.dumps(p.get("documents") or [], ensure_ascii=False),
        "history": json.dumps(history),
        "due_history": json.dumps(
            p.get("due_history") or ([[received_at, p["due_at"]]] if p.get("due_at") else [])
        ),
        "last_station": event.station_id,
        "last_seq": event.seq,
        "updated_at": event.at,
    }
    row["search_text"] = search_text(row)
    return row


_CREATED_STATUS = {
    "received": Status.RECEIVED,
    "registered_online": Status.REGISTERED_ONLINE,
    "imported": Status.RECEIVED,
}
