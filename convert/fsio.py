"""Atomic file output: a reader of the output folder sees the old file or the new one, never half.

Why: batch runs are killed, disks fill, writers fail mid-way. Writing to a temporary file in the
target folder and `os.replace`-ing it into place is atomic on POSIX and Windows (same volume).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from . import messages
from .errors import NewsconvError


def _default_file_mode() -> int:
    """The mode a plainly created file gets (0o666 less the umask): mkstemp's 0o600 would make
    outputs unreadable to the rest of a newsroom's team."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


_FILE_MODE = _default_file_mode()


class OutputError(NewsconvError):
    """An output could not be written (exists without --force, or an OS error)."""


def atomic_write(path: str | os.PathLike, data: bytes, *, force: bool = True, fsync: bool = True) -> None:
    """Write `data` to `path` atomically. With force=False an existing file is left alone and
    OutputError (NC803) is raised. fsync=False skips flushing this one file to disk (still atomic
    for readers and across killed processes): the batch runner syncs once per chunk instead,
    because one fsync per file costs milliseconds and serialises parallel workers on the disk."""
    target = Path(path)
    if not force and target.exists():
        msg = messages.make("NC803", file=str(target), target=str(target))
        raise OutputError(msg.text, (msg,))
    folder = target.parent if str(target.parent) else Path(".")
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
        os.fchmod(fd, _FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if fsync:
                os.fsync(handle.fileno())
        os.replace(tmp_name, target)
        tmp_name = None
    except OSError as exc:
        msg = messages.make("NC804", file=str(target), detail=exc.strerror or str(exc), target=str(target))
        raise OutputError(msg.text, (msg,)) from None
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass


__all__ = ["atomic_write", "OutputError"]
