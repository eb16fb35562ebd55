"""``onestop verify`` and ``onestop rebuild``: the event log checked, the projection re-derived.

Rebuild streams events grouped by dossier (the ``events_dossier`` index), so memory stays flat at a
million dossiers, and reports every row whose stored columns differ from the fold of its events.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from onestop_desktop.domain import projection as proj
from onestop_desktop.domain.events import ChainBreak
from onestop_desktop.domain.formats import fmt_int
from onestop_desktop.errors import StorageError
from onestop_desktop.services.context import Session
from onestop_desktop.store import counters, dossiers, events


@dataclass
class VerifyReport:
    checked: int
    broken: ChainBreak | None

    @property
    def ok(self) -> bool:
        return self.broken is None

    def text(self) -> str:
        if self.broken is None:
            return f"Chuỗi sự kiện toàn vẹn: đã kiểm tra {fmt_int(self.checked)} sự kiện."
        b = self.broken
        return f"Chuỗi sự kiện bị đứt tại máy trạm {b.station_id}, sự kiện số {b.seq}: {b.reason}"


def verify(ctx: Session) -> VerifyReport:
    """Walk every station's hash chain; name the first broken link."""
    ctx.require("sync.manage")
    checked, broken = events.verify(ctx.store)
    return VerifyReport(checked, broken)


@dataclass
class RebuildReport:
    dossiers: int = 0
    events: int = 0
    changed: int = 0
    added: int = 0
    removed: int = 0
    differences: list[dict[str, Any]] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not (self.changed or self.added or self.removed)

    def text(self) -> str:
        lines = [
            f"Đã dựng lại {fmt_int(self.dossiers)} hồ sơ từ {fmt_int(self.events)} sự kiện: "
            f"{fmt_int(self.changed)} hồ sơ khác, {fmt_int(self.added)} thiếu, "
            f"{fmt_int(self.removed)} thừa."
        ]
        for d in self.differences:
            lines.append(
                f"  {d['code']}: {d['column']} đang là {d['stored']!r}, theo sự kiện là "
                f"{d['rebuilt']!r}"
            )
        return "\n".join(lines)


_COMPARED = list(proj.PROJECTED_COLUMNS)
MAX_LISTED = 50


def rebuild(ctx: Session, *, write: bool = True) -> RebuildReport:
    """Fold every dossier's events again; report and (with ``write``) repair differences."""
    ctx.require("sync.manage")
    _, broken = events.verify(ctx.store)
    if broken is not None:
        raise StorageError(
            "Không dựng lại được: chuỗi sự kiện bị đứt tại máy trạm {station}, sự kiện số {seq} "
            "({reason}); hãy khôi phục từ bản sao lưu",
            station=broken.station_id,
            seq=broken.seq,
            reason=broken.reason,
        )
    report = RebuildReport()
    seen: set[str] = set()
    with ctx.store.atomic():
        before = dossiers.count(ctx.store)
        for dossier_id, evs in events.iter_by_dossier(ctx.store):
            state: proj.Row | None = None
            for ev in evs:
                state = proj.apply(state, ev)
                report.events += 1
            assert state is not None
            report.dossiers += 1
            seen.add(dossier_id)
            stored = dossiers.get(ctx.store, dossier_id)
            if stored is None:
                report.added += 1
                _note(report, state["code"], "(toàn bộ hồ sơ)", None, "có")
                if write:
                    dossiers.insert(ctx.store, state)
                continue
            diffs = [c for c in _COMPARED if _norm(stored.get(c)) != _norm(state.get(c))]
            if diffs:
                report.changed += 1
                for c in diffs:
                    _note(report, state["code"], c, stored.get(c), state.get(c))
                if write:
                    dossiers.update(ctx.store, state)
        matched = report.dossiers - report.added
        extra = (
            [(i, c) for i, c in dossiers.ids_and_codes(ctx.store) if i not in seen]
            if before > matched
            else []
        )
        for dossier_id, code in extra:
            report.removed += 1
            _note(report, code, "(toàn bộ hồ sơ)", "có", None)
            if write:
                dossiers.delete(ctx.store, dossier_id)
        if write:
            _rebuild_counters(ctx)
    return report


def _norm(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _note(report: RebuildReport, code: str, column: str, stored: Any, rebuilt: Any) -> None:
    if len(report.differences) < MAX_LISTED:
        report.differences.append(
            {"code": code, "column": column, "stored": stored, "rebuilt": rebuilt}
        )


def _rebuild_counters(ctx: Session) -> None:
    """Daily code counters from the codes this station actually issued."""
    station = ctx.station.station_id
    best: dict[str, int] = {}
    for code, received_at in dossiers.issued_codes(ctx.store, station, ctx.station.unit_code):
        seq = code.rsplit("-", 1)[-1]
        if not seq.startswith(str(station)) or not seq[1:].isdigit():
            continue
        day = received_at[:10]
        best[day] = max(best.get(day, 0), int(seq[1:]))
    counters.raise_to(ctx.store, [(day, station, last) for day, last in best.items()])
