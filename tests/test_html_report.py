"""The HTML report and the review ledger; the report is also opened in a real browser (headless Chromium)."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import struct
import subprocess
import zlib
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from types import MappingProxyType

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.findings import Finding, Report, Statement, group_values
from factcheck.formatters import Options, to_text
from factcheck.formatters import html as html_format
from factcheck.kinds.presence import Presence

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
INJECTED = ('<script>window.injected = 1</script><img src="x" onerror="window.injected = 2">'
            " The UN chief met Putin on Tuesday.")


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    (tmp_path / "corpus" / "zz-injected.txt").write_text(f" date 2022-04-26 {INJECTED}\n")
    return tmp_path / "corpus"


@pytest.fixture()
def report_path(corpus: Path, tmp_path: Path) -> Path:
    path = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["check", str(corpus), "--rules", str(ROOT / "rules"), "--format", "html",
                                       "-o", str(path)])
    assert result.exit_code == 1
    return path


def test_the_report_is_self_contained_and_escapes_article_text(report_path: Path) -> None:
    html = report_path.read_text()
    assert "<script" not in html and "&lt;script&gt;window.injected = 1&lt;/script&gt;" in html
    assert 'onerror="' not in html
    # Nothing to fetch: it works from an e-mail attachment (URLs in article text are text, not links; an article's
    # own address, where its record has one, is a link to follow, not a resource to load).
    assert not re.search(r"""src=["']?(?:https?:)?//|url\(|@import|<link""", html)
    assert not re.search(r"""<(?!a )[^>]*href=["']?(?:https?:)?//""", html)
    assert 'class="card conflict"' in html and '<svg class="timeline"' in html and '<svg class="chart"' in html
    assert 'id="article-004_5411c03a7f8b04e4"' in html


def test_decisions_recorded_in_the_ledger_show_and_stop_failing(corpus: Path, tmp_path: Path) -> None:
    reviews = tmp_path / "reviews.toml"
    runner = CliRunner()
    result = runner.invoke(main, ["review", str(corpus), "--rules", str(ROOT / "rules"), "--reviews", str(reviews),
                                  "--reviewer", "Ada Editor"],
                           input="accepted\nschedule changed, both right at the time\n" * 2 + "skip\n" * 10)
    assert result.exit_code == 0, result.output
    assert "Recorded in" in result.output and reviews.exists()
    decided = runner.invoke(main, ["check", str(corpus), "--rules", str(ROOT / "rules"), "--reviews", str(reviews),
                                   "--format", "json"])
    report = json.loads(decided.output)
    putin = next(f for f in report["findings"] if f["claim"] == "putin-meeting-date")
    assert putin["decision"]["verdict"] == "accepted" and putin["decision"]["reviewer"] == "Ada Editor"
    assert decided.exit_code == 0  # both conflicts (the Putin meeting's day, and where it puts him) are accepted
    terminal = runner.invoke(main, ["check", str(corpus), "--rules", str(ROOT / "rules"), "--reviews", str(reviews)])
    assert "DECIDED: accepted by Ada Editor" in terminal.output
    html_path = tmp_path / "decided.html"
    runner.invoke(main, ["check", str(corpus), "--rules", str(ROOT / "rules"), "--reviews", str(reviews),
                         "--format", "html", "-o", str(html_path)])
    assert "Reviewed: <strong>accepted</strong> by Ada Editor" in html_path.read_text()


def _chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        pytest.skip("Chromium is not installed (Debian package 'chromium'); the browser test cannot run")
    return path


