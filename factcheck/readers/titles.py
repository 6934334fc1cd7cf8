"""The role reader: a person's office as the text attaches it to their name ("Valdoran Interior Minister Ilse
Marrow", "Marrow, Valdora's interior minister, said"). The vocabularies are in language/titles.toml.

A role is read only where it stands against the name: right before it, or after it between commas. A role phrase
followed by more words ("Marrow, the interior minister said") belongs to another clause, one before another name
("Marrow met Lesovian President Teodor Valisch") to that name.
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass, field
from typing import Any, Literal

from factcheck import language, patterns

# An acronym with dots ("U.N."), a word with inner hyphens or apostrophes and an optional possessive, or one sign.
_TOKEN = patterns.compile(r"(?:\p{Lu}\.){2,}|[\p{L}\p{M}\d]+(?:[-'’][\p{L}\p{M}\d]+)*(?:['’]s?(?![\p{L}\p{M}]))?"
                          r"|[^\s\p{L}\p{M}\d]")
_POSSESSIVE = patterns.compile(r"['’]s?\Z")
# How many words a role before a name may have: "the Ostrel League's First Deputy Foreign Minister".
_REACH = 9
# How far before a name its role is looked for, in characters: enough for _REACH long words. Only that much is
# tokenised, so a long sentence with many mentions is read in time proportional to its length.
_WINDOW = 300
_SPACE = patterns.compile(r"\s")

How = Literal["before the name", "before the name, behind a comma", "after the name", "as an alias"]


@dataclass(frozen=True, slots=True)
class Role:
    """An office as a text writes it, normalised: 'deputy foreign minister' of 'Valdora'."""

    office: str
    ranks: tuple[str, ...] = ()  # in the order written
    fields: tuple[str, ...] = ()
    qualifiers: tuple[str, ...] = ()  # whose office, as written: "Valdora", "Valdoran", "OL", "Ostrel League"
    # How many of the fields follow the office ("secretary of state"): shown there, compared as any field.
    after: int = field(default=0, compare=False)

    @property
    def words(self) -> str:
        before = self.fields[:len(self.fields) - self.after]
        tail = self.fields[len(self.fields) - self.after:]
        return " ".join((*self.ranks, *before, self.office, *(("of", *tail) if tail else ())))

    def describe(self, qualifiers: tuple[str, ...] | None = None) -> str:
        shown = self.qualifiers if qualifiers is None else qualifiers
        return f"{self.words} ({', '.join(shown)})" if shown else self.words


@dataclass(frozen=True, slots=True)
class RoleReading:
    role: Role | None  # None: a role the person does not hold now ("former minister")
    start: int
    end: int
    how: How
    why_not: str = ""


@dataclass(frozen=True, slots=True)
class _Token:
    text: str
    start: int
    end: int

    @property
    def folded(self) -> str:
        return _POSSESSIVE.sub("", self.text).casefold() if self.possessive else self.text.casefold()

    @property
    def possessive(self) -> bool:
        """'Valdora's', or 'Marrows'' after an s."""
        return len(self.text) > 2 and _POSSESSIVE.search(self.text) is not None

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def bare(self) -> str:
        """The word without its possessive; an acronym without its dots."""
        word = _POSSESSIVE.sub("", self.text) if self.possessive else self.text
        return word.replace(".", "") if _is_acronym(word) else word


def _is_acronym(word: str) -> bool:
    letters = word.replace(".", "")
    return len(letters) >= 2 and letters.isupper() and letters.isalpha()


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    offices: dict[tuple[str, ...], str]  # words of a form -> normalised office
    longest_office: int
    ranks: frozenset[str]
    ordinal_ranks: frozenset[str]
    fields: frozenset[str]
    describing: frozenset[str]
    honorifics: frozenset[str]
    rank_openers: frozenset[str]
    after_a_possessive_only: frozenset[str]
    spellings: dict[str, str]
    not_current: frozenset[str]
    not_current_affixes: tuple[tuple[str, ...], tuple[str, ...]]  # prefixes, suffixes
    determiners: frozenset[str]
    not_in_titles: frozenset[str]
    ends: frozenset[str]
    of: frozenset[str]
    unknown_before_office: int
    adjective_endings: tuple[str, ...]
    place_endings: tuple[str, ...]


@functools.cache
def _vocabulary() -> _Vocabulary:
    data = language.load("titles")
    offices = {tuple(form.casefold().split()): office for office, forms in data["offices"].items() for form in forms}
    words = data["words"]
    return _Vocabulary(offices, max(len(form) for form in offices), frozenset(words["ranks"]),
                       frozenset(words["ordinal_ranks"]), frozenset(words["fields"]), frozenset(words["describing"]),
                       frozenset(words["honorifics"]), frozenset(words["rank_openers"]),
                       frozenset(words["after_a_possessive_only"]), dict(words["spellings"]),
                       frozenset(words["not_current"]),
                       (tuple(words["not_current_prefixes"]), tuple(words["not_current_suffixes"])),
                       frozenset(words["determiners"]), frozenset(words["not_in_titles"]), frozenset(words["ends"]),
                       frozenset(words["of"]), words["unknown_before_office"],
                       tuple(data["demonyms"]["adjective_endings"]), tuple(data["demonyms"]["place_endings"]))


@functools.cache
def _heads() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    data = language.load("titles")["heads"]
    return frozenset(data["generic"]), frozenset(data["heads"]), frozenset(data["of_state"])


def offices_agree(a: str, b: str) -> bool:
    """Whether two normalised offices may be one: the same, or a generic head ("the Fed chief") and an office that
    heads something ("the Federal Reserve chair"; language/titles.toml [heads])."""
    if a == b:
        return True
    generic, heads, of_state = _heads()
    if "head of state" in (a, b):
        return (b if a == "head of state" else a) in of_state
    return (a in generic and (b in generic or b in heads)) or (b in generic and a in heads)


@functools.cache
def government_words() -> frozenset[str]:
    """The fields that make a generic head a minister of the other fields ("the government's transport chief")."""
    return frozenset(language.load("titles")["heads"]["of_government"])


def heads_examples(key: str = "examples") -> list[list[str]]:
    return list(language.load("titles")["heads"][key])


def _tokens(text: str, start: int, end: int, limit: int | None = None) -> list[_Token]:
    """The tokens of text[start:end], only the first `limit` of them if given."""
    return [_Token(m.group(), m.start(), m.end()) for m in itertools.islice(_TOKEN.finditer(text, start, end), limit)]


def _tokens_before(text: str, start: int, end: int) -> list[_Token]:
    """The tokens of text[start:end] that stand within _WINDOW characters of its end; a word the window cuts is
    left out."""
    begin = max(start, end - _WINDOW)
    if begin > start:
        space = _SPACE.search(text, begin, end)
        begin = space.end() if space is not None else end
    return _tokens(text, begin, end)


def _current_part(token: _Token, vocabulary: _Vocabulary) -> _Token | None:
    """The token without a mark that the role is not the person's now ("ex-president" -> "president"), the token
    itself when it has none, or None for a word that is only such a mark ("former")."""
    folded = token.folded
    if folded in vocabulary.not_current:
        return None
    prefixes, suffixes = vocabulary.not_current_affixes
    for prefix in prefixes:
        if folded.startswith(prefix):
            return _Token(token.text[len(prefix):], token.start + len(prefix), token.end)
    for suffix in suffixes:
        if folded.endswith(suffix):
            return _Token(token.text[:-len(suffix)], token.start, token.end - len(suffix))
    return token


_Parse = Role | Literal["not current"] | None


def _office_at_end(tokens: list[_Token], vocabulary: _Vocabulary) -> tuple[str, int, str] | None:
    """The office the tokens end with, how many tokens it takes, and a rank written into it ("vice-president")."""
    for size in range(min(vocabulary.longest_office, len(tokens)), 0, -1):
        written = tuple(t.folded for t in tokens[-size:])
        if written in vocabulary.offices:
            return vocabulary.offices[written], size, ""
    rank, _, rest = tokens[-1].folded.partition("-")
    if rank in vocabulary.ranks and (rest,) in vocabulary.offices:
        return vocabulary.offices[(rest,)], 1, rank
    return None


def _parse(tokens: list[_Token], appositive: bool, written_by_rules: bool = False) -> _Parse:
    """A whole role phrase, or None when the tokens are not one. Before a name (`appositive` false) every word must
    be a word of titles; after a name, between commas, a few other words may describe the person. A role the rules
    write (`written_by_rules`) may hold lower-case words of no title before its office: they say what it is of
    ("central bank chief", "campaign manager")."""
    vocabulary = _vocabulary()
    if not tokens:
        return None
    current = [part for t in tokens if (part := _current_part(t, vocabulary)) is not None]
    if current != tokens:
        # "former interior minister", "ex-president": a role, but not the person's now; anything else is no role.
        return "not current" if isinstance(_parse(current, appositive, written_by_rules), Role) else None
    body, tail_qualifiers, tail_fields = _whose(tokens, appositive, vocabulary)
    office = _office_at_end(body, vocabulary)
    if office is None:
        return None
    name, size, written_rank = office
    words = body[:-size]
    before = _BeforeTheOffice(vocabulary, appositive, written_by_rules)
    for position, token in enumerate(words):
        following = words[position + 1].folded if position + 1 < len(words) else None  # None: the office
        if not before.read(position, token, following, _opens_a_name(words, position, vocabulary)):
            return None
    if " ".join(t.folded for t in body[-size:]) in vocabulary.after_a_possessive_only and not (
            words and words[-1].possessive):
        return None
    return before.role(name, written_rank, tail_qualifiers, tail_fields)


def _opens_a_name(words: list[_Token], position: int, vocabulary: _Vocabulary) -> bool:
    """Whether a capitalised word of a field begins the name after it, a word of no title in capitals ("National
    Assembly President": the National Assembly's president, not a national one of an Assembly)."""
    token = words[position]
    if not token.capitalised or token.possessive or position + 1 >= len(words):
        return False
    folded, after = token.folded, words[position + 1]
    return (folded in vocabulary.fields and folded not in vocabulary.ranks and after.capitalised
            and after.text[:1].isalpha() and not any(after.folded in words_of for words_of in (
                vocabulary.ranks, vocabulary.fields, vocabulary.describing, vocabulary.determiners))
            and (after.folded,) not in vocabulary.offices)


@dataclass(slots=True)
class _BeforeTheOffice:
    """The words of a role phrase before its office word, read one at a time: its ranks and fields, and whose office
    it is (the names and possessives that qualify it)."""

    vocabulary: _Vocabulary
    appositive: bool
    written_by_rules: bool = False  # a role of the rules: unknown lower-case words are fields
    ranks: list[str] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)
    qualifiers: list[str] = field(default_factory=list)
    run: list[str] = field(default_factory=list)  # consecutive capitalised words of a name: "Ostrel League"
    since: list[str] = field(default_factory=list)  # the words since the phrase began or since the last possessive
    unknown: int = 0  # words of no title after a name, which describe the person
    verbal: bool = False  # one of them is a verb's form ("meeting"): a phrase about someone else

    def read(self, position: int, token: _Token, following: str | None, opens_a_name: bool = False) -> bool:
        """Take one word; False when a role phrase cannot have it. `opens_a_name`: a word of titles that begins a
        name here ("National" in "National Assembly President")."""
        vocabulary = self.vocabulary
        folded = vocabulary.spellings.get(token.folded, token.folded)
        if position == 0 and folded in vocabulary.determiners:
            return True
        if not token.text[:1].isalnum() or folded in vocabulary.not_in_titles or folded in vocabulary.determiners:
            return False
        # "First Deputy Minister", "First Secretary": a rank; "Valdora's first female president": a description.
        rank = folded in vocabulary.ranks and (folded not in vocabulary.ordinal_ranks or following is None
                                               or following in vocabulary.ranks)
        ordinal = folded in vocabulary.ordinal_ranks and not rank
        known = (rank or folded in vocabulary.fields or (folded,) in vocabulary.offices
                 or folded in vocabulary.describing)
        self.since.append(token.bare)
        if token.capitalised and (opens_a_name or not known) and not ordinal:  # known words in capitals: "DEPUTY"
            return self._name_word(token)
        self._end_of_name()
        if token.possessive and folded not in vocabulary.fields:
            return self._possessive(folded)
        return self._title_word(position, token, folded, rank, ordinal, known)

    def _name_word(self, token: _Token) -> bool:
        """A word of a name; with a possessive, the name says whose office it is ("the Ostrel League's", "President
        Teodor Valisch's")."""
        self.run.append(token.bare)
        if token.possessive:
            if self.verbal:  # "meeting Valdora's president": a phrase about someone else's office
                return False
            self.qualifiers.append(" ".join(self.run))
            self.run, self.ranks, self.fields, self.since = [], [], [], []
        return True

    def _end_of_name(self) -> None:
        if self.run:
            self.qualifiers.append(" ".join(self.run))
            self.run = []

    def _possessive(self, folded: str) -> bool:
        """A possessive of no name: another office ("the interior minister's chief of staff") is whose office it
        is; other words ("the country's") say whose, but give no name to read."""
        # "the coast guard's deputy commander": a noun of no title before the possessive names whose office it is;
        # "meeting Valdora's president" is about someone else's.
        if self.verbal:
            return False
        if (folded,) in self.vocabulary.offices:
            self.qualifiers.append(" ".join(self.since))
            self.ranks, self.fields = [], []
        self.since = []
        return True

    def _title_word(self, position: int, token: _Token, folded: str, rank: bool, ordinal: bool, known: bool) -> bool:
        if rank:
            self.ranks.append(folded)
        elif folded in self.vocabulary.describing:
            pass  # "Outgoing President": the holder, not the office
        elif known or (self.written_by_rules and not token.capitalised):
            self.fields.append(folded)
        elif self.appositive and (not token.capitalised or ordinal) and position > 0 and \
                self.unknown < self.vocabulary.unknown_before_office:
            self.unknown += 1  # "Marrow, Valdora's long-serving interior minister": a description, not the office
            self.verbal = self.verbal or folded.endswith(("ing", "ed"))
        else:
            return False
        return True

    def role(self, office: str, written_rank: str, tail_qualifiers: tuple[str, ...],
             tail_fields: tuple[str, ...]) -> Role:
        """The role of the words read and the office, with a rank written into the office word ("vice-president")
        and what follows the office ("of the Ostrel League", "for humanitarian affairs")."""
        self._end_of_name()
        ranks = [*self.ranks, written_rank] if written_rank else self.ranks
        return Role(office, tuple(ranks), (*self.fields, *tail_fields),
                    tuple(dict.fromkeys((*self.qualifiers, *tail_qualifiers))), len(tail_fields))


