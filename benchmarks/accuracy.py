"""Accuracy on real news: every story of the development set checked with its rules, as a user runs it, and scored
against its hand-made gold.

For each story of ../shared/data/news-clusters/ (AP, New York Times and Xinhua reports of four events, with a
gold.json each) that has a rule file benchmarks/rules/STORY.toml, and for the bundled seeds (corpus/, gold in
benchmarks/gold/seeds.json): `factcheck check --format json` in a fresh process, the shared scorer
(../shared/tools/score_cluster.py) on its report, and `factcheck explain` of every trap sentence a claim's words
reach, which must show why the claim read nothing there. Prints one table, per story and claim kind: statement
precision and recall over the gold's dates, times and counts, discrepancies reported, false conflicts, traps taken
and traps left unexplained; then the totals and the targets, met or not.

    python3 benchmarks/accuracy.py [--story NAME ...] [--clusters DIR] [-v]

The cluster texts stay in ../shared (they are not ours to redistribute); without it the clusters are skipped with
the reason. Exit status 0 whatever the figures: this prints measurements, it does not judge.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CLUSTERS = SHARED / "data" / "news-clusters"
SCORER = SHARED / "tools" / "score_cluster.py"
RULES = ROOT / "benchmarks" / "rules"
SEEDS_GOLD = ROOT / "benchmarks" / "gold" / "seeds.json"
TARGETS = {"precision": 0.95, "recall": 0.85}

# A row of the scorer's table: claim, kind, gold, right, wrong, unsupported.
_ROW = re.compile(r"^(?P<claim>\S+)\s+(?P<kind>\w+)\s+(?P<gold>\d+)\s+(?P<right>\d+)\s+(?P<wrong>\d+)\s+"
                  r"(?P<unsup>\d+)$")


@dataclass
class Tally:
    """What the scorer and the explanations say of one story's claims of one kind (or of a total)."""

    gold: int = 0
    right: int = 0
    wrong: int = 0
    discrepancies: int = 0
    reported: int = 0
    false_conflicts: int = 0
    traps: int = 0
    taken: int = 0
    # Traps taken by a title read where the gold's own list of titles records that sentence's title (the scorer
    # compares a title's value with the gold's wording letter for letter, so factcheck's normalised "president
    # (National Assembly)" is not the gold's "president of the National Assembly (Cuba)"): counted as taken, and named.
    taken_recorded: int = 0
    unexplained: int = 0
    notes: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in ("gold", "right", "wrong", "discrepancies", "reported", "false_conflicts", "traps", "taken",
                     "taken_recorded", "unexplained"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float | None:
        return self.right / (self.right + self.wrong) if self.right + self.wrong else None

    @property
    def recall(self) -> float | None:
        return self.right / self.gold if self.gold else None

    def met(self) -> dict[str, bool]:
        return {
            "precision >= 0.95": self.precision is not None and self.precision >= TARGETS["precision"],
            "recall >= 0.85": self.recall is not None and self.recall >= TARGETS["recall"],
            "every discrepancy reported": self.reported == self.discrepancies,
            "no false conflict": self.false_conflicts == 0,
            "no trap taken": self.taken == 0,
            "every trap reached explained": self.unexplained == 0,
        }


@dataclass(frozen=True)
class Story:
    name: str
    corpus: Path
    rules: Path
    gold: Path


def stories(clusters: Path, wanted: list[str]) -> tuple[list[Story], list[str]]:
    """The stories to score, and why any was left out."""
    found: list[Story] = []
    skipped: list[str] = []
    if SEEDS_GOLD.exists():
        found.append(Story("seeds", ROOT / "corpus", ROOT / "rules", SEEDS_GOLD))
    if not clusters.is_dir():
        skipped.append(f"the development clusters: no {clusters} (the shared data set lies beside the repository)")
    else:
        for folder in sorted(p for p in clusters.iterdir() if (p / "gold.json").exists()):
            rules = RULES / f"{folder.name}.toml"
            if rules.exists():
                found.append(Story(folder.name, folder, rules, folder / "gold.json"))
            else:
                skipped.append(f"{folder.name}: no rule file {rules.relative_to(ROOT)}")
    if wanted:
        found = [s for s in found if s.name in wanted]
    return found, skipped


def factcheck(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "factcheck", *args], capture_output=True, text=True, cwd=ROOT)


