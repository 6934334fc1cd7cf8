"""Where statuses are decided: one place, so that every kind and every formatter agrees on what a conflict is.

Two statements that cannot both be true are a conflict, unless the disagreement is explained (a plan published
before a later report: the schedule may have changed), which makes it a warning. No disagreement: consistent.
"""

from __future__ import annotations

from itertools import combinations
from typing import Callable

from factcheck.findings import Report, Statement, Status

Incompatible = Callable[[Statement, Statement], bool]
Explained = Callable[[Statement, Statement], bool]


def never_explained(_a: Statement, _b: Statement) -> bool:
    return False


def disagreements(statements: tuple[Statement, ...] | list[Statement], incompatible: Incompatible,
                  explained: Explained = never_explained) -> tuple[list[tuple[Statement, Statement]],
                                                                 list[tuple[Statement, Statement]]]:
    """Pairs of statements that cannot both hold, (unexplained, explained); an article that contradicts itself
    counts as much as two that contradict each other."""
    unexplained: list[tuple[Statement, Statement]] = []
    explained_pairs: list[tuple[Statement, Statement]] = []
    for a, b in combinations(statements, 2):
        if not incompatible(a, b):
            continue
        (explained_pairs if explained(a, b) else unexplained).append((a, b))
    return unexplained, explained_pairs


def status_of(unexplained: list[tuple[Statement, Statement]],
              explained_pairs: list[tuple[Statement, Statement]]) -> Status:
    if unexplained:
        return "conflict"
    return "warning" if explained_pairs else "consistent"


EXIT_OK, EXIT_FINDINGS = 0, 1


def exit_status(report: Report, fail_on: str = "conflict") -> int:
    """0 or 1 by the findings: conflicts fail by default, warnings too with fail_on="warning", nothing with "never".
    (Unusable input or rules, status 2, are decided before any report exists.)"""
    # A finding an editor accepted or called a false alarm no longer fails the run; a confirmed error still does.
    statuses = {f.status for f in report.findings
                if f.decision is None or f.decision.verdict not in ("accepted", "false alarm")}
    if fail_on == "never":
        return EXIT_OK
    if "conflict" in statuses or (fail_on == "warning" and "warning" in statuses):
        return EXIT_FINDINGS
    return EXIT_OK
