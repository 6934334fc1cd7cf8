"""Order claims: which of two events of one kind came first, each told apart by its place, on a made-up story."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex
from click.testing import CliRunner
from conftest import ROOT, finding_for, rules_of, values_for

from factcheck import language
from factcheck.claims import RuleSet
from factcheck.cli import main

_RULES = """
[entities.harbour]
kind = "place"
name = "Harbour Town"

[entities.elm]
kind = "place"
name = "Port Elm"

[[claims]]
id = "blasts-order"
kind = "order"
title = "Which blast came first"
event = "incident"
steps = ["harbour", "elm"]
examples = [
  { text = "A blast in Harbour Town, then Port Elm.", published = "2024-05-02", value = "Harbour Town, then Port Elm" },
  { text = "The bomb in Harbour Town killed 20 people.", published = "2024-05-02", expect = "nothing" },
]
"""

FIRST, SECOND, TOGETHER = ("Harbour Town, then Port Elm", "Port Elm, then Harbour Town",
                           "Harbour Town and Port Elm at about the same time")


@pytest.fixture(scope="module")
def rules(tmp_path_factory) -> RuleSet:
    return rules_of(tmp_path_factory.mktemp("order-rules"), _RULES, "blasts.toml")


@pytest.mark.parametrize("text,value", [
    ("The blast in Harbour Town came minutes before the one in Port Elm.", FIRST),
    ("The Harbour Town bomb went off moments before a Port Elm blast.", FIRST),
    ("The Port Elm blast was followed by a Harbour Town explosion.", SECOND),
    ("The Port Elm bomb went off ten minutes after the explosion in Harbour Town.", FIRST),
    ("A car bomb exploded in Port Elm, followed by a second blast in Harbour Town.", SECOND),
    ("After the blast in Port Elm, a second bomb exploded in Harbour Town.", SECOND),
    ("Police sealed the roads. After the blast in Port Elm, a second bomb went off in Harbour Town.", SECOND),
    ("Minutes after the blast in Port Elm, a second bomb went off in Harbour Town.", SECOND),
    ("Shortly before the blast in Port Elm, a bomb exploded in Harbour Town.", FIRST),
    ("The bomb in Harbour Town exploded at the market a year before the one in Port Elm.", ""),
    ("The blast in Port Elm, which killed 12, came minutes before the one in Harbour Town.", SECOND),
    ("Nearly simultaneous blasts hit Harbour Town and Port Elm on Friday.", TOGETHER),
    ("The two bombings came only minutes apart.", TOGETHER),
    ("The Port Elm bomb went off at the same moment as a blast in Harbour Town.", TOGETHER),
])
def test_the_order_of_two_events_as_news_tells_it(rules: RuleSet, text: str, value: str) -> None:
    assert values_for(rules, "blasts-order", text, "2024-05-02") == ([value] if value else [])


@pytest.mark.parametrize("text", [
    "The bomb in Harbour Town killed 20 people.",  # one step only
    "Blasts in Harbour Town and Port Elm killed 40 people.",  # both told, in no order
    "The then-mayor of Harbour Town said the blast in Port Elm was the worst.",  # 'then-' is no order word
    "The bomb in Port Elm was planted before dawn, like the one in Harbour Town.",  # the order of something else
    "The blast in Port Elm came after we had cleared the square in Harbour Town.",
    "The blast in Port Elm came shortly before Harbour Town police raised the alert.",
    "The Port Elm blast did not come before the one in Harbour Town.",  # denied
    "Police asked whether the Port Elm bomb went off before the one in Harbour Town.",  # questioned
    "Did the Port Elm bomb go off before the one in Harbour Town?",
    "Early reports wrongly said the blast in Port Elm came before the one in Harbour Town.",  # called wrong
    "The Port Elm blast was reported before the one in Harbour Town.",  # the order of another act
    "The Port Elm bomb was assembled before the one in Harbour Town.",
    "The Port Elm bombing ranks ahead of the one in Harbour Town as the deadliest.",  # a ranking
    "The blast in Port Elm came a year after the attack in Harbour Town.",  # another event, of another time
    "The blast in Port Elm came after the 2019 attack in Harbour Town.",
    "After the blast in Port Elm, police sealed Harbour Town.",  # what came after is no step's event
])
def test_no_order_is_read_where_the_words_give_none(rules: RuleSet, text: str) -> None:
    assert values_for(rules, "blasts-order", text, "2024-05-02") == []


@pytest.mark.parametrize("example", language.load("grammar")["event_order"]["examples"], ids=lambda ex: ex["text"])
def test_the_order_words_examples_hold(rules: RuleSet, example: dict) -> None:
    text = example["text"]
    first_told = "Harbour Town" if text.index("Harbour Town") < text.index("Port Elm") else "Port Elm"
    expected = {"none": [], "together": [TOGETHER],
                "forward": [FIRST if first_told == "Harbour Town" else SECOND],
                "reverse": [SECOND if first_told == "Harbour Town" else FIRST]}[example["order"]]
    assert values_for(rules, "blasts-order", text, "2024-05-02") == expected


def test_opposite_orders_conflict_and_the_same_time_agrees_with_either(rules: RuleSet) -> None:
    finding = finding_for(rules, [
        ("The blast in Harbour Town came minutes before the one in Port Elm.", "2024-05-02"),
        ("A car bomb exploded in Port Elm, followed by a second blast in Harbour Town.", "2024-05-02"),
    ], "blasts-order")
    assert finding.status == "conflict"
    assert "opposite orders" in finding.message
    agreeing = finding_for(rules, [
        ("The blast in Harbour Town came minutes before the one in Port Elm.", "2024-05-02"),
        ("Nearly simultaneous blasts hit Harbour Town and Port Elm on Friday.", "2024-05-03"),
    ], "blasts-order")
    assert agreeing.status == "consistent"


def test_an_article_that_gives_both_orders_contradicts_itself(rules: RuleSet) -> None:
    finding = finding_for(rules, [(
        "The blast in Harbour Town came minutes before the one in Port Elm. Later, officials said the Port Elm "
        "bomb went off first, minutes before the blast in Harbour Town.", "2024-05-02")], "blasts-order")
    assert finding.status == "conflict"
    assert "a0 contradicts itself" in finding.message


def test_the_documented_example_holds(tmp_path: Path) -> None:
    doc = (ROOT / "docs" / "rules.md").read_text()
    section = doc[doc.index('### `kind = "order"`'):]
    block = regex.search(r"```toml\n(.*?)```", section, regex.S)
    assert block is not None
    (tmp_path / "blasts.toml").write_text(block[1], encoding="utf-8")
    result = CliRunner().invoke(main, ["rules", "test", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.output.count("blasts-order:") == 4


_SPEECH_RULES = """
[entities.pryce]
kind = "person"
name = "Gordon Pryce"
variants = ["Pryce"]

