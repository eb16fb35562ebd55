"""The GUI: PySide6 widgets and item models over the services (Qt stays in this package).

PySide6 is pinned below 6.12: 6.12.0 drops one reference to ``None`` on every C++ call that
returns ``void``, which aborts Python < 3.12 within seconds ("none_dealloc").
``tests/ui/test_mainwindow.py::test_qt_calls_keep_none_references`` fails on such a version.
"""
