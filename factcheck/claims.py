"""The records a rule file becomes: entities, claims and their examples, and the key specs kinds declare."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal, Mapping

from factcheck.names import Entity, NameIndex

KeyType = Literal["string", "strings", "entity", "entities", "event", "date", "bool", "number", "patterns"]
# Option values are immutable: strings, numbers, booleans, and tuples where the rule file has a list.


@dataclass(frozen=True, slots=True)
class KeySpec:
    """One key a claim of some kind may carry: its type, whether it is required, its default, what it means."""

    type: KeyType
    help: str
    required: bool = False
    default: Any = None


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

    def __post_init__(self) -> None:
        object.__setattr__(self, "names", NameIndex.of(self.entities.values()))
        object.__setattr__(self, "entity_kinds", MappingProxyType({e.id: e.kind for e in self.entities.values()}))

    def entity(self, entity_id: str | None) -> Entity | None:
        return self.entities.get(entity_id) if entity_id else None
