"""Spelling claims: names written as the rule file spells them, or as one of its accepted variants.

A near miss (within a small edit distance, same first letter) that is no accepted spelling is flagged as a warning
naming the canonical form: fuzzy evidence, which the editor confirms.
"""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.claims import Claim, KeySpec, RuleSet
from factcheck.findings import Statement, Status, group_values, statement
from factcheck.kinds import Case, Kind
from factcheck.readers import events
from factcheck.readers.names import Entity, Mention, name_part_slips
from factcheck.readers.reading import Reading
from factcheck.trace import UNHEARD, Notes


def _entity_ids(claim: Claim, rules: RuleSet) -> list[str]:
    listed = claim.get("entities")
    return list(listed) if listed else sorted(e.id for e in rules.entities.values() if e.kind == "person")


# How many sentences away from a person's name a given name or surname written alone is read as theirs.
_PART_REACH = 2


def _known_words(rules: RuleSet) -> frozenset[str]:
    """Every word of every name, alias and distinct name the rules give, folded: none is a slip of another."""
    return frozenset(word.casefold() for entity in rules.entities.values()
                     for form in (*entity.spellings, *entity.aliases, *entity.distinct) for word in form.split())


def _near_their_names(reading: Reading, wanted: set[str], rules: RuleSet) -> list[tuple[Entity, list[int]]]:
    """Each checked person the article names, with the sentences of the paragraph within two sentences of a name."""
    found = []
    for entity_id in sorted(wanted):
        entity = rules.entities[entity_id]
        if entity.kind != "person":
            continue
        named = [i for i, mentions in enumerate(reading.mentions)
                 if any(m.entity == entity_id and m.how == "name" for m in mentions)]
        near = sorted({j for i in named for j in range(max(0, i - _PART_REACH),
                                                       min(len(reading.sentences), i + _PART_REACH + 1))
                       if reading.sentences[j].paragraph == reading.sentences[i].paragraph})
        if near:
            found.append((entity, near))
    return found


def _part_slips(reading: Reading, wanted: set[str], rules: RuleSet) -> Iterator[tuple[int, Mention]]:
    """A person's given name or surname written alone with a slip ("his son Tarik" for Tariq Hassan), in a sentence
    of the paragraph within two sentences of one that names the person."""
    places = _near_their_names(reading, wanted, rules)
    known = _known_words(rules) if places else frozenset()  # only for an article that names one of them
    for entity, near in places:
        for index in near:
            sentence = reading.sentences[index]
            taken = [(m.start, m.end) for m in reading.mentions[index]]
            for slip in name_part_slips(reading.text, sentence.start, sentence.end, entity, taken, known):
                if not _of_theirs(reading, index, slip, entity):
                    yield index, slip


def _of_theirs(reading: Reading, index: int, slip: Mention, entity: Entity) -> bool:
    """Whether the word is the name of someone of the person's ("Irena Vasko died. Her daughter Irina said ..."): it
    follows a possessive and a relative or aide, and the person is named before it in its sentence or the one
    before, so the possessive is theirs."""
    if not events.someone_of_theirs_before(reading.text, slip.start):
        return False
    first = reading.sentences[max(0, index - 1)].start
    return any(m.entity == entity.id and m.how == "name" and first <= m.start < slip.start
               for i in range(max(0, index - 1), index + 1) for m in reading.mentions[i])


def extract(reading: Reading, claim: Claim, rules: RuleSet, notes: Notes = UNHEARD) -> list[Statement]:
    wanted = set(_entity_ids(claim, rules))
    found: dict[tuple[str, str], list] = {}
    for index, sentence in enumerate(reading.sentences):
        for mention in reading.mentions[index]:
            if mention.entity in wanted and mention.how == "near miss":
                found.setdefault((mention.entity, mention.text), []).append((sentence, mention))
    for index, mention in _part_slips(reading, wanted, rules):
        found.setdefault((mention.entity, mention.text), []).append((reading.sentences[index], mention))
    statements = []
    for (entity_id, written), places in found.items():
        entity = rules.entities[entity_id]
        sentence, mention = places[0]
        lines = sorted({reading.article.position(m.start)[0] for _, m in places})
        accepted = ", ".join(entity.spellings)
        explanation = (f"'{written}' is close to '{mention.form}' but no accepted spelling of {entity.name} "
                       f"({accepted}); written so {len(places)} time(s), line(s) {', '.join(map(str, lines))}")
        statements.append(statement(claim.id, reading.article, sentence, [(mention.start, mention.end)], written,
                                    explanation, entity_id, {"expected": entity.name, "occurrences": len(places)}))
    return statements


def _by_name(_claim: Claim, statements: tuple[Statement, ...]) -> list[tuple[Statement, ...]]:
    """A finding per entity whose name is misspelt, in the order of the entities' ids."""
    by_entity: dict[str, list[Statement]] = {}
    for item in statements:
        by_entity.setdefault(item.data, []).append(item)
    return [tuple(items) for _, items in sorted(by_entity.items())]


def _misspelt(_item: Statement) -> Status:
    """A near miss is fuzzy evidence: a warning, which the editor confirms."""
    return "warning"


def _entitle(case: Case) -> str:
    return f"{case.claim.title}: {case.statements[0].extra['expected']}"


def _describe(case: Case) -> str:
    if not case.statements:
        return "every name of the rule is written in an accepted spelling"
    expected = case.statements[0].extra["expected"]
    forms = "; ".join(f"'{g.value}' ({', '.join(g.articles)})" for g in group_values(case.statements))
    return f"not an accepted spelling of {expected}: {forms}"


KIND = Kind(
    name="spelling",
    summary="names spelt as the canonical form or an accepted variant",
    keys={
        "entities": KeySpec("entities", "the entities whose names are checked (default: every person)", default=()),
    },
    extract=extract,
    describe=_describe,
    alone=_misspelt,
    split=_by_name,
    entitle=_entitle,
    judged_alone=True,
    silence_is_a_finding=True,
)
