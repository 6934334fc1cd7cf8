"""The rules the tutorial in docs/rules.md builds still do what the tutorial shows."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from factcheck.cli import main
from factcheck.engine import check
from factcheck.rules.load import load_rules

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "docs" / "tutorial"
ARTICLES = ROOT / "tests" / "data" / "unseen" / "railcrash"


def test_the_tutorial_rules_examples_hold() -> None:
    result = CliRunner().invoke(main, ["rules", "test", str(RULES)])
    assert result.exit_code == 0, result.output


def test_the_tutorial_report_is_the_one_it_shows() -> None:
    report = check([ARTICLES], load_rules(RULES))
    statuses = {(f.claim, f.title): f.status for f in report.findings}
    assert statuses == {
        ("crash-date", "Day the trains collided"): "conflict",
        ("minister-visits", "Order of the minister's visits"): "conflict",
        ("names", "Spelling of names: Irina Mekhta"): "warning",
        ("names", "Spelling of names: Teodor Valisch"): "warning",
        ("death-toll", "People killed in the Korvel collision"): "consistent",
    }
    crash = next(f for f in report.findings if f.claim == "crash-date")
    assert {g.value: g.articles for g in crash.values} == {
        "2023-11-12": ("afp-2023-11-13", "ap-2023-11-13", "istercourier-2023-11-15"),
        "2023-11-13": ("lrv-2023-11-14",)}
    assert [s.path.rsplit("/", 1)[-1] for s in report.skipped] == ["NOTES.md"]


def test_the_tutorial_draft_is_the_one_it_shows(tmp_path: Path) -> None:
    """Step 0: the draft of the railcrash articles, its examples and its report, as docs/rules.md shows them."""
    draft = tmp_path / "my-rules" / "korvel.toml"
    runner = CliRunner()
    drafted = runner.invoke(main, ["rules", "draft", str(ARTICLES), "-o", str(draft)])
    assert drafted.exit_code == 0, drafted.output
    assert "NOTES.md: no publication date" in drafted.stderr
    assert "11 entities and 8 claims drafted from 4 article(s)" in drafted.stderr
    tested = runner.invoke(main, ["rules", "test", str(draft.parent)])
    assert tested.exit_code == 0 and "15 passed, 0 failed" in tested.stdout, tested.output
    report = check([ARTICLES], load_rules(draft.parent))
    statuses = {(f.claim, f.title): f.status for f in report.findings if f.status != "consistent"}
    assert statuses == {
        ("incident-date", "Day of the attack or accident"): "conflict",
        ("name-spelling", "Spelling of the names of the people: Irina Mekhta"): "warning",
        ("name-spelling", "Spelling of the names of the people: Teodor Valisch"): "warning",
    }
    incident = next(f for f in report.findings if f.claim == "incident-date")
    assert {g.value: g.articles for g in incident.values} == {
        "2023-11-12": ("afp-2023-11-13", "ap-2023-11-13", "istercourier-2023-11-15"),
        "2023-11-13": ("lrv-2023-11-14",)}
    entities = load_rules(draft.parent).entities
    assert entities["mekhta"].name == "Irina Mekhta" and "Irena Mehta" not in entities["mekhta"].variants
