"""The count reader: numbers in text with their qualifiers, read as intervals ("nearly 4,100" is 3,895-4,100,
"more than 1,340" has no upper end). Vocabularies and the qualifier table are in language/counts.toml."""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import regex

from factcheck import language, patterns

_DIGITS = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?"
_SPACES = patterns.compile(r"\s+")
# No article counts more than this of anything: a longer run of digits is a code or a typing error, not a count
# (309 nines are past what a float holds). Below it, whole numbers are exact in a float.
_LARGEST = 1e15


# How far after a figure the words that say what it counts are looked for: a match with no end would scan the rest
# of a long text for a word that is not there.
AFTER = 400

@dataclass(frozen=True, slots=True)
class Count:
    start: int
    end: int
    text: str
    low: float
    high: float | None  # None: no upper limit
    value: str  # as a report writes it: 4100, ~4100, >1340, <4100, 1200-1500
    how: str


@dataclass(frozen=True, slots=True)
class _Reader:
    pattern: patterns.Pattern
    totals: str
    number_of: str
    set_by: str
    label: str  # a fact box's label before its figure: "Total dead: 192"
    part_before: patterns.Pattern
    part_after: patterns.Pattern
    part_clause: patterns.Pattern
    numbers: dict[str, int]
    scales: dict[str, int]
    vague: dict[str, list[int]]
    qualifiers: dict[str, dict[str, Any]]
    after_symbol: str
    max_share: float


@functools.cache
def _with_qualifiers(pattern: str) -> str:
    """A pattern of language/counts.toml with its {QUALIFIER} (the words of every qualifier) and {NUMBERWORD} (the
    number words) written out."""
    data = language.load("counts")
    words = [w for q in data["qualifiers"] for w in q["words"]]
    return pattern.replace("{QUALIFIER}", language.alternation(words)).replace(
        "{NUMBERWORD}", language.alternation(data["numbers"]))


@functools.cache
def _reader() -> _Reader:
    data = language.load("counts")
    numbers = {k.lower(): v for k, v in data["numbers"].items()}
    tens = [w for w, v in numbers.items() if 20 <= v <= 90 and v % 10 == 0 and " " not in w]
    units = [w for w, v in numbers.items() if 1 <= v <= 9 and " " not in w]
    word_number = rf"(?:(?:{'|'.join(tens)})-(?:{'|'.join(units)})|{language.alternation(numbers)})"
    number = rf"(?:{_DIGITS}|{word_number})"
    # "1.5 million", "5m", and "$1.5-million" as some papers write it
    scale = rf"(?:\s*(?:{language.alternation(data['scales'])})|-(?:million|billion|trillion))"
    qualifiers = {w.lower(): q for q in data["qualifiers"] for w in q["words"]}
    pattern = (
        rf"(?<![\w$£€.,:-])"
        # not the clock time that stamps an update ("14.30 - Forty people ...")
        rf"(?![0-2]?[0-9]\.[0-5][0-9]\s*(?:[ap]\.?m\.?\s*)?[-—–|])"
        rf"(?:(?P<qualifier>{language.alternation(qualifiers)})\s+)?(?:"
        rf"between\s+(?P<first>{number})(?P<first_scale>{scale})?\s+and\s+(?P<second>{number})(?P<second_scale>{scale})?"
        # "rose from 40 to 52" is a change, two figures; "40 to 52 people" a range.
        rf"|(?<!\b(?:{language.alternation(data['change']['verbs'])})\s+from\s+)"
        rf"(?P<from>{_DIGITS})(?P<from_scale>{scale})?\s*(?:-|–|to)\s*(?P<to>{_DIGITS})(?P<to_scale>{scale})?"
        rf"|(?P<vague>{language.alternation(data['vague'])})"
        # "nine and a half hours", "two and a half million"
        rf"|(?P<number>{number})(?P<half>\s+and\s+a\s+half)?(?P<scale>{scale})?(?P<after>{data['after']['pattern']})?"
        rf")(?![\w])(?!:[0-9])"  # not the hour or the minutes of a clock time ("09:10")
    )
    return _Reader(patterns.compile(pattern, regex.I), _with_qualifiers(data["totals"]["links"]),
                   data["totals"]["number_of"],
                   data["totals"]["set_by"], data["totals"]["label"],
                   patterns.compile(_with_qualifiers(data["not_the_total"]["before"]), regex.I),
                   patterns.compile(data["not_the_total"]["after"], regex.I),
                   patterns.compile(data["not_the_total"]["clause"], regex.I), numbers,
                   {k.lower(): v for k, v in data["scales"].items()},
                   {k.lower(): v for k, v in data["vague"].items()}, qualifiers, data["after"]["symbol"],
                   data["rounding"]["max_share"])


# Words that may stand between a figure and the noun it counts: "3,700 Valdoran residents", "500 wounded soldiers".
_MAX_WORDS_BETWEEN = 2


@functools.lru_cache(maxsize=256)
def _noun_patterns(nouns: tuple[str, ...]) -> tuple[patterns.Pattern, tuple[patterns.Pattern, ...]]:
    """The patterns of counted nouns after a figure, and before it (behind a verb of totals): compiled once per claim,
    not once per figure."""
    body = language.alternation(nouns, spaces=None)
    # Glued to the figure, a plural counted noun stands in the singular: "the 12-nation bloc" counts nations.
    glued = language.alternation([*nouns, *_singulars(nouns)], spaces=None)
    # "3,700 residents", "the 12-nation bloc"
    # (not a noun that labels the next figure of a fact box: "Total dead: 192 Americans: 12")
    # "a 14% pay rise", "a 20 per cent rise": a percentage right before the noun it is of (not "40% of people")
    after = patterns.compile(rf"(?:(?:\s+[\w'’-]+){{0,{_MAX_WORDS_BETWEEN}}}?\s+(?P<noun>{body})|-(?P<noun>{glued})"
                             rf"|\s*(?:%|per\s*cent\b|percent\b)\s+(?P<noun>{body}))(?![\w-])(?!\s*:)", regex.I)
    reader = _reader()
    before = (rf"(?<![\w-])(?P<noun>{body}){reader.totals}", reader.number_of.replace("{NOUN}", f"(?P<noun>{body})"),
              rf"(?<![\w-])(?P<noun>{body}){reader.set_by}", rf"(?<![\w-])(?P<noun>{body}){reader.label}")
    return after, tuple(patterns.compile(pattern, regex.I) for pattern in before)


