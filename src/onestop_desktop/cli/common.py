"""What every command module of the CLI shares: JSON printing, reading a password, opening the
operator's session (with the integrity rule), and reading dates, moments and whole numbers typed
on the command line.

The one module the command modules import besides ``services`` and ``domain``: keeping the shared
machinery here is what keeps the command modules free of import circles. It imports no service at
module level (the parser is built on every non-GUI start).
"""

from __future__ import annotations

import argparse
import getpass
import json
import re
import sys
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from onestop_desktop import paths
from onestop_desktop.domain import clock
from onestop_desktop.errors import ValidationError

#: Help texts many commands share.
JSON_HELP = "in kết quả dạng JSON (cho chương trình khác đọc)"
ACTION_HELP = "thao tác (xem danh sách dưới đây)"
PASSWORD_STDIN_HELP = "đọc mật khẩu từ đầu vào chuẩn (không hỏi trên bàn phím)"
CODE_HELP = "mã hồ sơ, ví dụ 000.00.12.H29-250701-1001"
DATE_HELP = "dd/mm/yyyy hoặc YYYY-MM-DD"

#: A command's handler: the parsed arguments and the data folder in, the exit code out.
Handler = Callable[[argparse.Namespace, paths.DataDir], int]


def print_json(data: Any) -> None:
    """Machine-readable output: UTF-8 text (not ``\\u`` escapes), plain numbers."""
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def whole_number(text: str) -> int:
    """An argparse ``type`` for a whole number with a Vietnamese error (``type=int`` would say
    "invalid int value")."""
    try:
        return int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"«{text}» không phải số nguyên") from None


def read_password(args: argparse.Namespace, prompt: str = "Mật khẩu: ") -> str:
    """The password from standard input (``--password-stdin``) or typed twice at the keyboard."""
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


def open_session(data: paths.DataDir, integrity: str = "quick") -> Any:
    """The operator's session, after the start-up integrity check. Commands that only read pass
    ``"daily"`` (the check then runs at most once a day: ``quick_check`` takes ~10 s at a
    million dossiers); commands that write always check first."""
    from onestop_desktop.services.context import Session
    from onestop_desktop.store.db import Store

    store = Store.open(data.database, integrity=integrity)
    if store.restore_outcome is not None:
        # A restore cut short by a power cut was completed or rolled back while opening: the
        # operator must know which database they now have.
        print(f"onestop: {store.restore_outcome.message}", file=sys.stderr)
    return Session.operator(store)


def session(data: paths.DataDir, *, write: bool = True) -> Any:
    """The operator's session; read-only commands skip a check already made today."""
    return open_session(data, integrity="quick" if write else "daily")


def parse_date(text: str) -> date:
    """A day typed as ``YYYY-MM-DD`` or ``dd/mm/yyyy``."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        try:
            return datetime.strptime(text.strip(), "%d/%m/%Y").date()
        except ValueError as exc:
            raise ValidationError(
                "Ngày «{text}» không đúng dạng YYYY-MM-DD hoặc dd/mm/yyyy", text=text
            ) from exc


def parse_moment(text: str) -> datetime:
    """A moment typed as ``YYYY-MM-DD HH:MM`` (or ``dd/mm/yyyy HH:MM``, or ISO), Vietnamese time."""
    for fmt in ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M"):
        try:
            return datetime.strptime(text.strip(), fmt).replace(tzinfo=clock.VN_TZ)
        except ValueError:
            continue
    try:
        return clock.parse_iso(text.strip())
    except ValueError as exc:
        raise ValidationError(
            "Thời điểm «{text}» không đúng dạng «YYYY-MM-DD HH:MM»", text=text
        ) from exc


def parse_int(text: str, flag: str, *, low: int, high: int | None = None) -> int:
    """A whole number typed by a clerk (``1.000.000`` and ``1 000 000`` are allowed)."""
    raw = re.sub(r"[.,\s]", "", text or "")
    if not re.fullmatch(r"[0-9]{1,12}", raw) or int(raw) < low or (high and int(raw) > high):
        if high:
            raise ValidationError(
                "{flag}: «{text}» không phải số nguyên hợp lệ (cần số từ {low} đến {high})",
                field=flag,
                flag=flag,
                text=text,
                low=low,
                high=high,
            )
        raise ValidationError(
            "{flag}: «{text}» không phải số nguyên hợp lệ (cần số từ {low} trở lên)",
            field=flag,
            flag=flag,
            text=text,
            low=low,
        )
    return int(raw)


def when(value: str | datetime | None) -> str:
    """dd/mm/yyyy HH:MM (Vietnamese time), or «—» when there is no moment."""
    if not value:
        return "—"
    moment = value if isinstance(value, datetime) else clock.parse_iso(str(value))
    return clock.fmt_datetime(moment)


def replaced_text(done: Any, whose: str) -> str:
    """What ``register --replace`` prints: the new key registered and the old one retired."""
    row = done.row
    lines = [f"Đã đăng ký khóa mới của {whose}.", f"Dấu vân tay khóa MỚI: {row.fingerprint}"]
    old = done.old
    if old is not None:
        lines.append(f"Dấu vân tay khóa CŨ:  {old.fingerprint} (đã thôi dùng)")
        lines.append(
            "Khóa cũ đã ký xác nhận việc đổi khóa."
            if old.signed
            else "CẢNH BÁO: thẻ khóa không có chữ ký của khóa cũ (khóa cũ đã mất): hãy đọc cả "
            "hai dấu vân tay với người ở máy trạm qua điện thoại."
        )
        lines.append(
            "Gói ký bằng khóa cũ vẫn được nhận cho các sự kiện đến số "
            f"{clock.fmt_int(old.since_seq)}, sau đó thì bị từ chối."
        )
    lines.append("Các dấu vân tay phải trùng với các dấu vân tay máy kia in ra.")
    return "\n".join(lines)


def already_imported_text(name: str, imported_at: str | None) -> str:
    """What a re-import says: when the bundle was imported, and that nothing changed."""
    if imported_at:
        try:
            when = clock.fmt_datetime(clock.parse_iso(imported_at))
        except ValueError:
            when = imported_at
        return f"Gói {name} đã được nhập lúc {when}; không thay đổi gì."
    return f"Gói {name} đã được nhập trước đây; không thay đổi gì."
