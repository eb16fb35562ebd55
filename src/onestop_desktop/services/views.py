"""Plain, immutable rows handed to the GUI and CLI (never database rows)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any, Literal

from onestop_desktop.domain import clock
from onestop_desktop.domain.catalog import DOCUMENT_FORM_LABELS
from onestop_desktop.domain.payloads import Payload, ProcedureSnapshot
from onestop_desktop.domain.status import Status
from onestop_desktop.errors import Msg


@dataclass(frozen=True)
class DossierSummary:
    """One worklist or search line."""

    rid: int
    id: str
    code: str
    applicant_name: str
    applicant_id_number: str | None
    applicant_phone: str | None
    procedure_code: str
    procedure_name: str
    field: str
    received_at: datetime
    due_at: datetime | None
    status: Status
    assignee: str | None
    unit_code: str = ""
    """The commune the dossier belongs to (a district holds many; a station only its own)."""

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> DossierSummary:
        return cls(
            rid=int(row["rid"]),
            id=str(row["id"]),
            code=str(row["code"]),
            applicant_name=str(row["applicant_name"]),
            applicant_id_number=row.get("applicant_id_number"),
            applicant_phone=row.get("applicant_phone"),
            procedure_code=str(row["procedure_code"]),
            procedure_name=str(row["procedure_name"]),
            field=str(row.get("field") or ""),
            received_at=clock.parse_iso(str(row["received_at"])),
            due_at=clock.parse_iso(str(row["due_at"])) if row.get("due_at") else None,
            status=Status(int(row["status"])),
            assignee=row.get("assignee"),
            unit_code=str(row.get("unit_code") or ""),
        )

    def to_json(self) -> dict[str, Any]:
        """JSON-ready dict (ISO times, status number and name)."""
        data = asdict(self)
        data["received_at"] = clock.iso(self.received_at)
        data["due_at"] = clock.iso(self.due_at) if self.due_at else None
        data["status"] = int(self.status)
        data["status_label"] = self.status.label
        return data


# ------------------------------------------------------------------------- dossier detail


def _iso(value: datetime | None) -> str | None:
    return clock.iso(value) if value is not None else None


@dataclass(frozen=True)
class ApplicantView:
    """The person the dossier is for (chủ hồ sơ), as received."""

    name: str
    id_number: str | None
    birth_date: date | None
    phone: str | None
    address: str | None
    email: str | None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["birth_date"] = self.birth_date.isoformat() if self.birth_date else None
        return data


@dataclass(frozen=True)
class ChecklistItem:
    """One line of the procedure's document checklist and what was handed in for it.

    ``number`` is the line's place in the checklist of the procedure version received (what
    ``--document N`` refers to); ``None`` for a document handed in that the checklist does not
    list (an older version's line, or a dossier whose procedure version is not in the catalogue).
    """

    number: int | None
    name: str
    required_form: str | None
    required_count: int | None
    provided: bool
    form: str | None
    count: int | None

    @property
    def form_label(self) -> str | None:
        """The Vietnamese name of the form handed in ("Bản chính"…)."""
        return DOCUMENT_FORM_LABELS.get(self.form) if self.form else None  # type: ignore[call-overload]

    @property
    def required_form_label(self) -> str | None:
        """The Vietnamese name of the form the checklist asks for."""
        return (
            DOCUMENT_FORM_LABELS.get(self.required_form)  # type: ignore[call-overload]
            if self.required_form
            else None
        )

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["form_label"] = self.form_label
        data["required_form_label"] = self.required_form_label
        return data


@dataclass(frozen=True)
class AppointmentChange:
    """The appointment (ngày hẹn trả) as it was set at ``at``, and why.

    ``cause_msg`` is the why as a translatable :class:`~onestop_desktop.errors.Msg` (the GUI
    renders it in its language); ``cause`` is its Vietnamese text (CLI, JSON, slips).
    ``reason`` is what the clerk typed, shown as it is.
    """

    at: datetime
    due_at: datetime | None
    cause_msg: Msg
    reason: str | None

    @property
    def cause(self) -> str:
        return str(self.cause_msg)

    def to_json(self) -> dict[str, Any]:
        return {
            "at": clock.iso(self.at),
            "due_at": _iso(self.due_at),
            "cause": self.cause,
            "reason": self.reason,
        }


PauseKind = Literal["supplement", "financial"]
PAUSE_LABELS: dict[PauseKind, Msg] = {
    "supplement": Msg("Chờ bổ sung hồ sơ"),
    "financial": Msg("Chờ thực hiện nghĩa vụ tài chính"),
}


@dataclass(frozen=True)
class Pause:
    """A time the processing clock stood still: waiting for a supplement or for the fees.

    ``until`` is ``None`` while the pause lasts. ``working_hours`` is its length in the station's
    working time (up to now for a pause still open).
    """

    kind: PauseKind
    since: datetime
    until: datetime | None
    reason: str | None
    documents: tuple[str, ...]
    amount: int | None
    working_hours: float

    @property
    def label_msg(self) -> Msg:
        """What the dossier waited for, translatable (the GUI renders it in its language)."""
        return PAUSE_LABELS[self.kind]

    @property
    def label(self) -> str:
        return str(PAUSE_LABELS[self.kind])

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "label": self.label,
            "since": clock.iso(self.since),
            "until": _iso(self.until),
            "reason": self.reason,
            "documents": list(self.documents),
            "amount": self.amount,
            "working_hours": round(self.working_hours, 2),
        }


TimeLeftUnit = Literal["working_days", "working_hours", "calendar_days"]


def _span_msg(unit: TimeLeftUnit, overdue: bool, amount: str) -> Msg:
    """One whole sentence per case (not "Còn {amount} {unit}"): the words' order differs
    between languages ("Còn 2 ngày" / "2 days left"), so a translator needs the sentence."""
    if overdue:
        if unit == "working_days":
            return Msg("Quá hạn {amount} ngày làm việc", amount=amount)
        if unit == "working_hours":
            return Msg("Quá hạn {amount} giờ làm việc", amount=amount)
        return Msg("Quá hạn {amount} ngày", amount=amount)
    if unit == "working_days":
        return Msg("Còn {amount} ngày làm việc", amount=amount)
    if unit == "working_hours":
        return Msg("Còn {amount} giờ làm việc", amount=amount)
    return Msg("Còn {amount} ngày", amount=amount)


def fmt_amount(value: float) -> str:
    """2,5 or 3: one decimal at most, Vietnamese decimal comma."""
    rounded = round(value, 1)
    if rounded == int(rounded):
        return clock.fmt_int(int(rounded))
    return f"{rounded:.1f}".replace(".", ",")


@dataclass(frozen=True)
class TimeLeft:
    """How long until the appointment (or how far past it), in the procedure's unit.

    ``amount`` is never negative: ``overdue`` says which side of the appointment it is.
    ``working_hours`` is the same span in working hours (signed: negative when overdue), what a
    sort or a colour threshold uses. ``paused``: the clock stands still (supplement, fees), so
    the span is counted up to the moment the pause began.
    """

    due_at: datetime
    overdue: bool
    unit: TimeLeftUnit
    amount: float
    working_hours: float
    paused: bool

    @property
    def phrase_msg(self) -> Msg:
        """The words as a translatable message: "Còn 2,5 ngày làm việc", "Quá hạn 3 giờ làm
        việc", "Đến hạn trả", with "(đang tạm dừng tính thời hạn)" while paused. The GUI
        renders it in its language (``ui.i18n.translate_message``); :attr:`phrase` is the
        Vietnamese text."""
        if not self.overdue and self.amount == 0:
            text = Msg("Đến hạn trả")
        else:
            text = _span_msg(self.unit, self.overdue, fmt_amount(self.amount))
        if self.paused:
            return Msg("{time_left} (đang tạm dừng tính thời hạn)", time_left=text)
        return text

    @property
    def phrase(self) -> str:
        """Vietnamese words: "Còn 2,5 ngày làm việc", "Quá hạn 3 giờ làm việc"…"""
        return str(self.phrase_msg)

    def to_json(self) -> dict[str, Any]:
        return {
            "due_at": clock.iso(self.due_at),
            "overdue": self.overdue,
            "unit": self.unit,
            "amount": round(self.amount, 2),
            "working_hours": round(self.working_hours, 2),
            "paused": self.paused,
            "phrase": self.phrase,
        }


@dataclass(frozen=True)
class StatusStep:
    """The dossier entered ``status`` at ``at``."""

    at: datetime
    status: Status

    def to_json(self) -> dict[str, Any]:
        return {"at": clock.iso(self.at), "status": int(self.status), "label": self.status.label}


MEDIA_KINDS: dict[str, str] = {
    "image/jpeg": "JPEG",
    "image/png": "PNG",
    "image/tiff": "TIFF",
    "application/pdf": "PDF",
}
"""The short name of each scanned file type (what a clerk calls it)."""


@dataclass(frozen=True)
class AttachmentView:
    """One scanned file on a dossier as it is now (#11): its name, type and pages, the
    checklist line it is (``document``, 1-based, with that line's name), its SHA-256 (the name
    it is stored under in ``attachments/``), who added it and when."""

    sha256: str
    name: str
    media_type: str
    pages: int
    size: int
    document: int | None
    document_name: str | None
    added_at: datetime
    added_by: str

    @property
    def kind(self) -> str:
        return MEDIA_KINDS.get(self.media_type, self.media_type)

    def to_json(self) -> dict[str, Any]:
        return {
            "sha256": self.sha256,
            "name": self.name,
            "media_type": self.media_type,
            "kind": self.kind,
            "pages": self.pages,
            "size": self.size,
            "document": self.document,
            "document_name": self.document_name,
            "added_at": clock.iso(self.added_at),
            "added_by": self.added_by,
        }


@dataclass(frozen=True)
class DossierDetail:
    """Everything about one dossier, typed: what the dossier view, the slips and the board show.

    ``procedure`` is the snapshot the receipt kept (the version in force then, its time limit and
    fee), not today's catalogue. ``documents`` is the checklist of that version with what was
    handed in. ``appointments`` lists every appointment set (receipt, acceptance, a pause's end,
    a rescheduling); ``pauses`` every time the clock stood still. ``time_left`` is set for a
    dossier still owed (open status and an appointment), ``on_time`` for one finished.
    """

    id: str
    code: str
    station_id: int
    unit_code: str
    procedure: ProcedureSnapshot
    channel: str
    channel_label: str
    sets_count: int
    applicant: ApplicantView
    received_at: datetime
    due_at: datetime | None
    status: Status
    assignee: str | None
    assignee_name: str | None
    finished_at: datetime | None
    returned_at: datetime | None
    returned_to: str | None
    refusal_reason: str | None
    duplicate_of: str | None
    duplicate_of_code: str | None
    supplement_count: int
    paused_since: datetime | None
    reschedule_count: int
    note: str | None
    documents: tuple[ChecklistItem, ...]
    status_history: tuple[StatusStep, ...]
    appointments: tuple[AppointmentChange, ...]
    pauses: tuple[Pause, ...]
    time_left: TimeLeft | None
    on_time: bool | None
    updated_at: datetime
    # --- intake (#9): who handed it in, and whether it was entered from a paper slip
    submitter: ApplicantView | None = None
    paper_entered_at: datetime | None = None
    """Set for a dossier received on paper during an outage: when it was typed in
    (``received_at`` is the real receipt time)."""
    # --- scanned pages (#11): the files on the dossier now, in order
    attachments: tuple[AttachmentView, ...] = ()

    @property
    def status_label(self) -> str:
        return self.status.label

    def to_json(self) -> dict[str, Any]:
        """JSON-ready dict (ISO times, status number and name, nested parts as objects)."""
        return {
            "id": self.id,
            "code": self.code,
            "station_id": self.station_id,
            "unit_code": self.unit_code,
            "procedure": self.procedure.to_dict(),
            "channel": self.channel,
            "channel_label": self.channel_label,
            "sets_count": self.sets_count,
            "applicant": self.applicant.to_json(),
            "received_at": clock.iso(self.received_at),
            "due_at": _iso(self.due_at),
            "status": int(self.status),
            "status_label": self.status.label,
            "assignee": self.assignee,
            "assignee_name": self.assignee_name,
            "finished_at": _iso(self.finished_at),
            "returned_at": _iso(self.returned_at),
            "returned_to": self.returned_to,
            "refusal_reason": self.refusal_reason,
            "duplicate_of": self.duplicate_of,
            "duplicate_of_code": self.duplicate_of_code,
            "supplement_count": self.supplement_count,
            "paused_since": _iso(self.paused_since),
            "reschedule_count": self.reschedule_count,
            "note": self.note,
            "documents": [d.to_json() for d in self.documents],
            "status_history": [s.to_json() for s in self.status_history],
            "appointments": [a.to_json() for a in self.appointments],
            "pauses": [p.to_json() for p in self.pauses],
            "time_left": self.time_left.to_json() if self.time_left else None,
            "on_time": self.on_time,
            "updated_at": clock.iso(self.updated_at),
            "submitter": self.submitter.to_json() if self.submitter else None,
            "paper": self.paper_entered_at is not None,
            "paper_entered_at": _iso(self.paper_entered_at),
            "attachments": [a.to_json() for a in self.attachments],
        }


def details_text(
    parts: tuple[Msg, ...], note: str | None, translate: Callable[[str], str] | None = None
) -> str:
    """The details of a timeline entry as one line: its parts joined by "; ", then the clerk's
    note after a colon ("Chuyển cho Trần Thị B: cần xác minh"). ``translate`` renders the parts
    in another language (the GUI passes ``ui.i18n.translate_template``); the note is the
    clerk's own words and is never translated."""
    text = "; ".join(part.render(translate) for part in parts)
    if note:
        return f"{text}: {note}" if text else note
    return text


@dataclass(frozen=True)
class TimelineEntry:
    """One event of a dossier, in words: who (actor tag and full name), when, what, details.

    The words are translatable messages, so the GUI shows them in its language while the CLI,
    JSON and the slips get Vietnamese: ``action_msg`` names the action ("Chuyển xử lý");
    ``detail_parts`` say what it carried, one :class:`~onestop_desktop.errors.Msg` each
    ("Chuyển cho {name}", "lý do: {reason}"); ``note`` is the clerk's free note, shown after
    them as typed. :attr:`action` and :attr:`details` are the Vietnamese texts;
    :meth:`render_action` / :meth:`render_details` the texts in a language. ``payload`` is the
    typed payload itself.
    """

    station_id: int
    seq: int
    at: datetime
    kind: str
    actor: str
    actor_name: str
    action_msg: Msg
    detail_parts: tuple[Msg, ...]
    note: str | None
    status: Status
    payload: Payload

    @property
    def action(self) -> str:
        """The action's Vietnamese name ("Chuyển xử lý")."""
        return str(self.action_msg)

    @property
    def details(self) -> str:
        """What it carried, in Vietnamese ("Chuyển cho Trần Thị B: cần xác minh")."""
        return details_text(self.detail_parts, self.note)

    def render_action(self, translate: Callable[[str], str] | None = None) -> str:
        return self.action_msg.render(translate)

    def render_details(self, translate: Callable[[str], str] | None = None) -> str:
        return details_text(self.detail_parts, self.note, translate)

    def to_json(self) -> dict[str, Any]:
        return {
            "station_id": self.station_id,
            "seq": self.seq,
            "at": clock.iso(self.at),
            "kind": self.kind,
            "actor": self.actor,
            "actor_name": self.actor_name,
            "action": self.action,
            "details": self.details,
            "status": int(self.status),
            "status_label": self.status.label,
            "payload": self.payload.to_dict(),
        }
