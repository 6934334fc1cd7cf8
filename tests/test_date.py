"""Date claims: attaching a day to the right event, carrying it over, bounds and plans, and comparing days, on a
made-up story (tests/data/summit-rules)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import finding_for, rules_of, statements_for, values_for

from factcheck.rules.load import load_rules

# 2023-03-14 is a Tuesday.


def test_a_date_belongs_to_the_event_of_its_clause_and_a_linked_event_only_gets_a_bound(summit_rules) -> None:
    text = "The prime minister landed in Port Elm late Thursday after talks with Chancellor Brandt in Valdora City."
    assert values_for(summit_rules, "brandt-meeting-date", text, "2023-03-17") == ["<2023-03-16"]
    (item,) = statements_for(summit_rules, "brandt-meeting-date", text, "2023-03-17")
    assert "on or before 2023-03-16" in item.explanation


def test_an_event_before_a_dated_one_is_bounded_from_below(summit_rules) -> None:
    text = "Castellano will have lunch on Friday with the trade minister before being received by Brandt."
    assert values_for(summit_rules, "brandt-meeting-date", text, "2023-03-14") == [">2023-03-17"]


def test_a_sentence_without_a_date_takes_the_date_the_previous_one_set_for_the_place(summit_rules) -> None:
    text = "Castellano is set to travel to Valdora City on March 20. Castellano will meet Matthias Brandt for lunch."
    (item,) = statements_for(summit_rules, "brandt-meeting-date", text, "2023-03-14")
    assert item.value == "2023-03-20"
    assert "carried over from the previous sentence" in item.explanation


def test_no_date_is_carried_over_from_a_sentence_that_tells_the_event_itself(summit_rules) -> None:
    text = ("Castellano left Valdora City on Thursday, a day after Wednesday's meeting with Brandt. "
            "The meeting with Brandt ended without a statement.")
    assert values_for(summit_rules, "brandt-meeting-date", text, "2023-03-17") == ["2023-03-15"]


def test_a_sentence_with_dates_of_its_own_takes_nothing_over(summit_rules) -> None:
    text = ("Castellano is set to travel to Valdora City on March 20. "
            "On March 19 she will meet the governor, and she will later meet Brandt.")
    assert "2023-03-20" not in values_for(summit_rules, "brandt-meeting-date", text, "2023-03-14")


def test_a_relative_clause_gives_its_date_to_the_event_noun_before_it(summit_rules) -> None:
    text = "Castellano's planned meeting with Brandt, which is scheduled for Friday, March 17, drew criticism."
    assert values_for(summit_rules, "brandt-meeting-date", text, "2023-03-14") == ["2023-03-17"]


def test_pronoun_continues_the_subject_of_the_previous_sentence(summit_rules) -> None:
    text = "Castellano arrived on Monday. On Thursday, she will then travel on to meet Chancellor Matthias Brandt."
    assert values_for(summit_rules, "brandt-meeting-date", text, "2023-03-14") == ["2023-03-16"]


@pytest.mark.parametrize("second,dates", [
    ("Her flight arrived in Valdora City on Tuesday.", ["2023-03-14"]),  # her thing: still her arrival
    ("Her arrival in Valdora City on Tuesday was delayed.", ["2023-03-14"]),
    ("Her aide arrived in Valdora City on Tuesday.", []),  # someone of hers: the aide's arrival
    ("Her chief of staff arrived in Valdora City on Tuesday.", []),
    ("Her counterpart, Chancellor Matthias Brandt, arrived in Valdora City on Tuesday.", []),  # another is named
])
def test_a_sentence_opening_with_a_possessive_goes_on_about_the_person_before(summit_rules, second: str,
                                                                               dates: list[str]) -> None:
    text = f"Castellano left Lisbon on Monday. {second}"
    assert values_for(summit_rules, "valdora-arrival-date", text, "2023-03-14") == dates


def test_someone_elses_meeting_is_not_the_subjects(summit_rules) -> None:
    text = "On Monday, Norvik's President Adaeze Okafor met Chancellor Brandt in Valdora City."
    assert values_for(summit_rules, "brandt-meeting-date", text, "2023-03-14") == []


def test_an_arrival_needs_the_place_as_destination_not_origin(summit_rules) -> None:
    assert values_for(summit_rules, "valdora-arrival-date",
                      "Castellano flew from Valdora City to Port Elm on Monday.", "2023-03-14") == []
    assert values_for(summit_rules, "valdora-arrival-date",
                      "Castellano flew from Lisbon to Valdora City on Monday.", "2023-03-14") == ["2023-03-13"]


def test_statements_said_twice_in_one_article_count_once(summit_rules) -> None:
    text = ("Castellano will be received by Brandt on 17 March. "
            "Quoted on social media: Castellano will be received by Brandt on 17 March.")
    assert values_for(summit_rules, "brandt-meeting-date", text, "2023-03-14") == ["2023-03-17"]


def test_dates_that_cannot_be_the_same_day_conflict(summit_rules) -> None:
    finding = finding_for(summit_rules, [
        ("Castellano met Brandt on Monday, March 13.", "2023-03-15"),
        ("Castellano met Brandt on Tuesday, March 14.", "2023-03-15"),
    ], "brandt-meeting-date")
    assert finding.status == "conflict"
    assert [(g.value, g.articles) for g in finding.values] == [("2023-03-13", ("a0",)), ("2023-03-14", ("a1",))]


def test_a_bound_agrees_with_any_day_inside_it(summit_rules) -> None:
    finding = finding_for(summit_rules, [
        ("Castellano met Brandt on Monday, March 13.", "2023-03-15"),
        ("Castellano landed in Port Elm late Tuesday after talks with Brandt.", "2023-03-15"),
    ], "brandt-meeting-date")
    assert finding.status == "consistent"


def test_a_plan_published_earlier_than_a_report_is_a_warning_not_a_conflict(summit_rules) -> None:
    finding = finding_for(summit_rules, [
        ("Castellano will meet Brandt on Friday, March 17.", "2023-03-10"),
        ("Castellano met Brandt on Thursday, March 16.", "2023-03-20"),
    ], "brandt-meeting-date")
    assert finding.status == "warning"
    assert "schedule may have changed" in finding.message


def test_statement_evidence_points_at_the_matched_words(summit_rules) -> None:
    text = "Header line.\n\nCastellano will hold talks with Chancellor Matthias Brandt on Friday."
    (item,) = statements_for(summit_rules, "brandt-meeting-date", text, "2023-03-14")
    assert (item.line, item.column) == (3, text.splitlines()[2].index("hold talks") + 1)
    assert item.text == "hold talks with Chancellor Matthias Brandt on Friday"
    assert item.quote == "Castellano will hold talks with Chancellor Matthias Brandt on Friday."
    assert dt.date.fromisoformat(item.value) == dt.date(2023, 3, 17)


def test_a_parenthetical_relative_clause_keeps_its_date_to_itself(summit_rules) -> None:
    text = "Chancellor Brandt, who arrived on Monday, will meet Castellano on Friday, March 17."
    assert values_for(summit_rules, "brandt-meeting-date", text, "2023-03-14") == ["2023-03-17"]


def test_an_event_that_did_not_happen_states_no_date(summit_rules) -> None:
    text = "Castellano did not meet Brandt on Monday."
    assert values_for(summit_rules, "brandt-meeting-date", text, "2023-03-14") == []
    assert values_for(summit_rules, "brandt-meeting-date",
                      "Castellano's meeting with Brandt on Friday was cancelled.", "2023-03-14") == []


def test_coordinated_clauses_keep_their_own_dates_and_tenses(summit_rules) -> None:
    text = "Castellano arrived in Valdora City on Sunday and is due to meet Brandt on Friday."
    assert values_for(summit_rules, "valdora-arrival-date", text, "2023-03-15") == ["2023-03-12"]
    assert values_for(summit_rules, "brandt-meeting-date", text, "2023-03-15") == ["2023-03-17"]


def test_an_event_told_as_a_noun_goes_on_about_the_subject_of_the_sentence_before(summit_rules) -> None:
    text = "From Valdora City, Castellano will head north. A meeting with Chancellor Brandt is planned for March 20."
    assert values_for(summit_rules, "brandt-meeting-date", text, "2023-03-14") == ["2023-03-20"]
    someone_else = ("Castellano will head north. Norvik's envoy Lars Moen met Chancellor Brandt on Monday.")
    assert values_for(summit_rules, "brandt-meeting-date", someone_else, "2023-03-14") == []


@pytest.mark.parametrize("text", [
    "Castellano hopes to sit down with Brandt on Friday, diplomats said.",
    "Castellano aims to meet Brandt on Friday.",
    "Castellano heads to Valdora City on Friday to meet Brandt.",
])
def test_an_intention_or_a_trip_told_in_the_present_is_a_plan(summit_rules, text: str) -> None:
    """Published on a Tuesday, the Friday is the one ahead, and the statement is a plan."""
    (item,) = statements_for(summit_rules, "brandt-meeting-date", text, "2023-03-14")
    assert item.value == "2023-03-17" and item.extra["modality"] == "planned"


def test_a_sentence_placed_by_a_month_of_its_own_takes_no_day_over(summit_rules) -> None:
    text = ("Castellano is set to travel to Valdora City on March 20. "
            "Castellano met Matthias Brandt briefly at a forum in Valdora City last January.")
    # The month it gives is read as a month; the day of the sentence before is not taken over.
    assert values_for(summit_rules, "brandt-meeting-date", text, "2023-03-14") == ["2023-01"]


def test_a_relative_clause_is_background_and_takes_no_day_over(summit_rules) -> None:
    text = ("Castellano will hold talks in Valdora City on March 20. "
            "Castellano, who arrived in Valdora City from the coast, said the trip had been useful.")
    assert values_for(summit_rules, "valdora-arrival-date", text, "2023-03-21") == []


@pytest.mark.parametrize("text", [
    "Castellano will arrive in Valdora City on Friday for the last leg of the trip.",
    "Castellano plans to arrive in Valdora City on Friday to discuss a stalled trade agreement.",
])
def test_words_that_only_look_past_leave_a_plan_a_plan(summit_rules, text: str) -> None:
    """'the last leg' is not 'last week'; 'a stalled agreement' is an adjective, not a past tense."""
    (item,) = statements_for(summit_rules, "valdora-arrival-date", text, "2023-03-14")
    assert item.value == "2023-03-17" and item.extra["modality"] == "planned"


def test_a_possessive_her_is_not_the_previous_sentences_person(summit_rules) -> None:
    text = ("Castellano left the coast on Monday. "
            "Brandt will fly to Valdora City on Friday for her first visit there.")
    assert values_for(summit_rules, "valdora-arrival-date", text, "2023-03-14") == []


def test_made_her_way_is_an_arrival(summit_rules) -> None:
    assert values_for(summit_rules, "valdora-arrival-date", "Castellano made her way to Valdora City late on Monday.",
                      "2023-03-15") == ["2023-03-13"]


def test_an_arrival_does_not_take_the_date_of_what_happened_at_its_destination(summit_rules) -> None:
    text = ("On Tuesday, Brandt hosted Castellano for lunch in Valdora City. "
            "From Lisbon, Castellano flew on to Valdora City.")
    assert values_for(summit_rules, "valdora-arrival-date", text, "2023-03-17") == []


def test_a_date_in_the_possessive_dates_its_own_noun(summit_rules) -> None:
    text = "Castellano's arrival in Valdora City was the first topic of Sunday evening's debate on the budget."
    assert values_for(summit_rules, "valdora-arrival-date", text, "2023-03-14") == []
    assert values_for(summit_rules, "brandt-meeting-date",
                      "Castellano said Monday's talks with Brandt in Valdora City went well.",
                      "2023-03-14") == ["2023-03-13"]


def test_a_time_of_day_alone_gives_no_day_to_a_flashback(summit_rules) -> None:
    text = ("Castellano met Brandt in Valdora City on Monday. Castellano had landed in Valdora City at 10 p.m., "
            "aides said.")
    assert values_for(summit_rules, "valdora-arrival-date", text, "2023-03-14") == []
    assert values_for(summit_rules, "valdora-arrival-date", "Castellano landed in Valdora City at 10 p.m. Sunday.",
                      "2023-03-14") == ["2023-03-12"]


def test_an_event_only_offered_or_one_of_several_states_no_date(summit_rules) -> None:
    assert values_for(summit_rules, "valdora-arrival-date",
                      "Castellano has offered to fly to Valdora City alone today, aides said.", "2023-03-14") == []
    assert values_for(summit_rules, "brandt-meeting-date",
                      "Castellano will hold new talks with Brandt in Valdora City on Friday.", "2023-03-14") == []
    assert values_for(summit_rules, "brandt-meeting-date",
                      "Castellano will hold talks with Brandt in Valdora City on Friday.",
                      "2023-03-14") == ["2023-03-17"]


def test_a_date_in_the_possessive_of_the_event_word_is_its_date_after_a_verb_of_saying_too(tmp_path) -> None:
    (tmp_path / "van.toml").write_text(
        '[entities.ortiz]\nname = "Lena Ortiz"\nvariants = ["Ortiz"]\n'
        '[[claims]]\nid = "van-found-date"\nkind = "date"\ncues = ["finding of (a|the) ([\\\\w-]+ )?van"]\n')
    rules = load_rules(tmp_path)
    text = "Officials said nothing of Ortiz but said on Friday that last month's finding of a burnt-out van was key."
    assert values_for(rules, "van-found-date", text, "2023-04-20") == ["2023-03"]


_INVITATION_RULES = """
[entities.okafor]
kind = "person"
name = "Lena Okafor"
variants = ["Okafor"]

