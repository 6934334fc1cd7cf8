"""`factcheck explain`: what the engine read in one article, sentence by sentence."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from factcheck.cli.options import (
    output_option,
    parse_date,
    rules_option,
)
from factcheck.cli.output import display, emit, fail
from factcheck.cli.running import read_stdin, valid_rules
from factcheck.explain import explain
from factcheck.extraction import STDIN, why_outside
from factcheck.formatters.explain import render_explanation
from factcheck.inputs.article import ArticleError, article_from_bytes, read_article
from factcheck.patterns import PatternTooSlow


@click.command("explain")
@click.argument("article_path", metavar="ARTICLE", type=click.Path(path_type=Path))
@rules_option
@click.option("--claim", "claim_id", metavar="ID", help="Only this claim.")
@click.option("--published", callback=parse_date, metavar="YYYY-MM-DD",
              help="Publication date if the article has no date header.")
@output_option
def explain_command(article_path: Path, rules_dir: Path, claim_id: str | None, published: dt.date | None,
                    output: Path | None, color: str) -> None:
    """Show, sentence by sentence, what factcheck read in ARTICLE (- for one on standard input) and why.

    The dates found and how each was resolved, the counts, the names, the event words of each claim, the
    statements each claim took, and the candidates it turned down with the reason.
    """
    found = valid_rules(rules_dir)
    if claim_id is not None and claim_id not in {c.id for c in found.claims}:
        fail(f"no claim '{claim_id}' in {rules_dir}; claims: {', '.join(c.id for c in found.claims)}")
    try:
        article = article_from_bytes(read_stdin(), STDIN, default_published=published) \
            if str(article_path) == STDIN else read_article(article_path, default_published=published)
    except ArticleError as error:
        fail(f"{article_path}: {error}")
    try:
        traces = explain(article, found, claim_id)
    except PatternTooSlow as error:  # a rule's cue that backtracks catastrophically on this article
        fail(f"{article_path}: {error}; simplify the rules' cues")
    shown = display(output, True, color)
    emit(render_explanation(str(article_path), traces, shown, why_outside(article, found)), output)
