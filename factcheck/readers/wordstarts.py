"""Scanning a whole article for a pattern of alternative words without trying it at every character.

Event words and aliases are patterns of the form `(?<![\\w-])(?:cue|cue|...)(?![\\w-])`, each scanned over a whole
article. The regex engine tries every alternative at every character, which costs far more than the matches. But a
match can only begin where a word begins with the letters every match of some cue begins with ("arriv" for
"arrived|arriving"). The words of an article are indexed once by their letters (`Words`); each pattern is then
tried only where such a word stands. The matches are the same: only places where no cue can begin are left out.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

import regex

from factcheck import patterns

# Characters that match an ASCII letter case-insensitively in the regex module besides the letters themselves
# (tests/test_wordstarts.py checks this against every code point), and what they match.
_OTHER_FORMS = {"İ": "i", "ſ": "s", "K": "k"}
_TO_LOWER_ASCII = str.maketrans({**{chr(c): chr(c).lower() for c in range(ord("A"), ord("Z") + 1)}, **_OTHER_FORMS})
# A letter after any of these is inside a word, where no cue begins.
_INSIDE_A_WORD = "a-z0-9_"
_WORD_START = re.compile(rf"(?<![{_INSIDE_A_WORD}-])[a-z]+")
_WORD_AFTER_HYPHEN = re.compile(r"(?<=-)[a-z]+")
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
    cue can begin otherwise (with a group, an escape, an optional letter, or an alternative of its own). A
    lookbehind the cue opens with is passed over: it matches no letters."""
    if cue.startswith(("(?<=", "(?<!")) and _structure(cue) is not None:
        return beginning(cue[_group_end(cue) + 1:])
    parts = _top_level_parts(cue)
    if _INLINE_FLAGS.search(cue) or parts is None or len(parts) > 1:
        return None
    leading = _LEADING_LETTERS.match(cue)
    if leading is None:
        return None
    letters = leading.group()
    if cue[len(letters):].startswith(_QUANTIFIERS):  # the last letter may be missing
        letters = letters[:-1]
    return letters.lower() or None


def word_beginnings(pattern: str) -> tuple[str, ...] | None:
    """The beginnings (see `beginnings`) of a pattern that matches at the start of a word only: `\\b` and a cue, or
    `\\b` and a group of alternative cues ("\\b(?:day|week)s?\\b"); None for any other pattern."""
    if not pattern.startswith("\\b") or _INLINE_FLAGS.search(pattern):
        return None
    rest = pattern[2:]
    if not rest.startswith("(?:"):
        return beginnings([rest])
    parts = _top_level_parts(rest)
    if parts is None or len(parts) > 1:
        return None
    group_end = _group_end(rest)
    if rest[group_end + 1:].startswith(_QUANTIFIERS):  # the whole group may be missing
        return None
    return beginnings(_top_level_parts(rest[3:group_end]) or [])


def _structure(pattern: str) -> list[tuple[int, str, int]] | None:
    """(index, character, depth) of every '(', ')' and '|' outside character classes and escapes, the depth being
    that of the groups around the character; None if the groups or classes do not close."""
    found: list[tuple[int, str, int]] = []
    depth, class_start, escaped = 0, -1, False  # class_start: where the character class we are in opened
    for index, char in enumerate(pattern):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif class_start >= 0:
            # A ']' right after '[' or '[^' is a literal one.
            if char == "]" and index > class_start + 1 and pattern[class_start + 1:index] != "^":
                class_start = -1
        elif char == "[":
            class_start = index
        elif char == "(":
            found.append((index, char, depth))
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                return None
            found.append((index, char, depth))
        elif char == "|":
            found.append((index, char, depth))
    return found if depth == 0 and class_start < 0 else None


def _top_level_parts(pattern: str) -> list[str] | None:
    """The alternatives a pattern's own '|' split it into; None if its groups or classes do not close."""
    structure = _structure(pattern)
    if structure is None:
        return None
    cuts = [index for index, char, depth in structure if char == "|" and depth == 0]
    return [pattern[a + 1:b] for a, b in zip([-1, *cuts], [*cuts, len(pattern)], strict=True)]


def _group_end(pattern: str) -> int:
    """The index of the ')' that closes the group a balanced pattern begins with."""
    return next(index for index, char, depth in _structure(pattern) or [] if char == ")" and depth == 0)


@dataclass(frozen=True, slots=True)
class Words:
    """The words of a text that begin with ASCII letters, as (letters lower-cased, start), sorted; the words right
    after a hyphen apart, since a hyphen joins words for the cues of events (`[\\w-]`) but not for `\\b`."""

    starts: list[tuple[str, int]]
    after_hyphen: list[tuple[str, int]]

    @staticmethod
    @functools.lru_cache(maxsize=8)  # the tagger and the reading of an article both use them
    def of(text: str) -> Words:
        folded = _letters_folded(text)
        return Words(sorted([(word.group(), word.start()) for word in _WORD_START.finditer(folded)]),
                     sorted([(word.group(), word.start()) for word in _WORD_AFTER_HYPHEN.finditer(folded)]))

    def beginning_with(self, beginnings: tuple[str, ...], hyphen_ends_a_word: bool = False) -> list[int]:
        """The starts of the words that begin with one of the beginnings, in order."""
        found: list[int] = []
        for words in (self.starts, self.after_hyphen) if hyphen_ends_a_word else (self.starts,):
            for letters in beginnings:
                index = bisect.bisect_left(words, (letters,))
                while index < len(words) and words[index][0].startswith(letters):
                    found.append(words[index][1])
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


def finditer(pattern: patterns.Pattern, beginnings_: tuple[str, ...] | None, text: str, words: Words, start: int,
             end: int, hyphen_ends_a_word: bool = False) -> list[regex.Match[str]]:
    """What `pattern.finditer(text, start, end)` finds (a match of the language data's no longer than `UNTIMED`
    characters, as all of its words are), `words` being `Words.of(text)` and `beginnings_` the
    beginnings of the pattern's cues (`text` may be lower-cased, since `words` is). Each match is tried under the time
    limit of its own (factcheck.patterns). The pattern must not match inside a word: where it begins with `\\b`, a
    word after a hyphen is a word of its own."""
    if beginnings_ is None:
        return list(pattern.finditer(text, start, end))
    found: list[regex.Match[str]] = []
    resume = start
    # The language data's words are a few words long, so each is matched within a stretch short enough to go
    # untimed (a timed match costs a clock reading, and there is one per word that begins like a cue); a rule's
    # cues may reach anywhere, and are timed wherever they are tried.
    # So such a match, which the window keeps untimed, is asked of regex itself: there is one per word that begins
    # like a cue, hundreds of thousands in an archive.
    match_at = pattern.match if pattern.always_timed else pattern.compiled.match
    reach = len(text) if pattern.always_timed else patterns.UNTIMED
    for position in words.beginning_with(beginnings_, hyphen_ends_a_word):
        if position < resume or position >= end:
            continue
        if (match := match_at(text, position, min(end, position + reach))) is not None:
            found.append(match)
            resume = match.end()
    return found