[[claims]]
id = "invitation-date"
kind = "date"
title = "Day Okafor sent the invitation"
who = "okafor"
cues = ["invited"]
examples = [
  { text = "Okafor invited the envoys on Monday.", published = "2024-04-10", value = "2024-04-08" },
  { text = "Okafor spoke on Monday.", published = "2024-04-10", expect = "nothing" },
]
"""


@pytest.mark.parametrize("text,dates", [
    ("On Monday, Okafor invited the envoys to a banquet on May 4.", ["2024-04-08"]),  # the banquet's is May 4
    ("Okafor invited the envoys to attend the banquet at the Harbour Palace on May 4.", []),
    ("Okafor invited the envoys to the banquet in a telephone call on Monday.", ["2024-04-08"]),  # the call's day
])
def test_the_day_of_an_invitation_is_not_the_day_of_the_occasion_it_asks_to(tmp_path: Path, text: str,
                                                                             dates: list[str]) -> None:
    assert values_for(rules_of(tmp_path, _INVITATION_RULES), "invitation-date", text, "2024-04-10") == dates


_BLAST_RULES = """
[entities.harbour]
kind = "place"
name = "Harbour Town"

[[claims]]
id = "blast-date"
kind = "date"
title = "Day of the Harbour Town blast"
event = "incident"
place = "harbour"
"""


@pytest.mark.parametrize("text,dates", [
    # The event word is the subject of a verb of happening: the clause's date is the event's.
    ("Twelve people have died since a bomb ripped through a market in Harbour Town on Friday morning.",
     ["2024-05-03"]),
    # ... but not a date after a verb of its own after it.
    ("A guard who fired at the gate of the Harbour Town depot moments before the car bomb exploded was named on "
     "Thursday.", []),
])
def test_an_event_word_that_is_the_subject_of_a_verb_of_happening(tmp_path: Path, text: str,
                                                                   dates: list[str]) -> None:
    assert values_for(rules_of(tmp_path, _BLAST_RULES), "blast-date", text, "2024-05-04") == dates


_ELECTION_RULES = """
[entities.marlow]
kind = "place"
name = "Marlow Falls"

