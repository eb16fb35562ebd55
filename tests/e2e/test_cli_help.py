"""The command line speaks Vietnamese all the way through (defect 9 of issue #6).

Three layers are checked: every action of every (sub)parser has Vietnamese help; argparse's own
messages (usage, section titles, the ``-h`` line, every error) come from the translation table,
which covers every message of the running Python's argparse; and what a person actually sees
(help pages, a missing argument, a bad choice, a bad number) has no English word in it. The
internal ``qt-probe`` command is nowhere in sight but still runs.
"""

from __future__ import annotations

import argparse
import ast
import gettext
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from onestop_desktop import cli
from onestop_desktop.cli import argparse_vi, station
from onestop_desktop.cli.parser import build_parser
from tests.e2e.conftest import VIETNAMESE_MARKS, run_cli

#: argparse's own English words; none may reach a person (checked on lower-case words only, so
#: metavars in capitals such as ``CODE`` and option names such as ``--help`` are left alone).
ENGLISH = {
    "usage",
    "positional",
    "arguments",
    "argument",
    "options",
    "optional",
    "this",
    "help",
    "message",
    "and",
    "exit",
    "error",
    "the",
    "following",
    "are",
    "required",
    "invalid",
    "choice",
    "choose",
    "unrecognized",
    "expected",
    "one",
    "value",
    "program's",
    "version",
    "number",
    "int",
    "least",
    "most",
    "ambiguous",
    "could",
    "match",
    "allowed",
    "with",
    "subcommands",
    "default",
}


def _english_words(text: str) -> set[str]:
    """The argparse English words in ``text``, option names (``--help``) and quoted values
    (``'bogus'``) excluded."""
    words = set()
    for token in text.split():
        if token.startswith(("-", "[-", "'", "{")):
            continue
        words.update(re.findall(r"[a-z][a-z']*", token))
    return words & ENGLISH


def _is_vietnamese(text: str) -> bool:
    return bool(VIETNAMESE_MARKS & set(text.lower()))


