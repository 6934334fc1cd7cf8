"""The temporal tagger: finds temporal expressions and resolves them to TIMEX3 values, as HeidelTime does.

Loading the resources (`resources`: vocabularies, rules and settings of language/temporal.toml), tagging
(`tagger`: anchors, matches, modifiers, composition), resolving (`resolve`: a match to a value) against the
narrative so far (`narrative`: the days, quarter and year the text established), and the records they make
(`timex`). The vocabularies, rules and their examples are data; this package only compiles and applies them.
"""

from factcheck.readers.temporal.resolve import resolve_weekday, without_reference
from factcheck.readers.temporal.resources import rule_examples, rule_names, rules_with
from factcheck.readers.temporal.tagger import day_range, range_examples, tag
from factcheck.readers.temporal.timex import NoSuchDay, Timex, days_of, period_end

__all__ = ["NoSuchDay", "Timex", "day_range", "days_of", "period_end", "range_examples", "resolve_weekday",
           "rule_examples", "rule_names", "rules_with", "tag", "without_reference"]
