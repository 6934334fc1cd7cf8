"""The temporal tagger: finds temporal expressions and resolves them to TIMEX3 values.

Vocabularies, rules and their examples live in language/temporal.toml; this module only compiles and applies them.
Resolution follows news practice: deictic words ("yesterday", "last week", "ago") count from the publication date;
weekday names and anaphoric words ("later in the day", "the next day") count from narrative time, the last day the
text itself established, falling back to the publication date; tense decides the direction where the text does not.

Narrative time is kept per tense, because news tells two stories at once: what happened (days up to publication)
and what is planned (days after it). A past-tense "a day earlier" counts from the last day of the first, a
future-tense "later that day" from the last day of the second, whatever was mentioned in between.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

import regex

from factcheck import language
from factcheck.readers import clauses, wordstarts
from factcheck.readers.text import Sentence, split_sentences

DAY_VALUE = regex.compile(r"\A(\d{4})-(\d{2})-(\d{2})")
_SPACES = regex.compile(r"\s+")


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


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    source: str  # the pattern, compiled when an article first has the rule's anchor (`pattern`)
    anchor: regex.Pattern[str]  # in every sentence the rule matches in; compiled for lower-cased text
    anchor_beginnings: tuple[str, ...] | None  # see wordstarts.py
    resolve: str
    data: dict[str, Any]

    @property
    def pattern(self) -> regex.Pattern[str]:
        return _compiled_rule(self.source)


@functools.cache
def _compiled_rule(source: str) -> regex.Pattern[str]:
    """A rule's pattern, compiled only when needed: a check of one new article needs a few of the rules, and
    compiling them all would take longer than reading it."""
    return regex.compile(source, regex.I)


@dataclass(frozen=True, slots=True)
class _Tagger:
    vocabulary: dict[str, dict[str, Any]]
    rules: tuple[_Rule, ...]
    mod_before: regex.Pattern[str]
    part_before: regex.Pattern[str]
    part_after: regex.Pattern[str]
    background_before: regex.Pattern[str]
    reported_speech_before: regex.Pattern[str]
    horizon: int
    weekday_reach: int
    weekday_reach_sentences: int
    mod_words: dict[str, str]
    time_then_day: regex.Pattern[str]
    day_then_time: regex.Pattern[str]


def _alternation(words: dict[str, Any], name: str, capitalised_short_forms: bool) -> str:
    """A vocabulary as a named group; abbreviations of up to four letters may carry a full stop ("Feb.") and, where
    the vocabulary asks for it, count only when capitalised."""
    forms = []
    by_value: dict[str, list[str]] = {}
    for word, value in words.items():
        by_value.setdefault(str(value), []).append(word)
    full_names = {max(same, key=len) for same in by_value.values()}
    for word in sorted(words, key=len, reverse=True):
        form = regex.escape(word).replace(r"\ ", r"\s+")
        if capitalised_short_forms and len(word) <= 4 and word.isalpha():
            form = f"(?-i:{word[0].upper()}(?i:{word[1:]}))"
            # An abbreviation ("Feb.", "Sat.") carries its stop, or a figure follows ("Jan 6"): "Sun Microsystems"
            # stays a company; the stop after a full name ("in May.") ends the sentence.
            if word not in full_names:
                form += r"(?:\.|(?=\s*[0-9]))"
        forms.append(form)
    return f"(?P<{name.lower()}>" + "|".join(forms) + ")"


@functools.cache
def _tagger() -> _Tagger:
    data = language.load("temporal")
    vocabulary = {name: {k.lower(): v for k, v in table.items()} for name, table in data["vocabulary"].items()}
    capitalised = set(data["vocabulary_options"]["capitalised_short_forms"])
    placeholders = {name: _alternation(table, name, name in capitalised) for name, table in vocabulary.items()}
    # Raw patterns may use vocabularies ({NUMBER} in AMOUNT); AMOUNT names its own groups.
    for name, pattern in data["patterns"].items():
        expanded = regex.sub(r"(?<!\\[pP])\{([A-Z][A-Z0-9]*)\}", lambda m: placeholders[m[1]], pattern)
        placeholders[name] = expanded if name == "AMOUNT" else f"(?P<{name.lower()}>{expanded})"
    rules = []
    for rule in data["rules"]:
        pattern = regex.sub(r"(?<!\\[pP])\{([A-Z][A-Z0-9]*)\}", lambda m: placeholders[m[1]], rule["pattern"])
        rules.append(_Rule(rule["name"], r"(?<![\w])(?:" + pattern + r")(?![\w])", _anchor(rule["anchor"]),
                           wordstarts.word_beginnings(rule["anchor"]), rule["resolve"], rule))
    modifiers, narrative = data["modifiers"], data["narrative"]
    return _Tagger(
        vocabulary=vocabulary,
        rules=tuple(rules),
        mod_before=regex.compile(modifiers["before"], regex.I),
        part_before=regex.compile(modifiers["part_before"], regex.I),
        part_after=regex.compile(modifiers["part_after"], regex.I),
        background_before=regex.compile(narrative["background_before"], regex.I),
        reported_speech_before=regex.compile(narrative["reported_speech_before"], regex.I),
        horizon=narrative["horizon_days"],
        weekday_reach=narrative["weekday_reach_days"],
        weekday_reach_sentences=narrative["weekday_reach_sentences"],
        mod_words=dict(data["mod_words"]),
        time_then_day=regex.compile(data["composition"]["time_then_day"], regex.I),
        day_then_time=regex.compile(data["composition"]["day_then_time"], regex.I),
    )


@functools.cache
def _anchor(pattern: str) -> regex.Pattern[str]:
    """One compiled anchor per distinct pattern (rules share them), matched against lower-cased text: case-sensitive
    matching is much faster than case-insensitive."""
    return regex.compile(pattern)


def _anchor_positions(text: str, start: int, end: int) -> list[list[int]]:
    """For each rule, the offsets of its anchor in text[start:end], each distinct anchor scanned once."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters lower-case into two; keep the offsets right
        lowered = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    words = wordstarts.Words.of(text)
    scanned: dict[regex.Pattern[str], list[int]] = {}
    positions = []
    for rule in _tagger().rules:
        if rule.anchor not in scanned:
            scanned[rule.anchor] = [m.start() for m in wordstarts.finditer(rule.anchor, rule.anchor_beginnings, lowered,
                                                                           words, start, end, None, True)]
        positions.append(scanned[rule.anchor])
    return positions


