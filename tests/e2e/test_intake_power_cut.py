"""A power cut in the middle of an intake (#9): the GUI is a real process, SIGKILLed after the
draft was written; the next start offers the draft back and restores every field."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.e2e.conftest import _child_env, run_command

DRIVER = Path(__file__).with_name("intake_driver.py")
REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")


def test_the_draft_survives_a_sigkill_and_is_offered_back(demo_copy: Path) -> None:
    env = _child_env({"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)})
    seen: list[str] = []
    draft_line = None
    with subprocess.Popen(
        [sys.executable, str(DRIVER), str(demo_copy), "fill"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        encoding="utf-8",
        env=env,
    ) as child:
        try:
            assert child.stdout is not None
            deadline = time.monotonic() + 90
            while time.monotonic() < deadline:
                line = child.stdout.readline()
                if not line:
                    break
                seen.append(line.strip())
                if line.startswith("DRAFT "):
                    draft_line = line.strip()
                    break
            assert draft_line is not None, seen
            assert "FILLED" in seen  # the draft came after the form was filled, by the timer
            os.kill(child.pid, signal.SIGKILL)  # the power cut
            assert child.wait(timeout=30) == -signal.SIGKILL
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()

    path = Path(draft_line.removeprefix("DRAFT "))
    assert path == demo_copy / "drafts" / "tiepnhan.json"
    assert not list(path.parent.glob("*.partial"))  # no half-written temporary left
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["draft"]["applicant"]["name"] == "Đỗ Thị Hương Giang"

    again = run_command(
        [sys.executable, str(DRIVER), str(demo_copy), "check"],
        env={"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)},
        timeout=120,
    )
    assert again.returncode == 0, (again.stdout, again.stderr)
    report = json.loads(again.stdout.strip().splitlines()[-1])
    assert report["offered"] is True
    assert "Đỗ Thị Hương Giang" in report["offer"] and "Khôi phục bản nháp?" in report["offer"]
    assert report["procedure"] == "1.001193"
    assert report["fields"] == {
        "applicantName": "Đỗ Thị Hương Giang",
        "applicantId": "001190012345",
        "applicantBirth": "17/05/1990",
        "note": "Mẹ nộp thay, mang bản chính giấy chứng sinh",
    }
