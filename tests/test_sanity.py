"""Date sanity: impossible or implausible dates are warned about in every article, in every output, with evidence."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from factcheck.cli import main
from factcheck.inputs.article import parse_article
from factcheck.kinds import sanity
from factcheck.readers.dates import read_dates

ROOT = Path(__file__).resolve().parent.parent
UNSEEN = ROOT / "tests" / "data" / "unseen"
NIGHT_ARTICLE = "004_5411c03a7f8b04e4"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def sanity_findings(*args: str) -> list[dict]:
    result = run("check", "--format", "json", *args)
    assert result.exit_code in (0, 1), result.output
    return [f for f in json.loads(result.stdout)["findings"] if f["claim"] == sanity.CLAIM]


@pytest.mark.parametrize("check,example", sanity.examples(), ids=lambda item: str(item)[:50])
def test_sanity_example(check: str, example: dict) -> None:
    article = parse_article(example["text"], "example.txt",
                            override_published=dt.date.fromisoformat(example["published"]))
    flagged = sanity.check_dates(read_dates(article))
    if example["flagged"]:
        assert [s.data for s in flagged] == [check], [s.explanation for s in flagged]
        assert sanity.worth_a_look(article)  # an article that tells no story must be read for it too
    else:
        assert not flagged, [s.explanation for s in flagged]


@pytest.mark.parametrize("text", ["The vote is on Tuesday, March 14, 2023, and the count on March 31.",
                                  "It closed on Friday, December 30, after 30 days of talks.",
                                  "Results are due Monday 2 January; the night was quiet."])
def test_an_article_with_right_dates_only_is_not_tagged_for_these_checks(text: str) -> None:
    # Written on January 3, 2023: December 30 is last year's Friday, January 2 this year's Monday.
    assert not sanity.worth_a_look(parse_article(text, "a.txt", override_published=dt.date(2023, 1, 3)))


@pytest.mark.parametrize("text,looked_at", [("THE COUNCIL MEETS ON TUESDAY, MARCH 14TH, ITS CLERK SAID.", False),
                                            ("THE COUNCIL MEETS ON WEDNESDAY, MARCH 14TH, ITS CLERK SAID.", True)])
def test_a_weekday_and_date_written_in_capitals_is_looked_at_like_any_other(text: str, looked_at: bool) -> None:
    # A headline or a wire slug in capitals, with the ordinal's suffix in capitals too; 2023-03-14 is a Tuesday.
    assert sanity.worth_a_look(parse_article(text, "a.txt", override_published=dt.date(2023, 3, 10))) is looked_at


def test_the_night_of_two_days_apart_is_a_warning_with_its_evidence() -> None:
    (finding,) = sanity_findings(str(ROOT / "corpus"), "--rules", str(ROOT / "rules"))
    assert finding["status"] == "warning"
    (evidence,) = finding["statements"]
    assert evidence["article"] == NIGHT_ARTICLE
    assert evidence["text"] == "the night of April 5 and 26"
    assert "On the night of April 5 and 26, there were" in evidence["quote"]
    assert (evidence["line"], evidence["column"]) == (21, 171)
    assert "26 does not follow 2022-04-05" in evidence["explanation"]


@pytest.mark.parametrize("corpus,rules", [(UNSEEN / "guterres", ROOT / "rules"),
                                          (UNSEEN / "quake" / "corpus", UNSEEN / "quake" / "rules"),
                                          (UNSEEN / "trip" / "corpus", UNSEEN / "trip" / "rules"),
                                          (UNSEEN / "railcrash", ROOT / "docs" / "tutorial")])
def test_right_dates_of_unseen_articles_are_not_doubted(corpus: Path, rules: Path) -> None:
    assert sanity_findings(str(corpus), "--rules", str(rules)) == []


def test_an_article_that_tells_no_story_of_the_rules_is_checked_too(tmp_path: Path) -> None:
    (tmp_path / "gazette.txt").write_text(" date 2023-03-20 The harbour board met on Tuesday, March 15, 2023, and "
                                          "again on February 30, a spokesman for the board said.\n")
    findings = sanity_findings(str(tmp_path), "--rules", str(ROOT / "rules"))
    assert sorted(f["statements"][0]["text"] for f in findings) == ["February 30", "Tuesday, March 15, 2023"]
    weekday = next(f for f in findings if f["statements"][0]["text"].startswith("Tuesday"))
    assert "2023-03-15 is a Wednesday" in weekday["message"]


@pytest.mark.parametrize("output_format", ["terminal", "sarif", "github", "junit", "markdown", "html"])
def test_every_format_shows_the_doubtful_date(output_format: str) -> None:
    result = run("check", str(ROOT / "corpus"), "--rules", str(ROOT / "rules"), "--format", output_format)
    assert result.exit_code == 1
    assert "the night of April 5 and 26" in result.stdout
    assert sanity.TITLES["night"] in " ".join(result.stdout.split()) or output_format in ("sarif", "github")


@pytest.mark.parametrize("store", ["--db=.factcheck/index.db", "--no-db"])
def test_check_new_reports_a_doubtful_date_of_the_new_article_only(newsroom: Path, store: str) -> None:
    assert run("index").exit_code == 0
    assert [f["statements"][0]["article"] for f in sanity_findings(store, "--new", f"corpus/{NIGHT_ARTICLE}.txt")] \
        == [NIGHT_ARTICLE]
    assert sanity_findings(store, "--new", "corpus/001_15ab6fc81d7eb95e.txt") == []


def test_the_store_gives_back_the_doubtful_date(newsroom: Path) -> None:
    plain = sanity_findings("--no-db")
    assert run("index").exit_code == 0
    assert sanity_findings() == plain and plain


def test_no_rule_may_take_the_built_in_claim_id(tmp_path: Path) -> None:
    (tmp_path / "rules.toml").write_text(
        '[entities.ann]\nname = "Ann Vell"\n\n[[claims]]\nid = "date-sanity"\nkind = "spelling"\n')
    result = run("rules", "check", str(tmp_path))
    assert result.exit_code == 2
    assert "reserved" in result.output