def _whose(tokens: list[_Token], appositive: bool,
           vocabulary: _Vocabulary) -> tuple[list[_Token], tuple[str, ...], tuple[str, ...]]:
    """The tokens up to the office, and what "of/to/for ..." after it says: whose office it is ("of the Ostrel
    League"), or, in lower case after a name, what it is of ("for humanitarian affairs")."""
    office = _office_at_end(tokens, vocabulary)
    whole = len(tokens) - office[1] if office is not None else len(tokens)  # "head of state" is one office
    for position, token in enumerate(tokens):
        if position == 0 or position >= whole or token.folded not in vocabulary.of or \
                _office_at_end(tokens[:position], vocabulary) is None:
            continue
        after = tokens[position + 1:]
        if after and after[0].folded in vocabulary.determiners:
            after = after[1:]
        if not after or len(after) > 7 or not all(t.text[:1].isalnum() for t in after):
            continue
        words = [t for t in after if t.folded not in ("of", "and", "the")]
        if _unit_of_a_body(words, appositive):
            return tokens[:position], (" ".join(t.bare for t in after),), ()
        if len(after) > 5:
            continue
        fields = tuple(vocabulary.spellings.get(t.folded, t.folded) for t in words)
        # Fields, capitalised or not ("Secretary of State", "minister for trade"): what the office is of.
        if fields and all(f in vocabulary.fields for f in fields):
            return tokens[:position], (), fields
        # A name, or another office ("spokesman for the secretary-general"): whose office it is.
        if all(t.capitalised for t in words) or (appositive and _office_at_end(after, vocabulary) is not None):
            return tokens[:position], (" ".join(t.bare for t in after),), ()
        # A field in words ("for humanitarian affairs"); "in the 1990s" is a time, and no field.
        if appositive and not any(t.capitalised for t in after) and all(t.text[:1].isalpha() for t in after):
            return tokens[:position], (), fields
    return tokens, (), ()


