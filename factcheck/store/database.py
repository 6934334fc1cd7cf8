"""The statement store: an SQLite file that keeps each article's statements, so an unchanged article is read once.

Statements are kept per article file, with the file's size, modification time and content hash, the hash of the
rules they were extracted under and the engine version: a row is reused only when all of these still hold (a file
whose time changed but not its content is not read again). Statements are indexed by claim, so that `check --new`
fetches the published statements of the claims a new article speaks of without reading the rest.

The file is the user's data: one that is not a factcheck store, is corrupt or was written by a newer factcheck is
an error with a clear message, never rebuilt over. Older stores are migrated in place. WAL journaling lets any
number of readers (CI jobs) work while one process writes. A store that cannot be written (a read-only file or
folder, a CI cache mounted read-only) is read as it is: nothing is written to it, and `read_only` says so.

Files are kept by their path relative to the folder the store was written from, normalised (`c/a.txt`, whether a
run named it `c/a.txt`, `./c/a.txt` or `$PWD/c/a.txt`): one article, one row, whatever path named it.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import os
import sqlite3
import urllib.parse
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import factcheck
from factcheck.codec import decode_statement, encode_statement
from factcheck.extraction import Extraction
from factcheck.findings import Statement
from factcheck.inputs.article import ArticleInfo

DEFAULT_STORE = Path(".factcheck") / "index.db"
# "fchk": marks the file as ours in the SQLite header, so that another program's database is never mistaken for one.
APPLICATION_ID = 0x6663686B
_SQLITE_HEADER = b"SQLite format 3\x00"

# Each step takes a store from the version before it to its own (its position, counting from 1); a store's
# `user_version` says which steps it has had.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE articles (
        path TEXT PRIMARY KEY, id TEXT NOT NULL, published TEXT NOT NULL, body_start INTEGER NOT NULL,
        warnings TEXT NOT NULL, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, sha256 TEXT NOT NULL,
        rules_hash TEXT NOT NULL, engine TEXT NOT NULL
    );
    CREATE TABLE statements (
        path TEXT NOT NULL REFERENCES articles(path) ON DELETE CASCADE, claim TEXT NOT NULL, body TEXT NOT NULL
    );
    """,
    # Version 2: indexed lookups by claim (check --new) and by article (replacing one article's statements).
    """
    CREATE INDEX statements_by_claim ON statements(claim);
    CREATE INDEX statements_by_path ON statements(path);
    """,
    # Version 3: articles by id (a new article may not take a published one's id: check --new asks for its id).
    """
    CREATE INDEX articles_by_id ON articles(id);
    """,
    # Version 4: a digest of each article's text, which tells a report filed again under a later date.
    """
    ALTER TABLE articles ADD COLUMN body_digest TEXT NOT NULL DEFAULT '';
    """,
    # Version 5: why the rules read nothing in an article that tells none of their stories, for the report.
    """
    ALTER TABLE articles ADD COLUMN outside TEXT NOT NULL DEFAULT '';
    """,
    # Version 6: the statements of a text filed again, read as of its first filing's date (gather.py), so that a
    # warm check or `check --new` does not read every repeat of an archive again; gone with the article's row.
    """
    CREATE TABLE rereadings (
        path TEXT NOT NULL REFERENCES articles(path) ON DELETE CASCADE, as_of TEXT NOT NULL, bodies TEXT NOT NULL,
        PRIMARY KEY (path, as_of)
    );
    """,
    # Version 7: the title, outlet and link of its front matter, which every report names.
    """
    ALTER TABLE articles ADD COLUMN title TEXT NOT NULL DEFAULT '';
    ALTER TABLE articles ADD COLUMN source TEXT NOT NULL DEFAULT '';
    ALTER TABLE articles ADD COLUMN url TEXT NOT NULL DEFAULT '';
    """,
    # Version 8: the folder the store's relative paths are relative to (the one it was written from), so that a
    # run from another folder is told instead of finding none of its files in it.
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
    # Version 9: files kept by normalised paths (Store.key), where they were kept as each run wrote them; the
    # paths are rewritten by _normalise_paths after this step, which has no SQL of its own.
    "",
)
_NORMALISED_PATHS = 9
SCHEMA_VERSION = len(MIGRATIONS)


class StoreError(Exception):
    """A store that cannot be used; the message says why and what to do."""


