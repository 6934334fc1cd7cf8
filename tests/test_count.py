"""Count claims: a figure of the claim's noun and event, its as-of date, and comparing figures that may grow, on
made-up stories (tests/data/summit-rules and a quake's rules below)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DATA, finding_for, rules_of, statements_for, values_for

from factcheck.claims import RuleSet
from factcheck.readers import counts
from factcheck.rules.load import load_rules

_QUAKE_RULES = """
[entities.ister]
kind = "place"
name = "Ister Valley"
aliases = ["Korvel"]

[entities.mekhta]
kind = "person"
name = "Irina Mekhta"
variants = ["Mekhta"]

[[claims]]
id = "quake-toll"
kind = "count"
title = "People killed in the Ister Valley earthquake"
counted = ["people", "dead", "victims", "toll", "deaths"]
event = "killed"
place = "ister"
since = "2023-11-12"
cumulative = true
examples = [
  { text = "At least 25 people were killed in Ister Valley.", published = "2023-11-13", value = ">=25" },
  { text = "More than 300 soldiers were sent to Korvel.", published = "2023-11-13", expect = "nothing" },
]
"""


@pytest.fixture(scope="module")
def quake_rules(tmp_path_factory) -> RuleSet:
    return rules_of(tmp_path_factory.mktemp("quake-rules"), _QUAKE_RULES, "quake.toml")


def test_counts_need_the_counted_noun_and_the_event_and_no_other_place(summit_rules) -> None:
    assert values_for(summit_rules, "flood-death-toll",
                      "Nearly 2,800 people have been killed in Norvik since the rains began.",
                      "2023-03-14") == ["<2800"]
    assert values_for(summit_rules, "flood-death-toll",
                      "About 1,000 people have sought refuge in schools.", "2023-03-14") == []
    assert values_for(summit_rules, "flood-death-toll",
                      "At least 90 people were killed in Harbour Town, a separate disaster.", "2023-03-14") == []


def test_count_as_of_date_comes_from_its_clause(summit_rules) -> None:
    (item,) = statements_for(summit_rules, "flood-death-toll",
                             "On Monday officials said 41 people had been killed in Norvik.", "2023-03-15")
    assert item.extra["as_of"] == "2023-03-13"


def test_a_cumulative_count_may_grow_but_not_shrink(summit_rules) -> None:
    grows = finding_for(summit_rules, [("At least 41 people were killed in Norvik.", "2023-03-14"),
                                    ("Nearly 60 people have been killed in Norvik.", "2023-03-16")], "flood-death-toll")
    assert grows.status == "consistent"
    shrinks = finding_for(summit_rules, [("More than 60 people were killed in Norvik.", "2023-03-14"),
                                      ("Fewer than 40 people have been killed in Norvik.", "2023-03-16")],
                       "flood-death-toll")
    assert shrinks.status == "conflict"


def test_same_day_figures_of_a_toll_that_differ_are_a_warning_since_it_may_grow_within_the_day(summit_rules) -> None:
    finding = finding_for(summit_rules, [("About 40 people were killed in Norvik.", "2023-03-14"),
                                      ("About 90 people were killed in Norvik.", "2023-03-14")], "flood-death-toll")
    assert finding.status == "warning"
    assert "may grow within a day" in finding.message


def test_same_day_counts_that_do_not_grow_must_overlap(tmp_path) -> None:
    rules = rules_of(tmp_path, """
[[claims]]
id = "aboard"
kind = "count"
title = "People aboard the ferry"
counted = ["passengers", "people"]
event = "rescue"
cues = ["aboard", "on board"]
""")
    finding = finding_for(rules, [("The ferry had 120 passengers aboard.", "2023-03-14"),
                                  ("The ferry had 160 passengers aboard.", "2023-03-14")], "aboard")
    assert finding.status == "conflict"


def test_a_figure_after_its_noun_behind_a_verb_of_totals(summit_rules) -> None:
    text = "The number of people killed by the floods in Norvik has risen to 58, officials said."
    assert values_for(summit_rules, "flood-death-toll", text, "2023-03-15") == ["58"]


def test_figures_of_another_time_or_a_separate_event_are_not_read(summit_rules) -> None:
    assert values_for(summit_rules, "flood-death-toll",
                      "In 2011, 12 people were killed in Norvik by a similar flood.", "2023-03-15") == []
    assert values_for(summit_rules, "flood-death-toll",
                      "Three people were killed in a separate accident on the coast road.", "2023-03-15") == []


def test_an_article_that_contradicts_itself_is_named(summit_rules) -> None:
    finding = finding_for(summit_rules, [
        ("In all, 41 people were killed in Norvik. Flags flew for the 61 people killed in Norvik.", "2023-03-14"),
    ], "flood-death-toll")
    assert finding.status == "conflict"
    assert "a0 contradicts itself" in finding.message


def test_a_figure_belongs_to_the_event_word_nearest_it(summit_rules) -> None:
    text = "The floods displaced 14,000 people and killed 212 people in Norvik."
    assert values_for(summit_rules, "flood-death-toll", text, "2023-03-15") == ["212"]


def test_earlier_figures_and_parts_are_not_the_total(summit_rules) -> None:
    assert values_for(summit_rules, "flood-death-toll",
                      "212 people have been killed in Norvik, up from 180 people a week earlier.",
                      "2023-03-15") == ["212"]
    assert values_for(summit_rules, "flood-death-toll",
                      "Floods killed 212 people, including 40 people in the capital.", "2023-03-15") == ["212"]


@pytest.mark.parametrize("text,value,as_of", [
    ("The fire service raised the toll to 31 on Tuesday.", "31", "2023-11-14"),
    # the quake in the toll's own phrase says what the toll is of; it is no other event the figure belongs to
    ("A rescuer died on Wednesday, bringing the toll from Sunday's quake to 33.", "33", "2023-11-15"),
    # a live page's update opens with its clock time, which is no figure
    ("14.25 - Thirty-three people are now known to have been killed in the quake.", "33", "2023-11-15"),
    ("Officials put the death toll at more than 30 in Ister Valley.", ">30", "2023-11-15"),
    ("The toll climbed to 32 as rescuers reached the last villages near Korvel.", "32", "2023-11-15"),
    ("With at least 30 people dead, it is the worst disaster to hit Ister Valley since 1998.", ">=30", "2023-11-15"),
    # The day the quake struck is the day of the figure when the figure comes first; after "since" it is the start.
    ("The death toll rose to 22 on 12 November, officials said.", "22", "2023-11-12"),
    ("At least 30 people have been killed since the quake struck Korvel on 12 November.", ">=30", "2023-11-15"),
    # the people a disaster drove from their homes are no toll, in the same clause as the dead
    ("The quake killed 30 people and forced 3,000 people from their homes in Ister Valley.", "30", "2023-11-15"),
])
def test_death_tolls_as_news_words_them(quake_rules, text: str, value: str, as_of: str) -> None:
    (item,) = statements_for(quake_rules, "quake-toll", text, "2023-11-15")
    assert (item.value, item.data.as_of.isoformat()) == (value, as_of)


_TWO_PROVINCES_RULES = """
[entities.valdora]
kind = "place"
name = "Valdora"
aliases = ["Port Ostrel"]