def _unit_of_a_body(words: list[_Token], appositive: bool) -> bool:
    """Whether words after an office name a unit of a body ("head of the Ostrel Coast Guard's northern command",
    "commander of the coast guard's Northern District"): its name in the possessive, then the unit's at most three
    words, each part in one case."""
    owner = next((i for i, t in enumerate(words) if t.possessive), None)
    if owner is None:
        return False
    unit = words[owner + 1:]
    # Before a name, only a unit with a name of its own: "the prime minister's jet carrying Marrow" is no role.
    return (0 < owner + 1 <= 4 and _one_case(words[:owner + 1]) and 0 < len(unit) <= 3 and _one_case(unit)
            and (appositive or unit[0].capitalised) and not any(t.folded.endswith(("ing", "ed")) for t in unit))


def _one_case(words: list[_Token]) -> bool:
    """Whether words are all capitalised ("Ostrel Coast Guard's") or all lower-case ("the coast guard's")."""
    return all(t.capitalised for t in words) or all(t.bare.isalpha() and t.bare.islower() for t in words)


@functools.cache
def parse_role(phrase: str) -> Role | None:
    """A role as a rule file writes it ("Valdoran interior minister", "top diplomat", "central bank chief"), or None
    if it names no office."""
    tokens = _tokens(phrase, 0, len(phrase))
    parsed = _parse(tokens, appositive=True)
    if parsed is None:  # read as the text would be first: its words of no title are then its fields
        parsed = _parse(tokens, appositive=True, written_by_rules=True)
    return parsed if isinstance(parsed, Role) else None


