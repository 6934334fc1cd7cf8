"""A battery of messy inputs, run through the command line as CI or an editor would: nothing crashes, nothing is
lost, every input is checked or listed as skipped with its reason, and the exit status tells the truth."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules"
GOOD = " date 2022-04-26 The UN chief is to meet Russian President Vladimir Putin in Moscow on Tuesday.\n"


def check(*args: str):
    return CliRunner().invoke(main, ["check", *args, "--rules", str(RULES), "--format", "json"])


@pytest.fixture()
def messy(tmp_path: Path) -> Path:
    """A corpus folder with one of every kind of trouble, and one good article."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD)
    (corpus / "bom.txt").write_bytes("\ufeff".encode() + GOOD.replace("Tuesday", "Tuesday, April 26").encode())
    (corpus / "legacy.txt").write_bytes(b" date 2022-04-26 Caf\xe9 talks: the UN chief met Putin on Tuesday.")
    (corpus / "crlf.txt").write_bytes(b" date 2022-04-26 Headline\r\n\r\nThe UN chief met Putin on Tuesday.\r\n")
    (corpus / "cr.txt").write_bytes(b" date 2022-04-26 Headline\r\rThe UN chief met Putin on Tuesday.\r")
    (corpus / "undated.txt").write_text("The UN chief met Putin on Tuesday.")
    (corpus / "impossible.txt").write_text(" date 2022-02-30 The UN chief met Putin on Tuesday.")
    (corpus / "empty.txt").write_text("")
    (corpus / "binary.txt").write_bytes(b"%PDF-1.7\x00\x00\x01binary")
    (corpus / "huge.txt").write_text(" date 2022-04-26 " + "The talks went on. " * 2000)
    (corpus / "good.md").write_text("---\ndate: 2022-04-26\n---\nSame id as good.txt.")
    (corpus / "notes.docx").write_bytes(b"PK\x03\x04")
    (corpus / "dangling.txt").symlink_to(corpus / "nowhere.txt")
    os.mkfifo(corpus / "pipe.txt")
    return corpus


def test_nothing_is_lost_and_nothing_crashes(messy: Path) -> None:
    result = check(str(messy), "--max-size", "20000")
    assert "Traceback" not in result.output
    report = json.loads(result.output)
    checked = {Path(a["path"]).name for a in report["articles"]}
    skipped = {Path(s["path"]).name: s["reason"] for s in report["skipped"]}
    assert checked == {"good.md", "good.txt", "bom.txt", "legacy.txt", "crlf.txt", "cr.txt"}
    assert set(skipped) == {"undated.txt", "impossible.txt", "empty.txt", "binary.txt", "huge.txt",
                            "notes.docx", "dangling.txt", "pipe.txt"}
    assert skipped["undated.txt"].startswith("no publication date")
    assert "does not exist" in skipped["impossible.txt"]
    assert skipped["empty.txt"] == "empty file"
    assert skipped["binary.txt"].startswith("binary file")
    assert "over the size limit" in skipped["huge.txt"]
    # Two files of one name but for the suffix: the first in sorted order is `good`, the other by its whole name.
    assert {a["id"] for a in report["articles"] if a["path"].endswith(("good.md", "good.txt"))} == {"good",
                                                                                                  "good.txt"}
    assert any("is named 'good.txt'" in note for note in report["warnings"])
    assert skipped["notes.docx"].startswith("not an article file")
    assert skipped["dangling.txt"] == "broken symbolic link"
    assert skipped["pipe.txt"].startswith("not a regular file")
    assert any("legacy.txt" in w and "Windows-1252" in w for w in report["warnings"])
    assert result.exit_code == 0  # the good articles agree; skipped inputs alone do not fail the run


def test_positions_are_right_whatever_the_line_ends(messy: Path) -> None:
    report = json.loads(check(str(messy / "crlf.txt"), str(messy / "cr.txt")).output)
    for finding in report["findings"]:
        for item in finding["statements"]:
            assert (item["line"], item["column"]) == (3, item["quote"].index(item["text"]) + 1)


def test_published_rescues_undated_articles_and_the_terminal_lists_the_rest(messy: Path) -> None:
    result = CliRunner().invoke(main, ["check", str(messy), "--rules", str(RULES), "--published", "2022-04-26"])
    assert "SKIPPED" in result.output and "empty.txt: empty file" in result.output
    assert "undated.txt" not in result.output.split("SKIPPED")[1].split("\n\n")[0]


def test_nothing_usable_exits_2_with_the_reasons(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01")
    result = CliRunner().invoke(main, ["check", str(tmp_path), "--rules", str(RULES)])
    assert result.exit_code == 2
    assert "no usable article" in result.output and "binary file" in result.output


def test_an_internal_error_skips_its_article_and_exits_2(messy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import factcheck.extraction as extraction

    real_read = extraction.read_article

    def failing(article, rules):
        if article.id == "crlf":
            raise RuntimeError("simulated failure")
        return real_read(article, rules)

    monkeypatch.setattr(extraction, "read_article", failing)
    result = CliRunner().invoke(main, ["check", str(messy), "--rules", str(RULES), "--format", "json"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    report = json.loads(result.output[:result.output.rindex("}") + 1])
    assert "crlf.txt" not in {Path(a["path"]).name for a in report["articles"]}
    reasons = {Path(s["path"]).name: s["reason"] for s in report["skipped"]}
    assert reasons["crlf.txt"].startswith("internal error: RuntimeError: simulated failure")
    assert "please report" in reasons["crlf.txt"]
    assert len(report["articles"]) == 6  # the others, the large one included (no --max-size here)


def test_a_claim_that_matches_nothing_is_a_warning_not_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(" date 2022-04-26 Nothing about the trip here.")
    result = check(str(tmp_path))
    assert result.exit_code == 0
    warnings = json.loads(result.output)["warnings"]
    assert "claim 'putin-meeting-date' matched nothing in any article" in warnings


def test_wrong_kinds_of_path_get_clear_messages(tmp_path: Path) -> None:
    explained = CliRunner().invoke(main, ["explain", str(tmp_path), "--rules", str(RULES)])
    assert explained.exit_code == 2 and "is a directory" in explained.output
    out_dir = CliRunner().invoke(main, ["check", str(ROOT / "corpus"), "--rules", str(RULES), "-o", str(tmp_path)])
    assert out_dir.exit_code == 2 and "Traceback" not in out_dir.output
    as_file = CliRunner().invoke(main, ["check", str(ROOT / "corpus"), "--rules",
                                        str(RULES / "guterres-trip.toml")])
    assert as_file.exit_code == 1  # one rule file where a folder is expected works as a folder of one


def test_implausible_dates_never_reach_date_arithmetic(tmp_path: Path) -> None:
    (tmp_path / "far.txt").write_text(" date 9999-12-31 The UN chief will arrive tomorrow in Moscow.")
    (tmp_path / "good.txt").write_text(GOOD)
    report = json.loads(check(str(tmp_path)).output)
    assert [Path(s["path"]).name for s in report["skipped"]] == ["far.txt"]
    bad_option = CliRunner().invoke(main, ["check", str(tmp_path), "--rules", str(RULES), "--published", "0001-01-01"])
    assert bad_option.exit_code == 2 and "outside the years" in bad_option.output
