"""The settings file: factcheck.toml or pyproject.toml's [tool.factcheck], found upwards from the current folder,
its paths relative to its own folder, overridden by the options given, and its mistakes told without a traceback."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.config import ConfigError, find_config, read_config

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A newsroom's project: the seed corpus and rules under their own names, and a subfolder to run from."""
    shutil.copytree(ROOT / "corpus", tmp_path / "articles")
    shutil.copytree(ROOT / "rules", tmp_path / "story-rules")
    (tmp_path / "drafts" / "today").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "drafts" / "today")
    return tmp_path


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


def test_check_run_from_a_subfolder_takes_the_corpus_rules_and_format_of_the_pyproject_table(project: Path) -> None:
    (project / "pyproject.toml").write_text('[project]\nname = "desk"\n\n[tool.factcheck]\ncorpus = "articles"\n'
                                            'rules = "story-rules"\nformat = "json"\n', encoding="utf-8")
    result = invoke("check")
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    assert len(report["articles"]) == 5
    assert all(Path(a["path"]).resolve().parent == project / "articles" for a in report["articles"])


def test_the_options_given_override_the_file(project: Path) -> None:
    (project / "factcheck.toml").write_text('corpus = ["articles"]\nrules = "story-rules"\nformat = "json"\n'
                                            'fail-on = "never"\n', encoding="utf-8")
    assert invoke("check").exit_code == 0  # fail-on = "never" from the file
    markdown = invoke("check", "--format", "markdown", "--fail-on", "conflict")
    assert markdown.exit_code == 1 and markdown.stdout.startswith("## factcheck:")
    one = project / "one"
    one.mkdir()
    shutil.copy(project / "articles" / "001_15ab6fc81d7eb95e.txt", one)
    named = json.loads(invoke("check", str(one)).stdout)
    assert [a["id"] for a in named["articles"]] == ["001_15ab6fc81d7eb95e"]


def test_the_nearest_folder_with_settings_wins_and_a_pyproject_without_the_table_does_not_count(
        project: Path) -> None:
    (project / "factcheck.toml").write_text('corpus = "articles"\nrules = "story-rules"\nformat = "json"\n',
                                            encoding="utf-8")
    (project / "drafts" / "pyproject.toml").write_text('[project]\nname = "drafts"\n', encoding="utf-8")
    assert find_config(Path.cwd()) == (project / "factcheck.toml", ())
    assert invoke("check").exit_code == 1
    (project / "drafts" / "factcheck.toml").write_text('format = "markdown"\n', encoding="utf-8")
    assert find_config(Path.cwd()) == (project / "drafts" / "factcheck.toml", ())
    # The nearer file holds alone: its folder has no rules folder, so nothing is merged from the one above.
    assert invoke("check").exit_code == 2


def test_factcheck_toml_wins_over_the_pyproject_table_beside_it_and_says_so(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.factcheck]\nformat = "markdown"\n', encoding="utf-8")
    (project / "factcheck.toml").write_text('corpus = "articles"\nrules = "story-rules"\nformat = "json"\n',
                                            encoding="utf-8")
    result = invoke("check")
    json.loads(result.stdout)
    assert f"{project / 'factcheck.toml'} is used; the [tool.factcheck] table of {project / 'pyproject.toml'}" \
           in result.stderr


def test_a_relative_path_is_relative_to_the_file_and_an_absolute_one_stays(project: Path) -> None:
    (project / "factcheck.toml").write_text(f'corpus = ["articles", "{project / "elsewhere"}"]\n'
                                            'rules = "story-rules"\n', encoding="utf-8")
    config = read_config(project / "factcheck.toml")
    assert [p.resolve() for p in config.settings["corpus"]] == [project / "articles", project / "elsewhere"]
    assert config.settings["rules"].resolve() == project / "story-rules"


@pytest.mark.parametrize(("text", "message"), [
    ('colour = "always"\n', "factcheck.toml: unknown key 'colour'; the keys are corpus, rules, format"),
    ("corpus = 3\n", "factcheck.toml: 'corpus' must be a path or a list of paths (strings), not 3"),
    ('corpus = ["articles", 4]\n', "factcheck.toml: 'corpus' must be a path or a list of paths"),
    ('rules = ["a", "b"]\n', "factcheck.toml: 'rules' must be a path (a string), not ['a', 'b']"),
    ('format = "xml"\n', "factcheck.toml: 'format': 'xml' is not one of"),
    ('fail-on = "warnings"\n', "factcheck.toml: 'fail-on': 'warnings' is not one of 'conflict', 'warning', 'never'"),
    ("format = json\n", "factcheck.toml: not valid TOML"),
])
def test_a_wrong_key_or_type_exits_2_naming_the_file_and_the_key(project: Path, text: str, message: str) -> None:
    (project / "factcheck.toml").write_text(text, encoding="utf-8")
    for command in (["check"], ["index"], ["rules", "check"]):
        result = invoke(*command)
        assert result.exit_code == 2, result.output
        assert message in result.stderr and "Traceback" not in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_wrong_key_in_the_pyproject_table_names_the_table(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.factcheck]\ndatabase = "x.db"\n', encoding="utf-8")
    result = invoke("check")
    assert result.exit_code == 2
    assert f"{project / 'pyproject.toml'} [tool.factcheck]: unknown key 'database'" in result.stderr
    with pytest.raises(ConfigError, match="unknown key 'database'"):
        read_config(project / "pyproject.toml")


