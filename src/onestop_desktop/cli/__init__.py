"""The headless face of OneStop Desktop: the same services the GUI calls, as commands.

``onestop [--data-dir DIR] COMMAND``; with no command it opens the GUI. The command line acts as
the station's operator (the OS account owning the data folder) and is recorded as such. Exit 0 on
success; otherwise a one-line reason on stderr and a non-zero code.

The package: :mod:`.common` holds what commands share (JSON, passwords, the operator's session,
dates and numbers typed by people); one module per command group (:mod:`.station`, :mod:`.users`,
:mod:`.dossier`, :mod:`.search`, :mod:`.catalog`, :mod:`.calendar`, :mod:`.report`,
:mod:`.ledger`, :mod:`.settings`, :mod:`.backup`) defines its commands' arguments and handlers and
imports only ``common``, ``services`` and ``domain``; :mod:`.parser` assembles them. This module
only dispatches: a plain GUI start is read by :func:`gui_args` without building the parser or
importing a command module's services.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from onestop_desktop import logging_setup, paths
from onestop_desktop.errors import OneStopError, StorageError

if TYPE_CHECKING:
    from onestop_desktop.cli.common import Handler

__all__ = ["gui_args", "main", "run_gui"]

log = logging.getLogger("onestop_desktop.cli")


def gui_args(argv: Sequence[str]) -> argparse.Namespace | None:
    """The arguments of a plain GUI start (``[--data-dir DIR] [-v] [gui [--smoke-test]]``), read
    without building the full parser (18 ms of the sign-in window's start-up); ``None`` for
    anything else, which the full parser then reads (and explains if wrong). The namespace has no
    ``handler``: :func:`main` runs :func:`run_gui` for it."""
    args = argparse.Namespace(command=None, data_dir=None, verbose=False, smoke_test=False)
    tokens = list(argv)
    while tokens:
        token = tokens.pop(0)
        if token == "--data-dir" and tokens and args.command is None:
            args.data_dir = tokens.pop(0)
        elif token.startswith("--data-dir=") and args.command is None:
            args.data_dir = token.split("=", 1)[1]
        elif token in ("-v", "--verbose") and args.command is None:
            args.verbose = True
        elif token == "gui" and args.command is None:
            args.command = "gui"
        elif token == "--smoke-test" and args.command == "gui":
            args.smoke_test = True
        else:
            return None
    return args


#: Commands the program runs on itself (``self-check`` starts ``onestop qt-probe`` in a child
#: process): read here, not by the parser, so they appear in no help text nor in the choices
#: an "invalid choice" error lists.
INTERNAL_COMMANDS = ("qt-probe",)


def _parse(argv: list[str]) -> argparse.Namespace:
    fast = gui_args(argv)
    if fast is not None:
        return fast
    if argv and argv[-1] in INTERNAL_COMMANDS:
        internal = gui_args(argv[:-1])
        if internal is not None and internal.command is None:
            internal.command = argv[-1]
            return internal
    from onestop_desktop.cli.parser import build_parser

    return build_parser().parse_args(argv)


def run_gui(args: argparse.Namespace, data: paths.DataDir) -> int:
    """The GUI: what runs when the arguments name no other command (``gui`` sets no handler).
    Defined here, not in a command module, so a GUI start imports no CLI module at all."""
    from onestop_desktop import app

    return app.run(data, argv=[sys.argv[0]], smoke_test=getattr(args, "smoke_test", False))


def _handler(args: argparse.Namespace) -> Handler:
    if args.command == "qt-probe":
        from onestop_desktop.cli import station

        return station.cmd_qt_probe
    handler: Handler = getattr(args, "handler", run_gui)
    return handler


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``onestop`` console script; returns the exit code."""
    given = sys.argv[1:] if argv is None else list(argv)
    args = _parse(given)
    data = paths.resolve(args.data_dir)
    handler = _handler(args)
    # The GUI sets up its log file after its first window is on screen (start-up time).
    log_path = (
        None if handler is run_gui else logging_setup.configure(data.logs, verbose=args.verbose)
    )
    try:
        return handler(args, data)
    except OneStopError as exc:
        log.warning("%s failed: %s", args.command, exc)
        print(f"onestop: lỗi: {exc.message}", file=sys.stderr)
        if args.verbose and exc.detail:
            print(f"  chi tiết: {exc.detail}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("onestop: đã dừng theo yêu cầu", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (``onestop search … | head -1``): not a fault of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except (OSError, MemoryError) as exc:
        from onestop_desktop.store.db import translate

        err: StorageError = translate(exc, data.root)
        log.exception("%s failed", args.command)
        print(f"onestop: lỗi: {err.message}", file=sys.stderr)
        return err.exit_code
    except Exception as exc:
        import sqlite3  # imported lazily: the GUI's start-up does not need it

        if not isinstance(exc, sqlite3.Error):
            log.exception("unexpected error in %s", args.command)
            where = f" (xem {data.logs / logging_setup.LOG_NAME})" if log_path else ""
            print(f"onestop: lỗi không mong đợi{where}", file=sys.stderr)
            if args.verbose:
                import traceback

                traceback.print_exc()
            return 70
        from onestop_desktop.store.db import translate

        db_err = translate(exc, data.database)
        log.exception("%s failed", args.command)
        print(f"onestop: lỗi: {db_err.message}", file=sys.stderr)
        return db_err.exit_code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
