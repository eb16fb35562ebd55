"""CLI commands for the rules of the counter: catalogue, calendar, report, legacy ledger."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

from onestop_desktop import paths
from onestop_desktop.domain import clock
from onestop_desktop.errors import ValidationError


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        try:
            return datetime.strptime(text.strip(), "%d/%m/%Y").date()
        except ValueError as exc:
            raise ValidationError(
                f"Ngày «{text}» không đúng dạng YYYY-MM-DD hoặc dd/mm/yyyy"
            ) from exc


def _moment(text: str) -> datetime:
    for fmt in ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M"):
        try:
            return datetime.strptime(text.strip(), fmt).replace(tzinfo=clock.VN_TZ)
        except ValueError:
            continue
    try:
        return clock.parse_iso(text.strip())
    except ValueError as exc:
        raise ValidationError(f"Thời điểm «{text}» không đúng dạng «YYYY-MM-DD HH:MM»") from exc


def _ctx(data: paths.DataDir, *, write: bool = True) -> Any:
    """The operator's session; read-only commands skip a check already made today."""
    from onestop_desktop.cli import _open

    return _open(data, integrity="quick" if write else "daily")


def _dump(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


# ------------------------------------------------------------------------- catalogue


def cmd_catalog(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.services import catalog

    ctx = _ctx(data, write=args.catalog_command == "import")
    if args.catalog_command == "import":
        report = catalog.import_file(ctx, Path(args.file), skip_bad_rows=args.skip_bad_rows)
        print(report.text())
    elif args.catalog_command == "export":
        n = catalog.export_file(ctx, args.format, Path(args.out))
        print(f"Đã xuất {n} thủ tục ra {args.out}")
    elif args.catalog_command == "list":
        from onestop_desktop.domain.catalog import procedure_to_dict

        procs = catalog.current_procedures(ctx.store, query=args.query or "")
        if args.json:
            _dump([procedure_to_dict(p) for p in procs])
        else:
            for p in procs:
                print(f"{p.code}  v{p.version}  {p.name}  ({p.time_limit.label})")
    return 0


# ------------------------------------------------------------------------- calendar


def cmd_calendar(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.services import calendar

    ctx = _ctx(data)
    sub = args.calendar_command
    if sub == "list":
        rows = calendar.list_year(ctx, args.year)
        if args.json:
            _dump(
                [
                    {"date": r.day.isoformat(), "kind": r.kind, "note": r.note, "source": r.source}
                    for r in rows
                ]
            )
        else:
            for r in rows:
                kind = "nghỉ" if r.kind == "day_off" else "làm bù"
                print(f"{clock.fmt_date(r.day)}  {kind:<6}  {r.note}  [{r.source}]")
    elif sub == "add-day-off":
        calendar.set_day(ctx, _date(args.date), "day_off", args.note or "")
        print(f"Đã đặt {clock.fmt_date(_date(args.date))} là ngày nghỉ")
    elif sub == "add-workday":
        calendar.set_day(ctx, _date(args.date), "workday", args.note or "")
        print(f"Đã đặt {clock.fmt_date(_date(args.date))} là ngày làm việc (làm bù)")
    elif sub == "remove":
        calendar.remove_day(ctx, _date(args.date))
        print(f"Đã bỏ {clock.fmt_date(_date(args.date))} khỏi bảng ngày nghỉ/làm bù")
    elif sub == "due":
        from onestop_desktop.domain.calendar import due
        from onestop_desktop.services import catalog

        received = _moment(args.received)
        proc = catalog.current_procedure(ctx.store, args.procedure)
        cal = calendar.load_calendar(ctx.store, years=[received.year, received.year + 1])
        when = due(received, proc.time_limit, cal)
        if args.json:
            _dump(
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


# ------------------------------------------------------------------------- report


def cmd_report(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.reports import report06

    ctx = _ctx(data, write=False)
    start, end = _date(args.from_), _date(args.to)
    report = report06.build(ctx, start, end)
    fmt = args.format
    if fmt in ("xlsx",) and not args.out:
        raise ValidationError("Định dạng xlsx cần --out TỆP")
    if args.out:
        report06.write(report, fmt, Path(args.out), ctx.station)
        print(f"Đã ghi báo cáo ra {args.out}")
        return 0
    sys.stdout.write(report06.render(report, fmt, ctx.station))
    return 0


# ------------------------------------------------------------------------- ledger


def cmd_ledger(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.services import ledger

    ctx = _ctx(data)
    report = ledger.import_file(ctx, Path(args.file), skip_bad_rows=args.skip_bad_rows)
    if args.json:
        _dump(report.to_json())
    else:
        print(report.text())
    return 0


def add_commands(sub: Any) -> None:
    """Register the rule commands on the main parser's subparsers."""
    p = sub.add_parser("catalog", help="danh mục thủ tục hành chính")
    csub = p.add_subparsers(dest="catalog_command", required=True, metavar="ACTION")
    q = csub.add_parser("import", help="nhập danh mục từ CSV, XLSX hoặc JSON")
    q.add_argument("file")
    q.add_argument(
        "--skip-bad-rows", action="store_true", help="bỏ qua dòng lỗi, nhập phần còn lại"
    )
    q = csub.add_parser("export", help="xuất danh mục")
    q.add_argument("--format", required=True, choices=["csv", "xlsx", "json"])
    q.add_argument("--out", required=True)
    q = csub.add_parser("list", help="liệt kê thủ tục")
    q.add_argument("query", nargs="?")
    q.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_catalog)

    p = sub.add_parser("calendar", help="lịch làm việc: ngày nghỉ, ngày làm bù, ngày hẹn trả")
    ksub = p.add_subparsers(dest="calendar_command", required=True, metavar="ACTION")
    q = ksub.add_parser("list", help="liệt kê ngày nghỉ và ngày làm bù của một năm")
    q.add_argument("--year", type=int, default=clock.now().year)
    q.add_argument("--json", action="store_true")
    for name, help_ in (("add-day-off", "thêm ngày nghỉ"), ("add-workday", "thêm ngày làm bù")):
        q = ksub.add_parser(name, help=help_)
        q.add_argument("date")
        q.add_argument("--note")
    q = ksub.add_parser("remove", help="bỏ một ngày khỏi bảng")
    q.add_argument("date")
    q = ksub.add_parser("due", help="tính ngày hẹn trả")
    q.add_argument("--procedure", required=True)
    q.add_argument("--received", required=True, help='"YYYY-MM-DD HH:MM"')
    q.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_calendar)

    p = sub.add_parser("report", help="báo cáo Biểu 06 và số liệu công bố")
    p.add_argument("--from", dest="from_", required=True)
    p.add_argument("--to", required=True)
    p.add_argument("--format", default="text", choices=["text", "json", "csv", "xlsx"])
    p.add_argument("--out")
    p.set_defaults(handler=cmd_report)

    p = sub.add_parser("ledger", help="sổ theo dõi hồ sơ cũ")
    lsub = p.add_subparsers(dest="ledger_command", required=True, metavar="ACTION")
    q = lsub.add_parser("import", help="nhập sổ theo dõi hồ sơ (XLSX/CSV)")
    q.add_argument("file")
    q.add_argument("--skip-bad-rows", action="store_true")
    q.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_ledger)
