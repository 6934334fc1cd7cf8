"""What the commands that check a corpus share: the rules (or every error and exit 2), where extraction runs, the
check itself with its failures as messages, and the review ledger."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from factcheck.claims import RuleSet
from factcheck.cli.output import fail
from factcheck.engine import ClaimMapper
from factcheck.engine import check as run_check
from factcheck.extraction import RulePatternTooSlow, Runner
from factcheck.findings import Report
from factcheck.inputs.git import GitError, changed_articles, changed_files
from factcheck.on_dask import DaskUnavailable, claim_mapper, connect, dask_runner
from factcheck.reviews import ReviewsError, apply_reviews, load_reviews
from factcheck.rules.load import validate
from factcheck.store.database import DEFAULT_STORE, Store, StoreError


def valid_rules(rules_dir: Path) -> RuleSet:
    """The rule set, or every error printed and exit status 2."""
    found, errors = validate(rules_dir)
    for error in errors:
        click.echo(str(error), err=True)
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
            return Store(path, create=create or self.db is not None)
        except StoreError as error:
            fail(str(error))

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
               keep_texts: bool = False) -> Report:
    """The check a command runs, with what makes it unusable (a git reference git does not know, a pattern too
    slow, a damaged store, no cluster, no new article that could be read) said and exit status 2."""
    inputs = list(corpus) or [Path("corpus")]
    fresh: list[Path] | None = list(new) if new else None
    rules_changed = False
    if changed_since is not None:
        try:
            # Rules edited since then may change what any article says: the whole corpus is checked again.
            # (Rules kept outside the articles' repository are none git can tell of.)
            rules_changed = bool(changed_files(changed_since, [rules_dir], (".toml",), deleted=True,
                                               repository_of=inputs))
            fresh = None if rules_changed else [*(fresh or []), *changed_articles(changed_since, inputs)]
        except GitError as error:
            fail(f"--changed-since {changed_since}: {error}")
    store = execution.store()
    try:
        with execution.cluster() as (runner, map_claims):
            report = run_check(inputs, rules, default_published=published, max_size=max_size, new=fresh,
                               baseline=baseline, jobs=execution.jobs, runner=runner, map_claims=map_claims,
                               store=store, keep_texts=keep_texts)
    except RulePatternTooSlow as error:
        fail(f"{rules_dir}: {error}")
    except (StoreError, DaskUnavailable) as error:
        fail(str(error))
    finally:
        if store is not None:
            store.close()
    if fresh and not report.new_articles and report.skipped:
        # New articles were named, and none could be checked: a CI run must not pass on a typo or a broken file.
        fail("none of the new articles could be checked: " + "; ".join(f"{s.path}: {s.reason}"
                                                                       for s in report.skipped))
    if rules_changed:
        report = dataclasses.replace(report, warnings=(
            *report.warnings, f"the rules in {rules_dir} changed since {changed_since}: the whole corpus is checked"))
    return report


def default_reviews(rules_dir: Path) -> Path:
    return rules_dir.resolve().parent / "reviews.toml"


def with_reviews(report: Report, path: Path) -> Report:
    try:
        return apply_reviews(report, load_reviews(path))
    except ReviewsError as error:
        fail(str(error))
