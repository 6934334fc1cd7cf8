"""factcheck in CI: new articles only, baselines, --fail-on, and the SARIF, GitHub, JUnit and Markdown formats."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.formatters.escape import workflow_data, workflow_property

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((Path(__file__).resolve().parent / "data" / "sarif-schema-2.1.0.json").read_text())
DISAGREES = (" date 2022-04-29 Guterres in Moscow\n\nThe UN chief met Russian President Vladimir Putin at the Kremlin "
             "on Thursday, April 28, a spokesman said.\n")
AGREES = (" date 2022-04-29 Guterres in Moscow\n\nThe UN chief met Russian President Vladimir Putin at the Kremlin "
          "on Tuesday, April 26, a spokesman said.\n")


def run(*args: str, cwd: Path | None = None):
    """The command as a user runs it, from `cwd` (a repository holding corpus/ and rules/) if given."""
    import os

    old = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        return CliRunner().invoke(main, list(args))
    finally:
        os.chdir(old)


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), "-c", "user.email=ci@example.org", "-c", "user.name=CI", *args],
                   check=True, capture_output=True)


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    """A newsroom repository holding corpus/ and rules/, everything committed."""
    repository = tmp_path / "repo"
    shutil.copytree(ROOT / "corpus", repository / "corpus")
    shutil.copytree(ROOT / "rules", repository / "rules")
    git(repository, "init", "-q")
    git(repository, "add", "-A")
    git(repository, "commit", "-qm", "published")
    return repository


def test_a_new_article_that_disagrees_is_one_error_on_its_own_line(repo: Path) -> None:
    (repo / "corpus" / "new-wire.txt").write_text(DISAGREES)
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "new article")
    result = run("check", "--changed-since", "HEAD~1", "--format", "github", cwd=repo)
    assert result.exit_code == 1, result.output
    annotations = [line for line in result.output.splitlines() if line.startswith("::")]
    errors = [line for line in annotations if line.startswith("::error")]
    assert len(errors) == 1
    assert errors[0].startswith("::error file=corpus/new-wire.txt,line=3,col=14,")
    assert "new-wire says 2022-04-28 where other sources say 2022-04-26" in errors[0]
    # The same words put the UN chief in Moscow on a day earlier plans put him in Kyiv: the same slip, named in the
    # one annotation instead of a second one on the line.
    assert len(annotations) == 1
    assert "%0AAlso: whereabouts: Where Guterres was, day by day: 2022-04-28 (new-wire) (the same slip)" in errors[0]


def test_a_new_article_that_agrees_passes(repo: Path) -> None:
    (repo / "corpus" / "agrees.txt").write_text(AGREES)
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "new article")
    result = run("check", "--changed-since", "HEAD~1", "--format", "github", cwd=repo)
    assert result.exit_code == 0, result.output
    assert result.output == ""


def test_new_paths_and_uncommitted_articles(repo: Path) -> None:
    (repo / "corpus" / "draft.txt").write_text(DISAGREES)  # not even added to git yet
    by_git = run("check", "--changed-since", "HEAD", "--format", "json", cwd=repo)
    by_path = run("check", "--new", "corpus/draft.txt", "--format", "json", cwd=repo)
    for result in (by_git, by_path):
        assert result.exit_code == 1
        report = json.loads(result.output)
        assert report["new_articles"] == ["draft"]
        assert [f["claim"] for f in report["findings"]] == ["putin-meeting-date", "whereabouts"]


def test_a_commit_that_changes_no_article_passes_and_says_so(repo: Path) -> None:
    (repo / "NOTES.md").write_text("Remember to ask the desk about the figures.\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "notes only")
    for format_ in ("terminal", "github", "sarif", "json"):
        result = run("check", "--changed-since", "HEAD~1", "--format", format_, cwd=repo)
        assert result.exit_code == 0, result.output
        assert "no article changed since HEAD~1: nothing to check" in result.output
    assert run("check", "--changed-since", "HEAD~1", "--format", "sarif", "-o", "f.sarif", cwd=repo).exit_code == 0
    # A CI step that uploads the report still finds its file.
    assert json.loads((repo / "f.sarif").read_text())["runs"][0]["results"] == []
    empty = repo / "corpus" / "drafts"
    empty.mkdir()
    assert run("check", "--new", "corpus/drafts", cwd=repo).exit_code == 0
    typo = run("check", "--new", "corpus/no-such-draft.txt", cwd=repo)
    assert typo.exit_code == 2 and "no-such-draft.txt: no such file" in typo.output


@pytest.mark.parametrize("change", ["edit", "delete"])
def test_a_change_to_the_rules_checks_the_whole_corpus_again(repo: Path, change: str) -> None:
    rule_file = sorted((repo / "rules").glob("*.toml"))[0]
    if change == "edit":
        rule_file.write_text(rule_file.read_text() + "\n# the desk's note on titles\n")
    else:
        (repo / "rules" / "extra.toml").write_text(rule_file.read_text().split("[[claims]]")[0])
        git(repo, "add", "-A")
        git(repo, "commit", "-qm", "a rule file")
        (repo / "rules" / "extra.toml").unlink()
    result = run("check", "--changed-since", "HEAD", "--format", "json", cwd=repo)
    report = json.loads(result.output)
    assert result.exit_code == 1  # the corpus's own conflicts, all of them
    assert report["new_articles"] == [] and len(report["articles"]) == len(list((repo / "corpus").glob("*.txt")))
    assert "the rules in rules changed since HEAD: the whole corpus is checked" in report["warnings"]


def test_the_pre_commit_hook_of_the_docs_end_to_end(repo: Path, tmp_path: Path) -> None:
    """docs/ci.md's pre-commit configuration, pointed at this checkout, in a scratch newsroom repository: pre-commit
    installs factcheck from it as a user's would, passes a commit of notes and blocks an article that disagrees."""
    import os

    head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True)
    if head.returncode != 0:
        pytest.skip("this factcheck is no git checkout: pre-commit clones the hook's repository")
    docs = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    snippet = docs.split("## pre-commit", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    config = re.sub(r"rev: \S+", f"rev: {head.stdout.strip()}",
                    snippet.replace("https://<your-factcheck-repository>", str(ROOT)))
    (repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "pre-commit")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}

    def pre_commit() -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "pre_commit", "run"], cwd=repo, env=env, capture_output=True,
                              text=True, timeout=600)

    (repo / "NOTES.md").write_text("Ask the desk about the figures.\n", encoding="utf-8")
    git(repo, "add", "NOTES.md")
    notes = pre_commit()
    assert notes.returncode == 0, notes.stdout + notes.stderr
    (repo / "corpus" / "new-wire.txt").write_text(DISAGREES, encoding="utf-8")
    git(repo, "add", "corpus/new-wire.txt")
    blocked = pre_commit()
    assert blocked.returncode == 1, blocked.stdout + blocked.stderr
    assert "new-wire says 2022-04-28 where other sources say 2022-04-26" in blocked.stdout


