"""The .deb installs into the real system, runs, and removes cleanly (#14).

Needs root and dpkg-deb (CI runs as root) and ``ONESTOP_DEB`` naming the package that
``bash installer/build-deb.sh`` built (``.ci/run`` sets it); otherwise skipped with the reason.
The package must not be installed already: the test would otherwise remove someone's install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterable
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
SYSTEM_LIBS = Path(__file__).resolve().parents[2] / "installer" / "linux-system-libs.txt"
APP = Path("/opt/onestop-desktop")


def system_libs() -> dict[str, str]:
    """installer/linux-system-libs.txt: soname -> its Depends entry (``a | b`` alternatives)."""
    listed: dict[str, str] = {}
    for line in SYSTEM_LIBS.read_text("utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            soname, package = line.split(maxsplit=1)
            listed[soname] = package
    return listed


def package_names(field: str) -> list[list[str]]:
    """A Depends field as its groups of alternatives, bare names (no versions, no arch)."""
    groups = []
    for group in field.split(","):
        names = [alt.split("(")[0].strip().split(":")[0] for alt in group.split("|")]
        if any(names):
            groups.append([name for name in names if name])
    return groups


def depends_closure(field: str) -> set[str]:
    """Every installed package the Depends field pulls in, following installed packages'
    own Depends and Pre-Depends (what apt would guarantee on any system)."""
    listing = subprocess.run(
        [
            "dpkg-query",
            "-W",
            "-f",
            "${Package}\\t${db:Status-Abbrev}\\t${Depends},${Pre-Depends}\\n",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    installed_depends: dict[str, str] = {}
    for line in listing.splitlines():
        name, status, depends = line.split("\t", 2)
        if status.startswith("ii"):
            installed_depends[name] = depends
    closure: set[str] = set()
    queue = [name for group in package_names(field) for name in group]
    while queue:
        name = queue.pop()
        if name in closure or name not in installed_depends:  # done, or not installed here
            continue
        closure.add(name)
        queue += [alt for group in package_names(installed_depends[name]) for alt in group]
    return closure


def owners(paths: Iterable[str]) -> dict[str, str]:
    """The package that ships each library file (merged /usr: dpkg may know either spelling),
    in one ``dpkg -S`` call (one call per file costs about a second each here)."""
    spellings: dict[str, str] = {}
    for path in paths:
        for item in (path, os.path.realpath(path)):
            spellings.setdefault(item, path)
            other = item[4:] if item.startswith("/usr/") else "/usr" + item
            spellings.setdefault(other, path)
    result = subprocess.run(
        ["dpkg", "-S", *sorted(spellings)], capture_output=True, text=True, check=False
    )  # exit 1 when some spelling is unknown: the others are still listed
    found: dict[str, str] = {}
    for line in result.stdout.splitlines():
        packages, _, item = line.rpartition(": ")
        if item in spellings:
            found.setdefault(spellings[item], packages.split(",")[0].split(":")[0].strip())
    return found


def resolved_outside(app: Path) -> tuple[dict[str, set[str]], list[str]]:
    """Every library the app's ELF files load from outside its folder (path -> who needs it),
    resolved as the frozen app's loader does (LD_LIBRARY_PATH = _internal, as the bootloader
    sets it), and every ``not found`` line."""
    app = app.resolve()
    env = {**os.environ, "LD_LIBRARY_PATH": str(app / "_internal")}
    outside: dict[str, set[str]] = {}
    missing = []
    for path in sorted(p for p in app.rglob("*") if p.is_file() and not p.is_symlink()):
        with path.open("rb") as handle:
            if handle.read(4) != b"\x7fELF":
                continue
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env).stdout
        for line in out.splitlines():
            if "not found" in line:
                missing.append(f"{path.relative_to(app)}: {line.strip()}")
            elif "=> /" in line:
                lib = os.path.normpath(line.split("=>", 1)[1].split("(", 1)[0].strip())
                if not lib.startswith(str(app) + "/"):
                    outside.setdefault(lib, set()).add(str(path.relative_to(app)))
    return outside, missing


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
    # build.spec leaves the listed system libraries out; build-deb.sh depends on their packages.
    depends = subprocess.run(
        ["dpkg-deb", "-f", str(DEB), "Depends"], capture_output=True, text=True, check=True
    ).stdout.strip()
    entries = [entry.strip() for entry in depends.split(",")]
    for soname, package in system_libs().items():
        assert package in entries, (soname, package, depends)
        assert f"/opt/onestop-desktop/_internal/{soname}\n" not in listing + "\n", soname


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
        # Whatever the installed app loads from the system, apt guarantees through Depends.
        outside, missing = resolved_outside(APP)
        assert missing == []
        depends = subprocess.run(
            ["dpkg-deb", "-f", str(DEB), "Depends"], capture_output=True, text=True, check=True
        ).stdout
        guaranteed = depends_closure(depends)
        shipped_by = owners(outside)
        undeclared = {
            lib: (shipped_by.get(lib), sorted(users)[:3])
            for lib, users in outside.items()
            if shipped_by.get(lib) not in guaranteed
        }
        assert undeclared == {}, undeclared
        assert any("libcups.so.2" in lib for lib in outside)  # taken from the system
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
