"""The terminal report: conflicts first, then warnings, then one line per consistent claim, then skipped inputs.

Each statement of a conflict or warning shows where it is (article, path:line:column), the sentence with the
matched words highlighted, the value and how it was resolved: enough to verify it in seconds.
"""

from __future__ import annotations

import io

from rich.console import Console
from rich.style import Style
from rich.text import Text

from factcheck.findings import Finding, Report, Statement
from factcheck.formatters import (
    STATUSES,
    Options,
    Output,
    articles_checked,
    console_for,
    outside_lines,
    status_counts,
    summary_notes,
)
from factcheck.formatters.escape import LogLines, terminal_styled
from factcheck.formatters.mastheads import Sources, front_matter, link, named
from factcheck.inputs.article import ArticleInfo

FOR_A_TERMINAL = True

_STATUS_STYLE = {"conflict": "bold red", "warning": "bold yellow", "consistent": "green"}


def _value(value: object) -> str:
    return " -> ".join(value) if isinstance(value, tuple) else str(value)


def _quote(item: Statement) -> Text:
    """The sentence, with the words that made the statement highlighted."""
    text = Text()
    text.append("“", style="dim")
    cursor = item.quote_start
    sentence_end = item.quote_start + len(item.quote)
    for start, end in item.highlights:
        start, end = max(start, cursor), min(end, sentence_end)
        if start >= end:
            continue
        text.append(item.quote[cursor - item.quote_start:start - item.quote_start])
        text.append(item.quote[start - item.quote_start:end - item.quote_start], style="bold underline yellow")
        cursor = end
    text.append(item.quote[cursor - item.quote_start:])
    text.append("”", style="dim")
    return text


def _say(console: Console, text: Text, indent: int, hang: int = 0) -> None:
    """One paragraph, `indent` spaces in. On a terminal it wraps at the terminal's width with its later lines
    `hang` spaces further in (under the text, not under the margin); for a file or a pipe it is one line. Every
    piece of input text reaches the terminal here: its control characters are shown, never sent (escape.py)."""
    terminal_styled(text)
    if console.soft_wrap:
        console.print(Text(" " * indent) + text)
        return
    width = max(console.width - indent - hang, 20)
    for number, line in enumerate(text.wrap(console, width)):
        line.rstrip()
        console.print(Text(" " * (indent + (hang if number else 0))) + line)


def _statement(console: Console, item: Statement, known: Sources) -> None:
    header = Text()
    header.append(named(item.article, known), style="bold")
    header.append(f"  {item.path}:{item.line}:{item.column}  ", style="dim")
    header.append(_value(item.value), style="bold cyan")
    if "modality" in item.extra and item.extra["modality"] == "planned":
        header.append("  (planned)", style="italic")
    _say(console, header, 2, 2)
    _say(console, _quote(item), 4, 1)
    _say(console, Text(item.explanation, style="dim"), 4)
    if (info := known.get(item.article)) is not None and (info.title or info.url):
        _say(console, _story(info), 4)


def _story(info: ArticleInfo) -> Text:
    """The story's title and link, the link clickable where the terminal can."""
    line = Text()
    if info.title:
        line.append(f"“{info.title}”", style="italic")
    if info.url:
        line.append("  " if info.title else "")
        line.append(info.url, style=Style(dim=True, link=link(info.url)))
    return line


def _finding(console: Console, finding: Finding, known: Sources) -> None:
    title = Text()
    title.append(finding.status.upper(), style=_STATUS_STYLE[finding.status])
    title.append(f"  {finding.claim}", style="bold")
    if finding.title != finding.claim:
        title.append(f" — {finding.title}")
    _say(console, title, 0, 2)
    _say(console, Text(finding.message), 2, 2)
    for other in finding.also:
        _say(console, Text(f"also: {other} (the same slip, below)", style="bold"), 2, 2)
    if finding.grouped_under is not None:
        _say(console, Text(f"the same slip as {finding.grouped_under} (above)", style="bold"), 2, 2)
    if finding.decision is not None:
        decided = f"DECIDED: {finding.decision.verdict} by {finding.decision.reviewer} on {finding.decision.date}"
        note = f": {finding.decision.note}" if finding.decision.note else ""
        _say(console, Text(decided + note, style="bold green"), 2, 2)
    for group in finding.values:
        line = Text()
        line.append(f"{_value(group.value)}  ".ljust(26), style="bold cyan")
        count = len(group.articles)
        line.append(f"{count} source{'s' if count != 1 else ''}: "
                    f"{', '.join(named(a, known) for a in group.articles)}")
        _say(console, line, 4, 26 if console.width >= 80 else 2)  # under the sources where there is room
    console.print()
    for item in finding.statements:
        _statement(console, item, known)
    console.print()


