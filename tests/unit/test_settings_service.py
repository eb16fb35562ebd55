"""The business settings left unconfirmed by the reference: typed, validated, admin only, audited,
and read by the services that depend on them (supplement mode, reschedule limit, office hours)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from onestop_desktop.domain import clock
from onestop_desktop.errors import Conflict, Msg, PermissionDenied, ValidationError
from onestop_desktop.services import dossiers, integrity, settings, users
from onestop_desktop.services.context import Session
from onestop_desktop.services.dossiers import Applicant, Intake

from .conftest import FakeClock

LAN = Applicant(
    name="Nguyễn Thị Lan",
    id_number="001190012345",
    birth_date=date(1990, 5, 17),
    phone="0912 345 678",
)

KEYS = ["supplement_mode", "max_reschedules", "on_time_basis", "office_hours", "same_day_cutoff"]
# Added by issue #9/#10 (each area's definitions, in DEFINITIONS' order).
KEYS += ["paper_entry_days"]  # intake: paper fallback window
KEYS += ["idle_lock_minutes"]  # sign-in: idle lock
KEYS += [  # slips
    "slip_unit_header",
    "slip_place",
    "slip_office",
    "slip_signer_title",
    "slip_signer_name",
    "slip_contact",
    "slip_result_place",
    "slip_paper",
    "slip_receipt_layout",
]
KEYS += ["scanner_folder"]  # #11: the station's watched scanner folder
KEYS += ["backup_second_folder"]  # #14: the second place for automatic backups


def changes(ctx: Session) -> list[dict[str, Any]]:
    """The ``settings.changed`` events, oldest first: the actor and the payload's keys."""
    rows = ctx.store.query(
        "SELECT actor, payload FROM events WHERE kind = 'settings.changed' ORDER BY seq"
    )
    return [{"actor": r["actor"], **json.loads(r["payload"])} for r in rows]


def values(ctx: Session) -> dict[str, str]:
    return {s.key: s.value for s in settings.list_settings(ctx)}


def clerk(ctx: Session) -> Session:
    users.add_user(ctx, "tiepnhan", "clerk", "Lê Thị Thu", "password-123")
    return users.sign_in(ctx.store, "tiepnhan", "password-123")


# ------------------------------------------------------------------------------ listing


def test_defaults_are_listed_in_order_with_vietnamese_descriptions(ctx: Session) -> None:
    rows = settings.list_settings(ctx)
    assert [s.key for s in rows] == KEYS
    listed = {s.key: (s.value, s.default) for s in rows}
    assert listed["idle_lock_minutes"] == ("10", "10")  # #9
    assert {k: v for k, v in listed.items() if k in KEYS[:5]} == {
        "supplement_mode": ("pause", "pause"),
        "max_reschedules": ("1", "1"),
        "on_time_basis": ("first", "first"),
        "office_hours": ("07:00-11:30,13:30-17:00", "07:00-11:30,13:30-17:00"),
        "same_day_cutoff": ("15:00", "15:00"),
    }
    assert all(s.is_default for s in rows)
    for s in rows:
        assert s.description_vi and any(ch in s.description_vi for ch in "ờạảếịộ"), s


def test_a_clerk_may_read_the_settings(ctx: Session) -> None:
    assert [s.key for s in settings.list_settings(clerk(ctx))] == KEYS


# ------------------------------------------------------------------------------ valid values


