"""Date claims: the day someone did something ("the day the prime minister met the chancellor").

A date belongs to the event reported in its own clause; an event in a clause linked by "after" or "before" only
gets a bound ("landed in Port Elm late Wednesday after talks with Brandt": the talks are on or before that day);
an event named without a date takes the date the previous sentence gave for the same place or person.
A statement about the future (a plan) that disagrees with a report published later is a warning, not a conflict:
the schedule may have changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from typing import TypeVar

import regex

from factcheck import language, patterns
from factcheck.claims import Claim, KeySpec, RuleSet
from factcheck.findings import Statement, statement
from factcheck.kinds import CUES_KEY, Case, Kind, a_plan, agreement, articles_of_pairs, once_each, set_against
from factcheck.readers import clauses, events
from factcheck.readers.clauses import Segment, negated, pluperfect, relative_cues, segment_at
from factcheck.readers.counts import place_scope
from factcheck.readers.names import Mention
from factcheck.readers.reading import Reading
from factcheck.readers.temporal import Timex, day_range, days_of, period_end, rules_with
from factcheck.trace import UNHEARD, Notes

_T = TypeVar("_T")

# An event word told as a noun: "a meeting", "the planned talks".
_NOMINAL = patterns.compile(r"\b(?:a|an|the|this|that)\s+(?:[\w-]+\s+)?\Z", regex.I)


@dataclass(frozen=True, slots=True)
class DateRange:
    """The days a statement allows: one day, a period (a week, a month, a season, a range of days), or a bound open
    on one side.

    A bound comes from an event the text relates to a dated one ("landed on Wednesday after talks with ..."), so it
    includes that day: `<2023-03-15` reads "before the event of 2023-03-15", on that day or earlier, and is written
    as the JSON report's contract writes bounds."""

    earliest: dt.date | None
    latest: dt.date | None
    planned: bool
    shown: str = ""  # a period as the text gives it: a month ("1998-10"), a season ("1998-FA"), days ("a/b")

    def render(self) -> str:
        if self.earliest == self.latest and self.earliest is not None:
            return self.earliest.isoformat()
        if self.earliest is not None and self.latest is not None:
            return self.shown or f"{self.earliest}/{self.latest}"
        if self.earliest is None:
            return f"<{self.latest}"
        return f">{self.earliest}"

    def overlaps(self, other: DateRange) -> bool:
        low = max(d for d in (self.earliest, other.earliest, dt.date.min) if d is not None)
        high = min(d for d in (self.latest, other.latest, dt.date.max) if d is not None)
        return low <= high

    def within(self, other: DateRange) -> bool:
        return ((other.earliest is None or (self.earliest is not None and self.earliest >= other.earliest))
                and (other.latest is None or (self.latest is not None and self.latest <= other.latest)))


@dataclass(frozen=True, slots=True)
class _Attachment:
    timex: Timex
    earliest: dt.date | None
    latest: dt.date | None
    how: str
    shown: str = ""


@dataclass(frozen=True, slots=True)
class _Span:
    """The days a date of the text names, and how a period of them is written ("1998-10", "1999-04-24/1999-04-25")."""

    first: dt.date
    last: dt.date
    shown: str


def _span(text: str, timex: Timex) -> _Span | None:
    """What a date or time names, as days: a day, a range of days it opens ("April 24 and 25"), a week, a month, a
    season, a year; None for anything coarser or vaguer, and for durations and sets."""
    if timex.type not in ("DATE", "TIME") or (days := days_of(timex.value)) is None:
        return None
    first, last = days
    if first == last and (extended := day_range(text, timex)) is not None:
        last = extended[0]
    if first == last and timex.type == "TIME" and (other := _day_in_brackets(text, timex, first)) is not None:
        first, last = min(first, other), max(first, other)  # "2:30 p.m. EDT Monday (2:30 a.m. Tuesday local time)"
    if first == last:
        shown = ""
    elif timex.day is not None or "W" in timex.value:  # a range of days, a week: as days
        shown = f"{first}/{last}"
    else:  # a month, a quarter, a season, a year: as TIMEX3 writes it
        shown = timex.value.split("T")[0]
    return _Span(first, last, shown)


_BRACKET_DAY = patterns.compile(r"\s*\([^()]{0,60}?\b(?P<day>mon|tues|wednes|thurs|fri|satur|sun)day\b[^()]{0,40}\)",
                            regex.I)


