"""End-to-end helpers: run the ``onestop`` CLI as a real child process and look at what it left.

Every command goes through :func:`run_cli` (``python -m onestop_desktop ...``) with
``ONESTOP_DATA_DIR`` removed from the child's environment, so only ``--data-dir`` chooses the
data folder (the one test of the variable passes it explicitly through ``env``).

Demo data is expensive (about two seconds for 300 dossiers), so it is made once per session
(:func:`demo_template`) and each test that changes it works on a ``shutil.copytree`` copy.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest

CliResult = subprocess.CompletedProcess[str]

UNIT_CODE = "000.00.12.H29"
UNIT_NAME = "UBND xã Hòa Bình"
ADMIN = "quantri"
PASSWORD = "matkhau-2025"
DEMO_DOSSIERS = 300
TIMEOUT = 180

#: Letters that only Vietnamese text has; a Vietnamese reason contains at least one of them.
VIETNAMESE_MARKS = set("àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ")

_XDG_VARS = ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")
_xdg_root: Path | None = None


def _child_env(env: Mapping[str, str] | None) -> dict[str, str]:
    """The child's environment: ours without ONESTOP_DATA_DIR, XDG folders in a temp dir."""
    global _xdg_root
    if _xdg_root is None:
        _xdg_root = Path(tempfile.mkdtemp(prefix="onestop-e2e-xdg-"))
        atexit.register(shutil.rmtree, _xdg_root, ignore_errors=True)
    base = {k: v for k, v in os.environ.items() if k != "ONESTOP_DATA_DIR"}
    for var in _XDG_VARS:
        folder = _xdg_root / var.lower()
        folder.mkdir(exist_ok=True)
        base[var] = str(folder)
    base["PYTHONIOENCODING"] = "utf-8"
    base.pop("PYTHONWARNINGS", None)
    if env:
        base.update(env)
    return base


def _file_size_limit(limit: int) -> Callable[[], None]:
    """A ``preexec_fn`` capping the child's files at ``limit`` bytes (writes past it: EFBIG).

    SIGXFSZ is ignored so the write fails with an error instead of killing the child.
    """

    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def run_command(
    argv: list[str],
    *,
    input: str | None = None,
    env: Mapping[str, str] | None = None,
    file_size_limit: int | None = None,
    timeout: float = TIMEOUT,
) -> CliResult:
    """Run ``argv`` with the e2e environment (see :func:`_child_env`)."""
    return subprocess.run(
        argv,
        input=input,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        env=_child_env(env),
        preexec_fn=_file_size_limit(file_size_limit) if file_size_limit else None,
        check=False,
    )


def run_cli(
    *args: object,
    input: str | None = None,
    env: Mapping[str, str] | None = None,
    file_size_limit: int | None = None,
    timeout: float = TIMEOUT,
) -> CliResult:
    """Run ``python -m onestop_desktop ARGS`` and return the finished process."""
    return run_command(
        [sys.executable, "-m", "onestop_desktop", *(str(a) for a in args)],
        input=input,
        env=env,
        file_size_limit=file_size_limit,
        timeout=timeout,
    )


def onestop(data_dir: Path, *args: object, **kwargs: Any) -> CliResult:
    """``run_cli("--data-dir", data_dir, *args)``."""
    return run_cli("--data-dir", data_dir, *args, **kwargs)


