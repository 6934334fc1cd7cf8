"""Spelling claims: names written as the rule file spells them, or as one of its accepted variants.

A near miss (within a small edit distance, same first letter) that is no accepted spelling is flagged as a warning
naming the canonical form: fuzzy evidence, which the editor confirms.
"""

from __future__ import annotations

from factcheck.findings import Finding, Statement, group_values, sort_statements, statement
from factcheck.kinds import Kind
from factcheck.readers.reading import Reading
from factcheck.rules.records import Claim, KeySpec, RuleSet
from factcheck.trace import UNHEARD, Notes


def _entity_ids(claim: Claim, rules: RuleSet) -> list[str]:
    listed = claim.get("entities")
    return list(listed) if listed else sorted(e.id for e in rules.entities.values() if e.kind == "person")


def extract(reading: Reading, claim: Claim, rules: RuleSet, notes: Notes = UNHEARD) -> list[Statement]:
    wanted = set(_entity_ids(claim, rules))
    found: dict[tuple[str, str], list] = {}
    for index, sentence in enumerate(reading.sentences):
        for mention in reading.mentions[index]:
            if mention.entity in wanted and mention.how == "near miss":
                found.setdefault((mention.entity, mention.text), []).append((sentence, mention))
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


def compare(claim: Claim, statements: list[Statement]) -> list[Finding]:
    by_entity: dict[str, list[Statement]] = {}
    for item in statements:
        by_entity.setdefault(item.data, []).append(item)
    findings = []
    for _, items in sorted(by_entity.items()):
        expected = items[0].extra["expected"]
        forms = "; ".join(f"'{g.value}' ({', '.join(g.articles)})" for g in group_values(items))
        findings.append(Finding(claim.id, f"{claim.title}: {expected}", claim.kind, "warning",
                                f"not an accepted spelling of {expected}: {forms}", sort_statements(items),
                                group_values(items)))
    if not findings:
        findings.append(Finding(claim.id, claim.title, claim.kind, "consistent",
                                "every name of the rule is written in an accepted spelling", ()))
    return findings


KIND = Kind(
    name="spelling",
    summary="names spelt as the canonical form or an accepted variant",
    keys={
        "entities": KeySpec("entities", "the entities whose names are checked (default: every person)", default=()),
    },
    extract=extract,
    compare=compare,
    judged_alone=True,
)
