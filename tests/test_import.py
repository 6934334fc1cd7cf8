"""`factcheck import`: saved web pages (invented outlets, written by the tests) into articles factcheck reads."""

from __future__ import annotations

import datetime as dt
import json
import sys
from html import escape
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.inputs.article import read_article
from factcheck.inputs.web import MissingExtra, convert_page, require_extra, slug


def _extra_installed() -> bool:
    try:
        require_extra()
    except MissingExtra:
        return False
    return True


needs_extra = pytest.mark.skipif(not _extra_installed(), reason="the import extra is not installed: "
                                                                "pip install -e '.[import]'")

STORY = [
    "A passenger train collided with a goods train near Korvel on Saturday, killing at least 15 people, the rail "
    "operator said.",
    "Transport Minister Irina Mekhta visited the crash site on Sunday and promised an inquiry into the signalling "
    "on the line.",
    "More than 200 firefighters were sent to the wreck, and the injured were taken to the district hospital.",
    "The line through the Ister valley will stay closed until the end of the week, and buses will replace trains.",
]

RULES = """
[entities.korvel]
kind = "place"
name = "Korvel"

[entities.mekhta]
kind = "person"
name = "Irina Mekhta"
variants = ["Mekhta"]

[[claims]]
id = "crash-date"
kind = "date"
title = "Day the trains collided"
event = "incident"
place = "korvel"

[[claims.examples]]
text = "A passenger train collided with a goods train near Korvel on Saturday."
published = "2023-11-13"
value = "2023-11-11"
"""


