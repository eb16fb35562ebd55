"""The package list for setuptools (everything else is in pyproject.toml).

Every package under ``src/`` is found, never listed by hand (a hand-written list once left
``ui/models`` out of the wheel, so a non-editable install had no GUI), plus the top-level
``resources/`` folder, which pyproject.toml maps to ``onestop_desktop.resources``. This file
exists because pyproject's declarative ``packages.find`` cannot add a package that lives
outside its ``where`` folders. ``tests/e2e/test_wheel.py`` builds the wheel and checks it.
"""

from setuptools import find_packages, setup

setup(
    packages=[
        *find_packages("src", include=["onestop_desktop", "onestop_desktop.*"]),
        "onestop_desktop.resources",
    ]
)
