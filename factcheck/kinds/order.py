"""Order claims: which of two events of one kind came first ("the blast in Harbour Town came minutes before the one
in Port Elm"), or that they came at about the same time ("nearly simultaneous blasts").

A claim names the kind of event (`event`, `cues`) and its steps: entities that tell the events apart, a place
("the blast in Harbour Town") or an actor ("the Norvik train hit ..."). An event word is a step's when that step's
entity is its nearest participant in its clause. Of two steps told in one sentence, the order is what the words
between them say (language/grammar.toml [event_order]): "before", "then", "followed by" put the first told first,
"after", "following" the second; "After the blast in A, ..." at the head of the sentence puts A first. Words of the
same time ("simultaneous", "minutes apart") give no order: they agree with either. Two sources that put the steps
the other way round conflict; an article that gives both orders contradicts itself.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from itertools import combinations

import regex

from factcheck import language, patterns
from factcheck.claims import Claim, KeySpec, RuleSet
from factcheck.findings import Statement, statement
from factcheck.kinds import CUES_KEY, Case, Kind, agreement, once_each, set_against
from factcheck.readers import events
from factcheck.readers.clauses import segment_at
from factcheck.readers.names import Mention
from factcheck.readers.reading import Reading
from factcheck.trace import UNHEARD, Notes

# After an order word, how many words may stand before the later step's name when it has no event word of its own
# ("minutes before the one in Port Elm").
_NAMED_AFTER_CUE = 6


@dataclass(frozen=True, slots=True)
class Order:
    """Two steps as a sentence places them: `first` before `second`, or at about the same time (`together`, the
    two in the claim's order)."""

    first: str
    second: str
    together: bool


@dataclass(frozen=True, slots=True)
class _Cues:
    forward: patterns.Pattern
    reverse: patterns.Pattern
    opening_forward: patterns.Pattern
    opening_reverse: patterns.Pattern
    together: patterns.Pattern
    several: patterns.Pattern
    doubt: patterns.Pattern
    another_time: patterns.Pattern
    event_object: patterns.Pattern
    happening: frozenset[str]


@functools.cache
def _cues() -> _Cues:
    data = language.load("grammar")["event_order"]
    span = language.load("grammar")["opening_span"]["span"]

    def pattern(key: str) -> patterns.Pattern:
        return patterns.compile(data[key].replace("{SPAN}", span), regex.I)

    return _Cues(forward=pattern("forward"), reverse=pattern("reverse"),
                 opening_forward=pattern("opening_forward"), opening_reverse=pattern("opening_reverse"),
                 together=pattern("together"), several=pattern("several"), doubt=pattern("doubt"),
                 another_time=pattern("another_time"), event_object=pattern("object"),
                 happening=frozenset(word.lower() for word in (*data["happening"], *data["span"])))


# After an order word, what must lead to the step it places: the step's own event word ("before the blast in"), or
# a stand-in for it ("before the one in", "then one in"); anything else ("before dawn", "after we had cleared the
# square in") is the order of something else.
_STAND_IN = patterns.compile(r"\A\s+(?:the\s+)?(?:one|that|those|ones)\s+(?:in|at|of|near)\s+\Z", regex.I)
_LEADING_WORDS = 4
# Between an order word and a step's actor: a determiner and a word that describes it ("before the packed"), not one
# that opens what is said of the actor ("before the news that Solis conceded").
_BEFORE_AN_ACTOR = patterns.compile(r"\s*(?:(?:the|a|an|its|their|his|her)\s+(?:(?!(?:that|which|who|whom|whose|news|"
                                  r"word|reports?|claims?|fact|idea)\b)\p{Ll}[\p{L}-]*\s+)?)?")
_WORD = patterns.compile(r"\p{L}+|\d+")
_QUESTION = patterns.compile(r"\?\W*\Z")


def _leads_to(text: str, cue_end: int, step_start: int, kind: events.EventKind, step_end: int | None = None) -> bool:
    """Whether the words after an order word lead straight to the step it places, by its event word or a stand-in,
    or by the step's actor with its event word right after it ("conceded before Solis took the stage"), and not to
    an event of another year ("after the 2023 attack in")."""
    between = text[cue_end:step_start]
    if _cues().another_time.search(between):
        return False
    if _STAND_IN.match(between):
        return True
    if step_end is not None and _BEFORE_AN_ACTOR.fullmatch(between) and (
            word := kind.pattern.search(text, step_end, step_end + 40)) is not None and \
            len(text[step_end:word.start()].split()) <= 1:
        return True
    word = kind.pattern.search(between)
    return word is not None and len(between[:word.start()].split()) <= _LEADING_WORDS and not regex.search(
        r"[,;:]", between)


def _told_happening(text: str, start: int, end: int, kind: events.EventKind) -> bool:
    """Whether the words after the earlier-told step, up to the order word, tell its event happening ("came ten
    minutes", "went off", none at all) and not another act ("was assembled", "ranks") or a long time ("a year"). An
    aside closed by a comma ("..., which killed 12, came") is passed over."""
    told = regex.split(r"[,;:]", text[start:end])[-1]
    objects = [found for word in kind.pattern.finditer(told)
               if (found := _cues().event_object.match(told, word.end())) is not None]
    for found in reversed(objects):  # "collided with a freight train minutes before": the event's own object
        told = told[:found.start()] + " " + told[found.end():]
    words = kind.pattern.sub(" ", told)
    allowed = _cues().happening
    return all(word.lower() in allowed or word.isdigit() for word in _WORD.findall(words))


def relation(text: str, start: int, first: Mention, second: Mention, kind: events.EventKind) -> str | None:
    """'forward' when the words say the first step told comes first, 'reverse' when the second does, 'together'
    when they came at about the same time, None when they say nothing of it. `start`: the sentence's start. An
    order word counts only where it leads straight to a step (`_leads_to`)."""
    first_start, first_end, second_start = first.start, first.end, second.start
    cues = _cues()
    if cues.together.search(text, start, max(second_start, first_end) + 40):
        return "together"
    between = [(m, "forward") for m in cues.forward.finditer(text, first_end, second_start)]
    between += [(m, "reverse") for m in cues.reverse.finditer(text, first_end, second_start)]
    between = [(m, how) for m, how in between if _leads_to(text, m.end(), second_start, kind, second.end)]
    if between:
        cue, how = max(between, key=lambda item: item[0].start())  # the word nearest the second step governs it
        return how if _told_happening(text, first_end, cue.start(), kind) else None
    for pattern, how in ((cues.opening_forward, "forward"), (cues.opening_reverse, "reverse")):
        opening = pattern.match(text[start:first_end])  # a slice: `\A` holds only at a string's real start
        if opening and _leads_to(text, start + opening.end(), first_start, kind, first_end) and \
                not cues.another_time.search(text, first_end, second_start) and \
                _told_happening(text, first_end, second_start, kind):
            return how
    return None


def _steps_told(reading: Reading, index: int, kind: events.EventKind, steps: tuple[str, ...]) -> list[Mention]:
    """The step mentions of a sentence that an event word of the claim's kind tells, in text order: each event word
    given to the step whose entity is its nearest participant in its clause; a step named right after an order word
    with no event word of its own ("before the one in Port Elm") too."""
    text, segments = reading.text, list(reading.segments[index])
    named = [m for m in reading.mentions[index] if m.entity in steps]
    told: list[Mention] = []
    for trigger in reading.triggers(kind, index):
        linked = [m for m in named if events.linked(text, trigger, m, kind, segments)]
        if not linked:
            continue
        nearest = min(linked, key=lambda m: events.gap(text, (trigger.start, trigger.end), (m.start, m.end)))
        if nearest not in told:
            told.append(nearest)
    cues = _cues()
    for mention in named:
        if mention in told or not told or mention.start < told[0].end:
            continue
        before = text[told[0].end:mention.start]
        cue = max([*cues.forward.finditer(before), *cues.reverse.finditer(before)], key=lambda m: m.end(),
                  default=None)
        if cue is not None and len(before[cue.end():].split()) <= _NAMED_AFTER_CUE and \
                segment_at(segments, mention.start) >= segment_at(segments, told[0].start):
            told.append(mention)
    return sorted(told, key=lambda m: m.start)


def _plural_told(reading: Reading, index: int, kind: events.EventKind, steps: tuple[str, ...]) -> bool:
    """Whether a sentence tells the steps together by one plural event word: every step named, or "the two"/"both"
    before the word ("nearly simultaneous bombings in A and B", "the two blasts came minutes apart")."""
    text, sentence = reading.text, reading.sentences[index]
    plural = [t for t in reading.triggers(kind, index) if t.text.lower().endswith("s")]
    if not plural:
        return False
    entities = {m.entity for m in reading.mentions[index]}
    return set(steps) <= entities or any(
        _cues().several.search(text, max(sentence.start, t.start - 30), t.start) for t in plural)


def extract(reading: Reading, claim: Claim, rules: RuleSet, notes: Notes = UNHEARD) -> list[Statement]:
    steps = tuple(claim.get("steps"))
    kind = events.event_kind(claim.get("event"), tuple(claim.get("cues") or ()))
    names = {step: rules.entities[step].name for step in steps}
    text, article = reading.text, reading.article
    found: list[Statement] = []
    for index, sentence in enumerate(reading.sentences):
        if not reading.triggers(kind, index):
            continue
        told = _steps_told(reading, index, kind, steps)
        pairs = [(a, b) for a, b in combinations(told, 2) if a.entity != b.entity]
        if not pairs:
            if len(steps) == 2 and _plural_told(reading, index, kind, steps) and \
                    (cue := _cues().together.search(text, sentence.start, sentence.end)):
                value = Order(steps[0], steps[1], True)
                found.append(statement(claim.id, article, sentence, [cue.span()], _render(value, names),
                                       f"'{cue.group()}': the events came at about the same time", value))
            elif len(told) == 1:
                notes.reject(index, claim.id, f"'{told[0].text}' tells one step only: no order to read")
            else:
                trigger = reading.triggers(kind, index)[0]
                notes.reject(index, claim.id, f"'{trigger.text}' is the event, but no step of the claim is named as "
                                              "its place or actor in its clause, and no word of the same time tells "
                                              "the steps together")
            continue
        for a, b in pairs:
            doubt = _cues().doubt.search(text, sentence.start, b.start) or _QUESTION.search(text, b.end, sentence.end)
            if doubt is not None:
                notes.reject(index, claim.id, f"'{doubt.group()}' denies or questions what the sentence says of "
                                              f"'{a.text}' and '{b.text}': no order read")
                continue
            how = relation(text, sentence.start, a, b, kind)
            if how is None:
                notes.reject(index, claim.id, f"'{a.text}' and '{b.text}' are told, but no word between them says "
                                              "which came first, or the order told is of another act or of an "
                                              "event of another time")
                continue
            if how == "together":  # in the claim's order: the same statement whichever was told first
                first, second = sorted((a, b), key=lambda m: steps.index(m.entity))
            else:
                first, second = (b, a) if how == "reverse" else (a, b)
            value = Order(first.entity, second.entity, how == "together")
            found.append(statement(claim.id, article, sentence, [(a.start, a.end), (b.start, b.end)],
                                   _render(value, names), f"'{text[a.start:b.end]}': {how}", value))
    return once_each(found, lambda x, y: x.data == y.data, reading, notes)


def _render(value: Order, names: dict[str, str]) -> str:
    if value.together:
        return f"{names[value.first]} and {names[value.second]} at about the same time"
    return f"{names[value.first]}, then {names[value.second]}"


def _incompatible(a: Statement, b: Statement) -> bool:
    x, y = a.data, b.data
    return not x.together and not y.together and (x.first, x.second) == (y.second, y.first)


def _describe(case: Case) -> str:
    if not case.unexplained:
        return agreement(case, "no source puts the events the other way round")
    itself = sorted({a.article for a, b in case.unexplained if a.article == b.article})
    message = f"sources put the events in opposite orders: {set_against(case, case.unexplained)}"
    return message + (f"; {', '.join(itself)} contradicts itself" if itself else "")


KIND = Kind(
    name="order",
    summary="which of two events of one kind came first, each told apart by its place or actor",
    keys={
        "event": KeySpec("event", "the kind of event both steps are", required_unless="cues"),
        "steps": KeySpec("entities", "the entities that tell the events apart, two or more: their places or their "
                                     "actors", required=True),
        "cues": CUES_KEY,
    },
    extract=extract,
    describe=_describe,
    incompatible=_incompatible,
    data_type=Order,
)
