"""``onestop verify`` and ``onestop rebuild``: the event log checked, the projection re-derived.

``verify`` walks the hash chain, checks it against every chain-head anchor kept outside the
database (``services.anchors``), re-folds the dossiers the newest events touched, and compares the
rule tables with the admin events (``services.table_check``): see ``docs/security.md``.

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
from onestop_desktop.errors import Msg, OneStopError, StorageError
from onestop_desktop.services import anchors
from onestop_desktop.services.anchors import Anchor, ChainHead
from onestop_desktop.services.context import Session
from onestop_desktop.services.table_check import check_tables
from onestop_desktop.store import anchors as anchor_rows
from onestop_desktop.store import counters, dossiers, events
from onestop_desktop.store.db import Store


@dataclass
class VerifyReport:
    """What ``verify`` found: the chain walk, and (beside it) the anchors and rule tables.

    ``anchor_problems``, ``table_problems`` and ``projection_problems`` are one :class:`Msg`
    each, so a face can list them one per line in the clerk's language."""

    checked: int
    broken: ChainBreak | None
    anchors_checked: int = 0
    anchor_problems: list[Msg] = field(default_factory=list)
    table_problems: list[Msg] = field(default_factory=list)
    projection_problems: list[Msg] = field(default_factory=list)
    heads: list[ChainHead] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.broken is None and not self.problems

    @property
    def problems(self) -> list[Msg]:
        """Every finding beside a chain break, anchors first."""
        return self.anchor_problems + self.projection_problems + self.table_problems

    def text(self) -> str:
        lines: list[str] = []
        if self.broken is None:
            lines.append(f"Chuỗi sự kiện toàn vẹn: đã kiểm tra {fmt_int(self.checked)} sự kiện.")
        else:
            b = self.broken
            lines.append(
                f"Chuỗi sự kiện bị đứt tại máy trạm {b.station_id}, sự kiện số {b.seq}: {b.reason}"
            )
        lines.append(
            f"Đối chiếu {fmt_int(self.anchors_checked)} mốc ngoài cơ sở dữ liệu: "
            + ("khớp." if not self.anchor_problems else f"{len(self.anchor_problems)} sai lệch.")
        )
        for head in self.heads:
            lines.append(f"Đầu chuỗi hiện tại: {head.label()} (mốc: {head.token})")
        if not self.table_problems and not self.projection_problems:
            lines.append("Bảng tài khoản, cài đặt, danh mục, lịch làm việc khớp với sự kiện.")
        for problem in self.problems:
            lines.append(f"  - {problem}")
        return "\n".join(lines)


TAIL_EVENTS = 2000
"""``verify`` folds again every dossier the newest 2,000 events of each station touched: a forged
event appended with a correct hash must also be folded into its dossier's row to have any
effect (``rebuild --dry-run`` does the whole projection)."""


def verify(ctx: Session, *, extra_anchors: list[Anchor] | None = None) -> VerifyReport:
    """Walk every station's hash chain (name the first broken link), check it against every
    anchor kept outside the database, the projection's tail against the chain, and the rule
    tables against the admin events."""
    ctx.require("sync.manage")
    checked, broken = events.verify(ctx.store)
    count, anchor_problems = anchors.check(ctx.store, extra_anchors)
    report = VerifyReport(checked, broken, anchors_checked=count)
    report.anchor_problems = [p.message for p in anchor_problems]
    if ctx.store.setting("station_kind") == "district":
        report.projection_problems = _district_tail(ctx)
    else:
        report.projection_problems = _projection_tail(ctx.store)
    report.table_problems = [p.message for p in check_tables(ctx.store)]
    report.heads = anchors.chain_heads_of(ctx.store)
    return report


def _unfoldable(dossier_id: str, exc: OneStopError) -> Msg:
    """A tail dossier whose events do not fold (at a station or a district)."""
    return Msg(
        "hồ sơ {id}: các sự kiện của nó không dựng lại được hồ sơ ({reason}): sự "
        "kiện được ghi thêm hoặc bị sửa",
        id=dossier_id,
        reason=exc.as_msg(),
    )


def _mismatch(store: Store, dossier_id: str, state: proj.Row) -> Msg | None:
    """The stored row of a tail dossier against what its events fold to: the one comparison
    the station's and the district's tail checks share."""
    stored = dossiers.get(store, dossier_id)
    diffs = (
        ["(toàn bộ hồ sơ)"]
        if stored is None
        else [c for c in _COMPARED if _norm(stored.get(c)) != _norm(state.get(c))]
    )
    if not diffs:
        return None
    return Msg(
        "hồ sơ {code} không khớp các sự kiện của nó (cột {columns}): sự kiện "
        "được ghi thêm hoặc hồ sơ bị sửa trực tiếp",
        code=str(state.get("code")),
        columns=", ".join(diffs[:5]),
    )


