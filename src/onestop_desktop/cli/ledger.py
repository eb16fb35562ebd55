"""``onestop ledger import``: the old paper/Excel ledger of dossiers."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any, TextIO

from onestop_desktop import paths
from onestop_desktop.cli.common import (
    ACTION_HELP,
    DATE_HELP,
    JSON_HELP,
    parse_date,
    print_json,
    session,
)


class ProgressLine:
    """The import's progress on stderr: one line redrawn in place on a terminal, else a line
    every few seconds (a log keeps them), never on stdout (``--json`` stays clean)."""

    def __init__(self, stream: TextIO, *, interval: float | None = None) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self.interval = interval if interval is not None else (0.5 if self.tty else 5.0)
        self.last = 0.0
        self.shown = False

    def __call__(self, done: int, total: int, text: str) -> None:
        from onestop_desktop.domain.clock import fmt_int
        from onestop_desktop.domain.formats import fmt_share

        now = time.monotonic()
        final = total > 0 and done >= total
        if not final and now - self.last < self.interval:
            return
        self.last = now
        share = f" ({fmt_share(done, total)})" if total else ""
        line = f"{text}: {fmt_int(done)}/{fmt_int(total)} dòng{share}"
        if self.tty:
            self.stream.write("\r" + line + ("\n" if final else ""))
        else:
            self.stream.write(line + "\n")
        self.stream.flush()
        self.shown = not final


def cmd_ledger(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.services import ledger

    ctx = session(data)
    show = args.progress or sys.stderr.isatty()
    progress = ProgressLine(sys.stderr) if show else None
    try:
        report = ledger.import_file(
            ctx, Path(args.file), skip_bad_rows=args.skip_bad_rows, progress=progress
        )
    except ledger.LedgerRejected as exc:
        if progress is not None and progress.shown and progress.tty:
            print(file=sys.stderr)  # end the progress line before the errors
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
    q.add_argument(
        "--progress",
        action="store_true",
        help="in tiến độ ra stderr (mặc định: chỉ khi stderr là màn hình)",
    )
    q.add_argument("--json", action="store_true", help=JSON_HELP)
    p.set_defaults(handler=cmd_ledger)
    # #10: ``ledger print`` (Mẫu 06 of a period, as PDF).
    r = lsub.add_parser("print", help="in sổ theo dõi hồ sơ (Mẫu 06) của một kỳ ra tệp PDF")
    r.add_argument(
        "--from", dest="from_", required=True, metavar="NGÀY", help="từ ngày (" + DATE_HELP + ")"
    )
    r.add_argument("--to", required=True, metavar="NGÀY", help="đến ngày, tính cả ngày này")
    r.add_argument("--out", required=True, metavar="TỆP", help="tệp PDF cần ghi")
    r.set_defaults(handler=cmd_ledger_print)


def cmd_ledger_print(args: argparse.Namespace, data: paths.DataDir) -> int:
    """``ledger print`` (#10): the Sổ theo dõi hồ sơ of a period, written atomically."""
    from onestop_desktop.services import slips

    ctx = session(data, write=False)
    pdf = slips.ledger(ctx, parse_date(args.from_), parse_date(args.to))
    slips.write(Path(args.out), pdf)
    print(f"Đã ghi sổ theo dõi hồ sơ ra {args.out}")
    return 0
