"""``onestop slip`` and ``onestop daily-summary``: the printed forms from the command line (#10).

``slip CODE --kind K --out FILE`` writes one dossier's slip (Mẫu 01–05) as PDF and
``daily-summary`` the notice-board page (``ledger print``, Mẫu 06, is in ``cli/ledger.py``).
Every file is written atomically by the service.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from onestop_desktop import paths
from onestop_desktop.cli.common import CODE_HELP, DATE_HELP, parse_date, session

KIND_HELP = (
    "loại phiếu: receipt (Giấy tiếp nhận và hẹn trả, Mẫu 01), supplement (yêu cầu bổ sung, "
    "Mẫu 02), refusal (từ chối, Mẫu 03), apology (xin lỗi và hẹn lại, Mẫu 04), control (phiếu "
    "kiểm soát, Mẫu 05)"
)


def cmd_slip(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.services import slips

    ctx = session(data, write=False)
    pdf = slips.render(ctx, args.code, args.kind, copy=args.copy)
    slips.write(Path(args.out), pdf)
    print(f"Đã ghi phiếu ra {args.out}")
    return 0


def cmd_daily(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.services import slips

    ctx = session(data, write=False)
    day = parse_date(args.day) if args.day else ctx.now().date()
    slips.write(Path(args.out), slips.daily_summary(ctx, day))
    print(f"Đã ghi bản tổng hợp trong ngày ra {args.out}")
    return 0


def add_commands(sub: Any) -> None:
    """Register ``slip`` and ``daily-summary`` on the main parser's subparsers."""
    p = sub.add_parser("slip", help="in phiếu của một hồ sơ (Mẫu 01–05) ra tệp PDF")
    p.add_argument("code", metavar="MÃ", help=CODE_HELP)
    p.add_argument(
        "--kind",
        required=True,
        choices=["receipt", "supplement", "refusal", "apology", "control"],
        help=KIND_HELP,
    )
    p.add_argument("--copy", action="store_true", help="bản in lại: phiếu có dòng «BẢN IN LẠI»")
    p.add_argument("--out", required=True, metavar="TỆP", help="tệp PDF cần ghi")
    p.set_defaults(handler=cmd_slip)
    d = sub.add_parser("daily-summary", help="bản tổng hợp trong ngày để niêm yết (PDF)")
    d.add_argument(
        "--day", metavar="NGÀY", help="ngày cần tổng hợp (" + DATE_HELP + "), mặc định hôm nay"
    )
    d.add_argument("--out", required=True, metavar="TỆP", help="tệp PDF cần ghi")
    d.set_defaults(handler=cmd_daily)
