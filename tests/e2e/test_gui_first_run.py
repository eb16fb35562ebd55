"""The real app, as a process, on a new PC: an empty data folder opens the first-run wizard.

``onestop gui --smoke-test`` shows the first window, waits for it to paint, says which it was
and quits (the hook the start-up benchmark and the frozen build use), offscreen.
"""

from __future__ import annotations

from pathlib import Path

from tests.e2e.conftest import run_cli


def _gui(data: Path) -> str:
    result = run_cli(
        "--data-dir", data, "gui", "--smoke-test", env={"QT_QPA_PLATFORM": "offscreen"}
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_an_empty_folder_opens_the_setup_wizard_and_creates_nothing(tmp_path: Path) -> None:
    data = tmp_path / "may-moi"
    assert _gui(data) == "setup wizard shown"
    assert not data.exists(), "nothing is written before the clerk finishes the wizard"
    data.mkdir()
    assert _gui(data) == "setup wizard shown", "an empty folder too"
    assert list(data.iterdir()) == []


def test_a_station_opens_the_sign_in_window(demo_copy: Path) -> None:
    assert _gui(demo_copy) == "sign-in window shown"