def finding_text(report: Report, finding: Finding, options: Options) -> str:
    """One finding of the report laid out as the report lays it out, alone (what `review` shows at a time)."""
    buffer = io.StringIO()
    _finding(console_for(buffer, options), finding, front_matter(report))
    return buffer.getvalue()


def write(report: Report, options: Options, out: Output) -> None:
    """Rich lays the report out in a buffer, which is passed on to `out` and emptied after each finding; a CI log
    may show it, so no line of article text is a workflow command."""
    buffer = io.StringIO()
    lines = LogLines(out)

    def pass_on() -> None:
        lines.write(buffer.getvalue())
        buffer.seek(0)
        buffer.truncate()

    console = console_for(buffer, options)
    summary = _summary(report, options)
    known = front_matter(report)
    if not options.quiet:
        _say(console, summary, 0, 2)
        console.print()
    for finding in report.findings:
        if finding.status != "consistent" and finding.status in options.show:
            _finding(console, finding, known)
            pass_on()
    consistent = [f for f in report.findings if f.status == "consistent"]
    if consistent and "consistent" in options.show and not options.quiet:
        console.print(Text("CONSISTENT", style=_STATUS_STYLE["consistent"]))
        reported = {f.claim for f in report.findings if f.status != "consistent" and f.status in options.show}
        for finding in consistent:
            line = Text("✓ ", style="green")
            line.append(finding.claim, style="bold")
            if finding.claim in reported:  # one claim under two statuses: say which part is which
                line.append(" (the rest: its other findings are above)")
            line.append(f"  {finding.message}")
            _say(console, line, 2, 4)
        console.print()
    _section(console, "SKIPPED", [f"{skipped.path}: {skipped.reason}" for skipped in report.skipped])
    if not options.quiet:
        _section(console, "NOT ABOUT THE RULES' STORIES (read, nothing checked)", outside_lines(report))
        _section(console, "IN THE BASELINE, NO LONGER FOUND", list(report.baseline_gone))
        _section(console, "NOTES", list(report.warnings))
    # The summary again at the end, where the last screen of a long report is read.
    _say(console, summary, 0, 2)
    pass_on()
    lines.flush()


def _summary(report: Report, options: Options) -> Text:
    counts = status_counts(report)
    summary = Text(f"factcheck: {articles_checked(report)}")
    if options.rules:
        summary.append(f" against the rules in {options.rules}")
    summary.append(" — ")
    summary.append(f"{counts['conflict']} conflict(s)", style=_STATUS_STYLE["conflict"])
    summary.append(", ")
    summary.append(f"{counts['warning']} warning(s)", style=_STATUS_STYLE["warning"])
    summary.append(", ")
    summary.append(f"{counts['consistent']} consistent", style=_STATUS_STYLE["consistent"])
    summary.append(summary_notes(report))
    if report.skipped:
        summary.append(f", {len(report.skipped)} input(s) skipped", style="bold")
    if report.new_articles:
        summary.append(f"; findings of the new article(s) only: {', '.join(report.new_articles)}")
    if report.baseline_hidden:
        summary.append(f"; {report.baseline_hidden} finding(s) in the baseline not shown")
    hidden = [status for status in STATUSES if status not in options.show and counts[status]]
    if hidden:
        summary.append(f"; not shown: {', '.join(hidden)}")
    return summary


def _section(console: Console, heading: str, lines: list[str]) -> None:
    """A headed list of plain lines, left out when empty."""
    if not lines:
        return
    console.print(Text(heading, style="bold"))
    for line in lines:
        _say(console, Text(line), 2, 2)
    console.print()
