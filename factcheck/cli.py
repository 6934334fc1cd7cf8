"""The command line: parse options, call the library, pick a formatter. Nothing else lives here.

Exit status: 0 no conflict, 1 conflicts found, 2 unusable input or rules.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NoReturn

import click

from factcheck import __version__, formatters
from factcheck.baseline import BaselineError, baseline_json, read_baseline
from factcheck.claims import RuleSet
from factcheck.decide import exit_status
from factcheck.engine import ClaimMapper
from factcheck.engine import check as run_check
from factcheck.examples import run_examples
from factcheck.explain import explain
from factcheck.extraction import ReadOptions, RulePatternTooSlow, Runner, runner_for
from factcheck.findings import Decision, Report
from factcheck.formatters import dates as date_formats
from factcheck.formatters.examples import render_example_results
from factcheck.formatters.explain import render_explanation
from factcheck.inputs.article import DEFAULT_MAX_SIZE, ArticleError, parse_iso_date, read_article
from factcheck.inputs.git import GitError, changed_articles
from factcheck.on_dask import DaskUnavailable, claim_mapper, connect, dask_runner
from factcheck.readers.dates import list_dates
from factcheck.reviews import VERDICTS, ReviewsError, apply_reviews, entry_for, load_reviews, save_reviews
from factcheck.rules.load import validate
from factcheck.store.database import DEFAULT_STORE, Store, StoreError
from factcheck.store.sync import index as run_index

EXIT_OK, EXIT_CONFLICT, EXIT_UNUSABLE = 0, 1, 2


def _parse_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return parse_iso_date(value)
    except ArticleError as error:
        raise click.BadParameter(str(error)) from None


def rules_option(function: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--rules", "rules_dir", type=click.Path(path_type=Path), default=Path("rules"),
                        show_default=True, help="Folder of rule files (*.toml).")(function)


def _options(function: Callable[..., Any], options: list[Callable[..., Any]]) -> Callable[..., Any]:
    return functools.reduce(lambda f, option: option(f), reversed(options), function)


def max_size_option(function: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--max-size", type=click.IntRange(min=1), default=DEFAULT_MAX_SIZE, show_default=True,
                        help="Largest article file read, in bytes; larger ones are skipped.")(function)


def corpus_options(function: Callable[..., Any]) -> Callable[..., Any]:
    """The options every command that checks a corpus shares."""
    return _options(function, [
        click.argument("corpus", nargs=-1, type=click.Path(path_type=Path)),
        click.option("--published", callback=_parse_date, metavar="YYYY-MM-DD",
                     help="Publication date for articles without a date header."),
        max_size_option,
    ])


def output_option(function: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
                        help="Write the output to this file instead of standard output.")(function)


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
            click.echo("".join(self.pieces), nl=False)
            self.pieces, self.size = [], 0


def _emit_written(write: Callable[[formatters.Output], object], output: Path | None) -> None:
    """What `write` writes, to the output file or standard output, as it comes (a report is never one string)."""
    if output is None:
        echo = _Echo()
        write(echo)
        echo.flush()
        return
    if output.exists() and not output.is_file():  # a device or a pipe (/dev/stdout) is written as it is
        try:
            with output.open("w", encoding="utf-8") as stream:
                write(stream)
        except OSError as error:
            _fail(f"cannot write {output}: {error.strerror or error}")
        return
    # Written beside it and renamed over it once complete: a report that fails half-way leaves the last one whole.
    partial = output.with_name(f".{output.name}.partial")
    try:
        with partial.open("w", encoding="utf-8") as file:
            write(file)
        os.replace(partial, output)
    except OSError as error:
        partial.unlink(missing_ok=True)
        _fail(f"cannot write {output}: {error.strerror or error}")
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _emit(text: str, output: Path | None) -> None:
    _emit_written(lambda out: out.write(text), output)


def _display(output: Path | None, terminal_format: bool) -> formatters.Options:
    """Colour and width for a terminal, plain text of a fixed width for files and pipes (so outputs diff)."""
    color = output is None and terminal_format and sys.stdout.isatty()
    return formatters.Options(color, shutil.get_terminal_size().columns if color else 100)


def _fail(message: str) -> NoReturn:
    click.echo(f"factcheck: {message}", err=True)
    sys.exit(EXIT_UNUSABLE)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factcheck")
def main() -> None:
    """Find where news reports of the same event disagree, with the evidence to verify each finding."""


def _valid_rules(rules_dir: Path) -> RuleSet:
    """The rule set, or every error printed and exit status 2."""
    found, errors = validate(rules_dir)
    for error in errors:
        click.echo(str(error), err=True)
    if errors or found is None:
        _fail(f"the rules in {rules_dir} are not usable ({len(errors)} error(s)); run `factcheck rules check "
              f"{rules_dir}` to see them all")
    return found


@dataclasses.dataclass(frozen=True)
class Execution:
    """Where and how extraction runs: worker processes, a cluster, a statement store (see docs/scale.md)."""

    jobs: int = 1
    db: Path | None = None
    use_db: bool = True
    scheduler: str | None = None

    def store(self, create: bool = False) -> Store | None:
        """The store to use: the one --db names (created when asked for), else the default one if it exists."""
        if not self.use_db:
            return None
        path = self.db or DEFAULT_STORE
        if self.db is None and not path.exists() and not create:
            return None
        try:
            return Store(path, create=create or self.db is not None)
        except StoreError as error:
            _fail(str(error))

    @contextlib.contextmanager
    def cluster(self) -> Iterator[tuple[Runner | None, ClaimMapper]]:
        """Where extraction and comparison run: on the --scheduler's Dask cluster, else here (runner None: the
        engine's own choice by --jobs)."""
        if self.scheduler is None:
            yield None, map
            return
        with connect(self.scheduler, self.jobs) as client:
            yield dask_runner(client), claim_mapper(client)


