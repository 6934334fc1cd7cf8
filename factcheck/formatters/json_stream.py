"""JSON written as it is produced: the same text as `json.dumps(value, ensure_ascii=False, indent=2)`, but an array
given as `Items` is written one item at a time, so that a report's findings never exist as one document in memory."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from json.encoder import encode_basestring  # json.dumps's own string writer, in C
from typing import Any

from factcheck.formatters import Output


@dataclass(frozen=True, slots=True)
class Items:
    """A JSON array whose items are made and written one by one (a generator is consumed once)."""

    items: Iterable[Any]


@dataclass(frozen=True, slots=True)
class Records:
    """A JSON array of flat records, each a row of scalars under the same keys (at least one), written by a tight
    loop: the articles of an archive of a hundred thousand."""

    keys: tuple[str, ...]
    rows: Iterable[tuple[Any, ...]]


def _streams(value: Any) -> bool:
    """Whether a value holds an `Items` anywhere, and must be written piece by piece."""
    if isinstance(value, (Items, Records)):
        return True
    if isinstance(value, dict):
        return any(_streams(item) for item in value.values())
    if isinstance(value, list):
        return any(_streams(item) for item in value)
    return False


def write_json(value: Any, out: Output, level: int = 0) -> None:
    """`value` as json.dumps writes it with an indent of 2, as if it began `level` indents deep."""
    pad = "  " * level
    if (type(value) is dict and value and all(type(key) is str for key in value)
            and all(type(item) in _SCALARS for item in value.values())):
        # A flat record (an article of an archive's hundred thousand): written here, since json.dumps with an
        # indent encodes in Python.
        out.write("{\n" + ",\n".join(f"{pad}  {_scalar(key)}: {_scalar(item)}" for key, item in value.items())
                  + "\n" + pad + "}")
    elif isinstance(value, Records):
        _write_records(value, out, pad)
    elif isinstance(value, (Items, list)) and _streams(value):
        empty = True
        for item in value.items if isinstance(value, Items) else value:
            out.write(("[\n" if empty else ",\n") + pad + "  ")
            write_json(item, out, level + 1)
            empty = False
        out.write("[]" if empty else "\n" + pad + "]")
    elif isinstance(value, dict) and _streams(value):
        separator = "{\n"
        for key, item in value.items():
            out.write(separator + pad + "  " + _scalar(key) + ": ")
            write_json(item, out, level + 1)
            separator = ",\n"
        out.write("\n" + pad + "}")
    else:
        # Every line break json.dumps writes is its own (one in a string is escaped), so indenting is a replace.
        out.write(json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + pad))


_SCALARS = (str, int, float, bool, type(None))
_CONSTANTS = {None: "null", True: "true", False: "false"}


def _scalar(value: Any) -> str:
    """A string, number, boolean or null as json.dumps(ensure_ascii=False) writes it."""
    if isinstance(value, str):
        return encode_basestring(value)
    if type(value) is int:
        return int.__repr__(value)
    if type(value) is bool or value is None:
        return _CONSTANTS[value]
    return json.dumps(value)  # a float: its repr, or NaN and Infinity as json writes them


def _write_records(records: Records, out: Output, pad: str) -> None:
    inner = pad + "    "
    names = [f"{inner}{_scalar(key)}: " for key in records.keys]
    separator = "[\n" + pad + "  {\n"
    for row in records.rows:
        fields = ",\n".join(name + _scalar(item) for name, item in zip(names, row, strict=True))
        out.write(separator + fields + "\n" + pad + "  }")
        separator = ",\n" + pad + "  {\n"
    out.write("[]" if separator.startswith("[") else "\n" + pad + "]")
