"""The hostile battery: what a messy archive, a hostile contributor and a busy CI runner do to factcheck, one case a
record, run as a user runs it (a fresh process, with a timeout far beyond what any case takes, so that a hang fails
instead of blocking the suite).

Every case must end with no traceback, the exit status that tells the truth (0 no conflict, 1 conflicts, 2 unusable
input or rules: a traceback's 1 reads as "conflicts found" in CI), nothing lost (each input file reported or listed
as skipped with its reason) and the other articles still reported. A bug found in the wild becomes a case here: a
record of what to build, the command, and what the output must and must not say. The details of each trade
(escaping, the store, time limits, memory) are tested in tests/test_hostile_*.py; the texts are invented.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
NO_HANG = 180  # seconds

STORY = """
[entities.ruiz]
kind = "person"
name = "Ana Ruiz"
variants = ["Ruiz"]

[entities.port-elm]
kind = "place"
name = "Port Elm"

[[claims]]
id = "ruiz-arrival"
kind = "date"
who = "ruiz"
event = "arrival"
place = "port-elm"

[[claims]]
id = "flood-toll"
kind = "count"
counted = ["people"]
event = "killed"
place = "port-elm"

[[claims]]
id = "strike-days"
kind = "elapsed"
event = "strike"
since = 2023-03-01
"""
ARRIVAL = " date 2023-03-14 Ana Ruiz arrived in Port Elm on Monday, her office said.\n"
OTHER_ARRIVAL = " date 2023-03-14 Ana Ruiz arrived in Port Elm on Sunday to see the damage.\n"
PROSE = ["The council met in the old town hall, where the roof still leaked after the storm.",
         "Residents said the river rose faster than anyone could remember, and the bridge closed by noon.",
         "A spokesman for the harbour authority declined to say when the ferries would run again.",
         "“We have never seen water like this,” said a baker whose shop stood a street from the quay.",
         "Volunteers filled sandbags through the night (some of them students) while the rain kept falling."]


@dataclass(frozen=True)
class Case:
    """One hostile input: `build` makes it in a folder and gives the command's arguments; the run must exit with
    `status`, say `says`, never say `never`, and list every file of `checked` as an article and every file of
    `skipped` as skipped (by name) in its JSON report, when the command writes one to standard output."""

    name: str
    build: Callable[[Path], list[str]]
    status: tuple[int, ...]
    says: tuple[str, ...] = ()
    never: tuple[str, ...] = ()
    checked: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()
    then: Callable[[Path, subprocess.CompletedProcess[str]], None] | None = None


CASES: list[Case] = []


def case(name: str, status: tuple[int, ...] | int, **expected: Any) -> Callable[[Callable[[Path], list[str]]],
                                                                              Callable[[Path], list[str]]]:
    def register(build: Callable[[Path], list[str]]) -> Callable[[Path], list[str]]:
        CASES.append(Case(name, build, (status,) if isinstance(status, int) else status, **expected))
        return build
    return register


def story(folder: Path, articles: dict[str, str | bytes], rules: str = STORY) -> tuple[Path, Path]:
    """A corpus of these articles and a rules folder of the invented story, in `folder`."""
    corpus, rules_dir = folder / "corpus", folder / "rules"
    corpus.mkdir(exist_ok=True)
    rules_dir.mkdir(exist_ok=True)
    for name, text in articles.items():
        (corpus / name).write_bytes(text.encode() if isinstance(text, str) else text)
    (rules_dir / "story.toml").write_text(rules)
    return corpus, rules_dir


def check(corpus: Path, rules_dir: Path, *more: str) -> list[str]:
    return ["check", str(corpus), "--rules", str(rules_dir), "--no-db", "--format", "json", *more]


# ---------------------------------------------------------------- hangs

@case("a paragraph of thousands of quoted one-letter sentences", (0, 1), checked=("quoted.txt", "calm.txt"))
def _quoted(folder: Path) -> list[str]:
    return check(*story(folder, {"quoted.txt": ' date 2023-03-14 ' + '"A." ' * 10_000, "calm.txt": ARRIVAL}))


@case("an article repeating one long sentence", (0, 1), checked=("long.txt", "calm.txt"))
def _repeated(folder: Path) -> list[str]:
    sentence = "Ana Ruiz said that the water, which rose all night, had reached the doors of the houses by the quay. "
    return check(*story(folder, {"long.txt": " date 2023-03-14 " + sentence * 1_000, "calm.txt": ARRIVAL}))


@case("a large article of prose", (0, 1), checked=("large.txt", "calm.txt"))
def _large(folder: Path) -> list[str]:
    paragraphs = "\n\n".join(" ".join(PROSE[i:] + PROSE[:i]) for i in range(len(PROSE)))
    return check(*story(folder, {"large.txt": " date 2023-03-14 " + (paragraphs + "\n\n") * 600,
                                 "calm.txt": ARRIVAL}))


@case("a cue that backtracks without end", 2, says=("claim 'strike-days'", "(a|a)+$"), checked=("calm.txt",),
      skipped=("slow.txt",), never=("Traceback",))
def _backtracking(folder: Path) -> list[str]:
    rules = STORY + 'cues = ["(a|a)+$"]\n'
    slow = f" date 2023-03-14 Ana Ruiz is in Port Elm. She said it was {'a' * 40} day 12 now.\n"
    return check(*story(folder, {"slow.txt": slow,
                                 "calm.txt": ARRIVAL}, rules))


@case("a pipe named as a rule file (rules check)", 2, says=("x.toml", "not a regular file"))
def _pipe_rule(folder: Path) -> list[str]:
    _, rules_dir = story(folder, {})
    os.mkfifo(rules_dir / "x.toml")
    return ["rules", "check", str(rules_dir)]


@case("a pipe named as a rule file (check)", 2, says=("x.toml", "not a regular file"))
def _pipe_rule_check(folder: Path) -> list[str]:
    corpus, rules_dir = story(folder, {"calm.txt": ARRIVAL})
    os.mkfifo(rules_dir / "x.toml")
    return check(corpus, rules_dir)


# ---------------------------------------------------------------- tracebacks

@case("a symbolic link loop in the corpus", 0, checked=("calm.txt",), skipped=("loop", "me.txt"))
def _loop(folder: Path) -> list[str]:
    corpus, rules_dir = story(folder, {"calm.txt": ARRIVAL})
    (corpus / "loop").symlink_to("..")
    (corpus / "me.txt").symlink_to("me.txt")
    return check(corpus, rules_dir)


@case("a byte 0xFF in a file name", 0, checked=("calm.txt",))
def _byte_name(folder: Path) -> list[str]:
    corpus, rules_dir = story(folder, {"calm.txt": ARRIVAL})
    (corpus / os.fsdecode(b"odd\xff.txt")).write_text(ARRIVAL)
    return check(corpus, rules_dir)


def _odd_name_in(output_format: str) -> Callable[[Path], list[str]]:
    def build(folder: Path) -> list[str]:
        corpus, rules_dir = story(folder, {"calm.txt": OTHER_ARRIVAL})
        (corpus / os.fsdecode(b"odd\xff\xfe.txt")).write_text(ARRIVAL)
        return ["check", str(corpus), "--rules", str(rules_dir), "--no-db", "--format", output_format]
    return build


for _format in ("terminal", "html", "sarif", "github", "junit", "markdown"):
    CASES.append(Case(f"a byte 0xFF in a file name, reported as {_format}", _odd_name_in(_format), (1,)))


@case("a rule file nested 500 deep", 2, says=("deep.toml:1:",))
def _deep(folder: Path) -> list[str]:
    _, rules_dir = story(folder, {})
    (rules_dir / "deep.toml").write_text("a = " + "[" * 500 + "]" * 500 + "\n")
    return ["rules", "check", str(rules_dir)]


def _garble(store: Path) -> None:
    with sqlite3.connect(store) as db:
        table, column = next((t, c) for t, in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                             for _, c, kind, *_ in db.execute(f"PRAGMA table_info({t})")
                             if t == "statements" and kind.upper() == "TEXT" and c not in ("path", "claim"))
        db.execute(f"UPDATE {table} SET {column} = '{{garbled'")


@case("a garbled row in the statement store", 2, says=("damaged",), never=("move it away",))
def _garbled(folder: Path) -> list[str]:
    corpus, rules_dir = story(folder, {"calm.txt": ARRIVAL, "other.txt": OTHER_ARRIVAL})
    store = folder / "store.db"
    subprocess.run(_command("index", str(corpus), "--rules", str(rules_dir), "--db", str(store), "-q"), check=True,
                   capture_output=True, timeout=NO_HANG, cwd=folder, env=_env())
    _garble(store)
    return ["check", str(corpus), "--rules", str(rules_dir), "--db", str(store), "--format", "json"]


@case("a garbled date in the statement store", 2, says=("damaged",))
def _garbled_date(folder: Path) -> list[str]:
    corpus, rules_dir = story(folder, {"calm.txt": ARRIVAL, "other.txt": OTHER_ARRIVAL})
    store = folder / "store.db"
    subprocess.run(_command("index", str(corpus), "--rules", str(rules_dir), "--db", str(store), "-q"), check=True,
                   capture_output=True, timeout=NO_HANG, cwd=folder, env=_env())
    with sqlite3.connect(store) as db:
        db.execute("UPDATE articles SET published = 'xx'")
    return ["check", str(corpus), "--rules", str(rules_dir), "--db", str(store)]


@case("a store under a regular file", 2, says=("x.db",))
def _store_under_file(folder: Path) -> list[str]:
    corpus, rules_dir = story(folder, {"calm.txt": ARRIVAL})
    (folder / "file").write_text("not a folder")
    return ["check", str(corpus), "--rules", str(rules_dir), "--db", str(folder / "file" / "x.db")]


@case("a figure of 309 digits", 0, checked=("digits.txt", "calm.txt"))
def _digits(folder: Path) -> list[str]:
    text = f" date 2023-03-14 The flood has killed {'9' * 309} people in Port Elm, Ana Ruiz said.\n"
    return check(*story(folder, {"digits.txt": text, "calm.txt": ARRIVAL}))


@case("a figure of a one and 320 zeros", 0, checked=("zeros.txt", "calm.txt"))
def _zeros(folder: Path) -> list[str]:
    text = f" date 2023-03-14 About 1{'0' * 320} people were killed in Port Elm, Ana Ruiz said.\n"
    return check(*story(folder, {"zeros.txt": text, "calm.txt": ARRIVAL}))


@case("a sum's words that backtrack without end", 2, says=("claim 'reward'", "simplify 'counted' \\\"(a|a)+b\\\""),
      checked=("calm.txt",), skipped=("slow.txt",))
def _slow_sum(folder: Path) -> list[str]:
    rules = STORY + '\n[[claims]]\nid = "reward"\nkind = "count"\nunit = "money"\ncounted = ["(a|a)+b"]\n' \
        'event = "arrested"\ncues = ["rewards?", "offer(s|ed|ing)?"]\n'
    slow = f" date 2023-03-14 Police in Port Elm offered a reward of $250,000 for the arrest of Ana Ruiz, {'a' * 40}.\n"
    rules = rules.replace('id = "reward"', 'id = "reward"\nof = "ruiz"')
    return check(*story(folder, {"slow.txt": slow, "calm.txt": ARRIVAL}, rules))


@case("a sum's words that are no regular expression", 2, says=("'counted'", "invalid regular expression"))
def _bad_sum(folder: Path) -> list[str]:
    rules = STORY + '\n[[claims]]\nid = "reward"\nkind = "count"\nunit = "money"\ncounted = ["reward("]\n' \
        'event = "arrested"\ncues = ["rewards?", "offer(s|ed|ing)?"]\n'
    return ["rules", "check", str(story(folder, {}, rules)[1])]


def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(folder), "-c", "user.email=a@b.c", "-c", "user.name=a", *args], check=True,
                   capture_output=True, timeout=NO_HANG)


def _changed_since(folder: Path) -> list[str]:
    corpus, rules_dir = story(folder, {"calm.txt": ARRIVAL})
    _git(folder, "init", "-q")
    _git(folder, "add", ".")
    _git(folder, "commit", "-qm", "first")
    (corpus / "other.txt").write_text(OTHER_ARRIVAL)
    (folder / os.fsdecode(b"notes\xff.bin")).write_bytes(b"elsewhere in the repository")
    return ["check", str(corpus), "--rules", str(rules_dir), "--no-db", "--changed-since", "HEAD"]


def _changed_linked_rules(folder: Path) -> list[str]:
    corpus, rules_dir = story(folder, {"calm.txt": ARRIVAL, "other.txt": OTHER_ARRIVAL})
    (folder / "shared-rules").mkdir()
    (rules_dir / "story.toml").rename(folder / "shared-rules" / "story.toml")
    (rules_dir / "shared").symlink_to("../shared-rules")
    _git(folder, "init", "-q")
    _git(folder, "add", ".")
    _git(folder, "commit", "-qm", "first")
    with (folder / "shared-rules" / "story.toml").open("a") as rules:
        rules.write('\n# a rule edited through the link\n')
    return ["check", str(corpus), "--rules", str(rules_dir), "--no-db", "--changed-since", "HEAD"]


if shutil.which("git") is not None:
    CASES.append(Case("a file name that is not UTF-8 in a git repository (--changed-since)", _changed_since, (1,)))
    CASES.append(Case("a rule edited in a linked folder of rules (--changed-since)", _changed_linked_rules, (1,),
                      says=("changed since HEAD",)))


@case("an output that cannot be written (a full disk)", 2, says=("cannot write /dev/full: No space left",))
def _full(folder: Path) -> list[str]:
    corpus, rules_dir = story(folder, {"calm.txt": ARRIVAL})
    return ["check", str(corpus), "--rules", str(rules_dir), "--no-db", "-o", "/dev/full"]


# ---------------------------------------------------------------- memory

@case("two thousand one-line articles of one claim", 1, says=("more pairs",))
def _many(folder: Path) -> list[str]:
    corpus, rules_dir = story(folder, {})
    for number in range(2_000):
        toll = 30 if number % 2 else 40
        (corpus / f"a{number:04}.txt").write_text(
            f" date 2023-03-14 The flood has killed {toll} people in Port Elm, Ana Ruiz said.\n")
    return check(corpus, rules_dir)


@case("a rule file of thousands of people", 0)
def _big_rules(folder: Path) -> list[str]:
    people = "".join(f'[entities.p{n}]\nkind = "person"\nname = "Ana Ruiz{n:05}"\n\n' for n in range(5_000))
    _, rules_dir = story(folder, {}, STORY + "\n" + people)
    return ["rules", "check", str(rules_dir)]


# ---------------------------------------------------------------- silently lost

@case("a linked folder in the corpus", 0, checked=("calm.txt", "far.txt"))
def _linked(folder: Path) -> list[str]:
    corpus, rules_dir = story(folder, {"calm.txt": ARRIVAL})
    (folder / "elsewhere").mkdir()
    (folder / "elsewhere" / "far.txt").write_text(ARRIVAL)
    (corpus / "linked").symlink_to(folder / "elsewhere")
    return check(corpus, rules_dir)


@case("a linked folder of rules", 1, checked=("calm.txt", "other.txt"))
def _linked_rules(folder: Path) -> list[str]:
    corpus, rules_dir = story(folder, {"calm.txt": ARRIVAL, "other.txt": OTHER_ARRIVAL})
    (folder / "shared-rules").mkdir()
    (rules_dir / "story.toml").rename(folder / "shared-rules" / "story.toml")
    (rules_dir / "shared").symlink_to(folder / "shared-rules")
    return check(corpus, rules_dir)


@case("two links into one outside tree, one inside the other", 0, checked=("calm.txt", "one.txt", "two.txt"))
def _nested_links(folder: Path) -> list[str]:
    corpus, rules_dir = story(folder, {"calm.txt": ARRIVAL})
    (folder / "ext" / "a" / "b").mkdir(parents=True)
    (folder / "ext" / "a" / "b" / "one.txt").write_text(ARRIVAL)
    (folder / "ext" / "a" / "two.txt").write_text(ARRIVAL)
    (corpus / "l1").symlink_to(folder / "ext" / "a" / "b")
    (corpus / "l2").symlink_to(folder / "ext" / "a")
    return check(corpus, rules_dir)


def _with_evidence(_: Path, done: subprocess.CompletedProcess[str]) -> None:
    assert "(1 other(s) as evidence)" in done.stdout + done.stderr, done.stdout


@case("a store of a corpus reached through a linked folder", 1, then=_with_evidence)
def _linked_store(folder: Path) -> list[str]:
    story(folder, {"calm.txt": ARRIVAL, "other.txt": OTHER_ARRIVAL})
    (folder / "data").mkdir()
    (folder / "corpus").rename(folder / "data" / "corpus")
    (folder / "corpus").symlink_to(folder / "data" / "corpus")
    subprocess.run(_command("index", "corpus", "--rules", "rules", "-q"), check=True, capture_output=True,
                   timeout=NO_HANG, cwd=folder, env=_env())
    return ["check", "corpus", "--rules", "rules", "--new", "corpus/calm.txt"]


# ---------------------------------------------------------------- injection

def _no_raw_tag(_: Path, done: subprocess.CompletedProcess[str]) -> None:
    assert "<img" not in done.stdout


@case("a file named like an HTML tag", 1, then=_no_raw_tag)
def _tag_name(folder: Path) -> list[str]:
    corpus, rules_dir = story(folder, {"calm.txt": OTHER_ARRIVAL, '"><img src=x onerror=alert(1)>.txt': ARRIVAL})
    return ["check", str(corpus), "--rules", str(rules_dir), "--no-db", "--format", "html"]


def _no_heading(_: Path, done: subprocess.CompletedProcess[str]) -> None:
    assert not any(line.startswith("# heading") for line in done.stdout.splitlines())


@case("a line break in a file name", 1, then=_no_heading)
def _broken_name(folder: Path) -> list[str]:
    corpus, rules_dir = story(folder, {"calm.txt": OTHER_ARRIVAL, "a\n# heading ![i](x.png).txt": ARRIVAL})
    return ["check", str(corpus), "--rules", str(rules_dir), "--no-db", "--format", "markdown"]


def _no_command(_: Path, done: subprocess.CompletedProcess[str]) -> None:
    for line in (done.stdout + done.stderr).splitlines():
        assert not line.replace("\r", "\n").lstrip().startswith("::"), line


def _command_line_in(output_format: str) -> Callable[[Path], list[str]]:
    def build(folder: Path) -> list[str]:
        line = ARRIVAL.rstrip("\n") + "\n::error file=README.md::x\n"
        corpus, rules_dir = story(folder, {"calm.txt": OTHER_ARRIVAL, "command.txt": line})
        return ["check", str(corpus), "--rules", str(rules_dir), "--no-db", "--format", output_format]
    return build


for _format in ("terminal", "junit", "markdown"):
    CASES.append(Case(f"an article line that is a workflow command, reported as {_format}",
                      _command_line_in(_format), (1,), then=_no_command))


def _victim_untouched(folder: Path, _: subprocess.CompletedProcess[str]) -> None:
    assert (folder / "victim").read_text() == "precious"
    assert not (folder / "r.json").is_symlink()


@case("a link planted beside the output", 0, then=_victim_untouched)
def _planted(folder: Path) -> list[str]:
    corpus, rules_dir = story(folder, {"calm.txt": ARRIVAL})
    (folder / "victim").write_text("precious")
    (folder / ".r.json.partial").symlink_to(folder / "victim")
    return [*check(corpus, rules_dir), "-o", str(folder / "r.json")]


@case("rule files named like workflow commands", 2, then=_no_command)
def _command_rules(folder: Path) -> list[str]:
    _, rules_dir = story(folder, {})
    (rules_dir / "::error file=README.md::x.toml").write_text("x = [\n")
    (rules_dir / "a\r::error::cr.toml").write_text("y = 1\n")
    return ["rules", "check", str(rules_dir)]


# ---------------------------------------------------------------- encoding

@case("one stray byte in a UTF-8 file", 0, says=("line 2", "not valid UTF-8"), checked=("stray.txt",),
      never=("Ruizâ",))
def _stray(folder: Path) -> list[str]:
    text = " date 2023-03-14 Ana Ruiz arrived in Port Elm on Monday.\nThe café\xff was shut, Ruiz’s aide said.\n"
    return check(*story(folder, {"stray.txt": text.encode("utf-8").replace("\xff".encode(), b"\xff")}))


@case("one stray byte in a UTF-8 file of a single accented letter", 0, says=("line 2", "not valid UTF-8"),
      never=("read as Windows-1252",), checked=("stray.txt",))
def _stray_few(folder: Path) -> list[str]:
    text = " date 2023-03-14 José Ruiz arrived in Port Elm on Monday.\nThe quay was shut \x96 again.\n"
    return check(*story(folder, {"stray.txt": text.encode("utf-8").replace("\x96".encode(), b"\x96")}))


@case("a Windows-1252 file with a sharp s before a quotation mark", 0, says=("read as Windows-1252",),
      checked=("legacy.txt",))
def _legacy(folder: Path) -> list[str]:
    text = " date 2023-03-14 Ana Ruiz arrived in Port Elm on Monday. „Das Wasser ist groß“, sagte sie.\n"
    return check(*story(folder, {"legacy.txt": text.encode("cp1252")}))


# ---------------------------------------------------------------- store

def _each_once(folder: Path, done: subprocess.CompletedProcess[str]) -> None:
    report = json.loads(done.stdout)
    paths = [s["article"] for f in report["findings"] for s in f["statements"]]
    assert sorted(paths) == sorted(set(paths)) and len(paths) == 2, paths


@case("a corpus that is not there, beside a store", 0, says=("gone: no such file",))
def _gone(folder: Path) -> list[str]:
    story(folder, {"calm.txt": ARRIVAL})
    subprocess.run(_command("index", "corpus", "--rules", "rules", "-q"), check=True, capture_output=True,
                   timeout=NO_HANG, cwd=folder, env=_env())
    return ["check", "gone", "--rules", "rules", "--new", "corpus/calm.txt"]


@case("one article indexed under two paths", 1, then=_each_once)
def _two_paths(folder: Path) -> list[str]:
    corpus, rules_dir = story(folder, {"calm.txt": ARRIVAL, "other.txt": OTHER_ARRIVAL})
    for named in ("corpus", str(corpus)):
        subprocess.run(_command("index", named, "--rules", "rules", "-q"), check=True, capture_output=True,
                       timeout=NO_HANG, cwd=folder, env=_env())
    return ["check", "corpus", "--rules", "rules", "--new", "corpus/calm.txt", "--format", "json"]


# ---------------------------------------------------------------- the messy archive of before (see test_bad_input)

@case("a folder with one of every kind of trouble", 0, checked=("good.txt", "bom.txt", "legacy.txt", "crlf.txt"),
      skipped=("undated.txt", "impossible.txt", "empty.txt", "binary.txt", "huge.txt", "notes.docx", "dangling.txt",
               "pipe.txt"), says=("Windows-1252",))
def _messy(folder: Path) -> list[str]:
    corpus, rules_dir = story(folder, {
        "good.txt": ARRIVAL, "bom.txt": "\ufeff" + ARRIVAL, "legacy.txt": b" date 2023-03-14 Caf\xe9 Ruiz is shut.",
        "crlf.txt": ARRIVAL.replace("\n", "\r\n"), "undated.txt": "Ana Ruiz arrived.", "empty.txt": "",
        "impossible.txt": " date 2023-02-30 Ana Ruiz arrived.", "binary.txt": b"%PDF-1.7\x00\x00\x01",
        "huge.txt": " date 2023-03-14 " + "The talks went on. " * 2000, "notes.docx": b"PK\x03\x04"})
    (corpus / "dangling.txt").symlink_to(corpus / "nowhere.txt")
    os.mkfifo(corpus / "pipe.txt")
    return check(corpus, rules_dir, "--max-size", "20000")


# ---------------------------------------------------------------- the battery

def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}


def _command(*args: str) -> list[str]:
    return [sys.executable, "-m", "factcheck", *args]


@pytest.mark.parametrize("hostile", CASES, ids=[c.name for c in CASES])
def test_hostile_input_ends_in_a_clear_message_or_a_right_report(hostile: Case, tmp_path: Path) -> None:
    args = hostile.build(tmp_path)
    ran = subprocess.run(_command(*args), capture_output=True, timeout=NO_HANG, cwd=tmp_path, env=_env())
    ran.stdout.decode("utf-8")  # whatever the input, a report is text a reader can decode
    done = subprocess.CompletedProcess(ran.args, ran.returncode, ran.stdout.decode("utf-8"),
                                       ran.stderr.decode("utf-8", errors="replace"))
    output = done.stdout + done.stderr
    assert "Traceback" not in output, done.stderr[-3000:]
    assert done.returncode in hostile.status, (done.returncode, done.stderr[-3000:])
    for words in hostile.says:
        assert words in output, (words, output[-3000:])
    for words in hostile.never:
        assert words not in output, words
    if hostile.checked or hostile.skipped:
        report = json.loads(done.stdout)
        checked = {Path(a["path"]).name for a in report["articles"]}
        skipped = {Path(s["path"]).name: s["reason"] for s in report["skipped"]}
        assert set(hostile.checked) <= checked, (hostile.checked, checked, skipped)
        assert set(hostile.skipped) <= set(skipped), (hostile.skipped, skipped)
        assert all(reason for reason in skipped.values())
        corpus = tmp_path / "corpus"
        if corpus.is_dir():  # nothing lost: every file of the corpus is an article or listed as skipped
            listed = checked | set(skipped) | {Path(s["path"]).parts[-2] for s in report["skipped"]
                                               if len(Path(s["path"]).parts) > 1}
            names = {os.fsencode(p.name).decode("utf-8", "replace") for p in corpus.iterdir()
                     if not (p.is_symlink() and p.is_dir())}  # a linked folder's files are listed, not it
            assert names <= listed, (listed,)
    if hostile.then is not None:
        hostile.then(tmp_path, done)


@pytest.mark.parametrize("broken", ["stdout", "stdout and stderr"])
def test_a_report_that_cannot_be_written_exits_2_whatever_else_is_broken(tmp_path: Path, broken: str) -> None:
    """A full disk under standard output (and standard error) is said where it can be, and the exit status tells:
    2, never a traceback's 1, which CI reads as conflicts found."""
    corpus, rules_dir = story(tmp_path, {"calm.txt": ARRIVAL})
    with open("/dev/full", "w") as full:
        done = subprocess.run(_command(*check(corpus, rules_dir)), stdout=full,
                              stderr=full if broken == "stdout and stderr" else subprocess.PIPE, timeout=NO_HANG,
                              cwd=tmp_path, env=_env())
    assert done.returncode == 2
    if broken == "stdout":
        assert b"cannot write the report to standard output: No space left" in done.stderr
        assert b"Traceback" not in done.stderr
