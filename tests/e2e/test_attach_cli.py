"""``onestop attach`` / ``onestop attachments`` (#11) through the real CLI, and a power cut (a real
SIGKILL) at every step between storing the file and committing its event: never an event
without its file, never a lost file (attaching again after the cut completes cleanly)."""

from __future__ import annotations

import json
import shutil
import signal
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import assert_refused, init_station, ok, onestop, run_command
from tests.helpers import scans

SQL_CUT = Path(__file__).resolve().parent / "sql_cut.py"

PROBE = """
import json, sys, hashlib
from pathlib import Path
from onestop_desktop import paths
from onestop_desktop.cli.common import open_session
from onestop_desktop.services import attachments
ctx = open_session(paths.DataDir(Path(sys.argv[1])))
items = attachments.list_for(ctx, sys.argv[2])
store = attachments.content_store(ctx)
ok = [hashlib.sha256(store.path_of(a.sha256).read_bytes()).hexdigest() == a.sha256
      for a in items]
report = attachments.sweep(ctx, remove_partials=False)
print(json.dumps({"names": [a.name for a in items], "files_ok": ok,
                  "missing": list(report.missing), "unreferenced": list(report.unreferenced)}))
"""


def probe(data: Path, code: str) -> dict[str, Any]:
    result = ok(run_command([sys.executable, "-c", PROBE, str(data), code]))
    value: dict[str, Any] = json.loads(result.stdout)
    return value


@pytest.fixture(scope="module")
def station(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, list[Path]]:
    base = tmp_path_factory.mktemp("attach")
    data = base / "data"
    init_station(data, catalog="starter")
    out = ok(
        onestop(
            data,
            "dossier",
            "receive",
            "--procedure",
            "2.000815",
            "--name",
            "Lê Văn Hùng",
            "--json",
        )
    )
    code = json.loads(out.stdout)["code"]
    scans_dir = base / "scans"
    scans_dir.mkdir()
    made = [scans.jpeg(scans_dir / "cccd.jpg", orientation=6), scans.g4_tiff(scans_dir / "fax.tif")]
    return data, code, made


def test_attach_list_combine_and_check(
    station: tuple[Path, str, list[Path]], tmp_path: Path
) -> None:
    base, code, made = station
    data = tmp_path / "data"
    shutil.copytree(base, data)
    out = ok(onestop(data, "attach", code, *made, "--json"))
    assert [a["name"] for a in json.loads(out.stdout)] == ["cccd.jpg", "fax.tif"]
    listed = ok(onestop(data, "attachments", code)).stdout
    assert "cccd.jpg" in listed and "fax.tif (2 trang" in listed
    # the dossier itself shows its pages, and its history tells each scan (wave 3)
    shown = json.loads(ok(onestop(data, "dossier", "show", code, "--json")).stdout)
    assert [(a["name"], a["kind"], a["pages"]) for a in shown["attachments"]] == [
        ("cccd.jpg", "JPEG", 1),
        ("fax.tif", "TIFF", 2),
    ]
    assert all(len(a["sha256"]) == 64 and a["added_by"] for a in shown["attachments"])
    assert "fax.tif (TIFF, 2 trang)" in ok(onestop(data, "dossier", "show", code)).stdout
    history = ok(onestop(data, "dossier", "history", code)).stdout
    assert "Thêm 1 trang quét  tệp cccd.jpg" in history
    assert "Thêm 2 trang quét  tệp fax.tif" in history
    pdf = tmp_path / "gop.pdf"
    assert "3 trang" in ok(onestop(data, "attachments", code, "--pdf", pdf)).stdout
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "khớp" in ok(onestop(data, "attachments", "--check")).stdout
    # the same file again: refused, naming the dossier that has it
    assert_refused(onestop(data, "attach", code, made[0]), "cccd.jpg", code)
    # a bad file: refused with its name and reason, nothing recorded
    bad = scans.truncated(made[0], tmp_path / "hong.jpg")
    assert_refused(onestop(data, "attach", code, bad), "hong.jpg", "chưa ghi xong")
    # a file gone missing is reported by --check (exit 3)
    sha = json.loads(ok(onestop(data, "attachments", code, "--json")).stdout)[0]["sha256"]
    (data / "attachments" / sha[:2] / sha).unlink()
    checked = onestop(data, "attachments", "--check")
    assert checked.returncode == 3 and f"THIẾU tệp {sha}" in checked.stdout


def _killed(result: Any) -> bool:
    assert result.returncode in (0, -signal.SIGKILL), result.stderr
    return bool(result.returncode != 0)


