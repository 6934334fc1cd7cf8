"""Presence claims: where a person is, day by day ("in Valdora on Tuesday, in Norvik on Thursday").

A person is placed on a day by what the articles say they did there, each day read as date claims read it
(kinds/date.py, the same machinery): a meeting at a place ("held talks with the chancellor in Valdora City on
Tuesday"), a visit ("visited Port Elm on Thursday"), an arrival or a departure ("landed in Norvik late Wednesday",
"left Valdora on Friday"), and the rule file's own date claims about the person that name a place (the day of a
meeting the rule holds in Valdora City). A bound ("on or before Wednesday") places no one on a day and is left out.

A person cannot be in two of the places a rule declares distinct on one day, unless they travelled that day: two
statements that put them in different places on the same day, neither of them an arrival or a departure, conflict.
When one of them is a plan published before the other, the schedule may have changed: a warning.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from types import MappingProxyType

import regex

from factcheck import language, patterns
from factcheck.claims import Claim, KeySpec, RuleSet, fold_name
from factcheck.findings import Statement, statement
from factcheck.kinds import Case, Kind, a_plan, articles_of_pairs, once_each, sources
from factcheck.kinds import date as date_kind
from factcheck.readers import events
from factcheck.readers.clauses import clause_of, relative_cues, segment_at
from factcheck.readers.names import Mention
from factcheck.readers.reading import Reading
from factcheck.trace import UNHEARD, Notes

# How a source of statements reads the place: the rule's own date claim says it, or the text names it after a
# movement, a visit or a meeting.
_RULE, _ARRIVAL, _DEPARTURE, _VISIT, _MEETING = "rule", "arrival", "departure", "visit", "meeting"
# Events of the rule's date claims that move a person: on their day the person may also have been elsewhere.
_MOVEMENTS = {"arrival": "arrival", "departure": "departure"}
# A journey ("trip", "tour", "travel") names no place the person was on its day: such date claims are not used.
_JOURNEY = "travel"
_POSSESSIVE = patterns.compile(r"['’]s\b|['’](?!\w)")


@dataclass(frozen=True, slots=True)
class Presence:
    """A person at a place on a day. `movement` is "arrival" or "departure" when they came or went that day (and
    may have been elsewhere too), "" when the statement puts them there with no journey."""

    place: str  # entity id, one of the claim's places
    day: dt.date
    planned: bool
    movement: str

    def render(self) -> str:
        return f"{self.place}@{self.day.isoformat()}" + (f" ({self.movement})" if self.movement else "")


@dataclass(frozen=True, slots=True)
class _Source:
    """A date claim whose statements place the person: one of the rule's, or one made to read a movement, a visit or
    a meeting at one of the claim's places."""

    claim: Claim
    place: str
    reading: str  # _RULE, _ARRIVAL, _DEPARTURE, _VISIT or _MEETING
    movement: str


@functools.cache
def _pattern(table: str, key: str) -> patterns.Pattern:
    data = language.load("presence")[table]
    pattern = data[key]
    # A vocabulary of the table stands in its patterns as its name in capitals ({DATED}).
    for name in (name for name in data if "{" + name.upper() + "}" in pattern):
        pattern = pattern.replace("{" + name.upper() + "}", "|".join(data[name]))
    return patterns.compile(pattern, regex.I)


def is_venue(text_before: str) -> bool:
    """Whether a place named after this text is where an event happens ("talks with the chancellor in "), not the
    topic of the talks ("talks about the crisis in ")."""
    return (_pattern("venue", "located").search(text_before) is not None
            and _pattern("venue", "topic").search(text_before) is None)


def is_qualifier(text_after: str) -> bool:
    """Whether a place named before this text qualifies the noun that follows ("the Valdoran embassy in ")."""
    return _pattern("venue", "qualifier").match(text_after) is not None


def is_remote(clause: str) -> bool:
    """Whether a clause says its meeting or visit was held from afar ("by video link", "virtually")."""
    return _pattern("remote", "contact").search(clause) is not None


def is_cancelled(sentence: str) -> bool:
    """Whether a sentence says a trip or a meeting was called off ("but cancelled the trip")."""
    return _pattern("cancelled", "cancelled").search(sentence) is not None