def rule_names() -> list[str]:
    return [rule.name for rule in _tagger().rules]


def rule_examples() -> list[tuple[str, dict[str, Any]]]:
    """(rule name, example) pairs of every rule, and of the modifiers under the name "modifiers"."""
    data = language.load("temporal")
    pairs = [(rule["name"], example) for rule in data["rules"] for example in rule.get("examples", [])]
    return pairs + [(section, example) for section in ("modifiers", "narrative")
                    for example in data[section]["examples"]]


@dataclass(slots=True)
class _Context:
    """What a resolver needs to know about one match."""

    match: regex.Match[str]
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
class _Value:
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


def _explicit_date(ctx: _Context) -> _Value | None:
    month, day = ctx.lookup("MONTH"), int(ctx.required("day").rstrip("stndrh"))
    year: int | None
    if (year_text := ctx.group("year")) is not None:
        year, how = int(year_text), "explicit date"
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
    return _Value("DATE", date.isoformat(), how, ctx.published if year_text is None else None)


def _tense_shift(year: int, month: int, day: int, ctx: _Context) -> int:
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


def _iso_date(ctx: _Context) -> _Value | None:
    try:
        date = dt.date.fromisoformat(ctx.match.group()[:10])
    except ValueError:
        return None
    return _Value("DATE", date.isoformat(), "ISO date")


