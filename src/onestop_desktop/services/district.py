"""District mode (#12 items 5-6): the district database's view of all its communes, and the
catalogue/calendar updates it signs for its stations.

* :func:`refresh` folds the events imported from every station (``sync_events``, written by
  ``services/sync.py``) into the ordinary ``dossiers`` projection with the same pure fold a
  station uses (``domain/projection.py``), so the worklist, search and Biểu 06 read one table.
  Each touched dossier is refolded from all its held events, in the order a station's rebuild
  uses, so a dossier worked at two counters of a commune comes out as at the commune.
* :func:`import_station_bundle`: the import and the fold in one transaction.
* :func:`report06_for` / :func:`report06_units` / :func:`ontime_table`: Biểu 06 per commune
  (the same service and counting rules a station runs for itself) and in total.
* :func:`publish` (district) and :func:`import_downward` (station; the hook
  ``services/sync.py`` calls for kinds it does not handle).
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from onestop_desktop.domain import clock
from onestop_desktop.domain.calendar import DAY_KINDS
from onestop_desktop.domain.events import Event
from onestop_desktop.domain.payloads import Creation
from onestop_desktop.domain.projection import Row, apply, parse_event
from onestop_desktop.domain.text import nfc
from onestop_desktop.errors import Conflict, Msg, NotFound, ValidationError
from onestop_desktop.services import catalog as catalog_service
from onestop_desktop.services import reports, sync
from onestop_desktop.services.calendar import ensure_seeded
from onestop_desktop.services.catalog_files import read_catalog
from onestop_desktop.services.context import Session, Station
from onestop_desktop.store import calendar as calendar_rows
from onestop_desktop.store import catalog as catalog_rows
from onestop_desktop.store import district as rows
from onestop_desktop.store import dossiers as dossier_rows
from onestop_desktop.store import sync as sync_rows
from onestop_desktop.sync import bundle as fmt
from onestop_desktop.sync import downward
from onestop_desktop.sync.bundle import BundleError

CATALOG_PART = "catalog"
CALENDAR_PART = "calendar.json"
PUBLISHED = "downward_published_{kind}"
APPLIED = "downward_applied_{kind}"
DISTRICT_VERSIONS = "downward_catalog_versions"
"""JSON ``{code: version}``: the version of each procedure a district bundle wrote here."""


def is_district(ctx: Session) -> bool:
    return sync.own_role(ctx.store) == "district"


def require_district(ctx: Session) -> None:
    if not is_district(ctx):
        raise ValidationError(
            "Lệnh này chỉ dùng ở cơ sở dữ liệu cấp huyện (onestop init --district)",
            field="district",
        )


# ------------------------------------------------------------------------------ projection


@dataclass(frozen=True)
class FoldResult:
    dossiers: int
    chains: int


def fold_events(events: Iterable[Event]) -> Row | None:
    """The district's row of one dossier from all its held events, in the order given
    (:func:`onestop_desktop.store.district.dossier_events`'s); ``None`` while the event that
    creates it is not held yet. Shared by the fold and by ``onestop rebuild`` at a district."""
    row: Row | None = None
    for event in events:
        if row is None:
            first = parse_event(event)
            if not isinstance(first, Creation):
                # Worked at another counter of the commune whose bundle has not come yet: the
                # dossier is folded when the chain holding its creation is imported.
                return None
            row = apply(None, event, first)  # read once
            continue
        row = apply(row, event)
    return row


def fold_order(events: list[Event]) -> list[Event]:
    """``events`` in the order a station's own rebuild folds them (``at``, station, seq)."""
    return sorted(events, key=lambda e: (e.at, e.station_id, e.seq))


def fold_dossier(ctx: Session, unit_code: str, dossier_id: str) -> Row | None:
    """Refold one dossier from all its held events and store the row."""
    row = fold_events(rows.dossier_events(ctx.store, unit_code, dossier_id))
    if row is None:
        return None
    if dossier_rows.get(ctx.store, dossier_id) is None:
        dossier_rows.insert(ctx.store, row)
    else:
        dossier_rows.update(ctx.store, row)
    return row


def refresh(ctx: Session, *, full: bool = False) -> FoldResult:
    """Fold what was imported since the last fold (``full``: every imported dossier again).

    Idempotent: nothing new, nothing written. Call inside or outside a transaction."""
    require_district(ctx)
    store = ctx.store
    with store.atomic():
        marks = {} if full else rows.folded(store)
        heads = rows.heads(store)
        touched: set[tuple[str, str]] = set()
        chains = 0
        if full:
            touched = set(rows.iter_dossier_ids(store))
            chains = len(heads)
        else:
            for (unit, station), head in heads.items():
                done = marks.get((unit, station), 0)
                if head > done:
                    chains += 1
                    touched.update(
                        (unit, d) for d in rows.dossiers_after(store, unit, station, done)
                    )
        _fold_many(ctx, sorted(touched))
        if chains or full:
            rows.set_folded(store, heads)
    return FoldResult(len(touched), chains)


FOLD_CHUNK = 500
"""Dossiers read per query by :func:`_fold_many` (SQLite's default limit is 32,766 parameters)."""


def _fold_many(ctx: Session, touched: list[tuple[str, str]]) -> None:
    """:func:`fold_dossier` of every ``(unit, dossier)`` in ``touched``, in that order, reading
    their events and whether each row exists a chunk at a time."""
    store = ctx.store
    start = 0
    while start < len(touched):
        unit = touched[start][0]
        end = start
        while end < len(touched) and end - start < FOLD_CHUNK and touched[end][0] == unit:
            end += 1
        ids = [d for _, d in touched[start:end]]
        events = rows.events_of_dossiers(store, unit, ids)
        held = rows.projected_ids(store, ids)
        for dossier_id in ids:
            row = fold_events(events.get(dossier_id, []))
            if row is None:
                continue
            if dossier_id in held:
                dossier_rows.update(store, row)
            else:
                dossier_rows.insert(store, row)
        start = end


@dataclass(frozen=True)
class DistrictImport:
    result: sync.ImportResult
    fold: FoldResult
    ack: Path | None


def import_station_bundle(
    ctx: Session, path: Path, *, ack_to: Path | None = None, progress: fmt.Progress | None = None
) -> DistrictImport:
    """Import a station's bundle and fold it in one transaction; the acknowledgement is
    written only after both are committed (it must never claim more than is held).

    The same path as ``onestop bundle import`` and the GUI (:func:`sync.import_bundle` folds at
    a district); this one only insists that the database is a district's."""
    require_district(ctx)
    result = sync.import_bundle(ctx, path, ack_to=ack_to, progress=progress)
    assert result.fold is not None  # a district's import always folds
    return DistrictImport(result, result.fold, result.ack)


# ------------------------------------------------------------------------- communes, reports


@dataclass(frozen=True)
class UnitInfo:
    """A commune known to the district: its registered stations and what is held of it."""

    unit_code: str
    unit_name: str
    stations: list[rows.StationRow] = field(default_factory=list)
    dossiers: int = 0


def units(ctx: Session) -> list[UnitInfo]:
    """Every registered commune with its stations (``onestop district list``)."""
    ctx.require("sync.manage")
    require_district(ctx)
    counts = rows.dossier_counts(ctx.store)
    by_unit: dict[str, UnitInfo] = {}
    for st in rows.stations(ctx.store):
        info = by_unit.setdefault(
            st.unit_code, UnitInfo(st.unit_code, st.unit_name, [], counts.get(st.unit_code, 0))
        )
        info.stations.append(st)
    return list(by_unit.values())


def unit_station(ctx: Session, unit_code: str) -> Station:
    """The identity a commune's Biểu 06 is titled with (its name from its key card)."""
    names = rows.unit_names(ctx.store)
    if unit_code not in names and not rows.has_unit(ctx.store, unit_code):
        raise NotFound("Cấp huyện chưa đăng ký máy trạm nào của đơn vị {unit}", unit=unit_code)
    return Station(unit_code=unit_code, unit_name=names.get(unit_code, unit_code), station_id=0)


def report06_for(
    ctx: Session, start: date, end: date, unit_code: str | None
) -> reports.Report06Data:
    """Biểu 06 of one commune (``unit_code``) or of the whole district (``None``)."""
    require_district(ctx)
    if unit_code is None:
        return reports.report06(ctx, start, end)
    return reports.report06(ctx, start, end, unit=unit_station(ctx, unit_code))


def report06_units(ctx: Session, start: date, end: date) -> list[reports.Report06Data]:
    """Biểu 06 of every commune, in unit-code order (one pass over the dossiers); a
    registered commune with nothing to count in the period gets its empty report."""
    require_district(ctx)
    names = rows.unit_names(ctx.store)
    found = reports.report06_by_unit(ctx, start, end, lambda c: _bare(names, c))
    held = {d.station.unit_code for d in found}
    found += [
        reports.report06(ctx, start, end, unit=_bare(names, c)) for c in names if c not in held
    ]
    return sorted(found, key=lambda d: d.station.unit_code)


def _bare(names: dict[str, str], code: str) -> Station:
    return Station(unit_code=code, unit_name=names.get(code, code), station_id=0)


@dataclass(frozen=True)
class OnTimeRow:
    """One line of the on-time table: a commune's announced figures for the period."""

    unit_code: str
    unit_name: str
    received: int
    returned_on_time: int
    returned_late: int
    in_progress: int
    refused: int
    on_time_rate: Decimal | None


def ontime_table(ctx: Session, start: date, end: date) -> tuple[list[OnTimeRow], OnTimeRow]:
    """The on-time table per commune and the district's total line."""
    ctx.require("reports.view")
    lines = [_ontime_row(data) for data in report06_units(ctx, start, end)]
    total = _ontime_row(reports.report06(ctx, start, end))
    return lines, OnTimeRow("", "Toàn huyện", *_figures(total))


def _ontime_row(data: reports.Report06Data) -> OnTimeRow:
    return OnTimeRow(data.station.unit_code, data.station.unit_name, *_figures_of(data))


def _figures_of(
    data: reports.Report06Data,
) -> tuple[int, int, int, int, int, Decimal | None]:
    a = data.report.announced
    return (
        a.received,
        a.returned_on_time,
        a.returned_late,
        a.in_progress,
        a.refused,
        a.on_time_rate,
    )


def _figures(row: OnTimeRow) -> tuple[int, int, int, int, int, Decimal | None]:
    return (
        row.received,
        row.returned_on_time,
        row.returned_late,
        row.in_progress,
        row.refused,
        row.on_time_rate,
    )


# ------------------------------------------------------------------------- downward bundles


@dataclass(frozen=True)
class Published:
    path: Path
    sequence: int
    items: int


def publish(ctx: Session, kind: str, source: Path, to_dir: Path) -> Published:
    """Sign ``source`` (a catalogue file, or a calendar CSV/JSON) as a downward bundle in
    ``to_dir``. The file is checked here first: a district never sends what a station would
    refuse."""
    ctx.require("sync.manage")
    require_district(ctx)
    if kind == "catalog":
        parsed = read_catalog(source)
        if parsed.errors:
            first = parsed.errors[0]
            raise ValidationError(
                "Tệp danh mục «{file}» có lỗi, chưa ký gói: dòng {line}, cột {column}: {reason}",
                file=source.name,
                line=first.line,
                column=first.column,
                reason=first.reason,
            )
        parts = {CATALOG_PART + source.suffix.lower(): source.read_bytes()}
        items = len(parsed.procedures)
    elif kind == "calendar":
        days = read_calendar_file(source)
        parts = {CALENDAR_PART: json.dumps({"days": days}, ensure_ascii=False).encode()}
        items = len(days)
    else:
        raise ValidationError("Loại gói «{kind}» không có", kind=kind, field="kind")
    key = fmt.load_private_key(sync.signing_key_path(ctx.store))
    with ctx.store.atomic():
        sequence = int(ctx.store.setting(PUBLISHED.format(kind=kind), "0") or 0) + 1
        ctx.store.set_setting(PUBLISHED.format(kind=kind), str(sequence))
        data = downward.build(
            key,
            kind=kind,
            unit_code=ctx.station.unit_code,
            unit_name=ctx.station.unit_name,
            sequence=sequence,
            created_at=clock.iso(ctx.now()),
            source_name=source.name,
            parts=parts,
        )
        label = "danhmuc" if kind == "catalog" else "lich"
        name = f"huyen-{ctx.station.unit_code}-{label}-{sequence}.zip"
        path = to_dir / name
        downward.write(path, data)
    return Published(path, sequence, items)


def read_calendar_file(path: Path) -> list[dict[str, str]]:
    """Days of a calendar file: JSON ``[{"day", "kind", "note"}]`` or CSV ``day,kind,note``
    (day as dd/mm/yyyy or yyyy-mm-dd; kind ``day_off``/``workday``)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError("Không đọc được tệp lịch {file}", file=path.name) from exc
    raw: list[dict[str, str]] = []
    if path.suffix.lower() == ".json":
        try:
            loaded = json.loads(text)
            raw = [{k: str(v) for k, v in d.items()} for d in loaded]
        except (ValueError, AttributeError, TypeError) as exc:
            raise ValidationError("Tệp lịch {file} không đúng dạng JSON", file=path.name) from exc
    else:
        import csv

        raw = [
            {k.strip(): (v or "") for k, v in r.items() if k}
            for r in csv.DictReader(text.splitlines())
        ]
    days: list[dict[str, str]] = []
    for n, item in enumerate(raw, start=2):
        day_text = item.get("day", "").strip()
        try:
            day = (
                date.fromisoformat(day_text)
                if "-" in day_text
                else date(*reversed([int(x) for x in day_text.split("/")]))
            )
        except (ValueError, TypeError) as exc:
            raise ValidationError(
                "Tệp lịch {file}, dòng {line}: ngày «{day}» không hợp lệ",
                file=path.name,
                line=n,
                day=day_text,
            ) from exc
        kind = item.get("kind", "").strip()
        if kind not in DAY_KINDS:
            raise ValidationError(
                "Tệp lịch {file}, dòng {line}: loại ngày «{kind}» không hợp lệ (day_off hoặc "
                "workday)",
                file=path.name,
                line=n,
                kind=kind,
            )
        days.append({"day": day.isoformat(), "kind": kind, "note": nfc(item.get("note", ""))})
    return days


def verify_downward(ctx: Session, path: Path) -> downward.Downward:
    """Check a downward bundle completely: format, hashes, signature, and that the key is the
    district key this station registered (``onestop bundle trust-district``)."""
    bundle = downward.read(path)
    key = sync_rows.key_by_public(ctx.store, bundle.public_key)
    old = sync_rows.retired_key(ctx.store, bundle.public_key) if key is None else None
    if old is not None:
        raise BundleError(
            path.name,
            Msg(
                "được ký bằng khóa cũ của cấp huyện (dấu vân tay {fingerprint}), đã được thay "
                "lúc {when}; xin cấp huyện ký lại gói bằng khóa mới",
                fingerprint=old.fingerprint,
                when=clock.fmt_datetime(clock.parse_iso(old.retired_at)),
            ),
        )
    if key is None or key.role != "district":
        raise BundleError(
            path.name,
            Msg(
                "được ký bằng khóa chưa đăng ký là khóa cấp huyện (dấu vân tay {fingerprint}); "
                "đăng ký bằng «onestop bundle trust-district»",
                fingerprint=bundle.fingerprint,
            ),
        )
    if key.unit_code != bundle.unit_code:
        raise BundleError(path.name, Msg("đơn vị ghi trong gói không khớp khóa đã đăng ký"))
    return bundle


@dataclass(frozen=True)
class Applied:
    kind: str
    sequence: int
    applied: list[str]
    kept: list[str]
    unchanged: int

    def text(self) -> str:
        what = "danh mục thủ tục" if self.kind == "catalog" else "lịch ngày nghỉ/làm bù"
        line = (
            f"Đã áp dụng gói {what} số {self.sequence} của cấp huyện: {len(self.applied)} mục "
            f"cập nhật, {self.unchanged} không đổi, {len(self.kept)} giữ bản sửa của máy trạm"
        )
        if self.kept:
            line += " (" + ", ".join(self.kept[:20]) + ")"
        return line + "."


def import_downward(ctx: Session, path: Path) -> str:
    """``onestop bundle import`` of a catalogue or calendar bundle at a station; a message."""
    return apply_downward(ctx, path).text()


def apply_downward(ctx: Session, path: Path) -> Applied:
    """Verify then apply a downward bundle in one transaction (rule: docs/bundle-format.md,
    "Downward bundles": the station's own edits win; versions are kept)."""
    ctx.require("sync.manage")
    if is_district(ctx):
        raise ValidationError(
            "Gói {file} là gói cấp huyện gửi xuống máy trạm; không nhập ở cấp huyện",
            file=path.name,
        )
    bundle = verify_downward(ctx, path)
    setting = APPLIED.format(kind=bundle.kind)
    done = int(ctx.store.setting(setting, "0") or 0)
    if bundle.sequence <= done:
        raise Conflict(
            "Gói {file} (số {sequence}) cũ hơn hoặc bằng gói cấp huyện đã áp dụng (số {done}); "
            "không áp dụng lại",
            file=path.name,
            sequence=bundle.sequence,
            done=done,
        )
    with ctx.store.atomic():
        if bundle.kind == "catalog":
            result = _apply_catalog(ctx, bundle)
        else:
            result = _apply_calendar(ctx, bundle)
        ctx.store.set_setting(setting, str(bundle.sequence))
    return result


def _apply_catalog(ctx: Session, bundle: downward.Downward) -> Applied:
    ctx.require("catalog.manage")
    ((name, data),) = bundle.parts.items()
    with tempfile.TemporaryDirectory() as tmp:
        part = Path(tmp) / name
        part.write_bytes(data)
        parsed = read_catalog(part)
    if parsed.errors:
        raise BundleError(bundle.source_name, Msg("danh mục trong gói có lỗi"))
    ours = {k: int(v) for k, v in json.loads(ctx.store.setting(DISTRICT_VERSIONS) or "{}").items()}
    take = []
    kept: list[str] = []
    for proc in parsed.procedures:
        newest = catalog_rows.newest(ctx.store, proc.code)
        if newest is not None and proc.code in ours and newest.version > ours[proc.code]:
            kept.append(proc.code)  # edited at this station since the district's last version
            continue
        take.append(proc)
    report = catalog_service.save(
        ctx, take, source=f"cấp huyện {bundle.unit_code}, gói số {bundle.sequence}"
    )
    for proc in take:
        newest = catalog_rows.newest(ctx.store, proc.code)
        if newest is not None:
            ours[proc.code] = newest.version
    ctx.store.set_setting(DISTRICT_VERSIONS, json.dumps(ours, sort_keys=True))
    return Applied(
        "catalog", bundle.sequence, report.added + report.updated, kept, len(report.unchanged)
    )


def _apply_calendar(ctx: Session, bundle: downward.Downward) -> Applied:
    ctx.require("calendar.manage")
    try:
        days = json.loads(bundle.parts[CALENDAR_PART].decode("utf-8"))["days"]
    except (KeyError, ValueError, UnicodeDecodeError) as exc:
        raise BundleError(bundle.source_name, Msg("lịch trong gói không đúng dạng")) from exc
    years = sorted({int(d["day"][:4]) for d in days})
    ensure_seeded(ctx.store, years)
    held = (
        {
            r.day: r
            for r in calendar_rows.days(
                ctx.store, f"{years[0]:04d}-01-01", f"{years[-1] + 1:04d}-01-01"
            )
        }
        if years
        else {}
    )
    applied: list[str] = []
    kept: list[str] = []
    unchanged = 0
    for d in days:
        day, kind, note = str(d["day"]), str(d["kind"]), str(d.get("note", ""))
        if kind not in DAY_KINDS:
            raise BundleError(bundle.source_name, Msg("lịch trong gói không đúng dạng"))
        mine = held.get(day)
        if mine is not None and mine.source == "manual":
            kept.append(clock.fmt_date(date.fromisoformat(day)))
            continue
        if mine is not None and (mine.kind, mine.note) == (kind, note):
            unchanged += 1
            continue
        calendar_rows.apply_official(ctx.store, day, kind, note)
        applied.append(day)
    return Applied("calendar", bundle.sequence, applied, kept, unchanged)