def is_governed(text_before: str) -> bool:
    """Whether a person named after this text belongs to another's phrase ("an envoy sent by ")."""
    return _pattern("subject", "governed").search(text_before) is not None


def owns_event(between: str) -> bool:
    """Whether a possessive name owns the event word this text leads to ("'s two-day " visit), not a noun that is
    the subject of the word ("'s wife " visited)."""
    return _pattern("subject", "owned_event").match(between) is not None


def leads_clause(opening: str) -> bool:
    """Whether a place named after this opening of its clause leads it behind a preposition of place ("In ")."""
    return _pattern("venue", "leading").fullmatch(opening) is not None


@functools.cache
def _addressee() -> patterns.Pattern:
    data = language.load("presence")["subject"]
    return patterns.compile(data["addressee"].replace("{TELLING}", "|".join(data["telling"])), regex.I)


@functools.cache
def _shared_subject() -> patterns.Pattern:
    data = language.load("presence")["subject"]
    return patterns.compile(data["shared_subject"].replace("{VERBS}", "|".join(data["verbs"])), regex.I)


@functools.cache
def _unknown_subject() -> patterns.Pattern:
    data = language.load("presence")["subject"]
    return patterns.compile(data["unknown_subject"].replace("{VERBS}", "|".join(data["verbs"])))


def subject_named(text_before: str) -> int | None:
    """Where a capitalised name stands as the subject of the word this text leads to ("after Dalgaard had "), as an
    offset into the text; None when there is none."""
    match = _unknown_subject().search(text_before)
    return None if match is None else match.start("name")


def shares_subject(opening: str) -> bool:
    """Whether a clause that opens so has the subject of the clause before it (", and then flew on")."""
    return _shared_subject().match(opening) is not None


def is_addressee(text_before: str) -> bool:
    """Whether a person named after this text is the one spoken to ("Brandt told the "): what follows is told to
    them, not done by them."""
    return _addressee().search(text_before) is not None


def is_destination(between: str) -> bool:
    """Whether a place named this far after a word of leaving is where the person went ("left for ")."""
    return _pattern("departure", "towards").search(between) is not None


def _located_after(text: str, trigger: events.Trigger, mention: Mention) -> bool:
    before = text[trigger.end:mention.start]
    qualifies = regex.search(r"\bthe\s+\Z", before, regex.I) is not None and is_qualifier(text[mention.end:])
    return is_venue(before) and not qualifies


def _venue_of(reading: Reading, index: int, clause_start: int, trigger: events.Trigger, mention: Mention) -> bool:
    """Whether a place is where a meeting happens: behind a preposition of place after the meeting's word ("met the
    king in Norvik"), or leading its clause ("In Norvik, she met the king"). One named before the word in another
    way belongs to something else ("arrived in Norvik late Monday for talks with the king"). A meeting has one
    venue, the first place so named after its word: "talks in Norvik on Friday, and later at a lunch in Essberg"
    was not held in Essberg."""
    text = reading.text
    if mention.start < trigger.end:
        return leads_clause(text[clause_start:mention.start])
    if not _located_after(text, trigger, mention):
        return False
    earlier = [m for m in reading.mentions[index] if reading.entity_kinds.get(m.entity) == "place"
               and trigger.end <= m.start and m.end <= mention.start]
    return not any(_located_after(text, trigger, m) for m in earlier)


def _date_claim(claim: Claim, event: str, place: str | None = None, partner: str | None = None) -> Claim:
    """A date claim about the presence claim's person, for reading one kind of event at one place."""
    options = {"who": claim.get("who"), "event": event, "with": partner, "place": place, "cues": ()}
    return Claim(claim.id, "date", claim.title, claim.path, claim.line, MappingProxyType(options))


def _region(place: str, places: tuple[str, ...], rules: RuleSet) -> str | None:
    """The claim's place a date claim's place lies in: itself, or the one whose names or aliases include its name
    (a city written as an alias of its country)."""
    if place in places:
        return place
    entity = rules.entities[place]
    names = {fold_name(name) for name in entity.spellings}
    for candidate in places:
        region = rules.entities[candidate]
        if names & {fold_name(name) for name in (*region.spellings, *region.aliases)}:
            return candidate
    return None


