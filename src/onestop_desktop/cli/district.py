"""``onestop district``: the district database's commands (#12 district mode).

``register`` (trust a station's key card, as ``bundle register``), ``import`` (a station's
bundle, imported and folded into the district's dossiers in one transaction), ``refresh`` (fold
what ``bundle import`` brought in), ``list`` (communes and stations), ``report`` (Biểu 06 of one
commune or the whole district), ``ontime`` (the on-time table per commune), ``publish-catalog``
and ``publish-calendar`` (signed downward bundles for the stations).
"""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

from onestop_desktop import paths
from onestop_desktop.cli.common import DATE_HELP, open_session, parse_date
from onestop_desktop.domain.clock import fmt_int


def _rate(value: Decimal | None) -> str:
    return "—" if value is None else f"{value}".replace(".", ",") + "%"


def cmd_register(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.services import district, sync

    ctx = open_session(data)
    district.require_district(ctx)
    path = Path(args.file).expanduser()
    if args.replace:
        from onestop_desktop.cli.common import replaced_text

        done = sync.replace_key(ctx, path, sync.read_key_card(path), "station")
        print(replaced_text(done, f"{done.row.unit_code}, máy trạm {done.row.station_id}"))
        return 0
    row = sync.register_key(ctx, path)
    print(
        f"Đã đăng ký máy trạm {row.station_id} của {row.unit_name} ({row.unit_code}); "
        f"dấu vân tay {row.fingerprint} — so với dấu vân tay in ở máy trạm"
    )
    return 0


def cmd_import(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.services import district

    ctx = open_session(data)
    path = Path(args.file).expanduser()
    done = district.import_station_bundle(
        ctx, path, ack_to=Path(args.ack_to).expanduser() if args.ack_to else None
    )
    m = done.result.plan.manifest
    if done.result.plan.already_imported:
        from onestop_desktop.cli.common import already_imported_text

        print(already_imported_text(path.name, done.result.plan.imported_at))
    else:
        print(
            f"Đã nhập gói {path.name} của {m.unit_code}, máy trạm {m.station}: "
            f"{fmt_int(done.result.inserted)} sự kiện mới, {fmt_int(done.fold.dossiers)} hồ sơ "
            "được cập nhật."
        )
    if done.ack is not None:
        print(f"Giấy xác nhận (mang về máy trạm, nhập bằng «onestop bundle ack»): {done.ack}")
    return 0


def cmd_refresh(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.services import district

    ctx = open_session(data)
    result = district.refresh(ctx, full=bool(args.full))
    print(
        f"Đã cập nhật {fmt_int(result.dossiers)} hồ sơ từ {fmt_int(result.chains)} chuỗi sự kiện."
    )
    return 0


def cmd_list(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.services import district

    ctx = open_session(data, integrity="daily")
    district.refresh(ctx)  # what a plain «bundle import» brought in, folded first
    units = district.units(ctx)
    if args.json:
        body = [
            {
                "unit_code": u.unit_code,
                "unit_name": u.unit_name,
                "dossiers": u.dossiers,
                "stations": [
                    {
                        "station": s.station_id,
                        "fingerprint": s.fingerprint,
                        "held_seq": s.held_seq,
                        "imports": s.imports,
                        "last_import": s.last_import,
                    }
                    for s in u.stations
                ],
            }
            for u in units
        ]
        print(json.dumps(body, ensure_ascii=False, indent=2))
        return 0
    if not units:
        print("Chưa đăng ký máy trạm nào (onestop district register TỆP).")
        return 0
    for u in units:
        print(f"{u.unit_code}  {u.unit_name}: {fmt_int(u.dossiers)} hồ sơ")
        for s in u.stations:
            print(
                f"    máy trạm {s.station_id}  {s.fingerprint}  đã giữ đến sự kiện "
                f"{fmt_int(s.held_seq)}, {fmt_int(s.imports)} gói đã nhập"
            )
    return 0


def cmd_report(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.reports import report06
    from onestop_desktop.services import district

    ctx = open_session(data, integrity="daily")
    district.refresh(ctx)  # what a plain «bundle import» brought in, folded first
    start, end = parse_date(args.from_), parse_date(args.to)
    result = district.report06_for(ctx, start, end, args.unit)
    sys.stdout.write(report06.render(result, args.format, []))
    return 0


def cmd_ontime(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.services import district

    ctx = open_session(data, integrity="daily")
    district.refresh(ctx)  # what a plain «bundle import» brought in, folded first
    start, end = parse_date(args.from_), parse_date(args.to)
    lines, total = district.ontime_table(ctx, start, end)
    if args.json:
        body = [
            {
                "unit_code": r.unit_code,
                "unit_name": r.unit_name,
                "received": r.received,
                "returned_on_time": r.returned_on_time,
                "returned_late": r.returned_late,
                "in_progress": r.in_progress,
                "refused": r.refused,
                "on_time_rate": None if r.on_time_rate is None else float(r.on_time_rate),
            }
            for r in [*lines, total]
        ]
        print(json.dumps(body, ensure_ascii=False, indent=2))
        return 0
    print(
        f"{'Đơn vị':<36} {'Tiếp nhận':>9} {'Đúng hạn':>9} {'Trễ hạn':>8} {'Đang GQ':>8} "
        f"{'Từ chối':>8} {'Tỷ lệ':>7}"
    )
    for r in [*lines, total]:
        name = f"{r.unit_name} ({r.unit_code})" if r.unit_code else r.unit_name
        print(
            f"{name[:36]:<36} {fmt_int(r.received):>9} {fmt_int(r.returned_on_time):>9} "
            f"{fmt_int(r.returned_late):>8} {fmt_int(r.in_progress):>8} "
            f"{fmt_int(r.refused):>8} {_rate(r.on_time_rate):>7}"
        )
    return 0


def _publish(kind: str, args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.services import district

    ctx = open_session(data)
    out = district.publish(ctx, kind, Path(args.file).expanduser(), Path(args.to).expanduser())
    what = "thủ tục" if kind == "catalog" else "ngày"
    print(f"Đã ký gói số {out.sequence} ({fmt_int(out.items)} {what}): {out.path}")
    return 0


def cmd_publish_catalog(args: argparse.Namespace, data: paths.DataDir) -> int:
    return _publish("catalog", args, data)


def cmd_publish_calendar(args: argparse.Namespace, data: paths.DataDir) -> int:
    return _publish("calendar", args, data)


def _period(p: Any) -> None:
    p.add_argument(
        "--from", dest="from_", required=True, metavar="NGÀY", help="từ ngày (" + DATE_HELP + ")"
    )
    p.add_argument("--to", required=True, metavar="NGÀY", help="đến ngày, tính cả ngày này")


def add_commands(sub: Any) -> None:
    """Register ``district`` on the main parser's subparsers."""
    p = sub.add_parser(
        "district", help="cấp huyện: các xã, máy trạm, báo cáo tổng hợp, gói gửi xuống"
    )
    dsub = p.add_subparsers(
        dest="district_command", required=True, metavar="LỆNH", help="lệnh cấp huyện"
    )
    r = dsub.add_parser("register", help="đăng ký khóa công khai của một máy trạm")
    r.add_argument("file", metavar="TỆP", help="tệp khóa công khai do máy trạm ghi ra")
    r.add_argument(
        "--replace",
        action="store_true",
        help="thay khóa đã đăng ký của máy trạm bằng khóa mới (tạo bằng «bundle key --new»)",
    )
    r.set_defaults(handler=cmd_register)
    i = dsub.add_parser("import", help="nhập gói của một máy trạm và cập nhật hồ sơ")
    i.add_argument("file", metavar="TỆP", help="gói đồng bộ của máy trạm")
    i.add_argument("--ack-to", metavar="THƯ_MỤC", help="ghi giấy xác nhận vào thư mục này")
    i.set_defaults(handler=cmd_import)
    f = dsub.add_parser("refresh", help="cập nhật hồ sơ từ các sự kiện đã nhập")
    f.add_argument("--full", action="store_true", help="tính lại toàn bộ hồ sơ")
    f.set_defaults(handler=cmd_refresh)
    lst = dsub.add_parser("list", help="các xã và máy trạm đã đăng ký")
    lst.add_argument("--json", action="store_true", help="in dạng JSON")
    lst.set_defaults(handler=cmd_list)
    rep = dsub.add_parser("report", help="Biểu 06 của một xã (--unit) hoặc toàn huyện")
    _period(rep)
    rep.add_argument("--unit", metavar="MÃ", help="mã đơn vị của xã")
    rep.add_argument(
        "--format",
        default="text",
        choices=["text", "json", "csv"],
        help="định dạng: text (mặc định), json hoặc csv",
    )
    rep.set_defaults(handler=cmd_report)
    o = dsub.add_parser("ontime", help="bảng tỷ lệ đúng hạn theo từng xã")
    _period(o)
    o.add_argument("--json", action="store_true", help="in dạng JSON")
    o.set_defaults(handler=cmd_ontime)
    for name, handler, what in (
        ("publish-catalog", cmd_publish_catalog, "danh mục thủ tục (CSV/XLSX/JSON)"),
        ("publish-calendar", cmd_publish_calendar, "lịch ngày nghỉ/làm bù (CSV/JSON)"),
    ):
        q = dsub.add_parser(name, help=f"ký gói {what} gửi xuống các máy trạm")
        q.add_argument("file", metavar="TỆP", help="tệp nguồn cần ký")
        q.add_argument("--to", required=True, metavar="THƯ_MỤC", help="thư mục ghi gói")
        q.set_defaults(handler=handler)
