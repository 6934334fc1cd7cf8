"""The pictures of the HTML report: a timeline of days, a chart of figures, a day-by-place grid of whereabouts.

Each picture marks the sources that disagree with most others (the odd ones out, decide.odd_ones_out) in the
conflict colour and in words, so that the mark does not rest on colour alone, and comes with a legend of the marks
it uses. An SVG has a title and a description for screen readers; the grid is a table with headers. Colours come
from the page's style (classes, not fill attributes), so that the pictures follow its light and dark schemes.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass

from factcheck.decide import disagreements
from factcheck.findings import Finding, Statement
from factcheck.formatters.escape import html_text as escape
from factcheck.formatters.locations import value_text
from factcheck.kinds import kind
from factcheck.kinds.presence import Presence

Name = Callable[[str], str]  # an article's id -> the name a reader knows its source by (the outlet, else the id)
# A statement's identity (article, start, end, value): statements hold mappings, so they do not hash.
Key = tuple[str, int, int, str]
Odd = frozenset[Key]  # the statements marked as disagreeing with most sources


def key(statement: Statement) -> Key:
    return (statement.article, statement.start, statement.end, value_text(statement.value))


ODD_WORDS = "disagrees"  # what the report writes beside a mark of the odd one out
FLAG = f'<strong class="flag">{ODD_WORDS}</strong>'

_LEGEND_MARKS = {
    "day": ('<svg viewBox="0 0 16 16" aria-hidden="true"><circle class="mark" cx="8" cy="8" r="5"/></svg>',
            "a day a source gives"),
    "range": ('<svg viewBox="0 0 28 16" aria-hidden="true"><rect class="mark range" x="1" y="5" width="26" '
              'height="6" rx="3"/></svg>', "a bound (on or before, on or after): the days it allows, open towards "
                                           "the edge of the axis"),
    "figure": ('<svg viewBox="0 0 16 16" aria-hidden="true"><circle class="mark" cx="8" cy="8" r="5"/></svg>',
               "an exact figure"),
    "interval": ('<svg viewBox="0 0 28 16" aria-hidden="true"><rect class="mark range" x="1" y="5" width="26" '
                 'height="6" rx="3"/></svg>', "a figure read as an interval (nearly, about, between): from its lowest "
                                              "to its highest value"),
    "open": ('<svg viewBox="0 0 28 16" aria-hidden="true"><rect class="mark range" x="1" y="5" width="20" '
             'height="6"/><polygon class="mark" points="21,2 27,8 21,14"/></svg>',
             "an open bound (more than, at least): the bar runs on past the axis"),
    "odd": ('<svg viewBox="0 0 16 16" aria-hidden="true"><circle class="mark odd" cx="8" cy="8" r="5"/></svg>',
            f"“{ODD_WORDS}”: the source that disagrees with what most sources say (the odd one out)"),
}


def _closed(parts: list[str], marks: set[str], odd: Odd) -> str:
    """A picture's SVG, closed, and the legend of the marks it uses (the odd one's where one is marked)."""
    return "".join((*parts, "</svg>")) + legend(marks | ({"odd"} if odd else set()))


def legend(marks: Iterable[str]) -> str:
    """The legend of the marks a picture uses, in the order of _LEGEND_MARKS."""
    used = set(marks)
    items = "".join(f"<li>{swatch} {escape(words)}</li>" for mark, (swatch, words) in _LEGEND_MARKS.items()
                    if mark in used)
    return f'<ul class="legend" aria-label="legend">{items}</ul>'


def _day(text: object) -> dt.date | None:
    return dt.date.fromisoformat(str(text)) if text else None


def _short(text: str, most: int = 24) -> str:
    return text if len(text) <= most else text[:most - 1] + "…"


def _mark_class(statement: Statement, odd: Odd) -> str:
    return "mark odd" if key(statement) in odd else "mark"


def _words_class(statement: Statement, odd: Odd) -> str:
    return ' class="odd-words"' if key(statement) in odd else ""


def _odd_label(statement: Statement, odd: Odd) -> str:
    return f" — {ODD_WORDS}" if key(statement) in odd else ""


def _rows(statements: Iterable[Statement], drawn: Callable[[Statement], Hashable]) -> list[list[Statement]]:
    """The statements a picture draws alike, together, in the order of the first of each: a row for each way a value
    is drawn, not for each source, so that a story a hundred outlets tell keeps a picture a reader takes in."""
    rows: dict[Hashable, list[Statement]] = {}
    for statement in statements:
        rows.setdefault(drawn(statement), []).append(statement)
    return list(rows.values())


def _who(row: Sequence[Statement], name: Name) -> str:
    """A row's sources: the one source's name, else how many."""
    articles = sorted({name(s.article) for s in row})
    return articles[0] if len(articles) == 1 else f"{len(articles)} sources"


def _tip(row: Sequence[Statement], name: Name, words: str) -> str:
    articles = sorted({name(s.article) for s in row})
    named = ", ".join(articles[:_TIP_SOURCES]) + (f" and {len(articles) - _TIP_SOURCES} more"
                                                   if len(articles) > _TIP_SOURCES else "")
    return f"<title>{escape(named)}: {escape(words)}</title>"


_TIP_SOURCES = 10  # the sources a mark's tooltip names


def timeline(finding: Finding, odd: Odd, name: Name, figure_id: str) -> str:
    """Each source's day on one axis, a row for the sources that give the same; a bound is a range running to the
    edge it leaves open."""
    rows = [(row[0], row, _day(row[0].extra.get("earliest")), _day(row[0].extra.get("latest"))) for row in _rows(
        finding.statements, lambda s: (s.extra.get("earliest"), s.extra.get("latest"), value_text(s.value)))]
    days = [d for *_, a, b in rows for d in (a, b) if d is not None]
    if not days:
        return ""
    first, last = min(days) - dt.timedelta(days=1), max(days) + dt.timedelta(days=1)
    span = max((last - first).days, 1)
    width, left, right, row_height = 640, 150, 170, 24
    height = 40 + row_height * len(rows)

    def x(day: dt.date) -> float:
        return left + (width - left - right) * (day - first).days / span

    parts = [_svg_open("timeline", figure_id, width, height),
             _svg_title(figure_id, f"{finding.title}: timeline of the days each source gives", rows=[
                 f"{_who(row, name)}: {_date_words(s)}{_odd_label(s, odd)}" for s, row, _, _ in rows])]
    day = first
    while day <= last:
        parts.append(f'<line class="grid" x1="{x(day):.1f}" y1="20" x2="{x(day):.1f}" y2="{height - 10}"/>'
                     f'<text x="{x(day):.1f}" y="14" text-anchor="middle">{day:%d %b}</text>')
        day += dt.timedelta(days=max(1, span // 10))
    marks = set()
    for number, (statement, row, earliest, latest) in enumerate(rows):
        y = 36 + row_height * number
        tip = _tip(row, name, _date_words(statement))
        parts.append(f'<text x="4" y="{y + 4}">{escape(_short(_who(row, name), 22))}</text>')
        if earliest is not None and earliest == latest:
            marks.add("day")
            parts.append(f'<circle class="{_mark_class(statement, odd)}" cx="{x(earliest):.1f}" cy="{y}" r="6">'
                         f"{tip}</circle>")
        else:
            marks.add("range")
            start_x = x(earliest) if earliest else left
            end_x = x(latest) if latest else width - right
            parts.append(f'<rect class="{_mark_class(statement, odd)} range" x="{start_x:.1f}" y="{y - 4}" '
                         f'width="{max(end_x - start_x, 2):.1f}" height="8" rx="4">{tip}</rect>')
        parts.append(f'<text x="{width - right + 8}" y="{y + 4}"{_words_class(statement, odd)}>'
                     f"{escape(_date_words(statement))}{escape(_odd_label(statement, odd))}</text>")
    return _closed(parts, marks, odd)


def _date_words(statement: Statement) -> str:
    """A day as a reader says it: 26 Apr 2022, on or before 27 Apr 2022, on or after ..., or the value as read."""
    earliest, latest = _day(statement.extra.get("earliest")), _day(statement.extra.get("latest"))
    if earliest is not None and earliest == latest:
        return f"{earliest:%-d %b %Y}"
    if earliest is None and latest is not None:
        return f"on or before {latest:%-d %b %Y}"
    if latest is None and earliest is not None:
        return f"on or after {earliest:%-d %b %Y}"
    if earliest is not None and latest is not None:
        return f"{earliest:%-d %b} to {latest:%-d %b %Y}"
    return str(statement.value)


def words_read(statement: Statement) -> str | None:
    """The words of the text a value was read from ("nearly 2,800"), where its explanation opens with them, as a
    count's does ("nearly 2,800 -> <2800: ..."); None when it does not."""
    words, arrow, _ = statement.explanation.partition(" -> ")
    return words if arrow and words and words in statement.quote else None


