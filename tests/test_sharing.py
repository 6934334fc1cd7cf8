"""Statements held with their repeated values shared are the statements they were, value for value."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from types import MappingProxyType

from factcheck.extraction import extract
from factcheck.findings import Statement
from factcheck.formatters.json_report import statement_json
from factcheck.inputs.article import ArticleInfo, load_corpus
from factcheck.rules.load import load_rules
from factcheck.sharing import Shared

ROOT = Path(__file__).resolve().parent.parent


def same_values(a: object, b: object) -> bool:
    """Equal, and of the same type all the way down (1, 1.0 and True are equal in Python, and print differently)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, (tuple, list)):
        return len(a) == len(b) and all(same_values(x, y) for x, y in zip(a, b, strict=True))  # type: ignore[arg-type]
    if isinstance(a, float):
        return repr(a) == repr(b)
    return a == b


def test_shared_statements_are_equal_to_what_was_read() -> None:
    rules = load_rules(ROOT / "rules")
    shared = Shared()
    for article in load_corpus([ROOT / "corpus"])[0]:
        info = shared.article(ArticleInfo.of(article))
        for item in extract(article, rules):
            held = shared.statement(item, info)
            assert held == item and held is not item
            assert held.article is info.id and held.path is info.path
            assert statement_json(held) == statement_json(item)


def test_values_that_are_equal_but_print_differently_are_not_shared() -> None:
    shared = Shared()
    base = Statement("c", "a", "p", dt.date(2022, 4, 1), 1, 1, 0, 1, "q", 0, "t", "v", "e")
    extras = [{"low": 1}, {"low": 1.0}, {"low": True}, {"low": 0.0}, {"low": -0.0}, {"low": 1}]
    held = [shared.statement(dataclasses.replace(base, extra=MappingProxyType(extra))) for extra in extras]
    written = [json.dumps(statement_json(s)["low"]) for s in held]
    assert written == ["1", "1", "true", "0", "0", "1"]
    assert held[0].extra is held[5].extra and held[0].extra is not held[1].extra
    assert all(same_values(s.extra["low"], extra["low"]) for s, extra in zip(held, extras, strict=True))
    assert shared.statement(base).extra is shared.statement(base).extra
