"""Spelling claims: near misses of a name flagged with the canonical form, accepted variants left alone, on a
made-up story (tests/data/summit-rules)."""

from __future__ import annotations

from conftest import statements_for


def test_near_misses_are_flagged_with_the_canonical_name_and_variants_are_not(summit_rules) -> None:
    (item,) = statements_for(summit_rules, "spelling", "Prime Minister Castelano met Chancellor Brandt.", "2023-03-14")
    assert (item.value, item.extra["expected"]) == ("Castelano", "Inês Castellano")
    assert statements_for(summit_rules, "spelling", "Ines Castellano, INÊS CASTELLANO and Castellano's aide.",
                          "2023-03-14") == []
