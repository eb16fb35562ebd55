"""Printed slips: gather a dossier's data (``dossiers.detail``/``timeline``), check the
permission, and render the form through ``slips/``. One function per slip kind, each returning
the PDF bytes; :func:`write` puts any of them in a file through ``files.atomic_write``.

What goes on the paper comes from the settings of ``services/settings.py`` (``slip_*``): the
unit header lines, the place of the date line, the office's name, Mẫu 04's signer, the contact
line, where the result is collected, the paper and the receipt's copy layout.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path
from typing import Literal, NoReturn, cast

from onestop_desktop import files
from onestop_desktop.domain import clock
from onestop_desktop.domain import payloads as pl
from onestop_desktop.domain.formats import fmt_percent
from onestop_desktop.domain.roles import Role
from onestop_desktop.domain.status import ACTIONS, Status
from onestop_desktop.errors import NotFound, ValidationError
from onestop_desktop.services import dossiers, settings
from onestop_desktop.services.context import Session
from onestop_desktop.services.views import DossierDetail, TimelineEntry
from onestop_desktop.slips import forms, registers
from onestop_desktop.slips.base import Paper, ReceiptLayout
from onestop_desktop.slips.model import (
    Apology,
    Applicant,
    Control,
    DailySummary,
    DocumentLine,
    HandOver,
    Layout,
    Ledger,
    LedgerLine,
    Letterhead,
    Receipt,
    Refusal,
    Signer,
    SummaryFigure,
    Supplement,
)
from onestop_desktop.store import dossiers as dossier_rows
from onestop_desktop.store import slips as slip_rows

SlipKind = Literal["receipt", "supplement", "refusal", "apology", "control"]
KINDS: tuple[SlipKind, ...] = ("receipt", "supplement", "refusal", "apology", "control")
KIND_LABELS: dict[SlipKind, str] = {
    "receipt": "Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01)",
    "supplement": "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)",
    "refusal": "Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu 03)",
    "apology": "Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)",
    "control": "Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 05)",
}
OFFICE_SHORT = "Bộ phận TN&TKQ"
_UNIT_PREFIX = re.compile(
    r"^(ủy ban nhân dân|uỷ ban nhân dân|ubnd)\s+(xã|phường|thị trấn|đặc khu)\s+", re.IGNORECASE
)
_TIME_UNITS = {
    "working_days": "ngày làm việc",
    "working_hours": "giờ làm việc",
    "calendar_days": "ngày",
}


# ------------------------------------------------------------------------------- settings


def layout(ctx: Session) -> Layout:
    """The paper and the receipt's copy layout set for this station."""
    paper = cast("Paper", settings.value(ctx.store, settings.SLIP_PAPER))
    receipt = cast("ReceiptLayout", settings.value(ctx.store, settings.SLIP_RECEIPT_LAYOUT))
    return Layout(paper=paper, receipt=receipt)


def unit_lines(ctx: Session) -> tuple[str, ...]:
    """The unit header lines: the setting, else the unit's name in capitals over "BỘ PHẬN MỘT
    CỬA"."""
    header = settings.value(ctx.store, settings.SLIP_UNIT_HEADER)
    if header:
        return tuple(part.strip() for part in header.split("|") if part.strip())
    name = ctx.station.unit_name.strip() or ctx.station.unit_code
    return (name.upper(), "BỘ PHẬN MỘT CỬA")


def place(ctx: Session) -> str:
    """The place of the date line: the setting, else the unit's name without "UBND xã"."""
    value = settings.value(ctx.store, settings.SLIP_PLACE)
    if value:
        return value
    return _UNIT_PREFIX.sub("", ctx.station.unit_name.strip()) or ctx.station.unit_name


def office(ctx: Session) -> str:
    """The receiving office's name as the body text uses it."""
    value = settings.value(ctx.store, settings.SLIP_OFFICE)
    if value:
        return value
    name = ctx.station.unit_name.strip()
    return f"Bộ phận Một cửa {name}".strip()


def letterhead(ctx: Session, day: date) -> Letterhead:
    return Letterhead(unit_lines(ctx), place(ctx), day)


def _contact(ctx: Session) -> str:
    return settings.value(ctx.store, settings.SLIP_CONTACT) or office(ctx)


