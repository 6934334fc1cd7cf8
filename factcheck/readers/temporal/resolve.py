"""Resolution: a match of a rule turned into a TIMEX3 value, with how it was reached.

News practice decides: deictic words ("yesterday", "last week", "ago") count from the publication date; weekday
names and anaphoric words ("later in the day", "the next day") count from narrative time, the last day the text
itself established (narrative.py), falling back to the publication date; tense decides the direction where the
text does not. Each rule of language/temporal.toml names its resolver (`resolve`); a resolver reads the match's
groups through the vocabularies and never searches the text.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

import regex

from factcheck import patterns
from factcheck.readers import clauses
from factcheck.readers.temporal.resources import Rule, load
from factcheck.readers.temporal.timex import Timex

_SPACES = patterns.compile(r"\s+")


@dataclass(slots=True)
class Context:
    """What a resolver needs to know about one match: the match and its rule, the publication date, the clause's
    tense, and what the narrative had established before it (narrative.py)."""

    match: regex.Match[str]
    rule: Rule
    published: dt.date
    narrative: dt.date | None  # the narrative day of the clause's tense
    other_narrative: dt.date | None  # that of the other tense, for anaphors where the clause's has none
    tense: clauses.Tense
    vocabulary: dict[str, dict[str, Any]]
    reported_speech: bool = False
    recent_narrative: dt.date | None = None  # the narrative day if the last few sentences set it, for weekday names
    last_quarter: str | None = None  # the last quarter the text named (2023-Q3), the period an earnings story is about
    last_year: int | None = None  # the year of the last date the text named, for "the following year"
    named_days: Collection[dt.date] = ()  # the days the text named before, for weekday names

    def group(self, name: str) -> str | None:
        try:
            value = self.match.group(name)
        except IndexError:
            return None
        return value.lower() if value else None

    def required(self, name: str) -> str:
        """A group the rule's pattern always fills."""
        value = self.group(name)
        if value is None:
            raise ValueError(f"the pattern has no group {name!r}")
        return value

    def lookup(self, table: str, group: str | None = None) -> Any:
        word = self.group(group or table.lower())
        if word is None:
            return None
        return self.vocabulary[table].get(_SPACES.sub(" ", word.rstrip(".")))

    def anaphor_base(self) -> tuple[dt.date, str]:
        """The day an anaphoric expression ("later that day", "two days later") counts from, and its name."""
        if self.narrative is not None:
            return self.narrative, "narrative date"
        if self.other_narrative is not None:
            return self.other_narrative, "narrative date"
        return self.published, "publication date"

    def number(self) -> int | str | None:
        """The whole number of an amount ("X" for "several"); a half is read by `half()`."""
        if (digits := self.group("num")) is not None:
            return int(digits)
        if (tens := self.group("tens")) is not None:
            return int(self.vocabulary["NUMBER"][tens]) + int(self.vocabulary["NUMBER"][self.required("units")])
        return self.lookup("NUMBER")

    def shift(self, word: str | None) -> int:
        """How many units a relative word moves from the reference (last -1, next +1, this 0)."""
        return int(self.vocabulary["SHIFT"].get(word or "", 0))

    def half(self) -> bool:
        return self.group("fraction") is not None or self.group("andhalf") is not None


@dataclass(frozen=True, slots=True)
class Value:
    type: str
    value: str
    how: str
    anchor: dt.date | None = None
    mod: str | None = None


def _year_near(month: int, day: int, reference: dt.date) -> int | None:
    """The year that puts month/day nearest the reference date (news rarely reaches past half a year)."""
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidates.append((abs((dt.date(year, month, day) - reference).days), year))
        except ValueError:
            continue
    return min(candidates)[1] if candidates else None


