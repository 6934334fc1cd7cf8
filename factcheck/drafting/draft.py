"""A draft of the rules for a corpus: the entities it names and the claims its articles bear out, each with the
sentences it stands on (names.py finds the entities, proposals.py the claims)."""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from factcheck.claims import RuleSet
from factcheck.drafting import names, proposals
from factcheck.drafting.names import DraftEntity
from factcheck.drafting.proposals import LeftOut, Proposal
from factcheck.inputs.article import Article
from factcheck.readers.dates import read_dates


@dataclass(frozen=True, slots=True)
class Draft:
    """What `rules draft` writes: the entities (as found, with their forms and articles) and the claims proposed,
    and the rule set they make."""

    entities: tuple[DraftEntity, ...]
    proposals: tuple[Proposal, ...]
    rules: RuleSet
    articles: int
    min_sources: int
    left_out: tuple[LeftOut, ...] = ()  # candidates some article read, not proposed, with the reason


def draft(articles: Sequence[Article], min_sources: int = 2, taken: AbstractSet[str] = frozenset()) -> Draft:
    """The draft of the rules for these articles (see the module's docstring); its entity and claim ids are none of
    `taken`, the ids of the rule files it is to stand beside."""
    # The dates first: their sentences are the ones the names are found in, and the readings reuse them.
    dates = [read_dates(article) for article in articles]
    sentences = [(article, found.sentences) for article, found in zip(articles, dates, strict=True)]
    words = names.Vocabulary.of(sentences)
    found = [s for article, said in sentences for s in names.sightings(article, said, words)]
    drafted = names.entities(found, min_sources, taken)
    entities = proposals.rule_entities(drafted)
    kept = tuple(e for e in drafted if e.id in entities)
    candidates = proposals.candidates(kept, entities, proposals.peoples_counted(articles, min_sources))
    rules = proposals.rule_set(entities, candidates)
    readings = proposals.readings(articles, dates, rules)
    # Looks at the same readings: the events and figures of the story, then those of its people and places where
    # the first found them (counted from the story's day), then their hours, and the roles two articles agree on.
    first = [c for c in candidates if proposals.first_look(c) and not proposals.is_counted_from_a_day(c)]
    statements = proposals.extracted(readings, first, rules)
    day = proposals.story_day(statements)
    tolls = proposals.counted_from(
        [c for c in candidates if proposals.first_look(c) and proposals.is_counted_from_a_day(c)], day)
    statements.update(proposals.extracted(readings, tolls, rules))
    first += tolls
    second = proposals.second_look(candidates, statements, min_sources, day)
    statements.update(proposals.extracted(readings, second, rules))
    chosen = {c.id: c for c in [*first, *second]}
    later = [*proposals.times_of(chosen.values(), statements, min_sources),
             *proposals.title_candidates(readings, rules, min_sources)]
    rules = proposals.rule_set(entities, [*chosen.values(), *later])
    statements.update(proposals.extracted(readings, later, rules))
    borne_out, left_out = proposals.judged(rules, statements, min_sources)
    final = proposals.rule_set(entities, [p.claim for p in borne_out])
    with_examples = proposals.unique_ids(
        [proposals.with_examples(p, final, readings) for p in borne_out], taken)
    return Draft(kept, with_examples, proposals.rule_set(entities, [p.claim for p in with_examples]), len(articles),
                 min_sources, tuple(sorted(left_out, key=lambda left: left.claim.id)))
