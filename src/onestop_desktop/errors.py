"""The errors a clerk or operator may see.

Two kinds, as in qutebrowser's ``misc/sql.py``: a :class:`OneStopError` is an expected fault of
the input or the environment (bad ID number, wrong password, read-only folder, corrupt file). It
carries a plain Vietnamese message, shown as is by the CLI and translated by the GUI (the message
is the source text of the Qt translation). Anything else is a bug and goes to the crash report.
"""

from __future__ import annotations


class OneStopError(Exception):
    """An expected fault with a message a clerk can act on (Vietnamese, diacritics, one line)."""

    exit_code: int = 1

    def __init__(self, message: str, *, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail

    def __str__(self) -> str:
        return self.message if not self.detail else f"{self.message} ({self.detail})"


class ValidationError(OneStopError):
    """Input that breaks a rule: the message says which field and why."""

    exit_code = 2

    def __init__(self, message: str, *, field: str = "", detail: str = "") -> None:
        super().__init__(message, detail=detail)
        self.field = field


class PermissionDenied(OneStopError):
    """The signed-in user's role may not do this."""

    exit_code = 3


class AuthError(OneStopError):
    """Wrong user name or password, locked or deactivated account."""

    exit_code = 3


class NotFound(OneStopError):
    """A dossier, user, procedure or file that does not exist."""

    exit_code = 4


class Conflict(OneStopError):
    """The action is not allowed in the current state (e.g. a status transition)."""

    exit_code = 5


class StorageError(OneStopError):
    """The data folder or database cannot be used: read-only, full disk, corrupt, too new."""

    exit_code = 6
