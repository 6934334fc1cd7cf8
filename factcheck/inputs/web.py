"""Saved web pages into articles: the main text (trafilatura), the publication date (htmldate), and the page's
title, site and canonical URL as the front matter `article.parse_article` reads back.

trafilatura and htmldate are the `import` extra: they are imported only when a page is converted, and
`require_extra` says what to install where they are missing, so that the rest of factcheck runs without them.

A page is dated by its markup only (meta tags, ``<time>``, the byline, the URL), never by a date its story tells:
htmldate's extensive search would date a report of a Saturday crash to that Saturday, and every relative date of
the article ("on Monday", "last week") would then be resolved from the wrong day.
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import regex

from factcheck.inputs.article import (
    ARTICLE_SUFFIXES,
    DEFAULT_MAX_SIZE,
    Article,
    ArticleError,
    Skipped,
    parse_iso_date,
    read_article,
    read_bytes,
)

EXTRA_MESSAGE = "factcheck import needs the import extra: pip install -e '.[import]'"
ARTICLE_SUFFIX = ".md"
# Fewer words than this is a menu, a cookie wall or a login page that trafilatura fell back on, not a report.
MIN_WORDS = 20
SLUG_LENGTH = 80

_HTML_START = regex.compile(r"<(?:!doctype\s+html|html|head|body)[\s>/]", regex.I)
_SNIFFED = 64 * 1024  # a saved page names its <html>/<head> well before this
_NOT_SLUG = regex.compile(r"[^\w]+|_+")
# The reader strips straight quotes at either end of a value (article.py): those become typographic ones.
_END_QUOTES = (('"', "\u201c", "\u201d"), ("'", "\u2018", "\u2019"))


class MissingExtra(Exception):
    """trafilatura or htmldate cannot be imported; the message says how to install them."""


class PageError(ArticleError):
    """A page that cannot be imported; the message is the reason shown to the user."""


@dataclass(frozen=True, slots=True)
class WebArticle:
    """An article made of a page: `text` is what its file holds, front matter and body."""

    stem: str  # the file name it asks for, without suffix: a slug of its title, or of the page's file name
    title: str | None
    source: str | None
    url: str | None
    published: dt.date
    date_found: bool  # False: the page gives no date, `published` is the default the user gave
    body: str

    @property
    def text(self) -> str:
        fields = (("title", self.title), ("source", self.source), ("url", self.url))
        lines = [f"{key}: {front_matter_value(value)}" for key, value in fields if value]
        return "---\n" + "".join(line + "\n" for line in lines) + f"date: {self.published.isoformat()}\n---\n" \
            + self.body + "\n"


def require_extra() -> None:
    """Raises MissingExtra unless trafilatura and htmldate can be imported (a broken install of either included)."""
    try:
        for module in ("trafilatura", "htmldate"):
            importlib.import_module(module)
    except ImportError as error:
        raise MissingExtra(f"{EXTRA_MESSAGE} ({error})") from None


def one_line(value: str) -> str:
    """A value with every run of whitespace, line breaks included, made one space."""
    return " ".join(value.split())


def front_matter_value(value: str) -> str:
    """A value as a front matter line carries it, so that the reader gives back `value` exactly (for a value that
    is `one_line` and `typographic_ends`), and YAML front matter readers (static site generators) read it too."""
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    if "'" not in value:
        return f"'{value}'"
    return value  # both quotes in it: no YAML quoting fits it, and factcheck's reader needs none


def typographic_ends(value: str) -> str:
    """Straight quotes that open or close a value, made typographic: the reader would strip them."""
    for straight, opening, closing in _END_QUOTES:
        if value.startswith(straight):
            value = opening + value[1:]
        if value.endswith(straight):
            value = value[:-1] + closing
    return value


def metadata_value(value: object) -> str | None:
    """A title, site name or URL fit for one front matter line, or None for an empty one."""
    if not isinstance(value, str):
        return None
    return typographic_ends(one_line(value)) or None


def slug(text: str) -> str:
    """A file name stem of `text`: lower case, accents dropped, words joined by hyphens, at most SLUG_LENGTH
    characters cut at a word; "" when it has no letter or digit."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    words = [word for word in _NOT_SLUG.split(folded.casefold()) if word]
    stem = ""
    for word in words:
        longer = f"{stem}-{word}" if stem else word
        if len(longer) > SLUG_LENGTH:
            return stem or word[:SLUG_LENGTH]
        stem = longer
    return stem


