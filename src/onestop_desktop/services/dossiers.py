"""Clerk actions on dossiers: intake and every step of processing, one function each.

Each function checks the actor's permission, runs in one transaction, appends one event (two for
"refuse as a duplicate at intake") and updates the projection row from that event.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from onestop_desktop.domain import clock, identity
from onestop_desktop.domain import projection as proj
from onestop_desktop.domain.calendar import TimeLimit, due
from onestop_desktop.domain.catalog import Procedure
from onestop_desktop.domain.codes import dossier_code
from onestop_desktop.domain.events import Event
from onestop_desktop.domain.roles import Role
from onestop_desktop.domain.status import ACTIONS, OPEN, Status, next_status
from onestop_desktop.domain.text import fold, nfc
from onestop_desktop.errors import Conflict, NotFound, ValidationError
from onestop_desktop.services import calendar as calendar_service
from onestop_desktop.services import catalog as catalog_service
from onestop_desktop.services import settings
from onestop_desktop.services.audit import record
from onestop_desktop.services.context import Session
from onestop_desktop.services.views import DossierSummary
from onestop_desktop.store import dossiers, events

CHANNELS = {"in_person": "Trực tiếp", "online": "Trực tuyến", "postal": "Dịch vụ bưu chính"}
SUPPLEMENT_MODES = ("pause", "restart")


@dataclass
class Applicant:
    """The person the dossier is for (chủ hồ sơ), as typed at the counter."""

    name: str
    id_number: str | None = None
    birth_date: date | None = None
    phone: str | None = None
    address: str | None = None
    email: str | None = None


@dataclass
class Intake:
    """Everything the intake form collects."""

    procedure_code: str
    applicant: Applicant
    channel: str = "in_person"
    sets_count: int = 1
    documents: list[dict[str, Any]] = field(default_factory=list)
    note: str | None = None
    acknowledge_duplicates: bool = False
    refuse_as_duplicate_of: str | None = None


class DuplicateFound(Conflict):
    """The same person already has an open dossier for this procedure: the clerk must choose."""

    def __init__(self, earlier: list[DossierSummary]) -> None:
        first = earlier[0]
        super().__init__(
            f"Có thể trùng hồ sơ {first.code} của {first.applicant_name} "
            f"(tiếp nhận {clock.fmt_date(first.received_at)}, {first.status.label})"
        )
        self.earlier = earlier


@dataclass(frozen=True)
class CheckedApplicant:
    """The applicant after the identity and contact checks, with any warnings to show."""

    data: dict[str, Any]
    warnings: list[str]


def check_applicant(applicant: Applicant) -> CheckedApplicant:
    """NFC name, valid ID number (12 digits, or a legacy 9-digit CMND with a warning), phone."""
    warnings: list[str] = []
    name = identity.normalise_person_name(applicant.name)
    id_number = None
    if applicant.id_number and applicant.id_number.strip():
        checked = identity.check_identity_number(
            applicant.id_number, birth_date=applicant.birth_date
        )
        id_number = checked.number
        warnings.extend(checked.warnings)
    phone = identity.normalise_phone(applicant.phone) if applicant.phone else None
    return CheckedApplicant(
        {
            "name": name,
            "id_number": id_number,
            "birth_date": applicant.birth_date.isoformat() if applicant.birth_date else None,
            "phone": phone,
            "address": nfc(applicant.address) if applicant.address else None,
            "email": nfc(applicant.email).lower() if applicant.email else None,
        },
        warnings,
    )


def find_duplicates(
    ctx: Session, procedure_code: str, applicant: dict[str, Any]
) -> list[DossierSummary]:
    """Open dossiers for the same procedure and the same ID number, or (without one) the same
    folded name and birth date."""
    rows = dossiers.open_duplicates(
        ctx.store,
        id_number=applicant.get("id_number"),
        procedure_code=procedure_code,
        folded_name=fold(applicant["name"]) if applicant.get("name") else None,
        birth_date=applicant.get("birth_date"),
        open_statuses=[int(s) for s in OPEN],
    )
    return [DossierSummary.from_row(r) for r in rows]


def procedure_snapshot(procedure: Procedure) -> dict[str, Any]:
    """What a receipt event keeps of its procedure version (the rest is in ``procedures``)."""
    return {
        "code": procedure.code,
        "version": procedure.version,
        "name": procedure.name,
        "field": procedure.field,
        "time_limit": {"value": procedure.time_limit.value, "unit": procedure.time_limit.unit},
        "fee_amount": procedure.fee_amount,
    }


def _apply(ctx: Session, event: Event, row: dict[str, Any] | None) -> dict[str, Any]:
    new = proj.apply(row, event)
    if row is None:
        dossiers.insert(ctx.store, new)
    else:
        dossiers.update(ctx.store, new)
    return new


def register_online(ctx: Session, intake: Intake) -> DossierSummary:
    """An online filing entered at the counter (status 1): it gets its code now, and its
    appointment only when it is accepted (action ``accepted``), as the national portal does."""
    intake.channel = "online"
    return receive(ctx, intake, kind="registered_online")


def receive(ctx: Session, intake: Intake, *, kind: str = "received") -> DossierSummary:
    """Tiếp nhận: a new dossier with its code and appointment, or :class:`DuplicateFound`."""
    ctx.require(kind)
    if intake.channel not in CHANNELS:
        raise ValidationError(f"Kênh tiếp nhận không hợp lệ: {intake.channel}", field="channel")
    if not 1 <= intake.sets_count <= 99:
        raise ValidationError("Số bộ hồ sơ phải từ 1 đến 99", field="sets_count")
    applicant = check_applicant(intake.applicant).data
    procedure = catalog_service.current_procedure(ctx.store, intake.procedure_code)
    if not procedure.published:
        raise Conflict(f"Thủ tục {procedure.code} chưa được công bố, không tiếp nhận được")
    if intake.refuse_as_duplicate_of is None and not intake.acknowledge_duplicates:
        earlier = find_duplicates(ctx, procedure.code, applicant)
        if earlier:
            raise DuplicateFound(earlier)
    now = ctx.now()
    cal = calendar_service.load_calendar(ctx.store)
    # No appointment for an online filing (set at acceptance) or a filing refused on the spot.
    gets_appointment = kind == "received" and intake.refuse_as_duplicate_of is None
    appointment = due(now, procedure.time_limit, cal) if gets_appointment else None
    documents = [
        {
            "name": nfc(str(d["name"])),
            "form": str(d.get("form", "copy")),
            "count": int(d.get("count", 1)),
            "provided": bool(d.get("provided", True)),
        }
        for d in intake.documents
    ]
    dossier_id = str(uuid.uuid4())
    with ctx.store.atomic():
        day = now.date()
        n = dossiers.next_code_count(ctx.store, day.isoformat(), ctx.station.station_id)
        code = dossier_code(ctx.station.unit_code, day, ctx.station.station_id, n)
        payload = {
            "code": code,
            "unit_code": ctx.station.unit_code,
            "procedure": procedure_snapshot(procedure),
            "channel": intake.channel,
            "sets_count": intake.sets_count,
            "applicant": applicant,
            "received_at": clock.iso(now),
            "due_at": clock.iso(appointment) if appointment else None,
            "documents": documents,
            "note": nfc(intake.note) if intake.note else None,
        }
        event = record(ctx, kind, payload, dossier_id=dossier_id)
        row = _apply(ctx, event, None)
        if intake.refuse_as_duplicate_of is not None:
            prior = dossiers.get(ctx.store, intake.refuse_as_duplicate_of)
            if prior is None:
                raise NotFound("Không tìm thấy hồ sơ trùng đã chọn")
            ctx.require("refused")
            reason = f"Trùng hồ sơ {prior['code']} đang giải quyết"
            refusal = record(
                ctx,
                "refused",
                {"reason": reason, "duplicate_of": prior["id"]},
                dossier_id=dossier_id,
            )
            row = _apply(ctx, refusal, row)
    return _summary(ctx, dossier_id)


def _summary(ctx: Session, dossier_id: str) -> DossierSummary:
    row = dossiers.get(ctx.store, dossier_id)
    if row is None:
        raise NotFound("Không tìm thấy hồ sơ")
    return DossierSummary.from_row(row)


def get(ctx: Session, key: str) -> dict[str, Any]:
    """The full row of a dossier by UUID or code (what the dossier view shows)."""
    ctx.require("dossiers.view")
    row = dossiers.get(ctx.store, key) or dossiers.get_by_code(ctx.store, key)
    if row is None:
        raise NotFound(f"Không tìm thấy hồ sơ «{key}»")
    row = dict(row)
    row["documents"] = json.loads(row["documents"])
    row["history"] = json.loads(row["history"])
    return row


def history(ctx: Session, key: str) -> list[Event]:
    """Every event of a dossier, oldest first (its audit trail)."""
    row = get(ctx, key)
    return events.for_dossier(ctx.store, str(row["id"]))


def act(ctx: Session, key: str, kind: str, payload: dict[str, Any] | None = None) -> DossierSummary:
    """Take action ``kind`` on a dossier: permission, allowed transition, event, projection."""
    if kind not in ACTIONS or kind in ("received", "registered_online"):
        raise ValidationError(f"Thao tác không hợp lệ: {kind}")
    ctx.require(kind)
    with ctx.store.atomic():
        row = dossiers.get(ctx.store, key) or dossiers.get_by_code(ctx.store, key)
        if row is None:
            raise NotFound(f"Không tìm thấy hồ sơ «{key}»")
        next_status(Status(int(row["status"])), kind)  # Conflict before anything is written
        body = _payload_for(ctx, row, kind, dict(payload or {}))
        event = record(ctx, kind, body, dossier_id=str(row["id"]))
        _apply(ctx, event, row)
    return _summary(ctx, str(row["id"]))


def _required_text(payload: dict[str, Any], key: str, message: str) -> str:
    value = nfc(str(payload.get(key) or ""))
    if not value:
        raise ValidationError(message, field=key)
    return value


def _time_limit(ctx: Session, dossier_id: str) -> TimeLimit:
    first = events.for_dossier(ctx.store, dossier_id)[0]
    limit = first.payload["procedure"]["time_limit"]
    return TimeLimit(limit["value"], limit["unit"])


def _payload_for(ctx: Session, row: dict[str, Any], kind: str, p: dict[str, Any]) -> dict[str, Any]:
    """Validate what the clerk gave for ``kind`` and add what the service computes."""
    now = ctx.now()
    if kind == "handed_over":
        target = _required_text(p, "to", "Chưa chọn cán bộ nhận hồ sơ").lower()
        users = ctx.store.query(
            "SELECT username, full_name, role, active FROM users WHERE username = ?", [target]
        )
        if not users or not users[0]["active"]:
            raise ValidationError(f"Không có cán bộ «{target}» đang hoạt động", field="to")
        if users[0]["role"] not in (Role.OFFICER.value, Role.LEADER.value):
            raise ValidationError(
                "Chỉ chuyển hồ sơ cho chuyên viên xử lý hoặc lãnh đạo", field="to"
            )
        return {"to": target, "to_name": users[0]["full_name"], "note": p.get("note")}
    if kind == "refused":
        return {
            "reason": _required_text(p, "reason", "Chưa nhập lý do từ chối"),
            "duplicate_of": p.get("duplicate_of"),
        }
    if kind == "supplement_requested":
        docs = [nfc(str(d)) for d in p.get("documents") or [] if nfc(str(d))]
        reason = _required_text(p, "reason", "Chưa nhập lý do yêu cầu bổ sung")
        return {"documents": docs, "reason": reason}
    if kind in ("supplement_received", "financial_done"):
        mode = settings.value(ctx.store, settings.SUPPLEMENT_MODE)
        cal = calendar_service.load_calendar(ctx.store)
        if kind == "supplement_received" and mode == "restart":
            new_due = due(now, _time_limit(ctx, str(row["id"])), cal)
        elif row.get("due_at") and row.get("paused_since"):
            paused = calendar_service.working_hours_between(
                cal, clock.parse_iso(str(row["paused_since"])), now
            )
            new_due = cal.add_working_hours(clock.parse_iso(str(row["due_at"])), paused)
        else:
            return {"mode": mode}
        return {"mode": mode, "due_at": clock.iso(new_due), "paused_since": row["paused_since"]}
    if kind == "financial_requested":
        return {"amount": int(p.get("amount") or 0), "note": p.get("note")}
    if kind in ("stopped", "withdrawn"):
        return {"reason": _required_text(p, "reason", "Chưa nhập lý do")}
    if kind == "result_ready":
        return {"note": p.get("note")}
    if kind == "returned":
        return {
            "collected_by": _required_text(p, "collected_by", "Chưa nhập người nhận kết quả"),
            "collected_by_id": p.get("collected_by_id"),
            "note": p.get("note"),
        }
    if kind == "rescheduled":
        reason = _required_text(p, "reason", "Chưa nhập lý do hẹn lại")
        new_due_raw = p.get("new_due_at")
        if not new_due_raw:
            raise ValidationError("Chưa nhập ngày hẹn trả mới", field="new_due_at")
        new_due = (
            new_due_raw if isinstance(new_due_raw, datetime) else clock.parse_iso(str(new_due_raw))
        )
        old_due = clock.parse_iso(str(row["due_at"])) if row.get("due_at") else None
        if old_due is not None and new_due <= old_due:
            raise ValidationError("Ngày hẹn mới phải sau ngày hẹn cũ", field="new_due_at")
        limit = settings.value(ctx.store, settings.MAX_RESCHEDULES)
        if limit is not None and int(row["reschedule_count"]) >= limit:
            raise Conflict(f"Hồ sơ đã được hẹn lại {row['reschedule_count']} lần (tối đa {limit})")
        return {
            "new_due_at": clock.iso(new_due),
            "old_due_at": row.get("due_at"),
            "reason": reason,
            "times": int(row["reschedule_count"]) + 1,
        }
    if kind == "accepted":
        # The appointment of an online dossier is computed when it is accepted (reference §3).
        cal = calendar_service.load_calendar(ctx.store)
        return {"due_at": clock.iso(due(now, _time_limit(ctx, str(row["id"])), cal))}
    return {"note": p.get("note")}
