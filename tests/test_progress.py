"""Progress while articles are read: on a terminal's standard error only, never on standard output nor in a pipe,
and told by the library through a plain callable per article."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.cli import progress as progress_module
from factcheck.cli.progress import shows_progress
from factcheck.extraction import ReadOptions, extract_in_process, reading_given, reporting
from factcheck.rules.load import load_rules

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(("terminal", "quiet", "shown"), [
    (True, False, True), (True, True, False), (False, False, False), (False, True, False)])
def test_progress_is_shown_only_to_a_terminal_without_quiet(terminal: bool, quiet: bool, shown: bool) -> None:
    assert shows_progress(terminal, quiet) is shown


def check_args() -> list[str]:
    return ["--no-config", "check", str(ROOT / "corpus"), "--rules", str(ROOT / "rules"), "--format", "json",
            "--no-db", "--no-baseline"]


def test_a_piped_check_shows_no_progress(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, check_args())  # CliRunner's standard error is no terminal
    assert result.exit_code == 1
    assert "Reading articles" not in result.stderr and result.stderr == ""
    json.loads(result.stdout)


@pytest.fixture()
def a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress_module, "stderr_is_a_terminal", lambda: True)


@pytest.mark.usefixtures("a_terminal")
def test_on_a_terminal_check_shows_progress_on_standard_error_and_nothing_on_standard_output(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, check_args())
    assert result.exit_code == 1, result.output
    assert "Reading articles" in result.stderr and "5/5" in result.stderr and "articles/s" in result.stderr
    assert "Reading articles" not in result.stdout and "\x1b" not in result.stdout
    assert json.loads(result.stdout)["schema"] == "factcheck.report/1"
    quiet = CliRunner().invoke(main, [*check_args(), "--quiet"])
    assert "Reading articles" not in quiet.stderr and quiet.stdout == result.stdout


@pytest.mark.usefixtures("a_terminal")
def test_on_a_terminal_index_shows_progress_unless_quiet(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    args = ["--no-config", "index", str(tmp_path / "corpus"), "--rules", str(ROOT / "rules"),
            "--db", str(tmp_path / "index.db")]
    shown = CliRunner().invoke(main, args)
    assert shown.exit_code == 0, shown.output
    assert "Reading articles" in shown.stderr and "5/5" in shown.stderr and shown.stdout == ""
    (tmp_path / "index.db").unlink()
    quiet = CliRunner().invoke(main, [*args, "-q"])
    assert quiet.exit_code == 0 and "Reading articles" not in quiet.stderr and "holds 5 article(s)" in quiet.stderr


def test_the_library_tells_each_article_read_over_every_run() -> None:
    rules = load_rules(ROOT / "rules")
    told: list[tuple[int, int]] = []
    run = reporting(extract_in_process, lambda done, planned: told.append((done, planned)))
    files = sorted(str(p) for p in (ROOT / "corpus").glob("*.txt"))
    first = run(files[:3], rules, ReadOptions())
    assert told == [(0, 3)]  # planned as soon as a run is asked for, before anything is read
    assert [item.path for item in first] == files[:3]
    list(run(files[3:], rules, ReadOptions()))
    assert told == [(0, 3), (1, 3), (2, 3), (3, 3), (3, 5), (4, 5), (5, 5)]


def test_texts_given_in_memory_are_read_in_their_place_among_the_files() -> None:
    rules = load_rules(ROOT / "rules")
    files = sorted(str(p) for p in (ROOT / "corpus").glob("*.txt"))
    text = b" date 2024-05-02 The delegation of Valdora arrived in Essberg on Tuesday.\n"
    run = reading_given(extract_in_process, {"-": text})
    read = list(run([files[0], "-", files[1]], rules, ReadOptions()))
    assert [item.path for item in read] == [files[0], "-", files[1]]
    assert read[1].article is not None and (read[1].article.id, str(read[1].article.published)) == ("-", "2024-05-02")
    too_large = list(run(["-"], rules, ReadOptions(max_size=10)))
    assert too_large[0].article is None and "over the size limit of 10" in (too_large[0].skipped or "")
