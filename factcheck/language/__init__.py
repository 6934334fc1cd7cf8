"""Language data: vocabularies, normalisation tables and rules, kept as TOML beside this file.

The engine applies them; a new turn of phrase is new data here, not new code. Every rule that can carry examples
does, and the test suite runs them.
"""

from __future__ import annotations

import functools
import tomllib
from importlib import resources
from typing import Any


@functools.cache
def load(name: str) -> dict[str, Any]:
    """The parsed TOML resource `name` (without suffix), read once per process."""
    with resources.files(__package__).joinpath(f"{name}.toml").open("rb") as handle:
        return tomllib.load(handle)
