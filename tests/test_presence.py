"""Presence claims: where a person is on a given day. Two places on one day with no journey between them is a
conflict citing both; a travel day is not; a plan published before a report is a warning; `check --new` reports a
new article's clash. Made-up people and places, except where the bundled corpus is the acceptance case."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import regex
from click.testing import CliRunner
from conftest import check_json, statements_for, values_for

from factcheck import language
from factcheck.claims import RuleSet
from factcheck.cli import main
from factcheck.codec import decode_statement, encode_statement
from factcheck.kinds import presence
from factcheck.rules.load import load_rules

ROOT = Path(__file__).resolve().parent.parent
UNSEEN = Path(__file__).resolve().parent / "data" / "unseen"

RULES = """
[entities.reyko]
kind = "person"
name = "Tomas Reyko"
variants = ["Reyko"]
aliases = ["the envoy"]

[entities.velt]
kind = "person"
name = "Hana Velt"
variants = ["Velt"]

[entities.essberg]
kind = "place"
name = "Essberg"

[entities.lundmark]
kind = "place"
name = "Lundmark"
aliases = ["Essberg"]

[entities.karvonia]
kind = "place"
name = "Karvonia"
aliases = ["Port Ostrel"]

[[claims]]
id = "velt-meeting-date"
kind = "date"
who = "reyko"
event = "meeting"
with = "velt"
place = "essberg"
examples = [
  { text = "Reyko met Hana Velt on Tuesday.", published = "2024-05-08", value = "2024-05-07" },
  { text = "Velt spoke on Tuesday.", published = "2024-05-08", expect = "nothing" },
]