def _day_in_brackets(text: str, timex: Timex, day: dt.date) -> dt.date | None:
    """The day before or after a clock time's that the same moment falls on in the zone a bracket right after it
    gives ("2:30 p.m. EDT Monday (2:30 a.m. Tuesday local time)": Tuesday), or None: the event fell on either."""
    found = _BRACKET_DAY.match(text, timex.end)
    if found is None:
        return None
    weekday = language.weekday_numbers()[f"{found['day'].lower()}day"]
    return next((day + dt.timedelta(days=step) for step in (-1, 1)
                 if (day + dt.timedelta(days=step)).weekday() == weekday), None)


def _dated(reading: Reading, index: int) -> list[tuple[Timex, int]]:
    """The dates of a sentence that name days or periods, with their segments. A time of day alone ("shot at 10
    p.m.") is not among them: its day is only the narrative's, which a flashback leaves behind."""
    segments = list(reading.segments[index])
    return [(t, segment_at(segments, t.start)) for t in reading.timexes[index]
            if _span(reading.text, t) is not None and t.rule not in rules_with("time_of_day_only")]


def _whole(text: str, timex: Timex, how: str) -> _Attachment:
    """The event on the day or in the period a date names."""
    span = _span(text, timex)
    assert span is not None  # the dates of `_dated` name days
    return _Attachment(timex, span.first, span.last, how, span.shown)


def _attach(reading: Reading, index: int, trigger: events.Trigger, kind: events.EventKind,
            dated: list[tuple[Timex, int]] | None = None) -> _Attachment | str | None:
    """The date of the event a trigger reports, from its own sentence: a date of its own clause, else one a clause
    beside it lends it (a relative clause on the event noun, the clause a 'when' or 'where' clause belongs to), else
    a bound from a clause it stands before or after; or why the clause's dates are not the event's. `dated`: the
    expressions to choose from, with their segments (by default the sentence's dates of days); a reader of times
    of day passes its own, and takes no bound."""
    segments: list[Segment] = list(reading.segments[index])
    k = segment_at(segments, trigger.start)
    bounds = dated is None
    dated = _dated(reading, index) if dated is None else dated
    own = _in_its_clause(reading, trigger, kind, segments[k], [t for t, s in dated if s == k])
    if isinstance(own, _Attachment):
        return own
    return (_lent(reading, index, trigger, kind, segments, k, dated)
            or (_bounded(reading.text, trigger, segments, k, dated) if bounds else None) or own)


def attach_in(reading: Reading, index: int, trigger: events.Trigger, kind: events.EventKind,
              dated: list[tuple[Timex, int]]) -> tuple[Timex, str] | str | None:
    """Which of a sentence's expressions (with their segments) is the time of the event a trigger reports, and
    how that was decided, by the reasoning that dates events; or why none is. No bounds: only an expression of
    the event's own clause, or one a clause beside it lends it."""
    found = _attach(reading, index, trigger, kind, dated)
    if isinstance(found, _Attachment) and (found.earliest is None or found.latest is None):
        # "the terminal where the bomb exploded": the clause's time is the other event's, the event only before it
        return f"'{found.timex.text}' is the time of another event, which '{trigger.text}' only comes before or after"
    return (found.timex, found.how) if isinstance(found, _Attachment) else found


def day_of(reading: Reading, index: int, trigger: events.Trigger, kind: events.EventKind) -> dt.date | None:
    """The day the sentence gives the event a trigger reports, when it gives exactly one."""
    found = _attach(reading, index, trigger, kind)
    if isinstance(found, _Attachment) and found.earliest is not None and found.earliest == found.latest:
        return found.earliest
    return None