def _sources(claim: Claim, rules: RuleSet, named: set[str]) -> list[_Source]:
    """What the claim reads, the text's own places first (those the article names at all): where two sources give
    one value, the statement that names the place in the text is the better evidence."""
    who, places = claim.get("who"), tuple(claim.get("places"))
    sources: list[_Source] = []
    for place in (p for p in places if p in named):
        sources += [_Source(_date_claim(claim, "arrival", place=place), place, _ARRIVAL, "arrival"),
                    _Source(_date_claim(claim, "departure", partner=place), place, _DEPARTURE, "departure"),
                    _Source(_date_claim(claim, "visit", place=place), place, _VISIT, ""),
                    _Source(_date_claim(claim, "meeting", partner=place), place, _MEETING, "")]
    # The rule file's date claims about the same person, where they name a place: the file tells one story.
    for other in rules.claims:
        if (other.kind != "date" or other.path != claim.path or other.get("who") != who or not other.get("place")
                or other.get("event") == _JOURNEY):
            continue
        region = _region(other.get("place"), places, rules)
        if region is not None:
            sources.append(_Source(other, region, _RULE, _MOVEMENTS.get(other.get("event"), "")))
    return sources


def _trigger(reading: Reading, index: int, item: Statement, event: str,
             cues: tuple[str, ...]) -> events.Trigger | None:
    """The event word a date statement was read from: the trigger its evidence highlights."""
    return next((t for t in reading.triggers(events.event_kind(event, cues), index)
                 if (t.start, t.end) in item.highlights), None)


def _place_mentions(reading: Reading, index: int, item: Statement, place: str) -> list[Mention]:
    return [m for m in reading.mentions_of(place, index) if (m.start, m.end) in item.highlights]


def _people_before(reading: Reading, index: int, offset: int) -> list[Mention]:
    """The people named before an offset who may be the subject of the word there: not one named behind "by", "of",
    "for" ("an envoy sent by Brandt"), nor a possessive unless it owns the word ("Brandt's visit", not "Brandt's
    wife visited")."""
    text, start = reading.text, reading.sentences[index].start
    return [m for m in reading.mentions[index]
            if m.end <= offset and reading.entity_kinds.get(m.entity) == "person"
            and not is_governed(text[max(start, m.start - 60):m.start])
            and (_POSSESSIVE.match(text, m.end) is None or owns_event(text[m.end:offset]))]


def _addressed(reading: Reading, index: int, mention: Mention) -> bool:
    start = max(reading.sentences[index].start, mention.start - 40)
    return is_addressee(reading.text[start:mention.start])


def _acts(reading: Reading, index: int, mention: Mention, who: str) -> bool:
    return mention.entity == who and not _addressed(reading, index, mention)


def _clause_spans(reading: Reading, index: int, offset: int) -> list[tuple[int, int]]:
    """The stretches of text of the clause an offset stands in (a main clause resumed after a parenthetical is one),
    with the clauses before it whose subject it shares ("left the capital, and then flew on")."""
    segments = list(reading.segments[index])
    clauses = clause_of(segments)
    wanted = {clauses[segment_at(segments, offset)]}
    first = min(wanted)
    while first > 0 and shares_subject(reading.text[segments[first].start:segments[first].end]):
        first = clauses[first - 1]
        wanted.add(first)
    return [(s.start, s.end) for s, c in zip(segments, clauses, strict=True) if c in wanted]


def _someone_else_acts(reading: Reading, index: int, trigger: events.Trigger, who: str) -> bool:
    """Whether a name the rules do not know is the subject of the event's word ("Dalgaard met the president in
    Norvik on Sunday"), and the person is not named after the word as the other party ("Dalgaard received
    Castellano")."""
    start = reading.sentences[index].start
    offset = subject_named(reading.text[start:trigger.start])
    if offset is None or any(m.start <= start + offset < m.end for m in reading.mentions[index]):
        return False
    spans = _clause_spans(reading, index, trigger.start)
    return not any(m.entity == who and m.start >= trigger.end and any(a <= m.start < b for a, b in spans)
                   for m in reading.mentions[index])


