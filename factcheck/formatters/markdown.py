"""Markdown for a pull-request comment: a summary, a table of the findings, then each one's quotes."""

from __future__ import annotations

from factcheck.findings import Report, Statement
from factcheck.formatters import Options
from factcheck.formatters.locations import value_text

_ICON = {"conflict": "❌ conflict", "warning": "⚠️ warning", "consistent": "✅ consistent"}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _quote(statement: Statement) -> str:
    sentence = statement.quote
    offset = statement.start - statement.quote_start
    marked = sentence[:offset] + "**" + statement.text + "**" + sentence[offset + len(statement.text):]
    return f"> {marked.replace(chr(10), ' ')}\n>\n> — `{statement.path}:{statement.line}:{statement.column}` " \
           f"reads **{value_text(statement.value)}**: {statement.explanation}\n"


def render(report: Report, options: Options) -> str:
    counts = {status: sum(f.status == status for f in report.findings) for status in _ICON}
    out = [f"## factcheck: {counts['conflict']} conflict(s), {counts['warning']} warning(s), "
           f"{counts['consistent']} consistent\n",
           f"{len(report.articles)} article(s) checked" + (f", {len(report.skipped)} skipped" if report.skipped else "")
           + (f"; findings of the new article(s): {', '.join(report.new_articles)}" if report.new_articles else "")
           + ".\n"]
    if report.findings:
        out.append("| status | claim | values (sources) |\n|---|---|---|")
        for finding in report.findings:
            values = "; ".join(f"{value_text(g.value)} ({', '.join(g.articles)})" for g in finding.values)
            out.append(f"| {_ICON[finding.status]} | {_cell(finding.title)} | {_cell(values)} |")
        out.append("")
    for finding in report.findings:
        if finding.status == "consistent":
            continue
        out.append(f"### {_ICON[finding.status]}: {finding.title}\n\n{finding.message}\n")
        out += [_quote(s) for s in finding.statements]
    if report.skipped:
        out.append("### Skipped inputs\n")
        out += [f"- `{s.path}`: {s.reason}" for s in report.skipped]
        out.append("")
    if report.baseline_gone:
        out.append("### Baseline entries that no longer occur\n")
        out += [f"- {entry}" for entry in report.baseline_gone]
        out.append("")
    return "\n".join(out) + "\n"
