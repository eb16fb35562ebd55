"""Item 5 of #7: folders 0700 and files 0600 whatever the umask (database, WAL, backups,
exports, logs)."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from onestop_desktop import files, logging_setup, paths
from onestop_desktop.services import backup
from onestop_desktop.services.station import init_data_dir


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    old = os.umask(0)  # the worst case: everything would be world-writable
    try:
        yield
    finally:
        os.umask(old)


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes")
def test_everything_written_is_private_under_umask_0(tmp_path: Path, open_umask: None) -> None:
    data = paths.DataDir(tmp_path / "data")
    ctx = init_data_dir(
        data,
        unit_code="000.00.12.H29",
        unit_name="UBND xã Hòa Bình",
        station=1,
        admin="quantri",
        password="matkhau-2025",
        catalog="none",
    )
    try:
        for folder in (data.root, data.backups, data.logs, data.keys, data.attachments):
            assert mode(folder) == 0o700, folder
        for name in ("onestop.db", "onestop.db-wal", "onestop.db-shm"):
            assert mode(data.root / name) == 0o600, name
        info = backup.backup_now(ctx, data)
        assert mode(info.path) == 0o600
        export = files.atomic_write(tmp_path / "export.csv", "Họ tên\n", encoding="utf-8-sig")
        assert mode(export) == 0o600
        log_path = logging_setup.configure(data.logs)
        assert log_path is not None
        logging.getLogger("onestop_desktop.test").warning("kiểm tra")
        assert mode(log_path) == 0o600
        kept = backup.restore(data, info.path)
        assert kept is not None
        assert mode(data.database) == 0o600
    finally:
        ctx.store.close()
        root = logging.getLogger("onestop_desktop")
        for handler in list(root.handlers):
            if not isinstance(handler, logging.NullHandler):
                root.removeHandler(handler)
                handler.close()
        logging_setup._configured = None


def test_log_file_holds_no_names_ids_or_phones(tmp_path: Path) -> None:
    from onestop_desktop.errors import ValidationError

    log_path = logging_setup.configure(tmp_path / "logs")
    assert log_path is not None
    try:
        log = logging.getLogger("onestop_desktop.cli")
        exc = ValidationError("Hồ sơ của {name} ({id})", name="Nguyễn Thị Hoa", id="001085012345")
        log.warning("%s failed: %s", "dossier", exc)
        log.info("phone %s", "0912 345 678")
        text = log_path.read_text(encoding="utf-8")
        assert "Hồ sơ của {name} ({id})" in text  # the template says what happened
        for secret in ("Nguyễn Thị Hoa", "001085012345", "0912 345 678"):
            assert secret not in text
    finally:
        root = logging.getLogger("onestop_desktop")
        for handler in list(root.handlers):
            if not isinstance(handler, logging.NullHandler):
                root.removeHandler(handler)
                handler.close()
        logging_setup._configured = None


def test_log_masking_keeps_the_time_stamp(tmp_path: Path) -> None:
    log_path = logging_setup.configure(tmp_path / "logs")
    assert log_path is not None
    try:
        logging.getLogger("onestop_desktop.x").warning("gọi %s", "0912345678")
        line = log_path.read_text(encoding="utf-8").splitlines()[-1]
        assert line[:4].isdigit() and "[số đã ẩn]" in line and "0912345678" not in line
    finally:
        root = logging.getLogger("onestop_desktop")
        for handler in list(root.handlers):
            if not isinstance(handler, logging.NullHandler):
                root.removeHandler(handler)
                handler.close()
        logging_setup._configured = None
