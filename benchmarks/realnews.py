"""Speed on real news: check, index and check --new of N real articles, against a naive dateparser peer.

The corpus of N articles cycles the seed articles (`../shared/seeds/`) and the four development clusters
(`../shared/data/news-clusters/*/`), each copy under an id of its own; it is built in a work folder outside the
repository, since those texts stay in `../shared`. The rules are the bundled rules and the clusters' rules, merged
into one folder with each file's ids prefixed by its story (two stories name the same people), so every article
tells one of the rules' stories, as it does on a desk that follows them.

Timed, as a user runs them, each in a fresh process (start-up, reading the rules and compiling patterns count):
`factcheck check` with one job and with two, `factcheck index`, a warm check on the store, `check --new` of one
article against the stored N, each one's peak memory; in the same run, on the same files, the naive peer (the
sentences that name a person of the rules, and every date `dateparser.search.search_dates` finds in them, its rate
measured on a sample since it is slow); and a
profile of a check of 200 articles by stage (reading, tagging, each kind, comparison, output). Usage:

    python3 benchmarks/realnews.py [--sizes 2000 100000] [--work DIR] [--peer-sample 200] [--profile 200]
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import json
import pstats
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale import factcheck, measured  # noqa: E402  (the runner beside this script)


def sources() -> list[Path]:
    """The real articles: the seeds and every development cluster's."""
    clusters = sorted((SHARED / "data" / "news-clusters").glob("*/*.txt"))
    seeds = sorted(p for p in (SHARED / "seeds").glob("*.txt"))
    found = [*seeds, *clusters]
    if not found:
        raise SystemExit(f"no real articles under {SHARED}: run beside ../shared")
    return found


def merged_rules(target: Path) -> Path:
    """The bundled rules and the clusters' rules in one folder, each file's entity and claim ids prefixed by its
    story, so that two stories that name the same person do not clash."""
    target.mkdir(parents=True, exist_ok=True)
    for path in [*sorted((ROOT / "rules").glob("*.toml")), *sorted((ROOT / "benchmarks" / "rules").glob("*.toml"))]:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
        prefix = re.sub(r"\W", "_", path.stem)
        for entity in data.get("entities", {}):
            text = re.sub(rf"\[entities\.{re.escape(entity)}\]", f"[entities.{prefix}__{entity}]", text)
            text = re.sub(rf'"{re.escape(entity)}"', f'"{prefix}__{entity}"', text)
        for claim in data.get("claims", []):
            text = re.sub(rf'(\bid\s*=\s*)"{re.escape(claim["id"])}"', rf'\1"{prefix}--{claim["id"]}"', text)
        (target / path.name).write_text(text, encoding="utf-8")
    return target


def corpus(target: Path, n: int) -> list[Path]:
    """N real articles cycled, each copy under a distinct id ("c0003-embassy-bombings-012_APW...")."""
    if target.exists() and len(list(target.iterdir())) == n:
        return sorted(target.iterdir())
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    real = sources()
    written = []
    for i in range(n):
        source = real[i % len(real)]
        path = target / f"c{i // len(real):05d}-{source.parent.name}-{source.name}"
        shutil.copyfile(source, path)
        written.append(path)
    return written


def naive_peer(paths: list[Path], rules: Path) -> int:
    """The naive script: in each article, the sentences that name a person of the rules, and every date that
    dateparser finds in them, relative to the publication date. Returns how many dates it found."""
    from dateparser.search import search_dates

    names: set[str] = set()
    for path in rules.glob("*.toml"):
        for entity in tomllib.loads(path.read_text(encoding="utf-8")).get("entities", {}).values():
            if entity.get("kind") == "person":
                names.update(n.casefold() for n in (entity["name"], *entity.get("variants", [])))
    found = 0
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        date = re.search(r"(\d{4}-\d{2}-\d{2})", text[:200])
        base = dt.datetime.fromisoformat(date.group(1)) if date else dt.datetime(2000, 1, 1)
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            folded = sentence.casefold()
            if any(name in folded for name in names):
                found += len(search_dates(sentence, settings={"RELATIVE_BASE": base}) or [])
    return found


