"""The tables that grant rights or set rules, checked against the events that made them.

Why: ``users``, ``settings``, ``procedures`` and ``calendar_days`` are plain tables; the hash
chain does not cover them. Every change to them by the app is recorded as an admin event in the
same transaction (``domain.payloads``: ``user.*``, ``settings.changed``, ``station.initialized``,
``catalog.imported``, ``calendar.*``), so folding those events again tells what the rows must be.
A row edited with the sqlite3 shell (a clerk made admin, a deactivated account switched back on,
a time limit lengthened, a holiday added) then disagrees with the fold, and ``verify`` names it.

What the events cannot tell (see ``docs/security.md``): a password hash (never in an event, by
design), the failure counter and lock time, and the full content of a catalogue version that no
dossier was ever received under (the ``catalog.imported`` event names the codes, not the content;
a version used by a receipt is compared with the snapshot the receipt sealed).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from onestop_desktop.domain.events import Event
from onestop_desktop.domain.text import fold
from onestop_desktop.errors import Msg
from onestop_desktop.store import anchors as anchor_rows
from onestop_desktop.store import calendar as calendar_rows
from onestop_desktop.store import events as event_rows
from onestop_desktop.store import settings as setting_rows
from onestop_desktop.store import users as user_rows
from onestop_desktop.store.db import Store

ADMIN_KINDS = [
    "station.initialized",
    "user.added",
    "user.deactivated",
    "user.role_changed",
    "settings.changed",
    "catalog.imported",
    "calendar.day_set",
    "calendar.day_removed",
]
IDENTITY_KEYS = {
    "unit_code": "unit_code",
    "unit_name": "unit_name",
    "station_id": "station",
    "station_public_key": "public_key",
}
"""Settings written by ``onestop init`` → the ``station.initialized`` payload field."""

MAX_LISTED = 200


@dataclass(frozen=True)
class TableProblem:
    """One row that disagrees with the events: the table, the row's key, what is wrong."""

    table: str
    key: str
    message: Msg


def _text(value: Any) -> str:
    return "∅" if value is None else str(value)


def check_tables(store: Store) -> list[TableProblem]:
    """Every disagreement between the rule tables and the admin events (at most 200)."""
    evs = event_rows.of_kinds(store, ADMIN_KINDS)
    problems: list[TableProblem] = []
    problems += _check_users(store, evs)
    problems += _check_settings(store, evs)
    problems += _check_catalog(store, evs)
    problems += _check_calendar(store, evs)
    return problems[:MAX_LISTED]


def _check_users(store: Store, evs: list[Event]) -> list[TableProblem]:
    expected: dict[str, dict[str, Any]] = {}
    for ev in evs:
        name = ev.payload.get("username")
        if ev.kind == "user.added" and isinstance(name, str):
            expected[name] = {
                "full_name": ev.payload.get("full_name"),
                "role": ev.payload.get("role"),
                "active": True,
            }
        elif ev.kind == "user.deactivated" and isinstance(name, str) and name in expected:
            expected[name]["active"] = False
        elif ev.kind == "user.role_changed" and isinstance(name, str) and name in expected:
            expected[name]["role"] = ev.payload.get("new")
    out: list[TableProblem] = []
    rows = {r.username: r for r in user_rows.list_all(store)}
    for name, row in rows.items():
        want = expected.get(name)
        if want is None:
            out.append(
                TableProblem(
                    "users",
                    name,
                    Msg(
                        "tài khoản «{user}» (vai trò {role}) có trong bảng nhưng không có sự kiện "
                        "tạo tài khoản nào",
                        user=name,
                        role=row.role,
                    ),
                )
            )
            continue
        for column, value in (("full_name", row.full_name), ("role", row.role)):
            if value != want[column]:
                out.append(
                    TableProblem(
                        "users",
                        name,
                        Msg(
                            "tài khoản «{user}»: cột {column} đang là «{stored}», theo sự kiện "
                            "là «{expected}»",
                            user=name,
                            column=column,
                            stored=value,
                            expected=_text(want[column]),
                        ),
                    )
                )
        if row.active != want["active"]:
            out.append(
                TableProblem(
                    "users",
                    name,
                    Msg(
                        "tài khoản «{user}» đang hoạt động nhưng theo sự kiện đã bị khóa hẳn",
                        user=name,
                    )
                    if row.active
                    else Msg(
                        "tài khoản «{user}» đang bị khóa hẳn nhưng không có sự kiện khóa",
                        user=name,
                    ),
                )
            )
    for name in sorted(expected.keys() - rows.keys()):
        out.append(
            TableProblem(
                "users",
                name,
                Msg(
                    "tài khoản «{user}» đã được tạo (có sự kiện) nhưng không còn trong bảng",
                    user=name,
                ),
            )
        )
    return out


