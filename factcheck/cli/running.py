"""What the commands that check a corpus share: the rules (or every error and exit 2), where extraction runs, the
check itself with its failures as messages, and the review ledger."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from factcheck.claims import RuleSet
from factcheck.cli.output import fail
from factcheck.engine import ClaimMapper
from factcheck.engine import check as run_check
from factcheck.extraction import STDIN, ReadProgress, Runner, reading_given, reporting, runner_for
from factcheck.findings import Report
from factcheck.formatters.escape import log_lines, terminal_text
from factcheck.inputs.article import ARTICLE_SUFFIXES
from factcheck.inputs.git import GitError, changed_articles, changed_files
from factcheck.on_dask import DaskUnavailable, claim_mapper, connect, dask_runner
from factcheck.reviews import ReviewsError, apply_reviews, load_reviews
from factcheck.rules.load import validate
from factcheck.store.database import DEFAULT_STORE, Store, StoreError


def valid_rules(rules_dir: Path) -> RuleSet:
    """The rule set, or every error printed and exit status 2."""
    found, errors = validate(rules_dir)
    for error in errors:
        click.echo(log_lines(terminal_text(str(error))), err=True)  # a file name may hold a line break or start with ::
    if errors or found is None:
        fail(f"the rules in {rules_dir} are not usable ({len(errors)} error(s)); run `factcheck rules check "
             f"{rules_dir}` to see them all")
    return found


@dataclasses.dataclass(frozen=True)
class Execution:
    """Where and how extraction runs: worker processes, a cluster, a statement store (see docs/scale.md)."""

    jobs: int = 1
    db: Path | None = None
    use_db: bool = True
    scheduler: str | None = None

    def store(self, create: bool = False) -> Store | None:
        """The store to use: the one --db names (created when asked for), else the default one if it exists."""
        if not self.use_db:
            return None
        path = self.db or DEFAULT_STORE
        if self.db is None and not path.exists() and not create:
            return None
        try:
            store = Store(path, create=create or self.db is not None)
        except StoreError as error:
            fail(str(error))
        if (base := store.written_elsewhere()) is not None:
            store.close()
            # Its relative paths name files from there: from here they would be other files, or none.
            click.echo(f"factcheck: {path} names its files from {base}: checking without it (run from there to "
                       "use it, or make one here with `factcheck index --db FILE`)", err=True)
            return None
        return store

    @contextlib.contextmanager
    def cluster(self) -> Iterator[tuple[Runner | None, ClaimMapper]]:
        """Where extraction and comparison run: on the --scheduler's Dask cluster, else here (runner None: the
        engine's own choice by --jobs)."""
        if self.scheduler is None:
            yield None, map
            return
        with connect(self.scheduler, self.jobs) as client:
            yield dask_runner(client), claim_mapper(client)


def execution_of(jobs: int, db: Path | None, no_db: bool, scheduler: str | None) -> Execution:
    if db is not None and no_db:
        fail("--db and --no-db contradict each other")
    return Execution(jobs, db, not no_db, scheduler)


