"""Elapsed claims: how long something has gone on, against the day the rule says it began ("day 40 of the strike",
"the siege enters its third week", "two months into the blockade").

The reference day is day 1. Each statement is a range of day numbers the words allow ("its third week": days 15 to
21), as of the date of its clause or else the publication date, and it is checked on its own against the day number
that date has. A report published the next morning may count the day before, so the rule's tolerance (in days) makes
a near miss a warning; a miss beyond it is a conflict. A count told as past narration with no date of its own ("on
day 3 of the siege, the bridge fell") speaks of a day before publication that the words do not give: it can only be
wrong by lying after the publication date.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from dataclasses import dataclass

import regex

from factcheck import language, patterns
from factcheck.claims import Claim, KeySpec, RuleSet
from factcheck.findings import Statement, Status, statement
from factcheck.kinds import CUES_KEY, Case, Kind, once_each
from factcheck.readers import clauses
from factcheck.readers.counts import read_counts
from factcheck.readers.reading import Reading
from factcheck.trace import UNHEARD, Notes

# News rounds an amount of weeks or months ("two months into the war" a few days either side of the mark): a bare
# figure of those units stands for half a unit either way. Days are counted exactly, and inclusively: news marks "40
# days into the strike" on its 40th day, as it marks "100 days of war" on the 100th, day 1 being the day it began.
_ROUNDING = 0.5
_DAYS_PER_MONTH = 30.44  # for the fraction of a month a rounded amount reaches into


@dataclass(frozen=True, slots=True)
class ElapsedValue:
    """The day numbers a statement allows (day 1: the reference day; `high` None: no upper end), the day it speaks
    as of, the reference day and the rule's tolerance in days."""

    low: int
    high: int | None
    as_of: dt.date
    since: dt.date
    tolerance: int

    @property
    def expected(self) -> int:
        return (self.as_of - self.since).days + 1

    @property
    def miss(self) -> int:
        """How many days the expected day number lies outside the range the words allow (0: inside)."""
        if self.expected < self.low:
            return self.low - self.expected
        if self.high is not None and self.expected > self.high:
            return self.expected - self.high
        return 0

    @property
    def status(self) -> Status:
        return "consistent" if self.miss == 0 else "warning" if self.miss <= self.tolerance else "conflict"


@dataclass(frozen=True, slots=True)
class _Patterns:
    position: patterns.Pattern
    amount: patterns.Pattern
    reference_after: patterns.Pattern
    reference_before: patterns.Pattern
    other_after: patterns.Pattern
    not_until_now: patterns.Pattern
    located_before: patterns.Pattern
    perfect: patterns.Pattern


@functools.cache
def _ordinals() -> dict[str, int]:
    data = language.load("elapsed")["ordinals"]
    tens = {w: v for w, v in language.load("counts")["numbers"].items() if 20 <= v <= 90 and v % 10 == 0}
    compounds = {f"{ten}-{word}": value + number for ten, value in tens.items()
                 for word, number in data.items() if number < 10}
    return {**data, **compounds}


@functools.cache
def _patterns(event: str, cues: tuple[str, ...]) -> _Patterns:
    data = language.load("elapsed")
    words = [*data["references"][event], *cues]
    reference = rf"(?<![\w-])(?:{language.alternation(words, literal=False, spaces=None)})"
    ordinal = rf"[0-9]{{1,4}}(?:st|nd|rd|th)|{language.alternation(_ordinals(), literal=False)}"
    unit = language.alternation(data["units"], literal=False)

    def compiled(name: str) -> patterns.Pattern:
        source = data["patterns"][name].replace("{REFERENCE}", reference).replace("{ORDINAL}", ordinal)
        return patterns.compile(source.replace("{UNIT}", unit).replace("{OVER}", data["patterns"]["over"]), regex.I,
                                rule_text=bool(cues))

    return _Patterns(compiled("position"), compiled("amount_after_figure"), compiled("reference_after"),
                     compiled("reference_before"), compiled("other_after"), compiled("not_until_now"),
                     compiled("located_before"), compiled("perfect"))