def _in_its_clause(reading: Reading, trigger: events.Trigger, kind: events.EventKind, clause: Segment,
                   own: list[Timex]) -> _Attachment | str | None:
    """The date of the event among its clause's, or why none is. A date written against a verb of saying is the
    telling's ("police said Tuesday they recovered a knife"); an event word told as what another verb is about
    takes only a date written against it ("Iran on Saturday condemned Friday's bombing": Friday). Of the dates
    left, one right before the event word modifies it ("Sunday night's collision", "the April 26 meeting"); else a
    date after it is its own ("met the king on Friday"); one before it only when there is none after ("On Friday,
    she met the king")."""
    text = reading.text
    states = [t for t in own if clauses.dates_a_state(text, clause.start, t.start)]
    own = [t for t in own if t not in states]
    if not own:
        return f"'{states[0].text}' dates a state ('as of'), not an event" if states else None
    phrase = events.told_as_noun(text, clause.start, trigger, kind)
    # "Her resignation came up in Sunday's debate": a date in the possessive dates its own noun; it is the event's
    # only when that noun is the event word, or the noun's verb is ("Friday's blast killed 12").
    owned = {t: text[span[0]:span[1]] for t in own if (span := clauses.possessed_by_date(text, t.end)) is not None
             and not span[0] <= trigger.start < span[1] and (phrase is not None or t.start >= trigger.end)}
    own = [t for t in own if t not in owned]
    if not own:
        first = next(iter(owned))
        return f"'{first.text}' dates '{owned[first]}', not '{trigger.text}'"
    # "officials called Tuesday's find of the wreck a turning point": a date in the possessive of the event word is
    # its own, whatever verb of saying stands before it.
    of_the_event = [t for t in own if (span := clauses.possessed_by_date(text, t.end)) is not None
                    and span[0] <= trigger.start < span[1]]
    if of_the_event:
        return _whole(text, of_the_event[0], f"the date of '{trigger.text}', in the possessive before it")
    against = [t for t in own if phrase is not None and events.date_against(
        text, phrase, trigger, t.start, t.end, not rules_with("weekday_alone").isdisjoint(t.rule.split("+")))]
    if phrase is not None and not phrase.takes_clause_dates:
        if not against:
            return (f"'{trigger.text}' is told as what '{phrase.governor}' is about; '{own[0].text}' is the date of "
                    "another verb of the clause")
        candidates = against
    else:
        sayings = {t: said for t in own if (said := _saying(text, clause, trigger, t)) is not None}
        later = {t for t in own if t.start >= trigger.end and t not in against
                 and (clauses.verb_between(text, trigger.end, t.start, after_a_verb=phrase is None
                                           or events.subject_of_happening(text, trigger))
                      or clauses.crime_between(text, trigger.start, trigger.end, t.start))}
        later |= {t for t in own if t.end <= trigger.start and t not in against
                  and (clauses.follows_another_verb(text, clause.start, t.start)
                       or clauses.when_of_another(text, t.end, trigger.start))}
        # "two aid workers freed after months in captivity flew home on Sunday": freed on or before Sunday
        # (Only in a clause of the sentence's own, "the bomb exploded" after "before" is a verb; and not where the
        # verb after it is itself a word of the claim's event.)
        main_verbs = {t: verb for t in own if not clause.cue and t.start >= trigger.end and t not in against and (
            verb := clauses.main_verb_after_participle(text, clause.start, trigger.start, trigger.end, t.start))
            and not events.find_triggers(text, kind, verb[0], t.start)}
        if main_verbs and len(main_verbs) == len(own):
            first, verb = next(iter(main_verbs.items()))
            return _bound(text, first, trigger, True, text[verb[0]:verb[1]])
        later |= set(main_verbs)
        if phrase is not None and phrase.governor in events.prepositions():
            later |= {t for t in own if t.start >= trigger.end and t not in against and clauses.in_a_relative_subject(
                text, clause.start, trigger.start, trigger.end, t.start)}
        candidates = [t for t in own if t in against or (t not in sayings and t not in later)]
        if not candidates and later:
            return f"'{own[0].text}' is the date of another verb than '{trigger.text}', in a clause of its own"
        if not candidates:
            said = next(iter(sayings.values()))
            return f"'{own[0].text}' is the date of '{said}', the telling, not of '{trigger.text}'"
    before = [t for t in candidates if t.end <= trigger.start]
    after = [t for t in candidates if t.start >= trigger.end]
    adjacent = [t for t in before if events.date_modifies(text, t.end, trigger.start)]
    timex = adjacent[-1] if adjacent else after[0] if after else candidates[-1]
    return _whole(text, timex, f"the date of '{trigger.text}' in the same clause")


def _saying(text: str, clause: Segment, trigger: events.Trigger, timex: Timex) -> str | None:
    """The verb of saying a date is written against, unless the event word is that verb (an announcement)."""
    verb = clauses.saying_of(text, clause.start, clause.end, timex.start, timex.end)
    if verb is None or (verb[0] < trigger.end and trigger.start < verb[1]):
        return None
    return text[verb[0]:verb[1]]


