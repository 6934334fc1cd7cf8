#!/usr/bin/env python3
"""Deterministic synthetic news corpora for a scale benchmark of factcheck, the truth behind them, and a scorer.

    python3 benchmarks/synthetic.py OUT --articles 200 --events 10 [--seed 0] [--conflict-rate 0.05]

writes

    OUT/corpus/<event>/<article>.txt      wire-style articles (groups of at most GROUP_SIZE files per folder)
    OUT/rules/<event>.toml                one rule file per event, every claim with examples
    OUT/truth.json                        the correct value of every claim and every injected error

API for a benchmark driver:

    truth = generate(out_dir, articles=1000, events=50, seed=0, conflict_rate=0.05)
    report = json.loads(<output of `factcheck check OUT/corpus --rules OUT/rules --format json`>)
    figures = score(report, truth)              # precision / recall of injected errors, at the article level
    naive = score(naive_baseline(out_dir / "corpus", out_dir / "rules"), truth)

Events are invented (people, countries, cities, organisations and outlets are built from syllables and name
pools; no real names are needed) and of three types:

* trip      a visitor travels to 2-3 capitals in order and meets a leader in each: meeting dates, the arrival
            date at the last stop, the itinerary (sequence), spelling of names;
* disaster  an earthquake, a flood or a train crash in a region: the day it struck, the cumulative death toll,
            spelling of names;
* summit    guests fly to a host's capital and hold talks with the host; police arrest protesters: meeting
            and arrival dates per guest, the cumulative number of arrests, spelling of names.

In about `conflict_rate` of the articles exactly one fact is wrong, in a known way: a meeting, arrival or
disaster day one or two days off (only in reports, never in plans: a plan that later changes is a warning, not a
conflict, by design), two adjacent stops of an itinerary swapped, a toll far off the one other articles give for
the same day, or a near-miss spelling of a person's full name (a swapped or doubled letter).

Only errors that the other articles can show to be errors are injected, since one no careful reader could find
is no test of a checker: a wrong day only where at least two other articles report (not plan) the fact, since a
plan that a report contradicts is a schedule that changed, and one report against one blames neither; a wrong toll
only where at least two articles of a later day report it with an upper bound (an exact or an approximate
figure: "at least 40" agrees with any higher figure), and far above the true figure of the last of them,
since a figure above the earlier ones on a later day is what a rising toll looks like, and only later figures
below it (a toll does not fall) contradict it. Everything depends on
`random.Random(seed)` alone: the same arguments give byte-identical files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

GROUP_SIZE = 1000  # files per corpus folder at most, so that no folder grows unwieldy at scale
TRUTH_SCHEMA = "factcheck.synthetic-truth/1"
MIN_CHARS, MAX_CHARS = 800, 2500
MIN_SENTENCES, MAX_SENTENCES = 6, 15

Value = str | list[str]

# ================================================================================================== truth records


@dataclass(frozen=True)
class ClaimTruth:
    id: str
    kind: str  # date, count, sequence, spelling
    event: str
    rules: str  # path of the rule file, relative to the output folder
    title: str
    value: Value  # the correct value as reports write it (a day, a toll as of the last day, the stops in order)
    cumulative: bool = False  # count claims: may the figure grow with its date (the scorer needs it)
    by_day: dict[str, int] = field(default_factory=dict)  # count claims: the true figure as of each day


@dataclass(frozen=True)
class InjectedError:
    article: str  # article id: the file stem, as factcheck.inputs.article makes it
    path: str  # relative to the output folder
    rules: str
    claim: str
    kind: str
    wrong: Value
    true: Value
    how: str  # what was changed, for a reader of truth.json


@dataclass(frozen=True)
class ArticleTruth:
    id: str
    path: str
    event: str
    published: str
    source: str
    claims: tuple[str, ...] = ()  # the claims the article reports (spelling claims only where it misspells)


@dataclass(frozen=True)
class Truth:
    seed: int
    conflict_rate: float
    events: tuple[dict[str, Any], ...]
    articles: tuple[ArticleTruth, ...]
    claims: tuple[ClaimTruth, ...]
    errors: tuple[InjectedError, ...]

    def to_json(self) -> dict[str, Any]:
        return {"schema": TRUTH_SCHEMA, "seed": self.seed, "conflict_rate": self.conflict_rate,
                "events": list(self.events), "claims": [asdict(c) for c in self.claims],
                "errors": [asdict(e) for e in self.errors], "articles": [asdict(a) for a in self.articles]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Truth:
        return cls(seed=data["seed"], conflict_rate=data["conflict_rate"], events=tuple(data["events"]),
                   articles=tuple(ArticleTruth(**{**a, "claims": tuple(a.get("claims", ()))})
                                  for a in data["articles"]),
                   claims=tuple(ClaimTruth(**c) for c in data["claims"]),
                   errors=tuple(InjectedError(**e) for e in data["errors"]))

    @classmethod
    def load(cls, path: Path) -> Truth:
        return cls.from_json(json.loads(path.read_text(encoding="utf-8")))


# ================================================================================================== invented names

FIRST_NAMES: dict[str, dict[str, tuple[str, ...]]] = {
    "slavic": {"m": ("Teodor", "Radomir", "Bogdan", "Milan", "Darko", "Vuk", "Stanislav", "Dragan", "Yaroslav",
                     "Zoran"),
               "f": ("Irina", "Vesna", "Jelena", "Ljuba", "Oksana", "Milena", "Zorica", "Danica", "Yelena",
                     "Radmila")},
    "iberian": {"m": ("Joaquín", "Tomás", "Esteban", "Álvaro", "Rodrigo", "Gonzalo", "Ignacio", "Mateus", "Raúl",
                      "Benedito"),
                "f": ("Mariela", "Lucía", "Renata", "Paloma", "Inés", "Ximena", "Graciela", "Leonor", "Catalina",
                      "Rosário")},
    "eastasian": {"m": ("Haruto", "Kenji", "Jun-ho", "Daisuke", "Wen", "Minh", "Taichi", "Seung-woo", "Ryota",
                        "Hyun"),
                  "f": ("Mei", "Akane", "Sora", "Yuna", "Hana", "Lian", "Mi-rae", "Natsuki", "Thu", "Sakura")},
    "westafrican": {"m": ("Kwame", "Chidi", "Tunde", "Kofi", "Emeka", "Yaw", "Babajide", "Olusegun", "Kojo",
                          "Ikenna"),
                    "f": ("Adaeze", "Folasade", "Amara", "Ngozi", "Yewande", "Efua", "Chiamaka", "Abena", "Funmi",
                          "Ifeoma")},
    "nordic": {"m": ("Anders", "Torvald", "Henrik", "Eskil", "Sindre", "Magnus", "Leif", "Ragnar", "Joakim",
                     "Halvard"),
               "f": ("Sigrid", "Ingrid", "Liv", "Maja", "Solveig", "Astrid", "Tove", "Ragnhild", "Elin", "Ylva")},
    "levantine": {"m": ("Karim", "Samir", "Youssef", "Tariq", "Nabil", "Ziad", "Rami", "Walid", "Fadi", "Bassam"),
                  "f": ("Layla", "Nadia", "Rania", "Hana", "Salma", "Dalia", "Rasha", "Mona", "Yasmin", "Lina")},
    "southasian": {"m": ("Arjun", "Rohan", "Vikram", "Sanjay", "Nikhil", "Farhan", "Kabir", "Rahul", "Aditya",
                         "Imran"),
                   "f": ("Priya", "Kavya", "Ananya", "Meera", "Nandini", "Shreya", "Tanvi", "Ayesha", "Ritu",
                         "Deepika")},
}

# Surnames are invented from syllables in the manner of each pool, so that no real person is named.
SURNAME_PARTS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "slavic": (("Kor", "Vel", "Drav", "Mir", "Sok", "Bel", "Zar", "Petr", "Hrab", "Lub", "Ost", "Vran", "Stoj", "Grab",
                "Jov", "Kras", "Ned", "Rad", "Tom", "Blag"),
               ("a", "o", "i", "e", ""),
               ("nov", "vić", "ski", "ček", "enko", "lić", "vski", "nik", "ovan", "etić", "ansky", "uk")),
    "iberian": (("Val", "Cas", "Mon", "Tor", "Ben", "Sal", "Cor", "Ech", "Lar", "Quin", "Ose", "Bar", "Gal", "Mend",
                 "Sor", "Ur", "Fig", "Ped"),
                ("e", "a", "i", "o"), ("garay", "ñedo", "rrales", "dano", "villa", "tero", "mira", "zabal",
                                       "sanz", "ribe", "lmonte", "guez", "rreira", "steros")),
    "eastasian": (("Ta", "Ka", "Mo", "Su", "Hi", "Na", "Yo", "Ri", "Sa", "Fu", "Ma", "Ku", "Shi", "O"),
                  ("na", "ki", "ra", "shi", "mo", "ku", "ya", "to"),
                  ("be", "da", "mura", "gawa", "ta", "oka", "zawa", "hara", "yama", "saki", "moto", "kawa")),
    "westafrican": (("O", "A", "E", "Ade", "Olu", "Nwa", "Ogu", "Eze", "Aki"),
                    ("ka", "lu", "de", "ba", "ye", "fo", "ko", "mu", "ri", "so"),
                    ("for", "mi", "nde", "kun", "wale", "dapo", "nye", "bisi", "chukwu")),
    "nordic": (("Lind", "Berg", "Holm", "Strand", "Dahl", "Sand", "Vik", "Ek", "Fjell", "Moe", "Aas", "Nord", "Sol",
                "Hag", "Grun", "Tor", "Kvarn"), ("", "e"),
               ("qvist", "gren", "ström", "lund", "mark", "by", "heim", "vold", "stad", "rud", "sæter", "nes", "haug")),
    "levantine": (("Ma", "Ra", "Sa", "Ka", "Ha", "Na", "Ta", "Za", "Fa", "Ja", "Qa", "Ba"),
                  ("sh", "z", "b", "d", "l", "rw", "kh", "tt", "hm", "ss"),
                  ("ari", "oumi", "adi", "awi", "ani", "ouni", "abi", "ali", "ouri", "amani", "edine")),
    "southasian": (("Bha", "Cha", "Ra", "Su", "Na", "Ma", "Ka", "Pa", "Ja", "De", "Gu", "Va"),
                   ("nd", "th", "sh", "v", "r", "dh", "l", "kr", "sw", "ml"),
                   ("ekar", "ani", "ali", "ura", "wat", "iya", "esan", "ari", "anathan", "adkar", "ojia")),
}

COUNTRY_SUFFIXES = ("ia", "ova", "land", "ara", "onia", "istan", "ea", "enia")
CITY_SUFFIXES = ("grad", "port", " City", "ville", "burg", "os", "ana", "ford", "mouth", "haven")
ADJ_SUFFIX = {"ia": "ian", "ova": "ovan", "land": "lander", "ara": "aran", "onia": "onian", "istan": "istani",
              "ea": "ean", "enia": "enian"}
OUTLETS = ("Tidewater Post", "Northgate Wire", "Meridian Daily", "Harbour Herald", "Ridgeline Times",
           "Bellmoor Courier", "Eastvale Gazette", "Silverlake Monitor", "Westmarch Tribune", "Crescent Observer",
           "Granite Dispatch", "Lantern Chronicle", "Beacon Press Agency", "Continental News Service",
           "Overseas Wire", "Daily Compass", "Morning Ledger", "Evening Standard-Bearer", "Global Desk",
           "Atlas News Agency")
ORG_WORDS = (("Union", "Council", "Alliance", "Forum", "Community", "Conference"),
             ("of Coastal States", "for Regional Cooperation", "of Northern Nations", "of Island States",
              "for Trade and Development", "of the Inner Sea"))

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def damerau(a: str, b: str) -> int:
    """Edit distance with adjacent transpositions, on case-folded strings."""
    a, b = a.casefold(), b.casefold()
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


ONSETS = ("B", "D", "K", "L", "M", "N", "P", "R", "S", "T", "V", "Z", "Br", "Dr", "Kr", "Tr", "Gr", "St", "Sk",
          "Th", "Ost", "Alv", "Esk", "Ul", "Ir", "Hal", "Cal", "Mar", "Vel", "Or")
VOWELS = ("a", "e", "i", "o", "u", "ai", "ei", "au")
CODAS = ("r", "n", "l", "s", "v", "k", "th", "rn", "sk", "nd", "lm", "rv", "sh", "z")
SECOND = ("", "", "", "", "", "an", "el", "or", "ov", "is", "en", "ad", "ur")


class NameBook:
    """Every proper name invented for a corpus. A person's surname must be far from every other capitalised word
    (other names, places, outlets, the templates' own words), so that factcheck's near-miss matching never takes
    one for a misspelling of another; places only have to be distinct (places are matched exactly)."""

    def __init__(self, rng: random.Random, fixed_words: Iterable[str] = ()) -> None:
        self.rng = rng
        self.fixed: list[str] = sorted({w for outlet in OUTLETS for w in outlet.split()} | set(fixed_words))
        # Nearness matters within a story (its articles name only its people; factcheck reads a story's claims
        # only in articles that tell it), so it is checked against the story's words; across stories a name is
        # only never used twice. Checking nearness across a large archive would run out of names.
        self.words: list[str] = list(self.fixed)
        self.surnames: list[str] = []
        self.taken: set[str] = set(self.fixed)
        self.place_roots: set[str] = set()

    def new_story(self) -> None:
        self.words = list(self.fixed)
        self.surnames = []

    def _surname_ok(self, word: str) -> bool:
        # factcheck allows one edit in a name of 5-7 letters and two from 8 letters (a swap counts as two): a
        # surname must be further than that from any capitalised word, and three edits from any other surname,
        # since full names ("Milan Korov", "Milan Korav") get the larger allowance.
        budget = 2 if len(word) >= 8 else 1
        return (word not in self.taken
                and all(abs(len(word) - len(other)) > 2 or damerau(word, other) >= 3 for other in self.surnames)
                and all(abs(len(word) - len(other)) > budget or damerau(word, other) > budget
                        for other in self.words))

    def _place_ok(self, word: str) -> bool:
        return (word not in self.place_roots and word not in self.taken
                and all(abs(len(word) - len(other)) > 2 or damerau(word, other) >= 3 for other in self.surnames))

    def person(self) -> Person:
        pool = self.rng.choice(sorted(FIRST_NAMES))
        gender = self.rng.choice(("m", "f"))
        starts, middles, ends = SURNAME_PARTS[pool]
        for _ in range(2000):
            surname = self.rng.choice(starts) + self.rng.choice(middles) + self.rng.choice(ends)
            if len(surname) >= 5 and self._surname_ok(surname):
                self.words.append(surname)
                self.surnames.append(surname)
                self.taken.add(surname)
                return Person(self.rng.choice(FIRST_NAMES[pool][gender]), surname, gender)
        raise RuntimeError("surname pools exhausted; add syllables")

    def _root(self) -> str:
        for _ in range(5000):
            root = (self.rng.choice(ONSETS) + self.rng.choice(VOWELS) + self.rng.choice(CODAS)
                    + self.rng.choice(SECOND))
            if len(root) >= 4 and self._place_ok(root):
                self.place_roots.add(root)
                return root
        raise RuntimeError("place pools exhausted; add syllables")

    def _register(self, *words: str) -> None:
        self.words += [w for word in words for w in word.split()]
        self.taken.update(w for word in words for w in word.split())

    def country(self) -> Country:
        root, capital_root = self._root(), self._root()
        suffix = self.rng.choice(COUNTRY_SUFFIXES)
        country = Country(root + suffix, root + ADJ_SUFFIX[suffix], capital_root + self.rng.choice(CITY_SUFFIXES))
        self._register(country.name, country.adjective, country.capital)
        return country

    def region(self) -> str:
        name = self._root() + self.rng.choice(("a", "ia", "en", "ar")) + self.rng.choice(("", " Province", " Valley"))
        self._register(name)
        return name

    def town(self) -> str:
        name = self._root() + self.rng.choice(CITY_SUFFIXES)
        self._register(name)
        return name


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    gender: str

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def pronoun(self) -> str:
        return "he" if self.gender == "m" else "she"

    @property
    def possessive(self) -> str:
        return "his" if self.gender == "m" else "her"


@dataclass(frozen=True)
class Country:
    name: str
    adjective: str
    capital: str


def slug(text: str) -> str:
    plain = text.encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


# ================================================================================================== dates and counts


def iso(day: dt.date) -> str:
    return day.isoformat()


@dataclass(frozen=True)
class DatePhrase:
    inline: str  # "on Tuesday", "yesterday", "on 26 April 2022"
    initial: str  # at the start of a sentence: "On Tuesday", "Yesterday"
    bare: str  # after "planned for", "scheduled for": "Tuesday", "April 26"


def date_phrase(day: dt.date, published: dt.date, rng: random.Random, *, daypart: bool = True) -> DatePhrase:
    """How a wire story writes a day relative to its publication date: weekdays and yesterday/tomorrow within
    the week, absolute dates in several national styles otherwise (and often anyway)."""
    diff = (day - published).days
    weekday, month = WEEKDAYS[day.weekday()], MONTHS[day.month - 1]
    options: list[DatePhrase] = [
        DatePhrase(f"on {month} {day.day}", f"On {month} {day.day}", f"{month} {day.day}"),
        DatePhrase(f"on {day.day} {month}", f"On {day.day} {month}", f"{day.day} {month}"),
        DatePhrase(f"on {day.day} {month} {day.year}", f"On {day.day} {month} {day.year}",
                   f"{day.day} {month} {day.year}"),
        DatePhrase(f"on {month} {day.day}, {day.year}", f"On {month} {day.day}, {day.year}",
                   f"{month} {day.day}, {day.year}"),
    ]
    if 0 < abs(diff) <= 6:
        options += [DatePhrase(f"on {weekday}", f"On {weekday}", weekday)] * 3
        options += [DatePhrase(f"on {weekday}, {month} {day.day}", f"On {weekday}, {month} {day.day}",
                               f"{weekday}, {month} {day.day}"),
                    DatePhrase(f"on {weekday} {day.day} {month}", f"On {weekday} {day.day} {month}",
                               f"{weekday} {day.day} {month}")]
        if daypart:
            part = rng.choice(("morning", "afternoon", "evening"))
            options += [DatePhrase(f"on {weekday} {part}", f"On {weekday} {part}", f"{weekday} {part}"),
                        DatePhrase(f"late on {weekday}", f"Late on {weekday}", f"late {weekday}")]
    if diff == -1:
        options += [DatePhrase("yesterday", "Yesterday", f"{weekday}")]
    if diff == 1:
        options += [DatePhrase("tomorrow", "Tomorrow", f"{weekday}")]
    if diff == 0:
        options += [DatePhrase(f"on {weekday}", f"On {weekday}", weekday)] * 2
    return rng.choice(options)


def fmt_number(n: int) -> str:
    return f"{n:,}"


def round_to(n: int, step: int, up: bool) -> int:
    return (-(-n // step) if up else n // step) * step


def count_phrase(true: int, rng: random.Random, open_ended: bool = False) -> tuple[str, str]:
    """A qualifier and figure that a careful reporter could write for a true figure, and that factcheck's
    qualifier table reads as an interval containing it, without a later figure looking like a fall. An open-ended
    one ("at least", "more than") when the article writes its figures so."""
    step = 10 if true >= 100 else 5 if true >= 30 else 1
    down = round_to(true, step, up=False)
    if open_ended:
        choices = [("at least ", fmt_number(true))]
        if step > 1 and true * 0.93 <= down < true:
            choices.append((rng.choice(("more than ", "over ")), fmt_number(down)))
        return rng.choice(choices)
    choices: list[tuple[str, str]] = [("", fmt_number(true))]
    up = round_to(true, step, up=True)
    if step > 1 and true < up and true >= up * 0.96:
        choices.append((rng.choice(("nearly ", "almost ")), fmt_number(up)))
    if step > 1 and up >= true and up * 0.9 <= true:
        choices.append((rng.choice(("about ", "some ", "around ")), fmt_number(up)))
    return rng.choice(choices)


# ================================================================================================== sentence templates
#
# Placeholders: {V} the subject (visitor, guest), {L} the other party, {CAP} a city of the stop, {CTRY} its country,
# {D}/{D0}/{DB} the day inline / sentence-initial / bare, {ATTR} an attribution, {PRON} the subject's pronoun,
# {POSS} the possessive, {ORG} an organisation, {N}/{Q} a figure and its qualifier, {REG}/{TOWN} a disaster's
# region and a town of it, {EV} the disaster noun, {A}/{B}/{C} stops in order.

MEETING_PAST = (
    "{V} met {L} in {CAP} {D}.",
    "{V} held talks with {L} {D} in {CAP}.",
    "{D0}, {V} sat down with {L} at the presidential palace in {CAP}.",
    "{L} received {V} in {CAP} {D}, {ATTR}.",
    "{V} and {L} met {D} for more than two hours, according to a statement from {POSS} office.",
    "In {CAP}, {V} held talks {D} with {L} on trade and maritime security.",
    "{L} welcomed {V} to {CAP} {D} with a guard of honour.",
    "{V} was received by {L} {D}, {ATTR}.",
    "Talks between {V} and {L} took place in {CAP} {D}.",
    "{D0}, {L} hosted {V} for a working lunch in {CAP}.",
    "{V} had lunch with {L} {D} before the two leaders addressed reporters.",
    "{V} met {L} {D}, {ATTR}, and the two discussed energy prices.",
    "{V} sat down with {L} {D} in what officials described as a cordial meeting.",
    "{V} conferred with {L} {D} before a joint news conference.",
    "After arriving in {CAP}, {V} held talks with {L} {D}.",
    "{V} met {L} {D}, the first stop of a tour that has drawn criticism at home.",
    "{V}'s meeting with {L} {D} lasted longer than planned, {ATTR}.",
)

MEETING_FUTURE = (
    "{V} is scheduled to meet {L} in {CAP} {D}.",
    "{V} will hold talks with {L} {D}, {ATTR}.",
    "{V} is due to sit down with {L} in {CAP} {D}.",
    "{L} is expected to receive {V} {D}.",
    "A meeting between {V} and {L} is planned for {DB}.",
    "{D0}, {V} will meet {L} in {CAP}, according to the foreign ministry.",
    "{V} is set to hold talks with {L} {D}.",
    "{V} plans to meet {L} {D} to discuss a stalled free-trade agreement.",
    "{L} will host {V} at the presidential palace {D}.",
    "{V} is to meet {L} {D}, officials said.",
    "{V} will then travel to {CAP} to meet {L} {D}.",
    "{V}'s talks with {L}, which are scheduled for {DB}, will focus on energy.",
    "{V} is expected to be received by {L} {D}.",
    "{V} will have lunch with {L} in {CAP} {D}, {ATTR}.",
    "{V} hopes to sit down with {L} {D}, {ATTR}.",
    "The talks between {V} and {L} will take place in {CAP} {D}.",
)

ARRIVAL_PAST = (
    "{V} arrived in {CAP} {D}.",
    "{V} landed in {CAP} {D}, {ATTR}.",
    "{D0}, {V} touched down in {CAP}.",
    "{V} reached {CAP} {D} after an overnight flight.",
    "{V} flew into {CAP} {D} aboard a government plane.",
    "{V} arrived at the airport in {CAP} {D} and was greeted by a military band.",
    "{D0}, {V} landed in {CAP} to a subdued welcome.",
    "{V} travelled on to {CAP} {D}, {ATTR}.",
    "{V} arrived in {CAP} {D} for the final leg of {POSS} tour.",
    "When {V} landed in {CAP} {D}, protesters had gathered outside the airport.",
    "{V} made {POSS} way to {CAP} {D}, {ATTR}.",
    "{V} flew to {CAP} {D}, where {PRON} was met by the foreign minister.",
    "The plane carrying {V} landed in {CAP} {D}.",
    "{V} came to {CAP} {D} with a delegation of business leaders.",
    "Having wrapped up talks elsewhere, {V} flew on to {CAP} {D}.",
)

ARRIVAL_FUTURE = (
    "{V} is expected to arrive in {CAP} {D}.",
    "{V} will fly to {CAP} {D}.",
    "{V} is due to land in {CAP} {D}, {ATTR}.",
    "{V} will travel to {CAP} {D}, {ATTR}.",
    "{D0}, {V} will fly on to {CAP}.",
    "{V} is scheduled to arrive in {CAP} {D}.",
    "{V} heads to {CAP} {D}, {ATTR}.",
    "{V} is set to land in {CAP} {D}.",
    "{V} will reach {CAP} {D}, according to the published schedule.",
    "{V} will make {POSS} way to {CAP} {D}.",
    "{V} is due in {CAP} {D}.",
    "{V} plans to fly into {CAP} {D}, {ATTR}.",
    "{V} will arrive in {CAP} {D} for the last leg of the trip.",
    "The {VROLE} is expected to touch down in {CAP} {D}.",
    "{V} is to arrive in {CAP} {D}, officials said.",
)

# Order of two or three stops: {A} before {B} (before {C}).
ITINERARY_PAST = (
    "{V} travelled to {B} after talks in {A}.",
    "{V} flew to {B} after two days in {A}.",
    "{V} began the tour in {A} before heading to {B}.",
    "{V} visited {A} before travelling on to {B}.",
    "Following {POSS} stop in {A}, {V} headed for {B}.",
    "From {A}, {V} flew on to {B}.",
    "{V} arrived in {B} from {A}, {ATTR}.",
    "{V} left {A} for {B} after a final round of talks.",
    "After {A}, {V} went on to {B}.",
    "{V} moved on to {B} after meetings in {A}.",
    "In {A}, {V} held talks before flying on to {B}.",
    "{V} reached {B} a day after {POSS} talks in {A}.",
    "{V} headed to {B} following talks in {A}.",
    "The tour took {V} to {A} and then to {B}.",
    "{V}, who came to {B} from {A}, said the trip had been productive.",
)

ITINERARY_FUTURE = (
    "{V} will travel to {B} after talks in {A}.",
    "{V} is to visit {A} before flying on to {B}, {ATTR}.",
    "After {A}, {V} will head to {B}.",
    "{V} will begin the tour in {A} and then travel to {B}.",
    "From {A}, {V} is due to fly to {B}.",
    "{V} will go on to {B} after {POSS} stop in {A}.",
    "The trip will take {V} to {A}, then to {B}.",
    "{V} is expected to visit {A} before heading to {B}.",
    "Following talks in {A}, {V} will travel on to {B}.",
    "{V} plans to stop in {A} before going on to {B}, {ATTR}.",
    "In {A}, {V} will hold talks before flying to {B}.",
    "{V} will leave {A} for {B} once the talks there are over.",
    "{V} is scheduled to visit {A} first and then {B}.",
    "{V} heads to {B} after a stop in {A}.",
    "{V}'s tour will start in {A} before moving on to {B}.",
)

INCIDENT_PAST = {
    "earthquake": (
        "A magnitude {MAG} earthquake struck {REG} {D}, flattening mud-brick homes.",
        "The quake hit {REG} before dawn {D}, when most families were asleep.",
        "{D0}, a powerful earthquake shook {TOWN} and the surrounding villages of {REG}.",
        "{REG} was hit by a strong earthquake {D}, {ATTR}.",
        "The earthquake, which struck {REG} {D}, was felt as far away as the coast.",
        "Residents of {TOWN} fled into the streets when the tremor hit {D}.",
        "The earthquake that shook {REG} {D} was the strongest in decades.",
        "Since the quake struck {TOWN} {D}, more than 200 aftershocks have been recorded.",
        "The quake in {REG} {D} damaged roads, bridges and the main hospital in {TOWN}.",
        "{D0}, the earth shook for almost a minute in {TOWN}, {ATTR}.",
        "The magnitude {MAG} tremor struck {REG} {D} at a depth of {DEPTH} kilometres.",
        "Rescuers have been digging through rubble in {TOWN} since the quake hit {D}.",
        "A quake struck {REG} {D}, according to the national seismological institute.",
        "Many buildings in {TOWN} collapsed when the earthquake hit {D}.",
        "The earthquake struck {TOWN} {D}, {ATTR}.",
    ),
    "flood": (
        "Flash floods swept through {REG} {D} after days of torrential rain.",
        "{D0}, floods tore through {TOWN}, sweeping away cars and houses.",
        "The flooding in {REG} began {D}, when the river burst its banks.",
        "{REG} was hit by devastating floods {D}, {ATTR}.",
        "The flood that swept {TOWN} {D} was the worst in living memory.",
        "Floods struck {REG} {D}, cutting off dozens of villages.",
        "When the floods hit {TOWN} {D}, residents climbed onto their roofs.",
        "Since the floods struck {REG} {D}, thousands have slept in schools.",
        "The flood in {REG} {D} destroyed crops across the valley.",
        "{D0}, floodwaters surged into {TOWN}, {ATTR}.",
        "Flooding hit {REG} {D} after a dam upstream overflowed.",
        "A storm brought flooding to {REG} {D}, according to the weather service.",
        "The floods, which struck {REG} {D}, left the main road under water.",
        "Rescue boats have been working in {TOWN} since the flood hit {D}.",
        "Heavy flooding struck {TOWN} {D}, {ATTR}.",
    ),
    "crash": (
        "A passenger train derailed near {TOWN} in {REG} {D}.",
        "Two trains collided near {TOWN} {D}, {ATTR}.",
        "{D0}, a packed commuter train crashed into a freight train outside {TOWN}.",
        "The train crash near {TOWN} {D} was the deadliest in the history of {REG}'s railways.",
        "The collision, which happened near {TOWN} {D}, tore open three carriages.",
        "A night train derailed in {REG} {D}, sending carriages down an embankment.",
        "When the trains collided near {TOWN} {D}, most passengers were asleep.",
        "The crash in {REG} {D} has prompted calls for an inquiry.",
        "{D0}, an express train slammed into a stationary train near {TOWN}, {ATTR}.",
        "Since the derailment in {REG} {D}, the line has been closed.",
        "The accident happened near {TOWN} {D}, according to the rail operator.",
        "Investigators are examining the signals at {TOWN}, where the trains collided {D}.",
        "The derailment near {TOWN} {D} left twisted wreckage across both tracks.",
        "A freight train and a passenger train collided in {REG} {D}.",
        "The crash struck {REG} {D}, {ATTR}.",
    ),
}

TOLL = (
    "The death toll from the {EV} in {REG} rose to {Q}{N} {DT}, {ATTR}.",
    "{QC}{N} people were killed in {REG}, according to {ORG}.",
    "{ORG} said {Q}{N} people had died in {REG}.",
    "{QC}{N} people have been confirmed dead in {REG}, {ATTR}.",
    "The number of people killed in {REG} has risen to {Q}{N}.",
    "{QC}{N} people are now known to have died in the {EV}.",
    "Officials put the death toll at {Q}{N} {DT}.",
    "The {EV} has killed {Q}{N} people in {REG}, {ATTR}.",
    "{QC}{N} people lost their lives in {REG}, {ATTR}.",
    "{ORG} raised the toll to {Q}{N} {DT}.",
    "With {Q}{N} people dead, it is the worst disaster to hit {REG} since {OLDYEAR}.",
    "The toll climbed to {Q}{N} {DT} as rescuers reached villages in {REG}.",
    "{QC}{N} people have died in {REG} since the {EV}, {ATTR}.",
    "Authorities said {Q}{N} people had been killed and hundreds injured in {REG}.",
    "{REG} officials said the number of dead had reached {Q}{N}.",
    "The {EV} left {Q}{N} people dead in {REG}.",
)

ARRESTS = (
    "Police in {CAP} have arrested {Q}{N} protesters since the summit opened, {ATTR}.",
    "{QC}{N} demonstrators have been detained in {CAP}, according to police.",
    "Police said {Q}{N} people had been arrested in {CAP} {DT}.",
    "The number of protesters detained in {CAP} rose to {Q}{N} {DT}.",
    "{QC}{N} protesters were held in {CAP}, {ATTR}.",
    "Riot police arrested {Q}{N} protesters in {CAP}, {ATTR}.",
    "{ORG} said {Q}{N} demonstrators had been detained in {CAP}.",
    "In all, {Q}{N} protesters have been arrested in {CAP}, officials said.",
    "Police have detained {Q}{N} protesters in {CAP}, a police spokesperson told reporters.",
    "{QC}{N} people have been arrested in {CAP} since clashes broke out near the conference centre.",
    "Officers arrested {Q}{N} demonstrators in {CAP}, {ATTR}.",
    "The police in {CAP} said they had arrested {Q}{N} protesters in total.",
    "{QC}{N} demonstrators remain in custody in {CAP}, {ATTR}.",
    "The tally of protesters arrested in {CAP} stood at {Q}{N} {DT}.",
    "Police said {Q}{N} protesters had been detained in {CAP} so far.",
)

ATTRIBUTIONS = ("officials said", "an aide told reporters", "the foreign ministry said in a statement",
                "according to state media", "a spokesperson said", "diplomats said", "a government source said",
                "the presidency said", "local media reported", "officials told reporters")

TRIP_FILLER = (
    "{CTRY} and {HOMECTRY} signed a trade agreement worth {BIG} million dollars in {MONTH} {OLDYEAR}, but "
    "much of it has yet to be carried out because of disputes over customs duties and fishing quotas.",
    "Bilateral trade reached {SMALL} billion dollars last year, according to customs figures, a rise of "
    "{PCT} percent that officials on both sides have held up as proof that the relationship is maturing.",
    "{L} last visited {HOMECTRY} in {MONTH} {OLDYEAR}, a trip remembered mostly for a row over a pipeline "
    "that was eventually settled by an international court.",
    "{V} met {L} briefly at a regional forum in {OTHERCAP} last {MONTH}, where the two exchanged "
    "pleasantries but did not hold formal talks, diplomats recalled.",
    "Parliament in {CAP} is due to vote on the budget on {OTHERDAY}, and the opposition has threatened to "
    "block it unless spending on hospitals is raised.",
    "Elections are due in {CTRY} in {MONTH} {NEXTYEAR}, and polls suggest the governing coalition could "
    "lose its majority for the first time since {OLDYEAR}.",
    "{CTRY}, a country of about {SMALL} million people, has courted foreign investors with tax breaks and a "
    "new deep-water port that opened in {OLDYEAR}.",
    "Last week, the central bank of {CTRY} raised interest rates by {PCT} percentage points, its third "
    "increase this year, as inflation remained stubbornly high.",
    "{ORG} was founded in {OLDYEAR} and has {SMALL} member states, although several of them have "
    "stopped paying their contributions in full.",
    "Opposition groups have criticised the trip, saying it rewards a government accused of jailing "
    "journalists and silencing critics ahead of the elections.",
    "The two countries restored diplomatic relations in {OLDYEAR} after a decade-long dispute over a "
    "stretch of river border that both still claim on their official maps.",
    "Some {BIG} {HOMEADJ} nationals live and work in {CTRY}, most of them in construction and in the "
    "hotels along the coast, according to the labour ministry.",
    "A border agreement signed on {OLDDATE} has never been ratified by either parliament, and patrol boats "
    "of the two navies still shadow each other in the disputed waters.",
    "Analysts said the visit was mostly symbolic, but that it could unlock a long-delayed loan for a "
    "railway line that would link the two capitals.",
    "\"We are neighbours, and neighbours must talk, even when they disagree,\" {SPOKES} told reporters "
    "travelling with the delegation.",
    "{SPOKES}, a spokesperson for {V}, said the agenda had been agreed weeks in advance and would include "
    "energy, migration and the security of shipping lanes.",
    "The ministry did not say how long the talks would last or whether a joint statement would be issued "
    "at the end of them.",
    "Inflation in {CTRY} stood at {PCT} percent in {MONTH}, the statistics office said, driven by the cost "
    "of food and imported fuel.",
    "The last visit of this kind, in {OLDYEAR}, ended without a joint statement after the two sides failed "
    "to agree on the wording of a paragraph on human rights.",
    "Security was tight around the government quarter of {CAP}, where police closed several streets and "
    "set up checkpoints near the main hotels.",
)

DISASTER_FILLER = (
    "More than {HUNDREDS} soldiers were deployed to {REG} to clear roads blocked by debris and to help "
    "distribute food, water and blankets to families sleeping outdoors.",
    "Some {BIG} homes were destroyed or left uninhabitable, {ATTR}, and many families have moved in with "
    "relatives in neighbouring districts.",
    "In {OLDYEAR}, a similar disaster killed {SMALL}0 people in the same area, prompting promises of stricter "
    "building rules that critics say were never enforced.",
    "The government declared a {SMALL}-day state of emergency in {REG}, allowing it to requisition vehicles "
    "and to speed up the purchase of relief supplies.",
    "{ORG} pledged {SMALL} million dollars in emergency aid, and neighbouring countries offered to send "
    "rescue teams with sniffer dogs.",
    "Television footage showed residents of {TOWN} digging through rubble with their bare hands as "
    "firefighters set up field tents outside the damaged hospital.",
    "\"Every hour counts. There are places where the road simply no longer exists,\" {OFFICIAL} told "
    "local radio.",
    "{OFFICIAL} said search teams had reached all the affected districts by nightfall, although some "
    "villages could only be reached on foot.",
    "Schools in {TOWN} will stay closed until {OTHERDATE}, the education ministry said, and several of them "
    "are being used as shelters.",
    "More than {BIG} people were evacuated from low-lying areas, {ATTR}, amid fears that more rain could "
    "fall in the coming days.",
    "Aid agencies warned of a shortage of clean water and tents, and said the cold nights posed a danger "
    "to the elderly and to young children.",
    "The region was last hit this hard in {OLDYEAR}, when much of the old town had to be rebuilt with "
    "money from abroad.",
    "Last week, forecasters had warned of severe weather in the region, but many residents said they had "
    "received no alert on their phones.",
    "Hospitals in {TOWN} treated more than {HUNDREDS} people for their injuries, and the most serious cases "
    "were flown to the capital.",
    "{MINISTER} is due to visit {TOWN} on {OTHERDAY}, {ATTR}, after criticism that the government had been "
    "slow to respond.",
    "Many of the victims lived in older buildings that did not meet current codes, according to engineers "
    "who inspected the damage.",
    "The national rail operator said buses would replace trains until further notice while engineers "
    "inspect bridges and embankments along the line.",
    "Volunteers from across {CTRY} have arrived with food and blankets, and a collection organised by "
    "football clubs raised {SMALL} million in a single weekend.",
)

SUMMIT_FILLER = (
    "The summit of {ORG} brings together leaders of {SMALL} member states, who are expected to sign a "
    "declaration on shipping and energy security.",
    "The summit was first held in {OLDYEAR} and has since become the main regular meeting of the region's "
    "heads of government.",
    "Security was tight in {CAP}, where {BIG} police officers have been deployed and the area around the "
    "conference centre has been sealed off.",
    "Protesters marched through central {CAP}, demanding action on living costs and carrying banners "
    "critical of the host government.",
    "The final communique is expected to mention energy security, but diplomats said the language on "
    "fisheries was still being negotiated.",
    "{HOST} has made regional trade the theme of the summit, hoping to revive a customs union that stalled "
    "in {OLDYEAR}.",
    "Last week, finance ministers met to prepare the summit's agenda, but they failed to agree on a common "
    "position on debt relief.",
    "\"This summit must deliver results that people can feel in their daily lives,\" {SPOKES} told "
    "reporters.",
    "The previous summit, in {OLDYEAR}, ended without agreement on fisheries after a late-night walkout by "
    "two delegations.",
    "Delegations have booked most of the hotel rooms in {CAP}, local media reported, and prices have "
    "tripled for the duration of the summit.",
    "Members of {ORG} account for about {SMALL} percent of world trade, according to figures published "
    "by its secretariat.",
    "A trade deal between the two countries was signed in {MONTH} {OLDYEAR}, but it has not been fully "
    "ratified.",
    "The summit's host city spent {SMALL} million dollars on preparations, including a new conference "
    "centre and a renovated airport terminal.",
    "Several side events on climate finance are planned for {OTHERDAY}, when ministers are due to present "
    "a fund for coastal defences.",
)

HEADLINES = {
    "trip": ("{Vs} heads to {CAPL} on {NSTOPS}-nation tour", "{Vs} meets {Ls} in {CAPL}",
             "{Vs}'s tour: what to expect", "{Vs} in {CAPL} for talks on trade and security"),
    "disaster": ("Death toll rises after {EV} in {REG}", "{REG} {EV}: rescuers race against time",
                 "{EV_C} devastates {TOWN}", "Survivors count the cost of {REG} {EV}"),
    "summit": ("Leaders gather in {CAP} for {ORG} summit", "{Gs} meets {Hs} on summit sidelines",
               "Protests and talks as {CAP} hosts summit", "{ORG} summit opens in {CAP}"),
}


# ================================================================================================== events


@dataclass
class Fact:
    """One thing an event establishes, which an article may report: a claim, and how to write it."""

    claim: str
    kind: str
    title: str
    value: Value


@dataclass
class Event:
    id: str
    type: str  # trip, disaster, summit
    anchor: dt.date  # the first day of the event
    people: dict[str, Person]
    roles: dict[str, tuple[str, ...]]  # person key -> aliases (role descriptions)
    places: dict[str, Country]
    data: dict[str, Any]
    claims: list[dict[str, Any]] = field(default_factory=list)  # rule-file claims, in order
    facts: dict[str, Fact] = field(default_factory=dict)

    @property
    def rules_path(self) -> str:
        return f"rules/{self.id}.toml"


ROLES = ("Foreign Minister", "Prime Minister", "President")


def make_trip(eid: str, rng: random.Random, names: NameBook, anchor: dt.date) -> Event:
    home = names.country()
    visitor, spokes = names.person(), names.person()
    role = rng.choice(ROLES)
    stops = [names.country() for _ in range(rng.choice((2, 3, 3)))]
    leaders = [names.person() for _ in stops]
    leader_roles = [rng.choice(("President", "Prime Minister")) for _ in stops]
    meet_days, arrive_days = [], []
    day = anchor
    for _ in stops:
        arrive = day
        meet = arrive + dt.timedelta(days=rng.choice((0, 0, 1)))
        arrive_days.append(arrive)
        meet_days.append(meet)
        day = meet + dt.timedelta(days=rng.choice((1, 1, 2)))
    people = {"visitor": visitor, "spokes": spokes, **{f"leader{i}": p for i, p in enumerate(leaders)}}
    roles = {"visitor": (f"{home.adjective} {role}", f"{home.adjective} {role.lower()}"), "spokes": (),
             **{f"leader{i}": (f"{c.adjective} {r}", f"{c.adjective} leader")
                for i, (c, r) in enumerate(zip(stops, leader_roles, strict=True))}}
    event = Event(eid, "trip", anchor, people, roles, {"home": home, **{f"stop{i}": c for i, c in enumerate(stops)}},
                  {"role": role, "meet_days": meet_days, "arrive_days": arrive_days, "leader_roles": leader_roles,
                   "org": org_name(rng)})
    for i, leader in enumerate(leaders):
        cid = f"{eid}-meeting-{slug(leader.last)}"
        event.facts[f"meet{i}"] = Fact(cid, "date", f"Day {visitor.last} met {leader.last}", iso(meet_days[i]))
    last = len(stops) - 1
    event.facts["arrival"] = Fact(f"{eid}-arrival-{slug(stops[last].name)}", "date",
                                  f"Day {visitor.last} arrived in {stops[last].name}", iso(arrive_days[last]))
    event.facts["itinerary"] = Fact(f"{eid}-itinerary", "sequence", f"Order of {visitor.last}'s stops",
                                    [c.name for c in stops])
    event.facts["names"] = Fact(f"{eid}-names", "spelling", "Spelling of names", "")
    return event


DISASTER_NOUNS = {"earthquake": ("earthquake", "quake"), "flood": ("floods", "flooding"),
                  "crash": ("train crash", "collision", "derailment")}


def make_disaster(eid: str, rng: random.Random, names: NameBook, anchor: dt.date) -> Event:
    country = names.country()
    region = Country(names.region(), country.adjective, country.capital)
    towns = [names.town() for _ in range(2)]
    subtype = rng.choice(sorted(DISASTER_NOUNS))
    official, minister = names.person(), names.person()
    # A toll rises for a few days as the missing are found, then stays.
    toll = [rng.randint(18, 160)]
    for _ in range(9):
        toll.append(toll[-1] if len(toll) > 3 else int(toll[-1] * rng.uniform(1.12, 1.4)))
    people = {"official": official, "minister": minister}
    roles = {"official": ("civil defence chief", "head of civil defence"),
             "minister": (f"{country.adjective} Interior Minister", "interior minister")}
    event = Event(eid, "disaster", anchor, people, roles, {"country": country, "region": region},
                  {"subtype": subtype, "towns": towns, "toll": toll, "org": rng.choice(AGENCIES),
                   "mag": f"{rng.uniform(5.6, 7.4):.1f}"})
    event.facts["date"] = Fact(f"{eid}-{subtype}-date", "date", f"Day the {DISASTER_NOUNS[subtype][0]} struck",
                               iso(anchor))
    event.facts["toll"] = Fact(f"{eid}-death-toll", "count", f"People killed in the {region.name} {subtype}",
                               str(toll[-1]))
    event.facts["names"] = Fact(f"{eid}-names", "spelling", "Spelling of names", "")
    return event


def make_summit(eid: str, rng: random.Random, names: NameBook, anchor: dt.date) -> Event:
    host_country = names.country()
    host, spokes = names.person(), names.person()
    guests = [names.person() for _ in range(rng.choice((1, 2)))]
    guest_countries = [names.country() for _ in guests]
    arrive_days = [anchor - dt.timedelta(days=rng.choice((0, 1))) for _ in guests]
    meet_days = [anchor + dt.timedelta(days=rng.choice((0, 1, 2))) for _ in guests]
    arrests = [rng.randint(12, 90)]
    for _ in range(9):
        arrests.append(arrests[-1] if len(arrests) > 3 else int(arrests[-1] * rng.uniform(1.12, 1.4)))
    people = {"visitor0": guests[0], "host": host, "spokes": spokes,
              **({"visitor1": guests[1]} if len(guests) > 1 else {})}
    host_role = rng.choice(("President", "Prime Minister"))
    roles = {"host": (f"{host_country.adjective} {host_role}", f"{host_country.adjective} leader"), "spokes": (),
             **{f"visitor{i}": (f"{c.adjective} President", f"{c.adjective} leader")
                for i, c in enumerate(guest_countries)}}
    org = org_name(rng)
    event = Event(eid, "summit", anchor, people, roles, {"venue": host_country,
                                                         **{f"guest{i}": c for i, c in enumerate(guest_countries)}},
                  {"arrive_days": arrive_days, "meet_days": meet_days, "arrests": arrests, "org": org,
                   "host_role": host_role})
    for i, guest in enumerate(guests):
        event.facts[f"meet{i}"] = Fact(f"{eid}-talks-{slug(guest.last)}", "date",
                                       f"Day {host.last} held talks with {guest.last}", iso(meet_days[i]))
        event.facts[f"arrival{i}"] = Fact(f"{eid}-arrival-{slug(guest.last)}", "date",
                                          f"Day {guest.last} arrived in {host_country.capital}", iso(arrive_days[i]))
    event.facts["arrests"] = Fact(f"{eid}-arrests", "count", f"Protesters arrested in {host_country.capital}",
                                  str(arrests[-1]))
    event.facts["names"] = Fact(f"{eid}-names", "spelling", "Spelling of names", "")
    return event


AGENCIES = ("National Disaster Management Agency", "Civil Protection Directorate", "national emergency service",
            "Ministry of Health", "regional governor's office", "Office for Emergency Coordination",
            "national fire and rescue service")


def org_name(rng: random.Random) -> str:
    return f"{rng.choice(ORG_WORDS[0])} {rng.choice(ORG_WORDS[1])}"


# ================================================================================================== rule files


def toml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items()) + " }"
    return toml_string(str(value))


def person_entity(key: str, person: Person, aliases: Sequence[str]) -> dict[str, Any]:
    return {"kind": "person", "name": person.full, "variants": [person.last], "aliases": list(aliases)}


def rules_for(event: Event) -> str:
    """The rule file of an event: entities, claims, and examples written for it (in the event's own names, as a
    rule author would write them), which `factcheck rules test` runs."""
    eid = event.id
    entities: dict[str, dict[str, Any]] = {}
    assert not set(event.people) & set(event.places), "person and place keys must differ: they become entity ids"
    for key, person in event.people.items():
        entities[f"{eid}-{key}"] = person_entity(key, person, event.roles.get(key, ()))
    claims: list[dict[str, Any]] = []
    ref = event.anchor + dt.timedelta(days=400)  # examples live on their own calendar, far from the articles'
    monday = ref - dt.timedelta(days=ref.weekday())
    if event.type in ("trip", "summit"):
        for key, country in event.places.items():
            entities[f"{eid}-{key}"] = {"kind": "place", "name": country.name,
                                        "aliases": [country.capital, f"{country.adjective} capital"]}
    if event.type == "trip":
        visitor = event.people["visitor"]
        stops = [k for k in event.places if k.startswith("stop")]
        for i, stop in enumerate(stops):
            leader, country = event.people[f"leader{i}"], event.places[stop]
            claims.append({
                "id": event.facts[f"meet{i}"].claim, "kind": "date", "title": event.facts[f"meet{i}"].title,
                "who": f"{eid}-visitor", "event": "meeting", "with": f"{eid}-leader{i}", "place": f"{eid}-{stop}",
                "examples": [
                    {"text": f"{visitor.last} held talks with {leader.full} in {country.capital} on Tuesday.",
                     "published": iso(monday + dt.timedelta(days=3)), "value": iso(monday + dt.timedelta(days=1))},
                    {"text": f"{leader.last} met business leaders from abroad on Tuesday.",
                     "published": iso(monday + dt.timedelta(days=3)), "expect": "nothing"}]})
        last = stops[-1]
        country = event.places[last]
        claims.append({
            "id": event.facts["arrival"].claim, "kind": "date", "title": event.facts["arrival"].title,
            "who": f"{eid}-visitor", "event": "arrival", "place": f"{eid}-{last}",
            "examples": [
                {"text": f"{visitor.last} landed in {country.capital} on Wednesday evening.",
                 "published": iso(monday + dt.timedelta(days=4)), "value": iso(monday + dt.timedelta(days=2))},
                {"text": f"{visitor.last} left {country.capital} for home on Wednesday.",
                 "published": iso(monday + dt.timedelta(days=4)), "expect": "nothing"}]})
        a, b = event.places[stops[0]], event.places[stops[1]]
        claims.append({
            "id": event.facts["itinerary"].claim, "kind": "sequence", "title": event.facts["itinerary"].title,
            "who": f"{eid}-visitor", "stops": [f"{eid}-{s}" for s in stops],
            "examples": [
                {"text": f"After talks in {a.capital}, {visitor.last} flew on to {b.capital}.",
                 "published": iso(monday), "value": [a.name, b.name]},
                {"text": f"{a.name} and {b.name} have disputed their maritime border for years.",
                 "published": iso(monday), "expect": "nothing"}]})
    elif event.type == "disaster":
        region, country = event.places["region"], event.places["country"]
        towns = event.data["towns"]
        entities[f"{eid}-region"] = {"kind": "place", "name": region.name, "aliases": list(towns)}
        subtype = event.data["subtype"]
        noun = DISASTER_NOUNS[subtype][0]
        verb = {"earthquake": "struck", "flood": "hit", "crash": "happened"}[subtype]
        claims.append({
            "id": event.facts["date"].claim, "kind": "date", "title": event.facts["date"].title,
            # A disaster has no one at its centre, but many disasters share one corpus: the region stands in for
            # "who", so that a sentence must name it (or a town of it) to give the day of this disaster.
            "who": f"{eid}-region", "event": "incident",
            "examples": [
                {"text": f"The {noun} {verb} {region.name} before dawn on Saturday.",
                 "published": iso(monday), "value": iso(monday - dt.timedelta(days=2))},
                {"text": f"Officials in {region.name} said on Friday that schools would stay closed.",
                 "published": iso(monday), "expect": "nothing"}]})
        claims.append({
            "id": event.facts["toll"].claim, "kind": "count", "title": event.facts["toll"].title,
            "counted": ["people", "dead", "victims", "toll", "deaths"], "event": "killed", "place": f"{eid}-region",
            "since": iso(event.anchor), "cumulative": True,
            "examples": [
                {"text": f"At least 25 people were killed in {region.name}, officials said.",
                 "published": iso(event.anchor + dt.timedelta(days=1)), "value": ">=25"},
                {"text": f"More than 300 soldiers were sent to {towns[0]}.",
                 "published": iso(event.anchor + dt.timedelta(days=1)), "expect": "nothing"}]})
    else:  # summit
        host, host_country = event.people["host"], event.places["venue"]
        guests = [k for k in event.people if k.startswith("visitor")]
        for i, key in enumerate(guests):
            guest = event.people[key]
            claims.append({
                "id": event.facts[f"meet{i}"].claim, "kind": "date", "title": event.facts[f"meet{i}"].title,
                "who": f"{eid}-{key}", "event": "meeting", "with": f"{eid}-host", "place": f"{eid}-venue",
                "examples": [
                    {"text": f"{guest.last} held talks with {host.full} in {host_country.capital} on Tuesday.",
                     "published": iso(monday + dt.timedelta(days=3)), "value": iso(monday + dt.timedelta(days=1))},
                    {"text": f"{host.last} met trade unions on Tuesday.",
                     "published": iso(monday + dt.timedelta(days=3)), "expect": "nothing"}]})
            claims.append({
                "id": event.facts[f"arrival{i}"].claim, "kind": "date", "title": event.facts[f"arrival{i}"].title,
                "who": f"{eid}-{key}", "event": "arrival", "place": f"{eid}-venue",
                "examples": [
                    {"text": f"{guest.last} landed in {host_country.capital} on Wednesday evening.",
                     "published": iso(monday + dt.timedelta(days=4)), "value": iso(monday + dt.timedelta(days=2))},
                    {"text": f"{guest.last} left {host_country.capital} on Wednesday.",
                     "published": iso(monday + dt.timedelta(days=4)), "expect": "nothing"}]})
        claims.append({
            "id": event.facts["arrests"].claim, "kind": "count", "title": event.facts["arrests"].title,
            "counted": ["protesters", "demonstrators", "people"], "event": "arrested", "place": f"{eid}-venue",
            "since": iso(min(event.data["arrive_days"])), "cumulative": True,
            "examples": [
                {"text": f"Police said at least 30 protesters had been arrested in {host_country.capital}.",
                 "published": iso(event.anchor + dt.timedelta(days=1)), "value": ">=30"},
                {"text": f"About 5,000 protesters marched through {host_country.capital}.",
                 "published": iso(event.anchor + dt.timedelta(days=1)), "expect": "nothing"}]})
    some = next(iter(event.people.values()))
    claims.append({
        "id": event.facts["names"].claim, "kind": "spelling", "title": event.facts["names"].title,
        "entities": [f"{eid}-{key}" for key in event.people],
        "examples": [
            {"text": f"The statement was signed by {some.first} {misspell(some.last, random.Random(eid))}.",
             "published": iso(monday), "value": f"{some.first} {misspell(some.last, random.Random(eid))}"},
            {"text": f"{some.full} spoke to reporters.", "published": iso(monday), "expect": "nothing"}]})
    event.claims = claims
    lines = [f"# Synthetic {event.type} {eid} (generated by benchmarks/synthetic.py; every name is invented).", ""]
    for entity_id, entity in entities.items():
        lines.append(f"[entities.{entity_id}]")
        lines += [f"{k} = {toml_value(v)}" for k, v in entity.items() if v != []]
        lines.append("")
    for claim in claims:
        lines.append("[[claims]]")
        for key, value in claim.items():
            if key == "examples":
                lines.append("examples = [")
                lines += [f"  {toml_value(example)}," for example in value]
                lines.append("]")
            else:
                lines.append(f"{key} = {toml_value(value)}")
        lines.append("")
    return "\n".join(lines)


def misspell(surname: str, rng: random.Random) -> str:
    """A near miss a tired sub-editor makes: two inner letters swapped, or one doubled; never the first letter,
    which factcheck (like readers) takes as the start of another name."""
    for _ in range(50):
        i = rng.randrange(1, len(surname) - 1)
        if rng.random() < 0.5 and surname[i] != surname[i + 1] and surname[i + 1].isalpha():
            wrong = surname[:i] + surname[i + 1] + surname[i] + surname[i + 2:]
        else:
            wrong = surname[:i + 1] + surname[i] + surname[i + 1:]
        if wrong != surname and surname[i].isalpha():
            return wrong
    return surname + surname[-1]


# ================================================================================================== articles


@dataclass
class Plan:
    """An article before it is written: its id, outlet, date, the facts it reports, and what it gets wrong."""

    id: str
    event: Event
    published: dt.date
    source: str
    facts: list[str]  # keys of event.facts, the lead first
    wrong: dict[str, Any] = field(default_factory=dict)  # fact key -> the article's (wrong) belief
    style: str = "front"  # front matter, or the " date YYYY-MM-DD" seed header with a dateline
    group: str = ""  # a subfolder ("part-02/") when an event has more articles than a folder should hold
    open_figures: bool = False  # whether it gives figures as lower bounds only ("at least 40"), which no later
    # figure can contradict from below


class Writer:
    """Writes one article: keeps track of who was already named, so that later mentions are short."""

    def __init__(self, plan: Plan, rng: random.Random) -> None:
        self.plan, self.rng, self.event = plan, rng, plan.event
        self.named: set[str] = set()
        self.misspelt: dict[str, str] = {}
        if "names" in plan.wrong:
            key, wrong_last = plan.wrong["names"]
            self.misspelt[key] = wrong_last

    def person(self, key: str, *, subject: bool = False) -> str:
        person = self.event.people[key]
        last = self.misspelt.get(key, person.last)
        full = f"{person.first} {last}"
        aliases = self.event.roles.get(key, ())
        if key not in self.named:
            self.named.add(key)
            if aliases and self.rng.random() < 0.5:
                return f"{aliases[0]} {full}"
            return full
        options = [last, last, full]
        if len(aliases) > 1:
            options.append(f"the {aliases[1]}")
        return self.rng.choice(options)

    def attribution(self) -> str:
        return self.rng.choice(ATTRIBUTIONS)

    def day(self, day: dt.date, **kwargs: Any) -> DatePhrase:
        return date_phrase(day, self.plan.published, self.rng, **kwargs)

    def fill(self, template: str, values: dict[str, Any]) -> str:
        """Fills only the fields the template uses, in order, so that people are named in the order they appear
        (the first mention is the full name)."""
        def one(match: re.Match[str]) -> str:
            value = values[match.group(1)]
            return value() if callable(value) else str(value)
        text = re.sub(r"\{(\w+)\}", one, template)
        return text[0].upper() + text[1:]


def common_values(w: Writer) -> dict[str, Any]:
    rng, event = w.rng, w.event
    year = w.plan.published.year
    return {
        "ATTR": w.attribution, "ORG": lambda: "the " + event.data["org"],
        "OLDYEAR": lambda: str(year - rng.randint(3, 40)), "NEXTYEAR": str(year + 1),
        "MONTH": lambda: rng.choice(MONTHS), "BIG": lambda: fmt_number(rng.randint(12, 95) * 100),
        "SMALL": lambda: str(rng.randint(2, 60)), "HUNDREDS": lambda: fmt_number(rng.randint(2, 40) * 100),
        "PCT": lambda: f"{rng.randint(1, 9)}.{rng.randint(0, 9)}",
        "OLDDATE": lambda: f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {year - rng.randint(5, 30)}",
        # Another day, far from the event's, for unrelated plans ("the budget vote on ...").
        "OTHERDAY": lambda: (lambda d: f"{MONTHS[d.month - 1]} {d.day}")(
            w.plan.published + dt.timedelta(days=rng.randint(12, 40))),
        "OTHERDATE": lambda: (lambda d: f"{d.day} {MONTHS[d.month - 1]}")(
            w.plan.published + dt.timedelta(days=rng.randint(12, 40))),
    }


def tense_of(day: dt.date, published: dt.date) -> str:
    """A day after publication is written as a plan; the publication day itself as a report (filed that evening)."""
    return "future" if day > published else "past"


def trip_sentences(w: Writer, fact: str) -> list[str]:
    """Sentences for one fact of a trip (or of a summit guest: the same shapes, with the host as the other party)."""
    plan, event, rng = w.plan, w.event, w.rng
    base = common_values(w)
    if event.type == "trip":
        visitor_key = "visitor"
        index = int(fact[-1]) if fact[-1].isdigit() else len([k for k in event.places if k.startswith("stop")]) - 1
        other_key, place = f"leader{index}", event.places[f"stop{index}"]
        vrole = event.roles["visitor"][1]
    else:
        index = int(fact[-1])
        visitor_key, other_key, place = f"visitor{index}", "host", event.places["venue"]
        vrole = event.roles[visitor_key][1]
    values = {**base, "V": lambda: w.person(visitor_key, subject=True), "L": lambda: w.person(other_key),
              "CAP": place.capital, "CTRY": place.name, "VROLE": vrole,
              "PRON": event.people[visitor_key].pronoun, "POSS": event.people[visitor_key].possessive}
    if fact.startswith("meet"):
        day = plan.wrong.get(fact, dt.date.fromisoformat(event.facts[fact].value))
        templates = MEETING_FUTURE if tense_of(day, plan.published) == "future" else MEETING_PAST
    else:  # arrival
        day = plan.wrong.get(fact, dt.date.fromisoformat(event.facts[fact].value))
        templates = ARRIVAL_FUTURE if tense_of(day, plan.published) == "future" else ARRIVAL_PAST
    phrase = w.day(day)
    values.update({"D": phrase.inline, "D0": phrase.initial, "DB": phrase.bare})
    arrives_that_day = event.data["arrive_days"][index] == event.data["meet_days"][index]
    # "travel to X to meet Y on Friday", "after arriving in X, met Y on Friday" also date the arrival: only where
    # the visitor does arrive that day.
    usable = [t for t in templates if arrives_that_day or not re.search(r"travel to|After arriving", t)]
    return [w.fill(rng.choice(usable), values)]


def itinerary_sentences(w: Writer) -> list[str]:
    plan, event, rng = w.plan, w.event, w.rng
    stops = [event.places[k] for k in event.places if k.startswith("stop")]
    order = plan.wrong.get("itinerary", [c.name for c in stops])
    by_name = {c.name: c for c in stops}
    ordered = [by_name[name] for name in order]
    # An article with a swapped itinerary tells the swapped pair, else the error would not be in the text.
    i = plan.wrong.get("itinerary_pair", rng.randrange(len(ordered) - 1))
    # The pair is told as done once the later stop has been reached, else as planned.
    arrive_days = event.data["arrive_days"]
    later_index = [c.name for c in stops].index(ordered[i + 1].name)
    templates = ITINERARY_PAST if arrive_days[later_index] <= plan.published else ITINERARY_FUTURE
    values = {**common_values(w), "V": lambda: w.person("visitor", subject=True),
              "A": rng.choice((ordered[i].capital, ordered[i].name)),
              "B": rng.choice((ordered[i + 1].capital, ordered[i + 1].name)),
              "POSS": event.people["visitor"].possessive, "PRON": event.people["visitor"].pronoun}
    return [w.fill(rng.choice(templates), values)]


def disaster_sentences(w: Writer, fact: str) -> list[str]:
    plan, event, rng = w.plan, w.event, w.rng
    region, towns = event.places["region"], event.data["towns"]
    subtype = event.data["subtype"]
    values = {**common_values(w), "REG": region.name, "TOWN": rng.choice(towns), "MAG": event.data["mag"],
              "DEPTH": str(rng.randint(8, 60)), "EV": rng.choice(DISASTER_NOUNS[subtype])}
    if fact == "date":
        day = plan.wrong.get("date", event.anchor)
        phrase = w.day(day)
        values.update({"D": phrase.inline, "D0": phrase.initial, "DB": phrase.bare})
        return [w.fill(rng.choice(INCIDENT_PAST[subtype]), values)]
    return [figure_sentence(w, TOLL, "toll", event.data["toll"], event.anchor, values)]


def figure_sentence(w: Writer, templates: Sequence[str], fact: str, series: list[int], start: dt.date,
                    values: dict[str, Any]) -> str:
    """A cumulative figure as of the publication day (or, said so, of the day before), with a qualifier."""
    plan, rng = w.plan, w.rng
    as_of = plan.published
    template = rng.choice(templates)
    if "{DT}" in template and rng.random() < 0.3 and (plan.published - start).days >= 1:
        as_of = plan.published - dt.timedelta(days=1)
    true = series[min(max((as_of - start).days, 0), len(series) - 1)]
    if fact in plan.wrong:
        qualifier, number = plan.wrong[fact]
        as_of = plan.published
    else:
        qualifier, number = count_phrase(true, rng, plan.open_figures)
    if as_of == plan.published:
        when = rng.choice(("", "", f"on {WEEKDAYS[as_of.weekday()]}")) if (as_of - start).days else ""
    else:
        when = w.day(as_of, daypart=False).inline
    values = {**values, "Q": qualifier, "QC": qualifier.capitalize() if qualifier else "", "N": number, "DT": when}
    text = w.fill(template, values)
    return re.sub(r" +([,.])", r"\1", re.sub(r"  +", " ", text))


def summit_arrests_sentence(w: Writer) -> str:
    event = w.event
    values = {**common_values(w), "CAP": event.places["venue"].capital}
    return figure_sentence(w, ARRESTS, "arrests", event.data["arrests"], min(event.data["arrive_days"]), values)


def filler_sentences(w: Writer, count: int) -> list[str]:
    event, rng = w.event, w.rng
    base = common_values(w)
    if event.type == "trip":
        i = rng.randrange(len([k for k in event.places if k.startswith("stop")]))
        place, home = event.places[f"stop{i}"], event.places["home"]
        others = [c for k, c in event.places.items() if k.startswith("stop") and c is not place]
        values = {**base, "V": lambda: w.person("visitor"), "L": lambda: w.person(f"leader{i}"),
                  "CAP": place.capital, "CTRY": place.name, "HOMECTRY": home.name, "HOMEADJ": home.adjective,
                  "OTHERCAP": (others[0] if others else home).capital,
                  "SPOKES": lambda: w.person("spokes")}
        pool = TRIP_FILLER
    elif event.type == "disaster":
        values = {**base, "REG": event.places["region"].name, "TOWN": rng.choice(event.data["towns"]),
                  "CTRY": event.places["country"].name, "OFFICIAL": lambda: w.person("official"),
                  "MINISTER": lambda: w.person("minister")}
        pool = DISASTER_FILLER
    else:
        values = {**base, "CAP": event.places["venue"].capital, "HOST": lambda: w.person("host"),
                  "SPOKES": lambda: w.person("spokes")}
        pool = SUMMIT_FILLER
    chosen = rng.sample(range(len(pool)), min(count, len(pool)))
    return [w.fill(pool[i], values) for i in chosen]


def headline(w: Writer) -> str:
    event, rng = w.event, w.rng
    values: dict[str, Any] = {"ORG": event.data["org"]}
    if event.type == "trip":
        stops = [event.places[k] for k in event.places if k.startswith("stop")]
        values.update({"Vs": event.people["visitor"].last, "Ls": event.people["leader0"].last,
                       "CAPL": stops[0].capital, "NSTOPS": {2: "two", 3: "three"}[len(stops)]})
    elif event.type == "disaster":
        noun = DISASTER_NOUNS[event.data["subtype"]][0]
        values.update({"EV": noun, "EV_C": noun.capitalize(), "REG": event.places["region"].name,
                       "TOWN": event.data["towns"][0]})
    else:
        values.update({"CAP": event.places["venue"].capital, "Gs": event.people["visitor0"].last,
                       "Hs": event.people["host"].last})
    return rng.choice(HEADLINES[event.type]).format(**values)


def fact_sentences(w: Writer, fact: str) -> list[str]:
    if fact == "itinerary":
        return itinerary_sentences(w)
    if w.event.type == "disaster":
        return disaster_sentences(w, fact)
    if fact == "arrests":
        return [summit_arrests_sentence(w)]
    return trip_sentences(w, fact)


def write_article(plan: Plan, rng: random.Random) -> str:
    w = Writer(plan, rng)
    event = plan.event
    body: list[str] = [s for fact in plan.facts for s in fact_sentences(w, fact)]
    if "names" in plan.wrong and not any(plan.wrong["names"][1] in s for s in body):
        # The misspelt person is not named by the facts: a quote names them, so that the misspelling is there.
        key = plan.wrong["names"][0]
        body.append(f"\"We will keep working,\" {w.person(key)} told reporters.")
    # Wire stories come back to their main facts further down: some facts are told a second time.
    for fact in plan.facts:
        if rng.random() < 0.3:
            body += fact_sentences(w, fact)
    fillers = filler_sentences(w, 14)
    sentences = list(body)
    target_chars, target_sentences = rng.randint(900, MAX_CHARS - 300), rng.randint(7, MAX_SENTENCES)
    # Fillers are spread between the facts (never before the lead), enough to reach the story's length.
    while fillers and (len(sentences) < MIN_SENTENCES or len(" ".join(sentences)) < MIN_CHARS
                       or (len(sentences) < target_sentences and len(" ".join(sentences)) < target_chars)) \
            and len(sentences) < MAX_SENTENCES:
        position = rng.randint(1, len(sentences))
        sentences.insert(position, fillers.pop())
    while len(" ".join(sentences)) > MAX_CHARS - 150 and len(sentences) > MIN_SENTENCES:
        removable = [i for i, s in enumerate(sentences) if i and s not in body]
        if not removable:
            break
        sentences.pop(removable[-1])
    paragraphs: list[str] = []
    i = 0
    while i < len(sentences):
        take = 2 if i and rng.random() < 0.25 and i + 1 < len(sentences) else 1
        paragraphs.append(" ".join(sentences[i:i + take]))
        i += take
    capital = {"trip": lambda: event.places["stop0"].capital, "disaster": lambda: event.data["towns"][0],
               "summit": lambda: event.places["venue"].capital}[event.type]()
    if plan.style == "seed":
        dateline = f"{capital.upper()} ({plan.source}) — "
        return f" date {iso(plan.published)} {dateline}{paragraphs[0]}\n\n" + "\n\n".join(paragraphs[1:]) + "\n"
    front = (f"---\ndate: {iso(plan.published)}\ntitle: {headline(w)}\nsource: {plan.source}\n---\n")
    return front + "\n\n".join(paragraphs) + "\n"


# ================================================================================================== planning


def fact_days(event: Event, fact: str) -> dt.date | None:
    value = event.facts[fact].value
    return dt.date.fromisoformat(value) if event.facts[fact].kind == "date" else None


def plan_event_articles(event: Event, count: int, rng: random.Random, next_id: Callable[[Event, str, dt.date], str]
                        ) -> list[Plan]:
    plans: list[Plan] = []
    local = event.places.get("stop0") or event.places.get("venue") or event.places["country"]
    local_outlet = f"{local.capital.split()[0]} Herald"
    outlets = sorted(set(rng.sample(OUTLETS, 6)) | {local_outlet})
    if event.type == "trip":
        last_day = max(event.data["meet_days"])
        window = (event.anchor - dt.timedelta(days=6), last_day + dt.timedelta(days=3))
    elif event.type == "disaster":
        window = (event.anchor, event.anchor + dt.timedelta(days=6))
    else:
        window = (event.anchor - dt.timedelta(days=5), max(event.data["meet_days"]) + dt.timedelta(days=3))
    span = (window[1] - window[0]).days
    for _ in range(count):
        published = window[0] + dt.timedelta(days=rng.randint(0, span))
        source = rng.choice(outlets)
        facts = choose_facts(event, published, rng)
        plans.append(Plan(next_id(event, source, published), event, published, source, facts,
                          style=rng.choice(("front", "front", "seed")), open_figures=rng.random() < 0.4))
    return sorted(plans, key=lambda p: p.id)


def choose_facts(event: Event, published: dt.date, rng: random.Random) -> list[str]:
    """The facts an article reports: the one nearest its date first (the lead), others with some probability."""
    keys = [k for k in event.facts if k != "names"]
    if event.type == "trip":
        dated = [k for k in keys if k.startswith(("meet", "arrival"))]
        lead = min(dated, key=lambda k: (abs((fact_days(event, k) - published).days), k))
        others = [k for k in keys if k != lead and rng.random() < (0.7 if k == "itinerary" else 0.5)]
    elif event.type == "disaster":
        lead = rng.choice(("date", "toll"))
        others = [k for k in keys if k != lead and rng.random() < 0.85]
    else:
        dated = [k for k in keys if k.startswith(("meet", "arrival"))]
        lead = min(dated, key=lambda k: (abs((fact_days(event, k) - published).days), k))
        others = [k for k in keys if k != lead and rng.random() < (0.6 if k == "arrests" else 0.5)]
        if "arrests" in others and published < min(event.data["arrive_days"]):
            others.remove("arrests")  # no arrests before anyone has arrived
    rng.shuffle(others)
    return [lead, *others]


def inject(plans: list[Plan], events: list[Event], wanted: int, rng: random.Random) -> list[InjectedError]:
    """Chooses `wanted` articles and one fact each to get wrong, only where the rest of the corpus outvotes the
    error (enough other articles report the fact) and where the engine is meant to call it a conflict."""
    by_claim: dict[str, list[Plan]] = {}
    for plan in plans:
        for fact in plan.facts:
            by_claim.setdefault(plan.event.facts[fact].claim, []).append(plan)
    candidates: list[tuple[Plan, str]] = []
    for plan in plans:
        event = plan.event
        for fact in [*plan.facts, "names"]:
            claim = event.facts[fact].claim
            kind = event.facts[fact].kind
            if kind == "date":
                day = fact_days(event, fact)
                # Only a report can be wrong in a way the engine calls a conflict (a plan that changed is a warning).
                if day is None or day > plan.published - dt.timedelta(days=1) and day != plan.published:
                    continue
                # A plan that a report contradicts is a schedule that changed: only other reports (articles published
                # on or after the day) outvote a wrong report, and one against one blames neither.
                reports = [p for p in by_claim[claim] if p is not plan and p.published >= day]
                if len(by_claim[claim]) < 4 or len(reports) < 2:
                    continue
            elif kind == "sequence" and len(by_claim[claim]) < 4:
                continue
            elif kind == "count":
                start = event.anchor if fact == "toll" else min(event.data["arrive_days"])
                # A figure above the earlier ones is what a rising toll looks like: only articles of a later day (whose
                # figures are as of that day or the one before, never earlier than this article's) can contradict it.
                peers = [p for p in by_claim[claim] if p is not plan and p.published > plan.published
                         and not p.open_figures]
                if len(peers) < 2 or plan.published < start:
                    continue
            candidates.append((plan, fact))
    rng.shuffle(candidates)
    errors: list[InjectedError] = []
    used_articles: set[str] = set()
    per_claim: dict[str, int] = {}
    for plan, fact in candidates:
        if len(errors) >= wanted:
            break
        event = plan.event
        fact_record = event.facts[fact]
        cap = max(1, len(by_claim.get(fact_record.claim, [])) // 6)
        if plan.id in used_articles or per_claim.get(fact_record.claim, 0) >= cap:
            continue
        error = make_error(plan, fact, rng, [p for p in by_claim.get(fact_record.claim, []) if p is not plan])
        if error is None:
            continue
        used_articles.add(plan.id)
        per_claim[fact_record.claim] = per_claim.get(fact_record.claim, 0) + 1
        errors.append(error)
    return sorted(errors, key=lambda e: (e.article, e.claim))


def make_error(plan: Plan, fact: str, rng: random.Random, peers: Sequence[Plan] = ()) -> InjectedError | None:
    """The error of one article about one fact; `peers` are the other articles that report the fact."""
    event = plan.event
    record = event.facts[fact]
    path = article_path(plan)
    if record.kind == "date":
        true = dt.date.fromisoformat(record.value)
        shifts = [s for s in (-2, -1, 1, 2) if true + dt.timedelta(days=s) <= plan.published]
        shift = rng.choice(shifts)
        wrong = true + dt.timedelta(days=shift)
        plan.wrong[fact] = wrong
        how = f"day {'+' if shift > 0 else ''}{shift}"
        return InjectedError(plan.id, path, event.rules_path, record.claim, "date", iso(wrong), iso(true), how)
    if record.kind == "sequence":
        order = list(record.value)
        i = rng.randrange(len(order) - 1)
        order[i], order[i + 1] = order[i + 1], order[i]
        plan.wrong[fact] = order
        plan.wrong["itinerary_pair"] = i
        if fact not in plan.facts:
            plan.facts.append(fact)
        return InjectedError(plan.id, path, event.rules_path, record.claim, "sequence", order, list(record.value),
                             f"stops {i + 1} and {i + 2} swapped")
    if record.kind == "count":
        series = event.data["toll" if fact == "toll" else "arrests"]
        start = event.anchor if fact == "toll" else min(event.data["arrive_days"])
        true = series[min((plan.published - start).days, len(series) - 1)]
        # Far above the figure of the day, and of the last day of the articles that come after it: a toll does not
        # fall, so every later article contradicts it (one above the later figures only would be a rising toll).
        last = max([plan.published, *(p.published for p in peers)])
        ceiling = series[min((last - start).days, len(series) - 1)]
        wrong = round_to(int(max(true, ceiling) * rng.uniform(1.9, 2.6)), 10 if true >= 50 else 5, up=True)
        qualifier = rng.choice(("", "at least ", "more than "))
        plan.wrong[fact] = (qualifier, fmt_number(wrong))
        symbol = {"": "", "at least ": ">=", "more than ": ">"}[qualifier]
        return InjectedError(plan.id, path, event.rules_path, record.claim, "count", f"{symbol}{wrong}",
                             str(true), f"figure as of {iso(plan.published)} far above the true {true}")
    if record.kind == "spelling":
        key = rng.choice(sorted(event.people))
        person = event.people[key]
        wrong_last = misspell(person.last, rng)
        plan.wrong["names"] = (key, wrong_last)
        return InjectedError(plan.id, path, event.rules_path, record.claim, "spelling",
                             f"{person.first} {wrong_last}", person.full, "near-miss spelling of the surname")
    return None


def article_path(plan: Plan) -> str:
    return f"corpus/{plan.event.id}/{plan.group}{plan.id}.txt"


# ================================================================================================== generate


def template_words() -> list[str]:
    """The capitalised words the templates write themselves ("Parliament", "Officials"): no surname may be a near
    miss of one."""
    texts = [*MEETING_PAST, *MEETING_FUTURE, *ARRIVAL_PAST, *ARRIVAL_FUTURE, *ITINERARY_PAST, *ITINERARY_FUTURE,
             *(t for group in INCIDENT_PAST.values() for t in group), *TOLL, *ARRESTS, *ATTRIBUTIONS, *TRIP_FILLER,
             *DISASTER_FILLER, *SUMMIT_FILLER, *WEEKDAYS, *MONTHS, *ROLES, *(w for pair in ORG_WORDS for w in pair),
             "Province Valley Interior Minister Foreign Prime President Herald Forum Centre civil defence"]
    return sorted({w for text in texts for w in re.findall(r"\b[A-Z][a-z]+", text)})


def generate(out_dir: Path, articles: int, events: int, seed: int = 0, conflict_rate: float = 0.05) -> Truth:
    """Writes a corpus of `articles` articles about `events` invented events, one rule file per event and the
    truth; returns the truth. Same arguments, same bytes."""
    if articles < 1 or events < 1:
        raise ValueError("articles and events must be at least 1")
    rng = random.Random(seed)
    names = NameBook(random.Random(seed * 7919 + 1), template_words())
    out_dir = Path(out_dir)
    makers = {"trip": make_trip, "disaster": make_disaster, "summit": make_summit}
    types = ["trip", "disaster", "summit"]
    event_list: list[Event] = []
    for i in range(events):
        kind = types[i % 3] if i < 3 else rng.choice(("trip", "trip", "disaster", "summit"))
        anchor = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randint(0, 6 * 365))
        names.new_story()
        event_list.append(makers[kind](f"e{i + 1:03d}-{kind}", rng, names, anchor))
    for event in event_list:
        event.data["rules_text"] = rules_for(event)
    counter = iter(range(1, 10 ** 9))

    def next_id(event: Event, source: str, published: dt.date) -> str:
        return f"{event.id}-{slug(source)}-{iso(published)}-{next(counter):05d}"

    shares = [articles // events + (1 if i < articles % events else 0) for i in range(events)]
    plans: list[Plan] = []
    for event, share in zip(event_list, shares, strict=True):
        event_plans = plan_event_articles(event, share, rng, next_id)
        for position, plan in enumerate(event_plans):
            if share > GROUP_SIZE:
                plan.group = f"part-{position // GROUP_SIZE + 1:02d}/"
        plans += event_plans
    errors = inject(plans, event_list, round(conflict_rate * articles), rng)

    rules_dir = out_dir / "rules"
    rules_dir.mkdir(parents=True, exist_ok=True)
    for event in event_list:
        (rules_dir / f"{event.id}.toml").write_text(event.data["rules_text"], encoding="utf-8")
    for plan in plans:
        text = write_article(plan, random.Random(f"{seed}:{plan.id}"))
        path = out_dir / article_path(plan)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    claims = tuple(ClaimTruth(f.claim, f.kind, e.id, e.rules_path, f.title, f.value, f.kind == "count",
                              count_series(e, key) if f.kind == "count" else {})
                   for e in event_list for key, f in e.facts.items())
    truth = Truth(
        seed=seed, conflict_rate=conflict_rate,
        events=tuple(event_summary(e) for e in event_list),
        articles=tuple(ArticleTruth(p.id, article_path(p), p.event.id, iso(p.published), p.source,
                                    tuple(p.event.facts[f].claim for f in (*p.facts, *(["names"] if "names" in p.wrong
                                                                                       else [])))) for p in plans),
        claims=claims, errors=tuple(errors))
    (out_dir / "truth.json").write_text(json.dumps(truth.to_json(), ensure_ascii=False, indent=1) + "\n",
                                        encoding="utf-8")
    return truth


def count_series(event: Event, fact: str) -> dict[str, int]:
    series = event.data["toll" if fact == "toll" else "arrests"]
    start = event.anchor if fact == "toll" else min(event.data["arrive_days"])
    return {iso(start + dt.timedelta(days=i)): n for i, n in enumerate(series)}


def event_summary(event: Event) -> dict[str, Any]:
    return {"id": event.id, "type": event.type, "anchor": iso(event.anchor), "rules": event.rules_path,
            "people": {k: p.full for k, p in event.people.items()},
            "places": {k: {"name": c.name, "capital": c.capital} for k, c in event.places.items()}}


# ================================================================================================== scoring


def _published(report: dict[str, Any]) -> dict[str, dt.date]:
    return {a["id"]: dt.date.fromisoformat(a["published"]) for a in report.get("articles", [])}


def _date_range(item: dict[str, Any]) -> tuple[dt.date, dt.date]:
    low = item.get("earliest")
    high = item.get("latest")
    if low is None and high is None and isinstance(item.get("value"), str):
        low = high = item["value"]
    return (dt.date.fromisoformat(low) if low else dt.date.min, dt.date.fromisoformat(high) if high else dt.date.max)


def _incompatible(kind: str, a: dict[str, Any], b: dict[str, Any], published: dict[str, dt.date],
                  cumulative: bool) -> bool:
    """Whether two statements cannot both hold, as the engine decides it (see factcheck/kinds/*.py), minus what it
    explains away (a plan published before a report that differs is a warning, not a conflict)."""
    if kind == "date":
        (a_low, a_high), (b_low, b_high) = _date_range(a), _date_range(b)
        if max(a_low, b_low) <= min(a_high, b_high):
            return False
        pa, pb = published.get(a["article"]), published.get(b["article"])
        explained = ((a.get("modality") == "planned" and pa and pb and pa < pb)
                     or (b.get("modality") == "planned" and pa and pb and pb < pa))
        return not explained
    if kind == "count":
        if cumulative and a["as_of"] != b["as_of"]:
            earlier, later = sorted((a, b), key=lambda s: s["as_of"])
            return later["high"] is not None and later["high"] < earlier["low"]
        return not ((a["high"] is None or a["high"] >= b["low"]) and (b["high"] is None or b["high"] >= a["low"]))
    if kind == "sequence":
        def pairs(order: list[str]) -> set[tuple[str, str]]:
            return {(x, y) for i, x in enumerate(order) for y in order[i + 1:]}
        return any((y, x) in pairs(b["value"]) for x, y in pairs(a["value"]))
    return False


def flagged_articles(finding: dict[str, Any], published: dict[str, dt.date], cumulative: bool,
                     new_articles: Sequence[str] = ()) -> set[str]:
    """The articles a finding blames.

    * spelling: every article of a finding with status "warning" or "conflict": factcheck reports a misspelling as
      a warning (a near miss is fuzzy evidence an editor confirms), and the misspelling is the article's own;
    * date, count, sequence: only findings with status "conflict"; an article is blamed when it is on the minority
      side of a disagreement. Values are not the unit here (a bound "<2022-04-27" agrees with "2022-04-26"; counts
      of different days differ without contradicting; partial orders differ without contradicting), so the
      minority is decided pair by pair: an article is blamed when it cannot agree with more articles than one of
      the articles it disagrees with can't agree with. With one-day values only this is "not the value most
      articles give"; a one-against-one disagreement blames neither;
    * with `check --new`, a finding is about its new article (its `focus`, else its first statement's article):
      that article is the one blamed.
    """
    status, kind = finding.get("status"), finding.get("kind")
    statements = finding.get("statements", [])
    if kind == "spelling":
        return {s["article"] for s in statements} if status in ("warning", "conflict") else set()
    if status != "conflict" or not statements:
        return set()
    if finding.get("focus") or new_articles:
        focus = finding.get("focus") or statements[0]["article"]
        return {focus}
    against: dict[str, set[str]] = {}
    for i, a in enumerate(statements):
        for b in statements[i + 1:]:
            if a["article"] != b["article"] and _incompatible(kind, a, b, published, cumulative):
                against.setdefault(a["article"], set()).add(b["article"])
                against.setdefault(b["article"], set()).add(a["article"])
    return {article for article, others in against.items()
            if any(len(others) > len(against[other]) for other in others)}


def score(report_json: dict[str, Any], truth: Truth) -> dict[str, Any]:
    """Precision and recall of the injected errors at the article level: a pair (article, claim) is flagged when
    a finding blames the article for the claim (see `flagged_articles`), and is right when an error was injected
    there. With a `check --new` report, only the new articles' errors are expected."""
    published = _published(report_json)
    cumulative = {c.id: c.cumulative for c in truth.claims}
    new_articles = list(report_json.get("new_articles") or [])
    flagged: set[tuple[str, str]] = set()
    for finding in report_json.get("findings", []):
        for article in flagged_articles(finding, published, cumulative.get(finding["claim"], False), new_articles):
            flagged.add((article, finding["claim"]))
    read = set(published) if published else {a.id for a in truth.articles}
    scope = set(new_articles) if new_articles else read
    injected = {(e.article, e.claim) for e in truth.errors if e.article in scope}
    found = flagged & injected
    precision = len(found) / len(flagged) if flagged else 1.0
    recall = len(found) / len(injected) if injected else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    kinds = {c.id: c.kind for c in truth.claims}
    by_kind: dict[str, dict[str, int]] = {}
    for article, claim in sorted(injected):
        entry = by_kind.setdefault(kinds.get(claim, "?"), {"injected": 0, "found": 0, "false_flags": 0})
        entry["injected"] += 1
        entry["found"] += (article, claim) in found
    for _, claim in sorted(flagged - injected):
        by_kind.setdefault(kinds.get(claim, "?"), {"injected": 0, "found": 0, "false_flags": 0})["false_flags"] += 1
    # Rules are global: every claim reads every article. A flag on an article of another event than the claim's is
    # a figure or day of one story read for another (see the report); counted apart so that the two causes of
    # false flags, misread templates and cross-story reading, can be told apart.
    event_of_article = {a.id: a.event for a in truth.articles}
    event_of_claim = {c.id: c.event for c in truth.claims}
    same_event = {(a, c) for a, c in flagged if event_of_article.get(a) == event_of_claim.get(c)}
    within_precision = len(found) / len(same_event) if same_event else 1.0
    return {
        "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
        "precision_within_events": round(within_precision, 4), "cross_event_flags": len(flagged - same_event),
        "injected": len(injected), "flagged": len(flagged), "true_positives": len(found),
        "by_kind": dict(sorted(by_kind.items())),
        "false_positives": [f"{a} {c}" for a, c in sorted(flagged - injected)],
        "missed": [f"{a} {c}" for a, c in sorted(injected - flagged)],
    }


def within_events(report_json: dict[str, Any], truth: Truth) -> dict[str, Any]:
    """The report as it would be if every claim read only the articles of its own event: statements of other
    events' articles are dropped. factcheck's rules are global (a count claim has no subject, and its `place` only
    turns down a figure scoped to another place right after it), so in a corpus of many stories one disaster's
    toll claim reads every other disaster's tolls; scoring this filtered report separates that from misreads."""
    event_of_article = {a.id: a.event for a in truth.articles}
    event_of_claim = {c.id: c.event for c in truth.claims}
    findings = []
    for finding in report_json.get("findings", []):
        event = event_of_claim.get(finding["claim"])
        kept = [s for s in finding.get("statements", []) if event_of_article.get(s["article"]) == event]
        if kept:
            findings.append({**finding, "statements": kept})
    return {**report_json, "findings": findings}


def false_flags(report_json: dict[str, Any], truth: Truth) -> list[dict[str, Any]]:
    """Every flagged (article, claim) pair that is no injected error, with what the article was read to say and
    the true value: the list to go through with `factcheck explain`."""
    result = score(report_json, truth)
    wrong = {tuple(item.split()) for item in result["false_positives"]}
    values = {c.id: c.value for c in truth.claims}
    rows = []
    for finding in report_json.get("findings", []):
        for item in finding.get("statements", []):
            if (item["article"], finding["claim"]) in wrong:
                rows.append({"article": item["article"], "path": item.get("path"), "claim": finding["claim"],
                             "quote": item.get("quote"), "read": item.get("value"),
                             "true": values.get(finding["claim"]),
                             "modality": item.get("modality"), "as_of": item.get("as_of")})
    return rows


def misreads(report_json: dict[str, Any], truth: Truth) -> list[dict[str, Any]]:
    """Statements whose value the article does not say: a day that is not the article's day for the claim (the
    true one, or the injected wrong one), a figure whose interval misses the true figure of its as-of day, an
    order that is not the article's, a statement about a claim of another event, or a claim the article does not
    report. Bounds that hold are not misreads. This is the list to go through with `factcheck explain`."""
    claims = {c.id: c for c in truth.claims}
    articles = {a.id: a for a in truth.articles}
    wrong = {(e.article, e.claim): e.wrong for e in truth.errors}
    rows = []
    for finding in report_json.get("findings", []):
        claim = claims.get(finding["claim"])
        if claim is None or claim.kind == "spelling":
            continue
        for item in finding.get("statements", []):
            article = articles.get(item["article"])
            expected: Any = wrong.get((item["article"], claim.id), claim.value)
            problem = None
            if article is None or article.event != claim.event:
                problem = "read for a claim of another event"
            elif claim.kind == "date":
                low, high = _date_range(item)
                if not low <= dt.date.fromisoformat(expected) <= high:
                    problem = "wrong day"
            elif claim.kind == "count":
                if (item["article"], claim.id) in wrong:
                    continue  # the injected figure; the scorer judges it
                true = claim.by_day.get(item["as_of"], int(claim.value) if item["as_of"] > max(claim.by_day)
                                        else None)
                if true is None or true < item["low"] or (item["high"] is not None and true > item["high"]):
                    problem = f"figure misses the true {true} as of {item['as_of']}"
            elif claim.kind == "sequence":
                order = list(expected)
                if [stop for stop in order if stop in item["value"]] != list(item["value"]):
                    problem = "wrong order"
            if problem:
                rows.append({"claim": claim.id, "article": item["article"], "path": item.get("path"),
                             "quote": item.get("quote"), "read": item.get("value"), "expected": expected,
                             "problem": problem, "explanation": item.get("explanation")})
    return rows


# ================================================================================================== naive baseline

_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’]))\s+(?=[\"“A-Z0-9])")


def _header(text: str) -> tuple[dt.date | None, str]:
    if text.startswith("---"):
        end = text.find("\n---", 3)
        match = re.search(r"^date:\s*(\d{4}-\d{2}-\d{2})", text[:end], re.M)
        return (dt.date.fromisoformat(match.group(1)) if match else None), text[end + 4:]
    match = re.match(r"\s*date\s+(\d{4}-\d{2}-\d{2})", text)
    return (dt.date.fromisoformat(match.group(1)) if match else None), text[match.end():] if match else text


def naive_baseline(corpus_dir: Path, rules_dir: Path) -> dict[str, Any]:
    """What a keyword-and-dateparser approach finds, as a report `score` reads.

    For each date claim (only date claims: the naive approach has no notion of counts, orders or spellings),
    the sentences of an article that contain a name (canonical, variant or alias; case-insensitive) of every
    entity the claim names (`who`, `with`, and for an arrival its `place`) are searched in order with
    dateparser.search.search_dates, relative to the publication date; the first date found is the article's value.
    A claim is a conflict when articles give different days, and each statement is written as a one-day date, so
    that `score` blames the articles of the minority days.
    """
    import tomllib

    from dateparser.search import search_dates

    entities: dict[str, list[str]] = {}
    claims: list[dict[str, Any]] = []
    for path in sorted(Path(rules_dir).rglob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for entity_id, entity in data.get("entities", {}).items():
            entities[entity_id] = [entity["name"], *entity.get("variants", []), *entity.get("aliases", [])]
        claims += [c for c in data.get("claims", []) if c.get("kind") == "date"]
    articles: list[tuple[str, str, dt.date, list[str]]] = []
    for path in sorted(Path(corpus_dir).rglob("*")):
        if path.suffix not in (".txt", ".md") or not path.is_file():
            continue
        published, body = _header(path.read_text(encoding="utf-8"))
        if published is None:
            continue
        sentences = [s for block in body.split("\n") for s in _SENTENCE_END.split(block) if s.strip()]
        articles.append((path.stem, str(path), published, sentences))
    findings = []
    for claim in claims:
        needed = [claim[k] for k in ("who", "with") if claim.get(k)]
        if claim.get("event") == "arrival" and claim.get("place"):
            needed.append(claim["place"])
        forms = [[f.casefold() for f in entities.get(e, [])] for e in needed]
        statements = []
        for article_id, path, published, sentences in articles:
            base = dt.datetime.combine(published, dt.time(12))
            for sentence in sentences:
                folded = sentence.casefold()
                if not all(any(f in folded for f in group) for group in forms):
                    continue
                found = search_dates(sentence, settings={"RELATIVE_BASE": base}) or []
                if found:
                    day = found[0][1].date().isoformat()
                    statements.append({"article": article_id, "path": path, "value": day, "earliest": day,
                                       "latest": day, "modality": "reported", "quote": sentence})
                    break
        if not statements:
            continue
        groups: dict[str, list[str]] = {}
        for s in statements:
            groups.setdefault(s["value"], []).append(s["article"])
        values = sorted(({"value": v, "articles": sorted(a)} for v, a in groups.items()),
                        key=lambda g: (-len(g["articles"]), g["value"]))
        findings.append({"claim": claim["id"], "kind": "date", "status": "conflict" if len(groups) > 1 else
                         "consistent", "values": values, "statements": statements})
    return {"schema": "naive-baseline/1", "findings": findings,
            "articles": [{"id": a, "path": p, "published": iso(d)} for a, p, d, _ in articles]}


# ================================================================================================== command line


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="output folder (corpus/, rules/, truth.json)")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--events", type=int, default=10)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--conflict-rate", type=float, default=0.05)
    parser.add_argument("--score", type=Path, metavar="REPORT_JSON",
                        help="instead of generating, score this factcheck JSON report against OUT/truth.json")
    parser.add_argument("--naive", action="store_true", help="score the naive dateparser baseline on OUT")
    args = parser.parse_args(argv)
    if args.score or args.naive:
        truth = Truth.load(args.out / "truth.json")
        if args.score:
            report = json.loads(args.score.read_text(encoding="utf-8"))
            figures = score(report, truth)
            within = score(within_events(report, truth), truth)
            print(json.dumps({key: figures[key] for key in ("precision", "recall", "f1", "injected", "flagged",
                                                            "true_positives", "cross_event_flags", "by_kind")},
                             indent=1))
            print("if claims read only their own event's articles: "
                  f"P {within['precision']}, R {within['recall']}, flagged {within['flagged']}")
        if args.naive:
            print(json.dumps(score(naive_baseline(args.out / "corpus", args.out / "rules"), truth), indent=1))
        return 0
    truth = generate(args.out, args.articles, args.events, args.seed, args.conflict_rate)
    sizes = [len((args.out / a.path).read_text(encoding="utf-8")) for a in truth.articles]
    by_kind: dict[str, int] = {}
    for error in truth.errors:
        by_kind[error.kind] = by_kind.get(error.kind, 0) + 1
    types: dict[str, int] = {}
    for event in truth.events:
        types[event["type"]] = types.get(event["type"], 0) + 1
    print(f"wrote {len(truth.articles)} articles about {len(truth.events)} events "
          f"({', '.join(f'{n} {t}' for t, n in sorted(types.items()))}) to {args.out}")
    print(f"  {len(truth.claims)} claims in {len(truth.events)} rule files; article size {min(sizes)}-{max(sizes)} "
          f"characters (mean {sum(sizes) // len(sizes)})")
    print(f"  {len(truth.errors)} injected errors: " + ", ".join(f"{n} {k}" for k, n in sorted(by_kind.items())))
    print(f"  truth: {args.out / 'truth.json'}")
    print(f"next: factcheck check {args.out / 'corpus'} --rules {args.out / 'rules'} --format json > r.json; "
          f"python3 {sys.argv[0]} {args.out} --score r.json")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
