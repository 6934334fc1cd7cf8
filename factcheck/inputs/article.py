"""Articles: reading files into immutable records with a publication date and a line index.

Two header styles are read, because that is what newsrooms hand us:

* the seed style, a first line `` date YYYY-MM-DD`` that may carry the first paragraph after the date;
* front matter, ``---`` lines around ``key: value`` pairs (``date``, ``title``, ``source``, ``url``).

Offsets everywhere are character offsets into the file's content as read (after decoding), so that a line and
column can be given for any span and ``article.text[start:end]`` is always the quoted text.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import heapq
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import regex

from factcheck.inputs.files import loads_toml, read_regular
from factcheck.inputs.ids import ArticleIds

ARTICLE_SUFFIXES = (".txt", ".md")
DEFAULT_MAX_SIZE = 20 * 1024 * 1024
# Publication dates outside these years are typing errors; they would also push date arithmetic off the calendar.
PLAUSIBLE_YEARS = (1800, 2200)

_SEED_HEADER = regex.compile(r"\A\ufeff?[ \t]*date[ \t]+(?P<date>\S+)[ \t]*")
_FRONT_MATTER = regex.compile(r"\A\ufeff?---[ \t]*(?:\r\n|\r|\n)(?P<body>.*?)(?:\r\n|\r|\n)---[ \t]*(?:\r\n|\r|\n|\Z)",
                              regex.S)
# Hugo's other front matter: TOML between +++ lines (`date = 2024-03-14`, `title = "..."`).
_TOML_FRONT_MATTER = regex.compile(r"\A\ufeff?\+\+\+[ \t]*(?:\r\n|\r|\n)(?P<body>.*?)(?:\r\n|\r|\n)\+\+\+[ \t]*"
                                   r"(?:\r\n|\r|\n|\Z)", regex.S)
_FRONT_MATTER_LINE = regex.compile(r"^[ \t]*(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]*(?P<value>.*?)[ \t]*$", regex.M)
_ISO_DATE = regex.compile(r"\A(\d{4})-(\d{2})-(\d{2})\Z")
_LINE_BREAK = regex.compile(r"\r\n|\r|\n")


class ArticleError(Exception):
    """An input that cannot be read as an article; the message is the reason shown to the user."""


class MissingDate(ArticleError):
    """An article with no publication date and no default for it."""


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    path: str
    published: dt.date
    text: str
    body_start: int
    title: str | None = None
    source: str | None = None
    url: str | None = None
    warnings: tuple[str, ...] = ()
    line_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)
    date_assumed: bool = False  # no date of its own: `published` is the --published default

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of a character offset."""
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """What a report keeps of a checked article once its statements are read: not its text, so that a large corpus
    is held as statements only."""

    id: str
    path: str
    published: dt.date
    body_start: int = 0
    # Of the text after the header: two files that tell the same text under different dates are one report
    # filed again (a wire service's repeat), read as of its first date (gather.py).
    body_digest: str = ""
    # Why the rules read nothing in it, where it tells none of their stories ("names none of ..."); "" otherwise.
    outside: str = ""
    # From its front matter, for the reports to name the outlet and link the story; "" where it has none.
    title: str = ""
    source: str = ""
    url: str = ""

    @classmethod
    def of(cls, article: Article, outside: str = "") -> ArticleInfo:
        # An assumed date says nothing of when a text was first filed: such a copy is never the first one.
        return cls(article.id, article.path, article.published, article.body_start,
                   "" if article.date_assumed else body_digest(article), outside, article.title or "",
                   article.source or "", article.url or "")


def body_digest(article: Article) -> str:
    """A digest of the article's text after its header, blind to how its lines are wrapped and spaced."""
    words = " ".join(article.text[article.body_start:].split())
    return hashlib.blake2b(words.encode("utf-8"), digest_size=8).hexdigest()


@dataclass(frozen=True, slots=True)
class Skipped:
    path: str
    reason: str


def line_starts(text: str) -> tuple[int, ...]:
    """Offsets where lines begin; CRLF, CR and LF all end a line."""
    return (0, *(match.end() for match in _LINE_BREAK.finditer(text)))


