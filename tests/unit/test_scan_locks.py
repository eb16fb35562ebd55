"""A scanned file held by another program, or gone, or not a file at all (#11, wave 3): at the
watched folder and at ``attach``. The watcher waits and tries again (never moves or loses the
file) and says so after N tries; ``attach`` names the file and the reason and records nothing.

What is real here (Linux, tests run as root): another *process* writing the file in chunks; a
file deleted between the folder listing and the open; a folder and a FIFO with a scanner's file
name; a read really refused by the OS (EACCES) in a child process running as ``nobody`` while
the file is mode 000, then allowed. What is simulated: Windows's sharing violation (a
``PermissionError`` with ``winerror`` 32 from ``open``), which Linux cannot produce.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from onestop_desktop.scanning import check, watch
from onestop_desktop.services import attachments as att
from onestop_desktop.services import dossiers, scanner_watch, settings
from onestop_desktop.services.context import Session
from onestop_desktop.services.dossiers import Intake
from onestop_desktop.store import events
from tests.helpers import scans

from .test_dossiers import LAN

SHARING_VIOLATION = 32
POSIX_ONLY = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")


@pytest.fixture
def code(ctx: Session) -> str:
    return dossiers.receive(ctx, Intake("1.004873", LAN)).code


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[Path, int]]:
    """``held[path] = n``: the next ``n`` opens of ``path`` fail as Windows fails them while a
    scanner has the file open (``PermissionError``, winerror 32)."""
    counts: dict[Path, int] = {}
    real_open = Path.open

    def fake_open(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        left = counts.get(self.resolve(), 0)
        if left:
            counts[self.resolve()] = left - 1
            err = PermissionError(
                13,
                "The process cannot access the file because it is being used by another process",
            )
            err.winerror = SHARING_VIOLATION  # type: ignore[attr-defined]
            raise err
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", fake_open)
    yield counts


def _hold(counts: dict[Path, int], path: Path, n: int) -> None:
    counts[path.resolve()] = n


def _poll(w: watch.FolderWatcher, times: int) -> list[watch.Ready | watch.Refused | watch.Waiting]:
    return [r for _ in range(times) for r in w.poll()]


# ------------------------------------------------------------------- the watched folder


def test_a_held_file_is_waited_for_said_after_n_tries_then_taken(
    tmp_path: Path, held: dict[Path, int]
) -> None:
    folder = tmp_path / "scan"
    folder.mkdir()
    page = scans.tiff(folder / "scan0001.tif", 2)
    w = watch.FolderWatcher(folder, stable_polls=1, give_up_polls=3, locked_report_polls=4)
    _hold(held, page, 30)  # the scanner keeps it open for a long time: far beyond give_up_polls
    seen = _poll(w, 8)
    assert [type(s) for s in seen] == [watch.Waiting]  # said once, never refused
    waiting = seen[0]
    assert isinstance(waiting, watch.Waiting) and waiting.tries == 4
    text = str(waiting.error)
    assert "scan0001.tif" in text and "4 lần thử" in text and "chương trình khác giữ" in text
    assert w.waiting() == [page]
    assert page.exists() and not (folder / "processed").exists()  # never moved
    held.clear()  # the scanner lets go
    (ready,) = _poll(w, 2)
    assert isinstance(ready, watch.Ready) and ready.checked.pages == 2
    assert w.waiting() == []


def test_the_inbox_shows_a_held_file_waiting_then_ready(
    ctx: Session, code: str, tmp_path: Path, held: dict[Path, int]
) -> None:
    folder = tmp_path / "scan"
    folder.mkdir()
    settings.set_setting(ctx, "scanner_folder", str(folder))
    inbox = scanner_watch.ScannerInbox(folder, stable_polls=1)
    inbox._watcher.locked_report_polls = 3
    page = scans.jpeg(folder / "scan7.jpg")
    _hold(held, page, 1000)
    for _ in range(6):
        inbox.poll()
    (waiting,) = inbox.pending()
    assert waiting.waiting and waiting.error is not None and "3 lần thử" in str(waiting.error)
    held.clear()
    for _ in range(2):
        inbox.poll()
    (ready,) = inbox.pending()
    assert not ready.waiting and ready.error is None and ready.pages == 1
    inbox.assign(ctx, code, [page])
    assert (folder / "processed" / "scan7.jpg").exists()


def test_a_real_writer_process_is_waited_for(tmp_path: Path) -> None:
    """Another process (not a thread of ours) writes the file in three passes with pauses."""
    folder = tmp_path / "scan"
    folder.mkdir()
    source = scans.pdf(tmp_path / "src.pdf", 3)
    target = folder / "scan0003.pdf"
    writer = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "data = open(sys.argv[1], 'rb').read()\n"
            "third = len(data) // 3 + 1\n"
            "with open(sys.argv[2], 'wb') as out:\n"
            "    for i in range(0, len(data), third):\n"
            "        if i: time.sleep(0.4)\n"
            "        out.write(data[i:i + third]); out.flush()\n",
            str(source),
            str(target),
        ]
    )
    w = watch.FolderWatcher(folder, stable_polls=2, give_up_polls=50)
    seen: list[watch.Ready | watch.Refused | watch.Waiting] = []
    while writer.poll() is None:
        seen += w.poll()
        time.sleep(0.05)
    assert writer.returncode == 0
    seen += _poll(w, 3)
    # taken once, whole (the two stalls with a third and two thirds written were waited out)
    assert [type(s) for s in seen] == [watch.Ready]
    ready = seen[0]
    assert isinstance(ready, watch.Ready)
    assert ready.checked.pages == 3 and ready.checked.size == source.stat().st_size
    assert target.exists()


def test_a_file_deleted_between_listing_and_open_is_forgotten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "scan"
    folder.mkdir()
    page = scans.png(folder / "scan5.png")
    real = check.check

    def delete_then_check(path: Path, limits: check.Limits = check.DEFAULT_LIMITS) -> check.Checked:
        path.unlink(missing_ok=True)  # the scanner's retry removed it after scandir listed it
        return real(path, limits)

    monkeypatch.setattr(watch.checks, "check", delete_then_check)
    w = watch.FolderWatcher(folder, stable_polls=1, give_up_polls=2)
    assert _poll(w, 4) == []  # not refused, not an error: gone
    assert not page.exists() and w.waiting() == []


@POSIX_ONLY
def test_a_folder_and_a_fifo_with_scan_names_are_never_opened(tmp_path: Path) -> None:
    folder = tmp_path / "scan"
    folder.mkdir()
    (folder / "scan8.pdf").mkdir()
    os.mkfifo(folder / "scan9.jpg")  # opening it for reading would wait for a writer forever
    w = watch.FolderWatcher(folder, stable_polls=1, give_up_polls=2)
    done: list[object] = []
    t = threading.Thread(target=lambda: done.append(_poll(w, 4)), daemon=True)
    t.start()
    t.join(timeout=10)
    assert done == [[]], "the watcher hung or reported a non-file"
    for name, reason in (("scan8.pdf", "thư mục"), ("scan9.jpg", "không phải tệp thường")):
        with pytest.raises(check.BadFile, match=reason):
            check.check(folder / name)


SYSTEM_PYTHON = Path("/usr/bin/python3.11")
"""The venv's interpreter lives under /root (mode 700): ``nobody`` runs the system one of the
same version, with the project's source and the venv's packages on its path."""


def _as_nobody() -> None:
    os.setgid(65534)
    os.setgroups([])
    os.setuid(65534)


def _nobody_env() -> dict[str, str]:
    import PIL

    import onestop_desktop

    src = Path(onestop_desktop.__file__).resolve().parents[1]
    site = Path(PIL.__file__).resolve().parents[1]
    return {"PATH": "/usr/bin:/bin", "PYTHONPATH": f"{src}:{site}"}


def _nobody_can_run_python() -> bool:
    if os.geteuid() != 0 or not SYSTEM_PYTHON.is_file():
        return False
    if sys.version_info[:2] != (3, 11):
        return False
    try:
        probe = subprocess.run(
            [str(SYSTEM_PYTHON), "-c", "import onestop_desktop.scanning.watch"],
            preexec_fn=_as_nobody,
            env=_nobody_env(),
            capture_output=True,
            timeout=60,
            cwd="/tmp",
        )
    except OSError:
        return False
    return probe.returncode == 0


WATCH_AS_NOBODY = """
import sys, time
from pathlib import Path
from onestop_desktop.scanning import watch
w = watch.FolderWatcher(Path(sys.argv[1]), stable_polls=1, locked_report_polls=3)
for _ in range(400):
    for found in w.poll():
        print(type(found).__name__, found.path.name, flush=True)
        if type(found).__name__ == "Ready":
            sys.exit(0)
    time.sleep(0.05)
