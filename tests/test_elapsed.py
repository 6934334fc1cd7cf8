"""Elapsed claims: counts of days, weeks and months since the day a rule gives, checked against the day they speak
of."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from factcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent

RULES = """
[entities.harlen]
kind = "place"
name = "Harlen"

[entities.osk]
kind = "person"
name = "Mira Osk"
variants = ["Osk"]

[[claims]]
id = "siege-elapsed"
kind = "elapsed"
title = "Time since the siege of Harlen began"
event = "siege"
since = "2023-03-01"
tolerance_days = 1
examples = [
  { text = "The blockade of the port entered its third week on Monday.", published = "2023-03-16", value = "week 3" },
  { text = "The siege of the fortress in 1812 lasted two weeks.", published = "2023-03-16", expect = "nothing" },
]
"""


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def report(folder: Path, *args: str) -> tuple[int, list[dict]]:
    result = run("check", str(folder / "corpus"), "--rules", str(folder / "rules"), "--format", "json", *args)
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, [f for f in json.loads(result.stdout)["findings"] if f["kind"] == "elapsed"]


@pytest.fixture()
def harlen(tmp_path: Path) -> Path:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "harlen.toml").write_text(RULES)
    (tmp_path / "corpus").mkdir()
    return tmp_path


def write(folder: Path, name: str, published: str, text: str) -> None:
    (folder / "corpus" / f"{name}.txt").write_text(f" date {published} Mayor Mira Osk spoke in Harlen. {text}\n")


def test_the_bundled_corpus_day_58_is_a_near_miss_and_the_third_month_is_right() -> None:
    result = run("check", str(ROOT / "corpus"), "--rules", str(ROOT / "rules"), "--format", "json")
    findings = [f for f in json.loads(result.stdout)["findings"] if f["claim"] == "war-elapsed"]
    by_value = {s["value"]: (f["status"], f["message"], s) for f in findings for s in f["statements"]}
    status, message, day = by_value["day 58"]
    assert status == "warning"  # published 2022-04-23, day 59 of a war that began 2022-02-24: off by one
    assert "expected day 59" in message and "2022-02-24" in message and "within the tolerance of 1" in message
    assert day["article"] == "002_5d6f030e8b6bd807" and "the war entered day 58" in day["quote"]
    assert by_value["month 3"][0] == "consistent"  # "as the war enters its third month", published 2022-04-26


def test_days_weeks_and_months_are_counted_from_day_one(harlen: Path) -> None:
    write(harlen, "a", "2023-03-20", "Day 20 of the siege: food is running short.")
    write(harlen, "b", "2023-03-20", "The siege, now in its third week, has cut the town off.")
    write(harlen, "c", "2023-05-02", "More than two months into the siege, the mayor is appealing for help.")
    write(harlen, "d", "2023-03-20", "The 20th day of the blockade passed quietly.")
    status, findings = report(harlen)
    assert status == 0
    assert [f["status"] for f in findings] == ["consistent"]
    assert sorted(s["value"] for s in findings[0]["statements"]) == [">2 months", "day 20", "day 20", "week 3"]


def test_a_count_beyond_the_tolerance_is_a_conflict_and_a_dated_one_counts_to_its_date(harlen: Path) -> None:
    write(harlen, "late", "2023-03-25", "The siege, now in its second week, has cut the town off.")
    write(harlen, "dated", "2023-03-25", "On 10 March, day 10 of the siege, the bridge fell.")
    status, findings = report(harlen)
    assert status == 1
    conflict = next(f for f in findings if f["status"] == "conflict")
    assert conflict["statements"][0]["article"] == "late"
    assert "expected day 25" in conflict["message"]
    assert "11 day(s) off, beyond the tolerance of 1" in conflict["message"]
    consistent = next(f for f in findings if f["status"] == "consistent")
    assert [(s["article"], s["value"]) for s in consistent["statements"]] == [("dated", "day 10")]


def test_a_stretch_of_the_time_or_a_plan_is_not_a_count_until_now(harlen: Path) -> None:
    write(harlen, "a", "2023-05-02", "In the first two weeks of the siege, the mayor slept in her office.")
    write(harlen, "b", "2023-03-20", "The siege will soon enter its fifth week, Osk warned.")
    assert report(harlen) == (0, [])


def test_check_new_reports_a_new_article_that_miscounts(harlen: Path) -> None:
    write(harlen, "old", "2023-03-20", "On day 20 of the siege, food ran short.")
    write(harlen, "new", "2023-03-20", "On day 31 of the siege, food ran short.")
    status, findings = report(harlen, "--new", str(harlen / "corpus" / "new.txt"))
    assert status == 1
    assert [(f["status"], f["statements"][0]["article"]) for f in findings] == [("conflict", "new")]


def test_an_unknown_event_is_a_rule_error(harlen: Path) -> None:
    rules = harlen / "rules" / "harlen.toml"
    rules.write_text(RULES.replace('event = "siege"', 'event = "sieje"'))
    result = run("rules", "check", str(harlen / "rules"))
    assert result.exit_code == 2
    assert "unknown value 'sieje' (did you mean 'siege'?)" in result.output


def test_the_rule_examples_of_an_elapsed_claim_run(harlen: Path) -> None:
    result = run("rules", "test", str(harlen / "rules"))
    assert result.exit_code == 0, result.output
    assert "2 passed, 0 failed" in result.output


def examples_run(folder: Path, event: str, since: str, examples: list[str]) -> Result:
    """`rules test` on one elapsed claim with these examples (TOML inline tables)."""
    (folder / "rules.toml").write_text(
        f'[[claims]]\nid = "elapsed"\nkind = "elapsed"\ntitle = "Time since it began"\nevent = "{event}"\n'
        f'since = "{since}"\nexamples = [\n' + "".join(f"  {example},\n" for example in examples) + "]\n")
    return run("rules", "test", str(folder))


def test_weeks_are_rounded_half_a_week_either_way_and_days_are_counted_as_news_counts_them(harlen: Path) -> None:
    write(harlen, "weeks", "2023-03-24", "Three weeks into the siege, the town is still cut off.")  # day 24
    write(harlen, "days", "2023-04-09", "Forty days into the siege, the town is still cut off.")  # day 40
    status, findings = report(harlen)
    assert status == 0
    assert [(f["status"], sorted(s["value"] for s in f["statements"])) for f in findings] \
        == [("consistent", ["3 weeks", "40 days"])]


def test_a_day_told_in_past_narration_is_not_a_count_as_of_publication(tmp_path: Path) -> None:
    result = examples_run(tmp_path, "siege", "2023-03-01", [
        '{ text = "On the second day of the siege, the bridge at Norvel fell.", published = "2023-09-01", '
        'expect = "nothing" }',
        '{ text = "On day 3 of the siege, the mayor refused to leave.", published = "2023-09-01", expect = "nothing" }',
        '{ text = "In the first week of the blockade, thousands fled.", published = "2023-09-01", expect = "nothing" }',
        '{ text = "Six months into the siege, the aid convoys stopped.", published = "2024-09-01", '
        'expect = "nothing" }',
        '{ text = "Two weeks after the siege began, the mayor fled.", published = "2023-09-01", expect = "nothing" }',
        '{ text = "Two years after the 2021 siege, the walls were rebuilt.", published = "2023-09-01", '
        'expect = "nothing" }',
        '{ text = "Six months since the siege was lifted, Norvel is rebuilding.", published = "2024-06-01", '
        'expect = "nothing" }',
        # Narration cannot tell of a day still to come, and where the siege stands now is read as before.
        '{ text = "On day 31 of the siege, food ran short.", published = "2023-03-20", value = "day 31" }',
        '{ text = "As the siege entered day 20, food ran short.", published = "2023-03-20", value = "day 20" }',
        '{ text = "Two months into the siege, the front has barely moved.", published = "2023-05-01", '
        'value = "2 months" }',
    ])
    assert result.exit_code == 0, result.output
    assert "10 passed, 0 failed" in result.output


def test_a_position_of_something_else_and_a_stretch_within_a_war_are_not_the_war(tmp_path: Path) -> None:
    result = examples_run(tmp_path, "war", "2023-03-01", [
        '{ text = "The war games start on day 2 of the summit.", published = "2023-09-01", expect = "nothing" }',
        '{ text = "Day 3 of the 2019 war is remembered as the worst.", published = "2023-09-01", expect = "nothing" }',
        '{ text = "The offensive enters its fourth day.", published = "2023-09-01", expect = "nothing" }',
        '{ text = "The occupation of Norvel enters its second week.", published = "2023-09-01", expect = "nothing" }',
        '{ text = "The war enters its seventh month.", published = "2023-09-01", value = "month 7" }',
    ])
    assert result.exit_code == 0, result.output
    assert "5 passed, 0 failed" in result.output


@pytest.mark.parametrize("tolerance", ["-3", "1.5", "true"])
def test_a_tolerance_that_is_no_whole_number_of_days_is_a_rule_error(harlen: Path, tolerance: str) -> None:
    (harlen / "rules" / "harlen.toml").write_text(RULES.replace("tolerance_days = 1", f"tolerance_days = {tolerance}"))
    result = run("rules", "check", str(harlen / "rules"))
    assert result.exit_code == 2
    assert "'tolerance_days': must be a whole number of days, 0 or more" in result.output
