"""`factcheck check`: the articles against the rules, a report in the format asked for."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import sys
from pathlib import Path

import click
from click.core import ParameterSource

from factcheck import formatters
from factcheck.baseline import DEFAULT_BASELINE, BaselineError, read_baseline
from factcheck.cli.configured import from_settings, in_project
from factcheck.cli.draft import corpus_words, draft_folder, drafted
from factcheck.cli.options import (
    corpus_options,
    new_options,
    output_option,
    reviews_option,
    rules_option,
    scale_options,
)
from factcheck.cli.output import display, emit_written, fail
from factcheck.cli.progress import progress_shown
from factcheck.cli.running import default_reviews, execution_of, run_report, valid_rules, with_reviews
from factcheck.decide import EXIT_OK, exit_status


def _statuses(value: str) -> frozenset[str]:
    """The statuses --show names, or a usage error naming the unknown ones."""
    named = {part.strip() for part in value.split(",") if part.strip()}
    unknown = sorted(named - set(formatters.STATUSES))
    if unknown or not named:
        raise click.BadParameter(f"unknown status(es) {', '.join(unknown) or '(none given)'}; choose from "
                                 f"{', '.join(formatters.STATUSES)}")
    return frozenset(named)


@click.command()
@corpus_options
@rules_option
@new_options
@click.option("--baseline", "baseline_path", type=click.Path(path_type=Path, dir_okay=False),
              help=f"Report only findings that are not in this baseline (see `factcheck baseline`; default "
                   f"{DEFAULT_BASELINE} where it exists).")
@click.option("--no-baseline", is_flag=True, help=f"Report every finding, even with a {DEFAULT_BASELINE} here.")
@click.option("--fail-on", type=click.Choice(["conflict", "warning", "never"]), default="conflict", show_default=True,
              help="Which findings make the exit status 1.")
@reviews_option
@click.option("--show", default=",".join(formatters.STATUSES), show_default=True, metavar="STATUSES",
              callback=lambda _ctx, _param, value: _statuses(value),
              help="Which findings the terminal report shows, comma-separated: conflict, warning, consistent.")
@click.option("--quiet", "-q", is_flag=True,
              help="Terminal: only the findings that fail the run (see --fail-on), what was skipped, the summary; "
                   "no progress bar.")
@click.option("--format", "output_format", type=click.Choice(formatters.NAMES), default=formatters.DEFAULT,
              show_default=True, help="Output format.")
@output_option
@scale_options
@click.option("--draft", is_flag=True,
              help="Check against rules drafted from the corpus itself (as `factcheck rules draft` writes them), "
                   "instead of --rules.")
@click.pass_context
def check(context: click.Context, corpus: tuple[Path, ...], rules_dir: Path, published: dt.date | None,
          max_size: int,
          new: tuple[Path, ...], changed_since: str | None, baseline_path: Path | None, no_baseline: bool,
          fail_on: str, reviews_path: Path | None, show: frozenset[str], quiet: bool, output_format: str,
          output: Path | None, color: str, jobs: int, db: Path | None, no_db: bool, scheduler: str | None,
          draft: bool) -> None:
    """Check the articles of CORPUS (files or folders; default ./corpus; - an article on standard input) against
    the rules.

    Conflicts come first, then warnings, then consistent claims; inputs that could not be read are listed as
    skipped with the reason. Exit status: 0 no conflict, 1 conflicts (see --fail-on), 2 unusable input or rules.
    """
    with contextlib.ExitStack() as stack:
        label, note = str(rules_dir), ""
        if draft:
            if context.get_parameter_source("rules_dir") is not ParameterSource.DEFAULT:
                fail("--draft and --rules contradict each other: the draft stands for the rules")
            if new or changed_since is not None:
                fail("--draft reads the whole corpus: it cannot be combined with --new or --changed-since")
            result, _, text = drafted(corpus, published, max_size, 2, say_skipped=False,  # the report lists them
                                      fewer="`factcheck rules draft --min-sources 1 -o rules/STORY.toml`")
            rules_dir, label, no_db = stack.enter_context(draft_folder(text)), "a draft of the corpus", True
            note = (f"the rules are a draft of the corpus ({len(result.rules.entities)} entities, "
                    f"{len(result.proposals)} claims, as `factcheck rules draft` writes them): its findings are leads "
                    f"to verify; write the draft with `factcheck rules draft {corpus_words(corpus)} -o "
                    "rules/STORY.toml` to read and refine it")
        _check(rules_dir, label, note, corpus, published, max_size, new, changed_since, baseline_path, no_baseline,
               fail_on, reviews_path, show, quiet, output_format, output, color, jobs, db, no_db, scheduler)


def _check(rules_dir: Path, label: str, note: str, corpus: tuple[Path, ...], published: dt.date | None, max_size: int,
           new: tuple[Path, ...], changed_since: str | None, baseline_path: Path | None, no_baseline: bool,
           fail_on: str, reviews_path: Path | None, show: frozenset[str], quiet: bool, output_format: str,
           output: Path | None, color: str, jobs: int, db: Path | None, no_db: bool, scheduler: str | None) -> None:
    rules = valid_rules(rules_dir)
    chosen = formatters.get(output_format)
    recorded = None
    configured = from_settings("baseline_path")
    if baseline_path is not None and no_baseline and not configured:
        fail("--baseline and --no-baseline contradict each other")
    if no_baseline:
        baseline_path = None
    elif configured:  # the settings' baseline stands for the default one: read where it exists (a pipe or a
        # folder there is refused with the reason, never passed over)
        baseline_path = baseline_path if baseline_path is not None and baseline_path.exists() else None
    elif baseline_path is None and in_project(DEFAULT_BASELINE).exists():
        baseline_path = in_project(DEFAULT_BASELINE)
    if baseline_path is not None:
        try:
            recorded = read_baseline(baseline_path)
        except BaselineError as error:
            fail(str(error))
    if no_db and from_settings("db"):  # --no-db overrides the settings' store rather than contradicting it
        db = None
    with progress_shown(quiet, color=color) as progress:
        report = run_report(corpus, rules, rules_dir, published, max_size, new, changed_since, recorded,
                            execution_of(jobs, db, no_db, scheduler), keep_texts=chosen.needs_texts,
                            progress=progress)
    report = with_reviews(report, reviews_path or default_reviews(rules_dir))
    if note:  # a report of drafted rules says so in every format, first of its notes
        report = dataclasses.replace(report, warnings=(note, *report.warnings))
    shown = display(output, chosen.for_a_terminal, color)
    # --quiet shows what fails the run: conflicts, and warnings too with --fail-on warning.
    failing = {"conflict", "warning"} if fail_on == "warning" else {"conflict"} if fail_on == "conflict" else set()
    options = formatters.Options(shown.color, shown.width, label,
                                 frozenset(show & failing) if quiet else show, quiet)
    emit_written(lambda out: chosen.write(report, options, out), output)
    if baseline_path is not None:
        click.echo(f"factcheck: {report.baseline_hidden} finding(s) recorded in the baseline {baseline_path} not "
                   "shown", err=True)
    if report.rule_errors:
        fail(f"the rules in {rules_dir} are not usable on {', '.join(report.rule_errors)}: a claim's pattern took too "
             "long there (listed as skipped, with the claim and the pattern; the other articles were checked)")
    if report.internal_errors:
        fail(f"internal error on {', '.join(report.internal_errors)} (listed as skipped; the other articles were "
             "checked). This is a bug in factcheck: please report it with that input.")
    if report.focused and not report.new_articles:  # (a new article that could not be read failed before)
        since = f" since {changed_since}" if changed_since is not None else ""
        click.echo(f"factcheck: no article changed{since}: nothing to check", err=True)
        sys.exit(EXIT_OK)
    if not report.articles:
        fail("no usable article: " + ("; ".join(f"{s.path}: {s.reason}" for s in report.skipped)
                                      or "nothing found in " + ", ".join(map(str, corpus or ("corpus",)))))
    sys.exit(exit_status(report, fail_on))
