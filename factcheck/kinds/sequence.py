"""Sequence claims: the order of the stops of a trip ("Lusitania, then Valdora, then Norvik").

In a sentence about the claim's subject travelling or meeting, each stop named near such a word is placed; the
order of two stops named one after the other is decided by the last order cue between them ("from Lisbon to
Valdora City", "in Port Elm after talks in Valdora City"). Orders contradict when one source puts A before B and
another B before A.
"""

from __future__ import annotations

import functools
from graphlib import CycleError, TopologicalSorter
from itertools import combinations, pairwise

import regex

from factcheck import language, patterns
from factcheck.claims import Claim, KeySpec, RuleSet
from factcheck.findings import Statement, statement
from factcheck.kinds import CUES_KEY, Case, Kind, once_each
from factcheck.readers import events
from factcheck.readers.names import Mention
from factcheck.readers.reading import Reading
from factcheck.trace import UNHEARD, Notes


@functools.cache
def _order_cues() -> tuple[tuple[patterns.Pattern, patterns.Pattern], ...]:
    """(forward, reverse) cue patterns, the tier that decides first coming first."""
    data = language.load("grammar")["order"]
    return tuple((patterns.compile(data[f"forward{tier}"], regex.I), patterns.compile(data[f"reverse{tier}"], regex.I))
                 for tier in ("", "_prepositions"))


@functools.cache
def _place_before_trigger() -> patterns.Pattern:
    return patterns.compile(language.load("grammar")["order"]["place_before_trigger"], regex.I)


def _located(text: str, sentence_start: int, mention_start: int) -> bool:
    """Whether a place named before the event word stands behind a preposition of place ("In Valdora, she met")."""
    return _place_before_trigger().search(text[max(sentence_start, mention_start - 20):mention_start]) is not None


def _relation(text: str, first: Mention, second: Mention) -> str | None:
    """'forward' if the first-named stop comes first, 'reverse' if the second does, None if the text does not say."""
    for forward, reverse in _order_cues():
        cues = [(m.start(), "forward") for m in forward.finditer(text, first.end, second.start)]
        cues += [(m.start(), "reverse") for m in reverse.finditer(text, first.end, second.start)]
        if cues:
            return max(cues)[1]
    return None


def _order(stops: list[tuple[str, str]]) -> tuple[str, ...] | None:
    """An order from pairwise relations (earlier, later), or None if they contradict each other."""
    graph: dict[str, set[str]] = {}
    for earlier, later in stops:
        graph.setdefault(later, set()).add(earlier)
        graph.setdefault(earlier, set())
    try:
        order = tuple(TopologicalSorter(graph).static_order())
    except CycleError:
        return None
    return order


def extract(reading: Reading, claim: Claim, rules: RuleSet, notes: Notes = UNHEARD) -> list[Statement]:
    stop_ids = list(claim.get("stops"))
    names = {entity_id: rules.entities[entity_id].name for entity_id in stop_ids}
    kinds = [events.event_kind("travel", tuple(claim.get("cues") or ())), events.event_kind("meeting")]
    text, article = reading.text, reading.article
    found: list[Statement] = []
    for index, sentence in enumerate(reading.sentences):
        if not reading.subject_present(claim.get("who"), index):
            continue
        triggers = [t for kind in kinds for t in reading.triggers(kind, index)]
        if not triggers:
            continue
        window = events.settings().stop_window
        placed = [m for m in reading.mentions[index] if m.entity in names and any(
            events.gap(text, (t.start, t.end), (m.start, m.end)) <= window
            and (m.start >= t.end or _located(text, sentence.start, m.start)) for t in triggers)]
        placed.sort(key=lambda m: m.start)
        collapsed: list[Mention] = []
        for mention in placed:
            if not collapsed or collapsed[-1].entity != mention.entity:
                collapsed.append(mention)
        pairs: list[tuple[str, str]] = []
        for first, second in pairwise(collapsed):
            relation = _relation(text, first, second)
            if relation == "forward":
                pairs.append((first.entity, second.entity))
            elif relation == "reverse":
                pairs.append((second.entity, first.entity))
        if not pairs or (order := _order(pairs)) is None:
            if len(collapsed) > 1:
                notes.reject(index, claim.id, "stops " + ", ".join(f"'{m.text}'" for m in collapsed)
                             + " are named, but no order cue stands between them")
            continue
        value = tuple(names[entity_id] for entity_id in order)
        spans = [(m.start, m.end) for m in collapsed]
        explanation = "order read from " + "; ".join(
            f"'{text[a.start:b.end]}'" for a, b in pairwise(collapsed) if _relation(text, a, b))
        found.append(statement(claim.id, article, sentence, spans, value, explanation, value))
    return once_each(found, lambda a, b: a.value == b.value, reading, notes)


def _pairs(order: tuple[str, ...]) -> set[tuple[str, str]]:
    return set(combinations(order, 2))


def _incompatible(a: Statement, b: Statement) -> bool:
    return any((later, earlier) in _pairs(b.data) for earlier, later in _pairs(a.data))


def _merged(statements: tuple[Statement, ...]) -> tuple[str, ...] | None:
    """The one order all the sources' orders fit into, or None if they go round in a circle."""
    return _order([pair for s in statements for pair in pairwise(s.data)])


def _holds_together(statements: tuple[Statement, ...]) -> bool:
    """No two sources need contradict each other for the orders to fail together: A->B, B->C, C->A."""
    return _merged(statements) is not None


def _describe(case: Case) -> str:
    ordered = case.statements
    if case.unexplained:
        # Three pairs shown and the rest counted, as a count's and an age's message do: a message is read whole.
        pairs = "; ".join(f"{' -> '.join(a.value)} ({a.article}) vs {' -> '.join(b.value)} ({b.article})"
                          for a, b in case.unexplained[:3])
        left_out = case.pairs_left_out[0] + max(0, len(case.unexplained) - 3)
        more = f" (and {left_out} more pairs)" if left_out else ""
        return f"sources give contradicting orders: {pairs}{more}"
    merged = _merged(ordered)
    if not case.holds_together or merged is None:
        listing = "; ".join(f"{' -> '.join(s.value)} ({s.article})" for s in ordered)
        return f"the orders the sources give cannot all hold, they form a cycle: {listing}"
    sources = sorted({s.article for s in ordered})
    return f"{' -> '.join(merged)}, in the order {len(sources)} source(s) give: {', '.join(sources)}"


KIND = Kind(
    name="sequence",
    summary="the order of stops of a trip or steps of a story",
    keys={
        "who": KeySpec("entity", "the entity that travels", required=True),
        "stops": KeySpec("entities", "the stops, as entities (a country's aliases may be its cities)", required=True),
        "cues": CUES_KEY,
    },
    extract=extract,
    describe=_describe,
    incompatible=_incompatible,
    holds_together=_holds_together,
)
