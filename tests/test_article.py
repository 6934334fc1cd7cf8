"""Reading articles: both header styles, positions, and every way an input can be unusable."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from factcheck.inputs.article import ArticleError, load_corpus, parse_article, read_article


def test_seed_header_with_first_paragraph_on_the_same_line() -> None:
    article = parse_article(" date 2022-04-26 The first paragraph.\n\nThe second.", "corpus/001_abc.txt")
    assert (article.id, article.published) == ("001_abc", dt.date(2022, 4, 26))
    assert article.text[article.body_start:].startswith("The first paragraph.")


def test_front_matter_header() -> None:
    text = "---\ndate: 2022-04-26\ntitle: \"Envoy flies in\"\nsource: Wire\nurl: https://example.org/a\n---\nBody text."
    article = parse_article(text, "a.md")
    assert (article.published, article.title, article.source, article.url) == (
        dt.date(2022, 4, 26), "Envoy flies in", "Wire", "https://example.org/a")
    assert article.text[article.body_start:] == "Body text."


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_and_column_are_right_whatever_the_line_ends(newline: str) -> None:
    text = newline.join([" date 2022-04-26 Headline", "", "Second paragraph with Target word."])
    article = parse_article(text, "a.txt")
    assert article.position(text.index("Target")) == (3, len("Second paragraph with ") + 1)


def test_byte_order_mark_and_windows_1252(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes("\ufeff date 2022-04-26 Body.".encode("utf-8"))
    (tmp_path / "cp.txt").write_bytes(" date 2022-04-26 Caf\xe9 \x93quoted\x94.".encode("latin-1"))
    assert read_article(tmp_path / "bom.txt").published == dt.date(2022, 4, 26)
    legacy = read_article(tmp_path / "cp.txt")
    assert "Café “quoted”" in legacy.text
    assert "Windows-1252" in legacy.warnings[0]


@pytest.mark.parametrize("content,reason", [
    (b"", "empty file"),
    (b"Just text, no date.", "no publication date"),
    (b" date 2022-02-30 Body.", "does not exist"),
    (b" date 26/04/2022 Body.", "YYYY-MM-DD"),
    (b"%PDF-1.4\x00\x01\x02", "binary file"),
])
def test_unusable_articles_say_why(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleError, match=reason):
        read_article(path)


def test_a_default_publication_date_rescues_an_undated_article(tmp_path: Path) -> None:
    (tmp_path / "plain.txt").write_text("Just text.")
    article = read_article(tmp_path / "plain.txt", default_published=dt.date(2022, 4, 26))
    assert article.published == dt.date(2022, 4, 26)


def test_corpus_loading_loses_nothing(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(" date 2022-04-26 Good.")
    (tmp_path / "b.md").write_text("---\ndate: 2022-04-27\n---\nAlso good.")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(" date 2022-04-28 Same name as a.txt, in a subfolder: its own id.")
    (tmp_path / "a.md").write_text(" date 2022-04-28 Same path as a.txt but for the suffix.")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    articles, skipped = load_corpus([tmp_path, tmp_path / "nope.txt"])
    assert [a.id for a in articles] == ["a", "b", "sub/a"]
    reasons = {Path(s.path).name: s.reason for s in skipped}
    assert reasons["notes.pdf"].startswith("not an article file")
    assert reasons["empty.txt"] == "empty file"
    assert "duplicate article id 'a'" in reasons["a.txt"]
    assert reasons["dangling.txt"] == "broken symbolic link"
    assert reasons["nope.txt"] == "no such file"


def test_toml_front_matter_gives_the_date_title_and_link(tmp_path: Path) -> None:
    (tmp_path / "page.md").write_text('+++\ntitle = "Ferry runs aground"\ndate = 2024-03-14T08:30:00+01:00\n'
                                      'url = "https://harbour.example/ferry"\ndraft = false\n+++\n\nThe ferry ran '
                                      "aground on Tuesday.\n")
    article = read_article(tmp_path / "page.md")
    assert article.published == dt.date(2024, 3, 14)
    assert (article.title, article.url) == ("Ferry runs aground", "https://harbour.example/ferry")
    assert article.text[article.body_start:].strip() == "The ferry ran aground on Tuesday."
    (tmp_path / "broken.md").write_text('+++\ndate = 2024-03-14\ntitle = "unclosed\n+++\nText.\n')
    with pytest.raises(ArticleError, match="not valid TOML"):
        read_article(tmp_path / "broken.md", default_published=dt.date(2024, 1, 1))  # never read under another date
