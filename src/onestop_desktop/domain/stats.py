"""Statistics over plain dossier facts: Biểu số 06/VPCP/KSTT and the figures a centre announces.

Everything here is pure: the caller builds one :class:`DossierFacts` per dossier (from the event
log or from a legacy ledger) and gets numbers back. Definitions follow the domain reference
(domain-vn.md §3–§4); each choice is written next to the code that makes it. In short:

* A period is whole calendar days in +07:00: from ``start`` 00:00 to the end of ``end``.
* Every figure is computed *as of the period end* from the status history, never from today's
  status, so a report rerun for a past period gives the numbers it gave then (see
  :meth:`DossierFacts.as_of`).
* Biểu 06 counts each dossier at most once on each side of the form's identities
  (3) = (4) + (5) + (6) = (7) + (11), (7) = (8) + (9) + (10), (11) = (12) + (13), so they hold
  for every input, even for histories the workflow would never produce. Column (3) is the total
  to be resolved in the period (new receipts plus carried over), key ``to_resolve_total``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from dataclasses import field as dc_field
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from onestop_desktop.domain.clock import VN_TZ, fmt_date, to_vn
from onestop_desktop.domain.status import DONE, EXCLUDED, IN_PROGRESS, PAUSED, Status
from onestop_desktop.domain.text import fold, nfc
from onestop_desktop.errors import ValidationError

Resolution = Literal["early", "on_time", "late"]
OnTimeBasis = Literal["first", "latest"]
ON_TIME_BASES: tuple[OnTimeBasis, ...] = ("first", "latest")
CHANNELS = frozenset({"online", "in_person", "postal"})

RESOLVED = DONE | {Status.WITHDRAWN}
"""Statuses that end processing for Biểu 06 (§4 "Đã xử lý = xong + trả + rút"): 9, 10 and 7."""

STAT_OPEN = IN_PROGRESS | {Status.SUPPLEMENT_REQUESTED, Status.FINANCIAL_OBLIGATION}
"""{2, 4, 5, 6}: the statuses that make a dossier carried over. The reference's §4 lists
{2,4,5,6,8}, but a stopped dossier (8) is returned unresolved: it is resolved in the period it
stops (issue #8) and does not come back as carried over afterwards."""

ENDED_UNRESOLVED = frozenset({Status.NOT_ACCEPTED, Status.STOPPED})
"""A dossier *already received* that is then refused (2 → 3) or stopped and returned unresolved
(8) is resolved for Biểu 06 in the period that happens, counted on time (the 06a header:
"Đúng hạn" includes dossiers returned or withdrawn). A refusal at intake (3 only) never counts."""

INTAKE_WINDOW = timedelta(minutes=1)
"""A refusal this close to the receipt, with nothing in between, was made at the counter in the
same intake (events are stamped to the second, so "the same instant" needs some slack)."""

PAUSED_IN_11 = frozenset({Status.SUPPLEMENT_REQUESTED, Status.FINANCIAL_OBLIGATION})
"""Paused for a supplement or a financial obligation: still being resolved, so in column (11),
in time or overdue by the appointment in force."""

TOTAL_LABEL = "Tổng cộng"
UNKNOWN_FIELD = "Chưa xác định lĩnh vực"


def classify_resolution(finished_at: datetime, due_at: datetime | None) -> Resolution:
    """Early, on time or late by calendar *date* in +07:00, never by the clock time (§3).

    The provincial system compares the dates of ``NgayKetThucXuLy`` and ``NgayHenTra``: a result
    ready at 16:59 on the appointment day is on time, one ready at 07:30 the day after is late.
    No appointment at all counts as on time.
    """
    if due_at is None:
        return "on_time"
    done, due = to_vn(finished_at).date(), to_vn(due_at).date()
    if done < due:
        return "early"
    if done == due:
        return "on_time"
    return "late"


def on_time_rate(on_time: int, resolved: int) -> Decimal | None:
    """``on_time`` ÷ ``resolved`` × 100 to one decimal, half up (96.25 → 96.3); None if nothing
    was resolved, because 0 % and 100 % would both be lies."""
    if resolved <= 0:
        return None
    value = Decimal(on_time) * 100 / Decimal(resolved)
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def period_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """The first and the last instant of a period of whole days in +07:00 (both inclusive)."""
    if start > end:
        raise ValidationError(
            "Ngày bắt đầu kỳ báo cáo ({start}) phải trước hoặc bằng ngày kết thúc ({end})",
            field="period",
            start=fmt_date(start),
            end=fmt_date(end),
        )
    return datetime.combine(start, time.min, VN_TZ), datetime.combine(end, time.max, VN_TZ)


@dataclass(frozen=True)
class DossierFacts:
    """What the statistics need to know about one dossier, independent of how it is stored.

    * ``received_at``: the moment the centre took the dossier in (tiếp nhận): counter intake,
      postal arrival, or for an online dossier the moment an officer accepted or refused it (the
      provincial system's ``NgayTiepNhan``). A status-1 entry may precede it in ``history``.
    * ``finished_at``: when processing ended: the status-9 time, or the return time if the source
      has only that, or the withdrawal time. For a past period it is used only if it lies before
      the period end; otherwise the history says when the dossier entered 7/9/10.
    * ``history``: every status change ``(moment, status)``. May be empty: it is then rebuilt
      from ``status`` and the timestamps (see :meth:`timeline`), which is exact for finished
      dossiers but takes a paused dossier as paused since receipt.
    * ``due_history``: every change of appointment ``(changed at, new appointment)`` (Mẫu 04
      rescheduling, supplement restarts). Empty means ``due_at`` was the appointment throughout.
    """

    status: Status
    field: str
    channel: str
    received_at: datetime
    due_at: datetime | None = None
    finished_at: datetime | None = None
    returned_at: datetime | None = None
    refusal_reason: str | None = None
    history: tuple[tuple[datetime, Status], ...] = ()
    due_history: tuple[tuple[datetime, datetime | None], ...] = ()
    reschedules: tuple[datetime, ...] = ()
    """When a Mẫu 04 new appointment was given (the moments of ``due_history`` entries that
    are apologies, not supplement pauses or restarts)."""
    _timeline: tuple[tuple[datetime, Status], ...] = dc_field(
        init=False, repr=False, compare=False, default=()
    )

    def __post_init__(self) -> None:
        if self.channel not in CHANNELS:
            raise ValidationError(
                "Kênh tiếp nhận không hợp lệ: «{channel}» (online, in_person hoặc postal)",
                field="channel",
                channel=self.channel,
            )
        set_ = object.__setattr__  # frozen: normalise once, here, so comparisons are exact
        set_(self, "status", Status(self.status))
        set_(self, "field", nfc(self.field) or UNKNOWN_FIELD)
        set_(self, "received_at", to_vn(self.received_at))
        for name in ("due_at", "finished_at", "returned_at"):
            value = getattr(self, name)
            if value is not None:
                set_(self, name, to_vn(value))
        history = tuple(
            sorted(((to_vn(t), Status(s)) for t, s in self.history), key=lambda e: e[0])
        )
        set_(self, "history", history)
        set_(
            self,
            "due_history",
            tuple(
                sorted(
                    ((to_vn(t), None if d is None else to_vn(d)) for t, d in self.due_history),
                    key=lambda e: e[0],
                )
            ),
        )
        set_(self, "reschedules", tuple(sorted(to_vn(t) for t in self.reschedules)))
        if history and history[-1][1] != self.status:
            raise ValidationError(
                "Trạng thái hiện tại ({current}) không khớp trạng thái cuối trong lịch sử ({last})",
                field="status",
                current=str(int(self.status)),
                last=str(int(history[-1][1])),
            )
        set_(self, "_timeline", history or self._synthesise())

    def _synthesise(self) -> tuple[tuple[datetime, Status], ...]:
        """A history from the current status and the timestamps, for sources that keep no log."""
        rec = self.received_at
        status = self.status

        def at(moment: datetime | None) -> datetime:
            return rec if moment is None or moment < rec else moment

        if status in EXCLUDED or status in IN_PROGRESS or status in PAUSED - {Status.STOPPED}:
            return ((rec, status),)
        if status in (Status.WITHDRAWN, Status.STOPPED):
            return ((rec, Status.RECEIVED), (at(self.finished_at), status))
        if status == Status.RESULT_READY:
            return ((rec, Status.RECEIVED), (at(self.finished_at or self.returned_at), status))
        # RETURNED: the status-9 moment if known, then the return.
        ready = at(self.finished_at or self.returned_at)
        returned = max(ready, at(self.returned_at))
        return ((rec, Status.RECEIVED), (ready, Status.RESULT_READY), (returned, status))

    def timeline(self) -> tuple[tuple[datetime, Status], ...]:
        """The status history actually used: ``history`` if given, else the rebuilt one."""
        return self._timeline

    def status_at(self, moment: datetime) -> Status | None:
        """The status in force at ``moment`` (changes at exactly ``moment`` included); None
        before the first known status."""
        current: Status | None = None
        for when, status in self._timeline:
            if when > moment:
                break
            current = status
        return current

    def finished_as_of(self, moment: datetime) -> datetime | None:
        """When processing ended, as known at ``moment``; None if not ended (7/9/10) by then.

        ``finished_at`` wins when it is already past at ``moment``; otherwise the start of the
        last run of 7/9/10 in the history (so 9 → 10 keeps the status-9 time).
        """
        entries = [e for e in self._timeline if e[0] <= moment]
        if not entries or entries[-1][1] not in RESOLVED:
            return None
        if self.finished_at is not None and self.finished_at <= moment:
            return self.finished_at
        index = len(entries) - 1
        while index > 0 and entries[index - 1][1] in RESOLVED:
            index -= 1
        return entries[index][0]

    def was_received_before_closing(self, moment: datetime) -> bool:
        """Whether, at ``moment``, the dossier is closed by 3 or 8 after having been in a received
        status (2, 4, 5, 6): refused or stopped during processing, not refused at intake."""
        entries = [e for e in self._timeline if e[0] <= moment]
        if not entries or entries[-1][1] not in ENDED_UNRESOLVED:
            return False
        index = len(entries) - 1
        while index > 0 and entries[index - 1][1] in ENDED_UNRESOLVED:
            index -= 1
        before, closed_at = entries[:index], entries[index][0]
        if not any(s in IN_PROGRESS or s in PAUSED_IN_11 for _, s in before):
            return False
        # A refusal recorded with the receipt itself (a duplicate refused at the counter: the
        # "received" and "refused" events of one intake) is a refusal at intake, not a result.
        only_received = all(s in (Status.RECEIVED, Status.REGISTERED_ONLINE) for _, s in before)
        at_intake = closed_at - self.received_at <= INTAKE_WINDOW
        return not (entries[-1][1] == Status.NOT_ACCEPTED and only_received and at_intake)

    def ended_unresolved_as_of(self, moment: datetime) -> datetime | None:
        """When a received dossier was refused or stopped (the start of its last 3/8 run), as
        known at ``moment``; None if it is not in that state then."""
        if not self.was_received_before_closing(moment):
            return None
        entries = [e for e in self._timeline if e[0] <= moment]
        index = len(entries) - 1
        while index > 0 and entries[index - 1][1] in ENDED_UNRESOLVED:
            index -= 1
        return entries[index][0]

    def due_as_of(self, moment: datetime) -> datetime | None:
        """The appointment in force at ``moment``: ``due_at`` if no change was recorded, else the
        last change made by then (before the first change, the first recorded appointment)."""
        if not self.due_history:
            return self.due_at
        current = self.due_history[0][1]
        for when, due in self.due_history:
            if when > moment:
                break
            current = due
        return current

    def judged_due(self, moment: datetime, basis: OnTimeBasis = "first") -> datetime | None:
        """The appointment a result at ``moment`` is judged against (issue #8).

        "latest": the appointment in force (:meth:`due_as_of`). "first" (default): Mẫu 04 is an
        apology for a dossier that will be late, so a new appointment never makes it on time;
        the first appointment is used, moved only by the changes that are not apologies
        (a supplement pause shifts it by the same amount, a restart by the difference).
        """
        if basis == "latest" or not self.reschedules or not self.due_history:
            return self.due_as_of(moment)
        apologies = set(self.reschedules)
        judged = previous = self.due_history[0][1]
        for when, new in self.due_history[1:]:
            if when > moment:
                break
            if when not in apologies and judged is not None and previous is not None and new:
                judged += new - previous
            elif when not in apologies:
                judged = new
            previous = new
        return judged

    def as_of(self, moment: datetime) -> DossierFacts | None:
        """These facts as they stood at ``moment``: what a report run then would have seen.

        None if the dossier had not been received by then. Reports satisfy
        ``report(f) == report(f.as_of(period end))``; the tests check it on random histories.
        """
        moment = to_vn(moment)
        entries = tuple(e for e in self._timeline if e[0] <= moment)
        if not entries or self.received_at > moment:
            return None

        def known(value: datetime | None) -> datetime | None:
            return value if value is not None and value <= moment else None

        status = entries[-1][1]
        return replace(
            self,
            status=status,
            due_at=self.due_as_of(moment),
            finished_at=known(self.finished_at),
            returned_at=known(self.returned_at),
            refusal_reason=(
                self.refusal_reason if status in (Status.NOT_ACCEPTED, Status.STOPPED) else None
            ),
            history=entries,
            due_history=tuple(e for e in self.due_history if e[0] <= moment),
            reschedules=tuple(t for t in self.reschedules if t <= moment),
        )


# --------------------------------------------------------------------------------------------------
# Biểu 06


@dataclass(frozen=True)
class Row06:
    """One line of Biểu 06 (one field, or the total).

    Columns (3)–(13) of the form in :data:`COLUMNS`, plus figures the form has no column for
    (:data:`EXTRA_COLUMNS`): ``received_total`` (new receipts, (4) + (5)), ``paused`` (the part
    of (11) waiting for a supplement or a financial obligation), ``withdrawn`` and
    ``returned_unresolved`` (parts of (9): withdrawn, or refused/stopped after receipt).
    """

    field: str
    to_resolve_total: int = 0
    received_online: int = 0
    received_in_person: int = 0
    carried_over: int = 0
    resolved_total: int = 0
    resolved_early: int = 0
    resolved_on_time: int = 0
    resolved_late: int = 0
    in_progress_total: int = 0
    in_progress_in_time: int = 0
    in_progress_overdue: int = 0
    received_total: int = 0
    paused: int = 0
    withdrawn: int = 0
    returned_unresolved: int = 0

    def consistency_errors(self) -> list[str]:
        """Every identity of the form the row breaks (for a bug report); empty when consistent."""
        errors: list[str] = []
        checks = (
            (
                "(3) = (4) + (5) + (6)",
                self.to_resolve_total,
                self.received_online + self.received_in_person + self.carried_over,
            ),
            (
                "(3) = (7) + (11)",
                self.to_resolve_total,
                self.resolved_total + self.in_progress_total,
            ),
            (
                "(7) = (8) + (9) + (10)",
                self.resolved_total,
                self.resolved_early + self.resolved_on_time + self.resolved_late,
            ),
            (
                "(11) = (12) + (13)",
                self.in_progress_total,
                self.in_progress_in_time + self.in_progress_overdue,
            ),
            (
                "nhận mới = (4) + (5)",
                self.received_total,
                self.received_online + self.received_in_person,
            ),
        )
        for name, left, right in checks:
            if left != right:
                errors.append(f"{self.field}: {name} sai ({left} ≠ {right})")
        if self.paused > self.in_progress_total:
            errors.append(f"{self.field}: số tạm dừng lớn hơn (11)")
        if self.withdrawn + self.returned_unresolved > self.resolved_on_time:
            errors.append(f"{self.field}: số rút/trả lại lớn hơn số giải quyết đúng hạn")
        return errors

    def counts(self, *, extra: bool = False) -> dict[str, int]:
        """The figures by column name; ``extra`` adds :data:`EXTRA_COLUMNS`."""
        names = COLUMNS + (EXTRA_COLUMNS if extra else ())
        return {name: int(getattr(self, name)) for name in names}

    def __add__(self, other: Row06) -> Row06:
        return Row06(
            self.field,
            **{n: getattr(self, n) + getattr(other, n) for n in COLUMNS + EXTRA_COLUMNS},
        )


COLUMNS: tuple[str, ...] = (
    "to_resolve_total",
    "received_online",
    "received_in_person",
    "carried_over",
    "resolved_total",
    "resolved_early",
    "resolved_on_time",
    "resolved_late",
    "in_progress_total",
    "in_progress_in_time",
    "in_progress_overdue",
)
"""Columns (3)–(13) of Biểu 06 in form order: the JSON keys."""
EXTRA_COLUMNS: tuple[str, ...] = ("received_total", "paused", "withdrawn", "returned_unresolved")


@dataclass(frozen=True)
class Announced:
    """The figures a centre posts for a day or a week ("52 received: 45 returned on time, 5 in
    progress, 2 refused").

    Counts are about the dossiers *received in the period* (refused ones included), each in
    exactly one of ``returned_on_time``, ``returned_late``, ``in_progress``, ``paused``,
    ``withdrawn``, ``refused``. ``on_time_rate`` is the Biểu 06 rate of the same period
    (``rate_on_time`` ÷ ``rate_resolved``), which also counts older dossiers resolved in it.
    """

    received: int
    returned_on_time: int
    in_progress: int
    refused: int
    on_time_rate: Decimal | None
    returned_late: int = 0
    paused: int = 0
    withdrawn: int = 0
    rate_on_time: int = 0
    rate_resolved: int = 0

    def to_dict(self) -> dict[str, object]:
        """The ``announced`` block of the report JSON (rate as a number or null)."""
        return {
            "received": self.received,
            "returned_on_time": self.returned_on_time,
            "in_progress": self.in_progress,
            "refused": self.refused,
            "on_time_rate": None if self.on_time_rate is None else float(self.on_time_rate),
        }


@dataclass(frozen=True)
class Report06:
    """Biểu 06 for one period: a row per field (sorted by folded name), the total and the
    announced figures."""

    start: date
    end: date
    rows: tuple[Row06, ...]
    total: Row06
    announced: Announced

    @property
    def consistency_errors(self) -> list[str]:
        """Broken identities over every row and the total; empty for a consistent report."""
        errors = [e for row in (*self.rows, self.total) for e in row.consistency_errors()]
        summed = sum(self.rows, Row06(TOTAL_LABEL))
        if summed.counts(extra=True) != self.total.counts(extra=True):
            errors.append("Dòng tổng cộng khác tổng các lĩnh vực")
        return errors

    def to_dict(self, *, extra: bool = False) -> dict[str, object]:
        """The JSON layout: total columns at the top level, ``by_field``, ``announced``,
        ``period``. Column (3) is ``to_resolve_total``; ``received_total`` (new receipts,
        (4) + (5)) stays in the JSON because district scripts read it. ``extra`` adds the other
        :data:`EXTRA_COLUMNS` (left out of the agreed layout)."""

        def figures(row: Row06) -> dict[str, int]:
            counts = row.counts(extra=extra)
            counts.setdefault("received_total", row.received_total)
            return counts

        data: dict[str, object] = dict(figures(self.total))
        data["by_field"] = [{"field": row.field, **figures(row)} for row in self.rows]
        data["announced"] = self.announced.to_dict()
        data["period"] = {"from": self.start.isoformat(), "to": self.end.isoformat()}
        return data


def _row_increments(
    facts: DossierFacts, first: datetime, last: datetime, end: date, basis: OnTimeBasis = "first"
) -> dict[str, int] | None:
    """Where one dossier goes in Biểu 06, or None if it is outside the report.

    The right-hand side ((7) or (11)) is decided by the status at the period end; the left-hand
    side ((4)/(5) or (6)) by the receipt date. A dossier is counted on both sides or on neither,
    which makes the identities exact.
    """
    if facts.received_at > last:
        return None
    status = facts.status_at(last)
    if status is None or status == Status.REGISTERED_ONLINE:
        return None
    inc: dict[str, int] = {}
    if status in ENDED_UNRESOLVED:
        ended = facts.ended_unresolved_as_of(last)
        if ended is None:
            return None  # refused at intake: outside every column (§3 "excluded {1,3}")
        if ended < first:
            return None  # ended in an earlier period
        inc["resolved_total"] = inc["resolved_on_time"] = inc["returned_unresolved"] = 1
    elif status in RESOLVED:
        finished = facts.finished_as_of(last)
        assert finished is not None
        if finished < first:
            return None  # resolved in an earlier period
        inc["resolved_total"] = 1
        if status == Status.WITHDRAWN:
            # §3 "reports count it as on time"; §4 06a header: "Đúng hạn" includes withdrawals.
            inc["resolved_on_time"] = inc["withdrawn"] = 1
        else:
            inc["resolved_" + classify_resolution(finished, facts.judged_due(finished, basis))] = 1
    else:
        # 2, 4, and 5/6 (paused for a supplement or a financial obligation): column (11), in time
        # if the appointment in force is on or after the period end date (§3); none = in time.
        due = facts.judged_due(last, basis)
        in_time = due is None or to_vn(due).date() >= end
        inc["in_progress_total"] = 1
        inc["in_progress_in_time" if in_time else "in_progress_overdue"] = 1
        if status in PAUSED_IN_11:
            inc["paused"] = 1
    inc["to_resolve_total"] = 1
    if facts.received_at < first:
        inc["carried_over"] = 1
    else:
        inc["received_total"] = 1
        inc["received_online" if facts.channel == "online" else "received_in_person"] = 1
    return inc


def report(
    facts: Iterable[DossierFacts], start: date, end: date, *, on_time_basis: OnTimeBasis = "first"
) -> Report06:
    """Biểu 06 for the days ``start``–``end`` (inclusive), as it stood at the end of ``end``.

    ``on_time_basis`` (setting ``on_time_basis``): judge results and overdue dossiers against
    the first appointment (default) or the latest one (see :meth:`DossierFacts.judged_due`)."""
    first, last = period_bounds(start, end)
    items = tuple(facts)
    by_field: dict[str, dict[str, int]] = {}
    for item in items:
        inc = _row_increments(item, first, last, end, on_time_basis)
        if inc is None:
            continue
        tally = by_field.setdefault(item.field, {})
        for name, n in inc.items():
            tally[name] = tally.get(name, 0) + n
    rows = tuple(
        Row06(name, **by_field[name]) for name in sorted(by_field, key=lambda n: (fold(n), n))
    )
    total = sum(rows, Row06(TOTAL_LABEL))
    return Report06(start, end, rows, total, _announced(items, first, last, total, on_time_basis))


def announced(facts: Iterable[DossierFacts], start: date, end: date) -> Announced:
    """The announced figures for the days ``start``–``end``, as they stood at the end of ``end``."""
    return report(facts, start, end).announced


def _announced(
    items: tuple[DossierFacts, ...],
    first: datetime,
    last: datetime,
    total: Row06,
    basis: OnTimeBasis = "first",
) -> Announced:
    counts = dict.fromkeys(
        ("received", "on_time", "late", "in_progress", "paused", "withdrawn", "refused"), 0
    )
    for item in items:
        if not first <= item.received_at <= last:
            continue
        status = item.status_at(last)
        if status is None or status == Status.REGISTERED_ONLINE:
            continue  # not taken in yet (an online dossier still awaiting acceptance)
        counts["received"] += 1
        if status == Status.NOT_ACCEPTED:
            counts["refused"] += 1  # duplicates and other refusals at intake (§3)
        elif status in DONE:
            # 9 counts as returned: the centre's part is done, the citizen has to pick it up.
            finished = item.finished_as_of(last)
            assert finished is not None
            kind = classify_resolution(finished, item.judged_due(finished, basis))
            counts["late" if kind == "late" else "on_time"] += 1
        elif status == Status.WITHDRAWN:
            counts["withdrawn"] += 1
        elif status in IN_PROGRESS:
            counts["in_progress"] += 1
        else:
            counts["paused"] += 1
    rate_on_time = total.resolved_early + total.resolved_on_time
    return Announced(
        received=counts["received"],
        returned_on_time=counts["on_time"],
        in_progress=counts["in_progress"],
        refused=counts["refused"],
        on_time_rate=on_time_rate(rate_on_time, total.resolved_total),
        returned_late=counts["late"],
        paused=counts["paused"],
        withdrawn=counts["withdrawn"],
        rate_on_time=rate_on_time,
        rate_resolved=total.resolved_total,
    )