[entities.norvik]
kind = "place"
name = "Norvik"

[entities.provinces]
kind = "place"
name = "the two provinces"
aliases = ["Valdora and Norvik", "Norvik and Valdora"]

[[claims]]
id = "total-toll"
kind = "count"
title = "People killed by the floods in both provinces"
counted = ["people", "dead"]
event = "killed"
place = "provinces"

[[claims]]
id = "norvik-toll"
kind = "count"
title = "People killed by the floods in Norvik"
counted = ["people", "dead"]
event = "killed"
place = "norvik"

[[claims]]
id = "tourist-toll"
kind = "count"
title = "Tourists killed by the floods"
counted = ["tourists", "foreigners"]
event = "killed"

[[claims]]
id = "ferry-toll"
kind = "count"
title = "People killed when the ferry sank"
counted = ["people", "others", "dead"]
event = "killed"
cues = ["drowned"]
"""


@pytest.fixture(scope="module")
def provinces(tmp_path_factory) -> RuleSet:
    return rules_of(tmp_path_factory.mktemp("provinces-rules"), _TWO_PROVINCES_RULES, "floods.toml")


def test_a_figure_of_one_place_is_not_the_whole_and_the_whole_is_not_one_place(provinces) -> None:
    one = "The floods killed 40 people in Norvik and its villages."
    assert (values_for(provinces, "norvik-toll", one, "2023-03-14"),
            values_for(provinces, "total-toll", one, "2023-03-14")) == (["40"], [])
    both = "The floods in Valdora and Norvik have killed 52 people, officials said."
    assert (values_for(provinces, "norvik-toll", both, "2023-03-14"),
            values_for(provinces, "total-toll", both, "2023-03-14")) == ([], ["52"])
    apart = "The river burst its banks in Port Ostrel and later in Norvik, killing 52 people."
    assert values_for(provinces, "total-toll", apart, "2023-03-14") == ["52"]


def test_a_figure_that_names_no_place_is_the_wholes_unless_one_event_is_told(provinces) -> None:
    assert values_for(provinces, "total-toll", "The floods have killed 61 people.", "2023-03-14") == ["61"]
    assert values_for(provinces, "norvik-toll", "The floods have killed 61 people.", "2023-03-14") == []
    assert values_for(provinces, "total-toll", "The dam burst, and the flood killed 33 people.", "2023-03-14") == []


def test_a_figure_takes_the_place_its_paragraph_named_last(provinces) -> None:
    text = "The dam above Norvik gave way on Monday night. At least 33 people were killed there, police said."
    assert values_for(provinces, "norvik-toll", text, "2023-03-14") == [">=33"]
    assert values_for(provinces, "total-toll", text, "2023-03-14") == []


def test_a_figure_of_others_counts_the_people_named_with_it(provinces) -> None:
    assert values_for(provinces, "ferry-toll", "His wife and 11 others drowned when the ferry sank.",
                      "2023-03-14") == ["12"]
    assert values_for(provinces, "ferry-toll", "The captain, a deckhand and 17 other people drowned.",
                      "2023-03-14") == ["19"]
    assert values_for(provinces, "ferry-toll", "She drowned along with 17 others.", "2023-03-14") == [">=18"]


def test_a_figure_with_no_noun_before_the_event_verb_counts_people(provinces) -> None:
    assert values_for(provinces, "ferry-toll", "At least 19 were killed and 40 hurt.", "2023-03-14") == [">=19"]
    assert values_for(provinces, "ferry-toll", "The insurer paid 19 death claims.", "2023-03-14") == []


def test_a_part_of_a_figure_is_the_figure_of_a_claim_that_counts_the_part(provinces) -> None:
    assert values_for(provinces, "tourist-toll", "The floods killed 61 people, including 12 tourists.",
                      "2023-03-14") == ["12"]
    assert values_for(provinces, "tourist-toll", "More than 60 died, eight of them tourists.", "2023-03-14") == ["8"]
    assert values_for(provinces, "tourist-toll", "The floods killed 40 tourists, including 12 tourists from Varna.",
                      "2023-03-14") == ["40"]


def test_a_figure_whose_noun_is_left_out_takes_the_noun_of_the_figure_before_it(provinces) -> None:
    text = "The floods killed 31 people in Valdora and 9 in Norvik."
    assert values_for(provinces, "norvik-toll", text, "2023-03-14") == ["9"]
    assert values_for(provinces, "ferry-toll", "The ferry sank and killed 12 people and injured 40.",
                      "2023-03-14") == ["12"]
    assert values_for(provinces, "ferry-toll", "The storm that sank the ferry killed 12.", "2023-03-14") == ["12"]


def test_a_whole_told_as_its_parts_is_their_sum(provinces) -> None:
    (item,) = statements_for(provinces, "total-toll", "The floods killed 31 people in Valdora and 9 in Norvik.",
                             "2023-03-14")
    assert item.value == "40"
    assert "the sum of its parts: 31 (Valdora) + 9 (Norvik)" in item.explanation
    assert values_for(provinces, "total-toll", "The floods killed more than 31 people in Valdora and 9 in Norvik.",
                      "2023-03-14") == [">40"]
    # One part only, or a part told twice: no sum.
    assert values_for(provinces, "total-toll", "The floods killed 31 people in Valdora.", "2023-03-14") == []
    assert values_for(provinces, "total-toll", "The floods killed 31 people in Valdora, 9 in Norvik and 4 in Norvik.",
                      "2023-03-14") == []
    # A figure more in the list may be a part the rules do not name.
    assert values_for(provinces, "total-toll", "The floods killed 31 people in Valdora, 9 in Norvik and 4 elsewhere.",
                      "2023-03-14") == []


def test_another_person_is_not_another_event_but_another_figure_is_more(provinces) -> None:
    assert values_for(provinces, "total-toll", "Another man was held over the floods that killed 61 people.",
                      "2023-03-14") == ["61"]
    assert values_for(provinces, "total-toll", "Another 12 people were killed by the floods on Friday.",
                      "2023-03-14") == []


def test_who_did_it_is_counted_through_a_partitive_or_a_describing_participle(provinces) -> None:
    assert values_for(provinces, "ferry-toll", "Nine of the crew drowned when the ferry sank.",
                      "2023-03-14") == ["9"]
    assert values_for(provinces, "ferry-toll", "Officials said 14 of the dead were children.", "2023-03-14") == []
    assert values_for(provinces, "ferry-toll", "His wife and 11 other people fleeing the country drowned.",
                      "2023-03-14") == ["12"]


def test_the_reviews_shapes_read_no_false_figure(provinces) -> None:
    # A part told after a bare comma, a ratio, a figure the sentence adds to, another village: no total.
    assert values_for(provinces, "norvik-toll", "The floods have killed 31 people, 9 in Norvik.", "2023-03-14") == []
    assert values_for(provinces, "ferry-toll", "The fever killed one in five passengers.", "2023-03-14") == []
    assert values_for(provinces, "total-toll", "The floods killed 12 people on Monday and another 9 on Tuesday.",
                      "2023-03-14") == []
    assert values_for(provinces, "total-toll", "In another village, 12 people were killed by the floods.",
                      "2023-03-14") == []
    # A place in the possessive is not the figure's; a phrase after the noun describes it.
    assert values_for(provinces, "norvik-toll", "The floods killed 40 people in Norvik's twin town, in Valdora.",
                      "2023-03-14") == []
    assert values_for(provinces, "tourist-toll", "Four tourists in the flooded valley were killed.",
                      "2023-03-14") == ["4"]


def test_a_change_gives_its_later_figure(quake_rules) -> None:
    assert values_for(quake_rules, "quake-toll", "The death toll in Ister Valley rose from 40 to 52 on Monday.",
                      "2023-11-15") == ["52"]
    assert values_for(quake_rules, "quake-toll", "The number of people killed in Korvel grew from 40 people to 52.",
                      "2023-11-15") == ["52"]
    # Without a verb of change, "40 to 52" is a range.
    assert values_for(quake_rules, "quake-toll", "Officials said 40 to 52 people were killed in Korvel.",
                      "2023-11-15") == ["40-52"]


def test_a_part_told_as_a_part_is_the_figure_of_that_parts_claim(provinces) -> None:
    text = "The floods have killed 40 people. Of those killed, 9 were killed in Norvik."
    assert values_for(provinces, "norvik-toll", text, "2023-03-14") == ["9"]
    assert values_for(provinces, "total-toll", text, "2023-03-14") == ["40"]
    assert values_for(provinces, "ferry-toll", "Of the twelve on the ferry, five have been found.",
                      "2023-03-14") == []
    assert values_for(provinces, "total-toll",
                      "The storm claimed the lives of at least 40 people in Valdora and Norvik.",
                      "2023-03-14") == [">=40"]


def test_what_is_added_to_a_figure_must_be_of_its_event(provinces) -> None:
    assert values_for(provinces, "ferry-toll", "The storm killed 12 people on Monday, and another 30 were injured.",
                      "2023-03-14") == ["12"]
    assert values_for(provinces, "ferry-toll", "On Tuesday alone, nine of the crew drowned.", "2023-03-14") == []


@pytest.fixture(scope="module")
def reward_rules() -> RuleSet:
    return load_rules(DATA / "reward-rules")


@pytest.mark.parametrize("example", counts.money_examples(), ids=lambda ex: ex["text"])
def test_sums_of_money_in_the_ways_the_news_writes_them(example: dict) -> None:
    (amount,) = counts.read_amounts(example["text"])
    assert (amount.count.value, amount.currency) == (example["amount"], example["currency"])


@pytest.mark.parametrize("example", counts.for_whom_examples(), ids=lambda ex: ex["text"])
def test_whom_a_sum_is_for(example: dict) -> None:
    found = counts.sum_for(example["text"], 0, len(example["text"]))
    assert (example["text"][found[0]:found[1]] if found else "") == example["name"]


def test_a_claim_of_money_reads_sums_and_no_other_figure(reward_rules: RuleSet) -> None:
    text = "Police offered a $250,000 reward for information on Ruiz, and 40 officers joined the hunt."
    assert values_for(reward_rules, "ruiz-reward", text, "2024-05-10") == ["250000 dollars"]


def test_a_sum_for_someone_the_rules_do_not_name_is_another_cases(reward_rules: RuleSet) -> None:
    text = "A reward of $1 million is offered for the arrest of Ortiz, police said of Ruiz's accomplice."
    assert values_for(reward_rules, "ruiz-reward", text, "2024-05-10") == []


def test_the_parts_of_a_reward_are_not_its_total(reward_rules: RuleSet) -> None:
    text = ("The city's $50,000 reward for Ruiz comes on top of a $200,000 reward offered by the state, plus a "
            "$25,000 award from the police union.")
    assert values_for(reward_rules, "ruiz-reward", text, "2024-05-10") == []


def test_a_reward_that_falls_later_is_a_conflict_and_sums_in_two_currencies_are_not_compared(
        reward_rules: RuleSet) -> None:
    fell = finding_for(reward_rules, [("Police offered a $1 million reward for the arrest of Ruiz.", "2024-05-10"),
                                      ("A reward of $650,000 is offered for the arrest of Ruiz.", "2024-09-10")],
                       "ruiz-reward")
    assert fell.status == "conflict"
    other = finding_for(reward_rules, [("Police offered a $1 million reward for the arrest of Ruiz.", "2024-05-10"),
                                       ("A reward of £400,000 is offered for the arrest of Ruiz.", "2024-05-10")],
                        "ruiz-reward")
    assert other.status == "consistent"



@pytest.mark.parametrize("text", counts.conversion_examples())
def test_a_sum_converted_into_another_currency_is_not_a_sum_of_its_own(text: str) -> None:
    assert len(counts.read_amounts(text)) == 1


@pytest.mark.parametrize("text", [
    "The reward for Ruiz is $200,000 from the state plus $50,000 from the clinic.",
    "The $250,000 reward for Ruiz is made up of $200,000 from the state and $50,000 from the clinic.",
    "Police offered rewards of $50,000 each for information on Ruiz's two helpers.",
    "Police raised the reward for Ruiz to $500,000 from $250,000.",
])
def test_parts_changes_and_sums_each_are_not_a_second_reward(reward_rules: RuleSet, text: str) -> None:
    assert len(set(values_for(reward_rules, "ruiz-reward", text, "2024-05-10"))) <= 1


def test_a_reward_for_someone_of_the_persons_or_a_sum_that_is_no_reward_is_not_read(reward_rules: RuleSet) -> None:
    assert values_for(reward_rules, "ruiz-reward", "Police offered a $50,000 reward for the arrest of Ruiz's "
                                                   "accomplice.", "2024-05-10") == []
    assert values_for(reward_rules, "ruiz-reward", "Ruiz was offered $5,000 to drive the car.", "2024-05-10") == []


def test_an_upper_bound_later_is_no_fall(reward_rules: RuleSet) -> None:
    finding = finding_for(reward_rules, [("Police offered a $250,000 reward for the arrest of Ruiz.", "2024-05-10"),
                                         ("A reward of up to $250,000 is offered for the arrest of Ruiz.",
                                          "2024-06-10")], "ruiz-reward")
    assert finding.status == "consistent"


def test_a_figure_of_the_earlier_event_a_comparison_names_is_not_the_claims(summit_rules: RuleSet) -> None:
    text = "It is the worst flood in Norvik since 2019, when five people were killed."
    assert values_for(summit_rules, "flood-death-toll", text, "2023-03-14") == []
    worst = "The floods in Norvik have killed 40 people, the worst since 2019."
    assert values_for(summit_rules, "flood-death-toll", worst, "2023-03-14") == ["40"]
    for earlier in ["The toll in Norvik is the worst since the great flood of 2019, which killed 112 people.",
                    "The toll in Norvik is the worst since 2019's great flood, which killed 112 people."]:
        assert values_for(summit_rules, "flood-death-toll", earlier, "2023-03-14") == [], earlier


@pytest.fixture(scope="module")
def dive_rules() -> RuleSet:
    return load_rules(DATA / "dive-rules")


@pytest.mark.parametrize(("family", "example"), [(family, example) for family in counts.unit_families()
                                                 for example in counts.unit_examples(family)],
                         ids=lambda item: item["text"] if isinstance(item, dict) else item)
def test_quantities_in_units_as_the_news_writes_them(family: str, example: dict) -> None:
    assert [m.count.value for m in counts.read_measures(example["text"], family)] == [example["value"]]


def test_one_depth_in_feet_and_metres_agrees_and_two_depths_do_not(dive_rules: RuleSet) -> None:
    same = finding_for(dive_rules, [("The wreck of the Abyssal Wren lies at a depth of 12,300 ft.", "2024-06-20"),
                                    ("The wreck of the Abyssal Wren lies at a depth of 3,700 m.", "2024-06-20")],
                       "wreck-depth")
    assert same.status == "consistent"
    other = finding_for(dive_rules, [("The wreck of the Abyssal Wren lies at a depth of 11,900 ft.", "2024-06-20"),
                                     ("The wreck of the Abyssal Wren lies at a depth of 3,700 m.", "2024-06-20")],
                        "wreck-depth")
    assert other.status == "conflict"


def test_a_quantity_that_falls_may_fall_but_not_rise(dive_rules: RuleSet) -> None:
    fell = finding_for(dive_rules, [("The Abyssal Wren has 50 hours of air left, officials said.", "2024-06-20"),
                                    ("The Abyssal Wren has 37 hours of air left, officials said.", "2024-06-21")],
                       "air-left")
    assert fell.status == "consistent"
    rose = finding_for(dive_rules, [("The Abyssal Wren has 37 hours of air left, officials said.", "2024-06-20"),
                                    ("The Abyssal Wren has 50 hours of air left, officials said.", "2024-06-21")],
                       "air-left")
    assert rose.status == "conflict"
    assert "only falls rises" in rose.message


def test_a_moment_written_as_of_dates_the_figure_before_another_date_of_its_clause(dive_rules: RuleSet) -> None:
    text = ("Divers looking for the Abyssal Wren, the craft that went missing on Thursday, think it had 37 hours of "
            "air left as of 8 a.m. on Friday.")
    (item,) = statements_for(dive_rules, "air-left", text, "2024-06-22")
    assert item.data.as_of.isoformat() == "2024-06-21"
    fell = finding_for(dive_rules, [("The Abyssal Wren had 50 hours of air left on Thursday night.", "2024-06-21"),
                                    (text, "2024-06-22")], "air-left")
    assert fell.status == "consistent"


def test_a_year_in_a_relative_clause_between_commas_dates_only_that_clause(dive_rules: RuleSet) -> None:
    assert values_for(dive_rules, "wreck-depth", "The wreck of the Abyssal Wren, which sank in 1952, lies at a depth "
                      "of 3,700 m.", "2024-06-20") == ["3700 m"]
    assert values_for(dive_rules, "wreck-depth", "In 1952 the wreck of the Abyssal Wren lay at a depth of 3,500 m.",
                      "2024-06-20") == []


@pytest.mark.parametrize("text", [
    "A storm in 1998, which struck Norvik in March, killed 212 people.",
    "The floods, which began in Norvik in 2009, killed 212 people.",
    "A rescuer died in Norvik on Monday, bringing the toll of floods this year to 212.",
    "A rescuer died in Norvik on Monday, bringing the toll from the week of storms to 212.",
])
def test_a_figure_of_an_earlier_time_or_of_several_events_is_no_toll(summit_rules: RuleSet, text: str) -> None:
    assert values_for(summit_rules, "flood-death-toll", text, "2023-03-14") == []


def test_an_as_of_moment_after_another_figure_is_that_figures(dive_rules: RuleSet) -> None:
    (item,) = statements_for(dive_rules, "air-left", "The Abyssal Wren had about 40 hours of air left on Tuesday, "
                             "down from 70 hours as of Monday morning.", "2024-06-19")
    assert (item.value, item.data.as_of.isoformat()) == ("~2400 min", "2024-06-18")


def test_a_limit_or_a_difference_is_no_measure(tmp_path: Path) -> None:
    rules = rules_of(tmp_path, """
