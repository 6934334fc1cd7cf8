"""Properties of the readers on any text: the sentence splitter's spans slice back, come in order without overlap
and cover every character that is not a space; the tagger's and the count reader's spans slice back, are not empty
and come out the same on a second reading. Bounded for CI (about 100 examples each); HYPOTHESIS_PROFILE=hostile-long
runs 2,000 (tests/conftest.py)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.readers.counts import read_counts
from factcheck.readers.temporal import tag
from factcheck.readers.text import split_sentences

# Words and marks that make the splitter, the tagger and the count reader decide: stops, abbreviations, quotes,
# paragraph breaks, headings, dates and figures, among any text.
PIECES = st.sampled_from([
    "Mr.", "Dr.", "U.N.", "e.g.", "example.com", "St.", "No.", "Jan.", "p.m.", "3.5", "1,200", "nearly", "more than",
    "April 26", "Tuesday", "last week", "two days later", "killed", "people", "said", "The", "the", "desk.The",
    ".", "!", "?", "...", "…", ",", ";", "“", "”", "\"", "'", "(", ")", "—", "-", "\n", "\n\n", "\r\n", "\r\n\r\n",
    "\n# Heading", "\n  \n", "\t", " ", "  ", "\u00a0", "\u2028", "a", "Z", "é", "42",
])
TEXT = st.one_of(st.text(max_size=400), st.lists(PIECES, max_size=60).map(" ".join),
                 st.lists(PIECES, max_size=60).map("".join))
PUBLISHED = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))


@settings(deadline=None)  # a shared machine's pauses are no failure; how many: the profile
@given(TEXT)
def test_sentences_slice_back_in_order_and_cover_every_character_but_spaces(text: str) -> None:
    sentences = split_sentences(text)
    covered = [False] * len(text)
    previous_end, previous_paragraph = 0, 0
    for sentence in sentences:
        assert text[sentence.start:sentence.end] == sentence.text
        assert sentence.text and not sentence.text[0].isspace() and not sentence.text[-1].isspace()
        assert previous_end <= sentence.start < sentence.end <= len(text)
        assert sentence.paragraph >= previous_paragraph
        previous_end, previous_paragraph = sentence.end, sentence.paragraph
        covered[sentence.start:sentence.end] = [True] * (sentence.end - sentence.start)
    assert all(covered[i] for i, character in enumerate(text) if not character.isspace())


@settings(deadline=None)  # a shared machine's pauses are no failure; how many: the profile
@given(TEXT, st.data())
def test_sentences_of_a_part_of_a_text_stay_inside_it(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for sentence in split_sentences(text, start, end):
        assert start <= sentence.start < sentence.end <= end
        assert text[sentence.start:sentence.end] == sentence.text


@settings(deadline=None)  # a shared machine's pauses are no failure; how many: the profile
@given(TEXT, PUBLISHED)
def test_the_tagger_reads_nonempty_spans_that_slice_back_the_same_each_time(text: str, published: dt.date) -> None:
    found = tag(text, published)
    for timex in found:
        assert 0 <= timex.start < timex.end <= len(text)
        assert text[timex.start:timex.end] == timex.text
    assert tag(text, published) == found


@settings(deadline=None)  # a shared machine's pauses are no failure; how many: the profile
@given(TEXT)
def test_the_count_reader_reads_nonempty_spans_that_slice_back_the_same_each_time(text: str) -> None:
    found = read_counts(text)
    for count in found:
        assert 0 <= count.start < count.end <= len(text)
        assert text[count.start:count.end] == count.text
        assert count.high is None or count.low <= count.high
    assert read_counts(text) == found