def jobs_option(function: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("-j", "--jobs", type=click.IntRange(min=1), default=os.cpu_count() or 1,
                        show_default="the machine's cores",
                        help="Worker processes that read articles (results do not depend on it).")(function)


def scale_options(function: Callable[..., Any]) -> Callable[..., Any]:
    """The options that choose where extraction runs; they never change the results."""
    return _options(function, [
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


def _execution(jobs: int, db: Path | None, no_db: bool, scheduler: str | None) -> Execution:
    if db is not None and no_db:
        _fail("--db and --no-db contradict each other")
    return Execution(jobs, db, not no_db, scheduler)


def _report(corpus: tuple[Path, ...], rules: RuleSet, rules_dir: Path, published: dt.date | None, max_size: int,
            new: tuple[Path, ...] = (), changed_since: str | None = None,
            baseline: dict[str, Any] | None = None, execution: Execution = Execution(),
            keep_texts: bool = False) -> Report:
    inputs = list(corpus) or [Path("corpus")]
    fresh: list[Path] | None = list(new) if new else None
    if changed_since is not None:
        try:
            fresh = [*(fresh or []), *changed_articles(changed_since, inputs)]
        except GitError as error:
            _fail(f"--changed-since {changed_since}: {error}")
    store = execution.store()
    try:
        with execution.cluster() as (runner, map_claims):
            report = run_check(inputs, rules, default_published=published, max_size=max_size, new=fresh,
                               baseline=baseline, jobs=execution.jobs, runner=runner, map_claims=map_claims,
                               store=store, keep_texts=keep_texts)
    except RulePatternTooSlow as error:
        _fail(f"{rules_dir}: {error}")
    except (StoreError, DaskUnavailable) as error:
        _fail(str(error))
    finally:
        if store is not None:
            store.close()
    if fresh and not report.new_articles:
        # New articles were named, and none could be checked: a CI run must not pass on a typo or a broken file.
        reasons = "; ".join(f"{s.path}: {s.reason}" for s in report.skipped) or "none of them is an article file"
        _fail(f"none of the new articles could be checked: {reasons}")
    return report


def reviews_option(function: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--reviews", "reviews_path", type=click.Path(path_type=Path, dir_okay=False),
                        help="The review ledger (default: reviews.toml beside the rules folder).")(function)


def _default_reviews(rules_dir: Path) -> Path:
    return rules_dir.resolve().parent / "reviews.toml"


def _with_reviews(report: Report, path: Path) -> Report:
    try:
        return apply_reviews(report, load_reviews(path))
    except ReviewsError as error:
        _fail(str(error))


def new_options(function: Callable[..., Any]) -> Callable[..., Any]:
    return _options(function, [
        click.option("--new", "new", multiple=True, type=click.Path(path_type=Path), metavar="PATH",
                     help="A new article (repeatable): the corpus is evidence, only its findings are reported."),
        click.option("--changed-since", metavar="GIT_REF",
                     help="The new articles are those added or modified since this git reference."),
    ])


@main.command()
@corpus_options
@rules_option
@new_options
@click.option("--baseline", "baseline_path", type=click.Path(path_type=Path, dir_okay=False),
              help="Report only findings that are not in this baseline (see `factcheck baseline`).")
@click.option("--fail-on", type=click.Choice(["conflict", "warning", "never"]), default="conflict", show_default=True,
              help="Which findings make the exit status 1.")
@reviews_option
@click.option("--format", "output_format", type=click.Choice(formatters.NAMES), default=formatters.DEFAULT,
              show_default=True, help="Output format.")
@output_option
@scale_options
def check(corpus: tuple[Path, ...], rules_dir: Path, published: dt.date | None, max_size: int,
          new: tuple[Path, ...], changed_since: str | None, baseline_path: Path | None, fail_on: str,
          reviews_path: Path | None, output_format: str, output: Path | None, jobs: int, db: Path | None,
          no_db: bool, scheduler: str | None) -> None:
    """Check the articles of CORPUS (files or folders; default ./corpus) against the rules.

    Conflicts come first, then warnings, then consistent claims; inputs that could not be read are listed as
    skipped with the reason. Exit status: 0 no conflict, 1 conflicts (see --fail-on), 2 unusable input or rules.
    """
    rules = _valid_rules(rules_dir)
    chosen = formatters.get(output_format)
    recorded = None
    if baseline_path is not None:
        try:
            recorded = read_baseline(baseline_path)
        except BaselineError as error:
            _fail(str(error))
    report = _report(corpus, rules, rules_dir, published, max_size, new, changed_since, recorded,
                     _execution(jobs, db, no_db, scheduler), keep_texts=chosen.needs_texts)
    report = _with_reviews(report, reviews_path or _default_reviews(rules_dir))
    display = _display(output, chosen.for_a_terminal)
    options = formatters.Options(display.color, display.width, str(rules_dir))
    _emit_written(lambda out: chosen.write(report, options, out), output)
    if report.internal_errors:
        _fail(f"internal error on {', '.join(report.internal_errors)} (listed as skipped; the other articles were "
              "checked). This is a bug in factcheck: please report it with that input.")
    if not report.articles:
        _fail("no usable article: " + ("; ".join(f"{s.path}: {s.reason}" for s in report.skipped)
                                       or "nothing found in " + ", ".join(map(str, corpus or ("corpus",)))))
    sys.exit(exit_status(report, fail_on))


@main.command("index")
@corpus_options
@rules_option
@click.option("--db", type=click.Path(path_type=Path, dir_okay=False), default=DEFAULT_STORE, show_default=True,
              help="The statement store to create or bring up to date.")
@jobs_option
@scheduler_option
def index_command(corpus: tuple[Path, ...], rules_dir: Path, published: dt.date | None, max_size: int, db: Path,
                  jobs: int, scheduler: str | None) -> None:
    """Read the articles of CORPUS into the statement store, so that `check` reads only new and changed ones.

    An unchanged article (same content, rules and factcheck version) is not read again; stored articles under
    CORPUS whose files are gone are forgotten. Exit status: 0, or 2 when the store or the rules are unusable or
    an article hit an internal error.
    """
    rules = _valid_rules(rules_dir)
    inputs = list(corpus) or [Path("corpus")]
    try:
        with Store(db, create=True) as store, Execution(jobs, scheduler=scheduler).cluster() as (runner, _):
            summary = run_index(inputs, rules, store, options=ReadOptions(published, None, max_size),
                                runner=runner or runner_for(jobs))
            total = len(store.articles())
    except RulePatternTooSlow as error:
        _fail(f"{rules_dir}: {error}")
    except (StoreError, DaskUnavailable) as error:
        _fail(str(error))
    for item in summary.skipped:
        click.echo(f"skipped {item.path}: {item.reason}", err=True)
    click.echo(f"factcheck: {db} holds {total} article(s): {summary.read} read now, {summary.unchanged} unchanged, "
               f"{summary.forgotten} forgotten, {len(summary.skipped)} skipped", err=True)
    if summary.internal_errors:
        _fail(f"internal error on {', '.join(summary.internal_errors)} (not stored; the other articles were). "
              "This is a bug in factcheck: please report it with that input.")


@main.command("baseline")
@corpus_options
@rules_option
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              default=Path(".factcheck-baseline.json"), show_default=True, help="Where to write the baseline.")
def baseline_command(corpus: tuple[Path, ...], rules_dir: Path, published: dt.date | None, max_size: int,
                     output: Path) -> None:
    """Record today's conflicts and warnings, so that `check --baseline FILE` reports only new ones.

    A finding is recorded by its claim, its values and its articles, not by line numbers.
    """
    rules = _valid_rules(rules_dir)
    report = _report(corpus, rules, rules_dir, published, max_size)
    if not report.articles:
        _fail("no usable article, no baseline written: " + "; ".join(f"{s.path}: {s.reason}" for s in report.skipped))
    _emit(baseline_json(report), output)
    recorded = sum(f.status != "consistent" for f in report.findings)
    click.echo(f"factcheck: {recorded} finding(s) recorded in {output}", err=True)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--published", callback=_parse_date, metavar="YYYY-MM-DD",
              help="Publication date of files without a date header; overrides the header where there is one.")
@click.option("--format", "output_format", type=click.Choice(sorted(date_formats.FORMATS)),
              default=date_formats.DEFAULT,
              show_default=True, help="Output format.")
@max_size_option
@output_option
def dates(files: tuple[Path, ...], published: dt.date | None, output_format: str, max_size: int,
          output: Path | None) -> None:
    """Show every temporal expression of FILES, its TIMEX3 type and value, and how it was resolved.

    This is the tagger `factcheck check` reasons with. Exit status: 0, or 2 when no file could be read.
    """
    found = list_dates(list(files), published=published, max_size=max_size)
    display = _display(output, output_format in date_formats.FOR_A_TERMINAL)
    _emit(date_formats.FORMATS[output_format](found, display), output)
    if not found.files:
        _fail("no usable file: " + "; ".join(f"{s.path}: {s.reason}" for s in found.skipped))


@main.group()
def rules() -> None:
    """Validate rule files and run the examples they carry."""


@rules.command("check")
@click.argument("rules_dir", required=False, default=Path("rules"), type=click.Path(path_type=Path))
def rules_check(rules_dir: Path) -> None:
    """Validate the rule files in RULES_DIR (default ./rules) without running them.

    Every error is printed as path:line:column: message, all of them in one run. Exit status 0 if the rules are
    valid, 2 if not.
    """
    found, errors = validate(rules_dir)
    for error in errors:
        click.echo(str(error))
    if errors or found is None:
        _fail(f"{len(errors)} error(s) in the rules in {rules_dir}")
    click.echo(f"{rules_dir}: {len(found.files)} file(s), {len(found.entities)} entities, {len(found.claims)} claims, "
               f"{sum(len(c.examples) for c in found.claims)} examples: valid")


@rules.command("test")
@click.argument("rules_dir", required=False, default=Path("rules"), type=click.Path(path_type=Path))
def rules_test(rules_dir: Path) -> None:
    """Run the examples of the rules in RULES_DIR (default ./rules).

    Each failure shows the example, the value expected, the values read and how they were read. Exit status 0 if
    every example holds, 1 if one fails, 2 if the rules are not valid.
    """
    results = run_examples(_valid_rules(rules_dir))
    click.echo(render_example_results(results), nl=False)
    sys.exit(EXIT_CONFLICT if any(not r.passed for r in results) else EXIT_OK)


@main.command("explain")
@click.argument("article_path", metavar="ARTICLE", type=click.Path(path_type=Path))
@rules_option
@click.option("--claim", "claim_id", metavar="ID", help="Only this claim.")
@click.option("--published", callback=_parse_date, metavar="YYYY-MM-DD",
              help="Publication date if the article has no date header.")
@output_option
def explain_command(article_path: Path, rules_dir: Path, claim_id: str | None, published: dt.date | None,
                    output: Path | None) -> None:
    """Show, sentence by sentence, what factcheck read in ARTICLE and why.

    The dates found and how each was resolved, the counts, the names, the event words of each claim, the
    statements each claim took, and the candidates it turned down with the reason.
    """
    found = _valid_rules(rules_dir)
    if claim_id is not None and claim_id not in {c.id for c in found.claims}:
        _fail(f"no claim '{claim_id}' in {rules_dir}; claims: {', '.join(c.id for c in found.claims)}")
    try:
        article = read_article(article_path, default_published=published)
    except ArticleError as error:
        _fail(f"{article_path}: {error}")
    traces = explain(article, found, claim_id)
    _emit(render_explanation(str(article_path), traces, _display(output, True)), output)


@main.command("review")
@corpus_options
@rules_option
@reviews_option
@click.option("--reviewer", help="Your name, recorded with each decision (asked for if not given).")
def review_command(corpus: tuple[Path, ...], rules_dir: Path, published: dt.date | None, max_size: int,
                   reviews_path: Path | None, reviewer: str | None) -> None:
    """Walk through the open findings and record a decision for each in the review ledger.

    For each conflict or warning not yet decided: confirmed (an error, a correction requested), accepted (a known
    difference, both right at the time) or false alarm (the tool misread), with a note. Decisions are saved as you
    go; accepted and false-alarm findings no longer fail `factcheck check`.
    """
    from rich.console import Console
    from rich.prompt import Prompt

    rules = _valid_rules(rules_dir)
    path = reviews_path or _default_reviews(rules_dir)
    try:
        entries = load_reviews(path)
    except ReviewsError as error:
        _fail(str(error))
    report = apply_reviews(_report(corpus, rules, rules_dir, published, max_size), entries)
    open_findings = [f for f in report.findings if f.status != "consistent" and f.decision is None]
    console = Console(highlight=False)
    if not open_findings:
        console.print(f"No open finding: every conflict and warning is decided in {path}.")
        return
    name = reviewer or Prompt.ask("Your name", console=console)
    choices = [*VERDICTS, "skip", "quit"]
    for number, finding in enumerate(open_findings, 1):
        single = dataclasses.replace(report, findings=(finding,), skipped=(), warnings=())
        console.print(f"[bold]Finding {number} of {len(open_findings)}[/bold]")
        shown = formatters.to_text(formatters.get(formatters.DEFAULT).write, single,
                                   formatters.Options(console.is_terminal, console.width))
        console.print(shown.split("\n", 2)[2])
        verdict = Prompt.ask("Decision", choices=choices, default="skip", console=console)
        if verdict == "quit":
            break
        if verdict == "skip":
            continue
        note = Prompt.ask("Note", default="", console=console)
        entry = entry_for(finding, Decision(verdict, name, dt.date.today().isoformat(), note))
        entries[entry.fingerprint] = entry
        save_reviews(path, entries)
        console.print(f"Recorded in {path}.\n")
