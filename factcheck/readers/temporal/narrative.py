"""Narrative time: what the text has established so far, which resolution counts from.

News tells two stories at once: what happened (days up to publication) and what is planned (days after it). So
narrative time is kept per tense: a past-tense "a day earlier" counts from the last day of the first, a
future-tense "later that day" from the last day of the second, whatever was mentioned in between. The narrative
also remembers the last quarter and year the text named (an earnings story's "the quarter", "the following year")
and the days it wrote out in figures (a weekday that falls on one of them is that day).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import regex

from factcheck import patterns
from factcheck.readers import clauses
from factcheck.readers.temporal.resolve import Context
from factcheck.readers.temporal.resources import Resources, Rule
from factcheck.readers.temporal.timex import Timex

_QUARTER = patterns.compile(r"\A\d{4}-Q[1-4]\Z")
_YEAR = patterns.compile(r"\A\d{4}(?=\Z|-)")
_DIGIT = patterns.compile(r"[0-9]")
_STORIES: tuple[clauses.Tense, ...] = ("past", "future")


@dataclass(slots=True)
class Narrative:
    """The state of one text's narrative, sentence by sentence, in the order the tagger reads it."""

    published: dt.date
    resources: Resources
    days: dict[str, dt.date | None] = field(default_factory=lambda: dict.fromkeys(_STORIES))
    set_in: dict[str, int] = field(default_factory=lambda: dict.fromkeys(_STORIES, -1))  # the sentence of each day
    last_quarter: str | None = None
    last_year: int | None = None
    named_days: set[dt.date] = field(default_factory=set)  # written with their figures ("18 March")

    def context(self, match: regex.Match[str], rule: Rule, tense: clauses.Tense, sentence: int,
                reported_speech: bool) -> Context:
        """What a resolver needs for a match in a clause of this tense, in sentence number `sentence`."""
        story = "future" if tense == "future" else "past"
        other = "past" if story == "future" else "future"
        reach = self.resources.weekday_reach_sentences
        recent = self.days[story] if sentence - self.set_in[story] <= reach else None
        return Context(match, rule, self.published, self.days[story], self.days[other], tense,
                       self.resources.vocabulary, reported_speech, recent, self.last_quarter, self.last_year,
                       self.named_days)

    def note(self, timex: Timex, rule: Rule, sentence: int, before: str) -> None:
        """What a timex of sentence number `sentence` establishes; `before` is the text right before it, which may
        say it is background ("born on", "since") and moves no narrative day."""
        if rule.has("sets_story_quarter") and _QUARTER.match(timex.value):
            self.last_quarter = timex.value
        if timex.type in ("DATE", "TIME") and (year_named := _YEAR.match(timex.value)):
            self.last_year = int(year_named[0])
        day = timex.day
        if day is None or timex.type != "DATE":
            return
        if _DIGIT.search(timex.text):
            self.named_days.add(day)
        if (abs((self.published - day).days) <= self.resources.horizon
                and not self.resources.background_before.search(before)):
            if day <= self.published:
                self.days["past"], self.set_in["past"] = day, sentence
            if day >= self.published:
                self.days["future"], self.set_in["future"] = day, sentence