[[claims]]
id = "speed"
kind = "count"
title = "Speed of the train"
unit = "speed"
counted = ["travelling", "speed"]
cues = ["travelling", "speed"]
""")
    text = "The train derailed while travelling at 87 km/h, more than twice the 40 km/h speed limit."
    assert values_for(rules, "speed", text, "2024-06-19") == ["87 km/h"]


def test_some_of_the_injured_who_died_later_are_no_toll(summit_rules: RuleSet) -> None:
    text = "The number of people killed in Norvik rose to 43 on Tuesday, after four of the injured died overnight."
    assert values_for(summit_rules, "flood-death-toll", text, "2023-03-14") == ["43"]


def test_a_date_of_an_after_clause_of_its_own_dates_that_clause_and_not_the_figure(summit_rules: RuleSet) -> None:
    text = "The floods have killed 40 people in Norvik, after a storm there in 2009 killed 12 residents."
    assert values_for(summit_rules, "flood-death-toll", text, "2023-03-14") == ["40"]
    listed = "The floods killed three people in Norvik, and one more near the coast, between 2009 and 2011."
    assert values_for(summit_rules, "flood-death-toll", listed, "2023-03-14") == []


@pytest.mark.parametrize("example", counts.label_examples(), ids=lambda ex: ex["text"])
def test_a_fact_box_labels_its_figures(example: dict) -> None:
    count = next(c for c in counts.read_counts(example["text"]) if c.value == example["value"])
    noun = counts.counted_noun(example["text"], count, [example["noun"]])
    assert noun is not None and example["text"][noun[0]:noun[1]].lower() == example["noun"]


def test_a_fact_box_row_is_read_and_the_next_rows_label_is_not_this_figures_noun(summit_rules: RuleSet) -> None:
    text = "NORVIK: Total killed: 40 residents: 12 Injured: 300"
    assert values_for(summit_rules, "flood-death-toll", text, "2023-03-14") == []  # 'residents' labels the 12
    box = "NORVIK: People killed: 40 Injured: 300"
    assert values_for(summit_rules, "flood-death-toll", box, "2023-03-14") == ["40"]


_LEAGUE_RULES = """
[entities.league]
kind = "organisation"
name = "Northern Trade League"
variants = ["the League"]

