"""Every temporal expression of some files, as the tagger reads them: what `factcheck dates` shows.

It is the same tagger, with the same sentences, that `factcheck check` reasons with, so an editor who doubts a
finding can see each date the tool read and how it resolved it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from factcheck.inputs.article import (
    DEFAULT_MAX_SIZE,
    Article,
    ArticleError,
    MissingDate,
    Skipped,
    discover,
    read_article,
)
from factcheck.readers.temporal import NoSuchDay, Timex, tag, without_reference
from factcheck.readers.text import Sentence, split_sentences


@dataclass(frozen=True, slots=True)
class FileDates:
    article: Article
    sentences: tuple[Sentence, ...]
    timexes: tuple[Timex, ...]
    reference_known: bool = True  # False: the file has no publication date
    no_such_days: tuple[NoSuchDay, ...] = ()  # dates written out that the calendar does not have


@dataclass(frozen=True, slots=True)
class DateList:
    files: tuple[FileDates, ...]
    skipped: tuple[Skipped, ...]


def read_dates(article: Article) -> FileDates:
    """The sentences of an article's body and its temporal expressions, resolved in narrative order."""
    sentences = split_sentences(article.text, article.body_start)
    no_such_days: list[NoSuchDay] = []
    timexes = tag(article.text, article.published, article.body_start, sentences=sentences, no_such_days=no_such_days)
    return FileDates(article, tuple(sentences), tuple(timexes), no_such_days=tuple(no_such_days))


# A stand-in reference for files without a date; the values it would decide are then written as unknown (XXXX).
_NO_REFERENCE = dt.date(2000, 1, 1)


def list_dates(inputs: list[Path], *, published: dt.date | None = None,
               max_size: int = DEFAULT_MAX_SIZE) -> DateList:
    """The dates of every file the inputs name; `published` is the date of files without one, and overrides theirs.
    A file with no date at all is still read: what only a reference date could decide is written as unknown."""
    files, skipped = discover(inputs)
    found: list[FileDates] = []
    for path in files:
        try:
            found.append(read_dates(read_article(path, default_published=published, override_published=published,
                                                 max_size=max_size)))
        except MissingDate:
            undated = read_dates(read_article(path, default_published=_NO_REFERENCE, max_size=max_size))
            found.append(FileDates(undated.article, undated.sentences,
                                   tuple(without_reference(t) for t in undated.timexes), reference_known=False))
        except ArticleError as error:
            skipped.append(Skipped(str(path), str(error)))
    return DateList(tuple(sorted(found, key=lambda f: f.article.path)), tuple(sorted(skipped, key=lambda s: s.path)))