def _lent(reading: Reading, index: int, trigger: events.Trigger, kind: events.EventKind, segments: list[Segment],
          k: int, dated: list[tuple[Timex, int]]) -> _Attachment | None:
    """A relative clause that describes the event noun lends it its date ("a meeting with Brandt, which is set for
    Friday"); a 'when' clause takes the time of the clause it belongs to ("began in Norvik on Monday, when she was
    received by ..."), a 'where' clause its place, so that day or later (or earlier: "where she had met ...")."""
    # Only a noun has a relative clause: after a verb, "that" opens what was said or decided ("announced that the
    # ferry would sail on Thursday"), whose date is its own.
    is_noun = kind.nouns is not None and kind.nouns.fullmatch(trigger.text) is not None
    if is_noun and k + 1 < len(segments) and segments[k + 1].cue.lower() in relative_cues("noun"):
        following = segments[k + 1]
        own_triggers = [t for t in reading.triggers(kind, index) if following.start <= t.start < following.end]
        in_clause = [t for t, s in dated if s == k + 1]
        if in_clause and not own_triggers:
            return _whole(reading.text, in_clause[0],
                          f"the date of '{trigger.text}', given in the clause that follows it")
    head = [t for t, s in dated if s == k - 1]
    if k == 0 or segments[k].cue.lower() not in ("when", "where") or not head:
        return None
    timex = head[-1]
    if segments[k].cue.lower() == "when":
        return _whole(reading.text, timex, f"the date of the clause that '{trigger.text}' is the 'when' of")
    span = _span(reading.text, timex)
    assert span is not None
    if pluperfect(reading.text, segments[k].start, segments[k].end):
        return _Attachment(timex, None, span.last, f"'{trigger.text}' happened earlier (had ...) at the place of an "
                                                   f"event dated {span.shown or span.last}, so on or before it")
    if kind.name in events.unplanned_kinds():
        return None  # "arrived on Monday at the field where the plane crashed": before the arrival, as it happens
    return _Attachment(timex, span.first, None, f"'{trigger.text}' happens at the place of an event dated "
                                                f"{span.shown or span.first}, so on or after it")


def _bounded(text: str, trigger: events.Trigger, segments: list[Segment], k: int,
             dated: list[tuple[Timex, int]]) -> _Attachment | None:
    """A bound from the dated clause the event's clause is related to by "before" or "after"."""
    if segments[k].relation and k > 0:
        before_clause = [t for t, s in dated if s == k - 1]
        if before_clause:
            return _bound(text, before_clause[-1], trigger, segments[k].relation == "before", segments[k].cue)
    if k + 1 < len(segments) and segments[k + 1].relation:
        after_clause = [t for t, s in dated if s == k + 1]
        if after_clause:
            return _bound(text, after_clause[0], trigger, segments[k + 1].relation == "after", segments[k + 1].cue)
    return None


def _bound(text: str, timex: Timex, trigger: events.Trigger, on_or_before: bool, cue: str) -> _Attachment:
    span = _span(text, timex)
    assert span is not None
    day = span.last if on_or_before else span.first
    side = "before" if on_or_before else "after"
    how = (f"the date belongs to another event; '{trigger.text}' is linked to it by '{cue}', so it took place "
           f"on or {side} {day} (the text gives no day of its own)")
    return _Attachment(timex, None, day, how) if on_or_before else _Attachment(timex, day, None, how)


def _carried(reading: Reading, index: int, anchors: tuple[str | None, ...],
             kind: events.EventKind) -> tuple[Timex, Mention] | None:
    """The date the previous sentence set for the same place or person, if it set one. A journey to a place comes
    before what happens there: "On Tuesday, the president hosted her in Rome. From Paris, she flew on to Rome." does
    not date the flight, so an arrival takes over only the date of another movement to its place."""
    if index == 0:
        return None
    previous = index - 1
    segments = list(reading.segments[previous])
    anchor_mentions = [m for entity in anchors for m in reading.mentions_of(entity, previous)]
    moves = ({segment_at(segments, t.start) for t in reading.triggers(kind, previous)}
             if kind.participants == "destination" else None)
    for timex, s in _dated(reading, previous):
        if timex.day is None or day_range(reading.text, timex) is not None:
            continue  # only a day is carried over, not a month or a range of days
        if moves is not None and s not in moves:
            continue
        for mention in anchor_mentions:
            if segment_at(segments, mention.start) == s:
                return timex, mention
    return None


def _continues_story(reading: Reading, index: int, who: str, partner: str | None,
                     triggers: tuple[events.Trigger, ...]) -> bool:
    """'The envoy will head to the capital. A meeting with the president is planned for Friday.': an event told as
    a noun with no one doing it ("a meeting", "the talks"), whose only person is the other party, right after a
    sentence that names the subject, goes on about the subject. A verb ("X met the president") has its own subject."""
    if index == 0 or not reading.mentions_of(who, index - 1):
        return False
    people = {m.entity for m in reading.mentions[index] if reading.entity_kinds.get(m.entity) == "person"}
    if not people or not people <= {partner}:
        return False
    start = reading.sentences[index].start
    return any(_NOMINAL.search(reading.text, max(start, t.start - 30), t.start) for t in triggers)