def looks_like_html(text: str) -> bool:
    return _HTML_START.search(text[:_SNIFFED]) is not None


def page_markup(data: bytes) -> bytes | str:
    """What the extractors are given: the bytes (they read the page's charset), or the text of a UTF-16 page; a
    PageError for what is not an HTML page."""
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            try:
                text = data[2:].decode(codec)
            except UnicodeDecodeError:
                raise PageError(f"starts with a {codec.upper()} byte-order mark but is not valid "
                                f"{codec.upper()}") from None
            if not looks_like_html(text):
                raise PageError("not an HTML page (no <html>, <head> or <body>)")
            return text
    if not data.strip():
        raise PageError("empty file")
    if b"\x00" in data[:_SNIFFED]:
        raise PageError("binary file (contains NUL bytes), not an HTML page")
    if not looks_like_html(data[:_SNIFFED].decode("latin-1")):
        raise PageError("not an HTML page (no <html>, <head> or <body>)")
    return data


def body_paragraphs(text: str) -> str:
    """trafilatura's text, one paragraph a line, as an article's body: paragraphs separated by blank lines."""
    return "\n\n".join(line for line in (one_line(line) for line in text.splitlines()) if line)


def _extract(markup: bytes | str) -> tuple[dict[str, Any], str | None]:
    """trafilatura's main text and metadata, and htmldate's publication date, of a page."""
    import htmldate
    import trafilatura

    # Third-party parsers meet every page the web makes; whatever they raise is this page's failure, not the run's.
    try:
        document = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False)
        found = {} if document is None else document if isinstance(document, dict) else document.as_dict()
        date = htmldate.find_date(markup, original_date=True, extensive_search=False, url=found.get("url"))
    except Exception as error:
        raise PageError(f"cannot be read as HTML ({type(error).__name__}: {error})") from None
    return found, date


def source_of(sitename: str | None, url: str | None) -> str | None:
    """The site's name as the page gives it, else the host of its URL without a leading www."""
    if sitename:
        return sitename
    try:
        host = urlsplit(url).hostname if url else None
    except ValueError:  # a malformed URL ("http://[broken"): no host to name
        return None
    return host.removeprefix("www.") if host else None


def convert_page(data: bytes, name: str, *, default_published: dt.date | None = None) -> WebArticle:
    """The article of a saved page (its bytes; `name` is its file name); a PageError says why there is none.

    The page's own publication date wins over `default_published`, which dates only pages that give none."""
    found, date = _extract(page_markup(data))
    body = body_paragraphs(found.get("text") or "")
    if (words := len(body.split())) < MIN_WORDS:
        raise PageError(f"no main text found (only {words} word{'' if words == 1 else 's'} outside menus, ads and "
                        "footers)")
    if date is not None:
        published, date_found = parse_iso_date(date), True
    elif default_published is not None:
        published, date_found = default_published, False
    else:
        raise PageError("no publication date found on the page; give one with --published")
    title = metadata_value(found.get("title"))
    url = metadata_value(found.get("url"))
    stem = slug(title or "") or slug(Path(name).stem) or "page"
    return WebArticle(stem, title, source_of(metadata_value(found.get("sitename")), url), url, published,
                      date_found, body)


# Writing the articles of many pages into a corpus folder.

@dataclass(frozen=True, slots=True)
class Imported:
    page: str
    path: Path
    article: WebArticle


@dataclass(frozen=True, slots=True)
class AlreadyImported:
    page: str
    path: Path  # the corpus file that holds this page already


@dataclass(frozen=True, slots=True)
class ImportReport:
    imported: tuple[Imported, ...]
    already: tuple[AlreadyImported, ...]
    skipped: tuple[Skipped, ...]


