"""The settings file (factcheck.config) turned into the commands' defaults: one click default_map, built once by the
group before any command runs, so that every command takes the same settings the same way and the options given on
the command line override them."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import click
from click.core import ParameterSource

from factcheck.config import Config, ConfigError, resolved

# Where the group keeps the folder of the settings file it read, for the defaults that belong to the project.
_PROJECT = "factcheck.project"

# The parameters each key of the settings file sets: (the command's path under `factcheck`, the parameter's name).
TARGETS: Mapping[str, tuple[tuple[tuple[str, ...], str], ...]] = {
    "corpus": tuple(((name,), "corpus") for name in ("check", "index", "baseline", "review")),
    "rules": (*(((name,), "rules_dir") for name in ("check", "index", "baseline", "review", "explain")),
              (("rules", "check"), "rules_dir"), (("rules", "test"), "rules_dir")),
    "format": ((("check",), "output_format"),),
    "fail-on": ((("check",), "fail_on"),),
    "baseline": ((("check",), "baseline_path"), (("baseline",), "output")),
    "db": ((("check",), "db"), (("index",), "db")),
}


def default_map(config: Config, group: click.Group, ctx: click.Context) -> dict[str, Any]:
    """The defaults the settings give each command, checked against the options they set (a format factcheck does
    not have is an error naming the file and the key, as an unknown key is)."""
    defaults: dict[str, Any] = {}
    for key, value in config.settings.items():
        for path, name in TARGETS[key]:
            parameter = _parameter(group, path, name)
            for item in value if isinstance(value, tuple) else (value,):
                try:
                    parameter.type.convert(item, parameter, ctx)
                except click.BadParameter as error:
                    raise ConfigError(f"{config.path}: '{key}': {error.message}") from None
            commands = defaults
            for command in path:
                commands = commands.setdefault(command, {})
            commands[name] = value
    return defaults


def _parameter(group: click.Group, path: tuple[str, ...], name: str) -> click.Parameter:
    command: click.Command = group
    for part in path:
        assert isinstance(command, click.Group)
        command = command.commands[part]
    return next(p for p in command.params if p.name == name)


def remember_project(ctx: click.Context, config: Config) -> None:
    ctx.meta[_PROJECT] = config.path.parent


def in_project(path: Path) -> Path:
    """A default path of the project (the store, the baseline) where the settings file is, as ruff's are, so that a
    command run from a subfolder finds them; as it is where no settings file was read."""
    context = click.get_current_context(silent=True)
    folder = context.meta.get(_PROJECT) if context is not None else None
    return path if folder is None or path.is_absolute() else resolved(folder, str(path))


def from_settings(name: str) -> bool:
    """Whether the current command's parameter took its value from the settings file (so that a flag that turns
    it off, --no-baseline or --no-db, overrides the file rather than contradicting it)."""
    return click.get_current_context().get_parameter_source(name) is ParameterSource.DEFAULT_MAP

