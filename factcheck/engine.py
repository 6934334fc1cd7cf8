"""The check: read each article once, extract the statements of every claim, compare them per claim.

This is the library entry point the CLI and other tools call; it never prints and never exits.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from factcheck.article import DEFAULT_MAX_SIZE, Article, load_corpus, parse_article
from factcheck.claims import Claim, Example, RuleSet
from factcheck.findings import Finding, Report, Statement, sort_findings
from factcheck.kinds import registry
from factcheck.reading import read


class InternalError(Exception):
    """An unexpected failure, with the input that was being processed when it happened."""

    def __init__(self, where: str, error: BaseException):
        super().__init__(f"internal error while processing {where}: {type(error).__name__}: {error}")
        self.where = where
        self.error = error


def extract(article: Article, rules: RuleSet) -> list[Statement]:
    """Every statement one article makes about the claims of the rules."""
    kinds = registry()
    reading = read(article, rules)
    return [item for claim in rules.claims for item in kinds[claim.kind].extract(reading, claim, rules)]


def compare(rules: RuleSet, statements: list[Statement]) -> list[Finding]:
    """The findings of every claim from the statements of all articles; a claim no article speaks of is left out."""
    kinds = registry()
    by_claim: dict[str, list[Statement]] = {}
    for item in statements:
        by_claim.setdefault(item.claim, []).append(item)
    findings: list[Finding] = []
    for claim in rules.claims:
        if claim.id in by_claim or claim.kind == "spelling":
            findings += kinds[claim.kind].compare(claim, by_claim.get(claim.id, []))
    return findings


def check(inputs: list[Path], rules: RuleSet, *, default_published: dt.date | None = None,
          override_published: dt.date | None = None, max_size: int = DEFAULT_MAX_SIZE) -> Report:
    """Check the articles the inputs name against the rules."""
    articles, skipped = load_corpus(inputs, default_published=default_published,
                                    override_published=override_published, max_size=max_size)
    statements: list[Statement] = []
    for article in articles:
        try:
            statements += extract(article, rules)
        except Exception as error:  # one article must never take the others down
            raise InternalError(article.path, error) from error
    findings = compare(rules, statements)
    silent = sorted(c.id for c in rules.claims if not any(s.claim == c.id for s in statements) and c.kind != "spelling")
    warnings = [w for a in articles for w in a.warnings]
    if articles:
        warnings += [f"claim '{claim}' matched nothing in any article" for claim in silent]
    return Report(tuple(articles), sort_findings(findings), tuple(sorted(skipped, key=lambda s: s.path)),
                  tuple(warnings))


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
    statements = registry()[claim.kind].extract(read(article, rules), claim, rules)
    actual = tuple(s.value for s in statements)
    passed = not statements if example.value is None else example.value in actual
    return ExampleResult(claim, example, passed, actual, tuple(s.explanation for s in statements))


def run_examples(rules: RuleSet) -> list[ExampleResult]:
    return [run_example(claim, example, rules) for claim in rules.claims for example in claim.examples]
