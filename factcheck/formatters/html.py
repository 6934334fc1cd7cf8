"""The HTML report: one self-contained file an editor opens in a browser (no network, no scripts).

At the top, a summary table: a row a finding (its status, its values, its sources, the source that disagrees),
each linking to its card. Then a card per finding: conflicts and warnings open, consistent claims folded
(`<details>`); the competing values with their sources; a picture where the values call for one (html_charts.py:
a timeline of days, a chart of figures scaled to them, a day-by-place grid of whereabouts), with a legend and the
odd one out marked; each statement's sentence with the matched words marked and a link into the article. Below,
every article's full text with its statements marked and anchored. Sources are named by their outlet where the
report's article records carry one (`source`, linked to its `url`), else by the article id. Every piece of
article and rule text is escaped: an article containing `<script>` shows it as text.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from string import Template

from factcheck.decide import odd_ones_out
from factcheck.findings import Finding, Report, Statement, ValueGroup
from factcheck.formatters import Options, Output, articles_checked, outside, status_counts
from factcheck.formatters.escape import html_id
from factcheck.formatters.escape import html_text as escape
from factcheck.formatters.html_charts import (
    FLAG,
    Name,
    Odd,
    count_chart,
    key,
    presence_grid,
    timeline,
    words_read,
)
from factcheck.formatters.locations import value_text
from factcheck.formatters.mastheads import link
from factcheck.inputs.article import ArticleInfo

# The summary's background is a colour of its own, which the browser test looks for at the top of the page.
SUMMARY_BACKGROUND = "#eef4ff"

_STYLE = Template("""
:root { color-scheme: light dark; --conflict: #b42318; --warning: #b54708; --consistent: #067647; --ink: #1d2939;
        --muted: #667085; --page: #f9fafb; --card: #fff; --line: #e4e7ec; --quote: #f2f4f7; --mark: #fef0c7;
        --agree: #1570ef; --summary: $summary; --clash: #fee4e2; --changed: #fef0c7; --decided: #ecfdf3; }
@media (prefers-color-scheme: dark) {
  :root { --conflict: #f97066; --warning: #fdb022; --consistent: #47cd89; --ink: #e4e7ec; --muted: #98a2b3;
          --page: #0c111d; --card: #161b26; --line: #333741; --quote: #1f242f; --mark: #4e3b09; --agree: #53b1fd;
          --summary: #102a56; --clash: #55160c; --changed: #4e3b09; --decided: #053321; }
}
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0;
       background: var(--page); }
a { color: var(--agree); }
header, main { max-width: 60rem; margin: 0 auto; padding: 0.5rem 1rem; }
h1 { margin: 0.5rem 0 0.25rem; } h2 { font-size: 1.25rem; margin: 1rem 0 0.5rem; }
h3 { font-size: 1.05rem; margin: 0; display: inline; }
.counts span { display: inline-block; margin-right: 1rem; }
#summary { background: var(--summary); border-radius: 6px; padding: 0.5rem 1rem 0.75rem; }
#summary h2 { margin-top: 0.25rem; }
#summary table { width: 100%; } #summary th:first-child { width: 34%; }
#summary details > summary { cursor: pointer; margin-top: 0.5rem; }
.card { background: var(--card); border: 1px solid var(--line); border-left: 6px solid var(--muted);
        border-radius: 6px; padding: 0.5rem 1rem; margin: 0.5rem 0; break-inside: avoid; }
.card > details > summary { cursor: pointer; padding: 0.25rem 0; }
.card > details[open] > summary { margin-bottom: 0.5rem; }
.card.conflict { border-left-color: var(--conflict); } .card.warning { border-left-color: var(--warning); }
.card.consistent { border-left-color: var(--consistent); }
.status { text-transform: uppercase; font-size: 0.8rem; font-weight: 700; margin-right: 0.5rem; }
.conflict .status, .status.conflict { color: var(--conflict); }
.warning .status, .status.warning { color: var(--warning); }
.consistent .status, .status.consistent { color: var(--consistent); }
code { font-size: 0.85em; color: var(--muted); }
table { border-collapse: collapse; margin: 0.5rem 0; } td, th { padding: 0.2rem 0.6rem; text-align: left;
        border-bottom: 1px solid var(--line); vertical-align: top; }
caption { text-align: left; color: var(--muted); font-size: 0.9rem; }
blockquote { margin: 0.5rem 0; padding: 0.5rem 0.75rem; background: var(--quote); border-radius: 4px; }
mark { background: var(--mark); color: inherit; padding: 0 0.1em; }
mark:target { outline: 2px solid var(--warning); }
.how { color: var(--muted); font-size: 0.9rem; margin: 0.25rem 0 0.75rem; }
.flag { color: var(--conflict); font-size: 0.8rem; text-transform: uppercase; margin-right: 0.4rem; }
li.odd > blockquote { border-left: 4px solid var(--conflict); }
.decision { margin-top: 0.5rem; padding: 0.4rem 0.6rem; background: var(--decided); border-radius: 4px; }
svg { width: 100%; height: auto; max-width: 100%; }
svg text { font: 11px system-ui, sans-serif; fill: var(--ink); }
svg .grid { stroke: var(--line); }
svg .mark, .legend .mark { fill: var(--agree); }
svg .mark.range, .legend .mark.range { opacity: 0.6; }
svg .mark.odd, .legend .mark.odd { fill: var(--conflict); stroke: var(--ink); stroke-width: 1.5; opacity: 1; }
svg text.odd-words { fill: var(--conflict); font-weight: 700; }
.legend { list-style: none; padding: 0; margin: 0.25rem 0 0.75rem; font-size: 0.85rem; color: var(--muted); }
.legend li { display: inline-flex; align-items: center; gap: 0.3rem; margin-right: 1rem; }
.legend svg { width: auto; height: 1em; }
.legend .swatch { display: inline-block; width: 1em; height: 1em; border: 1px solid var(--line); }
.swatch.conflict, td.conflict { background: var(--clash); } .swatch.warning, td.warning { background: var(--changed); }
.swatch.odd, td.odd { outline: 2px solid var(--conflict); outline-offset: -2px; }
table.grid ul { list-style: none; margin: 0; padding: 0; font-size: 0.9rem; }
table.grid td { min-width: 7rem; } .grid-wrap { overflow-x: auto; }
.article-text { white-space: pre-wrap; background: var(--card); border: 1px solid var(--line); border-radius: 6px;
                padding: 1rem; overflow-wrap: anywhere; }
@media (max-width: 600px) { body { font-size: 15px; } td, th { padding: 0.2rem 0.3rem; } }
@media print { body { background: #fff; } .card, .article-text { border-color: #999; } a { color: inherit; } }
""").substitute(summary=SUMMARY_BACKGROUND)

NEEDS_TEXTS = True  # every article's full text, with its statements marked, below the findings

# How many sources and values a summary row names; the card lists them all.
SOURCES_NAMED = 3
VALUES_LISTED = 3


def _anchor_id(statement: Statement) -> str:
    return html_id("s", statement.article, str(statement.start))


def _card_id(number: int) -> str:
    return f"finding-{number}"


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


def source_name(article: ArticleInfo) -> str:
    """The name a reader knows an article's source by: its outlet where the front matter names it, else its id."""
    return article.source or article.id


def _source_url(article: ArticleInfo) -> str | None:
    """The article's address on the web, where the front matter gives one a page may link."""
    return link(article.url)


def _namer(report: Report) -> Name:
    # The outlet, else the id, short where that is unambiguous.
    names = {article.id: article.source or report.short_ids.get(article.id, article.id) for article in report.articles}
    return lambda article_id: names.get(article_id, article_id)


def _odd(finding: Finding) -> Odd:
    """The statements to mark as disagreeing: the odd ones out of a conflict or a warning, where they stand apart
    from the others (all of them marked would say nothing)."""
    if finding.status == "consistent":
        return frozenset()
    odd = frozenset(map(key, odd_ones_out(finding)))
    return odd if len(odd) < len({key(s) for s in finding.statements}) else frozenset()


def _value_label(finding: Finding, group: ValueGroup) -> str:
    """A value as the texts wrote it where the kind reads figures ("nearly 2,800", not `<2800`), else as reported."""
    if finding.kind == "count":
        words = sorted({w for s in finding.statements if s.value == group.value and (w := words_read(s))})
        if words:
            return " / ".join(words[:3]) + (" / …" if len(words) > 3 else "")
    return value_text(group.value)


def _names(article_ids: Sequence[str], name: Name, most: int) -> str:
    named = sorted({name(a) for a in article_ids})
    shown = ", ".join(named[:most])
    return escape(shown) + (f" and {len(named) - most} more" if len(named) > most else "")


def _summary_row(finding: Finding, number: int, name: Name, odd: Odd) -> str:
    odd_values = {value for *_, value in odd}
    values = [f"<strong>{escape(_value_label(finding, g))}</strong> ({len(g.articles)})"
              if value_text(g.value) in odd_values else f"{escape(_value_label(finding, g))} ({len(g.articles)})"
              for g in finding.values]
    shown = "; ".join(values[:VALUES_LISTED]) + (
        f"; and {len(values) - VALUES_LISTED} more" if len(values) > VALUES_LISTED else "")
    articles = sorted({s.article for s in finding.statements})
    sources = f"{len(articles)} source{'s' if len(articles) != 1 else ''}" + (
        f": {_names(articles, name, SOURCES_NAMED)}" if len(articles) <= SOURCES_NAMED else "")
    if odd:
        sources = f"{FLAG}{_names(sorted({article for article, *_ in odd}), name, SOURCES_NAMED)}<br>{sources}"
    same = "<br>the same slip" if finding.grouped_under is not None else ""
    return (f'<tr class="{finding.status}"><td><a href="#{_card_id(number)}">{escape(finding.title)}</a></td>'
            f'<td><span class="status {finding.status}">{finding.status}</span>{same}</td>'
            f"<td>{shown}</td><td>{sources}</td></tr>")


_SUMMARY_HEAD = ('<thead><tr><th scope="col">Finding</th><th scope="col">Status</th><th scope="col">Values (sources)'
                 '</th><th scope="col">Sources</th></tr></thead>')


def _summary(report: Report, name: Name, odd: Sequence[Odd]) -> str:
    """The counts, and a table of the findings: the conflicts and warnings, then the consistent claims folded."""
    counts = status_counts(report)
    grouped = sum(f.grouped_under is not None for f in report.findings)
    line = (f'<p class="counts"><span>{escape(articles_checked(report))}</span>'
            f"<span>{counts['conflict']} conflict(s)</span><span>{counts['warning']} warning(s)</span>"
            f"<span>{counts['consistent']} consistent</span>"
            + (f"<span>{grouped} more of the same slip(s)</span>" if grouped else "")
            + (f"<span>{len(report.skipped)} skipped</span>" if report.skipped else "") + "</p>")
    rows = [(f.status, _summary_row(f, n, name, odd[n])) for n, f in enumerate(report.findings)]
    open_rows = "".join(row for status, row in rows if status != "consistent")
    agreeing = "".join(row for status, row in rows if status == "consistent")
    table = (f'<table class="findings">{_SUMMARY_HEAD}<tbody>{open_rows}</tbody></table>' if open_rows
             else "<p>No conflict and no warning.</p>")
    if agreeing:
        table += (f'<details class="agreeing"><summary>{counts["consistent"]} consistent claim(s)</summary>'
                  f'<table class="findings">{_SUMMARY_HEAD}<tbody>{agreeing}</tbody></table></details>')
    return (f'<section id="summary" aria-labelledby="summary-title"><h2 id="summary-title">Summary</h2>{line}'
            f"{table}</section>")


def _figure(finding: Finding, number: int, report: Report, name: Name, odd: Odd) -> str:
    """The picture a finding's values call for, whatever its kind: days and bounds on a timeline (statements
    that give an `earliest` and a `latest` day), figures against their as-of dates on a chart (a `low` figure as of
    a day), a day-by-place grid for whereabouts; none for other values."""
    extras = [s.extra for s in finding.statements]
    figure_id = f"{_card_id(number)}-figure"
    if finding.kind == "presence":
        return _whereabouts(finding, report, name, odd)
    if extras and all("earliest" in extra and "latest" in extra for extra in extras):
        return timeline(finding, odd, name, figure_id)
    if any("low" in extra for extra in extras) and any(extra.get("as_of") for extra in extras):
        return count_chart(finding, odd, name, figure_id)
    return ""


def _whereabouts(finding: Finding, report: Report, name: Name, odd: Odd) -> str:
    """The grid of every day the report places the finding's person on: a whereabouts claim makes a finding of each
    day in two places and one of the days that agree, and the day in conflict reads best among the others."""
    who = {s.extra.get("who") for s in finding.statements}
    related = [f for f in report.findings if f.claim == finding.claim and f.kind == finding.kind
               and {s.extra.get("who") for s in f.statements} & who]
    statements = list({key(s): s for f in related for s in f.statements}.values())
    return presence_grid(statements, [f for f in related if f.status != "consistent"], odd, name)


_ODD_CLASS = ' class="odd"'


def _card(finding: Finding, number: int, report: Report, name: Name, odd: Odd) -> str:
    odd_values = {value for *_, value in odd}
    values = "".join(f"<tr><td><strong>{escape(_value_label(finding, g))}</strong></td>"
                     f"<td>{len(g.articles)} source{'s' if len(g.articles) != 1 else ''}: "
                     f"{_names(g.articles, name, len(g.articles))}"
                     f"{' ' + FLAG if value_text(g.value) in odd_values else ''}"
                     "</td></tr>" for g in finding.values)
    figure = _figure(finding, number, report, name, odd)
    statements = "".join(
        f'<li{_ODD_CLASS if key(s) in odd else ""}><blockquote>{_marked_sentence(s)}</blockquote>'
        f'<p class="how">{FLAG if key(s) in odd else ""}'
        f'<a href="#{_anchor_id(s)}">{_statement_source(s, name)}, line {s.line}:{s.column}</a> reads '
        f"<strong>{escape(value_text(s.value))}</strong>: {escape(s.explanation)}</p></li>"
        for s in finding.statements)
    decision = ""
    if finding.decision is not None:
        decision = (f'<p class="decision">Reviewed: <strong>{escape(finding.decision.verdict)}</strong> by '
                    f"{escape(finding.decision.reviewer)} on {escape(finding.decision.date)}"
                    + (f": {escape(finding.decision.note)}" if finding.decision.note else "") + "</p>")
    # A consistent claim is folded: what an editor has to read is the conflicts and warnings.
    opened = "" if finding.status == "consistent" else " open"
    return (f'<article class="card {finding.status}" id="{_card_id(number)}"><details{opened}><summary>'
            f'<h3><span class="status">{finding.status}</span>{escape(finding.title)} '
            f"<code>{escape(finding.claim)}</code></h3></summary><p>{escape(finding.message)}</p>"
            + "".join(f'<p class="also">Also: {escape(other)} (the same slip, below).</p>' for other in finding.also)
            + (f'<p class="also">The same slip as {escape(finding.grouped_under)} (above).</p>'
               if finding.grouped_under is not None else "") +
            f"<table>{values}</table>{figure}<ol>{statements}</ol>{decision}</details></article>")


def _statement_source(statement: Statement, name: Name) -> str:
    """The outlet and the article id where they differ (the id is what the articles below are headed by)."""
    outlet = name(statement.article)
    return escape(statement.article if outlet == statement.article else f"{outlet} · {statement.article}")


def _article_heading(article: ArticleInfo) -> str:
    name, url = source_name(article), _source_url(article)
    shown = escape(name if name == article.id else f"{name} · {article.id}")
    link = f' · <a href="{escape(url)}" rel="noreferrer">original</a>' if url else ""
    return f"<h3>{shown}</h3><p><code>{escape(article.path)}</code> · published {article.published}{link}</p>"


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
        yield (f'<section class="article" id="{html_id("article", article.id)}">{_article_heading(article)}'
               f'<div class="article-text">{"".join(out)}</div></section>')


def write(report: Report, options: Options, out: Output) -> None:
    """The page, written a card and an article at a time."""
    name = _namer(report)
    odd = [_odd(finding) for finding in report.findings]
    out.write("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
              "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
              "<meta name=\"color-scheme\" content=\"light dark\">"
              "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
              "img-src data:\">"
              f"<title>factcheck report</title><style>{_STYLE}</style></head><body>"
              f"<header><h1>factcheck report</h1></header><main>{_summary(report, name, odd)}"
              '<section id="findings" aria-labelledby="findings-title"><h2 id="findings-title">Findings</h2>')
    for number, finding in enumerate(report.findings):
        out.write(_card(finding, number, report, name, odd[number]))
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
