"""The station's own commands: ``init``, ``demo``, ``verify``, ``rebuild``, ``self-check``, ``gui``
(and the internal ``qt-probe``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, Literal

from onestop_desktop import paths
from onestop_desktop.cli.common import (
    JSON_HELP,
    open_session,
    print_json,
    read_password,
    whole_number,
)
from onestop_desktop.domain.clock import fmt_int
from onestop_desktop.errors import ValidationError


def cmd_init(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.domain.codes import validate_station, validate_unit_code
    from onestop_desktop.services import station

    # Check the arguments before asking for a password.
    validate_unit_code(args.unit_code)
    if args.station is None:  # a district database is one "station" of its own (#12)
        if not args.district:
            raise ValidationError("Chưa nhập số hiệu máy trạm (--station)", field="station")
        args.station = "1"
    validate_station(args.station)
    choice = str(args.catalog)
    catalog: Path | Literal["starter", "none"] = (
        "starter" if choice == "starter" else "none" if choice.lower() == "none" else Path(choice)
    )
    password = read_password(args)
    ctx = station.init_data_dir(
        data,
        unit_code=args.unit_code,
        unit_name=args.unit_name,
        station=args.station,
        admin=args.admin,
        password=password,
        catalog=catalog,
        district=bool(args.district),
    )
    if args.district:
        print(
            f"Đã khởi tạo cơ sở dữ liệu cấp huyện {ctx.station.unit_name} "
            f"({ctx.station.unit_code}) tại {data.root}; đăng ký các máy trạm bằng "
            "«onestop bundle register TỆP»"
        )
    else:
        print(
            f"Đã khởi tạo máy trạm {ctx.station.station_id} của {ctx.station.unit_name} "
            f"({ctx.station.unit_code}) tại {data.root}; tài khoản quản trị: {args.admin}"
        )
    from onestop_desktop.services import catalog as catalog_service

    count = catalog_service.procedure_count(ctx.store)
    if catalog == "none":
        print("Danh mục thủ tục đang trống (--catalog none); nhập bằng «onestop catalog import».")
    elif catalog == "starter":
        print(f"Đã nạp danh mục thủ tục mẫu: {fmt_int(count)} thủ tục.")
    else:
        print(f"Đã nạp danh mục thủ tục từ {catalog.name}: {fmt_int(count)} thủ tục.")
    ctx.store.close()
    return 0


def cmd_demo(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.services import demo

    if args.dossiers < 0:
        raise ValidationError("Số hồ sơ mẫu phải không âm", field="dossiers")
    result = demo.fill(data, args.dossiers, seed=args.seed, progress=not args.quiet)
    if args.json:
        print_json(result.to_json())
    else:
        print(result.text())
    return 0


def cmd_verify(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.domain import clock
    from onestop_desktop.services import anchors, integrity

    ctx = open_session(data)
    extra = []
    for token in args.anchor or []:
        station, seq, digest = anchors.parse_token(token, default_station=ctx.station.station_id)
        extra.append(anchors.Anchor(clock.iso(ctx.now()), station, seq, digest, "manual"))
    report = integrity.verify(ctx, extra_anchors=extra)
    if args.json:
        b = report.broken
        print_json(
            {
                "ok": report.ok,
                "checked": report.checked,
                "broken": None
                if b is None
                else {"station_id": b.station_id, "seq": b.seq, "reason": b.reason},
                "anchors_checked": report.anchors_checked,
                "anchor_problems": [str(m) for m in report.anchor_problems],
                "projection_problems": [str(m) for m in report.projection_problems],
                "table_problems": [str(m) for m in report.table_problems],
                "heads": [
                    {"station": h.station, "seq": h.seq, "hash": h.hash, "token": h.token}
                    for h in report.heads
                ],
            }
        )
    else:
        print(report.text(), file=sys.stdout if report.ok else sys.stderr)
    return 0 if report.ok else 1


def cmd_anchors(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.services import anchors

    ctx = open_session(data)
    if args.action == "add":
        if not args.token:
            raise ValidationError("Chưa nhập mốc cần ghi (MÃBĂM@SỐ)", field="anchor")
        anchor = anchors.add_manual(ctx, args.token)
        print(
            f"Đã ghi mốc: máy trạm {anchor.station}, sự kiện số {fmt_int(anchor.seq)}, "
            f"mã băm {anchor.hash[: anchors.SHORT]}"
        )
        return 0
    if args.action == "keep":
        heads = anchors.record_heads(ctx, "manual")
        for head in heads:
            print(f"Đã ghi mốc đầu chuỗi: {head.label()} ({head.token})")
        return 0
    found = anchors.list_anchors(ctx)
    if args.json:
        print_json([a.to_json() for a in found])
        return 0
    if not found:
        print("Chưa có mốc nào.")
    for a in found:
        print(f"{a.at}  {a.source:<8} {a.hash[: anchors.SHORT]}@{a.station}:{a.seq}")
    return 0


def cmd_rebuild(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.services import integrity

    ctx = open_session(data)
    report = integrity.rebuild(ctx, write=not args.dry_run)
    if args.json:
        print_json(
            {
                "dossiers": report.dossiers,
                "events": report.events,
                "changed": report.changed,
                "added": report.added,
                "removed": report.removed,
                "differences": report.differences,
            }
        )
    else:
        print(report.text())
    return 0


def cmd_self_check(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.services import selfcheck

    report = selfcheck.run(data)
    if args.json:
        print_json(report.to_json())
    else:
        print(report.text())
    return 0 if report.ok else 1


def cmd_qt_probe(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop import app

    return app.qt_probe()


def add_commands(sub: Any) -> None:
    """Register the station's commands on the main parser's subparsers."""
    p = sub.add_parser("init", help="khởi tạo máy trạm và tài khoản quản trị đầu tiên")
    p.add_argument("--unit-code", required=True, help="mã định danh đơn vị, ví dụ 000.00.12.H29")
    p.add_argument("--unit-name", required=True, help="tên đơn vị, ví dụ «UBND xã Hòa Bình»")
    p.add_argument("--station", default=None, help="số hiệu máy trạm (1–9)")
    p.add_argument(
        "--district",
        action="store_true",
        help="cơ sở dữ liệu cấp huyện: nhập gói của các xã, ký gói danh mục/lịch gửi xuống",
    )
    p.add_argument("--admin", default="admin", help="tên đăng nhập của quản trị viên")
    p.add_argument("--password-stdin", action="store_true", help="đọc mật khẩu từ đầu vào chuẩn")
    p.add_argument(
        "--catalog",
        default="starter",
        metavar="TỆP|none",
        help="danh mục thủ tục ban đầu: mặc định là danh mục mẫu kèm phần mềm; một tệp "
        "CSV/XLSX/JSON của xã; hoặc «none» để bắt đầu với danh mục trống",
    )
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("demo", help="tạo dữ liệu mẫu của một xã")
    p.add_argument(
        "--dossiers", type=whole_number, required=True, metavar="N", help="số hồ sơ mẫu cần tạo"
    )
    p.add_argument(
        "--seed",
        type=whole_number,
        default=2025,
        metavar="N",
        help="hạt giống ngẫu nhiên (cùng hạt giống cho cùng dữ liệu; mặc định 2025)",
    )
    p.add_argument("--quiet", action="store_true", help="không in tiến độ")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p.set_defaults(handler=cmd_demo)

    p = sub.add_parser(
        "verify",
        help="kiểm tra chuỗi băm của nhật ký sự kiện, đối chiếu các mốc ngoài cơ sở dữ liệu và "
        "các bảng tài khoản, cài đặt, danh mục, lịch với sự kiện",
    )
    p.add_argument(
        "--anchor",
        action="append",
        metavar="MÃBĂM@SỐ",
        help="đối chiếu thêm một mốc in trên giấy (báo cáo, bảng tổng hợp ngày), dạng "
        "MÃBĂM@SỐ hoặc MÃBĂM@MÁYTRẠM:SỐ; dùng nhiều lần được",
    )
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p.set_defaults(handler=cmd_verify)

    p = sub.add_parser("anchors", help="các mốc đầu chuỗi sự kiện giữ ngoài cơ sở dữ liệu")
    p.add_argument(
        "action",
        choices=["list", "add", "keep"],
        help="list: liệt kê; add: ghi một mốc in trên giấy; keep: ghi đầu chuỗi hiện tại",
    )
    p.add_argument("token", nargs="?", metavar="MÃBĂM@SỐ", help="mốc cần ghi (với add)")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p.set_defaults(handler=cmd_anchors)

    p = sub.add_parser("rebuild", help="dựng lại bảng hồ sơ từ sự kiện và báo khác biệt")
    p.add_argument("--dry-run", action="store_true", help="chỉ báo, không sửa")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p.set_defaults(handler=cmd_rebuild)

    p = sub.add_parser("self-check", help="tự kiểm tra cơ sở dữ liệu, tài nguyên, phông chữ, Qt")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p.set_defaults(handler=cmd_self_check)

    p = sub.add_parser("gui", help="mở giao diện (mặc định khi không có lệnh)")
    p.add_argument(
        "--smoke-test", action="store_true", help="hiện cửa sổ đăng nhập rồi thoát (kiểm tra)"
    )
    # No handler: cli.main runs the GUI (cli.run_gui), the same as with no command at all.