def _ci_examples() -> list[dict]:
    """The YAML examples of docs/ci.md, in order: GitHub Actions, GitLab CI, pre-commit."""
    docs = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    return [yaml.safe_load(block.split("```", 1)[0]) for block in docs.split("```yaml\n")[1:]]


def _pull_request(repo: Path, tmp_path: Path) -> Path:
    """The newsroom repository as a CI runner checks it out: `origin/main` published, a branch that adds an article
    which disagrees with it."""
    git(repo, "branch", "-M", "main")
    origin = tmp_path / "origin.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(repo), str(origin)], check=True)
    checkout = tmp_path / "checkout"
    subprocess.run(["git", "clone", "-q", str(origin), str(checkout)], check=True)
    git(checkout, "checkout", "-qb", "new-wire")
    (checkout / "corpus" / "new-wire.txt").write_text(DISAGREES, encoding="utf-8")
    git(checkout, "add", "-A")
    git(checkout, "commit", "-qm", "new article")
    return checkout


def _factcheck_commands(lines: list[str], variables: dict[str, str]) -> list[str]:
    """An example's factcheck commands (not its installs), with the CI variables as the runner sets them."""
    commands = []
    for line in lines:
        for name, value in variables.items():
            line = line.replace(name, value)
        if line.startswith(("factcheck ", "git fetch ")):
            commands.append(line)
    return commands