@dataclass(frozen=True, slots=True)
class Asked:
    """What a date claim asks of a sentence: the words of its event, whose event it is, with whom and where."""

    claim: Claim
    kind: events.EventKind
    who: str | None
    partner: str | None
    place: str | None
    since: dt.date | None
    moved: bool  # the claim is about the event as last moved or renewed ("its latest deadline")

    @staticmethod
    def of(claim: Claim) -> Asked:
        return Asked(claim, events.event_kind(claim.get("event"), tuple(claim.get("cues") or ())), claim.get("who"),
                      claim.get("with"), claim.get("place"),
                      dt.date.fromisoformat(claim.get("since")) if claim.get("since") else None,
                      bool(claim.get("moved")))

    def horizon(self, published: dt.date) -> dt.date:
        """The first day of the story: a date before it is history, another time of the event."""
        return self.since or published - dt.timedelta(days=events.settings().history_days)

    @property
    def participant(self) -> str | None:
        """The entity the event must be linked to: the other party, else the destination of a movement."""
        return self.partner or (self.place if self.kind.participants == "destination" else None)


def extract(reading: Reading, claim: Claim, rules: RuleSet, notes: Notes = UNHEARD, *,
            only: Collection[int] | None = None) -> list[Statement]:
    """The claim's statements; `only` the sentences of these indexes are read, when a caller knows no other can give
    one (kinds/presence.py reads only the sentences that name a place)."""
    asked = Asked.of(claim)
    found = [_statement(reading, index, trigger, *read, asked)
             for index, trigger, read in each_event(reading, asked, _dated_event, notes, only)]
    return _once_per_article(found, reading, notes)


def each_event(reading: Reading, asked: Asked, read: Callable[[Reading, int, events.Trigger, Asked], _T | str],
                  notes: Notes, only: Collection[int] | None = None) -> Iterator[tuple[int, events.Trigger, _T]]:
    """For each sentence that reports the claim's event about the claim's person, the first event word of it that
    `read` gives a value for (a date, a time of day), with that value; what `read` rejects, and why, is noted."""
    claim = asked.claim
    for index in range(len(reading.sentences)) if only is None else sorted(only):
        triggers = reading.triggers(asked.kind, index)
        if not triggers:
            continue
        if asked.who is not None and not (reading.subject_present(asked.who, index)
                                          or _continues_story(reading, index, asked.who, asked.partner, triggers)):
            article_word = "an" if asked.kind.name[0] in "aeiou" else "a"
            notes.reject(index, claim.id, f"'{triggers[0].text}' reports {article_word} {asked.kind.name}, but the "
                                          f"sentence is not about {asked.who}: not named, and no pronoun carries it "
                                          "from the sentences before")
            continue
        carried = asked.who is not None and not reading.mentions_of(asked.who, index)
        for trigger in triggers:  # the first event word that gives a value
            agent = events.own_subject(reading.text, reading.sentences[index].start, trigger, asked.kind) \
                if carried else None
            if agent is not None:
                notes.reject(index, claim.id, f"'{trigger.text}' has a subject of its own, '{agent}': the pronoun "
                                              f"that carries {asked.who} into the sentence is not what does it")
                continue
            value = read(reading, index, trigger, asked)
            if isinstance(value, str):
                notes.reject(index, claim.id, value)
                continue
            yield index, trigger, value
            break


def _dated_event(reading: Reading, index: int, trigger: events.Trigger,
                 asked: Asked) -> tuple[list[Mention], _Attachment, bool] | str:
    """The participants and the date of the event a trigger reports, and whether the date was carried over from the
    sentence before; or why the trigger gives none."""
    participants = claims_event(reading, index, trigger, asked)
    if isinstance(participants, str):
        return participants
    segments = list(reading.segments[index])
    clause = segments[segment_at(segments, trigger.start)]
    attachment = _attach(reading, index, trigger, asked.kind)
    if isinstance(attachment, str):
        return f"'{trigger.text}': {attachment}"
    if attachment is not None:
        occasion = clauses.occasion_asked_to(reading.text, (trigger.start, trigger.end), attachment.timex.start)
        if occasion is not None:
            # "On Monday, the king invited them to a banquet on May 4": the asking's day is the other one
            others = [(t, s) for t, s in _dated(reading, index) if t is not attachment.timex]
            other = _attach(reading, index, trigger, asked.kind, others) if others else None
            if not isinstance(other, _Attachment) or other.earliest is None or other.latest is None:
                return (f"'{trigger.text}': '{attachment.timex.text}' is the day of the {occasion} it asks to, not "
                        "of the asking")
            attachment = other
        horizon = asked.horizon(reading.article.published)
        if attachment.latest is not None and attachment.latest < horizon:
            return (f"'{trigger.text}': '{attachment.timex.text}' is before {horizon}, where the story begins: "
                    "history, another time of the event")
        return participants, attachment, False
    carried = _carried_over(reading, index, trigger, clause, asked)
    return carried if isinstance(carried, str) else (participants, carried, True)


