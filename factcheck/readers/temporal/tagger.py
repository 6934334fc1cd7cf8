"""Tagging: finding the temporal expressions of a text with the rules of resources.py, one sentence at a time.

Each rule has an anchor (language/temporal.toml): the anchors of a text are found in one pass per distinct pattern,
and a rule runs only in a window around its anchors, in the sentences that have them. Where matches overlap, the
longest wins, then the earlier rule. Each match is resolved (resolve.py) against the narrative so far
(narrative.py), then widened by the words that narrow it ("late Wednesday"), and a clock time beside a day becomes
one point in time.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools

import regex

from factcheck import language, patterns
from factcheck.readers import clauses, wordstarts
from factcheck.readers.temporal.narrative import Narrative
from factcheck.readers.temporal.resolve import Value, resolve, why_no_such_day
from factcheck.readers.temporal.resources import load
from factcheck.readers.temporal.timex import DAY_VALUE, NoSuchDay, Timex
from factcheck.readers.text import Sentence, split_sentences

_SPACES = patterns.compile(r"\s+")


def _anchor_positions(text: str, start: int, end: int) -> list[list[int]]:
    """For each rule, the offsets of its anchor in text[start:end], each distinct anchor scanned once."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters lower-case into two; keep the offsets right
        lowered = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    words = wordstarts.Words.of(text)
    scanned: dict[patterns.Pattern, list[int]] = {}
    positions = []
    for rule in load().rules:
        if rule.anchor not in scanned:
            scanned[rule.anchor] = [m.start() for m in wordstarts.finditer(rule.anchor, rule.anchor_beginnings, lowered,
                                                                           words, start, end, True)]
        positions.append(scanned[rule.anchor])
    return positions


# How far from its anchor a rule's match may reach: rules are only run on this much text around their anchors.
_WINDOW = 80


def _windows(positions: list[int], start: int, end: int) -> list[tuple[int, int]]:
    """Merged stretches of text[start:end] around anchor positions."""
    merged: list[tuple[int, int]] = []
    for position in positions:
        low, high = max(start, position - _WINDOW), min(end, position + _WINDOW)
        if merged and low <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


def _candidates(text: str, start: int, end: int,
                rules: dict[int, list[int]]) -> list[tuple[int, int, int, regex.Match[str]]]:
    """Non-overlapping matches of the given rules (each with its anchor positions): the longest wins, then the
    earlier rule."""
    tagger = load()
    unique = {(m.start(), m.end(), index): m  # windows may overlap: a match found twice is one match
              for index, positions in sorted(rules.items())
              for low, high in _windows(positions, start, end)
              for m in tagger.rules[index].pattern.finditer(text, low, high)}
    found = [(s, e, index, m) for (s, e, index), m in unique.items()]
    found.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    chosen: list[tuple[int, int, int, regex.Match[str]]] = []
    for candidate in found:
        if all(candidate[1] <= other[0] or candidate[0] >= other[1] for other in chosen):
            chosen.append(candidate)
    return sorted(chosen, key=lambda c: c[0])


def tag(text: str, published: dt.date, start: int = 0, end: int | None = None,
        sentences: list[Sentence] | None = None, no_such_days: list[NoSuchDay] | None = None) -> list[Timex]:
    """Every temporal expression of text[start:end], in order, resolved with narrative time. Dates the calendar
    does not have ("February 30") are no timexes; `no_such_days`, if given, collects them."""
    end = len(text) if end is None else end
    sentences = split_sentences(text, start, end) if sentences is None else sentences
    resources = load()
    timexes: list[Timex] = []
    narrative = Narrative(published, resources)
    for number, (sentence, anchored) in enumerate(zip(sentences, _rules_of(text, start, end, sentences),
                                                      strict=True)):
        first = len(timexes)
        candidates = _candidates(text, sentence.start, sentence.end, anchored) if anchored else []
        if not candidates:
            continue
        sentence_segments = clauses.segments(text, sentence.start, sentence.end)
        for m_start, m_end, index, match in candidates:
            rule = resources.rules[index]
            reported_speech = resources.reported_speech_before.search(text, sentence.start, m_start) is not None
            since = resources.since_before.search(text, max(sentence.start, m_start - 60), m_start) is not None
            tense = "past" if since else _tense(text, sentence, sentence_segments, m_start)
            ctx = narrative.context(match, rule, tense, number, reported_speech)
            value = resolve(ctx)
            if value is None:
                if no_such_days is not None and (why := why_no_such_day(ctx)) is not None:
                    no_such_days.append(NoSuchDay(m_start, m_end, match.group(), why))
                continue
            timex = _with_modifiers(text, sentence, m_start, m_end, rule.name, value)
            timexes.append(timex)
            narrative.note(timex, rule, number, text[max(sentence.start, timex.start - 40):timex.start])
        timexes[first:] = _compose(text, timexes[first:])
    return timexes


