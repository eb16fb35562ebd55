"""``onestop calendar …``: days off, make-up workdays and due dates."""

from __future__ import annotations

import argparse
from typing import Any

from onestop_desktop import paths
from onestop_desktop.cli.common import (
    ACTION_HELP,
    DATE_HELP,
    JSON_HELP,
    parse_date,
    parse_moment,
    print_json,
    session,
    whole_number,
)
from onestop_desktop.domain import clock


def cmd_calendar(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.services import calendar

    ctx = session(data)
    sub = args.calendar_command
    if sub == "list":
        rows = calendar.list_year(ctx, args.year)
        if args.json:
            print_json(
                [
                    {
                        "date": r.day.isoformat(),
                        "kind": r.kind,
                        "note": r.note,
                        "source": r.source,
                        "document": r.document,
                    }
                    for r in rows
                ]
            )
        else:
            for r in rows:
                kind = "nghỉ" if r.kind == "day_off" else "làm bù"
                print(f"{clock.fmt_date(r.day)}  {kind:<6}  {r.note}  [nguồn: {r.document}]")
    elif sub == "add-day-off":
        calendar.set_day(ctx, parse_date(args.date), "day_off", args.note or "")
        print(f"Đã đặt {clock.fmt_date(parse_date(args.date))} là ngày nghỉ")
    elif sub == "add-workday":
        calendar.set_day(ctx, parse_date(args.date), "workday", args.note or "")
        print(f"Đã đặt {clock.fmt_date(parse_date(args.date))} là ngày làm việc (làm bù)")
    elif sub == "remove":
        calendar.remove_day(ctx, parse_date(args.date))
        print(f"Đã bỏ {clock.fmt_date(parse_date(args.date))} khỏi bảng ngày nghỉ/làm bù")
    elif sub == "due":
        from onestop_desktop.domain.calendar import due
        from onestop_desktop.services import catalog

        received = parse_moment(args.received)
        proc = catalog.current_procedure(ctx.store, args.procedure)
        cal = calendar.load_calendar(ctx.store, years=[received.year, received.year + 1])
        when = due(received, proc.time_limit, cal)
        if args.json:
            print_json(
                {
                    "procedure": proc.code,
                    "time_limit": proc.time_limit.label,
                    "received": received.strftime("%Y-%m-%d %H:%M"),
                    "due": when.strftime("%Y-%m-%d %H:%M"),
                    "due_iso": clock.iso(when),
                }
            )
        else:
            print(when.strftime("%Y-%m-%d %H:%M"))
    return 0


def add_commands(sub: Any) -> None:
    """Register ``calendar`` on the main parser's subparsers."""
    p = sub.add_parser("calendar", help="lịch làm việc: ngày nghỉ, ngày làm bù, ngày hẹn trả")
    ksub = p.add_subparsers(
        dest="calendar_command", required=True, metavar="ACTION", help=ACTION_HELP
    )
    q = ksub.add_parser("list", help="liệt kê ngày nghỉ và ngày làm bù của một năm")
    q.add_argument(
        "--year",
        type=whole_number,
        default=clock.now().year,
        metavar="NĂM",
        help="năm cần liệt kê (mặc định: năm nay)",
    )
    q.add_argument("--json", action="store_true", help=JSON_HELP)
    for name, help_ in (("add-day-off", "thêm ngày nghỉ"), ("add-workday", "thêm ngày làm bù")):
        q = ksub.add_parser(name, help=help_)
        q.add_argument("date", metavar="NGÀY", help=DATE_HELP)
        q.add_argument("--note", help="ghi chú, ví dụ tên ngày lễ")
    q = ksub.add_parser("remove", help="bỏ một ngày khỏi bảng")
    q.add_argument("date", metavar="NGÀY", help=DATE_HELP)
    q = ksub.add_parser("due", help="tính ngày hẹn trả")
    q.add_argument("--procedure", required=True, metavar="CODE", help="mã thủ tục")
    q.add_argument(
        "--received",
        required=True,
        metavar="THỜI_ĐIỂM",
        help='thời điểm tiếp nhận "YYYY-MM-DD HH:MM" hoặc "dd/mm/yyyy HH:MM"',
    )
    q.add_argument("--json", action="store_true", help=JSON_HELP)
    p.set_defaults(handler=cmd_calendar)
