"""The admin screens (Quản trị menu, Ctrl+Alt+1 … Ctrl+Alt+6), one module per screen.

:func:`make_screen` builds one by its screen id; the main window creates each on first use (so
signing in does not pay for screens a clerk never opens) and only for a session that may open
it (:data:`~onestop_desktop.ui.admin.common.SCREEN_PERMISSIONS`).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from onestop_desktop.errors import PermissionDenied
from onestop_desktop.services.context import Session
from onestop_desktop.ui.admin.common import MENU_PERMISSION, SCREEN_PERMISSIONS

__all__ = ["MENU_PERMISSION", "SCREEN_IDS", "SCREEN_PERMISSIONS", "make_screen", "may_open"]

SCREEN_IDS = tuple(SCREEN_PERMISSIONS)


def may_open(session: Session, screen_id: str) -> bool:
    """Whether ``session`` may open the admin screen ``screen_id`` (the services' own rule)."""
    return session.may(SCREEN_PERMISSIONS[screen_id])


def make_screen(session: Session, screen_id: str) -> QWidget:
    """A new admin screen; :class:`PermissionDenied` (the service's words) if not allowed."""
    session.require(SCREEN_PERMISSIONS[screen_id])
    if screen_id == "admin_users":
        from onestop_desktop.ui.admin.users import UsersScreen

        return UsersScreen(session)
    if screen_id == "admin_catalog":
        from onestop_desktop.ui.admin.catalog import CatalogScreen

        return CatalogScreen(session)
    if screen_id == "admin_calendar":
        from onestop_desktop.ui.admin.calendar import CalendarScreen

        return CalendarScreen(session)
    if screen_id == "admin_settings":
        from onestop_desktop.ui.admin.settings import SettingsScreen

        return SettingsScreen(session)
    if screen_id == "admin_backup":
        from onestop_desktop.ui.admin.backup import BackupScreen

        return BackupScreen(session)
    if screen_id == "admin_audit":
        from onestop_desktop.ui.admin.audit import AuditScreen

        return AuditScreen(session)
    raise PermissionDenied("Không có màn hình quản trị «{screen}»", screen=screen_id)