def damaged(path: Path, why: object) -> StoreError:
    """A store SQLite or factcheck cannot read: the advice keeps the file, which may hold a user's only copy of
    what it says, and builds a new one beside it."""
    return StoreError(f"{path}: the store is damaged ({why}); to rebuild it and keep the old file, rename it "
                      f"(e.g. to {path}.damaged) and run `factcheck index --db {path}` on the corpus")


# SQLite's primary result codes of a file that cannot be written: SQLITE_READONLY, SQLITE_CANTOPEN (the folder
# refuses the journal beside it) and SQLITE_PERM.
_NOT_WRITABLE = {8, 14, 3}


class _ReadOnly(StoreError):
    """A write the file refused: the store is read as it is from then on (see Store._transaction)."""


@functools.cache
def engine_version() -> str:
    """The package version and a digest of its code and language data: statements read by other code are stale."""
    digest = hashlib.sha256()
    package = Path(factcheck.__file__).parent
    for path in sorted([*package.rglob("*.py"), *package.rglob("*.toml")]):
        digest.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes())
    return f"{factcheck.__version__}+{digest.hexdigest()[:16]}"


@dataclass(frozen=True, slots=True)
class FileState:
    """What the store knows of a file when it was read, to tell whether it changed since."""

    size: int
    mtime_ns: int
    sha256: str
    rules_hash: str
    engine: str


def file_stat(path: str) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_size, status.st_mtime_ns


