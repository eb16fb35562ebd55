"""The real app, as a process, on a new PC: an empty data folder opens the first-run wizard.

``onestop gui --smoke-test`` shows the first window, waits for it to paint, says which it was
and quits (the hook the start-up benchmark and the frozen build use), offscreen.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tests.e2e.conftest import run_cli, run_command


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


def test_the_start_path_loads_neither_the_wizard_nor_the_lock(demo_copy: Path) -> None:
    """What the sign-in window's start imports (the ≤ 1.5× start-up target): the wizard, the
    lock screen, the language dialog, the workers and the database layer all load later."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from onestop_desktop import app\n"
        "from onestop_desktop.paths import DataDir\n"
        f"app.run(DataDir(Path({str(demo_copy)!r})), ['onestop'], smoke_test=True)\n"
        "late = ('onestop_desktop.ui.setup_wizard', 'onestop_desktop.ui.lockscreen',\n"
        "        'onestop_desktop.ui.language', 'onestop_desktop.ui.workers',\n"
        "        'onestop_desktop.services', 'onestop_desktop.store', 'sqlite_utils', 'argon2')\n"
        "print(sorted(m for m in sys.modules if m.startswith(late)))\n"
    )
    result = run_command(
        [sys.executable, "-c", code], env={"QT_QPA_PLATFORM": "offscreen"}, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines() == ["sign-in window shown", "[]"]
