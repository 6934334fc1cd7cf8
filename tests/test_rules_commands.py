"""`factcheck rules check` and `factcheck rules test`, as a rule author runs them."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from factcheck.cli import main
from factcheck.rules.load import load_rules

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str):
    return CliRunner().invoke(main, ["rules", *args])


def test_the_bundled_rules_are_valid_and_their_examples_hold() -> None:
    checked = run("check", str(ROOT / "rules"))
    assert checked.exit_code == 0 and "valid" in checked.output
    tested = run("test", str(ROOT / "rules"))
    assert tested.exit_code == 0, tested.output
    assert tested.output.splitlines()[-1].endswith(" passed, 0 failed")


def test_three_mistakes_give_three_located_errors(tmp_path: Path) -> None:
    (tmp_path / "trip.toml").write_text(
        '[entities.envoy]\nname = "Ana Ruiz"\n\n'
        '[[claims]]\nid = "arrival"\nkind = "date"\nwho = "envoy"\nevnt = "arrival"\n\n'
        '[[claims]]\nid = "toll"\nkind = "count"\ncounted = "people"\nevent = "killed"\n\n'
        '[[claims]]\nid = "order"\nkind = "sequence"\nwho = "envoy"\nstops = ["envoy"]\ncues = ["(unclosed"]\n')
    result = run("check", str(tmp_path))
    assert result.exit_code == 2
    errors = [line for line in result.output.splitlines() if line.startswith(str(tmp_path))]
    assert errors == [
        f"{tmp_path / 'trip.toml'}:8:1: claim 'arrival': unknown key 'evnt' for kind date (did you mean 'event'?)",
        f"{tmp_path / 'trip.toml'}:13:1: claim 'toll': 'counted': must be a list of strings, not str",
        f"{tmp_path / 'trip.toml'}:21:19: claim 'order': 'cues': invalid regular expression '(unclosed': "
        "missing ) at position 9",
    ]


def test_a_changed_expectation_fails_with_a_readable_difference(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    path = tmp_path / "rules" / "guterres-trip.toml"
    path.write_text(path.read_text().replace('value = "2022-04-25" }', 'value = "2022-04-24" }', 1))
    result = run("test", str(tmp_path / "rules"))
    assert result.exit_code == 1
    assert "FAIL" in result.output
    assert "- expected:  2022-04-24" in result.output and "+ read:      2022-04-25" in result.output
    assert "how:" in result.output
    examples = sum(len(claim.examples) for claim in load_rules(tmp_path / "rules").claims)
    assert result.output.splitlines()[-1] == f"{examples - 1} passed, 1 failed"


def test_duplicate_claim_ids_across_files_and_an_empty_folder(tmp_path: Path) -> None:
    claim = '[entities.a]\nname = "Ana Ruiz"\n\n[[claims]]\nid = "same"\nkind = "spelling"\n'
    (tmp_path / "one.toml").write_text(claim)
    (tmp_path / "two.toml").write_text(claim.replace("entities.a", "entities.b"))
    result = run("check", str(tmp_path))
    assert result.exit_code == 2
    assert f"{tmp_path / 'two.toml'}:5:1: duplicate claim id 'same' (first defined at {tmp_path / 'one.toml'}:4)" \
        in result.output
    (tmp_path / "empty").mkdir()
    empty = run("check", str(tmp_path / "empty"))
    assert empty.exit_code == 2 and "no rule files (*.toml)" in empty.output


def test_a_pattern_that_backtracks_catastrophically_is_an_error_naming_its_claim(tmp_path: Path) -> None:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "r.toml").write_text(
        '[entities.a]\nname = "Ana Ruiz"\n\n[[claims]]\nid = "slow"\nkind = "date"\nwho = "a"\nevent = "meeting"\n'
        'cues = ["(a|aa)+b"]\n')
    (tmp_path / "a.txt").write_text(" date 2023-03-14 Ana Ruiz met " + "a" * 60 + "c on Monday.")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "a.txt"), "--rules", str(tmp_path / "rules")])
    assert result.exit_code == 2
    assert "claim 'slow': a pattern took longer than 2 s on one match" in result.output


def test_a_since_with_a_time_of_day_is_refused(tmp_path: Path) -> None:
    (tmp_path / "toll.toml").write_text(
        '[[claims]]\nid = "toll"\nkind = "count"\ncounted = ["people"]\nevent = "killed"\n'
        'since = 2022-02-24T10:00:00\n')
    result = run("check", str(tmp_path))
    assert result.exit_code == 2
    assert "'since': must be a date YYYY-MM-DD, not a date and time" in result.output


def test_an_event_told_by_its_cues_alone_needs_cues(tmp_path: Path) -> None:
    (tmp_path / "find.toml").write_text(
        '[[claims]]\nid = "found"\nkind = "date"\n\n[[claims]]\nid = "dug-up"\nkind = "date"\n'
        'cues = ["dug up the (?:rifle|gun)"]\nexamples = [{ text = "Police dug up the rifle on Monday.", '
        'published = "2023-03-15", value = "2023-03-13" }, { text = "Police found a knife on Monday.", '
        'published = "2023-03-15", expect = "nothing" }]\n')
    result = run("check", str(tmp_path))
    assert result.exit_code == 2
    assert f"{tmp_path / 'find.toml'}:1:1: claim 'found': 'event' (or 'cues') is required for kind date" in \
        result.output
    (tmp_path / "find.toml").write_text((tmp_path / "find.toml").read_text().split("\n\n", 1)[1])
    assert run("test", str(tmp_path)).exit_code == 0


def test_rules_inside_a_hidden_parent_folder_are_still_read(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "rules", tmp_path / ".checkout" / "rules")
    (tmp_path / ".checkout" / "rules" / ".draft").mkdir()
    (tmp_path / ".checkout" / "rules" / ".draft" / "broken.toml").write_text("not toml = = =")
    result = run("check", str(tmp_path / ".checkout" / "rules"))
    assert result.exit_code == 0, result.output


def test_examples_with_the_same_text_are_located_on_their_own_lines(tmp_path: Path) -> None:
    (tmp_path / "trip.toml").write_text(
        '[entities.envoy]\nname = "Ana Ruiz"\n\n[[claims]]\nid = "arrival"\nkind = "date"\nwho = "envoy"\n'
        'event = "arrival"\nexamples = [\n'
        '  { text = "Ruiz flew in.", published = "2023-05-03", expect = "nothing" },\n'
        '  { text = "Ruiz flew in.", published = "2023-13-03", expect = "nothing" },\n]\n')
    result = run("check", str(tmp_path))
    assert result.exit_code == 2
    assert f"{tmp_path / 'trip.toml'}:11:13: claim 'arrival': example 2: 'published' must be a date" in result.output


def test_every_invalid_cue_is_reported_at_its_fault(tmp_path: Path) -> None:
    (tmp_path / "trip.toml").write_text(
        '[entities.envoy]\nname = "Ana Ruiz"\n\n[[claims]]\nid = "order"\nkind = "sequence"\nwho = "envoy"\n'
        'stops = ["envoy"]\n' + r'''cues = ["(unclosed", "\\bok\\b", "\\w+(x", 'lit\d(']''' + "\n")
    result = run("check", str(tmp_path))
    assert result.exit_code == 2
    faults = [line.split(": claim")[0].rsplit(":", 2)[1:] for line in result.output.splitlines() if "cues" in line]
    # Each column is where the missing ")" belongs: just before the closing quote of its pattern.
    assert faults == [["9", "19"], ["9", "41"], ["9", "51"]]


def test_mistakes_inside_inline_entity_tables_are_located(tmp_path: Path) -> None:
    (tmp_path / "trip.toml").write_text(
        '# people and places\n\n[entities]\nenvoy = { name = "Ana Ruiz", knd = "person" }\n'
        'city = { name = "Lisbon", kind = "plaice" }\n')
    result = run("check", str(tmp_path))
    assert result.exit_code == 2
    located = sorted(line.split(": entity")[0].rsplit(":", 2)[1:] for line in result.output.splitlines()
                     if ": entity" in line)
    assert located == [["4", "30"], ["5", "27"]]
