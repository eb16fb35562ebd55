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
from onestop_desktop.services.catalog_files import (
    CatalogParse,
    RowError,
    read_catalog,
    write_catalog,
)
from onestop_desktop.services.context import Session
from onestop_desktop.store import catalog as catalog_rows
from onestop_desktop.store.catalog import ProcedureRow
from onestop_desktop.store.db import Store

STARTER = "catalog/starter_catalog.json"


def _from_row(row: ProcedureRow) -> Procedure:
    data = json.loads(row.data)
    data["version"] = row.version
    return procedure_from_dict(data)


def current_procedure(store: Store, code: str) -> Procedure:
    """The newest version of the procedure with this code (national or provincial form)."""
    try:
        wanted = validate_procedure_code(code)
    except ValidationError as exc:
        raise NotFound("Không có thủ tục mã «{code}» trong danh mục", code=code) from exc
    row = catalog_rows.newest_matching(store, wanted, national_code(wanted))
    if row is None:
        raise NotFound("Không có thủ tục mã «{code}» trong danh mục", code=code)
    return _from_row(row)


def procedure_version(store: Store, code: str, version: int) -> Procedure:
    """A given version of a procedure (the one an old dossier was received under)."""
    row = catalog_rows.version(store, code, version)
    if row is None:
        raise NotFound(
            "Không có phiên bản {version} của thủ tục {code}", version=version, code=code
        )
    return _from_row(row)


def current_procedures(
    store: Store, *, published_only: bool = False, query: str = ""
) -> list[Procedure]:
    """The newest version of every procedure, by field then name; filtered by folded ``query``
    (code or words of the name) for the intake picker."""
    words = fold(query).split()
    out = []
    for r in catalog_rows.current(store):
        if published_only and not r.published:
            continue
        if words and not all(w in r.search_text for w in words):
            continue
        out.append(_from_row(r))
    return out


def versions(store: Store, code: str) -> list[Procedure]:
    """Every version of a procedure, oldest first."""
    return [_from_row(r) for r in catalog_rows.all_versions(store, code)]


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
            latest = catalog_rows.newest(ctx.store, proc.code)
            if latest is not None and _content(_from_row(latest)) == _content(proc):
                report.unchanged.append(proc.code)
                continue
            version = latest.version + 1 if latest is not None else 1
            data = procedure_to_dict(proc)
            data["version"] = version
            catalog_rows.insert(
                ctx.store,
                code=proc.code,
                version=version,
                name=proc.name,
                field=proc.field,
                published=proc.published,
                data=canonical(data),
                search_text=fold(f"{proc.code} {proc.name} {proc.field}"),
                stamp=stamp,
                actor=ctx.actor.tag,
            )
            (report.updated if latest is not None else report.added).append(proc.code)
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
        detail = "; ".join(f"{e.line}/{e.column}: {e.reason}" for e in parsed.errors[:20])
        if len(parsed.errors) == 1:
            raise ValidationError(
                "Tệp danh mục có lỗi, chưa nhập gì: dòng {line}, cột {column}: {reason}. "
                "Sửa tệp hoặc dùng --skip-bad-rows",
                line=first.line,
                column=first.column,
                reason=first.reason,
                detail=detail,
            )
        raise ValidationError(
            "Tệp danh mục có lỗi, chưa nhập gì: dòng {line}, cột {column}: {reason} "
            "(và {more} lỗi khác). Sửa tệp hoặc dùng --skip-bad-rows",
            more=len(parsed.errors) - 1,
            line=first.line,
            column=first.column,
            reason=first.reason,
            detail=detail,
        )
    report = save(ctx, parsed.procedures, source=path.name)
    report.errors = parsed.errors
    report.skipped_rows = len({e.line for e in parsed.errors})
    return report


def export_file(ctx: Session, fmt: str, out: Path) -> int:
    """``onestop catalog export``: the newest version of every procedure; how many.

    CSV is UTF-8 with a BOM (``files.atomic_write(..., encoding="utf-8-sig")``) so Excel shows
    the diacritics; JSON keeps the machine keys."""
    ctx.require("dossiers.view")
    procedures = current_procedures(ctx.store)
    # A CSV or workbook is opened by a person in Excel: Vietnamese headers, units and yes/no,
    # one language per header row (import reads these as well as the English keys).
    write_catalog(procedures, out, fmt, headers="keys" if fmt == "json" else "vi")
    return len(procedures)


def starter_path() -> Path:
    """The starter catalogue shipped in ``resources/catalog``."""
    return Path(str(importlib.resources.files("onestop_desktop.resources").joinpath(STARTER)))


def ensure_starter(ctx: Session) -> ImportReport | None:
    """Load the starter catalogue into an empty catalogue (first run, demo)."""
    if not catalog_rows.is_empty(ctx.store):
        return None
    return load_file_into_empty(ctx, starter_path())


def load_file_into_empty(ctx: Session, path: Path) -> ImportReport:
    """Load a whole catalogue file (``init --catalog FILE``): any row error refuses it all."""
    parsed = read_catalog(path)
    if parsed.errors:
        first = parsed.errors[0]
        raise ValidationError(
            "Tệp danh mục «{file}» có lỗi, chưa nhập gì: dòng {line}, cột {column}: {reason}",
            file=path.name,
            line=first.line,
            column=first.column,
            reason=first.reason,
        )
    return save(ctx, parsed.procedures, source=path.name)


def procedure_count(store: Store) -> int:
    """How many procedures the catalogue holds (each code once, whatever its versions)."""
    return catalog_rows.count_current(store)


# ------------------------------------------------------------------ the admin's screen (#9)


def browse(ctx: Session, query: str = "") -> list[Procedure]:
    """The newest version of every procedure, published or not, filtered by ``query`` (code or
    words of the name or field, diacritics ignored: «khai sinh» finds «Đăng ký khai sinh»)."""
    ctx.require("catalog.manage")
    return current_procedures(ctx.store, query=query)


def history(ctx: Session, code: str) -> list[Procedure]:
    """Every stored version of one procedure, oldest first (an edit adds a version)."""
    ctx.require("catalog.manage")
    found = versions(ctx.store, code)
    if not found:
        raise NotFound("Không có thủ tục mã «{code}» trong danh mục", code=code)
    return found


def preview_file(ctx: Session, path: Path) -> CatalogParse:
    """Read a catalogue file without importing it: the procedures it holds and every bad line,
    so the admin sees the whole error list before deciding (see :func:`import_file`)."""
    ctx.require("catalog.manage")
    return read_catalog(path)
