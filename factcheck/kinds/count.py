"""Count claims: how many people an event touched ("civilians killed in the floods since 3 March").

A count belongs to the claim when the counted noun follows it ("3,700 residents", "3,700 Valdoran residents") and
a trigger of the claim's event stands in the same clause. Its as-of date is a date of that clause, else the
publication date. A cumulative count may grow with its as-of date but never shrink; other counts must overlap.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass, replace

import regex

from factcheck import patterns
from factcheck.claims import Claim, KeySpec, RuleSet
from factcheck.findings import Statement, statement
from factcheck.kinds import CUES_KEY, Case, Kind, once_each
from factcheck.readers import clauses, events
from factcheck.readers.clauses import Segment, segment_at
from factcheck.readers.counts import (
    Amount,
    Count,
    a_ratio,
    about_what_it_counts,
    changed_to,
    continues_a_list,
    counted_noun,
    denied,
    describes_the_noun,
    family_parts,
    glued_size_of,
    in_a_comparison,
    in_a_name,
    in_a_part_clause,
    limit_or_difference,
    more_added_after,
    names_money,
    not_the_total,
    object_of,
    one_event_of_several,
    opening_group,
    opening_place,
    other_side_of_a_score,
    others_of_someone,
    parent_of,
    part_before,
    part_of_an_earlier_group,
    part_of_the_figure_before,
    partitive_subject,
    parts_counted,
    place_scope,
    read_counts,
    shared_noun,
    starts_the_count,
    subject_of,
    sum_for,
    sum_of,
    tells_a_beginning,
    tells_a_state_now,
    told_as_grown_to,
    unit_families,
    whole_after,
    whole_of_an_untold_part,
    with_companions,
    with_others,
)
from factcheck.readers.reading import Reading
from factcheck.readers.temporal import Timex, period_end
from factcheck.trace import UNHEARD, Notes


@dataclass(frozen=True, slots=True)
class CountValue:
    low: float
    high: float | None
    as_of: dt.date
    cumulative: bool
    unit: str = ""  # the currency of a sum of money; figures of two units are never compared
    falls: bool = False  # a quantity that only falls with time (air or fuel left)
    grown_to: bool = False  # told as what the count has grown to ("the toll has risen to nine")
    stamped: bool = False  # in an update that opens with its clock time, as a live page's do ("14:30 — ...")

    def overlaps(self, other: CountValue) -> bool:
        return (self.high is None or self.high >= other.low) and (other.high is None or other.high >= self.low)


def _scope_place(reading: Reading, index: int, start: int, end: int, place: str | None,
                 rules: RuleSet) -> str | None:
    """Another place the count is scoped to ("killed in Harbour Town"), named right after it in its clause; only a
    claim that names its own place can tell another one apart."""
    entity = rules.entity(place)
    if entity is None:
        return None
    accepted = {w.casefold() for w in (entity.name, *entity.variants, *entity.aliases)}
    match = place_scope(reading.text, start, end)
    if match is None:
        return None
    named = _places_named(reading, index, match.start("place"), match.end())
    if named:
        return None if named <= {entity.id, *rules.place_parts.get(entity.id, ())} and (
            entity.id in named or not rules.place_parts.get(entity.id)) else match["place"]
    name = match["place"]
    if name.casefold() in accepted or any(name.casefold().startswith(a) for a in accepted):
        return None
    return name


def _opened_by_another_place(reading: Reading, index: int, count: Count, place: str | None,
                             rules: RuleSet) -> str | None:
    """Another place of the rules that the figure's sentence opens with ("In Norvik, where the river burst its
    banks, 14 people died"), where no place is named right after the figure; only a claim that names its own place
    can tell another one apart."""
    entity = rules.entity(place)
    sentence = reading.sentences[index]
    if entity is None or _place_right_after(reading, index, count, sentence.end):
        return None
    match = opening_place(reading.text, sentence.start, count.start)
    if match is None:
        return None
    named = _places_named(reading, index, match.start("place"), match.end("place"))
    if not named or named <= {entity.id, *rules.place_parts.get(entity.id, ())}:
        return None
    return match["place"]


def _places_named(reading: Reading, index: int, start: int, end: int) -> frozenset[str]:
    """The rules' places whose names begin in text[start:end]; a name inside a longer one ("Valdora" in the alias
    "Valdora and Norvik") counts as the longer."""
    mentions = [m for m in reading.mentions[index] if reading.entity_kinds.get(m.entity) == "place"
                and start <= m.start < end]
    return frozenset(m.entity for m in mentions
                     if not any(o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start)
                                for o in mentions))


def _place_of_the_figure(reading: Reading, index: int, count: Count, place: str | None,
                         rules: RuleSet) -> str | None:
    """Why a figure is not one of the claim's place, where the rules count a place and its parts apart ("the
    Ostrel coast", listed as "Valdora and Norvik"); None when it is. A figure of one part is not the whole's; a
    figure of the whole, of two parts or of none named is not a part's."""
    if place is None:
        return None
    parts = rules.place_parts.get(place, frozenset())
    wholes = {whole for whole, listed in rules.place_parts.items() if place in listed}
    if not parts and not wholes:
        return None
    named, told = _places_of_the_figure(reading, index, count)
    names = ", ".join(sorted(rules.entities[p].name for p in named))
    if parts:
        covered = {p for n in named for p in (rules.place_parts.get(n) or {n}) if p in parts}
        if place not in named and len(covered) == 1:
            return f"a figure of {names} alone ({told}), not of {rules.entities[place].name} as a whole"
        if not named and (one := one_event_of_several(reading.text, reading.sentences[index].start,
                                                      count.start)) is not None:
            return f"a figure of '{one}', one of the events the rules count apart, not of all of them"
        return None
    if not named:
        return (f"a figure that names none of the places it could be of, and the rules count "
                f"{rules.entities[place].name} apart "
                f"from {', '.join(sorted(rules.entities[w].name for w in wholes))}")
    siblings = {p for w in wholes for p in rules.place_parts[w]} - {place}
    if named & (wholes | siblings) or place not in named:
        return f"a figure of {names} ({told}), not of {rules.entities[place].name} alone"
    return None


