"""Events: the words that report a meeting, an arrival, a death toll, and the people and places that belong to them.

Event kinds and their triggers are data (language/events.toml); a claim chooses a kind and may add cues.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import regex

from factcheck import language, patterns
from factcheck.readers import wordstarts
from factcheck.readers.clauses import Segment, clause_of, relative_cues, segment_at
from factcheck.readers.names import Mention

_WORDS = patterns.compile(r"[\w'’-]+")


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
    pattern: patterns.Pattern
    prepositions: tuple[str, ...]
    origins: tuple[str, ...]  # words that make a place the origin, not the destination ("from")
    beginnings: tuple[str, ...] | None = None  # the letters its triggers begin with (see wordstarts.py)
    nouns: patterns.Pattern | None = None  # the triggers that are nouns, as a whole ("meeting", "blast")


@dataclass(frozen=True, slots=True)
class Settings:
    window: int
    stop_window: int
    subject_pronouns: patterns.Pattern
    object_pronouns: patterns.Pattern
    opening_possessive: patterns.Pattern  # "His" opening a sentence
    place_possessive: patterns.Pattern  # "into his back": the possessive pronoun after a preposition
    pronoun_reach: int
    history_days: int


@functools.cache
def settings() -> Settings:
    data = language.load("events")["settings"]
    def words(key: str) -> patterns.Pattern:
        return patterns.compile(r"\b(?:" + "|".join(data[key]) + r")\b", regex.I)

    possessives = "|".join(data["opening_possessives"])
    opening = patterns.compile(r"\A[\W_]*(?:" + possessives + r")\s+", regex.I)
    place = patterns.compile(r"\b(?:" + "|".join(data["possessive_after"]) + r")\s+(?:" + possessives + r")\s+",
                             regex.I)
    return Settings(data["window"], data["stop_window"], words("subject_pronouns"), words("object_pronouns"),
                    opening, place, data["pronoun_reach"], data["history_days"])


@functools.cache
def unplanned_kinds() -> frozenset[str]:
    """The kinds of event nobody plans (a crash, a killing): told in a 'where' clause, they give no order."""
    return frozenset(language.load("events")["settings"]["unplanned"])


def event_names() -> list[str]:
    return sorted(language.load("events")["events"])


# An event a claim tells by its cues alone, with no kind of the vocabulary ("the rifle was unearthed").
_CUES_ONLY: dict[str, Any] = {"triggers": [], "participants": "near"}


@functools.cache
def event_kind(name: str | None, extra_cues: tuple[str, ...] = ()) -> EventKind:
    """The words of a kind of event, with a claim's own cues; with no kind, the cues alone ("event")."""
    data = _CUES_ONLY if name is None else language.load("events")["events"][name]
    name = name or "event"
    cues = language.alternatives([*data["triggers"], *extra_cues], literal=False, spaces=None)
    body = language.alternation(cues, literal=False)
    nouns = [*data.get("nouns", ()), *(rf"(?:{cue})(?<=\A{_noun_shape()})" for cue in extra_cues)]
    ruled = bool(extra_cues)  # a rule's regular expressions: timed on every stretch
    return EventKind(name, data["participants"],
                     patterns.compile(rf"(?<![\w-])(?:{body})(?![\w-])", regex.I, rule_text=ruled),
                     tuple(data.get("prepositions", ())), tuple(data.get("origins", ())), wordstarts.beginnings(cues),
                     patterns.compile(language.alternation(nouns, literal=False), regex.I, rule_text=ruled)
                     if nouns else None)


def _noun_shape() -> str:
    return str(language.load("events")["noun_phrase"]["noun_shape"])


@functools.cache
def _other_event(key: str) -> patterns.Pattern:
    data = language.load("events")["other_event"]
    pattern = data[key].replace("{WORDS}", data["words"]).replace("{PEOPLE}", data["people_of_theirs"])
    return patterns.compile(pattern, regex.I | regex.S)


@functools.cache
def _persons_after() -> tuple[frozenset[str], frozenset[str]]:
    data = language.load("events")["other_event"]
    return frozenset(w.casefold() for w in data["persons_after"]), frozenset(w.casefold() for w in data["persons"])