# --------------------------------------------------------------------------------- data


def _applicant(d: DossierDetail) -> Applicant:
    a = d.applicant
    return Applicant(a.name, a.id_number, a.address, a.phone, a.email)


def time_limit_text(d: DossierDetail) -> str:
    """ "15 ngày làm việc", "Trong ngày"…, from the procedure version received."""
    limit = d.procedure.time_limit
    if limit is None:
        return "Theo quy định của thủ tục"
    if limit.unit == "same_day":
        return "Trong ngày làm việc"
    return f"{limit.value} {_TIME_UNITS[limit.unit]}"


def ledger_position(ctx: Session, d: DossierDetail) -> tuple[str, int]:
    """The dossier's place in the Sổ theo dõi hồ sơ: one book (quyển) per calendar year,
    numbered in receipt order from 1 each year."""
    year = clock.to_vn(d.received_at).year
    rid = slip_rows.rid_of(ctx.store, d.id)
    if rid is None:
        raise NotFound("Không tìm thấy hồ sơ «{key}»", key=d.code)
    first = dossier_rows.rid_for(clock.iso(datetime(year, 1, 1, tzinfo=clock.VN_TZ)))
    return str(year), slip_rows.entry_number(ctx.store, first, rid)


def _first(entries: list[TimelineEntry], kind: str) -> TimelineEntry | None:
    return next((e for e in entries if e.kind == kind), None)


def _last(entries: list[TimelineEntry], kinds: tuple[str, ...]) -> TimelineEntry | None:
    return next((e for e in reversed(entries) if e.kind in kinds), None)


def _receiver_name(entries: list[TimelineEntry]) -> str:
    first = entries[0] if entries else None
    if first is None or first.actor.startswith("operator:"):
        return ""
    return first.actor_name


def _staff_name(entry: TimelineEntry | None) -> str:
    if entry is None or entry.actor.startswith("operator:"):
        return ""
    return entry.actor_name


def receipt_data(ctx: Session, code: str, *, copy: bool = False) -> Receipt:
    """Mẫu 01 for dossier ``code``."""
    d = dossiers.detail(ctx, code)
    if d.status is Status.REGISTERED_ONLINE:
        raise ValidationError(
            "Hồ sơ {code} chưa được tiếp nhận nên chưa có Giấy tiếp nhận", field="kind", code=d.code
        )
    entries = dossiers.timeline(ctx, code)
    book, entry = ledger_position(ctx, d)
    postal = d.channel == "postal"
    result_place = (
        "Qua dịch vụ bưu chính công ích"
        if postal
        else settings.value(ctx.store, settings.SLIP_RESULT_PLACE)
    )
    docs = tuple(
        DocumentLine(i.name, i.form_label or "", i.count) for i in d.documents if i.provided
    )
    return Receipt(
        head=letterhead(ctx, clock.to_vn(d.received_at).date()),
        office=office(ctx),
        code=d.code,
        applicant=_applicant(d),
        procedure=d.procedure.name,
        documents=docs,
        sets_count=d.sets_count,
        time_limit=time_limit_text(d),
        received_at=d.received_at,
        due_at=_first_due(d),
        result_place=result_place,
        ledger_book=book,
        ledger_entry=entry,
        receiver=Signer("NGƯỜI TIẾP NHẬN HỒ SƠ", _receiver_name(entries)),
        submitter=Signer("NGƯỜI NỘP HỒ SƠ", d.applicant.name),
        copy=copy,
        printed_at=ctx.now(),
    )


def _first_due(d: DossierDetail) -> datetime | None:
    """The appointment the receipt gave (the first one set), else the current one."""
    for change in d.appointments:
        if change.due_at is not None:
            return change.due_at
    return d.due_at