def score(story: Story, report: Path) -> tuple[dict[str, str], list[dict[str, str]], str, list[str]]:
    """The scorer's rows, summary line and notes for one report; and the gold's kinds of claim."""
    result = subprocess.run([sys.executable, str(SCORER), str(story.gold), str(report), "-v"], capture_output=True,
                            text=True)
    lines = result.stdout.splitlines()
    rows = [m.groupdict() for line in lines if (m := _ROW.match(line))]
    summary = next((line for line in lines if line.startswith("cluster:")), "")
    notes = [line for line in lines if not _ROW.match(line) and not line.startswith(("cluster:", "claim "))]
    gold = json.loads(story.gold.read_text(encoding="utf-8"))
    kinds = {c["id"]: c["kind"] for c in gold["claims"]}
    return kinds, rows, summary, notes


def unexplained_traps(story: Story, kinds: dict[str, str], gold: dict) -> list[dict]:
    """The traps a claim's event words reach where the claim read nothing and gives no reason, as `factcheck
    explain` shows them (the library call it makes). A trap the claim's words never reach is no case: nothing was
    read there, and a claim without event words (a spelling, a title, a quote) has none."""
    sys.path.insert(0, str(ROOT))
    from factcheck.explain import explain
    from factcheck.inputs.article import read_article
    from factcheck.rules.load import load_rules

    rules = load_rules(story.rules)
    claims = {c.id for c in rules.claims}
    by_file: dict[str, list[dict]] = defaultdict(list)
    for trap in gold.get("traps", []):
        if trap.get("claim") in claims:
            by_file[trap["file"]].append(trap)
    found: list[dict] = []
    for file_name, traps in sorted(by_file.items()):
        traces = explain(read_article(story.corpus / file_name), rules)
        for trap in traps:
            quote = _compact(trap["quote"])
            trace = next((t for t in traces if quote in _compact(t.sentence.text)
                          or _compact(t.sentence.text) in quote), None)
            if trace is None:
                continue
            reached = any(claim == trap["claim"] for claim, _ in trace.cues)
            read = any(s.claim == trap["claim"] for s in trace.statements)
            said = any(r.claim == trap["claim"] for r in trace.rejections)
            if reached and not read and not said:
                found.append(trap)
    return found


def _compact(text: str) -> str:
    return " ".join(text.split())


def measure(story: Story, verbose: bool) -> dict[str, Tally]:
    """Per kind of claim, the story's tally."""
    with tempfile.TemporaryDirectory() as work:
        report_path = Path(work) / "report.json"
        run = factcheck("check", "--no-db", "-j", "1", str(story.corpus), "--rules", str(story.rules),
                        "--format", "json", "-o", str(report_path))
        if run.returncode not in (0, 1):
            raise SystemExit(f"factcheck check failed on {story.name} ({run.returncode}): {run.stderr.strip()}")
        kinds, rows, _, notes = score(story, report_path)
    gold = json.loads(story.gold.read_text(encoding="utf-8"))
    tallies: dict[str, Tally] = defaultdict(Tally)
    for row in rows:
        tally = tallies[row["kind"]]
        tally.gold += int(row["gold"])
        tally.right += int(row["right"])
        tally.wrong += int(row["wrong"])
    named = {d["what"] for d in gold.get("discrepancies", []) if d.get("what") in kinds}
    not_reported = {line.split(": ", 1)[1] for line in notes if line.startswith("discrepancy not reported: ")}
    for claim in named:
        tallies[kinds[claim]].discrepancies += 1
        tallies[kinds[claim]].reported += claim not in not_reported
    for line in notes:
        if line.startswith("false conflict: "):
            tallies[kinds[line.split(": ", 1)[1]]].false_conflicts += 1
        elif line.startswith("trap taken "):
            file_stem, claim = line.split()[2], line.split()[3].rstrip(":")
            tallies[kinds[claim]].taken += 1
            if kinds[claim] == "title" and _title_recorded(gold, file_stem, line):
                tallies[kinds[claim]].taken_recorded += 1
                tallies[kinds[claim]].notes.append(f"the gold's titles record the title of this trap's sentence: "
                                                   f"{file_stem} {claim}")
    for trap in gold.get("traps", []):
        if trap.get("claim") in kinds:
            tallies[kinds[trap["claim"]]].traps += 1
    for trap in unexplained_traps(story, kinds, gold):
        tallies[kinds[trap["claim"]]].unexplained += 1
        tallies[kinds[trap["claim"]]].notes.append(f"trap not explained: {trap['file']} {trap['claim']}: "
                                                    f"{_compact(trap['quote'])[:90]}")
    for line in notes:
        claim = next((c for c in kinds if f" {c}:" in f" {line}" or line.endswith(f": {c}")), None)
        if claim is not None:
            tallies[kinds[claim]].notes.append(line)
    if verbose:
        for kind, tally in sorted(tallies.items()):
            for note in tally.notes:
                print(f"  {story.name} {kind}: {note}")
    return dict(tallies)


