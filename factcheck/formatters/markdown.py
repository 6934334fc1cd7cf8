"""Markdown for a pull-request comment: a summary, a table of the findings, then each one's quotes."""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck.findings import Report, Statement
from factcheck.formatters import Options, Output, articles_checked, outside_lines, status_counts, summary_notes
from factcheck.formatters.locations import settled, value_text
from factcheck.formatters.mastheads import Sources, front_matter, link

_ICON = {"conflict": "❌ conflict", "warning": "⚠️ warning", "consistent": "✅ consistent"}


# Article text and file names are quoted, not written: characters Markdown or HTML would act on are escaped, so a
# sentence with an asterisk, a bracket or a tag is shown as it stands and cannot break the table or add a link.
# An underscore inside a word (a file name like 001_15ab) is left alone: GitHub Markdown reads no emphasis there.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*\[\]<|~]|(?<!\w)_|_(?!\w))")


def _text(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text.replace("&", "&amp;")).replace("\r", " ").replace("\n", " ")


def _code(text: str) -> str:
    """A code span that holds any text: the fence is one backtick longer than the longest run inside."""
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    return f"{fence} {text} {fence}" if "`" in text else f"{fence}{text}{fence}"


def _source(statement: Statement, known: Sources) -> str:
    """The outlet and the story, linked where the front matter gives a link a page may hold."""
    info = known.get(statement.article)
    if info is None:
        return ""
    title = _text(info.title) if info.title else ""
    url = link(info.url)
    if url is not None:
        shown = f"[{title or _text(url)}](<{url}>)"
    else:
        shown = ", ".join(p for p in (title, _code(info.url) if info.url else "") if p)
    return ", ".join(p for p in (f"**{_text(info.source)}**" if info.source else "", shown) if p) + ", "


def _quote(statement: Statement, known: Sources) -> str:
    sentence = statement.quote
    offset = statement.start - statement.quote_start
    marked = _text(sentence[:offset]) + "**" + _text(statement.text) + "**" \
        + _text(sentence[offset + len(statement.text):])
    location = _source(statement, known) + _code(f"{statement.path}:{statement.line}:{statement.column}")
    return f"> {marked}\n>\n> — {location} reads **{_text(value_text(statement.value))}**: " \
           f"{_text(statement.explanation)}\n"


def write(report: Report, options: Options, out: Output) -> None:
    for line in _lines(report):
        out.write(line + "\n")


def _lines(report: Report) -> Iterator[str]:
    """The document's lines, as they come (one may hold line breaks of its own)."""
    counts = status_counts(report)
    known = front_matter(report)
    yield (f"## factcheck: {counts['conflict']} conflict(s), {counts['warning']} warning(s), "
           f"{counts['consistent']} consistent\n")
    yield (articles_checked(report) + (f", {len(report.skipped)} skipped" if report.skipped else "")
           + (f"; findings of the new article(s): {', '.join(report.new_articles)}" if report.new_articles else "")
           + summary_notes(report) + ".\n")
    if report.findings:
        yield "| status | claim | values (sources) |\n|---|---|---|"
        for finding in report.findings:
            values = "; ".join(f"{value_text(g.value)} ({', '.join(g.articles)})" for g in finding.values)
            icon = ("↳ the same slip" if finding.grouped_under is not None
                    else f"☑️ {finding.decision.verdict}" if settled(finding) and finding.decision
                    else _ICON[finding.status])
            yield f"| {icon} | {_text(finding.title)} | {_text(values)} |"
        yield ""
    for finding in report.findings:
        if finding.status == "consistent":
            continue
        decided = settled(finding)
        icon = f"☑️ {finding.decision.verdict}" if decided and finding.decision else _ICON[finding.status]
        yield f"### {icon}: {_text(finding.title)}\n\n{_text(finding.message)}\n"
        if decided:
            yield f"Reviewed: {_text(decided)}.\n"
        yield from (f"Also: {_text(other)} (the same slip, below).\n" for other in finding.also)
        if finding.grouped_under is not None:
            yield f"The same slip as {_text(finding.grouped_under)} (above).\n"
        yield from (_quote(s, known) for s in finding.statements)
    for heading, lines in (("Skipped inputs", [f"- {_code(s.path)}: {_text(s.reason)}" for s in report.skipped]),
                           ("Not about the rules' stories (read, nothing checked)",
                            [f"- {_text(line)}" for line in outside_lines(report)]),
                           ("Notes", [f"- {_text(note)}" for note in report.warnings]),
                           ("Baseline entries that no longer occur",
                            [f"- {_text(entry)}" for entry in report.baseline_gone])):
        if lines:
            yield f"### {heading}\n"
            yield from lines
            yield ""
