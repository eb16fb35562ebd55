"""``onestop board [--screen N] [--lookup]``: the public status board on a second screen (#13).

Opens the board full screen on monitor ``N`` (0 is the primary one; ``--list-screens`` shows
them) as the operator, read-only: the board reads only the public view (masked names). A
receipt's QR code scanned at the board (or a code typed, then Enter) shows that dossier's status
over the board for a few seconds. With ``--lookup`` the screen is the citizen lookup kiosk
instead (the look-up alone). A board started here runs on its own, whatever the counter's
window does; one opened from the counter's window closes with it.
"""

from __future__ import annotations

import argparse
from typing import Any

from onestop_desktop import paths
from onestop_desktop.cli.common import session


def cmd_board(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.ui import board

    ctx = session(data, write=False)
    return board.run(ctx, screen=args.screen, lookup=args.lookup, windowed=args.windowed)


def add_commands(sub: Any) -> None:
    """Register ``board`` on the main parser's subparsers."""
    p = sub.add_parser("board", help="mở bảng công khai tình trạng hồ sơ trên màn hình phụ")
    p.add_argument(
        "--screen", type=int, default=None, metavar="N", help="số màn hình (0: màn hình chính)"
    )
    p.add_argument(
        "--lookup", action="store_true", help="màn hình tra cứu cho người dân (quét mã QR)"
    )
    p.add_argument(
        "--windowed", action="store_true", help="mở trong cửa sổ thường, không toàn màn hình"
    )
    p.set_defaults(handler=cmd_board)