def _add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months on, or the month's last day where it has no such day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for last in range(day.day, 27, -1):
        try:
            return dt.date(year, month, last)
        except ValueError:
            continue
    return dt.date(year, month, day.day)


def _elapsed_days(since: dt.date, amount: float, unit: str) -> int:
    """Whole days from the reference day to the end of an amount of units ("2.5 months" from March 10)."""
    spec = language.load("elapsed")["units"][unit]
    if "days" in spec:
        return round(amount * spec["days"])
    months = amount * spec["months"]
    whole = math.floor(months)
    return (_add_months(since, whole) - since).days + round((months - whole) * _DAYS_PER_MONTH)


def _day_reached(since: dt.date, amount: float, unit: str) -> int:
    """The day number an amount of time since the reference day stands for: an amount of days is that day ("forty
    days into" is day 40); longer units are counted as anniversaries ("a year into the war" on the day a year on)."""
    return _elapsed_days(since, amount, unit) + (0 if unit == "day" else 1)


def _unit_of(word: str) -> str:
    return word.lower().rstrip("s")


def _ordinal_value(word: str) -> int:
    word = word.lower()
    return int(word[:-2]) if word[0].isdigit() else _ordinals()[word]


def extract(reading: Reading, claim: Claim, rules: RuleSet, notes: Notes = UNHEARD) -> list[Statement]:
    since = dt.date.fromisoformat(claim.get("since"))
    tolerance = int(claim.get("tolerance_days"))
    patterns = _patterns(claim.get("event"), tuple(claim.get("cues") or ()))
    text, article = reading.text, reading.article
    found: list[Statement] = []
    for index, sentence in enumerate(reading.sentences):
        segments = list(reading.segments[index])
        # start, end, low, high, value, how, whether it locates an event rather than says where the time stands
        candidates: list[tuple[int, int, int, int | None, str, str, bool]] = []
        for match in patterns.position.finditer(text, sentence.start, sentence.end):
            label_start = match.start("ordinal") if match["ordinal"] else match.start()
            # A word of the counted time before the position ties it unless the position is another thing's ("the
            # strike began on day 2 of the summit").
            tied = (patterns.reference_after.match(text, match.end(), sentence.end) is not None
                    or patterns.other_after.match(text, match.end(), sentence.end) is None
                    and patterns.reference_before.search(text, max(sentence.start, label_start - 80),
                                                         label_start) is not None)
            if not tied:
                notes.reject(index, claim.id, f"'{match.group()}' is tied to no word of the {claim.get('event')}")
                continue
            located = patterns.located_before.search(text, max(sentence.start, match.start() - 20),
                                                     match.start()) is not None
            if match["number"]:
                number = int(match["number"])
                candidates.append((match.start(), match.end(), number, number, f"day {number}",
                                   f"day {number}, day 1 being {since}", located))
                continue
            number, unit = _ordinal_value(match["ordinal"]), _unit_of(match["unit"])
            first = _elapsed_days(since, number - 1, unit) + 1
            last = _elapsed_days(since, number, unit)
            candidates.append((match.start("ordinal"), match.end(), first, last, f"{unit} {number}",
                               f"{unit} {number} counted from {since}: days {first} to {last}", located))
        # A figure of time is a duration to the tagger ("two months"): only the figures of dates are left out.
        dates = [(t.start, t.end) for t in reading.timexes[index] if t.type != "DURATION"]
        for count in read_counts(text, sentence.start, sentence.end, dates):
            amount = patterns.amount.match(text, count.end, sentence.end)
            if amount is None:
                continue
            if patterns.not_until_now.search(text, max(sentence.start, count.start - 30), count.start) is not None:
                notes.reject(index, claim.id, f"'{count.text} {amount['unit']}' is a stretch of the "
                                              f"{claim.get('event')}, not the time until now")
                continue
            unit = _unit_of(amount["unit"])
            rounding = 0.0 if unit == "day" else _ROUNDING
            low = max(_day_reached(since, max(count.low - rounding, 0), unit), 1)
            high = None if count.high is None else _day_reached(since, count.high + rounding, unit)
            plural = "" if count.value in ("1", "~1") else "s"
            candidates.append((count.start, amount.end("unit"), low, high, f"{count.value} {unit}{plural}",
                               f"{count.how}, in {unit}s since {since}: day {low} to "
                               f"{'no upper end' if high is None else f'day {high}'}", True))
        for start, end, low, high, value, how, located in candidates:
            segment = clauses.segment_at(segments, start)
            dated = [t for t in reading.timexes[index]
                     if t.day is not None and clauses.segment_at(segments, t.start) == segment]
            # The clause's own tense: a plan elsewhere in the sentence ("will fly out ..., as the strike nears its
            # third week") does not move the count ahead.
            clause = segments[segment]
            tense = clauses.tense_near(text, clause.start, clause.end, start)
            if not dated and tense == "future":
                notes.reject(index, claim.id, f"'{text[start:end]}' looks ahead and gives no date to count to")
                continue
            narrated = (not dated and located and tense == "past"
                        and patterns.perfect.search(text, clause.start, clause.end) is None)
            if narrated and low <= (article.published - since).days + 1:
                notes.reject(index, claim.id, f"'{text[start:end]}' tells of a past day the words do not date, "
                                              "not of the publication date")
                continue
            as_of = dated[0].day if dated and dated[0].day is not None else article.published
            as_of_how = (f"as of {as_of} ({dated[0].text})" if dated
                         else f"told in the past tense, so no later than the publication date {as_of}" if narrated
                         else f"as of the publication date {as_of}")
            data = ElapsedValue(low, high, as_of, since, tolerance)
            explanation = (f"{text[start:end]} -> {value}: {how}; {as_of_how}, which is day {data.expected}: "
                           f"{_verdict(data)}")
            found.append(statement(claim.id, article, sentence, [(start, end)], value, explanation, data,
                                   {"as_of": as_of.isoformat(), "expected": data.expected}))
    return once_each(found, lambda a, b: a.value == b.value and a.data.as_of == b.data.as_of, reading, notes)