def test_the_report_in_a_real_browser(report_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
    executable = _chromium()
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        page.goto(report_path.as_uri())
        conflict = page.locator(".card.conflict").first
        assert conflict.is_visible()
        assert "Day Guterres met Putin" in conflict.inner_text()
        assert conflict.locator("svg.timeline").is_visible()
        sentence = conflict.locator("blockquote", has_text="scheduled for Thursday, April 28").first
        assert sentence.is_visible()
        assert sentence.locator("mark", has_text="Thursday, April 28").is_visible()
        link = conflict.locator("a", has_text="004_5411c03a7f8b04e4").first
        target = link.get_attribute("href")
        link.click()
        assert page.evaluate("location.hash") == target
        anchored = page.locator(target)
        assert anchored.is_visible() and anchored.evaluate(
            "e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }")
        assert page.evaluate("typeof window.injected") == "undefined"  # the article's <script> did not run
        assert page.get_by_text("<script>window.injected = 1</script>", exact=False).first.is_visible()
        # The summary's link to a folded consistent claim brings its card into view, folded.
        page.goto(report_path.as_uri())
        row_link = page.locator("#summary details.agreeing summary")
        row_link.click()
        page.locator("#summary a", has_text="Day Guterres met Lavrov").click()
        card = page.locator(page.evaluate("location.hash"))
        assert card.is_visible() and card.locator("details").get_attribute("open") is None
        assert not card.locator("ol").is_visible()
        ARTIFACTS.mkdir(exist_ok=True)
        page.goto(report_path.as_uri())
        page.screenshot(path=str(ARTIFACTS / "html-report.png"), full_page=False)
        # A reader whose system is dark gets the dark scheme: a dark page, light ink.
        dark = browser.new_page(viewport={"width": 1100, "height": 900}, color_scheme="dark")
        dark.goto(report_path.as_uri())
        assert dark.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(12, 17, 29)"
        assert dark.evaluate("getComputedStyle(document.body).color") == "rgb(228, 231, 236)"
        dark.screenshot(path=str(ARTIFACTS / "html-report-dark.png"), full_page=False)
        browser.close()


# The structure of the page, parsed.

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass(eq=False)  # a node is itself (its parent links make a field-by-field comparison endless)
class Node:
    tag: str
    attrs: dict[str, str]
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    text: list[str] = field(default_factory=list)

    def iter(self) -> list[Node]:
        return [self, *(n for child in self.children for n in child.iter())]

    def find_all(self, tag: str, css: str | None = None) -> list[Node]:
        return [n for n in self.iter()[1:] if n.tag == tag and (css is None or css in n.attrs.get("class", "").split())]

    def all_text(self) -> str:
        return "".join([*self.text, *(child.all_text() for child in self.children)])

    def ancestors(self) -> list[Node]:
        node, found = self.parent, []
        while node is not None:
            found.append(node)
            node = node.parent
        return found


class _Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = self.current = Node("#document", {})

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(node)
        if tag not in _VOID:
            self.current = node

    def handle_endtag(self, tag: str) -> None:
        node: Node | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        assert node is not None and node.parent is not None, f"</{tag}> closes nothing open"
        self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.text.append(data)


def parse(html: str) -> Node:
    tree = _Tree()
    tree.feed(html)
    tree.close()
    assert tree.current is tree.root, f"<{tree.current.tag}> left open"
    return tree.root


@pytest.fixture()
def page(report_path: Path) -> Node:
    return parse(report_path.read_text())


def _by_id(page: Node) -> dict[str, Node]:
    return {n.attrs["id"]: n for n in page.iter() if "id" in n.attrs}


def test_the_summary_table_comes_first_and_each_row_links_to_its_card(page: Node) -> None:
    main_element = page.find_all("main")[0]
    first_section = next(n for n in main_element.children if n.tag == "section")
    assert first_section.attrs["id"] == "summary"
    tables = page.find_all("table")
    assert first_section in tables[0].ancestors()  # no table, no card before the summary
    assert [h.all_text() for h in tables[0].find_all("th")] == ["Finding", "Status", "Values (sources)", "Sources"]
    ids = _by_id(page)
    cards = page.find_all("article", "card")
    links = [a.attrs["href"] for a in first_section.find_all("a")]
    assert sorted(links) == sorted(f"#{card.attrs['id']}" for card in cards)  # a row a card, every link resolves
    assert all(ids[link[1:]].tag == "article" for link in links)
    putin = next(row for row in first_section.find_all("tr") if "Day Guterres met Putin" in row.all_text())
    assert "conflict" in putin.all_text() and "disagrees" in putin.all_text() and "004_5411c03a7f8b04e4" in (
        putin.all_text())
    # The consistent claims' rows are folded below the conflicts and warnings.
    folded = first_section.find_all("details", "agreeing")[0]
    assert "open" not in folded.attrs and all("consistent" in row.attrs.get("class", "")
                                               for row in folded.find_all("tr")[1:])


def test_consistent_claims_are_folded_and_conflicts_and_warnings_open(page: Node) -> None:
    cards = page.find_all("article", "card")
    by_status = {status: [c for c in cards if status in c.attrs["class"].split()]
                 for status in ("conflict", "warning", "consistent")}
    assert all(by_status.values())
    for status, found in by_status.items():
        for card in found:
            details = [n for n in card.children if n.tag == "details"]
            assert len(details) == 1 and details[0].children[0].tag == "summary"
            assert ("open" in details[0].attrs) == (status != "consistent"), card.attrs["id"]


def test_the_timeline_has_a_legend_and_marks_the_odd_one_out(page: Node) -> None:
    putin = next(c for c in page.find_all("article", "card") if "Day Guterres met Putin" in c.all_text())
    svg = putin.find_all("svg", "timeline")[0]
    assert svg.attrs["role"] == "img" and svg.attrs["aria-labelledby"]
    ids = _by_id(page)
    assert all(ids[ref].tag in ("title", "desc") for ref in svg.attrs["aria-labelledby"].split())
    odd = [n for n in svg.iter() if "odd" in n.attrs.get("class", "").split() and n.tag in ("circle", "rect")]
    assert len(odd) == 1 and "004_5411c03a7f8b04e4" in odd[0].all_text()  # its title names the source
    assert "28 Apr 2022 — disagrees" in svg.all_text() and "on or before 27 Apr 2022" in svg.all_text()
    # A row for each day given, not for each source: the three that say 26 April share one.
    assert [t.all_text() for t in svg.find_all("text") if t.attrs.get("x") == "4"] == [
        "000_d3c4dca9e3661920", "3 sources", "004_5411c03a7f8b04e4"]
    legend = putin.find_all("ul", "legend")[0].all_text()
    assert "a day a source gives" in legend and "a bound" in legend and "disagrees" in legend
    odd_statements = putin.find_all("li", "odd")
    assert len(odd_statements) == 1 and "004_5411c03a7f8b04e4, line 17:22" in odd_statements[0].all_text()


def test_the_count_chart_is_scaled_to_the_figures_and_draws_bounds_with_their_words(page: Node) -> None:
    toll = next(c for c in page.find_all("article", "card") if "Civilians killed" in c.all_text())
    svg = toll.find_all("svg", "chart")[0]
    labels = [t.all_text() for t in svg.find_all("text")]
    assert "nearly 2,800" in labels and "More than 2,660" in labels  # the words read, on their marks
    described = _by_id(page)[svg.attrs["aria-labelledby"].split()[1]].all_text()
    assert "nearly 2,800 (2,660 to 2,800)" in described and "More than 2,660 (from 2,660, no upper limit)" in described
    assert not any("<2800" in label or ">2660" in label for label in labels)
    ticks = [float(label.replace(",", "")) for label in labels if re.fullmatch(r"[0-9,]+", label)]
    assert min(ticks) >= 2_000 and max(ticks) <= 3_500  # the axis covers the figures read, not 0 to the top
    legend = toll.find_all("ul", "legend")[0].all_text()
    assert "an interval" in legend and "an open bound" in legend
    # The value table says what the texts said, too.
    assert "nearly 2,800" in toll.find_all("table")[0].all_text()


def test_a_whereabouts_conflict_has_a_day_by_place_grid(page: Node) -> None:
    card = next(c for c in page.find_all("article", "card") if "Where Guterres was, day by day: 2022-04-28" in
                c.find_all("h3")[0].all_text())
    grid = card.find_all("table", "grid")[0]
    head = [th.all_text() for th in grid.find_all("thead")[0].find_all("th")]
    assert head == ["Place", "Mon 25 Apr", "Tue 26 Apr", "Wed 27 Apr", "Thu 28 Apr"]  # every day of the trip
    rows = {tr.find_all("th")[0].all_text(): tr.find_all("td") for tr in grid.find_all("tbody")[0].find_all("tr")}
    assert sorted(rows) == ["Russia", "Turkey", "Ukraine"]
    russia_28, ukraine_28 = rows["Russia"][3], rows["Ukraine"][3]
    assert russia_28.attrs["class"].split() == ["conflict", "odd"] and "004_5411c03a7f8b04e4" in russia_28.all_text()
    assert ukraine_28.attrs["class"] == "conflict" and "000_d3c4dca9e3661920 (planned)" in ukraine_28.all_text()
    assert "class" not in rows["Russia"][1].attrs and "003_45467038f124fd6d (departure)" in rows["Russia"][1].all_text()
    assert "conflict" in card.find_all("ul", "legend")[0].all_text()


# A made-up story, whose articles' records name their outlet (as the records a colleague adds `source` and `url`
# to will), and in which the odd one out of a whereabouts clash is a source of its own.

@dataclass(frozen=True)
class _Outlet:
    id: str
    path: str
    published: dt.date
    source: str
    url: str
    body_start: int = 0
    outside: str = ""


def _placed(article: str, place: str, day: str) -> Statement:
    when = dt.date.fromisoformat(day)
    text = f"Mara Quell was in {place} on {when:%A}."
    return Statement(claim="quell-where", article=article, path=f"corpus/{article}.txt", published=when, line=1,
                     column=1, start=0, end=len(text), quote=text, quote_start=0, text=text,
                     value=f"{place.lower()}@{day}", explanation=f"{when:%A} -> {day}: weekday",
                     extra=MappingProxyType({"who": "Mara Quell", "place": place, "movement": "",
                                             "modality": "reported"}),
                     data=Presence(place.lower(), when, False, ""))


def test_outlets_are_named_and_linked_and_the_grid_marks_the_odd_one_out() -> None:
    statements = (_placed("a1", "Valdora", "2031-05-06"), _placed("a2", "Valdora", "2031-05-06"),
                  _placed("a3", "Norvik", "2031-05-06"))
    finding = Finding("quell-where", "Where Mara Quell was, day by day: 2031-05-06", "presence", "conflict",
                      "sources put Mara Quell in two places on 2031-05-06", statements, group_values(statements))
    outlets = tuple(_Outlet(a, f"corpus/{a}.txt", dt.date(2031, 5, 6), name, f"https://example.org/{a}")
                    for a, name in (("a1", "Valdora Herald"), ("a2", "Port Elm Post"), ("a3", "Norvik Daily")))
    report = Report(articles=outlets, findings=(finding,), skipped=(),  # type: ignore[arg-type]
                    texts=MappingProxyType({s.article: s.quote for s in statements}))
    page = parse(to_text(html_format.write, report, Options()))
    summary = _by_id(page)["summary"].all_text()
    assert "disagrees" in summary and "Norvik Daily" in summary
    grid = page.find_all("table", "grid")[0]
    cells = {tr.find_all("th")[0].all_text(): tr.find_all("td")[0] for tr in grid.find_all("tbody")[0].find_all("tr")}
    assert cells["Norvik"].attrs["class"].split() == ["conflict", "odd"]
    assert cells["Norvik"].find_all("em")[0].all_text() == "Norvik Daily"
    assert cells["Valdora"].attrs["class"] == "conflict" and "Port Elm Post" in cells["Valdora"].all_text()
    originals = sorted(a.attrs["href"] for a in page.find_all("a") if a.all_text() == "original")
    assert originals == ["https://example.org/a1", "https://example.org/a2", "https://example.org/a3"]
    assert any(h.all_text() == "Norvik Daily · a3" for h in page.find_all("h3"))


# The page as a browser draws it.

def _png_pixels(png: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and rows of RGB(A) pixels of an 8-bit, non-interlaced PNG (what Chromium writes)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    at, data, header = 8, b"", b""
    while at < len(png):
        length, kind = struct.unpack(">I4s", png[at:at + 8])
        body = png[at + 8:at + 8 + length]
        header, data = (body, data) if kind == b"IHDR" else (header, data + body if kind == b"IDAT" else data)
        at += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", header[:10])
    assert depth == 8 and colour in (2, 6)
    size = 3 if colour == 2 else 4
    raw, rows, previous = zlib.decompress(data), [], bytearray(width * size)
    stride = width * size
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - size] if x >= size else 0
            up, up_left = previous[x], previous[x - size] if x >= size else 0
            if kind == 1:
                line[x] = (line[x] + left) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + up) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                guess = left + up - up_left
                near = min((abs(guess - left), 0, left), (abs(guess - up), 1, up), (abs(guess - up_left), 2, up_left))
                line[x] = (line[x] + near[2]) & 0xFF
        rows.append(bytes(line[i:i + 3]) for i in range(0, stride, size))
        rows[-1] = b"".join(rows[-1])
        previous = line
    return width, height, rows


