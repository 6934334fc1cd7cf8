"""The check: read each article once, extract the statements of every claim, compare them per claim.

This is the library entry point the CLI and other tools call; it never prints and never exits.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from typing import Any, Mapping

from factcheck.article import DEFAULT_MAX_SIZE, Article, Skipped, discover, load_corpus, parse_article
from factcheck.baseline import without_baseline
from factcheck.claims import Claim, Example, RuleSet
from factcheck.findings import Finding, Report, Statement, sort_findings
from factcheck.focus import focus_on_new
from factcheck.kinds import registry
from factcheck.reading import read


class RulePatternTooSlow(Exception):
    """A claim's pattern ran past its time limit (catastrophic backtracking): an error in the rules."""

    def __init__(self, claim: str, path: str):
        super().__init__(f"claim '{claim}': a pattern took too long on {path} (catastrophic backtracking?); "
                         "simplify its cues")
        self.claim = claim


def extract(article: Article, rules: RuleSet) -> list[Statement]:
    """Every statement one article makes about the claims of the rules."""
    kinds = registry()
    reading = read(article, rules)
    statements: list[Statement] = []
    for claim in rules.claims:
        try:
            statements += kinds[claim.kind].extract(reading, claim, rules)
        except TimeoutError as error:
            raise RulePatternTooSlow(claim.id, article.path) from error
    return statements


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
          override_published: dt.date | None = None, max_size: int = DEFAULT_MAX_SIZE,
          new: list[Path] | None = None, baseline: Mapping[str, Any] | None = None) -> Report:
    """Check the articles the inputs name against the rules. With `new` (files or folders), the whole corpus is
    evidence but only the findings of those articles are reported (see focus.py). With a `baseline`, findings it
    records are left out before that, so an old disagreement stays quiet even when one of its articles is edited."""
    new_files = discover(new)[0] if new else []
    articles, skipped = load_corpus([*inputs, *new_files], default_published=default_published,
                                    override_published=override_published, max_size=max_size)
    statements: list[Statement] = []
    checked: list[Article] = []
    internal_errors: list[str] = []
    for article in articles:
        try:
            statements += extract(article, rules)
            checked.append(article)
        except RulePatternTooSlow:
            raise
        except Exception as error:  # one article must never take the others down
            reason = f"internal error: {type(error).__name__}: {error}; this is a bug in factcheck, please report it"
            skipped.append(Skipped(article.path, reason))
            internal_errors.append(article.path)
    findings = compare(rules, statements) if checked else []
    gone: tuple[str, ...] = ()
    if baseline is not None:
        findings, gone = without_baseline(findings, baseline)
    new_ids: tuple[str, ...] = ()
    if new is not None:
        wanted = {p.resolve() for p in new_files}
        new_ids = tuple(sorted(a.id for a in checked if Path(a.path).resolve() in wanted))
        findings = focus_on_new(findings, set(new_ids), registry())
    silent = sorted(c.id for c in rules.claims if not any(s.claim == c.id for s in statements) and c.kind != "spelling")
    warnings = [w for a in articles for w in a.warnings]
    if articles:
        warnings += [f"claim '{claim}' matched nothing in any article" for claim in silent]
    return Report(tuple(checked), sort_findings(findings), tuple(sorted(skipped, key=lambda s: s.path)),
                  tuple(warnings), tuple(internal_errors), new_ids, gone)


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
