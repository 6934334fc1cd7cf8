"""Claim kinds: one module each, registered here. A kind declares the keys its claims take, extracts statements
from a reading of one article, and compares the statements of all articles into findings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping

from factcheck.claims import Claim, KeySpec
from factcheck.findings import Finding, Statement

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
    # what `check --new` asks of a new article's statement against the published ones.
    incompatible: Callable[[Statement, Statement], bool] = lambda a, b: False
    explained: Callable[[Statement, Statement], bool] = lambda a, b: False


def registry() -> dict[str, Kind]:
    from factcheck.kinds import count, date, sequence, spelling

    return {kind.KIND.name: kind.KIND for kind in (date, count, sequence, spelling)}