[entities.solis]
kind = "person"
name = "Renata Solis"
variants = ["Solis"]

[[claims]]
id = "speech-order"
kind = "order"
title = "Who spoke first on election night"
steps = ["pryce", "solis"]
cues = ["conceded", "took the stage", "spoke"]
"""


@pytest.mark.parametrize("text,values", [
    # Each step an actor, its own event word right after it.
    ("Pryce conceded before Solis took the stage.", ["Gordon Pryce, then Renata Solis"]),
    ("Solis spoke after Pryce conceded in a short speech.", ["Gordon Pryce, then Renata Solis"]),
    ("Pryce conceded before Solis's aides arrived.", []),  # what came after is no step's event
    # The event word's own object, a word that describes an actor, an opening clause of its own.
    ("Pryce spoke at a packed town hall minutes before Solis took the stage.", ["Gordon Pryce, then Renata Solis"]),
    ("Pryce spoke at a packed Oldtown party rally seconds before Solis took the stage.",
     ["Gordon Pryce, then Renata Solis"]),
    ("Solis spoke first, before the weary Pryce conceded.", ["Renata Solis, then Gordon Pryce"]),
    ("After Pryce conceded, Solis took the stage.", ["Gordon Pryce, then Renata Solis"]),
    ("Pryce spoke to reporters who had waited before Solis took the stage.", []),
    ("After Pryce conceded in 2019, Solis took the stage.", []),  # another race
    ("Pryce spoke first, before the news that Solis conceded.", []),
])
def test_the_order_of_two_actors_events(tmp_path: Path, text: str, values: list[str]) -> None:
    assert values_for(rules_of(tmp_path, _SPEECH_RULES, "speech.toml"), "speech-order", text, "2025-06-11") == values
