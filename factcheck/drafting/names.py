"""The people, places and organisations of a corpus, found without rules: capitalised names, the kind each is, and
their spellings grouped into one entity (a surname with its full name, "Ostrowská" with "Ostrowska", a form two
outlets share) or told apart as a slip (a form one article writes beside a majority form).

A capitalised word the corpus also writes in small letters is a word ("Police said", "the police"), so names are
what stays capitalised; a name is kept as an entity only where some sentence says what it is: a person by a form of
address, a verb of saying or an age; a place by "in", "near", "the town of"; an organisation by the word that ends
it ("Authority", "Library") or by being an acronym. The vocabularies are in language/drafting.toml.
"""

from __future__ import annotations

import dataclasses
import functools
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

import regex
from rapidfuzz.distance import OSA

from factcheck import language, patterns
from factcheck.inputs.article import Article
from factcheck.readers.names import error_budget
from factcheck.readers.text import Sentence
from factcheck.readers.titles import place_stem

EntityKind = str  # "person", "place", "organisation"

# A capitalised word, an acronym with stops ("U.N."), or an initial ("Ivo L. Brandt").
_WORD = patterns.compile(r"(?<![\w@#/&])(?:\p{Lu}\.){2,}(?!\w)|(?<![\w@#/&.])\p{Lu}\.(?=\s+\p{Lu})"
                         r"|(?<![\w@#/&.])\p{Lu}[\p{L}\p{M}]*(?:[-'’][\p{L}\p{M}]+)*")
_SMALL_WORD = patterns.compile(r"(?<![\w'’-])\p{Ll}[\p{L}\p{M}]*(?:[-'’][\p{L}\p{M}]+)*")
_POSSESSIVE = ("'s", "’s")
_DATELINE_TOWN = patterns.compile(r"\s*\p{Lu}[\p{Lu}\p{M}.'’ -]*,\s*")
_DATELINE_AFTER = patterns.compile(r",\s+\p{Lu}\p{Ll}")
_LINKING_WORDS = frozenset(["of", "and", "the", "for", "on", "de", "del", "des", "du", "la", "le", "el", "al"])
_JOINED = patterns.compile(r",\s*|\s+and\s+|,\s+and\s+")


@dataclass(frozen=True, slots=True)
class Sighting:
    """One name as an article writes it, with what the words around it say of its kind."""

    form: str
    article: str
    sentence: int
    start: int
    end: int
    hints: tuple[EntityKind, ...] = ()
    # The name right before it in its sentence and what stands between them, where that is a comma ("Port Elm,
    # Valdora": a town and its country) or "and" ("Valdora and Norvik": two places told as one).
    previous: str = ""
    joined: str = ""
    previous_start: int = 0  # where `previous` begins, for a citation of both names


@dataclass(frozen=True, slots=True)
class DraftEntity:
    """An entity proposed for the rules: its name, the other spellings that belong to it, the slips seen beside it
    (left out of the variants so that the spelling claim flags them), and the sightings it stands on."""

    id: str
    kind: EntityKind
    name: str
    variants: tuple[str, ...]
    slips: tuple[str, ...]
    articles: tuple[str, ...]  # where it is named, by any of its forms
    sightings: tuple[Sighting, ...] = field(repr=False)
    forms: tuple[tuple[str, int], ...] = ()  # every form and in how many articles, most first
    aliases: tuple[str, ...] = ()  # a place's towns ("Port Elm" of Valdora), two places' joint names
    joint: bool = False  # two places named together ("Valdora and Norvik"), a place of its own


@functools.cache
def _data() -> dict[str, object]:
    return language.load("drafting")


@functools.cache
def _never() -> frozenset[str]:
    names = language.load("names")
    return frozenset([*_data()["names"]["never"], *language.calendar_names(),  # type: ignore[index]
                      *names["part_slips"]["sentence_openers"], *names["part_slips"]["before_a_surname"],
                      *names["address"]["women"], *names["address"]["men"],
                      *names["part_slips"]["never_slips"],
                      *_offices()])


@functools.cache
def _offices() -> frozenset[str]:
    titles = language.load("titles")
    return frozenset(w for forms in titles["offices"].values() for form in forms for w in form.split())


@functools.cache
def _particles() -> frozenset[str]:
    return frozenset(_data()["names"]["particles"])  # type: ignore[index]