[[claims]]
id = "election-date"
kind = "date"
title = "Day of the Marlow Falls election"
cues = ["election", "polls"]
"""


@pytest.mark.parametrize("text", [
    "The election in Marlow Falls is on Tuesday.",
    "Voters in Marlow Falls go to the polls Tuesday.",
    "The Marlow Falls election is due Tuesday.",
])
def test_a_schedule_told_in_the_present_is_the_coming_weekday(tmp_path: Path, text: str) -> None:
    # 2025-06-09 is a Monday: the Tuesday of a schedule is the next day, not last week's.
    (item,) = statements_for(rules_of(tmp_path, _ELECTION_RULES), "election-date", text, "2025-06-09")
    assert (item.value, item.data.planned) == ("2025-06-10", True)


def test_an_event_word_inside_a_things_name_tells_no_event(tmp_path: Path) -> None:
    rules = rules_of(tmp_path, _BLAST_RULES + '\n[entities.tamsin]\nkind = "thing"\nname = "Cyclone Tamsin"\n')
    fled = "Thousands fled Harbour Town on Monday as Cyclone Tamsin churned towards the coast."
    assert values_for(rules, "blast-date", fled, "2024-05-08") == []
    assert values_for(rules, "blast-date", "Cyclone Tamsin struck Harbour Town on Monday.", "2024-05-08") == \
        ["2024-05-06"]


def test_a_moment_given_in_two_zones_on_two_days_is_either_day(tmp_path: Path) -> None:
    text = "The cyclone struck Harbour Town at 2:30 p.m. EDT Monday (2:30 a.m. Tuesday local time)."
    (item,) = statements_for(rules_of(tmp_path, _BLAST_RULES), "blast-date", text, "2024-05-08")
    assert item.value == "2024-05-06/2024-05-07"
    agreeing = finding_for(rules_of(tmp_path, _BLAST_RULES), [
        (text, "2024-05-08"), ("The cyclone struck Harbour Town early on Tuesday.", "2024-05-08")], "blast-date")
    assert agreeing.status == "consistent"


_VISIT_RULES = """
[entities.dioso]
kind = "person"
name = "Amara Dioso"
variants = ["Dioso"]

