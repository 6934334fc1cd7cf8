"""The HTML report and the review ledger; the report is also opened in a real browser (headless Chromium)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main

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
    # Nothing to fetch: it works from an e-mail attachment (URLs in article text are text, not links).
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//|url\(|@import""", html)
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
        ARTIFACTS.mkdir(exist_ok=True)
        page.goto(report_path.as_uri())
        page.screenshot(path=str(ARTIFACTS / "html-report.png"), full_page=False)
        browser.close()