def _verdict(data: ElapsedValue) -> str:
    if data.miss == 0:
        return "as expected"
    side = "within" if data.miss <= data.tolerance else "beyond"
    return f"{data.miss} day(s) off, {side} the tolerance of {data.tolerance}"


def _each(_claim: Claim, statements: tuple[Statement, ...]) -> list[tuple[Statement, ...]]:
    """A finding for each statement that misses the day it speaks of; those that hit it make one together."""
    return [(item,) for item in statements]


def _against_the_reference(item: Statement) -> Status:
    """How far the day count misses the day the rule says it began, against the rule's tolerance."""
    status: Status = item.data.status
    return status


def _describe(case: Case) -> str:
    if case.status == "consistent":
        listing = "; ".join(f"{s.value} on {s.data.as_of} ({s.article})" for s in case.statements)
        return f"as expected, counted from {case.statements[0].data.since}: {listing}"
    item = case.statements[0]
    return (f"{item.value} of the {case.claim.get('event')} on {item.data.as_of} ({item.article}): expected day "
            f"{item.data.expected} (day 1 is {item.data.since}); {_verdict(item.data)}")


def _whole_days(value: object) -> str | None:
    """A tolerance is a whole number of days, 0 or more: a negative one would make a hit a miss."""
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0 or value != int(value):
        return f"must be a whole number of days, 0 or more, not {value}"
    return None


KIND = Kind(
    name="elapsed",
    summary="how long something has gone on ('day 40 of the strike'), against the day the rule says it began",
    keys={
        "event": KeySpec("string", "what the time is counted since, a vocabulary of language/elapsed.toml: "
                                   + ", ".join(sorted(language.load("elapsed")["references"])), required=True,
                         choices=tuple(sorted(language.load("elapsed")["references"]))),
        "since": KeySpec("date", "the day it began, day 1 (YYYY-MM-DD)", required=True),
        "tolerance_days": KeySpec("number", "how many days a statement may miss by and be a warning, not a conflict",
                                  default=1, check=_whole_days),
        "cues": CUES_KEY,
    },
    extract=extract,
    describe=_describe,
    alone=_against_the_reference,
    split=_each,
    data_type=ElapsedValue,
    judged_alone=True,
)
