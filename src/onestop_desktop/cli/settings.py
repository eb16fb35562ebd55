"""``onestop settings …``: the business settings not yet confirmed (admin only)."""

from __future__ import annotations

import argparse
from typing import Any

from onestop_desktop import paths
from onestop_desktop.cli.common import ACTION_HELP, JSON_HELP, print_json, session


def _shown(key: str, value: str) -> str:
    if key == "max_reschedules" and not value:
        return "(trống: không giới hạn)"
    return value


def cmd_settings(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.services import settings

    ctx = session(data, write=args.settings_command != "list")
    sub = args.settings_command
    if sub == "list":
        rows = settings.list_settings(ctx)
        if args.json:
            print_json(
                [
                    {
                        "key": s.key,
                        "value": s.value,
                        "default": s.default,
                        "is_default": s.is_default,
                        "description": s.description_vi,
                    }
                    for s in rows
                ]
            )
        else:
            for s in rows:
                mark = "mặc định" if s.is_default else f"mặc định: {_shown(s.key, s.default)}"
                print(f"{s.key:<16} = {_shown(s.key, s.value)}  ({mark})")
                print(f"{'':<19}{s.description_vi}")
    elif sub == "set":
        before = settings.get_setting(ctx, args.key)
        after = settings.set_setting(ctx, args.key, args.value)
        if after.value == before.value:
            print(f"Thiết lập {after.key} đã là {_shown(after.key, after.value)}; không thay đổi")
        else:
            print(
                f"Đã đặt thiết lập {after.key} = {_shown(after.key, after.value)} "
                f"(trước đó: {_shown(before.key, before.value)})"
            )
    elif sub == "reset":
        after = settings.reset_setting(ctx, args.key)
        print(f"Đã đặt lại thiết lập {after.key} về mặc định: {_shown(after.key, after.value)}")
    return 0


def add_commands(sub: Any) -> None:
    """Register ``settings`` on the main parser's subparsers."""
    keys = "tên thiết lập (xem «onestop settings list»)"
    p = sub.add_parser("settings", help="thiết lập nghiệp vụ chưa được xác nhận (chỉ quản trị)")
    ssub = p.add_subparsers(
        dest="settings_command", required=True, metavar="ACTION", help=ACTION_HELP
    )
    q = ssub.add_parser("list", help="liệt kê thiết lập và giá trị mặc định")
    q.add_argument("--json", action="store_true", help=JSON_HELP)
    q = ssub.add_parser("set", help="đặt giá trị một thiết lập")
    q.add_argument("key", metavar="KEY", help=keys)
    q.add_argument("value", metavar="VALUE", help='giá trị mới (chuỗi rỗng "" nếu để trống)')
    q = ssub.add_parser("reset", help="đặt lại thiết lập về mặc định")
    q.add_argument("key", metavar="KEY", help=keys)
    p.set_defaults(handler=cmd_settings)
