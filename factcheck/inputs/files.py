"""Reading the user's files: only regular files are ever opened, wherever a path comes from (articles, rule files,
settings, baselines, review ledgers, pages to import). A pipe named `x.toml` would block a read until something
writes to it, and a device may never end; such a file is refused with the reason, never opened for reading.
And TOML nested past what tomllib can parse is an error of the text, not a crash.
"""

from __future__ import annotations

import errno
import os
import stat
import tomllib
from pathlib import Path
from typing import Any

# Opening a pipe for reading waits for a writer unless the open does not block; on a regular file it changes nothing.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


class UnreadableFile(OSError):
    """A file that is not read, and why (its message, worded for the user); an OSError, so that the callers that
    say "cannot be read" of a file say it of these too."""


def read_regular(path: Path, max_size: int | None = None) -> bytes:
    """The bytes of a regular file (following symbolic links), at most `max_size` of them (--max-size)."""
    try:
        status = os.stat(path)
    except OSError as error:
        raise UnreadableFile(_why_not(path, error)) from None
    _check_regular(status)
    if max_size is not None and status.st_size > max_size:
        raise UnreadableFile(f"file is {status.st_size:,} bytes, over the size limit of {max_size:,} (--max-size)")
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        raise UnreadableFile(_why_not(path, error)) from None
    with os.fdopen(descriptor, "rb") as handle:
        _check_regular(os.fstat(descriptor))  # what was opened, should the file have been replaced since
        data = handle.read() if max_size is None else handle.read(max_size + 1)
    if max_size is not None and len(data) > max_size:  # it grew since
        raise UnreadableFile(f"file is over the size limit of {max_size:,} bytes (--max-size)")
    return data


def _check_regular(status: os.stat_result) -> None:
    if stat.S_ISDIR(status.st_mode):
        raise UnreadableFile("is a directory, not a file")
    if not stat.S_ISREG(status.st_mode):
        raise UnreadableFile("not a regular file (a pipe, socket or device)")


def _why_not(path: Path, error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "symbolic link loop (it leads back to itself)"
    if error.errno == errno.ENOENT:
        return "broken symbolic link" if os.path.islink(path) else "no such file"
    return f"cannot be read: {error.strerror or error}"


def loads_toml(text: str) -> dict[str, Any]:
    """tomllib.loads, but a document nested too deeply for its recursive parser (`a = [[[[...]]]]`, hundreds deep)
    is a TOMLDecodeError like any other fault of the text, not a RecursionError."""
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise tomllib.TOMLDecodeError("arrays or tables nested too deeply to be read") from None
