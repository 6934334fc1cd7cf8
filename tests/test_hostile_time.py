"""Hostile input, time: articles of shapes that once took minutes, and rule patterns that backtrack without end.

Each case is built in tmp_path and checked as a user runs it, in a fresh process with a generous timeout that only
proves it does not hang: no traceback, the right exit status, every article either reported or listed as skipped
with its reason, the other articles still reported. The texts are invented.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from factcheck import patterns
from factcheck.extraction import Extraction, from_wire, to_wire

ROOT = Path(__file__).resolve().parent.parent
NO_HANG = 120  # seconds: far beyond what any case takes, so that a hang fails instead of blocking the suite

RULES = """
[entities.ruiz]
kind = "person"
name = "Ana Ruiz"
variants = ["Ruiz"]

[entities.port-elm]
kind = "place"
name = "Port Elm"

[[claims]]
id = "strike-day"
kind = "elapsed"
event = "strike"
since = 2023-03-01
"""

CALM = " date 2023-03-14 Ana Ruiz spoke in Port Elm on Tuesday. It was day 14 of the strike, she said.\n"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """The command line, as a user runs it, in a fresh process of this checkout."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "factcheck", *map(str, args)], capture_output=True, text=True,
                          timeout=NO_HANG, env=env, cwd=ROOT)


def case(tmp_path: Path, articles: dict[str, str], rules: str = RULES) -> tuple[Path, Path]:
    """A corpus folder of these articles and a rules folder, in tmp_path."""
    corpus, rules_dir = tmp_path / "corpus", tmp_path / "rules"
    corpus.mkdir()
    rules_dir.mkdir()
    for name, text in articles.items():
        (corpus / name).write_text(text, encoding="utf-8")
    (rules_dir / "rules.toml").write_text(rules, encoding="utf-8")
    return corpus, rules_dir


def checked(corpus: Path, rules_dir: Path, status: tuple[int, ...]) -> dict[str, Any]:
    """The JSON report of a check, after asserting it ran without a traceback and exited with one of `status`."""
    done = run("check", corpus, "--rules", rules_dir, "--no-db", "--format", "json")
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode in status, done.stderr
    report: dict[str, Any] = json.loads(done.stdout)
    return report


def reported(report: dict[str, Any]) -> set[str]:
    return {Path(a["path"]).name for a in report["articles"]}


def skipped(report: dict[str, Any]) -> dict[str, str]:
    return {Path(s["path"]).name: s["reason"] for s in report["skipped"]}


def with_cue(claim: str, cue: str) -> str:
    return RULES + "\n" + claim + f"cues = [{json.dumps(cue)}]\n"


# ---------------------------------------------------------------- articles of shapes that were read in quadratic time