def about_another_event(text: str, start: int, end: int) -> bool:
    """Whether a stretch of text (a figure's clause) says it is about another event ("in a separate accident",
    "another blast", "in another village", "an aftershock struck"; not "another suspect was held")."""
    marks, persons = _persons_after()
    if _other_event("later_events").search(text, start, end) is not None:
        return True
    for found in _other_event("words").finditer(text, start, end):
        if " ".join(found.group().casefold().split()) not in marks:
            return True
        words = [w.casefold() for w in regex.findall(r"[\w'’-]+", text[found.end():min(end, found.end() + 40)])[:2]]
        if not any(w in persons for w in words):
            return True
    return False


def names_another_event(text: str, trigger: Trigger, clause_start: int) -> bool:
    """Whether the clause marks the event word as another event than the claim's ("a separate accident")."""
    return _other_event("before").search(text, clause_start, trigger.start) is not None


def someone_of_theirs(text: str, mention_end: int) -> bool:
    """Whether a name in the possessive names someone of the person's ("Ortiz's driver"), not the person."""
    return _other_event("possessed").match(text, mention_end, mention_end + 60) is not None


def someone_of_theirs_before(text: str, start: int) -> bool:
    """Whether a possessive and a word for someone of theirs stand right before `start` ("her daughter Irina", "his
    lawyer, Ana Ruiz"): the name there is of someone else than the person the possessive is of."""
    return _other_event("of_theirs_before").search(text, max(0, start - 60), start) is not None


def theirs_as_subject(text: str, clause_start: int, trigger: Trigger) -> str | None:
    """Someone of a person's who is the subject right before an event word ("said her brother would visit"), as
    written, or None."""
    found = _other_event("theirs_as_subject").search(text, max(clause_start, trigger.start - 80), trigger.start)
    return " ".join(found.group().split()[:2]) if found is not None else None


def someone_of_before(text: str, start: int, name_start: int) -> bool:
    """Whether someone of a person's stands before the name, with the words that describe the person between ("the
    wife of the convicted former port director Dario Fenwick", "a lawyer for Ruiz"): the name is theirs, not the
    subject."""
    return _other_event("someone_of_before").search(text, max(start, name_start - 80), name_start) is not None


def opens_with_possessive(sentence: str) -> bool:
    """Whether a sentence opens with a possessive pronoun of a thing or a deed ("His car was found"), which goes on
    about the person of the sentences before; not of a person ("His lawyer said"), whom the sentence is about."""
    opening = settings().opening_possessive.match(sentence)
    return opening is not None and not any(_other_event(key).match(sentence, opening.end())
                                           for key in ("people_of_theirs", "more_people_of_theirs"))


def owned_place_pronoun(sentence: str) -> regex.Match[str] | None:
    """The first possessive pronoun after a preposition of place ("tore into his back") whose noun is a thing, not
    someone of theirs ("at his lawyer's office" is the lawyer's)."""
    for found in settings().place_possessive.finditer(sentence):
        if not any(_other_event(key).match(sentence, found.end())
                   for key in ("people_of_theirs", "more_people_of_theirs")):
            return found
    return None


def moved(text: str, trigger: Trigger, clause_start: int) -> bool:
    """Whether the clause calls the event word one of several of its kind: a latest, new or extended one, or one
    put off ("extended its deadline", "postponed until Monday")."""
    return _other_event("moved").search(text, clause_start, trigger.start) is not None


def inside_a_figure(text: str, trigger: Trigger, clause_start: int) -> bool:
    """Whether the event word only says what a figure counts ("the death toll from the quake rose on Monday")."""
    return _other_event("inside_a_figure").search(text, clause_start, trigger.start) is not None


def other_event_examples(key: str = "examples") -> list[str]:
    return list(language.load("events")["other_event"][key])


