"""The option bundles the commands share, as decorators: the corpus, the rules, the output, where extraction runs,
the new articles, the review ledger."""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from factcheck.inputs.article import DEFAULT_MAX_SIZE, ArticleError, parse_iso_date
from factcheck.store.database import DEFAULT_STORE


def parse_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return parse_iso_date(value)
    except ArticleError as error:
        raise click.BadParameter(str(error)) from None


def rules_option(function: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--rules", "rules_dir", type=click.Path(path_type=Path), default=Path("rules"),
                        show_default=True, help="Folder of rule files (*.toml).")(function)


def bundle(function: Callable[..., Any], options: list[Callable[..., Any]]) -> Callable[..., Any]:
    return functools.reduce(lambda f, option: option(f), reversed(options), function)


def max_size_option(function: Callable[..., Any]) -> Callable[..., Any]:
    # At most what a file can be (2**63 bytes): a larger figure is no limit a file size can be compared with.
    return click.option("--max-size", type=click.IntRange(min=1, max=2**63 - 1), default=DEFAULT_MAX_SIZE,
                        show_default=True,
                        help="Largest article file read, in bytes; larger ones are skipped.")(function)


def corpus_options(function: Callable[..., Any]) -> Callable[..., Any]:
    """The options every command that checks a corpus shares."""
    return bundle(function, [
        click.argument("corpus", nargs=-1, type=click.Path(path_type=Path)),
        click.option("--published", callback=parse_date, metavar="YYYY-MM-DD",
                     help="Publication date for articles without a date header."),
        max_size_option,
    ])


def output_option(function: Callable[..., Any]) -> Callable[..., Any]:
    return bundle(function, [
        click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
                     help="Write the output to this file instead of standard output."),
        click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
                     help="Colour the text formats: auto on a terminal, unless NO_COLOR is set (or on a pipe too "
                          "when FORCE_COLOR is)."),
    ])


def jobs_option(function: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("-j", "--jobs", type=click.IntRange(min=1), default=os.cpu_count() or 1,
                        show_default="the machine's cores",
                        help="Worker processes that read articles (results do not depend on it).")(function)


def scale_options(function: Callable[..., Any]) -> Callable[..., Any]:
    """The options that choose where extraction runs; they never change the results."""
    return bundle(function, [
        jobs_option,
        click.option("--db", type=click.Path(path_type=Path, dir_okay=False),
                     help=f"The statement store (default: {DEFAULT_STORE} when it exists; see `factcheck index`)."),
        click.option("--no-db", "no_db", is_flag=True, help="Do not use the statement store, even if there is one."),
        scheduler_option,
    ])


def scheduler_option(function: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--scheduler", metavar="ADDRESS",
                        help="Run on a Dask cluster: its scheduler's address (tcp://host:8786), or 'local' for a "
                             "cluster of --jobs processes on this machine. Needs factcheck[dask].")(function)


def reviews_option(function: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--reviews", "reviews_path", type=click.Path(path_type=Path, dir_okay=False),
                        help="The review ledger (default: reviews.toml beside the rules folder).")(function)


def new_options(function: Callable[..., Any]) -> Callable[..., Any]:
    return bundle(function, [
        click.option("--new", "new", multiple=True, type=click.Path(path_type=Path), metavar="PATH",
                     help="A new article (repeatable): the corpus is evidence, only its findings are reported."),
        click.option("--changed-since", metavar="GIT_REF",
                     help="The new articles are those added or modified since this git reference (none: exit "
                          "0; a changed rule file: the whole corpus is checked)."),
    ])
