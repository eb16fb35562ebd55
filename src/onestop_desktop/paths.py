"""Where the data folder is: ``--data-dir``, else ``ONESTOP_DATA_DIR``, else the platform's
user data folder. Every other location is derived here, so tests and portable builds move all
of it with one setting.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

ENV_VAR = "ONESTOP_DATA_DIR"
DB_NAME = "onestop.db"


@dataclass(frozen=True)
class DataDir:
    """The data folder and the well-known places inside it."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / DB_NAME

    @property
    def attachments(self) -> Path:
        return self.root / "attachments"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def keys(self) -> Path:
        return self.root / "keys"

    def ensure(self) -> None:
        """Create the folder tree (the database itself is created by the store), each folder
        0700 whatever the umask: everything in it is personal data."""
        for folder in (self.root, self.attachments, self.backups, self.logs, self.keys):
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            with contextlib.suppress(OSError):  # Windows, FAT: no POSIX modes
                os.chmod(folder, 0o700)


def resolve(data_dir: str | os.PathLike[str] | None = None) -> DataDir:
    """The data folder chosen by flag, environment or platform default, as an absolute path."""
    if data_dir:
        return DataDir(Path(data_dir).expanduser().resolve())
    env = os.environ.get(ENV_VAR)
    if env:
        return DataDir(Path(env).expanduser().resolve())
    import platformdirs  # only here: the flag or the variable usually decides

    return DataDir(Path(platformdirs.user_data_dir("OneStopDesktop", "OneStop")))
