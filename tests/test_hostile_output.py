"""Hostile input meets every output: file names, ids and article text that look like markup or commands are shown
as they stand in each medium (HTML, Markdown, JUnit XML, JSON, SARIF, a terminal, a CI log), and `-o` writes
only the file it was asked to."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from types import MappingProxyType
from xml.etree import ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from factcheck.cli.output import emit_written
from factcheck.findings import Decision, Finding, Report, Statement, group_values
from factcheck.formatters import Options, Output, get, to_text
from factcheck.formatters.escape import LogLines, html_id, log_lines, markdown_code, markdown_line, visible
from factcheck.inputs.article import ArticleInfo, Skipped

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "tests" / "data" / "summit-rules"  # a made-up story: Castellano meets Brandt

# Shared helpers for building hostile cases.

TAG_NAME = '"><img src=x onerror=alert(1)>.txt'
HEADING_NAME = "a\n# heading ![i](x.png).txt"
COMMAND_LINE = "::error file=README.md::x"


def write_corpus(folder: Path, articles: dict[str, str]) -> Path:
    """Articles (file name: text) in a folder, each published on 14 March 2023."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(f" date 2023-03-14 {text}\n", encoding="utf-8")
    return folder


def meeting_conflict(folder: Path, **names: str) -> Path:
    """Three articles that disagree on the day Castellano met Brandt, named as given (odd, early, plain) and each
    with what follows the sentence (an `after=` line)."""
    after = names.pop("after", "")
    named = {"odd": "odd.txt", "early": "early.txt", "plain": "plain.txt", **names}
    return write_corpus(folder, {
        named["odd"]: f"Castellano will hold talks with Chancellor Matthias Brandt on Friday.\n{after}",
        named["early"]: "Castellano held talks with Chancellor Matthias Brandt on Thursday.",
        named["plain"]: "Castellano held talks with Chancellor Matthias Brandt on Monday.",
    })


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`factcheck ARGS` as a user runs it, from this repository, with a generous limit against a hang."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    result = subprocess.run([sys.executable, "-m", "factcheck", "--no-config", *args], capture_output=True,
                            text=True, encoding="utf-8", env=env, cwd=cwd, timeout=120)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def check(corpus: Path, output_format: str, *more: str) -> subprocess.CompletedProcess[str]:
    return run("check", str(corpus), "--rules", str(RULES), "--format", output_format, *more)


def command_lines(text: str) -> list[str]:
    """The lines a GitHub Actions runner would read as workflow commands: `::` first after blanks (the runner
    ends a line at a line feed or a carriage return)."""
    return [line for line in re.split(r"\r\n|\r|\n", text) if line.lstrip().startswith("::")]