@functools.cache
def _glued_size() -> tuple[patterns.Pattern, patterns.Pattern]:
    data = language.load("counts")["glued_size"]
    return patterns.compile(data["after"], regex.I), patterns.compile(data["beginning"], regex.I)


def glued_size_of(text: str, noun_end: int, word_start: int, word_end: int) -> bool:
    """Whether a figure glued to its noun ("12-nation") sizes the word right after it, which ends the phrase ("the
    12-nation bloc in March"; not "the 12-nation bloc summit")."""
    return 0 <= word_start - noun_end <= 1 and _glued_size()[0].match(text[word_end:word_end + 40]) is not None


def tells_a_beginning(text: str, start: int, end: int) -> bool:
    """Whether a clause tells of a thing's beginning ("was founded in 1991")."""
    return _glued_size()[1].search(text, start, end) is not None


def glued_size_examples() -> list[dict[str, Any]]:
    return list(language.load("counts")["glued_size"]["examples"])


def _singulars(nouns: Sequence[str]) -> list[str]:
    """The singulars of the plain plural nouns among a claim's ("countries": "country", "members": "member")."""
    return [noun[:-3] + "y" if noun.endswith("ies") else noun[:-1] for noun in nouns
            if regex.fullmatch(r"[a-z]+[^s]s", noun)]


def counted_noun(text: str, count: Count, nouns: Sequence[str], floor: int = 0) -> tuple[int, int] | None:
    """The span of the noun a count counts: right after it ("3,700 residents") or before it behind a verb of totals
    ("the flood death toll rose to 3,700"), never before `floor` (the start of the sentence)."""
    after_pattern, before_patterns = _noun_patterns(tuple(nouns))
    after = after_pattern.match(text, count.end, min(len(text), count.end + 80))
    if after is not None:
        return after.start("noun"), after.end("noun")
    for pattern in before_patterns:
        before = pattern.search(text, max(floor, count.start - 160), count.start)
        if before is not None:
            return before.start("noun"), before.end("noun")
    return None


@functools.cache
def _bare() -> tuple[patterns.Pattern, frozenset[str], patterns.Pattern]:
    data = language.load("counts")["bare_figure"]
    return (patterns.compile(data["between"], regex.I), frozenset(w.casefold() for w in data["people"]),
            patterns.compile(data["after_object"], regex.I))


def subject_of(text: str, count: Count, verb_start: int, nouns: Sequence[str]) -> bool:
    """Whether a figure with no noun is the subject of the event verb at verb_start ("At least 64 died",
    "Eleven died"), and so counts people, when the claim counts people."""
    between, people, _ = _bare()
    return (verb_start >= count.end and any(n.casefold() in people for n in nouns)
            and between.fullmatch(text, count.end, verb_start) is not None)


@functools.cache
def _partitive() -> patterns.Pattern:
    data = language.load("counts")["bare_figure"]
    return patterns.compile(data["partitive"] + data["between"], regex.I)


def partitive_subject(text: str, count: Count, verb_start: int, nouns: Sequence[str]) -> bool:
    """Whether a figure with no noun opens a partitive that is the subject of the event verb at verb_start ("Nine of
    the crew drowned"), and so counts people, when the claim counts people."""
    _, people, _ = _bare()
    return (verb_start > count.end and any(n.casefold() in people for n in nouns)
            and _partitive().fullmatch(text[count.end:verb_start]) is not None)


def object_of(text: str, count: Count, verb_end: int, nouns: Sequence[str]) -> bool:
    """Whether a figure with no noun is the object of the event verb ending at verb_end ("killed 14 people and
    injured more than 300."), and so counts people, when the claim counts people."""
    _, people, after_object = _bare()
    return (count.start > verb_end and not text[verb_end:count.start].strip()
            and any(n.casefold() in people for n in nouns)
            and after_object.match(text[count.end:count.end + 20]) is not None)


@functools.cache
def _change() -> tuple[patterns.Pattern, patterns.Pattern, patterns.Pattern]:
    data = language.load("counts")
    return (patterns.compile(data["not_the_total"]["from_before"], regex.I),
            patterns.compile(_with_qualifiers(data["not_the_total"]["to_after"]), regex.I),
            patterns.compile(_with_qualifiers(data["shared_noun"]["change"]), regex.I))


@functools.cache
def _shared_between() -> patterns.Pattern:
    return patterns.compile(language.load("counts")["shared_noun"]["between"], regex.I)


# A figure with a unit of its own right after it ("to 4.25%") shares no noun with the figure before it.
_OWN_UNIT = patterns.compile(r"\s*(?:%|per\s*cent\b|percent\b|percentage\s+points?\b)", regex.I)


def shared_noun(text: str, count: Count, before: Sequence[Count], nouns: Sequence[str],
                floor: int = 0) -> tuple[int, int] | None:
    """The noun a figure with none of its own shares with the figure before it ("killed 31 people in the north
    and 9 in the south": 'people'), or None. `before`: the figures before it in its sentence."""
    _, _, after_object = _bare()
    earlier = [c for c in before if c.end <= count.start]
    if not earlier or _OWN_UNIT.match(text, count.end, count.end + AFTER):
        return None
    noun = counted_noun(text, earlier[-1], nouns, floor)
    if noun is None or noun[0] < earlier[-1].end:
        return None
    if (_shared_between().fullmatch(text, noun[1], count.start) is not None
            and after_object.match(text[count.end:count.end + 20]) is not None):
        return noun
    return None


