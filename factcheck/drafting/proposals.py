"""The claims a draft proposes, and which of them the corpus bears out.

Candidates are claims of the built-in kinds over the drafted entities (language/drafting.toml says which): the day
of each kind of event, of the event alone and of each person or organisation most named (a meeting of two people,
an arrival or a visit at a place), and its hour where the day is found; counts, for the story, per place and per
people counted ("12 Valdorans"), and a person's children; ages; roles that two articles give alike; each person's
quotations; the order of their stops; the spelling of the names of people, and of places and organisations.

Each is read over the corpus by the engine itself, the same kinds a check runs, in looks at one reading of each
article: the event or figure of the story first, then its people's and places' where the first look found it, the
tolls counted from the story's day. A candidate is kept where at least `min_sources` articles read it and most of
them agree: one that reads a different value in every article is several events taken for one, not a discrepancy.
Of two candidates that read the same sentences, the one its sources agree on, then the better borne out, then the
one of no one and no place is kept.
"""

from __future__ import annotations

import dataclasses
import functools
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import regex

from factcheck import language, patterns
from factcheck.claims import Claim, Example, RuleSet
from factcheck.decide import findings_of, odd_ones_out
from factcheck.drafting.names import DraftEntity
from factcheck.examples import run_example
from factcheck.findings import Statement
from factcheck.inputs.article import Article
from factcheck.kinds import kind, registry
from factcheck.kinds.title import roles_of
from factcheck.readers.dates import FileDates
from factcheck.readers.names import Entity
from factcheck.readers.reading import Reading, mentions_in, read

DRAFT_PATH = "draft"  # the path candidate claims carry until the draft is written to a file

# How many of the most named entities a draft proposes claims about: each candidate is read in every article.
SUBJECTS = 8
PAIRED = 3  # the people most named, of whom two-sided events (meetings) are drafted with each other subject
PLACES = 4
ENTITIES = {"person": 30, "place": 20, "organisation": 12}


@functools.cache
def _people_counted() -> patterns.Pattern:
    numbers = language.alternation(language.load("counts")["numbers"])
    return patterns.compile(rf"(?<![\w,.])(?:\d[\d,]*|(?i:{numbers}))\s+"
                            r"(?P<people>\p{Lu}\p{Ll}+(?:ans|ians|ese|is))\b")


# A role as the draft accepts it, without the article or possessive before it ("the captain", "its captain").
_DETERMINER = patterns.compile(r"^(?:the|a|an|its|his|her|their|our)\s+", regex.I)


@dataclass(frozen=True, slots=True)
class Proposal:
    """A claim the corpus bears out, with the statements it read there (its evidence) and how many articles agree
    on its commonest value."""

    claim: Claim
    statements: tuple[Statement, ...]
    sources: int
    agreeing: int
    note: str = ""  # what the draft says of it beside the sources ("2 articles disagree")


@dataclass(frozen=True, slots=True)
class LeftOut:
    """A candidate some article read that the draft does not propose, and why: what `--explain` says of it."""

    claim: Claim
    sources: int
    why: str


@functools.cache
def _data() -> dict[str, Any]:
    return language.load("drafting")


def rule_entities(drafted: Sequence[DraftEntity]) -> dict[str, Entity]:
    """The drafted entities as the rules' records, the most named of each kind (slips left out of the variants, so
    that the spelling claim flags them)."""
    kept: dict[str, Entity] = {}
    per_kind: Counter[str] = Counter()
    for entity in drafted:
        if per_kind[entity.kind] >= ENTITIES.get(entity.kind, 0):
            continue
        per_kind[entity.kind] += 1
        kept[entity.id] = Entity(entity.id, entity.kind, entity.name, entity.variants, entity.aliases)
    return kept


def peoples_counted(articles: Sequence[Article], min_sources: int) -> list[str]:
    """The peoples the articles count ("12 Valdorans", "two Norvikians"), in at least `min_sources` articles: a
    toll of one people is a claim of its own."""
    where: dict[str, set[str]] = defaultdict(set)
    for article in articles:
        for match in _people_counted().finditer(article.text, article.body_start):
            where[match["people"]].add(article.id)
    return sorted(people for people, found in where.items() if len(found) >= min_sources)


