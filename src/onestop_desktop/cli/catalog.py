"""``onestop catalog …``: the catalogue of administrative procedures."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from onestop_desktop import paths
from onestop_desktop.cli.common import ACTION_HELP, JSON_HELP, print_json, session
from onestop_desktop.domain.formats import fmt_int


def cmd_catalog(args: argparse.Namespace, data: paths.DataDir) -> int:
    from onestop_desktop.services import catalog

    ctx = session(data, write=args.catalog_command == "import")
    if args.catalog_command == "import":
        report = catalog.import_file(ctx, Path(args.file), skip_bad_rows=args.skip_bad_rows)
        print(report.text())
    elif args.catalog_command == "export":
        n = catalog.export_file(ctx, args.format, Path(args.out))
        print(f"Đã xuất {fmt_int(n)} thủ tục ra {args.out}")
    elif args.catalog_command == "list":
        from onestop_desktop.domain.catalog import procedure_to_dict

        procs = catalog.current_procedures(ctx.store, query=args.query or "")
        if args.json:
            print_json([procedure_to_dict(p) for p in procs])
        else:
            for p in procs:
                print(f"{p.code}  v{p.version}  {p.name}  ({p.time_limit.label})")
    return 0


def add_commands(sub: Any) -> None:
    """Register ``catalog`` on the main parser's subparsers."""
    p = sub.add_parser("catalog", help="danh mục thủ tục hành chính")
    csub = p.add_subparsers(
        dest="catalog_command", required=True, metavar="ACTION", help=ACTION_HELP
    )
    q = csub.add_parser("import", help="nhập danh mục từ CSV, XLSX hoặc JSON")
    q.add_argument("file", metavar="TỆP", help="tệp danh mục (.csv, .xlsx hoặc .json)")
    q.add_argument(
        "--skip-bad-rows", action="store_true", help="bỏ qua dòng lỗi, nhập phần còn lại"
    )
    q = csub.add_parser("export", help="xuất danh mục")
    q.add_argument(
        "--format", required=True, choices=["csv", "xlsx", "json"], help="định dạng tệp xuất"
    )
    q.add_argument("--out", required=True, metavar="TỆP", help="tệp sẽ ghi")
    q = csub.add_parser("list", help="liệt kê thủ tục")
    q.add_argument(
        "query", nargs="?", metavar="TEXT", help="chỉ liệt kê thủ tục có mã hoặc tên chứa chữ này"
    )
    q.add_argument("--json", action="store_true", help=JSON_HELP)
    p.set_defaults(handler=cmd_catalog)
