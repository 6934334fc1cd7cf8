"""The terminal report's colour (--color, NO_COLOR, FORCE_COLOR) and wrapping: hanging indents at a terminal's width,
no line wrapped in a pipe or a file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.engine import check
from factcheck.formatters import Options, terminal, to_text
from factcheck.rules.load import load_rules

ROOT = Path(__file__).resolve().parent.parent
ESCAPE = "\x1b["
# An invented report of the bundled story that puts the meeting on another day, in a sentence longer than a
# narrow terminal.
LANDED = ("The UN chief met Russian President Vladimir Putin at the Kremlin on Thursday, April 28, in talks that ran "
          "late into the evening, a spokesman said.")


@pytest.fixture(autouse=True)
def newsroom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The bundled corpus and rules, and the invented report beside them, as the folder the tests run from."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    (tmp_path / "corpus" / "late-wire.txt").write_text(f" date 2022-04-29 Guterres in Moscow\n\n{LANDED}\n")
    return tmp_path


def _check(*args: str, env: dict[str, str] | None = None) -> str:
    result = CliRunner(env=env).invoke(main, ["check", "--no-db", "--no-baseline", *args])
    assert result.exit_code == 1, result.output
    return result.stdout


@pytest.mark.parametrize(("args", "env", "coloured"), [
    ((), {"NO_COLOR": None, "FORCE_COLOR": None}, False),  # a pipe: plain
    (("--color", "always"), {"NO_COLOR": None, "FORCE_COLOR": None}, True),
    ((), {"FORCE_COLOR": "1", "NO_COLOR": None}, True),  # FORCE_COLOR colours a pipe too
    ((), {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),  # NO_COLOR wins
    (("--color", "never"), {"FORCE_COLOR": "1", "NO_COLOR": None}, False),  # the option wins over both
    (("--color", "always", "--format", "json"), {"NO_COLOR": None, "FORCE_COLOR": None}, False),  # never in JSON
])
def test_colour_follows_the_option_then_no_color_then_force_color(args: tuple[str, ...], env: dict[str, str],
                                                                  coloured: bool) -> None:
    assert (ESCAPE in _check(*args, env=env)) is coloured


def test_no_color_means_no_escape_code_at_all_not_even_bold() -> None:
    assert "\x1b" not in _check(env={"NO_COLOR": "1", "FORCE_COLOR": None})


def test_a_pipe_gets_each_paragraph_on_one_line_whatever_columns_says() -> None:
    lines = _check(env={"COLUMNS": "40"}).splitlines()
    assert f"    “{LANDED}”" in lines  # the sentence whole on its line, as the article has it
    assert max(len(line) for line in lines) > 100


def test_a_terminal_wraps_at_its_width_with_hanging_indents(newsroom: Path) -> None:
    report = check([newsroom / "corpus"], load_rules(newsroom / "rules"))
    lines = to_text(terminal.write, report, Options(color=False, width=60)).splitlines()
    assert max(len(line) for line in lines) <= 60
    # The quote's later lines sit under its text, one space in from the opening quotation mark.
    start = next(i for i, line in enumerate(lines) if line.startswith(f"    “{LANDED[:20]}"))
    assert lines[start + 1].startswith("     ") and lines[start + 1][5] != " "
    assert " ".join(line.strip() for line in lines[start:start + 3]).startswith(f"“{LANDED}”")
