"""Names: finding the people and places a rule file defines, by their accepted spellings, their aliases, and
near misses that are no accepted spelling ("Castelano" for "Castellano").

Near misses are found with the `regex` module's fuzzy matching, with an error budget that grows with the length of
the name: short names must be exact, so that "Lee" never matches "Leo".
"""

from __future__ import annotations

import bisect
import functools
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal

import regex
from rapidfuzz.distance import OSA

from factcheck import language, patterns
from factcheck.readers import wordstarts

MentionHow = Literal["name", "alias", "near miss"]

# A word as an alias's first word is compared: ASCII letters and digits, whole (not inside a longer word).
_ASCII_WORD = patterns.compile(r"(?<![\w])[A-Za-z0-9]+(?![\w])")
_FIRST_WORD = patterns.compile(r"[A-Za-z0-9]+(?![\w])")
# A capitalised word, with letters, combining marks, inner apostrophes and hyphens; a possessive is not part of it.
_WORD = patterns.compile(r"(?<![\w@#/.])\p{Lu}[\p{L}\p{M}]*(?:[-'’][\p{L}\p{M}]+)*")
POSSESSIVE_ENDINGS = ("'s", "’s")  # a possessive is no part of a name
_APOSTROPHE = patterns.compile(r"\\?['’]")  # in an escaped alias: either apostrophe matches


@dataclass(frozen=True, slots=True)
class Entity:
    """A person or place of a story, as a rule file defines it."""

    id: str
    kind: str
    name: str
    variants: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    distinct: tuple[str, ...] = ()
    misspellings: tuple[str, ...] = ()  # known to the editor: flagged however far from the name

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.variants)


@dataclass(frozen=True, slots=True)
class Mention:
    entity: str
    start: int
    end: int
    text: str
    how: MentionHow
    form: str  # the accepted spelling or alias it matched, or the one it nearly matched


def error_budget(form: str, kind: str = "person") -> int:
    """How many edits a near miss of `form` may have (two letters swapped count as one): for a person none for short
    names, two for long ones; for a place or an organisation one, and only in a name of six letters or more, since
    short ones are as often other words ("Hungry" is no slip of "Hungary" here: see `_not_a_slip`)."""
    letters = sum(ch.isalpha() for ch in form)
    if kind != "person":
        return 1 if letters >= 6 else 0
    return 2 if letters >= 8 else 1 if letters >= 5 else 0


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


@functools.cache  # unbounded: one entry per entity with aliases in the rules, compiled when first needed
def _alias_pattern(aliases: tuple[str, ...]) -> tuple[patterns.Pattern, tuple[str, ...] | None]:
    forms = [_APOSTROPHE.sub("['’]", form) for form in language.alternatives(aliases)]
    return patterns.compile(rf"(?<![\w-])(?:{'|'.join(forms)})(?![\w-])", regex.I), wordstarts.beginnings(forms)


@dataclass(frozen=True, slots=True)
class _Spelling:
    entity: str
    form: str
    folded: str
    budget: int  # edits a near miss may have; 0 for short names
    person: bool


# Runs of capitalised words recur from article to article ("The", "Monday", a capital's name): what each run holds
# is remembered, up to this many runs, after which the memory starts again.
_RUNS_KEPT = 100_000

# A name found in a run of capitalised words: its offsets in the run, the entity, how, and the form it matched.
_RunMatch = tuple[int, int, str, MentionHow, str]


