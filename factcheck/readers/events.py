"""Events: the words that report a meeting, an arrival, a death toll, and the people and places that belong to them.

Event kinds and their triggers are data (language/events.toml); a claim chooses a kind and may add cues.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from factcheck import language
from factcheck.readers import wordstarts
from factcheck.readers.clauses import Segment, clause_of, relative_cues, segment_at
from factcheck.readers.names import Mention

_WORDS = regex.compile(r"[\w'’-]+")
PATTERN_TIMEOUT = 2.0  # seconds per sentence for a rule's cues


@dataclass(frozen=True, slots=True)
class Trigger:
    event: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class EventKind:
    name: str
    participants: str  # "near" or "destination"
    pattern: regex.Pattern[str]
    prepositions: tuple[str, ...]
    origins: tuple[str, ...]  # words that make a place the origin, not the destination ("from")
    beginnings: tuple[str, ...] | None = None  # the letters its triggers begin with (see wordstarts.py)


@dataclass(frozen=True, slots=True)
class Settings:
    window: int
    stop_window: int
    subject_pronouns: regex.Pattern[str]
    object_pronouns: regex.Pattern[str]
    pronoun_reach: int


@functools.cache
def settings() -> Settings:
    data = language.load("events")["settings"]
    def words(key: str) -> regex.Pattern[str]:
        return regex.compile(r"\b(?:" + "|".join(data[key]) + r")\b", regex.I)

    return Settings(data["window"], data["stop_window"], words("subject_pronouns"), words("object_pronouns"),
                    data["pronoun_reach"])


def event_names() -> list[str]:
    return sorted(language.load("events")["events"])


@functools.cache
def event_kind(name: str, extra_cues: tuple[str, ...] = ()) -> EventKind:
    data = language.load("events")["events"][name]
    cues = language.alternatives([*data["triggers"], *extra_cues], literal=False, spaces=None)
    body = language.alternation(cues, literal=False)
    return EventKind(name, data["participants"], regex.compile(rf"(?<![\w-])(?:{body})(?![\w-])", regex.I),
                     tuple(data.get("prepositions", ())), tuple(data.get("origins", ())), wordstarts.beginnings(cues))


@functools.cache
def _other_event(key: str) -> regex.Pattern[str]:
    data = language.load("events")["other_event"]
    return regex.compile(data[key].replace("{WORDS}", data["words"]), regex.I | regex.S)


def about_another_event(text: str, start: int, end: int) -> bool:
    """Whether a stretch of text (a figure's clause) says it is about another event ("in a separate accident")."""
    return _other_event("words").search(text, start, end) is not None


def names_another_event(text: str, trigger: Trigger, clause_start: int) -> bool:
    """Whether the clause marks the event word as another event than the claim's ("a separate accident")."""
    return _other_event("before").search(text, clause_start, trigger.start) is not None


def inside_a_figure(text: str, trigger: Trigger, clause_start: int) -> bool:
    """Whether the event word only says what a figure counts ("the death toll from the quake rose on Monday")."""
    return _other_event("inside_a_figure").search(text, clause_start, trigger.start) is not None


def other_event_examples(key: str = "examples") -> list[str]:
    return list(language.load("events")["other_event"][key])


def find_triggers(text: str, kind: EventKind, start: int, end: int,
                  words: wordstarts.Words | None = None) -> list[Trigger]:
    """The triggers of an event kind in text[start:end]; `words` is `wordstarts.Words.of(text)`, if it is at hand."""
    words = wordstarts.Words.of(text) if words is None else words
    # A time limit: a rule's cue that backtracks catastrophically raises TimeoutError instead of hanging.
    return [Trigger(kind.name, m.start(), m.end(), m.group())
            for m in wordstarts.finditer(kind.pattern, kind.beginnings, text, words, start, end, PATTERN_TIMEOUT)]


@functools.cache
def _modifier_breaks() -> regex.Pattern[str]:
    return regex.compile(language.load("events")["settings"]["modifier_breaks"], regex.I)


def date_modifies(text: str, date_end: int, trigger_start: int) -> bool:
    """Whether a date right before an event word modifies it ("Sunday night's collision"), rather than closing
    another action ("fly there on Tuesday and meet him")."""
    return (words_between(text, date_end, trigger_start) <= language.load("events")["settings"]["modifier_gap"]
            and _modifier_breaks().search(text, date_end, trigger_start) is None)


def words_between(text: str, start: int, end: int) -> int:
    return len(_WORDS.findall(text, start, end)) if start < end else 0


def gap(text: str, a: tuple[int, int], b: tuple[int, int]) -> int:
    """Words between two spans, whichever comes first."""
    first, second = sorted((a, b))
    return words_between(text, first[1], second[0])


def linked(text: str, trigger: Trigger, mention: Mention, kind: EventKind, segments: list[Segment],
           window: int | None = None) -> bool:
    """Whether a mention is a participant of the event a trigger reports: in the same clause, within the window,
    and for movements, standing as the destination ("to Valdora", "in Valdora"), never as the origin."""
    window = settings().window if window is None else window
    trigger_segment, mention_segment = segment_at(segments, trigger.start), segment_at(segments, mention.start)
    clause = clause_of(segments)
    # "The chancellor, who received her a day earlier": a relative clause's antecedent takes part in its event.
    antecedent = (mention_segment == trigger_segment - 1
                  and segments[trigger_segment].cue.lower() in relative_cues("antecedent")
                  and kind.participants == "near")
    if clause[trigger_segment] != clause[mention_segment] and not antecedent:
        return False
    if kind.participants == "destination":
        if mention.start < trigger.end or words_between(text, trigger.end, mention.start) > window:
            return False
        between = text[trigger.end:mention.start].strip().lower()
        last_words = between.split()[-2:] if between else []
        if set(last_words) & set(kind.origins):
            return False
        return not between or any(between == p or between.endswith(" " + p) or between.endswith(p + " the")
                                  for p in kind.prepositions) or len(between.split()) <= 1
    return gap(text, (trigger.start, trigger.end), (mention.start, mention.end)) <= window