def ok(result: CliResult) -> CliResult:
    """Assert exit 0 (showing the child's output otherwise) and return the result."""
    assert result.returncode == 0, (
        f"exit {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    )
    return result


def assert_refused(result: CliResult, *fragments: str) -> str:
    """Non-zero exit, one Vietnamese line on stderr naming the fault, no traceback; the line."""
    detail = f"exit {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    assert result.returncode != 0, detail
    assert "Traceback" not in result.stderr, detail
    assert "lỗi không mong đợi" not in result.stderr, detail
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, f"expected one line on stderr\n{detail}"
    line = lines[0]
    assert line.startswith("onestop: lỗi: "), detail
    assert VIETNAMESE_MARKS & set(line.lower()), f"not a Vietnamese reason\n{detail}"
    for fragment in fragments:
        assert fragment in line, f"{fragment!r} missing from the reason\n{detail}"
    return line


def init_station(
    data_dir: Path,
    *,
    unit_code: str = UNIT_CODE,
    station: int = 1,
    admin: str = ADMIN,
    password: str = PASSWORD,
    catalog: str = "none",
) -> CliResult:
    """``onestop init`` with the password on stdin; asserts success. The catalogue starts empty
    unless ``catalog`` says otherwise (``init`` itself loads the starter one by default): these
    tests import the catalogue they need explicitly."""
    return ok(
        onestop(
            data_dir,
            "init",
            "--unit-code",
            unit_code,
            "--unit-name",
            UNIT_NAME,
            "--station",
            station,
            "--admin",
            admin,
            "--password-stdin",
            "--catalog",
            catalog,
            input=password + "\n",
        )
    )


def connect(path: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection to a database file (for checks and deliberate damage)."""
    conn = sqlite3.connect(str(path))
    conn.row_factory = sqlite3.Row
    return conn


def query(path: Path, sql: str, params: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
    """Rows of a read-only query as dicts; the connection is closed afterwards."""
    conn = connect(path)
    try:
        return [dict(r) for r in conn.execute(sql, params).fetchall()]
    finally:
        conn.close()


def snapshot(path: Path) -> dict[str, Any]:
    """What must never be lost: every event, every account and every dossier row.

    A plain (read-write) connection that only reads: a ``mode=ro`` one would leave ``-wal`` and
    ``-shm`` files behind, which changes how SQLite later opens the file (and hides faults).
    """
    conn = sqlite3.connect(path)
    try:
        return {
            "events": conn.execute("SELECT * FROM events ORDER BY station_id, seq").fetchall(),
            "users": conn.execute("SELECT * FROM users ORDER BY username").fetchall(),
            "dossiers": conn.execute("SELECT * FROM dossiers ORDER BY rid").fetchall(),
        }
    finally:
        conn.close()


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def copy_data_dir(src: Path, dest: Path) -> Path:
    """A private copy of a data folder (the template's WAL is folded in, so the copy is whole)."""
    shutil.copytree(src, dest)
    return dest


def parse_json(result: CliResult) -> Any:
    ok(result)
    return json.loads(result.stdout)


# ---------------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder filled once per session by ``onestop demo --dossiers 300``. Read only:
    tests that change it take a copy (``demo_copy``)."""
    data = tmp_path_factory.mktemp("demo-template") / "data"
    ok(onestop(data, "demo", "--dossiers", DEMO_DOSSIERS, "--quiet"))
    return data


@pytest.fixture
def demo_copy(demo_template: Path, tmp_path: Path) -> Path:
    """A private copy of the demo data folder."""
    return copy_data_dir(demo_template, tmp_path / "demo")


@pytest.fixture(scope="session")
def station_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A freshly initialised station (no dossiers). Read only; see ``station_copy``."""
    data = tmp_path_factory.mktemp("station-template") / "data"
    init_station(data)
    return data


@pytest.fixture
def station_copy(station_template: Path, tmp_path: Path) -> Path:
    """A private copy of the freshly initialised station."""
    return copy_data_dir(station_template, tmp_path / "station")


@pytest.fixture(scope="session")
def demo_backup(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A good backup of the demo data, made once with ``onestop backup``. Read only."""
    scratch = copy_data_dir(demo_template, tmp_path_factory.mktemp("demo-backup") / "data")
    dest = scratch.parent / "usb"
    ok(onestop(scratch, "backup", "--to", dest))
    (backup,) = dest.glob("onestop-*.db")
    return backup


def page_size(db: Path) -> int:
    """The page size from the database header (bytes 16–17; 1 means 65536)."""
    raw = int.from_bytes(db.read_bytes()[16:18], "big")
    return 65536 if raw == 1 else raw


def pages_of(db: Path, *names: str, pagetype: str | None = None) -> list[int]:
    """Page numbers (from 1) holding the named tables/indexes, from SQLite's ``dbstat``."""
    conn = sqlite3.connect(db)
    try:
        marks = ", ".join("?" for _ in names)
        sql = f"SELECT pageno FROM dbstat WHERE name IN ({marks})"
        params: list[Any] = list(names)
        if pagetype:
            sql += " AND pagetype = ?"
            params.append(pagetype)
        return sorted(int(r[0]) for r in conn.execute(sql + " ORDER BY pageno", params))
    finally:
        conn.close()


def overwrite(path: Path, offset: int, data: bytes) -> None:
    with path.open("r+b") as fh:
        fh.seek(offset)
        fh.write(data)


def flip_bits(path: Path, offset: int, length: int = 1, mask: int = 0xFF) -> None:
    """XOR ``length`` bytes at ``offset`` with ``mask``."""
    with path.open("r+b") as fh:
        fh.seek(offset)
        old = fh.read(length)
        fh.seek(offset)
        fh.write(bytes(b ^ mask for b in old))
