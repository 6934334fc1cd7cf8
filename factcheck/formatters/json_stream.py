"""JSON written as it is produced: the same text as `json.dumps(value, ensure_ascii=False, indent=2)`, but an array
given as `Items` is written one item at a time, so that a report's findings never exist as one document in memory."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Iterable

from factcheck.formatters import Output


@dataclass(frozen=True, slots=True)
class Items:
    """A JSON array whose items are made and written one by one (a generator is consumed once)."""

    items: Iterable[Any]


def _streams(value: Any) -> bool:
    """Whether a value holds an `Items` anywhere, and must be written piece by piece."""
    if isinstance(value, Items):
        return True
    if isinstance(value, dict):
        return any(_streams(item) for item in value.values())
    if isinstance(value, list):
        return any(_streams(item) for item in value)
    return False


def write_json(value: Any, out: Output, level: int = 0) -> None:
    """`value` as json.dumps writes it with an indent of 2, as if it began `level` indents deep."""
    pad = "  " * level
    if isinstance(value, (Items, list)) and _streams(value):
        empty = True
        for item in value.items if isinstance(value, Items) else value:
            out.write(("[\n" if empty else ",\n") + pad + "  ")
            write_json(item, out, level + 1)
            empty = False
        out.write("[]" if empty else "\n" + pad + "]")
    elif isinstance(value, dict) and _streams(value):
        separator = "{\n"
        for key, item in value.items():
            out.write(separator + pad + "  " + json.dumps(key, ensure_ascii=False) + ": ")
            write_json(item, out, level + 1)
            separator = ",\n"
        out.write("\n" + pad + "}")
    elif isinstance(value, dict) and value and all(type(item) in _SCALARS for item in value.values()):
        # A flat record (an article of an archive's hundred thousand): written here, each scalar by the C encoder,
        # since json.dumps with an indent encodes in Python.
        out.write("{\n" + ",\n".join(f"{pad}  {_scalar(key)}: {_scalar(item)}" for key, item in value.items())
                  + "\n" + pad + "}")
    else:
        # Every line break json.dumps writes is its own (one in a string is escaped), so indenting is a replace.
        out.write(json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + pad))


_SCALARS = (str, int, float, bool, type(None))


def _scalar(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