def supplement_data(ctx: Session, code: str, *, copy: bool = False) -> Supplement:
    """Mẫu 02 from the dossier's latest supplement request."""
    d = dossiers.detail(ctx, code)
    entries = dossiers.timeline(ctx, code)
    event = _last(entries, ("supplement_requested",))
    if event is None:
        raise ValidationError(
            "Hồ sơ {code} chưa có yêu cầu bổ sung nên không in được Phiếu yêu cầu bổ sung",
            field="kind",
            code=d.code,
        )
    payload = event.payload
    assert isinstance(payload, pl.SupplementRequested)
    forms_by_name = {i.name: (i.required_form_label or "", i.required_count) for i in d.documents}
    missing = tuple(
        DocumentLine(name, *forms_by_name.get(name, ("", None))) for name in payload.documents
    )
    return Supplement(
        head=letterhead(ctx, clock.to_vn(event.at).date()),
        office=office(ctx),
        code=d.code,
        applicant=_applicant(d),
        procedure=d.procedure.name,
        received_at=d.received_at,
        missing=missing,
        reason=payload.reason,
        contact=_contact(ctx),
        guide=Signer("NGƯỜI HƯỚNG DẪN", _staff_name(event)),
        copy=copy,
        printed_at=ctx.now(),
    )


def refusal_data(ctx: Session, code: str, *, copy: bool = False) -> Refusal:
    """Mẫu 03 from the dossier's refusal (at intake, or during processing)."""
    d = dossiers.detail(ctx, code)
    entries = dossiers.timeline(ctx, code)
    event = _last(entries, ("refused", "stopped"))
    if event is None:
        raise ValidationError(
            "Hồ sơ {code} không bị từ chối nên không in được Phiếu từ chối",
            field="kind",
            code=d.code,
        )
    payload = event.payload
    assert isinstance(payload, pl.Refused | pl.Stopped)
    return Refusal(
        head=letterhead(ctx, clock.to_vn(event.at).date()),
        office=office(ctx),
        code=d.code,
        applicant=_applicant(d),
        procedure=d.procedure.name,
        received_at=d.received_at,
        reason=payload.reason,
        contact=_contact(ctx),
        submitter=Signer("NGƯỜI NỘP HỒ SƠ", d.applicant.name),
        refuser=Signer("NGƯỜI TỪ CHỐI", _staff_name(event)),
        copy=copy,
        printed_at=ctx.now(),
    )


def apology_number(code: str, times: int) -> str:
    """Mẫu 04's document number: the dossier code and the rescheduling's rank (unique, and
    the same on every reprint)."""
    return f"{code}-{times:02d}/PXL"


class RescheduleFirst(ValidationError):
    """Mẫu 04 was asked for a dossier that was never rescheduled but still can be.

    Mẫu 04 is the written apology with the new appointment a late dossier must be given; it
    carries the new date, the rescheduling's rank (its number) and the reason, which only the
    «Xin lỗi và hẹn lại ngày trả» action records (an officer's or leader's decision, an event
    in the chain). So no Mẫu 04 is made up without it: the message says to take that action
    first (the GUI opens its form, ``ui.printing.offer_slip``; the CLI names the command), and
    the slip follows it."""


def _no_apology_yet(ctx: Session, d: DossierDetail) -> NoReturn:
    """Why dossier ``d``, never rescheduled, has no Mẫu 04, and what to do (see
    :class:`RescheduleFirst`): reschedule first while that can still be done; past the
    appointment (the new one must be set before the old one passes, docs/rules.md) or once
    closed, it cannot be, and the message says so rather than sending the clerk to an action
    that will refuse."""
    if d.status not in ACTIONS["rescheduled"].sources:
        raise ValidationError(
            "Hồ sơ {code} chưa từng được hẹn lại ngày trả kết quả và ở trạng thái «{status}» "
            "không còn hẹn lại được, nên không có Phiếu xin lỗi và hẹn lại ngày trả kết quả "
            "(Mẫu 04)",
            field="kind",
            code=d.code,
            status=d.status.label_msg,
        )
    if d.due_at is not None and ctx.now() > d.due_at:
        raise ValidationError(
            "Hồ sơ {code} đã quá ngày hẹn trả {due} mà chưa được hẹn lại: Phiếu xin lỗi và hẹn "
            "lại ngày trả kết quả (Mẫu 04) ghi ngày hẹn mới, và ngày hẹn mới chỉ đặt được trước "
            "khi ngày hẹn cũ qua đi. Hồ sơ được tính là quá hạn; kết quả được trả ngay khi có",
            field="kind",
            code=d.code,
            due=clock.fmt_datetime(d.due_at),
        )
    raise RescheduleFirst(
        "Hồ sơ {code} chưa được hẹn lại ngày trả kết quả nên chưa có Phiếu xin lỗi và hẹn lại "
        "ngày trả kết quả (Mẫu 04): phiếu ghi ngày hẹn mới, lần hẹn lại và lý do chậm. Cán bộ "
        "xử lý hoặc lãnh đạo thực hiện thao tác «Xin lỗi và hẹn lại ngày trả» trước (trên màn "
        "hình hồ sơ, hoặc bằng lệnh: onestop dossier act {code} rescheduled --reason "
        '"lý do" --new-due "YYYY-MM-DD HH:MM"), rồi in phiếu',
        field="kind",
        code=d.code,
    )


