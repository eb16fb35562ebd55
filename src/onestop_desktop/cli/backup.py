"""``onestop backup`` and ``onestop restore``: a checked copy of the database, and back."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from onestop_desktop import paths
from onestop_desktop.cli.common import open_session
from onestop_desktop.domain.clock import fmt_datetime, fmt_int
from onestop_desktop.domain.formats import fmt_size
from onestop_desktop.errors import ValidationError

if TYPE_CHECKING:
    from onestop_desktop.services.backup import BackupInfo


def cmd_backup(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.services import backup

    if args.action == "auto":
        return _auto(data)
    if args.action == "verify":
        return _verify(args)
    if args.file is not None:
        raise ValidationError("Chỉ «backup verify» nhận tên tệp sao lưu", field="file")
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
    _print_scans(info, "")
    return 0


def _print_scans(info: BackupInfo, where: str) -> None:
    """The scans line of a backup (#11), and a warning for those the data folder lacks."""
    if info.scans:
        print(
            f"{where}Bản quét: {fmt_int(info.scans)} tệp trong {info.path.parent / 'attachments'}"
            f" ({fmt_int(info.scans_copied)} tệp mới chép, {fmt_size(info.scans_copied_bytes)})"
        )
    if info.scans_missing:
        print(
            f"onestop: {where}cảnh báo: {fmt_int(len(info.scans_missing))} bản quét mà hồ sơ "
            "ghi tên không có (hoặc hỏng) trong thư mục dữ liệu, nên không có trong bản sao lưu: "
            + ", ".join(sha[:12] for sha in info.scans_missing[:10]),
            file=sys.stderr,
        )


def _verify(args: argparse.Namespace) -> int:
    """``onestop backup verify FILE``: the database (integrity, schema, event chain) and every
    scan it names (present beside it, re-hashed). Exit 0 when whole, 3 when scans are missing
    or damaged; a broken database is an error (exit 6)."""
    from onestop_desktop.services import backup

    if args.file is None:
        raise ValidationError(
            "Thiếu tệp sao lưu cần kiểm tra: onestop backup verify TỆP", field="file"
        )
    path = Path(args.file).expanduser()
    info = backup.verify(path)
    print(
        f"Cơ sở dữ liệu {path.name}: nguyên vẹn ({fmt_int(info.dossiers)} hồ sơ, "
        f"{fmt_int(info.events)} sự kiện, chuỗi sự kiện khớp)"
    )
    scans = backup.verify_scans(path)
    if scans.ok:
        print(f"Bản quét: đủ cả {fmt_int(scans.named)} tệp trong {scans.folder}, khớp mã băm")
        return 0
    for sha in scans.missing:
        print(f"THIẾU bản quét {sha} trong {scans.folder}")
    for sha in scans.damaged:
        print(f"HỎNG bản quét {sha} (nội dung không khớp mã băm) trong {scans.folder}")
    print(
        f"Bản quét: {fmt_int(len(scans.missing))} thiếu, {fmt_int(len(scans.damaged))} hỏng "
        f"trên {fmt_int(scans.named)} tệp"
    )
    return 3


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
            if entry.scans is not None:
                holds += f", {fmt_int(entry.scans)} tệp quét"
                if entry.scans_missing:
                    holds += f" (thiếu {fmt_int(entry.scans_missing)} trong kho sao lưu)"
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
            _print_scans(info, f"{where}: ")
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
    scans = result.scans
    if scans is not None and scans.named:
        print(
            f"Bản quét: {fmt_int(scans.named)} tệp hồ sơ ghi tên; {fmt_int(scans.copied)} tệp "
            f"chép lại từ {Path(args.file).expanduser().parent / 'attachments'}, "
            f"{fmt_int(scans.present)} tệp đã có sẵn"
        )
    if scans is not None and not scans.complete:
        lost = (*scans.missing, *scans.damaged)
        print(
            f"onestop: cảnh báo: {fmt_int(len(lost))} bản quét không có (hoặc hỏng) cạnh bản sao "
            "lưu, các trang đó không xem được: " + ", ".join(sha[:12] for sha in lost[:10]),
            file=sys.stderr,
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
        choices=["auto", "list", "verify"],
        default=None,
        help="auto: sao lưu tự động như chương trình làm mỗi ngày (nếu hôm nay chưa có, vào "
        "thư mục dữ liệu và nơi thứ hai, rồi xóa bản cũ theo lịch giữ 7 ngày, 4 tuần, 12 "
        "tháng); list: liệt kê các bản sao lưu với ngày, dung lượng và số hồ sơ; verify TỆP: "
        "kiểm tra một bản sao lưu và mọi bản quét nó ghi tên",
    )
    p.add_argument(
        "file",
        nargs="?",
        default=None,
        metavar="TỆP",
        help="với verify: tệp sao lưu cần kiểm tra",
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
