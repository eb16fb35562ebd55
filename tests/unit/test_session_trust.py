"""Item 3 of #7: the lockout holds under parallel guesses, and a session outlives neither its
account's deactivation nor a change of its role."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from onestop_desktop import paths
from onestop_desktop.errors import AuthError
from onestop_desktop.services import users
from onestop_desktop.services.station import init_data_dir
from onestop_desktop.store import users as user_rows
from onestop_desktop.store.db import Store

PASSWORD = "matkhau-2025"


@pytest.fixture
def station(tmp_path: Path) -> paths.DataDir:
    data = paths.DataDir(tmp_path / "data")
    ctx = init_data_dir(
        data,
        unit_code="000.00.12.H29",
        unit_name="UBND xã Hòa Bình",
        station=1,
        admin="quantri",
        password=PASSWORD,
        catalog="none",
    )
    users.add_user(ctx, "canbo1", "clerk", "Nguyễn Văn A", PASSWORD)
    ctx.store.close()
    return data


def test_forty_parallel_wrong_guesses_lock_the_account(station: paths.DataDir) -> None:
    barrier = threading.Barrier(40)
    answers: list[str] = []
    lock = threading.Lock()

    def guess(n: int) -> None:
        store = Store.open(station.database, integrity="none")
        try:
            barrier.wait()
            try:
                users.sign_in(store, "canbo1", f"sai-mat-khau-{n}")
            except AuthError as exc:
                with lock:
                    answers.append(exc.message)
        finally:
            store.close()

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(40)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(answers) == 40  # every guess refused, none crashed on "database is locked"
    store = Store.open(station.database, integrity="none")
    try:
        row = user_rows.get(store, "canbo1")
        assert row is not None and row.locked_until is not None
        assert users.get_user(store, "canbo1").locked
        with pytest.raises(AuthError, match="bị khóa"):
            users.sign_in(store, "canbo1", PASSWORD)  # even the right password now
    finally:
        store.close()


def test_deactivated_account_session_refused_at_next_action(station: paths.DataDir) -> None:
    store = Store.open(station.database, integrity="none")
    try:
        clerk = users.sign_in(store, "canbo1", PASSWORD)
        clerk.require("dossiers.view")  # works while active
        admin = users.sign_in(store, "quantri", PASSWORD)
        users.deactivate(admin, "canbo1")
        with pytest.raises(AuthError, match="vô hiệu hóa"):
            clerk.require("dossiers.view")
    finally:
        store.close()


def test_changed_role_session_refused_until_signed_in_again(station: paths.DataDir) -> None:
    store = Store.open(station.database, integrity="none")
    try:
        admin_session = users.sign_in(store, "quantri", PASSWORD)
        users.add_user(admin_session, "quantri2", "admin", "Trần Thị B", PASSWORD)
        second = users.sign_in(store, "quantri2", PASSWORD)
        second.require("users.manage")
        with store.atomic():
            user_rows.update_fields(store, "quantri2", "2026-12-01T00:00:00+07:00", role="clerk")
        with pytest.raises(AuthError, match="Vai trò"):
            second.require("dossiers.view")
        again = users.sign_in(store, "quantri2", PASSWORD)
        again.require("dossiers.view")
        assert not again.may("users.manage")
    finally:
        store.close()