def claims_event(reading: Reading, index: int, trigger: events.Trigger, asked: Asked) -> list[Mention] | str:
    """The participants of the event a trigger reports, when it is the claim's event (not negated, not another
    one, not placed elsewhere, with the claim's other party or destination); or why it is not."""
    text, segments = reading.text, list(reading.segments[index])
    clause = segments[segment_at(segments, trigger.start)]
    why = _not_the_event(text, clause, trigger)
    if why is not None:
        return why
    earlier = _earlier_event_named(reading, index, asked)
    if earlier is not None:
        return f"the sentence is about '{earlier}', an event before the story: its '{trigger.text}' is that one's"
    own = [m for m in reading.mentions_of(asked.who, index) if clause.start <= m.start < clause.end]
    if own and all(events.someone_of_theirs(text, m.end) for m in own):
        return f"'{trigger.text}' is about someone of {own[0].text}'s, not {own[0].text}"
    if asked.who is not None and (theirs := events.theirs_as_subject(text, clause.start, trigger)) is not None:
        return f"'{trigger.text}' is what '{theirs}' does, not {asked.who}"
    if asked.who is not None and not own and reading.mentions_of(asked.who, index):
        # "Quent survived, but her bodyguard was killed": named in another clause, the event has a subject of its own
        agent = events.own_subject(text, clause.start, trigger, asked.kind)
        if agent is not None:
            return f"'{trigger.text}' has a subject of its own in its clause, '{agent}', not {asked.who}"
    if not asked.moved:
        # A clause that opens with the event word ("until Tuesday") is moved by the verb before it.
        k = segment_at(segments, trigger.start)
        start = segments[k - 1].start if k > 0 and clause.start == trigger.start else clause.start
        marked = [t for t in reading.triggers(asked.kind, index)
                  if start <= t.start <= trigger.start and events.moved(text, t, start)]
        if marked:
            which = "" if marked[0] == trigger else f" (its clause calls '{marked[0].text}' so)"
            return (f"'{trigger.text}' is one of several of its kind, a latest, new or moved one{which}: which of "
                    "them the claim means the words do not say (a claim about the event as moved says `moved = "
                    "true`)")
    elsewhere = _placed_elsewhere(reading, index, trigger, asked)
    if elsewhere is not None:
        return f"'{trigger.text}' is placed in {elsewhere}, not where the claim's event is"
    participant = asked.participant
    participants = [m for m in reading.mentions_of(participant, index)
                    if events.linked(text, trigger, m, asked.kind, segments)] if participant else []
    if participant and not participants:
        how = "named as the destination after it" if asked.kind.participants == "destination" else \
            "named near it in the same clause"
        return f"'{trigger.text}': {participant} is not {how}"
    return participants


_YEAR_BEFORE_EVENT = patterns.compile(r"\A(?:['’]s)?\s+(?:[\w-]+\s+)?\Z")
_YEAR_AFTER_EVENT = patterns.compile(r"\A\s+(?:of|in)\s+\Z")
_A_YEAR = patterns.compile(r"(?:1[89]|20)\d\d(?:['’]s)?")


def _earlier_event_named(reading: Reading, index: int, asked: Asked) -> str | None:
    """An event of the claim's kind that the sentence names by a year before the story ("The 1999 quake, which
    killed 2,300 people, struck at 11:40 p.m.", "the quake of 1999"): every word of that kind in the sentence is
    that event's."""
    horizon = asked.horizon(reading.article.published)
    text = reading.text
    nouns = asked.kind.nouns
    for timex in reading.timexes[index]:
        end = period_end(timex.value)
        if end is None or end >= horizon or timex.day is not None or not _A_YEAR.fullmatch(timex.text):
            continue
        for trigger in reading.triggers(asked.kind, index):
            if nouns is None or not nouns.fullmatch(trigger.text):
                continue  # "kidnapped in Qadira last year were released": the year is the kidnapping's
            if trigger.start >= timex.end and _YEAR_BEFORE_EVENT.match(text[timex.end:trigger.start]):
                return text[timex.start:trigger.end]
            if timex.start >= trigger.end and _YEAR_AFTER_EVENT.match(text[trigger.end:timex.start]):
                return text[trigger.start:timex.end]  # "the quake of 1999"
    return None


