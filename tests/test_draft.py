"""`factcheck rules draft` and `check --draft`, as a user runs them on a corpus of invented news: a ferry that sank
off Port Ostrel in Valdora, told by five outlets, one of which gives another day and one of which misspells the
minister's name once."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from factcheck import language
from factcheck.cli import main
from factcheck.drafting import names
from factcheck.inputs.article import parse_article
from factcheck.readers.text import split_sentences

ARTICLES = {
    "harbour-wire.txt": """ date 2024-03-15

PORT OSTREL, Valdora -- A passenger ferry sank off Port Ostrel on Wednesday, killing 14 people, the coast guard said.
The Selka Star capsized in heavy seas shortly after leaving the harbour with 46 passengers on board.
Rescuers pulled 32 passengers from the water, officials in Port Ostrel said.
Interior Minister Ilse Marrow said the search would go on through the night.
Marrow met harbour officials on Thursday to discuss the inquiry.
Tomas Eider, the harbour master, said the injured were flown to Lanholm.
The cause of the sinking was not yet known.
""",
    "valdora-daily.txt": """ date 2024-03-15

A ferry sank off the coast of Valdora on Wednesday, leaving 14 people dead.
The vessel went down near Port Ostrel in a storm, according to witnesses.
Ilse Marrow, the interior minister, said 32 passengers had been rescued.
Marrow told reporters that divers were still searching the wreck.
Survivors were taken to a hospital in Lanholm, Tomas Eider said.
Families gathered at the harbour in Port Ostrel to wait for news.
""",
    "coastal-times.txt": """ date 2024-03-16

Fourteen people were killed when a ferry sank off Port Ostrel on Wednesday.
The boat capsized minutes after it left the harbour, survivors said.
Coast guard crews rescued 32 passengers from the cold water.
Interior Minister Ilse Marrow visited the harbour in Port Ostrel on Thursday.
Marrow said an inquiry would report within a month.
""",
    # The odd one out: Tuesday for the sinking, and the minister's name misspelt once.
    "north-post.txt": """ date 2024-03-15

A ferry carrying 46 passengers sank off Port Ostrel on Tuesday, killing 14 people.
Boats from Valdora's navy joined the search in the afternoon.
Interior Minister Ilse Marow said 32 passengers had been pulled alive from the sea.
Marrow said the ferry had passed its last inspection.
Relatives waited in Port Ostrel through the night.
""",
    "evening-star.txt": """ date 2024-03-15