@dataclass(frozen=True, slots=True)
class NameIndex:
    """The spellings of a set of entities, arranged for one pass over the capitalised words of a text. Built once
    per rule set (`NameIndex.of`), since hashing hundreds of entities for every article costs more than reading it."""

    exact: dict[str, tuple[_Spelling, ...]]
    sizes: tuple[int, ...]  # how many words the spellings have
    # Near-miss candidates, found by dictionary rather than by trying every spelling: by (words, first letter), and
    # by (words, all but the first letter) for a slip at the start of a long name.
    by_initial: dict[tuple[int, str], tuple[_Spelling, ...]]
    by_tail: dict[tuple[int, str], tuple[_Spelling, ...]]
    accepted: frozenset[str]
    # The misspellings the rules list, by folded form: near misses wherever they stand.
    known: dict[str, tuple[_Spelling, ...]]
    # Entities that are no person: a near miss of theirs at the start of a sentence is as often a capitalised word.
    not_people: frozenset[str]
    # Each entity's aliases, and their first words: a text without any of them cannot mention the entity by alias,
    # so its pattern is neither compiled nor tried (None: an alias that starts otherwise, always tried). With
    # hundreds of stories' rules, most entities never need theirs.
    aliases: tuple[tuple[str, tuple[str, ...], frozenset[str] | None], ...]
    words: dict[str, frozenset[str]]  # each entity's words of its spellings, folded
    remembered: dict[str, tuple[_RunMatch, ...]] = field(default_factory=dict, compare=False, repr=False)

    @staticmethod
    def of(entities: Iterable[Entity]) -> NameIndex:
        return _index(tuple(entities))

    def in_run(self, run: str) -> tuple[_RunMatch, ...]:
        """The spellings and near misses in a run of capitalised words separated by single spaces, every stretch
        of words tried against the spellings of as many words."""
        found = self.remembered.get(run)
        if found is None:
            if len(self.remembered) >= _RUNS_KEPT:
                self.remembered.clear()
            found = self.remembered[run] = tuple(self._matches(run))
        return found

    def _matches(self, run: str) -> Iterator[_RunMatch]:
        words: list[tuple[int, int]] = []
        offset = 0
        for word in run.split(" "):
            words.append((offset, offset + len(word)))
            offset += len(word) + 1
        for size in self.sizes:
            for position in range(len(words) - size + 1):
                first_start, last_end = words[position][0], words[position + size - 1][1]
                candidate = run[first_start:last_end]
                folded = candidate.casefold()
                for spelling in self.exact.get(folded, ()):
                    yield first_start, last_end, spelling.entity, "name", spelling.form
                for spelling in self.known.get(folded, ()):
                    yield first_start, last_end, spelling.entity, "near miss", spelling.form
                if folded in self.accepted:
                    continue
                near = (*self.by_initial.get((size, folded[0]), ()), *self.by_tail.get((size, folded[1:]), ()))
                for spelling in near:
                    if _near_miss(candidate, folded, spelling):
                        yield first_start, last_end, spelling.entity, "near miss", spelling.form


@functools.lru_cache(maxsize=64)
def _index(entities: tuple[Entity, ...]) -> NameIndex:
    exact: dict[str, list[_Spelling]] = {}
    by_initial: dict[tuple[int, str], list[_Spelling]] = {}
    by_tail: dict[tuple[int, str], list[_Spelling]] = {}
    for entity in entities:
        for form in entity.spellings:
            budget = error_budget(form, entity.kind)
            spelling = _Spelling(entity.id, form, _fold(form), budget, entity.kind == "person")
            size = len(form.split())
            exact.setdefault(spelling.folded, []).append(spelling)
            if budget:
                by_initial.setdefault((size, spelling.folded[0]), []).append(spelling)
                if len(spelling.folded) >= 6:
                    by_tail.setdefault((size, spelling.folded[1:]), []).append(spelling)
    accepted = frozenset(_fold(f) for e in entities for f in (*e.spellings, *e.distinct))
    known: dict[str, list[_Spelling]] = {}
    for entity in entities:
        for form in entity.misspellings:
            known.setdefault(_fold(form), []).append(_Spelling(entity.id, entity.name, _fold(entity.name), 0,
                                                               entity.kind == "person"))
    sizes = tuple(sorted({len(f.split()) for e in entities for f in (*e.spellings, *e.misspellings)}))
    aliases = tuple((entity.id, entity.aliases, _first_words(entity.aliases)) for entity in entities if entity.aliases)
    return NameIndex({k: tuple(v) for k, v in exact.items()}, sizes,
                     {k: tuple(v) for k, v in by_initial.items()}, {k: tuple(v) for k, v in by_tail.items()},
                     accepted, {k: tuple(v) for k, v in known.items()},
                     frozenset(e.id for e in entities if e.kind != "person"), aliases,
                     {e.id: frozenset(w for f in e.spellings for w in _fold(f).split()) for e in entities})


