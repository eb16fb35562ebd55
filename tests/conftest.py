"""Root test configuration shared by tests/unit, tests/ui and tests/e2e.

- Qt runs headless: ``QT_QPA_PLATFORM=offscreen`` is set before anything imports Qt.
- No test touches a real data folder: ``ONESTOP_DATA_DIR`` and the XDG folders (where
  QSettings, QStandardPaths and platformdirs look) point into a per-test temporary folder.
- Tests under tests/ui, and any test using ``qtbot``/``qapp``, are marked ``gui``;
  tests under tests/e2e are marked ``e2e``. ``pytest -m "not gui"`` runs without a
  QApplication.

This module must not import Qt itself: unit tests stay Qt-free.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Like os.environ.setdefault, but an empty value counts as unset (Qt would try xcb and abort).
# Set QT_QPA_PLATFORM=xcb to watch the tests on a real display.
if not os.environ.get("QT_QPA_PLATFORM"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"


TESTS_DIR = Path(__file__).resolve().parent
UI_DIR = TESTS_DIR / "ui"
E2E_DIR = TESTS_DIR / "e2e"

#: Environment variables that could make a test read or write a real user folder.
_XDG_VARS = ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")


@pytest.fixture(autouse=True)
def _isolated_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point ONESTOP_DATA_DIR (and the XDG folders) at fresh temporary folders.

    The data folder exists and is empty. It lives outside ``tmp_path``, so a test's own
    ``tmp_path`` stays empty. Use the ``data_dir`` fixture to get its path.
    """
    root = tmp_path_factory.mktemp("onestop-env")
    data_dir = root / "data"
    data_dir.mkdir()
    monkeypatch.setenv("ONESTOP_DATA_DIR", str(data_dir))
    for var in _XDG_VARS:
        folder = root / var.lower()
        folder.mkdir()
        monkeypatch.setenv(var, str(folder))
    return data_dir


@pytest.fixture
def data_dir(_isolated_data_dir: Path) -> Path:
    """The empty data folder that ONESTOP_DATA_DIR points at for this test."""
    return _isolated_data_dir


def _is_under(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder)
    except ValueError:
        return False
    return True


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark tests by folder and by the Qt fixtures they use."""
    for item in items:
        path = Path(str(item.path))
        fixtures = getattr(item, "fixturenames", ())
        if _is_under(path, UI_DIR) or "qtbot" in fixtures or "qapp" in fixtures:
            item.add_marker(pytest.mark.gui)
        if _is_under(path, E2E_DIR):
            item.add_marker(pytest.mark.e2e)
