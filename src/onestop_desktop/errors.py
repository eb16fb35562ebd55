"""The errors a clerk or operator may see.

Two kinds, as in qutebrowser's ``misc/sql.py``: a :class:`OneStopError` is an expected fault of
the input or the environment (bad ID number, wrong password, read-only folder, corrupt file).
Anything else is a bug and goes to the crash report.

An error carries a **message template** and its **arguments**, never a finished sentence::

    raise NotFound("Không tìm thấy hồ sơ «{key}»", key=key)

The template is Vietnamese with ``{name}`` placeholders (``str.format`` syntax, names only). The
CLI prints :attr:`OneStopError.message`, the template filled in; the GUI looks the *template* up in
the Qt catalogue (context ``OneStopError``) and fills in the translation, so a message is
translated without any pattern matching over rendered text. A template must be a string literal
at the raise site (``tests/unit/test_error_catalogue.py`` finds every one and checks that it has
an English translation with the same placeholders).

A part of a message that is itself words (a reason, a role, a status) is passed as a :class:`Msg`,
which is translated the same way, recursively::

    raise StorageError("Không ghi được tệp {path}: {reason}", path=p, reason=Msg("ổ đĩa đã đầy"))
"""

from __future__ import annotations

import string
from collections.abc import Callable, Mapping
from typing import Any

#: The Qt translation context of every error template and :class:`Msg` (see ``ui/i18n.py``).
CONTEXT = "OneStopError"

_FORMATTER = string.Formatter()


def placeholders(template: str) -> set[str]:
    """The ``{name}`` fields of ``template`` (raises ``ValueError`` on a malformed one)."""
    return {name for _, name, _, _ in _FORMATTER.parse(template) if name is not None}


class Msg:
    """A translatable piece of text: a template and its arguments (no Qt here).

    ``str(msg)`` is the Vietnamese text; ``msg.render(translate)`` is the text in the language
    of ``translate`` (a function from a template to its translation), arguments included.
    """

    __slots__ = ("args", "template")

    def __init__(self, template: str, /, **args: object) -> None:
        self.template = template
        self.args: dict[str, object] = args

    def render(self, translate: Callable[[str], str] | None = None) -> str:
        """The text, each template (this one and any :class:`Msg` argument) translated."""
        return render(self.template, self.args, translate)

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"Msg({self.template!r}, **{self.args!r})"

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Msg) and other.template == self.template and other.args == self.args
        )

    def __hash__(self) -> int:
        return hash(self.template)


def render(
    template: str, args: Mapping[str, object], translate: Callable[[str], str] | None = None
) -> str:
    """Fill ``template`` with ``args``; with ``translate``, the template and any :class:`Msg`
    argument are translated first. A translation whose placeholders do not match falls back to
    the Vietnamese template, so a bad catalogue entry never hides the message."""
    values: dict[str, Any] = {
        k: (v.render(translate) if isinstance(v, Msg) else v) for k, v in args.items()
    }
    text = translate(template) if translate is not None else template
    if not values:
        return text  # no placeholders to fill: braces in the text are literal
    try:
        return text.format_map(values)
    except (KeyError, IndexError, ValueError, AttributeError):
        try:
            return template.format_map(values)
        except (KeyError, IndexError, ValueError, AttributeError):
            return template


class OneStopError(Exception):
    """An expected fault with a message a clerk can act on (Vietnamese, diacritics, one line)."""

    exit_code: int = 1

    def __init__(self, template: str, /, *, detail: str = "", **args: object) -> None:
        self.template = template
        self.params: dict[str, object] = args
        self.detail = detail
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The Vietnamese text (the template filled in): what the CLI prints."""
        return render(self.template, self.params)

    def render(self, translate: Callable[[str], str] | None = None) -> str:
        """The message in the language of ``translate`` (the GUI passes Qt's translator)."""
        return render(self.template, self.params, translate)

    def as_msg(self) -> Msg:
        """This error's message as a :class:`Msg`, to nest it in another message."""
        return Msg(self.template, **self.params)

    def __str__(self) -> str:
        return self.message if not self.detail else f"{self.message} ({self.detail})"


class ValidationError(OneStopError):
    """Input that breaks a rule: the message says which field and why."""

    exit_code = 2

    def __init__(
        self, template: str, /, *, field: str = "", detail: str = "", **args: object
    ) -> None:
        super().__init__(template, detail=detail, **args)
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