def _explicit_date(ctx: Context) -> Value | None:
    month, day = ctx.lookup("MONTH"), int(ctx.required("day").rstrip("stndrh"))
    year: int | None
    if (year_text := ctx.group("year")) is not None:
        year, how = int(year_text), "explicit date"
    elif (reference := ctx.group("yearref")) is not None:
        year = ctx.published.year + ctx.shift(reference)
        how = f"explicit date of '{reference} year', from publication date {ctx.published}"
    else:
        year = _year_near(month, day, ctx.published)
        how = f"explicit date, year from publication date {ctx.published}"
        if year is not None:
            # Tense settles the half-year in between: "was held on December 20" written in June is last December.
            shift = _tense_shift(year, month, day, ctx)
            if shift:
                year += shift
                how += f" ({ctx.tense} tense)"
    if year is None:
        return None
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    weekday = ctx.lookup("WEEKDAY")
    if weekday is not None and weekday != date.weekday():
        how += f"; the text names a {_weekday_name(weekday)} but {date} is a {_weekday_name(date.weekday())}"
    return Value("DATE", date.isoformat(), how, ctx.published if year_text is None else None)


def _tense_shift(year: int, month: int, day: int, ctx: Context) -> int:
    """-1 or +1 when the nearest year puts a past event months after publication or a future one months before it
    (a few days either way is a schedule or a report, not another year)."""
    try:
        date = dt.date(year, month, day)
        if abs((date - ctx.published).days) < 60:
            return 0
        if ctx.tense == "past" and date > ctx.published + dt.timedelta(days=1):
            dt.date(year - 1, month, day)
            return -1
        if ctx.tense == "future" and date < ctx.published - dt.timedelta(days=1):
            dt.date(year + 1, month, day)
            return 1
    except ValueError:
        return 0
    return 0


def _iso_date(ctx: Context) -> Value | None:
    try:
        date = dt.date.fromisoformat(ctx.match.group()[:10])
    except ValueError:
        return None
    return Value("DATE", date.isoformat(), "ISO date")


def _numeric_date(ctx: Context) -> Value | None:
    import dateparser  # imported here: it takes a moment to load, and most texts have no dates in figures

    order = ctx.rule.data["orders"][ctx.required("separator")]
    parsed = dateparser.parse(ctx.required("numeric"), languages=["en"],
                              settings={"DATE_ORDER": order, "REQUIRE_PARTS": ["day", "month", "year"]})
    if parsed is None:
        return None
    return Value("DATE", parsed.date().isoformat(), f"date in figures, read {order} as the separator "
                                                     f"'{ctx.required('separator')}' suggests")


def _month(ctx: Context) -> Value:
    month = ctx.lookup("MONTH")
    if (year_text := ctx.group("year")) is not None:
        return Value("DATE", f"{int(year_text):04d}-{month:02d}", "explicit month")
    relative = ctx.group("relative")
    if relative == "this":
        return Value("DATE", f"{ctx.published.year:04d}-{month:02d}", f"'this' month, in the year of publication "
                                                                        f"date {ctx.published}", ctx.published)
    if (reference := ctx.group("yearref")) is not None:
        year = ctx.published.year + ctx.shift(reference)
        return Value("DATE", f"{year:04d}-{month:02d}", f"month of '{reference} year', from publication date "
                                                         f"{ctx.published}", ctx.published)
    if relative in ("last", "past", "previous"):
        # "last February" in March is a year back: the month just gone would be "last month".
        year = ctx.published.year - (1 if month >= ctx.published.month - 1 else 0)
        how = f"'{relative}' month, the one before publication date {ctx.published}"
    elif relative in ("next", "coming"):
        year = ctx.published.year + (1 if month <= ctx.published.month else 0)
        how = f"'{relative}' month, the one after publication date {ctx.published}"
    else:
        # The tense decides which side of the publication date ("met him in November", said in June, is last
        # November); without one, the nearest such month ("in September" in August is this September).
        published = ctx.published.year * 12 + ctx.published.month - 1
        candidates = [y * 12 + month - 1 for y in (ctx.published.year - 1, ctx.published.year, ctx.published.year + 1)]
        if ctx.tense == "past":
            chosen = max(c for c in candidates if c <= published)
            how = f"month, the last one up to publication date {ctx.published} (past tense)"
        elif ctx.tense == "future":
            chosen = min(c for c in candidates if c >= published)
            how = f"month, the next one from publication date {ctx.published} (future tense)"
        else:
            chosen = min(candidates, key=lambda c: (abs(c - published), c))
            how = f"month, the nearest to publication date {ctx.published}"
        year = chosen // 12
    return Value("DATE", f"{year:04d}-{month:02d}", how, ctx.published)


