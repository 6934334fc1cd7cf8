"""The synthetic benchmark corpus: generation is deterministic, its rule files are valid and their examples pass,
and the scorer blames the right articles on a hand-made report."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from click.testing import CliRunner

from factcheck.cli import main as cli

ROOT = Path(__file__).resolve().parent.parent


def _synthetic():
    spec = importlib.util.spec_from_file_location("synthetic", ROOT / "benchmarks" / "synthetic.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["synthetic"] = module
    spec.loader.exec_module(module)
    return module


S = _synthetic()


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_generation_is_deterministic_and_rules_are_valid(tmp_path: Path) -> None:
    truth = S.generate(tmp_path / "a", articles=24, events=3, seed=7, conflict_rate=0.2)
    S.generate(tmp_path / "b", articles=24, events=3, seed=7, conflict_rate=0.2)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert len(truth.articles) == 24 and len(truth.events) == 3 and truth.errors
    for article in truth.articles:
        text = (tmp_path / "a" / article.path).read_text(encoding="utf-8")
        assert Path(article.path).stem == article.id
        assert 700 <= len(text) <= 2700
    assert S.Truth.load(tmp_path / "a" / "truth.json") == truth
    runner = CliRunner()
    checked = runner.invoke(cli, ["rules", "check", str(tmp_path / "a" / "rules")])
    assert checked.exit_code == 0, checked.output
    tested = runner.invoke(cli, ["rules", "test", str(tmp_path / "a" / "rules")])
    assert tested.exit_code == 0, tested.output


def _truth() -> object:
    claims = (S.ClaimTruth("e1-meet", "date", "e1", "rules/e1.toml", "t", "2024-03-05"),
              S.ClaimTruth("e1-names", "spelling", "e1", "rules/e1.toml", "t", ""))
    articles = tuple(S.ArticleTruth(f"a{i}", f"corpus/e1/a{i}.txt", "e1", "2024-03-06", "X", ("e1-meet",))
                     for i in range(4))
    errors = (S.InjectedError("a3", "corpus/e1/a3.txt", "rules/e1.toml", "e1-meet", "date", "2024-03-04",
                              "2024-03-05", "day -1"),
              S.InjectedError("a1", "corpus/e1/a1.txt", "rules/e1.toml", "e1-names", "spelling", "Ana Korvo",
                              "Ana Korov", "swap"))
    return S.Truth(0, 0.5, (), articles, claims, errors)


def _date(article: str, day: str, modality: str = "reported") -> dict:
    low, high = (None, day[1:]) if day.startswith("<") else (day, day)
    return {"article": article, "value": day, "earliest": low, "latest": high, "modality": modality}


def test_score_blames_the_minority_and_counts_spelling_warnings() -> None:
    report = {
        "articles": [{"id": f"a{i}", "path": f"a{i}.txt", "published": "2024-03-06"} for i in range(4)],
        "findings": [
            {"claim": "e1-meet", "kind": "date", "status": "conflict",
             # a bound that holds ("<2024-03-06") is no disagreement; the odd day out is blamed, not the majority
             "statements": [_date("a0", "2024-03-05"), _date("a1", "2024-03-05"), _date("a2", "<2024-03-06"),
                            _date("a3", "2024-03-04")]},
            {"claim": "e1-names", "kind": "spelling", "status": "warning",
             "statements": [{"article": "a1", "value": "Ana Korvo"}]},
        ],
    }
    result = S.score(report, _truth())
    assert (result["precision"], result["recall"], result["flagged"]) == (1.0, 1.0, 2)
    # one source against one: neither is the minority, nobody is blamed for the date
    report["findings"][0]["statements"] = [_date("a0", "2024-03-05"), _date("a3", "2024-03-04")]
    assert S.score(report, _truth())["flagged"] == 1


def test_score_reads_check_new_reports() -> None:
    report = {
        "articles": [{"id": f"a{i}", "path": f"a{i}.txt", "published": "2024-03-06"} for i in range(4)],
        "new_articles": ["a3"],
        "findings": [{"claim": "e1-meet", "kind": "date", "status": "conflict", "focus": "a3",
                      "statements": [_date("a3", "2024-03-04"), _date("a0", "2024-03-05")]}],
    }
    result = S.score(report, _truth())
    assert (result["precision"], result["recall"], result["injected"]) == (1.0, 1.0, 1)
