"""What build.spec decides without running PyInstaller (#14): the list of system libraries the
Linux build leaves out (and the .deb depends on), and the ELF reader that follows direct links.

build.spec is run by PyInstaller (it uses names PyInstaller defines), so its two pure functions
are taken out of the file by name and run on their own; the frozen build itself is tested by
tests/e2e/test_frozen.py and test_deb.py.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
import struct
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "build.spec"
SYSTEM_LIBS = ROOT / "installer" / "linux-system-libs.txt"


def spec_function(name: str) -> Callable[..., Any]:
    """One top-level function of build.spec, compiled on its own."""
    tree = ast.parse(SPEC.read_text("utf-8"))
    (node,) = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == name]
    namespace: dict[str, Any] = {"Path": Path, "struct": struct, "sys": sys, "ROOT": ROOT}
    exec(compile(ast.Module([node], []), str(SPEC), "exec"), namespace)
    function: Callable[..., Any] = namespace[name]
    return function


def listed() -> list[tuple[str, str]]:
    rows = []
    for line in SYSTEM_LIBS.read_text("utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            soname, package = line.split(maxsplit=1)
            rows.append((soname, package))
    return rows


def test_system_libs_list_is_well_formed() -> None:
    rows = listed()
    sonames = [soname for soname, _ in rows]
    assert len(sonames) == len(set(sonames)), "a soname listed twice"
    package = re.compile(r"[a-z0-9][a-z0-9.+-]+( \(>= [0-9.]+\))?")
    for soname, packages in rows:
        assert re.fullmatch(r"lib[A-Za-z0-9_+.-]+\.so\.[0-9.]+", soname), soname
        for alternative in packages.split(" | "):
            assert package.fullmatch(alternative), (soname, alternative)
    # Never the libraries the app must bring itself: its Python and its database engine, and
    # Qt's own (the wheel's build, with its ICU).
    assert not [s for s in sonames if s.startswith(("libpython", "libsqlite3", "libQt6", "libicu"))]


def test_spec_reads_the_same_list() -> None:
    assert spec_function("linux_system_libs")() == frozenset(s for s, _ in listed())


def test_build_deb_turns_the_list_into_depends() -> None:
    script = (ROOT / "installer" / "build-deb.sh").read_text("utf-8")
    assert "done <installer/linux-system-libs.txt" in script
    assert "Depends: $DEPENDS" in script


@pytest.mark.skipif(shutil.which("readelf") is None, reason="readelf (binutils) is missing")
def test_elf_needed_is_what_readelf_says() -> None:
    """The direct dependencies (DT_NEEDED) of the Qt libraries and Python extensions of this
    venv, as binutils reads them."""
    elf_needed = spec_function("elf_needed")
    found = importlib.util.find_spec("PySide6")  # where the wheel is, without importing Qt
    assert found is not None and found.origin is not None
    qt = Path(found.origin).parent
    files = sorted(qt.glob("Qt/lib/libQt6*.so.6"))[:8] + sorted(qt.glob("*.abi3.so"))[:4]
    assert files
    for path in files:
        out = subprocess.run(
            ["readelf", "-d", "-W", str(path)], capture_output=True, text=True, check=True
        ).stdout
        expected = re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", out)
        assert elf_needed(path) == expected, path
        assert expected


def test_elf_needed_is_none_for_what_is_not_an_elf(tmp_path: Path) -> None:
    elf_needed = spec_function("elf_needed")
    script = tmp_path / "launcher"
    script.write_text("#!/bin/sh\nexit 0\n")
    assert elf_needed(script) is None