A ferry sank off Port Ostrel in Valdora on Wednesday evening, and 14 people died.
Rescuers saved 32 passengers after the boat overturned in rough seas.
Ilse Marrow, Valdora's interior minister, said she grieved with the families.
Marrow met the ferry company's managers on Thursday, her office said.
The harbour in Port Ostrel stayed closed on Thursday.
""",
}
SINKING = "2024-03-13"  # the Wednesday before publication, as four of the five articles date it
ODD_DAY = "2024-03-12"  # north-post's Tuesday
SLIP = "Ilse Marow"


def invoke(*args: str) -> Result:
    """The command line as a user runs it, without any project settings around the test."""
    return CliRunner().invoke(main, ["--no-config", *args], catch_exceptions=False)


@dataclass(frozen=True)
class Drafted:
    corpus: Path
    rules: Path  # the folder the draft was written into
    result: Result  # of `rules draft CORPUS -o rules/story.toml --explain`

    @property
    def file(self) -> Path:
        return self.rules / "story.toml"

    @property
    def toml(self) -> dict[str, Any]:
        return tomllib.loads(self.file.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> Drafted:
    root = tmp_path_factory.mktemp("ferry")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    result = invoke("rules", "draft", str(corpus), "-o", str(root / "rules" / "story.toml"), "--explain")
    assert result.exit_code == 0, result.output
    return Drafted(corpus, root / "rules", result)


@pytest.fixture(scope="module")
def report(drafted: Drafted) -> dict[str, Any]:
    """`check CORPUS --rules rules --format json` on the draft as it was written."""
    result = invoke("check", str(drafted.corpus), "--rules", str(drafted.rules), "--format", "json", "--no-baseline")
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def _claims(toml: dict[str, Any], kind: str, **options: str) -> list[dict[str, Any]]:
    return [c for c in toml.get("claims", []) if c["kind"] == kind and all(c.get(k) == v for k, v in options.items())]


def _by_name(toml: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {entity["name"]: {**entity, "id": entity_id} for entity_id, entity in toml["entities"].items()}


# 1. The draft is a rule file the other commands take as it is.

def test_the_draft_passes_rules_check_and_rules_test_and_check_runs_it(drafted: Drafted) -> None:
    assert drafted.file.is_file()
    assert f"into {drafted.file}" in drafted.result.stderr
    checked = invoke("rules", "check", str(drafted.rules))
    assert checked.exit_code == 0, checked.output
    tested = invoke("rules", "test", str(drafted.rules))
    assert tested.exit_code == 0, tested.output
    assert " 0 failed" in tested.stdout
    run = invoke("check", str(drafted.corpus), "--rules", str(drafted.rules), "--no-baseline")
    assert run.exit_code in (0, 1), run.output
    assert "Traceback" not in run.output and f"{len(ARTICLES)} article(s) read" in run.stdout


# 2. Names: the people and places of two articles or more, their spellings, the slip left for the spelling claim.

def test_the_draft_names_the_people_and_places_of_two_articles_or_more(drafted: Drafted) -> None:
    entities = _by_name(drafted.toml)
    assert {(name, e["kind"]) for name, e in entities.items()} >= {
        ("Ilse Marrow", "person"), ("Tomas Eider", "person"),
        ("Port Ostrel", "place"), ("Valdora", "place"), ("Lanholm", "place")}
    assert "Selka Star" not in entities  # the ferry is named in one article only
    marrow = entities["Ilse Marrow"]
    assert "Marrow" in marrow.get("variants", [])
    assert SLIP not in marrow.get("variants", [])  # written once, a letter off: a slip, not a spelling


def test_the_spelling_claim_flags_the_slip_in_the_report(drafted: Drafted, report: dict[str, Any]) -> None:
    assert _claims(drafted.toml, "spelling")
    flagged = [s for f in report["findings"] if f["kind"] == "spelling" and f["status"] != "consistent"
               for s in f["statements"]]
    assert [(s["article"], s["text"]) for s in flagged] == [("north-post", SLIP)]


# 3. The day of the sinking, its examples taken from the corpus, and the odd article's other day.

def test_a_date_claim_for_the_sinking_with_examples_from_the_corpus(drafted: Drafted) -> None:
    (claim,) = _claims(drafted.toml, "date", event="incident")
    examples = claim["examples"]
    assert len(examples) == 2
    published = {" ".join(text.split()[2:]): text.split()[1] for text in ARTICLES.values()}
    for example in examples:
        dates = {date for body, date in published.items() if example["text"] in body}
        assert str(example["published"]) in dates, example  # a sentence of an article published that day
    assert [e.get("value") for e in examples] == [SINKING, None]
    assert examples[1]["expect"] == "nothing"


def test_the_report_finds_the_article_that_gives_another_day(drafted: Drafted, report: dict[str, Any]) -> None:
    (claim,) = _claims(drafted.toml, "date", event="incident")
    (finding,) = [f for f in report["findings"] if f["claim"] == claim["id"]]
    assert finding["status"] in ("conflict", "warning")
    assert {(v["value"], tuple(v["articles"])) for v in finding["values"]} == {
        (SINKING, ("coastal-times", "evening-star", "harbour-wire", "valdora-daily")), (ODD_DAY, ("north-post",))}


def test_the_one_who_gives_the_toll_is_not_drafted_as_killed(tmp_path: Path) -> None:
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text(" date 2024-03-15\n\nA ferry sank off Port Ostrel on Wednesday, killing "
                                              "14 people, Interior Minister Ilse Marrow said.\n", encoding="utf-8")
    result = invoke("rules", "draft", str(tmp_path))
    assert result.exit_code == 0, result.output
    toml = tomllib.loads(result.stdout)
    # The day is drafted once, of the event told of no one (the sinking, or the killing: one reading of the sentence).
    assert _claims(toml, "date", event="killed") or _claims(toml, "date", event="incident")
    assert not _claims(toml, "date", event="killed", who=_by_name(toml)["Ilse Marrow"]["id"])


# 4. What cannot be drafted exits 2 with the reason.

def test_min_sources_beyond_the_corpus_exits_2_with_a_clear_message(drafted: Drafted) -> None:
    result = invoke("rules", "draft", str(drafted.corpus), "--min-sources", "9")
    assert result.exit_code == 2
    assert "Traceback" not in result.output and not result.stdout
    assert "--min-sources 9 is more than the 5 article(s)" in result.stderr


def test_an_empty_folder_exits_2_with_the_reason(tmp_path: Path) -> None:
    result = invoke("rules", "draft", str(tmp_path))
    assert result.exit_code == 2
    assert f"no usable article in {tmp_path}" in result.stderr and not result.stdout


def test_a_folder_of_no_article_exits_2_and_says_what_was_skipped(tmp_path: Path) -> None:
    (tmp_path / "NOTES.md").write_text("Notes on the ferry story, without a date.\n", encoding="utf-8")
    result = invoke("rules", "draft", str(tmp_path), "-o", str(tmp_path / "rules" / "story.toml"))
    assert result.exit_code == 2
    assert f"skipped {tmp_path / 'NOTES.md'}: no publication date" in result.stderr
    assert "no usable article" in result.stderr
    assert not (tmp_path / "rules" / "story.toml").exists()


def test_skipped_inputs_are_listed_beside_a_draft(drafted: Drafted, tmp_path: Path) -> None:
    notes = tmp_path / "NOTES.md"
    notes.write_text("Notes on the ferry story, without a date.\n", encoding="utf-8")
    result = invoke("rules", "draft", str(drafted.corpus), str(notes))
    assert result.exit_code == 0, result.output
    assert f"skipped {notes}: no publication date" in result.stderr
    assert result.stdout.startswith("# Rules drafted")


# 5. --explain cites the sentences.

_CITATION = re.compile(r"^    (?P<path>\S+):(?P<line>\d+):(?P<column>\d+): (?P<rest>.*)$")


def test_explain_cites_where_every_entity_and_claim_comes_from(drafted: Drafted) -> None:
    out = drafted.result.stdout  # with -o, the explanation is on standard output
    assert "entity " in out and "claim " in out
    files = {str(drafted.corpus / name): text.splitlines() for name, text in ARTICLES.items()}
    cited = 0
    form = ""
    for line in out.splitlines():
        if line.startswith(("entity ", "claim ")):
            form = ""
        elif re.match(r"^  '.*': \d+ article", line):
            form = line.strip().rsplit(":", 1)[0][1:-1]
        elif match := _CITATION.match(line):
            at = files[match["path"]][int(match["line"]) - 1][int(match["column"]) - 1:]
            # an entity's citation points at the form; a claim's at the words it read (quoted first)
            quoted = re.match(r"^(['\"])(.*?)\1 in ", match["rest"])
            expected = form or (quoted[2] if quoted else None)
            assert expected and at.startswith(expected), line
            cited += 1
    assert cited >= 10
    assert f"{drafted.corpus / 'north-post.txt'}:5:19: Interior Minister {SLIP} said" in out


# 6. Beside an existing rule file, the draft takes other ids.

def test_a_draft_beside_a_rule_file_takes_other_ids(drafted: Drafted, tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "earlier.toml").write_text('[entities.marrow]\nkind = "person"\nname = "Ilse Marrow"\n\n'
                                        '[[claims]]\nid = "incident-date"\nkind = "date"\ntitle = "Day the ferry '
                                        'sank"\nevent = "incident"\n', encoding="utf-8")
    result = invoke("rules", "draft", str(drafted.corpus), "-o", str(rules / "story.toml"))
    assert result.exit_code == 0, result.output
    toml = tomllib.loads((rules / "story.toml").read_text(encoding="utf-8"))
    assert "marrow" not in toml["entities"]
    marrow = _by_name(toml)["Ilse Marrow"]["id"]
    assert all(c["id"] != "incident-date" for c in toml["claims"])
    assert _claims(toml, "date", event="incident")  # still drafted, under another id
    assert {c["who"] for c in toml["claims"] if "who" in c} == {marrow}
    checked = invoke("rules", "check", str(rules))
    assert checked.exit_code == 0, checked.output
    assert "2 file(s)" in checked.stdout


# 7. check --draft.

def test_check_draft_says_the_rules_are_a_draft(drafted: Drafted) -> None:
    result = invoke("check", "--draft", str(drafted.corpus), "--no-baseline")
    assert result.exit_code in (0, 1), result.output
    assert "read against the rules in a draft of the corpus" in result.stdout
    assert "the rules are a draft of the corpus" in result.stdout  # among the report's notes
    assert "incident-date" in result.stdout


def test_check_draft_in_json_is_a_report_of_the_draft(drafted: Drafted, report: dict[str, Any]) -> None:
    result = invoke("check", "--draft", str(drafted.corpus), "--no-baseline", "--format", "json")
    assert result.exit_code in (0, 1), result.output
    drafted_report = json.loads(result.stdout)
    assert drafted_report["schema"] == report["schema"]
    assert [(f["claim"], f["status"]) for f in drafted_report["findings"]] == [
        (f["claim"], f["status"]) for f in report["findings"]]  # the draft as `rules draft` writes it
    assert drafted_report["warnings"][0].startswith("the rules are a draft of the corpus")


def test_check_draft_json_report_itself_says_the_rules_are_a_draft(drafted: Drafted) -> None:
    result = invoke("check", "--draft", str(drafted.corpus), "--no-baseline", "--format", "json")
    report = json.loads(result.stdout)
    assert "draft" in json.dumps({k: v for k, v in report.items() if k not in ("findings", "articles")})


@pytest.mark.parametrize("extra", [["--rules", "elsewhere"], ["--new", "north-post.txt"]], ids=["rules", "new"])
def test_check_draft_refuses_what_contradicts_it(drafted: Drafted, extra: list[str]) -> None:
    if extra[0] == "--new":
        extra = ["--new", str(drafted.corpus / extra[1])]
    result = invoke("check", "--draft", str(drafted.corpus), *extra)
    assert result.exit_code == 2
    assert "--draft" in result.stderr and not result.stdout


def test_check_draft_on_no_article_says_why(tmp_path: Path) -> None:
    (tmp_path / "NOTES.md").write_text("Notes on the ferry story, without a date.\n", encoding="utf-8")
    result = invoke("check", "--draft", str(tmp_path))
    assert result.exit_code == 2
    assert "no publication date" in result.output


# 8. The examples of language/drafting.toml hold.

def _sightings(text: str) -> list[names.Sighting]:
    article = parse_article(text, "example.txt", override_published=dt.date(2024, 3, 15))
    sentences = split_sentences(article.text, article.body_start)
    return names.sightings(article, sentences, names.Vocabulary.of([(article, sentences)]))


_DRAFTING = language.load("drafting")
_KIND_EXAMPLES = [(example["text"], kind, example[kind]) for example in _DRAFTING["kinds"]["examples"]
                  for kind in ("person", "place", "organisation") if kind in example]


@pytest.mark.parametrize("example", _DRAFTING["names"]["examples"], ids=lambda e: e["text"][:40])
def test_names_example(example: dict[str, Any]) -> None:
    assert {s.form for s in _sightings(example["text"])} == set(example["names"])


@pytest.mark.parametrize("text,kind,form", _KIND_EXAMPLES, ids=[f"{k}:{f}" for _, k, f in _KIND_EXAMPLES])
def test_kinds_example(text: str, kind: str, form: str) -> None:
    seen = [s for s in _sightings(text) if s.form == form]
    assert seen, f"{form!r} is not read as a name"
    assert all(kind in s.hints for s in seen), [(s.form, s.hints) for s in seen]


# 9. Determinism.

def test_drafting_twice_writes_the_same_bytes(drafted: Drafted) -> None:
    first = drafted.file.read_bytes()
    again = invoke("rules", "draft", str(drafted.corpus), "-o", str(drafted.file))  # over itself: no id taken
    assert again.exit_code == 0, again.output
    assert drafted.file.read_bytes() == first
    printed = invoke("rules", "draft", str(drafted.corpus))  # on standard output, the same text
    assert printed.stdout.encode("utf-8") == first


def test_two_runs_write_the_same_draft_whatever_the_hash_seed(tmp_path: Path) -> None:
    """Values read by as many articles each (a tie) are listed in one order, so that a draft diffs cleanly."""
    corpus = tmp_path / "tie"
    corpus.mkdir()
    for name, day, toll in (("a", "2024-03-14", "14"), ("b", "2024-03-14", "14"), ("c", "2024-03-16", "15"),
                            ("d", "2024-03-16", "15")):
        (corpus / f"{name}.txt").write_text(
            f" date {day}\n\nA ferry sank off Port Ostrel on Wednesday, killing {toll} people, Interior Minister "
            "Ilse Marrow said.\n\nMarrow said the search for survivors would go on.\n", encoding="utf-8")
    drafts = set()
    for seed in ("1", "2", "3", "4", "5"):
        run = subprocess.run([sys.executable, "-m", "factcheck", "rules", "draft", str(corpus)], capture_output=True,
                             env={**os.environ, "PYTHONHASHSEED": seed}, check=False)
        assert run.returncode == 0, run.stderr
        drafts.add(run.stdout)
    assert len(drafts) == 1