def parse_iso_date(value: str) -> dt.date:
    """A strict YYYY-MM-DD date; the error message says what is wrong with it."""
    match = _ISO_DATE.match(value.strip().strip("\"'"))
    if not match:
        raise ArticleError(f"date {value!r} is not in the form YYYY-MM-DD")
    try:
        date = dt.date(*(int(group) for group in match.groups()))
    except ValueError as error:
        raise ArticleError(f"date {value!r} does not exist ({error})") from None
    if not PLAUSIBLE_YEARS[0] <= date.year <= PLAUSIBLE_YEARS[1]:
        raise ArticleError(f"date {value!r} is outside the years {PLAUSIBLE_YEARS[0]}-{PLAUSIBLE_YEARS[1]} "
                           "a news article can have")
    return date


def decode(data: bytes, name: str) -> tuple[str, tuple[str, ...]]:
    """Text of a file: UTF-8 (with or without BOM), else Windows-1252 with a warning saying so. A UTF-8 file with a
    stray byte or two (a file cut and pasted together) is still UTF-8: read with U+FFFD for each, and a warning
    naming the line; read as Windows-1252 it would be all wrong (`’` as `â€™`). Windows-1252 is a file whose bytes
    above 127 are mostly not UTF-8 (below), while Windows-1252's accented letters are almost never valid UTF-8."""
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[2:].decode(codec), (f"{name}: read as {codec.upper()} (byte-order mark)",)
            except UnicodeDecodeError:
                raise ArticleError(f"starts with a {codec.upper()} byte-order mark but is not valid "
                                   f"{codec.upper()}") from None
    if b"\x00" in data:
        raise ArticleError("binary file (contains NUL bytes), not an article")
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError as error:
        first = error.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)  # utf-8-sig counts after its BOM
    text = data.decode("utf-8-sig", errors="replace")
    stray = text.count("\ufffd") - data.count("\ufffd".encode())
    # Evidence of UTF-8: its characters above 127, three for each that Windows-1252 text all but never makes (of
    # three bytes or more: ’, “, —; or a Latin-1 letter, é, whose bytes would be "Ã©"); one for each other of two
    # bytes, which it may make by chance (a capital or ß before a quotation mark: "groß“" reads as U+07D3), so
    # there must be more than twice as much evidence as stray bytes.
    valid = sum(1 if "\u00ff" < character < "\u0800" else 3 for character in text if "\x7f" < character != "\ufffd")
    if valid > 2 * stray:
        line = len(line_starts(data[:first].decode("utf-8", errors="replace")))
        return text, (f"{name}: line {line}: not valid UTF-8 in {stray} place(s) (the first a byte "
                      f"0x{data[first]:02X}), each read as U+FFFD; the rest is UTF-8",)
    return data.decode("cp1252", errors="replace"), (f"{name}: not valid UTF-8 (byte {first}); read as Windows-1252",)


def _toml_front_matter(body: str) -> dict[str, str]:
    """The keys of TOML front matter as text, as the `---` kind gives them (a TOML date is written YYYY-MM-DD...);
    front matter that is not valid TOML is an ArticleError that says so, never an article read without its date."""
    try:
        table = loads_toml(body)
    except tomllib.TOMLDecodeError as error:
        raise ArticleError(f"front matter between +++ lines is not valid TOML ({error})") from None
    return {str(key).lower(): value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else str(value)
            for key, value in table.items() if isinstance(value, (str, int, float, dt.date, dt.datetime))}


