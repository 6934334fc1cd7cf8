#!/usr/bin/env python3
"""Benchmark sentence splitters on wire-news text.

Compares our splitter (factcheck.readers.text.split_sentences) with the third-party splitters pysbd, syntok and
sentencex on the hand-written gold set in sentences_gold.toml, and measures throughput on ~1 MB of news text.

    python benchmarks/sentences.py               # table + up to 5 wrong passages per splitter
    python benchmarks/sentences.py --errors 0    # list every wrong passage
    python benchmarks/sentences.py --only factcheck --no-speed

Metrics
    exact     passages whose sentence spans all equal the gold spans
    P/R/F1    sentence-boundary precision/recall/F1; a boundary is the character offset where a sentence ends
              (whitespace trimmed). The end of each passage is a boundary every splitter finds, so it is not counted:
              only the boundaries inside a passage are scored.
    offsets   "native" if the splitter returns character offsets; "located" if it returns strings, which are found
              in the text sequentially to obtain offsets (not counted in the throughput).
    KB/s      throughput on the gold passages plus corpus/*.txt, repeated to reach ~1 MB (1 KB = 1000 bytes of
              UTF-8); best wall time of 3 runs, time.perf_counter. "1MB" splits all of it as one text (as asked);
              "docs" splits the same documents one at a time, which is how the fact-checker uses a splitter and
              matters because some splitters are superlinear on long texts (syntok; pysbd re-searches the whole
              text for every sentence to find its offsets).

The full run takes a few minutes, mostly syntok on the 1 MB text; use --no-speed for accuracy only.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE / "sentences_gold.toml"
CORPUS = HERE.parent / "corpus"
TARGET_BYTES = 1_000_000

Span = tuple[int, int]


# --------------------------------------------------------------------------------------------------------- gold set

@dataclass
class Passage:
    number: int
    case: str
    text: str
    sentences: list[str]
    spans: list[Span]


def load_gold(path: Path = GOLD) -> list[Passage]:
    raw = path.read_text(encoding="utf-8")
    data = tomllib.loads(raw)
    # The comment line right above each [[passage]] names the hard case it covers.
    cases = re.findall(r"^(?:#[ \t]?(.*)\n)?\[\[passage\]\]", raw, flags=re.M)
    passages = []
    for number, entry in enumerate(data["passage"], 1):
        text, sentences = entry["text"], entry["sentences"]
        spans, lost = locate(text, sentences, fuzzy=False)
        covered = "".join(text[a:b] for a, b in spans)
        if lost or "".join(covered.split()) != "".join(text.split()) or any(
                text[a:b] != s for (a, b), s in zip(spans, sentences, strict=False)):
            sys.exit(f"{path.name}: passage {number}: the gold sentences are not the exact, trimmed, in-order "
                     f"substrings of the text:\n  {text!r}")
        case = cases[number - 1] if len(cases) == len(data["passage"]) else ""
        passages.append(Passage(number, case, text, sentences, spans))
    return passages


def build_speed_documents(passages: list[Passage]) -> list[str]:
    """The gold passages and the corpus articles, repeated to reach ~1 MB in total."""
    documents = [p.text for p in passages]
    documents += [f.read_text(encoding="utf-8").strip() for f in sorted(CORPUS.glob("*.txt"))]
    size = sum(len(d.encode("utf-8")) + 2 for d in documents)
    return documents * -(-TARGET_BYTES // size)


# --------------------------------------------------------------------------------------------------------- offsets

def trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def locate(text: str, pieces: list[str], fuzzy: bool = True) -> tuple[list[Span], int]:
    """Offsets of the (trimmed) pieces found in order in text; returns (spans, pieces not found)."""
    spans: list[Span] = []
    cursor = lost = 0
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        index = text.find(piece, cursor)
        if index >= 0:
            span = (index, index + len(piece))
        elif fuzzy:  # the splitter normalised whitespace
            match = re.compile(r"\s+".join(map(re.escape, piece.split()))).search(text, cursor)
            if match is None:
                lost += 1
                continue
            span = match.span()
        else:
            lost += 1
            continue
        spans.append(span)
        cursor = span[1]
    return spans, lost


# --------------------------------------------------------------------------------------------------------- splitters

@dataclass
class Splitter:
    name: str
    distribution: str
    native_offsets: bool
    load: Callable[[], Callable[[str], object]]      # -> split(text) -> raw result (fully materialised)
    spans: Callable[[str, object], tuple[list[Span], int]]  # (text, raw) -> (trimmed spans, pieces not located)
    split: Callable[[str], object] | None = None
    status: str = ""
    version: str = ""


def _load_factcheck():
    from factcheck.readers.text import split_sentences
    return split_sentences


def _spans_factcheck(text, raw):
    return [trim(text, s.start, s.end) for s in raw], 0


def _load_pysbd():
    import pysbd
    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    return segmenter.segment


def _spans_pysbd(text, raw):
    spans = [trim(text, s.start, s.end) for s in raw]
    return [s for s in spans if s[0] < s[1]], 0


def _load_syntok():
    from syntok import segmenter

    def split(text: str) -> list[Span]:
        # analyze() keeps the tokens' offsets into the original text (process() rewrites it).
        return [(sentence[0].offset, sentence[-1].offset + len(sentence[-1].value))
                for paragraph in segmenter.analyze(text) for sentence in paragraph if sentence]
    return split


def _spans_syntok(text, raw):
    spans = [trim(text, a, b) for a, b in raw]
    return [s for s in spans if s[0] < s[1]], 0


def _load_sentencex():
    import sentencex
    return lambda text: list(sentencex.segment("en", text))


def _spans_sentencex(text, raw):
    return locate(text, raw)


SPLITTERS = [
    Splitter("factcheck", "factcheck", True, _load_factcheck, _spans_factcheck),
    Splitter("pysbd", "pysbd", True, _load_pysbd, _spans_pysbd),
    Splitter("syntok", "syntok", True, _load_syntok, _spans_syntok),
    Splitter("sentencex", "sentencex", False, _load_sentencex, _spans_sentencex),
]


def prepare(splitter: Splitter) -> None:
    try:
        splitter.split = splitter.load()
    except ImportError:
        splitter.status = "not installed"
        return
    except Exception as error:  # noqa: BLE001 - a broken install is reported, not fatal
        splitter.status = f"error: {type(error).__name__}"
        return
    try:
        splitter.version = metadata.version(splitter.distribution)
    except metadata.PackageNotFoundError:
        splitter.version = "?"


# --------------------------------------------------------------------------------------------------------- scoring

@dataclass
class Failure:
    passage: Passage
    got: list[Span] | None
    error: str = ""


@dataclass
class Score:
    exact: int = 0
    total: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    lost: int = 0
    failures: list[Failure] = field(default_factory=list)
    kb_per_s: float | None = None
    kb_per_s_documents: float | None = None

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def inner_boundaries(text: str, spans: list[Span]) -> set[int]:
    """Sentence-end offsets, except the end of the passage."""
    last = len(text.rstrip())
    return {end for _, end in spans if end < last}


def evaluate(splitter: Splitter, passages: list[Passage]) -> Score:
    score = Score()
    for passage in passages:
        score.total += 1
        gold = inner_boundaries(passage.text, passage.spans)
        try:
            raw = splitter.split(passage.text)
            spans, lost = splitter.spans(passage.text, raw)
        except Exception as error:  # noqa: BLE001 - a crash on one passage counts as a wrong passage
            score.fn += len(gold)
            score.failures.append(Failure(passage, None, f"{type(error).__name__}: {error}"))
            continue
        score.lost += lost
        found = inner_boundaries(passage.text, spans)
        score.tp += len(found & gold)
        score.fp += len(found - gold)
        score.fn += len(gold - found)
        if spans == passage.spans and not lost:
            score.exact += 1
        else:
            score.failures.append(Failure(passage, spans))
    return score


def best_time(function: Callable[[], object], runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - started)
    return best


def measure_speed(splitter: Splitter, documents: list[str], score: Score) -> None:
    """KB/s on the documents joined into one ~1 MB text, and on the same documents split one at a time."""
    text = "\n\n".join(documents)
    size_kb = len(text.encode("utf-8")) / 1000
    score.kb_per_s = size_kb / best_time(lambda: splitter.split(text))
    score.kb_per_s_documents = size_kb / best_time(lambda: [splitter.split(d) for d in documents])


# --------------------------------------------------------------------------------------------------------- report

def render_table(header: list[str], rows: list[list[str]], right: set[int]) -> str:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return "  ".join(cell.rjust(w) if i in right else cell.ljust(w)
                         for i, (cell, w) in enumerate(zip(cells, widths, strict=False))).rstrip()
    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(header), rule, *map(line, rows)])


def show(text: str) -> str:
    return text.replace("\n", "\\n")


def context(text: str, offset: int, width: int = 24) -> str:
    before = show(text[max(0, offset - width):offset])
    after = show(text[offset:offset + width].lstrip())
    return f"…{before} ‖ {after}…"


def print_failures(splitter: Splitter, score: Score, limit: int) -> None:
    failures = score.failures if limit <= 0 else score.failures[:limit]
    shown = f"all {len(score.failures)}" if len(failures) == len(score.failures) else \
        f"{len(failures)} of {len(score.failures)}"
    print(f"\n{splitter.name}: wrong on {len(score.failures)}/{score.total} passages ({shown} shown)")
    for failure in failures:
        passage = failure.passage
        print(f"\n  #{passage.number}  {passage.case}")
        print("    expected:")
        for sentence in passage.sentences:
            print(f"      | {show(sentence)}")
        if failure.got is None:
            print(f"    got: {failure.error}")
            continue
        print("    got:")
        for a, b in failure.got:
            print(f"      | {show(passage.text[a:b])}")
        gold = inner_boundaries(passage.text, passage.spans)
        found = inner_boundaries(passage.text, failure.got)
        for offset in sorted(gold - found):
            print(f"    missed break:   {context(passage.text, offset)}")
        for offset in sorted(found - gold):
            print(f"    spurious break: {context(passage.text, offset)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--errors", type=int, default=5, metavar="N",
                        help="wrong passages to print per splitter (0 = all; default 5)")
    parser.add_argument("--only", action="append", metavar="NAME", help="run only this splitter (repeatable)")
    parser.add_argument("--no-speed", action="store_true", help="skip the throughput measurement")
    args = parser.parse_args(argv)

    passages = load_gold()
    documents = build_speed_documents(passages)
    unknown = set(args.only or ()) - {s.name for s in SPLITTERS}
    if unknown:
        parser.error(f"unknown splitter(s): {', '.join(sorted(unknown))}")
    splitters = [s for s in SPLITTERS if not args.only or s.name in args.only]
    gold_sentences = sum(len(p.sentences) for p in passages)
    gold_boundaries = sum(len(inner_boundaries(p.text, p.spans)) for p in passages)
    print(f"Gold set: {len(passages)} passages, {gold_sentences} sentences, {gold_boundaries} sentence boundaries "
          f"inside passages ({GOLD.name})")
    if not args.no_speed:
        size = len("\n\n".join(documents).encode("utf-8"))
        print(f"Speed text: {size / 1e6:.2f} MB = {len(documents)} documents (gold passages + {CORPUS.name}/*.txt, "
              f"repeated); best of 3 runs")
        print("  KB/s 1MB: the documents joined into one text; KB/s docs: each document split separately")

    header = ["splitter", "version", "exact", "exact %", "P", "R", "F1", "offsets", "KB/s 1MB", "KB/s docs"]
    rows, scored = [], []
    for splitter in splitters:
        prepare(splitter)
        if splitter.split is None:
            rows.append([splitter.name, splitter.status, *["-"] * (len(header) - 2)])
            continue
        score = evaluate(splitter, passages)
        if not args.no_speed:
            measure_speed(splitter, documents, score)
        scored.append((splitter, score))
        offsets = "native" if splitter.native_offsets else "located"
        if score.lost:
            offsets += f" ({score.lost} unlocated)"
        rows.append([
            splitter.name, splitter.version,
            f"{score.exact}/{score.total}", f"{100 * score.exact / score.total:.1f}",
            f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}",
            offsets,
            "-" if score.kb_per_s is None else f"{score.kb_per_s:,.0f}",
            "-" if score.kb_per_s_documents is None else f"{score.kb_per_s_documents:,.0f}",
        ])
    print()
    print(render_table(header, rows, right={2, 3, 4, 5, 6, 8, 9}))

    for splitter, score in scored:
        if score.failures:
            print_failures(splitter, score, args.errors)
        else:
            print(f"\n{splitter.name}: every passage split exactly right")
    return 0


if __name__ == "__main__":
    sys.exit(main())
