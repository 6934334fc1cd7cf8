"""Hostile input files, rule files and stores, run through the command line as a user or CI would: no traceback,
the right exit status (a traceback exits 1, which CI reads as "conflicts found"), nothing lost (every input read or
listed as skipped with its reason), the other articles still reported, and no hang on a pipe."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.cli import main
from factcheck.inputs.article import Article, ArticleError, article_from_bytes
from factcheck.readers.counts import read_counts

ROOT = Path(__file__).resolve().parent.parent
STORY = ROOT / "tests" / "data" / "summit-rules"  # a made-up story
# Invented reports of the made-up story that agree on the day of the meeting (a check of them exits 0).
TALKS = " date 2023-03-14 Prime Minister Ines Castellano will hold talks with Chancellor Matthias Brandt on Friday.\n"
MEETING = " date 2023-03-14 Castellano will meet Brandt on Friday in Valdora City.\n"
# Generous: a pipe that is opened blocks until something writes to it; the limit only proves there is no hang.
TIMEOUT = 120


def corpus_of(folder: Path, **articles: str | bytes) -> Path:
    """A corpus folder with the two agreeing reports and the given files (name: text or bytes)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in {"talks.txt": TALKS, "meeting.txt": MEETING, **articles}.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


def rules_copy(folder: Path) -> Path:
    shutil.copytree(STORY, folder)
    return folder


def factcheck(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The command line in a fresh process, as CI runs it."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "factcheck", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, errors="replace", timeout=TIMEOUT)


def cli(*args: str | Path) -> object:
    return CliRunner().invoke(main, [str(a) for a in args])


def report_of(stdout: str) -> dict[str, object]:
    return json.loads(stdout)


def checked_and_skipped(report: dict[str, object]) -> tuple[set[str], dict[str, str]]:
    """The names of the files read, and of those skipped with the reason."""
    articles = report["articles"]
    skipped = report["skipped"]
    assert isinstance(articles, list) and isinstance(skipped, list)
    return {a["path"] for a in articles}, {s["path"]: s["reason"] for s in skipped}


def no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout, result.stderr


@pytest.fixture()
def cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The test's folder as the current one, so that relative paths (and a store's) are the user's."""
    monkeypatch.chdir(tmp_path)
    yield tmp_path


# -- folders: links, loops, unreadable folders -----------------------------------------------------------------

def test_symbolic_links_are_followed_once_and_loops_listed(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path / "c")
    corpus_of(tmp_path / "elsewhere", **{"far.txt": MEETING.replace("Valdora City", "the capital")})
    (corpus / "loop").symlink_to("..")  # holds the corpus
    (corpus / "again").symlink_to("../c")  # the corpus itself
    (corpus / "itself.txt").symlink_to("itself.txt")
    (corpus / "twice.txt").symlink_to("talks.txt")
    (corpus / "far").symlink_to(tmp_path / "elsewhere")
    rules_copy(tmp_path / "rules")
    result = factcheck("check", "c", "--rules", "rules", "--format", "json", cwd=tmp_path)
    no_traceback(result)
    assert result.returncode == 0, result.stderr
    checked, skipped = checked_and_skipped(report_of(result.stdout))
    assert checked == {"c/talks.txt", "c/meeting.txt", "c/far/far.txt", "c/far/talks.txt", "c/far/meeting.txt"}
    assert skipped["c/loop"] == "symbolic link loop: it leads to a folder that holds it"
    assert skipped["c/again"] == "symbolic link to the folder c, searched already"
    assert skipped["c/itself.txt"].startswith("symbolic link loop")
    assert skipped["c/twice.txt"] == "symbolic link to c/talks.txt, read under that name"