def parse_article(text: str, path: str, *, default_published: dt.date | None = None,
                  override_published: dt.date | None = None, warnings: tuple[str, ...] = (),
                  article_id: str | None = None) -> Article:
    """An Article from decoded text; raises ArticleError when there is no usable publication date or no text.
    Its id is `article_id`, else the file's name without its suffix (see ids.py)."""
    if not text.strip():
        raise ArticleError("empty file")
    article_id = article_id or Path(path).stem
    metadata: dict[str, str] = {}
    body_start = 0
    published: dt.date | None = None
    assumed = False
    if (front := _FRONT_MATTER.match(text)) is not None:
        metadata = {m["key"].lower(): m["value"].strip().strip("\"'")
                    for m in _FRONT_MATTER_LINE.finditer(front["body"])}
        body_start = front.end()
    elif (front := _TOML_FRONT_MATTER.match(text)) is not None:
        metadata = _toml_front_matter(front["body"])
        body_start = front.end()
    elif (seed := _SEED_HEADER.match(text)) is not None:
        published = parse_iso_date(seed["date"])
        body_start = seed.end()
    if "date" in metadata:
        published = parse_iso_date(metadata["date"][:10] if len(metadata["date"]) > 10 else metadata["date"])
    if override_published is not None:
        published = override_published
    if published is None:
        if default_published is None:
            raise MissingDate("no publication date (a first line ' date YYYY-MM-DD' or front matter 'date:' or "
                              "'date ='); give one with --published")
        published, assumed = default_published, True
    if not text[body_start:].strip():
        raise ArticleError("no text after the header")
    return Article(
        id=article_id, path=path, published=published, text=text, body_start=body_start,
        title=metadata.get("title") or None, source=metadata.get("source") or None, url=metadata.get("url") or None,
        warnings=warnings, line_starts=line_starts(text), date_assumed=assumed,
    )


def read_bytes(path: Path, max_size: int = DEFAULT_MAX_SIZE) -> bytes:
    """The bytes of one file; every way it can fail becomes an ArticleError with a reason a user understands."""
    try:
        return read_regular(path, max_size)
    except OSError as error:
        raise ArticleError(str(error)) from None


def article_from_bytes(data: bytes, path: str, *, default_published: dt.date | None = None,
                       override_published: dt.date | None = None, article_id: str | None = None) -> Article:
    text, warnings = decode(data, path)
    return parse_article(text, path, default_published=default_published,
                         override_published=override_published, warnings=warnings, article_id=article_id)


def read_article(path: Path, *, default_published: dt.date | None = None,
                 override_published: dt.date | None = None, max_size: int = DEFAULT_MAX_SIZE,
                 article_id: str | None = None) -> Article:
    return article_from_bytes(read_bytes(path, max_size), str(path), default_published=default_published,
                              override_published=override_published, article_id=article_id)


def discover(inputs: list[Path]) -> tuple[list[Path], list[Skipped]]:
    """Article files named by the inputs (files, or folders searched recursively), sorted; others listed as skipped."""
    files: list[Path] = []
    skipped: list[Skipped] = []
    for item in inputs:
        if item.is_dir():
            found, left = search(item)
            files += found
            skipped += left
        else:
            files.append(item)
    return files, skipped


def search(root: Path, suffixes: tuple[str, ...] = ARTICLE_SUFFIXES) -> tuple[list[Path], list[Skipped]]:
    """The files of a folder and its subfolders with one of these suffixes (articles, or rule files), sorted, and every
    other entry listed as skipped with the reason, so that nothing in it goes unsaid. Symbolic links are followed
    once the folder's own tree is searched: a link to a file or folder found there already is listed as such (each
    file is read once, under its own name), and one that leads back to a folder that holds it is a loop, listed too,
    never followed."""
    files: list[Path] = []
    skipped: list[Skipped] = []
    searched: dict[str, Path] = {}  # real path of each folder searched: where it was searched as
    links: list[Path] = []
    pending = [root]
    read: dict[str, Path] = {}  # real path of each file found, once there are links to tell apart (else none)
    known = 0  # of the files, those in `read`
    while pending or links:
        if not pending:
            link = heapq.heappop(links)  # in the order of their paths, whatever order the folders were searched in
            read.update((os.path.realpath(f), f) for f in files[known:])
            known = len(files)
            if (why := _why_not_followed(link, searched, read, suffixes)) is not None:
                skipped.append(Skipped(str(link), why))
            elif link.is_dir():
                pending.append(link)
            else:
                files.append(link)
            continue
        folder = pending.pop()
        if (real := os.path.realpath(folder)) in searched:  # inside a linked folder, one searched through another
            continue
        searched[real] = folder
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as error:
            skipped.append(Skipped(str(folder), f"folder cannot be read: {error.strerror or error}"))
            continue
        for entry in entries:
            path = folder / entry.name
            hidden = any(part.startswith(".") for part in path.relative_to(root).parts)
            if entry.is_dir(follow_symlinks=False):
                pending.append(path)
            elif hidden:
                skipped.append(Skipped(str(path), "hidden file, ignored"))
            elif entry.is_symlink():
                heapq.heappush(links, path)
            elif path.suffix.lower() not in suffixes:
                skipped.append(Skipped(str(path), _not_of(suffixes)))
            else:  # a pipe or device among them is listed as skipped when it is read (read_bytes)
                files.append(path)
    return sorted(files), skipped