@pytest.mark.parametrize(
    ("key", "typed", "stored"),
    [
        ("supplement_mode", "restart", "restart"),
        ("supplement_mode", " RESTART ", "restart"),
        ("supplement_mode", "pause", "pause"),
        ("max_reschedules", "1", "1"),
        ("max_reschedules", " 03 ", "3"),
        ("max_reschedules", "", ""),
        ("office_hours", "07:30-11:30,13:00-17:00", "07:30-11:30,13:00-17:00"),
        ("office_hours", " 7:30-11:30 , 13:00-17:00 ", "07:30-11:30,13:00-17:00"),
        ("office_hours", "07:00-17:00", "07:00-17:00"),
        ("same_day_cutoff", "14:00", "14:00"),
        ("same_day_cutoff", "9:5", "09:05"),
        ("same_day_cutoff", "17:00", "17:00"),  # the closing time itself is allowed
    ],
)
def test_valid_values_are_stored_normalised(
    ctx: Session, key: str, typed: str, stored: str
) -> None:
    result = settings.set_setting(ctx, key, typed)
    assert result.key == key and result.value == stored
    assert ctx.store.setting(key) == stored
    assert values(ctx)[key] == stored


# ------------------------------------------------------------------------------ bad values


@pytest.mark.parametrize(
    ("key", "value", "accepted"),
    [
        ("supplement_mode", "stop", "«pause» hoặc «restart»"),
        ("supplement_mode", "", "«pause» hoặc «restart»"),
        ("max_reschedules", "0", "số nguyên từ 1"),
        ("max_reschedules", "-1", "số nguyên từ 1"),
        ("max_reschedules", "1.5", "số nguyên từ 1"),
        ("max_reschedules", "một", "số nguyên từ 1"),
        ("max_reschedules", "１", "số nguyên từ 1"),  # fullwidth digit
        ("office_hours", "", "07:00-11:30,13:30-17:00"),
        ("office_hours", "07:00-11:30;13:30-17:00", "07:00-11:30,13:30-17:00"),
        ("office_hours", "sáng-chiều", "07:00-11:30,13:30-17:00"),
        ("office_hours", "11:30-07:00", "07:00-11:30,13:30-17:00"),
        ("office_hours", "07:00-12:00,11:00-17:00", "07:00-11:30,13:30-17:00"),
        ("office_hours", "25:00-26:00", "07:00-11:30,13:30-17:00"),
        ("office_hours", "07:00-11:30,", "07:00-11:30,13:30-17:00"),
        ("same_day_cutoff", "", "HH:MM"),
        ("same_day_cutoff", "15h", "HH:MM"),
        ("same_day_cutoff", "15:00:00", "HH:MM"),
        ("same_day_cutoff", "24:00", "HH:MM"),
        ("same_day_cutoff", "18:00", "nằm trong giờ làm việc"),  # after closing
        ("same_day_cutoff", "07:00", "nằm trong giờ làm việc"),  # not after opening
    ],
)
def test_bad_values_are_refused_naming_the_key_and_what_is_accepted(
    ctx: Session, key: str, value: str, accepted: str
) -> None:
    before = values(ctx)
    with pytest.raises(ValidationError) as caught:
        settings.set_setting(ctx, key, value)
    message = caught.value.message
    assert key in message and accepted in message, message
    assert caught.value.field == key
    assert values(ctx) == before
    assert ctx.store.setting(key) is None  # nothing written, not even the rejected text
    assert changes(ctx) == []


def test_an_unknown_key_is_refused_with_the_list_of_keys(ctx: Session) -> None:
    with pytest.raises(ValidationError, match="supplement_mode, max_reschedules"):
        settings.set_setting(ctx, "unit_code", "000.00.99.H99")
    with pytest.raises(ValidationError, match="Không có thiết lập «station_id»"):
        settings.reset_setting(ctx, "station_id")
    assert ctx.store.setting("unit_code") == "000.00.12.H29"