def _without_honorifics(tokens: list[_Token], vocabulary: _Vocabulary) -> list[_Token]:
    """The tokens before a name without the honorifics and military ranks right before it ("Gen. Ilse Marrow",
    "Lt. Col."), unless one ends an office ("Attorney General")."""
    while tokens:
        at = len(tokens) - 2 if tokens[-1].text == "." and len(tokens) > 1 else len(tokens) - 1
        if tokens[at].folded not in vocabulary.honorifics:
            break
        office = _office_at_end(tokens[:at + 1], vocabulary)
        if office is not None and office[1] > 1:
            break
        tokens = tokens[:at]
        while tokens and tokens[-1].folded in vocabulary.rank_openers:  # "Master Sgt.": one rank
            tokens = tokens[:-1]
    return tokens


def _before(text: str, start: int, mention_start: int, full_name: bool) -> RoleReading | None:
    vocabulary = _vocabulary()
    tokens = _without_honorifics(_tokens_before(text, start, mention_start), vocabulary)[-(_REACH + 1):]
    comma = bool(tokens) and tokens[-1].text == ","
    if comma:
        if not full_name:  # "after meeting the minister, Marrow said": a clause before the subject
            return None
        tokens = tokens[:-1]
    how: How = "before the name, behind a comma" if comma else "before the name"
    for first in range(len(tokens)):  # the longest role phrase that ends at the name
        parsed = _parse(tokens[first:], appositive=False)
        if parsed == "not current":
            return RoleReading(None, tokens[first].start, tokens[-1].end, how, "a role the person no longer or "
                                                                              "not yet holds")
        if isinstance(parsed, Role):
            return RoleReading(parsed, tokens[first].start, tokens[-1].end, how)
    return None


