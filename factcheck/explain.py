"""What the engine read in one article, sentence by sentence: the first thing a rule author reaches for.

For each sentence: the dates found and how each was resolved, the counts, the people and places named, the event
words of each claim, the statements each claim took, and the candidates it turned down with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from factcheck import patterns
from factcheck.claims import RuleSet
from factcheck.findings import Statement
from factcheck.inputs.article import Article
from factcheck.kinds import registry
from factcheck.readers import events
from factcheck.readers.counts import Count, unit_families
from factcheck.readers.names import Mention
from factcheck.readers.reading import Reading, read
from factcheck.readers.temporal import Timex
from factcheck.readers.text import Sentence
from factcheck.trace import Notes, Rejection


@dataclass(frozen=True, slots=True)
class SentenceTrace:
    sentence: Sentence
    line: int
    timexes: tuple[Timex, ...]
    counts: tuple[Count, ...]
    mentions: tuple[Mention, ...]
    cues: tuple[tuple[str, tuple[str, ...]], ...]  # (claim id, the event words of the claim found here)
    statements: tuple[Statement, ...]
    rejections: tuple[Rejection, ...]

    @property
    def anything(self) -> bool:
        return bool(self.timexes or self.counts or self.mentions or self.cues or self.statements or self.rejections)


def explain(article: Article, rules: RuleSet, claim_id: str | None = None) -> tuple[SentenceTrace, ...]:
    """The trace of every sentence of an article for the rules' claims (or one claim)."""
    claims = [c for c in rules.claims if claim_id is None or c.id == claim_id]
    reading = read(article, rules)
    notes = Notes()
    statements: list[Statement] = []
    for claim in claims:
        with patterns.budget():  # as `check` reads it: a claim's patterns have a budget of their own on the article
            statements += registry()[claim.kind].extract(reading, claim, rules, notes)
    traces = []
    for index, sentence in enumerate(reading.sentences):
        cues = []
        for claim in claims:
            spec = registry()[claim.kind].keys.get("event")
            if spec is not None and spec.type == "event" and (claim.get("event") or claim.get("cues")):
                kind = events.event_kind(claim.get("event"), tuple(claim.get("cues") or ()))
                words = tuple(t.text for t in reading.triggers(kind, index))
                if words:
                    cues.append((claim.id, words))
        traces.append(SentenceTrace(
            sentence=sentence, line=article.position(sentence.start)[0], timexes=reading.timexes[index],
            counts=_figures(reading, index),
            mentions=reading.mentions[index], cues=tuple(cues),
            statements=tuple(s for s in statements if sentence.start <= s.start < sentence.end),
            rejections=tuple(r for r in notes.rejections if r.sentence == index),
        ))
    return tuple(traces)


def _figures(reading: Reading, index: int) -> tuple[Count, ...]:
    """The figures of a sentence as the claims read them: a sum with its currency ("£640m" is 640000000 pounds), a
    quantity with a unit in its family's base unit ("10,500ft" is 3200 m, "a 640m tunnel" 640 m), any other figure
    as a count."""
    measures: list[Count] = []
    for amount in (a for unit in ("money", *unit_families()) for a in reading.quantities(index, unit)):
        if not any(m.start < amount.count.end and amount.count.start < m.end for m in measures):
            measures.append(replace(amount.count, value=f"{amount.count.value} {amount.currency}"))
    plain = [c for c in reading.figures(index) if not any(m.start < c.end and c.start < m.end for m in measures)]
    return tuple(sorted((*plain, *measures), key=lambda c: c.start))