def test_a_folder_that_cannot_be_read_is_listed(tmp_path: Path, cwd: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = corpus_of(tmp_path / "c", **{"closed/inside.txt": MEETING})
    real_scandir = os.scandir

    def scandir(path: object) -> object:  # root reads any folder whatever its mode: refused here instead
        if Path(str(path)).name == "closed":
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "scandir", scandir)
    result = CliRunner().invoke(main, ["check", "c", "--rules", str(STORY), "--format", "json"])
    assert result.exit_code == 0 and "Traceback" not in result.output
    checked, skipped = checked_and_skipped(report_of(result.stdout))
    assert checked == {"c/talks.txt", "c/meeting.txt"}
    assert skipped == {str(corpus / "closed").removeprefix(f"{tmp_path}/"): "folder cannot be read: Permission denied"}


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads a folder of mode 000")
def test_a_folder_of_mode_000_is_listed(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path / "c", **{"closed/inside.txt": MEETING})
    (corpus / "closed").chmod(0)
    try:
        result = factcheck("check", "c", "--rules", STORY, "--format", "json", cwd=tmp_path)
    finally:
        (corpus / "closed").chmod(0o755)
    no_traceback(result)
    assert result.returncode == 0
    assert checked_and_skipped(report_of(result.stdout))[1]["c/closed"].startswith("folder cannot be read")


def test_a_file_name_that_is_not_utf8_is_read_and_the_store_copes(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path / "c")
    (corpus / os.fsdecode(b"odd\xff.txt")).write_text(MEETING, encoding="utf-8")
    rules_copy(tmp_path / "rules")
    plain = factcheck("check", "c", "--rules", "rules", "--format", "json", cwd=tmp_path)
    no_traceback(plain)
    assert plain.returncode == 0 and len(checked_and_skipped(report_of(plain.stdout))[0]) == 3
    indexed = factcheck("index", "c", "--rules", "rules", "--db", "s.db", cwd=tmp_path)
    no_traceback(indexed)
    assert indexed.returncode == 0 and "not kept" in indexed.stderr and "not valid UTF-8" in indexed.stderr
    stored = factcheck("check", "c", "--rules", "rules", "--db", "s.db", "--format", "json", cwd=tmp_path)
    no_traceback(stored)
    assert stored.returncode == 0 and len(checked_and_skipped(report_of(stored.stdout))[0]) == 3


# -- files that are not regular files: never opened, listed with the reason, no hang ---------------------------

def test_a_pipe_named_as_a_rule_file_is_an_error_not_a_hang(tmp_path: Path) -> None:
    rules = rules_copy(tmp_path / "rules")
    os.mkfifo(rules / "x.toml")
    corpus_of(tmp_path / "c")
    for command in (["rules", "check", "rules"], ["check", "c", "--rules", "rules"]):
        result = factcheck(*command, cwd=tmp_path)
        no_traceback(result)
        assert result.returncode == 2
        assert "x.toml:1:1: cannot be read: not a regular file" in result.stdout + result.stderr


def test_a_pipe_in_the_corpus_is_skipped_with_the_reason(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path / "c")
    os.mkfifo(corpus / "a.txt")
    (corpus / "z.txt").symlink_to(tmp_path / "pipe")  # nor is a link to one
    os.mkfifo(tmp_path / "pipe")
    result = factcheck("check", "c", "--rules", STORY, "--format", "json", cwd=tmp_path)
    no_traceback(result)
    assert result.returncode == 0
    checked, skipped = checked_and_skipped(report_of(result.stdout))
    assert checked == {"c/talks.txt", "c/meeting.txt"}
    assert skipped == {"c/a.txt": "not a regular file (a pipe, socket or device)",
                       "c/z.txt": "not a regular file (a pipe, socket or device)"}


def test_a_device_named_as_an_article_is_skipped(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path / "c")
    (corpus / "zero.txt").symlink_to(os.devnull)
    result = factcheck("check", "c", "--rules", STORY, "--format", "json", cwd=tmp_path)
    no_traceback(result)
    assert result.returncode == 0
    assert checked_and_skipped(report_of(result.stdout))[1] == {"c/zero.txt": "not a regular file (a pipe, "
                                                                               "socket or device)"}


