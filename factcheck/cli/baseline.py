"""`factcheck baseline`: today's conflicts and warnings recorded, so that CI reports only new ones."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click
from click.core import ParameterSource

from factcheck.baseline import DEFAULT_BASELINE, baseline_json
from factcheck.cli.configured import in_project
from factcheck.cli.options import (
    corpus_options,
    rules_option,
)
from factcheck.cli.output import emit, fail
from factcheck.cli.running import run_report, valid_rules


@click.command("baseline")
@corpus_options
@rules_option
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              default=DEFAULT_BASELINE, show_default=True, help="Where to write the baseline.")
def baseline_command(corpus: tuple[Path, ...], rules_dir: Path, published: dt.date | None, max_size: int,
                     output: Path) -> None:
    """Record today's conflicts and warnings, so that `check --baseline FILE` reports only new ones.

    A finding is recorded by its claim, its values and its articles, not by line numbers.
    """
    rules = valid_rules(rules_dir)
    if click.get_current_context().get_parameter_source("output") is ParameterSource.DEFAULT:
        output = in_project(output)
    report = run_report(corpus, rules, rules_dir, published, max_size)
    if not report.articles:
        fail("no usable article, no baseline written: " + "; ".join(f"{s.path}: {s.reason}" for s in report.skipped))
    emit(baseline_json(report), output)
    recorded = sum(f.status != "consistent" for f in report.findings)
    click.echo(f"factcheck: {recorded} finding(s) recorded in {output}", err=True)
