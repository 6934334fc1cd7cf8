"""`factcheck explain`: what was read in each sentence, and why a claim took or turned down a candidate."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from factcheck.cli import main

RULES = Path(__file__).resolve().parent / "data" / "summit-rules"


def run(*args: str):
    return CliRunner().invoke(main, ["explain", *args, "--rules", str(RULES)])


def test_explain_shows_readings_statements_and_reasons(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(" date 2023-03-14 Castellano will hold talks with Chancellor Matthias Brandt on Friday.\n\n"
                    "Norvik's President Adaeze Okafor met the chancellor on Monday.\n\n"
                    "The floods displaced 14,000 people and killed 212 people in Norvik.")
    result = run(str(path))
    assert result.exit_code == 0, result.output
    output = " ".join(result.output.split())
    assert "Friday -> 2023-03-17" in output
    assert "read brandt-meeting-date = 2023-03-17" in output
    assert "not read brandt-meeting-date: 'met' reports a meeting, but the sentence is not about castellano" in output
    assert "not read flood-death-toll: '14,000' belongs to the nearer 'displaced' (displaced)" in output
    assert "read flood-death-toll = 212" in output


def test_explain_lists_a_quantity_with_its_unit_as_the_claims_read_it(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(" date 2023-03-14 Norvik paid £640m for a 640m bridge over a gorge 1,200ft deep, "
                    "crossed at 80 km/h.")
    output = " ".join(run(str(path)).output.split())
    assert "£640m -> 640000000 pounds" in output
    assert "640m -> 640 m" in output and "1,200ft -> 366 m" in output and "80 km/h -> 80 km/h" in output
    assert "count 1 -> 1" not in output and "80 km -> 80000 m" not in output


def test_one_claim_only_and_unknown_claims(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(" date 2023-03-14 The floods killed 212 people in Norvik. Castellano met Brandt on Monday.")
    only = run(str(path), "--claim", "flood-death-toll")
    assert "flood-death-toll" in only.output and "brandt-meeting-date" not in only.output
    unknown = run(str(path), "--claim", "nope")
    assert unknown.exit_code == 2 and "no claim 'nope'" in unknown.output


def test_a_repeated_statement_is_shown_as_counted_once(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(" date 2023-03-14 The floods killed 212 people in Norvik.\n\n"
                    "Officials said on Monday that the floods killed 212 people in Norvik.\n")
    output = " ".join(run(str(path)).output.split())
    assert "read flood-death-toll = 212" in output
    assert "reads 212 again, as line 1 does: counted once" in output


def test_every_sentence_a_claims_words_reach_says_why_it_read_nothing(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(" date 2023-03-20 Castellano met Brandt in Valdora City on March 14.\n\n"
                    "Castellano met Brandt in Valdora City in March, aides said.\n\n"
                    "The floods in Norvik killed many people; a fund of $50,000 was set up for the dead.")
    output = " ".join(run(str(path)).output.split())
    assert ("not read brandt-meeting-date: 'met Brandt in Valdora City in March' reads 2023-03, which the article's "
            "day of this event (2023-03-14) says more precisely: counted once") in output
    assert ("not read flood-death-toll: 'killed' is here, but its only figures are sums of money, which a count "
            "does not read") in output