def apology_data(ctx: Session, code: str, *, copy: bool = False) -> Apology:
    """Mẫu 04 from the dossier's latest rescheduling (:class:`RescheduleFirst` if none yet)."""
    d = dossiers.detail(ctx, code)
    entries = dossiers.timeline(ctx, code)
    event = _last(entries, ("rescheduled",))
    if event is None:
        _no_apology_yet(ctx, d)
    payload = event.payload
    assert isinstance(payload, pl.Rescheduled)
    role = settings.value(ctx.store, settings.SLIP_SIGNER_TITLE).replace("|", "\n")
    return Apology(
        head=letterhead(ctx, clock.to_vn(event.at).date()),
        number=apology_number(d.code, payload.times),
        agency=unit_lines(ctx)[0].title() if ctx.station.unit_name == "" else ctx.station.unit_name,
        code=d.code,
        applicant=_applicant(d),
        procedure=d.procedure.name,
        received_at=d.received_at,
        old_due_at=clock.parse_iso(payload.old_due_at) if payload.old_due_at else None,
        new_due_at=clock.parse_iso(payload.new_due_at),
        reason=payload.reason,
        times=payload.times,
        signer=Signer(role, settings.value(ctx.store, settings.SLIP_SIGNER_NAME)),
        signer_role=role,
        recipients=(f"Ông/Bà {d.applicant.name}", "Bộ phận Một cửa", "Lưu: VT"),
        copy=copy,
        printed_at=ctx.now(),
    )


def _result_word(finished: datetime, due: datetime | None) -> str:
    """Trước hạn / Đúng hạn / Quá hạn by calendar date, as the statistics count it."""
    if due is None:
        return "Đúng hạn"
    a, b = clock.to_vn(finished).date(), clock.to_vn(due).date()
    return "Trước hạn" if a < b else "Đúng hạn" if a == b else "Quá hạn"


def control_rows(d: DossierDetail, entries: list[TimelineEntry]) -> tuple[HandOver, ...]:
    """Mẫu 05's hand-over rows from the dossier's events: each hand-over, the result's return
    to the office, the return to the applicant; supplements and pauses as notes."""
    rows: list[HandOver] = []
    holder = OFFICE_SHORT
    for e in entries:
        p = e.payload
        if isinstance(p, pl.HandedOver):
            to = p.to_name or p.to
            giver = holder if holder != OFFICE_SHORT or rows else f"{OFFICE_SHORT} ({e.actor_name})"
            rows.append(HandOver(giver, to, e.at, "", p.note or ""))
            holder = to
        elif isinstance(p, pl.ResultReady):
            due = d.due_at
            rows.append(
                HandOver(
                    f"{e.actor_name}",
                    OFFICE_SHORT,
                    e.at,
                    _result_word(e.at, due),
                    p.note or "",
                )
            )
            holder = OFFICE_SHORT
        elif isinstance(p, pl.Returned):
            who = p.collected_by + (f" ({p.collected_by_id})" if p.collected_by_id else "")
            rows.append(HandOver(OFFICE_SHORT, who, e.at, "Đã trả kết quả", p.note or ""))
        elif isinstance(p, pl.SupplementRequested | pl.SupplementReceived | pl.Rescheduled):
            rows.append(HandOver(holder, holder, e.at, "", f"{e.action}: {e.details}"))
        elif isinstance(p, pl.Refused | pl.Stopped | pl.Withdrawn):
            rows.append(HandOver(holder, OFFICE_SHORT, e.at, e.action, p.reason))
    return tuple(rows)