def _place_right_after(reading: Reading, index: int, count: Count, end: int) -> frozenset[str]:
    """The rules' places named right after a figure's words ("10 in Tanzania"), not in the possessive ("in
    Norvik's twin town": the town is the figure's place)."""
    scope = place_scope(reading.text, count.end, end)
    if scope is None or scope["place"].endswith(("'s", "’s")):
        return frozenset()
    return _places_named(reading, index, scope.start("place"), scope.end())


def _places_of_the_figure(reading: Reading, index: int, count: Count) -> tuple[frozenset[str], str]:
    """The places a figure is of, and where they are named: between the figures before and after it in its
    sentence, else anywhere in it, else in the sentence before it in its paragraph that last named one ("the
    blast in the capital ... At least 64 people died there")."""
    sentence = reading.sentences[index]
    figures = reading.figures(index)
    before = max((f.end for f in figures if f.end <= count.start), default=sentence.start)
    after = min((f.start for f in figures if f.start >= count.end), default=sentence.end)
    # "killed 31 people in the north and 9 in the south": each figure is of the place right after it.
    named = _place_right_after(reading, index, count, after)
    if named:
        return named, "named right after it"
    named = _places_named(reading, index, before, after)
    if named:
        return named, "named beside it"
    # Not the places the sentence names right after its other figures ("killed 31 people, 9 in Norvik": Norvik is
    # the 9's).
    theirs = frozenset().union(*(_place_right_after(reading, index, f, sentence.end) for f in figures if f != count))
    named = _places_named(reading, index, sentence.start, sentence.end) - theirs
    if named:
        return named, "named in its sentence"
    if theirs:
        return frozenset(), "its sentence names places only for its other figures"
    for earlier in range(index - 1, -1, -1):
        if reading.sentences[earlier].paragraph != sentence.paragraph:
            break
        named = _places_named(reading, earlier, reading.sentences[earlier].start, reading.sentences[earlier].end)
        if named:
            return named, f"named in the sentence of line {_line_of(reading, earlier)}"
    return frozenset(), "named nowhere near it"


def _line_of(reading: Reading, index: int) -> int:
    return reading.text.count("\n", 0, reading.sentences[index].start) + 1


@dataclass(frozen=True, slots=True)
class _Asked:
    """What a count claim asks of a sentence: the words of its event, the nouns it counts, the place it counts in
    and the day the count began."""

    claim: Claim
    kind: events.EventKind
    nouns: tuple[str, ...]
    place: str | None
    since: dt.date | None
    unit: str | None  # "money": the figures are sums of money, and the nouns say what the sum is
    owner: str | None  # whose the figures are (a person's children, years in office): the claim's `of`

    @staticmethod
    def of(claim: Claim) -> _Asked:
        return _Asked(claim, events.event_kind(claim.get("event"), tuple(claim.get("cues") or ())),
                      tuple(claim.get("counted") or ()), claim.get("place"),
                      dt.date.fromisoformat(claim.get("since")) if claim.get("since") else None, claim.get("unit"),
                      claim.get("of"))


def extract(reading: Reading, claim: Claim, rules: RuleSet, notes: Notes = UNHEARD) -> list[Statement]:
    asked = _Asked.of(claim)
    found: list[Statement] = []
    for index, sentence in enumerate(reading.sentences):
        triggers = reading.triggers(asked.kind, index)
        if not triggers:
            if notes.listening:
                _note_figures_without_event(reading, index, asked, notes)
            continue
        if asked.owner is not None and not reading.subject_present(asked.owner, index):
            notes.reject(index, claim.id, f"'{triggers[0].text}' is here, but the sentence is not about "
                                          f"{asked.owner}: not named, and no pronoun carries it from the sentences "
                                          "before")
            continue
        amounts = None if asked.unit is None else {a.count: a for a in reading.quantities(index, asked.unit)}
        figures = list(reading.figures(index)) if amounts is None else list(amounts)
        if not figures and notes.listening:
            notes.reject(index, claim.id, _no_figure(reading.text[sentence.start:sentence.end], triggers[0], asked))
        read_here = False
        listed_to = -1  # where the list of parts of a figure read ends ("two sons and a daughter")
        for number, count in enumerate(figures):
            if count.start < listed_to:
                continue  # a part of the list already added
            if asked.owner is not None and read_here and about_what_it_counts(reading.text, listed_to, count.start):
                notes.reject(index, claim.id, f"'{count.text}' is in a clause about what the figure before it "
                                              "counts, not about the person")
                continue
            read = _count_of_the_claim(reading, index, count, figures[:number], triggers, asked, rules,
                                       amounts[count] if amounts else None, figures)
            if isinstance(read, str):
                notes.reject(index, claim.id, read)
                continue
            noun, trigger = read
            if (parts := parts_counted(asked.nouns, asked.owner is not None)) is not None and amounts is None:
                count, listed_to = family_parts(reading.text, count, max(noun[1], count.end), parts, sentence.end)
            if amounts is None:
                count = with_companions(reading.text, count, sentence.start, (trigger.start, trigger.end))
            found.append(_statement(reading, index, count, noun, trigger, asked,
                                    amounts[count].currency if amounts else ""))
            read_here = True
        if not read_here and (whole := _sum_of_the_parts(reading, index, figures, triggers, asked, rules)):
            found.append(whole)
    return once_each(found, lambda a, b: a.value == b.value and a.data.as_of == b.data.as_of, reading, notes)