def _first_words(aliases: tuple[str, ...]) -> frozenset[str] | None:
    """The folded first words of the aliases, or None when one does not start with a plain ASCII word (where
    case-insensitive matching and folding could disagree)."""
    words = set()
    for alias in aliases:
        match = _FIRST_WORD.match(alias)
        if match is None:
            return None
        words.add(match.group().lower())
    return frozenset(words)


@functools.cache
def _connected() -> patterns.Pattern:
    """The gap between two capitalised words of one name: a space, or a connector or two between spaces."""
    connectors = language.alternation(language.load("names")["connectors"])
    return patterns.compile(rf" (?:(?:{connectors}) ){{0,2}}")


def _word_runs(text: str, start: int, end: int) -> list[list[tuple[int, int]]]:
    """Runs of capitalised words separated by single spaces, and by the lower-case words names hold ("bin", "es",
    "and"): the places where a name can stand."""
    runs: list[list[tuple[int, int]]] = []
    connected = _connected()
    for match in _WORD.finditer(text, start, end):
        word_end = match.end() - (2 if match.group().endswith(POSSESSIVE_ENDINGS) else 0)
        gap = text[runs[-1][-1][1]:match.start()] if runs and runs[-1] else ""
        if gap and connected.fullmatch(gap):
            gap_start = runs[-1][-1][1]
            runs[-1] += [(gap_start + m.start(), gap_start + m.end()) for m in _NON_SPACE.finditer(gap)]
            runs[-1].append((match.start(), word_end))
        else:
            runs.append([(match.start(), word_end)])
        if word_end != match.end():
            runs.append([])  # a possessive ends the name
    return runs


def find_mentions(text: str, entities: Iterable[Entity] | NameIndex, start: int = 0, end: int | None = None,
                  words: wordstarts.Words | None = None) -> list[Mention]:
    """Every mention of the entities in text[start:end]: exact spellings and aliases (case-insensitive), and near
    misses of the spellings of people (a near miss of a place is mostly its adjective: "Valdoran" for "Valdora").
    Where mentions of one entity overlap, the longer one is kept, an exact one first. `entities` is best given as
    a `NameIndex`; `words` is `wordstarts.Words.of(text)`, if it is at hand."""
    end = len(text) if end is None else end
    index = entities if isinstance(entities, NameIndex) else NameIndex.of(entities)
    found: dict[str, list[Mention]] = {}
    words = wordstarts.Words.of(text) if words is None else words
    text_words = {word.lower() for word in _ASCII_WORD.findall(text, start, end)}
    for entity_id, aliases, first in index.aliases:
        if first is not None and first.isdisjoint(text_words):
            continue
        pattern, beginnings = _alias_pattern(aliases)
        found.setdefault(entity_id, []).extend(
            Mention(entity_id, m.start(), m.end(), m.group(), "alias", m.group())
            for m in wordstarts.finditer(pattern, beginnings, text, words, start, end))
    for run in _word_runs(text, start, end):
        if not run:
            continue
        run_start = run[0][0]
        run_text = text[run_start:run[-1][1]]
        for match_start, match_end, entity_id, how, form in index.in_run(run_text):
            if (how == "near miss" and entity_id in index.not_people
                    and _opens_a_sentence(text, run_start + match_start)
                    and _fold(run_text[match_start:match_end]) not in index.known):
                continue  # "Hungry residents queued": a capitalised word, no slip of a place's name
            if how == "near miss" and _plain(run_text[match_start:match_end]) == _plain(form):
                how = "name"  # "Inés Fernández" for Ines Fernandez: accents are a house style, no slip
            if how == "near miss" and _fold(run_text[match_start:match_end]) in _never_slips():
                continue  # "in March": a word of the calendar, no slip of "Marsh"
            if how == "near miss" and entity_id not in index.not_people and _named_in_full_as_another(
                    text, run_text[match_start:match_end], index.words[entity_id]):
                continue  # "Tom Becker said ... Becker said": the article's own Becker, no slip of Decker
            if how == "near miss" and _in_another_name(run_text, match_start, match_end, index.words[entity_id]):
                continue  # "Brant Ellison Moore": a word of someone else's name, no slip of "Brandt"
            if how == "near miss" and entity_id not in index.not_people and _another_persons_name(
                    run_text[match_start:match_end], form):
                continue  # "Daria Fenwick" beside Dario Fenwick, "Renata Salas" beside Renata Solis: no slip
            if entity_id not in index.not_people and _after_another_persons_name(
                    text, run_start, run_text, match_start, match_end, index.words[entity_id]):
                continue  # "her brother Piet Lorne": another person of the surname, not Anna Lorne
            found.setdefault(entity_id, []).append(Mention(entity_id, run_start + match_start, run_start + match_end,
                                                           run_text[match_start:match_end], how, form))
    mentions = [m for entity_mentions in found.values() for m in _without_overlaps(entity_mentions)]
    # A near miss where another entity is named exactly is that entity ("Mirela Toth" beside Mirena Toth).
    exact = [(m.start, m.end, m.entity) for m in mentions if m.how != "near miss"]
    mentions = [m for m in mentions if m.how != "near miss"
                or not any(a < m.end and m.start < b and entity != m.entity for a, b, entity in exact)]
    return sorted(mentions, key=lambda m: (m.start, m.end, m.entity))


