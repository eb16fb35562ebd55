"""Typed event payloads: one frozen dataclass per event kind, and the one table that maps a kind
to its class (and, for a dossier kind, its fold step).

Why: the payload is the part of an event the hash chain seals, the projection folds and, later,
another station imports. A dict read with ``.get()`` everywhere turned a missing or mistyped field
into a silent ``None``; a class per kind makes every writer build the same shape and every reader
check it.

* **Writing.** A service builds a payload object (``Accepted(due_at=...)``) and passes it to
  ``services.audit.record``; the event kind comes from the class (:attr:`Payload.KIND`). The stored
  JSON is :meth:`Payload.to_dict`, which always carries ``v``, the format version of the kind.
* **Reading.** :func:`parse` turns a stored payload dict back into its class and checks it: a
  missing field, a wrong type, an unknown kind, a ``v`` newer than this program knows, or a key
  the class does not have raises :class:`InvalidPayload`, naming the event (station, seq, kind)
  and the field. Nothing is ever defaulted silently: only fields declared with a default (those
  older writers left out) may be absent.
* **Old events.** An event written before versions existed has no ``v`` and reads as version 1.
  Stored events are never re-serialised: the hash covers the JSON as it was written, so old
  databases verify and rebuild unchanged.
* **Unknown keys are refused**, even from a newer *minor* writer: a field this program does not
  know might change what the fold must do, and folding it wrong would be silent. A writer that adds
  a field bumps ``v``; a reader that meets a newer ``v`` says so instead of guessing.

The fold steps here only set the columns a kind changes; ``domain.projection.apply`` does the rest
(status, history, appointment history, bookkeeping), so every kind is folded one way.
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import MISSING as _MISSING
from dataclasses import dataclass, fields
from typing import Any, ClassVar, Literal, NewType, Union, get_args, get_origin

from onestop_desktop.errors import Msg, ValidationError

Moment = NewType("Moment", str)
"""An ISO 8601 moment with its offset, as ``clock.iso`` writes it."""
Day = NewType("Day", str)
"""An ISO date, ``2026-07-31``."""

Row = dict[str, Any]
"""A projection row (the same alias as ``domain.projection.Row``)."""

Channel = Literal["in_person", "online", "postal"]
Form = Literal["original", "certified_copy", "copy"]
TimeUnitName = Literal["working_days", "working_hours", "calendar_days", "same_day"]
SupplementMode = Literal["pause", "restart"]

_MOMENT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?([+-]\d\d:\d\d|Z)?$")
_DAY = re.compile(r"\d{4}-\d\d-\d\d$")


class InvalidPayload(ValidationError):
    """A stored or incoming event whose payload does not match its kind's class."""

    def __init__(
        self, *, station: int | None, seq: int | None, kind: str, field: str, reason: Msg
    ) -> None:
        super().__init__(
            "Sự kiện số {seq} của máy trạm {station} (loại «{kind}») không hợp lệ: "
            "trường «{name}» {reason}",
            field=field,
            seq="?" if seq is None else seq,
            station="?" if station is None else station,
            kind=kind,
            name=field,
            reason=reason,
        )
        self.station = station
        self.seq = seq
        self.kind = kind


class _Bad(Exception):
    """Raised inside a converter: the dotted field path and why (wrapped by :func:`parse`)."""

    def __init__(self, path: str, reason: Msg) -> None:
        super().__init__(path)
        self.path = path
        self.reason = reason


Converter = Callable[[Any, str], Any]
Writer = Callable[[Any], Any]


# ------------------------------------------------------------------------------------ base


@dataclass(frozen=True, slots=True, kw_only=True)
class Record:
    """A typed JSON object (a payload or a part of one): built from and written to a dict."""

    _READ: ClassVar[Converter]
    _WRITE: ClassVar[Writer]

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of this record (``v`` included for a payload)."""
        out: dict[str, Any] = type(self)._WRITE(self)
        return out


@dataclass(frozen=True, slots=True, kw_only=True)
class Payload(Record):
    """The payload of one event kind. ``KIND`` is the event kind, ``VERSION`` its format."""

    KIND: ClassVar[str]
    VERSION: ClassVar[int] = 1
    DOSSIER: ClassVar[bool] = False
    """Whether events of this kind belong to a dossier (and are folded)."""

    v: int = 1
    """The format version this payload was written in (absent in old events: 1)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class DossierAction(Payload):
    """A payload of a dossier event that changes an existing dossier."""

    DOSSIER: ClassVar[bool] = True

    def fold(self, row: Row, at: str) -> None:
        """Set the columns this kind changes on ``row`` (a copy), ``at`` being the event time."""