def _sum_of_the_parts(reading: Reading, index: int, figures: list[Count], triggers: tuple[events.Trigger, ...],
                      asked: _Asked, rules: RuleSet) -> Statement | None:
    """A whole's figure told as its parts' in one sentence ("killed 31 people in Valdora and 9 in Norvik", for a
    claim of both): each part once, each figure one the part's own claim would read, and no figure of the whole."""
    parts = rules.place_parts.get(asked.place or "", frozenset())
    if (len(parts) < 2 or len(figures) < len(parts) or asked.unit is not None
            or not parts <= {m.entity for m in reading.mentions[index]}):
        return None
    read: dict[str, tuple[Count, tuple[int, int], events.Trigger]] = {}
    for number, count in enumerate(figures):
        for part in sorted(parts):
            got = _count_of_the_claim(reading, index, count, figures[:number], triggers, replace(asked, place=part),
                                      rules)
            if not isinstance(got, str):
                if part in read:
                    return None  # a part told twice: which figure adds up is not for us to pick
                read[part] = (count, *got)
    if set(read) != parts:
        return None
    ordered = sorted(read.items(), key=lambda item: item[1][0].start)
    used = {count for count, _, _ in read.values()}
    first, last = ordered[0][1][0], ordered[-1][1][0]
    # Any other figure in the list ("31 in Valdora, 9 in Norvik and 4 elsewhere") may be a part the rules do not
    # name: the parts named would not add up to the whole.
    if any(f not in used and (first.start < f.start < last.start or f.start >= last.end and continues_a_list(
            reading.text, max((u.end for u in figures if u.end <= f.start), default=last.end), f.start))
           for f in figures):
        return None
    total = sum_of(reading.text, [(rules.entities[part].name, count) for part, (count, _, _) in ordered])
    if total is None:
        return None
    _, noun, trigger = ordered[0][1]
    return _statement(reading, index, total, noun, trigger, asked)


def _no_figure(sentence: str, trigger: events.Trigger, asked: _Asked) -> str:
    if asked.unit is not None:
        what = "sum of money" if asked.unit == "money" else f"quantity of {asked.unit}"
        return f"'{trigger.text}' is here, but the sentence gives no {what}"
    if names_money(sentence):
        return f"'{trigger.text}' is here, but its only figures are sums of money, which a count does not read"
    return f"'{trigger.text}' is here, but the sentence gives no figure (dates and times are none)"


def _note_figures_without_event(reading: Reading, index: int, asked: _Asked, notes: Notes) -> None:
    """Tell a rule author about figures of the counted nouns that no event word joins."""
    if asked.unit is not None:
        return
    sentence = reading.sentences[index]
    for count in read_counts(reading.text, sentence.start, sentence.end):
        if counted_noun(reading.text, count, asked.nouns, sentence.start) is not None:
            notes.reject(index, asked.claim.id, f"'{count.text}' counts {', '.join(asked.nouns)}, but the sentence "
                                                f"has no word of {asked.kind.name} (add one with `cues`?)")


