"""The quotation reader: quotations in an article and who said them ("'We are close,' Brandt said").

A quotation of a few words or more is given to a speaker by a verb of saying in its sentence: after it ("...,"
Brandt said; "...," said Brandt; "...", according to Brandt) or before it (Brandt told reporters that "...";
Brandt left, saying "..."). A pronoun ("...," she said) stands for the speaker or the subject of the sentence
before, and the attribution says so; a quotation with no verb of its own that opens the next sentence of the
paragraph, or goes on in the next paragraph, continues the one before. An embedded post is its author's. The
vocabularies and patterns are language data (language/quotes.toml).
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Mapping
from dataclasses import dataclass

import regex

from factcheck import language, patterns
from factcheck.readers import events
from factcheck.readers.names import Mention, addressed_as
from factcheck.readers.reading import Reading

_WORD = patterns.compile(r"[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*")


_ADDRESS = patterns.compile(r"https?://\S+|www\.\S+")


# Double quotation marks: straight, curly, or as old wire copy types them (``...'').
_MARK = patterns.compile(r"[“”\"]|``|''")
_OPENERS, _CLOSERS = frozenset({"“", '"', "``"}), frozenset({"”", '"', "''"})


_CLAUSE_OPENER = patterns.compile(r"[,;:(—–]")


_POSSESSIVE = patterns.compile(r"['’]s\b|['’](?!\w)")


# Words in single quotes inside a quotation are someone else's, quoted by the speaker ("When he told me 'we will
# stay', I believed him"): an apostrophe inside or at the end of a word ("don't", "the workers' union") opens none.
_NESTED = patterns.compile(r"(?<![\p{L}\p{N}])['‘`](?=\p{L})[^'‘’`\"“”]*?[\p{L}\p{N}.,!?]['’](?![\p{L}\p{N}])")


@dataclass(frozen=True, slots=True)
class _Language:
    after_speaker_first: patterns.Pattern
    after_verb_first: patterns.Pattern
    before: patterns.Pattern
    colon: patterns.Pattern
    asked: patterns.Pattern
    echo: patterns.Pattern
    post: patterns.Pattern
    sources: patterns.Pattern
    pronouns: patterns.Pattern
    before_an_object: frozenset[str]
    determiners: frozenset[str]
    breaks: frozenset[str]
    passive: frozenset[str]
    function_words: frozenset[str]
    speaker_reach: int
    name_reach: int


@functools.cache
def _language() -> _Language:
    data = language.load("quotes")
    vocabularies, settings = data["vocabularies"], data["settings"]

    def alternatives(key: str) -> str:
        return "(?:" + language.alternation(vocabularies[key], literal=False) + ")"

    def compose(key: str) -> patterns.Pattern:
        pattern = data["patterns"][key].replace("{GAP}", str(settings["gap_words"]))
        for name, vocabulary in (("SAID", "said"), ("PARTICIPLE", "participles"), ("SOURCE", "sources")):
            pattern = pattern.replace("{" + name + "}", alternatives(vocabulary))
        return patterns.compile(pattern, regex.I)

    def folded(key: str) -> frozenset[str]:
        return frozenset(word.casefold() for word in vocabularies[key])

    return _Language(
        after_speaker_first=compose("after_speaker_first"), after_verb_first=compose("after_verb_first"),
        before=compose("before"), colon=compose("colon"), post=compose("post"), asked=compose("asked"),
        echo=patterns.compile(r"\b" + alternatives("echoes") + r"\b", regex.I),
        sources=patterns.compile(r"\A" + alternatives("sources") + r"\Z", regex.I),
        pronouns=patterns.compile(r"\b" + alternatives("pronouns") + r"\b", regex.I),
        before_an_object=folded("before_an_object"), determiners=folded("determiners"), breaks=folded("breaks"),
        passive=folded("passive"), function_words=folded("function_words"),
        speaker_reach=settings["speaker_reach"], name_reach=settings["name_reach"])


def normalise(text: str) -> str:
    """A quotation's words as two sources are compared: case folded, without punctuation or web addresses, a
    hyphen inside a word dropped ("cease-fire" is "ceasefire"), each word in one house spelling and small numbers
    as figures ("defences" is "defenses", "two" is "2": language/quotes.toml [folding])."""
    words = _WORD.findall(_ADDRESS.sub(" ", text))
    return " ".join(_folded(word.casefold().replace("’", "'").replace("-", "")) for word in words)


@functools.cache
def _foldings() -> tuple[tuple[tuple[patterns.Pattern, str], ...], dict[str, str]]:
    data = language.load("quotes")["folding"]
    return (tuple((patterns.compile(rule["pattern"]), rule["replace"]) for rule in data["spellings"]),
            dict(data["numbers"]))


@functools.lru_cache(maxsize=1 << 16)
def _folded(word: str) -> str:
    spellings, numbers = _foldings()
    if word in numbers:
        return numbers[word]
    for pattern, replace in spellings:
        word = pattern.sub(replace, word)
    return word


@dataclass(frozen=True, slots=True)
class Quoted:
    """A quotation in the text: its marks (or, for a post, its text) and the words inside."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    paragraph: int  # its paragraph's position among the article's paragraphs
    closed: bool  # False: it stays open to the end of its paragraph (and may go on in the next one)
    author: tuple[int, int] | None = None  # for an embedded post, the span naming its author


