"""Speed on large and hostile articles: seconds per megabyte of `factcheck check`, as an article grows.

Each shape is written at each size into a folder of its own outside the repository, beside a small article that
names the bundled rules' people, and checked as a user runs it, in a fresh process:

    python3 -m factcheck check FOLDER --rules rules --no-db --format json --max-size 20000000

The shapes: real prose (the development clusters' texts, `../shared/data/news-clusters/*/`, concatenated and cut
to size; they stay outside the repository), a paragraph of quoted one-letter sentences ('"A." "A." ...'), a
paragraph of curly-quoted ones, one long sentence repeated, and words without a full stop. Reading should take
time near an article's length: the seconds per megabyte beyond start-up (a check of the small article alone,
timed first) should stay flat-ish as the size grows. Prints figures only (exit status, seconds, seconds per MB
beyond start-up, findings); a sound run's exit status is 1 (conflicts) or 0. Usage:

    python3 benchmarks/hostile_speed.py [--sizes 10000 100000 1000000 10000000] [--shapes prose quoted ...]
        [--shared ../shared] [--work DIR]

The 10 MB sizes take minutes each on a laptop.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
RULES = ROOT / "rules"
# The size limit a check is given: above the largest article written here.
MAX_SIZE = 20_000_000
HEADER = " date 2022-04-28 \n\n"


def prose(shared: Path) -> str:
    """The development clusters' article bodies, one after another."""
    texts = [path.read_text(encoding="utf-8", errors="replace")
             for path in sorted((shared / "data" / "news-clusters").glob("*/*.txt"))]
    if not texts:
        raise SystemExit(f"no real articles under {shared / 'data' / 'news-clusters'}: give --shared")
    return "\n\n".join(text.split("\n", 1)[1] if text.startswith(" date") else text for text in texts)


# Text of each shape, repeated to any length (cut at the size asked for).
SHAPES: dict[str, Callable[[Path], str]] = {
    "prose": prose,
    "quoted": lambda _: '"A." ',
    "curly": lambda _: "“A.” ",
    "sentence": lambda _: ("The envoy met the ministers in the capital on Tuesday after talks, before she flew on, "
                         "where she said the war must end. "),
    "no-stop": lambda _: "and the talks went on after the meetings, which ended late, before the flight ",
}


def article(unit: str, size: int) -> str:
    return HEADER + (unit * (size // len(unit) + 1))[:size]


def companion() -> str:
    """A small article of the bundled rules' story (the first of corpus/), checked beside the large one."""
    return sorted((ROOT / "corpus").glob("*.txt"))[0].read_text(encoding="utf-8")


def checked(folder: Path) -> tuple[int, float, int]:
    """Exit status, seconds and findings of a check of the folder, run as a user runs it."""
    start = time.perf_counter()
    # Run from the repository, so that `-m factcheck` is this checkout's.
    done = subprocess.run([sys.executable, "-m", "factcheck", "check", str(folder), "--rules", str(RULES), "--no-db",
                           "--format", "json", "--max-size", str(MAX_SIZE)], capture_output=True, text=True,
                          cwd=ROOT)
    seconds = time.perf_counter() - start
    findings = len(json.loads(done.stdout)["findings"]) if done.stdout.strip() else -1
    return done.returncode, seconds, findings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000, 1_000_000, 10_000_000])
    parser.add_argument("--shapes", nargs="*", default=list(SHAPES), choices=list(SHAPES))
    parser.add_argument("--shared", type=Path, default=SHARED, help=f"the shared data (default {SHARED})")
    parser.add_argument("--work", type=Path, default=None, help="where the articles are written (default: a "
                                                                  "temporary folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        work = args.work or Path(temporary)
        alone = work / "start-up"
        alone.mkdir(parents=True, exist_ok=True)
        (alone / "small.txt").write_text(companion(), encoding="utf-8")
        start_up = checked(alone)[1]
        print(f"start-up (the small article alone): {start_up:.1f} s")
        print(f"{'shape':10} {'bytes':>11} {'exit':>4} {'seconds':>8} {'s/MB':>8} {'findings':>8}")
        for shape in args.shapes:
            unit = SHAPES[shape](args.shared)
            for size in args.sizes:
                folder = work / f"{shape}-{size}"
                folder.mkdir(parents=True, exist_ok=True)
                (folder / "large.txt").write_text(article(unit, size), encoding="utf-8")
                (folder / "small.txt").write_text(companion(), encoding="utf-8")
                status, seconds, findings = checked(folder)
                print(f"{shape:10} {size:>11,} {status:>4} {seconds:>8.1f} "
                      f"{(seconds - start_up) / (size / 1e6):>8.1f} {findings:>8}", flush=True)


if __name__ == "__main__":
    main()