def test_no_config_bypasses_the_file_and_config_names_one(project: Path) -> None:
    (project / "factcheck.toml").write_text('colour = "always"\n', encoding="utf-8")
    bypassed = invoke("--no-config", "check")
    assert bypassed.exit_code == 2 and "no such rules directory" in bypassed.output  # the defaults: ./rules
    (project / "ci.toml").write_text('corpus = "articles"\nrules = "story-rules"\nformat = "json"\n',
                                     encoding="utf-8")
    named = invoke("--config", str(project / "ci.toml"), "check")
    assert named.exit_code == 1 and json.loads(named.stdout)["schema"] == "factcheck.report/1"
    both = invoke("--config", str(project / "ci.toml"), "--no-config", "check")
    assert both.exit_code == 2 and "--config and --no-config contradict each other" in both.stderr


def test_index_rules_commands_and_explain_take_the_settings(project: Path) -> None:
    (project / "factcheck.toml").write_text('corpus = "articles"\nrules = "story-rules"\ndb = "store/index.db"\n',
                                            encoding="utf-8")
    indexed = invoke("index")
    assert indexed.exit_code == 0, indexed.output
    assert (project / "store" / "index.db").is_file() and "holds 5 article(s)" in indexed.stderr
    assert "valid" in invoke("rules", "check").output
    assert invoke("rules", "test").exit_code == 0
    explained = invoke("explain", str(project / "articles" / "001_15ab6fc81d7eb95e.txt"))
    assert explained.exit_code == 0, explained.output
    warm = invoke("check", "--format", "json")  # the store the file names: nothing read again, same report
    assert warm.exit_code == 1 and len(json.loads(warm.stdout)["articles"]) == 5
    assert invoke("check", "--no-db", "--format", "json").exit_code == 1  # --no-db overrides the file's store


def test_the_settings_baseline_is_written_by_baseline_and_read_by_check_where_it_exists(project: Path) -> None:
    (project / "factcheck.toml").write_text('corpus = "articles"\nrules = "story-rules"\n'
                                            'baseline = "ci/known.json"\n', encoding="utf-8")
    before = invoke("check")
    assert before.exit_code == 1 and "recorded in the baseline" not in before.stderr  # none written yet
    (project / "ci").mkdir()
    assert invoke("baseline").exit_code == 0 and (project / "ci" / "known.json").is_file()
    after = invoke("check")
    assert after.exit_code == 0, after.output
    assert "recorded in the baseline" in after.stderr and "known.json" in after.stderr
    assert invoke("check", "--no-baseline").exit_code == 1  # --no-baseline overrides the file


def test_the_default_baseline_belongs_to_the_project_not_the_folder_run_from(project: Path) -> None:
    (project / "factcheck.toml").write_text('corpus = "articles"\nrules = "story-rules"\n', encoding="utf-8")
    assert invoke("baseline").exit_code == 0
    assert (project / ".factcheck-baseline.json").is_file() and not Path(".factcheck-baseline.json").exists()
    quiet = invoke("check")
    assert quiet.exit_code == 0, quiet.output  # the project's baseline, found from the subfolder
    assert "recorded in the baseline" in quiet.output


def test_a_store_written_from_another_folder_is_not_read_as_if_written_from_here(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "factcheck.toml").write_text('corpus = "articles"\nrules = "story-rules"\ndb = "shared.db"\n',
                                            encoding="utf-8")
    here = Path.cwd()
    monkeypatch.chdir(project)
    assert invoke("index").exit_code == 0  # from the root: its paths are relative to the root
    monkeypatch.chdir(here)
    draft = project / "drafts" / "today" / "wire.txt"
    draft.write_text(" date 2022-04-29 The UN chief met Russian President Vladimir Putin at the Kremlin on Thursday, "
                     "April 28, a spokesman said.\n")
    result = invoke("check", "--new", "wire.txt", "--no-baseline")
    assert result.exit_code == 1, result.output  # checked against the corpus, read again from here
    assert "names its files from" in result.stderr and "checking without it" in result.stderr
    refused = invoke("index")
    assert refused.exit_code == 2 and "run `factcheck index` from there" in refused.output
