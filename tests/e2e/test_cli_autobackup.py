"""``onestop backup auto`` and ``onestop backup list`` end to end (#14): what the GUI's daily
timer does, from the command line, into the data folder and the second place."""

from __future__ import annotations

import stat
from pathlib import Path

from tests.e2e.conftest import init_station, ok, onestop


def test_backup_auto_both_places_then_nothing_due_then_list(tmp_path: Path) -> None:
    data = tmp_path / "data"
    init_station(data)
    stick = tmp_path / "usb"
    ok(onestop(data, "settings", "set", "backup_second_folder", str(stick)))

    # The stick is not plugged in: the data folder's copy is made, the second place reported.
    first = onestop(data, "backup", "auto")
    assert first.returncode == 1, first.stderr
    assert "thư mục dữ liệu: đã sao lưu và kiểm tra" in first.stdout
    assert "USB chưa cắm" in first.stderr and "Traceback" not in first.stderr
    local = sorted((data / "backups").glob("onestop-auto-*.db"))
    assert len(local) == 1 and stat.S_IMODE(local[0].stat().st_mode) == 0o600

    stick.mkdir()  # plugged in
    second = ok(onestop(data, "backup", "auto"))
    assert "thư mục dữ liệu: hôm nay đã có bản sao lưu" in second.stdout
    assert "nơi thứ hai: đã sao lưu và kiểm tra" in second.stdout
    copies = sorted(stick.glob("onestop-auto-*.db"))
    assert len(copies) == 1

    third = ok(onestop(data, "backup", "auto"))
    assert third.stdout.count("hôm nay đã có bản sao lưu") == 2

    listed = ok(onestop(data, "backup", "list")).stdout.strip().splitlines()
    assert len(listed) == 1
    assert "hồ sơ, sự kiện cuối" in listed[0] and "byte" in listed[0]
    assert "0 tệp quét" in listed[0]
    assert str(local[0]) in listed[0]
    on_stick = ok(onestop(data, "backup", "list", "--to", stick)).stdout
    assert str(copies[0]) in on_stick