def _year(ctx: Context) -> Value:
    return Value("DATE", f"{int(ctx.required('year')):04d}", "explicit year")


def _decade(ctx: Context) -> Value:
    if (digits := ctx.group("digits")) is not None:
        return Value("DATE", digits, "explicit decade")
    decade = int(ctx.group("short") or ctx.lookup("DECADE"))
    century = ctx.published.year // 100
    if century * 100 + decade * 10 > ctx.published.year:
        century -= 1  # the '90s of a story from 2022 are the 1990s
    return Value("DATE", f"{century:02d}{decade}", f"decade, century from publication date {ctx.published}",
                 ctx.published)


def _season(ctx: Context) -> Value:
    season = ctx.lookup("SEASON")
    if (year_text := ctx.group("year")) is not None:
        return Value("DATE", f"{int(year_text):04d}-{season}", "explicit season")
    shift = ctx.shift(ctx.group("relative"))
    year = ctx.published.year + shift
    return Value("DATE", f"{year:04d}-{season}", f"season, year from publication date {ctx.published}", ctx.published)


def _holiday(ctx: Context) -> Value:
    spec = ctx.lookup("HOLIDAY") or ctx.lookup("HOLIDAYWORD")
    if (year_text := ctx.group("year")) is not None:
        return Value("DATE", _holiday_in(spec, int(year_text)).isoformat(), "holiday, explicit year")
    # The nearest one; in the past tense the last one, in the future the next.
    days = [_holiday_in(spec, ctx.published.year + shift) for shift in (-1, 0, 1)]
    if ctx.tense == "past":
        day, how = max(d for d in days if d <= ctx.published), "the last before"
    elif ctx.tense == "future":
        day, how = min(d for d in days if d >= ctx.published), "the next after"
    else:
        day, how = min(days, key=lambda d: abs((d - ctx.published).days)), "the nearest to"
    return Value("DATE", day.isoformat(), f"holiday, {how} publication date {ctx.published}", ctx.published)


def _holiday_in(spec: str, year: int) -> dt.date:
    """A holiday's day in a year: "12-25", or "11/4/3" for the fourth Thursday of November."""
    if "/" not in spec:
        month, day = map(int, spec.split("-"))
        return dt.date(year, month, day)
    month, nth, weekday = map(int, spec.split("/"))
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def _quarter(ctx: Context) -> Value:
    quarter = ctx.lookup("ORDINAL") or ctx.lookup("QUARTER")
    current = (ctx.published.month - 1) // 3 + 1
    if (year_text := ctx.group("year")) is not None:
        return Value("DATE", f"{int(year_text):04d}-Q{quarter}", "explicit quarter")
    if ctx.group("yearago") is not None:
        base = int(ctx.last_quarter[:4]) if ctx.last_quarter else ctx.published.year
        return Value("DATE", f"{base - 1:04d}-Q{quarter}", f"the quarter a year before {base}")
    if (reference := ctx.group("yearref")) is not None:
        year = ctx.published.year + ctx.shift(reference)
        return Value("DATE", f"{year:04d}-Q{quarter}", f"quarter of '{reference} year', from publication date "
                                                        f"{ctx.published}", ctx.published)
    year = ctx.published.year
    how = f"quarter, year from publication date {ctx.published}"
    if quarter > current and ctx.tense != "future":
        year -= 1
        how = f"quarter not yet begun at publication date {ctx.published}, so last year's ({ctx.tense} tense)"
    return Value("DATE", f"{year:04d}-Q{quarter}", how, ctx.published)


