"""The built wheel is the whole app: install it in a fresh virtual environment and use it.

A hand-written package list once left ``ui/models`` out of the wheel, so a non-editable
install had no GUI. This test builds the wheel from the checkout (``pip wheel --no-deps``: the
build backend comes from PyPI or pip's cache through build isolation, so no ``build`` package
is needed), checks that it holds every module under ``src/`` and every file of
``resources/``, installs it with its dependencies into a new virtual environment, and from that
environment runs ``onestop self-check``, creates a demo station, and signs in to it and shows
the worklist offscreen (``wheel_smoke.py``). Nothing of the checkout is importable there: the
test runs outside the clone with a clean environment.

Slow: about a minute on a warm pip cache (most of it installing PySide6); longer on a fresh
machine that downloads the dependencies.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
SMOKE = Path(__file__).resolve().parent / "wheel_smoke.py"
TIMEOUT = 900
#: What the wheel is built from (the build needs nothing else of the checkout).
PROJECT_FILES = ("pyproject.toml", "setup.py", "README.md")
PROJECT_DIRS = ("src", "resources")


def _env(tmp: Path) -> dict[str, str]:
    """A clean environment: no PYTHONPATH into the checkout, home and XDG folders in ``tmp``."""
    keep = ("PATH", "LANG", "LC_ALL", "SYSTEMROOT", "TMPDIR", "PIP_INDEX_URL", "PIP_CACHE_DIR")
    env = {k: v for k, v in os.environ.items() if k in keep or k.startswith(("PIP_", "http"))}
    env.pop("PIP_REQUIRE_VIRTUALENV", None)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        PYTHONIOENCODING="utf-8",
        PYTHONNOUSERSITE="1",
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        PIP_NO_INPUT="1",
    )
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        folder = tmp / var.lower()
        folder.mkdir(exist_ok=True)
        env[var] = str(folder)
    # pip's cache stays where it is (a warm cache makes this test fast); HOME only for the app.
    env.setdefault("PIP_CACHE_DIR", str(Path.home() / ".cache" / "pip"))
    env["HOME"] = str(tmp / "home")
    (tmp / "home").mkdir(exist_ok=True)
    return env


def _run(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        args, env=env, cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT, check=False
    )
    assert result.returncode == 0, (
        f"{args} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
    )
    return result


def _install(tmp: Path) -> tuple[Path, Path, dict[str, str]]:
    """Build the wheel and install it in a fresh venv: (wheel, the venv's bin folder, env)."""
    tmp.mkdir()
    env = _env(tmp)
    out = tmp / "dist"
    # Built from a copy of what the wheel is made of: an in-tree build would leave build/ in
    # the checkout, whose stale build/lib (a module since deleted) would go into the next wheel.
    source = tmp / "source"
    skip = shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc")
    source.mkdir()
    for name in PROJECT_FILES:
        shutil.copy2(REPO / name, source / name)
    for name in PROJECT_DIRS:
        shutil.copytree(REPO / name, source / name, ignore=skip)
    _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(source)],
        env,
        tmp,
    )
    wheels = sorted(out.glob("onestop_desktop-*.whl"))
    assert len(wheels) == 1, wheels
    venv = tmp / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], env, tmp)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    _run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", str(wheels[0])], env, tmp)
    return wheels[0], bin_dir, env


def test_wheel_installs_and_runs(tmp_path: Path) -> None:
    # One test, not two sharing a fixture: under pytest-xdist each worker would build its own.
    wheel, bin_dir, env = _install(tmp_path / "build")
    _check_contents(wheel)
    _check_running(bin_dir, env, tmp_path / "run")


def _check_contents(wheel: Path) -> None:
    """Every module under src/ and every file of resources/ is in the wheel."""
    names = set(zipfile.ZipFile(wheel).namelist())
    src = REPO / "src"
    modules = {
        p.relative_to(src).as_posix()
        for p in src.joinpath("onestop_desktop").rglob("*.py")
        if "__pycache__" not in p.parts
    }
    assert "onestop_desktop/ui/models/worklist.py" in modules
    assert modules - names == set()
    resources = {
        "onestop_desktop/resources/" + p.relative_to(REPO / "resources").as_posix()
        for p in (REPO / "resources").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    for needed in (
        "onestop_desktop/resources/fonts/DejaVuSans.ttf",
        "onestop_desktop/resources/translations/onestop_en.qm",
        "onestop_desktop/resources/translations/errors_en.qm",
        "onestop_desktop/resources/catalog/starter_catalog.json",
    ):
        assert needed in resources
    assert resources - names == set()


def _check_running(bin_dir: Path, env: dict[str, str], tmp_path: Path) -> None:
    """self-check, a demo station, the sign-in window, then sign-in and the worklist."""
    tmp_path.mkdir()

    onestop = str(bin_dir / "onestop")
    data = tmp_path / "data"
    demo = _run(
        [onestop, "--data-dir", str(data), "demo", "--dossiers", "40", "--json"], env, tmp_path
    )
    assert json.loads(demo.stdout)
    check = _run([onestop, "--data-dir", str(data), "self-check"], env, tmp_path)
    assert check.stdout.strip()
    _run([onestop, "--data-dir", str(data), "gui", "--smoke-test"], env, tmp_path)

    from onestop_desktop.services import demo as demo_service

    username = demo_service.DEMO_ACCOUNTS[0][0]
    smoke = _run(
        [str(bin_dir / "python"), str(SMOKE), str(data), username, demo_service.DEMO_PASSWORD],
        env,
        tmp_path,
    )
    result = json.loads(smoke.stdout.strip().splitlines()[-1])
    # Imported from the fresh venv, not from the checkout.
    assert Path(result["package"]).is_relative_to(bin_dir.parent), result["package"]
    assert result["language"] == "en"
    assert result["font"] == "DejaVu Sans"
    assert result["refused"] is True
    assert result["wrong_password_message"].startswith("Wrong user name or password")
    assert result["signed_in"] is True
    assert result["user"] == username
    assert result["worklist_rows"] > 0
    assert "OneStop" in result["window_title"]
