"""The review ledger: what editors decided about findings, so that nobody reviews them again.

Decisions live in a diff-friendly TOML file (`reviews.toml` beside the rules by default), one table per decision,
keyed by the finding's fingerprint (claim, values, articles; see baseline.py). A finding decided "accepted" (both
right at the time, a known difference) or "false alarm" no longer fails a check; "confirmed" (an error, a correction
requested) still does.
"""

from __future__ import annotations

import dataclasses
import json
import tomllib
from dataclasses import dataclass
from pathlib import Path

from factcheck.baseline import fingerprint, recorded_as
from factcheck.findings import Decision, Finding, Report
from factcheck.inputs.files import loads_toml, read_regular

VERDICTS = ("confirmed", "accepted", "false alarm")
PASSING_VERDICTS = ("accepted", "false alarm")


class ReviewsError(Exception):
    """A ledger that cannot be used; the message says why."""


@dataclass(frozen=True, slots=True)
class Entry:
    fingerprint: str
    claim: str
    title: str
    values: tuple[str, ...]
    decision: Decision


def load_reviews(path: Path) -> dict[str, Entry]:
    if not path.exists():
        return {}
    try:
        data = loads_toml(read_regular(path).decode("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ReviewsError(f"{path}: not a readable review ledger ({error})") from None
    entries = {}
    for number, raw in enumerate(data.get("decision", []), 1):
        try:
            if raw["verdict"] not in VERDICTS:
                raise ReviewsError(f"{path}: decision {number}: verdict must be one of {', '.join(VERDICTS)}")
            entry = Entry(raw["fingerprint"], raw.get("claim", ""), raw.get("title", ""), tuple(raw.get("values", ())),
                          Decision(raw["verdict"], raw.get("reviewer", ""), str(raw.get("date", "")),
                                   raw.get("note", "")))
        except (KeyError, TypeError) as error:
            raise ReviewsError(f"{path}: decision {number} lacks {error}") from None
        entries[entry.fingerprint] = entry
    return entries


def _toml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def save_reviews(path: Path, entries: dict[str, Entry]) -> None:
    lines = ["# factcheck review decisions: one [[decision]] per reviewed finding, keyed by its fingerprint.", ""]
    for entry in sorted(entries.values(), key=lambda e: (e.claim, e.fingerprint)):
        lines += ["[[decision]]", f"fingerprint = {_toml_string(entry.fingerprint)}",
                  f"claim = {_toml_string(entry.claim)}", f"title = {_toml_string(entry.title)}",
                  "values = [" + ", ".join(_toml_string(v) for v in entry.values) + "]",
                  f"verdict = {_toml_string(entry.decision.verdict)}",
                  f"reviewer = {_toml_string(entry.decision.reviewer)}",
                  f"date = {_toml_string(entry.decision.date)}", f"note = {_toml_string(entry.decision.note)}", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def entry_for(finding: Finding, decision: Decision) -> Entry:
    values = tuple(sorted({json.dumps(s.value, ensure_ascii=False) for s in finding.statements}))
    return Entry(fingerprint(finding), finding.claim, finding.title, values, decision)


def apply_reviews(report: Report, entries: dict[str, Entry]) -> Report:
    """The report with each finding's decision, if an editor made one."""
    findings = tuple(dataclasses.replace(f, decision=entries[fp].decision)
                     if (fp := recorded_as(f, entries)) is not None else f for f in report.findings)
    return dataclasses.replace(report, findings=findings)