def _count_of_the_claim(reading: Reading, index: int, count: Count, before: list[Count],
                        triggers: tuple[events.Trigger, ...], asked: _Asked, rules: RuleSet,
                        amount: Amount | None = None, quantities: Sequence[Count] = ()
                        ) -> tuple[tuple[int, int], events.Trigger] | str:
    """The noun a figure counts and the event word it belongs to, when it is a figure of the claim; else why not.
    `before`: the figures before it in its sentence; `amount`: the figure as a sum of money, for a claim of money,
    whose noun is its currency; `quantities`: the sentence's quantities in the claim's unit."""
    text, segments = reading.text, list(reading.segments[index])
    floor = reading.sentences[index].start
    figures = reading.figures(index)
    if amount is None and (name := in_a_name(text, count, floor)) is not None:
        return f"'{count.text}' is part of the name '{name}', no count"
    if amount is None and other_side_of_a_score(text, count, before, asked.nouns, floor):
        return f"'{count.text}' is the other side's figure in a score"
    # Of a part and its whole ("five of the seven members"), the part did the event; a fact about a person ("one of
    # his four sons") is the whole.
    wholes = amount is None and asked.owner is None
    part = part_before(text, count, figures) if wholes else None
    noun = amount.mark if amount is not None else counted_noun(text, count, asked.nouns, floor)
    whole = whole_after(text, count, figures) if noun is None and wholes else None
    if whole is not None:
        noun = counted_noun(text, whole, asked.nouns, floor)  # "five of the seven members": five members
    if amount is not None and asked.nouns and (rate := _RATE.match(text, max(amount.mark[1], count.end))) and \
            _what_it_is(asked.nouns).search(rate.group()) is None:
        return f"'{count.text}' is a rate ('{rate.group().strip(' -')}'), not any of: {', '.join(asked.nouns)}"
    if amount is not None and (limit := limit_or_difference(text, amount.mark[1])) is not None:
        return f"'{count.text}' is a limit or a difference ('{limit}'), not a measure of the event"
    if amount is not None and asked.nouns and not _names_what_the_sum_is(reading, index, count, asked, quantities):
        return f"'{count.text}' is a quantity, but its clause does not say it is any of: {', '.join(asked.nouns)}"
    if asked.unit == "money" and (someone := _for_someone_else(reading, index, count)) is not None:
        return f"'{count.text}' is for {someone}, whom the rules do not name: another case's sum"
    if noun is None and (changed_to(text, count, before, asked.nouns, floor) is not None or (
            shared_noun(text, count, before, asked.nouns, floor) is not None
            and _place_right_after(reading, index, count, segments[segment_at(segments, count.start)].end))):
        noun = (count.start, count.end)  # the noun is the figure's before it; the evidence stays this figure
    if noun is None and asked.owner is not None:
        noun = parent_of(text, count, asked.nouns, floor)  # "a mother of three"
    if noun is None:
        verb = next((t for t in triggers if (subject_of(text, count, t.start, asked.nouns)
                                             or object_of(text, count, t.end, asked.nouns)
                                             or partitive_subject(text, count, t.start, asked.nouns))
                     # an event noun right after the figure is what it counts ("12 bombings"); after a verb
                     # ("21 were missing", "eight remain missing") a word of noun shape is what they are
                     and not (asked.kind.nouns is not None and asked.kind.nouns.fullmatch(t.text)
                              and not text[count.end:t.start].strip())), None)
        if verb is None:
            return f"'{count.text}' counts none of: {', '.join(asked.nouns)}"
        noun = (verb.start, verb.end)
    if noun[0] >= count.end and " of " in f" {text[count.end:noun[0]]} " and with_others(text, noun[1]):
        return f"'{count.text}' counts {text[noun[0]:noun[1]]} and others with them, not {text[noun[0]:noun[1]]} alone"
    evidence = (min(noun[0], count.start), max(noun[1], count.end))  # the figure and its noun, either order
    clause = segment_at(segments, count.start)
    near = [t for t in triggers if segment_at(segments, t.start) == clause
            and events.gap(text, (t.start, t.end), evidence) <= events.settings().window]
    if not near:
        return f"'{count.text}' has no word of {asked.kind.name} near it in its clause"
    trigger = min(near, key=lambda t: abs(t.start - count.start))
    # "how many of the 23 trapped miners were found alive": 23 is the whole the question is about, a figure of its
    # own event only when that event's word is in the whole's phrase ("23 trapped miners", for a claim of trapped)
    if trigger.start >= evidence[1] and whole_of_an_untold_part(text, count, segments[clause].start):
        return f"'{count.text}' is the whole an untold part of which the sentence asks about ('how many of')"
    among = _among_a_group(text, count, noun, trigger, part, whole, figures, segments[clause], asked.nouns, floor)
    if isinstance(among, str):
        return among
    why = _another_figure(reading, index, count, max(trigger.end, evidence[1]), segments[clause], asked, rules,
                          whole is not None or partitive_subject(text, count, trigger.start, asked.nouns), among)
    if why is not None:
        return why
    # The figure belongs to the event word nearest it: in "displaced 1.4 million people and killed 212" the
    # 1.4 million were displaced.
    rivals = [t for name in events.event_names() if name != asked.kind.name
              for t in reading.triggers(events.event_kind(name), index) if segment_at(segments, t.start) == clause]
    nearest = events.gap(text, (trigger.start, trigger.end), evidence)
    # A participle right after the noun, or a phrase behind a preposition there, describes it ("11 other people
    # fleeing the war drowned", "four suspects in the port bombings are in custody"): the verb after it is what the
    # figure did.
    # And a total's phrase says what it is of ("bringing the toll from Tuesday's crash to 11"): an event word
    # between the noun and its figure is no rival.
    rivals = [t for t in rivals if not (trigger.start > t.end and t.start >= noun[1] and (
        (t.text.endswith("ing") and t.start - noun[1] <= 1) or describes_the_noun(text, noun[1], t.start)))
        and not noun[1] <= t.start < t.end <= count.start]
    rival = next((t for t in rivals if events.gap(text, (t.start, t.end), evidence) < nearest), None)
    if rival is not None:
        return f"'{count.text}' belongs to the nearer '{rival.text}' ({rival.event})"
    if text[count.end:count.end + 1] == "-" and noun[0] == count.end + 1 and not glued_size_of(
            text, noun[1], trigger.start, trigger.end):
        return f"'{count.text}-{text[noun[0]:noun[1]]}' is the size of what follows it, not of the claim's thing"
    someone = _of_someone_else(reading, index, count, asked)
    if someone is not None:
        return f"'{count.text}' is in a clause about {someone}, not {asked.owner}"
    owner = _owned_by_another(reading, index, amount.mark[0] if amount is not None else count.start, asked)
    if owner is not None:
        return f"'{count.text}' is {owner}'s, not {asked.owner}'s"
    stale, horizon = _dated_before(reading, index, asked, count)
    if stale is not None and not _size_at_that_time(text, count, noun, segments[clause]):
        return f"'{count.text}': the sentence names '{stale.text}', before {horizon}: another event's figure"
    return noun, trigger


def _among_a_group(text: str, count: Count, noun: tuple[int, int], trigger: events.Trigger, part: Count | None,
                   whole: Count | None, figures: Sequence[Count], clause: Segment, nouns: tuple[str, ...],
                   floor: int) -> str | int | None:
    """Of a part and its whole, or a clause that opens with a group, which figure is the event's: why this one is
    not; or, for a figure told among a group of the claim's noun ("Of the 50 people on board, 41 were rescued"),
    where the group's phrase ends; or None. "Five of the seven members backed it": five did it, of seven; "nine of
    the 40 people killed were children": the 40 were killed, and nine of them were something else."""
    if part is not None and not _told_with_its_noun(text, noun, trigger, clause.end):
        return f"'{count.text}' is the whole that '{part.text}' is a part of"
    # The whole's noun, or the whole alone where its event word is its noun ("the 61 dead").
    if whole is not None and _told_with_its_noun(text, counted_noun(text, whole, nouns, floor) or (
            whole.start, whole.end), trigger, clause.end):
        return f"'{count.text}' is a part of '{text[whole.start:trigger.end]}'"
    group = opening_group(text, clause.start, clause.end)
    if group is None:
        return None
    if group[0] <= count.start < group[1] and not group[0] <= trigger.start < group[1]:
        return f"'{count.text}' is the size of the group '{text[group[0]:group[1]].strip(' ,')}', not a figure of " \
               f"'{trigger.text}'"
    sized = any(group[0] <= f.start < group[1] and counted_noun(text, f, nouns, floor) for f in figures)
    return group[1] if sized and count.start >= group[1] and trigger.start >= group[1] else None