def test_office_hours_and_cutoff_are_checked_together(ctx: Session) -> None:
    # The default cut-off (15:00) would fall outside a morning-only day: set it first.
    with pytest.raises(ValidationError, match="same_day_cutoff") as caught:
        settings.set_setting(ctx, "office_hours", "07:00-11:30")
    assert "office_hours" in caught.value.message
    settings.set_setting(ctx, "same_day_cutoff", "10:00")
    settings.set_setting(ctx, "office_hours", "07:00-11:30")
    with pytest.raises(ValidationError, match="same_day_cutoff"):
        settings.set_setting(ctx, "same_day_cutoff", "14:00")
    # Resetting the cut-off to 15:00 would break the morning-only day, so it is refused.
    with pytest.raises(ValidationError, match="same_day_cutoff"):
        settings.reset_setting(ctx, "same_day_cutoff")
    assert values(ctx)["same_day_cutoff"] == "10:00"
    settings.reset_setting(ctx, "office_hours")
    settings.reset_setting(ctx, "same_day_cutoff")
    assert all(s.is_default for s in settings.list_settings(ctx))


# ------------------------------------------------------------------------------ permission


def test_a_clerk_may_not_change_settings(ctx: Session) -> None:
    session = clerk(ctx)
    for call in (
        lambda: settings.set_setting(session, "supplement_mode", "restart"),
        lambda: settings.set_setting(session, "max_reschedules", "1"),
        lambda: settings.reset_setting(session, "office_hours"),
    ):
        with pytest.raises(PermissionDenied, match=r"tiepnhan .*thay đổi thiết lập"):
            call()
    assert ctx.store.setting("supplement_mode") is None
    assert changes(ctx) == []


@pytest.mark.parametrize("role", ["officer", "leader"])
def test_only_the_admin_among_staff_may_change_settings(ctx: Session, role: str) -> None:
    users.add_user(ctx, "canbo", role, "Phạm Minh Đức", "password-123")
    with pytest.raises(PermissionDenied):
        settings.set_setting(
            users.sign_in(ctx.store, "canbo", "password-123"), "supplement_mode", "restart"
        )
    admin = users.sign_in(ctx.store, "admin", "admin-pass-1")
    assert settings.set_setting(admin, "supplement_mode", "restart").value == "restart"
    assert changes(ctx)[-1]["actor"] == "user:admin"


def test_a_permission_check_comes_before_the_value_check(ctx: Session) -> None:
    with pytest.raises(PermissionDenied):
        settings.set_setting(clerk(ctx), "max_reschedules", "0")


# ------------------------------------------------------------------------------ audit


def test_each_change_is_one_audited_event(ctx: Session, fake_clock: FakeClock) -> None:
    fake_clock.set("2026-03-02T09:00:00")
    settings.set_setting(ctx, "max_reschedules", "1")
    fake_clock.set("2026-03-02T09:05:00")
    settings.set_setting(ctx, "max_reschedules", "2")
    settings.set_setting(ctx, "max_reschedules", "02")  # same value: nothing changes
    settings.reset_setting(ctx, "max_reschedules")
    settings.reset_setting(ctx, "max_reschedules")  # already the default: nothing changes
    log = changes(ctx)
    assert [(e["key"], e["old"], e["new"]) for e in log] == [
        ("max_reschedules", None, "1"),
        ("max_reschedules", "1", "2"),
        ("max_reschedules", "2", None),
    ]
    assert all(e["actor"].startswith("operator:") for e in log)
    rows = ctx.store.query(
        "SELECT at, dossier_id FROM events WHERE kind = 'settings.changed' ORDER BY seq"
    )
    assert [r["at"] for r in rows[:2]] == ["2026-03-02T09:00:00+07:00", "2026-03-02T09:05:00+07:00"]
    assert all(r["dossier_id"] is None for r in rows)
    assert integrity.verify(ctx).ok
    assert ctx.store.setting("max_reschedules") is None


def test_the_old_value_in_the_event_is_what_was_stored(ctx: Session) -> None:
    settings.set_setting(ctx, "office_hours", " 7:30-11:30,13:00-17:00")
    settings.set_setting(ctx, "office_hours", "07:00-11:30,13:30-17:00")
    assert [(e["old"], e["new"]) for e in changes(ctx)] == [
        (None, "07:30-11:30,13:00-17:00"),
        ("07:30-11:30,13:00-17:00", "07:00-11:30,13:30-17:00"),
    ]


