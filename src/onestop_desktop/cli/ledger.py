"""``onestop ledger import``: the old paper/Excel ledger of dossiers."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from onestop_desktop import paths
from onestop_desktop.cli.common import ACTION_HELP, JSON_HELP, print_json, session


def cmd_ledger(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.services import ledger

    ctx = session(data)
    try:
        report = ledger.import_file(ctx, Path(args.file), skip_bad_rows=args.skip_bad_rows)
    except ledger.LedgerRejected as exc:
        # Every error, not only the first: the clerk fixes the whole file in one pass.
        if args.json:
            print_json(exc.to_json())
        print(f"onestop: lỗi: {exc.message}", file=sys.stderr)
        for line in exc.lines():
            print(line, file=sys.stderr)
        return exc.exit_code
    if args.json:
        print_json(report.to_json())
    else:
        print(report.text())
    return 0


def add_commands(sub: Any) -> None:
    """Register ``ledger`` on the main parser's subparsers."""
    p = sub.add_parser("ledger", help="sổ theo dõi hồ sơ cũ")
    lsub = p.add_subparsers(
        dest="ledger_command", required=True, metavar="ACTION", help=ACTION_HELP
    )
    q = lsub.add_parser("import", help="nhập sổ theo dõi hồ sơ (XLSX/CSV)")
    q.add_argument("file", metavar="TỆP", help="tệp sổ theo dõi (.xlsx hoặc .csv)")
    q.add_argument(
        "--skip-bad-rows", action="store_true", help="bỏ qua dòng lỗi, nhập phần còn lại"
    )
    q.add_argument("--json", action="store_true", help=JSON_HELP)
    p.set_defaults(handler=cmd_ledger)
    from onestop_desktop.cli import slip  # #10: ``ledger print`` (Mẫu 06) lives in cli/slip.py

    slip.add_ledger_print(lsub)
