"""``onestop ledger import``: the old paper/Excel ledger of dossiers."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from onestop_desktop import paths
from onestop_desktop.cli.common import print_json, session


def cmd_ledger(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.services import ledger

    ctx = session(data)
    report = ledger.import_file(ctx, Path(args.file), skip_bad_rows=args.skip_bad_rows)
    if args.json:
        print_json(report.to_json())
    else:
        print(report.text())
    return 0


def add_commands(sub: Any) -> None:
    """Register ``ledger`` on the main parser's subparsers."""
    p = sub.add_parser("ledger", help="sổ theo dõi hồ sơ cũ")
    lsub = p.add_subparsers(dest="ledger_command", required=True, metavar="ACTION")
    q = lsub.add_parser("import", help="nhập sổ theo dõi hồ sơ (XLSX/CSV)")
    q.add_argument("file")
    q.add_argument("--skip-bad-rows", action="store_true")
    q.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_ledger)
