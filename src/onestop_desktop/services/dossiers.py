"""Clerk actions on dossiers: intake and every step of processing, one function each, and the
typed read models of one dossier (:func:`detail`, :func:`timeline`).

Each action checks the actor's permission, runs in one transaction, appends one event (two for
"refuse as a duplicate at intake") built as a typed payload (``domain.payloads``) and updates the
projection row from that event.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from onestop_desktop.domain import clock, identity
from onestop_desktop.domain import payloads as pl
from onestop_desktop.domain import projection as proj
from onestop_desktop.domain.calendar import TimeLimit, WorkCalendar, due
from onestop_desktop.domain.catalog import DOCUMENT_FORMS, Procedure, RequiredDocument
from onestop_desktop.domain.codes import dossier_code
from onestop_desktop.domain.events import Event
from onestop_desktop.domain.roles import Role
from onestop_desktop.domain.status import ACTIONS, DONE, OPEN, Status, next_status
from onestop_desktop.domain.text import fold, nfc
from onestop_desktop.errors import Conflict, Msg, NotFound, ValidationError
from onestop_desktop.services import calendar as calendar_service
from onestop_desktop.services import catalog as catalog_service
from onestop_desktop.services import intake as intake_service
from onestop_desktop.services import settings
from onestop_desktop.services.audit import described_actor, record
from onestop_desktop.services.context import Session
from onestop_desktop.services.views import (
    ApplicantView,
    AppointmentChange,
    AttachmentView,
    ChecklistItem,
    DossierDetail,
    DossierSummary,
    Pause,
    StatusStep,
    TimeLeft,
    TimelineEntry,
    details_text,
)
from onestop_desktop.store import counters, dossiers, events
from onestop_desktop.store import users as user_rows

CHANNELS = {"in_person": "Trực tiếp", "online": "Trực tuyến", "postal": "Dịch vụ bưu chính"}
SUPPLEMENT_MODES = ("pause", "restart")
MAX_DOCUMENT_COUNT = 99


@dataclass
class Applicant:
    """The person the dossier is for (chủ hồ sơ), as typed at the counter."""

    name: str
    id_number: str | None = None
    birth_date: date | None = None
    phone: str | None = None
    address: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class HandedIn:
    """One document handed in at intake: line ``item`` (1-based) of the procedure version's
    checklist, in ``form`` (default: the form the checklist asks for), ``count`` copies (default:
    the checklist's count). What ``--document N[:FORM[:COUNT]]`` gives."""

    item: int
    form: str | None = None
    count: int | None = None


@dataclass
class Intake:
    """Everything the intake form collects."""

    procedure_code: str
    applicant: Applicant
    channel: str = "in_person"
    sets_count: int = 1
    documents: list[HandedIn] = field(default_factory=list)
    note: str | None = None
    acknowledge_duplicates: bool = False
    refuse_as_duplicate_of: str | None = None
    submitter: Applicant | None = None
    """The person handing the dossier in (người nộp), when not the applicant."""
    paper_received_at: datetime | None = None
    """Paper fallback: the real receipt time written on a paper slip during an outage. The
    appointment and the code's day come from it; it must lie within the ``paper_entry_days``
    setting (``services.intake.check_paper_time``)."""


class DuplicateFound(Conflict):
    """The same person already has an open dossier for this procedure: the clerk must choose."""

    def __init__(self, earlier: list[DossierSummary]) -> None:
        first = earlier[0]
        super().__init__(
            "Có thể trùng hồ sơ {code} của {name} (tiếp nhận {day}, {status})",
            code=first.code,
            name=first.applicant_name,
            day=clock.fmt_date(first.received_at),
            status=first.status.label_msg,
        )
        self.earlier = earlier


@dataclass(frozen=True)
class CheckedApplicant:
    """The applicant after the identity and contact checks, with any warnings to show."""

    data: pl.ApplicantData
    warnings: list[str]


def check_applicant(applicant: Applicant) -> CheckedApplicant:
    """NFC name, valid ID number (12 digits, or a legacy 9-digit CMND with a warning), phone."""
    warnings: list[str] = []
    name = identity.normalise_person_name(
        identity.check_text(applicant.name, field="name", limit=identity.MAX_NAME_LENGTH)
    )
    if applicant.birth_date:
        identity.check_birth_date(applicant.birth_date)
    id_number = None
    if applicant.id_number and applicant.id_number.strip():
        checked = identity.check_identity_number(
            applicant.id_number, birth_date=applicant.birth_date
        )
        id_number = checked.number
        warnings.extend(checked.warnings)
    phone = identity.normalise_phone(applicant.phone) if applicant.phone else None
    return CheckedApplicant(
        pl.ApplicantData(
            name=name,
            id_number=id_number,
            birth_date=pl.Day(applicant.birth_date.isoformat()) if applicant.birth_date else None,
            phone=phone,
            address=identity.check_text(
                applicant.address, field="address", limit=identity.MAX_ADDRESS_LENGTH
            )
            if applicant.address
            else None,
            email=identity.check_email(applicant.email) if applicant.email else None,
        ),
        warnings,
    )


def find_duplicates(
    ctx: Session, procedure_code: str, applicant: pl.ApplicantData
) -> list[DossierSummary]:
    """Open dossiers for the same procedure and the same ID number, or (without one) the same
    folded name and birth date."""
    rows = dossiers.open_duplicates(
        ctx.store,
        id_number=applicant.id_number,
        procedure_code=procedure_code,
        folded_name=fold(applicant.name) if applicant.name else None,
        birth_date=applicant.birth_date,
        open_statuses=[int(s) for s in OPEN],
    )
    return [DossierSummary.from_row(r) for r in rows]


def procedure_snapshot(procedure: Procedure) -> pl.ProcedureSnapshot:
    """What a receipt event keeps of its procedure version (the rest is in ``procedures``)."""
    return pl.ProcedureSnapshot(
        code=procedure.code,
        version=procedure.version,
        name=procedure.name,
        field=procedure.field,
        time_limit=pl.TimeLimitData(
            value=procedure.time_limit.value,
            unit=procedure.time_limit.unit,
        ),
        fee_amount=procedure.fee_amount,
    )


def checked_documents(
    procedure: Procedure, handed_in: list[HandedIn]
) -> tuple[pl.SubmittedDocument, ...]:
    """The documents handed in, checked against the procedure version's checklist.

    Each names a checklist line by its number; a number outside the checklist, a form the
    catalogue does not know, a count outside 1–99 or the same line twice is refused, naming the
    line.
    """
    checklist: tuple[RequiredDocument, ...] = tuple(procedure.documents)
    seen: set[int] = set()
    out: list[pl.SubmittedDocument] = []
    for doc in handed_in:
        if not 1 <= doc.item <= len(checklist):
            raise ValidationError(
                "Giấy tờ số {item} không có trong thành phần hồ sơ của thủ tục {code} "
                "(thủ tục có {count} giấy tờ)",
                field="documents",
                item=doc.item,
                code=procedure.code,
                count=len(checklist),
            )
        if doc.item in seen:
            raise ValidationError(
                "Giấy tờ số {item} được nhập hai lần", field="documents", item=doc.item
            )
        seen.add(doc.item)
        wanted = checklist[doc.item - 1]
        form = doc.form if doc.form is not None else wanted.form
        if form not in DOCUMENT_FORMS:
            raise ValidationError(
                "Hình thức của giấy tờ số {item} («{form}») không hợp lệ: dùng original (bản "
                "chính), certified_copy (bản sao có chứng thực) hoặc copy (bản sao)",
                field="documents",
                item=doc.item,
                form=form,
            )
        count = doc.count if doc.count is not None else wanted.count
        if not 1 <= count <= MAX_DOCUMENT_COUNT:
            raise ValidationError(
                "Số lượng của giấy tờ số {item} phải từ 1 đến {limit}",
                field="documents",
                item=doc.item,
                limit=MAX_DOCUMENT_COUNT,
            )
        out.append(pl.SubmittedDocument(name=wanted.name, form=form, count=count))
    return tuple(out)


def _apply(ctx: Session, event: Event, row: proj.Row | None, payload: pl.Payload) -> proj.Row:
    new = proj.apply(row, event, payload)
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
        raise ValidationError(
            "Kênh tiếp nhận không hợp lệ: {channel}", field="channel", channel=intake.channel
        )
    if not 1 <= intake.sets_count <= 99:
        raise ValidationError("Số bộ hồ sơ phải từ 1 đến 99", field="sets_count")
    applicant = check_applicant(intake.applicant).data
    submitter = (
        check_applicant(intake.submitter).data
        if intake.submitter is not None and intake.submitter.name.strip()
        else None
    )
    if intake.paper_received_at is not None and kind != "received":
        raise ValidationError(
            "Chỉ hồ sơ tiếp nhận tại quầy mới nhập từ phiếu giấy được", field="received_at"
        )
    procedure = intake_service.procedure(ctx, intake.procedure_code)
    if not procedure.published:
        raise Conflict(
            "Thủ tục {code} chưa được công bố, không tiếp nhận được", code=procedure.code
        )
    documents = checked_documents(procedure, intake.documents)
    prior: proj.Row | None = None
    if intake.refuse_as_duplicate_of is not None:
        prior = _find_row(ctx, intake.refuse_as_duplicate_of)
        if prior is None:
            raise NotFound(
                "Không tìm thấy hồ sơ trùng đã chọn «{key}»", key=intake.refuse_as_duplicate_of
            )
        ctx.require("refused")
    elif not intake.acknowledge_duplicates:
        earlier = find_duplicates(ctx, procedure.code, applicant)
        if earlier:
            raise DuplicateFound(earlier)
    now = ctx.now()
    paper_at = intake.paper_received_at
    cal = calendar_service.load_calendar(
        ctx.store, years=[paper_at.year] if paper_at is not None else None
    )
    # Paper fallback: everything is reckoned from the real receipt time on the paper slip.
    received = intake_service.check_paper_time(ctx, paper_at, cal) if paper_at is not None else now
    # No appointment for an online filing (set at acceptance) or a filing refused on the spot.
    gets_appointment = kind == "received" and prior is None
    appointment = intake_service.appointment(procedure, received, cal) if gets_appointment else None
    dossier_id = str(uuid.uuid4())
    creation: type[pl.Creation] = pl.Received if kind == "received" else pl.RegisteredOnline
    extra: dict[str, Any] = {}
    if kind == "received":
        extra = {
            "submitter": submitter,
            "paper": paper_at is not None,
            "entered_at": pl.Moment(clock.iso(now)) if paper_at is not None else None,
        }
    with ctx.store.atomic():
        # The code's day is the receipt's day: a paper dossier takes the next number of the
        # day it was really received (after every code that day already has), so codes stay
        # unique and its code's date says when it was received, as the slip does.
        day = received.date()
        n = counters.take_next(ctx.store, day.isoformat(), ctx.station.station_id)
        code = dossier_code(ctx.station.unit_code, day, ctx.station.station_id, n)
        payload = creation(
            code=code,
            unit_code=ctx.station.unit_code,
            procedure=procedure_snapshot(procedure),
            channel=intake.channel,  # type: ignore[arg-type]
            sets_count=intake.sets_count,
            applicant=applicant,
            received_at=pl.Moment(clock.iso(received)),
            due_at=pl.Moment(clock.iso(appointment)) if appointment else None,
            documents=documents,
            note=(
                identity.check_text(intake.note, field="note", limit=MAX_INTAKE_NOTE)
                if intake.note
                else None
            ),
            **extra,
        )
        event = record(ctx, payload, dossier_id=dossier_id)
        row = proj.apply(None, event, payload)
        rid = dossiers.insert(ctx.store, row)
        if prior is not None:
            refusal = pl.Refused(
                reason=f"Trùng hồ sơ {prior['code']} đang giải quyết",
                duplicate_of=str(prior["id"]),
            )
            event = record(ctx, refusal, dossier_id=dossier_id)
            row = _apply(ctx, event, row, refusal)
    # The row just written, not read back: the same values, one query fewer per save (#9).
    return DossierSummary.from_row({**row, "rid": rid})


def _find_row(ctx: Session, key: str) -> proj.Row | None:
    key = key.strip()
    return dossiers.get(ctx.store, key) or dossiers.get_by_code(ctx.store, key)


def _row(ctx: Session, key: str) -> proj.Row:
    row = _find_row(ctx, key)
    if row is None:
        raise NotFound("Không tìm thấy hồ sơ «{key}»", key=key)
    return row


def _summary(ctx: Session, dossier_id: str) -> DossierSummary:
    return DossierSummary.from_row(_row(ctx, dossier_id))


def summary(ctx: Session, key: str) -> DossierSummary:
    """The worklist line of one dossier by UUID or code."""
    ctx.require("dossiers.view")
    return _summary(ctx, key)


def history(ctx: Session, key: str) -> list[Event]:
    """Every event of a dossier, oldest first (its raw audit trail; :func:`timeline` in words)."""
    ctx.require("dossiers.view")
    return events.for_dossier(ctx.store, str(_row(ctx, key)["id"]))


def act(
    ctx: Session, key: str, kind: str, payload: Mapping[str, Any] | None = None
) -> DossierSummary:
    """Take action ``kind`` on a dossier: permission, allowed transition, event, projection.

    ``payload`` is what the clerk gave (reason, recipient, new appointment…); the service
    validates it and builds the typed payload of ``kind``.
    """
    if kind not in ACTIONS or kind in pl.CREATING_KINDS:
        raise ValidationError("Thao tác không hợp lệ: {kind}", field="kind", kind=kind)
    ctx.require(kind)
    with ctx.store.atomic():
        row = _row(ctx, key)
        next_status(Status(int(row["status"])), kind)  # Conflict before anything is written
        body = _payload_for(ctx, row, kind, dict(payload or {}))
        event = record(ctx, body, dossier_id=str(row["id"]))
        _apply(ctx, event, row, body)
    return _summary(ctx, str(row["id"]))


MAX_ACT_TEXT = 1000
"""Longest reason or note on an act: a paragraph; more is a paste gone wrong."""
MAX_INTAKE_NOTE = 1000
"""Longest note typed at intake (#7 item 8), the same bound as a ledger note."""


def _required_text(payload: Mapping[str, Any], key: str, missing: ValidationError) -> str:
    """The NFC text the clerk gave for ``key``; ``missing`` is raised when there is none.
    Over :data:`MAX_ACT_TEXT` characters or with a control character it is refused."""
    value = identity.check_text(str(payload.get(key) or ""), field=key, limit=MAX_ACT_TEXT)
    if not value:
        raise missing
    return value


def _optional_text(payload: Mapping[str, Any], key: str) -> str | None:
    value = payload.get(key)
    if value in (None, ""):
        return None
    return identity.check_text(str(value), field=key, limit=MAX_ACT_TEXT)


def _creation(ctx: Session, dossier_id: str) -> pl.Creation:
    first = events.for_dossier(ctx.store, dossier_id)[0]
    created = proj.parse_event(first)
    assert isinstance(created, pl.Creation)
    return created


def _time_limit(ctx: Session, dossier_id: str) -> TimeLimit:
    limit = _creation(ctx, dossier_id).procedure.time_limit
    if limit is None:
        raise Conflict(
            "Hồ sơ {dossier} không ghi thời hạn giải quyết của thủ tục", dossier=dossier_id
        )
    return TimeLimit(limit.value, limit.unit)


def _payload_for(ctx: Session, row: proj.Row, kind: str, p: Mapping[str, Any]) -> pl.DossierAction:
    """Validate what the clerk gave for ``kind`` and add what the service computes."""
    now = ctx.now()
    if kind == "handed_over":
        target = _required_text(
            p, "to", ValidationError("Chưa chọn cán bộ nhận hồ sơ", field="to")
        ).lower()
        user = user_rows.get(ctx.store, target)
        if user is None or not user.active:
            raise ValidationError(
                "Không có cán bộ «{username}» đang hoạt động", field="to", username=target
            )
        if user.role not in (Role.OFFICER.value, Role.LEADER.value):
            raise ValidationError(
                "Chỉ chuyển hồ sơ cho chuyên viên xử lý hoặc lãnh đạo", field="to"
            )
        return pl.HandedOver(to=target, to_name=user.full_name, note=_optional_text(p, "note"))
    if kind == "refused":
        return pl.Refused(
            reason=_required_text(
                p, "reason", ValidationError("Chưa nhập lý do từ chối", field="reason")
            ),
            duplicate_of=_optional_text(p, "duplicate_of"),
        )
    if kind == "supplement_requested":
        docs = tuple(nfc(str(d)) for d in p.get("documents") or [] if nfc(str(d)))
        reason = _required_text(
            p, "reason", ValidationError("Chưa nhập lý do yêu cầu bổ sung", field="reason")
        )
        return pl.SupplementRequested(documents=docs, reason=reason)
    if kind in ("supplement_received", "financial_done"):
        resumed = pl.SupplementReceived if kind == "supplement_received" else pl.FinancialDone
        mode = ctx.store.setting("supplement_mode", "pause") or "pause"
        if mode not in SUPPLEMENT_MODES:
            raise Conflict("Thiết lập supplement_mode không hợp lệ: {mode}", mode=mode)
        cal = calendar_service.load_calendar(ctx.store)
        if kind == "supplement_received" and mode == "restart":
            new_due = due(now, _time_limit(ctx, str(row["id"])), cal)
        elif row.get("due_at") and row.get("paused_since"):
            paused = calendar_service.working_hours_between(
                cal, clock.parse_iso(str(row["paused_since"])), now
            )
            new_due = cal.add_working_hours(clock.parse_iso(str(row["due_at"])), paused)
        else:
            return resumed(mode=mode)  # type: ignore[arg-type]
        return resumed(
            mode=mode,  # type: ignore[arg-type]
            due_at=pl.Moment(clock.iso(new_due)),
            paused_since=row["paused_since"],
        )
    if kind == "financial_requested":
        amount = p.get("amount") or 0
        if not isinstance(amount, int) or isinstance(amount, bool) or amount < 0:
            raise ValidationError(
                "Số tiền phải là số nguyên không âm (nhận được {value})",
                field="amount",
                value=str(amount),
            )
        return pl.FinancialRequested(amount=amount, note=_optional_text(p, "note"))
    if kind == "stopped":
        return pl.Stopped(
            reason=_required_text(p, "reason", ValidationError("Chưa nhập lý do", field="reason"))
        )
    if kind == "withdrawn":
        return pl.Withdrawn(
            reason=_required_text(p, "reason", ValidationError("Chưa nhập lý do", field="reason"))
        )
    if kind == "result_ready":
        return pl.ResultReady(note=_optional_text(p, "note"))
    if kind == "returned":
        return pl.Returned(
            collected_by=_required_text(
                p,
                "collected_by",
                ValidationError("Chưa nhập người nhận kết quả", field="collected_by"),
            ),
            collected_by_id=_optional_text(p, "collected_by_id"),
            note=_optional_text(p, "note"),
        )
    if kind == "rescheduled":
        reason = _required_text(
            p, "reason", ValidationError("Chưa nhập lý do hẹn lại", field="reason")
        )
        new_due_raw = p.get("new_due_at")
        if not new_due_raw:
            raise ValidationError("Chưa nhập ngày hẹn trả mới", field="new_due_at")
        new_due = (
            new_due_raw if isinstance(new_due_raw, datetime) else clock.parse_iso(str(new_due_raw))
        )
        old_due = clock.parse_iso(str(row["due_at"])) if row.get("due_at") else None
        if old_due is not None and now > old_due:
            # Mẫu 04 is sent before the appointment passes (issue #8); afterwards the dossier is
            # simply late. The apology slip itself can still be printed.
            raise Conflict(
                "Đã quá ngày hẹn trả {due}: không thể hẹn lại nữa (phiếu xin lỗi Mẫu 04 vẫn in "
                "được); hồ sơ được tính là quá hạn",
                due=clock.fmt_datetime(old_due),
            )
        if old_due is not None and new_due <= old_due:
            raise ValidationError("Ngày hẹn mới phải sau ngày hẹn cũ", field="new_due_at")
        limit = settings.value(ctx.store, settings.MAX_RESCHEDULES)
        if limit is not None and int(row["reschedule_count"]) >= limit:
            raise Conflict(
                "Hồ sơ đã được hẹn lại {times} lần (tối đa {limit})",
                times=clock.fmt_int(int(row["reschedule_count"])),
                limit=clock.fmt_int(limit),
            )
        return pl.Rescheduled(
            new_due_at=pl.Moment(clock.iso(new_due)),
            old_due_at=row.get("due_at"),
            reason=reason,
            times=int(row["reschedule_count"]) + 1,
        )
    if kind == "accepted":
        # The appointment of an online dossier is computed when it is accepted (reference §3).
        cal = calendar_service.load_calendar(ctx.store)
        appointment = due(now, _time_limit(ctx, str(row["id"])), cal)
        return pl.Accepted(due_at=pl.Moment(clock.iso(appointment)))
    raise ValidationError("Thao tác không hợp lệ: {kind}", field="kind", kind=kind)


# --------------------------------------------------------------------------- read models


def detail(ctx: Session, key: str) -> DossierDetail:
    """Everything about one dossier by UUID or code (what the dossier view and slips show)."""
    ctx.require("dossiers.view")
    row = _row(ctx, key)
    evs = events.for_dossier(ctx.store, str(row["id"]))
    typed = [proj.parse_event(e) for e in evs]
    created = typed[0]
    assert isinstance(created, pl.Creation)
    cal = calendar_service.load_calendar(ctx.store)
    now = ctx.now()
    assignee = row.get("assignee")
    duplicate_of = row.get("duplicate_of")
    dup_row = dossiers.get(ctx.store, str(duplicate_of)) if duplicate_of else None
    status = Status(int(row["status"]))
    due_at = _moment(row.get("due_at"))
    finished_at = _moment(row.get("finished_at"))
    checklist = _checklist(ctx, created)
    return DossierDetail(
        id=str(row["id"]),
        code=str(row["code"]),
        station_id=int(row["station_id"]),
        unit_code=str(row["unit_code"]),
        procedure=created.procedure,
        channel=str(row["channel"]),
        channel_label=CHANNELS.get(str(row["channel"]), str(row["channel"])),
        sets_count=int(row["sets_count"]),
        applicant=ApplicantView(
            name=str(row["applicant_name"]),
            id_number=row.get("applicant_id_number"),
            birth_date=(
                date.fromisoformat(str(row["applicant_birth_date"]))
                if row.get("applicant_birth_date")
                else None
            ),
            phone=row.get("applicant_phone"),
            address=row.get("applicant_address"),
            email=row.get("applicant_email"),
        ),
        received_at=clock.parse_iso(str(row["received_at"])),
        due_at=due_at,
        status=status,
        assignee=assignee,
        assignee_name=_full_name(ctx, str(assignee)) if assignee else None,
        finished_at=finished_at,
        returned_at=_moment(row.get("returned_at")),
        returned_to=row.get("returned_to"),
        refusal_reason=row.get("refusal_reason"),
        duplicate_of=duplicate_of,
        duplicate_of_code=str(dup_row["code"]) if dup_row else None,
        supplement_count=int(row["supplement_count"]),
        paused_since=_moment(row.get("paused_since")),
        reschedule_count=int(row["reschedule_count"]),
        note=row.get("note"),
        documents=checklist,
        status_history=tuple(
            StatusStep(clock.parse_iso(str(at)), Status(int(s))) for at, s in proj._history(row)
        ),
        appointments=_appointments(evs, typed),
        pauses=_pauses(evs, typed, cal, now),
        time_left=_time_left(row, created, cal, now) if status in OPEN else None,
        on_time=(
            finished_at <= due_at
            if status in DONE and finished_at is not None and due_at is not None
            else None
        ),
        updated_at=clock.parse_iso(str(row["updated_at"])),
        submitter=_person(created.submitter) if isinstance(created, pl.Received) else None,
        paper_entered_at=(
            _moment(created.entered_at)
            if isinstance(created, pl.Received) and created.paper
            else None
        ),
        attachments=_attachments(ctx, str(row["id"]), checklist),
    )


def _attachments(
    ctx: Session, dossier_id: str, checklist: tuple[ChecklistItem, ...]
) -> tuple[AttachmentView, ...]:
    """The dossier's scanned files now (#11), folded from all its attachment events (old ones
    without ``dossier_id`` too: they are read by the payload's dossier)."""
    from onestop_desktop.scanning import model
    from onestop_desktop.store import attachments as attachment_rows

    names = {d.number: d.name for d in checklist if d.number is not None}
    return tuple(
        AttachmentView(
            sha256=a.sha256,
            name=a.name,
            media_type=a.media_type,
            pages=a.pages,
            size=a.size,
            document=a.document,
            document_name=names.get(a.document) if a.document is not None else None,
            added_at=a.added_at,
            added_by=a.added_by,
        )
        for a in model.fold(attachment_rows.for_dossier(ctx.store, dossier_id))
    )


def _person(data: pl.ApplicantData | None) -> ApplicantView | None:
    """A submitter as the read model shows people."""
    if data is None:
        return None
    return ApplicantView(
        name=data.name,
        id_number=data.id_number,
        birth_date=date.fromisoformat(data.birth_date) if data.birth_date else None,
        phone=data.phone,
        address=data.address,
        email=data.email,
    )


def _moment(value: Any) -> datetime | None:
    return clock.parse_iso(str(value)) if value else None


def _full_name(ctx: Session, username: str) -> str | None:
    user = user_rows.get(ctx.store, username)
    return user.full_name if user is not None else None


def _checklist(ctx: Session, created: pl.Creation) -> tuple[ChecklistItem, ...]:
    """The checklist of the procedure version received, with what was handed in for each line."""
    snap = created.procedure
    required: tuple[RequiredDocument, ...] = ()
    if snap.version is not None:
        required = _required_documents(ctx, snap.code, snap.version)
    given = {d.name: d for d in created.documents}
    items: list[ChecklistItem] = []
    for number, doc in enumerate(required, start=1):
        got = given.pop(doc.name, None)
        items.append(
            ChecklistItem(
                number=number,
                name=doc.name,
                required_form=doc.form,
                required_count=doc.count,
                provided=got is not None and got.provided,
                form=got.form if got else None,
                count=got.count if got else None,
            )
        )
    for got in given.values():
        items.append(
            ChecklistItem(
                number=None,
                name=got.name,
                required_form=None,
                required_count=None,
                provided=got.provided,
                form=got.form,
                count=got.count,
            )
        )
    return tuple(items)


def _required_documents(ctx: Session, code: str, version: int) -> tuple[RequiredDocument, ...]:
    """The checklist of one procedure version (empty if the catalogue does not hold it), kept
    by the store until the catalogue is written: reading it means parsing and checking the
    whole procedure again: 0.17 of the 0.39 ms a warm detail read took at 1,000,000 (#9)."""

    def load() -> tuple[RequiredDocument, ...]:
        try:
            return tuple(catalog_service.procedure_version(ctx.store, code, version).documents)
        except NotFound:
            return ()

    return ctx.store.cached(("checklist", code, version), ("procedures",), load)


def _appointments(evs: list[Event], typed: list[pl.Payload]) -> tuple[AppointmentChange, ...]:
    out: list[AppointmentChange] = []
    for ev, p in zip(evs, typed, strict=True):
        at = clock.parse_iso(ev.at)
        if isinstance(p, pl.Creation) and p.due_at:
            cause = (
                Msg("Hẹn trả khi tiếp nhận") if ev.kind != "imported" else Msg("Theo sổ theo dõi")
            )
            out.append(AppointmentChange(at, clock.parse_iso(p.due_at), cause, None))
        elif isinstance(p, pl.Accepted):
            out.append(
                AppointmentChange(at, clock.parse_iso(p.due_at), Msg("Hẹn trả khi tiếp nhận"), None)
            )
        elif isinstance(p, pl.SupplementReceived | pl.FinancialDone) and p.due_at:
            cause = (
                Msg("Tính lại thời hạn từ đầu sau khi nhận bổ sung")
                if p.mode == "restart" and isinstance(p, pl.SupplementReceived)
                else Msg("Cộng thêm thời gian tạm dừng")
            )
            out.append(AppointmentChange(at, clock.parse_iso(p.due_at), cause, None))
        elif isinstance(p, pl.Rescheduled):
            out.append(
                AppointmentChange(
                    at,
                    clock.parse_iso(p.new_due_at),
                    Msg("Hẹn lại lần {times}", times=p.times),
                    p.reason,
                )
            )
        elif isinstance(p, pl.Refused) and out and out[-1].due_at is not None:
            out.append(AppointmentChange(at, None, Msg("Không được tiếp nhận: bỏ hẹn trả"), None))
    return tuple(out)


def _pauses(
    evs: list[Event], typed: list[pl.Payload], cal: WorkCalendar, now: datetime
) -> tuple[Pause, ...]:
    out: list[Pause] = []
    open_pause: dict[str, Any] | None = None

    def close(until: datetime | None) -> None:
        assert open_pause is not None
        end = until if until is not None else now
        hours = calendar_service.working_hours_between(cal, open_pause["since"], end)
        out.append(Pause(until=until, working_hours=hours, **open_pause))

    for ev, p in zip(evs, typed, strict=True):
        at = clock.parse_iso(ev.at)
        if isinstance(p, pl.SupplementRequested):
            open_pause = {
                "kind": "supplement",
                "since": at,
                "reason": p.reason,
                "documents": p.documents,
                "amount": None,
            }
        elif isinstance(p, pl.FinancialRequested):
            open_pause = {
                "kind": "financial",
                "since": at,
                "reason": p.note,
                "documents": (),
                "amount": p.amount,
            }
        elif open_pause is not None and isinstance(
            p, pl.SupplementReceived | pl.FinancialDone | pl.Stopped | pl.Withdrawn
        ):
            close(at)
            open_pause = None
    if open_pause is not None:
        close(None)
    return tuple(out)


def _time_left(
    row: proj.Row, created: pl.Creation, cal: WorkCalendar, now: datetime
) -> TimeLeft | None:
    """The span from now (or from the start of the current pause) to the appointment."""
    due_at = _moment(row.get("due_at"))
    if due_at is None:
        return None
    paused_since = _moment(row.get("paused_since"))
    start = paused_since if paused_since is not None else now
    overdue = start > due_at
    a, b = (due_at, start) if overdue else (start, due_at)
    hours = calendar_service.working_hours_between(cal, a, b)
    limit = created.procedure.time_limit
    unit = limit.unit if limit is not None else "working_days"
    if unit == "calendar_days":
        amount = (b - a).total_seconds() / 86400
        shown = "calendar_days"
    elif unit == "working_days":
        amount = hours / cal.hours.hours_per_day
        shown = "working_days"
    else:  # working_hours, same_day
        amount = hours
        shown = "working_hours"
    return TimeLeft(
        due_at=due_at,
        overdue=overdue,
        unit=shown,  # type: ignore[arg-type]
        amount=amount,
        working_hours=-hours if overdue else hours,
        paused=paused_since is not None,
    )


#: The names of event kinds that are not status actions (``ACTIONS`` names the others).
_KIND_LABELS: dict[str, Msg] = {
    "imported": Msg("Nhập từ sổ theo dõi"),
}


def timeline(ctx: Session, key: str) -> list[TimelineEntry]:
    """A dossier's events in words, oldest first: who, when, what, and what it carried."""
    ctx.require("dossiers.view")
    row = _row(ctx, key)
    names: dict[str, str] = {}
    entries: list[TimelineEntry] = []
    status: Status | None = None
    # --- scanned pages (#11): attachment events, also the old ones without a dossier_id
    from onestop_desktop.services import attachments as scans

    evs = scans.with_unlinked(ctx, str(row["id"]), events.for_dossier(ctx.store, str(row["id"])))
    files = scans.files_of(evs)
    documents = scans.document_names(ctx, str(row["id"])) if files else {}
    for ev in evs:
        p = proj.parse_event(ev)
        if isinstance(p, pl.DossierNote):
            assert status is not None
            said = scans.describe(p, files, documents)
            action, note = said.action, None
            parts: tuple[Msg, ...] = (said.details,)
        elif isinstance(p, pl.Creation):
            status = (
                Status(p.status)
                if isinstance(p, pl.Imported)
                else Status.RECEIVED
                if ev.kind == "received"
                else Status.REGISTERED_ONLINE
            )
        else:
            assert status is not None
            target = ACTIONS[ev.kind].target
            status = target if target is not None else status
        if ev.actor not in names:
            names[ev.actor] = _actor_name(ctx, ev.actor)
        if not isinstance(p, pl.DossierNote):
            action = ACTIONS[ev.kind].label_msg if ev.kind in ACTIONS else _KIND_LABELS[ev.kind]
            parts, note = _detail_parts(ctx, ev, p)
        entries.append(
            TimelineEntry(
                station_id=ev.station_id,
                seq=ev.seq,
                at=clock.parse_iso(ev.at),
                kind=ev.kind,
                actor=ev.actor,
                actor_name=names[ev.actor],
                action_msg=action,
                detail_parts=parts,
                note=note,
                status=status,
                payload=p,
            )
        )
    return entries


def _actor_name(ctx: Session, tag: str) -> str:
    """The full name behind an actor tag: a staff member's, the CLI operator, the citizen."""
    what, _, who = tag.partition(":")
    if what == "user":
        name = _full_name(ctx, who)
        if name:
            return name
    words = described_actor(tag)
    if words is not None:
        return str(words)
    return who if what == "user" else tag


def _when(moment: str | None) -> str | Msg:
    return clock.fmt_datetime(clock.parse_iso(moment)) if moment else Msg("không có")


def _details(ctx: Session, ev: Event, p: pl.Payload) -> str:
    """What an event carried, in Vietnamese words (the event log's line: ``services.audit``)."""
    return details_text(*_detail_parts(ctx, ev, p))


def _detail_parts(ctx: Session, ev: Event, p: pl.Payload) -> tuple[tuple[Msg, ...], str | None]:
    """What an event carried: translatable parts (Vietnamese templates, values filled in) and
    the clerk's note of an action (shown after them as typed; a receipt's note is a part)."""
    parts: list[Msg] = []
    if isinstance(p, pl.DossierNote):  # a scanned page (#11), read on its own (the event log)
        from onestop_desktop.services import attachments as scans

        said = scans.words(ctx, p)
        return (said.action, said.details), None
    if isinstance(p, pl.Creation):
        parts.append(
            Msg(
                "Mã hồ sơ {code}; thủ tục {procedure_code} {procedure_name}",
                code=p.code,
                procedure_code=p.procedure.code,
                procedure_name=p.procedure.name,
            )
        )
        if p.due_at:
            parts.append(Msg("hẹn trả {due}", due=_when(p.due_at)))
        if isinstance(p, pl.Received) and p.paper:
            parts.append(
                Msg(
                    "tiếp nhận trên giấy lúc {received}, nhập vào máy lúc {entered}",
                    received=_when(p.received_at),
                    entered=_when(p.entered_at),
                )
            )
        if isinstance(p, pl.Received) and p.submitter is not None:
            parts.append(Msg("người nộp {name}", name=p.submitter.name))
        if p.documents:
            parts.append(Msg("{count} giấy tờ", count=clock.fmt_int(len(p.documents))))
        if isinstance(p, pl.Imported) and p.source is not None:
            parts.append(Msg("từ tệp {file}, dòng {line}", file=p.source.file, line=p.source.line))
    elif isinstance(p, pl.Accepted):
        parts.append(Msg("Hẹn trả {due}", due=_when(p.due_at)))
    elif isinstance(p, pl.Refused | pl.Stopped | pl.Withdrawn):
        parts.append(Msg("Lý do: {reason}", reason=p.reason))
    elif isinstance(p, pl.HandedOver):
        name = p.to_name or _full_name(ctx, p.to) or p.to
        parts.append(Msg("Chuyển cho {name}", name=name))
    elif isinstance(p, pl.SupplementRequested):
        if p.documents:
            parts.append(Msg("Cần bổ sung: {documents}", documents=", ".join(p.documents)))
        parts.append(Msg("lý do: {reason}", reason=p.reason))
    elif isinstance(p, pl.SupplementReceived | pl.FinancialDone):
        if p.due_at:
            how = Msg("tính lại từ đầu") if p.mode == "restart" else Msg("cộng thời gian tạm dừng")
            parts.append(Msg("Hẹn trả mới {due} ({how})", due=_when(p.due_at), how=how))
    elif isinstance(p, pl.FinancialRequested):
        parts.append(Msg("Số tiền: {amount} đ", amount=clock.fmt_int(p.amount)))
    elif isinstance(p, pl.Returned):
        who = p.collected_by + (f" ({p.collected_by_id})" if p.collected_by_id else "")
        parts.append(Msg("Người nhận: {who}", who=who))
    elif isinstance(p, pl.Rescheduled):
        parts.append(
            Msg(
                "Hẹn lại lần {times}: từ {old} sang {new}; lý do: {reason}",
                times=p.times,
                old=_when(p.old_due_at),
                new=_when(p.new_due_at),
                reason=p.reason,
            )
        )
    note = getattr(p, "note", None)
    if note and isinstance(p, pl.Creation):
        parts.append(Msg("ghi chú: {note}", note=note))
        return tuple(parts), None
    return tuple(parts), (str(note) if note else None)
