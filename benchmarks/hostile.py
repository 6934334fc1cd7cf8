"""The hostile battery at length: tests/test_hostile*.py with the property tests' long profile (2,000 examples each
instead of CI's 50, `HYPOTHESIS_PROFILE=hostile-long`, tests/conftest.py), in a fresh pytest process.

Prints how many tests passed and failed and the slowest of them, which is where a hostile shape found a reader that
is slow (a property test of the sentence splitter or the tagger that takes minutes is worth a look). Exit status:
pytest's, so a failure found by the long search is seen. Usage:

    python3 benchmarks/hostile.py [--profile hostile-long] [-k EXPRESSION]

About ten minutes on two cores.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", default="hostile-long", help="the hypothesis profile (tests/conftest.py)")
    parser.add_argument("-k", dest="expression", help="only the tests pytest -k selects")
    options = parser.parse_args()
    tests = sorted(str(path.relative_to(ROOT)) for path in (ROOT / "tests").glob("test_hostile*.py"))
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--durations=15", *tests]
    if options.expression:
        command += ["-k", options.expression]
    print(f"profile {options.profile}: {' '.join(tests)}", flush=True)
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env={**os.environ, "HYPOTHESIS_PROFILE": options.profile},
                          capture_output=True, text=True)
    lines = done.stdout.splitlines()
    slowest = [line for line in lines if line.split(" ", 1)[0].endswith("s") and "::" in line]
    print("slowest:")
    for line in slowest:
        print(f"  {line}")
    failures = [line for line in lines if line.startswith("FAILED")]
    for line in failures:
        print(line)
    print(lines[-1] if lines else done.stderr.strip())
    print(f"{time.perf_counter() - started:.0f} s in all")
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())
