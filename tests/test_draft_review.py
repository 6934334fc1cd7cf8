"""A review of `rules draft` and `check --draft` on odd corpora: what a user may give them (one article, copies,
no names, names of other scripts, TOML-hostile text, odd paths and outputs) drafts a file `rules check` accepts or
exits 2 with advice the command takes; every comment and citation of a draft is what its articles say. Invented
text only."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from factcheck import language
from factcheck.cli import main

REPO = Path(__file__).resolve().parent.parent
STORY = """ date 2024-03-15

A ferry sank off Port Ostrel on Wednesday, killing 14 people, the coast guard said.
Interior Minister Ilse Marrow said the search would go on through the night.
Marrow met harbour officials on Thursday to discuss the inquiry.
Tomas Eider, the harbour master, said the injured were flown to Lanholm.
Survivors were taken to a hospital in Lanholm, Tomas Eider said.
"""


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, ["--no-config", *args], catch_exceptions=False)


def corpus(folder: Path, texts: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def checked(rules: Path) -> None:
    """The draft passes `rules check` and `rules test` as it was written."""
    for command in ("check", "test"):
        result = invoke("rules", command, str(rules))
        assert result.exit_code == 0, result.output


def test_a_corpus_whose_path_breaks_a_line_is_drafted_into_a_valid_file(tmp_path: Path) -> None:
    # The header comment names the corpus: a line break or a control character in a path must not end the comment.
    folder = corpus(tmp_path / "odd\nname\x7f", {"a.txt": STORY, "b.txt": STORY.replace("Wednesday", "Wednesday,")})
    result = invoke("rules", "draft", str(folder), "-o", str(tmp_path / "rules" / "story.toml"))
    assert result.exit_code == 0, result.output
    checked(tmp_path / "rules")


def test_check_draft_of_too_few_articles_gives_advice_check_takes(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "c", {"a.txt": STORY})
    result = invoke("check", str(folder), "--draft", "--no-baseline")
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    # check has no --min-sources: the advice names the command that does.
    assert "rules draft --min-sources 1" in result.stderr, result.stderr


def test_a_claims_examples_are_never_the_same_sentence_twice(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "c", {"a.txt": STORY, "b.txt": STORY})
    result = invoke("rules", "draft", str(folder))
    assert result.exit_code == 0, result.output
    for claim in tomllib.loads(result.stdout)["claims"]:
        texts = [example["text"] for example in claim.get("examples", [])]
        assert len(texts) == len(set(texts)), claim


ONCE = STORY + '"We will find them," Marrow said.\n'
QUOTED = {"a.txt": ONCE + '"The sea was rough," Marrow added.\n', "b.txt": ONCE, "c.txt": ONCE}


def test_a_claims_comment_counts_articles_as_its_first_line_says(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "c", QUOTED)
    result = invoke("rules", "draft", str(folder), "--explain")
    assert result.exit_code == 0, result.output
    # "# read in 3 article(s): Ilse Marrow (3)", as --explain counts it: the articles, not the quotations.
    comments = re.findall(r"^# read in (\d+) article\(s\)[^:]*: (.*)$", result.stdout, re.M)
    assert comments
    for sources, values in comments:
        counts = [int(n) for n in re.findall(r"\((\d+)\)(?:;|$| and)", values)]
        assert all(n <= int(sources) for n in counts), (sources, values)
        assert sum(counts) <= int(sources) or "more" in values, (sources, values)


def test_explain_cites_a_value_in_each_of_its_articles_first(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "c", QUOTED)
    result = invoke("rules", "draft", str(folder), "-o", str(tmp_path / "r" / "s.toml"), "--explain")
    assert result.exit_code == 0, result.output
    block = result.stdout.split("claim marrow-quote", 1)[1].split("\nclaim ", 1)[0]
    cited = re.findall(r"^    (\S+?):\d+:\d+: ", block, re.M)
    assert len(set(cited)) == 3, block


JOINT = """ date 2024-03-15

