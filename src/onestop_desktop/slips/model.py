"""The plain data each printed form is drawn from, gathered by ``services/slips.py``.

Every text here is already the words a person reads (dates as datetimes, formatted by the
renderer the way each form writes them); the renderers in ``slips/forms.py`` only lay it out.
"""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass, field
from datetime import date, datetime

from onestop_desktop.slips.base import Paper, ReceiptLayout


@dataclass(frozen=True)
class Letterhead:
    """The unit's lines (top left, the last in bold) and the place of the date line."""

    unit_lines: tuple[str, ...]
    place: str
    day: date


@dataclass(frozen=True)
class Layout:
    """How slips are printed at this station (settings ``slip_paper`` and
    ``slip_receipt_layout``)."""

    paper: Paper = "a4"
    receipt: ReceiptLayout = "a4_two"


@dataclass(frozen=True)
class Signer:
    """A signature column: its title ("NGƯỜI TIẾP NHẬN HỒ SƠ") and the name printed under it
    (empty: written by hand)."""

    title: str
    name: str = ""


@dataclass(frozen=True)
class Applicant:
    name: str
    id_number: str | None = None
    address: str | None = None
    phone: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class DocumentLine:
    """One document of a table: its name, the form it is in ("Bản chính"…), how many."""

    name: str
    form: str = ""
    count: int | None = None


@dataclass(frozen=True)
class DossierSlip:
    """What every slip of one dossier (Mẫu 01–05) has: the letterhead it is printed under and,
    keyword-only and last, whether it is a reprint (marked "BẢN IN LẠI" with ``printed_at``)."""

    head: Letterhead
    _: KW_ONLY
    copy: bool = False
    printed_at: datetime | None = None


@dataclass(frozen=True)
class Receipt(DossierSlip):
    """Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả."""

    office: str
    code: str
    applicant: Applicant
    procedure: str
    documents: tuple[DocumentLine, ...]
    sets_count: int
    time_limit: str
    received_at: datetime
    due_at: datetime | None
    result_place: str
    ledger_book: str
    ledger_entry: int
    receiver: Signer
    submitter: Signer


@dataclass(frozen=True)
class Supplement(DossierSlip):
    """Mẫu 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ."""

    office: str
    code: str
    applicant: Applicant
    procedure: str
    received_at: datetime
    missing: tuple[DocumentLine, ...]
    reason: str
    contact: str
    guide: Signer


@dataclass(frozen=True)
class Refusal(DossierSlip):
    """Mẫu 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ."""

    office: str
    code: str
    applicant: Applicant
    procedure: str
    received_at: datetime
    reason: str
    contact: str
    submitter: Signer
    refuser: Signer


@dataclass(frozen=True)
class Apology(DossierSlip):
    """Mẫu 04: Phiếu xin lỗi và hẹn lại ngày trả kết quả."""

    number: str
    agency: str
    code: str
    applicant: Applicant
    procedure: str
    received_at: datetime
    old_due_at: datetime | None
    new_due_at: datetime
    reason: str
    times: int
    signer: Signer
    signer_role: str
    recipients: tuple[str, ...]


@dataclass(frozen=True)
class HandOver:
    """One row of Mẫu 05: who gave the dossier to whom, when, the result and a note."""

    giver: str
    receiver: str
    at: datetime
    result: str = ""
    note: str = ""


@dataclass(frozen=True)
class Control(DossierSlip):
    """Mẫu 05: Phiếu kiểm soát quá trình giải quyết hồ sơ."""

    code: str
    applicant: str
    received_at: datetime
    due_at: datetime | None
    handler: str
    partners: str
    rows: tuple[HandOver, ...]


@dataclass(frozen=True)
class LedgerLine:
    """One row of Mẫu 06."""

    code: str
    procedure: str
    sets_count: int
    applicant: str
    address: str
    phone: str
    received_at: datetime
    due_at: datetime | None
    returned_at: datetime | None
    note: str = ""


@dataclass(frozen=True)
class Ledger:
    """Mẫu 06: Sổ theo dõi hồ sơ for a period."""

    head: Letterhead
    start: date
    end: date
    lines: tuple[LedgerLine, ...] = field(default=())


@dataclass(frozen=True)
class SummaryFigure:
    """One big number of the daily summary, with its label."""

    label: str
    value: str


@dataclass(frozen=True)
class DailySummary:
    """The one-page notice-board summary of a day."""

    head: Letterhead
    day: date
    figures: tuple[SummaryFigure, ...]
    by_field: tuple[tuple[str, str, str], ...]
    """(field, received, resolved) per field with activity that day."""
    anchors: tuple[str, ...] = ()
    """The event-chain heads (station, sequence, hash), when the station has them."""
    printed_at: datetime | None = None
