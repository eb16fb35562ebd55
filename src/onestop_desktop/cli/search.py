"""``onestop search TEXT``: find dossiers by name, ID number, phone or code."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from onestop_desktop import paths
from onestop_desktop.cli.common import JSON_HELP, open_session, print_json, whole_number


def cmd_search(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.domain import clock
    from onestop_desktop.services import search

    ctx = open_session(data, integrity="daily")
    rows = search.search(ctx, args.text, limit=args.limit)
    if args.json:
        print_json([r.to_json() for r in rows])
        return 0
    for r in rows:
        due = clock.fmt_date(r.due_at) if r.due_at else "—"
        print(
            f"{r.code}  {r.applicant_name}  {r.procedure_name}  "
            f"nhận {clock.fmt_date(r.received_at)}  hẹn {due}  {r.status.label}"
        )
    if not rows:
        print("Không tìm thấy hồ sơ nào.", file=sys.stderr)
    return 0


def add_commands(sub: Any) -> None:
    """Register ``search`` on the main parser's subparsers."""
    p = sub.add_parser("search", help="tìm hồ sơ theo tên, số định danh, điện thoại, mã hồ sơ")
    p.add_argument(
        "text", metavar="TEXT", help="tên, số định danh, điện thoại hoặc mã hồ sơ (một phần)"
    )
    p.add_argument(
        "--limit",
        type=whole_number,
        default=20,
        metavar="N",
        help="số kết quả tối đa (mặc định 20)",
    )
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p.set_defaults(handler=cmd_search)
