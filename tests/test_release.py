"""What a user pins and installs agrees with itself: the version `factcheck --version` prints is the package's, the
newest entry of the changelog, and the tag the CI docs tell users to name; the licence file is the one the package
metadata declares; the docs never install factcheck by name from the package index, where the name is another
project's."""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import version
from pathlib import Path

from click.testing import CliRunner

import factcheck
from factcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_one_version_everywhere_a_user_reads_it() -> None:
    printed = CliRunner().invoke(main, ["--version"]).output
    assert printed.strip() == f"factcheck, version {factcheck.__version__}"
    assert version("factcheck") == factcheck.__version__  # the installed metadata takes it from the package
    # The newest released version; changes not released yet stand above it, under "Unreleased".
    newest = re.search(r"^## (?!Unreleased$)(\S+)", (ROOT / "CHANGELOG.md").read_text(encoding="utf-8"), re.M)
    assert newest is not None and newest.group(1) == factcheck.__version__
    ci = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    assert set(re.findall(r"rev: (\S+)", ci)) == {f"v{factcheck.__version__}"}
    assert set(re.findall(r"git\+https://\S+@(v[\d.]+)", ci)) == {f"v{factcheck.__version__}"}


def test_the_licence_file_is_the_declared_licence() -> None:
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["license"]["text"]
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith(f"{declared} License\n")


def test_no_doc_installs_factcheck_by_name_from_the_package_index() -> None:
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]:
        for line in path.read_text(encoding="utf-8").splitlines():
            assert not re.search(r"pip install +(-U +)?factcheck\b(?![\[.@/])", line), f"{path.name}: {line}"