def candidates(drafted: Sequence[DraftEntity], entities: Mapping[str, Entity],
               peoples: Sequence[str] = ()) -> list[Claim]:
    """Every claim worth reading over the corpus (see the module's docstring); `peoples` are the peoples the
    articles count, each a toll of its own."""
    ranked = [e for e in drafted if e.id in entities]
    subjects = [e for e in ranked if e.kind in ("person", "organisation")][:SUBJECTS]
    persons = [e for e in ranked if e.kind == "person"][:SUBJECTS]
    # The places most named, and every pair of places told as one: a figure of both is another claim than one's.
    places = [e for e in ranked if e.kind == "place" and not e.joint][:PLACES] + [e for e in ranked if e.joint]
    found: list[Claim] = []
    for event, spec in _data()["dates"].items():
        found.append(_claim(f"{event}-date", "date", spec["alone"], {"event": event}))
        if spec.get("by_place"):
            for place in places:
                found.append(_claim(f"{event}-{place.id}-date", "date", f"{spec['alone']} ({place.name})",
                                    {"event": event, "place": place.id}))
                # and of the people most named: a trip's arrivals are several people's too
                found += [_claim(f"{who.id}-{event}-{place.id}-date", "date",
                                 f"{spec['title'].replace('{who}', who.name)} ({place.name})",
                                 {"event": event, "who": who.id, "place": place.id}) for who in persons[:PAIRED]]
            continue
        if not spec.get("subject", True):
            continue
        if spec.get("pairs"):
            for who in persons[:PAIRED]:
                for other in persons:  # a person's organisation is named beside them, not met
                    if other.id != who.id:
                        found.append(_claim(f"{who.id}-{other.id}-{event}-date", "date",
                                            spec["title"].replace("{who}", who.name).replace("{with}", other.name),
                                            {"event": event, "who": who.id, "with": other.id}))
            continue
        for who in subjects:
            found.append(_claim(f"{who.id}-{event}-date", "date", spec["title"].replace("{who}", who.name),
                                {"event": event, "who": who.id}))
    for name, spec in _data()["counts"].items():
        base = {key: tuple(value) if isinstance(value, list) else value for key, value in spec.items()
                if key not in ("title", "of")}
        if spec.get("of"):
            found += [_claim(f"{person.id}-{name}-count", "count", spec["title"].replace("{who}", person.name),
                             {**base, "of": person.id}) for person in persons]
            continue
        found.append(_claim(f"{name}-count", "count", spec["title"], base))
        for place in places:
            found.append(_claim(f"{name}-{place.id}-count", "count", f"{spec['title']} in {place.name}",
                                {**base, "place": place.id}))
    for people in peoples:
        for name in ("killed", "injured"):
            spec = _data()["counts"][name]
            found.append(_claim(f"{name}-{people.casefold()}-count", "count", f"{people} {name}",
                                {"event": spec["event"], "counted": (people, people.removesuffix("s")),
                                 "cumulative": True}))
    stops = tuple(e.id for e in places if not e.joint)
    for person in persons:
        found.append(_claim(f"{person.id}-age", "age", f"Age of {person.name}", {"who": person.id}))
        found.append(_claim(f"{person.id}-quote", "quote", f"Words of {person.name}", {"speakers": (person.id,)}))
    for person in persons[:PAIRED]:
        if len(stops) >= 2:
            found.append(_claim(f"{person.id}-stops", "sequence", f"Order of {person.name}'s stops",
                                {"who": person.id, "stops": stops}))
    named = tuple(e.id for e in ranked if e.kind == "person")
    if named:
        found.append(_claim("name-spelling", "spelling", "Spelling of the names of the people", {"entities": named}))
    others = tuple(e.id for e in ranked if e.kind != "person" and not e.joint)
    if others:
        found.append(_claim("place-spelling", "spelling", "Spelling of the names of places and organisations",
                            {"entities": others}))
    return found


