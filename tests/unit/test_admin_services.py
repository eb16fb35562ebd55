"""The services behind the admin screens (#9 item 6): change role, reset password, the paged
event log in words, the catalogue browse/preview, the generic settings view, the backups list.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from onestop_desktop.domain.roles import Role
from onestop_desktop.domain.text import fold
from onestop_desktop.errors import AuthError, Conflict, NotFound, PermissionDenied, ValidationError
from onestop_desktop.paths import DataDir
from onestop_desktop.services import (
    audit,
    backup,
    backups_view,
    calendar,
    catalog,
    settings,
    users,
)
from onestop_desktop.services.audit import LogQuery
from onestop_desktop.services.context import Session

from .conftest import FakeClock


def receive_one(ctx: Session) -> str:
    """One birth registration received by the operator; its code."""
    from onestop_desktop.services import dossiers
    from onestop_desktop.services.dossiers import Applicant, Intake

    return dossiers.receive(ctx, Intake("1.004873", Applicant("Nguyễn Thị Lan"))).code


def _events(ctx: Session, kind: str) -> list[dict[str, object]]:
    rows = ctx.store.query("SELECT actor, payload FROM events WHERE kind = ? ORDER BY id", [kind])
    return [{"actor": r["actor"], **json.loads(r["payload"])} for r in rows]


def _admin(ctx: Session) -> Session:
    return users.sign_in(ctx.store, "admin", "admin-pass-1")


def _clerk(ctx: Session) -> Session:
    users.add_user(ctx, "lan", "clerk", "Nguyễn Thị Lan", "mat-khau-lan")
    return users.sign_in(ctx.store, "lan", "mat-khau-lan")


# ------------------------------------------------------------------ users


def test_change_role_is_recorded_and_ends_old_sessions(ctx: Session) -> None:
    clerk = _clerk(ctx)
    admin = _admin(ctx)
    user = users.change_role(admin, "lan", "officer")
    assert user.role is Role.OFFICER
    assert _events(ctx, "user.role_changed") == [
        {"actor": "user:admin", "v": 1, "username": "lan", "old": "clerk", "new": "officer"}
    ]
    with pytest.raises(AuthError, match="Vai trò của tài khoản lan đã thay đổi"):
        clerk.require("dossiers.view")
    with pytest.raises(Conflict, match="đã có vai trò"):
        users.change_role(admin, "lan", Role.OFFICER)
    with pytest.raises(ValidationError):
        users.change_role(admin, "lan", "operator")


def test_last_admin_keeps_the_role(ctx: Session) -> None:
    admin = _admin(ctx)
    with pytest.raises(Conflict, match="quản trị cuối cùng"):
        users.change_role(admin, "admin", "clerk")
    assert _events(ctx, "user.role_changed") == []
    users.add_user(ctx, "bao", "admin", "Trần Quốc Bảo", "mat-khau-bao")
    assert users.change_role(admin, "bao", "leader").role is Role.LEADER


def test_reset_password_unlocks_and_is_recorded(ctx: Session, fake_clock: FakeClock) -> None:
    _clerk(ctx)
    for _ in range(users.MAX_FAILED):
        with pytest.raises(AuthError):
            users.sign_in(ctx.store, "lan", "sai")
    admin = _admin(ctx)
    assert users.get_user(ctx.store, "lan").locked
    user = users.reset_password(admin, "lan", "mat-khau-moi")
    assert not user.locked
    assert users.sign_in(ctx.store, "lan", "mat-khau-moi").actor.username == "lan"
    assert _events(ctx, "user.password_reset") == [
        {"actor": "user:admin", "v": 1, "username": "lan"}
    ]
    with pytest.raises(Conflict, match="chính mình"):
        users.reset_password(admin, "admin", "mat-khau-moi")
    with pytest.raises(ValidationError, match="ít nhất 8"):
        users.reset_password(admin, "lan", "ngan")


def test_user_admin_refused_to_a_clerk(ctx: Session) -> None:
    clerk = _clerk(ctx)
    users.add_user(ctx, "minh", "clerk", "Lê Minh", "mat-khau-minh")
    for act in (
        lambda: users.change_role(clerk, "minh", "admin"),
        lambda: users.reset_password(clerk, "minh", "mat-khau-moi"),
        lambda: audit.search_log(clerk, LogQuery()),
        lambda: catalog.browse(clerk),
        lambda: settings.entries(clerk),
    ):
        with pytest.raises(PermissionDenied):
            act()


# ------------------------------------------------------------------ the event log


def test_log_in_words_filtered_and_paged(ctx: Session, fake_clock: FakeClock) -> None:
    admin = _admin(ctx)
    users.add_user(admin, "lan", "clerk", "Nguyễn Thị Lan", "mat-khau-lan")
    fake_clock.moment += timedelta(days=1)
    users.change_role(admin, "lan", "officer")
    calendar.set_day(admin, date(2026, 3, 9), "day_off", "Nghỉ bù")
    settings.set_setting(admin, "max_reschedules", "2")

    page = audit.search_log(admin, LogQuery(user="admin"))
    actions = [e.action for e in page.entries]
    assert actions == ["Đổi thiết lập", "Sửa lịch làm việc", "Đổi vai trò", "Thêm tài khoản"]
    first = page.entries[0]
    assert first.actor_name == users.get_user(ctx.store, "admin").full_name
    assert first.details == "max_reschedules: mặc định → «2»"
    assert page.entries[1].details == "09/03/2026: ngày nghỉ — Nghỉ bù"
    assert page.entries[2].details == "lan: Cán bộ tiếp nhận → Chuyên viên xử lý"
    assert page.next_before is None

    # By kind, by date (the first day only has the add), and a bad range.
    kinds = audit.search_log(admin, LogQuery(kinds=("user.role_changed",)))
    assert [e.kind for e in kinds.entries] == ["user.role_changed"]
    day1 = audit.search_log(
        admin, LogQuery(user="admin", start=date(2026, 3, 2), end=date(2026, 3, 2))
    )
    assert [e.action for e in day1.entries] == ["Thêm tài khoản"]
    with pytest.raises(ValidationError, match="Khoảng ngày"):
        audit.search_log(admin, LogQuery(start=date(2026, 3, 3), end=date(2026, 3, 2)))

    # Pages: keyset, newest first, no event twice, none missed.
    everything = audit.search_log(admin, LogQuery(), limit=1000).entries
    seen, before = [], None
    while True:
        part = audit.search_log(admin, LogQuery(), before=before, limit=2)
        seen.extend(part.entries)
        if part.next_before is None:
            break
        before = part.next_before
    assert [e.id for e in seen] == [e.id for e in everything]
    assert [e.id for e in seen] == sorted((e.id for e in seen), reverse=True)


def test_log_of_one_dossier_uses_the_timeline_words(ctx: Session) -> None:
    code = receive_one(ctx)
    page = audit.search_log(ctx, LogQuery(dossier=code.lower()))
    assert [e.kind for e in page.entries] == ["received"]
    assert page.entries[0].dossier_code == code
    assert page.entries[0].action == "Tiếp nhận hồ sơ"
    assert f"Mã hồ sơ {code}" in page.entries[0].details
    assert audit.search_log(ctx, LogQuery(dossier="KHONG-CO")).entries == ()


def test_every_kind_has_words() -> None:
    for kind, label in audit.log_kinds():
        assert label and label != kind, kind


# ------------------------------------------------------------------ catalogue


def test_browse_ignores_diacritics_and_lists_versions(ctx: Session, tmp_path: Path) -> None:
    found = catalog.browse(ctx, "khai sinh")
    assert found and all("khai sinh" in fold(f"{p.code} {p.name} {p.field}") for p in found)
    assert catalog.browse(ctx, "KHAI SINH") == catalog.browse(ctx, "khai sinh") == found
    assert len(found) < len(catalog.browse(ctx))
    code = found[0].code
    assert [p.version for p in catalog.history(ctx, code)] == [1]
    with pytest.raises(NotFound):
        catalog.history(ctx, "9.999999")


def test_preview_lists_every_bad_line_and_stores_nothing(ctx: Session, tmp_path: Path) -> None:
    before = catalog.procedure_count(ctx.store)
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "code,name,field,competent_body,time_limit,fee_text,documents\n"
        "1.000001,Thủ tục A,Hộ tịch,UBND xã,3 ngày làm việc,Miễn phí,Tờ khai|original|1\n"
        "khong-phai-ma,Thủ tục B,Hộ tịch,UBND xã,3 ngày làm việc,Miễn phí,Tờ khai|original|1\n"
        "1.000003,,Hộ tịch,UBND xã,3 ngày làm việc,Miễn phí,Tờ khai|original|1\n",
        encoding="utf-8",
    )
    parsed = catalog.preview_file(ctx, bad)
    assert sorted({e.line for e in parsed.errors}) == [3, 4]
    assert len(parsed.procedures) == 1
    assert catalog.procedure_count(ctx.store) == before


# ------------------------------------------------------------------ settings


def test_entries_cover_every_definition_with_an_editor(ctx: Session) -> None:
    admin = _admin(ctx)
    found = {e.key: e for e in settings.entries(admin)}
    assert list(found) == list(settings.DEFINITIONS)
    assert found["supplement_mode"].editor == "choice"
    assert found["supplement_mode"].choices == ("pause", "restart")
    assert found["max_reschedules"].editor == "int" and found["max_reschedules"].optional
    assert found["office_hours"].editor == "text"
    assert str(found["office_hours"].label) == "Giờ làm việc"
    assert not found["max_reschedules"].is_set
    settings.set_setting(admin, "max_reschedules", "3")
    again = {e.key: e for e in settings.entries(admin)}
    assert (again["max_reschedules"].value, again["max_reschedules"].is_set) == ("3", True)


def test_a_definition_added_later_is_listed(ctx: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    """Other parts add definitions (slip settings): the view needs no change for them."""
    extra = settings.Definition(
        name="test_flag",
        type_vi=settings.Msg("có/không"),
        default=True,
        parse=lambda t: {"yes": True, "no": False}[t] if t in ("yes", "no") else _invalid(),
        format=lambda v: "yes" if v else "no",
        help_vi=settings.Msg("Một thiết lập thử"),
        accepted_vi=settings.Msg("yes hoặc no"),
    )
    monkeypatch.setitem(settings.DEFINITIONS, "test_flag", extra)  # type: ignore[arg-type]
    entry = next(e for e in settings.entries(ctx) if e.key == "test_flag")
    assert (entry.editor, entry.value, str(entry.label)) == ("bool", "yes", "test_flag")


def _invalid() -> bool:
    raise settings.Invalid()


# ------------------------------------------------------------------ backups


def test_overview_counts_dossiers_of_each_backup(ctx: Session, tmp_path: Path) -> None:
    assert ctx.store.path is not None
    data = DataDir(ctx.store.path.parent)
    backup.backup_now(ctx, data)
    receive_one(ctx)
    folder = backup.default_folder(data)
    (folder / "onestop-20990101-000000.db.partial").write_bytes(b"half")
    rows = backups_view.overview(ctx, folder)
    complete = [r for r in rows if r.file.complete]
    assert [r.dossiers for r in complete] == [0]
    assert complete[0].last_event_at is not None
    assert [r.dossiers for r in rows if not r.file.complete] == [None]
    clerk = _clerk(ctx)
    with pytest.raises(PermissionDenied):
        backups_view.overview(clerk, folder)


def test_the_admin_screen_needs_a_reason_for_a_calendar_day(ctx: Session) -> None:
    with pytest.raises(ValidationError, match="Chưa nhập lý do"):
        calendar.set_day(ctx, date(2026, 3, 9), "day_off", "  ", require_note=True)
    assert _events(ctx, "calendar.day_set") == []
    calendar.set_day(ctx, date(2026, 3, 9), "day_off")  # the CLI's note stays optional
    assert [e["day"] for e in _events(ctx, "calendar.day_set")] == ["2026-03-09"]


def test_a_scanned_file_reads_in_words_with_its_dossier(ctx: Session) -> None:
    """The attachment kinds (#11) name their dossier: the log shows its code and the scan in
    words, for a new event (with ``dossier_id``) and an old one (the dossier only in the
    payload, as written before wave 3; events are never rewritten)."""
    from onestop_desktop.domain import clock, payloads
    from onestop_desktop.store import dossiers as dossier_rows
    from onestop_desktop.store import events as event_rows

    code = receive_one(ctx)
    row = dossier_rows.get_by_code(ctx.store, code)
    assert row is not None
    dossier_id = str(row["id"])

    def added(sha: str, name: str) -> payloads.AttachmentAdded:
        return payloads.AttachmentAdded(
            dossier=dossier_id, code=code, sha256=sha, size=10, media_type="application/pdf",
            pages=3, name=name,
        )  # fmt: skip

    with ctx.store.atomic():
        audit.record(ctx, added("0" * 64, "to-khai.pdf"), dossier_id=dossier_id)
        event_rows.append(
            ctx.store, station_id=1, dossier_id=None, kind="attachment.added",
            actor=ctx.actor.tag, at=clock.iso(ctx.now()),
            payload=added("1" * 64, "cu.pdf").to_dict(),
        )  # fmt: skip
    entries = audit.search_log(ctx, LogQuery(kinds=("attachment.added",))).entries
    assert [(e.action, e.dossier_code, e.details) for e in entries] == [
        ("Thêm tệp quét", code, "Thêm 3 trang quét; tệp cu.pdf"),
        ("Thêm tệp quét", code, "Thêm 3 trang quét; tệp to-khai.pdf"),
    ]