[[claims]]
id = "league-members"
kind = "count"
title = "Number of the League's member states"
counted = ["members", "nations", "states"]
cues = ["League", "bloc"]
cumulative = true
examples = [
  { text = "The League now has 14 members.", published = "2021-05-02", value = "14" },
  { text = "More than 300 delegates attended.", published = "2021-05-02", expect = "nothing" },
]
"""


@pytest.fixture(scope="module")
def league_rules(tmp_path_factory) -> RuleSet:
    return rules_of(tmp_path_factory.mktemp("league-rules"), _LEAGUE_RULES, "league.toml")


def test_the_size_of_the_claims_thing_is_its_size_at_the_time_of_its_clause(league_rules: RuleSet) -> None:
    text = "The League asked the two states to join the 12-nation bloc in March 2018."
    (read,) = statements_for(league_rules, "league-members", text, "2021-05-02")
    assert (read.value, read.data.as_of.isoformat()) == ("12", "2018-03-31")
    # An old figure that is not the thing's size is another time's: not read.
    assert values_for(league_rules, "league-members", "In 2018, the League had 12 members.", "2021-05-02") == []
    # Those who join are the newcomers, not the members.
    assert values_for(league_rules, "league-members", "The admission of the two states to the League was approved.",
                      "2021-05-02") == []


_FAMILY_RULES = """
[entities.ortiz]
kind = "person"
name = "Lena Ortiz"
variants = ["Ortiz"]

