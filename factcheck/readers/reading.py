"""One article read once for all claims: sentences, clause segments, dates, entity mentions and event triggers."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar, overload

from factcheck.inputs.article import Article
from factcheck.readers import clauses, events, wordstarts
from factcheck.readers.clauses import Segment
from factcheck.readers.counts import Amount, Count, read_amounts, read_counts, read_measures
from factcheck.readers.dates import FileDates, read_dates
from factcheck.readers.events import EventKind, Trigger
from factcheck.readers.names import POSSESSIVE_ENDINGS, Mention, NameIndex, addressed_as, find_mentions, pronouns_of
from factcheck.readers.temporal import Timex
from factcheck.readers.text import Sentence

T = TypeVar("T")

class Segments(Sequence[tuple[Segment, ...]]):
    """The clause segments of each sentence, cut when a claim first asks for that sentence's: most sentences of an
    article hold no word of any claim's event, and an article read only for the built-in checks needs none. No cut
    falls inside a date ("Thursday, April 28" keeps its comma)."""

    def __init__(self, text: str, sentences: tuple[Sentence, ...], timexes: tuple[tuple[Timex, ...], ...]) -> None:
        self._text, self._sentences, self._timexes = text, sentences, timexes
        self._cut: list[tuple[Segment, ...] | None] = [None] * len(sentences)

    @overload
    def __getitem__(self, index: int) -> tuple[Segment, ...]: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[tuple[Segment, ...]]: ...

    def __getitem__(self, index: int | slice) -> tuple[Segment, ...] | Sequence[tuple[Segment, ...]]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        cut = self._cut[index]
        if cut is None:
            sentence = self._sentences[index]
            dates = tuple((t.start, t.end) for t in self._timexes[index])
            cut = self._cut[index] = tuple(clauses.segments(self._text, sentence.start, sentence.end, dates))
        return cut

    def __len__(self) -> int:
        return len(self._sentences)


class Cast(Protocol):
    """The people and places a reading looks for, and which is which: what a rule set gives (claims.RuleSet)."""

    @property
    def names(self) -> NameIndex: ...

    @property
    def entity_kinds(self) -> Mapping[str, str]: ...


@dataclass(frozen=True, slots=True)
class Reading:
    article: Article
    sentences: tuple[Sentence, ...]
    segments: Segments  # per sentence
    timexes: tuple[tuple[Timex, ...], ...]  # per sentence
    mentions: tuple[tuple[Mention, ...], ...]  # per sentence
    entity_kinds: Mapping[str, str]
    words: wordstarts.Words  # of the text, for finding triggers
    sentence_starts: tuple[int, ...]
    dates: FileDates  # every date of the article, as `factcheck dates` lists them, and the days it wrote that are none
    # By event name and pattern: equal kinds are often distinct objects (with and without an empty tuple of extra
    # cues), and comparing two kinds field by field costs more than the lookup.
    _triggers: dict[tuple[str, str], tuple[tuple[Trigger, ...], ...]] = field(default_factory=dict, compare=False)
    _figures: dict[int, tuple[Count, ...]] = field(default_factory=dict, compare=False)
    _quantities: dict[tuple[int, str], tuple[Amount, ...]] = field(default_factory=dict, compare=False)
    _address: dict[str, str] = field(default_factory=dict, compare=False)  # how the article addresses its people
    # What readers compute once per article for every claim that asks, by what it depends on (see `once`).
    _once: dict[Hashable, Any] = field(default_factory=dict, compare=False)

    @property
    def text(self) -> str:
        return self.article.text

    def triggers(self, kind: EventKind, index: int) -> tuple[Trigger, ...]:
        """Triggers of an event kind in sentence `index` (found for the whole article on first use)."""
        key = (kind.name, kind.pattern.pattern)
        if key not in self._triggers:
            # One pass over the article, each trigger filed under the sentence it stands in.
            per_sentence: list[list[Trigger]] = [[] for _ in self.sentences]
            starts = self.sentence_starts
            body_start = starts[0] if starts else 0
            for trigger in events.find_triggers(self.text, kind, body_start, len(self.text), self.words):
                number = bisect.bisect_right(starts, trigger.start) - 1
                if number >= 0 and trigger.end <= self.sentences[number].end and not self._in_a_name(number, trigger):
                    per_sentence[number].append(trigger)
            self._triggers[key] = tuple(tuple(found) for found in per_sentence)
        return self._triggers[key][index]

    def _in_a_name(self, index: int, trigger: Trigger) -> bool:
        """Whether an event word is a capitalised word of the name of a thing, an organisation or a place of the
        rules ("Cyclone Tamsin churned towards the coast" tells no cyclone's landfall). A cue that is the whole name
        ("NATO") or a lower-case word of an alias ("the alliance") still tells its event."""
        return trigger.text[:1].isupper() and any(
            m.start <= trigger.start and trigger.end <= m.end and (m.start, m.end) != (trigger.start, trigger.end)
            and self.entity_kinds.get(m.entity) != "person" for m in self.mentions[index])

    def figures(self, index: int) -> tuple[Count, ...]:
        """The counts of sentence `index` outside its dates and times (read once per sentence, for every claim)."""
        if index not in self._figures:
            sentence = self.sentences[index]
            dates = [(t.start, t.end) for t in self.timexes[index]]
            self._figures[index] = tuple(read_counts(self.text, sentence.start, sentence.end, dates))
        return self._figures[index]

    def quantities(self, index: int, unit: str) -> tuple[Amount, ...]:
        """The sums of money (`unit` "money") or the quantities of a unit family of sentence `index`, read once per
        sentence and unit for every claim that asks."""
        key = (index, unit)
        if key not in self._quantities:
            sentence = self.sentences[index]
            self._quantities[key] = tuple(read_amounts(self.text, sentence.start, sentence.end) if unit == "money"
                                          else read_measures(self.text, unit, sentence.start, sentence.end))
        return self._quantities[key]

    def once(self, key: Hashable, compute: Callable[[], T]) -> T:
        """A value of the article computed once for every claim that asks (its quotations and their speakers),
        `key` saying what it depends on."""
        if key not in self._once:
            self._once[key] = compute()
        return self._once[key]

    def sentence_at(self, offset: int) -> int:
        """The index of the sentence an offset stands in."""
        return max(bisect.bisect_right(self.sentence_starts, offset) - 1, 0)

    def mentions_of(self, entity_id: str | None, index: int) -> list[Mention]:
        return [m for m in self.mentions[index] if m.entity == entity_id] if entity_id else []

    def tense_at(self, index: int, offset: int) -> clauses.Tense:
        """The tense of the cue nearest an offset in its clause, else in its sentence: as the tagger reads it."""
        sentence_segments = list(self.segments[index])
        segment = sentence_segments[clauses.segment_at(sentence_segments, offset)]
        tense = clauses.tense_near(self.text, segment.start, segment.end, offset)
        if tense == "present":
            sentence = self.sentences[index]
            tense = clauses.tense_near(self.text, sentence.start, sentence.end, offset)
        return tense

    def subject_present(self, entity_id: str, index: int) -> bool:
        """Whether a sentence is about an entity: it names it, or a pronoun continues a recent mention of it. The
        search goes back a few sentences, a paragraph at most at each step, and stops at a sentence about someone
        else (one that names another person and carries no pronoun for ours)."""
        if self.mentions_of(entity_id, index):
            return True
        if self._owned_by_the_one_before(entity_id, index):
            return True
        if not self._continues_with_pronoun(entity_id, index):
            return False
        for previous in range(index - 1, max(index - events.settings().pronoun_reach, 0) - 1, -1):
            if self.sentences[previous + 1].paragraph - self.sentences[previous].paragraph > 1:
                return False
            if self.mentions_of(entity_id, previous):
                return True
            someone_else = any(self.entity_kinds.get(m.entity) == "person" for m in self.mentions[previous])
            if someone_else and not self._continues_with_pronoun(entity_id, previous):
                return False
        return False

    def _continues_with_pronoun(self, entity_id: str, index: int) -> bool:
        setting = events.settings()
        sentence = self.sentences[index]
        subject = setting.subject_pronouns.search(sentence.text)
        # Another person named before a subject pronoun is its likelier antecedent ("Brandt said he would ...").
        if subject is not None and any(m.start < sentence.start + subject.start() and m.entity != entity_id
                                       and self.entity_kinds.get(m.entity) == "person" for m in self.mentions[index]):
            subject = None
        place = events.owned_place_pronoun(sentence.text)
        if place is not None and any(m.start < sentence.start + place.start() and m.entity != entity_id
                                     and self.entity_kinds.get(m.entity) == "person" for m in self.mentions[index]):
            place = None
        found = [m.group().split()[-1] for m in (subject, setting.object_pronouns.search(sentence.text), place)
                 if m is not None]
        # A pronoun of the other sex does not stand for someone the article addresses as "Mrs." or "Mr.".
        other = {"woman": "man", "man": "woman"}.get(self._addressed_as().get(entity_id, ""))
        return bool(found) and not (other and all(p.casefold() in pronouns_of()[other] for p in found))

    def _addressed_as(self) -> dict[str, str]:
        if not self._address:
            people = [m for sentence in self.mentions for m in sentence if self.entity_kinds.get(m.entity) == "person"]
            self._address.update(addressed_as(self.text, people) or {"": ""})  # "": read, and no one addressed
        return self._address

    def _owned_by_the_one_before(self, entity_id: str, index: int) -> bool:
        """'Ortiz left at dawn. Her car was found at noon.': a sentence that opens with a possessive of a thing goes
        on about the person the sentence right before names, in its paragraph, if it names no other person but in
        the possessive ("His car was seen near Ruiz's house" is still about him)."""
        text = self.text
        return (index > 0 and self.sentences[index].paragraph == self.sentences[index - 1].paragraph
                and events.opens_with_possessive(self.sentences[index].text)
                and bool(self.mentions_of(entity_id, index - 1))
                and not any(self.entity_kinds.get(m.entity) == "person"
                            and text[m.end:m.end + 2] not in POSSESSIVE_ENDINGS for m in self.mentions[index]))


def mentions_in(article: Article, rules: Cast) -> list[Mention]:
    """The mentions of the rules' entities in the article's body."""
    return find_mentions(article.text, rules.names, article.body_start, words=wordstarts.Words.of(article.text))


def read(article: Article, rules: Cast, mentions: list[Mention] | None = None,
         dates: FileDates | None = None) -> Reading:
    """The article read for all claims; `mentions` are its `mentions_in` and `dates` its `read_dates`, if they are at
    hand."""
    text = article.text
    dates = read_dates(article) if dates is None else dates  # the same reading `factcheck dates` shows
    sentences, timexes = list(dates.sentences), dates.timexes
    starts = [s.start for s in sentences]
    per_sentence_timexes: list[list[Timex]] = [[] for _ in sentences]
    for timex in timexes:
        per_sentence_timexes[bisect.bisect_right(starts, timex.start) - 1].append(timex)
    words = wordstarts.Words.of(text)
    mentions = mentions_in(article, rules) if mentions is None else mentions
    per_sentence_mentions: list[list[Mention]] = [[] for _ in sentences]
    for mention in mentions:
        index = bisect.bisect_right(starts, mention.start) - 1
        if index >= 0 and mention.end <= sentences[index].end:
            per_sentence_mentions[index].append(mention)
    return Reading(
        article=article,
        sentences=tuple(sentences),
        segments=Segments(text, tuple(sentences), tuple(tuple(t) for t in per_sentence_timexes)),
        timexes=tuple(tuple(t) for t in per_sentence_timexes),
        mentions=tuple(tuple(m) for m in per_sentence_mentions),
        entity_kinds=rules.entity_kinds,
        words=words,
        sentence_starts=tuple(starts),
        dates=dates,
    )