@functools.cache
def _organisation_words() -> frozenset[str]:
    return frozenset(_data()["kinds"]["organisation_words"])  # type: ignore[index]


@functools.cache
def _place_words(where: str) -> frozenset[str]:
    return frozenset(_data()["kinds"][f"place_{where}"])  # type: ignore[index]


@functools.cache
def _cue(name: str) -> patterns.Pattern:
    return patterns.compile(_data()["kinds"][name], regex.I)  # type: ignore[index]


def fold(text: str) -> str:
    """A form as spellings are compared: accents off, case folded, apostrophes and spaces made one."""
    bare = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return " ".join(bare.replace("’", "'").split()).casefold()


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """How often the corpus writes each word in small letters and capitalised inside a sentence: what tells a name
    from a word."""

    small: Counter[str]
    capitalised: Counter[str]

    @classmethod
    def of(cls, articles: Iterable[tuple[Article, Sequence[Sentence]]]) -> Vocabulary:
        small: Counter[str] = Counter()
        capitalised: Counter[str] = Counter()
        for article, sentences in articles:
            text = article.text
            for sentence in sentences:
                small.update(m[0].casefold() for m in _SMALL_WORD.finditer(text, sentence.start, sentence.end))
                capitalised.update(m[0].casefold() for m in _WORD.finditer(text, sentence.start, sentence.end)
                                   if m.start() > sentence.start)
        return cls(small, capitalised)

    def is_word(self, token: str) -> bool:
        folded = token.casefold().rstrip(".")
        if folded in _never():
            return True
        small = self.small[folded]
        ratio: int = _data()["names"]["common_ratio"]  # type: ignore[index]
        return small > 0 and self.capitalised[folded] < ratio * small


def sightings(article: Article, sentences: Sequence[Sentence], words: Vocabulary) -> list[Sighting]:
    """The names of an article: runs of capitalised words (with particles between them), without the words a
    name does not begin or end with, each with the hints of its kind that the words around it give."""
    text = article.text
    found: list[Sighting] = []
    for number, sentence in enumerate(sentences):
        last: tuple[int, int] | None = None  # the span of the name before
        for run in _runs(text, sentence.start, sentence.end):
            for start, end in _names_in(text, run, words):
                form = text[start:end]
                gap = _JOINED.fullmatch(text, last[1], start) if last is not None else None
                joined = ("and" if "and" in gap[0] else ",") if gap else ""
                found.append(Sighting(form, article.id, number, start, end,
                                      _hints(text, sentence.start, sentence.end, start, end, form),
                                      text[last[0]:last[1]] if gap and last else "", joined,
                                      last[0] if gap and last else 0))
                last = (start, end)
    return found


def _runs(text: str, start: int, end: int) -> list[list[tuple[int, int]]]:
    """Runs of capitalised words joined by single spaces or particles, as lists of word spans."""
    runs: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for match in _WORD.finditer(text, start, end):
        if current:
            gap = text[current[-1][1]:match.start()]
            between = gap.split()
            joined = gap.isspace() and "\n\n" not in gap or (
                gap.startswith(" ") and gap.endswith(" ") and len(between) == 1 and between[0] in _particles())
            if not joined or text[current[-1][1] - 1] == ",":
                runs.append(current)
                current = []
        current.append((match.start(), match.end()))
    if current:
        runs.append(current)
    return runs


def _names_in(text: str, run: list[tuple[int, int]], words: Vocabulary) -> list[tuple[int, int]]:
    """The names inside a run: split where a word is a common word or an office ("Valdoran President Ivo Brandt"
    holds "Ivo Brandt"), a possessive ending the name it closes."""
    names: list[tuple[int, int]] = []
    current: list[tuple[int, int]] = []
    for position, (start, end) in enumerate(run):
        token = text[start:end]
        possessive = token.endswith(_POSSESSIVE)
        bare = token[:-2] if possessive else token
        folded = bare.casefold()
        # A common word stays in a name where it ends an organisation's ("Harbour Authority") or begins a place's
        # ("Port Elm", "Lake Oster").
        kept = (current and folded in _organisation_words()) or (
            not current and not possessive and folded in _place_words("first") and position + 1 < len(run)
            and not words.is_word(text[run[position + 1][0]:run[position + 1][1]]))
        if words.is_word(bare) and not kept:
            # The words before an office are whose office it is ("Valdoran Interior Minister"), not a name.
            if current and folded not in _offices():
                names.append((current[0][0], current[-1][1]))
            current = []
            continue
        current.append((start, end - 2 if possessive else end))
        if possessive:
            names.append((current[0][0], current[-1][1]))
            current = []
    if current:
        names.append((current[0][0], current[-1][1]))
    return [(s, e) for s, e in names if any(ch.isalpha() for ch in text[s:e]) and len(text[s:e].rstrip(".")) > 1]


