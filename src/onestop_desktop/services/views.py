"""Plain, immutable rows handed to the GUI and CLI (never database rows)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from onestop_desktop.domain import clock
from onestop_desktop.domain.status import Status


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
        )

    def to_json(self) -> dict[str, Any]:
        """JSON-ready dict (ISO times, status number and name)."""
        data = asdict(self)
        data["received_at"] = clock.iso(self.received_at)
        data["due_at"] = clock.iso(self.due_at) if self.due_at else None
        data["status"] = int(self.status)
        data["status_label"] = self.status.label
        return data
