"""Scanned attachments (#11): content checks of real files, content-addressed storage, the
events and their fold, rotation/reorder/removal, the combined PDF and the start-up sweep."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from PIL import Image

from onestop_desktop import files
from onestop_desktop.errors import NotFound, PermissionDenied, ValidationError
from onestop_desktop.scanning import check
from onestop_desktop.scanning.store import file_sha256
from onestop_desktop.services import attachments as att
from onestop_desktop.services import dossiers, users
from onestop_desktop.services.context import Session
from onestop_desktop.services.dossiers import Intake
from onestop_desktop.store import events
from tests.helpers import scans

from .test_dossiers import LAN


@pytest.fixture
def code(ctx: Session) -> str:
    return dossiers.receive(ctx, Intake("1.004873", LAN)).code


# ------------------------------------------------------------------------- content checks


def test_every_kind_is_recognised_by_content_not_name(tmp_path: Path) -> None:
    made = {
        "a.pdf": (scans.jpeg(tmp_path / "a.pdf"), check.JPEG, 1),  # a JPEG named .pdf
        "b.png": (scans.png(tmp_path / "b.png"), check.PNG, 1),
        "c.tif": (scans.tiff(tmp_path / "c.tif", 4), check.TIFF, 4),
        "d.tif": (scans.g4_tiff(tmp_path / "d.tif", 3), check.TIFF, 3),
        "e.pdf": (scans.pdf(tmp_path / "e.pdf", 5), check.PDF, 5),
    }
    for path, media, pages in made.values():
        got = check.check(path)
        assert (got.media_type, got.pages) == (media, pages), path.name
    with Image.open(tmp_path / "d.tif") as im:
        assert im.info["compression"] == "group4"


@pytest.mark.parametrize(
    ("maker", "reason"),
    [
        (lambda d: d / "empty.jpg", "tệp rỗng"),
        (lambda d: scans.truncated(scans.jpeg(d / "x.jpg"), d / "cut.jpg"), "chưa ghi xong"),
        (lambda d: scans.truncated(scans.png(d / "x.png"), d / "cut.png"), "chưa ghi xong"),
        (lambda d: scans.truncated(scans.tiff(d / "x.tif"), d / "cut.tif", 0.5), "chưa ghi xong"),
        (lambda d: scans.truncated(scans.pdf(d / "x.pdf"), d / "cut.pdf", 0.8), "cắt cụt"),
        (lambda d: scans.encrypted_pdf(d / "locked.pdf"), "mật khẩu"),
        (lambda d: d / "note.txt", "không phải ảnh"),
        (lambda d: d / "junk.jpg", "bị hỏng"),
    ],
)
def test_bad_files_are_refused_naming_file_and_reason(tmp_path: Path, maker, reason: str) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "empty.jpg").write_bytes(b"")
    (tmp_path / "note.txt").write_text("không phải ảnh")
    (tmp_path / "junk.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00garbage" * 50)
    path = maker(tmp_path)
    with pytest.raises(check.BadFile) as err:
        check.check(path)
    assert path.name in str(err.value)
    assert reason in str(err.value)


def test_size_pixel_and_page_limits(tmp_path: Path) -> None:
    big = scans.jpeg(tmp_path / "big.jpg", size=(3000, 3000))
    with pytest.raises(check.BadFile, match="quá lớn"):
        check.check(big, check.Limits(max_bytes=1000))
    with pytest.raises(check.BadFile, match="quá lớn"):
        check.check(big, check.Limits(max_pixels=4_000_000))
    with pytest.raises(check.BadFile, match="tối đa 2 trang"):
        check.check(scans.tiff(tmp_path / "t.tif", 3), check.Limits(max_pages=2))
    assert Image.MAX_IMAGE_PIXELS == check.Image.MAX_IMAGE_PIXELS  # restored after the check
    assert check.check(big).pages == 1


def test_vanished_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(check.BadFile, match="không còn"):
        check.check(tmp_path / "gone.jpg")


# ---------------------------------------------------------------------------- attaching


def test_attach_stores_by_hash_and_records_events(ctx: Session, code: str, tmp_path: Path) -> None:
    src = [scans.jpeg(tmp_path / "cmnd.jpg"), scans.tiff(tmp_path / "so-do.tif", 3)]
    items = att.attach(ctx, code, src, document=1)
    assert [(a.name, a.pages, a.document) for a in items] == [
        ("cmnd.jpg", 1, 1),
        ("so-do.tif", 3, 1),
    ]
    store = att.content_store(ctx)
    for a, path in zip(items, src, strict=True):
        assert a.sha256 == file_sha256(path)
        assert store.path_of(a.sha256).read_bytes() == path.read_bytes()
    kinds = [e.kind for e in events.of_kinds(ctx.store, ["attachment.added"])]
    assert kinds == ["attachment.added"] * 2
    assert att.list_for(ctx, code) == items
    assert events.verify(ctx.store)[1] is None


def test_one_bad_file_refuses_the_batch(ctx: Session, code: str, tmp_path: Path) -> None:
    good = scans.png(tmp_path / "ok.png")
    bad = scans.truncated(scans.jpeg(tmp_path / "x.jpg"), tmp_path / "hong.jpg")
    before = events.head(ctx.store, 1)
    with pytest.raises(check.BadFile, match=r"hong\.jpg"):
        att.attach(ctx, code, [good, bad])
    assert events.head(ctx.store, 1) == before
    assert att.list_for(ctx, code) == []
    assert list(att.content_store(ctx).hashes()) == []


def test_same_file_again_names_the_dossier_that_has_it(
    ctx: Session, code: str, tmp_path: Path
) -> None:
    other = dossiers.receive(ctx, Intake("1.004873", LAN, acknowledge_duplicates=True)).code
    f = scans.png(tmp_path / "giay.png")
    att.attach(ctx, code, [f])
    copy = tmp_path / "ban-sao.png"
    copy.write_bytes(f.read_bytes())
    with pytest.raises(att.DuplicateFile, match=code) as err:
        att.attach(ctx, other, [copy])
    assert err.value.code == code and "ban-sao.png" in str(err.value)
    with pytest.raises(att.DuplicateFile):
        att.attach(ctx, code, [f])
    assert att.list_for(ctx, other) == []
    assert att.holders(ctx, file_sha256(f)) == [code]
    # once removed from the first dossier, it may go on the other
    att.remove(ctx, code, file_sha256(f))
    assert [a.name for a in att.attach(ctx, other, [copy])] == ["ban-sao.png"]


def test_document_line_is_checked(ctx: Session, code: str, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="không có giấy tờ số 99"):
        att.attach(ctx, code, [scans.png(tmp_path / "a.png")], document=99)
    with pytest.raises(NotFound):
        att.attach(ctx, "KHONG-CO", [scans.png(tmp_path / "a.png")])


def test_admin_may_not_attach(ctx: Session, code: str, tmp_path: Path) -> None:
    admin = users.sign_in(ctx.store, "admin", "admin-pass-1")
    with pytest.raises(PermissionDenied):
        att.attach(admin, code, [scans.png(tmp_path / "a.png")])


def test_rotate_reorder_remove_are_events_folded(ctx: Session, code: str, tmp_path: Path) -> None:
    a, b, c = att.attach(
        ctx,
        code,
        [
            scans.png(tmp_path / "a.png"),
            scans.tiff(tmp_path / "b.tif", 2),
            scans.pdf(tmp_path / "c.pdf"),
        ],
    )
    att.rotate(ctx, code, b.sha256, 90, page=2)
    att.rotate(ctx, code, a.sha256, 270)
    items = att.reorder(ctx, code, [c.sha256, a.sha256, b.sha256])
    assert [i.name for i in items] == ["c.pdf", "a.png", "b.tif"]
    assert (
        items[1].rotation == 270 and items[2].rotation_of(2) == 90 and items[2].rotation_of(1) == 0
    )
    with pytest.raises(ValidationError):
        att.rotate(ctx, code, a.sha256, 45)
    with pytest.raises(ValidationError):
        att.reorder(ctx, code, [c.sha256])
    items = att.remove(ctx, code, c.sha256[:10])
    assert [i.name for i in items] == ["a.png", "b.tif"]
    assert att.content_store(ctx).has(c.sha256)  # the log still names it: kept
    assert events.verify(ctx.store)[1] is None


# --------------------------------------------------------------- thumbnails and the PDF


def test_thumbnail_respects_exif_orientation_and_is_cached(
    ctx: Session, code: str, tmp_path: Path
) -> None:
    # orientation 6: the camera was turned; shown upright the 400×560 page is 560 wide
    (item,) = att.attach(ctx, code, [scans.jpeg(tmp_path / "dt.jpg", orientation=6)])
    thumb = att.thumbnail(ctx, item, 1, side=200)
    with Image.open(thumb) as im:
        assert im.width > im.height
    assert thumb.is_relative_to(att.content_store(ctx).thumbs)
    mtime = thumb.stat().st_mtime_ns
    assert att.thumbnail(ctx, item, 1, side=200).stat().st_mtime_ns == mtime


def test_combined_pdf_has_every_page_in_order_turned(
    ctx: Session, code: str, tmp_path: Path
) -> None:
    items = att.attach(
        ctx,
        code,
        [
            scans.g4_tiff(tmp_path / "fax.tif", 2),
            scans.pdf(tmp_path / "p.pdf", 3),
            scans.jpeg(tmp_path / "j.jpg"),
        ],
    )
    att.rotate(ctx, code, items[1].sha256, 90)
    att.rotate(ctx, code, items[2].sha256, 90)
    out = tmp_path / "gop.pdf"
    assert att.combine(ctx, code, out) == 6
    reader = pypdf.PdfReader(out)
    assert len(reader.pages) == 6
    assert [p.rotation for p in reader.pages[2:5]] == [90, 90, 90]
    last = reader.pages[5].mediabox
    assert float(last.width) > float(last.height)  # the 400×560 photo, turned


# ------------------------------------------------------------------------------- sweep


def test_sweep_reports_orphans_and_missing_deletes_nothing_named(
    ctx: Session, code: str, tmp_path: Path
) -> None:
    (kept,) = att.attach(ctx, code, [scans.png(tmp_path / "a.png")])
    store = att.content_store(ctx)
    orphan = store.put(scans.jpeg(tmp_path / "o.jpg"))  # a power cut before the event
    partial = store.root / "incoming" / (".scan.x" + files.PARTIAL_SUFFIX)
    partial.write_bytes(b"half")
    report = att.sweep(ctx)
    assert report.unreferenced == (orphan.sha256,)
    assert report.missing == ()
    assert not partial.exists() and orphan.path.exists() and store.has(kept.sha256)
    store.path_of(kept.sha256).unlink()
    assert att.sweep(ctx).missing == ((kept.sha256, code),)