def _hints(text: str, sentence_start: int, sentence_end: int, start: int, end: int, form: str) -> tuple[str, ...]:
    hints = []
    before = text[max(sentence_start, start - 60):start]
    after = text[end:min(sentence_end, end + 40)]
    last = form.split()[-1].casefold().rstrip(".")
    letters = form.replace(".", "")
    # An acronym names an organisation; a word of capitals longer than acronyms are is a dateline ("PORT ELM --").
    if last in _organisation_words() or (letters.isupper() and 2 <= len(letters) <= 5):
        hints.append("organisation")
    if _cue("person_before").search(before) or _cue("person_after").match(after):
        hints.append("person")
    if _cue("thing_before").search(before):
        hints.append("thing")
    # A dateline: "PORT ELM, Valdora (AP) --" names a town and its country.
    head = text[sentence_start:start]
    if len(head) < 40 and _DATELINE_TOWN.fullmatch(head) or form.isupper() and _DATELINE_AFTER.match(after):
        hints.append("place")
    words = form.casefold().replace(".", "").split()
    if (_cue("place_before").search(before) and not after.startswith(_POSSESSIVE)  # "at Olsen's home"
            or len(words) > 1 and (words[0] in _place_words("first") or words[-1] in _place_words("last"))):
        hints.append("place")
    return tuple(hints)


def entities(found: Sequence[Sighting], min_sources: int, taken: AbstractSet[str] = frozenset()) -> list[DraftEntity]:
    """The sightings grouped into entities named in at least `min_sources` articles, most named first, with ids
    none of `taken` (those of other rule files beside the draft)."""
    by_form: dict[str, list[Sighting]] = defaultdict(list)
    for sighting in _without_peoples(found):
        by_form[fold(sighting.form)].append(sighting)
    groups = _grouped(by_form)
    drafted = [entity for members in groups if (entity := _entity(members, by_form, min_sources)) is not None]
    drafted.sort(key=lambda e: (-len(e.articles), e.name))
    return _with_ids(_with_places(_without_words(drafted), min_sources), taken)


def _without_peoples(found: Sequence[Sighting]) -> list[Sighting]:
    """The sightings without the country's adjective or the place that opens a name ("Valdoran Harbour Authority")
    or the people that closes one ("Marrow Valdorans"): the name is what is left, if anything is."""
    by_form: dict[str, list[Sighting]] = defaultdict(list)
    for sighting in found:
        by_form[fold(sighting.form)].append(sighting)
    places = [f for f, seen in by_form.items() if " " not in f and _kind(seen) == "place"]
    known = set(places)

    def a_name(rest: list[str]) -> bool:  # what is left is a name: two words or more, or one written alone too
        return len(rest) >= 2 or fold(" ".join(rest)) in by_form

    def a_person(rest: list[str]) -> bool:  # what is left is written alone too, as a person's name
        seen = by_form.get(fold(" ".join(rest)))
        return seen is not None and _kind(seen) == "person"

    kept = []
    for sighting in found:
        words = sighting.form.split()
        first, last = 0, len(words)
        # "Valdoran Harbour Authority", and "Valdora Ilse Marrow" of "the envoy to Valdora Ilse Marrow"; not "Valdoran
        # Isles", whose rest is no name of its own, nor "Norvik Ostrel League" (Norvik a place too).
        while last - first > 1 and (_is_demonym(words[first], places) and a_name(words[first + 1:last])
                                    or fold(words[first]) in known and a_person(words[first + 1:last])):
            first += 1
        while last - first > 1 and _is_people(words[last - 1]):
            last -= 1
        if (first, last) == (0, len(words)):
            kept.append(sighting)
            continue
        if _is_people(words[first]) or len(words[first:last]) == 1 and _is_demonym(words[first], places):
            continue
        offset = sighting.form.find(words[first], sum(len(w) for w in words[:first]))
        form = sighting.form[offset:offset + len(" ".join(words[first:last]))]
        kept.append(dataclasses.replace(sighting, form=form, start=sighting.start + offset,
                                        end=sighting.start + offset + len(form)))
    return kept


