"""Title claims: a person's role as the articles state it, against the roles the rules accept for them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from factcheck.cli import main
from factcheck.codec import decode_statement, encode_statement
from factcheck.extraction import extract
from factcheck.inputs.article import load_corpus
from factcheck.readers import titles
from factcheck.rules.load import load_rules

RULES = """
[entities.marrow]
kind = "person"
name = "Ilse Marrow"
variants = ["Marrow"]
aliases = ["Valdoran Interior Minister"]

[entities.valisch]
kind = "person"
name = "Teodor Valisch"
variants = ["Valisch"]

[entities.valdora]
kind = "place"
name = "Valdora"

[entities.lesovia]
kind = "place"
name = "Lesovia"

[[claims]]
id = "marrow-title"
kind = "title"
title = "Marrow's office"
who = "marrow"
accepted = ["Valdoran interior minister", "Valdora's chief of police"]
examples = [
  { text = "Interior Minister Ilse Marrow opened the bridge.", published = "2024-03-14", value = "interior minister" },
  { text = "Marrow met Lesovian President Teodor Valisch.", published = "2024-03-14", expect = "nothing" },
]
"""

AGREEING = {
    "a.txt": "Valdoran Interior Minister Ilse Marrow met Teodor Valisch in Lesovia on Monday.",
    "b.txt": "Ilse Marrow, Valdora's interior minister, thanked Teodor Valisch on Monday.",
    "c.txt": "Teodor Valisch welcomed the minister, Ilse Marrow, and Lesovia's police chief on Monday.",
}


def _folder(tmp_path: Path, articles: dict[str, str]) -> tuple[Path, Path]:
    rules, corpus = tmp_path / "rules", tmp_path / "corpus"
    rules.mkdir()
    corpus.mkdir()
    (rules / "story.toml").write_text(RULES, encoding="utf-8")
    for name, text in articles.items():
        (corpus / name).write_text(f" date 2024-03-14 {text}\n", encoding="utf-8")
    return corpus, rules


def _check(tmp_path: Path, articles: dict[str, str], *options: str) -> tuple[Result, dict]:
    corpus, rules = _folder(tmp_path, articles)
    result = CliRunner().invoke(main, ["check", str(corpus), "--rules", str(rules), "--format", "json", "--no-db",
                                       *options])
    report = json.loads(result.stdout)
    return result, next(f for f in report["findings"] if f["claim"] == "marrow-title")


@pytest.mark.parametrize("example", titles.examples(), ids=lambda ex: ex["text"][:40])
def test_role_example(example: dict) -> None:
    text, name = example["text"], example["name"]
    start = text.index(name)
    read = [r for r in titles.read_roles(text, 0, len(text), start, start + len(name)) if r.role is not None]
    if example["role"] == "nothing":
        assert not read, [r.role for r in read]
    else:
        assert [(r.role.describe(), r.how) for r in read if r.role] == [(example["role"], example["how"])]


@pytest.mark.parametrize("example", titles.demonym_examples(), ids=lambda ex: f"{ex['adjective']}-{ex['place']}")
def test_a_countrys_adjective_names_it(example: dict) -> None:
    assert (titles.place_stem(example["adjective"], example["place"]) > 0) is example["same"]


def _one_office(a: str, b: str) -> bool:
    first, second = titles.parse_role(a), titles.parse_role(b)
    assert first is not None and second is not None, (a, b)
    fields = set(first.fields), set(second.fields)
    return titles.offices_agree(first.office, second.office) and first.ranks == second.ranks and fields[0] == fields[1]


@pytest.mark.parametrize("pair", titles.heads_examples(), ids=lambda pair: pair[0])
def test_a_generic_head_is_the_office_that_heads_something(pair: list[str]) -> None:
    assert _one_office(*pair)


@pytest.mark.parametrize("pair", titles.heads_examples("not_examples"), ids=lambda pair: pair[0])
def test_a_generic_head_is_no_office_of_another_rank_or_field(pair: list[str]) -> None:
    assert not _one_office(*pair)


@pytest.mark.parametrize("short", [
    "Valdora's police commissioner Ilse Marrow met Teodor Valisch on Tuesday.",
    "Ilse Marrow, the government's interior chief, met Teodor Valisch on Tuesday.",  # a minister of that field
])
def test_a_role_shortened_to_a_chief_agrees_with_the_accepted_office(tmp_path: Path, short: str) -> None:
    result, finding = _check(tmp_path, {**AGREEING, "d.txt": short})
    assert finding["status"] == "consistent", finding["message"]


def test_roles_written_differently_that_agree_are_consistent(tmp_path: Path) -> None:
    result, finding = _check(tmp_path, AGREEING)
    assert result.exit_code == 0
    assert finding["status"] == "consistent"
    values = {s["article"]: s["value"] for s in finding["statements"]}
    assert values == {"a": "interior minister (Valdora)", "b": "interior minister (Valdora)", "c": "minister"}


def test_another_office_for_the_same_person_is_a_conflict_citing_the_accepted_roles(tmp_path: Path) -> None:
    wrong = "Lesovia's envoy met Valdoran Defence Minister Ilse Marrow and Teodor Valisch on Tuesday."
    result, finding = _check(tmp_path, {**AGREEING, "d.txt": wrong})
    assert result.exit_code == 1
    assert finding["status"] == "conflict"
    assert "'defence minister (Valdora)' (d)" in finding["message"]
    assert "'interior minister (Valdora)' (a, b)" in finding["message"]
    (statement,) = [s for s in finding["statements"] if s["article"] == "d"]
    assert statement["text"] == "Valdoran Defence Minister Ilse Marrow"
    assert "not among the roles the rules accept" in statement["explanation"]


@pytest.mark.parametrize("wrong", [
    "Lesovian Interior Minister Ilse Marrow met Teodor Valisch on Tuesday.",  # another country's minister
    "Deputy Interior Minister Ilse Marrow met Teodor Valisch on Tuesday.",  # another rank
    "Ilse Marrow, Valdora's president, met Teodor Valisch on Tuesday.",  # another office
])
def test_a_role_that_differs_in_country_rank_or_office_is_another_role(tmp_path: Path, wrong: str) -> None:
    _, finding = _check(tmp_path, {**AGREEING, "d.txt": wrong})
    assert finding["status"] == "conflict"
    assert [s["article"] for s in finding["statements"] if "not among" in s["explanation"]] == ["d"]


def test_a_role_read_only_behind_a_comma_is_a_warning(tmp_path: Path) -> None:
    fuzzy = "After meeting the defence minister, Ilse Marrow flew to Lesovia to see Teodor Valisch."
    _, finding = _check(tmp_path, {**AGREEING, "d.txt": fuzzy})
    assert finding["status"] == "warning"
    assert "behind a comma" in finding["message"]


def test_roles_of_other_people_and_former_roles_are_not_read(tmp_path: Path) -> None:
    others = {
        "d.txt": "Ilse Marrow met Lesovian President Teodor Valisch on Tuesday.",
        "e.txt": "Ilse Marrow hosted Teodor Valisch, Lesovia's defence minister, on Tuesday.",
        "f.txt": "Former Valdoran Foreign Minister Ilse Marrow met Teodor Valisch on Tuesday.",
        "g.txt": "The talks were hosted by Ilse Marrow, the Lesovian president said of Teodor Valisch.",
    }
    _, finding = _check(tmp_path, {**AGREEING, **others})
    assert finding["status"] == "consistent"
    assert {s["article"] for s in finding["statements"]} == {"a", "b", "c"}


def test_a_new_articles_other_role_is_reported_against_the_published_ones(tmp_path: Path) -> None:
    wrong = "Valdoran Foreign Minister Ilse Marrow met Teodor Valisch on Tuesday."
    result, finding = _check(tmp_path, {**AGREEING, "d.txt": wrong}, "--new", str(tmp_path / "corpus" / "d.txt"))
    assert result.exit_code == 1
    assert finding["status"] == "conflict"
    assert finding["statements"][0]["article"] == "d"
    assert "d says foreign minister (Valdora)" in finding["message"]


def test_title_statements_come_back_from_the_store_as_they_were(tmp_path: Path) -> None:
    corpus, rules = _folder(tmp_path, AGREEING)
    rule_set = load_rules(rules)
    kinds = {claim.id: claim.kind for claim in rule_set.claims}
    statements = [s for article in load_corpus([corpus])[0] for s in extract(article, rule_set)
                  if s.claim == "marrow-title"]
    assert len(statements) == 3
    assert [decode_statement(encode_statement(s), kinds) for s in statements] == statements


def test_a_title_claim_needs_the_roles_it_accepts(tmp_path: Path) -> None:
    corpus, rules = _folder(tmp_path, AGREEING)
    (rules / "story.toml").write_text(RULES.replace('accepted = ["Valdoran interior minister", '
                                                    '"Valdora\'s chief of police"]\n', ""), encoding="utf-8")
    result = CliRunner().invoke(main, ["rules", "check", str(rules)])
    assert result.exit_code == 2
    assert "accepted" in result.output + result.stderr


def test_an_accepted_role_that_names_no_office_is_an_error_not_silence(tmp_path: Path) -> None:
    corpus, rules = _folder(tmp_path, AGREEING)
    (rules / "story.toml").write_text(RULES.replace('"Valdora\'s chief of police"', '"Valdora\'s strongwoman"'),
                                      encoding="utf-8")
    result = CliRunner().invoke(main, ["rules", "check", str(rules)])
    assert result.exit_code == 2
    assert "'Valdora's strongwoman' names no office" in result.output + result.stderr


@pytest.mark.parametrize("other", [
    "Ilse Marrow, meeting Lesovia's defence minister in Dravnik, spoke on Tuesday.",
    "Ilse Marrow, speaking alongside Lesovia's president, spoke on Tuesday.",
    "Ilse Marrow, welcoming Lesovia's president, spoke on Tuesday.",
    "Ilse Marrow, like Lesovia's president, spoke on Tuesday.",
    "Ilse Marrow, unlike Lesovia's president, spoke on Tuesday.",
    "Ilse Marrow, citing Lesovia's president, spoke on Tuesday.",
    "Ilse Marrow, alongside Lesovia's president, spoke on Tuesday.",
])
def test_another_persons_role_in_a_phrase_after_the_name_is_not_read(tmp_path: Path, other: str) -> None:
    _, finding = _check(tmp_path, {**AGREEING, "d.txt": other})
    assert finding["status"] == "consistent"
    assert "d" not in {s["article"] for s in finding["statements"]}


def test_first_describes_the_person_unless_it_ranks_an_office(tmp_path: Path) -> None:
    first = "Ilse Marrow, Valdora's first female interior minister, opened the bridge on Tuesday."
    _, finding = _check(tmp_path, {**AGREEING, "d.txt": first})
    assert finding["status"] == "consistent"
    assert [s["value"] for s in finding["statements"] if s["article"] == "d"] == ["interior minister (Valdora)"]


@pytest.mark.parametrize("rank", ["General", "Gen.", "Lt. Col.", "Admiral"])
def test_a_military_rank_before_the_name_is_no_office(tmp_path: Path, rank: str) -> None:
    ranked = f"{rank} Ilse Marrow, Valdora's interior minister, met Teodor Valisch on Tuesday."
    _, finding = _check(tmp_path, {**AGREEING, "d.txt": ranked})
    assert finding["status"] == "consistent"
    assert [s["value"] for s in finding["statements"] if s["article"] == "d"] == ["interior minister (Valdora)"]


@pytest.mark.parametrize("past", [
    "Ilse Marrow, once Lesovia's defence minister, met Teodor Valisch on Tuesday.",
    "Ilse Marrow, formerly Lesovia's defence minister, met Teodor Valisch on Tuesday.",
    "Ilse Marrow, previously Lesovia's defence minister, met Teodor Valisch on Tuesday.",
    "Ilse Marrow, the ousted defence minister, met Teodor Valisch on Tuesday.",
    "Deposed Defence Minister Ilse Marrow met Teodor Valisch on Tuesday.",
    "Teodor Valisch remembered the late Defence Minister Ilse Marrow on Tuesday.",
    "Ilse Marrow, Lesovia's defence minister in the 1990s, met Teodor Valisch on Tuesday.",
])
def test_a_role_the_person_held_once_is_not_their_office_now(tmp_path: Path, past: str) -> None:
    _, finding = _check(tmp_path, {**AGREEING, "d.txt": past})
    assert finding["status"] == "consistent"
    assert "d" not in {s["article"] for s in finding["statements"]}


def test_an_outgoing_holder_still_holds_the_office(tmp_path: Path) -> None:
    outgoing = "Outgoing Valdoran Interior Minister Ilse Marrow met Teodor Valisch on Tuesday."
    _, finding = _check(tmp_path, {**AGREEING, "d.txt": outgoing})
    assert finding["status"] == "consistent"
    assert [s["value"] for s in finding["statements"] if s["article"] == "d"] == ["interior minister (Valdora)"]


def test_a_role_in_capitals_is_read_as_its_words(tmp_path: Path) -> None:
    shouted = "VALDORAN DEPUTY INTERIOR MINISTER ILSE MARROW MET TEODOR VALISCH ON TUESDAY."
    _, finding = _check(tmp_path, {**AGREEING, "d.txt": shouted})
    assert finding["status"] == "conflict"
    assert [s["value"] for s in finding["statements"] if s["article"] == "d"] == ["deputy interior minister (Valdora)"]


def test_a_country_adjective_names_the_place_it_is_the_adjective_of(tmp_path: Path) -> None:
    corpus, rules = _folder(tmp_path, {"a.txt": AGREEING["a.txt"]})
    (rules / "story.toml").write_text(RULES + '\n[entities.valdor]\nkind = "place"\nname = "Valdor"\n',
                                      encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(corpus), "--rules", str(rules), "--format", "json", "--no-db"])
    finding = next(f for f in json.loads(result.stdout)["findings"] if f["claim"] == "marrow-title")
    assert [s["value"] for s in finding["statements"]] == ["interior minister (Valdora)"]


def test_the_person_of_a_title_claim_must_be_a_person(tmp_path: Path) -> None:
    corpus, rules = _folder(tmp_path, AGREEING)
    (rules / "story.toml").write_text(RULES.replace('who = "marrow"', 'who = "valdora"'), encoding="utf-8")
    result = CliRunner().invoke(main, ["rules", "check", str(rules)])
    assert result.exit_code == 2
    assert "'valdora' is a place, not a person" in result.output + result.stderr


def test_reading_roles_looks_only_near_each_mention(monkeypatch: pytest.MonkeyPatch) -> None:
    """A long sentence with many mentions is read in time proportional to its length, not to its square."""
    read: list[int] = []
    pattern = titles._TOKEN

    class Counting:
        def finditer(self, text: str, start: int, end: int):  # type: ignore[no-untyped-def]
            for match in pattern.finditer(text, start, end):
                read.append(1)
                yield match

    monkeypatch.setattr(titles, "_TOKEN", Counting())
    text = "Marrow met officials from many places and regions, " * 400 + "."
    mentions = [m.start() for m in __import__("re").finditer("Marrow", text)]
    for start in mentions:
        titles.read_roles(text, 0, len(text), start, start + len("Marrow"))
    assert len(read) < 100 * len(mentions)



def test_a_department_after_the_office_is_its_field_capitalised_or_not(tmp_path: Path) -> None:
    assert titles.parse_role("Secretary of State") == titles.parse_role("secretary of state") == \
        titles.parse_role("state secretary")
    assert titles.parse_role("Treasury Secretary") == titles.parse_role("treasury secretary")
    assert titles.parse_role("Treasury Secretary") != titles.parse_role("Secretary of State")
    _, finding = _check(tmp_path, {**AGREEING, "d.txt": "Valdoran Minister of the Interior Ilse Marrow spoke."})
    assert finding["status"] == "consistent"


def test_a_prosecutors_office_is_not_the_attorney_generals() -> None:
    assert titles.parse_role("U.S. Attorney") is not None
    assert titles.parse_role("District Attorney") != titles.parse_role("Attorney General")
    assert titles.parse_role("attorney") != titles.parse_role("attorney general")


def test_a_role_of_one_organisation_is_not_a_role_of_another(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "ferries.toml").write_text('''
[entities.hale]
name = "Tom Hale"
variants = ["Hale"]
[entities.norvik-ferries]
kind = "organisation"
name = "Norvik Ferries"
[entities.port-lines]
kind = "organisation"
name = "Port Lines"
[[claims]]
id = "hale-title"
kind = "title"
who = "hale"
accepted = ["chief executive of Norvik Ferries"]
''')
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(" date 2024-01-02\n\nNorvik Ferries CEO Tom Hale resigned on Monday. Hale left.\n")
    (corpus / "b.txt").write_text(" date 2024-01-02\n\nTom Hale, the chief executive of Port Lines, quit. Hale left.\n")
    result = CliRunner().invoke(main, ["check", str(corpus), "--rules", str(rules), "--no-db", "--format", "json"])
    (finding,) = [f for f in json.loads(result.output)["findings"] if f["claim"] == "hale-title"]
    assert finding["status"] == "conflict"
    assert {v["value"] for v in finding["values"]} == {"chief executive (Norvik Ferries)",
                                                       "chief executive (Port Lines)"}


def test_a_word_of_titles_that_opens_a_name_is_part_of_the_name() -> None:
    # "National Assembly": whose office it is, the same as the office after the name
    assert titles.parse_role("National Assembly President") == titles.parse_role("president of the National Assembly")
    # "National Security": two words of titles, the adviser's field
    national = titles.parse_role("National Security Adviser")
    assert national is not None and national.fields == ("national", "security") and not national.qualifiers


@pytest.mark.parametrize("role,office,fields", [
    ("central bank chief", "chief", ("central", "bank")),  # words of no title say what the office is of
    ("campaign manager", "manager", ("campaign",)),
    ("city councilwoman", "councillor", ("city",)),
    ("county clerk", "clerk", ("county",)),
    ("IMF managing director", "director", ()),  # read as a text would be, where it can be
])
def test_an_accepted_role_may_say_in_its_own_words_what_it_is_of(role: str, office: str, fields: tuple) -> None:
    parsed = titles.parse_role(role)
    assert parsed is not None and (parsed.office, parsed.fields) == (office, fields)
