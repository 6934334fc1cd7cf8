"""The tagger's records: a temporal expression with its TIMEX3 value, and a date the calendar does not have."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex

DAY_VALUE = regex.compile(r"\A(\d{4})-(\d{2})-(\d{2})")


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


_PERIOD = regex.compile(
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


