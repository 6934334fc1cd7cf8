"""The JSON report, schema factcheck.report/1: a contract other tools rely on (see docs/report.md)."""

from __future__ import annotations

from typing import Any

from factcheck.findings import Finding, Report, Statement
from factcheck.formatters import Options, Output
from factcheck.formatters.json_stream import Items, Records, write_json

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


def _finding(finding: Finding, statements: list[dict[str, Any]] | Items) -> dict[str, Any]:
    return {
        "claim": finding.claim, "title": finding.title, "kind": finding.kind, "status": finding.status,
        "message": finding.message,
        "values": [{"value": list(g.value) if isinstance(g.value, tuple) else g.value, "articles": list(g.articles)}
                   for g in finding.values],
        "statements": statements,
        "also": list(finding.also),
        "grouped_under": finding.grouped_under,
        "decision": ({"verdict": finding.decision.verdict, "reviewer": finding.decision.reviewer,
                      "date": finding.decision.date, "note": finding.decision.note} if finding.decision else None),
    }


def write(report: Report, options: Options, out: Output) -> None:
    """The report, written finding by finding and statement by statement."""
    write_json({
        "schema": SCHEMA,
        "articles": Records(("id", "path", "published", "title", "source", "url"),
                            ((a.id, a.path, a.published.isoformat(), a.title or None, a.source or None, a.url or None)
                             for a in report.articles)),
        "findings": Items(_finding(f, Items(statement_json(s) for s in f.statements)) for f in report.findings),
        "skipped": Items({"path": s.path, "reason": s.reason} for s in report.skipped),
        "outside": Items({"article": a.id, "path": a.path, "reason": a.outside}
                         for a in sorted(report.articles, key=lambda a: a.path) if a.outside),
        "warnings": list(report.warnings),
        "new_articles": list(report.new_articles),
        "evidence_articles": report.evidence_articles,
        "baseline_gone": list(report.baseline_gone),
        "baseline_hidden": report.baseline_hidden,
    }, out)
    out.write("\n")
