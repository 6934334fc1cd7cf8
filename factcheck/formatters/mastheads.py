"""What the articles' front matter says of them (title, outlet, link), as every format names a source: an editor
knows "Daily Courier", not `004_5411c03a7f8b04e4`, and wants the story one click away."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import regex

from factcheck.findings import Report
from factcheck.inputs.article import ArticleInfo

# A link a report may make clickable: http or https, and nothing that could close the markup around it or start a
# line of its own in a log. Anything else is shown as text, never linked.
_SAFE_URL = regex.compile(r"\Ahttps?://[^\s\"'<>`\\\p{Cc}]+\Z", regex.I)


@dataclass(frozen=True, slots=True)
class Sources:
    """What a report shows of its articles: the front matter of those that have one, and each id's short form
    where it is shorter (see ids.short_names)."""

    records: Mapping[str, ArticleInfo]
    short: Mapping[str, str]

    def get(self, article_id: str) -> ArticleInfo | None:
        return self.records.get(article_id)


def front_matter(report: Report) -> Sources:
    """The report's articles whose front matter gives a title, an outlet or a link, by id, and its short ids."""
    return Sources({a.id: a for a in report.articles if a.title or a.source or a.url}, report.short_ids)


def named(article_id: str, known: Sources) -> str:
    """`id (Outlet)` where the front matter names the outlet, else the id; the id short where that is
    unambiguous."""
    shown = known.short.get(article_id, article_id)
    info = known.get(article_id)
    return f"{shown} ({info.source})" if info is not None and info.source else shown


def link(url: str) -> str | None:
    """The url if a report may link it, else None."""
    return url if url and _SAFE_URL.match(url) else None


def story(info: ArticleInfo | None) -> str:
    """'“Title”, Outlet, url' of what the front matter gives; "" where it gives nothing."""
    if info is None:
        return ""
    parts = [f"“{info.title}”" if info.title else "", info.source, info.url]
    return ", ".join(p for p in parts if p)
