"""Resolution of temporal expressions, each case with the publication date it assumes."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.readers.temporal import resolve_weekday, tag


def values(text: str, published: str) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag(text, dt.date.fromisoformat(published))]


# 2022-04-26 is a Tuesday.
@pytest.mark.parametrize("text,published,expected", [
    # An article published on a Tuesday that says "on Tuesday" means that day, whatever the tense.
    ("The minister is to meet the envoy on Tuesday.", "2022-04-26", "2022-04-26"),
    ("The minister met the envoy on Tuesday.", "2022-04-26", "2022-04-26"),
    # Future tense looks forward, past tense back.
    ("She will travel to the capital on Thursday.", "2022-04-26", "2022-04-28"),
    ("She travelled to the capital on Thursday.", "2022-04-26", "2022-04-21"),
    ("Officials met on Monday.", "2022-04-26", "2022-04-25"),
    ("Talks are scheduled for Saturday.", "2022-04-26", "2022-04-30"),
    # 'last' and 'next' count from the publication date.
    ("The minister resigned last Friday.", "2022-04-26", "2022-04-22"),
    ("The vote is next Monday.", "2022-04-26", "2022-05-02"),
])
def test_weekday_against_publication_date(text: str, published: str, expected: str) -> None:
    assert expected in [value for _, value in values(text, published)]


def test_narrative_time_moves_weekdays_to_the_story_not_the_publication() -> None:
    # Published ten days later: Tuesday is the day after the Monday the text established, not a Tuesday near May 6.
    text = ("The envoy flew from the coast to the capital on Monday, 25 April. "
            "She first held a meeting on Tuesday morning with the minister. "
            "Later in the day, she was received by the president.")
    found = values(text, "2022-05-06")
    assert ("Tuesday morning", "2022-04-26TMO") in found
    assert ("Later in the day", "2022-04-26") in found


def test_past_tense_weekday_after_a_future_date_stays_before_publication() -> None:
    text = "The talks are scheduled for Thursday, April 28. The president criticised the plan on Saturday."
    assert ("Saturday", "2022-04-23") in values(text, "2022-04-26")


def test_background_dates_do_not_become_narrative_time() -> None:
    # "since Feb. 24" is background: the Monday after it is still the Monday before publication.
    text = "More than 2,000 people have died since the invasion on Feb. 24. The envoy spoke on Monday."
    assert ("Monday", "2022-04-25") in values(text, "2022-04-26")
    # ... behind a possessive too: "since his April 21 decree" (a Thursday) leaves "Thursday" in the story's week.
    text = "Prices have doubled since his April 21 decree. The statement was read on television Thursday."
    assert ("Thursday", "2022-04-28") in values(text, "2022-04-29")


def test_explicit_date_without_year_takes_the_nearest_year() -> None:
    assert ("December 30", "2021-12-30") in values("The accord was signed on December 30.", "2022-01-04")
    assert ("January 3", "2023-01-03") in values("The summit opens on January 3.", "2022-12-20")


def test_weekday_that_does_not_match_the_date_is_explained() -> None:
    (timex,) = tag("The meeting took place on Tuesday, April 27, 2022.", dt.date(2022, 5, 1))
    assert timex.value == "2022-04-27"
    assert "names a Tuesday but 2022-04-27 is a Wednesday" in timex.explanation


def test_late_and_part_of_day_narrow_without_moving_the_day() -> None:
    (late,) = tag("The envoy landed in the capital late Wednesday.", dt.date(2022, 4, 28))
    assert (late.text, late.value, late.mod) == ("late Wednesday", "2022-04-27", "END")
    (afternoon,) = tag("She departed in the afternoon of 26 April.", dt.date(2022, 5, 6))
    assert (afternoon.text, afternoon.value) == ("the afternoon of 26 April", "2022-04-26TAF")


def test_relative_units_and_durations() -> None:
    found = values("The trip was announced last week, after a two-day visit and about four days ago.", "2022-04-26")
    assert ("last week", "2022-W16") in found
    assert ("two-day", "P2D") in found
    assert ("about four days ago", "2022-04-22") in found


def test_the_day_before_an_event_is_not_the_day_before_the_narrative() -> None:
    found = values("The envoy landed on 12 March. She was last seen on 3 March, the day before police named a "
                   "suspect.", "2023-03-20")
    assert [text for text, _ in found] == ["12 March", "3 March"]
    assert ("the day before", "2023-03-11") in values("The envoy landed on 12 March. She met him the day before.",
                                                      "2023-03-20")
    assert ("The day after", "2023-03-13") in values("The envoy landed on 12 March. The day after, the talks began.",
                                                     "2023-03-20")


def test_a_time_with_its_other_zone_in_brackets_is_still_one_with_its_day() -> None:
    assert values("The blast at the depot came at about 9:20 a.m. (0620 GMT) Tuesday.", "2023-03-20") == [
        ("9:20 a.m. (0620 GMT) Tuesday", "2023-03-14T09:20")]


def test_what_went_on_since_a_date_puts_it_before_publication() -> None:
    # The nearest October 23 to a report of 6 May is the coming one; "since" makes it the last.
    assert values("Police have been looking for her since soon after the Oct. 19 raid.", "1999-05-06") == [
        ("Oct. 19", "1998-10-19")]
    assert values("Police will hunt him until the Oct. 23 hearing.", "1999-05-06") == [("Oct. 23", "1999-10-23")]


def test_holidays_are_days_of_their_year() -> None:
    assert values("The ferry sank on Christmas Day, and the search ended on New Year's Eve.", "2024-01-10") == [
        ("Christmas Day", "2023-12-25"), ("New Year's Eve", "2023-12-31")]
    assert values("The talks will resume after Thanksgiving.", "2023-11-01") == [("Thanksgiving", "2023-11-23")]
    assert values("The mine closed on Christmas Eve 2015.", "2023-11-01") == [("Christmas Eve 2015", "2015-12-24")]
    assert ("Boxing Day", "2004-12-26") in values("Survivors of the 2004 Boxing Day quake met.", "2023-11-01")
    # Another calendar's, a country's own, or the days around one: no day of this table.
    assert values("Crowds marched on Orthodox Christmas Day and on Labor Day.", "2023-11-01") == []
    assert [t for t, _ in values("The ferry sank on Thanksgiving weekend.", "2023-12-01")] == []
    # A holiday as a word of something else, or written in lower case, names no day.
    assert values("Shops stocked Thanksgiving turkeys and Christmas lights.", "2023-11-01") == []
    assert values("she left on thanksgiving day.", "2023-11-01") == []


def test_explanations_say_what_the_value_was_counted_from() -> None:
    (timex,) = tag("The minister is to meet the envoy on Tuesday.", dt.date(2022, 4, 26))
    assert timex.explanation == "Tuesday -> 2022-04-26: weekday, same day as publication date 2022-04-26"
    assert timex.anchor == "2022-04-26"


def test_offsets_slice_back_to_the_text() -> None:
    text = "Header\n\nOn Monday, 25 April, she flew out; late Wednesday she landed, two days later."
    for timex in tag(text, dt.date(2022, 5, 1)):
        assert text[timex.start:timex.end] == timex.text


@pytest.mark.parametrize("weekday,tense,expected", [(3, "future", "2022-04-28"), (3, "past", "2022-04-21"),
                                                    (1, "present", "2022-04-26"), (2, "present", "2022-04-20")])
def test_resolve_weekday_from_publication(weekday: int, tense: str, expected: str) -> None:
    day, _, anchor = resolve_weekday(weekday, None, tense, dt.date(2022, 4, 26), None)
    assert (day.isoformat(), anchor) == (expected, dt.date(2022, 4, 26))


def test_tense_settles_the_year_of_a_date_half_a_year_away() -> None:
    assert ("December 20", "2022-12-20") in values("The election was held on December 20.", "2023-06-29")
    assert ("January 1", "2024-01-01") in values("The law will take effect on January 1.", "2023-06-29")


def test_contracted_and_negated_futures_look_forward() -> None:
    assert ("Monday", "2023-03-20") in values("He'll meet the king on Monday.", "2023-03-14")
    assert ("Friday", "2023-03-17") in values("He won't meet the king before Friday.", "2023-03-14")


def test_a_plan_on_a_weekday_is_the_coming_one_whatever_later_date_came_before() -> None:
    """A schedule that mentions the end of the trip first still means this week's Saturday for the meeting."""
    text = "The envoy will end her tour in the port on March 24. She will meet the mayor on Saturday."
    saturday = [t for t in tag(text, dt.date(2023, 3, 14)) if t.text == "Saturday"]
    assert [t.value for t in saturday] == ["2023-03-18"]


def test_a_weekday_before_a_numeric_date_is_left_to_the_date() -> None:
    found = tag("The ferry sank on Thursday, 2023-11-02, officials said.", dt.date(2023, 11, 20))
    assert [(t.text, t.value) for t in found] == [("2023-11-02", "2023-11-02")]