def _the_quarter(ctx: Context) -> Value:
    if (year_text := ctx.group("year")) is not None:
        quarter = ctx.last_quarter[-1] if ctx.last_quarter else str((ctx.published.month - 1) // 3 + 1)
        return Value("DATE", f"{int(year_text):04d}-Q{quarter}", f"the {year_text} quarter of the one the text "
                                                                  "is about")
    if ctx.group("yearago") is not None:
        return _year_earlier(ctx)
    if ctx.last_quarter is not None:
        return Value("DATE", ctx.last_quarter, "the quarter the text last named")
    months = ctx.published.year * 12 + ctx.published.month - 1 - 3
    value = f"{months // 12:04d}-Q{(months % 12) // 3 + 1}"
    return Value("DATE", value, f"the quarter before publication date {ctx.published}, the one reported on",
                 ctx.published)


def _year_earlier(ctx: Context) -> Value:
    if ctx.last_quarter is not None:
        year, quarter = ctx.last_quarter.split("-Q")
        return Value("DATE", f"{int(year) - 1:04d}-Q{quarter}", f"a year before {ctx.last_quarter}, the quarter "
                                                                 "the text last named")
    return Value("DATE", f"{ctx.published.year - 1:04d}", f"a year before publication date {ctx.published}",
                 ctx.published)


def _set(ctx: Context) -> Value:
    word = ctx.required("word").split()[-1]
    return Value("SET", ctx.rule.data["values"][word], "recurring")


def _weekday_set(ctx: Context) -> Value:
    return Value("SET", f"XXXX-WXX-{ctx.lookup('WEEKDAY') + 1}", "recurring weekday")


def _part_of_day_deictic(ctx: Context) -> Value:
    relative, part = ctx.required("relative"), ctx.vocabulary["PART"][ctx.required("part")]
    day = ctx.published + dt.timedelta(ctx.rule.data["offsets"][relative])
    return Value("TIME", f"{day}T{part}", f"'{relative}' part of day, from publication date {ctx.published}",
                 ctx.published)


def _spelled_year(ctx: Context) -> Value:
    numbers = ctx.vocabulary["NUMBER"]
    if ctx.group("millennium") is not None:
        year = 2000 + numbers.get(ctx.group("small") or "", 0)
    else:
        year = numbers[ctx.required("century")] * 100 + numbers[ctx.required("decade")] + \
            numbers.get(ctx.group("unit") or "", 0)
    return Value("DATE", f"{year:04d}", "year spelled out")


def _clock_time(ctx: Context) -> Value:
    if (hour24 := ctx.group("hour24")) is not None:
        hour = int(hour24)
    else:
        hour = int(ctx.required("hour")) % 12 + (12 if ctx.required("meridiem").startswith("p") else 0)
    minute = int(ctx.group("minute") or 0)
    day, source = ctx.anaphor_base()
    return Value("TIME", f"{day}T{hour:02d}:{minute:02d}", f"clock time on the {source} {day}", day)


def _time_word(ctx: Context) -> Value:
    word = ctx.required("word")
    clock = "24:00" if word == "midnight" else "12:00"
    side = ctx.group("side")
    mod = {"before": "BEFORE", "after": "AFTER"}.get(side or "", "APPROX" if ctx.group("approximately") else None)
    day, source = ctx.anaphor_base()
    return Value("TIME", f"{day}T{clock}", f"'{word}' on the {source} {day}", day, mod)


def _weekday_name(index: int) -> str:
    return ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][index]


