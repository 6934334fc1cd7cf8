#!/usr/bin/env python3
"""Benchmark the temporal tagger on TempEval-3 (TBAQ-cleaned TimeBank and AQUAINT), scored as Task A.

Compares factcheck.readers.temporal.tag with a naive dateparser baseline (dateparser.search.search_dates) and prints
HeidelTime's published figures beside them for reference.

    python benchmarks/tempeval.py                      # both corpora, both systems, table only
    python benchmarks/tempeval.py --corpus AQUAINT --no-baseline
    python benchmarks/tempeval.py --errors 10          # + up to 10 value errors, missed and spurious per corpus

Data
    ../shared/data/tempeval3/tbaq/{TimeBank,AQUAINT}/*.tml beside the repository (or --data). Each document's
    reference date is its creation time, the TIMEX3 with functionInDocument="CREATION_TIME" (first 10 characters of
    its value). The text tagged is the content of <TEXT> with every tag removed and entities unescaped (parsed with
    xml.etree, so text and gold offsets agree); gold timexes are the TIMEX3 elements inside <TEXT>, with offsets
    into that stripped text.

Scoring (TempEval-3 Task A)
    Matching is one-to-one per document: first every pair with identical offsets (strict), then the remaining
    overlapping pairs, largest overlap first. strict P/R/F1 count only the identical-offset pairs; relaxed P/R/F1
    count all matched pairs. type F1 and value F1 count a matched pair as a true positive only if its TIMEX3 type
    (value) is also equal: F1 = 2·TP / (gold + system), i.e. attribute accuracy × relaxed F1. Values are compared
    as exact strings; mod is not scored. Figures are micro-averaged over all documents of a corpus ("all" = both).

Baseline
    search_dates(text, languages=['en'], settings={'RELATIVE_BASE': DCT, 'PREFER_DATES_FROM': 'past'}); each
    returned substring is located in the text from the end of the previous one (substrings that cannot be found
    are dropped and counted). Every result is type DATE; its value is YYYY if the substring is just a year
    ("1998", "in 1998"), YYYY-MM if it names a month and has no other number than a 4-digit year ("March",
    "in March 1997"), else YYYY-MM-DD. search_dates returning None or raising counts as no timexes.

Throughput
    KB/s = bytes (UTF-8, 1 KB = 1000 bytes) of all stripped texts of a corpus / wall time to tag them all
    (time.perf_counter); best of 7 runs for factcheck (the machine is shared: the best run is the one least
    disturbed), a single run for dateparser (slow). Parsing and scoring are not timed. The "all" row divides the total
    bytes by the summed times.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import time
import warnings
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parents[1] / "shared" / "data" / "tempeval3"
CORPORA = ("TimeBank", "AQUAINT")

# HeidelTime v1.8's own evaluation on the same training sets (README.md of the data): strict F1, relaxed F1,
# value F1, type F1.
HEIDELTIME = {
    "TimeBank": {"strict": 84.91, "relaxed": 91.57, "value": 79.24, "type": 88.81},
    "AQUAINT": {"strict": 80.99, "relaxed": 91.78, "value": 72.95, "type": 83.39},
}


# ------------------------------------------------------------------------------------------------------------ data

@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class Document:
    name: str
    corpus: str
    dct: dt.date
    text: str
    gold: list[Span]


def _strip(element: ET.Element, parts: list[str], offset: int, gold: list[Span]) -> int:
    """Append the text content of element (tags removed) to parts, recording TIMEX3 spans; returns the new offset."""
    start = offset
    if element.text:
        parts.append(element.text)
        offset += len(element.text)
    for child in element:
        offset = _strip(child, parts, offset, gold)
        if child.tail:
            parts.append(child.tail)
            offset += len(child.tail)
    if element.tag == "TIMEX3":
        # the span text is filled in by load_document once the whole text is joined
        gold.append(Span(start, offset, "", element.get("type", ""), element.get("value", "")))
    return offset


def load_document(path: Path, corpus: str) -> Document:
    root = ET.parse(path).getroot()
    dcts = [t for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME"]
    if len(dcts) != 1:
        raise ValueError(f"{path}: {len(dcts)} creation-time TIMEX3 elements")
    dct = dt.date.fromisoformat(dcts[0].get("value", "")[:10])
    texts = root.findall(".//TEXT")
    if len(texts) != 1:
        raise ValueError(f"{path}: {len(texts)} TEXT elements")
    parts: list[str] = []
    raw: list[Span] = []
    length = _strip(texts[0], parts, 0, raw)
    text = "".join(parts)
    assert len(text) == length
    gold = sorted((Span(s.start, s.end, text[s.start:s.end], s.type, s.value) for s in raw), key=lambda s: s.start)
    return Document(path.stem, corpus, dct, text, gold)


def load_corpus(data: Path, corpus: str) -> list[Document]:
    paths = sorted((data / "tbaq" / corpus).glob("*.tml"))
    if not paths:
        raise SystemExit(f"no .tml files in {data / 'tbaq' / corpus}")
    return [load_document(path, corpus) for path in paths]


# --------------------------------------------------------------------------------------------------------- systems

@dataclass
class System:
    name: str
    run: Callable[[Document], list[Span]]
    timing_runs: int
    failures: Counter = field(default_factory=Counter)  # what went wrong, per kind, over the last run


def factcheck_system() -> System:
    from factcheck.readers.temporal import tag

    system = System("factcheck", lambda doc: [], 7)

    def run(doc: Document) -> list[Span]:
        try:
            found = tag(doc.text, doc.dct)
        except Exception as error:  # noqa: BLE001 - a benchmark reports failures, it does not stop on them
            system.failures[f"tag raised {type(error).__name__}"] += 1
            return []
        return [Span(t.start, t.end, t.text, t.type, t.value) for t in found]

    system.run = run
    return system


_YEAR_ONLY = re.compile(r"\A\W*(?:(?:in|of|since|by|during|until|from)\s+)?(?:the\s+year\s+)?\d{4}\W*\Z", re.I)
_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b\.?", re.I)
_NUMBER = re.compile(r"\d+")


def dateparser_value(substring: str, when: dt.datetime) -> str:
    """The TIMEX3 value of a search_dates result: YYYY, YYYY-MM or YYYY-MM-DD (see the module docstring)."""
    if _YEAR_ONLY.match(substring):
        return f"{when.year:04d}"
    numbers = _NUMBER.findall(substring)
    if _MONTH.search(substring) and all(len(n) == 4 for n in numbers):
        return f"{when.year:04d}-{when.month:02d}"
    return when.strftime("%Y-%m-%d")


def dateparser_system() -> System:
    from dateparser.search import search_dates

    system = System("dateparser", lambda doc: [], 1)

    def run(doc: Document) -> list[Span]:
        settings = {"RELATIVE_BASE": dt.datetime.combine(doc.dct, dt.time()), "PREFER_DATES_FROM": "past"}
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                found = search_dates(doc.text, languages=["en"], settings=settings)
        except Exception as error:  # noqa: BLE001
            system.failures[f"search_dates raised {type(error).__name__}"] += 1
            return []
        if not found:
            system.failures["search_dates returned nothing"] += 1
            return []
        spans, cursor = [], 0
        for substring, when in found:
            start = doc.text.find(substring, cursor)
            if start < 0 or not substring:
                system.failures["substring not found in text"] += 1
                continue
            cursor = start + len(substring)
            spans.append(Span(start, cursor, substring, "DATE", dateparser_value(substring, when)))
        return spans

    system.run = run
    return system


def run_timed(system: System, documents: list[Document]) -> tuple[list[list[Span]], float]:
    """The system's output on every document (from the first run) and the best wall time of its timing runs."""
    best, outputs = float("inf"), None
    for _ in range(system.timing_runs):
        system.failures.clear()
        began = time.perf_counter()
        result = [system.run(doc) for doc in documents]
        best = min(best, time.perf_counter() - began)
        outputs = outputs if outputs is not None else result
    assert outputs is not None
    return outputs, best