sys.exit(1)
"""


def test_a_read_really_refused_by_the_os_is_waited_for() -> None:
    """Root reads everything, so the watcher runs in a child as ``nobody``: a mode-000 file
    gives a real EACCES, the watcher waits and says so, and takes the file once it is readable."""
    if not _nobody_can_run_python():
        pytest.skip("needs root (to run a child as nobody) and a venv nobody can read")
    folder = Path(tempfile.mkdtemp(prefix="onestop-lock-", dir="/tmp"))
    try:
        folder.chmod(0o755)
        page = scans.jpeg(folder / "scan1.jpg")
        page.chmod(0o000)
        child = subprocess.Popen(
            [str(SYSTEM_PYTHON), "-c", WATCH_AS_NOBODY, str(folder)],
            preexec_fn=_as_nobody,
            env=_nobody_env(),
            cwd="/tmp",
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        with child.stdout:
            first = child.stdout.readline().split()
            assert first == ["Waiting", "scan1.jpg"]
            assert page.exists()
            page.chmod(0o644)  # the scanner's service hands the file over
            second = child.stdout.readline().split()
            assert second == ["Ready", "scan1.jpg"]
        assert child.wait(timeout=30) == 0
    finally:
        for p in sorted(folder.rglob("*"), reverse=True):
            p.unlink()
        folder.rmdir()


# ------------------------------------------------------------------------------ attach


def test_attach_waits_a_little_for_a_held_file_then_takes_it(
    ctx: Session, code: str, tmp_path: Path, held: dict[Path, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(att, "LOCK_WAIT", 0.01)
    page = scans.jpeg(tmp_path / "cccd.jpg")
    _hold(held, page, att.LOCK_TRIES - 1)
    (item,) = att.attach(ctx, code, [page])
    assert item.name == "cccd.jpg"


def test_attach_refuses_a_file_held_too_long_and_records_nothing(
    ctx: Session, code: str, tmp_path: Path, held: dict[Path, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(att, "LOCK_WAIT", 0.01)
    good = scans.png(tmp_path / "don.png")
    page = scans.jpeg(tmp_path / "cccd.jpg")
    _hold(held, page, 1000)
    before = events.head(ctx.store, 1)
    with pytest.raises(check.Locked) as err:
        att.attach(ctx, code, [good, page])
    assert "cccd.jpg" in str(err.value) and "chương trình khác giữ" in str(err.value)
    assert events.head(ctx.store, 1) == before
    assert list(att.content_store(ctx).hashes()) == []


def test_attach_refuses_a_file_that_changes_or_vanishes_while_read(
    ctx: Session, code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    grows = scans.jpeg(tmp_path / "dang-ghi.jpg")
    goes = scans.png(tmp_path / "bien-mat.png")
    real = check.check

    def then_touch(path: Path, limits: check.Limits = check.DEFAULT_LIMITS) -> check.Checked:
        got = real(path, limits)
        if path == grows:
            with path.open("ab") as fh:
                fh.write(b"\x00" * 4096)  # the scanner's next pass, after the check
        if path == goes:
            path.unlink()
        return got

    monkeypatch.setattr(att.checks, "check", then_touch)
    before = events.head(ctx.store, 1)
    with pytest.raises(check.BadFile, match=r"dang-ghi\.jpg.*thay đổi trong lúc đọc"):
        att.attach(ctx, code, [grows])
    with pytest.raises(check.BadFile, match=r"bien-mat\.png.*không còn"):
        att.attach(ctx, code, [goes])
    assert events.head(ctx.store, 1) == before
    assert list(att.content_store(ctx).hashes()) == []


@POSIX_ONLY
def test_attach_refuses_a_folder_and_a_fifo_at_once(
    ctx: Session, code: str, tmp_path: Path
) -> None:
    (tmp_path / "ho-so.pdf").mkdir()
    os.mkfifo(tmp_path / "anh.jpg")
    with pytest.raises(check.BadFile) as folder_err:
        att.attach(ctx, code, [tmp_path / "ho-so.pdf"])
    assert str(folder_err.value) == (
        "Không nhận được tệp ho-so.pdf: đây là một thư mục, không phải tệp"
    )
    # the FIFO's check runs on a thread so that a hang fails the test instead of stopping it
    outcome: list[BaseException] = []

    def run() -> None:
        try:
            check.check(tmp_path / "anh.jpg")
        except check.BadFile as exc:
            outcome.append(exc)

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(timeout=10)
    assert [str(e) for e in outcome] == [
        "Không nhận được tệp anh.jpg: không phải tệp thường (ống dẫn, thiết bị…)"
    ]
    assert att.list_for(ctx, code) == []
