"""A check on a Dask cluster (a LocalCluster on the loopback interface) gives the report a local check gives."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from distributed import LocalCluster

from factcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def _check(*args: str) -> tuple[int, dict]:
    """A check with no statement store unless the arguments name one."""
    store = [] if "--db" in args else ["--no-db"]
    result = CliRunner().invoke(main, ["check", "--format", "json", *store, *args], catch_exceptions=False)
    return result.exit_code, json.loads(result.stdout)


def test_a_check_on_the_cluster_reports_what_a_local_check_does(scheduler: str, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    (corpus / "empty.txt").write_text("")  # skipped on the cluster as here, with its reason
    for source in sorted((ROOT / "tests" / "data" / "unseen" / "guterres").glob("*.txt")):
        shutil.copy(source, corpus / source.name)
    common = [str(corpus), "--rules", str(ROOT / "rules")]
    local = _check(*common, "--jobs", "1")
    assert local[0] == 1 and any(s["reason"] == "empty file" for s in local[1]["skipped"])
    assert _check(*common, "--scheduler", scheduler) == local
    new = ["--new", str(corpus / "004_5411c03a7f8b04e4.txt")]
    assert _check(*common, *new, "--scheduler", scheduler) == _check(*common, *new)


def test_index_on_the_cluster_fills_the_store(scheduler: str, tmp_path: Path) -> None:
    db = tmp_path / "index.db"
    result = CliRunner().invoke(main, ["index", str(ROOT / "corpus"), "--rules", str(ROOT / "rules"), "--db", str(db),
                                       "--scheduler", scheduler], catch_exceptions=False)
    assert result.exit_code == 0 and "5 read now" in result.stderr
    assert _check(str(ROOT / "corpus"), "--rules", str(ROOT / "rules")) == _check(
        str(ROOT / "corpus"), "--rules", str(ROOT / "rules"), "--db", str(db))


def test_an_unreachable_scheduler_is_a_clear_error() -> None:
    result = CliRunner().invoke(main, ["check", "--no-db", "--scheduler", "tcp://127.0.0.1:9", str(ROOT / "corpus"),
                                       "--rules", str(ROOT / "rules")])
    assert result.exit_code == 2 and "cannot reach the Dask scheduler" in result.stderr
    assert "Traceback" not in result.output