def _in_another_name(run: str, start: int, end: int, words: frozenset[str]) -> bool:
    """Whether a near miss of one word goes on with more capitalised words, none of them a word of the entity's
    names: it opens another name, whose word only looks like the entity's ("Brant Ellison Moore" for "Brandt").
    Words before it are mostly a title ("Prime Minister Castelano"); a near miss of several words ("Teodor
    Valish") is the entity's whatever follows."""
    if " " in run[start:end]:
        return False
    others = [w for w in run[end:].split() if w[:1].isupper()]
    return bool(others) and not any(_fold(w) in words for w in others)


_VOWELS = frozenset("aeiouy")


@functools.lru_cache(maxsize=1 << 14)
def _plain(word: str) -> str:
    """A word folded and without its accents, as a slip is measured: "Ines" is one edit from nothing in "Inês"."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", word.casefold()) if not unicodedata.combining(ch))


def _another_persons_name(written: str, form: str) -> bool:
    """Whether a near miss of a person's full name is another person's name: one of its words is further from the
    person's than that word's own error budget allows ("Renata Salas" for Renata Solis, "Amado Dioso" for Amara
    Dioso), or it keeps the surname and changes the given name by two letters or more, or by its last vowel only
    ("Daria" for Dario, "Maria" for Mario, "Dragana" for Dragan), as a relative's name does."""
    words, forms = written.split(), form.split()
    if len(words) < 2 or len(words) != len(forms):
        return False
    if any(OSA.distance(_plain(a), _plain(b)) > error_budget(b) for a, b in zip(words, forms, strict=True)):
        return True  # one word beyond its own budget ("Renata Salas" for Renata Solis): another name
    if _plain(words[-1]) != _plain(forms[-1]):
        return False
    given, theirs = _plain(words[0]), _plain(forms[0])
    if given == theirs:
        return False
    if OSA.distance(given, theirs) >= 2:
        return True
    if len(given) == len(theirs):
        return given[:-1] == theirs[:-1] and {given[-1], theirs[-1]} <= _VOWELS
    shorter, longer = sorted((given, theirs), key=len)  # "Dragana" beside Dragan, "Daniela" beside Daniel
    return len(longer) == len(shorter) + 1 and longer.startswith(shorter) and longer[-1] in _VOWELS


@functools.cache
def _before_a_surname() -> frozenset[str]:
    """Capitalised words that may stand right before a person's surname without being another given name: offices,
    ranks, fields and honorifics ("President Lorne", "Sen. Lorne", "Foreign Minister Lorne")."""
    data = language.load("titles")
    words = data["words"]
    offices = {form.split()[-1] for forms in data["offices"].values() for form in forms}
    return frozenset(word.casefold() for word in (*offices, *words["ranks"], *words["fields"], *words["honorifics"],
                                                   *language.load("names")["part_slips"]["before_a_surname"]))


