"""``onestop ledger import``: a merged commune's old Sổ theo dõi hồ sơ becomes dossiers.

Each valid row becomes one ``imported`` event (a full snapshot: status, dates, history), so
imported dossiers are in the event log, the worklist, search and the statistics like any other.

**Streaming.** The file is read twice, row by row, never whole: a first pass notes the file's
own dossier codes (below) and counts the rows for the progress; the second checks each row and
writes it at once. Both passes and every write are one transaction, so a rejected or cut import
leaves nothing; memory stays that of one row (the per-file bookkeeping is a TEMP table,
``store.ledger_seen``), a 1,000,000-row ledger included.

**All or nothing.** With an error anywhere, nothing is imported (the transaction is rolled back
at the end, after every row was checked, so the clerk sees all errors at once), unless
``skip_bad_rows``.

**Re-import is idempotent.** A row's dossier id is derived from its code, or for a row without a
code from *all* its content (procedure, name, ID number, address, phone, every date, status,
note, number of sets) plus how many identical rows came before it in the file. Two people with
the same name, procedure and dates differ in some other cell and are two dossiers; two rows
identical in every cell are both imported too (a warning says so), as the 1st and 2nd occurrence;
the same file imported again derives the same ids and adds nothing.

**Codes.** Rows without a code get one in station partition 0, which no counter station uses.
A row *with* a code in this unit's own numbering (``<unit>-YYMMDD-SNNN``, S the station digit,
0–9) is kept as it is, and the daily counter of that day and partition is raised past it in the
first pass (counters never go down). So neither a generated partition-0 code nor a later intake
at the counter can ever be handed a code the ledger already holds: before, an imported
``…-1001`` of today made every later intake of the day fail on the unique code.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from onestop_desktop.domain import clock
from onestop_desktop.domain import projection as proj
from onestop_desktop.domain.catalog import Procedure
from onestop_desktop.domain.codes import code_partition, code_unit, dossier_code
from onestop_desktop.domain.payloads import ApplicantData, Imported, LedgerSource, Moment
from onestop_desktop.errors import NotFound, ValidationError
from onestop_desktop.services import catalog as catalog_service
from onestop_desktop.services.audit import record
from onestop_desktop.services.context import Session
from onestop_desktop.services.dossiers import procedure_snapshot
from onestop_desktop.services.ledger_files import (
    LedgerRow,
    RowError,
    open_ledger,
    scan_codes,
)
from onestop_desktop.store import counters, dossiers, ledger_seen

LEDGER_NAMESPACE = uuid.UUID("6f1c1d7e-3a52-4c1e-9b7a-0f3c2d5e8a41")
LEGACY_PARTITION = 0

MAX_LISTED = 1000
"""Errors and warnings kept for the report (the counts cover them all): a million bad rows must
not become a million messages in memory."""

PROGRESS_EVERY = 500
"""Rows between two progress reports (the GUI's Job throttles further)."""

Progress = Callable[[int, int, str], None]
"""``progress(done, total, text)``, as ``ui.workers.Job.progress``: rows read of the file's rows."""


def _error_lines(errors: list[RowError]) -> list[str]:
    return [f"  dòng {e.line}, cột {e.column or '–'}: {e.reason_vi}" for e in errors]


def _error_json(errors: list[RowError]) -> list[dict[str, object]]:
    return [{"line": e.line, "column": e.column, "reason": e.reason_vi} for e in errors]


class LedgerRejected(ValidationError):
    """A ledger with errors, imported not at all: the errors are in :attr:`errors` (the first
    :data:`MAX_LISTED`; ``count`` and ``rows`` cover them all), so the clerk fixes the file in one
    pass."""

    def __init__(
        self, errors: list[RowError], *, count: int | None = None, rows: int | None = None
    ) -> None:
        first = errors[0]
        super().__init__(
            "Sổ theo dõi có {count} lỗi ở {rows} dòng, chưa nhập gì (lỗi đầu tiên: dòng {line}, "
            "cột {column}: {reason}). Sửa tệp hoặc dùng --skip-bad-rows",
            field="file",
            count=len(errors) if count is None else count,
            rows=len({e.line for e in errors}) if rows is None else rows,
            line=first.line,
            column=first.column,
            reason=first.reason_vi,
        )
        self.errors = errors

    def lines(self) -> list[str]:
        """Every error kept, one line each, in file order."""
        return _error_lines(self.errors)

    def to_json(self) -> dict[str, object]:
        return {"imported": 0, "error": self.message, "errors": _error_json(self.errors)}


@dataclass
class LedgerReport:
    """What a ledger import did (errors and warnings: the first :data:`MAX_LISTED` of each)."""

    imported: int = 0
    already_present: int = 0
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)
    error_count: int = 0
    error_rows: int = 0
    warning_count: int = 0

    def add_errors(self, errors: tuple[RowError, ...] | list[RowError]) -> None:
        """Count the errors of one line (or of the header) and keep the first ones."""
        if errors:
            self.error_count += len(errors)
            self.error_rows += len({e.line for e in errors})
            self.errors.extend(errors[: max(0, MAX_LISTED - len(self.errors))])

    def add_warnings(self, warnings: tuple[RowError, ...] | list[RowError]) -> None:
        self.warning_count += len(warnings)
        self.warnings.extend(warnings[: max(0, MAX_LISTED - len(self.warnings))])

    def text(self) -> str:
        lines = [
            f"Đã nhập {self.imported} hồ sơ từ sổ theo dõi; {self.already_present} hồ sơ đã có "
            "từ trước (bỏ qua)."
        ]
        if self.errors:
            lines.append(f"Bỏ qua {self.error_rows} dòng lỗi:")
            lines += _error_lines(self.errors)
        if self.warnings:
            lines.append("Lưu ý:")
            lines += _error_lines(self.warnings[:50])
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        return {
            "imported": self.imported,
            "already_present": self.already_present,
            "error_count": self.error_count,
            "errors": _error_json(self.errors),
            "warning_count": self.warning_count,
            "warnings": _error_json(self.warnings),
        }


