"""Quote claims: a quotation and the speaker it is attributed to ("'We are close,' Brandt said").

Quotations and their speakers are read by the quotation reader (readers/quotes.py). Across articles, the same or
nearly the same words (a shorter quotation inside a longer one included) given to different speakers cannot all be
right: a conflict, or a warning when an attribution rests on a pronoun. One speaker's remark worded differently by
different sources is a paraphrase or another translation: a warning.
"""

from __future__ import annotations

import difflib
import functools
from dataclasses import dataclass
from itertools import combinations, pairwise

from factcheck import patterns
from factcheck.claims import Claim, KeySpec, RuleSet
from factcheck.findings import Statement, ValueGroup, group_values, sort_statements, statement
from factcheck.kinds import Case, Kind, once_each
from factcheck.readers import quotes
from factcheck.readers.reading import Reading
from factcheck.readers.text import Sentence
from factcheck.trace import UNHEARD, Notes

# How many words of each quotation are compared: the cost of a comparison grows with the product of the lengths.
_COMPARED_WORDS = 300


@dataclass(frozen=True, slots=True)
class Quotation:
    """What a quote statement compares: the quotation's words and who said them."""

    words: str  # case folded, without punctuation, one space between words
    speaker: str  # entity id
    by_pronoun: bool  # the speaker was read through a pronoun: less sure than a name
    echoed: bool  # its sentence says the words are repeated or read out from someone or something else
    same_at: float  # the claim's `similarity`: how alike two quotations must be to be one remark
    # The words between the marks of an omission ("we will ... stay"), each part to be found as it is in the other
    # source's quotation; () when nothing is left out: the words are one part.
    parts: tuple[str, ...] = ()


def _speaker_ids(claim: Claim, rules: RuleSet) -> set[str]:
    listed = claim.get("speakers")
    if listed:
        return set(listed)
    story = rules.stories.get(claim.id) or frozenset(rules.entities)
    return {entity_id for entity_id in story if rules.entities.get(entity_id) and
            rules.entities[entity_id].kind == "person"}


def _excerpt(text: str, words: int = 10) -> str:
    found = text.split()
    return " ".join(found[:words]) + (" …" if len(found) > words else "")


def extract(reading: Reading, claim: Claim, rules: RuleSet, notes: Notes = UNHEARD) -> list[Statement]:
    text, article = reading.text, reading.article
    speakers = _speaker_ids(claim, rules)
    same_at, least = float(claim.get("similarity")), int(claim.get("min_words"))
    found: list[Statement] = []
    names = {entity_id: entity.name for entity_id, entity in rules.entities.items()}
    # Every quotation is attributed, short ones too: a remark of two words ('"We'll see," Brandt said.') still says
    # whom the quotation after it continues.
    read = quotes.attributed(reading, names)
    spans = [span for span, _ in read]
    for span, attribution in read:
        index = reading.sentence_at(span.start)
        quoted = text[span.inner_start:span.inner_end].strip()
        words = quotes.normalise(quotes.without_nested(quoted))
        if len(words.split()) < least:
            if words:
                notes.reject(index, claim.id, f"'{text[span.start:span.end]}' is shorter than {least} words: a phrase "
                                              "in quotes, not a remark")
            continue
        if attribution is None:
            notes.reject(index, claim.id, f"'{_excerpt(quoted)}': no verb of saying attributes it, and it continues "
                                          "no attributed quotation")
            continue
        if attribution.speaker is None or attribution.speaker not in speakers:
            whom = "no one the claim's speakers include" if attribution.speaker else "no one"
            notes.reject(index, claim.id, f"'{_excerpt(quoted)}' is given to {whom}: {attribution.how}")
            continue
        name = rules.entities[attribution.speaker].name
        last = reading.sentence_at(max([span.end - 1, *(end - 1 for _, end in attribution.spans)]))
        first = reading.sentence_at(min([span.start, *(start for start, _ in attribution.spans)]))
        start, end = reading.sentences[first].start, reading.sentences[last].end
        evidence = Sentence(start, end, text[start:end], reading.sentences[first].paragraph)
        explanation = f"“{_excerpt(quoted)}” ({len(words.split())} words) attributed to {name}: {attribution.how}"
        echo = quotes.echo_word(text, start, end, spans)
        if echo:
            explanation += f"; '{echo}' says the words may be repeated or read out from someone or something else"
        parts = tuple(part for piece in _OMISSION.split(quotes.without_nested(quoted))
                      if (part := quotes.normalise(piece)))
        record = Quotation(words, attribution.speaker, attribution.by_pronoun, bool(echo), same_at,
                           parts if len(parts) > 1 else ())
        found.append(statement(claim.id, article, evidence, [(span.start, span.end), *attribution.spans], name,
                               explanation, record, {"quotation": quoted, "by_pronoun": attribution.by_pronoun}))
    return once_each(found, _repeated, reading, notes)


