"""No text makes the readers raise, and every offset they return slices back to the text it claims."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.findings import Statement
from factcheck.inputs.article import ArticleError, parse_article
from factcheck.readers.counts import read_counts
from factcheck.readers.temporal import tag

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


_DAYS = st.one_of(st.none(), st.sampled_from([dt.date(2022, 4, d) for d in range(24, 29)]))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_DAYS, _DAYS, st.booleans(), st.integers(24, 28)), max_size=25))
def test_disagreements_are_every_pair_that_cannot_hold_in_order(rows: list) -> None:
    """Asking once per distinct (value, publication date) finds exactly the pairs that asking every pair finds."""
    from itertools import combinations

    from factcheck.decide import disagreements
    from factcheck.kinds import registry
    from factcheck.kinds.date import DateRange

    kind = registry()["date"]
    statements = [Statement("c", f"a{n}", "p", dt.date(2022, 4, day), 1, 1, n, n + 1, "q", 0, "t", "v", "e",
                            data=DateRange(low if low is None or high is None else min(low, high),
                                           high if low is None or high is None else max(low, high), planned))
                  for n, (low, high, planned, day) in enumerate(rows)]
    every = [(a, b) for a, b in combinations(statements, 2) if kind.incompatible(a, b)]
    found = disagreements(statements, kind.incompatible, kind.explained)
    assert found.unexplained == [p for p in every if not kind.explained(*p)]
    assert found.explained == [p for p in every if kind.explained(*p)]
    assert (found.unexplained_left_out, found.explained_left_out) == (0, 0)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_DAYS, _DAYS, st.integers(0, 3)), max_size=30), st.integers(0, 6))
def test_pairs_beyond_the_listed_are_counted_and_every_disagreeing_value_stays_named(rows: list,
                                                                                    listed: int) -> None:
    """Where a claim has more disagreeing pairs than a finding lists, the first ones are listed, the others counted,
    and still every two values that disagree and every article that contradicts itself have a pair listed."""
    from factcheck.decide import disagreements
    from factcheck.kinds import registry
    from factcheck.kinds.date import DateRange

    kind = registry()["date"]
    statements = [Statement("c", f"a{article}", "p", dt.date(2022, 4, 28), 1, 1, n, n + 1, "q", 0, "t", "v", "e",
                            data=DateRange(low if low is None or high is None else min(low, high),
                                           high if low is None or high is None else max(low, high), False))
                  for n, (low, high, article) in enumerate(rows)]
    every = [(a.start, b.start) for a, b in disagreements(statements, kind.incompatible).unexplained]
    capped = disagreements(statements, kind.incompatible, listed=listed)
    shown = [(a.start, b.start) for a, b in capped.unexplained]  # a statement's start is its number here
    assert every[:listed] == shown[:listed]
    assert set(shown) <= set(every) and shown == sorted(shown)
    assert len(shown) + capped.unexplained_left_out == len(every)
    data = [s.data for s in statements]
    assert {(data[a], data[b]) for a, b in shown} == {(data[a], data[b]) for a, b in every}
    assert {(a, b) for a, b in every if rows[a][2] == rows[b][2]} <= set(shown)


def test_a_message_names_every_source_whatever_pairs_are_listed() -> None:
    """Five plans of one day against a later report: the warning names all five plans, with every pair listed or
    only the first few."""
    from factcheck.decide import disagreements
    from factcheck.kinds import Case, registry
    from factcheck.kinds.date import DateRange

    kind = registry()["date"]
    plans = [Statement("c", f"plan{n}", "p", dt.date(2022, 4, 20), 1, 1, n, n + 1, "q", 0, "t", "2022-04-25", "e",
                       data=DateRange(dt.date(2022, 4, 25), dt.date(2022, 4, 25), True)) for n in range(5)]
    report = Statement("c", "report", "p", dt.date(2022, 4, 27), 1, 1, 9, 10, "q", 0, "t", "2022-04-24", "e",
                       data=DateRange(dt.date(2022, 4, 24), dt.date(2022, 4, 24), False))
    messages = set()
    for listed in (10_000, 2):
        found = disagreements([*plans, report], kind.incompatible, kind.explained, listed=listed)
        messages.add(kind.describe(Case(None, (*plans, report), "warning", tuple(found.unexplained),  # type: ignore[arg-type]
                                        tuple(found.explained), True)))
    (message,) = messages
    assert "plans published earlier (plan0, plan1, plan2, plan3, plan4)" in message