[entities.ruiz]
kind = "person"
name = "Pablo Ruiz"
variants = ["Ruiz"]

[[claims]]
id = "ortiz-children"
kind = "count"
title = "Ortiz's children"
counted = ["children", "sons", "daughters"]
of = "ortiz"
cues = ["mother of", "survived by"]
examples = [
  { text = "Ortiz, a mother of three children, was shot.", published = "2024-05-04", value = "3" },
  { text = "More than 200 people attended the vigil.", published = "2024-05-04", expect = "nothing" },
]
"""


@pytest.fixture(scope="module")
def family_rules(tmp_path_factory) -> RuleSet:
    return rules_of(tmp_path_factory.mktemp("family-rules"), _FAMILY_RULES, "family.toml")


@pytest.mark.parametrize("text,values", [
    ("Ortiz, a mother of three children, was shot on Friday.", ["3"]),
    ("Ortiz was shot on Friday. She is survived by two sons.", ["2"]),  # carried by a pronoun
    ("Ruiz, a father of five children, spoke to reporters.", []),  # someone else's
    ("She is survived by two sons.", []),  # no one of the rules to carry
    ("Ortiz was shot on Friday, and Ruiz, who is survived by two sons, was arrested.", []),
    # A family told as its parts, a parent of so many, the children's own children.
    ("Ortiz is survived by her husband, two sons and a daughter.", ["3"]),
    ("Ortiz is survived by three daughters, two sons and a brother.", ["5"]),
    ("Ortiz, a mother of four, was shot on Friday.", ["4"]),
    ("Ortiz is survived by three sons, one of whom has two daughters.", ["3"]),
    ("Ortiz is survived by two sons and four grandchildren.", ["2"]),
    ("Ortiz was shot on Friday. Her brother Juan Ortiz is survived by two sons.", []),  # another of the surname
    # A pronoun of the other sex does not carry someone the article addresses as "Mrs.".
    ("Mrs. Ortiz was shot on Friday. She is survived by two sons.", ["2"]),
    ("Mrs. Ortiz was shot on Friday. He is survived by two sons.", []),
])
def test_a_fact_about_one_person_is_read_only_about_them(family_rules: RuleSet, text: str,
                                                         values: list[str]) -> None:
    assert values_for(family_rules, "ortiz-children", text, "2024-05-04") == values


@pytest.mark.parametrize("example", counts.family_examples(), ids=lambda ex: ex["text"][:40])
def test_a_family_is_counted_by_its_parts(example: dict) -> None:
    text, nouns = example["text"], tuple(example["nouns"])
    first = counts.read_counts(text)[0]
    noun = counts.counted_noun(text, first, list(nouns))
    assert noun is not None
    summed, _ = counts.family_parts(text, first, noun[1], nouns, len(text))
    assert summed.low == summed.high == example["value"]


@pytest.mark.parametrize("text,values", [
    ("Gunmen killed 14 people in Ister Valley, including nine soldiers escorting the convoy.", ["14"]),
    ("Governor Mekhta, accompanied by 30 soldiers, visited Ister Valley, where 14 people were killed.", ["14"]),
])
def test_those_accompanying_someone_are_not_the_toll_but_a_toll_with_escorts_among_it_is(
        quake_rules: RuleSet, text: str, values: list[str]) -> None:
    assert values_for(quake_rules, "quake-toll", text, "2023-11-13") == values


_VOTE_RULES = """
[entities.kell]
kind = "place"
name = "Kell"

