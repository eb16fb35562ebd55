"""The GUI's first window must not wait for the database layer: building the command line
parser (done on every start) imports no service and not sqlite-utils."""

from __future__ import annotations

import subprocess
import sys


def test_parser_imports_no_service_layer() -> None:
    code = (
        "import sys\n"
        "from onestop_desktop import cli\n"
        "cli.build_parser()\n"
        "heavy = sorted(m for m in sys.modules if m.startswith(('sqlite_utils', "
        "'onestop_desktop.services', 'onestop_desktop.store', 'argon2', 'openpyxl')))\n"
        "print(heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
