"""Logging to a rotating file in the data folder (and warnings to stderr for the CLI)."""

from __future__ import annotations

import logging
import re
from io import TextIOWrapper
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from logging.handlers import RotatingFileHandler

LOG_NAME = "onestop.log"


_DIGIT_RUN = re.compile(r"(?<!\d)\+?\d(?:[ .-]?\d){8,}(?!\d)")
"""Nine or more digits (CCCD 12, CMND 9, phones 10–11, with spaces/dots/dashes): masked."""


class PrivateFormatter(logging.Formatter):
    """Keeps applicants out of the log file: an app error is logged by its *template* (the
    values, names and ID numbers among them, are left out), and any run of nine or more digits
    (an ID number, a phone) is masked, tracebacks included."""

    def format(self, record: logging.LogRecord) -> str:
        from onestop_desktop.errors import OneStopError

        if isinstance(record.args, tuple):
            record.args = tuple(
                f"{a.template} [{type(a).__name__}]" if isinstance(a, OneStopError) else a
                for a in record.args
            )
        record.msg = _DIGIT_RUN.sub("[số đã ẩn]", record.getMessage())
        record.args = ()
        return super().format(record)

    def formatException(self, ei: Any) -> str:  # noqa: N802 (logging's name)
        return _DIGIT_RUN.sub("[số đã ẩn]", super().formatException(ei))


def _private_handler_class() -> type[RotatingFileHandler]:
    from logging.handlers import RotatingFileHandler

    from onestop_desktop.files import make_private

    class PrivateRotatingFileHandler(RotatingFileHandler):
        """Each log file (and each rotated one) is 0600 whatever the umask."""

        def _open(self) -> TextIOWrapper:
            stream = super()._open()
            make_private(Path(self.baseFilename))
            return stream

    return PrivateRotatingFileHandler


_configured: Path | None = None


def configure(log_dir: Path | None, *, verbose: bool = False) -> Path | None:
    """Send the app's logs to ``log_dir/onestop.log`` (1 MB × 5 files); the log path, or ``None``
    when the folder cannot be written (logging must never stop the counter)."""
    global _configured
    root = logging.getLogger("onestop_desktop")
    if not any(isinstance(h, logging.NullHandler) for h in root.handlers):
        root.addHandler(logging.NullHandler())  # no "last resort" echo to stderr
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    if log_dir is None or _configured == log_dir or not log_dir.parent.is_dir():
        return _configured
    # Imported here, not before the GUI's first window: it pulls in socket and pickle.
    from logging.handlers import RotatingFileHandler

    for handler in list(root.handlers):
        if isinstance(handler, RotatingFileHandler):
            root.removeHandler(handler)
            handler.close()
    try:
        log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        log_dir.chmod(0o700)
        handler = _private_handler_class()(
            log_dir / LOG_NAME, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(PrivateFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    _configured = log_dir
    return log_dir / LOG_NAME
