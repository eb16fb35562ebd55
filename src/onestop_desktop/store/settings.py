"""The ``settings`` table: key → text. Only this module (and ``Store.setting``) touches it.

Values are stored as text; what a value *means* (its type, default, allowed values) is defined
once in ``services/settings.py``, which is the only reader of business settings.
"""

from __future__ import annotations

from onestop_desktop.store.db import Store


def get(store: Store, key: str) -> str | None:
    """The stored text of ``key``, or ``None`` when it was never set."""
    return store.setting(key)


def put(store: Store, key: str, value: str) -> None:
    """Store ``value`` under ``key`` (insert or replace)."""
    store.set_setting(key, value)


def delete(store: Store, key: str) -> None:
    """Forget ``key``: its default applies again."""
    store.db.execute("DELETE FROM settings WHERE key = ?", [key])


def all_values(store: Store) -> dict[str, str]:
    """Every stored key and value (for the self-check and diagnostics)."""
    return {str(k): str(v) for k, v in store.db.execute("SELECT key, value FROM settings")}


def durability(store: Store) -> tuple[str, int]:
    """The connection's own settings the self-check reports: ``(journal_mode, synchronous)``
    (``"wal"`` and ``2`` = FULL on a healthy station)."""
    mode = store.db.execute("PRAGMA journal_mode").fetchone()[0]
    sync = store.db.execute("PRAGMA synchronous").fetchone()[0]
    return str(mode).lower(), int(sync)