_RELATIVE = patterns.compile(r"\s*(?:who|that)\s+(?:(?:were|was|had|have|has)\s+(?:been\s+)?)?", regex.I)
_FINITE_AFTER = patterns.compile(r"\b(?:was|were|is|are|had|have|has|included|include|includes|(?-i:[a-z]{3,}ed))\b",
                                 regex.I)


def _told_with_its_noun(text: str, noun: tuple[int, int], trigger: events.Trigger, clause_end: int) -> bool:
    """Whether the event word tells what the figure's noun did or underwent, inside its noun phrase: the noun itself
    ("the 61 dead"), a relative clause ("the 11 members who voted"), or a participle right after it with the
    clause's own verb still to come ("nine of the 40 people killed were children"; in "nine of the 11 members backed
    the plan" it is the verb)."""
    if trigger.start < noun[1]:
        return trigger.start >= noun[0]  # the noun is the event word itself: "the 61 dead"
    between = text[noun[1]:trigger.start]
    if _RELATIVE.fullmatch(between):
        return True
    # ... or ends the clause: "all but 28 of the 89 people on board."
    return not between.strip() and (_FINITE_AFTER.search(text, trigger.end, clause_end) is not None
                                    or not text[trigger.end:clause_end].strip(" .,;:!?\"”’'"))


def _owned_by_another(reading: Reading, index: int, start: int, asked: _Asked) -> str | None:
    """Another entity of the rules named in the possessive right before a figure of a fact about one ("tops
    Corvane's $34 a share", for a claim of Halvorsen's), or None."""
    if asked.owner is None:
        return None
    return next((m.text for m in reading.mentions[index] if m.entity != asked.owner and m.end <= start
                 and regex.fullmatch(r"['’]s\s+", reading.text[m.end:start])), None)


def _of_someone_else(reading: Reading, index: int, count: Count, asked: _Asked) -> str | None:
    """Another person of the rules that a figure's clause names where it does not name the claim's owner ("Ruiz's
    two brothers" in a claim of Ortiz's children), or None."""
    if asked.owner is None:
        return None
    segments = list(reading.segments[index])
    clause = segments[segment_at(segments, count.start)]
    # A relative clause is about the name it follows ("Ruiz, who is survived by two sons").
    start = clause.start - 4 if clause.cue.lower() in ("who", "whose") else clause.start
    people = [m for m in reading.mentions[index] if start <= m.end and m.start < clause.end
              and reading.entity_kinds.get(m.entity) == "person"]
    if not people or any(m.entity == asked.owner for m in people):
        return None
    return people[0].text


def _size_at_that_time(text: str, count: Count, noun: tuple[int, int], clause: Segment) -> bool:
    """Whether a figure glued to its noun, the size of the claim's own thing ("the 12-nation bloc"), is the size at
    the time of its clause, however long ago: not another event's figure, unless the clause tells of the thing's
    beginning ("the 15-nation bloc was founded in 1991": today's size)."""
    return noun[0] == count.end + 1 and text[count.end] == "-" and not tells_a_beginning(text, clause.start,
                                                                                        clause.end)


def _another_figure(reading: Reading, index: int, count: Count, after: int, clause: Segment, asked: _Asked,
                    rules: RuleSet, partitive: bool = False, among: int | None = None) -> str | None:
    """Why a figure of the claim's noun and event counts something else: another place named after it or around
    it, a separate event, an earlier figure or a part; None when it does not. `among`: where the opening phrase
    ends of a clause that opens with the group the figure is a part of and tells the event after it ("Of the 50
    aboard, 41 were rescued"): the figure is the event's, and that opening marks no part."""
    text = reading.text
    if denied(text, count, reading.sentences[index].start):
        return f"'{count.text}' is in what the sentence denies or calls false"
    other_place = _scope_place(reading, index, after, clause.end, asked.place, rules)
    if other_place is not None:
        return f"'{count.text}' is scoped to another place: {other_place}"
    opened = _opened_by_another_place(reading, index, count, asked.place, rules)
    if opened is not None:
        return f"'{count.text}' is of the place its sentence opens with: {opened}"
    elsewhere = _place_of_the_figure(reading, index, count, asked.place, rules)
    if elsewhere is not None:
        return f"'{count.text}' is {elsewhere}"
    if events.about_another_event(text, clause.start, clause.end):
        return f"'{count.text}': its clause is about a separate event"
    if a_ratio(text, count):
        return f"'{count.text}' opens a ratio, no count"
    if others_of_someone(text, count, clause.start):
        return f"'{count.text}' counts other cases someone is sought or charged in, besides those the article told " \
               f"of: not the claim's base"
    group = part_of_an_earlier_group(text, count)
    if group is not None:
        return f"'{count.text} {group}': some of those already counted, an increment and not the whole figure"
    more = _added_to(reading, index, count, asked)
    if more is not None:
        return f"'{count.text}' is a part: the sentence adds '{more}' to it"
    a_part = part_of_the_figure_before(text, count, clause.start)
    if not_the_total(text, count, among or clause.start, clause.end, partitive) and not (
            (a_part and not _whole_counted(reading, index, count, asked))
            or ((a_part or in_a_part_clause(text, count, clause.start))
                and _of_the_claims_part(reading, index, count, asked, rules))):
        return f"'{count.text}' is an earlier figure, a part, or one day's"
    return None


