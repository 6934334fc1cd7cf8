"""One slip, one finding in the count: a finding whose odd ones out are the very words of another's is grouped under
it, in every format and in the exit status; two slips in one sentence stay two."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.engine import check
from factcheck.findings import Decision
from factcheck.reviews import entry_for, save_reviews
from factcheck.rules.load import load_rules

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def newsroom(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    return tmp_path


def _json(newsroom: Path) -> dict:
    result = CliRunner().invoke(main, ["check", str(newsroom / "corpus"), "--rules", str(newsroom / "rules"),
                                       "--no-db", "--no-baseline", "--format", "json"])
    return json.loads(result.stdout)


def test_the_wrong_day_and_the_two_places_it_makes_are_one_slip(newsroom: Path) -> None:
    findings = _json(newsroom)["findings"]
    failing = [f for f in findings if f["status"] != "consistent"]
    (meeting,) = [f for f in failing if f["claim"] == "putin-meeting-date"]
    (where,) = [f for f in failing if f["claim"] == "whereabouts"]
    assert meeting["also"] == [f"whereabouts: {where['title']}"] and meeting["grouped_under"] is None
    assert where["grouped_under"] == f"putin-meeting-date: {meeting['title']}" and where["also"] == []
    assert failing.index(where) == failing.index(meeting) + 1  # it follows the finding it is grouped under


def test_two_misspelt_names_in_one_sentence_stay_two_findings(newsroom: Path) -> None:
    for spelt_wrong in ("000_d3c4dca9e3661920.txt", "002_5d6f030e8b6bd807.txt"):  # the bundled misspellings
        (newsroom / "corpus" / spelt_wrong).unlink()
    (newsroom / "corpus" / "005_two_slips.txt").write_text(
        " date 2022-04-27 In Moscow, Gutteres thanked his deputy spokesman Fahan Haq and Russian President Vladimir "
        "Putin on Wednesday.\n")
    names = [f for f in _json(newsroom)["findings"] if f["claim"] == "names" and f["status"] == "warning"]
    assert len(names) == 2 and all(f["grouped_under"] is None and f["also"] == [] for f in names)


def test_a_false_alarm_on_the_first_finding_passes_the_slip_it_groups(newsroom: Path) -> None:
    report = check([newsroom / "corpus"], load_rules(newsroom / "rules"))
    (meeting,) = [f for f in report.findings if f.claim == "putin-meeting-date"]
    save_reviews(newsroom / "reviews.toml",
                 {(e := entry_for(meeting, Decision("false alarm", "Ada Editor", dt.date(2026, 12, 1).isoformat(),
                                                    "the plan changed"))).fingerprint: e})
    result = CliRunner().invoke(main, ["check", str(newsroom / "corpus"), "--rules", str(newsroom / "rules"),
                                       "--no-db", "--no-baseline"])
    assert result.exit_code == 0, result.output  # the whereabouts conflict is that slip, decided with it


def test_the_terminal_counts_the_slip_once_and_links_both_ways(newsroom: Path) -> None:
    result = CliRunner().invoke(main, ["check", str(newsroom / "corpus"), "--rules", str(newsroom / "rules"),
                                       "--no-db", "--no-baseline"])
    assert result.exit_code == 1
    first = result.stdout.splitlines()[0]
    assert "1 conflict(s)" in first and "1 more finding(s) of the same slip(s)" in first
    assert "also: whereabouts: Where Guterres was, day by day: 2022-04-28 (the same slip, below)" in result.stdout
    assert "the same slip as putin-meeting-date: Day Guterres met Putin (above)" in result.stdout
    assert "✓ whereabouts (the rest: its other findings are above)" in result.stdout


def test_a_misspelt_name_inside_the_words_of_a_wrong_date_is_a_slip_of_its_own(newsroom: Path) -> None:
    (newsroom / "corpus" / "005_wrong_day.txt").write_text(
        " date 2022-04-29 Guterres met Russian President Vladimir Puttin in Moscow on Thursday, April 28.\n")
    failing = [f for f in _json(newsroom)["findings"] if f["status"] != "consistent"]
    (puttin,) = [f for f in failing if f["claim"] == "names" and "Putin" in f["title"]]
    assert puttin["grouped_under"] is None


def test_a_grouped_finding_confirmed_on_its_own_still_fails_the_run(newsroom: Path) -> None:
    report = check([newsroom / "corpus"], load_rules(newsroom / "rules"))
    (meeting,) = [f for f in report.findings if f.claim == "putin-meeting-date"]
    (where,) = [f for f in report.findings if f.grouped_under is not None]
    entries = [entry_for(meeting, Decision("accepted", "Ada Editor", "2026-12-01", "both right then")),
               entry_for(where, Decision("confirmed", "Ada Editor", "2026-12-01", "he was in Kyiv"))]
    save_reviews(newsroom / "reviews.toml", {e.fingerprint: e for e in entries})
    result = CliRunner().invoke(main, ["check", str(newsroom / "corpus"), "--rules", str(newsroom / "rules"),
                                       "--no-db", "--no-baseline"])
    assert result.exit_code == 1, result.output


def test_the_html_report_counts_the_slip_once_and_links_both_ways(newsroom: Path) -> None:
    result = CliRunner().invoke(main, ["check", str(newsroom / "corpus"), "--rules", str(newsroom / "rules"),
                                       "--no-db", "--no-baseline", "--format", "html"])
    page = result.stdout
    assert "<span>1 conflict(s)</span>" in page and "<span>1 more of the same slip(s)</span>" in page
    assert "Also: whereabouts: Where Guterres was, day by day: 2022-04-28 (the same slip, below)." in page
    assert "The same slip as putin-meeting-date: Day Guterres met Putin (above)." in page


def test_an_accepted_finding_is_said_not_failed_in_every_ci_format(newsroom: Path) -> None:
    report = check([newsroom / "corpus"], load_rules(newsroom / "rules"))
    (meeting,) = [f for f in report.findings if f.claim == "putin-meeting-date"]
    entry = entry_for(meeting, Decision("accepted", "Ada Editor", "2026-12-01", "the plan changed"))
    save_reviews(newsroom / "reviews.toml", {entry.fingerprint: entry})

    def run(fmt: str) -> str:
        result = CliRunner().invoke(main, ["check", str(newsroom / "corpus"), "--rules", str(newsroom / "rules"),
                                           "--no-db", "--no-baseline", "--format", fmt])
        assert result.exit_code == 0, result.output
        return result.stdout

    annotations = run("github").splitlines()
    assert not [line for line in annotations if line.startswith("::error")]
    (notice,) = [line for line in annotations if line.startswith("::notice") and "Day Guterres met Putin" in line]
    assert "Reviewed: accepted by Ada Editor on 2026-12-01: the plan changed" in notice
    assert 'failures="0"' in run("junit")
    sarif = json.loads(run("sarif"))
    (result,) = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "putin-meeting-date"]
    assert result["suppressions"][0]["justification"].startswith("accepted by Ada Editor")
    assert "| ☑️ accepted | Day Guterres met Putin |" in run("markdown")
    assert "1 finding(s) reviewed as accepted or a false alarm, no longer failing" in run("terminal").splitlines()[0]
    assert "### ☑️ accepted: Day Guterres met Putin" in run("markdown")


@pytest.mark.parametrize("lavrov_id", ["lavrov-meeting-date", "z-lavrov-meeting-date"])
def test_two_slips_of_two_articles_stay_two_findings_whatever_the_claims_are_called(tmp_path: Path,
                                                                                    lavrov_id: str) -> None:
    rules = (ROOT / "rules" / "guterres-trip.toml").read_text().replace('id = "lavrov-meeting-date"',
                                                                       f'id = "{lavrov_id}"')
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "trip.toml").write_text(rules)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    agreed = (" date 2022-04-30\nThe Secretary-General Antonio Guterres met Vladimir Putin in Moscow on April 26 for "
              "talks.\n\nLater, Guterres met Sergei Lavrov in Moscow on April 28 for lunch.\n")
    for name in ("a", "b", "c"):
        (corpus / f"{name}.txt").write_text(agreed)
    # One article bounds both meetings before the 27th (wrong for the Lavrov lunch); another dates Putin the 29th.
    (corpus / "d.txt").write_text(" date 2022-04-30\nAntonio Guterres met Vladimir Putin and Sergei Lavrov in Moscow "
                                  "before April 27 for talks.\n")
    (corpus / "e.txt").write_text(" date 2022-04-30\nAntonio Guterres met Vladimir Putin in Moscow on April 29 for "
                                  "talks.\n")
    result = CliRunner().invoke(main, ["check", str(corpus), "--rules", str(tmp_path / "rules"), "--no-db",
                                       "--no-baseline", "--format", "json"])
    conflicts = [f for f in json.loads(result.stdout)["findings"] if f["status"] == "conflict"]
    assert {f["claim"] for f in conflicts} >= {"putin-meeting-date", lavrov_id}
    assert all(f["grouped_under"] is None for f in conflicts)
