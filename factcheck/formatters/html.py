"""The HTML report: one self-contained file an editor opens in a browser (no network, no scripts).

A summary; a card per finding with the competing values, a timeline for dates (bounds drawn as ranges) or a chart of
figure against as-of date for cumulative counts, and each statement's sentence with the matched words marked and a
link into the article; below, every article's full text with its statements marked and anchored. Every piece of
article and rule text is escaped: an article containing `<script>` shows it as text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from html import escape

from factcheck.findings import Finding, Report, Statement
from factcheck.formatters import Options, Output, articles_checked, outside
from factcheck.formatters.locations import value_text

_STYLE = """
:root { --conflict: #b42318; --warning: #b54708; --consistent: #067647; --ink: #1d2939; --muted: #667085; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0;
       background: #f9fafb; }
header, main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
h1 { margin: 0.5rem 0; } h2 { font-size: 1.15rem; margin: 0 0 0.5rem; }
.summary span { display: inline-block; margin-right: 1rem; }
.card { background: #fff; border: 1px solid #e4e7ec; border-left: 6px solid var(--muted); border-radius: 6px;
        padding: 1rem; margin: 1rem 0; break-inside: avoid; }
.card.conflict { border-left-color: var(--conflict); } .card.warning { border-left-color: var(--warning); }
.card.consistent { border-left-color: var(--consistent); }
.status { text-transform: uppercase; font-size: 0.8rem; font-weight: 700; margin-right: 0.5rem; }
.conflict .status { color: var(--conflict); } .warning .status { color: var(--warning); }
.consistent .status { color: var(--consistent); }
code { font-size: 0.85em; color: var(--muted); }
table { border-collapse: collapse; margin: 0.5rem 0; } td, th { padding: 0.2rem 0.6rem; text-align: left;
        border-bottom: 1px solid #eaecf0; vertical-align: top; }
blockquote { margin: 0.5rem 0; padding: 0.5rem 0.75rem; background: #f2f4f7; border-radius: 4px; }
mark { background: #fef0c7; padding: 0 0.1em; }
mark:target { background: #fdb022; outline: 2px solid var(--warning); }
.how { color: var(--muted); font-size: 0.9rem; margin: 0.25rem 0 0.75rem; }
.decision { margin-top: 0.5rem; padding: 0.4rem 0.6rem; background: #ecfdf3; border-radius: 4px; }
svg { width: 100%; height: auto; max-width: 100%; }
svg text { font: 11px system-ui, sans-serif; fill: var(--ink); }
.article-text { white-space: pre-wrap; background: #fff; border: 1px solid #e4e7ec; border-radius: 6px;
                padding: 1rem; overflow-wrap: anywhere; }
@media (max-width: 600px) { body { font-size: 15px; } td, th { padding: 0.2rem 0.3rem; } }
@media print { body { background: #fff; } .card, .article-text { border-color: #999; } a { color: inherit; } }
"""

NEEDS_TEXTS = True  # every article's full text, with its statements marked, below the findings

_COLOURS = ["#1570ef", "#b42318", "#067647", "#b54708", "#6941c6", "#0e7090", "#c11574", "#475467"]


def _anchor_id(statement: Statement) -> str:
    return f"s-{statement.article}-{statement.start}"


def _marked_sentence(statement: Statement) -> str:
    sentence, out, cursor = statement.quote, [], statement.quote_start
    for start, end in statement.highlights:
        start, end = max(start, cursor), min(end, statement.quote_start + len(sentence))
        if start >= end:
            continue
        out.append(escape(sentence[cursor - statement.quote_start:start - statement.quote_start]))
        out.append(f"<mark>{escape(sentence[start - statement.quote_start:end - statement.quote_start])}</mark>")
        cursor = end
    out.append(escape(sentence[cursor - statement.quote_start:]))
    return "".join(out)


def _day(text: object) -> dt.date | None:
    return dt.date.fromisoformat(str(text)) if text else None


def _timeline(finding: Finding) -> str:
    """Each source's day on one axis; a bound is a range running to the edge it leaves open."""
    rows = [(s, _day(s.extra.get("earliest")), _day(s.extra.get("latest"))) for s in finding.statements]
    days = [d for _, a, b in rows for d in (a, b) if d is not None]
    if not days:
        return ""
    first, last = min(days) - dt.timedelta(days=1), max(days) + dt.timedelta(days=1)
    span = max((last - first).days, 1)
    width, left, right, row_height = 640, 150, 20, 24
    height = 40 + row_height * len(rows)

    def x(day: dt.date) -> float:
        return left + (width - left - right) * (day - first).days / span

    parts = [f'<svg class="timeline" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="timeline of the days each source gives">']
    day = first
    while day <= last:
        parts.append(f'<line x1="{x(day):.1f}" y1="20" x2="{x(day):.1f}" y2="{height - 10}" stroke="#eaecf0"/>'
                     f'<text x="{x(day):.1f}" y="14" text-anchor="middle">{day:%d %b}</text>')
        day += dt.timedelta(days=max(1, span // 10))
    for number, (statement, earliest, latest) in enumerate(rows):
        y = 36 + row_height * number
        colour = _COLOURS[number % len(_COLOURS)]
        parts.append(f'<text x="4" y="{y + 4}">{escape(statement.article[:22])}</text>')
        if earliest is not None and earliest == latest:
            parts.append(f'<circle cx="{x(earliest):.1f}" cy="{y}" r="6" fill="{colour}">'
                         f'<title>{escape(statement.article)}: {escape(str(statement.value))}</title></circle>')
        else:
            start_x = x(earliest) if earliest else left
            end_x = x(latest) if latest else width - right
            parts.append(f'<rect x="{start_x:.1f}" y="{y - 4}" width="{max(end_x - start_x, 2):.1f}" height="8" '
                         f'rx="4" fill="{colour}" opacity="0.5"><title>{escape(statement.article)}: '
                         f'{escape(str(statement.value))}</title></rect>')
        parts.append(f'<text x="{width - right}" y="{y + 4}" text-anchor="end">{escape(str(statement.value))}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _count_chart(finding: Finding) -> str:
    """Each source's figure against its as-of date: an interval is a bar, an open upper end an arrow."""
    rows: list[tuple[Statement, dt.date, float, float | None]] = []
    for statement in finding.statements:
        day, figure_low, figure_high = (_day(statement.extra.get("as_of")), statement.extra.get("low"),
                                        statement.extra.get("high"))
        if day is not None and figure_low is not None:
            rows.append((statement, day, float(figure_low), None if figure_high is None else float(figure_high)))
    if not rows:
        return ""
    days = [r[1] for r in rows]
    values = [v for r in rows for v in (r[2], r[3]) if v is not None]
    first, last = min(days) - dt.timedelta(days=1), max(days) + dt.timedelta(days=1)
    low, high = 0.0, max(values) * 1.15 or 1.0
    width, height, left, bottom = 640, 260, 60, 30

    def x(day: dt.date) -> float:
        return left + (width - left - 20) * (day - first).days / max((last - first).days, 1)

    def y(value: float) -> float:
        return height - bottom - (height - bottom - 20) * (value - low) / (high - low)

    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="figure against as-of date per source">',
             f'<line x1="{left}" y1="{height - bottom}" x2="{width - 20}" y2="{height - bottom}" stroke="#98a2b3"/>',
             f'<line x1="{left}" y1="20" x2="{left}" y2="{height - bottom}" stroke="#98a2b3"/>',
             f'<text x="4" y="24">{high:,.0f}</text><text x="4" y="{height - bottom}">0</text>']
    for day in sorted(set(days)):
        parts.append(f'<text x="{x(day):.1f}" y="{height - 10}" text-anchor="middle">{day:%d %b}</text>')
    for number, (statement, day, value_low, value_high) in enumerate(rows):
        colour = _COLOURS[number % len(_COLOURS)]
        top = y(value_high) if value_high is not None else 20
        label = f"{escape(statement.article)}: {escape(str(statement.value))} as of {day}"
        parts.append(f'<rect x="{x(day) - 5 + number * 3:.1f}" y="{top:.1f}" width="8" '
                     f'height="{max(y(value_low) - top, 2):.1f}" fill="{colour}" opacity="0.7"><title>{label}</title>'
                     f'</rect><text x="{x(day) + 8 + number * 3:.1f}" y="{top + 10:.1f}">{escape(str(statement.value))}'
                     "</text>")
    parts.append("</svg>")
    return "".join(parts)


def _figure(finding: Finding) -> str:
    """The picture a finding's values call for, whatever its kind: days and bounds on a timeline (statements
    that give an `earliest` and a `latest` day), figures against their as-of dates on a chart (a `low` figure as of
    a day); none for other values."""
    extras = [s.extra for s in finding.statements]
    if extras and all("earliest" in extra and "latest" in extra for extra in extras):
        return _timeline(finding)
    if any("low" in extra for extra in extras) and any(extra.get("as_of") for extra in extras):
        return _count_chart(finding)
    return ""


def _card(finding: Finding, number: int) -> str:
    values = "".join(f"<tr><td><strong>{escape(value_text(g.value))}</strong></td>"
                     f"<td>{len(g.articles)} source{'s' if len(g.articles) != 1 else ''}: "
                     f"{escape(', '.join(g.articles))}</td></tr>" for g in finding.values)
    figure = _figure(finding)
    statements = "".join(
        f'<li><blockquote>{_marked_sentence(s)}</blockquote>'
        f'<p class="how"><a href="#{_anchor_id(s)}">{escape(s.article)}, line {s.line}:{s.column}</a> reads '
        f"<strong>{escape(value_text(s.value))}</strong>: {escape(s.explanation)}</p></li>"
        for s in finding.statements)
    decision = ""
    if finding.decision is not None:
        decision = (f'<p class="decision">Reviewed: <strong>{escape(finding.decision.verdict)}</strong> by '
                    f"{escape(finding.decision.reviewer)} on {escape(finding.decision.date)}"
                    + (f": {escape(finding.decision.note)}" if finding.decision.note else "") + "</p>")
    return (f'<article class="card {finding.status}" id="finding-{number}">'
            f'<h2><span class="status">{finding.status}</span>{escape(finding.title)} '
            f"<code>{escape(finding.claim)}</code></h2><p>{escape(finding.message)}</p>"
            f"<table>{values}</table>{figure}<ol>{statements}</ol>{decision}</article>")


def _article_texts(report: Report) -> Iterator[str]:
    """Each article's section: its full text with its statements marked and anchored."""
    marks: dict[str, list[Statement]] = {}
    for finding in report.findings:
        for statement in finding.statements:
            marks.setdefault(statement.article, []).append(statement)
    for article in report.articles:
        text = report.texts.get(article.id)
        if text is None:
            continue
        out, cursor = [], article.body_start
        for statement in sorted({_anchor_id(s): s for s in marks.get(article.id, [])}.values(), key=lambda s: s.start):
            if statement.start < cursor:
                continue
            out.append(escape(text[cursor:statement.start]))
            out.append(f'<mark id="{_anchor_id(statement)}" title="{escape(statement.claim)}">'
                       f"{escape(text[statement.start:statement.end])}</mark>")
            cursor = statement.end
        out.append(escape(text[cursor:]))
        yield (f'<section class="article" id="article-{escape(article.id)}"><h2>{escape(article.id)}</h2>'
               f'<p><code>{escape(article.path)}</code> · published {article.published}</p>'
               f'<div class="article-text">{"".join(out)}</div></section>')


def write(report: Report, options: Options, out: Output) -> None:
    """The page, written a card and an article at a time."""
    counts = {status: sum(f.status == status for f in report.findings)
              for status in ("conflict", "warning", "consistent")}
    summary = (f'<p class="summary"><span>{escape(articles_checked(report))}</span>'
               f"<span>{counts['conflict']} conflict(s)</span><span>{counts['warning']} warning(s)</span>"
               f"<span>{counts['consistent']} consistent</span>"
               + (f"<span>{len(report.skipped)} skipped</span>" if report.skipped else "") + "</p>")
    out.write("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
              "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
              "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
              "img-src data:\">"
              f"<title>factcheck report</title><style>{_STYLE}</style></head><body>"
              f'<header><h1>factcheck report</h1>{summary}</header><main><section id="findings">')
    for number, finding in enumerate(report.findings):
        out.write(_card(finding, number))
    out.write("</section>")
    if report.skipped:
        out.write("<h2>Skipped inputs</h2><ul>" + "".join(
            f"<li><code>{escape(s.path)}</code>: {escape(s.reason)}</li>" for s in report.skipped) + "</ul>")
    left_out = outside(report)
    if left_out:
        out.write("<h2>Not about the rules' stories</h2><p>Read, nothing checked:</p><ul>" + "".join(
            f"<li><code>{escape(path)}</code>: {escape(why)}</li>" for path, why in left_out) + "</ul>")
    if report.warnings:
        out.write("<h2>Notes</h2><ul>" + "".join(f"<li>{escape(note)}</li>" for note in report.warnings) + "</ul>")
    out.write('<h2 id="articles">Articles</h2>')
    for section in _article_texts(report):
        out.write(section)
    out.write("</main></body></html>\n")