def control_data(ctx: Session, code: str, *, copy: bool = False) -> Control:
    """Mẫu 05 for dossier ``code``."""
    d = dossiers.detail(ctx, code)
    entries = dossiers.timeline(ctx, code)
    return Control(
        head=letterhead(ctx, clock.to_vn(ctx.now()).date()),
        code=d.code,
        applicant=d.applicant.name,
        received_at=d.received_at,
        due_at=d.due_at,
        handler=ctx.station.unit_name or office(ctx),
        partners="Không",
        rows=control_rows(d, entries),
        copy=copy,
        printed_at=ctx.now(),
    )


# ------------------------------------------------------------------------------ renderers


def receipt(ctx: Session, code: str, *, copy: bool = False) -> bytes:
    """Mẫu 01 as PDF bytes."""
    return forms.render_receipt(receipt_data(ctx, code, copy=copy), layout(ctx))


def supplement(ctx: Session, code: str, *, copy: bool = False) -> bytes:
    """Mẫu 02 as PDF bytes."""
    return forms.render_supplement(supplement_data(ctx, code, copy=copy), layout(ctx))


def refusal(ctx: Session, code: str, *, copy: bool = False) -> bytes:
    """Mẫu 03 as PDF bytes."""
    return forms.render_refusal(refusal_data(ctx, code, copy=copy), layout(ctx))


def apology(ctx: Session, code: str, *, copy: bool = False) -> bytes:
    """Mẫu 04 as PDF bytes."""
    return forms.render_apology(apology_data(ctx, code, copy=copy), layout(ctx))


def control(ctx: Session, code: str, *, copy: bool = False) -> bytes:
    """Mẫu 05 as PDF bytes."""
    return forms.render_control(control_data(ctx, code, copy=copy), layout(ctx))


RENDERERS: dict[SlipKind, Callable[..., bytes]] = {
    "receipt": receipt,
    "supplement": supplement,
    "refusal": refusal,
    "apology": apology,
    "control": control,
}


def render(ctx: Session, code: str, kind: str, *, copy: bool = False) -> bytes:
    """The slip ``kind`` of dossier ``code`` as PDF bytes (what the GUI previews and prints)."""
    renderer = RENDERERS.get(cast("SlipKind", kind))
    if renderer is None:
        raise ValidationError(
            "Không có loại phiếu «{kind}»; các loại: {kinds}",
            field="kind",
            kind=kind,
            kinds=", ".join(KINDS),
        )
    return renderer(ctx, code, copy=copy)


def write(path: Path, data: bytes) -> Path:
    """Write a rendered PDF to ``path`` atomically (a half-written slip never has the name)."""
    files.atomic_write(path, data)
    return path


def slips_folder(ctx: Session) -> Path:
    """The data folder's ``slips/``: where a slip that could not be printed is kept."""
    if ctx.store.path is None:
        raise ValidationError("Cơ sở dữ liệu trong bộ nhớ không có thư mục dữ liệu", field="path")
    return ctx.store.path.parent / "slips"


def keep(ctx: Session, code: str, kind: str, data: bytes) -> Path:
    """Keep ``data`` in ``slips/`` as ``<code>-<kind>-<time>.pdf`` to print later."""
    folder = slips_folder(ctx)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = clock.to_vn(ctx.now()).strftime("%Y%m%d-%H%M%S")
    safe = re.sub(r"[^0-9A-Za-z.-]", "_", code)
    return write(folder / f"{safe}-{kind}-{stamp}.pdf", data)


def day_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """The first and last moments of the days ``start``–``end``, Vietnamese time."""
    return (
        datetime.combine(start, time(0, 0), tzinfo=clock.VN_TZ),
        datetime.combine(end, time(23, 59, 59), tzinfo=clock.VN_TZ),
    )


# ------------------------------------------------------------------ period documents


