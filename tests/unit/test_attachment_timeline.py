"""Scanned pages in the dossier's history (#11, wave 3): attachment events carry the dossier's
id, show in its timeline in words (old ones without the id too), and never change its row: the
projection, rebuild, verify, the event log and the district fold are unchanged by them."""

from __future__ import annotations

from pathlib import Path

import pytest

from onestop_desktop.domain import clock
from onestop_desktop.domain import payloads as pl
from onestop_desktop.domain import projection as proj
from onestop_desktop.errors import Conflict
from onestop_desktop.services import attachments as att
from onestop_desktop.services import audit, district, dossiers, integrity, sync
from onestop_desktop.services.context import Session
from onestop_desktop.services.dossiers import Intake
from onestop_desktop.store import dossiers as dossier_rows
from onestop_desktop.store import events
from tests.helpers import scans

from .conftest import FakeClock
from .test_district import make_district
from .test_dossiers import LAN


@pytest.fixture
def code(ctx: Session) -> str:
    return dossiers.receive(ctx, Intake("1.004873", LAN)).code


def _row(ctx: Session, code: str) -> dict[str, object]:
    row = dossier_rows.get_by_code(ctx.store, code)
    assert row is not None
    return row


def _scan_everything(ctx: Session, code: str, tmp: Path, fake_clock: FakeClock) -> list[str]:
    """Add a 3-page TIFF on checklist line 1 and a JPEG, turn, reorder, remove: hashes."""
    fake_clock.set("2026-03-02T09:00:00")
    first = att.attach(ctx, code, [scans.tiff(tmp / "giay-chung-sinh.tif", 3)], document=1)
    fake_clock.set("2026-03-02T09:05:00")
    both = att.attach(ctx, code, [scans.jpeg(tmp / "cmnd.jpg")])
    fake_clock.set("2026-03-02T09:10:00")
    att.rotate(ctx, code, first[0].sha256, 90, page=2)
    fake_clock.set("2026-03-02T09:15:00")
    att.reorder(ctx, code, [both[1].sha256, both[0].sha256])
    fake_clock.set("2026-03-02T09:20:00")
    att.remove(ctx, code, both[1].sha256)
    return [a.sha256 for a in both]


def test_new_attachment_events_carry_the_dossier_and_leave_its_row_alone(
    ctx: Session, code: str, tmp_path: Path, fake_clock: FakeClock
) -> None:
    before = _row(ctx, code)
    _scan_everything(ctx, code, tmp_path, fake_clock)
    dossier_id = str(before["id"])
    kinds = [e.kind for e in events.for_dossier(ctx.store, dossier_id)]
    assert kinds == [
        "received",
        "attachment.added",
        "attachment.added",
        "attachment.rotated",
        "attachment.reordered",
        "attachment.removed",
    ]
    assert _row(ctx, code) == before  # status, counters, updated_at, last_seq: untouched
    # the fold of every event of the dossier gives the stored row again
    state: proj.Row | None = None
    for ev in events.for_dossier(ctx.store, dossier_id):
        state = proj.apply(state, ev)
    assert state is not None
    assert {c: state[c] for c in proj.PROJECTED_COLUMNS} == {
        c: before[c] for c in proj.PROJECTED_COLUMNS
    }
    assert integrity.rebuild(ctx, write=False).clean
    report = integrity.verify(ctx)
    assert report.broken is None and not report.projection_problems
    # the attachments list reads them as before
    assert [a.name for a in att.list_for(ctx, code)] == ["giay-chung-sinh.tif"]


def test_a_note_on_a_dossier_not_yet_created_is_refused_by_the_fold() -> None:
    from onestop_desktop.domain.events import Event

    ev = Event(
        1,
        5,
        "d-1",
        "attachment.removed",
        "user:an",
        "2026-03-02T09:00:00+07:00",
        {"dossier": "d-1", "code": "X", "sha256": "ab" * 32},
    )
    with pytest.raises(Conflict, match="chưa được tạo"):
        proj.apply(None, ev)


