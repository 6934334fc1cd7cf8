"""Time claims: the time of day of an event, read with its day, widened by "about", converted between zones, and
compared by overlap, on a made-up story (tests/data/time-rules)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import DATA, finding_for, statements_for, values_for

from factcheck import language
from factcheck.claims import RuleSet
from factcheck.cli import main
from factcheck.kinds import time as time_kind
from factcheck.readers import temporal
from factcheck.rules.load import load_rules

# 2023-11-12 is a Sunday; Norvik keeps Central European time (UTC+1 in November).


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules(DATA / "time-rules")


def test_a_clock_time_is_read_with_the_day_it_stands_with(rules: RuleSet) -> None:
    assert values_for(rules, "crash-time", "The trams collided at 7.40pm on Sunday.", "2023-11-13") == [
        "2023-11-12T19:40"]
    assert values_for(rules, "crash-time", "The trams collided at 19:40 on Sunday, 12 November.", "2023-11-15") == [
        "2023-11-12T19:40"]


def test_a_clock_time_alone_gives_no_day(rules: RuleSet) -> None:
    (item,) = statements_for(rules, "shooting-time", "Okafor was shot at 10 p.m. in her garden.", "2023-11-12")
    assert item.value == "22:00"
    assert "a day the sentence does not give" in item.explanation


def test_a_part_of_day_is_a_stretch_that_a_clock_time_inside_it_agrees_with(rules: RuleSet) -> None:
    finding = finding_for(rules, [("Okafor was shot in her garden on Friday night.", "2023-11-12"),
                                  ("Okafor was shot at 10 p.m. in her garden.", "2023-11-12")], "shooting-time")
    assert finding.status == "consistent"
    assert {s.value for s in finding.statements} == {"2023-11-10 night", "22:00"}


def test_two_clock_times_that_cannot_be_the_same_moment_conflict(rules: RuleSet) -> None:
    finding = finding_for(rules, [("The trams collided at 7.40pm on Sunday.", "2023-11-13"),
                                  ("The trams collided at 6.55pm on Sunday.", "2023-11-13")], "crash-time")
    assert finding.status == "conflict"
    assert "2023-11-12T19:40" in finding.message and "2023-11-12T18:55" in finding.message


def test_a_conflict_sets_the_odd_times_against_the_ones_that_agree(rules: RuleSet) -> None:
    finding = finding_for(rules, [("The trams collided at 7.40pm on Sunday.", "2023-11-13"),
                                  ("The trams collided at 7.40pm, police said.", "2023-11-13"),
                                  ("The trams collided at 6.55pm on Sunday.", "2023-11-13"),
                                  ("The trams collided on Monday morning.", "2023-11-14")], "crash-time")
    assert finding.status == "conflict"
    odd, agreeing = finding.message.split(" against ")
    assert "2023-11-12T18:55" in odd and "2023-11-13 morning" in odd
    assert "2023-11-12T19:40" in agreeing and "19:40 (1 source: a1)" in agreeing


def test_about_widens_a_clock_time_by_a_quarter_of_an_hour(rules: RuleSet) -> None:
    near = finding_for(rules, [("The trams collided at about 7.30pm on Sunday.", "2023-11-13"),
                               ("The trams collided at 7.40pm on Sunday.", "2023-11-13")], "crash-time")
    assert near.status == "consistent"
    assert "~2023-11-12T19:30" in {s.value for s in near.statements}
    far = finding_for(rules, [("The trams collided at about 7pm on Sunday.", "2023-11-13"),
                              ("The trams collided at 7.40pm on Sunday.", "2023-11-13")], "crash-time")
    assert far.status == "conflict"


def test_shortly_after_is_a_stretch_after_the_time_not_before_it(rules: RuleSet) -> None:
    (item,) = statements_for(rules, "crash-time", "The trams collided shortly after 7 p.m. on Sunday.", "2023-11-13")
    assert item.value == ">2023-11-12T19:00"
    assert (item.data.earliest, item.data.latest) == (19 * 60, 19 * 60 + 45)


def test_a_time_written_in_another_zone_is_the_same_instant(rules: RuleSet) -> None:
    same = finding_for(rules, [("The trams collided at 18:40 GMT on Sunday.", "2023-11-13"),
                               ("The trams collided at 7.40pm on Sunday.", "2023-11-13")], "crash-time")
    assert same.status == "consistent"
    assert {s.value for s in same.statements} == {"2023-11-12T19:40"}
    other = finding_for(rules, [("The trams collided at 17:40 GMT on Sunday.", "2023-11-13"),
                                ("The trams collided at 7.40pm on Sunday.", "2023-11-13")], "crash-time")
    assert other.status == "conflict"


def test_a_time_in_brackets_is_the_same_instant_and_the_first_is_read(rules: RuleSet) -> None:
    assert values_for(rules, "crash-time", "The trams collided at 7:40 p.m. (1840 GMT) on Sunday.",
                      "2023-11-13") == ["2023-11-12T19:40"]


@pytest.mark.parametrize("text", ["The trams collided at 7.40pm local time (6.40pm GMT) on Sunday.",
                                  "The trams collided at 6.40pm GMT (7.40pm local time) on Sunday."])
def test_a_day_after_a_time_in_brackets_is_still_the_days_of_the_time(rules: RuleSet, text: str) -> None:
    assert values_for(rules, "crash-time", text, "2023-11-13") == ["2023-11-12T19:40"]


def test_a_conversion_in_brackets_that_gives_another_moment_makes_the_article_contradict_itself(
        rules: RuleSet) -> None:
    wrong = finding_for(rules, [("The trams collided at 7.40pm (1940 GMT) on Sunday.", "2023-11-13")], "crash-time")
    assert wrong.status == "conflict"
    assert {s.value for s in wrong.statements} == {"2023-11-12T19:40", "20:40"}
    assert "contradicts itself" in wrong.message
    # A right conversion adds nothing, across midnight too.
    for text in ("The trams collided at 7.40pm (1840 GMT) on Sunday.",
                 "The trams collided at 12.20am local time (2320 GMT) on Sunday."):
        assert len(values_for(rules, "crash-time", text, "2023-11-13")) == 1, text


def test_a_bracket_that_says_more_than_the_converted_time_lends_no_day(rules: RuleSet) -> None:
    (item,) = statements_for(rules, "crash-time", "The trams collided at 12.30am (2330 GMT Sunday), police said.",
                             "2023-11-14")
    assert not str(item.value).startswith("2023-11-12")


def test_a_conversion_without_the_days_summer_time_is_not_held_against_the_time(rules: RuleSet) -> None:
    # Published the day after clocks went forward; the crash may have been before.
    assert len(values_for(rules, "crash-time", "The trams collided at 7.40pm (18:40 GMT), police said.",
                          "2023-03-27")) == 1


def test_without_a_zone_a_written_zone_is_kept_and_not_compared_with_an_unknown_one(rules: RuleSet) -> None:
    finding = finding_for(rules, [("The trams collided at 7:40 p.m. EST on Sunday.", "2023-11-13"),
                                  ("The trams collided at 9 p.m. on Sunday.", "2023-11-13")], "crash-time-loose")
    assert "2023-11-12T19:40 EST" in {s.value for s in finding.statements}
    assert finding.status != "conflict"


def test_a_tolerance_lets_nearby_times_agree(rules: RuleSet) -> None:
    near = finding_for(rules, [("The trams collided at 7:40 p.m. on Sunday.", "2023-11-13"),
                               ("The trams collided at 7:48 p.m. on Sunday.", "2023-11-13")], "crash-time-loose")
    assert near.status == "consistent"
    far = finding_for(rules, [("The trams collided at 7:40 p.m. on Sunday.", "2023-11-13"),
                              ("The trams collided at 8:10 p.m. on Sunday.", "2023-11-13")], "crash-time-loose")
    assert far.status == "conflict"


def test_the_time_of_a_telling_or_of_another_event_is_not_the_events(rules: RuleSet) -> None:
    assert values_for(rules, "crash-time", "The crash killed nine, officials said at 9 a.m. on Monday.",
                      "2023-11-14") == []
    assert values_for(rules, "shooting-time",
                      "A neighbour saw a van outside at 5:20 a.m., a week before Okafor was shot.", "2023-11-12") == []


def test_a_deadline_as_extended_is_read_only_by_a_claim_about_the_moved_deadline(rules: RuleSet) -> None:
    text = "The NTA extended its deadline until noon Friday."
    assert values_for(rules, "strike-deadline", text, "2023-11-14") == ["2023-11-17T12:00"]
    assert values_for(rules, "first-deadline", text, "2023-11-14") == []


def test_a_deadline_moved_after_an_earlier_report_is_a_warning(rules: RuleSet) -> None:
    finding = finding_for(rules, [("The NTA gave the strikers until 9 a.m. Friday to return.", "2023-11-14"),
                                  ("The NTA extended its deadline until noon Friday.", "2023-11-16")],
                          "strike-deadline")
    assert finding.status == "warning"
    assert "schedule may have changed" in finding.message


@pytest.mark.parametrize(("line", "wrong"), [('zone = "Mars/Olympus"', "no time zone"),
                                              ("tolerance = -5", "0 or more")])
def test_rules_check_names_a_bad_zone_or_tolerance_where_it_stands(tmp_path: Path, line: str, wrong: str) -> None:
    (tmp_path / "story.toml").write_text(
        '[[claims]]\nid = "crash-time"\nkind = "time"\nevent = "incident"\n' + line + "\n")
    result = CliRunner().invoke(main, ["rules", "check", str(tmp_path)])
    assert result.exit_code == 2
    assert "story.toml:5:" in result.output and wrong in result.output


def _clock_time(text: str) -> temporal.Timex:
    return next(t for t in temporal.tag(text, dt.date(2023, 11, 13)) if "T" in t.value)


@pytest.mark.parametrize("example", language.load("times")["around"]["examples"], ids=lambda ex: ex["text"])
def test_the_words_that_widen_a_clock_time(example: dict) -> None:
    assert time_kind.widening_words(example["text"], _clock_time(example["text"])) == example["words"]


@pytest.mark.parametrize("example", language.load("times")["zones"]["examples"], ids=lambda ex: ex["text"])
def test_the_zone_a_clock_time_is_written_in_and_not_the_one_in_brackets(example: dict) -> None:
    assert (time_kind.written_zone(example["text"], _clock_time(example["text"])) or "") == example["zone"]


def test_every_written_zone_is_a_zone_of_the_database() -> None:
    zones = {word: name for word, name in language.load("times")["zones"].items() if word != "examples"
             and not word.startswith("unknown_zone")}
    assert all(time_kind.zone_problem(name) is None for name in zones.values())
    assert time_kind.zone_problem("Mars/Olympus") is not None


@pytest.mark.parametrize("example", language.load("times")["clock"]["twelve_hour_examples"], ids=lambda ex: ex["text"])
def test_a_clock_time_without_am_or_pm_is_read_only_where_the_words_after_it_say_which(
        rules: RuleSet, example: dict) -> None:
    text = example["text"].replace("Quent", "Okafor")
    claim = "shooting-time" if "Okafor" in text else "crash-time"
    text = text if "Okafor" in text else text.replace("The ferry left", "The trams collided")
    values = [str(v).split("T")[-1] for v in values_for(rules, claim, text, "2023-11-12")]
    assert values == ([example["value"]] if example["value"] else [])


@pytest.mark.parametrize("example", language.load("times")["clock"]["range_examples"], ids=lambda ex: ex["text"])
def test_a_range_of_clock_times_is_read_whole(rules: RuleSet, example: dict) -> None:
    (item,) = statements_for(rules, "shooting-time", example["text"].replace("Quent", "Okafor"), "2023-11-12")
    assert (item.data.earliest, item.data.latest) == (
        time_kind._minutes(example["earliest"]), time_kind._minutes(example["latest"]))


def test_a_part_of_day_is_wide_enough_for_the_hours_the_news_gives_it(rules: RuleSet) -> None:
    for part, clock in [("late Friday night", "11:20 p.m. on Friday"), ("early Friday morning", "3:10 a.m. on Friday"),
                        ("late Friday afternoon", "6:05 p.m. on Friday"), ("Friday night", "1 a.m. Saturday")]:
        finding = finding_for(rules, [(f"Okafor was shot {part}.", "2023-11-12"),
                                      (f"Okafor was shot at {clock}.", "2023-11-12")], "shooting-time")
        assert finding.status == "consistent", (part, clock)


def test_midnight_is_either_end_of_its_day(rules: RuleSet) -> None:
    for other in ["12:10 a.m. on Friday", "11:55 p.m. on Friday"]:
        finding = finding_for(rules, [("Okafor was shot just after midnight on Friday.", "2023-11-12"),
                                      (f"Okafor was shot at {other}.", "2023-11-12")], "shooting-time")
        assert finding.status == "consistent", other


def test_a_time_that_names_a_thing_or_a_death_is_not_the_events(rules: RuleSet) -> None:
    assert values_for(rules, "crash-time", "The trams collided on Sunday as people boarded the 7:30 p.m. ferry.",
                      "2023-11-13") == []
    assert values_for(rules, "crash-time", "The 7:30 p.m. crash on Sunday shut the line.", "2023-11-13") == [
        "2023-11-12T19:30"]
    assert values_for(rules, "shooting-time", "Okafor was shot on Friday and died at 2:40 a.m. Saturday.",
                      "2023-11-12") == []
    assert values_for(rules, "shooting-time", "Okafor was shot at 9:15 p.m. on Friday and died on Saturday.",
                      "2023-11-12") == ["2023-11-10T21:15"]


def test_someone_of_the_persons_is_not_the_person(rules: RuleSet) -> None:
    assert values_for(rules, "shooting-time", "Okafor's driver was shot at 9:40 p.m. on Friday.", "2023-11-12") == []


def test_a_time_converted_without_its_day_allows_for_summer_time(rules: RuleSet) -> None:
    # published a day after the clocks went forward: the unknown day may have been before the change
    finding = finding_for(rules, [("Okafor was shot at 02:15 GMT, police said.", "2023-03-13"),
                                  ("Okafor was shot at 9:15 p.m. on Friday.", "2023-03-13")], "shooting-time")
    assert finding.status == "consistent"


def test_without_a_claim_zone_times_written_in_zones_are_compared_as_instants(rules: RuleSet) -> None:
    same = finding_for(rules, [("The trams collided at 10:35 a.m. EST.", "2023-11-13"),
                               ("The trams collided at 15:35 GMT.", "2023-11-13")], "crash-time-loose")
    assert same.status == "consistent"
    assert {s.value for s in same.statements} == {"10:35 EST", "15:35 GMT"}


def test_two_plans_that_differ_are_a_moved_deadline_not_a_conflict(rules: RuleSet) -> None:
    finding = finding_for(rules, [("The NTA gave the strikers until 9 a.m. Friday to return.", "2023-11-14"),
                                  ("Late on Tuesday the NTA extended its deadline until noon Friday.", "2023-11-14")],
                          "strike-deadline")
    assert finding.status == "warning"


@pytest.mark.parametrize("text", language.load("times")["clock"]["verb_before_examples"])
def test_a_clock_time_right_after_another_verb_is_that_verbs(rules: RuleSet, text: str) -> None:
    assert values_for(rules, "shooting-time", text.replace("the guard", "Okafor"), "2023-11-12") == []


@pytest.mark.parametrize("example", language.load("times")["clock"]["moments_apart_examples"],
                         ids=lambda ex: ex["text"])
def test_an_event_moments_after_another_shares_its_part_of_day(rules: RuleSet, example: dict) -> None:
    found = statements_for(rules, "shooting-time", example["text"].replace("Quent", "Okafor"), "2023-11-12")
    assert [item.value.split()[-1] for item in found] == ([example["value"]] if example["value"] else [])


@pytest.mark.parametrize("example", language.load("times")["zones"]["unknown_zone_examples"], ids=lambda ex: ex)
def test_a_zone_written_as_words_that_cannot_be_converted_is_named(example: str) -> None:
    assert time_kind.unknown_zone(example, _clock_time(example)) is not None


def test_a_time_in_a_zone_written_as_words_is_converted_or_left_uncompared(rules: RuleSet) -> None:
    finding = finding_for(rules, [("Okafor was shot at 1 p.m. British time on Friday.", "2023-11-12"),
                                  ("Okafor was shot at 8 a.m. on Friday.", "2023-11-12")], "shooting-time")
    assert finding.status == "consistent"  # 13:00 in London is 08:00 in the claim's New York in November
    assert statements_for(rules, "shooting-time", "Okafor was shot at 1 p.m. Valdoran time on Friday.",
                          "2023-11-12") == []




def test_an_old_date_in_the_subject_leaves_the_events_time_read(tmp_path: Path) -> None:
    (tmp_path / "r.toml").write_text('[entities.norvik]\nkind = "place"\nname = "Norvik"\n\n[[claims]]\n'
                                     'id = "release-time"\nkind = "time"\ncues = ["released"]\nsince = 2023-11-01\n')
    rules = load_rules(tmp_path)
    text = "Two aid workers kidnapped in Norvik last year were released at about 9 p.m. on Friday."
    assert [str(v) for v in values_for(rules, "release-time", text, "2023-11-12")] == ["~2023-11-10T21:00"]
    # An old date of the event's own clause is another time of it.
    assert values_for(rules, "release-time", "They were released in Norvik at 9 p.m. in 2019.", "2023-11-12") == []
