"""The records a rule file becomes: entities, claims and their examples, and the key specs kinds declare."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

from factcheck import patterns
from factcheck.readers.names import Entity, NameIndex

KeyType = Literal["string", "strings", "entity", "entities", "event", "date", "bool", "number", "patterns"]
# Option values are immutable: strings, numbers, booleans, and tuples where the rule file has a list.


@dataclass(frozen=True, slots=True)
class KeySpec:
    """One key a claim of some kind may carry: its type, whether it is required, its default, what it means."""

    type: KeyType
    help: str
    required: bool = False
    required_unless: str | None = None  # another key that, when given, makes this one optional
    default: Any = None
    choices: tuple[str, ...] = ()  # the values a string may take, if only a few may
    # What is wrong with each item of the value (or the value itself, if not a list) that its type cannot say (a role
    # no office word ends, a negative tolerance), or None.
    check: Callable[[Any], str | None] | None = None
    entity_kind: str | None = None  # the kind of entity an entity key must name (a title is a person's), if one


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    published: dt.date
    value: Any  # the expected value as the report renders it; None when no statement may be read
    line: int


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    kind: str
    title: str
    path: str
    line: int
    options: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    examples: tuple[Example, ...] = ()

    def get(self, key: str) -> Any:
        return self.options.get(key)


@dataclass(frozen=True, slots=True)
class RuleSet:
    entities: Mapping[str, Entity]
    claims: tuple[Claim, ...]
    files: tuple[str, ...]
    # Per claim, the entities of its story: those its rule file defines or its file's claims refer to.
    stories: Mapping[str, frozenset[str]] = field(default_factory=lambda: MappingProxyType({}))
    # Derived once, since every article asks for them.
    names: NameIndex = field(init=False, compare=False, repr=False)
    entity_kinds: Mapping[str, str] = field(init=False, compare=False, repr=False)
    kind_of_claim: Mapping[str, str] = field(init=False, compare=False, repr=False)  # by claim id
    # Each story's entities and the positions of its claims; for each entity the stories it belongs to, and under
    # "" the stories of no entity.
    _story_claims: tuple[tuple[frozenset[str], tuple[int, ...]], ...] = field(init=False, compare=False, repr=False)
    _stories_of: Mapping[str, tuple[int, ...]] = field(init=False, compare=False, repr=False)
    # Per place, its aliases that the rule file writes as proper names ("Port Ostrel", "Vezad City"), folded.
    proper_aliases: Mapping[str, frozenset[str]] = field(init=False, compare=False, repr=False)
    # Per place that the rule file names as a list of its places ("Valdora and Norvik"), the places listed.
    place_parts: Mapping[str, frozenset[str]] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "names", NameIndex.of(self.entities.values()))
        object.__setattr__(self, "entity_kinds", MappingProxyType({e.id: e.kind for e in self.entities.values()}))
        object.__setattr__(self, "kind_of_claim", MappingProxyType({c.id: c.kind for c in self.claims}))
        grouped: dict[frozenset[str], list[int]] = {}
        for position, claim in enumerate(self.claims):
            grouped.setdefault(self.stories.get(claim.id, frozenset()), []).append(position)
        story_claims = tuple((story, tuple(positions)) for story, positions in grouped.items())
        stories_of: dict[str, list[int]] = {}
        for number, (story, _) in enumerate(story_claims):
            for entity in story or {""}:
                stories_of.setdefault(entity, []).append(number)
        object.__setattr__(self, "_story_claims", story_claims)
        object.__setattr__(self, "_stories_of", MappingProxyType({k: tuple(v) for k, v in stories_of.items()}))
        object.__setattr__(self, "proper_aliases", MappingProxyType({
            e.id: frozenset(fold_name(a) for a in e.aliases if _is_proper_name(a))
            for e in self.entities.values() if e.kind == "place"}))
        object.__setattr__(self, "place_parts", MappingProxyType(_place_parts(self.entities.values())))

    def claims_told(self, named: Mapping[str, AbstractSet[str]], misspelt: set[str]) -> list[Claim]:
        """The claims of the stories an article tells, in the order of `claims`, given the entities it names (each
        with the names it was named by, see `tells_story`) and those it misspells. Only the stories of the entities
        it names can be told, and those of no entity."""
        candidates = {n for entity in (*named, "") for n in self._stories_of.get(entity, ())}
        positions = sorted(position for n in candidates if tells_story(named, misspelt, self._story_claims[n][0])
                           for position in self._story_claims[n][1])
        return [self.claims[position] for position in positions]

    def why_untold(self, named: Mapping[str, AbstractSet[str]], misspelt: set[str]) -> str:
        """Why an article that names these entities tells none of the rules' stories (see `tells_story`), for the
        report to say where it leaves the article out."""
        told = []
        for story, positions in self._story_claims:
            exact = sorted(self.entities[e].name for e in story.intersection(named) if e in self.entities)
            if exact:
                told.append(f"only {' and '.join(exact)} of the story of {Path(self.claims[positions[0]].path).name}")
        if not told:
            return "names none of the people or places of the rules' stories"
        return (f"names {'; '.join(told)}: a story is told by two different names of its people and places, so that "
                "a passing mention is not read as the story")

    def entity(self, entity_id: str | None) -> Entity | None:
        return self.entities.get(entity_id) if entity_id else None


def tells_story(named: Mapping[str, AbstractSet[str]], misspelt: set[str], story: frozenset[str]) -> bool:
    """Whether an article is about a rule file's story: it names the story twice, by two different names of its
    people and places (once, if the story has only one entity), at least one spelt right. An archive holds many
    stories, and a figure or a day from another one (another quake's toll, another visit's Tuesday) must not be read
    as this one's; one shared name (a capital) is not enough, even where it names two of the story's entities (a
    city, and its country by alias). A misspelt name counts as the second, so that the misspelling itself is still
    found.

    `named` holds, for each entity named, the names it was named by: a person is one name, in full or by surname,
    a place one per proper name (a province, and its town by alias)."""
    exact = story.intersection(named)
    if not (exact or not story):
        return False
    names = {name for entity in exact for name in named[entity]} | {person_name(e) for e in misspelt & story}
    return len(names) >= min(2, len(story))


_LIST_SEPARATOR = patterns.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def _place_parts(entities: Iterable[Entity]) -> dict[str, frozenset[str]]:
    """The places a place is made of, where one of its names lists two or more other places of the rules ("the
    Ostrel coast", alias "Valdora and Norvik"): a figure of the whole is then told apart from a figure of one part.
    A name that only contains another ("Port Elm City" and "Port Elm") lists nothing."""
    places = [e for e in entities if e.kind == "place"]
    named = {fold_name(form): e.id for e in places for form in (e.name, *e.variants, *e.aliases)}
    parts: dict[str, frozenset[str]] = {}
    for place in places:
        for form in (place.name, *place.variants, *place.aliases):
            listed = [named.get(fold_name(item)) for item in _LIST_SEPARATOR.split(form)]
            found = {p for p in listed if p is not None and p != place.id}
            if len(listed) >= 2 and None not in listed and len(found) >= 2:
                parts[place.id] = parts.get(place.id, frozenset()) | found
    return parts


def person_name(entity_id: str) -> str:
    """The one name a person counts as in `tells_story`, however the article writes it."""
    return f"#{entity_id}"


def fold_name(text: str) -> str:
    """A name as `tells_story` compares it: spaces and apostrophes made one, case folded."""
    return " ".join(text.replace("’", "'").split()).casefold()


def _is_proper_name(alias: str) -> bool:
    """An alias written as a proper name ("Vezad City", "Port Ostrel") names a place as its name does. Other
    aliases are often descriptions any story has ("the disaster zone", "the capital"), so they do not decide which
    story an article tells."""
    return all(word[:1].isupper() for word in alias.split())
