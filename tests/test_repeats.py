"""A report filed again under a later date (a wire service's repeat, a page its site re-dated) tells what it told when
first filed: its relative dates are read as of its first date, and the report says so."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from factcheck.claims import RuleSet
from factcheck.cli import main
from factcheck.engine import check
from factcheck.extraction import Extraction, ReadOptions, extract_in_process
from factcheck.rules.load import load_rules
from factcheck.store.database import Store

RULES = """
[entities.norvik]
kind = "place"
name = "Norvik"

[[claims]]
id = "crash-date"
kind = "date"
title = "Day the trains collided"
event = "incident"
"""

TOLD = ("A passenger train collided with a goods train outside Norvik on Wednesday, the rail operator said.\n\n"
        "Buses replaced the trains between Norvik and the coast.\n")


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "crash.toml").write_text(RULES, encoding="utf-8")
    folder = tmp_path / "corpus"
    folder.mkdir()
    # Filed on Thursday 2023-11-16, then the same text again the next Monday, and once more with its lines wrapped
    # otherwise; a third outlet's own report agrees with the first filing.
    (folder / "a.txt").write_text(" date 2023-11-16\n\n" + TOLD, encoding="utf-8")
    (folder / "b.txt").write_text(" date 2023-11-20\n\n" + TOLD, encoding="utf-8")
    (folder / "c.txt").write_text(" date 2023-11-24\n\n" + TOLD.replace(", the rail", ",\nthe rail"), encoding="utf-8")
    (folder / "d.txt").write_text(" date 2023-11-17\n\nTwo trains collided outside Norvik on Wednesday.\n",
                                  encoding="utf-8")
    return folder


def _report(*args: str, status: int = 0) -> dict:
    result = run("check", "--format", "json", "corpus", *args)
    assert result.exit_code == status, result.output
    return json.loads(result.stdout)


def _values(report: dict) -> dict[str, str]:
    return {s["article"]: s["value"] for f in report["findings"] if f["claim"] == "crash-date"
            for s in f["statements"]}


@pytest.mark.parametrize("store", [["--no-db"], []])
def test_a_text_filed_again_is_read_as_of_its_first_date(corpus: Path, store: list[str]) -> None:
    if not store:
        assert run("index", "corpus").exit_code == 0
    report = _report(*store)
    (found,) = [f for f in report["findings"] if f["claim"] == "crash-date"]
    assert found["status"] == "consistent"
    values = {s["article"]: s["value"] for s in found["statements"]}
    assert values == {"a": "2023-11-15", "b": "2023-11-15", "c": "2023-11-15", "d": "2023-11-15"}
    assert [n for n in report["warnings"] if "filed again" in n] == [
        "b is a filed again (the same text, dated 2023-11-20 and 2023-11-16): its dates are read as of 2023-11-16",
        "c is a filed again (the same text, dated 2023-11-24 and 2023-11-16): its dates are read as of 2023-11-16",
    ]


def test_a_repeat_is_read_as_of_the_earliest_filing_in_the_corpus(corpus: Path) -> None:
    (corpus / "a.txt").unlink()
    assert _values(_report("--no-db")) == {"b": "2023-11-15", "c": "2023-11-15", "d": "2023-11-15"}
    # Alone, the Friday filing's 'Wednesday' is the day before it: nothing tells it is a repeat.
    (corpus / "b.txt").unlink()
    report = _report("--no-db", status=1)
    assert _values(report) == {"c": "2023-11-22", "d": "2023-11-15"}
    assert not [n for n in report["warnings"] if "filed again" in n]


def test_a_copy_with_no_date_of_its_own_is_never_the_first_filing(corpus: Path) -> None:
    (corpus / "e.txt").write_text(TOLD, encoding="utf-8")  # no date header: --published gives it one
    report = _report("--no-db", "--published", "2023-11-13", status=1)
    values = _values(report)
    assert values["a"] == "2023-11-15" and values["e"] == "2023-11-08"  # read as of its assumed Monday the 13th
    assert not [n for n in report["warnings"] if n.startswith(("a is e", "b is e", "c is e"))]


def test_with_new_articles_only_their_repeats_are_noted(corpus: Path) -> None:
    result = run("check", "--format", "json", "--no-db", "corpus", "--new", "corpus/d.txt")
    assert result.exit_code == 0, result.output
    assert not [n for n in json.loads(result.stdout)["warnings"] if "filed again" in n]
    result = run("check", "--format", "json", "--no-db", "corpus", "--new", "corpus/b.txt")
    assert [n for n in json.loads(result.stdout)["warnings"] if "filed again" in n] == [
        "b is a filed again (the same text, dated 2023-11-20 and 2023-11-16): its dates are read as of 2023-11-16"]


class _Counting:
    """A runner that reads in this process and remembers which files it was asked to read, and as of when."""

    def __init__(self) -> None:
        self.read: list[tuple[str, str | None]] = []

    def __call__(self, paths: list[str], rules: RuleSet, options: ReadOptions) -> Iterator[Extraction]:
        when = None if options.override_published is None else options.override_published.isoformat()
        self.read += [(Path(p).name, when) for p in paths]
        return extract_in_process(paths, rules, options)


def _check(runner: _Counting, store: Store, new: list[Path] | None = None) -> dict[str, str]:
    report = check([Path("corpus")], load_rules(Path("rules")), runner=runner, store=store, new=new)
    return {s.article: str(s.value) for f in report.findings if f.claim == "crash-date" for s in f.statements}


def test_the_store_keeps_what_a_repeat_says_read_as_of_its_first_date(corpus: Path) -> None:
    with Store(Path("index.db"), create=True) as store:
        first = _Counting()
        assert _check(first, store) == {"a": "2023-11-15", "b": "2023-11-15", "c": "2023-11-15", "d": "2023-11-15"}
        assert ("b.txt", "2023-11-16") in first.read and ("c.txt", "2023-11-16") in first.read
        # Warm, and with one new article against the store: nothing is read again but the new article.
        warm = _Counting()
        assert _check(warm, store) == {"a": "2023-11-15", "b": "2023-11-15", "c": "2023-11-15", "d": "2023-11-15"}
        assert warm.read == []
        (corpus / "e.txt").write_text(" date 2023-11-18\n\nThe trains collided outside Norvik on Tuesday.\n",
                                      encoding="utf-8")
        one_new = _Counting()
        against = _check(one_new, store, [corpus / "e.txt"])  # the repeats' stored readings are the evidence
        assert against == {"a": "2023-11-15", "b": "2023-11-15", "c": "2023-11-15", "d": "2023-11-15",
                           "e": "2023-11-14"}
        assert one_new.read == [("e.txt", None)]
        # A copy whose text changed is read as of its own date; one whose first filing is now another day is read
        # again as of that day.
        (corpus / "e.txt").unlink()
        (corpus / "c.txt").write_text(" date 2023-11-24\n\n" + TOLD.replace("rail operator", "operator"),
                                      encoding="utf-8")
        edited = _Counting()
        assert _check(edited, store)["c"] == "2023-11-22"  # no longer a copy
        assert edited.read == [("c.txt", None)]
        (corpus / "c.txt").write_text(" date 2023-11-24\n\n" + TOLD, encoding="utf-8")
        (corpus / "a.txt").unlink()
        moved = _Counting()
        assert _check(moved, store) == {"b": "2023-11-15", "c": "2023-11-15", "d": "2023-11-15"}
        assert moved.read == [("c.txt", None), ("c.txt", "2023-11-20")]