def _takes_part(reading: Reading, index: int, trigger: events.Trigger, who: str) -> bool:
    """Whether the person takes part in a meeting: named after its word in its clause ("Brandt received
    Castellano", "talks with Castellano"), or as the nearest person before it there ("Castellano met Brandt"), or
    carried by a pronoun ("Brandt will welcome her in Valdora City"; "She met Brandt in Valdora City"). Not: "Brandt
    met the king in Norvik on Monday, Castellano said", "Brandt told Castellano that talks in Norvik ..."."""
    spans = _clause_spans(reading, index, trigger.start)
    in_clause = [m for m in reading.mentions[index] if any(a <= m.start < b for a, b in spans)]
    if any(m.entity == who and m.start >= trigger.end for m in in_clause):
        return True
    text, settings = reading.text, events.settings()
    before = [m for m in _people_before(reading, index, trigger.start) if m in in_clause]
    if before:
        if _acts(reading, index, before[-1], who):
            return True
        return any(settings.object_pronouns.search(text, max(a, trigger.end), b) for a, b in spans if b > trigger.end)
    # No one of the rules named before the word in its clause: a pronoun there must carry the person, since a name
    # the rules do not know may stand there ("Dalgaard met the president in Norvik on Sunday").
    return any(settings.subject_pronouns.search(text, a, b) or settings.object_pronouns.search(text, a, b)
               for a, b in spans)


def _moves(reading: Reading, index: int, trigger: events.Trigger, who: str) -> bool:
    """Whether the person is the one who goes, visits or leaves. A relative clause's subject is the person before
    it ("Brandt, who flew to Norvik on Monday"); otherwise the nearest person named before the word in its clause
    is, unless that one is whom the person meets ("Castellano is to meet Brandt during a visit to Norvik"), or, when
    no one of the rules is named there, a pronoun ("she flew to Norvik"; not "Dalgaard visited Norvik on Sunday",
    a name the rules do not know). "Castellano said Brandt would visit Norvik" is Brandt's visit."""
    segments = list(reading.segments[index])
    opening = segments[segment_at(segments, trigger.start)]
    people = _people_before(reading, index, trigger.start)
    if opening.cue.lower() in relative_cues("antecedent") and not any(m.start >= opening.start for m in people):
        antecedent = [m for m in people if m.end <= opening.start]
        return bool(antecedent) and _acts(reading, index, antecedent[-1], who)
    spans = _clause_spans(reading, index, trigger.start)
    in_clause = [m for m in people if any(a <= m.start < b for a, b in spans)]
    if not in_clause:
        pronouns = events.settings().subject_pronouns
        return any(pronouns.search(reading.text, a, min(b, trigger.start)) for a, b in spans if a < trigger.start)
    if _acts(reading, index, in_clause[-1], who):
        return True
    ours = [m for m in in_clause if m.entity == who]
    met = reading.triggers(events.event_kind("meeting"), index)
    return bool(ours) and any(ours[-1].end <= t.start < in_clause[-1].start for t in met)


