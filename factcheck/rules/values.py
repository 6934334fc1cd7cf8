"""Checking a rule key's value against what its kind declares of it (`claims.KeySpec`): its type, its items, the
entities it names, its choices; and rule values made immutable.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Mapping
from typing import Any

import regex

from factcheck.claims import KeySpec
from factcheck.readers import events


def did_you_mean(word: str, options: Any, cutoff: float = 0.6) -> str:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=cutoff)
    return f" (did you mean '{close[0]}'?)" if close else ""


_TYPES: dict[str, tuple[type | tuple[type, ...], str]] = {
    "string": (str, "a string"), "entity": (str, "an entity id"), "event": (str, "an event kind"),
    "date": (str, "a date YYYY-MM-DD"), "bool": (bool, "true or false"), "number": ((int, float), "a number"),
    "strings": (list, "a list of strings"), "entities": (list, "a list of entity ids"),
    "patterns": (list, "a list of regular expressions"),
}


def type_error(value: Any, spec: KeySpec, entities: Mapping[str, Any]) -> str | None:
    """What is wrong with a key's value, or None."""
    python_type, description = _TYPES[spec.type]
    listed = spec.type in ("strings", "entities", "patterns")
    if spec.type == "date" and isinstance(value, dt.datetime):
        return "must be a date YYYY-MM-DD, not a date and time"
    if spec.type == "date" and isinstance(value, dt.date):
        return None  # a TOML date (since = 2019-03-01) is as good as the string
    well_typed = isinstance(value, python_type)  # kept in a flag: `value` stays Any for what follows
    if not well_typed or (listed and not all(isinstance(v, str) for v in value)):
        return f"must be {description}, not {type(value).__name__}"
    texts = [str(v) for v in value] if listed else [str(value)] if isinstance(value, str) else []
    if any(not text.strip() for text in texts):
        return "must not be empty (an empty name or pattern would match everywhere)"
    if listed and spec.required and not texts:
        return "must list at least one item"
    references = [str(value)] if spec.type == "entity" else [str(v) for v in value] if spec.type == "entities" else []
    missing = [name for name in references if name not in entities]
    if missing:
        return f"no entity '{missing[0]}' is defined{did_you_mean(missing[0], entities)}"
    other = [name for name in references if spec.entity_kind and entities[name].kind != spec.entity_kind]
    if other:
        return f"'{other[0]}' is a {entities[other[0]].kind}, not a {spec.entity_kind}"
    items = list(value) if listed else [value]
    wrong = next((problem for item in items if spec.check is not None and (problem := spec.check(item))), None)
    if wrong:
        return wrong
    text = str(value)
    if spec.choices and text not in spec.choices:
        return f"unknown value '{text}'{did_you_mean(text, spec.choices, 0.75)}; known: {', '.join(spec.choices)}"
    if spec.type == "event" and text not in events.event_names():
        return f"unknown event kind '{text}'{did_you_mean(text, events.event_names(), 0.75)}; " \
               f"known: {', '.join(events.event_names())}"
    if spec.type == "date":
        try:
            dt.date.fromisoformat(text)
        except ValueError:
            return f"'{text}' is not a date YYYY-MM-DD"
    return None


def frozen(value: Any) -> Any:
    """Rule values as immutable data: lists become tuples, TOML dates ISO strings."""
    if isinstance(value, list):
        return tuple(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def invalid_patterns(values: list[str]) -> list[tuple[str, str, int]]:
    """Each invalid regular expression: the pattern, the message, and where in it the regex module found the fault."""
    invalid = []
    for value in values:
        try:
            regex.compile(value)
        except regex.error as error:
            # The regex module's errors carry the message and the fault's position (its stubs do not say so).
            position = getattr(error, "pos", None) or 0
            message = getattr(error, "msg", str(error))
            invalid.append((value, f"invalid regular expression {value!r}: {message} at position {position}",
                            position))
    return invalid
