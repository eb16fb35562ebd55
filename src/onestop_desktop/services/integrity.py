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
from onestop_desktop.errors import StorageError
from onestop_desktop.services.context import Session
from onestop_desktop.store import dossiers, events


@dataclass
class VerifyReport:
    checked: int
    broken: ChainBreak | None

    @property
    def ok(self) -> bool:
        return self.broken is None

    def text(self) -> str:
        if self.broken is None:
            return f"Chuỗi sự kiện toàn vẹn: đã kiểm tra {self.checked} sự kiện."
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
            f"Đã dựng lại {self.dossiers} hồ sơ từ {self.events} sự kiện: "
            f"{self.changed} hồ sơ khác, {self.added} thiếu, {self.removed} thừa."
        ]
        for d in self.differences:
            lines.append(
                f"  {d['code']}: {d['column']} đang là {d['stored']!r}, theo sự kiện là "
                f"{d['rebuilt']!r}"
            )
        return "\n".join(lines)


_COMPARED = list(proj.PROJECTED_COLUMNS)
MAX_LISTED = 50


def _iter_dossier_events(ctx: Session) -> Any:
    cur = ctx.store.db.execute(
        "SELECT station_id, seq, dossier_id, kind, actor, at, payload, prev_hash, hash "
        "FROM events WHERE dossier_id IS NOT NULL ORDER BY dossier_id, station_id, seq"
    )
    current: str | None = None
    batch: list[Any] = []
    for row in cur:
        if row[2] != current and batch:
            yield current, batch
            batch = []
        current = row[2]
        batch.append(row)
    if batch:
        yield current, batch


def rebuild(ctx: Session, *, write: bool = True) -> RebuildReport:
    """Fold every dossier's events again; report and (with ``write``) repair differences."""
    ctx.require("sync.manage")
    _, broken = events.verify(ctx.store)
    if broken is not None:
        raise StorageError(
            f"Không dựng lại được: chuỗi sự kiện bị đứt tại máy trạm {broken.station_id}, "
            f"sự kiện số {broken.seq} ({broken.reason}); hãy khôi phục từ bản sao lưu"
        )
    report = RebuildReport()
    seen: set[str] = set()
    with ctx.store.atomic():
        before = dossiers.count(ctx.store)
        for dossier_id, rows in _iter_dossier_events(ctx):
            state: dict[str, Any] | None = None
            for r in rows:
                ev = events._row_to_event(r)
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
            [r for r in ctx.store.query("SELECT id, code FROM dossiers") if r["id"] not in seen]
            if before > matched
            else []
        )
        for r in extra:
            report.removed += 1
            _note(report, r["code"], "(toàn bộ hồ sơ)", "có", None)
            if write:
                ctx.store.db.execute("DELETE FROM dossiers WHERE id = ?", [r["id"]])
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
    prefix = f"{ctx.station.unit_code}-"
    best: dict[str, int] = {}
    for row in ctx.store.db.execute(
        "SELECT code, received_at FROM dossiers WHERE station_id = ? AND code >= ? AND code < ?",
        [station, prefix, prefix + "\uffff"],
    ):
        seq = str(row[0]).rsplit("-", 1)[-1]
        if not seq.startswith(str(station)):
            continue
        day = str(row[1])[:10]
        best[day] = max(best.get(day, 0), int(seq[1:]))
    for day, last in best.items():
        ctx.store.db.execute(
            "INSERT INTO code_counters(day, station, last) VALUES (?, ?, ?) "
            "ON CONFLICT(day, station) DO UPDATE SET last = max(last, excluded.last)",
            [day, station, last],
        )
