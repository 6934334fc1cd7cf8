"""How text from the inputs (article text, file names, ids, front matter, rule text) is written in each medium a
report is read in, so that it is shown as it stands and can never act as markup or as a command there.

One function per medium; every formatter writes input text through these and nothing else:

- HTML (`html_text`, `html_id`): text and quoted attribute values escaped; ids in `id` and `href="#..."` are a
  strict slug, or a hash of the name where the name is not one.
- Markdown (`markdown_text`, `markdown_line`, `markdown_code`): characters Markdown or HTML would act on are
  backslash-escaped, and where the text starts a line what would open a block there; a code span holds any text,
  its control characters (a line break would end it) shown as their pictures.
- XML 1.0 (`xml_document`): characters XML cannot hold replaced; a carriage return written as a reference, which a
  parser reads back as it was (a raw one it would read as a line feed).
- GitHub Actions workflow commands (`workflow_data`, `workflow_property`): escaped as the runner unescapes them.
- A terminal (`terminal_text`): control characters shown as their pictures, so an escape sequence in an article
  can neither colour, move nor retitle the terminal.
- A CI log (`LogLines`, `log_lines`): a line whose first non-blank characters are `::` is a workflow command to the
  GitHub Actions runner, whatever program printed it. Any such line of a report for people gets a backslash before
  the `::`: it still reads as it stands, and in Markdown `\\:` is an escaped colon that renders as one.
"""

from __future__ import annotations

import functools
import hashlib
import html
import re
from typing import TYPE_CHECKING

from factcheck.formatters import Output

if TYPE_CHECKING:
    from rich.text import Text

# --- HTML --------------------------------------------------------------------------------------------------------


def html_text(text: str) -> str:
    """Text for an HTML element or a quoted attribute value: & < > " ' escaped."""
    return html.escape(text, quote=True)


# A name that is its own id: letters, digits and `_.-`, starting with a letter or digit (an article id such as
# 004_5411c03a7f8b04e4). Anything else (a space, a quote, a `#`, non-ASCII) is hashed: the id stays valid and
# unique, and a name that starts with `-` is never a slug, so `s--<hash>` cannot be another name's id.
_SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


def html_id(prefix: str, name: str, suffix: str = "") -> str:
    """`prefix-name[-suffix]` for an HTML id and the `#` link to it: the name as it is where it is a strict slug,
    else `-` and the first 16 hex digits of its SHA-256."""
    if _SLUG.fullmatch(name):
        shown = name
    else:  # surrogatepass: a file name that is not UTF-8 (read with surrogate escapes) is hashed as well
        shown = "-" + hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"{prefix}-{shown}" + (f"-{suffix}" if suffix else "")


# --- Control characters --------------------------------------------------------------------------------------------

# C0 controls and DEL have pictures of their own (U+2400 block); C1 controls, which some terminals read as escape
# sequences, have none and are shown as the replacement character. One character for one: a styled text keeps its
# styles' places.
_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)} | {0x7F: "\u2421"}
_PICTURES |= dict.fromkeys(range(0x80, 0xA0), "\ufffd")


def visible(text: str, keep: str = "") -> str:
    """`text` with each control character but those in `keep` replaced by a visible one (␛ for ESC, ␊ for a line
    feed, � for a C1 control)."""
    return text.translate(_pictures(keep))


@functools.cache
def _pictures(keep: str) -> dict[int, str]:
    return {code: picture for code, picture in _PICTURES.items() if chr(code) not in keep}


def terminal_text(text: str) -> str:
    """A paragraph of a report for a terminal: a line break (a sentence wrapped in its file) is the space it stands
    for; a tab is kept (the terminal expands it); other control characters are shown as their pictures."""
    return visible(_spaced(text), keep="\t")


def terminal_styled(text: Text, keep_lines: bool = False) -> Text:
    """A styled paragraph for a terminal, as `terminal_text`, in place; `keep_lines`: a text shown as its lines (an
    article's whole text) keeps its line breaks and shows only other control characters."""
    # One character for one: the styles keep their places.
    text.plain = visible(text.plain, keep="\t\n") if keep_lines else terminal_text(text.plain)
    return text


def _spaced(text: str) -> str:
    return text.replace("\r", " ").replace("\n", " ")


# --- Markdown ------------------------------------------------------------------------------------------------------