def run_report(corpus: tuple[Path, ...], rules: RuleSet, rules_dir: Path, published: dt.date | None,
               max_size: int, new: tuple[Path, ...] = (), changed_since: str | None = None,
               baseline: dict[str, Any] | None = None, execution: Execution = Execution(),
               keep_texts: bool = False, progress: ReadProgress | None = None) -> Report:
    """The check a command runs, with what makes it unusable (a git reference git does not know, a damaged
    store, no cluster, no new article that could be read) said and exit status 2. A corpus input
    or new article `-` is the article on standard input; `progress` is told of each article read."""
    inputs = list(corpus) or [Path("corpus")]
    given = {STDIN: read_stdin()} if any(str(path) == STDIN for path in [*inputs, *new]) else {}
    missing = [str(path) for path in new if not path.exists() and str(path) != STDIN]
    if missing:  # a CI run must not pass on a typo
        fail(f"none of the new articles was checked: {'; '.join(f'{p}: no such file' for p in missing)}")
    fresh: list[Path] | None = list(new) if new else None
    rules_changed = False
    if changed_since is not None:
        try:
            # Rules edited since then may change what any article says: the whole corpus is checked again, the
            # named new articles with it. (Rules kept outside the articles' repository are none git can tell of.)
            # git follows no link: a rule file read through a linked folder is asked of by its real folder.
            real_files = {os.path.realpath(f) for f in rules.files}
            linked = sorted({os.path.dirname(f) for f in real_files} - {os.path.realpath(rules_dir)})
            rules_changed = any(_is_a_rule_file(path, rules_dir) or os.path.realpath(path) in real_files
                                for path in changed_files(changed_since, [rules_dir, *map(Path, linked)], (".toml",),
                                                          deleted=True, repository_of=inputs))
            if rules_changed:
                inputs, fresh = [*inputs, *new], None
            else:
                fresh = [*(fresh or []), *changed_articles(changed_since, inputs)]
        except GitError as error:
            fail(f"--changed-since {changed_since}: {error}")
    store = execution.store()
    try:
        with execution.cluster() as (runner, map_claims):
            run = reading_given(runner or runner_for(execution.jobs), given)
            report = run_check(inputs, rules, default_published=published, max_size=max_size, new=fresh,
                               baseline=baseline, jobs=execution.jobs, map_claims=map_claims, store=store,
                               runner=run if progress is None else reporting(run, progress), keep_texts=keep_texts)
    except (StoreError, DaskUnavailable) as error:
        fail(str(error))
    finally:
        if store is not None:
            store.close()
    if store is not None and store.read_only:
        report = dataclasses.replace(report, warnings=(
            *report.warnings, f"the store {store.path} is read-only: what it holds was used, but it was not updated "
                              "with what this run read"))
    failed = [s for s in report.skipped if _a_new_article(s.path, fresh or [])]
    if fresh and not report.new_articles and failed:
        # New articles were named, and none could be checked: a CI run must not pass on a broken file.
        fail("none of the new articles could be checked: " + "; ".join(f"{s.path}: {s.reason}" for s in failed))
    if rules_changed:
        report = dataclasses.replace(report, warnings=(
            *report.warnings, f"the rules in {rules_dir} changed since {changed_since}: the whole corpus is checked"))
    return report


def _is_a_rule_file(path: Path, rules_dir: Path) -> bool:
    """Whether a changed file is one the rules are read from (rules.load.rule_files skips hidden folders)."""
    try:
        parts = path.resolve().relative_to(rules_dir.resolve()).parts
    except ValueError:
        return path.resolve() == rules_dir.resolve()  # --rules names a single file
    return not any(part.startswith(".") for part in parts)


def _a_new_article(path: str, fresh: list[Path]) -> bool:
    """Whether a skipped file is an article among the named new ones (not a `.gitkeep`, a README or an image
    beside them, nor a corpus file)."""
    if path == STDIN:
        return any(str(p) == STDIN for p in fresh)
    named = Path(os.path.realpath(path))  # not Path.resolve, which raises on a symbolic link loop
    return (named.suffix.lower() in ARTICLE_SUFFIXES and not named.name.startswith(".")
            and any(named == (given := Path(os.path.realpath(p))) or given in named.parents for p in fresh))


def read_stdin() -> bytes:
    """The article on standard input, read whole (it is read once, however many times `-` is named)."""
    return click.get_binary_stream("stdin").read()


def refuse_stdin(inputs: tuple[Path, ...], why: str) -> None:
    """Exit 2 where `-` (standard input) cannot be an article, saying why."""
    if any(str(path) == STDIN for path in inputs):
        fail(f"'-' (an article on standard input) cannot be read here: {why}")


def default_reviews(rules_dir: Path) -> Path:
    return rules_dir.resolve().parent / "reviews.toml"


def with_reviews(report: Report, path: Path) -> Report:
    try:
        return apply_reviews(report, load_reviews(path))
    except ReviewsError as error:
        fail(str(error))
