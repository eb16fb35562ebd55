"""``onestop user role`` and ``onestop user reset-password`` (#9, the admin screen's CLI face):
each change is one audited event, the last admin keeps the role, a refusal says why."""

from __future__ import annotations

import json
from pathlib import Path

from tests.e2e.conftest import (
    ADMIN,
    assert_refused,
    init_station,
    ok,
    onestop,
    parse_json,
    query,
)


def _events(data: Path, kind: str) -> list[dict[str, object]]:
    rows = query(data / "onestop.db", "SELECT actor, payload FROM events WHERE kind = ?", (kind,))
    return [{"actor": r["actor"], **json.loads(r["payload"])} for r in rows]


def test_role_and_reset_password(tmp_path: Path) -> None:
    data = tmp_path / "data"
    init_station(data)
    ok(
        onestop(
            data, "user", "add", "lan", "--role", "clerk", "--full-name", "Nguyễn Thị Lan",
            "--password-stdin", input="mat-khau-lan\n",
        )
    )  # fmt: skip

    out = ok(onestop(data, "user", "role", "lan", "officer")).stdout
    assert "Đã đổi vai trò của lan thành Chuyên viên xử lý" in out
    users = {u["username"]: u for u in parse_json(onestop(data, "user", "list", "--json"))}
    assert users["lan"]["role"] == "officer"
    (changed,) = _events(data, "user.role_changed")
    assert (changed["username"], changed["old"], changed["new"]) == ("lan", "clerk", "officer")
    assert str(changed["actor"]).startswith("operator:")
    assert_refused(onestop(data, "user", "role", "lan", "officer"), "đã có vai trò")
    assert_refused(onestop(data, "user", "role", ADMIN, "clerk"), "quản trị cuối cùng")
    bad = onestop(data, "user", "role", "lan", "boss")
    assert bad.returncode != 0 and "lựa chọn không hợp lệ" in bad.stderr

    out = ok(
        onestop(data, "user", "reset-password", "lan", "--password-stdin", input="mat-khau-moi\n")
    ).stdout
    assert "Đã đặt lại mật khẩu của lan" in out
    assert [e["username"] for e in _events(data, "user.password_reset")] == ["lan"]
    assert_refused(
        onestop(data, "user", "reset-password", "lan", "--password-stdin", input="ngan\n"),
        "ít nhất 8",
    )
    assert_refused(
        onestop(
            data, "user", "reset-password", "khongco", "--password-stdin", input="x" * 9 + "\n"
        ),
        "khongco",
    )
