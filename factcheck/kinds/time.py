"""Time claims: the time of day an event happened ("the blast came at about 11:52 a.m.", "shot on Friday night").

A time of day belongs to its event by the reasoning that dates events (kinds/date.py): an expression of the event's
own clause, not one written against a verb of saying or another verb, or one a clause beside it lends it. Its day
is the one the expression names ("9 a.m. Tuesday"), else the day the sentence gives the event, else none: "shot at
10 p.m." says no day, and its time is compared as a time of day alone.

A clock time, noon or midnight is a point, widened by the words before it ("about", "shortly after"); a part of
day ("Friday night", "the morning of May 3") is a stretch of the day (language/times.toml). A written zone ("9 a.m.
EST", "0952 GMT") is converted to the claim's `zone`, so that two ways of writing one instant agree; a time in a
zone that cannot be converted is compared with nothing. Two statements conflict when their stretches cannot
overlap, within the claim's tolerance; a plan published before a report may have changed since (a warning).
"""

from __future__ import annotations

import datetime as dt
import functools
import zoneinfo
from dataclasses import dataclass
from typing import Any

import regex

from factcheck import language, patterns
from factcheck.claims import Claim, KeySpec, RuleSet
from factcheck.findings import Statement, statement
from factcheck.kinds import Case, Kind, a_plan, agreement, articles_of_pairs, once_each, set_against
from factcheck.kinds import date as date_kind
from factcheck.readers import events
from factcheck.readers.clauses import segment_at
from factcheck.readers.names import Mention
from factcheck.readers.reading import Reading
from factcheck.readers.temporal import Timex, period_end, rules_with
from factcheck.trace import UNHEARD, Notes

_DAY = 24 * 60
_TIME_PART = patterns.compile(r"T(?:(?P<hour>\d{2}):(?P<minute>\d{2})|(?P<part>[A-Z]{2}))\Z")
_BRACKETS = patterns.compile(r"\([^)]*\)")


@dataclass(frozen=True, slots=True)
class TimeOfDay:
    """The stretch of time a statement allows: minutes from the start of its day, in its zone's local time (past
    24:00 it runs into the next day), on a day the text gives, or on an unknown day.

    `zone` is the IANA zone the minutes are counted in, "" where neither the text nor the claim says which;
    `tolerance` the claim's, in minutes, so that the pair tests need nothing but the statements."""

    day: dt.date | None
    earliest: int
    latest: int
    zone: str
    planned: bool
    tolerance: int
    shown: str

    def render(self) -> str:
        return self.shown


@dataclass(frozen=True, slots=True)
class _Resources:
    parts: dict[str, tuple[str, int, int]]  # TIMEX3 part -> (name, from, to)
    narrowed: dict[str, str]  # TIMEX3 mod -> the word shown before a part of day
    afternoon_after: patterns.Pattern  # a word after a clock time that puts it after noon
    morning_after: patterns.Pattern  # ... before noon
    range_before: patterns.Pattern  # the first time of a range, before the tagger's last
    attributive_before: patterns.Pattern  # a determiner before a time that names a thing ("the 10:30 ferry")
    verb_before: patterns.Pattern  # a past form right before a time, which is that verb's
    moments_apart: patterns.Pattern  # the end of a clause moments before or after the next one's event
    outcomes: patterns.Pattern  # event words of what came of the event (a death)
    outcome_between: patterns.Pattern  # the same words as a verb of their own ("and died", "where he died")
    around: patterns.Pattern  # the widening words right before a clock time
    opening: patterns.Pattern  # the same words opening the expression
    widening: dict[str, tuple[int | None, int | None, str]]  # word -> (minutes before, after; None: open), shown
    zones: dict[str, str]  # written zone -> IANA name
    written_zone: patterns.Pattern
    unknown_zone: patterns.Pattern  # a zone written as words that is none of `zones`


def _minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


