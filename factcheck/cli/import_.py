"""`factcheck import`: saved web pages written into a corpus folder as articles (the `import` extra)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from factcheck.cli.options import parse_date
from factcheck.cli.output import EXIT_OK, EXIT_UNUSABLE, fail
from factcheck.inputs.article import DEFAULT_MAX_SIZE

if TYPE_CHECKING:
    from factcheck.inputs.web import ImportReport


def _summary(report: ImportReport, folder: Path) -> str:
    count = len(report.imported)
    line = f"imported {count} page{'' if count == 1 else 's'} into {folder}/"
    if report.already:
        line += f", {len(report.already)} already there"
    return line + f", skipped {len(report.skipped)}"


@click.command("import")
@click.argument("pages", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "folder", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="The corpus folder the articles are written into (made if missing), e.g. corpus/STORY.")
@click.option("--published", callback=parse_date, metavar="YYYY-MM-DD",
              help="Publication date for pages that give none (otherwise they are skipped); a page's own date "
                   "wins.")
@click.option("--force", is_flag=True,
              help="Import again the pages imported before, over their own files (another article's file is "
                   "never overwritten).")
@click.option("--max-size", type=click.IntRange(min=1), default=DEFAULT_MAX_SIZE, show_default=True,
              help="Largest page read, in bytes; larger ones are skipped.")
def import_command(pages: tuple[Path, ...], folder: Path, published: dt.date | None, force: bool,
                   max_size: int) -> None:
    """Turn saved web pages (PAGES: HTML files) into articles in the folder -o names.

    Each article is the page's main text (no menus, ads or footers) under front matter with its title, source
    (the site's name, else its host), canonical URL and publication date. Needs the import extra
    (pip install -e '.[import]').

    Exit status: 0 when a page at least was imported or was there already (the skipped ones are listed on
    standard error with the reason), 2 when none could be.
    """
    # Here: every command loads the command modules, and only this one needs the web reader.
    from factcheck.inputs.web import MissingExtra, OutputError, import_pages, require_extra

    try:
        require_extra()
        report = import_pages(pages, folder, default_published=published, force=force, max_size=max_size)
    except (MissingExtra, OutputError) as error:
        fail(str(error))
    for done in report.imported:
        click.echo(f"{done.page} -> {done.path}")
        if not done.article.date_found:
            click.echo(f"factcheck: {done.page}: no publication date on the page; dated "
                       f"{done.article.published.isoformat()} (--published)", err=True)
    for there in report.already:
        click.echo(f"{there.page}: already imported as {there.path} (--force to import it again)")
    for skipped in report.skipped:
        click.echo(f"factcheck: skipped {skipped.path}: {skipped.reason}", err=True)
    click.echo(_summary(report, folder))
    sys.exit(EXIT_OK if report.imported or report.already else EXIT_UNUSABLE)
