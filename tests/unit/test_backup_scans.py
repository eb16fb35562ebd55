"""Backups carry the scanned pages (#11, wave 3): one content-addressed store beside the
backups, only the missing files copied, verified by hash; a restore brings back every file the
restored database names; rotation keeps them; the second place carries them too; free space is
checked first; ``backup verify`` reports a missing or damaged scan. With real files."""

from __future__ import annotations

import shutil
from collections import namedtuple
from pathlib import Path

import pytest

from onestop_desktop.errors import StorageError
from onestop_desktop.paths import DataDir
from onestop_desktop.scanning import check
from onestop_desktop.scanning.store import ContentStore, file_sha256
from onestop_desktop.services import attachments as att
from onestop_desktop.services import autobackup, backup, backup_scans, dossiers, settings
from onestop_desktop.services.context import Session
from onestop_desktop.services.dossiers import Intake
from onestop_desktop.store import backup as backup_store
from onestop_desktop.store.db import Store
from tests.helpers import scans

from .conftest import FakeClock
from .test_dossiers import LAN


def _data(ctx: Session) -> DataDir:
    assert ctx.store.path is not None
    return DataDir(ctx.store.path.parent)


def _scanned(ctx: Session, tmp: Path) -> tuple[str, list[att.Attachment]]:
    """A dossier with a phone photo, a 3-page TIFF, a Group 4 fax and a 2-page PDF."""
    code = dossiers.receive(ctx, Intake("1.004873", LAN)).code
    src = tmp / "scans"
    src.mkdir(exist_ok=True)
    made = [
        scans.jpeg(src / "cccd.jpg", orientation=6),
        scans.tiff(src / "so-ho-khau.tif", 3),
        scans.g4_tiff(src / "fax.tif", 2),
        scans.pdf(src / "to-khai.pdf", 2),
    ]
    return code, att.attach(ctx, code, made, document=1)


def _hashes(folder: Path) -> set[str]:
    return set(ContentStore(folder).hashes())


def test_backup_copies_each_scan_once_into_the_shared_store(ctx: Session, tmp_path: Path) -> None:
    data = _data(ctx)
    _code, items = _scanned(ctx, tmp_path)
    usb = tmp_path / "usb"
    first = backup.backup_now(ctx, data, usb, name="onestop-1.db")
    store = backup_scans.shared_store(usb)
    assert store.root == usb / "attachments"
    assert _hashes(store.root) == {a.sha256 for a in items}
    for a in items:
        assert file_sha256(store.path_of(a.sha256)) == a.sha256
    assert (first.scans, first.scans_copied) == (4, 4)
    assert first.scans_copied_bytes == sum(a.size for a in items)
    assert first.scans_missing == ()
    # the second backup copies nothing: the files are there already and never change
    second = backup.backup_now(ctx, data, usb, name="onestop-2.db")
    assert (second.scans, second.scans_copied, second.scans_copied_bytes) == (4, 0, 0)
    assert backup.verify_scans(first.path).ok and backup.verify_scans(second.path).ok
    meta = backup.metadata_path(second.path).read_text(encoding="utf-8")
    assert '"named": 4' in meta and '"copied": 0' in meta


def test_back_up_delete_the_data_folder_restore_and_every_page_opens(
    ctx: Session, tmp_path: Path, fake_clock: FakeClock
) -> None:
    data = _data(ctx)
    code, items = _scanned(ctx, tmp_path)
    usb = tmp_path / "usb"
    info = backup.backup_now(ctx, data, usb)
    ctx.store.close()
    shutil.rmtree(data.root)  # the disk died
    fresh = DataDir(tmp_path / "new-pc")
    fresh.ensure()
    result = backup.restore_station(fresh, info.path)
    assert result.scans is not None
    assert (result.scans.named, result.scans.copied, result.scans.complete) == (4, 4, True)
    store = Store.open(fresh.database)
    try:
        again = Session.operator(store)
        store.now = fake_clock  # type: ignore[method-assign]
        restored = att.list_for(again, code)
        assert [a.sha256 for a in restored] == [a.sha256 for a in items]
        content = att.content_store(again)
        for a in restored:
            path = content.path_of(a.sha256)
            assert file_sha256(path) == a.sha256
            assert check.check(path).pages == a.pages  # it decodes whole
            for page in range(1, a.pages + 1):
                assert att.thumbnail(again, a, page).is_file()
        assert att.combine(again, code, tmp_path / "gop.pdf") == 8
        assert att.sweep(again).clean
        assert [x.name for x in dossiers.detail(again, code).attachments] == [a.name for a in items]
    finally:
        store.close()