[entities.quill]
kind = "place"
name = "Port Quill"

[[claims]]
id = "visit-date"
kind = "date"
title = "Day Dioso visits Port Quill"
who = "dioso"
event = "visit"
place = "quill"
"""


@pytest.mark.parametrize("text,dates", [
    ("Amara Dioso said her brother would visit Port Quill on Friday.", []),  # someone of hers does it
    ("Amara Dioso said she would visit Port Quill on Friday.", ["2025-08-15"]),
    ("Amara Dioso and her aides will visit Port Quill on Friday.", ["2025-08-15"]),  # with them
])
def test_an_event_whose_subject_is_someone_of_the_persons_is_not_theirs(tmp_path: Path, text: str,
                                                                        dates: list[str]) -> None:
    assert values_for(rules_of(tmp_path, _VISIT_RULES), "visit-date", text, "2025-08-12") == dates


@pytest.mark.parametrize("text,dates", [
    # The date of another verb: a relative clause on the subject, a 'when' clause of a participle.
    ("Families who lost relatives in the Harbour Town blast met the mayor on Tuesday.", []),
    ("Mourners laid flowers on Tuesday for the 12 people killed when the bomb in Harbour Town exploded.", []),
    # A crash told in a 'where' clause came before or after the arrival, as the story goes: no bound.
    ("Investigators arrived on Monday at the square in Harbour Town where the bomb exploded.", []),
    # The event's own date still: "when" right after the date lends it.
    ("The mayor was in Harbour Town on Tuesday when the bomb exploded.", ["2024-05-07"]),
])
def test_a_date_of_another_verb_around_the_event_is_not_its_date(tmp_path: Path, text: str,
                                                                  dates: list[str]) -> None:
    assert values_for(rules_of(tmp_path, _BLAST_RULES), "blast-date", text, "2024-05-08") == dates


def test_a_sentence_about_an_earlier_event_named_by_its_year_dates_nothing(tmp_path: Path) -> None:
    rules = rules_of(tmp_path, _BLAST_RULES)
    for text in ["The 2019 blast in Harbour Town, which killed 12 people, struck on a Friday.",
                 "The Harbour Town blast of 2019, which killed 12 people, struck on a Friday."]:
        assert values_for(rules, "blast-date", text, "2024-05-08") == [], text
    assert values_for(rules, "blast-date", "The blast in Harbour Town struck on Friday.", "2024-05-08") == \
        ["2024-05-03"]


_RELEASE_RULES = """
[entities.arvela]
kind = "place"
name = "Arvela"

