"""argparse in Vietnamese: the messages argparse itself writes ("usage:", "options", "the
following arguments are required", "invalid choice"…) translated through its own gettext hook.

argparse looks its texts up at message time through the module-level names ``_`` and
``ngettext`` (``from gettext import gettext as _, ngettext`` on Python 3.10–3.13); it also
formats "argument X: …" in ``ArgumentError.__str__`` (without the lookup on 3.10). Installing a
``.mo`` catalogue would change the process's gettext domain for every library; instead
:func:`vietnamese` points those names at :data:`MESSAGES` for the duration of one call, and
:class:`VietnameseArgumentParser` wraps every method that writes or builds text in it (building the
parser, parsing, help, usage, errors). Sub-parsers inherit the class. The CLI is single-threaded,
so the swap, always undone, is not seen by other code. ``tests/e2e/test_cli_help.py`` checks that
every message of the running Python's argparse is in the table.

Only the standard library is imported: the table can be checked on every supported Python.
"""

from __future__ import annotations

import argparse
import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

#: argparse's messages (every ``_()``/``ngettext()`` literal of Python 3.10–3.13) in Vietnamese.
#: The ``%`` placeholders are argparse's own and must stay as they are.
MESSAGES: dict[str, str] = {
    # What a person sees in help and usage.
    "usage: ": "cách dùng: ",
    "positional arguments": "đối số",
    "options": "tùy chọn",
    "subcommands": "lệnh",
    "%(heading)s:": "%(heading)s:",
    " (default: %(default)s)": " (mặc định: %(default)s)",
    "show this help message and exit": "hiện hướng dẫn này rồi thoát",
    "show program's version number and exit": "hiện số phiên bản rồi thoát",
    # Errors in what was typed.
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "%(prog)s: warning: %(message)s\n": "%(prog)s: cảnh báo: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "đối số %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "thiếu đối số bắt buộc: %s",
    "one of the arguments %s is required": "cần một trong các đối số %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "lựa chọn không hợp lệ: %(value)r (chọn một trong: %(choices)s)"
    ),
    "unrecognized arguments: %s": "không hiểu đối số: %s",
    "expected one argument": "cần một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "expected %s argument": "cần %s giá trị",
    "expected %s arguments": "cần %s giá trị",
    "invalid %(type)s value: %(value)r": "giá trị không hợp lệ (cần %(type)s): %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": (
        "tùy chọn không rõ: %(option)s có thể là %(matches)s"
    ),
    "not allowed with argument %s": "không dùng cùng được với đối số %s",
    "ignored explicit argument %r": "tùy chọn này không nhận giá trị %r",
    "unexpected option string: %s": "tùy chọn không đúng chỗ: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "không có lệnh %(parser_name)r (các lệnh: %(choices)s)"
    ),
    "can't open '%(filename)s': %(error)s": "không mở được «%(filename)s»: %(error)s",
    "argument '%(argument_name)s' is deprecated": "đối số «%(argument_name)s» không còn dùng",
    "command '%(parser_name)s' is deprecated": "lệnh «%(parser_name)s» không còn dùng",
    "option '%(option)s' is deprecated": "tùy chọn «%(option)s» không còn dùng",
    # Mistakes in a parser's definition (seen by a developer, translated all the same).
    "'required' is an invalid argument for positionals": ("đối số vị trí không nhận «required»"),
    "%r is not callable": "%r không gọi được",
    ".__call__() not defined": "chưa định nghĩa .__call__()",
    'argument "-" with mode %r': "đối số «-» với chế độ %r",
    "cannot have multiple subparser arguments": "chỉ được có một nhóm lệnh con",
    "cannot merge actions - two groups are named %r": "không gộp được: hai nhóm cùng tên %r",
    "conflicting option string: %s": "tùy chọn bị trùng: %s",
    "conflicting option strings: %s": "các tùy chọn bị trùng: %s",
    "conflicting subparser: %s": "lệnh con bị trùng: %s",
    "conflicting subparser alias: %s": "tên khác của lệnh con bị trùng: %s",
    "dest= is required for options like %r": "tùy chọn như %r cần dest=",
    "invalid conflict_resolution value: %r": "giá trị conflict_resolution không hợp lệ: %r",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r": (
        "tùy chọn %(option)r không hợp lệ: phải bắt đầu bằng ký tự %(prefix_chars)r"
    ),
    "mutually exclusive arguments must be optional": ("các đối số loại trừ nhau phải là tùy chọn"),
}


def gettext(message: str) -> str:
    """``gettext.gettext`` over :data:`MESSAGES` (an unknown text is returned unchanged)."""
    return MESSAGES.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """``gettext.ngettext`` over :data:`MESSAGES` (Vietnamese has one form; both are listed)."""
    return gettext(singular if n == 1 else plural)


def _argument_error_text(error: argparse.ArgumentError) -> str:
    """``ArgumentError.__str__`` as Python 3.11+ writes it, through :func:`gettext` (Python 3.10
    formats "argument X: …" without looking the text up)."""
    if error.argument_name is None:
        return error.message
    return gettext("argument %(argument_name)s: %(message)s") % {
        "message": error.message,
        "argument_name": error.argument_name,
    }


@contextmanager
def vietnamese() -> Iterator[None]:
    """argparse writes Vietnamese inside the block (nested blocks are fine; always undone)."""
    error_class: Any = argparse.ArgumentError
    saved = argparse._, argparse.ngettext, error_class.__str__  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = gettext, ngettext  # type: ignore[attr-defined]
    error_class.__str__ = _argument_error_text
    try:
        yield
    finally:
        argparse._, argparse.ngettext, error_class.__str__ = saved  # type: ignore[attr-defined]


F = TypeVar("F", bound=Callable[..., Any])


def _in_vietnamese(method: F) -> F:
    @functools.wraps(method)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with vietnamese():
            return method(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


#: The methods of ``ArgumentParser`` that build or write text argparse translates.
WRAPPED = (
    "__init__",
    "add_argument",
    "add_argument_group",
    "add_mutually_exclusive_group",
    "add_subparsers",
    "parse_args",
    "parse_known_args",
    "parse_intermixed_args",
    "parse_known_intermixed_args",
    "format_usage",
    "format_help",
    "print_usage",
    "print_help",
    "error",
    "exit",
)


class VietnameseArgumentParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose own texts are Vietnamese (see the module's docstring)."""


for _name in WRAPPED:
    setattr(
        VietnameseArgumentParser,
        _name,
        _in_vietnamese(getattr(argparse.ArgumentParser, _name)),
    )
del _name