# Marks of words left out or put in by the writer: an ellipsis, or words in square brackets.
_OMISSION = patterns.compile(r"\.\s?\.\s?\.|…|\[[^\]]*\]")


def verbatim(a: Quotation, b: Quotation) -> bool:
    """Whether the shorter of two quotations stands word for word in the longer, each of its parts in order (a
    quotation cut short, or with words left out, is still the speaker's words as the other source gives them)."""
    shorter, longer = sorted((a, b), key=lambda q: (len(q.words.split()), q.words))
    return _in_order(shorter.parts or (shorter.words,), f" {longer.words} ", " ") or _in_order(
        tuple(part.replace(" ", "") for part in shorter.parts or (shorter.words,)), longer.words.replace(" ", ""), "")


def _in_order(parts: tuple[str, ...], within: str, edge: str) -> bool:
    """Whether each part stands in `within` after the one before, between `edge`s: spaces, or with no spaces at
    all, where one source writes as two words what the other writes as one ("long term", "long-term")."""
    at = 0
    for part in parts:
        found = within.find(f"{edge}{part}{edge}", at)
        if found < 0:
            return False
        at = found + len(part) + len(edge)
    return True


def _repeated(a: Statement, b: Statement) -> bool:
    return a.data.speaker == b.data.speaker and likeness(a.data.words, b.data.words) >= a.data.same_at


def likeness(a: str, b: str) -> float:
    """How much of the shorter of two quotations the longer holds, in order: the share of its content words that
    stand in runs of two words or more found in the other. 1.0: the shorter is inside the longer, as a quotation
    cut short is; a paraphrase shares some runs; two remarks on one subject share little but short words."""
    return _likeness(*sorted((a, b), key=lambda words: (len(words.split()), words)))


@functools.lru_cache(maxsize=1 << 16)
def _likeness(a: str, b: str) -> float:
    shorter, longer = a.split()[:_COMPARED_WORDS], b.split()[:_COMPARED_WORDS]
    function_words = quotes.function_words()
    content = sum(word not in function_words for word in shorter)
    if not content:
        return 0.0
    matcher = difflib.SequenceMatcher(None, shorter, longer, autojunk=False)
    shared = sum(word not in function_words for block in matcher.get_matching_blocks() if block.size >= 2
                 for word in shorter[block.a:block.a + block.size])
    return shared / content


def _incompatible(a: Statement, b: Statement) -> bool:
    """The same remark given to different speakers."""
    return a.data.speaker != b.data.speaker and likeness(a.data.words, b.data.words) >= a.data.same_at


def _uncertain(a: Quotation, b: Quotation) -> bool:
    """An attribution through a pronoun may be a misreading of whom it stands for, and words echoed or read out
    may be said by two people: a warning, not a conflict."""
    return a.by_pronoun or b.by_pronoun or a.echoed or b.echoed


def _explained(a: Statement, b: Statement) -> bool:
    return _uncertain(a.data, b.data)


