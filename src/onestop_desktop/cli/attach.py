"""``onestop attach`` and ``onestop attachments``: scanned pages from the command line (#11).

``attach CODE FILE... [--document N]`` is for a batch-scanning station: every file is checked by
content first, and one bad file refuses the batch (exit 1, naming the file and the reason).
``attachments CODE`` lists a dossier's files; ``--pdf FILE`` writes them combined into one PDF;
``attachments --check`` compares the stored files with the event log (exit 3 if they differ).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from onestop_desktop import paths
from onestop_desktop.cli.common import CODE_HELP, JSON_HELP, print_json, session

CHECK_FAILED = 3
"""Exit status of ``attachments --check`` when a file is missing or has no event."""


def cmd_attach(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.services import attachments

    ctx = session(data)
    items = attachments.attach(
        ctx, args.code, [Path(f) for f in args.files], document=args.document
    )
    if args.json:
        print_json([a.to_json() for a in items])
        return 0
    print(f"Đã đính kèm {len(args.files)} tệp; hồ sơ {args.code} có {len(items)} tệp:")
    _print(items)
    return 0


def _print(items: list[Any]) -> None:
    for n, a in enumerate(items, start=1):
        doc = f" — giấy tờ số {a.document}" if a.document else ""
        print(f"{n:>3}. {a.name} ({a.pages} trang, {a.media_type}) {a.sha256[:12]}{doc}")


def cmd_attachments(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.services import attachments

    if args.check:
        ctx = session(data, write=False)
        report = attachments.sweep(ctx, remove_partials=False)
        for sha in report.unreferenced:
            print(f"Tệp không thuộc sự kiện nào (giữ nguyên): {sha}")
        for sha, code in report.missing:
            print(f"THIẾU tệp {sha} của hồ sơ {code}")
        if report.clean:
            print("Các tệp đính kèm khớp với nhật ký sự kiện.")
            return 0
        return CHECK_FAILED
    if not args.code:
        print("Hãy cho mã hồ sơ, hoặc dùng --check")
        return 2
    ctx = session(data, write=False)
    items = attachments.list_for(ctx, args.code)
    if args.pdf:
        pages = attachments.combine(ctx, args.code, Path(args.pdf))
        print(f"Đã gộp {pages} trang vào {args.pdf}")
        return 0
    if args.json:
        print_json([a.to_json() for a in items])
        return 0
    if not items:
        print(f"Hồ sơ {args.code} chưa có bản quét nào.")
    _print(items)
    return 0


def add_commands(sub: Any) -> None:
    """Register ``attach`` and ``attachments`` on the main parser's subparsers."""
    p = sub.add_parser("attach", help="đính kèm bản quét (JPEG, PNG, TIFF, PDF) vào một hồ sơ")
    p.add_argument("code", metavar="MÃ", help=CODE_HELP)
    p.add_argument("files", nargs="+", metavar="TỆP", help="các tệp bản quét cần đính kèm")
    p.add_argument(
        "--document",
        type=int,
        metavar="N",
        help="số thứ tự giấy tờ trong danh mục giấy tờ của hồ sơ mà các trang này thuộc về",
    )
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p.set_defaults(handler=cmd_attach)
    q = sub.add_parser("attachments", help="xem, gộp hoặc kiểm tra các bản quét đính kèm")
    q.add_argument("code", nargs="?", metavar="MÃ", help=CODE_HELP)
    q.add_argument(
        "--check",
        action="store_true",
        help="đối chiếu mọi tệp đính kèm với nhật ký sự kiện (tệp thiếu, tệp thừa)",
    )
    q.add_argument("--pdf", metavar="TỆP", help="gộp mọi trang của hồ sơ thành một tệp PDF")
    q.add_argument("--json", action="store_true", help=JSON_HELP)
    q.set_defaults(handler=cmd_attachments)
