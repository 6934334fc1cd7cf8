"""The map step: one input file in, its article and statements (or why it was skipped) out.

A check is a map over files (this module) and a reduce per claim (`engine.compare`). The map runs here in this
process, in a pool of processes (`extract_in_processes`) or on a Dask cluster (`factcheck.on_dask`); each runner
yields one `Extraction` per file, in the order of the files, so every runner gives the same report.

Worker processes load the rules themselves from the rule files and send statements back as JSON (factcheck.codec),
which is what the statement store keeps too.
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import hashlib
import itertools
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck import patterns
from factcheck.claims import Claim, RuleSet, fold_name, person_name
from factcheck.codec import decode_statement, encode_statement
from factcheck.findings import Statement
from factcheck.inputs.article import (
    DEFAULT_MAX_SIZE,
    Article,
    ArticleError,
    ArticleInfo,
    article_from_bytes,
    read_bytes,
)
from factcheck.inputs.ids import ArticleIds
from factcheck.kinds import Kind, built_in_claims, kind
from factcheck.patterns import PatternTooSlow
from factcheck.readers.names import Mention
from factcheck.readers.reading import mentions_in, read
from factcheck.rules.load import load_rule_files

# The name of an article read from standard input (`factcheck check -`), as a path and as its id.
STDIN = "-"
# Files handed to a worker process at a time: enough to amortise the round trip, few enough to keep both busy.
_CHUNK = 16


class RulePatternTooSlow(Exception):
    """A claim's pattern ran past its time limit on one match, or its patterns past their budget on the article
    (catastrophic backtracking): an error in the rules, which the article it was read in is skipped for."""

    def __init__(self, claim: Claim, error: PatternTooSlow):
        # The claim's regular expressions (its cues; with a unit, its words for what a sum is) in the slow pattern.
        named = [f"'{key}' {json.dumps(value, ensure_ascii=False)}" for key in ("cues", "counted")
                 for value in claim.get(key) or () if isinstance(value, str) and value in error.pattern]
        advice = f"simplify {', '.join(named)}" if named else "simplify its cues"
        super().__init__(f"claim '{claim.id}': {error}; {advice}; the article is not checked, for any claim")


@dataclass(frozen=True, slots=True)
class ReadOptions:
    default_published: dt.date | None = None
    override_published: dt.date | None = None
    max_size: int = DEFAULT_MAX_SIZE
    ids: ArticleIds = ArticleIds()  # how a path becomes an article id: relative to the corpus root


@dataclass(frozen=True, slots=True)
class Extraction:
    """What one input file gave: its article and statements, or the reason it was skipped."""

    path: str
    article: ArticleInfo | None
    statements: tuple[Statement, ...] = ()
    warnings: tuple[str, ...] = ()
    skipped: str | None = None
    internal_error: bool = False
    rule_error: bool = False  # skipped for a pattern of the rules that took too long on it
    sha256: str = ""  # of the file's bytes, which the store keys statements by


def extract(article: Article, rules: RuleSet) -> list[Statement]:
    """Every statement one article makes (see `read_article`)."""
    return read_article(article, rules)[0]


def read_article(article: Article, rules: RuleSet) -> tuple[list[Statement], str]:
    """Every statement one article makes: of the built-in claims (the doubtful dates it writes), then of the claims
    of the rules whose story it tells; and, where it tells none, why (see `claims.why_untold`). Which stories it
    tells is decided by names alone, before anything else is read: an article that tells none costs a pass over its
    capitalised words, and is read further only if a built-in kind may find something in it (a quick look at its
    figures)."""
    mentions = mentions_in(article, rules)
    named, misspelt = _names(mentions, rules)
    claims = rules.claims_told(named, misspelt)
    outside = "" if claims or not rules.claims else rules.why_untold(named, misspelt)
    built_in = [c for c in built_in_claims() if claims or _worth_a_look(kind(c.kind), article)]
    if not claims and not built_in:
        return [], outside
    reading = read(article, rules, mentions)
    statements = [s for claim in built_in for s in kind(claim.kind).extract(reading, claim, rules)]
    for claim in claims:
        try:
            with patterns.budget():  # each claim's patterns, a budget of their own on this article
                statements += kind(claim.kind).extract(reading, claim, rules)
        except PatternTooSlow as error:
            if not error.rule_text:  # a pattern of the language data's: factcheck's fault, an internal error
                raise
            raise RulePatternTooSlow(claim, error) from error  # a cue of the rules' that backtracks
    return statements, outside


def why_outside(article: Article, rules: RuleSet) -> str:
    """Why `check` reads none of the rules' claims in an article, where it tells none of their stories; else ""."""
    named, misspelt = _names(mentions_in(article, rules), rules)
    return "" if rules.claims_told(named, misspelt) else rules.why_untold(named, misspelt)