# Where a function lives, as the stage of the work it belongs to.
_STAGES = (("factcheck/readers/temporal", "tagging (dates and times)"), ("factcheck/readers/text", "reading"),
           ("factcheck/inputs", "reading"), ("factcheck/readers", "reading (names, events, clauses, counts)"),
           ("factcheck/kinds/", "kind: "), ("factcheck/decide", "comparison"), ("factcheck/findings", "comparison"),
           ("factcheck/formatters", "output"), ("factcheck/rules", "rules"), ("factcheck/language", "rules"))


def profile(paths: list[Path], rules: Path) -> list[tuple[str, float]]:
    """A check of these articles in this process, its own time by stage (seconds of each function's own time,
    summed by the module it is in)."""
    from click.testing import CliRunner

    from factcheck.cli import main

    profiler = cProfile.Profile()
    runner = CliRunner()
    profiler.enable()
    runner.invoke(main, ["check", *map(str, paths), "--rules", str(rules), "--no-db", "--jobs", "1",
                         "--format", "json", "-o", str(Path(tempfile.gettempdir()) / "realnews-profile.json")])
    profiler.disable()
    stats = pstats.Stats(profiler, stream=io.StringIO())

    def stage_of(filename: str) -> str:
        where = filename.replace("\\", "/")
        for marker, name in _STAGES:
            if marker in where:
                tail = where.split(marker, 1)[1].split("/")[0].removesuffix(".py")
                return name + tail if name == "kind: " else name
        return "other (Python, libraries)"

    by_stage: dict[str, float] = {}
    table = stats.stats  # type: ignore[attr-defined]
    for (filename, _, _), (_, _, own, _, callers) in table.items():
        # A built-in (a regular expression's match, a string method) works for whoever called it: its time goes to
        # its callers' stages, in proportion to the time each spent in it.
        if filename == "~" and callers:
            spent = sum(timing[2] for timing in callers.values()) or 1.0
            for caller, timing in callers.items():
                stage = stage_of(caller[0])
                by_stage[stage] = by_stage.get(stage, 0.0) + own * timing[2] / spent
            continue
        by_stage[stage_of(filename)] = by_stage.get(stage_of(filename), 0.0) + own
    return sorted(by_stage.items(), key=lambda item: -item[1])


def one_size(n: int, work: Path, rules: Path, peer_sample: int, cold: bool = True) -> dict[str, object]:
    """The figures of one size; without `cold`, only the store's (index, warm check, check --new): at 100,000
    articles the cold checks take an hour and say nothing the 2,000 do not."""
    root = work / f"n{n}"
    paths = corpus(root / "corpus", n)
    figures: dict[str, object] = {"n": n}
    for jobs in (1, 2) if cold else ():
        run = measured(factcheck("check", "corpus", "--rules", str(rules), "--no-db", "--jobs", str(jobs),
                                 "--format", "json", "-o", str(root / f"check-j{jobs}.json")), root)
        figures[f"check_j{jobs}_per_s"] = n / run.seconds
        figures[f"check_j{jobs}_peak_mb"] = run.peak_mb
    if cold:
        report = json.loads((root / "check-j1.json").read_text(encoding="utf-8"))
        figures["statements"] = sum(len(f["statements"]) for f in report["findings"])
    db = root / "index.db"
    db.unlink(missing_ok=True)
    run = measured(factcheck("index", "corpus", "--rules", str(rules), "--db", str(db), "--jobs", "2"), root)
    figures["index_j2_per_s"] = n / run.seconds
    figures["index_peak_mb"] = run.peak_mb
    run = measured(factcheck("check", "corpus", "--rules", str(rules), "--db", str(db), "--format", "json",
                             "-o", str(root / "warm.json")), root)
    figures["check_warm_s"] = run.seconds
    figures["check_warm_peak_mb"] = run.peak_mb
    newest = min((measured(factcheck("check", "corpus", "--rules", str(rules), "--db", str(db), "--new",
                                     f"corpus/{paths[-1].name}", "--format", "json", "-o", str(root / "new.json")),
                           root)
                  for _ in range(3)), key=lambda r: r.seconds)  # best of three: a second of noise is no figure
    figures["check_new_s"] = newest.seconds
    figures["check_new_peak_mb"] = newest.peak_mb
    if peer_sample and cold:
        # The peer is slow (dateparser on every sentence that names a person): its rate is measured on the first
        # articles of the corpus, which hold every real article at least once when the sample is large enough.
        sample = paths[:peer_sample]
        start = time.perf_counter()
        figures["peer_dates"] = naive_peer(sample, rules)
        figures["peer_per_s"] = len(sample) / (time.perf_counter() - start)
        figures["peer_sample"] = len(sample)
        figures["ratio_j1"] = figures["check_j1_per_s"] / figures["peer_per_s"]  # type: ignore[operator]
        figures["ratio_j2"] = figures["check_j2_per_s"] / figures["peer_per_s"]  # type: ignore[operator]
    return figures