def changed_to(text: str, count: Count, before: Sequence[Count], nouns: Sequence[str],
               floor: int = 0) -> tuple[int, int] | None:
    """The noun a figure with none of its own takes from the first figure of a change ("from 16 members to 19":
    'members'), or None: not one with a unit of its own ("by 25 basis points to 4.25%")."""
    earlier = [c for c in before if c.end <= count.start]
    if not earlier or _OWN_UNIT.match(text, count.end, count.end + AFTER):
        return None
    noun = counted_noun(text, earlier[-1], nouns, floor)
    from_before, _, change = _change()
    if noun is None or noun[0] < earlier[-1].end or from_before.search(
            text, max(floor, earlier[-1].start - 8), earlier[-1].start) is None:
        return None
    return noun if change.fullmatch(text, noun[1], count.start) is not None else None


@functools.cache
def _with_others() -> patterns.Pattern:
    return patterns.compile(language.load("counts")["not_the_total"]["with_others"], regex.I)


def with_others(text: str, noun_end: int) -> bool:
    """Whether the noun a figure counts goes on with others ("thousands of tourists and other foreigners")."""
    return _with_others().match(text[noun_end:noun_end + 40]) is not None


def with_others_examples() -> list[dict[str, Any]]:
    return list(language.load("counts")["not_the_total"]["with_others_examples"])


@functools.cache
def _more_and_ratio() -> tuple[patterns.Pattern, patterns.Pattern]:
    data = language.load("counts")["not_the_total"]
    return (patterns.compile(_with_qualifiers(data["more_after"]), regex.I),
            patterns.compile(_with_qualifiers(data["ratio"]), regex.I))


def more_added_after(text: str, count: Count, sentence_end: int) -> tuple[int, int] | None:
    """Where the sentence adds to a figure after it ("and another 9"), or None."""
    found = _more_and_ratio()[0].search(text, count.end, sentence_end)
    return found.span() if found else None


def a_ratio(text: str, count: Count) -> bool:
    """Whether a figure opens a ratio ("one in five patients"): no count."""
    return _more_and_ratio()[1].match(text, count.end, count.end + AFTER) is not None


def more_after_examples() -> list[str]:
    return list(language.load("counts")["not_the_total"]["more_after_examples"])


def continues_a_list(text: str, start: int, end: int) -> bool:
    """Whether text[start:end], between two figures, joins them in a list ("in the north and", ", ")."""
    return _shared_between().fullmatch(text, start, end) is not None


def shared_noun_examples() -> list[dict[str, Any]]:
    return list(language.load("counts")["shared_noun"]["examples"])


def bare_figure_examples(key: str = "examples") -> list[dict[str, Any]]:
    return list(language.load("counts")["bare_figure"][key])


@dataclass(frozen=True, slots=True)
class _Companions:
    others: patterns.Pattern
    joined: patterns.Pattern
    along: patterns.Pattern
    separator: patterns.Pattern
    opener: patterns.Pattern
    plural: patterns.Pattern
    max_words: int


@functools.cache
def _companions() -> _Companions:
    data = language.load("counts")["companions"]
    def pattern(key: str) -> patterns.Pattern:
        return patterns.compile(data[key], regex.I)

    return _Companions(pattern("others"), pattern("joined"), pattern("along"), pattern("separator"),
                       pattern("opener"), patterns.compile(data["plural"]), int(data["max_words"]))


def with_companions(text: str, count: Count, sentence_start: int, verb: tuple[int, int]) -> Count:
    """A figure of others with the people named beside it, where they are all the subject of the event's verb
    ("her brother and 12 others died": 13 died; "the pilot, a nurse and four other passengers were killed": 6), or
    the verb's subject goes "with" them ("she died with nine others": 10 or more). A plural among them ("his
    parents and 10 others") leaves the count open above. The figure itself when it counts no others."""
    data = _companions()
    if data.others.match(text, count.end, count.end + AFTER) is None:
        return count
    before = text[sentence_start:count.start]
    if (along := data.along.search(before)) is not None:
        if verb[1] > count.start:
            return count
        return _added(count, 1, True, f"'{along.group().strip()}' {count.text} others: one or more besides them")
    joined = data.joined.search(before)
    if joined is None or verb[0] < count.end:
        return count  # "the attack on the clinic and four others": the others of what came before
    items = data.separator.split(before[:joined.start()])
    listed = [items[-1]]
    for item in reversed(items[:-1]):
        if len(item.split()) > data.max_words:
            listed.append(" ".join(item.split()[-data.max_words:]))  # the list's first item ends this stretch
            break
        if data.opener.match(item):
            break  # "On Friday, her brother and 12 others": an opening phrase, not one of the people
        listed.append(item)
    plural = sum(1 for item in listed if data.plural.search(item))
    names = ", ".join(reversed([" ".join(item.split()) for item in listed]))
    return _added(count, len(listed) + plural, plural > 0, f"{count.text} others with {names}")


def _added(count: Count, named: int, open_above: bool, how: str) -> Count:
    low = math.ceil(count.low) + named  # people come whole: "10 others" read as 9.5 to 10.5 is 10
    high = None if open_above or count.high is None else math.floor(count.high) + named
    if high is None:
        value, reading = f">={_render(low)}", f"{_render(low)} or more"
    else:
        value = _render(low) if low == high else f"{_render(low)}-{_render(high)}"
        reading = value.replace("-", " to ")
    return Count(count.start, count.end, count.text, low, high, value, f"{how}: {reading}")


def companions_examples() -> list[dict[str, Any]]:
    return list(language.load("counts")["companions"]["examples"])


@functools.cache
def _part_of_before() -> patterns.Pattern:
    return patterns.compile(_with_qualifiers(language.load("counts")["not_the_total"]["part_of_the_figure_before"]),
                            regex.I)


def part_of_the_figure_before(text: str, count: Count, clause_start: int) -> bool:
    """Whether a figure is told as a part of the figure before it ("61 people, including 9 tourists")."""
    pattern = _part_of_before()
    return (pattern.search(text, max(clause_start, count.start - 40), count.start) is not None
            or pattern.match(text, count.end, count.end + AFTER) is not None)