def _added_to(reading: Reading, index: int, count: Count, asked: _Asked) -> str | None:
    """What the sentence adds to a figure of the claim's event ("killed 12 on Monday and another 9 on Tuesday"), or
    None: the figure it adds is nearer a word of the claim's event than of any other ("and another 30 were
    injured" adds to no toll)."""
    text = reading.text
    found = more_added_after(text, count, reading.sentences[index].end)
    later = next((f for f in reading.figures(index) if found and f.start >= found[0]), None)
    if found is None or later is None:
        return None

    def nearest(kind: events.EventKind) -> int:
        return min((events.gap(text, (t.start, t.end), (later.start, later.end))
                    for t in reading.triggers(kind, index)), default=len(text))

    ours = nearest(asked.kind)
    if any(nearest(events.event_kind(name)) < ours for name in events.event_names() if name != asked.kind.name):
        return None
    return text[found[0]:later.end]


def _of_the_claims_part(reading: Reading, index: int, count: Count, asked: _Asked, rules: RuleSet) -> bool:
    """Whether a figure told as a part ("including 9 in Norvik", "Of those killed, 11 died in Norvik") is of the
    place the claim counts, one part of a whole the rules count apart: it is then that part's own figure."""
    part_of_a_whole = any(asked.place in parts for parts in rules.place_parts.values())
    return part_of_a_whole and _place_right_after(reading, index, count, reading.sentences[index].end) == {asked.place}


def _whole_counted(reading: Reading, index: int, count: Count, asked: _Asked) -> bool:
    """Whether a figure before this one in its sentence counts the claim's nouns: this one is then a part of the
    claim's figure, not a figure of its own ("killed 40 people, including 12 in the capital", for a claim of
    people; but "including 12 Americans" is the figure of a claim of Americans)."""
    sentence = reading.sentences[index]
    return any(counted_noun(reading.text, other, asked.nouns, sentence.start) is not None
               for other in reading.figures(index) if other.end <= count.start)


def _dated_before(reading: Reading, index: int, asked: _Asked, count: Count) -> tuple[Timex | None, dt.date]:
    """A date of the sentence before the claim's period ("In 2011, 12 people died on the same line": another
    event's figure), and that period's start. A date the figure is measured against ("the worst disaster to hit
    the region since 1998") is none of the figure's, unless a 'when' or 'which' clause after it tells of that time
    ("the worst since 2019, when five people died", "since the 2019 storm, which killed 112")."""
    sentence = reading.sentences[index]
    horizon = asked.since or reading.article.published - dt.timedelta(days=365)
    # Not a date of a clause of its own that an "after" or "before" opens: "the league grew from 12 clubs to 18,
    # after a merger in 1996" dates the merger, not the figures ("and one more near the coast between 2009 and
    # 2011" still dates the list it ends).
    segments = list(reading.segments[index])
    clause = segment_at(segments, count.start)
    # A relative clause is about what the clause before it names ("since the storm of 2019, which killed 112").
    relative = segments[clause].cue.lower() in ("which", "that", "when")
    # A relative clause between commas that the main clause resumes after dates only what it tells, when the main
    # clause tells a state now ("The wreck, which sank in 1952, lies at 3,200 metres"); told in the past, it is of
    # that time ("The Aurora, which sank in 1998, injured 300 people").
    resumed = clauses.clause_of(segments)
    now = tells_a_state_now(reading.text, segments[clause].start, count.start)
    asides = {k for k in range(len(segments) - 1) if resumed[k + 1] != k + 1 and k != clause} if now else set()
    stale = next((t for t in reading.timexes[index] if (end := period_end(t.value)) is not None and end < horizon
                  and (k := segment_at(segments, t.start)) not in asides
                  and (k == clause or not segments[k].relation or (relative and k == clause - 1))
                  and (not in_a_comparison(reading.text, sentence.start, t.start)
                       or _WHEN_THEN.match(reading.text, t.end, count.start) is not None)), None)
    return stale, horizon


def _for_someone_else(reading: Reading, index: int, count: Count) -> str | None:
    """The name of the one a sum is for, when the sentence says it by a name no entity of the rules bears."""
    named = sum_for(reading.text, count.start, reading.sentences[index].end)
    if named is None:
        return None
    if events.someone_of_theirs(reading.text, named[1]):  # "for the arrest of Ruiz's accomplice"
        return f"someone of {reading.text[named[0]:named[1]]}'s"
    if any(m.start <= named[0] < m.end for m in reading.mentions[index]):
        return None
    return reading.text[named[0]:named[1]]


@functools.lru_cache(maxsize=256)
def _what_it_is(nouns: tuple[str, ...]) -> patterns.Pattern:
    """What a sum is, as the claim's words or patterns: a rule's regular expressions, timed on any stretch."""
    return patterns.compile(r"\b(?:" + "|".join(nouns) + r")\b", regex.I, rule_text=True)


def _names_what_the_sum_is(reading: Reading, index: int, count: Count, asked: _Asked,
                           quantities: Sequence[Count]) -> bool:
    """Whether the clause of a quantity in units names one of the claim's words for it ("a reward of $5 million",
    "a depth of 3,700 m"). With other quantities in the clause, the word must stand in this one's stretch between
    commas, nearer it than any other: in "for $38.50 per share in cash, valuing the company at $4.2 billion", 'per
    share' is the $38.50's and 'valuing' the $4.2 billion's."""
    text, segments = reading.text, list(reading.segments[index])
    clause = segments[segment_at(segments, count.start)]
    end = clause.end
    # The same quantity converted in brackets right after it ("640 metres (2,100 feet) underground") cuts no
    # clause: the words after the brackets are still this quantity's.
    converted = _CONVERSION_AFTER.match(text, count.end)
    if converted is not None and converted.end() < len(text):
        end = segments[segment_at(segments, converted.end())].end
    words = _what_it_is(asked.nouns)
    others = [q for q in quantities if q.start != count.start and clause.start <= q.start < end]
    if not others:
        return words.search(text, clause.start, end) is not None
    start = max([clause.start, *(m.end() for m in _STRETCH_MARK.finditer(text, clause.start, count.start))])
    stop = next((m.start() for m in _STRETCH_MARK.finditer(text, count.end, end)
                 if converted is None or not converted.start() <= m.start() < converted.end()), end)

    def gap(word: regex.Match[str], figure: Count) -> int:
        return max(figure.start - word.end(), word.start() - figure.end, 0)

    return any(all(gap(word, count) < gap(word, other) for other in others)
               for word in words.finditer(text, start, stop))