def _after_another_persons_name(text: str, run_start: int, run: str, start: int, end: int,
                              words: frozenset[str]) -> bool:
    """Whether one word of a person's name of several words ("Lorne" of Anna Lorne) follows, in its run of
    capitalised words, a word that is none of theirs and no office, honorific or initial: another person's given
    name ("her brother Piet Lorne"). A word that opens the sentence and the article also writes in lower case
    ("In Lorne's view") is no name."""
    if " " in run[start:end] or len(words) < 2 or not run[:start].strip():
        return False
    before = run[:start].split()
    plain_words = {_plain(word) for word in words}
    if any(_plain(word) in plain_words for word in before):
        return False  # "Anna Maria Lorne", "Inés Fernandez": the person's own given name stands before
    previous = before[-1].rstrip(".")
    if len(previous) == 1 or previous.casefold() in _before_a_surname():
        return False
    previous_start = run_start + start - len(before[-1]) - 1
    common_opener = _opens_a_sentence(text, previous_start) and (
        previous.casefold() in _sentence_openers() or _written_in_lower_case(previous, text))
    return not common_opener


def _named_in_full_as_another(text: str, written: str, words: frozenset[str]) -> bool:
    """Whether the article writes a one-word near miss after another given name somewhere ("Tom Becker"): then it
    is that person's surname wherever it stands alone, not a slip of the person's."""
    if " " in written:
        return False
    theirs = {_plain(word) for word in words}
    for found in regex.finditer(rf"(?<![\w.])(\p{{Lu}}[\p{{L}}-]+) {regex.escape(written)}(?![\w])", text):
        given = found.group(1)
        if _plain(given) not in theirs and given.casefold() not in _before_a_surname() and \
                not (_opens_a_sentence(text, found.start()) and given.casefold() in _sentence_openers()):
            return True
    return False


def _written_in_lower_case(word: str, text: str) -> bool:
    """Whether the text also writes the word all in lower case: a common word, not a name."""
    return regex.search(rf"(?<!\w){regex.escape(word.lower())}(?!\w)", text) is not None


@functools.cache
def _never_slips() -> frozenset[str]:
    return frozenset([*language.load("names")["part_slips"]["never_slips"], *language.calendar_names()])


@functools.cache
def _sentence_openers() -> frozenset[str]:
    return frozenset(language.load("names")["part_slips"]["sentence_openers"])


def name_part_slips(text: str, start: int, end: int, entity: Entity, taken: list[tuple[int, int]],
                    known: frozenset[str]) -> list[Mention]:
    """A given name or a surname of a person written alone with a slip ("his son Tarik" for Tariq Hassan), in
    text[start:end], where the caller has found the person named near: a near miss of one word of the person's
    spellings that is no word of any name the rules know (`known`, folded) and stands in no mention (`taken`)."""
    parts = {word for form in entity.spellings for word in form.split() if not word.endswith(".")}
    spellings = [_Spelling(entity.id, part, _fold(part), error_budget(part), True) for part in sorted(parts)]
    spellings = [s for s in spellings if s.budget]
    found = []
    for match in _WORD.finditer(text, start, end):
        word = match.group()
        word_end = match.end() - (2 if word.endswith(POSSESSIVE_ENDINGS) else 0)
        folded = _fold(text[match.start():word_end])
        if folded in known or folded in _never_slips() or any(a < word_end and match.start() < b for a, b in taken):
            continue
        if text[word_end:word_end + 1] == " " and _WORD.match(text, word_end + 1):
            continue  # "Tarik Aziz": the first word of another name
        near = next((s for s in spellings if _near_miss(folded, folded, s) and not _not_a_slip(folded, s.folded)),
                    None)  # "Victory", "Gracie": a word or a pet name of its own, not a slip of Victor or Grace
        if near is not None and _stands_as_a_name(text, match.start(), word_end) and not _named_in_full_as_another(
                text, text[match.start():word_end], frozenset(_fold(w) for w in parts)):
            found.append(Mention(entity.id, match.start(), word_end, text[match.start():word_end], "near miss",
                                 near.form))
    return found


@functools.cache
def _part_slip_cues() -> tuple[patterns.Pattern, patterns.Pattern, frozenset[str]]:
    data = language.load("names")
    return (patterns.compile(data["part_slips"]["place_before"], regex.I),
            patterns.compile(data["part_slips"]["saying_after"], regex.I),
            frozenset(language.load("titles")["words"]["honorifics"]))


