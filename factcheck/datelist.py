"""Every temporal expression of some files, as the tagger reads them: what `factcheck dates` shows.

It is the same tagger, with the same sentences, that `factcheck check` reasons with, so an editor who doubts a
finding can see each date the tool read and how it resolved it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from factcheck.article import DEFAULT_MAX_SIZE, Article, Skipped, load_corpus
from factcheck.temporal import Timex, tag
from factcheck.text import Sentence, split_sentences


@dataclass(frozen=True, slots=True)
class FileDates:
    article: Article
    sentences: tuple[Sentence, ...]
    timexes: tuple[Timex, ...]


@dataclass(frozen=True, slots=True)
class DateList:
    files: tuple[FileDates, ...]
    skipped: tuple[Skipped, ...]


def read_dates(article: Article) -> FileDates:
    """The sentences of an article's body and its temporal expressions, resolved in narrative order."""
    sentences = split_sentences(article.text, article.body_start)
    timexes = tag(article.text, article.published, article.body_start, sentences=sentences)
    return FileDates(article, tuple(sentences), tuple(timexes))


def list_dates(inputs: list[Path], *, published: dt.date | None = None,
               max_size: int = DEFAULT_MAX_SIZE) -> DateList:
    """The dates of every file the inputs name; `published` is the date of files without one, and overrides theirs."""
    articles, skipped = load_corpus(inputs, default_published=published, override_published=published,
                                    max_size=max_size)
    return DateList(tuple(read_dates(article) for article in articles), tuple(skipped))
