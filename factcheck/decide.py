"""Where statuses are decided: one place, so that every kind and every formatter agrees on what a conflict is.

Two statements that cannot both be true are a conflict, unless the disagreement is explained (a plan published
before a later report: the schedule may have changed), which makes it a warning. No disagreement: consistent.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from itertools import product

from factcheck.findings import Report, Statement, Status

Incompatible = Callable[[Statement, Statement], bool]
Explained = Callable[[Statement, Statement], bool]


def never_explained(_a: Statement, _b: Statement) -> bool:
    return False


def disagreements(statements: tuple[Statement, ...] | list[Statement], incompatible: Incompatible,
                  explained: Explained = never_explained) -> tuple[list[tuple[Statement, Statement]],
                                                                 list[tuple[Statement, Statement]]]:
    """Pairs of statements that cannot both hold, (unexplained, explained), in the order of the statements; an
    article that contradicts itself counts as much as two that contradict each other.

    Both tests look only at a statement's value record and publication date (see kinds.Kind), so they are asked
    once per pair of distinct (record, date) keys: a claim that thousands of articles speak of, with a handful of
    values, costs a handful of tests, and the rest is listing the pairs."""
    keys = [(item.data, item.published) for item in statements]
    members: dict[tuple[object, object], list[int]] = {}
    for index, key in enumerate(keys):
        members.setdefault(key, []).append(index)
    first = {key: statements[indexes[0]] for key, indexes in members.items()}
    # For each key, the keys it disagrees with (as the earlier statement of a pair), and whether that is explained.
    against: dict[tuple[object, object], list[tuple[tuple[object, object], bool]]] = {key: [] for key in members}
    for key_a, key_b in product(members, repeat=2):
        a, b = first[key_a], first[key_b]
        if incompatible(a, b):
            against[key_a].append((key_b, explained(a, b)))
    unexplained: list[tuple[Statement, Statement]] = []
    explained_pairs: list[tuple[Statement, Statement]] = []
    for index, key in enumerate(keys):
        later: list[tuple[int, bool]] = []
        for other, is_explained in against[key]:
            indexes = members[other]
            later += [(j, is_explained) for j in indexes[bisect_right(indexes, index):]]
        for j, is_explained in sorted(later):
            (explained_pairs if is_explained else unexplained).append((statements[index], statements[j]))
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