def _content_key(row: LedgerRow) -> bytes:
    """Every cell of a code-less row that says who and what (see the module docstring)."""
    parts = [
        row.procedure_code,
        row.applicant_name,
        row.id_number or "",
        row.address or "",
        row.phone or "",
        clock.iso(row.received_at),
        clock.iso(row.due_at) if row.due_at else "",
        clock.iso(row.result_at) if row.result_at else "",
        clock.iso(row.returned_at) if row.returned_at else "",
        str(int(row.status)),
        row.note,
        str(row.copies or ""),
    ]
    return hashlib.blake2b("\x1f".join(parts).encode(), digest_size=16).digest()


def _dossier_id(unit: str, row: LedgerRow, occurrence: int = 0, content: bytes = b"") -> str:
    """The row's dossier id: from its code, or from its content (``content``: its
    :func:`_content_key`, when already computed) and its occurrence in the file (0 for the first
    row with that content), so a re-import finds the same ids."""
    key = row.dossier_code or f"v2|{(content or _content_key(row)).hex()}|{occurrence}"
    return str(uuid.uuid5(LEDGER_NAMESPACE, f"{unit}|{key}"))


def _reserve_own_codes(ctx: Session, path: Path) -> int:
    """First pass: raise each day's counter past the codes of this unit's numbering that the
    file holds (any partition: 0 keeps generated ledger codes off them, 1–9 keeps intake off
    them); the number of data rows. Memory: one maximum per (day, partition)."""
    unit = ctx.station.unit_code
    best: dict[tuple[str, int], int] = {}
    rows = 0
    for _line, code in scan_codes(path):
        rows += 1
        if code is None or code_unit(code) != unit:
            continue
        parts = code_partition(code)
        if parts is None:
            continue
        day, partition, count = parts
        key = (day.isoformat(), partition)
        best[key] = max(best.get(key, 0), count)
    counters.raise_to(ctx.store, [(day, part, last) for (day, part), last in best.items()])
    return rows


