"""Baselines: findings editors have already reviewed, recorded so that CI only speaks of new ones.

A finding is recorded by its claim, its title, its status and its odd ones out: the articles and values that disagree
with what most of its sources say (decide.odd_ones_out), never line numbers. An edit that moves a sentence keeps it
recorded, and so does a new article that agrees with the majority; a new source of the odd value, a new value or a
worse status makes it a new finding. (Baselines written before odd ones out were recorded match by fingerprint: the
claim, the values and the articles.)
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from factcheck.findings import Finding, Report
from factcheck.inputs.files import read_regular

SCHEMA = "factcheck.baseline/1"
# Written by baselines whose articles are named by paths relative to the corpus folder (after 0.2.0; see ids.py).
PATH_IDS = "path"
# Marks, on each entry read, a baseline written before: its articles are named by their file's name.
LEGACY_IDS = "legacy_ids"
# Where `factcheck baseline` writes and `factcheck check` looks, in the folder it runs from.
DEFAULT_BASELINE = Path(".factcheck-baseline.json")


class BaselineError(Exception):
    """A baseline file that cannot be used; the message says why."""


def fingerprint(finding: Finding, *, by_file_name: bool = False) -> str:
    """A finding's claim, title, values and articles, hashed. `by_file_name`: as 0.2.0 named articles, by their
    file's name alone (ids are paths relative to the corpus root now; see ids.py)."""
    values = sorted({json.dumps(s.value, ensure_ascii=False) for s in finding.statements})
    articles = sorted({s.article.rsplit("/", 1)[-1] if by_file_name else s.article for s in finding.statements})
    key = json.dumps([finding.claim, finding.title, values, articles], ensure_ascii=False)
    return hashlib.sha256(key.encode()).hexdigest()[:24]


def recorded_as(finding: Finding, recorded: Mapping[str, Any]) -> str | None:
    """The fingerprint a baseline or a review file records this finding by, if it does: today's, or the one 0.2.0
    gave it where an article is in a subfolder of the corpus."""
    fp = fingerprint(finding)
    if fp in recorded:
        return fp
    if any("/" in s.article for s in finding.statements):
        legacy = fingerprint(finding, by_file_name=True)
        return legacy if legacy in recorded else None
    return None


def _odd(finding: Finding) -> list[tuple[str, str]]:
    """A finding's odd ones out as [article, value] pairs, sorted."""
    from factcheck.decide import odd_ones_out  # here: decide reads reviews, which read this module's fingerprints

    return sorted({(s.article, json.dumps(s.value, ensure_ascii=False)) for s in odd_ones_out(finding)})


def baseline_json(report: Report) -> str:
    entries = [{"fingerprint": fingerprint(f), "claim": f.claim, "title": f.title, "status": f.status,
                "values": sorted({json.dumps(s.value, ensure_ascii=False) for s in f.statements}),
                "articles": sorted({s.article for s in f.statements}),
                "odd_ones_out": [list(pair) for pair in _odd(f)]}
               for f in report.findings if f.status != "consistent"]
    return json.dumps({"schema": SCHEMA, "ids": PATH_IDS,
                       "findings": sorted(entries, key=lambda e: (e["claim"], e["fingerprint"]))},
                      ensure_ascii=False, indent=2) + "\n"


def read_baseline(path: Path) -> dict[str, dict[str, Any]]:
    try:
        data = json.loads(read_regular(path).decode("utf-8"))
    except OSError as error:
        raise BaselineError(f"{path}: cannot be read: {error.strerror or error}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BaselineError(f"{path}: not a factcheck baseline (not JSON: {error})") from None
    except RecursionError:  # valid JSON nested hundreds deep, which no baseline is
        raise BaselineError(f"{path}: not a factcheck baseline (JSON nested too deeply)") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{path}: not a factcheck baseline (schema {SCHEMA} expected); make one with "
                            "`factcheck baseline -o FILE`")
    # A baseline of 0.2.0 or before names articles by their file's name (no "ids" key): matched as such, only.
    legacy = data.get("ids") != PATH_IDS
    return {entry["fingerprint"]: {**entry, LEGACY_IDS: legacy} for entry in data["findings"]
            if isinstance(entry, dict) and isinstance(entry.get("fingerprint"), str)}


def _all_recorded(odd: set[tuple[str, str]], recorded: set[tuple[str, str]], legacy: bool) -> bool:
    """Whether a baseline records every odd one out. A baseline written before ids were paths relative to the
    corpus folder (0.2.0) names a file in a subfolder by its name alone: there `index` still stands for
    `news/a/index`, but for one article only, so that it never hides the same slip in another page bundle."""
    if odd <= recorded:
        return True
    if not legacy:
        return False
    by_name = [pair if pair in recorded else (pair[0].rsplit("/", 1)[-1], pair[1]) for pair in odd]
    return set(by_name) <= recorded and len(set(by_name)) == len(by_name)


def without_baseline(findings: list[Finding],
                     recorded: Mapping[str, Any]) -> tuple[list[Finding], tuple[str, ...], int]:
    """The findings the baseline does not record, the recorded ones that no longer occur, and how many findings it
    hid."""
    by_finding: dict[tuple[str, str, str], list[tuple[str, set[tuple[str, str]], bool]]] = {}
    for fp, entry in recorded.items():
        if isinstance(entry.get("odd_ones_out"), list):
            odd = {(str(pair[0]), str(pair[1])) for pair in entry["odd_ones_out"] if isinstance(pair, list)
                   and len(pair) == 2}
            by_finding.setdefault((entry.get("claim", ""), entry.get("title", ""), entry.get("status", "")),
                                  []).append((fp, odd, bool(entry.get(LEGACY_IDS))))
    kept: list[Finding] = []
    matched: set[str] = set()
    for finding in findings:
        if finding.status == "consistent":
            kept.append(finding)
            continue
        known = recorded_as(finding, recorded)
        if known is not None and (known == fingerprint(finding) or recorded[known].get(LEGACY_IDS)):
            matched.add(known)
            continue
        odd = set(_odd(finding))
        same = [other for other, recorded_odd, legacy in by_finding.get((finding.claim, finding.title,
                                                                          finding.status), [])
                if _all_recorded(odd, recorded_odd, legacy)]
        if same:
            matched.update(same)
        else:
            kept.append(finding)
    hidden = sum(f.status != "consistent" for f in findings) - sum(f.status != "consistent" for f in kept)
    gone = tuple(sorted(f"{entry['claim']} ({entry.get('title', '')}): {', '.join(entry.get('values', []))}"
                        for fp, entry in recorded.items() if fp not in matched))
    return kept, gone, hidden