# ------------------------------------------------------------------------------ effect


def _supplement_round(ctx: Session, fake_clock: FakeClock, name: str) -> dossiers.DossierSummary:
    """Received Mon 08:00 (due Thu 05/03 08:00), supplement asked Mon 10:00, brought back
    Wed 14:00."""
    fake_clock.set("2026-03-02T08:00:00")
    d = dossiers.receive(ctx, Intake("1.004873", Applicant(name), acknowledge_duplicates=True))
    assert d.due_at == clock.parse_iso("2026-03-05T08:00:00+07:00")
    fake_clock.set("2026-03-02T10:00:00")
    dossiers.act(ctx, d.code, "supplement_requested", {"reason": "Thiếu tờ khai"})
    fake_clock.set("2026-03-04T14:00:00")
    return dossiers.act(ctx, d.code, "supplement_received")


def test_supplement_mode_setting_drives_the_new_appointment(
    ctx: Session, fake_clock: FakeClock
) -> None:
    # pause (default): Mon 10:00 → Wed 14:00 is 5 + 8 + 5 = 18 working hours added to Thu 08:00.
    paused = _supplement_round(ctx, fake_clock, "Trần Văn Bình")
    assert paused.due_at == clock.parse_iso("2026-03-09T10:00:00+07:00")
    settings.set_setting(ctx, "supplement_mode", "restart")
    # restart: three working days counted again from Wed 14:00.
    restarted = _supplement_round(ctx, fake_clock, "Lê Văn Cường")
    assert restarted.due_at == clock.parse_iso("2026-03-09T14:00:00+07:00")
    assert dossiers.history(ctx, restarted.code)[-1].payload["mode"] == "restart"
    settings.reset_setting(ctx, "supplement_mode")
    again = _supplement_round(ctx, fake_clock, "Đỗ Thị Hoa")
    assert again.due_at == paused.due_at
    assert integrity.rebuild(ctx).clean


def test_max_reschedules_setting_limits_rescheduling(ctx: Session, fake_clock: FakeClock) -> None:
    d = dossiers.receive(ctx, Intake("1.004873", LAN))
    settings.set_setting(ctx, "max_reschedules", "1")
    reason = {"reason": "Cần xác minh thêm"}
    dossiers.act(ctx, d.code, "rescheduled", {**reason, "new_due_at": "2026-03-10T17:00:00+07:00"})
    with pytest.raises(Conflict, match="tối đa 1"):
        dossiers.act(
            ctx, d.code, "rescheduled", {**reason, "new_due_at": "2026-03-12T17:00:00+07:00"}
        )
    settings.set_setting(ctx, "max_reschedules", "")  # unlimited again
    r = dossiers.act(
        ctx, d.code, "rescheduled", {**reason, "new_due_at": "2026-03-12T17:00:00+07:00"}
    )
    assert r.due_at == clock.parse_iso("2026-03-12T17:00:00+07:00")


def test_same_day_cutoff_setting_moves_same_day_appointments(
    ctx: Session, fake_clock: FakeClock
) -> None:
    settings.set_setting(ctx, "same_day_cutoff", "10:00")
    fake_clock.set("2026-03-02T09:30:00")
    early = dossiers.receive(ctx, Intake("1.001193", Applicant("Trần Văn Bình")))
    assert early.due_at == clock.parse_iso("2026-03-02T17:00:00+07:00")
    fake_clock.set("2026-03-02T10:30:00")  # after the new cut-off, before the default one
    late = dossiers.receive(ctx, Intake("1.001193", Applicant("Lê Văn Cường")))
    assert late.due_at == clock.parse_iso("2026-03-03T17:00:00+07:00")