class Elements(HTMLParser):
    """Every element and attribute of a page, its ids and its `#` links, as a browser's parser finds them."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attributes: set[str] = set()
        self.ids: list[str] = []
        self.links: list[str] = []
        self.text: list[str] = []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        for name, value in attrs:
            self.attributes.add(name)
            if name == "id":
                self.ids.append(value or "")
            if name == "href":
                self.links.append(value or "")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


# What the HTML report is made of: any other element or attribute would have come from the input.
HTML_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "main", "section", "p",
             "span", "table", "thead", "tbody", "tr", "th", "td", "a", "strong", "em", "details", "summary",
             "article", "code", "ol", "ul", "li", "blockquote", "mark", "br", "div", "caption", "svg", "line", "text",
             "circle", "rect", "polygon", "desc"}
HTML_ATTRIBUTES = {"lang", "charset", "name", "content", "http-equiv", "id", "class", "href", "rel", "title",
                   "scope", "role", "aria-label", "aria-labelledby", "aria-hidden", "viewbox", "x", "y", "x1", "y1",
                   "x2", "y2", "cx", "cy", "r", "rx", "width", "height", "points", "text-anchor", "open"}
SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


def assert_safe_page(page: str) -> Elements:
    elements = Elements(page)
    assert elements.tags <= HTML_TAGS, elements.tags - HTML_TAGS
    assert elements.attributes <= HTML_ATTRIBUTES, elements.attributes - HTML_ATTRIBUTES
    assert all(SAFE_ID.fullmatch(i) for i in elements.ids), [i for i in elements.ids if not SAFE_ID.fullmatch(i)]
    for link in elements.links:
        assert link[1:] in elements.ids if link.startswith("#") else link.startswith("https://example.org/"), link
    return elements


# Each reproduction of the audit, through the CLI.

def test_a_file_named_like_a_tag_is_text_in_every_attribute_of_the_html_report(tmp_path: Path) -> None:
    corpus = meeting_conflict(tmp_path / "corpus", odd=TAG_NAME)
    result = check(corpus, "html")
    assert result.returncode == 1
    page = assert_safe_page(result.stdout)
    assert "img" not in page.tags and "onerror" not in page.attributes
    assert "<img" not in result.stdout
    # Shown as it stands, and its statement's link still leads to its mark in the article's text.
    assert any(TAG_NAME.removesuffix(".txt") in text for text in page.text)
    assert sum(link.startswith("#s-") for link in page.links) == 3


def test_a_line_break_in_a_file_name_opens_no_heading_nor_image_in_the_markdown_comment(tmp_path: Path) -> None:
    corpus = meeting_conflict(tmp_path / "corpus", early=HEADING_NAME)
    result = check(corpus, "markdown")
    assert result.returncode == 1
    headings = [line for line in result.stdout.splitlines() if line.startswith("#")]
    assert headings and all(line.startswith(("## factcheck:", "### ")) for line in headings), headings
    tokens = MarkdownIt("commonmark").enable("table").parse(result.stdout)
    assert not [t for t in tokens if t.type == "heading_open" and t.tag == "h1"]
    assert not [t for t in _inline(tokens) if t.type in ("image", "html_inline")]
    assert "a␊# heading ![i](x.png).txt:1:" in result.stdout  # the code span shows the line break


def _inline(tokens: list) -> list:
    return [child for token in tokens for child in (token.children or [])]


@pytest.mark.parametrize("output_format", ["terminal", "junit", "markdown"])
def test_an_article_line_that_looks_like_a_workflow_command_is_none_in_a_ci_log(tmp_path: Path,
                                                                                output_format: str) -> None:
    corpus = meeting_conflict(tmp_path / "corpus", after=COMMAND_LINE)
    result = check(corpus, output_format)
    assert result.returncode == 1
    assert command_lines(result.stdout) == []
    assert COMMAND_LINE in result.stdout  # still read as it stands (after a backslash, or a space for its line break)


def test_explain_and_dates_print_no_workflow_command_of_an_article(tmp_path: Path) -> None:
    corpus = meeting_conflict(tmp_path / "corpus", after=f"{COMMAND_LINE}\n  ::warning::y on Friday.")
    explained = run("explain", str(corpus / "odd.txt"), "--rules", str(RULES))
    dated = run("dates", str(corpus / "odd.txt"))
    for result in (explained, dated):
        assert result.returncode == 0
        assert command_lines(result.stdout) == [] and "::warning::y" in result.stdout


@pytest.mark.parametrize("output_format", ["terminal", "junit", "markdown", "github"])
def test_a_file_named_like_a_workflow_command_is_none_in_a_ci_log(tmp_path: Path, output_format: str) -> None:
    names = {"early": "::error file=x::y.txt", "plain": "a\r::warning::z.txt"}
    corpus = meeting_conflict(tmp_path / "corpus", **names)
    result = check(corpus, output_format)
    assert result.returncode == 1
    commands = command_lines(result.stdout)
    if output_format == "github":  # its own commands only: one annotation, on one of the articles' files
        parsed = [runner_command(line) for line in commands]
        assert [command for command, _, _ in parsed].count("error") == 1
        files = {str(corpus / name) for name in (*names.values(), "odd.txt")}
        assert all(properties["file"] in files for _, properties, _ in parsed if "file" in properties)
    else:
        assert commands == []


def test_the_github_commands_carry_hostile_names_and_text_as_the_runner_reads_them(tmp_path: Path) -> None:
    corpus = meeting_conflict(tmp_path / "corpus", early="x,line=9:, 100%\r\nname.txt", after=COMMAND_LINE)
    result = check(corpus, "github")
    assert result.returncode == 1
    (error,) = [runner_command(line) for line in result.stdout.split("\n") if line.startswith("::error")]
    assert error[1]["file"] == str(corpus / "x,line=9:, 100%\r\nname.txt") and error[1]["line"] == "1"


def runner_command(line: str) -> tuple[str, dict[str, str], str]:
    """A workflow command as the runner reads it: the command, its properties and its message, unescaped."""
    assert line.startswith("::")
    info, data = line[2:].split("::", 1)
    command, _, listed = info.partition(" ")
    properties = {}
    for pair in filter(None, listed.split(",")):
        key, value = pair.split("=", 1)
        properties[key] = _unescape(value, (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ",")))
    return command, properties, _unescape(data, (("%0D", "\r"), ("%0A", "\n")))


def _unescape(text: str, mappings: tuple[tuple[str, str], ...]) -> str:
    for escaped, character in (*mappings, ("%25", "%")):
        text = text.replace(escaped, character)
    return text


def test_control_characters_of_a_name_reach_no_terminal(tmp_path: Path) -> None:
    corpus = meeting_conflict(tmp_path / "corpus", early="\x1b]0;owned\x07\x1b[2J.txt")
    result = check(corpus, "terminal")
    assert result.returncode == 1
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "␛]0;owned" in result.stdout and "␛[2J" in result.stdout  # (rich itself drops a bell)


def test_output_never_follows_a_link_planted_beside_it(tmp_path: Path) -> None:
    corpus = meeting_conflict(tmp_path / "corpus")
    victim = tmp_path / "victim"
    victim.write_text("precious", encoding="utf-8")
    (tmp_path / ".r.json.partial").symlink_to(victim)
    result = check(corpus, "json", "-o", str(tmp_path / "r.json"))
    assert result.returncode == 1
    assert victim.read_text(encoding="utf-8") == "precious"
    report = tmp_path / "r.json"
    assert not report.is_symlink() and json.loads(report.read_text(encoding="utf-8"))["findings"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".r.json.partial", "corpus", "r.json", "victim"]


def test_an_output_that_is_a_link_becomes_the_report_and_its_target_is_left_alone(tmp_path: Path) -> None:
    corpus = meeting_conflict(tmp_path / "corpus")
    victim = tmp_path / "victim"
    victim.write_text("precious", encoding="utf-8")
    (tmp_path / "r.json").symlink_to(victim)
    assert check(corpus, "json", "-o", str(tmp_path / "r.json")).returncode == 1
    assert victim.read_text(encoding="utf-8") == "precious"
    assert not (tmp_path / "r.json").is_symlink() and json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))


def test_a_report_that_fails_half_way_leaves_the_last_one_whole_and_nothing_beside_it(tmp_path: Path) -> None:
    target = tmp_path / "r.md"
    target.write_text("the last report\n", encoding="utf-8")

    def half_way(out: Output) -> None:
        out.write("half a report")
        raise RuntimeError("stopped")

    with pytest.raises(RuntimeError):
        emit_written(half_way, target)
    assert target.read_text(encoding="utf-8") == "the last report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"]
    emit_written(lambda out: out.write("a new report\n"), target)
    assert target.read_text(encoding="utf-8") == "a new report\n" and [p.name for p in tmp_path.iterdir()] == ["r.md"]
    assert target.stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# Properties: any name and any text, through every format.

# Text made of what markup, logs and terminals act on, among any characters.
_PIECES = st.sampled_from(["::", "::error file=a::b", "\n", "\r", "\r\n", "#", "# ", "<", ">", "&", '"', "'", "`",
                           "[", "](", "!", "*", "_", "|", "-", "1. ", "=", "%", ",", ":", " ", "    ", "\t", "\x00",
                           "\x1b[31m", "\x07", "\x85", "\u2028", "\ufffe", "<script>", "<img src=x onerror=alert(1)>",
                           "&amp;", "-->", "]]>", "@", "\\"])
HOSTILE = st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=8).map("".join)
NAMES = st.lists(HOSTILE.filter(bool), min_size=1, max_size=3, unique=True)
# What a statement matched and the value it read are never blank (bold around nothing would be a rule in Markdown).
WORDS = HOSTILE.filter(str.strip)


@st.composite
def reports(draw: st.DrawFn) -> Report:
    """A report whose every piece of text came from the inputs: names, sentences, front matter, rules, reasons."""
    names = draw(NAMES)
    when = dt.date(2023, 3, 14)
    # Kinds that judge each article alone: a finding's statements need no reading of their own (data) to be drawn.
    kind = draw(st.sampled_from(["spelling", "elapsed", "date-sanity"]))
    claim, title = draw(HOSTILE.filter(bool)), draw(HOSTILE)
    statements, articles, texts = [], [], {}
    for number, name in enumerate(names):
        before, words, after = draw(HOSTILE), draw(WORDS), draw(HOSTILE)
        quote = before + words + after
        value = draw(st.one_of(WORDS, st.tuples(WORDS, WORDS)))
        statements.append(Statement(
            claim=claim, article=name, path=f"corpus/{name}.txt", published=when, line=1, column=len(before) + 1,
            start=len(before), end=len(before) + len(words), quote=quote, quote_start=0, text=words, value=value,
            explanation=draw(HOSTILE), highlights=((len(before), len(before) + len(words)),), end_line=1,
            end_column=len(before) + len(words) + 1, utf16_column=len(before) + 1,
            utf16_end_column=len(before) + len(words) + 1))
        url = draw(st.one_of(HOSTILE, st.just(f"https://example.org/{number}")))
        articles.append(ArticleInfo(name, f"corpus/{name}.txt", when, title=draw(HOSTILE), source=draw(HOSTILE),
                                    url=url, outside=draw(st.one_of(st.just(""), HOSTILE))))
        texts[name] = quote
    decision = draw(st.one_of(st.none(), st.builds(Decision, st.sampled_from(["accepted", "confirmed"]), HOSTILE,
                                                   HOSTILE, HOSTILE)))
    finding = Finding(claim, title, kind, draw(st.sampled_from(["conflict", "warning", "consistent"])),
                      draw(HOSTILE), tuple(statements), group_values(statements), decision=decision,
                      also=tuple(draw(st.lists(HOSTILE, max_size=2))),
                      grouped_under=draw(st.one_of(st.none(), HOSTILE)))
    return Report(articles=tuple(articles), findings=(finding,),
                  skipped=tuple(Skipped(path, reason) for path, reason in draw(st.lists(st.tuples(HOSTILE, HOSTILE),
                                                                                        max_size=2))),
                  warnings=tuple(draw(st.lists(HOSTILE, max_size=2))),
                  baseline_gone=tuple(draw(st.lists(HOSTILE, max_size=2))), texts=MappingProxyType(texts))


def written(output_format: str, report: Report) -> str:
    return to_text(get(output_format).write, report, Options())


@given(reports())
def test_any_input_makes_an_html_page_of_our_elements_only(report: Report) -> None:
    page = assert_safe_page(written("html", report))
    shown = "".join(page.text)
    assert all(article.path in shown for article in report.articles)  # shown as it stands


@given(reports())
def test_any_input_makes_markdown_with_our_headings_links_and_no_html(report: Report) -> None:
    document = written("markdown", report)
    tokens = MarkdownIt("commonmark").enable("table").parse(document)
    finding = report.findings[0]
    sections = sum(bool(part) for part in (report.skipped, [a for a in report.articles if a.outside],
                                           report.warnings, report.baseline_gone))
    headings = [t for t in tokens if t.type == "heading_open"]
    assert len(headings) == 1 + (finding.status != "consistent") + sections
    assert not [t for t in tokens if t.type in ("html_block", "code_block", "fence", "hr")]
    inline = _inline(tokens)
    assert not [t for t in inline if t.type in ("image", "html_inline")]
    assert all(t.attrs["href"].startswith("https://example.org/") for t in inline if t.type == "link_open")
    assert command_lines(document) == []


_NOT_XML = re.compile("[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@given(reports())
def test_any_input_makes_junit_xml_that_parses_and_gives_back_the_names(report: Report) -> None:
    document = written("junit", report)
    suite = ET.fromstring(document)
    names = [case.get("name") for case in suite.iter("testcase")]
    finding = report.findings[0]
    assert names[0] == _NOT_XML.sub("\ufffd", finding.title)
    assert names[1:len(report.skipped) + 1] == [_NOT_XML.sub("\ufffd", s.path) for s in report.skipped]
    failure = suite.find(".//failure")
    if failure is not None:
        assert failure.get("message") == _NOT_XML.sub("\ufffd", finding.message)
    assert command_lines(document) == []


@given(reports())
def test_any_input_prints_no_workflow_command_and_no_control_character_in_the_terminal(report: Report) -> None:
    text = written("terminal", report)
    assert command_lines(text) == []
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", text)


@given(reports())
def test_any_input_makes_github_commands_that_give_back_their_files_and_messages(report: Report) -> None:
    written_out = written("github", report)
    lines = re.split(r"\r\n|\r|\n", written_out.removesuffix("\n")) if written_out else []  # as the runner reads
    assert all(line.startswith("::") for line in lines)
    commands = [runner_command(line) for line in lines]
    finding = report.findings[0]
    annotated = finding.status != "consistent" and finding.grouped_under is None
    files = [properties.get("file") for _, properties, _ in commands]
    assert files[:annotated + len(report.skipped)] == (
        [finding.anchor.path] if annotated and finding.anchor else []) + [s.path for s in report.skipped]
    if annotated:
        assert commands[0][1]["title"] == finding.title and commands[0][2].startswith(f"{finding.claim}: ")


@given(reports())
def test_any_input_round_trips_through_json_and_sarif(report: Report) -> None:
    data = json.loads(written("json", report))
    assert [a["path"] for a in data["articles"]] == [a.path for a in report.articles]
    assert [s["quote"] for s in data["findings"][0]["statements"]] == [s.quote for s in report.findings[0].statements]
    assert [s["path"] for s in data["skipped"]] == [s.path for s in report.skipped]
    sarif = json.loads(written("sarif", report))
    for result in sarif["runs"][0]["results"]:
        snippet = result["locations"][0]["physicalLocation"]["region"]["snippet"]["text"]
        assert snippet in {s.text for s in report.findings[0].statements}


# Properties of the escapes themselves.

@given(st.lists(HOSTILE, max_size=6))
def test_no_line_is_a_workflow_command_however_the_text_is_written_in_pieces(pieces: list[str]) -> None:
    whole = "".join(pieces)
    out = io.StringIO()
    lines = LogLines(out)
    for piece in pieces:
        lines.write(piece)
    lines.flush()
    assert out.getvalue() == log_lines(whole)
    assert command_lines(log_lines(whole)) == []
    assert log_lines(whole).replace("\\::", "::") == whole.replace("\\::", "::")  # only backslashes added


@given(HOSTILE, HOSTILE)
def test_html_ids_are_strict_and_tell_names_apart(first: str, second: str) -> None:
    assert SAFE_ID.fullmatch(html_id("s", first, "3"))
    assert (html_id("s", first) == html_id("s", second)) == (first == second)


@given(HOSTILE)
def test_markdown_code_spans_and_lines_hold_one_line_of_anything(text: str) -> None:
    for escaped in (markdown_code(text), markdown_line(text)):
        assert "\n" not in escaped and "\r" not in escaped
        tokens = MarkdownIt("commonmark").parse(f"- {escaped}\n\n{escaped}\n")
        assert [t.type for t in tokens if t.type.endswith("_open")] == [
            "bullet_list_open", "list_item_open", "paragraph_open", "paragraph_open"] or not escaped.strip()
    assert visible(text, keep="\n").count("\n") == text.count("\n")
