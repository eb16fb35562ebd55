"""Typed event payloads: one class per kind, strict reading, versions, the hash format kept."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from onestop_desktop.domain import payloads as pl
from onestop_desktop.domain import projection as proj
from onestop_desktop.domain.events import Event, canonical
from onestop_desktop.domain.status import ACTIONS

FIXTURES = sorted((Path(__file__).parent.parent / "fixtures" / "schema").glob("v*.db"))

RECEIVED: dict[str, Any] = {
    "code": "000.00.12.H29-260302-1001",
    "unit_code": "000.00.12.H29",
    "procedure": {
        "code": "1.004873",
        "version": 1,
        "name": "Cấp bản sao trích lục hộ tịch",
        "field": "Hộ tịch",
        "time_limit": {"value": 3, "unit": "working_days"},
        "fee_amount": 8000,
    },
    "channel": "in_person",
    "sets_count": 1,
    "applicant": {
        "name": "Nguyễn Thị Lan",
        "id_number": "001190012345",
        "birth_date": "1990-05-17",
        "phone": "0912345678",
        "address": None,
        "email": None,
    },
    "received_at": "2026-03-02T08:00:00+07:00",
    "due_at": "2026-03-05T08:00:00+07:00",
    "documents": [{"name": "Tờ khai", "form": "original", "count": 1, "provided": True}],
    "note": None,
}


NEW_IN_V2 = ("submitter", "paper", "entered_at")


def test_every_action_and_admin_kind_has_a_class() -> None:
    assert set(ACTIONS) <= set(pl.KINDS)
    for kind in ("imported", "user.added", "settings.changed", "calendar.day_set"):
        assert kind in pl.KINDS
    assert {"received", "registered_online", "imported"} == pl.CREATING_KINDS


def test_an_old_payload_without_v_reads_as_version_1_and_writes_v() -> None:
    p = pl.parse("received", RECEIVED)
    assert isinstance(p, pl.Received) and p.v == 1
    assert p.applicant.name == "Nguyễn Thị Lan" and p.documents[0].name == "Tờ khai"
    written = p.to_dict()
    # Written again it is version 2 (#9 added the optional submitter and paper fields), with
    # their defaults; the old fields are unchanged and it reads back equal.
    assert written["v"] == 2 == pl.Received.VERSION
    assert {k: v for k, v in written.items() if k not in ("v", *NEW_IN_V2)} == RECEIVED
    assert {k: written[k] for k in NEW_IN_V2} == {
        "submitter": None,
        "paper": False,
        "entered_at": None,
    }
    assert pl.parse("received", written) == dataclasses.replace(p, v=2)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d.pop("code"), "code"),
        (lambda d: d.update(sets_count="1"), "sets_count"),
        (lambda d: d["applicant"].pop("name"), "applicant.name"),
        (lambda d: d["documents"][0].update(form="photo"), "documents[0].form"),
        (lambda d: d.update(due_at="05/03/2026"), "due_at"),
        (lambda d: d.update(colour="red"), "colour"),
        (lambda d: d.update(v=3), "v"),
        (lambda d: d.update(paper="yes"), "paper"),
        (lambda d: d.update(entered_at="hôm qua"), "entered_at"),
        (lambda d: d.update(channel="fax"), "channel"),
    ],
)
def test_a_payload_that_does_not_fit_names_the_event_and_field(change: Any, field: str) -> None:
    import copy

    data = copy.deepcopy(RECEIVED)
    change(data)
    with pytest.raises(pl.InvalidPayload) as err:
        pl.parse("received", data, station=2, seq=41)
    assert err.value.field == field
    assert (err.value.station, err.value.seq, err.value.kind) == (2, 41, "received")
    assert "Sự kiện số 41 của máy trạm 2" in err.value.message
    assert f"«{field}»" in err.value.message


def test_an_unknown_kind_is_refused() -> None:
    with pytest.raises(pl.InvalidPayload) as err:
        pl.parse("dossier.teleported", {}, station=1, seq=3)
    assert err.value.field == "kind" and "dossier.teleported" in err.value.message


def test_the_fold_refuses_a_bad_event_instead_of_defaulting() -> None:
    created = proj.apply(
        None, Event(1, 1, "d1", "received", "user:a", RECEIVED["received_at"], RECEIVED)
    )
    bad = Event(1, 2, "d1", "handed_over", "user:a", "2026-03-02T09:00:00+07:00", {"note": "x"})
    with pytest.raises(pl.InvalidPayload) as err:
        proj.apply(created, bad)
    assert err.value.field == "to"


def test_the_stored_json_is_the_canonical_payload_dict() -> None:
    p = pl.HandedOver(to="chuyenvien", to_name="Phạm Minh Đức")
    assert canonical(p.to_dict()) == (
        '{"note":null,"to":"chuyenvien","to_name":"Phạm Minh Đức","v":1}'
    )


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
def test_every_event_of_a_released_database_reads(fixture: Path) -> None:
    import json

    con = sqlite3.connect(fixture)
    try:
        rows = con.execute("SELECT station_id, seq, kind, payload FROM events").fetchall()
    finally:
        con.close()
    assert rows
    for station, seq, kind, payload in rows:
        stored = json.loads(payload)
        # An event reads as the version it was written in (no "v": version 1); the receipt
        # became version 2 with #9's paper fallback and submitter.
        assert pl.parse(kind, stored, station=station, seq=seq).v == stored.get("v", 1)