def in_a_part_clause(text: str, count: Count, clause_start: int) -> bool:
    """Whether a figure stands in a clause that opens with the group it is a part of ("Of those killed, 11 ...")."""
    return _reader().part_clause.match(text[clause_start:count.start]) is not None


@functools.cache
def _group() -> patterns.Pattern:
    return patterns.compile(language.load("counts")["part_of_a_whole"]["group"], regex.I)


def opening_group(text: str, clause_start: int, clause_end: int) -> tuple[int, int] | None:
    """The span of a clause's opening phrase that names the group its figures are a part of ("Of the 50 people on
    board, 41 were rescued"), or None."""
    found = _group().match(text[clause_start:clause_end])
    return (clause_start, clause_start + found.end()) if found is not None else None


@functools.cache
def _score_before() -> patterns.Pattern:
    return patterns.compile(language.load("counts")["change"]["score_before"], regex.I)


def score_examples() -> list[str]:
    return list(language.load("counts")["change"]["score_examples"])


def opens_a_score(text: str, count: Count, floor: int) -> bool:
    """Whether a figure is the first of a score, the winner's ("defeated Pryce by 41,212 votes to 37,433")."""
    return _score_before().search(text, max(floor, count.start - 120), count.start) is not None


def other_side_of_a_score(text: str, count: Count, before: Sequence[Count], nouns: Sequence[str],
                          floor: int = 0) -> bool:
    """Whether a figure is the second of a score, the other side's ("by 41,212 votes to 37,433": 37,433)."""
    earlier = [c for c in before if c.end <= count.start]
    if not earlier or not opens_a_score(text, earlier[-1], floor):
        return False
    noun = counted_noun(text, earlier[-1], nouns, floor)
    end = noun[1] if noun is not None and noun[0] >= earlier[-1].end else earlier[-1].end
    return regex.fullmatch(r"\s+to\s+", text[end:count.start]) is not None


def not_the_total(text: str, count: Count, clause_start: int, clause_end: int, partitive: bool = False) -> bool:
    """Whether the text marks a figure as an earlier one, a part, or one day's ("up from 180", "including 40", "rose
    from 40 to 52")."""
    reader = _reader()
    from_before, to_after, _ = _change()
    return (reader.part_before.search(text, max(clause_start, count.start - 60), count.start) is not None
            # A partitive subject ("nine of the crew drowned") is who did it: its "of the" marks no part.
            or any(not (partitive and m.start() == count.end and m.group().lstrip()[:3].lower() == "of ")
                   for m in reader.part_after.finditer(text, count.end, clause_end))
            or reader.part_clause.match(text[clause_start:count.start]) is not None
            or (from_before.search(text, max(clause_start, count.start - 8), count.start) is not None
                and to_after.match(text, count.end, clause_end) is not None
                and not opens_a_score(text, count, clause_start)))


@functools.cache
def _others_of_someone() -> tuple[patterns.Pattern, patterns.Pattern]:
    data = language.load("counts")["others_of_someone"]
    return patterns.compile(_with_qualifiers(data["before"]), regex.I), patterns.compile(data["after"], regex.I)


def others_of_someone(text: str, count: Count, clause_start: int) -> bool:
    """Whether a figure counts the other cases someone is sought, suspected or charged in ("suspected in three
    other stabbings"): besides the cases told of that person, a base that is not the claim's one event."""
    before, after = _others_of_someone()
    return after.match(text, count.end, count.end + AFTER) is not None and \
        before.search(text, max(clause_start, count.start - 80), count.start) is not None


@functools.cache
def _table_pattern(table: str, key: str) -> patterns.Pattern:
    """One pattern of a table of language/counts.toml, compiled once."""
    return patterns.compile(language.load("counts")[table][key], regex.I)


def table_examples(table: str) -> list[dict[str, Any]]:
    """The examples of a table of language/counts.toml, which the tests run."""
    return list(language.load("counts")[table]["examples"])


def limit_or_difference(text: str, unit_end: int) -> str | None:
    """The words after a quantity and its unit that make it a limit or a difference ("speed limit", "faster"),
    or None."""
    found = _table_pattern("limit_or_difference", "after").match(text, unit_end, unit_end + AFTER)
    return found.group().strip(" -") if found is not None else None


def part_of_an_earlier_group(text: str, count: Count) -> str | None:
    """The group an earlier event counted that a figure is some of ("four of the injured died"), or None: how many
    moved from it, not the event's own figure."""
    found = _table_pattern("part_of_an_earlier_group", "after").match(text, count.end, count.end + AFTER)
    return found.group().strip() if found is not None else None


