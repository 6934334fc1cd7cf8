"""SARIF 2.1.0 (the format code-scanning services read): one result per conflict or warning, anchored on one
statement with the others as related locations, stable partial fingerprints, skipped inputs as notifications.
Columns are UTF-16 code units, the SARIF default."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any
from urllib.parse import quote

from factcheck import __version__
from factcheck.baseline import fingerprint
from factcheck.findings import Finding, Report, Statement
from factcheck.formatters import Options, Output, outside
from factcheck.formatters.json_stream import Items, write_json
from factcheck.formatters.locations import LEVELS, finding_message, settled, statement_message
from factcheck.formatters.mastheads import Sources, front_matter

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


# Relative paths are relative to the folder factcheck ran from (in CI, the repository root); the base is named, not
# written out, so the report does not depend on the machine and a viewer can map it to its checkout.
SOURCE_ROOT = "SRCROOT"


def artifact_location(path: str) -> dict[str, str]:
    """A path as a SARIF artifact location: relative paths percent-encoded on the source root, absolute ones as
    file: URIs."""
    if Path(path).is_absolute():
        return {"uri": Path(path).as_uri()}
    # A name that is not UTF-8 keeps its own bytes, percent-encoded: the URI names the very file.
    return {"uri": quote(Path(path).as_posix(), errors="surrogateescape"), "uriBaseId": SOURCE_ROOT}


def _location(statement: Statement, known: Sources, identifier: int | None = None) -> dict[str, Any]:
    location: dict[str, Any] = {
        "physicalLocation": {
            "artifactLocation": artifact_location(statement.path),
            "region": {"startLine": statement.line, "startColumn": statement.utf16_column,
                       "endLine": statement.end_line, "endColumn": statement.utf16_end_column,
                       "snippet": {"text": statement.text}},
            "contextRegion": {"startLine": statement.line, "snippet": {"text": statement.quote}},
        },
        "message": {"text": statement_message(statement, known)},
    }
    if (info := known.get(statement.article)) is not None:
        location["properties"] = {key: value for key, value in (("title", info.title), ("source", info.source),
                                                                ("url", info.url)) if value}
    if identifier is not None:
        location["id"] = identifier
    return location


def _result(finding: Finding, anchor: Statement, known: Sources) -> dict[str, Any]:
    related = (s for s in finding.statements if s is not anchor)
    return {
        "ruleId": finding.claim,
        "level": LEVELS[finding.status],
        "message": {"text": finding_message(finding) + "".join(f"; also: {other} (the same slip)"
                                                               for other in finding.also)},
        "locations": [_location(anchor, known)],
        "relatedLocations": Items(_location(s, known, number) for number, s in enumerate(related, 1)),
        "partialFingerprints": {"factcheckFinding/v1": fingerprint(finding)},
        "properties": {"status": finding.status, "title": finding.title,
                       **({"also": list(finding.also)} if finding.also else {})},
        # An editor's review that passes it: suppressed, as code-scanning services read a dismissed alert.
        **({"suppressions": [{"kind": "external", "status": "accepted", "justification": decided}]}
           if (decided := settled(finding)) else {}),
    }


def write(report: Report, options: Options, out: Output) -> None:
    """The log, written a result at a time; the rules, which come first, are read off the findings before."""
    # A finding grouped under another is that one's slip: one result, which names it.
    reported = [(finding, anchor) for finding in report.findings
                if finding.status != "consistent" and finding.grouped_under is None
                and (anchor := finding.anchor) is not None]
    known = front_matter(report)
    rules: dict[str, dict[str, Any]] = {}
    for finding, _ in reported:
        rules.setdefault(finding.claim, {"id": finding.claim, "name": finding.claim,
                                         "shortDescription": {"text": finding.title.split(": ")[0]},
                                         "properties": {"kind": finding.kind}})
    notifications = Items(itertools.chain(
        ({"level": "warning", "message": {"text": f"skipped: {s.reason}"},
          "locations": [{"physicalLocation": {"artifactLocation": artifact_location(s.path)}}]}
         for s in report.skipped),
        ({"level": "note", "message": {"text": f"not about the rules' stories: {why}"},
          "locations": [{"physicalLocation": {"artifactLocation": artifact_location(path)}}]}
         for path, why in outside(report)),
        ({"level": "note", "message": {"text": warning}} for warning in report.warnings)))
    write_json({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "factcheck", "version": __version__,
                                "rules": sorted(rules.values(), key=lambda r: r["id"])}},
            "originalUriBaseIds": {SOURCE_ROOT: {"description": {"text": "the folder factcheck ran from"}}},
            "columnKind": "utf16CodeUnits",
            "invocations": [{"executionSuccessful": not (report.internal_errors or report.rule_errors),
                             "toolExecutionNotifications": notifications}],
            "results": Items(_result(finding, anchor, known) for finding, anchor in reported),
        }],
    }, out)
    out.write("\n")