@dataclass(frozen=True, slots=True)
class _Who:
    """A person named, or a pronoun, where a speaker may stand."""

    entity: str | None  # None for a pronoun
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Attribution:
    speaker: str | None  # entity id; None when the one who speaks is no one the rules name
    spans: tuple[tuple[int, int], ...]  # the words that attribute the quotation
    how: str
    by_pronoun: bool = False


def _paragraphs(reading: Reading) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    previous = None
    for sentence in reading.sentences:
        if sentence.paragraph == previous:
            spans[-1] = (spans[-1][0], sentence.end)
        else:
            spans.append((sentence.start, sentence.end))
        previous = sentence.paragraph
    return spans


def _quotations(text: str, paragraphs: list[tuple[int, int]]) -> list[Quoted]:
    """Quotations in double quotes, straight or curly, a quotation opened with one and closed with the other
    included; one left open runs to its paragraph's end. A paragraph that is an embedded post is its author's."""
    found: list[Quoted] = []
    post_pattern = _language().post
    for number, (start, end) in enumerate(paragraphs):
        if text.find("(@", start, end) >= 0 and (post := post_pattern.match(text, start, end)) is not None:
            found.append(Quoted(start, end, *post.span("text"), number, True, post.span("author")))
            continue
        opened = None
        opening = ""
        for mark in _MARK.finditer(text, start, end):
            if opened is None:
                if mark.group() in _OPENERS:
                    opened, opening = mark.start(), mark.group()
            elif mark.group() in _CLOSERS:
                found.append(Quoted(opened, mark.end(), opened + len(opening), mark.start(), number, True))
                opened = None
        if opened is not None:
            found.append(Quoted(opened, end, opened + len(opening), end, number, False))
    return found


