"""The tagger's resources, loaded once from language/temporal.toml: vocabularies as named groups, the rules with
their anchors and patterns, and the settings of modifiers, narrative time and composition.

This module only compiles the data; `tagger` finds expressions with it and `resolve` turns them into values.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import regex

from factcheck import language, patterns
from factcheck.readers import wordstarts


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    source: str  # the pattern, compiled when an article first has the rule's anchor (`pattern`)
    anchor: patterns.Pattern  # in every sentence the rule matches in; compiled for lower-cased text
    anchor_beginnings: tuple[str, ...] | None  # see wordstarts.py
    resolve: str
    data: dict[str, Any]

    @property
    def pattern(self) -> patterns.Pattern:
        return _compiled_rule(self.source)

    def has(self, flag: str) -> bool:
        """Whether the rule carries a flag of language/temporal.toml (`flags = [...]`)."""
        return flag in self.data.get("flags", ())


@functools.cache
def _compiled_rule(source: str) -> patterns.Pattern:
    """A rule's pattern, compiled only when needed: a check of one new article needs a few of the rules, and
    compiling them all would take longer than reading it."""
    return patterns.compile(source, regex.I)


@dataclass(frozen=True, slots=True)
class Resources:
    vocabulary: dict[str, dict[str, Any]]
    rules: tuple[Rule, ...]
    mod_before: patterns.Pattern
    part_before: patterns.Pattern
    part_after: patterns.Pattern
    background_before: patterns.Pattern
    reported_speech_before: patterns.Pattern
    since_before: patterns.Pattern
    horizon: int
    weekday_reach: int
    weekday_reach_sentences: int
    mod_words: dict[str, str]
    time_then_day: patterns.Pattern
    day_then_time: patterns.Pattern
    by_name: dict[str, Rule]

    def rule(self, name: str) -> Rule:
        return self.by_name[name]


def _vocabulary_group(words: dict[str, Any], name: str, capitalised_short_forms: bool) -> str:
    """A vocabulary as a named group; abbreviations of up to four letters may carry a full stop ("Feb.") and, where
    the vocabulary asks for it, count only when capitalised."""
    forms = []
    by_value: dict[str, list[str]] = {}
    for word, value in words.items():
        by_value.setdefault(str(value), []).append(word)
    full_names = {max(same, key=len) for same in by_value.values()}
    for word in sorted(words, key=len, reverse=True):
        form = regex.escape(word).replace(r"\ ", r"\s+")
        if capitalised_short_forms and len(word) <= 4 and word.isalpha():
            form = f"(?-i:{word[0].upper()}(?i:{word[1:]}))"
            # An abbreviation ("Feb.", "Sat.") carries its stop, or a figure follows ("Jan 6"): "Sun Microsystems"
            # stays a company; the stop after a full name ("in May.") ends the sentence.
            if word not in full_names:
                form += r"(?:\.|(?=\s*[0-9]))"
        forms.append(form)
    return f"(?P<{name.lower()}>" + "|".join(forms) + ")"


@functools.cache
def load() -> Resources:
    data = language.load("temporal")
    vocabulary = {name: {k.lower(): v for k, v in table.items()} for name, table in data["vocabulary"].items()}
    capitalised = set(data["vocabulary_options"]["capitalised_short_forms"])
    placeholders = {name: _vocabulary_group(table, name, name in capitalised) for name, table in vocabulary.items()}
    # Raw patterns may use vocabularies ({NUMBER} in AMOUNT); AMOUNT names its own groups.
    for name, pattern in data["patterns"].items():
        expanded = regex.sub(r"(?<!\\[pP])\{([A-Z][A-Z0-9]*)\}", lambda m: placeholders[m[1]], pattern)
        placeholders[name] = expanded if name == "AMOUNT" else f"(?P<{name.lower()}>{expanded})"
    rules = []
    for rule in data["rules"]:
        pattern = regex.sub(r"(?<!\\[pP])\{([A-Z][A-Z0-9]*)\}", lambda m: placeholders[m[1]], rule["pattern"])
        rules.append(Rule(rule["name"], r"(?<![\w])(?:" + pattern + r")(?![\w])", _anchor(rule["anchor"]),
                          wordstarts.word_beginnings(rule["anchor"]), rule["resolve"], rule))
    modifiers, narrative = data["modifiers"], data["narrative"]
    return Resources(
        vocabulary=vocabulary,
        rules=tuple(rules),
        mod_before=patterns.compile(modifiers["before"], regex.I),
        part_before=patterns.compile(modifiers["part_before"], regex.I),
        part_after=patterns.compile(modifiers["part_after"], regex.I),
        background_before=patterns.compile(narrative["background_before"], regex.I),
        reported_speech_before=patterns.compile(narrative["reported_speech_before"], regex.I),
        since_before=patterns.compile(narrative["since_before"], regex.I),
        horizon=narrative["horizon_days"],
        weekday_reach=narrative["weekday_reach_days"],
        weekday_reach_sentences=narrative["weekday_reach_sentences"],
        mod_words=dict(data["mod_words"]),
        time_then_day=patterns.compile(data["composition"]["time_then_day"], regex.I),
        day_then_time=patterns.compile(data["composition"]["day_then_time"], regex.I),
        by_name={rule.name: rule for rule in rules},
    )


@functools.cache
def _anchor(pattern: str) -> patterns.Pattern:
    """One compiled anchor per distinct pattern (rules share them), matched against lower-cased text: case-sensitive
    matching is much faster than case-insensitive."""
    return patterns.compile(pattern)


def rule_names() -> list[str]:
    return [rule.name for rule in load().rules]


def rule_examples() -> list[tuple[str, dict[str, Any]]]:
    """(rule name, example) pairs of every rule, and of the modifiers under the name "modifiers"."""
    data = language.load("temporal")
    pairs = [(rule["name"], example) for rule in data["rules"] for example in rule.get("examples", [])]
    return pairs + [(section, example) for section in ("modifiers", "narrative")
                    for example in data[section]["examples"]]


@functools.cache
def rules_with(flag: str) -> frozenset[str]:
    """The names of the rules that carry a flag."""
    return frozenset(rule.name for rule in load().rules if rule.has(flag))
