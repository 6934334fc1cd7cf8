"""Statements as plain JSON values: what the statement store keeps and what worker processes send back.

JSON and not pickle, because a store is a file in the user's repository: reading it must never run code from it.
Dates, tuples and a kind's value record are tagged so that they come back as the same Python values; the record
type comes from the kind (`Kind.data_type`), never from the data.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from factcheck.findings import Statement
from factcheck.kinds import kind_of

_DATE, _TUPLE, _RECORD = "date", "tuple", "record"


def _encode(value: Any) -> Any:
    if isinstance(value, dt.date):
        return {_DATE: value.isoformat()}
    if isinstance(value, tuple):
        return {_TUPLE: [_encode(item) for item in value]}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {_RECORD: {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"cannot store a {type(value).__name__} in a statement")


def _decode(value: Any, record_type: type | None = None) -> Any:
    if isinstance(value, dict):
        if _DATE in value:
            return dt.date.fromisoformat(value[_DATE])
        if _TUPLE in value:
            return tuple(_decode(item) for item in value[_TUPLE])
        if _RECORD in value:
            if record_type is None:
                raise ValueError("a stored record for a kind that takes none")
            return record_type(**{name: _decode(item) for name, item in value[_RECORD].items()})
    return value


def encode_statement(item: Statement) -> str:
    fields = {f.name: getattr(item, f.name) for f in dataclasses.fields(Statement)}
    fields["extra"] = {key: _encode(value) for key, value in item.extra.items()}
    return json.dumps({name: value if name == "extra" else _encode(value) for name, value in fields.items()},
                      ensure_ascii=False, separators=(",", ":"))


def decode_statement(text: str, kind_of_claim: Mapping[str, str]) -> Statement:
    """A statement back from its JSON; the kind of its claim says what its value record is."""
    raw = json.loads(text)
    record_type = kind_of(raw["claim"], kind_of_claim).data_type
    fields = {name: _decode(value) for name, value in raw.items() if name not in ("extra", "data")}
    fields["extra"] = MappingProxyType({key: _decode(value) for key, value in raw["extra"].items()})
    fields["data"] = _decode(raw["data"], record_type)
    return Statement(**fields)
