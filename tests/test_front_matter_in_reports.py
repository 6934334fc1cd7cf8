"""The outlet, title and link of an article's front matter, in every format a report is written in."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from click.testing import CliRunner

from factcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
SENTENCE = "The UN chief met Russian President Vladimir Putin at the Kremlin on {day}, a spokesman said."


def _article(title: str, source: str, url: str, day: str) -> str:
    return (f"---\ntitle: \"{title}\"\nsource: {source}\nurl: {url}\ndate: 2022-04-29\n---\n\n"
            f"{SENTENCE.format(day=day)}\n")


@pytest.fixture()
def newsroom(tmp_path: Path) -> Path:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "courier.md").write_text(
        _article("Kremlin talks end without deal", "Daily Courier", "https://courier.example/kremlin-talks",
                 "Thursday, April 28"))
    (tmp_path / "corpus" / "ledger.md").write_text(
        _article("UN chief meets Putin", "Evening Ledger", "https://ledger.example/un-putin", "Tuesday, April 26"))
    (tmp_path / "corpus" / "plain.txt").write_text(" date 2022-04-29 " + SENTENCE.format(day="Tuesday, April 26"))
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    return tmp_path


def _report(newsroom: Path, fmt: str) -> str:
    result = CliRunner().invoke(main, ["check", str(newsroom / "corpus"), "--rules", str(newsroom / "rules"),
                                       "--no-baseline", "--no-db", "--format", fmt])
    assert result.exit_code == 1, result.output
    return result.stdout


def test_the_terminal_names_the_outlet_and_gives_the_title_and_link(newsroom: Path) -> None:
    text = _report(newsroom, "terminal")
    assert "courier (Daily Courier)" in text
    assert "“Kremlin talks end without deal”  https://courier.example/kremlin-talks" in text
    assert "plain  " in text and "plain (" not in text  # no front matter: the id alone


def test_json_lists_each_articles_title_outlet_and_link(newsroom: Path) -> None:
    articles = {a["id"]: a for a in json.loads(_report(newsroom, "json"))["articles"]}
    assert articles["ledger"]["source"] == "Evening Ledger"
    assert articles["ledger"]["title"] == "UN chief meets Putin"
    assert articles["ledger"]["url"] == "https://ledger.example/un-putin"
    assert articles["plain"]["source"] is None and articles["plain"]["url"] is None


def test_sarif_locations_carry_the_outlet_and_link(newsroom: Path) -> None:
    log = json.loads(_report(newsroom, "sarif"))
    locations = [loc for result in log["runs"][0]["results"]
                 for loc in (*result["locations"], *result["relatedLocations"])]
    courier = [loc for loc in locations if loc["physicalLocation"]["artifactLocation"]["uri"].endswith("courier.md")]
    assert courier and courier[0]["properties"]["source"] == "Daily Courier"
    assert courier[0]["properties"]["url"] == "https://courier.example/kremlin-talks"
    assert "courier (Daily Courier) says" in courier[0]["message"]["text"]


def test_markdown_links_the_story_under_its_title(newsroom: Path) -> None:
    text = _report(newsroom, "markdown")
    assert "**Daily Courier**, [Kremlin talks end without deal](<https://courier.example/kremlin-talks>)" in text


def test_github_annotations_and_junit_name_the_outlets(newsroom: Path) -> None:
    annotations = _report(newsroom, "github")
    (error,) = [line for line in annotations.splitlines() if line.startswith("::error") and "putin" in line]
    assert "Daily Courier" in error and "Evening Ledger" in error
    suite = ET.fromstring(_report(newsroom, "junit"))
    failures = "".join(f.text or "" for f in suite.iter("failure"))
    assert "https://ledger.example/un-putin" in failures


def test_a_link_that_is_not_http_is_shown_never_linked(newsroom: Path) -> None:
    (newsroom / "corpus" / "courier.md").write_text(
        _article("Talks", "Daily Courier", "javascript:alert(1)", "Thursday, April 28"))
    text = _report(newsroom, "markdown")
    assert "](<javascript" not in text and "`javascript:alert(1)`" in text


def test_the_html_report_names_the_outlets_and_links_the_stories(newsroom: Path) -> None:
    page = _report(newsroom, "html")
    assert "Daily Courier" in page and "Evening Ledger" in page
    assert 'href="https://courier.example/kremlin-talks"' in page