def _after(text: str, mention_end: int, end: int) -> RoleReading | None:
    vocabulary = _vocabulary()
    tokens = _tokens(text, mention_end, end, limit=_REACH + 9)  # a comma, and one token more than a role may take
    if not tokens or tokens[0].text != ",":
        return None
    if len(tokens) > 2 and tokens[1].text.isdigit() and len(tokens[1].text) <= 3 and tokens[2].text == ",":
        tokens = tokens[2:]  # "Alma Reyes, 58, chairwoman of the trust": the age stands between name and role
    phrase: list[_Token] = []
    for token in tokens[1:]:
        if token.folded in vocabulary.ends:
            break
        phrase.append(token)
        if len(phrase) > _REACH + 5:
            return None
    parsed = _parse(phrase, appositive=True)
    if parsed is None:
        return None
    how: How = "after the name"
    if parsed == "not current":
        return RoleReading(None, phrase[0].start, phrase[-1].end, how, "a role the person no longer or not yet holds")
    return RoleReading(parsed, phrase[0].start, phrase[-1].end, how)


def read_roles(text: str, start: int, end: int, mention_start: int, mention_end: int) -> list[RoleReading]:
    """The roles attached to the name at text[mention_start:mention_end], in its sentence text[start:end]: the one
    before it and the one after it."""
    full_name = len(text[mention_start:mention_end].split()) > 1
    found = [_before(text, start, mention_start, full_name), _after(text, mention_end, end)]
    return [reading for reading in found if reading is not None]


