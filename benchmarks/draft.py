"""Drafted rules against hand-made gold: how much of what an editor wants checked `factcheck rules draft` proposes
from the articles alone, how well the draft then reads, and how fast it drafts.

For the bundled seeds (corpus/, gold benchmarks/gold/seeds.json, reference rules rules/guterres-trip.toml) and each
story of ../shared/data/news-clusters/ (gold NAME/gold.json, reference rules benchmarks/rules/NAME.toml), each in
fresh processes:

1. `factcheck rules draft` on a copy of the story's articles alone (no gold, no rules beside them; run outside the
   repository so that no ./rules is in sight), timed, with its exit status;
2. `factcheck rules test` of the draft: its own examples must pass;
3. `factcheck check` of the story with the draft, as JSON;
4. entities: each entity of the reference rules is found when a draft entity shares one of its names (name or
   variants, folded: case, accents, spaces), per kind;
5. gold claims covered: each gold claim is paired with at most one draft claim of a compatible kind (date, time,
   count or age, sequence or order, spelling, title, quote), greedily by overlap: the number of articles where the
   report has a statement of the draft claim whose value the gold accepts there for that claim (dates, times and
   counts as the shared scorer matches them; a title read for the gold's person in the gold's sentence; a quotation
   of the gold's words; a sequence whose stops the gold gives in that order; a spelling: the gold's misspelling
   flagged, or the gold's accepted form of a name the draft checks left unflagged). Covered when the overlap is at
   least 2, or 1 when the gold has only one or two articles for the claim. A gold claim of a kind no draft proposes
   (elapsed, presence) or with nothing recorded in the gold is listed as not measurable, out of the percentage;
6. score: the report's claim ids rewritten (a paired draft claim -> its gold claim, any other -> "draft:ID") and
   scored by ../shared/tools/score_cluster.py; the conflicts on unpaired draft claims are counted apart, for an
   editor to judge (-v shows them);
7. speed: the first 50 articles of all stories (by story, then file name) copied to a temporary folder and drafted
   --runs times, pinned to one core (`taskset -c 0`) where it exists: median and fastest run, wall clock (and
   CPU seconds, steadier on a busy machine).

    python3 benchmarks/draft.py [--story NAME ...] [--given DIR|reference] [--runs N] [--shared DIR] [-v]

`--given DIR` skips drafting and uses DIR/STORY.toml (or the folder DIR/STORY/) as the draft; `--given reference`
uses each story's hand-written rules, which should pair nearly every gold claim with itself (a check of the pairing).
The cluster texts stay in ../shared (they are not ours to redistribute); without it the clusters are skipped with the
reason. Exit status 0 whatever the figures: this prints measurements, it does not judge.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
RULES = ROOT / "benchmarks" / "rules"
SEEDS_GOLD = ROOT / "benchmarks" / "gold" / "seeds.json"
SEEDS_RULES = ROOT / "rules" / "guterres-trip.toml"
ARTICLE_SUFFIXES = (".txt", ".md")
SPEED_ARTICLES = 50
TARGETS = {"covered": 0.70, "seconds": 5.0}
# The draft kinds that may stand for a gold claim of each kind.
COMPATIBLE = {"date": {"date"}, "time": {"time"}, "count": {"count", "age"}, "sequence": {"sequence", "order"},
              "spelling": {"spelling"}, "title": {"title"}, "quote": {"quote"}}
ENTITY_KINDS = ("person", "place", "organisation", "thing")
# Words too common to tell two stops of a sequence apart ("the federal court" / "the state court" share "court").
_STOP_WORDS = {"the", "a", "an", "of", "in", "at", "on", "to", "for", "and", "u", "s", "us", "court", "city"}
_SUMMARY = re.compile(r"\((?P<hit>\d+)/(?P<facts>\d+) article-claims, (?P<wrong>\d+) wrong\), discrepancies reported "
                      r"(?P<reported>\d+)/(?P<discrepancies>\d+), false conflicts (?P<false>\d+), traps taken "
                      r"(?P<taken>\d+)/(?P<traps>\d+), misspellings (?P<flagged>\d+)/(?P<misspellings>\d+)")


def _scorer(path: Path) -> ModuleType | None:
    """The shared scorer as a module, for its value matching (date bounds, count intervals, article names)."""
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location("score_cluster", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fold(text: str) -> str:
    """A name as compared: no accents, no case, single spaces."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


