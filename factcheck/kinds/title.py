"""Title claims: a person's role or office as the articles state it ("Valdoran Interior Minister Ilse Marrow",
"Marrow, Valdora's interior minister"), against the roles the rule accepts for them.

A role is read where it is attached to a mention of the person (titles.py), or where an alias of the rules that
names an office mentions them. Roles compare by office, rank and field, whatever the case and wording
("Valdoran Interior Minister" is "Valdora's interior minister"); a role that leaves out its field ("the minister")
is the same office, and so is a generic head ("the Fed chief") of an office that heads something ("the Federal
Reserve chair"); one with another rank ("deputy minister") or field ("defence minister") is not; whose office it
is counts only where both name a place of the story, and then they must agree. A role outside the accepted ones is
a conflict with the sources that give an accepted one; read only behind a comma, where it may begin another clause,
it is a warning.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.claims import Claim, KeySpec, RuleSet
from factcheck.findings import Statement, Status, group_values, statement
from factcheck.kinds import Case, Kind, once_each, undated
from factcheck.readers.names import Entity, Mention
from factcheck.readers.reading import Reading
from factcheck.readers.text import Sentence
from factcheck.readers.titles import (
    Role,
    RoleReading,
    alias_role,
    government_words,
    offices_agree,
    parse_role,
    place_stem,
    read_roles,
)
from factcheck.trace import UNHEARD, Notes


@dataclass(frozen=True, slots=True)
class TitleValue:
    office: str
    ranks: tuple[str, ...]  # sorted, as the fields and places
    fields: tuple[str, ...]
    places: tuple[str, ...]  # the places of the story the role names as whose office it is, by entity id
    accepted: bool
    firm: bool  # read where only a role can stand, not behind a comma


def _same_office(a: TitleValue, b: TitleValue) -> bool:
    fields_a, fields_b = set(a.fields), set(b.fields)
    if {a.office, b.office} & {"chief", "leader"} and "minister" in (a.office, b.office) and a.ranks == b.ranks:
        head, minister = (fields_a, fields_b) if b.office == "minister" else (fields_b, fields_a)
        government = head & government_words()
        return bool(government) and head - government == minister  # "the government's transport chief"
    # A generic head stands for the office only with the same fields: "the police chief" is the police
    # commissioner, "the chief of police" no president.
    fields_agree = fields_a == fields_b if a.office != b.office else fields_a <= fields_b or fields_b <= fields_a
    return (offices_agree(a.office, b.office) and a.ranks == b.ranks and fields_agree
            and (not a.places or not b.places or bool(set(a.places) & set(b.places))))


def _places(role: Role, places: list[Entity]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The story's places a role's qualifiers name (by id), and the qualifiers as a report shows them: a place by its
    name, anything else as written."""
    ids: set[str] = set()
    shown: list[str] = []
    for qualifier in role.qualifiers:
        # "Valdoran" names Valdora rather than Valdor when the story has both: the place it shares most letters with.
        closeness = {p.id: max((place_stem(qualifier, form) for form in p.spellings), default=0) for p in places}
        written = qualifier.casefold()
        closeness.update({p.id: len(qualifier) + 1 for p in places
                          if any(written == form.casefold() for form in (p.name, *p.variants, *p.aliases))})
        best = max(closeness.values(), default=0)
        named = [p for p in places if best and closeness[p.id] == best]
        ids.update(p.id for p in named)
        shown.append(named[0].name if len(named) == 1 else qualifier)
    return tuple(sorted(ids)), tuple(dict.fromkeys(shown))


def _value(role: Role, places: list[Entity], accepted: list[TitleValue] | None, firm: bool) -> tuple[str, TitleValue]:
    ids, shown = _places(role, places)
    value = TitleValue(role.office, tuple(sorted(role.ranks)), tuple(sorted(role.fields)), ids, True, firm)
    if accepted is not None:
        value = TitleValue(value.office, value.ranks, value.fields, ids,
                           any(_same_office(value, a) for a in accepted), firm)
    return role.describe(shown), value


def _story_places(claim: Claim, rules: RuleSet) -> list[Entity]:
    """The places and organisations of the claim's story: whose office a role may say it is ("Valdora's minister",
    "chief executive of Norvik Ferries")."""
    story = rules.stories.get(claim.id) or frozenset(rules.entities)
    return [rules.entities[e] for e in sorted(story)
            if e in rules.entities and rules.entities[e].kind in ("place", "organisation")]


def accepted_roles(claim: Claim, rules: RuleSet) -> list[tuple[str, Role]]:
    """The roles the claim accepts, as written: its `accepted` ones, and its person's aliases that name an office
    (the rules already say they refer to the person)."""
    entity = rules.entities[claim.get("who")]
    written = [*claim.get("accepted"), *entity.aliases]
    roles = [(text, parse_role(text)) for text in dict.fromkeys(written)]
    return [(text, role) for text, role in roles if role is not None]


