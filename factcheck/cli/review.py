"""`factcheck review`: the open findings walked through, a decision recorded for each."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

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

if TYPE_CHECKING:
    from rich.console import Console

# What can be answered for a finding, each by its first letter or any start of its words.
ANSWERS = (*VERDICTS, "skip", "quit")
ANSWERS_HELP = "[c]onfirm [a]ccept [f]alse alarm [s]kip [q]uit ?"


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
    go; accepted and false-alarm findings no longer fail `factcheck check`. On a terminal one key answers: c
    (confirmed), a (accepted), f (false alarm), s or Enter (skip), q (quit); from a pipe, one answer a line, the
    key or the words.
    """
    from rich.console import Console
    from rich.prompt import Prompt
    from rich.text import Text

    from factcheck.formatters.terminal import finding_text  # here: rich is loaded for a person at a terminal

    refuse_stdin(corpus, "review reads your decisions from standard input")
    rules = valid_rules(rules_dir)
    path = reviews_path or default_reviews(rules_dir)
    try:
        entries = load_reviews(path)
    except ReviewsError as error:
        fail(str(error))
    report = apply_reviews(run_report(corpus, rules, rules_dir, published, max_size), entries)
    # A finding grouped under another is that one's slip: deciding the first decides it (decide.exit_status).
    open_findings = [f for f in report.findings
                     if f.status != "consistent" and f.decision is None and f.grouped_under is None]
    console = Console(highlight=False)
    if not open_findings:
        console.print(f"No open finding: every conflict and warning is decided in {path}.")
        return
    if reviewer is None and not stdin_is_a_terminal():
        # From a pipe, the first line would be taken for a name and every answer after it shifted by one.
        fail("no reviewer name: give one with --reviewer NAME (answers from a pipe are decisions, not a name)")
    try:
        name = reviewer or Prompt.ask("Your name", console=console)
    except EOFError:
        fail("no reviewer name: give one with --reviewer NAME")
    for number, finding in enumerate(open_findings, 1):
        console.print(f"[bold]Finding {number} of {len(open_findings)}[/bold]")
        shown = finding_text(report, finding, formatters.Options(console.is_terminal, console.width))
        # Laid out at the console's width already: printed as it is, not wrapped again nor read as markup.
        console.print(Text.from_ansi(shown.rstrip("\n")), soft_wrap=True)
        verdict = ask_decision(console)
        if verdict == "quit":
            break
        if verdict == "skip":
            continue
        try:
            note = Prompt.ask("Note", default="", console=console)
        except EOFError:  # the answers ended after a decision: it stands, without a note
            console.print()
            note = ""
        entry = entry_for(finding, Decision(verdict, name, dt.date.today().isoformat(), note))
        entries[entry.fingerprint] = entry
        save_reviews(path, entries)
        console.print(f"Recorded in {path}.\n")


def answer_of(typed: str) -> str | None:
    """The answer a key or words stand for: the one answer they begin (c, conf, confirmed: confirmed; f, false,
    false-alarm: false alarm), skip for nothing (Enter), None for anything else."""
    words = " ".join(typed.lower().replace("-", " ").split())
    if not words:
        return "skip"
    return next((answer for answer in ANSWERS if answer.startswith(words)), None)


def stdin_is_a_terminal() -> bool:
    return sys.stdin.isatty()


def ask_decision(console: Console) -> str:
    """The reviewer's answer for a finding: one key on a terminal, a line (a key or the words) otherwise, asked
    again until it is one; the end of the input quits (nothing more is recorded)."""
    while True:
        console.print(f"Decision {ANSWERS_HELP} ", end="", markup=False)
        if stdin_is_a_terminal():
            key = click.getchar()
            typed = "" if key in ("\r", "\n") else key
            console.print(answer_of(typed) or key, markup=False)
        else:
            line = sys.stdin.readline()
            if not line:
                console.print()
                return "quit"
            typed = line
        answer = answer_of(typed)
        if answer is not None:
            return answer
        console.print(f"Not an answer: {typed.strip()!r}; one of c, a, f, s, q.", markup=False)
