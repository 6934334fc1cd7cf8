"""Where a command's output goes: standard output in pieces or a file written whole, and a clear message with exit
status 2 for unusable input.

Exit status: 0 no conflict, 1 conflicts found, 2 unusable input or rules."""

from __future__ import annotations

import codecs
import contextlib
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

import click

from factcheck import formatters
from factcheck.formatters.escape import terminal_text

EXIT_OK, EXIT_CONFLICT, EXIT_UNUSABLE = 0, 1, 2


# Standard output is written in pieces of about this many characters.
_PIECE = 1 << 16


class _Echo:
    """Standard output through click.echo, as everything else the CLI prints, gathered into pieces so that a
    formatter's many small writes are not as many system calls."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.size = 0

    def write(self, text: str) -> None:
        self.pieces.append(text)
        self.size += len(text)
        if self.size >= _PIECE:
            self.flush()

    def flush(self) -> None:
        if self.pieces:
            # color=True: the formatter decided on colour (--color, NO_COLOR, FORCE_COLOR); click must not undo it.
            click.echo("".join(self.pieces), nl=False, color=True)
            self.pieces, self.size = [], 0


def emit_written(write: Callable[[formatters.Output], object], output: Path | None) -> None:
    """What `write` writes, to the output file or standard output, as it comes (a report is never one string)."""
    if output is None:
        echo = _Echo()
        try:
            write(echo)
            echo.flush()
            sys.stdout.flush()
        except OSError as error:  # a full disk, a closed pipe: said, and no traceback at exit either
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - what is left to flush at exit goes nowhere
            fail(f"cannot write the report to standard output: {error.strerror or error}")
        return
    if output.exists() and not output.is_file():  # a device or a pipe (/dev/stdout) is written as it is
        try:
            with output.open("w", encoding="utf-8", errors=UNWRITABLE) as stream:
                write(stream)
        except OSError as error:
            fail(f"cannot write {output}: {error.strerror or error}")
        return
    # Written beside it and renamed over it once complete: a report that fails half-way leaves the last one whole.
    # The file beside it is made new (O_EXCL, a random name), never one found there: a link planted in its place
    # cannot send the report, or the damage, elsewhere. The rename replaces the target's name: where that is a
    # symbolic link, the link becomes the report and what it pointed to is left alone.
    try:
        output.parent.mkdir(parents=True, exist_ok=True)  # `-o reports/today.html` makes reports/, as -o of index
        descriptor, name = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".partial", dir=output.parent)
    except OSError as error:
        fail(f"cannot write {output}: {error.strerror or error}")
    partial = Path(name)
    try:
        with open(descriptor, "w", encoding="utf-8", errors=UNWRITABLE) as file:
            os.fchmod(file.fileno(), 0o666 & ~_umask())  # as a file the command made itself (mkstemp's is 0600)
            write(file)
        os.replace(partial, output)
    except OSError as error:
        _discard(partial)
        fail(f"cannot write {output}: {error.strerror or error}")
    except BaseException:
        _discard(partial)
        raise


def _umask() -> int:
    """The process's file mode mask (reading it means setting it: set back at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _discard(partial: Path) -> None:
    """Remove a half-written report."""
    with contextlib.suppress(OSError):
        partial.unlink(missing_ok=True)


def emit(text: str, output: Path | None) -> None:
    emit_written(lambda out: out.write(text), output)


def display(output: Path | None, terminal_format: bool, color: str = "auto") -> formatters.Options:
    """Colour and width for a terminal; for a file or a pipe, plain text with no line wrapped (so outputs diff and
    a log viewer wraps them). `color` is --color: auto colours a terminal unless NO_COLOR is set, or a pipe too
    when FORCE_COLOR is (see no-color.org and force-color.org); always and never are what they say."""
    to_terminal = output is None and sys.stdout.isatty()
    if color == "auto":
        coloured = terminal_format and output is None and not os.environ.get("NO_COLOR") and (
            to_terminal or bool(os.environ.get("FORCE_COLOR")))
    else:
        coloured = terminal_format and color == "always"
    return formatters.Options(coloured, shutil.get_terminal_size().columns if to_terminal else None)


# A file name that is not UTF-8 is text with surrogates (os.fsdecode); written, each is U+FFFD, as in its article id,
# never an error that would lose the report.
UNWRITABLE = "factcheck-unwritable"


def _as_replacement(error: UnicodeError) -> tuple[bytes, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    # As bytes for UTF-8, whose encoder takes no replacement text that is not ASCII; "?" for another encoding.
    replacement = b"\xef\xbf\xbd" if error.encoding.replace("-", "").lower().startswith("utf8") else b"?"
    return replacement * (error.end - error.start), error.end


codecs.register_error(UNWRITABLE, _as_replacement)


def fail(message: str) -> NoReturn:
    # The message may name an input (a file name with a line break, say): one line, none a workflow command.
    with contextlib.suppress(OSError):  # standard error broken too (a full disk): the exit status still tells
        click.echo(f"factcheck: {terminal_text(message)}", err=True)
    sys.exit(EXIT_UNUSABLE)