def test_restore_copies_only_what_the_data_folder_lacks(ctx: Session, tmp_path: Path) -> None:
    data = _data(ctx)
    _code, items = _scanned(ctx, tmp_path)
    info = backup.backup_now(ctx, data, tmp_path / "usb")
    att.content_store(ctx).path_of(items[1].sha256).unlink()  # one page lost in the data folder
    ctx.store.close()
    result = backup.restore_station(data, info.path)
    assert result.scans is not None
    assert (result.scans.copied, result.scans.present) == (1, 3)
    assert file_sha256(ContentStore(data.attachments).path_of(items[1].sha256)) == items[1].sha256


def test_backup_verify_reports_a_missing_and_a_damaged_scan(ctx: Session, tmp_path: Path) -> None:
    data = _data(ctx)
    _code, items = _scanned(ctx, tmp_path)
    usb = tmp_path / "usb"
    info = backup.backup_now(ctx, data, usb)
    store = backup_scans.shared_store(usb)
    store.path_of(items[0].sha256).unlink()
    damaged = store.path_of(items[2].sha256)
    damaged.write_bytes(damaged.read_bytes()[:-10] + b"0123456789")
    checked = backup.verify_scans(info.path)
    assert not checked.ok and checked.named == 4
    assert checked.missing == (items[0].sha256,)
    assert checked.damaged == (items[2].sha256,)
    # a restore from it brings back what it can and says which are lost
    ctx.store.close()
    fresh = DataDir(tmp_path / "other")
    fresh.ensure()
    result = backup.restore_station(fresh, info.path)
    assert result.scans is not None and not result.scans.complete
    assert result.scans.missing == (items[0].sha256,)
    assert result.scans.damaged == (items[2].sha256,)
    assert not ContentStore(fresh.attachments).has(items[2].sha256)  # never under a wrong name
    assert result.scans.copied == 2


def test_a_scan_lost_in_the_data_folder_is_reported_not_fatal(ctx: Session, tmp_path: Path) -> None:
    data = _data(ctx)
    _code, items = _scanned(ctx, tmp_path)
    att.content_store(ctx).path_of(items[3].sha256).unlink()
    info = backup.backup_now(ctx, data, tmp_path / "usb")
    assert info.scans_missing == (items[3].sha256,)
    backup.verify(info.path)  # the database copy is good
    assert backup.verify_scans(info.path).missing == (items[3].sha256,)