class Store:
    """An open store. Use as a context manager, or call close()."""

    def __init__(self, path: Path, *, create: bool = False):
        self.path = path
        self.read_only = False
        # Files read but not kept: their names are not text SQLite can hold (a byte 0xFF in a file name, which
        # Python reads as a lone surrogate). They are read again by each run.
        self.unkept: list[str] = []
        existed = path.exists()
        if not existed:
            if not create:
                raise StoreError(f"{path}: no statement store here; create one with `factcheck index`")
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise StoreError(f"{path}: cannot make the folder it goes in ({error.strerror or error}: "
                                 f"{error.filename})") from None
        elif not path.is_file():
            raise StoreError(f"{path}: not a file")
        else:
            _check_header(path)
        try:
            # One a user cannot write is read as it is (as root, every file can be written: SQLite finds out).
            writable = not existed or (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))
            self._db = sqlite3.connect(path, timeout=30, isolation_level=None) if writable else _read_only(path)
            self.read_only = not writable
            try:
                self._open()
            except sqlite3.OperationalError as error:
                if not existed or getattr(error, "sqlite_errorcode", 0) & 0xFF not in _NOT_WRITABLE:
                    raise
                self._db.close()
                self._db = _read_only(path)
                self.read_only = True
                self._open()
        except sqlite3.DatabaseError as error:
            if not existed:
                raise StoreError(f"{path}: cannot be created: {error}") from None
            raise damaged(path, error) from None
        row = self._query("SELECT value FROM meta WHERE key = 'base'").fetchone()
        # The folder its relative paths are relative to: the one it was first written from.
        self.base = row[0] if row is not None else os.getcwd()

    def _open(self) -> None:
        db = self._db
        application_id = db.execute("PRAGMA application_id").fetchone()[0]
        version = db.execute("PRAGMA user_version").fetchone()[0]
        tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if application_id != APPLICATION_ID and (application_id != 0 or tables):
            raise StoreError(f"{self.path}: an SQLite database that is not a factcheck statement store; "
                             "factcheck will not write over it (give another file with --db)")
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: written by a newer factcheck (store version {version}, this one reads "
                             f"up to {SCHEMA_VERSION}); upgrade factcheck")
        if self.read_only:
            if version < SCHEMA_VERSION:
                raise StoreError(f"{self.path}: read-only, and written by an older factcheck (store version "
                                 f"{version}): make it writable once so that it can be updated, or give another "
                                 "file with --db")
            return
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA foreign_keys=ON")
        if version < SCHEMA_VERSION:
            self._migrate(version)

    def _migrate(self, version: int) -> None:
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated it while this one waited for the lock.
            current = db.execute("PRAGMA user_version").fetchone()[0]
            for step in range(current, SCHEMA_VERSION):
                for statement in filter(str.strip, MIGRATIONS[step].split(";")):
                    db.execute(statement)
                if step + 1 == _NORMALISED_PATHS:
                    self._normalise_paths()
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def _normalise_paths(self) -> None:
        """Each file kept by its normalised path: `c/a.txt` and `/home/x/c/a.txt` (the one file, indexed by two
        runs) are one row, the normalised one where both are kept. Paths are relative to the store's folder of
        origin, and its rows' relative paths too."""
        db = self._db
        row = db.execute("SELECT value FROM meta WHERE key = 'base'").fetchone()
        self.base = row[0] if row is not None else os.getcwd()
        kept = {path for (path,) in db.execute("SELECT path FROM articles")}
        db.execute("PRAGMA defer_foreign_keys = ON")  # a file's rows are re-pathed one table after the other
        for path in sorted(kept):
            key = self.key(os.path.join(self.base, path))
            if key == path:
                continue
            if key in kept:  # the same file, kept twice: its normalised row stays
                db.execute("DELETE FROM articles WHERE path = ?", (path,))
                continue
            for table in ("statements", "rereadings", "articles"):
                db.execute(f"UPDATE {table} SET path = ? WHERE path = ?", (key, path))
            kept.add(key)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _query(self, sql: str, parameters: Iterable[object] = (), *, many: bool = False) -> sqlite3.Cursor:
        """A statement (for every row of `parameters` with many=True); a damaged file is a StoreError."""
        try:
            if many:
                return self._db.executemany(sql, parameters)  # type: ignore[arg-type]
            return self._db.execute(sql, tuple(parameters))
        except sqlite3.DatabaseError as error:
            if isinstance(error, sqlite3.OperationalError) and error.sqlite_errorcode & 0xFF in _NOT_WRITABLE:
                raise _ReadOnly(f"{self.path}: read-only ({error})") from None
            raise damaged(self.path, error) from None

    def _transaction(self, write: Callable[[], object]) -> bool:
        """Run writes in one transaction; False, and nothing written, where the store is read-only (found so now
        or before)."""
        if self.read_only:
            return False
        self._query("BEGIN IMMEDIATE")
        try:
            write()
            self._query("COMMIT")
        except _ReadOnly:
            self._db.execute("ROLLBACK")
            self.read_only = True
            return False
        except BaseException:
            self._query("ROLLBACK")
            raise
        return True

    def key(self, path: str) -> str:
        """The path a file is kept by: relative to the store's folder of origin when inside it (its folders
        resolved, so that a symbolic link on the way names the same file), else absolute; normalised."""
        folder, name = os.path.split(os.path.abspath(path))
        absolute = os.path.join(_real_folder(folder), name)
        relative = os.path.relpath(absolute, _real_folder(self.base))
        return absolute if relative == os.pardir or relative.startswith(os.pardir + os.sep) else relative

    def _statement(self, body: str, kind_of_claim: Mapping[str, str]) -> Statement:
        """A stored statement; a row that is not one (garbled by a disk or a hand) is a damaged store."""
        try:
            return decode_statement(body, kind_of_claim)
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as error:
            raise damaged(self.path, f"a statement that cannot be read: {type(error).__name__}: {error}") from None

    def _article_infos(self, rows: Iterable[tuple[str, str, str, int, str, str, str, str, str]]) -> list[ArticleInfo]:
        """Stored articles; a row that is not one (a date garbled by a disk or a hand) is a damaged store."""
        try:
            return _article_infos(rows)
        except (ValueError, TypeError) as error:
            raise damaged(self.path, f"an article that cannot be read: {type(error).__name__}: {error}") from None

    def written_elsewhere(self) -> str | None:
        """The folder this store's relative paths are relative to, where it is not the current one (a relative
        path names another file from here); None when the store can be used from here."""
        row = self._query("SELECT value FROM meta WHERE key = 'base'").fetchone()
        if row is None or row[0] == os.getcwd():
            return None
        relative = self._query("SELECT 1 FROM articles WHERE substr(path, 1, 1) != '/' LIMIT 1").fetchone()
        return row[0] if relative is not None else None

    def states(self) -> dict[str, FileState]:
        """What the store knows of every file it holds, by the path it keeps it by (`key`)."""
        rows = self._query("SELECT path, size, mtime_ns, sha256, rules_hash, engine FROM articles")
        return {path: FileState(*state) for path, *state in rows}

    def articles(self) -> list[ArticleInfo]:
        return self._article_infos(self._query(f"SELECT {_ARTICLE_COLUMNS} FROM articles ORDER BY path"))

    def articles_of_claims(self, claims: Iterable[str], rules_hash: str) -> list[ArticleInfo]:
        """The files with statements of some claims, read under these rules and this engine (the evidence that
        `statements_for_claims` gives, by file)."""
        wanted = sorted(set(claims))
        marks = ",".join("?" * len(wanted))
        return self._article_infos(self._query(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE rules_hash = ? "
            f"AND engine = ? "
            f"AND path IN (SELECT path FROM statements WHERE claim IN ({marks})) ORDER BY path",
            [rules_hash, engine_version(), *wanted])) if wanted else []

    def paths_of_ids(self, ids: Iterable[str]) -> dict[str, list[str]]:
        """The files that hold articles of these ids."""
        wanted = sorted(i for i in set(ids) if _storable(i))
        found: dict[str, list[str]] = {}
        rows = self._query(f"SELECT id, path FROM articles WHERE id IN ({','.join('?' * len(wanted))}) "
                           "ORDER BY path", wanted) if wanted else []
        for id_, path in rows:
            found.setdefault(id_, []).append(path)
        return found

    def warnings_by_path(self, keys: set[str]) -> dict[str, tuple[str, ...]]:
        rows = self._query("SELECT path, warnings FROM articles WHERE warnings != '[]'")
        try:
            return {path: tuple(json.loads(warnings)) for path, warnings in rows if path in keys}
        except (ValueError, RecursionError) as error:
            raise damaged(self.path, f"an article's warnings cannot be read: {error}") from None

    def statements_of(self, keys: set[str], kind_of_claim: Mapping[str, str]) -> Iterator[tuple[str, Statement]]:
        """The stored statements of these files, each with the path it is kept by (one pass over the table, so it
        suits many files)."""
        for path, body in self._query("SELECT path, body FROM statements ORDER BY rowid"):
            if path in keys:
                yield path, self._statement(body, kind_of_claim)

    def statements_for_claims(self, claims: Iterable[str], kind_of_claim: Mapping[str, str],
                              rules_hash: str) -> Iterator[tuple[str, Statement]]:
        """The stored statements of some claims, each with the path of its file as kept (`articles_of_claims`),
        read through the claim index; only those of files read under these rules and this engine."""
        wanted = sorted(set(claims))
        if not wanted:
            return
        marks = ",".join("?" * len(wanted))
        rows = self._query(f"SELECT s.path, s.body FROM statements s JOIN articles a ON a.path = s.path "
                           f"WHERE s.claim IN ({marks}) AND a.rules_hash = ? AND a.engine = ? ORDER BY s.rowid",
                           [*wanted, rules_hash, engine_version()])
        for path, body in rows:
            yield path, self._statement(body, kind_of_claim)

    def rereadings(self, paths: Iterable[tuple[str, dt.date]],
                   kind_of_claim: Mapping[str, str]) -> dict[tuple[str, dt.date], list[Statement]]:
        """The statements of these files as read again as of these dates (`save_rereadings`), where the store
        has them."""
        found: dict[tuple[str, dt.date], list[Statement]] = {}
        for path, as_of in sorted(set(paths)):
            if not _storable(path):
                continue
            row = self._query("SELECT bodies FROM rereadings WHERE path = ? AND as_of = ?",
                              (self.key(path), as_of.isoformat())).fetchone()
            if row is not None:
                try:
                    bodies = json.loads(row[0])
                except (ValueError, RecursionError) as error:
                    raise damaged(self.path, f"a re-reading cannot be read: {error}") from None
                found[path, as_of] = [self._statement(body, kind_of_claim) for body in bodies]
        return found

    def save_rereadings(self, readings: Iterable[tuple[str, dt.date, Iterable[Statement], str]],
                        rules_hash: str) -> None:
        """Keep what files said read again as of a date, each with the hash of the content it was read from, for
        the files the store holds with that content, these rules and this engine: a row another process saved
        meanwhile under other rules or content keeps none (and a row stands as long as its article's does)."""
        rows = [(self.key(path), as_of.isoformat(), json.dumps([encode_statement(s) for s in statements]),
                 self.key(path), sha256, rules_hash, engine_version()) for path, as_of, statements, sha256 in readings
                if _storable(path)]
        if rows:
            self._transaction(lambda: self._query(
                "INSERT OR REPLACE INTO rereadings SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM articles "
                "WHERE path = ? AND sha256 = ? AND rules_hash = ? AND engine = ?)", rows, many=True))

    def claims_spoken_of(self) -> set[str]:
        return {claim for (claim,) in self._query("SELECT DISTINCT claim FROM statements")}

    def stale(self, rules_hash: str) -> list[str]:
        """Files read under other rules or another engine."""
        rows = self._query("SELECT path FROM articles WHERE rules_hash != ? OR engine != ? ORDER BY path",
                           (rules_hash, engine_version()))
        return [path for (path,) in rows]

    def save(self, extractions: Iterable[Extraction], rules_hash: str) -> int:
        """Keep the statements of these extractions (replacing what the store had for their files), in one
        transaction; skipped files are not kept, so that they are tried again. Returns the number kept (none in a
        read-only store)."""
        kept = 0
        engine = engine_version()

        def write() -> None:
            nonlocal kept
            self._query("INSERT OR IGNORE INTO meta VALUES ('base', ?)", (os.getcwd(),))
            for item in extractions:
                if item.article is None:
                    continue
                key, bodies = self.key(item.path), [encode_statement(s) for s in item.statements]
                if not _storable(key, item.article.id, *bodies):
                    self.unkept.append(item.path)
                    continue
                stat = file_stat(item.path) or (0, 0)
                self._query("DELETE FROM articles WHERE path = ?", (key,))
                self._query("INSERT INTO articles (path, id, published, body_start, warnings, size, mtime_ns, sha256, "
                            "rules_hash, engine, body_digest, outside, title, source, url) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            (key, item.article.id, item.article.published.isoformat(), item.article.body_start,
                             json.dumps(list(item.warnings)), *stat, item.sha256, rules_hash, engine,
                             item.article.body_digest, item.article.outside, item.article.title,
                             item.article.source, item.article.url))
                self._query("INSERT INTO statements VALUES (?, ?, ?)",
                            [(key, s.claim, body) for s, body in zip(item.statements, bodies, strict=True)],
                            many=True)
                kept += 1
        return kept if self._transaction(write) else 0

    def touch(self, path: str, size: int, mtime_ns: int) -> None:
        """A file whose time changed and whose content did not: remember the new time."""
        self._transaction(lambda: self._query("UPDATE articles SET size = ?, mtime_ns = ? WHERE path = ?",
                                              (size, mtime_ns, self.key(path))))

    def forget(self, paths: Iterable[str]) -> int:
        """Forget files by the paths they are kept by (`states`)."""
        gone = sorted(set(paths))
        if not gone:
            return 0
        written = self._transaction(lambda: self._query("DELETE FROM articles WHERE path = ?",
                                                        [(path,) for path in gone], many=True))
        return len(gone) if written else 0


