"""The word-start scan finds exactly what the pattern's own finditer finds."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import regex

from factcheck import patterns
from factcheck.readers import events, wordstarts
from factcheck.readers.wordstarts import Words, beginning, beginnings

ROOT = Path(__file__).resolve().parents[1]


def test_letters_are_folded_as_the_regex_module_matches_them() -> None:
    letter, inside_a_word = regex.compile("[a-z]", regex.I), regex.compile(r"\w")
    left_out = regex.compile(f"[{wordstarts._INSIDE_A_WORD}]")
    for code in range(0x110000):
        char = chr(code)
        folded = wordstarts._letters_folded(char)
        if letter.fullmatch(char):  # every place where a cue's letters may match is searched
            assert len(folded) == 1 and regex.fullmatch(folded, char, regex.I), hex(code)
        if left_out.fullmatch(folded):  # and only places inside a word are left out
            assert inside_a_word.fullmatch(char), hex(code)


@pytest.mark.parametrize(("cue", "letters"), [
    ("arrived", "arrived"), ("in custody", "in"), ("make (?:his|her) way", "make"), ("visits?", "visit"),
    ("visit(s|ed)?", "visit"), (r"crash(?!\s+site)", "crash"), ("tête-à-tête", "t"), (r"U\.N\.", "u"),
    ("(a|aa)+b", None), ("meet|greet", None), ("a{0,2}b", None), ("(?i)met", None), ("met(?f)", None),
    (r"\bmet", None), ("x[a^]|b", None), ("x[]|]y", "x"), ("x[^]|]y", "x"), ("x[a|]y", "x"), ("x(", None),
])
def test_the_beginning_of_a_cue_is_the_letters_every_match_of_it_begins_with(cue: str, letters: str | None) -> None:
    assert beginning(cue) == letters


def test_beginnings_leave_out_those_that_begin_with_another() -> None:
    assert beginnings(["arrived", "arriv(?:al|ing)", "ar", "in custody", "bar"]) == ("ar", "in", "bar")
    assert beginnings(["arrived", "(a|b)c"]) is None


def test_a_word_is_found_where_it_begins_with_letters_whatever_their_case() -> None:
    words = Words.of("Arrived, re-arrived 2arrive _arrive ARRIVING. ſtop İn")
    assert words.beginning_with(("arriv",)) == [0, 36]
    assert words.beginning_with(("stop", "in")) == [46, 51]
    assert words.beginning_with(("arriv",), hyphen_ends_a_word=True) == [0, 12, 36]


def _same_as_finditer(pattern: patterns.Pattern, beginnings_: tuple[str, ...] | None, text: str) -> None:
    expected = [(m.start(), m.end()) for m in pattern.finditer(text, 1, len(text) - 1)]
    found = wordstarts.finditer(pattern, beginnings_, text, Words.of(text), 1, len(text) - 1)
    assert [(m.start(), m.end()) for m in found] == expected


def test_triggers_are_those_of_the_pattern_in_articles_and_in_awkward_text() -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "corpus").glob("*.txt"))]
    texts.append("İn custody, ſtopped over, ARRIVED-late, re-arrived, ²met, _met, K-met; tête-à-tête; "
                 "Met\n\nwith the MEETING in\t custody.")
    rng = random.Random(7)
    pieces = ["met", "Met", "arrived", "in", " ", "  ", "\n", "-", "'", "’", "İ", "ſ", "K", "é", "2", "_", ".",
              "custody", "talks", "held", "visit"]
    texts += ["".join(rng.choice(pieces) for _ in range(200)) for _ in range(200)]
    for name in events.event_names():
        kind = events.event_kind(name)
        assert kind.beginnings is not None
        for text in texts:
            _same_as_finditer(kind.pattern, kind.beginnings, text)


def test_a_time_limit_still_holds_for_each_match() -> None:
    kind = events.event_kind("meeting", ("a(a|aa)+b",))
    assert kind.beginnings is not None
    text = " a" + "a" * 40 + "c" * 3
    with pytest.raises(patterns.PatternTooSlow):
        wordstarts.finditer(kind.pattern, kind.beginnings, text, Words.of(text), 0, len(text))
