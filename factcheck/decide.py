"""Where statuses are decided: one place, so that every kind and every formatter agrees on what a conflict is.

Two statements that cannot both be true are a conflict, unless the disagreement is explained (a plan published
before a later report: the schedule may have changed), which makes it a warning; a statement that cannot be right
by itself (a misspelt name, a day count that misses the rule's reference date) is what its kind says it is; a group
whose statements cannot all hold together (orders that form a cycle) is a conflict. No disagreement: consistent.
Every finding of every claim is made here, from what its kind says of its statements (kinds/__init__.py), and so is
every finding of `check --new`, which is about a new article against what most published sources say.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from heapq import heappush, heapreplace

from factcheck.claims import Claim
from factcheck.findings import STATUS_ORDER, Finding, Report, Statement, Status, group_values, sort_statements
from factcheck.kinds import Case, Kind, kind, never
from factcheck.reviews import PASSING_VERDICTS

Incompatible = Callable[[Statement, Statement], bool]
Explained = Callable[[Statement, Statement], bool]


# The pairs a finding lists of each sort, unexplained and explained. A claim that thousands of copies of a few
# reports speak of has millions of disagreeing pairs: listing them all costs memory and time with the square of the
# articles. Beyond this many, the rest are counted, not listed; the first pair of every two values that disagree,
# of every statement that takes part, and every pair of an article with itself is still listed, so that a
# finding's message names every value and source.
PAIRS_LISTED = 10_000

Pair = tuple[Statement, Statement]
Key = tuple[object, object]  # what the pair tests look at: a statement's value record and publication date
Indexes = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Disagreements:
    """Pairs of statements that cannot both hold, in the order of the statements, and how many were left out."""

    unexplained: list[Pair]
    explained: list[Pair]
    unexplained_left_out: int = 0
    explained_left_out: int = 0


@dataclass(slots=True)
class _Sort:
    """The pairs of one sort (unexplained or explained) as they are found, key pair by key pair: how many in all,
    the first `listed` of them (a heap, largest on top, negated), and the first pair of each two values and of each
    key, which a message needs beyond those. Everything it keeps is bounded by `listed`, the distinct values
    squared and the distinct keys, never by the pairs."""

    listed: int
    total: int = 0
    first: list[tuple[int, int]] = field(default_factory=list)
    of_values: dict[tuple[object, object], Indexes] = field(default_factory=dict)
    of_keys: dict[Key, Indexes] = field(default_factory=dict)

    def add(self, key_a: Key, indexes_a: list[int], key_b: Key, indexes_b: list[int]) -> None:
        """The pairs (i, j), i before j, of a statement of key_a and one of key_b (the caller makes sure there is
        one: the first of key_a comes before the last of key_b)."""
        i = indexes_a[0]
        if len(indexes_a) == len(indexes_b) == 1:  # the usual pair where articles were published on days of their own
            self.total += 1
            earliest = (i, indexes_b[0])
        else:
            self.total += sum(len(indexes_b) - bisect_right(indexes_b, i) for i in indexes_a)
            earliest = (i, indexes_b[bisect_right(indexes_b, i)])
        for where, key in ((self.of_values, (key_a[0], key_b[0])), (self.of_keys, key_a), (self.of_keys, key_b)):
            if where.get(key, earliest) >= earliest:
                where[key] = earliest
        for i in indexes_a:
            for j in indexes_b[bisect_right(indexes_b, i):]:
                if len(self.first) < self.listed:
                    heappush(self.first, (-i, -j))
                elif self.first and (i, j) < (-self.first[0][0], -self.first[0][1]):
                    heapreplace(self.first, (-i, -j))
                else:
                    break  # the later j of this i come later still, and so does every pair of a later i
            else:
                continue
            break

    def pairs(self) -> set[Indexes]:
        return {(-i, -j) for i, j in self.first}


def disagreements(statements: tuple[Statement, ...] | list[Statement], incompatible: Incompatible,
                  explained: Explained = never, listed: int = PAIRS_LISTED,
                  dated: Callable[[Statement], bool] | None = None) -> Disagreements:
    """Pairs of statements that cannot both hold, unexplained and explained, in the order of the statements; an
    article that contradicts itself counts as much as two that contradict each other. Up to `listed` pairs of each
    sort are listed (see PAIRS_LISTED), and the others counted.

    `incompatible` looks only at a statement's value record, and `explained` at its record and publication date
    (see kinds.Kind), and only at the date of a statement `dated` picks, where one is given: the first is asked
    once per pair of distinct records, the second once per pair of distinct (record, date) keys of records that
    disagree, the date left out where no statement needs it. A claim that thousands of articles speak of, with a
    handful of values, costs a handful of tests, and what is kept grows with the values, not with the pairs."""
    by_date = explained is not never and (dated is None or any(map(dated, statements)))
    keys: list[Key] = [(item.data, item.published if by_date else None) for item in statements]
    members: dict[Key, list[int]] = {}
    for index, key in enumerate(keys):
        members.setdefault(key, []).append(index)
    first = {key: statements[indexes[0]] for key, indexes in members.items()}
    by_value: dict[object, list[Key]] = {}
    for key in members:
        by_value.setdefault(key[0], []).append(key)
    clashes = {a: {b for b in by_value if incompatible(first[by_value[a][0]], first[by_value[b][0]])}
               for a in by_value}
    sorts = {False: _Sort(listed), True: _Sort(listed)}
    for key_a, indexes_a in members.items():
        a, since = first[key_a], indexes_a[0]
        for value in clashes[key_a[0]]:
            for key_b in by_value[value]:
                indexes_b = members[key_b]
                if indexes_b[-1] > since:  # some statement of key_b comes after one of key_a: a pair
                    sorts[explained(a, first[key_b])].add(key_a, indexes_a, key_b, indexes_b)
    found: dict[bool, list[Indexes]] = {}
    for sort, pairs in sorts.items():
        shown = pairs.pairs()
        if pairs.total > len(shown):
            shown |= {*pairs.of_values.values(), *pairs.of_keys.values(),
                      *_within_articles(sort, statements, keys, first, clashes, explained)}
        found[sort] = sorted(shown)
    listing = {sort: [(statements[i], statements[j]) for i, j in found[sort]] for sort in (False, True)}
    return Disagreements(listing[False], listing[True], sorts[False].total - len(found[False]),
                         sorts[True].total - len(found[True]))


def _within_articles(sort: bool, statements: Sequence[Statement], keys: Sequence[Key], first: dict[Key, Statement],
                     clashes: dict[object, set[object]], explained: Explained) -> set[Indexes]:
    """The pairs of one sort of an article with itself, which a message names beyond the pairs listed."""
    by_article: dict[str, list[int]] = {}
    for index, item in enumerate(statements):
        by_article.setdefault(item.article, []).append(index)
    return {(i, j) for indexes in by_article.values() for n, i in enumerate(indexes) for j in indexes[n + 1:]
            if keys[j][0] in clashes[keys[i][0]] and explained(first[keys[i]], first[keys[j]]) == sort}


def status_of(unexplained: Sequence[object], explained_pairs: Sequence[object]) -> Status:
    if unexplained:
        return "conflict"
    return "warning" if explained_pairs else "consistent"


def worst(*statuses: Status) -> Status:
    return min(statuses, key=STATUS_ORDER.__getitem__)


def judge(of: Kind, claim: Claim, statements: tuple[Statement, ...]) -> Case:
    """A group of statements judged: its pairs that cannot both hold, each statement on its own, the group as a
    whole."""
    left_out = (0, 0)
    if of.pairs is not None:
        unexplained, explained = of.pairs(claim, statements)
    elif of.incompatible is not None:
        found = disagreements(statements, of.incompatible, of.explained, dated=of.dated)
        unexplained, explained = found.unexplained, found.explained
        left_out = (found.unexplained_left_out, found.explained_left_out)
    else:
        unexplained, explained = [], []
    status = status_of(unexplained, explained)
    if of.alone is not None:
        status = worst(status, *map(of.alone, statements))
    holds = of.holds_together is None or of.holds_together(statements)
    if not holds:
        status = "conflict"
    return Case(claim, statements, status, tuple(unexplained), tuple(explained), holds, pairs_left_out=left_out)


def findings_of(claim: Claim, statements: list[Statement]) -> list[Finding]:
    """The findings of one claim from the statements of all articles: the reduce step of a check. Each group of
    statements its kind makes (by name, by day, by remark) that disagrees is a finding of its own; those that agree
    make one finding together, beside them, or only when none disagrees if the kind says so (a claim of remarks
    reports its clashes, not the remarks quoted alike). A claim of no statement makes no finding, unless its kind
    makes one of silence."""
    of = kind(claim.kind)
    ordered = sort_statements(statements)
    groups = of.split(claim, ordered) if of.split is not None else [ordered] if ordered else []
    cases = [judge(of, claim, sort_statements(list(group))) for group in groups]
    disagreeing = [case for case in cases if case.status != "consistent"]
    agreeing = [case for case in cases if case.status == "consistent"]
    found = [_finding(of, case, of.entitle(case) if of.entitle is not None else claim.title) for case in disagreeing]
    if agreeing and (of.agreement_beside_disagreement or not disagreeing):
        together = sort_statements([s for case in agreeing for s in case.statements])
        found.append(_finding(of, Case(claim, together, "consistent", parts=tuple(c.statements for c in agreeing)),
                              claim.title))
    elif not cases and of.silence_is_a_finding:
        found.append(_finding(of, Case(claim, (), "consistent"), claim.title))
    return found


def _finding(of: Kind, case: Case, title: str) -> Finding:
    return Finding(case.claim.id, title, case.claim.kind, case.status, of.describe(case), case.statements,
                   group_values(case.statements))


def odd_ones_out(finding: Finding) -> list[Statement]:
    """The statements of a finding that disagree with what most of its sources say (the slip, not the majority it
    slips from): all of them for a kind that judges each article alone, or where no majority stands apart."""
    of = kind(finding.kind)
    statements = list(finding.statements)
    if of.judged_alone or of.incompatible is None:
        return statements
    incompatible = of.incompatible
    # A kind compares what statements read (their data), whoever gave it: each reading is compared once, with one
    # statement of each reading of the consensus, so that a thousand copies of a report cost as one.
    consensus = list(_by_data(_consensus(statements)).values())
    verdicts: dict[object, bool] = {}

    def disagrees(item: Statement) -> bool:
        try:
            return verdicts[item.data]
        except KeyError:
            verdicts[item.data] = found = any(incompatible(item, c) or incompatible(c, item) for c in consensus)
            return found
        except TypeError:  # a reading that cannot be a key: compared as it is
            return any(incompatible(item, c) or incompatible(c, item) for c in consensus)

    odd = [s for s in statements if disagrees(s)]
    return odd or statements


def _by_data(statements: list[Statement]) -> dict[object, Statement]:
    """One statement of each reading (by identity where a reading cannot be a key)."""
    kept: dict[object, Statement] = {}
    for item in statements:
        try:
            kept.setdefault(item.data, item)
        except TypeError:
            kept[id(item)] = item
    return kept


def _consensus(published: list[Statement]) -> list[Statement]:
    """The statements of the value (or values, on a tie) most published articles give."""
    groups = group_values(published)
    if not groups:
        return []
    most = len(groups[0].articles)
    top = {g.value for g in groups if len(g.articles) == most}
    return [s for s in published if s.value in top]


def focus_on_new(findings: list[Finding], new: set[str]) -> list[Finding]:
    """What new articles add to a published corpus (`check --new`): the whole corpus is evidence, but only a new
    article's disagreements are reported. A new statement is a conflict when it cannot hold together with what most
    published sources say (the consensus) or with another new article; an old disagreement among published
    articles, which editors have already seen, stays quiet. Each finding is anchored on the new statement, with the
    published ones it disagrees with beside it."""
    focused: list[Finding] = []
    for finding in findings:
        mine = [s for s in finding.statements if s.article in new]
        if not mine:
            continue
        of = kind(finding.kind)
        if of.judged_alone:
            focused += _their_own(finding, mine)
            continue
        published = [s for s in finding.statements if s.article not in new]
        against = _consensus(published)
        for article in sorted({s.article for s in mine}):
            own = [s for s in mine if s.article == article]
            others_new = [s for s in mine if s.article != article]
            if (found := _against(of, finding, article, own, [*against, *others_new])) is not None:
                focused.append(found)
    return focused


def _their_own(finding: Finding, mine: list[Statement]) -> list[Finding]:
    """The findings of a kind that judges each article alone (a doubtful date, a misspelling): what each new article
    does there is its own, whatever the published ones say."""
    if finding.status == "consistent":
        return []
    found = []
    for article in sorted({s.article for s in mine}):
        theirs = sort_statements([s for s in mine if s.article == article])
        found.append(Finding(finding.claim, finding.title, finding.kind, finding.status, finding.message, theirs,
                             group_values(theirs), article))
    return found


def _against(of: Kind, finding: Finding, article: str, own: list[Statement],
             others: list[Statement]) -> Finding | None:
    """A new article's statements against the consensus and the other new articles: a conflict, a warning when
    every disagreement is explained, or None when none disagrees."""
    incompatible = of.incompatible or never
    disagreeing = [(o, p) for o in own for p in others if incompatible(o, p)]
    if not disagreeing:
        return None
    status: Status = "warning" if all(of.explained(o, p) for o, p in disagreeing) else "conflict"
    related = sort_statements(list({p.article + str(p.start): p for _, p in disagreeing}.values()))
    values = "; ".join(f"{g.value} ({len(g.articles)} source{'s' if len(g.articles) != 1 else ''})"
                       for g in group_values(list(related)))
    mine_values = ", ".join(sorted({str(o.value) for o, _ in disagreeing}))
    message = f"{article} says {mine_values} where other sources say {values}"
    if status == "warning":
        message += f"; {of.why_explained}"
    statements = (*sort_statements(own), *related)  # the new article's own first: it anchors the finding
    return Finding(finding.claim, finding.title, finding.kind, status, message, statements,
                   group_values(list(statements)), article)


def group_related(findings: Sequence[Finding]) -> list[Finding]:
    """One slip, one finding in the count: a conflict or warning of another claim whose odd ones out are the very
    words of another finding's odd ones out (the same articles and spans: the wrong date of a meeting is a date
    conflict and, where it puts the person in two places, a whereabouts conflict read from the same words) is
    grouped under that one, the most severe first, and follows it in the report. Words that only overlap (a
    misspelt name inside the clause that dates a meeting) are two slips and stay two findings; so are two slips
    of two articles, and the findings of two new articles (check --new), each about its own."""
    failing = sorted((i for i, f in enumerate(findings) if f.status != "consistent"),
                     key=lambda i: (STATUS_ORDER[findings[i].status], i))
    # The words each finding was read from: only findings that share some are compared further, so that the odd
    # ones out are worked out for those alone.
    words = {i: {(s.article, s.start, s.end) for s in findings[i].statements} for i in failing}
    odd: dict[int, list[Statement]] = {}

    def slip(i: int) -> list[Statement]:
        """The finding's odd ones out, or none where no majority stands apart (all of them would be)."""
        if i not in odd:
            found = odd_ones_out(findings[i])
            odd[i] = found if len(found) < len(findings[i].statements) else []
        return odd[i]

    heads: list[int] = []
    under: dict[int, list[int]] = {}
    for i in failing:
        # Heads come most severe first: a finding is grouped under one at least as severe, and only where both
        # slips are the very same words, so that the grouping does not depend on which comes first.
        candidates = [h for h in heads if findings[h].claim != findings[i].claim
                      and findings[h].focus == findings[i].focus and not words[i].isdisjoint(words[h])]
        head = next((h for h in candidates if slip(i) and _same_slip(slip(i), slip(h))), None)
        if head is None:
            heads.append(i)
        else:
            under.setdefault(head, []).append(i)
    if not under:
        return list(findings)
    grouped = {i for members in under.values() for i in members}
    ordered: list[Finding] = []
    for i, finding in enumerate(findings):
        if i in grouped:
            continue
        members = under.get(i, [])
        ordered.append(replace(finding, also=tuple(findings[m].reference for m in members)) if members else finding)
        ordered += [replace(findings[m], grouped_under=finding.reference) for m in members]
    return ordered


def _same_slip(statements: Sequence[Statement], others: Sequence[Statement]) -> bool:
    """Whether two findings' odd ones out were read from the very same words (article, start and end)."""
    return {(s.article, s.start, s.end) for s in statements} == {(o.article, o.start, o.end) for o in others}


EXIT_OK, EXIT_FINDINGS = 0, 1


def exit_status(report: Report, fail_on: str = "conflict") -> int:
    """0 or 1 by the findings: conflicts fail by default, warnings too with fail_on="warning", nothing with "never".
    (Unusable input or rules, status 2, are decided before any report exists.)"""
    # A finding an editor accepted or called a false alarm no longer fails the run; a confirmed error still does.
    # A finding grouped under another is the same slip: undecided, it goes with the first one's decision; decided
    # on its own, its decision holds.
    statuses = {f.status for f in report.findings
                if (f.decision is not None and f.decision.verdict not in PASSING_VERDICTS)
                or (f.decision is None and f.grouped_under is None)}
    if fail_on == "never":
        return EXIT_OK
    if "conflict" in statuses or (fail_on == "warning" and "warning" in statuses):
        return EXIT_FINDINGS
    return EXIT_OK
