"""The check: read each article once, extract the statements of every claim, compare them per claim.

This is the library entry point the CLI and other tools call; it never prints and never exits.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from factcheck.baseline import without_baseline
from factcheck.decide import findings_of, focus_on_new
from factcheck.extraction import Extraction, ReadOptions, extract_in_process, extract_in_processes
from factcheck.findings import Finding, Report, Statement, sort_findings
from factcheck.inputs.article import (
    DEFAULT_MAX_SIZE,
    ArticleError,
    ArticleInfo,
    Skipped,
    decode,
    discover,
    parse_article,
)
from factcheck.kinds import built_in_claims, kind
from factcheck.readers.reading import read
from factcheck.rules.load import rules_hash
from factcheck.rules.records import Claim, Example, RuleSet
from factcheck.sharing import Shared
from factcheck.store.database import Store, engine_version, file_stat

# Maps a function over claims, as builtins.map does: here, or as tasks on a cluster (see on_dask.py).
ClaimMapper = Callable[..., Iterable[list[Finding]]]


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


# Runs the map step over files, yielding one extraction per file in their order (see extraction.py).
Runner = Callable[[list[str], RuleSet, ReadOptions], Iterator[Extraction]]
# Extractions the store is given at a time: one transaction each, so a long index run keeps what it did.
_SAVE_BATCH = 500


# Below this many files per worker, starting processes (each reads the rules) costs more than it saves.
_FILES_PER_WORKER = 32


def runner_for(jobs: int) -> Runner:
    def run(paths: list[str], rules: RuleSet, options: ReadOptions) -> Iterator[Extraction]:
        workers = min(jobs, len(paths) // _FILES_PER_WORKER)
        if workers <= 1:
            return extract_in_process(paths, rules, options)
        return extract_in_processes(paths, rules, options, workers)
    return run


@dataclass
class _Gathered:
    """Extractions collected in file order into what a report needs; statements only, never article texts, and
    their repeated values held once (see sharing.py)."""

    articles: list[ArticleInfo] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    internal_errors: list[str] = field(default_factory=list)
    ids: dict[str, str] = field(default_factory=dict)
    claims_spoken_of: set[str] = field(default_factory=set)  # beyond the statements gathered (check --new, store)
    shared: Shared = field(default_factory=Shared)

    def add(self, item: Extraction) -> None:
        if item.article is None:
            self.skipped.append(Skipped(item.path, item.skipped or "not read"))
            if item.internal_error:
                self.internal_errors.append(item.path)
            return
        if item.article.id in self.ids:
            self.skipped.append(Skipped(item.path, f"duplicate article id {item.article.id!r} "
                                                   f"(already read from {self.ids[item.article.id]})"))
            return
        self.ids[item.article.id] = item.path
        article = self.shared.article(item.article)
        self.articles.append(article)
        self.statements += [self.shared.statement(s, article) for s in item.statements]
        self.warnings += item.warnings


def _unique(files: list[Path]) -> list[str]:
    """Files named twice (a folder and a file in it) are one article."""
    seen: set[Path] = set()
    unique: list[str] = []
    for path in files:
        if path.resolve() not in seen:
            seen.add(path.resolve())
            unique.append(str(path))
    return unique


def _saving(extractions: Iterator[Extraction], store: Store | None, rules_hash: str,
            not_kept: set[str]) -> Iterator[Extraction]:
    """The extractions, passed on as they come, and kept in the store in batches (but not the new articles,
    which are not published yet)."""
    batch: list[Extraction] = []
    for item in extractions:
        yield item
        if store is not None and item.path not in not_kept:
            batch.append(item)
            if len(batch) >= _SAVE_BATCH:
                store.save(batch, rules_hash)
                batch = []
    if store is not None and batch:
        store.save(batch, rules_hash)


def _unchanged(paths: list[str], store: Store, rules_hash: str) -> set[str]:
    """The files whose stored statements still hold: same rules, same engine, and the same size and time or,
    when the time changed, the same content."""
    engine = engine_version()
    states = store.states()
    unchanged: set[str] = set()
    for path in paths:
        state, stat = states.get(path), file_stat(path)
        if state is None or stat is None or state.rules_hash != rules_hash or state.engine != engine:
            continue
        if stat == (state.size, state.mtime_ns):
            unchanged.add(path)
        elif stat[0] == state.size:
            try:
                same = hashlib.sha256(Path(path).read_bytes()).hexdigest() == state.sha256
            except OSError:
                continue
            if same:
                store.touch(path, *stat)
                unchanged.add(path)
    return unchanged


def _from_store(paths: list[str], store: Store, kind_of_claim: Mapping[str, str],
                shared: Shared) -> dict[str, Extraction]:
    """The stored extractions of these files, each statement made of shared values as it is decoded: an archive's
    statements are never all held in their decoded copies."""
    wanted = set(paths)
    by_path = {a.path: a for a in store.articles() if a.path in wanted}
    statements: dict[str, list[Statement]] = {path: [] for path in by_path}
    for item in store.statements_of(wanted, kind_of_claim):
        statements[item.path].append(shared.statement(item, by_path[item.path]))
    warnings = store.warnings_by_path(wanted)
    return {path: Extraction(path, info, tuple(statements[path]), warnings.get(path, ()))
            for path, info in by_path.items()}


@dataclass(frozen=True, slots=True)
class IndexSummary:
    """What `index` did: files read now, found unchanged, forgotten (gone from disk), skipped."""

    read: int
    unchanged: int
    forgotten: int
    skipped: tuple[Skipped, ...]
    internal_errors: tuple[str, ...]


def index(inputs: list[Path], rules: RuleSet, store: Store, *, options: ReadOptions | None = None,
          runner: Runner = extract_in_process) -> IndexSummary:
    """Bring the store up to date with the articles the inputs name: read new and changed files, forget files under
    the inputs that are gone. The store keeps statements only; nothing is compared."""
    options = options or ReadOptions()
    files, skipped = discover(inputs)
    paths = _unique(files)
    rules_digest = rules_hash(rules)
    unchanged = _unchanged(paths, store, rules_digest)
    to_read = [p for p in paths if p not in unchanged]
    not_read: list[Skipped] = []
    internal_errors: list[str] = []
    for item in _saving(runner(to_read, rules, options), store, rules_digest, set()):
        if item.article is None:  # the statements are in the store now; only what went wrong is kept here
            not_read.append(Skipped(item.path, item.skipped or "not read"))
            if item.internal_error:
                internal_errors.append(item.path)
    roots = _Roots.of(inputs)
    gone = [p for p in store.states() if roots.hold(p) and not os.path.exists(p)]
    store.forget(gone)
    return IndexSummary(len(to_read) - len(not_read), len(unchanged), len(gone),
                        tuple(sorted(skipped + not_read, key=lambda s: s.path)), tuple(internal_errors))


@dataclass(frozen=True, slots=True)
class _Roots:
    """The inputs as written (normalised) and as absolute paths, and the prefixes of the paths inside them."""

    roots: frozenset[str]
    prefixes: tuple[str, ...]

    @staticmethod
    def of(inputs: list[Path]) -> _Roots:
        roots = {os.path.normpath(p) for p in inputs} | {os.path.abspath(p) for p in inputs}
        return _Roots(frozenset(roots), tuple(sorted(root.rstrip(os.sep) + os.sep for root in roots)))

    def hold(self, path: str) -> bool:
        """Whether a path is one of the roots or inside one; a path written as a root was written is answered
        without asking the file system, which counts in an archive of a hundred thousand files."""
        if path in self.roots or path.startswith(self.prefixes):
            return True
        absolute = os.path.abspath(path)
        return absolute in self.roots or absolute.startswith(self.prefixes)


def _is_one_of(path: str, paths: set[str]) -> bool:
    """Whether a path names one of these files, however either is written (resolved only when the names match)."""
    if path in paths:
        return True
    name = os.path.basename(path)
    return any(os.path.basename(other) == name and Path(other).resolve() == Path(path).resolve() for other in paths)


def check(inputs: list[Path], rules: RuleSet, *, default_published: dt.date | None = None,
          override_published: dt.date | None = None, max_size: int = DEFAULT_MAX_SIZE,
          new: list[Path] | None = None, baseline: Mapping[str, Any] | None = None, jobs: int = 1,
          runner: Runner | None = None, map_claims: ClaimMapper = map, store: Store | None = None,
          keep_texts: bool = False) -> Report:
    """Check the articles the inputs name against the rules. With `new` (files or folders), the whole corpus is
    evidence but only the findings of those articles are reported (see decide.focus_on_new). With a `baseline`,
    findings it records are left out before that, so an old disagreement stays quiet even when one of its articles is
    edited.

    Extraction runs on `runner` (default: this process, or `jobs` processes), comparison on `map_claims` (default:
    here; on_dask.py gives both for a cluster). With a `store`, unchanged articles
    are not read again and what is read is kept; with a store and `new`, only the new articles are read and the
    published statements of the claims they speak of come from the store. `keep_texts` adds the articles' texts to
    the report, for formats that show them."""
    options = ReadOptions(default_published, override_published, max_size)
    run = runner or runner_for(jobs)
    kinds = rules.kind_of_claim
    new_files, new_skipped = discover(new) if new else ([], [])
    new_paths = set(_unique(new_files))
    gathered = _Gathered(skipped=list(new_skipped))
    rules_digest = rules_hash(rules) if store is not None else ""
    if store is not None and new is not None:
        _gather_new_against_store(inputs, new_paths, rules, rules_digest, kinds, store, options, run,
                                  gathered)
    else:
        files, skipped = discover(inputs)
        gathered.skipped += skipped
        paths = _unique([*files, *new_files])
        cached: dict[str, Extraction] = {}
        if store is not None:
            unchanged = _unchanged([p for p in paths if p not in new_paths], store, rules_digest)
            cached = _from_store(sorted(unchanged), store, kinds, gathered.shared)
        fresh = _saving(run([p for p in paths if p not in cached], rules, options), store, rules_digest, new_paths)
        for path in paths:
            gathered.add(cached.pop(path) if path in cached else next(fresh))
        for _ in fresh:  # let the last batch be saved
            pass
    findings = compare(rules, gathered.statements, map_claims) if gathered.articles else []
    gone: tuple[str, ...] = ()
    if baseline is not None:
        findings, gone = without_baseline(findings, baseline)
    new_ids: tuple[str, ...] = ()
    articles = gathered.articles
    evidence_articles = 0
    if new is not None:
        # Told by the end of the path first (one C call per article of an archive), by the whole path after.
        endings = tuple({os.path.basename(p) for p in new_paths})
        new_ids = tuple(sorted(a.id for a in gathered.articles
                               if a.path.endswith(endings) and _is_one_of(a.path, new_paths)))
        findings = focus_on_new(findings, set(new_ids))
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
                  _texts(listed) if keep_texts else MappingProxyType({}), evidence_articles)


def _gather_new_against_store(inputs: list[Path], new_paths: set[str], rules: RuleSet, rules_digest: str,
                              kind_of_claim: Mapping[str, str], store: Store, options: ReadOptions, run: Runner,
                              gathered: _Gathered) -> None:
    """Only the new articles are read. The published evidence is what the store holds for the claims they speak
    of, read through its claim index; files the store read under other rules or another engine are read again
    first, so that the evidence never mixes rule versions."""
    stale = [p for p in store.stale(rules_digest) if p not in new_paths]
    present = [p for p in stale if os.path.exists(p)]
    for _ in _saving(run(present, rules, options), store, rules_digest, set()):
        pass
    store.forget(p for p in stale if p not in present)
    roots = _Roots.of(inputs)
    fresh = list(run(sorted(new_paths), rules, options))
    # A new article may not take the id of a published one; the store is asked for the new ids only.
    taken = store.paths_of_ids(item.article.id for item in fresh if item.article is not None)
    for id_, paths in taken.items():
        held = [p for p in paths if p not in new_paths and roots.hold(p)]
        if held:
            gathered.ids[id_] = held[0]
    for item in fresh:
        gathered.add(item)
    claims = {s.claim for s in gathered.statements}
    gathered.claims_spoken_of |= store.claims_spoken_of()
    # Only the published articles with statements of these claims are gathered: an archive's hundred thousand
    # records are never built for one new article.
    by_path = {info.path: info for info in store.articles_of_claims(claims, rules_digest)
               if info.path not in new_paths and roots.hold(info.path)}
    for info in by_path.values():
        gathered.articles.append(gathered.shared.article(info))
    evidence = store.statements_for_claims(claims, kind_of_claim, rules_digest)
    gathered.statements += [gathered.shared.statement(s, by_path[s.path]) for s in evidence if s.path in by_path]


def _texts(articles: tuple[ArticleInfo, ...]) -> Mapping[str, str]:
    """The articles' texts read again, for a report that shows them; one that cannot be read is left out."""
    texts: dict[str, str] = {}
    for info in articles:
        try:
            texts[info.id] = decode(Path(info.path).read_bytes(), info.path)[0]
        except (OSError, ArticleError):
            continue
    return MappingProxyType(texts)


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
