"""What the articles' front matter says of them (title, outlet, link), as every format names a source: an editor
knows "Daily Courier", not `004_5411c03a7f8b04e4`, and wants the story one click away."""

from __future__ import annotations

from collections.abc import Mapping

import regex

from factcheck.findings import Report
from factcheck.inputs.article import ArticleInfo

# A link a report may make clickable: http or https, and nothing that could close the markup around it or start a
# line of its own in a log. Anything else is shown as text, never linked.
_SAFE_URL = regex.compile(r"\Ahttps?://[^\s\"'<>`\\\p{Cc}]+\Z", regex.I)


def front_matter(report: Report) -> Mapping[str, ArticleInfo]:
    """The report's articles whose front matter gives a title, an outlet or a link, by id."""
    return {a.id: a for a in report.articles if a.title or a.source or a.url}


def named(article_id: str, known: Mapping[str, ArticleInfo]) -> str:
    """`id (Outlet)` where the front matter names the outlet, else the id."""
    info = known.get(article_id)
    return f"{article_id} ({info.source})" if info is not None and info.source else article_id


def link(url: str) -> str | None:
    """The url if a report may link it, else None."""
    return url if url and _SAFE_URL.match(url) else None


def story(info: ArticleInfo | None) -> str:
    """'“Title”, Outlet, url' of what the front matter gives; "" where it gives nothing."""
    if info is None:
        return ""
    parts = [f"“{info.title}”" if info.title else "", info.source, info.url]
    return ", ".join(p for p in parts if p)
