"""The .deb installs into the real system, runs, and removes cleanly (#14).

Needs root and dpkg-deb (CI runs as root) and ``ONESTOP_DEB`` naming the package that
``bash installer/build-deb.sh`` built (``.ci/run`` sets it); otherwise skipped with the reason.
The package must not be installed already: the test would otherwise remove someone's install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

import onestop_desktop
from tests.e2e.conftest import run_command

pytestmark = pytest.mark.slow

PACKAGE = "onestop-desktop"
DEB_ENV = "ONESTOP_DEB"

if shutil.which("dpkg-deb") is None or shutil.which("dpkg") is None:
    pytest.skip("dpkg-deb is missing (not a Debian-family system)", allow_module_level=True)
if not hasattr(os, "geteuid") or os.geteuid() != 0:
    pytest.skip("installing a .deb needs root (CI runs as root)", allow_module_level=True)
if not os.environ.get(DEB_ENV):
    pytest.skip(
        f"{DEB_ENV} is not set (.ci/run sets it after bash installer/build-deb.sh)",
        allow_module_level=True,
    )

DEB = Path(os.environ[DEB_ENV])


def dpkg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["dpkg", *args], capture_output=True, text=True, check=False)


def installed() -> bool:
    result = dpkg("-s", PACKAGE)
    return result.returncode == 0 and "Status: install ok installed" in result.stdout


def test_package_contents() -> None:
    listing = subprocess.run(
        ["dpkg-deb", "-c", str(DEB)], capture_output=True, text=True, check=True
    ).stdout
    for path in (
        "./opt/onestop-desktop/onestop",
        "./usr/bin/onestop",
        "./usr/share/applications/onestop-desktop.desktop",
        "./usr/share/icons/hicolor/256x256/apps/onestop-desktop.png",
        "./usr/share/icons/hicolor/scalable/apps/onestop-desktop.svg",
    ):
        assert path in listing
    fields = subprocess.run(
        ["dpkg-deb", "-f", str(DEB), "Package", "Version"], capture_output=True, text=True
    ).stdout
    assert f"Version: {onestop_desktop.__version__}" in fields


def test_install_run_remove(tmp_path: Path) -> None:
    assert not installed(), f"{PACKAGE} is installed already: not touching it"
    result = dpkg("-i", str(DEB))
    assert result.returncode == 0, result.stderr
    try:
        assert installed()
        desktop = Path("/usr/share/applications/onestop-desktop.desktop").read_text("utf-8")
        assert "\nExec=onestop\n" in desktop  # the default data folder, no --data-dir
        assert "\nIcon=onestop-desktop\n" in desktop
        env = {"QT_QPA_PLATFORM": "offscreen"}
        version = run_command(["/usr/bin/onestop", "--version"], env=env)
        assert version.returncode == 0, version.stderr
        assert version.stdout.strip() == f"onestop {onestop_desktop.__version__}"
        data = tmp_path / "data"
        demo = run_command(
            ["/usr/bin/onestop", "--data-dir", str(data), "demo", "--dossiers", "2", "--quiet"],
            env=env,
        )
        assert demo.returncode == 0, demo.stderr
        check = run_command(["/usr/bin/onestop", "--data-dir", str(data), "self-check"], env=env)
        assert check.returncode == 0, check.stdout + check.stderr
        assert "Kết quả: đạt" in check.stdout
    finally:
        removed = dpkg("-r", PACKAGE)
    assert removed.returncode == 0, removed.stderr
    assert not installed()
    assert not Path("/opt/onestop-desktop").exists()
    assert not Path("/usr/bin/onestop").exists()
    assert not Path("/usr/share/applications/onestop-desktop.desktop").exists()
    assert not list(Path("/usr/share/icons/hicolor").glob("*/apps/onestop-desktop.*"))
    # Removing the program never touches the station's data.
    assert (data / "onestop.db").is_file()
