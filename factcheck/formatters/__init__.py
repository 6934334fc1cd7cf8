"""Formatters: each writes a Report as text to an output, with the same interface, so a new output format is one
module.

A formatter writes piece by piece (a finding, a statement at a time) instead of building the whole document first:
a report of a hundred thousand articles is then never held twice, as records and as text. They only read the
records; every value, status and explanation was decided by the library before them.
"""

from __future__ import annotations

import importlib
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from factcheck.findings import Report
from factcheck.reviews import PASSING_VERDICTS

if TYPE_CHECKING:
    from rich.console import Console

STATUSES = ("conflict", "warning", "consistent")


@dataclass(frozen=True, slots=True)
class Options:
    color: bool = False
    # The terminal's width, which reports for people wrap at with hanging indents; None for a file or a pipe, which
    # get one line per paragraph (a log viewer or an editor wraps them at its own width).
    width: int | None = None
    rules: str = ""
    # For a report read by people (terminal): which findings it shows, and whether only those that fail the run
    # and the summary (--quiet). Machine formats always give every finding.
    show: frozenset[str] = frozenset(STATUSES)
    quiet: bool = False


class Output(Protocol):
    """Where a formatter writes: a text file, standard output, a StringIO."""

    def write(self, text: str, /) -> object: ...


Formatter = Callable[[Report, Options, Output], None]


def console_for(buffer: io.StringIO, options: Options) -> Console:
    """A rich console writing into `buffer`: coloured or not, wrapping at the terminal's width or not at all."""
    from rich.console import Console  # here: a JSON run never needs rich

    return Console(file=buffer, force_terminal=options.color, no_color=not options.color,
                   color_system="standard" if options.color else None, width=options.width or 100,
                   soft_wrap=options.width is None, highlight=False, emoji=False)


def status_counts(report: Report) -> dict[str, int]:
    """How many findings of each status, a slip counted once: findings grouped under another are not counted."""
    counts = dict.fromkeys(STATUSES, 0)
    for finding in report.findings:
        if finding.grouped_under is None:
            counts[finding.status] += 1
    return counts


def summary_notes(report: Report) -> str:
    """What the counts leave to a second look: findings of the same slip as another, grouped under it, and
    findings an editor accepted or called a false alarm, which no longer fail the run; "" where there are none."""
    grouped = sum(f.grouped_under is not None for f in report.findings)
    decided = sum(f.decision is not None and f.decision.verdict in PASSING_VERDICTS and f.grouped_under is None
                  for f in report.findings)
    return ((f"; {grouped} more finding(s) of the same slip(s), grouped under them" if grouped else "")
            + (f"; {decided} finding(s) reviewed as accepted or a false alarm, no longer failing" if decided else ""))


def articles_checked(report: Report) -> str:
    """How many articles were checked, and with --new how many others were their evidence."""
    if not report.new_articles:
        left_out = sum(bool(a.outside) for a in report.articles)
        return f"{len(report.articles)} article(s) read" + (
            f" ({left_out} about none of the rules' stories)" if left_out else "")
    return f"{len(report.new_articles)} new article(s) checked ({report.evidence_articles:,} other(s) as evidence)"


# How many articles outside the rules' stories a report for people lists by name; the JSON report lists them all.
OUTSIDE_SHOWN = 20


def outside(report: Report) -> list[tuple[str, str]]:
    """The articles of the report that tell none of the rules' stories, as (path, why), by path."""
    return sorted((a.path, a.outside) for a in report.articles if a.outside)


def outside_lines(report: Report) -> list[str]:
    """'path: why' for the first articles outside the rules' stories, and how many more there are."""
    left_out = outside(report)
    lines = [f"{path}: {why}" for path, why in left_out[:OUTSIDE_SHOWN]]
    if len(left_out) > OUTSIDE_SHOWN:
        lines.append(f"... and {len(left_out) - OUTSIDE_SHOWN} more (the JSON report lists them all)")
    return lines


def to_text(formatter: Formatter, report: Report, options: Options) -> str:
    """What a formatter writes, as one string (for tests and for showing one finding at a time)."""
    buffer = io.StringIO()
    formatter(report, options, buffer)
    return buffer.getvalue()


@dataclass(frozen=True, slots=True)
class Format:
    """A report format: its formatter, and what the formatter declares it needs (module constants `NEEDS_TEXTS`,
    `FOR_A_TERMINAL`), so that whoever runs the check gives it that."""

    name: str
    write: Formatter
    needs_texts: bool  # the report carries the articles' full texts, which the format shows
    for_a_terminal: bool  # laid out for a person: in colour and as wide as the terminal, when written to one


# Each format's module, imported when the format is asked for: a run pays the start-up of its own formatter only
# (the terminal's needs rich, the junit one xml), which counts for a CI check of one new article.
_MODULES = {"terminal": "terminal", "json": "json_report", "sarif": "sarif", "github": "github", "junit": "junit",
            "markdown": "markdown", "html": "html"}
NAMES = tuple(sorted(_MODULES))
DEFAULT = "terminal"  # what `check` writes unless told otherwise


def get(name: str) -> Format:
    module = importlib.import_module(f"factcheck.formatters.{_MODULES[name]}")
    return Format(name, module.write, getattr(module, "NEEDS_TEXTS", False), getattr(module, "FOR_A_TERMINAL", False))