def _worth_a_look(of: Kind, article: Article) -> bool:
    return of.worth_a_look is not None and of.worth_a_look(article)


def claims_told(mentions: list[Mention], rules: RuleSet) -> list[Claim]:
    """The claims of the stories an article with these mentions tells (see `claims.tells_story`)."""
    return rules.claims_told(*_names(mentions, rules))


def _names(mentions: list[Mention], rules: RuleSet) -> tuple[dict[str, set[str]], set[str]]:
    """The entities an article names, each with the names it is named by, and those it misspells. Not by a
    person's alias nor a place's descriptive one: those are often titles and words any story has ("the interior
    minister", "the capital")."""
    named: dict[str, set[str]] = {}
    for mention in mentions:
        if rules.entity_kinds.get(mention.entity) == "place":
            name = fold_name(mention.text)
            if mention.how == "name" or (mention.how == "alias" and name in rules.proper_aliases[mention.entity]):
                named.setdefault(mention.entity, set()).add(name)
        elif mention.how == "name":
            named.setdefault(mention.entity, set()).add(person_name(mention.entity))
    misspelt = {m.entity for m in mentions if m.how == "near miss"}
    return named, misspelt


def extract_file(path: str, rules: RuleSet, options: ReadOptions) -> Extraction:
    try:
        data = read_bytes(Path(path), options.max_size)
    except ArticleError as error:
        return Extraction(path, None, skipped=str(error))
    return extract_bytes(data, path, rules, options)


def extract_bytes(data: bytes, path: str, rules: RuleSet, options: ReadOptions) -> Extraction:
    """What one article's bytes give, under the name `path` (a file's, or `-` for standard input)."""
    if len(data) > options.max_size:
        return Extraction(path, None, skipped=f"{len(data):,} bytes, over the size limit of {options.max_size:,} "
                                              "(--max-size)")
    try:
        article = article_from_bytes(data, path, default_published=options.default_published,
                                     override_published=options.override_published,
                                     article_id=options.ids.id_of(path))
    except ArticleError as error:
        return Extraction(path, None, skipped=str(error))
    sha256 = hashlib.sha256(data).hexdigest()
    try:
        statements, outside = read_article(article, rules)
    except RulePatternTooSlow as error:  # the rules' fault; the other articles are still read
        return Extraction(path, None, skipped=str(error), rule_error=True, sha256=sha256)
    except Exception as error:  # one article must never take the others down
        reason = f"internal error: {type(error).__name__}: {error}; this is a bug in factcheck, please report it"
        return Extraction(path, None, skipped=reason, internal_error=True, sha256=sha256)
    return Extraction(path, ArticleInfo.of(article, outside), tuple(statements), article.warnings, sha256=sha256)


def extract_in_process(paths: Iterable[str], rules: RuleSet, options: ReadOptions) -> Iterator[Extraction]:
    return (extract_file(path, rules, options) for path in paths)


# What crosses between processes: plain values, the statements as JSON.
Wire = dict[str, Any]


def to_wire(extraction: Extraction) -> Wire:
    article = extraction.article
    return {
        "path": extraction.path, "skipped": extraction.skipped, "internal_error": extraction.internal_error,
        "rule_error": extraction.rule_error, "sha256": extraction.sha256, "warnings": list(extraction.warnings),
        "article": None if article is None else [article.id, article.path, article.published.isoformat(),
                                                 article.body_start, article.body_digest, article.outside,
                                                 article.title, article.source, article.url],
        "statements": [encode_statement(s) for s in extraction.statements],
    }


