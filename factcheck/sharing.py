"""One object for equal values across the statements of a check, so that a corpus is held as statements and each
repeated value once.

Statements arrive decoded from JSON (from worker processes, the store or a cluster) or made in this process, each
with its own copy of its claim id, article id, path, date, figures and offsets; a hundred thousand articles give a
quarter of a million statements. `Shared.statement` gives back the same statement (equal in every field, a new
record) whose values are the ones already held: its article's id, path and date, one string per claim id and value,
one mapping per distinct set of extras (one empty mapping for all the empty ones), one int per offset.

Values are shared only when they are equal and of the same type, floats when their repr is the same too, so that
no shared value ever prints differently from the one it stands for (1 and True and 1.0, 0.0 and -0.0 compare equal
in Python).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Hashable, Mapping
from types import MappingProxyType
from typing import Any

from factcheck.findings import Statement
from factcheck.inputs.article import ArticleInfo

# The extras of most statements that carry none.
EMPTY: Mapping[str, Any] = MappingProxyType({})


def _key(value: Any) -> Hashable:
    """What a value is shared by: equal keys mean values that are interchangeable everywhere."""
    kind = type(value)
    if kind is str or kind is int:  # the common cases, which cannot equal any other key
        return value
    if kind is float:
        return float, repr(value)
    if kind is tuple:
        return (tuple, *map(_key, value))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (kind, *(_key(getattr(value, f.name)) for f in dataclasses.fields(value)))
    return kind, value


class Shared:
    """The values held so far, each once; one per check (held values live as long as it)."""

    def __init__(self) -> None:
        self._values: dict[Hashable, Any] = {}
        self._extras: dict[Hashable, Mapping[str, Any]] = {}

    def value(self, value: Any) -> Any:
        """The value held equal to this one, or this one, held from now on. An unhashable value is not shared."""
        try:
            return self._values.setdefault(_key(value), value)
        except TypeError:
            return value

    def extra(self, extra: Mapping[str, Any]) -> Mapping[str, Any]:
        if not extra:
            return EMPTY
        try:
            key = tuple((name, _key(item)) for name, item in extra.items())
            held = self._extras.get(key)
        except TypeError:
            return extra
        if held is None:
            held = self._extras[key] = MappingProxyType({self.value(name): self.value(item)
                                                         for name, item in extra.items()})
        return held

    def article(self, info: ArticleInfo) -> ArticleInfo:
        return ArticleInfo(info.id, info.path, self.value(info.published), info.body_start, info.body_digest,
                           info.outside, self.value(info.title), self.value(info.source), info.url)

    def statement(self, item: Statement, article: ArticleInfo | None = None) -> Statement:
        """The same statement, made of held values; `article` is the (shared) record of the article it is from,
        whose id and path it takes (a stored statement's were given by the inputs of the run that stored it)."""
        value = self.value
        if article is None or item.published != article.published:
            article = ArticleInfo(value(item.article), value(item.path), value(item.published))
        return Statement(
            claim=value(item.claim), article=article.id, path=article.path, published=article.published,
            line=value(item.line), column=value(item.column), start=value(item.start), end=value(item.end),
            quote=item.quote, quote_start=value(item.quote_start), text=item.text, value=value(item.value),
            explanation=item.explanation,
            highlights=tuple((value(start), value(end)) for start, end in item.highlights),
            extra=self.extra(item.extra), data=value(item.data), end_line=value(item.end_line),
            end_column=value(item.end_column), utf16_column=value(item.utf16_column),
            utf16_end_column=value(item.utf16_end_column),
        )