def _claim(claim_id: str, kind_name: str, title: str, options: Mapping[str, Any]) -> Claim:
    """A candidate with the defaults of its kind's keys, as the rule file's loader gives them."""
    defaults = {key: spec.default for key, spec in registry()[kind_name].keys.items() if spec.default is not None}
    return Claim(claim_id, kind_name, title, DRAFT_PATH, 0, MappingProxyType({**defaults, **options}))


def rule_set(entities: Mapping[str, Entity], claims: Iterable[Claim]) -> RuleSet:
    """Candidates as one story, as a rule file of them would be read."""
    listed = tuple(claims)
    story = frozenset(entities)
    return RuleSet(MappingProxyType(dict(entities)), listed, (), MappingProxyType({c.id: story for c in listed}))


def readings(articles: Sequence[Article], dates: Sequence[FileDates], rules: RuleSet) -> tuple[Reading, ...]:
    """Each article read once for every look the draft takes (its dates, read before the names, and the entities'
    mentions)."""
    return tuple(read(article, rules, mentions_in(article, rules), found)
                 for article, found in zip(articles, dates, strict=True))


def first_look(claim: Claim) -> bool:
    """Whether a candidate is read first: an event or a figure of no one and no place, an age, the spelling. The
    others are read only where their first look found something (`second_look`)."""
    return not (claim.kind in ("date", "count") and (claim.get("who") or claim.get("place")))


def _family(claim: Claim) -> tuple[Any, ...]:
    return claim.kind, tuple(sorted((k, v) for k, v in claim.options.items()
                                    if k not in ("who", "with", "place", "since")))


def second_look(claims: Sequence[Claim], read: Mapping[str, tuple[Statement, ...]], min_sources: int,
                day: str | None) -> list[Claim]:
    """The candidates of a person or a place whose event or figure the first look found in `min_sources`
    articles, cumulative counts counted from the story's `day`."""
    found = {_family(c) for c in claims
             if first_look(c) and len({s.article for s in read.get(c.id, ())}) >= min_sources}
    return counted_from([c for c in claims if not first_look(c) and _family(c) in found], day)


def counted_from(claims: Iterable[Claim], day: str | None) -> list[Claim]:
    """The claims, each cumulative count counted from the story's `day` (a toll "since" that day is not as of it):
    the story's day is read first, so that a count is read once."""
    return [dataclasses.replace(c, options=MappingProxyType({**c.options, "since": day}))
            if day and c.kind == "count" and c.get("cumulative") else c for c in claims]


def is_counted_from_a_day(claim: Claim) -> bool:
    return claim.kind == "count" and bool(claim.get("cumulative"))


def times_of(claims: Iterable[Claim], read: Mapping[str, tuple[Statement, ...]], min_sources: int) -> list[Claim]:
    """A time claim for each date claim that `min_sources` articles date: the hour of the same event."""
    return [dataclasses.replace(c, id=c.id.removesuffix("-date") + "-time", kind="time",
                                title=c.title.replace("Day", "Time", 1))
            for c in claims if c.kind == "date" and len({s.article for s in read.get(c.id, ())}) >= min_sources]


def extracted(readings: Sequence[Reading], claims: Iterable[Claim], rules: RuleSet) -> dict[str, tuple[Statement, ...]]:
    """What claims read in readings already made (a second look at the corpus costs no second reading)."""
    found: dict[str, tuple[Statement, ...]] = {}
    named = [frozenset(m.entity for sentence in reading.mentions for m in sentence) for reading in readings]
    for claim in claims:
        of = kind(claim.kind)
        # A claim of a person reads nothing in an article that never names them (a pronoun needs a name before it).
        subjects = {claim.get(key) for key in ("who", "with", "of") if claim.get(key)} | set(
            claim.get("speakers") or ())
        statements = []
        for reading, names in zip(readings, named, strict=True):
            if subjects <= names:
                with patterns.budget():
                    statements += of.extract(reading, claim, rules)
        found[claim.id] = tuple(statements)
    return found


