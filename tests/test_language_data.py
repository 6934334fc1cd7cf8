"""Every rule of the language data carries examples, and every example holds (proselint's and HeidelTime's way)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
import regex

from factcheck import language
from factcheck.readers import clauses, counts, events, temporal
from factcheck.readers.clauses import segments
from factcheck.readers.text import split_sentences


def test_every_temporal_rule_has_examples() -> None:
    with_examples = {name for name, _ in temporal.rule_examples()}
    assert set(temporal.rule_names()) <= with_examples


@pytest.mark.parametrize("rule,example", temporal.rule_examples(),
                         ids=[f"{name}:{ex['text'][:40]}" for name, ex in temporal.rule_examples()])
def test_temporal_rule_example(rule: str, example: dict) -> None:
    found = temporal.tag(example["text"], dt.date.fromisoformat(example["published"]))
    matching = [t for t in found if t.value == example["value"]
                and (rule in ("modifiers", "narrative") or rule in t.rule.split("+"))
                and t.text == example.get("expression", t.text) and t.mod == example.get("mod", t.mod)]
    assert matching, f"{rule}: expected {example['value']} in {[(t.text, t.value, t.rule) for t in found]}"


@pytest.mark.parametrize("rule,example", temporal.rule_examples(),
                         ids=[f"{name}:{ex['text'][:40]}" for name, ex in temporal.rule_examples()])
def test_every_temporal_match_contains_its_rules_anchor(rule: str, example: dict) -> None:
    """The anchor only speeds the tagger up: a sentence a rule matches in must contain it."""
    rules = {r.name: r for r in temporal.resources.load().rules}
    for timex in temporal.tag(example["text"], dt.date.fromisoformat(example["published"])):
        for name in timex.rule.split("+"):
            assert rules[name].anchor.search(example["text"].lower()), f"{name}: anchor not in {example['text']!r}"


def test_every_qualifier_has_examples() -> None:
    assert all(q.get("examples") for q in language.load("counts")["qualifiers"])


@pytest.mark.parametrize("example", counts.qualifier_examples(), ids=lambda ex: ex["text"][:40])
def test_count_example(example: dict) -> None:
    found = counts.read_counts(example["text"])
    assert found, example["text"]
    first = found[0]
    assert first.value == example["value"]
    assert first.low == example.get("low", first.low)
    assert first.high == example.get("high", first.high)


@pytest.mark.parametrize("example", language.load("sentences")["examples"], ids=lambda ex: ex["text"][:40])
def test_sentence_example(example: dict) -> None:
    assert [s.text for s in split_sentences(example["text"])] == example["sentences"]


@pytest.mark.parametrize("name", events.event_names())
def test_every_event_kind_has_examples_that_trigger_it(name: str) -> None:
    data = language.load("events")["events"][name]
    assert data.get("examples"), f"event kind {name} has no examples"
    kind = events.event_kind(name)
    for example in data["examples"]:
        assert events.find_triggers(example, kind, 0, len(example)), f"{name}: no trigger in {example!r}"
    for example in data.get("not_examples", []):
        assert not events.find_triggers(example, kind, 0, len(example)), f"{name}: a trigger in {example!r}"


@pytest.mark.parametrize("boundary", language.load("grammar")["boundaries"], ids=lambda b: b["relation"] or "clause")
def test_every_clause_boundary_example_is_cut(boundary: dict) -> None:
    assert boundary["examples"]
    for example in boundary["examples"]:
        cut = segments(example)
        assert len(cut) >= 2, example
        assert cut[1].relation == boundary["relation"]
    for example in boundary.get("not_examples", []):
        assert len(segments(example)) == 1, example


def test_a_short_span_leads_in_to_an_opening_phrase_of_time_that_ends_at_its_comma() -> None:
    data = language.load("grammar")["opening_span"]
    for example in data["examples"]:
        cut = segments(example)
        assert [s.start for s in cut] == [0, example.index(",")], example
        assert cut[1].relation in ("before", "after")
    for example in data["not_examples"]:
        assert example.index(",") not in [s.start for s in segments(example)], example


@pytest.mark.parametrize("example", counts.totals_examples(), ids=lambda ex: ex["text"][:40])
def test_count_after_its_noun_example(example: dict) -> None:
    (count,) = [c for c in counts.read_counts(example["text"]) if c.value == example["value"]]
    span = counts.counted_noun(example["text"], count, [example["noun"]])
    assert span is not None and example["text"][span[0]:span[1]] == example["noun"]


@pytest.mark.parametrize("example", language.load("counts")["not_the_total"]["examples"])
def test_not_the_total_examples(example: str) -> None:
    marked = [c for c in counts.read_counts(example) if counts.not_the_total(example, c, 0, len(example))]
    assert marked, example


@pytest.mark.parametrize("example", events.other_event_examples())
def test_other_event_examples(example: str) -> None:
    incident = events.event_kind("incident", ("overturned", "hit"))
    triggers = events.find_triggers(example, incident, 0, len(example))
    assert any(events.names_another_event(example, t, 0) for t in triggers), example


@pytest.mark.parametrize("example", events.other_event_examples("possessed_examples"))
def test_a_name_in_the_possessive_may_name_someone_of_theirs(example: str) -> None:
    assert events.someone_of_theirs(example, example.index("Ortiz") + len("Ortiz"))
    assert not events.someone_of_theirs("Ortiz's shooting shocked the town.", len("Ortiz"))


@pytest.mark.parametrize("example", events.other_event_examples("moved_examples"))
def test_a_latest_or_put_off_event_is_one_of_several(example: str) -> None:
    triggers = events.find_triggers(example, events.event_kind("deadline"), 0, len(example))
    assert any(events.moved(example, t, 0) for t in triggers), example
    assert not any(events.names_another_event(example, t, 0) for t in triggers), example


@pytest.mark.parametrize("example", events.other_event_examples("not_another_examples"))
def test_another_person_is_not_another_event(example: str) -> None:
    assert not events.about_another_event(example, 0, len(example))
    assert events.about_another_event(example.replace("suspect", "blast"), 0, len(example) + 2)


def test_the_claims_own_event_is_not_another() -> None:
    text = "The quake struck the region before dawn on Sunday."
    trigger = events.find_triggers(text, events.event_kind("incident"), 0, len(text))[0]
    assert not events.names_another_event(text, trigger, 0)


@pytest.mark.parametrize("example", events.other_event_examples("figure_examples"))
def test_event_words_inside_a_figure(example: str) -> None:
    triggers = events.find_triggers(example, events.event_kind("incident"), 0, len(example))
    assert triggers and all(events.inside_a_figure(example, t, 0) for t in triggers), example


@pytest.mark.parametrize("example", language.load("events")["settings"]["modifier_examples"],
                         ids=lambda ex: ex["text"])
def test_a_date_before_an_event_word_modifies_it_unless_another_action_stands_between(example: dict) -> None:
    text = example["text"]
    date = next(t for t in temporal.tag(text, dt.date(2023, 3, 14)) if t.day is not None)
    trigger = events.find_triggers(text, events.event_kind("incident", ("meet",)), date.end, len(text))[0]
    assert events.date_modifies(text, date.end, trigger.start) is example["modifies"]


@pytest.mark.parametrize("example", counts.comparison_examples())
def test_a_date_in_a_comparison_does_not_date_the_figure(example: str) -> None:
    dates = [t for t in temporal.tag(example, dt.date(2023, 3, 14)) if t.value[:2] in ("19", "20")]
    assert dates and all(counts.in_a_comparison(example, 0, t.start) for t in dates), example


@pytest.mark.parametrize("example", counts.as_of_examples(), ids=lambda ex: ex["text"][:40])
def test_a_date_that_starts_a_count_is_told_as_its_start(example: dict) -> None:
    text = example["text"]
    date = next(t for t in temporal.tag(text, dt.date(2023, 3, 14)) if t.day is not None)
    assert counts.starts_the_count(text, 0, date.start) is example["start"]


def _first_trigger(text: str, event: str) -> events.Trigger:
    kind = events.event_kind(event)
    return events.find_triggers(text, kind, 0, len(text))[0]


@pytest.mark.parametrize("example", events.noun_phrase_examples(), ids=lambda ex: f"{ex['date']}:{ex['text'][:40]}")
def test_an_event_told_as_a_noun_takes_only_the_dates_that_belong_to_it(example: dict) -> None:
    text, kind = example["text"], events.event_kind(example["event"])
    trigger = _first_trigger(text, example["event"])
    start = text.index(example["date"])
    phrase = events.told_as_noun(text, 0, trigger, kind)
    weekday_alone = any(t.start == start and "weekday" in t.rule.split("+")
                        for t in temporal.tag(text, dt.date(2023, 3, 14)))
    belongs = phrase is None or phrase.takes_clause_dates or events.date_against(
        text, phrase, trigger, start, start + len(example["date"]), weekday_alone)
    assert belongs is example["belongs"], phrase


@pytest.mark.parametrize("example", clauses.attribution_examples(), ids=lambda ex: ex["text"][:40])
def test_a_date_beside_a_verb_of_saying_is_the_sayings(example: dict) -> None:
    text = example["text"]
    start = text.index(example["date"])
    said = clauses.saying_of(text, 0, len(text), start, start + len(example["date"]))
    assert (said is not None) is example["saying"], said


@pytest.mark.parametrize("example", language.load("names")["examples"], ids=lambda ex: ex["name"])
def test_a_name_with_lower_case_words_in_it_is_found_whole(example: dict) -> None:
    from factcheck.readers.names import Entity, find_mentions

    found = find_mentions(example["text"], [Entity("it", "place", example["name"])])
    assert [m.text for m in found] == [example["name"]]


@pytest.mark.parametrize("example", clauses.complement_examples(), ids=lambda ex: ex["text"][:40])
def test_a_verb_between_an_event_and_a_date_takes_the_date(example: dict) -> None:
    text = example["text"]
    after_event = text.index(example["event"]) + len(example["event"])
    assert clauses.verb_between(text, after_event, text.index(example["date"]),
                                after_a_verb=example.get("verb", False)) is example["between"]


@pytest.mark.parametrize("example", language.load("grammar")["state_date"]["examples"])
def test_a_date_as_of_a_moment_dates_a_state(example: str) -> None:
    assert clauses.dates_a_state(example, 0, example.index("Monday"))


@pytest.mark.parametrize("example", language.load("grammar")["possessive_date"]["examples"],
                         ids=lambda ex: ex["text"][:40])
def test_a_date_in_the_possessive_dates_the_noun_phrase_after_it(example: dict) -> None:
    text = example["text"]
    date_end = text.index(example["date"]) + len(example["date"])
    phrase = clauses.possessed_by_date(text, date_end)
    assert (text[phrase[0]:phrase[1]] if phrase else "") == example["phrase"]


@pytest.mark.parametrize("example", counts.companions_examples(), ids=lambda ex: ex["text"][:40])
def test_a_figure_of_others_adds_the_people_named_with_it(example: dict) -> None:
    text = example["text"]
    figure = counts.read_counts(text)[0]
    verb = regex.search(r"\b(?:drowned|killed|died|rescued|left)\b", text)
    assert verb is not None
    assert counts.with_companions(text, figure, 0, verb.span()).value == example["value"]


@pytest.mark.parametrize("example", counts.bare_figure_examples(), ids=lambda ex: ex["text"][:40])
def test_a_figure_with_no_noun_is_the_subject_of_the_event_verb(example: dict) -> None:
    text = example["text"]
    verb = text.index(example["event"])
    subjects = [c.value for c in counts.read_counts(text) if counts.subject_of(text, c, verb, ["people"])]
    assert subjects == ([example["value"]] if example["value"] else [])


@pytest.mark.parametrize("example", counts.bare_figure_examples("object_examples"), ids=lambda ex: ex["text"][:40])
def test_a_figure_with_no_noun_right_after_the_event_verb_is_its_object(example: dict) -> None:
    text = example["text"]
    verb_end = text.index(example["event"]) + len(example["event"])
    objects = [c.value for c in counts.read_counts(text) if counts.object_of(text, c, verb_end, ["people"])]
    assert objects == ([example["value"]] if example["value"] else [])


@pytest.mark.parametrize("example", counts.shared_noun_examples(), ids=lambda ex: ex["text"][:40])
def test_a_figure_with_no_noun_after_another_figures_noun_shares_it(example: dict) -> None:
    text = example["text"]
    found = counts.read_counts(text)
    shared = [c.value for i, c in enumerate(found) if counts.shared_noun(text, c, found[:i], ["people"])
              or counts.changed_to(text, c, found[:i], ["people"])]
    assert shared == ([example["value"]] if example["value"] else [])


@pytest.mark.parametrize("example", counts.with_others_examples(), ids=lambda ex: ex["text"][:40])
def test_a_noun_that_goes_on_with_others_is_not_counted_alone(example: dict) -> None:
    text = example["text"]
    assert counts.with_others(text, text.index(example["noun"]) + len(example["noun"])) is example["others"]


@pytest.mark.parametrize("example", counts.bare_figure_examples("partitive_examples"), ids=lambda ex: ex["text"][:40])
def test_a_figure_that_opens_a_partitive_subject_counts_who_did_it(example: dict) -> None:
    text = example["text"]
    verb = text.index(example["event"])
    found = [c.value for c in counts.read_counts(text) if counts.partitive_subject(text, c, verb, ["people"])]
    assert found == ([example["value"]] if example["value"] else [])


@pytest.mark.parametrize("example", counts.more_after_examples())
def test_a_figure_the_sentence_adds_to_is_a_part(example: str) -> None:
    first = counts.read_counts(example)[0]
    assert counts.more_added_after(example, first, len(example)) is not None
    assert counts.more_added_after(example, counts.read_counts(example)[-1], len(example)) is None


def test_a_ratio_is_no_count() -> None:
    text = "The fever killed one in five patients, and 2 out of 3 doctors fell ill."
    assert [counts.a_ratio(text, c) for c in counts.read_counts(text)] == [True, False, True, False]


@pytest.mark.parametrize("example", counts.one_event_examples(), ids=lambda ex: ex["text"][:40])
def test_a_singular_event_word_tells_one_event_of_several(example: dict) -> None:
    text = example["text"]
    assert (counts.one_event_of_several(text, 0, len(text)) is not None) is example["one"]


@pytest.mark.parametrize("example", language.load("grammar")["tense"]["examples"], ids=lambda ex: ex["text"][:40])
def test_the_tense_nearest_a_date(example: dict) -> None:
    text = example["text"]
    assert clauses.tense_near(text, 0, len(text), text.index(example["date"])) == example["tense"]


@pytest.mark.parametrize("example", events.own_subject_examples(), ids=lambda ex: ex["text"][:40])
def test_an_event_verb_with_a_subject_of_its_own(example: dict) -> None:
    text = example["text"]
    trigger = _first_trigger(text, example["event"])
    kind = events.event_kind(example["event"])
    assert (events.own_subject(text, 0, trigger, kind) or "") == example["subject"]


@pytest.mark.parametrize("example", events.heads_examples(), ids=lambda ex: ex["text"][:40])
def test_an_event_word_before_a_noun_names_that_noun(example: dict) -> None:
    trigger = _first_trigger(example["text"], example["event"])
    assert (events.modifies_a_noun(example["text"], trigger) or "") == example["head"]


@pytest.mark.parametrize("example", language.load("grammar")["complement"]["offered_examples"],
                         ids=lambda ex: ex["text"][:40])
def test_an_event_only_offered_is_neither_done_nor_planned(example: dict) -> None:
    text = example["text"]
    assert (clauses.offered_to(text, 0, text.index(example["event"])) is not None) is example["offered"]


@pytest.mark.parametrize("example", language.load("grammar")["complement"]["in_question_examples"],
                         ids=lambda ex: ex["text"][:40])
def test_an_event_only_asked_about_or_rumoured_is_neither_done_nor_planned(example: dict) -> None:
    text = example["text"]
    assert (clauses.in_question(text, 0, text.index(example["event"])) is not None) is example["asked"]


@pytest.mark.parametrize("example", language.load("grammar")["complement"]["occasion_examples"],
                         ids=lambda ex: ex["text"][:40])
def test_a_date_after_the_occasion_an_invitation_asks_to_is_the_occasions(example: dict) -> None:
    text = example["text"]
    verb = regex.search(r"\binvited\b", text)
    assert verb is not None
    found = clauses.occasion_asked_to(text, verb.span(), text.index(example["date"]))
    assert (found is not None) == example["occasion"]


@pytest.mark.parametrize("example", language.load("grammar")["complement"]["invited_examples"],
                         ids=lambda ex: ex["text"][:40])
def test_an_event_asked_for_is_the_content_of_the_asking(example: dict) -> None:
    text = example["text"]
    assert (clauses.invited_to(text, 0, text.index(example["event"])) is not None) is example["invited"]


@pytest.mark.parametrize("example", clauses.charges_examples(), ids=lambda ex: ex["text"][:40])
def test_what_a_charge_is_for_is_an_event_of_its_own(example: dict) -> None:
    text = example["text"]
    start = text.index(example["event"])
    assert clauses.crime_between(text, start, start + len(example["event"]), text.index(example["date"])) \
        is example["content"]


@pytest.mark.parametrize("example", language.load("grammar")["complement"]["verb_before_examples"])
def test_a_date_right_after_a_past_form_is_that_verbs(example: str) -> None:
    date = next(t for t in temporal.tag(example, dt.date(2023, 3, 14)))
    assert clauses.follows_another_verb(example, 0, date.start)


def test_a_cue_a_verb_opens_is_no_noun() -> None:
    kind = events.event_kind("joining", ("become (a )?full members?", "accession", "entry"))
    assert kind.nouns is not None
    assert [w for w in ("become full members", "accession", "entry") if kind.nouns.fullmatch(w)] == ["accession"]


@pytest.mark.parametrize("example", language.load("counts")["money"]["examples"])
def test_a_sum_of_money_is_named(example: str) -> None:
    assert counts.names_money(example) and not counts.names_money(example.replace("$", "").replace("euros", "people"))


@pytest.mark.parametrize("example", language.load("counts")["describing"]["examples"])
def test_a_phrase_behind_a_preposition_describes_the_counted_noun(example: str) -> None:
    noun_end = example.index("suspects") + len("suspects")
    assert counts.describes_the_noun(example, noun_end, example.index("bombings"))


@pytest.mark.parametrize("example", counts.glued_size_examples(), ids=lambda ex: ex["text"][:40])
def test_a_figure_glued_to_its_noun_sizes_only_the_word_that_ends_its_phrase(example: dict) -> None:
    text = example["text"]
    glued = regex.search(r"(?P<noun>\w+)-(?:nation|member) (?P<word>\w+)", text)
    assert glued is not None
    noun_end = glued.start("word") - 1
    assert counts.glued_size_of(text, noun_end, glued.start("word"), glued.end("word")) == example["reads"]


# Words that make a figure no one's count: what a sentence denies ("denied reports that 40 people had died"), a name
# it is part of ("a Boeing 737"); each with examples it marks and not-examples it leaves read.
_FIGURE_MARKS = [(mark, example, marked) for mark, examples in ((counts.denied, counts.denied_examples),
                                                                 (counts.in_a_name, counts.name_number_examples))
                 for key, marked in (("examples", True), ("not_examples", False)) for example in examples(key)]


@pytest.mark.parametrize("mark,example,marked", _FIGURE_MARKS, ids=lambda item: item[:40] if isinstance(item, str)
                         else getattr(item, "__name__", str(item)))
def test_words_that_make_a_figure_no_ones_count(mark: Callable, example: str, marked: bool) -> None:
    assert any(mark(example, c, 0) for c in counts.read_counts(example)) is marked, example


@pytest.mark.parametrize("example", counts.table_examples("others_of_someone"), ids=lambda ex: ex["text"][:40])
def test_other_cases_of_someone_are_told_apart_from_others_of_the_event(example: dict) -> None:
    text = example["text"]
    (figure,) = [f for f in counts.read_counts(text, 0, len(text))]
    assert counts.others_of_someone(text, figure, 0) is example["others"]


@pytest.mark.parametrize("example", counts.table_examples("limit_or_difference"), ids=lambda ex: ex["text"][:40])
def test_a_quantity_that_names_a_limit_or_a_difference_is_told_apart(example: dict) -> None:
    text = example["text"]
    (amount,) = [a for a in counts.read_measures(text, "speed") if a.count.text.startswith(example["figure"])]
    assert (counts.limit_or_difference(text, amount.mark[1]) is not None) is example["limit"]


@pytest.mark.parametrize("example", counts.table_examples("part_of_an_earlier_group"), ids=lambda ex: ex["text"][:40])
def test_some_of_a_group_an_earlier_event_counted_are_told_apart(example: dict) -> None:
    text = example["text"]
    (figure,) = [f for f in counts.read_counts(text, 0, len(text)) if f.text == example["figure"]]
    assert (counts.part_of_an_earlier_group(text, figure) is not None) is example["part"]


@pytest.mark.parametrize("example", clauses.participle_examples(), ids=lambda ex: ex["text"][:40])
def test_a_participle_on_the_subject_leaves_the_date_to_the_clauses_own_verb(example: dict) -> None:
    text, event = example["text"], example["event"]
    start = text.index(event)
    found = clauses.main_verb_after_participle(text, 0, start, start + len(event), text.rindex(" on ") + 4)
    assert (text[found[0]:found[1]] if found else "") == example["verb"]


@pytest.mark.parametrize("example", language.load("temporal")["narrative"]["since_examples"],
                         ids=lambda ex: ex["text"][:40])
def test_what_a_clause_looks_back_on_is_past_whatever_its_tense(example: dict) -> None:
    found = temporal.tag(example["text"], dt.date.fromisoformat(example["published"]))
    assert [t.value for t in found if t.text == example["expression"]] == [example["value"]]


@pytest.mark.parametrize("example,whole", [*((e, True) for e in counts.untold_part_examples()),
                                           *((e, False) for e in counts.untold_part_examples("not_examples"))])
def test_a_figure_an_untold_part_is_asked_of_is_the_whole(example: str, whole: bool) -> None:
    figures = counts.read_counts(example, 0, len(example))
    assert any(counts.whole_of_an_untold_part(example, f, 0) for f in figures) is whole


@pytest.mark.parametrize("example", counts.grown_to_examples())
def test_a_figure_told_as_what_a_count_grew_to(example: str) -> None:
    (figure,) = counts.read_counts(example, 0, len(example))
    assert counts.told_as_grown_to(example[:figure.start])
    assert not counts.told_as_grown_to(example[:figure.start].replace(" to ", " by "))


@pytest.mark.parametrize("example", language.load("grammar")["negation"]["examples"], ids=lambda ex: ex["text"][:40])
def test_negation_example(example: dict[str, str]) -> None:
    text = example["text"]
    found = clauses.segments(text)
    event = text.index(example["event"])
    assert clauses.negated(text, found[clauses.segment_at(found, event)], event) is example["negated"]


@pytest.mark.parametrize("example", language.load("counts")["place_scope"]["opening_examples"],
                         ids=lambda ex: ex["text"][:40])
def test_opening_place_example(example: dict[str, str]) -> None:
    found = counts.opening_place(example["text"], 0, len(example["text"]))
    assert (found["place"] if found else "") == example["place"]