# A sum of so much a unit ("$38.50 a share", "the $38.50-per-share deal", "$90 a barrel"): a rate, the figure of a
# claim only of that rate.
_RATE = patterns.compile(r"\s*-?\s*(?:a|an|per)[\s-]+\p{L}+", regex.I)
_STRETCH_MARK = patterns.compile(r"[,;:()]|\s[—–]\s")
_CONVERSION_AFTER = patterns.compile(r"[\s\p{L}.]{0,14}?\s*\((?:about\s+|some\s+|around\s+|roughly\s+)?"
                                     r"[0-9][^()]{0,30}\)")


def _statement(reading: Reading, index: int, count: Count, noun: tuple[int, int], trigger: events.Trigger,
               asked: _Asked, unit: str = "") -> Statement:
    """The figure as of the day its clause gives, else the publication date. A date equal to the count's start is
    its start when told so ("since the quake struck on 3 March"), else the day the figure was given ("the toll
    rose to 40 on 3 March", the day the quake struck)."""
    article, segments = reading.article, list(reading.segments[index])
    clause = segment_at(segments, count.start)
    as_of_timexes = [t for t in reading.timexes[index] if t.day is not None and segment_at(segments, t.start) == clause
                     and t.day <= article.published
                     and not (t.day == asked.since and (t.start < count.start or starts_the_count(
                         reading.text, segments[clause].start, t.start)))]
    # A moment written "as of" is the figure's, before any other date of the clause ("the craft that vanished on
    # Sunday had 71 hours of oxygen left as of 9 a.m. on Monday": Monday), with the day its time is on.
    # Not one after another figure ("40 hours left on Tuesday, down from 70 as of Monday": the 70's).
    states = [t for t in reading.timexes[index] if segment_at(segments, t.start) == clause
              and clauses.dates_a_state(reading.text, segments[clause].start, t.start)
              and (t.start < count.start or not read_counts(reading.text, count.end, t.start))]
    as_of_timexes.sort(key=lambda t: not any(s.start <= t.start <= s.end + 4 for s in states))
    as_of = next((t.day for t in as_of_timexes if t.day is not None), article.published)
    as_of_how = f"as of {as_of} ({as_of_timexes[0].text})" if as_of_timexes else f"as of the publication date {as_of}"
    stale = None if as_of_timexes else _dated_before(reading, index, asked, count)[0]
    if stale is not None and (end := period_end(stale.value)) is not None:
        as_of, as_of_how = end, f"as of {end}, the end of '{stale.text}', the time of its clause"
    trend = asked.claim.get("trend") or ("grows" if asked.claim.get("cumulative") else "fixed")
    sentence_start = reading.sentences[index].start
    grown = told_as_grown_to(reading.text[sentence_start:count.start])
    stamped = _UPDATE_STAMP.match(reading.text, reading.text.rfind("\n", 0, sentence_start) + 1) is not None
    value = CountValue(count.low, count.high, as_of, trend == "grows", unit, trend == "falls", grown, stamped)
    spans = [(count.start, count.end), noun, (trigger.start, trigger.end)]
    shown = f"{count.value} {unit}" if unit else count.value
    explanation = f"{count.text} -> {shown}: {count.how}; {as_of_how}"
    return statement(asked.claim.id, article, reading.sentences[index], spans, shown, explanation, value,
                     {"low": count.low, "high": count.high, "as_of": as_of.isoformat(),
                      **({"unit": unit} if unit else {})})


# Right after a date a figure is measured against, a clause that tells of that time or of the event it names ("the
# worst since 2019, when five people died", "since Cyclone Orrin in 2019, which killed 112").
_WHEN_THEN = patterns.compile(r"(?:['’]s)?(?:\s+[\p{L}-]+){0,4}?(?:,\s*(?:when|which)|\s*when)\b")


# News writes a lower bound rounded down ("more than 1,400" for 1,450), so a later "at least" a little under an
# earlier figure is the same count; one well under it ("at least 97" after "more than 120") is a toll that fell.
_BOUND_ROUNDING = 0.1


def _cannot_both_hold(a: Statement, b: Statement) -> bool:
    if a.data.unit != b.data.unit:
        return False  # sums in two currencies: their rate is no language fact
    if a.data.falls and a.data.as_of != b.data.as_of:
        earlier, later = sorted((a, b), key=lambda s: s.data.as_of)
        return earlier.data.high is not None and later.data.low > earlier.data.high
    if a.data.cumulative and a.data.as_of != b.data.as_of:
        earlier, later = sorted((a, b), key=lambda s: s.data.as_of)
        return later.data.high is not None and later.data.high < earlier.data.low
    return not a.data.overlaps(b.data)


def _falls(a: Statement, b: Statement) -> bool:
    """A cumulative figure whose later lower bound is well under the earlier one: both may hold as bounds, but a
    toll does not fall, so one source is out of date or counts something else."""
    if not a.data.cumulative or a.data.as_of == b.data.as_of or a.data.unit != b.data.unit:
        return False
    earlier, later = sorted((a, b), key=lambda s: s.data.as_of)
    if later.data.low == 0 and later.data.high is not None:
        return False  # "up to $250,000" bounds the figure from above only: it says nothing of a fall
    return later.data.low < earlier.data.low * (1 - _BOUND_ROUNDING)


