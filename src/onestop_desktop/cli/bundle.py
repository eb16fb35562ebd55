"""``onestop bundle …``: sync bundles on a USB stick (#12).

``export`` (station), ``import`` / ``verify`` (district), ``ack`` (station, the district's
acknowledgement), ``key`` (the public key card), ``register`` (the district trusts a station's
key), ``trust-district`` (a station trusts its district's key), ``list`` (keys and chains held).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from onestop_desktop import paths
from onestop_desktop.cli.common import (
    already_imported_text,
    open_session,
    replaced_text,
    whole_number,
)
from onestop_desktop.domain.clock import fmt_int


class _Dots:
    """Progress on stderr (``12.000/100.000 sự kiện``), redrawn on one line."""

    def __init__(self, verb: str) -> None:
        self.verb = verb
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        if not sys.stderr.isatty():
            return
        print(f"\r{self.verb}: {fmt_int(done)}/{fmt_int(total)} sự kiện", end="", file=sys.stderr)
        self.shown = True

    def end(self) -> None:
        if self.shown:
            print(file=sys.stderr)


def cmd_export(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.services import sync

    ctx = open_session(data)
    dots = _Dots("Đang xuất")
    try:
        result = sync.export_bundle(
            ctx,
            Path(args.to).expanduser(),
            everything=args.all,
            since=args.since,
            scans=args.scans,
            progress=dots,
        )
    finally:
        dots.end()
    m = result.manifest
    print(
        f"Đã xuất và kiểm tra lại gói {result.path}: {fmt_int(m.event_count)} sự kiện "
        f"(số {fmt_int(m.chains[0].first_seq) if m.chains else 0}–"
        f"{fmt_int(m.chains[0].last_seq) if m.chains else 0}), "
        f"{fmt_int(m.attachment_count)} tệp bản quét; dấu vân tay khóa {m.fingerprint}"
    )
    return 0


def cmd_verify(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.services import sync

    ctx = open_session(data, integrity="daily")
    _, plan = sync.check_bundle(ctx, Path(args.file).expanduser(), full=True)
    m = plan.manifest
    print(f"Gói {Path(args.file).name} hợp lệ: chữ ký, mã băm và chuỗi sự kiện đều đúng.")
    print(f"Đơn vị {m.unit_code}, máy trạm {m.station}, dấu vân tay khóa {m.fingerprint}")
    if plan.already_imported:
        print("Gói này đã được nhập rồi; nhập lại không thay đổi gì.")
    else:
        print(
            f"Đang giữ đến sự kiện số {fmt_int(plan.held_before)}; nhập sẽ thêm "
            f"{fmt_int(plan.new_events)} sự kiện."
        )
    return 0


def cmd_import(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.services import sync

    ctx = open_session(data)
    path = Path(args.file).expanduser()
    kind = sync.bundle_kind(path)
    if kind == "ack":
        return _print_ack(sync.import_ack(ctx, path))
    if kind != "events":
        print(sync.import_other(ctx, path, kind))
        return 0
    dots = _Dots("Đang nhập")
    try:
        result = sync.import_bundle(
            ctx,
            path,
            ack_to=Path(args.ack_to).expanduser() if args.ack_to else None,
            progress=dots,
        )
    finally:
        dots.end()
    m = result.plan.manifest
    if result.plan.already_imported:
        print(already_imported_text(path.name, result.plan.imported_at))
    else:
        print(
            f"Đã nhập gói {path.name} của {m.unit_code}, máy trạm {m.station}: "
            f"{fmt_int(result.inserted)} sự kiện mới, {fmt_int(result.attachments)} tệp bản quét."
        )
    if result.fold is not None and result.fold.dossiers:
        print(f"Đã cập nhật {fmt_int(result.fold.dossiers)} hồ sơ của cấp huyện.")
    if result.ack is not None:
        print(f"Giấy xác nhận (mang về máy trạm, nhập bằng «onestop bundle ack»): {result.ack}")
    return 0


def cmd_ack(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.services import sync

    ctx = open_session(data)
    return _print_ack(sync.import_ack(ctx, Path(args.file).expanduser()))


def _print_ack(result: Any) -> int:
    if result.new:
        print(
            f"Cấp huyện ({result.by_unit}) xác nhận đã giữ đến sự kiện số {fmt_int(result.seq)}; "
            "lần xuất gói sau bắt đầu từ sự kiện kế tiếp. Mốc đã lưu vào anchors/."
        )
    else:
        print(f"Giấy xác nhận này đã được nhập rồi (đến sự kiện số {fmt_int(result.seq)}).")
    return 0


def cmd_key(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.services import sync

    if args.new:
        ctx = open_session(data)
        made = sync.new_key(ctx, Path(args.out).expanduser())
        print(new_key_text(made))
        return 0
    ctx = open_session(data, integrity="daily")
    card = sync.export_key(ctx, Path(args.out).expanduser())
    print(
        f"Đã ghi khóa công khai của {card.unit_code}, máy trạm {card.station} vào {args.out}.\n"
        f"Dấu vân tay: {card.fingerprint}\n"
        "Khi đăng ký ở nơi nhận, hãy so dấu vân tay này với dấu vân tay nơi đó in ra."
    )
    return 0


def new_key_text(made: Any) -> str:
    """What ``bundle key --new`` prints: both fingerprints, and whether the old key signed."""
    card = made.card
    lines = [
        f"Đã tạo khóa ký mới cho {card.unit_code}, máy trạm {card.station}; thẻ khóa: {made.path}",
        f"Dấu vân tay khóa MỚI: {card.fingerprint}",
        f"Dấu vân tay khóa CŨ:  {made.old_fingerprint}",
    ]
    if made.signed_by_old:
        lines.append("Khóa cũ còn trên máy nên đã ký xác nhận việc đổi khóa trong thẻ khóa.")
    else:
        lines.append(
            "Không còn khóa cũ: thẻ khóa không có chữ ký của khóa cũ. Khi đăng ký ở nơi nhận "
            "(--replace), hai bên phải đọc cho nhau cả hai dấu vân tay qua điện thoại."
        )
    if made.set_aside is not None:
        lines.append(f"Tệp khóa cũ đã được cất vào {made.set_aside} (không dùng để ký nữa).")
    if card.role == "district":
        lines.append(
            "Giấy xác nhận và gói gửi xuống từ nay được ký bằng khóa mới. Mang thẻ khóa đến từng "
            "máy trạm: onestop bundle trust-district TỆP --replace."
        )
    else:
        lines.append(
            "Chuỗi sự kiện không đổi; gói xuất sau đây được ký bằng khóa mới. Mang thẻ khóa đến "
            "nơi nhận: onestop district register TỆP --replace."
        )
    return "\n".join(lines)


def cmd_register(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.services import sync

    ctx = open_session(data)
    path = Path(args.file).expanduser()
    if args.replace:
        done = sync.replace_key(ctx, path, sync.read_key_card(path), "station")
        print(replaced_text(done, f"{done.row.unit_code}, máy trạm {done.row.station_id}"))
        return 0
    row = sync.register_key(ctx, path, role="station")
    print(
        f"Đã đăng ký khóa của {row.unit_code}, máy trạm {row.station_id}.\n"
        f"Dấu vân tay: {row.fingerprint} (phải trùng với dấu vân tay máy trạm in ra)"
    )
    return 0


def cmd_trust_district(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.services import sync

    ctx = open_session(data)
    path = Path(args.file).expanduser()
    if args.replace:
        done = sync.replace_key(ctx, path, sync.read_key_card(path), "district")
        print(replaced_text(done, f"cấp huyện {done.row.unit_code}"))
        return 0
    row = sync.register_key(ctx, path, role="district")
    print(
        f"Đã tin cậy khóa cấp huyện {row.unit_code}.\n"
        f"Dấu vân tay: {row.fingerprint} (phải trùng với dấu vân tay cấp huyện in ra)"
    )
    return 0


def cmd_list(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.services import sync

    ctx = open_session(data, integrity="daily")
    keys = sync.registered(ctx)
    if not keys:
        print("Chưa đăng ký khóa nào.")
    for k in keys:
        label = "cấp huyện" if k.role == "district" else f"máy trạm {k.station_id}"
        print(f"{k.unit_code}  {label}  {k.fingerprint}  {k.unit_name}")
    for chain in sync.held_chains(ctx):
        print(f"Đang giữ {chain.unit_code}, máy trạm {chain.station}: đến số {fmt_int(chain.seq)}")
    return 0


REPLACE_HELP = "thay khóa đã đăng ký bằng khóa mới trong tệp (tạo bằng «bundle key --new»)"


def add_commands(sub: Any) -> None:
    """Register ``bundle`` and its subcommands on the main parser's subparsers."""
    p = sub.add_parser("bundle", help="gói đồng bộ trên USB: xuất, nhập, xác nhận, khóa")
    bsub = p.add_subparsers(
        dest="bundle_command", metavar="LỆNH", required=True, help="việc cần làm với gói"
    )

    e = bsub.add_parser("export", help="xuất các sự kiện chưa được cấp huyện xác nhận ra một gói")
    e.add_argument("--to", required=True, metavar="THƯ_MỤC", help="thư mục đích (ví dụ USB)")
    group = e.add_mutually_exclusive_group()
    group.add_argument("--all", action="store_true", help="xuất toàn bộ chuỗi sự kiện")
    group.add_argument(
        "--since",
        type=whole_number,
        default=None,
        metavar="SỐ",
        help="xuất các sự kiện sau số thứ tự này (mặc định: sau số cấp huyện đã xác nhận)",
    )
    e.add_argument("--scans", action="store_true", help="kèm các tệp bản quét của hồ sơ")
    e.set_defaults(handler=cmd_export)

    i = bsub.add_parser("import", help="kiểm tra rồi nhập một gói (hoặc một giấy xác nhận)")
    i.add_argument("file", metavar="TỆP", help="tệp gói (.osb) hoặc giấy xác nhận cần nhập")
    i.add_argument(
        "--ack-to", metavar="THƯ_MỤC", default=None, help="ghi giấy xác nhận vào thư mục này"
    )
    i.set_defaults(handler=cmd_import)

    v = bsub.add_parser("verify", help="kiểm tra một gói mà không nhập")
    v.add_argument("file", metavar="TỆP", help="tệp gói (.osb) cần kiểm tra")
    v.set_defaults(handler=cmd_verify)

    a = bsub.add_parser("ack", help="nhập giấy xác nhận của cấp huyện")
    a.add_argument("file", metavar="TỆP", help="tệp giấy xác nhận của cấp huyện")
    a.set_defaults(handler=cmd_ack)

    k = bsub.add_parser("key", help="ghi khóa công khai của máy này ra tệp (kèm dấu vân tay)")
    k.add_argument("--out", required=True, metavar="TỆP", help="tệp hoặc thư mục đích")
    k.add_argument(
        "--new",
        action="store_true",
        help="tạo khóa ký mới thay khóa đã mất hoặc không dùng được nữa (chuỗi sự kiện giữ nguyên)",
    )
    k.set_defaults(handler=cmd_key)

    r = bsub.add_parser("register", help="đăng ký khóa công khai của một máy trạm (cấp huyện)")
    r.add_argument("file", metavar="TỆP", help="tệp khóa công khai của máy trạm")
    r.add_argument("--replace", action="store_true", help=REPLACE_HELP)
    r.set_defaults(handler=cmd_register)

    t = bsub.add_parser("trust-district", help="tin cậy khóa công khai của cấp huyện (máy trạm)")
    t.add_argument("file", metavar="TỆP", help="tệp khóa công khai của cấp huyện")
    t.add_argument("--replace", action="store_true", help=REPLACE_HELP)
    t.set_defaults(handler=cmd_trust_district)

    lst = bsub.add_parser("list", help="các khóa đã đăng ký và các chuỗi đang giữ")
    lst.set_defaults(handler=cmd_list)
