"""The full ``onestop`` parser: the global options and every command module's commands.

Built only when the arguments are not a plain GUI start (see :func:`onestop_desktop.cli.gui_args`);
it imports the command modules, which import no service at module level.
"""

from __future__ import annotations

import argparse

from onestop_desktop import __version__, paths
from onestop_desktop.cli import (
    backup,
    calendar,
    catalog,
    dossier,
    ledger,
    report,
    search,
    settings,
    station,
    users,
)

#: The command modules, in the order their commands are listed in ``onestop --help``.
COMMAND_MODULES = (
    station,
    users,
    dossier,
    search,
    catalog,
    calendar,
    report,
    ledger,
    settings,
    backup,
)


def build_parser() -> argparse.ArgumentParser:
    """The whole command line: global options, then each command module's ``add_commands``."""
    parser = argparse.ArgumentParser(
        prog="onestop",
        description="OneStop Desktop — phần mềm Bộ phận Một cửa cấp xã (không cần mạng).",
    )
    parser.add_argument("--version", action="version", version=f"onestop {__version__}")
    parser.add_argument(
        "--data-dir",
        help=f"thư mục dữ liệu (mặc định: biến {paths.ENV_VAR} hoặc thư mục người dùng)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="ghi nhật ký chi tiết")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.add_commands(sub)
    return parser
