"""Writing files a clerk asked for (reports, exports): folder created, written atomically, and a
failure explained as a problem with *that file*, never as a database fault."""

from __future__ import annotations

import contextlib
import errno
from collections.abc import Iterator
from pathlib import Path

from onestop_desktop.errors import StorageError

_REASONS = {
    errno.EROFS: "ổ đĩa chỉ cho phép đọc",
    errno.EACCES: "không có quyền ghi",
    errno.EPERM: "không có quyền ghi",
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.EFBIG: "tệp quá lớn cho ổ đĩa này",
    errno.ENOTDIR: "đường dẫn đi qua một tệp, không phải thư mục",
    errno.EISDIR: "đó là một thư mục",
}


@contextlib.contextmanager
def writing(path: Path) -> Iterator[Path]:
    """Create ``path``'s folder, yield a temporary sibling to write, then rename it into place."""
    tmp = path.with_name(path.name + ".partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        yield tmp
        tmp.replace(path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        reason = _REASONS.get(exc.errno or 0, exc.strerror or str(exc))
        raise StorageError(f"Không ghi được tệp {path}: {reason}", detail=str(exc)) from exc
