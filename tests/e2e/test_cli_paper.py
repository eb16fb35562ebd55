"""``onestop dossier receive --paper --received-at``: a dossier written on paper during an
outage, entered afterwards (#9, paper fallback), in real child processes."""

from __future__ import annotations

import re
from pathlib import Path

from tests.e2e.conftest import UNIT_CODE, ok, parse_json
from tests.e2e.test_cli_dossier import (  # noqa: F401  (fixtures)
    BINH,
    LAN,
    receive,
    refused_with,
    station,
    station_template,
)


def test_a_paper_dossier_is_entered_with_its_real_time(station: Path) -> None:  # noqa: F811
    ok(receive(station, "2026-03-02T09:00", "1.001193", *BINH))  # Monday's first dossier
    out = ok(
        receive(
            station,
            "2026-03-04T10:30",  # Wednesday, the power is back
            "1.004873",
            *LAN,
            paper=True,
            received_at="02/03/2026 14:20",
            submitter_name="Trần Văn Bình",
            submitter_id_number="001090012345",
        )
    ).stdout
    code = f"{UNIT_CODE}-260302-1002"  # Monday's next number
    assert f"Đã nhập hồ sơ tiếp nhận trên giấy {code} (tiếp nhận lúc 02/03/2026 14:20)" in out
    assert "Ngày hẹn trả: 05/03/2026 14:20" in out
    shown = ok(receive(station, "2026-03-04T10:31", "1.001193", *LAN, json=True))
    assert parse_json(shown)["code"].endswith("260304-1001")
    from tests.e2e.test_cli_dossier import history, onestop, show

    detail = show(station, code)
    assert detail["paper"] is True
    assert detail["paper_entered_at"] == "2026-03-04T10:30:00+07:00"
    assert detail["received_at"] == "2026-03-02T14:20:00+07:00"
    assert detail["submitter"]["name"] == "Trần Văn Bình"
    (event,) = history(station, code)
    assert event["at"] == "2026-03-04T10:30:00+07:00"
    text = ok(onestop(station, "dossier", "show", code)).stdout
    assert "tiếp nhận trên giấy, nhập vào máy lúc 04/03/2026 10:30" in text
    assert re.search(r"^Người nộp +Trần Văn Bình \(001090012345\)$", text, re.MULTILINE)


def test_paper_entry_outside_the_window_or_half_given_is_refused(station: Path) -> None:  # noqa: F811
    late = receive(
        station, "2026-03-06T16:00", "1.001193", *LAN, paper=True, received_at="02/03/2026 08:30"
    )
    refused_with(late, 2, "đã quá 3 ngày làm việc", "02/03/2026")
    alone = receive(station, "2026-03-06T16:00", "1.001193", *LAN, paper=True)
    refused_with(alone, 2, "--paper và --received-at")
    online = receive(
        station,
        "2026-03-06T16:00",
        "1.001193",
        *LAN,
        paper=True,
        online=True,
        received_at="05/03/2026 08:30",
    )
    refused_with(online, 2, "trực tuyến")
