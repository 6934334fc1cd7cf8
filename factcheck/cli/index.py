"""`factcheck index`: the articles read into the statement store."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from factcheck.cli.options import (
    corpus_options,
    jobs_option,
    rules_option,
    scheduler_option,
)
from factcheck.cli.output import fail
from factcheck.cli.progress import progress_shown
from factcheck.cli.running import Execution, refuse_stdin, valid_rules
from factcheck.extraction import ReadOptions, noting_rule_errors, reporting, runner_for
from factcheck.formatters.escape import terminal_text
from factcheck.inputs.ids import ArticleIds
from factcheck.on_dask import DaskUnavailable
from factcheck.store.database import DEFAULT_STORE, Store, StoreError
from factcheck.store.sync import index as run_index


@click.command("index")
@corpus_options
@rules_option
@click.option("--db", type=click.Path(path_type=Path, dir_okay=False), default=DEFAULT_STORE, show_default=True,
              help="The statement store to create or bring up to date.")
@jobs_option
@scheduler_option
@click.option("--quiet", "-q", is_flag=True, help="No progress bar on a terminal.")
def index_command(corpus: tuple[Path, ...], rules_dir: Path, published: dt.date | None, max_size: int, db: Path,
                  jobs: int, scheduler: str | None, quiet: bool) -> None:
    """Read the articles of CORPUS into the statement store, so that `check` reads only new and changed ones.

    An unchanged article (same content, rules and factcheck version) is not read again; stored articles under
    CORPUS whose files are gone are forgotten. Exit status: 0, or 2 when the store or the rules are unusable or
    an article hit an internal error.
    """
    refuse_stdin(corpus, "the store keeps files")
    rules = valid_rules(rules_dir)
    inputs = list(corpus) or [Path("corpus")]
    rule_errors: list[str] = []
    try:
        with (Store(db, create=True) as store, Execution(jobs, scheduler=scheduler).cluster() as (runner, _),
              progress_shown(quiet) as progress):
            read_only = StoreError(f"{db} is read-only: `factcheck index` cannot update it (`check` can read it)")
            if store.read_only:
                raise read_only
            if (base := store.written_elsewhere()) is not None:
                raise StoreError(f"{db} names its files from {base}: run `factcheck index` from there, or give "
                                 "another --db for this folder")
            run = noting_rule_errors(runner or runner_for(jobs), rule_errors)
            options = ReadOptions(published, None, max_size, ArticleIds.of(inputs))
            summary = run_index(inputs, rules, store, options=options,
                                runner=run if progress is None else reporting(run, progress))
            if store.read_only:  # found so when writing (a read-only mount, whatever the file's mode says)
                raise read_only
            total = len(store.articles())
    except (StoreError, DaskUnavailable) as error:
        fail(str(error))
    for item in summary.skipped:  # a file name may hold a line break or control characters
        click.echo(f"skipped {terminal_text(item.path)}: {terminal_text(item.reason)}", err=True)
    for path in store.unkept:
        click.echo(f"not kept {terminal_text(path)}: its name is not valid UTF-8, which the store cannot hold; "
                   "`check` reads it each time, but `check --new` takes its evidence from the store and does not see "
                   "it (rename it)", err=True)
    click.echo(f"factcheck: {db} holds {total} article(s): {summary.read} read now, {summary.unchanged} unchanged, "
               f"{summary.forgotten} forgotten, {len(summary.skipped)} skipped", err=True)
    if rule_errors:
        fail(f"the rules in {rules_dir} are not usable on {', '.join(rule_errors)}: a claim's pattern took too long "
             "there (not stored; the other articles were)")
    if summary.internal_errors:
        fail(f"internal error on {', '.join(summary.internal_errors)} (not stored; the other articles were). "
             "This is a bug in factcheck: please report it with that input.")