class OutputError(Exception):
    """The corpus folder cannot be made; nothing was written."""


def same_page(existing: Article, article: WebArticle) -> bool:
    """Whether a corpus file holds this page already: the same URL, or for a page without one the same text."""
    if article.url is not None:
        return existing.url == article.url
    return existing.text == article.text


def _existing_article(path: Path) -> Article | None:
    try:
        return read_article(path)
    except ArticleError:
        return None


def _article_stems(folder: Path) -> set[str]:
    """The ids the folder's articles have (case-folded, for file systems that ignore case): a new article must
    take none, or `check` would skip one of the two as a duplicate id."""
    if not folder.is_dir():
        return set()
    return {child.stem.casefold() for child in folder.iterdir() if child.suffix.lower() in ARTICLE_SUFFIXES}


def _place(article: WebArticle, folder: Path, taken: set[str], on_disk: set[str]) -> tuple[Path, bool]:
    """The file the article goes to, and whether that file holds this page already (imported before). Another
    article's file is never it: the article takes the next free name, `-2`, `-3`..."""
    number = 1
    while True:
        stem = article.stem if number == 1 else f"{article.stem}-{number}"
        number += 1
        path = folder / f"{stem}{ARTICLE_SUFFIX}"
        if stem.casefold() in taken:
            continue
        if stem.casefold() not in on_disk:
            return path, False
        existing = _existing_article(path) if path.is_file() else None
        if existing is not None and same_page(existing, article):
            return path, True


def _write(path: Path, text: str, replace: bool) -> None:
    # "x": a file that appeared since the folder was listed is not overwritten either.
    with path.open("w" if replace else "x", encoding="utf-8", newline="") as file:
        file.write(text)


def _pages(paths: Iterable[Path]) -> list[Path]:
    """The pages in the order given, each once (a page named twice is imported once)."""
    seen: set[str] = set()
    pages: list[Path] = []
    for path in paths:
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            pages.append(path)
    return pages


def read_page(path: Path, max_size: int = DEFAULT_MAX_SIZE) -> bytes:
    if path.is_dir():
        raise PageError("is a directory; name the pages in it (e.g. DIR/*.html)")
    if path.suffix.lower() in ARTICLE_SUFFIXES:
        raise PageError(f"already an article file ({path.suffix}): put it in the corpus as it is")
    return read_bytes(path, max_size)


def import_pages(paths: Iterable[Path], folder: Path, *, default_published: dt.date | None = None,
                 force: bool = False, max_size: int = DEFAULT_MAX_SIZE) -> ImportReport:
    """Every page converted and written into `folder` (made if missing), or listed as skipped with the reason.

    Names never collide with an article of the folder nor with each other; a page imported before is left alone
    (`force`: written again over its own file)."""
    imported: list[Imported] = []
    already: list[AlreadyImported] = []
    skipped: list[Skipped] = []
    on_disk = _article_stems(folder)
    taken: set[str] = set()
    first_of: dict[str, str] = {}  # the URL (or text) of each page written in this run -> that page
    for path in _pages(paths):
        page = str(path)
        try:
            article = convert_page(read_page(path, max_size), path.name, default_published=default_published)
        except ArticleError as error:
            skipped.append(Skipped(page, str(error)))
            continue
        identity = article.url or article.text
        if identity in first_of:
            skipped.append(Skipped(page, f"the same page as {first_of[identity]}"
                                         + (f" (both are {article.url})" if article.url else " (the same text)")))
            continue
        target, replace = _place(article, folder, taken, on_disk)
        if replace and not force:
            already.append(AlreadyImported(page, target))
            continue
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise OutputError(f"cannot make the folder {folder}: {error.strerror or error}") from None
        try:
            _write(target, article.text, replace)
        except OSError as error:
            skipped.append(Skipped(page, f"cannot write {target}: {error.strerror or error}"))
            continue
        taken.add(target.stem.casefold())
        first_of[identity] = page
        imported.append(Imported(page, target, article))
    return ImportReport(tuple(imported), tuple(already), tuple(skipped))
