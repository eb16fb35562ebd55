"""``onestop dossier …``: the counter's daily work (receive, show, history, act).

The command line acts as the station's operator (who may take every action); errors are raised
and reported by ``cli.main`` as one Vietnamese line with the error's exit code.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from onestop_desktop import paths
from onestop_desktop.cli.common import (
    ACTION_HELP,
    CODE_HELP,
    JSON_HELP,
    parse_date,
    parse_int,
    parse_moment,
    print_json,
    session,
)
from onestop_desktop.cli.common import when as _when
from onestop_desktop.domain import clock
from onestop_desktop.domain.status import ACTIONS, CREATING_KINDS, Status
from onestop_desktop.errors import Msg, ValidationError

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

_CHANNEL_CHOICES = ("in_person", "postal", "online")


# ------------------------------------------------------------------------- dossier


def _summary_json(summary: Any, **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = summary.to_json()
    data["due_at_text"] = _when(summary.due_at) if summary.due_at else None
    data.update(extra)
    return data


def parse_document(text: str) -> Any:
    """``N[:FORM[:COUNT]]`` → a ``HandedIn``: checklist line N, its form (a key such as
    ``certified_copy`` or the Vietnamese words «bản sao»), how many copies. The service checks
    it against the procedure's checklist."""
    from onestop_desktop.domain.catalog import parse_document_form
    from onestop_desktop.services.dossiers import HandedIn

    parts = text.split(":")
    if len(parts) > 3 or not parts[0].strip():
        raise ValidationError(
            "--document «{text}» không đúng dạng N[:HÌNH_THỨC[:SỐ_LƯỢNG]]",
            field="documents",
            text=text,
        )
    item = parse_int(parts[0].strip(), "--document", low=1)
    form = parse_document_form(parts[1]) if len(parts) > 1 and parts[1].strip() else None
    count = (
        parse_int(parts[2].strip(), "--document", low=1, high=99)
        if len(parts) > 2 and parts[2].strip()
        else None
    )
    return HandedIn(item=item, form=form, count=count)


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
    if args.paper != bool(args.received_at):
        raise ValidationError(
            "--paper và --received-at phải dùng cùng nhau (hồ sơ tiếp nhận trên giấy cần thời "
            "điểm tiếp nhận thật)",
            field="received_at",
        )
    if args.paper and args.online:
        raise ValidationError(
            "Hồ sơ trực tuyến không nhập từ phiếu giấy được (bỏ --online hoặc --paper)",
            field="received_at",
        )
    paper_at = parse_moment(args.received_at) if args.paper else None
    submitter = None
    if args.submitter_name or args.submitter_id_number or args.submitter_phone:
        submitter = dossiers.Applicant(
            name=args.submitter_name or "",
            id_number=args.submitter_id_number,
            phone=args.submitter_phone,
        )
        if not submitter.name.strip():
            raise ValidationError("Chưa nhập họ tên người nộp (--submitter-name)", field="name")
        dossiers.check_applicant(submitter)
    refuse_of = None
    if args.refuse_as_duplicate_of:
        refuse_of = dossiers.summary(ctx, args.refuse_as_duplicate_of).id
    intake = dossiers.Intake(
        procedure_code=args.procedure,
        applicant=applicant,
        channel=args.channel,
        sets_count=parse_int(args.sets, "--sets", low=1, high=99),
        documents=[parse_document(d) for d in args.document or []],
        note=args.note,
        acknowledge_duplicates=args.accept_duplicate,
        refuse_as_duplicate_of=refuse_of,
        submitter=submitter,
        paper_received_at=paper_at,
    )
    try:
        if args.online:
            summary = dossiers.register_online(ctx, intake)
        else:
            summary = dossiers.receive(ctx, intake)
    except dossiers.DuplicateFound as exc:
        if args.json:
            print_json(
                {
                    "duplicate": True,
                    "message": exc.message,
                    "earlier": [_summary_json(d) for d in exc.earlier],
                    "warnings": checked.warnings,
                }
            )
            raise
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
        detail = dossiers.detail(ctx, summary.id)
        print_json(
            _summary_json(
                summary,
                duplicate=False,
                paper=paper_at is not None,
                warnings=checked.warnings,
                documents=[d.to_json() for d in detail.documents],
            )
        )
        return 0
    if paper_at is not None:
        print(
            f"Đã nhập hồ sơ tiếp nhận trên giấy {summary.code} "
            f"(tiếp nhận lúc {_when(summary.received_at)})"
        )
    elif summary.status is Status.NOT_ACCEPTED:
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


def _or_dash(value: object) -> str:
    return "—" if value in (None, "") else str(value)