[[claims]]
id = "backers"
kind = "count"
title = "Members who backed the motion"
counted = ["members"]
cues = ["backed"]

[[claims]]
id = "rescued"
kind = "count"
title = "People rescued"
counted = ["people"]
event = "rescue"
"""


@pytest.fixture(scope="module")
def vote_rules(tmp_path_factory) -> RuleSet:
    return rules_of(tmp_path_factory.mktemp("vote-rules"), _VOTE_RULES, "vote.toml")


@pytest.mark.parametrize("claim,text,values", [
    # The part did it; the whole is what it is a part of.
    ("backers", "In Kell, the motion was backed by five of the seven members.", ["5"]),
    ("backers", "In Kell, nine of the 11 members backed the plan.", ["9"]),
    # ... unless the event tells the whole: the part is then something else about some of them.
    ("backers", "In Kell, nine of the 40 members backed by the union were new.", ["40"]),
    ("backers", "In Kell, nine of the 40 members who backed the plan were new.", ["40"]),
    # A clause that opens with the group, and tells the event after it.
    ("rescued", "Of the 50 people on board the Kell ferry, 41 were rescued.", ["41"]),
])
def test_a_part_and_the_whole_it_is_a_part_of(vote_rules: RuleSet, claim: str, text: str, values: list[str]) -> None:
    assert values_for(vote_rules, claim, text, "2025-03-10") == values


@pytest.mark.parametrize("example", counts.part_of_a_whole_examples(), ids=lambda ex: ex["text"][:40])
def test_a_figure_before_of_the_is_a_part_of_the_one_after(example: dict) -> None:
    text = example["text"]
    part, whole = counts.read_counts(text)[:2]
    assert counts.whole_after(text, part, [part, whole]) == whole
    assert counts.part_before(text, whole, [part, whole]) == part
    assert part.value == str(example["value"])


_SCORE_RULES = """
[entities.solis]
kind = "person"
name = "Renata Solis"
variants = ["Solis"]

[entities.pryce]
kind = "person"
name = "Gordon Pryce"
variants = ["Pryce"]

