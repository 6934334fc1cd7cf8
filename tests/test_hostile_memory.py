"""Hostile input that made memory grow with the square of the input: thousands of articles making one claim, and a
rule file of thousands of entities and claims. Checked as a user runs them; what decide keeps is counted, never
timed or measured."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

from factcheck.decide import PAIRS_LISTED, disagreements
from factcheck.findings import Statement
from factcheck.kinds import registry
from factcheck.kinds.date import DateRange

ROOT = Path(__file__).resolve().parent.parent

PEOPLE = """[entities.ada]
kind = "person"
name = "Ada Quillfeather"
variants = ["Quillfeather"]

[entities.bo]
kind = "person"
name = "Bo Marrowind"
variants = ["Marrowind"]
"""

MEETING = PEOPLE + """
[[claims]]
id = "meeting-date"
kind = "date"
title = "Day Quillfeather met Marrowind"
who = "ada"
event = "meeting"
with = "bo"
"""

FLOOD = """[entities.varnholt]
kind = "place"
name = "Varnholt"

[entities.ada]
kind = "person"
name = "Ada Quillfeather"
variants = ["Quillfeather"]

[[claims]]
id = "flood-toll"
kind = "count"
title = "People killed in the Varnholt flood"
counted = ["people"]
event = "killed"
place = "varnholt"
"""


def hostile_case(root: Path, rules: str, lines: list[tuple[str, str]]) -> tuple[Path, Path]:
    """A rules folder and a corpus of one-line articles (published, line), a0000, a0001, ..."""
    (root / "rules").mkdir(parents=True)
    (root / "rules" / "story.toml").write_text(rules, encoding="utf-8")
    (root / "corpus").mkdir()
    for number, (published, line) in enumerate(lines):
        (root / "corpus" / f"a{number:04d}.txt").write_text(f"date {published}\n\n{line}\n", encoding="utf-8")
    return root / "corpus", root / "rules"


def letters(number: int) -> str:
    """A name of its own for each number, in letters ("Bcd" for 123): a number such as 1999 reads as a year, and
    a name with digits is no name."""
    return "".join(chr(ord("a") + int(digit)) for digit in str(number)).capitalize()


def surname(number: int) -> str:
    """A surname of its own for each number ("Bahova" for 7)."""
    return f"{letters(number + 100)}ova"


def hall(number: int) -> str:
    """What makes each article's line its own."""
    return f"Hall {letters(number)}"


