"""Baselines: findings editors have already reviewed, recorded so that CI only speaks of new ones.

A finding's fingerprint is its claim, the set of values and the set of articles, never line numbers: an edit that
moves a sentence keeps it recorded; a new value or a new source makes it a new finding.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from factcheck.findings import Finding, Report

SCHEMA = "factcheck.baseline/1"


class BaselineError(Exception):
    """A baseline file that cannot be used; the message says why."""


def fingerprint(finding: Finding) -> str:
    values = sorted({json.dumps(s.value, ensure_ascii=False) for s in finding.statements})
    articles = sorted({s.article for s in finding.statements})
    key = json.dumps([finding.claim, finding.title, values, articles], ensure_ascii=False)
    return hashlib.sha256(key.encode()).hexdigest()[:24]


def baseline_json(report: Report) -> str:
    entries = [{"fingerprint": fingerprint(f), "claim": f.claim, "title": f.title, "status": f.status,
                "values": sorted({json.dumps(s.value, ensure_ascii=False) for s in f.statements}),
                "articles": sorted({s.article for s in f.statements})}
               for f in report.findings if f.status != "consistent"]
    return json.dumps({"schema": SCHEMA, "findings": sorted(entries, key=lambda e: (e["claim"], e["fingerprint"]))},
                      ensure_ascii=False, indent=2) + "\n"


def read_baseline(path: Path) -> dict[str, dict[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise BaselineError(f"{path}: cannot be read: {error.strerror or error}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BaselineError(f"{path}: not a factcheck baseline (not JSON: {error})") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{path}: not a factcheck baseline (schema {SCHEMA} expected); make one with "
                            "`factcheck baseline -o FILE`")
    return {entry["fingerprint"]: entry for entry in data["findings"]
            if isinstance(entry, dict) and isinstance(entry.get("fingerprint"), str)}


def without_baseline(findings: list[Finding], recorded: Mapping[str, Any]) -> tuple[list[Finding], tuple[str, ...]]:
    """The findings the baseline does not record, and the recorded ones that no longer occur."""
    present = {fingerprint(f) for f in findings}
    kept = [f for f in findings if f.status == "consistent" or fingerprint(f) not in recorded]
    gone = tuple(sorted(f"{entry['claim']} ({entry.get('title', '')}): {', '.join(entry.get('values', []))}"
                        for fp, entry in recorded.items() if fp not in present))
    return kept, gone