class _Reader:
    """Who said each quotation of one article, in the article's order: a pronoun looks back at the speakers found
    before it."""

    def __init__(self, reading: Reading, spans: list[Quoted], names: Mapping[str, str]) -> None:
        self.reading, self.text, self.lang, self.names = reading, reading.text, _language(), names
        self.people = [m for sentence in reading.mentions for m in sentence
                       if reading.entity_kinds.get(m.entity) == "person"]
        self.people_starts = [m.start for m in self.people]
        self.spans = spans
        self.span_starts = [span.start for span in spans]
        # Per sentence, the speaker its last attributed quotation was given to (None: someone the rules do not name).
        self.said_in: dict[int, tuple[str | None, str]] = {}
        self.genders = addressed_as(self.text, self.people)

    # -- where things stand

    def inside_a_quotation(self, offset: int) -> bool:
        at = bisect.bisect_right(self.span_starts, offset) - 1
        return at >= 0 and self.spans[at].inner_start <= offset < self.spans[at].inner_end

    def people_in(self, start: int, end: int) -> list[Mention]:
        first = bisect.bisect_left(self.people_starts, start)
        return [m for m in self.people[first:bisect.bisect_left(self.people_starts, end)] if m.end <= end]

    def words(self, start: int, end: int) -> list[str]:
        return _WORD.findall(self.text, start, end) if start < end else []

    def possessive(self, who: _Who) -> bool:
        return _POSSESSIVE.match(self.text, who.end) is not None

    def clause_start(self, who: _Who, floor: int) -> int:
        """Where the clause a name stands in begins: after the last comma, colon, dash or bracket before it."""
        openers = [m.end() for m in _CLAUSE_OPENER.finditer(self.text, max(floor, who.start - 300), who.start)]
        return openers[-1] if openers else floor

    def behind_an_object_marker(self, who: _Who, floor: int) -> bool:
        """'a spokesman for Brandt', 'appealed to Mr Brandt', 'urged Brandt': the first word before the name in
        its clause that is neither capitalised nor a determiner makes it an object."""
        start = self.clause_start(who, floor)
        if events.someone_of_before(self.text, start, who.start):
            return True  # "the wife of the convicted director Dario Fenwick said": she speaks
        for word in reversed(self.words(start, who.start)):
            if word[:1].isupper() or word.casefold() in self.lang.determiners:
                continue
            return word.casefold() in self.lang.before_an_object
        return False

    def heads_its_clause(self, who: _Who, floor: int) -> bool:
        """Whether a name opens its clause, as a subject does: only capitalised words, determiners and
        possessives stand between it and the clause's start ('On Monday, the country's Foreign Minister Brandt')."""
        return all(word[:1].isupper() or word.casefold() in self.lang.determiners or _POSSESSIVE.search(word)
                   for word in self.words(self.clause_start(who, floor), who.start))

    def candidates(self, start: int, end: int) -> list[_Who]:
        """People named and pronouns in a stretch, outside quotations, not possessives, in order."""
        named = [_Who(m.entity, m.start, m.end, m.text) for m in self.people_in(start, end)]
        pronouns = [_Who(None, m.start(), m.end(), m.group())
                    for m in self.lang.pronouns.finditer(self.text, start, end)]
        return sorted((who for who in named + pronouns
                       if not self.inside_a_quotation(who.start) and not self.possessive(who)),
                      key=lambda who: who.start)

    def joined(self, who: _Who, verb_start: int) -> bool:
        """Whether a name before a verb of saying can be its subject: near it, with no other clause between, and
        the verb not passive ("Brandt was told")."""
        between = [word.casefold() for word in self.words(who.end, verb_start)]
        return (len(between) <= self.lang.speaker_reach and not set(between) & self.lang.breaks
                and not (between and between[-1] in self.lang.passive))

    # -- attributions

    def attribute(self, position: int) -> Attribution | None:
        """The quotation's own attribution: after it, else before it, in its sentences; None if it has none."""
        span = self.spans[position]
        if span.author is not None:
            return self.signed(span)
        reading = self.reading
        index = reading.sentence_at(span.start)
        sentence = reading.sentences[index]
        # The quotations are in order and do not overlap: the one before ends last of those before.
        floor = max(sentence.start, self.spans[position - 1].end if position else sentence.start)
        if (asked := self.lang.asked.search(self.text[floor:span.start])) is not None:
            return Attribution(None, (), f"'{asked.group().strip(' ,:')}' before it: a question put to the "
                                          "speaker, not their words")
        close = reading.sentences[reading.sentence_at(max(span.end - 1, span.start))]
        following = position + 1 < len(self.spans) and self.spans[position + 1].start < close.end
        after = self.after(span.end, self.spans[position + 1].start if following else close.end)
        if after is not None:
            return after
        return self.before(index, floor, span.start)

    def signed(self, span: Quoted) -> Attribution:
        start, end = span.author or (span.end, span.end)
        named = self.people_in(start, end)
        signature = self.text[start:end].strip()
        if not named:
            return Attribution(None, (), f"an embedded post signed '{signature}', whom the rules do not name")
        return Attribution(named[0].entity, ((named[0].start, named[0].end),),
                           f"an embedded post signed '{signature}'")

    def after(self, start: int, end: int) -> Attribution | None:
        lang = self.lang
        if (match := lang.after_speaker_first.match(self.text, start, end)) is not None:
            verb = match.span("verb")
            zone = match.start("speaker")
            heads = [who for who in self.candidates(zone, verb[0])
                     if self.heads_its_clause(who, zone) and self.joined(who, verb[0])
                     and not self.behind_an_object_marker(who, zone)]
            phrase = self.text[zone:verb[1]].strip(" ,")
            if heads:
                return self.given(heads[0], verb, f"'{phrase}' after the quotation")
            return Attribution(None, (verb,), f"'{phrase}' after the quotation names no one the rules know")
        if (match := lang.after_verb_first.match(self.text, start, end)) is not None:
            verb = match.span("verb")
            named = self.named_after(verb, end)
            phrase = self.text[verb[0]:named.end if named else verb[1]]
            if named is None:
                return Attribution(None, (verb,), f"'{phrase}' after the quotation names no one the rules know")
            return self.given(named, verb, f"'{phrase}' after the quotation")
        return None

    def named_after(self, verb: tuple[int, int], end: int) -> _Who | None:
        """The person named right after a verb or a source phrase ('said Chancellor Brandt', 'according to the
        mayor, Lena Okafor'), within a few words and before the clause ends."""
        stop = self.text.find(",", verb[1], end)
        stop = end if stop < 0 or not self.words(verb[1], stop) else stop
        for who in self.candidates(verb[1], stop):
            if who.entity is None or len(self.words(verb[1], who.start)) > self.lang.name_reach:
                return None
            if not self.behind_an_object_marker(who, verb[1]):
                return who
        return None

    def before(self, index: int, floor: int, quote_start: int) -> Attribution | None:
        match = self.lang.before.search(self.text, floor, quote_start)
        if match is None:
            return self.introduced(floor, quote_start)
        gap = match.span("gap")
        if match.group("source") is not None:
            verb = match.span("source")
            named = self.named_after(verb, quote_start)
            if named is None:
                return Attribution(None, (verb,), f"'{match.group('source')}' before the quotation names no one "
                                                   "the rules know")
            return self.given(named, verb, f"'{self.text[verb[0]:named.end]}' before the quotation")
        verb = match.span("participle") if match.group("participle") is not None else match.span("verb")
        # A person named between the verb and the quotation is its speaker's audience ("told Okafor: ..."), or
        # the one whose words are reported ("said Okafor called it ..."), which leaves them unclear.
        others = [who for who in self.candidates(*gap)
                  if who.entity is not None and not self.behind_an_object_marker(who, verb[0])]
        if others:
            return Attribution(None, (verb,), f"'{others[0].text}' is named between '{self.text[slice(*verb)]}' "
                                               "and the quotation: whose words they are is unclear")
        if match.group("participle") is not None:
            return self.participle(index, floor, verb)
        subjects = [who for who in self.candidates(floor, verb[0])
                    if self.joined(who, verb[0]) and not self.behind_an_object_marker(who, floor)]
        phrase = self.text[verb[0]:gap[1]].strip()
        if not subjects:
            return Attribution(None, (verb,), f"'{phrase}' before the quotation has no subject the rules know")
        return self.given(subjects[-1], verb, f"'{self.text[subjects[-1].start:gap[1]].strip()}' before the "
                                              "quotation")

    def introduced(self, floor: int, quote_start: int) -> Attribution | None:
        """'Brandt: "..."': a name that opens its clause, right before a colon that opens the quotation."""
        colon = self.lang.colon.search(self.text, floor, quote_start)
        if colon is None:
            return None
        named = [who for who in self.candidates(floor, colon.start()) if who.entity is not None]
        if not named or self.text[named[-1].end:colon.start()].strip() or not self.heads_its_clause(named[-1], floor):
            return None
        phrase = self.text[named[-1].start:colon.start() + 1]
        return self.given(named[-1], colon.span(), f"'{phrase}' before the quotation")

    def participle(self, index: int, floor: int, verb: tuple[int, int]) -> Attribution:
        """'..., saying "..."' goes on from the sentence's subject, or from the quotation before it in the
        sentence."""
        word = self.text[verb[0]:verb[1]]
        if index in self.said_in and floor > self.reading.sentences[index].start:
            speaker, how = self.said_in[index]
            return Attribution(speaker, (verb,), f"'{word}' goes on from the quotation before it ({how})")
        start = self.reading.sentences[index].start
        subjects = [who for who in self.candidates(start, verb[0]) if self.heads_its_clause(who, start)]
        if not subjects:
            return Attribution(None, (verb,), f"'{word}' before the quotation, in a sentence whose subject is no "
                                               "one the rules know")
        return self.given(subjects[0], verb, f"'{word}' before the quotation goes on from the sentence's subject, "
                                             f"'{subjects[0].text}'")

    def given(self, who: _Who, verb: tuple[int, int], how: str) -> Attribution:
        spans = ((who.start, who.end), verb)
        if who.entity is not None:
            return Attribution(who.entity, spans, how)
        index = self.reading.sentence_at(who.start)
        antecedent = self.antecedent(index, who.start)
        if antecedent is None:
            return Attribution(None, spans, f"{how}; '{who.text}' stands for no one named just before it")
        speaker, whom = antecedent
        return Attribution(speaker, spans, f"{how}; '{who.text}' is read as {whom} (a pronoun's reading, less sure "
                                            "than a name)", by_pronoun=True)

    def antecedent(self, index: int, pronoun_start: int) -> tuple[str | None, str] | None:
        """Whom a pronoun stands for: the subject of its own sentence, named before it; else the speaker of the
        sentence before, or its subject, if it is in the same paragraph or the one before."""
        reading = self.reading
        start = reading.sentences[index].start
        pronoun = "woman" if self.text[pronoun_start:pronoun_start + 3].casefold() == "she" else "man"

        def may_be(entity: str | None) -> bool:  # "..., he said" stands for no one addressed as "Mrs."
            return entity is None or self.genders.get(entity, pronoun) == pronoun

        own = [(who.entity, who) for who in self.candidates(start, pronoun_start)
               if who.entity is not None and self.heads_its_clause(who, start) and may_be(who.entity)]
        if own:
            entity, who = own[0]
            return entity, f"{self.names[entity]} ('{who.text}'), the subject of its sentence"
        previous = index - 1
        if previous < 0 or reading.sentences[index].paragraph - reading.sentences[previous].paragraph > 1:
            return None
        line = reading.article.position(reading.sentences[previous].start)[0]
        if previous in self.said_in:
            speaker, _ = self.said_in[previous]
            if not may_be(speaker):
                return None
            whom = self.names[speaker] if speaker else "someone the rules do not name"
            return speaker, f"{whom}, the speaker of the sentence before (line {line})"
        start = reading.sentences[previous].start
        subjects = [(who.entity, who) for who in self.candidates(start, reading.sentences[previous].end)
                    if who.entity is not None and self.heads_its_clause(who, start) and may_be(who.entity)]
        if not subjects:
            return None
        entity, who = subjects[0]
        return entity, f"{self.names[entity]} ('{who.text}'), the subject of the sentence before (line {line})"

    def continued(self, position: int, previous: int, attribution: Attribution) -> Attribution | None:
        """A quotation with no verb of its own continues the one before when it opens the next sentence of the
        paragraph, or when the one before was left open at the end of the paragraph before it."""
        span, before = self.spans[position], self.spans[previous]
        reading = self.reading
        index = reading.sentence_at(span.start)
        line = reading.article.position(before.start)[0]
        opens_its_sentence = reading.sentences[index].start == span.start
        opens_its_paragraph = opens_its_sentence and (index == 0 or reading.sentences[index - 1].paragraph
                                                      != reading.sentences[index].paragraph)
        next_paragraph = not before.closed and span.paragraph == before.paragraph + 1 and opens_its_paragraph
        last_sentence = reading.sentence_at(max([before.end - 1, *(end - 1 for _, end in attribution.spans)]))
        next_sentence = span.paragraph == before.paragraph and index == last_sentence + 1 and opens_its_sentence
        if not (next_paragraph or next_sentence):
            return None
        where = "in the next paragraph" if next_paragraph else "in the same paragraph"
        return Attribution(attribution.speaker, (), f"continues the quotation of line {line} {where}, whose "
                                                     f"attribution is {attribution.how}", attribution.by_pronoun)

    def read_all(self) -> list[Attribution | None]:
        attributions: list[Attribution | None] = []
        last = None  # the position of the last quotation attributed
        for position, span in enumerate(self.spans):
            attribution = self.attribute(position)
            if attribution is None and last is not None and (before := attributions[last]) is not None:
                attribution = self.continued(position, last, before)
            attributions.append(attribution)
            last = position if attribution is not None else last
            if attribution is not None:
                for offset in (span.start, span.end - 1, *(end - 1 for _, end in attribution.spans)):
                    self.said_in[self.reading.sentence_at(offset)] = (attribution.speaker, attribution.how)
        # A quotation that runs over paragraphs may be attributed only at its end.
        for position in range(len(self.spans) - 2, -1, -1):
            following = attributions[position + 1]
            if attributions[position] is None and following is not None:
                chained = self.continued(position + 1, position, following)
                if chained is not None and not self.spans[position].closed:
                    line = self.reading.article.position(self.spans[position + 1].start)[0]
                    attributions[position] = Attribution(
                        following.speaker, (), f"goes on in the next paragraph (line {line}), where its attribution "
                                               f"is {following.how}", following.by_pronoun)
        return attributions


