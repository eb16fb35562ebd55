"""``onestop ledger import``: a merged commune's old Sổ theo dõi hồ sơ becomes dossiers.

Each valid row becomes one ``imported`` event (a full snapshot: status, dates, history), so
imported dossiers are in the event log, the worklist, search and the statistics like any other.
Importing the same file again adds nothing: a row's dossier id is derived from its content (or its
code), and rows already present are skipped. Rows without a code get one in station partition 0,
which no counter station uses, so they can never collide with codes the stations hand out.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from onestop_desktop.domain import clock
from onestop_desktop.domain import projection as proj
from onestop_desktop.domain.codes import dossier_code
from onestop_desktop.domain.payloads import ApplicantData, Imported, LedgerSource, Moment
from onestop_desktop.errors import NotFound, ValidationError
from onestop_desktop.services import catalog as catalog_service
from onestop_desktop.services.audit import record
from onestop_desktop.services.context import Session
from onestop_desktop.services.dossiers import procedure_snapshot
from onestop_desktop.services.ledger_files import LedgerRow, RowError, read_ledger
from onestop_desktop.store import counters, dossiers

LEDGER_NAMESPACE = uuid.UUID("6f1c1d7e-3a52-4c1e-9b7a-0f3c2d5e8a41")
LEGACY_PARTITION = 0


def _error_lines(errors: list[RowError]) -> list[str]:
    return [f"  dòng {e.line}, cột {e.column or '–'}: {e.reason_vi}" for e in errors]


def _error_json(errors: list[RowError]) -> list[dict[str, object]]:
    return [{"line": e.line, "column": e.column, "reason": e.reason_vi} for e in errors]


class LedgerRejected(ValidationError):
    """A ledger with errors, imported not at all: *every* error is in :attr:`errors` (the CLI
    lists them all, as text or ``--json``), so the clerk fixes the file in one pass."""

    def __init__(self, errors: list[RowError]) -> None:
        first = errors[0]
        super().__init__(
            "Sổ theo dõi có {count} lỗi ở {rows} dòng, chưa nhập gì (lỗi đầu tiên: dòng {line}, "
            "cột {column}: {reason}). Sửa tệp hoặc dùng --skip-bad-rows",
            field="file",
            count=len(errors),
            rows=len({e.line for e in errors}),
            line=first.line,
            column=first.column,
            reason=first.reason_vi,
        )
        self.errors = errors

    def lines(self) -> list[str]:
        """Every error, one line each, in file order."""
        return _error_lines(self.errors)

    def to_json(self) -> dict[str, object]:
        return {"imported": 0, "error": self.message, "errors": _error_json(self.errors)}


@dataclass
class LedgerReport:
    """What a ledger import did."""

    imported: int = 0
    already_present: int = 0
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)

    def text(self) -> str:
        lines = [
            f"Đã nhập {self.imported} hồ sơ từ sổ theo dõi; {self.already_present} hồ sơ đã có "
            "từ trước (bỏ qua)."
        ]
        if self.errors:
            lines.append(f"Bỏ qua {len({e.line for e in self.errors})} dòng lỗi:")
            lines += _error_lines(self.errors)
        if self.warnings:
            lines.append("Lưu ý:")
            lines += _error_lines(self.warnings[:50])
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        return {
            "imported": self.imported,
            "already_present": self.already_present,
            "errors": _error_json(self.errors),
            "warnings": _error_json(self.warnings),
        }


def _dossier_id(unit: str, row: LedgerRow) -> str:
    key = row.dossier_code or "|".join(
        [
            row.procedure_code,
            row.applicant_name,
            row.id_number or "",
            clock.iso(row.received_at),
            clock.iso(row.due_at) if row.due_at else "",
        ]
    )
    return str(uuid.uuid5(LEDGER_NAMESPACE, f"{unit}|{key}"))


def import_file(ctx: Session, path: Path, *, skip_bad_rows: bool = False) -> LedgerReport:
    """Import a ledger file; with errors it imports nothing unless ``skip_bad_rows``."""
    ctx.require("legacy.import")
    parsed = read_ledger(path)
    errors: list[RowError] = list(parsed.errors)
    unit = ctx.station.unit_code
    planned: list[tuple[LedgerRow, str, Any]] = []
    for row in parsed.rows:
        try:
            procedure = catalog_service.current_procedure(ctx.store, row.procedure_code)
        except NotFound:
            reason = f"Mã thủ tục {row.procedure_code} không có trong danh mục"
            errors.append(RowError(row.line, "Mã thủ tục", reason))
            continue
        dossier_id = _dossier_id(unit, row)
        if (
            row.dossier_code
            and dossiers.get(ctx.store, dossier_id) is None
            and dossiers.get_by_code(ctx.store, row.dossier_code) is not None
        ):
            reason = f"Mã hồ sơ {row.dossier_code} đã dùng cho hồ sơ khác"
            errors.append(RowError(row.line, "Mã hồ sơ", reason))
            continue
        planned.append((row, dossier_id, procedure))
    # Rows that carry their own code go first, so a generated code never takes one of them.
    planned.sort(key=lambda item: item[0].dossier_code is None)
    errors.sort(key=lambda e: e.line)
    if errors and not skip_bad_rows:
        raise LedgerRejected(errors)
    report = LedgerReport(errors=errors, warnings=list(parsed.warnings))
    with ctx.store.atomic():
        for row, dossier_id, procedure in planned:
            if dossiers.get(ctx.store, dossier_id) is not None:
                report.already_present += 1
                continue
            code = row.dossier_code
            while not code or dossiers.get_by_code(ctx.store, code) is not None:
                # The commune's own numbering may already use partition-0 codes: skip them.
                day = row.received_at.date()
                n = counters.take_next(ctx.store, day.isoformat(), LEGACY_PARTITION)
                code = dossier_code(unit, day, LEGACY_PARTITION, n)
            facts = row.to_facts(procedure.field)
            history = tuple((Moment(clock.iso(t)), int(s)) for t, s in facts.timeline())
            finished = facts.finished_as_of(ctx.now())
            payload = Imported(
                code=code,
                unit_code=unit,
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
                source=LedgerSource(file=path.name, line=row.line),
            )
            event = record(ctx, payload, dossier_id=dossier_id)
            dossiers.insert(ctx.store, proj.apply(None, event, payload))
            report.imported += 1
    return report