@functools.cache
def _resources() -> _Resources:
    data = language.load("times")

    def side(value: Any) -> int | None:
        return None if value == "open" else int(value)

    widening = {word.lower(): (side(entry["before"]), side(entry["after"]), entry["shown"])
                for word, entry in data["around"].items() if word != "examples"}
    zones = {word: name for word, name in data["zones"].items() if not word.endswith("examples")
             and word != "unknown_zone"}
    clock = data["clock"]
    return _Resources(
        parts={code: (entry["name"], _minutes(entry["from"]), _minutes(entry["to"]))
               for code, entry in data["parts"].items()},
        narrowed=dict(data["narrowed"]),
        afternoon_after=patterns.compile(clock["afternoon_after"], regex.I),
        morning_after=patterns.compile(clock["morning_after"], regex.I),
        range_before=patterns.compile(clock["range_before"], regex.I),
        attributive_before=patterns.compile(clock["attributive_before"], regex.I),
        verb_before=patterns.compile(clock["verb_before"], regex.I),
        moments_apart=patterns.compile(clock["moments_apart"], regex.I),
        outcomes=patterns.compile(language.alternation(data["events"]["outcomes"]), regex.I),
        outcome_between=patterns.compile(r"\b(?:and|then|later|where|but)\s+(?:[\w-]+\s+){0,3}?(?:"
                                         + language.alternation(data["events"]["outcomes"]) + r")\b", regex.I),
        around=patterns.compile(r"(?<![\w])(?P<words>" + language.alternation(widening) + r")\s+(?:at\s+)?\Z", regex.I),
        opening=patterns.compile(r"(?P<words>" + language.alternation(widening) + r")\s", regex.I),
        widening=widening,
        zones=zones,
        written_zone=patterns.compile(r"(?<![\w.])(?P<zone>" + language.alternation(zones) + r")(?![\w])"),
        unknown_zone=patterns.compile(data["zones"]["unknown_zone"]),
    )


def zone_problem(value: Any) -> str | None:
    """What is wrong with a claim's `zone`: it must be a zone of the IANA database or a written zone of
    language/times.toml."""
    if not isinstance(value, str) or value in _resources().zones:
        return None
    try:
        zoneinfo.ZoneInfo(value)
    except (ValueError, zoneinfo.ZoneInfoNotFoundError):
        return (f"'{value}' is no time zone: write an IANA name such as 'Europe/Lisbon' or 'Asia/Tokyo', "
                f"or one of {', '.join(sorted(_resources().zones))}")
    return None


def _negative(value: Any) -> str | None:
    return "a tolerance is a number of minutes, 0 or more" if isinstance(value, (int, float)) and value < 0 else None


def widening_words(text: str, timex: Timex) -> str | None:
    """The words that widen a clock time ("about", "shortly after"), right before it or opening the expression
    itself (the tagger reads "shortly before midnight" as one), if any."""
    resources = _resources()
    found = resources.around.search(text, max(0, timex.start - 30), timex.start) or resources.opening.match(timex.text)
    return found["words"].lower() if found is not None else None


def written_zone(text: str, timex: Timex) -> str | None:
    """The zone the text writes a clock time in ("9 a.m. EST", "23:47 GMT"), in the expression or right after it;
    not a zone in brackets, which gives the same instant in another zone ("11:52 a.m. (0952 GMT)")."""
    zones = _resources().written_zone
    found = zones.search(_BRACKETS.sub(" ", timex.text))
    if found is None:
        found = zones.match(text, timex.end + 1, timex.end + 24) if regex.match(r"\s", text[timex.end:timex.end + 1]) \
            else None
        found = zones.search(text, timex.end, timex.end + 6) if found is None else found
        if found is not None and text[timex.end:found.start()].strip():
            found = None
    return found["zone"] if found is not None else None


def unknown_zone(text: str, timex: Timex) -> str | None:
    """A zone written as words right after a clock time that this reader cannot convert ("2 p.m. Lisbon time"), or
    None."""
    found = _resources().unknown_zone.match(text[timex.end:timex.end + 40])
    return found["zone"] if found is not None and written_zone(text, timex) is None else None


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


_MIDNIGHT = patterns.compile(r"\bmidnight\b|\A12(?:[:.]00)?\s*a\.?m\b", regex.I)
_MERIDIEM = patterns.compile(r"[0-9]\s*[ap]\.?m\b|\bnoon\b|\bmidday\b|\bmidnight\b", regex.I)
_TWENTY_FOUR = patterns.compile(r"\A(?:0[0-9]|1[3-9]|2[0-4])[:.h]?[0-5][0-9]|\b(?:hrs|hours|GMT|UTC)\b", regex.I)


@dataclass(frozen=True, slots=True)
class _Read:
    """A time of day as the text gives it, in the zone it is written in."""

    earliest: int
    latest: int
    point: int | None  # the clock time written, if one is
    shown: str  # a part of day or a midnight as written: "night", "early morning", "midnight"
    mark: str  # "~", "<", ">" or ""
    how: str