def _paper_note(d: Any) -> str:
    """ " (trên giấy, nhập vào máy lúc …)" for a dossier entered from a paper slip."""
    if d.paper_entered_at is None:
        return ""
    return f" (tiếp nhận trên giấy, nhập vào máy lúc {_when(d.paper_entered_at)})"


def _submitter_text(d: Any) -> str:
    s = d.submitter
    if s is None:
        return "chủ hồ sơ"
    extra = ", ".join(v for v in (s.id_number, s.phone) if v)
    return f"{s.name} ({extra})" if extra else str(s.name)


def _show(args: argparse.Namespace, ctx: Any) -> int:
    from onestop_desktop.services import dossiers

    d = dossiers.detail(ctx, args.code)
    if args.json:
        print_json(d.to_json())
        return 0
    a = d.applicant
    assignee = f"{d.assignee_name} ({d.assignee})" if d.assignee_name else d.assignee
    lines = [
        ("Mã hồ sơ", d.code),
        ("Trạng thái", f"{d.status.label} ({int(d.status)})"),
        (
            "Thủ tục",
            f"{d.procedure.code} (phiên bản {_or_dash(d.procedure.version)}) {d.procedure.name}",
        ),
        ("Lĩnh vực", d.procedure.field or "—"),
        ("Kênh tiếp nhận", d.channel_label),
        ("Số bộ hồ sơ", str(d.sets_count)),
        ("Chủ hồ sơ", a.name),
        ("Số định danh", _or_dash(a.id_number)),
        ("Ngày sinh", clock.fmt_date(a.birth_date) if a.birth_date else "—"),
        ("Điện thoại", _or_dash(a.phone)),
        ("Địa chỉ", _or_dash(a.address)),
        ("Thư điện tử", _or_dash(a.email)),
        ("Tiếp nhận lúc", _when(d.received_at) + _paper_note(d)),
        ("Người nộp", _submitter_text(d)),
        ("Hẹn trả", _when(d.due_at) if d.due_at else "chưa có"),
        ("Thời hạn", d.time_left.phrase if d.time_left else "—"),
        ("Cán bộ xử lý", _or_dash(assignee)),
        ("Có kết quả lúc", _when(d.finished_at)),
        ("Trả kết quả lúc", _when(d.returned_at)),
        ("Người nhận kết quả", _or_dash(d.returned_to)),
        ("Lý do từ chối/dừng/rút", _or_dash(d.refusal_reason)),
        ("Trùng với hồ sơ", _or_dash(d.duplicate_of_code or d.duplicate_of)),
        ("Số lần yêu cầu bổ sung", str(d.supplement_count)),
        ("Tạm dừng từ", _when(d.paused_since)),
        ("Số lần hẹn lại", str(d.reschedule_count)),
        ("Ghi chú", _or_dash(d.note)),
    ]
    width = max(len(label) for label, _ in lines)
    for label, value in lines:
        print(f"{label:<{width}}  {value}")
    print("Thành phần hồ sơ:")
    if not d.documents:
        print("  (không ghi)")
    for doc in d.documents:
        number = f"{doc.number}. " if doc.number is not None else "- "
        if doc.provided:
            form = (doc.form_label or "").lower()
            print(f"  {number}{doc.name} ({form}, {doc.count} bản, đã nộp)")
        else:
            print(f"  {number}{doc.name} (chưa nộp)")
    print("Lịch sử trạng thái:")
    for s in d.status_history:
        print(f"  {_when(s.at)}  {s.status.label}")
    if len(d.appointments) > 1:
        print("Lịch sử ngày hẹn trả:")
        for ap in d.appointments:
            why = f" ({ap.cause}" + (f": {ap.reason})" if ap.reason else ")")
            print(f"  {_when(ap.at)}  → {_when(ap.due_at)}{why}")
    if d.pauses:
        print("Tạm dừng tính thời hạn:")
        for pause in d.pauses:
            until = _when(pause.until) if pause.until else "nay"
            print(f"  {pause.label}: {_when(pause.since)} → {until}")
    if d.attachments:  # --- scanned pages (#11)
        print("Bản quét:")
        for scan in d.attachments:
            line = f"  {scan.name} ({scan.kind}, {clock.fmt_int(scan.pages)} trang"
            line += (
                f"; giấy tờ số {scan.document}: {scan.document_name})"
                if scan.document_name
                else ")"
            )
            print(f"{line}  {scan.sha256[:12]}  {_when(scan.added_at)}")
    return 0


def _history(args: argparse.Namespace, ctx: Any) -> int:
    from onestop_desktop.services import dossiers

    entries = dossiers.timeline(ctx, args.code)
    if args.json:
        rows = []
        for e in entries:
            data = e.to_json()
            data["time"] = _when(e.at)
            data["label"] = e.action
            rows.append(data)
        print_json(rows)
        return 0
    for e in entries:
        who = e.actor_name
        if e.actor.startswith("user:"):
            who = f"{e.actor_name} ({e.actor.split(':', 1)[1]})"
        details = f"  {e.details}" if e.details else ""
        print(f"{_when(e.at)}  {who}  {e.action}{details}")
    return 0


