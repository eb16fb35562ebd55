"""``onestop user …``: the officers' accounts."""

from __future__ import annotations

import argparse
from typing import Any

from onestop_desktop import paths
from onestop_desktop.cli.common import (
    ACTION_HELP,
    JSON_HELP,
    PASSWORD_STDIN_HELP,
    open_session,
    print_json,
    read_password,
)
from onestop_desktop.domain import clock

ROLES = ["clerk", "officer", "leader", "admin"]
ROLE_HELP = (
    "vai trò: clerk (công chức tiếp nhận), officer (cán bộ xử lý), leader (lãnh đạo), "
    "admin (quản trị)"
)


def cmd_user(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.services import users

    ctx = open_session(data, integrity="daily" if args.user_command == "list" else "quick")
    if args.user_command == "add":
        password = read_password(args)
        user = users.add_user(ctx, args.username, args.role, args.full_name, password)
        print(f"Đã thêm tài khoản {user.username} ({user.role.label})")
    elif args.user_command == "list":
        rows = users.list_users(ctx)
        if args.json:
            print_json(
                [
                    {
                        "username": u.username,
                        "full_name": u.full_name,
                        "role": u.role.value,
                        "active": u.active,
                        "locked": u.locked,
                        "locked_until": clock.iso(u.locked_until) if u.locked_until else None,
                    }
                    for u in rows
                ]
            )
        else:
            for u in rows:
                if not u.active:
                    state = "đã vô hiệu hóa"
                elif u.locked_until is not None:
                    state = f"đang bị khóa đến {clock.fmt_datetime(u.locked_until)}"
                else:
                    state = "đang hoạt động"
                print(f"{u.username:<16} {u.role.value:<8} {u.full_name} ({state})")
    elif args.user_command == "passwd":
        password = read_password(args, "Mật khẩu mới: ")
        users.change_password(ctx, args.username, password)
        print(f"Đã đổi mật khẩu của {args.username}")
    elif args.user_command == "deactivate":
        users.deactivate(ctx, args.username)
        print(f"Đã vô hiệu hóa tài khoản {args.username}")
    elif args.user_command == "role":
        user = users.change_role(ctx, args.username, args.role)
        print(f"Đã đổi vai trò của {user.username} thành {user.role.label}")
    elif args.user_command == "reset-password":
        password = read_password(args, "Mật khẩu mới: ")
        user = users.reset_password(ctx, args.username, password)
        print(f"Đã đặt lại mật khẩu của {user.username}")
    elif args.user_command == "unlock":
        user = users.unlock(ctx, args.username)
        print(f"Đã mở khóa tài khoản {user.username}")
    return 0


def add_commands(sub: Any) -> None:
    """Register ``user`` on the main parser's subparsers."""
    p = sub.add_parser("user", help="quản lý tài khoản cán bộ")
    usub = p.add_subparsers(dest="user_command", required=True, metavar="ACTION", help=ACTION_HELP)
    q = usub.add_parser("add", help="thêm tài khoản")
    q.add_argument("username", metavar="USERNAME", help="tên đăng nhập mới")
    q.add_argument(
        "--role",
        required=True,
        choices=ROLES,
        help=ROLE_HELP,
    )
    q.add_argument("--full-name", required=True, metavar="HỌ_TÊN", help="họ tên đầy đủ")
    q.add_argument("--password-stdin", action="store_true", help=PASSWORD_STDIN_HELP)
    q = usub.add_parser("list", help="liệt kê tài khoản")
    q.add_argument("--json", action="store_true", help=JSON_HELP)
    q = usub.add_parser("passwd", help="đổi mật khẩu")
    q.add_argument("username", metavar="USERNAME", help="tên đăng nhập")
    q.add_argument("--password-stdin", action="store_true", help=PASSWORD_STDIN_HELP)
    q = usub.add_parser("deactivate", help="vô hiệu hóa tài khoản (không xóa)")
    q.add_argument("username", metavar="USERNAME", help="tên đăng nhập")
    q = usub.add_parser("role", help="đổi vai trò của tài khoản (quản trị, có ghi nhật ký)")
    q.add_argument("username", metavar="USERNAME", help="tên đăng nhập")
    q.add_argument("role", metavar="ROLE", choices=ROLES, help=ROLE_HELP)
    q = usub.add_parser(
        "reset-password",
        help="đặt lại mật khẩu cho cán bộ quên mật khẩu (quản trị, không cần mật khẩu cũ; mở "
        "khóa luôn tài khoản)",
    )
    q.add_argument("username", metavar="USERNAME", help="tên đăng nhập")
    q.add_argument("--password-stdin", action="store_true", help=PASSWORD_STDIN_HELP)
    q = usub.add_parser(
        "unlock", help="mở khóa tài khoản bị khóa do nhập sai mật khẩu (quản trị, có ghi nhật ký)"
    )
    q.add_argument("username", help="tên đăng nhập cần mở khóa")
    p.set_defaults(handler=cmd_user)
