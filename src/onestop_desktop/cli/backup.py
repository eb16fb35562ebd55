"""``onestop backup`` and ``onestop restore``: a checked copy of the database, and back."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from onestop_desktop import paths
from onestop_desktop.cli.common import open_session
from onestop_desktop.domain.clock import fmt_datetime, fmt_int


def cmd_backup(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.services import backup

    if args.action == "auto":
        return _auto(data)
    if args.list or args.action == "list":
        return _list(args, data)
    ctx = open_session(data)
    dest = Path(args.to).expanduser() if args.to else None
    info = backup.backup_now(ctx, data, dest)
    size = f"{info.size:,}".replace(",", ".")
    print(
        f"Đã sao lưu và kiểm tra: {info.path} ({info.dossiers} hồ sơ, {info.events} sự kiện, "
        f"{size} byte)"
    )
    return 0


def _list(args: argparse.Namespace, data: paths.DataDir) -> int:
    """``onestop backup list``: each backup with its date, size and what it holds."""
    from onestop_desktop.services import backup, backups_view

    folder = Path(args.to).expanduser() if args.to else backup.default_folder(data)
    ctx = open_session(data, integrity="daily")
    for entry in backups_view.overview(ctx, folder):
        item = entry.file
        size = fmt_int(item.size)
        if not item.complete:
            holds = "chưa hoàn tất, không dùng được"
        elif entry.dossiers is None:
            holds = "không đọc được"
        else:
            last = fmt_datetime(entry.last_event_at) if entry.last_event_at else "-"
            holds = f"{fmt_int(entry.dossiers)} hồ sơ, sự kiện cuối {last}"
        print(f"{fmt_datetime(item.modified)}  {size:>14} byte  {holds}  {item.path}")
    return 0


def _auto(data: paths.DataDir) -> int:
    """``onestop backup auto``: what the GUI's daily timer does (due check, both places,
    rotation); prints what it did; exit 1 when a place failed (nothing was lost)."""
    from onestop_desktop.services import autobackup

    ctx = open_session(data)
    result = autobackup.run(ctx, data)
    for place in result.places:
        where = "nơi thứ hai" if place.second else "thư mục dữ liệu"
        if place.made is not None:
            info = place.made
            print(
                f"{where}: đã sao lưu và kiểm tra {info.path} ({fmt_int(info.dossiers)} hồ sơ, "
                f"{fmt_int(info.events)} sự kiện, {fmt_int(info.size)} byte)"
            )
            for old in place.removed:
                print(f"{where}: đã xóa bản cũ theo lịch giữ (7 ngày, 4 tuần, 12 tháng): {old}")
        elif place.skipped is not None:
            print(f"{where}: {place.skipped} ({place.folder})")
        if place.error is not None:
            print(f"onestop: {where}: {place.error}", file=sys.stderr)
    return 0 if result.ok else 1


def cmd_restore(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.services import backup

    result = backup.restore_station(
        data, Path(args.file).expanduser(), other_station=args.other_station
    )
    msg = f"Đã khôi phục {data.database} từ {args.file}"
    if result.kept:
        msg += f"; bản cũ giữ lại tại {result.kept}"
    print(msg)
    if result.check.problems:
        ident = result.check.backup
        print(
            f"Máy này từ nay chạy với tư cách máy trạm {ident.station_id} của đơn vị "
            f"{ident.unit_code} (bản sao lưu của máy khác, --other-station)."
        )
        if result.check.key_public is not None and result.check.key_public != ident.public_key:
            print(
                f"Khóa ký trong {data.keys} không phải của máy trạm này: hãy cất nó đi rồi chép "
                "khóa của máy trạm đó vào trước khi đồng bộ."
            )
    if result.anchors_set_aside:
        print(
            f"{len(result.anchors_set_aside)} mốc đầu chuỗi không khớp chuỗi vừa khôi phục (các "
            "sự kiện ghi sau bản sao lưu đã mất, hoặc đây là chuỗi của máy khác) đã được cất vào "
            "thư mục anchors/ (superseded-*.jsonl)."
        )
    return 0


def add_commands(sub: Any) -> None:
    """Register ``backup`` and ``restore`` on the main parser's subparsers."""
    p = sub.add_parser("backup", help="sao lưu cơ sở dữ liệu (có kiểm tra)")
    p.add_argument(
        "action",
        nargs="?",
        choices=["auto", "list"],
        default=None,
        help="auto: sao lưu tự động như chương trình làm mỗi ngày (nếu hôm nay chưa có, vào "
        "thư mục dữ liệu và nơi thứ hai, rồi xóa bản cũ theo lịch giữ 7 ngày, 4 tuần, 12 "
        "tháng); list: liệt kê các bản sao lưu với ngày, dung lượng và số hồ sơ",
    )
    p.add_argument(
        "--to",
        default=None,
        help="thư mục đích, ví dụ USB (mặc định: thư mục backups/ trong thư mục dữ liệu)",
    )
    p.add_argument(
        "--list",
        action="store_true",
        help="liệt kê các bản sao lưu có trong thư mục, mới nhất trước",
    )
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser("restore", help="khôi phục từ bản sao lưu (giữ lại bản cũ)")
    p.add_argument("file", metavar="TỆP", help="tệp sao lưu (.sqlite) cần khôi phục")
    p.add_argument(
        "--other-station",
        action="store_true",
        help="cho phép khôi phục bản sao lưu của máy trạm khác (khác đơn vị, số máy trạm hoặc "
        "khóa ký trong keys/): máy này sẽ tiếp tục chuỗi sự kiện với tư cách máy trạm đó, khóa "
        "ký trong keys/ không ký được cho máy trạm đó (phải thay bằng khóa của máy trạm đó), và "
        "không được để hai máy cùng chạy một số máy trạm",
    )
    p.set_defaults(handler=cmd_restore)
