"""Gathering: the extractions of a check's articles, from the store or a runner, collected in file order into what a
report needs.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from factcheck.claims import RuleSet
from factcheck.extraction import Extraction, ReadOptions, Runner
from factcheck.findings import Statement
from factcheck.inputs.article import ArticleInfo, Skipped, discover, unique_paths
from factcheck.inputs.ids import distinct
from factcheck.rules.load import rules_hash
from factcheck.sharing import Shared
from factcheck.store.database import Store
from factcheck.store.sync import Roots, from_store, named, saving, unchanged


def gather(inputs: list[Path], rules: RuleSet, options: ReadOptions, run: Runner, store: Store | None,
           new: list[Path] | None = None) -> Gathered:
    """Every article the inputs name (and the new ones), read by `run` or taken from the store where it still holds
    there, in file order; what is read is kept in the store, but the new articles, which are not published yet.
    With a store and new articles, only those are read, and the published evidence comes from the store. Either way
    a text filed again under a later date is read once more as of its first date (`_read_repeats_as_first_filed`)."""
    new_files, new_skipped = discover(new) if new else ([], [])
    new_paths = set(unique_paths(new_files))
    gathered = Gathered(skipped=list(new_skipped))
    rules_digest = rules_hash(rules) if store is not None else ""
    if store is not None and new is not None:
        _gather_new_against_store(inputs, new_paths, rules, rules_digest, store, options, run, gathered)
    else:
        files, skipped = discover(inputs)
        gathered.skipped += skipped
        paths = unique_paths([*files, *new_files])
        cached: dict[str, Extraction] = {}
        if store is not None:
            still = unchanged([p for p in paths if p not in new_paths], store, rules_digest)
            cached = from_store(sorted(still), store, rules.kind_of_claim, gathered.shared, options.ids)
        fresh = saving(run([p for p in paths if p not in cached], rules, options), store, rules_digest, new_paths)
        for path in paths:
            if path in cached:
                gathered.add(cached.pop(path), shared=True)
            else:
                gathered.add(next(fresh))
        for _ in fresh:  # let the last batch be saved
            pass
    _read_repeats_as_first_filed(gathered, rules, options, run, new_paths, store, rules_digest)
    if new is not None:
        # Told by the end of the path first (one C call per article of an archive), by the whole path after.
        endings = tuple({os.path.basename(p) for p in new_paths})
        gathered.new_ids = tuple(sorted(a.id for a in gathered.articles
                                        if a.path.endswith(endings) and _is_one_of(a.path, new_paths)))
    return gathered


@dataclass
class Gathered:
    """Extractions collected in file order into what a report needs; statements only, never article texts, and
    their repeated values held once (see sharing.py)."""

    articles: list[ArticleInfo] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    internal_errors: list[str] = field(default_factory=list)
    rule_errors: list[str] = field(default_factory=list)  # articles a pattern of the rules was too slow on
    ids: dict[str, str] = field(default_factory=dict)
    claims_spoken_of: set[str] = field(default_factory=set)  # beyond the statements gathered (check --new, store)
    shared: Shared = field(default_factory=Shared)
    new_ids: tuple[str, ...] = ()  # with new articles (check --new): theirs

    def add(self, item: Extraction, shared: bool = False) -> None:
        """Gather one extraction; `shared`: its article and statements are made of this check's shared values
        already (from the store), and are not shared again."""
        if item.article is None:
            self.skipped.append(Skipped(item.path, item.skipped or "not read"))
            if item.internal_error:
                self.internal_errors.append(item.path)
            if item.rule_error:
                self.rule_errors.append(item.path)
            return
        info, statements = item.article, item.statements
        if info.id in self.ids:  # two files, one id: the later one is named by more of its path
            taken, info = info.id, replace(info, id=distinct(info.id, item.path, self.ids[info.id], self.ids))
            statements = tuple(replace(s, article=info.id) for s in statements)
            self.warnings.append(f"{item.path} and {self.ids[taken]} would both be article {taken!r}: "
                                 f"{item.path} is named {info.id!r}")
        self.ids[info.id] = item.path
        if shared:
            self.articles.append(info)
            self.statements += statements
        else:
            article = self.shared.article(info)
            self.articles.append(article)
            self.statements += [self.shared.statement(s, article) for s in statements]
        self.warnings += item.warnings


def _read_repeats_as_first_filed(gathered: Gathered, rules: RuleSet, options: ReadOptions, run: Runner,
                                 new_paths: set[str], store: Store | None, rules_digest: str) -> None:
    """A text filed again under a later date (a wire service's repeat, a page its site re-dated) still tells what it
    told when first filed: its 'Wednesday' is the Wednesday before that first date, not before the later one. Each
    later copy is read again as of the earliest date its text carries, and a note says so (of the new articles
    only, where there are any). What a published copy says read that way is kept in the store, so that a warm check
    or a check of one new article does not read every repeat of an archive again."""
    first: dict[str, ArticleInfo] = {}
    for article in gathered.articles:
        held = first.get(article.body_digest)
        if article.body_digest and (held is None or article.published < held.published):
            first[article.body_digest] = article
    copies = [a for a in gathered.articles if a.body_digest and a.published > first[a.body_digest].published]
    if not copies:
        return
    as_of = {copy.path: first[copy.body_digest].published for copy in copies}
    published = [(copy.path, as_of[copy.path]) for copy in copies if copy.path not in new_paths]
    kept = store.rereadings(published, rules.kind_of_claim) if store is not None else {}
    # A kept re-reading is named as this run names its copy (see ids.py), read as of its first date.
    again: dict[str, list[Statement]] = {
        copy.id: [gathered.shared.statement(s, ArticleInfo(copy.id, copy.path, as_of[copy.path]))
                  for s in kept[copy.path, as_of[copy.path]]]
        for copy in copies if (copy.path, as_of[copy.path]) in kept}
    # One run per first date, so that a runner reads the copies of one date together (in its processes, if many).
    by_date: dict[dt.date, list[str]] = {}
    for copy in copies:
        if copy.id not in again:
            by_date.setdefault(as_of[copy.path], []).append(copy.path)
    read_now: list[tuple[str, dt.date, tuple[Statement, ...], str]] = []
    for date, paths in sorted(by_date.items()):
        for item in run(paths, rules, replace(options, override_published=date)):
            if item.article is not None:
                again[item.article.id] = [gathered.shared.statement(s) for s in item.statements]
                if item.path not in new_paths:
                    read_now.append((item.path, date, item.statements, item.sha256))
    if store is not None:
        store.save_rereadings(read_now, rules_digest)
    for copy in copies:
        original = first[copy.body_digest]
        # With new articles (check --new), the note is theirs: the evidence is not what is being checked.
        if copy.id in again and (not new_paths or copy.path in new_paths):
            gathered.warnings.append(f"{copy.id} is {original.id} filed again (the same text, dated "
                                     f"{copy.published} and {original.published}): its dates are read as of "
                                     f"{original.published}")
    by_article: dict[str, list[Statement]] = {}
    for statement in gathered.statements:
        by_article.setdefault(statement.article, []).append(statement)
    by_article.update(again)
    gathered.statements = [s for article in gathered.articles for s in by_article.get(article.id, [])]


def _is_one_of(path: str, paths: set[str]) -> bool:
    """Whether a path names one of these files, however either is written (resolved only when the names match)."""
    if path in paths:
        return True
    name = os.path.basename(path)
    return any(os.path.basename(other) == name and os.path.realpath(other) == os.path.realpath(path)
               for other in paths)


def _gather_new_against_store(inputs: list[Path], new_paths: set[str], rules: RuleSet, rules_digest: str,
                              store: Store, options: ReadOptions, run: Runner, gathered: Gathered) -> None:
    """Only the new articles are read (and any repeat among the gathered, afterwards). The published evidence is what
    the store holds for the claims they speak of, read through its claim index; files the store read under other
    rules or another engine are read again first, so that the evidence never mixes rule versions."""
    new_keys = {store.key(p) for p in new_paths}  # the paths the store keeps files by (database.py)
    stale = [p for p in store.stale(rules_digest) if p not in new_keys]
    present = [p for p in stale if os.path.exists(os.path.join(store.base, p))]
    for _ in saving(run(present, rules, options), store, rules_digest, set()):
        pass
    store.forget(p for p in stale if p not in present)
    roots = Roots.of(inputs, store)
    # A corpus input that is not there holds no evidence: said, as a run without the store says it (a typo must not
    # pass for a corpus with nothing to disagree with).
    gathered.skipped += [Skipped(str(p), "no such file") for p in inputs if not os.path.lexists(p)]
    fresh = list(run(sorted(new_paths), rules, options))
    # A new article may not take the id of a published one; the store is asked for the new ids only.
    taken = store.paths_of_ids(item.article.id for item in fresh if item.article is not None)
    for id_, paths in taken.items():
        held = [p for p in paths if p not in new_keys and roots.hold(p)]
        if held:
            gathered.ids[id_] = held[0]
    for item in fresh:
        gathered.add(item)
    claims = {s.claim for s in gathered.statements}
    gathered.claims_spoken_of |= store.claims_spoken_of()
    # Only the published articles with statements of these claims are gathered: an archive's hundred thousand
    # records are never built for one new article.
    by_path = {info.path: named(info, options.ids) for info in store.articles_of_claims(claims, rules_digest)
               if info.path not in new_keys and roots.hold(info.path)}
    for info in by_path.values():
        gathered.articles.append(gathered.shared.article(info))
    evidence = store.statements_for_claims(claims, rules.kind_of_claim, rules_digest)
    gathered.statements += [gathered.shared.statement(s, by_path[key]) for key, s in evidence if key in by_path]