def _check_settings(store: Store, evs: list[Event]) -> list[TableProblem]:
    from onestop_desktop.services.settings import DEFINITIONS

    out: list[TableProblem] = []
    stored = setting_rows.all_values(store)
    station = stored.get("station_id")
    inits = [ev for ev in evs if ev.kind == "station.initialized"]
    # This station's own initialisation (its number may itself be what was edited: then the
    # only one there is).
    init = [ev for ev in inits if str(ev.payload.get("station")) == station] or inits[:1]
    if stored.get("unit_code") is not None and not init:
        out.append(
            TableProblem(
                "settings",
                "station_id",
                Msg(
                    "thông tin máy trạm (đơn vị {unit}, máy trạm {station}) có trong bảng cài "
                    "đặt nhưng không có sự kiện khởi tạo máy trạm: nhật ký đã bị xóa hoặc thay",
                    unit=_text(stored.get("unit_code")),
                    station=_text(station),
                ),
            )
        )
    if init:
        payload = init[-1].payload
        for key, field in IDENTITY_KEYS.items():
            want = payload.get(field)
            if want is not None and stored.get(key) != str(want):
                out.append(_setting_problem(key, stored.get(key), str(want)))
    folded: dict[str, str | None] = {}
    for ev in evs:
        if ev.kind == "settings.changed":
            changed = ev.payload.get("key")
            new = ev.payload.get("new")
            if isinstance(changed, str):
                folded[changed] = new if isinstance(new, str) else None
    for key in DEFINITIONS:
        if stored.get(key) != folded.get(key):
            out.append(_setting_problem(key, stored.get(key), folded.get(key)))
    return out


def _setting_problem(key: str, stored: str | None, expected: str | None) -> TableProblem:
    return TableProblem(
        "settings",
        key,
        Msg(
            "cài đặt «{key}» đang là «{stored}», theo sự kiện là «{expected}»",
            key=key,
            stored=_text(stored),
            expected=_text(expected),
        ),
    )


def _check_catalog(store: Store, evs: list[Event]) -> list[TableProblem]:
    made_by: dict[str, list[str]] = {}
    for ev in evs:
        if ev.kind != "catalog.imported":
            continue
        for key in ("added", "updated"):
            codes = ev.payload.get(key)
            for code in codes if isinstance(codes, list) else []:
                made_by.setdefault(str(code), []).append(ev.actor)
    out: list[TableProblem] = []
    rows = anchor_rows.procedure_rows(store)
    data_of: dict[tuple[str, int], dict[str, Any]] = {}
    by_code: dict[str, list[int]] = {}
    for code, version, name, field, data_text, search_text, created_by in rows:
        by_code.setdefault(code, []).append(version)
        try:
            data = json.loads(data_text)
        except ValueError:
            data = None
        if not isinstance(data, dict):
            out.append(_proc_problem(code, version, "data", Msg("không đọc được")))
            continue
        data_of[(code, version)] = data
        for column, value in (("name", name), ("field", field), ("version", version)):
            if data.get(column) != value:
                out.append(
                    _proc_problem(code, version, column, Msg("khác nội dung đã lưu của phiên bản"))
                )
        if search_text != fold(f"{code} {name} {field}"):
            out.append(_proc_problem(code, version, "search_text", Msg("khác tên và lĩnh vực")))
        actors = made_by.get(code, [])
        if version > len(actors):
            out.append(
                _proc_problem(
                    code,
                    version,
                    "version",
                    Msg("không có sự kiện nhập danh mục tạo ra phiên bản này"),
                )
            )
        elif actors[version - 1] != created_by:
            out.append(
                _proc_problem(
                    code,
                    version,
                    "created_by",
                    Msg(
                        "là «{stored}», theo sự kiện là «{expected}»",
                        stored=created_by,
                        expected=actors[version - 1],
                    ),
                )
            )
    for code, actors in sorted(made_by.items()):
        have = sorted(by_code.get(code, []))
        if have[: len(actors)] != list(range(1, len(actors) + 1)):
            out.append(
                TableProblem(
                    "procedures",
                    code,
                    Msg(
                        "thủ tục {code}: theo sự kiện có {expected} phiên bản, trong bảng "
                        "có {count}",
                        code=code,
                        expected=len(actors),
                        count=len(have),
                    ),
                )
            )
    for code, version, snap_text in event_rows.procedure_snapshots(store):
        data = data_of.get((code, version))
        try:
            snap = json.loads(snap_text)
        except ValueError:
            continue
        if data is None or not isinstance(snap, dict):
            if (code, version) not in data_of and code in by_code:
                out.append(
                    _proc_problem(
                        code,
                        version,
                        "version",
                        Msg("hồ sơ đã nhận theo phiên bản này nhưng phiên bản không còn"),
                    )
                )
            continue
        for key in ("name", "field", "time_limit", "fee_amount"):
            if key in snap and snap[key] is not None and data.get(key) != snap[key]:
                out.append(
                    _proc_problem(
                        code,
                        version,
                        key,
                        Msg("khác bản chụp trong hồ sơ đã tiếp nhận theo phiên bản này"),
                    )
                )
    return out