# --------------------------------------------------------------------------------------------------------- scoring

@dataclass
class Alignment:
    pairs: list[tuple[Span, Span, bool]]  # (gold, system, strict)
    missed: list[Span]
    spurious: list[Span]


def align(gold: list[Span], system: list[Span]) -> Alignment:
    """One-to-one matching: identical offsets first, then overlapping spans by decreasing overlap."""
    used_gold: set[int] = set()
    used_system: set[int] = set()
    pairs: list[tuple[Span, Span, bool]] = []
    by_offsets = {(s.start, s.end): i for i, s in enumerate(system)}
    for g, gspan in enumerate(gold):
        s = by_offsets.get((gspan.start, gspan.end))
        if s is not None and s not in used_system:
            used_gold.add(g)
            used_system.add(s)
            pairs.append((gspan, system[s], True))
    overlaps = []
    for g, gspan in enumerate(gold):
        if g in used_gold:
            continue
        for s, sspan in enumerate(system):
            if s in used_system:
                continue
            overlap = min(gspan.end, sspan.end) - max(gspan.start, sspan.start)
            if overlap > 0:
                overlaps.append((-overlap, g, s))
    for _, g, s in sorted(overlaps):
        if g not in used_gold and s not in used_system:
            used_gold.add(g)
            used_system.add(s)
            pairs.append((gold[g], system[s], False))
    missed = [span for g, span in enumerate(gold) if g not in used_gold]
    spurious = [span for s, span in enumerate(system) if s not in used_system]
    return Alignment(pairs, missed, spurious)


