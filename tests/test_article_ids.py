"""Article ids are paths relative to the corpus folder: page bundles never collide, ids stay stable between runs,
for the store, and for baselines written when ids were file names."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.inputs.ids import ArticleIds, short_names, shortened

ROOT = Path(__file__).resolve().parent.parent
DISAGREES = (" date 2022-04-29 Guterres in Moscow\n\nThe UN chief met Russian President Vladimir Putin at the Kremlin "
             "on Thursday, April 28, a spokesman said.\n")


def run(*args: str, cwd: Path):
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, list(args))
    finally:
        os.chdir(old)


@pytest.fixture()
def bundles(tmp_path: Path) -> Path:
    """A site whose pages are all `index.md`, one folder each (Hugo and Jekyll page bundles), with rules/."""
    site = tmp_path / "site"
    for source in sorted((ROOT / "corpus").glob("*.txt")):
        page = site / "content" / "news" / source.stem / "index.md"
        page.parent.mkdir(parents=True)
        shutil.copy(source, page)
    slip = site / "content" / "news" / "moscow-wire" / "index.md"
    slip.parent.mkdir()
    slip.write_text(DISAGREES)
    shutil.copytree(ROOT / "rules", site / "rules")
    return site


def test_page_bundles_are_all_read_and_their_conflict_found(bundles: Path) -> None:
    result = run("check", "content", "--format", "json", cwd=bundles)
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    assert report["skipped"] == []
    ids = [a["id"] for a in report["articles"]]
    assert len(ids) == 6 and all(i.startswith("news/") and i.endswith("/index") for i in ids)
    (meeting,) = [f for f in report["findings"] if f["claim"] == "putin-meeting-date"]
    assert meeting["status"] == "conflict"
    # Said short where that is unambiguous: every id starts news/, and only one ends moscow-wire/index.
    assert "moscow-wire/index" in meeting["message"] and "news/moscow-wire/index" not in meeting["message"]
    assert "news/moscow-wire/index" in {s["article"] for s in meeting["statements"]}  # the records keep them whole
    shown = run("check", "content", cwd=bundles).stdout
    assert "\n  moscow-wire/index  content/news/moscow-wire/index.md:3:" in shown


def test_ids_are_relative_to_the_folder_named_and_stable_when_another_is_added(bundles: Path) -> None:
    alone = json.loads(run("check", "content/news", "--format", "json", cwd=bundles).stdout)
    drafts = bundles / "drafts"
    drafts.mkdir()
    (drafts / "index.md").write_text(DISAGREES.replace("Thursday, April 28", "Tuesday, April 26"))
    both = json.loads(run("check", "content/news", "drafts", "--format", "json", cwd=bundles).stdout)
    assert {a["id"] for a in alone["articles"]} <= {a["id"] for a in both["articles"]}
    assert "moscow-wire/index" in {a["id"] for a in alone["articles"]}
    assert "index" in {a["id"] for a in both["articles"]}  # the file directly in drafts/


def test_a_stored_article_takes_the_id_this_run_gives_its_path(bundles: Path) -> None:
    assert run("index", "content", cwd=bundles).exit_code == 0
    stored = json.loads(run("check", "content/news", "--format", "json", cwd=bundles).stdout)
    fresh = json.loads(run("check", "content/news", "--no-db", "--format", "json", cwd=bundles).stdout)
    assert [a["id"] for a in stored["articles"]] == [a["id"] for a in fresh["articles"]]
    assert stored["findings"] == fresh["findings"]


def test_a_baseline_that_named_articles_by_file_name_still_hides_their_findings(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    for source in sorted((ROOT / "corpus").glob("*.txt")):
        (corpus / "wires" / source.name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, corpus / "wires" / source.name)
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    assert run("baseline", "-o", "today.json", cwd=tmp_path).exit_code == 0
    today = json.loads((tmp_path / "today.json").read_text())
    assert today["findings"]
    # As 0.2.0 wrote it: articles by their file's name, and no "ids" key to say they are paths.
    del today["ids"]
    for number, entry in enumerate(today["findings"]):
        entry["articles"] = [a.rsplit("/", 1)[-1] for a in entry["articles"]]
        entry["odd_ones_out"] = [[a.rsplit("/", 1)[-1], v] for a, v in entry["odd_ones_out"]]
        entry["fingerprint"] = f"{number:024d}"  # and fingerprints of other ids
    (tmp_path / ".factcheck-baseline.json").write_text(json.dumps(today))
    result = run("check", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert f"{len(today['findings'])} finding(s) recorded in the baseline" in result.output


@pytest.mark.parametrize(("inputs", "path", "expected"), [
    (["corpus"], "corpus/story/index.md", "story/index"),
    (["corpus"], "corpus/001_abc.txt", "001_abc"),
    (["corpus/001_abc.txt"], "corpus/001_abc.txt", "001_abc"),
    (["."], "corpus/a.txt", "corpus/a"),
    (["corpus", "corpus/new"], "corpus/new/a.md", "new/a"),  # the outer folder names it
    (["corpus", "drafts/x.md"], "drafts/x.md", "x"),
    (["corpus"], "elsewhere/x.md", "x"),  # not under any root: its name
    (["corpus"], "corpus/report.v2.md", "report.v2"),
])
def test_an_id_is_the_path_from_the_outermost_folder_that_holds_it(tmp_path: Path, inputs: list[str], path: str,
                                                                   expected: str) -> None:
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        (tmp_path / "corpus" / "new").mkdir(parents=True)
        ids = ArticleIds.of([Path(p) for p in inputs])
        assert ids.id_of(path) == expected
        assert ids.id_of(str(tmp_path / path)) == expected  # written absolute: the same id
    finally:
        os.chdir(old)


def test_a_baseline_hides_its_own_articles_slip_not_the_same_slip_in_another_page_bundle(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    corpus = tmp_path / "corpus"
    for source in sorted((ROOT / "corpus").glob("*.txt")):
        if not source.name.startswith("004"):
            (corpus / source.stem).mkdir(parents=True)
            shutil.copy(source, corpus / source.stem / "index.md")
    (corpus / "index.md").write_text(DISAGREES)
    assert run("baseline", cwd=tmp_path).exit_code == 0
    assert run("check", cwd=tmp_path).exit_code == 0  # the recorded slip stays quiet
    (corpus / "b").mkdir()
    (corpus / "b" / "index.md").write_text(DISAGREES.replace("a spokesman said", "officials said"))
    again = run("check", cwd=tmp_path)
    assert again.exit_code == 1, again.output  # a second bundle with the same wrong day is a new finding
    # Nor does a baseline of 0.2.0, which named both `index`, hide two articles by one entry.
    old = json.loads((tmp_path / ".factcheck-baseline.json").read_text())
    del old["ids"]
    (tmp_path / ".factcheck-baseline.json").write_text(json.dumps(old))
    assert run("check", cwd=tmp_path).exit_code == 1


def test_two_files_never_collide_whichever_way_they_are_named(bundles: Path) -> None:
    news = "content/news"
    folders = run("check", f"{news}/moscow-wire", f"{news}/001_15ab6fc81d7eb95e", "--format", "json", cwd=bundles)
    files = run("check", f"{news}/moscow-wire/index.md", f"{news}/001_15ab6fc81d7eb95e/index.md", "--format",
                "json", cwd=bundles)
    for result in (folders, files):
        report = json.loads(result.stdout)
        assert report["skipped"] == []  # both read, and their disagreement found
        assert [f["status"] for f in report["findings"] if f["claim"] == "putin-meeting-date"] != ["consistent"]
        assert sorted(a["id"] for a in report["articles"]) == ["001_15ab6fc81d7eb95e/index", "index"]
        assert any("would both be article 'index'" in note for note in report["warnings"])


def test_no_id_climbs_out_of_its_folder(bundles: Path) -> None:
    climbing = "content/news/001_15ab6fc81d7eb95e/../moscow-wire"
    report = json.loads(run("check", climbing, "--format", "json", cwd=bundles).stdout)
    assert [a["id"] for a in report["articles"]] == ["index"]


@pytest.mark.parametrize(("ids", "short"), [
    (["news/a/story", "news/b/index", "news/c/index"], {"news/a/story": "story", "news/b/index": "b/index",
                                                       "news/c/index": "c/index"}),
    (["a/index", "index"], {}),  # `index` is taken by another id: a/index stays whole
    (["001_abc", "002_def"], {}),  # flat ids are short already
])
def test_an_id_is_shown_by_its_shortest_unambiguous_ending(ids: list[str], short: dict[str, str]) -> None:
    assert short_names(ids) == short


def test_a_message_names_an_id_short_even_at_the_end_of_its_sentence() -> None:
    short = short_names(["news/2022/x/story", "news/2022/y/index", "news/2023/y/index"])
    said = shortened("Says 5 (news/2022/x/story). Says 6: news/2022/y/index.", short)
    assert said == "Says 5 (story). Says 6: 2022/y/index."
