"""``onestop publish --out DIR``: the procedure list as a static HTML folder (#13), and
``--poster FILE`` / ``--booklet FILE`` for the printed list (PDF)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from onestop_desktop import paths
from onestop_desktop.cli.common import session


def cmd_publish(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.services import publish

    ctx = session(data, write=False)
    if args.out:
        written = publish.publish(ctx, Path(args.out))
        print(f"Đã ghi {len(written)} trang HTML vào {args.out}")
    if args.poster or args.booklet:
        if args.poster:
            publish.write_poster(ctx, Path(args.poster), size=args.size)
            print(f"Đã ghi áp phích ({args.size}) ra {args.poster}")
        if args.booklet:
            publish.write_booklet(ctx, Path(args.booklet))
            print(f"Đã ghi cuốn danh mục ra {args.booklet}")
    if not (args.out or args.poster or args.booklet):
        print("Cần ít nhất một trong --out, --poster, --booklet")
        return 2
    return 0


def add_commands(sub: Any) -> None:
    """Register ``publish`` on the main parser's subparsers."""
    p = sub.add_parser(
        "publish", help="công khai danh mục thủ tục: thư mục HTML tĩnh, áp phích, cuốn PDF"
    )
    p.add_argument("--out", metavar="THƯ_MỤC", help="thư mục ghi các trang HTML")
    p.add_argument("--poster", metavar="TỆP", help="tệp PDF áp phích danh mục thủ tục")
    p.add_argument("--size", choices=["A4", "A3"], default="A3", help="khổ áp phích (mặc định A3)")
    p.add_argument("--booklet", metavar="TỆP", help="tệp PDF cuốn danh mục (A5 gấp từ A4)")
    p.set_defaults(handler=cmd_publish)
