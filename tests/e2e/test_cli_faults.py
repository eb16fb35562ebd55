"""Bad input and a hostile environment, through the real CLI: every refusal exits non-zero with
one Vietnamese line on stderr (never a traceback), and nothing already stored is lost."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.conftest import (
    ADMIN,
    PASSWORD,
    UNIT_CODE,
    UNIT_NAME,
    CliResult,
    assert_refused,
    connect,
    flip_bits,
    ok,
    onestop,
    overwrite,
    page_size,
    pages_of,
    query,
    run_command,
    sha256,
    snapshot,
)

#: Words a clerk understands as "the disk could not take the write".
DISK_WORDS = ("ổ đĩa", "đầy", "không ghi được")


def _init(
    data_dir: Path,
    *,
    unit_code: str = UNIT_CODE,
    unit_name: str = UNIT_NAME,
    station: str = "1",
    admin: str = ADMIN,
    password: str = PASSWORD,
    **kwargs: object,
) -> CliResult:
    return onestop(
        data_dir,
        "init",
        "--unit-code",
        unit_code,
        "--unit-name",
        unit_name,
        "--station",
        station,
        "--admin",
        admin,
        "--password-stdin",
        input=password + "\n",
        **kwargs,  # type: ignore[arg-type]
    )


def _untouched(data_dir: Path, db_hash: str) -> None:
    """The current database is byte for byte what it was, nothing was set aside, and it verifies."""
    assert sha256(data_dir / "onestop.db") == db_hash
    assert not list(data_dir.glob("onestop.db.replaced-*"))
    assert not list(data_dir.glob("*.restoring"))
    ok(onestop(data_dir, "verify"))


# --------------------------------------------------------------------------------- init input


@pytest.mark.parametrize(
    "unit_code", ["12.H29", "000.00.12.29", "000.00.12.H2", "000-00-12-H29", "000.00.12.H29.1", ""]
)
def test_malformed_unit_code_is_refused_before_anything_is_created(
    tmp_path: Path, unit_code: str
) -> None:
    data = tmp_path / "data"
    result = _init(data, unit_code=unit_code)
    line = assert_refused(result, "Mã định danh đơn vị")
    assert f"«{unit_code}»" in line
    assert result.returncode == 2
    assert not (data / "onestop.db").exists()
    assert not (data / "keys" / "station_ed25519.pem").exists()


@pytest.mark.parametrize("station", ["0", "10", "x", "-1"])
def test_station_number_out_of_range_is_refused(tmp_path: Path, station: str) -> None:
    data = tmp_path / "data"
    assert_refused(_init(data, station=station), "máy trạm")
    assert not (data / "onestop.db").exists()


@pytest.mark.parametrize(
    ("field", "value", "fragment"),
    [
        ("password", "ngan", "ít nhất 8 ký tự"),
        ("unit_name", "   ", "tên đơn vị"),
        ("admin", "Quản Trị", "Tên đăng nhập"),
    ],
    ids=["short-password", "blank-unit-name", "bad-admin-name"],
)
def test_refused_init_leaves_no_database_behind(
    tmp_path: Path, field: str, value: str, fragment: str
) -> None:
    """Like a malformed unit code, any refused init must leave no (uninitialised) database."""
    data = tmp_path / "data"
    result = _init(data, **{field: value})  # type: ignore[arg-type]
    assert_refused(result, fragment)
    assert result.returncode == 2
    assert not (data / "keys" / "station_ed25519.pem").exists()
    assert not (data / "onestop.db").exists(), "a refused init left onestop.db behind"


def test_init_after_a_refused_init_succeeds(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert_refused(_init(data, password="ngan"), "ít nhất 8 ký tự")
    ok(_init(data))
    ok(onestop(data, "verify"))
    users = query(data / "onestop.db", "SELECT username FROM users")
    assert users == [{"username": ADMIN}]


# ------------------------------------------------------------------------------ passwords


def test_password_problems_are_refused_and_change_nothing(station_copy: Path) -> None:
    db = station_copy / "onestop.db"
    before = snapshot(db)
    add = ("user", "add", "lan", "--role", "clerk", "--full-name", "Nguyễn Thị Lan")
    # Too short.
    assert_refused(
        onestop(station_copy, *add, "--password-stdin", input="1234567\n"), "ít nhất 8 ký tự"
    )
    # --password-stdin with nothing on stdin.
    assert_refused(
        onestop(station_copy, *add, "--password-stdin", input=""), "Không đọc được mật khẩu"
    )
    # No --password-stdin and no keyboard (stdin is a pipe): told to use --password-stdin.
    assert_refused(onestop(station_copy, *add, input="matkhau-dai-du\n"), "--password-stdin")
    # Changing a password to a short one, or for an account that does not exist.
    assert_refused(
        onestop(station_copy, "user", "passwd", ADMIN, "--password-stdin", input="short\n"),
        "ít nhất 8 ký tự",
    )
    assert_refused(
        onestop(
            station_copy, "user", "passwd", "khongco", "--password-stdin", input="matkhau-dai-du\n"
        ),
        "khongco",
    )
    assert snapshot(db) == before


# -------------------------------------------------------------------- the data folder itself


def test_read_only_data_dir(station_copy: Path, tmp_path: Path) -> None:
    db = station_copy / "onestop.db"
    before = snapshot(db)
    parent = tmp_path / "locked"
    parent.mkdir()
    os.chmod(station_copy, 0o555)
    os.chmod(parent, 0o555)
    try:
        probe = station_copy / ".write-probe"
        try:
            probe.write_bytes(b"x")
        except OSError:
            pass
        else:
            probe.unlink()
            pytest.skip("chmod 0o555 does not stop writes here (running as root)")
        line = assert_refused(
            onestop(
                station_copy,
                "user",
                "add",
                "lan",
                "--role",
                "clerk",
                "--full-name",
                "Lan",
                "--password-stdin",
                input="matkhau-dai-du\n",
            )
        )
        assert "chỉ cho phép đọc" in line or "không ghi được" in line, line
        line = assert_refused(_init(parent / "data"))
        assert "chỉ cho phép đọc" in line or "không ghi được" in line, line
    finally:
        os.chmod(station_copy, 0o755)
        os.chmod(parent, 0o755)
    assert snapshot(db) == before
    ok(onestop(station_copy, "verify"))


_READ_ONLY_MOUNT = 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" "$1" && shift && '


def _read_only_mount_works(folder: Path) -> bool:
    """Whether this machine lets us remount a folder read-only in a private mount namespace."""
    try:
        probe = run_command(
            [
                "unshare",
                "-m",
                "sh",
                "-c",
                _READ_ONLY_MOUNT + '! touch "$1/.probe" 2>/dev/null',
                "sh",
                str(folder),
                str(folder),
            ],
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return probe.returncode == 0 and not (folder / ".probe").exists()


def _on_read_only_mount(folder: Path, *args: object, input: str | None = None) -> CliResult:
    """Run the CLI with ``folder`` remounted read-only for the child only (works for root)."""
    return run_command(
        [
            "unshare",
            "-m",
            "sh",
            "-c",
            _READ_ONLY_MOUNT + 'exec "$@"',
            "sh",
            str(folder),
            sys.executable,
            "-m",
            "onestop_desktop",
            *(str(a) for a in args),
        ],
        input=input,
    )


def test_data_dir_on_a_read_only_file_system(station_copy: Path, tmp_path: Path) -> None:
    """A read-only medium (a write-protected USB stick, a CD): root cannot write there either."""
    if not _read_only_mount_works(tmp_path):
        pytest.skip("cannot remount a folder read-only here (no unshare/mount permission)")
    db = station_copy / "onestop.db"
    before = snapshot(db)
    empty = tmp_path / "empty"
    empty.mkdir()
    line = assert_refused(
        _on_read_only_mount(
            empty,
            "--data-dir",
            empty / "data",
            "init",
            "--unit-code",
            UNIT_CODE,
            "--unit-name",
            UNIT_NAME,
            "--station",
            "1",
            "--password-stdin",
            input=PASSWORD + "\n",
        )
    )
    assert "chỉ cho phép đọc" in line, line
    assert not (empty / "data").exists()
    line = assert_refused(
        _on_read_only_mount(
            station_copy,
            "--data-dir",
            station_copy,
            "user",
            "add",
            "lan",
            "--role",
            "clerk",
            "--full-name",
            "Lan",
            "--password-stdin",
            input="matkhau-dai-du\n",
        )
    )
    assert snapshot(db) == before
    ok(onestop(station_copy, "verify"))
    assert "chỉ cho phép đọc" in line or "không ghi được" in line, (
        f"the reason does not say the folder is read-only: {line}"
    )


def test_data_dir_below_a_regular_file(tmp_path: Path) -> None:
    """A path through a file can never be a folder, for root too."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("tệp thường, không phải thư mục\n", encoding="utf-8")
    data = blocker / "data"
    line = assert_refused(_init(data))
    assert str(blocker) in line
    for args in (
        ("verify",),
        ("search", "nguyen"),
        ("user", "list"),
        ("backup", "--to", tmp_path / "usb"),
        ("rebuild",),
    ):
        assert_refused(onestop(data, *args))
    assert blocker.read_text(encoding="utf-8") == "tệp thường, không phải thư mục\n"
    assert not (tmp_path / "usb").exists() or not list((tmp_path / "usb").iterdir())