def _how(reading: Reading, index: int, item: Statement, source: _Source, places: tuple[str, ...], rules: RuleSet,
         notes: Notes) -> str | None:
    """How the statement's place was read, or None when the sentence does not place the person (noted why)."""
    who = source.claim.get("who")
    person, place = rules.entities[who].name, rules.entities[source.place].name
    claim_id = source.claim.id
    event = source.claim.get("event")
    trigger = _trigger(reading, index, item, event, tuple(source.claim.get("cues") or ()))
    if is_cancelled(reading.sentences[index].text):
        notes.reject(index, claim_id, f"the sentence says a trip or a meeting was called off: it places {person} "
                                      "nowhere")
        return None
    if trigger is not None and _someone_else_acts(reading, index, trigger, who):
        notes.reject(index, claim_id, f"'{trigger.text}': a name the rules do not know is its subject, not {person}")
        return None
    if trigger is not None and event in ("meeting", "visit") and any(
            is_remote(reading.text[a:b]) for a, b in _clause_spans(reading, index, trigger.start)):
        notes.reject(index, claim_id, f"'{trigger.text}' is held from afar (by video link, by phone, virtually): "
                                      f"it places {person} nowhere")
        return None
    if source.reading == _RULE:
        named = rules.entities[source.claim.get("place")].name
        within = "" if named == place else f", in {place}"
        return (f"the place: the rule's claim '{source.claim.id}' holds this {source.claim.get('event')} in "
                f"{named}{within}")
    mentions = _place_mentions(reading, index, item, source.place)
    if trigger is None or not mentions:  # a date carried over from the sentence before: its words are there
        return None
    text = reading.text
    if source.reading == _MEETING:
        # "talks with Valdora's envoy in Valdora City": the place behind a preposition of place is the venue.
        segments = list(reading.segments[index])
        clause_start = segments[segment_at(segments, trigger.start)].start
        venues = [m for m in mentions if _venue_of(reading, index, clause_start, trigger, m)]
        if not venues:
            notes.reject(index, claim_id, f"'{mentions[0].text}' is named near '{trigger.text}' but not as where "
                                          "it happens ('in'/'at' after it and before any topic, the first such "
                                          "place, or leading its clause)")
            return None
        mention = venues[0]
        if not _takes_part(reading, index, trigger, who):
            notes.reject(index, claim_id, f"'{trigger.text}' in {mention.text}: {person} is not named as taking part")
            return None
        return f"the place: '{mention.text}' ({place}), where '{trigger.text}' happens"
    mention = mentions[0]
    if not _moves(reading, index, trigger, who):
        notes.reject(index, claim_id, f"'{trigger.text}' {mention.text}: another person is its subject, not {person}")
        return None
    if source.reading == _DEPARTURE:
        if mention.start < trigger.end or is_destination(text[trigger.end:mention.start]):
            notes.reject(index, claim_id, f"'{trigger.text}' ... '{mention.text}': {place} is not named as where "
                                          f"{person} left (after the word, with no 'for'/'to' between)")
            return None
        return (f"the place: '{mention.text}' ({place}), which '{trigger.text}' leaves; a departure, so {person} "
                "may have been elsewhere later that day")
    if source.reading == _VISIT:
        others = {m.entity for m in reading.mentions[index] if m.entity in places and m.entity != source.place
                  and m.start >= trigger.end and any(a <= m.start < b for a, b in _clause_spans(reading, index,
                                                                                                 trigger.start))}
        if others:
            notes.reject(index, claim_id, f"'{trigger.text}' names {place} among other places ("
                                          f"{', '.join(sorted(others))}): a journey, not a day in one place")
            return None
    if source.reading == _ARRIVAL:
        return (f"the place: '{mention.text}' ({place}), where '{trigger.text}' goes; an arrival, so {person} may "
                "have been elsewhere earlier that day")
    return f"the place: '{mention.text}' ({place}), which '{trigger.text}' names"


def extract(reading: Reading, claim: Claim, rules: RuleSet, notes: Notes = UNHEARD) -> list[Statement]:
    person, places = rules.entities[claim.get("who")].name, tuple(claim.get("places"))
    found: list[Statement] = []
    # Where each place is named: a statement the text reads (not a rule's) cites the place, so only those
    # sentences are read, once per kind of event.
    naming: dict[str, set[int]] = {}
    for index, mentions in enumerate(reading.mentions):
        for mention in mentions:
            naming.setdefault(mention.entity, set()).add(index)
    for source in _sources(claim, rules, set(naming)):
        only = None if source.reading == _RULE else naming[source.place]
        for item in date_kind.extract(reading, source.claim, rules, only=only):
            index = reading.sentence_at(item.start)
            days: date_kind.DateRange = item.data
            if days.earliest != days.latest or days.earliest is None:
                notes.reject(index, claim.id, f"'{item.text}' is dated only by a bound ({item.value}): it places "
                                              f"{person} on no day")
                continue
            how = _how(reading, index, item, source, places, rules, notes)
            if how is None:
                continue
            value = Presence(source.place, days.earliest, days.planned, source.movement)
            place = rules.entities[source.place].name
            found.append(statement(claim.id, reading.article, reading.sentences[index], list(item.highlights),
                                   value.render(), f"{item.explanation}; {how}", value, {
                                       "modality": "planned" if days.planned else "reported",
                                       "who": person, "place": place, "movement": source.movement}))
    kept = once_each(found, lambda a, b: a.value == b.value, reading, notes)
    return sorted(kept, key=lambda s: (s.start, s.end, str(s.value)))


