"""A draft of the rules for a corpus: the entities it names and the claims its articles bear out, each with the
sentences it stands on (names.py finds the entities, proposals.py the claims)."""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from factcheck.claims import RuleSet
from factcheck.drafting import names, proposals
from factcheck.drafting.names import DraftEntity
from factcheck.drafting.proposals import Proposal
from factcheck.inputs.article import Article
from factcheck.kinds import kind
from factcheck.readers.text import split_sentences


@dataclass(frozen=True, slots=True)
class Draft:
    """What `rules draft` writes: the entities (as found, with their forms and articles) and the claims proposed,
    and the rule set they make."""

    entities: tuple[DraftEntity, ...]
    proposals: tuple[Proposal, ...]
    rules: RuleSet
    articles: int
    min_sources: int


def draft(articles: Sequence[Article], min_sources: int = 2, taken: AbstractSet[str] = frozenset()) -> Draft:
    """The draft of the rules for these articles (see the module's docstring); its entity and claim ids are none of
    `taken`, the ids of the rule files it is to stand beside."""
    sentences = [(article, split_sentences(article.text, article.body_start)) for article in articles]
    words = names.Vocabulary.of(sentences)
    found = [s for article, said in sentences for s in names.sightings(article, said, words)]
    drafted = names.entities(found, min_sources, taken)
    entities = proposals.rule_entities(drafted)
    kept = tuple(e for e in drafted if e.id in entities)
    candidates = proposals.candidates(kept, entities)
    rules = proposals.rule_set(entities, candidates)
    read = proposals.read_corpus(articles, rules)
    titles = proposals.title_candidates(read.readings, rules, min_sources)
    statements = dict(read.statements)
    if titles:
        rules = proposals.rule_set(entities, [*candidates, *titles])
        for claim in titles:
            statements[claim.id] = tuple(s for reading in read.readings
                                         for s in kind("title").extract(reading, claim, rules))
    borne_out = proposals.judged(rules, statements, min_sources)
    final = proposals.rule_set(entities, [p.claim for p in borne_out])
    with_examples = proposals.unique_ids(
        [proposals.with_examples(p, final, read.readings) for p in borne_out], taken)
    return Draft(kept, with_examples, proposals.rule_set(entities, [p.claim for p in with_examples]), len(articles),
                 min_sources)