def roles_of(reading: Reading, sentence: Sentence, mention: Mention) -> list[RoleReading]:
    """The roles read against a mention, once per article for every role claim of the person (and the draft's
    reading of roles)."""
    found = reading.once(("roles", mention.start, mention.end),
                         lambda: tuple(read_roles(reading.text, sentence.start, sentence.end, mention.start,
                                                  mention.end)))
    return list(found)


def extract(reading: Reading, claim: Claim, rules: RuleSet, notes: Notes = UNHEARD) -> list[Statement]:
    who = claim.get("who")
    entity = rules.entities[who]
    places = _story_places(claim, rules)
    accepted_written = accepted_roles(claim, rules)
    accepted = [_value(role, places, None, True)[1] for _, role in accepted_written]
    listed = ", ".join(text for text in claim.get("accepted"))
    text = reading.text
    found: list[Statement] = []
    for index, sentence in enumerate(reading.sentences):
        for mention in reading.mentions_of(who, index):
            readings: list[RoleReading]
            if mention.how == "alias":
                alias = alias_role(text, sentence.start, mention.start, mention.end)
                readings = [alias] if alias is not None else []
            else:
                readings = roles_of(reading, sentence, mention)
            for role_reading in readings:
                phrase = text[role_reading.start:role_reading.end]
                if role_reading.role is None:
                    notes.reject(index, claim.id, f"'{phrase}' of '{mention.text}': {role_reading.why_not}")
                    continue
                firm = role_reading.how != "before the name, behind a comma"
                value, data = _value(role_reading.role, places, accepted, firm)
                where = ("an alias of the rules" if mention.how == "alias"
                         else f"{role_reading.how} '{mention.text}'")
                verdict = (f"a role the rules accept for {entity.name}" if data.accepted
                           else f"not among the roles the rules accept for {entity.name} ({listed})")
                caution = "" if firm else "; read behind a comma, where a clause may end"
                explanation = f"'{phrase}', {where} -> {value}: {verdict}{caution}"
                spans = [(role_reading.start, role_reading.end), (mention.start, mention.end)]
                found.append(statement(claim.id, reading.article, sentence, spans, value, explanation, data,
                                       {"who": entity.name, "accepted": listed}))
    return once_each(found, lambda a, b: a.value == b.value, reading, notes)


def _incompatible(a: Statement, b: Statement) -> bool:
    """A role outside the accepted ones against any other office; two accepted roles are both right."""
    return (not a.data.accepted or not b.data.accepted) and not _same_office(a.data, b.data)


def _explained(a: Statement, b: Statement) -> bool:
    """A role read behind a comma may begin another clause ("after meeting the minister, Ilse Marrow said")."""
    return not (a.data.firm and b.data.firm)


def _sources(statements: list[Statement]) -> str:
    return "; ".join(f"'{g.value}' ({', '.join(g.articles)})" for g in group_values(statements))


def _accepted(item: Statement) -> Status:
    """A role the rules do not accept is a warning even where no other source contradicts it."""
    return "consistent" if item.data.accepted else "warning"


def _describe(case: Case) -> str:
    ordered = case.statements
    who = ordered[0].extra["who"]
    outside = [s for s in ordered if not s.data.accepted]
    inside = [s for s in ordered if s.data.accepted]
    if not outside:
        return f"every role read for {who} is one the rules accept: {_sources(list(ordered))}"
    if not inside:
        return (f"{who} is called {_sources(outside)}, not among the roles the rules accept "
                f"({ordered[0].extra['accepted']}); no source gives an accepted one")
    message = f"{who} is called {_sources(outside)} where other sources say {_sources(inside)}"
    if case.status == "warning":
        message += "; read behind a comma, the role may begin another clause"
    return message


def _unreadable_role(written: str) -> str | None:
    """An accepted role that reads as no office would silently accept nothing: the rule author hears of it."""
    if parse_role(written) is None:
        return (f"'{written}' names no office factcheck knows (a role ends in an office word such as minister, "
                "president, spokesperson: see factcheck/language/titles.toml)")
    return None


KIND = Kind(
    name="title",
    summary="a person's role or office as the articles state it, against the roles the rules accept",
    keys={
        "who": KeySpec("entity", "the person whose role is read", required=True, entity_kind="person"),
        "accepted": KeySpec("strings", "the roles the person holds, as news writes them (foreign minister, top "
                                       "diplomat); the person's aliases that name an office are accepted too",
                            required=True, check=_unreadable_role),
    },
    extract=extract,
    describe=_describe,
    alone=_accepted,
    incompatible=_incompatible,
    explained=_explained,
    why_explained="a role read behind a comma may belong to another clause",
    dated=undated,
    data_type=TitleValue,
)
