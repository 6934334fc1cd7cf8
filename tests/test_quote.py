"""Quote claims: who said a quotation, and the same words given to different speakers by different sources.

Every example of language/quotes.toml is run here; the stories are made up, so that nothing leans on the seed
articles."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import check_json

from factcheck import language
from factcheck.claims import Claim, RuleSet
from factcheck.cli import main
from factcheck.codec import decode_statement, encode_statement
from factcheck.findings import Statement
from factcheck.inputs.article import parse_article
from factcheck.kinds import registry
from factcheck.kinds.quote import likeness
from factcheck.readers.names import Entity
from factcheck.readers.quotes import normalise
from factcheck.readers.reading import read
from factcheck.rules.load import load_rules

RULES = """
[entities.brandt]
kind = "person"
name = "Matthias Brandt"
variants = ["Brandt"]
aliases = ["Valdoran Chancellor"]

[entities.okafor]
kind = "person"
name = "Lena Okafor"
variants = ["Okafor"]

[entities.valdora]
kind = "place"
name = "Valdora"

[[claims]]
id = "quotes"
kind = "quote"
title = "Who said it"
examples = [
  { text = "\\"The harbour stays open to all,\\" Okafor said.", published = "2023-03-14", value = "Lena Okafor" },
  { text = "Critics called it \\"a gift\\" on Monday.", published = "2023-03-14", expect = "nothing" },
]
"""


def _people(names: list[str]) -> RuleSet:
    entities = {name.split()[-1].lower(): Entity(name.split()[-1].lower(), "person", name, (name.split()[-1],))
                for name in names}
    claim = Claim("quotes", "quote", "Who said it", "example.toml", 1,
                  {key: spec.default for key, spec in registry()["quote"].keys.items()})
    return RuleSet(entities, (claim,), ("example.toml",))


def _statements(text: str, rules: RuleSet, published: str = "2023-03-14") -> list[Statement]:
    article = parse_article(text, "example.txt", override_published=dt.date.fromisoformat(published))
    return registry()["quote"].extract(read(article, rules), rules.claims[0], rules)


@pytest.mark.parametrize("example", language.load("quotes")["examples"], ids=lambda ex: ex["text"][:40])
def test_language_example(example: dict) -> None:
    rules = _people(["Matthias Brandt", "Lena Okafor"])
    found = _statements(example["text"], rules)
    if example.get("quotation"):
        found = [s for s in found if s.extra["quotation"] == example["quotation"]]
    if example["speaker"]:
        assert found and found[0].value == example["speaker"], [(s.value, s.explanation) for s in found]
    else:
        assert not found, [(s.value, s.explanation) for s in found]


def test_a_pronoun_says_whom_it_was_read_as() -> None:
    rules = _people(["Matthias Brandt", "Lena Okafor"])
    (found,) = _statements('Okafor spoke after the vote. "We have lost a battle, not the war," she said.', rules)
    assert found.value == "Lena Okafor"
    assert found.data.by_pronoun
    assert "'she' is read as Lena Okafor" in found.explanation


def test_the_same_words_are_alike_whatever_their_punctuation_and_a_cut_quotation_is_inside_the_whole() -> None:
    whole = normalise("We are extremely interested in a cease-fire — and in the safety of every civilian.")
    assert normalise("“WE are extremely interested in a ceasefire...”") in whole
    assert likeness(normalise("extremely interested in a ceasefire"), whole) == 1.0
    assert likeness(whole, normalise("extremely interested in a ceasefire")) == 1.0
    reworded = normalise("We are very much interested in a ceasefire and the safety of civilians.")
    assert 0.5 <= likeness(reworded, whole) < 0.8
    other = normalise("We are not interested in talks with the other side at all.")
    assert likeness(other, whole) < 0.5


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "valdora.toml").write_text(RULES, encoding="utf-8")
    (tmp_path / "corpus").mkdir()
    return tmp_path


def _write(newsroom: Path, name: str, date: str, body: str) -> None:
    (newsroom / "corpus" / f"{name}.txt").write_text(f"date {date}\n\n{body}\n", encoding="utf-8")


def _check(newsroom: Path, *args: str) -> tuple[int, dict]:
    return check_json(str(newsroom / "corpus"), "--rules", str(newsroom / "rules"), "--no-db", *args)


def _quote_findings(report: dict) -> list[dict]:
    return [f for f in report["findings"] if f["claim"] == "quotes"]


BASE = ("Chancellor Matthias Brandt met Lena Okafor in Valdora on Monday. \"We are extremely interested in a "
        "ceasefire that lets the fishing fleets go back to sea,\" Brandt told reporters.")


def test_the_same_remark_given_to_two_speakers_is_a_conflict(newsroom: Path) -> None:
    _write(newsroom, "gazette", "2023-03-14", BASE)
    _write(newsroom, "courier", "2023-03-15", "Okafor met Brandt in Valdora. Okafor said the country was "
                                              "\"extremely interested in a ceasefire that lets the fishing fleets go "
                                              "back to sea.\"")
    code, report = _check(newsroom)
    (finding,) = _quote_findings(report)
    assert code == 1 and finding["status"] == "conflict"
    assert {v["value"]: v["articles"] for v in finding["values"]} == {"Matthias Brandt": ["gazette"],
                                                                      "Lena Okafor": ["courier"]}
    assert "different speakers" in finding["message"]


def test_a_remark_given_to_another_speaker_only_through_a_pronoun_is_a_warning(newsroom: Path) -> None:
    _write(newsroom, "gazette", "2023-03-14", BASE)
    _write(newsroom, "courier", "2023-03-15", "Lena Okafor arrived in Valdora on Monday.\n\n\"We are extremely "
                                              "interested in a ceasefire that lets the fishing fleets go back to "
                                              "sea,\" she said.")
    code, report = _check(newsroom)
    (finding,) = _quote_findings(report)
    assert code == 0 and finding["status"] == "warning"
    assert "rests on a pronoun" in finding["message"]


def test_one_speakers_remark_worded_differently_is_a_paraphrase_warning(newsroom: Path) -> None:
    _write(newsroom, "gazette", "2023-03-14", BASE)
    _write(newsroom, "courier", "2023-03-15", "Brandt met Okafor in Valdora. \"We are very interested in any "
                                              "ceasefire that would let the fishing fleets return to sea,\" Brandt "
                                              "said.")
    _, report = _check(newsroom)
    (finding,) = _quote_findings(report)
    assert finding["status"] == "warning"
    assert "Matthias Brandt's words differ between sources" in finding["message"]


def test_the_same_remark_to_the_same_speaker_is_consistent(newsroom: Path) -> None:
    _write(newsroom, "gazette", "2023-03-14", BASE)
    _write(newsroom, "courier", "2023-03-15", "Brandt met Okafor in Valdora. \"We are extremely interested in a "
                                              "ceasefire,\" said Chancellor Matthias Brandt.")
    code, report = _check(newsroom)
    (finding,) = _quote_findings(report)
    assert code == 0 and finding["status"] == "consistent"
    assert "1 remark(s) quoted by more than one source" in finding["message"]


def test_check_new_reports_a_new_article_giving_a_published_remark_to_someone_else(newsroom: Path) -> None:
    _write(newsroom, "gazette", "2023-03-14", BASE)
    _write(newsroom, "herald", "2023-03-14", BASE.replace("Brandt told", "the chancellor, Matthias Brandt, told"))
    _write(newsroom, "draft", "2023-03-16", "Okafor and Brandt met in Valdora. \"We are extremely interested in a "
                                            "ceasefire that lets the fishing fleets go back to sea,\" Okafor wrote.")
    code, report = _check(newsroom, "--new", str(newsroom / "corpus" / "draft.txt"))
    (finding,) = _quote_findings(report)
    assert code == 1 and finding["status"] == "conflict"
    assert finding["statements"][0]["article"] == "draft"
    assert {s["article"] for s in finding["statements"]} == {"draft", "gazette", "herald"}


def test_check_new_gives_the_pronoun_as_the_reason_of_its_warning(newsroom: Path) -> None:
    _write(newsroom, "gazette", "2023-03-14", BASE)
    _write(newsroom, "draft", "2023-03-15", "Lena Okafor arrived in Valdora on Monday.\n\n\"We are extremely "
                                            "interested in a ceasefire that lets the fishing fleets go back to "
                                            "sea,\" she said.")
    code, report = _check(newsroom, "--new", str(newsroom / "corpus" / "draft.txt"))
    (finding,) = _quote_findings(report)
    assert code == 0 and finding["status"] == "warning"
    assert "pronoun" in finding["message"] and "schedule" not in finding["message"]


def test_quote_statements_come_back_from_the_store_as_they_were(newsroom: Path) -> None:
    _write(newsroom, "gazette", "2023-03-14", BASE)
    rules = load_rules(newsroom / "rules")
    article = parse_article((newsroom / "corpus" / "gazette.txt").read_text(), "gazette.txt")
    statements = registry()["quote"].extract(read(article, rules), rules.claims[0], rules)
    assert statements
    assert [decode_statement(encode_statement(s), {"quotes": "quote"}) for s in statements] == statements


def test_the_claims_examples_run(newsroom: Path) -> None:
    result = CliRunner().invoke(main, ["rules", "test", str(newsroom / "rules")])
    assert result.exit_code == 0, result.output
    assert "2 passed, 0 failed" in result.output


REMARK = "we are extremely interested in a ceasefire that lets the fishing fleets go back to sea"


@pytest.mark.parametrize("courier", [
    f"Okafor echoed Brandt's words, saying \"{REMARK}.\"",
    f"\"{REMARK.capitalize()},\" Okafor said, repeating the chancellor's words from the day before.",
    f"Okafor, quoting the summit declaration, said \"{REMARK}.\"",
    f"\"{REMARK.capitalize()},\" Okafor said in a statement read out by her spokesman.",
])
def test_words_echoed_or_read_out_by_a_second_speaker_are_a_warning(newsroom: Path, courier: str) -> None:
    _write(newsroom, "gazette", "2023-03-14", BASE)
    _write(newsroom, "courier", "2023-03-15", f"Okafor met Brandt in Valdora. {courier}")
    code, report = _check(newsroom)
    (finding,) = _quote_findings(report)
    assert code == 0 and finding["status"] == "warning"
    assert "repeated or read out" in finding["message"]
    courier_statement = next(s for s in finding["statements"] if s["article"] == "courier")
    assert "may be repeated or read out" in courier_statement["explanation"]


@pytest.mark.parametrize("courier", [
    f"Okafor met Brandt in Valdora. \"When the chancellor told me '{REMARK}', I believed him,\" Okafor said.",
    f"Okafor met Brandt in Valdora. ``When the chancellor told me `{REMARK},' I believed him,'' Okafor said.",
], ids=["single quotes", "wire copy"])
def test_words_a_speaker_quotes_in_single_quotes_are_not_theirs(newsroom: Path, courier: str) -> None:
    _write(newsroom, "gazette", "2023-03-14", BASE)
    _write(newsroom, "courier", "2023-03-15", courier)
    code, report = _check(newsroom)
    (finding,) = _quote_findings(report)
    assert code == 0 and finding["status"] == "consistent"


def test_a_question_put_to_a_speaker_is_not_their_remark(newsroom: Path) -> None:
    question = "will you resign if the fishing fleets cannot go back to sea next month?"
    _write(newsroom, "gazette", "2023-03-14", f"Okafor met Brandt in Valdora on Monday. \"{question.capitalize()}\" "
                                              "Okafor asked in parliament.")
    _write(newsroom, "courier", "2023-03-15", f"Okafor met Brandt in Valdora on Monday. Asked \"{question}\", "
                                              "Brandt said he would not.")
    code, report = _check(newsroom)
    assert code == 0
    assert all(f["status"] == "consistent" for f in _quote_findings(report))
    assert "Matthias Brandt" not in {s["value"] for f in _quote_findings(report) for s in f["statements"]}


@pytest.mark.parametrize("courier,status", [
    # One word more inside the marks: not the same words, though the same remark.
    ("Brandt said Valdora was \"extremely interested in the ceasefire.\"", "warning"),
    # Cut short, or with words left out and marked so: the speaker's words as the first source gives them.
    ("Brandt said Valdora was \"extremely interested in a ceasefire.\"", "consistent"),
    ("\"We are ... interested in a ceasefire,\" Brandt said.", "consistent"),
    # The same words in another house style: a compound written as two words.
    ("\"We are extremely interested in a cease fire that lets the fishing fleets go back to sea,\" Brandt said.",
     "consistent"),
])
def test_one_speakers_words_must_be_word_for_word_the_same_in_every_source(newsroom: Path, courier: str,
                                                                           status: str) -> None:
    _write(newsroom, "gazette", "2023-03-14", BASE)
    _write(newsroom, "courier", "2023-03-15", f"Brandt met Okafor in Valdora. {courier}")
    _, report = _check(newsroom)
    (finding,) = _quote_findings(report)
    assert finding["status"] == status
    if status == "warning":
        assert "not word for word the same" in finding["message"]


@pytest.mark.parametrize("pair", language.load("quotes")["folding"]["examples"], ids=lambda pair: pair[0])
def test_one_word_in_two_house_spellings_is_compared_as_one(pair: list[str]) -> None:
    assert normalise(pair[0]) == normalise(pair[1])


@pytest.mark.parametrize("pair", language.load("quotes")["folding"]["not_examples"], ids=lambda pair: pair[0])
def test_a_word_is_not_folded_onto_another(pair: list[str]) -> None:
    assert normalise(pair[0]) != normalise(pair[1])


def test_a_remark_in_two_house_styles_is_word_for_word_the_same() -> None:
    british = normalise("Our defences will hold for two more days, and the long-term plan stays, the centre says.")
    american = normalise("Our defenses will hold for 2 more days, and the long term plan stays, the center says.")
    assert british.replace(" ", "") == american.replace(" ", "")
    assert likeness(british, american) >= 0.8


def test_wire_copy_quotation_marks_open_and_close_a_quotation() -> None:
    rules = _people(["Matthias Brandt"])
    (said,) = _statements("``The harbour stays open to every ship,'' Brandt said on Monday.", rules)
    assert said.value == "Matthias Brandt"
    assert said.extra["quotation"] == "The harbour stays open to every ship,"
