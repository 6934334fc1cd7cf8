"""The JSON report, schema factcheck.report/1: a contract other tools rely on (see docs/report.md)."""

from __future__ import annotations

import json
from typing import Any

from factcheck.findings import Finding, Report, Statement
from factcheck.formatters import Options

SCHEMA = "factcheck.report/1"


def _number(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def statement_json(item: Statement) -> dict[str, Any]:
    value = list(item.value) if isinstance(item.value, tuple) else item.value
    return {
        "article": item.article, "path": item.path, "line": item.line, "column": item.column,
        "quote": item.quote, "text": item.text, "value": value, "explanation": item.explanation,
        **{key: _number(extra) for key, extra in item.extra.items()},
    }


def finding_json(finding: Finding) -> dict[str, Any]:
    return {
        "claim": finding.claim, "title": finding.title, "kind": finding.kind, "status": finding.status,
        "message": finding.message,
        "values": [{"value": list(g.value) if isinstance(g.value, tuple) else g.value, "articles": list(g.articles)}
                   for g in finding.values],
        "statements": [statement_json(s) for s in finding.statements],
        "decision": ({"verdict": finding.decision.verdict, "reviewer": finding.decision.reviewer,
                      "date": finding.decision.date, "note": finding.decision.note} if finding.decision else None),
    }


def report_json(report: Report) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "articles": [{"id": a.id, "path": a.path, "published": a.published.isoformat()} for a in report.articles],
        "findings": [finding_json(f) for f in report.findings],
        "skipped": [{"path": s.path, "reason": s.reason} for s in report.skipped],
        "warnings": list(report.warnings),
        "new_articles": list(report.new_articles),
        "baseline_gone": list(report.baseline_gone),
    }


def render(report: Report, options: Options) -> str:
    return json.dumps(report_json(report), ensure_ascii=False, indent=2) + "\n"