@pytest.mark.parametrize("where", ["factcheck.toml", "pyproject.toml", ".factcheck-baseline.json", "reviews.toml"])
def test_a_pipe_as_a_settings_baseline_or_review_file_is_refused(tmp_path: Path, where: str) -> None:
    corpus_of(tmp_path / "c")
    rules_copy(tmp_path / "rules")
    os.mkfifo(tmp_path / where)
    result = factcheck("check", "c", "--rules", "rules", cwd=tmp_path)
    no_traceback(result)
    assert result.returncode == 2 and "not a regular file" in result.stderr


def test_a_pipe_named_as_a_new_article_or_a_page_is_not_opened(tmp_path: Path) -> None:
    corpus_of(tmp_path / "c")
    os.mkfifo(tmp_path / "draft.txt")
    os.mkfifo(tmp_path / "page.html")
    new = factcheck("check", "--new", "draft.txt", "c", "--rules", STORY, cwd=tmp_path)
    no_traceback(new)
    assert new.returncode == 2 and "not a regular file" in new.stderr
    imported = factcheck("import", "page.html", "-o", "imported", cwd=tmp_path)
    no_traceback(imported)
    assert "not a regular file" in imported.stdout + imported.stderr and imported.returncode != 1


# -- rule files and front matter nested too deeply -------------------------------------------------------------

@pytest.mark.parametrize("deep", ["a = " + "[" * 500 + "]" * 500, "a = " + "{ b = " * 500 + "1" + " }" * 500],
                         ids=["arrays", "tables"])
def test_toml_nested_500_deep_in_a_rule_file_is_an_error(tmp_path: Path, deep: str) -> None:
    rules = rules_copy(tmp_path / "rules")
    (rules / "deep.toml").write_text(deep + "\n", encoding="utf-8")
    corpus_of(tmp_path / "c")
    for command in (["rules", "check", "rules"], ["check", "c", "--rules", "rules"]):
        result = factcheck(*command, cwd=tmp_path)
        no_traceback(result)
        said = result.stdout + result.stderr
        assert result.returncode == 2 and "deep.toml:1:" in said and "nested too deeply" in said


def test_front_matter_nested_too_deeply_skips_only_that_article(tmp_path: Path) -> None:
    deep = "+++\ndate = 2023-03-14\nx = " + "[" * 500 + "]" * 500 + "\n+++\n" + MEETING
    corpus_of(tmp_path / "c", **{"deep.md": deep})
    result = factcheck("check", "c", "--rules", STORY, "--format", "json", cwd=tmp_path)
    no_traceback(result)
    assert result.returncode == 0
    checked, skipped = checked_and_skipped(report_of(result.stdout))
    assert checked == {"c/talks.txt", "c/meeting.txt"} and "nested too deeply" in skipped["c/deep.md"]


# -- numbers of any length -------------------------------------------------------------------------------------

@pytest.mark.parametrize("digits", [20, 309, 400, 5000])
def test_a_number_of_any_length_is_read_or_declined_without_error(tmp_path: Path, digits: int) -> None:
    huge = f" date 2023-03-14 Castellano said at least {'9' * digits} people were killed in Norvik.\n"
    corpus_of(tmp_path / "c", **{"huge.txt": huge})
    result = factcheck("check", "c", "--rules", STORY, "--format", "json", cwd=tmp_path)
    no_traceback(result)
    assert result.returncode == 0, result.stderr
    checked, skipped = checked_and_skipped(report_of(result.stdout))
    assert checked == {"c/talks.txt", "c/meeting.txt", "c/huge.txt"} and not skipped


# -- encoding --------------------------------------------------------------------------------------------------

