"""A draft as a rule file (TOML, commented with how many sources support each entry) and as the explanation
`--explain` prints: the sentences every entity and claim comes from."""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from factcheck.drafting.draft import Draft
from factcheck.drafting.names import DraftEntity, Sighting
from factcheck.drafting.proposals import Proposal
from factcheck.findings import Statement
from factcheck.inputs.article import Article
from factcheck.kinds import registry

_KIND_HEADINGS = {"person": "people", "place": "places", "organisation": "organisations"}
_RULE = "# " + "-" * 64
CITED = 3  # sentences cited per value in the explanation
_Cited = TypeVar("_Cited", Sighting, Statement)  # what the explanation cites: a name's form or a value read


def toml_string(text: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's, but for DEL, which TOML wants escaped."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    return toml_string(str(value))


def rule_file(draft: Draft, corpus: str) -> str:
    """The draft as a commented rule file that `rules check` accepts and `check` runs as it is."""
    lines = [_comment(f"# Rules drafted by `factcheck rules draft` from {draft.articles} article(s) of {corpus}."),
             f"# Each entity is named in at least {draft.min_sources} articles and each claim read in at least "
             f"{draft.min_sources} (a spelling claim",
             "# reads only slips, which one article makes);",
             "# the comments say how many, and `factcheck rules draft --explain` cites every sentence they come from.",
             "# A draft is a start: check the names and roles, merge or split claims, add cues (docs/rules.md)."]
    used = set(draft.rules.entities)
    for entity_kind, heading in _KIND_HEADINGS.items():
        of_kind = [e for e in draft.entities if e.kind == entity_kind and e.id in used]
        if not of_kind:
            continue
        lines += ["", f"{_RULE[:-len(heading) - 1]} {heading}"]
        for entity in of_kind:
            lines += ["", *_entity(entity)]
    lines += ["", f"{_RULE[:-7]} claims"]
    for proposal in draft.proposals:
        lines += ["", *_claim(proposal)]
    return "\n".join(lines) + "\n"


def _entity(entity: DraftEntity) -> list[str]:
    forms = ", ".join(f"{form} ({count})" for form, count in entity.forms[:6])
    lines = [_comment(f"# named in {len(entity.articles)} article(s); forms and the articles that write them: {forms}")]
    if entity.slips:
        lines.append(_comment(f"# written once, a few letters off the name: {', '.join(entity.slips)} (left out of the "
                              "variants, so that the spelling claim flags it; add it if it is right)"))
    lines += [f"[entities.{entity.id}]", f"kind = {toml_string(entity.kind)}", f"name = {toml_string(entity.name)}"]
    if entity.variants:
        lines.append(f"variants = {_value(entity.variants)}")
    if entity.aliases:
        lines.append(f"aliases = {_value(entity.aliases)}")
    return lines


def _claim(proposal: Proposal) -> list[str]:
    claim = proposal.claim
    # In how many articles each value is read, as the first line of the file says the comments count (an article
    # may quote a person twice).
    values = Counter(value for _, value in {(s.article, s.value) for s in proposal.statements})
    # Most articles first, ties in the order of the values, so that two runs write the same file.
    ranked = sorted(values.items(), key=lambda item: (-item[1], _shown(item[0])))
    read = "; ".join(f"{_shown(value)} ({count})" for value, count in ranked[:4])
    more = f" and {len(values) - 4} more" if len(values) > 4 else ""
    note = f"; {proposal.note}" if proposal.note else ""
    sources = (_comment(f"# read in {proposal.sources} article(s){note}: {read}{more}") if proposal.statements else
               "# no slip read yet: flags a name written a few letters off the entities' spellings")
    lines = [sources,
             "[[claims]]", f"id = {toml_string(claim.id)}", f"kind = {toml_string(claim.kind)}",
             f"title = {toml_string(claim.title)}"]
    specs = registry()[claim.kind].keys
    # A date is TOML's own date, not a string (rules check wants the type the key declares).
    lines += [f"{key} = {value if specs[key].type == 'date' else _value(value)}"
              for key, value in claim.options.items() if value != specs[key].default]  # a default goes unsaid
    if claim.examples:
        lines.append("examples = [")
        for example in claim.examples:
            expected = ("expect = \"nothing\"" if example.value is None else f"value = {_value(example.value)}")
            lines.append(f"  {{ text = {toml_string(example.text)}, published = \"{example.published.isoformat()}\", "
                         f"{expected} }},")
        lines.append("]")
    return lines


def _comment(line: str) -> str:
    """A comment line whatever it quotes: TOML ends a comment at a line break and refuses the other control
    characters in one (a corpus path may hold any of them)."""
    return "".join(" " if unicodedata.category(ch) == "Cc" and ch != "\t" else ch for ch in line)


def _shown(value: Any) -> str:
    return " > ".join(value) if isinstance(value, tuple) else str(value)


def explanation(draft: Draft, articles: Sequence[Article]) -> str:
    """Where every entity and claim of the draft comes from: each form of a name and each value read, with the
    sentences (path:line:column) that give it."""
    by_id = {article.id: article for article in articles}
    used = set(draft.rules.entities)
    out: list[str] = []
    for entity in draft.entities:
        if entity.id not in used:
            continue
        out.append(f"entity {entity.id}: {entity.name} ({entity.kind}), named in {len(entity.articles)} article(s)")
        by_form: dict[str, list[Sighting]] = {}
        for sighting in entity.sightings:
            by_form.setdefault(sighting.form, []).append(sighting)
        for form, seen in sorted(by_form.items(), key=lambda item: (-len(item[1]), item[0])):
            out.append(f"  {form!r}: {len({s.article for s in seen})} article(s)")
            out += [f"    {_cite(by_id[s.article], s.start)}" for s in _first_per_article(seen)[:CITED]]
    for proposal in draft.proposals:
        out.append(f"claim {proposal.claim.id} ({proposal.claim.kind}): {proposal.claim.title}, read in "
                   f"{proposal.sources} article(s)")
        groups: dict[Any, list[Any]] = {}
        for statement in proposal.statements:
            groups.setdefault(statement.value, []).append(statement)
        for value, statements in sorted(groups.items(), key=lambda item: (-len(item[1]), str(item[0]))):
            out.append(f"  {_shown(value)}: {len({s.article for s in statements})} article(s)")
            for statement in _first_per_article(statements)[:CITED]:
                out.append(f"    {statement.path}:{statement.line}:{statement.column}: {statement.text!r} in "
                           f"\u201c{_one_line(statement.quote)}\u201d")
    if draft.left_out:
        out.append("left out: candidates some article read that the draft does not propose")
        out += [f"  {left.claim.id} ({left.claim.kind}): {left.claim.title}: {left.why}" for left in draft.left_out]
    return "\n".join(out) + "\n"


def _first_per_article(seen: Iterable[_Cited]) -> list[_Cited]:
    """The first of each article, so that the few sentences cited show as many articles as they can."""
    first: dict[str, _Cited] = {}
    for item in sorted(seen, key=lambda s: (s.article, s.start)):
        first.setdefault(item.article, item)
    return list(first.values())


def _cite(article: Article, offset: int) -> str:
    line, column = article.position(offset)
    start = article.text.rfind("\n", 0, offset) + 1
    end = article.text.find("\n", offset)
    return f"{article.path}:{line}:{column}: {_one_line(article.text[start:end if end >= 0 else None])}"


def _one_line(text: str, limit: int = 200) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1] + "\u2026"