def news_page(*, title: str = "Two trains collide near Korvel", site: str | None = "Ister Herald",
              canonical: str | None = "https://www.isterherald.example/news/korvel-train-collision",
              published: str | None = "2023-11-13T08:30:00+01:00", modified: str | None = "2023-11-15T10:00:00+01:00",
              time: str | None = None, paragraphs: list[str] | None = None) -> str:
    """An invented news page as a browser saves it: the story amid a menu, an ad, related links and a footer."""
    head = [f"<title>{escape(title)} | {site or 'News'}</title>",
            f'<meta property="og:title" content="{escape(title)}">']
    if site:
        head.append(f'<meta property="og:site_name" content="{site}">')
    if canonical:
        head.append(f'<link rel="canonical" href="{canonical}">')
    if published:
        head.append(f'<meta property="article:published_time" content="{published}">')
    if modified:
        head.append(f'<meta property="article:modified_time" content="{modified}">')
    byline = f'<p class="byline">By Anja Roslav, <time datetime="{time}">{time}</time></p>' if time else ""
    story = "\n".join(f"<p>{paragraph}</p>" for paragraph in (STORY if paragraphs is None else paragraphs))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
{chr(10).join(head)}
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li>
</ul></nav></header>
<div class="ad">Subscribe now and save 50% on the premium edition of the Herald!</div>
<main><article><h1>{escape(title)}</h1>
{byline}
{story}
</article></main>
<aside class="related"><h2>Related</h2><ul><li><a href="/floods">Floods in the lowlands of Lesovia</a></li></ul></aside>
<footer><p>Copyright 2023. All rights reserved. Contact us | Privacy policy | Cookie settings</p></footer>
</body></html>
"""


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def run(*args: str | Path):
    return CliRunner().invoke(main, ["import", *map(str, args)])


@needs_extra
def test_a_saved_page_becomes_an_article_with_the_story_and_none_of_the_page_around_it(tmp_path: Path) -> None:
    page = write(tmp_path, "saved/Korvel crash - Ister Herald.html", news_page())
    result = run(page, "-o", tmp_path / "corpus" / "korvel")
    assert result.exit_code == 0, result.output
    article = tmp_path / "corpus" / "korvel" / "two-trains-collide-near-korvel.md"
    assert f"{page} -> {article}" in result.stdout
    assert result.stdout.splitlines()[-1] == f"imported 1 page into {tmp_path / 'corpus' / 'korvel'}/, skipped 0"
    text = article.read_text(encoding="utf-8")
    for sentence in STORY:
        assert sentence in text
    assert "\n\n".join(STORY) in text  # one paragraph each, separated by blank lines
    for boilerplate in ("Subscribe now", "Sport", "Floods in the lowlands", "All rights reserved", "Cookie settings"):
        assert boilerplate not in text


@needs_extra
def test_the_front_matter_reads_back_as_the_pages_title_source_url_and_publication_date(tmp_path: Path) -> None:
    page = write(tmp_path, "page.html", news_page(time="2023-11-13T08:30"))
    assert run(page, "-o", tmp_path / "story").exit_code == 0
    article = read_article(tmp_path / "story" / "two-trains-collide-near-korvel.md")
    assert article.title == "Two trains collide near Korvel"
    assert article.source == "Ister Herald"
    assert article.url == "https://www.isterherald.example/news/korvel-train-collision"
    assert article.published == dt.date(2023, 11, 13)  # published, not the modified date of November 15
    assert not article.date_assumed
    assert article.text[article.body_start:].lstrip().startswith(("Two trains collide", "A passenger train"))


@needs_extra
def test_awkward_titles_survive_the_front_matter_line_by_line(tmp_path: Path) -> None:
    title = "\"We will rebuild\": Mekhta's promise at   Korvel -- 'a dark day'"
    page = news_page(title=title, site=None, canonical="https://www.valdora-post.example/news/korvel")
    converted = convert_page(page.encode(), "page.html")
    # The reader strips straight quotes at a value's ends: those are written as typographic ones, the rest as is.
    assert converted.title == "\u201cWe will rebuild\": Mekhta's promise at Korvel -- 'a dark day\u2019"
    assert converted.source == "valdora-post.example"  # no site name: the host of the URL
    path = write(tmp_path, f"{converted.stem}.md", converted.text)
    article = read_article(path)
    assert (article.title, article.source, article.url, article.published) == (
        converted.title, converted.source, converted.url, converted.published)
    assert converted.stem == "we-will-rebuild-mekhta-s-promise-at-korvel-a-dark-day"


def test_slugs_are_short_plain_file_names() -> None:
    assert slug("Crash at Kórvel: 15 dead, Mekhta «shocked»") == "crash-at-korvel-15-dead-mekhta-shocked"
    assert len(slug("word " * 40)) <= 80 and not slug("word " * 40).endswith("-")
    assert slug("?!") == ""


@needs_extra
def test_a_date_only_the_story_tells_never_dates_the_page(tmp_path: Path) -> None:
    # The crash day is in the story; the page itself gives no date. Dating it by the story would be a day wrong.
    undated = ["A passenger train collided with a goods train near Korvel on 11 November 2023, the operator said.",
               *STORY[1:]]
    page = write(tmp_path, "page.html", news_page(published=None, modified=None, canonical=None, paragraphs=undated))
    skipped = run(page, "-o", tmp_path / "story")
    assert skipped.exit_code == 2
    assert f"skipped {page}: no publication date found on the page; give one with --published" in skipped.stderr
    assert not (tmp_path / "story").exists()  # nothing imported, no folder made

    dated = run(page, "-o", tmp_path / "story", "--published", "2023-11-14")
    assert dated.exit_code == 0, dated.output
    assert "no publication date on the page; dated 2023-11-14 (--published)" in dated.stderr
    assert read_article(tmp_path / "story" / "two-trains-collide-near-korvel.md").published == dt.date(2023, 11, 14)


@needs_extra
def test_the_pages_own_date_wins_over_published(tmp_path: Path) -> None:
    page = write(tmp_path, "page.html", news_page(published=None, modified=None, time="2023-11-13"))
    assert run(page, "-o", tmp_path / "story", "--published", "2023-12-01").exit_code == 0
    assert read_article(tmp_path / "story" / "two-trains-collide-near-korvel.md").published == dt.date(2023, 11, 13)


@needs_extra
def test_every_page_that_cannot_be_imported_is_listed_with_its_reason(tmp_path: Path) -> None:
    good = write(tmp_path, "good.html", news_page())
    cases = {
        write(tmp_path, "notes.html", "Call the operator about the timetable."): "not an HTML page",
        write(tmp_path, "photo.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"): "binary file",
        write(tmp_path, "menu.html", "<html><body><nav><a href='/'>Home</a></nav><footer>Herald</footer></body>"
                                     "</html>"): "no main text found",
        write(tmp_path, "draft.md", "---\ndate: 2023-11-13\n---\nText.\n"): "already an article file",
        write(tmp_path, "big.html", news_page() + "<!--" + "x" * 10_000 + "-->"): "over the size limit",
        tmp_path / "gone.html": "no such file",
        tmp_path / "saved": "is a directory",
    }
    (tmp_path / "saved").mkdir()
    result = run(good, *cases, "-o", tmp_path / "story", "--max-size", "9000")
    assert result.exit_code == 0, result.output  # one page imported: the others are listed, the run goes on
    listed = {line.split(": ", 2)[1].removeprefix("skipped "): line.split(": ", 2)[2]
              for line in result.stderr.splitlines()}
    for path, reason in cases.items():
        assert reason in listed[str(path)], (path, listed[str(path)])
    assert "Traceback" not in result.output
    assert result.stdout.splitlines()[-1] == f"imported 1 page into {tmp_path / 'story'}/, skipped {len(cases)}"

    none = run(*cases, "-o", tmp_path / "other", "--max-size", "9000")
    assert none.exit_code == 2
    assert none.stdout.splitlines()[-1] == f"imported 0 pages into {tmp_path / 'other'}/, skipped {len(cases)}"


@needs_extra
def test_an_article_already_in_the_folder_is_never_overwritten(tmp_path: Path) -> None:
    folder = tmp_path / "story"
    other = write(folder, "two-trains-collide-near-korvel.md", "---\ndate: 2023-11-12\n---\nAn editor's own text.\n")
    page = write(tmp_path, "page.html", news_page())
    result = run(page, "-o", folder)
    assert result.exit_code == 0, result.output
    assert other.read_text(encoding="utf-8") == "---\ndate: 2023-11-12\n---\nAn editor's own text.\n"
    imported = folder / "two-trains-collide-near-korvel-2.md"
    assert f"{page} -> {imported}" in result.stdout
    original = imported.read_text(encoding="utf-8")

    again = run(page, "-o", folder)  # the same page again: left as it is
    assert again.exit_code == 0
    assert f"{page}: already imported as {imported} (--force to import it again)" in again.stdout
    assert again.stdout.splitlines()[-1] == f"imported 0 pages into {folder}/, 1 already there, skipped 0"
    assert sorted(p.name for p in folder.iterdir()) == ["two-trains-collide-near-korvel-2.md",
                                                          "two-trains-collide-near-korvel.md"]

    imported.write_text(original.replace("at least 15", "at least 16"), encoding="utf-8")
    forced = run(page, "-o", folder, "--force")  # --force writes the page again over its own file only
    assert forced.exit_code == 0
    assert imported.read_text(encoding="utf-8") == original
    assert other.read_text(encoding="utf-8") == "---\ndate: 2023-11-12\n---\nAn editor's own text.\n"


@needs_extra
def test_pages_with_the_same_title_get_names_of_their_own_and_a_page_saved_twice_is_imported_once(
        tmp_path: Path) -> None:
    first = write(tmp_path, "herald.html", news_page())
    copy = write(tmp_path, "herald (1).html", news_page())
    second = write(tmp_path, "courier.html", news_page(site="Valdora Courier",
                                                         canonical="https://courier.example/korvel"))
    folder = tmp_path / "a" / "new" / "story"  # made, parents too
    result = run(first, copy, second, "-o", folder)
    assert result.exit_code == 0, result.output
    assert f"{first} -> {folder / 'two-trains-collide-near-korvel.md'}" in result.stdout
    assert f"{second} -> {folder / 'two-trains-collide-near-korvel-2.md'}" in result.stdout
    assert (f"skipped {copy}: the same page as {first} (both are "
            "https://www.isterherald.example/news/korvel-train-collision)") in result.stderr
    assert read_article(folder / "two-trains-collide-near-korvel-2.md").source == "Valdora Courier"


def test_an_output_that_is_a_file_is_refused(tmp_path: Path) -> None:
    page = write(tmp_path, "page.html", news_page())
    result = run(page, "-o", write(tmp_path, "story", "not a folder"))
    assert result.exit_code == 2
    assert "is a file" in result.output


def test_without_the_extra_it_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # `import trafilatura` now raises ImportError
    page = write(tmp_path, "page.html", news_page())
    result = run(page, "-o", tmp_path / "story")
    assert result.exit_code == 2
    assert "factcheck import needs the import extra: pip install -e '.[import]'" in result.stderr
    assert isinstance(result.exception, SystemExit)  # a message, not a traceback
    assert not (tmp_path / "story").exists()


@needs_extra
def test_imported_pages_are_checked_end_to_end(tmp_path: Path) -> None:
    later = ["A passenger train collided with a goods train near Korvel on Sunday, killing at least 15 people, "
             "the rail operator said.", *STORY[1:]]
    herald = write(tmp_path, "herald.html", news_page())
    courier = write(tmp_path, "courier.html", news_page(
        title="Korvel collision: inquiry ordered", site="Valdora Courier", canonical="https://courier.example/k",
        paragraphs=later))
    assert run(herald, courier, "-o", tmp_path / "corpus" / "korvel").exit_code == 0
    write(tmp_path, "rules/korvel.toml", RULES)
    result = CliRunner().invoke(main, ["check", str(tmp_path / "corpus"), "--rules", str(tmp_path / "rules"),
                                       "--format", "json"])
    assert result.exit_code == 1, result.output
    findings = {f["claim"]: f for f in json.loads(result.stdout)["findings"]}
    assert findings["crash-date"]["status"] == "conflict"