def _figure(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def _nice_step(span: float) -> float:
    """A round step (1, 2 or 5 times a power of ten) that cuts the span into about five."""
    raw = span / 5
    power = 10 ** math.floor(math.log10(raw))
    return next(step * power for step in (1, 2, 5, 10) if step * power >= raw)


@dataclass(frozen=True, slots=True)
class _Figure:
    statement: Statement  # the first of the row's
    row: tuple[Statement, ...]  # the statements that give the same figure as of the same day in the same words
    as_of: dt.date
    low: float
    high: float | None  # None: no upper limit ("more than 2,660")


def count_chart(finding: Finding, odd: Odd, name: Name, figure_id: str) -> str:
    """Each source's figure on one axis scaled to the figures read, a row for the sources that give the same, by
    as-of date (a cumulative count grows down the rows): an exact figure is a dot, an interval a bar from its lowest
    to its highest value, an open upper bound a bar running past the axis; each labelled with the words read."""
    drawn = [s for s in finding.statements if _day(s.extra.get("as_of")) is not None and s.extra.get("low") is not None]
    rows = sorted((_Figure(row[0], tuple(row), _day(row[0].extra["as_of"]) or dt.date.min, float(row[0].extra["low"]),
                           None if row[0].extra.get("high") is None else float(row[0].extra["high"]))
                   for row in _rows(drawn, lambda s: (s.extra["as_of"], s.extra["low"], s.extra.get("high"),
                                                      words_read(s) or value_text(s.value)))),
                  key=lambda r: (r.as_of, r.statement.article, r.statement.start))
    if not rows:
        return ""
    values = [v for r in rows for v in (r.low, r.high) if v is not None]
    low, high = min(values), max(values)
    span = high - low or max(abs(high) * 0.1, 1.0)
    step = _nice_step(span)
    # The axis starts on a round figure at or below the lowest value read, and ends a step past the highest, which
    # leaves room for an open bound to run on.
    axis_low = math.floor((low - span * 0.05) / step) * step
    axis_high = math.ceil((high + span * 0.05) / step) * step + (step if any(r.high is None for r in rows) else 0)
    if low >= 0 > axis_low:
        axis_low = 0.0  # no negative figure on the axis of a count
    width, left, right, row_height, top = 640, 170, 190, 24, 34
    height = top + row_height * len(rows) + 6

    def x(value: float) -> float:
        return left + (width - left - right) * (value - axis_low) / (axis_high - axis_low)

    parts = [_svg_open("chart", figure_id, width, height),
             _svg_title(figure_id, f"{finding.title}: the figure each source gives, by the day it is as of", rows=[
                 f"{_who(r.row, name)}, as of {r.as_of:%-d %b %Y}: {_figure_words(r)}"
                 f"{_odd_label(r.statement, odd)}" for r in rows])]
    tick = axis_low
    while tick <= axis_high + step / 1000:
        parts.append(f'<line class="grid" x1="{x(tick):.1f}" y1="20" x2="{x(tick):.1f}" y2="{height - 4}"/>'
                     f'<text x="{x(tick):.1f}" y="14" text-anchor="middle">{_figure(tick)}</text>')
        tick += step
    marks = set()
    for number, row in enumerate(rows):
        y = top + row_height * number
        css = _mark_class(row.statement, odd)
        tip = _tip(row.row, name, _figure_words(row))
        parts.append(f'<text x="4" y="{y + 4}">{escape(_short(_who(row.row, name), 16))} · '
                     f"{row.as_of:%-d %b}</text>")
        if row.high is None:
            marks.add("open")
            end = width - right + 4
            parts.append(f'<rect class="{css} range" x="{x(row.low):.1f}" y="{y - 4}" width="{end - x(row.low):.1f}" '
                         f'height="8">{tip}</rect><polygon class="{css}" points="{end},{y - 7} {end + 8},{y} {end},'
                         f'{y + 7}"/>')
        elif row.high == row.low:
            marks.add("figure")
            parts.append(f'<circle class="{css}" cx="{x(row.low):.1f}" cy="{y}" r="6">{tip}</circle>')
        else:
            marks.add("interval")
            parts.append(f'<rect class="{css} range" x="{x(row.low):.1f}" y="{y - 4}" '
                         f'width="{max(x(row.high) - x(row.low), 2):.1f}" height="8" rx="4">{tip}</rect>')
        # The label is the words read; the interval they were read as is the bar, and the tooltip's and the
        # description's words.
        parts.append(f'<text x="{width - right + 16}" y="{y + 4}"{_words_class(row.statement, odd)}>'
                     f"{escape(words_read(row.statement) or value_text(row.statement.value))}"
                     f"{escape(_odd_label(row.statement, odd))}</text>")
    return _closed(parts, marks, odd)


def _figure_words(row: _Figure) -> str:
    """The figure as the text gave it ("nearly 2,800"), with the interval it was read as where it is one."""
    words = words_read(row.statement) or str(row.statement.value)
    if row.high is None:
        return f"{words} (from {_figure(row.low)}, no upper limit)"
    if row.high == row.low:
        return words
    return f"{words} ({_figure(row.low)} to {_figure(row.high)})"


def _svg_title(figure_id: str, title: str, rows: Sequence[str]) -> str:
    """What a screen reader says of a picture: its title, and each source's mark in words."""
    return (f'<title id="{figure_id}-title">{escape(title)}</title>'
            f'<desc id="{figure_id}-desc">{escape("; ".join(rows))}</desc>')


def _svg_open(css: str, figure_id: str, width: int, height: int) -> str:
    return (f'<svg class="{css}" viewBox="0 0 {width} {height}" role="img" '
            f'aria-labelledby="{figure_id}-title {figure_id}-desc">')


def presence_grid(statements: Sequence[Statement], clashes: Sequence[Finding], odd: Odd,
                  name: Name) -> str:
    """Where a person was, day by day: a column a day, a row a place, each cell the sources that put them there that
    day (with the journey, arrival or departure, and whether it was a plan). A cell in two places at once that day
    is marked as a conflict (or a warning, where the plans may have changed); the odd one out's is marked too."""
    placed = [s for s in statements if isinstance(s.data, Presence)]
    if not placed:
        return ""
    days = sorted({s.data.day for s in placed})
    if (days[-1] - days[0]).days < 14:  # a short trip: every day, so that a day no source speaks of shows
        days = [days[0] + dt.timedelta(days=n) for n in range((days[-1] - days[0]).days + 1)]
    places = sorted({str(s.extra.get("place", s.data.place)) for s in placed})
    cells: dict[tuple[str, dt.date], list[Statement]] = {}
    for s in placed:
        cells.setdefault((str(s.extra.get("place", s.data.place)), s.data.day), []).append(s)
    clashing = _clashing_cells(clashes)
    who = str(placed[0].extra.get("who", ""))
    head = "".join(f'<th scope="col">{day:%a %-d %b}</th>' for day in days)
    body = []
    for place in places:
        row = [f'<th scope="row">{escape(place)}</th>']
        for day in days:
            here = cells.get((place, day), [])
            status = clashing.get((place, day))
            css = " ".join(c for c in (status or "", "odd" if any(key(s) in odd for s in here) else "") if c)
            flags = ([f'<strong class="flag">{"conflict" if status == "conflict" else "may have changed"}</strong>']
                     if status else []) + ([FLAG] if "odd" in css else [])
            row.append(f'<td{f" class={chr(34)}{css}{chr(34)}" if css else ""}>{"".join(flags)}'
                       f"{_cell_sources(here, odd, name)}</td>")
        body.append(f"<tr>{''.join(row)}</tr>")
    marks = [m for m, used in (("conflict", "conflict" in clashing.values()),
                               ("warning", "warning" in clashing.values()), ("odd", bool(odd))) if used]
    caption = f"Where {escape(who)} was, day by day: the sources that put {escape(who) or 'them'} in each place"
    rows_html = "".join(body)
    return (f'<div class="grid-wrap"><table class="grid"><caption>{caption}</caption><thead><tr>'
            f'<th scope="col">Place</th>{head}</tr></thead><tbody>{rows_html}</tbody></table></div>'
            + _grid_legend(marks))


def _cell_sources(here: Sequence[Statement], odd: Odd, name: Name) -> str:
    """The sources of a cell, each once, with how they put the person there (arrival, departure, planned); the odd
    ones out in italics."""
    notes: dict[str, set[str]] = {}
    odd_articles = set()
    for s in here:
        how = (s.data.movement, "planned" if s.data.planned else "")
        notes.setdefault(s.article, set()).update(n for n in how if n)
        if key(s) in odd:
            odd_articles.add(s.article)
    labels = []
    for article in sorted(notes, key=lambda a: (name(a), a)):
        label = escape(name(article)) + (f" ({escape(', '.join(sorted(notes[article])))})" if notes[article] else "")
        labels.append(f"<em>{label}</em>" if article in odd_articles else label)
    more = f"<li>and {len(labels) - _CELL_SOURCES} more</li>" if len(labels) > _CELL_SOURCES else ""
    return f"<ul>{''.join(f'<li>{label}</li>' for label in labels[:_CELL_SOURCES])}{more}</ul>" if labels else ""


# How many sources a cell of the grid names; a corpus of many copies of a report counts the rest.
_CELL_SOURCES = 6


def _clashing_cells(clashes: Sequence[Finding]) -> dict[tuple[str, dt.date], str]:
    """The cells of the statements that cannot hold together, by the status of their finding: a conflict where a
    pair is unexplained, else a warning."""
    found: dict[tuple[str, dt.date], str] = {}
    for finding in clashes:
        of = kind(finding.kind)
        if of.incompatible is None:
            continue
        pairs = disagreements(finding.statements, of.incompatible, of.explained, dated=of.dated)
        for status, listed in (("warning", pairs.explained), ("conflict", pairs.unexplained)):
            for s in (s for pair in listed for s in pair if isinstance(s.data, Presence)):
                key = (str(s.extra.get("place", s.data.place)), s.data.day)
                if found.get(key) != "conflict":
                    found[key] = status
    return found


def _grid_legend(marks: Sequence[str]) -> str:
    words = {"conflict": "conflict: a place the sources cannot all be right about, that day",
             "warning": "may have changed: a place a plan gave, which a later report contradicts",
             "odd": f"{ODD_WORDS}: the source that disagrees with what most sources say (the odd one out), in italics"}
    items = "".join(f'<li><span class="swatch {m}" aria-hidden="true"></span> {escape(words[m])}</li>' for m in marks)
    return f'<ul class="legend" aria-label="legend">{items}</ul>' if items else ""