# --------------------------------------------------------------------------- dossier parts


@dataclass(frozen=True, slots=True, kw_only=True)
class ApplicantData(Record):
    """The applicant as the intake checks left it (name NFC, ID number checked)."""

    name: str
    id_number: str | None = None
    birth_date: Day | None = None
    phone: str | None = None
    address: str | None = None
    email: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class TimeLimitData(Record):
    """The procedure's time limit as kept at receipt."""

    value: int
    unit: TimeUnitName


@dataclass(frozen=True, slots=True, kw_only=True)
class ProcedureSnapshot(Record):
    """What a receipt keeps of its procedure version (the rest is in the catalogue)."""

    code: str
    version: int | None = None
    name: str
    field: str = ""
    time_limit: TimeLimitData | None = None
    fee_amount: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SubmittedDocument(Record):
    """One document handed in at intake: the checklist item's name, its form and how many."""

    name: str
    form: Form = "original"
    count: int = 1
    provided: bool = True


@dataclass(frozen=True, slots=True, kw_only=True)
class LedgerSource(Record):
    """Where an imported dossier came from: the ledger file's name and the line."""

    file: str
    line: int


# ---------------------------------------------------------------------- dossier creation


@dataclass(frozen=True, slots=True, kw_only=True)
class Creation(Payload):
    """A payload that creates a dossier (receipt, online registration, ledger import)."""

    DOSSIER: ClassVar[bool] = True

    code: str
    unit_code: str
    procedure: ProcedureSnapshot
    channel: Channel = "in_person"
    sets_count: int = 1
    applicant: ApplicantData
    received_at: Moment | None = None
    due_at: Moment | None = None
    documents: tuple[SubmittedDocument, ...] = ()
    note: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Received(Creation):
    """Tiếp nhận at the counter (status 2), with its appointment.

    Version 2 added three optional fields (an old event without them reads as before):

    * ``submitter``: the person who handed the dossier in (người nộp), when not the applicant.
    * ``paper`` and ``entered_at``: a dossier received on paper during an outage (power cut,
      broken PC) and entered afterwards. ``received_at`` is then the real receipt time written
      on the paper slip (the appointment and the code's day come from it), ``entered_at`` when
      it was typed in; the event's own ``at`` is the entering time too, so the log shows both.
    """

    KIND: ClassVar[str] = "received"
    VERSION: ClassVar[int] = 2

    submitter: ApplicantData | None = None
    paper: bool = False
    entered_at: Moment | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RegisteredOnline(Creation):
    """An online filing entered at the counter (status 1); no appointment until accepted."""

    KIND: ClassVar[str] = "registered_online"


@dataclass(frozen=True, slots=True, kw_only=True)
class Imported(Creation):
    """A row of an old ledger: a full snapshot (status, dates, status history)."""

    KIND: ClassVar[str] = "imported"

    status: int = 2
    finished_at: Moment | None = None
    returned_at: Moment | None = None
    returned_to: str | None = None
    refusal_reason: str | None = None
    history: tuple[tuple[Moment, int], ...] = ()
    source: LedgerSource | None = None


# ------------------------------------------------------------------------ dossier actions


@dataclass(frozen=True, slots=True, kw_only=True)
class Accepted(DossierAction):
    """An online filing accepted: its appointment is computed now."""

    KIND: ClassVar[str] = "accepted"
    due_at: Moment

    def fold(self, row: Row, at: str) -> None:
        row["due_at"] = self.due_at


@dataclass(frozen=True, slots=True, kw_only=True)
class Refused(DossierAction):
    """Không được tiếp nhận: why, and the earlier dossier when it is a duplicate."""

    KIND: ClassVar[str] = "refused"
    reason: str
    duplicate_of: str | None = None

    def fold(self, row: Row, at: str) -> None:
        row["refusal_reason"] = self.reason
        row["duplicate_of"] = self.duplicate_of
        row["due_at"] = None  # a refused dossier has no appointment to keep


