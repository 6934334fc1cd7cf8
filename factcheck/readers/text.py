"""Sentences with exact character offsets.

Paragraphs are separated by blank lines; inside a paragraph a sentence ends at ., ! or ? (with any closing quotes
or brackets) followed by space and a capitalised word, except where the stop belongs to an abbreviation
(language/sentences.toml) or sits inside a quotation that closes later in the paragraph: "quotations do not cut a
sentence". Single line breaks are soft wraps, as in most exports.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Iterable
from dataclasses import dataclass

import regex

from factcheck import language, patterns


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int


_PARAGRAPH_BREAK = patterns.compile(r"(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)\s*|(?:\r\n|\r|\n)(?=[ \t]*#)")
# A stop, or a stop glued to the next sentence by a lost space ("the desk.The list"): after a word of small letters,
# never inside an address or a dotted abbreviation ("e.g.", "example.com").
_CANDIDATE_END = patterns.compile(r"(?:\.{3}|…|[.!?])+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[\p{Lu}\p{N}]|\s*\Z)"
                                  r"|(?<=(?<![\p{L}\p{N}.@/_-])\p{L}\p{Ll}{2,})\.(?=\p{Lu})")
_GLUED_WORD = patterns.compile(r"\p{L}+")
_WORD_BEFORE = patterns.compile(r"(?:(?<=[\s(\[\"“'‘])|^)(?P<word>[\p{L}.]+)\.$")
_NEXT_WORD = patterns.compile(r"\s+[\"'“‘(\[]?(?P<word>[\p{L}\p{N}]+)")
_QUOTE_PAIRS = {"“": "”", "‘": "’"}
_STRAIGHT_QUOTATION = patterns.compile(r'"[^"]*"')
_CURLY_QUOTATIONS = tuple(patterns.compile(f"{opener}[^{opener}{closer}]*{closer}")
                          for opener, closer in _QUOTE_PAIRS.items())


class _Vocabulary:
    def __init__(self) -> None:
        data = language.load("sentences")
        self.titles = frozenset(data["titles"])
        self.abbreviations = frozenset(data["abbreviations"])
        self.starters = frozenset(data["sentence_starters"])
        self.max_chars = int(data["max_sentence_chars"])
        verbs = "|".join(data["attribution_verbs"])
        # A closing quote, then up to four words (a name, a title) and a verb of saying.
        self.attribution = patterns.compile(rf"[\"”’']\s+(?:[\w.'’-]+\s+){{1,4}}?(?:{verbs})\b")


@functools.cache
def _vocab() -> _Vocabulary:
    return _Vocabulary()


class Spans:
    """Spans of a text (quotations, dates), asked of many stretches whether one of them encloses it. Each question
    is a lookup among the spans sorted by where they begin (bisect), so that asking it of every stop of a paragraph
    of thousands of quotations, or of every cue of a sentence of many dates, takes time near their number."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        # The furthest end of the spans begun so far: one begun before a stretch encloses it if that reaches past it.
        self.reach = list(itertools.accumulate((end for _, end in ordered), max))

    def enclose(self, start: int, end: int) -> bool:
        """Whether a span begins before `start` and ends after `end`."""
        begun = bisect.bisect_left(self.starts, start)
        return begun > 0 and self.reach[begun - 1] > end


def _quotations(paragraph: str) -> Spans:
    """The quotations that close inside a paragraph; an unbalanced quote protects nothing."""
    spans: list[tuple[int, int]] = []
    if paragraph.count('"') % 2 == 0:
        spans += [(m.start(), m.end()) for m in _STRAIGHT_QUOTATION.finditer(paragraph)]
    for quotation in _CURLY_QUOTATIONS:
        spans += [(m.start(), m.end()) for m in quotation.finditer(paragraph)]
    return Spans(spans)


def _is_boundary(paragraph: str, stop: int, end: int) -> bool:
    """Whether the terminal punctuation at paragraph[stop:end] ends a sentence."""
    vocab = _vocab()
    if paragraph[stop] in "!?" and vocab.attribution.match(paragraph, end - 1):
        return False
    if paragraph[stop] != ".":
        return True
    if end < len(paragraph) and not paragraph[end].isspace():  # glued: only before a usual first word
        glued = _GLUED_WORD.match(paragraph, end)
        last = regex.search(r"\p{L}+\Z", paragraph[max(0, stop - 40):stop])
        return glued is not None and glued.group() in vocab.starters and (
            last is None or (last.group() not in vocab.abbreviations and last.group() not in vocab.titles))
    before = _WORD_BEFORE.search(paragraph, max(0, stop - 60), stop + 1)  # a window: no word is longer
    following = _NEXT_WORD.match(paragraph, end)
    next_word = following["word"] if following else None
    if before is None:
        return True
    word = before["word"].rstrip(".")
    if next_word is None:
        return True
    if word.isupper() and len(word) > 1 and "." not in word:
        word = word.title()  # datelines: "ST. LOUIS"
    if word in vocab.titles:
        return False
    dotted = "." in word  # "U.N.", "a.m.", "U.S."
    initial = len(word) == 1 and word.isupper()
    if dotted or initial or word in vocab.abbreviations:
        return next_word in vocab.starters
    return True


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Sentences of text[start:end], offsets into `text`, whitespace trimmed, in order."""
    end = len(text) if end is None else end
    sentences: list[Sentence] = []
    paragraph_start = start
    breaks = [(m.start(), m.end()) for m in _PARAGRAPH_BREAK.finditer(text, start, end)] + [(end, end)]
    for index, (break_start, break_end) in enumerate(breaks):
        _split_paragraph(text, paragraph_start, break_start, index, sentences)
        paragraph_start = break_end
    return sentences


def _split_paragraph(text: str, start: int, end: int, index: int, out: list[Sentence]) -> None:
    paragraph = text[start:end]
    quotations = _quotations(paragraph)
    cut = 0
    for match in _CANDIDATE_END.finditer(paragraph):
        if quotations.enclose(match.start(), match.end()):
            continue
        if not _is_boundary(paragraph, match.start(), match.end()):
            continue
        _emit(text, start + cut, start + match.end(), index, out)
        cut = match.end()
    _emit(text, start + cut, end, index, out)


def _emit(text: str, start: int, end: int, paragraph: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    limit = _vocab().max_chars
    while end - start > limit:
        cut = text.rfind(" ", start + limit // 2, start + limit)
        cut = cut if cut > start else start + limit
        _emit(text, start, cut, paragraph, out)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        out.append(Sentence(start, end, text[start:end], paragraph))