def story_day(statements: Mapping[str, tuple[Statement, ...]]) -> str | None:
    """The day the story's event happened, where most articles that date it agree (the day of the attack or
    accident, or of the killing told of no one), for counts to start from: a toll "since" that day is not as of it."""
    for claim_id in ("incident-date", "killed-date"):
        days: Counter[str] = Counter()
        for _, value in {(s.article, s.value) for s in statements.get(claim_id, ())}:
            if isinstance(value, str) and len(value) == 10 and value[4] == "-":
                days[value] += 1
        if days:
            day, count = min(days.items(), key=lambda item: (-item[1], item[0]))
            if count >= 2 and count * 2 > sum(days.values()):
                return day
    return None


def title_candidates(readings: Sequence[Reading], rules: RuleSet, min_sources: int) -> list[Claim]:
    """A role claim for each person that `min_sources` articles give the same role, as they write it: the roles
    two articles agree on are accepted, a role only one article gives is left for the check to weigh."""
    written: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    articles: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for reading in readings:
        text = reading.text
        for index, sentence in enumerate(reading.sentences):
            for mention in reading.mentions[index]:
                if rules.entity_kinds.get(mention.entity) != "person" or mention.how != "name":
                    continue
                for role in roles_of(reading, sentence, mention):
                    if role.role is None:
                        continue
                    phrase = _DETERMINER.sub("", " ".join(text[role.start:role.end].split()).strip(" ,"))
                    key = role.role.words.casefold()
                    written[mention.entity][key][phrase] += 1
                    articles[mention.entity][key].add(reading.article.id)
    found = []
    for entity_id in sorted(articles):
        agreed = sorted(key for key, where in articles[entity_id].items() if len(where) >= min_sources)
        if agreed:
            # Every way the articles write an agreed role ("Valdoran Interior Minister", "interior minister of
            # Valdora"): a qualifier written one way or the other is the same office.
            forms: dict[str, str] = {}
            for key in agreed:
                for form, _ in written[entity_id][key].most_common():
                    forms.setdefault(form.casefold(), form)  # "Port Elm mayor" and "Port Elm Mayor": one
            accepted = tuple(sorted(forms.values()))
            name = rules.entities[entity_id].name
            found.append(_claim(f"{entity_id}-title", "title", f"Role of {name}",
                                {"who": entity_id, "accepted": accepted}))
    return found


def proposable(claim: Claim) -> bool:
    """Whether a candidate may be proposed, or is only a first look for others: a trip's arrivals, departures and
    visits are several, and only one of a place is one event."""
    return not (claim.kind in ("date", "time") and not claim.get("place")
                and _data()["dates"].get(claim.get("event"), {}).get("by_place"))