def _read(text: str, timex: Timex) -> _Read | str | None:
    """The stretch of the day an expression names, widened by the words before a clock time; None if it names no
    time of day, or why its time is not clear."""
    found = _TIME_PART.search(timex.value)
    if found is None:
        return None
    resources = _resources()
    if found["part"]:
        part = resources.parts.get(found["part"])
        if part is None:
            return None
        name, first, last = part
        word = resources.narrowed.get(timex.mod or "")
        name = f"{word} {name}" if word else name
        return _Read(first, last, None, name, "", f"'{timex.text}' is the {name}, {_clock(first)} to {_clock(last)}")
    point = int(found["hour"]) * 60 + int(found["minute"])
    if not _MERIDIEM.search(timex.text) and not _TWENTY_FOUR.search(timex.text) and 60 <= point < 13 * 60:
        after = text[timex.start:timex.end + 40]
        if resources.afternoon_after.search(after) and point < 12 * 60:
            point += 12 * 60
        elif not resources.morning_after.search(after):
            return (f"'{timex.text}' has no a.m. or p.m. and no word of the time of day after it: it may be "
                    f"{_clock(point)} or {_clock((point + 12 * 60) % _DAY)}")
    words = widening_words(text, timex)
    before, after_minutes, mark = resources.widening[words] if words else (0, 0, "")
    if _MIDNIGHT.search(timex.text):
        # "midnight on Friday" begins Friday for some writers and ends it for others: both ends of the day.
        first, last = -(before or 0), _DAY + (after_minutes or 0)
        return _Read(first, last, None, "midnight", mark,
                     f"'{timex.text}' is midnight, which begins the day for some and ends it for others: read as "
                     f"either end of the day")
    first = 0 if before is None else point - before
    last = _DAY if after_minutes is None else point + after_minutes
    ranged = resources.range_before.search(text, max(0, timex.start - 30), timex.start)
    if ranged is not None:
        start = int(ranged["hour"]) * 60 + int(ranged["minute"] or 0)
        if not ranged["meridiem"] and start + 12 * 60 <= point:
            start += 12 * 60  # "between 9 and 10 p.m.": both after noon
        elif (ranged["meridiem"] or "").lower().startswith("p") and start < 12 * 60:
            start += 12 * 60
        if start <= point:
            return _Read(start, last, point, "", "<",
                         f"'{ranged.group().strip()} {timex.text}' is a range, {_clock(start)} to {_clock(last)}")
    if not words:
        return _Read(point, point, point, "", "", f"'{timex.text}' is {_clock(point)}")
    written = timex.text if timex.text.lower().startswith(words) else f"{words} {timex.text}"
    return _Read(first, last, point, "", mark, f"'{written}' is {_clock(point)}, read as {_clock(first)} to "
                                               f"{_clock(last)}")


def _timed(reading: Reading, index: int, trigger: events.Trigger) -> list[tuple[Timex, int]]:
    """The sentence's expressions of a time of day (a clock time, a part of day), with their segments; not a time
    that names a thing ("boarded the 10:30 a.m. ferry"), unless the thing is the event ("the 9 p.m. blast"), nor
    one after what came of the event ("was shot on Friday and died at 2:40 a.m.": the death's), nor one before it
    right after another verb ("police were called at 9:40 p.m. and found him shot")."""
    segments = list(reading.segments[index])
    resources = _resources()
    text = reading.text
    return [(t, segment_at(segments, t.start)) for t in reading.timexes[index]
            if t.type in ("DATE", "TIME") and _TIME_PART.search(t.value) is not None
            and (resources.attributive_before.search(text, max(0, t.start - 8), t.start) is None
                 or (trigger.start >= t.end and not text[t.end:trigger.start].strip()))
            and not (t.start >= trigger.end and resources.outcome_between.search(text, trigger.end, t.start))
            and not (t.end <= trigger.start and resources.verb_before.search(text, max(0, t.start - 30), t.start))]


def _moments_apart(reading: Reading, index: int, trigger: events.Trigger,
                   timed: list[tuple[Timex, int]]) -> tuple[Timex, str] | None:
    """The part of day of the clause right after the event's, when the event came moments before or after what
    that clause tells ("was shot shortly after he came home on Friday night": at night)."""
    segments = list(reading.segments[index])
    k = segment_at(segments, trigger.start)
    if k + 1 >= len(segments) or segments[k + 1].relation not in ("before", "after"):
        return None
    lead = _resources().moments_apart.search(reading.text, segments[k].start, segments[k + 1].start)
    parts = [t for t, s in timed if s == k + 1 and (part := _TIME_PART.search(t.value)) and part["part"]]
    if lead is None or not parts:
        return None
    cue = f"{lead.group().strip()} {segments[k + 1].cue}"
    return parts[0], f"'{cue}' what the next clause tells, in the same part of day"


