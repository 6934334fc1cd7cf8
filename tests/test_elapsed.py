"""Elapsed claims: counts of days, weeks and months since the day a rule gives, checked against the day they speak
of."""

from __future__ import annotations

import json
import shutil
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
    write(harlen, "a", "2023-03-20", "On day 20 of the siege, food ran short.")
    write(harlen, "b", "2023-03-20", "The siege, now in its third week, has cut the town off.")
    write(harlen, "c", "2023-05-02", "More than two months into the siege, the mayor appealed for help.")
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
