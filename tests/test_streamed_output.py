"""Reports are written as they are made, a finding at a time; the text is exactly the whole document's."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from click.testing import CliRunner

from factcheck import formatters
from factcheck.cli import main
from factcheck.formatters.json_stream import Items, Records, write_json

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed corpus with a file that is skipped, so that every part of a report has something in it."""
    folder = tmp_path_factory.mktemp("streamed") / "corpus"
    shutil.copytree(ROOT / "corpus", folder)
    (folder / "broken.txt").write_bytes(b"\x00\x01binary")
    return folder


def check(corpus: Path, output_format: str, *options: str) -> str:
    result = CliRunner().invoke(main, ["check", str(corpus), "--rules", str(ROOT / "rules"), "--no-db",
                                       "--format", output_format, *options], catch_exceptions=False)
    assert result.exit_code == 1, result.output
    return result.output


@pytest.mark.parametrize("output_format", ["json", "sarif"])
def test_json_reports_are_exactly_what_a_whole_document_dump_writes(corpus: Path, output_format: str) -> None:
    written = check(corpus, output_format)
    document = json.loads(written)
    assert written == json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    assert document.get("skipped") or document["runs"][0]["invocations"][0]["toolExecutionNotifications"]


def test_junit_is_indented_as_a_whole_tree_is(corpus: Path) -> None:
    written = check(corpus, "junit")
    tree = ET.fromstring(written.split("\n", 1)[1])
    ET.indent(tree)
    assert written == '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(tree, encoding="unicode") + "\n"
    assert tree.find("testsuite/testcase/skipped") is not None


@pytest.mark.parametrize("output_format", formatters.NAMES)
def test_a_report_file_holds_the_same_text_as_standard_output(corpus: Path, tmp_path: Path,
                                                              output_format: str) -> None:
    out = tmp_path / f"report.{output_format}"
    check(corpus, output_format, "-o", str(out))
    assert out.read_text(encoding="utf-8") == check(corpus, output_format)


def test_an_empty_report_is_still_a_complete_document(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    for output_format in ("json", "sarif", "junit"):
        result = CliRunner().invoke(main, ["check", str(tmp_path), "--rules", str(ROOT / "rules"), "--no-db",
                                           "--format", output_format])
        assert result.exit_code == 2
        text = result.stdout
        if output_format == "junit":
            assert ET.fromstring(text.split("\n", 1)[1]).find("testsuite").get("tests") == "1"
        else:
            assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("make", [
    lambda: {"a": Items([]), "b": []},
    lambda: {"a": Items(iter([1, "two\nlines", {"x": Items({"deep": [None, 1.5, "é"]} for _ in range(2))}]))},
    lambda: [Items([{}, [], ""]), {"k": Items([Items([])])}],
    lambda: Items(["\u2028", "\x1b[31m"]),
    # flat records, written without json.dumps's indenting encoder
    lambda: {"articles": Items([{"id": 'a"b', "n": 1, "f": 2.5, "t": True, "z": None}, {"é": "\u2028\n"}, {}])},
    lambda: Items([Items([{"deep": 1e100, "k": -0.0}])]),
    lambda: {"articles": Records(("id", "path"), iter([('a"1', "p\\é"), ("b", None)])), "after": 1},
    lambda: [Records(("id",), iter([]))],
    lambda: Items([{1: "x", "k": "é"}, {"s": type("Text", (str,), {})("é")}]),  # a key json.dumps turns to text
])
def test_streamed_json_is_json_dumps_text(make: Callable[[], object]) -> None:
    def plain(item: object) -> object:
        if isinstance(item, Items):
            item = list(item.items)
        if isinstance(item, Records):
            item = [dict(zip(item.keys, row, strict=True)) for row in item.rows]
        if isinstance(item, dict):
            return {key: plain(v) for key, v in item.items()}
        if isinstance(item, list):
            return [plain(v) for v in item]
        return item

    expected = json.dumps(plain(make()), ensure_ascii=False, indent=2)
    pieces: list[str] = []

    class Sink:
        def write(self, text: str) -> None:
            pieces.append(text)

    write_json(make(), Sink())
    assert "".join(pieces) == expected