# Between an old date and the event word, the clause's own verb: the date was in its subject ("aid workers kidnapped
# last year were released at 10 p.m."), of another verb.
_SUBJECTS_VERB = patterns.compile(r"\b(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\b", regex.I)


def _timed_event(reading: Reading, index: int, trigger: events.Trigger,
                 asked: date_kind.Asked) -> tuple[list[Mention], Timex, str, dt.date | None] | str:
    """The participants, the expression of the time of day and the day (if the sentence gives one) of the event a
    trigger reports; or why it gives none."""
    if _resources().outcomes.fullmatch(trigger.text):
        return f"'{trigger.text}' tells what came of the event (a death): its time is not the event's"
    participants = date_kind.claims_event(reading, index, trigger, asked)
    if isinstance(participants, str):
        return participants
    timed = _timed(reading, index, trigger)
    if not timed:
        return f"'{trigger.text}': the sentence gives no time of day of an event"
    found = date_kind.attach_in(reading, index, trigger, asked.kind, timed) or _moments_apart(reading, index, trigger,
                                                                                            timed)
    if found is None:
        return f"'{trigger.text}': no time of day in its clause or a clause linked to it"
    if isinstance(found, str):
        return f"'{trigger.text}': {found}"
    timex, how = found
    day = timex.day if timex.rule not in rules_with("time_of_day_only") else \
        date_kind.day_of(reading, index, trigger, asked.kind)
    horizon = asked.horizon(reading.article.published)
    if day is not None and day < horizon:
        return f"'{trigger.text}': '{timex.text}' is on {day}, before {horizon}, where the story begins"
    segments = list(reading.segments[index])
    clause = segment_at(segments, trigger.start)
    stale = next((t for t in reading.timexes[index] if segment_at(segments, t.start) == clause
                  and (end := period_end(t.value)) is not None and end < horizon
                  and not (t.end <= trigger.start and _SUBJECTS_VERB.search(reading.text, t.end, trigger.start))),
                 None)
    if stale is not None:
        return f"'{trigger.text}': its clause names '{stale.text}', before {horizon}: another time of the event"
    return participants, timex, how, day


def extract(reading: Reading, claim: Claim, rules: RuleSet, notes: Notes = UNHEARD) -> list[Statement]:
    asked = date_kind.Asked.of(claim)
    found: list[Statement] = []
    for index, trigger, (participants, timex, how, day) in date_kind.each_event(reading, asked, _timed_event, notes):
        read = _read(reading.text, timex)
        if (zone := unknown_zone(reading.text, timex)) is not None:
            notes.reject(index, claim.id, f"'{timex.text} {zone}': a zone this reader cannot convert, so the time is "
                                          "compared with nothing")
            continue
        if read is None or isinstance(read, str):
            notes.reject(index, claim.id, read or f"'{timex.text}' ({timex.value}) names no time of day this reader "
                                                  "knows")
            continue
        found.append(_statement(reading, index, trigger, participants, timex, how, day, read, claim))
        converted = _converted_in_brackets(reading, index, timex)
        if converted is not None and claim.get("zone") and day is not None:
            # The article's own conversion ("7:42 a.m. (0642 GMT)") is read too when it does not give the same
            # moment, so that the article is shown contradicting itself: only with the day, which settles summer
            # time. Its own day is left to the clock time, since a conversion may cross midnight.
            other = _statement(reading, index, trigger, participants, converted[0],
                               f"{how}; the same moment written in another zone in brackets", None, converted[1],
                               claim, day)
            if not _compatible(found[-1].data, other.data):
                found.append(other)
    return once_each(found, lambda a, b: a.value == b.value, reading, notes)


def _converted_in_brackets(reading: Reading, index: int, timex: Timex) -> tuple[Timex, _Read] | None:
    """A clock time in brackets right after another, written in a zone of its own ("7:42 a.m. local time (0642
    GMT)"): the same moment converted, with how it reads."""
    text = reading.text
    bracket = _BRACKETS.search(timex.text)
    if bracket is not None:  # the tagger read "7.40pm (1840 GMT) on Sunday" as one expression
        inside = _clock_in(text, timex.start + bracket.start(), timex.start + bracket.end(), reading.article.published)
    else:
        inside = next((t for t in reading.timexes[index] if t.start > timex.end
                       and _BRACKET_OPENS.fullmatch(text, timex.end, t.start)), None)
    if inside is None or written_zone(text, inside) is None or unknown_zone(text, inside) is not None:
        return None
    read = _read(text, inside)
    return (inside, read) if isinstance(read, _Read) and read.point is not None else None


