"""The command line: one module per command, each parsing its options, calling the library and picking a formatter;
the option bundles (`options`), the settings file turned into defaults (`configured`), the output (`output`) and
what the checking commands share (`running`) beside them. Nothing else lives here.

Exit status: 0 no conflict, 1 conflicts found, 2 unusable input or rules.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import click

from factcheck import __version__
from factcheck.cli import baseline, check, dates, explain, import_, index, review, rules
from factcheck.cli.configured import default_map, remember_project
from factcheck.cli.output import UNWRITABLE, fail
from factcheck.config import CONFIG_FILE, ConfigError, load_config, read_config


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factcheck")
@click.option("--config", "config_path", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              metavar="FILE", help=f"The settings file to read (its top-level keys, or a pyproject.toml's "
                                   f"[tool.factcheck]) instead of the {CONFIG_FILE} or pyproject.toml found from "
                                   "the current folder upwards.")
@click.option("--no-config", is_flag=True, help="Read no settings file: only the options given and the defaults.")
@click.pass_context
def main(ctx: click.Context, config_path: Path | None, no_config: bool) -> None:
    """Find where news reports of the same event disagree, with the evidence to verify each finding.

    Settings (corpus, rules, format, fail-on, baseline, db) are read from factcheck.toml or the [tool.factcheck]
    table of pyproject.toml, in the current folder or the nearest one above it; options override them.
    """
    for stream in (sys.stdout, sys.stderr):  # see output.UNWRITABLE
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors=UNWRITABLE)
    if config_path is not None and no_config:
        fail("--config and --no-config contradict each other")
    if no_config:
        return
    try:
        config = read_config(config_path) if config_path is not None else load_config(Path.cwd())
        if config is None:
            return
        for note in config.notes:
            click.echo(f"factcheck: {note}", err=True)
        ctx.default_map = default_map(config, main, ctx)
        remember_project(ctx, config)
    except ConfigError as error:
        fail(str(error))


for command in (check.check, index.index_command, baseline.baseline_command, dates.dates, rules.rules,
                explain.explain_command, review.review_command, import_.import_command):
    main.add_command(command)
