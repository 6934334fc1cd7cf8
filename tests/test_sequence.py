"""Sequence claims: the order of a trip's stops, and orders that contradict or go round in a circle, on a made-up
story (tests/data/summit-rules)."""

from __future__ import annotations

import pytest
from conftest import finding_for, values_for


def test_contradicting_orders_conflict_and_matching_ones_agree(summit_rules) -> None:
    conflict = finding_for(summit_rules, [("Castellano flew from Valdora City to Port Elm on Monday.", "2023-03-14"),
                                       ("Castellano landed in Valdora City after a visit to Norvik.", "2023-03-14")],
                        "tour")
    assert conflict.status == "conflict"
    agree = finding_for(summit_rules, [("Castellano flew from Valdora City to Port Elm on Monday.", "2023-03-14"),
                                    ("Castellano will visit Valdora before Norvik.", "2023-03-10")], "tour")
    assert agree.status == "consistent"
    assert "Valdora -> Norvik" in agree.message


def test_orders_that_go_round_in_a_circle_conflict(summit_rules) -> None:
    finding = finding_for(summit_rules, [("Castellano flew from Lusitania to Valdora on Monday.", "2023-03-14"),
                                      ("Castellano flew from Valdora to Norvik on Tuesday.", "2023-03-15"),
                                      ("Castellano flew from Norvik to Lusitania on Wednesday.", "2023-03-16")], "tour")
    assert finding.status == "conflict"
    assert "cycle" in finding.message


@pytest.mark.parametrize("text,order", [
    ("After Valdora City, Castellano will head to Port Elm.", ["Valdora", "Norvik"]),
    ("The tour took the prime minister to Lusitania and then to Valdora.", ["Lusitania", "Valdora"]),
    ("The trip will take Castellano to Valdora City, then to Port Elm.", ["Valdora", "Norvik"]),
])
def test_an_itinerary_told_as_a_list_of_stops_or_after_a_first_stop(summit_rules, text: str, order: list) -> None:
    assert values_for(summit_rules, "tour", text, "2023-03-14") == [tuple(order)]


def test_many_contradicting_pairs_show_three_and_count_the_rest(summit_rules) -> None:
    forward = ("Castellano flew from Valdora City to Port Elm on Monday.", "2023-03-14")
    backward = ("Castellano flew from Port Elm to Valdora City on Monday.", "2023-03-14")
    conflict = finding_for(summit_rules, [forward] * 3 + [backward] * 2, "tour")  # six pairs that contradict
    assert conflict.status == "conflict"
    assert conflict.message.count(" vs ") == 3 and "(and 3 more pairs)" in conflict.message