def _is_people(word: str) -> bool:
    """A people's name in the plural ("Valdorans", "Norvikese")."""
    return word.casefold().endswith(("ans", "ians", "eses")) and len(word) > 5


def _without_words(drafted: list[DraftEntity]) -> list[DraftEntity]:
    """Names that are no entity of their own: a surname two full names share ("Olsen" of Marta and of Ivo
    Olsen), a name made of organisation words ("Department"), a country's adjective or its people ("Valdoran",
    "Valdorans")."""
    persons = [e for e in drafted if e.kind == "person" and " " in e.name]
    places = [e.name for e in drafted if e.kind == "place"]
    kept = []
    for entity in drafted:
        words = entity.name.split()
        if len(words) == 1 and sum(words[0] in p.name.split() for p in persons) >= 2:
            continue
        if all(w.casefold() in _organisation_words() for w in words):
            continue
        if all(_is_demonym(w, places) for w in words):
            continue
        kept.append(entity)
    return kept


def _with_places(drafted: list[DraftEntity], min_sources: int) -> list[DraftEntity]:
    """Towns as aliases of their country ("Port Elm, Valdora" in `min_sources` articles, never the other way
    round), and two places the articles name together ("Valdora and Norvik", "Port Elm and Holden") as a place of
    their own, so that a figure of both is told apart from a figure of one."""
    # By name: ids are given once the entities are settled.
    by_name = {e.name: e for e in drafted}
    places = {fold(s.form): e.name for e in drafted if e.kind == "place" for s in e.sightings}
    # A list ("Valdora, Norvik and Ostria") is no town and its country: a name joined to the one before it and
    # to the one after it, or to one before that, is in a list.
    joined_after = {(s.article, s.sentence, fold(s.previous)) for e in drafted for s in e.sightings if s.joined}
    joined_before = {(s.article, s.sentence, fold(s.form)) for e in drafted for s in e.sightings if s.joined}
    within: dict[tuple[str, str], set[str]] = defaultdict(set)
    for entity in drafted:
        for s in entity.sightings:
            if s.joined != "," or entity.kind != "place" or (child := places.get(fold(s.previous))) is None:
                continue
            if (s.article, s.sentence, fold(s.form)) in joined_after or (
                    s.article, s.sentence, fold(s.previous)) in joined_before:
                continue
            within[(child, entity.name)].add(s.article)
    parent_of: dict[str, str] = {}
    for (child, parent), where in sorted(within.items(), key=lambda item: -len(item[1])):
        if child == parent or len(where) < min_sources or (parent, child) in within or child in parent_of:
            continue
        if parent in parent_of or any(p == child for p in parent_of.values()):
            continue
        if len(parent.replace(".", "")) <= 3:  # a state's abbreviation ("Port Elm, Va."): the town is the name
            continue
        parent_of[child] = parent
    merged: dict[str, DraftEntity] = {}
    for entity in drafted:
        key = entity.name
        if key in parent_of:
            continue
        children = [by_name[c] for c, p in parent_of.items() if p == key]
        if children:
            entity = dataclasses.replace(
                entity, aliases=tuple(dict.fromkeys(f for c in children for f in (c.name, *c.variants))),
                articles=tuple(sorted({*entity.articles, *(a for c in children for a in c.articles)})),
                sightings=entity.sightings + tuple(s for c in children for s in c.sightings))
        merged[key] = entity
    place_of = {form: parent_of.get(key, key) for form, key in places.items()}
    # The sightings of both names as one ("Valdora and Norvik"), by the pair of places and the form written.
    together: dict[tuple[str, str], dict[str, list[Sighting]]] = defaultdict(lambda: defaultdict(list))
    for entity in drafted:
        for s in entity.sightings:
            if s.joined != "and" or (first := place_of.get(fold(s.previous))) is None:
                continue
            second = place_of.get(fold(s.form))
            if second is not None and second != first:
                pair = (first, second) if first < second else (second, first)
                form = f"{s.previous} and {s.form}"
                together[pair][form].append(dataclasses.replace(s, form=form, start=s.previous_start))
    joint = []
    for (first, second), written in sorted(together.items()):
        articles = {s.article for seen in written.values() for s in seen}
        if len(articles) < min_sources or first not in merged or second not in merged:
            continue
        # Named as the articles write it most, the other order an alias.
        forms = sorted(((form, len(_articles(seen))) for form, seen in written.items()), key=lambda f: (-f[1], f[0]))
        name = forms[0][0]
        joint.append(DraftEntity("", "place", name, (), (), tuple(sorted(articles)),
                                 tuple(s for seen in written.values() for s in seen), tuple(forms),
                                 tuple(form for form, _ in forms[1:]), joint=True))
    return [*merged.values(), *joint]