def alias_role(text: str, start: int, alias_start: int, alias_end: int) -> RoleReading | None:
    """The role an alias of a person states ("the Valdoran interior minister said"), unless it stands before
    another name ("Valdoran Interior Minister Teodor Valisch") or is no longer theirs ("former ...")."""
    vocabulary = _vocabulary()
    after = _tokens(text, alias_end, min(len(text), alias_end + 40))
    if after and after[0].capitalised and after[0].text[:1].isalpha():
        return None
    role = parse_role(text[alias_start:alias_end])
    if role is None:
        return None
    before = _tokens_before(text, start, alias_start)[-2:]
    if before and before[-1].folded in vocabulary.ranks:  # "the deputy secretary-general": another office
        return None
    if any(_current_part(t, vocabulary) != t for t in before):
        return RoleReading(None, alias_start, alias_end, "as an alias", "a role the person no longer holds")
    return RoleReading(role, alias_start, alias_end, "as an alias")


def _stems(word: str, endings: tuple[str, ...]) -> dict[str, str]:
    """Each stem the word leaves when one of the endings (or none, "") is cut, with that ending."""
    folded = word.casefold()
    return {folded: "", **{folded[:-len(e)]: e for e in endings if folded.endswith(e) and len(folded) - len(e) >= 3}}


@functools.lru_cache(maxsize=65536)  # the same qualifiers and places, compared for every role read
def place_stem(word: str, place: str) -> int:
    """How closely a qualifier names a place: the length of the stem the two share ("Valdoran" and "Valdora" share
    "valdora", "Valdoran" and "Valdor" only "valdor"), more for the place's name itself, 0 for none. A word that
    already ends like an adjective is not a place's stem one or two letters short of it: "Korvian" is not
    "Korviana"."""
    vocabulary = _vocabulary()
    if word.casefold() == place.casefold():
        return len(word) + 1
    if " " in word or " " in place:
        return 0
    adjectives, places = _stems(word, vocabulary.adjective_endings), _stems(place, vocabulary.place_endings)
    looks_adjective = len(adjectives) > 1
    shared = [stem for stem in adjectives.keys() & places.keys()
              if not (looks_adjective and not adjectives[stem] and len(places[stem]) <= 2)]
    return max(map(len, shared), default=0)


def demonym_examples() -> list[dict[str, Any]]:
    return list(language.load("titles")["demonyms"]["examples"])


def examples() -> list[dict[str, Any]]:
    return list(language.load("titles")["examples"])
