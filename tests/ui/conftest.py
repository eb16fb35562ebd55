"""Fixtures for the GUI tests: a demo station with a few hundred dossiers, a store, a session.

The demo data folder is made once per test session (``demo.fill`` takes about a second) and
copied for each test that uses it, so a test may sign in wrongly, lock accounts or add
dossiers without affecting the others.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from onestop_desktop.domain.roles import Role
from onestop_desktop.paths import DataDir
from onestop_desktop.services import demo
from onestop_desktop.services.context import Actor, Session, Station
from onestop_desktop.store.db import Store
from onestop_desktop.ui import i18n

DEMO_DOSSIERS = 300
CLERK = ("tiepnhan", "Nguyễn Thị Lan")
UI_TESTS = Path(__file__).resolve().parent

# The offscreen platform plugin (headless runs) lacks one optional window call and warns each
# time a dialog's or main window's layout sets its minimum size; xcb, Windows and macOS have
# it. Harmless, and only for these GUI tests, so ignored here rather than in pyproject.
OFFSCREEN_SIZE_HINTS = r"^This plugin does not support propagateSizeHints\(\)$"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if Path(str(item.path)).resolve().is_relative_to(UI_TESTS):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS))


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo data folder made once; tests get copies (``demo_data``), never this one."""
    root = tmp_path_factory.mktemp("demo-template") / "data"
    demo.fill(DataDir(root), DEMO_DOSSIERS)
    return root


@pytest.fixture
def demo_data(demo_template: Path, tmp_path: Path) -> DataDir:
    """A fresh copy of the demo data folder (the store was closed, so the copy is whole)."""
    target = tmp_path / "data"
    shutil.copytree(demo_template, target)
    return DataDir(target)


@pytest.fixture
def store(demo_data: DataDir) -> Iterator[Store]:
    """The demo station's database, open for the test and closed after it."""
    opened = Store.open(demo_data.database)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def session(store: Store) -> Session:
    """The clerk ``tiepnhan``'s session, made directly (sign-in has its own tests)."""
    username, full_name = CLERK
    return Session(store, Station.load(store), Actor(username, full_name, Role.CLERK))


@pytest.fixture(autouse=True)
def _vietnamese(qapp: QApplication) -> Iterator[None]:
    """Every GUI test starts, and ends, in Vietnamese (the shared QApplication)."""
    i18n.install("vi")
    yield
    i18n.install("vi")


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    """Switch the GUI to English for the test (back to Vietnamese afterwards)."""
    assert i18n.install("en") == "en"
    yield
