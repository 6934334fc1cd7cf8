"""Sentences: boundaries news needs, and offsets that always slice back to the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.readers.text import split_sentences


def test_abbreviations_dates_and_quotations_do_not_cut_a_sentence() -> None:
    text = ('The U.N. chief met Mr. Lee on Feb. 24 in St. Louis. "We will win. Soon," he said. '
            "Dr Ruiz, of No. 10, agreed.")
    assert [s.text for s in split_sentences(text)] == [
        "The U.N. chief met Mr. Lee on Feb. 24 in St. Louis.", '"We will win. Soon," he said.',
        "Dr Ruiz, of No. 10, agreed."]


def test_blank_lines_end_a_sentence_and_paragraphs_are_numbered() -> None:
    sentences = split_sentences("Headline without a stop\n\nBody one. Body two.")
    assert [(s.text, s.paragraph) for s in sentences] == [
        ("Headline without a stop", 0), ("Body one.", 1), ("Body two.", 1)]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_offsets_slice_back_to_the_text(text: str) -> None:
    for sentence in split_sentences(text):
        assert text[sentence.start:sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()
