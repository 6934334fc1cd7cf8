"""Date sanity: dates an article writes that cannot be right, whatever the rules say the story is.

"The night of April 5 and 26" is no night; "Tuesday, April 27, 2022" names a Wednesday; "February 30" is no day.
These checks run on every article read, told story or not, and reason from what the temporal tagger read (values and
spans; language/sanity.toml says what they add). Each doubt is a statement of the built-in claim `date-sanity` with
the words and the reason, and each becomes a warning of its own: the editor confirms, since a text may mean
something the checks cannot see.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any

import regex

from factcheck import language
from factcheck.article import Article
from factcheck.datelist import FileDates
from factcheck.findings import Finding, Statement, group_values, sort_statements, statement
from factcheck.temporal import Timex

# The claim id and kind of the statements and findings of these checks; no rule file may take it (rules.py).
CLAIM = "date-sanity"
KIND = "date-sanity"
# What each check's finding is titled; a statement's `data` names its check.
TITLES = {
    "night": "Date sanity: a night of two days that do not follow each other",
    "weekday": "Date sanity: a weekday that is not the date's",
    "calendar": "Date sanity: a day the calendar does not have",
}
# The tagger's rules that read a weekday together with a date ("Tuesday, April 26", "Tuesday 26 April").
_WEEKDAY_RULES = frozenset({"weekday_day_month", "weekday_month_day"})
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True, slots=True)
class _Patterns:
    night_before: regex.Pattern[str]
    second_after: regex.Pattern[str]
    first_before: regex.Pattern[str]
    weekday: regex.Pattern[str]  # a weekday name, in the tagger's vocabulary, as group `weekday`
    other_year_days: int
    worth_a_look: regex.Pattern[str]  # what an article without a told story must contain to be read for these


def _words(words: Any) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


@functools.cache
def _patterns() -> _Patterns:
    data = language.load("sanity")
    vocabulary = language.load("temporal")["vocabulary"]
    weekdays, months = _words(vocabulary["WEEKDAY"]), _words(vocabulary["MONTH"])
    night = data["night"]
    # A superset of what the checks can flag: a weekday right before a figure or a month, a night "of" or "between"
    # days, a day number that some month lacks.
    look = (rf"\b(?:{weekdays})\b\.?,?\s+(?:the\s+)?(?:[0-9]|(?:{months})\b)|\b(?:nights?|overnight)\s+(?:of|between|"
            rf"from|on)\b|(?<![0-9])(?:29|30|31)(?:st|nd|rd|th)?\b")
    return _Patterns(regex.compile(night["night_before"], regex.I), regex.compile(night["second_after"], regex.I),
                     regex.compile(night["first_before"], regex.I),
                     regex.compile(rf"\b(?P<weekday>{weekdays})\b", regex.I), data["weekday"]["other_year_days"],
                     regex.compile(look, regex.I))


def worth_a_look(article: Article) -> bool:
    """Whether an article whose dates nobody has read yet may hold a date these checks flag: most do not, and an
    archive's articles that tell no story of the rules are then never tagged."""
    return _patterns().worth_a_look.search(article.text, article.body_start) is not None


def check_dates(dates: FileDates) -> list[Statement]:
    """The statements of every date of an article that cannot be right, in the order of the text."""
    article, sentences = dates.article, dates.sentences
    starts = [s.start for s in sentences]
    found: list[tuple[int, int, str, str]] = []  # start, end, check, why
    for timex in dates.timexes:
        if (night := _night(article.text, timex)) is not None:
            found.append(night)
        if (weekday := _weekday(timex, article.published)) is not None:
            found.append(weekday)
    found += [(d.start, d.end, "calendar", f"'{d.text}': {d.why}") for d in dates.no_such_days]
    statements = []
    for start, end, check, why in sorted(found):
        index = bisect.bisect_right(starts, start) - 1
        if index < 0:
            continue
        text = article.text[start:end]
        statements.append(statement(CLAIM, article, sentences[index], [(start, end)], text, why, check))
    return statements


def _night(text: str, timex: Timex) -> tuple[int, int, str, str] | None:
    """A night of two days that do not follow each other: the day the tagger read and the other day beside it."""
    patterns, day = _patterns(), timex.day
    if day is None:
        return None
    after = patterns.second_after.match(text, timex.end)
    reads_a_night = timex.value.endswith("TNI") or patterns.night_before.search(
        text, max(0, timex.start - 40), timex.start) is not None
    if after is not None and reads_a_night:
        second = int(after["day"])
        if (day + dt.timedelta(days=1)).day != second:
            span = text[timex.start:after.end()]
            return (timex.start, after.end(), "night",
                    f"'{span}': a night runs from one day into the next, but {second} does not follow {day} "
                    f"({timex.text} -> {timex.value}); the night of {day} and {day + dt.timedelta(days=1)}?")
        return None
    before = patterns.first_before.search(text, max(0, timex.start - 60), timex.start)
    if before is not None:
        first = int(before["day"])
        if (day - dt.timedelta(days=1)).day != first:
            span = text[before.start():timex.end]
            return (before.start(), timex.end, "night",
                    f"'{span}': a night runs from one day into the next, but {day} ({timex.text} -> {timex.value}) "
                    f"does not follow day {first}; the night of {day - dt.timedelta(days=1)} and {day}?")
    return None


def _weekday(timex: Timex, published: dt.date) -> tuple[int, int, str, str] | None:
    """A weekday named with a date that falls on another weekday, in every year the date may be of."""
    day = timex.day
    if day is None or not _WEEKDAY_RULES.intersection(timex.rule.split("+")):
        return None
    named = _patterns().weekday.search(timex.text)
    if named is None:
        return None
    weekday = language.load("temporal")["vocabulary"]["WEEKDAY"][named["weekday"].lower()]
    years = {day.year}
    if timex.anchor is not None:  # the year came from the publication date: the text may mean a neighbouring one
        reach = dt.timedelta(days=_patterns().other_year_days)
        years |= {year for year in range(published.year - 1, published.year + 2)
                  if (other := _same_day_in(day, year)) is not None and abs(other - published) <= reach}
    if any((other := _same_day_in(day, year)) is not None and other.weekday() == weekday for year in years):
        return None
    written = "" if timex.anchor is None else f" (the year from the publication date {published})"
    return (timex.start, timex.end, "weekday",
            f"'{timex.text}': the text names a {_DAY_NAMES[weekday]}, but {day} is a {_DAY_NAMES[day.weekday()]}"
            f"{written}")


def _same_day_in(day: dt.date, year: int) -> dt.date | None:
    try:
        return day.replace(year=year)
    except ValueError:  # February 29
        return None


def compare(statements: list[Statement]) -> list[Finding]:
    """One warning per doubtful date: each is the article's own, whatever other articles say."""
    return [Finding(CLAIM, TITLES[item.data], KIND, "warning", f"{item.article}: {item.explanation}", (item,),
                    group_values([item])) for item in sort_statements(statements)]


def examples() -> list[tuple[str, dict[str, Any]]]:
    """(check, example) pairs of every check of language/sanity.toml."""
    data = language.load("sanity")
    return [(check, example) for check in TITLES for example in data[check]["examples"]]