[[claims]]
id = "release-date"
kind = "date"
title = "Day the hostages were freed"
cues = ["released", "freed", "flew home"]
place = "arvela"
"""


@pytest.mark.parametrize("text,dates", [
    # A year of another verb before the event verb is no earlier event of the claim's kind.
    ("Two aid workers kidnapped last year were released in Arvela on Saturday.", ["2025-03-15"]),
    # "after seven months" says how long, not what came before: the day is the flight's own.
    ("Two aid workers freed after seven months as hostages flew home to Arvela on Sunday.", ["2025-03-16"]),
])
def test_a_year_or_a_stretch_of_another_verb_leaves_the_event_its_day(tmp_path: Path, text: str,
                                                                        dates: list[str]) -> None:
    assert values_for(rules_of(tmp_path, _RELEASE_RULES), "release-date", text, "2025-03-17") == dates


_SHOOTING_RULES = """
[entities.varga]
kind = "person"
name = "Lena Varga"
variants = ["Varga"]

[entities.holt]
kind = "person"
name = "Mark Holt"

[[claims]]
id = "shooting-date"
kind = "date"
title = "Day Varga was shot"
who = "varga"
cues = ["shot", "bullet"]
"""


@pytest.mark.parametrize("second,dates", [
    # the person as the place of what happens, through a possessive after a preposition
    ("But nothing stopped the bullet that crashed through her window on Monday.", ["2023-03-13"]),
    ("A bullet lodged in her shoulder on Monday.", ["2023-03-13"]),
    ("Police said a man shot at her lawyer on Monday.", []),  # someone of hers
    ("Mark Holt said a bullet went through his window on Monday.", []),  # another person is his likelier owner
    ("A bullet was fired on Monday.", []),  # no pronoun: not about her
])
def test_a_possessive_after_a_preposition_goes_on_about_the_person_before(tmp_path: Path, second: str,
                                                                          dates: list[str]) -> None:
    rules = rules_of(tmp_path, _SHOOTING_RULES)
    text = f"Lena Varga had received threats for years. {second}"
    assert values_for(rules, "shooting-date", text, "2023-03-15") == dates


def test_an_event_told_by_a_participle_on_the_subject_is_bounded_by_the_clauses_own_verb(tmp_path) -> None:
    rules = rules_of(tmp_path, """
