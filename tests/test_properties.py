"""No text makes the readers raise, and every offset they return slices back to the text it claims."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings, strategies as st

from factcheck.article import ArticleError, parse_article
from factcheck.counts import read_counts
from factcheck.temporal import tag

NEWSY = st.lists(st.sampled_from([
    "Monday", "late Wednesday", "April 26", "26 April", "Feb. 24", "2022", "last week", "two days later", "nearly",
    "2,800", "more than", "5.3 million", "hundreds of", "the day before", "ago", "on", "the", "U.N.", ".", ",", "\n\n",
    "Tuesday, April 27, 2022", "in the afternoon of", "three", "civilians", "killed", "“", "”", "\"", "—",
]), max_size=40).map(" ".join)
TEXT = st.one_of(st.text(max_size=300), NEWSY)


@settings(max_examples=150, deadline=None)
@given(TEXT, st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_tagger_never_raises_and_offsets_slice_back(text: str, published: dt.date) -> None:
    for timex in tag(text, published):
        assert text[timex.start:timex.end] == timex.text
        assert timex.type in ("DATE", "TIME", "DURATION", "SET")


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_count_reader_never_raises_and_offsets_slice_back(text: str) -> None:
    for count in read_counts(text):
        assert text[count.start:count.end] == count.text
        assert count.high is None or count.low <= count.high


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_article_parser_raises_only_article_errors(text: str) -> None:
    try:
        article = parse_article(text, "x.txt", default_published=dt.date(2022, 4, 26))
    except ArticleError:
        return
    for offset in range(0, len(text) + 1, 7):
        line, column = article.position(offset)
        assert line >= 1 and column >= 1