def words(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+", fold(text)))


def compact(text: str) -> str:
    return " ".join(text.split())


def overlaps(quote: str, sentence: str) -> bool:
    """Whether a report's sentence is the gold's (either holds the other: the two split sentences differently)."""
    a, b = compact(quote), compact(sentence)
    return bool(a and b) and (a in b or b in a)


@dataclass(frozen=True)
class Story:
    name: str
    corpus: Path
    reference: Path | None
    gold: Path


def stories(clusters: Path, wanted: list[str]) -> tuple[list[Story], list[str]]:
    """The stories to measure, and why any was left out."""
    found: list[Story] = []
    skipped: list[str] = []
    if SEEDS_GOLD.exists():
        found.append(Story("seeds", ROOT / "corpus", SEEDS_RULES if SEEDS_RULES.exists() else None, SEEDS_GOLD))
    if not clusters.is_dir():
        skipped.append(f"the development clusters: no {clusters} (the shared data set lies beside the repository)")
    else:
        for folder in sorted(p for p in clusters.iterdir() if (p / "gold.json").exists()):
            reference = RULES / f"{folder.name}.toml"
            found.append(Story(folder.name, folder, reference if reference.exists() else None, folder / "gold.json"))
    if wanted:
        found = [s for s in found if s.name in wanted]
    return found, skipped


def articles(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in ARTICLE_SUFFIXES)


def factcheck(*args: str, cwd: Path = ROOT, pin: bool = False) -> tuple[subprocess.CompletedProcess[str], float]:
    """A fresh `python3 -m factcheck` process and its wall-clock seconds. Run elsewhere than the repository (a
    draft must not see ./rules), it finds this checkout's package through PYTHONPATH."""
    prefix = ["taskset", "-c", "0"] if pin and shutil.which("taskset") else []
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    start = time.perf_counter()
    run = subprocess.run([*prefix, sys.executable, "-m", "factcheck", *args], capture_output=True, text=True,
                         cwd=cwd, env=env)
    return run, time.perf_counter() - start


# --- rule files ---------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Entity:
    id: str
    kind: str
    names: frozenset[str]  # name and variants, folded
    name: str


@dataclass(frozen=True)
class DraftClaim:
    id: str
    kind: str
    entities: tuple[str, ...]  # a spelling claim's names checked (every person when the file lists none)


def read_rules(path: Path) -> tuple[dict[str, Entity], list[DraftClaim]]:
    """The entities and claims of a rule file, or of every rule file in a folder."""
    files = sorted(path.rglob("*.toml")) if path.is_dir() else [path]
    entities: dict[str, Entity] = {}
    claims: list[DraftClaim] = []
    for file in files:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
        for key, value in data.get("entities", {}).items():
            names = [value.get("name", ""), *value.get("variants", [])]
            entities[key] = Entity(key, value.get("kind", "person"), frozenset(fold(n) for n in names if n),
                                   value.get("name", key))
        for claim in data.get("claims", []):
            claims.append(DraftClaim(claim.get("id", "?"), claim.get("kind", "?"), tuple(claim.get("entities", []))))
    for i, claim in enumerate(claims):
        if claim.kind == "spelling" and not claim.entities:
            claims[i] = DraftClaim(claim.id, claim.kind, tuple(e.id for e in entities.values() if e.kind == "person"))
    return entities, claims


def entities_found(reference: dict[str, Entity], draft: dict[str, Entity]) -> dict[str, tuple[int, int, list[str]]]:
    """Per kind: reference entities a draft entity shares a name with, of how many, and the names of those missed."""
    drafted = set().union(*(e.names for e in draft.values())) if draft else set()
    tally: dict[str, tuple[int, int, list[str]]] = {}
    order = {kind: i for i, kind in enumerate(ENTITY_KINDS)}
    for kind in sorted({e.kind for e in reference.values()}, key=lambda k: (order.get(k, len(order)), k)):
        ours = [e for e in reference.values() if e.kind == kind]
        missed = [e.name for e in ours if not e.names & drafted]
        tally[kind] = (len(ours) - len(missed), len(ours), missed)
    return tally


def named_in(entity: Entity, texts: list[str]) -> int:
    """In how many of the (folded) article texts one of the entity's names stands as whole words."""
    patterns = [re.compile(rf"(?<!\w){re.escape(name)}(?!\w)") for name in entity.names if name]
    return sum(any(p.search(text) for p in patterns) for text in texts)


# --- what the gold accepts ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class GoldClaim:
    id: str
    kind: str
    # Per article (file stem), what the gold accepts there: date or time values, count intervals, or the records of
    # a title, quote, sequence or spelling (dicts), as the kind needs.
    expected: dict[str, list[Any]]
    why_not: str = ""  # why the claim cannot be measured, when it cannot


def gold_claims(gold: dict[str, Any], score: ModuleType) -> list[GoldClaim]:
    """Each gold claim with what the gold accepts for it, article by article."""
    stem = score.stem
    found: list[GoldClaim] = []
    titled = [c for c in gold["claims"] if c["kind"] == "title"]
    for claim in gold["claims"]:
        cid, kind = claim["id"], claim["kind"]
        expected: dict[str, list[Any]] = defaultdict(list)
        facts = [f for f in gold.get("facts", []) if f["claim"] == cid]
        if kind in ("date", "time"):
            for fact in facts:
                expected[stem(fact["file"])].append(fact["value"])
        elif kind == "count":
            for count in gold.get("counts", []):
                if count["claim"] == cid:
                    expected[stem(count["file"])].append(score.interval(count.get("low"), count.get("high")))
        elif kind == "title":
            for record in _title_records(gold, claim, facts, len(titled) == 1):
                expected[stem(record["file"])].append(record)
        elif kind == "quote":
            for fact in facts:
                parts = [words(part) for part in str(fact["value"]).split(" / ")]
                expected[stem(fact["file"])].append({"parts": [p for p in parts if p]})
        elif kind == "sequence":
            for fact in facts:
                expected[stem(fact["file"])].append(fact)
        elif kind == "spelling":
            for record in _spelling_records(gold, claim, facts):
                expected[stem(record["file"])].append(record)
        why = ("no draft proposes this kind" if kind not in COMPATIBLE
               else "the gold records nothing for it" if not expected else "")
        found.append(GoldClaim(cid, kind, dict(expected), why))
    return found


def _title_records(gold: dict[str, Any], claim: dict[str, Any], facts: list[dict[str, Any]],
                   only: bool) -> list[dict[str, Any]]:
    """The gold's titles of one title claim, each with its person and sentence. A title names its claim, or, where
    it names none, belongs to the story's only title claim or to the one whose id or description names the person;
    a title fact without a person takes the person of the gold title in the same sentence, or the claim's usual one."""
    about = fold(f"{claim['id'].replace('-', ' ')} {claim.get('description', '')}")

    def ours(title: dict[str, Any]) -> bool:
        if title.get("claim"):
            return bool(title["claim"] == claim["id"])
        return only or words(title["person"])[-1] in words(about)

    records = [{"file": t["file"], "person": t["person"], "quote": t["quote"]} for t in gold.get("titles", [])
               if ours(t)]
    usual = Counter(r["person"] for r in records).most_common(1)
    for fact in facts:
        if any(r["file"] == fact["file"] and overlaps(r["quote"], fact["quote"]) for r in records):
            continue
        person = next((t["person"] for t in gold.get("titles", []) if t["file"] == fact["file"]
                       and overlaps(t["quote"], fact["quote"])), usual[0][0] if usual else "")
        records.append({"file": fact["file"], "person": person, "quote": fact["quote"]})
    return records


def _spelling_records(gold: dict[str, Any], claim: dict[str, Any], facts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The forms a spelling claim's names take in each article: the claim's facts (the form the article uses) and
    the gold's misspellings of its names, each with its canonical name and whether the gold accepts the form. A claim
    with no facts is about the names its description gives (by surname)."""
    misspelt = {m["form"]: m["canonical"] for m in gold.get("misspellings", [])}
    canonical_of: dict[str, str] = {}
    for variant in gold.get("variants", []):
        canonical_of[fold(variant["canonical"])] = variant["canonical"]
        for form in variant.get("accepted", []):
            canonical_of.setdefault(fold(form), variant["canonical"])
    usual = Counter(f["value"] for f in facts).most_common(1)
    records: list[dict[str, Any]] = []
    for fact in facts:
        form = fact["value"]
        canonical = misspelt.get(form) or canonical_of.get(fold(form)) or (usual[0][0] if usual else form)
        records.append({"file": fact["file"], "form": form, "canonical": canonical, "accepted": form not in misspelt})
    names = {fold(r["canonical"]) for r in records}
    if not facts:
        about = words(claim.get("description", ""))
        names = {fold(c) for c in misspelt.values() if words(c) and words(c)[-1] in about}
    for m in gold.get("misspellings", []):
        if fold(m["canonical"]) in names and not any(r["file"] == m["file"] and r["form"] == m["form"]
                                                    for r in records):
            records.append({"file": m["file"], "form": m["form"], "canonical": m["canonical"], "accepted": False})
    accepted: dict[str, set[str]] = defaultdict(set)  # canonical (folded) -> every form the gold accepts for it
    for variant in gold.get("variants", []):
        accepted[fold(variant["canonical"])] |= {fold(variant["canonical"]), *map(fold, variant.get("accepted", []))}
    for record in records:
        record["accepted_forms"] = accepted[fold(record["canonical"])] | {fold(record["canonical"])}
    return records


# --- pairing ------------------------------------------------------------------------------------------------------

def statements_by_claim(report: dict[str, Any], score: ModuleType) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Per claim of the report, per article, its statements."""
    found: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for finding in report.get("findings", []):
        for statement in finding.get("statements", []):
            found[finding.get("claim", "")][score.article_of(statement)].append(statement)
    return found


def right_in_article(gold: GoldClaim, expected: list[Any], statements: list[dict[str, Any]], claim: DraftClaim,
                     draft_entities: dict[str, Entity], score: ModuleType) -> bool:
    """Whether the draft claim's statements in one article include one the gold accepts there (for a spelling:
    whether the draft's reading of the article's forms of the name is the gold's)."""
    if gold.kind == "spelling":
        return _spelling_right(expected, statements, claim, draft_entities)
    return any(_statement_right(gold.kind, expected, s, score) for s in statements)


def _statement_right(kind: str, expected: list[Any], statement: dict[str, Any], score: ModuleType) -> bool:
    value = statement.get("value")
    if kind == "date":
        return any(score.date_matches(str(value), str(v)) for v in expected)
    if kind == "time":
        return any(str(v).lower() in str(value).lower() for v in expected)
    if kind == "count":
        got = score.count_interval(statement)
        return got is not None and any(max(got[0], v[0]) <= min(got[1], v[1]) for v in expected)
    if kind == "title":
        who = words(str(statement.get("who", "")))
        return any((not r["person"] or (who and (words(r["person"]) == who or words(r["person"])[-1] == who[-1])))
                   and (overlaps(r["quote"], str(statement.get("quote", "")))
                        or overlaps(r["quote"], str(statement.get("text", "")))) for r in expected)
    if kind == "quote":
        said = words(str(statement.get("quotation") or statement.get("text", "")))
        return any(_within(part, said) or (len(said) >= 3 and _within(said, part))
                   for record in expected for part in record["parts"])
    if kind == "sequence":
        return any(_sequence_right(fact, statement) for fact in expected)
    return False


def _within(inner: tuple[str, ...], outer: tuple[str, ...]) -> bool:
    """Whether one run of words stands, in order and unbroken, in another."""
    n = len(inner)
    return n > 0 and any(outer[i:i + n] == inner for i in range(len(outer) - n + 1))


def _sequence_right(fact: dict[str, Any], statement: dict[str, Any]) -> bool:
    """A sequence the gold gives as stops is right when the statement has them in that order (a stop matches by a
    distinctive word); one the gold gives in words ("minutes apart") when it was read from the gold's sentence."""
    gold, got = fact["value"], statement.get("value")
    if not isinstance(gold, list) or not isinstance(got, list):
        return overlaps(fact["quote"], str(statement.get("quote", "")))
    position = 0
    for stop in gold:
        mine = set(words(stop)) - _STOP_WORDS
        while position < len(got) and not mine & (set(words(str(got[position]))) - _STOP_WORDS):
            position += 1
        if position == len(got):
            return False
        position += 1
    return True


def _spelling_right(expected: list[Any], statements: list[dict[str, Any]], claim: DraftClaim,
                    draft_entities: dict[str, Entity]) -> bool:
    """A spelling claim is right in an article where it flags a misspelling the gold records there, or where the
    form the gold accepts is a name the claim checks and it flags no form the gold accepts for that name."""
    checked = set().union(*(draft_entities[e].names for e in claim.entities if e in draft_entities)) \
        if claim.entities else set()
    flagged = {fold(f"{s.get('value', '')} {s.get('text', '')}") for s in statements}
    flagged_forms = {fold(str(s.get(key, ""))) for s in statements for key in ("value", "text")}
    for record in expected:
        if not record["accepted"]:
            if any(fold(record["form"]) in text for text in flagged):
                return True
        elif (fold(record["canonical"]) in checked or fold(record["form"]) in checked) \
                and not flagged_forms & record["accepted_forms"]:
            return True
    return False


@dataclass(frozen=True)
class Pair:
    gold: str
    draft: str
    overlap: int
    covered: bool


def pair(golds: list[GoldClaim], draft: list[DraftClaim], report: dict[str, Any], draft_entities: dict[str, Entity],
         score: ModuleType) -> tuple[list[Pair], dict[str, tuple[str, int]]]:
    """Gold claims paired with draft claims, greedily by overlap (one each way); and, for every gold claim, its best
    draft candidate (which may have gone to another gold claim)."""
    read = statements_by_claim(report, score)
    scores: list[tuple[int, str, str]] = []
    for gold in golds:
        if gold.why_not:
            continue
        for claim in draft:
            if claim.kind not in COMPATIBLE[gold.kind]:
                continue
            by_article = read.get(claim.id, {})
            overlap = sum(right_in_article(gold, expected, by_article.get(article, []), claim, draft_entities, score)
                          for article, expected in gold.expected.items()
                          if by_article.get(article) or gold.kind == "spelling")
            if overlap:
                scores.append((overlap, gold.id, claim.id))
    best: dict[str, tuple[str, int]] = {}
    for overlap, gold_id, draft_id in sorted(scores, key=lambda s: (-s[0], s[1], s[2])):
        best.setdefault(gold_id, (draft_id, overlap))
    needed = {g.id: 1 if len(g.expected) <= 2 else 2 for g in golds}
    pairs: list[Pair] = []
    taken: set[str] = set()
    for overlap, gold_id, draft_id in sorted(scores, key=lambda s: (-s[0], s[1], s[2])):
        if gold_id in {p.gold for p in pairs} or draft_id in taken:
            continue
        pairs.append(Pair(gold_id, draft_id, overlap, overlap >= needed[gold_id]))
        taken.add(draft_id)
    return pairs, best


# --- scoring ------------------------------------------------------------------------------------------------------

@dataclass
class Tally:
    """One story's figures, or the sum of several."""

    gold_claims: int = 0
    measurable: int = 0
    covered: int = 0
    examples_passed: int = 0
    examples_failed: int = 0
    facts: int = 0
    right: int = 0
    wrong: int = 0
    discrepancies: int = 0
    reported: int = 0
    false_conflicts: int = 0
    unmapped_conflicts: int = 0
    entities: dict[str, list[int]] = field(default_factory=dict)  # kind -> [found, total]
    draft_failures: int = 0  # stories whose draft, or whose check with it, failed

    def add(self, other: Tally) -> None:
        for name in ("gold_claims", "measurable", "covered", "examples_passed", "examples_failed", "facts", "right",
                     "wrong", "discrepancies", "reported", "false_conflicts", "unmapped_conflicts", "draft_failures"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for kind, (found, total) in other.entities.items():
            mine = self.entities.setdefault(kind, [0, 0])
            mine[0] += found
            mine[1] += total

    @property
    def precision(self) -> float | None:
        return self.right / (self.right + self.wrong) if self.right + self.wrong else None

    @property
    def recall(self) -> float | None:
        return self.right / self.facts if self.facts else None

    @property
    def coverage(self) -> float | None:
        return self.covered / self.measurable if self.measurable else None


def rewrite(report: dict[str, Any], pairs: list[Pair], draft: list[DraftClaim]) -> dict[str, Any]:
    """The report with the gold's claim ids where a draft claim is paired, "draft:ID" for the draft's other claims
    (the engine's own checks, such as date-sanity, keep their ids)."""
    to_gold = {p.draft: p.gold for p in pairs}
    ours = {c.id for c in draft}
    findings = [{**f, "claim": to_gold.get(f.get("claim", ""), f"draft:{f.get('claim')}"
                                           if f.get("claim") in ours else f.get("claim"))}
                for f in report.get("findings", [])]
    return {**report, "findings": findings}


def run_scorer(scorer: Path, gold: Path, report: Path) -> tuple[dict[str, int], list[str]]:
    """The scorer's summary figures and its notes on one report."""
    result = subprocess.run([sys.executable, str(scorer), str(gold), str(report), "-v"], capture_output=True,
                            text=True)
    lines = result.stdout.splitlines()
    summary = next((m for line in lines if line.startswith("cluster:") and (m := _SUMMARY.search(line))), None)
    if summary is None:
        raise SystemExit(f"the scorer gave no summary for {report}: {result.stderr.strip()[-300:]}")
    notes = [line for line in lines if line.startswith(("false conflict: ", "discrepancy not reported: "))]
    return {k: int(v) for k, v in summary.groupdict().items()}, notes


def examples(run: subprocess.CompletedProcess[str]) -> tuple[int, int]:
    """Examples passed and failed, from `factcheck rules test`'s last line."""
    match = re.search(r"(\d+) passed, (\d+) failed", run.stdout + run.stderr)
    return (int(match.group(1)), int(match.group(2))) if match else (0, 0)


# --- one story ----------------------------------------------------------------------------------------------------

def given_rules(story: Story, given: str) -> Path | None:
    """The existing rules standing for a story's draft: its own reference rules, or DIR/STORY.toml or DIR/STORY/."""
    if given == "reference":
        return story.reference
    folder = Path(given)
    for candidate in (folder / f"{story.name}.toml", folder / story.name):
        if candidate.exists():
            return candidate
    return None


def make_draft(story: Story, given: str | None, work_dir: Path) -> tuple[Path | None, str]:
    """The story's draft, in a folder of its own (drafted from a copy of its articles alone, or the rules given), and
    what became of it; no folder when there is none."""
    draft_dir = work_dir / "draft"
    draft_dir.mkdir()
    draft_file = draft_dir / f"{story.name}.toml"
    if given is not None:
        source = given_rules(story, given)
        if source is None:
            return None, f"no rules given for it in {given}"
        if source.is_dir():
            shutil.copytree(source, draft_dir, dirs_exist_ok=True)
        else:
            shutil.copy2(source, draft_file)
        return draft_dir, f"given {source.relative_to(ROOT) if source.is_relative_to(ROOT) else source}"
    corpus = work_dir / "articles" / story.name
    corpus.mkdir(parents=True)
    for article in articles(story.corpus):
        shutil.copy2(article, corpus / article.name)
    run, seconds = factcheck("rules", "draft", str(corpus), "-o", str(draft_file), cwd=work_dir)
    said = f"drafted in {seconds:.2f} s, exit status {run.returncode}"
    if run.returncode != 0 or not draft_file.exists():
        return None, f"{said}; no draft: {(run.stderr.strip() or run.stdout.strip())[-300:]}"
    return draft_dir, said


def measure(story: Story, given: str | None, verbose: bool, score: ModuleType, scorer: Path) -> Tally | None:
    """Draft, test, check and score one story and print its block; None when no rules were given for it. A story
    whose draft or check failed is measured as an empty report: its gold still counts, nothing covered."""
    gold = json.loads(story.gold.read_text(encoding="utf-8"))
    golds = gold_claims(gold, score)
    tally = Tally(gold_claims=len(golds), measurable=sum(not g.why_not for g in golds))
    with tempfile.TemporaryDirectory(prefix="factcheck-draft-") as work:
        work_dir = Path(work)
        draft_dir, said = make_draft(story, given, work_dir)
        if draft_dir is None and given is not None:
            print(f"skipped: {story.name}: {said}")
            return None
        print(f"{story.name}: {said}")
        report: dict[str, Any] = {"findings": []}
        draft_entities: dict[str, Entity] = {}
        draft_claims: list[DraftClaim] = []
        if draft_dir is not None:
            try:
                draft_entities, draft_claims = read_rules(draft_dir)
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
                print(f"  the draft is no rule file: {error}")
                draft_dir = None
        if draft_dir is not None:
            tally.examples_passed, tally.examples_failed = examples(factcheck("rules", "test", str(draft_dir))[0])
            print(f"  examples: {tally.examples_passed} passed, {tally.examples_failed} failed; draft: "
                  f"{len(draft_entities)} entities, {len(draft_claims)} claims")
            report_path = work_dir / "report.json"
            run, _ = factcheck("check", str(story.corpus), "--rules", str(draft_dir), "--no-db", "--format", "json",
                               "-o", str(report_path))
            if run.returncode in (0, 1) and report_path.exists():
                report = json.loads(report_path.read_text(encoding="utf-8"))
            else:
                print(f"  check failed ({run.returncode}): {run.stderr.strip()[-300:]}")
                draft_dir = None
        tally.draft_failures = int(draft_dir is None)

        if story.reference is not None:
            reference_entities, _ = read_rules(story.reference)
            found = entities_found(reference_entities, draft_entities)
            tally.entities = {kind: [ok, total] for kind, (ok, total, _) in found.items()}
            print("  entities found: " + ", ".join(f"{kind} {ok}/{total}" for kind, (ok, total, _) in found.items()))
            # The draft proposes what two articles name (its default --min-sources): the same bar for the reference.
            texts = [fold(path.read_text(encoding="utf-8")) for path in sorted(story.corpus.glob("*.txt"))]
            shared = {key: e for key, e in reference_entities.items() if named_in(e, texts) >= 2}
            twice = entities_found(shared, draft_entities)
            print("  of those named in 2 articles or more: "
                  + ", ".join(f"{kind} {ok}/{total}" for kind, (ok, total, _) in twice.items()))
            if verbose:
                for kind, (_, _, missed) in found.items():
                    if missed:
                        print(f"    missing {kind}: {', '.join(missed)}")
        else:
            print("  entities: no reference rules to compare with")

        pairs, best = pair(golds, draft_claims, report, draft_entities, score)
        by_gold = {p.gold: p for p in pairs}
        tally.covered = sum(p.covered for p in pairs)
        print(f"  gold claims covered: {tally.covered}/{tally.measurable}"
              + (f" ({tally.gold_claims - tally.measurable} not measurable)" if tally.measurable < len(golds) else ""))
        for g in golds:
            p = by_gold.get(g.id)
            if g.why_not:
                line = f"not measurable: {g.why_not}"
            elif p is None:
                line = "no draft claim reads it" + (f" (best: {best[g.id][0]}, overlap {best[g.id][1]}, paired "
                                                    f"elsewhere)" if g.id in best else "")
            else:
                line = f"<- {p.draft} (overlap {p.overlap}/{len(g.expected)})" + ("" if p.covered else ", too small")
            print(f"    {'+' if p is not None and p.covered else '-'} {g.id} [{g.kind}] {line}")
        unpaired = [c.id for c in draft_claims if c.id not in {p.draft for p in pairs}]
        if verbose and unpaired:
            print(f"    draft claims paired with no gold claim: {', '.join(unpaired)}")

        rewritten = work_dir / "rewritten.json"
        rewritten.write_text(json.dumps(rewrite(report, pairs, draft_claims)), encoding="utf-8")
        figures, notes = run_scorer(scorer, story.gold, rewritten)
        tally.facts, tally.right, tally.wrong = figures["facts"], figures["hit"], figures["wrong"]
        tally.discrepancies, tally.reported = figures["discrepancies"], figures["reported"]
        tally.false_conflicts = figures["false"]
        paired = {p.draft for p in pairs}
        loose = [f for f in report.get("findings", [])
                 if f.get("status") == "conflict" and f.get("claim") not in paired]
        tally.unmapped_conflicts = len(loose)
        print(f"  score: discrepancies reported {tally.reported}/{tally.discrepancies}, false conflicts "
              f"{tally.false_conflicts}, precision {_figure(tally.precision)}, recall {_figure(tally.recall)} "
              f"({tally.right}/{tally.facts}, {tally.wrong} wrong), misspellings {figures['flagged']}/"
              f"{figures['misspellings']}; unmapped conflicts {len(loose)}")
        if verbose:
            for note in notes:
                print(f"    {note}")
            for finding in loose:
                values = "; ".join(f"{v.get('value')} ({', '.join(v.get('articles', []))})"
                                   for v in finding.get("values", []))
                print(f"    unmapped conflict {finding.get('claim')} [{finding.get('kind')}]: "
                      f"{values or finding.get('message', '')}")
    return tally


def speed(found: list[Story], runs: int) -> list[tuple[float, float]] | None:
    """Wall-clock and CPU seconds of `rules draft` on the first articles of all stories, run by run (the CPU time
    is the steadier figure on a busy machine); None when a run failed."""
    chosen = [(s.name, a) for s in sorted(found, key=lambda s: s.name) for a in articles(s.corpus)][:SPEED_ARTICLES]
    pinned = "pinned to core 0" if shutil.which("taskset") else "not pinned (no taskset)"
    print(f"speed: `rules draft` of {len(chosen)} articles, {runs} runs, {pinned}")
    times: list[tuple[float, float]] = []
    with tempfile.TemporaryDirectory(prefix="factcheck-draft-speed-") as work:
        corpus = Path(work) / "articles"
        corpus.mkdir()
        for name, article in chosen:
            shutil.copy2(article, corpus / f"{name}--{article.name}")
        for i in range(runs):
            out = Path(work) / f"draft-{i}.toml"
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            run, seconds = factcheck("rules", "draft", str(corpus), "-o", str(out), cwd=Path(work), pin=True)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if run.returncode != 0:
                print(f"  run {i + 1} failed ({run.returncode}): {run.stderr.strip()[-300:]}")
                return None
            times.append((seconds, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime))
    return times


def _figure(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _row(name: str, tally: Tally) -> str:
    entities = "/".join(f"{tally.entities.get(k, [0, 0])[0]}:{tally.entities.get(k, [0, 0])[1]}"
                        for k in ENTITY_KINDS[:3])
    return (f"{name:18} {tally.covered:4}/{tally.measurable:<4} {tally.examples_passed:4}/"
            f"{tally.examples_passed + tally.examples_failed:<4} {entities:>17} "
            f"{tally.reported:3}/{tally.discrepancies:<3} {tally.false_conflicts:5} {_figure(tally.precision):>5} "
            f"{_figure(tally.recall):>6} {tally.unmapped_conflicts:8}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--story", action="append", default=[], help="only this story (repeatable)")
    parser.add_argument("--given", metavar="DIR", help="use DIR/STORY.toml (or 'reference': each story's own rules) "
                                                       "instead of drafting")
    parser.add_argument("--shared", type=Path, default=SHARED, help=f"the shared data set and scorer (default "
                                                                     f"{SHARED})")
    parser.add_argument("--runs", type=int, default=5, help="timed drafts of the speed sample (default 5; 0: none)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list missing entities, unmapped conflicts "
                                                                     "and the scorer's notes")
    args = parser.parse_args(argv)
    clusters = args.shared / "data" / "news-clusters"
    found, skipped = stories(clusters, args.story)
    for reason in skipped:
        print(f"skipped: {reason}")
    scorer = args.shared / "tools" / "score_cluster.py"
    score = _scorer(scorer)
    if score is None:
        print(f"skipped: every story: no scorer at {scorer}")
        return 0
    if args.given is None:
        probe, _ = factcheck("rules", "draft", "--help")
        if probe.returncode != 0:
            print("skipped: every story: this checkout has no `factcheck rules draft` "
                  f"({probe.stderr.strip().splitlines()[-1] if probe.stderr.strip() else probe.returncode}); "
                  "try --given reference")
            return 0
    total = Tally()
    by_story: dict[str, Tally] = {}
    for story in found:
        tally = measure(story, args.given, args.verbose, score, scorer)
        if tally is not None:
            by_story[story.name] = tally
            total.add(tally)
        print()
    times = speed(stories(clusters, [])[0], args.runs) if args.given is None and args.runs > 0 else None
    if args.given is not None:
        print("speed: not measured (--given: nothing is drafted)")

    print()
    print(f"{'story':18} {'covered':>9} {'examples':>9} {'entities p/pl/o':>17} {'discr':>7} {'false':>5} "
          f"{'prec':>5} {'recall':>6} {'unmapped':>8}")
    for name, tally in [*by_story.items(), ("total", total)]:
        print(_row(name, tally))
    print()
    print("covered: gold claims a draft claim reads (overlap >= 2 articles, >= 1 for a claim of 1-2), of those "
          "measurable; examples: the draft's own, passed / run; entities: the reference rules' people, places and "
          "organisations a draft entity shares a name with (found:total); discr, false, prec, recall: the shared "
          "scorer on the report with paired ids; unmapped: conflicts on draft claims paired with no gold claim, for "
          "an editor to judge.")
    print()
    coverage = total.coverage
    met = coverage is not None and coverage >= TARGETS["covered"]
    print(f"target gold claims covered >= {TARGETS['covered']:.0%}: "
          f"{'-' if coverage is None else f'{coverage:.0%}'} ({total.covered}/{total.measurable}) — "
          + ("met" if met else "not met"))
    print(f"target every story drafted, and the draft passes its own examples: {total.draft_failures} not drafted, "
          f"{total.examples_failed} examples failed — "
          + ("met" if total.examples_failed == 0 and total.draft_failures == 0 else "not met"))
    if times:
        wall = [w for w, _ in times]
        median = statistics.median(wall)
        print(f"speed runs (wall / CPU s): {', '.join(f'{w:.2f}/{c:.2f}' for w, c in times)}")
        print(f"target draft of {SPEED_ARTICLES} articles < {TARGETS['seconds']:.0f} s: median {median:.2f} s, "
              f"fastest {min(wall):.2f} s (CPU median {statistics.median(c for _, c in times):.2f} s) — "
              + ("met" if median < TARGETS["seconds"] else "not met"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
