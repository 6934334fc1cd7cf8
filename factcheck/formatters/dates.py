"""Formatters for `factcheck dates`: a table with the text highlighted, and JSON.

JSON: a list with one object per file, `{"path", "published", "timexes": [{"start", "end", "text", "type",
"value", "mod", "anchor", "explanation"}]}`, offsets into the file's content as read; an input that could not be
read is an object with `"skipped"` (the reason) and no timexes.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from typing import Any

from factcheck.formatters import Options, console_for
from factcheck.formatters.escape import log_lines, terminal_styled, terminal_text
from factcheck.readers.dates import DateList

_TYPE_STYLE = {"DATE": "bold cyan", "TIME": "bold magenta", "DURATION": "bold green", "SET": "bold yellow"}


def render_json(dates: DateList, options: Options) -> str:
    items: list[dict[str, Any]] = [{
        "path": entry.article.path,
        "published": entry.article.published.isoformat() if entry.reference_known else None,
        "timexes": [{"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value, "mod": t.mod,
                     "anchor": t.anchor, "explanation": t.explanation} for t in entry.timexes],
    } for entry in dates.files]
    items += [{"path": s.path, "published": None, "timexes": [], "skipped": s.reason} for s in dates.skipped]
    return json.dumps(sorted(items, key=lambda item: item["path"]), ensure_ascii=False, indent=2) + "\n"


def render_table(dates: DateList, options: Options) -> str:
    """Each file's text with its expressions marked, and a table of them. Article text and file names have their
    control characters shown (the text keeps its line breaks), and no line is a workflow command in a CI log."""
    # rich is imported when a table is drawn: every command imports this module, and a JSON run never needs rich.
    from rich.table import Table
    from rich.text import Text

    buffer = io.StringIO()
    console = console_for(buffer, options)
    for entry in dates.files:
        article = entry.article
        published = f"published {article.published}" if entry.reference_known else "no publication date"
        console.print(terminal_styled(Text(f"{article.path}  ({published}, {len(entry.timexes)} expression(s))",
                                           style="bold")))
        body = Text()
        cursor = article.body_start
        for timex in entry.timexes:
            body.append(article.text[cursor:timex.start])
            body.append(timex.text, style=f"{_TYPE_STYLE[timex.type]} underline")
            body.append(f"[{timex.value}]", style="dim")
            cursor = timex.end
        body.append(article.text[cursor:])
        console.print(terminal_styled(body, keep_lines=True))
        table = Table(show_header=True, header_style="bold", expand=False)
        for heading in ("line:col", "text", "type", "value", "mod", "how it was resolved"):
            table.add_column(heading, overflow="fold")
        for timex in entry.timexes:
            line, column = article.position(timex.start)
            table.add_row(*map(terminal_text, (f"{line}:{column}", timex.text, timex.type, timex.value,
                                               timex.mod or "", timex.explanation.split(": ", 1)[-1])))
        console.print(table)
        console.print()
    for skipped in dates.skipped:
        console.print(terminal_styled(Text(f"skipped {skipped.path}: {skipped.reason}", style="bold")))
    return log_lines(buffer.getvalue())


FORMATS: dict[str, Callable[[DateList, Options], str]] = {"table": render_table, "json": render_json}
DEFAULT = "table"
TERMINAL_FORMATS = frozenset({"table"})  # laid out for a person: in colour and as wide as the terminal, on one
