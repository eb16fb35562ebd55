"""Fixtures for Qt-free unit tests: an initialised station with a controllable clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from onestop_desktop.domain import clock
from onestop_desktop.paths import DataDir
from onestop_desktop.services import catalog, station
from onestop_desktop.services.context import Session


class FakeClock:
    """A clock the test moves by hand (the store's ``now`` is the only clock services read)."""

    def __init__(self, start: datetime) -> None:
        self.moment = start

    def __call__(self) -> datetime:
        return self.moment

    def set(self, text: str) -> None:
        self.moment = datetime.fromisoformat(text).replace(tzinfo=clock.VN_TZ)


@pytest.fixture(autouse=True)
def _fast_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cheap argon2id parameters: the hashes still verify, the suite runs in seconds."""
    from argon2 import PasswordHasher

    from onestop_desktop.services import users

    monkeypatch.setattr(users, "_HASHER", PasswordHasher(time_cost=1, memory_cost=1024))


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock(datetime(2026, 3, 2, 8, 0, tzinfo=clock.VN_TZ))  # a Monday


@pytest.fixture
def ctx(tmp_path: Path, fake_clock: FakeClock) -> Iterator[Session]:
    """The operator's session on a fresh station 1 of 000.00.12.H29 with the starter catalogue."""
    data = DataDir(tmp_path / "station")
    session = station.init_data_dir(
        data,
        unit_code="000.00.12.H29",
        unit_name="UBND xã Hòa Bình",
        station=1,
        admin="admin",
        password="admin-pass-1",
    )
    session.store.now = fake_clock  # type: ignore[method-assign]
    catalog.ensure_starter(session)
    yield session
    session.store.close()
