"""Age claims: a person's age written against their name, compared by the birthdays that make it true, on a
made-up story (tests/data/age-rules)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from conftest import DATA, finding_for, statements_for, values_for

from factcheck import language
from factcheck.claims import RuleSet
from factcheck.kinds import age
from factcheck.rules.load import load_rules


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules(DATA / "age-rules")


def _ortiz(text: str) -> SimpleNamespace:
    """Ortiz's mention as the name reader makes it: her full name where the text gives it."""
    name = "Lena Ortiz" if "Lena Ortiz" in text else "Ortiz"
    start = text.index(name)
    return SimpleNamespace(start=start, end=start + len(name), text=name, entity="ortiz")


@pytest.mark.parametrize("example", language.load("ages")["examples"], ids=lambda ex: ex["text"])
def test_the_shapes_of_an_age_written_against_a_name(example: dict) -> None:
    found = age.age_of(example["text"], _ortiz(example["text"]), past=example.get("past", False))
    assert found is not None and found[0] == example["age"], example["text"]
    if example.get("past"):
        assert age.age_of(example["text"], _ortiz(example["text"])) is None  # an age then, unless as of a day


@pytest.mark.parametrize("text", language.load("ages")["not_examples"])
def test_figures_near_a_name_that_are_no_age(text: str) -> None:
    assert age.age_of(text, _ortiz(text), past=True) is None


def test_an_age_belongs_to_the_person_it_is_written_against(rules: RuleSet) -> None:
    text = "Lena Ortiz, 52, was shot by Marco Ruiz, 44, of Port Elm."
    assert values_for(rules, "ortiz-age", text, "2024-05-04") == ["52"]
    assert values_for(rules, "ruiz-age", text, "2024-05-04") == ["44"]


def test_an_age_is_as_of_publication_unless_the_claim_fixes_its_day(rules: RuleSet) -> None:
    (ruiz,) = statements_for(rules, "ruiz-age", "Ruiz, 44, is on the run.", "2024-11-20")
    assert str(ruiz.data.as_of) == "2024-11-20"
    (ortiz,) = statements_for(rules, "ortiz-age", "Ortiz, 52, was buried on Tuesday.", "2025-04-20")
    assert str(ortiz.data.as_of) == "2024-05-03"


def test_the_same_age_less_than_a_year_apart_and_one_more_across_a_birthday_agree(rules: RuleSet) -> None:
    same = finding_for(rules, [("Ruiz, 44, is on the run.", "2024-11-20"),
                               ("Ruiz, 44, was charged on Thursday.", "2025-10-24")], "ruiz-age")
    assert same.status == "consistent"
    older = finding_for(rules, [("Ruiz, 44, is on the run.", "2024-11-20"),
                                ("Ruiz, 45, was charged on Thursday.", "2024-12-20")], "ruiz-age")
    assert older.status == "consistent"


def test_ages_no_birthday_makes_true_conflict(rules: RuleSet) -> None:
    apart = finding_for(rules, [("Ruiz, 44, is on the run.", "2024-11-20"),
                                ("Ruiz, 54, was charged on Thursday.", "2024-12-20")], "ruiz-age")
    assert apart.status == "conflict"
    assert "44" in apart.message and "54" in apart.message
    # the same age two years apart cannot both be right of a living person...
    stale = finding_for(rules, [("Ruiz, 44, is on the run.", "2024-11-20"),
                                ("Ruiz, 44, was charged on Thursday.", "2026-12-20")], "ruiz-age")
    assert stale.status == "conflict"
    # ...but is of a person whose age the news keeps as it was on the claim's day
    kept = finding_for(rules, [("Ortiz, 52, was shot at her home.", "2024-05-04"),
                               ("Ortiz, 52, was remembered at a vigil.", "2026-05-03")], "ortiz-age")
    assert kept.status == "consistent"


def test_an_article_written_before_the_claims_day_gives_the_age_of_its_own_date(rules: RuleSet) -> None:
    (profile,) = statements_for(rules, "ortiz-age", "Dr. Lena Ortiz, 51, opened a new wing.", "2023-02-01")
    assert str(profile.data.as_of) == "2023-02-01"
    finding = finding_for(rules, [("Dr. Lena Ortiz, 51, opened a new wing.", "2023-02-01"),
                                  ("Lena Ortiz, 52, was shot at her home.", "2024-05-04")], "ortiz-age")
    assert finding.status == "consistent"