def _is_demonym(word: str, places: Sequence[str]) -> bool:
    """A people's name or a country's adjective: "Valdorans", "Valdoran" beside Valdora."""
    if _is_people(word):
        return True
    return any(place_stem(word, place) >= 3 and word.casefold() != place.casefold() for place in places)


def _articles(sightings_: Iterable[Sighting]) -> set[str]:
    return {s.article for s in sightings_}


def _grouped(by_form: dict[str, list[Sighting]]) -> list[list[str]]:
    """Folded forms grouped into entities: a surname or a given name written alone joins the one full name it is
    part of, a near form joins the form it is a slip of or a variant of."""
    counts = {form: len(_articles(s)) for form, s in by_form.items()}
    parent: dict[str, str] = {form: form for form in by_form}

    def root(form: str) -> str:
        while parent[form] != form:
            parent[form] = parent[parent[form]]
            form = parent[form]
        return form

    def join(a: str, b: str) -> None:
        ra, rb = root(a), root(b)
        if ra != rb:
            keep, other = (ra, rb) if (counts[ra], len(ra)) >= (counts[rb], len(rb)) else (rb, ra)
            parent[other] = keep

    # Near forms: a slip of the same name or another spelling of it (same first letter, few edits).
    # Compared within forms of the same first letter and as many words (a slip keeps both).
    buckets: dict[tuple[str, bool], list[str]] = defaultdict(list)
    for form in sorted(by_form, key=lambda f: (-counts[f], f)):
        buckets[(form[:1], " " in form)].append(form)
    for ordered in buckets.values():
        for position, form in enumerate(ordered):
            budget = error_budget(form, "person" if " " in form else "place")
            if not budget:
                continue
            for other in ordered[position + 1:]:
                if abs(len(other) - len(form)) > 2 or OSA.distance(form, other, score_cutoff=budget) > budget:
                    continue
                if not (_is_demonym(form, [other]) or _is_demonym(other, [form])):
                    join(form, other)
    full = [form for form in by_form if " " in form]
    # A part of a full name ("Olsen", "Marta Olsen" of "Marta Liv Olsen") joins it when it is the part of one full
    # name, or of one far more often named than any other.
    parts: dict[str, list[str]] = defaultdict(list)
    for form in full:
        tokens = form.split()
        for size in range(1, len(tokens)):
            parts[" ".join(tokens[-size:])].append(form)
            parts[" ".join(tokens[:size])].append(form)
    # A middle initial or name more or less is the same person ("Marta L. Olsen", "Marta Olsen").
    ends: dict[tuple[str, str], list[str]] = defaultdict(list)
    for form in full:
        tokens = form.split()
        ends[(tokens[0], tokens[-1])].append(form)
    for same in ends.values():
        for form in same[1:]:
            join(same[0], form)
    # A country's adjective begins many names ("Valdoran Harbour Authority") and is no one's given name.
    place_forms = [f for f in by_form if " " not in f and _kind(by_form[f]) == "place"]
    for part, owners in parts.items():
        if part not in by_form or " " not in part and (_kind(by_form[part]) in ("organisation", "place")
                                                        or _is_demonym(part, place_forms)):
            continue
        # Only a person's name is written by a part of it: "Holden" is not "Holden Bay".
        owners = [f for f in owners if _kind(by_form[f]) == "person"]
        if not owners:
            continue
        owners = sorted({root(f) for f in owners}, key=lambda f: -counts[f])
        # A given name alone only where one full name begins with it; a surname also where one far outnumbers.
        given = all(f.split()[0] == part.split()[0] for f in owners) and not all(
            f.endswith(part) for f in owners)
        if len(owners) == 1 or not given and counts[owners[0]] >= 2 * counts[owners[1]]:
            join(owners[0], part)
    # An acronym and the name it stands for ("NORA" and "Norvik Ocean Rescue Agency"), where one name has its
    # initials.
    initials: dict[str, set[str]] = defaultdict(set)
    for form in full:
        words = [w for w in form.replace("-", " ").split() if w not in _LINKING_WORDS]
        if len(words) >= 2 and _kind(by_form[form]) != "person" and all(w.isalpha() for w in words):
            initials["".join(w[0] for w in words)].add(form)
    for form in by_form:
        letters = form.replace(".", "")
        if " " not in form and letters.isalpha() and 2 <= len(letters) <= 5 and len(initials.get(letters, ())) == 1:
            join(next(iter(initials[letters])), form)
    groups: dict[str, list[str]] = defaultdict(list)
    for form in by_form:
        groups[root(form)].append(form)
    return list(groups.values())


