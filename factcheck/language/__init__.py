"""Language data: vocabularies, normalisation tables and rules, kept as TOML beside this file.

The engine applies them; a new turn of phrase is new data here, not new code. Every rule that can carry examples
does, and the test suite runs them.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterable
from importlib import resources
from typing import Any

import regex


@functools.cache
def load(name: str) -> dict[str, Any]:
    """The parsed TOML resource `name` (without suffix), read once per process."""
    with resources.files(__package__).joinpath(f"{name}.toml").open("rb") as handle:
        return tomllib.load(handle)


def alternatives(words: Iterable[str], *, literal: bool = True, spaces: str | None = r"\s+") -> list[str]:
    """A vocabulary's words as the alternatives of a regular expression, longest first, so that a word wins over a
    shorter one it begins with ("a few" before "a"); words of the same length keep their order, and a repeated
    word counts once. `literal` words are escaped (a vocabulary), others are patterns of their own (an event's
    cues); a space stands for `spaces` (any whitespace, so that a line break in a wrapped text matches), or for a
    space if None."""
    forms = []
    for word in sorted(dict.fromkeys(words), key=len, reverse=True):
        form = regex.escape(word) if literal else word
        if spaces is not None:
            form = form.replace(r"\ " if literal else " ", spaces)
        forms.append(form)
    return forms


def alternation(words: Iterable[str], *, literal: bool = True, spaces: str | None = r"\s+") -> str:
    """The alternatives of `alternatives` as one pattern body, `a|b|c`."""
    return "|".join(alternatives(words, literal=literal, spaces=spaces))


@functools.cache
def calendar() -> dict[str, int]:
    """The names of months and weekdays as temporal.toml writes them (folded, full and short), with their numbers:
    a month from 1, a weekday from 0 for Monday (as `date.weekday()`). They are words of the calendar, never names
    of people or places."""
    vocabulary = load("temporal")["vocabulary"]
    return {**vocabulary["MONTH"], **vocabulary["WEEKDAY"]}


@functools.cache
def calendar_names() -> frozenset[str]:
    """The full names of months and weekdays ("march", "tuesday"), without their short forms ("mar", "sun")."""
    longest: dict[tuple[bool, int], str] = {}
    vocabulary = load("temporal")["vocabulary"]
    for table in ("MONTH", "WEEKDAY"):
        for word, number in vocabulary[table].items():
            key = (table == "MONTH", number)
            if len(word) > len(longest.get(key, "")):
                longest[key] = word
    return frozenset(longest.values())


def weekday_numbers() -> dict[str, int]:
    """The weekdays of `calendar`, by name."""
    return dict(load("temporal")["vocabulary"]["WEEKDAY"])