def run_check(corpus: Path, rules: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """`factcheck check` as a user runs it, in a fresh process, with a generous time limit to prove it ends."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "factcheck", "check", str(corpus), "--rules", str(rules), "--no-db",
                           *options], capture_output=True, text=True, timeout=300, env=env, cwd=corpus.parent)


def test_two_thousand_articles_of_two_tolls_say_how_many_pairs_and_list_few(tmp_path: Path) -> None:
    """A million disagreeing pairs: the finding lists three, says how many more there are, and names every
    article; the check fails as a conflict, not a crash."""
    corpus, rules = hostile_case(tmp_path, FLOOD, [
        ("2031-03-20", f"The flood in Varnholt killed {12 if n % 2 else 40} people, Ada Quillfeather said in "
                       f"{hall(n)}.")
        for n in range(2000)])
    result = run_check(corpus, rules, "--format", "json")
    assert "Traceback" not in result.stderr
    assert result.returncode == 1
    report = json.loads(result.stdout)
    (finding,) = report["findings"]
    assert finding["status"] == "conflict"
    assert "(and 999997 more pairs)" in finding["message"]  # 1,000 x 1,000 pairs in all, three of them listed
    assert finding["message"].count(" vs ") == 3
    assert {s["article"] for s in finding["statements"]} == {f"a{n:04d}" for n in range(2000)}
    assert not report["skipped"]


def test_two_thousand_articles_each_published_on_its_day_are_all_reported(tmp_path: Path) -> None:
    """Two days of the event in articles published on 2,000 different days (so the event falls in each article's
    year): every article is in the finding and the check ends as a conflict."""
    first = dt.date(2031, 3, 20)
    corpus, rules = hostile_case(tmp_path, MEETING, [
        ((first + dt.timedelta(days=n)).isoformat(),
         f"Ada Quillfeather met Bo Marrowind on March {14 + n % 2} in {hall(n)}.") for n in range(2000)])
    result = run_check(corpus, rules, "--format", "json")
    assert "Traceback" not in result.stderr
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert {f["status"] for f in report["findings"]} == {"conflict"}
    assert {s["article"] for f in report["findings"] for s in f["statements"]} == {f"a{n:04d}" for n in range(2000)}
    assert not report["skipped"]


def test_a_rule_file_of_thousands_of_entities_and_claims_is_read(tmp_path: Path) -> None:
    """3,000 people and a date claim about each with the next, checked against one article: the claim it tells
    is reported, the others are not, and nothing crashes."""
    lines = []
    for n in range(3000):
        lines += [f"[entities.p{n}]", 'kind = "person"', f'name = "Ada {surname(n)}"',
                  f'variants = ["{surname(n)}"]', ""]
    for n in range(3000):
        lines += ["[[claims]]", f'id = "meeting-{n}"', 'kind = "date"',
                  f'title = "Day {surname(n)} met {surname(n + 1)}"',
                  f'who = "p{n}"', 'event = "meeting"', f'with = "p{(n + 1) % 3000}"', ""]
    corpus, rules = hostile_case(tmp_path, "\n".join(lines), [
        ("2031-03-20", "Ada Bahova met Ada Baiova on March 14."),
        ("2031-03-21", "Ada Bahova met Ada Baiova on March 15.")])
    result = run_check(corpus, rules, "--format", "json")
    assert "Traceback" not in result.stderr
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert [f["claim"] for f in report["findings"]] == ["meeting-7"]


def _meeting(number: int, day: int, published: dt.date, planned: bool = False) -> Statement:
    return Statement("c", f"a{number}", "p", published, 1, 1, number, number + 1, "q", 0, "t", f"2031-03-{day}", "e",
                     data=DateRange(dt.date(2031, 3, day), dt.date(2031, 3, day), planned))


def test_comparison_asks_once_per_pair_of_values_whatever_the_articles_and_their_days() -> None:
    """4,000 reports of two days, each published on a day of its own: two values, so the pair tests are asked
    four and two times (not once per pair of articles, nor per pair of publication dates); a million pairs of
    which the first PAIRS_LISTED are listed, and the rest counted."""
    kind = registry()["date"]
    assert kind.incompatible is not None
    first = dt.date(2031, 3, 20)
    statements = [_meeting(n, 14 + n % 2, first + dt.timedelta(days=n)) for n in range(2000)]
    asked = {"incompatible": 0, "explained": 0}

    def incompatible(a: Statement, b: Statement) -> bool:
        asked["incompatible"] += 1
        return kind.incompatible(a, b)  # type: ignore[misc]

    def explained(a: Statement, b: Statement) -> bool:
        asked["explained"] += 1
        return kind.explained(a, b)

    found = disagreements(statements, incompatible, explained, dated=kind.dated)
    assert asked == {"incompatible": 4, "explained": 2}
    assert len(found.unexplained) == PAIRS_LISTED
    assert len(found.unexplained) + found.unexplained_left_out == 1000 * 1000
    assert (found.explained, found.explained_left_out) == ([], 0)


def test_plans_keep_the_publication_dates_they_are_judged_by() -> None:
    """Where a plan is among the statements, when each was published matters (a plan published before a report
    may have changed): a plan against a later report is explained, against an earlier one it is not."""
    kind = registry()["date"]
    assert kind.incompatible is not None
    plan = _meeting(1, 15, dt.date(2031, 3, 10), planned=True)
    earlier, later = _meeting(0, 14, dt.date(2031, 3, 9)), _meeting(2, 14, dt.date(2031, 3, 20))
    found = disagreements([earlier, plan, later], kind.incompatible, kind.explained, dated=kind.dated)
    assert found.unexplained == [(earlier, plan)]
    assert found.explained == [(plan, later)]


def test_an_age_conflict_of_many_pairs_says_how_many_it_does_not_show() -> None:
    """Three ages of 52 against three of 44: nine pairs, three shown and the other six counted, as a count claim
    counts them."""
    from factcheck.decide import judge
    from factcheck.kinds.age import AgeValue

    kind = registry()["age"]
    day = dt.date(2031, 3, 20)
    statements = tuple(Statement("c", f"a{n}", "p", day, 1, 1, n, n + 1, "q", 0, "t", str(years), "e",
                                 data=AgeValue(years, day, True)) for n, years in enumerate([52, 44] * 3))
    case = judge(kind, None, statements)  # type: ignore[arg-type]
    message = kind.describe(case)
    assert message.count(" vs ") == 3
    assert message.endswith("(and 6 more pairs)")