def _ratio(row: dict[str, object], a: str, b: str) -> str:
    """a / b of a row's figures, or "-" where the row has not both."""
    x, y = row.get(a), row.get(b)
    return f"{x / y:.2f}" if isinstance(x, (int, float)) and isinstance(y, (int, float)) and y else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000])
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "factcheck-realnews")
    parser.add_argument("--peer-sample", type=int, default=200,
                        help="articles the naive peer's rate is measured on (0: no peer)")
    parser.add_argument("--profile", type=int, default=200, help="articles of the profile by stage (0: none)")
    parser.add_argument("--cold-up-to", type=int, default=20000,
                        help="the largest size whose cold checks and peer are timed; larger sizes time the store only")
    options = parser.parse_args()
    rules = merged_rules(options.work / "rules")
    checked = subprocess.run(factcheck("rules", "check", str(rules)), capture_output=True, text=True)
    if checked.returncode != 0:
        raise SystemExit(f"the merged rules do not load:\n{checked.stdout}{checked.stderr}")
    print(f"{len(sources())} real articles cycled; rules: {', '.join(sorted(p.stem for p in rules.glob('*.toml')))}")
    rows = []
    for n in options.sizes:
        rows.append(one_size(n, options.work, rules, options.peer_sample, n <= options.cold_up_to))
        print(json.dumps(rows[-1]), flush=True)
    print()
    print(f"{'N':>7} {'check/s j1':>10} {'j2':>6} {'j2/j1':>6} {'peer/s':>7} {'x peer j1':>9} {'j2':>5} "
          f"{'index/s':>8} {'warm s':>7} {'--new s':>8} {'peak MB':>8}")
    for row in rows:
        def f(key: str, spec: str, row: dict[str, object] = row) -> str:
            value = row.get(key)
            return format(value, spec) if isinstance(value, (int, float)) else format("-", spec.split(".")[0])
        peak = max(float(row[k]) for k in row if str(k).endswith("peak_mb"))  # type: ignore[arg-type]
        print(f"{row['n']:>7} {f('check_j1_per_s', '>10.0f')} {f('check_j2_per_s', '>6.0f')} "
              f"{_ratio(row, 'check_j2_per_s', 'check_j1_per_s'):>6} "
              f"{f('peer_per_s', '>7.0f')} {f('ratio_j1', '>9.2f')} {f('ratio_j2', '>5.2f')} "
              f"{f('index_j2_per_s', '>8.0f')} {f('check_warm_s', '>7.1f')} {f('check_new_s', '>8.2f')} {peak:>8.0f}")
    if options.profile:
        paths = corpus(options.work / f"profile{options.profile}", options.profile)
        stages = profile(paths, rules)
        total = sum(seconds for _, seconds in stages)
        print(f"\nprofile of a check of {options.profile} articles, one job, in-process (own time by stage):")
        for stage, seconds in stages:
            print(f"  {stage:<42} {seconds:>7.2f} s  {100 * seconds / total:>5.1f}%")


if __name__ == "__main__":
    main()