def test_a_stray_byte_in_a_utf8_file_is_replaced_and_the_line_named(tmp_path: Path) -> None:
    text = ("---\ndate: 2023-03-14\ntitle: “Talks”\n---\nPrime Minister Ines Castellano will hold talks with "
            "Chancellor Matthias Brandt on Friday, her office’s note said.\nA stray byte: \xff.\n"
            ).encode().replace(b"\xc3\xbf", b"\xff")
    corpus_of(tmp_path / "c", **{"stray.md": text})
    for output in ("json", "markdown", "sarif", "junit", "html", "github", "terminal"):
        result = factcheck("check", "c", "--rules", STORY, "--format", output, cwd=tmp_path)
        no_traceback(result)
        assert result.returncode == 0 and "line 6: not valid UTF-8 in 1 place(s)" in result.stdout + result.stderr
    report = report_of(factcheck("check", "c", "--rules", STORY, "--format", "json", cwd=tmp_path).stdout)
    assert not any("Windows-1252" in warning for warning in report["warnings"])  # type: ignore[union-attr]
    stray = next(a for a in report["articles"] if a["path"] == "c/stray.md")  # type: ignore[union-attr]
    assert stray["title"] == "“Talks”"  # not `â€œTalksâ€\x9d`
    days = {s["article"]: s["value"] for f in report["findings"] for s in f["statements"]  # type: ignore[union-attr]
            if f["claim"] == "brandt-meeting-date"}
    assert days["stray"] == "2023-03-17"


def test_a_windows_1252_file_is_still_read_as_such() -> None:
    article = article_from_bytes(b" date 2023-03-14 Caf\xe9 talks: Castellano met Brandt.", "old.txt")
    assert "Café" in article.text and any("Windows-1252" in warning for warning in article.warnings)


# -- the statement store ---------------------------------------------------------------------------------------

def indexed(folder: Path) -> Path:
    corpus_of(folder / "c")
    rules_copy(folder / "rules")
    result = factcheck("index", "c", "--rules", "rules", "--db", "s.db", cwd=folder)
    assert result.returncode == 0, result.stderr
    return folder / "s.db"