@dataclass(frozen=True, slots=True, kw_only=True)
class HandedOver(DossierAction):
    """Chuyển xử lý to an officer or leader (user name, and full name at the time)."""

    KIND: ClassVar[str] = "handed_over"
    to: str
    to_name: str = ""
    note: str | None = None

    def fold(self, row: Row, at: str) -> None:
        row["assignee"] = self.to


@dataclass(frozen=True, slots=True, kw_only=True)
class SupplementRequested(DossierAction):
    """Yêu cầu bổ sung: the clock pauses until the documents come back."""

    KIND: ClassVar[str] = "supplement_requested"
    documents: tuple[str, ...] = ()
    reason: str

    def fold(self, row: Row, at: str) -> None:
        row["supplement_count"] = int(row["supplement_count"]) + 1
        row["paused_since"] = at


@dataclass(frozen=True, slots=True, kw_only=True)
class _ClockResumed(DossierAction):
    """A pause ends (supplement back, obligation met): the appointment moves by the pause, or
    restarts, as the service computed it. One shape for both kinds, so they fold one way."""

    mode: SupplementMode = "pause"
    due_at: Moment | None = None
    paused_since: Moment | None = None

    def fold(self, row: Row, at: str) -> None:
        row["paused_since"] = None
        if self.due_at:
            row["due_at"] = self.due_at


@dataclass(frozen=True, slots=True, kw_only=True)
class SupplementReceived(_ClockResumed):
    """The supplement came back: the appointment moves by the pause (or restarts)."""

    KIND: ClassVar[str] = "supplement_received"


@dataclass(frozen=True, slots=True, kw_only=True)
class FinancialRequested(DossierAction):
    """Nghĩa vụ tài chính requested: the clock pauses."""

    KIND: ClassVar[str] = "financial_requested"
    amount: int = 0
    note: str | None = None

    def fold(self, row: Row, at: str) -> None:
        row["paused_since"] = at


@dataclass(frozen=True, slots=True, kw_only=True)
class FinancialDone(_ClockResumed):
    """The obligation is met: the appointment moves by the pause."""

    KIND: ClassVar[str] = "financial_done"


@dataclass(frozen=True, slots=True, kw_only=True)
class ResultReady(DossierAction):
    """Có kết quả."""

    KIND: ClassVar[str] = "result_ready"
    note: str | None = None

    def fold(self, row: Row, at: str) -> None:
        row["finished_at"] = at


@dataclass(frozen=True, slots=True, kw_only=True)
class Returned(DossierAction):
    """Trả kết quả: who collected it."""

    KIND: ClassVar[str] = "returned"
    collected_by: str
    collected_by_id: str | None = None
    note: str | None = None

    def fold(self, row: Row, at: str) -> None:
        row["returned_at"] = at
        row["returned_to"] = self.collected_by
        if not row.get("finished_at"):
            row["finished_at"] = at


@dataclass(frozen=True, slots=True, kw_only=True)
class Rescheduled(DossierAction):
    """Xin lỗi và hẹn lại: the new appointment, the old one, why, and how many times so far."""

    KIND: ClassVar[str] = "rescheduled"
    new_due_at: Moment
    old_due_at: Moment | None = None
    reason: str
    times: int

    def fold(self, row: Row, at: str) -> None:
        row["due_at"] = self.new_due_at
        row["reschedule_count"] = int(row["reschedule_count"]) + 1


@dataclass(frozen=True, slots=True, kw_only=True)
class Stopped(DossierAction):
    """Dừng xử lý, with the reason."""

    KIND: ClassVar[str] = "stopped"
    reason: str

    def fold(self, row: Row, at: str) -> None:
        row["refusal_reason"] = self.reason
        row["paused_since"] = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Withdrawn(DossierAction):
    """Rút hồ sơ at the citizen's request, with the reason."""

    KIND: ClassVar[str] = "withdrawn"
    reason: str

    def fold(self, row: Row, at: str) -> None:
        row["refusal_reason"] = self.reason
        row["paused_since"] = None


# ----------------------------------------------------------------------------- admin kinds


