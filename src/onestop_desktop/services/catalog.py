"""The commune's procedure catalogue: versioned, imported from and exported to CSV/XLSX/JSON.

An edit never changes a stored version: it adds version n+1. A dossier names the version it was
received under and its receipt event carries a snapshot (time limit, fee, documents), so a later
edit never changes an old appointment.
"""

from __future__ import annotations

import importlib.resources
import json
from dataclasses import dataclass, field
from pathlib import Path

from onestop_desktop.domain import clock
from onestop_desktop.domain.catalog import (
    Procedure,
    national_code,
    procedure_from_dict,
    procedure_to_dict,
    validate_procedure_code,
)
from onestop_desktop.domain.events import canonical
from onestop_desktop.domain.payloads import CatalogImported
from onestop_desktop.domain.text import fold
from onestop_desktop.errors import NotFound, ValidationError
from onestop_desktop.services.audit import record
from onestop_desktop.services.catalog_files import RowError, read_catalog, write_catalog
from onestop_desktop.services.context import Session
from onestop_desktop.store.db import Store

STARTER = "catalog/starter_catalog.json"


def _from_row(row: dict[str, object]) -> Procedure:
    data = json.loads(str(row["data"]))
    data["version"] = int(str(row["version"]))
    return procedure_from_dict(data)


def current_procedure(store: Store, code: str) -> Procedure:
    """The newest version of the procedure with this code (national or provincial form)."""
    try:
        wanted = validate_procedure_code(code)
    except ValidationError as exc:
        raise NotFound(f"Không có thủ tục mã «{code}» trong danh mục") from exc
    rows = store.query(
        "SELECT code, version, data FROM procedures WHERE code = ? OR substr(code, 1, 8) = ? "
        "ORDER BY (code = ?) DESC, version DESC LIMIT 1",
        [wanted, national_code(wanted), wanted],
    )
    if not rows:
        raise NotFound(f"Không có thủ tục mã «{code}» trong danh mục")
    return _from_row(rows[0])


def procedure_version(store: Store, code: str, version: int) -> Procedure:
    """A given version of a procedure (the one an old dossier was received under)."""
    rows = store.query(
        "SELECT code, version, data FROM procedures WHERE code = ? AND version = ?", [code, version]
    )
    if not rows:
        raise NotFound(f"Không có phiên bản {version} của thủ tục {code}")
    return _from_row(rows[0])


def current_procedures(
    store: Store, *, published_only: bool = False, query: str = ""
) -> list[Procedure]:
    """The newest version of every procedure, by field then name; filtered by folded ``query``
    (code or words of the name) for the intake picker."""
    rows = store.query(
        "SELECT p.code, p.version, p.data, p.search_text, p.published FROM procedures p "
        "JOIN (SELECT code, max(version) AS v FROM procedures GROUP BY code) m "
        "ON p.code = m.code AND p.version = m.v ORDER BY p.field, p.name"
    )
    words = fold(query).split()
    out = []
    for r in rows:
        if published_only and not r["published"]:
            continue
        if words and not all(w in str(r["search_text"]) for w in words):
            continue
        out.append(_from_row(r))
    return out


def versions(store: Store, code: str) -> list[Procedure]:
    """Every version of a procedure, oldest first."""
    rows = store.query(
        "SELECT code, version, data FROM procedures WHERE code = ? ORDER BY version", [code]
    )
    return [_from_row(r) for r in rows]


def _content(procedure: Procedure) -> str:
    data = procedure_to_dict(procedure)
    data.pop("version", None)
    return canonical(data)


@dataclass
class ImportReport:
    """What a catalogue import did, and the rows it could not use."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    skipped_rows: int = 0

    def text(self) -> str:
        lines = [
            f"Đã nhập danh mục: {len(self.added)} thủ tục mới, {len(self.updated)} thủ tục có "
            f"phiên bản mới, {len(self.unchanged)} không đổi."
        ]
        if self.errors:
            lines.append(f"Bỏ qua {self.skipped_rows} dòng lỗi:")
            lines += [f"  dòng {e.line}, cột {e.column}: {e.reason}" for e in self.errors]
        return "\n".join(lines)


def save(ctx: Session, procedures: list[Procedure], *, source: str) -> ImportReport:
    """Store each procedure as a new version when its content changed (one transaction)."""
    ctx.require("catalog.manage")
    report = ImportReport()
    stamp = clock.iso(ctx.now())
    with ctx.store.atomic():
        for proc in procedures:
            rows = ctx.store.query(
                "SELECT version, data FROM procedures WHERE code = ? ORDER BY version DESC LIMIT 1",
                [proc.code],
            )
            if rows and _content(_from_row({**rows[0], "code": proc.code})) == _content(proc):
                report.unchanged.append(proc.code)
                continue
            version = int(rows[0]["version"]) + 1 if rows else 1
            data = procedure_to_dict(proc)
            data["version"] = version
            ctx.store.db.execute(
                "INSERT INTO procedures(code, version, name, field, published, data, search_text, "
                "created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    proc.code,
                    version,
                    proc.name,
                    proc.field,
                    int(proc.published),
                    canonical(data),
                    fold(f"{proc.code} {proc.name} {proc.field}"),
                    stamp,
                    ctx.actor.tag,
                ],
            )
            (report.updated if rows else report.added).append(proc.code)
        if report.added or report.updated:
            record(
                ctx,
                CatalogImported(
                    source=source, added=tuple(report.added), updated=tuple(report.updated)
                ),
            )
    return report


def import_file(ctx: Session, path: Path, *, skip_bad_rows: bool = False) -> ImportReport:
    """``onestop catalog import``: a file with errors imports nothing unless told to skip them."""
    ctx.require("catalog.manage")
    parsed = read_catalog(path)
    if parsed.errors and not skip_bad_rows:
        first = parsed.errors[0]
        more = f" (và {len(parsed.errors) - 1} lỗi khác)" if len(parsed.errors) > 1 else ""
        raise ValidationError(
            f"Tệp danh mục có lỗi, chưa nhập gì: dòng {first.line}, cột {first.column}: "
            f"{first.reason}{more}. Sửa tệp hoặc dùng --skip-bad-rows",
            detail="; ".join(f"{e.line}/{e.column}: {e.reason}" for e in parsed.errors[:20]),
        )
    report = save(ctx, parsed.procedures, source=path.name)
    report.errors = parsed.errors
    report.skipped_rows = len({e.line for e in parsed.errors})
    return report


def export_file(ctx: Session, fmt: str, out: Path) -> int:
    """``onestop catalog export``: the newest version of every procedure; how many."""
    ctx.require("dossiers.view")
    procedures = current_procedures(ctx.store)
    write_catalog(procedures, out, fmt)
    return len(procedures)


def starter_path() -> Path:
    """The starter catalogue shipped in ``resources/catalog``."""
    return Path(str(importlib.resources.files("onestop_desktop.resources").joinpath(STARTER)))


def ensure_starter(ctx: Session) -> ImportReport | None:
    """Load the starter catalogue into an empty catalogue (first run, demo)."""
    if ctx.store.query("SELECT 1 FROM procedures LIMIT 1"):
        return None
    parsed = read_catalog(starter_path())
    if parsed.errors:
        raise ValidationError(f"Danh mục mẫu có lỗi: {parsed.errors[0].reason}")
    return save(ctx, parsed.procedures, source="starter_catalog.json")
