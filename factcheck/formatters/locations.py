"""What CI formats share: the message of a statement and a finding, and which statement anchors a finding."""

from __future__ import annotations

from factcheck.findings import Finding, Statement


def value_text(value: object) -> str:
    return " -> ".join(value) if isinstance(value, tuple) else str(value)


def statement_message(statement: Statement) -> str:
    return f"{statement.article} says {value_text(statement.value)}: {statement.explanation}"


def finding_message(finding: Finding) -> str:
    return f"{finding.claim}: {finding.message}"


LEVELS = {"conflict": "error", "warning": "warning", "consistent": "note"}
