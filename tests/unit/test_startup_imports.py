"""The GUI's first window must not wait for the database layer: building the command line
parser (done on every start) imports no service and not sqlite-utils."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_parser_imports_no_service_layer() -> None:
    code = (
        "import sys\n"
        "from onestop_desktop.cli.parser import build_parser\n"
        "build_parser()\n"
        "heavy = sorted(m for m in sys.modules if m.startswith(('sqlite_utils', "
        "'onestop_desktop.services', 'onestop_desktop.store', 'argon2', 'openpyxl')))\n"
        "print(heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_gui_fast_path_reads_what_the_full_parser_reads() -> None:
    from onestop_desktop import cli
    from onestop_desktop.cli.parser import build_parser

    for argv in (
        [],
        ["gui"],
        ["--data-dir", "/x"],
        ["--data-dir=/x", "-v", "gui", "--smoke-test"],
        ["-v", "--data-dir", "/x", "gui"],
    ):
        fast = cli.gui_args(argv)
        full = build_parser().parse_args(argv)
        assert fast is not None, argv
        for name in ("data_dir", "verbose"):
            assert getattr(fast, name) == getattr(full, name), (argv, name)
        assert fast.smoke_test == getattr(full, "smoke_test", False)
        assert cli._handler(full) is cli.run_gui
    for argv in (
        ["search", "x"],
        ["--version"],
        ["-h"],
        ["gui", "--bogus"],
        ["--data-dir"],
        ["gui", "gui"],
    ):
        assert cli.gui_args(argv) is None, argv


def test_a_gui_start_imports_neither_the_parser_nor_a_command_module() -> None:
    # main() up to the GUI's handler, without starting Qt: what a plain start loads.
    code = (
        "import sys\n"
        "from onestop_desktop import cli\n"
        "args = cli._parse(['--data-dir', '/x', 'gui', '--smoke-test'])\n"
        "assert cli._handler(args) is cli.run_gui\n"
        "print(sorted(m for m in sys.modules if m.startswith('onestop_desktop.cli.')"
        " or m in ('argparse_vi', 'getpass', 'json', 'datetime')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout


def test_the_sign_in_window_comes_up_before_the_database_layer(tmp_path: Path) -> None:
    """``onestop gui --smoke-test`` shows the sign-in window and quits: by then nothing of the
    database, the services or the message boxes is loaded (#9: the window must not wait for a
    million dossiers), nor is PySide6's ``Qt`` namespace built (the sign-in window's
    ``_finish_setup`` comes after its first paint)."""
    (tmp_path / "onestop.db").write_bytes(b"")  # an existing station: the sign-in window
    code = (
        "import sys\n"
        "from onestop_desktop import cli\n"
        f"code = cli.main(['--data-dir', {str(tmp_path)!r}, 'gui', '--smoke-test'])\n"
        "heavy = sorted(m for m in sys.modules if m.startswith(('sqlite_utils', 'sqlite3', "
        "'onestop_desktop.services', 'onestop_desktop.store', 'onestop_desktop.ui.msgbox', "
        "'onestop_desktop.ui.mainwindow', 'argon2')))\n"
        "import PySide6.QtCore\n"
        "print(code, heavy, 'Qt' in PySide6.QtCore.__dict__)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    # False: PySide6's ``Qt`` namespace (~35 ms to build) is not built before the first paint.
    assert out.stdout.strip().splitlines()[-1] == "0 [] False", out.stdout
