"""Age claims: how old a person is, where the age is written against their name ("Ortiz, 52,", "the 44-year-old
Ortiz", "Ortiz, a 52-year-old surgeon", "aged 52"), in the shapes of language/ages.toml.

An age is as of the article's publication date, or of the claim's `as_of` day (the age at death, at the event),
which articles keep long after it. Two ages conflict when no birthday makes both true: 44 in November and 44 next
October may hold; 44 and 45 a month apart may too (a birthday between), 44 and 54 never.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

import regex

from factcheck import language, patterns
from factcheck.claims import Claim, KeySpec, RuleSet
from factcheck.findings import Statement, statement
from factcheck.kinds import Case, Kind, agreement, once_each
from factcheck.readers.names import Mention
from factcheck.readers.reading import Reading
from factcheck.trace import UNHEARD, Notes

_OLDEST = 120  # a figure above it is no age ("Ortiz, 1998")
_WINDOW = 80  # characters around a mention where its age may be written


@dataclass(frozen=True, slots=True)
class AgeValue:
    years: int
    as_of: dt.date
    fixed: bool  # as of the claim's day, not of the publication

    def born(self) -> tuple[dt.date, dt.date]:
        """The birthdays that make the age true on its day: from the day after the (years + 1)th birthday before it
        to its years-th."""
        return _years_before(self.as_of, self.years + 1) + dt.timedelta(days=1), _years_before(self.as_of, self.years)


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year - years, day=28)


@dataclass(frozen=True, slots=True)
class _Shapes:
    after: tuple[patterns.Pattern, ...]  # right after a mention: an age as it is now
    after_then: tuple[patterns.Pattern, ...]  # ... as it was ("was 52"), for ages as of a day
    before: tuple[patterns.Pattern, ...]  # ending right before a mention
    another_time: patterns.Pattern  # before a mention: the age is of another time ("when Ortiz was 30")
    titles: frozenset[str]  # words before a surname that are no given name


@functools.cache
def _shapes() -> _Shapes:
    data = language.load("ages")

    def compiled(key: str) -> tuple[patterns.Pattern, ...]:
        return tuple(patterns.compile(p.replace("{ENDS}", data["ends"]), regex.I) for p in data[key])

    return _Shapes(compiled("after"), compiled("after_then"), compiled("before"),
                   patterns.compile(data["another_time"], regex.I), frozenset(data["titles"]))


_NAME_BEFORE = patterns.compile(r"(?P<word>(?-i:\p{Lu})[\p{L}\x27’-]*\.?)[ \t]+\Z")
_NAME_AFTER = patterns.compile(r"\s+(?-i:\p{Lu})")


def _someone_else(text: str, mention: Mention) -> bool:
    """Whether a one-word mention (a surname) is part of another name: a given name right before it ("Diego Ortiz",
    "Puerto Ruiz"), not a title ("Dr. Ortiz")."""
    if " " in mention.text.strip():
        return False
    before = _NAME_BEFORE.search(text, max(0, mention.start - 30), mention.start)
    # A word with a full stop is a title, an initial ("James C. Ortiz") or the end of the sentence before.
    return before is not None and not before["word"].endswith(".") and before["word"] not in _shapes().titles


def age_of(text: str, mention: Mention, past: bool = False) -> tuple[int, int, int] | None:
    """The age written against one mention of a person, as (years, start, end) of the figure, or None; `past`:
    also an age told in the past tense ("was 52"), for ages as of a day."""
    shapes = _shapes()
    if _someone_else(text, mention) or shapes.another_time.search(text, max(0, mention.start - 40), mention.start):
        return None
    end = min(len(text), mention.end + _WINDOW)
    found = next((f for p in (*shapes.after, *(shapes.after_then if past else ()))
                  if (f := p.match(text, mention.end, end)) is not None), None)
    if found is None and not _NAME_AFTER.match(text, mention.end):  # "the 30-year-old Ortiz Clinic": the clinic's
        found = next((f for p in shapes.before
                      if (f := p.search(text, max(0, mention.start - _WINDOW), mention.start)) is not None), None)
    if found is None:
        return None
    years = int(found["age"])
    return (years, found.start("age"), found.end("age")) if 0 < years <= _OLDEST else None


def extract(reading: Reading, claim: Claim, rules: RuleSet, notes: Notes = UNHEARD) -> list[Statement]:
    who = claim.get("who")
    as_of = dt.date.fromisoformat(claim.get("as_of")) if claim.get("as_of") else None
    published = reading.article.published
    # An article written before the claim's day gives the age as of its own date.
    fixed = as_of is not None and published >= as_of
    day = as_of if as_of is not None and fixed else published
    found: list[Statement] = []
    for index, sentence in enumerate(reading.sentences):
        for mention in reading.mentions_of(who, index):
            read = age_of(reading.text, mention, past=fixed)
            if read is None:
                continue
            years, start, end = read
            value = AgeValue(years, day, fixed)
            how = f"as of {day} (the claim's day)" if fixed else f"as of the publication date {day}"
            written = reading.text[min(start, mention.start):max(end, mention.end)]
            explanation = f"'{written}': {mention.text} is {years}, {how}"
            found.append(statement(claim.id, reading.article, sentence, [(mention.start, mention.end), (start, end)],
                                   str(years), explanation, value,
                                   {"low": years, "high": years, "as_of": day.isoformat()}))
            break  # one age per sentence: the first mention that has one
    return once_each(found, lambda a, b: a.value == b.value, reading, notes)


def _incompatible(a: Statement, b: Statement) -> bool:
    (a_from, a_to), (b_from, b_to) = a.data.born(), b.data.born()
    return max(a_from, b_from) > min(a_to, b_to)


def _describe(case: Case) -> str:
    if case.status == "conflict":
        pairs = "; ".join(f"{a.value} as of {a.data.as_of} ({a.article}) vs {b.value} as of {b.data.as_of} "
                          f"({b.article})" for a, b in case.unexplained[:3])
        # Three pairs are shown, as a count claim shows them; how many there are in all is said, not left out.
        total = len(case.unexplained) + case.pairs_left_out[0]
        more = f" (and {total - 3} more pairs)" if total > 3 else ""
        return f"ages no birthday makes both true: {pairs}{more}"
    return agreement(case, "ages compatible")

KIND = Kind(
    name="age",
    summary="a person's age, written against their name",
    keys={
        "who": KeySpec("entity", "the person whose age it is", required=True, entity_kind="person"),
        "as_of": KeySpec("date", "the day the ages are as of (YYYY-MM-DD), for a person whose age the news keeps as "
                                 "it was then (the age at death); by default each article's publication date"),
    },
    extract=extract,
    describe=_describe,
    incompatible=_incompatible,
    data_type=AgeValue,
)
