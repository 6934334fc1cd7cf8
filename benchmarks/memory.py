"""Memory: where the main process's memory goes in a check, measured with tracemalloc (worker processes are not
traced; they hold one article at a time).

Prints what the report holds after `engine.check` (the statements field by field, the article records, the rest of
the findings), then the peak each formatter adds while writing the report to a file. Sizes are of distinct objects:
a value shared by many statements counts once. Usage (a folder holding corpus/ and rules/, as benchmarks/scale.py
generates them):

    python3 benchmarks/memory.py /tmp/scale/n1000 [--jobs 2] [--formats json github ...]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from factcheck import formatters  # noqa: E402
from factcheck.engine import check  # noqa: E402
from factcheck.findings import Statement  # noqa: E402
from factcheck.rules.load import validate  # noqa: E402


def deep_size(root: Any, seen: set[int]) -> int:
    """Bytes of the objects reachable from `root` not already in `seen` (which it extends)."""
    total, stack = 0, [root]
    while stack:
        item = stack.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        total += sys.getsizeof(item)
        if isinstance(item, (str, int, float, bool, type(None))):
            continue
        if hasattr(item, "items") and callable(item.items):  # dicts and mapping proxies
            stack += [part for pair in item.items() for part in pair]
        elif isinstance(item, (list, tuple, set, frozenset)):
            stack += list(item)
        else:
            for cls in type(item).__mro__:
                stack += [getattr(item, name) for name in getattr(cls, "__slots__", ()) if hasattr(item, name)]
    return total


def mb(size: float) -> str:
    return f"{size / 1e6:8.1f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--formats", nargs="*", default=list(formatters.NAMES))
    args = parser.parse_args()
    rules, errors = validate(args.folder / "rules")
    if rules is None or errors:
        sys.exit(f"the rules in {args.folder / 'rules'} are not usable")
    tracemalloc.start()
    started = time.monotonic()
    report = check([args.folder / "corpus"], rules, jobs=args.jobs)
    current, peak = tracemalloc.get_traced_memory()
    statements = list({id(s): s for f in report.findings for s in f.statements}.values())
    print(f"check: {len(report.articles)} articles, {len(statements)} statements, {len(report.findings)} findings "
          f"in {time.monotonic() - started:.0f} s; traced now {mb(current)}, peak {mb(peak)}")
    seen: set[int] = set()
    print(f"  article records            {mb(deep_size(report.articles, seen))}")
    held = deep_size(statements, seen)
    print(f"  statements beyond those    {mb(held)}  ({held / max(len(statements), 1):.0f} B each)")
    print(f"  findings beyond those      {mb(deep_size(report.findings, seen))}")
    for name in Statement.__slots__:
        own: set[int] = set()
        print(f"    {name:20s}       {mb(sum(deep_size(getattr(s, name), own) for s in statements))}")
    for name in args.formats:
        with tempfile.TemporaryDirectory() as folder:
            target = os.path.join(folder, "report")
            tracemalloc.reset_peak()
            before, _ = tracemalloc.get_traced_memory()
            with open(target, "w", encoding="utf-8") as out:
                formatters.get(name).write(report, formatters.Options(False, 100, "rules"), out)
            _, peak = tracemalloc.get_traced_memory()
            print(f"  writing {name:10s} adds {mb(peak - before)} (the report is {mb(os.path.getsize(target))})")


if __name__ == "__main__":
    main()