[[claims]]
id = "solis-votes"
kind = "count"
title = "Votes for Solis"
counted = ["votes"]
of = "solis"
cues = ["won", "received", "defeated"]

[[claims]]
id = "rate-rise"
kind = "count"
title = "The rise of the key rate"
counted = ["basis points"]
cues = ["raised"]
"""


@pytest.mark.parametrize("claim,text,values", [
    ("solis-votes", "Solis defeated Gordon Pryce by 41,212 votes to 37,433.", ["41212"]),  # a score, no change
    ("solis-votes", "Solis received 41,212 votes.", ["41212"]),
    # A figure with a unit of its own shares no noun with the one before it (and "by 25 ... to" is a change's step,
    # which a claim of totals must not read: nothing, rather than 4.25 basis points).
    ("rate-rise", "Solis's bank raised its key rate by 25 basis points to 4.25%.", []),
    ("rate-rise", "Solis's bank raised its key rate 25 basis points, to 4.25%.", ["25"]),
])
def test_a_score_and_a_change_to_a_percentage(tmp_path: Path, claim: str, text: str, values: list[str]) -> None:
    assert values_for(rules_of(tmp_path, _SCORE_RULES), claim, text, "2025-07-02") == values


@pytest.mark.parametrize("example", counts.score_examples())
def test_the_first_figure_of_a_score_is_the_winners(example: str) -> None:
    first, second = counts.read_counts(example)[:2]
    assert counts.opens_a_score(example, first, 0)
    assert counts.other_side_of_a_score(example, second, [first], ["votes"])


@pytest.mark.parametrize("text,values", [
    # An increment before the total it brings the toll to (the 61 counts none of the claim's nouns here).
    ("Three of the injured later died, bringing the death toll in Norvik to 61.", []),
    ("Three more residents died in Norvik, bringing the total to 61 people.", ["61"]),
    ("In Norvik, twelve of the 61 dead were children.", ["61"]),  # the whole told by its event word
    ("A strong aftershock struck Norvik on Tuesday, killing two people.", []),  # a later event's own victims
])
def test_an_increment_a_part_and_a_later_events_figure_are_no_toll(summit_rules: RuleSet, text: str,
                                                                    values: list[str]) -> None:
    assert values_for(summit_rules, "flood-death-toll", text, "2023-03-14") == values


@pytest.mark.parametrize("text,values", [
    ("The plane, a Boeing 737 carrying 89 people, crashed.", ["89"]),  # a model's number is part of its name
    ("Twenty-eight of the 89 people on board survived.", ["89"]),  # the whole holds the event word
    ("The crash killed all but 28 of the 89 people on board.", ["89"]),
    ("The plane was carrying 83 passengers and six crew.", ["89"]),  # people told in their groups
])
def test_a_figure_in_a_name_is_no_count_and_the_whole_on_board_is(tmp_path: Path, text: str,
                                                                   values: list[str]) -> None:
    rules = rules_of(tmp_path, '[entities.kell]\nkind = "place"\nname = "Kell"\n\n[[claims]]\nid = "on-board"\n'
                               'kind = "count"\ncounted = ["people", "passengers"]\ncues = ["on board", "carrying"]\n')
    assert values_for(rules, "on-board", text, "2025-03-10") == values


_DEAL_RULES = """
[entities.halvorsen]
kind = "organisation"
name = "Halvorsen Group"
variants = ["Halvorsen"]

[entities.corvane]
kind = "organisation"
name = "Corvane Holdings"
variants = ["Corvane"]

[[claims]]
id = "share-price"
kind = "count"
title = "Halvorsen's price a share"
unit = "money"
counted = ["a share", "per share"]
cues = ["pay", "offer", "buy"]
of = "halvorsen"

[[claims]]
id = "deal-value"
kind = "count"
title = "Value of the deal"
unit = "money"
counted = ["deal", "valu(ing|ed|es)"]
cues = ["buy", "deal", "valu(ing|ed|es)"]
"""


@pytest.mark.parametrize("claim,text,values", [
    # Each sum takes the words of its own stretch between commas.
    ("share-price", "Halvorsen agreed to buy the chain for $38.50 per share, valuing it at about $4.2 billion.",
     ["38.5 dollars"]),
    ("deal-value", "Halvorsen agreed to buy the chain for $38.50 per share, valuing it at about $4.2 billion.",
     ["~4200000000 dollars"]),
    # Another entity's sum, in the possessive.
    ("share-price", "Halvorsen's offer of $38.50 a share tops Corvane's $34 a share.", ["38.5 dollars"]),
    # A sum of so much a unit is a rate, no figure of a claim of another word.
    ("deal-value", "At $38.50 a share, the deal values the chain at 14 times its earnings.", []),
    ("deal-value", "Halvorsen announced the $38.50-per-share deal on Monday.", []),
])
def test_each_sum_is_what_its_own_words_say(tmp_path: Path, claim: str, text: str, values: list[str]) -> None:
    assert values_for(rules_of(tmp_path, _DEAL_RULES), claim, text, "2025-04-14") == values


def test_a_percentage_right_before_its_noun_counts_it(tmp_path: Path) -> None:
    rules = rules_of(tmp_path, '[entities.kell]\nkind = "place"\nname = "Kell"\n\n[[claims]]\nid = "pay-rise"\n'
                               'kind = "count"\ncounted = ["pay rise", "people"]\ncues = ["deal", "died"]\n')
    assert values_for(rules, "pay-rise", "The Kell deal gives workers a 14% pay rise.", "2025-09-19") == ["14"]
    assert values_for(rules, "pay-rise", "In Kell, some 40% of people died.", "2025-09-19") == []  # a share


def test_a_days_name_after_in_is_no_place_a_figure_is_scoped_to(summit_rules: RuleSet) -> None:
    text = "Norvik mourned the 40 people killed in Tuesday's floods."
    assert values_for(summit_rules, "flood-death-toll", text, "2023-03-14") == ["40"]


_ARSON_RULES = """
[entities.darrow]
kind = "person"
name = "Tomas Darrow"
variants = ["Darrow"]

