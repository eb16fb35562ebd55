"""``onestop dossier …``: the counter's daily work (receive, show, history, act).

The command line acts as the station's operator (who may take every action); errors are raised
and reported by ``cli.main`` as one Vietnamese line with the error's exit code.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from onestop_desktop import paths
from onestop_desktop.cli.common import parse_date, parse_int, parse_moment, print_json, session
from onestop_desktop.cli.common import when as _when
from onestop_desktop.domain import clock
from onestop_desktop.domain.status import ACTIONS, CREATING_KINDS, Status
from onestop_desktop.errors import ValidationError

#: Actions ``onestop dossier act`` takes: every action except those that create a dossier.
ACT_KINDS = tuple(k for k in ACTIONS if k not in CREATING_KINDS)

#: Which ``act`` flags each action reads (the payload keys of ``services.dossiers._payload_for``).
ACT_FLAGS: dict[str, tuple[str, ...]] = {
    "accepted": (),
    "refused": ("reason",),
    "handed_over": ("to", "note"),
    "supplement_requested": ("reason", "documents"),
    "supplement_received": (),
    "financial_requested": ("amount", "note"),
    "financial_done": (),
    "stopped": ("reason",),
    "result_ready": ("note",),
    "returned": ("collected_by", "collected_by_id", "note"),
    "withdrawn": ("reason",),
    "rescheduled": ("reason", "new_due"),
}

_FLAG_NAMES = {
    "to": "--to",
    "reason": "--reason",
    "note": "--note",
    "collected_by": "--collected-by",
    "collected_by_id": "--collected-by-id",
    "new_due": "--new-due",
    "documents": "--documents",
    "amount": "--amount",
}

_KIND_LABELS = {"imported": "Nhập từ sổ theo dõi cũ", "settings.changed": "Đổi thiết lập"}

_CHANNEL_CHOICES = ("in_person", "postal", "online")


def _kind_label(kind: str) -> str:
    action = ACTIONS.get(kind)
    return action.label if action else _KIND_LABELS.get(kind, kind)


# ------------------------------------------------------------------------- dossier


def _summary_json(summary: Any, **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = summary.to_json()
    data["due_at_text"] = _when(summary.due_at) if summary.due_at else None
    data.update(extra)
    return data


def _receive(args: argparse.Namespace, ctx: Any) -> int:
    from onestop_desktop.services import dossiers

    applicant = dossiers.Applicant(
        name=args.name,
        id_number=args.id_number,
        birth_date=parse_date(args.birth_date) if args.birth_date else None,
        phone=args.phone,
        address=args.address,
        email=args.email,
    )
    checked = dossiers.check_applicant(applicant)  # refuses a bad ID before anything is written
    for warning in checked.warnings:
        print(f"onestop: cảnh báo: {warning}", file=sys.stderr)
    refuse_of = None
    if args.refuse_as_duplicate_of:
        refuse_of = str(dossiers.get(ctx, args.refuse_as_duplicate_of)["id"])
    intake = dossiers.Intake(
        procedure_code=args.procedure,
        applicant=applicant,
        channel=args.channel,
        sets_count=parse_int(args.sets, "--sets", low=1, high=99),
        note=args.note,
        acknowledge_duplicates=args.accept_duplicate,
        refuse_as_duplicate_of=refuse_of,
    )
    try:
        if args.online:
            summary = dossiers.register_online(ctx, intake)
        else:
            summary = dossiers.receive(ctx, intake)
    except dossiers.DuplicateFound as exc:
        print("Người này đang có hồ sơ cùng thủ tục chưa giải quyết xong:", file=sys.stderr)
        for d in exc.earlier:
            due = _when(d.due_at) if d.due_at else "chưa có"
            print(
                f"  {d.code}  {d.applicant_name}  {d.procedure_code} {d.procedure_name}  "
                f"nhận {_when(d.received_at)}  hẹn {due}  {d.status.label}",
                file=sys.stderr,
            )
        print(
            "Vẫn tiếp nhận: thêm --accept-duplicate; từ chối vì trùng: thêm "
            "--refuse-as-duplicate-of MÃ_HỒ_SƠ",
            file=sys.stderr,
        )
        raise
    if args.json:
        print_json(_summary_json(summary, warnings=checked.warnings))
        return 0
    if summary.status is Status.NOT_ACCEPTED:
        print(f"Đã tiếp nhận và từ chối hồ sơ {summary.code} vì trùng hồ sơ đang giải quyết")
    elif summary.status is Status.REGISTERED_ONLINE:
        print(f"Đã đăng ký hồ sơ trực tuyến {summary.code}")
    else:
        print(f"Đã tiếp nhận hồ sơ {summary.code}")
    print(f"Mã hồ sơ: {summary.code}")
    if summary.status is Status.NOT_ACCEPTED:
        print("Ngày hẹn trả: không có (hồ sơ không được tiếp nhận)")
    elif summary.due_at:
        print(f"Ngày hẹn trả: {_when(summary.due_at)}")
    elif summary.status is Status.REGISTERED_ONLINE:
        print("Ngày hẹn trả: chưa có (tính khi tiếp nhận hồ sơ trực tuyến)")
    print(f"Trạng thái: {summary.status.label}")
    return 0


def _code_of(ctx: Any, dossier_id: str | None) -> str:
    if not dossier_id:
        return "—"
    rows = ctx.store.query("SELECT code FROM dossiers WHERE id = ?", [dossier_id])
    return str(rows[0]["code"]) if rows else dossier_id


def _show(args: argparse.Namespace, ctx: Any) -> int:
    from onestop_desktop.domain.catalog import DOCUMENT_FORM_LABELS
    from onestop_desktop.services import dossiers

    row = dossiers.get(ctx, args.code)
    status = Status(int(row["status"]))
    statuses = [
        {"at": at, "status": int(s), "label": Status(int(s)).label} for at, s in row["history"]
    ]
    dues = [{"at": at, "due_at": d} for at, d in json.loads(row.get("due_history") or "[]")]
    if args.json:
        data = {k: v for k, v in row.items() if k != "search_text"}
        data["status_label"] = status.label
        data["history"] = statuses
        data["due_history"] = dues
        print_json(data)
        return 0
    from onestop_desktop.services.dossiers import CHANNELS

    lines = [
        ("Mã hồ sơ", row["code"]),
        ("Trạng thái", f"{status.label} ({int(status)})"),
        (
            "Thủ tục",
            f"{row['procedure_code']} (phiên bản {row['procedure_version']}) "
            f"{row['procedure_name']}",
        ),
        ("Lĩnh vực", row.get("field") or "—"),
        ("Kênh tiếp nhận", CHANNELS.get(str(row["channel"]), str(row["channel"]))),
        ("Số bộ hồ sơ", row["sets_count"]),
        ("Chủ hồ sơ", row["applicant_name"]),
        ("Số định danh", row.get("applicant_id_number") or "—"),
        (
            "Ngày sinh",
            clock.fmt_date(parse_date(row["applicant_birth_date"]))
            if row.get("applicant_birth_date")
            else "—",
        ),
        ("Điện thoại", row.get("applicant_phone") or "—"),
        ("Địa chỉ", row.get("applicant_address") or "—"),
        ("Thư điện tử", row.get("applicant_email") or "—"),
        ("Tiếp nhận lúc", _when(row["received_at"])),
        ("Hẹn trả", _when(row.get("due_at")) if row.get("due_at") else "chưa có"),
        ("Cán bộ xử lý", row.get("assignee") or "—"),
        ("Có kết quả lúc", _when(row.get("finished_at"))),
        ("Trả kết quả lúc", _when(row.get("returned_at"))),
        ("Người nhận kết quả", row.get("returned_to") or "—"),
        ("Lý do từ chối/dừng/rút", row.get("refusal_reason") or "—"),
        ("Trùng với hồ sơ", _code_of(ctx, row.get("duplicate_of"))),
        ("Số lần yêu cầu bổ sung", row["supplement_count"]),
        ("Tạm dừng từ", _when(row.get("paused_since"))),
        ("Số lần hẹn lại", row["reschedule_count"]),
        ("Ghi chú", row.get("note") or "—"),
    ]
    width = max(len(label) for label, _ in lines)
    for label, value in lines:
        print(f"{label:<{width}}  {value}")
    print("Thành phần hồ sơ:")
    if not row["documents"]:
        print("  (không ghi)")
    for doc in row["documents"]:
        form = DOCUMENT_FORM_LABELS.get(doc.get("form"), str(doc.get("form"))).lower()
        given = "đã nộp" if doc.get("provided", True) else "chưa nộp"
        print(f"  - {doc['name']} ({form}, {doc.get('count', 1)} bản, {given})")
    print("Lịch sử trạng thái:")
    for s in statuses:
        print(f"  {_when(s['at'])}  {s['label']}")
    if len(dues) > 1:
        print("Lịch sử ngày hẹn trả:")
        for d in dues:
            print(f"  {_when(d['at'])}  → {_when(d['due_at'])}")
    return 0


def _actor_names(ctx: Any) -> dict[str, str]:
    return {
        f"user:{r['username']}": f"{r['full_name']} ({r['username']})"
        for r in ctx.store.query("SELECT username, full_name FROM users")
    }


def _actor_text(tag: str, names: dict[str, str]) -> str:
    if tag in names:
        return names[tag]
    if tag.startswith("operator:"):
        return f"{tag.split(':', 1)[1]} (dòng lệnh)"
    return tag


def _payload_summary(kind: str, p: dict[str, Any]) -> str:
    """A one-line Vietnamese summary of what an event recorded."""
    parts: list[str] = []
    if kind in CREATING_KINDS:
        proc = p.get("procedure") or {}
        applicant = p.get("applicant") or {}
        parts.append(f"mã {p.get('code')}")
        parts.append(f"thủ tục {proc.get('code')} v{proc.get('version')}")
        parts.append(f"chủ hồ sơ {applicant.get('name')}")
        if p.get("due_at"):
            parts.append(f"hẹn trả {_when(p['due_at'])}")
    elif kind == "accepted":
        parts.append(f"hẹn trả {_when(p.get('due_at'))}")
    elif kind == "handed_over":
        parts.append(f"cho {p.get('to_name')} ({p.get('to')})")
    elif kind == "supplement_requested":
        parts.append(f"lý do: {p.get('reason')}")
        if p.get("documents"):
            parts.append("giấy tờ cần bổ sung: " + ", ".join(p["documents"]))
    elif kind in ("supplement_received", "financial_done"):
        if p.get("mode"):
            parts.append("chế độ: " + ("tính lại" if p["mode"] == "restart" else "tạm dừng"))
        if p.get("due_at"):
            parts.append(f"hẹn trả mới {_when(p['due_at'])}")
    elif kind == "financial_requested":
        parts.append(f"số tiền {clock.fmt_money(int(p.get('amount') or 0))}")
    elif kind == "returned":
        who = str(p.get("collected_by"))
        if p.get("collected_by_id"):
            who += f" (giấy tờ {p['collected_by_id']})"
        parts.append(f"người nhận: {who}")
    elif kind == "rescheduled":
        parts.append(
            f"lần {p.get('times')}: {_when(p.get('old_due_at'))} → {_when(p.get('new_due_at'))}"
        )
        parts.append(f"lý do: {p.get('reason')}")
    elif kind in ("refused", "stopped", "withdrawn"):
        parts.append(f"lý do: {p.get('reason')}")
    if p.get("note") and kind not in CREATING_KINDS:
        parts.append(f"ghi chú: {p['note']}")
    return "; ".join(parts)


def _history(args: argparse.Namespace, ctx: Any) -> int:
    from onestop_desktop.services import dossiers

    evs = dossiers.history(ctx, args.code)
    names = _actor_names(ctx)
    rows = [
        {
            "station_id": e.station_id,
            "seq": e.seq,
            "at": e.at,
            "time": _when(e.at),
            "actor": e.actor,
            "actor_name": _actor_text(e.actor, names),
            "kind": e.kind,
            "label": _kind_label(e.kind),
            "summary": _payload_summary(e.kind, e.payload),
            "payload": e.payload,
        }
        for e in evs
    ]
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        summary = f"  {r['summary']}" if r["summary"] else ""
        print(f"{r['time']}  {r['actor_name']}  {r['label']}{summary}")
    return 0


def _act(args: argparse.Namespace, ctx: Any) -> int:
    from onestop_desktop.services import dossiers

    kind = args.action
    if kind not in ACT_FLAGS:
        choices = ", ".join(f"{k} ({ACTIONS[k].label})" for k in ACT_KINDS)
        raise ValidationError(f"Thao tác không hợp lệ: «{kind}»; chọn một trong: {choices}")
    given = {name for name in _FLAG_NAMES if getattr(args, name) is not None}
    unused = sorted(given - set(ACT_FLAGS[kind]))
    if unused:
        flags = ", ".join(_FLAG_NAMES[n] for n in unused)
        accepted = ", ".join(_FLAG_NAMES[n] for n in ACT_FLAGS[kind]) or "không có tùy chọn nào"
        raise ValidationError(
            f"Thao tác «{ACTIONS[kind].label}» không dùng {flags} (dùng được: {accepted})"
        )
    payload: dict[str, Any] = {}
    for name in ("to", "reason", "note", "collected_by", "collected_by_id"):
        if getattr(args, name) is not None:
            payload[name] = getattr(args, name)
    if args.new_due is not None:
        payload["new_due_at"] = clock.iso(parse_moment(args.new_due))
    if args.documents is not None:
        payload["documents"] = [d.strip() for d in args.documents.split(";") if d.strip()]
    if args.amount is not None:
        payload["amount"] = parse_int(args.amount, "--amount", low=0)
    summary = dossiers.act(ctx, args.code, kind, payload)
    if args.json:
        print_json(_summary_json(summary, action=kind, action_label=ACTIONS[kind].label))
        return 0
    print(f"Hồ sơ {summary.code}: đã «{ACTIONS[kind].label}»")
    print(f"Trạng thái: {summary.status.label}")
    print(f"Ngày hẹn trả: {_when(summary.due_at) if summary.due_at else 'chưa có'}")
    return 0


def cmd_dossier(args: argparse.Namespace, data: paths.DataDir) -> int:
    ctx = session(data, write=args.dossier_command in ("receive", "act"))
    sub = args.dossier_command
    if sub == "receive":
        return _receive(args, ctx)
    if sub == "show":
        return _show(args, ctx)
    if sub == "history":
        return _history(args, ctx)
    return _act(args, ctx)


def add_commands(sub: Any) -> None:
    """Register ``dossier`` on the main parser's subparsers (importing no service)."""
    p = sub.add_parser("dossier", help="tiếp nhận, xem và xử lý hồ sơ")
    dsub = p.add_subparsers(dest="dossier_command", required=True, metavar="ACTION")

    q = dsub.add_parser("receive", help="tiếp nhận hồ sơ mới (in mã hồ sơ và ngày hẹn trả)")
    q.add_argument("--procedure", required=True, help="mã thủ tục, ví dụ 1.004873")
    q.add_argument("--name", required=True, help="họ tên chủ hồ sơ")
    q.add_argument("--id-number", help="số định danh cá nhân 12 số")
    q.add_argument("--birth-date", help="ngày sinh dd/mm/yyyy hoặc YYYY-MM-DD")
    q.add_argument("--phone")
    q.add_argument("--address")
    q.add_argument("--email")
    q.add_argument("--channel", default="in_person", choices=_CHANNEL_CHOICES)
    q.add_argument("--sets", default="1", help="số bộ hồ sơ (1–99)")
    q.add_argument("--note")
    q.add_argument(
        "--online",
        action="store_true",
        help="đăng ký hồ sơ trực tuyến (trạng thái 1; hẹn trả khi tiếp nhận)",
    )
    q.add_argument(
        "--accept-duplicate",
        action="store_true",
        help="vẫn tiếp nhận dù trùng hồ sơ đang giải quyết",
    )
    q.add_argument(
        "--refuse-as-duplicate-of", metavar="CODE", help="tiếp nhận rồi từ chối vì trùng hồ sơ CODE"
    )
    q.add_argument("--json", action="store_true")

    q = dsub.add_parser("show", help="xem đầy đủ một hồ sơ")
    q.add_argument("code", metavar="CODE")
    q.add_argument("--json", action="store_true")

    q = dsub.add_parser("history", help="nhật ký sự kiện của một hồ sơ")
    q.add_argument("code", metavar="CODE")
    q.add_argument("--json", action="store_true")

    actions = "; ".join(f"{k}: {ACTIONS[k].label}" for k in ACT_KINDS)
    q = dsub.add_parser("act", help="thực hiện một thao tác xử lý hồ sơ", description=actions)
    q.add_argument("code", metavar="CODE")
    q.add_argument("action", metavar="ACTION", help=", ".join(ACT_KINDS))
    q.add_argument("--to", help="tên đăng nhập của cán bộ nhận hồ sơ (handed_over)")
    q.add_argument("--reason", help="lý do")
    q.add_argument("--note", help="ghi chú")
    q.add_argument("--collected-by", help="người nhận kết quả (returned)")
    q.add_argument("--collected-by-id", help="số giấy tờ của người nhận kết quả (returned)")
    q.add_argument("--new-due", help='ngày hẹn mới "YYYY-MM-DD HH:MM" (rescheduled)')
    q.add_argument(
        "--documents", help="giấy tờ cần bổ sung, cách nhau bằng «;» (supplement_requested)"
    )
    q.add_argument("--amount", help="số tiền nghĩa vụ tài chính, đồng (financial_requested)")
    q.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_dossier)
