"""Spelling claims: near misses of a name flagged with the canonical form, accepted variants left alone, on a
made-up story (tests/data/summit-rules)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import rules_of, statements_for

from factcheck.readers.names import Entity, find_mentions
from factcheck.rules.load import load_rules


def test_near_misses_are_flagged_with_the_canonical_name_and_variants_are_not(summit_rules) -> None:
    (item,) = statements_for(summit_rules, "spelling", "Prime Minister Castelano met Chancellor Brandt.", "2023-03-14")
    assert (item.value, item.extra["expected"]) == ("Castelano", "Inês Castellano")
    assert statements_for(summit_rules, "spelling", "Ines Castellano, INÊS CASTELLANO and Castellano's aide.",
                          "2023-03-14") == []


def _names(text: str, *entities: Entity) -> list[tuple[str, str]]:
    return [(m.text, m.how) for m in find_mentions(text, entities)]


def test_a_place_or_an_organisation_is_found_by_a_near_miss_too() -> None:
    prague = Entity("prague", "place", "Prague")
    library = Entity("library", "organisation", "Harry S. Truman Library", ("Truman Library",))
    assert _names("Troops swept through Praque in 1968.", prague) == [("Praque", "near miss")]
    assert _names("They met at the Truman Libary on Friday.", library) == [("Truman Libary", "near miss")]


def test_two_swapped_letters_are_one_slip() -> None:
    assert _names("Officials said Gonazlez had left.", Entity("g", "person", "Gonzalez")) == [("Gonazlez", "near miss")]


def test_a_places_adjective_a_short_name_or_a_capitalised_first_word_is_no_slip() -> None:
    assert _names("The Valdoran army left.", Entity("v", "place", "Valdora")) == []
    assert _names("Troops left Kenyo on Friday.", Entity("k", "place", "Kenya")) == []
    assert _names("Hungry residents queued for bread.", Entity("h", "place", "Hungary")) == []


def test_a_misspelling_the_editor_knows_is_flagged_however_far_it_is() -> None:
    group = Entity("q", "organisation", "al-Qaida", (), (), (), ("Al-Aqeda",))
    assert _names("The FBI says he leads a group known as Al-Aqeda.", group) == [("Al-Aqeda", "near miss")]


def test_a_ship_or_a_train_is_an_entity_whose_name_is_checked_too(tmp_path: Path) -> None:
    (tmp_path / "ferry.toml").write_text('''
[entities.ship]
kind = "thing"
name = "Selkie Dawn"
[[claims]]
id = "ship-name"
kind = "spelling"
entities = ["ship"]
''')
    rules = load_rules(tmp_path)
    assert [s.value for s in statements_for(rules, "ship-name", "The Selkie Dwan sank off the coast.", "2025-06-14")] \
        == ["Selkie Dwan"]


def test_a_given_name_written_alone_with_a_slip_near_the_persons_name_is_flagged(summit_rules) -> None:
    text = "Chancellor Matthias Brandt arrived on Monday. Later, Mathias said the talks went well."
    (item,) = statements_for(summit_rules, "spelling", text, "2023-03-14")
    assert (item.value, item.extra["expected"]) == ("Mathias", "Matthias Brandt")
    # Not where the person is not named near, nor as the first word of someone else's name.
    assert statements_for(summit_rules, "spelling", "Later, Mathias said the talks went well.", "2023-03-14") == []
    assert statements_for(summit_rules, "spelling", "Chancellor Matthias Brandt arrived on Monday. Later, Mathias "
                                                    "Keller said the talks went well.", "2023-03-14") == []


def test_a_near_miss_of_one_word_that_opens_another_name_is_no_slip() -> None:
    brandt = Entity("brandt", "person", "Matthias Brandt", ("Brandt",))
    assert _names("Officials named Brant Ellison Moore as the suspect.", brandt) == []
    assert _names("Prime Minister Brant met the envoy.", brandt) == [("Brant", "near miss")]


_PEOPLE = '''
[entities.grace]
kind = "person"
name = "Grace Lindqvist"

[entities.victor]
kind = "person"
name = "Victor Aldana"

[entities.irena]
kind = "person"
name = "Irena Vasko"

[entities.ruth]
kind = "person"
name = "Ruth Holder"

[[claims]]
id = "spelling"
kind = "spelling"
title = "Names"
'''


def test_a_word_that_only_looks_like_a_given_name_or_surname_is_no_slip(tmp_path: Path) -> None:
    rules = rules_of(tmp_path, _PEOPLE)
    for text in [
        "Grace Lindqvist spoke on Monday. Grave doubts remain about the plan.",  # a word opening a sentence
        "Grace Lindqvist spoke on Monday. Reporters called it a grave risk, and Grave Street was shut.",
        "Victor Aldana won the vote. His supporters hailed a Victory for the town.",  # a word of its own
        "Grace Lindqvist, known to her friends as Gracie, spoke on Monday.",  # a pet name
        "Ruth Holder testified on Monday. The ruling by Judge Ellen Holden came later.",  # another person's surname
        "Ruth Holder lived for years in the town of Holden.",  # a place
        "Ruth Holder was born in Holden and moved away at ten.",
        "Irena Vasko died on Monday. Her daughter Irina said she had been ill.",  # someone of hers
        "Irena Vasko left the coast on Monday. Irene, the storm that followed, flooded the road.",
    ]:
        assert statements_for(rules, "spelling", text, "2024-05-02") == [], text


def test_a_slip_of_a_surname_alone_is_flagged_where_it_stands_as_a_name(tmp_path: Path) -> None:
    rules = rules_of(tmp_path, _PEOPLE)
    for text, slip in [
        ("Ruth Holder arrived on Monday. Reporters asked Holdre about the plan.", "Holdre"),
        ("Ruth Holder arrived on Monday. Holdre said the talks went well.", "Holdre"),  # first, then a saying
        ("Ruth Holder arrived on Monday. Later, Ms. Holdre said the talks went well.", "Holdre"),
        ("Victor Aldana came with his father, Omar. Omar Aldana spoke first. His son Victr said the talks went well.",
         "Victr"),  # the son of another man, named last
    ]:
        assert [s.value for s in statements_for(rules, "spelling", text, "2024-05-02")] == [slip], text


@pytest.mark.parametrize("text,found", [
    ("Her brother Piet Lorne said on Monday that the boat was late.", []),  # another person of the surname
    ("Judge Piet Lorne ruled on Monday.", []),
    ("Piet Lorne said the boat was late.", []),
    ("Anna Lorne said the boat was late.", ["Anna Lorne"]),
    ("Anna Maria Lorne said the boat was late.", ["Lorne"]),  # her own given name stands before
    ("Mrs. Lorne said the boat was late.", ["Lorne"]),  # an honorific, an office, a sentence's opening word
    ("Valdoran Interior Minister Lorne said the boat was late.", ["Lorne"]),
    ("Officer Lorne said the boat was late.", ["Lorne"]),
    ("But Lorne said the boat was late.", ["Lorne"]),
    ("In Lorne's view the boat was late.", ["Lorne"]),
])
def test_a_surname_after_another_given_name_is_someone_else(text: str, found: list[str]) -> None:
    lorne = Entity("lorne", "person", "Anna Lorne", ("Lorne",))
    assert [m for m, _ in _names(text, lorne)] == found


@pytest.mark.parametrize("text,found", [
    ("His wife, Daria Fenwick, wept as the verdict was read.", []),  # a relative's given name: the last vowel
    ("Varo Governor Amado Dioso met the press.", []),  # another given name, two letters apart
    ("Dario Fenwik met the press.", [("Dario Fenwik", "near miss")]),  # a slip of the surname
    ("Daro Fenwick met the press.", [("Daro Fenwick", "near miss")]),  # a slip of the given name
    ("Reporters asked Amara Dasso about it.", []),  # a word further than its own budget: another name
])
def test_a_near_miss_that_changes_only_the_given_name_into_another_is_a_relative(text: str, found: list) -> None:
    dario = Entity("dario", "person", "Dario Fenwick", ("Fenwick",))
    amara = Entity("amara", "person", "Amara Dioso", ("Dioso",))
    assert _names(text, dario, amara) == found


def test_a_word_of_the_calendar_is_no_slip_of_a_name() -> None:
    marsh = Entity("marsh", "person", "Lionel Marsh", ("Marsh",))
    assert _names("He was arrested in March last year, and again on Monday.", marsh) == []
    assert _names("Reporters asked Marhs about the plan.", marsh) == [("Marhs", "near miss")]


def test_a_slip_is_measured_word_by_word_without_accents() -> None:
    ines = Entity("ines", "person", "Inês Castellano", ("Castellano",))
    assert _names("Ines Castelano met the press.", ines) == [("Ines Castelano", "near miss")]
    # Two slips in a surname of ten letters are within its budget; two in a given name of four are not.
    assert _names("Inês Castiliano met the press.", ines) == [("Inês Castiliano", "near miss")]
    assert _names("Inga Castellano met the press.", ines) == []


def test_a_near_miss_that_is_another_entity_or_another_named_person_is_no_slip() -> None:
    mirena, mirela = Entity("mirena", "person", "Mirena Toth", ("Toth",)), Entity("mirela", "person", "Mirela Toth")
    assert _names("Mirela Toth spoke to Mirena Toth.", mirena, mirela) == [("Mirela Toth", "name"),
                                                                          ("Mirena Toth", "name")]
    decker = Entity("decker", "person", "Rhona Decker", ("Decker",))
    named = "Rhona Decker spoke. Shipping analyst Tom Becker said the strike would end. Becker said more."
    assert _names(named, decker) == [("Rhona Decker", "name")]
    assert _names("Rhona Decker spoke. Later, Becker said more.", decker) == [("Rhona Decker", "name"),
                                                                              ("Becker", "near miss")]


def test_a_surname_the_article_gives_another_person_is_no_slip_written_alone(tmp_path: Path) -> None:
    rules = rules_of(tmp_path, _PEOPLE)
    text = "Ruth Holder spoke on Monday. The port director, Ian Holden, said Holden's staff were ready."
    assert statements_for(rules, "spelling", text, "2024-05-02") == []


def test_a_name_written_with_or_without_its_accents_is_no_slip() -> None:
    ines = Entity("ines", "person", "Ines Fernandez", ("Ines", "Fernandez"))
    assert _names("Inés Fernández arrived. Later, Fernandez left.", ines) == [("Inés Fernández", "name"),
                                                                                ("Fernandez", "name")]
    assert _names("Ines Fernandes arrived.", ines) == [("Ines Fernandes", "near miss")]  # a slip still is


def test_a_given_name_with_a_vowel_added_is_a_relatives() -> None:
    dragan = Entity("dragan", "person", "Dragan Vukotic", ("Vukotic",))
    assert _names("His daughter, Dragana Vukotic, is an opposition MP.", dragan) == []
    assert _names("Dragn Vukotic spoke.", dragan) == [("Dragn Vukotic", "near miss")]
