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

import contextlib
import contextvars
import time
from collections.abc import Callable, Iterator
from typing import Any

import regex

# Seconds one match may take. A sound pattern takes microseconds on a sentence and well under this on the longest
# stretch between two matches of a large article; one that backtracks catastrophically takes hours.
TIME_LIMIT = 2.0
# Characters a language-data pattern may search without a time limit: more than a long paragraph, more than most
# articles (a scan of a whole article, of which there are hundreds an article, goes at regex's own speed).
UNTIMED = 10_000
# Seconds the patterns with a rule's text may take in all on one article (see `budget`): a cue a little under the
# limit of one match, tried on each of thousands of sentences, would otherwise take hours.
RULE_BUDGET = 30.0
# How much of a long pattern's beginning and end a message quotes (a rule's cues often come last).
_QUOTED = 60


class _Budget:
    """What is left of the time the rules' patterns may take on the article being read."""

    __slots__ = ("left",)

    def __init__(self, left: float):
        self.left = left


# The budget of the article this thread (or task) reads, if any: a worker of a cluster may read several at once.
_BUDGET: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar("budget", default=None)


def _left() -> float | None:
    current = _BUDGET.get()
    return None if current is None else current.left


def _spend(started: float) -> None:
    if (current := _BUDGET.get()) is not None:
        current.left -= time.perf_counter() - started


@contextlib.contextmanager
def budget(seconds: float = RULE_BUDGET) -> Iterator[None]:
    """Within it, the patterns with a rule's text may take `seconds` in all; past that, the next of them raises
    PatternTooSlow (of the whole article's reading, not of one match)."""
    token = _BUDGET.set(_Budget(seconds))
    try:
        yield
    finally:
        _BUDGET.reset(token)


class PatternTooSlow(TimeoutError):
    """One match of a pattern ran past the time limit (catastrophic backtracking)."""

    def __init__(self, pattern: str, rule_text: bool = False, in_all: bool = False):
        shown = pattern if len(pattern) <= 3 * _QUOTED else f"{pattern[:_QUOTED]}…{pattern[-_QUOTED:]}"
        how_long = f"the rules' patterns took longer than {RULE_BUDGET:g} s in all on this article" if in_all else \
            f"a pattern took longer than {TIME_LIMIT:g} s on one match"
        super().__init__(f"{how_long} (catastrophic backtracking?): {shown}")
        self.pattern = pattern
        self.rule_text = rule_text  # a pattern with a rule's text in it: the rules' fault, not factcheck's
        self.in_all = in_all

    def __reduce__(self) -> tuple[type, tuple[str, bool, bool]]:  # raised in a worker process, re-raised here
        return type(self), (self.pattern, self.rule_text, self.in_all)


class Pattern:
    """A compiled `regex` pattern with the methods the readers use, each match under the time limit."""

    __slots__ = ("compiled", "always_timed")

    def __init__(self, compiled: regex.Pattern[str], always_timed: bool = False):
        self.compiled = compiled
        self.always_timed = always_timed

    @property
    def pattern(self) -> str:
        return self.compiled.pattern

    def _timed(self, string: str, pos: int, endpos: int | None) -> bool:
        return self.always_timed or (len(string) if endpos is None else endpos) - pos > UNTIMED

    def match(self, string: str, pos: int = 0, endpos: int | None = None) -> regex.Match[str] | None:
        if self.always_timed:
            return self._ruled(self.compiled.match, string, pos, endpos)
        try:
            return self.compiled.match(string, pos, endpos, timeout=TIME_LIMIT if self._timed(string, pos, endpos)
                                       else None)
        except TimeoutError as error:
            raise PatternTooSlow(self.pattern) from error

    def search(self, string: str, pos: int = 0, endpos: int | None = None) -> regex.Match[str] | None:
        if self.always_timed:
            return self._ruled(self.compiled.search, string, pos, endpos)
        try:
            return self.compiled.search(string, pos, endpos, timeout=TIME_LIMIT if self._timed(string, pos, endpos)
                                        else None)
        except TimeoutError as error:
            raise PatternTooSlow(self.pattern) from error

    def fullmatch(self, string: str, pos: int = 0, endpos: int | None = None) -> regex.Match[str] | None:
        if self.always_timed:
            return self._ruled(self.compiled.fullmatch, string, pos, endpos)
        try:
            return self.compiled.fullmatch(string, pos, endpos, timeout=TIME_LIMIT if self._timed(string, pos, endpos)
                                           else None)
        except TimeoutError as error:
            raise PatternTooSlow(self.pattern) from error

    def _ruled(self, call: Callable[..., regex.Match[str] | None], string: str, pos: int,
               endpos: int | None) -> regex.Match[str] | None:
        """A call of a pattern with a rule's text: under the time limit of one match and what is left of the
        article's budget."""
        left = _left()
        if left is not None and left <= 0:
            raise PatternTooSlow(self.pattern, rule_text=True, in_all=True)
        started = time.perf_counter()
        try:
            return call(string, pos, endpos, timeout=TIME_LIMIT if left is None else min(TIME_LIMIT, left))
        except TimeoutError as error:
            raise PatternTooSlow(self.pattern, rule_text=True,
                                 in_all=left is not None and left < TIME_LIMIT) from error
        finally:
            _spend(started)

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
            left = _left() if self.always_timed else None
            if left is not None and left <= 0:
                raise PatternTooSlow(self.pattern, rule_text=True, in_all=True)
            try:
                scan = self.compiled.finditer(string, at, end,
                                              timeout=TIME_LIMIT if left is None else min(TIME_LIMIT, left))
                if after_empty:  # the first match from there is the empty one already given
                    next(scan)
                for found in scan if left is None else self._spending(scan):
                    found_any = True
                    yield found
                    at, after_empty = found.end(), found.end() == found.start()
                return
            except TimeoutError as error:
                if not found_any or (left is not None and (now := _left()) is not None and now <= 0):
                    raise PatternTooSlow(self.pattern, self.always_timed,
                                         in_all=left is not None and left < TIME_LIMIT) from error

    @staticmethod
    def _spending(scan: Iterator[regex.Match[str]]) -> Iterator[regex.Match[str]]:
        """The matches of a scan, the time each took spent from the article's budget."""
        while True:
            started = time.perf_counter()
            try:
                found = next(scan, None)
            finally:
                _spend(started)
            if found is None:
                return
            yield found

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