def find_triggers(text: str, kind: EventKind, start: int, end: int,
                  words: wordstarts.Words | None = None) -> list[Trigger]:
    """The triggers of an event kind in text[start:end]; `words` is `wordstarts.Words.of(text)`, if it is at hand."""
    words = wordstarts.Words.of(text) if words is None else words
    # Each match is under a time limit: a rule's cue that backtracks catastrophically raises PatternTooSlow.
    return [Trigger(kind.name, m.start(), m.end(), m.group())
            for m in wordstarts.finditer(kind.pattern, kind.beginnings, text, words, start, end)]


@functools.cache
def _modifier_breaks() -> patterns.Pattern:
    return patterns.compile(language.load("events")["settings"]["modifier_breaks"], regex.I)


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


@dataclass(frozen=True, slots=True)
class NounPhrase:
    """An event word told as a noun, and what its phrase depends on (see `told_as_noun`)."""

    start: int  # where the phrase begins: its determiner, possessive or governing preposition
    governor: str  # the word it depends on ("condemned", "for"); "" when it leads its clause
    takes_clause_dates: bool  # it stands for the event itself: its clause's dates are the event's


@dataclass(frozen=True, slots=True)
class _Phrases:
    determiners: frozenset[str]
    possessive: patterns.Pattern
    modifiers: int
    prepositions: frozenset[str]
    time_and_place: frozenset[str]
    purpose: frozenset[str]
    light_verbs: frozenset[str]
    verbs: frozenset[str]
    subject_of: patterns.Pattern
    clause_openers: frozenset[str]
    date_after: patterns.Pattern
    same_as: tuple[patterns.Pattern, patterns.Pattern]
    named_as: tuple[patterns.Pattern, patterns.Pattern]
    gerund_after: frozenset[str]
    subject_relative: patterns.Pattern


@functools.cache
def _phrases() -> _Phrases:
    data = language.load("events")["noun_phrase"]

    def folded(key: str) -> frozenset[str]:
        return frozenset(" ".join(word.split()).casefold() for word in data[key])

    return _Phrases(folded("determiners"), patterns.compile(rf"\A{data['possessive']}\Z"), int(data["modifiers"]),
                    folded("prepositions"), folded("time_and_place"), folded("purpose"), folded("light_verbs"),
                    folded("verbs"),
                    patterns.compile(rf"\s+(?:{language.alternation(data['subject_of'])})\b", regex.I),
                    folded("clause_openers"),
                    patterns.compile(rf"\s*(?:(?:{language.alternation(data['date_after'])})\s+)?\Z", regex.I),
                    (patterns.compile(data["same_as"][0], regex.I), patterns.compile(data["same_as"][1], regex.I)),
                    (patterns.compile(data["named_as"][0], regex.I), patterns.compile(data["named_as"][1], regex.I)),
                    folded("gerund_after"),
                    patterns.compile(data["subject_relative"], regex.I))