# Characters Markdown or HTML act on anywhere in a line. An underscore inside a word (a file name like 001_15ab) is
# left alone: GitHub Markdown reads no emphasis there.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*\[\]<|~]|(?<!\w)_|_(?!\w))")
# What opens a block where a line starts (a heading, a quote, a list item, a setext underline, and a workflow
# command's `:`): escaped where text starts a line, or a list item or a quote (markdown_line). A number opens an
# ordered list only before `.` or `)` and a blank: the punctuation is what is escaped.
_MARKDOWN_BLOCK = re.compile(r"\A(?:([#>+=:-])|(\d{1,9})([.)])(?=\s|\Z))")


def _block_escaped(match: re.Match[str]) -> str:
    marker, number, after = match.groups()
    return f"\\{marker}" if marker else f"{number}\\{after}"


def markdown_text(text: str) -> str:
    """Text quoted in Markdown, on one line and after something else on it: shown as it stands, never a link, an
    image, emphasis or HTML (a line break is the space it stands for, other control characters shown)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", visible(_spaced(text), keep="\t").replace("&", "&amp;"))


def markdown_line(text: str) -> str:
    """Text quoted in Markdown where it starts a line, a list item or a quote: as `markdown_text`, and never a
    heading, a quote, a list, a code block or a workflow command either. Blanks it starts with are left out:
    Markdown would show none of them, and four would make a code block."""
    return _MARKDOWN_BLOCK.sub(_block_escaped, markdown_text(text).lstrip(" \t"))


def markdown_code(text: str) -> str:
    """A code span that holds any text: the fence is one backtick longer than the longest run inside, and control
    characters, a line break first (it would end the span and start a block), are shown as their pictures."""
    shown = visible(text)
    fence = "`" * (max((len(run) for run in re.findall("`+", shown)), default=0) + 1)
    return f"{fence} {shown} {fence}" if "`" in shown else f"{fence}{shown}{fence}"


# --- XML -----------------------------------------------------------------------------------------------------------

# Characters XML 1.0 cannot hold (control characters an article may carry, lone surrogates, U+FFFE and U+FFFF).
_NOT_XML = re.compile("[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_document(serialized: str) -> str:
    """Serialized XML (ElementTree's, which escapes markup but neither of these) made valid and faithful:
    characters XML cannot hold shown as the replacement character, a carriage return as `&#13;`."""
    return _NOT_XML.sub("\ufffd", serialized).replace("\r", "&#13;")


# --- GitHub Actions workflow commands ---------------------------------------------------------------------------


def workflow_data(text: str) -> str:
    """The message of a workflow command (after the second `::`): %, CR and LF escaped, as the runner unescapes."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def workflow_property(text: str) -> str:
    """A property value of a workflow command (`file=...`): also `:` and `,`, which would end it."""
    return workflow_data(text).replace(":", "%3A").replace(",", "%2C")


# --- CI logs -------------------------------------------------------------------------------------------------------

# A line start is after a line feed or a carriage return (the runner reads both as ending a line); the blanks the
# runner trims before looking for `::` are any Unicode white space.
_BLANKS = r"[^\S\r\n]*"
_COMMAND = re.compile(rf"(?:(?<=[\r\n])|\A)({_BLANKS})(?=::)")
_COMMAND_LATER = re.compile(rf"(?<=[\r\n])({_BLANKS})(?=::)")


def log_lines(text: str, at_line_start: bool = True) -> str:
    """`text` with a backslash before every `::` that starts a line (after blanks), so that no line is a workflow
    command; `at_line_start`: whether the text starts a line, or continues one of nothing but blanks."""
    return (_COMMAND if at_line_start else _COMMAND_LATER).sub(r"\1\\", text)


# The start of a line that may yet become a command: blanks, and perhaps the first `:` of a `::`.
_UNDECIDED = re.compile(rf"{_BLANKS}:?")


class LogLines:
    """An output that writes through to another with `log_lines` applied, whatever the pieces it is given: the
    start of a line that the next piece may make a command (blanks and a `:`) is held back until it is known.
    `flush` writes what is held once all is written."""

    def __init__(self, out: Output) -> None:
        self.out = out
        self.held = ""  # always at a line's start
        self.at_line_start = True

    def write(self, text: str, /) -> object:
        at_line_start, text, self.held = self.at_line_start, self.held + text, ""
        last_break = max(text.rfind("\n"), text.rfind("\r"))
        tail = text[last_break + 1:]
        self.at_line_start = (last_break >= 0 or at_line_start) and _UNDECIDED.fullmatch(tail) is not None
        if self.at_line_start:
            self.held, text = tail, text[:last_break + 1]
        self.out.write(log_lines(text, at_line_start))
        return None

    def flush(self) -> None:
        self.out.write(self.held)  # blanks and at most one `:`: no command
        self.held = ""
