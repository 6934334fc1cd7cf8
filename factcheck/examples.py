"""The examples runner: every example a rule file carries, read as an article of its own and checked against the
value its claim must read there (`factcheck rules test`).
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.claims import Claim, Example, RuleSet
from factcheck.inputs.article import parse_article
from factcheck.kinds import kind
from factcheck.readers.reading import read


@dataclass(frozen=True, slots=True)
class ExampleResult:
    claim: Claim
    example: Example
    passed: bool
    actual: tuple[object, ...]
    explanations: tuple[str, ...]


def run_example(claim: Claim, example: Example, rules: RuleSet) -> ExampleResult:
    """Read an example as an article published on its date and check the claim's statements against it."""
    article = parse_article(example.text, f"{claim.id}-example-{example.line}.txt",
                            override_published=example.published)
    statements = kind(claim.kind).extract(read(article, rules), claim, rules)
    actual = tuple(s.value for s in statements)
    passed = not statements if example.value is None else example.value in actual
    return ExampleResult(claim, example, passed, actual, tuple(s.explanation for s in statements))


def run_examples(rules: RuleSet) -> list[ExampleResult]:
    return [run_example(claim, example, rules) for claim in rules.claims for example in claim.examples]


