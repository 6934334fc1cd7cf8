"""Scale: index and check synthetic corpora of N articles, as a newsroom archive grows.

For each N: articles per second for `factcheck index` and `factcheck check` (one job and two) with the archive's
rules (every article tells one of their stories) and with the repository's bundled rules (no article tells their
story), a check with the store warm, the latency of `check --new` of one article against the stored N, each run's
peak memory, and the precision and recall of the conflicts injected into the corpus (benchmarks/synthetic.py); then the
same corpus through the naive baseline (sentences with the rule's names, dateparser.search.search_dates) for comparison.

Every figure comes from running the command line as a user would, in a fresh process, so start-up and reading the
rules are counted. Usage:

    python3 benchmarks/scale.py --sizes 1000 10000 [--events 100] [--work DIR] [--baseline-limit 1000]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic  # noqa: E402  (the generator beside this script)


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float
    exit_code: int
    stdout: str


def measured(args: list[str], cwd: Path) -> Run:
    """The command run under a small Python wrapper that reports the peak memory of it and its children."""
    wrapper = ("import os, resource, subprocess, sys\n"
               "code = subprocess.call(sys.argv[1:])\n"
               "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
               "print(peak, file=sys.stderr)\n"
               "sys.exit(code)\n")
    start = time.perf_counter()
    process = subprocess.run([sys.executable, "-c", wrapper, *args], cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed ({process.returncode}):\n{process.stderr[-2000:]}")
    peak_kb = int(process.stderr.strip().splitlines()[-1])
    return Run(seconds, peak_kb / 1024, process.returncode, process.stdout)


def factcheck(*args: str) -> list[str]:
    """The command line of the factcheck this interpreter imports (PYTHONPATH may point at a frozen checkout)."""
    return [sys.executable, "-m", "factcheck", *args]


def _figures_only(score: dict[str, object]) -> dict[str, object]:
    """The score without its lists of articles (scripts that want them call synthetic.score themselves)."""
    return {key: value for key, value in score.items() if key not in ("false_positives", "missed")}


def one_size(n: int, events: int, work: Path, baseline_limit: int) -> dict[str, object]:
    root = work / f"n{n}"
    if not (root / "truth.json").exists():
        synthetic.generate(root, articles=n, events=events, seed=n)
    truth = synthetic.Truth.load(root / "truth.json")
    corpus, rules, db = "corpus", "rules", str(root / "index.db")
    figures: dict[str, object] = {"n": n, "events": events}
    for jobs in (1, 2):
        checked = measured(factcheck("check", corpus, "--rules", rules, "--no-db", "--jobs", str(jobs),
                                     "--format", "json"), root)
        figures[f"check_j{jobs}_per_s"] = n / checked.seconds
        figures[f"check_j{jobs}_peak_mb"] = checked.peak_mb
        if jobs == 1:
            figures["score"] = _figures_only(synthetic.score(json.loads(checked.stdout), truth))
    # The same archive with the repository's own rules (one story, which no article of the archive tells): what a
    # desk pays to check an archive most of which its rules do not concern.
    bundled = str(Path(__file__).resolve().parent.parent / "rules")
    for jobs in (1, 2):
        checked = measured(factcheck("check", corpus, "--rules", bundled, "--no-db", "--jobs", str(jobs),
                                     "--format", "json"), root)
        figures[f"bundled_j{jobs}_per_s"] = n / checked.seconds
    if os.path.exists(db):
        os.remove(db)
    indexed = measured(factcheck("index", corpus, "--rules", rules, "--db", db, "--jobs", "2"), root)
    figures["index_j2_per_s"] = n / indexed.seconds
    figures["index_peak_mb"] = indexed.peak_mb
    warm = measured(factcheck("check", corpus, "--rules", rules, "--db", db, "--format", "json"), root)
    figures["check_warm_s"] = warm.seconds
    figures["check_warm_peak_mb"] = warm.peak_mb
    # An article with an injected error, checked as new: read, and compared with the statements of the other N - 1.
    new_article = truth.errors[0].path if truth.errors else truth.articles[-1].path
    # Best of three: one run is at the mercy of whatever else the machine does for a second.
    latest = min((measured(factcheck("check", corpus, "--rules", rules, "--db", db, "--new", str(new_article),
                                     "--format", "json"), root) for _ in range(3)), key=lambda run: run.seconds)
    figures["check_new_s"] = latest.seconds
    figures["check_new_peak_mb"] = latest.peak_mb
    if n <= baseline_limit:
        start = time.perf_counter()
        naive = synthetic.naive_baseline(root / corpus, root / rules)
        figures["naive_per_s"] = n / (time.perf_counter() - start)
        figures["naive_score"] = _figures_only(synthetic.score(naive, truth))
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--events", type=int, default=100,
                        help="stories in the archive, each with its rule file (the same for every N, as a desk's "
                             "rules cover the stories it follows while the archive grows)")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "factcheck-scale")
    parser.add_argument("--baseline-limit", type=int, default=1000,
                        help="largest N the naive baseline is run on (it is slow)")
    options = parser.parse_args()
    rows = []
    for n in options.sizes:
        rows.append(one_size(n, min(options.events, n), options.work, options.baseline_limit))
        print(json.dumps(rows[-1]), flush=True)
    print()
    print(f"{'N':>7} {'check/s j1':>10} {'j2':>7} {'bundled/s j1':>12} {'j2':>7} {'index/s j2':>10} "
          f"{'warm s':>7} {'--new s':>8} {'peak MB':>8} {'P':>5} {'R':>5} | {'naive/s':>8} {'P':>5} {'R':>5}")
    for row in rows:
        score = row["score"]
        naive = row.get("naive_score") or {}
        print(f"{row['n']:>7} {row['check_j1_per_s']:>10.0f} {row['check_j2_per_s']:>7.0f} "
              f"{row['bundled_j1_per_s']:>12.0f} {row['bundled_j2_per_s']:>7.0f} "
              f"{row['index_j2_per_s']:>10.0f} {row['check_warm_s']:>7.1f} {row['check_new_s']:>8.2f} "
              f"{row['check_j1_peak_mb']:>8.0f} {score['precision']:>5.2f} {score['recall']:>5.2f} | "
              f"{row.get('naive_per_s', float('nan')):>8.0f} {naive.get('precision', float('nan')):>5.2f} "
              f"{naive.get('recall', float('nan')):>5.2f}")


if __name__ == "__main__":
    main()
