"""Formatters: each turns a Report into text, with the same interface, so a new output format is one module.

They only read the records; every value, status and explanation was decided by the library before them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from factcheck.findings import Report


@dataclass(frozen=True, slots=True)
class Options:
    color: bool = False
    width: int = 100
    rules: str = ""


Formatter = Callable[[Report, Options], str]


def registry() -> dict[str, Formatter]:
    from factcheck.formatters import github, html, json_report, junit, markdown, sarif, terminal

    formatters: dict[str, Formatter] = {"terminal": terminal.render, "json": json_report.render,
                                        "sarif": sarif.render, "github": github.render, "junit": junit.render,
                                        "markdown": markdown.render, "html": html.render}
    return formatters
