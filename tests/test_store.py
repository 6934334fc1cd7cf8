"""The statement store and parallel extraction: same reports as a plain check, less reading, the user's file safe."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from factcheck.cli import main
from factcheck.codec import decode_statement, encode_statement
from factcheck.extraction import extract
from factcheck.inputs.article import load_corpus
from factcheck.rules.load import load_rules
from factcheck.store.database import MIGRATIONS, SCHEMA_VERSION, Store, engine_version

ROOT = Path(__file__).resolve().parent.parent
UNSEEN = ROOT / "tests" / "data" / "unseen"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def report_of(*args: str) -> dict:
    result = run("check", "--format", "json", *args)
    assert result.exit_code in (0, 1), result.output + result.stderr
    return json.loads(result.stdout)


def test_statements_come_back_from_json_as_they_were() -> None:
    for corpus, rules in ((ROOT / "corpus", ROOT / "rules"), (UNSEEN / "quake" / "corpus", UNSEEN / "quake" / "rules"),
                          (UNSEEN / "trip" / "corpus", UNSEEN / "trip" / "rules")):
        rule_set = load_rules(rules)
        kinds = {claim.id: claim.kind for claim in rule_set.claims}
        statements = [s for article in load_corpus([corpus])[0] for s in extract(article, rule_set)]
        assert statements
        assert [decode_statement(encode_statement(s), kinds) for s in statements] == statements


def test_a_check_with_the_store_reports_what_a_check_without_it_does(newsroom: Path) -> None:
    plain = report_of("--no-db")
    indexed = run("index")
    assert indexed.exit_code == 0, indexed.stderr
    assert "5 read now, 0 unchanged" in indexed.stderr
    assert (newsroom / ".factcheck" / "index.db").is_file()
    assert report_of() == plain
    assert report_of("--new", "corpus/004_5411c03a7f8b04e4.txt") == report_of("--no-db", "--new",
                                                                              "corpus/004_5411c03a7f8b04e4.txt")


@pytest.mark.parametrize("store", ["--db=.factcheck/index.db", "--no-db"])
def test_check_new_lists_the_new_article_and_the_evidence_it_is_checked_against(newsroom: Path, store: str) -> None:
    run("index")
    report = report_of(store, "--new", "corpus/004_5411c03a7f8b04e4.txt")
    cited = {s["article"] for f in report["findings"] for s in f["statements"]}
    # 000 gives the Putin meeting only a bound, which no finding cites; it is cited for putting the UN chief in Kyiv
    # on the day 004 has him meet Putin in Moscow.
    assert cited == {"004_5411c03a7f8b04e4", "000_d3c4dca9e3661920", "001_15ab6fc81d7eb95e", "002_5d6f030e8b6bd807",
                     "003_45467038f124fd6d"}
    assert [a["id"] for a in report["articles"]] == sorted(cited)
    assert report["evidence_articles"] == 4
    shown = run("check", store, "--new", "corpus/004_5411c03a7f8b04e4.txt").stdout
    assert "1 new article(s) checked (4 other(s) as evidence)" in " ".join(shown.split())


@pytest.mark.parametrize("store", ["--db=.factcheck/index.db", "--no-db"])
def test_a_new_article_named_as_a_published_one_is_checked_under_a_longer_id(newsroom: Path, store: str) -> None:
    run("index")
    (newsroom / "drafts").mkdir()
    draft = newsroom / "drafts" / "001_15ab6fc81d7eb95e.txt"
    shutil.copy(newsroom / "corpus" / "004_5411c03a7f8b04e4.txt", draft)
    result = run("check", "corpus", store, "--new", "drafts/001_15ab6fc81d7eb95e.txt", "--format", "json")
    assert result.exit_code == 1, result.output  # a copy of the report that gives the wrong day: checked
    report = json.loads(result.stdout)
    assert report["new_articles"] == ["drafts/001_15ab6fc81d7eb95e"]
    assert any("is named 'drafts/001_15ab6fc81d7eb95e'" in note for note in report["warnings"])


def test_only_new_and_changed_articles_are_read_again(newsroom: Path) -> None:
    assert "5 read now" in run("index").stderr
    assert "0 read now, 5 unchanged" in run("index").stderr
    for path in (newsroom / "corpus").iterdir():
        path.touch()  # a checkout changes times, not content: nothing is read again
    assert "0 read now, 5 unchanged" in run("index").stderr
    changed = newsroom / "corpus" / "001_15ab6fc81d7eb95e.txt"
    changed.write_text(changed.read_text().replace("Tuesday", "Wednesday"))
    (newsroom / "corpus" / "003_45467038f124fd6d.txt").unlink()
    assert "1 read now, 3 unchanged, 1 forgotten" in run("index").stderr
    assert report_of() == report_of("--no-db")


def test_statements_read_under_other_rules_are_not_reused(newsroom: Path) -> None:
    run("index")
    rules = newsroom / "rules" / "guterres-trip.toml"
    # The rules learn that the misspelling is accepted: the stored names warning must go.
    rules.write_text(rules.read_text().replace('variants = ["Antonio Guterres", "Guterres"]',
                                               'variants = ["Antonio Guterres", "Guterres", "Gutteres"]'))
    fresh = report_of("--no-db")
    assert report_of() == fresh
    assert report_of("--new", "corpus/002_5d6f030e8b6bd807.txt") == report_of(
        "--no-db", "--new", "corpus/002_5d6f030e8b6bd807.txt")
    assert not any("Gutteres" in str(f["values"]) for f in fresh["findings"])


def test_check_new_asks_the_store_by_claim_through_its_index(newsroom: Path) -> None:
    run("index")
    with Store(newsroom / ".factcheck" / "index.db") as store:
        plan = store._db.execute(
            "EXPLAIN QUERY PLAN SELECT s.body FROM statements s JOIN articles a ON a.path = s.path "
            "WHERE s.claim IN (?) AND a.rules_hash = ? AND a.engine = ?", ("x", "y", "z")).fetchall()
    steps = " ".join(row[-1] for row in plan)
    assert "statements_by_claim" in steps and "SCAN s" not in steps


def _sqlite_file(path: Path, script: str) -> bytes:
    db = sqlite3.connect(path)
    db.executescript(script)
    db.commit()
    db.close()
    return path.read_bytes()


@pytest.mark.parametrize("setup, message", [
    (lambda p: p.write_bytes(b"name,value\nnot,a database\n" * 20), "not an SQLite database"),
    (lambda p: _sqlite_file(p, "CREATE TABLE invoices (id INTEGER, total REAL); INSERT INTO invoices VALUES (1, 9.5);"),
     "not a factcheck statement store"),
    (lambda p: _sqlite_file(p, f"PRAGMA application_id = {0x6663686B}; PRAGMA user_version = {SCHEMA_VERSION + 1};"
                               "CREATE TABLE articles (path TEXT);"), "written by a newer factcheck"),
])
def test_a_file_that_is_not_our_store_is_an_error_and_left_as_it_was(newsroom: Path, setup, message: str) -> None:
    db = newsroom / "other.db"
    setup(db)
    before = db.read_bytes()
    for args in (["index", "--db", str(db)], ["check", "--db", str(db)]):
        result = run(*args)
        assert result.exit_code == 2
        assert message in result.stderr and "Traceback" not in result.stderr
    assert db.read_bytes() == before


def test_a_damaged_store_is_an_error_not_rebuilt(newsroom: Path) -> None:
    run("index")
    db = newsroom / ".factcheck" / "index.db"
    data = bytearray(db.read_bytes())
    data[100:] = b"\xff" * (len(data) - 100)  # header intact, pages garbage
    db.write_bytes(bytes(data))
    result = run("check")
    assert result.exit_code == 2 and "damaged" in result.stderr
    assert db.read_bytes() == bytes(data)


def test_an_older_store_is_migrated_and_keeps_its_articles(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    _sqlite_file(db, MIGRATIONS[0] + f"PRAGMA application_id = {0x6663686B}; PRAGMA user_version = 1;"
                 "INSERT INTO articles VALUES ('a.txt', 'a', '2022-04-26', 0, '[]', 1, 1, 'h', 'r', 'e');")
    with Store(db) as store:
        assert [a.id for a in store.articles()] == ["a"]
        version = store._db.execute("PRAGMA user_version").fetchone()[0]
        indexes = {row[0] for row in store._db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert version == SCHEMA_VERSION
    assert {"statements_by_claim", "statements_by_path"} <= indexes


def test_readers_work_while_a_writer_holds_the_store(newsroom: Path) -> None:
    run("index")
    db = newsroom / ".factcheck" / "index.db"
    with Store(db) as writer, Store(db) as reader:
        assert writer._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        writer._db.execute("BEGIN IMMEDIATE")
        writer._db.execute("DELETE FROM statements")
        assert len(reader.articles()) == 5 and reader.claims_spoken_of()  # the last committed state
        writer._db.execute("ROLLBACK")


def test_engine_version_names_the_package_version() -> None:
    from factcheck import __version__

    assert engine_version().startswith(__version__ + "+")


def test_more_jobs_give_the_same_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Enough articles for a process pool (copies under new names, so each is its own article)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    sources = sorted((ROOT / "corpus").glob("*.txt")) + sorted((UNSEEN / "guterres").glob("*.txt"))
    for copy in range(6):
        for source in sources:
            shutil.copy(source, corpus / f"{source.stem}-{copy}.txt")
    (corpus / "broken.txt").write_bytes(b"\x00binary")
    monkeypatch.chdir(tmp_path)
    one = report_of("--no-db", "--jobs", "1", str(corpus), "--rules", str(ROOT / "rules"))
    two = report_of("--no-db", "--jobs", "2", str(corpus), "--rules", str(ROOT / "rules"))
    assert len(one["articles"]) == 6 * len(sources) and one["skipped"][0]["path"].endswith("broken.txt")
    assert two == one