@dataclass(frozen=True, slots=True, kw_only=True)
class StationInitialized(Payload):
    """``onestop init``: the unit, the station number and its public signing key."""

    KIND: ClassVar[str] = "station.initialized"
    unit_code: str
    unit_name: str
    station: int
    public_key: str


@dataclass(frozen=True, slots=True, kw_only=True)
class UserAdded(Payload):
    """A new staff account (never its password hash)."""

    KIND: ClassVar[str] = "user.added"
    username: str
    full_name: str
    role: str

    @classmethod
    def of(cls, info: Mapping[str, str]) -> UserAdded:
        """From the ``{"username", "full_name", "role"}`` that ``create_user`` returns."""
        return cls(username=info["username"], full_name=info["full_name"], role=info["role"])


@dataclass(frozen=True, slots=True, kw_only=True)
class UserPasswordChanged(Payload):
    """A password was set (the hash is not in the event)."""

    KIND: ClassVar[str] = "user.password_changed"
    username: str


@dataclass(frozen=True, slots=True, kw_only=True)
class UserDeactivated(Payload):
    """An account may no longer sign in."""

    KIND: ClassVar[str] = "user.deactivated"
    username: str


@dataclass(frozen=True, slots=True, kw_only=True)
class UserUnlocked(Payload):
    """A locked account (too many wrong passwords) was unlocked by an admin."""

    KIND: ClassVar[str] = "user.unlocked"
    username: str


@dataclass(frozen=True, slots=True, kw_only=True)
class UserRoleChanged(Payload):
    """An admin gave an account another role (#9, admin screens)."""

    KIND: ClassVar[str] = "user.role_changed"
    username: str
    old: str
    new: str


@dataclass(frozen=True, slots=True, kw_only=True)
class UserPasswordReset(Payload):
    """An admin set a new password for someone else's account (the hash is not in the event)."""

    KIND: ClassVar[str] = "user.password_reset"
    username: str


@dataclass(frozen=True, slots=True, kw_only=True)
class CalendarDaySet(Payload):
    """A day marked off or as a make-up working day."""

    KIND: ClassVar[str] = "calendar.day_set"
    day: Day
    kind: str
    note: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class CalendarDayRemoved(Payload):
    """A manual calendar row removed."""

    KIND: ClassVar[str] = "calendar.day_removed"
    day: Day


@dataclass(frozen=True, slots=True, kw_only=True)
class SettingsChanged(Payload):
    """A business setting changed (``None``: not set, the default applies)."""

    KIND: ClassVar[str] = "settings.changed"
    key: str
    old: str | None = None
    new: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CatalogImported(Payload):
    """Procedures added or given a new version from a catalogue file."""

    KIND: ClassVar[str] = "catalog.imported"
    source: str
    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()


# ------------------------------------------------------------------ scanned attachments (#11)
#
# Events ON a dossier but not steps of it: since wave 3 they carry the dossier's id in
# ``dossier_id`` (so they are in its history and timeline), but they never change its row: a
# page added or turned changes no status, appointment or column of the worklist, and
# ``domain.projection.apply`` folds a :class:`DossierNote` to the row unchanged (the rebuild, the
# integrity check and the district fold stay exactly as they were). Older ones have no
# ``dossier_id``. Every one names the dossier in the payload (its UUID, and its code for the log),
# which the m004 index reads; ``scanning.model.fold`` folds a dossier's attachment events into
# its list of files, in order, with their rotations.


@dataclass(frozen=True, slots=True, kw_only=True)
class DossierNote(Payload):
    """A payload of an event recorded on a dossier that changes nothing of its row."""

    DOSSIER: ClassVar[bool] = True


@dataclass(frozen=True, slots=True, kw_only=True)
class AttachmentAdded(DossierNote):
    """A scanned file stored under ``attachments/`` by its SHA-256, attached to a dossier."""

    KIND: ClassVar[str] = "attachment.added"
    dossier: str
    code: str
    sha256: str
    size: int
    media_type: str
    pages: int
    name: str
    document: int | None = None
    """The required-document checklist line (1-based) these pages are, when the clerk said."""


@dataclass(frozen=True, slots=True, kw_only=True)
class AttachmentRemoved(DossierNote):
    """A file taken off a dossier (the stored file stays: the event log still names it)."""

    KIND: ClassVar[str] = "attachment.removed"
    dossier: str
    code: str
    sha256: str


