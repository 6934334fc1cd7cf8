"""The check: gather every article's statements, compare them claim by claim, leave out what the baseline records,
and focus on the new articles; the library entry point the CLI and other tools call. It never prints and never
exits.

A check is a map over files (extraction.py, run here, in processes or on a cluster, or taken from the statement
store: gather.py) and a reduce per claim (decide.findings_of), so the report does not depend on where it ran.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from factcheck.baseline import without_baseline
from factcheck.claims import RuleSet
from factcheck.decide import findings_of, focus_on_new, group_related
from factcheck.extraction import ReadOptions, Runner, runner_for
from factcheck.findings import Finding, Report, Statement, sort_findings
from factcheck.gather import Gathered, gather
from factcheck.inputs.article import DEFAULT_MAX_SIZE, ArticleError, ArticleInfo, decode
from factcheck.inputs.files import read_regular
from factcheck.inputs.ids import ArticleIds, short_names, shortened
from factcheck.kinds import built_in_claims, kind
from factcheck.store.database import Store

# Maps a function over claims, as builtins.map does: here, or as tasks on a cluster (see on_dask.py).
ClaimMapper = Callable[..., Iterable[list[Finding]]]


def check(inputs: list[Path], rules: RuleSet, *, default_published: dt.date | None = None,
          override_published: dt.date | None = None, max_size: int = DEFAULT_MAX_SIZE,
          new: list[Path] | None = None, baseline: Mapping[str, Any] | None = None, jobs: int = 1,
          runner: Runner | None = None, map_claims: ClaimMapper = map, store: Store | None = None,
          keep_texts: bool = False) -> Report:
    """Check the articles the inputs name against the rules. With `new` (files or folders), the whole corpus is
    evidence but only the findings of those articles are reported (see decide.focus_on_new). With a `baseline`,
    findings it records are left out before that, so an old disagreement stays quiet even when one of its articles
    is edited.

    Extraction runs on `runner` (default: this process, or `jobs` processes), comparison on `map_claims` (default:
    here; on_dask.py gives both for a cluster). With a `store`, unchanged articles are not read again and what is
    read is kept; with a store and `new`, only the new articles are read and the published statements of the
    claims they speak of come from the store. `keep_texts` adds the articles' texts to the report, for formats that
    show them."""
    options = ReadOptions(default_published, override_published, max_size, ArticleIds.of([*inputs, *(new or [])]))
    gathered = gather(inputs, rules, options, runner or runner_for(jobs), store, new)
    findings = compare(rules, gathered.statements, map_claims) if gathered.articles else []
    gone: tuple[str, ...] = ()
    hidden = 0
    if baseline is not None:
        findings, gone, hidden = without_baseline(findings, baseline)
    if new is not None:
        findings = focus_on_new(findings, set(gathered.new_ids))
    report = _report(rules, gathered, findings, gone, new is not None, keep_texts)
    short = short_names(a.id for a in gathered.articles)
    return replace(report, findings=tuple(_said_short(f, short) for f in group_related(report.findings)),
                   baseline_hidden=hidden, short_ids=MappingProxyType(short))


def _said_short(finding: Finding, short: Mapping[str, str]) -> Finding:
    """The finding's words with its articles' ids short where that is unambiguous; its records keep them whole."""
    if not short:
        return finding
    return replace(finding, message=shortened(finding.message, short),
                   also=tuple(shortened(other, short) for other in finding.also),
                   grouped_under=None if finding.grouped_under is None else shortened(finding.grouped_under, short))


def compare(rules: RuleSet, statements: list[Statement], map_claims: ClaimMapper = map) -> list[Finding]:
    """The findings of every claim, the rules' and the built-in ones, from the statements of all articles, each
    claim decided on its own (decide.findings_of); a claim no article speaks of is left out, unless its kind makes
    a finding of silence."""
    by_claim: dict[str, list[Statement]] = {}
    for item in statements:
        by_claim.setdefault(item.claim, []).append(item)
    spoken_of = [claim for claim in (*rules.claims, *built_in_claims())
                 if claim.id in by_claim or kind(claim.kind).silence_is_a_finding]
    results = map_claims(findings_of, spoken_of, [by_claim.get(claim.id, []) for claim in spoken_of])
    return [finding for findings in results for finding in findings]


def _report(rules: RuleSet, gathered: Gathered, findings: list[Finding], gone: tuple[str, ...], focused: bool,
            keep_texts: bool) -> Report:
    """The report of the findings: the articles checked (with new articles, theirs and those their findings cite),
    what was skipped, and a note for every claim that matched nothing."""
    articles = gathered.articles
    evidence_articles = 0
    new_ids = gathered.new_ids
    if focused:
        # The evidence is the other articles that speak of the new articles' claims: counted, and listed only where
        # a reported finding cites them.
        told = {s.claim for s in gathered.statements if s.article in new_ids}
        evidence_articles = len({s.article for s in gathered.statements if s.claim in told} - set(new_ids))
        cited = {s.article for finding in findings for s in finding.statements} | set(new_ids)
        articles = [a for a in gathered.articles if a.id in cited]
    spoken = {s.claim for s in gathered.statements} | gathered.claims_spoken_of
    silent = sorted(c.id for c in rules.claims if c.id not in spoken and not kind(c.kind).silence_is_a_finding)
    warnings = gathered.warnings
    if gathered.articles:
        warnings += [f"claim '{claim}' matched nothing in any article" for claim in silent]
    listed = tuple(sorted(articles, key=lambda a: a.id))
    return Report(listed, sort_findings(findings), tuple(sorted(gathered.skipped, key=lambda s: s.path)),
                  tuple(warnings), tuple(gathered.internal_errors), new_ids, gone,
                  _texts(listed) if keep_texts else MappingProxyType({}), evidence_articles, focused,
                  rule_errors=tuple(gathered.rule_errors))


def _texts(articles: tuple[ArticleInfo, ...]) -> Mapping[str, str]:
    """The articles' texts read again, for a report that shows them; one that cannot be read is left out."""
    texts: dict[str, str] = {}
    for info in articles:
        try:
            texts[info.id] = decode(read_regular(Path(info.path)), info.path)[0]
        except (OSError, ArticleError):
            continue
    return MappingProxyType(texts)