class _Importer:
    """The second pass: each row checked against the database and written at once."""

    def __init__(self, ctx: Session, path: Path, *, skip_bad_rows: bool) -> None:
        self.ctx = ctx
        self.path = path
        self.unit = ctx.station.unit_code
        self.skip_bad_rows = skip_bad_rows
        self.report = LedgerReport()
        self.procedures: dict[str, Procedure | None] = {}

    def seen_code(self, code: str, line: int) -> int | None:
        key = hashlib.blake2b(b"code\x1f" + code.encode(), digest_size=16).digest()
        before, first = ledger_seen.bump(self.ctx.store, key, line)
        return first if before else None

    def procedure(self, code: str) -> Procedure | None:
        if code not in self.procedures:
            if len(self.procedures) > 10_000:  # a file of made-up codes: keep the cache small
                self.procedures.clear()
            try:
                self.procedures[code] = catalog_service.current_procedure(self.ctx.store, code)
            except NotFound:
                self.procedures[code] = None
        return self.procedures[code]

    def row(self, row: LedgerRow, warnings: tuple[RowError, ...]) -> None:
        ctx = self.ctx
        procedure = self.procedure(row.procedure_code)
        if procedure is None:
            reason = f"Mã thủ tục {row.procedure_code} không có trong danh mục"
            self.report.add_errors([RowError(row.line, "Mã thủ tục", reason)])
            return
        occurrence = 0
        content = b""
        if not row.dossier_code:
            content = _content_key(row)
            occurrence, first = ledger_seen.bump(ctx.store, content, row.line)
            if occurrence:
                self.report.add_warnings(
                    [
                        RowError(
                            row.line,
                            "",
                            f"Dòng giống hệt dòng {first} ở mọi cột; nhập thành hồ sơ riêng",
                        )
                    ]
                )
        dossier_id = _dossier_id(self.unit, row, occurrence, content)
        if dossiers.get(ctx.store, dossier_id) is not None:
            self.report.already_present += 1
            return
        if row.dossier_code and dossiers.get_by_code(ctx.store, row.dossier_code) is not None:
            reason = f"Mã hồ sơ {row.dossier_code} đã dùng cho hồ sơ khác"
            self.report.add_errors([RowError(row.line, "Mã hồ sơ", reason)])
            return
        if self.report.error_count and not self.skip_bad_rows:
            return  # rejected anyway: keep checking the rows, write nothing more
        self.write(row, procedure, dossier_id)

    def write(self, row: LedgerRow, procedure: Procedure, dossier_id: str) -> None:
        ctx = self.ctx
        code = row.dossier_code
        while not code or dossiers.get_by_code(ctx.store, code) is not None:
            # The counter is past the file's own codes; the database may hold more (skip them).
            day = row.received_at.date()
            n = counters.take_next(ctx.store, day.isoformat(), LEGACY_PARTITION)
            code = dossier_code(self.unit, day, LEGACY_PARTITION, n)
        facts = row.to_facts(procedure.field)
        history = tuple((Moment(clock.iso(t)), int(s)) for t, s in facts.timeline())
        finished = facts.finished_as_of(ctx.now())
        payload = Imported(
            code=code,
            unit_code=self.unit,
            procedure=procedure_snapshot(procedure),
            channel="in_person",
            sets_count=row.copies or 1,
            applicant=ApplicantData(
                name=row.applicant_name,
                id_number=row.id_number,
                phone=row.phone,
                address=row.address,
            ),
            received_at=Moment(clock.iso(row.received_at)),
            due_at=Moment(clock.iso(row.due_at)) if row.due_at else None,
            status=int(row.status),
            finished_at=Moment(clock.iso(finished)) if finished else None,
            returned_at=Moment(clock.iso(row.returned_at)) if row.returned_at else None,
            history=history,
            note=row.note or None,
            source=LedgerSource(file=self.path.name, line=row.line),
        )
        event = record(ctx, payload, dossier_id=dossier_id)
        dossiers.insert(ctx.store, proj.apply(None, event, payload))
        self.report.imported += 1


def import_file(
    ctx: Session,
    path: Path,
    *,
    skip_bad_rows: bool = False,
    progress: Progress | None = None,
) -> LedgerReport:
    """Import a ledger file; with errors it imports nothing unless ``skip_bad_rows``.

    Streams the file (see the module docstring) in one transaction; ``progress(done, total,
    text)`` is called every :data:`PROGRESS_EVERY` rows and at the end. Raises
    :class:`LedgerRejected` with every error (the first :data:`MAX_LISTED`) when not skipping.
    """
    ctx.require("legacy.import")
    path = Path(path)
    importer = _Importer(ctx, path, skip_bad_rows=skip_bad_rows)
    report = importer.report
    with ctx.store.atomic():
        stream = open_ledger(path)
        report.add_errors(stream.errors)
        report.add_warnings(stream.warnings)
        total = 0
        if not stream.errors:
            total = _reserve_own_codes(ctx, path)
        ledger_seen.begin(ctx.store)
        done = 0
        if progress:
            progress(0, total, "Đang nhập sổ theo dõi")
        for result in stream.results(importer.seen_code):
            report.add_errors(result.errors)
            report.add_warnings(result.warnings)
            if result.row is not None:
                importer.row(result.row, result.warnings)
            done += 1
            if progress and done % PROGRESS_EVERY == 0 and done != total:
                progress(done, total, "Đang nhập sổ theo dõi")
        ledger_seen.end(ctx.store)
        if progress:
            progress(done, max(total, done), "Đã đọc hết sổ theo dõi")
        if report.error_count and not skip_bad_rows:
            raise LedgerRejected(report.errors, count=report.error_count, rows=report.error_rows)
    return report