def _remarks(records: list[Quotation], least: float) -> list[list[Quotation]]:
    """The records grouped by remark: the same words, or words alike by at least `least`, in the order they were
    first given. Distinct words are compared only when they share two words in a row, one of them a content word
    (no pair alike by `likeness` shares less), found through an index of such pairs."""
    words = sorted({record.words for record in records})
    function_words = quotes.function_words()
    by_bigram: dict[tuple[str, str], list[int]] = {}
    for position, text in enumerate(words):
        split = text.split()
        for bigram in set(pairwise(split)):
            if not (bigram[0] in function_words and bigram[1] in function_words):
                by_bigram.setdefault(bigram, []).append(position)
    parent = list(range(len(words)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in sorted({pair for members in by_bigram.values() for pair in combinations(members, 2)}):
        if root(i) != root(j) and likeness(words[i], words[j]) >= least:
            parent[max(root(i), root(j))] = min(root(i), root(j))
    position_of = {text: position for position, text in enumerate(words)}
    groups: dict[int, list[Quotation]] = {}
    for record in records:
        groups.setdefault(root(position_of[record.words]), []).append(record)
    return list(groups.values())


def _listing(groups: tuple[ValueGroup, ...]) -> str:
    return " against ".join(f"{g.value} ({', '.join(g.articles)})" for g in groups)


def _by_record(statements: tuple[Statement, ...]) -> dict[Quotation, list[Statement]]:
    """Statements by distinct record, in the order records are first given: a remark the wires spread to a thousand
    articles is one record, compared once, not a thousand."""
    by_record: dict[Quotation, list[Statement]] = {}
    for item in statements:
        by_record.setdefault(item.data, []).append(item)
    return by_record


def _by_remark(claim: Claim, statements: tuple[Statement, ...]) -> list[tuple[Statement, ...]]:
    """A finding per remark: the quotations alike enough to be the same words, or one speaker's words reworded."""
    by_record = _by_record(statements)
    least = min(float(claim.get("similarity")), float(claim.get("paraphrase")))
    return [tuple(s for record in group for s in by_record[record]) for group in _remarks(list(by_record), least)]


def _pairs(claim: Claim, statements: tuple[Statement, ...]) -> tuple[list[tuple[Statement, Statement]],
                                                                     list[tuple[Statement, Statement]]]:
    """The remark's pairs of distinct records, each standing for its statements: the same words given to different
    speakers (explained where an attribution is uncertain), and one speaker's words reworded between sources
    (always explained: a paraphrase or another translation)."""
    same_at, reworded_at = float(claim.get("similarity")), float(claim.get("paraphrase"))
    by_record = _by_record(statements)
    unexplained: list[tuple[Statement, Statement]] = []
    explained: list[tuple[Statement, Statement]] = []
    for a, b in combinations(by_record, 2):
        alike = 1.0 if a.words == b.words else likeness(a.words, b.words)
        articles = {s.article for s in (*by_record[a], *by_record[b])}
        pair = (by_record[a][0], by_record[b][0])
        if a.speaker != b.speaker and alike >= same_at:
            (explained if _uncertain(a, b) else unexplained).append(pair)
        elif a.speaker == b.speaker and len(articles) > 1 and (
                reworded_at <= alike < same_at or (alike >= same_at and not verbatim(a, b))):
            explained.append(pair)
    return unexplained, explained


def _in_pairs(pairs: list[tuple[Statement, Statement]], by_record: dict[Quotation, list[Statement]]) -> list[Statement]:
    return [s for pair in pairs for item in pair for s in by_record[item.data]]


def _entitle(case: Case) -> str:
    by_record = _by_record(case.statements)
    shortest = min((s for record in by_record.values() for s in record), key=lambda s: (len(s.data.words), s.article))
    return f"{case.claim.title}: “{_excerpt(shortest.extra['quotation'], 8)}”"


def _describe(case: Case) -> str:
    if case.status == "consistent":
        ordered = case.statements
        speakers = len({s.value for s in ordered})
        sources = len({s.article for s in ordered})
        message = (f"no remark is given to different speakers: {len(ordered)} quotation(s) of {speakers} "
                   f"speaker(s) in {sources} source(s)")
        shared_remarks = sum(len({s.article for s in part}) > 1 for part in case.parts)
        if shared_remarks:
            message += f"; {shared_remarks} remark(s) quoted by more than one source, each time to the same speaker"
        return message
    by_record = _by_record(case.statements)
    pairs = [*case.unexplained, *case.explained]
    clashes = [pair for pair in pairs if pair[0].data.speaker != pair[1].data.speaker]
    reworded = [pair for pair in pairs if pair[0].data.speaker == pair[1].data.speaker]
    parts = []
    if clashes:
        clashing = sort_statements(_in_pairs(clashes, by_record))
        parts.append(f"the same words are given to different speakers: {_listing(group_values(clashing))}")
        pronouns = sorted({f"{s.value} in {s.article}" for s in clashing if s.data.by_pronoun})
        if pronouns and not case.unexplained:
            parts.append(f"the attribution to {', '.join(pronouns)} rests on a pronoun, which may be misread")
        echoes = sorted({f"{s.value} in {s.article}" for s in clashing if s.data.echoed})
        if echoes and not case.unexplained:
            parts.append(f"the sentence giving the words to {', '.join(echoes)} says they are repeated or read "
                         "out (echoed, quoting, a statement), so more than one speaker may have said them")
    for speaker in sorted({a.data.speaker for a, _ in reworded}):
        theirs = _in_pairs([pair for pair in reworded if pair[0].data.speaker == speaker], by_record)
        cited = ", ".join(sorted({s.article for s in theirs}))
        parts.append(f"{theirs[0].value}'s words differ between sources, not word for word the same, as a "
                     f"misquotation, a paraphrase or another translation would: {cited}")
    return "; ".join(parts)


KIND = Kind(
    name="quote",
    summary="who said a quotation: the same words given to different speakers",
    keys={
        "speakers": KeySpec("entities", "the people whose quotations are compared (default: every person of the "
                                        "rule file)", default=()),
        "similarity": KeySpec("number", "how much of the shorter of two quotations the other must hold, in order, "
                                        "for them to be one remark (0 to 1)", default=0.8),
        "paraphrase": KeySpec("number", "how much one speaker's two quotations must share to be one remark "
                                        "reworded, a paraphrase or another translation (0 to 1)", default=0.5),
        "min_words": KeySpec("number", "quotations of fewer words are phrases in quotes, not remarks", default=4),
    },
    extract=extract,
    describe=_describe,
    incompatible=_incompatible,
    explained=_explained,
    why_explained="an attribution through a pronoun is less sure than one by name, and words echoed or read out "
                  "may be said by two people",
    split=_by_remark,
    pairs=_pairs,
    entitle=_entitle,
    agreement_beside_disagreement=False,
    data_type=Quotation,
)


