"""Scanning a whole article for a pattern of alternative words without trying it at every character.

Event words and aliases are patterns of the form `(?<![\\w-])(?:cue|cue|...)(?![\\w-])`, each scanned over a whole
article. The regex engine tries every alternative at every character, which costs far more than the matches. But a
match can only begin where a word begins with the letters every match of some cue begins with ("arriv" for
"arrived|arriving"). The words of an article are indexed once by their letters (`Words`); each pattern is then
tried only where such a word stands. The matches are the same: only places where no cue can begin are left out.
"""

from __future__ import annotations

import bisect
import re
import time
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

import regex

# Characters that match an ASCII letter case-insensitively in the regex module besides the letters themselves
# (tests/test_wordstarts.py checks this against every code point), and what they match.
_OTHER_FORMS = {"İ": "i", "ſ": "s", "K": "k"}
_TO_LOWER_ASCII = str.maketrans({**{chr(c): chr(c).lower() for c in range(ord("A"), ord("Z") + 1)}, **_OTHER_FORMS})
# A letter after any of these is inside a word, where no cue begins.
_INSIDE_A_WORD = "a-z0-9_-"
_WORD_LETTERS = re.compile(rf"(?<![{_INSIDE_A_WORD}])[a-z]+")
_LEADING_LETTERS = re.compile(r"[A-Za-z]+")
_QUANTIFIERS = ("?", "*", "+", "{")
_INLINE_FLAGS = re.compile(r"\(\?[A-Za-z-]+[:)]")


def _letters_folded(text: str) -> str:
    """The text, as long as it is, with every character that matches an ASCII letter case-insensitively written as
    that letter in lower case (other characters may change too, but never into an ASCII letter they do not match)."""
    lowered = text.lower()
    if len(lowered) == len(text) and "ſ" not in text:  # "İ" lower-cases to two characters; "ſ" stays itself
        return lowered
    return text.translate(_TO_LOWER_ASCII)


def beginning(cue: str) -> str | None:
    """The letters, in lower case, that every match of a cue (a regular expression) begins with, or None when the
    cue can begin otherwise (with a group, an escape, an optional letter, or an alternative of its own)."""
    if _INLINE_FLAGS.search(cue) or _has_alternatives(cue):
        return None
    leading = _LEADING_LETTERS.match(cue)
    if leading is None:
        return None
    letters = leading.group()
    if cue[len(letters):].startswith(_QUANTIFIERS):  # the last letter may be missing
        letters = letters[:-1]
    return letters.lower() or None


def _has_alternatives(cue: str) -> bool:
    """Whether a '|' outside any group or character class splits the cue itself into alternatives."""
    depth, class_start, escaped = 0, -1, False  # class_start: where the character class we are in opened
    for index, char in enumerate(cue):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif class_start >= 0:
            # A ']' right after '[' or '[^' is a literal one.
            if char == "]" and index > class_start + 1 and cue[class_start + 1:index] != "^":
                class_start = -1
        elif char == "[":
            class_start = index
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth <= 0:
            return True
    return depth != 0 or class_start >= 0


@dataclass(frozen=True, slots=True)
class Words:
    """Where the words of a text that begin with ASCII letters start, by those letters (lower-cased)."""

    letters: tuple[str, ...]  # sorted, each once
    starts: dict[str, list[int]]

    @staticmethod
    def of(text: str) -> Words:
        starts: defaultdict[str, list[int]] = defaultdict(list)
        for word in _WORD_LETTERS.finditer(_letters_folded(text)):
            starts[word.group()].append(word.start())
        return Words(tuple(sorted(starts)), starts)

    def beginning_with(self, beginnings: tuple[str, ...]) -> list[int]:
        """The starts of the words that begin with one of the beginnings, in order."""
        found: list[int] = []
        for letters in beginnings:
            index = bisect.bisect_left(self.letters, letters)
            while index < len(self.letters) and self.letters[index].startswith(letters):
                found += self.starts[self.letters[index]]
                index += 1
        return sorted(found)


def beginnings(cues: Iterable[str]) -> tuple[str, ...] | None:
    """The beginnings of a pattern's cues, none the beginning of another (so that no word is found twice), or None
    when a cue can begin otherwise than with letters: then the pattern is tried everywhere."""
    found = set()
    for cue in cues:
        if (letters := beginning(cue)) is None:
            return None
        found.add(letters)
    if not found:
        return None
    shortest_first = sorted(found, key=lambda letters: (len(letters), letters))
    return tuple(b for i, b in enumerate(shortest_first) if not any(b.startswith(a) for a in shortest_first[:i]))


def finditer(pattern: regex.Pattern[str], beginnings_: tuple[str, ...] | None, text: str, words: Words, start: int,
             end: int, timeout: float | None) -> list[regex.Match[str]]:
    """What `pattern.finditer(text, start, end, timeout=timeout)` finds, `words` being `Words.of(text)` and
    `beginnings_` the beginnings of the pattern's cues. The time limit is for the whole scan, as it is for finditer."""
    if beginnings_ is None:
        return list(pattern.finditer(text, start, end, timeout=timeout))
    deadline = None if timeout is None else time.perf_counter() + timeout
    found: list[regex.Match[str]] = []
    resume = start
    for position in words.beginning_with(beginnings_):
        if position < resume or position >= end:
            continue
        remaining = None if deadline is None else deadline - time.perf_counter()
        if remaining is not None and remaining <= 0:
            raise TimeoutError("regex timed out")
        if (match := pattern.match(text, position, end, timeout=remaining)) is not None:
            found.append(match)
            resume = match.end()
    return found