def _after_cut(data: Path, code: str, made: list[Path], killed: bool) -> None:
    seen = probe(data, code)
    assert seen["missing"] == [], "an event names a file that is not on the disk"
    assert all(seen["files_ok"]), "a stored file does not match its hash"
    assert seen["names"] in ([], ["cccd.jpg", "fax.tif"]), "a batch was half recorded"
    if not killed:
        assert seen["names"] == ["cccd.jpg", "fax.tif"]
    if seen["names"] == []:
        # nothing lost: attaching again completes, reusing whatever the cut left stored
        ok(onestop(data, "attach", code, *made))
    again = probe(data, code)
    assert again["names"] == ["cccd.jpg", "fax.tif"]
    assert again["unreferenced"] == [] and again["missing"] == []


def test_attach_killed_at_every_file_step(
    station: tuple[Path, str, list[Path]], tmp_path: Path
) -> None:
    base, code, made = station
    completed = False
    for step in range(1, 40):
        data = tmp_path / f"cut-{step}"
        shutil.copytree(base, data)
        result = onestop(data, "attach", code, *made, env={"ONESTOP_FAULT_AT": str(step)})
        killed = _killed(result)
        _after_cut(data, code, made, killed)
        if not killed:
            completed = True
            break
    assert completed and step > 4, "the attach passed fewer fault points than expected"


def test_attach_killed_at_its_sql_writes(
    station: tuple[Path, str, list[Path]], tmp_path: Path
) -> None:
    base, code, made = station
    args = ["--data-dir"]
    first = tmp_path / "uncut"
    shutil.copytree(base, first)
    uncut = ok(
        run_command(
            [sys.executable, str(SQL_CUT), "0", *args, str(first), "attach", code, *map(str, made)]
        )
    )
    n = int(uncut.stderr.rsplit("sql_cut:", 1)[1].split()[0])
    for k in sorted({1, max(1, n // 2), max(1, n - 1), n}):
        data = tmp_path / f"sql-{k}"
        shutil.copytree(base, data)
        result = run_command(
            [
                sys.executable,
                str(SQL_CUT),
                str(k),
                *args,
                str(data),
                "attach",
                code,
                *map(str, made),
            ]
        )
        _after_cut(data, code, made, _killed(result))


def test_backup_carries_the_scans_through_a_lost_data_folder(
    station: tuple[Path, str, list[Path]], tmp_path: Path
) -> None:
    """``onestop backup --to USB``, the data folder deleted, ``onestop restore`` into a new one:
    every page is back with its hash; ``backup verify`` reports a scan missing from the USB."""
    base, code, made = station
    data = tmp_path / "data"
    shutil.copytree(base, data)
    ok(onestop(data, "attach", code, *made))
    usb = tmp_path / "usb"
    out = ok(onestop(data, "backup", "--to", usb)).stdout
    assert "Bản quét: 2 tệp" in out and "2 tệp mới chép" in out
    (backup_file,) = usb.glob("onestop-*.db")
    assert "đủ cả 2 tệp" in ok(onestop(data, "backup", "verify", backup_file)).stdout
    shutil.rmtree(data)
    fresh = tmp_path / "new-pc"
    restored = ok(onestop(fresh, "restore", backup_file)).stdout
    assert "2 tệp chép lại" in restored
    after = probe(fresh, code)
    assert after["names"] == ["cccd.jpg", "fax.tif"]
    assert after["files_ok"] == [True, True] and not after["missing"]
    assert "khớp" in ok(onestop(fresh, "attachments", "--check")).stdout
    # a scan gone from the backup's store is reported by backup verify (exit 3)
    shown = json.loads(ok(onestop(fresh, "attachments", code, "--json")).stdout)
    sha = shown[1]["sha256"]
    (usb / "attachments" / sha[:2] / sha).unlink()
    checked = onestop(fresh, "backup", "verify", backup_file)
    assert checked.returncode == 3, checked.stderr
    assert f"THIẾU bản quét {sha}" in checked.stdout


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="FIFOs are POSIX")
def test_attach_refuses_a_folder_or_fifo_without_hanging(
    station: tuple[Path, str, list[Path]], tmp_path: Path
) -> None:
    """A folder or a FIFO given as a scan: refused at once with its name and why (a FIFO opened
    for reading would wait forever for a writer), nothing recorded."""
    import os

    base, code, _made = station
    data = tmp_path / "data"
    shutil.copytree(base, data)
    (tmp_path / "ho-so.pdf").mkdir()
    os.mkfifo(tmp_path / "anh.jpg")
    assert_refused(onestop(data, "attach", code, tmp_path / "ho-so.pdf"), "ho-so.pdf", "thư mục")
    assert_refused(
        onestop(data, "attach", code, tmp_path / "anh.jpg"), "anh.jpg", "không phải tệp thường"
    )
    assert probe(data, code)["names"] == []