def tells_a_state_now(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds a verb of a state as it is now ("lies at 3,200 metres", "is 40 km long")."""
    return _table_pattern("state_now", "verbs").search(text, start, end) is not None


def whole_of_an_untold_part(text: str, count: Count, clause_start: int) -> bool:
    """Whether a figure is the whole that an untold part of is asked about ("how many of the 23 trapped miners")."""
    before = _table_pattern("untold_part", "before")
    return before.search(text, max(clause_start, count.start - 40), count.start) is not None


def untold_part_examples(key: str = "examples") -> list[str]:
    return list(language.load("counts")["untold_part"][key])


@functools.cache
def _grown_to() -> patterns.Pattern:
    return patterns.compile(_with_qualifiers(language.load("counts")["change"]["grown_to"]), regex.I)


def told_as_grown_to(before: str) -> bool:
    """Whether the text right before a figure tells it as what a count has grown to ("the toll has risen to")."""
    return _grown_to().search(before[-60:]) is not None


def grown_to_examples() -> list[str]:
    return list(language.load("counts")["change"]["grown_to_examples"])


@functools.cache
def _comparison() -> patterns.Pattern:
    return patterns.compile(language.load("counts")["comparison"]["before"], regex.I)


def in_a_comparison(text: str, clause_start: int, date_start: int) -> bool:
    """Whether a date measures against the past ("the worst disaster since 1998") rather than dating a figure."""
    return _comparison().search(text, max(clause_start, date_start - 120), date_start) is not None


def comparison_examples() -> list[str]:
    return list(language.load("counts")["comparison"]["examples"])


@functools.cache
def _start_before() -> patterns.Pattern:
    return patterns.compile(language.load("counts")["as_of"]["start_before"], regex.I)


def starts_the_count(text: str, clause_start: int, date_start: int) -> bool:
    """Whether a date equal to the start of a cumulative count is told as that start ("killed since the quake struck
    on 3 March"), not as the day the figure was given ("the toll rose to 40 on 3 March")."""
    return _start_before().search(text, max(clause_start, date_start - 80), date_start) is not None


def as_of_examples() -> list[dict[str, Any]]:
    return list(language.load("counts")["as_of"]["examples"])


@functools.cache
def _place_scope() -> patterns.Pattern:
    calendar = language.alternation(word.capitalize() for word in language.calendar_names())
    return patterns.compile(language.load("counts")["place_scope"]["pattern"].replace("{CALENDAR}", calendar))


@functools.cache
def _opening_place() -> patterns.Pattern:
    return patterns.compile(language.load("counts")["place_scope"]["opening"])


def opening_place(text: str, sentence_start: int, end: int) -> regex.Match[str] | None:
    """The place a sentence opens with ("In Norvik, ..."), which the figures after it are of, or None."""
    return _opening_place().match(text, sentence_start, end)


def place_scope(text: str, start: int, end: int) -> regex.Match[str] | None:
    """A place named right after a figure's event ("killed in Harbour Town"), with its name in group `place`."""
    return _place_scope().match(text, start, end)


@functools.cache
def _one_event() -> patterns.Pattern:
    data = language.load("counts")["one_event"]
    return patterns.compile(data["pattern"].replace("{NOUNS}", language.alternation(data["nouns"])), regex.I)


def one_event_of_several(text: str, start: int, end: int) -> str | None:
    """The words in text[start:end] that tell a figure of one event by a singular noun with its article ("the
    blast", "that crash"), where several are counted; None when there are none."""
    match = _one_event().search(text, start, end)
    return match.group() if match else None


def one_event_examples() -> list[dict[str, Any]]:
    return list(language.load("counts")["one_event"]["examples"])


def totals_examples() -> list[dict[str, Any]]:
    return list(language.load("counts")["totals"]["examples"])


def label_examples() -> list[dict[str, Any]]:
    return list(language.load("counts")["totals"]["label_examples"])


def qualifier_examples() -> list[dict[str, Any]]:
    data = language.load("counts")
    return [example for q in data["qualifiers"] for example in q.get("examples", [])] + data["examples"]


def _number(reader: _Reader, word: str, scale: str | None) -> tuple[float, float]:
    """The number a word or figure stands for, and the unit of its last significant digit."""
    word = _SPACES.sub(" ", word.lower())
    factor = reader.scales[scale.strip().lstrip("-").lower()] if scale else 1
    if word[0].isdigit():
        digits = word.replace(",", "")
        if len(digits.split(".")[0]) > 16:  # past any count (_LARGEST), and past what a float's powers of ten hold
            return math.inf, math.inf
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        if decimals:
            unit = 10.0 ** -decimals
        else:
            stripped = digits.rstrip("0")
            unit = 10.0 ** (len(digits) - len(stripped)) if stripped else 1.0
        return float(digits) * factor, unit * factor
    if "-" in word:
        tens, ones = word.split("-")
        return float(reader.numbers[tens] + reader.numbers[ones]) * factor, float(factor)
    return float(reader.numbers[word]) * factor, float(factor)


def _render(number: float) -> str:
    return str(int(number)) if number == int(number) else f"{number:g}"


_STATED = patterns.compile(r"\A(?P<bound>>=|>)?(?P<number>[0-9]+(?:\.[0-9]+)?)\Z")


def sum_of(text: str, parts: Sequence[tuple[str, Count]]) -> Count | None:
    """The figure of a whole from the figures of its parts ("247 in the north and 10 in the south": 257), each
    given as a number or a lower bound; None when one is anything else (a range, an upper bound, "about")."""
    stated = [(name, count, _STATED.match(count.value)) for name, count in parts]
    if not parts or any(match is None for _, _, match in stated):
        return None
    total = sum(float(match["number"]) for _, _, match in stated if match is not None)
    bounds = {match["bound"] for _, _, match in stated if match is not None and match["bound"]}
    low = sum(count.low for _, count in parts)
    high = None if any(count.high is None for _, count in parts) else sum(
        count.high for _, count in parts if count.high is not None)
    value = _render(total) if not bounds else (">" if bounds == {">"} else ">=") + _render(total)
    start, end = min(c.start for _, c in parts), max(c.end for _, c in parts)
    how = " + ".join(f"{count.value} ({name})" for name, count in parts)
    return Count(start, end, text[start:end], low, high, value, f"the sum of its parts: {how}")


def read_counts(text: str, start: int = 0, end: int | None = None,
                exclude: list[tuple[int, int]] | None = None) -> list[Count]:
    """Every count in text[start:end] outside the excluded spans (dates, times), in order."""
    end = len(text) if end is None else end
    reader = _reader()
    counts = []
    for match in reader.pattern.finditer(text, start, end):
        if exclude and any(match.start() < e and s < match.end() for s, e in exclude):
            continue
        count = _interpret(reader, match)
        if count is not None:
            counts.append(count)
    return counts


def _interpret(reader: _Reader, match: regex.Match[str]) -> Count | None:
    span = (match.start(), match.end(), match.group())
    if match["first"] or match["from"]:
        a, _ = _number(reader, match["first"] or match["from"], match["first_scale"] or match["from_scale"])
        b, _ = _number(reader, match["second"] or match["to"], match["second_scale"] or match["to_scale"])
        if b < a or b > _LARGEST:
            return None
        return Count(*span, a, b, f"{_render(a)}-{_render(b)}", "a range")
    if match["vague"]:
        smallest, largest = reader.vague[_SPACES.sub(" ", match["vague"].lower())]
        return Count(*span, float(smallest), float(largest), f"{smallest}-{largest}",
                     f"'{match['vague']}': {smallest} to {largest}")
    number, unit = _number(reader, match["number"], match["scale"])
    if number > _LARGEST:
        return None
    if match["half"]:
        number += 0.5 * (_number(reader, "1", match["scale"])[0] if match["scale"] else 1)
    if match["qualifier"]:
        qualifier = _SPACES.sub(" ", match["qualifier"].lower())
        table = reader.qualifiers[qualifier]
        low = float(math.floor(number * table["low"]))
        high = float(math.ceil(number * table["high"])) if "high" in table else None
        if high is not None:
            reading = f"{_render(low)} to {_render(high)}"
        else:
            reading = f"above {_render(low)}, no upper limit" if table["symbol"] == ">" else f"{_render(low)} or more"
        return Count(*span, low, high, f"{table['symbol']}{_render(number)}",
                     f"'{qualifier}' {_render(number)}: {reading}")
    if match["after"]:
        return Count(*span, number, None, f"{reader.after_symbol}{_render(number)}", f"{_render(number)} or more")
    half = min(unit / 2, number * reader.max_share) if unit > 1 else 0.0
    if half:
        low, high = number - half, number + half
        return Count(*span, low, high, _render(number),
                     f"{_render(number)} read as a rounded figure: {_render(low)} to {_render(high)}")
    return Count(*span, number, number, _render(number), "exact figure")


@functools.cache
def _describing() -> patterns.Pattern:
    return patterns.compile(language.load("counts")["describing"]["after_noun"], regex.I)


def describes_the_noun(text: str, noun_end: int, start: int) -> bool:
    """Whether text[noun_end:start] is a phrase behind a preposition that describes a counted noun."""
    return _describing().fullmatch(text, noun_end, start) is not None


@functools.cache
def _money() -> patterns.Pattern:
    return patterns.compile(language.load("counts")["money"]["pattern"], regex.I)


@dataclass(frozen=True, slots=True)
class Amount:
    """A sum of money: its figure (from its qualifier or currency to its last word), its currency as
    language/counts.toml names it, and where the currency is written."""

    count: Count
    currency: str
    mark: tuple[int, int]


@dataclass(frozen=True, slots=True)
class _Currencies:
    before: patterns.Pattern  # a currency before a figure, with a qualifier before it: "up to $"
    after: patterns.Pattern  # a currency right after a figure: " U.S. dollars"
    names: tuple[str, ...]  # the currency of each group c0, c1, ...
    conversion: patterns.Pattern  # what stands between a sum and the same sum in another currency


@functools.cache
def _currencies() -> _Currencies:
    table = {name: forms for name, forms in language.load("counts")["money"]["currencies"].items()
             if name != "examples"}
    names = tuple(table)
    qualifiers = [w for q in language.load("counts")["qualifiers"] for w in q["words"]]

    def groups(side: str) -> str:
        return "|".join(f"(?P<c{i}>{'|'.join(table[name][side])})" for i, name in enumerate(names)
                        if table[name][side])

    return _Currencies(
        patterns.compile(rf"(?<![\w])(?:(?P<qualifier>{language.alternation(qualifiers)})\s+)?(?:{groups('before')})"
                         rf"\s?(?=[0-9])", regex.I),
        patterns.compile(rf"\s+(?:{groups('after')})(?![\w])", regex.I), names,
        patterns.compile(language.load("counts")["money"]["conversion_between"], regex.I))


def _currency_of(currencies: _Currencies, match: regex.Match[str]) -> tuple[str, tuple[int, int]]:
    """The currency a match names, and where it is written."""
    i = next(i for i in range(len(currencies.names)) if match.groupdict().get(f"c{i}") is not None)
    return currencies.names[i], match.span(f"c{i}")


def read_amounts(text: str, start: int = 0, end: int | None = None) -> list[Amount]:
    """Every sum of money in text[start:end], in order: a figure with a currency before it ("up to $5 million",
    "dlrs 2 million", "£2.5m") or right after it ("2 million U.S. dollars", "50,000 Ugandan shillings"), read as
    counts are (qualifiers, rounding)."""
    end = len(text) if end is None else end
    currencies, reader = _currencies(), _reader()
    amounts = []
    for mark in currencies.before.finditer(text, start, end):
        # The figure is read as if the currency were not there: "up to $5 million" as "up to 5 million".
        qualifier = f"{mark['qualifier']} " if mark["qualifier"] else ""
        figure = reader.pattern.match(qualifier + text[mark.end():min(end, mark.end() + 40)])
        if figure is None or figure["qualifier"] is None and qualifier:
            continue
        count = _interpret(reader, figure)
        if count is None:
            continue
        stop = mark.end() + figure.end() - len(qualifier)
        amounts.append(Amount(replace(count, start=mark.start(), end=stop, text=text[mark.start():stop]),
                              *_currency_of(currencies, mark)))
    for count in read_counts(text, start, end):
        after = currencies.after.match(text, count.end, end)
        if after is not None and not any(a.count.start <= count.start < a.count.end for a in amounts):
            amounts.append(Amount(count, *_currency_of(currencies, after)))
    ordered = sorted(amounts, key=lambda a: a.count.start)
    # "340,000 Canadian dollars, about $250,000": the second is the first in another currency
    return [a for number, a in enumerate(ordered) if number == 0 or not _converts(text, ordered[number - 1], a)]


def _converts(text: str, first: Amount, second: Amount) -> bool:
    """Whether a sum right after another, in another currency and told as about it, is that sum converted."""
    between = _currencies().conversion.fullmatch(text, max(first.mark[1], first.count.end), second.count.start)
    return (second.currency != first.currency and between is not None
            and (bool(between.group().strip(" ,(")) or second.count.value.startswith("~")))


@functools.cache
def _for_whom() -> tuple[patterns.Pattern, ...]:
    return tuple(patterns.compile(p, regex.I) for p in language.load("counts")["money"]["for_whom"])


def sum_for(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where text[start:end] names whom a sum is for ("for the arrest of Ortiz", "for Ortiz's capture"), if it
    names someone by name."""
    found = next((m for p in _for_whom() if (m := p.search(text, start, end)) is not None), None)
    return found.span("name") if found is not None else None


def for_whom_examples() -> list[dict[str, Any]]:
    return list(language.load("counts")["money"]["for_whom_examples"])


@dataclass(frozen=True, slots=True)
class _Units:
    base: str
    pattern: patterns.Pattern  # a unit right after a figure, spaced or glued: group u0, u1, ... per unit
    glued: patterns.Pattern  # a figure glued to a unit ("12,000ft")
    factors: tuple[float, ...]


@functools.cache
def _units(family: str) -> _Units:
    table = language.load("counts")["units"][family]
    forms = list(table["units"])
    groups = "|".join(f"(?P<u{i}>{form})" for i, form in enumerate(forms))
    # (Not a unit that goes on into a rate: "km" of "87 km/h" is no length.)
    return _Units(table["base"], patterns.compile(rf"\s?(?:{groups})(?![\w/])", regex.I),
                  patterns.compile(rf"(?<![\w.,])[0-9][0-9,]*(?:\.[0-9]+)?(?=(?:{groups})(?![\w/]))", regex.I),
                  tuple(float(table["units"][form]) for form in forms))


def unit_families() -> tuple[str, ...]:
    return tuple(language.load("counts")["units"])


def unit_examples(family: str) -> list[dict[str, Any]]:
    return list(language.load("counts")["units"][family]["examples"])


_MILLION_OR_METRE = patterns.compile(r"[0-9]\s?m\Z")


# A week or more: a span the news gives in whole units ("seven months" may be 211 days).
_CALENDAR_UNIT = 10080


def _scaled(count: Count, factor: float, start: int, end: int, text: str, how: str) -> Count:
    """A count in another unit: its bounds and its value times the factor, rounded to whole units."""
    symbol = count.value[:len(count.value) - len(count.value.lstrip("~<>="))]
    numbers = count.value[len(symbol):].split("-")
    value = symbol + "-".join(_render(round(float(n) * factor)) for n in numbers if n)
    high = None if count.high is None else count.high * factor
    return Count(start, end, text[start:end], count.low * factor, high, value, how)


def read_measures(text: str, family: str, start: int = 0, end: int | None = None) -> list[Amount]:
    """Every quantity of a unit family in text[start:end], in the family's base unit: a figure with a unit after
    it, spaced or glued ("3,700 m", "12,000ft", "nearly two hours"); hours and minutes told together ("1 hour 50
    minutes") as one; a quantity in brackets or after a comma right after another ("12,500 feet (3,810 meters)")
    is that one converted, and not read again."""
    end = len(text) if end is None else end
    units, reader = _units(family), _reader()
    found: list[tuple[Count, int, tuple[int, int]]] = []  # figure, unit index, unit span
    for count in read_counts(text, start, end):
        if _MILLION_OR_METRE.search(count.text):  # "3,700 m" is metres here, not millions
            figure = reader.pattern.match(count.text[:-1].rstrip())
            bare = _interpret(reader, figure) if figure is not None else None
            if bare is not None:
                count = replace(bare, start=count.start + bare.start, end=count.start + bare.end)
        unit = units.pattern.match(text, count.end, end)
        if unit is not None:
            i = next(i for i in range(len(units.factors)) if unit.groupdict().get(f"u{i}") is not None)
            found.append((count, i, unit.span(f"u{i}")))
    for glued in units.glued.finditer(text, start, end):
        figure = reader.pattern.match(glued.group())
        read = _interpret(reader, figure) if figure is not None else None
        unit = units.pattern.match(text, glued.end(), end)
        if read is None or unit is None or any(c.start <= glued.start() < c.end for c, _, _ in found):
            continue
        count = read
        i = next(i for i in range(len(units.factors)) if unit.groupdict().get(f"u{i}") is not None)
        found.append((replace(count, start=glued.start(), end=glued.end(), text=glued.group()), i,
                      unit.span(f"u{i}")))
    found.sort(key=lambda item: item[0].start)
    measures: list[Amount] = []
    factors: list[float] = []  # of each measure's (last) unit
    for count, i, mark in found:
        factor = units.factors[i]
        joined = measures and regex.fullmatch(r"\s+(?:and\s+)?", text[measures[-1].mark[1]:count.start])
        if joined and factor < factors[-1]:  # "1 hour 50 minutes": one duration, in the larger unit first
            last = measures.pop()
            low = last.count.low + count.low * factor
            high = None if last.count.high is None or count.high is None else last.count.high + count.high * factor
            # "about 9 hours and 25 minutes": the qualifier of the first part is the whole's
            qualified = regex.match(r"[~<>]=?", last.count.value)
            mark_of = qualified.group() if qualified else ""
            middle = low if high is None else (low + high) / 2
            try:
                nominal = float(last.count.value.lstrip("~<>=")) + float(count.value.lstrip("~<>=")) * factor
            except ValueError:  # a range in a part: "2-3 hours and 10 minutes"
                nominal = middle
            shown = round(nominal) if mark_of else round(middle)
            total = Count(last.count.start, mark[1], text[last.count.start:mark[1]], low, high,
                          mark_of + _render(shown), f"{last.count.how}, and more")
            measures.append(Amount(total, units.base, (last.mark[0], mark[1])))
            factors[-1] = factor
            continue
        if measures and _currencies().conversion.fullmatch(text, measures[-1].mark[1], count.start):
            continue  # the same quantity in another unit
        if measures and _spread_over(text[measures[-1].mark[1]:count.start], count):
            continue  # "about 14 hours over three days": the stretch the quantity before is spread over
        how = f"{count.how}; {text[count.end:mark[1]].strip()} is {factor:g} {units.base}"
        if factor >= _CALENDAR_UNIT:
            # "seven months", "more than two years": spans the news rounds to whole units, half a unit either way
            exact = count.high == count.low and count.value[:1] not in "~<>"
            count = replace(count, low=count.low - 0.5, high=None if count.high is None else count.high + 0.5,
                            value=f"~{count.value}" if exact else count.value)
            how += ", rounded to the unit: half of one either way"
        measures.append(Amount(_scaled(count, factor, count.start, mark[1], text, how), units.base, mark))
        factors.append(factor)
    return measures


def _spread_over(between: str, count: Count) -> bool:
    """Whether a quantity right after another is the stretch that one is spread over ("14 hours over three days",
    "14 hours in three days"), not a quantity of its own."""
    if not between.strip():
        return count.text.casefold().startswith(("over ", "across "))
    return regex.fullmatch(r"\s+(?:in|across|during|spread\s+over|spanning|over)\s+", between, regex.I) is not None


def conversion_examples() -> list[str]:
    return list(language.load("counts")["money"]["conversion_examples"])


def money_examples() -> list[dict[str, Any]]:
    return list(language.load("counts")["money"]["currencies"]["examples"])


def names_money(text: str) -> bool:
    """Whether a text gives a sum of money ("$50,000", "3 million euros")."""
    return _money().search(text) is not None


@dataclass(frozen=True, slots=True)
class _Family:
    next_part: patterns.Pattern
    parent_of: patterns.Pattern
    children: str
    theirs: patterns.Pattern


@functools.cache
def _family() -> _Family:
    data = language.load("counts")["family"]
    return _Family(patterns.compile(data["next_part"], regex.I), patterns.compile(data["parent_of"], regex.I),
                   data["children"], patterns.compile(data["theirs"], regex.I))


def parts_counted(nouns: tuple[str, ...], of_someone: bool) -> tuple[str, ...] | None:
    """The nouns whose figures a list sums for a claim ("two sons and a daughter" of a person; "83 passengers and
    six crew" for a claim of people), or None when the claim sums none."""
    if of_someone:
        return nouns
    if "people" in nouns:
        return (*nouns, *language.load("counts")["family"]["people_parts"])
    return None


def family_examples() -> list[dict[str, Any]]:
    return list(language.load("counts")["family"]["examples"])


def _counts_one_of(noun: str, nouns: tuple[str, ...]) -> bool:
    folded = noun.casefold()
    return any(folded in (n.casefold(), n.casefold().removesuffix("s")) for n in nouns)


def family_parts(text: str, count: Count, noun_end: int, nouns: tuple[str, ...], end: int) -> tuple[Count, int]:
    """A figure of a family with the parts listed after it that the claim counts too: "two sons and a daughter" is
    3 for a claim of sons and daughters; a part of another noun ends the list ("and four grandchildren"). Returns
    the figure (summed where parts follow) and where the list ends."""
    data, added, parts, at = _family(), 0, [], noun_end
    while (part := data.next_part.match(text[at:end])) is not None and _counts_one_of(part.group("noun"), nouns):
        figure = part.group("figure").lower()
        read = read_counts(figure)
        value = 1 if figure in ("a", "an") else read[0].value if read and read[0].value.isdigit() else None
        if value is None:
            break
        added, at = added + int(value), at + part.end()
        parts.append(regex.sub(r"\A(?:and|plus)\s+", "", " ".join(part.group().split()).lstrip(", ")))
    if not parts:
        return count, noun_end
    return _added(count, added, False, f"{count.text} and {', '.join(parts)}"), at


def parent_of(text: str, count: Count, nouns: tuple[str, ...], floor: int) -> tuple[int, int] | None:
    """The words "mother of" right before a figure with no noun of its own ("a mother of three"), where the claim
    counts children: the noun the figure counts."""
    data = _family()
    if data.children not in nouns:
        return None
    found = data.parent_of.search(text, max(floor, count.start - 30), count.start)
    return found.span() if found is not None else None


def about_what_it_counts(text: str, earlier_end: int, start: int) -> bool:
    """Whether a clause about what an earlier figure counts stands between it and this figure ("three sons, one of
    whom has two daughters")."""
    return _family().theirs.search(text, earlier_end, start) is not None


@functools.cache
def _part_of_a_whole() -> patterns.Pattern:
    return patterns.compile(_with_qualifiers(language.load("counts")["part_of_a_whole"]["between"]), regex.I)


def part_of_a_whole_examples() -> list[dict[str, Any]]:
    return list(language.load("counts")["part_of_a_whole"]["examples"])


def whole_after(text: str, count: Count, figures: Sequence[Count]) -> Count | None:
    """The whole a figure is a part of, right after it ("five of the seven members": seven), or None."""
    between = _part_of_a_whole()
    return next((f for f in figures if f.start > count.end and between.match(text[count.end:f.start])), None)


def part_before(text: str, count: Count, figures: Sequence[Count]) -> Count | None:
    """The part a figure is the whole of, right before it ("five of the seven members": five), or None."""
    between = _part_of_a_whole()
    return next((f for f in figures if f.end < count.start and between.match(text[f.end:count.start])), None)


@functools.cache
def _denied() -> patterns.Pattern:
    return patterns.compile(language.load("counts")["denied"]["before"], regex.I)


def denied_examples(key: str = "examples") -> list[str]:
    return list(language.load("counts")["denied"][key])


def denied(text: str, count: Count, sentence_start: int) -> bool:
    """Whether a figure stands in what its sentence denies or calls false ("denied reports that 40 people had
    died"): it is no source's own figure."""
    return _denied().search(text, max(sentence_start, count.start - 200), count.start) is not None


@functools.cache
def _name_number() -> tuple[patterns.Pattern, frozenset[str]]:
    return patterns.compile(language.load("counts")["name_number"]["before"]), frozenset(language.calendar())


def name_number_examples(key: str = "examples") -> list[str]:
    return list(language.load("counts")["name_number"][key])


def in_a_name(text: str, count: Count, floor: int) -> str | None:
    """The name a figure is part of, when a capitalised word inside the sentence stands right before it ("Boeing"
    of "a Boeing 737"), or None."""
    pattern, not_names = _name_number()
    found = pattern.search(text[floor:count.start])  # a slice: the sentence's first word has nothing before it
    if found is None or found["word"].casefold() in not_names:
        return None
    return f"{found['word']} {count.text}"