def _placed_elsewhere(reading: Reading, index: int, trigger: events.Trigger, asked: Asked) -> str | None:
    """Another place of the rules that an event word is placed in, right before it ("the Harbour Town summit") or
    right after it ("a summit in Harbour Town"), when the claim's event has a place of its own; None otherwise. The
    destination of a journey is read by the participants instead."""
    if asked.place is None or asked.kind.participants == "destination":
        return None
    places = [m for m in reading.mentions[index] if reading.entity_kinds.get(m.entity) == "place"]
    scope = place_scope(reading.text, trigger.end, reading.sentences[index].end)
    after = [m for m in places if scope is not None and m.start == scope.start("place")]
    before = [m for m in places if 0 <= trigger.start - m.end <= 1]
    named = {m.entity: m.text for m in (*before, *after)}
    if not named or asked.place in named:
        return None
    return ", ".join(sorted(named.values()))


def _not_the_event(text: str, clause: Segment, trigger: events.Trigger) -> str | None:
    """Why an event word does not report the claim's event as having happened or being planned: negated or called
    off, another event, or only what a figure counts; None when it does."""
    if negated(text, clause, trigger.start):
        return f"'{trigger.text}' is negated or cancelled in its clause"
    if events.names_another_event(text, trigger, clause.start):
        return f"'{trigger.text}' is another event than the claim's, as its clause says"
    if events.inside_a_figure(text, trigger, clause.start):
        return f"'{trigger.text}' only says what a figure counts; the clause's date is the figure's"
    head = events.modifies_a_noun(text, trigger)
    if head is not None:
        return f"'{trigger.text}' names a kind of '{head}', not the event itself"
    invited = clauses.invited_to(text, clause.start, trigger.start)
    if invited is not None:
        return f"'{trigger.text}' is what '{invited}' asks for; the clause's dates are the asking's"
    offered = clauses.offered_to(text, clause.start, trigger.start)
    if offered is not None:
        return f"'{trigger.text}' is only offered, refused or called for ('{offered}'): neither done nor planned"
    asked = clauses.in_question(text, max(0, clause.start - 12), trigger.start)
    if asked is not None:
        return f"'{trigger.text}' is only asked about or rumoured ('{asked}'): neither done nor planned"
    return None


def _carried_over(reading: Reading, index: int, trigger: events.Trigger, clause: Segment,
                  asked: Asked) -> _Attachment | str:
    """The date the sentence before gives an event of a sentence with no date of its own, or why it takes none.
    Only a sentence without any time of its own takes a date over: no date (not even a month or a year: "met him
    last March" is not the previous sentence's day), and no "before"/"after" that places its event against another
    one. A parenthetical relative clause ("Brandt, who came to the capital from the coast, said ...") is background
    on its noun, not the next step of the story the sentence before dated."""
    own_time = (any(t.type in ("DATE", "TIME") for t in reading.timexes[index])
                or any(s.relation for s in reading.segments[index]))
    background = clause.cue.lower() in relative_cues("parenthetical")
    # A sentence before that tells the event itself has dated it there, or given its dates to other things ("ended
    # the search on Thursday after Tuesday's collapse. The collapse killed 17"): nothing is left to carry over.
    told = index > 0 and bool(reading.triggers(asked.kind, index - 1)) and (
        asked.partner is None or bool(reading.mentions_of(asked.partner, index - 1)))  # with the claim's other party
    carried = None if own_time or background or told else _carried(reading, index, (asked.place, asked.partner),
                                                                    asked.kind)
    if carried is None:
        named = " or ".join(e for e in (asked.place, asked.partner) if e)
        why = ("the sentence places it by a time of its own, so no date is carried over" if own_time else
               "it stands in a relative clause, background that takes no date over" if background else
               "the sentence before tells the event itself, so its date is read there and none is carried over"
               if told else "and the sentence before gives no date" + (f" for {named}" if named else ""))
        return f"'{trigger.text}': no date in its clause or a clause linked to it; {why}"
    timex, anchor = carried
    return _whole(reading.text, timex, f"no date in this sentence; carried over from the previous sentence, which "
                                       f"gives it for {anchor.text}")


def _statement(reading: Reading, index: int, trigger: events.Trigger, participants: list[Mention],
               attachment: _Attachment, carried: bool, asked: Asked) -> Statement:
    """The day or bound of an event, planned when told in the future tense or dated after publication."""
    article = reading.article
    planned = reading.tense_at(index, trigger.start) == "future" or (
        attachment.earliest is not None and attachment.earliest > article.published)
    value = DateRange(attachment.earliest, attachment.latest, planned, attachment.shown)
    spans = [(trigger.start, trigger.end), *((m.start, m.end) for m in participants)]
    if not carried:  # a date carried over stands in the sentence before, not in this one's evidence
        spans.append((attachment.timex.start, attachment.timex.end))
    modality = f"planned (said before it happened, published {article.published})" if planned else "reported"
    explanation = f"{attachment.timex.explanation}; {attachment.how}; {modality}"
    return statement(asked.claim.id, article, reading.sentences[index], spans, value.render(), explanation, value, {
        "modality": "planned" if planned else "reported",
        "earliest": value.earliest.isoformat() if value.earliest else None,
        "latest": value.latest.isoformat() if value.latest else None,
    })