[[claims]]
id = "whereabouts"
kind = "presence"
title = "Where Reyko was"
who = "reyko"
places = ["lundmark", "karvonia"]
examples = [
  { text = "Reyko visited Port Ostrel on Tuesday.", published = "2024-05-08", value = "karvonia@2024-05-07" },
  { text = "Reyko left for Port Ostrel on Tuesday.", published = "2024-05-08", expect = "nothing" },
]
"""
IN_ESSBERG = "Envoy Tomas Reyko held talks with President Hana Velt in Essberg on Tuesday."
IN_PORT_OSTREL = "Tomas Reyko visited Port Ostrel on Tuesday, where he met dock workers and President Hana Velt."
TRAVEL_DAY = "Tomas Reyko met Hana Velt in Essberg on Tuesday morning and flew to Port Ostrel in the evening."


@pytest.fixture(scope="module")
def rules_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("rules")
    (folder / "reyko.toml").write_text(RULES)
    return folder


@pytest.fixture(scope="module")
def rules(rules_dir: Path) -> RuleSet:
    return load_rules(rules_dir)


def _corpus(folder: Path, articles: dict[str, tuple[str, str]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (published, text) in articles.items():
        (folder / f"{name}.txt").write_text(f" date {published}\n\n{text}\n")
    return folder


def _check(*args: str) -> tuple[int, dict]:
    return check_json(*args)


def _whereabouts(report: dict) -> list[dict]:
    return [f for f in report["findings"] if f["claim"] == "whereabouts"]


def test_two_places_on_one_day_are_a_conflict_citing_both(tmp_path: Path, rules_dir: Path) -> None:
    corpus = _corpus(tmp_path / "corpus", {"wire": ("2024-05-08", IN_ESSBERG), "daily": ("2024-05-09", IN_PORT_OSTREL)})
    status, report = _check(str(corpus), "--rules", str(rules_dir))
    assert status == 1
    (clash,) = [f for f in _whereabouts(report) if f["status"] == "conflict"]
    assert clash["title"] == "Where Reyko was: 2024-05-07"
    assert "Tomas Reyko" in clash["message"] and "2024-05-07" in clash["message"]
    assert "Lundmark (1 source: wire)" in clash["message"] and "Karvonia (1 source: daily)" in clash["message"]
    cited = {(s["article"], s["value"]) for s in clash["statements"]}
    assert cited == {("wire", "lundmark@2024-05-07"), ("daily", "karvonia@2024-05-07")}
    # Each statement says how its day and its place were read.
    wire = next(s for s in clash["statements"] if s["article"] == "wire")
    assert "Tuesday -> 2024-05-07" in wire["explanation"] and "'Essberg' (Lundmark)" in wire["explanation"]


def test_a_travel_day_puts_the_person_in_both_places(tmp_path: Path, rules_dir: Path) -> None:
    corpus = _corpus(tmp_path / "corpus", {"wire": ("2024-05-08", IN_ESSBERG), "daily": ("2024-05-08", TRAVEL_DAY)})
    status, report = _check(str(corpus), "--rules", str(rules_dir))
    assert status == 0
    (finding,) = _whereabouts(report)
    assert finding["status"] == "consistent"
    assert {s["value"] for s in finding["statements"]} == {"lundmark@2024-05-07", "karvonia@2024-05-07 (arrival)"}


def test_a_plan_published_before_a_report_is_a_warning(tmp_path: Path, rules_dir: Path) -> None:
    plan = "Tomas Reyko will visit Port Ostrel on Tuesday, May 7, his office said."
    corpus = _corpus(tmp_path / "corpus", {"preview": ("2024-05-02", plan), "wire": ("2024-05-08", IN_ESSBERG)})
    status, report = _check(str(corpus), "--rules", str(rules_dir))
    assert status == 0
    (finding,) = _whereabouts(report)
    assert finding["status"] == "warning"
    assert "schedule may have changed" in finding["message"] and "(preview)" in finding["message"]


def test_check_new_reports_the_new_articles_clash(tmp_path: Path, rules_dir: Path) -> None:
    corpus = _corpus(tmp_path / "corpus", {"wire": ("2024-05-08", IN_ESSBERG), "radio": ("2024-05-08", TRAVEL_DAY)})
    new = _corpus(tmp_path / "new", {"daily": ("2024-05-09", IN_PORT_OSTREL)}) / "daily.txt"
    status, report = _check(str(corpus), "--new", str(new), "--rules", str(rules_dir), "--no-db")
    assert status == 1
    (clash,) = _whereabouts(report)
    assert clash["status"] == "conflict" and report["new_articles"] == ["daily"]
    assert clash["statements"][0]["article"] == "daily"  # the new article's statement anchors the finding
    assert {s["article"] for s in clash["statements"][1:]} == {"wire", "radio"}


@pytest.mark.parametrize("text", [
    "Tomas Reyko said Hana Velt would visit Port Ostrel on Tuesday.",  # Velt's visit
    "Tomas Reyko left for Port Ostrel on Tuesday.",  # where he went, not where he left
    "Hana Velt told Tomas Reyko that the talks in Port Ostrel on Tuesday had failed.",  # told, not there
    "Tomas Reyko visited Port Ostrel and Essberg on Tuesday.",  # a journey through both, no day in one
    "Tomas Reyko met the Karvonia's ambassador on Tuesday.",  # a place named, but not where they met
    "Tomas Reyko did not visit Port Ostrel on Tuesday.",
    "Reyko's tour follows a week after Dalgaard met Hana Velt in Port Ostrel on Tuesday.",  # an unknown name
    # The place is only what the talks are about.
    "Tomas Reyko held talks with business leaders on Tuesday about the crisis in Port Ostrel.",
    "Tomas Reyko met foreign envoys on Tuesday to discuss the fighting in Port Ostrel.",
    # Held from afar.
    "Tomas Reyko held talks by video link with Hana Velt in Port Ostrel on Tuesday.",
    "Tomas Reyko called Hana Velt on Tuesday and held talks with her in Port Ostrel by phone.",
    "Tomas Reyko attended talks in Port Ostrel virtually on Tuesday.",
    # Someone else is the subject: a possessive, a name behind "by", an appositive.
    "Reyko's wife visited Port Ostrel on Tuesday.",
    "Reyko's foreign minister held talks in Port Ostrel on Tuesday.",
    "Hana Velt, Reyko's main rival, visited Port Ostrel on Tuesday.",
    "Anna Lind, Reyko's main rival, met the mayor in Port Ostrel on Tuesday.",
    "An envoy sent by Reyko met officials in Port Ostrel on Tuesday.",
    # A trip called off.
    "Tomas Reyko was to visit Port Ostrel on Tuesday but cancelled the trip because of the storm.",
    "Tomas Reyko had been due to visit Port Ostrel on Tuesday, but the trip was called off.",
])
def test_sentences_that_place_no_one(rules: RuleSet, text: str) -> None:
    assert values_for(rules, "whereabouts", text, "2024-05-08") == []


@pytest.mark.parametrize("text", [
    "Tomas Reyko held talks in Essberg on Tuesday on the war in Port Ostrel.",  # the second place is the topic
    "Tomas Reyko met exiles at the Karvonia embassy in Essberg on Tuesday.",  # the first qualifies the embassy
    "Tomas Reyko joined the summit in Essberg on Tuesday, weeks after the flooding in Port Ostrel.",
])
def test_a_meeting_has_one_venue_the_place_it_is_held_in(rules: RuleSet, text: str) -> None:
    assert values_for(rules, "whereabouts", text, "2024-05-08") == ["lundmark@2024-05-07"]


def test_a_possessive_owns_its_visit(rules: RuleSet) -> None:
    text = "Reyko's two-day visit to Port Ostrel began on Tuesday."
    assert values_for(rules, "whereabouts", text, "2024-05-08") == ["karvonia@2024-05-07"]


def test_a_clause_joined_by_and_keeps_its_subject(rules: RuleSet) -> None:
    text = "Tomas Reyko left Essberg on Monday, and held talks in Port Ostrel on Tuesday."
    assert values_for(rules, "whereabouts", text, "2024-05-08") == ["lundmark@2024-05-06 (departure)",
                                                                    "karvonia@2024-05-07"]


def test_a_bound_places_no_one_and_the_movement_is_kept(rules: RuleSet) -> None:
    text = "Tomas Reyko landed in Port Ostrel late on Tuesday after talks with Hana Velt in Essberg."
    assert values_for(rules, "whereabouts", text, "2024-05-08") == ["karvonia@2024-05-07 (arrival)"]


def test_a_rule_date_claim_places_its_event_where_the_rule_holds_it(rules: RuleSet) -> None:
    (item,) = statements_for(rules, "whereabouts", "Reyko's meeting with Hana Velt is set for Friday, May 10.",
                             "2024-05-08")
    assert item.value == "lundmark@2024-05-10" and item.extra["modality"] == "planned"
    assert "the rule's claim 'velt-meeting-date' holds this meeting in Essberg, in Lundmark" in item.explanation


def test_statements_come_back_from_json_as_they_were(rules: RuleSet) -> None:
    found = statements_for(rules, "whereabouts", TRAVEL_DAY, "2024-05-08")
    assert found
    kinds = {claim.id: claim.kind for claim in rules.claims}
    assert [decode_statement(encode_statement(s), kinds) for s in found] == found


def _cue_examples() -> list[tuple[str, str, bool]]:
    data = language.load("presence")
    return [("venue", e["text"], e["venue"]) for e in data["venue"]["examples"]] + \
        [("leading", e["text"], e["venue"]) for e in data["venue"]["leading_examples"]] + \
        [("addressee", e["text"], e["addressee"]) for e in data["subject"]["examples"]] + \
        [("shared", e["text"], e["shared"]) for e in data["subject"]["shared_examples"]] + \
        [("unknown", e["text"], e["unknown"]) for e in data["subject"]["unknown_examples"]] + \
        [("towards", e["text"], e["towards"]) for e in data["departure"]["examples"]] + \
        [("qualifier", e["text"], e["qualifier"]) for e in data["venue"]["qualifier_examples"]] + \
        [("remote", e["text"], e["remote"]) for e in data["remote"]["examples"]] + \
        [("cancelled", e["text"], e["cancelled"]) for e in data["cancelled"]["examples"]] + \
        [("governed", e["text"], e["governed"]) for e in data["subject"]["governed_examples"]] + \
        [("owned", e["text"], e["owned"]) for e in data["subject"]["owned_examples"]]


@pytest.mark.parametrize("cue,text,expected", _cue_examples(), ids=lambda v: str(v)[:30])
def test_language_data_examples(cue: str, text: str, expected: bool) -> None:
    test = {"venue": presence.is_venue, "leading": presence.leads_clause, "addressee": presence.is_addressee,
            "shared": presence.shares_subject, "towards": presence.is_destination,
            "qualifier": presence.is_qualifier, "remote": presence.is_remote, "cancelled": presence.is_cancelled,
            "governed": presence.is_governed, "owned": presence.owns_event,
            "unknown": lambda text: presence.subject_named(text) is not None}[cue]
    assert test(text) is expected


def test_the_documented_example_holds(tmp_path: Path) -> None:
    doc = (ROOT / "docs" / "rules.md").read_text()
    section = doc[doc.index('### `kind = "presence"`'):]
    block = regex.search(r"```toml\n(.*?)```", section, regex.S)
    assert block is not None
    shutil.copytree(ROOT / "tests" / "data" / "summit-rules", tmp_path / "rules")
    with (tmp_path / "rules" / "summit.toml").open("a") as rules_file:
        rules_file.write("\n" + block[1])
    result = CliRunner().invoke(main, ["rules", "test", str(tmp_path / "rules")])
    assert result.exit_code == 0, result.output
    assert result.output.count("whereabouts:") == 3


def test_the_bundled_corpus_puts_the_putin_meeting_against_the_kyiv_visit() -> None:
    status, report = _check(str(ROOT / "corpus"), "--rules", str(ROOT / "rules"))
    assert status == 1
    clashes = [f for f in _whereabouts(report) if f["status"] != "consistent"]
    assert [(f["status"], f["title"]) for f in clashes] == [("conflict", "Where Guterres was, day by day: 2022-04-28")]
    values = {s["article"]: s["value"] for s in clashes[0]["statements"] if s["value"] == "russia@2022-04-28"}
    assert values == {"004_5411c03a7f8b04e4": "russia@2022-04-28"}
    assert "Russia (1 source: 004_5411c03a7f8b04e4)" in clashes[0]["message"]
    # Both chains of evidence, each with every source that gives it.
    assert "Ukraine (3 sources: 000_d3c4dca9e3661920, 001_15ab6fc81d7eb95e, 002_5d6f030e8b6bd807)" \
        in clashes[0]["message"]


def test_real_articles_of_the_trip_put_the_un_chief_nowhere_twice() -> None:
    _, report = _check(str(UNSEEN / "guterres"), "--rules", str(ROOT / "rules"))
    (finding,) = _whereabouts(report)
    assert finding["status"] == "consistent", finding["message"]
    # The travel days are read as such: he left Moscow on the 26th and arrived in Ukraine on the 27th.
    assert {"russia@2022-04-26 (departure)", "ukraine@2022-04-27 (arrival)"} <= {s["value"] for s in
                                                                                  finding["statements"]}
