from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import settings

from factcheck.claims import RuleSet
from factcheck.cli import main
from factcheck.engine import compare
from factcheck.findings import Finding, Statement
from factcheck.inputs.article import parse_article
from factcheck.kinds import registry
from factcheck.readers.reading import read
from factcheck.rules.load import load_rules

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"

# Property tests run about 100 examples in CI; HYPOTHESIS_PROFILE=hostile-long runs 2,000 of each, without deadline.
settings.register_profile("hostile-long", max_examples=2000, deadline=None)
if os.environ.get("HYPOTHESIS_PROFILE"):
    settings.load_profile(os.environ["HYPOTHESIS_PROFILE"])


@pytest.fixture(scope="session")
def summit_rules() -> RuleSet:
    """Rules of a made-up story, so that tests of language skills never lean on the seed articles."""
    return load_rules(DATA / "summit-rules")


@pytest.fixture(scope="session")
def bundled_rules() -> RuleSet:
    return load_rules(ROOT / "rules")


def rules_of(folder: Path, toml: str, name: str = "story.toml") -> RuleSet:
    """The rules of one rule file written into an empty folder: a made-up story of a test module."""
    (folder / name).write_text(toml, encoding="utf-8")
    return load_rules(folder)


def statements_for(rules: RuleSet, claim_id: str, text: str, published: str) -> list[Statement]:
    """What one claim reads in a text published on a date."""
    claim = next(c for c in rules.claims if c.id == claim_id)
    article = parse_article(text, "example.txt", override_published=dt.date.fromisoformat(published))
    return registry()[claim.kind].extract(read(article, rules), claim, rules)


def values_for(rules: RuleSet, claim_id: str, text: str, published: str) -> list[object]:
    return [s.value for s in statements_for(rules, claim_id, text, published)]


def finding_for(rules: RuleSet, texts: list[tuple[str, str]], claim: str) -> Finding:
    """The one finding of a claim over texts (text, published), each an article of its own (a0, a1, ...)."""
    statements: list[Statement] = []
    for number, (text, published) in enumerate(texts):
        statements += [s.__class__(**{**{f: getattr(s, f) for f in s.__slots__}, "article": f"a{number}"})
                       for s in statements_for(rules, claim, text, published)]
    (finding,) = [f for f in compare(rules, statements) if f.claim == claim]
    return finding


@pytest.fixture()
def newsroom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with the bundled corpus and rules, as a newsroom repository has them."""
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check_json(*args: str) -> tuple[int, dict]:
    """`factcheck check ARGS --format json`, as a user runs it: its exit status and its report."""
    result = CliRunner().invoke(main, ["check", *args, "--format", "json"])
    return result.exit_code, json.loads(result.stdout)