def test_timeline_tells_each_scan_in_words_with_who_and_when(
    ctx: Session, code: str, tmp_path: Path, fake_clock: FakeClock
) -> None:
    _scan_everything(ctx, code, tmp_path, fake_clock)
    doc1 = dossiers.detail(ctx, code).documents[0].name
    lines = dossiers.timeline(ctx, code)
    scans_only = [e for e in lines if e.kind.startswith("attachment.")]
    assert [(e.action, e.details) for e in scans_only] == [
        (f"Thêm 3 trang quét: {doc1}", "tệp giay-chung-sinh.tif"),
        ("Thêm 1 trang quét", "tệp cmnd.jpg"),
        ("Xoay trang 2 sang 90°", "tệp giay-chung-sinh.tif"),
        ("Sắp xếp lại các trang quét", "2 tệp theo thứ tự mới"),
        ("Xóa 1 trang quét", "tệp cmnd.jpg"),
    ]
    assert [e.at.strftime("%H:%M") for e in scans_only] == [
        "09:00",
        "09:05",
        "09:10",
        "09:15",
        "09:20",
    ]
    assert {e.actor for e in scans_only} == {ctx.actor.tag}
    assert all(e.status == lines[0].status for e in scans_only)  # a scan changes no status
    # the JSON the CLI prints carries them too
    assert scans_only[0].to_json()["action"] == f"Thêm 3 trang quét: {doc1}"


def test_timeline_shows_old_attachment_events_without_a_dossier_id(
    ctx: Session, code: str, tmp_path: Path, fake_clock: FakeClock
) -> None:
    """Events written before wave 3 named the dossier only in the payload; events are never
    rewritten, so the timeline reads them through the payload index, in time order."""
    row = _row(ctx, code)
    page = scans.png(tmp_path / "don.png")
    stored = att.content_store(ctx).put(page)
    fake_clock.set("2026-03-02T10:00:00")
    with ctx.store.atomic():
        events.append(
            ctx.store,
            station_id=1,
            dossier_id=None,  # the old way
            kind="attachment.added",
            actor=ctx.actor.tag,
            at=clock.iso(ctx.now()),
            payload=pl.AttachmentAdded(
                dossier=str(row["id"]),
                code=code,
                sha256=stored.sha256,
                size=stored.size,
                media_type="image/png",
                pages=1,
                name="don.png",
            ).to_dict(),
        )
    fake_clock.set("2026-03-02T11:00:00")
    att.rotate(ctx, code, stored.sha256, 180)  # a new one, with the id
    lines = dossiers.timeline(ctx, code)
    assert [e.kind for e in lines] == ["received", "attachment.added", "attachment.rotated"]
    assert (lines[1].action, lines[1].details) == ("Thêm 1 trang quét", "tệp don.png")
    assert (lines[2].action, lines[2].details) == ("Xoay mọi trang sang 180°", "tệp don.png")
    assert integrity.rebuild(ctx, write=False).clean


def test_event_log_tells_scans_in_words(
    ctx: Session, code: str, tmp_path: Path, fake_clock: FakeClock
) -> None:
    _scan_everything(ctx, code, tmp_path, fake_clock)
    page = audit.search_log(ctx, audit.LogQuery(dossier=code))
    scans_only = [e for e in page.entries if e.kind.startswith("attachment.")]
    assert len(scans_only) == 5  # found by the dossier, now that they carry it
    removed = next(e for e in scans_only if e.kind == "attachment.removed")
    assert removed.dossier_code == code
    assert removed.details == "Xóa 1 trang quét; tệp cmnd.jpg"


