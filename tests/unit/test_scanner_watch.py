"""The watched scanner folder (#11): a slow writer in chunks is taken only once its size stops
changing and it decodes whole; a vanished file is forgotten; a hopeless one is reported; an
assigned file moves to ``processed/`` only after it is stored, and a refused one stays."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from onestop_desktop.scanning import watch
from onestop_desktop.services import attachments as att
from onestop_desktop.services import dossiers, scanner_watch, settings
from onestop_desktop.services.context import Session
from onestop_desktop.services.dossiers import Intake
from tests.helpers import scans

from .test_dossiers import LAN


def test_slow_writer_in_chunks_is_taken_only_when_whole(tmp_path: Path) -> None:
    folder = tmp_path / "scan"
    folder.mkdir()
    data = scans.tiff(tmp_path / "src.tif", 4).read_bytes()
    target = folder / "scan0001.tif"
    w = watch.FolderWatcher(folder, stable_polls=2)
    chunk = len(data) // 5 + 1
    with target.open("wb") as fh:
        for start in range(0, len(data), chunk):
            fh.write(data[start : start + chunk])
            fh.flush()
            assert w.poll() == []  # growing: never taken
            time.sleep(0.01)
    assert w.poll() == []  # first stable poll
    (ready,) = w.poll()
    assert isinstance(ready, watch.Ready) and ready.checked.pages == 4
    assert w.poll() == []  # reported once


def test_writer_thread_and_a_stalled_half_file(tmp_path: Path) -> None:
    folder = tmp_path / "scan"
    folder.mkdir()
    data = scans.pdf(tmp_path / "src.pdf", 3).read_bytes()
    target = folder / "scan0002.pdf"
    w = watch.FolderWatcher(folder, stable_polls=2, give_up_polls=4)
    half = threading.Event()

    def writer() -> None:
        with target.open("wb") as fh:
            fh.write(data[: len(data) // 2])
            fh.flush()
            half.set()
            time.sleep(0.3)  # the scanner's second pass comes later
            fh.write(data[len(data) // 2 :])

    t = threading.Thread(target=writer)
    t.start()
    half.wait()
    seen: list[watch.Ready | watch.Refused] = []
    for _ in range(3):  # stable but truncated: not taken, not yet given up
        seen += w.poll()
        time.sleep(0.02)
    assert seen == []
    t.join()
    for _ in range(4):
        seen += w.poll()
    assert [type(s) for s in seen] == [watch.Ready]


def test_vanished_and_hopeless_files(tmp_path: Path) -> None:
    folder = tmp_path / "scan"
    folder.mkdir()
    w = watch.FolderWatcher(folder, stable_polls=1, give_up_polls=3)
    gone = scans.png(folder / "a.png")
    bad = folder / "b.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0 not really a photo")
    (folder / "ghi-chu.txt").write_text("bỏ qua")
    w.poll()
    gone.unlink()  # vanished between polls
    results = [r for _ in range(4) for r in w.poll()]
    assert [(type(r), r.path.name) for r in results] == [(watch.Refused, "b.jpg")]
    assert isinstance(results[0], watch.Refused) and "b.jpg" in str(results[0].error)
    assert watch.FolderWatcher(tmp_path / "no-such-share").poll() == []  # share unreachable


def test_inbox_assigns_then_moves_to_processed(ctx: Session, tmp_path: Path) -> None:
    folder = tmp_path / "scan"
    folder.mkdir()
    settings.set_setting(ctx, "scanner_folder", str(folder))
    inbox = scanner_watch.ScannerInbox.for_station(ctx)
    assert inbox is not None and inbox.folder == folder
    code = dossiers.receive(ctx, Intake("1.004873", LAN)).code
    first = scans.jpeg(folder / "scan1.jpg")
    second = scans.tiff(folder / "scan2.tif", 2)
    for _ in range(3):
        inbox.poll()
    assert [p.name for p in inbox.pending()] == ["scan1.jpg", "scan2.tif"]
    items = inbox.assign(ctx, code, [first, second], document=1)
    assert [a.name for a in items] == ["scan1.jpg", "scan2.tif"]
    assert not first.exists() and (folder / "processed" / "scan1.jpg").exists()
    assert inbox.pending() == []
    # the same page scanned again: refused naming the dossier, left in the folder, still pending
    again = folder / "scan3.jpg"
    again.write_bytes((folder / "processed" / "scan1.jpg").read_bytes())
    for _ in range(3):
        inbox.poll()
    with pytest.raises(att.DuplicateFile, match=code):
        inbox.assign(ctx, code, [again])
    assert again.exists() and [p.name for p in inbox.pending()] == ["scan3.jpg"]


def test_no_folder_set_means_no_inbox(ctx: Session) -> None:
    assert scanner_watch.ScannerInbox.for_station(ctx) is None
