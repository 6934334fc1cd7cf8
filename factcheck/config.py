"""The project's settings file: `factcheck.toml` (its top-level keys) or the `[tool.factcheck]` table of a
`pyproject.toml`, found as ruff finds its own: in the current folder or the nearest folder above it that has one.

A pyproject.toml without a `[tool.factcheck]` table does not count, and the search goes on upwards. Where one folder
has both files, factcheck.toml wins (a file of factcheck's own is the more deliberate choice) and a note says the
pyproject.toml table is ignored. Paths in the file are relative to the file's folder, so that a command run from a
subfolder finds the project's corpus and rules.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from factcheck.inputs.files import loads_toml, read_regular

CONFIG_FILE = "factcheck.toml"
PYPROJECT = "pyproject.toml"

# Each key and whether it holds paths: "paths" a list of paths (or one path), "path" one path, "text" a word.
KEYS: Mapping[str, str] = MappingProxyType({
    "corpus": "paths", "rules": "path", "format": "text", "fail-on": "text", "baseline": "path", "db": "path",
})


class ConfigError(Exception):
    """A settings file that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class Config:
    """The settings of one file: each key's value, paths resolved against the file's folder."""

    path: Path
    settings: Mapping[str, Any] = field(default_factory=dict)
    notes: tuple[str, ...] = ()  # what the user should know, e.g. a [tool.factcheck] table left unread


def find_config(start: Path) -> tuple[Path, tuple[str, ...]] | None:
    """The settings file that holds for `start` (a folder), and the notes about it; None when there is none."""
    for folder in (start, *start.parents):
        own, pyproject = folder / CONFIG_FILE, folder / PYPROJECT
        # One that is there but not a regular file (a pipe, a folder) is used, to be refused with the reason:
        # never read, nor passed over unsaid.
        has_table = pyproject.exists() and (not pyproject.is_file() or _has_factcheck_table(pyproject))
        if own.exists():
            notes = (f"{own} is used; the [tool.factcheck] table of {pyproject} beside it is ignored",) if has_table \
                else ()
            return own, notes
        if has_table:
            return pyproject, ()
    return None


def load_config(start: Path) -> Config | None:
    """The settings that hold for `start` (see `find_config`), or None when no file has any."""
    found = find_config(start)
    if found is None:
        return None
    config = read_config(found[0])
    return Config(config.path, config.settings, found[1])


def read_config(path: Path) -> Config:
    """The settings of one file: a pyproject.toml's [tool.factcheck] table, any other file's top level."""
    table = _read_table(path)
    settings: dict[str, Any] = {}
    for key, value in table.items():
        if key not in KEYS:
            raise ConfigError(f"{_where(path)}: unknown key '{key}'; the keys are {', '.join(KEYS)}")
        settings[key] = _checked(path, key, value)
    return Config(path, MappingProxyType(settings))


def _read_table(path: Path) -> Mapping[str, Any]:
    try:
        data = loads_toml(read_regular(path).decode("utf-8"))
    except OSError as error:
        raise ConfigError(f"{path}: cannot be read: {error.strerror or error}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    if path.name != PYPROJECT:  # factcheck.toml, or another file --config names: its top level
        return data
    table = data.get("tool", {}).get("factcheck", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.factcheck] must be a table")
    return table


def _has_factcheck_table(path: Path) -> bool:
    """Whether a pyproject.toml has a [tool.factcheck] table; one that is not valid TOML is said to have it when
    the text names it, so that its error is reported rather than passed over."""
    try:
        text = read_regular(path).decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    try:
        tool = loads_toml(text).get("tool", {})
    except tomllib.TOMLDecodeError:
        return "tool.factcheck" in text
    return isinstance(tool, dict) and "factcheck" in tool


def _checked(path: Path, key: str, value: Any) -> Any:
    """The value of a key, its paths resolved against the file's folder; a clear error for a wrong type."""
    sort = KEYS[key]
    if sort == "paths":
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not items or not all(isinstance(item, str) and item for item in items):
            raise ConfigError(f"{_where(path)}: '{key}' must be a path or a list of paths (strings), not "
                              f"{value!r}")
        return tuple(resolved(path.parent, item) for item in items)
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{_where(path)}: '{key}' must be a {'path' if sort == 'path' else 'string'} (a string), "
                          f"not {value!r}")
    return resolved(path.parent, value) if sort == "path" else value


def resolved(folder: Path, value: str) -> Path:
    """A path of the file, relative to its folder, written relative to the current folder: run from the project's
    root, reports name the same paths as without a settings file (absolute where no relative path leads there)."""
    target = folder.absolute() / Path(value).expanduser()
    try:
        return Path(os.path.relpath(target))
    except ValueError:  # another drive
        return target


def _where(path: Path) -> str:
    return f"{path} [tool.factcheck]" if path.name == PYPROJECT else str(path)
