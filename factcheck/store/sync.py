"""Keeping the statement store in step with the files: what to read again, what to keep, what to forget.

A file's stored statements still hold while its rules, the engine and its content are the same (database.py);
`index` brings the store up to date with an archive, and a check keeps what it reads in batches as it goes.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from factcheck.claims import RuleSet
from factcheck.extraction import STDIN, Extraction, ReadOptions, Runner, extract_in_process
from factcheck.findings import Statement
from factcheck.inputs.article import ArticleInfo, Skipped, discover, unique_paths
from factcheck.inputs.files import read_regular
from factcheck.inputs.ids import ArticleIds
from factcheck.rules.load import rules_hash
from factcheck.sharing import Shared
from factcheck.store.database import Store, engine_version, file_stat

# Extractions the store is given at a time: one transaction each, so a long index run keeps what it did.
_SAVE_BATCH = 500


def saving(extractions: Iterator[Extraction], store: Store | None, rules_hash: str,
           not_kept: set[str]) -> Iterator[Extraction]:
    """The extractions, passed on as they come, and kept in the store in batches (but not the new articles,
    which are not published yet, nor an article read from standard input, which has no file to be kept by)."""
    batch: list[Extraction] = []
    for item in extractions:
        yield item
        if store is not None and item.path not in not_kept and item.path != STDIN:
            batch.append(item)
            if len(batch) >= _SAVE_BATCH:
                store.save(batch, rules_hash)
                batch = []
    if store is not None and batch:
        store.save(batch, rules_hash)


def unchanged(paths: list[str], store: Store, rules_hash: str) -> set[str]:
    """The files whose stored statements still hold: same rules, same engine, and the same size and time or,
    when the time changed, the same content."""
    engine = engine_version()
    states = store.states()
    still: set[str] = set()
    for path in paths:
        state, stat = states.get(store.key(path)), file_stat(path)
        if state is None or stat is None or state.rules_hash != rules_hash or state.engine != engine:
            continue
        if stat == (state.size, state.mtime_ns):
            still.add(path)
        elif stat[0] == state.size:
            try:
                same = hashlib.sha256(read_regular(Path(path))).hexdigest() == state.sha256
            except OSError:
                continue
            if same:
                store.touch(path, *stat)
                still.add(path)
    return still


def from_store(paths: list[str], store: Store, kind_of_claim: Mapping[str, str],
               shared: Shared, ids: ArticleIds) -> dict[str, Extraction]:
    """The stored extractions of these files, each statement made of shared values as it is decoded: an archive's
    statements are never all held in their decoded copies. Each article is named by `ids`, whatever the run that
    stored it was given as its corpus, and by the path this run names it by, whatever path named it there."""
    wanted = {store.key(path): path for path in paths}
    by_key = {a.path: shared.article(named(dataclasses.replace(a, path=wanted[a.path]), ids))
              for a in store.articles() if a.path in wanted}
    statements: dict[str, list[Statement]] = {key: [] for key in by_key}
    for key, item in store.statements_of(set(wanted), kind_of_claim):
        statements[key].append(shared.statement(item, by_key[key]))
    warnings = store.warnings_by_path(set(wanted))
    return {wanted[key]: Extraction(wanted[key], info, tuple(statements[key]), warnings.get(key, ()))
            for key, info in by_key.items()}


def named(article: ArticleInfo, ids: ArticleIds) -> ArticleInfo:
    """A stored article under the id this run gives its path (ids are relative to the corpus root, see ids.py)."""
    id_ = ids.id_of(article.path)
    return article if id_ == article.id else dataclasses.replace(article, id=id_)


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
    paths = unique_paths(files)
    rules_digest = rules_hash(rules)
    still = unchanged(paths, store, rules_digest)
    to_read = [p for p in paths if p not in still]
    not_read: list[Skipped] = []
    internal_errors: list[str] = []
    for item in saving(runner(to_read, rules, options), store, rules_digest, set()):
        if item.article is None:  # the statements are in the store now; only what went wrong is kept here
            not_read.append(Skipped(item.path, item.skipped or "not read"))
            if item.internal_error:
                internal_errors.append(item.path)
    roots = Roots.of(inputs, store)
    gone = [key for key in store.states() if roots.hold(key) and not os.path.exists(os.path.join(store.base, key))]
    store.forget(gone)
    return IndexSummary(len(to_read) - len(not_read), len(still), len(gone),
                        tuple(sorted(skipped + not_read, key=lambda s: s.path)), tuple(internal_errors))


@dataclass(frozen=True, slots=True)
class Roots:
    """The inputs as written (normalised) and as absolute paths, and the prefixes of the paths inside them."""

    roots: frozenset[str]
    prefixes: tuple[str, ...]

    @staticmethod
    def of(inputs: list[Path], store: Store) -> Roots:
        """The roots, also as the store keeps the files in them (`Store.key`: folders resolved, relative to the
        store's folder), so that a root reached through a symbolic link still holds what the store keeps of it."""
        roots = {os.path.normpath(p) for p in inputs} | {os.path.abspath(p) for p in inputs} | \
            {store.key(os.path.realpath(p) if os.path.isdir(p) else str(p)) for p in inputs}
        return Roots(frozenset(roots), tuple(sorted(root.rstrip(os.sep) + os.sep for root in roots)))

    def hold(self, path: str) -> bool:
        """Whether a path is one of the roots or inside one; a path written as a root was written is answered
        without asking the file system, which counts in an archive of a hundred thousand files."""
        if path in self.roots or path.startswith(self.prefixes):
            return True
        absolute = os.path.abspath(path)
        return absolute in self.roots or absolute.startswith(self.prefixes)
