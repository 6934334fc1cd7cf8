"""Segments of a sentence and their tense, from the cues in language/grammar.toml.

A segment is the stretch of a sentence between two clause cues ("before", "after", ", which", ";" ...). It is the unit
a date is attached within: "landed in Port Elm late Wednesday | after meetings with the president" puts the date on the
landing, and the meetings only before it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import regex

from factcheck import language, patterns
from factcheck.readers.text import Spans

Tense = Literal["future", "past", "present"]

Relation = Literal["before", "after", ""]


@dataclass(frozen=True, slots=True)
class Segment:
    start: int
    end: int
    relation: Relation  # how this segment stands in time to the one before it
    cue: str


@dataclass(frozen=True, slots=True)
class _Grammar:
    boundary: patterns.Pattern
    relations: tuple[Relation, ...]  # of each boundary alternative, by group index
    future: patterns.Pattern
    past: patterns.Pattern
    past_suffix: patterns.Pattern
    past_exceptions: frozenset[str]
    reporting: frozenset[str]
    passive_auxiliary: patterns.Pattern
    attributive: patterns.Pattern
    negated_before: patterns.Pattern
    cancelled: patterns.Pattern
    opening_span: patterns.Pattern


@functools.cache
def _grammar() -> _Grammar:
    data = language.load("grammar")
    alternatives = []
    relations: list[Relation] = []
    for index, boundary in enumerate(data["boundaries"]):
        alternatives.append(f"(?P<b{index}>{boundary['cue']})")
        relations.append(boundary["relation"])
    return _Grammar(
        boundary=patterns.compile("|".join(alternatives), regex.I),
        relations=tuple(relations),
        future=patterns.compile(r"(?<![\w'])(?:" + "|".join(data["tense"]["future"]) + r")(?!\w)|"
                                + data["tense"]["future_contracted"].strip() + r"(?!\w)", regex.I),
        past=patterns.compile(r"(?<![\w'])(?:" + "|".join(data["tense"]["past"]) + r")(?!\w)", regex.I),
        past_suffix=patterns.compile(r"(?<!\w)" + data["tense"]["past_suffix"] + r"(?!\w)"),
        past_exceptions=frozenset(word.lower() for word in data["tense"]["past_suffix_exceptions"]),
        reporting=frozenset(word.lower() for word in data["tense"]["reporting"]),
        passive_auxiliary=patterns.compile(data["tense"]["passive_auxiliary"], regex.I),
        attributive=patterns.compile(data["tense"]["attributive"], regex.I),
        negated_before=patterns.compile(data["negation"]["before"], regex.I),
        cancelled=patterns.compile(data["negation"]["clause"], regex.I),
        opening_span=patterns.compile(rf"\A\W*{data['opening_span']['span']}\s*\Z", regex.I),
    )


@functools.cache
def relative_cues(role: str) -> frozenset[str]:
    """The cues of relative clauses that play a role (noun, parenthetical, antecedent): language/grammar.toml."""
    return frozenset(language.load("grammar")["relative_clauses"][role])


@functools.cache
def _pluperfect() -> patterns.Pattern:
    return patterns.compile(language.load("grammar")["relative_clauses"]["pluperfect"], regex.I)


def pluperfect(text: str, start: int, end: int) -> bool:
    return _pluperfect().search(text[start:end]) is not None


def segments(text: str, start: int = 0, end: int | None = None,
             protected: tuple[tuple[int, int], ...] = ()) -> list[Segment]:
    """The segments of text[start:end], covering it without gaps, offsets into `text`. No cut falls inside a
    protected span (a date such as "Thursday, April 28" keeps its comma)."""
    end = len(text) if end is None else end
    grammar = _grammar()
    spans = Spans(protected)

    def inside(offset: int) -> bool:
        return spans.enclose(offset, offset)

    result: list[Segment] = []
    cursor, cue = start, ""
    relation: Relation = ""
    for match_start, match_end, index, matched in _boundaries(text, start, end):
        if inside(match_start) or inside(match_end - 1):
            continue
        if match_start > cursor:
            result.append(Segment(cursor, match_start, relation, cue))
        relation, cue, cursor = grammar.relations[index], matched.strip(" ,"), match_start
    result.append(Segment(cursor, end, relation, cue))
    return _close_parentheticals(text, _split_leading_relation(text, result), inside)


# The tagger and the reading both cut each sentence, and the tense of a sentence is asked once per date in it: the
# scans of one article's sentences are kept (a few hundred, so an article's text is not held for long).
_SCANS_KEPT = 512


@functools.lru_cache(maxsize=_SCANS_KEPT)
def _boundaries(text: str, start: int, end: int) -> tuple[tuple[int, int, int, str], ...]:
    """(start, end, boundary index, text) of every boundary cue in text[start:end]."""
    return tuple((m.start(), m.end(), int(str(m.lastgroup)[1:]), m.group())
                 for m in _grammar().boundary.finditer(text, start, end))


def _close_parentheticals(text: str, result: list[Segment], inside: Callable[[int], bool]) -> list[Segment]:
    """'Mehta, who resigned on Wednesday, had come on Monday': a relative clause between commas ends at its second
    comma, and the main clause goes on after it."""
    closed: list[Segment] = []
    for segment in result:
        if segment.cue.lower() in relative_cues("parenthetical"):
            opening = text.find(",", segment.start, segment.end)
            body_start = opening + 1 if opening == segment.start else segment.start
            comma = next((i for i in range(body_start, segment.end) if text[i] == "," and not inside(i)), -1)
            if comma > 0 and text[comma + 1:segment.end].strip():
                closed += [Segment(segment.start, comma, segment.relation, segment.cue),
                           Segment(comma, segment.end, "", ",")]
                continue
        closed.append(segment)
    return closed


_OPPOSITE: dict[Relation, Relation] = {"before": "after", "after": "before", "": ""}


def _split_leading_relation(text: str, result: list[Segment]) -> list[Segment]:
    """'After talks in Norvik, she flew to Valdora': the opening phrase ends at its comma, and the main clause that
    follows stands to it in the opposite relation (the flight comes after the talks). A short span may lead in
    ("Minutes after the blast, ...")."""
    if len(result) > 1 and result[0].relation == "" and result[1].relation != "" and \
            _grammar().opening_span.match(text[result[0].start:result[0].end]):
        result = [Segment(result[0].start, result[1].end, result[1].relation, result[1].cue), *result[2:]]
    elif result[0].relation == "" or \
            text[result[0].start:result[0].start + len(result[0].cue)].lower() != result[0].cue.lower():
        return result
    first = result[0]
    comma = text.find(",", first.start, first.end)
    if comma < 0:
        return result
    return [Segment(first.start, comma, "", first.cue), Segment(comma, first.end, _OPPOSITE[first.relation], ","),
            *result[1:]]


def clause_of(segments_: list[Segment]) -> list[int]:
    """For each segment, the clause it belongs to: a main clause resumed after a parenthetical ("Brandt, who arrived
    on Monday, will meet her") is one clause with its beginning."""
    clauses_: list[int] = []
    for index, segment in enumerate(segments_):
        resumed = (segment.cue == "," and index >= 2
                   and segments_[index - 1].cue.lower() in relative_cues("parenthetical"))
        clauses_.append(clauses_[index - 2] if resumed else index)
    return clauses_


def segment_at(segments_: list[Segment], offset: int) -> int:
    """Index of the segment that contains a character offset."""
    for index, segment in enumerate(segments_):
        if segment.start <= offset < segment.end:
            return index
    return len(segments_) - 1


def negated(text: str, segment: Segment, trigger_start: int) -> bool:
    """Whether the clause says its event did not or will not happen ("did not meet", "was cancelled")."""
    grammar = _grammar()
    return (grammar.negated_before.search(text, segment.start, trigger_start) is not None
            or grammar.cancelled.search(text, segment.start, segment.end) is not None)


def tense_near(text: str, start: int, end: int, position: int) -> Tense:
    """The tense of the cue nearest a position within text[start:end]: in "exiles will appeal the ruling, Cuba
    predicted Wednesday" the Wednesday is the prediction's, past, though the sentence also speaks of the future."""
    cues = [(min(abs(cue_start - position), abs(cue_end - position)), tense)
            for cue_start, cue_end, tense, reporting in _tense_cues(text, start, end)
            # A verb of attribution across a comma is the telling's tense, not the event's.
            if not reporting or "," not in text[min(cue_end, position):max(cue_start, position)]]
    return min(cues)[1] if cues else "present"


@functools.lru_cache(maxsize=_SCANS_KEPT)
def _tense_cues(text: str, start: int, end: int) -> tuple[tuple[int, int, Tense, bool], ...]:
    """(start, end, tense, is a verb of attribution) of every tense cue in text[start:end], whatever position the
    tense is asked for."""
    grammar = _grammar()

    def past_tense(match: regex.Match[str]) -> bool:
        """A past form that is a past tense: not a participle behind "be" ("will be held")."""
        return grammar.passive_auxiliary.search(text, max(start, match.start() - 12), match.start()) is None

    def cue(match: regex.Match[str], tense: Tense) -> tuple[int, int, Tense, bool]:
        return match.start(), match.end(), tense, match.group().lower() in grammar.reporting

    return (*(cue(m, "future") for m in grammar.future.finditer(text, start, end)),
            *(cue(m, "past") for m in grammar.past.finditer(text, start, end) if past_tense(m)),
            *(cue(m, "past") for m in grammar.past_suffix.finditer(text, start, end)
              if m.group().lower() not in grammar.past_exceptions and past_tense(m)
              and grammar.attributive.search(text, max(start, m.start() - 25), m.start()) is None))


def tense(text: str) -> Tense:
    """The tense a stretch of text speaks in: a future cue wins over a past one, because news announces plans in
    sentences that also report what was said ("a spokesman said the envoy will travel")."""
    grammar = _grammar()
    if grammar.future.search(text):
        return "future"
    if grammar.past.search(text):
        return "past"
    for match in grammar.past_suffix.finditer(text):
        if match.group().lower() not in grammar.past_exceptions:
            return "past"
    return "present"


@functools.cache
def _attribution() -> tuple[patterns.Pattern, patterns.Pattern, patterns.Pattern]:
    data = language.load("grammar")["attribution"]
    verbs = language.alternation(data["verbs"])
    return (patterns.compile(data["after"].replace("{VERBS}", verbs), regex.I),
            patterns.compile(data["before"].replace("{VERBS}", verbs), regex.I),
            patterns.compile(data["object_not_said"], regex.I))


def saying_of(text: str, clause_start: int, clause_end: int, date_start: int, date_end: int) -> tuple[int, int] | None:
    """The verb of saying a date is written against in its clause ("said Friday", "on Saturday announced"), as its
    span, or None: the date is then the telling's, not the told event's."""
    after, before, not_said = _attribution()
    if (found := after.search(text, clause_start, date_start)) is not None:
        word = regex.match(r"\w+", text[found.start():])
        if not_said.match(text[found.start():found.start() + 80]) is None:
            return found.start(), found.start() + (word.end() if word else 0)
    if (found := before.match(text, date_end, clause_end)) is not None:
        verb_start = found.end() - len(found.group().strip())
        if not_said.match(text[verb_start:verb_start + 80]) is None:
            return verb_start, found.end()
    return None


def attribution_examples() -> list[dict[str, object]]:
    return list(language.load("grammar")["attribution"]["examples"])


@functools.cache
def _verb_between() -> patterns.Pattern:
    return patterns.compile(language.load("grammar")["complement"]["verb_between"], regex.I)


@functools.cache
def _passive_between() -> patterns.Pattern:
    return patterns.compile(language.load("grammar")["complement"]["passive_between"], regex.I)


def verb_between(text: str, start: int, end: int, after_a_verb: bool = False) -> bool:
    """Whether a verb of its own stands in text[start:end] ("should go"; after an event told by a verb, also "was
    identified"): a date after it belongs to that verb's clause."""
    return (_verb_between().search(text, start, end) is not None
            or (after_a_verb and _passive_between().search(text, start, end) is not None))


def _with_asking(key: str) -> patterns.Pattern:
    data = language.load("grammar")["complement"]
    return patterns.compile(data[key].replace("{ASKING}", data["asking_verbs"]), regex.I)


@functools.cache
def _invited() -> patterns.Pattern:
    return _with_asking("invited_to")


@functools.cache
def _occasion() -> tuple[patterns.Pattern, patterns.Pattern]:
    verbs = language.load("grammar")["complement"]["asking_verbs"]
    return patterns.compile(rf"(?:{verbs})", regex.I), _with_asking("occasion")


def invited_to(text: str, clause_start: int, event_start: int) -> str | None:
    """The verb of asking that an event word is the content of ("invited the three states to join", "urged them
    to meet"), or None: what is asked for has not happened at the asking's date."""
    match = _invited().search(text, max(clause_start, event_start - 140), event_start)  # twelve words
    return match["verb"] if match else None


def occasion_asked_to(text: str, verb: tuple[int, int], date_start: int) -> str | None:
    """The occasion a verb of asking asks someone to, when a date stands after it ("invited the envoys to a
    banquet on May 4": the banquet's day), or None: that date is not the day of the asking."""
    asking, occasion = _occasion()
    if asking.fullmatch(text, *verb) is None:
        return None
    match = occasion.match(text, verb[1], date_start)  # the pattern ends where the date begins
    return match["occasion"] if match else None


@functools.cache
def _offered() -> patterns.Pattern:
    return patterns.compile(language.load("grammar")["complement"]["offered_to"], regex.I)


def offered_to(text: str, clause_start: int, event_start: int) -> str | None:
    """The words that only offer, refuse or call for an event ("offered to travel", "would be ready to leave",
    "refused to resign", "calls to resign"), or None."""
    match = _offered().search(text, max(clause_start, event_start - 60), event_start)
    return " ".join(match["verb"].split()) + " to" if match else None


@functools.cache
def _in_question() -> patterns.Pattern:
    return patterns.compile(language.load("grammar")["complement"]["in_question"], regex.I)


# A quotation open before an event word, and a question mark that closes it after (compiled once: asked of every
# event word).
_QUOTE_OPENED = patterns.compile(r"[\"“][^\"“”]{0,80}\Z")
_QUESTION_CLOSED = patterns.compile(r"[^\"“”]{0,80}\?[\"”]")


def in_question(text: str, sentence_start: int, event_start: int) -> str | None:
    """The words that only ask about or rumour an event ("asked whether she would resign", "rumours that she would
    resign"), or None."""
    match = _in_question().search(text, max(sentence_start, event_start - 80), event_start)
    if match:
        return " ".join(match["verb"].split())
    # A question quoted ('Asked "will you resign?" by reporters'): the event is what is asked.
    opened = _QUOTE_OPENED.search(text[max(sentence_start, event_start - 80):event_start])
    closed = _QUESTION_CLOSED.match(text[event_start:event_start + 100]) if opened else None
    return "a question quoted" if opened and closed else None


@functools.cache
def _charges() -> tuple[patterns.Pattern, patterns.Pattern]:
    data = language.load("grammar")["charges"]
    return patterns.compile(data["verbs"], regex.I), patterns.compile(data["content"], regex.I)


def crime_between(text: str, trigger_start: int, trigger_end: int, date_start: int) -> bool:
    """Whether a date after a word of charges follows what the charge is for ("charged with shooting the doctor last
    fall"): the date is the crime's."""
    verbs, content = _charges()
    return (verbs.match(text[trigger_start:trigger_end]) is not None
            and content.match(text, trigger_end, date_start) is not None)


def charges_examples() -> list[dict[str, object]]:
    return list(language.load("grammar")["charges"]["examples"])


@functools.cache
def _verb_before_date() -> patterns.Pattern:
    return patterns.compile(language.load("grammar")["complement"]["verb_before_date"])


def follows_another_verb(text: str, clause_start: int, date_start: int) -> bool:
    """Whether a date stands right after a past form ("the warrant issued Monday charged him"): that verb's date,
    not an event's later in the clause."""
    return _verb_before_date().search(text, max(clause_start, date_start - 30), date_start) is not None


@functools.cache
def _another_verbs_time() -> tuple[patterns.Pattern, patterns.Pattern, patterns.Pattern]:
    data = language.load("grammar")["complement"]
    return (patterns.compile(data["when_of_another"]), patterns.compile(data["relative_subject"], regex.I),
            patterns.compile(data["main_verb_after"]))


def when_of_another(text: str, date_end: int, event_start: int) -> bool:
    """Whether the event word after a date is told in a 'when' clause of a participle between them ("on Tuesday for
    the 61 people killed when the jet crashed"): the date is not the event's."""
    return _another_verbs_time()[0].search(text, date_end, event_start) is not None


def in_a_relative_subject(text: str, clause_start: int, event_start: int, event_end: int, date_start: int) -> bool:
    """Whether an event noun stands in a relative clause on the subject and the main verb follows it before the
    date ("families who lost relatives in the crash met officials on Tuesday"): the date is the main verb's."""
    _, relative, main_verb = _another_verbs_time()
    return (relative.search(text, clause_start, event_start) is not None
            and main_verb.match(text[event_end:date_start]) is not None)


@functools.cache
def _participle() -> tuple[patterns.Pattern, patterns.Pattern, patterns.Pattern]:
    data = language.load("grammar")
    past = "|".join(data["tense"]["past"])
    complement = data["complement"]
    return (patterns.compile(complement["participle_subject"], regex.I),
            patterns.compile(complement["participle_object"], regex.I),
            patterns.compile(complement["participle_main_verb"].replace("{PAST}", f"(?i:{past})")))


def main_verb_after_participle(text: str, clause_start: int, event_start: int, event_end: int,
                               date_start: int) -> tuple[int, int] | None:
    """The clause's own verb, when an event is told by a participle on the clause's subject and that verb stands
    between it and a date ("two aid workers freed after months in captivity flew home on Sunday": 'flew'), or None.
    The date is then the verb's; the participle's event came on or before it."""
    subject, takes_object, main_verb = _participle()
    word = text[event_start:event_end]
    participle = word.endswith(("ed", "en")) or _grammar().past.fullmatch(word) is not None
    if not (word.isalpha() and word.islower() and participle) or "," in text[event_end:date_start]:
        return None
    if subject.match(text[clause_start:event_start]) is None or takes_object.match(text, event_end) is not None:
        return None
    found = main_verb.match(text[event_end:date_start])
    return None if found is None else (event_end + found.start("verb"), event_end + found.end("verb"))


def participle_examples() -> list[dict[str, str]]:
    return list(language.load("grammar")["complement"]["participle_examples"])


@functools.cache
def _state_date() -> patterns.Pattern:
    return patterns.compile(language.load("grammar")["state_date"]["before"], regex.I)


def dates_a_state(text: str, clause_start: int, date_start: int) -> bool:
    """Whether a date is written "as of" a moment ("figures as of Monday"): the date of a state, not an event."""
    return _state_date().search(text, max(clause_start, date_start - 12), date_start) is not None


@functools.cache
def _possessive_date() -> patterns.Pattern:
    word = r"(?!(?:" + "|".join(language.load("grammar")["possessive_date"]["stops"]) + r")\b)[\p{L}-]+"
    return patterns.compile(r"\A['\u2019]s\s+(?P<phrase>(?:" + word + r"\s+){0,2}" + word + ")", regex.I)


def possessed_by_date(text: str, date_end: int) -> tuple[int, int] | None:
    """The noun phrase a date in the possessive dates ("Saturday night's debate": 'debate'), or None."""
    found = _possessive_date().match(text[date_end:date_end + 80])
    return None if found is None else (date_end + found.start("phrase"), date_end + found.end("phrase"))


def complement_examples() -> list[dict[str, object]]:
    return list(language.load("grammar")["complement"]["examples"])