def ledger_data(ctx: Session, start: date, end: date) -> Ledger:
    """Mẫu 06 for the dossiers received from ``start`` to ``end`` (inclusive)."""
    ctx.require("reports.view")
    if end < start:
        raise ValidationError("Ngày kết thúc kỳ phải không trước ngày bắt đầu", field="to")
    first, last = day_bounds(start, end)
    lines = []
    for row in slip_rows.ledger_rows(
        ctx.store,
        dossier_rows.rid_for(clock.iso(first)),
        dossier_rows.rid_for(clock.iso(last)) + 999_999,
    ):
        status = Status(int(row["status"]))
        lines.append(
            LedgerLine(
                code=str(row["code"]),
                procedure=str(row["procedure_name"]),
                sets_count=int(row["sets_count"] or 1),
                applicant=str(row["applicant_name"]),
                address=str(row["applicant_address"] or ""),
                phone=str(row["applicant_phone"] or ""),
                received_at=clock.parse_iso(str(row["received_at"])),
                due_at=clock.parse_iso(str(row["due_at"])) if row["due_at"] else None,
                returned_at=(
                    clock.parse_iso(str(row["returned_at"])) if row["returned_at"] else None
                ),
                note="" if status is Status.RETURNED else status.label,
            )
        )
    return Ledger(letterhead(ctx, clock.to_vn(ctx.now()).date()), start, end, tuple(lines))


def ledger(ctx: Session, start: date, end: date) -> bytes:
    """Mẫu 06 for the period as PDF bytes."""
    return registers.render_ledger(ledger_data(ctx, start, end))


def anchor_lines(ctx: Session) -> tuple[str, ...]:
    """The event-chain heads, in words, when the station has the anchors service (#7)."""
    try:
        from onestop_desktop.services import anchors
    except ImportError:
        return ()
    return tuple(
        f"Máy trạm {h.station}: sự kiện số {clock.fmt_int(h.seq)}, mã băm {h.short}"
        for h in anchors.chain_heads(ctx)
    )


def report06_pdf(ctx: Session, start: date, end: date) -> bytes:
    """Biểu 06 for the period as PDF bytes (figures from ``services.reports.report06``)."""
    from onestop_desktop.services import reports

    data = reports.report06(ctx, start, end)
    unit = f"{data.station.unit_name} ({data.station.unit_code})"
    head = letterhead(ctx, clock.to_vn(ctx.now()).date())
    maker = "" if ctx.actor.role is Role.OPERATOR else ctx.actor.full_name
    head_title = settings.value(ctx.store, settings.SLIP_SIGNER_TITLE).replace("|", "\n")
    signers = (
        ("NGƯỜI LẬP BIỂU", maker),
        (head_title, settings.value(ctx.store, settings.SLIP_SIGNER_NAME)),
    )
    return registers.render_report06(data.report, head, unit, anchor_lines(ctx), signers)


def daily_data(ctx: Session, day: date) -> DailySummary:
    """The notice-board summary of ``day``: Biểu 06 of that one day in big numbers."""
    from onestop_desktop.services import reports

    data = reports.report06(ctx, day, day)
    total, a = data.report.total, data.report.announced
    figures = (
        SummaryFigure("Hồ sơ tiếp nhận mới", clock.fmt_int(total.received_total)),
        SummaryFigure("Trực tuyến", clock.fmt_int(total.received_online)),
        SummaryFigure("Trực tiếp và bưu chính", clock.fmt_int(total.received_in_person)),
        SummaryFigure("Đã giải quyết", clock.fmt_int(total.resolved_total)),
        SummaryFigure("Giải quyết quá hạn", clock.fmt_int(total.resolved_late)),
        SummaryFigure("Đang giải quyết", clock.fmt_int(total.in_progress_total)),
        SummaryFigure("Đang quá hạn", clock.fmt_int(total.in_progress_overdue)),
        SummaryFigure("Từ chối tiếp nhận", clock.fmt_int(a.refused)),
        SummaryFigure(
            "Tỷ lệ đúng hạn",
            "—" if a.on_time_rate is None else fmt_percent(a.on_time_rate),
        ),
    )
    by_field = tuple(
        (r.field, clock.fmt_int(r.received_total), clock.fmt_int(r.resolved_total))
        for r in data.report.rows
        if r.received_total or r.resolved_total
    )
    return DailySummary(
        head=letterhead(ctx, day),
        day=day,
        figures=figures,
        by_field=by_field,
        anchors=anchor_lines(ctx),
        printed_at=ctx.now(),
    )


def daily_summary(ctx: Session, day: date) -> bytes:
    """The one-page daily summary as PDF bytes."""
    return registers.render_daily(daily_data(ctx, day))