def test_the_top_of_the_page_shows_the_summary(report_path: Path, tmp_path: Path) -> None:
    """A screenshot at a typical window size: the summary's own background fills much of the top of the page, and
    the first card's conflict colour is not there (it is below the summary)."""
    executable = _chromium()
    shot = tmp_path / "top.png"
    run = subprocess.run([executable, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                          "--force-color-profile=srgb", f"--screenshot={shot}", "--window-size=1280,900",
                          report_path.as_uri()], capture_output=True, text=True, timeout=120)
    assert shot.exists(), run.stderr
    width, height, rows = _png_pixels(shot.read_bytes())
    assert (width, height) == (1280, 900)
    summary = bytes.fromhex(html_format.SUMMARY_BACKGROUND[1:])

    def share(colour: bytes, top: int, bottom: int) -> float:
        pixels = [rows[y][x:x + 3] for y in range(top, bottom, 4) for x in range(0, width * 3, 12)]
        return sum(all(abs(a - b) <= 2 for a, b in zip(p, colour, strict=True)) for p in pixels) / len(pixels)

    assert share(summary, 90, 400) > 0.3  # the summary's box, behind its table
    assert share(summary, 0, 60) < 0.05  # above it, the page's title
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copy(shot, ARTIFACTS / "html-report-top.png")