def _not_of(suffixes: tuple[str, ...]) -> str:
    return f"not an article file ({', '.join(suffixes)})" if suffixes == ARTICLE_SUFFIXES else \
        f"not a {' or '.join(suffixes)} file"


def _why_not_followed(link: Path, searched: dict[str, Path], read: dict[str, Path],
                      suffixes: tuple[str, ...]) -> str | None:
    """Why a symbolic link found in a corpus folder is not followed; None when it leads somewhere new."""
    target = os.path.realpath(link)
    if os.path.isdir(target):
        if target in searched:
            return f"symbolic link to the folder {searched[target]}, searched already"
        if (holder := next((f for f in _this_and_above(target) if f in searched), None)) is not None:
            return f"symbolic link to a folder inside {searched[holder]}, searched already"
        if target in _this_and_above(os.path.realpath(link.parent)):
            return "symbolic link loop: it leads to a folder that holds it"
        return None
    if link.suffix.lower() not in suffixes:
        return _not_of(suffixes)
    # A link that leads nowhere or to a pipe is listed with the reason when it is read (read_bytes).
    if target in read:
        return f"symbolic link to {read[target]}, read under that name"
    return None


def _this_and_above(path: str) -> list[str]:
    """A real path and every folder above it."""
    above = [path]
    while (parent := os.path.dirname(above[-1])) != above[-1]:
        above.append(parent)
    return above


def load_corpus(inputs: list[Path], *, default_published: dt.date | None = None,
                override_published: dt.date | None = None,
                max_size: int = DEFAULT_MAX_SIZE) -> tuple[list[Article], list[Skipped]]:
    """Every article the inputs name, and every input that could not be used with the reason; nothing is lost."""
    files, skipped = discover(inputs)
    ids = ArticleIds.of(inputs)
    articles: list[Article] = []
    seen: dict[str, str] = {}
    read_paths: set[str] = set()
    for path in files:
        if os.path.realpath(path) in read_paths:  # named twice (a folder and a file in it): one article
            continue
        read_paths.add(os.path.realpath(path))
        try:
            article = read_article(path, default_published=default_published,
                                   override_published=override_published, max_size=max_size,
                                   article_id=ids.id_of(str(path)))
        except ArticleError as error:
            skipped.append(Skipped(str(path), str(error)))
            continue
        if article.id in seen:
            skipped.append(Skipped(str(path), f"duplicate article id {article.id!r} "
                                              f"(already read from {seen[article.id]})"))
            continue
        seen[article.id] = article.path
        articles.append(article)
    return sorted(articles, key=lambda a: a.id), sorted(skipped, key=lambda s: s.path)


def unique_paths(files: list[Path]) -> list[str]:
    """Files named twice (a folder and a file in it) are one article. (Resolved by os.path.realpath, which leaves
    a symbolic link loop as it is where Path.resolve raises; the loop is listed as skipped when it is read.)"""
    seen: set[str] = set()
    unique: list[str] = []
    for path in files:
        if (resolved := os.path.realpath(path)) not in seen:
            seen.add(resolved)
            unique.append(str(path))
    return unique
