"""`factcheck rules check` and `rules test`: the rule files validated, their examples run."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from factcheck.cli.draft import rules_draft
from factcheck.cli.output import EXIT_CONFLICT, EXIT_OK, fail
from factcheck.cli.running import valid_rules
from factcheck.examples import run_examples
from factcheck.formatters.escape import log_lines, terminal_text
from factcheck.formatters.examples import render_example_results
from factcheck.patterns import PatternTooSlow
from factcheck.rules.load import validate


@click.group()
def rules() -> None:
    """Validate rule files, run the examples they carry, and draft them from a corpus."""


rules.add_command(rules_draft)


@rules.command("check")
@click.argument("rules_dir", required=False, default=Path("rules"), type=click.Path(path_type=Path))
def rules_check(rules_dir: Path) -> None:
    """Validate the rule files in RULES_DIR (default ./rules) without running them.

    Every error is printed as path:line:column: message, all of them in one run. Exit status 0 if the rules are
    valid, 2 if not.
    """
    found, errors = validate(rules_dir)
    for error in errors:
        click.echo(log_lines(terminal_text(str(error))))  # a file name may hold a line break or start with ::
    if errors or found is None:
        fail(f"{len(errors)} error(s) in the rules in {rules_dir}")
    click.echo(f"{rules_dir}: {len(found.files)} file(s), {len(found.entities)} entities, {len(found.claims)} claims, "
               f"{sum(len(c.examples) for c in found.claims)} examples: valid")


@rules.command("test")
@click.argument("rules_dir", required=False, default=Path("rules"), type=click.Path(path_type=Path))
def rules_test(rules_dir: Path) -> None:
    """Run the examples of the rules in RULES_DIR (default ./rules).

    Each failure shows the example, the value expected, the values read and how they were read. Exit status 0 if
    every example holds, 1 if one fails, 2 if the rules are not valid.
    """
    try:
        results = run_examples(valid_rules(rules_dir))
    except PatternTooSlow as error:  # a rule's cue that backtracks catastrophically on an example
        fail(f"{rules_dir}: an example: {error}; simplify the rules' cues")
    click.echo(render_example_results(results), nl=False)
    sys.exit(EXIT_CONFLICT if any(not r.passed for r in results) else EXIT_OK)