def rows_of(store: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(store) as db:
        return [*db.execute("SELECT * FROM articles ORDER BY path"), *db.execute("SELECT * FROM statements")]


def test_a_garbled_row_is_a_damaged_store_with_advice_that_keeps_it(tmp_path: Path) -> None:
    store = indexed(tmp_path)
    with sqlite3.connect(store) as db:
        db.execute("UPDATE statements SET body = '{not json' WHERE rowid = (SELECT min(rowid) FROM statements)")
    before = rows_of(store)
    for command in (["check", "c"], ["check", "--new", "c/talks.txt", "c"]):
        result = factcheck(*command, "--rules", "rules", "--db", "s.db", cwd=tmp_path)
        no_traceback(result)
        assert result.returncode == 2 and "s.db: the store is damaged" in result.stderr
        assert "rename it" in result.stderr and "factcheck index --db s.db" in result.stderr
    assert rows_of(store) == before  # nothing written over what may be the user's only copy


def test_a_file_that_is_not_a_database_gets_the_same_advice(tmp_path: Path) -> None:
    store = indexed(tmp_path)
    store.write_bytes(store.read_bytes()[:200])  # truncated: the header is SQLite's, the rest is gone
    result = factcheck("check", "c", "--rules", "rules", "--db", "s.db", cwd=tmp_path)
    no_traceback(result)
    assert result.returncode == 2 and "damaged" in result.stderr and "rename it" in result.stderr


@pytest.mark.parametrize("command", ["index", "check"])
def test_a_store_under_a_regular_file_is_an_error(tmp_path: Path, command: str) -> None:
    corpus_of(tmp_path / "c")
    (tmp_path / "file").write_text("not a folder")
    result = factcheck(command, "c", "--rules", STORY, "--db", "file/x.db", cwd=tmp_path)
    no_traceback(result)
    assert result.returncode == 2 and "file/x.db: cannot make the folder it goes in" in result.stderr


@pytest.fixture()
def read_only_sqlite(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every store opened read-only, as a read-only mount gives it (root writes any file whatever its mode)."""
    connect = sqlite3.connect

    def read_only(database: object, *args: object, **kwargs: object) -> sqlite3.Connection:
        if kwargs.get("uri"):
            return connect(database, *args, **kwargs)  # type: ignore[arg-type]
        return connect(f"file:{database}?mode=ro", *args, **{**kwargs, "uri": True})  # type: ignore[arg-type]

    monkeypatch.setattr(sqlite3, "connect", read_only)


def test_a_read_only_store_is_read_and_said_so(tmp_path: Path, cwd: Path, read_only_sqlite: None) -> None:
    indexed(tmp_path)
    os.utime(tmp_path / "c" / "talks.txt")  # a new time: the store would be updated
    before = rows_of(tmp_path / "s.db")
    result = CliRunner().invoke(main, ["check", "c", "--rules", "rules", "--db", "s.db", "--format", "json"])
    assert result.exit_code == 0 and "Traceback" not in result.output and "damaged" not in result.output
    report = report_of(result.stdout)
    assert len(checked_and_skipped(report)[0]) == 2
    assert any("s.db is read-only" in warning for warning in report["warnings"])  # type: ignore[union-attr]
    again = CliRunner().invoke(main, ["index", "c", "--rules", "rules", "--db", "s.db"])
    assert again.exit_code == 2 and "s.db is read-only: `factcheck index` cannot update it" in again.stderr
    assert rows_of(tmp_path / "s.db") == before


def test_a_store_the_user_cannot_write_is_opened_read_only(tmp_path: Path, cwd: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    indexed(tmp_path)
    monkeypatch.setattr(os, "access", lambda path, mode: mode != os.W_OK)  # a chmod 444 file, for root too
    result = CliRunner().invoke(main, ["check", "c", "--rules", "rules", "--db", "s.db", "--format", "json"])
    assert result.exit_code == 0 and "Traceback" not in result.output
    assert any("read-only" in warning for warning in report_of(result.stdout)["warnings"])  # type: ignore


def test_one_article_is_one_row_whatever_path_named_it(tmp_path: Path) -> None:
    indexed(tmp_path)
    for corpus in (tmp_path / "c", "./c", "c/../c"):
        result = factcheck("index", corpus, "--rules", "rules", "--db", "s.db", cwd=tmp_path)
        assert result.returncode == 0 and "holds 2 article(s)" in result.stderr, result.stderr
    with sqlite3.connect(tmp_path / "s.db") as db:
        assert sorted(path for (path,) in db.execute("SELECT path FROM articles")) == ["c/meeting.txt",
                                                                                      "c/talks.txt"]
    (tmp_path / "draft.txt").write_text(" date 2023-03-18 Castellano met Brandt on Thursday.\n")  # the 16th
    result = factcheck("check", "--new", "draft.txt", tmp_path / "c", "--rules", "rules", "--db", "s.db",
                       "--format", "json", cwd=tmp_path)
    no_traceback(result)
    assert result.returncode == 0  # the draft's day against the planned one: a warning
    report = report_of(result.stdout)
    assert report["evidence_articles"] == 2
    paths = [s["path"] for f in report["findings"] for s in f["statements"]  # type: ignore[union-attr]
             if f["claim"] == "brandt-meeting-date"]
    assert sorted(paths) == ["c/meeting.txt", "c/talks.txt", "draft.txt"]


# -- the article loader, on any bytes --------------------------------------------------------------------------

def _header() -> st.SearchStrategy[bytes]:
    """The starts of a file that lead the loader down each of its ways: no header, each kind of header, a BOM."""
    return st.sampled_from([b"", b" date 2023-03-14 ", b"---\ndate: 2023-03-14\n---\n",
                            b"+++\ndate = 2023-03-14\n+++\n", b"\xef\xbb\xbf date 2023-03-14 ", b"\xff\xfe",
                            b"\xfe\xff"])


@settings(deadline=None)
@given(_header(), st.binary(max_size=400), st.booleans())
def test_any_bytes_give_an_article_or_an_article_error(header: bytes, body: bytes, dated: bool) -> None:
    default = dt.date(2023, 3, 14) if dated else None
    try:
        article = article_from_bytes(header + body, "any.txt", default_published=default)
    except ArticleError as error:
        assert str(error)
        return
    assert isinstance(article, Article) and article.text.strip()
    assert 0 <= article.body_start <= len(article.text)
    for offset in range(len(article.text) + 1):
        line, column = article.position(offset)
        assert 1 <= line <= len(article.line_starts) and column >= 1
        assert article.line_starts[line - 1] + column - 1 == offset


# A figure: digits with commas and points, or a run of zeros behind one digit (whose powers of ten overflow a float).
FIGURES = st.one_of(st.text(alphabet="0123456789,.", min_size=1, max_size=600),
                    st.builds(lambda lead, zeros, tail: lead + "0" * zeros + tail, st.sampled_from("123456789"),
                              st.integers(0, 700), st.sampled_from(["", ".5", ",000", "."])))


@settings(deadline=None)
@given(FIGURES, st.sampled_from(["", " million", " billion"]))
def test_figures_of_any_length_are_read_without_error(digits: str, scale: str) -> None:
    for count in read_counts(f"At least {digits}{scale} people were killed."):
        assert count.low <= 1e16 and (count.high is None or count.high <= 1.1e16)


def test_a_store_that_kept_one_article_twice_is_mended(tmp_path: Path) -> None:
    """A store of before the paths were normalised holds `c/talks.txt` and `/…/c/talks.txt`, one file indexed by
    two runs: opened, it keeps one row of each article, and a check lists each once."""
    store = indexed(tmp_path)
    with sqlite3.connect(store) as db:
        columns = ", ".join(f"'{tmp_path}/' || path" if c == "path" else c
                            for (_, c, *_) in db.execute("PRAGMA table_info(articles)"))
        db.execute(f"INSERT INTO articles SELECT {columns} FROM articles")
        db.execute(f"INSERT INTO statements SELECT '{tmp_path}/' || path, claim, body FROM statements")
        db.execute("UPDATE articles SET path = './' || path WHERE path = 'c/meeting.txt'")  # and one written so
        db.execute("UPDATE statements SET path = './' || path WHERE path = 'c/meeting.txt'")
        db.execute("PRAGMA user_version = 8")
    result = factcheck("check", "c", "--rules", "rules", "--db", "s.db", "--format", "json", cwd=tmp_path)
    no_traceback(result)
    assert result.returncode == 0 and len(report_of(result.stdout)["articles"]) == 2  # type: ignore[arg-type]
    with sqlite3.connect(store) as db:
        assert sorted(db.execute("SELECT path FROM articles")) == [("c/meeting.txt",), ("c/talks.txt",)]
        assert {path for (path,) in db.execute("SELECT path FROM statements")} == {"c/meeting.txt", "c/talks.txt"}
        assert db.execute("PRAGMA user_version").fetchone()[0] == 9


def test_a_rules_folder_that_cannot_be_read_is_an_error_unless_hidden(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A subfolder of rules that cannot be read would lose its claims without a word: an error. A hidden one (a
    `.cache` of root's) holds no rules anyway: ignored, as before."""
    from factcheck.rules.load import validate

    rules = rules_copy(tmp_path / "rules")
    (rules / "closed").mkdir()
    (rules / ".cache").mkdir()
    real_scandir = os.scandir
    closed = {"closed"}

    def scandir(path: object) -> object:  # root reads any folder whatever its mode: refused here instead
        if Path(str(path)).name in closed:
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "scandir", scandir)
    found, errors = validate(rules)
    assert found is None and [e.message for e in errors] == ["folder cannot be read: Permission denied"]
    closed.clear()
    closed.add(".cache")
    found, errors = validate(rules)
    assert found is not None and not errors