def _parsers(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from _parsers(child, (*path, name))


PARSER = build_parser()
ALL = list(_parsers(PARSER))


def test_the_walk_reaches_every_command() -> None:
    names = {" ".join(path) for path, _ in ALL}
    for expected in ("", "init", "dossier receive", "dossier act", "calendar due", "user add"):
        assert expected in names
    assert len(ALL) > 30


@pytest.mark.parametrize("path, parser", ALL, ids=[" ".join(p) or "onestop" for p, _ in ALL])
def test_every_action_has_vietnamese_help(
    path: tuple[str, ...], parser: argparse.ArgumentParser
) -> None:
    for action in parser._actions:
        where = f"onestop {' '.join(path)} {'/'.join(action.option_strings) or action.dest}"
        assert action.help and action.help is not argparse.SUPPRESS, f"no help: {where}"
        assert _is_vietnamese(action.help), f"help not Vietnamese: {where}: {action.help!r}"
        assert not _english_words(action.help), f"English in help: {where}: {action.help!r}"
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                assert choice.help and _is_vietnamese(choice.help), f"{where} {choice.dest}"
    for group in parser._action_groups:
        assert group.title is None or not _english_words(group.title), (path, group.title)


@pytest.mark.parametrize("path, parser", ALL, ids=[" ".join(p) or "onestop" for p, _ in ALL])
def test_every_help_page_is_vietnamese(
    path: tuple[str, ...], parser: argparse.ArgumentParser
) -> None:
    page = parser.format_help()
    assert page.startswith("cách dùng: onestop"), page
    assert not _english_words(page), (path, _english_words(page), page)
    assert "qt-probe" not in page and "SUPPRESS" not in page


def _argparse_messages() -> set[str]:
    """Every literal argparse passes to ``_()`` or ``ngettext()`` on this Python."""
    import argparse as module

    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            count = {"_": 1, "ngettext": 2}.get(node.func.id, 0)
            for arg in node.args[:count]:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.add(arg.value)
    return found


def test_the_table_translates_every_argparse_message_of_this_python() -> None:
    messages = _argparse_messages()
    assert "usage: " in messages and "the following arguments are required: %s" in messages
    missing = sorted(messages - set(argparse_vi.MESSAGES))
    assert not missing, f"argparse messages without a Vietnamese translation: {missing}"


@pytest.mark.parametrize("english, vietnamese", sorted(argparse_vi.MESSAGES.items()))
def test_each_translation_keeps_the_placeholders(english: str, vietnamese: str) -> None:
    def fields(text: str) -> list[str]:
        return sorted(re.findall(r"%\(\w+\)[rsd]|%[rsd]", text))

    assert fields(vietnamese) == fields(english)
    assert vietnamese == english or _is_vietnamese(vietnamese), vietnamese
    assert english.endswith("\n") == vietnamese.endswith("\n")


def test_the_hook_is_undone_after_every_call() -> None:
    # The translation is swapped in for one call, never left behind for other code (pytest's
    # own parser, a library's) to inherit.
    assert argparse._ is gettext.gettext  # type: ignore[attr-defined]
    build_parser().format_help()
    with pytest.raises(SystemExit):
        build_parser().parse_args(["nope"])
    assert argparse._ is gettext.gettext  # type: ignore[attr-defined]
    assert argparse.ngettext is gettext.ngettext  # type: ignore[attr-defined]
    with argparse_vi.vietnamese(), argparse_vi.vietnamese():
        assert argparse._("usage: ") == "cách dùng: "  # type: ignore[attr-defined]
    assert argparse._("usage: ") == "usage: "  # type: ignore[attr-defined]
    assert argparse_vi.ngettext("expected %s argument", "expected %s arguments", 2) == (
        "cần %s giá trị"
    )


def test_argument_errors_name_the_argument_in_vietnamese() -> None:
    # Python 3.10 formats "argument X: …" without gettext; the hook covers it on every version.
    parser = argparse.ArgumentParser()
    action = parser.add_argument("--limit")
    english = str(argparse.ArgumentError(action, "x"))
    with argparse_vi.vietnamese():
        assert str(argparse.ArgumentError(action, "x")) == "đối số --limit: x"
        assert str(argparse.ArgumentError(None, "x")) == "x"
    assert str(argparse.ArgumentError(action, "x")) == english == "argument --limit: x"


def test_qt_probe_is_internal_but_runs() -> None:
    assert "qt-probe" not in PARSER.format_help()
    sub = next(a for a in PARSER._actions if isinstance(a, argparse._SubParsersAction))
    assert "qt-probe" not in sub.choices
    for argv in (["qt-probe"], ["--data-dir", "/x", "-v", "qt-probe"]):
        args = cli._parse(argv)
        assert cli._handler(args) is station.cmd_qt_probe, argv
    # Anything else around it is an ordinary unknown command for the parser.
    for argv in (["gui", "qt-probe"], ["qt-probe", "extra"]):
        with pytest.raises(SystemExit):
            cli._parse(argv)


# ------------------------------------------------------------------- what a person sees


def _assert_vietnamese_only(text: str) -> None:
    assert text.strip(), "nothing printed"
    assert _is_vietnamese(text), text
    assert not _english_words(text), (_english_words(text), text)
    assert "qt-probe" not in text


@pytest.mark.parametrize("argv", [["--help"], ["dossier", "--help"], ["dossier", "act", "-h"]])
def test_help_pages_print_vietnamese_only(argv: list[str]) -> None:
    result = run_cli(*argv)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("cách dùng: onestop")
    _assert_vietnamese_only(result.stdout)
    assert result.stderr == ""


@pytest.mark.parametrize(
    "argv, reason",
    [
        (["dossier", "receive", "--name", "A"], "thiếu đối số bắt buộc: --procedure"),
        (["dossier"], "thiếu đối số bắt buộc: ACTION"),
        (["bogus"], "lựa chọn không hợp lệ: 'bogus'"),
        (["report", "--from", "1/1/2025", "--to", "2/1/2025", "--format", "docx"], "'docx'"),
        (["search", "x", "--limit", "nhiều"], "«nhiều» không phải số nguyên"),
        (["demo", "--dossiers"], "cần một giá trị"),
        (["verify", "--bogus"], "không hiểu đối số: --bogus"),
    ],
)
def test_mistyped_commands_are_explained_in_vietnamese(argv: list[str], reason: str) -> None:
    result = run_cli(*argv)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("cách dùng: onestop"), result.stderr
    assert re.match(r"onestop[a-z\- ]*: lỗi: ", lines[-1]), result.stderr
    assert reason in lines[-1], result.stderr
    _assert_vietnamese_only(result.stderr)


def test_version_prints_the_version() -> None:
    from onestop_desktop import __version__

    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"onestop {__version__}"
