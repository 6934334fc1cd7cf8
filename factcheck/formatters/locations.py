"""What CI formats share: the message of a statement and a finding, and which statement anchors a finding."""

from __future__ import annotations

from factcheck.findings import Finding, Statement
from factcheck.formatters.mastheads import Sources, named, story
from factcheck.reviews import PASSING_VERDICTS


def value_text(value: object) -> str:
    return " -> ".join(value) if isinstance(value, tuple) else str(value)


def statement_message(statement: Statement, known: Sources) -> str:
    """What a statement says and why, naming its outlet and story where the front matter gives them."""
    told = story(known.get(statement.article))
    return (f"{named(statement.article, known)} says {value_text(statement.value)}: {statement.explanation}"
            + (f" ({told})" if told else ""))


def finding_message(finding: Finding) -> str:
    return f"{finding.claim}: {finding.message}"


LEVELS = {"conflict": "error", "warning": "warning", "consistent": "note"}


def settled(finding: Finding) -> str:
    """'accepted by Ada on 2026-12-01: both right then' where an editor's review means the finding no longer fails
    the run (decide.exit_status), else "": CI formats say it instead of failing it."""
    decision = finding.decision
    if decision is None or decision.verdict not in PASSING_VERDICTS:
        return ""
    return f"{decision.verdict} by {decision.reviewer} on {decision.date}" + (f": {decision.note}"
                                                                              if decision.note else "")