_ARTICLE_COLUMNS = "id, path, published, body_start, body_digest, outside, title, source, url"


def _article_infos(rows: Iterable[tuple[str, str, str, int, str, str, str, str, str]]) -> list[ArticleInfo]:
    dates: dict[str, dt.date] = {}  # an archive has a few thousand days: one date object each
    return [ArticleInfo(id_, path, dates.get(published) or dates.setdefault(published,
                                                                           dt.date.fromisoformat(published)),
                        body_start, digest, outside, title, source, url)
            for id_, path, published, body_start, digest, outside, title, source, url in rows]


@functools.lru_cache(maxsize=4096)
def _real_folder(folder: str) -> str:
    """A folder's real path; an archive's hundred thousand files are in a few folders, each resolved once."""
    return os.path.realpath(folder)


def _storable(*texts: str) -> bool:
    """Whether SQLite can hold these texts (UTF-8: not a name with a byte that is not, read as a lone surrogate)."""
    try:
        for text in texts:
            text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _read_only(path: Path) -> sqlite3.Connection:
    """A connection that never writes. Where not even SQLite's shared-memory file beside a WAL store can be made
    (a read-only folder), the file is read as immutable: nothing can be changing what no one can write."""
    uri = f"file:{urllib.parse.quote(str(path.absolute()))}"
    try:
        db = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=30, isolation_level=None)
        db.execute("PRAGMA user_version").fetchone()
        return db
    except sqlite3.OperationalError:
        return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, timeout=30, isolation_level=None)


def _check_header(path: Path) -> None:
    """A file that is not SQLite at all is named as such before SQLite gives its terse 'file is not a database'."""
    try:
        with path.open("rb") as handle:
            header = handle.read(len(_SQLITE_HEADER))
    except OSError as error:
        raise StoreError(f"{path}: cannot be read: {error.strerror or error}") from None
    if header and header != _SQLITE_HEADER:
        raise StoreError(f"{path}: not a factcheck statement store (not an SQLite database); factcheck will not "
                         "write over it (give another file with --db)")
