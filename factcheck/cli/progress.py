"""Progress on a terminal while articles are read: a bar, articles per second and the time left, on standard error,
only where someone watches it (standard error a terminal, no --quiet); nothing at all in a pipe or a CI log."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator

from factcheck.extraction import ReadProgress


def shows_progress(stderr_is_a_terminal: bool, quiet: bool) -> bool:
    """Whether to show progress: to someone at a terminal who did not ask for quiet."""
    return stderr_is_a_terminal and not quiet


def stderr_is_a_terminal() -> bool:
    return sys.stderr.isatty()


@contextlib.contextmanager
def progress_shown(quiet: bool, what: str = "Reading articles",
                   color: str = "auto") -> Iterator[ReadProgress | None]:
    """A ReadProgress that draws a bar on standard error while the block runs (gone when it ends, so the report
    follows on a clean screen), or None where no progress is shown; in colour unless --color never or NO_COLOR."""
    if not shows_progress(stderr_is_a_terminal(), quiet):
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]} articles/s"), TimeRemainingColumn())
    # Standard output stays the report's alone: nothing of the bar is written there, nor moved through it.
    plain = color == "never" or (color == "auto" and bool(os.environ.get("NO_COLOR")))
    console = Console(stderr=True, force_terminal=True, no_color=plain, color_system=None if plain else "auto")
    with Progress(*columns, console=console, transient=True,
                  redirect_stdout=False, redirect_stderr=False) as bar:
        task = bar.add_task(what, total=None, rate="-")

        def advance(done: int, planned: int) -> None:
            speed = bar.tasks[0].speed  # the only task
            bar.update(task, completed=done, total=planned, rate="-" if speed is None else f"{speed:,.0f}")

        yield advance
