"""The articles added or modified since a git reference, as git tells them: what `check --changed-since` reads."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Collection
from pathlib import Path

from factcheck.inputs.article import ARTICLE_SUFFIXES


class GitError(Exception):
    """git could not answer; the message says why."""


def _git(root: Path, *args: str) -> list[str]:
    """The NUL-separated answer of a git command (names are never quoted that way, whatever characters they hold)."""
    try:
        # Bytes: a file name that is not UTF-8 (anywhere in the repository) is a name like any other, decoded as
        # the file system's names are (os.fsdecode), never a UnicodeDecodeError.
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, timeout=60)
    except FileNotFoundError:
        raise GitError("git is not installed") from None
    except subprocess.TimeoutExpired:
        raise GitError("git did not answer within a minute") from None
    if done.returncode != 0:
        said = done.stderr.decode(errors="replace").strip()
        raise GitError(said.splitlines()[-1] if said else f"git {args[0]} failed")
    separator = b"\0" if "-z" in args else b"\n"
    return [os.fsdecode(item) for item in done.stdout.split(separator) if item]


def changed_articles(ref: str, within: list[Path]) -> list[Path]:
    """Article files under `within` added or modified since `ref` (committed, staged, or not yet added)."""
    return changed_files(ref, within, ARTICLE_SUFFIXES)


def changed_files(ref: str, within: list[Path], suffixes: Collection[str], deleted: bool = False,
                  repository_of: list[Path] | None = None) -> list[Path]:
    """Files of these suffixes under `within` added or modified since `ref` (committed, staged, or not yet added),
    and removed too with `deleted` (a rule file taken away changes the rules as much as one edited). The repository
    is the one that holds `repository_of` (default: `within`); files outside it are none git can tell of."""
    holder = repository_of or within
    start = holder[0] if holder and holder[0].is_dir() else (holder[0].parent if holder else Path("."))
    root = Path(_git(start.resolve(), "rev-parse", "--show-toplevel")[0])
    try:
        _git(root, "rev-parse", "--verify", f"{ref}^{{commit}}")
    except GitError:
        raise GitError(f"'{ref}' is not a commit this repository knows (fetch it, or check its name)") from None
    # Without rename detection a moved file is its old name deleted and its new name added: a rule file moved out of
    # the rules folder is a change to the rules.
    names = _git(root, "diff", "-z", "--name-only", "--no-renames", f"--diff-filter={'AMD' if deleted else 'AM'}",
                 ref, "--")
    names += _git(root, "ls-files", "-z", "--others", "--exclude-standard")
    scopes = [p.resolve() for p in within]
    found = []
    for name in sorted(set(names)):
        path = (root / name).resolve()
        if path.suffix.lower() in suffixes and (deleted or path.is_file()) and any(
                path == scope or scope in path.parents for scope in scopes):
            found.append(path)
    return found