def from_wire(wire: Wire, kinds_by_claim: Mapping[str, str]) -> Extraction:
    raw = wire["article"]
    article = None if raw is None else ArticleInfo(raw[0], raw[1], dt.date.fromisoformat(raw[2]), *raw[3:])
    statements = tuple(decode_statement(text, kinds_by_claim) for text in wire["statements"])
    return Extraction(wire["path"], article, statements, tuple(wire["warnings"]), wire["skipped"],
                      wire["internal_error"], wire["rule_error"], wire["sha256"])


_worker_rules: dict[tuple[str, ...], RuleSet] = {}


def extract_file_by_rule_files(path: str, rule_files: tuple[str, ...], options: ReadOptions) -> Wire:
    """The map function a worker process or a cluster node runs: it reads the rules once per process."""
    if rule_files not in _worker_rules:
        _worker_rules[rule_files] = load_rule_files(rule_files)
    return to_wire(extract_file(path, _worker_rules[rule_files], options))


def extract_in_processes(paths: Iterable[str], rules: RuleSet, options: ReadOptions,
                         jobs: int) -> Iterator[Extraction]:
    """The same extractions as `extract_in_process`, over `jobs` processes; files are handed out as they are
    consumed, so the texts are never all in memory."""
    kinds_by_claim = rules.kind_of_claim
    with concurrent.futures.ProcessPoolExecutor(max_workers=jobs) as pool:
        results = pool.map(extract_file_by_rule_files, paths, itertools.repeat(rules.files), itertools.repeat(options),
                           chunksize=_CHUNK)
        for wire in results:
            yield from_wire(wire, kinds_by_claim)


# Runs the map step over files, yielding one extraction per file in their order: here, in processes, or on a
# cluster (on_dask.py), all giving the same extractions.
Runner = Callable[[list[str], RuleSet, ReadOptions], Iterator[Extraction]]
# Below this many files per worker, starting processes (each reads the rules) costs more than it saves.
_FILES_PER_WORKER = 32


def runner_for(jobs: int) -> Runner:
    """This process, or up to `jobs` processes when there are files enough to keep them busy."""
    def run(paths: list[str], rules: RuleSet, options: ReadOptions) -> Iterator[Extraction]:
        workers = min(jobs, len(paths) // _FILES_PER_WORKER)
        if workers <= 1:
            return extract_in_process(paths, rules, options)
        return extract_in_processes(paths, rules, options, workers)
    return run


# Told after each article a runner read: how many were read so far, and how many the runs so far were given.
ReadProgress = Callable[[int, int], None]


def reporting(run: Runner, progress: ReadProgress) -> Runner:
    """The same runner, telling `progress` of each article it reads, over all the runs it is asked for (a check
    may run twice: the articles, then repeats read as of their first date)."""
    done = planned = 0

    def run_reporting(paths: list[str], rules: RuleSet, options: ReadOptions) -> Iterator[Extraction]:
        nonlocal planned
        planned += len(paths)
        progress(done, planned)
        return _told(run(paths, rules, options))

    def _told(extractions: Iterator[Extraction]) -> Iterator[Extraction]:
        nonlocal done
        for item in extractions:
            done += 1
            progress(done, planned)
            yield item

    return run_reporting


def noting_rule_errors(run: Runner, found: list[str]) -> Runner:
    """The same runner, adding to `found` the path of each article it skipped for a pattern of the rules that took
    too long on it (for a command whose summary does not carry them, such as `index`)."""
    def run_noting(paths: list[str], rules: RuleSet, options: ReadOptions) -> Iterator[Extraction]:
        for item in run(paths, rules, options):
            if item.rule_error:
                found.append(item.path)
            yield item
    return run_noting


def reading_given(run: Runner, given: Mapping[str, bytes]) -> Runner:
    """The same runner, but the paths `given` holds (an article on standard input, STDIN) are read from their bytes
    here, in their place among the others; no worker process nor cluster node could read this process's input."""
    def run_given(paths: list[str], rules: RuleSet, options: ReadOptions) -> Iterator[Extraction]:
        others = run([p for p in paths if p not in given], rules, options)
        return (extract_bytes(given[p], p, rules, options) if p in given else next(others) for p in paths)
    return run_given
