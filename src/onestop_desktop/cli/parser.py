"""The full ``onestop`` parser: the global options and every command module's commands.

Built only when the arguments are not a plain GUI start (see :func:`onestop_desktop.cli.gui_args`);
it imports the command modules, which import no service at module level. The parser is a
:class:`~onestop_desktop.cli.argparse_vi.VietnameseArgumentParser`: argparse's own words (usage,
errors, the ``-h`` line) are Vietnamese like every help text here.
"""

from __future__ import annotations

from onestop_desktop import __version__, paths
from onestop_desktop.cli import (
    attach,
    backup,
    board,
    bundle,
    calendar,
    catalog,
    district,
    dossier,
    ledger,
    publish,
    report,
    search,
    settings,
    slip,
    station,
    users,
)
from onestop_desktop.cli.argparse_vi import VietnameseArgumentParser

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
    slip,
    board,
    publish,
    attach,
    settings,
    backup,
    bundle,
    district,
)


def build_parser() -> VietnameseArgumentParser:
    """The whole command line: global options, then each command module's ``add_commands``."""
    parser = VietnameseArgumentParser(
        prog="onestop",
        description="OneStop Desktop — phần mềm Bộ phận Một cửa cấp xã (không cần mạng). "
        "Không có lệnh: mở giao diện.",
        epilog="Xem hướng dẫn của từng lệnh: onestop COMMAND --help",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"onestop {__version__}",
        help="hiện số phiên bản rồi thoát",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=f"thư mục dữ liệu (mặc định: biến {paths.ENV_VAR} hoặc thư mục người dùng)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="ghi nhật ký chi tiết")
    sub = parser.add_subparsers(
        dest="command", metavar="COMMAND", help="lệnh (xem danh sách dưới đây)"
    )
    for module in COMMAND_MODULES:
        module.add_commands(sub)
    return parser