def told_as_noun(text: str, clause_start: int, trigger: Trigger, kind: EventKind) -> NounPhrase | None:
    """The phrase an event word ends when the word is a noun of its event (`nouns` of language/events.toml), or
    None when it is told as a verb ("met the king", "will visit the port"). The phrase opens at a determiner, a
    possessive or a preposition at most a few words before the word ("the deadly embassy bombings", "Friday's
    talks", "after the blasts"), or at the word where it leads its clause ("Talks resumed on Monday"); what stands
    before it says whether it stands for the event itself or for what another verb is about."""
    phrases = _phrases()
    gerund = _gerund_after(text, clause_start, trigger, phrases)
    if gerund is not None:
        return gerund
    if kind.nouns is None or kind.nouns.fullmatch(trigger.text) is None:
        return None
    words = [(m.start(), m.end(), m.group()) for m in _WORDS.finditer(text, clause_start, trigger.start)]
    start = trigger.start
    opener: str | None = None
    for position in range(len(words) - 1, max(len(words) - 2 - phrases.modifiers, -1), -1):
        word_start, _, word = words[position]
        folded = word.casefold()
        two = " ".join(w for _, _, w in words[position - 1:position + 1]).casefold() if position else ""
        if two in phrases.prepositions:  # "ahead of the talks", "in response to the attack"
            start, opener = words[position - 1][0], two
            break
        if folded in phrases.determiners or folded in phrases.prepositions or phrases.possessive.match(word):
            start, opener = word_start, folded
            if folded in phrases.prepositions or position == 0:
                break
            # A number may follow an article ("a three hour meeting", "the two blasts"): the phrase opens at the
            # article. A determiner's phrase may itself stand behind a preposition ("condemned the attacks", "for
            # the talks").
            if words[position - 1][2].casefold() in phrases.determiners:
                position -= 1
                start, opener = words[position][0], words[position][2].casefold()
            before = words[position - 1][2].casefold() if position else ""
            if before in phrases.prepositions:
                start, opener = words[position - 1][0], before
            break
        if folded in phrases.light_verbs or folded in phrases.verbs or two in phrases.light_verbs:
            break  # a verb before the word: what it governs, or a verb's own form ("will visit")
        if _past_form(word) and not (position and words[position - 1][2].casefold() in phrases.determiners):
            break  # "condemned deadly bomb attacks"; "the planned meeting" is an adjective's
        if text[word_start - 1:word_start] in ",;:" or not word[:1].isalnum():
            break
    if opener is None and (verb := _verb_before(words, phrases)) is not None:
        # "condemned terrorist bomb attacks": a noun phrase with no determiner, governed by the verb before it
        return NounPhrase(verb[0], verb[1], verb[1] in phrases.light_verbs)
    governor = _governor(text, clause_start, start, opener)
    if opener is None and governor:
        return None  # a word of both kinds with nothing that opens a phrase before it is a verb ("will visit")
    subject = subject_of_happening(text, trigger)
    where = governor in phrases.time_and_place and not _after_a_noun(text, clause_start, start, phrases)
    takes = governor == "" or governor in phrases.light_verbs or where or subject
    return NounPhrase(start, governor, takes)


def prepositions() -> frozenset[str]:
    """The prepositions that may govern an event noun's phrase ("in the crash", "after the attack")."""
    return _phrases().prepositions


def subject_of_happening(text: str, trigger: Trigger) -> bool:
    """Whether an event word told as a noun is the subject of a verb of happening right after it ("the blast
    occurred", "a bomb ripped through"): the event is then told by that verb."""
    return _phrases().subject_of.match(text, trigger.end) is not None


def _gerund_after(text: str, clause_start: int, trigger: Trigger, phrases: _Phrases) -> NounPhrase | None:
    """An event verb in its -ing form right behind a preposition of `gerund_after` ("punishment for seizing the
    port"): a noun phrase that preposition governs; None otherwise."""
    first = trigger.text.split()[0] if trigger.text.split() else ""
    if not (first.islower() and first.endswith("ing") and len(first) > 4):
        return None
    before = regex.search(r"(\p{L}+)\s+\Z", text[max(clause_start, trigger.start - 20):trigger.start])
    if before is None or before.group(1).casefold() not in phrases.gerund_after:
        return None
    return NounPhrase(trigger.start - len(before.group()), before.group(1).casefold(), False)


def _after_a_noun(text: str, clause_start: int, phrase_start: int, phrases: _Phrases) -> bool:
    """Whether the preposition that opens a phrase follows a noun with its determiner ("a suspect in the bombings",
    "the inquiry into the crash"): the phrase then says what that noun is about, not when the clause happens."""
    words = [m.group().casefold() for m in _WORDS.finditer(text, max(clause_start, phrase_start - 40), phrase_start)]
    return len(words) >= 2 and words[-2] in phrases.determiners and words[-1].isalpha() \
        and words[-1] not in phrases.verbs


def _verb_before(words: list[tuple[int, int, str]], phrases: _Phrases) -> tuple[int, str] | None:
    """A past form right before the lower-case words that lead up to an event noun ("condemned terrorist bomb
    attacks"): the start of the phrase after it, and the verb; None when a name, a number or something else stands
    there first."""
    for position in range(len(words) - 1, max(len(words) - 2 - phrases.modifiers, -1), -1):
        word = words[position][2]
        if not word.isalpha() or not word.islower():
            return None
        if _past_form(word):
            return (words[position + 1][0], word) if position + 1 < len(words) else None
    return None


