"""``onestop report``: form 06 and the published figures."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from onestop_desktop import paths
from onestop_desktop.cli.common import DATE_HELP, parse_date, session
from onestop_desktop.errors import ValidationError


def cmd_report(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.reports import report06
    from onestop_desktop.services import reports

    ctx = session(data, write=False)
    start, end = parse_date(args.from_), parse_date(args.to)
    fmt = args.format
    if fmt in ("xlsx", "pdf") and not args.out:
        raise ValidationError("Định dạng {format} cần --out TỆP", field="out", format=fmt)
    if fmt == "pdf":  # counts the period itself: counted here first, it was counted twice
        from onestop_desktop.services import slips

        slips.write(Path(args.out), slips.report06_pdf(ctx, start, end))
        print(f"Đã ghi báo cáo ra {args.out}")
        return 0
    report = reports.report06(ctx, start, end)
    # #7: the chain heads go below a filed or printed report (an anchor outside the database);
    # the CSV/JSON on stdout stay the plain table for scripts.
    from onestop_desktop.services import anchors

    if args.out:
        report06.write(report, fmt, Path(args.out), anchors.record_heads(ctx, "report"))
        print(f"Đã ghi báo cáo ra {args.out}")
        return 0
    heads = anchors.record_heads(ctx, "report") if fmt == "text" else []
    sys.stdout.write(report06.render(report, fmt, heads))
    return 0


def add_commands(sub: Any) -> None:
    """Register ``report`` on the main parser's subparsers."""
    p = sub.add_parser("report", help="báo cáo Biểu 06 và số liệu công bố")
    p.add_argument(
        "--from", dest="from_", required=True, metavar="NGÀY", help="từ ngày (" + DATE_HELP + ")"
    )
    p.add_argument("--to", required=True, metavar="NGÀY", help="đến ngày, tính cả ngày này")
    p.add_argument(
        "--format",
        default="text",
        choices=["text", "json", "csv", "xlsx", "pdf"],
        help="định dạng: text (mặc định, in ra màn hình), json, csv, xlsx hoặc pdf (cần --out)",
    )
    p.add_argument("--out", metavar="TỆP", help="ghi ra tệp thay vì in ra màn hình")
    p.set_defaults(handler=cmd_report)