# A clock time as a bracket of a wire writes it: "(1840 GMT)", "(18:40 GMT)", "(6.40pm GMT)".
_CLOCK_IN_BRACKETS = patterns.compile(r"\(\s*(?P<clock>(?P<hour>[01]?[0-9]|2[0-3])[:.h]?(?P<minute>[0-5][0-9])"
                                      r"(?:\s*(?P<meridiem>[ap]\.?m\.?))?)", regex.I)


def _clock_in(text: str, start: int, end: int, published: dt.date) -> Timex | None:
    """The clock time a bracket in text[start:end] gives, as an expression of its own."""
    found = _CLOCK_IN_BRACKETS.match(text, start, end)
    if found is None:
        return None
    hour = int(found["hour"]) % 12 + (12 if (found["meridiem"] or "").lower().startswith("p") else 0) \
        if found["meridiem"] else int(found["hour"])
    clock = f"{hour:02d}:{found['minute']}"
    return Timex(found.start("clock"), found.end("clock"), found["clock"], "TIME", f"{published}T{clock}", None,
                 published.isoformat(), f"{found['clock']} -> {clock}: the clock time in brackets", "clock_time")


# Between a clock time and the same moment in brackets: at most a written zone or "local time".
_BRACKET_OPENS = patterns.compile(r"\s*(?:[\p{L}.]+\s*){0,2}\(\s*", regex.I)


def _moved(minutes: int, day: dt.date, source: str, target: str) -> tuple[int, dt.date]:
    """A local time of one zone (minutes from the start of a day) as the local time of another, with its day."""
    local = dt.datetime(day.year, day.month, day.day, tzinfo=zoneinfo.ZoneInfo(source)) + dt.timedelta(minutes=minutes)
    there = local.astimezone(zoneinfo.ZoneInfo(target))
    return there.hour * 60 + there.minute, there.date()


@dataclass(frozen=True, slots=True)
class _Placed:
    """A stretch set in the zone it is compared in."""

    earliest: int
    latest: int
    day: dt.date | None
    zone: str  # "" when no one says which
    slack: int  # minutes of doubt a conversion without a day adds (summer time may have begun or ended)
    how: str


def _in_zone(read: _Read, written: str | None, day: dt.date | None, published: dt.date, claim_zone: str,
             near: dt.date | None = None) -> _Placed:
    """The stretch in the zone it is compared in: the claim's where it has one; else UTC for a time written in a
    zone, and no zone for one written in none. `near`: a day the moment is known to be within a day of (a
    conversion's), which settles its summer time."""
    resources = _resources()
    target = resources.zones.get(claim_zone, claim_zone)
    if written is None:
        return _Placed(read.earliest, read.latest, day, target, 0, "")
    stated = resources.zones[written]
    target = target or "UTC"
    if stated == target:
        return _Placed(read.earliest, read.latest, day, target, 0, f"; written in {written}")
    on = day or near or published
    anchor = read.point if read.point is not None else read.earliest
    moved, moved_day = _moved(anchor, on, stated, target)
    shift = moved - anchor + (moved_day - on).days * _DAY
    slack = 0
    if day is None and near is None:  # which side of a change of summer time the unknown day lies is unknown too
        earlier = on - dt.timedelta(days=30)
        slack = abs(shift - (_moved(anchor, earlier, stated, target)[0] - anchor
                             + (_moved(anchor, earlier, stated, target)[1] - earlier).days * _DAY))
    zone_name = claim_zone or "UTC"
    return _Placed(read.earliest + shift, read.latest + shift, day, target, slack,
                   f"; written in {written}, {shift:+d} minutes to {zone_name}")


