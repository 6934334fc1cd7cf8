"""`factcheck dates`: every temporal expression of some files and how it was resolved."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from factcheck.cli.options import (
    max_size_option,
    output_option,
    parse_date,
)
from factcheck.cli.output import display, emit, fail
from factcheck.formatters import dates as date_formats
from factcheck.readers.dates import list_dates


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--published", callback=parse_date, metavar="YYYY-MM-DD",
              help="Publication date of files without a date header; overrides the header where there is one.")
@click.option("--format", "output_format", type=click.Choice(sorted(date_formats.FORMATS)),
              default=date_formats.DEFAULT,
              show_default=True, help="Output format.")
@max_size_option
@output_option
def dates(files: tuple[Path, ...], published: dt.date | None, output_format: str, max_size: int,
          output: Path | None, color: str) -> None:
    """Show every temporal expression of FILES, its TIMEX3 type and value, and how it was resolved.

    This is the tagger `factcheck check` reasons with. Exit status: 0, or 2 when no file could be read.
    """
    found = list_dates(list(files), published=published, max_size=max_size)
    shown = display(output, output_format in date_formats.TERMINAL_FORMATS, color)
    emit(date_formats.FORMATS[output_format](found, shown), output)
    if not found.files:
        fail("no usable file: " + "; ".join(f"{s.path}: {s.reason}" for s in found.skipped))
