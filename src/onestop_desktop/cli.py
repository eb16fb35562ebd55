"""The headless face of OneStop Desktop: the same services the GUI calls, as commands.

``onestop [--data-dir DIR] COMMAND``; with no command it opens the GUI. The command line acts as
the station's operator (the OS account owning the data folder) and is recorded as such. Exit 0 on
success; otherwise a one-line reason on stderr and a non-zero code.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from onestop_desktop import __version__, logging_setup, paths
from onestop_desktop.errors import OneStopError, StorageError, ValidationError

log = logging.getLogger("onestop_desktop.cli")

Handler = Callable[[argparse.Namespace, paths.DataDir], int]


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def _read_password(args: argparse.Namespace, prompt: str = "Mật khẩu: ") -> str:
    if getattr(args, "password_stdin", False):
        line = sys.stdin.readline()
        if not line:
            raise ValidationError("Không đọc được mật khẩu từ đầu vào chuẩn", field="password")
        return line.rstrip("\r\n")
    if not sys.stdin.isatty():
        raise ValidationError(
            "Không có bàn phím để nhập mật khẩu; dùng --password-stdin", field="password"
        )
    first = getpass.getpass(prompt)
    second = getpass.getpass("Nhập lại mật khẩu: ")
    if first != second:
        raise ValidationError("Hai lần nhập mật khẩu không khớp", field="password")
    return first


def _open(data: paths.DataDir, integrity: str = "quick") -> Any:
    """The operator's session, after the start-up integrity check. Commands that only read pass
    ``"daily"`` (the check then runs at most once a day: ``quick_check`` takes ~10 s at a
    million dossiers); commands that write always check first."""
    from onestop_desktop.services.context import Session
    from onestop_desktop.store.db import Store

    store = Store.open(data.database, integrity=integrity)
    return Session.operator(store)


# ---------------------------------------------------------------- foundation commands


def cmd_init(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.domain.codes import validate_station, validate_unit_code
    from onestop_desktop.services import station

    # Check the arguments before asking for a password.
    validate_unit_code(args.unit_code)
    validate_station(args.station)
    password = _read_password(args)
    ctx = station.init_data_dir(
        data,
        unit_code=args.unit_code,
        unit_name=args.unit_name,
        station=args.station,
        admin=args.admin,
        password=password,
    )
    print(
        f"Đã khởi tạo máy trạm {ctx.station.station_id} của {ctx.station.unit_name} "
        f"({ctx.station.unit_code}) tại {data.root}; tài khoản quản trị: {args.admin}"
    )
    ctx.store.close()
    return 0


def cmd_user(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.services import users

    ctx = _open(data, integrity="daily" if args.user_command == "list" else "quick")
    if args.user_command == "add":
        password = _read_password(args)
        user = users.add_user(ctx, args.username, args.role, args.full_name, password)
        print(f"Đã thêm tài khoản {user.username} ({user.role.label})")
    elif args.user_command == "list":
        rows = users.list_users(ctx)
        if args.json:
            _print_json(
                [
                    {
                        "username": u.username,
                        "full_name": u.full_name,
                        "role": u.role.value,
                        "active": u.active,
                        "locked_until": u.locked_until,
                    }
                    for u in rows
                ]
            )
        else:
            for u in rows:
                state = "đang hoạt động" if u.active else "đã vô hiệu hóa"
                print(f"{u.username:<16} {u.role.value:<8} {u.full_name} ({state})")
    elif args.user_command == "passwd":
        password = _read_password(args, "Mật khẩu mới: ")
        users.change_password(ctx, args.username, password)
        print(f"Đã đổi mật khẩu của {args.username}")
    elif args.user_command == "deactivate":
        users.deactivate(ctx, args.username)
        print(f"Đã vô hiệu hóa tài khoản {args.username}")
    return 0


def cmd_demo(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.services import demo

    if args.dossiers < 0:
        raise ValidationError("Số hồ sơ mẫu phải không âm", field="dossiers")
    result = demo.fill(data, args.dossiers, seed=args.seed, progress=not args.quiet)
    if args.json:
        _print_json(result.to_json())
    else:
        print(result.text())
    return 0


def cmd_search(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.domain import clock
    from onestop_desktop.services import search

    ctx = _open(data, integrity="daily")
    rows = search.search(ctx, args.text, limit=args.limit)
    if args.json:
        _print_json([r.to_json() for r in rows])
        return 0
    for r in rows:
        due = clock.fmt_date(r.due_at) if r.due_at else "—"
        print(
            f"{r.code}  {r.applicant_name}  {r.procedure_name}  "
            f"nhận {clock.fmt_date(r.received_at)}  hẹn {due}  {r.status.label}"
        )
    if not rows:
        print("Không tìm thấy hồ sơ nào.", file=sys.stderr)
    return 0


def cmd_verify(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.services import integrity

    ctx = _open(data)
    report = integrity.verify(ctx)
    if args.json:
        b = report.broken
        _print_json(
            {
                "ok": report.ok,
                "checked": report.checked,
                "broken": None
                if b is None
                else {"station_id": b.station_id, "seq": b.seq, "reason": b.reason},
            }
        )
    else:
        print(report.text(), file=sys.stdout if report.ok else sys.stderr)
    return 0 if report.ok else 1


def cmd_rebuild(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.services import integrity

    ctx = _open(data)
    report = integrity.rebuild(ctx, write=not args.dry_run)
    if args.json:
        _print_json(
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


def cmd_backup(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.store import backup

    ctx = _open(data)
    info = backup.backup(ctx.store, Path(args.to).expanduser())
    size = f"{info.size:,}".replace(",", ".")
    print(
        f"Đã sao lưu và kiểm tra: {info.path} ({info.dossiers} hồ sơ, {info.events} sự kiện, "
        f"{size} byte)"
    )
    return 0


def cmd_restore(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.store import backup

    kept = backup.restore(Path(args.file).expanduser(), data.database)
    msg = f"Đã khôi phục {data.database} từ {args.file}"
    if kept:
        msg += f"; bản cũ giữ lại tại {kept}"
    print(msg)
    return 0


def cmd_self_check(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.services import selfcheck

    report = selfcheck.run(data)
    if args.json:
        _print_json(report.to_json())
    else:
        print(report.text())
    return 0 if report.ok else 1


def cmd_gui(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop import app

    return app.run(data, argv=[sys.argv[0]], smoke_test=getattr(args, "smoke_test", False))


def cmd_qt_probe(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop import app

    return app.qt_probe()


# ---------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="onestop",
        description="OneStop Desktop — phần mềm Bộ phận Một cửa cấp xã (không cần mạng).",
    )
    parser.add_argument("--version", action="version", version=f"onestop {__version__}")
    parser.add_argument(
        "--data-dir",
        help=f"thư mục dữ liệu (mặc định: biến {paths.ENV_VAR} hoặc thư mục người dùng)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="ghi nhật ký chi tiết")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("init", help="khởi tạo máy trạm và tài khoản quản trị đầu tiên")
    p.add_argument("--unit-code", required=True, help="mã định danh đơn vị, ví dụ 000.00.12.H29")
    p.add_argument("--unit-name", required=True, help="tên đơn vị, ví dụ «UBND xã Hòa Bình»")
    p.add_argument("--station", required=True, help="số hiệu máy trạm (1–9)")
    p.add_argument("--admin", default="admin", help="tên đăng nhập của quản trị viên")
    p.add_argument("--password-stdin", action="store_true", help="đọc mật khẩu từ đầu vào chuẩn")
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("user", help="quản lý tài khoản cán bộ")
    usub = p.add_subparsers(dest="user_command", required=True, metavar="ACTION")
    q = usub.add_parser("add", help="thêm tài khoản")
    q.add_argument("username")
    q.add_argument("--role", required=True, choices=["clerk", "officer", "leader", "admin"])
    q.add_argument("--full-name", required=True)
    q.add_argument("--password-stdin", action="store_true")
    q = usub.add_parser("list", help="liệt kê tài khoản")
    q.add_argument("--json", action="store_true")
    q = usub.add_parser("passwd", help="đổi mật khẩu")
    q.add_argument("username")
    q.add_argument("--password-stdin", action="store_true")
    q = usub.add_parser("deactivate", help="vô hiệu hóa tài khoản (không xóa)")
    q.add_argument("username")
    p.set_defaults(handler=cmd_user)

    p = sub.add_parser("demo", help="tạo dữ liệu mẫu của một xã")
    p.add_argument("--dossiers", type=int, required=True)
    p.add_argument("--seed", type=int, default=2025)
    p.add_argument("--quiet", action="store_true")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_demo)

    p = sub.add_parser("search", help="tìm hồ sơ theo tên, số định danh, điện thoại, mã hồ sơ")
    p.add_argument("text")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_search)

    p = sub.add_parser("verify", help="kiểm tra chuỗi băm của nhật ký sự kiện")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_verify)

    p = sub.add_parser("rebuild", help="dựng lại bảng hồ sơ từ sự kiện và báo khác biệt")
    p.add_argument("--dry-run", action="store_true", help="chỉ báo, không sửa")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_rebuild)

    p = sub.add_parser("backup", help="sao lưu cơ sở dữ liệu (có kiểm tra)")
    p.add_argument("--to", required=True, help="thư mục đích, ví dụ USB")
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser("restore", help="khôi phục từ bản sao lưu (giữ lại bản cũ)")
    p.add_argument("file")
    p.set_defaults(handler=cmd_restore)

    p = sub.add_parser("self-check", help="tự kiểm tra cơ sở dữ liệu, tài nguyên, phông chữ, Qt")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_self_check)

    p = sub.add_parser("gui", help="mở giao diện (mặc định khi không có lệnh)")
    p.add_argument(
        "--smoke-test", action="store_true", help="hiện cửa sổ đăng nhập rồi thoát (kiểm tra)"
    )
    p.set_defaults(handler=cmd_gui)
    p = sub.add_parser("qt-probe", help=argparse.SUPPRESS)
    p.set_defaults(handler=cmd_qt_probe)

    from onestop_desktop import cli_rules

    cli_rules.add_commands(sub)
    from onestop_desktop import cli_dossier

    cli_dossier.add_commands(sub)
    return parser


def gui_args(argv: Sequence[str]) -> argparse.Namespace | None:
    """The arguments of a plain GUI start (``[--data-dir DIR] [-v] [gui [--smoke-test]]``), read
    without building the full parser (18 ms of the sign-in window's start-up); ``None`` for
    anything else, which the full parser then reads (and explains if wrong)."""
    args = argparse.Namespace(
        command=None, data_dir=None, verbose=False, smoke_test=False, handler=cmd_gui
    )
    tokens = list(argv)
    while tokens:
        token = tokens.pop(0)
        if token == "--data-dir" and tokens and args.command is None:
            args.data_dir = tokens.pop(0)
        elif token.startswith("--data-dir=") and args.command is None:
            args.data_dir = token.split("=", 1)[1]
        elif token in ("-v", "--verbose") and args.command is None:
            args.verbose = True
        elif token == "gui" and args.command is None:
            args.command = "gui"
        elif token == "--smoke-test" and args.command == "gui":
            args.smoke_test = True
        else:
            return None
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``onestop`` console script; returns the exit code."""
    given = sys.argv[1:] if argv is None else list(argv)
    args = gui_args(given) or build_parser().parse_args(given)
    data = paths.resolve(args.data_dir)
    handler: Handler = getattr(args, "handler", cmd_gui)
    # The GUI sets up its log file after its first window is on screen (start-up time).
    log_path = (
        None if handler is cmd_gui else logging_setup.configure(data.logs, verbose=args.verbose)
    )
    try:
        return handler(args, data)
    except OneStopError as exc:
        log.warning("%s failed: %s", args.command, exc)
        print(f"onestop: lỗi: {exc.message}", file=sys.stderr)
        if args.verbose and exc.detail:
            print(f"  chi tiết: {exc.detail}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("onestop: đã dừng theo yêu cầu", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (``onestop search … | head -1``): not a fault of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except (OSError, MemoryError) as exc:
        from onestop_desktop.store.db import translate

        err: StorageError = translate(exc, data.root)
        log.exception("%s failed", args.command)
        print(f"onestop: lỗi: {err.message}", file=sys.stderr)
        return err.exit_code
    except Exception as exc:
        import sqlite3  # imported lazily: the GUI's start-up does not need it

        if not isinstance(exc, sqlite3.Error):
            log.exception("unexpected error in %s", args.command)
            where = f" (xem {data.logs / logging_setup.LOG_NAME})" if log_path else ""
            print(f"onestop: lỗi không mong đợi{where}", file=sys.stderr)
            if args.verbose:
                import traceback

                traceback.print_exc()
            return 70
        from onestop_desktop.store.db import translate

        db_err = translate(exc, data.database)
        log.exception("%s failed", args.command)
        print(f"onestop: lỗi: {db_err.message}", file=sys.stderr)
        return db_err.exit_code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