def attributed(reading: Reading, names: Mapping[str, str]) -> list[tuple[Quoted, Attribution | None]]:
    """Every quotation of an article with its attribution (None: no verb of saying gives it to anyone, and it
    continues no attributed quotation), in the order of the text; `names` are the rules' entities' names by id,
    for the words that say how a pronoun was read."""
    def read_all() -> tuple[tuple[Quoted, Attribution | None], ...]:
        spans = _quotations(reading.text, _paragraphs(reading))
        return tuple(zip(spans, _Reader(reading, spans, names).read_all(), strict=True))

    # Once per article for every quote claim of the rules, which share `names`.
    return list(reading.once(("quotations", tuple(sorted(names.items()))), read_all))


def without_nested(quoted: str) -> str:
    """A quotation's words without the words it quotes in single quotes, which are someone else's."""
    return _NESTED.sub(" ", quoted)


def echo_word(text: str, start: int, end: int, quotations: list[Quoted]) -> str:
    """The first word of text[start:end], outside its quotations, that says the words are echoed or read out
    ("echoed", "quoting", "read out", "statement"); "" when there is none."""
    inside = [(s.start, s.end) for s in quotations if s.start < end and s.end > start]
    for match in _language().echo.finditer(text, start, end):
        if not any(a <= match.start() < b for a, b in inside):
            return match.group()
    return ""


def function_words() -> frozenset[str]:
    """The short words two remarks on one subject share whatever they say (language/quotes.toml)."""
    return _language().function_words