def judged(rules: RuleSet, statements: Mapping[str, tuple[Statement, ...]],
           min_sources: int) -> tuple[list[Proposal], list[LeftOut]]:
    """The candidates the corpus bears out (see the module's docstring), in the order of the rules, and those some
    article read that are left out, with the reason."""
    kept: list[Proposal] = []
    left: list[LeftOut] = []
    for claim in filter(proposable, rules.claims):
        found = statements.get(claim.id, ())
        sources = {s.article for s in found}
        # A spelling claim reads only slips, which one article makes: one is enough, and none keeps it too, for
        # the names a later article may misspell.
        if len(sources) < min_sources and claim.kind != "spelling":
            if sources:
                left.append(LeftOut(claim, len(sources), f"read in {len(sources)} article(s), fewer than "
                                                         f"--min-sources {min_sources}"))
            continue
        findings = findings_of(claim, list(found))
        # A warning is a difference explained (a plan, a bound): only a conflict's odd ones out disagree.
        odd = {s.article for f in findings if f.status == "conflict" for s in odd_ones_out(f)}
        if odd >= sources and _most_given(found) >= 2:
            # No majority stands apart (a toll's figures all differ): weigh them against the commonest, where two
            # articles give it.
            odd = _against_the_commonest(claim, found)
        agreeing = len(sources - odd)
        # Most articles agree: the odd ones out are a few, as a slip is; a claim every article reads differently
        # mixes events.
        if claim.kind not in ("spelling", "title") and (agreeing < 2 or len(odd) > max(1, len(sources) // 3)):
            left.append(LeftOut(claim, len(sources), f"{len(odd)} of the {len(sources)} articles that read it "
                                                     "disagree with the others: several events taken for one, or "
                                                     "words of this story the claim needs as cues"))
            continue
        # A day that no two articles write alike, and that nothing contradicts, says nothing: two bounds,
        # or a day and a bound, may be two events that do not clash.
        if claim.kind == "date" and _most_given(found) < min(2, min_sources) and all(
                f.status == "consistent" for f in findings):
            left.append(LeftOut(claim, len(sources), "no two articles give the same day, and none contradicts "
                                                     "another: nothing to compare"))
            continue
        note = f"{len(odd)} of them disagree" if odd else ""
        kept.append(Proposal(claim, found, len(sources), agreeing, note))
    proposed, repeats = _without_repeats(kept, rules)
    return proposed, left + repeats


def _against_the_commonest(claim: Claim, statements: Sequence[Statement]) -> set[str]:
    """The articles none of whose statements can hold beside the commonest value's (a toll of 10 then 12 can; a
    toll of 10 and one of 240 taken for it cannot)."""
    incompatible = kind(claim.kind).incompatible
    if incompatible is None:
        return set()
    commonest = Counter(str(s.value) for s in statements).most_common(1)[0][0]
    reference = next(s for s in statements if str(s.value) == commonest)
    by_article: dict[str, list[Statement]] = defaultdict(list)
    for statement in statements:
        by_article[statement.article].append(statement)
    return {article for article, said in by_article.items()
            if all(incompatible(s, reference) or incompatible(reference, s) for s in said)}


def _most_given(statements: Iterable[Statement]) -> int:
    """In how many articles the commonest value stands."""
    given = Counter(value for _, value in {(s.article, str(s.value)) for s in statements})
    return max(given.values(), default=0)


def _without_repeats(proposals: list[Proposal], rules: RuleSet) -> tuple[list[Proposal], list[LeftOut]]:
    """Of two proposals of one kind that read the same sentences, the better borne out; a time claim only where its
    date claim is kept, since a time without its day is a reading of another event as often."""
    # The one all its sources agree on first (a place that sets a figure of one town apart from the total is the
    # better claim), then the better borne out; of equals, the one of no one and no place: a person or a place
    # that changes nothing the claim reads is not borne out by it (the official who gives a toll is not the one
    # killed).
    # Of places that read the same, the one its sentences name most (the toll "in northern Valdora").
    ranked = sorted(proposals, key=lambda p: (p.agreeing < p.sources, -p.agreeing, -p.sources,
                                              "who" in p.claim.options, "place" in p.claim.options,
                                              -_place_named(p, rules), p.claim.id))
    kept: list[Proposal] = []
    left: list[LeftOut] = []
    seen: dict[str, set[tuple[str, int, str]]] = defaultdict(set)
    agreed: dict[tuple[Any, ...], list[set[tuple[str, int, str]]]] = defaultdict(list)
    for proposal in ranked:
        group = "date" if proposal.claim.kind in ("date", "time") else proposal.claim.kind
        # A day read in a sentence is the same reading whichever word of the event gave it ("the blast killed 30
        # on Friday"); a figure is the same reading where the same figure is.
        dated = proposal.claim.kind in ("date", "time")
        spots = {(s.article, s.quote_start if dated else s.start, str(s.value)) for s in proposal.statements}
        if proposal.claim.kind not in ("spelling", "title", "age") and proposal.claim.kind != "time" and (
                len(spots & seen[group]) * 2 > len(spots)):
            left.append(LeftOut(proposal.claim, proposal.sources, "reads the sentences of a claim better borne out"))
            continue
        # A disagreement that a claim of the same event or figure at a place does not have is that place's
        # figures mixed with another's ("injured in the capital" read as injured in both places).
        disagrees = proposal.agreeing < proposal.sources
        placed = "place" in proposal.claim.options
        if disagrees and any(len(spots & other) * 3 >= len(spots) for other in agreed[_family(proposal.claim)]):
            left.append(LeftOut(proposal.claim, proposal.sources, "mixes figures that a claim of a place tells apart"))
            continue
        seen[group] |= spots
        if placed and not disagrees:
            agreed[_family(proposal.claim)].append(spots)
        kept.append(proposal)
    dates = {p.claim.id.removesuffix("-date") for p in kept if p.claim.kind == "date"}
    left += [LeftOut(p.claim, p.sources, "a time of an event whose day is not proposed") for p in kept
             if p.claim.kind == "time" and p.claim.id.removesuffix("-time") not in dates]
    kept = [p for p in kept if p.claim.kind != "time" or p.claim.id.removesuffix("-time") in dates]
    order = {c.claim.id: n for n, c in enumerate(proposals)}
    return sorted(kept, key=lambda p: order[p.claim.id]), left


def _place_named(proposal: Proposal, rules: RuleSet) -> int:
    """In how many of a proposal's sentences its place is named."""
    place = rules.entity(proposal.claim.get("place"))
    if place is None:
        return 0
    forms = [form.casefold() for form in (*place.spellings, *place.aliases)]
    return sum(any(form in s.quote.casefold() for form in forms) for s in proposal.statements)


def with_examples(proposal: Proposal, rules: RuleSet, readings: Sequence[Reading]) -> Proposal:
    """The proposal with two examples from the corpus that hold when read alone, as `rules test` reads them: a
    sentence that reads its commonest value, and another sentence of the corpus that reads nothing."""
    claim = proposal.claim
    values = Counter(s.value for s in proposal.statements)
    examples: list[Example] = []
    for value, _ in values.most_common(3):
        for statement in sorted((s for s in proposal.statements if s.value == value), key=_where)[:3]:
            example = Example(" ".join(statement.quote.split()), statement.published, value, 0)
            if run_example(claim, example, rules).passed:
                examples.append(example)
                break
        if examples:
            break
    read_in = {(s.article, s.quote_start) for s in proposal.statements}
    subject = claim.get("who")
    for reading in readings:
        if len(examples) >= 2:
            break
        for index, sentence in enumerate(reading.sentences):
            if (reading.article.id, sentence.start) in read_in or len(sentence.text) > 300:
                continue
            if subject and not reading.mentions_of(subject, index) or not subject and not reading.timexes[index]:
                continue
            example = Example(" ".join(sentence.text.split()), reading.article.published, None, 0)
            # Another article's copy of a sentence already taken is no second example.
            if any(e.text == example.text for e in examples):
                continue
            if run_example(claim, example, rules).passed:
                examples.append(example)
                break
    return Proposal(Claim(claim.id, claim.kind, claim.title, claim.path, claim.line, claim.options, tuple(examples)),
                    proposal.statements, proposal.sources, proposal.agreeing, proposal.note)


def unique_ids(proposals: Sequence[Proposal], taken: AbstractSet[str]) -> tuple[Proposal, ...]:
    """The proposals with claim ids none of `taken` (a numbered id where the plain one is)."""
    used = set(taken)
    out = []
    for proposal in proposals:
        claim_id, number = proposal.claim.id, 2
        while claim_id in used:
            claim_id, number = f"{proposal.claim.id}-{number}", number + 1
        used.add(claim_id)
        out.append(dataclasses.replace(proposal, claim=dataclasses.replace(proposal.claim, id=claim_id)))
    return tuple(out)


def _where(statement: Statement) -> tuple[str, int]:
    return statement.article, statement.start