def _rules_of(text: str, start: int, end: int, sentences: list[Sentence]) -> list[dict[int, list[int]]]:
    """Which rules each sentence needs, with their anchors' positions: every anchor found is filed under the
    sentence it stands in."""
    sentence_starts = [sentence.start for sentence in sentences]
    rules_of: list[dict[int, list[int]]] = [{} for _ in sentences]
    for index, positions in enumerate(_anchor_positions(text, start, end)):
        for position in positions:
            if (number := bisect.bisect_right(sentence_starts, position) - 1) >= 0:
                rules_of[number].setdefault(index, []).append(position)
    return rules_of


def _tense(text: str, sentence: Sentence, segments: list[clauses.Segment], offset: int) -> clauses.Tense:
    """The tense of the cue nearest a match in its clause, else in its sentence."""
    segment = segments[clauses.segment_at(segments, offset)]
    tense = clauses.tense_near(text, segment.start, segment.end, offset)
    return clauses.tense_near(text, sentence.start, sentence.end, offset) if tense == "present" else tense


_CLOCK = patterns.compile(r"T(\d\d:\d\d)\Z")


def _compose(text: str, found: list[Timex]) -> list[Timex]:
    """A clock time and a day side by side become one point in time ("11:47 p.m. Sunday" -> ...T23:47)."""
    tagger = load()
    composed: list[Timex] = []
    for timex in found:
        previous = composed[-1] if composed else None
        if previous is not None:
            between = text[previous.end:timex.start]
            pair = None
            if previous.type == "TIME" and timex.type == "DATE" and tagger.time_then_day.match(between):
                pair = (previous, timex)
            elif previous.type == "DATE" and timex.type == "TIME" and tagger.day_then_time.match(between):
                pair = (timex, previous)
            if pair is not None and (clock := _CLOCK.search(pair[0].value)) and pair[1].day is not None:
                time, day = pair
                value = f"{day.day}T{clock[1]}"
                span = text[previous.start:timex.end]
                how = (f"{span} -> {value}: the clock time {time.text} on the day of {day.text} "
                       f"({day.explanation.split(': ', 1)[1]})")
                composed[-1] = Timex(previous.start, timex.end, span, "TIME", value, time.mod or day.mod,
                                     day.anchor, how, f"{previous.rule}+{timex.rule}")
                continue
        composed.append(timex)
    return composed


def _with_modifiers(text: str, sentence: Sentence, start: int, end: int, rule: str, value: Value) -> Timex:
    """Widen a date by the words around it that narrow it ("late Wednesday", "Tuesday morning")."""
    tagger = load()
    mod, suffix = value.mod, ""
    # The words that narrow a date stand right beside it: look at a few dozen characters, not the whole sentence.
    if DAY_VALUE.match(value.value) and "T" not in value.value:
        if (after := tagger.part_after.match(text[end:min(sentence.end, end + 40)])) is not None:
            suffix, end = "T" + tagger.vocabulary["PART"][after["part"].lower()], end + after.end()
        else:
            window = max(sentence.start, start - 40)
            if (before := tagger.part_before.search(text[window:start])) is not None:
                suffix, start = "T" + tagger.vocabulary["PART"][before["part"].lower()], window + before.start()
    window = max(sentence.start, start - 40)
    if value.type == "DATE" and (prefix := tagger.mod_before.search(text[window:start])) is not None:
        mod = tagger.vocabulary["MOD"].get(_SPACES.sub(" ", prefix["mod"].lower()).rstrip("-"))
        start = window + prefix.start()
    resolved = value.value + suffix
    span = text[start:end]
    narrowed = f" ({tagger.mod_words.get(mod, mod)}: TIMEX3 mod {mod})" if mod else ""
    explanation = f"{span} -> {resolved}: {value.how}{narrowed}"
    return Timex(start, end, span, value.type, resolved, mod,
                 value.anchor.isoformat() if value.anchor else None, explanation, rule)


@functools.cache
def _second_day() -> patterns.Pattern:
    return patterns.compile(language.load("temporal")["ranges"]["second_day"], regex.I)


def day_range(text: str, timex: Timex) -> tuple[dt.date, int] | None:
    """The last day of a range a day's date opens ("April 24 and 25": the 25th) and where the range ends, or None
    when the date stands alone."""
    day = timex.day
    if day is None or (found := _second_day().match(text, timex.end)) is None:
        return None
    try:
        last = day.replace(day=int(found["day"]))
    except ValueError:
        return None
    return (last, found.end("day")) if last > day else None


def range_examples() -> list[dict[str, str]]:
    return list(language.load("temporal")["ranges"]["examples"])

