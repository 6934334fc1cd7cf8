"""Compiled patterns whose every match stops at a time limit.

The readers and kinds build their patterns from the language data and from the rules' cues, which are regular
expressions a rule writer types ("(a|a)+$" backtracks catastrophically on a run of a's). A pattern with a rule's
text in it (`compile(..., rule_text=True)`) gives each call that looks for one match (`match`, `search`,
`fullmatch`, and each match of `finditer`, `findall`, `sub` and `split`) `TIME_LIMIT` seconds of its own, however
long the text: a whole article of ten megabytes is scanned match by match, never against one deadline, and a pattern
that takes too long on one match raises `PatternTooSlow`, which names it.

The language data's own patterns are ours and run thousands of times an article, mostly on one sentence or clause;
a timed call of `regex` costs a clock reading (a system call on many machines) and doubled the cost of a check. So
they are timed only where the stretch searched is longer than `UNTIMED`: the long stretches where a pattern that is
merely slow (a quantifier nested in another) could run for minutes. On a shorter stretch their time is bounded by
its length; the property tests of the readers (tests/test_hostile.py) run them on hostile shapes of text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import regex

# Seconds one match may take. A sound pattern takes microseconds on a sentence and well under this on the longest
# stretch between two matches of a large article; one that backtracks catastrophically takes hours.
TIME_LIMIT = 2.0
# Characters a language-data pattern may search without a time limit: more than a long sentence.
UNTIMED = 1000
# How much of a long pattern's beginning and end a message quotes (a rule's cues often come last).
_QUOTED = 60


class PatternTooSlow(TimeoutError):
    """One match of a pattern ran past the time limit (catastrophic backtracking)."""

    def __init__(self, pattern: str, rule_text: bool = False):
        shown = pattern if len(pattern) <= 3 * _QUOTED else f"{pattern[:_QUOTED]}…{pattern[-_QUOTED:]}"
        super().__init__(f"a pattern took longer than {TIME_LIMIT:g} s on one match (catastrophic backtracking?): "
                         f"{shown}")
        self.pattern = pattern
        self.rule_text = rule_text  # a pattern with a rule's text in it: the rules' fault, not factcheck's

    def __reduce__(self) -> tuple[type, tuple[str, bool]]:  # raised in a worker process, re-raised here
        return type(self), (self.pattern, self.rule_text)


class Pattern:
    """A compiled `regex` pattern with the methods the readers use, each match under the time limit."""

    __slots__ = ("compiled", "always_timed")

    def __init__(self, compiled: regex.Pattern[str], always_timed: bool = False):
        self.compiled = compiled
        self.always_timed = always_timed

    @property
    def pattern(self) -> str:
        return self.compiled.pattern

    @property
    def groupindex(self) -> dict[str, int]:
        return dict(self.compiled.groupindex)

    def _timed(self, string: str, pos: int, endpos: int | None) -> bool:
        return self.always_timed or (len(string) if endpos is None else endpos) - pos > UNTIMED

    def match(self, string: str, pos: int = 0, endpos: int | None = None) -> regex.Match[str] | None:
        try:
            return self.compiled.match(string, pos, endpos,
                                       timeout=TIME_LIMIT if self._timed(string, pos, endpos) else None)
        except TimeoutError as error:
            raise PatternTooSlow(self.pattern, self.always_timed) from error

    def search(self, string: str, pos: int = 0, endpos: int | None = None) -> regex.Match[str] | None:
        try:
            return self.compiled.search(string, pos, endpos,
                                        timeout=TIME_LIMIT if self._timed(string, pos, endpos) else None)
        except TimeoutError as error:
            raise PatternTooSlow(self.pattern, self.always_timed) from error

    def fullmatch(self, string: str, pos: int = 0, endpos: int | None = None) -> regex.Match[str] | None:
        try:
            return self.compiled.fullmatch(string, pos, endpos,
                                           timeout=TIME_LIMIT if self._timed(string, pos, endpos) else None)
        except TimeoutError as error:
            raise PatternTooSlow(self.pattern, self.always_timed) from error

    # Untimed, each of the scans below is regex's own (no frame of Python's per match: they run thousands of times an
    # article); timed, a match at a time.

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None) -> Iterator[regex.Match[str]]:
        """The matches `regex`'s finditer gives, each under a time limit of its own (see `_timed_finditer`)."""
        if not self._timed(string, pos, endpos):
            return self.compiled.finditer(string, pos, endpos)
        return self._timed_finditer(string, pos, len(string) if endpos is None else endpos)

    def _timed_finditer(self, string: str, pos: int, end: int) -> Iterator[regex.Match[str]]:
        """`regex`'s time limit is for the whole scan, so a scan that runs out of time after a match is begun again
        after that match, with a time limit of its own; only a scan that finds nothing in its time is too slow."""
        at, after_empty = pos, False
        while True:
            found_any = False
            try:
                scan = self.compiled.finditer(string, at, end, timeout=TIME_LIMIT)
                if after_empty:  # the first match from there is the empty one already given
                    next(scan)
                for found in scan:
                    found_any = True
                    yield found
                    at, after_empty = found.end(), found.end() == found.start()
                return
            except TimeoutError as error:
                if not found_any:
                    raise PatternTooSlow(self.pattern, self.always_timed) from error

    def findall(self, string: str, pos: int = 0, endpos: int | None = None) -> list[Any]:
        """What `regex`'s findall gives: the text of each match, or of its one group, or its groups."""
        if not self._timed(string, pos, endpos):
            return self.compiled.findall(string, pos, endpos)
        groups = self.compiled.groups
        return [m.group() if groups == 0 else m.group(1) or "" if groups == 1 else m.groups("")
                for m in self.finditer(string, pos, endpos)]

    def sub(self, repl: str | Callable[[regex.Match[str]], str], string: str, count: int = 0) -> str:
        """What `regex`'s sub gives."""
        if not self._timed(string, 0, None):
            return self.compiled.sub(repl, string, count)
        parts: list[str] = []
        done = 0
        for index, found in enumerate(self.finditer(string)):
            if count and index >= count:
                break
            parts += [string[done:found.start()], repl(found) if callable(repl) else found.expand(repl)]
            done = found.end()
        return "".join([*parts, string[done:]])

    def split(self, string: str, maxsplit: int = 0) -> list[Any]:
        """What `regex`'s split gives (the text between matches, and their groups)."""
        if not self._timed(string, 0, None):
            return self.compiled.split(string, maxsplit)
        parts: list[str | None] = []
        done = 0
        for index, found in enumerate(self.finditer(string)):
            if maxsplit and index >= maxsplit:
                break
            parts += [string[done:found.start()], *found.groups()]
            done = found.end()
        return [*parts, string[done:]]


def compile(source: str, flags: int = 0, rule_text: bool = False) -> Pattern:  # noqa: A001  (regex.compile's name)
    """`regex.compile` under the time limit; `rule_text` where the pattern holds a rule's cues, which are timed on
    any stretch (see the module's docstring)."""
    return Pattern(regex.compile(source, flags), always_timed=rule_text)
