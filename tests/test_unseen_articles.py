"""Articles written independently of the engine, in other outlets' styles (tests/data/unseen/guterres), with what
a careful fact-checker reads in them (expected.toml). The bundled rules must read them without inventing: no
statement may contradict the fact-checker's reading, most of what they read must be found, and the only conflict
is the error planted in one article."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from factcheck.engine import check
from factcheck.findings import Report
from factcheck.kinds.date import DateRange
from factcheck.rules.load import load_rules

ROOT = Path(__file__).resolve().parent.parent
FOLDER = Path(__file__).resolve().parent / "data" / "unseen" / "guterres"
EXPECTED = {Path(name).stem: claims for name, claims in
            tomllib.loads((FOLDER / "expected.toml").read_text())["files"].items()}


@pytest.fixture(scope="module")
def report() -> Report:
    return check([FOLDER], load_rules(ROOT / "rules"))


def _range(value: str) -> DateRange:
    import datetime as dt

    if value[0] in "<>":  # expected.toml writes bounds as <= / >=; the report as < / > (both include the day)
        day = dt.date.fromisoformat(value.lstrip("<>="))
        return DateRange(None, day, False) if value[0] == "<" else DateRange(day, None, False)
    day = dt.date.fromisoformat(value)
    return DateRange(day, day, False)


def test_no_date_statement_contradicts_the_fact_checkers_reading(report: Report) -> None:
    for finding in report.findings:
        if finding.kind != "date":
            continue
        for item in finding.statements:
            expected = EXPECTED[item.article].get(item.claim)
            assert expected is not None, f"{item.article} says nothing about {item.claim}, but read {item.value}: " \
                                         f"{item.quote}"
            assert item.data.overlaps(_range(expected)), f"{item.article} {item.claim}: {item.value} vs {expected}: " \
                                                         f"{item.explanation}"


def test_most_of_what_the_fact_checker_reads_is_found(report: Report) -> None:
    found = {(s.article, s.claim, s.value) for f in report.findings for s in f.statements}
    scalar = [(article, claim, value) for article, claims in EXPECTED.items() for claim, value in claims.items()
              if isinstance(value, str)]
    hits = [case for case in scalar if case in found]
    assert len(hits) / len(scalar) >= 0.8, sorted(set(scalar) - set(hits))


def test_the_only_conflict_is_the_planted_error(report: Report) -> None:
    conflicts = [f for f in report.findings if f.status == "conflict"]
    assert [f.claim for f in conflicts] == ["putin-meeting-date"]
    (putin,) = conflicts
    assert {g.value: g.articles for g in putin.values}["2022-04-27"] == ("portugalresident-2022-05-03",)
    assert len({g.value: g.articles for g in putin.values}["2022-04-26"]) >= 5


def test_the_itinerary_agrees_and_no_name_is_flagged(report: Report) -> None:
    findings = {f.claim: f for f in report.findings}
    assert findings["itinerary"].status == "consistent"
    assert "Turkey -> Russia -> Ukraine" in findings["itinerary"].message
    assert findings["names"].status == "consistent"


def test_the_growing_toll_is_consistent_and_one_town_is_not_the_total(report: Report) -> None:
    toll = next(f for f in report.findings if f.claim == "civilian-death-toll")
    assert toll.status == "consistent", toll.message
    assert ">400" not in {str(g.value) for g in toll.values}  # "In Bucha alone, more than 400 civilians were killed"
