"""Statements (what one article says about one claim, with its evidence) and findings (what the articles say
together). Formatters only read these records; every value, status and explanation is decided before them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal

from factcheck.inputs.article import Article, ArticleInfo, Skipped
from factcheck.readers.text import Sentence

Status = Literal["conflict", "warning", "consistent"]
# A value as reports write it: a string ("2023-03-14", ">1340", "Castelano") or, for sequences, names in order.
Value = str | tuple[str, ...]
STATUS_ORDER: dict[str, int] = {"conflict": 0, "warning": 1, "consistent": 2}


@dataclass(frozen=True, slots=True)
class Statement:
    claim: str
    article: str
    path: str
    published: dt.date
    line: int
    column: int
    start: int
    end: int
    quote: str
    quote_start: int
    text: str
    value: Value
    explanation: str
    highlights: tuple[tuple[int, int], ...] = ()
    extra: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    data: Any = None  # the kind's own value, for comparison
    end_line: int = 0
    end_column: int = 0  # exclusive, in characters
    utf16_column: int = 0  # the same positions in UTF-16 code units, as SARIF and GitHub count them
    utf16_end_column: int = 0


@dataclass(frozen=True, slots=True)
class ValueGroup:
    """One competing value and the articles behind it."""

    value: Value
    articles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Decision:
    """What an editor decided about a finding (see reviews.py)."""

    verdict: str  # confirmed, accepted, false alarm
    reviewer: str
    date: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Finding:
    claim: str
    title: str
    kind: str
    status: Status
    message: str
    statements: tuple[Statement, ...]
    values: tuple[ValueGroup, ...] = ()
    focus: str | None = None  # the new article this finding is about (check --new), its statements first
    decision: Decision | None = None  # an editor's, from the review ledger
    # One slip that makes several findings (a wrong date is a date conflict and a whereabouts conflict): the first
    # names the others (`also`), each other names the first (`grouped_under`), as "claim: title" (decide.py).
    also: tuple[str, ...] = ()
    grouped_under: str | None = None

    @property
    def reference(self) -> str:
        """How another finding names this one (with check --new, with the new article it is about)."""
        return f"{self.claim}: {self.title}" + (f" ({self.focus})" if self.focus is not None else "")

    @property
    def anchor(self) -> Statement | None:
        """The statement a CI annotation points at: the new article's, else one of the least supported value."""
        if not self.statements:
            return None
        if self.focus is not None:
            return next((s for s in self.statements if s.article == self.focus), self.statements[0])
        rarest = min(self.values, key=lambda g: (len(g.articles), str(g.value))) if self.values else None
        return next((s for s in self.statements if rarest is None or s.value == rarest.value), self.statements[0])


@dataclass(frozen=True, slots=True)
class Report:
    articles: tuple[ArticleInfo, ...]
    findings: tuple[Finding, ...]
    skipped: tuple[Skipped, ...]
    warnings: tuple[str, ...] = ()
    internal_errors: tuple[str, ...] = ()  # articles an unexpected error stopped (also in `skipped`)
    new_articles: tuple[str, ...] = ()  # with check --new: the articles whose findings are reported
    baseline_gone: tuple[str, ...] = ()  # with --baseline: recorded findings that no longer occur
    texts: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))  # by article id, when asked for
    evidence_articles: int = 0  # with check --new: the other articles that speak of the new ones' claims
    focused: bool = False  # whether only new articles' findings are reported (check --new, --changed-since)
    baseline_hidden: int = 0  # with --baseline: the findings it recorded, left out of the report
    # Each article id that is shorter said otherwise, and unambiguous so (`news/2022/a/story` is `story`): what
    # reports for people show, and findings' messages say (inputs/ids.py short_names).
    short_ids: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    rule_errors: tuple[str, ...] = ()  # articles a pattern of the rules took too long on (also in `skipped`)


def statement(claim: str, article: Article, sentence: Sentence, spans: list[tuple[int, int]], value: Value,
              explanation: str, data: Any = None, extra: Mapping[str, Any] | None = None) -> Statement:
    """A statement whose matched text runs from the first to the last of the spans that make up its evidence."""
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    line, column = article.position(start)
    end_line, end_column = article.position(end)
    line_start, end_line_start = start - column + 1, end - end_column + 1

    def utf16(text: str) -> int:
        return len(text.encode("utf-16-le")) // 2

    return Statement(
        claim=claim, article=article.id, path=article.path, published=article.published, line=line, column=column,
        start=start, end=end, quote=sentence.text, quote_start=sentence.start, text=article.text[start:end],
        value=value, explanation=explanation, highlights=tuple(sorted(set(spans))),
        extra=MappingProxyType(dict(extra or {})), data=data, end_line=end_line, end_column=end_column,
        utf16_column=utf16(article.text[line_start:start]) + 1,
        utf16_end_column=utf16(article.text[end_line_start:end]) + 1,
    )


def group_values(statements: list[Statement] | tuple[Statement, ...]) -> tuple[ValueGroup, ...]:
    """Values with the articles behind them, most sources first."""
    groups: dict[Value, set[str]] = {}
    for item in statements:
        groups.setdefault(item.value, set()).add(item.article)
    return tuple(sorted((ValueGroup(value, tuple(sorted(articles))) for value, articles in groups.items()),
                        key=lambda g: (-len(g.articles), str(g.value))))


def sort_statements(statements: list[Statement]) -> tuple[Statement, ...]:
    return tuple(sorted(statements, key=lambda s: (s.article, s.start, str(s.value))))


def sort_findings(findings: list[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted(findings, key=lambda f: (STATUS_ORDER[f.status], f.claim, f.title, f.message)))
