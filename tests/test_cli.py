"""The command line, as a user runs it: exit codes, outputs, bad input, documentation."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def run(runner: CliRunner, *args: str):
    return runner.invoke(main, list(args), catch_exceptions=False)


def test_check_reports_conflicts_with_exit_status_1(runner: CliRunner) -> None:
    result = run(runner, "check", str(ROOT / "corpus"), "--rules", str(ROOT / "rules"))
    assert result.exit_code == 1
    assert result.output.index("CONFLICT") < result.output.index("WARNING") < result.output.index("CONSISTENT")
    assert "putin-meeting-date" in result.output


def test_check_without_conflict_exits_0(runner: CliRunner, tmp_path: Path) -> None:
    for name in ("001_15ab6fc81d7eb95e.txt", "003_45467038f124fd6d.txt"):
        shutil.copy(ROOT / "corpus" / name, tmp_path / name)
    result = run(runner, "check", str(tmp_path), "--rules", str(ROOT / "rules"))
    assert result.exit_code == 0, result.output


def test_json_report_follows_the_contract(runner: CliRunner, tmp_path: Path) -> None:
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    (tmp_path / "corpus" / "broken.txt").write_bytes(b"\x00\x01binary")
    result = run(runner, "check", str(tmp_path / "corpus"), "--rules", str(ROOT / "rules"), "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["schema"] == "factcheck.report/1"
    assert {a["id"] for a in report["articles"]} >= {"000_d3c4dca9e3661920", "004_5411c03a7f8b04e4"}
    assert report["skipped"] == [{"path": str(tmp_path / "corpus" / "broken.txt"),
                                  "reason": "binary file (contains NUL bytes), not an article"}]
    statuses = [f["status"] for f in report["findings"]]
    assert statuses == sorted(statuses, key=["conflict", "warning", "consistent"].index)
    for finding in report["findings"]:
        assert set(finding) >= {"claim", "title", "kind", "status", "message", "statements"}
        for item in finding["statements"]:
            assert set(item) >= {"article", "path", "line", "column", "quote", "text", "value", "explanation"}
            content = Path(item["path"]).read_text(encoding="utf-8")
            line = content.splitlines()[item["line"] - 1]
            assert line[item["column"] - 1:].startswith(item["text"])
    toll = next(f for f in report["findings"] if f["claim"] == "civilian-death-toll")
    assert all({"low", "high", "as_of"} <= set(s) for s in toll["statements"])
    putin = next(f for f in report["findings"] if f["claim"] == "putin-meeting-date")
    bound = next(s for s in putin["statements"] if s["article"].startswith("000"))
    assert (bound["value"], bound["earliest"], bound["latest"]) == ("<2022-04-27", None, "2022-04-27")


def test_json_output_is_deterministic(runner: CliRunner) -> None:
    args = ("check", str(ROOT / "corpus"), "--rules", str(ROOT / "rules"), "--format", "json")
    assert run(runner, *args).output == run(runner, *args).output


def test_output_file(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = run(runner, "check", str(ROOT / "corpus"), "--rules", str(ROOT / "rules"), "--format", "json",
                 "-o", str(out))
    assert result.exit_code == 1 and result.output == ""
    assert json.loads(out.read_text())["schema"] == "factcheck.report/1"


def test_a_report_that_fails_half_way_leaves_the_last_one_whole(runner: CliRunner, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "report.json"
    out.write_text("the last report\n")

    def disk_full(report, options, stream) -> None:
        stream.write("{")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("factcheck.formatters.json_report.write", disk_full)
    result = run(runner, "check", str(ROOT / "corpus"), "--rules", str(ROOT / "rules"), "--format", "json",
                 "-o", str(out))
    assert result.exit_code == 2 and "cannot write" in result.output and "No space left" in result.output
    assert out.read_text() == "the last report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # nothing half-written left beside it


def test_invalid_rules_exit_2_with_located_errors(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "bad.toml").write_text('[[claims]]\nid = "x"\nkind = "dat"\n\n[[claims]]\nid = "y"\nkind = "date"\n'
                                       'who = "nobody"\nevent = "meeting"\nwhn = 3\n')
    result = runner.invoke(main, ["check", str(ROOT / "corpus"), "--rules", str(tmp_path)])
    assert result.exit_code == 2
    assert f"{tmp_path / 'bad.toml'}:3:1: claim 'x': unknown kind 'dat' (did you mean 'date'?)" in result.output
    assert f"{tmp_path / 'bad.toml'}:8:1: claim 'y': 'who': no entity 'nobody' is defined" in result.output
    assert "unknown key 'whn' for kind date" in result.output
    assert "Traceback" not in result.output


def test_toml_syntax_error_is_located(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "broken.toml").write_text('[[claims]]\nid = "x\n')
    result = runner.invoke(main, ["check", str(ROOT / "corpus"), "--rules", str(tmp_path)])
    assert result.exit_code == 2
    assert f"{tmp_path / 'broken.toml'}:2:" in result.output and "TOML syntax" in result.output


def test_no_usable_article_exits_2_and_lists_the_inputs(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    result = runner.invoke(main, ["check", str(tmp_path), "--rules", str(ROOT / "rules")])
    assert result.exit_code == 2
    assert "empty.txt: empty file" in result.output
    assert "Traceback" not in result.output


def test_missing_rules_folder_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["check", str(ROOT / "corpus"), "--rules", str(tmp_path / "none")])
    assert result.exit_code == 2 and "no such rules directory" in result.output


def test_published_option_rescues_undated_articles(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "plain.txt").write_text("The envoy met the minister on Tuesday.")
    result = runner.invoke(main, ["check", str(tmp_path), "--rules", str(ROOT / "rules"), "--published", "2022-04-26",
                                  "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.output)["articles"][0]["published"] == "2022-04-26"


def test_an_article_on_standard_input_is_checked_as_a_new_one_as_its_file_would_be(runner: CliRunner,
                                                                                    tmp_path: Path) -> None:
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    draft = tmp_path / "004_5411c03a7f8b04e4.txt"  # the article whose Putin meeting is two days late
    (tmp_path / "corpus" / draft.name).rename(draft)
    args = ["check", str(tmp_path / "corpus"), "--rules", str(ROOT / "rules"), "--format", "json"]
    from_file = runner.invoke(main, [*args, "--new", str(draft)])
    piped = runner.invoke(main, [*args, "--new", "-"], input=draft.read_bytes())
    assert piped.exit_code == from_file.exit_code == 1, piped.output
    report, expected = json.loads(piped.stdout), json.loads(from_file.stdout)
    assert report["new_articles"] == ["-"]
    assert [(f["claim"], f["status"]) for f in report["findings"]] == \
           [(f["claim"], f["status"]) for f in expected["findings"]]
    new_paths = {s["path"] for f in report["findings"] for s in f["statements"]} - \
        {str(p) for p in (tmp_path / "corpus").iterdir()}
    assert new_paths == {"-"}


def test_standard_input_as_a_corpus_input_takes_its_date_from_published_or_its_header(runner: CliRunner,
                                                                                     tmp_path: Path) -> None:
    args = ["check", "-", "--rules", str(ROOT / "rules"), "--format", "json", "--no-db"]
    undated = runner.invoke(main, args, input="The envoy of Valdora met the minister on Tuesday.\n")
    assert undated.exit_code == 2 and "-: no publication date" in undated.stderr
    dated = runner.invoke(main, [*args, "--published", "2024-05-02"],
                          input="The envoy of Valdora met the minister on Tuesday.\n")
    assert dated.exit_code == 0, dated.output
    assert json.loads(dated.stdout)["articles"] == [{"id": "-", "path": "-", "published": "2024-05-02", "title": None,
                                                     "source": None, "url": None}]
    own = runner.invoke(main, args, input=" date 2024-05-03 The envoy of Valdora met the minister.\n")
    assert json.loads(own.stdout)["articles"][0]["published"] == "2024-05-03"


def test_an_article_on_standard_input_is_not_kept_in_the_store(runner: CliRunner, tmp_path: Path) -> None:
    from factcheck.store.database import Store

    db = tmp_path / "index.db"
    result = runner.invoke(main, ["check", str(ROOT / "corpus"), "-", "--rules", str(ROOT / "rules"), "--db",
                                  str(db), "--format", "json"],
                           input=" date 2024-05-03 The envoy of Valdora met the minister.\n")
    assert result.exit_code == 1 and "-" in {a["path"] for a in json.loads(result.stdout)["articles"]}
    with Store(db) as store:
        assert len(store.articles()) == 5 and all(a.path != "-" for a in store.articles())


def test_explain_reads_an_article_on_standard_input(runner: CliRunner) -> None:
    text = (ROOT / "corpus" / "000_d3c4dca9e3661920.txt").read_bytes()
    piped = runner.invoke(main, ["explain", "-", "--rules", str(ROOT / "rules")], input=text)
    from_file = runner.invoke(main, ["explain", str(ROOT / "corpus" / "000_d3c4dca9e3661920.txt"), "--rules",
                                     str(ROOT / "rules")])
    assert piped.exit_code == 0 and piped.stdout.startswith("-: ")
    assert piped.stdout.split("\n", 1)[1] == from_file.stdout.split("\n", 1)[1]
    undated = runner.invoke(main, ["explain", "-", "--rules", str(ROOT / "rules")], input="No date here.\n")
    assert undated.exit_code == 2 and "-: no publication date" in undated.stderr


@pytest.mark.parametrize("command", ["index", "review"])
def test_commands_that_cannot_take_standard_input_say_so(runner: CliRunner, command: str) -> None:
    result = runner.invoke(main, [command, "-", "--rules", str(ROOT / "rules")], input="x\n")
    assert result.exit_code == 2 and "'-' (an article on standard input) cannot be read here" in result.stderr


def _commands(group, prefix: str = "factcheck"):
    """Every command of the CLI with its full name, subcommands of groups included."""
    import click

    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            yield from _commands(command, f"{prefix} {name}")
        else:
            yield f"{prefix} {name}", command


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text()
    for name, command in [("factcheck", main), *_commands(main)]:  # the group's own options too (--config)
        assert name in readme, f"`{name}` is not documented in README.md"
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--") and opt != "--help":
                    assert opt in readme, f"option {opt} of `{name}` is not documented in README.md"


def test_every_rule_key_and_kind_is_documented() -> None:
    from factcheck.kinds import registry
    from factcheck.rules.load import CLAIM_KEYS, ENTITY_KEYS

    doc = (ROOT / "docs" / "rules.md").read_text()
    for name, kind in registry().items():
        assert f'kind = "{name}"' in doc, f"kind {name} is not documented in docs/rules.md"
        for key in kind.keys:
            assert f"| `{key}` |" in doc, f"key {key} of kind {name} is not documented in docs/rules.md"
    for key in (*CLAIM_KEYS, *ENTITY_KEYS):
        assert f"| `{key}` |" in doc, f"key {key} is not documented in docs/rules.md"


def test_terminal_colour_output_highlights_the_matched_words() -> None:
    from factcheck.engine import check
    from factcheck.formatters import Options, terminal, to_text
    from factcheck.rules.load import load_rules

    report = check([ROOT / "corpus"], load_rules(ROOT / "rules"))
    coloured = to_text(terminal.write, report, Options(color=True, width=120))
    plain = to_text(terminal.write, report, Options(color=False, width=120))
    assert "\x1b[" in coloured and "\x1b[" not in plain
    assert "\x1b[1;4;33mlate Wednesday\x1b[0m" in coloured


def test_every_event_kind_is_documented() -> None:
    from factcheck.readers import events

    doc = (ROOT / "docs" / "rules.md").read_text()
    for name in events.event_names():
        assert f"| `{name}` |" in doc, f"event kind {name} is not documented in docs/rules.md"


def test_the_terminal_report_closes_with_its_summary_and_shows_what_is_asked() -> None:
    args = ["check", str(ROOT / "corpus"), "--rules", str(ROOT / "rules")]
    full = CliRunner().invoke(main, args)
    blocks = full.stdout.strip().split("\n\n")
    assert blocks[0].startswith("factcheck: 5 article(s) read") and blocks[0] == blocks[-1]  # at the top and the end
    quiet = CliRunner().invoke(main, [*args, "--quiet"])
    assert quiet.exit_code == 1
    assert "CONFLICT  putin-meeting-date" in quiet.stdout and "WARNING" not in quiet.stdout
    assert "CONSISTENT" not in quiet.stdout and quiet.stdout.splitlines()[0].startswith("CONFLICT")
    assert " ".join(quiet.stdout.split()).endswith("not shown: warning, consistent")
    with_warnings = CliRunner().invoke(main, [*args, "-q", "--fail-on", "warning"])
    assert "WARNING  names" in with_warnings.stdout
    warnings_only = CliRunner().invoke(main, [*args, "--show", "warning"])
    assert "CONFLICT" not in warnings_only.stdout and "WARNING  names" in warnings_only.stdout
    assert warnings_only.exit_code == 1  # what is shown never changes what fails the run
    unknown = CliRunner().invoke(main, [*args, "--show", "conflicts"])
    assert unknown.exit_code == 2 and "unknown status(es) conflicts" in unknown.output


def _review(runner: CliRunner, tmp_path: Path, answers: str):
    return runner.invoke(main, ["review", str(ROOT / "corpus"), "--rules", str(ROOT / "rules"), "--reviews",
                                str(tmp_path / "reviews.toml"), "--reviewer", "Ada Editor"], input=answers)


def _verdicts(tmp_path: Path) -> list[str]:
    import tomllib

    ledger = tomllib.loads((tmp_path / "reviews.toml").read_text(encoding="utf-8"))
    return [entry["verdict"] for entry in ledger["decision"]]


def test_review_takes_single_keys_and_words_one_a_line_from_a_pipe(runner: CliRunner, tmp_path: Path) -> None:
    result = _review(runner, tmp_path, "a\nboth right then\nwhat\nFalse alarm\nmisread\n\nc\nsent back\nq\n")
    assert result.exit_code == 0, result.output
    assert "Decision [c]onfirm [a]ccept [f]alse alarm [s]kip [q]uit ?" in result.output
    assert "Not an answer: 'what'; one of c, a, f, s, q." in result.output
    # the second finding was asked again after 'what', Enter skipped the third, q quit at the fifth
    assert sorted(_verdicts(tmp_path)) == ["accepted", "confirmed", "false alarm"]
    assert result.output.count("Finding ") == 5


def test_review_ends_cleanly_when_the_answers_run_out(runner: CliRunner, tmp_path: Path) -> None:
    result = _review(runner, tmp_path, "s\n")
    assert result.exit_code == 0, result.output
    assert result.output.count("Finding ") == 2 and not (tmp_path / "reviews.toml").exists()
    decided = _review(runner, tmp_path, "s\nc")  # a decision, and no note after it
    assert decided.exit_code == 0, decided.output
    assert _verdicts(tmp_path) == ["confirmed"]
    nameless = runner.invoke(main, ["review", str(ROOT / "corpus"), "--rules", str(ROOT / "rules"), "--reviews",
                                    str(tmp_path / "other.toml")], input="")
    assert nameless.exit_code == 2 and "no reviewer name: give one with --reviewer NAME" in nameless.stderr
    # Answers piped without --reviewer: refused, rather than the first answer taken for a name.
    shifted = runner.invoke(main, ["review", str(ROOT / "corpus"), "--rules", str(ROOT / "rules"), "--reviews",
                                   str(tmp_path / "other.toml")], input="a\nboth right then\nc\n\n")
    assert shifted.exit_code == 2 and "--reviewer" in shifted.stderr and not (tmp_path / "other.toml").exists()


def test_review_reads_one_key_on_a_terminal(runner: CliRunner, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.cli import review

    keys = iter(["x", "f", "\r", "q"])
    monkeypatch.setattr(review, "stdin_is_a_terminal", lambda: True)
    monkeypatch.setattr(review.click, "getchar", lambda: next(keys))
    result = _review(runner, tmp_path, "the tool misread\n")  # the note is still a line
    assert result.exit_code == 0, result.output
    assert "Not an answer: 'x'" in result.output and "Decision [c]onfirm" in result.output
    assert _verdicts(tmp_path) == ["false alarm"]
    assert result.output.count("Finding ") == 3  # x asked again, f decided, Enter skipped, q quit


def test_an_answer_is_any_start_of_its_words() -> None:
    from factcheck.cli.review import answer_of

    assert [answer_of(t) for t in ("c", "conf", "Confirmed", "a", "accept", "f", "false", "false-alarm",
                                   " FALSE  ALARM ", "s", "", "q", "quit")] == \
        ["confirmed"] * 3 + ["accepted"] * 2 + ["false alarm"] * 4 + ["skip", "skip", "quit", "quit"]
    assert answer_of("x") is None and answer_of("confirmedly") is None


def test_review_lays_a_finding_out_once_at_the_console_width(tmp_path: Path) -> None:
    result = _review(CliRunner(env={"COLUMNS": "64"}), tmp_path, "q\n")
    assert result.exit_code == 0, result.output
    shown = result.output.split("Decision")[0].splitlines()
    assert max(len(line) for line in shown) <= 64
    # Wrapped once, with hanging indents: only the headings start at the margin, and the report's summary, which
    # is about the whole corpus, is not repeated under each finding.
    assert [line for line in shown if line and not line.startswith(" ")] == [
        "Finding 1 of 7", "CONFLICT  putin-meeting-date — Day Guterres met Putin"]


def test_output_to_a_folder_not_made_yet_makes_it(tmp_path: Path) -> None:
    target = tmp_path / "reports" / "today" / "report.json"
    result = CliRunner().invoke(main, ["check", str(ROOT / "corpus"), "--rules", str(ROOT / "rules"), "--no-db",
                                       "--format", "json", "-o", str(target)])
    assert result.exit_code == 1 and json.loads(target.read_text())["articles"]
    (tmp_path / "a-file").write_text("")
    blocked = CliRunner().invoke(main, ["check", str(ROOT / "corpus"), "--rules", str(ROOT / "rules"), "--no-db",
                                        "-o", str(tmp_path / "a-file" / "report.txt")])
    assert blocked.exit_code == 2 and "cannot write" in blocked.stderr and "Traceback" not in blocked.output