def _past_form(word: str) -> bool:
    return len(word) > 3 and word.isalpha() and word.islower() and word.endswith("ed")


def _governor(text: str, clause_start: int, phrase_start: int, opener: str | None) -> str:
    """The word an event's phrase depends on: its preposition, else the word before the phrase ("" when the phrase
    leads its clause, after at most a conjunction or an opening phrase closed by a comma: "On Friday, the blasts
    ...")."""
    phrases = _phrases()
    if opener is not None and opener in phrases.prepositions:
        return opener
    before = text[clause_start:phrase_start]
    before = before[before.rfind(",") + 1:] if "," in before else before
    words = [w.casefold() for w in _WORDS.findall(before)]
    while words and words[0] in phrases.clause_openers:
        words = words[1:]
    if not words:
        return ""
    two = " ".join(words[-2:])
    return two if two in phrases.light_verbs else words[-1]


def date_against(text: str, phrase: NounPhrase, trigger: Trigger, date_start: int, date_end: int,
                 weekday_alone: bool = False) -> bool:
    """Whether a date is written against an event's noun: inside its phrase, before the word ("Friday's bombing",
    "the Aug. 7 blasts"), right after it behind "of" ("the attacks of Aug. 7"), after it in its clause
    where the phrase is a purpose ("for a meeting with the king on Wednesday") or in a relative clause whose subject
    it is ("the blasts which killed 40 on Friday"), set beside it by "the same ... as" ("on the same night as the
    crash") or named as it ("set March 3 as the deadline"; not a weekday alone, `weekday_alone`, whose week the
    setting's tense does not tell)."""
    if phrase.start < date_end <= trigger.start:
        return True  # in the phrase, or a date the phrase opens inside ("last Friday's bombings")
    phrases = _phrases()
    if (phrase.governor in phrases.purpose and date_start >= trigger.end
            and not regex.search(r"[,;:]", text[trigger.end:date_start])):
        return True
    if (date_start >= trigger.end and phrases.subject_relative.match(text, trigger.end) is not None
            and not regex.search(r"[;:]", text[trigger.end:date_start])):
        return True
    for (before, as_), takes_a_weekday in ((phrases.same_as, True), (phrases.named_as, not weekday_alone)):
        if (takes_a_weekday and date_end <= phrase.start and as_.fullmatch(text, date_end, phrase.start) is not None
                and before.search(text, max(0, date_start - 16), date_start) is not None):
            return True
    return date_start >= trigger.end and _phrases().date_after.match(text, trigger.end, date_start) is not None


@functools.cache
def _own_subject() -> patterns.Pattern:
    return patterns.compile(language.load("events")["settings"]["own_subject"], regex.I)


def own_subject(text: str, sentence_start: int, trigger: Trigger, kind: EventKind) -> str | None:
    """The noun phrase right before an event verb that is its subject ("a federal judge ruled", "police found"),
    or None: a sentence that a pronoun ties to someone may still tell what someone else did."""
    if kind.nouns is not None and kind.nouns.fullmatch(trigger.text):
        return None
    match = _own_subject().search(text, max(sentence_start, trigger.start - 80), trigger.start)
    return match["subject"] if match else None


@functools.cache
def _heads() -> patterns.Pattern:
    heads = language.load("events")["noun_phrase"]["heads"]
    return patterns.compile(rf"[\s-]+(?P<head>{language.alternation(heads)})\b", regex.I)


def modifies_a_noun(text: str, trigger: Trigger) -> str | None:
    """The noun an event word stands before as its modifier ("accession talks", "the bomb factory", "rescue
    workers"), or None: the phrase then names that thing, not the event."""
    match = _heads().match(text, trigger.end)
    return match["head"] if match else None


def heads_examples() -> list[dict[str, object]]:
    return list(language.load("events")["noun_phrase"]["heads_examples"])


def own_subject_examples() -> list[dict[str, object]]:
    return list(language.load("events")["settings"]["own_subject_examples"])


def noun_phrase_examples() -> list[dict[str, object]]:
    return list(language.load("events")["noun_phrase"]["examples"])
