"""Count claims: how many people an event touched ("civilians killed in the floods since 3 March").

A count belongs to the claim when the counted noun follows it ("3,700 residents", "3,700 Valdoran residents") and
a trigger of the claim's event stands in the same clause. Its as-of date is a date of that clause, else the
publication date. A cumulative count may grow with its as-of date but never shrink; other counts must overlap.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex

from factcheck import decide, events
from factcheck.claims import Claim, KeySpec, RuleSet
from factcheck.clauses import segment_at
from factcheck.counts import Count, read_counts
from factcheck.findings import Finding, Statement, group_values, sort_statements, statement
from factcheck.kinds import Kind
from factcheck.reading import Reading

# Words that may stand between a number and the noun it counts: "3,700 Valdoran residents", "500 wounded soldiers".
_MAX_WORDS_BETWEEN = 2
# A place named right after the count's event: "killed in Harbour Town" scopes the count to that place.
_PLACE_SCOPE = regex.compile(r"\b(?:in|at|near|across|throughout)\s+(?:the\s+)?(?P<place>\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*)")


@dataclass(frozen=True, slots=True)
class CountValue:
    low: float
    high: float | None
    as_of: dt.date
    cumulative: bool

    def overlaps(self, other: CountValue) -> bool:
        return (self.high is None or self.high >= other.low) and (other.high is None or other.high >= self.low)


def _counted_noun(text: str, count: Count, nouns: list[str]) -> regex.Match[str] | None:
    body = "|".join(regex.escape(n) for n in sorted(nouns, key=len, reverse=True))
    pattern = rf"\A(?:\s+[\w'’-]+){{0,{_MAX_WORDS_BETWEEN}}}?\s+(?P<noun>{body})(?![\w-])"
    return regex.match(pattern, text[count.end:count.end + 80], regex.I)


def _scope_place(reading: Reading, index: int, start: int, end: int, place: str | None, rules: RuleSet) -> str | None:
    """The name of another place the count is scoped to, if the clause names one right after it."""
    entity = rules.entity(place)
    accepted = {w.casefold() for w in ((entity.name, *entity.variants, *entity.aliases) if entity else ())}
    for match in _PLACE_SCOPE.finditer(reading.text, start, end):
        name = match["place"]
        if name.casefold() not in accepted and not any(name.casefold().startswith(a) for a in accepted):
            return name
    return None


def extract(reading: Reading, claim: Claim, rules: RuleSet) -> list[Statement]:
    kind = events.event_kind(claim.get("event"), tuple(claim.get("cues") or ()))
    nouns = list(claim.get("counted"))
    since = dt.date.fromisoformat(claim.get("since")) if claim.get("since") else None
    article = reading.article
    found: list[Statement] = []
    for index, sentence in enumerate(reading.sentences):
        triggers = reading.triggers(kind, index)
        if not triggers:
            continue
        segments = list(reading.segments[index])
        timexes = reading.timexes[index]
        for count in read_counts(reading.text, sentence.start, sentence.end, [(t.start, t.end) for t in timexes]):
            noun = _counted_noun(reading.text, count, nouns)
            if noun is None:
                continue
            noun_end = count.end + noun.end()
            segment_index = segment_at(segments, count.start)
            near = [t for t in triggers if segment_at(segments, t.start) == segment_index
                    and events.gap(reading.text, (t.start, t.end), (count.start, noun_end)) <= events.settings().window]
            if not near:
                continue
            trigger = min(near, key=lambda t: abs(t.start - count.start))
            segment = segments[segment_index]
            other_place = _scope_place(reading, index, max(trigger.end, noun_end), segment.end,
                                       claim.get("place"), rules)
            if other_place is not None:
                continue
            as_of_timexes = [t for t in timexes if t.day is not None and segment_at(segments, t.start) == segment_index
                             and t.day != since and t.day <= article.published]
            as_of = next((t.day for t in as_of_timexes if t.day is not None), article.published)
            as_of_how = (f"as of {as_of} ({as_of_timexes[0].text})" if as_of_timexes
                         else f"as of the publication date {as_of}")
            value = CountValue(count.low, count.high, as_of, bool(claim.get("cumulative")))
            spans = [(count.start, noun_end), (trigger.start, trigger.end)]
            explanation = f"{count.text} -> {count.value}: {count.how}; {as_of_how}"
            found.append(statement(claim.id, article, sentence, spans, count.value, explanation, value,
                                   {"low": count.low, "high": count.high, "as_of": as_of.isoformat()}))
    kept: list[Statement] = []
    for item in found:
        if not any(other.value == item.value and other.data.as_of == item.data.as_of for other in kept):
            kept.append(item)
    return kept


def _incompatible(a: Statement, b: Statement) -> bool:
    if a.data.cumulative and a.data.as_of != b.data.as_of:
        earlier, later = sorted((a, b), key=lambda s: s.data.as_of)
        return later.data.high is not None and later.data.high < earlier.data.low
    return not a.data.overlaps(b.data)


def _number(value: float | None) -> str:
    return "open" if value is None else f"{value:,.0f}"


def compare(claim: Claim, statements: list[Statement]) -> list[Finding]:
    ordered = sort_statements(statements)
    unexplained, explained = decide.disagreements(ordered, _incompatible)
    status = decide.status_of(unexplained, explained)
    values = group_values(ordered)
    by_date = sorted(ordered, key=lambda s: (s.data.as_of, s.article))
    listing = "; ".join(f"{s.value} as of {s.data.as_of} ({s.article})" for s in by_date)
    if status == "conflict":
        pairs = "; ".join(f"{a.value} ({a.article}, as of {a.data.as_of}) vs {b.value} ({b.article}, as of {b.data.as_of})"
                          for a, b in unexplained)
        why = "a cumulative figure shrinks" if ordered and ordered[0].data.cumulative else "the figures cannot be reconciled"
        message = f"{why}: {pairs}"
    elif ordered and ordered[0].data.cumulative and len({s.data.as_of for s in ordered}) > 1:
        message = f"the figure grows with its date, as a cumulative count may: {listing}"
    else:
        message = f"figures compatible: {listing}"
    return [Finding(claim.id, claim.title, claim.kind, status, message, ordered, values)]


KIND = Kind(
    name="count",
    summary="how many: a toll, a number of people, with qualifiers read as intervals",
    keys={
        "counted": KeySpec("strings", "the nouns that are counted (civilians, people, passengers)", required=True),
        "event": KeySpec("event", "what happened to them (killed, injured, displaced, ...)", required=True),
        "place": KeySpec("entity", "where; a count scoped to another named place is not read"),
        "since": KeySpec("date", "start of a cumulative count (YYYY-MM-DD); a date equal to it is not an as-of date"),
        "cumulative": KeySpec("bool", "whether the figure only grows with time (a toll)", default=False),
        "cues": KeySpec("strings", "more trigger words for the event, as regular expressions", default=[]),
    },
    extract=extract,
    compare=compare,
)
