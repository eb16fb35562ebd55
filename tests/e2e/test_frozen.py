"""Smoke test of the frozen (PyInstaller) app, as CI builds it (#14).

Runs only when ``ONESTOP_FROZEN_APP`` names the built folder (``.ci/run`` sets it after
``bash installer/build-deb.sh`` built dist/onestop-desktop/); otherwise every test is skipped
with that reason, so the ordinary suite does not test a stale build. Each command runs in a fresh
data folder, and stderr must hold nothing but the lines listed in :data:`EXPECTED_STDERR`: a
missing module, font or plugin in the frozen folder shows up there first.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

import onestop_desktop
from tests.e2e.conftest import CliResult, run_command

pytestmark = pytest.mark.slow

FROZEN_ENV = "ONESTOP_FROZEN_APP"
APP_DIR = Path(os.environ[FROZEN_ENV]) if os.environ.get(FROZEN_ENV) else None
EXE = APP_DIR / ("onestop.exe" if os.name == "nt" else "onestop") if APP_DIR else None

if EXE is None:
    pytest.skip(
        f"{FROZEN_ENV} is not set (.ci/run sets it after building the frozen app)",
        allow_module_level=True,
    )

# Lines Qt's offscreen platform prints for any window; nothing else is expected.
EXPECTED_STDERR = (re.compile(r"^This plugin does not support propagateSizeHints\(\)$"),)


def unexpected_stderr(stderr: str) -> list[str]:
    return [
        line
        for line in stderr.splitlines()
        if line.strip() and not any(p.match(line) for p in EXPECTED_STDERR)
    ]


def frozen(data: Path | None, *args: str) -> CliResult:
    """Run the frozen executable (offscreen Qt); assert success and a clean stderr."""
    assert EXE is not None
    argv = [str(EXE), *(["--data-dir", str(data)] if data else []), *args]
    result = run_command(argv, env={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, f"{args}: exit {result.returncode}\n{result.stderr}"
    assert unexpected_stderr(result.stderr) == [], f"{args}: stderr:\n{result.stderr}"
    return result


def test_unexpected_stderr_filter() -> None:
    assert unexpected_stderr("This plugin does not support propagateSizeHints()\n\n") == []
    assert unexpected_stderr("qt.qpa.plugin: Could not load the Qt platform plugin") != []


def test_version_is_the_package_version() -> None:
    assert frozen(None, "--version").stdout.strip() == f"onestop {onestop_desktop.__version__}"


@pytest.fixture(scope="module")
def station(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo station made by the frozen app."""
    data = tmp_path_factory.mktemp("frozen") / "data"
    frozen(data, "demo", "--dossiers", "5", "--quiet")
    return data


def test_self_check(station: Path) -> None:
    out = frozen(station, "self-check").stdout
    assert "[OK ] Giao diện Qt" in out
    assert "Kết quả: đạt" in out
    assert "[LỖI" not in out


def test_sign_in_window(station: Path) -> None:
    assert "sign-in window shown" in frozen(station, "gui", "--smoke-test").stdout


def test_intake_and_receipt_pdf(station: Path, tmp_path: Path) -> None:
    """A dossier received by the frozen app, and its receipt (Mẫu 01) as a PDF with the
    shipped Vietnamese font embedded."""
    catalogue = json.loads(frozen(station, "catalog", "list", "--json").stdout)
    procedure = catalogue[0]["code"]
    dossier = json.loads(
        frozen(
            station,
            "dossier", "receive", "--procedure", procedure,
            "--name", "Nguyễn Thị Lan", "--id-number", "001190012345", "--json",
        ).stdout
    )  # fmt: skip
    assert dossier["applicant_name"] == "Nguyễn Thị Lan"
    pdf = tmp_path / "receipt.pdf"
    frozen(station, "slip", dossier["code"], "--kind", "receipt", "--out", str(pdf))
    reader = PdfReader(pdf)
    text = "".join(page.extract_text() for page in reader.pages)
    assert dossier["code"] in text
    assert "Nguyễn Thị Lan" in text
    fonts = {
        str(font.get("/BaseFont", ""))
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert any("DejaVu" in font for font in fonts), fonts


def test_resources_inside_the_folder() -> None:
    """Fonts, translations, catalogue, official days and icons sit where importlib.resources
    looks for onestop_desktop.resources, as in the source tree."""
    assert APP_DIR is not None
    shipped = APP_DIR / "_internal" / "onestop_desktop" / "resources"
    source = Path(__file__).resolve().parents[2] / "resources"
    wanted = {
        p.relative_to(source)
        for p in source.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".ts"
    }
    present = {p.relative_to(shipped) for p in shipped.rglob("*") if p.is_file()}
    assert wanted - present == set()