def _act(args: argparse.Namespace, ctx: Any) -> int:
    from onestop_desktop.services import dossiers

    kind = args.action
    if kind not in ACT_FLAGS:
        choices = ", ".join(f"{k} ({ACTIONS[k].label})" for k in ACT_KINDS)
        raise ValidationError(
            "Thao tác không hợp lệ: «{kind}»; chọn một trong: {choices}",
            field="action",
            kind=kind,
            choices=choices,
        )
    given = {name for name in _FLAG_NAMES if getattr(args, name) is not None}
    unused = sorted(given - set(ACT_FLAGS[kind]))
    if unused:
        flags = ", ".join(_FLAG_NAMES[n] for n in unused)
        names = ", ".join(_FLAG_NAMES[n] for n in ACT_FLAGS[kind])
        accepted: str | Msg = names or Msg("không có tùy chọn nào")
        raise ValidationError(
            "Thao tác «{label}» không dùng {flags} (dùng được: {accepted})",
            label=ACTIONS[kind].label_msg,
            flags=flags,
            accepted=accepted,
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
    dsub = p.add_subparsers(
        dest="dossier_command", required=True, metavar="ACTION", help=ACTION_HELP
    )

    q = dsub.add_parser("receive", help="tiếp nhận hồ sơ mới (in mã hồ sơ và ngày hẹn trả)")
    q.add_argument("--procedure", required=True, help="mã thủ tục, ví dụ 1.004873")
    q.add_argument("--name", required=True, help="họ tên chủ hồ sơ")
    q.add_argument("--id-number", help="số định danh cá nhân 12 số")
    q.add_argument("--birth-date", help="ngày sinh dd/mm/yyyy hoặc YYYY-MM-DD")
    q.add_argument("--phone", help="số điện thoại")
    q.add_argument("--address", help="địa chỉ")
    q.add_argument("--email", help="thư điện tử")
    q.add_argument(
        "--channel",
        default="in_person",
        choices=_CHANNEL_CHOICES,
        help="kênh tiếp nhận: in_person (trực tiếp, mặc định), postal (bưu chính), "
        "online (trực tuyến)",
    )
    q.add_argument("--sets", default="1", help="số bộ hồ sơ (1–99)")
    q.add_argument("--note", help="ghi chú")
    q.add_argument(
        "--document",
        action="append",
        metavar="N[:FORM[:COUNT]]",
        help="giấy tờ đã nộp: số thứ tự N trong thành phần hồ sơ của thủ tục, hình thức "
        "(original, certified_copy, copy; mặc định theo thủ tục), số lượng; lặp lại cho "
        "từng giấy tờ",
    )
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
    q.add_argument(
        "--paper",
        action="store_true",
        help="nhập hồ sơ đã tiếp nhận trên giấy khi mất điện, hỏng máy (cần --received-at; "
        "chỉ trong số ngày làm việc của thiết lập paper_entry_days, mặc định 3)",
    )
    q.add_argument(
        "--received-at",
        metavar='"dd/mm/yyyy HH:MM"',
        help="thời điểm tiếp nhận thật ghi trên phiếu giấy (dùng với --paper); ngày hẹn trả và "
        "mã hồ sơ tính từ thời điểm này",
    )
    q.add_argument("--submitter-name", help="họ tên người nộp hồ sơ, nếu không phải chủ hồ sơ")
    q.add_argument("--submitter-id-number", help="số định danh cá nhân 12 số của người nộp")
    q.add_argument("--submitter-phone", help="số điện thoại của người nộp")
    q.add_argument("--json", action="store_true", help=JSON_HELP)

    q = dsub.add_parser("show", help="xem đầy đủ một hồ sơ")
    q.add_argument("code", metavar="CODE", help=CODE_HELP)
    q.add_argument("--json", action="store_true", help=JSON_HELP)

    q = dsub.add_parser("history", help="nhật ký sự kiện của một hồ sơ")
    q.add_argument("code", metavar="CODE", help=CODE_HELP)
    q.add_argument("--json", action="store_true", help=JSON_HELP)

    actions = "; ".join(f"{k}: {ACTIONS[k].label}" for k in ACT_KINDS)
    q = dsub.add_parser("act", help="thực hiện một thao tác xử lý hồ sơ", description=actions)
    q.add_argument("code", metavar="CODE", help=CODE_HELP)
    q.add_argument("action", metavar="ACTION", help="thao tác, một trong: " + ", ".join(ACT_KINDS))
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
    q.add_argument("--json", action="store_true", help=JSON_HELP)
    p.set_defaults(handler=cmd_dossier)