[[claims]]
id = "linked-fires"
kind = "count"
title = "Earlier arson attacks linked to the case"
counted = ["attacks", "fires", "arsons"]
event = "incident"
cues = ["arson", "set ablaze"]
examples = [
  { text = "Detectives are studying three earlier arson attacks on clinics.", published = "2021-05-04", value = "3" },
  { text = "More than 40 officers are working on the case.", published = "2021-05-04", expect = "nothing" },
]
"""


def test_other_cases_of_a_suspect_are_not_the_claims_count(tmp_path) -> None:
    rules = rules_of(tmp_path, _ARSON_RULES, "arson.toml")
    # "other" besides the story's event: the claim's figure
    assert values_for(rules, "linked-fires", "Detectives are now examining four other arson attacks on clinics "
                                             "in the region.", "2021-05-04") == ["4"]
    # "other" besides whatever the suspect is already sought for: another base, left unread
    assert values_for(rules, "linked-fires", "Darrow is wanted for questioning over at least two other arson "
                                             "attacks on clinics.", "2021-05-04") == []
    assert values_for(rules, "linked-fires", "Darrow was charged with three other arson attacks last year.",
                      "2021-05-04") == []


def test_the_whole_an_untold_part_of_is_asked_about_is_not_the_events_figure(quake_rules) -> None:
    assert values_for(quake_rules, "quake-toll", "Officials in Korvel would not say how many of the 40 people "
                                                 "trapped had been killed.", "2023-11-13") == []
    assert values_for(quake_rules, "quake-toll", "Officials in Korvel said 12 of the 40 people trapped had been "
                                                 "killed.", "2023-11-13") == ["12"]


def test_a_live_page_whose_toll_rises_within_the_day_does_not_contradict_itself(summit_rules) -> None:
    finding = finding_for(summit_rules, [("09:10 - Thirty people have been killed in Norvik. 16:45 - The number "
                                          "of people killed in Norvik has risen to 44, officials said.",
                                          "2023-03-14")], "flood-death-toll")
    assert finding.status == "warning"
    assert "grown within it" in finding.message


def test_a_live_page_newest_first_gives_its_updates_figures_as_growth(summit_rules) -> None:
    page = ("**16:40** — Officials now say 44 people were killed in Norvik.\n\n"
            "**08:15** — Thirty people have been killed in Norvik, officials said.")
    assert finding_for(summit_rules, [(page, "2023-03-14")], "flood-death-toll").status == "warning"
    plain = "Officials now say 44 people were killed in Norvik.\n\nThirty people have been killed in Norvik."
    assert finding_for(summit_rules, [(plain, "2023-03-14")], "flood-death-toll").status == "conflict"


def test_a_conversion_in_brackets_leaves_the_words_after_it_to_the_quantity(dive_rules: RuleSet) -> None:
    assert values_for(dive_rules, "wreck-depth", "The wreck lies about 3,750 metres (12,300 feet) down.",
                      "2024-06-20") == ["~3750 m"]


def test_a_bare_figure_before_a_cue_of_noun_shape_counts_people(tmp_path) -> None:
    rules = rules_of(tmp_path, """
[[claims]]
id = "missing"
kind = "count"
title = "People missing after the landslide"
counted = ["people", "villagers"]
cues = ["missing", "unaccounted for"]
trend = "falls"
""")
    assert values_for(rules, "missing", "Fourteen were missing after the landslide.", "2023-03-14") == ["14"]
    assert values_for(rules, "missing", "Two people died and nine remain missing.", "2023-03-14") == ["9"]


def test_one_update_of_a_live_page_that_gives_two_figures_contradicts_itself(summit_rules) -> None:
    text = ("14:30 - Forty people were killed in Norvik, officials said. Hours later, the mayor said 25 people were "
            "killed in Norvik.")
    assert finding_for(summit_rules, [(text, "2023-03-14")], "flood-death-toll").status == "conflict"


def test_the_whole_of_an_untold_part_is_read_where_its_own_phrase_tells_the_event(tmp_path) -> None:
    rules = rules_of(tmp_path, """
[[claims]]
id = "trapped"
kind = "count"
title = "Miners trapped"
counted = ["miners"]
cues = ["trapped"]
""")
    assert values_for(rules, "trapped", "Officials did not say how many of the 23 trapped miners had been found "
                                        "alive.", "2023-03-14") == ["23"]


_COUNTRY_AND_TOWN_RULES = """
[entities.valdora]
kind = "place"
name = "Valdora"

[entities.norvik]
kind = "place"
name = "Norvik"

[[claims]]
id = "valdora-toll"
kind = "count"
title = "People killed by the storm in Valdora"
counted = ["people", "dead"]
event = "killed"
place = "valdora"
"""


@pytest.mark.parametrize("text,values", [
    # a sentence that opens with another place of the rules is that place's figure, whatever stands between
    ("In Norvik, where the storm dumped 300 millimetres of rain in a day, 14 people have died.", []),
    ("In Valdora, where the storm dumped 300 millimetres of rain in a day, 14 people have died.", ["14"]),
    # a place named right after the figure is its place
    ("In Norvik, officials said 14 people have died in Valdora.", ["14"]),
    ("Officials in Norvik said 14 people have died.", ["14"]),
])
def test_a_sentence_that_opens_with_another_place_counts_that_place(tmp_path, text: str, values: list[str]) -> None:
    rules = rules_of(tmp_path, _COUNTRY_AND_TOWN_RULES, "storm.toml")
    assert values_for(rules, "valdora-toll", text, "2024-09-10") == values