@dataclass(frozen=True, slots=True, kw_only=True)
class AttachmentRotated(DossierNote):
    """A page (or, with no ``page``, every page of a file) shown turned by ``rotation``."""

    KIND: ClassVar[str] = "attachment.rotated"
    dossier: str
    code: str
    sha256: str
    rotation: int
    """Quarter turns clockwise in degrees (0, 90, 180 or 270; the service checks)."""
    page: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AttachmentsReordered(DossierNote):
    """The dossier's files in a new order (their SHA-256s, every one of them)."""

    KIND: ClassVar[str] = "attachment.reordered"
    dossier: str
    code: str
    order: tuple[str, ...]


# ------------------------------------------------------------------------- the one table

KINDS: dict[str, type[Payload]] = {
    cls.KIND: cls
    for cls in (
        Received,
        RegisteredOnline,
        Imported,
        Accepted,
        Refused,
        HandedOver,
        SupplementRequested,
        SupplementReceived,
        FinancialRequested,
        FinancialDone,
        ResultReady,
        Returned,
        Rescheduled,
        Stopped,
        Withdrawn,
        StationInitialized,
        UserAdded,
        UserPasswordChanged,
        UserDeactivated,
        UserUnlocked,
        UserRoleChanged,
        UserPasswordReset,
        CalendarDaySet,
        CalendarDayRemoved,
        SettingsChanged,
        CatalogImported,
        AttachmentAdded,
        AttachmentRemoved,
        AttachmentRotated,
        AttachmentsReordered,
    )
}
"""Every event kind the app writes → its payload class. A dossier kind's class carries its fold
step (:meth:`DossierAction.fold`; creation is folded by ``domain.projection``)."""

CREATING_KINDS = frozenset(k for k, c in KINDS.items() if issubclass(c, Creation))


def parse(
    kind: str, data: Mapping[str, Any], *, station: int | None = None, seq: int | None = None
) -> Payload:
    """The typed payload of an event of ``kind``; :class:`InvalidPayload` if it does not fit."""
    cls = KINDS.get(kind)
    if cls is None:
        raise InvalidPayload(
            station=station, seq=seq, kind=kind, field="kind", reason=Msg("là loại sự kiện lạ")
        )
    try:
        payload: Payload = cls._READ(data, "")
    except _Bad as bad:
        raise InvalidPayload(
            station=station, seq=seq, kind=kind, field=bad.path, reason=bad.reason
        ) from None
    if payload.v > cls.VERSION:
        raise InvalidPayload(
            station=station,
            seq=seq,
            kind=kind,
            field="v",
            reason=Msg(
                "là phiên bản {version}, mới hơn phiên bản phần mềm này đọc được ({known}); "
                "hãy cập nhật phần mềm",
                version=payload.v,
                known=cls.VERSION,
            ),
        )
    return payload


def kind_of(payload: Payload) -> str:
    """The event kind of ``payload`` (from its class)."""
    return type(payload).KIND


# ------------------------------------------------------------------ converters (compiled)

_NONE = type(None)


#: The plain JSON types, each with what a value of another type is told.
_EXACT: dict[type, Msg] = {
    str: Msg("phải là chuỗi chữ"),
    int: Msg("phải là số nguyên"),
    bool: Msg("phải là true hoặc false"),
}


