"""What a new article adds to a published corpus: `check --new` and `--changed-since`.

The whole corpus is evidence, but only a new article's disagreements are reported: a new statement is a conflict
when it cannot hold together with what most published sources say (the consensus) or with another new article; an
old disagreement among published articles, which editors have already seen, stays quiet. Each finding is anchored
on the new statement, with the published ones it disagrees with beside it.
"""

from __future__ import annotations

from collections.abc import Mapping

from factcheck.findings import Finding, Statement, Status, group_values, sort_statements
from factcheck.kinds import Kind, sanity


def _consensus(published: list[Statement]) -> list[Statement]:
    """The statements of the value (or values, on a tie) most published articles give."""
    groups = group_values(published)
    if not groups:
        return []
    most = len(groups[0].articles)
    top = {g.value for g in groups if len(g.articles) == most}
    return [s for s in published if s.value in top]


def focus_on_new(findings: list[Finding], new: set[str], kinds: Mapping[str, Kind]) -> list[Finding]:
    focused: list[Finding] = []
    for finding in findings:
        mine = [s for s in finding.statements if s.article in new]
        if not mine:
            continue
        # A doubtful date is its article's own, as are the findings of a kind that judges each article alone.
        if finding.kind == sanity.KIND or kinds[finding.kind].judged_alone:
            if finding.status == "consistent":
                continue
            for article in sorted({s.article for s in mine}):
                own = sort_statements([s for s in mine if s.article == article])
                focused.append(Finding(finding.claim, finding.title, finding.kind, finding.status, finding.message,
                                       own, group_values(own), article))
            continue
        kind = kinds[finding.kind]
        published = [s for s in finding.statements if s.article not in new]
        against = _consensus(published)
        for article in sorted({s.article for s in mine}):
            own = [s for s in mine if s.article == article]
            others_new = [s for s in mine if s.article != article]
            disagreeing = [(o, p) for o in own for p in (*against, *others_new) if kind.incompatible(o, p)]
            if not disagreeing:
                continue
            status: Status = "warning" if all(kind.explained(o, p) for o, p in disagreeing) else "conflict"
            related = sort_statements(list({p.article + str(p.start): p for _, p in disagreeing}.values()))
            values = "; ".join(f"{g.value} ({len(g.articles)} source{'s' if len(g.articles) != 1 else ''})"
                               for g in group_values(list(related)))
            mine_values = ", ".join(sorted({str(o.value) for o, _ in disagreeing}))
            message = f"{article} says {mine_values} where other sources say {values}"
            if status == "warning":
                message += f"; {kind.why_explained}"
            statements = (*sort_statements(own), *related)  # the new article's own first: it anchors the finding
            focused.append(Finding(finding.claim, finding.title, finding.kind, status, message, statements,
                                   group_values(list(statements)), article))
    return focused
