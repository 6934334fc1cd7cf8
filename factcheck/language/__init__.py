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
