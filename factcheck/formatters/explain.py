"""The terminal view of `factcheck explain`: each sentence that has anything to say, and what was read in it."""

from __future__ import annotations

import io

from factcheck.explain import SentenceTrace
from factcheck.formatters import Options, console_for
from factcheck.formatters.escape import log_lines, terminal_styled


def _value(value: object) -> str:
    return " -> ".join(value) if isinstance(value, tuple) else str(value)


def render_explanation(path: str, traces: tuple[SentenceTrace, ...], options: Options, outside: str = "") -> str:
    """The trace as text; `outside`: why `check` reads none of the rules' claims in the article, said first. Its
    lines show article text: control characters are shown, and no line is a workflow command in a CI log."""
    # rich is imported when an explanation is drawn: every command imports this module, and a check never needs it.
    from rich.text import Text

    buffer = io.StringIO()
    console = console_for(buffer, options)

    def say(text: Text) -> None:
        console.print(terminal_styled(text))

    shown = [trace for trace in traces if trace.anything]
    say(Text(f"{path}: {len(traces)} sentence(s), {len(shown)} with something read", style="bold"))
    if outside:
        say(Text(f"factcheck check leaves this article out: it tells none of the rules' stories; it "
                 f"{outside}. What the claims would read in it follows.", style="bold"))
    for trace in shown:
        console.print()
        say(Text(f"line {trace.line}: ", style="bold").append(Text(trace.sentence.text, style="")))
        for timex in trace.timexes:
            say(Text(f"  date     {timex.explanation}", style="cyan"))
        for count in trace.counts:
            say(Text(f"  count    {count.text} -> {count.value}: {count.how}", style="cyan"))
        if trace.mentions:
            names = ", ".join(f"{m.text} ({m.entity}{', near miss of ' + m.form if m.how == 'near miss' else ''})"
                              for m in trace.mentions)
            say(Text(f"  names    {names}", style="cyan"))
        for claim, words in trace.cues:
            say(Text(f"  cues     {claim}: " + ", ".join(f"'{w}'" for w in words)))
        for statement in trace.statements:
            say(Text(f"  read     {statement.claim} = {_value(statement.value)}: {statement.explanation}",
                     style="bold green"))
        for rejection in trace.rejections:
            say(Text(f"  not read {rejection.claim}: {rejection.reason}", style="yellow"))
    return log_lines(buffer.getvalue())