def _incompatible(a: Statement, b: Statement) -> bool:
    return _cannot_both_hold(a, b) or _falls(a, b)


# A line that opens with a clock time is an update of a live page or a timeline ("**14:30** — ...", "09:10 - ...").
_UPDATE_STAMP = patterns.compile(r"[\W_]{0,4}[0-2]?[0-9][:.][0-5][0-9](?:\s*[ap]\.?m\.?)?[\W_]{0,4}\s*[-—–|:]", regex.I)


def _same_day_growth(a: Statement, b: Statement) -> bool:
    """Two figures of a cumulative count as of the same day: the toll may have grown within the day (a morning
    report and an evening one), which the day alone cannot rule out. In one article only where the figures stand
    in two updates stamped with their times (a live page, newest first or last), or the later one is the higher and is
    told as what the count has grown to ("... has risen to nine")."""
    if not (a.data.cumulative and not a.data.falls and a.data.as_of == b.data.as_of and a.data.unit == b.data.unit):
        return False
    if a.article != b.article or (a.data.stamped and b.data.stamped and a.line != b.line):
        return True
    earlier, later = sorted((a, b), key=lambda s: s.start)
    return earlier.data.high is not None and later.data.low > earlier.data.high and later.data.grown_to


def _explained(a: Statement, b: Statement) -> bool:
    """A falling lower bound, whose bounds themselves do not contradict each other, or a cumulative figure that
    differs within one day: a warning."""
    return not _cannot_both_hold(a, b) or _same_day_growth(a, b)


def _number(value: float | None) -> str:
    return "open" if value is None else f"{value:,.0f}"


def _pair(a: Statement, b: Statement) -> str:
    """One disagreeing pair, saying why: the same date, a shrinking cumulative figure, an article against itself."""
    earlier, later = sorted((a, b), key=lambda s: (s.data.as_of, s.article))
    if _same_day_growth(a, b):
        why = ("the same day; the figure may have grown within it" +
               (f" ({a.article} gives both)" if a.article == b.article else ""))
    elif a.article == b.article:
        why = f"{a.article} contradicts itself"
    elif a.data.falls and earlier.data.as_of != later.data.as_of:
        why = "a quantity that only falls rises"
    elif a.data.cumulative and earlier.data.as_of != later.data.as_of:
        why = "a cumulative figure shrinks" if _cannot_both_hold(a, b) else "the later lower bound is well under it"
    else:
        why = "same date" if earlier.data.as_of == later.data.as_of else "no overlap"
    return (f"{earlier.value} ({earlier.article}, as of {earlier.data.as_of}) vs {later.value} ({later.article}, "
            f"as of {later.data.as_of}): {why}")


def _describe(case: Case) -> str:
    ordered, unexplained, explained = case.statements, case.unexplained, case.explained
    by_date = sorted(ordered, key=lambda s: (s.data.as_of, s.article))
    listing = "; ".join(f"{s.value} as of {s.data.as_of} ({s.article})" for s in by_date)
    if case.status == "conflict":
        shown = "; ".join(_pair(a, b) for a, b in unexplained[:3])
        pairs = len(unexplained) + case.pairs_left_out[0]
        more = f" (and {pairs - 3} more pairs)" if pairs > 3 else ""
        return f"figures that cannot all be right: {shown}{more}"
    if explained and all(_same_day_growth(a, b) for a, b in explained):
        shown = "; ".join(_pair(a, b) for a, b in explained[:3])
        return (f"figures of the same day differ: {shown}; a cumulative count may grow within a day, so check the "
                "time of each report")
    if explained:
        shown = "; ".join(_pair(a, b) for a, b in explained[:3])
        return (f"a later source gives a lower figure, which a cumulative count does not do: {shown}; "
                "one of them may be out of date or count something else")
    if ordered and ordered[0].data.cumulative and len({s.data.as_of for s in ordered}) > 1:
        return f"the figure grows with its date, as a cumulative count may: {listing}"
    return f"figures compatible: {listing}"


KIND = Kind(
    name="count",
    summary="how many: a toll, a number of people, with qualifiers read as intervals",
    keys={
        "counted": KeySpec("strings", "the nouns that are counted (civilians, people, passengers); with a `unit`, "
                                      "what the quantity is (a reward, a ransom)", required=True),
        "unit": KeySpec("string", "what the figures measure, when it is no number of things: \"money\" (sums with "
                                  "a currency), \"length\" (a depth, a distance), \"duration\"",
                        choices=("money", *unit_families())),
        "trend": KeySpec("string", "how the quantity moves with time: \"grows\" (a toll: as `cumulative`), "
                                   "\"falls\" (air or fuel left), \"fixed\" (a depth)",
                         choices=("grows", "falls", "fixed")),
        "event": KeySpec("event", "what happened to them (killed, injured, displaced, ...); without it, only the "
                                  "claim's cues tell the event", required_unless="cues"),
        "place": KeySpec("entity", "where; a count scoped to another named place is not read"),
        "of": KeySpec("entity", "whose the figures are, for a fact about one person or thing (children, years in "
                                "office): read only in a sentence about it, named or carried by a pronoun"),
        "since": KeySpec("date", "start of a cumulative count (YYYY-MM-DD); a date equal to it is not an as-of date"),
        "cumulative": KeySpec("bool", "whether the figure only grows with time (a toll)", default=False),
        "cues": CUES_KEY,
    },
    extract=extract,
    describe=_describe,
    incompatible=_incompatible,
    explained=_explained,
    why_explained="the bounds themselves do not contradict each other, or a cumulative figure may have grown within "
                  "the day",
    data_type=CountValue,
)