# ------------------------------------------------------------------------------ full disk


def test_full_disk_during_demo_reports_it_and_keeps_the_database(tmp_path: Path) -> None:
    # demo fills only a demo station (never a real one): make an empty demo station first.
    station = tmp_path / "demo"
    ok(onestop(station, "demo", "--dossiers", "0", "--quiet"))
    db = station / "onestop.db"
    before = snapshot(db)
    limit = db.stat().st_size + 16 * 1024
    result = onestop(station, "demo", "--dossiers", "300", "--quiet", file_size_limit=limit)
    line = assert_refused(result)
    ok(onestop(station, "verify"))
    after = snapshot(db)
    assert after["events"][: len(before["events"])] == before["events"]
    assert after["users"] == before["users"]
    assert any(word in line for word in DISK_WORDS), f"no clear disk message: {line}"


def test_full_disk_during_backup_leaves_no_file_and_says_why(
    demo_copy: Path, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    before = snapshot(demo_copy / "onestop.db")
    result = onestop(demo_copy, "backup", "--to", usb, file_size_limit=256 * 1024)
    line = assert_refused(result)
    assert list(usb.iterdir()) == [], "a failed backup left a file that looks like a backup"
    assert snapshot(demo_copy / "onestop.db") == before
    ok(onestop(demo_copy, "verify"))
    assert any(word in line for word in DISK_WORDS), f"no clear disk message: {line}"


def test_init_failed_by_full_disk_can_be_retried(tmp_path: Path) -> None:
    """Once space is freed, ``init`` must work again, wherever the full disk stopped it.

    Bisect the file-size limit for the largest one that still makes ``init`` fail (the failure
    closest to success, i.e. in its last writes), then retry that folder without a limit.
    """
    attempts = 0

    def attempt(limit: int) -> tuple[Path, CliResult]:
        nonlocal attempts
        attempts += 1
        data = tmp_path / f"limit-{limit}"
        return data, _init(data, file_size_limit=limit)

    lo, hi = 64 * 1024, 512 * 1024
    ok(attempt(hi)[1])
    failed = attempt(lo)
    assert failed[1].returncode != 0
    while hi - lo > 8192:
        mid = (lo + hi) // 2
        data, result = attempt(mid)
        if result.returncode == 0:
            hi = mid
        else:
            lo, failed = mid, (data, result)
    data, result = failed
    assert_refused(result)
    retry = _init(data)
    assert retry.returncode == 0, (
        f"init failed at a {lo}-byte file limit, then the retry with space was refused: "
        f"{retry.stderr.strip()}"
    )
    ok(onestop(data, "verify"))


# -------------------------------------------------------------------- not a database, corrupt


COMMANDS_ON_A_DATABASE = (
    ("verify",),
    ("search", "nguyen"),
    ("user", "list"),
    ("rebuild",),
    ("backup", "--to", "USB"),
)


def test_file_that_is_not_sqlite_is_refused_and_kept(tmp_path: Path, demo_backup: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    db = data / "onestop.db"
    junk = "Sổ theo dõi hồ sơ — bản nháp, không phải SQLite\n".encode() * 200
    db.write_bytes(junk)
    for args in COMMANDS_ON_A_DATABASE:
        args = tuple(tmp_path / "usb" if a == "USB" else a for a in args)
        assert_refused(onestop(data, *args), "không phải cơ sở dữ liệu")
    assert_refused(_init(data), "không phải cơ sở dữ liệu")
    assert db.read_bytes() == junk
    assert not (tmp_path / "usb").exists() or not list((tmp_path / "usb").iterdir())
    # Restoring a good backup is the way out, and the unknown file is kept, not deleted.
    ok(onestop(data, "restore", demo_backup))
    kept = [p for p in data.glob("onestop.db.replaced-*") if not p.name.endswith(("-wal", "-shm"))]
    assert len(kept) == 1
    assert kept[0].read_bytes() == junk
    ok(onestop(data, "verify"))


def _corrupt_live_database(db: Path) -> None:
    """Overwrite the middle half of every page in the middle of the file, and of every page of the
    dossier table and its search index (so a search cannot miss the damage)."""
    size = page_size(db)
    count = db.stat().st_size // size
    pages = set(range(count // 4, 3 * count // 4))
    pages |= set(
        pages_of(db, "dossiers", "dossier_fts_data", "dossier_fts_idx", "dossier_fts_docsize")
    )
    with db.open("r+b") as fh:
        for page in sorted(p for p in pages if p > 6):
            fh.seek((page - 1) * size + size // 4)
            fh.write(b"\x5a" * (size // 2))


@pytest.mark.parametrize("checked_today", [False, True], ids=["no-check-yet", "checked-today"])
def test_corrupt_database_is_reported_never_a_traceback(
    demo_copy: Path, demo_backup: Path, checked_today: bool
) -> None:
    db = demo_copy / "onestop.db"
    conn = connect(db)
    conn.execute("DELETE FROM settings WHERE key = 'last_integrity_check'")
    conn.commit()
    conn.close()
    if checked_today:
        # As on any working day: an earlier command already ran the daily integrity check.
        ok(onestop(demo_copy, "verify"))
    _corrupt_live_database(db)

    problems = []
    # Commands that write always run the start-up check; read-only ones may skip a check made
    # earlier today, but then fail on the damaged pages they read (search reads the dossiers).
    commands: list[tuple[str, ...]] = [
        ("search", "nguyen"),
        ("search", "0912 345 678"),
        ("verify",),
        ("rebuild",),
        ("calendar", "add-day-off", "2026-12-31"),
        ("settings", "set", "max_reschedules", "2"),
    ]
    if not checked_today:
        commands.append(("user", "list"))
    for args in commands:
        result = onestop(demo_copy, *args)
        try:
            assert_refused(result, "hỏng")
        except AssertionError as exc:
            problems.append(f"onestop {' '.join(args)}: {exc}")
    check = onestop(demo_copy, "self-check")
    if (
        check.returncode != 1
        or "lỗi không mong đợi" in check.stderr
        or ("[LỖI] Cơ sở dữ liệu" not in check.stdout)
    ):
        problems.append(f"self-check: exit {check.returncode}\n{check.stdout}\n{check.stderr}")
    assert not problems, "\n\n".join(problems)

    # The way out still works: restore the last good backup over it.
    ok(onestop(demo_copy, "restore", demo_backup))
    ok(onestop(demo_copy, "verify"))


# ------------------------------------------------------------------------- backups and restore


def test_interrupted_backup_partial_is_never_accepted(
    demo_copy: Path, demo_backup: Path, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    db_hash = sha256(demo_copy / "onestop.db")
    data = demo_backup.read_bytes()
    stem = "onestop-20250101-080000.db"
    half = usb / f"{stem}.partial"
    half.write_bytes(data[: len(data) // 2])
    assert_refused(onestop(demo_copy, "restore", half))
    _untouched(demo_copy, db_hash)
    # A new backup into the same folder works despite the leftover.
    ok(onestop(demo_copy, "backup", "--to", usb))
    finished = [p for p in usb.glob("onestop-*.db") if p.name != stem]
    assert len(finished) == 1
    assert query(finished[0], "PRAGMA integrity_check") == [{"integrity_check": "ok"}]
    # Even a .partial whose copy happened to complete was never verified and renamed by backup:
    # it is not a backup.
    whole = usb / "onestop-20250101-090000.db.partial"
    whole.write_bytes(data)
    db_hash = sha256(demo_copy / "onestop.db")
    assert_refused(onestop(demo_copy, "restore", whole))
    _untouched(demo_copy, db_hash)


@pytest.mark.parametrize("keep", ["half", "pages"], ids=["cut-mid-page", "cut-on-page"])
def test_truncated_backup_is_refused(
    demo_copy: Path, demo_backup: Path, tmp_path: Path, keep: str
) -> None:
    data = demo_backup.read_bytes()
    size = page_size(demo_backup)
    cut = len(data) // 2 + 123 if keep == "half" else (len(data) // size * 3 // 4) * size
    truncated = tmp_path / demo_backup.name
    truncated.write_bytes(data[:cut])
    db_hash = sha256(demo_copy / "onestop.db")
    assert_refused(onestop(demo_copy, "restore", truncated), "hỏng")
    _untouched(demo_copy, db_hash)


def _damage_hash_digit(backup: Path) -> None:
    conn = sqlite3.connect(backup)
    n = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    (digest,) = conn.execute("SELECT hash FROM events WHERE seq = ?", (n // 2,)).fetchone()
    conn.close()
    offset = backup.read_bytes().find(digest.encode())
    assert offset > 0
    flip_bits(backup, offset + 10, 1, 0x01)  # one bit: still an ASCII character


def _damage_payload_brace(backup: Path) -> None:
    raw = backup.read_bytes()
    offset = raw.find(b'{"applicant":', len(raw) // 3)
    assert offset > 0
    flip_bits(backup, offset, 1, 0x01)  # "{" becomes "z": the payload is no longer JSON


def _damage_event_text(backup: Path) -> None:
    leaves = pages_of(backup, "events", pagetype="leaf")
    size = page_size(backup)
    page = leaves[len(leaves) // 2]
    flip_bits(backup, page * size - 16, 16)  # the end of the page: the first cell's text


def _damage_page_header(backup: Path) -> None:
    leaves = pages_of(backup, "events", pagetype="leaf")
    size = page_size(backup)
    page = leaves[len(leaves) // 2]
    overwrite(backup, (page - 1) * size, b"\x00\xff\xff\xff")


@pytest.mark.parametrize(
    "damage",
    [_damage_hash_digit, _damage_payload_brace, _damage_event_text, _damage_page_header],
    ids=["bit-in-event-hash", "bit-in-event-payload", "bytes-in-event-row", "page-header"],
)
def test_damaged_backup_is_refused(
    demo_copy: Path, demo_backup: Path, tmp_path: Path, damage: object
) -> None:
    damaged = tmp_path / demo_backup.name
    shutil.copyfile(demo_backup, damaged)
    damage(damaged)  # type: ignore[operator]
    db_hash = sha256(demo_copy / "onestop.db")
    line = assert_refused(onestop(demo_copy, "restore", damaged))
    assert "hỏng" in line or "đứt" in line, f"the reason does not say the backup is damaged: {line}"
    _untouched(demo_copy, db_hash)


# ------------------------------------------------------------------------ newer schema


def _make_newer(db: Path, how: str) -> None:
    conn = sqlite3.connect(db)
    if how == "user_version":
        conn.execute("PRAGMA user_version = 999")
    else:
        conn.execute(
            "INSERT INTO _sqlite_migrations(migration_set, name, applied_at) "
            "VALUES ('onestop', 'm999_from_the_future', '2030-01-01 00:00:00+00:00')"
        )
    conn.commit()
    conn.close()


def _schema_marks(db: Path) -> tuple[int, list[str]]:
    conn = sqlite3.connect(db)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        names = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY name")]
        return version, names
    finally:
        conn.close()


@pytest.mark.parametrize("how", ["user_version", "migration_row"])
def test_database_from_a_newer_version_is_refused(
    station_copy: Path, tmp_path: Path, how: str
) -> None:
    db = station_copy / "onestop.db"
    _make_newer(db, how)
    marks, before = _schema_marks(db), snapshot(db)
    for args in COMMANDS_ON_A_DATABASE:
        args = tuple(tmp_path / "usb" if a == "USB" else a for a in args)
        assert_refused(onestop(station_copy, *args), "phiên bản phần mềm mới hơn")
    assert_refused(
        onestop(
            station_copy,
            "user",
            "add",
            "lan",
            "--role",
            "clerk",
            "--full-name",
            "Lan",
            "--password-stdin",
            input="matkhau-dai-du\n",
        ),
        "phiên bản phần mềm mới hơn",
    )
    assert_refused(_init(station_copy), "mới hơn")
    assert _schema_marks(db) == marks
    assert snapshot(db) == before
    assert not (tmp_path / "usb").exists() or not list((tmp_path / "usb").iterdir())


@pytest.mark.parametrize("how", ["user_version", "migration_row"])
def test_backup_from_a_newer_version_is_not_restored(
    demo_copy: Path, demo_backup: Path, tmp_path: Path, how: str
) -> None:
    newer = tmp_path / demo_backup.name
    shutil.copyfile(demo_backup, newer)
    _make_newer(newer, how)
    db_hash = sha256(demo_copy / "onestop.db")
    assert_refused(onestop(demo_copy, "restore", newer), "phiên bản phần mềm mới hơn")
    _untouched(demo_copy, db_hash)
