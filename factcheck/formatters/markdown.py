"""Markdown for a pull-request comment: a summary, a table of the findings, then each one's quotes.

Article text, file names and ids are quoted, not written (escape.py: markdown_text, markdown_line, markdown_code):
a sentence with an asterisk, a bracket, a tag or a line break is shown as it stands and cannot break the table, add
a link or start a heading."""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.findings import Report, Statement
from factcheck.formatters import Options, Output, articles_checked, outside_lines, status_counts, summary_notes
from factcheck.formatters.escape import LogLines, markdown_code, markdown_line, markdown_text
from factcheck.formatters.locations import settled, value_text
from factcheck.formatters.mastheads import Sources, front_matter, link

_ICON = {"conflict": "❌ conflict", "warning": "⚠️ warning", "consistent": "✅ consistent"}


def _source(statement: Statement, known: Sources) -> str:
    """The outlet and the story, linked where the front matter gives a link a page may hold."""
    info = known.get(statement.article)
    if info is None:
        return ""
    title = markdown_text(info.title) if info.title else ""
    url = link(info.url)
    if url is not None:
        shown = f"[{title or markdown_text(url)}](<{url}>)"
    else:
        shown = ", ".join(p for p in (title, markdown_code(info.url) if info.url else "") if p)
    return ", ".join(p for p in (f"**{markdown_text(info.source)}**" if info.source else "", shown) if p) + ", "


def _quote(statement: Statement, known: Sources) -> str:
    sentence = statement.quote
    offset = statement.start - statement.quote_start
    marked = markdown_line(sentence[:offset]) + "**" + markdown_text(statement.text) + "**" \
        + markdown_text(sentence[offset + len(statement.text):])
    location = _source(statement, known) + markdown_code(f"{statement.path}:{statement.line}:{statement.column}")
    return f"> {marked}\n>\n> — {location} reads **{markdown_text(value_text(statement.value))}**: " \
           f"{markdown_text(statement.explanation)}\n"


def write(report: Report, options: Options, out: Output) -> None:
    lines = LogLines(out)  # a comment may be printed in a CI log too
    for line in _lines(report):
        lines.write(line + "\n")
    lines.flush()


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
            yield f"| {icon} | {markdown_text(finding.title)} | {markdown_text(values)} |"
        yield ""
    for finding in report.findings:
        if finding.status == "consistent":
            continue
        decided = settled(finding)
        icon = f"☑️ {finding.decision.verdict}" if decided and finding.decision else _ICON[finding.status]
        yield f"### {icon}: {markdown_text(finding.title)}\n\n{markdown_line(finding.message)}\n"
        if decided:
            yield f"Reviewed: {markdown_text(decided)}.\n"
        yield from (f"Also: {markdown_text(other)} (the same slip, below).\n" for other in finding.also)
        if finding.grouped_under is not None:
            yield f"The same slip as {markdown_text(finding.grouped_under)} (above).\n"
        yield from (_quote(s, known) for s in finding.statements)
    skipped = [f"- {markdown_code(s.path)}: {markdown_text(s.reason)}" for s in report.skipped]
    for heading, lines in (("Skipped inputs", skipped),
                           ("Not about the rules' stories (read, nothing checked)",
                            [f"- {markdown_line(line)}" for line in outside_lines(report)]),
                           ("Notes", [f"- {markdown_line(note)}" for note in report.warnings]),
                           ("Baseline entries that no longer occur",
                            [f"- {markdown_line(entry)}" for entry in report.baseline_gone])):
        if lines:
            yield f"### {heading}\n"
            yield from lines
            yield ""
