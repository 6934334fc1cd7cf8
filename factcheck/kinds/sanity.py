"""Date sanity: dates an article writes that cannot be right, whatever the rules say the story is.

"The night of June 4 and 15" is no night; "Tuesday, March 15, 2023" names a Wednesday; "February 30" is no day.
These checks run on every article read, told story or not, and reason from what the temporal tagger read (values and
spans; language/sanity.toml says what they add). They are a built-in kind: each doubt is a statement of its claim
`date-sanity` with the words and the reason, and each becomes a warning of its own, judged alone: the editor
confirms, since a text may mean something the checks cannot see.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any

import regex

from factcheck import language, patterns
from factcheck.claims import Claim, RuleSet
from factcheck.findings import Statement, Status, statement
from factcheck.inputs.article import Article
from factcheck.kinds import Case, Kind
from factcheck.readers.dates import FileDates
from factcheck.readers.reading import Reading
from factcheck.readers.temporal import Timex, rules_with
from factcheck.trace import UNHEARD, Notes

# The kind's name, which is also its claim's id; no rule file may take it (rules/load.py).
CLAIM = "date-sanity"
# What each check's finding is titled; a statement's `data` names its check.
TITLES = {
    "night": "Date sanity: a night of two days that do not follow each other",
    "weekday": "Date sanity: a weekday that is not the date's",
    "calendar": "Date sanity: a day the calendar does not have",
}
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True, slots=True)
class _Patterns:
    night_before: patterns.Pattern
    second_after: patterns.Pattern
    first_before: patterns.Pattern
    weekday: patterns.Pattern  # a weekday name, in the tagger's vocabulary, as group `weekday`
    other_year_days: int
    range_after: patterns.Pattern  # a date in a range of days ("Sunday, June 10-11") ...
    range_before: patterns.Pattern  # ... or of weekdays ("Saturday to Sunday, June 11"): which day is named?
    # What an article without a told story must contain to be read for these checks (see `worth_a_look`).
    any_night: patterns.Pattern
    weekday_date: patterns.Pattern
    late_day: patterns.Pattern  # 29, 30 or 31, where a month may lack it; the month is found beside it:
    month_before: patterns.Pattern  # "April 31" (searched in the few characters before the day)
    month_after: patterns.Pattern  # "31st of April" (matched right after it)
    year_after: patterns.Pattern  # ", 2023" after "April 31"


@functools.cache
def _patterns() -> _Patterns:
    data = language.load("sanity")
    temporal = language.load("temporal")
    vocabulary = temporal["vocabulary"]
    weekdays = language.alternation(vocabulary["WEEKDAY"], spaces=None)
    months = language.alternation(vocabulary["MONTH"], spaces=None)
    day, year = temporal["patterns"]["DAY"], temporal["patterns"]["YEAR"]
    night = data["night"]
    # The tagger's weekday-and-date forms ("Tuesday, April 26", "Tuesday 26 April 2022"), and a day number from 29
    # on beside a month or in an ISO date: the only places a flagged date can be.
    weekday_date = (rf"\b(?P<weekday>{weekdays})\b\.?,?\s+"
                    rf"(?:(?:the\s+)?(?P<day>{day})(?:\s+of)?\s+(?P<month>{months})\b"
                    rf"|(?P<month>{months})\b\.?\s+(?P<day>{day})(?![0-9]))(?:,?\s+(?P<year>{year}))?")
    # A day from 29 on is found first, by its figures, and its month beside it after: a scan for every month name
    # costs more than the rest of these checks.
    month_before = rf"(?:\b(?P<month>{months})\b\.?\s+|\b[0-9]{{4}}-[01][0-9]-)\Z"
    month_after = rf"(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{months})\b(?:,?\s+(?P<year>{year}))?"
    second_after = night["second_after"].replace("{VERB}", language.alternation(night["verbs_after"], spaces=None))
    return _Patterns(patterns.compile(night["night_before"], regex.I), patterns.compile(second_after, regex.I),
                     patterns.compile(night["first_before"], regex.I),
                     patterns.compile(rf"\b(?P<weekday>{weekdays})\b", regex.I), data["weekday"]["other_year_days"],
                     patterns.compile(data["weekday"]["range_after"], regex.I),
                     patterns.compile(data["weekday"]["range_before"].replace("{WEEKDAY}", weekdays), regex.I),
                     patterns.compile(r"\b(?:nights?|overnight)\s+(?:of|between|from)\b", regex.I),
                     patterns.compile(weekday_date, regex.I), patterns.compile(r"(?<![0-9])(?:29|30|31)(?![0-9])"),
                     patterns.compile(month_before, regex.I), patterns.compile(month_after, regex.I),
                     patterns.compile(rf",?\s+(?P<year>{year})|", regex.I))


def worth_a_look(article: Article) -> bool:
    """Whether an article whose dates nobody has read yet may hold a date these checks flag: most do not, and an
    archive's articles that tell no story of the rules are then never tagged. A weekday with a date is worth it
    only when it does not fall on that date in the year written or, without one, in the publication's year or a
    neighbouring one within reach (as `_weekday` reads it); a day from 29 on only when its month may lack it."""
    patterns, text, start = _patterns(), article.text, article.body_start
    if patterns.any_night.search(text, start) is not None:
        return True
    vocabulary = language.load("temporal")["vocabulary"]
    for late in patterns.late_day.finditer(text, start):
        before = patterns.month_before.search(text, max(start, late.start() - 12), late.start())
        beside = before or patterns.month_after.match(text, late.end())
        if beside is None:
            continue
        if beside["month"] is None:  # an ISO date: rare enough to be read
            return True
        written = patterns.year_after.match(text, late.end()) if before else beside
        assert written is not None  # year_after matches the empty string too
        month, year = vocabulary["MONTH"][beside["month"].lower()], int(written["year"] or article.published.year)
        if int(late[0]) > calendar.monthrange(year, month)[1] or written["year"] is None and month == 2:
            return True
    for found in patterns.weekday_date.finditer(text, start):
        month, day = vocabulary["MONTH"][found["month"].lower()], int(found["day"].lower().rstrip("stndrh"))
        weekday = vocabulary["WEEKDAY"][found["weekday"].lower()]
        years = [int(found["year"])] if found["year"] else _years_within_reach(month, day, article.published)
        if not any(_weekday_of(year, month, day) == weekday for year in years):
            return True
    return False


def _years_within_reach(month: int, day: int, published: dt.date) -> list[int]:
    reach = dt.timedelta(days=_patterns().other_year_days)
    return [year for year in range(published.year - 1, published.year + 2)
            if year == published.year
            or _is_day(year, month, day) and abs(dt.date(year, month, day) - published) <= reach]


def _is_day(year: int, month: int, day: int) -> bool:
    return day <= calendar.monthrange(year, month)[1]


def _weekday_of(year: int, month: int, day: int) -> int | None:
    return dt.date(year, month, day).weekday() if _is_day(year, month, day) else None


def check_dates(dates: FileDates) -> list[Statement]:
    """The statements of every date of an article that cannot be right, in the order of the text."""
    article, sentences = dates.article, dates.sentences
    starts = [s.start for s in sentences]
    found: list[tuple[int, int, str, str]] = []  # start, end, check, why
    for timex in dates.timexes:
        if (night := _night(article.text, timex)) is not None:
            found.append(night)
        if (weekday := _weekday(article.text, timex, article.published)) is not None:
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


def _weekday(text: str, timex: Timex, published: dt.date) -> tuple[int, int, str, str] | None:
    """A weekday named with a date that falls on another weekday, in every year the date may be of."""
    day, patterns = timex.day, _patterns()
    # Only the tagger's rules that read a weekday together with a date ("Tuesday, April 26", "Tuesday 26 April").
    if day is None or not rules_with("weekday_with_date").intersection(timex.rule.split("+")):
        return None
    if (patterns.range_after.match(text, timex.end) is not None
            or patterns.range_before.search(text, max(0, timex.start - 20), timex.start) is not None):
        return None
    named = patterns.weekday.search(timex.text)
    if named is None:
        return None
    weekday = language.load("temporal")["vocabulary"]["WEEKDAY"][named["weekday"].lower()]
    years = {day.year}
    if timex.anchor is not None:  # the year came from the publication date: the text may mean a neighbouring one
        reach = dt.timedelta(days=patterns.other_year_days)
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


def extract(reading: Reading, claim: Claim, rules: RuleSet, notes: Notes = UNHEARD) -> list[Statement]:
    """The doubtful dates of an article, from the dates its reading holds."""
    return check_dates(reading.dates)


def _each(_claim: Claim, statements: tuple[Statement, ...]) -> list[tuple[Statement, ...]]:
    """One finding per doubtful date: each is the article's own, whatever other articles say."""
    return [(item,) for item in statements]


def _doubtful(_item: Statement) -> Status:
    return "warning"


def _entitle(case: Case) -> str:
    return TITLES[case.statements[0].data]


def _describe(case: Case) -> str:
    item = case.statements[0]
    return f"{item.article}: {item.explanation}"


def examples() -> list[tuple[str, dict[str, Any]]]:
    """(check, example) pairs of every check of language/sanity.toml."""
    data = language.load("sanity")
    return [(check, example) for check in TITLES for example in data[check]["examples"]]


KIND = Kind(
    name=CLAIM,
    summary="dates an article writes that cannot be right: a night of two days apart, a weekday that is not the "
            "date's, a day the calendar lacks",
    keys={},
    extract=extract,
    describe=_describe,
    alone=_doubtful,
    split=_each,
    entitle=_entitle,
    judged_alone=True,
    worth_a_look=worth_a_look,
)
