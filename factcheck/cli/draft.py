"""`factcheck rules draft`: a first rule file drafted from a corpus, and the draft `check --draft` runs at once."""

from __future__ import annotations

import contextlib
import datetime as dt
import shlex
import tempfile
from collections.abc import Iterator
from pathlib import Path

import click

from factcheck.cli.options import corpus_options
from factcheck.cli.output import emit, fail
from factcheck.drafting.draft import Draft, draft
from factcheck.drafting.render import explanation, rule_file
from factcheck.formatters.escape import log_lines, terminal_text
from factcheck.inputs.article import Article, load_corpus
from factcheck.rules.load import defined_ids, validate

DRAFT_NAME = "draft.toml"


def drafted(corpus: tuple[Path, ...], published: dt.date | None, max_size: int,
            min_sources: int, *, say_skipped: bool = True, beside: Path | None = None,
            fewer: str = "--min-sources 1") -> tuple[Draft, list[Article], str]:
    """The draft of a corpus, its articles and the rule file's text; every input skipped is said on standard error,
    and a corpus with no usable article or no claim borne out exits 2, advising `fewer` (how the caller's command
    asks for fewer sources). A draft to be written at `beside` takes ids the other rule files of its folder do not."""
    inputs = list(corpus) or [Path("corpus")]
    articles, skipped = load_corpus(inputs, default_published=published, max_size=max_size)
    for item in skipped if say_skipped else ():
        click.echo(log_lines(terminal_text(f"factcheck: skipped {item.path}: {item.reason}")), err=True)
    named = ", ".join(map(str, inputs))
    if not articles:
        reasons = "; ".join(f"{item.path}: {item.reason}" for item in skipped)
        fail(f"no usable article in {named}: nothing to draft rules from" + (f" ({reasons})" if reasons else ""))
    taken = defined_ids(beside.parent, beside) if beside is not None else frozenset()
    if min_sources > len(articles):
        fail(f"--min-sources {min_sources} is more than the {len(articles)} article(s) of {named}: nothing can be "
             f"named or read in {min_sources} of them; give more articles or try {fewer}")
    result = draft(articles, min_sources, taken)
    if not result.proposals:
        fail(f"no claim is borne out by {min_sources} of the {len(articles)} article(s) of {named} "
             f"({len(result.rules.entities)} entities found): nothing to draft; try {fewer} or more articles")
    text = rule_file(result, named)
    with draft_folder(text) as folder:  # what is written must be what `rules check` accepts
        _, errors = validate(folder)
    if errors:
        fail("internal error: the draft is no valid rule file (" + "; ".join(e.message for e in errors[:3])
             + "). This is a bug in factcheck: please report it with the articles.")
    return result, articles, text


def corpus_words(corpus: tuple[Path, ...]) -> str:
    """The corpus as a command line names it, for a command to copy ("corpus" where none was given)."""
    return " ".join(shlex.quote(str(path)) for path in corpus) or "corpus"


@contextlib.contextmanager
def draft_folder(text: str) -> Iterator[Path]:
    """A folder holding the draft as its one rule file, for the length of a check."""
    with tempfile.TemporaryDirectory(prefix="factcheck-draft-") as folder:
        (Path(folder) / DRAFT_NAME).write_text(text, encoding="utf-8")
        yield Path(folder)


@click.command("draft")
@corpus_options
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Write the rule file here (e.g. rules/STORY.toml) instead of standard output.")
@click.option("--min-sources", type=click.IntRange(min=1), default=2, show_default=True,
              help="How many articles must name an entity, or read a claim, for the draft to propose it.")
@click.option("--explain", is_flag=True,
              help="Also print the sentences every entity and claim comes from (on standard output with -o, "
                   "else on standard error).")
def rules_draft(corpus: tuple[Path, ...], published: dt.date | None, max_size: int, output: Path | None,
                min_sources: int, explain: bool) -> None:
    """Draft a rule file from the articles of CORPUS (files or folders; default ./corpus).

    The draft names the people, places and organisations the articles name, with their spellings, and proposes the
    claims (dates, times, counts, ages, roles, spelling) that several articles bear out, each with examples taken
    from the corpus, so that `rules check` and `rules test` pass on it and `check` runs it as it is. Exit status 0
    when a draft is written, 2 when the corpus bears out no claim.
    """
    result, articles, text = drafted(corpus, published, max_size, min_sources, beside=output)
    replaced = output is not None and output.exists()
    emit(text, output)
    if replaced:  # a user who meant another file sees it at once
        click.echo(f"factcheck: {output} existed: replaced by the new draft", err=True)
    if explain:
        click.echo(explanation(result, articles), nl=False, err=output is None)
    if output is not None:
        click.echo(f"factcheck: {len(result.rules.entities)} entities and {len(result.proposals)} claims drafted from "
                   f"{len(articles)} article(s) into {output}; run `factcheck rules test {output.parent}`", err=True)