def _projection_tail(store: Store) -> list[Msg]:
    """The projection may not be ahead of the chain (events cut off its end), and the dossiers
    the newest events touched must be what their events fold to."""
    out: list[Msg] = []
    heads = {h.station: h.seq for h in anchors.chain_heads_of(store)}
    for station, top in anchor_rows.projection_tops(store):
        if top > heads.get(station, 0):
            out.append(
                Msg(
                    "bảng hồ sơ đã ghi nhận đến sự kiện số {seq} của máy trạm {station}, nhưng "
                    "chuỗi chỉ còn {count} sự kiện: sự kiện cuối đã bị xóa",
                    seq=fmt_int(top),
                    station=station,
                    count=fmt_int(heads.get(station, 0)),
                )
            )
    for station, head in heads.items():
        after = max(0, head - TAIL_EVENTS)
        for dossier_id, evs in events.by_dossier_touched_after(store, station, after):
            try:
                state: proj.Row | None = None
                for ev in evs:
                    state = proj.apply(state, ev)
            except OneStopError as exc:
                out.append(_unfoldable(dossier_id, exc))
                continue
            if state is None:
                continue
            mismatch = _mismatch(store, dossier_id, state)
            if mismatch is not None:
                out.append(mismatch)
    return out


def _district_tail(ctx: Session) -> list[Msg]:
    """At a district (#12) the projection holds the communes' dossiers, folded from the imported
    chains (``sync_events``), not from this database's own events: every held chain is walked
    again (a link edited in the district's copy), and the dossiers the newest events of each
    chain touched must be what those events fold to (the station's tail check, per chain)."""
    from onestop_desktop.services import district, sync
    from onestop_desktop.store import district as district_rows

    store = ctx.store
    out = [
        Msg(
            "chuỗi sự kiện đã nhập của {unit}, máy trạm {station}: {reason}",
            unit=chain.unit_code,
            station=chain.station,
            reason=why,
        )
        for chain, why in sync.verify_held(ctx)
    ]
    for (unit, station), head in district_rows.heads(store).items():
        for dossier_id in district_rows.dossiers_after(
            store, unit, station, max(0, head - TAIL_EVENTS)
        ):
            try:
                state = district.fold_events(district_rows.dossier_events(store, unit, dossier_id))
            except OneStopError as exc:
                out.append(_unfoldable(dossier_id, exc))
                continue
            if state is None:  # its creation is in a chain not imported yet
                continue
            mismatch = _mismatch(store, dossier_id, state)
            if mismatch is not None:
                out.append(mismatch)
    return out


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
            _reconcile(ctx, report, dossier_id, state, write)
        if ctx.store.setting("station_kind") == "district":
            _rebuild_district(ctx, report, seen, write)
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


def _reconcile(
    ctx: Session, report: RebuildReport, dossier_id: str, state: proj.Row, write: bool
) -> None:
    """One folded dossier against its stored row, noted in ``report`` and written when
    ``write``: the step a station's and a district's rebuild share."""
    stored = dossiers.get(ctx.store, dossier_id)
    if stored is None:
        report.added += 1
        _note(report, state["code"], "(toàn bộ hồ sơ)", None, "có")
        if write:
            dossiers.insert(ctx.store, state)
        return
    diffs = [c for c in _COMPARED if _norm(stored.get(c)) != _norm(state.get(c))]
    if diffs:
        report.changed += 1
        for c in diffs:
            _note(report, state["code"], c, stored.get(c), state.get(c))
        if write:
            dossiers.update(ctx.store, state)


def _rebuild_district(ctx: Session, report: RebuildReport, seen: set[str], write: bool) -> None:
    """At a district (#12): the communes' dossiers are folded from the imported events
    (``sync_events``), with the district's own fold (``services.district.fold_events``), and
    compared like the station's own; the fold watermark is set to what is held, so the
    district is consistent after this one command (no ``district refresh --full`` needed)."""
    from onestop_desktop.services import district
    from onestop_desktop.store import district as district_rows
    from onestop_desktop.store import sync as sync_rows

    for _unit, dossier_id, evs in sync_rows.iter_foreign_by_dossier(ctx.store):
        report.events += len(evs)
        state = district.fold_events(district.fold_order(evs))
        if state is None:  # its creation is in a chain not imported yet: not a dossier yet
            continue
        report.dossiers += 1
        seen.add(dossier_id)
        _reconcile(ctx, report, dossier_id, state, write)
    if write:
        district_rows.set_folded(ctx.store, district_rows.heads(ctx.store))


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
