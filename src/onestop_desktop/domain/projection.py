"""The dossier projection: a pure fold of events into the row the worklist reads.

The services write events and this function derives the row, so ``onestop rebuild`` recomputes
exactly what intake and processing wrote (nothing in the row is set any other way). Payloads are
read through the one table in ``domain.payloads``; each dossier kind's class carries its own fold
step, and :func:`apply` does what every step shares (status, histories, bookkeeping).
"""

from __future__ import annotations

import json
from typing import Any

from onestop_desktop.domain.events import Event
from onestop_desktop.domain.payloads import (
    Creation,
    DossierAction,
    DossierNote,
    Imported,
    Payload,
    parse,
)
from onestop_desktop.domain.status import Status, next_status
from onestop_desktop.domain.text import fold
from onestop_desktop.errors import Conflict

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


def apply(row: Row | None, event: Event, payload: Payload | None = None) -> Row:
    """The dossier row after ``event``.

    The payload is read through ``domain.payloads`` (:class:`InvalidPayload` names the event and
    the field when it does not fit its kind); a caller that has just built the typed payload of
    ``event`` passes it as ``payload`` to skip reading it back. Raises ``Conflict`` on a transition
    the law forbids.
    """
    p = payload if payload is not None else parse_event(event)
    if isinstance(p, Creation):
        if row is not None:
            raise Conflict(
                "Sự kiện số {seq} của máy trạm {station} tạo lại hồ sơ {dossier} đã có",
                seq=event.seq,
                station=event.station_id,
                dossier=event.dossier_id,
            )
        return _create(event, p)
    if not isinstance(p, DossierAction | DossierNote):
        raise Conflict(
            "Sự kiện số {seq} của máy trạm {station} (loại «{kind}») không thuộc hồ sơ nào",
            seq=event.seq,
            station=event.station_id,
            kind=event.kind,
        )
    if row is None:
        raise Conflict(
            "Sự kiện số {seq} của máy trạm {station} (loại «{kind}») thuộc hồ sơ {dossier} "
            "chưa được tạo",
            seq=event.seq,
            station=event.station_id,
            kind=event.kind,
            dossier=event.dossier_id,
        )
    if isinstance(p, DossierNote):
        # A scanned page on the dossier (#11): in its history and timeline, never in its row.
        return row
    new = dict(row)
    current = Status(int(row["status"]))
    status = next_status(current, event.kind)
    if current is Status.REGISTERED_ONLINE and event.kind in ("accepted", "refused"):
        # An online filing counts as received when the centre accepts or refuses it (the
        # provincial system's NgayTiepNhan), not when the citizen submitted it.
        new["received_at"] = event.at
    p.fold(new, event.at)
    note = getattr(p, "note", None)
    if note:
        new["note"] = note
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


def parse_event(event: Event) -> Payload:
    """The typed payload of ``event`` (:class:`InvalidPayload` names the event and field)."""
    return parse(event.kind, event.payload, station=event.station_id, seq=event.seq)


def _create(event: Event, p: Creation) -> Row:
    proc = p.procedure
    applicant = p.applicant
    if isinstance(p, Imported):
        status = Status(p.status)
        finished_at, returned_at, returned_to = p.finished_at, p.returned_at, p.returned_to
        refusal_reason: str | None = p.refusal_reason
        steps: list[list[Any]] = [[t, s] for t, s in p.history]
    else:
        status = _CREATED_STATUS[event.kind]
        finished_at = returned_at = returned_to = refusal_reason = None
        steps = []
    received_at = p.received_at or event.at
    history = steps or [[received_at, int(status)]]
    row: Row = {
        "id": event.dossier_id,
        "code": p.code,
        "station_id": event.station_id,
        "unit_code": p.unit_code,
        "procedure_code": proc.code,
        "procedure_version": proc.version,
        "procedure_name": proc.name,
        "field": proc.field or "",
        "channel": p.channel,
        "sets_count": p.sets_count or 1,
        "applicant_name": applicant.name,
        "applicant_id_number": applicant.id_number or None,
        "applicant_birth_date": applicant.birth_date or None,
        "applicant_phone": applicant.phone or None,
        "applicant_address": applicant.address or None,
        "applicant_email": applicant.email or None,
        "received_at": received_at,
        "due_at": p.due_at,
        "status": int(status),
        "assignee": None,
        "finished_at": finished_at,
        "returned_at": returned_at,
        "returned_to": returned_to,
        "refusal_reason": refusal_reason,
        "duplicate_of": None,
        "supplement_count": 0,
        "paused_since": None,
        "reschedule_count": 0,
        "note": p.note or None,
        "documents": json.dumps([d.to_dict() for d in p.documents], ensure_ascii=False),
        "history": json.dumps(history),
        "due_history": json.dumps([[received_at, p.due_at]] if p.due_at else []),
        "last_station": event.station_id,
        "last_seq": event.seq,
        "updated_at": event.at,
    }
    row["search_text"] = search_text(row)
    return row


_CREATED_STATUS = {
    "received": Status.RECEIVED,
    "registered_online": Status.REGISTERED_ONLINE,
}
