"""Compiled patterns whose every match stops at a time limit.

The readers and kinds build their patterns from the language data and from the rules' cues, which are regular
expressions a rule writer types ("(a|a)+$" backtracks catastrophically on a run of a's). Each call that looks for one
match (`match`, `search`, `fullmatch`, and each step of `finditer`, `findall` and `sub`) is given `TIME_LIMIT` seconds
of its own, however long the text: a whole article of ten megabytes is scanned match by match, never against one
deadline, and a pattern that takes too long on one match raises `PatternTooSlow`, which names it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import regex

# Seconds one match may take. A sound pattern takes microseconds on a sentence and well under this on the longest
# stretch between two matches of a large article; one that backtracks catastrophically takes hours.
TIME_LIMIT = 2.0
# How much of a long pattern's beginning and end a message quotes (a rule's cues often come last).
_QUOTED = 60


class PatternTooSlow(TimeoutError):
    """One match of a pattern ran past the time limit (catastrophic backtracking)."""

    def __init__(self, pattern: str):
        shown = pattern if len(pattern) <= 3 * _QUOTED else f"{pattern[:_QUOTED]}…{pattern[-_QUOTED:]}"
        super().__init__(f"a pattern took longer than {TIME_LIMIT:g} s on one match (catastrophic backtracking?): "
                         f"{shown}")
        self.pattern = pattern


class Pattern:
    """A compiled `regex` pattern with the methods the readers use, each match under the time limit."""

    __slots__ = ("compiled",)

    def __init__(self, compiled: regex.Pattern[str]):
        self.compiled = compiled

    @property
    def pattern(self) -> str:
        return self.compiled.pattern

    @property
    def groupindex(self) -> dict[str, int]:
        return dict(self.compiled.groupindex)

    def match(self, string: str, pos: int = 0, endpos: int | None = None) -> regex.Match[str] | None:
        try:
            return self.compiled.match(string, pos, endpos, timeout=TIME_LIMIT)
        except TimeoutError as error:
            raise PatternTooSlow(self.pattern) from error

    def search(self, string: str, pos: int = 0, endpos: int | None = None) -> regex.Match[str] | None:
        try:
            return self.compiled.search(string, pos, endpos, timeout=TIME_LIMIT)
        except TimeoutError as error:
            raise PatternTooSlow(self.pattern) from error

    def fullmatch(self, string: str, pos: int = 0, endpos: int | None = None) -> regex.Match[str] | None:
        try:
            return self.compiled.fullmatch(string, pos, endpos, timeout=TIME_LIMIT)
        except TimeoutError as error:
            raise PatternTooSlow(self.pattern) from error

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None) -> Iterator[regex.Match[str]]:
        """The matches `regex`'s finditer gives, each found by a search of its own (finditer's time limit would be
        for the whole scan)."""
        end = len(string) if endpos is None else endpos
        found = self.search(string, pos, end)
        while found is not None:
            yield found
            found = self.search(string, found.end(), end) if found.end() > found.start() else \
                self._after_empty(string, found.start(), end)

    def _after_empty(self, string: str, at: int, end: int) -> regex.Match[str] | None:
        """The match after an empty one: it may begin at the same place only if it is not empty, a rule finditer
        knows; so finditer is asked from there for its second match (the first is the empty one)."""
        try:
            scan = self.compiled.finditer(string, at, end, timeout=TIME_LIMIT)
            next(scan)
            return next(scan, None)
        except TimeoutError as error:
            raise PatternTooSlow(self.pattern) from error

    def findall(self, string: str, pos: int = 0, endpos: int | None = None) -> list[Any]:
        """What `regex`'s findall gives: the text of each match, or of its one group, or its groups."""
        groups = self.compiled.groups
        return [m.group() if groups == 0 else m.group(1) or "" if groups == 1 else m.groups("")
                for m in self.finditer(string, pos, endpos)]

    def sub(self, repl: str | Callable[[regex.Match[str]], str], string: str, count: int = 0) -> str:
        """What `regex`'s sub gives, a match at a time."""
        parts: list[str] = []
        done = 0
        for index, found in enumerate(self.finditer(string)):
            if count and index >= count:
                break
            parts += [string[done:found.start()], repl(found) if callable(repl) else found.expand(repl)]
            done = found.end()
        return "".join([*parts, string[done:]])

    def split(self, string: str, maxsplit: int = 0) -> list[Any]:
        """What `regex`'s split gives (the text between matches, and their groups), a match at a time."""
        parts: list[str | None] = []
        done = 0
        for index, found in enumerate(self.finditer(string)):
            if maxsplit and index >= maxsplit:
                break
            parts += [string[done:found.start()], *found.groups()]
            done = found.end()
        return [*parts, string[done:]]


def compile(source: str, flags: int = 0) -> Pattern:  # noqa: A001  (regex.compile's name, to read alike)
    return Pattern(regex.compile(source, flags))