[[claims]]
id = "release-date"
kind = "date"
title = "Release of the hostages"
cues = ["freed", "released"]
""")
    assert values_for(rules, "release-date", "Three hostages freed after months in captivity flew home on Sunday.",
                      "2023-03-14") == ["<2023-03-12"]
    assert values_for(rules, "release-date", "Three hostages freed on Friday flew home on Sunday.",
                      "2023-03-14") == ["2023-03-10"]
    assert values_for(rules, "release-date", "Rebels freed three hostages on Sunday.", "2023-03-14") == ["2023-03-12"]


def test_a_conflict_sets_the_odd_day_out_against_the_days_that_agree(summit_rules) -> None:
    finding = finding_for(summit_rules, [
        ("Castellano met Matthias Brandt in Valdora City on March 16.", "2023-03-20"),
        ("The prime minister landed in Port Elm late Thursday after talks with Chancellor Brandt in Valdora City.",
         "2023-03-20"),
        ("Castellano met Matthias Brandt in Valdora City on March 18.", "2023-03-20"),
    ], "brandt-meeting-date")
    assert finding.status == "conflict"
    assert "2023-03-18 (1 source: a2) against 2023-03-16 (1 source: a0), <2023-03-16 (1 source: a1)" in finding.message


def test_a_trip_told_in_the_present_with_a_weekday_is_a_plan(summit_rules) -> None:
    # 2023-03-14 is a Tuesday: "flies ... on Friday" is this week's Friday, not last week's
    assert values_for(summit_rules, "valdora-arrival-date", "Castellano flies to Valdora City on Friday.",
                      "2023-03-14") == ["2023-03-17"]
    assert values_for(summit_rules, "valdora-arrival-date", "Castellano flew to Valdora City on Friday.",
                      "2023-03-14") == ["2023-03-10"]


def test_a_clause_that_goes_on_to_someones_saying_is_no_trailing_attribution(summit_rules) -> None:
    text = ("Castellano arrived in Valdora City on Friday, meeting Brandt and the ministers who said the talks went "
            "well.")
    assert values_for(summit_rules, "brandt-meeting-date", text, "2023-03-20") == ["2023-03-17"]


def test_a_meeting_with_someone_else_in_the_sentence_before_still_lends_its_date(summit_rules) -> None:
    text = "Castellano was in Valdora City on Tuesday, where she met the governor. She also met Brandt."
    assert values_for(summit_rules, "brandt-meeting-date", text, "2023-03-16") == ["2023-03-14"]