def _numeric_date(ctx: _Context, rule: _Rule) -> _Value | None:
    import dateparser  # imported here: it takes a moment to load, and most texts have no dates in figures

    order = rule.data["orders"][ctx.required("separator")]
    parsed = dateparser.parse(ctx.required("numeric"), languages=["en"],
                              settings={"DATE_ORDER": order, "REQUIRE_PARTS": ["day", "month", "year"]})
    if parsed is None:
        return None
    return _Value("DATE", parsed.date().isoformat(), f"date in figures, read {order} as the separator "
                                                     f"'{ctx.required('separator')}' suggests")


def _month(ctx: _Context) -> _Value:
    month = ctx.lookup("MONTH")
    if (year_text := ctx.group("year")) is not None:
        return _Value("DATE", f"{int(year_text):04d}-{month:02d}", "explicit month")
    relative = ctx.group("relative")
    if relative == "this":
        return _Value("DATE", f"{ctx.published.year:04d}-{month:02d}", f"'this' month, in the year of publication "
                                                                        f"date {ctx.published}", ctx.published)
    if (reference := ctx.group("yearref")) is not None:
        year = ctx.published.year + ctx.shift(reference)
        return _Value("DATE", f"{year:04d}-{month:02d}", f"month of '{reference} year', from publication date "
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
    return _Value("DATE", f"{year:04d}-{month:02d}", how, ctx.published)


def _year(ctx: _Context) -> _Value:
    return _Value("DATE", f"{int(ctx.required('year')):04d}", "explicit year")


def _decade(ctx: _Context) -> _Value:
    if (digits := ctx.group("digits")) is not None:
        return _Value("DATE", digits, "explicit decade")
    decade = int(ctx.group("short") or ctx.lookup("DECADE"))
    century = ctx.published.year // 100
    if century * 100 + decade * 10 > ctx.published.year:
        century -= 1  # the '90s of a story from 2022 are the 1990s
    return _Value("DATE", f"{century:02d}{decade}", f"decade, century from publication date {ctx.published}",
                  ctx.published)


def _season(ctx: _Context) -> _Value:
    season = ctx.lookup("SEASON")
    if (year_text := ctx.group("year")) is not None:
        return _Value("DATE", f"{int(year_text):04d}-{season}", "explicit season")
    shift = ctx.shift(ctx.group("relative"))
    year = ctx.published.year + shift
    return _Value("DATE", f"{year:04d}-{season}", f"season, year from publication date {ctx.published}", ctx.published)


def _quarter(ctx: _Context) -> _Value:
    quarter = ctx.lookup("ORDINAL") or ctx.lookup("QUARTER")
    current = (ctx.published.month - 1) // 3 + 1
    if (year_text := ctx.group("year")) is not None:
        return _Value("DATE", f"{int(year_text):04d}-Q{quarter}", "explicit quarter")
    if ctx.group("yearago") is not None:
        base = int(ctx.last_quarter[:4]) if ctx.last_quarter else ctx.published.year
        return _Value("DATE", f"{base - 1:04d}-Q{quarter}", f"the quarter a year before {base}")
    if (reference := ctx.group("yearref")) is not None:
        year = ctx.published.year + ctx.shift(reference)
        return _Value("DATE", f"{year:04d}-Q{quarter}", f"quarter of '{reference} year', from publication date "
                                                        f"{ctx.published}", ctx.published)
    year = ctx.published.year
    how = f"quarter, year from publication date {ctx.published}"
    if quarter > current and ctx.tense != "future":
        year -= 1
        how = f"quarter not yet begun at publication date {ctx.published}, so last year's ({ctx.tense} tense)"
    return _Value("DATE", f"{year:04d}-Q{quarter}", how, ctx.published)


def _the_quarter(ctx: _Context) -> _Value:
    if (year_text := ctx.group("year")) is not None:
        quarter = ctx.last_quarter[-1] if ctx.last_quarter else str((ctx.published.month - 1) // 3 + 1)
        return _Value("DATE", f"{int(year_text):04d}-Q{quarter}", f"the {year_text} quarter of the one the text "
                                                                  "is about")
    if ctx.group("yearago") is not None:
        return _year_earlier(ctx)
    if ctx.last_quarter is not None:
        return _Value("DATE", ctx.last_quarter, "the quarter the text last named")
    months = ctx.published.year * 12 + ctx.published.month - 1 - 3
    value = f"{months // 12:04d}-Q{(months % 12) // 3 + 1}"
    return _Value("DATE", value, f"the quarter before publication date {ctx.published}, the one reported on",
                  ctx.published)


def _year_earlier(ctx: _Context) -> _Value:
    if ctx.last_quarter is not None:
        year, quarter = ctx.last_quarter.split("-Q")
        return _Value("DATE", f"{int(year) - 1:04d}-Q{quarter}", f"a year before {ctx.last_quarter}, the quarter "
                                                                 "the text last named")
    return _Value("DATE", f"{ctx.published.year - 1:04d}", f"a year before publication date {ctx.published}",
                  ctx.published)


def _set(ctx: _Context, rule: _Rule) -> _Value:
    word = ctx.required("word").split()[-1]
    return _Value("SET", rule.data["values"][word], "recurring")


def _weekday_set(ctx: _Context) -> _Value:
    return _Value("SET", f"XXXX-WXX-{ctx.lookup('WEEKDAY') + 1}", "recurring weekday")


def _part_of_day_deictic(ctx: _Context, rule: _Rule) -> _Value:
    relative, part = ctx.required("relative"), ctx.vocabulary["PART"][ctx.required("part")]
    day = ctx.published + dt.timedelta(rule.data["offsets"][relative])
    return _Value("TIME", f"{day}T{part}", f"'{relative}' part of day, from publication date {ctx.published}",
                  ctx.published)


_SPELLED = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
            "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
            "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}


def _spelled_year(ctx: _Context) -> _Value:
    if ctx.group("millennium") is not None:
        year = 2000 + _SPELLED.get(ctx.group("small") or "", 0)
    else:
        year = _SPELLED[ctx.required("century")] * 100 + _SPELLED[ctx.required("decade")] + \
            _SPELLED.get(ctx.group("unit") or "", 0)
    return _Value("DATE", f"{year:04d}", "year spelled out")


def _clock_time(ctx: _Context) -> _Value:
    if (hour24 := ctx.group("hour24")) is not None:
        hour = int(hour24)
    else:
        hour = int(ctx.required("hour")) % 12 + (12 if ctx.required("meridiem").startswith("p") else 0)
    minute = int(ctx.group("minute") or 0)
    day, source = ctx.anaphor_base()
    return _Value("TIME", f"{day}T{hour:02d}:{minute:02d}", f"clock time on the {source} {day}", day)


def _time_word(ctx: _Context) -> _Value:
    word = ctx.required("word")
    clock = "24:00" if word == "midnight" else "12:00"
    side = ctx.group("side")
    mod = {"before": "BEFORE", "after": "AFTER"}.get(side or "", "APPROX" if ctx.group("approximately") else None)
    day, source = ctx.anaphor_base()
    return _Value("TIME", f"{day}T{clock}", f"'{word}' on the {source} {day}", day, mod)


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
    if narrative is None or tense == "future" or abs((narrative - published).days) <= _tagger().weekday_reach:
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


def _weekday(ctx: _Context) -> _Value:
    day, how, anchor = resolve_weekday(ctx.lookup("WEEKDAY"), ctx.group("relative"), ctx.tense, ctx.published,
                                       ctx.recent_narrative, ctx.named_days)
    return _Value("DATE", day.isoformat(), how, anchor)


def _deictic_day(ctx: _Context, rule: _Rule) -> _Value:
    word = _SPACES.sub(" ", ctx.required("word"))
    base, source = ctx.published, "publication date"
    if ctx.reported_speech and ctx.narrative is not None:
        base, source = ctx.narrative, "narrative date (reported speech: the speaker's day)"
    day = base + dt.timedelta(rule.data["offsets"][word])
    value = day.isoformat() + ("TNI" if word == "tonight" else "")
    return _Value("DATE", value, f"'{word}', counted from the {source} {base}", base)


def _anaphoric_day(ctx: _Context, rule: _Rule) -> _Value:
    words = _SPACES.sub(" ", ctx.required("word")).split()
    offset = next((rule.data["offsets"][w] for w in words if w in rule.data["offsets"]), 0)
    base, source = ctx.anaphor_base()
    day = base + dt.timedelta(offset)
    return _Value("DATE", day.isoformat(), f"'{' '.join(words)}', counted from the {source} {base}", base)


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


def _mod_word(ctx: _Context) -> str | None:
    word = ctx.group("mod")
    return ctx.vocabulary["MOD"].get(_SPACES.sub(" ", word)) if word else None


def _offset(ctx: _Context, base: dt.date, sign: int, source: str) -> _Value | None:
    amount, unit = ctx.number(), ctx.lookup("UNIT")
    if unit in ("H", "MIN"):
        return None
    if not isinstance(amount, int):
        ref = "PAST_REF" if sign < 0 else "FUTURE_REF"
        return _Value("DATE", ref, f"an unspecified number of units from the {source} {base}", base, _mod_word(ctx))
    value, granularity = _shift(base, sign * amount, unit)
    direction = "back" if sign < 0 else "forward"
    return _Value("DATE", value, f"{amount} {granularity}(s) {direction} from the {source} {base}",
                  base, _mod_word(ctx))


def _offset_from_publication(ctx: _Context) -> _Value | None:
    return _offset(ctx, ctx.published, -1, "publication date")


def _offset_from_publication_forward(ctx: _Context) -> _Value | None:
    return _offset(ctx, ctx.published, 1, "publication date")


def _offset_from_narrative(ctx: _Context) -> _Value | None:
    sign = 1 if ctx.group("direction") in ("later", "afterwards", "after") else -1
    base, source = ctx.anaphor_base()
    return _offset(ctx, base, sign, source)


def _relative_unit(ctx: _Context) -> _Value:
    relative, unit = ctx.required("relative"), ctx.required("unit")
    shift = ctx.shift(relative)
    if unit == "year" and relative in ("following", "previous") and ctx.last_year is not None:
        # Anaphoric: the year after (before) the one the text last named, not the publication's.
        return _Value("DATE", f"{ctx.last_year + shift:04d}", f"'the {relative} year', from {ctx.last_year}, the "
                                                              "year the text last named")
    if unit == "weekend":
        return _weekend_value(ctx.published, shift, f"'{relative} weekend'")
    value, _ = _shift(ctx.published, shift, {"week": "W", "month": "M", "year": "Y"}[unit])
    return _Value("DATE", value, f"'{relative} {unit}', counted from publication date {ctx.published}", ctx.published)


def _weekend_value(published: dt.date, shift: int, what: str) -> _Value:
    # The weekend of the publication week if it is under way, else the one before (or after, looking forward).
    if published.weekday() >= 5:
        base = published
    else:
        base = published + dt.timedelta(days=(5 - published.weekday()) if shift > 0 else -(published.weekday() + 2))
    if shift > 0 and published.weekday() >= 5:
        base += dt.timedelta(weeks=1)
    year, week, _ = base.isocalendar()
    return _Value("DATE", f"{year:04d}-W{week:02d}-WE", f"{what}, the nearest weekend to publication date {published}",
                  published)


def _weekend(ctx: _Context) -> _Value:
    return _weekend_value(ctx.published, 1 if ctx.tense == "future" else -1, "'weekend'")


# Units TIMEX3 writes otherwise: decades and centuries in years, quarters in months, fortnights in weeks; and what a
# half of a unit adds.
_UNIT_AS = {"DE": (10, "Y"), "CE": (100, "Y"), "Q": (3, "M"), "F": (2, "W")}
_HALF = {"Y": "6M", "D": "T12H", "H": "30M", "MIN": "30S", "M": "15D", "W": "3DT12H"}


def _duration(ctx: _Context) -> _Value:
    amount, unit = ctx.number(), ctx.lookup("UNIT")
    factor, unit = _UNIT_AS.get(unit, (1, unit))
    amount_text = str(amount * factor) if isinstance(amount, int) else "X"
    half = _HALF.get(unit, "") if ctx.half() and isinstance(amount, int) and factor == 1 else ""
    if unit in ("H", "MIN"):
        value = f"PT{amount_text}{'M' if unit == 'MIN' else 'H'}{half}"
    else:
        value = f"P{amount_text}{unit}{half}"
    return _Value("DURATION", value, "duration", None, _mod_word(ctx))


def _vague_duration(ctx: _Context) -> _Value:
    unit = ctx.vocabulary["UNIT"][ctx.required("unit").rstrip("s")]
    value = "PTXH" if unit == "H" else f"PX{unit}"
    return _Value("DURATION", value, "unspecified duration")


def _vague(ctx: _Context, rule: _Rule) -> _Value:
    word = _SPACES.sub(" ", ctx.required("word"))
    value = next(value for value, words in rule.data["values"].items() if word in words)
    return _Value("DATE", value, "vague reference")


_RESOLVERS: dict[str, Callable[..., _Value | None]] = {
    "explicit_date": _explicit_date, "iso_date": _iso_date, "month": _month, "year": _year, "decade": _decade,
    "season": _season,
    "quarter": _quarter, "the_quarter": _the_quarter, "year_earlier": _year_earlier, "weekday_set": _weekday_set,
    "spelled_year": _spelled_year, "clock_time": _clock_time, "time_word": _time_word, "weekday": _weekday,
    "offset_from_publication": _offset_from_publication,
    "offset_from_publication_forward": _offset_from_publication_forward,
    "offset_from_narrative": _offset_from_narrative, "relative_unit": _relative_unit, "weekend": _weekend,
    "duration": _duration, "vague_duration": _vague_duration,
}
_RESOLVERS_WITH_RULE: dict[str, Callable[..., _Value | None]] = {
    "deictic_day": _deictic_day, "anaphoric_day": _anaphoric_day, "vague": _vague, "set": _set,
    "numeric_date": _numeric_date,
    "part_of_day_deictic": _part_of_day_deictic,
}


# How far from its anchor a rule's match may reach: rules are only run on this much text around their anchors.
_WINDOW = 80


def _windows(positions: list[int], start: int, end: int) -> list[tuple[int, int]]:
    """Merged stretches of text[start:end] around anchor positions."""
    merged: list[tuple[int, int]] = []
    for position in positions:
        low, high = max(start, position - _WINDOW), min(end, position + _WINDOW)
        if merged and low <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


def _candidates(text: str, start: int, end: int,
                rules: dict[int, list[int]]) -> list[tuple[int, int, int, regex.Match[str]]]:
    """Non-overlapping matches of the given rules (each with its anchor positions): the longest wins, then the
    earlier rule."""
    tagger = _tagger()
    unique = {(m.start(), m.end(), index): m  # windows may overlap: a match found twice is one match
              for index, positions in sorted(rules.items())
              for low, high in _windows(positions, start, end)
              for m in tagger.rules[index].pattern.finditer(text, low, high, timeout=1.0)}
    found = [(s, e, index, m) for (s, e, index), m in unique.items()]
    found.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    chosen: list[tuple[int, int, int, regex.Match[str]]] = []
    for candidate in found:
        if all(candidate[1] <= other[0] or candidate[0] >= other[1] for other in chosen):
            chosen.append(candidate)
    return sorted(chosen, key=lambda c: c[0])


# Rules whose value only borrows its year from the reference ("March 14" -> 2023-03-14), and those that name a
# weekday: without a reference date they keep what the text says and mark the rest unknown (XXXX-04-26, XXXX-WXX-2).
_YEAR_ONLY_FROM_REFERENCE = ("weekday_day_month", "weekday_month_day", "day_month", "month_day", "month_alone",
                             "month_relative_year", "season", "quarter")
_DIGIT = regex.compile(r"[0-9]")


def without_reference(timex: Timex) -> Timex:
    """The timex as it reads with no reference date: what the reference supplied becomes X (TimeML's unknown)."""
    if timex.anchor is None:
        return timex
    date_part, _, time_part = timex.value.partition("T")
    first_rule = timex.rule.split("+")[0]
    if first_rule in _YEAR_ONLY_FROM_REFERENCE and regex.match(r"\d{4}", date_part):
        date_part = "XXXX" + date_part[4:]
    elif "weekday" in first_rule and timex.day is not None:
        date_part = f"XXXX-WXX-{timex.day.isoweekday()}"
    else:
        date_part = _DIGIT.sub("X", date_part)
    value = date_part + ("T" + time_part if time_part else "")
    head = timex.explanation.split(": ", 1)[0].rsplit(" -> ", 1)[0]
    explanation = f"{head} -> {value}: no publication date, so what it is counted from is unknown"
    return Timex(timex.start, timex.end, timex.text, timex.type, value, timex.mod, None, explanation, timex.rule)


def tag(text: str, published: dt.date, start: int = 0, end: int | None = None,
        sentences: list[Sentence] | None = None, no_such_days: list[NoSuchDay] | None = None) -> list[Timex]:
    """Every temporal expression of text[start:end], in order, resolved with narrative time. Dates the calendar
    does not have ("February 30") are no timexes; `no_such_days`, if given, collects them."""
    end = len(text) if end is None else end
    sentences = split_sentences(text, start, end) if sentences is None else sentences
    tagger = _tagger()
    timexes: list[Timex] = []
    narratives: dict[str, dt.date | None] = {"past": None, "future": None}
    set_in: dict[str, int] = {"past": -1, "future": -1}  # the sentence each narrative day was last set in
    last_quarter: str | None = None
    last_year: int | None = None
    named_days: set[dt.date] = set()  # written with their figures ("18 March"), for weekday names
    # Which rules each sentence needs: every anchor found is filed under the sentence it stands in.
    sentence_starts = [sentence.start for sentence in sentences]
    rules_of: list[dict[int, list[int]]] = [{} for _ in sentences]
    for index, positions in enumerate(_anchor_positions(text, start, end)):
        for position in positions:
            if (number := bisect.bisect_right(sentence_starts, position) - 1) >= 0:
                rules_of[number].setdefault(index, []).append(position)
    for number, sentence in enumerate(sentences):
        first = len(timexes)
        anchored = rules_of[number]
        if not anchored:
            continue
        candidates = _candidates(text, sentence.start, sentence.end, anchored)
        if not candidates:
            continue
        sentence_segments = clauses.segments(text, sentence.start, sentence.end)
        for m_start, m_end, index, match in candidates:
            rule = tagger.rules[index]
            segment = sentence_segments[clauses.segment_at(sentence_segments, m_start)]
            tense = clauses.tense_near(text, segment.start, segment.end, m_start)
            if tense == "present":
                tense = clauses.tense_near(text, sentence.start, sentence.end, m_start)
            story = "future" if tense == "future" else "past"
            other = "past" if story == "future" else "future"
            recent = narratives[story] if number - set_in[story] <= tagger.weekday_reach_sentences else None
            ctx = _Context(match, published, narratives[story], narratives[other], tense, tagger.vocabulary,
                           tagger.reported_speech_before.search(text, sentence.start, m_start) is not None, recent,
                           last_quarter, last_year, named_days)
            resolver = _RESOLVERS.get(rule.resolve)
            value = resolver(ctx) if resolver else _RESOLVERS_WITH_RULE[rule.resolve](ctx, rule)
            if value is None:
                if no_such_days is not None and (why := _why_no_such_day(ctx, rule)) is not None:
                    no_such_days.append(NoSuchDay(m_start, m_end, match.group(), why))
                continue
            timex = _with_modifiers(text, sentence, m_start, m_end, rule.name, value)
            timexes.append(timex)
            if rule.name in _NAMES_A_QUARTER and _QUARTER.match(timex.value):
                last_quarter = timex.value
            if timex.type in ("DATE", "TIME") and (year_named := _YEAR.match(timex.value)):
                last_year = int(year_named[0])
            day = timex.day
            if day is not None and timex.type == "DATE" and _DIGIT.search(timex.text):
                named_days.add(day)
            before = text[max(sentence.start, timex.start - 40):timex.start]
            if (day is not None and timex.type == "DATE" and abs((published - day).days) <= tagger.horizon
                    and not tagger.background_before.search(before)):
                if day <= published:
                    narratives["past"], set_in["past"] = day, number
                if day >= published:
                    narratives["future"], set_in["future"] = day, number
        timexes[first:] = _compose(text, timexes[first:])
    return timexes


def _why_no_such_day(ctx: _Context, rule: _Rule) -> str | None:
    """Why a date written with its day resolved to nothing, if the reason is the calendar; else None."""
    if rule.resolve == "explicit_date":
        month, day, year = ctx.lookup("MONTH"), int(ctx.required("day").rstrip("stndrh")), ctx.group("year")
    elif rule.resolve == "iso_date":
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


_CLOCK = regex.compile(r"T(\d\d:\d\d)\Z")
_QUARTER = regex.compile(r"\A\d{4}-Q[1-4]\Z")
_YEAR = regex.compile(r"\A\d{4}(?=\Z|-)")
# The rules whose quarter is the one a story is about; a derived one ("a year earlier") is not.
_NAMES_A_QUARTER = ("quarter",)


def _compose(text: str, found: list[Timex]) -> list[Timex]:
    """A clock time and a day side by side become one point in time ("11:47 p.m. Sunday" -> ...T23:47)."""
    tagger = _tagger()
    composed: list[Timex] = []
    for timex in found:
        previous = composed[-1] if composed else None
        if previous is not None:
            between = text[previous.end:timex.start]
            pair = None
            if previous.type == "TIME" and timex.type == "DATE" and tagger.time_then_day.match(between):
                pair = (previous, timex)
            elif previous.type == "DATE" and timex.type == "TIME" and tagger.day_then_time.match(between):
                pair = (timex, previous)
            if pair is not None and (clock := _CLOCK.search(pair[0].value)) and pair[1].day is not None:
                time, day = pair
                value = f"{day.day}T{clock[1]}"
                span = text[previous.start:timex.end]
                how = (f"{span} -> {value}: the clock time {time.text} on the day of {day.text} "
                       f"({day.explanation.split(': ', 1)[1]})")
                composed[-1] = Timex(previous.start, timex.end, span, "TIME", value, time.mod or day.mod,
                                     day.anchor, how, f"{previous.rule}+{timex.rule}")
                continue
        composed.append(timex)
    return composed


def _with_modifiers(text: str, sentence: Sentence, start: int, end: int, rule: str, value: _Value) -> Timex:
    """Widen a date by the words around it that narrow it ("late Wednesday", "Tuesday morning")."""
    tagger = _tagger()
    mod, suffix = value.mod, ""
    # The words that narrow a date stand right beside it: look at a few dozen characters, not the whole sentence.
    if DAY_VALUE.match(value.value) and "T" not in value.value:
        if (after := tagger.part_after.match(text[end:min(sentence.end, end + 40)])) is not None:
            suffix, end = "T" + tagger.vocabulary["PART"][after["part"].lower()], end + after.end()
        else:
            window = max(sentence.start, start - 40)
            if (before := tagger.part_before.search(text[window:start])) is not None:
                suffix, start = "T" + tagger.vocabulary["PART"][before["part"].lower()], window + before.start()
    window = max(sentence.start, start - 40)
    if value.type == "DATE" and (prefix := tagger.mod_before.search(text[window:start])) is not None:
        mod = tagger.vocabulary["MOD"].get(_SPACES.sub(" ", prefix["mod"].lower()).rstrip("-"))
        start = window + prefix.start()
    resolved = value.value + suffix
    span = text[start:end]
    narrowed = f" ({tagger.mod_words.get(mod, mod)}: TIMEX3 mod {mod})" if mod else ""
    explanation = f"{span} -> {resolved}: {value.how}{narrowed}"
    return Timex(start, end, span, value.type, resolved, mod,
                 value.anchor.isoformat() if value.anchor else None, explanation, rule)