def _incompatible(a: Statement, b: Statement) -> bool:
    """Two places on one day, and neither statement a journey that day."""
    first, second = a.data, b.data
    return (first.day == second.day and first.place != second.place
            and not first.movement and not second.movement)


def _schedule_changed(a: Statement, b: Statement) -> bool:
    """A plan published before a report may have changed since, unless the report puts the day before the plan was
    published: the person was there by then, so the plan was wrong when it was written."""
    return any(plan.data.planned and plan.published < report.published and report.data.day >= plan.published
               for plan, report in ((a, b), (b, a)))


def _where(statements: list[Statement]) -> str:
    """Each place with the articles that put the person there, most sources first."""
    by_place: dict[str, set[str]] = {}
    for item in statements:
        by_place.setdefault(item.extra["place"], set()).add(item.article)
    ranked = sorted(by_place.items(), key=lambda pair: (-len(pair[1]), pair[0]))
    return " against ".join(f"{place} ({sources(sorted(articles))})" for place, articles in ranked)


def _describe_clash(case: Case) -> str:
    # The pairs stand for their values (decide.py asks once per distinct value): every stay of a day in one of
    # their places is cited, so that the message counts the sources as the values do.
    items, pairs = case.statements, case.unexplained or case.explained
    places = {s.extra["place"] for pair in pairs for s in pair}
    involved = [s for s in items if s.extra["place"] in places and not s.data.movement]
    person = items[0].extra["who"]
    message = (f"sources put {person} in two places on {items[0].data.day.isoformat()}, and none of these "
               f"statements is a journey that day: {_where(involved)}")
    if case.status == "warning":
        plans = articles_of_pairs(case, pairs, lambda s: s.data.planned)
        message += (f"; the differing statements include plans published earlier ({', '.join(plans)}), so the "
                    "schedule may have changed")
    return message


def _listing(items: tuple[Statement, ...]) -> str:
    """Day by day, each place with the number of sources, and the journeys ("2023-03-14: Valdora (2), Norvik,
    arrival (1)")."""
    days: dict[dt.date, dict[str, set[str]]] = {}
    for item in items:
        where = item.extra["place"] + (f", {item.data.movement}" if item.data.movement else "")
        days.setdefault(item.data.day, {}).setdefault(where, set()).add(item.article)
    return "; ".join(f"{day.isoformat()}: " + ", ".join(f"{where} ({len(articles)})" for where, articles in
                                                         sorted(places.items(), key=lambda p: (-len(p[1]), p[0])))
                     for day, places in sorted(days.items()))


def _by_day(_claim: Claim, statements: tuple[Statement, ...]) -> list[tuple[Statement, ...]]:
    """A finding for each day the sources put the person in two places, and one for the days they agree on.
    `check --new` compares a new article with what most sources say, so a day's statements stay together."""
    by_day: dict[dt.date, list[Statement]] = {}
    for item in statements:
        by_day.setdefault(item.data.day, []).append(item)
    return [tuple(items) for _, items in sorted(by_day.items())]


def _entitle(case: Case) -> str:
    return f"{case.claim.title}: {case.statements[0].data.day.isoformat()}"


def _describe(case: Case) -> str:
    if case.status != "consistent":
        return _describe_clash(case)
    person = case.statements[0].extra["who"]
    return f"one place a day for {person}, or a journey between two: {_listing(case.statements)}"


KIND = Kind(
    name="presence",
    summary="where a person is on a given day: never in two distinct places without a journey",
    keys={
        "who": KeySpec("entity", "the person whose whereabouts are checked", required=True),
        "places": KeySpec("entities", "places the person cannot be in at once (countries, cities), as entities; a "
                                      "country's cities can be its aliases", required=True),
    },
    extract=extract,
    describe=_describe,
    incompatible=_incompatible,
    explained=_schedule_changed,
    why_explained="the schedule may have changed (a plan published before a report)",
    dated=a_plan,
    split=_by_day,
    entitle=_entitle,
    data_type=Presence,
)