def _title_recorded(gold: dict, file_stem: str, line: str) -> bool:
    """Whether the sentence of a taken trap (as the scorer quotes its start) is one whose title the gold's `titles`
    list records, as right or as a recorded wrong title."""
    start = line.split(' from "', 1)[1].rstrip('"') if ' from "' in line else ""
    return bool(start) and any(t["file"].startswith(file_stem) and _compact(t["quote"]).startswith(_compact(start))
                               for t in gold.get("titles", []))


def _figure(value: float | None) -> str:
    return "   -" if value is None else f"{value:4.2f}"


def _row(story: str, kind: str, tally: Tally) -> str:
    return (f"{story:18} {kind:9} {tally.gold:5} {_figure(tally.precision):>6} {_figure(tally.recall):>6} "
            f"{tally.reported:3}/{tally.discrepancies:<3} {tally.false_conflicts:6} {tally.taken:3}/{tally.traps:<4} "
            f"{tally.unexplained:6}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--story", action="append", default=[], help="only this story (repeatable)")
    parser.add_argument("--clusters", type=Path, default=CLUSTERS, help=f"the development set (default {CLUSTERS})")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss, wrong reading and trap")
    args = parser.parse_args(argv)
    found, skipped = stories(args.clusters, args.story)
    for reason in skipped:
        print(f"skipped: {reason}")
    if not SCORER.exists():
        print(f"skipped: every story: no scorer at {SCORER}")
        return 0
    print(f"{'story':18} {'kind':9} {'facts':>5} {'prec':>6} {'recall':>6} {'discr':>7} {'false':>6} "
          f"{'traps':>8} {'unexpl':>6}")
    total = Tally()
    by_story: dict[str, Tally] = {}
    for story in found:
        tallies = measure(story, args.verbose)
        story_total = Tally()
        for kind in sorted(tallies):
            print(_row(story.name, kind, tallies[kind]))
            story_total.add(tallies[kind])
        print(_row(story.name, "all", story_total))
        by_story[story.name] = story_total
        total.add(story_total)
    print(_row("total", "all", total))
    print()
    print("prec, recall: of the gold's dates, times and counts (statements right / read, right / gold); discr: "
          "discrepancies reported / named; false: conflicts on a claim no discrepancy names; traps: taken / in the "
          "gold; unexpl: traps a claim's words reach with no reason given in `factcheck explain`.")
    if total.taken_recorded:
        print(f"traps: {total.taken_recorded} of the {total.taken} taken are titles read in a sentence whose title the "
              "gold's own titles list records (right, or the recorded wrong title); the scorer compares a title's "
              "value with the gold's wording letter for letter, not as a role and its scope (-v names them).")
    print()
    for name, met in (("total", total.met()), *((n, t.met()) for n, t in by_story.items())):
        missing = [target for target, ok in met.items() if not ok]
        print(f"targets {name}: " + ("all met" if not missing else "not met: " + "; ".join(missing)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