def test_a_scan_added_while_the_database_is_copied_is_carried(
    ctx: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The live database's scans are copied first, then the database: a scan attached in
    between is named by the copy, and copied after it."""
    data = _data(ctx)
    code, _items = _scanned(ctx, tmp_path)
    late = scans.png(tmp_path / "late.png")
    real = backup_store.backup

    def attach_then_copy(store: Store, dest: Path, *, name: str | None = None):  # type: ignore[no-untyped-def]
        att.attach(ctx, code, [late])
        return real(store, dest, name=name)

    monkeypatch.setattr(backup_store, "backup", attach_then_copy)
    info = backup.backup_now(ctx, data, tmp_path / "usb")
    assert (info.scans, info.scans_copied) == (5, 5)
    assert backup.verify_scans(info.path).ok


def test_rotation_keeps_every_scan_a_kept_backup_names(
    ctx: Session, tmp_path: Path, fake_clock: FakeClock
) -> None:
    data = _data(ctx)
    code, items = _scanned(ctx, tmp_path)
    for day in range(1, 21):
        fake_clock.set(f"2026-03-{day:02d}T17:00:00")
        if day == 10:
            extra = att.attach(ctx, code, [scans.png(tmp_path / "bo-sung.png")])
        assert autobackup.run(ctx, data).ok
    kept = [b.path for b in backup.list_backups(data.backups)]
    assert len(kept) < 20  # the rotation deleted database copies
    assert _hashes(data.backups / "attachments") == {a.sha256 for a in extra}
    assert len(extra) == len(items) + 1
    for path in kept:
        assert backup.verify_scans(path).ok, path.name


def test_the_second_place_carries_the_scans(ctx: Session, tmp_path: Path) -> None:
    data = _data(ctx)
    _code, items = _scanned(ctx, tmp_path)
    stick = tmp_path / "stick"
    stick.mkdir()
    settings.set_setting(ctx, "backup_second_folder", str(stick))
    result = autobackup.run(ctx, data)
    assert result.ok and len(result.places) == 2
    for place in result.places:
        assert place.made is not None and place.made.scans_copied == 4
        assert backup.verify_scans(place.made.path).ok
    assert _hashes(stick / "attachments") == {a.sha256 for a in items}


def test_not_enough_free_space_is_refused_before_anything_is_written(
    ctx: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _data(ctx)
    _scanned(ctx, tmp_path)
    usb = tmp_path / "usb"
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(backup_scans.shutil, "disk_usage", lambda _p: usage(10**9, 10**9, 5000))
    with pytest.raises(StorageError) as err:
        backup.backup_now(ctx, data, usb)
    text = str(err.value)
    assert "Không đủ chỗ trống" in text and str(usb) in text and "chỉ còn 4,9 KB" in text
    assert not usb.exists() or not any(usb.rglob("*"))
    # the automatic backup reports it for that place and loses nothing
    monkeypatch.setattr(autobackup.backup, "default_folder", lambda _d: usb)
    place = autobackup.run(ctx, data).places[0]
    assert place.error is not None and "Không đủ chỗ trống" in str(place.error)


def test_restore_checks_free_space_first(
    ctx: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _data(ctx)
    _scanned(ctx, tmp_path)
    info = backup.backup_now(ctx, data, tmp_path / "usb")
    ctx.store.close()
    fresh = DataDir(tmp_path / "small-disk")
    fresh.ensure()
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(backup_scans.shutil, "disk_usage", lambda _p: usage(10**9, 10**9, 5000))
    with pytest.raises(StorageError, match="Không đủ chỗ trống"):
        backup.restore_station(fresh, info.path)
    assert not fresh.database.exists() and not _hashes(fresh.attachments)


def test_the_backup_list_counts_the_scans_and_those_the_store_lacks(
    ctx: Session, tmp_path: Path
) -> None:
    """The admin's list (and ``backup list``) says how many scans each backup names and how many
    a restore from it could not bring back (#11: the screen showed only the dossiers)."""
    from onestop_desktop.services import backups_view

    data = _data(ctx)
    _code, items = _scanned(ctx, tmp_path)
    usb = tmp_path / "usb"
    backup.backup_now(ctx, data, usb, name="onestop-1.db")
    (listed,) = backups_view.overview(ctx, usb)
    assert (listed.scans, listed.scans_missing) == (4, 0)
    backup_scans.shared_store(usb).path_of(items[1].sha256).unlink()
    (listed,) = backups_view.overview(ctx, usb)
    assert (listed.scans, listed.scans_missing) == (4, 1)
    (usb / "onestop-2.db").write_bytes(b"not a database")
    damaged = [e for e in backups_view.overview(ctx, usb) if e.path.name == "onestop-2.db"]
    assert [(e.dossiers, e.scans) for e in damaged] == [(None, None)]
