"""Property: whatever clerk actions happen, in whatever order (allowed or refused), the dossier
table always equals the fold of the event log, the hash chain holds, and a refused action leaves
no trace."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from onestop_desktop.domain import clock
from onestop_desktop.errors import OneStopError
from onestop_desktop.paths import DataDir
from onestop_desktop.services import catalog, dossiers, integrity, search, station, users
from onestop_desktop.services.dossiers import Applicant, Intake
from onestop_desktop.store import events

PEOPLE = [
    Applicant("Nguyễn Văn Đức", "001090000001", date(1990, 1, 1), "0912345678"),
    Applicant("Trần Thị Đào", "001190000003", date(1990, 2, 1)),
    Applicant("Lê Minh", None, date(1985, 3, 3)),
]
PROCEDURES = ["1.004873", "2.000815", "1.001193"]
ACTIONS = [
    ("handed_over", {"to": "chuyenvien"}),
    ("supplement_requested", {"reason": "Thiếu giấy tờ", "documents": ["Tờ khai"]}),
    ("supplement_received", {}),
    ("financial_requested", {"amount": 50000}),
    ("financial_done", {}),
    ("result_ready", {}),
    ("returned", {"collected_by": "Người nhận"}),
    ("withdrawn", {"reason": "Xin rút"}),
    ("stopped", {"reason": "Tranh chấp"}),
    ("refused", {"reason": "Sai thẩm quyền"}),
    ("rescheduled", {"new_due_at": "2027-01-01T17:00:00+07:00", "reason": "Xác minh"}),
]

step = st.one_of(
    st.tuples(
        st.just("receive"),
        st.sampled_from(range(len(PEOPLE))),
        st.sampled_from(PROCEDURES),
        st.booleans(),
    ),
    st.tuples(
        st.just("act"),
        st.integers(0, 20),
        st.sampled_from(range(len(ACTIONS))),
        st.sampled_from(["tiepnhan", "chuyenvien", "lanhdao", "quantri"]),
    ),
    st.tuples(st.just("wait"), st.integers(1, 60 * 24 * 3)),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=st.lists(step, min_size=1, max_size=25))
def test_projection_always_equals_the_fold_of_events(tmp_path_factory, steps) -> None:  # type: ignore[no-untyped-def]
    data = DataDir(Path(tmp_path_factory.mktemp("prop")) / "station")
    now = [datetime(2026, 3, 2, 8, 0, tzinfo=clock.VN_TZ)]
    ctx = station.init_data_dir(
        data,
        unit_code="000.00.12.H29",
        unit_name="UBND xã Thử",
        station=1,
        admin="admin",
        password="admin-pass-1",
    )
    ctx.store.now = lambda: now[0]  # type: ignore[method-assign]
    catalog.ensure_starter(ctx)
    for name, role in (
        ("tiepnhan", "clerk"),
        ("chuyenvien", "officer"),
        ("lanhdao", "leader"),
        ("quantri", "admin"),
    ):
        users.add_user(ctx, name, role, name.title(), "password-123")
    sessions = {
        n: users.sign_in(ctx.store, n, "password-123")
        for n in ("tiepnhan", "chuyenvien", "lanhdao", "quantri")
    }
    codes: list[str] = []
    for s in steps:
        before = events.head(ctx.store, 1)
        try:
            if s[0] == "receive":
                _, person, proc, ack = s
                d = dossiers.receive(
                    sessions["tiepnhan"], Intake(proc, PEOPLE[person], acknowledge_duplicates=ack)
                )
                codes.append(d.code)
            elif s[0] == "act" and codes:
                _, index, action, who = s
                kind, payload = ACTIONS[action]
                dossiers.act(sessions[who], codes[index % len(codes)], kind, dict(payload))
            elif s[0] == "wait":
                now[0] += timedelta(minutes=s[1])
        except OneStopError:
            assert events.head(ctx.store, 1) == before  # refused: nothing written
    checked, broken = events.verify(ctx.store)
    assert broken is None
    n_dossier_events = ctx.store.query(
        "SELECT count(*) AS n FROM events WHERE dossier_id IS NOT NULL"
    )[0]["n"]
    assert checked >= n_dossier_events >= len(codes)  # every intake (and action) is an event
    assert search.count_all(ctx) == len(codes)
    assert integrity.rebuild(ctx, write=False).clean
    ctx.store.close()
