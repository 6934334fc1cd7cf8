"""The bundled corpus and rules, checked as the README's first command checks them."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.engine import check
from factcheck.findings import Finding, Report
from factcheck.rules.load import load_rules

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def report() -> Report:
    return check([ROOT / "corpus"], load_rules(ROOT / "rules"))


def finding(report: Report, claim: str) -> Finding:
    (found,) = [f for f in report.findings if f.claim == claim]
    return found


def by_article(found: Finding) -> dict[str, set[str]]:
    values: dict[str, set[str]] = {}
    for item in found.statements:
        values.setdefault(item.article[:3], set()).add(item.value)
    return values


def test_every_article_is_read_and_none_skipped(report: Report) -> None:
    assert [a.id[:3] for a in report.articles] == ["000", "001", "002", "003", "004"]
    assert report.skipped == ()


def test_putin_meeting_is_a_conflict_of_004_against_the_others(report: Report) -> None:
    found = finding(report, "putin-meeting-date")
    assert found.status == "conflict"
    values = by_article(found)
    assert values["004"] == {"2022-04-28"}
    assert values["001"] == values["002"] == values["003"] == {"2022-04-26"}
    # 000 only says the meetings came before the late-Wednesday landing: a bound, never the day itself.
    assert "2022-04-27" not in values.get("000", set())
    assert values.get("000", set()) <= {"<2022-04-27"}


def test_003_dates_come_right_through_narrative_time(report: Report) -> None:
    values = {claim: by_article(finding(report, claim)).get("003") for claim in
              ("putin-meeting-date", "lavrov-meeting-date", "moscow-arrival-date")}
    assert values == {"putin-meeting-date": {"2022-04-26"}, "lavrov-meeting-date": {"2022-04-26"},
                      "moscow-arrival-date": {"2022-04-25"}}


def test_misspellings_are_flagged_and_accepted_variants_are_not(report: Report) -> None:
    flagged = {(s.article[:3], s.value) for f in report.findings if f.claim == "names" for s in f.statements}
    assert flagged == {("000", "Fahan Haq"), ("002", "Gutteres")}


def test_death_toll_grows_consistently(report: Report) -> None:
    found = finding(report, "civilian-death-toll")
    assert found.status == "consistent"
    assert by_article(found) == {"000": {"<2800"}, "001": {">2660"}}


@pytest.mark.parametrize("claim", ["lavrov-meeting-date", "zelensky-meeting-date"])
def test_meetings_agreed_by_three_or_more_sources(report: Report, claim: str) -> None:
    found = finding(report, claim)
    assert found.status == "consistent"
    assert len({s.article for s in found.statements}) >= 3


def test_itinerary_consistent_across_three_or_more_articles(report: Report) -> None:
    found = finding(report, "itinerary")
    assert found.status == "consistent"
    assert len({s.article for s in found.statements}) >= 3
    assert "Turkey -> Russia -> Ukraine" in found.message


def test_moscow_arrival_is_flagged_25_april_against_26_april(report: Report) -> None:
    found = finding(report, "moscow-arrival-date")
    assert found.status in ("conflict", "warning")
    values = by_article(found)
    assert values["003"] == {"2022-04-25"} and values["002"] == {"2022-04-26"}
