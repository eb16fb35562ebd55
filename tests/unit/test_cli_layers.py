"""The ``cli/`` package has no import circle: a command module imports only ``cli.common``,
``services``, ``domain`` and the foundation (``paths``, ``errors``); ``common`` imports no other
CLI module; only ``cli/parser.py`` knows the command modules. Read from the source (AST), so a
lazy import inside a function counts too."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CLI = Path(__file__).resolve().parents[2] / "src" / "onestop_desktop" / "cli"
MACHINERY = {"__init__", "parser", "common", "argparse_vi"}
COMMAND_MODULES = sorted(p.stem for p in CLI.glob("*.py") if p.stem not in MACHINERY)

ALLOWED = (
    "onestop_desktop.cli.common",
    "onestop_desktop.services",
    "onestop_desktop.domain",
    "onestop_desktop.paths",
    "onestop_desktop.errors",
)
#: The two faces a command hands over to, named here so no other one creeps in.
EXCEPTIONS = {
    ("station", "onestop_desktop.app"),  # ``onestop gui`` starts the GUI
    ("report", "onestop_desktop.reports"),  # the Biểu 06 renderer (text, CSV, XLSX)
    ("board", "onestop_desktop.ui.board"),  # ``onestop board`` opens the public board (#13)
    ("district", "onestop_desktop.reports"),  # the district's Biểu 06, the same renderer (#12)
}


def _imports(module: str) -> set[str]:
    tree = ast.parse((CLI / f"{module}.py").read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # ``from a.b import c`` may import the module ``a.b.c``: count it as that.
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in found if name.startswith("onestop_desktop")}


def test_the_package_has_its_command_modules() -> None:
    assert {"station", "users", "dossier", "search", "backup", "ledger"} <= set(COMMAND_MODULES)


@pytest.mark.parametrize("module", COMMAND_MODULES)
def test_a_command_module_imports_only_common_services_and_domain(module: str) -> None:
    for name in _imports(module):
        allowed = name.startswith(ALLOWED) or any(
            module == m and name.startswith(target) for m, target in EXCEPTIONS
        )
        assert allowed, f"cli/{module}.py imports {name}"


def test_common_imports_no_other_cli_module() -> None:
    assert not {n for n in _imports("common") if n.startswith("onestop_desktop.cli")}


def test_only_the_parser_knows_the_command_modules() -> None:
    commands = {f"onestop_desktop.cli.{m}" for m in COMMAND_MODULES}
    assert commands <= _imports("parser")
    # The entry point reaches only the GUI and internal handlers, lazily, in ``station``.
    init = {n for n in _imports("__init__") if n.startswith("onestop_desktop.cli.")}
    assert {n.rsplit(".", 1)[0] if n.count(".") > 2 else n for n in init} <= {
        "onestop_desktop.cli.station",
        "onestop_desktop.cli.parser",
        "onestop_desktop.cli.common",
    }
    for module in COMMAND_MODULES:
        others = commands - {f"onestop_desktop.cli.{module}"}
        assert not any(n.startswith(tuple(others)) for n in _imports(module)), module