def _once_per_article(found: list[Statement], reading: Reading, notes: Notes) -> list[Statement]:
    """A value said twice counts once; a bound that an exact day of the same article satisfies says nothing more.
    An article tells of one time of its event: where it gives a day, a period it also gives (a month, a season, a
    year) says nothing more when the day lies in it, and is another time of the event (an earlier meeting, last
    year's summit) when it does not."""
    kept = once_each(found, lambda a, b: a.value == b.value, reading, notes)
    exact = [s for s in kept if s.data.earliest == s.data.latest]
    statements = []
    days = ", ".join(sorted(str(e.value) for e in exact))
    for item in kept:
        inside = [e for e in exact if e.data.within(item.data)]
        if item in exact or not exact:
            statements.append(item)
        elif inside:
            notes.reject(reading.sentence_at(item.start), item.claim,
                         f"'{item.text}' reads {item.value}, which the article's day of this event "
                         f"({', '.join(sorted(str(e.value) for e in inside))}) says more precisely: counted once")
        elif item.data.earliest is None or item.data.latest is None:
            statements.append(item)
        else:
            notes.reject(reading.sentence_at(item.start), item.claim,
                         f"'{item.text}' reads {item.value}, another time than the article's day of this event "
                         f"({days}): an earlier or later one")
    return statements


def _incompatible(a: Statement, b: Statement) -> bool:
    return not a.data.overlaps(b.data)


def _schedule_changed(a: Statement, b: Statement) -> bool:
    """A plan published before a report may have changed since, unless the report puts the event before the plan
    was published: it had happened by then, so the plan was wrong when it was written."""
    return any(plan.data.planned and plan.published < report.published
               and (report.data.latest is None or report.data.latest >= plan.published)
               for plan, report in ((a, b), (b, a)))


def _period(item: Statement) -> bool:
    """A month, a season, a year, a week: a time of the event that may be another one than a day's."""
    return item.data.earliest is not None and item.data.latest is not None and item.data.earliest < item.data.latest


def _explained(a: Statement, b: Statement) -> bool:
    return _schedule_changed(a, b) or _period(a) or _period(b)


def _describe(case: Case) -> str:
    if case.status == "conflict":
        return f"sources disagree on the day: {set_against(case, case.unexplained)}"
    if case.status == "warning":
        planned = [pair for pair in case.explained if _schedule_changed(*pair)]
        plans = articles_of_pairs(case, planned, lambda s: s.data.planned)
        periods = sorted({str(s.value) for pair in case.explained for s in pair if _period(s)})
        why = [f"the differing statements include plans published earlier ({', '.join(plans)}), so the schedule "
               "may have changed"] if plans else []
        if periods:
            why.append(f"{', '.join(periods)} names no day, and may be another time of the event")
        return f"sources differ: {set_against(case, case.explained)}; {'; '.join(why)}"
    return agreement(case)

KIND = Kind(
    name="date",
    summary="the day an event happened: who did what, with whom, where",
    keys={
        "who": KeySpec("entity", "the entity the claim is about (the one who meets, arrives, ...); leave it out "
                                 "for an event with no one at its centre (a crash, a storm)"),
        "event": KeySpec("event", "the kind of event (meeting, arrival, departure, ...); without it, only the "
                                  "claim's cues tell the event", required_unless="cues"),
        "with": KeySpec("entity", "the other party of a meeting"),
        "place": KeySpec("entity", "where the event happens: the destination of an arrival; for other events, "
                                   "the place whose date a following sentence may take over"),
        "since": KeySpec("date", "the day the story begins (YYYY-MM-DD): an earlier date is another time of the event; "
                                 "by default a date more than two years before publication is"),
        "moved": KeySpec("bool", "the claim is about the event as last moved or renewed: its latest, new, extended "
                                 "or postponed deadline; by default such an event is one of several, and not read",
                         default=False),
        "cues": CUES_KEY,
    },
    extract=extract,
    describe=_describe,
    incompatible=_incompatible,
    explained=_explained,
    why_explained="the schedule may have changed (a plan published before a report), or a month or a season may be "
                  "another time of the event",
    dated=a_plan,
    data_type=DateRange,
)
