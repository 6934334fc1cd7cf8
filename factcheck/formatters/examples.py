"""How `factcheck rules test` shows the examples it ran: one line each, and for a failure what was expected,
what was read, and how, so the rule author sees the difference at a glance."""

from __future__ import annotations

from factcheck.examples import ExampleResult
from factcheck.formatters.escape import log_lines, terminal_text


def _value(value: object) -> str:
    if value is None:
        return "no statement"
    if isinstance(value, tuple):
        return "[" + ", ".join(map(str, value)) + "]"
    return str(value)


def render_example_results(results: list[ExampleResult]) -> str:
    lines: list[str] = []
    for result in results:
        where = f"{result.claim.path}:{result.example.line}"
        if result.passed:
            read = ", ".join(map(_value, result.actual)) or "no statement"
            lines.append(f"ok    {where}  {result.claim.id}: {result.example.text[:60]!r} -> {read}")
            continue
        lines.append(f"FAIL  {where}  {result.claim.id}")
        lines.append(f"        text:      {terminal_text(result.example.text)}")
        lines.append(f"        published: {result.example.published}")
        lines.append(f"      - expected:  {_value(result.example.value)}")
        lines.append(f"      + read:      {', '.join(map(_value, result.actual)) or 'no statement'}")
        for explanation in result.explanations:
            lines.append(f"        how:       {explanation}")
    failed = sum(not r.passed for r in results)
    lines.append(f"{len(results) - failed} passed, {failed} failed")
    return log_lines("\n".join(lines) + "\n")  # a rule's text may be shown in a CI log