def _reader(tp: Any) -> Converter:
    """A function that checks and converts a JSON value to ``tp`` (built once per field)."""
    if tp in _EXACT:
        why = _EXACT[tp]

        def read_exact(value: Any, path: str) -> Any:
            # ``type() is``, not isinstance: JSON true is not the integer 1 here.
            if type(value) is not tp:
                raise _Bad(path, why)
            return value

        return read_exact
    if tp is Moment:

        def read_moment(value: Any, path: str) -> Any:
            if type(value) is not str or _MOMENT.match(value) is None:
                raise _Bad(path, Msg("phải là một thời điểm ISO 8601"))
            return value

        return read_moment
    if tp is Day:

        def read_day(value: Any, path: str) -> Any:
            if type(value) is not str or _DAY.match(value) is None:
                raise _Bad(path, Msg("phải là một ngày dạng YYYY-MM-DD"))
            return value

        return read_day
    origin = get_origin(tp)
    args = get_args(tp)
    if origin is Literal:
        allowed = frozenset(args)
        shown = ", ".join(str(a) for a in args)

        def read_choice(value: Any, path: str) -> Any:
            if type(value) is not str or value not in allowed:
                raise _Bad(path, Msg("phải là một trong: {choices}", choices=shown))
            return value

        return read_choice
    if origin in (Union, types.UnionType):
        rest = [a for a in args if a is not _NONE]
        if len(rest) != 1 or len(args) != 2:
            raise TypeError(f"unsupported payload type {tp!r}")
        inner = _reader(rest[0])

        def read_optional(value: Any, path: str) -> Any:
            return None if value is None else inner(value, path)

        return read_optional
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            item = _reader(args[0])

            def read_list(value: Any, path: str) -> Any:
                if type(value) is not list:
                    raise _Bad(path, Msg("phải là một danh sách"))
                return tuple([item(v, f"{path}[{i}]") for i, v in enumerate(value)])

            return read_list
        parts = [_reader(a) for a in args]
        size = len(parts)

        def read_fixed(value: Any, path: str) -> Any:
            if type(value) is not list or len(value) != size:
                raise _Bad(path, Msg("phải là một danh sách {size} phần tử", size=size))
            return tuple(
                [p(v, f"{path}[{i}]") for i, (p, v) in enumerate(zip(parts, value, strict=True))]
            )

        return read_fixed
    if isinstance(tp, type) and issubclass(tp, Record):
        return tp._READ
    raise TypeError(f"unsupported payload type {tp!r}")


def _writer(tp: Any) -> Writer | None:
    """How to write a value of ``tp`` to JSON (``None``: as it is)."""
    origin = get_origin(tp)
    if isinstance(tp, type) and issubclass(tp, Record):
        return tp._WRITE
    if origin in (Union, types.UnionType):
        inner = _writer(next(a for a in get_args(tp) if a is not _NONE))
        if inner is None:
            return None
        return lambda value: None if value is None else inner(value)
    if origin is tuple:
        args = get_args(tp)
        item = _writer(args[0]) if len(args) == 2 and args[1] is Ellipsis else None
        if item is None:
            return list
        return lambda value: [item(v) for v in value]
    return None


def _compile(cls: type[Record]) -> None:
    """Build ``cls._READ`` and ``cls._WRITE`` from its annotated fields."""
    hints = typing.get_type_hints(cls, globalns=globals())
    spec: list[tuple[str, Converter, bool, Any]] = []
    out: list[tuple[str, Writer | None]] = []
    for f in fields(cls):
        tp = hints[f.name]
        has_default = f.default is not _MISSING
        spec.append((f.name, _reader(tp), has_default, f.default if has_default else None))
        out.append((f.name, _writer(tp)))
    known = frozenset(f.name for f in fields(cls))
    is_payload = issubclass(cls, Payload)

    def read(data: Any, path: str) -> Any:
        if not isinstance(data, dict):
            raise _Bad(path.rstrip(".") or "payload", Msg("phải là một đối tượng JSON"))
        extra = data.keys() - known
        if extra:
            raise _Bad(f"{path}{sorted(extra)[0]}", Msg("không có trong định dạng của loại này"))
        values: dict[str, Any] = {}
        for name, conv, has_default, _default in spec:
            if name in data:
                values[name] = conv(data[name], path + name)
            elif not has_default:
                raise _Bad(path + name, Msg("bị thiếu"))
        if is_payload and values.get("v", 1) < 1:
            raise _Bad(path + "v", Msg("phải từ 1 trở lên"))
        return cls(**values)

    def nested_read(data: Any, path: str) -> Any:
        return read(data, f"{path}.")

    def write(obj: Any) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for name, conv in out:
            value = getattr(obj, name)
            result[name] = value if conv is None else conv(value)
        if is_payload:
            result["v"] = type(obj).VERSION
        return result

    cls._READ = read if is_payload else nested_read
    cls._WRITE = write


for _cls in (
    ApplicantData,
    TimeLimitData,
    ProcedureSnapshot,
    SubmittedDocument,
    LedgerSource,
    *KINDS.values(),
):
    _compile(_cls)
