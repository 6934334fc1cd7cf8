"""No silent omission: an article that tells none of the rules' stories is listed, with the reason, in every report
format, kept by the store, and named first by `explain`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import DATA

from factcheck.cli import main

RULES = DATA / "time-rules"
ABOUT = " date 2023-11-14\n\nThe trams collided at 7.40pm on Sunday in Norvik, the NTA said.\n"
ASIDE = " date 2023-11-14\n\nThe NTA opened a new depot on Friday. Nobody came.\n"
REASON = "names only Norvik Transport Authority of the story of story.toml"


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "crash.txt").write_text(ABOUT)
    (folder / "depot.txt").write_text(ASIDE)
    return folder


@pytest.mark.parametrize("form", ["terminal", "json", "markdown", "html", "sarif", "junit", "github"])
def test_every_format_lists_an_article_about_none_of_the_stories_with_the_reason(corpus: Path, form: str) -> None:
    result = CliRunner().invoke(main, ["check", str(corpus), "--rules", str(RULES), "--no-db", "--format", form])
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split()).replace("&#x27;", "'").replace("&apos;", "'")
    assert "depot.txt" in text and REASON in text


def test_the_json_report_names_the_article_and_why(corpus: Path) -> None:
    result = CliRunner().invoke(main, ["check", str(corpus), "--rules", str(RULES), "--no-db", "--format", "json"])
    (entry,) = json.loads(result.output)["outside"]
    assert (entry["article"], Path(entry["path"]).name) == ("depot", "depot.txt")
    assert entry["reason"].startswith(REASON)


def test_a_warm_check_from_the_store_still_says_why(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "index.db")
    args = ["check", str(corpus), "--rules", str(RULES), "--db", db, "--format", "json"]
    cold = json.loads(CliRunner().invoke(main, args).output)
    warm = json.loads(CliRunner().invoke(main, args).output)
    assert cold["outside"] == warm["outside"] and len(warm["outside"]) == 1


def test_explain_says_first_that_check_leaves_the_article_out(corpus: Path) -> None:
    result = CliRunner().invoke(main, ["explain", str(corpus / "depot.txt"), "--rules", str(RULES)])
    lines = " ".join(result.output.split())
    assert lines.index("leaves this article out") < lines.index("line 3")
    assert REASON in lines
    about = CliRunner().invoke(main, ["explain", str(corpus / "crash.txt"), "--rules", str(RULES)])
    assert "leaves this article out" not in about.output