@dataclass
class Score:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type: int = 0
    value: int = 0

    def add(self, other: Score) -> None:
        for name in ("gold", "system", "strict", "relaxed", "type", "value"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def precision(self, tp: int) -> float:
        return tp / self.system if self.system else 0.0

    def recall(self, tp: int) -> float:
        return tp / self.gold if self.gold else 0.0

    def f1(self, tp: int) -> float:
        return 2 * tp / (self.gold + self.system) if self.gold + self.system else 0.0


def score(alignment: Alignment, gold: int, system: int) -> Score:
    return Score(
        gold=gold,
        system=system,
        strict=sum(strict for _, _, strict in alignment.pairs),
        relaxed=len(alignment.pairs),
        type=sum(g.type == s.type for g, s, _ in alignment.pairs),
        value=sum(g.value == s.value for g, s, _ in alignment.pairs),
    )


@dataclass
class Result:
    corpus: str
    system: str
    score: Score
    seconds: float
    bytes: int
    alignments: list[tuple[Document, Alignment]] = field(default_factory=list)

    @property
    def kbps(self) -> float:
        return self.bytes / 1000 / self.seconds if self.seconds else 0.0


def evaluate(system: System, documents: list[Document], corpus: str) -> Result:
    outputs, seconds = run_timed(system, documents)
    total = Score()
    result = Result(corpus, system.name, total, seconds, sum(len(d.text.encode("utf-8")) for d in documents))
    for doc, found in zip(documents, outputs, strict=True):
        alignment = align(doc.gold, found)
        total.add(score(alignment, len(doc.gold), len(found)))
        result.alignments.append((doc, alignment))
    return result


def combine(results: list[Result], corpus: str) -> Result:
    total = Score()
    for result in results:
        total.add(result.score)
    return Result(corpus, results[0].system, total, sum(r.seconds for r in results), sum(r.bytes for r in results),
                  [a for r in results for a in r.alignments])


# ---------------------------------------------------------------------------------------------------------- output

def pct(x: float) -> str:
    return f"{100 * x:.2f}"


def row(result: Result) -> list[str]:
    s = result.score
    return [result.corpus, result.system, str(s.gold), str(s.system),
            pct(s.precision(s.strict)), pct(s.recall(s.strict)), pct(s.f1(s.strict)), "|",
            pct(s.precision(s.relaxed)), pct(s.recall(s.relaxed)), pct(s.f1(s.relaxed)), "|",
            pct(s.f1(s.type)), "|", pct(s.f1(s.value)), "|", f"{result.kbps:.1f}"]


def heideltime_row(corpus: str) -> list[str]:
    h = HEIDELTIME[corpus]
    return [corpus, "HeidelTime*", "", "", "", "", f"{h['strict']:.2f}", "|", "", "", f"{h['relaxed']:.2f}", "|",
            f"{h['type']:.2f}", "|", f"{h['value']:.2f}", "|", ""]


def render(rows: list[list[str]]) -> str:
    header = ["corpus", "system", "gold", "sys", "strict P", "R", "F1", "|", "relaxed P", "R", "F1", "|",
              "type F1", "|", "value F1", "|", "KB/s"]
    table = [header] + rows
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    lines = []
    for r in table:
        cells = [c.ljust(w) if i < 2 or c == "|" else c.rjust(w)
                 for i, (c, w) in enumerate(zip(r, widths, strict=False))]
        lines.append("  ".join(cells).rstrip())
        if r is header:
            lines.append("-" * len(lines[0]))
    return "\n".join(lines)


def context(text: str, start: int, end: int, width: int = 60) -> str:
    left = text[max(0, start - width // 2):start]
    right = text[end:end + width // 2]
    show = f"{left}[[{text[start:end]}]]{right}"
    return " ".join(show.split())


def describe(span: Span) -> str:
    return f"{span.text!r} {span.type} {span.value}"


def print_errors(result: Result, limit: int) -> None:
    value_errors = [(doc, g, s) for doc, a in result.alignments for g, s, _ in a.pairs if g.value != s.value]
    missed = [(doc, g) for doc, a in result.alignments for g in a.missed]
    spurious = [(doc, s) for doc, a in result.alignments for s in a.spurious]
    print(f"\n=== {result.corpus} / {result.system}: {len(value_errors)} value errors, {len(missed)} missed, "
          f"{len(spurious)} spurious (up to {limit} of each shown)")
    print("\n  value errors (gold vs ours):")
    for doc, g, s in value_errors[:limit]:
        print(f"    {doc.name}  gold {describe(g)}  | ours {describe(s)}")
        print(f"      {context(doc.text, min(g.start, s.start), max(g.end, s.end))}")
    print("\n  missed (gold timexes we did not overlap):")
    for doc, g in missed[:limit]:
        print(f"    {doc.name}  gold {describe(g)}")
        print(f"      {context(doc.text, g.start, g.end)}")
    print("\n  spurious (our timexes overlapping no gold one):")
    for doc, s in spurious[:limit]:
        print(f"    {doc.name}  ours {describe(s)}")
        print(f"      {context(doc.text, s.start, s.end)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", choices=[*CORPORA, "all"], default="all", help="corpus to score (default all)")
    parser.add_argument("--errors", type=int, default=0, metavar="N",
                        help="print up to N value errors, N missed and N spurious timexes per corpus for factcheck")
    parser.add_argument("--no-baseline", action="store_true", help="skip the dateparser baseline")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help=f"TempEval-3 folder (default {DEFAULT_DATA})")
    args = parser.parse_args(argv)

    corpora = list(CORPORA) if args.corpus == "all" else [args.corpus]
    documents = {corpus: load_corpus(args.data, corpus) for corpus in corpora}
    systems = [factcheck_system()] + ([] if args.no_baseline else [dateparser_system()])
    for corpus in corpora:
        docs = documents[corpus]
        print(f"{corpus}: {len(docs)} documents, {sum(len(d.gold) for d in docs)} gold timexes, "
              f"{sum(len(d.text.encode('utf-8')) for d in docs) / 1000:.1f} KB of text", file=sys.stderr)

    results: dict[tuple[str, str], Result] = {}
    for system in systems:
        failures: Counter = Counter()
        for corpus in corpora:
            print(f"running {system.name} on {corpus} ...", file=sys.stderr, flush=True)
            results[corpus, system.name] = evaluate(system, documents[corpus], corpus)
            failures += system.failures
        for kind, count in sorted(failures.items()):
            print(f"note: {system.name}: {kind}: {count}", file=sys.stderr)

    rows = []
    for corpus in corpora:
        rows += [row(results[corpus, system.name]) for system in systems] + [heideltime_row(corpus)]
    if len(corpora) > 1:
        rows += [row(combine([results[c, system.name] for c in corpora], "all")) for system in systems]
    print()
    print(render(rows))
    print("\n* HeidelTime: its published figures on the same sets (v1.8 wiki), not run here. Scores in %; strict/"
          "relaxed span matching, type/value F1 over relaxed matches; KB/s: factcheck best of 7, dateparser 1 run.")

    if args.errors > 0:
        for corpus in corpora:
            print_errors(results[corpus, "factcheck"], args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