A storm hit Valdora and Norvik on Wednesday, killing 14 people, officials said.
Rescuers in Valdora pulled 9 people from the sea.
The storm left Norvik on Thursday, officials in Norvik said.
Floods in Valdora and Norvik cut roads, Ilse Marrow said.
"""


def test_a_joint_place_is_named_as_written_and_cites_its_sentences(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "c", {f"{n}.txt": JOINT for n in "abc"})
    result = invoke("rules", "draft", str(folder), "-o", str(tmp_path / "r" / "s.toml"), "--explain")
    assert result.exit_code == 0, result.output
    entities = tomllib.loads((tmp_path / "r" / "s.toml").read_text(encoding="utf-8"))["entities"]
    (joint,) = [e for e in entities.values() if " and " in e["name"]]
    assert joint["name"] == "Valdora and Norvik"  # as every article writes it, not a name made up
    explained = re.search(r"^entity [\w-]+: Valdora and Norvik \(place\).*?(?=^entity |^claim )", result.stdout,
                          re.M | re.S)
    assert explained, result.stdout
    assert re.findall(r"^    \S+:\d+:\d+: .*Valdora and Norvik", explained[0], re.M), explained[0]


def test_the_drafting_code_names_no_one_and_nowhere_of_the_development_stories() -> None:
    """The engine knows no event: the capitalised names the development stories write (and never in small letters)
    stand nowhere in the drafting code or its vocabulary, not even in a comment."""
    stories = REPO.parent / "shared" / "data" / "news-clusters"
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in stories.glob("*/*.txt")]
    if not texts:
        pytest.skip("the development stories are not on this machine")
    small = {w for t in texts for w in re.findall(r"\b[a-z][a-z'-]+\b", t)}
    calendar = {c.casefold() for c in language.calendar_names()}
    # The drafting vocabulary's own words ("Port", "Bay"), a Python word, a class and a word any story may write.
    vocabulary = language.load("drafting")
    plain = {*vocabulary["names"]["never"], *vocabulary["kinds"]["place_first"], *vocabulary["kinds"]["place_last"],
             *vocabulary["kinds"]["organisation_words"], "true", "reading", "united"}
    named = {w for t in texts for w in re.findall(r"\b[A-Z][a-z'-]{2,}\b", t)
             if w.lower() not in small and w.casefold() not in calendar | plain}
    files = [*sorted((REPO / "factcheck" / "drafting").glob("*.py")), REPO / "factcheck" / "cli" / "draft.py",
             REPO / "factcheck" / "language" / "drafting.toml"]
    found = [(f.name, word) for f in files for word in sorted(named)
             if re.search(rf"\b{re.escape(word)}\b", f.read_text(encoding="utf-8"))]
    assert not found


# What was found fine, kept so.

def test_odd_corpora_exit_0_or_2_and_every_draft_passes_rules_check(tmp_path: Path) -> None:
    hostile = STORY + ('Ilse Marrow said "the search \\ goes on"\x01 through the night\x7f.\n'
                       "Marrow met Sean O'Neil-Kovač on Thursday\u2028 to discuss it.\n"
                       "Иван Петров said the ferry had left Port Ostrel at 6 a.m., Иван Петров said.\n"
                       "محمد علي said the ferry sank. The mayor, 王小明, said 14 people died.\n")
    cases = {
        "one": {"a.txt": STORY},
        "copies": {"a.txt": STORY, "b.txt": STORY},
        "lower": {"a.txt": STORY.lower(), "b.txt": STORY.lower()},
        "no-names": {n: " date 2024-03-15\n\na ferry sank on wednesday, killing 14 people.\n" for n in ("a", "b")},
        "hostile": {"a.txt": hostile, "b.txt": hostile.replace("6 a.m.", "7 a.m."), "c.txt": hostile},
    }
    for name, texts in cases.items():
        folder = corpus(tmp_path / name, texts)
        for extra in ((), ("--min-sources", "1")):
            rules = tmp_path / "rules" / name / "-".join(extra)
            result = invoke("rules", "draft", str(folder), *extra, "-o", str(rules / "draft.toml"))
            assert result.exit_code in (0, 2), (name, result.output)
            assert "Traceback" not in result.output
            if result.exit_code == 0:
                checked(rules)
            drafted = invoke("check", str(folder), "--draft", "--no-baseline")
            assert drafted.exit_code in (0, 1, 2) and "Traceback" not in drafted.output, (name, drafted.output)


def test_names_that_slug_to_nothing_or_alike_take_ids_of_their_own(tmp_path: Path) -> None:
    text = STORY + ("Иван Петров said the ferry was old, Иван Петров said.\n"
                    "Ольга Сидорова said the harbour was closed, Ольга Сидорова said.\n"
                    "Ivo O'Neil said it sank fast. Ivo ONeil said it sank fast.\n")
    folder = corpus(tmp_path / "c", {"a.txt": text, "b.txt": text})
    result = invoke("rules", "draft", str(folder))
    assert result.exit_code == 0, result.output
    entities = tomllib.loads(result.stdout)["entities"]
    assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", entity_id) for entity_id in entities)
    names = Counter(entity["name"] for entity in entities.values())
    assert names["Иван Петров"] == 1 and names["Ольга Сидорова"] == 1


def test_outputs_a_user_may_name(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "c", {"a.txt": STORY, "b.txt": STORY})
    deep = tmp_path / "missing" / "deeper" / "story.toml"
    assert invoke("rules", "draft", str(folder), "-o", str(deep)).exit_code == 0 and deep.is_file()
    refused = invoke("rules", "draft", str(folder), "-o", str(tmp_path))
    assert refused.exit_code == 2 and "is a directory" in refused.output
    explained = invoke("rules", "draft", str(folder), "--explain")  # the draft on standard output, the rest beside
    assert explained.exit_code == 0 and tomllib.loads(explained.stdout) and "entity " in explained.stderr


def test_a_broken_rule_file_beside_the_output_takes_no_id_and_breaks_nothing(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "c", {"a.txt": STORY, "b.txt": STORY})
    rules = tmp_path / "rules"
    (rules / "sub").mkdir(parents=True)
    (rules / "broken.toml").write_text("this is [ not toml\n", encoding="utf-8")
    (rules / "sub" / "odd.toml").write_text("claims = 3\nentities = [1]\n", encoding="utf-8")
    (rules / "bytes.toml").write_bytes(b"\xff\xfe\x00")
    result = invoke("rules", "draft", str(folder), "-o", str(rules / "story.toml"))
    assert result.exit_code == 0, result.output


def test_the_draft_is_the_same_bytes_whatever_the_hash_seed(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "c", {"a.txt": STORY, "b.txt": STORY.replace("14", "15"), "c.txt": JOINT,
                                     "d.txt": JOINT})
    outputs = set()
    for seed in ("0", "1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(REPO)}
        done = subprocess.run([sys.executable, "-m", "factcheck", "--no-config", "rules", "draft", str(folder)],
                              capture_output=True, env=env, check=True)
        outputs.add(done.stdout)
    assert len(outputs) == 1
