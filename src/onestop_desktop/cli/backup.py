"""``onestop backup`` and ``onestop restore``: a checked copy of the database, and back."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from onestop_desktop import paths
from onestop_desktop.cli.common import open_session


def cmd_backup(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.store import backup

    ctx = open_session(data)
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


def add_commands(sub: Any) -> None:
    """Register ``backup`` and ``restore`` on the main parser's subparsers."""
    p = sub.add_parser("backup", help="sao lưu cơ sở dữ liệu (có kiểm tra)")
    p.add_argument("--to", required=True, help="thư mục đích, ví dụ USB")
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser("restore", help="khôi phục từ bản sao lưu (giữ lại bản cũ)")
    p.add_argument("file")
    p.set_defaults(handler=cmd_restore)
