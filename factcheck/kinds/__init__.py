"""Claim kinds: one module each, registered here.

A kind declares the keys its claims take, extracts statements from a reading of one article, and says what the
decider (decide.py) needs to judge them: which two statements cannot both hold and which such pair is explained,
how a statement stands against the rule on its own, how a claim's statements divide into findings, and the words
that describe a finding. A finding's status and the finding itself are made by the decider alone, for every kind
alike.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING

from factcheck.claims import Claim, KeySpec
from factcheck.findings import Statement, Status, Value, group_values
from factcheck.trace import Notes

if TYPE_CHECKING:  # named in types only: the kinds' modules import what they read with
    from factcheck.inputs.article import Article
    from factcheck.readers.reading import Reading

# extract(reading: Reading, claim: Claim, rules: RuleSet, notes: Notes = UNHEARD) -> list[Statement]
Extract = Callable[..., list[Statement]]
# The key every kind that reads an event takes: words of its own for it.
CUES_KEY = KeySpec("strings", "more trigger words for the event, as regular expressions", default=())
Pair = Callable[[Statement, Statement], bool]
Pairs = list[tuple[Statement, Statement]]


@dataclass(frozen=True, slots=True)
class Case:
    """What the decider found in one group of a claim's statements, for its kind to describe: the statements, in
    report order, their status, the pairs that cannot both hold (unexplained, and explained ones), and whether they
    hold together as a whole. A finding of statements that agree gathers the groups they came from (`parts`)."""

    claim: Claim
    statements: tuple[Statement, ...]
    status: Status
    unexplained: tuple[tuple[Statement, Statement], ...] = ()
    explained: tuple[tuple[Statement, Statement], ...] = ()
    holds_together: bool = True
    parts: tuple[tuple[Statement, ...], ...] = ()
    # How many pairs of each sort (unexplained, explained) are counted but not listed (decide.PAIRS_LISTED).
    pairs_left_out: tuple[int, int] = (0, 0)


def never(_a: Statement, _b: Statement) -> bool:
    """A pair test that holds for no pair."""
    return False


def a_plan(item: Statement) -> bool:
    """Whether a statement is of a plan (its record's `planned`), whose publication date says whether it may have
    changed since: what `Kind.dated` picks in a kind whose schedules may change."""
    return bool(item.data.planned)


def undated(_item: Statement) -> bool:
    """No statement: `Kind.dated` of a kind whose `explained` looks at no publication date."""
    return False


@dataclass(frozen=True, slots=True)
class Kind:
    name: str
    summary: str
    keys: Mapping[str, KeySpec]
    extract: Extract
    # The message of a finding, from what the decider found: a kind's words for a disagreement or an agreement.
    describe: Callable[[Case], str]
    # Whether two statements cannot both hold, and whether such a pair is explained (a warning, not a conflict).
    # The first looks only at the statements' `data`, the second at their `data` and `published`
    # (decide.disagreements asks once per distinct pair of those). None: no two statements of the kind disagree;
    # each is judged on its own (`alone`).
    incompatible: Pair | None = None
    explained: Pair = never
    why_explained: str = "the difference may be explained"  # what a warning of `explained` pairs says
    # The statements whose publication date `explained` may look at (a plan, published before a report or after
    # it): where a group has none, its statements are compared by value alone, however many days they were
    # published on. None: any statement's.
    dated: Callable[[Statement], bool] | None = None
    # How a statement stands against the rule by itself, whatever the others say (a misspelt name, a day count
    # that misses the rule's reference date, a role the rules do not accept), or None if it always stands.
    alone: Callable[[Statement], Status] | None = None
    # Whether a group's statements can all hold at once, beyond every pair of them (orders that form a cycle).
    holds_together: Callable[[tuple[Statement, ...]], bool] | None = None
    # How a claim's statements divide into findings (by misspelt name, by day, by remark, one each), in report
    # order; None: one finding of them all.
    split: Callable[[Claim, tuple[Statement, ...]], list[tuple[Statement, ...]]] | None = None
    # The pairs of a group, where the kind compares other things than statement pairs (quote compares distinct
    # remarks, counting sources), as (unexplained, explained); None: `decide.disagreements` of the two tests above.
    pairs: Callable[[Claim, tuple[Statement, ...]], tuple[Pairs, Pairs]] | None = None
    # The title of a finding that disagrees, from what it is about (a name, a day, a remark); None: the claim's.
    # What agrees is always titled by the claim.
    entitle: Callable[[Case], str] | None = None
    # Whether the statements that agree make a finding beside those that disagree (the days a person was in one
    # place, beside a day they were in two), or only when nothing disagrees.
    agreement_beside_disagreement: bool = True
    # Whether a finding judges each article on its own (a misspelling, a count of days against the rule's reference
    # date): what a new article does wrong there is its own, whatever the published ones say (check --new).
    judged_alone: bool = False
    # Whether a claim of no statement is still a finding (no misspelt name: every name is spelt right), rather than
    # a claim that matched nothing.
    silence_is_a_finding: bool = False
    # For a built-in kind (read in every article, whatever the rules, as a claim of its own): whether an article
    # that tells no story of the rules may give it a statement, a cheap test before anything is read.
    worth_a_look: Callable[[Article], bool] | None = None
    # The record type of a statement's `data`, when it is one (the codec rebuilds it from stored JSON).
    data_type: type | None = None


def sources(articles: tuple[str, ...] | list[str]) -> str:
    """The articles behind a value, for a finding's message: "2 sources: a, b"."""
    return f"{len(articles)} source{'s' if len(articles) != 1 else ''}: {', '.join(articles)}"


def set_against(case: Case, pairs: tuple[tuple[Statement, Statement], ...]) -> str:
    """The values that take part in the disagreeing pairs, with their sources, set against each other: the values
    that disagree with the others against the largest bloc of values that agree with each other ("15:15 against
    14:15, ~14:15"; "06:42 and 2026-03-10 morning against 07:42, 2026-03-09T07:42"): values that agree are never set
    against each other."""
    groups = [g for g in group_values(case.statements) if g.value in {s.value for pair in pairs for s in pair}]
    shown = {g.value: f"{g.value} ({sources(g.articles)})" for g in groups}
    disagreeing = {frozenset((a.value, b.value)) for a, b in pairs if a.value != b.value}
    bloc: list[Value] = []
    for group in groups:  # the most sourced first
        if all(frozenset((group.value, other)) not in disagreeing for other in bloc):
            bloc.append(group.value)
    others = [g.value for g in groups if g.value not in bloc]
    if len(groups) > 2 and others:
        opposed = [value for value in bloc if any(frozenset((value, o)) in disagreeing for o in others)]
        return f"{' and '.join(shown[o] for o in others)} against {', '.join(shown[v] for v in opposed)}"
    return " against ".join(shown[g.value] for g in groups)


def articles_of_pairs(case: Case, pairs: Iterable[tuple[Statement, Statement]],
                      which: Callable[[Statement], bool] = lambda _s: True) -> list[str]:
    """The articles of every statement of the case that stands where these pairs do (the same value record and
    publication date, as decide.py compares them) and that `which` picks: a finding lists only some of its pairs
    (decide.PAIRS_LISTED), and a message must still name every source."""
    keys = {(s.data, s.published) for pair in pairs for s in pair}
    return sorted({s.article for s in case.statements if (s.data, s.published) in keys and which(s)})


def agreement(case: Case, agreed: str = "sources agree") -> str:
    """What statements that hold together say: every value with its sources."""
    listing = "; ".join(f"{g.value} ({sources(g.articles)})" for g in group_values(case.statements))
    several = len({s.article for s in case.statements}) > 1
    return f"{agreed}: {listing}" if several else f"one source only: {listing}"


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


# The kinds a rule file may name, each the module of its name. A kind is imported when a rule first asks for it: a
# check whose rules use four kinds does not pay the start-up of eight (which a CI check of one new article feels).
_NAMES = ("date", "time", "count", "age", "sequence", "order", "spelling", "elapsed", "title", "quote",
          "presence")
# The built-in kinds, read in every article as claims of their own: their modules, and their claims' titles.
_BUILT_IN = {"date-sanity": ("sanity", "date sanity checks")}


_LOADED: dict[str, Kind] = {}


def kind(name: str) -> Kind:
    """The kind of this name, built-in or not (asked once per statement decoded from a store: kept once loaded)."""
    found = _LOADED.get(name)
    if found is None:
        module = _BUILT_IN[name][0] if name in _BUILT_IN else name if name in _NAMES else None
        if module is None:
            raise KeyError(name)
        found = _LOADED[name] = importlib.import_module(f"factcheck.kinds.{module}").KIND
    return found


class _Kinds(Mapping[str, Kind]):
    def __getitem__(self, name: str) -> Kind:
        if name not in _NAMES:
            raise KeyError(name)
        return kind(name)

    def __iter__(self) -> Iterator[str]:
        return iter(_NAMES)

    def __len__(self) -> int:
        return len(_NAMES)


_KINDS = _Kinds()


def registry() -> Mapping[str, Kind]:
    """The kinds a rule file may name."""
    return _KINDS


# The claims of the built-in kinds: each its kind's name as id, taken by no rule file (rules/load.py).
_BUILT_IN_CLAIMS = tuple(Claim(name, name, title, "", 0, MappingProxyType({}))
                         for name, (_, title) in _BUILT_IN.items())


def built_in_claims() -> tuple[Claim, ...]:
    return _BUILT_IN_CLAIMS


def kind_of(claim_id: str, rule_kinds: Mapping[str, str]) -> Kind:
    """The kind of a claim, given the kinds of the rules' claims by id (`RuleSet.kind_of_claim`): a built-in
    claim's id is its kind's name."""
    return kind(rule_kinds.get(claim_id, claim_id))