@pytest.mark.parametrize("unit", ['"A." ', "“A.” ", '"A!" he said. '], ids=["straight", "curly", "exclaimed"])
def test_a_paragraph_of_fifty_kilobytes_of_quoted_sentences_is_read_and_reported(tmp_path: Path, unit: str) -> None:
    quoted = " date 2023-03-14 Ana Ruiz spoke in Port Elm on Tuesday. " + unit * (50_000 // len(unit)) + "\n"
    report = checked(*case(tmp_path, {"quoted.txt": quoted, "calm.txt": CALM}), status=(0, 1))
    assert reported(report) == {"quoted.txt", "calm.txt"}


def test_an_article_repeating_one_long_sentence_is_read_and_reported(tmp_path: Path) -> None:
    sentence = ("Ana Ruiz met the mayor in Port Elm on Tuesday after talks, before she flew on, where she said "
                "the strike, which began on March 1, must end. ")
    report = checked(*case(tmp_path, {"long.txt": " date 2023-03-14 " + sentence * (60_000 // len(sentence)),
                                      "calm.txt": CALM}), status=(0, 1))
    assert reported(report) == {"long.txt", "calm.txt"}


# ---------------------------------------------------------------- a rule's cue that backtracks catastrophically

# Each kind that takes `cues`, with an article where its cue "(a|a)+$" is tried on a run of a's.
RUN = "a" * 40
SLOW_CUES = {
    "elapsed": ('[[claims]]\nid = "slow"\nkind = "elapsed"\nevent = "strike"\nsince = 2023-03-01\n',
                f"Ana Ruiz said it was {RUN} day 12 now."),
    "date": ('[[claims]]\nid = "slow"\nkind = "date"\nwho = "ruiz"\nevent = "meeting"\n',
             f"Ana Ruiz met {RUN}c on Monday."),
    "count": ('[[claims]]\nid = "slow"\nkind = "count"\ncounted = ["people"]\nevent = "killed"\n',
              f"Ana Ruiz said 12 people were {RUN}c in Port Elm."),
}


@pytest.mark.parametrize("kind", list(SLOW_CUES))
def test_a_cue_that_backtracks_skips_its_article_naming_claim_and_pattern_and_the_others_are_reported(
        tmp_path: Path, kind: str) -> None:
    claim, sentence = SLOW_CUES[kind]
    corpus, rules_dir = case(tmp_path, {"slow.txt": f" date 2023-03-14 Ana Ruiz is in Port Elm. {sentence}\n",
                                        "calm.txt": CALM},
                             with_cue(claim, "(a|a)+$"))
    done = run("check", corpus, "--rules", rules_dir, "--no-db", "--format", "json")
    assert "Traceback" not in done.stderr
    assert done.returncode == 2, done.stderr
    assert "are not usable on" in done.stderr and "slow.txt" in done.stderr
    report = json.loads(done.stdout)
    assert reported(report) == {"calm.txt"}
    reason = skipped(report)["slow.txt"]
    assert "claim 'slow'" in reason and "(a|a)+$" in reason and "took longer than" in reason


def test_index_stores_the_other_articles_and_exits_2_on_a_cue_that_backtracks(tmp_path: Path) -> None:
    claim, sentence = SLOW_CUES["elapsed"]
    corpus, rules_dir = case(tmp_path, {"slow.txt": f" date 2023-03-14 Ana Ruiz is in Port Elm. {sentence}\n",
                                        "calm.txt": CALM},
                             with_cue(claim, "(a|a)+$"))
    db = tmp_path / "store.db"
    done = run("index", corpus, "--rules", rules_dir, "--db", db, "--quiet")
    assert "Traceback" not in done.stderr
    assert done.returncode == 2, done.stderr
    assert "skipped" in done.stderr and "claim 'slow'" in done.stderr
    assert "1 read now" in done.stderr


def test_a_skip_for_the_rules_crosses_to_the_main_process_as_it_is() -> None:
    skip = Extraction("a.txt", None, skipped="claim 'slow': a pattern took longer", rule_error=True)
    assert from_wire(to_wire(skip), {}) == skip


# ---------------------------------------------------------------- the time limit is one match's, not a scan's

def test_the_time_limit_is_for_each_match_not_for_a_scan_of_the_whole_text(monkeypatch: pytest.MonkeyPatch) -> None:
    pattern = patterns.compile(r"(?:\w+\s+){0,5}zz")
    text = ("word " * 20 + "zz ") * 4000
    expected = [m.span() for m in pattern.compiled.finditer(text)]
    monkeypatch.setattr(patterns, "TIME_LIMIT", 0.05)  # well under the whole scan, far over one match
    assert [m.span() for m in pattern.finditer(text)] == expected
    # Empty matches too: each scan that runs out of time after one begins again after it, and skips it.
    empty = patterns.compile(r"\b|zz", rule_text=True)
    assert [m.span() for m in empty.finditer(text)] == [m.span() for m in empty.compiled.finditer(text)]
    with pytest.raises(patterns.PatternTooSlow, match=r"\(a\|a\)\+\$"):
        patterns.compile("(a|a)+$", rule_text=True).search("a" * 40 + "b")


def test_a_pattern_of_the_language_data_is_timed_on_a_long_stretch_only() -> None:
    """A pattern of ours is timed where a slow one could run for minutes, not on each sentence (a timed call of
    `regex` costs a clock reading); a rule's cue is timed on any stretch."""
    ours, cue = patterns.compile(r"zz"), patterns.compile(r"zz", rule_text=True)
    short, long = "a" * patterns.UNTIMED, "a" * (patterns.UNTIMED + 1)
    assert not ours._timed(short, 0, None) and ours._timed(long, 0, None)
    assert not ours._timed(long, 1, None) and cue._timed("a", 0, None)
    with pytest.raises(patterns.PatternTooSlow):
        patterns.compile("(a|a)+$").search("a" * 40 + "b" * patterns.UNTIMED)


def test_explain_of_an_article_a_cue_backtracks_on_exits_2(tmp_path: Path) -> None:
    claim, sentence = SLOW_CUES["date"]
    corpus, rules_dir = case(tmp_path, {"slow.txt": f" date 2023-03-14 Ana Ruiz is in Port Elm. {sentence}\n"},
                             with_cue(claim, "(a|a)+$"))
    done = run("explain", corpus / "slow.txt", "--rules", rules_dir)
    assert "Traceback" not in done.stderr
    assert done.returncode == 2 and "took longer than" in done.stderr


def test_an_example_a_cue_backtracks_on_makes_rules_test_exit_2(tmp_path: Path) -> None:
    claim, sentence = SLOW_CUES["date"]
    example = f'examples = [{{ text = "Ana Ruiz is in Port Elm. {sentence}", published = "2023-03-14", ' \
              'expect = "nothing" }]\n'
    _, rules_dir = case(tmp_path, {}, with_cue(claim + example, "(a|a)+$"))
    done = run("rules", "test", rules_dir)
    assert "Traceback" not in done.stderr
    assert done.returncode == 2 and "an example: a pattern took longer than" in done.stderr


def test_a_cue_slow_on_each_of_many_sentences_stops_at_the_budget_of_its_claim(monkeypatch: pytest.MonkeyPatch) -> None:
    """A cue a little under the limit of one match, tried on each of many sentences, would take hours in all: the
    rules' patterns have a budget for each claim on each article."""
    cue = patterns.compile(r"(a|a)+b", rule_text=True)
    sentence = "a" * 16 + " "  # a few milliseconds for each, far under the limit of one match
    with patterns.budget(0.2), pytest.raises(patterns.PatternTooSlow, match="in all on this article") as raised:
        for _ in range(100_000):
            cue.search(sentence)
    assert raised.value.rule_text and raised.value.in_all
    with patterns.budget(0.2), pytest.raises(patterns.PatternTooSlow, match="in all"):
        list(cue.finditer(sentence * 100_000))
    assert cue.search(sentence) is None  # outside a budget, only the limit of one match


def test_the_budget_is_of_the_article_each_thread_reads() -> None:
    """A worker of a cluster may read several articles at once, each in a thread: one's budget ending leaves the
    others' as they are."""
    import threading

    inside, ended = threading.Event(), threading.Event()
    seen: list[float | None] = []

    def other() -> None:
        with patterns.budget(5.0):
            inside.set()
            ended.wait(10)
            seen.append(patterns._left())

    thread = threading.Thread(target=other)
    thread.start()
    inside.wait(10)
    with patterns.budget(1.0):
        assert patterns._left() == 1.0
    ended.set()
    thread.join(10)
    assert seen == [5.0] and patterns._left() is None