def test_district_fold_ignores_scans_for_the_row(
    ctx: Session, code: str, tmp_path: Path, fake_clock: FakeClock
) -> None:
    _scan_everything(ctx, code, tmp_path, fake_clock)
    here = _row(ctx, code)
    dist = make_district(tmp_path, fake_clock)
    try:
        stick = tmp_path / "usb"
        stick.mkdir()
        card = sync.export_key(ctx, stick)
        sync.register_key(dist, stick / f"khoa-{card.unit_code}-may{card.station}.json")
        out = sync.export_bundle(ctx, stick, scans=True)
        district.import_station_bundle(dist, out.path)
        there = dossier_rows.get_by_code(dist.store, code)
        assert there is not None
        assert {c: there[c] for c in proj.PROJECTED_COLUMNS} == {
            c: here[c] for c in proj.PROJECTED_COLUMNS
        }
        assert district.refresh(dist, full=True).dossiers == 1
    finally:
        dist.store.close()


def test_detail_lists_the_current_pages_old_events_included(
    ctx: Session, code: str, tmp_path: Path, fake_clock: FakeClock
) -> None:
    row = _row(ctx, code)
    hashes = _scan_everything(ctx, code, tmp_path, fake_clock)
    old = att.content_store(ctx).put(scans.pdf(tmp_path / "to-khai.pdf", 2))
    fake_clock.set("2026-03-02T10:00:00")
    with ctx.store.atomic():
        events.append(
            ctx.store,
            station_id=1,
            dossier_id=None,
            kind="attachment.added",
            actor="operator:root",
            at=clock.iso(ctx.now()),
            payload=pl.AttachmentAdded(
                dossier=str(row["id"]),
                code=code,
                sha256=old.sha256,
                size=old.size,
                media_type="application/pdf",
                pages=2,
                name="to-khai.pdf",
                document=1,
            ).to_dict(),
        )
    d = dossiers.detail(ctx, code)
    doc1 = d.documents[0].name
    got = [(a.name, a.kind, a.pages, a.document, a.document_name) for a in d.attachments]
    assert got == [
        ("giay-chung-sinh.tif", "TIFF", 3, 1, doc1),
        ("to-khai.pdf", "PDF", 2, 1, doc1),
    ]
    assert d.attachments[0].sha256 == hashes[0]
    assert d.attachments[0].added_by == ctx.actor.tag
    assert d.attachments[1].added_at == clock.parse_iso("2026-03-02T10:00:00+07:00")
    data = d.to_json()["attachments"]
    assert data[1] == {
        "sha256": old.sha256,
        "name": "to-khai.pdf",
        "media_type": "application/pdf",
        "kind": "PDF",
        "pages": 2,
        "size": old.size,
        "document": 1,
        "document_name": doc1,
        "added_at": "2026-03-02T10:00:00+07:00",
        "added_by": "operator:root",
    }
    other = dossiers.receive(ctx, Intake("1.004873", LAN, acknowledge_duplicates=True)).code
    assert dossiers.detail(ctx, other).attachments == ()


def test_the_sweeps_and_backups_reads_walk_the_attachment_index_not_the_log(
    ctx: Session, code: str, tmp_path: Path, fake_clock: FakeClock
) -> None:
    """At 1,000,000 dossiers a scan of ``events`` takes seconds at start-up: the queries the
    sweep and the backup really run (caught with SQLite's trace) use ``events_attachment_sha``."""
    from onestop_desktop.store import attachments as rows

    _scan_everything(ctx, code, tmp_path, fake_clock)
    conn = ctx.store.db.conn
    for read in (rows.named_files, lambda s: rows.named_sizes(s.db.conn)):
        ran: list[str] = []
        conn.set_trace_callback(ran.append)
        try:
            got = read(ctx.store)
        finally:
            conn.set_trace_callback(None)
        assert len(got) == 2
        (sql,) = [q for q in ran if "attachment.added" in q]
        plan = " ".join(str(r[-1]) for r in conn.execute("EXPLAIN QUERY PLAN " + sql))
        assert "USING INDEX events_attachment_sha" in plan, plan
    assert set(rows.named_files(ctx.store).values()) == {code}
