"""Where things stand in a rule file: lines and columns of entities, keys and patterns, found in the TOML text
(tomllib keeps no positions), for `path:line:column` errors.
"""

from __future__ import annotations

import functools

import regex

# A line that opens an entity's table or sets a key: `[entities.ID]`, `[entities."ID"]`, `ID = `, `entities.ID = `.
_ENTITY_OR_KEY = regex.compile(r'\s*(?:\[entities\."?(?P<header>[^\]"]+)"?\]|(?:entities\.)?"?(?P<key>[^\s="]+)"?\s*=)')


@functools.lru_cache(maxsize=4096)
def _compiled(pattern: str) -> regex.Pattern[str]:
    """Locating a key compiles the same few patterns for every claim of every file: compile each once."""
    return regex.compile(pattern)


class Locator:
    """Lines and columns of keys in a TOML file, found in its text (tomllib keeps no positions)."""

    def __init__(self, text: str):
        self.lines = text.splitlines()
        self._entity_lines: dict[str, int] | None = None

    def find_text(self, literal: str, after: int = 0) -> tuple[int, int]:
        """Like find, for a literal: no pattern to compile for every example of every file."""
        for number in range(after, len(self.lines)):
            if (column := self.lines[number].find(literal)) >= 0:
                return number + 1, column + 1
        return max(after, 1), 1

    def entity(self, entity_id: str) -> tuple[int, int]:
        """Where an entity is defined: `[entities.ID]`, `ID = { ... }` under [entities], or `entities.ID = { ... }`
        (the first line that opens or sets that name; one pass over the file for all entities)."""
        if self._entity_lines is None:
            self._entity_lines = {}
            for number, line in enumerate(self.lines, 1):
                if (match := _ENTITY_OR_KEY.match(line)) is not None:
                    self._entity_lines.setdefault(match["header"] or match["key"], number)
        return self._entity_lines.get(entity_id, 1), 1

    def find(self, pattern: str, after: int = 0) -> tuple[int, int]:
        compiled = _compiled(pattern)
        for number in range(after, len(self.lines)):
            if (match := compiled.search(self.lines[number])) is not None:
                return number + 1, match.start() + 1
        return max(after, 1), 1

    def key(self, key: str, after: int) -> tuple[int, int]:
        """The key of the table that starts at line `after`: inside it if it is an inline table on that line
        (`envoy = { name = "...", knd = "person" }`), else the first line below that sets it."""
        if 1 <= after <= len(self.lines):
            inline = _compiled(rf"[{{,]\s*\"?{regex.escape(key)}\"?\s*=").search(self.lines[after - 1])
            if inline is not None:
                return after, inline.start() + 1 + len(inline[0]) - len(inline[0].lstrip("{, \t"))
        return self.find(rf"^\s*(?:\"?{regex.escape(key)}\"?)\s*=", max(after - 1, 0))


def pattern_fault(locate: Locator, pattern: str, position: int, after: int) -> tuple[int, int]:
    """Line and column of a fault inside a pattern as the file writes it: a literal string ('...') holds the pattern
    as it is, a basic string ("...") doubles each backslash, which moves the fault to the right."""
    literal = locate.find(regex.escape(pattern), after - 1)
    if locate.lines and regex.search(regex.escape(pattern), locate.lines[literal[0] - 1]):
        return literal[0], literal[1] + position
    found_line, found_column = locate.find(regex.escape(pattern.replace("\\", "\\\\")), after - 1)
    return found_line, found_column + position + pattern[:position].count("\\")