def _shell(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    import os

    bin_dir = str(Path(sys.executable).parent)  # the factcheck this interpreter has installed
    env = {**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", "")}
    return subprocess.run(command, shell=True, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_the_github_actions_example_of_the_docs_end_to_end(repo: Path, tmp_path: Path) -> None:
    github = _ci_examples()[0]
    checkout = _pull_request(repo, tmp_path)
    steps = github["jobs"]["factcheck"]["steps"]
    assert steps[0]["with"]["fetch-depth"] == 0  # --changed-since needs the base branch
    assert any("git+https://" in step.get("run", "") for step in steps)  # installed from the repository
    commands = _factcheck_commands([step["run"] for step in steps if "run" in step],
                                   {"${{ github.base_ref }}": "main"})
    annotate, sarif = (_shell(command, checkout) for command in commands)
    assert annotate.returncode == 1, annotate.stderr
    assert "::error file=corpus/new-wire.txt,line=3," in annotate.stdout
    assert sarif.returncode == 0, sarif.stderr  # the upload step that follows always has its file
    results = json.loads((checkout / "factcheck.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]
    assert [r["ruleId"] for r in results if r["level"] == "error"] == ["putin-meeting-date"]


def test_the_gitlab_example_of_the_docs_end_to_end(repo: Path, tmp_path: Path) -> None:
    gitlab = _ci_examples()[1]["factcheck"]
    checkout = _pull_request(repo, tmp_path)
    assert gitlab["variables"]["GIT_DEPTH"] == 0
    assert any("git+https://" in line for line in gitlab["script"])
    commands = _factcheck_commands(gitlab["script"], {"$CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main"})
    done = [_shell(command, checkout) for command in commands]
    assert [d.returncode for d in done] == [0, 1], [d.stderr for d in done]
    report = ET.parse(checkout / gitlab["artifacts"]["reports"]["junit"]).getroot()
    failed = [case.get("name") for case in report.iter("testcase") if case.find("failure") is not None]
    assert failed == ["Day Guterres met Putin"]  # the claim's title, the new article's one conflict


def test_rules_kept_outside_the_articles_repository_do_not_stop_changed_since(repo: Path, tmp_path: Path) -> None:
    outside = tmp_path / "desk-rules"
    shutil.copytree(repo / "rules", outside)
    nothing = run("check", "--changed-since", "HEAD", "--rules", str(outside), cwd=repo)
    assert nothing.exit_code == 0 and "no article changed since HEAD" in nothing.output
    (repo / "corpus" / "draft.txt").write_text(DISAGREES)
    draft = run("check", "--changed-since", "HEAD", "--rules", str(outside), "--format", "json", cwd=repo)
    assert draft.exit_code == 1 and json.loads(draft.stdout)["new_articles"] == ["draft"]


def test_what_beside_the_articles_is_no_article_and_never_fails_a_change(repo: Path) -> None:
    (repo / "corpus" / ".gitkeep").write_text("")
    (repo / "drafts").mkdir()
    (repo / "drafts" / ".gitkeep").write_text("")
    (repo / "drafts" / "README").write_text("Drafts go here.\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "placeholders")
    (repo / "NOTES.md").write_text("Notes.\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "notes")
    assert run("check", "--no-db", "--changed-since", "HEAD~1", cwd=repo).exit_code == 0
    assert run("check", "--no-db", "--new", "drafts", cwd=repo).exit_code == 0
    (repo / "drafts" / "broken.txt").write_text("No date line here.\n")
    broken = run("check", "--no-db", "--new", "drafts", cwd=repo)
    assert broken.exit_code == 2 and "drafts/broken.txt" in broken.output and ".gitkeep" not in broken.output


def test_a_rules_change_still_checks_the_named_new_articles_and_sees_moved_rule_files(repo: Path) -> None:
    rule_file = sorted((repo / "rules").glob("*.toml"))[0]
    (repo / "rules" / ".ideas").mkdir()
    (repo / "rules" / ".ideas" / "later.toml").write_text("# not read by factcheck\n")
    hidden = run("check", "--no-db", "--changed-since", "HEAD", cwd=repo)
    assert hidden.exit_code == 0 and "no article changed" in hidden.output  # a hidden folder holds no rules
    rule_file.write_text(rule_file.read_text() + "\n# edited\n")
    (repo / "drafts").mkdir()
    (repo / "drafts" / "wire.txt").write_text(DISAGREES)
    with_draft = run("check", "--no-db", "--changed-since", "HEAD", "--new", "drafts/wire.txt", "--format", "json",
                     cwd=repo)
    assert with_draft.exit_code == 1 and "wire" in {a["id"] for a in json.loads(with_draft.stdout)["articles"]}
    typo = run("check", "--no-db", "--changed-since", "HEAD", "--new", "drafts/wyre.txt", cwd=repo)
    assert typo.exit_code == 2 and "drafts/wyre.txt: no such file" in typo.output
    git(repo, "checkout", "--", "rules")
    (repo / "rules" / "spare.toml").write_text("# the desk's spare rules\n")
    git(repo, "add", "rules/spare.toml")
    git(repo, "commit", "-qm", "spare rules")
    (repo / "attic").mkdir()
    git(repo, "mv", "rules/spare.toml", "attic/")  # a rule file taken out of the rules
    moved = run("check", "--no-db", "--changed-since", "HEAD", "--format", "json", cwd=repo)
    assert any("changed since HEAD: the whole corpus is checked" in w for w in json.loads(moved.stdout)["warnings"])


def test_changed_since_outside_git_or_with_a_bad_ref_is_a_clear_error(tmp_path: Path, repo: Path) -> None:
    shutil.copytree(ROOT / "corpus", tmp_path / "plain" / "corpus")
    shutil.copytree(ROOT / "rules", tmp_path / "plain" / "rules")
    outside = run("check", "--changed-since", "HEAD", cwd=tmp_path / "plain")
    assert outside.exit_code == 2 and "--changed-since HEAD:" in outside.output
    bad_ref = run("check", "--changed-since", "no-such-ref", cwd=repo)
    assert bad_ref.exit_code == 2 and "Traceback" not in bad_ref.output


def test_sarif_is_valid_and_points_at_the_odd_one_out() -> None:
    result = run("check", str(ROOT / "corpus"), "--rules", str(ROOT / "rules"), "--format", "sarif")
    assert result.exit_code == 1
    sarif = json.loads(result.output)
    jsonschema.validate(sarif, SCHEMA)
    results = sarif["runs"][0]["results"]
    putin = next(r for r in results if r["ruleId"] == "putin-meeting-date")
    assert putin["level"] == "error"
    location = putin["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"].endswith("004_5411c03a7f8b04e4.txt")
    assert len(putin["relatedLocations"]) == 4
    assert putin["partialFingerprints"]["factcheckFinding/v1"]
    again = json.loads(run("check", str(ROOT / "corpus"), "--rules", str(ROOT / "rules"), "--format", "sarif").output)
    assert again == sarif  # stable fingerprints, deterministic output


def test_sarif_and_github_count_columns_in_utf16(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(" date 2022-04-26 Intro\n\n🌍 Guterres is to meet Putin in Moscow on Tuesday.\n")
    (tmp_path / "b.txt").write_text(" date 2022-04-26 Intro\n\nGuterres is to meet Putin in Moscow on Thursday.\n")
    sarif = json.loads(run("check", str(tmp_path), "--rules", str(ROOT / "rules"), "--format", "sarif").output)
    jsonschema.validate(sarif, SCHEMA)
    regions = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].rsplit("/", 1)[-1]:
               r["locations"][0]["physicalLocation"]["region"]
               for r in sarif["runs"][0]["results"]}
    related = [loc["physicalLocation"] for r in sarif["runs"][0]["results"] for loc in r["relatedLocations"]]
    everything = {**regions, **{p["artifactLocation"]["uri"].rsplit("/", 1)[-1]: p["region"] for p in related}}
    # "🌍 Guterres is to " is 17 characters but 18 UTF-16 code units: "meet" is at character column 18, UTF-16 19.
    assert everything["a.txt"]["startColumn"] == 19
    assert everything["b.txt"]["startColumn"] == 16


def test_github_escaping() -> None:
    assert workflow_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert workflow_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_junit_and_markdown() -> None:
    junit = run("check", str(ROOT / "corpus"), "--rules", str(ROOT / "rules"), "--format", "junit")
    suite = ET.fromstring(junit.output).find("testsuite")
    # The wrong day of the meeting also puts the UN chief in two places that day: one slip, one failure.
    assert suite is not None and suite.get("failures") == "1"
    failed = [case.get("name") for case in suite.iter("testcase") if case.find("failure") is not None]
    assert failed == ["Day Guterres met Putin"]
    (grouped,) = [case for case in suite.iter("testcase") if case.get("name", "").endswith("day by day: 2022-04-28")]
    assert "the same slip as putin-meeting-date" in (grouped.findtext("system-out") or "")
    markdown = run("check", str(ROOT / "corpus"), "--rules", str(ROOT / "rules"), "--format", "markdown").output
    assert markdown.startswith("## factcheck: 1 conflict(s)")
    assert "| ↳ the same slip | Where Guterres was, day by day: 2022-04-28 |" in markdown
    assert "| ❌ conflict | Day Guterres met Putin |" in markdown
    assert "**Thursday, April 28**" in markdown or "**meeting with Putin, which is scheduled for Thursday, April 28**" \
        in markdown


@pytest.mark.parametrize("fail_on,expected", [("conflict", 1), ("warning", 1), ("never", 0)])
def test_fail_on_with_conflicts(fail_on: str, expected: int) -> None:
    result = run("check", str(ROOT / "corpus"), "--rules", str(ROOT / "rules"), "--fail-on", fail_on)
    assert result.exit_code == expected


@pytest.mark.parametrize("fail_on,expected", [("conflict", 0), ("warning", 1), ("never", 0)])
def test_fail_on_with_warnings_only(fail_on: str, expected: int) -> None:
    only_warnings = [str(ROOT / "corpus" / name) for name in
                     ("000_d3c4dca9e3661920.txt", "002_5d6f030e8b6bd807.txt", "003_45467038f124fd6d.txt")]
    result = run("check", *only_warnings, "--rules", str(ROOT / "rules"), "--fail-on", fail_on)
    assert result.exit_code == expected, result.output


def test_a_baseline_quiets_known_findings_and_lists_gone_ones(tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    made = run("baseline", str(ROOT / "corpus"), "--rules", str(ROOT / "rules"), "-o", str(baseline))
    assert made.exit_code == 0 and baseline.exists()
    unchanged = run("check", str(ROOT / "corpus"), "--rules", str(ROOT / "rules"), "--baseline", str(baseline))
    assert unchanged.exit_code == 0, unchanged.output
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    (tmp_path / "corpus" / "004_5411c03a7f8b04e4.txt").unlink()
    (tmp_path / "corpus" / "new.txt").write_text(DISAGREES.replace("Thursday, April 28", "Wednesday, April 27"))
    changed = run("check", str(tmp_path / "corpus"), "--rules", str(ROOT / "rules"), "--baseline", str(baseline),
                  "--format", "json")
    report = json.loads(changed.stdout)
    assert changed.exit_code == 1
    assert any(f["claim"] == "putin-meeting-date" and f["status"] == "conflict" for f in report["findings"])
    assert any(entry.startswith("putin-meeting-date") for entry in report["baseline_gone"])
    broken = tmp_path / "broken.json"
    broken.write_text("{}")
    refused = run("check", str(ROOT / "corpus"), "--rules", str(ROOT / "rules"), "--baseline", str(broken))
    assert refused.exit_code == 2 and "not a factcheck baseline" in refused.output


def test_a_new_article_that_agrees_keeps_a_baselined_finding_quiet_and_one_that_repeats_the_slip_does_not(
        repo: Path) -> None:
    made = run("baseline", cwd=repo)  # written to .factcheck-baseline.json, where check looks by default
    assert made.exit_code == 0 and (repo / ".factcheck-baseline.json").exists(), made.output
    quiet = run("check", cwd=repo)
    assert quiet.exit_code == 0, quiet.output
    assert "finding(s) recorded in the baseline .factcheck-baseline.json not shown" in quiet.output
    (repo / "corpus" / "agrees.txt").write_text(AGREES)  # one more source of the majority's Tuesday
    agreeing = run("check", "--format", "json", cwd=repo)
    assert agreeing.exit_code == 0, agreeing.output
    report = json.loads(agreeing.stdout)
    assert report["baseline_hidden"] >= 2 and report["baseline_gone"] == []
    assert not [f for f in report["findings"] if f["status"] == "conflict"]
    (repo / "corpus" / "repeats.txt").write_text(DISAGREES)  # a second outlet with the recorded slip's Thursday
    repeating = run("check", "--format", "json", cwd=repo)
    assert repeating.exit_code == 1
    assert "putin-meeting-date" in {f["claim"] for f in json.loads(repeating.stdout)["findings"]
                                    if f["status"] == "conflict"}
    every = run("check", "--no-baseline", "--format", "json", cwd=repo)
    assert json.loads(every.stdout)["baseline_hidden"] == 0 and every.exit_code == 1
    both = run("check", "--no-baseline", "--baseline", ".factcheck-baseline.json", cwd=repo)
    assert both.exit_code == 2 and "contradict" in both.output


def test_named_new_articles_that_cannot_be_checked_fail_the_run(repo: Path) -> None:
    typo = run("check", "--new", "corpus/no-such-article.txt", cwd=repo)
    assert typo.exit_code == 2 and "none of the new articles was checked" in typo.output
    (repo / "corpus" / "undated.txt").write_text("Guterres met Putin on Tuesday.\n")
    undated = run("check", "--new", "corpus/undated.txt", cwd=repo)
    assert undated.exit_code == 2 and "undated.txt" in undated.output


def test_new_accepts_a_folder_of_new_articles(repo: Path) -> None:
    (repo / "incoming").mkdir()
    (repo / "incoming" / "wire.txt").write_text(DISAGREES)
    result = run("check", "corpus", "incoming", "--new", "incoming", "--format", "json", cwd=repo)
    assert result.exit_code == 1, result.output
    assert json.loads(result.output)["new_articles"] == ["wire"]


def test_a_baseline_of_nothing_is_refused(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = run("baseline", str(tmp_path / "empty"), "--rules", str(ROOT / "rules"), "-o", str(tmp_path / "b.json"))
    assert result.exit_code == 2 and not (tmp_path / "b.json").exists()


def test_control_characters_and_odd_paths_keep_junit_and_sarif_valid(tmp_path: Path) -> None:
    folder = tmp_path / "wires #1"
    folder.mkdir()
    (folder / "a b.txt").write_text(" date 2022-04-26 Intro\n\nGuterres is to meet Putin in Moscow on Tuesday.\x0b\n")
    (folder / "c.txt").write_text(" date 2022-04-26 Intro\n\nGuterres is to meet Putin in Moscow on Thursday.\x0c\n")
    junit = run("check", str(folder), "--rules", str(ROOT / "rules"), "--format", "junit")
    assert junit.exit_code == 1
    ET.fromstring(junit.output)  # well-formed XML despite the control characters
    sarif = run("check", str(folder), "--rules", str(ROOT / "rules"), "--format", "sarif")
    document = json.loads(sarif.output)
    jsonschema.validate(document, SCHEMA)
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"] for r in document["runs"][0]["results"]
            for loc in r["locations"] + r.get("relatedLocations", [])}
    assert all(" " not in uri and "#" not in uri.split("file://", 1)[-1] for uri in uris)
    assert any(uri.endswith("a%20b.txt") for uri in uris)


def test_markdown_quotes_article_text_without_letting_it_act(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(" date 2022-04-26 Intro\n\nGuterres is to meet Putin | *urgent* on Tuesday "
                                    "<img src=x> [link](http://x).\n")
    (tmp_path / "b.txt").write_text(" date 2022-04-26 Intro\n\nGuterres is to meet Putin in Moscow on Thursday.\n")
    markdown = run("check", str(tmp_path), "--rules", str(ROOT / "rules"), "--format", "markdown").output
    quote = next(line for line in markdown.splitlines() if line.startswith("> ") and "urgent" in line)
    assert r"\| \*urgent\*" in quote and r"\<img src=x>" in quote and r"\[link\](http://x)" in quote
    assert "<img" not in markdown.replace(r"\<img", "")


def test_sarif_relative_paths_name_their_base(repo: Path) -> None:
    sarif = json.loads(run("check", "--format", "sarif", cwd=repo).output)
    jsonschema.validate(sarif, SCHEMA)
    run_ = sarif["runs"][0]
    assert "SRCROOT" in run_["originalUriBaseIds"]
    location = run_["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "corpus/004_5411c03a7f8b04e4.txt", "uriBaseId": "SRCROOT"}


@pytest.mark.parametrize("output_format", ["terminal", "json", "html", "sarif", "github", "junit", "markdown"])
def test_every_format_carries_the_notes_on_how_an_article_was_read(tmp_path: Path, output_format: str) -> None:
    (tmp_path / "latin.txt").write_bytes(" date 2022-04-26 Intro\n\nGuterres will meet Putin on Tuesday at the "
                                         "café.\n".encode("cp1252"))
    result = run("check", str(tmp_path), "--rules", str(ROOT / "rules"), "--format", output_format)
    assert result.exit_code == 0, result.output
    assert "read as Windows-1252" in result.output