def _stands_as_a_name(text: str, start: int, end: int) -> bool:
    """Whether a capitalised word written alone stands where a person's name could (language/names.toml
    [part_slips]): not a word the article also writes in lower case, not first in its sentence unless a verb of
    saying follows, not after another capitalised word that is no honorific, not as a place."""
    place_before, saying_after, honorifics = _part_slip_cues()
    word = text[start:end]
    if _written_in_lower_case(word, text):
        return False
    if _opens_a_sentence(text, start):
        return saying_after.match(text[end:end + 40]) is not None  # a slice: `\A` holds only at its start
    before = regex.search(r"(\p{Lu}[\p{L}\p{M}.]*) \Z", text[max(0, start - 40):start])
    if before is not None and before.group(1).rstrip(".").lower() not in honorifics:
        return False
    return place_before.search(text[max(0, start - 40):start]) is None


def _near_miss(candidate: str, folded: str, spelling: _Spelling) -> bool:
    """Within the spelling's error budget; a different first letter only for one slip in a long name ("Walisch" for
    "Valisch"), since names that differ at the start are mostly other names."""
    if abs(len(folded) - len(spelling.folded)) > spelling.budget:
        return False
    if not spelling.person and _not_a_slip(folded, spelling.folded):
        return False
    if folded[0] == spelling.folded[0]:
        return OSA.distance(folded, spelling.folded, score_cutoff=spelling.budget) <= spelling.budget
    return len(spelling.folded) >= 6 and folded[1:] == spelling.folded[1:]


def _not_a_slip(folded: str, name: str) -> bool:
    """A place's or an organisation's name with an ending of its own is its adjective or its plural ("Valdoran",
    "Hungarians"), not a slip."""
    return len(folded) > len(name) and folded.startswith(name[:-1])


def _opens_a_sentence(text: str, start: int) -> bool:
    """Whether a word stands first in its sentence (after quotes or brackets), where every word is capitalised."""
    before = text[max(0, start - 4):start].rstrip(" \t\n\"'“‘(")
    return not before or before[-1] in ".!?:"


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    """The longest mentions, exact before alias before near miss, none overlapping another (kept sorted by start,
    so each check is a bisection, not a scan)."""
    rank = {"name": 0, "alias": 1, "near miss": 2}
    starts: list[int] = []
    kept: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: (-(m.end - m.start), rank[m.how], m.start)):
        at = bisect.bisect_left(starts, mention.start)
        if (at < len(kept) and kept[at].start < mention.end) or (at > 0 and kept[at - 1].end > mention.start):
            continue
        starts.insert(at, mention.start)
        kept.insert(at, mention)
    return kept


@functools.cache
def _address() -> tuple[frozenset[str], frozenset[str]]:
    data = language.load("names")["address"]
    return frozenset(data["women"]), frozenset(data["men"])


# The word right before a mention, an honorific with or without its stop ("Mrs. Okafor", "Mr Brandt"); compiled once,
# since it is asked of every mention.
_WORD_BEFORE = patterns.compile(r"(\p{L}+)\.?\s+\Z")
_NON_SPACE = patterns.compile(r"\S+")


def addressed_as(text: str, people: Iterable[Mention]) -> dict[str, str]:
    """Whether the article addresses each person as a man or a woman ("Mr. Brandt", "Mrs. Okafor"), where it does so
    one way only: "man" or "woman" by entity id."""
    women, men = _address()
    seen: dict[str, set[str]] = {}
    for mention in people:
        before = _WORD_BEFORE.search(text[max(0, mention.start - 12):mention.start])
        word = before.group(1).casefold() if before else ""
        if word in women or word in men:
            seen.setdefault(mention.entity, set()).add("woman" if word in women else "man")
    return {entity: next(iter(found)) for entity, found in seen.items() if len(found) == 1}


@functools.cache
def pronouns_of() -> dict[str, frozenset[str]]:
    """The pronouns of a man and of a woman."""
    data = language.load("names")["address"]
    return {"woman": frozenset(data["women_pronouns"]), "man": frozenset(data["men_pronouns"])}