def test_office_hours_setting_moves_appointments(ctx: Session, fake_clock: FakeClock) -> None:
    settings.set_setting(ctx, "office_hours", "07:30-11:30,13:00-17:00")
    fake_clock.set("2026-03-02T07:15:00")  # before the new opening: counted from 07:30
    d = dossiers.receive(ctx, Intake("1.004873", LAN))
    # Three 8-hour days from Mon 07:30 end on Wed at closing (the default hours: Thu 07:15).
    assert d.due_at == clock.parse_iso("2026-03-04T17:00:00+07:00")


# ------------------------------------------------------------------------------ typed reading


def test_services_read_typed_values(ctx: Session) -> None:
    """One definition per setting; :func:`settings.value` returns the typed value."""
    from datetime import time

    assert settings.value(ctx.store, settings.SUPPLEMENT_MODE) == "pause"
    assert settings.value(ctx.store, settings.MAX_RESCHEDULES) == 1  # one new appointment (#8)
    assert settings.value(ctx.store, settings.ON_TIME_BASIS) == "first"
    settings.set_setting(ctx, "max_reschedules", "")
    assert settings.value(ctx.store, settings.MAX_RESCHEDULES) is None  # no limit
    assert settings.value(ctx.store, settings.SAME_DAY_CUTOFF) == time(15, 0)
    assert settings.value(ctx.store, settings.OFFICE_HOURS) == (
        (time(7, 0), time(11, 30)),
        (time(13, 30), time(17, 0)),
    )
    settings.set_setting(ctx, "max_reschedules", " 03 ")
    settings.set_setting(ctx, "same_day_cutoff", "9:5")
    settings.set_setting(ctx, "supplement_mode", "RESTART")
    assert settings.value(ctx.store, settings.MAX_RESCHEDULES) == 3
    assert settings.value(ctx.store, settings.SAME_DAY_CUTOFF) == time(9, 5)
    assert settings.value(ctx.store, settings.SUPPLEMENT_MODE) == "restart"
    hours = settings.office_hours(ctx.store)
    assert hours.same_day_cutoff == time(9, 5) and hours.opening == time(7, 0)


def test_every_definition_is_complete_and_round_trips(ctx: Session) -> None:
    assert list(settings.DEFINITIONS) == KEYS
    for definition in settings.DEFINITIONS.values():
        assert definition.parse(definition.default_text) == definition.default
        assert any(ch in str(definition.help_vi) for ch in "ờạảếịộ"), definition.name
        assert str(definition.accepted_vi) and str(definition.type_vi)
    assert settings.SUPPLEMENT_MODE.choices == ("pause", "restart")
    listed = {s.key: s for s in settings.list_settings(ctx)}
    assert listed["supplement_mode"].choices == ("pause", "restart")
    assert "số nguyên" in listed["max_reschedules"].accepted_vi


def test_bad_text_stored_by_hand_is_an_error_naming_the_setting(ctx: Session) -> None:
    """Never a silent default: a value the parser refuses says which setting is wrong."""
    ctx.store.set_setting("max_reschedules", "nhiều")
    with pytest.raises(ValidationError) as caught:
        settings.value(ctx.store, settings.MAX_RESCHEDULES)
    assert caught.value.field == "max_reschedules"
    assert "max_reschedules" in caught.value.message and "nhiều" in caught.value.message


# ------------------------------------------------------------- kinds of setting (the builders)


