"""The examples the rule files carry are run as tests; every claim must carry a positive and a negative one."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.examples import run_example
from factcheck.rules.load import load_rules

ROOT = Path(__file__).resolve().parent.parent
# The development stories' rules too (benchmarks/rules: one file a story, each loaded on its own).
RULE_DIRS = [ROOT / "rules", Path(__file__).resolve().parent / "data" / "summit-rules",
             *sorted((ROOT / "benchmarks" / "rules").glob("*.toml"))]
CASES = [(directory.stem, rules, claim, example) for directory in RULE_DIRS for rules in [load_rules(directory)]
         for claim in rules.claims for example in claim.examples]


@pytest.mark.parametrize("directory", RULE_DIRS, ids=lambda d: d.stem)
def test_every_claim_has_a_positive_and_a_negative_example(directory: Path) -> None:
    for claim in load_rules(directory).claims:
        assert any(e.value is not None for e in claim.examples), f"{claim.id} has no positive example"
        assert any(e.value is None for e in claim.examples), f"{claim.id} has no negative example"


@pytest.mark.parametrize("story,rules,claim,example", CASES,
                         ids=[f"{story}:{claim.id}:{example.line}" for story, _, claim, example in CASES])
def test_rule_example(story, rules, claim, example) -> None:
    result = run_example(claim, example, rules)
    expected = "no statement" if example.value is None else example.value
    assert result.passed, (f"{claim.id}: {example.text!r}: expected {expected}, read {result.actual}: "
                           f"{result.explanations}")
