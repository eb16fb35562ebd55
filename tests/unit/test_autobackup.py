"""services/autobackup.py: the daily / sign-out backup into the data folder and a second place."""

from __future__ import annotations

import os
import stat
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from onestop_desktop.domain import clock
from onestop_desktop.paths import DataDir
from onestop_desktop.services import autobackup, backup, settings
from onestop_desktop.services.context import Session

from .conftest import FakeClock


def _data(ctx: Session) -> DataDir:
    assert ctx.store.path is not None
    return DataDir(ctx.store.path.parent)


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("onestop-*.db"))


def test_first_run_of_the_day_copies_and_verifies_then_skips(ctx: Session) -> None:
    data = _data(ctx)
    first = autobackup.run(ctx, data)
    assert first.ok and len(first.places) == 1
    made = first.places[0].made
    assert made is not None and made.path.name == "onestop-auto-20260302-080000.db"
    backup.verify(made.path)
    assert stat.S_IMODE(made.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(backup.metadata_path(made.path).stat().st_mode) == 0o600
    again = autobackup.run(ctx, data)
    assert again.places[0].made is None and again.places[0].skipped is not None
    assert "hôm nay đã có" in str(again.places[0].skipped)
    assert not autobackup.is_due(ctx, data)
    forced = autobackup.run(ctx, data, force=True)  # sign-out: always a copy
    assert forced.places[0].made is not None
    # One a day is kept: the later one (the sign-out's), the morning's rotated away.
    assert _names(data.backups) == ["onestop-auto-20260302-080000-2.db"]
    assert forced.places[0].removed == (made.path,)


def test_due_again_the_next_day(ctx: Session, fake_clock: FakeClock) -> None:
    data = _data(ctx)
    autobackup.run(ctx, data)
    fake_clock.set("2026-03-03T07:00:00")
    assert autobackup.is_due(ctx, data)
    assert autobackup.run(ctx, data).places[0].made is not None
    assert autobackup.last_good(data.backups) == datetime(2026, 3, 3, 7, tzinfo=clock.VN_TZ)


def test_rotation_deletes_only_automatic_backups_beyond_the_schedule(
    ctx: Session, fake_clock: FakeClock
) -> None:
    data = _data(ctx)
    manual = backup.backup_now(ctx, data)  # by hand: never rotated away
    start = datetime(2026, 3, 2, 8, tzinfo=clock.VN_TZ)
    earlier = (start - timedelta(days=1)).timestamp()
    os.utime(manual.path, (earlier, earlier))  # made the day before
    removed: list[Path] = []
    for day in range(60):
        fake_clock.moment = start + timedelta(days=day)
        result = autobackup.run(ctx, data)
        removed.extend(result.places[0].removed)
    autos = [n for n in _names(data.backups) if n.startswith("onestop-auto-")]
    assert manual.path.exists()
    assert removed and not any(p.exists() for p in removed)
    assert not any(backup.metadata_path(p).exists() for p in removed)
    # 7 daily + the earlier weeks' and months' newest: far fewer than 60, the last 7 days all.
    assert len(autos) <= 7 + 4 + 12
    last_days = {
        f"onestop-auto-{(start + timedelta(days=d)):%Y%m%d}-080000.db" for d in range(53, 60)
    }
    assert last_days <= set(autos)


def test_second_place_missing_then_plugged(ctx: Session, tmp_path: Path) -> None:
    data = _data(ctx)
    stick = tmp_path / "usb" / "saoluu"
    settings.set_setting(ctx, "backup_second_folder", str(stick))
    result = autobackup.run(ctx, data)
    local, second = result.places
    assert local.made is not None  # the data folder's copy is made anyway
    assert not result.ok and second.made is None and second.error is not None
    assert "USB chưa cắm" in str(second.error)
    assert not autobackup.is_due(ctx, data)  # nothing to write to: not due
    stick.mkdir(parents=True)  # plugged in
    assert autobackup.is_due(ctx, data)
    again = autobackup.run(ctx, data)
    assert again.ok
    assert again.places[0].made is None  # the data folder already has today's
    assert again.places[1].made is not None and again.places[1].made.path.parent == stick
    backup.verify(again.places[1].made.path)
    assert autobackup.last_good_anywhere(ctx, data) is not None


def test_second_place_read_only_loses_nothing(
    ctx: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _data(ctx)
    stick = tmp_path / "locked"
    stick.mkdir()
    settings.set_setting(ctx, "backup_second_folder", str(stick))
    stick.chmod(0o500)
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # root writes anyway: the stick's lock
        real = os.access
        monkeypatch.setattr(
            autobackup.os,
            "access",
            lambda p, mode: False if Path(p) == stick and mode == os.W_OK else real(p, mode),
        )
    try:
        result = autobackup.run(ctx, data)
    finally:
        stick.chmod(0o700)
    assert result.places[0].made is not None
    assert "chỉ cho phép đọc" in str(result.places[1].error)
    assert list(stick.iterdir()) == []


def test_second_place_unwritable_reports_and_keeps_older_copies(
    ctx: Session, tmp_path: Path, fake_clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write that fails part-way (a stick pulled, a full disk): the error says so, the older
    copies in that place are not rotated away."""
    data = _data(ctx)
    stick = tmp_path / "usb"
    stick.mkdir()
    settings.set_setting(ctx, "backup_second_folder", str(stick))
    autobackup.run(ctx, data)
    older = _names(stick)
    fake_clock.set("2026-03-03T08:00:00")
    from onestop_desktop import files

    def pulled(kind: str, path: Path) -> None:
        if path.parent == stick:
            raise OSError(5, "Input/output error")

    monkeypatch.setattr(files, "fault_hook", pulled)
    result = autobackup.run(ctx, data)
    assert result.places[0].made is not None
    error = result.places[1].error
    assert error is not None and "không sao lưu được vào" in str(error)
    assert "không có gì bị xóa" in str(error)
    assert _names(stick) == older
    assert not list(stick.glob("*.partial"))


def test_the_setting_is_a_definition_the_admin_screen_lists(ctx: Session) -> None:
    keys = [s.key for s in settings.list_settings(ctx)]
    assert "backup_second_folder" in keys
    assert autobackup.second_folder(ctx) is None
    settings.set_setting(ctx, "backup_second_folder", "  /media/usb  ")
    assert autobackup.second_folder(ctx) == Path("/media/usb")