def _hinted(found: Iterable[Sighting], *kinds: str) -> bool:
    return any(hint in kinds for s in found for hint in s.hints)


def _entity(members: list[str], by_form: dict[str, list[Sighting]], min_sources: int) -> DraftEntity | None:
    found = [s for form in members for s in by_form[form]]
    articles = _articles(found)
    if len(articles) < min_sources:
        return None
    kind = _kind(found)
    if kind is None:
        return None
    # Each form as written most often, and in how many articles.
    written: dict[str, Counter[str]] = defaultdict(Counter)
    for s in found:
        written[fold(s.form)][s.form] += 1
    spelled = {folded: forms.most_common(1)[0][0] for folded, forms in written.items()}
    counts = {folded: len(_articles(by_form[folded])) for folded in members}
    # The name: the fullest form at least two articles write (else the most written), its accented form first.
    shared = [f for f in members if counts[f] >= min(2, max(counts.values())) or " " in f and kind == "person"]
    name_form = max(shared, key=lambda f: (min(len(f.split()), 2), counts[f], len(f.split()), f))
    name = spelled[name_form]
    forms = sorted(members, key=lambda f: (-counts[f], f))
    variants: list[str] = []
    slips: list[str] = []
    for folded in forms:
        for form in sorted(written[folded]):
            if form == name or form.isupper() and len(form) > 5:  # a dateline's capitals
                continue
            if _is_slip(folded, counts[folded], members, counts):
                slips.append(form)
            else:
                variants.append(form)
    return DraftEntity("", kind, name, tuple(dict.fromkeys(variants)), tuple(dict.fromkeys(slips)),
                       tuple(sorted(articles)), tuple(found),
                       tuple((spelled[f], counts[f]) for f in forms))


def _is_slip(folded: str, count: int, members: list[str], counts: dict[str, int]) -> bool:
    """A form one article writes, a few edits from a form of the same entity that more articles write."""
    if count > 1:
        return False
    for other in members:
        if other == folded or counts[other] < 2:
            continue
        if (" " in other) == (" " in folded) and other[:1] == folded[:1]:
            budget = error_budget(other, "person" if " " in other else "place")
            if OSA.distance(other, folded, score_cutoff=budget) <= budget:
                return True
    return False


def _kind(found: Sequence[Sighting]) -> EntityKind | None:
    """What most hints say the entity is; a name of two words or more that no hint places is a person's."""
    votes = Counter(hint for s in found for hint in s.hints)
    if votes:
        kind, _ = max(votes.items(), key=lambda item: (item[1], item[0] == "person"))
        return None if kind == "thing" else kind  # a ship or a flight is named, but is no one of the story
    if any(" " in s.form for s in found):
        return "person"
    return None


def _with_ids(drafted: list[DraftEntity], other_files: AbstractSet[str]) -> list[DraftEntity]:
    """Ids from the names: the surname of a person, the name of a place or organisation, made unique."""
    taken: set[str] = set(other_files)
    out = []
    for entity in drafted:
        words = [regex.sub(r"[^a-z0-9]+", "-", w).strip("-") for w in fold(entity.name).replace(".", "").split()]
        full = "-".join(w for w in words if w) or "entity"
        base = full
        if entity.kind == "person" and words[-1] and words[-1] not in taken:
            base = words[-1]
        candidate, number = base, 2
        while candidate in taken:
            candidate, number = f"{base}-{number}", number + 1
        taken.add(candidate)
        out.append(dataclasses.replace(entity, id=candidate))
    return out
