"""Claim kinds: one module each, registered here. A kind declares the keys its claims take, extracts statements
from a reading of one article, and compares the statements of all articles into findings."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck.findings import Finding, Statement
from factcheck.rules.records import Claim, KeySpec
from factcheck.trace import Notes

if TYPE_CHECKING:  # the reading module imports the kinds' helpers, not the other way round at run time
    from factcheck.readers.reading import Reading

# extract(reading: Reading, claim: Claim, rules: RuleSet, notes: Notes = UNHEARD) -> list[Statement]
Extract = Callable[..., list[Statement]]
# The key every kind that reads an event takes: words of its own for it.
CUES_KEY = KeySpec("strings", "more trigger words for the event, as regular expressions", default=())
Compare = Callable[[Claim, list[Statement]], list[Finding]]


@dataclass(frozen=True, slots=True)
class Kind:
    name: str
    summary: str
    keys: Mapping[str, KeySpec]
    extract: Extract
    compare: Compare
    # Whether two statements cannot both hold, and whether such a pair is explained (a warning, not a conflict):
    # what `check --new` asks of a new article's statement against the published ones. Both look only at the
    # statements' `data` and `published` (decide.disagreements asks once per distinct pair of those).
    incompatible: Callable[[Statement, Statement], bool] = lambda a, b: False
    explained: Callable[[Statement, Statement], bool] = lambda a, b: False
    why_explained: str = "the difference may be explained"  # what a warning of `explained` pairs says
    # Whether a finding judges each article on its own (a misspelling, a count of days against the rule's reference
    # date): what a new article does wrong there is its own, whatever the published ones say (focus.py).
    judged_alone: bool = False
    # The record type of a statement's `data`, when it is one (the codec rebuilds it from stored JSON).
    data_type: type | None = None


def once_each(found: list[Statement], same: Callable[[Statement, Statement], bool], reading: Reading,
              notes: Notes) -> list[Statement]:
    """An article that says the same thing twice makes one statement, its first; the repeat is noted, so that
    `factcheck explain` still shows what was read there."""
    kept: list[Statement] = []
    for item in found:
        first = next((other for other in kept if same(other, item)), None)
        if first is None:
            kept.append(item)
        else:
            notes.reject(reading.sentence_at(item.start), item.claim,
                         f"'{item.text}' reads {item.value} again, as line {first.line} does: counted once")
    return kept


# The kinds, each the module of its name. A kind is imported when a rule first asks for it: a check whose rules
# use four kinds does not pay the start-up of eight (which a CI check of one new article feels).
_NAMES = ("date", "count", "sequence", "spelling", "elapsed", "title", "quote", "presence")


class _Kinds(Mapping[str, Kind]):
    def __getitem__(self, name: str) -> Kind:
        if name not in _NAMES:
            raise KeyError(name)
        kind: Kind = importlib.import_module(f"factcheck.kinds.{name}").KIND
        return kind

    def __iter__(self) -> Iterator[str]:
        return iter(_NAMES)

    def __len__(self) -> int:
        return len(_NAMES)


_KINDS = _Kinds()


def registry() -> Mapping[str, Kind]:
    return _KINDS
