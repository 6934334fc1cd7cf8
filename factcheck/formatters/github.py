"""GitHub Actions workflow commands: `::error file=...,line=...,col=...,title=...::message`, one per conflict
(warnings as `::warning`), on the anchoring statement; skipped inputs as warnings. Escaped as the runner expects:
in the message %, CR and LF; in properties also : and ,. Columns are UTF-16 code units, as GitHub counts them."""

from __future__ import annotations

from factcheck.findings import Report, Statement
from factcheck.formatters import OUTSIDE_SHOWN, Options, Output, outside
from factcheck.formatters.escape import workflow_data, workflow_property
from factcheck.formatters.locations import finding_message, settled, value_text
from factcheck.formatters.mastheads import Sources, front_matter, story


def _outlet(statement: Statement, known: Sources) -> str:
    info = known.get(statement.article)
    return f" ({info.source})" if info is not None and info.source else ""


def write(report: Report, options: Options, out: Output) -> None:
    known = front_matter(report)
    for finding in report.findings:
        anchor = finding.anchor
        if finding.status == "consistent" or anchor is None or finding.grouped_under is not None:
            continue  # a finding grouped under another is that one's slip: one annotation, which names it
        # A finding an editor accepted or called a false alarm no longer fails the run: a notice that says so.
        decided = settled(finding)
        command = "notice" if decided else "error" if finding.status == "conflict" else "warning"
        others = [s for s in finding.statements if s is not anchor]
        detail = "; ".join(f"{s.path}:{s.line}:{s.column}{_outlet(s, known)} says {value_text(s.value)}"
                           for s in others)
        here = story(known.get(anchor.article))
        message = (f"{finding_message(finding)}\nHere: {anchor.explanation}" + (f"\nStory: {here}" if here else "")
                   + (f"\nOthers: {detail}" if detail else "")
                   + "".join(f"\nAlso: {other} (the same slip)" for other in finding.also)
                   + (f"\nReviewed: {decided}" if decided else ""))
        properties = ",".join(f"{key}={workflow_property(str(value))}" for key, value in (
            ("file", anchor.path), ("line", anchor.line), ("col", anchor.utf16_column),
            ("endLine", anchor.end_line), ("endColumn", anchor.utf16_end_column), ("title", finding.title)))
        out.write(f"::{command} {properties}::{workflow_data(message)}\n")
    for skipped in report.skipped:
        out.write(f"::warning file={workflow_property(skipped.path)},title=skipped::{workflow_data(skipped.reason)}\n")
    left_out = outside(report)
    for path, why in left_out[:OUTSIDE_SHOWN]:
        out.write(f"::notice file={workflow_property(path)},title=not about the rules' stories::{workflow_data(why)}\n")
    if len(left_out) > OUTSIDE_SHOWN:
        out.write(f"::notice title=not about the rules' stories::{len(left_out) - OUTSIDE_SHOWN} more articles "
                  "tell none of the rules' stories (the JSON report lists them all)\n")
    for note in report.warnings:
        out.write(f"::notice title=factcheck note::{workflow_data(note)}\n")