def _proc_problem(code: str, version: int, column: str, why: Msg) -> TableProblem:
    return TableProblem(
        "procedures",
        f"{code} v{version}",
        Msg(
            "thủ tục {code} phiên bản {version}: cột {column} {reason}",
            code=code,
            version=version,
            column=column,
            reason=why,
        ),
    )


def _check_calendar(store: Store, evs: list[Event]) -> list[TableProblem]:
    manual: dict[str, tuple[str, str] | None] = {}
    for ev in evs:
        day = ev.payload.get("day")
        if not isinstance(day, str):
            continue
        if ev.kind == "calendar.day_set":
            manual[day] = (str(ev.payload.get("kind")), str(ev.payload.get("note", "")))
        elif ev.kind == "calendar.day_removed":
            manual[day] = None
    rows = {r.day: r for r in calendar_rows.days(store)}
    seeded = calendar_rows.seeded_years(store)
    seeds = _seed_rows(seeded) if seeded else {}
    out: list[TableProblem] = []
    for day, row in sorted(rows.items()):
        if row.source == "manual":
            want = manual.get(day)
            if want is None:
                out.append(
                    _day_problem(day, Msg("là dòng nhập tay nhưng không có sự kiện nào đặt"))
                )
            elif (row.kind, row.note) != want:
                out.append(_day_problem(day, Msg("khác sự kiện đặt ngày này gần nhất")))
            continue
        seed = seeds.get(day)
        if seed is None or seed != (row.kind, row.note, row.source):
            out.append(_day_problem(day, Msg("không khớp lịch gốc (ngày lễ, văn bản chính thức)")))
    for day in sorted(seeds):
        if day not in rows and day not in manual:
            out.append(
                _day_problem(day, Msg("thiếu dòng của lịch gốc (ngày lễ, văn bản chính thức)"))
            )
    for day, want in sorted(manual.items()):
        if want is not None and (day not in rows or rows[day].source != "manual"):
            out.append(
                _day_problem(day, Msg("đã được đặt (có sự kiện) nhưng không còn trong bảng"))
            )
    return out


def _seed_rows(years: set[int]) -> dict[str, tuple[str, str, str]]:
    """What seeding wrote for each seeded year: ``day → (kind, note, source)``."""
    from onestop_desktop.domain.calendar import seed_year
    from onestop_desktop.services.calendar import official_days

    swaps = official_days()
    out: dict[str, tuple[str, str, str]] = {}
    for year in sorted(years):
        for entry in seed_year(year, swaps=swaps):
            out[entry.date.isoformat()] = (entry.kind, entry.note, entry.source)
    return out


def _day_problem(day: str, why: Msg) -> TableProblem:
    try:
        shown = date.fromisoformat(day).strftime("%d/%m/%Y")
    except ValueError:
        shown = day
    return TableProblem("calendar_days", day, Msg("ngày {day}: {reason}", day=shown, reason=why))
