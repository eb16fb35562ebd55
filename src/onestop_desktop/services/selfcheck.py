"""``onestop self-check``: can this PC run the counter? A readable report, exit 0 or 1.

Qt is started in a child process (offscreen), so this module stays free of PySide6 and a broken Qt
install is reported instead of crashing the check.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from typing import Any

from onestop_desktop import __version__
from onestop_desktop.domain.formats import fmt_size
from onestop_desktop.errors import OneStopError
from onestop_desktop.paths import DataDir
from onestop_desktop.services.context import Station
from onestop_desktop.store import events
from onestop_desktop.store import settings as setting_rows
from onestop_desktop.store.db import Store, integrity_problems

MIN_FREE_BYTES = 500 * 1024 * 1024


@dataclass
class Check:
    name: str
    ok: bool
    detail: str
    warning: bool = False


@dataclass
class SelfCheckReport:
    checks: list[Check] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(c.ok or c.warning for c in self.checks)

    def add(self, name: str, ok: bool, detail: str, *, warning: bool = False) -> None:
        self.checks.append(Check(name, ok, detail, warning))

    def text(self) -> str:
        lines = [f"OneStop Desktop {__version__} — tự kiểm tra"]
        for c in self.checks:
            mark = "OK " if c.ok else ("CẢNH BÁO" if c.warning else "LỖI")
            lines.append(f"[{mark}] {c.name}: {c.detail}")
        lines.append("Kết quả: đạt" if self.ok else "Kết quả: KHÔNG ĐẠT")
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "version": __version__,
            "checks": [
                {"name": c.name, "ok": c.ok, "warning": c.warning, "detail": c.detail}
                for c in self.checks
            ],
        }


def _check_folder(report: SelfCheckReport, data: DataDir) -> bool:
    if not data.root.is_dir():
        report.add("Thư mục dữ liệu", False, f"chưa có {data.root} (chạy onestop init)")
        return False
    try:
        with tempfile.NamedTemporaryFile(dir=data.root, prefix=".selfcheck-") as fh:
            fh.write(b"ok")
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        report.add("Thư mục dữ liệu", False, f"không ghi được vào {data.root}: {exc.strerror}")
        return False
    free = shutil.disk_usage(data.root).free
    report.add("Thư mục dữ liệu", True, f"{data.root} ghi được")
    report.add(
        "Dung lượng trống",
        free >= MIN_FREE_BYTES,
        fmt_size(free),
        warning=free < MIN_FREE_BYTES,
    )
    return True


def _check_database(report: SelfCheckReport, data: DataDir) -> None:
    try:
        store = Store.open(data.database, integrity="none")
    except OneStopError as exc:
        report.add("Cơ sở dữ liệu", False, exc.message)
        return
    try:
        _database_checks(report, data, store)
    except (sqlite3.Error, ValueError) as exc:
        report.add("Cơ sở dữ liệu", False, f"đọc không được, có thể đã hỏng: {exc}")
    finally:
        store.close()


def _database_checks(report: SelfCheckReport, data: DataDir, store: Store) -> None:
    """Integrity, durability settings, station identity, event chain, signing key."""
    problems = integrity_problems(store.db.conn, full=True)
    report.add(
        "Cơ sở dữ liệu",
        not problems,
        "toàn vẹn (integrity_check)" if not problems else "; ".join(problems[:3]),
    )
    mode, sync = setting_rows.durability(store)
    report.add(
        "Chế độ ghi an toàn",
        mode == "wal" and sync == 2,
        f"journal_mode={mode}, synchronous={'FULL' if sync == 2 else sync}",
    )
    try:
        station = Station.load(store)
        report.add(
            "Máy trạm",
            True,
            f"{station.unit_name} ({station.unit_code}), máy số {station.station_id}",
        )
    except OneStopError as exc:
        report.add("Máy trạm", False, exc.message)
    checked, broken = events.verify(store)
    report.add(
        "Chuỗi sự kiện",
        broken is None,
        f"{checked} sự kiện, chuỗi băm nguyên vẹn"
        if broken is None
        else f"đứt tại máy trạm {broken.station_id}, sự kiện số {broken.seq}: {broken.reason}",
    )
    key = data.keys / "station_ed25519.pem"
    report.add("Khóa ký đồng bộ", key.is_file(), str(key) if key.is_file() else "không thấy")


def _check_resources(report: SelfCheckReport) -> None:
    from onestop_desktop import resources_check
    from onestop_desktop.services.catalog import starter_path
    from onestop_desktop.services.catalog_files import read_catalog

    problems = resources_check.check_fonts()
    report.add(
        "Phông chữ tiếng Việt",
        not problems,
        "DejaVu Sans đủ mọi chữ tiếng Việt" if not problems else "; ".join(problems),
    )
    try:
        parsed = read_catalog(starter_path())
        ok = not parsed.errors and len(parsed.procedures) >= 25
        report.add("Danh mục thủ tục mẫu", ok, f"{len(parsed.procedures)} thủ tục")
    except OneStopError as exc:
        report.add("Danh mục thủ tục mẫu", False, exc.message)
    from importlib.resources import files

    qm = files("onestop_desktop.resources").joinpath("translations/onestop_en.qm")
    report.add("Bản dịch tiếng Anh", qm.is_file(), "onestop_en.qm" if qm.is_file() else "thiếu")


def _probe_command() -> list[str]:
    """This program again, as ``onestop qt-probe``: frozen, ``sys.executable`` is the app."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "qt-probe"]
    return [sys.executable, "-m", "onestop_desktop", "qt-probe"]


def _check_qt(report: SelfCheckReport) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    try:
        proc = subprocess.run(
            _probe_command(),
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        report.add("Giao diện Qt", False, f"không khởi động được: {exc}")
        return
    if proc.returncode == 0 and "qt ok" in proc.stdout:
        report.add("Giao diện Qt", True, proc.stdout.strip().replace("qt ok", "PySide6"))
    else:
        last = (proc.stderr.strip().splitlines() or ["?"])[-1]
        report.add("Giao diện Qt", False, f"không khởi động được (offscreen): {last}")


def run(data: DataDir) -> SelfCheckReport:
    """Every check, in the order a technician would fix them."""
    report = SelfCheckReport()
    if _check_folder(report, data):
        _check_database(report, data)
    _check_resources(report)
    _check_qt(report)
    return report
