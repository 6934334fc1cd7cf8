"""Hostile memory: time and peak memory of a check of N one-line articles that all make one claim, and of
reading a rule file of many thousands of entities and claims.

Shapes of corpus, each built in a temporary folder for every N:

* copies: every article published on one day, half giving one day of the event and half another (a wire story
  filed thousands of times): two values, millions of disagreeing pairs;
* dated: every article published on a day of its own, half giving one day and half another without the year
  (so the event falls in the article's year): a few values per year, but as many publication dates as articles,
  which the comparison of plans and reports may need.

Then a generated rule file of `--entities` people and as many date claims (megabytes of TOML), checked against one
article. Every figure comes from running the command line as a user would (`factcheck check DIR --rules R --no-db
--format json`), in a fresh process, peak memory as benchmarks/scale.py measures it. Prints figures, asserts
nothing. Usage:

    python3 benchmarks/hostile_memory.py [--sizes 2000 10000 20000] [--shapes copies dated] [--entities 20000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale import factcheck, measured  # noqa: E402  (the runner beside this script)

RULE = """[entities.ada]
kind = "person"
name = "Ada Quillfeather"
variants = ["Quillfeather"]

[entities.bo]
kind = "person"
name = "Bo Marrowind"
variants = ["Marrowind"]

[[claims]]
id = "meeting-date"
kind = "date"
title = "Day Quillfeather met Marrowind"
who = "ada"
event = "meeting"
with = "bo"
"""


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


def corpus(root: Path, n: int, shape: str) -> None:
    """N one-line articles of one claim, half of one day and half of another (see the module's docstring)."""
    (root / "corpus").mkdir(parents=True)
    (root / "rules").mkdir()
    (root / "rules" / "meeting.toml").write_text(RULE, encoding="utf-8")
    first = dt.date(2031, 3, 20)
    for i in range(n):
        published = first + dt.timedelta(days=i if shape == "dated" else 0)
        (root / "corpus" / f"a{i:06d}.txt").write_text(
            f"date {published.isoformat()}\n\nAda Quillfeather met Bo Marrowind on March {14 + i % 2} in {hall(i)}.\n",
            encoding="utf-8")


def big_rules(root: Path, entities: int) -> None:
    """A rule file of `entities` people and one date claim about each of them with the next, and one article."""
    lines = []
    for i in range(entities):
        lines += [f"[entities.p{i}]", 'kind = "person"', f'name = "Ada {surname(i)}"',
                  f'variants = ["{surname(i)}"]', ""]
    for i in range(entities):
        lines += ["[[claims]]", f'id = "meeting-{i}"', 'kind = "date"',
                  f'title = "Day {surname(i)} met {surname(i + 1)}"',
                  f'who = "p{i}"', 'event = "meeting"', f'with = "p{(i + 1) % entities}"', ""]
    (root / "rules").mkdir(parents=True)
    (root / "rules" / "many.toml").write_text("\n".join(lines), encoding="utf-8")
    (root / "corpus").mkdir()
    (root / "corpus" / "one.txt").write_text("date 2031-03-20\n\nAda Baaova met Ada Babova on March 14.\n",
                                             encoding="utf-8")


def run(root: Path) -> str:
    """One check of the folder's corpus with its rules: seconds, peak MB, exit status and what the report holds."""
    report = root / "report.json"
    try:
        done = measured(factcheck("check", "corpus", "--rules", "rules", "--no-db", "--format", "json", "-o",
                                  str(report)), root)
    except SystemExit as failed:  # killed (out of memory) or crashed: a figure too
        return f"failed: {str(failed).splitlines()[0]}"
    findings = json.loads(report.read_text(encoding="utf-8"))["findings"]
    more = sum(int(m[1]) for f in findings if (m := re.search(r"\(and (\d+) more pairs\)", f["message"])))
    return (f"{done.seconds:>8.1f} {done.peak_mb:>8.0f} {done.exit_code:>5}  {len(findings)} findings"
            + (f", {more} pairs not listed" if more else ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000, 20000])
    parser.add_argument("--shapes", nargs="+", choices=["copies", "dated"], default=["copies", "dated"])
    parser.add_argument("--entities", type=int, default=20000, help="people (and claims) of the big rule file; 0: none")
    options = parser.parse_args()
    print(f"{'corpus':>8} {'N':>7} {'seconds':>8} {'peak MB':>8} {'exit':>5}  report")
    with tempfile.TemporaryDirectory() as work:
        for shape in options.shapes:
            for n in options.sizes:
                root = Path(work) / f"{shape}{n}"
                corpus(root, n, shape)
                print(f"{shape:>8} {n:>7} {run(root)}", flush=True)
        if options.entities:
            root = Path(work) / "rules"
            big_rules(root, options.entities)
            size = (root / "rules" / "many.toml").stat().st_size
            print(f"{'rules':>8} {options.entities:>7} {run(root)} (a rule file of {size / 1e6:.1f} MB)", flush=True)


if __name__ == "__main__":
    main()
