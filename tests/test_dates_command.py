"""`factcheck dates`: every temporal expression with its value and how it was resolved."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from factcheck.cli import main


def run(*args: str):
    return CliRunner().invoke(main, ["dates", *args], catch_exceptions=False)


def test_json_lists_each_expression_with_offsets_into_the_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(" date 2023-03-14 The envoy flew in on Monday.\r\n\r\nShe will meet the chancellor on Friday, "
                    "two days after a visit to the coast, and leave next week.", encoding="utf-8")
    result = run(str(path), "--format", "json")
    assert result.exit_code == 0
    (entry,) = json.loads(result.output)
    assert (entry["path"], entry["published"]) == (str(path), "2023-03-14")
    with open(path, encoding="utf-8", newline="") as handle:
        content = handle.read()
    for timex in entry["timexes"]:
        assert content[timex["start"]:timex["end"]] == timex["text"]
    values = {t["text"]: (t["type"], t["value"]) for t in entry["timexes"]}
    assert values["Monday"] == ("DATE", "2023-03-13")
    assert values["Friday"] == ("DATE", "2023-03-17")
    assert values["next week"] == ("DATE", "2023-W12")
    assert all(t["explanation"].startswith(f"{t['text']} -> {t['value']}") for t in entry["timexes"])


def test_published_sets_and_overrides_the_reference_date(tmp_path: Path) -> None:
    (tmp_path / "plain.txt").write_text("It happened yesterday.")
    (tmp_path / "dated.txt").write_text(" date 2020-01-01 It happened yesterday.")
    entries = json.loads(run(str(tmp_path), "--published", "2023-03-14", "--format", "json").output)
    assert [(e["published"], e["timexes"][0]["value"]) for e in entries] == [("2023-03-14", "2023-03-13")] * 2


def test_table_highlights_the_text_and_explains_each_value(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(" date 2023-03-14 The envoy landed late Monday.")
    result = run(str(tmp_path / "a.txt"))
    assert result.exit_code == 0
    assert "late Monday[2023-03-13]" in result.output
    assert "END" in result.output and "weekday" in result.output


def test_unreadable_files_are_listed_and_only_nothing_usable_fails(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(" date 2023-03-14 Monday.")
    (tmp_path / "empty.txt").write_text("")
    entries = json.loads(run(str(tmp_path), "--format", "json").output)
    assert {e["path"].rsplit("/", 1)[-1]: e.get("skipped") for e in entries} == {"empty.txt": "empty file",
                                                                                 "good.txt": None}
    result = CliRunner().invoke(main, ["dates", str(tmp_path / "empty.txt")])
    assert result.exit_code == 2 and "empty file" in result.output


def test_without_a_publication_date_what_only_it_could_decide_is_unknown(tmp_path: Path) -> None:
    (tmp_path / "plain.txt").write_text("The summit opened on April 26, 2022, and the envoy left on 28 April, "
                                        "on Tuesday, three days ago, for two weeks.")
    (entry,) = json.loads(run(str(tmp_path / "plain.txt"), "--format", "json").output)
    assert entry["published"] is None
    values = {t["text"]: t["value"] for t in entry["timexes"]}
    assert values["April 26, 2022"] == "2022-04-26"
    assert values["28 April"] == "XXXX-04-28"
    assert values["Tuesday"] == "XXXX-WXX-2"
    assert values["three days ago"] == "XXXX-XX-XX"
    assert values["two weeks"] == "P2W"
