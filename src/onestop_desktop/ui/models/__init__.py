"""Qt item models over the services' immutable rows (never database rows)."""

from onestop_desktop.ui.models.worklist import WorklistModel

__all__ = ["WorklistModel"]
