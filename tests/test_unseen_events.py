"""Two events the engine was not written for (tests/data/unseen/quake and trip: articles and rules written
independently, with planted errors listed in tests/data/unseen/PLANTED.md). Each planted error must be found, and
found alone: in every conflict the odd one out is the planted article."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from factcheck.engine import check
from factcheck.findings import Finding, Report
from factcheck.inputs.article import parse_article
from factcheck.rules.load import load_rules

UNSEEN = Path(__file__).resolve().parent / "data" / "unseen"


def _report(event: str) -> Report:
    return check([UNSEEN / event / "corpus"], load_rules(UNSEEN / event / "rules"))


@pytest.fixture(scope="module")
def quake() -> dict[str, Finding]:
    return {f.claim: f for f in _report("quake").findings if f.claim != "names"}


@pytest.fixture(scope="module")
def trip() -> dict[str, Finding]:
    return {f.claim: f for f in _report("trip").findings if f.claim != "names"}


def _values(finding: Finding) -> dict[str, tuple[str, ...]]:
    return {str(g.value): g.articles for g in finding.values}


def test_the_wrong_quake_day_is_the_only_date_conflict(quake: dict[str, Finding]) -> None:
    finding = quake["quake-date"]
    assert finding.status == "conflict"
    values = _values(finding)
    assert values["2025-03-10"] == ("aljazeera-2025-03-12",)
    # Aftershocks, a separate accident, a visit to the disaster zone and the day a toll rose are not the quake's.
    assert set(values) <= {"2025-03-09", "2025-03-10", "<2025-03-13"}
    assert set(values["2025-03-09"]) >= {"ap-2025-03-09", "reuters-2025-03-10"}


def test_a_toll_that_falls_is_a_warning_and_parts_are_not_totals(quake: dict[str, Finding]) -> None:
    toll = quake["death-toll"]
    assert toll.status == "warning"
    assert "lower figure" in toll.message and "huarazherald-2025-03-13" in toll.message
    values = _values(toll)
    assert "14" not in values  # "14 of the dead were children"
    assert values["74"] == ("reuters-2025-03-10",)  # "the death toll from a magnitude 6.4 earthquake ... rose to 74"


def test_the_quake_plans_and_counts_that_agree_stay_consistent(quake: dict[str, Finding]) -> None:
    assert quake["pm-visit-date"].status == "consistent"
    assert quake["injured-count"].status == "consistent"


def test_the_wrong_meeting_day_and_the_swapped_tour_are_the_trip_conflicts(trip: dict[str, Finding]) -> None:
    meeting = trip["sudarsono-meeting-date"]
    assert meeting.status == "conflict"
    values = _values(meeting)
    assert values["2025-06-19"] == ("jakartadaily-2025-06-19",)
    # A plan said before "an official told a press conference", and "fly on Tuesday and meet on Wednesday".
    assert set(values["2025-06-18"]) == {"ap-2025-06-18", "kyodo-2025-06-13", "reuters-2025-06-16"}
    itinerary = trip["itinerary"]
    assert itinerary.status == "conflict"
    assert [s.article for s in itinerary.statements if s.value == ("Indonesia", "Vietnam")] == \
        ["manilabulletin-2025-06-20"]
    assert all(f.status == "consistent" for claim, f in trip.items()
               if claim not in ("sudarsono-meeting-date", "itinerary"))


@pytest.mark.parametrize("event,misspelt", [("quake", "Mariela Quipse"), ("trip", "Ramon Villacorta")])
def test_the_planted_misspelling_is_the_only_name_warning(event: str, misspelt: str) -> None:
    names = [f for f in _report(event).findings if f.claim == "names" and f.status != "consistent"]
    assert [s.value for f in names for s in f.statements] == [misspelt]


def test_stories_in_one_archive_do_not_mix(tmp_path: Path) -> None:
    """An archive holds many stories: checked together, with all their rules, each story's findings are those it
    has alone (another quake's toll or another visit's Tuesday is not read as this one's)."""
    import re

    rules = tmp_path / "rules"
    rules.mkdir()
    sources = [(UNSEEN / "quake" / "corpus", UNSEEN / "quake" / "rules"),
               (UNSEEN / "trip" / "corpus", UNSEEN / "trip" / "rules"),
               (Path(__file__).resolve().parent.parent / "corpus", Path(__file__).resolve().parent.parent / "rules")]
    for _, rule_dir in sources:
        for rule_file in rule_dir.glob("*.toml"):  # claim ids are unique across files: each story its own
            text = re.sub(r'^id = "', f'id = "{rule_file.stem}/', rule_file.read_text(), flags=re.M)
            (rules / rule_file.name).write_text(text)
    together = check([corpus for corpus, _ in sources], load_rules(rules))
    alone = [finding for corpus, rule_dir in sources for finding in check([corpus], load_rules(rule_dir)).findings]

    def summary(findings) -> list[tuple[str, str, str, tuple[str, ...]]]:
        return sorted((f.claim.split("/")[-1], f.status, f.message, tuple(s.article for s in f.statements))
                      for f in findings)

    assert summary(together.findings) == summary(alone)


@pytest.mark.parametrize("named, misspelt, told", [
    ({"quake": {"valdora quake"}, "town": {"ostrel"}}, set(), True),
    ({"quake": {"valdora quake"}}, set(), False),  # one shared name (a capital, a province) is not the story
    ({"quake": {"valdora quake"}}, {"mayor"}, True),  # the misspelt mayor is the second name: still found
    ({}, {"mayor", "minister"}, False),  # but not with nothing spelt right
    ({"town": {"ostrel", "ostrel city"}}, set(), True),  # one place by two proper names: a region and its town
    ({"town": {"ostrel"}, "quake": {"ostrel"}}, set(), False),  # one name of two entities is still one name
])
def test_an_article_tells_a_story_when_it_names_it_twice(named, misspelt, told) -> None:
    from factcheck.claims import tells_story

    named = {entity: frozenset(forms) for entity, forms in named.items()}
    assert tells_story(named, misspelt, frozenset({"quake", "town", "mayor", "minister"})) is told
    assert tells_story({"quake": frozenset({"quake"})}, set(), frozenset({"quake"}))  # one entity needs that one


ROUTING_RULES = """
[entities.valdora]
kind = "place"
name = "Valdora"
aliases = ["Ostrel", "Port Ostrel", "capital", "the disaster zone"]

[entities.ostrel]
kind = "place"
name = "Ostrel"

[entities.marrow]
kind = "person"
name = "Ilse Marrow"
aliases = ["Interior Minister"]

[[claims]]
id = "names"
kind = "spelling"
title = "Names"
"""


@pytest.mark.parametrize("text, told", [
    ("A court in Ostrel jailed a blogger on Tuesday.", False),  # Ostrel's name and Valdora's alias: one name
    ("Capital residents queued for water on Tuesday, the Interior Minister said.", False),  # descriptive aliases
    ("Rescuers in Valdora reached Ostrel on Tuesday.", True),
    ("Rescuers reached Port Ostrel and Ostrel on Tuesday.", True),  # Valdora by a proper alias, and Ostrel
    ("Ilse Marrow visited Ostrel on Tuesday. Marrow said more aid would come.", True),
    ("Ilse Marrow said more aid would come.", False),  # a person named twice is one name
])
def test_which_story_an_article_tells_is_decided_by_its_proper_names(tmp_path: Path, text: str, told: bool) -> None:
    from factcheck.extraction import claims_told
    from factcheck.readers.reading import mentions_in

    (tmp_path / "story.toml").write_text(ROUTING_RULES, encoding="utf-8")
    rules = load_rules(tmp_path)
    article = parse_article(text, "a.txt", override_published=dt.date(2024, 3, 14))
    assert bool(claims_told(mentions_in(article, rules), rules)) is told