def resolve_weekday(weekday: int, relative: str | None, tense: clauses.Tense, published: dt.date,
                    narrative: dt.date | None, named: Collection[dt.date] = ()) -> tuple[dt.date, str, dt.date]:
    """The day a weekday name refers to, how it was found, and the date it was counted from; `named` are the days
    the text named before it."""
    forward = (weekday - published.weekday()) % 7
    if relative in ("last", "past"):
        days = -((published.weekday() - weekday) % 7 or 7)
        return published + dt.timedelta(days), f"'last' weekday, back from publication date {published}", published
    if relative in ("next", "coming"):
        return (published + dt.timedelta(forward or 7), f"'next' weekday, forward from publication date {published}",
                published)
    if relative == "this":
        monday = published - dt.timedelta(published.weekday())
        return monday + dt.timedelta(weekday), f"'this' weekday, in the week of publication date {published}", published
    # Within the publication's week the reader's "Tuesday" is the one near the publication date, whatever else the
    # text mentioned; a story told from another week (a report ten days later) counts from its own narrative. A plan
    # is always told from the publication's week: "will meet him on Saturday" is the coming Saturday, whatever later
    # date the schedule mentioned before it.
    if narrative is None or tense == "future" or abs((narrative - published).days) <= load().weekday_reach:
        if forward == 0:
            return published, f"weekday, same day as publication date {published}", published
        if tense == "future":
            return (published + dt.timedelta(forward), f"weekday, forward from publication date {published} "
                    f"(future tense)", published)
        why = "past tense" if tense == "past" else "news reports what has happened"
        return (published - dt.timedelta(7 - forward), f"weekday, back from publication date {published} ({why})",
                published)
    # A report told from another week may still come back to its main day by weekday: "on 18 March" in the lead,
    # the days before it told after, then "on Saturday" is the 18th again, the day of the publication's week the
    # text has named, not the Saturday nearest the last date told. A story that really moved to the week before
    # and names no day of its own there reads the other way ("a week earlier, on 12 March, ...; on Saturday ...");
    # news mostly names such days, while it calls the days of its own week by their weekday.
    back = published - dt.timedelta((7 - forward) % 7)
    if tense != "future" and back in named:
        return back, f"weekday, back from publication date {published}, a day the text named before", published
    ahead = (weekday - narrative.weekday()) % 7
    candidate = narrative + dt.timedelta(ahead if ahead <= 3 else ahead - 7)
    how = f"weekday, nearest to narrative date {narrative}"
    if tense == "past" and candidate > published:
        candidate -= dt.timedelta(7 * -(-(candidate - published).days // 7))
        how += f", moved back before publication date {published} (past tense)"
    elif tense == "future" and candidate < published:
        candidate += dt.timedelta(7 * -(-(published - candidate).days // 7))
        how += f", moved forward after publication date {published} (future tense)"
    return candidate, how, narrative


def _weekday(ctx: Context) -> Value:
    day, how, anchor = resolve_weekday(ctx.lookup("WEEKDAY"), ctx.group("relative"), ctx.tense, ctx.published,
                                       ctx.recent_narrative, ctx.named_days)
    return Value("DATE", day.isoformat(), how, anchor)


def _deictic_day(ctx: Context) -> Value:
    word = _SPACES.sub(" ", ctx.required("word"))
    base, source = ctx.published, "publication date"
    if ctx.reported_speech and ctx.narrative is not None:
        base, source = ctx.narrative, "narrative date (reported speech: the speaker's day)"
    day = base + dt.timedelta(ctx.rule.data["offsets"][word])
    value = day.isoformat() + ("TNI" if word == "tonight" else "")
    return Value("DATE", value, f"'{word}', counted from the {source} {base}", base)


def _anaphoric_day(ctx: Context) -> Value:
    words = _SPACES.sub(" ", ctx.required("word")).split()
    offset = next((ctx.rule.data["offsets"][w] for w in words if w in ctx.rule.data["offsets"]), 0)
    base, source = ctx.anaphor_base()
    day = base + dt.timedelta(offset)
    return Value("DATE", day.isoformat(), f"'{' '.join(words)}', counted from the {source} {base}", base)


def _shift(day: dt.date, amount: int, unit: str) -> tuple[str, str]:
    """A day moved by amount units, as the TIMEX3 value of that unit's granularity."""
    if unit == "D":
        return (day + dt.timedelta(amount)).isoformat(), "day"
    if unit in ("W", "F"):
        target = day + dt.timedelta(weeks=amount * (2 if unit == "F" else 1))
        year, week, _ = target.isocalendar()
        return f"{year:04d}-W{week:02d}", "week"
    if unit == "M":
        months = day.year * 12 + day.month - 1 + amount
        return f"{months // 12:04d}-{months % 12 + 1:02d}", "month"
    if unit == "Q":
        months = day.year * 12 + day.month - 1 + 3 * amount
        return f"{months // 12:04d}-Q{(months % 12) // 3 + 1}", "quarter"
    if unit == "Y":
        return f"{day.year + amount:04d}", "year"
    if unit == "DE":
        return f"{(day.year + 10 * amount) // 10:03d}", "decade"
    return day.isoformat(), "day"


def _mod_word(ctx: Context) -> str | None:
    word = ctx.group("mod")
    return ctx.vocabulary["MOD"].get(_SPACES.sub(" ", word)) if word else None


def _offset(ctx: Context, base: dt.date, sign: int, source: str) -> Value | None:
    amount, unit = ctx.number(), ctx.lookup("UNIT")
    if unit in ("H", "MIN"):
        return None
    if not isinstance(amount, int):
        ref = "PAST_REF" if sign < 0 else "FUTURE_REF"
        return Value("DATE", ref, f"an unspecified number of units from the {source} {base}", base, _mod_word(ctx))
    value, granularity = _shift(base, sign * amount, unit)
    direction = "back" if sign < 0 else "forward"
    return Value("DATE", value, f"{amount} {granularity}(s) {direction} from the {source} {base}",
                 base, _mod_word(ctx))


def _offset_from_publication(ctx: Context) -> Value | None:
    return _offset(ctx, ctx.published, -1, "publication date")


def _offset_from_publication_forward(ctx: Context) -> Value | None:
    return _offset(ctx, ctx.published, 1, "publication date")


def _offset_from_narrative(ctx: Context) -> Value | None:
    sign = 1 if ctx.group("direction") in ("later", "afterwards", "after") else -1
    base, source = ctx.anaphor_base()
    return _offset(ctx, base, sign, source)


def _relative_unit(ctx: Context) -> Value:
    relative, unit = ctx.required("relative"), ctx.required("unit")
    shift = ctx.shift(relative)
    if unit == "year" and relative in ("following", "previous") and ctx.last_year is not None:
        # Anaphoric: the year after (before) the one the text last named, not the publication's.
        return Value("DATE", f"{ctx.last_year + shift:04d}", f"'the {relative} year', from {ctx.last_year}, the "
                                                              "year the text last named")
    if unit == "weekend":
        return _weekend_value(ctx.published, shift, f"'{relative} weekend'")
    value, _ = _shift(ctx.published, shift, {"week": "W", "month": "M", "year": "Y"}[unit])
    return Value("DATE", value, f"'{relative} {unit}', counted from publication date {ctx.published}", ctx.published)


def _weekend_value(published: dt.date, shift: int, what: str) -> Value:
    # The weekend of the publication week if it is under way, else the one before (or after, looking forward).
    if published.weekday() >= 5:
        base = published
    else:
        base = published + dt.timedelta(days=(5 - published.weekday()) if shift > 0 else -(published.weekday() + 2))
    if shift > 0 and published.weekday() >= 5:
        base += dt.timedelta(weeks=1)
    year, week, _ = base.isocalendar()
    return Value("DATE", f"{year:04d}-W{week:02d}-WE", f"{what}, the nearest weekend to publication date {published}",
                 published)


def _weekend(ctx: Context) -> Value:
    return _weekend_value(ctx.published, 1 if ctx.tense == "future" else -1, "'weekend'")


# Units TIMEX3 writes otherwise: decades and centuries in years, quarters in months, fortnights in weeks; and what a
# half of a unit adds.
_UNIT_AS = {"DE": (10, "Y"), "CE": (100, "Y"), "Q": (3, "M"), "F": (2, "W")}


_HALF = {"Y": "6M", "D": "T12H", "H": "30M", "MIN": "30S", "M": "15D", "W": "3DT12H"}


def _duration(ctx: Context) -> Value:
    amount, unit = ctx.number(), ctx.lookup("UNIT")
    factor, unit = _UNIT_AS.get(unit, (1, unit))
    amount_text = str(amount * factor) if isinstance(amount, int) else "X"
    half = _HALF.get(unit, "") if ctx.half() and isinstance(amount, int) and factor == 1 else ""
    if unit in ("H", "MIN"):
        value = f"PT{amount_text}{'M' if unit == 'MIN' else 'H'}{half}"
    else:
        value = f"P{amount_text}{unit}{half}"
    return Value("DURATION", value, "duration", None, _mod_word(ctx))


def _vague_duration(ctx: Context) -> Value:
    unit = ctx.vocabulary["UNIT"][ctx.required("unit").rstrip("s")]
    value = "PTXH" if unit == "H" else f"PX{unit}"
    return Value("DURATION", value, "unspecified duration")


def _vague(ctx: Context) -> Value:
    word = _SPACES.sub(" ", ctx.required("word"))
    value = next(value for value, words in ctx.rule.data["values"].items() if word in words)
    return Value("DATE", value, "vague reference")


# How each rule's `resolve` of language/temporal.toml turns a match into a value (None: it names no day).
_RESOLVERS: dict[str, Callable[[Context], Value | None]] = {
    "explicit_date": _explicit_date, "iso_date": _iso_date, "numeric_date": _numeric_date, "month": _month,
    "year": _year, "decade": _decade, "season": _season, "holiday": _holiday, "quarter": _quarter,
    "the_quarter": _the_quarter,
    "year_earlier": _year_earlier, "set": _set, "weekday_set": _weekday_set, "spelled_year": _spelled_year,
    "clock_time": _clock_time, "time_word": _time_word, "part_of_day_deictic": _part_of_day_deictic,
    "weekday": _weekday, "deictic_day": _deictic_day, "anaphoric_day": _anaphoric_day,
    "offset_from_publication": _offset_from_publication,
    "offset_from_publication_forward": _offset_from_publication_forward,
    "offset_from_narrative": _offset_from_narrative, "relative_unit": _relative_unit, "weekend": _weekend,
    "duration": _duration, "vague_duration": _vague_duration, "vague": _vague,
}


def resolve(ctx: Context) -> Value | None:
    """The value of a match, by its rule's resolver."""
    return _RESOLVERS[ctx.rule.resolve](ctx)


def why_no_such_day(ctx: Context) -> str | None:
    """Why a date written with its day resolved to nothing, if the reason is the calendar; else None."""
    if ctx.rule.resolve == "explicit_date":
        month, day, year = ctx.lookup("MONTH"), int(ctx.required("day").rstrip("stndrh")), ctx.group("year")
    elif ctx.rule.resolve == "iso_date":
        year, month_text, day_text = ctx.match.group()[:10].split("-")
        month, day = int(month_text), int(day_text)
    else:
        return None
    longest = calendar.monthrange(2000, month)[1]  # a leap year: the most days the month ever has
    if day > longest:
        return f"{calendar.month_name[month]} has {longest} days, not {day}"
    if month == 2 and day == 29:
        if year is not None:
            return f"{year} is not a leap year, so it has no February 29"
        return f"no year near the publication date {ctx.published} is a leap year, so none has a February 29"
    return None


_DIGIT = patterns.compile(r"[0-9]")


def without_reference(timex: Timex) -> Timex:
    """The timex as it reads with no reference date: what the reference supplied becomes X (TimeML's unknown)."""
    if timex.anchor is None:
        return timex
    date_part, _, time_part = timex.value.partition("T")
    # What the reference gave is what the first rule says (`without_reference` of language/temporal.toml): only the
    # year of "March 14" (XXXX-03-14), only the week of "Tuesday" (XXXX-WXX-2), else every figure.
    supplied = load().rule(timex.rule.split("+")[0]).data.get("without_reference")
    if supplied == "year" and regex.match(r"\d{4}", date_part):
        date_part = "XXXX" + date_part[4:]
    elif supplied == "week" and timex.day is not None:
        date_part = f"XXXX-WXX-{timex.day.isoweekday()}"
    else:
        date_part = _DIGIT.sub("X", date_part)
    value = date_part + ("T" + time_part if time_part else "")
    head = timex.explanation.split(": ", 1)[0].rsplit(" -> ", 1)[0]
    explanation = f"{head} -> {value}: no publication date, so what it is counted from is unknown"
    return Timex(timex.start, timex.end, timex.text, timex.type, value, timex.mod, None, explanation, timex.rule)
