"""The tagger's records: a temporal expression with its TIMEX3 value, and a date the calendar does not have; and the
days a value spans."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from factcheck import patterns

DAY_VALUE = patterns.compile(r"\A(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True, slots=True)
class Timex:
    """One temporal expression: where it is, its TIMEX3 type and value, and how the value was reached."""

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION or SET
    value: str
    mod: str | None
    anchor: str | None  # the reference date the value was computed from, if any
    explanation: str
    rule: str

    @property
    def day(self) -> dt.date | None:
        """The calendar day of a value that names one (2023-03-14, 2023-03-14TMO), else None."""
        match = DAY_VALUE.match(self.value)
        return dt.date(*map(int, match.groups())) if match else None


@dataclass(frozen=True, slots=True)
class NoSuchDay:
    """A date the tagger found written out but could not resolve, because the calendar has no such day."""

    start: int
    end: int
    text: str
    why: str


_PERIOD = patterns.compile(
    r"\A(?P<year>\d{4})(?:-(?:(?P<month>\d{2})(?:-(?P<day>\d{2}))?|W(?P<week>\d{2})|Q(?P<quarter>[1-4])))?")


def period_end(value: str) -> dt.date | None:
    """The last day of the period a TIMEX3 date value names (2011 -> 2011-12-31), or None if it names none."""
    match = _PERIOD.match(value)
    if match is None:
        return None
    year = int(match["year"])
    try:
        if match["day"]:
            return dt.date(year, int(match["month"]), int(match["day"]))
        if match["month"]:
            month = int(match["month"])
            return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        if match["week"]:
            return dt.date.fromisocalendar(year, int(match["week"]), 7)
        if match["quarter"]:
            quarter = int(match["quarter"])
            return dt.date(year + quarter // 4, (quarter * 3) % 12 + 1, 1) - dt.timedelta(days=1)
    except ValueError:
        return None
    return dt.date(year, 12, 31)




# The months of each season, as TIMEX3 names them (winter runs into the next year).
_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
_SPAN = patterns.compile(r"\A(?P<year>\d{4})(?:-(?:(?P<month>\d{2})(?:-(?P<day>\d{2}))?"
                         r"|W(?P<week>\d{2})(?P<weekend>-WE)?|Q(?P<quarter>[1-4])|(?P<season>SP|SU|FA|WI)))?(?:T.*)?\Z")


def days_of(value: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day of what a TIMEX3 date value names: a day, a week or its weekend, a month, a quarter,
    a season, a year; None for anything coarser or vaguer (a decade, PAST_REF)."""
    match = _SPAN.match(value)
    if match is None:
        return None
    year = int(match["year"])
    try:
        if match["day"]:
            day = dt.date(year, int(match["month"]), int(match["day"]))
            return day, day
        if match["month"]:
            return _months(year, int(match["month"]), int(match["month"]))
        if match["week"]:
            monday = dt.date.fromisocalendar(year, int(match["week"]), 1)
            first = monday + dt.timedelta(days=5) if match["weekend"] else monday
            return first, monday + dt.timedelta(days=6)
        if match["quarter"]:
            quarter = int(match["quarter"])
            return _months(year, 3 * quarter - 2, 3 * quarter)
        if match["season"]:
            return _months(year, *_SEASONS[match["season"]])
    except ValueError:
        return None
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _months(year: int, first: int, last: int) -> tuple[dt.date, dt.date]:
    """From the first day of month `first` to the last of month `last` (a month past 12 is the next year's)."""
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    following = dt.date(end_year + end_month // 12, end_month % 12 + 1, 1)
    return dt.date(year, first, 1), following - dt.timedelta(days=1)