@pytest.mark.parametrize(
    ("definition", "typed", "parsed"),
    [
        (settings.SUPPLEMENT_MODE, " RESTART ", "restart"),
        (settings.ON_TIME_BASIS, "Latest", "latest"),
        (settings.SLIP_PAPER, "80MM", "80mm"),
        (settings.SLIP_RECEIPT_LAYOUT, " a5_each", "a5_each"),
        (settings.PAPER_ENTRY_DAYS, " 1 ", 1),
        (settings.PAPER_ENTRY_DAYS, "30", 30),
        (settings.PAPER_ENTRY_DAYS, "007", 7),
        (settings.IDLE_LOCK_MINUTES, "0", 0),
        (settings.IDLE_LOCK_MINUTES, "240", 240),
        (settings.SCANNER_FOLDER, "  D:\\Scan  ", "D:\\Scan"),
        (settings.BACKUP_SECOND_FOLDER, "x" * 500, "x" * 500),
        (settings.BACKUP_SECOND_FOLDER, "", ""),
    ],
)
def test_each_kind_of_setting_accepts_its_values(
    definition: settings.Definition[object], typed: str, parsed: object
) -> None:
    assert definition.parse(typed) == parsed
    assert definition.parse(definition.format(definition.parse(typed))) == parsed


@pytest.mark.parametrize(
    ("definition", "typed"),
    [
        (settings.SUPPLEMENT_MODE, "stop"),
        (settings.SUPPLEMENT_MODE, "paus"),
        (settings.ON_TIME_BASIS, ""),
        (settings.SLIP_PAPER, "a3"),
        (settings.SLIP_RECEIPT_LAYOUT, "a4"),
        (settings.PAPER_ENTRY_DAYS, "0"),
        (settings.PAPER_ENTRY_DAYS, "31"),
        (settings.PAPER_ENTRY_DAYS, ""),
        (settings.PAPER_ENTRY_DAYS, "-1"),
        (settings.PAPER_ENTRY_DAYS, "１"),  # fullwidth digit
        (settings.IDLE_LOCK_MINUTES, "241"),
        (settings.IDLE_LOCK_MINUTES, "1.5"),
        (settings.SCANNER_FOLDER, "x" * 501),
        (settings.BACKUP_SECOND_FOLDER, "E:\\Sao\tLuu"),
    ],
)
def test_each_kind_of_setting_refuses_what_is_not_a_value(
    definition: settings.Definition[object], typed: str
) -> None:
    with pytest.raises(settings.Invalid):
        definition.parse(typed)


def test_builders_give_the_admin_screen_its_editor_and_choices() -> None:
    chosen = settings.choice_setting(
        "test_choice",
        ("một", "hai"),
        "hai",
        help_vi=Msg("a"),
        accepted_vi=Msg("b"),
    )
    assert chosen.choices == ("một", "hai") and chosen.default_text == "hai"
    assert str(chosen.type_vi) == "một trong các giá trị"
    assert settings._editor(settings.DEFINITIONS["slip_paper"]) == ("choice", False)
    assert settings._editor(settings.DEFINITIONS["idle_lock_minutes"]) == ("int", False)
    assert settings._editor(settings.DEFINITIONS["scanner_folder"]) == ("text", False)
    assert str(settings.SCANNER_FOLDER.type_vi) == "đường dẫn thư mục"
    assert (
        str(settings.label(settings.DEFINITIONS["backup_second_folder"])) == "Nơi sao lưu thứ hai"
    )


def test_register_appends_in_order_and_labels_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "DEFINITIONS", dict(settings.DEFINITIONS))
    monkeypatch.setattr(settings, "LABELS", dict(settings.LABELS))
    first = settings.folder_setting("test_a", Msg("a"), Msg("b"))
    second = settings.folder_setting("test_b", Msg("a"), Msg("b"))
    settings.register(first, second)
    settings.register(
        settings.folder_setting("test_c", Msg("a"), Msg("b")),
        label_vi=Msg("Thư mục thử"),
    )
    assert list(settings.DEFINITIONS)[-3:] == ["test_a", "test_b", "test_c"]
    assert str(settings.LABELS["test_c"]) == "Thư mục thử"
    assert "test_a" not in settings.LABELS
    with pytest.raises(ValueError):
        settings.register(first, second, label_vi=Msg("hai thiết lập"))
    assert list(settings.DEFINITIONS)[-3:] == ["test_a", "test_b", "test_c"]  # nothing added