def _shown(read: _Read, placed: _Placed, written: str | None, in_claims_zone: bool) -> str:
    """The value as reports write it: "2024-08-09T11:52", "~11:52", "2024-08-09 night", "2024-08-10T09:00 EST"
    (a zone only where the time is not in the claim's): the time as the text writes it, where no claim zone
    converts it."""
    shift = placed.earliest - read.earliest if in_claims_zone else 0
    if read.point is not None:
        point = read.point + shift
        moved = placed.day + dt.timedelta(days=point // _DAY) if placed.day is not None else None
        clock = _clock(point % _DAY)
        shown = f"{read.mark}{moved.isoformat()}T{clock}" if moved is not None else f"{read.mark}{clock}"
    else:
        shown = f"{read.mark}{placed.day.isoformat()} {read.shown}" if placed.day is not None else \
            f"{read.mark}{read.shown}"
    return f"{shown} {written}" if written and not in_claims_zone else shown


def _statement(reading: Reading, index: int, trigger: events.Trigger, participants: list[Mention], timex: Timex,
               how: str, day: dt.date | None, read: _Read, claim: Claim, near: dt.date | None = None) -> Statement:
    article = reading.article
    written = written_zone(reading.text, timex)
    placed = _in_zone(read, written, day, article.published, claim.get("zone") or "", near)
    planned = reading.tense_at(index, trigger.start) == "future" or (day is not None and day > article.published)
    value = TimeOfDay(placed.day, placed.earliest, placed.latest, placed.zone, planned,
                      int(claim.get("tolerance") or 0) + placed.slack,
                      _shown(read, placed, written, bool(claim.get("zone"))))
    on = f"on {day}" if day is not None else "on a day the sentence does not give"
    modality = f"planned (said before it happened, published {article.published})" if planned else "reported"
    explanation = f"{read.how}{placed.how}, {on}; {how}; {modality}"
    spans = [(trigger.start, trigger.end), (timex.start, timex.end), *((m.start, m.end) for m in participants)]
    return statement(claim.id, article, reading.sentences[index], spans, value.render(), explanation, value, {
        "modality": "planned" if planned else "reported",
        "day": day.isoformat() if day is not None else None,
        "zone": placed.zone or None,
    })


def _compatible(a: TimeOfDay, b: TimeOfDay) -> bool:
    """Whether two stretches can overlap, within the larger tolerance; a time in a zone no one names is compared
    with no time in a zone."""
    if a.zone != b.zone:
        return True
    tolerance = max(a.tolerance, b.tolerance)
    if a.day is not None and b.day is not None:
        shift = (b.day - a.day).days * _DAY
        return max(a.earliest, b.earliest + shift) <= min(a.latest, b.latest + shift) + tolerance
    # A time of day alone: its day may be any, so the stretches are compared around the clock.
    return any(max(a.earliest + k * _DAY, b.earliest) <= min(a.latest + k * _DAY, b.latest) + tolerance
               for k in (-1, 0, 1))


def _incompatible(a: Statement, b: Statement) -> bool:
    return not _compatible(a.data, b.data)


def _schedule_changed(a: Statement, b: Statement) -> bool:
    """A plan published before a report may have changed since; two plans that differ may be one deadline before
    and after it was moved, whichever was published first."""
    return (a.data.planned and b.data.planned) or any(plan.data.planned and plan.published < report.published
                                                      for plan, report in ((a, b), (b, a)))


def _describe(case: Case) -> str:
    if case.status == "conflict":
        # An article whose own conversion in brackets gives another moment
        itself = sorted({a.article for a, b in case.unexplained if a.article == b.article})
        return (f"sources disagree on the time: {set_against(case, case.unexplained)}"
                + (f"; {', '.join(itself)} contradicts itself" if itself else ""))
    if case.status == "warning":
        plans = articles_of_pairs(case, case.explained, lambda s: s.data.planned)
        return (f"sources differ: {set_against(case, case.explained)}; the differing statements include plans "
                f"published earlier ({', '.join(plans)}), so the schedule may have changed")
    return agreement(case)

KIND = Kind(
    name="time",
    summary="the time of day an event happened, with its day where the text gives one",
    keys={
        **date_kind.KIND.keys,
        "zone": KeySpec("string", "the event's local time zone (an IANA name such as 'Europe/Lisbon', or a written "
                                  "zone such as 'EST'): times written in other zones are converted to it; without "
                                  "it, a time written in a zone is compared only with times written in a zone",
                        check=zone_problem),
        "tolerance": KeySpec("number", "minutes two times may differ by and still agree", default=0,
                             check=_negative),
    },
    extract=extract,
    describe=_describe,
    incompatible=_incompatible,
    explained=_schedule_changed,
    why_explained="the schedule may have changed (a plan published before a report)",
    dated=a_plan,
    data_type=TimeOfDay,
)
