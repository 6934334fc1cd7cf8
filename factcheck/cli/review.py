"""`factcheck review`: the open findings walked through, a decision recorded for each."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import click

from factcheck import formatters
from factcheck.cli.options import (
    corpus_options,
    reviews_option,
    rules_option,
)
from factcheck.cli.output import fail
from factcheck.cli.running import default_reviews, refuse_stdin, run_report, valid_rules
from factcheck.findings import Decision
from factcheck.reviews import VERDICTS, ReviewsError, apply_reviews, entry_for, load_reviews, save_reviews


@click.command("review")
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

    refuse_stdin(corpus, "review reads your decisions from standard input")
    rules = valid_rules(rules_dir)
    path = reviews_path or default_reviews(rules_dir)
    try:
        entries = load_reviews(path)
    except ReviewsError as error:
        fail(str(error))
    report = apply_reviews(run_report(corpus, rules, rules_dir, published, max_size), entries)
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
        shown = formatters.to_text(formatters.for_a_terminal().write, single,
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
