"""The command line: one module per command, each parsing its options, calling the library and picking a formatter;
the option bundles (`options`), the output (`output`) and what the checking commands share (`running`) beside them.
Nothing else lives here.

Exit status: 0 no conflict, 1 conflicts found, 2 unusable input or rules.
"""

from __future__ import annotations

import click

from factcheck import __version__
from factcheck.cli import baseline, check, dates, explain, import_, index, review, rules


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factcheck")
def main() -> None:
    """Find where news reports of the same event disagree, with the evidence to verify each finding."""


for command in (check.check, index.index_command, baseline.baseline_command, dates.dates, rules.rules,
                explain.explain_command, review.review_command, import_.import_command):
    main.add_command(command)
